//! A text read from a text-keyed code column: listed by the table or not,
//! never lost.

use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;

use crate::CodeEnum;

/// A code of a table whose codes are text (the bill's `callIn_out`, say):
/// one the table `T` lists or, byte for byte, a text it does not.
///
/// Canonical by construction, as [`Code`](crate::Code) is: [`UnknownText`]
/// only holds a text `T` does not list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextCode<'a, T> {
    /// A code the table lists.
    Known(T),
    /// A text the table does not list, kept as it was read.
    Unknown(UnknownText<'a, T>),
}

/// A text that the table `T` does not list; only [`TextCode::from_code`]
/// makes one.
pub struct UnknownText<'a, T> {
    text: &'a str,
    table: PhantomData<fn() -> T>,
}

impl<'a, T> UnknownText<'a, T> {
    /// The text as it was read.
    pub const fn as_str(self) -> &'a str {
        self.text
    }
}

impl<'a, T> TextCode<'a, T>
where
    for<'b> T: CodeEnum<Code<'b> = &'b str>,
{
    /// Decodes `text`: the listed value, or the text kept as unknown.
    pub fn from_code(text: &'a str) -> Self {
        match T::from_code(text) {
            Some(value) => Self::Known(value),
            None => Self::Unknown(UnknownText {
                text,
                table: PhantomData,
            }),
        }
    }

    /// The text, whether the table lists it or not.
    pub fn as_str(self) -> &'a str {
        match self {
            Self::Known(value) => value.code(),
            Self::Unknown(unknown) => unknown.text,
        }
    }
}

impl<T> TextCode<'_, T> {
    /// The listed value, if it is one.
    pub fn known(self) -> Option<T> {
        match self {
            Self::Known(value) => Some(value),
            Self::Unknown(_) => None,
        }
    }
}

impl<T: fmt::Display> fmt::Display for TextCode<'_, T> {
    /// The listed value as it displays, or the unknown text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Known(value) => value.fmt(f),
            Self::Unknown(unknown) => f.write_str(unknown.text),
        }
    }
}

// By hand: derived impls would require `T` to implement each trait, though
// only the text is stored.
impl<T> Clone for UnknownText<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for UnknownText<'_, T> {}

impl<T> PartialEq for UnknownText<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl<T> Eq for UnknownText<'_, T> {}

impl<T> Hash for UnknownText<'_, T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl<T> fmt::Debug for UnknownText<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("UnknownText").field(&self.text).finish()
    }
}

#[cfg(feature = "serde")]
const _: () = {
    impl<T> serde::Serialize for TextCode<'_, T>
    where
        for<'b> T: CodeEnum<Code<'b> = &'b str>,
    {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    impl<'de: 'a, 'a, T> serde::Deserialize<'de> for TextCode<'a, T>
    where
        for<'b> T: CodeEnum<Code<'b> = &'b str>,
    {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            <&'a str>::deserialize(deserializer).map(Self::from_code)
        }
    }
};
