//! The pipe layout: one cell per line (or group of lines) ending with ` |`.

use super::cells::{self, RawRow};
use super::text::{Line, Para, check_header_count, end_line, is_caption, quote, updated};
use super::{DocError, Layout, Located, VendorTable};

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
    /// or text before the table.
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
}

impl Token<'_> {
    /// The line the token starts on.
    fn line(&self) -> usize {
        match self {
            Token::Separator { line, .. } | Token::RowStart { line } | Token::Row { line, .. } => {
                line.number
            }
            Token::Cell(paras) => paras.first().map_or(0, |para| para.line),
        }
    }

    /// The token quoted for a message.
    fn quoted(&self) -> String {
        match self {
            Token::Separator { line, .. } | Token::RowStart { line } | Token::Row { line, .. } => {
                quote(line.text)
            }
            Token::Cell(paras) => quote(paras.first().map_or("", |para| para.text)),
        }
    }
}

/// Reads a table in the pipe layout.
pub(super) fn parse(lines: &[Line<'_>]) -> Result<VendorTable, Vec<DocError>> {
    let mut errors = Vec::new();
    let nonblank: Vec<Line<'_>> = lines
        .iter()
        .copied()
        .filter(|line| !line.text.is_empty())
        .collect();
    let table_at = nonblank
        .iter()
        .position(|line| !matches!(kind(line.text), Kind::Text))
        .unwrap_or(nonblank.len());
    let (updated, title, caption) = preamble(&nonblank[..table_at], &mut errors);
    let tokens = tokens(&nonblank[table_at..], &mut errors);

    let Some(separator_at) = tokens
        .iter()
        .position(|token| matches!(token, Token::Separator { .. }))
    else {
        errors.push(DocError::new(
            end_line(lines),
            "expected a separator row such as \"|---|---|\" after the header row, \
             found the end of the text",
        ));
        return Err(errors);
    };
    let Some(header) = header(&tokens[..separator_at], &tokens[separator_at], &mut errors) else {
        return Err(errors);
    };
    let Some(first_header) = header.first() else {
        return Err(errors);
    };
    let columns = match check_header_count(&header, first_header.line) {
        Ok(columns) => columns,
        Err(error) => {
            errors.push(error);
            return Err(errors);
        }
    };
    if let Token::Separator {
        line,
        columns: found,
    } = &tokens[separator_at]
        && *found != columns
    {
        errors.push(DocError::new(
            line.number,
            format!("expected a separator row with {columns} columns, found {found}"),
        ));
    }
    let body = &tokens[separator_at + 1..];
    if body.is_empty() {
        errors.push(DocError::new(
            end_line(lines),
            "expected at least one row after the header row, found the end of the text",
        ));
        return Err(errors);
    }
    let raw = raw_rows(body, columns, &mut errors);
    let rows = cells::rows(raw, columns, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(VendorTable {
        layout: Layout::Pipe,
        updated,
        title,
        caption,
        header: header.into_iter().map(Para::located).collect(),
        rows,
    })
}

type Preamble = (
    Option<Located<String>>,
    Option<Located<String>>,
    Option<Located<String>>,
);

/// The lines before the table: `Updated on …`, a title and a caption, in
/// that order, each optional.
fn preamble(lines: &[Line<'_>], errors: &mut Vec<DocError>) -> Preamble {
    let mut rest = lines.iter().copied().map(Para::from).peekable();
    let updated = rest
        .next_if(|para| updated(para.text).is_some())
        .and_then(|para| {
            updated(para.text).map(|value| Located {
                line: para.line,
                value: value.to_owned(),
            })
        });
    let title = rest.next_if(|para| !is_caption(para.text));
    let caption = rest.next_if(|para| is_caption(para.text));
    if let Some(extra) = rest.next() {
        errors.push(DocError::new(
            extra.line,
            format!(
                "expected the header row (cells ending with \" |\"), found {}",
                quote(extra.text)
            ),
        ));
    }
    (
        updated,
        title.map(Para::located),
        caption.map(Para::located),
    )
}

/// Puts the lines of each cell together.
fn tokens<'a>(lines: &[Line<'a>], errors: &mut Vec<DocError>) -> Vec<Token<'a>> {
    let mut tokens = Vec::new();
    let mut pending: Vec<Para<'a>> = Vec::new();
    for &line in lines {
        let token = match kind(line.text) {
            Kind::Text => {
                pending.push(Para::from(line));
                continue;
            }
            Kind::CellEnd(text) => {
                pending.push(Para {
                    line: line.number,
                    text,
                });
                tokens.push(Token::Cell(std::mem::take(&mut pending)));
                continue;
            }
            Kind::Separator(columns) => Token::Separator { line, columns },
            Kind::RowStart => Token::RowStart { line },
            Kind::Row(cells) => Token::Row {
                line,
                cells: cells
                    .into_iter()
                    .map(|text| {
                        vec![Para {
                            line: line.number,
                            text,
                        }]
                    })
                    .collect(),
            },
        };
        dangling(&mut pending, errors);
        tokens.push(token);
    }
    dangling(&mut pending, errors);
    tokens
}

/// Reports lines of a cell whose last line never came.
fn dangling(pending: &mut Vec<Para<'_>>, errors: &mut Vec<DocError>) {
    if let Some(first) = pending.first() {
        errors.push(DocError::new(
            first.line,
            format!(
                "expected a cell line ending with \" |\", found {}",
                quote(first.text)
            ),
        ));
    }
    pending.clear();
}

/// The header cells: the tokens before the separator row, after an optional
/// row start, either one-line cells or a single whole-row line.
fn header<'a>(
    tokens: &[Token<'a>],
    separator: &Token<'a>,
    errors: &mut Vec<DocError>,
) -> Option<Vec<Para<'a>>> {
    let tokens = match tokens {
        [Token::RowStart { .. }, rest @ ..] => rest,
        _ => tokens,
    };
    let cells: Vec<Vec<Para<'a>>> = match tokens {
        [] => {
            errors.push(DocError::new(
                separator.line(),
                format!("expected a header row, found {}", separator.quoted()),
            ));
            return None;
        }
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
                return None;
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
    let mut header = Vec::with_capacity(cells.len());
    for cell in &cells {
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
/// opened by a cell ends when it has `columns` cells.
fn raw_rows<'a>(
    tokens: &[Token<'a>],
    columns: usize,
    errors: &mut Vec<DocError>,
) -> Vec<RawRow<'a>> {
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
