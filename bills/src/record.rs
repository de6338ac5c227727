//! One bill record: the 21 columns, typed.

use core::fmt;
use core::time::Duration;
use std::string::String;

use serde::{Deserialize, Serialize};

use super::{BillTime, columns};
use cec_codes::{AgentType, CallDirection, Code, MediaType, Operation, TextCode};

/// The 21 columns of an `agentOprInfo` bill file, in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    /// `id`.
    Id,
    /// `developer_id`.
    DeveloperId,
    /// `account_id`.
    AccountId,
    /// `agent_id`.
    AgentId,
    /// `service_no`.
    ServiceNo,
    /// `skill_id`.
    SkillId,
    /// `call_id`.
    CallId,
    /// `begin_time`.
    BeginTime,
    /// `end_time`.
    EndTime,
    /// `op_type`.
    OpType,
    /// `op_object`.
    OpObject,
    /// `op_cause`.
    OpCause,
    /// `media_type`.
    MediaType,
    /// `vdn_id`.
    VdnId,
    /// `cc_id`.
    CcId,
    /// `agent_type`.
    AgentType,
    /// `phone_no`.
    PhoneNo,
    /// `callIn_out`.
    CallInOut,
    /// `location_id`.
    LocationId,
    /// `logon_sn`.
    LogonSn,
    /// `skillInfo_sn`.
    SkillInfoSn,
}

impl Column {
    /// Every column, in file order.
    pub const ALL: [Self; 21] = [
        Self::Id,
        Self::DeveloperId,
        Self::AccountId,
        Self::AgentId,
        Self::ServiceNo,
        Self::SkillId,
        Self::CallId,
        Self::BeginTime,
        Self::EndTime,
        Self::OpType,
        Self::OpObject,
        Self::OpCause,
        Self::MediaType,
        Self::VdnId,
        Self::CcId,
        Self::AgentType,
        Self::PhoneNo,
        Self::CallInOut,
        Self::LocationId,
        Self::LogonSn,
        Self::SkillInfoSn,
    ];

    /// The number of columns of a bill record.
    pub const COUNT: usize = Self::ALL.len();

    /// The vendor's column name, as a header line writes it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::DeveloperId => "developer_id",
            Self::AccountId => "account_id",
            Self::AgentId => "agent_id",
            Self::ServiceNo => "service_no",
            Self::SkillId => "skill_id",
            Self::CallId => "call_id",
            Self::BeginTime => "begin_time",
            Self::EndTime => "end_time",
            Self::OpType => "op_type",
            Self::OpObject => "op_object",
            Self::OpCause => "op_cause",
            Self::MediaType => "media_type",
            Self::VdnId => "vdn_id",
            Self::CcId => "cc_id",
            Self::AgentType => "agent_type",
            Self::PhoneNo => "phone_no",
            Self::CallInOut => "callIn_out",
            Self::LocationId => "location_id",
            Self::LogonSn => "logon_sn",
            Self::SkillInfoSn => "skillInfo_sn",
        }
    }

    /// The position of the column in a record, from 0.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The column at `index` (from 0), if a record has one there.
    pub const fn from_index(index: usize) -> Option<Self> {
        if index < Self::COUNT {
            Some(Self::ALL[index])
        } else {
            None
        }
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One record of an `agentOprInfo` bill file: an agent operation with its
/// context, every column kept.
///
/// The code columns are numbers, decoded on demand by
/// [`operation`](Self::operation); the times are parsed. Every other
/// column is kept as its text, since the vendor documents no type for it.
/// Serde uses the vendor's column names, so a CSV writer writes records
/// the reader reads back.
///
/// ```
/// use cec_bills::{Bill, BillTime};
/// use cec_codes::OperationType;
///
/// let bill = Bill {
///     agent_id: "1001".into(),
///     begin_time: "2023-09-27 08:00:00".parse()?,
///     end_time: "2023-09-27 08:15:00".parse()?,
///     op_type: 3,
///     op_object: "-1".into(),
///     op_cause: 4,
///     ..Bill::default()
/// };
/// let operation = bill.operation();
/// assert_eq!(operation.code().known(), Some(OperationType::Busy));
/// assert_eq!(operation.reason().name(), "TakingRest");
/// assert_eq!(bill.duration_secs(), 900);
/// # Ok::<(), cec_bills::TimeError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bill {
    /// `id`: the record's ID.
    pub id: String,
    /// `developer_id`: the developer (tenant) ID.
    pub developer_id: String,
    /// `account_id`: the account ID.
    pub account_id: String,
    /// `agent_id`: the agent's ID (1 to 32 characters).
    pub agent_id: String,
    /// `service_no`: carries no meaning, says the vendor.
    pub service_no: String,
    /// `skill_id`: the skill queue.
    pub skill_id: String,
    /// `call_id`: the call.
    pub call_id: String,
    /// `begin_time`: when the operation began.
    pub begin_time: BillTime,
    /// `end_time`: when the operation ended.
    pub end_time: BillTime,
    /// `op_type`: the operation type code, decoded by
    /// [`operation`](Self::operation).
    pub op_type: i32,
    /// `op_object`: the operation object (an employee or agent ID, or
    /// `-1`).
    pub op_object: String,
    /// `op_cause`: the operation reason code.
    pub op_cause: i32,
    /// `media_type`: the media type.
    pub media_type: String,
    /// `vdn_id`: the virtual call centre.
    pub vdn_id: String,
    /// `cc_id`: the call centre.
    pub cc_id: String,
    /// `agent_type`: the agent type.
    pub agent_type: String,
    /// `phone_no`: the agent's IP address, phone number, called number or
    /// conference ID.
    pub phone_no: String,
    /// `callIn_out`: the call direction.
    #[serde(rename = "callIn_out")]
    pub call_in_out: String,
    /// `location_id`: the location.
    pub location_id: String,
    /// `logon_sn`: the sign-in sequence number.
    pub logon_sn: String,
    /// `skillInfo_sn`: the skill information sequence number.
    #[serde(rename = "skillInfo_sn")]
    pub skill_info_sn: String,
}

impl Bill {
    /// The operation this record reports: `op_type`, `op_object` and
    /// `op_cause` decoded together. Unknown codes keep their numbers, and
    /// `-1` or `65535` read as not applicable.
    pub fn operation(&self) -> Operation<'_> {
        Operation::decode(self.op_type, &self.op_object, self.op_cause)
    }

    /// `media_type` as a code of the vendor's media types, listed or not;
    /// `None` when the field is not a number as the vendor writes one
    /// (`5`, not `05`), the field kept as it is.
    ///
    /// ```
    /// use cec_bills::Bill;
    /// use cec_codes::{Code, MediaType};
    ///
    /// let bill = Bill { media_type: "5".into(), ..Bill::default() };
    /// assert_eq!(bill.media_type_code(), Some(Code::Known(MediaType::VoiceCall)));
    /// let later = Bill { media_type: "53".into(), ..Bill::default() };
    /// assert_eq!(later.media_type_code().map(Code::code), Some(53));
    /// assert_eq!(Bill { media_type: "05".into(), ..Bill::default() }.media_type_code(), None);
    /// ```
    pub fn media_type_code(&self) -> Option<Code<MediaType>> {
        columns::media_type(&self.media_type)
    }

    /// `agent_type` as a code of the vendor's agent types, as
    /// [`media_type_code`](Self::media_type_code) reads it.
    pub fn agent_type_code(&self) -> Option<Code<AgentType>> {
        columns::agent_type(&self.agent_type)
    }

    /// `callIn_out` as a call direction: its codes are text (`呼入`), so
    /// every field is one, listed or kept as [`TextCode::Unknown`].
    ///
    /// ```
    /// use cec_bills::Bill;
    /// use cec_codes::CallDirection;
    ///
    /// let bill = Bill { call_in_out: "呼入".into(), ..Bill::default() };
    /// assert_eq!(bill.call_direction().known(), Some(CallDirection::Inbound));
    /// ```
    pub fn call_direction(&self) -> TextCode<'_, CallDirection> {
        columns::call_direction(&self.call_in_out)
    }

    /// The seconds from `begin_time` to `end_time`: negative when the
    /// record ends before it begins, which the vendor's data should never
    /// do but this keeps visible rather than hiding.
    pub const fn duration_secs(&self) -> i64 {
        self.end_time.seconds_since(self.begin_time)
    }

    /// How long the operation lasted, or `None` when the record ends
    /// before it begins (see [`duration_secs`](Self::duration_secs)).
    pub const fn duration(&self) -> Option<Duration> {
        let seconds = self.duration_secs();
        if seconds < 0 {
            None
        } else {
            Some(Duration::from_secs(seconds.unsigned_abs()))
        }
    }

    /// The value of one column, for code that walks the columns (see
    /// [`Column::ALL`]).
    ///
    /// ```
    /// use cec_bills::{Bill, Column};
    ///
    /// let bill = Bill { op_cause: 4, call_in_out: "1".into(), ..Bill::default() };
    /// assert_eq!(bill.field(Column::OpCause).to_string(), "4");
    /// assert_eq!(bill.field(Column::CallInOut).to_string(), "1");
    /// assert_eq!(bill.field(Column::BeginTime).to_string(), "0000-01-01 00:00:00");
    /// ```
    pub fn field(&self, column: Column) -> Field<'_> {
        match column {
            Column::Id => Field::Text(&self.id),
            Column::DeveloperId => Field::Text(&self.developer_id),
            Column::AccountId => Field::Text(&self.account_id),
            Column::AgentId => Field::Text(&self.agent_id),
            Column::ServiceNo => Field::Text(&self.service_no),
            Column::SkillId => Field::Text(&self.skill_id),
            Column::CallId => Field::Text(&self.call_id),
            Column::BeginTime => Field::Time(self.begin_time),
            Column::EndTime => Field::Time(self.end_time),
            Column::OpType => Field::Code(self.op_type),
            Column::OpObject => Field::Text(&self.op_object),
            Column::OpCause => Field::Code(self.op_cause),
            Column::MediaType => Field::Text(&self.media_type),
            Column::VdnId => Field::Text(&self.vdn_id),
            Column::CcId => Field::Text(&self.cc_id),
            Column::AgentType => Field::Text(&self.agent_type),
            Column::PhoneNo => Field::Text(&self.phone_no),
            Column::CallInOut => Field::Text(&self.call_in_out),
            Column::LocationId => Field::Text(&self.location_id),
            Column::LogonSn => Field::Text(&self.logon_sn),
            Column::SkillInfoSn => Field::Text(&self.skill_info_sn),
        }
    }
}

/// The value of one column of a [`Bill`]; [`Display`](fmt::Display)
/// writes it as the file does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field<'a> {
    /// A column kept as text.
    Text(&'a str),
    /// `begin_time` or `end_time`.
    Time(BillTime),
    /// `op_type` or `op_cause`.
    Code(i32),
}

impl fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => f.write_str(text),
            Self::Time(time) => time.fmt(f),
            Self::Code(code) => code.fmt(f),
        }
    }
}
