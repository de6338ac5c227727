//! What a merge changed and what it wants a person to look at, and the one
//! way a spec text is brought to the vendor's: a text that differs only in
//! the width of its punctuation is kept and marked for review; a text
//! reworded marks its translation, made against the old text, for review.

use std::fmt;

use toml_edit::{Item, Table};
use unicode_normalization::UnicodeNormalization;

use super::edit;

/// What a merge changed, and what it wants a person to look at.
#[derive(Debug, Default)]
pub(super) struct Report {
    /// One line per change.
    pub summary: Vec<String>,
    /// One line per `# review` comment written, in document order.
    pub review: Vec<String>,
}

impl Report {
    /// A new entry named by us: `place` is how the review line names it.
    pub fn proposed(&mut self, change: String, place: String, name: &str) {
        self.summary.push(format!(
            "{change} added as `{name}` (proposed name: review it)"
        ));
        self.review.push(format!("{place}: proposed name `{name}`"));
    }
}

/// Whether two texts are the same to a reader: equal after NFKC, which
/// folds full-width punctuation (`，`, `：`, `（`) into ASCII.
fn same_but_width(old: &str, new: &str) -> bool {
    old.nfkc().eq(new.nfkc())
}

/// Brings the text under `key` of `table` (a spec entry that had `old`) to
/// the vendor's `new`, keeping the formatting around it; `order` is the
/// schema's key order, `place` names the entry in the report (`row 3`).
///
/// A text that differs from the vendor's only in punctuation width is not
/// changed: the vendor's copies disagree on it (see the vendor-docs notes),
/// so a person decides; it gets a `# review` comment and a review line.
pub(super) fn set_text(
    table: &mut Table,
    key: &str,
    old: Option<&str>,
    new: Option<&str>,
    order: &codes_codegen::schema::Entry,
    place: &str,
    report: &mut Report,
) {
    match (old, new) {
        (Some(old), Some(new)) if old == new => {}
        (Some(old), Some(new)) if same_but_width(old, new) => {
            width_only(table, key, (old, new), place, report);
        }
        (Some(_), Some(new)) => {
            edit::set(table, key, edit::string(new), order);
            report.summary.push(format!("{place}: {key} changed"));
        }
        (None, Some(new)) => {
            edit::set(table, key, edit::string(new), order);
            report.summary.push(format!("{place}: {key} added"));
        }
        (Some(_), None) => {
            table.remove(key);
            report.summary.push(format!("{place}: {key} removed"));
        }
        (None, None) => {}
    }
}

/// Whether `new` rewords `old`: they differ, and not only in the width of
/// their punctuation.
pub(super) fn reworded(old: &str, new: &str) -> bool {
    old != new && !same_but_width(old, new)
}

/// What a translation's review mark says it was made against.
pub(crate) const TRANSLATED_FROM: &str = "translated from";

/// Marks the translation under `key` of `table` (the other language's
/// text of an entry whose text `old` a merge just reworded) for review:
/// `# review: translated from "OLD"`, which records in the spec what the
/// translation was made against. A translation already marked keeps its
/// mark, which names the text it was made from; an entry without a
/// translation has nothing to mark.
pub(super) fn mark_translation<T: fmt::Debug + ?Sized>(
    table: &mut Table,
    key: &str,
    old: &T,
    place: &str,
    report: &mut Report,
) {
    let Some(Item::Value(value)) = table.get_mut(key) else {
        return;
    };
    let marked = value
        .decor()
        .suffix()
        .and_then(|suffix| suffix.as_str())
        .is_some_and(|suffix| suffix.contains(TRANSLATED_FROM));
    if !marked {
        value
            .decor_mut()
            .set_suffix(format!(" # review: {TRANSLATED_FROM} {old:?}"));
    }
    report.review.push(format!(
        "{place}: {key} was {TRANSLATED_FROM} {old:?}, since reworded"
    ));
}

/// Brings the list of texts under `key` (notes) to the vendor's, as
/// [`set_text`] does one text; an empty list removes the key.
pub(super) fn set_texts(
    table: &mut Table,
    key: &str,
    old: &[String],
    new: &[String],
    order: &codes_codegen::schema::Entry,
    place: &str,
    report: &mut Report,
) {
    if old == new {
        return;
    }
    let same_width = old.len() == new.len()
        && old
            .iter()
            .zip(new)
            .all(|(old, new)| same_but_width(old, new));
    if same_width {
        width_only(table, key, (old, new), place, report);
        return;
    }
    match new.is_empty() {
        true => {
            table.remove(key);
        }
        false => edit::set(table, key, edit::strings(new), order),
    }
    report.summary.push(format!("{place}: {key} changed"));
}

/// Marks the value under `key`, which differs from the vendor's only in
/// punctuation width, for review instead of changing it: `(old, new)`.
fn width_only<T: fmt::Debug + ?Sized>(
    table: &mut Table,
    key: &str,
    (old, new): (&T, &T),
    place: &str,
    report: &mut Report,
) {
    if let Some(Item::Value(value)) = table.get_mut(key) {
        value.decor_mut().set_suffix(format!(
            " # review: the vendor writes {new:?} (only the punctuation width differs)"
        ));
    }
    report.review.push(format!(
        "{place}: {key} {old:?} differs from the vendor's {new:?} only in punctuation width"
    ));
}
