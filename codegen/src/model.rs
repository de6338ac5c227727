//! The validated spec: plain data, no spans, every invariant checked.
//!
//! Everything downstream of validation (rendering, exports, diffs) works on
//! these types only, so none of it needs to re-check the spec. They
//! serialize (serde) as the JSON export.

use serde::Serialize;

/// A whole validated spec: who publishes the tables, and the tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spec {
    /// Publisher of the tables.
    pub source: Source,
    /// The tables, in spec order.
    pub tables: Vec<Table>,
}

/// Who publishes the tables of a spec.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Source {
    /// The vendor, e.g. `Huawei Cloud`.
    pub vendor: String,
    /// The product the tables belong to.
    pub product: String,
    /// The document the tables are taken from.
    pub document: String,
}

/// One vendor table: a code column plus optional object and reason columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjectKind {
    /// Rust variant name, e.g. `EmployeeId`.
    pub name: String,
    /// The vendor's cell text, e.g. `Employee ID.`.
    pub text: String,
}

/// One vendor row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
}

impl Row {
    /// The reason a code decodes to: a single code wins over a range that
    /// contains it, a range over the open reason.
    pub fn reason_for(&self, code: i32) -> Option<&Reason> {
        let rank = |reason: &Reason| match reason.codes {
            ReasonCodes::Single(_) => 0,
            ReasonCodes::Range { .. } => 1,
            ReasonCodes::Open { .. } => 2,
        };
        self.reasons
            .iter()
            .filter(|reason| reason.codes.contains(code))
            .min_by_key(|reason| rank(reason))
    }
}

/// How many codes the single codes and ranges of `reasons` cover together;
/// `1 << 32`, every `i32`, leaves none to an open reason or to "unlisted".
/// Ranges never overlap one another (validation checks it).
pub(crate) fn listed_code_count(reasons: &[Reason]) -> u64 {
    let ranges: Vec<(i32, i32)> = reasons
        .iter()
        .filter_map(|reason| match reason.codes {
            ReasonCodes::Range { start, end } => Some((start, end)),
            _ => None,
        })
        .collect();
    let singles: std::collections::BTreeSet<i32> = reasons
        .iter()
        .filter_map(|reason| match reason.codes {
            ReasonCodes::Single(code) => Some(code),
            _ => None,
        })
        .filter(|code| {
            !ranges
                .iter()
                .any(|(start, end)| (start..=end).contains(&code))
        })
        .collect();
    let in_ranges: u64 = ranges
        .iter()
        .map(|(start, end)| range_size(*start, *end))
        .sum();
    in_ranges + singles.len() as u64
}

/// The number of codes from `start` to `end` inclusive (`start <= end`).
pub(crate) fn range_size(start: i32, end: i32) -> u64 {
    (i64::from(end) - i64::from(start) + 1).unsigned_abs()
}

/// One reason of a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The codes it covers.
    pub codes: ReasonCodes,
    /// Rust variant name.
    pub name: String,
    /// The vendor's text; `None` where the vendor gives a bare code.
    pub description: Option<String>,
}

/// The codes a reason covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ReasonCodes {
    /// One code.
    #[serde(serialize_with = "single_code")]
    Single(i32),
    /// An inclusive range, `start < end`.
    Range {
        /// First code.
        start: i32,
        /// Last code.
        end: i32,
    },
    /// Any code other than the "not applicable" markers.
    Open {
        /// The code the vendor says is used when none is given.
        default: Option<i32>,
    },
}

/// `{"kind": "single", "code": 3}`: an internally tagged newtype variant must
/// serialize as a map, which a bare integer is not.
fn single_code<S: serde::Serializer>(code: &i32, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut single = serializer.serialize_struct("Single", 1)?;
    single.serialize_field("code", code)?;
    single.end()
}

impl ReasonCodes {
    /// Whether `code` is covered.
    pub fn contains(self, code: i32) -> bool {
        match self {
            ReasonCodes::Single(single) => single == code,
            ReasonCodes::Range { start, end } => (start..=end).contains(&code),
            ReasonCodes::Open { .. } => true,
        }
    }

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

#[cfg(test)]
mod tests {
    use super::ReasonCodes;

    #[test]
    fn reason_codes_serialize_tagged_by_kind() {
        let json = |codes: ReasonCodes| serde_json::to_string(&codes).expect("serializes");
        assert_eq!(
            json(ReasonCodes::Single(3)),
            r#"{"kind":"single","code":3}"#
        );
        assert_eq!(
            json(ReasonCodes::Range { start: 1, end: 255 }),
            r#"{"kind":"range","start":1,"end":255}"#
        );
        assert_eq!(
            json(ReasonCodes::Open { default: Some(0) }),
            r#"{"kind":"open","default":0}"#
        );
        assert_eq!(
            json(ReasonCodes::Open { default: None }),
            r#"{"kind":"open","default":null}"#
        );
    }
}
