//! The paragraphs of a reason cell: a reason cell flattened onto one line
//! split back into paragraphs, and each paragraph classified.

use super::ReasonParagraph;
use super::text::{Para, integer, is_bare_integer, is_digits, is_not_used, note_text, quote};

/// The dashes of a range label: `-`, `–` (en dash), `~` and the
/// full-width `～`.
const RANGE_DASHES: [char; 4] = ['-', '\u{2013}', '~', '\u{ff5e}'];
/// The colons after a label: ASCII and full-width.
const COLONS: [char; 2] = [':', '\u{ff1a}'];

/// The paragraphs of a reason cell, each paragraph written on one line
/// split where a new one starts (the Chinese page flattens a cell onto one
/// line: `1~255:客户端传入原因 256:座席与平台断连`): before a label such as
/// `256:` or `0~255:`, before a NOTE label, and after a Chinese full stop
/// `。`, each followed by whitespace. A paragraph that is only a NOTE label
/// is left out: the paragraphs after it are the note.
pub(super) fn paragraphs<'a>(cell: &[Para<'a>]) -> Vec<Para<'a>> {
    cell.iter()
        .flat_map(|para| split(*para))
        .filter(|para| note_text(para.text) != Some(""))
        .collect()
}

/// One line's paragraphs.
fn split(para: Para<'_>) -> Vec<Para<'_>> {
    let text = para.text;
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !c.is_whitespace() {
            continue;
        }
        let mut next = at + c.len_utf8();
        while let Some(&(index, c)) = chars.peek().filter(|(_, c)| c.is_whitespace()) {
            next = index + c.len_utf8();
            chars.next();
        }
        let before = &text[start..at];
        let after = &text[next..];
        // `1 - 255: text` is one label with spaces around its dash.
        let in_label = before.ends_with(RANGE_DASHES);
        let new_paragraph = before.ends_with('。')
            || note_text(after).is_some()
            || (label_ahead(after) && !in_label);
        if new_paragraph && !before.trim().is_empty() && !after.is_empty() {
            pieces.push(Para {
                text: before.trim_end(),
                ..para
            });
            start = next;
        }
    }
    pieces.push(Para {
        text: text[start..].trim(),
        ..para
    });
    pieces
}

/// Whether `text` starts with a label written without spaces, such as
/// `256:` or `0~255:`, followed by its text (so `00:00` is a time, not a
/// label).
fn label_ahead(text: &str) -> bool {
    // Only the leading digits and dashes can be a label: looking no
    // further keeps splitting a long paragraph linear.
    let head_len = text
        .find(|c: char| !c.is_ascii_digit() && !RANGE_DASHES.contains(&c))
        .unwrap_or(text.len());
    let (head, rest) = text.split_at(head_len);
    let Some(rest) = rest.strip_prefix(COLONS) else {
        return false;
    };
    let is_label = match head.find(RANGE_DASHES) {
        None => is_digits(head),
        Some(dash) => {
            let dash_len = head[dash..].chars().next().map_or(1, char::len_utf8);
            is_digits(&head[..dash]) && is_digits(&head[dash + dash_len..])
        }
    };
    is_label && starts_text(rest)
}

/// `text` split around its first colon (ASCII or full-width).
fn at_colon(text: &str) -> Option<(&str, &str)> {
    let colon = text.find(COLONS)?;
    let colon_len = text[colon..].chars().next()?.len_utf8();
    Some((&text[..colon], &text[colon + colon_len..]))
}

/// Whether what follows a label's colon starts its text: whitespace, or
/// Chinese text written without a space (`261:CCS检测到…`: text holding a
/// character that is not ASCII, not starting with a digit). So `5:x` is no
/// label, and neither is the `00:00` of a time.
fn starts_text(rest: &str) -> bool {
    match rest.chars().next() {
        Some(c) if c.is_whitespace() => true,
        Some(c) if c.is_ascii_digit() => false,
        Some(_) => !rest.is_ascii(),
        None => false,
    }
}

/// Classifies one paragraph of a reason cell; the error is the message.
pub(super) fn classify(text: &str) -> Result<ReasonParagraph, String> {
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
    if let Some(note) = note_text(text) {
        return Ok(ReasonParagraph::Note(note.to_owned()));
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
/// `None` for any other paragraph, including `N:text` with ASCII text.
fn label(text: &str) -> Option<(Label<'_>, &str)> {
    let (head, rest) = at_colon(text)?;
    if !rest.is_empty() && !starts_text(rest) {
        return None;
    }
    let head = head.trim_end();
    let rest = rest.trim_start();
    if is_bare_integer(head) {
        return Some((Label::Code(head), rest));
    }
    let dash_at = head.find(RANGE_DASHES)?;
    let start = head.get(..dash_at)?.trim_end();
    let dash = head.get(dash_at..)?.chars().next()?;
    let end = head.get(dash_at + dash.len_utf8()..)?.trim_start();
    (is_digits(start) && is_digits(end)).then_some((Label::Range(start, dash, end), rest))
}
