//! Where an item of a spec is in its text: the line a diff annotation or a
//! `codes check` note points at.
//!
//! The model has no spans, so a caller records for every item the way
//! down to it (the diff's walk does so on each side of a change), as TOML keys and array indices (the
//! model keeps the items of every list in the order of the text), with
//! the item's name as a check. Locating parses the text again with toml's
//! spanned document tree and follows that way: the same code whether an
//! item is written as an array-of-tables entry (`[[table.row]]`) or as an
//! inline table. An item whose name does not match at its index is looked
//! for by name, and one found nowhere has no line: a wrong line is worse
//! than none.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The way down to an item of a spec, and the key of the item that holds
/// what changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Site {
    steps: Vec<Step>,
    key: Option<&'static str>,
}

/// One step down: the key of a table or array, the index in the array, and
/// what the element must be.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    key: &'static str,
    index: Option<usize>,
    identity: Identity,
}

/// How an element is recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Identity {
    /// Not checked: the `[source]` table.
    Any,
    /// A table whose `name` is this.
    Name(String),
    /// A string that is this (a note).
    Text(String),
}

impl Site {
    /// The `[source]` table.
    pub fn source() -> Site {
        Site::default().step("source", None, Identity::Any)
    }

    /// The `index`th `[[not_applicable]]` marker, named `name`.
    pub fn marker(index: usize, name: &str) -> Site {
        Site::default().named("not_applicable", index, name)
    }

    /// The `index`th `[[table]]`, named `name`.
    pub fn table(index: usize, name: &str) -> Site {
        Site::default().named("table", index, name)
    }

    /// The `index`th object kind of this table.
    pub fn object_kind(&self, index: usize, name: &str) -> Site {
        self.named("object_kind", index, name)
    }

    /// The `index`th row of this table.
    pub fn row(&self, index: usize, name: &str) -> Site {
        self.named("row", index, name)
    }

    /// The `index`th reason of this row.
    pub fn reason(&self, index: usize, name: &str) -> Site {
        self.named("reason", index, name)
    }

    /// The `index`th note of this row.
    pub fn note(&self, index: usize, text: &str) -> Site {
        self.step("notes", Some(index), Identity::Text(text.to_string()))
    }

    /// This item, pointing at `key` where the item has it.
    pub fn key(&self, key: &'static str) -> Site {
        Site {
            steps: self.steps.clone(),
            key: Some(key),
        }
    }

    fn named(&self, key: &'static str, index: usize, name: &str) -> Site {
        self.step(key, Some(index), Identity::Name(name.to_string()))
    }

    fn step(&self, key: &'static str, index: Option<usize>, identity: Identity) -> Site {
        let mut steps = self.steps.clone();
        steps.push(Step {
            key,
            index,
            identity,
        });
        Site { steps, key: None }
    }
}

/// Where a change is on each side: the old site for an item that existed,
/// the new one for an item that exists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Sites {
    pub old: Option<Site>,
    pub new: Option<Site>,
}

impl Sites {
    /// An item on both sides.
    pub fn both(old: &Site, new: &Site) -> Sites {
        Sites {
            old: Some(old.clone()),
            new: Some(new.clone()),
        }
    }

    /// An item on both sides, at `key` of each.
    pub fn keyed(old: &Site, new: &Site, key: &'static str) -> Sites {
        Sites {
            old: Some(old.key(key)),
            new: Some(new.key(key)),
        }
    }

    /// A removed item.
    pub fn old(site: Site) -> Sites {
        Sites {
            old: Some(site),
            new: None,
        }
    }

    /// An added item.
    pub fn new(site: Site) -> Sites {
        Sites {
            old: None,
            new: Some(site),
        }
    }
}

/// The sites of an item on both sides.
#[derive(Debug, Clone)]
pub(crate) struct Both {
    pub old: Site,
    pub new: Site,
}

/// A spec's text, parsed again for its spans.
pub(crate) struct Document<'i> {
    text: &'i str,
    root: Option<Spanned<DeTable<'i>>>,
}

impl<'i> Document<'i> {
    /// `text` parsed; text that does not parse locates nothing.
    pub fn parse(text: &'i str) -> Document<'i> {
        Document {
            text,
            root: DeTable::parse(text).ok(),
        }
    }

    /// The 1-based line of `site`: of its key where the item has that key,
    /// else of the item (an array-of-tables entry's `[[…]]` header, an
    /// inline table's brace, a note's string).
    pub fn line(&self, site: &Site) -> Option<usize> {
        let mut table = self.root.as_ref()?.get_ref();
        let mut at = None;
        for (depth, step) in site.steps.iter().enumerate() {
            if depth > 0 {
                let DeValue::Table(inner) = at.map(Spanned::get_ref)? else {
                    return None;
                };
                table = inner;
            }
            let value = table.get(step.key)?;
            at = Some(match step.index {
                None => value,
                Some(index) => element(value, index, &step.identity)?,
            });
        }
        let at = at?;
        let key = site.key.and_then(|key| match at.get_ref() {
            DeValue::Table(item) => item.get_key_value(key).map(|(key, _)| key.span()),
            _ => None,
        });
        Some(self.line_at(key.unwrap_or(at.span()).start))
    }

    fn line_at(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.text.as_bytes()[..offset]
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count()
            + 1
    }
}

/// Element `index` of the array `value` if it is `identity`, else the
/// first element that is.
fn element<'a, 'i>(
    value: &'a Spanned<DeValue<'i>>,
    index: usize,
    identity: &Identity,
) -> Option<&'a Spanned<DeValue<'i>>> {
    let DeValue::Array(items) = value.get_ref() else {
        return None;
    };
    let is = |item: &Spanned<DeValue<'i>>| match (identity, item.get_ref()) {
        (Identity::Any, _) => true,
        (Identity::Name(name), DeValue::Table(table)) => table
            .get("name")
            .is_some_and(|value| matches!(value.get_ref(), DeValue::String(text) if text == name)),
        (Identity::Text(expected), DeValue::String(text)) => text == expected,
        _ => false,
    };
    items
        .get(index)
        .filter(|item| is(item))
        .or_else(|| items.iter().find(|item| is(item)))
}

#[cfg(test)]
mod tests {
    use super::{Document, Site};

    const SPEC: &str = "[source]\nvendor = \"V\"\n\n\
        [[table]]\nname = \"T\"\n\n\
        [[table.row]]\ncode = 0\nname = \"A\"\nnotes = [\n  \"first\",\n  \"second\",\n]\n\n\
        [[table.row.reason]]\ncode = 1\nname = \"R\"\n\n\
        [[table.row]]\ncode = 1\nname = \"B\"\nreason = [{ code = 3, name = \"X\" }]\n";

    #[test]
    fn items_are_found_by_index_and_name_at_their_header_or_key() {
        let document = Document::parse(SPEC);
        let table = Site::table(0, "T");
        let line = |site: &Site| document.line(site);
        assert_eq!(line(&Site::source().key("vendor")), Some(2));
        assert_eq!(line(&table), Some(4));
        assert_eq!(line(&table.key("name")), Some(5));
        assert_eq!(line(&table.row(0, "A")), Some(7));
        assert_eq!(line(&table.row(0, "A").key("notes")), Some(10));
        assert_eq!(line(&table.row(0, "A").note(1, "second")), Some(12));
        assert_eq!(line(&table.row(0, "A").reason(0, "R")), Some(15));
        assert_eq!(line(&table.row(1, "B").key("code")), Some(20));
        // An inline table is found at its brace.
        assert_eq!(line(&table.row(1, "B").reason(0, "X")), Some(22));
        // A key the item lacks points at the item.
        assert_eq!(line(&table.row(1, "B").key("object")), Some(19));
    }

    #[test]
    fn a_name_that_does_not_match_is_looked_for_and_a_missing_one_is_not_found() {
        let document = Document::parse(SPEC);
        let table = Site::table(0, "T");
        assert_eq!(document.line(&table.row(0, "B")), Some(19));
        assert_eq!(document.line(&table.row(0, "Gone")), None);
        assert_eq!(document.line(&table.row(0, "A").note(0, "third")), None);
        assert_eq!(Document::parse("[source\n").line(&Site::source()), None);
    }
}
