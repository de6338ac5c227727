//! Turns the cells of a row, found by either layout, into a [`VendorRow`].

use std::collections::BTreeMap;

use super::text::{Para, integer, is_bare_integer, is_digits, is_not_used, quote};
use super::{DocError, Located, ObjectCell, ReasonParagraph, VendorRow};

/// A row as the layout found it: cells of one or more paragraphs each.
#[derive(Debug, Clone)]
pub(super) struct RawRow<'a> {
    /// The line the row starts on.
    pub line: usize,
    /// The cells, each a list of paragraphs.
    pub cells: Vec<Vec<Para<'a>>>,
}

/// Checks the rows of a table with `columns` columns and converts them,
/// reporting duplicated codes.
pub(super) fn rows(
    raw: Vec<RawRow<'_>>,
    columns: usize,
    errors: &mut Vec<DocError>,
) -> Vec<VendorRow> {
    let mut first_line_of_code: BTreeMap<i64, usize> = BTreeMap::new();
    let mut rows = Vec::with_capacity(raw.len());
    for raw_row in raw {
        let (code, row) = row(&raw_row, columns, errors);
        if let Some(code) = code {
            if let Some(first) = first_line_of_code.get(&code) {
                errors.push(DocError::new(
                    raw_row.line,
                    format!("duplicate operation code {code}, already on line {first}"),
                ));
                continue;
            }
            first_line_of_code.insert(code, raw_row.line);
        }
        rows.extend(row);
    }
    rows
}

/// Converts one row: its code (if readable, for the duplicate check) and the
/// row (if every cell is right).
fn row(
    raw: &RawRow<'_>,
    columns: usize,
    errors: &mut Vec<DocError>,
) -> (Option<i64>, Option<VendorRow>) {
    if raw.cells.len() != columns {
        errors.push(DocError::new(
            raw.line,
            format!(
                "expected {columns} cells in the row, found {}",
                raw.cells.len()
            ),
        ));
        return (None, None);
    }
    let before = errors.len();
    let code = single(raw, 0, "operation code", errors).and_then(|para| code(para, errors));
    let description = single(raw, 1, "description", errors).and_then(|para| {
        if para.text.is_empty() || is_bare_integer(para.text) {
            errors.push(DocError::new(
                para.line,
                format!("expected a description (text), found {}", quote(para.text)),
            ));
            None
        } else {
            Some(para.located())
        }
    });
    let object = if columns == 4 {
        single(raw, 2, "operation object", errors).and_then(|para| object(para, errors))
    } else {
        None
    };
    let mut reasons = Vec::new();
    if columns >= 3 {
        for para in raw.cells.get(columns - 1).into_iter().flatten() {
            match reason(para.text) {
                Ok(value) => reasons.push(Located {
                    line: para.line,
                    value,
                }),
                Err(message) => errors.push(DocError::new(para.line, message)),
            }
        }
    }
    let row = match (code, description) {
        (Some(code), Some(description)) if errors.len() == before => Some(VendorRow {
            line: raw.line,
            code,
            description,
            object,
            reasons,
        }),
        _ => None,
    };
    (code, row)
}

/// The only paragraph of cell `index`, which must have exactly one.
fn single<'a>(
    raw: &RawRow<'a>,
    index: usize,
    what: &str,
    errors: &mut Vec<DocError>,
) -> Option<Para<'a>> {
    let cell = raw.cells.get(index)?;
    match cell.as_slice() {
        [para] => Some(*para),
        _ => {
            let line = cell.first().map_or(raw.line, |para| para.line);
            errors.push(DocError::new(
                line,
                format!(
                    "expected a one-paragraph {what}, found {} paragraphs",
                    cell.len()
                ),
            ));
            None
        }
    }
}

/// The code cell: a bare integer that fits in an `i64`.
fn code(para: Para<'_>, errors: &mut Vec<DocError>) -> Option<i64> {
    let message = if !is_bare_integer(para.text) {
        "expected an operation code (an integer)"
    } else if let Some(code) = integer(para.text) {
        return Some(code);
    } else {
        "expected an operation code that fits in a 64-bit integer"
    };
    errors.push(DocError::new(
        para.line,
        format!("{message}, found {}", quote(para.text)),
    ));
    None
}

/// The object cell: a "not used" marker or text, not another number.
fn object(para: Para<'_>, errors: &mut Vec<DocError>) -> Option<Located<ObjectCell>> {
    let value = if is_not_used(para.text) {
        ObjectCell::NotUsed {
            spelling: para.text.to_owned(),
        }
    } else if para.text.is_empty() || is_bare_integer(para.text) {
        errors.push(DocError::new(
            para.line,
            format!(
                "expected an operation object (text, or -1 for none), found {}",
                quote(para.text)
            ),
        ));
        return None;
    } else {
        ObjectCell::Text(para.text.to_owned())
    };
    Some(Located {
        line: para.line,
        value,
    })
}

/// Classifies one paragraph of a reason cell; the error is the message.
pub(super) fn reason(text: &str) -> Result<ReasonParagraph, String> {
    let too_large = || {
        format!(
            "expected a reason code that fits in a 64-bit integer, found {}",
            quote(text)
        )
    };
    if text.is_empty() {
        return Err(format!(
            "expected an operation reason (text), found {}",
            quote(text)
        ));
    }
    if is_not_used(text) {
        return Ok(ReasonParagraph::NotUsed {
            spelling: text.to_owned(),
        });
    }
    if is_bare_integer(text) {
        return integer(text)
            .map(ReasonParagraph::BareCode)
            .ok_or_else(too_large);
    }
    let Some((label, rest)) = label(text) else {
        return Ok(ReasonParagraph::Note(text.to_owned()));
    };
    if rest.is_empty() {
        return Err(format!(
            "expected a reason text after the colon, found {}",
            quote(text)
        ));
    }
    let rest = rest.to_owned();
    match label {
        Label::Code(code) => {
            let code = integer(code).ok_or_else(too_large)?;
            Ok(ReasonParagraph::Code { code, text: rest })
        }
        Label::Range(start, dash, end) => {
            let (Some(start), Some(end)) = (integer(start), integer(end)) else {
                return Err(too_large());
            };
            if start > end {
                return Err(format!(
                    "expected a range whose start is not greater than its end, found {}",
                    quote(text)
                ));
            }
            Ok(ReasonParagraph::Range {
                start,
                end,
                dash,
                text: rest,
            })
        }
    }
}

/// What stands before the colon of a labelled reason.
enum Label<'a> {
    /// `N`.
    Code(&'a str),
    /// `N-M`: start, dash, end.
    Range(&'a str, char, &'a str),
}

/// Splits `N: text` or `N-M: text` into its label and text (empty for `N:`).
/// `None` for any other paragraph, including `N:text` (no space).
fn label(text: &str) -> Option<(Label<'_>, &str)> {
    let (head, rest) = text.split_once(':')?;
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let head = head.trim_end();
    let rest = rest.trim_start();
    if is_bare_integer(head) {
        return Some((Label::Code(head), rest));
    }
    let dash_at = head.find(['-', '\u{2013}'])?;
    let start = head.get(..dash_at)?.trim_end();
    let dash = head.get(dash_at..)?.chars().next()?;
    let end = head.get(dash_at + dash.len_utf8()..)?.trim_start();
    (is_digits(start) && is_digits(end)).then_some((Label::Range(start, dash, end), rest))
}
