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
    out.function(format_args!("pub const fn {name}(self) -> {returns}"));
    out.open("match self");
    for (pattern, text) in arms {
        out.line(format_args!("{pattern} => {},", literal(text.primary())));
    }
    out.close();
    out.close();
    out.blank();
    out.line("/// The same in `lang`, or in the other language where the vendor");
    out.line("/// gives none in `lang`.");
    out.function(format_args!(
        "pub const fn {name}_in(self, lang: {LANG}) -> {returns}"
    ));
    if arms.iter().any(|(_, text)| text[Lang::Zh].is_some()) {
        out.open("match lang");
        out.open(format_args!("{LANG}::Zh => match self"));
        for (pattern, text) in arms {
            let zh = text[Lang::Zh].as_deref().or(text.primary());
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

/// `notes()` and `notes_in(lang)`: every table's rows may carry the
/// vendor's notes, in either language, with the same fallback as texts.
pub(super) fn notes_methods(out: &mut Writer, table: &Table) {
    let arms = |notes: fn(&Row) -> &[String]| -> Vec<String> {
        table
            .rows
            .iter()
            .filter(|row| !notes(row).is_empty())
            .map(|row| {
                let notes = each(notes(row), &|note| string(note));
                format!("{}::{} => &[{}],", table.name, row.name, notes.join(", "))
            })
            .collect()
    };
    let primary = arms(|row| match row.notes.is_empty() {
        true => &row.notes_zh,
        false => &row.notes,
    });
    out.line("/// The vendor's notes on the row, free sentences of its cells: in");
    out.line("/// English, or in Chinese where the vendor gives no English; empty where");
    out.line("/// it gives none.");
    out.function("pub const fn notes(self) -> &'static [&'static str]");
    let some_without = primary.len() < table.rows.len();
    match_or(out, &primary, some_without.then_some("&[]"));
    out.close();
    out.blank();
    out.line("/// The notes in `lang`, or in the other language where the vendor");
    out.line("/// gives none in `lang`.");
    out.function(format_args!(
        "pub const fn notes_in(self, lang: {LANG}) -> &'static [&'static str]"
    ));
    let chinese = arms(|row| &row.notes_zh);
    if chinese.is_empty() {
        out.line("let _ = lang;");
        out.line("self.notes()");
    } else {
        out.open("match lang");
        out.open(format_args!("{LANG}::Zh => match self"));
        for arm in &chinese {
            out.line(arm);
        }
        // A wildcard no row reaches would warn.
        if chinese.len() < table.rows.len() {
            out.line("_ => self.notes(),");
        }
        out.close_with(",");
        out.line("_ => self.notes(),");
        out.close();
    }
    out.close();
}
