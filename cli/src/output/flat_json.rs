//! A row of text, numbers and nulls as one JSON object: the bytes
//! `serde_json` writes for it, with less work.
//!
//! `serde_json` looks up every byte of every string it writes, each
//! record's 34 column names included: a quarter of the time of `codes
//! decode --format jsonl`. Here each column's `"name":` is written once
//! per writer ([`Names`]) and copied into each row, and a text is checked
//! eight bytes at a time for what JSON escapes and copied between its
//! quotes when it has none: JSON lines in 0.77 of the time on one thread
//! (BENCHMARKS.md, "JSON lines, names copied"). A row's fields come
//! through [`walk`]. A text that needs an escape, and every row of another
//! shape (nested, a boolean, a float), is written by `serde_json` itself,
//! so the bytes are always its own.

use std::io;

use serde::Serialize;

use super::flat::{NotFlat, Sink, walk};

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
    bytes.push(b'{');
    let mut json = Json {
        bytes: &mut *bytes,
        names,
    };
    if walk(row, &mut json).is_ok() {
        bytes.push(b'}');
    } else {
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

/// The row's fields, written as JSON after its `{`.
struct Json<'b> {
    bytes: &'b mut Vec<u8>,
    names: &'b Names,
}

impl Sink for Json<'_> {
    fn field(&mut self, index: usize, name: &'static str) -> Result<(), NotFlat> {
        if index > 0 {
            self.bytes.push(b',');
        }
        match self.names.opening.get(index) {
            // The same text, most often the same `&'static str`.
            Some((known, opening)) if core::ptr::eq(*known, name) || *known == name => {
                self.bytes.extend_from_slice(opening);
            }
            _ => {
                string(self.bytes, name);
                self.bytes.push(b':');
            }
        }
        Ok(())
    }

    fn text(&mut self, text: &str) {
        string(self.bytes, text);
    }

    fn integer(&mut self, digits: &str) {
        self.bytes.extend_from_slice(digits.as_bytes());
    }

    fn null(&mut self) {
        self.bytes.extend_from_slice(b"null");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    use crate::output::flat::test_row::{COLUMNS, Row};

    /// `row` written after a line, with the names it has; the same with
    /// names unlike its own or too few (those fields written as they come).
    fn written(row: &impl Serialize) -> String {
        let write = |names: &[&'static str]| {
            let mut bytes = b"before\n".to_vec();
            write_row(&mut bytes, row, &Names::new(names)).unwrap();
            String::from_utf8(bytes).unwrap()
        };
        let with_its_names = write(COLUMNS);
        for names in [&["name", "no"][..], &[]] {
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
            name: "Busy 示忙。",
            count: u64::MAX,
            change: -1,
            note: None,
        };
        assert_eq!(
            written(&row),
            "before\n{\"name\":\"Busy 示忙。\",\"count\":18446744073709551615,\"change\":-1,\"note\":null}"
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
                name: text,
                count: 0,
                change: i64::MIN,
                note: Some(text),
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
        fn every_text_is_written_as_serde_json_writes_it(text in any::<String>(), change in any::<i64>(), count in any::<u64>()) {
            let row = Row { name: &text, count, change, note: Some(&text) };
            prop_assert_eq!(written(&row), serde_json(&row));
        }
    }
}
