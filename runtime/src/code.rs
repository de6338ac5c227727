//! A number read from a code column: listed by the table or not, never lost.

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;

use crate::CodeEnum;

/// A code that is either one the table `T` lists or, losslessly, a number
/// it does not.
///
/// Canonical by construction: `Known` holds every listed code and
/// [`Unknown`] can only hold a number `T` does not list, so each number has
/// exactly one `Code` and [`code`](Self::code) gives it back. Codes order
/// by their numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code<T> {
    /// A code the table lists.
    Known(T),
    /// A number the table does not list, kept as it was read.
    Unknown(Unknown<T>),
}

/// A number that the table `T` does not list; only [`Code::from_code`]
/// makes one.
pub struct Unknown<T> {
    code: i32,
    table: PhantomData<fn() -> T>,
}

impl<T> Unknown<T> {
    /// The number as it was read.
    pub const fn code(self) -> i32 {
        self.code
    }
}

impl<T> Code<T>
where
    for<'a> T: CodeEnum<Code<'a> = i32>,
{
    /// Decodes `code`: the listed value, or the number kept as unknown.
    pub fn from_code(code: i32) -> Self {
        match T::from_code(code) {
            Some(value) => Self::Known(value),
            None => Self::Unknown(Unknown {
                code,
                table: PhantomData,
            }),
        }
    }

    /// The number, whether the table lists it or not.
    pub fn code(self) -> i32 {
        match self {
            Self::Known(value) => value.code(),
            Self::Unknown(unknown) => unknown.code,
        }
    }
}

impl<T> Code<T> {
    /// The listed value, if it is one.
    pub fn known(self) -> Option<T> {
        match self {
            Self::Known(value) => Some(value),
            Self::Unknown(_) => None,
        }
    }
}

impl<T> From<i32> for Code<T>
where
    for<'a> T: CodeEnum<Code<'a> = i32>,
{
    fn from(code: i32) -> Self {
        Self::from_code(code)
    }
}

impl<T> From<Code<T>> for i32
where
    for<'a> T: CodeEnum<Code<'a> = i32>,
{
    fn from(code: Code<T>) -> i32 {
        code.code()
    }
}

impl<T> PartialOrd for Code<T>
where
    for<'a> T: CodeEnum<Code<'a> = i32>,
{
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> Ord for Code<T>
where
    for<'a> T: CodeEnum<Code<'a> = i32>,
{
    fn cmp(&self, other: &Self) -> Ordering {
        self.code().cmp(&other.code())
    }
}

impl<T: fmt::Display> fmt::Display for Code<T> {
    /// The listed value as it displays, or the unknown number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Known(value) => value.fmt(f),
            Self::Unknown(unknown) => write!(f, "{}", unknown.code),
        }
    }
}

// By hand: derived impls would require `T` to implement each trait, though
// only the number is stored.
impl<T> Clone for Unknown<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Unknown<T> {}

impl<T> PartialEq for Unknown<T> {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl<T> Eq for Unknown<T> {}

impl<T> Hash for Unknown<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.code.hash(state);
    }
}

impl<T> fmt::Debug for Unknown<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Unknown").field(&self.code).finish()
    }
}

#[cfg(feature = "serde")]
const _: () = {
    impl<T> serde::Serialize for Code<T>
    where
        for<'a> T: CodeEnum<Code<'a> = i32>,
    {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_i32(self.code())
        }
    }

    impl<'de, T> serde::Deserialize<'de> for Code<T>
    where
        for<'a> T: CodeEnum<Code<'a> = i32>,
    {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            i32::deserialize(deserializer).map(Self::from_code)
        }
    }
};
