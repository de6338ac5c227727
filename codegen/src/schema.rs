//! The spec's schema, described once: its entries, their keys in the order
//! a spec writes them, what each key holds, which language it carries and
//! whether it is required.
//!
//! The parser reads every key through these constants and reports any other
//! key as unknown; validation names keys by them; the maintainers' tools
//! (the importer's editors and page writer, the diff walk, the language
//! helpers) address spec keys only through them. Adding a key to the spec
//! is one constant here, listed in its entry, plus the code that gives it
//! meaning (the parser's field, validation, the model).
//!
//! A text the vendor gives in both languages is a pair of keys
//! ([`Localized`]): English under the plain key, Chinese under `_zh`. A
//! table's English page is written on the `[[table]]` itself, each other
//! language's page in a sub-table named by its tag (`[table.zh]`), with
//! the same [`page`] keys.

use codes_runtime::Lang;

/// One kind of entry of a spec: a TOML table or array of tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The TOML header, e.g. `table.row` for `[[table.row]]`.
    pub header: &'static str,
    /// Whether the entry repeats (`[[…]]`) or stands once (`[…]`).
    pub repeats: bool,
    /// The keys, in the order a spec writes them.
    pub keys: &'static [&'static Key],
}

impl Entry {
    /// The key called `name`, if the entry has one.
    pub fn key(&self, name: &str) -> Option<&'static Key> {
        self.keys.iter().copied().find(|key| key.name == name)
    }

    /// The names of the keys, in order.
    pub fn key_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keys.iter().map(|key| key.name)
    }

    /// How a spec writes the entry's header: `[[table.row]]`, `[source]`.
    pub fn display(&self) -> String {
        match self.repeats {
            true => format!("[[{}]]", self.header),
            false => format!("[{}]", self.header),
        }
    }
}

/// One key of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key as the spec writes it.
    pub name: &'static str,
    /// What the key holds.
    pub value: Value,
    /// The language of the vendor text the key holds, for texts.
    pub lang: Option<Lang>,
    /// Whether an entry must have the key.
    pub required: Required,
}

/// What a key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A string.
    String,
    /// An array of strings.
    Strings,
    /// An integer code.
    Integer,
    /// `[first, last]`, integer codes.
    Range,
    /// A boolean.
    Boolean,
    /// A row's code: an integer, or a string in a text-keyed table.
    Code,
    /// A sub-table, once.
    Table(&'static Entry),
    /// An array of sub-tables.
    Tables(&'static Entry),
}

/// Whether an entry must have a key; conditions are checked by validation,
/// which says which one failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    /// Always.
    Yes,
    /// Never.
    No,
    /// Under the condition described.
    When(&'static str),
}

/// A vendor text's keys, one per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localized {
    /// The English key, e.g. `description`.
    pub en: &'static Key,
    /// The Chinese key, e.g. `description_zh`.
    pub zh: &'static Key,
}

impl Localized {
    /// The key of `lang`'s text.
    pub fn key(&self, lang: Lang) -> &'static Key {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }

    /// Both keys, English first.
    pub fn keys(&self) -> [&'static Key; 2] {
        [self.en, self.zh]
    }
}

const fn key(name: &'static str, value: Value, required: Required) -> Key {
    Key {
        name,
        value,
        lang: None,
        required,
    }
}

const fn text(name: &'static str, value: Value, lang: Lang, required: Required) -> Key {
    Key {
        name,
        value,
        lang: Some(lang),
        required,
    }
}

/// The whole spec: its top-level entries.
pub const SPEC: Entry = Entry {
    header: "",
    repeats: false,
    keys: &[&spec::SOURCE, &spec::NOT_APPLICABLE, &spec::TABLE],
};

/// Top-level keys.
pub mod spec {
    use super::*;
    /// `[source]`: who publishes the tables.
    pub const SOURCE: Key = key("source", Value::Table(&super::SOURCE), Required::Yes);
    /// `[[not_applicable]]`: how the vendor writes "not applicable".
    pub const NOT_APPLICABLE: Key = key(
        "not_applicable",
        Value::Tables(&super::MARKER),
        Required::No,
    );
    /// `[[table]]`: the vendor's tables.
    pub const TABLE: Key = key("table", Value::Tables(&super::TABLE), Required::Yes);
}

/// `[source]`.
pub const SOURCE: Entry = Entry {
    header: "source",
    repeats: false,
    keys: &[
        &source::VENDOR,
        &source::PRODUCT,
        &source::DOCUMENT,
        &source::SITE,
        &source::SITE_ZH,
    ],
};

/// Keys of `[source]`.
pub mod source {
    use super::*;
    /// The vendor.
    pub const VENDOR: Key = key("vendor", Value::String, Required::Yes);
    /// The product the tables belong to.
    pub const PRODUCT: Key = key("product", Value::String, Required::Yes);
    /// The document the tables are taken from.
    pub const DOCUMENT: Key = key("document", Value::String, Required::Yes);
    /// Where the vendor's English pages live: a page's address is this
    /// base URL, its page id and `.html`.
    pub const SITE: Key = text("site", Value::String, Lang::En, Required::No);
    /// Where the vendor's Chinese pages live.
    pub const SITE_ZH: Key = text("site_zh", Value::String, Lang::Zh, Required::No);
    /// The site in either language.
    pub const SITES: Localized = Localized {
        en: &SITE,
        zh: &SITE_ZH,
    };
}

/// `[[not_applicable]]`.
pub const MARKER: Entry = Entry {
    header: "not_applicable",
    repeats: true,
    keys: &[&marker::CODE, &marker::NAME, &marker::DESCRIPTION],
};

/// Keys of `[[not_applicable]]`.
pub mod marker {
    use super::*;
    /// The number, e.g. `65535`.
    pub const CODE: Key = key("code", Value::Integer, Required::Yes);
    /// The Rust variant name.
    pub const NAME: Key = key("name", Value::String, Required::Yes);
    /// What the vendor calls it and where.
    pub const DESCRIPTION: Key = key("description", Value::String, Required::Yes);
}

/// `[[table]]`: a table and its English page.
pub const TABLE: Entry = Entry {
    header: "table",
    repeats: true,
    keys: &[
        &table::NAME,
        &table::KEY,
        &table::SUMMARY,
        &page::TITLE,
        &page::SUBTITLE,
        &page::CAPTION,
        &page::PAGE,
        &page::UPDATED,
        &page::COLUMNS,
        &page::NOTES,
        &table::RECORD,
        &table::OBJECT,
        &table::REASON,
        &table::ZH,
        &table::OBJECT_KIND,
        &table::ROW,
        &table::RESERVED,
    ],
};

/// Keys of `[[table]]` besides its English page's.
pub mod table {
    use super::*;
    /// The Rust name of the enum of codes.
    pub const NAME: Key = key("name", Value::String, Required::Yes);
    /// `"integer"` (the default) or `"text"` codes.
    pub const KEY: Key = key("key", Value::String, Required::No);
    /// What the table's codes are, in our words: the first line of the
    /// enum's docs, where the vendor's title does not say it.
    pub const SUMMARY: Key = key("summary", Value::String, Required::No);
    /// The Rust name of the decoded row.
    pub const RECORD: Key = key(
        "record",
        Value::String,
        Required::When("the table has objects or reasons"),
    );
    /// The Rust name of the decoded object.
    pub const OBJECT: Key = key(
        "object",
        Value::String,
        Required::When("the table has objects or reasons"),
    );
    /// The Rust name of the decoded reason.
    pub const REASON: Key = key(
        "reason",
        Value::String,
        Required::When("the table has objects or reasons"),
    );
    /// `[table.zh]`: the Chinese page.
    pub const ZH: Key = key("zh", Value::Table(&super::PAGE_ZH), Required::No);
    /// `[[table.object_kind]]`.
    pub const OBJECT_KIND: Key = key(
        "object_kind",
        Value::Tables(&super::OBJECT_KIND),
        Required::No,
    );
    /// `[[table.row]]`.
    pub const ROW: Key = key("row", Value::Tables(&super::ROW), Required::Yes);
    /// `[[table.reserved]]`.
    pub const RESERVED: Key = key("reserved", Value::Tables(&super::RESERVED), Required::No);

    /// The key of the sub-table holding `lang`'s page, `None` for English,
    /// whose page keys are the table's own.
    pub fn page_table(lang: Lang) -> Option<&'static Key> {
        match lang {
            Lang::En => None,
            Lang::Zh => Some(&ZH),
        }
    }
}

/// `[table.zh]`: a table's Chinese page.
pub const PAGE_ZH: Entry = Entry {
    header: "table.zh",
    repeats: false,
    keys: page::KEYS,
};

/// Keys of a table's page in one language: on the `[[table]]` for English,
/// in `[table.zh]` for Chinese.
pub mod page {
    use super::*;
    /// The page title.
    pub const TITLE: Key = key("title", Value::String, Required::When("the page is given"));
    /// A line between the title and the table.
    pub const SUBTITLE: Key = key("subtitle", Value::String, Required::No);
    /// The table caption as the vendor prints it.
    pub const CAPTION: Key = key("caption", Value::String, Required::No);
    /// The vendor page id.
    pub const PAGE: Key = key("page", Value::String, Required::When("the page is given"));
    /// The date after "Updated on".
    pub const UPDATED: Key = key("updated", Value::String, Required::No);
    /// The column headers.
    pub const COLUMNS: Key = key(
        "columns",
        Value::Strings,
        Required::When("the page is given"),
    );
    /// The table's notes: a note between the header and the rows.
    pub const NOTES: Key = key("notes", Value::Strings, Required::No);
    /// Every page key, in order.
    pub const KEYS: &[&Key] = &[
        &TITLE, &SUBTITLE, &CAPTION, &PAGE, &UPDATED, &COLUMNS, &NOTES,
    ];
}

/// `[[table.object_kind]]`.
pub const OBJECT_KIND: Entry = Entry {
    header: "table.object_kind",
    repeats: true,
    keys: &[
        &object_kind::NAME,
        &object_kind::TEXT,
        &object_kind::TEXT_ZH,
    ],
};

/// Keys of `[[table.object_kind]]`.
pub mod object_kind {
    use super::*;
    /// The Rust variant name.
    pub const NAME: Key = key("name", Value::String, Required::Yes);
    /// The vendor's English cell text.
    pub const TEXT: Key = text(
        "text",
        Value::String,
        Lang::En,
        Required::When("no `text_zh`"),
    );
    /// The vendor's Chinese cell text.
    pub const TEXT_ZH: Key = text(
        "text_zh",
        Value::String,
        Lang::Zh,
        Required::When("no `text`"),
    );
    /// The cell text in either language.
    pub const TEXTS: Localized = Localized {
        en: &TEXT,
        zh: &TEXT_ZH,
    };
}

/// `[[table.row]]`.
pub const ROW: Entry = Entry {
    header: "table.row",
    repeats: true,
    keys: &[
        &row::CODE,
        &row::NAME,
        &row::CONSTANT,
        &row::DESCRIPTION,
        &row::DESCRIPTION_ZH,
        &row::PAGE,
        &row::PAGE_ZH,
        &row::OBJECT,
        &row::NOTES,
        &row::NOTES_ZH,
        &row::REASON,
    ],
};

/// Keys of `[[table.row]]`.
pub mod row {
    use super::*;
    /// The vendor code.
    pub const CODE: Key = key("code", Value::Code, Required::Yes);
    /// The Rust variant name.
    pub const NAME: Key = key("name", Value::String, Required::Yes);
    /// The vendor's constant name.
    pub const CONSTANT: Key = key(
        "constant",
        Value::String,
        Required::When("any row of the table has one"),
    );
    /// The vendor's English description.
    pub const DESCRIPTION: Key = text(
        "description",
        Value::String,
        Lang::En,
        Required::When("an integer table's row has no `description_zh`"),
    );
    /// The vendor's Chinese description.
    pub const DESCRIPTION_ZH: Key = text(
        "description_zh",
        Value::String,
        Lang::Zh,
        Required::When("an integer table's row has no `description`"),
    );
    /// The description in either language.
    pub const DESCRIPTIONS: Localized = Localized {
        en: &DESCRIPTION,
        zh: &DESCRIPTION_ZH,
    };
    /// The page the row's English texts come from, where it is not the
    /// table's.
    pub const PAGE: Key = text("page", Value::String, Lang::En, Required::No);
    /// The page the row's Chinese texts come from, where it is not the
    /// table's.
    pub const PAGE_ZH: Key = text("page_zh", Value::String, Lang::Zh, Required::No);
    /// The row's page in either language.
    pub const PAGES: Localized = Localized {
        en: &PAGE,
        zh: &PAGE_ZH,
    };
    /// The object kind's name; absent is the vendor's `-1`.
    pub const OBJECT: Key = key("object", Value::String, Required::No);
    /// The vendor's English notes on the row.
    pub const NOTES: Key = text("notes", Value::Strings, Lang::En, Required::No);
    /// The vendor's Chinese notes on the row.
    pub const NOTES_ZH: Key = text("notes_zh", Value::Strings, Lang::Zh, Required::No);
    /// The notes in either language.
    pub const NOTES_IN: Localized = Localized {
        en: &NOTES,
        zh: &NOTES_ZH,
    };
    /// `[[table.row.reason]]`.
    pub const REASON: Key = key("reason", Value::Tables(&super::REASON), Required::No);
}

/// `[[table.row.reason]]`.
pub const REASON: Entry = Entry {
    header: "table.row.reason",
    repeats: true,
    keys: &[
        &reason::CODE,
        &reason::RANGE,
        &reason::OPEN,
        &reason::DEFAULT,
        &reason::NAME,
        &reason::DESCRIPTION,
        &reason::DESCRIPTION_ZH,
    ],
};

/// Keys of `[[table.row.reason]]`.
pub mod reason {
    use super::*;
    /// A single code.
    pub const CODE: Key = key(
        "code",
        Value::Integer,
        Required::When("no `range` or `open`"),
    );
    /// A range of codes.
    pub const RANGE: Key = key("range", Value::Range, Required::When("no `code` or `open`"));
    /// Any code no other reason takes.
    pub const OPEN: Key = key(
        "open",
        Value::Boolean,
        Required::When("no `code` or `range`"),
    );
    /// The open reason's default code.
    pub const DEFAULT: Key = key("default", Value::Integer, Required::No);
    /// The Rust variant name.
    pub const NAME: Key = key("name", Value::String, Required::Yes);
    /// The vendor's English text.
    pub const DESCRIPTION: Key = text("description", Value::String, Lang::En, Required::No);
    /// The vendor's Chinese text.
    pub const DESCRIPTION_ZH: Key = text("description_zh", Value::String, Lang::Zh, Required::No);
    /// The text in either language.
    pub const DESCRIPTIONS: Localized = Localized {
        en: &DESCRIPTION,
        zh: &DESCRIPTION_ZH,
    };
}

/// `[[table.reserved]]`.
pub const RESERVED: Entry = Entry {
    header: "table.reserved",
    repeats: true,
    keys: &[&reserved::CODE, &reserved::NAME, &reserved::NOTE],
};

/// Keys of `[[table.reserved]]`.
pub mod reserved {
    use super::*;
    /// The code no row may take again.
    pub const CODE: Key = key("code", Value::Code, Required::Yes);
    /// The Rust name no row may take again.
    pub const NAME: Key = key("name", Value::String, Required::No);
    /// Why, in the maintainers' words.
    pub const NOTE: Key = key("note", Value::String, Required::No);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry reachable from the spec, once.
    fn entries() -> Vec<&'static Entry> {
        let mut found: Vec<&'static Entry> = vec![];
        let mut stack = vec![&SPEC];
        while let Some(entry) = stack.pop() {
            if found.iter().any(|known| std::ptr::eq(*known, entry)) {
                continue;
            }
            found.push(entry);
            for key in entry.keys {
                if let Value::Table(child) | Value::Tables(child) = key.value {
                    stack.push(child);
                }
            }
        }
        found
    }

    #[test]
    fn keys_are_unique_within_each_entry_and_reach_every_entry() {
        let entries = entries();
        assert_eq!(entries.len(), 9);
        for entry in entries {
            let mut names: Vec<&str> = entry.key_names().collect();
            names.sort_unstable();
            let count = names.len();
            names.dedup();
            assert_eq!(names.len(), count, "{}", entry.display());
        }
    }

    #[test]
    fn localized_keys_carry_their_language() {
        for pair in [
            row::DESCRIPTIONS,
            row::NOTES_IN,
            row::PAGES,
            source::SITES,
            reason::DESCRIPTIONS,
            object_kind::TEXTS,
        ] {
            for lang in Lang::ALL {
                assert_eq!(pair.key(lang).lang, Some(lang));
            }
            assert_eq!(format!("{}_zh", pair.en.name), pair.zh.name);
        }
        assert_eq!(table::page_table(Lang::Zh).map(|key| key.name), Some("zh"));
        assert_eq!(TABLE.key("zh"), Some(&table::ZH));
        assert_eq!(ROW.display(), "[[table.row]]");
        assert_eq!(SOURCE.display(), "[source]");
    }
}
