//! The vendor's texts as methods: the primary text and the text in a
//! language, with the other language as fallback.

use super::*;

/// A text method `name` (`description`, `text`) and `name_in(lang)` over
/// the `(pattern, text)` arms: the primary text (English, else Chinese),
/// and the text in a language with the other as fallback. `optional`
/// methods return `Option` (a reason may have no text).
pub(super) fn text_methods(
    out: &mut Writer,
    name: &str,
    doc: &str,
    arms: &[(String, Text)],
    optional: bool,
) {
    let literal = |text: Option<&str>| match optional {
        true => optional_string(text),
        false => string(text.unwrap_or_default()),
    };
    let returns = match optional {
        true => "Option<&'static str>",
        false => "&'static str",
    };
    out.line(format_args!("/// {doc}"));
    out.open(format_args!("pub const fn {name}(self) -> {returns}"));
    out.open("match self");
    for (pattern, text) in arms {
        out.line(format_args!("{pattern} => {},", literal(text.primary())));
    }
    out.close();
    out.close();
    out.blank();
    out.line("/// The same in `lang`, or in the other language where the vendor");
    out.line("/// gives none in `lang`.");
    out.open(format_args!(
        "pub const fn {name}_in(self, lang: {LANG}) -> {returns}"
    ));
    if arms.iter().any(|(_, text)| text.zh.is_some()) {
        out.open("match lang");
        out.open(format_args!("{LANG}::Zh => match self"));
        for (pattern, text) in arms {
            let zh = text.zh.as_deref().or(text.primary());
            out.line(format_args!("{pattern} => {},", literal(zh)));
        }
        out.close_with(",");
        out.line(format_args!("_ => self.{name}(),"));
        out.close();
    } else {
        out.line("let _ = lang;");
        out.line(format_args!("self.{name}()"));
    }
    out.close();
}
