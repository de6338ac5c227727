//! Every row of the vendor's table, asserted through the generated API.
//!
//! The expected values are the vendor's "Table 1 Agent operation type"
//! (updated 2023-09-27), written out here by hand so that a change to
//! `codes.toml` that drifts from the vendor fails a test.

use cec_codes::{ObjectKind, OperationType, Reason, ReasonCodes};

struct VendorRow {
    code: i32,
    name: &'static str,
    description: &'static str,
    object: Option<ObjectKind>,
    /// (codes as the vendor writes them, our name, vendor text)
    reasons: &'static [(&'static str, &'static str, Option<&'static str>)],
    notes: &'static [&'static str],
}

const VENDOR_ROWS: [VendorRow; 29] = [
    VendorRow {
        code: 0,
        name: "SignOut",
        description: "The agent signs out of CCS.",
        object: None,
        reasons: &[
            (
                "1-255",
                "ClientError",
                Some("The error is caused by the client."),
            ),
            (
                "256",
                "Disconnected",
                Some("The agent is disconnected from the platform."),
            ),
            (
                "257",
                "ForcedOutByInspector",
                Some("The agent is forcibly signed out by the inspector."),
            ),
            ("258", "SignedOut", Some("The agent signs out.")),
            (
                "259",
                "SignOutBeforeSignIn",
                Some("The agent signs out before signs in again."),
            ),
            (
                "260",
                "MediaServerHandshakeTimeout",
                Some(
                    "The handshake between the agent control blocks time out between the media server and the CCS.",
                ),
            ),
            (
                "261",
                "UisHandshakeTimeout",
                Some(
                    "The CCS detects that the handshake with the UIS about the agent control block times out.",
                ),
            ),
            (
                "262",
                "MediaServerHandshakeLost",
                Some(
                    "The handshake between the media server and the CCS is disconnected. As a result, the agent signs out.",
                ),
            ),
            (
                "263",
                "UisAgentHandshakeTimeout",
                Some("The handshake between the UIS and the agent times out."),
            ),
            (
                "264",
                "SameEmployeeIdSignedIn",
                Some(
                    "An agent with the same employee ID is forcibly signing in to a new client. As a result, the agent is forcibly signed out.",
                ),
            ),
        ],
        notes: &[],
    },
    VendorRow {
        code: 1,
        name: "SignIn",
        description: "An agent signs in.",
        object: None,
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 2,
        name: "Idle",
        description: "Idle.",
        object: None,
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 3,
        name: "Busy",
        description: "Busy.",
        object: None,
        reasons: &[
            (
                "1",
                "AgentBusy",
                Some("Indicates that an agent indicates busy."),
            ),
            (
                "2",
                "NoAnswerForcedBusy",
                Some(
                    "An agent does not answer a call in a long period, so the agent is forced to show busy.",
                ),
            ),
            (
                "3",
                "ForcedBusyByInspector",
                Some("An agent is forced to show busy by a QC inspector."),
            ),
            (
                "4",
                "TakingRest",
                Some("Indicates that an agent takes a rest."),
            ),
            (
                "5",
                "PhoneUnavailable",
                Some("The phone of an agent is unavailable."),
            ),
            ("7", "CallRejected", Some("An agent rejects a call.")),
            (
                "200-250",
                "ServiceErrorCode",
                Some("error codes customized by the service side."),
            ),
        ],
        notes: &[],
    },
    VendorRow {
        code: 4,
        name: "Talking",
        description: "Talking.",
        object: None,
        reasons: &[
            (
                "1",
                "StillTalking",
                Some(
                    "The agent does not really exit the conversation status. Bills are generated every five minutes starting from 00:00 to 23:55.",
                ),
            ),
            (
                "0",
                "Exited",
                Some("The agent fully exits the conversation status."),
            ),
        ],
        notes: &["The conversation status in these bills refers to only text conversations."],
    },
    VendorRow {
        code: 10,
        name: "ThreePartyConversation",
        description: "Three-party conversation.",
        object: Some(ObjectKind::EmployeeId),
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 13,
        name: "ManualToAutomatic",
        description: "Manual station to automatic station (an agent be in the Suspended state).",
        object: None,
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 20,
        name: "ListenInsertWhisper",
        description: "Listening/Insert/Whisper",
        object: Some(ObjectKind::EmployeeId),
        reasons: &[("0", "Zero", None)],
        notes: &[],
    },
    VendorRow {
        code: 22,
        name: "PlayVoice",
        description: "Play voice.",
        object: None,
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 26,
        name: "Rest",
        description: "Be on holiday or take a rest.",
        object: Some(ObjectKind::EmployeeId),
        reasons: &[(
            "any",
            "RestCause",
            Some(
                "The rest cause code is specified when the client invokes CCC_REQUEST_REST_EX_Msg. The default cause code is 0.",
            ),
        )],
        notes: &[],
    },
    VendorRow {
        code: 27,
        name: "WorkStatus",
        description: "Work status.",
        object: None,
        reasons: &[
            (
                "0",
                "AfterCallProcessing",
                Some(
                    "after-call processing. The business side is set to automatically enter the on-work state.",
                ),
            ),
            (
                "0-255",
                "ManualAdjustment",
                Some(
                    "manual adjustment. An agent manually enters the on-work state by invoking the interface.",
                ),
            ),
        ],
        notes: &["The default value is 0, indicating the after-call processing state."],
    },
    VendorRow {
        code: 29,
        name: "ForceSignOut",
        description: "Forcibly sign out an agent.",
        object: Some(ObjectKind::EmployeeId),
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 30,
        name: "ForceIdle",
        description: "Forcibly show an idle state for an agent.",
        object: Some(ObjectKind::EmployeeId),
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 31,
        name: "ForceBusy",
        description: "Forcibly show a busy state for an agent.",
        object: Some(ObjectKind::EmployeeId),
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 32,
        name: "MuteCustomer",
        description: "Perform mute-on on a customer.",
        object: None,
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 38,
        name: "Hold",
        description: "Hold a call by an agent.",
        object: Some(ObjectKind::EmployeeId),
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 40,
        name: "InternalHelp",
        description: "Initiate an internal help request by an agent.",
        object: Some(ObjectKind::EmployeeId),
        reasons: &[
            (
                "0",
                "Uncertain",
                Some("Indicates no help between uncertain parties."),
            ),
            (
                "1",
                "TwoParty",
                Some("Indicates a two-party internal help."),
            ),
            (
                "2",
                "ThreeParty",
                Some("Indicates a three-party internal help."),
            ),
            (
                "3",
                "SpeakTransfer",
                Some(
                    "In speak transfer mode, the called party talks with the agent after answering the call; the called party is connected to the calling party when the agent releases the call.",
                ),
            ),
            (
                "4",
                "ThreePartyTransfer",
                Some(
                    "In three-party conversation transfer mode, the three-party conversation is set up when the called party answers the call; the called party is connected to the calling party when the agent releases the call.",
                ),
            ),
            (
                "5",
                "ThreePartyConversation",
                Some("Indicates a three-party conversation."),
            ),
            (
                "6",
                "ToBeConnected",
                Some("Indicates that the call is to be connected."),
            ),
        ],
        notes: &[],
    },
    VendorRow {
        code: 41,
        name: "InternalCall",
        description: "Initiate an internal call by an agent.",
        object: Some(ObjectKind::EmployeeId),
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 43,
        name: "Intercept",
        description: "Intercept a call.",
        object: Some(ObjectKind::EmployeeId),
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 44,
        name: "SuspendVoicePlaying",
        description: "Suspend voice playing.",
        object: None,
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 45,
        name: "InternalTransfer",
        description: "Internal transfer.",
        object: Some(ObjectKind::EmployeeId),
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 46,
        name: "TransferOut",
        description: "Transfer-out.",
        object: None,
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 47,
        name: "MediaServerSignIn",
        description: "Sign in to the media server.",
        object: None,
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 52,
        name: "MediaServerSignOut",
        description: "Sign out of the media server.",
        object: None,
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 53,
        name: "PublicQueueTransfer",
        description: "Transfer a call that is queuing in a public queue.",
        object: None,
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 54,
        name: "ReleaseTransfer",
        description: "Release transfer",
        object: None,
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 55,
        name: "DeviceTransfer",
        description: "Transfer to another device.",
        object: None,
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 57,
        name: "HoldForInternalHelp",
        description: "Hold the call when seeking internal help.",
        object: None,
        reasons: &[],
        notes: &[],
    },
    VendorRow {
        code: 58,
        name: "Conference",
        description: "The agent enters the conference state.",
        object: Some(ObjectKind::AgentId),
        reasons: &[],
        notes: &[],
    },
];

fn operation(row: &VendorRow) -> OperationType {
    OperationType::from_code(row.code).unwrap_or_else(|| panic!("code {} missing", row.code))
}

#[test]
fn the_table_has_every_vendor_row_in_vendor_order() {
    let codes: Vec<i32> = OperationType::ALL.iter().map(|op| op.code()).collect();
    let expected: Vec<i32> = VENDOR_ROWS.iter().map(|row| row.code).collect();
    assert_eq!(codes, expected);
    assert_eq!(OperationType::COUNT, 29);
}

#[test]
fn every_row_has_its_code_name_description_and_object() {
    for row in &VENDOR_ROWS {
        let op = operation(row);
        assert_eq!(op.code(), row.code);
        assert_eq!(op as i32, row.code, "discriminant of {}", row.name);
        assert_eq!(i32::from(op), row.code);
        assert_eq!(OperationType::try_from(row.code), Ok(op));
        assert_eq!(op.name(), row.name);
        assert_eq!(op.to_string(), row.name);
        assert_eq!(row.name.parse::<OperationType>(), Ok(op));
        assert_eq!(OperationType::from_name(row.name), Some(op));
        assert_eq!(op.description(), row.description, "{}", row.name);
        assert_eq!(op.object_kind(), row.object, "{}", row.name);
        assert_eq!(op.notes(), row.notes, "{}", row.name);
    }
}

#[test]
fn every_row_lists_its_reasons_in_vendor_order() {
    for row in &VENDOR_ROWS {
        let listed: Vec<(String, &str, Option<&str>)> = operation(row)
            .reasons()
            .iter()
            .map(|info| {
                let reason = info.reason;
                (info.codes.to_string(), reason.name(), reason.description())
            })
            .collect();
        let expected: Vec<(String, &str, Option<&str>)> = row
            .reasons
            .iter()
            .map(|(codes, name, text)| (codes.to_string(), *name, *text))
            .collect();
        assert_eq!(listed, expected, "reasons of {}", row.name);
    }
}

/// Each listed code, each range bound and the codes just outside each range
/// decode to the reason the vendor gives them.
#[test]
fn every_reason_decodes_at_its_codes_and_range_bounds() {
    for row in &VENDOR_ROWS {
        let op = operation(row);
        for info in op.reasons() {
            let probes: Vec<i32> = match info.codes {
                ReasonCodes::Single(code) => vec![code],
                ReasonCodes::Range { start, end } => vec![start, start + 1, end - 1, end],
                ReasonCodes::Open { default } => {
                    vec![default.unwrap_or(0), 1, 999, i32::MAX, i32::MIN]
                }
            };
            // The listed reason is what its own code decodes to.
            assert_eq!(Reason::decode(op, info.reason.code()), info.reason);
            assert_eq!(info.reason.operation(), Some(op));
            for code in probes {
                let reason = Reason::decode(op, code);
                let shadowed = op.reasons().iter().any(
                    |other| matches!(other.codes, ReasonCodes::Single(single) if single == code),
                );
                if shadowed && !matches!(info.codes, ReasonCodes::Single(_)) {
                    continue;
                }
                let listed = info.reason;
                assert_eq!(reason.name(), listed.name(), "{} reason {code}", row.name);
                assert_eq!(
                    reason.codes(),
                    Some(info.codes),
                    "{} reason {code}",
                    row.name
                );
                assert_eq!(
                    reason.description(),
                    listed.description(),
                    "{} reason {code}",
                    row.name
                );
                assert_eq!(reason.code(), code);
            }
            if let ReasonCodes::Range { start, end } = info.codes {
                for outside in [start - 1, end + 1] {
                    let listed = op.reasons().iter().any(|other| match other.codes {
                        ReasonCodes::Single(single) => single == outside,
                        ReasonCodes::Range { start, end } => (start..=end).contains(&outside),
                        ReasonCodes::Open { .. } => true,
                    });
                    let expected = match outside {
                        -1 | 65535 => "NotApplicable",
                        _ => "Unlisted",
                    };
                    if !listed {
                        assert_eq!(
                            Reason::decode(op, outside).name(),
                            expected,
                            "{} reason {outside}",
                            row.name
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn rows_without_reasons_take_only_not_applicable_or_unlisted() {
    for row in VENDOR_ROWS.iter().filter(|row| row.reasons.is_empty()) {
        let op = operation(row);
        assert!(op.reasons().is_empty());
        assert_eq!(Reason::decode(op, -1).name(), "NotApplicable");
        assert_eq!(Reason::decode(op, 65535).name(), "NotApplicable");
        assert!(
            matches!(Reason::decode(op, 0), Reason::Unlisted(unlisted) if unlisted.code() == 0)
        );
    }
}
