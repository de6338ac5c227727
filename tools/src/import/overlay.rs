//! Merges a checked vendor table into one `[[table]]` of a spec in the
//! language that does not give the table its rows (Chinese texts into a
//! table transcribed from the English page): texts are added to the
//! existing rows, reasons and object kinds by code, and nothing else
//! changes. A row or reason the spec lacks, or an object where the spec
//! has none, is an error at its vendor line: the other language's page
//! says what the table holds.

use std::collections::BTreeMap;

use toml_edit::Table;

use super::base::Base;
use super::changes::{Report, set_text, set_texts};
use super::edit::{self, KIND_KEYS, REASON_KEYS, ROW_KEYS};
use super::vendor::{self, Paragraph, Vendor, error};
use super::{Lang, merge, page};
use crate::lang::SpecLang;
use crate::vendor_doc::DocError;
use codes_codegen::model::{self, ReasonCodes};
use codes_codegen::schema;

/// Adds the texts of `vendor`, a page in `source.lang`, to `toml`, the
/// `[[table]]` entry that `old` was validated from; every row, reason or
/// object the spec does not have is an error.
pub(super) fn table(
    toml: &mut Table,
    old: &model::Table,
    vendor: &Vendor,
    source: page::Source<'_>,
    report: &mut Report,
) -> Result<(), Vec<DocError>> {
    let lang = source.lang;
    let mut errors = Vec::new();
    page::merge(toml, &Base::existing(old), vendor, source, report);
    let by_code = merge::rows_by_code(old.rows());
    let mut matched: Vec<Option<&vendor::Row>> = vec![None; old.rows().len()];
    for row in &vendor.rows {
        match by_code.get(&row.code) {
            Some(&index) => matched[index] = Some(row),
            None => errors.push(error(
                row.line,
                format!(
                    "row {} is not in table {} of the spec (its rows come from its {} page)",
                    row.code,
                    old.name(),
                    old.primary_lang().name()
                ),
            )),
        }
    }
    let kind_texts = kind_texts(old, &matched, &mut errors);
    let mut rows = edit::take_tables(toml, schema::table::ROW.name);
    for (index, (old_row, vendor_row)) in old.rows().iter().zip(&matched).enumerate() {
        let Some(vendor_row) = vendor_row else {
            report.summary.push(format!(
                "row {}: not on the {} page (its {} texts are kept)",
                old_row.code(),
                lang.name(),
                lang.name()
            ));
            continue;
        };
        if let Some(table) = rows.get_mut(index) {
            let row = Row {
                lang,
                old: old_row,
                vendor: vendor_row,
            };
            row.merge(table, report, &mut errors);
        }
    }
    edit::put_tables(toml, schema::table::ROW.name, rows, edit::TABLE_KEYS);
    let mut kinds = edit::take_tables(toml, schema::table::OBJECT_KIND.name);
    for (index, text) in &kind_texts {
        if let (Some(table), Some(kind)) = (kinds.get_mut(*index), old.object_kinds().get(*index)) {
            set_text(
                table,
                lang.keys().text,
                lang.text(kind.text()).map(String::as_str),
                Some(text),
                KIND_KEYS,
                &format!("object kind `{}`", kind.name()),
                report,
            );
        }
    }
    edit::put_tables(
        toml,
        schema::table::OBJECT_KIND.name,
        kinds,
        edit::TABLE_KEYS,
    );
    match errors.is_empty() {
        true => Ok(()),
        false => Err(errors),
    }
}

/// The text the vendor gives each object kind, by the objects of the rows
/// that name it; a row whose object the spec's row does not have, or two
/// texts for one kind, is an error.
fn kind_texts<'v>(
    old: &model::Table,
    matched: &[Option<&'v vendor::Row>],
    errors: &mut Vec<DocError>,
) -> BTreeMap<usize, &'v str> {
    let mut texts: BTreeMap<usize, (&'v str, usize)> = BTreeMap::new();
    for (old_row, vendor_row) in old.rows().iter().zip(matched) {
        let Some(vendor_row) = vendor_row else {
            continue;
        };
        let line = vendor_row.object_line;
        match (old_row.object(), vendor_row.object.as_deref()) {
            (None, None) => {}
            (Some(kind), None) => errors.push(error(
                line,
                format!(
                    "row {} has object kind `{}` in the spec, the page gives it no object",
                    old_row.code(),
                    old.object_kinds().get(kind).map_or("", |kind| kind.name())
                ),
            )),
            (None, Some(text)) => errors.push(error(
                line,
                format!(
                    "row {} has no object in the spec, the page gives it {text:?}",
                    old_row.code()
                ),
            )),
            (Some(kind), Some(text)) => match texts.get(&kind) {
                Some((first, first_line)) if *first != text => errors.push(error(
                    line,
                    format!(
                        "object {text:?} of row {} is object kind `{}`, which line {first_line} calls {first:?}",
                        old_row.code(),
                        old.object_kinds().get(kind).map_or("", |kind| kind.name())
                    ),
                )),
                Some(_) => {}
                None => {
                    texts.insert(kind, (text, line));
                }
            },
        }
    }
    texts
        .into_iter()
        .map(|(kind, (text, _))| (kind, text))
        .collect()
}

/// One spec row and the vendor's row of the same code.
struct Row<'a> {
    lang: Lang,
    old: &'a model::Row,
    vendor: &'a vendor::Row,
}

impl Row<'_> {
    fn merge(&self, table: &mut Table, report: &mut Report, errors: &mut Vec<DocError>) {
        let place = format!("row {}", self.old.code());
        let keys = self.lang.keys();
        // Constant names are the vendor's in every language: the page
        // must agree with the spec, and cannot add one.
        match (&self.old.constant(), &self.vendor.constant) {
            (Some(old), Some(new)) if old != new => errors.push(error(
                self.vendor.line,
                format!(
                    "row {} has constant {new} on the page, {old} in the spec",
                    self.old.code()
                ),
            )),
            (None, Some(new)) => errors.push(error(
                self.vendor.line,
                format!(
                    "row {} has constant {new} on the page, none in the spec",
                    self.old.code()
                ),
            )),
            _ => {}
        }
        set_text(
            table,
            keys.description,
            self.lang.text(self.old.description()).map(String::as_str),
            self.vendor.description.as_deref(),
            ROW_KEYS,
            &place,
            report,
        );
        let mut reasons = edit::take_tables(table, schema::row::REASON.name);
        let open = self.open_reason(errors);
        let mut notes = Vec::new();
        for (position, paragraph) in self.vendor.cell.iter().enumerate() {
            match paragraph {
                Paragraph::Note(note) if open.is_some_and(|(at, _)| at == position) => {
                    if let Some((_, index)) = open {
                        self.reason_text(&mut reasons, index, Some(note), report);
                    }
                }
                Paragraph::Note(note) => notes.push(note.clone()),
                Paragraph::Reason(reason) => {
                    match self
                        .old
                        .reasons()
                        .iter()
                        .position(|old| old.codes() == reason.codes)
                    {
                        Some(index) => self.reason_text(
                            &mut reasons,
                            index,
                            reason.description.as_ref(),
                            report,
                        ),
                        None => errors.push(error(
                            reason.line,
                            format!(
                                "reason {} of row {} is not in the spec (the row's reasons: {})",
                                reason.codes,
                                self.old.code(),
                                self.old_reasons()
                            ),
                        )),
                    }
                }
            }
        }
        for old in self.old.reasons() {
            let on_page = self
                .vendor
                .reasons()
                .any(|reason| reason.codes == old.codes())
                || (matches!(old.codes(), ReasonCodes::Open { .. }) && open.is_some());
            if !on_page {
                report.summary.push(format!(
                    "{place}: reason {} not on the {} page (its {} text is kept)",
                    old.codes(),
                    self.lang.name(),
                    self.lang.name()
                ));
            }
        }
        edit::put_tables(table, schema::row::REASON.name, reasons, ROW_KEYS);
        set_texts(
            table,
            keys.notes,
            self.lang.notes(self.old),
            &notes,
            ROW_KEYS,
            &place,
            report,
        );
    }

    /// The spec row's reasons, for a message: `1, 2, 200-250` or `none`.
    fn old_reasons(&self) -> String {
        let codes: Vec<String> = self
            .old
            .reasons()
            .iter()
            .map(|reason| reason.codes().to_string())
            .collect();
        match codes.is_empty() {
            true => "none".to_owned(),
            false => codes.join(", "),
        }
    }

    /// Which free sentence of the cell describes the row's open reason (its
    /// position in the cell, and the reason's index): the one equal to the
    /// reason's text in this language; failing that, when the row has no
    /// notes in its other language, the first. More free sentences than
    /// that cannot be told apart: an error.
    fn open_reason(&self, errors: &mut Vec<DocError>) -> Option<(usize, usize)> {
        let (index, reason) = self
            .old
            .reasons()
            .iter()
            .enumerate()
            .find(|(_, reason)| matches!(reason.codes(), ReasonCodes::Open { .. }))?;
        let notes: Vec<(usize, &String)> = self
            .vendor
            .cell
            .iter()
            .enumerate()
            .filter_map(|(position, paragraph)| match paragraph {
                Paragraph::Note(note) => Some((position, note)),
                Paragraph::Reason(_) => None,
            })
            .collect();
        if let Some(text) = self.lang.text(reason.description())
            && let Some((position, _)) = notes.iter().find(|(_, note)| *note == text)
        {
            return Some((*position, index));
        }
        let other_notes = match self.lang {
            Lang::En => &self.old.notes_zh(),
            Lang::Zh => &self.old.notes(),
        };
        match notes.as_slice() {
            [] => None,
            [(position, _)] => Some((*position, index)),
            [(position, _), ..] if other_notes.is_empty() => Some((*position, index)),
            [_, ..] => {
                errors.push(error(
                    self.vendor.line,
                    format!(
                        "row {} has an open reason (`{}`) and {} free sentences: which one describes it cannot be told",
                        self.old.code(),
                        reason.name(),
                        notes.len()
                    ),
                ));
                None
            }
        }
    }

    /// Brings reason `index`'s text in this language to `text`.
    fn reason_text(
        &self,
        reasons: &mut [Table],
        index: usize,
        text: Option<&String>,
        report: &mut Report,
    ) {
        let (Some(table), Some(old)) = (reasons.get_mut(index), self.old.reasons().get(index))
        else {
            return;
        };
        set_text(
            table,
            self.lang.keys().description,
            self.lang.text(old.description()).map(String::as_str),
            text.map(String::as_str),
            REASON_KEYS,
            &format!("row {}: reason {}", self.old.code(), old.codes()),
            report,
        );
    }
}
