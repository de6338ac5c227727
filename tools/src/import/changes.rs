//! What a merge changed and what it wants a person to look at, and the one
//! way a spec text is brought to the vendor's: a text that differs only in
//! the width of its punctuation is kept and marked for review.

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
