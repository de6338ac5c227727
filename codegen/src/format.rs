//! Stage 4: tokens to formatted source text with its @generated header.

use proc_macro2::TokenStream;

use crate::docs;

/// Formats `tokens` as a Rust file, `header` lines first as `//` comments.
///
/// The tokens come from the renderer, so a parse failure is a generator bug;
/// it is returned, not panicked on, so that a build script can report it.
pub fn format(tokens: TokenStream, header: &[String]) -> Result<String, syn::Error> {
    let file: syn::File = syn::parse2(tokens)?;
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
    out.push_str(&separate_items(&prettyplease::unparse(&file)));
    Ok(out)
}

/// prettyplease puts no blank line between items; a person would, after
/// every item and every associated item that ends with a closing brace.
fn separate_items(source: &str) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = String::with_capacity(source.len() + source.len() / 16);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        out.push('\n');
        let item_end = matches!(*line, "}" | "    }" | "};");
        let next = lines.get(i + 1).map(|next| next.trim_start());
        if item_end && next.is_some_and(|next| !next.is_empty() && !next.starts_with('}')) {
            out.push('\n');
        }
    }
    out
}
