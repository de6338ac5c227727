//! Serde support for generated enums whose codes are text.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{Deserializer, Error, Visitor};

use crate::CodeEnum;

/// Deserializes a text-keyed code enum from its vendor text, borrowed or
/// owned; an unknown text is an error naming the type.
///
/// Generated code calls this from its `Deserialize` impls (with the
/// `serde` feature of this crate on).
///
/// # Errors
///
/// The deserializer's error when the value is not a string, or is a text
/// no variant of `T` has.
pub fn deserialize_text<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    for<'a> T: CodeEnum<Code<'a> = &'a str>,
{
    struct Text<T>(PhantomData<fn() -> T>);

    impl<T> Visitor<'_> for Text<T>
    where
        for<'a> T: CodeEnum<Code<'a> = &'a str>,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a {} code", T::KIND)
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<T, E> {
            T::from_code(text)
                .ok_or_else(|| E::custom(format_args!("{text:?} is not a known {} code", T::KIND)))
        }
    }

    deserializer.deserialize_str(Text(PhantomData))
}
