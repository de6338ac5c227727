//! Streaming reader of bill files: one result per record, with its line.

use core::fmt;
use core::num::IntErrorKind;
use std::io::{self, Read};
use std::string::String;

use super::{Bill, BillTime, Column, TimeError};

/// A bill record read from a file, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BillRow {
    /// The line the record starts on, from 1 (a header line counts).
    pub line: u64,
    /// The record.
    pub bill: Bill,
}

/// A record that could not be read: the line it starts on and what is
/// wrong with it.
///
/// [`Display`](fmt::Display) writes `line N: what is wrong`; a tool that
/// names the file writes `FILE:{line}: {kind}` from [`line`](Self::line)
/// and [`kind`](Self::kind).
#[derive(Debug)]
pub struct BillError {
    line: u64,
    kind: BillErrorKind,
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

impl core::error::Error for BillError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        self.kind.source()
    }
}

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
    /// A column is not valid UTF-8: `agent_id is not valid UTF-8`.
    Utf8 {
        /// The column.
        column: Column,
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
            Self::Utf8 { column } => write!(f, "{column} is not valid UTF-8"),
            Self::Read(error) => write!(f, "cannot read: {error}"),
        }
    }
}

impl core::error::Error for BillErrorKind {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Self::Time { error, .. } => Some(error),
            Self::Read(error) => Some(error),
            _ => None,
        }
    }
}

/// Reads the records of a bill file from any [`Read`], one at a time.
///
/// Whether the file starts with a header line is detected from its first
/// record: a first record whose first column is `id` (ignoring ASCII case,
/// surrounding spaces and a UTF-8 byte order mark) is a header. A header
/// must then name the 21 columns in the vendor's order; if it does not,
/// that is an error on its line, and the records are still read in the
/// vendor's order.
///
/// Each record gives one result, and reading goes on after a bad one; only
/// a failure of the input itself ends the reading. Memory does not grow
/// with the file: one record buffer is reused, and
/// [`read_bill`](Self::read_bill) also reuses the caller's [`Bill`].
/// Iterating allocates a new [`Bill`] per record instead.
///
/// ```
/// use cec_codes::bills::BillReader;
/// use cec_codes::{Code, OperationType};
///
/// let file = "\
/// id,developer_id,account_id,agent_id,service_no,skill_id,call_id,begin_time,end_time,op_type,op_object,op_cause,media_type,vdn_id,cc_id,agent_type,phone_no,callIn_out,location_id,logon_sn,skillInfo_sn
/// 1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1
/// 2,dev,acct,1001,0,1,-1,2023-09-27 08:15:00,2023-09-27 08:16:00,busy,-1,4,5,1,1,4,88001001,-1,0,7,1
/// ";
/// let mut rows = BillReader::new(file.as_bytes());
/// let first = rows.next().unwrap()?;
/// assert_eq!(first.line, 2);
/// assert_eq!(first.bill.operation().code, Code::Known(OperationType::Busy));
/// assert_eq!(first.bill.duration_secs(), 900);
/// let error = rows.next().unwrap().unwrap_err();
/// assert_eq!(error.to_string(), r#"line 3: op_type "busy" is not an integer code"#);
/// assert!(rows.next().is_none());
/// assert_eq!(rows.has_header(), Some(true));
/// # Ok::<(), cec_codes::bills::BillError>(())
/// ```
#[derive(Debug)]
pub struct BillReader<R> {
    csv: csv::Reader<io::Chain<R, &'static [u8]>>,
    record: csv::ByteRecord,
    has_header: Option<bool>,
    done: bool,
}

impl<R: Read> BillReader<R> {
    /// A reader of the bill file `reader` holds; it buffers its input, so
    /// `reader` need not.
    pub fn new(reader: R) -> Self {
        // Line numbers are counted here, not taken from csv, whose record
        // positions do not count the blank lines and the `\n` of a `\r\n`
        // it skips before a record. Splitting records at `\n` alone (a
        // `\r` before it is dropped from the last column) and ending the
        // input with a `\n` (a blank line if it already ends with one)
        // makes every record end by consuming exactly one `\n`.
        let csv = csv::ReaderBuilder::new()
            .has_headers(false)
            // Column counts are checked per record, with our own message.
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(reader.chain(&b"\n"[..]));
        Self {
            csv,
            record: csv::ByteRecord::new(),
            has_header: None,
            done: false,
        }
    }

    /// Whether the file starts with a header line; `None` until the first
    /// record is read.
    pub const fn has_header(&self) -> Option<bool> {
        self.has_header
    }

    /// Reads the next record into `bill`, reusing its strings, and gives
    /// the line it starts on; `None` at the end of the input. After an
    /// error, `bill` holds some columns of the bad record: read it only
    /// after an `Ok`.
    ///
    /// ```
    /// use cec_codes::bills::{Bill, BillReader};
    ///
    /// let file = "1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1\n";
    /// let mut reader = BillReader::new(file.as_bytes());
    /// let mut bill = Bill::default();
    /// let mut seconds = 0;
    /// while let Some(result) = reader.read_bill(&mut bill) {
    ///     match result {
    ///         Ok(_line) => seconds += bill.duration_secs(),
    ///         Err(error) => eprintln!("{error}"),
    ///     }
    /// }
    /// assert_eq!(seconds, 900);
    /// assert_eq!(reader.has_header(), Some(false));
    /// ```
    pub fn read_bill(&mut self, bill: &mut Bill) -> Option<Result<u64, BillError>> {
        loop {
            if self.done {
                return None;
            }
            match self.csv.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Err(error) => {
                    // Only the input failing can make a byte record fail
                    // (the reader is flexible and decodes nothing); csv
                    // reads nothing more after it.
                    self.done = true;
                    let line = self.csv.position().line();
                    let error = match error.into_kind() {
                        csv::ErrorKind::Io(error) => error,
                        // Not produced by a flexible byte-record reader;
                        // still reported rather than dropped.
                        other => io::Error::other(std::format!("{other:?}")),
                    };
                    return Some(Err(BillError {
                        line,
                        kind: BillErrorKind::Read(error),
                    }));
                }
            }
            if is_blank_crlf_line(&self.record) {
                continue;
            }
            // The line after the record, less the line ends inside it.
            let newlines = self
                .record
                .as_slice()
                .iter()
                .filter(|&&byte| byte == b'\n')
                .count();
            let line = self.csv.position().line() - 1 - newlines as u64;
            let first = self.has_header.is_none();
            if first {
                let header = is_header(&self.record);
                self.has_header = Some(header);
                if header {
                    match check_header(&self.record) {
                        Ok(()) => continue,
                        Err(kind) => return Some(Err(BillError { line, kind })),
                    }
                }
            }
            return Some(
                fill(bill, &self.record, first)
                    .map(|()| line)
                    .map_err(|kind| BillError { line, kind }),
            );
        }
    }
}

impl<R: Read> Iterator for BillReader<R> {
    type Item = Result<BillRow, BillError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut bill = Bill::default();
        let result = self.read_bill(&mut bill)?;
        Some(result.map(|line| BillRow { line, bill }))
    }
}

/// Field `index` of `record`, less the `\r` of a `\r\n` line end if it is
/// the last one.
fn field(record: &csv::ByteRecord, index: usize) -> &[u8] {
    let field = &record[index];
    if index + 1 == record.len() {
        field.strip_suffix(b"\r").unwrap_or(field)
    } else {
        field
    }
}

/// A blank line ending in `\r\n`, which csv sees as a record of one
/// field, `\r`, since records end at `\n` alone.
fn is_blank_crlf_line(record: &csv::ByteRecord) -> bool {
    record.len() == 1 && &record[0] == b"\r"
}

const BYTE_ORDER_MARK: &[u8] = "\u{feff}".as_bytes();

fn without_byte_order_mark(field: &[u8]) -> &[u8] {
    field.strip_prefix(BYTE_ORDER_MARK).unwrap_or(field)
}

/// Whether the first record of a file is a header line.
fn is_header(record: &csv::ByteRecord) -> bool {
    !record.is_empty()
        && without_byte_order_mark(field(record, 0))
            .trim_ascii()
            .eq_ignore_ascii_case(b"id")
}

fn check_header(record: &csv::ByteRecord) -> Result<(), BillErrorKind> {
    if record.len() != Column::COUNT {
        return Err(BillErrorKind::ColumnCount {
            found: record.len(),
        });
    }
    for column in Column::ALL {
        let name = without_byte_order_mark(field(record, column.index())).trim_ascii();
        if !name.eq_ignore_ascii_case(column.name().as_bytes()) {
            return Err(BillErrorKind::HeaderName {
                column,
                found: String::from_utf8_lossy(name).into_owned(),
            });
        }
    }
    Ok(())
}

/// Decodes `record` into `bill`, column by column: the first bad column is
/// the one reported.
fn fill(bill: &mut Bill, record: &csv::ByteRecord, first: bool) -> Result<(), BillErrorKind> {
    if record.len() != Column::COUNT {
        return Err(BillErrorKind::ColumnCount {
            found: record.len(),
        });
    }
    let text = |column: Column| -> Result<&str, BillErrorKind> {
        let text = field(record, column.index());
        let text = if first && column == Column::Id {
            without_byte_order_mark(text)
        } else {
            text
        };
        core::str::from_utf8(text).map_err(|_| BillErrorKind::Utf8 { column })
    };
    let set = |target: &mut String, column: Column| -> Result<(), BillErrorKind> {
        let value = text(column)?;
        target.clear();
        target.push_str(value);
        Ok(())
    };
    let time = |column: Column| -> Result<BillTime, BillErrorKind> {
        let value = text(column)?;
        value.parse().map_err(|error| BillErrorKind::Time {
            column,
            text: value.into(),
            error,
        })
    };
    let code = |column: Column| -> Result<i32, BillErrorKind> {
        let value = text(column)?;
        value.parse().map_err(|error: core::num::ParseIntError| {
            let problem = match error.kind() {
                IntErrorKind::Empty => CodeProblem::Empty,
                IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => CodeProblem::OutOfRange,
                _ => CodeProblem::NotInteger,
            };
            BillErrorKind::Code {
                column,
                text: value.into(),
                problem,
            }
        })
    };
    set(&mut bill.id, Column::Id)?;
    set(&mut bill.developer_id, Column::DeveloperId)?;
    set(&mut bill.account_id, Column::AccountId)?;
    set(&mut bill.agent_id, Column::AgentId)?;
    set(&mut bill.service_no, Column::ServiceNo)?;
    set(&mut bill.skill_id, Column::SkillId)?;
    set(&mut bill.call_id, Column::CallId)?;
    bill.begin_time = time(Column::BeginTime)?;
    bill.end_time = time(Column::EndTime)?;
    bill.op_type = code(Column::OpType)?;
    set(&mut bill.op_object, Column::OpObject)?;
    bill.op_cause = code(Column::OpCause)?;
    set(&mut bill.media_type, Column::MediaType)?;
    set(&mut bill.vdn_id, Column::VdnId)?;
    set(&mut bill.cc_id, Column::CcId)?;
    set(&mut bill.agent_type, Column::AgentType)?;
    set(&mut bill.phone_no, Column::PhoneNo)?;
    set(&mut bill.call_in_out, Column::CallInOut)?;
    set(&mut bill.location_id, Column::LocationId)?;
    set(&mut bill.logon_sn, Column::LogonSn)?;
    set(&mut bill.skill_info_sn, Column::SkillInfoSn)?;
    Ok(())
}
