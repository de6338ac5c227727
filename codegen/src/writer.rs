//! Rust source written line by line, already laid out: four-space indents,
//! `///` docs, string literals escaped.
//!
//! The renderer writes the code as a person would lay it out, so the build
//! path needs no token trees and no formatter: those cost every downstream
//! build more than the whole generator, and laying out a large table took
//! longer than generating it.

use std::fmt::{Display, Write as _};

use crate::docs;

const INDENT: &str = "    ";

/// The widest line a list is written on before it is broken, rustfmt's
/// default `max_width`.
pub const MAX_WIDTH: usize = 100;

/// A Rust file being written.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    /// The text written so far.
    pub fn finish(self) -> String {
        self.out
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str(INDENT);
        }
    }

    /// One line at the current indent.
    pub fn line(&mut self, text: impl Display) {
        self.indent();
        let _ = write!(self.out, "{text}");
        self.out.push('\n');
    }

    /// An empty line, between items.
    pub fn blank(&mut self) {
        self.out.push('\n');
    }

    /// `line`, then one indent deeper.
    pub fn begin(&mut self, line: impl Display) {
        self.line(line);
        self.depth += 1;
    }

    /// One indent shallower, then `line`.
    pub fn end(&mut self, line: impl Display) {
        self.depth -= 1;
        self.line(line);
    }

    /// `head {`, then one indent deeper.
    pub fn open(&mut self, head: impl Display) {
        self.begin(format_args!("{head} {{"));
    }

    /// `#[inline]`, then `head {` for a function. Every generated function
    /// is inline: a crate compiles to machine code only the inline
    /// functions it calls, so a crate that includes a large generated file
    /// (or depends on one) does not compile every lookup of every table
    /// whether it uses it or not (codegen/README.md, "Every function
    /// inline").
    pub fn function(&mut self, head: impl Display) {
        self.line("#[inline]");
        self.open(head);
    }

    /// [`function`](Self::function), always inlined.
    pub fn function_always_inlined(&mut self, head: impl Display) {
        self.line("#[inline(always)]");
        self.open(head);
    }

    /// One indent shallower, then `}` and `tail` (`,`, `;` or nothing).
    pub fn close_with(&mut self, tail: &str) {
        self.end(format_args!("}}{tail}"));
    }

    /// One indent shallower, then `}`.
    pub fn close(&mut self) {
        self.close_with("");
    }

    /// Doc lines as `///` comments; an empty line separates paragraphs. A
    /// line a comment cannot hold (a control or bidi character) becomes a
    /// `#[doc]` attribute instead.
    pub fn doc(&mut self, lines: &[String]) {
        for line in lines {
            let comment_safe = line
                .chars()
                .all(|c| !c.is_control() && !docs::is_bidi_control(c));
            match (line.is_empty(), comment_safe) {
                (true, _) => self.line("///"),
                (false, true) => self.line(format_args!("/// {line}")),
                (false, false) => {
                    self.line(format_args!("#[doc = {}]", string(&format!(" {line}"))))
                }
            }
        }
    }

    /// Writes `head`, the items and `tail` on one line if they fit there;
    /// whether they did.
    fn one_line(&mut self, head: &str, items: &[String], tail: &str) -> bool {
        let inline = format!("{head}{}{}{tail}", items.join(", "), closing(head));
        let fits = self.fits(&inline);
        if fits {
            self.line(inline);
        }
        fits
    }

    /// Whether `text` fits on a line at the current indent.
    pub fn fits(&self, text: &str) -> bool {
        self.depth * INDENT.len() + text.chars().count() <= MAX_WIDTH
    }

    /// `items` one per line between `open` and `close` when `head`, the
    /// items and `tail` would not fit on one line, else all on one line.
    pub fn list(&mut self, head: &str, items: &[String], tail: &str) {
        if self.one_line(head, items, tail) {
            return;
        }
        let close = closing(head);
        self.begin(head);
        for item in items {
            self.line(format_args!("{item},"));
        }
        self.end(format_args!("{close}{tail}"));
    }

    /// Like [`list`](Self::list), for short items such as numbers: when they
    /// do not fit on one line, as many on each line as fit, as rustfmt lays
    /// out an array of short literals.
    pub fn packed(&mut self, head: &str, items: &[String], tail: &str) {
        if self.one_line(head, items, tail) {
            return;
        }
        let close = closing(head);
        self.begin(head);
        let mut line = String::new();
        for item in items {
            let next = match line.is_empty() {
                true => format!("{item},"),
                false => format!("{line} {item},"),
            };
            if self.fits(&next) || line.is_empty() {
                line = next;
            } else {
                self.line(&line);
                line = format!("{item},");
            }
        }
        if !line.is_empty() {
            self.line(line);
        }
        self.end(format_args!("{close}{tail}"));
    }
}

/// The closing partner of the delimiter `head` ends with.
fn closing(head: &str) -> char {
    match head.chars().last() {
        Some('(') => ')',
        Some('[') => ']',
        Some('{') => '}',
        other => unreachable!("a list head ends with an opening delimiter, not {other:?}"),
    }
}

/// `text` as a Rust string literal: whatever it holds, the literal is one
/// token on one line that evaluates to exactly `text`.
pub fn string(text: &str) -> String {
    // `Debug` writes a valid Rust literal: quotes and backslashes escaped,
    // control, bidi and other invisible characters as `\u{…}`; but NUL as
    // `\0`, which before a digit reads as an octal escape to a person and
    // to clippy (`octal_escapes`), so NUL is written `\u{0}`.
    let pieces: Vec<String> = text
        .split('\0')
        .map(|piece| {
            let literal = format!("{piece:?}");
            literal[1..literal.len() - 1].to_string()
        })
        .collect();
    format!("\"{}\"", pieces.join("\\u{0}"))
}

/// `Some("text")` or `None`.
pub fn optional_string(text: Option<&str>) -> String {
    match text {
        Some(text) => format!("Some({})", string(text)),
        None => "None".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_docs_and_lists_are_laid_out() {
        let mut writer = Writer::default();
        writer.doc(&["A light.".into(), String::new(), "x\u{202e}y".into()]);
        writer.open("pub enum Light");
        writer.line("Red = 1,");
        writer.close();
        writer.blank();
        writer.list("const ALL: [Light; 1] = [", &["Light::Red".into()], ";");
        let long: Vec<String> = (0..12)
            .map(|i| format!("Light::LongVariantName{i}"))
            .collect();
        writer.list("const MANY: [Light; 12] = [", &long, ";");
        let text = writer.finish();
        assert!(text.starts_with(
            "/// A light.\n///\n#[doc = \" x\\u{202e}y\"]\npub enum Light {\n    Red = 1,\n}\n\nconst ALL: [Light; 1] = [Light::Red];\nconst MANY: [Light; 12] = [\n    Light::LongVariantName0,\n"
        ), "{text}");
        assert!(
            text.ends_with("    Light::LongVariantName11,\n];\n"),
            "{text}"
        );
    }

    #[test]
    fn strings_are_literals_of_exactly_their_text() {
        assert_eq!(string("plain"), "\"plain\"");
        assert_eq!(string("\"q\" \\ '"), "\"\\\"q\\\" \\\\ '\"");
        assert_eq!(string("a\nb\u{202e}\u{0}"), "\"a\\nb\\u{202e}\\u{0}\"");
        assert_eq!(string("\u{0}66\u{0}"), "\"\\u{0}66\\u{0}\"");
        assert_eq!(optional_string(None), "None");
        assert_eq!(optional_string(Some("x")), "Some(\"x\")");
    }
}
