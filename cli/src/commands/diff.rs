//! `codes diff OLD NEW`: what a spec revision changed, its semver impact,
//! and, for CI, annotations, JUnit, accepted changes and the version check.

use std::path::{Path, PathBuf};
use std::process::Command;

use codes_codegen::SourceMap;
use codes_tools::diff::{
    self, CONFIG_FILE, DiffConfig, Format, Impact, ManifestError, PackageVersion, SpecText,
    Version, VersionCheck,
};

use crate::io::{self, Failure, Loaded, Status, say};

/// Arguments of `codes diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old spec: a path, `-` for standard input, or `REV:PATH` read from
    /// git (`HEAD~1:codes.toml`). An empty file (`/dev/null`) is no spec:
    /// every table is added, as in a first release.
    old: String,
    /// The new spec: a path, `-` for standard input, or `REV:PATH` read from git.
    new: String,
    /// How to write the report.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    /// Exit with status 1 when the changes not accepted are at least this
    /// big, or when the crate version does not go up as far as they need;
    /// may be given more than once.
    #[arg(long, value_enum, value_name = "CONDITION")]
    fail_on: Vec<FailOn>,
    /// The diff configuration: rule levels and accepted changes [default:
    /// codes-diff.toml beside the new spec, if there is one].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The crate version of the old side, for `--fail-on
    /// missing-version-bump` [default: from the Cargo.toml beside the old
    /// spec].
    #[arg(long, value_name = "VERSION")]
    old_version: Option<Version>,
    /// The crate version of the new side [default: from the Cargo.toml
    /// beside the new spec]; with `--format changelog`, the version of the
    /// entry [default: Unreleased].
    #[arg(long, value_name = "VERSION")]
    new_version: Option<Version>,
    /// The release date of a `--format changelog` entry, such as 2026-11-29.
    #[arg(long, value_name = "DATE", requires = "new_version")]
    date: Option<String>,
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
    /// GitHub Actions annotations at the changed lines of the spec.
    GithubActions,
    /// JUnit XML: a test case per change, breaking ones failing.
    Junit,
    /// A CHANGELOG entry (Keep a Changelog): Added, Changed, Removed.
    Changelog,
}

impl From<ReportFormat> for Format {
    fn from(format: ReportFormat) -> Format {
        match format {
            ReportFormat::Text => Format::Text,
            ReportFormat::Markdown => Format::Markdown,
            ReportFormat::Json => Format::Json,
            ReportFormat::GithubActions => Format::GithubActions,
            ReportFormat::Junit => Format::Junit,
            ReportFormat::Changelog => Format::Changelog,
        }
    }
}

/// The conditions of `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Fail on a breaking change only.
    Breaking,
    /// Fail on a minor or breaking change.
    Minor,
    /// Fail on a patch, minor or breaking change.
    Patch,
    /// Fail on any change.
    Cosmetic,
    /// Fail when the crate version does not go up as far as the changes need.
    MissingVersionBump,
}

impl FailOn {
    /// The impact this condition fails at, if it is a threshold.
    fn threshold(self) -> Option<Impact> {
        match self {
            FailOn::Breaking => Some(Impact::Breaking),
            FailOn::Minor => Some(Impact::Minor),
            FailOn::Patch => Some(Impact::Patch),
            FailOn::Cosmetic => Some(Impact::Cosmetic),
            FailOn::MissingVersionBump => None,
        }
    }
}

/// Compares the two specs and prints the report.
pub fn run(args: &Args) -> Result<Status, Failure> {
    let check_versions = args.fail_on.contains(&FailOn::MissingVersionBump);
    let changelog = args.format == ReportFormat::Changelog;
    for (flag, given, needed) in [
        ("--old-version", args.old_version.is_some(), check_versions),
        (
            "--new-version",
            args.new_version.is_some(),
            check_versions || changelog,
        ),
    ] {
        if given && !needed {
            return Err(Failure(format!(
                "{flag} is for --fail-on missing-version-bump or --format changelog, \
                 neither of which is given"
            )));
        }
    }
    if args.date.is_some() && !changelog {
        return Err(Failure("--date is for --format changelog".to_string()));
    }
    let (old_side, new_side) = (Side::parse(&args.old)?, Side::parse(&args.new)?);
    let (old_text, new_text) = (old_side.read()?, new_side.read()?);
    // An empty old side is no spec at all: a first release.
    let old = match old_text.trim().is_empty() {
        true => Loaded::Valid(None),
        false => io::parse_spec_with_sources(&old_side.name(), &old_text).map(Some),
    };
    let (Loaded::Valid(old), Loaded::Valid((new, new_sources))) = (
        old,
        io::parse_spec_with_sources(&new_side.name(), &new_text),
    ) else {
        return Ok(Status::Problems);
    };
    let (old, old_sources) = match old {
        Some((spec, sources)) => (Some(spec), sources),
        None => (None, SourceMap::default()),
    };
    let config = read_config(args.config.as_deref(), &new_side)?;
    let versions = match check_versions {
        true => Some((
            version(&old_side, args.old_version.as_ref(), "--old-version")?,
            version(&new_side, args.new_version.as_ref(), "--new-version")?,
        )),
        false => None,
    };

    let mut report = match &old {
        Some(old) => diff::diff(old, &new),
        None => diff::initial(&new),
    };
    let (old_file, new_file) = (old_side.file(), new_side.file());
    report.locate(
        SpecText {
            file: old_file.as_deref(),
            sources: &old_sources,
        },
        SpecText {
            file: new_file.as_deref(),
            sources: &new_sources,
        },
    );
    if let Some(config) = &config {
        for unused in report.configure(config) {
            say!(
                "codes: {}: warning: no change is {} at {:?}: this acceptance is stale",
                unused.place,
                unused.rule.as_str(),
                unused.path
            );
        }
    }
    let rendered = match args.format {
        ReportFormat::Changelog => report.to_changelog(
            args.new_version
                .as_ref()
                .map(ToString::to_string)
                .as_deref(),
            args.date.as_deref(),
        ),
        format => report.render(format.into()),
    };
    io::emit(None, &rendered)?;

    let impact = report.unaccepted_impact();
    let mut status = Status::Success;
    if args
        .fail_on
        .iter()
        .filter_map(|condition| condition.threshold())
        .any(|threshold| impact >= Some(threshold))
    {
        status = Status::Problems;
    }
    if let Some((old_version, new_version)) = versions {
        let check = VersionCheck::new(old_version, new_version, impact);
        say!("codes: {check}");
        if !check.passes() {
            status = Status::Problems;
        }
    }
    Ok(status)
}

/// The configuration given with `--config`, else the one beside the new
/// spec if there is one.
fn read_config(given: Option<&Path>, new: &Side) -> Result<Option<DiffConfig>, Failure> {
    let side = match given {
        Some(path) if io::is_stdin(path) => Side::Stdin,
        Some(path) => Side::File(path.to_path_buf()),
        None => match new.sibling(CONFIG_FILE) {
            Some(side) if side.exists()? => side,
            _ => return Ok(None),
        },
    };
    let text = side.read()?;
    DiffConfig::parse(&side.name(), &text)
        .map(Some)
        .map_err(|error| Failure(error.to_string()))
}

/// The crate version of a side: `given`, else the package version of the
/// `Cargo.toml` beside the spec (from the workspace root up the tree for
/// `version.workspace = true`).
fn version(side: &Side, given: Option<&Version>, flag: &str) -> Result<Version, Failure> {
    if let Some(version) = given {
        return Ok(version.clone());
    }
    let Some(manifest) = side.sibling("Cargo.toml") else {
        return Err(Failure(format!(
            "{}: no Cargo.toml beside standard input: give {flag}",
            side.name()
        )));
    };
    if !manifest.exists()? {
        return Err(Failure(format!(
            "{}: no such file, so the version of {} is unknown: give {flag}",
            manifest.name(),
            side.name()
        )));
    }
    let text = manifest.read()?;
    match PackageVersion::of_package(&text).map_err(|error| manifest_failure(&manifest, error))? {
        PackageVersion::Version(version) => Ok(version),
        PackageVersion::Workspace => {
            for root in manifest.ancestors() {
                if !root.exists()? {
                    continue;
                }
                let text = root.read()?;
                let found = PackageVersion::of_workspace(&text)
                    .map_err(|error| manifest_failure(&root, error))?;
                if let Some(version) = found {
                    return Ok(version);
                }
            }
            Err(Failure(format!(
                "{}: the version is the workspace's, but no Cargo.toml up the tree has \
                 a [workspace]: give {flag}",
                manifest.name()
            )))
        }
    }
}

/// A `Cargo.toml` without a version: `Cargo.toml:3:1: what is wrong`.
fn manifest_failure(manifest: &Side, error: ManifestError) -> Failure {
    let name = manifest.name();
    Failure(match error.position {
        Some((line, column)) => format!("{name}:{line}:{column}: {}", error.message),
        None => format!("{name}: {}", error.message),
    })
}

/// Where one side of the diff (or a file beside it) is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Side {
    /// `-`.
    Stdin,
    /// A file.
    File(PathBuf),
    /// `REV:PATH`, read with `git show`.
    Git { revision: String, path: String },
}

impl Side {
    /// Standard input for `-`, a file if one exists at that path, else
    /// `REV:PATH`.
    ///
    /// A side that is not a file reaches git only after `--end-of-options`,
    /// and one starting with `-` not at all: git would take it for an
    /// option (such as `--output=FILE`, which writes a file).
    fn parse(side: &str) -> Result<Side, Failure> {
        let path = Path::new(side);
        if io::is_stdin(path) {
            return Ok(Side::Stdin);
        }
        if path.exists() {
            return Ok(Side::File(path.to_path_buf()));
        }
        if side.starts_with('-') {
            return Err(Failure(format!(
                "{side}: no such file, and not a git revision: a revision cannot start with `-`"
            )));
        }
        match side
            .split_once(':')
            .filter(|(revision, file)| !revision.is_empty() && !file.is_empty())
        {
            Some((revision, path)) => Ok(Side::Git {
                revision: revision.to_string(),
                path: path.to_string(),
            }),
            None => Err(Failure(format!(
                "{side}: no such file (for a spec in git, write REV:PATH, such as HEAD~1:codes.toml)"
            ))),
        }
    }

    /// The name in messages: `<stdin>`, the path, or `REV:PATH`.
    fn name(&self) -> String {
        match self {
            Side::Stdin => "<stdin>".to_string(),
            Side::File(path) => path.display().to_string(),
            Side::Git { revision, path } => format!("{revision}:{path}"),
        }
    }

    /// The file name annotations give the side: the path, also of
    /// `REV:PATH`; none for standard input.
    fn file(&self) -> Option<String> {
        match self {
            Side::Stdin => None,
            Side::File(path) => Some(path.display().to_string()),
            Side::Git { path, .. } => Some(path.clone()),
        }
    }

    /// The file `name` in the same directory, at the same revision.
    fn sibling(&self, name: &str) -> Option<Side> {
        match self {
            Side::Stdin => None,
            Side::File(path) => Some(Side::File(
                path.parent().unwrap_or(Path::new("")).join(name),
            )),
            Side::Git { revision, path } => Some(Side::Git {
                revision: revision.clone(),
                path: match path.rsplit_once('/') {
                    Some((directory, _)) => format!("{directory}/{name}"),
                    None => name.to_string(),
                },
            }),
        }
    }

    /// The `Cargo.toml` of this file's directory and of every directory
    /// above it, nearest first: where cargo looks for the workspace root.
    fn ancestors(&self) -> Vec<Side> {
        match self {
            Side::Stdin => Vec::new(),
            Side::File(path) => std::path::absolute(path)
                .map(|path| {
                    path.ancestors()
                        .skip(1)
                        .map(|directory| Side::File(directory.join("Cargo.toml")))
                        .collect()
                })
                .unwrap_or_default(),
            Side::Git { revision, path } => {
                let mut found = Vec::new();
                let mut rest = path.as_str();
                while let Some((directory, _)) = rest.rsplit_once('/') {
                    found.push(format!("{directory}/Cargo.toml"));
                    rest = directory;
                }
                found.push("Cargo.toml".to_string());
                found.dedup();
                found
                    .into_iter()
                    .map(|path| Side::Git {
                        revision: revision.clone(),
                        path,
                    })
                    .collect()
            }
        }
    }

    /// Whether the file is there.
    fn exists(&self) -> Result<bool, Failure> {
        match self {
            Side::Stdin => Ok(true),
            Side::File(path) => Ok(path.exists()),
            Side::Git { .. } => Ok(self.git(&["cat-file", "-e"])?.status.success()),
        }
    }

    /// The text: standard input, the file, or `git show REV:PATH`.
    fn read(&self) -> Result<String, Failure> {
        let output = match self {
            Side::Stdin => return io::read(Path::new("-")),
            Side::File(path) => return io::read(path),
            Side::Git { .. } => self.git(&["show"])?,
        };
        let name = self.name();
        if !output.status.success() {
            let message = String::from_utf8_lossy(&output.stderr);
            return Err(Failure(format!(
                "{name}: git show failed: {}",
                message.trim()
            )));
        }
        String::from_utf8(output.stdout).map_err(|_| Failure(format!("{name}: not UTF-8 text")))
    }

    /// Runs `git COMMAND… --end-of-options REV:PATH`.
    fn git(&self, command: &[&str]) -> Result<std::process::Output, Failure> {
        Command::new("git")
            .args(command)
            .args(["--end-of-options", &self.name()])
            .output()
            .map_err(|error| Failure(format!("{}: cannot run git: {error}", self.name())))
    }
}
