//! The alternatives a user would pick instead of cec-codes, written the way
//! a careful person writes them: the same 29 operation types as a `#[repr(i32)]`
//! enum with hand-written `match`es, a description array, the derives of
//! num_enum and strum, a phf map and std `HashMap`s; and reason decoding as a
//! hand-written nested `match`.
//!
//! Tests check that every alternative answers exactly what the table they
//! were written from answers (the spec of the vendor's 2023 pages, frozen;
//! cec-codes follows the vendor's later revisions), so the benchmarks
//! compare equal work.

use std::collections::HashMap;

/// The vendor's operation types, hand-written, with the derives of the
/// crates a user would reach for: num_enum's `TryFromPrimitive`, strum's
/// `FromRepr`, `EnumString` (a `match` on the name) and `IntoStaticStr`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    num_enum::TryFromPrimitive,
    strum::FromRepr,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[repr(i32)]
#[allow(missing_docs)]
pub enum OperationType {
    SignOut = 0,
    SignIn = 1,
    Idle = 2,
    Busy = 3,
    Talking = 4,
    ThreePartyConversation = 10,
    ManualToAutomatic = 13,
    ListenInsertWhisper = 20,
    PlayVoice = 22,
    Rest = 26,
    WorkStatus = 27,
    ForceSignOut = 29,
    ForceIdle = 30,
    ForceBusy = 31,
    MuteCustomer = 32,
    Hold = 38,
    InternalHelp = 40,
    InternalCall = 41,
    Intercept = 43,
    SuspendVoicePlaying = 44,
    InternalTransfer = 45,
    TransferOut = 46,
    MediaServerSignIn = 47,
    MediaServerSignOut = 52,
    PublicQueueTransfer = 53,
    ReleaseTransfer = 54,
    DeviceTransfer = 55,
    HoldForInternalHelp = 57,
    Conference = 58,
}

impl OperationType {
    /// Every variant, in vendor order.
    pub const ALL: [Self; 29] = [
        Self::SignOut,
        Self::SignIn,
        Self::Idle,
        Self::Busy,
        Self::Talking,
        Self::ThreePartyConversation,
        Self::ManualToAutomatic,
        Self::ListenInsertWhisper,
        Self::PlayVoice,
        Self::Rest,
        Self::WorkStatus,
        Self::ForceSignOut,
        Self::ForceIdle,
        Self::ForceBusy,
        Self::MuteCustomer,
        Self::Hold,
        Self::InternalHelp,
        Self::InternalCall,
        Self::Intercept,
        Self::SuspendVoicePlaying,
        Self::InternalTransfer,
        Self::TransferOut,
        Self::MediaServerSignIn,
        Self::MediaServerSignOut,
        Self::PublicQueueTransfer,
        Self::ReleaseTransfer,
        Self::DeviceTransfer,
        Self::HoldForInternalHelp,
        Self::Conference,
    ];

    /// The hand-written `match` on the code.
    pub const fn from_code(code: i32) -> Option<Self> {
        match code {
            0 => Some(Self::SignOut),
            1 => Some(Self::SignIn),
            2 => Some(Self::Idle),
            3 => Some(Self::Busy),
            4 => Some(Self::Talking),
            10 => Some(Self::ThreePartyConversation),
            13 => Some(Self::ManualToAutomatic),
            20 => Some(Self::ListenInsertWhisper),
            22 => Some(Self::PlayVoice),
            26 => Some(Self::Rest),
            27 => Some(Self::WorkStatus),
            29 => Some(Self::ForceSignOut),
            30 => Some(Self::ForceIdle),
            31 => Some(Self::ForceBusy),
            32 => Some(Self::MuteCustomer),
            38 => Some(Self::Hold),
            40 => Some(Self::InternalHelp),
            41 => Some(Self::InternalCall),
            43 => Some(Self::Intercept),
            44 => Some(Self::SuspendVoicePlaying),
            45 => Some(Self::InternalTransfer),
            46 => Some(Self::TransferOut),
            47 => Some(Self::MediaServerSignIn),
            52 => Some(Self::MediaServerSignOut),
            53 => Some(Self::PublicQueueTransfer),
            54 => Some(Self::ReleaseTransfer),
            55 => Some(Self::DeviceTransfer),
            57 => Some(Self::HoldForInternalHelp),
            58 => Some(Self::Conference),
            _ => None,
        }
    }

    /// The hand-written `match` on the name.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "SignOut" => Some(Self::SignOut),
            "SignIn" => Some(Self::SignIn),
            "Idle" => Some(Self::Idle),
            "Busy" => Some(Self::Busy),
            "Talking" => Some(Self::Talking),
            "ThreePartyConversation" => Some(Self::ThreePartyConversation),
            "ManualToAutomatic" => Some(Self::ManualToAutomatic),
            "ListenInsertWhisper" => Some(Self::ListenInsertWhisper),
            "PlayVoice" => Some(Self::PlayVoice),
            "Rest" => Some(Self::Rest),
            "WorkStatus" => Some(Self::WorkStatus),
            "ForceSignOut" => Some(Self::ForceSignOut),
            "ForceIdle" => Some(Self::ForceIdle),
            "ForceBusy" => Some(Self::ForceBusy),
            "MuteCustomer" => Some(Self::MuteCustomer),
            "Hold" => Some(Self::Hold),
            "InternalHelp" => Some(Self::InternalHelp),
            "InternalCall" => Some(Self::InternalCall),
            "Intercept" => Some(Self::Intercept),
            "SuspendVoicePlaying" => Some(Self::SuspendVoicePlaying),
            "InternalTransfer" => Some(Self::InternalTransfer),
            "TransferOut" => Some(Self::TransferOut),
            "MediaServerSignIn" => Some(Self::MediaServerSignIn),
            "MediaServerSignOut" => Some(Self::MediaServerSignOut),
            "PublicQueueTransfer" => Some(Self::PublicQueueTransfer),
            "ReleaseTransfer" => Some(Self::ReleaseTransfer),
            "DeviceTransfer" => Some(Self::DeviceTransfer),
            "HoldForInternalHelp" => Some(Self::HoldForInternalHelp),
            "Conference" => Some(Self::Conference),
            _ => None,
        }
    }

    /// The hand-written `match` for the description.
    pub const fn description(self) -> &'static str {
        match self {
            Self::SignOut => "The agent signs out of CCS.",
            Self::SignIn => "An agent signs in.",
            Self::Idle => "Idle.",
            Self::Busy => "Busy.",
            Self::Talking => "Talking.",
            Self::ThreePartyConversation => "Three-party conversation.",
            Self::ManualToAutomatic => {
                "Manual station to automatic station (an agent be in the Suspended state)."
            }
            Self::ListenInsertWhisper => "Listening/Insert/Whisper",
            Self::PlayVoice => "Play voice.",
            Self::Rest => "Be on holiday or take a rest.",
            Self::WorkStatus => "Work status.",
            Self::ForceSignOut => "Forcibly sign out an agent.",
            Self::ForceIdle => "Forcibly show an idle state for an agent.",
            Self::ForceBusy => "Forcibly show a busy state for an agent.",
            Self::MuteCustomer => "Perform mute-on on a customer.",
            Self::Hold => "Hold a call by an agent.",
            Self::InternalHelp => "Initiate an internal help request by an agent.",
            Self::InternalCall => "Initiate an internal call by an agent.",
            Self::Intercept => "Intercept a call.",
            Self::SuspendVoicePlaying => "Suspend voice playing.",
            Self::InternalTransfer => "Internal transfer.",
            Self::TransferOut => "Transfer-out.",
            Self::MediaServerSignIn => "Sign in to the media server.",
            Self::MediaServerSignOut => "Sign out of the media server.",
            Self::PublicQueueTransfer => "Transfer a call that is queuing in a public queue.",
            Self::ReleaseTransfer => "Release transfer",
            Self::DeviceTransfer => "Transfer to another device.",
            Self::HoldForInternalHelp => "Hold the call when seeking internal help.",
            Self::Conference => "The agent enters the conference state.",
        }
    }

    /// The description from an array indexed by code.
    pub const fn description_from_array(self) -> &'static str {
        DESCRIPTION_BY_CODE[self as usize]
    }
}

/// Descriptions indexed by code; the codes the table skips hold `""`.
const DESCRIPTION_BY_CODE: [&str; 59] = {
    let mut table = [""; 59];
    table[0] = "The agent signs out of CCS.";
    table[1] = "An agent signs in.";
    table[2] = "Idle.";
    table[3] = "Busy.";
    table[4] = "Talking.";
    table[10] = "Three-party conversation.";
    table[13] = "Manual station to automatic station (an agent be in the Suspended state).";
    table[20] = "Listening/Insert/Whisper";
    table[22] = "Play voice.";
    table[26] = "Be on holiday or take a rest.";
    table[27] = "Work status.";
    table[29] = "Forcibly sign out an agent.";
    table[30] = "Forcibly show an idle state for an agent.";
    table[31] = "Forcibly show a busy state for an agent.";
    table[32] = "Perform mute-on on a customer.";
    table[38] = "Hold a call by an agent.";
    table[40] = "Initiate an internal help request by an agent.";
    table[41] = "Initiate an internal call by an agent.";
    table[43] = "Intercept a call.";
    table[44] = "Suspend voice playing.";
    table[45] = "Internal transfer.";
    table[46] = "Transfer-out.";
    table[47] = "Sign in to the media server.";
    table[52] = "Sign out of the media server.";
    table[53] = "Transfer a call that is queuing in a public queue.";
    table[54] = "Release transfer";
    table[55] = "Transfer to another device.";
    table[57] = "Hold the call when seeking internal help.";
    table[58] = "The agent enters the conference state.";
    table
};

/// The same operation types for strum's `EnumString` with `use_phf`: a
/// perfect hash on the name instead of a `match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString)]
#[strum(use_phf)]
#[repr(i32)]
#[allow(missing_docs)]
pub enum PhfOperationType {
    SignOut = 0,
    SignIn = 1,
    Idle = 2,
    Busy = 3,
    Talking = 4,
    ThreePartyConversation = 10,
    ManualToAutomatic = 13,
    ListenInsertWhisper = 20,
    PlayVoice = 22,
    Rest = 26,
    WorkStatus = 27,
    ForceSignOut = 29,
    ForceIdle = 30,
    ForceBusy = 31,
    MuteCustomer = 32,
    Hold = 38,
    InternalHelp = 40,
    InternalCall = 41,
    Intercept = 43,
    SuspendVoicePlaying = 44,
    InternalTransfer = 45,
    TransferOut = 46,
    MediaServerSignIn = 47,
    MediaServerSignOut = 52,
    PublicQueueTransfer = 53,
    ReleaseTransfer = 54,
    DeviceTransfer = 55,
    HoldForInternalHelp = 57,
    Conference = 58,
}

/// A phf map from name to operation type.
pub static OPERATION_BY_NAME: phf::Map<&'static str, OperationType> = phf::phf_map! {
    "SignOut" => OperationType::SignOut,
    "SignIn" => OperationType::SignIn,
    "Idle" => OperationType::Idle,
    "Busy" => OperationType::Busy,
    "Talking" => OperationType::Talking,
    "ThreePartyConversation" => OperationType::ThreePartyConversation,
    "ManualToAutomatic" => OperationType::ManualToAutomatic,
    "ListenInsertWhisper" => OperationType::ListenInsertWhisper,
    "PlayVoice" => OperationType::PlayVoice,
    "Rest" => OperationType::Rest,
    "WorkStatus" => OperationType::WorkStatus,
    "ForceSignOut" => OperationType::ForceSignOut,
    "ForceIdle" => OperationType::ForceIdle,
    "ForceBusy" => OperationType::ForceBusy,
    "MuteCustomer" => OperationType::MuteCustomer,
    "Hold" => OperationType::Hold,
    "InternalHelp" => OperationType::InternalHelp,
    "InternalCall" => OperationType::InternalCall,
    "Intercept" => OperationType::Intercept,
    "SuspendVoicePlaying" => OperationType::SuspendVoicePlaying,
    "InternalTransfer" => OperationType::InternalTransfer,
    "TransferOut" => OperationType::TransferOut,
    "MediaServerSignIn" => OperationType::MediaServerSignIn,
    "MediaServerSignOut" => OperationType::MediaServerSignOut,
    "PublicQueueTransfer" => OperationType::PublicQueueTransfer,
    "ReleaseTransfer" => OperationType::ReleaseTransfer,
    "DeviceTransfer" => OperationType::DeviceTransfer,
    "HoldForInternalHelp" => OperationType::HoldForInternalHelp,
    "Conference" => OperationType::Conference,
};

/// A std `HashMap` from code to operation type, as a user fills it once.
pub fn operation_by_code() -> HashMap<i32, OperationType> {
    OperationType::ALL
        .iter()
        .map(|&operation| (operation as i32, operation))
        .collect()
}

/// A std `HashMap` from name to operation type, as a user fills it once.
pub fn operation_by_name() -> HashMap<&'static str, OperationType> {
    OperationType::ALL
        .iter()
        .map(|&operation| (<&'static str>::from(operation), operation))
        .collect()
}

/// A decoded reason as a hand-written decoder would give it: the reason's
/// name and the code it carries.
pub type HandReason = (&'static str, i32);

/// The hand-written nested `match`: the reason `code` of `operation`, with
/// the vendor's precedence (a listed code, then `-1` and `65535` as not
/// applicable, then an open reason, then unlisted).
pub const fn decode_reason(operation: cec_codes::OperationType, code: i32) -> HandReason {
    use cec_codes::OperationType as Operation;
    match operation {
        Operation::SignOut => match code {
            256 => ("Disconnected", code),
            257 => ("ForcedOutByInspector", code),
            258 => ("SignedOut", code),
            259 => ("SignOutBeforeSignIn", code),
            260 => ("MediaServerHandshakeTimeout", code),
            261 => ("UisHandshakeTimeout", code),
            262 => ("MediaServerHandshakeLost", code),
            263 => ("UisAgentHandshakeTimeout", code),
            264 => ("SameEmployeeIdSignedIn", code),
            1..=255 => ("ClientError", code),
            _ => not_listed(code),
        },
        Operation::Busy => match code {
            1 => ("AgentBusy", code),
            2 => ("NoAnswerForcedBusy", code),
            3 => ("ForcedBusyByInspector", code),
            4 => ("TakingRest", code),
            5 => ("PhoneUnavailable", code),
            7 => ("CallRejected", code),
            200..=250 => ("ServiceErrorCode", code),
            _ => not_listed(code),
        },
        Operation::Talking => match code {
            1 => ("StillTalking", code),
            0 => ("Exited", code),
            _ => not_listed(code),
        },
        Operation::ListenInsertWhisper => match code {
            0 => ("Zero", code),
            _ => not_listed(code),
        },
        Operation::Rest => match code {
            -1 => ("NotApplicable", code),
            65535 => ("NotApplicable", code),
            _ => ("RestCause", code),
        },
        Operation::WorkStatus => match code {
            0 => ("AfterCallProcessing", code),
            1..=255 => ("ManualAdjustment", code),
            _ => not_listed(code),
        },
        Operation::InternalHelp => match code {
            0 => ("Uncertain", code),
            1 => ("TwoParty", code),
            2 => ("ThreeParty", code),
            3 => ("SpeakTransfer", code),
            4 => ("ThreePartyTransfer", code),
            5 => ("ThreePartyConversation", code),
            6 => ("ToBeConnected", code),
            _ => not_listed(code),
        },
        _ => not_listed(code),
    }
}

/// A code the operation does not list: not applicable or unlisted.
const fn not_listed(code: i32) -> HandReason {
    match code {
        -1 => ("NotApplicable", code),
        65535 => ("NotApplicable", code),
        _ => ("Unlisted", code),
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use codes_codegen::decoding::Outcome;
    use codes_codegen::model::Table;
    use num_enum::TryFromPrimitive;

    use super::*;

    /// Codes around every listed code and range bound, and the extremes.
    fn codes() -> impl Iterator<Item = i32> {
        (-300..=1000)
            .chain(65530..=65540)
            .chain([i32::MIN, i32::MIN + 1, i32::MAX - 1, i32::MAX])
    }

    fn same(generated: Option<cec_codes::OperationType>, alternative: Option<OperationType>) {
        assert_eq!(
            generated.map(cec_codes::OperationType::code),
            alternative.map(|operation| operation as i32)
        );
    }

    /// The code of the 2023 table's row `code`, if it lists it: what each
    /// lookup should find.
    fn listed(table: &Table, code: i32) -> Option<i32> {
        table
            .rows()
            .iter()
            .find(|row| row.code().integer() == Some(code))
            .map(|_| code)
    }

    fn same_as(expected: Option<i32>, alternative: Option<OperationType>) {
        assert_eq!(expected, alternative.map(|operation| operation as i32));
    }

    #[test]
    fn the_table_is_the_vendor_table_of_2023() {
        let table = crate::table_of_2023();
        assert_eq!(OperationType::ALL.len(), table.rows().len());
        for (hand, row) in OperationType::ALL.iter().zip(table.rows()) {
            assert_eq!(Some(*hand as i32), row.code().integer());
            assert_eq!(<&str>::from(*hand), row.name());
        }
    }

    #[test]
    fn every_code_lookup_agrees_with_the_table() {
        let table = crate::table_of_2023();
        let by_code = operation_by_code();
        for code in codes() {
            let expected = listed(&table, code);
            same_as(expected, OperationType::from_code(code));
            same_as(expected, OperationType::try_from_primitive(code).ok());
            same_as(expected, OperationType::from_repr(code));
            same_as(expected, by_code.get(&code).copied());
            // cec-codes agrees wherever the vendor has not changed the row.
            if expected.is_some() {
                same(
                    cec_codes::OperationType::from_code(code),
                    OperationType::from_code(code),
                );
            }
        }
    }

    #[test]
    fn every_name_lookup_agrees_with_the_table() {
        let table = crate::table_of_2023();
        let by_name = operation_by_name();
        let names = table
            .rows()
            .iter()
            .map(|row| row.name())
            .chain(crate::mix::UNKNOWN_NAMES)
            .chain(["signout", "SIGNOUT", "SignOut ", "Sign", "SignOuts"]);
        for name in names {
            let expected = table
                .rows()
                .iter()
                .find(|row| row.name() == name)
                .and_then(|row| row.code().integer());
            same_as(expected, OperationType::from_name(name));
            same_as(expected, OperationType::from_str(name).ok());
            same_as(expected, OPERATION_BY_NAME.get(name).copied());
            same_as(expected, by_name.get(name).copied());
            assert_eq!(
                expected,
                PhfOperationType::from_str(name)
                    .ok()
                    .map(|operation| operation as i32),
                "{name:?}"
            );
        }
    }

    #[test]
    fn descriptions_agree_with_the_table() {
        let table = crate::table_of_2023();
        for (hand, row) in OperationType::ALL.iter().zip(table.rows()) {
            let expected = row.description().get(cec_codes::Lang::En);
            assert_eq!(Some(hand.description()), expected);
            assert_eq!(Some(hand.description_from_array()), expected);
        }
    }

    #[test]
    fn the_nested_match_decodes_every_reason_as_the_table_does() {
        let table = crate::table_of_2023();
        for row in table.rows() {
            let code = row.code().integer().expect("integer codes");
            let operation = cec_codes::OperationType::from_code(code)
                .unwrap_or_else(|| panic!("cec-codes lost row {code}"));
            for code in codes() {
                let expected = match row.decoding().outcome(code) {
                    Some(Outcome::NotApplicable(_)) => "NotApplicable",
                    Some(outcome) => {
                        let index = outcome.reason().expect("a reason");
                        row.reasons()[index].name()
                    }
                    None => "Unlisted",
                };
                assert_eq!(
                    decode_reason(operation, code),
                    (expected, code),
                    "{operation} {code}"
                );
            }
        }
    }
}
