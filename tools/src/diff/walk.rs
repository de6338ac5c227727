//! The walk over both specs that lists the changes, each with its impact.
//!
//! Items are paired by name first: names are our API, codes are the
//! vendor's, and the vendor rarely renumbers. See the module docs of
//! [`diff`](super) for the pairing and impact rules.
//!
//! Every change is pushed with its [`Sites`]: the way to its item on each
//! side, and the TOML key that holds what changed, for the annotations.
//! A new field of the model is one more comparison where its item is
//! compared: a new vendor text of the source or a table is one more entry
//! in the list of texts `spec` or `table` walks (`Walk::text` reports it,
//! keyed by its TOML key); a new kind of change is a new [`ChangeKind`],
//! with its row in the rule table of the module docs.

use super::decoding::{CodeSet, Decoding, Outcome, show};
use super::pairing::Pairs;
use super::{Change, ChangeKind, Impact, Value, rules};
use crate::site::{Both, Site, Sites};
use codes_codegen::model::{
    Lang, Marker, ObjectKind, Outcome as Decoded, Page, Reason, ReasonCodes, RecordNames, Row,
    RowCode, Spec, Table, Text,
};
use codes_codegen::schema::{self, Localized};
use unicode_normalization::UnicodeNormalization;

/// Every change from `old` to `new`, in walk order, each with where its
/// item is on each side.
pub(super) fn changes(old: &Spec, new: &Spec) -> Walked {
    let mut walk = Walk::default();
    walk.spec(old, new);
    Walked {
        changes: walk.changes,
        sites: walk.sites,
        parents: walk.parents,
    }
}

/// The changes of a walk, with where each is.
pub(super) struct Walked {
    pub changes: Vec<Change>,
    /// Where each change is, in step with `changes`.
    pub sites: Vec<Sites>,
    /// For a removed item, its parent in the new spec (the table of a row,
    /// the row of a reason or note), in step with `changes`: where the
    /// removal is annotated, the old line being gone from the new file.
    pub parents: Vec<Option<Site>>,
}

#[derive(Default)]
struct Walk {
    changes: Vec<Change>,
    /// Where each change is, in step with `changes`.
    sites: Vec<Sites>,
    /// The new parent of each removed item, in step with `changes`.
    parents: Vec<Option<Site>>,
}

impl Walk {
    fn push(
        &mut self,
        kind: ChangeKind,
        path: &str,
        sites: Sites,
        (old, new): (Option<Value>, Option<Value>),
        impact: Impact,
        detail: Option<String>,
    ) {
        let data_impact = rules::data_level(kind, impact);
        self.changes.push(Change {
            kind,
            path: path.to_string(),
            impact,
            data_impact,
            old,
            new,
            detail,
            old_line: None,
            new_line: None,
            accepted: None,
        });
        self.sites.push(sites);
        self.parents.push(None);
    }

    /// Records `parent`, an item of the new spec, as the parent of the
    /// removed item just pushed.
    fn within(&mut self, parent: &Site) {
        if let Some(last) = self.parents.last_mut() {
            *last = Some(*parent);
        }
    }

    /// Sets the data impact of the change just pushed, where the walk
    /// computes it apart from the API impact.
    fn data(&mut self, impact: Impact) {
        if let Some(last) = self.changes.last_mut() {
            last.data_impact = impact;
        }
    }

    /// A change of vendor text, when the texts differ: cosmetic where they
    /// differ only in the width of their punctuation, else patch.
    fn text(&mut self, kind: ChangeKind, path: &str, sites: Sites, old: &str, new: &str) {
        if old != new {
            let values = (Some(Value::text(old)), Some(Value::text(new)));
            self.push(kind, path, sites, values, text_impact(old, new), None);
        }
    }

    /// A vendor text in both languages: the English as `kind` (added,
    /// changed or removed), the Chinese as a translation change, at
    /// `key` and `key_zh` of the sites.
    fn texts(
        &mut self,
        kind: ChangeKind,
        path: &str,
        at: (&Site, &Site),
        keys: Localized,
        old: &Text,
        new: &Text,
    ) {
        let (here, there) = at;
        match (&old[Lang::En], &new[Lang::En]) {
            (Some(before), Some(after)) => self.text(
                kind,
                path,
                Sites::keyed(here, there, keys.en.name),
                before,
                after,
            ),
            (before, after) if before != after => {
                let values = (
                    before.as_deref().map(Value::text),
                    after.as_deref().map(Value::text),
                );
                self.push(
                    kind,
                    path,
                    Sites::keyed(here, there, keys.en.name),
                    values,
                    Impact::Patch,
                    None,
                );
            }
            _ => {}
        }
        self.translation(
            path,
            Sites::keyed(here, there, keys.zh.name),
            old.get(Lang::Zh),
            new.get(Lang::Zh),
        );
        // A translation made against an English text that is reworded now.
        if let (Some(before), Some(after)) = (old.get(Lang::En), new.get(Lang::En))
            && let (Some(chinese), Some(still)) = (old.get(Lang::Zh), new.get(Lang::Zh))
            && chinese == still
            && text_impact(before, after) != Impact::Cosmetic
            && before != after
        {
            let detail = format!("{} was made against the English before it", keys.zh.name);
            self.push(
                ChangeKind::TranslationToReview,
                path,
                Sites::keyed(here, there, keys.zh.name),
                (None, None),
                Impact::Cosmetic,
                Some(detail),
            );
        }
    }

    /// A Chinese text added, removed or changed.
    fn translation(&mut self, path: &str, at: Sites, old: Option<&str>, new: Option<&str>) {
        let (kind, impact) = match (old, new) {
            (None, None) => return,
            (Some(before), Some(after)) if before == after => return,
            (None, Some(_)) => (ChangeKind::TranslationAdded, Impact::Patch),
            (Some(_), None) => (ChangeKind::TranslationRemoved, Impact::Patch),
            (Some(before), Some(after)) => {
                (ChangeKind::TranslationChanged, text_impact(before, after))
            }
        };
        let values = (old.map(Value::text), new.map(Value::text));
        self.push(kind, path, at, values, impact, None);
    }

    /// One language's page of a table: its texts as provenance, a page
    /// that appears or vanishes as a whole.
    fn page(
        &mut self,
        path: &str,
        at: (&Site, &Site),
        old: Option<&Page>,
        new: Option<&Page>,
        zh: bool,
    ) {
        let (here, there) = at;
        let prefix = if zh {
            format!("{path}/zh")
        } else {
            path.to_string()
        };
        let (old, new) = match (old, new) {
            (None, None) => return,
            (Some(old), Some(new)) => (old, new),
            (old, new) => {
                let title = |page: Option<&Page>| page.map(|page| Value::text(page.title()));
                let kind = match (zh, old.is_some()) {
                    (true, false) => ChangeKind::TranslationAdded,
                    (true, true) => ChangeKind::TranslationRemoved,
                    (false, _) => ChangeKind::ProvenanceChanged,
                };
                let key = if zh {
                    schema::table::ZH.name
                } else {
                    schema::page::TITLE.name
                };
                self.push(
                    kind,
                    &prefix,
                    Sites::keyed(here, there, key),
                    (title(old), title(new)),
                    Impact::Patch,
                    None,
                );
                return;
            }
        };
        let provenance = ChangeKind::ProvenanceChanged;
        let missing = "";
        let texts: [(&'static str, &str, &str); 6] = [
            (schema::page::TITLE.name, old.title(), new.title()),
            (
                schema::page::SUBTITLE.name,
                old.subtitle().unwrap_or(missing),
                new.subtitle().unwrap_or(missing),
            ),
            (
                schema::page::CAPTION.name,
                old.caption().unwrap_or(missing),
                new.caption().unwrap_or(missing),
            ),
            (schema::page::PAGE.name, old.page(), new.page()),
            (
                schema::page::UPDATED.name,
                old.updated().unwrap_or(missing),
                new.updated().unwrap_or(missing),
            ),
            (schema::page::COLUMNS.name, missing, missing),
        ];
        for (key, old_text, new_text) in texts {
            let field = format!("{prefix}/{key}");
            let at = match zh {
                true => Sites::keyed(here, there, schema::table::ZH.name),
                false => Sites::keyed(here, there, key),
            };
            self.text(provenance, &field, at, old_text, new_text);
        }
        if old.columns() != new.columns() {
            let values = (
                Some(Value::List(old.columns().to_vec())),
                Some(Value::List(new.columns().to_vec())),
            );
            let at = match zh {
                true => Sites::keyed(here, there, schema::table::ZH.name),
                false => Sites::keyed(here, there, schema::page::COLUMNS.name),
            };
            self.push(
                provenance,
                &format!("{prefix}/columns"),
                at,
                values,
                Impact::Patch,
                None,
            );
        }
        if old.notes() != new.notes() {
            let list = |notes: &[String]| (!notes.is_empty()).then(|| Value::List(notes.to_vec()));
            let key = schema::page::NOTES.name;
            let at = match zh {
                true => Sites::keyed(here, there, schema::table::ZH.name),
                false => Sites::keyed(here, there, key),
            };
            self.push(
                provenance,
                &format!("{prefix}/{key}"),
                at,
                (list(old.notes()), list(new.notes())),
                Impact::Patch,
                None,
            );
        }
    }

    fn spec(&mut self, old: &Spec, new: &Spec) {
        let (source, next) = (&old.source(), &new.source());
        let provenance = ChangeKind::ProvenanceChanged;
        let texts = [
            (
                schema::source::VENDOR.name,
                &source.vendor(),
                &next.vendor(),
            ),
            (
                schema::source::PRODUCT.name,
                &source.product(),
                &next.product(),
            ),
            (
                schema::source::DOCUMENT.name,
                &source.document(),
                &next.document(),
            ),
        ];
        for (key, old_text, new_text) in texts {
            let at = Sites::keyed(&Site::source(), &Site::source(), key);
            self.text(provenance, &format!("source/{key}"), at, old_text, new_text);
        }
        for key in schema::source::SITES.keys() {
            let lang = key.lang.expect("a site of a language");
            let (before, after) = (source.sites().get(lang), next.sites().get(lang));
            if before != after {
                let values = (before.map(Value::text), after.map(Value::text));
                let at = Sites::keyed(&Site::source(), &Site::source(), key.name);
                let path = format!("source/{}", key.name);
                self.push(provenance, &path, at, values, Impact::Patch, None);
            }
        }

        self.markers(old, new);

        let same_name = |a: &Table, b: &Table| a.name() == b.name();
        let same_place = |a: &Table, b: &Table| {
            a.page().page() == b.page().page() && a.page().caption() == b.page().caption()
        };
        let pairs = Pairs::new(old.tables(), new.tables(), &[&same_name, &same_place]);
        for (i, (table, pair)) in old.tables().iter().zip(&pairs.old).enumerate() {
            match pair {
                Some(j) => {
                    let at = Both {
                        old: Site::table(i),
                        new: Site::table(*j),
                    };
                    self.table(&at, table, &new.tables()[*j]);
                }
                None => self.push(
                    ChangeKind::TableRemoved,
                    table.name(),
                    Sites::old(Site::table(i)),
                    (Some(table_item(table)), None),
                    Impact::Breaking,
                    None,
                ),
            }
        }
        for j in pairs.added() {
            let table = &new.tables()[j];
            let rows = match table.rows().len() {
                1 => "1 row".to_string(),
                count => format!("{count} rows"),
            };
            let values = (None, Some(table_item(table)));
            self.push(
                ChangeKind::TableAdded,
                table.name(),
                Sites::new(Site::table(j)),
                values,
                Impact::Minor,
                Some(rows),
            );
        }
        if let Some((i, j)) = pairs.first_moved() {
            let orders = pairs.orders(old.tables(), new.tables(), |table| table.name().to_owned());
            self.push(
                ChangeKind::TablesReordered,
                "tables",
                Sites::both(&Site::table(i), &Site::table(j)),
                lists(orders),
                Impact::Patch,
                None,
            );
        }
    }

    /// The spec's "not applicable" markers, paired by name, then by code.
    fn markers(&mut self, old: &Spec, new: &Spec) {
        let same_name = |a: &Marker, b: &Marker| a.name() == b.name();
        let same_code = |a: &Marker, b: &Marker| a.code() == b.code();
        let (before, after) = (&old.not_applicable(), &new.not_applicable());
        let pairs = Pairs::new(before, after, &[&same_name, &same_code]);
        for (i, (marker, pair)) in before.iter().zip(&pairs.old).enumerate() {
            let path = format!("not_applicable/{}", marker.name());
            let here = Site::marker(i);
            let Some(j) = pair else {
                self.push(
                    ChangeKind::MarkerRemoved,
                    &path,
                    Sites::old(here),
                    (Some(marker_item(marker)), None),
                    Impact::Breaking,
                    None,
                );
                continue;
            };
            let next = &after[*j];
            let there = Site::marker(*j);
            if marker.name() != next.name() {
                let values = (
                    Some(Value::name(marker.name())),
                    Some(Value::name(next.name())),
                );
                self.push(
                    ChangeKind::MarkerRenamed,
                    &path,
                    Sites::keyed(&here, &there, schema::marker::NAME.name),
                    values,
                    Impact::Breaking,
                    None,
                );
            }
            if marker.code() != next.code() {
                let values = (
                    Some(Value::Code(marker.code())),
                    Some(Value::Code(next.code())),
                );
                self.push(
                    ChangeKind::MarkerRenumbered,
                    &path,
                    Sites::keyed(&here, &there, schema::marker::CODE.name),
                    values,
                    Impact::Breaking,
                    None,
                );
            }
            self.text(
                ChangeKind::MarkerDescriptionChanged,
                &path,
                Sites::keyed(&here, &there, schema::marker::DESCRIPTION.name),
                marker.description(),
                next.description(),
            );
        }
        for j in pairs.added() {
            let marker = &after[j];
            // Markers win only over open reasons: those are what a new
            // marker can take codes from.
            let taken: Vec<String> = old
                .tables()
                .iter()
                .flat_map(|table| table.rows().iter().map(move |row| (table, row)))
                .filter(|(_, row)| {
                    matches!(
                        row.decoding().outcome(marker.code()),
                        Some(Decoded::Open(_))
                    )
                })
                .map(|(table, row)| format!("{}/row {}", table.name(), row.code()))
                .collect();
            let (impact, detail) = match taken.is_empty() {
                true => (Impact::Minor, None),
                false => (
                    Impact::Breaking,
                    Some(format!(
                        "takes {} from the open reason of {}",
                        marker.code(),
                        taken.join(", ")
                    )),
                ),
            };
            self.push(
                ChangeKind::MarkerAdded,
                &format!("not_applicable/{}", marker.name()),
                Sites::new(Site::marker(j)),
                (None, Some(marker_item(marker))),
                impact,
                detail,
            );
        }
    }

    /// Reservations of removed rows' codes: one added where no row of the
    /// old table held the code (a removed row's is reported with it).
    fn reserved(&mut self, path: &str, at: &Both, old: &Table, new: &Table) {
        let (here, there) = (&at.old, &at.new);
        let held = |code: &RowCode| old.rows().iter().any(|row| row.code() == code);
        for reserved in new.reserved() {
            let known = old
                .reserved()
                .iter()
                .any(|before| before.code() == reserved.code());
            if !known && !held(reserved.code()) {
                let values = (None, Some(code_value(reserved.code())));
                let at = Sites::keyed(here, there, schema::table::RESERVED.name);
                let field = format!("{path}/reserved {}", reserved.code());
                self.push(
                    ChangeKind::ReservedAdded,
                    &field,
                    at,
                    values,
                    Impact::Patch,
                    reserved.note().map(str::to_owned),
                );
            }
        }
        for reserved in old.reserved() {
            if !new
                .reserved()
                .iter()
                .any(|after| after.code() == reserved.code())
            {
                let values = (Some(code_value(reserved.code())), None);
                let at = Sites::keyed(here, there, schema::table::RESERVED.name);
                let field = format!("{path}/reserved {}", reserved.code());
                self.push(
                    ChangeKind::ReservedRemoved,
                    &field,
                    at,
                    values,
                    Impact::Patch,
                    None,
                );
            }
        }
    }

    /// A table on both sides, `at` its sites.
    fn table(&mut self, at: &Both, old: &Table, new: &Table) {
        let path = old.name();
        let (here, there) = (&at.old, &at.new);
        let keyed = |key| Sites::keyed(here, there, key);
        if old.name() != new.name() {
            let values = (Some(Value::name(old.name())), Some(Value::name(new.name())));
            self.push(
                ChangeKind::TableRenamed,
                path,
                keyed(schema::table::NAME.name),
                values,
                Impact::Breaking,
                None,
            );
        }
        if old.summary() != new.summary() {
            let values = (
                old.summary().map(Value::text),
                new.summary().map(Value::text),
            );
            let key = schema::table::SUMMARY.name;
            let kind = ChangeKind::ProvenanceChanged;
            let field = format!("{path}/{key}");
            self.push(kind, &field, keyed(key), values, Impact::Patch, None);
        }
        self.page(path, (here, there), old.en(), new.en(), false);
        self.page(path, (here, there), old.zh(), new.zh(), true);
        self.reserved(path, at, old, new);
        self.record(path, at, old.record(), new.record());
        let kinds = self.object_kinds(path, at, old.object_kinds(), new.object_kinds());
        self.rows(path, at, old, new, &kinds);
    }

    fn record(
        &mut self,
        path: &str,
        at: &Both,
        old: Option<&RecordNames>,
        new: Option<&RecordNames>,
    ) {
        let (here, there) = (&at.old, &at.new);
        let all = |names: &RecordNames| {
            Value::List(vec![
                names.record().to_owned(),
                names.object().to_owned(),
                names.reason().to_owned(),
            ])
        };
        let (old, new) = match (old, new) {
            (None, None) => return,
            (None, Some(new)) => {
                let values = (None, Some(all(new)));
                let at = Sites::keyed(here, there, schema::table::RECORD.name);
                return self.push(
                    ChangeKind::RecordAdded,
                    path,
                    at,
                    values,
                    Impact::Minor,
                    None,
                );
            }
            (Some(old), None) => {
                let values = (Some(all(old)), None);
                return self.push(
                    ChangeKind::RecordRemoved,
                    path,
                    Sites::keyed(here, there, schema::table::RECORD.name),
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
                schema::table::RECORD.name,
                &old.record(),
                &new.record(),
                None,
            ),
            (
                ChangeKind::ObjectNameChanged,
                schema::table::OBJECT.name,
                &old.object(),
                &new.object(),
                Some(format!(
                    "also renames {} to {}",
                    old.object_kind(),
                    new.object_kind()
                )),
            ),
            (
                ChangeKind::ReasonNameChanged,
                schema::table::REASON.name,
                &old.reason(),
                &new.reason(),
                Some(format!(
                    "also renames every {{Row}}{} enum to {{Row}}{}",
                    old.reason(),
                    new.reason()
                )),
            ),
        ];
        for (kind, key, old_name, new_name, detail) in renames {
            if old_name != new_name {
                let values = (Some(Value::name(old_name)), Some(Value::name(new_name)));
                let at = Sites::keyed(here, there, key);
                self.push(kind, path, at, values, Impact::Breaking, detail);
            }
        }
    }

    /// Object kind changes; returns the pairing, which row objects follow.
    fn object_kinds(
        &mut self,
        table: &str,
        at: &Both,
        old: &[ObjectKind],
        new: &[ObjectKind],
    ) -> Pairs {
        let same_name = |a: &ObjectKind, b: &ObjectKind| a.name() == b.name();
        let same_text = |a: &ObjectKind, b: &ObjectKind| a.text().primary() == b.text().primary();
        let pairs = Pairs::new(old, new, &[&same_name, &same_text]);
        let item = |kind: &ObjectKind| Value::Item {
            name: kind.name().to_owned(),
            text: kind.text().primary().map(str::to_string),
        };
        let (here, there) = (&at.old, &at.new);
        let old_site = |i: usize| here.object_kind(i);
        let new_site = |j: usize| there.object_kind(j);
        for (i, (kind, pair)) in old.iter().zip(&pairs.old).enumerate() {
            let path = format!("{table}/object kind {}", kind.name());
            let Some(j) = pair else {
                let values = (Some(item(kind)), None);
                self.push(
                    ChangeKind::ObjectKindRemoved,
                    &path,
                    Sites::old(old_site(i)),
                    values,
                    Impact::Breaking,
                    None,
                );
                self.within(there);
                continue;
            };
            let next = &new[*j];
            let (before, after) = (old_site(i), new_site(*j));
            if kind.name() != next.name() {
                let values = (
                    Some(Value::name(kind.name())),
                    Some(Value::name(next.name())),
                );
                self.push(
                    ChangeKind::ObjectKindRenamed,
                    &path,
                    Sites::keyed(&before, &after, schema::object_kind::NAME.name),
                    values,
                    Impact::Breaking,
                    None,
                );
            }
            self.texts(
                ChangeKind::ObjectKindTextChanged,
                &path,
                (&before, &after),
                schema::object_kind::TEXTS,
                kind.text(),
                next.text(),
            );
        }
        for j in pairs.added() {
            let path = format!("{table}/object kind {}", new[j].name());
            let values = (None, Some(item(&new[j])));
            self.push(
                ChangeKind::ObjectKindAdded,
                &path,
                Sites::new(new_site(j)),
                values,
                Impact::Minor,
                None,
            );
        }
        if let Some((i, j)) = pairs.first_moved() {
            let orders = pairs.orders(old, new, |kind| kind.name().to_owned());
            let detail = Some("the kind enum derives Ord in declaration order".to_string());
            let values = lists(orders);
            self.push(
                ChangeKind::ObjectKindsReordered,
                table,
                Sites::both(&old_site(i), &new_site(j)),
                values,
                Impact::Breaking,
                detail,
            );
        }
        pairs
    }

    fn rows(&mut self, path: &str, at: &Both, old: &Table, new: &Table, kinds: &Pairs) {
        let exact = |a: &Row, b: &Row| a.name() == b.name() && a.code() == b.code();
        let same_name = |a: &Row, b: &Row| a.name() == b.name();
        let same_code = |a: &Row, b: &Row| a.code() == b.code();
        let pairs = Pairs::new(old.rows(), new.rows(), &[&exact, &same_name, &same_code]);
        let context = RowContext {
            old,
            new,
            kinds,
            decoded_before: old.record().is_some(),
        };
        let (here, there) = (&at.old, &at.new);
        let old_site = |i: usize| here.row(i);
        let new_site = |j: usize| there.row(j);
        for (i, (row, pair)) in old.rows().iter().zip(&pairs.old).enumerate() {
            let row_path = format!("{path}/row {}", row.code());
            match pair {
                Some(j) => {
                    let at = Both {
                        old: old_site(i),
                        new: new_site(*j),
                    };
                    self.row(&row_path, &at, row, &new.rows()[*j], &context);
                }
                None => {
                    let values = (Some(row_item(row)), None);
                    // Reserving the code of a removed row is a rule of its own.
                    let kind = match new
                        .reserved()
                        .iter()
                        .any(|reserved| reserved.code() == row.code())
                    {
                        true => ChangeKind::RowRemovedReserved,
                        false => ChangeKind::RowRemoved,
                    };
                    self.push(
                        kind,
                        &row_path,
                        Sites::old(old_site(i)),
                        values,
                        Impact::Breaking,
                        None,
                    );
                    self.within(there);
                }
            }
        }
        for j in pairs.added() {
            let row = &new.rows()[j];
            let row_path = format!("{path}/row {}", row.code());
            let detail = row
                .object()
                .map(|kind| format!("object {}", new.object_kinds()[kind].name()));
            let values = (None, Some(row_item(row)));
            let site = new_site(j);
            self.push(
                ChangeKind::RowAdded,
                &row_path,
                Sites::new(site),
                values,
                Impact::Minor,
                detail,
            );
            for (k, reason) in row.reasons().iter().enumerate() {
                let reason_path = format!("{row_path}/reason {}", reason.codes());
                let values = (None, Some(reason_item(reason)));
                self.push(
                    ChangeKind::ReasonAdded,
                    &reason_path,
                    Sites::new(site.reason(k)),
                    values,
                    Impact::Minor,
                    None,
                );
            }
        }
        if let Some((i, j)) = pairs.first_moved() {
            let orders = pairs.orders(old.rows(), new.rows(), |row| row.name().to_owned());
            self.push(
                ChangeKind::RowsReordered,
                path,
                Sites::both(&old_site(i), &new_site(j)),
                lists(orders),
                Impact::Patch,
                None,
            );
        }
    }

    /// A row on both sides, `at` its sites.
    fn row(&mut self, path: &str, at: &Both, old: &Row, new: &Row, context: &RowContext<'_>) {
        let (here, there) = (&at.old, &at.new);
        if old.name() != new.name() {
            let detail = match (&context.old.record(), &context.new.record()) {
                (Some(old_names), Some(new_names))
                    if !old.reasons().is_empty() && !new.reasons().is_empty() =>
                {
                    Some(format!(
                        "also renames {} to {} and {}::{} to {}::{}",
                        old_names.row_reason(old),
                        new_names.row_reason(new),
                        old_names.reason(),
                        old.name(),
                        new_names.reason(),
                        new.name()
                    ))
                }
                _ => None,
            };
            let values = (Some(Value::name(old.name())), Some(Value::name(new.name())));
            self.push(
                ChangeKind::RowRenamed,
                path,
                Sites::keyed(here, there, schema::row::NAME.name),
                values,
                Impact::Breaking,
                detail,
            );
        }
        if old.code() != new.code() {
            let values = (Some(code_value(old.code())), Some(code_value(new.code())));
            self.push(
                ChangeKind::RowRenumbered,
                path,
                Sites::keyed(here, there, schema::row::CODE.name),
                values,
                Impact::Breaking,
                None,
            );
        }
        self.texts(
            ChangeKind::RowDescriptionChanged,
            path,
            (here, there),
            schema::row::DESCRIPTIONS,
            old.description(),
            new.description(),
        );
        if old.constant() != new.constant() {
            let values = (
                old.constant().map(Value::text),
                new.constant().map(Value::text),
            );
            // A new constant adds a name `from_constant` finds; a changed or
            // vanished one loses one.
            let impact = match old.constant() {
                None => Impact::Minor,
                Some(_) => Impact::Breaking,
            };
            let at = Sites::keyed(here, there, schema::row::CONSTANT.name);
            self.push(ChangeKind::ConstantChanged, path, at, values, impact, None);
        }
        for key in schema::row::PAGES.keys() {
            let lang = key.lang.expect("a page of a language");
            let (before, after) = (old.pages().get(lang), new.pages().get(lang));
            if before != after {
                let values = (before.map(Value::text), after.map(Value::text));
                let at = Sites::keyed(here, there, key.name);
                let field = format!("{path}/{}", key.name);
                let kind = ChangeKind::ProvenanceChanged;
                self.push(kind, &field, at, values, Impact::Patch, None);
            }
        }
        self.row_object(
            path,
            Sites::keyed(here, there, schema::row::OBJECT.name),
            old,
            new,
            context,
        );
        self.notes(path, at, old.notes(), new.notes());
        if old.notes_zh() != new.notes_zh() {
            let list = |notes: &[String]| (!notes.is_empty()).then(|| Value::List(notes.to_vec()));
            let kind = match (old.notes_zh().is_empty(), new.notes_zh().is_empty()) {
                (true, _) => ChangeKind::TranslationAdded,
                (_, true) => ChangeKind::TranslationRemoved,
                _ => ChangeKind::TranslationChanged,
            };
            let impact = match (old.notes_zh().join("\n"), new.notes_zh().join("\n")) {
                (before, after) if kind == ChangeKind::TranslationChanged => {
                    text_impact(&before, &after)
                }
                _ => Impact::Patch,
            };
            let at = Sites::keyed(here, there, schema::row::NOTES_ZH.name);
            self.push(
                kind,
                &format!("{path}/notes"),
                at,
                (list(old.notes_zh()), list(new.notes_zh())),
                impact,
                None,
            );
        }
        // Chinese notes made against English notes that are reworded now.
        let reworded = old.notes().len() != new.notes().len()
            || old
                .notes()
                .iter()
                .zip(new.notes())
                .any(|(before, after)| text_impact(before, after) != Impact::Cosmetic);
        if !old.notes().is_empty()
            && reworded
            && !old.notes_zh().is_empty()
            && old.notes_zh() == new.notes_zh()
        {
            let key = schema::row::NOTES_ZH.name;
            self.push(
                ChangeKind::TranslationToReview,
                &format!("{path}/notes"),
                Sites::keyed(here, there, key),
                (None, None),
                Impact::Cosmetic,
                Some(format!("{key} was made against the English before it")),
            );
        }
        self.reasons(path, at, old, new, context.decoded_before);
    }

    fn row_object(
        &mut self,
        path: &str,
        at: Sites,
        old: &Row,
        new: &Row,
        context: &RowContext<'_>,
    ) {
        let name = |table: &Table, kind: usize| Value::name(table.object_kinds()[kind].name());
        match (old.object(), new.object()) {
            (None, None) => {}
            (None, Some(kind)) => {
                let values = (None, Some(name(context.new, kind)));
                let detail = Some("objects decoded as Other before".to_string());
                self.push(
                    ChangeKind::RowObjectAdded,
                    path,
                    at,
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
                    at,
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
                        at,
                        values,
                        Impact::Breaking,
                        None,
                    );
                }
            }
        }
    }

    fn notes(&mut self, row: &str, at: &Both, old: &[String], new: &[String]) {
        let pairs = Pairs::new(old, new, &[&|a: &String, b: &String| a == b]);
        let removed: Vec<usize> = (0..old.len()).filter(|&i| pairs.old[i].is_none()).collect();
        let added: Vec<usize> = pairs.added().collect();
        let (here, there) = (&at.old, &at.new);
        let old_site = |i: usize| here.note(i);
        let new_site = |j: usize| there.note(j);
        // Unpaired notes pair up by position: a reworded sentence.
        for (k, &i) in removed.iter().enumerate() {
            let path = format!("{row}/note {}", i + 1);
            match added.get(k) {
                Some(&j) => {
                    let at = Sites::both(&old_site(i), &new_site(j));
                    self.text(ChangeKind::NoteChanged, &path, at, &old[i], &new[j]);
                }
                None => {
                    let values = (Some(Value::text(&old[i])), None);
                    let at = Sites::old(old_site(i));
                    self.push(
                        ChangeKind::NoteRemoved,
                        &path,
                        at,
                        values,
                        Impact::Patch,
                        None,
                    );
                    self.within(there);
                }
            }
        }
        for &j in added.iter().skip(removed.len()) {
            let path = format!("{row}/note {}", j + 1);
            let values = (None, Some(Value::text(&new[j])));
            let at = Sites::new(new_site(j));
            self.push(
                ChangeKind::NoteAdded,
                &path,
                at,
                values,
                Impact::Patch,
                None,
            );
        }
        if let Some((i, j)) = pairs.first_moved() {
            let orders = pairs.orders(old, new, Clone::clone);
            self.push(
                ChangeKind::NotesReordered,
                row,
                Sites::both(&old_site(i), &new_site(j)),
                lists(orders),
                Impact::Patch,
                None,
            );
        }
    }

    fn reasons(&mut self, row: &str, at: &Both, old: &Row, new: &Row, decoded_before: bool) {
        let exact = |a: &Reason, b: &Reason| a.name() == b.name() && a.codes() == b.codes();
        let same_name = |a: &Reason, b: &Reason| a.name() == b.name();
        let same_codes = |a: &Reason, b: &Reason| same_codes(a.codes(), b.codes());
        let pairs = Pairs::new(
            old.reasons(),
            new.reasons(),
            &[&exact, &same_name, &same_codes],
        );
        // A paired reason keeps its old index as identity; an added one
        // counts on from the old list.
        let identity = |j: usize| pairs.new[j].unwrap_or(old.reasons().len() + j);
        let name = |id: usize| match old.reasons().get(id) {
            Some(reason) => reason.name(),
            None => new.reasons()[id - old.reasons().len()].name(),
        };
        let decoding = Decoding::compare(
            old,
            &(0..old.reasons().len()).collect::<Vec<_>>(),
            new,
            &(0..new.reasons().len()).map(identity).collect::<Vec<_>>(),
        );
        let (here, there) = (&at.old, &at.new);
        let old_site = |i: usize| here.reason(i);
        let new_site = |j: usize| there.reason(j);
        for (i, (reason, pair)) in old.reasons().iter().zip(&pairs.old).enumerate() {
            let path = format!("{row}/reason {}", reason.codes());
            let Some(j) = pair else {
                let values = (Some(reason_item(reason)), None);
                self.push(
                    ChangeKind::ReasonRemoved,
                    &path,
                    Sites::old(old_site(i)),
                    values,
                    Impact::Breaking,
                    None,
                );
                self.within(there);
                continue;
            };
            let next = &new.reasons()[*j];
            let (before, after) = (old_site(i), new_site(*j));
            if reason.name() != next.name() {
                let values = (
                    Some(Value::name(reason.name())),
                    Some(Value::name(next.name())),
                );
                self.push(
                    ChangeKind::ReasonRenamed,
                    &path,
                    Sites::keyed(&before, &after, schema::reason::NAME.name),
                    values,
                    Impact::Breaking,
                    None,
                );
            }
            if reason.codes() != next.codes() {
                let (impact, data, detail) =
                    codes_impact(&decoding, i, reason.codes(), next.codes(), &name);
                let values = (
                    Some(Value::Codes(reason.codes())),
                    Some(Value::Codes(next.codes())),
                );
                let kind = codes_change(reason.codes(), next.codes());
                let at = Sites {
                    old: Some(before.key(codes_key(reason.codes()))),
                    new: Some(after.key(codes_key(next.codes()))),
                };
                self.push(kind, &path, at, values, impact, detail);
                self.data(data);
            }
            self.texts(
                ChangeKind::ReasonDescriptionChanged,
                &path,
                (&before, &after),
                schema::reason::DESCRIPTIONS,
                reason.description(),
                next.description(),
            );
        }
        for j in pairs.added() {
            let reason = &new.reasons()[j];
            let path = format!("{row}/reason {}", reason.codes());
            let (impact, detail) = match decoded_before {
                true => added_impact(&decoding, identity(j), &name),
                false => (Impact::Minor, None),
            };
            let values = (None, Some(reason_item(reason)));
            let at = Sites::new(new_site(j));
            self.push(ChangeKind::ReasonAdded, &path, at, values, impact, detail);
        }
        if let Some((i, j)) = pairs.first_moved() {
            let orders = pairs.orders(old.reasons(), new.reasons(), |reason| {
                reason.name().to_owned()
            });
            self.push(
                ChangeKind::ReasonsReordered,
                row,
                Sites::both(&old_site(i), &new_site(j)),
                lists(orders),
                Impact::Patch,
                None,
            );
        }
    }
}

/// The key that lists a reason's codes: `code`, `range`, or `default` for an
/// open reason with one (what changes when its default changes), else `open`.
fn codes_key(codes: ReasonCodes) -> &'static str {
    match codes {
        ReasonCodes::Single(_) => schema::reason::CODE.name,
        ReasonCodes::Range { .. } => schema::reason::RANGE.name,
        ReasonCodes::Open { default: Some(_) } => schema::reason::DEFAULT.name,
        ReasonCodes::Open { default: None } => schema::reason::OPEN.name,
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

/// The impact of a reason's codes changing from `old` to `new` on the API
/// and on data, judged by what every code decodes to before and after.
fn codes_impact<'a>(
    decoding: &Decoding,
    id: usize,
    old: ReasonCodes,
    new: ReasonCodes,
    name: &dyn Fn(usize) -> &'a str,
) -> (Impact, Impact, Option<String>) {
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
    // Data reads codes only: a code field gained or lost breaks the API
    // alone.
    let data = match (lost.is_empty() && taken.is_empty(), &unlisted) {
        (false, _) => Impact::Breaking,
        (true, Some(_)) => Impact::Minor,
        (true, None) => Impact::Patch,
    };
    breaks.extend(taken);
    let (api, detail) = match (breaks.is_empty(), unlisted) {
        (false, _) => (Impact::Breaking, Some(breaks.join("; "))),
        (true, Some(codes)) => {
            let detail = format!("now also decodes {}, unlisted before", show(&codes));
            (Impact::Minor, Some(detail))
        }
        (true, None) => (
            Impact::Patch,
            Some("every code decodes as before".to_string()),
        ),
    };
    (api, data, detail)
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
        name: marker.name().to_owned(),
        text: Some(format!("{}: {}", marker.code(), marker.description())),
    }
}

fn table_item(table: &Table) -> Value {
    let page = table.page();
    Value::Item {
        name: table.name().to_owned(),
        text: Some(page.caption().unwrap_or(page.title()).to_owned()),
    }
}

fn row_item(row: &Row) -> Value {
    Value::Item {
        name: row.name().to_owned(),
        text: row.description().primary().map(str::to_string),
    }
}

fn reason_item(reason: &Reason) -> Value {
    Value::Item {
        name: reason.name().to_owned(),
        text: reason.description().primary().map(str::to_string),
    }
}

/// A row's code as a value: a number, or a text code as text.
fn code_value(code: &RowCode) -> Value {
    match code {
        RowCode::Integer(code) => Value::Code(*code),
        RowCode::Text(text) => Value::text(text),
    }
}

/// Patch, or cosmetic where the texts are the same text to a reader: equal
/// under NFKC, which folds full-width punctuation (`：`, `，`, `（`) into
/// its ASCII form.
fn text_impact(old: &str, new: &str) -> Impact {
    match old.nfkc().eq(new.nfkc()) {
        true => Impact::Cosmetic,
        false => Impact::Patch,
    }
}
