//! `codes diff OLD NEW`: what a spec revision changed, and its semver impact.

use std::path::Path;
use std::process::Command;

use codes_tools::diff::{self, Format, Impact};

use crate::io::{self, Failure, Loaded, Status};

/// Arguments of `codes diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old spec: a path, or `REV:PATH` read from git (`HEAD~1:codes.toml`).
    old: String,
    /// The new spec: a path, or `REV:PATH` read from git.
    new: String,
    /// How to write the report: `text`, `markdown` (for a pull request or CHANGELOG) or `json`.
    #[arg(long, default_value = "text")]
    format: Format,
    /// Exit with status 1 when the change is at least this big: `breaking`, `minor` or `patch`.
    #[arg(long, value_name = "IMPACT")]
    fail_on: Option<Impact>,
}

/// Compares the two specs and prints the report.
pub fn run(args: &Args) -> Result<Status, Failure> {
    let (old, new) = (read_side(&args.old)?, read_side(&args.new)?);
    let (Loaded::Valid(old), Loaded::Valid(new)) = (
        io::parse_spec(&args.old, &old),
        io::parse_spec(&args.new, &new),
    ) else {
        return Ok(Status::Problems);
    };
    let report = diff::diff(&old, &new);
    io::emit(None, &report.render(args.format))?;
    match args.fail_on {
        Some(threshold) if report.impact() >= Some(threshold) => Ok(Status::Problems),
        _ => Ok(Status::Success),
    }
}

/// The text of one side: a file if one exists at that path, else `REV:PATH`
/// through `git show`.
///
/// A side that is not a file reaches git only after `--end-of-options`, and
/// one starting with `-` not at all: git would take it for an option (such
/// as `--output=FILE`, which writes a file).
fn read_side(side: &str) -> Result<String, Failure> {
    let path = Path::new(side);
    if path.exists() {
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
