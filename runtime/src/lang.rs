//! The languages the vendor publishes its tables in.

use core::fmt;
use core::str::FromStr;

/// A language of the vendor's documentation. Every generated text has an
/// English and, where the vendor's Chinese page was transcribed, a Chinese
/// form; asked for a language a text lacks, the generated code gives the
/// other one.
///
/// Not `#[non_exhaustive]`: the vendor publishes these two, a third would
/// need new spec keys and a new major version anyway, and code that
/// matches every language should be told by the compiler when one comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// English, the language of the vendor's pages in `support.huaweicloud.com/intl/en-us`.
    #[default]
    En,
    /// Simplified Chinese, the language of the vendor's pages in `support.huaweicloud.com`.
    Zh,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language tag: `en` or `zh`.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language's name in English, for messages: `English`, `Chinese`.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "Chinese",
        }
    }

    /// The language whose text stands in where this one has none.
    pub const fn fallback(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The position of the language in [`Lang::ALL`], for tables indexed
    /// by language.
    pub const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A language tag that is neither `en` nor `zh`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownLang;

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a known language: expected en or zh")
    }
}

impl core::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Reads `en` or `zh`, as [`Display`](fmt::Display) writes them.
    fn from_str(tag: &str) -> Result<Self, UnknownLang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag() == tag)
            .ok_or(UnknownLang)
    }
}
