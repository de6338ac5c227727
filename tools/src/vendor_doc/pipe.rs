//! The pipe layout: one cell per line (or group of lines) ending with ` |`.

use super::cells::{RawRow, RawTable};
use super::columns;
use super::preamble;
use super::text::{Line, Para, check_header_count, end_line, note_text, quote};
use super::{DocError, Layout, Located};

/// Whether the text is in the pipe layout: a line ends with `|` or is a
/// separator row.
pub(super) fn detect(lines: &[Line<'_>]) -> bool {
    lines
        .iter()
        .any(|line| line.text.ends_with('|') || separator_columns(line.text).is_some())
}

/// What one non-blank line is.
enum Kind<'a> {
    /// `|---|---|`, with its number of columns.
    Separator(usize),
    /// `|` alone: a row starts.
    RowStart,
    /// `| a | b |`: a whole row.
    Row(Vec<&'a str>),
    /// `text |`: the last line of a cell, without the `|`.
    CellEnd(&'a str),
    /// A line without `|` at its end: a paragraph of a cell continued below,
    /// or text before a table.
    Text,
}

fn kind(text: &str) -> Kind<'_> {
    if let Some(columns) = separator_columns(text) {
        Kind::Separator(columns)
    } else if text == "|" {
        Kind::RowStart
    } else if let Some(inner) = text.strip_prefix('|').and_then(|t| t.strip_suffix('|')) {
        Kind::Row(inner.split('|').map(str::trim).collect())
    } else if let Some(cell) = text.strip_suffix('|') {
        Kind::CellEnd(cell.trim_end())
    } else {
        Kind::Text
    }
}

/// The number of columns of a separator row such as `|---|:---:|` or
/// `---|---|`: three or more dashes per column, optional colons around them.
fn separator_columns(text: &str) -> Option<usize> {
    if !text.contains('|') {
        return None;
    }
    let inner = text.strip_prefix('|').unwrap_or(text);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut columns = 0;
    for segment in inner.split('|') {
        let segment = segment.trim();
        let segment = segment.strip_prefix(':').unwrap_or(segment);
        let segment = segment.strip_suffix(':').unwrap_or(segment);
        if segment.len() < 3 || !segment.bytes().all(|byte| byte == b'-') {
            return None;
        }
        columns += 1;
    }
    Some(columns)
}

/// A line of the table, after the lines of a cell are put together.
#[derive(Debug, Clone)]
enum Token<'a> {
    Separator {
        line: Line<'a>,
        columns: usize,
    },
    RowStart {
        line: Line<'a>,
    },
    Row {
        line: Line<'a>,
        cells: Vec<Vec<Para<'a>>>,
    },
    Cell(Vec<Para<'a>>),
    /// Lines without `|` that no cell end followed: text between tables,
    /// or a mistake.
    Text(Vec<Para<'a>>),
}

impl Token<'_> {
    /// The line the token starts on.
    fn line(&self) -> usize {
        match self {
            Token::Separator { line, .. } | Token::RowStart { line } | Token::Row { line, .. } => {
                line.number
            }
            Token::Cell(paras) | Token::Text(paras) => paras.first().map_or(0, |para| para.line),
        }
    }

    /// The token quoted for a message.
    fn quoted(&self) -> String {
        match self {
            Token::Separator { line, .. } | Token::RowStart { line } | Token::Row { line, .. } => {
                quote(line.text)
            }
            Token::Cell(paras) | Token::Text(paras) => {
                quote(paras.first().map_or("", |para| para.text))
            }
        }
    }
}

/// Reads every table of a text in the pipe layout, as far as it can be
/// read; `errors` gets every problem. A table is its header row and
/// separator row, then its rows up to the next table's header (or the text
/// before it).
pub(super) fn parse<'a>(lines: &[Line<'a>], errors: &mut Vec<DocError>) -> Vec<RawTable<'a>> {
    let nonblank: Vec<Line<'a>> = lines
        .iter()
        .copied()
        .filter(|line| !line.text.is_empty())
        .collect();
    let table_at = nonblank
        .iter()
        .position(|line| !matches!(kind(line.text), Kind::Text))
        .unwrap_or(nonblank.len());
    let first_preamble: Vec<Para<'a>> = nonblank[..table_at]
        .iter()
        .copied()
        .map(Para::from)
        .collect();
    let tokens = tokens(&nonblank[table_at..]);

    let separators: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, token)| matches!(token, Token::Separator { .. }))
        .map(|(index, _)| index)
        .collect();
    if separators.is_empty() {
        errors.push(DocError::new(
            end_line(lines),
            "expected a separator row such as \"|---|---|\" after the header row, \
             found the end of the text",
        ));
        return Vec::new();
    }
    let mut heads: Vec<Head<'a>> = Vec::with_capacity(separators.len());
    for (number, &separator) in separators.iter().enumerate() {
        let head = match number {
            0 => first_head(&tokens[..separator], &tokens[separator], errors),
            _ => later_head(&tokens, separators[number - 1] + 1, separator, errors),
        };
        heads.push(head);
    }
    heads[0].preamble = first_preamble;
    let mut tables = Vec::new();
    for (number, head) in heads.iter().enumerate() {
        let body_end = heads
            .get(number + 1)
            .map_or(tokens.len(), |next| next.start);
        let body = &tokens[separators[number] + 1..body_end];
        let next = tokens.get(body_end);
        tables.extend(table(
            head,
            &tokens[separators[number]],
            body,
            next,
            lines,
            errors,
        ));
    }
    tables
}

/// What stands before a table's separator row.
#[derive(Debug, Default)]
struct Head<'a> {
    /// The index of its first token.
    start: usize,
    /// The paragraphs before the header row.
    preamble: Vec<Para<'a>>,
    /// The header cells; `None` when they cannot be read (an error says why).
    header: Option<Vec<Para<'a>>>,
}

/// Reads one table from its head, separator row and body; `next` is what
/// follows the body (the next table), if anything.
fn table<'a>(
    head: &Head<'a>,
    separator: &Token<'a>,
    body: &[Token<'a>],
    next: Option<&Token<'a>>,
    lines: &[Line<'a>],
    errors: &mut Vec<DocError>,
) -> Option<RawTable<'a>> {
    const HEADER_ROW: &str = "the header row (cells ending with \" |\")";
    let preamble = preamble::read(&head.preamble, HEADER_ROW, HEADER_ROW, errors);
    let header = head.header.as_ref()?;
    let first_header = header.first()?;
    let columns = match check_header_count(header, first_header.line) {
        Ok(columns) => columns,
        Err(error) => {
            errors.push(error);
            return None;
        }
    };
    if let Token::Separator {
        line,
        columns: found,
    } = separator
        && *found != columns
    {
        errors.push(DocError::new(
            line.number,
            format!("expected a separator row with {columns} columns, found {found}"),
        ));
    }
    let shape = match columns::shape(header) {
        Ok(shape) => shape,
        Err(error) => {
            errors.push(error);
            return None;
        }
    };
    let mut notes = preamble.notes.clone();
    let rows = raw_rows(body, columns, &mut notes, errors);
    // No row: nothing after the separator, or only row starts and notes.
    if rows.is_empty() {
        let (line, found) = match next {
            Some(next) => (separator.line(), next.quoted()),
            None => (end_line(lines), "the end of the text".to_owned()),
        };
        errors.push(DocError::new(
            line,
            format!("expected at least one row after the header row, found {found}"),
        ));
        return None;
    }
    Some(RawTable {
        layout: Layout::Pipe,
        preamble: preamble::Preamble { notes, ..preamble },
        header: header.clone(),
        shape,
        rows,
    })
}

/// Puts the lines of each cell together.
fn tokens<'a>(lines: &[Line<'a>]) -> Vec<Token<'a>> {
    let mut tokens = Vec::new();
    let mut pending: Vec<Para<'a>> = Vec::new();
    for &line in lines {
        let token = match kind(line.text) {
            Kind::Text => {
                pending.push(Para::from(line));
                continue;
            }
            Kind::CellEnd(text) => {
                pending.push(Para::new(line.number, text));
                tokens.push(Token::Cell(std::mem::take(&mut pending)));
                continue;
            }
            Kind::Separator(columns) => Token::Separator { line, columns },
            Kind::RowStart => Token::RowStart { line },
            Kind::Row(cells) => Token::Row {
                line,
                cells: cells
                    .into_iter()
                    .map(|text| vec![Para::new(line.number, text)])
                    .collect(),
            },
        };
        if !pending.is_empty() {
            tokens.push(Token::Text(std::mem::take(&mut pending)));
        }
        tokens.push(token);
    }
    if !pending.is_empty() {
        tokens.push(Token::Text(pending));
    }
    tokens
}

/// The header of the first table: every token before its separator row,
/// after an optional row start, either one-line cells or a single
/// whole-row line.
fn first_head<'a>(
    tokens: &[Token<'a>],
    separator: &Token<'a>,
    errors: &mut Vec<DocError>,
) -> Head<'a> {
    let tokens = match tokens {
        [Token::RowStart { .. }, rest @ ..] => rest,
        _ => tokens,
    };
    let cells: Vec<Vec<Para<'a>>> = match tokens {
        [Token::Row { cells, .. }] => cells.clone(),
        _ => {
            if let Some(odd) = tokens.iter().find(|token| !matches!(token, Token::Cell(_))) {
                errors.push(DocError::new(
                    odd.line(),
                    format!(
                        "expected a header cell ending with \" |\", found {}",
                        odd.quoted()
                    ),
                ));
                return Head::default();
            }
            tokens
                .iter()
                .filter_map(|token| match token {
                    Token::Cell(paras) => Some(paras.clone()),
                    _ => None,
                })
                .collect()
        }
    };
    Head {
        start: 0,
        preamble: Vec::new(),
        header: header_cells(&cells, separator, errors),
    }
}

/// The header of a later table, from the tokens after the previous
/// separator row (`from`) up to its own (`separator`): a whole-row line
/// just before the separator, or as many cells as the separator has
/// columns (with the row start before them, if any). Text lines before the
/// header, and the lines of its first cell but the last, are its preamble.
fn later_head<'a>(
    tokens: &[Token<'a>],
    from: usize,
    separator: usize,
    errors: &mut Vec<DocError>,
) -> Head<'a> {
    let columns = match &tokens[separator] {
        Token::Separator { columns, .. } => *columns,
        _ => 0,
    };
    let mut start = separator;
    let mut cells: Vec<Vec<Para<'a>>> = Vec::new();
    match (separator > from).then(|| &tokens[separator - 1]) {
        Some(Token::Row { cells: row, .. }) => {
            cells.clone_from(row);
            start -= 1;
        }
        _ => {
            while start > from && cells.len() < columns {
                let Token::Cell(paras) = &tokens[start - 1] else {
                    break;
                };
                cells.insert(0, paras.clone());
                start -= 1;
            }
            if start > from && matches!(tokens[start - 1], Token::RowStart { .. }) {
                start -= 1;
            }
        }
    }
    let mut preamble = Vec::new();
    while start > from
        && let Token::Text(paras) = &tokens[start - 1]
    {
        preamble.splice(0..0, paras.iter().copied());
        start -= 1;
    }
    if let Some(first) = cells.first_mut()
        && first.len() > 1
    {
        let last = first.split_off(first.len() - 1);
        preamble.append(first);
        *first = last;
    }
    Head {
        start,
        preamble,
        header: header_cells(&cells, &tokens[separator], errors),
    }
}

/// Each header cell's one paragraph.
fn header_cells<'a>(
    cells: &[Vec<Para<'a>>],
    separator: &Token<'a>,
    errors: &mut Vec<DocError>,
) -> Option<Vec<Para<'a>>> {
    if cells.is_empty() {
        errors.push(DocError::new(
            separator.line(),
            format!("expected a header row, found {}", separator.quoted()),
        ));
        return None;
    }
    let mut header = Vec::with_capacity(cells.len());
    for cell in cells {
        match cell.as_slice() {
            [para] if !para.text.is_empty() => header.push(*para),
            [para] => errors.push(DocError::new(
                para.line,
                "expected a header cell (text), found \"\"",
            )),
            _ => errors.push(DocError::new(
                cell.first().map_or(separator.line(), |para| para.line),
                format!(
                    "expected a one-paragraph header cell, found {} paragraphs",
                    cell.len()
                ),
            )),
        }
    }
    (header.len() == cells.len()).then_some(header)
}

/// Groups the cells after the separator row into rows.
///
/// A row opened by `|` alone ends at the next row start or at the end; a row
/// opened by a cell ends when it has `columns` cells. A NOTE cell where a
/// row would start (`NOTE: …`, `说明：…`) is a note of the page, added to
/// `notes`.
fn raw_rows<'a>(
    tokens: &[Token<'a>],
    columns: usize,
    notes: &mut Vec<Located<String>>,
    errors: &mut Vec<DocError>,
) -> Vec<RawRow<'a>> {
    let is_note = |cell: &[Para<'_>]| {
        cell.first()
            .is_some_and(|para| note_text(para.text).is_some())
    };
    let mut rows = Vec::new();
    let mut open: Option<(RawRow<'a>, bool)> = None;
    for token in tokens {
        match token {
            Token::RowStart { line } => {
                rows.extend(open.take().map(|(row, _)| row));
                open = Some((
                    RawRow {
                        line: line.number,
                        cells: Vec::new(),
                    },
                    true,
                ));
            }
            Token::Cell(paras)
                if open.as_ref().is_none_or(|(row, _)| row.cells.is_empty()) && is_note(paras) =>
            {
                notes.extend(paras.iter().copied().map(Para::located));
                open = None;
            }
            Token::Cell(paras) => {
                let (row, explicit) = open.get_or_insert_with(|| {
                    (
                        RawRow {
                            line: paras.first().map_or(0, |para| para.line),
                            cells: Vec::new(),
                        },
                        false,
                    )
                });
                row.cells.push(paras.clone());
                if !*explicit && row.cells.len() == columns {
                    rows.extend(open.take().map(|(row, _)| row));
                }
            }
            Token::Row { cells, .. } if matches!(cells.as_slice(), [cell] if is_note(cell)) => {
                // A `|` line right before the note started the note's row.
                rows.extend(
                    open.take()
                        .map(|(row, _)| row)
                        .filter(|row| !row.cells.is_empty()),
                );
                notes.extend(cells.iter().flatten().copied().map(Para::located));
            }
            Token::Row { line, cells } => {
                rows.extend(open.take().map(|(row, _)| row));
                rows.push(RawRow {
                    line: line.number,
                    cells: cells.clone(),
                });
            }
            Token::Separator { line, .. } => {
                rows.extend(open.take().map(|(row, _)| row));
                errors.push(DocError::new(
                    line.number,
                    format!("expected a table row, found {}", quote(line.text)),
                ));
            }
            Token::Text(paras) => {
                if let Some(first) = paras.first() {
                    errors.push(DocError::new(
                        first.line,
                        format!(
                            "expected a cell line ending with \" |\", found {}",
                            quote(first.text)
                        ),
                    ));
                }
            }
        }
    }
    match open {
        // A `|` on the last line closes the table rather than opening a row.
        Some((row, true)) if row.cells.is_empty() => {}
        Some((row, _)) => rows.push(row),
        None => {}
    }
    rows
}
