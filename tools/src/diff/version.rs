//! Whether a crate's version goes up enough for the changes of its spec,
//! as cargo-semver-checks judges a release: see the
//! [module docs](super#version-bumps).

use std::fmt;

use serde::Deserialize;

pub use semver::Version;

use super::Impact;
use super::config::line_column;

/// How far a version goes from one release to the next, ordered from a
/// step down to a major bump.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bump {
    /// The version goes down.
    Lower,
    /// The version stays (a pre-release becoming its release included).
    Same,
    /// The patch version goes up.
    Patch,
    /// The minor version goes up.
    Minor,
    /// The major version goes up.
    Major,
}

impl Bump {
    /// How far `new` is from `old`, by the first of major, minor and patch
    /// that differs.
    pub fn between(old: &Version, new: &Version) -> Bump {
        let (before, after) = (
            (old.major, old.minor, old.patch),
            (new.major, new.minor, new.patch),
        );
        if after < before || (after == before && new.pre < old.pre) {
            Bump::Lower
        } else if new.major > old.major {
            Bump::Major
        } else if new.minor > old.minor {
            Bump::Minor
        } else if new.patch > old.patch {
            Bump::Patch
        } else {
            Bump::Same
        }
    }

    /// The bump changes of `impact` need from `old`: major for breaking,
    /// minor for minor, patch for patch, none for cosmetic or none; while
    /// the major version is 0, the next part stands in for it (breaking
    /// needs minor, minor needs patch), and on 0.0.x every change needs
    /// patch.
    pub fn required(impact: Option<Impact>, old: &Version) -> Bump {
        let wanted = match impact {
            None | Some(Impact::Cosmetic) => return Bump::Same,
            Some(Impact::Patch) => return Bump::Patch,
            Some(Impact::Minor) => Bump::Minor,
            Some(Impact::Breaking) => Bump::Major,
        };
        match (old.major, old.minor, wanted) {
            (0, 0, _) => Bump::Patch,
            (0, _, Bump::Major) => Bump::Minor,
            (0, _, _) => Bump::Patch,
            _ => wanted,
        }
    }

    /// `major`, `minor`, `patch`, `none` or `lower`, as the JSON report
    /// writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Bump::Lower => "lower",
            Bump::Same => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }

    /// `a major bump`, `a minor bump`, `a patch bump`, `no bump` or
    /// `a step down`.
    fn words(self) -> &'static str {
        match self {
            Bump::Lower => "a step down",
            Bump::Same => "no bump",
            Bump::Patch => "a patch bump",
            Bump::Minor => "a minor bump",
            Bump::Major => "a major bump",
        }
    }
}

/// The version of the last release and of the new side, checked against
/// the API impact of every change since that release, accepted or not
/// (accepting a change silences `--fail-on`, never the bump it needs).
/// [`Display`](fmt::Display) says what is needed and what was done:
/// `missing version bump since v0.1.0: breaking changes need a minor bump
/// (the version is 0.x), but 0.1.0 -> 0.1.1 is a patch bump`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionCheck {
    /// The release compared with (`v0.1.0`), when it is named.
    pub baseline: Option<String>,
    /// The version of the release compared with.
    pub old: Version,
    /// The version of the new side.
    pub new: Version,
    /// The API impact of every change since that release
    /// ([`SpecDiff::impact`](super::SpecDiff::impact)).
    pub impact: Option<Impact>,
    /// The bump that impact needs from the old version.
    pub required: Bump,
    /// The bump from the old version to the new one.
    pub actual: Bump,
}

impl VersionCheck {
    /// Checks the bump from `old` to `new` for changes of `impact`.
    pub fn new(old: Version, new: Version, impact: Option<Impact>) -> VersionCheck {
        VersionCheck {
            baseline: None,
            required: Bump::required(impact, &old),
            actual: Bump::between(&old, &new),
            old,
            new,
            impact,
        }
    }

    /// The same check, naming the release compared with in its message.
    pub fn since(mut self, baseline: impl Into<String>) -> VersionCheck {
        self.baseline = Some(baseline.into());
        self
    }

    /// Whether the version goes up at least as far as needed (and never
    /// down), or is still the released one: the changes wait for the next
    /// release, which bumps the version (the same version cannot be
    /// published twice), and that bump is checked then.
    pub fn passes(&self) -> bool {
        self.is_unreleased() || (self.actual != Bump::Lower && self.actual >= self.required)
    }

    /// Whether the new version is the old one exactly: not a release yet.
    pub fn is_unreleased(&self) -> bool {
        self.old == self.new
    }

    /// What the changes need: `breaking changes need a minor bump (the
    /// version is 0.x)`.
    fn need(&self) -> String {
        let Some(impact) = self.impact else {
            return "nothing changed, so no bump is needed".to_string();
        };
        if self.required == Bump::Same {
            return format!("{impact} changes need no bump");
        }
        let zero = match (self.old.major, self.old.minor) {
            (0, 0) if impact > Impact::Patch => " (the version is 0.0.x)",
            (0, _) if impact > Impact::Patch => " (the version is 0.x)",
            _ => "",
        };
        format!("{impact} changes need {}{zero}", self.required.words())
    }
}

impl fmt::Display for VersionCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (old, new, actual) = (&self.old, &self.new, self.actual.words());
        let since = match &self.baseline {
            Some(baseline) => format!(" since {baseline}"),
            None => String::new(),
        };
        if self.is_unreleased() {
            let need = match self.required {
                Bump::Same => self.need(),
                _ => format!("{} at the next release", self.need()),
            };
            return write!(
                f,
                "version unchanged{since}: {old} is not a release yet; {need}"
            );
        }
        match self.passes() {
            true => write!(
                f,
                "version bump{since}: {old} -> {new} is {actual}; {}",
                self.need()
            ),
            false => write!(
                f,
                "missing version bump{since}: {}, but {old} -> {new} is {actual}",
                self.need()
            ),
        }
    }
}

/// The version a `Cargo.toml` gives its package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageVersion {
    /// `version = "1.2.3"`.
    Version(Version),
    /// `version.workspace = true`: the workspace's, from the first
    /// `Cargo.toml` up the tree with a `[workspace]` table (see
    /// [`PackageVersion::of_workspace`]).
    Workspace,
}

/// A `Cargo.toml` that gives no version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError {
    /// The 1-based line and column (in characters) of a TOML mistake.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl ManifestError {
    fn new(message: impl Into<String>) -> ManifestError {
        ManifestError {
            position: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, column)) = self.position {
            write!(f, "{line}:{column}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ManifestError {}

#[derive(Deserialize)]
struct Manifest {
    package: Option<Package>,
    workspace: Option<Workspace>,
}

#[derive(Deserialize)]
struct Package {
    /// A string, or `{ workspace = true }`.
    version: Option<toml::Value>,
}

#[derive(Deserialize)]
struct Workspace {
    package: Option<WorkspacePackage>,
}

#[derive(Deserialize)]
struct WorkspacePackage {
    version: Option<String>,
}

impl PackageVersion {
    /// The package version of the `Cargo.toml` text `manifest`.
    ///
    /// # Errors
    ///
    /// A [`ManifestError`] when the text is not TOML, has no
    /// `[package]` version, or one that is not a semantic version.
    pub fn of_package(manifest: &str) -> Result<PackageVersion, ManifestError> {
        let version = read(manifest)?.package.and_then(|package| package.version);
        let inherited = |table: &toml::Table| table.get("workspace") == Some(&true.into());
        match version {
            Some(toml::Value::String(text)) => parse(&text).map(PackageVersion::Version),
            Some(toml::Value::Table(table)) if inherited(&table) => Ok(PackageVersion::Workspace),
            _ => Err(ManifestError::new(
                "no package version (`version` under `[package]`)",
            )),
        }
    }

    /// The version a workspace root's `Cargo.toml` gives its members:
    /// `None` when `manifest` has no `[workspace]` table (the root is
    /// further up).
    ///
    /// # Errors
    ///
    /// A [`ManifestError`] when the text is not TOML, or is a workspace
    /// root without a `[workspace.package]` version or with one that is not
    /// a semantic version.
    pub fn of_workspace(manifest: &str) -> Result<Option<Version>, ManifestError> {
        let Some(workspace) = read(manifest)?.workspace else {
            return Ok(None);
        };
        match workspace.package.and_then(|package| package.version) {
            Some(text) => parse(&text).map(Some),
            None => Err(ManifestError::new(
                "the workspace gives no package version (`version` under `[workspace.package]`)",
            )),
        }
    }
}

fn read(manifest: &str) -> Result<Manifest, ManifestError> {
    toml::from_str(manifest).map_err(|error| ManifestError {
        position: Some(line_column(
            manifest,
            error.span().map_or(0, |span| span.start),
        )),
        message: error.message().trim_end().to_string(),
    })
}

fn parse(text: &str) -> Result<Version, ManifestError> {
    Version::parse(text).map_err(|error| {
        ManifestError::new(format!(
            "version {text:?} is not a semantic version: {error}"
        ))
    })
}
