//! What every generated code enum can do.

use core::fmt::{Debug, Display};
use core::hash::Hash;
use core::str::FromStr;

use crate::{Lang, UnknownName};

/// A generated enum of vendor codes: a code table's rows, the reasons of
/// one row, or the markers of "not applicable".
///
/// Every value has exactly one code, and [`from_code`](Self::from_code) of
/// that code gives the value back; [`Display`] writes what [`FromStr`]
/// reads. The ordering is the order of the codes.
pub trait CodeEnum:
    Copy + Eq + Ord + Hash + Debug + Display + FromStr<Err = UnknownName> + 'static
{
    /// The vendor's code: `i32` for numeric tables, `&str` for tables whose
    /// codes are text.
    type Code<'a>: Copy + Eq + Ord + Hash + Debug + Display;

    /// The name of the type, as errors name it (`OperationType`).
    const KIND: &'static str;

    /// The vendor code.
    fn code(self) -> Self::Code<'static>;

    /// The value with vendor code `code`, if the table lists it.
    fn from_code(code: Self::Code<'_>) -> Option<Self>;

    /// The Rust name of the variant.
    fn name(self) -> &'static str;

    /// The vendor's text, byte for byte, in English where the vendor has
    /// one (else in Chinese); `None` where the vendor gives none.
    fn description(self) -> Option<&'static str>;

    /// The vendor's text in `lang`, or in the other language where the
    /// vendor's page in `lang` was not transcribed; `None` where the vendor
    /// gives none.
    fn description_in(self, lang: Lang) -> Option<&'static str> {
        let _ = lang;
        self.description()
    }

    /// The vendor's notes on the value (a table's row) in `lang`, or in the
    /// other language where it gives none in `lang`; empty where it gives
    /// none, and for values that are not rows (reasons, markers).
    fn notes_in(self, lang: Lang) -> &'static [&'static str] {
        let _ = lang;
        &[]
    }
}

/// A [`CodeEnum`] whose values can all be listed: no variant carries a
/// value of its own.
pub trait Enumerable: CodeEnum {
    /// Every value, in the vendor's order.
    const ALL: &'static [Self];
}

/// A reason enum some of whose variants carry the code they were decoded
/// from (a range's, an open reason's): what the generated type of those
/// codes needs to check a code for one variant, in one generic impl.
pub trait CarriesCodes: CodeEnum {
    /// The position of the value's variant among the enum's variants.
    fn variant(self) -> usize;

    /// The name errors give the code the `variant`th variant carries
    /// (`SignOutReason::ClientError`).
    fn carried_kind(variant: usize) -> &'static str;
}
