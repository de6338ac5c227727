//! The generated API beyond the table itself: errors, names, objects,
//! records and their human-readable forms.

use cec_codes::{
    BusyReason, Code, ListenInsertWhisperReason, NotApplicable, Object, ObjectKind, Operation,
    OperationType, Reason, ReasonCodes, RestReason, SignOutReason, WorkStatusReason,
};

#[test]
fn unknown_codes_and_names_are_errors_that_say_what() {
    let error = OperationType::try_from(99).unwrap_err();
    assert_eq!(error.code(), 99);
    assert_eq!(error.kind(), "OperationType");
    assert_eq!(error.to_string(), "99 is not a known OperationType code");
    assert_eq!(
        BusyReason::try_from(6).unwrap_err().to_string(),
        "6 is not a known BusyReason code"
    );
    let error = "Bsy".parse::<OperationType>().unwrap_err();
    assert_eq!(error.kind(), "OperationType");
    assert_eq!(error.to_string(), "not a known OperationType name");
    assert_eq!(
        "busy".parse::<OperationType>(),
        Err(error),
        "names are exact"
    );
    let _: &dyn core::error::Error = &error;
}

#[test]
fn a_specific_code_wins_over_the_range_holding_it() {
    assert_eq!(
        WorkStatusReason::from_code(0),
        Some(WorkStatusReason::AfterCallProcessing)
    );
    assert_eq!(
        WorkStatusReason::from_code(1),
        Some(WorkStatusReason::ManualAdjustment(1))
    );
    assert_eq!(
        WorkStatusReason::from_code(255),
        Some(WorkStatusReason::ManualAdjustment(255))
    );
    assert_eq!(WorkStatusReason::from_code(256), None);
    assert_eq!(
        Reason::decode(OperationType::WorkStatus, 0),
        Reason::WorkStatus(WorkStatusReason::AfterCallProcessing)
    );
}

#[test]
fn range_and_open_reasons_carry_their_value() {
    assert_eq!(
        SignOutReason::from_code(17),
        Some(SignOutReason::ClientError(17))
    );
    assert_eq!(
        SignOutReason::from_code(256),
        Some(SignOutReason::Disconnected)
    );
    assert_eq!(
        BusyReason::from_code(230),
        Some(BusyReason::ServiceErrorCode(230))
    );
    assert_eq!(RestReason::from_code(0), Some(RestReason::RestCause(0)));
    assert_eq!(
        RestReason::from_code(123_456),
        Some(RestReason::RestCause(123_456))
    );
    assert_eq!(
        RestReason::from_code(-1),
        None,
        "-1 is not applicable, not a rest cause"
    );
    assert_eq!(
        Reason::decode(OperationType::Rest, -1),
        Reason::NotApplicable(NotApplicable::MinusOne)
    );
    assert_eq!(
        OperationType::Rest.reasons()[0].codes,
        ReasonCodes::Open { default: Some(0) }
    );
}

#[test]
fn a_bare_code_has_no_description() {
    let reason = Reason::decode(OperationType::ListenInsertWhisper, 0);
    assert_eq!(
        reason,
        Reason::ListenInsertWhisper(ListenInsertWhisperReason::Zero)
    );
    assert_eq!(reason.description(), None);
    assert_eq!(reason.to_string(), "Zero (0)");
}

#[test]
fn reasons_read_as_text() {
    assert_eq!(
        Reason::decode(OperationType::Busy, 4).to_string(),
        "TakingRest (4: Indicates that an agent takes a rest.)"
    );
    assert_eq!(
        Reason::decode(OperationType::Busy, 65535).to_string(),
        "not applicable (65535)"
    );
    assert_eq!(
        Reason::decode(OperationType::Busy, 6).to_string(),
        "unlisted (6)"
    );
    assert_eq!(
        BusyReason::ServiceErrorCode(201).to_string(),
        "ServiceErrorCode"
    );
}

#[test]
fn objects_decode_by_the_kind_their_operation_names() {
    assert_eq!(
        Object::decode(Some(ObjectKind::EmployeeId), "1001"),
        Object::EmployeeId("1001")
    );
    assert_eq!(
        Object::decode(Some(ObjectKind::AgentId), "7"),
        Object::AgentId("7")
    );
    assert_eq!(Object::decode(None, "7"), Object::Other("7"));
    assert_eq!(
        Object::decode(Some(ObjectKind::AgentId), "-1"),
        Object::NotApplicable(NotApplicable::MinusOne)
    );
    assert_eq!(ObjectKind::EmployeeId.text(), "Employee ID.");
    assert_eq!(ObjectKind::AgentId.name(), "AgentId");
    assert_eq!(
        ObjectKind::ALL,
        [ObjectKind::EmployeeId, ObjectKind::AgentId]
    );
    assert_eq!(
        Object::EmployeeId("1001").to_string(),
        "Employee ID \"1001\""
    );
    assert_eq!(
        Object::NotApplicable(NotApplicable::UsNoUse).to_string(),
        "no object (65535)"
    );
}

#[test]
fn records_read_as_a_sentence() {
    assert_eq!(
        Operation::decode(3, "-1", 4).to_string(),
        "Busy (3: Busy.), reason TakingRest (4: Indicates that an agent takes a rest.)"
    );
    assert_eq!(
        Operation::decode(38, "1001", -1).to_string(),
        "Hold (38: Hold a call by an agent.) on Employee ID \"1001\", reason not applicable (-1)"
    );
    assert_eq!(
        Operation::decode(99, "abc", 3).to_string(),
        "unknown operation 99 on object \"abc\", reason unlisted (3)"
    );
}

#[test]
fn records_keep_unknown_operations() {
    let row = Operation::decode(99, "1001", 7);
    assert_eq!(row.code, Code::Unknown(99));
    assert_eq!(row.code.known(), None);
    assert_eq!(row.object, Object::Other("1001"));
    assert_eq!(row.reason, Reason::Unlisted(7));
    assert_eq!(row.encode(), (99, "1001", 7));
}

#[test]
fn const_evaluation_works() {
    const BUSY: Option<OperationType> = OperationType::from_code(3);
    const REASON: Reason = Reason::decode(OperationType::Busy, 7);
    const TEXT: &str = OperationType::Conference.description();
    assert_eq!(BUSY, Some(OperationType::Busy));
    assert_eq!(REASON, Reason::Busy(BusyReason::CallRejected));
    assert_eq!(TEXT, "The agent enters the conference state.");
}

#[test]
fn ordering_follows_vendor_codes() {
    let mut shuffled = OperationType::ALL;
    shuffled.reverse();
    shuffled.sort();
    assert_eq!(shuffled, OperationType::ALL);
}
