//! What can be wrong with a record of a bill file.

use core::fmt;
use std::io;
use std::string::String;

use super::{Column, Encoding, TimeError};

/// A record that could not be read: the line it starts on and what is
/// wrong with it.
///
/// [`Display`](fmt::Display) writes `line N: what is wrong`; a tool that
/// names the file writes `FILE:{line}: {kind}` from [`line`](Self::line)
/// and [`kind`](Self::kind).
#[derive(Debug)]
pub struct BillError {
    pub(super) line: u64,
    pub(super) kind: BillErrorKind,
}

impl BillError {
    /// The line the bad record starts on, from 1.
    pub const fn line(&self) -> u64 {
        self.line
    }

    /// What is wrong.
    pub const fn kind(&self) -> &BillErrorKind {
        &self.kind
    }

    /// What is wrong, by value.
    pub fn into_kind(self) -> BillErrorKind {
        self.kind
    }
}

impl fmt::Display for BillError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

/// The message says what is wrong and why; there is no other source.
impl core::error::Error for BillError {}

/// What is wrong with a record. Each [`Display`](fmt::Display)s as one
/// sentence naming the column and quoting the text.
#[derive(Debug)]
#[non_exhaustive]
pub enum BillErrorKind {
    /// The record does not have the 21 columns:
    /// `expected 21 columns, found 20`.
    ColumnCount {
        /// How many it has.
        found: usize,
    },
    /// The header line names a column otherwise than the vendor does:
    /// `header names column 5 "service", expected "service_no"`.
    /// Names are compared ignoring ASCII case and surrounding spaces.
    HeaderName {
        /// The column expected at that position.
        column: Column,
        /// The name the header gives it.
        found: String,
    },
    /// `op_type` or `op_cause` is not an integer code:
    /// `op_type "Busy" is not an integer code`.
    Code {
        /// The column.
        column: Column,
        /// Its text.
        text: String,
        /// Why it is not a code.
        problem: CodeProblem,
    },
    /// `begin_time` or `end_time` is not a time:
    /// `end_time "2023-02-29 08:00:00" is not a time: 2023-02 has no day 29`.
    Time {
        /// The column.
        column: Column,
        /// Its text.
        text: String,
        /// Why it is not a time.
        error: TimeError,
    },
    /// A column is not valid in the file's encoding:
    /// `agent_id is not valid UTF-8`, `callIn_out is not valid GBK`; with
    /// [`Encoding::Auto`] before the file's encoding is known,
    /// `agent_id is neither UTF-8 nor GB18030`. Of a record with several
    /// faults, this one (in its first such column) is reported before the
    /// others.
    Undecodable {
        /// The first column that does not decode.
        column: Column,
        /// The encoding the record was read in; [`Encoding::Auto`] when it
        /// was neither UTF-8 nor GB18030 and the file's encoding was not
        /// known yet.
        encoding: Encoding,
    },
    /// The record is longer than a bill record can be
    /// ([`BillReader::MAX_RECORD_BYTES`](crate::BillReader::MAX_RECORD_BYTES)):
    /// `record is 209715200 bytes long, over the 65536 of a bill record
    /// (not a bill file?)`. It is skipped without being held in memory.
    TooLong {
        /// Its length, in bytes (without quotes and separators).
        bytes: u64,
    },
    /// The input could not be read (`cannot read: …`); reading stops.
    Read(io::Error),
}

/// Why a code column is not a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CodeProblem {
    /// The column is empty.
    Empty,
    /// The text is not an integer.
    NotInteger,
    /// The integer does not fit the 32 bits of a code.
    OutOfRange,
}

impl fmt::Display for BillErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ColumnCount { found } => {
                write!(f, "expected {} columns, found {found}", Column::COUNT)
            }
            Self::HeaderName { column, found } => write!(
                f,
                "header names column {} {found:?}, expected {:?}",
                column.index() + 1,
                column.name()
            ),
            Self::Code {
                column,
                problem: CodeProblem::Empty,
                ..
            } => write!(f, "{column} is empty, expected an integer code"),
            Self::Code {
                column,
                text,
                problem: CodeProblem::NotInteger,
            } => write!(f, "{column} {text:?} is not an integer code"),
            Self::Code {
                column,
                text,
                problem: CodeProblem::OutOfRange,
            } => write!(f, "{column} {text:?} is out of the 32-bit range of a code"),
            Self::Time {
                column,
                text,
                error,
            } => write!(f, "{column} {text:?} is not a time: {error}"),
            Self::Undecodable {
                column,
                encoding: Encoding::Auto,
            } => write!(f, "{column} is neither UTF-8 nor GB18030"),
            Self::Undecodable { column, encoding } => {
                write!(f, "{column} is not valid {encoding}")
            }
            Self::TooLong { bytes } => write!(
                f,
                "record is {bytes} bytes long, over the {} of a bill record (not a bill file?)",
                crate::BillReader::<&[u8]>::MAX_RECORD_BYTES
            ),
            Self::Read(error) => write!(f, "cannot read: {error}"),
        }
    }
}

/// The message says its cause (the time's fault, the input's error), so
/// [`source`](core::error::Error::source) does not give it again: a chain
/// of causes printed in full repeats nothing.
impl core::error::Error for BillErrorKind {}
