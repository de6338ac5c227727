//! `codes check [SPEC] [--format text|json|github-actions] [--deny review]`:
//! validation diagnostics, each with its stable code and severity (listed
//! in the `codes_tools::report` docs), exit 1 on any error; texts that lack
//! a translation and `# review` marks, as information (`--deny review`
//! makes the marks errors).

use std::ops::Range;
use std::path::PathBuf;

use codes_codegen::{Spec, SpecError};
use codes_tools::report::workflow_command;
use codes_tools::review::{ReviewMark, review_marks};
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
    /// Make this information an error: `review`, the `# review` marks an
    /// import leaves for a person to decide.
    #[arg(long, value_enum, value_name = "WHAT")]
    deny: Vec<Deny>,
}

/// The information `--deny` makes an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Deny {
    /// `# review` marks left in the spec (I002).
    Review,
}

/// The formats of the diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style, with a snippet of the spec, on stderr.
    Text,
    /// As data, on stdout: the path and every diagnostic with its code,
    /// severity, position, label, help and related positions.
    Json,
    /// GitHub Actions annotations on stdout, at the lines of the spec.
    GithubActions,
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
    let marks = review_marks(&text);
    let deny_review = args.deny.contains(&Deny::Review);
    let review_severity = if deny_review { "error" } else { "info" };
    match args.format {
        Format::Json => {
            let report = Report::new(
                &name,
                &text,
                result.as_ref().err(),
                &information,
                (&marks, review_severity),
            );
            let mut json = serde_json::to_string_pretty(&report)
                .map_err(|error| Failure(format!("cannot write the diagnostics: {error}")))?;
            json.push('\n');
            io::emit(None, &json)?;
        }
        Format::GithubActions => {
            let annotations = annotations(
                &name,
                &text,
                result.as_ref().err(),
                &information,
                (&marks, review_severity),
            );
            io::emit(None, &annotations)?;
        }
        Format::Text => {
            if let Err(error) = &result {
                io::print_diagnostics(error);
            }
            for finding in &information {
                match finding.line {
                    Some(line) => io::say!("{name}:{line}: info[I001]: {finding}"),
                    None => io::say!("{name}: info[I001]: {finding}"),
                }
            }
            for mark in &marks {
                io::say!(
                    "{name}:{}:{}: {review_severity}[I002]: {mark}",
                    mark.line,
                    mark.column
                );
            }
        }
    }
    let denied = match (deny_review, marks.len()) {
        (false, _) | (true, 0) => None,
        (true, 1) => Some("1 review mark left (--deny review)".to_string()),
        (true, count) => Some(format!("{count} review marks left (--deny review)")),
    };
    match result {
        Ok((spec, _)) => {
            if let Some(denied) = denied {
                io::say!("{name}: {denied}");
                return Ok(Status::Problems);
            }
            let rows: usize = spec.tables().iter().map(|table| table.rows().len()).sum();
            io::say!("{name}: ok ({} table(s), {rows} rows)", spec.tables().len());
            Ok(Status::Success)
        }
        Err(error) => {
            io::say_count(&error);
            Ok(Status::Problems)
        }
    }
}

/// `codes check --format github-actions`: an `::error` per mistake at its
/// span, then a `::notice` per finding of information (an `::error` for
/// review marks under `--deny review`); each titled with its code.
fn annotations(
    path: &str,
    text: &str,
    error: Option<&SpecError>,
    information: &[Untranslated],
    (marks, review_severity): (&[ReviewMark], &str),
) -> String {
    let mut out = String::new();
    for diagnostic in error.map_or(&[][..], SpecError::diagnostics) {
        let at = Position::new(text, &diagnostic.span);
        let properties = [
            ("file", path.to_string()),
            ("line", at.line.to_string()),
            ("col", at.column.to_string()),
            ("endLine", at.end_line.to_string()),
            ("endColumn", at.end_column.to_string()),
            ("title", diagnostic.code.to_string()),
        ];
        let mut message = format!("{}: {}", diagnostic.message, diagnostic.label);
        if let Some(help) = &diagnostic.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&workflow_command("error", &properties, &message));
    }
    for finding in information {
        let mut properties = vec![("file", path.to_string())];
        if let Some(line) = finding.line {
            properties.push(("line", line.to_string()));
        }
        properties.push(("title", "I001".to_string()));
        out.push_str(&workflow_command(
            "notice",
            &properties,
            &finding.to_string(),
        ));
    }
    let command = match review_severity {
        "error" => "error",
        _ => "notice",
    };
    for mark in marks {
        let properties = [
            ("file", path.to_string()),
            ("line", mark.line.to_string()),
            ("col", mark.column.to_string()),
            ("title", "I002".to_string()),
        ];
        out.push_str(&workflow_command(command, &properties, &mark.to_string()));
    }
    out
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
    /// The `# review` marks left, in order.
    review_marks: Vec<Review>,
}

/// A `# review` mark.
#[derive(Debug, Serialize)]
struct Review {
    code: &'static str,
    severity: &'static str,
    line: usize,
    column: usize,
    message: String,
    note: String,
}

/// A text or page missing in a language: information, not a mistake.
#[derive(Debug, Serialize)]
struct Information<'a> {
    code: &'static str,
    severity: &'static str,
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
    code: &'static str,
    severity: &'static str,
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
        (marks, review_severity): (&[ReviewMark], &'static str),
    ) -> Self {
        let diagnostics = error.map_or(&[][..], SpecError::diagnostics);
        Report {
            path,
            valid: diagnostics.is_empty(),
            untranslated: information
                .iter()
                .map(|finding| Information {
                    code: "I001",
                    severity: "info",
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
                    code: diagnostic.code.as_str(),
                    severity: "error",
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
            review_marks: marks
                .iter()
                .map(|mark| Review {
                    code: "I002",
                    severity: review_severity,
                    line: mark.line,
                    column: mark.column,
                    message: mark.to_string(),
                    note: mark.note.clone(),
                })
                .collect(),
        }
    }
}
