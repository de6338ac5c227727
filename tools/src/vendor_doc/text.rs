//! Lines, paragraphs and the small recognisers every layout shares.

use super::{DocError, Located};

/// One line of the text, without its line ending and the whitespace around it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    /// The 1-based line number.
    pub number: usize,
    /// The trimmed text; empty for a blank line.
    pub text: &'a str,
}

/// One paragraph of a cell (or of the text before a table): a non-blank
/// line, without its list bullet.
#[derive(Debug, Clone, Copy)]
pub(super) struct Para<'a> {
    /// The 1-based line number.
    pub line: usize,
    /// The text, trimmed and without a bullet; never empty except for an
    /// empty cell of a single-line pipe row.
    pub text: &'a str,
    /// Whether the line is an item of a bulleted list (`• item`).
    pub bullet: bool,
}

impl<'a> Para<'a> {
    /// The paragraph on `line` holding `text`, its bullet (if any) taken off.
    pub fn new(line: usize, text: &'a str) -> Self {
        match bullet_item(text) {
            Some(item) => Para {
                line,
                text: item,
                bullet: true,
            },
            None => Para {
                line,
                text,
                bullet: false,
            },
        }
    }

    /// The paragraph as an owned located string.
    pub fn located(self) -> Located<String> {
        Located {
            line: self.line,
            value: self.text.to_owned(),
        }
    }
}

impl<'a> From<Line<'a>> for Para<'a> {
    fn from(line: Line<'a>) -> Self {
        Para::new(line.number, line.text)
    }
}

/// Splits the text into trimmed lines, numbered from 1.
pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split('\n')
        .enumerate()
        .map(|(index, raw)| Line {
            number: index + 1,
            text: raw.trim(),
        })
        .collect()
}

/// The line to blame for "found the end of the text": the last non-blank
/// line, or line 1 of an empty text.
pub(super) fn end_line(lines: &[Line<'_>]) -> usize {
    lines
        .iter()
        .rev()
        .find(|line| !line.text.is_empty())
        .map_or(1, |line| line.number)
}

/// `s` quoted for a message.
pub(super) fn quote(s: &str) -> String {
    format!("{s:?}")
}

/// What a message says was found: a quoted paragraph or the end of the text.
pub(super) fn found(para: Option<&Para<'_>>) -> String {
    para.map_or_else(|| "the end of the text".to_owned(), |para| quote(para.text))
}

/// An optional `-` followed by one or more ASCII digits.
pub(super) fn is_bare_integer(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    is_digits(digits)
}

/// One or more ASCII digits.
pub(super) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|byte| byte.is_ascii_digit())
}

/// A bare integer's value, `None` if it does not fit in an `i64`.
pub(super) fn integer(s: &str) -> Option<i64> {
    if is_bare_integer(s) {
        s.parse().ok()
    } else {
        None
    }
}

/// The vendor's "not used" markers: `-1`, `65535`, `0xFFFF`, `US_NO_USE`,
/// and `-` (an empty cell of the monitoring revision).
pub(super) fn is_not_used(s: &str) -> bool {
    matches!(s, "-1" | "65535" | "US_NO_USE" | "-") || s.eq_ignore_ascii_case("0xffff")
}

/// What follows `Updated on ` in an "Updated on …" line, or `更新时间：`
/// (full-width or ASCII colon) in the Chinese pages' "更新时间：…" line.
pub(super) fn updated(s: &str) -> Option<&str> {
    s.strip_prefix("Updated on ")
        .or_else(|| {
            s.strip_prefix("更新时间")
                .map(str::trim_start)
                .and_then(|rest| rest.strip_prefix(['：', ':']))
        })
        .map(str::trim_start)
}

/// A caption: `Table ` followed by a digit, or the Chinese `表` followed by
/// a digit (`表1 座席类型`, `表 1 …`).
pub(super) fn is_caption(s: &str) -> bool {
    let number = s
        .strip_prefix("Table ")
        .or_else(|| s.strip_prefix('表').map(str::trim_start));
    number.is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// The titles of a vendor note, each followed by `:` or `：`: `NOTE:`,
/// `Note:`, `说明:`, `说明：`, `注意:`, `注意：`.
const NOTE_LABELS: &[&str] = &["NOTE", "Note", "说明", "注意"];

/// The text of a note paragraph without its label (`NOTE: text` → `text`,
/// `说明：text` → `text`, a bare `NOTE:` → empty); `None` for any other
/// paragraph. The label must be followed by a colon (ASCII or full-width),
/// so `Note that …` is no note and a header cell `说明` is a header cell.
pub(super) fn note_text(s: &str) -> Option<&str> {
    NOTE_LABELS.iter().find_map(|label| {
        let rest = s.strip_prefix(label)?.trim_start();
        let rest = rest
            .strip_prefix(':')
            .or_else(|| rest.strip_prefix('\u{ff1a}'))?;
        Some(rest.trim_start())
    })
}

/// How many paragraphs from the first of `paras` make a note: 0 if it is
/// no note title; else the title with its text (`NOTE: text`), or a bare
/// title (`NOTE:`) and the paragraph after it (unless that is another
/// title or a bare integer, the next row's code); then every bulleted
/// paragraph that follows (`• In the following, …`).
pub(super) fn note_len(paras: &[Para<'_>]) -> usize {
    let Some(title) = paras.first().and_then(|para| note_text(para.text)) else {
        return 0;
    };
    let mut len = 1;
    if title.is_empty()
        && paras.get(1).is_some_and(|para| {
            note_text(para.text).is_none() && (para.bullet || !is_bare_integer(para.text))
        })
    {
        len = 2;
    }
    len + paras[len..]
        .iter()
        .take_while(|para| para.bullet && note_text(para.text).is_none())
        .count()
}

/// Bullets of a list item: `•`, `◦`, `▪`, `●`, or `-` and `*` followed by
/// whitespace (a lone `-` is a "not used" cell, not an empty item).
const BULLETS: &[char] = &['\u{2022}', '\u{25e6}', '\u{25aa}', '\u{25cf}', '-', '*'];

/// The text of a bulleted list item without its bullet; `None` for any
/// other line. The bullet must be followed by whitespace and then text.
pub(super) fn bullet_item(s: &str) -> Option<&str> {
    let rest = s.strip_prefix(BULLETS)?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let item = rest.trim_start();
    (!item.is_empty()).then_some(item)
}

/// `Updated on …` as a located value, if the paragraph is one.
pub(super) fn located_updated(para: &Para<'_>) -> Option<Located<String>> {
    updated(para.text).map(|value| Located {
        line: para.line,
        value: value.to_owned(),
    })
}

/// Checks the number of header cells.
pub(super) fn check_header_count(header: &[Para<'_>], line: usize) -> Result<usize, DocError> {
    if (2..=4).contains(&header.len()) {
        Ok(header.len())
    } else {
        Err(DocError::new(
            line,
            format!("expected 2 to 4 header cells, found {}", header.len()),
        ))
    }
}
