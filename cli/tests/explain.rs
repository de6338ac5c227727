//! `codes explain` and `codes list`.

mod support;

use support::codes;

#[test]
fn explain_an_operation_with_its_reasons() {
    let run = codes(&["explain", "27"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Operation 27: WorkStatus\n  Work status.\n  object: none (-1)\nReasons:\n  \
         0 AfterCallProcessing: after-call processing. The business side is set to automatically enter the on-work state.\n  \
         range 0-255 ManualAdjustment: manual adjustment. An agent manually enters the on-work state by invoking the interface.\n\
         Note: The default value is 0, indicating the after-call processing state.\n"
    );
}

#[test]
fn explain_a_reason_and_object_by_name() {
    let run = codes(&["explain", "rest", "12", "1001"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Operation 26: Rest\n  Be on holiday or take a rest.\n  object: Employee ID.\nObject: Employee ID \"1001\"\n\
         Reason 12: RestCause: The rest cause code is specified when the client invokes CCC_REQUEST_REST_EX_Msg. The default cause code is 0.\n  \
         (any code, default 0)\n"
    );
}

#[test]
fn explain_not_applicable_and_unlisted_reasons() {
    assert!(
        codes(&["explain", "3", "-1"])
            .stdout
            .contains("Reason -1: not applicable\n")
    );
    assert!(
        codes(&["explain", "3", "65535"])
            .stdout
            .contains("Reason 65535: not applicable\n")
    );
    assert!(
        codes(&["explain", "3", "6"])
            .stdout
            .contains("Reason 6: not listed for this operation type\n")
    );
    assert!(
        codes(&["explain", "20", "0"])
            .stdout
            .contains("Reason 0: Zero (the vendor gives no text)\n")
    );
}

#[test]
fn explain_unknown_operations_exits_1() {
    let run = codes(&["explain", "99", "3"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "Operation 99 is not in the table: a bill row with it is kept as unknown operation 99.\nReason 3: not listed for this operation type\n"
    );
    let run = codes(&["explain", "Bussy"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "codes: no operation type is named \"Bussy\"; `codes list` shows them all\n"
    );
}

#[test]
fn list_shows_every_operation_type() {
    let run = codes(&["list"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), cec_codes::OperationType::COUNT);
    assert!(run.stdout.starts_with("   0  SignOut "), "{}", run.stdout);
    assert!(run.stdout.contains("  58  Conference              The agent enters the conference state.  [object: Agent ID.]\n"));
    let with_reasons = codes(&["list", "--reasons"]).stdout;
    assert!(
        with_reasons.contains("     1-255  ClientError: The error is caused by the client.\n"),
        "{with_reasons}"
    );
    assert!(with_reasons.contains(
        "      note  The conversation status in these bills refers to only text conversations.\n"
    ));
}
