//! Errors that point into the spec: `codes.toml:line:col`, the source line,
//! a caret under the span, a label and, where a fix is known, a help line.
//!
//! Rendering is annotate-snippets' rustc-style output, used by the build
//! script, the CLI and `Display` alike, so a mistake reads the same everywhere.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// One mistake in a spec, located by byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong, e.g. `duplicate code 3 in table OperationType`.
    pub message: String,
    /// Where, as a byte range of the spec text.
    pub span: Range<usize>,
    /// The label under the caret.
    pub label: String,
    /// Other places involved (the first definition of a duplicate, say).
    pub related: Vec<(Range<usize>, String)>,
    /// How to fix it, where that is known.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with a message, a span and the label under it.
    pub fn new(message: impl Into<String>, span: Range<usize>, label: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            span,
            label: label.into(),
            related: Vec::new(),
            help: None,
        }
    }

    /// Adds another place involved in the mistake.
    pub fn related(mut self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.related.push((span, label.into()));
        self
    }

    /// Adds a help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// All the mistakes found in one spec file, with the text they point into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    path: String,
    text: String,
    diagnostics: Vec<Diagnostic>,
}

impl SpecError {
    /// Collects `diagnostics` for the spec at `path` whose contents are `text`.
    pub fn new(
        path: impl Into<String>,
        text: impl Into<String>,
        diagnostics: Vec<Diagnostic>,
    ) -> Self {
        SpecError {
            path: path.into(),
            text: text.into(),
            diagnostics,
        }
    }

    /// The diagnostics, in spec order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The path the diagnostics name.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(&self.text, offset)
    }

    /// One line per diagnostic: `path:line:col: message`.
    pub fn summary(&self) -> Vec<String> {
        self.diagnostics
            .iter()
            .map(|diagnostic| {
                let (line, col) = self.line_col(diagnostic.span.start);
                format!("{}:{line}:{col}: {}", self.path, diagnostic.message)
            })
            .collect()
    }

    /// The rustc-style rendering of every diagnostic, with colour when
    /// `styled` (for a terminal).
    pub fn render(&self, styled: bool) -> String {
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        // One report per diagnostic: in a single report, annotate-snippets
        // would show every group after the first as a sub-diagnostic.
        self.diagnostics
            .iter()
            .map(|diagnostic| renderer.render(&[self.group(diagnostic)]) + "\n")
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn group<'a>(&'a self, diagnostic: &'a Diagnostic) -> Group<'a> {
        let end = self.text.len();
        let clamp =
            |span: &Range<usize>| span.start.min(end)..span.end.min(end).max(span.start.min(end));
        let mut snippet = Snippet::source(self.text.as_str())
            .path(self.path.as_str())
            .annotation(
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
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for SpecError {}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}
