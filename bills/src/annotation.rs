//! What the codes of a record mean: the annotation `codes decode` writes
//! beside every record.

use cec_codes::{ObjectKind, Operation, OperationType};
use serde::{Serialize, Serializer};

use super::value::{Value, serialize_row};
use super::{BillRef, Column, Field, Location};

/// What the codes of one record mean by the vendor's table: the operation
/// type, the kind of its object and the reason, by name, with the vendor's
/// texts.
///
/// Serialized, it is one struct whose fields are [`COLUMNS`](Self::COLUMNS):
/// names and texts as strings, what does not apply as `None` (JSON `null`,
/// an empty CSV field).
///
/// ```
/// use cec_bills::Annotation;
/// use cec_codes::Operation;
///
/// let busy = Annotation::of(&Operation::decode(3, "-1", 4));
/// assert_eq!(busy.operation, Some("Busy"));
/// assert_eq!(busy.operation_description, Some("Busy."));
/// assert_eq!(busy.object_kind, None);
/// assert_eq!(busy.reason, "TakingRest");
/// assert_eq!(busy.reason_description, Some("Indicates that an agent takes a rest."));
///
/// // An operation type the table does not list: nothing to say of it.
/// let later = Annotation::of(&Operation::decode(21, "1001", 3));
/// assert_eq!(
///     serde_json::to_string(&later)?,
///     r#"{"operation":null,"operation_description":null,"object_kind":null,"reason":"Unlisted","reason_description":null}"#
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
}

impl Annotation {
    /// The serialized field names, in order.
    pub const COLUMNS: [&'static str; 5] = [
        "operation",
        "operation_description",
        "object_kind",
        "reason",
        "reason_description",
    ];

    /// The annotation of a decoded `op_type`, `op_object` and `op_cause`.
    pub fn of(operation: &Operation<'_>) -> Self {
        let known = operation.code().known();
        let reason = operation.reason();
        Self {
            operation: known.map(OperationType::name),
            operation_description: known.map(OperationType::description),
            object_kind: operation.object().kind().map(ObjectKind::name),
            reason: reason.name(),
            reason_description: reason.description(),
        }
    }

    fn values(&self) -> [Value<'static>; 5] {
        [
            Value::text(self.operation),
            Value::text(self.operation_description),
            Value::text(self.object_kind),
            Value::Text(self.reason),
            Value::text(self.reason_description),
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
    annotation: Annotation,
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
    /// annotated; the location takes the record's line.
    pub fn new(location: Location<'a>, record: BillRef<'a>) -> Self {
        Self {
            location: location.with_line(record.line()),
            record,
            annotation: Annotation::of(&record.operation()),
        }
    }

    /// Where the record is, with its line.
    pub const fn location(&self) -> Location<'a> {
        self.location
    }

    /// The record.
    pub const fn record(&self) -> BillRef<'a> {
        self.record
    }

    /// What its codes mean.
    pub const fn annotation(&self) -> Annotation {
        self.annotation
    }
}

impl Serialize for Annotated<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let file = self.location.without_line();
        let mut values = [Value::None; ANNOTATED];
        values[0] = Value::Shown(&file);
        values[1] = Value::Count(self.record.line());
        for (value, column) in values[2..].iter_mut().zip(Column::ALL) {
            *value = match self.record.field(column) {
                Field::Text(text) => Value::Text(text),
                Field::Time(time) => Value::Time(time),
                Field::Code(code) => Value::Number(code.into()),
            };
        }
        values[2 + Column::COUNT] = Value::Number(self.record.duration_secs());
        values[3 + Column::COUNT..].copy_from_slice(&self.annotation.values());
        serialize_row(serializer, "Annotated", &Self::COLUMNS, values)
    }
}
