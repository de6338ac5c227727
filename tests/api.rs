//! The generated API beyond the table itself: errors, names, objects,
//! records, their human-readable forms, and values that can only be made
//! by decoding.

use cec_codes::{
    BusyReason, Code, CodeEnum, Enumerable, Lang, ListenInsertWhisperReason, NotApplicable, Object,
    ObjectKind, Operation, OperationType, Reason, ReasonCodes, RestReason, SignOutReason,
    TalkingReason, WorkStatusReason, busy_reason, rest_reason, sign_out_reason, work_status_reason,
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
    assert_eq!(
        work_status_reason::ManualAdjustment::try_from(0)
            .unwrap_err()
            .to_string(),
        "0 is not a known WorkStatusReason::ManualAdjustment code"
    );
    let error = "Bsy".parse::<OperationType>().unwrap_err();
    assert_eq!(error.kind(), "OperationType");
    assert_eq!(error.to_string(), "not a known OperationType name");
    assert_eq!(
        "busy".parse::<OperationType>(),
        Err(error),
        "names are exact"
    );
    assert_eq!(
        "ManualAdjustment(0)"
            .parse::<WorkStatusReason>()
            .unwrap_err()
            .to_string(),
        "not a known WorkStatusReason name"
    );
    let _: &dyn core::error::Error = &error;
}

#[test]
fn a_specific_code_wins_over_the_range_holding_it() {
    let one = work_status_reason::ManualAdjustment::new(1).expect("1 is an adjustment");
    assert_eq!(one.code(), 1);
    assert_eq!(
        WorkStatusReason::from_code(0),
        Some(WorkStatusReason::AfterCallProcessing)
    );
    assert_eq!(
        WorkStatusReason::from_code(1),
        Some(WorkStatusReason::ManualAdjustment(one))
    );
    assert_eq!(WorkStatusReason::from_code(256), None);
    assert_eq!(
        work_status_reason::ManualAdjustment::new(0),
        None,
        "0 is after-call processing, listed on its own"
    );
    assert_eq!(
        Reason::decode(OperationType::WorkStatus, 0),
        Reason::WorkStatus(WorkStatusReason::AfterCallProcessing)
    );
}

#[test]
fn carried_codes_are_made_only_by_decoding() {
    // Every code a variant may carry is exactly a code that decodes to it:
    // those of its range as the table lists it.
    let range_of = |op: OperationType, name: &str| {
        let info = op.reasons().iter().find(|info| info.reason.name() == name);
        match info.map(|info| info.codes) {
            Some(ReasonCodes::Range { start, end }) => start..=end,
            other => panic!("{op} {name}: {other:?}"),
        }
    };
    let client_errors = range_of(OperationType::SignOut, "ClientError");
    let service_errors = range_of(OperationType::Busy, "ServiceErrorCode");
    for code in -1000..=70_000 {
        let client_error = sign_out_reason::ClientError::new(code);
        assert_eq!(
            client_error.is_some(),
            client_errors.contains(&code),
            "{code}"
        );
        let service = busy_reason::ServiceErrorCode::new(code);
        assert_eq!(service.is_some(), service_errors.contains(&code), "{code}");
        let rest = rest_reason::RestCause::new(code);
        assert_eq!(rest.is_some(), code != -1 && code != 65535, "{code}");
        for value in [
            client_error.map(i32::from),
            service.map(i32::from),
            rest.map(i32::from),
        ]
        .into_iter()
        .flatten()
        {
            assert_eq!(value, code);
        }
    }
    assert_eq!(
        rest_reason::RestCause::new(i32::MIN).map(i32::from),
        Some(i32::MIN)
    );
    assert_eq!(
        rest_reason::RestCause::new(i32::MAX).map(i32::from),
        Some(i32::MAX)
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
fn code_is_canonical() {
    // A listed number is always `Known`: `Unknown` cannot hold it.
    assert_eq!(
        Code::<OperationType>::from_code(3),
        Code::Known(OperationType::Busy)
    );
    let Code::Unknown(unknown) = Code::<OperationType>::from_code(21) else {
        panic!("21 is not in the 2023 table");
    };
    assert_eq!(unknown.code(), 21);
    assert_eq!(Code::<OperationType>::from(21).code(), 21);
    assert_eq!(Code::<OperationType>::from_code(21).to_string(), "21");
    assert_eq!(Code::<OperationType>::from_code(3).to_string(), "Busy");
    // Codes order by number, listed or not.
    let mut codes: Vec<Code<OperationType>> = [99, 3, -5, 21, 0]
        .into_iter()
        .map(Code::from_code)
        .collect();
    codes.sort();
    let numbers: Vec<i32> = codes.into_iter().map(Code::code).collect();
    assert_eq!(numbers, [-5, 0, 3, 21, 99]);
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
    let Some(service) = BusyReason::from_code(201) else {
        panic!("201 is a service error code");
    };
    assert_eq!(service.to_string(), "ServiceErrorCode(201)");
    assert_eq!(BusyReason::TakingRest.to_string(), "TakingRest");
}

#[test]
fn every_reason_displays_as_it_parses() {
    fn round_trip<T: for<'a> CodeEnum<Code<'a> = i32>>(codes: impl Iterator<Item = i32>) -> usize {
        let mut seen = 0;
        for code in codes {
            if let Some(value) = T::from_code(code) {
                let text = value.to_string();
                assert_eq!(text.parse::<T>(), Ok(value), "{text}");
                assert_eq!(value.code(), code);
                seen += 1;
            }
        }
        seen
    }
    let codes = || (-1000..=70_000).chain([i32::MIN, i32::MAX]);
    // How many of `codes()` the table lists for `op`, as its listing says.
    let listed = |op: OperationType| {
        codes()
            .filter(|&code| {
                op.reasons().iter().any(|info| match info.codes {
                    ReasonCodes::Single(single) => single == code,
                    ReasonCodes::Range { start, end } => (start..=end).contains(&code),
                    ReasonCodes::Open { .. } => code != -1 && code != 65535,
                })
            })
            .count()
    };
    assert_eq!(
        round_trip::<SignOutReason>(codes()),
        listed(OperationType::SignOut)
    );
    assert_eq!(
        round_trip::<BusyReason>(codes()),
        listed(OperationType::Busy)
    );
    assert_eq!(
        round_trip::<TalkingReason>(codes()),
        listed(OperationType::Talking)
    );
    assert_eq!(
        round_trip::<RestReason>(codes()),
        listed(OperationType::Rest)
    );
    assert_eq!(
        round_trip::<WorkStatusReason>(codes()),
        listed(OperationType::WorkStatus)
    );
    assert_eq!(round_trip::<OperationType>(codes()), OperationType::COUNT);
    assert_eq!(round_trip::<NotApplicable>(codes()), 2);
    for bad in [
        "",
        "ClientError",
        "ClientError()",
        "ClientError(x)",
        "ClientError(256)",
        "Disconnected(256)",
        // A reason listed with one code is its name alone, never `Name(code)`.
        &format!("Disconnected({})", SignOutReason::Disconnected.code()),
        "ClientError(+7)x",
        "(7)",
    ] {
        assert_eq!(
            bad.parse::<SignOutReason>()
                .map_err(|error| error.to_string()),
            Err("not a known SignOutReason name".to_string()),
            "{bad}"
        );
    }
}

#[test]
fn carried_codes_show_compare_and_hash_as_their_code() {
    use std::collections::HashSet;

    let seven = sign_out_reason::ClientError::new(7).expect("7 is a client error");
    let eight = sign_out_reason::ClientError::try_from(8).expect("8 is a client error");
    assert_eq!(format!("{seven:?}"), "ClientError(7)");
    assert_eq!(
        format!("{:?}", SignOutReason::ClientError(seven)),
        "ClientError(ClientError(7))"
    );
    // Laid out as the derived `Debug` it replaces would lay it out.
    assert_eq!(
        format!("{:#?}", SignOutReason::ClientError(seven)),
        "ClientError(\n    ClientError(\n        7,\n    ),\n)"
    );
    assert_eq!(format!("{:#?}", SignOutReason::SignedOut), "SignedOut");
    assert_eq!(seven.to_string(), "7");
    assert_eq!(format!("{seven:>3}"), "  7", "formats as its code does");
    assert_eq!(
        SignOutReason::ClientError(seven).to_string(),
        "ClientError(7)"
    );
    assert!(seven < eight);
    assert_eq!(seven.max(eight), eight);
    assert_eq!(i32::from(eight), 8);
    let set: HashSet<_> = [seven, eight, seven].into_iter().collect();
    assert_eq!(set.len(), 2);
    // The same code, carried by reasons of different operations, is of
    // different types: each names its own.
    let service = busy_reason::ServiceErrorCode::new(200).expect("200 is a service error code");
    assert_eq!(format!("{service:?}"), "ServiceErrorCode(200)");
}

#[test]
fn decoded_reasons_show_as_a_derived_debug_would() {
    let client_error = Reason::decode(OperationType::SignOut, 7);
    assert_eq!(
        format!("{client_error:?}"),
        "SignOut(ClientError(ClientError(7)))"
    );
    assert_eq!(
        format!("{client_error:#?}"),
        "SignOut(\n    ClientError(\n        ClientError(\n            7,\n        ),\n    ),\n)"
    );
    let busy = Reason::decode(OperationType::Busy, 1);
    assert_eq!(format!("{busy:?}"), "Busy(AgentBusy)");
    assert_eq!(format!("{busy:#?}"), "Busy(\n    AgentBusy,\n)");
    assert_eq!(
        format!("{:?}", Reason::decode(OperationType::Busy, -1)),
        "NotApplicable(MinusOne)"
    );
    assert_eq!(
        format!("{:?}", Reason::decode(OperationType::Busy, 65535)),
        "NotApplicable(UsNoUse)"
    );
    assert_eq!(
        format!("{:#?}", Reason::decode(OperationType::SignIn, 5)),
        "Unlisted(\n    Unlisted(\n        5,\n    ),\n)"
    );
}

#[test]
fn reasons_order_by_code() {
    let mut reasons: Vec<WorkStatusReason> = [255, 0, 17, 1]
        .into_iter()
        .filter_map(WorkStatusReason::from_code)
        .collect();
    reasons.sort();
    let codes: Vec<i32> = reasons.into_iter().map(WorkStatusReason::code).collect();
    assert_eq!(codes, [0, 1, 17, 255]);
    assert!(
        TalkingReason::Exited < TalkingReason::StillTalking,
        "0 before 1"
    );
}

#[test]
fn objects_decode_by_the_kind_their_operation_names() {
    let employee = Object::decode(Some(ObjectKind::EmployeeId), "1001");
    assert!(matches!(employee, Object::EmployeeId(text) if text.as_str() == "1001"));
    assert_eq!(employee.kind(), Some(ObjectKind::EmployeeId));
    assert_eq!(employee.as_str(), "1001");
    let agent = Object::decode(Some(ObjectKind::AgentId), "7");
    assert!(matches!(agent, Object::AgentId(text) if text.as_str() == "7"));
    let other = Object::decode(None, "7");
    assert!(matches!(other, Object::Other(text) if text.as_str() == "7"));
    assert_eq!(
        Object::decode(Some(ObjectKind::AgentId), "-1"),
        Object::NotApplicable(NotApplicable::MinusOne)
    );
    assert_eq!(ObjectKind::EmployeeId.description(), "Employee ID.");
    assert_eq!(ObjectKind::AgentId.name(), "AgentId");
    assert_eq!(ObjectKind::AgentId.to_string(), "AgentId");
    assert_eq!(
        "EmployeeId".parse::<ObjectKind>(),
        Ok(ObjectKind::EmployeeId)
    );
    assert_eq!(
        "Employee ID."
            .parse::<ObjectKind>()
            .unwrap_err()
            .to_string(),
        "not a known ObjectKind name"
    );
    assert_eq!(
        ObjectKind::ALL,
        [ObjectKind::EmployeeId, ObjectKind::AgentId]
    );
    assert_eq!(employee.to_string(), "Employee ID \"1001\"");
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
    assert_eq!(row.code(), Code::from_code(99));
    assert_eq!(row.code().known(), None);
    assert!(matches!(row.object(), Object::Other(text) if text.as_str() == "1001"));
    assert!(matches!(row.reason(), Reason::Unlisted(unlisted) if unlisted.code() == 7));
    assert_eq!(row.encode(), (99, "1001", 7));
    // Without its operation, a reason code is not applicable or unlisted.
    assert_eq!(
        Reason::unlisted(-1),
        Reason::NotApplicable(NotApplicable::MinusOne)
    );
    assert_eq!(Reason::unlisted(4).name(), "Unlisted");
}

#[test]
fn const_evaluation_works() {
    const BUSY: Option<OperationType> = OperationType::from_code(3);
    const LISTED: Reason = OperationType::Busy.reasons()[0].reason;
    const REASON: Reason = Reason::decode(OperationType::Busy, LISTED.code());
    const LAST: OperationType = OperationType::ALL[OperationType::COUNT - 1];
    const TEXT: &str = LAST.description();
    // A carried code in a constant: decoded by its reason enum (its own
    // `new` is generic, and so not `const`).
    const ADJUSTMENT: Option<WorkStatusReason> = WorkStatusReason::from_code(12);
    assert_eq!(BUSY, Some(OperationType::Busy));
    assert_eq!(REASON, LISTED);
    let spec = codes_codegen::Spec::from_toml("codes.toml", cec_codes::SPEC).expect("valid");
    let last = spec.tables()[0].rows().last().expect("a row");
    assert_eq!(Some(TEXT), last.description().get(Lang::En));
    assert!(matches!(
        ADJUSTMENT,
        Some(WorkStatusReason::ManualAdjustment(adjustment)) if adjustment.code() == 12
    ));
}

#[test]
fn ordering_follows_vendor_codes() {
    let mut shuffled = OperationType::ALL;
    shuffled.reverse();
    shuffled.sort();
    assert_eq!(shuffled, OperationType::ALL);
}

#[test]
fn values_are_every_variant_in_order_from_either_end() {
    fn check<T: Enumerable + core::fmt::Debug>(all: &[T]) {
        assert!(T::values().eq(all.iter().copied()));
        assert!(T::values().rev().eq(all.iter().rev().copied()));
        assert_eq!(<T as Enumerable>::nth(all.len()), None);
        // Taken from both ends, each value once, and the length kept.
        let mut values = T::values();
        let (mut front, mut back) = (Vec::new(), Vec::new());
        while values.len() > 0 {
            let left = values.len();
            front.extend(values.next());
            back.extend(values.next_back());
            assert_eq!(values.len(), left.saturating_sub(2));
        }
        assert_eq!((values.next(), values.next_back()), (None, None));
        front.extend(back.into_iter().rev());
        assert_eq!(front, all);
    }
    check(&OperationType::ALL);
    check(&cec_codes::MediaType::ALL);
    check(&TalkingReason::ALL);
    check(&NotApplicable::ALL);
}

#[test]
fn generic_code_works_over_any_table() {
    /// `code name: description` of every value of a table.
    fn listing<T: Enumerable + for<'a> CodeEnum<Code<'a> = i32>>() -> Vec<String> {
        T::values()
            .map(|value| {
                format!(
                    "{} {}: {}",
                    value.code(),
                    value.name(),
                    value.description().unwrap_or("-")
                )
            })
            .collect()
    }
    // The same listing from the spec.
    let spec = codes_codegen::Spec::from_toml("codes.toml", cec_codes::SPEC).expect("valid");
    let table = &spec.tables()[0];
    let rows: Vec<String> = table
        .rows()
        .iter()
        .map(|row| {
            let text = row.description().get(Lang::En).unwrap_or("-");
            format!("{} {}: {text}", row.code(), row.name())
        })
        .collect();
    assert_eq!(listing::<OperationType>(), rows);
    let talking = table
        .rows()
        .iter()
        .find(|row| row.name() == "Talking")
        .expect("Talking");
    let reasons: Vec<String> = talking
        .reasons()
        .iter()
        .map(|reason| {
            let text = reason.description().get(Lang::En).unwrap_or("-");
            format!("{} {}: {text}", reason.codes(), reason.name())
        })
        .collect();
    assert_eq!(listing::<TalkingReason>(), reasons);
    let markers: Vec<String> = spec
        .not_applicable()
        .iter()
        .map(|marker| {
            format!(
                "{} {}: {}",
                marker.code(),
                marker.name(),
                marker.description()
            )
        })
        .collect();
    assert_eq!(listing::<NotApplicable>(), markers);
    assert_eq!(
        <ListenInsertWhisperReason as CodeEnum>::description(ListenInsertWhisperReason::Zero),
        None
    );
    assert_eq!(<WorkStatusReason as CodeEnum>::KIND, "WorkStatusReason");
}
