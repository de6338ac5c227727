//! Errors that point into the spec: `codes.toml:line:col`, what is wrong,
//! a label for the spot and, where a fix is known, a help line.
//!
//! This is plain data with a plain-text [`Display`](fmt::Display), which a
//! build script prints; the rustc-style report with source snippets is
//! rendered by `codes check` (crate `codes-tools`), so that the build path
//! carries no renderer.

use std::fmt;
use std::ops::Range;

/// The kind of a spec mistake, with a stable code (`E001` …) that reports
/// and CI annotations carry: set where the mistake is found, so that a
/// reworded message keeps its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Code {
    /// `E001`: the text is not TOML (syntax, a key set twice).
    Syntax,
    /// `E002`: a key the schema does not have.
    UnknownKey,
    /// `E003`: a value of the wrong type.
    InvalidType,
    /// `E004`: a required key, table, page or row missing.
    Missing,
    /// `E005`: an empty text.
    Empty,
    /// `E006`: a duplicate code, name, constant or marker.
    Duplicate,
    /// `E007`: a name that is no Rust identifier, a keyword, or clashes
    /// with a generated item.
    Name,
    /// `E008`: a code out of range.
    OutOfRange,
    /// `E009`: a code of the wrong kind (a number in a table of text codes,
    /// or the reverse).
    CodeKind,
    /// `E010`: reason codes that cannot decode (overlapping or reversed
    /// ranges, two open reasons, one that never applies).
    ReasonCodes,
    /// `E011`: a reserved code or name used, or reserved twice.
    Reserved,
    /// `E012`: object kinds or record names missing or unknown.
    Record,
    /// `E013`: column headers that do not fit the table.
    Columns,
    /// `E014`: a site that is not the https base URL of the vendor's pages.
    Site,
    /// `E015`: a value none of those its key takes (`key = "float"`).
    UnknownValue,
}

impl Code {
    /// Every code, in order.
    pub const ALL: [Code; 15] = [
        Code::Syntax,
        Code::UnknownKey,
        Code::InvalidType,
        Code::Missing,
        Code::Empty,
        Code::Duplicate,
        Code::Name,
        Code::OutOfRange,
        Code::CodeKind,
        Code::ReasonCodes,
        Code::Reserved,
        Code::Record,
        Code::Columns,
        Code::Site,
        Code::UnknownValue,
    ];

    /// The stable code: `E001` to `E015`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "E001",
            Code::UnknownKey => "E002",
            Code::InvalidType => "E003",
            Code::Missing => "E004",
            Code::Empty => "E005",
            Code::Duplicate => "E006",
            Code::Name => "E007",
            Code::OutOfRange => "E008",
            Code::CodeKind => "E009",
            Code::ReasonCodes => "E010",
            Code::Reserved => "E011",
            Code::Record => "E012",
            Code::Columns => "E013",
            Code::Site => "E014",
            Code::UnknownValue => "E015",
        }
    }

    /// What kind of mistake it is, for the docs' and reports' tables.
    pub fn description(self) -> &'static str {
        match self {
            Code::Syntax => "the text is not TOML (syntax, a key set twice)",
            Code::UnknownKey => "an unknown key",
            Code::InvalidType => "a value of the wrong type",
            Code::Missing => "a required key, table, page or row missing",
            Code::Empty => "an empty text",
            Code::Duplicate => "a duplicate code, name, constant or marker",
            Code::Name => {
                "a name that is no Rust identifier, a keyword, or clashes with a generated item"
            }
            Code::OutOfRange => "a code out of range",
            Code::CodeKind => {
                "a code of the wrong kind (a number in a table of text codes, or the reverse)"
            }
            Code::ReasonCodes => {
                "reason codes that cannot decode (overlapping or reversed ranges, two open reasons, one that never applies)"
            }
            Code::Reserved => "a reserved code or name used, or reserved twice",
            Code::Record => "object kinds or record names missing or unknown",
            Code::Columns => "column headers that do not fit the table",
            Code::Site => "a site that is not the https base URL of the vendor's pages",
            Code::UnknownValue => "a value none of those its key takes",
        }
    }
}

impl fmt::Display for Code {
    /// The stable code, `E001`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One mistake in a spec, located by byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The kind of mistake, with its stable code.
    pub code: Code,
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
    /// A diagnostic of a kind, with a message, a span and the label under it.
    pub fn new(
        code: Code,
        message: impl Into<String>,
        span: Range<usize>,
        label: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
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

/// Puts `diagnostics` in the order of the text, those at the same place in
/// the order found: one sort for parsing and validation alike.
pub(crate) fn sort_in_text_order(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|diagnostic| (diagnostic.span.start, diagnostic.span.end));
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
