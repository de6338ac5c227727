//! `codes diff OLD NEW`: what a spec revision changed, and its semver impact.

use std::path::Path;
use std::process::Command;

use codes_tools::diff::{self, Format, Impact};

use crate::io::{self, Failure, Loaded, Status};

/// Arguments of `codes diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old spec: a path, `-` for standard input, or `REV:PATH` read from
    /// git (`HEAD~1:codes.toml`).
    old: String,
    /// The new spec: a path, `-` for standard input, or `REV:PATH` read from git.
    new: String,
    /// How to write the report.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    /// Exit with status 1 when the change is at least this big.
    #[arg(long, value_enum, value_name = "IMPACT")]
    fail_on: Option<FailOn>,
}

/// The formats of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// For a terminal: a line per change, grouped by table.
    Text,
    /// For a pull request or CHANGELOG.
    Markdown,
    /// For programs.
    Json,
}

impl From<ReportFormat> for Format {
    fn from(format: ReportFormat) -> Format {
        match format {
            ReportFormat::Text => Format::Text,
            ReportFormat::Markdown => Format::Markdown,
            ReportFormat::Json => Format::Json,
        }
    }
}

/// The thresholds of `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Fail on a breaking change only.
    Breaking,
    /// Fail on a minor or breaking change.
    Minor,
    /// Fail on any change.
    Patch,
}

impl From<FailOn> for Impact {
    fn from(threshold: FailOn) -> Impact {
        match threshold {
            FailOn::Breaking => Impact::Breaking,
            FailOn::Minor => Impact::Minor,
            FailOn::Patch => Impact::Patch,
        }
    }
}

/// Compares the two specs and prints the report.
pub fn run(args: &Args) -> Result<Status, Failure> {
    let (old, new) = (read_side(&args.old)?, read_side(&args.new)?);
    let (Loaded::Valid(old), Loaded::Valid(new)) = (
        io::parse_spec(&io::name(Path::new(&args.old)), &old),
        io::parse_spec(&io::name(Path::new(&args.new)), &new),
    ) else {
        return Ok(Status::Problems);
    };
    let report = diff::diff(&old, &new);
    io::emit(None, &report.render(args.format.into()))?;
    match args.fail_on {
        Some(threshold) if report.impact() >= Some(threshold.into()) => Ok(Status::Problems),
        _ => Ok(Status::Success),
    }
}

/// The text of one side: standard input for `-`, a file if one exists at
/// that path, else `REV:PATH` through `git show`.
///
/// A side that is not a file reaches git only after `--end-of-options`, and
/// one starting with `-` not at all: git would take it for an option (such
/// as `--output=FILE`, which writes a file).
fn read_side(side: &str) -> Result<String, Failure> {
    let path = Path::new(side);
    if io::is_stdin(path) || path.exists() {
        return io::read(path);
    }
    if side.starts_with('-') {
        return Err(Failure(format!(
            "{side}: no such file, and not a git revision: a revision cannot start with `-`"
        )));
    }
    let Some((revision, file)) = side
        .split_once(':')
        .filter(|(revision, file)| !revision.is_empty() && !file.is_empty())
    else {
        return Err(Failure(format!(
            "{side}: no such file (for a spec in git, write REV:PATH, such as HEAD~1:codes.toml)"
        )));
    };
    let output = Command::new("git")
        .args(["show", "--end-of-options", &format!("{revision}:{file}")])
        .output()
        .map_err(|error| Failure(format!("{side}: cannot run git: {error}")))?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr);
        return Err(Failure(format!(
            "{side}: git show failed: {}",
            message.trim()
        )));
    }
    String::from_utf8(output.stdout).map_err(|_| Failure(format!("{side}: not UTF-8 text")))
}
