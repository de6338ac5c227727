//! From a vendor table (read by [`vendor_doc::parse`]) to spec text: a fresh
//! `codes.toml`, or an existing one updated in place.
//!
//! - [`import`] writes a complete spec from the vendor table, with a Rust
//!   name proposed for every row, reason and object kind;
//! - [`merge`] updates an existing spec to a new revision of the vendor
//!   table, keeping its names, comments, key order and layout.
//!
//! Both return spec text that [`Spec::from_toml`] accepts, a summary of what
//! changed and the list of what a person has to review; or an
//! [`ImportError`] listing every problem at once.
//!
//! # From vendor text to spec
//!
//! | vendor cell                                  | spec                                  |
//! |----------------------------------------------|---------------------------------------|
//! | `Updated on …`, title, caption, header cells | `updated`, `title`, `caption`, `columns` |
//! | code, description                            | `[[table.row]]` `code`, `description` |
//! | object text                                  | a `[[table.object_kind]]` per distinct text, named by the row's `object` |
//! | object or reason `-1`, `65535`, `0xFFFF`, `US_NO_USE` | no object, no reasons          |
//! | `N: text`, `N-M: text`, bare `N`             | a reason `code = N`, `range = [N, M]`, `code = N` without description |
//! | any other paragraph of the reason cell       | `notes`                               |
//!
//! Text is copied byte for byte. A vendor table a spec cannot hold is an
//! error at its vendor line, never guessed at: a code that does not fit in
//! `i32`, a reason code listed twice in a cell, overlapping ranges, a range
//! of one code, a "not used" marker among reasons.
//!
//! # Proposed names
//!
//! A new name is UpperCamelCase of the first four significant words of the
//! vendor text (`Indicates that an agent indicates busy.` → `AgentBusy`),
//! or made from the code when the text has no usable words (`Code58`,
//! `Codes1To255`); a number is appended until it is unique in every
//! namespace the validator checks, old names included (even those of
//! removed entries, so a dropped name never returns with another meaning).
//! Each is marked `# review: proposed name` and listed in
//! [`Imported::review`].
//!
//! # Merging
//!
//! The spec's table is the only one, or else the one whose caption (or
//! title) equals the vendor's. Rows are matched by code, reasons by code or
//! range bounds, object kinds by text; entries and keys the vendor did not
//! change are left as written, byte for byte. Then:
//!
//! - title, caption, updated and columns follow the vendor (one the vendor
//!   text lacks, such as the caption in the pipe layout, is kept);
//! - changed descriptions, objects, notes and reason texts are replaced in
//!   place, keeping the comments around them;
//! - new rows, reasons and object kinds are inserted where the vendor has
//!   them, with proposed names; dropped ones are removed;
//! - rows and reasons follow the vendor's order;
//! - an open reason (`open = true`) is kept where the reason cell has a free
//!   sentence equal to its description (the vendor's way of writing it);
//! - a reason whose range bounds changed keeps its name when it overlaps
//!   exactly one old range that overlaps no other new range;
//! - a bare code (`0`) is a reason without description, as before.
//!
//! Tables written as inline arrays (`row = [{ … }]`) are rewritten as
//! `[[table.row]]` headers; tables are printed in array order. New strings
//! are written as toml_edit writes them: `"…"` unless the text needs
//! escapes, then a literal string (`'He said "yes".'`).
//!
//! # Example
//!
//! ```
//! use codes_tools::import::{ImportOptions, import, merge};
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
//! ```
//!
//! [`vendor_doc::parse`]: crate::vendor_doc::parse

mod edit;
mod merge;
mod names;
mod vendor;

use std::fmt;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use crate::vendor_doc::{DocError, VendorTable};
use codes_codegen::Diagnostic;
use codes_codegen::SUPPORT_ITEMS;
use codes_codegen::ident;
use codes_codegen::model::{self, RecordNames};
use codes_codegen::{Spec, SpecError};
use merge::Report;
use names::Namespace;

/// What a fresh import takes from outside the vendor text. The defaults are
/// those of the CEC agent operation table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// `[source] vendor`, e.g. `Huawei Cloud`.
    pub vendor: String,
    /// `[source] product`.
    pub product: String,
    /// `[source] document`.
    pub document: String,
    /// The vendor page identifier, e.g. `cec_07_4243`.
    pub page: String,
    /// The Rust name of the table's enum, e.g. `OperationType`.
    pub table_name: String,
    /// The Rust name of a decoded row, e.g. `Operation`.
    pub record: String,
    /// The Rust name of a decoded object, e.g. `Object`.
    pub object: String,
    /// The Rust name of a decoded reason, e.g. `Reason`.
    pub reason: String,
    /// The title when the vendor text has none (marked for review).
    pub title: String,
    /// The caption when the vendor text has none (marked for review), as in
    /// the pipe layout.
    pub caption: String,
    /// The revision date when the vendor text has no `Updated on` line
    /// (marked for review).
    pub updated: String,
    /// The codes the vendor writes for "not applicable", with our names:
    /// the spec's `[[not_applicable]]` entries.
    pub not_applicable: Vec<model::Marker>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            vendor: "Huawei Cloud".into(),
            product: "Customer Engagement Center (CEC)".into(),
            document: "CDR Interface Reference".into(),
            page: "cec_07_4243".into(),
            table_name: "OperationType".into(),
            record: "Operation".into(),
            object: "Object".into(),
            reason: "Reason".into(),
            title: "Agent Operation Type".into(),
            caption: "Table 1 Agent operation type".into(),
            updated: "unknown".into(),
            not_applicable: vec![
                model::Marker {
                    code: -1,
                    name: "MinusOne".into(),
                    description: "\"not used\" in the 2023 revision of the table.".into(),
                },
                model::Marker {
                    code: 65535,
                    name: "UsNoUse".into(),
                    description: "US_NO_USE (0xFFFF) in later revisions.".into(),
                },
            ],
        }
    }
}

/// The result of an import or a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The spec text; [`Spec::from_toml`] accepts it.
    pub toml: String,
    /// What changed, one line each, such as `row 0: description changed`
    /// or `updated: 2023-09-27 GMT+08:00 -> 2025-06-30 GMT+08:00`; empty
    /// when a merge changed nothing. A fresh import has one line counting
    /// what it imported.
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
    /// The vendor table holds what a spec cannot: every problem, by line.
    Vendor(Vec<DocError>),
    /// The existing spec is invalid (or, for a merge that gives an existing
    /// row its first reasons, the merged spec is: its `{Row}{Reason}` enum
    /// name is taken). The path of the merged text ends with ` (merged)`.
    Spec(SpecError),
    /// Invalid [`ImportOptions`], one message each, such as
    /// ``option `record`: name `operation` is not UpperCamelCase``.
    Options(Vec<String>),
    /// The spec has several tables and the vendor table's caption and
    /// title do not pick exactly one of them.
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
# A vendor table imported into a spec: check every line marked `# review`.
#
# Vendor text (descriptions, object kinds, reasons, notes) is copied byte for
# byte. The `name` keys are ours: they become Rust identifiers and public API.
#
# Schema
#   [source]                   who publishes the tables
#   [[not_applicable]]         how the vendor writes \"not applicable\" in a
#                              code column: code, name, description
#   [[table]]                  one vendor table; `name` is its Rust enum
#     [[table.object_kind]]    the kinds the object column names
#     [[table.row]]            one vendor row: code, name, description,
#                              object (an object kind's name; absent = \"-1\"),
#                              notes (free sentences of the reason cell)
#       [[table.row.reason]]   one reason: `code = N`, `range = [A, B]` or
#                              `open = true` (any code, with `default`), then
#                              `name` and the vendor's `description` (absent
#                              where the vendor gives a bare code)

";

/// A complete spec for `table`, with proposed names marked for review.
///
/// # Errors
///
/// [`ImportError::Options`] for an empty text or an invalid or clashing name
/// in `options`; [`ImportError::Vendor`] for everything in `table` a spec
/// cannot hold, each at its line, such as
/// `line 12: duplicate reason code 3 in operation 3, already on line 10`.
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
/// let imported = import(&table, &ImportOptions::default()).unwrap();
/// assert_eq!(imported.summary, ["imported 1 row, 0 object kinds and 0 reasons"]);
/// assert_eq!(
///     imported.review,
///     [
///         "title: \"Agent Operation Type\" is not in the vendor text",
///         "row 2: proposed name `Idle`",
///     ]
/// );
/// let spec = Spec::from_toml("codes.toml", &imported.toml).unwrap();
/// assert_eq!(spec.tables[0].rows[0].name, "Idle");
/// ```
pub fn import(table: &VendorTable, options: &ImportOptions) -> Result<Imported, ImportError> {
    check_options(options)?;
    let vendor = vendor::check(table).map_err(ImportError::Vendor)?;
    let mut report = Report::default();
    let record = vendor.needs_record_names().then(|| RecordNames {
        record: options.record.clone(),
        object: options.object.clone(),
        reason: options.reason.clone(),
    });
    let page = model::Page {
        title: vendor
            .title
            .clone()
            .unwrap_or_else(|| options.title.clone()),
        subtitle: None,
        caption: Some(
            vendor
                .caption
                .clone()
                .unwrap_or_else(|| options.caption.clone()),
        ),
        page: options.page.clone(),
        updated: Some(
            vendor
                .updated
                .clone()
                .unwrap_or_else(|| options.updated.clone()),
        ),
        columns: vendor.columns.clone(),
    };
    let old = model::Table {
        name: options.table_name.clone(),
        kind: model::CodeKind::Integer,
        en: Some(page),
        zh: None,
        record,
        object_kinds: Vec::new(),
        rows: Vec::new(),
        reserved: Vec::new(),
    };
    let mut document = DocumentMut::new();
    let mut source = Table::new();
    source.decor_mut().set_prefix(HEADER);
    for (key, text) in [
        ("vendor", &options.vendor),
        ("product", &options.product),
        ("document", &options.document),
    ] {
        source.insert(key, Item::Value(edit::string(text)));
    }
    document.insert("source", Item::Table(source));
    let markers: ArrayOfTables = options
        .not_applicable
        .iter()
        .map(|marker| {
            let mut table = Table::new();
            table.insert("code", Item::Value(i64::from(marker.code).into()));
            table.insert("name", Item::Value(edit::string(&marker.name)));
            table.insert(
                "description",
                Item::Value(edit::string(&marker.description)),
            );
            table
        })
        .collect();
    if !markers.is_empty() {
        document.insert("not_applicable", Item::ArrayOfTables(markers));
    }
    let mut toml = skeleton(&old, &vendor, &mut report);
    let mut types = Namespace::with(SUPPORT_ITEMS);
    type_names(&old, &mut types);
    merge::table(&mut toml, &old, &vendor, &mut types, &mut report);
    document.insert("table", Item::ArrayOfTables([toml].into_iter().collect()));
    let (imported, spec) = finish(document, "imported spec", report)?;
    let (rows, kinds, reasons) =
        spec.tables
            .iter()
            .fold((0, 0, 0), |(rows, kinds, reasons), table| {
                (
                    rows + table.rows.len(),
                    kinds + table.object_kinds.len(),
                    reasons
                        + table
                            .rows
                            .iter()
                            .map(|row| row.reasons.len())
                            .sum::<usize>(),
                )
            });
    Ok(Imported {
        summary: vec![format!(
            "imported {}, {} and {}",
            count(rows, "row"),
            count(kinds, "object kind"),
            count(reasons, "reason")
        )],
        ..imported
    })
}

/// `spec_text` (the spec at `spec_path`, used in diagnostics) updated to the
/// vendor `table`, formatting preserved; see the [module
/// documentation](self) for the rules.
///
/// Merging the table a spec was transcribed from gives the spec back byte
/// for byte, with an empty summary.
///
/// # Errors
///
/// [`ImportError::Spec`] when `spec_text` is not a valid spec (checked
/// first); [`ImportError::Vendor`] for everything in `table` a spec cannot
/// hold; [`ImportError::Table`] when the spec has several tables and none
/// or more than one has the vendor's caption (or title).
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
    let spec = Spec::from_toml(spec_path, spec_text).map_err(ImportError::Spec)?;
    let vendor = vendor::check(table).map_err(ImportError::Vendor)?;
    let index = pick_table(&spec, &vendor)?;
    let mut document: DocumentMut = spec_text.parse().map_err(|error: toml_edit::TomlError| {
        let span = error.span().unwrap_or(0..0);
        ImportError::Spec(SpecError::new(
            spec_path,
            spec_text,
            vec![Diagnostic::new(error.message().trim_end(), span, "here")],
        ))
    })?;
    let mut types = Namespace::with(SUPPORT_ITEMS);
    for table in &spec.tables {
        type_names(table, &mut types);
    }
    let mut report = Report::default();
    let root = document.as_table_mut();
    let mut tables = edit::take_tables(root, "table");
    if let (Some(toml), Some(old)) = (tables.get_mut(index), spec.tables.get(index)) {
        merge::table(toml, old, &vendor, &mut types, &mut report);
    }
    edit::put_tables(
        root,
        "table",
        tables,
        &["source", "not_applicable", "table"],
    );
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

/// The `[[table]]` of a fresh import, without object kinds and rows.
fn skeleton(old: &model::Table, vendor: &vendor::Vendor, report: &mut Report) -> Table {
    let mut toml = Table::new();
    toml.insert("name", Item::Value(edit::string(&old.name)));
    let page = old.page();
    let texts = [
        ("title", page.title.as_str(), vendor.title.is_some()),
        (
            "caption",
            page.caption.as_deref().unwrap_or_default(),
            vendor.caption.is_some(),
        ),
    ];
    let mut put_text = |toml: &mut Table, key: &str, text: &str, from_vendor: bool| {
        let value = edit::string(text);
        let value = match from_vendor {
            true => value,
            false => {
                report
                    .review
                    .push(format!("{key}: {text:?} is not in the vendor text"));
                edit::commented(value, edit::NOT_IN_TEXT)
            }
        };
        toml.insert(key, Item::Value(value));
    };
    for (key, text, from_vendor) in texts {
        put_text(&mut toml, key, text, from_vendor);
    }
    toml.insert("page", Item::Value(edit::string(&page.page)));
    put_text(
        &mut toml,
        "updated",
        page.updated.as_deref().unwrap_or_default(),
        vendor.updated.is_some(),
    );
    toml.insert("columns", Item::Value(edit::strings(&page.columns)));
    if let Some(record) = &old.record {
        toml.insert("record", Item::Value(edit::string(&record.record)));
        toml.insert("object", Item::Value(edit::string(&record.object)));
        toml.insert("reason", Item::Value(edit::string(&record.reason)));
        if let Some(mut key) = toml.key_mut("record") {
            key.leaf_decor_mut()
                .set_prefix("# Rust names of the items decoding a whole row.\n");
        }
    }
    toml
}

/// Reserves the type names `table` generates (every row counted as having
/// reasons, so a new row's reason enum can never clash).
fn type_names(table: &model::Table, types: &mut Namespace) {
    types.take(&table.name);
    let reason = match &table.record {
        Some(record) => {
            types.take(&record.record);
            types.take(&record.object);
            types.take(&record.object_kind());
            types.take(&record.reason);
            record.reason.as_str()
        }
        None => "Reason",
    };
    for row in &table.rows {
        types.take(&format!("{}{reason}", row.name));
    }
}

/// The index of the spec table the vendor table belongs to.
fn pick_table(spec: &Spec, vendor: &vendor::Vendor) -> Result<usize, ImportError> {
    if spec.tables.len() == 1 {
        return Ok(0);
    }
    let by = |text: &Option<String>, field: fn(&model::Page) -> Option<&String>| -> Vec<usize> {
        spec.tables
            .iter()
            .enumerate()
            .filter(|(_, table)| {
                [&table.en, &table.zh]
                    .into_iter()
                    .flatten()
                    .any(|page| text.is_some() && text.as_ref() == field(page))
            })
            .map(|(index, _)| index)
            .collect()
    };
    let by_caption = by(&vendor.caption, |page| page.caption.as_ref());
    let picked = match by_caption.as_slice() {
        [] => by(&vendor.title, |page| Some(&page.title)),
        _ => by_caption,
    };
    match picked.as_slice() {
        [index] => Ok(*index),
        _ => {
            let names: Vec<&str> = spec
                .tables
                .iter()
                .map(|table| table.name.as_str())
                .collect();
            Err(ImportError::Table(format!(
                "the spec has {} tables ({}) and the vendor table's caption {} and title {} do not pick exactly one",
                spec.tables.len(),
                names.join(", "),
                quoted(&vendor.caption),
                quoted(&vendor.title)
            )))
        }
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

/// Every text option present, every name option a valid and distinct type
/// name.
fn check_options(options: &ImportOptions) -> Result<(), ImportError> {
    let mut messages = Vec::new();
    let texts = [
        ("vendor", &options.vendor),
        ("product", &options.product),
        ("document", &options.document),
        ("page", &options.page),
        ("title", &options.title),
        ("caption", &options.caption),
        ("updated", &options.updated),
    ];
    for (option, text) in texts {
        if text.trim().is_empty() {
            messages.push(format!("option `{option}` is empty"));
        }
    }
    let object_kind = format!("{}Kind", options.object);
    let names = [
        ("table_name", &options.table_name),
        ("record", &options.record),
        ("object", &options.object),
        ("object", &object_kind),
        ("reason", &options.reason),
    ];
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
