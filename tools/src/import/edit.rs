//! Format-preserving edits of a spec document: a changed value keeps the
//! comments and spacing around it, a new key goes where the schema puts it,
//! and tables print in document order.

use toml_edit::{Array, ArrayOfTables, Item, Table, Value};

use super::Lang;
use codes_codegen::schema::{self, Entry};

/// The key order of a `[[table]]`, from the schema.
pub(super) const TABLE_KEYS: &Entry = &schema::TABLE;
/// The key order of a `[table.zh]` page.
pub(super) const PAGE_KEYS: &Entry = &schema::PAGE_ZH;
/// The key order of a `[[table.object_kind]]`.
pub(super) const KIND_KEYS: &Entry = &schema::OBJECT_KIND;
/// The key order of a `[[table.row]]`.
pub(super) const ROW_KEYS: &Entry = &schema::ROW;
/// The key order of a `[[table.row.reason]]`.
pub(super) const REASON_KEYS: &Entry = &schema::REASON;

/// The comment marking a proposed name.
pub(super) const PROPOSED: &str = " # review: proposed name";
/// The comment marking a value the vendor text does not give.
pub(super) const NOT_IN_TEXT: &str = " # review: not in the vendor text";

/// A string value.
pub(super) fn string(text: &str) -> Value {
    Value::from(text)
}

/// An array of strings, `["a", "b"]`.
pub(super) fn strings(texts: &[String]) -> Value {
    Value::Array(texts.iter().map(String::as_str).collect::<Array>())
}

/// `[start, end]`.
pub(super) fn range(start: i32, end: i32) -> Value {
    Value::Array([i64::from(start), i64::from(end)].into_iter().collect())
}

/// `value` with a trailing comment such as [`PROPOSED`].
pub(super) fn commented(mut value: Value, comment: &str) -> Value {
    value.decor_mut().set_suffix(comment);
    value
}

/// Sets `key` to `value`: an existing value is replaced with its comments
/// and spacing kept (except a review comment: the value now comes from the
/// vendor text); a new key goes before the first key that `order` puts after
/// it.
pub(super) fn set(table: &mut Table, key: &str, mut value: Value, order: &Entry) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            let mut decor = old.decor().clone();
            let reviewed = decor
                .suffix()
                .and_then(|suffix| suffix.as_str())
                .is_some_and(|suffix| suffix.trim_start().starts_with("# review:"));
            if reviewed {
                decor.set_suffix("");
            }
            *value.decor_mut() = decor;
            *old = value;
        }
        Some(item) => *item = Item::Value(value),
        None => insert(table, key, Item::Value(value), order),
    }
}

/// Inserts a new `key` before the first existing key that `order` puts after
/// it, keeping every key's formatting.
pub(super) fn insert(table: &mut Table, key: &str, item: Item, order: &Entry) {
    let rank = |key: &str| {
        order
            .key_names()
            .position(|known| known == key)
            .unwrap_or(order.keys.len())
    };
    let own = rank(key);
    let later: Vec<String> = table
        .iter()
        .map(|(existing, _)| existing.to_string())
        .skip_while(|existing| rank(existing) <= own)
        .collect();
    let moved: Vec<_> = later
        .iter()
        .filter_map(|existing| table.remove_entry(existing))
        .collect();
    table.insert(key, item);
    for (moved_key, moved_item) in moved {
        table.insert_formatted(&moved_key, moved_item);
    }
}

/// Takes the tables under `key` out of `table`, leaving an empty array of
/// tables in place for [`put_tables`]. An inline array of inline tables is
/// converted; anything else (an empty inline array) is left in place and
/// yields no tables.
pub(super) fn take_tables(table: &mut Table, key: &str) -> Vec<Table> {
    let Some(item) = table.get_mut(key) else {
        return Vec::new();
    };
    let taken = std::mem::replace(item, Item::ArrayOfTables(ArrayOfTables::new()));
    let inline = taken.is_value();
    match taken.into_array_of_tables() {
        Ok(tables) => {
            if let (true, Some(mut key)) = (inline, table.key_mut(key)) {
                // The spacing of `row = [` would end up inside `[[table.row]]`.
                key.leaf_decor_mut().clear();
            }
            tables.into_iter().collect()
        }
        Err(original) => {
            *item = original;
            Vec::new()
        }
    }
}

/// Puts `tables` under `key` as `[[…]]` tables, in order. No tables remove
/// the key, unless it holds an inline value [`take_tables`] left in place.
pub(super) fn put_tables(table: &mut Table, key: &str, tables: Vec<Table>, order: &Entry) {
    if tables.is_empty() {
        if table.get(key).is_some_and(Item::is_array_of_tables) {
            table.remove(key);
        }
        return;
    }
    let tables = Item::ArrayOfTables(tables.into_iter().collect::<ArrayOfTables>());
    match table.get_mut(key) {
        Some(item) => *item = tables,
        None => insert(table, key, tables, order),
    }
}

/// Numbers every table in document order, so that the document prints its
/// tables in the order of its arrays (toml_edit prints by position, and
/// moved or new tables have none).
pub(super) fn renumber(table: &mut Table, next: &mut isize) {
    if !table.is_dotted() {
        table.set_position(Some(*next));
        *next += 1;
    }
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(child) => renumber(child, next),
            Item::ArrayOfTables(children) => {
                for child in children.iter_mut() {
                    renumber(child, next);
                }
            }
            _ => {}
        }
    }
}

/// The TOML table holding `lang`'s page keys in `toml` (a `[[table]]`):
/// `toml` itself, or its `[table.zh]`, made if missing.
pub(super) fn page_table(lang: Lang, toml: &mut Table) -> &mut Table {
    match lang {
        Lang::En => toml,
        Lang::Zh => {
            let key = schema::table::ZH.name;
            if !toml.get(key).is_some_and(Item::is_table) {
                insert(toml, key, Item::Table(Table::new()), TABLE_KEYS);
            }
            toml.get_mut(key)
                .and_then(Item::as_table_mut)
                .expect("just made")
        }
    }
}
