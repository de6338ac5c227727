//! Lines, paragraphs and the small recognisers both layouts share.

use super::{DocError, Located};

/// One line of the text, without its line ending and the whitespace around it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    /// The 1-based line number.
    pub number: usize,
    /// The trimmed text; empty for a blank line.
    pub text: &'a str,
}

/// One paragraph of a cell (or of the text before the table): a non-blank line.
#[derive(Debug, Clone, Copy)]
pub(super) struct Para<'a> {
    /// The 1-based line number.
    pub line: usize,
    /// The text, trimmed, never empty except for an empty cell of a
    /// single-line pipe row.
    pub text: &'a str,
}

impl<'a> From<Line<'a>> for Para<'a> {
    fn from(line: Line<'a>) -> Self {
        Para {
            line: line.number,
            text: line.text,
        }
    }
}

impl Para<'_> {
    /// The paragraph as an owned located string.
    pub fn located(self) -> Located<String> {
        Located {
            line: self.line,
            value: self.text.to_owned(),
        }
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

/// The vendor's "not used" markers: `-1`, `65535`, `0xFFFF` or `US_NO_USE`.
pub(super) fn is_not_used(s: &str) -> bool {
    matches!(s, "-1" | "65535" | "US_NO_USE") || s.eq_ignore_ascii_case("0xffff")
}

/// What follows `Updated on ` in an "Updated on …" line.
pub(super) fn updated(s: &str) -> Option<&str> {
    s.strip_prefix("Updated on ").map(str::trim_start)
}

/// A caption: `Table ` followed by a digit.
pub(super) fn is_caption(s: &str) -> bool {
    s.strip_prefix("Table ")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// `Updated on …` as a located value, if the paragraph is one.
pub(super) fn located_updated(para: Option<&Para<'_>>) -> Option<Located<String>> {
    let para = para?;
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
