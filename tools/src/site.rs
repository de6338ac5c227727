//! Where a change or a finding is in a spec: an item of the spec (by its
//! indices in the model) and the key of the item that holds what changed,
//! on each side of a diff. Lines come from the [`SourceMap`] the spec's
//! own parse left beside its model, so a site and its line never disagree.

use codes_codegen::{Item, SourceMap};

/// An item of a spec, and the key of the item that holds what changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Site {
    item: Item,
    key: Option<&'static str>,
}

impl Site {
    fn at(item: Item) -> Site {
        Site { item, key: None }
    }

    /// The `[source]` table.
    pub fn source() -> Site {
        Site::at(Item::Source)
    }

    /// The `index`th `[[not_applicable]]` marker.
    pub fn marker(index: usize) -> Site {
        Site::at(Item::Marker(index))
    }

    /// The `index`th `[[table]]`.
    pub fn table(index: usize) -> Site {
        Site::at(Item::Table(index))
    }

    /// The table this site is in.
    fn table_index(&self) -> usize {
        match self.item {
            Item::Table(table)
            | Item::Page { table, .. }
            | Item::ObjectKind { table, .. }
            | Item::Row { table, .. }
            | Item::Reason { table, .. }
            | Item::Note { table, .. }
            | Item::Reserved { table, .. } => table,
            _ => unreachable!("{:?} is in no table", self.item),
        }
    }

    /// The row this site is in.
    fn row_index(&self) -> (usize, usize) {
        match self.item {
            Item::Row { table, row }
            | Item::Reason { table, row, .. }
            | Item::Note { table, row, .. } => (table, row),
            _ => unreachable!("{:?} is in no row", self.item),
        }
    }

    /// The `index`th object kind of this table.
    pub fn object_kind(&self, index: usize) -> Site {
        Site::at(Item::ObjectKind {
            table: self.table_index(),
            kind: index,
        })
    }

    /// The `index`th row of this table.
    pub fn row(&self, index: usize) -> Site {
        Site::at(Item::Row {
            table: self.table_index(),
            row: index,
        })
    }

    /// The `index`th reason of this row.
    pub fn reason(&self, index: usize) -> Site {
        let (table, row) = self.row_index();
        Site::at(Item::Reason {
            table,
            row,
            reason: index,
        })
    }

    /// The `index`th English note of this row.
    pub fn note(&self, index: usize) -> Site {
        let (table, row) = self.row_index();
        Site::at(Item::Note {
            table,
            row,
            lang: codes_codegen::model::Lang::En,
            note: index,
        })
    }

    /// This item, pointing at `key` where the item has it.
    pub fn key(&self, key: &'static str) -> Site {
        Site {
            item: self.item,
            key: Some(key),
        }
    }

    /// The 1-based line of the site in `map`'s text: of its key where the
    /// item has that key, else of the item.
    pub fn line(&self, map: &SourceMap) -> Option<usize> {
        map.line(self.item, self.key)
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
            old: Some(*old),
            new: Some(*new),
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
