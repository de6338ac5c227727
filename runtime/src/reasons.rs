//! The vendor's listing of the reasons of an operation, as data.

use core::fmt;

/// A reason as the vendor lists it for an operation: the reason itself, a
/// value of the generated reason enum `R` whose methods give its name and
/// texts, and the codes it is listed with. A reason that carries the code
/// it was decoded from (a range, an open reason) holds the first code that
/// decodes to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReasonInfo<R> {
    /// The reason, as decoding a code of it gives it.
    pub reason: R,
    /// The codes the vendor lists it with.
    pub codes: ReasonCodes,
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
