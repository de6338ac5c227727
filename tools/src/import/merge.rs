//! Merges a checked vendor table into one `[[table]]` of a spec document:
//! existing entries keep their names and formatting, vendor text replaces
//! theirs, new entries get proposed names marked for review.

use std::collections::BTreeMap;

use toml_edit::{Item, Table, Value};

use super::edit::{self, PROPOSED, REASON_KEYS, ROW_KEYS, TABLE_KEYS};
use super::names::{self, Namespace};
use super::vendor::{self, Paragraph, Vendor};
use codes_codegen::model::{self, ReasonCodes};

/// Variants the generator adds to row and reason enums.
const REASON_BUILTINS: &[&str] = &["NotApplicable", "Unlisted"];
/// Variants the generator adds to the object kind enum.
const OBJECT_BUILTINS: &[&str] = &["NotApplicable", "Other"];
/// The record names proposed when a table gains objects or reasons.
const RECORD_DEFAULTS: [(&str, &str); 3] = [
    ("record", "Operation"),
    ("object", "Object"),
    ("reason", "Reason"),
];

/// What a merge changed, and what it wants a person to look at.
#[derive(Debug, Default)]
pub(super) struct Report {
    /// One line per change.
    pub summary: Vec<String>,
    /// One line per `# review` comment written, in document order.
    pub review: Vec<String>,
}

impl Report {
    fn proposed(&mut self, change: String, place: String, name: &str) {
        self.summary.push(format!(
            "{change} added as `{name}` (proposed name: review it)"
        ));
        self.review.push(format!("{place}: proposed name `{name}`"));
    }
}

/// Merges `vendor` into `toml`, the `[[table]]` entry that `old` was
/// validated from; `types` holds every type name of the spec.
pub(super) fn table(
    toml: &mut Table,
    old: &model::Table,
    vendor: &Vendor,
    types: &mut Namespace,
    report: &mut Report,
) {
    metadata(toml, old, vendor, report);
    let reason_suffix = record_names(toml, old, vendor, types, report);
    let kinds = object_kinds(toml, old, vendor, report);
    rows(toml, old, vendor, &kinds, &reason_suffix, types, report);
}

fn metadata(toml: &mut Table, old: &model::Table, vendor: &Vendor, report: &mut Report) {
    let page = old.en.clone().unwrap_or_default();
    let texts = [
        ("title", Some(&page.title), &vendor.title),
        ("caption", page.caption.as_ref(), &vendor.caption),
        ("updated", page.updated.as_ref(), &vendor.updated),
    ];
    for (key, old_text, new_text) in texts {
        if let Some(new_text) = new_text.as_ref().filter(|new| Some(*new) != old_text) {
            edit::set(toml, key, edit::string(new_text), TABLE_KEYS);
            report.summary.push(format!(
                "{key}: {} -> {new_text}",
                old_text.map_or("(none)", String::as_str)
            ));
        }
    }
    if vendor.columns != page.columns {
        edit::set(toml, "columns", edit::strings(&vendor.columns), TABLE_KEYS);
        report.summary.push(format!(
            "columns: {:?} -> {:?}",
            page.columns, vendor.columns
        ));
    }
}

/// The reason enum suffix, adding record names (proposed) when the table
/// gains objects or reasons and has none.
fn record_names(
    toml: &mut Table,
    old: &model::Table,
    vendor: &Vendor,
    types: &mut Namespace,
    report: &mut Report,
) -> String {
    if let Some(record) = &old.record {
        return record.reason.clone();
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
            types.is_free(name) && (key != "object" || types.is_free(&format!("{name}Kind")))
        });
        types.take(&name);
        if key == "object" {
            types.take(&format!("{name}Kind"));
        }
        edit::set(
            toml,
            key,
            edit::commented(edit::string(&name), PROPOSED),
            TABLE_KEYS,
        );
        report
            .review
            .push(format!("table {}, {key}: proposed name `{name}`", old.name));
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
    old: &model::Table,
    vendor: &Vendor,
    report: &mut Report,
) -> BTreeMap<String, String> {
    let mut texts: Vec<&str> = Vec::new();
    for text in vendor.rows.iter().filter_map(|row| row.object.as_deref()) {
        if !texts.contains(&text) {
            texts.push(text);
        }
    }
    let mut old_tables = edit::take_tables(toml, "object_kind").into_iter();
    let mut names = Namespace::with(OBJECT_BUILTINS);
    for kind in &old.object_kinds {
        names.take(&kind.name);
    }
    let mut by_text: BTreeMap<String, String> = BTreeMap::new();
    let mut tables = Vec::new();
    let mut removed = Vec::new();
    for kind in &old.object_kinds {
        let table = old_tables.next().unwrap_or_default();
        let text = kind.text.en.clone().unwrap_or_default();
        if texts.contains(&text.as_str()) && !by_text.contains_key(&text) {
            by_text.insert(text, kind.name.clone());
            tables.push(table);
        } else {
            removed.push(format!(
                "object kind `{}` ({:?}) removed",
                kind.name,
                kind.text.en.as_deref().unwrap_or_default()
            ));
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
            "name",
            Item::Value(edit::commented(edit::string(&name), PROPOSED)),
        );
        table.insert("text", Item::Value(edit::string(text)));
        tables.push(table);
        report.proposed(
            format!("object kind {text:?}"),
            format!("object kind {text:?}"),
            &name,
        );
        by_text.insert(text.to_string(), name);
    }
    report.summary.extend(removed);
    edit::put_tables(toml, "object_kind", tables, TABLE_KEYS);
    by_text
}

/// The namespaces a new row name must be free in.
struct RowNames<'a> {
    rows: Namespace,
    types: &'a mut Namespace,
    reason_suffix: &'a str,
}

impl RowNames<'_> {
    fn propose(&mut self, row: &vendor::Row) -> String {
        let name = names::propose(
            Some(&row.description),
            &names::code_name(row.code),
            "Code",
            |name| {
                self.rows.is_free(name)
                    && self.types.is_free(&format!("{name}{}", self.reason_suffix))
            },
        );
        self.rows.take(&name);
        self.types.take(&format!("{name}{}", self.reason_suffix));
        name
    }
}

fn rows(
    toml: &mut Table,
    old: &model::Table,
    vendor: &Vendor,
    kinds: &BTreeMap<String, String>,
    reason_suffix: &str,
    types: &mut Namespace,
    report: &mut Report,
) {
    let mut slots: Vec<Option<Table>> = edit::take_tables(toml, "row")
        .into_iter()
        .map(Some)
        .collect();
    let by_code: BTreeMap<i32, usize> = old
        .rows
        .iter()
        .enumerate()
        .filter_map(|(index, row)| Some((row.code.integer()?, index)))
        .collect();
    let mut names = RowNames {
        rows: Namespace::with(REASON_BUILTINS),
        types,
        reason_suffix,
    };
    for row in &old.rows {
        names.rows.take(&row.name);
    }
    let mut tables = Vec::with_capacity(vendor.rows.len());
    let mut kept = Vec::new();
    for row in &vendor.rows {
        let object = row.object.as_ref().and_then(|text| kinds.get(text));
        match by_code.get(&row.code) {
            Some(&index) => {
                let mut table = slots
                    .get_mut(index)
                    .and_then(Option::take)
                    .unwrap_or_default();
                let old_row = &old.rows[index];
                let old_object = old_row
                    .object
                    .and_then(|kind| old.object_kinds.get(kind))
                    .map(|kind| &kind.name);
                existing_row(&mut table, old_row, old_object, row, object, report);
                kept.push(index);
                tables.push(table);
            }
            None => tables.push(new_row(row, object, &mut names, report)),
        }
    }
    for (row, slot) in old.rows.iter().zip(&slots) {
        if slot.is_some() {
            report
                .summary
                .push(format!("row {} removed (was `{}`)", row.code, row.name));
        }
    }
    if !kept.is_sorted() {
        report
            .summary
            .push("rows reordered to follow the vendor table".to_string());
    }
    edit::put_tables(toml, "row", tables, TABLE_KEYS);
}

fn existing_row(
    table: &mut Table,
    old: &model::Row,
    old_object: Option<&String>,
    row: &vendor::Row,
    object: Option<&String>,
    report: &mut Report,
) {
    let code = row.code;
    if Some(&row.description) != old.description.en.as_ref() {
        edit::set(
            table,
            "description",
            edit::string(&row.description),
            ROW_KEYS,
        );
        report
            .summary
            .push(format!("row {code}: description changed"));
    }
    if old_object != object {
        match object {
            Some(name) => edit::set(table, "object", edit::string(name), ROW_KEYS),
            None => {
                table.remove("object");
            }
        }
        let show =
            |name: Option<&String>| name.map_or("none".to_string(), |name| format!("`{name}`"));
        report.summary.push(format!(
            "row {code}: object {} -> {}",
            show(old_object),
            show(object)
        ));
    }
    let notes = reasons(table, old, row, report);
    if notes != old.notes {
        match notes.is_empty() {
            true => {
                table.remove("notes");
            }
            false => edit::set(table, "notes", edit::strings(&notes), ROW_KEYS),
        }
        report.summary.push(format!("row {code}: notes changed"));
    }
}

/// Merges the reasons of a row; returns its notes (the free sentences that
/// are not its open reason).
fn reasons(
    table: &mut Table,
    old: &model::Row,
    row: &vendor::Row,
    report: &mut Report,
) -> Vec<String> {
    let code = row.code;
    let mut slots: Vec<Option<Table>> = edit::take_tables(table, "reason")
        .into_iter()
        .map(Some)
        .collect();
    let matches = match_reasons(old, row);
    let mut names = Namespace::with(REASON_BUILTINS);
    for reason in &old.reasons {
        names.take(&reason.name);
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
                existing_reason(&mut reason_table, code, &old.reasons[index], reason, report);
                tables.push(reason_table);
                kept.push(index);
            }
            (Paragraph::Reason(reason), None) => {
                let name = names::propose(
                    reason.description.as_deref(),
                    &names::reason_name(reason.codes),
                    "Code",
                    |name| names.is_free(name),
                );
                names.take(&name);
                tables.push(new_reason(reason, &name));
                report.proposed(
                    format!("row {code}: reason {}", reason.codes),
                    format!("row {code}, reason {}", reason.codes),
                    &name,
                );
            }
        }
    }
    for (reason, slot) in old.reasons.iter().zip(&slots) {
        if slot.is_some() {
            report.summary.push(format!(
                "row {code}: reason {} removed (was `{}`)",
                reason.codes, reason.name
            ));
        }
    }
    if !kept.is_sorted() {
        report.summary.push(format!(
            "row {code}: reasons reordered to follow the vendor table"
        ));
    }
    edit::put_tables(table, "reason", tables, ROW_KEYS);
    notes
}

/// For each paragraph of the vendor cell, the old reason it continues:
/// single codes by code, ranges by bounds (or, failing that, the one old
/// range it alone overlaps), the open reason by the note equal to its
/// description.
fn match_reasons(old: &model::Row, row: &vendor::Row) -> Vec<Option<usize>> {
    let mut matches: Vec<Option<usize>> = vec![None; row.cell.len()];
    let mut taken = vec![false; old.reasons.len()];
    let open = old.reasons.iter().enumerate().find_map(|(index, reason)| {
        match (reason.codes, &reason.description.en) {
            (ReasonCodes::Open { .. }, Some(description)) => Some((index, description)),
            _ => None,
        }
    });
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
            .reasons
            .iter()
            .enumerate()
            .position(|(index, old_reason)| !taken[index] && old_reason.codes == reason.codes);
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
        .reasons
        .iter()
        .enumerate()
        .filter(|(index, _)| !taken[*index])
        .filter_map(|(index, reason)| bounds(reason.codes).map(|range| (index, range)))
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

fn existing_reason(
    table: &mut Table,
    code: i32,
    old: &model::Reason,
    reason: &vendor::Reason,
    report: &mut Report,
) {
    if let (ReasonCodes::Range { start, end }, true) = (reason.codes, reason.codes != old.codes) {
        edit::set(table, "range", edit::range(start, end), REASON_KEYS);
        report.summary.push(format!(
            "row {code}: reason {} -> {} (keeps `{}`)",
            old.codes, reason.codes, old.name
        ));
    }
    let label = reason.codes;
    match (&old.description.en, &reason.description) {
        (Some(old_text), Some(new_text)) if old_text != new_text => {
            edit::set(table, "description", edit::string(new_text), REASON_KEYS);
            report
                .summary
                .push(format!("row {code}: reason {label}: description changed"));
        }
        (Some(_), None) => {
            table.remove("description");
            report
                .summary
                .push(format!("row {code}: reason {label}: description removed"));
        }
        (None, Some(new_text)) => {
            edit::set(table, "description", edit::string(new_text), REASON_KEYS);
            report
                .summary
                .push(format!("row {code}: reason {label}: description added"));
        }
        _ => {}
    }
}

fn new_row(
    row: &vendor::Row,
    object: Option<&String>,
    names: &mut RowNames<'_>,
    report: &mut Report,
) -> Table {
    let code = row.code;
    let name = names.propose(row);
    report.proposed(format!("row {code}"), format!("row {code}"), &name);
    let mut table = Table::new();
    table.insert("code", Item::Value(Value::from(i64::from(code))));
    table.insert(
        "name",
        Item::Value(edit::commented(edit::string(&name), PROPOSED)),
    );
    table.insert("description", Item::Value(edit::string(&row.description)));
    if let Some(object) = object {
        table.insert("object", Item::Value(edit::string(object)));
    }
    let notes: Vec<String> = row
        .cell
        .iter()
        .filter_map(|paragraph| match paragraph {
            Paragraph::Note(note) => Some(note.clone()),
            Paragraph::Reason(_) => None,
        })
        .collect();
    if !notes.is_empty() {
        table.insert("notes", Item::Value(edit::strings(&notes)));
    }
    let mut reason_names = Namespace::with(REASON_BUILTINS);
    let mut reasons = Vec::new();
    for reason in row.reasons() {
        let name = names::propose(
            reason.description.as_deref(),
            &names::reason_name(reason.codes),
            "Code",
            |name| reason_names.is_free(name),
        );
        reason_names.take(&name);
        reasons.push(new_reason(reason, &name));
        report.proposed(
            format!("row {code}: reason {}", reason.codes),
            format!("row {code}, reason {}", reason.codes),
            &name,
        );
    }
    edit::put_tables(&mut table, "reason", reasons, ROW_KEYS);
    table
}

fn new_reason(reason: &vendor::Reason, name: &str) -> Table {
    let mut table = Table::new();
    match reason.codes {
        ReasonCodes::Single(code) => {
            table.insert("code", Item::Value(Value::from(i64::from(code))));
        }
        ReasonCodes::Range { start, end } => {
            table.insert("range", Item::Value(edit::range(start, end)));
        }
        // A vendor cell gives no open reason; only an old one is kept.
        ReasonCodes::Open { .. } => {}
    }
    table.insert(
        "name",
        Item::Value(edit::commented(edit::string(name), PROPOSED)),
    );
    if let Some(description) = &reason.description {
        table.insert("description", Item::Value(edit::string(description)));
    }
    table
}
