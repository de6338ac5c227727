//! `--lang en|zh`: the language of the vendor's texts in a command's output.

use cec_codes::Lang;

/// The language option every command that shows vendor text takes.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct LangArgs {
    /// The language of the vendor's texts: English or Chinese. A text the
    /// vendor gives in one language only is shown in that one.
    #[arg(long, value_enum, default_value_t = LangChoice::En)]
    pub lang: LangChoice,
}

/// A language of the vendor's pages, as `--lang` spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangChoice {
    /// English.
    En,
    /// Chinese (简体中文).
    Zh,
}

impl From<LangChoice> for Lang {
    fn from(choice: LangChoice) -> Lang {
        match choice {
            LangChoice::En => Lang::En,
            LangChoice::Zh => Lang::Zh,
        }
    }
}

impl LangArgs {
    /// The chosen language.
    pub fn lang(self) -> Lang {
        self.lang.into()
    }
}
