//! What every generated code enum can do.

use core::fmt::{Debug, Display};
use core::hash::Hash;
use core::iter::FusedIterator;
use core::marker::PhantomData;
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
///
/// The values are given one by one, by position, not as a slice: a
/// constant slice of an enum whose discriminants are vendor codes costs
/// rustc time quadratic in its variants to check, which a table of
/// thousands of rows would pay in every build (each generated enum still
/// has its own `ALL` array, evaluated only where it is used).
///
/// ```
/// use codes_runtime::{CodeEnum, Enumerable, UnknownName};
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
/// enum Light { Red = 1, Green = 2 }
/// # impl core::fmt::Display for Light {
/// #     fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result { f.write_str(self.name()) }
/// # }
/// # impl core::str::FromStr for Light {
/// #     type Err = UnknownName;
/// #     fn from_str(_: &str) -> Result<Self, UnknownName> { Err(UnknownName::new("Light")) }
/// # }
/// # impl CodeEnum for Light {
/// #     type Code<'a> = i32;
/// #     const KIND: &'static str = "Light";
/// #     fn code(self) -> i32 { self as i32 }
/// #     fn from_code(code: i32) -> Option<Self> { Self::values().find(|light| light.code() == code) }
/// #     fn name(self) -> &'static str { match self { Self::Red => "Red", Self::Green => "Green" } }
/// #     fn description(self) -> Option<&'static str> { None }
/// # }
/// impl Enumerable for Light {
///     const COUNT: usize = 2;
///
///     fn nth(position: usize) -> Option<Self> {
///         match position {
///             0 => Some(Self::Red),
///             1 => Some(Self::Green),
///             _ => None,
///         }
///     }
/// }
///
/// assert_eq!(Light::values().map(Light::code).collect::<Vec<_>>(), [1, 2]);
/// assert_eq!(Light::values().rev().next(), Some(Light::Green));
/// assert_eq!(Light::values().len(), 2);
/// ```
pub trait Enumerable: CodeEnum {
    /// How many values there are.
    const COUNT: usize;

    /// The value at `position` in the vendor's order; `None` from
    /// [`COUNT`](Self::COUNT) on.
    fn nth(position: usize) -> Option<Self>;

    /// Every value, in the vendor's order.
    fn values() -> Values<Self> {
        Values {
            front: 0,
            back: Self::COUNT,
            values: PhantomData,
        }
    }
}

/// Every value of an [`Enumerable`] type, in the vendor's order: what
/// [`Enumerable::values`] returns. Once it gives `None` it gives nothing
/// more, even where an `nth` gives out before `COUNT`.
#[derive(Debug, Clone)]
pub struct Values<T> {
    /// The positions not yet given: `front..back`.
    front: usize,
    back: usize,
    values: PhantomData<fn() -> T>,
}

impl<T: Enumerable> Iterator for Values<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if self.front == self.back {
            return None;
        }
        let value = T::nth(self.front);
        // An `nth` that gives out before `COUNT` ends the values for good.
        match value {
            Some(_) => self.front += 1,
            None => self.front = self.back,
        }
        value
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.back - self.front;
        (left, Some(left))
    }
}

impl<T: Enumerable> DoubleEndedIterator for Values<T> {
    fn next_back(&mut self) -> Option<T> {
        if self.front == self.back {
            return None;
        }
        let value = T::nth(self.back - 1);
        match value {
            Some(_) => self.back -= 1,
            None => self.back = self.front,
        }
        value
    }
}

impl<T: Enumerable> ExactSizeIterator for Values<T> {}

impl<T: Enumerable> FusedIterator for Values<T> {}

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

#[cfg(test)]
mod tests {
    use super::*;

    /// Two values, but a `COUNT` of four: an `nth` that gives out early.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    enum Short {
        A,
        B,
    }

    impl core::fmt::Display for Short {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str(self.name())
        }
    }

    impl FromStr for Short {
        type Err = UnknownName;

        fn from_str(_: &str) -> Result<Self, UnknownName> {
            Err(UnknownName::new("Short"))
        }
    }

    impl CodeEnum for Short {
        type Code<'a> = i32;
        const KIND: &'static str = "Short";

        fn code(self) -> i32 {
            self as i32
        }

        fn from_code(code: i32) -> Option<Self> {
            Self::nth(usize::try_from(code).ok()?)
        }

        fn name(self) -> &'static str {
            match self {
                Self::A => "A",
                Self::B => "B",
            }
        }

        fn description(self) -> Option<&'static str> {
            None
        }
    }

    impl Enumerable for Short {
        const COUNT: usize = 4;

        fn nth(position: usize) -> Option<Self> {
            [Self::A, Self::B].get(position).copied()
        }
    }

    #[test]
    fn values_end_for_good_where_nth_gives_out() {
        let mut values = Short::values();
        assert_eq!(
            (values.next(), values.next()),
            (Some(Short::A), Some(Short::B))
        );
        assert_eq!((values.next(), values.len()), (None, 0));
        assert_eq!((values.next(), values.next_back()), (None, None));
        // From the back, the first position already gives out.
        let mut values = Short::values();
        assert_eq!((values.next_back(), values.len()), (None, 0));
        assert_eq!(values.next(), None);
    }
}
