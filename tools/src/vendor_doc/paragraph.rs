//! The paragraph layout: one cell per paragraph, blank lines between them.

use super::cells::{self, RawRow};
use super::text::{
    Line, Para, check_header_count, end_line, found, is_bare_integer, is_caption, is_not_used,
    located_updated, quote,
};
use super::{DocError, Layout, VendorTable};

/// Reads a table in the paragraph layout.
pub(super) fn parse(lines: &[Line<'_>]) -> Result<VendorTable, Vec<DocError>> {
    let mut errors = Vec::new();
    let paras = paragraphs(lines, &mut errors);
    let first_row = paras
        .iter()
        .position(|para| is_bare_integer(para.text))
        .unwrap_or(paras.len());
    let preamble = &paras[..first_row];

    let updated = located_updated(preamble.first());
    let after_updated = usize::from(updated.is_some());
    let (title, caption_at) = if preamble
        .get(after_updated)
        .is_some_and(|p| is_caption(p.text))
    {
        (None, after_updated)
    } else if preamble
        .get(after_updated + 1)
        .is_some_and(|p| is_caption(p.text))
    {
        (preamble.get(after_updated).copied(), after_updated + 1)
    } else {
        // The caption is not where it belongs: after at most one title.
        let expected_at = (after_updated + 1).min(preamble.len());
        let at = paras.get(expected_at);
        errors.push(DocError::new(
            at.map_or_else(|| end_line(lines), |para| para.line),
            format!(
                "expected a table caption such as \"Table 1 ...\", found {}",
                found(at)
            ),
        ));
        let later = preamble
            .get(expected_at..)
            .and_then(|rest| rest.iter().position(|p| is_caption(p.text)));
        match later {
            Some(offset) => (preamble.get(after_updated).copied(), expected_at + offset),
            None => return Err(errors),
        }
    };
    let caption = preamble[caption_at];
    let header = &preamble[caption_at + 1..];

    let Some(first_header) = header.first() else {
        let at = paras.get(first_row);
        errors.push(DocError::new(
            at.map_or_else(|| end_line(lines), |para| para.line),
            format!(
                "expected header cells after the caption, found {}",
                found(at)
            ),
        ));
        return Err(errors);
    };
    let columns = match check_header_count(header, first_header.line) {
        Ok(columns) => columns,
        Err(error) => {
            errors.push(error);
            return Err(errors);
        }
    };
    if first_row == paras.len() {
        errors.push(DocError::new(
            end_line(lines),
            "expected at least one row after the header cells, found the end of the text",
        ));
        return Err(errors);
    }

    let raw = raw_rows(&paras[first_row..], columns);
    let rows = cells::rows(raw, columns, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(VendorTable {
        layout: Layout::Paragraph,
        updated,
        title: title.map(Para::located),
        caption: Some(caption.located()),
        header: header.iter().copied().map(Para::located).collect(),
        rows,
    })
}

/// The non-blank lines, checking that blank lines separate them.
fn paragraphs<'a>(lines: &[Line<'a>], errors: &mut Vec<DocError>) -> Vec<Para<'a>> {
    let mut paras = Vec::new();
    let mut after_paragraph = false;
    for line in lines {
        if line.text.is_empty() {
            after_paragraph = false;
            continue;
        }
        if after_paragraph {
            errors.push(DocError::new(
                line.number,
                format!(
                    "expected a blank line between paragraphs, found {}",
                    quote(line.text)
                ),
            ));
        }
        paras.push(Para::from(*line));
        after_paragraph = true;
    }
    paras
}

/// Splits the paragraphs from the first row on into rows of `columns` cells.
///
/// Every column but the last takes one paragraph; a bare integer there (but
/// an object's "not used" marker) starts the next row instead. The last
/// column takes its first paragraph whatever it is, then every paragraph up
/// to the next bare integer.
fn raw_rows<'a>(paras: &[Para<'a>], columns: usize) -> Vec<RawRow<'a>> {
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
            let is_object = columns == 4 && column == 2;
            if is_bare_integer(para.text) && !(is_object && is_not_used(para.text)) {
                break;
            }
            row.cells.push(vec![*para]);
            next += 1;
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
