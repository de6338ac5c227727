//! Merges a checked vendor table into one `[[table]]` of a spec document in
//! the language that gives the table its rows: rows, reasons and object
//! kinds follow the vendor (added, removed, reordered); existing entries
//! keep their names and formatting, vendor text replaces theirs, new
//! entries get proposed names marked for review. A fresh import is this
//! merge into an empty table.

use std::collections::BTreeMap;

use toml_edit::{Item, Table, Value};

use super::Lang;
use super::base::Base;
use super::changes::{Report, mark_translation, reworded, set_text, set_texts};
use super::edit::{self, KIND_KEYS, PROPOSED, REASON_KEYS, ROW_KEYS, TABLE_KEYS};
use super::names::{self, Namespace};
use super::page;
use super::vendor::{self, Paragraph, Vendor};
use crate::lang::SpecLang;
use codes_codegen::model::{self, ReasonCodes, RowCode};
use codes_codegen::schema;

/// Variants the generator adds to row and reason enums.
const REASON_BUILTINS: &[&str] = &["NotApplicable", "Unlisted"];
/// Variants the generator adds to the object kind enum.
const OBJECT_BUILTINS: &[&str] = &["NotApplicable", "Other"];
/// The record names proposed when a table gains objects or reasons.
const RECORD_DEFAULTS: [(&str, &str); 3] = [
    (schema::table::RECORD.name, "Operation"),
    (schema::table::OBJECT.name, "Object"),
    (schema::table::REASON.name, "Reason"),
];

/// Merges `vendor`, a page in `source.lang`, into `toml`, the `[[table]]`
/// entry that `old` was validated from; `types` holds every type name of
/// the spec.
pub(super) fn table(
    toml: &mut Table,
    old: &Base<'_>,
    vendor: &Vendor,
    source: page::Source<'_>,
    types: &mut Namespace,
    report: &mut Report,
) {
    let lang = source.lang;
    page::merge(toml, old, vendor, source, report);
    let reason_suffix = record_names(toml, old, vendor, types, report);
    let kinds = object_kinds(toml, old, vendor, lang, report);
    let rows = Rows {
        old: *old,
        vendor,
        lang,
        kinds: &kinds,
    };
    rows.merge(toml, &reason_suffix, types, report);
}

/// The reason enum suffix, adding record names (proposed) when the table
/// gains objects or reasons and has none.
fn record_names(
    toml: &mut Table,
    old: &Base<'_>,
    vendor: &Vendor,
    types: &mut Namespace,
    report: &mut Report,
) -> String {
    if let Some([_, _, reason]) = old.record() {
        return reason.to_owned();
    }
    let needed = vendor
        .rows
        .iter()
        .any(|row| row.object.is_some() || row.reasons().next().is_some());
    if !needed {
        return RECORD_DEFAULTS[2].1.to_string();
    }
    let mut chosen = Vec::new();
    for (key, default) in RECORD_DEFAULTS {
        let name = names::propose(Some(default), default, default, |name| {
            types.is_free(name)
                && (key != schema::table::OBJECT.name || types.is_free(&format!("{name}Kind")))
        });
        types.take(&name);
        if key == schema::table::OBJECT.name {
            types.take(&format!("{name}Kind"));
        }
        edit::set(
            toml,
            key,
            edit::commented(edit::string(&name), PROPOSED),
            TABLE_KEYS,
        );
        report.review.push(format!(
            "table {}, {key}: proposed name `{name}`",
            old.name()
        ));
        chosen.push(name);
    }
    report.summary.push(format!(
        "record names added as `{}`, `{}`, `{}` (proposed names: review them)",
        chosen[0], chosen[1], chosen[2]
    ));
    chosen.swap_remove(2)
}

/// Object kinds: the old ones the vendor still names, then new ones in the
/// vendor's order. Returns the kind name of each vendor object text.
fn object_kinds(
    toml: &mut Table,
    old: &Base<'_>,
    vendor: &Vendor,
    lang: Lang,
    report: &mut Report,
) -> BTreeMap<String, String> {
    let mut texts: Vec<&str> = Vec::new();
    for text in vendor.rows.iter().filter_map(|row| row.object.as_deref()) {
        if !texts.contains(&text) {
            texts.push(text);
        }
    }
    let mut old_tables = edit::take_tables(toml, schema::table::OBJECT_KIND.name).into_iter();
    let mut names = Namespace::with(OBJECT_BUILTINS);
    for kind in old.object_kinds() {
        names.take(kind.name());
    }
    let mut by_text: BTreeMap<String, String> = BTreeMap::new();
    let mut tables = Vec::new();
    let mut removed = Vec::new();
    for kind in old.object_kinds() {
        let table = old_tables.next().unwrap_or_default();
        let text = lang.text(kind.text()).cloned().unwrap_or_default();
        if texts.contains(&text.as_str()) && !by_text.contains_key(&text) {
            by_text.insert(text, kind.name().to_owned());
            tables.push(table);
        } else {
            removed.push(format!("object kind `{}` ({text:?}) removed", kind.name()));
        }
    }
    for text in texts {
        if by_text.contains_key(text) {
            continue;
        }
        let fallback = format!("Kind{}", by_text.len() + 1);
        let name = names::propose(Some(text), &fallback, "Kind", |name| names.is_free(name));
        names.take(&name);
        let mut table = Table::new();
        table.insert(
            schema::object_kind::NAME.name,
            Item::Value(edit::commented(edit::string(&name), PROPOSED)),
        );
        edit::insert(
            &mut table,
            lang.keys().text,
            Item::Value(edit::string(text)),
            KIND_KEYS,
        );
        tables.push(table);
        report.proposed(
            format!("object kind {text:?}"),
            format!("object kind {text:?}"),
            &name,
        );
        by_text.insert(text.to_string(), name);
    }
    report.summary.extend(removed);
    edit::put_tables(toml, schema::table::OBJECT_KIND.name, tables, TABLE_KEYS);
    by_text
}

/// The index of each row of `table`, by code.
pub(super) fn rows_by_code(rows: &[model::Row]) -> BTreeMap<&RowCode, usize> {
    rows.iter()
        .enumerate()
        .map(|(index, row)| (row.code(), index))
        .collect()
}

/// The namespaces a new row name must be free in.
struct RowNames<'a> {
    rows: Namespace,
    types: &'a mut Namespace,
    reason_suffix: &'a str,
    /// What every constant name of the table starts with (`AGENT_TYPE_`),
    /// left out of names made from constants.
    constant_prefix: String,
}

impl RowNames<'_> {
    /// A name for `row`: from its constant name where the table has them
    /// (`AGENT_TYPE_PC_PHONE` → `PcPhone`), else from its description, else
    /// from its text code, else from its number.
    fn propose(&mut self, row: &vendor::Row, position: usize) -> String {
        let fallback = match &row.code {
            RowCode::Integer(code) => names::code_name(*code),
            RowCode::Text(_) => format!("Value{}", position + 1),
        };
        let from_constant = row
            .constant
            .as_deref()
            .map(|constant| names::from_constant(constant, &self.constant_prefix));
        let text = match &row.code {
            RowCode::Text(text) => Some(text.as_str()),
            RowCode::Integer(_) => row.description.as_deref(),
        };
        let free = |name: &str| {
            self.rows.is_free(name) && self.types.is_free(&format!("{name}{}", self.reason_suffix))
        };
        let name = match from_constant {
            Some(base) => names::propose(Some(&base), &fallback, "Code", free),
            None => names::propose(text, &fallback, "Code", free),
        };
        self.rows.take(&name);
        self.types.take(&format!("{name}{}", self.reason_suffix));
        name
    }
}

/// The rows of a merge: the old table, the vendor's, and the kind name of
/// each vendor object text.
struct Rows<'a> {
    old: Base<'a>,
    vendor: &'a Vendor,
    lang: Lang,
    kinds: &'a BTreeMap<String, String>,
}

impl Rows<'_> {
    fn merge(
        &self,
        toml: &mut Table,
        reason_suffix: &str,
        types: &mut Namespace,
        report: &mut Report,
    ) {
        let old = self.old;
        let mut slots: Vec<Option<Table>> = edit::take_tables(toml, schema::table::ROW.name)
            .into_iter()
            .map(Some)
            .collect();
        let by_code = rows_by_code(old.rows());
        let mut names = RowNames {
            rows: Namespace::with(REASON_BUILTINS),
            types,
            reason_suffix,
            constant_prefix: names::constant_prefix(
                self.vendor
                    .rows
                    .iter()
                    .filter_map(|row| row.constant.as_deref()),
            ),
        };
        for row in old.rows() {
            names.rows.take(row.name());
        }
        let mut tables = Vec::with_capacity(self.vendor.rows.len());
        let mut kept = Vec::new();
        for (position, row) in self.vendor.rows.iter().enumerate() {
            let object = row.object.as_ref().and_then(|text| self.kinds.get(text));
            match by_code.get(&row.code) {
                Some(&index) => {
                    let mut table = slots
                        .get_mut(index)
                        .and_then(Option::take)
                        .unwrap_or_default();
                    self.existing_row(&mut table, &old.rows()[index], row, object, report);
                    kept.push(index);
                    tables.push(table);
                }
                None => {
                    let name = names.propose(row, position);
                    tables.push(self.new_row(row, &name, object, report));
                }
            }
        }
        // A row the page lacks is removed, but one with no text in the
        // page's language, which only the other language's page gives
        // (the media types 54 and 55, missing from the only English copy):
        // it stays after the row it follows in the spec.
        let mut placed: Vec<Option<usize>> = vec![None; old.rows().len()];
        for (position, &index) in kept.iter().enumerate() {
            placed[index] = Some(position);
        }
        for (index, (row, slot)) in old.rows().iter().zip(&mut slots).enumerate() {
            let Some(table) = slot.take() else { continue };
            let other_language_only = self.lang.text(row.description()).is_none()
                && self.lang.fallback().text(row.description()).is_some();
            if !other_language_only {
                report
                    .summary
                    .push(format!("row {} removed (was `{}`)", row.code(), row.name()));
                continue;
            }
            let at = placed[..index]
                .iter()
                .rev()
                .find_map(|position| *position)
                .map_or(0, |position| position + 1);
            tables.insert(at, table);
            for position in placed.iter_mut().flatten() {
                if *position >= at {
                    *position += 1;
                }
            }
            placed[index] = Some(at);
            report.summary.push(format!(
                "row {}: not on the {} page (its {} texts are kept)",
                row.code(),
                self.lang.name(),
                self.lang.fallback().name()
            ));
        }
        if !kept.is_sorted() {
            report
                .summary
                .push("rows reordered to follow the vendor table".to_string());
        }
        edit::put_tables(toml, schema::table::ROW.name, tables, TABLE_KEYS);
    }

    fn existing_row(
        &self,
        table: &mut Table,
        old: &model::Row,
        row: &vendor::Row,
        object: Option<&String>,
        report: &mut Report,
    ) {
        let place = format!("row {}", row.code);
        let keys = self.lang.keys();
        set_text(
            table,
            schema::row::CONSTANT.name,
            old.constant(),
            row.constant.as_deref(),
            ROW_KEYS,
            &place,
            report,
        );
        let old_description = self.lang.text(old.description()).map(String::as_str);
        set_text(
            table,
            keys.description,
            old_description,
            row.description.as_deref(),
            ROW_KEYS,
            &place,
            report,
        );
        let other = self.lang.fallback().keys();
        if let (Some(before), Some(after)) = (old_description, row.description.as_deref())
            && reworded(before, after)
        {
            mark_translation(table, other.description, before, &place, report);
        }
        // A text the page changes comes from the page now, no longer from
        // the other page the row named.
        let page_key = schema::row::PAGES.key(self.lang).name;
        if old_description != row.description.as_deref()
            && let Some(page) = self.lang.text(old.pages())
        {
            table.remove(page_key);
            report.summary.push(format!(
                "{place}: {page_key} {page} dropped: its text is this page's"
            ));
        }
        let old_object = old
            .object()
            .and_then(|kind| self.old.object_kinds().get(kind))
            .map(|kind| kind.name());
        let object = object.map(String::as_str);
        if old_object != object {
            match object {
                Some(name) => edit::set(
                    table,
                    schema::row::OBJECT.name,
                    edit::string(name),
                    ROW_KEYS,
                ),
                None => {
                    table.remove(schema::row::OBJECT.name);
                }
            }
            let show =
                |name: Option<&str>| name.map_or("none".to_string(), |name| format!("`{name}`"));
            report.summary.push(format!(
                "{place}: object {} -> {}",
                show(old_object),
                show(object)
            ));
        }
        let notes = self.reasons(table, old, row, report);
        let old_notes = self.lang.notes(old);
        set_texts(
            table, keys.notes, old_notes, &notes, ROW_KEYS, &place, report,
        );
        let notes_reworded = old_notes.len() != notes.len()
            || old_notes
                .iter()
                .zip(&notes)
                .any(|(before, after)| reworded(before, after));
        if !old_notes.is_empty() && notes_reworded {
            mark_translation(table, other.notes, old_notes, &place, report);
        }
    }

    /// Merges the reasons of a row; returns its notes (the free sentences
    /// that are not its open reason).
    fn reasons(
        &self,
        table: &mut Table,
        old: &model::Row,
        row: &vendor::Row,
        report: &mut Report,
    ) -> Vec<String> {
        let code = &row.code;
        let mut slots: Vec<Option<Table>> = edit::take_tables(table, schema::row::REASON.name)
            .into_iter()
            .map(Some)
            .collect();
        let matches = match_reasons(old, row, self.lang);
        let mut names = Namespace::with(REASON_BUILTINS);
        for reason in old.reasons() {
            names.take(reason.name());
        }
        let mut notes = Vec::new();
        let mut tables = Vec::new();
        let mut kept = Vec::new();
        for (paragraph, matched) in row.cell.iter().zip(&matches) {
            match (paragraph, *matched) {
                (Paragraph::Note(note), None) => notes.push(note.clone()),
                (Paragraph::Note(_), Some(index)) => {
                    tables.push(
                        slots
                            .get_mut(index)
                            .and_then(Option::take)
                            .unwrap_or_default(),
                    );
                    kept.push(index);
                }
                (Paragraph::Reason(reason), Some(index)) => {
                    let mut reason_table = slots
                        .get_mut(index)
                        .and_then(Option::take)
                        .unwrap_or_default();
                    self.existing_reason(
                        &mut reason_table,
                        code,
                        &old.reasons()[index],
                        reason,
                        report,
                    );
                    tables.push(reason_table);
                    kept.push(index);
                }
                (Paragraph::Reason(reason), None) => {
                    tables.push(self.new_reason(code, reason, &mut names, report));
                }
            }
        }
        for (reason, slot) in old.reasons().iter().zip(&slots) {
            if slot.is_some() {
                report.summary.push(format!(
                    "row {code}: reason {} removed (was `{}`)",
                    reason.codes(),
                    reason.name()
                ));
            }
        }
        if !kept.is_sorted() {
            report.summary.push(format!(
                "row {code}: reasons reordered to follow the vendor table"
            ));
        }
        edit::put_tables(table, schema::row::REASON.name, tables, ROW_KEYS);
        notes
    }

    fn existing_reason(
        &self,
        table: &mut Table,
        code: &RowCode,
        old: &model::Reason,
        reason: &vendor::Reason,
        report: &mut Report,
    ) {
        if let (ReasonCodes::Range { start, end }, true) =
            (reason.codes, reason.codes != old.codes())
        {
            edit::set(
                table,
                schema::reason::RANGE.name,
                edit::range(start, end),
                REASON_KEYS,
            );
            report.summary.push(format!(
                "row {code}: reason {} -> {} (keeps `{}`)",
                old.codes(),
                reason.codes,
                old.name()
            ));
        }
        let place = format!("row {code}: reason {}", reason.codes);
        let before = self.lang.text(old.description()).map(String::as_str);
        set_text(
            table,
            self.lang.keys().description,
            before,
            reason.description.as_deref(),
            REASON_KEYS,
            &place,
            report,
        );
        if let (Some(before), Some(after)) = (before, reason.description.as_deref())
            && reworded(before, after)
        {
            let other = self.lang.fallback().keys();
            mark_translation(table, other.description, before, &place, report);
        }
    }

    fn new_row(
        &self,
        row: &vendor::Row,
        name: &str,
        object: Option<&String>,
        report: &mut Report,
    ) -> Table {
        let code = &row.code;
        let keys = self.lang.keys();
        report.proposed(format!("row {code}"), format!("row {code}"), name);
        let mut table = Table::new();
        let code_value = match code {
            RowCode::Integer(code) => Value::from(i64::from(*code)),
            RowCode::Text(text) => edit::string(text),
        };
        table.insert(schema::row::CODE.name, Item::Value(code_value));
        table.insert(
            schema::row::NAME.name,
            Item::Value(edit::commented(edit::string(name), PROPOSED)),
        );
        if let Some(constant) = &row.constant {
            table.insert(
                schema::row::CONSTANT.name,
                Item::Value(edit::string(constant)),
            );
        }
        if let Some(description) = &row.description {
            table.insert(keys.description, Item::Value(edit::string(description)));
        }
        if let Some(object) = object {
            table.insert(schema::row::OBJECT.name, Item::Value(edit::string(object)));
        }
        let notes: Vec<String> = row.notes().cloned().collect();
        if !notes.is_empty() {
            table.insert(keys.notes, Item::Value(edit::strings(&notes)));
        }
        let mut reason_names = Namespace::with(REASON_BUILTINS);
        let mut reasons = Vec::new();
        for reason in row.reasons() {
            reasons.push(self.new_reason(code, reason, &mut reason_names, report));
        }
        edit::put_tables(&mut table, schema::row::REASON.name, reasons, ROW_KEYS);
        table
    }

    /// A new reason of row `code`, its name proposed free in `names`.
    fn new_reason(
        &self,
        code: &RowCode,
        reason: &vendor::Reason,
        names: &mut Namespace,
        report: &mut Report,
    ) -> Table {
        let name = names::propose(
            reason.description.as_deref(),
            &names::reason_name(reason.codes),
            "Code",
            |name| names.is_free(name),
        );
        names.take(&name);
        report.proposed(
            format!("row {code}: reason {}", reason.codes),
            format!("row {code}, reason {}", reason.codes),
            &name,
        );
        let mut table = Table::new();
        match reason.codes {
            ReasonCodes::Single(code) => {
                table.insert(
                    schema::reason::CODE.name,
                    Item::Value(Value::from(i64::from(code))),
                );
            }
            ReasonCodes::Range { start, end } => {
                table.insert(
                    schema::reason::RANGE.name,
                    Item::Value(edit::range(start, end)),
                );
            }
            // A vendor cell gives no open reason; only an old one is kept.
            ReasonCodes::Open { .. } => {}
        }
        table.insert(
            schema::reason::NAME.name,
            Item::Value(edit::commented(edit::string(&name), PROPOSED)),
        );
        if let Some(description) = &reason.description {
            table.insert(
                self.lang.keys().description,
                Item::Value(edit::string(description)),
            );
        }
        table
    }
}

/// For each paragraph of the vendor cell, the old reason it continues:
/// single codes by code, ranges by bounds (or, failing that, the one old
/// range it alone overlaps), the open reason by the note equal to its
/// description.
fn match_reasons(old: &model::Row, row: &vendor::Row, lang: Lang) -> Vec<Option<usize>> {
    let mut matches: Vec<Option<usize>> = vec![None; row.cell.len()];
    let mut taken = vec![false; old.reasons().len()];
    let open = old
        .reasons()
        .iter()
        .enumerate()
        .find_map(
            |(index, reason)| match (reason.codes(), lang.text(reason.description())) {
                (ReasonCodes::Open { .. }, Some(description)) => Some((index, description)),
                _ => None,
            },
        );
    if let Some((index, description)) = open {
        let note = row.cell.iter().position(
            |paragraph| matches!(paragraph, Paragraph::Note(note) if note == description),
        );
        if let Some(position) = note {
            matches[position] = Some(index);
            taken[index] = true;
        }
    }
    for (position, paragraph) in row.cell.iter().enumerate() {
        let Paragraph::Reason(reason) = paragraph else {
            continue;
        };
        let same = old
            .reasons()
            .iter()
            .enumerate()
            .position(|(index, old_reason)| !taken[index] && old_reason.codes() == reason.codes);
        if let Some(index) = same {
            matches[position] = Some(index);
            taken[index] = true;
        }
    }
    let bounds = |codes: ReasonCodes| match codes {
        ReasonCodes::Range { start, end } => Some((start, end)),
        _ => None,
    };
    let overlap = |(a, b): (i32, i32), (c, d): (i32, i32)| a <= d && c <= b;
    let new_ranges: Vec<(usize, (i32, i32))> = row
        .cell
        .iter()
        .enumerate()
        .filter(|(position, _)| matches[*position].is_none())
        .filter_map(|(position, paragraph)| match paragraph {
            Paragraph::Reason(reason) => bounds(reason.codes).map(|range| (position, range)),
            Paragraph::Note(_) => None,
        })
        .collect();
    let old_ranges: Vec<(usize, (i32, i32))> = old
        .reasons()
        .iter()
        .enumerate()
        .filter(|(index, _)| !taken[*index])
        .filter_map(|(index, reason)| bounds(reason.codes()).map(|range| (index, range)))
        .collect();
    let mut pairs = Vec::new();
    for &(position, range) in &new_ranges {
        let candidates: Vec<_> = old_ranges
            .iter()
            .filter(|(_, old_range)| overlap(range, *old_range))
            .collect();
        if let [(index, old_range)] = candidates.as_slice() {
            let rivals = new_ranges
                .iter()
                .filter(|(_, other)| overlap(*other, *old_range))
                .count();
            if rivals == 1 {
                pairs.push((position, *index));
            }
        }
    }
    for (position, index) in pairs {
        matches[position] = Some(index);
    }
    matches
}
