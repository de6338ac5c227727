//! A table's page in one language (title, subtitle, caption, page id,
//! update date, column headers) brought to the vendor's, and the page's
//! NOTE cells, which no spec key holds, kept as a comment.

use toml_edit::Table;

use super::Lang;
use super::changes::Report;
use super::edit::{self, NOT_IN_TEXT, PAGE_KEYS, TABLE_KEYS};
use super::vendor::Vendor;
use crate::lang::SpecLang;
use codes_codegen::model;

/// What stands in for a required page key the vendor text does not give.
const UNKNOWN: &str = "unknown";

/// Where the page comes from besides the vendor text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Source<'a> {
    pub lang: Lang,
    /// The vendor's page id (the copied text does not carry it).
    pub page: Option<&'a str>,
    /// The title to give a new page when the vendor text has none.
    pub title: Option<&'a str>,
}

/// Brings the page of `toml` (the `[[table]]` that `old` was validated
/// from) in `source.lang` to the vendor's, making it if missing; keys the
/// vendor text does not give are kept, or, for a new page's required
/// title and page id, filled in and marked for review.
pub(super) fn merge(
    toml: &mut Table,
    old: &model::Table,
    vendor: &Vendor,
    source: Source<'_>,
    report: &mut Report,
) {
    let lang = source.lang;
    let old_page = lang.page(old);
    let label = |key: &str| match lang {
        Lang::En => key.to_owned(),
        Lang::Zh => format!("{key} ({} page)", lang.name()),
    };
    let order = match lang {
        Lang::En => TABLE_KEYS,
        Lang::Zh => PAGE_KEYS,
    };
    let page = edit::page_table(lang, toml);
    let texts = [
        ("title", old_page.map(|page| &page.title), &vendor.title),
        (
            "subtitle",
            old_page.and_then(|page| page.subtitle.as_ref()),
            &vendor.subtitle,
        ),
        (
            "caption",
            old_page.and_then(|page| page.caption.as_ref()),
            &vendor.caption,
        ),
        (
            "updated",
            old_page.and_then(|page| page.updated.as_ref()),
            &vendor.updated,
        ),
    ];
    for (key, old_text, new_text) in texts {
        if let Some(new_text) = new_text.as_ref().filter(|new| Some(*new) != old_text) {
            edit::set(page, key, edit::string(new_text), order);
            report.summary.push(format!(
                "{}: {} -> {new_text}",
                label(key),
                old_text.map_or("(none)", String::as_str)
            ));
        }
    }
    let mut placeholder = |page: &mut Table, key: &str, text: &str| {
        edit::set(
            page,
            key,
            edit::commented(edit::string(text), NOT_IN_TEXT),
            order,
        );
        report.review.push(format!(
            "{}: {text:?} is not in the vendor text",
            label(key)
        ));
    };
    if old_page.is_none() && vendor.title.is_none() {
        placeholder(page, "title", source.title.unwrap_or(UNKNOWN));
    }
    match (source.page, old_page.map(|page| &page.page)) {
        (Some(id), Some(old_id)) if id != old_id => {
            edit::set(page, "page", edit::string(id), order);
            report
                .summary
                .push(format!("{}: {old_id} -> {id}", label("page")));
        }
        (Some(id), None) => edit::set(page, "page", edit::string(id), order),
        (None, None) => placeholder(page, "page", UNKNOWN),
        _ => {}
    }
    let old_columns = old_page.map_or(&[][..], |page| page.columns.as_slice());
    if vendor.columns != old_columns {
        edit::set(page, "columns", edit::strings(&vendor.columns), order);
        if old_page.is_some() {
            report.summary.push(format!(
                "{}: {old_columns:?} -> {:?}",
                label("columns"),
                vendor.columns
            ));
        }
    }
    notes(toml, &old.name, vendor, report);
}

/// Keeps the page's NOTE cells as a comment above the `[[table]]`, unless
/// it already has them: no spec key holds a note of the whole page.
fn notes(toml: &mut Table, table_name: &str, vendor: &Vendor, report: &mut Report) {
    if vendor.notes.is_empty() {
        return;
    }
    let decor = toml.decor_mut();
    // A table without a prefix of its own is printed after a blank line:
    // keep it before the comment.
    let prefix = decor
        .prefix()
        .and_then(|prefix| prefix.as_str())
        .unwrap_or("\n")
        .to_owned();
    let lines: Vec<String> = vendor
        .notes
        .iter()
        .map(|note| format!("#   {}\n", comment_text(note)))
        .collect();
    if lines.iter().all(|line| prefix.contains(line.as_str())) {
        return;
    }
    let comment = format!(
        "{prefix}# review: the vendor's page has a note no spec key holds:\n{}",
        lines.concat()
    );
    decor.set_prefix(comment);
    report.review.push(format!(
        "table {table_name}: the page's note is kept as a comment above the table"
    ));
}

/// `text` as a TOML comment may hold it: control characters (but tab),
/// which no comment may contain, escaped as `\u{1}`.
fn comment_text(text: &str) -> String {
    text.chars()
        .map(|c| match c.is_control() && c != '\t' {
            true => c.escape_default().to_string(),
            false => c.to_string(),
        })
        .collect()
}
