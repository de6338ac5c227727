//! The validated spec: plain data, no spans, every invariant checked.
//!
//! Everything downstream of validation (rendering, exports, diffs) works on
//! these types only, so none of it needs to re-check the spec. What a code
//! means is decided once, here: each row's [`Decoding`] table.

pub use crate::decoding::{Decoding, Outcome, Run};

/// A whole validated spec: who publishes the tables, and the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// Publisher of the tables.
    pub source: Source,
    /// How the vendor writes "not applicable" in a code column (`-1`,
    /// `65535`), in spec order.
    pub not_applicable: Vec<Marker>,
    /// The tables, in spec order.
    pub tables: Vec<Table>,
}

/// Who publishes the tables of a spec.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    /// The vendor, e.g. `Huawei Cloud`.
    pub vendor: String,
    /// The product the tables belong to.
    pub product: String,
    /// The document the tables are taken from.
    pub document: String,
}

/// One way the vendor writes "not applicable" in a code column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// The number, e.g. `65535`; in a text column, its decimal digits.
    pub code: i32,
    /// Rust variant name, e.g. `UsNoUse`.
    pub name: String,
    /// What the vendor calls it and where, e.g. `US_NO_USE, in later revisions`.
    pub description: String,
}

/// One vendor table: a code column plus optional object and reason columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Rust name of the enum of codes, e.g. `OperationType`.
    pub name: String,
    /// The vendor page title.
    pub title: String,
    /// The table caption as the vendor prints it.
    pub caption: String,
    /// The vendor page identifier.
    pub page: String,
    /// The revision date as the vendor prints it after "Updated on".
    pub updated: String,
    /// The vendor's column headers, in order.
    pub columns: Vec<String>,
    /// Names of the items that decode a whole row; present when the table
    /// has an object or a reason column.
    pub record: Option<RecordNames>,
    /// The kinds of object the object column names.
    pub object_kinds: Vec<ObjectKind>,
    /// The rows, in vendor order.
    pub rows: Vec<Row>,
}

/// Rust names of the items that decode a row's code, object and reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordNames {
    /// The decoded triple, e.g. `Operation`.
    pub record: String,
    /// The decoded object value, e.g. `Object` (its kind enum is `ObjectKind`).
    pub object: String,
    /// The decoded reason, e.g. `Reason` (per-row enums are `{Row}Reason`).
    pub reason: String,
}

impl RecordNames {
    /// Name of the enum of object kinds, e.g. `ObjectKind`.
    pub fn object_kind(&self) -> String {
        format!("{}Kind", self.object)
    }

    /// Name of the reason enum of one row, e.g. `BusyReason`.
    pub fn row_reason(&self, row: &Row) -> String {
        format!("{}{}", row.name, self.reason)
    }
}

/// A kind of object named by the object column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectKind {
    /// Rust variant name, e.g. `EmployeeId`.
    pub name: String,
    /// The vendor's cell text, e.g. `Employee ID.`.
    pub text: String,
}

/// One vendor row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The vendor code.
    pub code: i32,
    /// Rust variant name.
    pub name: String,
    /// The vendor's description, byte for byte.
    pub description: String,
    /// Index into [`Table::object_kinds`]; `None` is the vendor's `-1`.
    pub object: Option<usize>,
    /// Free sentences of the reason cell.
    pub notes: Vec<String>,
    /// The reasons, in vendor order; empty is the vendor's `-1`.
    pub reasons: Vec<Reason>,
    /// What every code of the reason column means for this row.
    pub decoding: Decoding,
}

/// One reason of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// The codes it covers.
    pub codes: ReasonCodes,
    /// Rust variant name.
    pub name: String,
    /// The vendor's text; `None` where the vendor gives a bare code.
    pub description: Option<String>,
}

/// The codes a reason covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonCodes {
    /// One code.
    Single(i32),
    /// An inclusive range, `start < end`.
    Range {
        /// First code.
        start: i32,
        /// Last code.
        end: i32,
    },
    /// Any code that no other reason takes and that is no
    /// [`Marker`].
    Open {
        /// The code the vendor says is used when none is given.
        default: Option<i32>,
    },
}

impl ReasonCodes {
    /// Whether the reason carries its code as a value.
    pub fn carries_value(self) -> bool {
        !matches!(self, ReasonCodes::Single(_))
    }
}

impl std::fmt::Display for ReasonCodes {
    /// The vendor's notation: `256`, `1-255`, `any`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReasonCodes::Single(code) => write!(f, "{code}"),
            ReasonCodes::Range { start, end } => write!(f, "{start}-{end}"),
            ReasonCodes::Open { .. } => f.write_str("any"),
        }
    }
}
