//! The values of one parameter, listed with bullets in its description
//! cell of a table of parameters: the codes of a text-keyed table.

use std::collections::BTreeMap;

use super::cells::{CodeCell, RawRow, RawTable, SeenCodes};
use super::columns::Shape;
use super::text::{Para, quote};
use super::{DocError, Located, Parameter, ValueList};

/// The tables of parameters among `tables`, each with its columns of
/// names and of descriptions, and its number of columns.
fn parameter_tables<'t, 'a>(
    tables: &'t [RawTable<'a>],
) -> impl Iterator<Item = (&'t RawTable<'a>, [usize; 3])> {
    tables.iter().filter_map(|table| match table.shape {
        Shape::Parameters {
            name,
            description,
            columns,
        } => Some((table, [name, description, columns])),
        Shape::Codes(_) => None,
    })
}

/// The list of `parameter` in the tables of parameters among `tables`.
pub(super) fn list(
    tables: Vec<RawTable<'_>>,
    parameter: &str,
    errors: &mut Vec<DocError>,
) -> Option<ValueList> {
    let mut found: Vec<(&RawTable<'_>, &RawRow<'_>, Para<'_>, usize)> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    let mut first_table_line = None;
    for (table, [name, description, columns]) in parameter_tables(&tables) {
        first_table_line.get_or_insert(table.header.first().map_or(1, |cell| cell.line));
        let mut seen = SeenCodes::default();
        for row in &table.rows {
            if row.cells.len() != columns {
                errors.push(DocError::new(
                    row.line,
                    format!(
                        "expected {columns} cells in the row, found {}",
                        row.cells.len()
                    ),
                ));
                continue;
            }
            if let CodeCell::Code(_) = seen.read(row, errors)
                && let [cell] = row.cells[name].as_slice()
            {
                names.push(cell.text);
                if cell.text == parameter {
                    found.push((table, row, *cell, description));
                }
            }
        }
    }
    let Some(header_line) = first_table_line else {
        let line = tables
            .first()
            .and_then(|table| table.header.first())
            .map_or(1, |cell| cell.line);
        errors.push(DocError::new(
            line,
            format!(
                "expected a table of parameters (a \"Parameter\" or \"参数名称\" column) with a \
                 row of {}, found only tables of codes",
                quote(parameter)
            ),
        ));
        return None;
    };
    let (table, row, parameter_cell, description) = match found.as_slice() {
        [] => {
            errors.push(DocError::new(
                header_line,
                format!(
                    "expected a row of parameter {}, found none (parameters: {})",
                    quote(parameter),
                    match names.is_empty() {
                        true => "none".to_owned(),
                        false => names.join(", "),
                    }
                ),
            ));
            return None;
        }
        [one] => *one,
        [first, again, ..] => {
            errors.push(DocError::new(
                again.1.line,
                format!(
                    "expected one row of parameter {}, found another (the first is on line {})",
                    quote(parameter),
                    first.1.line
                ),
            ));
            return None;
        }
    };
    let Listed { lead, items } = values(&row.cells[description], row.line, parameter, errors)?;
    let preamble = table.preamble.clone();
    Some(ValueList {
        layout: table.layout,
        updated: preamble.updated,
        title: preamble.title,
        subtitle: preamble.subtitle,
        caption: preamble.caption,
        notes: preamble.notes,
        header: table.header.iter().copied().map(Para::located).collect(),
        parameter: parameter_cell.located(),
        lead,
        values: items,
        lang: None,
    })
}

/// Every parameter of the tables of parameters among `tables`, with the
/// paragraph its description cell opens with, when that is no list item:
/// how a text-keyed table is found on its page, by its caption.
pub(super) fn parameters(tables: &[RawTable<'_>]) -> Vec<Parameter> {
    let mut found = Vec::new();
    for (table, [name, description, columns]) in parameter_tables(tables) {
        for row in table.rows.iter().filter(|row| row.cells.len() == columns) {
            if let [cell] = row.cells[name].as_slice() {
                let lead = row.cells[description]
                    .first()
                    .filter(|para| !para.bullet)
                    .copied()
                    .map(Para::located);
                found.push(Parameter {
                    name: cell.located(),
                    lead,
                });
            }
        }
    }
    found
}

/// A description cell read as a list: the paragraph before the list, if
/// any, and the items.
struct Listed {
    lead: Option<Located<String>>,
    items: Vec<Located<String>>,
}

/// The paragraph before the list (if any) and the list's items: the
/// description cell must be at most one paragraph, then bullets to its end.
fn values(
    cell: &[Para<'_>],
    row_line: usize,
    parameter: &str,
    errors: &mut Vec<DocError>,
) -> Option<Listed> {
    let before = errors.len();
    let Some(first_item) = cell.iter().position(|para| para.bullet) else {
        // A cell has a paragraph, if only an empty one.
        let (line, text) = cell
            .first()
            .map_or((row_line, ""), |para| (para.line, para.text));
        errors.push(DocError::new(
            line,
            format!(
                "expected a bulleted list of the values of {} (\"• value\" a line), found {}",
                quote(parameter),
                quote(text)
            ),
        ));
        return None;
    };
    let (lead, items) = cell.split_at(first_item);
    if let [_, extra, ..] = lead {
        errors.push(DocError::new(
            extra.line,
            format!(
                "expected one paragraph before the list of values, found {}",
                quote(extra.text)
            ),
        ));
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut values = Vec::with_capacity(items.len());
    for item in items {
        let problem = if !item.bullet {
            Some(format!(
                "expected a list item (\"• value\") up to the end of the cell, found {}",
                quote(item.text)
            ))
        } else {
            seen.get(item.text).map(|first| {
                format!(
                    "duplicate value {}, already on line {first}",
                    quote(item.text)
                )
            })
        };
        match problem {
            Some(message) => errors.push(DocError::new(item.line, message)),
            None => {
                seen.insert(item.text, item.line);
                values.push(item.located());
            }
        }
    }
    (errors.len() == before).then(|| Listed {
        lead: lead.first().copied().map(Para::located),
        items: values,
    })
}
