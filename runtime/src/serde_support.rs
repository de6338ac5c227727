//! Serde support for generated code: the few shapes a generated type takes
//! on the wire, written once here so that the generated impls are a line
//! each and a crate with the `serde` feature needs no `serde_derive`.
//!
//! - a code enum is its vendor code: a number ([`deserialize_code`]) or a
//!   text ([`deserialize_text`]);
//! - a decoded record is a struct of its three bill columns, named by the
//!   generator ([`serialize_columns`], [`deserialize_columns`], and
//!   [`deserialize_owned_columns`] for the record's owned form, which
//!   holds a [`String`]);
//! - a decoded reason is a struct of its operation's code (`null` where it
//!   has none) and its own ([`serialize_reason`], [`deserialize_reason`]).

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};

use crate::CodeEnum;

/// The text an owned record holds: `alloc`'s `String`, re-exported so that
/// generated code needs no `extern crate alloc`.
pub use alloc::string::String;

/// Deserializes a code enum whose codes are numbers from its vendor code;
/// a number the enum does not list is an error naming the type
/// (`99 is not a known OperationType code`).
///
/// # Errors
///
/// The deserializer's error for anything but an `i32`, or for a code the
/// enum does not list.
pub fn deserialize_code<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    for<'a> T: CodeEnum<Code<'a> = i32>,
{
    let code = <i32 as serde::Deserialize>::deserialize(deserializer)?;
    T::from_code(code)
        .ok_or_else(|| D::Error::custom(format_args!("{code} is not a known {} code", T::KIND)))
}

/// Deserializes a text-keyed code enum from its vendor text, borrowed or
/// owned; an unknown text is an error naming the type.
///
/// # Errors
///
/// The deserializer's error for anything but a string, or for a text the
/// enum does not list.
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

        fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
            T::from_code(text)
                .ok_or_else(|| E::custom(format_args!("{text:?} is not a known {} code", T::KIND)))
        }
    }

    deserializer.deserialize_str(Text(PhantomData))
}

/// Serializes a decoded record as the struct `name` of its three columns,
/// `fields` naming them: `{"op_type":26,"op_object":"1001","op_cause":12}`.
///
/// # Errors
///
/// The serializer's.
pub fn serialize_columns<S: Serializer>(
    serializer: S,
    name: &'static str,
    fields: &'static [&'static str; 3],
    (code, object, reason): (i32, &str, i32),
) -> Result<S::Ok, S::Error> {
    let mut record = serializer.serialize_struct(name, 3)?;
    record.serialize_field(fields[0], &code)?;
    record.serialize_field(fields[1], object)?;
    record.serialize_field(fields[2], &reason)?;
    record.end()
}

/// Deserializes what [`serialize_columns`] writes, the text borrowed from
/// the input: a map (JSON and the like) or a sequence (bincode and the
/// like). A text the input cannot lend (a JSON string with escapes, any
/// text of `serde_json::from_reader` or `from_value`) is an error; the
/// generated record's docs name the owned alternative.
///
/// # Errors
///
/// The deserializer's error for a missing, repeated or unknown field, or a
/// field of the wrong type.
pub fn deserialize_columns<'de, D: Deserializer<'de>>(
    deserializer: D,
    name: &'static str,
    fields: &'static [&'static str; 3],
) -> Result<(i32, &'de str, i32), D::Error> {
    columns(deserializer, name, fields)
}

/// Deserializes what [`serialize_columns`] writes, the text owned: from any
/// deserializer, escaped strings, readers and values included.
///
/// # Errors
///
/// The deserializer's error for a missing, repeated or unknown field, or a
/// field of the wrong type.
pub fn deserialize_owned_columns<'de, D: Deserializer<'de>>(
    deserializer: D,
    name: &'static str,
    fields: &'static [&'static str; 3],
) -> Result<(i32, String, i32), D::Error> {
    let (code, OwnedText(object), reason) = columns(deserializer, name, fields)?;
    Ok((code, object, reason))
}

/// The three columns, the text as `O` reads it.
fn columns<'de, D: Deserializer<'de>, O>(
    deserializer: D,
    name: &'static str,
    fields: &'static [&'static str; 3],
) -> Result<(i32, O, i32), D::Error>
where
    TextSeed<O>: de::DeserializeSeed<'de, Value = O>,
{
    struct Columns<O>(&'static [&'static str; 3], TextSeed<O>);

    impl<'de, O> Visitor<'de> for Columns<O>
    where
        TextSeed<O>: de::DeserializeSeed<'de, Value = O>,
    {
        type Value = (i32, O, i32);

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "a struct of {}, {} and {}",
                self.0[0], self.0[1], self.0[2]
            )
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let missing = |index: usize| A::Error::invalid_length(index, &self);
            let code = seq.next_element()?.ok_or_else(|| missing(0))?;
            let object = seq.next_element_seed(self.1)?.ok_or_else(|| missing(1))?;
            let reason = seq.next_element()?.ok_or_else(|| missing(2))?;
            Ok((code, object, reason))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let (mut code, mut object, mut reason) = (None, None, None);
            while let Some(field) = map.next_key_seed(Field(self.0))? {
                match field {
                    0 => once(&mut code, map.next_value()?, self.0[0])?,
                    1 => once(&mut object, map.next_value_seed(self.1)?, self.0[1])?,
                    _ => once(&mut reason, map.next_value()?, self.0[2])?,
                }
            }
            Ok((
                code.ok_or_else(|| A::Error::missing_field(self.0[0]))?,
                object.ok_or_else(|| A::Error::missing_field(self.0[1]))?,
                reason.ok_or_else(|| A::Error::missing_field(self.0[2]))?,
            ))
        }
    }

    let seed = TextSeed(name, PhantomData);
    deserializer.deserialize_struct(name, fields, Columns(fields, seed))
}

/// Reads the object column of the record named `.0` as an `O`: a
/// borrowed `&str` or an [`OwnedText`].
struct TextSeed<O>(&'static str, PhantomData<O>);

impl<O> Clone for TextSeed<O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<O> Copy for TextSeed<O> {}

impl<'de> de::DeserializeSeed<'de> for TextSeed<&'de str> {
    type Value = &'de str;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<&'de str, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for TextSeed<&'de str> {
    type Value = &'de str;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a string the input can lend (deserialize Owned{} for any string)",
            self.0
        )
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<&'de str, E> {
        Ok(text)
    }
}

/// A text deserialized into a `String`, borrowed or not (serde implements
/// `Deserialize` for `String` only with its `alloc` feature).
struct OwnedText(String);

impl<'de> de::DeserializeSeed<'de> for TextSeed<OwnedText> {
    type Value = OwnedText;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<OwnedText, D::Error> {
        deserializer.deserialize_string(self)
    }
}

impl Visitor<'_> for TextSeed<OwnedText> {
    type Value = OwnedText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<OwnedText, E> {
        Ok(OwnedText(String::from(text)))
    }
}

/// Serializes a decoded reason as the struct `name` of its operation's
/// code (`None`, written `null`, for a reason decoded without one) and its
/// own, `fields` naming them: `{"op_type":3,"op_cause":201}`.
///
/// # Errors
///
/// The serializer's.
pub fn serialize_reason<S: Serializer>(
    serializer: S,
    name: &'static str,
    fields: &'static [&'static str; 2],
    (operation, reason): (Option<i32>, i32),
) -> Result<S::Ok, S::Error> {
    let mut record = serializer.serialize_struct(name, 2)?;
    record.serialize_field(fields[0], &operation)?;
    record.serialize_field(fields[1], &reason)?;
    record.end()
}

/// Deserializes what [`serialize_reason`] writes.
///
/// # Errors
///
/// The deserializer's error for a missing, repeated or unknown field, or a
/// field of the wrong type.
pub fn deserialize_reason<'de, D: Deserializer<'de>>(
    deserializer: D,
    name: &'static str,
    fields: &'static [&'static str; 2],
) -> Result<(Option<i32>, i32), D::Error> {
    struct Codes(&'static [&'static str; 2]);

    impl<'de> Visitor<'de> for Codes {
        type Value = (Option<i32>, i32);

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a struct of {} and {}", self.0[0], self.0[1])
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let missing = |index: usize| A::Error::invalid_length(index, &self);
            let operation = seq.next_element()?.ok_or_else(|| missing(0))?;
            let reason = seq.next_element()?.ok_or_else(|| missing(1))?;
            Ok((operation, reason))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let (mut operation, mut reason) = (None, None);
            while let Some(field) = map.next_key_seed(Field(self.0))? {
                match field {
                    0 => once(&mut operation, map.next_value()?, self.0[0])?,
                    _ => once(&mut reason, map.next_value()?, self.0[1])?,
                }
            }
            Ok((
                operation.ok_or_else(|| A::Error::missing_field(self.0[0]))?,
                reason.ok_or_else(|| A::Error::missing_field(self.0[1]))?,
            ))
        }
    }

    deserializer.deserialize_struct(name, fields, Codes(fields))
}

/// `value` into `slot`, unless the field came before.
fn once<T, E: de::Error>(slot: &mut Option<T>, value: T, field: &'static str) -> Result<(), E> {
    match slot.replace(value) {
        Some(_) => Err(E::duplicate_field(field)),
        None => Ok(()),
    }
}

/// A field name read as its index in the struct's fields.
struct Field<const N: usize>(&'static [&'static str; N]);

impl<'de, const N: usize> de::DeserializeSeed<'de> for Field<N> {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<const N: usize> Visitor<'_> for Field<N> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|field| *field == name)
            .ok_or_else(|| E::unknown_field(name, self.0))
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<usize, E> {
        match usize::try_from(index) {
            Ok(index) if index < N => Ok(index),
            _ => Err(E::invalid_value(de::Unexpected::Unsigned(index), &self)),
        }
    }
}
