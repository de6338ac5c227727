//! Vendor text made safe for rustdoc: it renders as the text it is, whatever
//! Markdown, HTML or control characters it holds.
//!
//! Only documentation goes through here (rustdoc, and the Markdown export);
//! `description()` and friends return the vendor text untouched as string
//! literals.

/// Escapes `text` so rustdoc's Markdown shows it literally on one line.
pub fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
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
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str(&c.escape_unicode().to_string())
            }
            c => out.push(c),
        }
    }
    out
}

/// Bidirectional formatting characters, which rustc rejects in comments.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

#[cfg(test)]
mod tests {
    use super::escape;

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
    fn control_and_bidi_characters_become_visible_escapes() {
        assert_eq!(escape("a\nb\tc"), "a b c");
        assert_eq!(escape("x\u{202E}y\u{7}"), "x\\u{202e}y\\u{7}");
    }
}
