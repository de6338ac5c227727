//! Nothing is lost: every number decodes without panicking and re-encodes to
//! itself, over whole value ranges.

use cec_codes::{Code, NotApplicable, Object, Operation, OperationType, Reason, ReasonCodes};

/// Whether the vendor lists `code` under `codes` (an open reason: any code
/// but the markers of "not applicable").
fn lists(codes: ReasonCodes, code: i32) -> bool {
    match codes {
        ReasonCodes::Single(single) => single == code,
        ReasonCodes::Range { start, end } => (start..=end).contains(&code),
        ReasonCodes::Open { .. } => NotApplicable::from_code(code).is_none(),
    }
}

const WIDE: std::ops::RangeInclusive<i32> = -1000..=70000;

#[test]
fn every_operation_code_round_trips() {
    for code in WIDE.chain([i32::MIN, i32::MAX]) {
        let decoded = Code::<OperationType>::from(code);
        assert_eq!(decoded.code(), code);
        assert_eq!(i32::from(decoded), code);
        match OperationType::try_from(code) {
            Ok(op) => {
                assert_eq!(decoded, Code::Known(op));
                assert_eq!(op.code(), code);
            }
            Err(error) => {
                assert!(matches!(decoded, Code::Unknown(unknown) if unknown.code() == code));
                assert_eq!(error.code(), code);
            }
        }
    }
    let known = WIDE
        .filter(|code| OperationType::from_code(*code).is_some())
        .count();
    assert_eq!(known, OperationType::COUNT);
}

#[test]
fn every_reason_of_every_type_round_trips() {
    for op in OperationType::ALL {
        for code in WIDE.chain([i32::MIN, i32::MAX]) {
            let reason = Reason::decode(op, code);
            assert_eq!(reason.code(), code, "{op} reason {code}");
            assert_eq!(i32::from(reason), code);
            let listed = op.reasons().iter().any(|info| lists(info.codes, code));
            match reason {
                Reason::NotApplicable(marker) => {
                    assert!(!listed, "{op} {code}");
                    assert_eq!(NotApplicable::from_code(code), Some(marker));
                }
                Reason::Unlisted(_) => assert!(!listed, "{op} {code}"),
                _ => assert!(listed, "{op} {code}"),
            }
        }
    }
}

#[test]
fn reasons_of_unknown_operation_types_round_trip() {
    for code in WIDE.step_by(7) {
        let row = Operation::decode(99, "x", code);
        assert_eq!(row.encode(), (99, "x", code));
        match code {
            -1 => assert_eq!(row.reason(), Reason::NotApplicable(NotApplicable::MinusOne)),
            65535 => assert_eq!(row.reason(), Reason::NotApplicable(NotApplicable::UsNoUse)),
            _ => assert!(
                matches!(row.reason(), Reason::Unlisted(unlisted) if unlisted.code() == code)
            ),
        }
    }
}

#[test]
fn objects_round_trip_for_every_operation() {
    let objects = [
        "-1", "65535", "", "1001", " -1", "0xFFFF", "agent 7", "语音", "-1\n",
    ];
    for code in WIDE
        .step_by(13)
        .chain(OperationType::ALL.map(OperationType::code))
    {
        for text in objects {
            let row = Operation::decode(code, text, -1);
            assert_eq!(row.object().as_str(), text);
            assert_eq!(row.encode(), (code, text, -1));
            let kind = OperationType::from_code(code).and_then(OperationType::object_kind);
            match (text, row.object()) {
                ("-1", object) => {
                    assert_eq!(object, Object::NotApplicable(NotApplicable::MinusOne))
                }
                ("65535", object) => {
                    assert_eq!(object, Object::NotApplicable(NotApplicable::UsNoUse))
                }
                (_, object) => assert_eq!(object.kind(), kind),
            }
        }
    }
}
