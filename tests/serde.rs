//! With feature `serde`: vendor numbers on the wire, decoded losslessly.
#![cfg(feature = "serde")]

use cec_codes::{
    BusyReason, Code, NotApplicable, Object, ObjectKind, Operation, OperationType, Reason,
};
use serde_json::json;

#[test]
fn codes_are_numbers_on_the_wire() {
    assert_eq!(serde_json::to_value(OperationType::Busy).unwrap(), json!(3));
    assert_eq!(
        serde_json::from_value::<OperationType>(json!(58)).unwrap(),
        OperationType::Conference
    );
    assert_eq!(
        serde_json::to_value(BusyReason::from_code(201).unwrap()).unwrap(),
        json!(201)
    );
    assert_eq!(
        serde_json::from_value::<BusyReason>(json!(230)).unwrap(),
        BusyReason::from_code(230).unwrap()
    );
    assert_eq!(
        serde_json::from_value::<BusyReason>(json!(7)).unwrap(),
        BusyReason::CallRejected
    );
    assert_eq!(
        serde_json::to_value(NotApplicable::UsNoUse).unwrap(),
        json!(65535)
    );
    assert_eq!(
        serde_json::to_value(Reason::decode(OperationType::Busy, 4)).unwrap(),
        json!(4)
    );
    assert_eq!(
        serde_json::to_value(Object::decode(Some(ObjectKind::EmployeeId), "1001")).unwrap(),
        json!("1001")
    );
}

#[test]
fn an_unknown_code_is_an_error_for_the_enum_and_kept_by_code() {
    let error = serde_json::from_value::<OperationType>(json!(99)).unwrap_err();
    assert_eq!(error.to_string(), "99 is not a known OperationType code");
    assert_eq!(
        serde_json::from_value::<Code<OperationType>>(json!(99)).unwrap(),
        Code::from_code(99)
    );
    assert_eq!(
        serde_json::from_value::<Code<OperationType>>(json!(3)).unwrap(),
        Code::Known(OperationType::Busy)
    );
    assert_eq!(
        serde_json::to_value(Code::<OperationType>::from_code(99)).unwrap(),
        json!(99)
    );
    let error = serde_json::from_value::<BusyReason>(json!(6)).unwrap_err();
    assert_eq!(error.to_string(), "6 is not a known BusyReason code");
}

#[test]
fn records_round_trip_through_json() {
    for (code, object, reason) in [
        (3, "-1", 4),
        (26, "1001", 12),
        (99, "x", 5),
        (58, "7", 65535),
    ] {
        let row = Operation::decode(code, object, reason);
        let text = serde_json::to_string(&row).unwrap();
        assert_eq!(
            text,
            format!(r#"{{"code":{code},"object":"{object}","reason":{reason}}}"#)
        );
        let back: Operation<'_> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, row);
    }
}

#[test]
fn text_codes_are_their_text_on_the_wire() {
    use cec_codes::{CallDirection, TextCode};
    assert_eq!(
        serde_json::to_value(CallDirection::IvrOutbound).unwrap(),
        json!("IVR呼出")
    );
    // Owned strings (escapes in JSON) deserialize too.
    assert_eq!(
        serde_json::from_str::<CallDirection>("\"\\u547c\\u5165\"").unwrap(),
        CallDirection::Inbound
    );
    assert_eq!(
        serde_json::from_value::<CallDirection>(json!("回呼"))
            .unwrap_err()
            .to_string(),
        "\"回呼\" is not a known CallDirection code"
    );
    let text = r#""回呼""#;
    let kept: TextCode<'_, CallDirection> = serde_json::from_str(text).unwrap();
    assert_eq!(kept.as_str(), "回呼");
    assert_eq!(serde_json::to_string(&kept).unwrap(), text);
}
