//! The rustc-style report of a spec's mistakes: for each, its stable code
//! (`error[E006]`), `file:line:col`, the source line with a caret under the
//! span, its label, the other places involved and the help. `codes check`
//! prints it; a build script prints only the plain lines of
//! [`SpecError`]'s `Display`.
//!
//! # Codes
//!
//! Every diagnostic of `codes check` has a stable code and a severity: an
//! `E` code is an error (the spec is refused), an `I` code information
//! (the spec is valid). A code is never reused for another kind of
//! mistake. [`CODES`] lists them:
//!
//! | Code | Severity | What |
//! |---|---|---|
//! | `E001` | error | the text is not TOML (syntax, a key set twice) |
//! | `E002` | error | an unknown key |
//! | `E003` | error | a value of the wrong type |
//! | `E004` | error | a required key, table, page or row missing |
//! | `E005` | error | an empty text |
//! | `E006` | error | a duplicate code, name, constant or marker |
//! | `E007` | error | a name that is no Rust identifier, a keyword, or clashes with a generated item |
//! | `E008` | error | a code out of range |
//! | `E009` | error | a code of the wrong kind (a number in a table of text codes, or the reverse) |
//! | `E010` | error | reason codes that cannot decode (overlapping or reversed ranges, two open reasons, one that never applies) |
//! | `E011` | error | a reserved code or name used, or reserved twice |
//! | `E012` | error | object kinds or record names missing or unknown |
//! | `E013` | error | column headers that do not fit the table |
//! | `I001` | info | a text, or a table's page, given in one language only |
//! | `I002` | info | a `# review` mark left by an import (an error with `codes check --deny review`) |

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use codes_codegen::{Diagnostic, SpecError};

/// Every diagnostic of `error`, rendered with its source snippet; with
/// colour when `styled` (for a terminal).
pub fn render(error: &SpecError, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // One report per diagnostic: in a single report, annotate-snippets would
    // show every group after the first as a sub-diagnostic.
    error
        .diagnostics()
        .iter()
        .map(|diagnostic| renderer.render(&[group(error, diagnostic)]) + "\n")
        .collect::<Vec<_>>()
        .join("\n")
}

fn group<'a>(error: &'a SpecError, diagnostic: &'a Diagnostic) -> Group<'a> {
    let text = error.text();
    let end = text.len();
    let clamp = |span: &std::ops::Range<usize>| {
        span.start.min(end)..span.end.min(end).max(span.start.min(end))
    };
    let mut snippet = Snippet::source(text).path(error.path()).annotation(
        AnnotationKind::Primary
            .span(clamp(&diagnostic.span))
            .label(diagnostic.label.as_str()),
    );
    for (span, label) in &diagnostic.related {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(clamp(span))
                .label(label.as_str()),
        );
    }
    let group = Level::ERROR
        .primary_title(diagnostic.message.as_str())
        .id(code(diagnostic))
        .element(snippet);
    match &diagnostic.help {
        Some(help) => group.element(Level::HELP.message(help.as_str())),
        None => group,
    }
}

/// Every diagnostic code: `(code, severity, what)`, in the order of the
/// module docs' table.
pub const CODES: [(&str, &str, &str); 15] = [
    (
        "E001",
        "error",
        "the text is not TOML (syntax, a key set twice)",
    ),
    ("E002", "error", "an unknown key"),
    ("E003", "error", "a value of the wrong type"),
    (
        "E004",
        "error",
        "a required key, table, page or row missing",
    ),
    ("E005", "error", "an empty text"),
    (
        "E006",
        "error",
        "a duplicate code, name, constant or marker",
    ),
    (
        "E007",
        "error",
        "a name that is no Rust identifier, a keyword, or clashes with a generated item",
    ),
    ("E008", "error", "a code out of range"),
    (
        "E009",
        "error",
        "a code of the wrong kind (a number in a table of text codes, or the reverse)",
    ),
    (
        "E010",
        "error",
        "reason codes that cannot decode (overlapping or reversed ranges, two open reasons, \
         one that never applies)",
    ),
    (
        "E011",
        "error",
        "a reserved code or name used, or reserved twice",
    ),
    (
        "E012",
        "error",
        "object kinds or record names missing or unknown",
    ),
    ("E013", "error", "column headers that do not fit the table"),
    (
        "I001",
        "info",
        "a text, or a table's page, given in one language only",
    ),
    (
        "I002",
        "info",
        "a `# review` mark left by an import (an error with `codes check --deny review`)",
    ),
];

/// The code of a spec error: `E001` to `E013` (see [`CODES`]), by the kind
/// of mistake its message states.
pub fn code(diagnostic: &Diagnostic) -> &'static str {
    let message = diagnostic.message.as_str();
    let has = |part: &str| message.contains(part);
    if message.starts_with("duplicate key") {
        "E001"
    } else if message.starts_with("unknown key `") {
        "E002"
    } else if message.starts_with("invalid type: ") {
        "E003"
    } else if has("does not fit in i") || (message.starts_with("integer ") && has("out of range")) {
        "E008"
    } else if has("in a table of text codes")
        || has("in a table of integer codes")
        || has("has text codes and objects or reasons")
    {
        "E009"
    } else if has("is reserved") {
        "E011"
    } else if message.starts_with("duplicate ") {
        "E006"
    } else if message.starts_with("empty `") {
        "E005"
    } else if message.starts_with("invalid Rust name")
        || has("clashes with the generated")
        || has("only in case")
        || has("a Rust keyword")
        || has("would hide the prelude")
    {
        "E007"
    } else if has("overlaps range")
        || has("open reason")
        || has("`open = true`")
        || message.starts_with("`open = false`")
        || message.starts_with("`range` in")
        || message.starts_with("reversed range")
        || has("holds a single code")
        || has("is listed on its own")
        || has("more than one of `code`")
        || has("none of `code`")
    {
        "E010"
    } else if message.starts_with("unknown object kind") || has("but no `record`") {
        "E012"
    } else if has("column header") {
        "E013"
    } else if has(" has no ") || message.starts_with("the spec has no ") || has("though other rows")
    {
        "E004"
    } else {
        "E001"
    }
}

/// A GitHub Actions workflow command, `::COMMAND PROPERTIES::MESSAGE`, with
/// its properties (`file`, `line`, `col`, `endLine`, `endColumn`, `title`)
/// and message escaped as the runner unescapes them, so that no line break,
/// `:` or `,` in a value ends the command early. The line ends with `\n`.
pub fn workflow_command(command: &str, properties: &[(&str, String)], message: &str) -> String {
    let properties: Vec<String> = properties
        .iter()
        .map(|(name, value)| format!("{name}={}", property(value)))
        .collect();
    match properties.is_empty() {
        true => format!("::{command}::{}\n", data(message)),
        false => format!("::{command} {}::{}\n", properties.join(","), data(message)),
    }
}

/// A workflow command's message, escaped: no line break can end it.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: a message escaped, and neither `:`
/// nor `,`, which end a value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{data, property, workflow_command};

    #[test]
    fn workflow_command_values_cannot_end_early() {
        assert_eq!(data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(property("a: b, c%"), "a%3A b%2C c%25");
        assert_eq!(
            workflow_command(
                "error",
                &[("file", "a,b.toml".into()), ("line", "3".into())],
                "x\ny"
            ),
            "::error file=a%2Cb.toml,line=3::x%0Ay\n"
        );
        assert_eq!(workflow_command("notice", &[], "z"), "::notice::z\n");
    }
}
