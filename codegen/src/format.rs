//! Stage 4: tokens to source text, after an `@generated` header.
//!
//! The layout is [`layout`](crate::layout)'s, the same in a build script,
//! the CLI and the golden tests, so the file in `OUT_DIR` reads as the
//! checked-in golden copy does.

use proc_macro2::TokenStream;

use crate::docs;
use crate::layout::layout;

/// The Rust file: `header` lines as `//` comments, a blank line, the code.
pub fn format(tokens: TokenStream, header: &[String]) -> String {
    let mut out = header_comment(header);
    out.push_str(&layout(tokens));
    out.push('\n');
    out
}

/// `header` as `//` lines and a blank line.
fn header_comment(header: &[String]) -> String {
    let mut out = String::new();
    for line in header {
        // A header line holds spec text: keep it on its comment line, and
        // show bidi controls as escapes, which rustc denies in comments.
        let line: String = line
            .chars()
            .map(|c| match c {
                c if c.is_control() => ' '.to_string(),
                c if docs::is_bidi_control(c) => c.escape_unicode().to_string(),
                c => c.to_string(),
            })
            .collect();
        out.push_str(format!("// {line}").trim_end());
        out.push('\n');
    }
    out.push('\n');
    out
}
