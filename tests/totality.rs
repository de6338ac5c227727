//! Decoding is total: any `op_type`, any (`op_type`, `op_cause`) pair and
//! any `op_object` text decodes without panicking and encodes back to
//! exactly the input, over the whole `i32` range (random samples; the
//! round-trip tests cover the dense ranges around the vendor's codes).

use cec_codes::{
    Code, NotApplicable, Object, ObjectKind, Operation, OperationType, Reason, ReasonCodes,
    ReasonInfo,
};
use proptest::prelude::*;

/// Any code, with the vendor's codes and markers and the extremes common.
fn code() -> impl Strategy<Value = i32> {
    prop_oneof![
        2 => any::<i32>(),
        1 => prop::sample::select(vec![-1, 0, 1, 255, 256, 65535, i32::MIN, i32::MAX]),
        1 => -2i32..300,
    ]
}

fn operation_type() -> impl Strategy<Value = OperationType> {
    prop::sample::select(OperationType::ALL.to_vec())
}

/// Any text, with the object column's markers common.
fn object_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        1 => prop::sample::select(vec!["-1", "65535", "", "1001", "-1 ", "0xFFFF", "US_NO_USE"])
            .prop_map(str::to_string),
    ]
}

/// The reason the vendor's list gives `code` for `operation`, by the
/// documented precedence, stated here independently of the generator: a
/// single code, then a range, then (but for the markers of "not
/// applicable") an open reason.
fn listed(operation: OperationType, code: i32) -> Option<ReasonInfo<Reason>> {
    let lists = |codes: ReasonCodes| match codes {
        ReasonCodes::Single(single) => single == code,
        ReasonCodes::Range { start, end } => (start..=end).contains(&code),
        ReasonCodes::Open { .. } => NotApplicable::from_code(code).is_none(),
    };
    operation
        .reasons()
        .iter()
        .filter(|info| lists(info.codes))
        .min_by_key(|info| match info.codes {
            ReasonCodes::Single(_) => 0,
            ReasonCodes::Range { .. } => 1,
            ReasonCodes::Open { .. } => 2,
        })
        .copied()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_operation_code_decodes_and_encodes_back(code in code()) {
        let decoded = Code::<OperationType>::from(code);
        prop_assert_eq!(decoded.code(), code);
        prop_assert_eq!(i32::from(decoded), code);
        prop_assert_eq!(decoded.known(), OperationType::from_code(code));
        match OperationType::try_from(code) {
            Ok(operation) => prop_assert_eq!(operation.code(), code),
            Err(error) => prop_assert_eq!(error.code(), code),
        }
    }

    #[test]
    fn any_reason_of_any_type_decodes_and_encodes_back(operation in operation_type(), code in code()) {
        let reason = Reason::decode(operation, code);
        prop_assert_eq!(reason.code(), code);
        prop_assert_eq!(i32::from(reason), code);
        match listed(operation, code) {
            Some(info) => {
                prop_assert_eq!(reason.name(), info.reason.name());
                prop_assert_eq!(reason.description(), info.reason.description());
                prop_assert_eq!(reason.codes(), Some(info.codes));
            }
            None => prop_assert!(matches!(reason, Reason::NotApplicable(_) | Reason::Unlisted(_))),
        }
        prop_assert!(!reason.to_string().is_empty());
    }

    #[test]
    fn any_bill_row_decodes_and_encodes_back(code in code(), object in object_text(), reason in code()) {
        let row = Operation::decode(code, &object, reason);
        prop_assert_eq!(row.encode(), (code, object.as_str(), reason));
        let start = match row.code() {
            Code::Known(operation) => format!("{operation} ({code}: "),
            Code::Unknown(_) => format!("unknown operation {code}"),
        };
        prop_assert!(row.to_string().starts_with(&start));
    }

    #[test]
    fn any_object_text_of_any_kind_comes_back(kind in prop::option::of(prop::sample::select(ObjectKind::ALL.to_vec())), text in object_text()) {
        let object = Object::decode(kind, &text);
        prop_assert_eq!(object.as_str(), text.as_str());
        match text.as_str() {
            "-1" | "65535" => prop_assert!(matches!(object, Object::NotApplicable(_))),
            _ => prop_assert_eq!(object.kind(), kind),
        }
    }

    #[test]
    fn any_name_parses_or_is_refused(name in prop_oneof![
        any::<String>(),
        prop::sample::select(OperationType::ALL.map(OperationType::name).to_vec()).prop_map(str::to_string),
    ]) {
        match name.parse::<OperationType>() {
            Ok(operation) => prop_assert_eq!(operation.name(), name.as_str()),
            Err(error) => prop_assert_eq!(error.to_string(), "not a known OperationType name"),
        }
    }
}
