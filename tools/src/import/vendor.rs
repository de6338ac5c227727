//! The vendor table checked against what a spec can hold: codes in `i32`,
//! reason codes unique per cell, ranges that do not overlap, header cells
//! in the language of the import. Everything else of the import works on
//! this checked form only.

use std::collections::BTreeMap;

use super::Lang;
use crate::vendor_doc::{
    self, Column, DocError, Located, ObjectCell, ReasonParagraph, ValueList, VendorRow, VendorTable,
};
use codes_codegen::decoding::{self, Conflict};
use codes_codegen::model::{CodeKind, ReasonCodes, RowCode};

/// A vendor table every part of which a spec can represent.
#[derive(Debug, Clone)]
pub(super) struct Vendor {
    /// Integer codes, or the text values of a parameter.
    pub kind: CodeKind,
    pub updated: Option<String>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub caption: Option<String>,
    /// The notes of the whole table (NOTE cells before the header or
    /// between the header and the rows), titles left out.
    pub notes: Vec<String>,
    pub columns: Vec<String>,
    /// Whether the table has an object or a reason column.
    pub has_objects_or_reasons: bool,
    /// For a list of a parameter's values, the parameter's name.
    pub parameter: Option<String>,
    pub rows: Vec<Row>,
    /// The rows the page lists twice, cell for cell the same, each a line
    /// for review: read once.
    pub repeated: Vec<String>,
}

impl Vendor {
    /// Whether a spec of the table names its records: it has an object or
    /// a reason column, or (for a table built by hand) objects or reasons.
    pub fn needs_record_names(&self) -> bool {
        self.has_objects_or_reasons
            || self
                .rows
                .iter()
                .any(|row| row.object.is_some() || row.reasons().next().is_some())
    }
}

/// One row, codes converted to what a spec holds.
#[derive(Debug, Clone)]
pub(super) struct Row {
    /// The line of the row's code cell.
    pub line: usize,
    pub code: RowCode,
    pub constant: Option<String>,
    /// `None` for a value of a parameter, which is its own text.
    pub description: Option<String>,
    /// The object text; `None` for a "not used" marker or no object column.
    pub object: Option<String>,
    /// The line of the object cell (the row's line without one).
    pub object_line: usize,
    /// The notes under the row's other cells, then the paragraphs of the
    /// reason cell that mean something, in order.
    pub cell: Vec<Paragraph>,
}

impl Row {
    pub fn reasons(&self) -> impl Iterator<Item = &Reason> {
        self.cell.iter().filter_map(|paragraph| match paragraph {
            Paragraph::Reason(reason) => Some(reason),
            Paragraph::Note(_) => None,
        })
    }

    /// The free sentences of the reason cell.
    pub fn notes(&self) -> impl Iterator<Item = &String> {
        self.cell.iter().filter_map(|paragraph| match paragraph {
            Paragraph::Note(note) => Some(note),
            Paragraph::Reason(_) => None,
        })
    }
}

/// A paragraph of a reason cell: a reason or a free sentence.
#[derive(Debug, Clone)]
pub(super) enum Paragraph {
    Reason(Reason),
    Note(String),
}

/// A reason: a single code or a range (a vendor cell never holds an open
/// reason; see the merge for how one is recognised).
#[derive(Debug, Clone)]
pub(super) struct Reason {
    /// The line of its paragraph.
    pub line: usize,
    pub codes: ReasonCodes,
    /// `None` for a bare code such as `0`.
    pub description: Option<String>,
}

/// Checks `table`, read from a page in `lang`, reporting every problem with
/// its line.
pub(super) fn check(table: &VendorTable, lang: Lang) -> Result<Vendor, Vec<DocError>> {
    let mut errors = Vec::new();
    let mut text = |located: &Located<String>, what: &str| {
        if located.value.trim().is_empty() {
            errors.push(error(located.line, format!("empty {what}")));
        }
        located.value.clone()
    };
    let updated = table.updated.as_ref().map(|date| text(date, "update date"));
    let title = table.title.as_ref().map(|title| text(title, "title"));
    let subtitle = table
        .subtitle
        .as_ref()
        .map(|subtitle| text(subtitle, "subtitle"));
    let caption = table
        .caption
        .as_ref()
        .map(|caption| text(caption, "caption"));
    let columns: Vec<String> = table
        .header
        .iter()
        .map(|cell| text(cell, "column header"))
        .collect();
    if columns.len() < 2 {
        let line = table.header.first().map_or(1, |cell| cell.line);
        errors.push(error(
            line,
            format!(
                "expected at least 2 column headers (code and description), found {}",
                columns.len()
            ),
        ));
    }
    check_language(&table.header, lang, &mut errors);
    if table.rows.is_empty() {
        errors.push(error(1, "the table has no rows"));
    }
    let mut rows = Vec::with_capacity(table.rows.len());
    let mut row_lines: BTreeMap<i32, usize> = BTreeMap::new();
    let mut constant_lines: BTreeMap<&str, usize> = BTreeMap::new();
    for vendor_row in &table.rows {
        let code = match i32::try_from(vendor_row.code) {
            Ok(code) => Some(code),
            Err(_) => {
                errors.push(error(
                    vendor_row.line,
                    format!(
                        "code {} does not fit in i32 ({} to {})",
                        vendor_row.code,
                        i32::MIN,
                        i32::MAX
                    ),
                ));
                None
            }
        };
        match code.map(|code| (code, row_lines.get(&code).copied())) {
            Some((code, Some(first))) => errors.push(error(
                vendor_row.line,
                format!("duplicate code {code}, already on line {first}"),
            )),
            Some((code, None)) => {
                row_lines.insert(code, vendor_row.line);
            }
            None => {}
        }
        if let Some(constant) = &vendor_row.constant {
            match constant_lines.get(constant.value.as_str()) {
                Some(first) => errors.push(error(
                    constant.line,
                    format!(
                        "duplicate constant {}, already on line {first}",
                        constant.value
                    ),
                )),
                None => {
                    constant_lines.insert(&constant.value, constant.line);
                }
            }
        }
        let description = &vendor_row.description;
        if description.value.trim().is_empty() {
            errors.push(error(
                description.line,
                format!("empty description of row {}", vendor_row.code),
            ));
        }
        let (object, object_line) = match &vendor_row.object {
            None => (None, vendor_row.line),
            Some(Located {
                line,
                value: ObjectCell::NotUsed { .. },
            }) => (None, *line),
            Some(Located {
                line,
                value: ObjectCell::Text(object),
            }) => {
                if object.trim().is_empty() {
                    errors.push(error(
                        *line,
                        format!("empty object of row {}", vendor_row.code),
                    ));
                }
                (Some(object.clone()), *line)
            }
        };
        // A note under a cell's text is a note of the row, as a free
        // sentence of the reason cell is.
        let mut cell: Vec<Paragraph> = vendor_row
            .notes
            .iter()
            .map(|note| Paragraph::Note(note.value.clone()))
            .collect();
        cell.extend(reason_cell(vendor_row, &mut errors));
        if let Some(code) = code {
            rows.push(Row {
                line: vendor_row.line,
                code: RowCode::Integer(code),
                constant: vendor_row
                    .constant
                    .as_ref()
                    .map(|constant| constant.value.clone()),
                description: Some(description.value.clone()),
                object,
                object_line,
                cell,
            });
        }
    }
    let vendor = Vendor {
        kind: CodeKind::Integer,
        updated,
        title,
        subtitle,
        caption,
        notes: note_texts(&table.notes),
        has_objects_or_reasons: table
            .columns
            .iter()
            .any(|column| matches!(column, Column::Object | Column::Reason)),
        columns,
        parameter: None,
        rows,
        repeated: table
            .repeated
            .iter()
            .map(|row| {
                format!(
                    "row {}: the page lists it twice (lines {} and {}), cell for cell the same: read once",
                    row.code, row.first, row.line
                )
            })
            .collect(),
    };
    finish(vendor, errors)
}

/// The values of `list`, read from a page in `lang`: a text-keyed table
/// whose page is the parameter's cell (the page's title, the paragraph
/// before the list as its caption, the header of the table of
/// parameters). The page's subtitle and caption introduce the table of
/// parameters, not the list, and are not carried.
pub(super) fn values(list: &ValueList, lang: Lang) -> Result<Vendor, Vec<DocError>> {
    let mut errors = Vec::new();
    check_language(&list.header, lang, &mut errors);
    let rows = list
        .values
        .iter()
        .map(|value| Row {
            line: value.line,
            code: RowCode::Text(value.value.clone()),
            constant: None,
            description: None,
            object: None,
            object_line: value.line,
            cell: Vec::new(),
        })
        .collect();
    let vendor = Vendor {
        kind: CodeKind::Text,
        updated: list.updated.as_ref().map(|updated| updated.value.clone()),
        title: list.title.as_ref().map(|title| title.value.clone()),
        subtitle: None,
        caption: list.lead.as_ref().map(|lead| lead.value.clone()),
        notes: note_texts(&list.notes),
        columns: list.header.iter().map(|cell| cell.value.clone()).collect(),
        has_objects_or_reasons: false,
        parameter: Some(list.parameter.value.clone()),
        rows,
        repeated: Vec::new(),
    };
    finish(vendor, errors)
}

/// The notes of the whole table, as the page's `notes` key holds them: each
/// paragraph without its title (`NOTE: text` is `text`; a bare `NOTE:` is
/// left out, the paragraphs after it are the note).
fn note_texts(notes: &[Located<String>]) -> Vec<String> {
    notes
        .iter()
        .map(|note| vendor_doc::note_body(&note.value).unwrap_or(&note.value))
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `vendor`, or the errors sorted by line.
fn finish(vendor: Vendor, mut errors: Vec<DocError>) -> Result<Vendor, Vec<DocError>> {
    if errors.is_empty() {
        return Ok(vendor);
    }
    errors.sort_by_key(|error| error.line);
    Err(errors)
}

/// The header cells are in the import's language: a Chinese page read as
/// English (or the other way round) would put its texts under the other
/// language's keys.
fn check_language(header: &[Located<String>], lang: Lang, errors: &mut Vec<DocError>) {
    let chinese = header.iter().find(|cell| has_chinese(&cell.value));
    let (wrong, expected, page) = match (lang, chinese) {
        (Lang::En, Some(cell)) => (cell, "English", "a Chinese page"),
        (Lang::Zh, None) => match header.first() {
            Some(cell) => (cell, "Chinese", "an English page"),
            None => return,
        },
        _ => return,
    };
    errors.push(error(
        wrong.line,
        format!(
            "expected {expected} header cells for an import in {lang}, found {:?} ({page})",
            wrong.value,
            lang = lang.name()
        ),
    ));
}

/// Whether `text` has a Chinese character (CJK unified ideographs).
pub(super) fn has_chinese(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c))
}

/// The reason cell of `row`: codes in `i32`, each single code once, no two
/// ranges sharing a code, no "not used" marker beside reasons.
fn reason_cell(row: &VendorRow, errors: &mut Vec<DocError>) -> Vec<Paragraph> {
    let operation = row.code;
    let mut cell = Vec::new();
    // The reasons kept so far, with their lines.
    let mut listed: Vec<(ReasonCodes, usize)> = Vec::new();
    let mut marker: Option<(usize, &str)> = None;
    let mut first_reason_line: Option<usize> = None;
    for paragraph in &row.reasons {
        let line = paragraph.line;
        let fits = |code: i64, errors: &mut Vec<DocError>| match i32::try_from(code) {
            Ok(code) => Some(code),
            Err(_) => {
                errors.push(error(
                    line,
                    format!(
                        "reason code {code} of row {operation} does not fit in i32 ({} to {})",
                        i32::MIN,
                        i32::MAX
                    ),
                ));
                None
            }
        };
        let (codes, description) = match &paragraph.value {
            ReasonParagraph::NotUsed { spelling } => {
                marker.get_or_insert((line, spelling));
                continue;
            }
            ReasonParagraph::Note(text) => {
                if text.trim().is_empty() {
                    errors.push(error(
                        line,
                        format!("empty paragraph in the reasons of row {operation}"),
                    ));
                }
                cell.push(Paragraph::Note(text.clone()));
                continue;
            }
            ReasonParagraph::BareCode(code) => (fits(*code, errors).map(ReasonCodes::Single), None),
            ReasonParagraph::Code { code, text } => {
                (fits(*code, errors).map(ReasonCodes::Single), Some(text))
            }
            ReasonParagraph::Range {
                start, end, text, ..
            } => {
                let codes = match (fits(*start, errors), fits(*end, errors)) {
                    (Some(start), Some(end)) if start < end => {
                        Some(ReasonCodes::Range { start, end })
                    }
                    (Some(start), Some(end)) => {
                        let problem = match start == end {
                            true => "holds a single code",
                            false => "is reversed",
                        };
                        errors.push(error(
                            line,
                            format!("reason range {start}-{end} of row {operation} {problem}"),
                        ));
                        None
                    }
                    _ => None,
                };
                (codes, Some(text))
            }
        };
        first_reason_line.get_or_insert(line);
        if description.is_some_and(|text| text.trim().is_empty()) {
            errors.push(error(
                line,
                format!("empty reason description in row {operation}"),
            ));
        }
        let Some(codes) = codes else {
            continue;
        };
        let candidate = listed.iter().map(|(codes, _)| *codes).chain([codes]);
        let conflict = decoding::conflicts(candidate)
            .into_iter()
            .find(|conflict| conflict.later() == listed.len());
        if let Some(conflict) = conflict {
            let line_of = |index: usize| listed[index].1;
            let message = match conflict {
                Conflict::DuplicateCode { first, code, .. } => format!(
                    "duplicate reason code {code} in row {operation}, already on line {}",
                    line_of(first)
                ),
                Conflict::OverlappingRanges { first, .. } => format!(
                    "reason range {codes} overlaps range {} (line {}) in row {operation}",
                    listed[first].0,
                    line_of(first)
                ),
                // `check` never makes one: a vendor cell has no open reason.
                Conflict::SecondOpen { .. } => continue,
            };
            errors.push(error(line, message));
            continue;
        }
        listed.push((codes, line));
        cell.push(Paragraph::Reason(Reason {
            line,
            codes,
            description: description.cloned(),
        }));
    }
    if let (Some((line, spelling)), Some(reason_line)) = (marker, first_reason_line) {
        errors.push(error(
            line,
            format!(
                "\"not used\" marker {spelling} among the reasons of row {operation} (a reason is on line {reason_line})"
            ),
        ));
    }
    cell
}

pub(super) fn error(line: usize, message: impl Into<String>) -> DocError {
    DocError {
        line,
        message: message.into(),
    }
}
