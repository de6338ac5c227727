//! Where each language of the vendor's pages puts its texts in a spec, for
//! the tools: the one [`Lang`] (codes-runtime's, the generated code's) and
//! the spec keys of its texts, from the schema. Import, the exports and
//! the translation check all read a spec's texts through this.

use codes_codegen::model::{self, Page, Text};
use codes_codegen::schema;

pub use codes_codegen::model::Lang;

/// The spec keys of one language's texts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Keys {
    /// A row's or a reason's description.
    pub description: &'static str,
    /// A row's free sentences.
    pub notes: &'static str,
    /// An object kind's text.
    pub text: &'static str,
}

/// What the tools ask of a language about a spec.
pub(crate) trait SpecLang: Copy {
    /// The spec keys of the language's texts.
    fn keys(self) -> Keys;
    /// `text` in this language.
    fn text(self, text: &Text) -> Option<&String>;
    /// `text` in this language, or in the other one where it has none in
    /// this: what a reader of this language's page is shown.
    fn text_or_other(self, text: &Text) -> Option<&str>;
    /// The table's page in this language.
    fn page(self, table: &model::Table) -> Option<&Page>;
    /// The row's free sentences in this language.
    fn notes(self, row: &model::Row) -> &[String];
    /// The row's free sentences in this language, or in the other one where
    /// it has none in this.
    fn notes_or_other(self, row: &model::Row) -> &[String];
}

impl SpecLang for Lang {
    fn keys(self) -> Keys {
        // A reason's description key is a row's, as the schema checks.
        debug_assert_eq!(
            schema::row::DESCRIPTIONS.key(self).name,
            schema::reason::DESCRIPTIONS.key(self).name
        );
        Keys {
            description: schema::row::DESCRIPTIONS.key(self).name,
            notes: schema::row::NOTES_IN.key(self).name,
            text: schema::object_kind::TEXTS.key(self).name,
        }
    }

    fn text(self, text: &Text) -> Option<&String> {
        text[self].as_ref()
    }

    fn text_or_other(self, text: &Text) -> Option<&str> {
        text.get_or_other(self)
    }

    fn page(self, table: &model::Table) -> Option<&Page> {
        table.page_in(self)
    }

    fn notes(self, row: &model::Row) -> &[String] {
        row.notes_in(self)
    }

    fn notes_or_other(self, row: &model::Row) -> &[String] {
        row.notes_in_or_other(self)
    }
}
