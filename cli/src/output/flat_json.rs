//! A row of text, numbers and nulls as one JSON object: the bytes
//! `serde_json` writes for it, with less work.
//!
//! `serde_json` looks up every byte of every string it writes, each
//! record's 34 column names included: a quarter of the time of `codes
//! decode --format jsonl`. Here each column's `"name":` is written once
//! per writer ([`Names`]) and copied into each row, and a text is checked
//! eight bytes at a time for what JSON escapes and copied between its
//! quotes when it has none: JSON lines in 0.79 of the time on one thread
//! (BENCHMARKS.md, "JSON lines, names copied"). A text that needs an
//! escape, and every row of another shape (nested, a boolean, a float),
//! is written by `serde_json` itself, so the bytes are always its own.

use std::fmt;
use std::io;

use serde::Serialize;
use serde::ser::{self, Impossible, SerializeStruct};

/// The column names of the rows a writer writes, each written once as it
/// opens its field (`"name":`): a row names its columns in this order.
pub struct Names {
    /// Each name, and its field's opening.
    opening: Vec<(&'static str, Vec<u8>)>,
}

impl Names {
    /// The names of `columns`, each rendered as its field opens.
    pub fn new(columns: &[&'static str]) -> Self {
        let opening = columns
            .iter()
            .map(|&name| {
                let mut bytes = Vec::new();
                string(&mut bytes, name);
                bytes.push(b':');
                (name, bytes)
            })
            .collect();
        Self { opening }
    }
}

/// Appends `row` to `bytes` as `serde_json::to_writer` would, its field
/// names as `names` has them written where they are the same.
///
/// # Errors
///
/// The error of `serde_json`, for a row it cannot write.
pub fn write_row(bytes: &mut Vec<u8>, row: &impl Serialize, names: &Names) -> io::Result<()> {
    let start = bytes.len();
    if row
        .serialize(Flat {
            bytes: &mut *bytes,
            names,
        })
        .is_err()
    {
        // Not a flat row: serde_json writes it, from where it starts.
        bytes.truncate(start);
        serde_json::to_writer(&mut *bytes, row)?;
    }
    Ok(())
}

/// Writes `text` as a JSON string.
fn string(bytes: &mut Vec<u8>, text: &str) {
    if needs_escape(text.as_bytes()) {
        // serde_json's escapes: writing into a `Vec` cannot fail.
        let _ = serde_json::to_writer(&mut *bytes, text);
    } else {
        bytes.reserve(text.len() + 2);
        bytes.push(b'"');
        bytes.extend_from_slice(text.as_bytes());
        bytes.push(b'"');
    }
}

/// Whether any byte of `text` is one JSON escapes: a quote, a backslash,
/// a control character.
///
/// Eight bytes at a time: the texts are short (a column name, a code, a
/// vendor text), too short for the compiler's vectors, and a byte at a
/// time was the largest cost of JSON lines. Each test is the bit trick for
/// "some byte of the word is zero" (or "below n", n ≤ 128): exact for
/// whether any byte is, which is all that is asked.
fn needs_escape(text: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS;
    let has = |word: u64, byte: u8| below(word ^ (ONES * u64::from(byte)), 1);
    let mut words = text.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes([
            word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7],
        ]);
        if below(word, 0x20) | has(word, b'"') | has(word, b'\\') != 0 {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&byte| byte < 0x20 || byte == b'"' || byte == b'\\')
}

/// What is not a flat row: `write_row` hands it to serde_json.
#[derive(Debug)]
struct NotFlat;

impl fmt::Display for NotFlat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a row of text, numbers and nulls")
    }
}

impl std::error::Error for NotFlat {}

impl ser::Error for NotFlat {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotFlat
    }
}

/// The row: a struct whose fields are [`Value`]s.
struct Flat<'b> {
    bytes: &'b mut Vec<u8>,
    names: &'b Names,
}

/// A field of the row: text, a number, or nothing.
struct Value<'b> {
    bytes: &'b mut Vec<u8>,
}

/// The fields written so far.
struct Fields<'b> {
    bytes: &'b mut Vec<u8>,
    names: &'b Names,
    /// How many.
    written: usize,
}

impl SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = NotFlat;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), NotFlat> {
        if self.written > 0 {
            self.bytes.push(b',');
        }
        match self.names.opening.get(self.written) {
            // The same text, most often the same `&'static str`.
            Some((known, opening)) if core::ptr::eq(*known, name) || *known == name => {
                self.bytes.extend_from_slice(opening);
            }
            _ => {
                string(self.bytes, name);
                self.bytes.push(b':');
            }
        }
        self.written += 1;
        value.serialize(Value {
            bytes: &mut *self.bytes,
        })
    }

    fn end(self) -> Result<(), NotFlat> {
        self.bytes.push(b'}');
        Ok(())
    }
}

/// Every method of a [`ser::Serializer`] that a flat row or value does not
/// use: not flat.
macro_rules! not_flat {
    ($($method:ident($($argument:ty),*);)*) => {
        $(fn $method(self, $(_: $argument),*) -> Result<(), NotFlat> {
            Err(NotFlat)
        })*
    };
}

/// The compound kinds neither a row nor a value is.
macro_rules! no_compounds {
    () => {
        type SerializeSeq = Impossible<(), NotFlat>;
        type SerializeTuple = Impossible<(), NotFlat>;
        type SerializeTupleStruct = Impossible<(), NotFlat>;
        type SerializeTupleVariant = Impossible<(), NotFlat>;
        type SerializeMap = Impossible<(), NotFlat>;
        type SerializeStructVariant = Impossible<(), NotFlat>;

        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotFlat> {
            Err(NotFlat)
        }

        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotFlat> {
            Err(NotFlat)
        }

        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, NotFlat> {
            Err(NotFlat)
        }

        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, NotFlat> {
            Err(NotFlat)
        }

        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotFlat> {
            Err(NotFlat)
        }

        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, NotFlat> {
            Err(NotFlat)
        }

        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: &T,
        ) -> Result<(), NotFlat> {
            Err(NotFlat)
        }

        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), NotFlat> {
            Err(NotFlat)
        }

        not_flat! {
            serialize_bool(bool);
            serialize_i8(i8);
            serialize_i16(i16);
            serialize_i32(i32);
            serialize_u8(u8);
            serialize_u16(u16);
            serialize_u32(u32);
            serialize_f32(f32);
            serialize_f64(f64);
            serialize_char(char);
            serialize_bytes(&[u8]);
            serialize_unit();
            serialize_unit_struct(&'static str);
            serialize_unit_variant(&'static str, u32, &'static str);
        }
    };
}

impl<'b> ser::Serializer for Flat<'b> {
    type Ok = ();
    type Error = NotFlat;
    type SerializeStruct = Fields<'b>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'b>, NotFlat> {
        self.bytes.push(b'{');
        Ok(Fields {
            bytes: self.bytes,
            names: self.names,
            written: 0,
        })
    }

    no_compounds!();

    not_flat! {
        serialize_i64(i64);
        serialize_u64(u64);
        serialize_str(&str);
        serialize_none();
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), NotFlat> {
        Err(NotFlat)
    }
}

impl ser::Serializer for Value<'_> {
    type Ok = ();
    type Error = NotFlat;
    type SerializeStruct = Impossible<(), NotFlat>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotFlat> {
        Err(NotFlat)
    }

    no_compounds!();

    fn serialize_i64(self, number: i64) -> Result<(), NotFlat> {
        self.bytes
            .extend_from_slice(itoa::Buffer::new().format(number).as_bytes());
        Ok(())
    }

    fn serialize_u64(self, number: u64) -> Result<(), NotFlat> {
        self.bytes
            .extend_from_slice(itoa::Buffer::new().format(number).as_bytes());
        Ok(())
    }

    fn serialize_str(self, text: &str) -> Result<(), NotFlat> {
        string(self.bytes, text);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), NotFlat> {
        self.bytes.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), NotFlat> {
        value.serialize(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    /// A row of the shape the bill rows have.
    struct Row<'a> {
        text: &'a str,
        number: i64,
        count: u64,
        maybe: Option<&'a str>,
    }

    impl Serialize for Row<'_> {
        fn serialize<S: ser::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut row = serializer.serialize_struct("Row", 4)?;
            row.serialize_field("text", self.text)?;
            row.serialize_field("number", &self.number)?;
            row.serialize_field("count", &self.count)?;
            row.serialize_field("maybe", &self.maybe)?;
            row.end()
        }
    }

    /// `row` written after a line, with the names it has; the same with
    /// names unlike its own or too few (those fields written as they come).
    fn written(row: &impl Serialize) -> String {
        let write = |names: &[&'static str]| {
            let mut bytes = b"before\n".to_vec();
            write_row(&mut bytes, row, &Names::new(names)).unwrap();
            String::from_utf8(bytes).unwrap()
        };
        let with_its_names = write(&["text", "number", "count", "maybe"]);
        for names in [&["text", "no"][..], &[]] {
            assert_eq!(write(names), with_its_names, "{names:?}");
        }
        with_its_names
    }

    fn serde_json(row: &impl Serialize) -> String {
        format!("before\n{}", serde_json::to_string(row).unwrap())
    }

    #[test]
    fn a_flat_row_is_written_as_serde_json_writes_it() {
        let row = Row {
            text: "Busy 示忙。",
            number: -1,
            count: u64::MAX,
            maybe: None,
        };
        assert_eq!(
            written(&row),
            "before\n{\"text\":\"Busy 示忙。\",\"number\":-1,\"count\":18446744073709551615,\"maybe\":null}"
        );
        for text in [
            "a \"quoted\" word",
            "back\\slash",
            "line\nend",
            "\u{1}\u{1f}",
            "\u{7f}",
            "",
        ] {
            let row = Row {
                text,
                number: i64::MIN,
                count: 0,
                maybe: Some(text),
            };
            assert_eq!(written(&row), serde_json(&row), "{text:?}");
        }
    }

    #[test]
    fn any_other_shape_is_left_to_serde_json() {
        #[derive(Serialize)]
        struct Other {
            flag: bool,
            ratio: f64,
            list: Vec<u8>,
            small: i32,
        }
        let other = Other {
            flag: true,
            ratio: 0.5,
            list: vec![1, 2],
            small: 7,
        };
        assert_eq!(written(&other), serde_json(&other));
        // Not a struct at all.
        assert_eq!(written(&"text"), serde_json(&"text"));
        assert_eq!(written(&[1, 2]), serde_json(&[1, 2]));
    }

    #[test]
    fn every_byte_that_json_escapes_is_found_wherever_it_is() {
        for byte in 0..=u8::MAX {
            let escaped = byte < 0x20 || byte == b'"' || byte == b'\\';
            for at in 0..20 {
                for len in at + 1..=20 {
                    // Around it, bytes that need no escape, high ones too.
                    let mut text = vec![b'a'; len];
                    text.iter_mut().step_by(3).for_each(|other| *other = 0xe5);
                    text[at] = byte;
                    assert_eq!(needs_escape(&text), escaped, "{byte:#04x} at {at} of {len}");
                }
            }
        }
        assert!(!needs_escape(b""));
    }

    proptest! {
        #[test]
        fn needs_escape_is_any_byte_json_escapes(text in proptest::collection::vec(any::<u8>(), 0..40)) {
            let expected = text.iter().any(|&byte| byte < 0x20 || byte == b'"' || byte == b'\\');
            prop_assert_eq!(needs_escape(&text), expected);
        }

        #[test]
        fn every_text_is_written_as_serde_json_writes_it(text in any::<String>(), number in any::<i64>(), count in any::<u64>()) {
            let row = Row { text: &text, number, count, maybe: Some(&text) };
            prop_assert_eq!(written(&row), serde_json(&row));
        }
    }
}
