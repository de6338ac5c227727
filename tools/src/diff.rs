//! What a spec revision changed, and what that means for the semver of the
//! generated API.
//!
//! [`diff`] compares two validated specs and lists every change, each with
//! the [`Impact`] it has on the Rust API that `codes-codegen` generates from
//! the spec; the impact of the whole is the largest of them. The list renders
//! for a terminal ([`SpecDiff::to_text`]), a pull request or changelog
//! ([`SpecDiff::to_markdown`]) and for programs ([`SpecDiff::to_json`]).
//!
//! ```
//! use codes_codegen::Spec;
//! use codes_tools::diff::{Impact, diff};
//!
//! let spec = |description: &str| {
//!     let text = format!(
//!         "[source]\nvendor = \"V\"\nproduct = \"P\"\ndocument = \"D\"\n\n\
//!          [[table]]\nname = \"OperationType\"\ntitle = \"T\"\ncaption = \"Table 1\"\n\
//!          page = \"p\"\nupdated = \"2023-09-27\"\ncolumns = [\"Code\", \"Description\"]\n\n\
//!          [[table.row]]\ncode = 0\nname = \"SignOut\"\ndescription = \"{description}\"\n"
//!     );
//!     Spec::from_toml("codes.toml", &text).unwrap()
//! };
//! let old = spec("The agent signs out of CCS.");
//! let new = spec("The agent logs out of the CCS.");
//!
//! let changes = diff(&old, &new);
//! assert_eq!(changes.impact(), Some(Impact::Patch));
//! assert_eq!(
//!     changes.to_text(),
//!     "OperationType\n  \
//!        patch     OperationType/row 0: row description changed: \
//!        \"The agent signs out of CCS.\" -> \"The agent logs out of the CCS.\"\n\
//!      impact: patch (0 breaking, 0 minor, 1 patch)\n"
//! );
//! // `--fail-on minor`: fail when the impact is minor or more.
//! assert!(changes.impact() < Some(Impact::Minor));
//! assert_eq!(diff(&old, &old).impact(), None);
//! ```
//!
//! # What is compared
//!
//! Items are paired before they are compared, so that a rename reads as a
//! rename and not as a removal plus an addition:
//!
//! - "not applicable" markers by name, then by code;
//! - tables by name, then by page and caption together (a renamed table);
//! - object kinds by name, then by text (a renamed kind);
//! - rows by name and code, then by name (a renumbered row), then by code (a
//!   renamed row);
//! - a row's reasons by name and codes, then by name (codes changed), then by
//!   codes (a renamed reason);
//! - notes by text, then the rest by position (a reworded note).
//!
//! An item renamed and renumbered at once pairs with nothing: it is removed
//! and another added. Every difference between the specs is reported, so the
//! diff is empty exactly when the specs are equal.
//!
//! Paths name items as the old spec does (`OperationType/row 3/reason
//! 200-250`, `not_applicable/UsNoUse`): a row by its code, a reason by its codes (`any` for an open
//! reason), an object kind and a table by name, a note by its 1-based
//! position. An added item is named as the new spec does. Changes come in
//! spec order: the source, the markers, then each old table (its provenance, names,
//! object kinds, then rows in vendor order; within a row its names,
//! description, object, notes, then reasons), then added tables. Added items
//! follow the old ones of their list, and a reordering comes last.
//!
//! # Impact rules
//!
//! The impact is the part of the version a release must bump for the
//! generated API, after the [Cargo SemVer rules]. The generated code makes
//! these promises, on which the rules rest:
//!
//! - every enum that grows with the vendor's table (the code enum, each
//!   `{Row}Reason`, `Reason`, the object kind enum and `Object`) is
//!   `#[non_exhaustive]`, so adding a variant is minor;
//! - a variant's discriminant is its vendor code, and `code()`,
//!   `from_code()`, `TryFrom<i32>`, serde (vendor numbers) and `decode` are
//!   API: what a number decodes to is behaviour callers match on;
//! - `Code::Unknown`, `Reason::Unlisted` and `Object::Other` are the catch-alls
//!   for what the table does not list. A value moving from a catch-all to a new
//!   variant is how a non-exhaustive enum grows: it is what adding a row
//!   does. A value moving away from a listed variant breaks every match arm
//!   written for it;
//! - names are identifiers (types, variants) and strings (`name()`,
//!   `from_name()`, `FromStr`);
//! - vendor text (descriptions, notes, object kind text, provenance) reaches
//!   callers only as returned data, `Display` output and documentation.
//!
//! | Change | Impact | Why |
//! |---|---|---|
//! | table, row, reason, object kind or "not applicable" marker removed | breaking | a type or variant disappears |
//! | marker renamed or renumbered | breaking | a `NotApplicable` variant's identifier or code changes |
//! | marker added over a code some row's open reason decoded | breaking | that code decoded to the open reason's variant and now to `NotApplicable` |
//! | marker added otherwise | minor | codes move from `Reason::Unlisted` and `Object::Other` to a new `NotApplicable` variant |
//! | table, row, reason or object kind renamed | breaking | the identifier and its `name()` change |
//! | `record`, `object` or `reason` name changed, record removed | breaking | the record types are renamed or gone (`object` also names the kind enum, `reason` every `{Row}Reason`) |
//! | row renumbered | breaking | the discriminant, `code()`, `from_code()` and the serde number change |
//! | reason codes renumbered, narrowed or moved off codes that decoded to it | breaking | those codes no longer decode to the variant |
//! | reason added, or its codes widened, over codes that decoded otherwise | breaking | a code that decoded to another reason, or to `NotApplicable`, now decodes to this one |
//! | a reason's single code becomes a range or open, or the reverse | breaking | the variant gains or loses its `i32` field: patterns and constructors break |
//! | row object kind changed or removed | breaking | `Object::decode` returns another variant for the same text |
//! | object kinds reordered | breaking | the kind enum derives `Ord` in declaration order |
//! | table, row or object kind added; record added | minor | new types and variants of non-exhaustive enums |
//! | reason added, or its codes widened or moved, over unlisted codes only | minor | codes move from `Reason::Unlisted` to a new variant |
//! | object kind added on a row that had none | minor | objects move from `Object::Other` to a variant |
//! | description, note, object kind text, marker description or provenance changed | patch | text only: data, `Display` and docs |
//! | reason codes changed with every code decoding as before; open default changed | patch | `reasons()` data and docs only |
//! | tables, rows, reasons or notes reordered | patch | vendor order is data (`ALL`, `reasons()`, `notes()`); the code enum orders by vendor code |
//!
//! Edge cases, and why they fall where they do:
//!
//! - Adding a row grows `ALL: [Self; N]`, changing the type of a public
//!   constant. That is minor all the same: `ALL` is documented as every
//!   variant, and code that relies on its length relies on the variant
//!   count, which `#[non_exhaustive]` already disclaims.
//! - A reason is judged by what each code decodes to, not by its bounds,
//!   and a code that decodes differently is charged to the reason whose own
//!   listing changed. A single code added inside a range of its row is
//!   breaking (the code decoded to the range's variant), and the range,
//!   unchanged, is not reported; so is any reason added to a row with an
//!   open reason (the rest cause took every code). A range narrowed only by
//!   codes its row lists on their own (`0-255` to `1-255` beside `0`)
//!   decodes exactly as before: patch.
//! - A range that grows over `-1` or `65535` is breaking: those decoded to
//!   `NotApplicable`.
//! - The reasons of an added row, or of a table that had no record, are
//!   minor whatever their codes: nothing decoded them before. An added row
//!   lists its reasons; a removed row is one change, its reasons go with it.
//! - A renamed row also renames its `{Row}Reason` enum and `Reason` variant;
//!   a renamed object kind is reported once, not again on every row naming
//!   it.
//! - A reason description appearing or vanishing changes `description()`
//!   from `None` to `Some` or back: text, so patch.
//! - Adding an object kind anywhere is minor even though the implicit
//!   discriminants of later kinds shift: they are not documented, and the
//!   derived order of the existing kinds is kept.
//!
//! [Cargo SemVer rules]: https://doc.rust-lang.org/cargo/reference/semver.html

mod decoding;
mod output;
mod pairing;
mod walk;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use codes_codegen::model::{ReasonCodes, Spec};

/// Every change from `old` to `new`, each with its semver impact.
///
/// Deterministic: the changes come in spec order (see the module docs).
pub fn diff(old: &Spec, new: &Spec) -> SpecDiff {
    SpecDiff {
        changes: walk::changes(old, new),
    }
}

/// The changes between two specs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SpecDiff {
    changes: Vec<Change>,
}

impl SpecDiff {
    /// The changes, in spec order.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Whether the specs are equal.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The impact of the whole: the largest of the changes, `None` when
    /// nothing changed. `Option` orders `None` first, so
    /// `diff.impact() >= Some(threshold)` is the `--fail-on` test.
    pub fn impact(&self) -> Option<Impact> {
        self.changes.iter().map(|change| change.impact).max()
    }

    /// How many changes have `impact`.
    pub fn count(&self, impact: Impact) -> usize {
        self.changes
            .iter()
            .filter(|change| change.impact == impact)
            .count()
    }

    /// For a terminal: the changes grouped by table, one line each with its
    /// impact, then a summary such as
    /// `impact: breaking (3 breaking, 2 minor, 5 patch)`.
    pub fn to_text(&self) -> String {
        output::text(self)
    }

    /// For a pull request or changelog: the impact, then a heading per
    /// impact with a bullet per change; vendor text sits in code spans.
    pub fn to_markdown(&self) -> String {
        output::markdown(self)
    }

    /// For programs: pretty-printed JSON with the overall `impact` (`null`
    /// when nothing changed), the `counts` per impact, and the `changes`
    /// with their `kind`, `path`, `impact`, `old`, `new` and `detail`.
    pub fn to_json(&self) -> String {
        output::json(self)
    }

    /// The report in `format`.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => self.to_text(),
            Format::Markdown => self.to_markdown(),
            Format::Json => self.to_json(),
        }
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// Where, e.g. `OperationType/row 3/reason 200-250`, naming items as
    /// the old spec does.
    pub path: String,
    /// What it means for the generated API.
    pub impact: Impact,
    /// The value before, if the item existed.
    pub old: Option<Value>,
    /// The value after, if the item exists.
    pub new: Option<Value>,
    /// What the kind and values alone do not tell: why the impact is what
    /// it is (`221-250 no longer decode to ServiceErrorCode`), what else a
    /// rename renames, or the object kind of an added row.
    pub detail: Option<String>,
}

/// The semver impact of a change on the generated API, ordered from the
/// least to the most disruptive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    /// Text and data only: a patch release.
    Patch,
    /// Additions only: a minor release.
    Minor,
    /// Existing code may stop compiling or behave differently: a major
    /// release.
    Breaking,
}

impl Impact {
    /// Every impact, from the least to the most disruptive.
    pub const ALL: [Impact; 3] = [Impact::Patch, Impact::Minor, Impact::Breaking];

    /// `patch`, `minor` or `breaking`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Impact::Patch => "patch",
            Impact::Minor => "minor",
            Impact::Breaking => "breaking",
        }
    }
}

impl fmt::Display for Impact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Impact {
    type Err = ParseError;

    /// Reads `breaking`, `minor` or `patch`, as [`Display`](fmt::Display)
    /// writes them.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        Impact::ALL
            .into_iter()
            .find(|impact| impact.as_str() == text)
            .ok_or_else(|| ParseError {
                what: "impact",
                input: text.to_string(),
                expected: "breaking, minor or patch",
            })
    }
}

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// [`SpecDiff::to_text`].
    Text,
    /// [`SpecDiff::to_markdown`].
    Markdown,
    /// [`SpecDiff::to_json`].
    Json,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 3] = [Format::Text, Format::Markdown, Format::Json];

    /// `text`, `markdown` or `json`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = ParseError;

    /// Reads `text`, `markdown` or `json`.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        Format::ALL
            .into_iter()
            .find(|format| format.as_str() == text)
            .ok_or_else(|| ParseError {
                what: "format",
                input: text.to_string(),
                expected: "text, markdown or json",
            })
    }
}

/// An [`Impact`] or [`Format`] name that is none of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    what: &'static str,
    input: String,
    expected: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?}: expected {}",
            self.what, self.input, self.expected
        )
    }
}

impl std::error::Error for ParseError {}

/// A value before or after a change.
///
/// In JSON, names and texts are strings, a code a number, a list an array
/// of strings, codes an object (`{"kind": "single", "code": 5}`,
/// `{"kind": "range", "start": 1, "end": 255}`,
/// `{"kind": "open", "default": 0}`) and an item
/// `{"name": …, "text": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A Rust name from the spec, e.g. `SignOut`.
    Name(String),
    /// Vendor text, byte for byte.
    Text(String),
    /// A row's vendor code.
    Code(i32),
    /// The codes a reason lists.
    #[serde(serialize_with = "serialize_codes")]
    Codes(ReasonCodes),
    /// Column headers, or the names of items in their order.
    List(Vec<String>),
    /// An added or removed item: its Rust name and vendor text (a table's
    /// caption, a row's description, a reason's description, an object
    /// kind's text).
    Item {
        /// The Rust name.
        name: String,
        /// The vendor text; `None` for a reason given as a bare code.
        text: Option<String>,
    },
}

impl Value {
    fn name(name: &str) -> Value {
        Value::Name(name.to_string())
    }

    fn text(text: &str) -> Value {
        Value::Text(text.to_string())
    }
}

/// What a change is about. The JSON names are the variant names in
/// `snake_case` ([`as_str`](Self::as_str)); [`Display`](fmt::Display) gives
/// the words the reports use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChangeKind {
    /// A table is new.
    TableAdded,
    /// A table is gone.
    TableRemoved,
    /// A table has a new name (same page and caption).
    TableRenamed,
    /// The tables are in another order.
    TablesReordered,
    /// A code now means "not applicable" (`[[not_applicable]]`).
    MarkerAdded,
    /// A code no longer means "not applicable".
    MarkerRemoved,
    /// A "not applicable" marker has a new name (same code).
    MarkerRenamed,
    /// A "not applicable" marker has a new code (same name).
    MarkerRenumbered,
    /// A "not applicable" marker's description changed.
    MarkerDescriptionChanged,
    /// Where the table comes from: the source's vendor, product or document,
    /// a table's title, caption, page, `updated` date or column headers.
    ProvenanceChanged,
    /// A table has record names now: it decodes objects and reasons.
    RecordAdded,
    /// A table has no record names any more.
    RecordRemoved,
    /// The name of the decoded record (`record`) changed.
    RecordNameChanged,
    /// The name of the decoded object (`object`) changed.
    ObjectNameChanged,
    /// The name of the decoded reason (`reason`) changed.
    ReasonNameChanged,
    /// An object kind is new.
    ObjectKindAdded,
    /// An object kind is gone.
    ObjectKindRemoved,
    /// An object kind has a new name (same text).
    ObjectKindRenamed,
    /// An object kind's vendor text changed.
    ObjectKindTextChanged,
    /// The object kinds are in another order.
    ObjectKindsReordered,
    /// A row is new.
    RowAdded,
    /// A row is gone.
    RowRemoved,
    /// A row has a new name (same code).
    RowRenamed,
    /// A row has a new code (same name).
    RowRenumbered,
    /// A row's description changed.
    RowDescriptionChanged,
    /// A row names an object kind where it named none.
    RowObjectAdded,
    /// A row names no object kind any more.
    RowObjectRemoved,
    /// A row names another object kind.
    RowObjectChanged,
    /// The rows are in another order.
    RowsReordered,
    /// A row has a new note.
    NoteAdded,
    /// A note is gone.
    NoteRemoved,
    /// A note is worded differently.
    NoteChanged,
    /// A row's notes are in another order.
    NotesReordered,
    /// A reason is new.
    ReasonAdded,
    /// A reason is gone.
    ReasonRemoved,
    /// A reason has a new name (same codes).
    ReasonRenamed,
    /// A single-code reason has another code.
    ReasonRenumbered,
    /// A reason lists more codes, including all it listed.
    ReasonCodesWidened,
    /// A reason lists fewer codes, all of which it listed.
    ReasonCodesNarrowed,
    /// A reason lists other codes, neither more nor fewer.
    ReasonCodesMoved,
    /// An open reason's default code changed.
    ReasonDefaultChanged,
    /// A reason's description changed, appeared or vanished.
    ReasonDescriptionChanged,
    /// A row's reasons are in another order.
    ReasonsReordered,
}

impl ChangeKind {
    /// The JSON name, e.g. `reason_codes_narrowed`.
    pub const fn as_str(self) -> &'static str {
        self.names().0
    }

    /// `(JSON name, words)` of each kind.
    const fn names(self) -> (&'static str, &'static str) {
        use ChangeKind::*;
        match self {
            TableAdded => ("table_added", "table added"),
            TableRemoved => ("table_removed", "table removed"),
            TableRenamed => ("table_renamed", "table renamed"),
            TablesReordered => ("tables_reordered", "tables reordered"),
            MarkerAdded => ("marker_added", "not-applicable marker added"),
            MarkerRemoved => ("marker_removed", "not-applicable marker removed"),
            MarkerRenamed => ("marker_renamed", "not-applicable marker renamed"),
            MarkerRenumbered => ("marker_renumbered", "not-applicable marker renumbered"),
            MarkerDescriptionChanged => (
                "marker_description_changed",
                "not-applicable marker description changed",
            ),
            ProvenanceChanged => ("provenance_changed", "provenance changed"),
            RecordAdded => ("record_added", "record names added"),
            RecordRemoved => ("record_removed", "record names removed"),
            RecordNameChanged => ("record_name_changed", "record name changed"),
            ObjectNameChanged => ("object_name_changed", "object name changed"),
            ReasonNameChanged => ("reason_name_changed", "reason name changed"),
            ObjectKindAdded => ("object_kind_added", "object kind added"),
            ObjectKindRemoved => ("object_kind_removed", "object kind removed"),
            ObjectKindRenamed => ("object_kind_renamed", "object kind renamed"),
            ObjectKindTextChanged => ("object_kind_text_changed", "object kind text changed"),
            ObjectKindsReordered => ("object_kinds_reordered", "object kinds reordered"),
            RowAdded => ("row_added", "row added"),
            RowRemoved => ("row_removed", "row removed"),
            RowRenamed => ("row_renamed", "row renamed"),
            RowRenumbered => ("row_renumbered", "row renumbered"),
            RowDescriptionChanged => ("row_description_changed", "row description changed"),
            RowObjectAdded => ("row_object_added", "row object added"),
            RowObjectRemoved => ("row_object_removed", "row object removed"),
            RowObjectChanged => ("row_object_changed", "row object changed"),
            RowsReordered => ("rows_reordered", "rows reordered"),
            NoteAdded => ("note_added", "note added"),
            NoteRemoved => ("note_removed", "note removed"),
            NoteChanged => ("note_changed", "note changed"),
            NotesReordered => ("notes_reordered", "notes reordered"),
            ReasonAdded => ("reason_added", "reason added"),
            ReasonRemoved => ("reason_removed", "reason removed"),
            ReasonRenamed => ("reason_renamed", "reason renamed"),
            ReasonRenumbered => ("reason_renumbered", "reason renumbered"),
            ReasonCodesWidened => ("reason_codes_widened", "reason codes widened"),
            ReasonCodesNarrowed => ("reason_codes_narrowed", "reason codes narrowed"),
            ReasonCodesMoved => ("reason_codes_moved", "reason codes moved"),
            ReasonDefaultChanged => ("reason_default_changed", "reason default changed"),
            ReasonDescriptionChanged => {
                ("reason_description_changed", "reason description changed")
            }
            ReasonsReordered => ("reasons_reordered", "reasons reordered"),
        }
    }
}

impl fmt::Display for ChangeKind {
    /// The words the reports use, e.g. `reason codes narrowed`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.names().1)
    }
}

fn serialize_codes<S: serde::Serializer>(
    codes: &ReasonCodes,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    crate::export::json::CodesJson(*codes).serialize(serializer)
}

impl Serialize for ChangeKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
