//! From vendor tables (read by [`vendor_doc`]) to spec text: a fresh
//! `codes.toml`, or an existing one updated in place, in English or in
//! Chinese.
//!
//! - [`import`] and [`import_all`] write a complete spec from one or more
//!   tables of a page, [`import_values`] from the values a parameter lists
//!   (a text-keyed table), with a Rust name proposed for every table, row,
//!   reason and object kind;
//! - [`merge`], [`merge_with`] and [`merge_values`] update an existing spec
//!   to a page, keeping its names, comments, key order and layout.
//!
//! All return spec text that [`Spec::from_toml`] accepts, a summary of what
//! changed and the list of what a person has to review; or an
//! [`ImportError`] listing every problem at once.
//!
//! # From vendor text to spec
//!
//! | vendor cell                                  | spec                                  |
//! |----------------------------------------------|---------------------------------------|
//! | `Updated on …`, title, subtitle, caption, header cells | `updated`, `title`, `subtitle`, `caption`, `columns` |
//! | code, constant name, description             | `[[table.row]]` `code`, `constant`, `description` |
//! | object text                                  | a `[[table.object_kind]]` per distinct text, named by the row's `object` |
//! | object or reason `-1`, `65535`, `0xFFFF`, `US_NO_USE`, `-` | no object, no reasons   |
//! | `N: text`, `N-M: text`, bare `N`             | a reason `code = N`, `range = [N, M]`, `code = N` without description |
//! | any other paragraph of the reason cell       | `notes`                               |
//! | a NOTE cell of the page, before the header or between it and the rows | the page's `notes` (titles left out) |
//! | a note under a cell's text (`说明:` and the note) | the row's `notes` |
//! | the values a parameter lists                 | `key = "text"` rows, `code = "呼入"`: the page title, the list's lead-in as the caption |
//!
//! A page in Chinese ([`Lang::Zh`]) fills the Chinese keys instead: the
//! page goes to `[table.zh]`, descriptions to `description_zh`, notes to
//! `notes_zh`, object kinds' texts to `text_zh`. The header cells must be
//! in the language of the import (a Chinese page read as English would put
//! its texts under the English keys): an error otherwise.
//!
//! Text is copied byte for byte, full-width punctuation and all. A vendor
//! table a spec cannot hold is an error at its vendor line, never guessed
//! at: a code that does not fit in `i32`, a code or a constant listed
//! twice, a reason code listed twice in a cell, overlapping ranges, a range
//! of one code, a "not used" marker among reasons.
//!
//! # Proposed names
//!
//! A new name is UpperCamelCase of the first four significant words of the
//! vendor text (`Indicates that an agent indicates busy.` → `AgentBusy`);
//! in a table with constant names, of the constant without the prefix all
//! of them share (`AGENT_TYPE_PC_PHONE` → `PcPhone`); a table's of its
//! caption without `Table 1` (or of its title, or of the parameter); or
//! made from the code when the text has no usable words (`Code58`,
//! `Codes1To255`, `Value2` for a text value); a number is appended until it
//! is unique in every namespace the validator checks, old names included
//! (even those of removed entries, so a dropped name never returns with
//! another meaning). Each is marked `# review: proposed name` and listed in
//! [`Imported::review`]. Chinese texts have no usable words: a Chinese
//! import proposes names from codes only.
//!
//! # Merging
//!
//! Each vendor table goes into the spec table [`MergeOptions::into`] names;
//! else the spec's only table; else the one whose caption (or title), in
//! either language, equals the vendor's (so tables of one page with the
//! same caption and title are merged one at a time, with `into`). How it
//! merges depends on the page's language.
//!
//! In the language that gives the table its rows (English where the spec
//! has the English page, else Chinese), the table follows the vendor. Rows
//! are matched by code, reasons by code or range bounds, object kinds by
//! text; entries and keys the vendor did not change are left as written,
//! byte for byte. Then:
//!
//! - title, subtitle, caption, updated and columns follow the vendor (one
//!   the vendor text lacks, such as the caption in the pipe layout, is
//!   kept);
//! - changed descriptions, constants, objects, notes and reason texts are
//!   replaced in place, keeping the comments around them;
//! - new rows, reasons and object kinds are inserted where the vendor has
//!   them, with proposed names; dropped ones are removed;
//! - rows and reasons follow the vendor's order;
//! - an open reason (`open = true`) is kept where the reason cell has a free
//!   sentence equal to its description (the vendor's way of writing it);
//! - a reason whose range bounds changed keeps its name when it overlaps
//!   exactly one old range that overlaps no other new range;
//! - a bare code (`0`) is a reason without description, as before.
//!
//! In the other language (Chinese texts into a table transcribed from the
//! English page) only that language's texts change: the page (made if
//! missing, its page id from [`MergeOptions::page`]), and each row's,
//! reason's and object kind's text, matched by code. Every English text
//! and every Rust name stays as it is. A row or reason the spec lacks, a
//! row whose object the spec's row does not have (or the other way round),
//! two texts for one object kind, or a constant that differs is an error
//! at its vendor line; a spec row or reason the page lacks keeps its text
//! and is said in the summary. An open reason's text is the free sentence
//! equal to its text; else the only free sentence of the cell; else, when
//! the row has no notes in its other language, the first one.
//!
//! In both, a text that differs from the spec's only in the width of its
//! punctuation (full-width `，` for ASCII `,`; compared after NFKC) is not
//! changed but marked `# review` and listed in [`Imported::review`]: the
//! vendor's own copies disagree on it.
//!
//! Tables written as inline arrays (`row = [{ … }]`) are rewritten as
//! `[[table.row]]` headers; tables are printed in array order. New strings
//! are written as toml_edit writes them: `"…"` unless the text needs
//! escapes, then a literal string (`'He said "yes".'`).
//!
//! # Example
//!
//! ```
//! use codes_tools::import::{ImportOptions, Lang, MergeOptions, import, merge, merge_with};
//! use codes_tools::vendor_doc::parse;
//!
//! let first = parse("\
//! | Operation Type | Description | Operation Object | Operation Reason |
//! |---|---|---|---|
//! | 2 | Idle. | -1 | -1 |
//! | 3 | Busy. | -1 | 1: Indicates that an agent indicates busy. |
//! ").unwrap();
//! let imported = import(&first, &ImportOptions::default()).unwrap();
//! assert!(imported.toml.contains("name = \"AgentBusy\" # review: proposed name"));
//!
//! let second = parse("\
//! | Operation Type | Description | Operation Object | Operation Reason |
//! |---|---|---|---|
//! | 2 | Idle. | US_NO_USE | US_NO_USE |
//! | 3 | Busy. | US_NO_USE | 1: An agent indicates busy. |
//! ").unwrap();
//! let merged = merge("codes.toml", &imported.toml, &second).unwrap();
//! assert_eq!(merged.summary, ["row 3: reason 1: description changed"]);
//!
//! let chinese = parse("\
//! | 操作类型 | 含义 | 操作对象 | 操作原因 |
//! |---|---|---|---|
//! | 2 | 空闲。 | -1 | -1 |
//! | 3 | 示忙。 | -1 | 1:自己示忙 |
//! ").unwrap();
//! let options = MergeOptions { lang: Lang::Zh, page: Some("cec_07_0838".into()), ..MergeOptions::default() };
//! let both = merge_with("codes.toml", &merged.toml, &[chinese], &options).unwrap();
//! assert!(both.toml.contains("description = \"Busy.\"\ndescription_zh = \"示忙。\"\n"));
//! assert!(both.toml.contains("description = \"An agent indicates busy.\"\ndescription_zh = \"自己示忙\"\n"));
//! ```
//!
//! [`vendor_doc`]: crate::vendor_doc

mod base;
mod changes;
mod edit;
mod merge;
mod names;
mod overlay;
mod page;
mod vendor;

use std::fmt;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

pub use crate::lang::Lang;
use crate::vendor_doc::{DocError, Located, ValueList, VendorTable};
use base::Base;
use changes::Report;
use codes_codegen::SUPPORT_ITEMS;
use codes_codegen::ident;
use codes_codegen::model::{self, CodeKind};
use codes_codegen::schema;
use codes_codegen::{Code, Diagnostic};
use codes_codegen::{Spec, SpecError};
use names::Namespace;
use vendor::Vendor;

/// What a fresh import takes from outside the vendor text. The defaults
/// are those of the CEC pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// `[source] vendor`, e.g. `Huawei Cloud`.
    pub vendor: String,
    /// `[source] product`.
    pub product: String,
    /// `[source] document`.
    pub document: String,
    /// The language of the page.
    pub lang: Lang,
    /// The vendor page identifier, e.g. `cec_07_4243` (the copied text
    /// does not carry it); `None` writes `unknown`, marked for review.
    pub page: Option<String>,
    /// The Rust name of the table's enum, e.g. `OperationType`, for an
    /// import of one table; `None` proposes one from the page.
    pub table_name: Option<String>,
    /// The Rust name of a decoded row, e.g. `Operation`, in a table with
    /// objects or reasons.
    pub record: String,
    /// The Rust name of a decoded object, e.g. `Object`.
    pub object: String,
    /// The Rust name of a decoded reason, e.g. `Reason`.
    pub reason: String,
    /// The title when the vendor text has none (marked for review); `None`
    /// writes `unknown`.
    pub title: Option<String>,
    /// The codes the vendor writes for "not applicable", with our names:
    /// the spec's `[[not_applicable]]` entries.
    pub not_applicable: Vec<NotApplicable>,
}

/// One code the vendor writes for "not applicable", as an import writes
/// it into a new spec's `[[not_applicable]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotApplicable {
    /// The number, e.g. `65535`.
    pub code: i32,
    /// Our Rust variant name, e.g. `UsNoUse`.
    pub name: String,
    /// What the vendor calls it and where.
    pub description: String,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            vendor: "Huawei Cloud".into(),
            product: "Customer Engagement Center (CEC)".into(),
            document: "CDR Interface Reference".into(),
            lang: Lang::En,
            page: None,
            table_name: None,
            record: "Operation".into(),
            object: "Object".into(),
            reason: "Reason".into(),
            title: None,
            not_applicable: vec![
                NotApplicable {
                    code: -1,
                    name: "MinusOne".into(),
                    description: "\"not used\" in the 2023 revision of the table.".into(),
                },
                NotApplicable {
                    code: 65535,
                    name: "UsNoUse".into(),
                    description: "US_NO_USE (0xFFFF) in later revisions.".into(),
                },
            ],
        }
    }
}

/// What a merge takes from outside the vendor text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// The language of the page: which keys it fills, and whether it gives
    /// the table its rows (see the [module documentation](self)).
    pub lang: Lang,
    /// The Rust name of the spec table to merge into, e.g. `OperationType`,
    /// when merging one table; `None` picks it by caption or title.
    pub into: Option<String>,
    /// The vendor page identifier: written where the merge makes the page
    /// in [`lang`](Self::lang) (else `unknown`, marked for review), and
    /// replacing the page's when it differs.
    pub page: Option<String>,
}

/// The result of an import or a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The spec text; [`Spec::from_toml`] accepts it.
    pub toml: String,
    /// What changed, one line each, such as `row 0: description changed`
    /// or `updated: 2023-09-27 GMT+08:00 -> 2025-06-30 GMT+08:00` (prefixed
    /// with `table NAME: ` when a merge touches several tables), and what a
    /// page in the language that does not give the table its rows lacks,
    /// such as `row 58: not on the Chinese page (its Chinese texts are
    /// kept)`; empty when a merge changed nothing and found nothing
    /// lacking. A fresh import has one line counting what it imported.
    pub summary: Vec<String>,
    /// One line per `# review` comment this import or merge wrote into
    /// [`toml`](Self::toml), in document order, such as
    /// ``row 5: proposed name `AgentEntersAfterCall` ``.
    pub review: Vec<String>,
}

/// Why an import or a merge produced no spec.
///
/// Its [`Display`](fmt::Display) is the whole message: every vendor error
/// as `line N: message`, one a line; the spec's diagnostics rendered
/// rustc-style; or the messages about options or the table. So
/// [`source`](std::error::Error::source) is `None`: the inner errors are the
/// variants' fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The vendor table holds what a spec cannot, or (merging in the
    /// language that does not give the table its rows) what the spec's
    /// table does not: every problem, by line.
    Vendor(Vec<DocError>),
    /// The existing spec is invalid (or, for a merge that gives an existing
    /// row its first reasons, the merged spec is: its `{Row}{Reason}` enum
    /// name is taken). The path of the merged text ends with ` (merged)`.
    Spec(SpecError),
    /// Invalid [`ImportOptions`] or [`MergeOptions`], one message each,
    /// such as ``option `record`: name `operation` is not UpperCamelCase``.
    Options(Vec<String>),
    /// No spec table, or one of the wrong kind, for a vendor table: the
    /// spec has several and the vendor table's caption and title do not
    /// pick exactly one, [`MergeOptions::into`] names none, two vendor
    /// tables pick the same, or the codes are numbers on one side and text
    /// on the other.
    Table(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Vendor(errors) => {
                let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
                f.write_str(&lines.join("\n"))
            }
            ImportError::Spec(error) => write!(f, "{error}"),
            ImportError::Options(messages) => f.write_str(&messages.join("\n")),
            ImportError::Table(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for ImportError {}

/// The header of a freshly imported spec.
const HEADER: &str = "\
# Vendor tables imported into a spec: check every line marked `# review`.
#
# Vendor text (descriptions, object kinds, reasons, notes) is copied byte for
# byte. The `name` keys are ours: they become Rust identifiers and public API.
#
# Schema
#   [source]                   who publishes the tables
#   [[not_applicable]]         how the vendor writes \"not applicable\" in a
#                              code column: code, name, description
#   [[table]]                  one vendor table; `name` is its Rust enum;
#                              `key = \"text\"` where the codes are text; the
#                              English page: title, subtitle, caption, page,
#                              updated, columns, notes (on the whole table)
#     [table.zh]               the Chinese page, with the same keys
#     [[table.object_kind]]    the kinds the object column names: name,
#                              text, text_zh
#     [[table.row]]            one vendor row: code, name, constant,
#                              description, description_zh, object (an
#                              object kind's name; absent = \"-1\"), notes and
#                              notes_zh (free sentences of the reason cell, a
#                              note under a cell), page and page_zh (where
#                              its texts come from another page)
#       [[table.row.reason]]   one reason: `code = N`, `range = [A, B]` or
#                              `open = true` (any code, with `default`), then
#                              `name` and the vendor's `description` and
#                              `description_zh` (absent where the vendor
#                              gives a bare code)

";

/// The language of a page's `tables` when none is given: Chinese when a
/// header cell holds a Chinese character or the page declares a Chinese
/// `lang` (`zh-cn`); else English. (A page declared Chinese with English
/// header cells is then refused by the import, at its first header cell.)
///
/// # Examples
///
/// ```
/// use codes_tools::import::{Lang, page_lang};
/// use codes_tools::vendor_doc::parse_tables;
///
/// let chinese = parse_tables("| 编号 | 描述 |\n|---|---|\n| 1 | 文字交谈 |\n").unwrap();
/// assert_eq!(page_lang(&chinese), Lang::Zh);
/// let english = parse_tables("| ID | Description |\n|---|---|\n| 1 | Text chat |\n").unwrap();
/// assert_eq!(page_lang(&english), Lang::En);
/// ```
pub fn page_lang(tables: &[VendorTable]) -> Lang {
    let headers = tables.iter().flat_map(|table| &table.header);
    let declared = tables.iter().find_map(|table| table.lang.as_ref());
    lang_of(headers, declared)
}

/// The language of a page of `list` when none is given, as [`page_lang`].
pub fn values_lang(list: &ValueList) -> Lang {
    lang_of(&list.header, list.lang.as_ref())
}

fn lang_of<'a>(
    header: impl IntoIterator<Item = &'a Located<String>>,
    declared: Option<&Located<String>>,
) -> Lang {
    let chinese_header = header
        .into_iter()
        .any(|cell| vendor::has_chinese(&cell.value));
    let chinese_declared =
        declared.is_some_and(|lang| lang.value.to_ascii_lowercase().starts_with("zh"));
    match chinese_header || chinese_declared {
        true => Lang::Zh,
        false => Lang::En,
    }
}

/// A complete spec for `table`, with proposed names marked for review.
///
/// # Errors
///
/// As [`import_all`].
///
/// # Examples
///
/// ```
/// use codes_tools::import::{ImportOptions, import};
/// use codes_codegen::Spec;
/// use codes_tools::vendor_doc::parse;
///
/// let table = parse("\
/// Updated on 2023-09-27 GMT+08:00
///
/// Table 1 Agent operation type
///
/// Operation Type
///
/// Description
///
/// 2
///
/// Idle.
/// ").unwrap();
/// let options = ImportOptions { page: Some("cec_07_4243".into()), ..ImportOptions::default() };
/// let imported = import(&table, &options).unwrap();
/// assert_eq!(imported.summary, ["imported 1 row, 0 object kinds and 0 reasons"]);
/// assert_eq!(
///     imported.review,
///     [
///         "table 1: proposed name `AgentOperationType`",
///         "title: \"unknown\" is not in the vendor text",
///         "row 2: proposed name `Idle`",
///     ]
/// );
/// let spec = Spec::from_toml("codes.toml", &imported.toml).unwrap();
/// assert_eq!(spec.tables()[0].rows()[0].name(), "Idle");
/// ```
pub fn import(table: &VendorTable, options: &ImportOptions) -> Result<Imported, ImportError> {
    import_all(std::slice::from_ref(table), options)
}

/// A complete spec with a `[[table]]` for each of `tables` (the tables of
/// one page), with proposed names marked for review.
///
/// # Errors
///
/// [`ImportError::Options`] for an empty text, an invalid or clashing name
/// in `options`, or a table name for several tables;
/// [`ImportError::Vendor`] for everything in `tables` a spec cannot hold,
/// each at its line, such as
/// `line 12: duplicate reason code 3 in row 3, already on line 10`, and
/// header cells not in `options.lang`.
pub fn import_all(
    tables: &[VendorTable],
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let naming = options.table_name.as_ref().map(|_| "table_name");
    let vendors = checked_tables(tables, options.lang, naming)?;
    fresh(&vendors, options)
}

/// A complete spec of one text-keyed table, the values of `list`, with
/// proposed names marked for review.
///
/// # Errors
///
/// As [`import_all`].
///
/// # Examples
///
/// ```
/// use codes_tools::import::{ImportOptions, Lang, import_values};
/// use codes_tools::vendor_doc::parse_values;
///
/// let list = parse_values("\
/// | 顺序 | 参数名称 | 数据类型 | 参数说明 |
/// |---|---|---|---|
/// |
/// 18 |
/// callIn_out |
/// String(1-20) |
/// 呼入呼出标志,包括:
/// • 呼入
/// • IVR呼出 |
/// ", "callIn_out").unwrap();
/// let options = ImportOptions {
///     lang: Lang::Zh,
///     table_name: Some("CallDirection".into()),
///     ..ImportOptions::default()
/// };
/// let imported = import_values(&list, &options).unwrap();
/// assert!(imported.toml.contains("key = \"text\"\n"));
/// assert!(imported.toml.contains("caption = \"呼入呼出标志,包括:\"\n"));
/// assert!(imported.toml.contains("code = \"IVR呼出\"\nname = \"Value2\" # review: proposed name\n"));
/// ```
pub fn import_values(list: &ValueList, options: &ImportOptions) -> Result<Imported, ImportError> {
    let vendors = checked([vendor::values(list, options.lang)])?;
    fresh(&vendors, options)
}

/// `spec_text` (the spec at `spec_path`, used in diagnostics) updated to the
/// English vendor `table`, formatting preserved; see the [module
/// documentation](self) for the rules. [`merge_with`] takes options.
///
/// Merging the table a spec was transcribed from gives the spec back byte
/// for byte, with an empty summary.
///
/// # Errors
///
/// As [`merge_with`].
///
/// # Examples
///
/// ```
/// use codes_tools::import::merge;
/// use codes_tools::vendor_doc::parse;
///
/// let spec = r#"[source]
/// vendor = "V"
/// product = "P"
/// document = "D"
///
/// [[table]]
/// name = "OperationType"
/// title = "T"
/// caption = "Table 1"
/// page = "p"
/// updated = "2023-09-27"
/// columns = ["Code", "Description"]
///
/// [[table.row]]
/// code = 2
/// name = "Idle" # ours
/// description = "Idle."
/// "#;
/// let table = parse("Updated on 2025-06-30\n| Code | Description |\n|---|---|\n| 2 | Idle state. |\n| 5 | Rest. |\n").unwrap();
/// let merged = merge("codes.toml", spec, &table).unwrap();
/// assert_eq!(
///     merged.summary,
///     [
///         "updated: 2023-09-27 -> 2025-06-30",
///         "row 2: description changed",
///         "row 5 added as `Rest` (proposed name: review it)",
///     ]
/// );
/// assert!(merged.toml.contains("name = \"Idle\" # ours\ndescription = \"Idle state.\"\n"));
/// ```
pub fn merge(
    spec_path: &str,
    spec_text: &str,
    table: &VendorTable,
) -> Result<Imported, ImportError> {
    merge_with(
        spec_path,
        spec_text,
        std::slice::from_ref(table),
        &MergeOptions::default(),
    )
}

/// `spec_text` (the spec at `spec_path`, used in diagnostics) updated to
/// the vendor `tables` of one page, in `options.lang`, formatting
/// preserved; see the [module documentation](self) for the rules.
///
/// # Errors
///
/// [`ImportError::Spec`] when `spec_text` is not a valid spec (checked
/// first); [`ImportError::Options`] for [`MergeOptions::into`] with several
/// tables; [`ImportError::Vendor`] for everything in `tables` a spec cannot
/// hold or, in the language that does not give the table its rows, the
/// spec's table does not have; [`ImportError::Table`] when no spec table
/// (or one already taken, or one of the other kind of codes) is picked for
/// a vendor table.
pub fn merge_with(
    spec_path: &str,
    spec_text: &str,
    tables: &[VendorTable],
    options: &MergeOptions,
) -> Result<Imported, ImportError> {
    let spec = Spec::from_toml(spec_path, spec_text).map_err(ImportError::Spec)?;
    check_merge_options(options)?;
    let naming = options.into.as_ref().map(|_| "into");
    let vendors = checked_tables(tables, options.lang, naming)?;
    merge_checked(spec_path, spec_text, &spec, &vendors, options)
}

/// `spec_text` (the spec at `spec_path`) updated to the values of `list`,
/// a text-keyed table, in `options.lang`; see the [module
/// documentation](self) for the rules.
///
/// # Errors
///
/// As [`merge_with`].
pub fn merge_values(
    spec_path: &str,
    spec_text: &str,
    list: &ValueList,
    options: &MergeOptions,
) -> Result<Imported, ImportError> {
    let spec = Spec::from_toml(spec_path, spec_text).map_err(ImportError::Spec)?;
    check_merge_options(options)?;
    let vendors = checked([vendor::values(list, options.lang)])?;
    merge_checked(spec_path, spec_text, &spec, &vendors, options)
}

/// `tables`, read from a page in `lang`, checked; `naming` is the option
/// that names one table, if given, which then must be the only one.
fn checked_tables(
    tables: &[VendorTable],
    lang: Lang,
    naming: Option<&str>,
) -> Result<Vec<Vendor>, ImportError> {
    if let (Some(option), true) = (naming, tables.len() > 1) {
        return Err(ImportError::Options(vec![format!(
            "option `{option}` names one table, and there are {} vendor tables",
            tables.len()
        )]));
    }
    checked(tables.iter().map(|table| vendor::check(table, lang)))
}

/// Every checked table, or every error of all of them, by line.
fn checked(
    results: impl IntoIterator<Item = Result<Vendor, Vec<DocError>>>,
) -> Result<Vec<Vendor>, ImportError> {
    let mut vendors = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(vendor) => vendors.push(vendor),
            Err(found) => errors.extend(found),
        }
    }
    if errors.is_empty() {
        return Ok(vendors);
    }
    errors.sort_by_key(|error| error.line);
    Err(ImportError::Vendor(errors))
}

/// A fresh spec of `vendors`.
fn fresh(vendors: &[Vendor], options: &ImportOptions) -> Result<Imported, ImportError> {
    check_options(options)?;
    let mut report = Report::default();
    let mut document = DocumentMut::new();
    let mut source = Table::new();
    source.decor_mut().set_prefix(HEADER);
    for (key, text) in [
        (schema::source::VENDOR.name, &options.vendor),
        (schema::source::PRODUCT.name, &options.product),
        (schema::source::DOCUMENT.name, &options.document),
    ] {
        source.insert(key, Item::Value(edit::string(text)));
    }
    document.insert(schema::spec::SOURCE.name, Item::Table(source));
    let markers: ArrayOfTables = options
        .not_applicable
        .iter()
        .map(|marker| {
            let mut table = Table::new();
            table.insert(
                schema::marker::CODE.name,
                Item::Value(i64::from(marker.code).into()),
            );
            table.insert(
                schema::marker::NAME.name,
                Item::Value(edit::string(&marker.name)),
            );
            table.insert(
                schema::marker::DESCRIPTION.name,
                Item::Value(edit::string(&marker.description)),
            );
            table
        })
        .collect();
    if !markers.is_empty() {
        document.insert(
            schema::spec::NOT_APPLICABLE.name,
            Item::ArrayOfTables(markers),
        );
    }
    let mut types = Namespace::with(SUPPORT_ITEMS);
    let mut tables = ArrayOfTables::new();
    for (number, vendor) in vendors.iter().enumerate() {
        let (name, proposed) = table_name(vendor, number + 1, options, &mut types, &mut report);
        let record = (vendor.needs_record_names()
            && [&options.record, &options.object, &options.reason]
                .into_iter()
                .all(|name| types.is_free(name))
            && types.is_free(&format!("{}Kind", options.object)))
        .then_some([&*options.record, &*options.object, &*options.reason]);
        let old = Base::new_table(&name, vendor.kind, record);
        type_names(&old, &mut types);
        let mut toml = skeleton(&old, proposed);
        let source = page::Source {
            lang: options.lang,
            page: options.page.as_deref(),
            title: options.title.as_deref(),
        };
        merge::table(&mut toml, &old, vendor, source, &mut types, &mut report);
        report.review.extend(vendor.repeated.iter().cloned());
        tables.push(toml);
    }
    document.insert(schema::spec::TABLE.name, Item::ArrayOfTables(tables));
    let (imported, spec) = finish(document, "imported spec", report)?;
    let (rows, kinds, reasons) =
        spec.tables()
            .iter()
            .fold((0, 0, 0), |(rows, kinds, reasons), table| {
                (
                    rows + table.rows().len(),
                    kinds + table.object_kinds().len(),
                    reasons
                        + table
                            .rows()
                            .iter()
                            .map(|row| row.reasons().len())
                            .sum::<usize>(),
                )
            });
    let tables = match spec.tables().len() {
        1 => String::new(),
        count => format!(" in {count} tables"),
    };
    Ok(Imported {
        summary: vec![format!(
            "imported {}, {} and {}{tables}",
            count(rows, "row"),
            count(kinds, "object kind"),
            count(reasons, "reason")
        )],
        ..imported
    })
}

/// The Rust name of the `number`th table of a fresh import, and whether it
/// is proposed: the option's, or proposed from the caption without `Table
/// N` (else the title, else the parameter) and marked for review.
fn table_name(
    vendor: &Vendor,
    number: usize,
    options: &ImportOptions,
    types: &mut Namespace,
    report: &mut Report,
) -> (String, bool) {
    if let Some(name) = &options.table_name {
        types.take(name);
        return (name.clone(), false);
    }
    let caption = vendor.caption.as_deref().map(names::without_table_number);
    let text = match vendor.kind {
        CodeKind::Text => vendor.parameter.as_deref(),
        CodeKind::Integer => caption.or(vendor.title.as_deref()),
    };
    let name = names::propose(text, &format!("Table{number}"), "Table", |name| {
        types.is_free(name)
    });
    types.take(&name);
    report
        .review
        .push(format!("table {number}: proposed name `{name}`"));
    (name, true)
}

/// Merges checked vendor tables into `spec`, validated from `spec_text`.
fn merge_checked(
    spec_path: &str,
    spec_text: &str,
    spec: &Spec,
    vendors: &[Vendor],
    options: &MergeOptions,
) -> Result<Imported, ImportError> {
    let mut picked: Vec<usize> = Vec::with_capacity(vendors.len());
    for vendor in vendors {
        let index = pick_table(spec, vendor, options.into.as_deref())?;
        if picked.contains(&index) {
            return Err(ImportError::Table(format!(
                "two vendor tables pick table {} of the spec: merge them one at a time",
                spec.tables()[index].name()
            )));
        }
        picked.push(index);
    }
    let mut document: DocumentMut = spec_text.parse().map_err(|error: toml_edit::TomlError| {
        let span = error.span().unwrap_or(0..0);
        ImportError::Spec(SpecError::new(
            spec_path,
            spec_text,
            vec![Diagnostic::new(
                Code::Syntax,
                error.message().trim_end(),
                span,
                "here",
            )],
        ))
    })?;
    let mut types = Namespace::with(SUPPORT_ITEMS);
    for table in spec.tables() {
        type_names(&Base::existing(table), &mut types);
    }
    let mut summary = Vec::new();
    let mut review = Vec::new();
    let mut errors = Vec::new();
    let root = document.as_table_mut();
    let mut tables = edit::take_tables(root, schema::spec::TABLE.name);
    let source = page::Source {
        lang: options.lang,
        page: options.page.as_deref(),
        title: None,
    };
    for (vendor, &index) in vendors.iter().zip(&picked) {
        let (Some(toml), Some(old)) = (tables.get_mut(index), spec.tables().get(index)) else {
            continue;
        };
        let mut report = Report {
            review: vendor.repeated.clone(),
            ..Report::default()
        };
        if options.lang == old.primary_lang() {
            merge::table(
                toml,
                &Base::existing(old),
                vendor,
                source,
                &mut types,
                &mut report,
            );
        } else if let Err(found) = overlay::table(toml, old, vendor, source, &mut report) {
            errors.extend(found);
        }
        let prefix = match vendors.len() {
            1 => String::new(),
            _ => format!("table {}: ", old.name()),
        };
        summary.extend(
            report
                .summary
                .into_iter()
                .map(|line| format!("{prefix}{line}")),
        );
        review.extend(report.review);
    }
    if !errors.is_empty() {
        errors.sort_by_key(|error| error.line);
        return Err(ImportError::Vendor(errors));
    }
    let key = codes_codegen::schema::spec::TABLE.name;
    edit::put_tables(root, key, tables, &codes_codegen::schema::SPEC);
    let report = Report { summary, review };
    finish(document, &format!("{spec_path} (merged)"), report).map(|(imported, _)| imported)
}

/// Prints `document` in array order and checks that it validates.
fn finish(
    mut document: DocumentMut,
    path: &str,
    report: Report,
) -> Result<(Imported, Spec), ImportError> {
    edit::renumber(document.as_table_mut(), &mut 0);
    let toml = document.to_string();
    let spec = Spec::from_toml(path, &toml).map_err(ImportError::Spec)?;
    let imported = Imported {
        toml,
        summary: report.summary,
        review: report.review,
    };
    Ok((imported, spec))
}

/// The `[[table]]` of a fresh import, before its page, object kinds and
/// rows: its name (`proposed` or given), the kind of its codes and the
/// record names.
fn skeleton(old: &Base<'_>, proposed: bool) -> Table {
    let mut toml = Table::new();
    let name = edit::string(old.name());
    let name = match proposed {
        true => edit::commented(name, edit::PROPOSED),
        false => name,
    };
    toml.insert(schema::table::NAME.name, Item::Value(name));
    if old.kind() == CodeKind::Text {
        toml.insert(schema::table::KEY.name, Item::Value(edit::string("text")));
    }
    if let Some([record, object, reason]) = old.record() {
        toml.insert(
            schema::table::RECORD.name,
            Item::Value(edit::string(record)),
        );
        toml.insert(
            schema::table::OBJECT.name,
            Item::Value(edit::string(object)),
        );
        toml.insert(
            schema::table::REASON.name,
            Item::Value(edit::string(reason)),
        );
        if let Some(mut key) = toml.key_mut(schema::table::RECORD.name) {
            key.leaf_decor_mut()
                .set_prefix("# Rust names of the items decoding a whole row.\n");
        }
    }
    toml
}

/// Reserves the type names `table` generates (every row counted as having
/// reasons, so a new row's reason enum can never clash).
fn type_names(table: &Base<'_>, types: &mut Namespace) {
    types.take(table.name());
    let reason = match table.record() {
        Some([record, object, reason]) => {
            types.take(record);
            types.take(object);
            types.take(&format!("{object}Kind"));
            types.take(reason);
            reason
        }
        None => "Reason",
    };
    for row in table.rows() {
        types.take(&format!("{}{reason}", row.name()));
    }
}

/// The index of the spec table the vendor table belongs to: the one named
/// `into`, else the only one, else the one whose caption (or title), in
/// either language, is the vendor's; its codes must be of the vendor's
/// kind.
fn pick_table(spec: &Spec, vendor: &Vendor, into: Option<&str>) -> Result<usize, ImportError> {
    let names: Vec<&str> = spec.tables().iter().map(|table| table.name()).collect();
    let index = match into {
        Some(into) => names.iter().position(|name| *name == into).ok_or_else(|| {
            ImportError::Table(format!(
                "the spec has no table {into} (its tables: {})",
                names.join(", ")
            ))
        })?,
        None if spec.tables().len() == 1 => 0,
        None => by_caption_or_title(spec, vendor).ok_or_else(|| {
            ImportError::Table(format!(
                "the spec has {} tables ({}) and the vendor table's caption {} and title {} do not pick exactly one",
                spec.tables().len(),
                names.join(", "),
                quoted(&vendor.caption),
                quoted(&vendor.title)
            ))
        })?,
    };
    let table = &spec.tables()[index];
    if table.kind() != vendor.kind {
        let kind = |kind: CodeKind| match kind {
            CodeKind::Integer => "numbers",
            CodeKind::Text => "texts",
        };
        return Err(ImportError::Table(format!(
            "table {} of the spec has codes that are {}, the vendor's are {}",
            table.name(),
            kind(table.kind()),
            kind(vendor.kind)
        )));
    }
    Ok(index)
}

/// The only spec table whose caption (or, failing that, title) in either
/// language is the vendor's.
fn by_caption_or_title(spec: &Spec, vendor: &Vendor) -> Option<usize> {
    let by = |text: &Option<String>, field: fn(&model::Page) -> Option<&str>| -> Vec<usize> {
        spec.tables()
            .iter()
            .enumerate()
            .filter(|(_, table)| {
                [table.en(), table.zh()]
                    .into_iter()
                    .flatten()
                    .any(|page| text.is_some() && text.as_deref() == field(page))
            })
            .map(|(index, _)| index)
            .collect()
    };
    let by_caption = by(&vendor.caption, |page| page.caption());
    let picked = match by_caption.as_slice() {
        [] => by(&vendor.title, |page| Some(page.title())),
        _ => by_caption,
    };
    match picked.as_slice() {
        [index] => Some(*index),
        _ => None,
    }
}

fn count(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        _ => format!("{n} {what}s"),
    }
}

fn quoted(text: &Option<String>) -> String {
    text.as_ref()
        .map_or_else(|| "(none)".to_string(), |text| format!("{text:?}"))
}

/// A page id to write is not blank.
fn check_merge_options(options: &MergeOptions) -> Result<(), ImportError> {
    match &options.page {
        Some(page) if page.trim().is_empty() => Err(ImportError::Options(vec![
            "option `page` is empty".to_owned(),
        ])),
        _ => Ok(()),
    }
}

/// Every text option present, every name option a valid and distinct type
/// name.
fn check_options(options: &ImportOptions) -> Result<(), ImportError> {
    let mut messages = Vec::new();
    let texts = [
        ("vendor", Some(&options.vendor)),
        ("product", Some(&options.product)),
        ("document", Some(&options.document)),
        ("page", options.page.as_ref()),
        ("title", options.title.as_ref()),
    ];
    for (option, text) in texts {
        if text.is_some_and(|text| text.trim().is_empty()) {
            messages.push(format!("option `{option}` is empty"));
        }
    }
    let object_kind = format!("{}Kind", options.object);
    let mut names = vec![
        ("record", &options.record),
        ("object", &options.object),
        ("object", &object_kind),
        ("reason", &options.reason),
    ];
    if let Some(table_name) = &options.table_name {
        names.insert(0, ("table_name", table_name));
    }
    let mut seen: Vec<(&str, String)> = SUPPORT_ITEMS
        .iter()
        .map(|item| ("", ident::folded(item)))
        .collect();
    for (option, name) in names {
        if let Err(bad) = ident::check(name) {
            if name != &object_kind {
                messages.push(format!("option `{option}`: {}", bad.message));
            }
            continue;
        }
        let folded = ident::folded(name);
        match seen.iter().find(|(_, other)| *other == folded) {
            Some(("", _)) => messages.push(format!(
                "option `{option}`: `{name}` clashes with an item every generated file defines"
            )),
            Some((other, _)) => messages.push(format!(
                "option `{option}`: `{name}` is already the name of option `{other}`"
            )),
            None => seen.push((option, folded)),
        }
    }
    match messages.is_empty() {
        true => Ok(()),
        false => Err(ImportError::Options(messages)),
    }
}
