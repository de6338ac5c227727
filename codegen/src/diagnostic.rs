//! Errors that point into the spec: `codes.toml:line:col`, what is wrong,
//! a label for the spot and, where a fix is known, a help line.
//!
//! This is plain data with a plain-text [`Display`](fmt::Display), which a
//! build script prints; the rustc-style report with source snippets is
//! rendered by `codes check` (crate `codes-tools`), so that the build path
//! carries no renderer.

use std::fmt;
use std::ops::Range;

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
                format!(
                    "{}: {}",
                    self.location(diagnostic.span.start),
                    diagnostic.message
                )
            })
            .collect()
    }

    /// The spec text the spans point into.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// `path:line:col` of a byte offset.
    fn location(&self, offset: usize) -> String {
        let (line, col) = self.line_col(offset);
        format!("{}:{line}:{col}", self.path)
    }
}

impl fmt::Display for SpecError {
    /// Every diagnostic as `path:line:col: message`, then its label, the
    /// other places involved and the help, indented:
    ///
    /// ```text
    /// codes.toml:118:8: duplicate code 2 in table OperationType
    ///     defined again here
    ///     codes.toml:113:8: first defined here
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, diagnostic) in self.diagnostics.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(
                f,
                "{}: {}",
                self.location(diagnostic.span.start),
                diagnostic.message
            )?;
            // A label that only repeats the message ("expected an integer")
            // says nothing more.
            if !diagnostic.message.ends_with(&diagnostic.label) {
                write!(f, "\n    {}", diagnostic.label)?;
            }
            for (span, label) in &diagnostic.related {
                write!(f, "\n    {}: {label}", self.location(span.start))?;
            }
            if let Some(help) = &diagnostic.help {
                write!(f, "\n    help: {help}")?;
            }
        }
        Ok(())
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
