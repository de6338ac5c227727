//! Turns a table as a layout found it (cells of paragraphs) into a
//! [`VendorTable`] of codes, checking every cell.

use std::collections::BTreeMap;

use super::columns::Shape;
use super::preamble::Preamble;
use super::reasons;
use super::text::{Para, integer, is_bare_integer, is_not_used, note_text, quote};
use super::{Column, DocError, Layout, Located, ObjectCell, RepeatedRow, VendorRow, VendorTable};

/// A table as a layout found it.
#[derive(Debug, Clone)]
pub(super) struct RawTable<'a> {
    pub layout: Layout,
    pub preamble: Preamble,
    /// The header cells, 2 to 4 of them.
    pub header: Vec<Para<'a>>,
    /// What the header says the columns hold.
    pub shape: Shape,
    pub rows: Vec<RawRow<'a>>,
}

/// A row as the layout found it: cells of one or more paragraphs each.
#[derive(Debug, Clone)]
pub(super) struct RawRow<'a> {
    /// The line the row starts on.
    pub line: usize,
    /// The cells, each a list of paragraphs.
    pub cells: Vec<Vec<Para<'a>>>,
}

/// The table of codes `raw` holds; `None` (with errors) when its header
/// is not that of a table of codes or a cell is wrong.
pub(super) fn table(raw: RawTable<'_>, errors: &mut Vec<DocError>) -> Option<VendorTable> {
    let line = raw.header.first().map_or(1, |cell| cell.line);
    let columns = match &raw.shape {
        Shape::Codes(columns) => columns.clone(),
        Shape::Parameters { name, .. } => {
            let name = raw.header.get(*name).map_or("", |cell| cell.text);
            errors.push(DocError::new(
                line,
                format!(
                    "expected the header of a table of codes, found a table of parameters \
                     (column {}): its codes are the values listed for one parameter",
                    quote(name)
                ),
            ));
            return None;
        }
    };
    let before = errors.len();
    let mut repeated = Vec::new();
    let rows = rows(&raw.rows, &columns, &mut repeated, errors);
    let preamble = raw.preamble;
    (errors.len() == before).then(|| VendorTable {
        layout: raw.layout,
        updated: preamble.updated,
        title: preamble.title,
        subtitle: preamble.subtitle,
        caption: preamble.caption,
        notes: preamble.notes,
        header: raw.header.into_iter().map(Para::located).collect(),
        columns,
        rows,
        repeated,
        lang: None,
    })
}

/// What a row's code cell holds.
pub(super) enum CodeCell {
    /// No code can be read (an error says why).
    Unreadable,
    /// The code of an earlier row (an error says which).
    Duplicate,
    /// A code no earlier row has.
    Code(i64),
}

/// The codes seen so far in a table, with the line of their rows.
#[derive(Debug, Default)]
pub(super) struct SeenCodes(BTreeMap<i64, usize>);

impl SeenCodes {
    /// Reads the code cell of `raw`, reporting a code an earlier row has.
    pub fn read(&mut self, raw: &RawRow<'_>, errors: &mut Vec<DocError>) -> CodeCell {
        let Some(code) = single(raw, 0, "code", None, errors).and_then(|para| code(para, errors))
        else {
            return CodeCell::Unreadable;
        };
        if let Some(first) = self.0.get(&code) {
            errors.push(DocError::new(
                raw.line,
                format!("duplicate code {code}, already on line {first}"),
            ));
            return CodeCell::Duplicate;
        }
        self.0.insert(code, raw.line);
        CodeCell::Code(code)
    }
}

/// Checks the rows of a table whose columns hold `columns` and converts
/// them, reporting duplicated codes; a row that repeats an earlier one
/// cell for cell is read once and put in `repeated`.
fn rows(
    raw: &[RawRow<'_>],
    columns: &[Column],
    repeated: &mut Vec<RepeatedRow>,
    errors: &mut Vec<DocError>,
) -> Vec<VendorRow> {
    let mut seen = SeenCodes::default();
    let mut rows = Vec::with_capacity(raw.len());
    // Each row's cells as text, to tell a row the vendor repeats whole.
    let mut earlier: Vec<(Vec<Vec<&str>>, usize)> = Vec::new();
    for raw_row in raw {
        let texts: Vec<Vec<&str>> = raw_row
            .cells
            .iter()
            .map(|cell| cell.iter().map(|para| para.text).collect())
            .collect();
        let repeat = earlier.iter().find(|(cells, _)| *cells == texts);
        if let (Some((_, first)), Some(code)) = (
            repeat,
            raw_row
                .cells
                .first()
                .and_then(|cell| cell.first())
                .and_then(|para| integer(para.text)),
        ) {
            repeated.push(RepeatedRow {
                line: raw_row.line,
                first: *first,
                code,
            });
            continue;
        }
        earlier.push((texts, raw_row.line));
        if raw_row.cells.len() != columns.len() {
            errors.push(DocError::new(
                raw_row.line,
                format!(
                    "expected {} cells in the row, found {}",
                    columns.len(),
                    raw_row.cells.len()
                ),
            ));
            continue;
        }
        let code = match seen.read(raw_row, errors) {
            CodeCell::Duplicate => continue,
            CodeCell::Unreadable => None,
            CodeCell::Code(code) => Some(code),
        };
        rows.extend(row(raw_row, code, columns, errors));
    }
    rows
}

/// Converts one row whose code is `code` (if readable): the row, if every
/// cell is right.
fn row(
    raw: &RawRow<'_>,
    code: Option<i64>,
    columns: &[Column],
    errors: &mut Vec<DocError>,
) -> Option<VendorRow> {
    let before = errors.len();
    let mut description = None;
    let mut constant = None;
    let mut object = None;
    let mut reasons = Vec::new();
    let mut notes = Vec::new();
    for (index, column) in columns.iter().enumerate() {
        let mut single = |what: &str, errors: &mut Vec<DocError>| {
            single(raw, index, what, Some(&mut notes), errors)
        };
        match column {
            Column::Code => {}
            Column::Description => {
                description =
                    single("description", errors).and_then(|para| self::description(para, errors));
            }
            Column::Constant => {
                constant =
                    single("constant name", errors).and_then(|para| self::constant(para, errors));
            }
            Column::Object => {
                object =
                    single("operation object", errors).and_then(|para| self::object(para, errors));
            }
            Column::Reason => {
                let cell = raw.cells.get(index).map_or(&[][..], Vec::as_slice);
                if let Some(last) = cell.last() {
                    bare_title(last, errors);
                }
                for para in reasons::paragraphs(cell) {
                    match reasons::classify(para.text) {
                        Ok(value) => reasons.push(Located {
                            line: para.line,
                            value,
                        }),
                        Err(message) => errors.push(DocError::new(para.line, message)),
                    }
                }
            }
        }
    }
    match (code, description) {
        (Some(code), Some(description)) if errors.len() == before => Some(VendorRow {
            line: raw.line,
            code,
            constant,
            description,
            object,
            reasons,
            notes,
        }),
        _ => None,
    }
}

/// The only paragraph of cell `index`, which must have exactly one; with
/// `notes`, before a note, whose paragraphs (without their titles) go
/// there.
fn single<'a>(
    raw: &RawRow<'a>,
    index: usize,
    what: &str,
    notes: Option<&mut Vec<Located<String>>>,
    errors: &mut Vec<DocError>,
) -> Option<Para<'a>> {
    let mut cell = raw.cells.get(index)?.as_slice();
    if let Some(notes) = notes {
        // A note starts at its title under the cell's text.
        let text_len = cell
            .iter()
            .skip(1)
            .position(|para| note_text(para.text).is_some())
            .map_or(cell.len(), |at| at + 1);
        let (text, note) = cell.split_at(text_len);
        cell_notes(note, notes, errors);
        cell = text;
    }
    match cell {
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

/// The notes of a cell's note paragraphs, `note` (starting with a title):
/// the text after each title (`NOTE: text`), or the paragraphs after a
/// bare title up to the next title. A bare title with nothing after it is
/// an error.
fn cell_notes(note: &[Para<'_>], notes: &mut Vec<Located<String>>, errors: &mut Vec<DocError>) {
    let mut at = 0;
    while let Some(para) = note.get(at) {
        at += 1;
        match note_text(para.text) {
            Some("") => {
                let body = note[at..]
                    .iter()
                    .take_while(|para| note_text(para.text).is_none())
                    .count();
                if body == 0 {
                    bare_title(para, errors);
                }
                notes.extend(note[at..at + body].iter().copied().map(Para::located));
                at += body;
            }
            Some(text) => notes.push(Located {
                line: para.line,
                value: text.to_owned(),
            }),
            None => notes.push(para.located()),
        }
    }
}

/// Reports `para` if it is a note title with nothing after it in its cell.
fn bare_title(para: &Para<'_>, errors: &mut Vec<DocError>) {
    if note_text(para.text) == Some("") {
        errors.push(DocError::new(
            para.line,
            format!(
                "expected a note after the note title {}, found the end of the cell",
                quote(para.text)
            ),
        ));
    }
}

/// The code cell: a bare integer that fits in an `i64`.
fn code(para: Para<'_>, errors: &mut Vec<DocError>) -> Option<i64> {
    let message = if !is_bare_integer(para.text) {
        "expected a code (an integer)"
    } else if let Some(code) = integer(para.text) {
        return Some(code);
    } else {
        "expected a code that fits in a 64-bit integer"
    };
    errors.push(DocError::new(
        para.line,
        format!("{message}, found {}", quote(para.text)),
    ));
    None
}

/// The description cell: any text but a bare integer.
fn description(para: Para<'_>, errors: &mut Vec<DocError>) -> Option<Located<String>> {
    if para.text.is_empty() || is_bare_integer(para.text) {
        errors.push(DocError::new(
            para.line,
            format!("expected a description (text), found {}", quote(para.text)),
        ));
        return None;
    }
    Some(para.located())
}

/// The constant name cell: capital letters, digits and `_`, starting with
/// a letter, as the vendor's C constants are written.
fn constant(para: Para<'_>, errors: &mut Vec<DocError>) -> Option<Located<String>> {
    let text = para.text;
    let is_constant = text.starts_with(|c: char| c.is_ascii_uppercase())
        && text
            .bytes()
            .all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit() || byte == b'_');
    if !is_constant {
        errors.push(DocError::new(
            para.line,
            format!(
                "expected a constant name (capital letters, digits and \"_\", such as \
                 AGENT_TYPE_EXTENSION), found {}",
                quote(text)
            ),
        ));
        return None;
    }
    Some(para.located())
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
