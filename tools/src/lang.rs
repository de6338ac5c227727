//! The languages of the vendor's pages, and where each puts its texts in a
//! spec: English under the plain keys and on the `[[table]]` itself,
//! Chinese under `_zh` keys and in `[table.zh]`. Import, the Markdown
//! export and the translation check all read a spec's texts through this.

use std::fmt;
use std::str::FromStr;

use codes_codegen::model::{self, Page, Text};

/// The language of a vendor page, and so of the spec keys an import or a
/// merge writes its texts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// English: `description`, `notes`, `text`, the page on the `[[table]]`.
    #[default]
    En,
    /// Chinese: `description_zh`, `notes_zh`, `text_zh`, the page in
    /// `[table.zh]`.
    Zh,
}

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

impl Lang {
    /// The language tag: `en` or `zh`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language's name in English, for messages: `English`, `Chinese`.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "Chinese",
        }
    }

    pub(crate) fn keys(self) -> Keys {
        match self {
            Lang::En => Keys {
                description: "description",
                notes: "notes",
                text: "text",
            },
            Lang::Zh => Keys {
                description: "description_zh",
                notes: "notes_zh",
                text: "text_zh",
            },
        }
    }

    /// The other language.
    pub(crate) fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// `text` in this language, or in the other one where it has none in
    /// this: what a reader of this language's page is shown.
    pub(crate) fn text_or_other(self, text: &Text) -> Option<&str> {
        self.text(text)
            .or_else(|| self.other().text(text))
            .map(String::as_str)
    }

    /// `text` in this language.
    pub(crate) fn text(self, text: &Text) -> Option<&String> {
        match self {
            Lang::En => text.en.as_ref(),
            Lang::Zh => text.zh.as_ref(),
        }
    }

    /// The table's page in this language.
    pub(crate) fn page(self, table: &model::Table) -> Option<&Page> {
        match self {
            Lang::En => table.en.as_ref(),
            Lang::Zh => table.zh.as_ref(),
        }
    }

    /// The row's free sentences in this language.
    pub(crate) fn notes(self, row: &model::Row) -> &[String] {
        match self {
            Lang::En => &row.notes,
            Lang::Zh => &row.notes_zh,
        }
    }

    /// The row's free sentences in this language, or in the other one where
    /// it has none in this.
    pub(crate) fn notes_or_other(self, row: &model::Row) -> &[String] {
        match self.notes(row) {
            [] => self.other().notes(row),
            notes => notes,
        }
    }

    /// The language whose page gives a table its rows: English where the
    /// spec has the English page, else Chinese. A merge in this language
    /// adds and removes rows; one in the other language only adds texts.
    pub(crate) fn primary(table: &model::Table) -> Lang {
        match table.en {
            Some(_) => Lang::En,
            None => Lang::Zh,
        }
    }
}

impl fmt::Display for Lang {
    /// The tag: `en` or `zh`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A language tag that is neither `en` nor `zh`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language {:?}: expected en or zh", self.0)
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Reads `en` or `zh`.
    fn from_str(tag: &str) -> Result<Self, UnknownLang> {
        match tag {
            "en" => Ok(Lang::En),
            "zh" => Ok(Lang::Zh),
            other => Err(UnknownLang(other.to_owned())),
        }
    }
}
