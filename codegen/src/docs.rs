//! Vendor text made safe for rustdoc: it renders as the text it is, whatever
//! Markdown, HTML or control characters it holds.
//!
//! Only documentation goes through here (rustdoc, and the Markdown export);
//! `description()` and friends return the vendor text untouched as string
//! literals.

/// Escapes `text` so rustdoc's Markdown shows it literally on one line.
pub fn escape(text: &str) -> String {
    escape_for(text, Renderer::Rustdoc)
}

/// Escapes `text` for plain CommonMark (GitHub and the like), which has no
/// smart punctuation: quotes and dashes stay as they are.
pub fn escape_commonmark(text: &str) -> String {
    escape_for(text, Renderer::CommonMark)
}

/// Which Markdown renderer the text is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Renderer {
    /// rustdoc: CommonMark plus smart punctuation.
    Rustdoc,
    /// CommonMark without smart punctuation.
    CommonMark,
}

fn escape_for(text: &str, renderer: Renderer) -> String {
    let smart = renderer == Renderer::Rustdoc;
    let chars: Vec<char> = text.chars().collect();
    // Where a block marker (`- `, `1. `, `---`) would start if the text
    // opened a doc line.
    let first = chars
        .iter()
        .position(|c| !matches!(c, ' ' | '\t' | '\n' | '\r'))
        .unwrap_or(chars.len());
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // An underscore between letters never emphasises (`CCC_REQUEST`);
            // elsewhere it might.
            '_' => {
                let inner = |j: Option<usize>| {
                    j.and_then(|j| chars.get(j))
                        .is_some_and(|c| c.is_alphanumeric())
                };
                if !(inner(i.checked_sub(1)) && inner(Some(i + 1))) {
                    out.push('\\');
                }
                out.push('_');
            }
            // A list item, thematic break or setext underline at the start.
            '-' | '+' | '=' if i == first => {
                out.push('\\');
                out.push(c);
            }
            // An ordered list item (`1.`, `2)`) at the start.
            '.' | ')' if i > first && chars[first..i].iter().all(char::is_ascii_digit) => {
                out.push('\\');
                out.push(c);
            }
            // Rustdoc's smart punctuation would curl quotes and turn `--`,
            // `---` and `...` into dashes and an ellipsis.
            '"' | '\'' if smart => {
                out.push('\\');
                out.push(c);
            }
            '-' | '.'
                if smart && ((i > 0 && chars[i - 1] == c) || chars.get(i + 1) == Some(&c)) =>
            {
                out.push('\\');
                out.push(c);
            }
            // `scheme://`: rustdoc denies bare URLs (`rustdoc::bare_urls`);
            // the escape keeps the text but not the link.
            ':' if chars.get(i + 1..i + 3) == Some(&['/', '/']) => {
                out.push('\\');
                out.push(':');
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str(&c.escape_unicode().to_string())
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` as an inline code span on one line: a code span cannot escape a
/// backtick, so backticks become `'`.
pub fn code_span(text: &str) -> String {
    let mut out = String::from("`");
    for c in text.chars() {
        match c {
            '`' => out.push('\''),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str(&c.escape_unicode().to_string())
            }
            c => out.push(c),
        }
    }
    out.push('`');
    out
}

/// Bidirectional formatting characters, which rustc rejects in comments.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

#[cfg(test)]
mod tests {
    use super::{code_span, escape};
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    /// The text rustdoc shows for one doc line, parsed with rustdoc's
    /// Markdown options; an error names any event that is not plain text.
    fn rendered(doc_line: &str) -> Result<String, String> {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_SMART_PUNCTUATION;
        let mut text = String::new();
        // Rustdoc unindents a one-line doc comment (spaces and tabs).
        for event in Parser::new_ext(doc_line.trim_start_matches([' ', '\t']), options) {
            match event {
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                Event::Text(part) => text.push_str(&part),
                Event::Code(code) => text.push_str(&code),
                other => return Err(format!("{other:?} in {doc_line:?}")),
            }
        }
        Ok(text)
    }

    /// What the docs should show of `text`: the text itself on one line,
    /// invisible characters made visible.
    fn visible(text: &str) -> String {
        text.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => " ".to_string(),
                c if c.is_control() || super::is_bidi_control(c) => c.escape_unicode().to_string(),
                c => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn plain_text_stays_readable() {
        assert_eq!(
            escape("Listening/Insert/Whisper"),
            "Listening/Insert/Whisper"
        );
        assert_eq!(
            escape("invokes CCC_REQUEST_REST_EX_Msg."),
            "invokes CCC_REQUEST_REST_EX_Msg."
        );
        assert_eq!(
            escape("from 00:00 to 23:55 (a note)."),
            "from 00:00 to 23:55 (a note)."
        );
        assert_eq!(escape("a - b, 1. c"), "a - b, 1. c");
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape("*bold* `code` [link](x) <b>"),
            r"\*bold\* \`code\` \[link\](x) \<b\>"
        );
        assert_eq!(escape("_lead and trail_"), r"\_lead and trail\_");
        assert_eq!(escape("a\\b | c # d"), r"a\\b \| c \# d");
    }

    #[test]
    fn block_markers_at_the_start_are_escaped() {
        assert_eq!(escape("- item"), r"\- item");
        assert_eq!(escape("+ item"), r"\+ item");
        assert_eq!(escape("==="), r"\===");
        assert_eq!(escape("---"), r"\-\-\-");
        assert_eq!(escape("12. item"), r"12\. item");
        assert_eq!(escape("3) item"), r"3\) item");
        assert_eq!(escape("\n - item"), r"  \- item");
    }

    #[test]
    fn smart_punctuation_and_urls_are_escaped() {
        assert_eq!(escape(r#""a" 'b'"#), r#"\"a\" \'b\'"#);
        assert_eq!(
            escape("a -- b --- c ... d - e."),
            r"a \-\- b \-\-\- c \.\.\. d - e."
        );
        assert_eq!(
            escape("see https://example.com"),
            r"see https\://example.com"
        );
    }

    #[test]
    fn control_and_bidi_characters_become_visible_escapes() {
        assert_eq!(escape("a\nb\tc"), "a b c");
        assert_eq!(escape("x\u{202E}y\u{7}"), "x\\u{202e}y\\u{7}");
    }

    #[test]
    fn hostile_texts_render_as_themselves() {
        let texts = [
            "- a list item, not a list",
            "---",
            "1. not a numbered list",
            "    indented, not code",
            "\"quotes\" and 'apostrophes' -- dashes --- and ... dots",
            "https://example.com/path?query=1&x=2#fragment",
            "*emphasis* _emphasis_ `code` [link](https://example.com) <b>bold</b> &amp; ~~strike~~",
            "| table | # heading [^1] ![image](x) $math$ \\",
            "line one\nline two\r\nline three\ttabbed \u{202E} \u{0}",
        ];
        for text in texts {
            assert_eq!(
                rendered(&escape(text)),
                Ok(visible(text).trim().to_string())
            );
        }
    }

    #[test]
    fn a_code_span_is_one_line_without_backticks() {
        assert_eq!(code_span("cec_07_4243"), "`cec_07_4243`");
        assert_eq!(code_span("a`b\nc\u{202E}"), "`a'b c\\u{202e}`");
    }

    /// Characters Markdown, rustdoc or rustc treat specially, mixed with any.
    fn hostile_char() -> impl Strategy<Value = char> {
        prop_oneof![
            3 => prop::sample::select(
                "\\`*_[]<>|~&#$!\"'-.=+:/()0123456789 \t\n\r{}^@%"
                    .chars()
                    .collect::<Vec<_>>()
            ),
            1 => prop::sample::select(vec![
                '\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{a0}', '\u{200d}', '\u{2028}',
                '\u{202e}', '\u{2066}', '\u{feff}', 'é', '👩',
            ]),
            1 => any::<char>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_text_renders_as_itself(chars in prop::collection::vec(hostile_char(), 0..24)) {
            // Whitespace at either end of a paragraph is not shown.
            let text: String = chars.into_iter().collect();
            let shown = visible(&text);
            let trimmed = |doc_line: String| rendered(&doc_line).map(|text| text.trim().to_string());
            prop_assert_eq!(trimmed(escape(&text)), Ok(shown.trim().to_string()));
            prop_assert_eq!(
                trimmed(format!("Note: {}", escape(&text))),
                Ok(format!("Note: {shown}").trim().to_string())
            );
        }
    }
}
