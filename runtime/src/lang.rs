//! The languages the vendor publishes its tables in.

use core::fmt;
use core::str::FromStr;

/// A language of the vendor's documentation. Every generated text has an
/// English and, where the vendor's Chinese page was transcribed, a Chinese
/// form; asked for a language a text lacks, the generated code gives the
/// other one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
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
