//! The validated spec: plain data, no spans, every invariant checked.
//!
//! Everything downstream of validation (rendering, exports, diffs) works on
//! these types only, so none of it needs to re-check the spec. What a code
//! means is decided once, here: each row's [`Decoding`] table.

use std::ops::{Index, IndexMut};

pub use crate::decoding::{Decoding, Outcome, Run};
pub use codes_runtime::{Lang, ReasonCodes};

/// A whole validated spec: who publishes the tables, and the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// Publisher of the tables.
    pub(crate) source: Source,
    /// How the vendor writes "not applicable" in a code column (`-1`,
    /// `65535`), in spec order.
    pub(crate) not_applicable: Vec<Marker>,
    /// The tables, in spec order.
    pub(crate) tables: Vec<Table>,
}

/// Who publishes the tables of a spec.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    /// The vendor, e.g. `Huawei Cloud`.
    pub(crate) vendor: String,
    /// The product the tables belong to.
    pub(crate) product: String,
    /// The document the tables are taken from.
    pub(crate) document: String,
    /// Per language, the base URL of the vendor's pages: a page's address
    /// is the base, its page id and `.html`.
    pub(crate) sites: Text,
}

/// One way the vendor writes "not applicable" in a code column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// The number, e.g. `65535`; in a text column, its decimal digits.
    pub(crate) code: i32,
    /// Rust variant name, e.g. `UsNoUse`.
    pub(crate) name: String,
    /// What the vendor calls it and where, e.g. `US_NO_USE, in later revisions`.
    pub(crate) description: String,
}

/// One vendor table: a code column plus optional object and reason columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Rust name of the enum of codes, e.g. `OperationType`.
    pub(crate) name: String,
    /// Whether the codes are numbers or text.
    pub(crate) kind: CodeKind,
    /// What the codes are, in the maintainers' words, where the vendor's
    /// title does not say it.
    pub(crate) summary: Option<String>,
    /// The vendor's English page; at least one of `en` and `zh` is there.
    pub(crate) en: Option<Page>,
    /// The vendor's Chinese page.
    pub(crate) zh: Option<Page>,
    /// Names of the items that decode a whole row; present when the table
    /// has an object or a reason column.
    pub(crate) record: Option<RecordNames>,
    /// The kinds of object the object column names.
    pub(crate) object_kinds: Vec<ObjectKind>,
    /// The rows, in vendor order.
    pub(crate) rows: Vec<Row>,
    /// Codes and names of removed rows that may not come back.
    pub(crate) reserved: Vec<Reserved>,
}

impl Spec {
    /// This spec's source with no markers and no tables: what a first
    /// release is compared against.
    pub fn emptied(&self) -> Spec {
        Spec {
            source: self.source.clone(),
            not_applicable: Vec::new(),
            tables: Vec::new(),
        }
    }

    /// The address of `table`'s page in `lang`, where the spec gives the
    /// language's site and the table has a page in it.
    pub fn page_url(&self, table: &Table, lang: Lang) -> Option<String> {
        let site = self.source.sites.get(lang)?;
        let page = table.page_in(lang)?;
        Some(format!("{site}{}.html", page.page))
    }
}

impl Table {
    /// The page the table is documented from: the English one, else the
    /// Chinese one.
    pub fn page(&self) -> &Page {
        match (&self.en, &self.zh) {
            (Some(page), _) | (None, Some(page)) => page,
            (None, None) => unreachable!("validation requires a page"),
        }
    }

    /// The vendor's page in `lang`, where the spec has it.
    pub fn page_in(&self, lang: Lang) -> Option<&Page> {
        match lang {
            Lang::En => self.en.as_ref(),
            Lang::Zh => self.zh.as_ref(),
        }
    }

    /// The language whose page gives the table its rows: English where the
    /// spec has the English page, else Chinese.
    pub fn primary_lang(&self) -> Lang {
        match self.en {
            Some(_) => Lang::En,
            None => Lang::Zh,
        }
    }

    /// Whether any row carries the vendor's constant name.
    pub fn has_constants(&self) -> bool {
        self.rows.iter().any(|row| row.constant.is_some())
    }
}

/// Whether a table's codes are numbers (`op_type`) or text (`callIn_out`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CodeKind {
    /// `i32` codes, the enum's discriminants.
    #[default]
    Integer,
    /// Text codes, compared byte for byte.
    Text,
}

/// Where the vendor publishes a table in one language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    /// The page title.
    pub(crate) title: String,
    /// A line between the title and the table, where the page has one.
    pub(crate) subtitle: Option<String>,
    /// The table caption as the vendor prints it, where it has one.
    pub(crate) caption: Option<String>,
    /// The vendor page identifier, e.g. `cec_07_4243`.
    pub(crate) page: String,
    /// The revision date as the vendor prints it after "Updated on", where
    /// the copy has one.
    pub(crate) updated: Option<String>,
    /// The vendor's column headers, in order.
    pub(crate) columns: Vec<String>,
    /// The vendor's notes on the whole table (a note between the header
    /// and the rows), in the page's language.
    pub(crate) notes: Vec<String>,
}

/// A vendor text in the languages the spec has it in; which of them must
/// be there depends on what the text belongs to. Indexed by [`Lang`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// Per language, in the order of [`Lang::ALL`], byte for byte.
    texts: [Option<String>; Lang::ALL.len()],
}

impl Text {
    /// The text in each language where given.
    pub fn new(en: Option<String>, zh: Option<String>) -> Text {
        Text { texts: [en, zh] }
    }

    /// English only.
    pub fn en(text: impl Into<String>) -> Text {
        Text::new(Some(text.into()), None)
    }

    /// The text in `lang`, if the spec has it.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        self[lang].as_deref()
    }

    /// The text in `lang`, or in the other language where `lang` has none:
    /// what a reader of `lang`'s page is shown.
    pub fn get_or_other(&self, lang: Lang) -> Option<&str> {
        self.get(lang).or_else(|| self.get(lang.fallback()))
    }

    /// The text in English, else in Chinese.
    pub fn primary(&self) -> Option<&str> {
        self.get_or_other(Lang::En)
    }

    /// Whether there is no text in either language.
    pub fn is_empty(&self) -> bool {
        self.texts.iter().all(Option::is_none)
    }
}

impl Index<Lang> for Text {
    type Output = Option<String>;

    fn index(&self, lang: Lang) -> &Option<String> {
        &self.texts[lang.index()]
    }
}

impl IndexMut<Lang> for Text {
    fn index_mut(&mut self, lang: Lang) -> &mut Option<String> {
        &mut self.texts[lang.index()]
    }
}

/// A row's code.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowCode {
    /// A number, in a table of [`CodeKind::Integer`].
    Integer(i32),
    /// A text, in a table of [`CodeKind::Text`].
    Text(String),
}

impl RowCode {
    /// The number, in an integer table.
    pub fn integer(&self) -> Option<i32> {
        match self {
            RowCode::Integer(code) => Some(*code),
            RowCode::Text(_) => None,
        }
    }
}

impl std::fmt::Display for RowCode {
    /// The number, or the text as it is.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowCode::Integer(code) => write!(f, "{code}"),
            RowCode::Text(text) => f.write_str(text),
        }
    }
}

/// A removed row whose code and name may not come back, as protobuf
/// reserves field numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reserved {
    /// The code no row may take again.
    pub(crate) code: RowCode,
    /// The Rust name no row may take again, where the spec gives one.
    pub(crate) name: Option<String>,
    /// Why, in the maintainers' words.
    pub(crate) note: Option<String>,
}

/// Rust names of the items that decode a row's code, object and reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordNames {
    /// The decoded triple, e.g. `Operation`.
    pub(crate) record: String,
    /// The decoded object value, e.g. `Object` (its kind enum is `ObjectKind`).
    pub(crate) object: String,
    /// The decoded reason, e.g. `Reason` (per-row enums are `{Row}Reason`).
    pub(crate) reason: String,
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
    pub(crate) name: String,
    /// The vendor's cell text, e.g. `Employee ID.` and `工号`.
    pub(crate) text: Text,
}

/// One vendor row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The vendor code.
    pub(crate) code: RowCode,
    /// Rust variant name.
    pub(crate) name: String,
    /// The vendor's constant name, e.g. `AGENT_TYPE_EXTENSION`, in tables
    /// that have them (every row then has one).
    pub(crate) constant: Option<String>,
    /// The vendor's description, byte for byte: in at least one language
    /// in an integer table; possibly in none in a text table, whose codes
    /// are their own text.
    pub(crate) description: Text,
    /// The vendor page each language's texts of the row come from, where
    /// it is not the table's page of that language.
    pub(crate) pages: Text,
    /// Index into [`Table::object_kinds`]; `None` is the vendor's `-1`.
    pub(crate) object: Option<usize>,
    /// Free sentences of the English reason cell.
    pub(crate) notes: Vec<String>,
    /// Free sentences of the Chinese reason cell.
    pub(crate) notes_zh: Vec<String>,
    /// The reasons, in vendor order; empty is the vendor's `-1`.
    pub(crate) reasons: Vec<Reason>,
    /// What every code of the reason column means for this row.
    pub(crate) decoding: Decoding,
}

impl Row {
    /// The row's notes in `lang`.
    pub fn notes_in(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.notes,
            Lang::Zh => &self.notes_zh,
        }
    }

    /// The row's notes in `lang`, or in the other language where `lang`
    /// has none.
    pub fn notes_in_or_other(&self, lang: Lang) -> &[String] {
        match self.notes_in(lang) {
            [] => self.notes_in(lang.fallback()),
            notes => notes,
        }
    }
}

/// One reason of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// The codes it covers.
    pub(crate) codes: ReasonCodes,
    /// Rust variant name.
    pub(crate) name: String,
    /// The vendor's text; empty where the vendor gives a bare code.
    pub(crate) description: Text,
}

// Read access to the validated model: its fields are the crate's, so that
// only validation builds one.

impl Spec {
    /// Publisher of the tables.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// How the vendor writes "not applicable" in a code column (`-1`,
    /// `65535`), in spec order.
    pub fn not_applicable(&self) -> &[Marker] {
        &self.not_applicable
    }

    /// The tables, in spec order.
    pub fn tables(&self) -> &[Table] {
        &self.tables
    }
}

impl Source {
    /// The vendor, e.g. `Huawei Cloud`.
    pub fn vendor(&self) -> &str {
        &self.vendor
    }

    /// The product the tables belong to.
    pub fn product(&self) -> &str {
        &self.product
    }

    /// The document the tables are taken from.
    pub fn document(&self) -> &str {
        &self.document
    }

    /// Per language, the base URL of the vendor's pages.
    pub fn sites(&self) -> &Text {
        &self.sites
    }
}

impl Marker {
    /// The number, e.g. `65535`; in a text column, its decimal digits.
    pub fn code(&self) -> i32 {
        self.code
    }

    /// Rust variant name, e.g. `UsNoUse`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What the vendor calls it and where, e.g. `US_NO_USE, in later revisions`.
    pub fn description(&self) -> &str {
        &self.description
    }
}

impl Table {
    /// What the codes are, in the maintainers' words, where the vendor's
    /// title does not say it.
    pub fn summary(&self) -> Option<&str> {
        self.summary.as_deref()
    }

    /// Rust name of the enum of codes, e.g. `OperationType`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the codes are numbers or text.
    pub fn kind(&self) -> CodeKind {
        self.kind
    }

    /// The vendor's English page; at least one of `en` and `zh` is there.
    pub fn en(&self) -> Option<&Page> {
        self.en.as_ref()
    }

    /// The vendor's Chinese page.
    pub fn zh(&self) -> Option<&Page> {
        self.zh.as_ref()
    }

    /// Names of the items that decode a whole row; present when the table
    /// has an object or a reason column.
    pub fn record(&self) -> Option<&RecordNames> {
        self.record.as_ref()
    }

    /// The kinds of object the object column names.
    pub fn object_kinds(&self) -> &[ObjectKind] {
        &self.object_kinds
    }

    /// The rows, in vendor order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Codes and names of removed rows that may not come back.
    pub fn reserved(&self) -> &[Reserved] {
        &self.reserved
    }
}

impl Page {
    /// The page title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// A line between the title and the table, where the page has one.
    pub fn subtitle(&self) -> Option<&str> {
        self.subtitle.as_deref()
    }

    /// The table caption as the vendor prints it, where it has one.
    pub fn caption(&self) -> Option<&str> {
        self.caption.as_deref()
    }

    /// The vendor page identifier, e.g. `cec_07_4243`.
    pub fn page(&self) -> &str {
        &self.page
    }

    /// The revision date as the vendor prints it after "Updated on", where
    /// the copy has one.
    pub fn updated(&self) -> Option<&str> {
        self.updated.as_deref()
    }

    /// The vendor's column headers, in order.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The vendor's notes on the whole table (a note between the header
    /// and the rows), in the page's language.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }
}

impl Reserved {
    /// The code no row may take again.
    pub fn code(&self) -> &RowCode {
        &self.code
    }

    /// The Rust name no row may take again, where the spec gives one.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Why, in the maintainers' words.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl RecordNames {
    /// The decoded triple, e.g. `Operation`.
    pub fn record(&self) -> &str {
        &self.record
    }

    /// The decoded object value, e.g. `Object` (its kind enum is `ObjectKind`).
    pub fn object(&self) -> &str {
        &self.object
    }

    /// The decoded reason, e.g. `Reason` (per-row enums are `{Row}Reason`).
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl ObjectKind {
    /// Rust variant name, e.g. `EmployeeId`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The vendor's cell text, e.g. `Employee ID.` and `工号`.
    pub fn text(&self) -> &Text {
        &self.text
    }
}

impl Row {
    /// The vendor code.
    pub fn code(&self) -> &RowCode {
        &self.code
    }

    /// Rust variant name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The vendor's constant name, e.g. `AGENT_TYPE_EXTENSION`, in tables
    /// that have them (every row then has one).
    pub fn constant(&self) -> Option<&str> {
        self.constant.as_deref()
    }

    /// The vendor's description, byte for byte: in at least one language
    /// in an integer table; possibly in none in a text table, whose codes
    /// are their own text.
    pub fn description(&self) -> &Text {
        &self.description
    }

    /// The vendor page each language's texts of the row come from, where
    /// it is not the table's page of that language.
    pub fn pages(&self) -> &Text {
        &self.pages
    }

    /// Index into [`Table::object_kinds`]; `None` is the vendor's `-1`.
    pub fn object(&self) -> Option<usize> {
        self.object
    }

    /// Free sentences of the English reason cell.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Free sentences of the Chinese reason cell.
    pub fn notes_zh(&self) -> &[String] {
        &self.notes_zh
    }

    /// The reasons, in vendor order; empty is the vendor's `-1`.
    pub fn reasons(&self) -> &[Reason] {
        &self.reasons
    }

    /// What every code of the reason column means for this row.
    pub fn decoding(&self) -> &Decoding {
        &self.decoding
    }
}

impl Reason {
    /// The codes it covers.
    pub fn codes(&self) -> ReasonCodes {
        self.codes
    }

    /// Rust variant name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The vendor's text; empty where the vendor gives a bare code.
    pub fn description(&self) -> &Text {
        &self.description
    }
}
