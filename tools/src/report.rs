//! The rustc-style report of a spec's mistakes: for each, `file:line:col`,
//! the source line with a caret under the span, its label, the other
//! places involved and the help. `codes check` prints it; a build script
//! prints only the plain lines of [`SpecError`]'s `Display`.

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
        .element(snippet);
    match &diagnostic.help {
        Some(help) => group.element(Level::HELP.message(help.as_str())),
        None => group,
    }
}
