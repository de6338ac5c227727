//! A table's page in one language (title, subtitle, caption, page id,
//! update date, column headers, the notes of the whole table) brought to
//! the vendor's.

use toml_edit::Table;

use super::Lang;
use super::base::Base;
use super::changes::Report;
use super::edit::{self, NOT_IN_TEXT, PAGE_KEYS, TABLE_KEYS};
use super::vendor::Vendor;
use codes_codegen::schema;

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
    old: &Base<'_>,
    vendor: &Vendor,
    source: Source<'_>,
    report: &mut Report,
) {
    let lang = source.lang;
    let old_page = old.page_in(lang);
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
        (
            schema::page::TITLE.name,
            old_page.map(|page| page.title()),
            &vendor.title,
        ),
        (
            schema::page::SUBTITLE.name,
            old_page.and_then(|page| page.subtitle()),
            &vendor.subtitle,
        ),
        (
            schema::page::CAPTION.name,
            old_page.and_then(|page| page.caption()),
            &vendor.caption,
        ),
        (
            schema::page::UPDATED.name,
            old_page.and_then(|page| page.updated()),
            &vendor.updated,
        ),
    ];
    for (key, old_text, new_text) in texts {
        if let Some(new_text) = new_text
            .as_ref()
            .filter(|new| Some(new.as_str()) != old_text)
        {
            edit::set(page, key, edit::string(new_text), order);
            report.summary.push(format!(
                "{}: {} -> {new_text}",
                label(key),
                old_text.unwrap_or("(none)")
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
        placeholder(
            page,
            schema::page::TITLE.name,
            source.title.unwrap_or(UNKNOWN),
        );
    }
    match (source.page, old_page.map(|page| page.page())) {
        (Some(id), Some(old_id)) if id != old_id => {
            edit::set(page, schema::page::PAGE.name, edit::string(id), order);
            report.summary.push(format!(
                "{}: {old_id} -> {id}",
                label(schema::page::PAGE.name)
            ));
        }
        (Some(id), None) => edit::set(page, schema::page::PAGE.name, edit::string(id), order),
        (None, None) => placeholder(page, schema::page::PAGE.name, UNKNOWN),
        _ => {}
    }
    let old_columns = old_page.map_or(&[][..], |page| page.columns());
    if vendor.columns != old_columns {
        edit::set(
            page,
            schema::page::COLUMNS.name,
            edit::strings(&vendor.columns),
            order,
        );
        if old_page.is_some() {
            report.summary.push(format!(
                "{}: {old_columns:?} -> {:?}",
                label(schema::page::COLUMNS.name),
                vendor.columns
            ));
        }
    }
    let old_notes = old_page.map_or(&[][..], |page| page.notes());
    if !vendor.notes.is_empty() && vendor.notes != old_notes {
        edit::set(
            page,
            schema::page::NOTES.name,
            edit::strings(&vendor.notes),
            order,
        );
        if old_page.is_some() {
            report.summary.push(format!(
                "{}: notes changed",
                label(schema::page::NOTES.name)
            ));
        }
    }
}
