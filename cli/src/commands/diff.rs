//! `codes diff OLD NEW`: what a spec revision changed, its semver impact,
//! and, for CI, annotations, JUnit, accepted changes and the version check.

use std::path::{Path, PathBuf};
use std::process::Command;

use codes_codegen::SourceMap;
use codes_tools::diff::{
    self, Axis, CONFIG_FILE, DiffConfig, Format, Impact, ManifestError, PackageVersion, SpecDiff,
    SpecText, Version, VersionCheck,
};

use crate::io::{self, Failure, Loaded, Status, say};

/// Arguments of `codes diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old spec: a path, `-` for standard input, or `REV:PATH` read from
    /// git (`HEAD~1:codes.toml`; `git:REV:PATH` reads git only). An empty
    /// file (`/dev/null`) is no spec: every table is added, as in a first
    /// release.
    #[arg(required_unless_present = "list_rules")]
    old: Option<String>,
    /// The new spec: a path, `-` for standard input, or `REV:PATH` read from
    /// git (`git:REV:PATH` reads git only).
    #[arg(required_unless_present = "list_rules")]
    new: Option<String>,
    /// Read OLD from git at this revision (`--old-rev origin/main codes.toml`):
    /// never a file.
    #[arg(long, value_name = "REV")]
    old_rev: Option<String>,
    /// Read NEW from git at this revision: never a file.
    #[arg(long, value_name = "REV")]
    new_rev: Option<String>,
    /// How to write the report.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    /// Exit with status 1 when the changes not accepted are at least this
    /// big on the Rust API (`api:LEVEL`, or the bare level) or on data
    /// (`data:LEVEL`: bills, SQL exports, JSON), or when the crate version
    /// does not go up as far as every change since the last release needs;
    /// may be given more than once.
    #[arg(long, value_enum, value_name = "CONDITION")]
    fail_on: Vec<FailOn>,
    /// The diff configuration: rule levels and accepted changes [default:
    /// codes-diff.toml beside the new spec, if there is one].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The release `--fail-on missing-version-bump` compares with: its spec
    /// (at the new spec's path) and the version of the Cargo.toml beside it
    /// [default: the newest tag matching --release-tags reachable from the
    /// new side].
    #[arg(long, value_name = "REV")]
    baseline: Option<String>,
    /// The tags that mark releases, as a glob, for the default --baseline
    /// [default: `[release] tags` of the configuration, else v*].
    #[arg(long, value_name = "PATTERN")]
    release_tags: Option<String>,
    /// Compare the version check with the old side instead of a release,
    /// at this crate version.
    #[arg(long, value_name = "VERSION", conflicts_with = "baseline")]
    old_version: Option<Version>,
    /// The crate version of the new side [default: from the Cargo.toml
    /// beside the new spec]; with `--format changelog`, the version of the
    /// entry [default: Unreleased].
    #[arg(long, value_name = "VERSION")]
    new_version: Option<Version>,
    /// The release date of a `--format changelog` entry, YYYY-MM-DD.
    #[arg(long, value_name = "DATE", requires = "new_version", value_parser = parse_date)]
    date: Option<String>,
    /// Print every rule with its ID, its default impact on the API and on
    /// data, and what it reports (`--format text` or `json`), and exit.
    #[arg(long, conflicts_with_all = ["old", "new", "fail_on"])]
    list_rules: bool,
}

/// A calendar date written `YYYY-MM-DD`, as a CHANGELOG heading takes it.
fn parse_date(text: &str) -> Result<String, String> {
    let expected = || format!("{text:?} is not a date: expected YYYY-MM-DD, such as 2026-11-29");
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts[..] else {
        return Err(expected());
    };
    let number = |part: &str, digits: usize| {
        (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(year, 4), number(month, 2), number(day, 2))
    else {
        return Err(expected());
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(expected()),
    };
    match (1..=days).contains(&day) {
        true => Ok(text.to_string()),
        false => Err(expected()),
    }
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
    /// GitHub Actions annotations at the changed lines of the new spec.
    GithubActions,
    /// JUnit XML: a test case per change, those breaking either axis failing.
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

/// The conditions of `--fail-on`: a level on an axis (a bare level is the
/// API's), or a missing version bump.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Fail on a change breaking the Rust API.
    #[value(name = "api:breaking", alias = "breaking")]
    ApiBreaking,
    /// Fail on a minor or breaking change of the Rust API.
    #[value(name = "api:minor", alias = "minor")]
    ApiMinor,
    /// Fail on a patch, minor or breaking change of the Rust API.
    #[value(name = "api:patch", alias = "patch")]
    ApiPatch,
    /// Fail on any change of the Rust API.
    #[value(name = "api:cosmetic", alias = "cosmetic")]
    ApiCosmetic,
    /// Fail on a change breaking data: a stored code that means something
    /// else or nothing.
    #[value(name = "data:breaking")]
    DataBreaking,
    /// Fail on a minor or breaking change of data.
    #[value(name = "data:minor")]
    DataMinor,
    /// Fail on a patch, minor or breaking change of data.
    #[value(name = "data:patch")]
    DataPatch,
    /// Fail on any change of data.
    #[value(name = "data:cosmetic")]
    DataCosmetic,
    /// Fail when the crate version does not go up as far as every change
    /// since the last release needs.
    MissingVersionBump,
}

impl FailOn {
    /// The axis and impact this condition fails at, if it is a threshold.
    fn threshold(self) -> Option<(Axis, Impact)> {
        use FailOn::*;
        Some(match self {
            ApiBreaking => (Axis::Api, Impact::Breaking),
            ApiMinor => (Axis::Api, Impact::Minor),
            ApiPatch => (Axis::Api, Impact::Patch),
            ApiCosmetic => (Axis::Api, Impact::Cosmetic),
            DataBreaking => (Axis::Data, Impact::Breaking),
            DataMinor => (Axis::Data, Impact::Minor),
            DataPatch => (Axis::Data, Impact::Patch),
            DataCosmetic => (Axis::Data, Impact::Cosmetic),
            MissingVersionBump => return None,
        })
    }
}

/// Compares the two specs and prints the report.
pub fn run(args: &Args) -> Result<Status, Failure> {
    if args.list_rules {
        return list_rules(args.format);
    }
    let check_versions = args.fail_on.contains(&FailOn::MissingVersionBump);
    let changelog = args.format == ReportFormat::Changelog;
    for (flag, given, needed) in [
        ("--old-version", args.old_version.is_some(), check_versions),
        ("--baseline", args.baseline.is_some(), check_versions),
        (
            "--new-version",
            args.new_version.is_some(),
            check_versions || changelog,
        ),
    ] {
        if given && !needed {
            let what = match flag {
                "--new-version" => {
                    "--fail-on missing-version-bump or --format changelog, \
                                    neither of which is given"
                }
                _ => "--fail-on missing-version-bump, which is not given",
            };
            return Err(Failure(format!("{flag} is for {what}")));
        }
    }
    if args.date.is_some() && !changelog {
        return Err(Failure("--date is for --format changelog".to_string()));
    }
    let (Some(old_arg), Some(new_arg)) = (&args.old, &args.new) else {
        return Err(Failure("give OLD and NEW".to_string()));
    };
    let old_side = Side::parse(old_arg, args.old_rev.as_deref(), "--old-rev")?;
    let new_side = Side::parse(new_arg, args.new_rev.as_deref(), "--new-rev")?;
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
    let mut status = Status::Success;
    if check_versions {
        let check = version_check(args, &old_text, (&new_side, &new), &report, config.as_ref())?;
        say!("codes: {check}");
        if !check.passes() {
            status = Status::Problems;
        }
        report.set_version_check(check);
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

    if args
        .fail_on
        .iter()
        .filter_map(|condition| condition.threshold())
        .any(|(axis, threshold)| report.unaccepted_impact_on(axis) >= Some(threshold))
    {
        status = Status::Problems;
    }
    Ok(status)
}

/// `--list-rules`: every rule, as text or JSON.
fn list_rules(format: ReportFormat) -> Result<Status, Failure> {
    let rules = match format {
        ReportFormat::Text => diff::rules_text(),
        ReportFormat::Json => diff::rules_json(),
        _ => {
            return Err(Failure(
                "--list-rules writes --format text or json".to_string(),
            ));
        }
    };
    io::emit(None, &rules)?;
    Ok(Status::Success)
}

/// The version check: every change (accepted or not) from the baseline
/// release to the new side against the bump of the crate version.
///
/// The baseline is `--baseline REV`, else the newest tag matching
/// `--release-tags` reachable from the new side, read from git at the new
/// spec's path; with `--old-version`, the old side at that version.
fn version_check(
    args: &Args,
    old_text: &str,
    (new_side, new): (&Side, &codes_codegen::Spec),
    report: &SpecDiff,
    config: Option<&DiffConfig>,
) -> Result<VersionCheck, Failure> {
    let new_version = version(new_side, args.new_version.as_ref(), "--new-version")?;
    if let Some(old_version) = &args.old_version {
        return Ok(VersionCheck::new(
            old_version.clone(),
            new_version,
            report.impact(),
        ));
    }
    let revision = match &args.baseline {
        Some(revision) => {
            let commit = Command::new("git")
                .args(["rev-parse", "--verify", "--quiet", "--end-of-options"])
                .arg(format!("{revision}^{{commit}}"))
                .output()
                .map_err(|error| {
                    Failure(format!("--baseline {revision}: cannot run git: {error}"))
                })?;
            if !commit.status.success() || revision.starts_with('-') {
                return Err(Failure(format!(
                    "--baseline {revision}: no such revision in the git repository"
                )));
            }
            revision.clone()
        }
        None => {
            let pattern = args
                .release_tags
                .as_deref()
                .or(config.and_then(DiffConfig::release_tags))
                .unwrap_or("v*");
            last_release(new_side, pattern)?
        }
    };
    let side = new_side.at(&revision)?;
    let old_version = version(&side, None, "--old-version or --baseline")?;
    let impact = match side.exists()? {
        false => diff::initial(new).impact(),
        true => {
            let text = side.read()?;
            if text == old_text {
                report.impact()
            } else {
                let Loaded::Valid(baseline) = io::parse_spec(&side.name(), &text) else {
                    return Err(Failure(format!(
                        "{}: the spec of the release is invalid",
                        side.name()
                    )));
                };
                let mut since = diff::diff(&baseline, new);
                if let Some(config) = config {
                    since.apply_levels(config);
                }
                since.impact()
            }
        }
    };
    Ok(VersionCheck::new(old_version, new_version, impact).since(revision))
}

/// The newest tag matching `pattern` reachable from the new side's
/// revision (`HEAD` for a file): `git describe --tags --abbrev=0`.
fn last_release(new_side: &Side, pattern: &str) -> Result<String, Failure> {
    let start = match new_side {
        Side::Git { revision, .. } => revision.as_str(),
        _ => "HEAD",
    };
    let output = Command::new("git")
        .args(["describe", "--tags", "--abbrev=0"])
        .arg(format!("--match={pattern}"))
        .args(["--end-of-options", start])
        .output()
        .map_err(|error| Failure(format!("cannot run git to find the last release: {error}")))?;
    let tag = String::from_utf8_lossy(&output.stdout).trim().to_string();
    if !output.status.success() || tag.is_empty() {
        let said = String::from_utf8_lossy(&output.stderr);
        let said = match said.lines().next() {
            Some(line) => format!(" (git describe: {})", line.trim()),
            None => String::new(),
        };
        return Err(Failure(format!(
            "no tag matching {pattern:?} is reachable from {start}, so the last release is \
             unknown: give --baseline REV (or --release-tags PATTERN), or --old-version to \
             compare with the old side{said}"
        )));
    }
    Ok(tag)
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
    /// The side `side` names: with `rev` (from `flag`), `REV:side` read
    /// from git; `git:REV:PATH` from git; standard input for `-`; a file
    /// if one exists at that path, unless git can read the same words as
    /// `REV:PATH`, which is an error naming both (a file must not stand in
    /// for a revision); else `REV:PATH`.
    ///
    /// A side that is not a file reaches git only after `--end-of-options`,
    /// and one starting with `-` not at all: git would take it for an
    /// option (such as `--output=FILE`, which writes a file).
    fn parse(side: &str, rev: Option<&str>, flag: &str) -> Result<Side, Failure> {
        if let Some(revision) = rev {
            return Side::from_git(revision, side, &format!("{flag} {revision}"));
        }
        if let Some(rest) = side.strip_prefix("git:") {
            return match rest.split_once(':') {
                Some((revision, path)) => Side::from_git(revision, path, side),
                None => Err(Failure(format!(
                    "{side}: a git: side is git:REV:PATH, such as git:HEAD~1:codes.toml"
                ))),
            };
        }
        let path = Path::new(side);
        if io::is_stdin(path) {
            return Ok(Side::Stdin);
        }
        let in_git = side
            .split_once(':')
            .filter(|(revision, file)| {
                !revision.is_empty() && !file.is_empty() && !side.starts_with('-')
            })
            .map(|(revision, path)| Side::Git {
                revision: revision.to_string(),
                path: path.to_string(),
            });
        if path.exists() {
            if let Some(git) = &in_git
                && git.exists().unwrap_or(false)
            {
                return Err(Failure(format!(
                    "{side}: both a file and {} in git: write ./{side} for the file, \
                     or git:{side} (or --old-rev/--new-rev) for the revision",
                    git.name()
                )));
            }
            return Ok(Side::File(path.to_path_buf()));
        }
        if side.starts_with('-') {
            return Err(Failure(format!(
                "{side}: no such file, and not a git revision: a revision cannot start with `-`"
            )));
        }
        in_git.ok_or_else(|| {
            Failure(format!(
                "{side}: no such file (for a spec in git, write REV:PATH, such as HEAD~1:codes.toml)"
            ))
        })
    }

    /// `REV:PATH` read from git only; `given` is how it was written, for
    /// errors.
    fn from_git(revision: &str, path: &str, given: &str) -> Result<Side, Failure> {
        if revision.is_empty() || path.is_empty() {
            return Err(Failure(format!(
                "{given}: a revision and a path are needed, such as HEAD~1:codes.toml"
            )));
        }
        if revision.starts_with('-') {
            return Err(Failure(format!(
                "{given}: a revision cannot start with `-`"
            )));
        }
        Ok(Side::Git {
            revision: revision.to_string(),
            path: path.to_string(),
        })
    }

    /// The same spec at `revision` in git: for a file, its path from the
    /// current directory (`REV:./codes.toml`, as git reads it).
    fn at(&self, revision: &str) -> Result<Side, Failure> {
        let path = match self {
            Side::Stdin => {
                return Err(Failure(
                    "<stdin>: the new spec has no path to read at the last release: \
                     give --old-version to compare with the old side"
                        .to_string(),
                ));
            }
            Side::Git { path, .. } => path.clone(),
            Side::File(path) if path.is_absolute() => repository_path(path)?,
            Side::File(path) => {
                let path = path.display().to_string();
                match path.starts_with("./") || path.starts_with("../") {
                    true => path,
                    false => format!("./{path}"),
                }
            }
        };
        Side::from_git(revision, &path, revision)
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

    /// Runs `git COMMAND… --end-of-options REV:PATH`, then `--` for `git
    /// show`, so that a file named `REV:PATH` cannot make the argument
    /// ambiguous.
    fn git(&self, command: &[&str]) -> Result<std::process::Output, Failure> {
        Command::new("git")
            .args(command)
            .args(["--end-of-options", &self.name()])
            .args(with_paths_end(command))
            .output()
            .map_err(|error| Failure(format!("{}: cannot run git: {error}", self.name())))
    }
}

/// An absolute path as git names it at a revision: from the root of the
/// repository (`git rev-parse --show-toplevel`).
fn repository_path(path: &Path) -> Result<String, Failure> {
    let failure = |why: String| {
        Failure(format!(
            "{}: cannot find it in the git repository ({why}): give --old-version",
            path.display()
        ))
    };
    let output = Command::new("git")
        .args(["rev-parse", "--show-toplevel"])
        .output()
        .map_err(|error| failure(error.to_string()))?;
    if !output.status.success() {
        return Err(failure(
            String::from_utf8_lossy(&output.stderr).trim().to_string(),
        ));
    }
    let root = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    // Both sides canonical, so that a symbolic link (such as /tmp on some
    // systems) does not hide the prefix.
    let (root, path) = (
        root.canonicalize().unwrap_or(root),
        path.canonicalize().unwrap_or(path.to_path_buf()),
    );
    match path.strip_prefix(&root) {
        Ok(inside) => Ok(inside.to_string_lossy().replace('\\', "/")),
        Err(_) => Err(failure(format!("outside {}", root.display()))),
    }
}

/// `--` after the object of a `git show`, which takes paths after it; none
/// for `git cat-file`, which takes none.
fn with_paths_end(command: &[&str]) -> &'static [&'static str] {
    match command.first() {
        Some(&"show") => &["--"],
        _ => &[],
    }
}
