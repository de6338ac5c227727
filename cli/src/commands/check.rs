//! `codes check [SPEC] [--format text|json]`: validation diagnostics, exit 1
//! on any error; texts that lack a translation, as information.

use std::ops::Range;
use std::path::PathBuf;

use codes_codegen::{Spec, SpecError};
use codes_tools::translations::{Untranslated, untranslated};
use serde::Serialize;

use crate::io::{self, Failure, Status};

/// Arguments of `codes check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The spec to check (`-`: standard input).
    #[arg(default_value = "codes.toml")]
    spec: PathBuf,
    /// How to write the diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// The formats of the diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style, with a snippet of the spec, on stderr.
    Text,
    /// As data, on stdout: the path and every diagnostic with its position,
    /// label, help and related positions.
    Json,
}

/// Checks the spec, printing every mistake.
pub fn run(args: &Args) -> Result<Status, Failure> {
    let name = io::name(&args.spec);
    let text = io::read(&args.spec)?;
    let result = Spec::from_toml_with_sources(&name, &text);
    let information = match &result {
        Ok((spec, sources)) => untranslated(spec, sources),
        Err(_) => Vec::new(),
    };
    if args.format == Format::Json {
        let report = Report::new(&name, &text, result.as_ref().err(), &information);
        let mut json = serde_json::to_string_pretty(&report)
            .map_err(|error| Failure(format!("cannot write the diagnostics: {error}")))?;
        json.push('\n');
        io::emit(None, &json)?;
    }
    match result {
        Ok((spec, _)) => {
            if args.format == Format::Text {
                for finding in &information {
                    match finding.line {
                        Some(line) => io::say!("{name}:{line}: info: {finding}"),
                        None => io::say!("{name}: info: {finding}"),
                    }
                }
            }
            let rows: usize = spec.tables.iter().map(|table| table.rows.len()).sum();
            io::say!("{name}: ok ({} table(s), {rows} rows)", spec.tables.len());
            Ok(Status::Success)
        }
        Err(error) => {
            if args.format == Format::Text {
                io::print_diagnostics(&error);
            }
            io::say_count(&error);
            Ok(Status::Problems)
        }
    }
}

/// `codes check --format json`.
#[derive(Debug, Serialize)]
struct Report<'a> {
    /// The spec, as the diagnostics name it.
    path: &'a str,
    /// Whether the spec has no mistakes.
    valid: bool,
    /// Every mistake, in spec order.
    diagnostics: Vec<Diagnostic<'a>>,
    /// Texts that lack a translation (of a valid spec), in spec order.
    untranslated: Vec<Information<'a>>,
}

/// A text or page missing in a language: information, not a mistake.
#[derive(Debug, Serialize)]
struct Information<'a> {
    path: &'a str,
    line: Option<usize>,
    message: String,
    item: &'a str,
    missing: &'a str,
    only_in: Option<&'a str>,
}

/// One mistake.
#[derive(Debug, Serialize)]
struct Diagnostic<'a> {
    path: &'a str,
    #[serde(flatten)]
    at: Position,
    message: &'a str,
    label: &'a str,
    help: Option<&'a str>,
    related: Vec<Related<'a>>,
}

/// Another place involved in a mistake.
#[derive(Debug, Serialize)]
struct Related<'a> {
    path: &'a str,
    #[serde(flatten)]
    at: Position,
    label: &'a str,
}

/// Where a span starts and ends: 1-based lines and columns in characters,
/// the end just past the span.
#[derive(Debug, Serialize)]
struct Position {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

impl Position {
    fn new(text: &str, span: &Range<usize>) -> Self {
        let (line, column) = codes_codegen::line_col(text, span.start);
        let (end_line, end_column) = codes_codegen::line_col(text, span.end);
        Position {
            line,
            column,
            end_line,
            end_column,
        }
    }
}

impl<'a> Report<'a> {
    fn new(
        path: &'a str,
        text: &str,
        error: Option<&'a SpecError>,
        information: &'a [Untranslated],
    ) -> Self {
        let diagnostics = error.map_or(&[][..], SpecError::diagnostics);
        Report {
            path,
            valid: diagnostics.is_empty(),
            untranslated: information
                .iter()
                .map(|finding| Information {
                    path,
                    line: finding.line,
                    message: finding.to_string(),
                    item: &finding.item,
                    missing: &finding.missing,
                    only_in: finding.only_in,
                })
                .collect(),
            diagnostics: diagnostics
                .iter()
                .map(|diagnostic| Diagnostic {
                    path,
                    at: Position::new(text, &diagnostic.span),
                    message: &diagnostic.message,
                    label: &diagnostic.label,
                    help: diagnostic.help.as_deref(),
                    related: diagnostic
                        .related
                        .iter()
                        .map(|(span, label)| Related {
                            path,
                            at: Position::new(text, span),
                            label,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
