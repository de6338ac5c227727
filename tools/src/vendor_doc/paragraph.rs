//! The paragraph layout: one cell per paragraph, blank lines between them.

use super::cells::{RawRow, RawTable};
use super::columns::{self, Shape};
use super::preamble;
use super::text::{
    Line, Para, check_header_count, end_line, found, is_bare_integer, is_caption, is_not_used,
    note_len, quote, updated,
};
use super::{DocError, Layout};

/// Reads every table of a text in the paragraph layout, as far as it can
/// be read; `errors` gets every problem.
pub(super) fn parse<'a>(lines: &[Line<'a>], errors: &mut Vec<DocError>) -> Vec<RawTable<'a>> {
    let paras = paragraphs(lines, errors);
    if paras.is_empty() {
        errors.push(DocError::new(
            end_line(lines),
            "expected a table, found the end of the text",
        ));
        return Vec::new();
    }
    tables_of(&paras)
        .into_iter()
        .filter_map(|chunk| table(chunk, lines, errors))
        .collect()
}

/// Splits the paragraphs into one run per table: a caption after a row has
/// started begins the next table.
fn tables_of<'p, 'a>(paras: &'p [Para<'a>]) -> Vec<&'p [Para<'a>]> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut in_rows = false;
    for (index, para) in paras.iter().enumerate() {
        if in_rows && is_caption(para.text) {
            chunks.push(&paras[start..index]);
            start = index;
            in_rows = false;
        }
        in_rows |= is_bare_integer(para.text);
    }
    chunks.push(&paras[start..]);
    chunks
}

/// Reads one table: its preamble, header cells and rows.
fn table<'a>(
    paras: &[Para<'a>],
    lines: &[Line<'a>],
    errors: &mut Vec<DocError>,
) -> Option<RawTable<'a>> {
    let first_row = paras
        .iter()
        .position(|para| is_bare_integer(para.text))
        .unwrap_or(paras.len());
    let (notes, head) = preamble::notes(&paras[..first_row]);
    let rows = &paras[first_row..];
    let (before, header) = match head.iter().position(|para| is_caption(para.text)) {
        Some(caption) => {
            let header = &head[caption + 1..];
            if header.is_empty() {
                errors.push(DocError::new(
                    rows.first()
                        .map_or_else(|| end_line(lines), |para| para.line),
                    format!(
                        "expected header cells after the caption, found {}",
                        found(rows.first())
                    ),
                ));
                return None;
            }
            (&head[..=caption], header)
        }
        None => split_uncaptioned(&head, rows, lines, errors)?,
    };
    let mut preamble = preamble::read(
        before,
        "the header cells",
        "at most a title and a subtitle before the table",
        errors,
    );
    preamble.notes = notes;
    let first_header = header.first()?;
    if let Err(error) = check_header_count(header, first_header.line) {
        errors.push(error);
        return None;
    }
    let shape = match columns::shape(header) {
        Ok(shape) => shape,
        Err(error) => {
            errors.push(error);
            return None;
        }
    };
    if rows.is_empty() {
        errors.push(DocError::new(
            end_line(lines),
            "expected at least one row after the header cells, found the end of the text",
        ));
        return None;
    }
    Some(RawTable {
        layout: Layout::Paragraph,
        preamble,
        header: header.to_vec(),
        rows: raw_rows(rows, &shape),
        shape,
    })
}

/// Where the header cells of a table without a caption start: they are as
/// many as the cells of its first row, each of which must then be one
/// paragraph (a "not used" marker does not end the row there).
fn split_uncaptioned<'h, 'a>(
    head: &'h [Para<'a>],
    rows: &[Para<'a>],
    lines: &[Line<'a>],
    errors: &mut Vec<DocError>,
) -> Option<(&'h [Para<'a>], &'h [Para<'a>])> {
    let Some(code) = rows.first() else {
        errors.push(DocError::new(
            end_line(lines),
            "expected at least one row after the header cells, found the end of the text",
        ));
        return None;
    };
    let starts_with_updated = head
        .first()
        .is_some_and(|para| updated(para.text).is_some());
    let cells = 1 + first_row_cells(&rows[1..]);
    let message = if !(2..=4).contains(&cells) {
        format!(
            "expected a table caption such as \"Table 1 ...\", or a first row of 2 to 4 \
             one-paragraph cells, found {cells} paragraphs"
        )
    } else if head.len() < cells + usize::from(starts_with_updated) {
        format!(
            "expected a table caption such as \"Table 1 ...\", or as many header cells as the \
             first row has cells ({cells}), found {} before it",
            match head.len() - usize::from(starts_with_updated) {
                1 => "1 paragraph".to_owned(),
                count => format!("{count} paragraphs"),
            }
        )
    } else {
        return Some(head.split_at(head.len() - cells));
    };
    errors.push(DocError::new(code.line, message));
    None
}

/// The cells of a first row after its code, in `paras`: the paragraphs up
/// to the next bare integer that is not a "not used" marker, a note under
/// a cell (its title and text) belonging to that cell.
fn first_row_cells(paras: &[Para<'_>]) -> usize {
    let mut cells = 0;
    let mut at = 0;
    while let Some(para) = paras.get(at) {
        if is_bare_integer(para.text) && !is_not_used(para.text) {
            break;
        }
        match note_len(&paras[at..]) {
            0 if !(cells > 0 && para.bullet) => {
                cells += 1;
                at += 1;
            }
            0 => at += 1,
            len => at += len,
        }
    }
    cells
}

/// The paragraphs, checking that blank lines separate them; the items of a
/// bulleted list may follow each other without one.
fn paragraphs<'a>(lines: &[Line<'a>], errors: &mut Vec<DocError>) -> Vec<Para<'a>> {
    let mut paras = Vec::new();
    let mut after_paragraph = false;
    for line in lines {
        if line.text.is_empty() {
            after_paragraph = false;
            continue;
        }
        let para = Para::from(*line);
        if after_paragraph && !para.bullet {
            errors.push(DocError::new(
                line.number,
                format!(
                    "expected a blank line between paragraphs, found {}",
                    quote(line.text)
                ),
            ));
        }
        paras.push(para);
        after_paragraph = true;
    }
    paras
}

/// Splits the paragraphs from the first row on into rows.
///
/// Every column but the last takes one paragraph (and a note under it);
/// a bare integer there
/// (but a "not used" marker where the shape allows one) starts the next
/// row instead. The last column takes its first paragraph whatever it is,
/// then every paragraph up to the next bare integer.
fn raw_rows<'a>(paras: &[Para<'a>], shape: &Shape) -> Vec<RawRow<'a>> {
    let columns = shape.len();
    let mut rows = Vec::new();
    let mut next = 0;
    while let Some(code) = paras.get(next) {
        next += 1;
        let mut row = RawRow {
            line: code.line,
            cells: vec![vec![*code]],
        };
        for column in 1..columns.saturating_sub(1) {
            let Some(para) = paras.get(next) else { break };
            if is_bare_integer(para.text)
                && !(shape.takes_not_used(column) && is_not_used(para.text))
            {
                break;
            }
            next += 1;
            // A note under the cell's text (`说明:` and the note) is the
            // cell's.
            let notes = note_len(&paras[next..]);
            row.cells.push(paras[next - 1..next + notes].to_vec());
            next += notes;
        }
        if row.cells.len() + 1 == columns
            && let Some(first) = paras.get(next)
        {
            let mut last = vec![*first];
            next += 1;
            while let Some(para) = paras.get(next).filter(|para| !is_bare_integer(para.text)) {
                last.push(*para);
                next += 1;
            }
            row.cells.push(last);
        }
        rows.push(row);
    }
    rows
}
