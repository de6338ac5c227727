//! What the codes of a record mean: the annotation `codes decode` writes
//! beside every record.

use cec_codes::{
    AgentType, CallDirection, Code, CodeEnum, Lang, MediaType, ObjectKind, Operation,
    OperationType, TextCode,
};
use serde::{Serialize, Serializer};

use super::value::{Value, serialize_row};
use super::{Bill, BillRef, Column, Field, Location};

/// What the codes of one record mean by the vendor's tables: the operation
/// type, the kind of its object and the reason, the media type, the agent
/// type and the call direction, by name, with the vendor's texts in one
/// language.
///
/// Serialized, it is one struct whose fields are [`COLUMNS`](Self::COLUMNS):
/// names and texts as strings, what does not apply as `None` (JSON `null`,
/// an empty CSV field). A text the vendor gives in the other language only
/// is given in that one.
///
/// ```
/// use cec_bills::{Annotation, Bill};
/// use cec_codes::Lang;
///
/// let bill = Bill {
///     op_type: 3,
///     op_object: "-1".into(),
///     op_cause: 4,
///     media_type: "5".into(),
///     agent_type: "4".into(),
///     call_in_out: "呼入".into(),
///     ..Bill::default()
/// };
/// let busy = Annotation::of_bill(&bill, Lang::En);
/// assert_eq!(busy.operation, Some("Busy"));
/// assert_eq!(busy.operation_description, Some("Busy."));
/// assert_eq!(busy.object_kind, None);
/// assert_eq!(busy.reason, "TakingRest");
/// assert_eq!(busy.reason_description, Some("Indicates that an agent takes a rest."));
/// assert_eq!(busy.media_type_name, Some("VoiceCall"));
/// assert_eq!(busy.media_type_description, Some("Common voice call"));
/// assert_eq!(busy.agent_type_name, Some("PcPhone"));
/// assert_eq!(busy.call_direction_name, Some("Inbound"));
///
/// // In Chinese.
/// let zh = Annotation::of_bill(&bill, Lang::Zh);
/// assert_eq!(zh.operation_description, Some("示忙。"));
/// assert_eq!(zh.reason_description, Some("休息"));
///
/// // Codes the tables do not list: nothing to say of them.
/// let later = Bill { op_type: 21, op_object: "1001".into(), op_cause: 3, ..Bill::default() };
/// assert_eq!(
///     serde_json::to_string(&Annotation::of_bill(&later, Lang::En))?,
///     r#"{"operation":null,"operation_description":null,"object_kind":null,"reason":"Unlisted","reason_description":null,"media_type_name":null,"media_type_description":null,"agent_type_name":null,"agent_type_description":null,"call_direction_name":null}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Annotation {
    /// The operation type's name (`Busy`), or `None` if the table does not
    /// list `op_type`.
    pub operation: Option<&'static str>,
    /// The vendor's description of the operation type (`Busy.`).
    pub operation_description: Option<&'static str>,
    /// The kind of object the operation names (`EmployeeId`, `AgentId`), or
    /// `None` where `op_object` is none (`-1`, `65535`) or of no listed kind.
    pub object_kind: Option<&'static str>,
    /// The reason's name in the context of the operation (`TakingRest`), or
    /// `NotApplicable` or `Unlisted`.
    pub reason: &'static str,
    /// The vendor's text of the reason, where it gives one.
    pub reason_description: Option<&'static str>,
    /// The media type's name (`VoiceCall`), or `None` if `media_type` is
    /// not a code the table lists.
    pub media_type_name: Option<&'static str>,
    /// The vendor's description of the media type (`Common voice call`).
    pub media_type_description: Option<&'static str>,
    /// The agent type's name (`PcPhone`), or `None` if `agent_type` is not
    /// a code the table lists.
    pub agent_type_name: Option<&'static str>,
    /// The vendor's description of the agent type.
    pub agent_type_description: Option<&'static str>,
    /// The call direction's name (`Inbound` for `呼入`), or `None` if
    /// `callIn_out` is not a value the table lists. Its text is the
    /// column's own: the vendor gives no other.
    pub call_direction_name: Option<&'static str>,
}

impl Annotation {
    /// The serialized field names, in order.
    pub const COLUMNS: [&'static str; 10] = [
        "operation",
        "operation_description",
        "object_kind",
        "reason",
        "reason_description",
        "media_type_name",
        "media_type_description",
        "agent_type_name",
        "agent_type_description",
        "call_direction_name",
    ];

    /// The annotation of a record read by
    /// [`BillReader::next_ref`](crate::BillReader::next_ref), its texts in
    /// `lang`.
    pub fn of(record: BillRef<'_>, lang: Lang) -> Self {
        Self::new(
            &record.operation(),
            record.media_type_code(),
            record.agent_type_code(),
            record.call_direction(),
            lang,
        )
    }

    /// The annotation of an owned record, its texts in `lang`.
    pub fn of_bill(bill: &Bill, lang: Lang) -> Self {
        Self::new(
            &bill.operation(),
            bill.media_type_code(),
            bill.agent_type_code(),
            bill.call_direction(),
            lang,
        )
    }

    fn new(
        operation: &Operation<'_>,
        media_type: Option<Code<MediaType>>,
        agent_type: Option<Code<AgentType>>,
        call_direction: TextCode<'_, CallDirection>,
        lang: Lang,
    ) -> Self {
        let known = operation.code().known();
        let reason = operation.reason();
        let media_type = media_type.and_then(Code::known);
        let agent_type = agent_type.and_then(Code::known);
        Self {
            operation: known.map(OperationType::name),
            operation_description: known.map(|op| op.description_in(lang)),
            object_kind: operation.object().kind().map(ObjectKind::name),
            reason: reason.name(),
            reason_description: reason.description_in(lang),
            media_type_name: media_type.map(MediaType::name),
            media_type_description: media_type.map(|media| media.description_in(lang)),
            agent_type_name: agent_type.map(AgentType::name),
            agent_type_description: agent_type.map(|agent| agent.description_in(lang)),
            call_direction_name: call_direction.known().map(CodeEnum::name),
        }
    }

    fn values(&self) -> [Value<'static>; 10] {
        [
            Value::text(self.operation),
            Value::text(self.operation_description),
            Value::text(self.object_kind),
            Value::Text(self.reason),
            Value::text(self.reason_description),
            Value::text(self.media_type_name),
            Value::text(self.media_type_description),
            Value::text(self.agent_type_name),
            Value::text(self.agent_type_description),
            Value::text(self.call_direction_name),
        ]
    }
}

impl Serialize for Annotation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_row(serializer, "Annotation", &Self::COLUMNS, self.values())
    }
}

/// A record read from a bill file with where it is and what it means: a
/// [`BillRef`] with its [`Location`] and [`Annotation`], as
/// [`BillFiles`](crate::BillFiles) lends it.
///
/// Serialized, it is one struct whose fields are [`COLUMNS`](Self::COLUMNS):
/// `file` (the file, and the archive member after a `/`) and `line`, the
/// 21 columns as the file has them (codes as numbers), `duration_s`
/// ([`BillRef::duration_secs`]), then the [`Annotation`].
///
/// ```
/// use std::path::Path;
/// use cec_bills::{Annotated, BillReader, Location};
///
/// let file = "1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1\n";
/// let mut reader = BillReader::new(file.as_bytes());
/// let record = reader.next_ref().unwrap()?;
/// let annotated = Annotated::new(Location::new(Path::new("bills.csv")), record);
/// assert_eq!(annotated.location().to_string(), "bills.csv:1");
/// assert_eq!(annotated.annotation().reason, "TakingRest");
/// let json = serde_json::to_value(annotated).unwrap();
/// assert_eq!(json["file"], "bills.csv");
/// assert_eq!(json["op_type"], 3);
/// assert_eq!(json["duration_s"], 900);
/// assert_eq!(json["reason_description"], "Indicates that an agent takes a rest.");
/// # Ok::<(), cec_bills::BillError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Annotated<'a> {
    location: Location<'a>,
    record: BillRef<'a>,
    lang: Lang,
}

/// How many columns an [`Annotated`] record has.
const ANNOTATED: usize = 2 + Column::COUNT + 1 + Annotation::COLUMNS.len();

impl<'a> Annotated<'a> {
    /// The serialized field names, in order: `file`, `line`, the vendor's
    /// column names ([`Column::name`]), `duration_s`, then
    /// [`Annotation::COLUMNS`].
    pub const COLUMNS: [&'static str; ANNOTATED] = {
        let mut names = [""; ANNOTATED];
        names[0] = "file";
        names[1] = "line";
        let mut index = 0;
        while index < Column::COUNT {
            names[2 + index] = Column::ALL[index].name();
            index += 1;
        }
        names[2 + Column::COUNT] = "duration_s";
        let mut index = 0;
        while index < Annotation::COLUMNS.len() {
            names[3 + Column::COUNT + index] = Annotation::COLUMNS[index];
            index += 1;
        }
        names
    };

    /// `record`, read from the file (or archive member) `location` names,
    /// annotated in English; the location takes the record's line.
    pub fn new(location: Location<'a>, record: BillRef<'a>) -> Self {
        Self {
            location: location.with_line(record.line()),
            record,
            lang: Lang::En,
        }
    }

    /// The same record, annotated with the vendor's texts in `lang`.
    #[must_use]
    pub const fn in_lang(self, lang: Lang) -> Self {
        Self { lang, ..self }
    }

    /// Where the record is, with its line.
    pub const fn location(&self) -> Location<'a> {
        self.location
    }

    /// The record.
    pub const fn record(&self) -> BillRef<'a> {
        self.record
    }

    /// What its codes mean, in the language of
    /// [`in_lang`](Self::in_lang) (English unless told).
    pub fn annotation(&self) -> Annotation {
        Annotation::of(self.record, self.lang)
    }
}

impl Serialize for Annotated<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let file = self.location.without_line();
        let mut values = [Value::None; ANNOTATED];
        // A file named in UTF-8 is its own text: shown without formatting
        // (a `String` a record, in csv's serializer).
        values[0] = match (file.file().to_str(), file.member()) {
            (Some(path), None) => Value::Text(path),
            _ => Value::Shown(&file),
        };
        values[1] = Value::Count(self.record.line());
        for (value, field) in values[2..].iter_mut().zip(self.record.fields()) {
            *value = match field {
                Field::Text(text) => Value::Text(text),
                Field::Time(time) => Value::Time(time),
                Field::Code(code) => Value::Number(code.into()),
            };
        }
        values[2 + Column::COUNT] = Value::Number(self.record.duration_secs());
        values[3 + Column::COUNT..].copy_from_slice(&self.annotation().values());
        serialize_row(serializer, "Annotated", &Self::COLUMNS, values)
    }
}
