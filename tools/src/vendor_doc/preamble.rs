//! The paragraphs before a table's header: the page's `Updated on …` line,
//! title, subtitle, caption and NOTE cells.

use super::text::{Para, is_caption, located_updated, note_len, quote};
use super::{DocError, Located};

/// What stands before a table, each with its line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Preamble {
    pub updated: Option<Located<String>>,
    pub title: Option<Located<String>>,
    pub subtitle: Option<Located<String>>,
    pub caption: Option<Located<String>>,
    /// The paragraphs of NOTE cells, as written.
    pub notes: Vec<Located<String>>,
}

/// Reads `paras`, every paragraph before a table's header: an optional
/// `Updated on …` first; NOTE paragraphs (`NOTE: …`, `说明：…`, or a bare
/// `NOTE:` and the paragraph after it) wherever they are; then a title, a
/// subtitle and a caption (`Table 1 …`, `表1 …`), in that order, each
/// optional. Anything else is an error: `after_caption` says what was
/// expected after the caption, `extra` what was expected instead of a
/// third paragraph before it.
pub(super) fn read(
    paras: &[Para<'_>],
    after_caption: &str,
    extra: &str,
    errors: &mut Vec<DocError>,
) -> Preamble {
    let mut preamble = Preamble::default();
    let mut rest = paras;
    if let Some((first, after)) = rest.split_first()
        && let Some(updated) = located_updated(first)
    {
        preamble.updated = Some(updated);
        rest = after;
    }
    let (notes, texts) = notes(rest);
    preamble.notes = notes;
    let mut texts = texts.into_iter().peekable();
    let mut before_caption = Vec::new();
    while let Some(para) = texts.next_if(|para| !is_caption(para.text)) {
        before_caption.push(para);
    }
    let caption = texts.next();
    for para in texts {
        errors.push(DocError::new(
            para.line,
            format!("expected {after_caption}, found {}", quote(para.text)),
        ));
    }
    let mut before_caption = before_caption.into_iter();
    preamble.title = before_caption.next().map(Para::located);
    preamble.subtitle = before_caption.next().map(Para::located);
    for para in before_caption {
        errors.push(DocError::new(
            para.line,
            format!("expected {extra}, found {}", quote(para.text)),
        ));
    }
    preamble.caption = caption.map(Para::located);
    preamble
}

/// Takes the NOTE paragraphs out of `paras`: the notes (a title with its
/// text, or a bare title with the paragraph after it, and the bulleted
/// paragraphs after either) and the other paragraphs.
pub(super) fn notes<'a>(paras: &[Para<'a>]) -> (Vec<Located<String>>, Vec<Para<'a>>) {
    let mut notes = Vec::new();
    let mut others = Vec::new();
    let mut at = 0;
    while let Some(para) = paras.get(at) {
        match note_len(&paras[at..]) {
            0 => {
                others.push(*para);
                at += 1;
            }
            len => {
                notes.extend(paras[at..at + len].iter().copied().map(Para::located));
                at += len;
            }
        }
    }
    (notes, others)
}
