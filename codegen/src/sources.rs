//! Where each item of a validated spec is in its text: the source map the
//! one parse leaves beside the model, for diagnostics, diff annotations and
//! `codes check` notes. Items are addressed as the model holds them (by
//! index, in the order of the text), so a map and its model always agree.

use std::ops::Range;

use toml::Spanned;

use crate::model::Lang;
use crate::parse::{RawPage, RawReason, RawRow, RawSpec, RawTable};
use crate::schema::{self, Key};

/// An item of a spec, by its indices in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Item {
    /// `[source]`.
    Source,
    /// A `[[not_applicable]]` marker.
    Marker(usize),
    /// A `[[table]]`.
    Table(usize),
    /// A table's page in one language: the `[[table]]` for English,
    /// `[table.zh]` for Chinese.
    Page {
        /// The table.
        table: usize,
        /// The page's language.
        lang: Lang,
    },
    /// An object kind of a table.
    ObjectKind {
        /// The table.
        table: usize,
        /// The kind.
        kind: usize,
    },
    /// A row of a table.
    Row {
        /// The table.
        table: usize,
        /// The row.
        row: usize,
    },
    /// A reason of a row.
    Reason {
        /// The table.
        table: usize,
        /// The row.
        row: usize,
        /// The reason.
        reason: usize,
    },
    /// One of a row's notes in one language.
    Note {
        /// The table.
        table: usize,
        /// The row.
        row: usize,
        /// The note's language.
        lang: Lang,
        /// The note.
        note: usize,
    },
    /// A reserved code of a table.
    Reserved {
        /// The table.
        table: usize,
        /// The reserved entry.
        reserved: usize,
    },
}

/// Byte spans of a spec's items and of their keys' values, and the text's
/// line starts to turn them into lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// Every item with its spans, sorted by item for a binary search (a
    /// sorted `Vec` rather than a map: the crate is compiled in every
    /// downstream build, and a map type per key type costs its compile
    /// time).
    items: Vec<(Item, Spans)>,
    line_starts: Vec<usize>,
}

/// The spans of one item: its own, and its keys' values (a dozen at most,
/// searched in order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Spans {
    span: Range<usize>,
    keys: Vec<(&'static str, Range<usize>)>,
}

impl SourceMap {
    /// The span of `item`: of an array-of-tables entry its `[[…]]` header
    /// and keys, of an inline table its braces, of a note its string.
    pub fn span(&self, item: Item) -> Option<Range<usize>> {
        Some(self.spans(item)?.span.clone())
    }

    /// The span of the value of the key named `key` (a name of the
    /// [`schema`] module) in `item`, where the item has it.
    pub fn key_span(&self, item: Item, key: &str) -> Option<Range<usize>> {
        let spans = self.spans(item)?;
        let (_, span) = spans.keys.iter().find(|(name, _)| *name == key)?;
        Some(span.clone())
    }

    fn spans(&self, item: Item) -> Option<&Spans> {
        let index = self
            .items
            .binary_search_by(|(other, _)| other.cmp(&item))
            .ok()?;
        Some(&self.items[index].1)
    }

    /// The 1-based line of the value of the key named `key` in `item` where
    /// the item has the key, else of the item.
    pub fn line(&self, item: Item, key: Option<&str>) -> Option<usize> {
        let span = key
            .and_then(|key| self.key_span(item, key))
            .or_else(|| self.span(item))?;
        Some(self.line_at(span.start))
    }

    /// The 1-based line of a byte offset of the text.
    pub fn line_at(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// The map of `raw`, read from `text`.
    pub(crate) fn new(raw: &RawSpec, text: &str) -> SourceMap {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        let mut map = SourceMap {
            line_starts,
            ..SourceMap::default()
        };
        if let Some(source) = &raw.source {
            let item = Item::Source;
            map.item(item, source.span());
            let raw = source.get_ref();
            use schema::source::{DOCUMENT, PRODUCT, SITE, SITE_ZH, VENDOR};
            map.key(item, &VENDOR, &raw.vendor);
            map.key(item, &PRODUCT, &raw.product);
            map.key(item, &DOCUMENT, &raw.document);
            map.key(item, &SITE, &raw.site);
            map.key(item, &SITE_ZH, &raw.site_zh);
        }
        for (index, marker) in raw.not_applicable.iter().enumerate() {
            let item = Item::Marker(index);
            map.item(item, marker.span());
            let raw = marker.get_ref();
            use schema::marker::{CODE, DESCRIPTION, NAME};
            map.key(item, &CODE, &raw.code);
            map.key(item, &NAME, &raw.name);
            map.key(item, &DESCRIPTION, &raw.description);
        }
        for (index, table) in raw.table.iter().enumerate() {
            map.table(index, table);
        }
        // Items are added in the order of the text, each once.
        map.items.sort_unstable_by_key(|(item, _)| *item);
        map
    }

    fn item(&mut self, item: Item, span: Range<usize>) {
        let keys = Vec::new();
        self.items.push((item, Spans { span, keys }));
    }

    /// Adds the span of `key`'s value, where given, to `item`, added last
    /// or nearly (a row's notes come between its keys).
    fn key<T>(&mut self, item: Item, key: &Key, value: &Option<Spanned<T>>) {
        if let Some(value) = value {
            self.key_at(item, key.name, value.span());
        }
    }

    fn key_at(&mut self, item: Item, key: &'static str, span: Range<usize>) {
        let added = self
            .items
            .iter_mut()
            .rev()
            .find(|(other, _)| *other == item);
        let (_, spans) = added.expect("an item is added before its keys");
        spans.keys.push((key, span));
    }

    fn table(&mut self, index: usize, raw: &Spanned<RawTable>) {
        use schema::table::{KEY, NAME, OBJECT, REASON, RECORD, SUMMARY, ZH};
        let item = Item::Table(index);
        self.item(item, raw.span());
        let table = raw.get_ref();
        self.key(item, &NAME, &table.name);
        self.key(item, &KEY, &table.key);
        self.key(item, &SUMMARY, &table.summary);
        self.key(item, &RECORD, &table.record);
        self.key(item, &OBJECT, &table.object);
        self.key(item, &REASON, &table.reason);
        self.key(item, &ZH, &table.zh);
        // The English page's keys are the table's own.
        self.page(item, &table.page);
        let english = Item::Page {
            table: index,
            lang: Lang::En,
        };
        self.item(english, raw.span());
        self.page(english, &table.page);
        if let Some(zh) = &table.zh {
            let chinese = Item::Page {
                table: index,
                lang: Lang::Zh,
            };
            self.item(chinese, zh.span());
            self.page(chinese, zh.get_ref());
        }
        for (kind, raw) in table.object_kind.iter().enumerate() {
            use schema::object_kind::{NAME, TEXT, TEXT_ZH};
            let item = Item::ObjectKind { table: index, kind };
            self.item(item, raw.span());
            self.key(item, &NAME, &raw.get_ref().name);
            self.key(item, &TEXT, &raw.get_ref().text);
            self.key(item, &TEXT_ZH, &raw.get_ref().text_zh);
        }
        for (row, raw) in table.row.iter().enumerate() {
            self.row(index, row, raw);
        }
        for (reserved, raw) in table.reserved.iter().enumerate() {
            use schema::reserved::{CODE, NAME, NOTE};
            let item = Item::Reserved {
                table: index,
                reserved,
            };
            self.item(item, raw.span());
            self.key(item, &CODE, &raw.get_ref().code);
            self.key(item, &NAME, &raw.get_ref().name);
            self.key(item, &NOTE, &raw.get_ref().note);
        }
    }

    fn page(&mut self, item: Item, page: &RawPage) {
        use schema::page::{CAPTION, COLUMNS, NOTES, PAGE, SUBTITLE, TITLE, UPDATED};
        self.key(item, &TITLE, &page.title);
        self.key(item, &SUBTITLE, &page.subtitle);
        self.key(item, &CAPTION, &page.caption);
        self.key(item, &PAGE, &page.page);
        self.key(item, &UPDATED, &page.updated);
        self.key(item, &COLUMNS, &page.columns);
        self.key(item, &NOTES, &page.notes);
    }

    fn row(&mut self, table: usize, index: usize, raw: &Spanned<RawRow>) {
        use schema::row::{
            CODE, CONSTANT, DESCRIPTION, DESCRIPTION_ZH, NAME, NOTES_IN, OBJECT, PAGE, PAGE_ZH,
        };
        let item = Item::Row { table, row: index };
        self.item(item, raw.span());
        let row = raw.get_ref();
        self.key(item, &CODE, &row.code);
        self.key(item, &NAME, &row.name);
        self.key(item, &CONSTANT, &row.constant);
        self.key(item, &DESCRIPTION, &row.description);
        self.key(item, &DESCRIPTION_ZH, &row.description_zh);
        self.key(item, &PAGE, &row.page);
        self.key(item, &PAGE_ZH, &row.page_zh);
        self.key(item, &OBJECT, &row.object);
        for (lang, notes) in [(Lang::En, &row.notes), (Lang::Zh, &row.notes_zh)] {
            self.key(item, NOTES_IN.key(lang), notes);
            let notes = notes.iter().flat_map(Spanned::get_ref);
            for (note, text) in notes.enumerate() {
                let at = Item::Note {
                    table,
                    row: index,
                    lang,
                    note,
                };
                self.item(at, text.span());
            }
        }
        for (reason, raw) in row.reason.iter().enumerate() {
            self.reason(
                Item::Reason {
                    table,
                    row: index,
                    reason,
                },
                raw,
            );
        }
    }

    fn reason(&mut self, item: Item, raw: &Spanned<RawReason>) {
        use schema::reason::{CODE, DEFAULT, DESCRIPTION, DESCRIPTION_ZH, NAME, OPEN, RANGE};
        self.item(item, raw.span());
        let reason = raw.get_ref();
        self.key(item, &CODE, &reason.code);
        self.key(item, &RANGE, &reason.range);
        self.key(item, &OPEN, &reason.open);
        self.key(item, &DEFAULT, &reason.default);
        self.key(item, &NAME, &reason.name);
        self.key(item, &DESCRIPTION, &reason.description);
        self.key(item, &DESCRIPTION_ZH, &reason.description_zh);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Spec;

    const SPEC: &str = "[source]\nvendor = \"V\"\nproduct = \"P\"\ndocument = \"D\"\n\n\
        [[table]]\nname = \"T\"\ntitle = \"T\"\npage = \"p\"\ncolumns = [\"a\", \"b\", \"c\", \"d\"]\n\
        record = \"R\"\nobject = \"O\"\nreason = \"Why\"\n\n\
        [[table.row]]\ncode = 0\nname = \"A\"\ndescription = \"a\"\nnotes = [\n  \"first\",\n  \"second\",\n]\n\n\
        [[table.row.reason]]\ncode = 1\nname = \"X\"\n\n\
        [[table.row]]\ncode = 1\nname = \"B\"\ndescription = \"b\"\nreason = [{ code = 3, name = \"Y\" }]\n";

    #[test]
    fn items_and_keys_are_found_at_their_lines() {
        let (_, map) = Spec::from_toml_with_sources("codes.toml", SPEC).unwrap();
        let line = |item, key: Option<&Key>| map.line(item, key.map(|key| key.name));
        assert_eq!(line(Item::Source, Some(&schema::source::VENDOR)), Some(2));
        assert_eq!(line(Item::Table(0), None), Some(6));
        assert_eq!(line(Item::Table(0), Some(&schema::table::NAME)), Some(7));
        let (a, b) = (
            Item::Row { table: 0, row: 0 },
            Item::Row { table: 0, row: 1 },
        );
        assert_eq!(line(a, None), Some(15));
        assert_eq!(line(a, Some(&schema::row::NOTES)), Some(19));
        let second = Item::Note {
            table: 0,
            row: 0,
            lang: Lang::En,
            note: 1,
        };
        assert_eq!(line(second, None), Some(21));
        let x = Item::Reason {
            table: 0,
            row: 0,
            reason: 0,
        };
        assert_eq!(line(x, Some(&schema::reason::CODE)), Some(25));
        assert_eq!(line(b, Some(&schema::row::CODE)), Some(29));
        // An inline table is found at its brace.
        let y = Item::Reason {
            table: 0,
            row: 1,
            reason: 0,
        };
        assert_eq!(line(y, None), Some(32));
        // A key the item lacks points at the item.
        assert_eq!(line(b, Some(&schema::row::OBJECT)), Some(28));
        assert_eq!(line(Item::Table(1), None), None);
    }
}
