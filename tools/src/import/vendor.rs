//! The vendor table checked against what a spec can hold: codes in `i32`,
//! reason codes unique per cell, ranges that do not overlap. Everything else
//! of the import works on this checked form only.

use std::collections::BTreeMap;

use crate::vendor_doc::{DocError, Located, ObjectCell, ReasonParagraph, VendorRow, VendorTable};
use codes_codegen::model::ReasonCodes;

/// A vendor table every part of which a spec can represent.
#[derive(Debug, Clone)]
pub(super) struct Vendor {
    pub updated: Option<String>,
    pub title: Option<String>,
    pub caption: Option<String>,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

impl Vendor {
    /// Whether a spec of the table names its records: it has an object or
    /// a reason column, or (for a table built by hand) objects or reasons.
    pub fn needs_record_names(&self) -> bool {
        self.columns.len() >= 3
            || self
                .rows
                .iter()
                .any(|row| row.object.is_some() || row.reasons().next().is_some())
    }
}

/// One row, codes converted to `i32`.
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub code: i32,
    pub description: String,
    /// The object text; `None` for a "not used" marker or no object column.
    pub object: Option<String>,
    /// The paragraphs of the reason cell that mean something, in order.
    pub cell: Vec<Paragraph>,
}

impl Row {
    pub fn reasons(&self) -> impl Iterator<Item = &Reason> {
        self.cell.iter().filter_map(|paragraph| match paragraph {
            Paragraph::Reason(reason) => Some(reason),
            Paragraph::Note(_) => None,
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
    pub codes: ReasonCodes,
    /// `None` for a bare code such as `0`.
    pub description: Option<String>,
}

/// Checks `table`, reporting every problem with its line.
pub(super) fn check(table: &VendorTable) -> Result<Vendor, Vec<DocError>> {
    let mut errors = Vec::new();
    let mut text = |located: &Located<String>, what: &str| {
        if located.value.trim().is_empty() {
            errors.push(error(located.line, format!("empty {what}")));
        }
        located.value.clone()
    };
    let updated = table.updated.as_ref().map(|date| text(date, "update date"));
    let title = table.title.as_ref().map(|title| text(title, "title"));
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
    if table.rows.is_empty() {
        errors.push(error(1, "the table has no rows"));
    }
    let mut rows = Vec::with_capacity(table.rows.len());
    let mut row_lines: BTreeMap<i32, usize> = BTreeMap::new();
    for vendor_row in &table.rows {
        let code = match i32::try_from(vendor_row.code) {
            Ok(code) => Some(code),
            Err(_) => {
                errors.push(error(
                    vendor_row.line,
                    format!(
                        "operation code {} does not fit in i32 ({} to {})",
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
                format!("duplicate operation code {code}, already on line {first}"),
            )),
            Some((code, None)) => {
                row_lines.insert(code, vendor_row.line);
            }
            None => {}
        }
        let description = &vendor_row.description;
        if description.value.trim().is_empty() {
            errors.push(error(
                description.line,
                format!("empty description of operation {}", vendor_row.code),
            ));
        }
        let object = match &vendor_row.object {
            None
            | Some(Located {
                value: ObjectCell::NotUsed { .. },
                ..
            }) => None,
            Some(Located {
                line,
                value: ObjectCell::Text(object),
            }) => {
                if object.trim().is_empty() {
                    errors.push(error(
                        *line,
                        format!("empty object of operation {}", vendor_row.code),
                    ));
                }
                Some(object.clone())
            }
        };
        let cell = reason_cell(vendor_row, &mut errors);
        if let Some(code) = code {
            rows.push(Row {
                code,
                description: description.value.clone(),
                object,
                cell,
            });
        }
    }
    if errors.is_empty() {
        Ok(Vendor {
            updated,
            title,
            caption,
            columns,
            rows,
        })
    } else {
        errors.sort_by_key(|error| error.line);
        Err(errors)
    }
}

/// The reason cell of `row`: codes in `i32`, each single code once, no two
/// ranges sharing a code, no "not used" marker beside reasons.
fn reason_cell(row: &VendorRow, errors: &mut Vec<DocError>) -> Vec<Paragraph> {
    let operation = row.code;
    let mut cell = Vec::new();
    let mut singles: BTreeMap<i32, usize> = BTreeMap::new();
    let mut ranges: Vec<(i32, i32, usize)> = Vec::new();
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
                        "reason code {code} of operation {operation} does not fit in i32 ({} to {})",
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
                        format!("empty paragraph in the reasons of operation {operation}"),
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
                            format!(
                                "reason range {start}-{end} of operation {operation} {problem}"
                            ),
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
                format!("empty reason description in operation {operation}"),
            ));
        }
        let Some(codes) = codes else {
            continue;
        };
        match codes {
            ReasonCodes::Single(code) => {
                if let Some(first) = singles.get(&code) {
                    errors.push(error(
                        line,
                        format!(
                            "duplicate reason code {code} in operation {operation}, already on line {first}"
                        ),
                    ));
                    continue;
                }
                singles.insert(code, line);
            }
            ReasonCodes::Range { start, end } => {
                let overlapping = ranges
                    .iter()
                    .find(|(other_start, other_end, _)| start <= *other_end && *other_start <= end);
                if let Some((other_start, other_end, other_line)) = overlapping {
                    errors.push(error(
                        line,
                        format!(
                            "reason range {start}-{end} overlaps range {other_start}-{other_end} (line {other_line}) in operation {operation}"
                        ),
                    ));
                    continue;
                }
                ranges.push((start, end, line));
            }
            // `check` never makes one: a vendor cell has no open reason.
            ReasonCodes::Open { .. } => continue,
        }
        cell.push(Paragraph::Reason(Reason {
            codes,
            description: description.cloned(),
        }));
    }
    if let (Some((line, spelling)), Some(reason_line)) = (marker, first_reason_line) {
        errors.push(error(
            line,
            format!(
                "\"not used\" marker {spelling} among the reasons of operation {operation} (a reason is on line {reason_line})"
            ),
        ));
    }
    cell
}

fn error(line: usize, message: impl Into<String>) -> DocError {
    DocError {
        line,
        message: message.into(),
    }
}
