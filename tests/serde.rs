//! With feature `serde`: vendor numbers on the wire, decoded losslessly,
//! and every serializable type deserializes what it wrote.
#![cfg(feature = "serde")]

use cec_codes::{
    BusyReason, Code, NotApplicable, Operation, OperationType, OwnedOperation, Reason, ReasonCodes,
};
use proptest::prelude::*;
use serde_json::json;

#[test]
fn codes_are_numbers_on_the_wire() {
    assert_eq!(serde_json::to_value(OperationType::Busy).unwrap(), json!(3));
    assert_eq!(
        serde_json::from_value::<OperationType>(json!(58)).unwrap(),
        OperationType::Conference
    );
    // Every code Busy lists, single or at its range bounds.
    for info in OperationType::Busy.reasons() {
        let codes = match info.codes {
            ReasonCodes::Single(code) => vec![code],
            ReasonCodes::Range { start, end } => vec![start, end],
            ReasonCodes::Open { .. } => unreachable!("Busy has no open reason"),
        };
        for code in codes {
            let reason = BusyReason::from_code(code).expect("listed");
            assert_eq!(serde_json::to_value(reason).unwrap(), json!(code));
            assert_eq!(
                serde_json::from_value::<BusyReason>(json!(code)).unwrap(),
                reason
            );
        }
    }
    assert_eq!(
        serde_json::to_value(NotApplicable::UsNoUse).unwrap(),
        json!(65535)
    );
    assert_eq!(
        serde_json::from_value::<NotApplicable>(json!(-1)).unwrap(),
        NotApplicable::MinusOne
    );
}

/// A reason alone says which operation it was decoded for, so that it
/// decodes the same on the way back.
#[test]
fn reasons_are_their_operation_and_code_both_ways() {
    let cases = [
        (
            Reason::decode(OperationType::Busy, 4),
            json!({"op_type": 3, "op_cause": 4}),
        ),
        (
            Reason::decode(OperationType::Busy, 230),
            json!({"op_type": 3, "op_cause": 230}),
        ),
        (
            Reason::decode(OperationType::Busy, -1),
            json!({"op_type": null, "op_cause": -1}),
        ),
        (
            Reason::decode(OperationType::Busy, 6),
            json!({"op_type": null, "op_cause": 6}),
        ),
        (
            Reason::unlisted(65535),
            json!({"op_type": null, "op_cause": 65535}),
        ),
    ];
    for (reason, value) in cases {
        assert_eq!(serde_json::to_value(reason).unwrap(), value);
        assert_eq!(
            serde_json::from_value::<Reason>(value.clone()).unwrap(),
            reason
        );
        let text = value.to_string();
        assert_eq!(serde_json::from_str::<Reason>(&text).unwrap(), reason);
        assert_eq!(
            serde_json::from_reader::<_, Reason>(text.as_bytes()).unwrap(),
            reason
        );
    }
    // A code the operation type table does not list decodes as unlisted.
    assert_eq!(
        serde_json::from_value::<Reason>(json!({"op_type": 99, "op_cause": 4})).unwrap(),
        Reason::unlisted(4)
    );
    let error = serde_json::from_value::<Reason>(json!({"op_type": 3})).unwrap_err();
    assert_eq!(error.to_string(), "missing field `op_cause`");
    let error = serde_json::from_str::<Reason>(r#"{"op_type":3,"cause":4}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown field `cause`, expected `op_type` or `op_cause` at line 1 column 20"
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
            format!(r#"{{"op_type":{code},"op_object":"{object}","op_cause":{reason}}}"#)
        );
        let back: Operation<'_> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, row);
        let owned: OwnedOperation = serde_json::from_str(&text).unwrap();
        assert_eq!(owned.as_operation(), row);
        assert_eq!(owned, row.into_owned());
        assert_eq!(serde_json::to_string(&owned).unwrap(), text);
    }
}

/// The issue's reproduction: an escaped object cannot be borrowed, and the
/// owned form reads it from a string, a reader and a value.
#[test]
fn an_escaped_object_deserializes_into_the_owned_form() {
    let row = Operation::decode(26, "工号\"1001", 12);
    let text = serde_json::to_string(&row).unwrap();
    assert_eq!(
        text,
        r#"{"op_type":26,"op_object":"工号\"1001","op_cause":12}"#
    );
    let error = serde_json::from_str::<Operation<'_>>(&text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: string \"工号\\\"1001\", expected a string the input can lend \
         (deserialize OwnedOperation for any string) at line 1 column 40"
    );
    let from_str: OwnedOperation = serde_json::from_str(&text).unwrap();
    let from_reader: OwnedOperation = serde_json::from_reader(text.as_bytes()).unwrap();
    let value = serde_json::to_value(row).unwrap();
    let from_value: OwnedOperation = serde_json::from_value(value).unwrap();
    for owned in [from_str, from_reader, from_value] {
        assert_eq!(owned.as_operation(), row);
    }
}

#[test]
fn a_record_reads_from_a_sequence_and_reports_bad_fields() {
    let row: Operation<'_> = serde_json::from_str(r#"[3,"-1",4]"#).unwrap();
    assert_eq!(row, Operation::decode(3, "-1", 4));
    let error =
        serde_json::from_str::<Operation<'_>>(r#"{"op_type":3,"op_object":"-1"}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "missing field `op_cause` at line 1 column 30"
    );
    let error = serde_json::from_str::<OwnedOperation>(r#"{"op_type":3,"op_type":3}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "duplicate field `op_type` at line 1 column 25"
    );
    let error = serde_json::from_str::<OwnedOperation>(r#"[3,"-1"]"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid length 2, expected a struct of op_type, op_object and op_cause at line 1 column 8"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any object text (quotes, backslashes, control characters, non-BMP
    /// characters) and any codes round-trip through JSON text, readers and
    /// values; the borrowed form reads every text JSON can lend.
    #[test]
    fn records_round_trip_any_text(
        code in prop_oneof![Just(3), Just(26), Just(58), any::<i32>()],
        object in prop_oneof![
            "\\PC*",
            proptest::collection::vec(
                prop_oneof![Just('"'), Just('\\'), Just('\u{0}'), Just('\n'), Just('\u{1f}'), Just('😀'), Just('𠀀'), any::<char>()],
                0..12,
            ).prop_map(|chars| chars.into_iter().collect::<String>()),
        ],
        reason in prop_oneof![Just(-1), Just(65535), Just(4), Just(230), any::<i32>()],
    ) {
        let row = Operation::decode(code, &object, reason);
        let text = serde_json::to_string(&row).unwrap();
        let owned: OwnedOperation = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(owned.as_operation(), row);
        let owned: OwnedOperation = serde_json::from_reader(text.as_bytes()).unwrap();
        prop_assert_eq!(owned.as_operation(), row);
        let owned: OwnedOperation = serde_json::from_value(serde_json::to_value(row).unwrap()).unwrap();
        prop_assert_eq!(owned.as_operation(), row);
        prop_assert_eq!(serde_json::to_string(&owned).unwrap(), text.clone());
        // JSON lends a string exactly when it has no escapes.
        match serde_json::from_str::<Operation<'_>>(&text) {
            Ok(back) => prop_assert_eq!(back, row),
            Err(error) => {
                prop_assert!(text.contains('\\'), "{error}");
            }
        }
        let reason = row.reason();
        let back: Reason = serde_json::from_str(&serde_json::to_string(&reason).unwrap()).unwrap();
        prop_assert_eq!(back, reason);
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
