//! Where a record or a problem is, and a problem with its place.

use core::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::string::String;

use super::{BillError, BillErrorKind};

#[cfg(feature = "zip")]
use super::ArchiveError;

/// Where in the input a record or a problem is: a file, the bill file in
/// it if it is a zip archive, and a line.
///
/// [`Display`](fmt::Display) writes `FILE`, `FILE/MEMBER` for a member of
/// an archive, and `:LINE` after either when there is a line.
///
/// ```
/// use std::path::Path;
/// use cec_bills::Location;
///
/// let file = Location::new(Path::new("download.zip"));
/// assert_eq!(file.to_string(), "download.zip");
/// let member = file.with_member("20230927080000000123_agentOprInfo_1.csv").with_line(7);
/// assert_eq!(member.to_string(), "download.zip/20230927080000000123_agentOprInfo_1.csv:7");
/// assert_eq!(member.file(), Path::new("download.zip"));
/// assert_eq!(member.line(), Some(7));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Location<'a> {
    file: &'a Path,
    member: Option<&'a str>,
    line: Option<u64>,
}

impl<'a> Location<'a> {
    /// The file `file`, no member, no line.
    pub const fn new(file: &'a Path) -> Self {
        Self {
            file,
            member: None,
            line: None,
        }
    }

    /// This place in the archive member `member`.
    #[must_use]
    pub const fn with_member(self, member: &'a str) -> Self {
        Self {
            member: Some(member),
            ..self
        }
    }

    /// This place at line `line` (from 1).
    #[must_use]
    pub const fn with_line(self, line: u64) -> Self {
        Self {
            line: Some(line),
            ..self
        }
    }

    /// This place without its line: the bill file.
    #[must_use]
    pub const fn without_line(self) -> Self {
        Self { line: None, ..self }
    }

    /// The file, as it was named.
    pub const fn file(&self) -> &'a Path {
        self.file
    }

    /// The bill file's name in the archive, if the file is a zip archive.
    pub const fn member(&self) -> Option<&'a str> {
        self.member
    }

    /// The line, from 1, if the place is a line.
    pub const fn line(&self) -> Option<u64> {
        self.line
    }
}

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.file.display().fmt(f)?;
        if let Some(member) = self.member {
            write!(f, "/{member}")?;
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        Ok(())
    }
}

/// What is wrong at a [`Location`]. Each [`Display`](fmt::Display)s as what
/// follows `LOCATION: ` in a [`LocatedError`].
#[derive(Debug)]
#[non_exhaustive]
pub enum Problem {
    /// The file cannot be opened: `cannot open: No such file or directory
    /// (os error 2)`.
    Open(io::Error),
    /// The zip archive, or a member of it, cannot be read, as the zip
    /// reader puts it: `invalid Zip archive: Could not find EOCD`.
    #[cfg(feature = "zip")]
    Archive(ArchiveError),
    /// A record cannot be decoded, or the bill file cannot be read on
    /// ([`BillErrorKind::Read`]), as [`BillErrorKind`] says.
    Record(BillErrorKind),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Open(error) => write!(f, "cannot open: {error}"),
            #[cfg(feature = "zip")]
            Self::Archive(error) => error.fmt(f),
            Self::Record(kind) => kind.fmt(f),
        }
    }
}

/// A problem with where it is: a record that cannot be decoded (at its
/// line), or a file or archive member that cannot be opened or read on.
///
/// [`Display`](fmt::Display) writes `LOCATION: PROBLEM`, as
/// `bills.csv:3: op_type "Busy" is not an integer code` or
/// `missing.csv: cannot open: No such file or directory (os error 2)`.
#[derive(Debug)]
pub struct LocatedError {
    file: PathBuf,
    member: Option<String>,
    line: Option<u64>,
    problem: Problem,
}

impl LocatedError {
    /// `problem` at `location`.
    pub fn new(location: Location<'_>, problem: Problem) -> Self {
        Self {
            file: location.file.into(),
            member: location.member.map(String::from),
            line: location.line,
            problem,
        }
    }

    /// The bad record `error` of the bill file at `location`.
    pub fn record(location: Location<'_>, error: BillError) -> Self {
        Self::new(
            location.with_line(error.line()),
            Problem::Record(error.into_kind()),
        )
    }

    /// Where the problem is.
    pub fn location(&self) -> Location<'_> {
        Location {
            file: &self.file,
            member: self.member.as_deref(),
            line: self.line,
        }
    }

    /// What is wrong.
    pub const fn problem(&self) -> &Problem {
        &self.problem
    }

    /// What is wrong, by value.
    pub fn into_problem(self) -> Problem {
        self.problem
    }

    /// Whether this is a record that cannot be decoded, after which its
    /// file reads on; otherwise a file (or what is left of it) cannot be
    /// read.
    pub const fn is_malformed(&self) -> bool {
        matches!(&self.problem, Problem::Record(kind) if !matches!(kind, BillErrorKind::Read(_)))
    }
}

impl fmt::Display for LocatedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.problem)
    }
}

/// The message says where and what, the cause included (`cannot open:
/// No such file or directory`), so [`source`](core::error::Error::source)
/// does not give it again; [`problem`](Self::problem) holds it.
impl core::error::Error for LocatedError {}
