//! The spec's side of a merge, read by the merge of a table and of its
//! pages alike.

use super::Lang;
use codes_codegen::model::{self, CodeKind};

/// The spec's side of a merge: a validated table, or, for a table the
/// page brings, the names an import gives it and nothing else. (Only
/// validation builds a model table, so a new one cannot be a model.)
#[derive(Debug, Clone, Copy)]
pub(super) struct Base<'a> {
    name: &'a str,
    kind: CodeKind,
    /// The record, object and reason names.
    record: Option<[&'a str; 3]>,
    table: Option<&'a model::Table>,
}

impl<'a> Base<'a> {
    /// A table the spec has.
    pub(super) fn existing(table: &'a model::Table) -> Self {
        Base {
            name: table.name(),
            kind: table.kind(),
            record: table
                .record()
                .map(|names| [names.record(), names.object(), names.reason()]),
            table: Some(table),
        }
    }

    /// A table the spec does not have yet.
    pub(super) fn new_table(name: &'a str, kind: CodeKind, record: Option<[&'a str; 3]>) -> Self {
        Base {
            name,
            kind,
            record,
            table: None,
        }
    }

    pub(super) fn name(&self) -> &'a str {
        self.name
    }

    pub(super) fn kind(&self) -> CodeKind {
        self.kind
    }

    /// The record, object and reason names.
    pub(super) fn record(&self) -> Option<[&'a str; 3]> {
        self.record
    }

    pub(super) fn rows(&self) -> &'a [model::Row] {
        self.table.map_or(&[], |table| table.rows())
    }

    pub(super) fn object_kinds(&self) -> &'a [model::ObjectKind] {
        self.table.map_or(&[], |table| table.object_kinds())
    }

    pub(super) fn page_in(&self, lang: Lang) -> Option<&'a model::Page> {
        self.table.and_then(|table| table.page_in(lang))
    }
}
