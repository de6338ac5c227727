//! The walk over both specs that lists the changes, each with its impact.
//!
//! Items are paired by name first: names are our API, codes are the
//! vendor's, and the vendor rarely renumbers. See the module docs of
//! [`diff`](super) for the pairing and impact rules.

use super::decoding::{CodeSet, Decoding, Outcome, show};
use super::pairing::Pairs;
use super::{Change, ChangeKind, Impact, Value};
use codes_codegen::model::{
    Marker, ObjectKind, Outcome as Decoded, Reason, ReasonCodes, RecordNames, Row, Spec, Table,
};

/// Every change from `old` to `new`, in walk order.
pub(super) fn changes(old: &Spec, new: &Spec) -> Vec<Change> {
    let mut walk = Walk::default();
    walk.spec(old, new);
    walk.changes
}

#[derive(Default)]
struct Walk {
    changes: Vec<Change>,
}

impl Walk {
    fn push(
        &mut self,
        kind: ChangeKind,
        path: &str,
        (old, new): (Option<Value>, Option<Value>),
        impact: Impact,
        detail: Option<String>,
    ) {
        self.changes.push(Change {
            kind,
            path: path.to_string(),
            impact,
            old,
            new,
            detail,
        });
    }

    /// A change of vendor text, when the texts differ.
    fn text(&mut self, kind: ChangeKind, path: &str, old: &str, new: &str) {
        if old != new {
            let values = (Some(Value::text(old)), Some(Value::text(new)));
            self.push(kind, path, values, Impact::Patch, None);
        }
    }

    fn spec(&mut self, old: &Spec, new: &Spec) {
        let (source, next) = (&old.source, &new.source);
        let provenance = ChangeKind::ProvenanceChanged;
        self.text(provenance, "source/vendor", &source.vendor, &next.vendor);
        self.text(provenance, "source/product", &source.product, &next.product);
        self.text(
            provenance,
            "source/document",
            &source.document,
            &next.document,
        );

        self.markers(old, new);

        let same_name = |a: &Table, b: &Table| a.name == b.name;
        let same_place = |a: &Table, b: &Table| a.page == b.page && a.caption == b.caption;
        let pairs = Pairs::new(&old.tables, &new.tables, &[&same_name, &same_place]);
        for (table, pair) in old.tables.iter().zip(&pairs.old) {
            match pair {
                Some(j) => self.table(table, &new.tables[*j]),
                None => self.push(
                    ChangeKind::TableRemoved,
                    &table.name,
                    (Some(table_item(table)), None),
                    Impact::Breaking,
                    None,
                ),
            }
        }
        for j in pairs.added() {
            let table = &new.tables[j];
            let rows = match table.rows.len() {
                1 => "1 row".to_string(),
                count => format!("{count} rows"),
            };
            let values = (None, Some(table_item(table)));
            self.push(
                ChangeKind::TableAdded,
                &table.name,
                values,
                Impact::Minor,
                Some(rows),
            );
        }
        if !pairs.keep_order() {
            let orders = pairs.orders(&old.tables, &new.tables, |table| table.name.clone());
            self.push(
                ChangeKind::TablesReordered,
                "tables",
                lists(orders),
                Impact::Patch,
                None,
            );
        }
    }

    /// The spec's "not applicable" markers, paired by name, then by code.
    fn markers(&mut self, old: &Spec, new: &Spec) {
        let same_name = |a: &Marker, b: &Marker| a.name == b.name;
        let same_code = |a: &Marker, b: &Marker| a.code == b.code;
        let (before, after) = (&old.not_applicable, &new.not_applicable);
        let pairs = Pairs::new(before, after, &[&same_name, &same_code]);
        for (marker, pair) in before.iter().zip(&pairs.old) {
            let path = format!("not_applicable/{}", marker.name);
            let Some(j) = pair else {
                self.push(
                    ChangeKind::MarkerRemoved,
                    &path,
                    (Some(marker_item(marker)), None),
                    Impact::Breaking,
                    None,
                );
                continue;
            };
            let next = &after[*j];
            if marker.name != next.name {
                let values = (
                    Some(Value::name(&marker.name)),
                    Some(Value::name(&next.name)),
                );
                self.push(
                    ChangeKind::MarkerRenamed,
                    &path,
                    values,
                    Impact::Breaking,
                    None,
                );
            }
            if marker.code != next.code {
                let values = (Some(Value::Code(marker.code)), Some(Value::Code(next.code)));
                self.push(
                    ChangeKind::MarkerRenumbered,
                    &path,
                    values,
                    Impact::Breaking,
                    None,
                );
            }
            self.text(
                ChangeKind::MarkerDescriptionChanged,
                &path,
                &marker.description,
                &next.description,
            );
        }
        for j in pairs.added() {
            let marker = &after[j];
            // Markers win only over open reasons: those are what a new
            // marker can take codes from.
            let taken: Vec<String> = old
                .tables
                .iter()
                .flat_map(|table| table.rows.iter().map(move |row| (table, row)))
                .filter(|(_, row)| {
                    matches!(row.decoding.outcome(marker.code), Some(Decoded::Open(_)))
                })
                .map(|(table, row)| format!("{}/row {}", table.name, row.code))
                .collect();
            let (impact, detail) = match taken.is_empty() {
                true => (Impact::Minor, None),
                false => (
                    Impact::Breaking,
                    Some(format!(
                        "takes {} from the open reason of {}",
                        marker.code,
                        taken.join(", ")
                    )),
                ),
            };
            self.push(
                ChangeKind::MarkerAdded,
                &format!("not_applicable/{}", marker.name),
                (None, Some(marker_item(marker))),
                impact,
                detail,
            );
        }
    }

    fn table(&mut self, old: &Table, new: &Table) {
        let path = old.name.as_str();
        if old.name != new.name {
            let values = (Some(Value::name(&old.name)), Some(Value::name(&new.name)));
            self.push(
                ChangeKind::TableRenamed,
                path,
                values,
                Impact::Breaking,
                None,
            );
        }
        let provenance = ChangeKind::ProvenanceChanged;
        self.text(provenance, &format!("{path}/title"), &old.title, &new.title);
        self.text(
            provenance,
            &format!("{path}/caption"),
            &old.caption,
            &new.caption,
        );
        self.text(provenance, &format!("{path}/page"), &old.page, &new.page);
        self.text(
            provenance,
            &format!("{path}/updated"),
            &old.updated,
            &new.updated,
        );
        if old.columns != new.columns {
            let values = (
                Some(Value::List(old.columns.clone())),
                Some(Value::List(new.columns.clone())),
            );
            self.push(
                provenance,
                &format!("{path}/columns"),
                values,
                Impact::Patch,
                None,
            );
        }
        self.record(path, old.record.as_ref(), new.record.as_ref());
        let kinds = self.object_kinds(path, &old.object_kinds, &new.object_kinds);
        self.rows(path, old, new, &kinds);
    }

    fn record(&mut self, path: &str, old: Option<&RecordNames>, new: Option<&RecordNames>) {
        let all = |names: &RecordNames| {
            Value::List(vec![
                names.record.clone(),
                names.object.clone(),
                names.reason.clone(),
            ])
        };
        let (old, new) = match (old, new) {
            (None, None) => return,
            (None, Some(new)) => {
                let values = (None, Some(all(new)));
                return self.push(ChangeKind::RecordAdded, path, values, Impact::Minor, None);
            }
            (Some(old), None) => {
                let values = (Some(all(old)), None);
                return self.push(
                    ChangeKind::RecordRemoved,
                    path,
                    values,
                    Impact::Breaking,
                    None,
                );
            }
            (Some(old), Some(new)) => (old, new),
        };
        let renames = [
            (
                ChangeKind::RecordNameChanged,
                &old.record,
                &new.record,
                None,
            ),
            (
                ChangeKind::ObjectNameChanged,
                &old.object,
                &new.object,
                Some(format!(
                    "also renames {} to {}",
                    old.object_kind(),
                    new.object_kind()
                )),
            ),
            (
                ChangeKind::ReasonNameChanged,
                &old.reason,
                &new.reason,
                Some(format!(
                    "also renames every {{Row}}{} enum to {{Row}}{}",
                    old.reason, new.reason
                )),
            ),
        ];
        for (kind, old_name, new_name, detail) in renames {
            if old_name != new_name {
                let values = (Some(Value::name(old_name)), Some(Value::name(new_name)));
                self.push(kind, path, values, Impact::Breaking, detail);
            }
        }
    }

    /// Object kind changes; returns the pairing, which row objects follow.
    fn object_kinds(&mut self, table: &str, old: &[ObjectKind], new: &[ObjectKind]) -> Pairs {
        let same_name = |a: &ObjectKind, b: &ObjectKind| a.name == b.name;
        let same_text = |a: &ObjectKind, b: &ObjectKind| a.text == b.text;
        let pairs = Pairs::new(old, new, &[&same_name, &same_text]);
        let item = |kind: &ObjectKind| Value::Item {
            name: kind.name.clone(),
            text: Some(kind.text.clone()),
        };
        for (kind, pair) in old.iter().zip(&pairs.old) {
            let path = format!("{table}/object kind {}", kind.name);
            let Some(j) = pair else {
                let values = (Some(item(kind)), None);
                self.push(
                    ChangeKind::ObjectKindRemoved,
                    &path,
                    values,
                    Impact::Breaking,
                    None,
                );
                continue;
            };
            let next = &new[*j];
            if kind.name != next.name {
                let values = (Some(Value::name(&kind.name)), Some(Value::name(&next.name)));
                self.push(
                    ChangeKind::ObjectKindRenamed,
                    &path,
                    values,
                    Impact::Breaking,
                    None,
                );
            }
            self.text(
                ChangeKind::ObjectKindTextChanged,
                &path,
                &kind.text,
                &next.text,
            );
        }
        for j in pairs.added() {
            let path = format!("{table}/object kind {}", new[j].name);
            let values = (None, Some(item(&new[j])));
            self.push(
                ChangeKind::ObjectKindAdded,
                &path,
                values,
                Impact::Minor,
                None,
            );
        }
        if !pairs.keep_order() {
            let orders = pairs.orders(old, new, |kind| kind.name.clone());
            let detail = Some("the kind enum derives Ord in declaration order".to_string());
            let values = lists(orders);
            self.push(
                ChangeKind::ObjectKindsReordered,
                table,
                values,
                Impact::Breaking,
                detail,
            );
        }
        pairs
    }

    fn rows(&mut self, path: &str, old: &Table, new: &Table, kinds: &Pairs) {
        let exact = |a: &Row, b: &Row| a.name == b.name && a.code == b.code;
        let same_name = |a: &Row, b: &Row| a.name == b.name;
        let same_code = |a: &Row, b: &Row| a.code == b.code;
        let pairs = Pairs::new(&old.rows, &new.rows, &[&exact, &same_name, &same_code]);
        let context = RowContext {
            old,
            new,
            kinds,
            decoded_before: old.record.is_some(),
        };
        for (row, pair) in old.rows.iter().zip(&pairs.old) {
            let row_path = format!("{path}/row {}", row.code);
            match pair {
                Some(j) => self.row(&row_path, row, &new.rows[*j], &context),
                None => {
                    let values = (Some(row_item(row)), None);
                    self.push(
                        ChangeKind::RowRemoved,
                        &row_path,
                        values,
                        Impact::Breaking,
                        None,
                    );
                }
            }
        }
        for j in pairs.added() {
            let row = &new.rows[j];
            let row_path = format!("{path}/row {}", row.code);
            let detail = row
                .object
                .map(|kind| format!("object {}", new.object_kinds[kind].name));
            let values = (None, Some(row_item(row)));
            self.push(
                ChangeKind::RowAdded,
                &row_path,
                values,
                Impact::Minor,
                detail,
            );
            for reason in &row.reasons {
                let reason_path = format!("{row_path}/reason {}", reason.codes);
                let values = (None, Some(reason_item(reason)));
                self.push(
                    ChangeKind::ReasonAdded,
                    &reason_path,
                    values,
                    Impact::Minor,
                    None,
                );
            }
        }
        if !pairs.keep_order() {
            let orders = pairs.orders(&old.rows, &new.rows, |row| row.name.clone());
            self.push(
                ChangeKind::RowsReordered,
                path,
                lists(orders),
                Impact::Patch,
                None,
            );
        }
    }

    fn row(&mut self, path: &str, old: &Row, new: &Row, context: &RowContext<'_>) {
        if old.name != new.name {
            let detail = match (&context.old.record, &context.new.record) {
                (Some(old_names), Some(new_names))
                    if !old.reasons.is_empty() && !new.reasons.is_empty() =>
                {
                    Some(format!(
                        "also renames {} to {} and {}::{} to {}::{}",
                        old_names.row_reason(old),
                        new_names.row_reason(new),
                        old_names.reason,
                        old.name,
                        new_names.reason,
                        new.name
                    ))
                }
                _ => None,
            };
            let values = (Some(Value::name(&old.name)), Some(Value::name(&new.name)));
            self.push(
                ChangeKind::RowRenamed,
                path,
                values,
                Impact::Breaking,
                detail,
            );
        }
        if old.code != new.code {
            let values = (Some(Value::Code(old.code)), Some(Value::Code(new.code)));
            self.push(
                ChangeKind::RowRenumbered,
                path,
                values,
                Impact::Breaking,
                None,
            );
        }
        self.text(
            ChangeKind::RowDescriptionChanged,
            path,
            &old.description,
            &new.description,
        );
        self.row_object(path, old, new, context);
        self.notes(path, &old.notes, &new.notes);
        self.reasons(path, old, new, context.decoded_before);
    }

    fn row_object(&mut self, path: &str, old: &Row, new: &Row, context: &RowContext<'_>) {
        let name = |table: &Table, kind: usize| Value::name(&table.object_kinds[kind].name);
        match (old.object, new.object) {
            (None, None) => {}
            (None, Some(kind)) => {
                let values = (None, Some(name(context.new, kind)));
                let detail = Some("objects decoded as Other before".to_string());
                self.push(
                    ChangeKind::RowObjectAdded,
                    path,
                    values,
                    Impact::Minor,
                    detail,
                );
            }
            (Some(kind), None) => {
                let values = (Some(name(context.old, kind)), None);
                self.push(
                    ChangeKind::RowObjectRemoved,
                    path,
                    values,
                    Impact::Breaking,
                    None,
                );
            }
            (Some(old_kind), Some(new_kind)) => {
                // A kind that was only renamed is reported once, on the kind.
                if context.kinds.old[old_kind] != Some(new_kind) {
                    let values = (
                        Some(name(context.old, old_kind)),
                        Some(name(context.new, new_kind)),
                    );
                    self.push(
                        ChangeKind::RowObjectChanged,
                        path,
                        values,
                        Impact::Breaking,
                        None,
                    );
                }
            }
        }
    }

    fn notes(&mut self, row: &str, old: &[String], new: &[String]) {
        let pairs = Pairs::new(old, new, &[&|a: &String, b: &String| a == b]);
        let removed: Vec<usize> = (0..old.len()).filter(|&i| pairs.old[i].is_none()).collect();
        let added: Vec<usize> = pairs.added().collect();
        // Unpaired notes pair up by position: a reworded sentence.
        for (k, &i) in removed.iter().enumerate() {
            let path = format!("{row}/note {}", i + 1);
            match added.get(k) {
                Some(&j) => self.text(ChangeKind::NoteChanged, &path, &old[i], &new[j]),
                None => {
                    let values = (Some(Value::text(&old[i])), None);
                    self.push(ChangeKind::NoteRemoved, &path, values, Impact::Patch, None);
                }
            }
        }
        for &j in added.iter().skip(removed.len()) {
            let path = format!("{row}/note {}", j + 1);
            let values = (None, Some(Value::text(&new[j])));
            self.push(ChangeKind::NoteAdded, &path, values, Impact::Patch, None);
        }
        if !pairs.keep_order() {
            let orders = pairs.orders(old, new, Clone::clone);
            self.push(
                ChangeKind::NotesReordered,
                row,
                lists(orders),
                Impact::Patch,
                None,
            );
        }
    }

    fn reasons(&mut self, row: &str, old: &Row, new: &Row, decoded_before: bool) {
        let exact = |a: &Reason, b: &Reason| a.name == b.name && a.codes == b.codes;
        let same_name = |a: &Reason, b: &Reason| a.name == b.name;
        let same_codes = |a: &Reason, b: &Reason| same_codes(a.codes, b.codes);
        let pairs = Pairs::new(
            &old.reasons,
            &new.reasons,
            &[&exact, &same_name, &same_codes],
        );
        // A paired reason keeps its old index as identity; an added one
        // counts on from the old list.
        let identity = |j: usize| pairs.new[j].unwrap_or(old.reasons.len() + j);
        let name = |id: usize| match old.reasons.get(id) {
            Some(reason) => reason.name.as_str(),
            None => new.reasons[id - old.reasons.len()].name.as_str(),
        };
        let decoding = Decoding::compare(
            old,
            &(0..old.reasons.len()).collect::<Vec<_>>(),
            new,
            &(0..new.reasons.len()).map(identity).collect::<Vec<_>>(),
        );
        for (i, (reason, pair)) in old.reasons.iter().zip(&pairs.old).enumerate() {
            let path = format!("{row}/reason {}", reason.codes);
            let Some(j) = pair else {
                let values = (Some(reason_item(reason)), None);
                self.push(
                    ChangeKind::ReasonRemoved,
                    &path,
                    values,
                    Impact::Breaking,
                    None,
                );
                continue;
            };
            let next = &new.reasons[*j];
            if reason.name != next.name {
                let values = (
                    Some(Value::name(&reason.name)),
                    Some(Value::name(&next.name)),
                );
                self.push(
                    ChangeKind::ReasonRenamed,
                    &path,
                    values,
                    Impact::Breaking,
                    None,
                );
            }
            if reason.codes != next.codes {
                let (impact, detail) = codes_impact(&decoding, i, reason.codes, next.codes, &name);
                let values = (
                    Some(Value::Codes(reason.codes)),
                    Some(Value::Codes(next.codes)),
                );
                let kind = codes_change(reason.codes, next.codes);
                self.push(kind, &path, values, impact, detail);
            }
            if reason.description != next.description {
                let values = (
                    reason.description.as_deref().map(Value::text),
                    next.description.as_deref().map(Value::text),
                );
                let kind = ChangeKind::ReasonDescriptionChanged;
                self.push(kind, &path, values, Impact::Patch, None);
            }
        }
        for j in pairs.added() {
            let reason = &new.reasons[j];
            let path = format!("{row}/reason {}", reason.codes);
            let (impact, detail) = match decoded_before {
                true => added_impact(&decoding, identity(j), &name),
                false => (Impact::Minor, None),
            };
            let values = (None, Some(reason_item(reason)));
            self.push(ChangeKind::ReasonAdded, &path, values, impact, detail);
        }
        if !pairs.keep_order() {
            let orders = pairs.orders(&old.reasons, &new.reasons, |reason| reason.name.clone());
            self.push(
                ChangeKind::ReasonsReordered,
                row,
                lists(orders),
                Impact::Patch,
                None,
            );
        }
    }
}

/// What the rows of one table pair are diffed against.
struct RowContext<'a> {
    old: &'a Table,
    new: &'a Table,
    kinds: &'a Pairs,
    /// Whether the old table decoded reasons at all (it had a record).
    decoded_before: bool,
}

/// Whether two reasons list the same codes; a row has one open reason at
/// most, whatever its default.
fn same_codes(a: ReasonCodes, b: ReasonCodes) -> bool {
    a == b || matches!((a, b), (ReasonCodes::Open { .. }, ReasonCodes::Open { .. }))
}

/// The codes a reason lists, as an inclusive range: an open reason lists all.
fn span(codes: ReasonCodes) -> (i32, i32) {
    match codes {
        ReasonCodes::Single(code) => (code, code),
        ReasonCodes::Range { start, end } => (start, end),
        ReasonCodes::Open { .. } => (i32::MIN, i32::MAX),
    }
}

/// The kind of a change of the codes a reason lists.
fn codes_change(old: ReasonCodes, new: ReasonCodes) -> ChangeKind {
    let ((old_start, old_end), (new_start, new_end)) = (span(old), span(new));
    match (old, new) {
        (ReasonCodes::Single(_), ReasonCodes::Single(_)) => ChangeKind::ReasonRenumbered,
        (ReasonCodes::Open { .. }, ReasonCodes::Open { .. }) => ChangeKind::ReasonDefaultChanged,
        _ if new_start <= old_start && old_end <= new_end => ChangeKind::ReasonCodesWidened,
        _ if old_start <= new_start && new_end <= old_end => ChangeKind::ReasonCodesNarrowed,
        _ => ChangeKind::ReasonCodesMoved,
    }
}

/// The impact of a reason's codes changing from `old` to `new`, judged by
/// what every code decodes to before and after.
fn codes_impact<'a>(
    decoding: &Decoding,
    id: usize,
    old: ReasonCodes,
    new: ReasonCodes,
    name: &dyn Fn(usize) -> &'a str,
) -> (Impact, Option<String>) {
    let mut breaks = Vec::new();
    match (old.carries_value(), new.carries_value()) {
        (false, true) => breaks.push("the variant gains a code field".to_string()),
        (true, false) => breaks.push("the variant loses its code field".to_string()),
        _ => {}
    }
    let lost = decoding.lost(id, new);
    if !lost.is_empty() {
        breaks.push(format!("{} no longer decode to {}", show(&lost), name(id)));
    }
    let (taken, unlisted) = gained(decoding, id, Some(old), name);
    breaks.extend(taken);
    match (breaks.is_empty(), unlisted) {
        (false, _) => (Impact::Breaking, Some(breaks.join("; "))),
        (true, Some(codes)) => {
            let detail = format!("now also decodes {}, unlisted before", show(&codes));
            (Impact::Minor, Some(detail))
        }
        (true, None) => (
            Impact::Patch,
            Some("every code decodes as before".to_string()),
        ),
    }
}

/// The impact of adding reason `id`: breaking when it takes codes that
/// decoded otherwise, minor when they were all unlisted.
fn added_impact<'a>(
    decoding: &Decoding,
    id: usize,
    name: &dyn Fn(usize) -> &'a str,
) -> (Impact, Option<String>) {
    let (taken, _) = gained(decoding, id, None, name);
    match taken.is_empty() {
        true => (Impact::Minor, None),
        false => (Impact::Breaking, Some(taken.join("; "))),
    }
}

/// The codes `id` decodes now and did not before: those it takes from
/// another reason or from "not applicable", described; and those that were
/// unlisted.
fn gained<'a>(
    decoding: &Decoding,
    id: usize,
    old: Option<ReasonCodes>,
    name: &dyn Fn(usize) -> &'a str,
) -> (Vec<String>, Option<CodeSet>) {
    let mut taken = Vec::new();
    let mut unlisted = None;
    for (before, codes) in decoding.gained(id, old) {
        let from = match before {
            Outcome::Reason(other) => name(other),
            Outcome::NotApplicable => "NotApplicable",
            Outcome::Unlisted => {
                unlisted = Some(codes);
                continue;
            }
        };
        taken.push(format!("takes {} from {from}", show(&codes)));
    }
    (taken, unlisted)
}

fn lists((old, new): (Vec<String>, Vec<String>)) -> (Option<Value>, Option<Value>) {
    (Some(Value::List(old)), Some(Value::List(new)))
}

fn marker_item(marker: &Marker) -> Value {
    Value::Item {
        name: marker.name.clone(),
        text: Some(format!("{}: {}", marker.code, marker.description)),
    }
}

fn table_item(table: &Table) -> Value {
    Value::Item {
        name: table.name.clone(),
        text: Some(table.caption.clone()),
    }
}

fn row_item(row: &Row) -> Value {
    Value::Item {
        name: row.name.clone(),
        text: Some(row.description.clone()),
    }
}

fn reason_item(reason: &Reason) -> Value {
    Value::Item {
        name: reason.name.clone(),
        text: reason.description.clone(),
    }
}
