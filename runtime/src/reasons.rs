//! The vendor's listing of the reasons of an operation, as data.

use core::fmt;

use crate::Lang;

/// A reason as the vendor lists it for an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReasonInfo {
    /// The Rust name of the reason's variant.
    pub name: &'static str,
    /// The codes the vendor lists it with.
    pub codes: ReasonCodes,
    /// The vendor's English text; `None` where the vendor gives a bare code
    /// (or has only a Chinese text).
    pub description: Option<&'static str>,
    /// The vendor's Chinese text; `None` where the vendor gives a bare code
    /// or its Chinese page was not transcribed.
    pub description_zh: Option<&'static str>,
}

impl ReasonInfo {
    /// The vendor's text in `lang`, or in the other language where there is
    /// none in `lang`.
    pub const fn description_in(&self, lang: Lang) -> Option<&'static str> {
        let (first, second) = match lang {
            Lang::En => (self.description, self.description_zh),
            Lang::Zh => (self.description_zh, self.description),
        };
        match first {
            Some(text) => Some(text),
            None => second,
        }
    }
}

/// The codes the vendor lists a reason with, before precedence: a code
/// listed on its own wins over a range that holds it, and an open reason
/// takes only the codes nothing else takes. The generator applies
/// precedence once, when it generates `from_code`: a `from_code` only
/// looks codes up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReasonCodes {
    /// One code.
    Single(i32),
    /// The codes from `start` to `end`, inclusive.
    Range {
        /// First code.
        start: i32,
        /// Last code.
        end: i32,
    },
    /// Any code no other reason takes and that does not mean "not
    /// applicable".
    Open {
        /// The vendor's default code.
        default: Option<i32>,
    },
}

impl ReasonCodes {
    /// Whether a reason of these codes carries its code as a value: a range
    /// or an open reason does, a single code is its variant.
    pub const fn carries_value(self) -> bool {
        !matches!(self, Self::Single(_))
    }
}

impl fmt::Display for ReasonCodes {
    /// The vendor's notation: `256`, `1-255`, `any`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Single(code) => write!(f, "{code}"),
            Self::Range { start, end } => write!(f, "{start}-{end}"),
            Self::Open { .. } => f.write_str("any"),
        }
    }
}
