//! (b) The vendor table written by hand under strum and num_enum derives, as a
//! user would without cec-codes: codes, names, descriptions and reasons.

/// The vendor's agent operation types.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    num_enum::TryFromPrimitive,
    num_enum::IntoPrimitive,
    strum::EnumString,
    strum::Display,
    strum::IntoStaticStr,
    strum::EnumMessage,
    strum::EnumIter,
    strum::FromRepr,
)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "i32", try_from = "i32")
)]
#[repr(i32)]
pub enum OperationType {
    /// The agent signs out of CCS.
    #[strum(message = "The agent signs out of CCS.")]
    SignOut = 0,
    /// An agent signs in.
    #[strum(message = "An agent signs in.")]
    SignIn = 1,
    /// Idle.
    #[strum(message = "Idle.")]
    Idle = 2,
    /// Busy.
    #[strum(message = "Busy.")]
    Busy = 3,
    /// Talking.
    #[strum(message = "Talking.")]
    Talking = 4,
    /// Three-party conversation.
    #[strum(message = "Three-party conversation.")]
    ThreePartyConversation = 10,
    /// Manual station to automatic station (an agent be in the Suspended state).
    #[strum(message = "Manual station to automatic station (an agent be in the Suspended state).")]
    ManualToAutomatic = 13,
    /// Listening/Insert/Whisper
    #[strum(message = "Listening/Insert/Whisper")]
    ListenInsertWhisper = 20,
    /// Play voice.
    #[strum(message = "Play voice.")]
    PlayVoice = 22,
    /// Be on holiday or take a rest.
    #[strum(message = "Be on holiday or take a rest.")]
    Rest = 26,
    /// Work status.
    #[strum(message = "Work status.")]
    WorkStatus = 27,
    /// Forcibly sign out an agent.
    #[strum(message = "Forcibly sign out an agent.")]
    ForceSignOut = 29,
    /// Forcibly show an idle state for an agent.
    #[strum(message = "Forcibly show an idle state for an agent.")]
    ForceIdle = 30,
    /// Forcibly show a busy state for an agent.
    #[strum(message = "Forcibly show a busy state for an agent.")]
    ForceBusy = 31,
    /// Perform mute-on on a customer.
    #[strum(message = "Perform mute-on on a customer.")]
    MuteCustomer = 32,
    /// Hold a call by an agent.
    #[strum(message = "Hold a call by an agent.")]
    Hold = 38,
    /// Initiate an internal help request by an agent.
    #[strum(message = "Initiate an internal help request by an agent.")]
    InternalHelp = 40,
    /// Initiate an internal call by an agent.
    #[strum(message = "Initiate an internal call by an agent.")]
    InternalCall = 41,
    /// Intercept a call.
    #[strum(message = "Intercept a call.")]
    Intercept = 43,
    /// Suspend voice playing.
    #[strum(message = "Suspend voice playing.")]
    SuspendVoicePlaying = 44,
    /// Internal transfer.
    #[strum(message = "Internal transfer.")]
    InternalTransfer = 45,
    /// Transfer-out.
    #[strum(message = "Transfer-out.")]
    TransferOut = 46,
    /// Sign in to the media server.
    #[strum(message = "Sign in to the media server.")]
    MediaServerSignIn = 47,
    /// Sign out of the media server.
    #[strum(message = "Sign out of the media server.")]
    MediaServerSignOut = 52,
    /// Transfer a call that is queuing in a public queue.
    #[strum(message = "Transfer a call that is queuing in a public queue.")]
    PublicQueueTransfer = 53,
    /// Release transfer
    #[strum(message = "Release transfer")]
    ReleaseTransfer = 54,
    /// Transfer to another device.
    #[strum(message = "Transfer to another device.")]
    DeviceTransfer = 55,
    /// Hold the call when seeking internal help.
    #[strum(message = "Hold the call when seeking internal help.")]
    HoldForInternalHelp = 57,
    /// The agent enters the conference state.
    #[strum(message = "The agent enters the conference state.")]
    Conference = 58,
}

/// Reasons of [`OperationType::SignOut`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    num_enum::TryFromPrimitive,
    num_enum::IntoPrimitive,
    strum::EnumString,
    strum::Display,
    strum::IntoStaticStr,
    strum::EnumMessage,
)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "i32", try_from = "i32")
)]
#[repr(i32)]
pub enum SignOutReason {
    /// The error is caused by the client.
    #[strum(message = "The error is caused by the client.")]
    #[num_enum(alternatives = [2..=255])]
    ClientError = 1,
    /// The agent is disconnected from the platform.
    #[strum(message = "The agent is disconnected from the platform.")]
    Disconnected = 256,
    /// The agent is forcibly signed out by the inspector.
    #[strum(message = "The agent is forcibly signed out by the inspector.")]
    ForcedOutByInspector = 257,
    /// The agent signs out.
    #[strum(message = "The agent signs out.")]
    SignedOut = 258,
    /// The agent signs out before signs in again.
    #[strum(message = "The agent signs out before signs in again.")]
    SignOutBeforeSignIn = 259,
    /// The handshake between the agent control blocks time out between the media server and the CCS.
    #[strum(message = "The handshake between the agent control blocks time out between the media server and the CCS.")]
    MediaServerHandshakeTimeout = 260,
    /// The CCS detects that the handshake with the UIS about the agent control block times out.
    #[strum(message = "The CCS detects that the handshake with the UIS about the agent control block times out.")]
    UisHandshakeTimeout = 261,
    /// The handshake between the media server and the CCS is disconnected. As a result, the agent signs out.
    #[strum(message = "The handshake between the media server and the CCS is disconnected. As a result, the agent signs out.")]
    MediaServerHandshakeLost = 262,
    /// The handshake between the UIS and the agent times out.
    #[strum(message = "The handshake between the UIS and the agent times out.")]
    UisAgentHandshakeTimeout = 263,
    /// An agent with the same employee ID is forcibly signing in to a new client. As a result, the agent is forcibly signed out.
    #[strum(message = "An agent with the same employee ID is forcibly signing in to a new client. As a result, the agent is forcibly signed out.")]
    SameEmployeeIdSignedIn = 264,
}

/// Reasons of [`OperationType::Busy`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    num_enum::TryFromPrimitive,
    num_enum::IntoPrimitive,
    strum::EnumString,
    strum::Display,
    strum::IntoStaticStr,
    strum::EnumMessage,
)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "i32", try_from = "i32")
)]
#[repr(i32)]
pub enum BusyReason {
    /// Indicates that an agent indicates busy.
    #[strum(message = "Indicates that an agent indicates busy.")]
    AgentBusy = 1,
    /// An agent does not answer a call in a long period, so the agent is forced to show busy.
    #[strum(message = "An agent does not answer a call in a long period, so the agent is forced to show busy.")]
    NoAnswerForcedBusy = 2,
    /// An agent is forced to show busy by a QC inspector.
    #[strum(message = "An agent is forced to show busy by a QC inspector.")]
    ForcedBusyByInspector = 3,
    /// Indicates that an agent takes a rest.
    #[strum(message = "Indicates that an agent takes a rest.")]
    TakingRest = 4,
    /// The phone of an agent is unavailable.
    #[strum(message = "The phone of an agent is unavailable.")]
    PhoneUnavailable = 5,
    /// An agent rejects a call.
    #[strum(message = "An agent rejects a call.")]
    CallRejected = 7,
    /// error codes customized by the service side.
    #[strum(message = "error codes customized by the service side.")]
    #[num_enum(alternatives = [201..=250])]
    ServiceErrorCode = 200,
}

/// Reasons of [`OperationType::Talking`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    num_enum::TryFromPrimitive,
    num_enum::IntoPrimitive,
    strum::EnumString,
    strum::Display,
    strum::IntoStaticStr,
    strum::EnumMessage,
)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "i32", try_from = "i32")
)]
#[repr(i32)]
pub enum TalkingReason {
    /// The agent does not really exit the conversation status. Bills are generated every five minutes starting from 00:00 to 23:55.
    #[strum(message = "The agent does not really exit the conversation status. Bills are generated every five minutes starting from 00:00 to 23:55.")]
    StillTalking = 1,
    /// The agent fully exits the conversation status.
    #[strum(message = "The agent fully exits the conversation status.")]
    Exited = 0,
}

/// Reasons of [`OperationType::ListenInsertWhisper`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    num_enum::TryFromPrimitive,
    num_enum::IntoPrimitive,
    strum::EnumString,
    strum::Display,
    strum::IntoStaticStr,
    strum::EnumMessage,
)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "i32", try_from = "i32")
)]
#[repr(i32)]
pub enum ListenInsertWhisperReason {
    /// The vendor gives no text.
    Zero = 0,
}

/// Reasons of [`OperationType::Rest`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    num_enum::FromPrimitive,
    num_enum::IntoPrimitive,
    strum::EnumString,
    strum::Display,
    strum::IntoStaticStr,
    strum::EnumMessage,
)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "i32", try_from = "i32")
)]
#[repr(i32)]
pub enum RestReason {
    /// The rest cause code is specified when the client invokes CCC_REQUEST_REST_EX_Msg. The default cause code is 0.
    #[strum(message = "The rest cause code is specified when the client invokes CCC_REQUEST_REST_EX_Msg. The default cause code is 0.")]
    #[num_enum(catch_all)]
    RestCause(i32),
}

/// Reasons of [`OperationType::WorkStatus`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    num_enum::TryFromPrimitive,
    num_enum::IntoPrimitive,
    strum::EnumString,
    strum::Display,
    strum::IntoStaticStr,
    strum::EnumMessage,
)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "i32", try_from = "i32")
)]
#[repr(i32)]
pub enum WorkStatusReason {
    /// after-call processing. The business side is set to automatically enter the on-work state.
    #[strum(message = "after-call processing. The business side is set to automatically enter the on-work state.")]
    AfterCallProcessing = 0,
    /// manual adjustment. An agent manually enters the on-work state by invoking the interface.
    #[strum(message = "manual adjustment. An agent manually enters the on-work state by invoking the interface.")]
    #[num_enum(alternatives = [2..=255])]
    ManualAdjustment = 1,
}

/// Reasons of [`OperationType::InternalHelp`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    num_enum::TryFromPrimitive,
    num_enum::IntoPrimitive,
    strum::EnumString,
    strum::Display,
    strum::IntoStaticStr,
    strum::EnumMessage,
)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "i32", try_from = "i32")
)]
#[repr(i32)]
pub enum InternalHelpReason {
    /// Indicates no help between uncertain parties.
    #[strum(message = "Indicates no help between uncertain parties.")]
    Uncertain = 0,
    /// Indicates a two-party internal help.
    #[strum(message = "Indicates a two-party internal help.")]
    TwoParty = 1,
    /// Indicates a three-party internal help.
    #[strum(message = "Indicates a three-party internal help.")]
    ThreeParty = 2,
    /// In speak transfer mode, the called party talks with the agent after answering the call; the called party is connected to the calling party when the agent releases the call.
    #[strum(message = "In speak transfer mode, the called party talks with the agent after answering the call; the called party is connected to the calling party when the agent releases the call.")]
    SpeakTransfer = 3,
    /// In three-party conversation transfer mode, the three-party conversation is set up when the called party answers the call; the called party is connected to the calling party when the agent releases the call.
    #[strum(message = "In three-party conversation transfer mode, the three-party conversation is set up when the called party answers the call; the called party is connected to the calling party when the agent releases the call.")]
    ThreePartyTransfer = 4,
    /// Indicates a three-party conversation.
    #[strum(message = "Indicates a three-party conversation.")]
    ThreePartyConversation = 5,
    /// Indicates that the call is to be connected.
    #[strum(message = "Indicates that the call is to be connected.")]
    ToBeConnected = 6,
}

/// One row of an `agentOprInfo` bill, as the downstream crate keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BillRow {
    /// The agent.
    pub agent_id: String,
    /// `op_type`.
    pub op_type: i32,
    /// `op_object`.
    pub op_object: String,
    /// `op_cause`.
    pub op_cause: i32,
}

impl BillRow {
    /// What the row is about, in words.
    pub fn describe(&self) -> String {
        use strum::EnumMessage;
        match OperationType::try_from(self.op_type) {
            Ok(operation) => format!(
                "{}: {operation} ({}: {})",
                self.agent_id,
                self.op_type,
                operation.get_message().unwrap_or_default()
            ),
            Err(_) => format!("{}: unknown operation {}", self.agent_id, self.op_type),
        }
    }
}
