//! Streaming reader of bill files: one result per record, with its line.

use core::num::IntErrorKind;
use core::time::Duration;
use std::io::{self, Read};
use std::string::String;

use super::{Bill, BillError, BillErrorKind, BillTime, CodeProblem, Column, Field, TimeError};
use cec_codes::Operation;

/// A bill record read from a file, owned, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BillRow {
    /// The line the record starts on, from 1 (a header line counts).
    pub line: u64,
    /// The record.
    pub bill: Bill,
}

/// Reads the records of a bill file from any [`Read`], one at a time.
///
/// Whether the file starts with a header line is detected from its first
/// record: a first record whose first column is `id` (ignoring ASCII case,
/// surrounding spaces and a UTF-8 byte order mark) is a header. A header
/// must then name the 21 columns in the vendor's order; if it does not,
/// that is an error on its line, and the records are still read in the
/// vendor's order. Lines end in `\n` or `\r\n`; blank lines are skipped.
///
/// Each record gives one result, and reading goes on after a bad one; only
/// a failure of the input itself ends the reading. Memory does not grow
/// with the file: one record buffer is reused.
/// [`next_ref`](Self::next_ref) lends each record from that buffer, which
/// is fastest; iterating copies each into an owned [`Bill`].
///
/// ```
/// use cec_bills::BillReader;
/// use cec_codes::OperationType;
///
/// let file = "\
/// id,developer_id,account_id,agent_id,service_no,skill_id,call_id,begin_time,end_time,op_type,op_object,op_cause,media_type,vdn_id,cc_id,agent_type,phone_no,callIn_out,location_id,logon_sn,skillInfo_sn
/// 1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1
/// 2,dev,acct,1001,0,1,-1,2023-09-27 08:15:00,2023-09-27 08:16:00,busy,-1,4,5,1,1,4,88001001,-1,0,7,1
/// ";
/// let mut rows = BillReader::new(file.as_bytes());
/// let first = rows.next().unwrap()?;
/// assert_eq!(first.line, 2);
/// assert_eq!(first.bill.operation().code().known(), Some(OperationType::Busy));
/// assert_eq!(first.bill.duration_secs(), 900);
/// let error = rows.next().unwrap().unwrap_err();
/// assert_eq!(error.to_string(), r#"line 3: op_type "busy" is not an integer code"#);
/// assert!(rows.next().is_none());
/// assert_eq!(rows.has_header(), Some(true));
/// # Ok::<(), cec_bills::BillError>(())
/// ```
#[derive(Debug)]
pub struct BillReader<R> {
    csv: csv::Reader<io::Chain<R, &'static [u8]>>,
    /// The one record buffer, as bytes while csv reads into it (`bytes`),
    /// as text once validated (`text`): one of the two holds it.
    bytes: Option<csv::ByteRecord>,
    text: Option<csv::StringRecord>,
    has_header: Option<bool>,
    done: bool,
}

/// One record as [`BillReader::next_ref`] lends it: the text of every
/// column as the file has it, with the codes and times decoded.
///
/// It borrows the reader's buffer until the next read;
/// [`to_bill`](Self::to_bill) copies it into an owned [`Bill`].
///
/// ```
/// use cec_bills::{BillReader, Column};
///
/// let file = "1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,003,-1,4,5,1,1,4,88001001,-1,0,7,1\n";
/// let mut reader = BillReader::new(file.as_bytes());
/// let record = reader.next_ref().unwrap()?;
/// assert_eq!(record.line(), 1);
/// assert_eq!(record.op_type(), 3);
/// assert_eq!(record.text(Column::OpType), "003");
/// assert_eq!(record.text(Column::AgentId), "1001");
/// assert_eq!(record.to_bill().agent_id, "1001");
/// # Ok::<(), cec_bills::BillError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct BillRef<'r> {
    record: &'r csv::StringRecord,
    line: u64,
    /// Whether this is the file's first record, whose `id` may carry a
    /// byte order mark.
    first: bool,
    begin_time: BillTime,
    end_time: BillTime,
    op_type: i32,
    op_cause: i32,
}

impl<'r> BillRef<'r> {
    /// The line the record starts on, from 1 (a header line counts).
    pub const fn line(self) -> u64 {
        self.line
    }

    /// The text of `column` as the file has it (without the quotes of a
    /// quoted field, the `\r` of a `\r\n` line end, or a byte order
    /// mark).
    pub fn text(self, column: Column) -> &'r str {
        // The reader checked that the record has every column.
        let text = &self.record[column.index()];
        match column {
            Column::Id if self.first => text.strip_prefix('\u{feff}').unwrap_or(text),
            Column::SkillInfoSn => text.strip_suffix('\r').unwrap_or(text),
            _ => text,
        }
    }

    /// The value of `column`: decoded for the codes and times, else its
    /// text.
    pub fn field(self, column: Column) -> Field<'r> {
        match column {
            Column::BeginTime => Field::Time(self.begin_time),
            Column::EndTime => Field::Time(self.end_time),
            Column::OpType => Field::Code(self.op_type),
            Column::OpCause => Field::Code(self.op_cause),
            _ => Field::Text(self.text(column)),
        }
    }

    /// `begin_time`.
    pub const fn begin_time(self) -> BillTime {
        self.begin_time
    }

    /// `end_time`.
    pub const fn end_time(self) -> BillTime {
        self.end_time
    }

    /// `op_type`, the operation type code.
    pub const fn op_type(self) -> i32 {
        self.op_type
    }

    /// `op_cause`, the operation reason code.
    pub const fn op_cause(self) -> i32 {
        self.op_cause
    }

    /// The operation this record reports, as [`Bill::operation`] decodes
    /// it.
    pub fn operation(self) -> Operation<'r> {
        Operation::decode(self.op_type, self.text(Column::OpObject), self.op_cause)
    }

    /// The seconds from `begin_time` to `end_time`, negative when the
    /// record ends before it begins (see [`Bill::duration_secs`]).
    pub const fn duration_secs(self) -> i64 {
        self.end_time.seconds_since(self.begin_time)
    }

    /// How long the operation lasted, or `None` when the record ends
    /// before it begins.
    pub const fn duration(self) -> Option<Duration> {
        match self.duration_secs() {
            seconds if seconds < 0 => None,
            seconds => Some(Duration::from_secs(seconds.unsigned_abs())),
        }
    }

    /// The record as an owned [`Bill`].
    pub fn to_bill(self) -> Bill {
        let text = |column| String::from(self.text(column));
        Bill {
            id: text(Column::Id),
            developer_id: text(Column::DeveloperId),
            account_id: text(Column::AccountId),
            agent_id: text(Column::AgentId),
            service_no: text(Column::ServiceNo),
            skill_id: text(Column::SkillId),
            call_id: text(Column::CallId),
            begin_time: self.begin_time,
            end_time: self.end_time,
            op_type: self.op_type,
            op_object: text(Column::OpObject),
            op_cause: self.op_cause,
            media_type: text(Column::MediaType),
            vdn_id: text(Column::VdnId),
            cc_id: text(Column::CcId),
            agent_type: text(Column::AgentType),
            phone_no: text(Column::PhoneNo),
            call_in_out: text(Column::CallInOut),
            location_id: text(Column::LocationId),
            logon_sn: text(Column::LogonSn),
            skill_info_sn: text(Column::SkillInfoSn),
        }
    }
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
            bytes: Some(csv::ByteRecord::new()),
            text: None,
            has_header: None,
            done: false,
        }
    }

    /// Whether the file starts with a header line; `None` until the first
    /// record is read.
    pub const fn has_header(&self) -> Option<bool> {
        self.has_header
    }

    /// The next record, borrowed from the reader's buffer until the next
    /// call; `None` at the end of the input.
    ///
    /// ```
    /// use cec_bills::BillReader;
    ///
    /// let file = "1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1\n";
    /// let mut reader = BillReader::new(file.as_bytes());
    /// let mut seconds = 0;
    /// while let Some(result) = reader.next_ref() {
    ///     match result {
    ///         Ok(record) => seconds += record.duration_secs(),
    ///         Err(error) => eprintln!("{error}"),
    ///     }
    /// }
    /// assert_eq!(seconds, 900);
    /// assert_eq!(reader.has_header(), Some(false));
    /// ```
    pub fn next_ref(&mut self) -> Option<Result<BillRef<'_>, BillError>> {
        loop {
            if self.done {
                return None;
            }
            let mut bytes = self
                .bytes
                .take()
                .or_else(|| self.text.take().map(csv::StringRecord::into_byte_record))
                .unwrap_or_default();
            let read = self.csv.read_byte_record(&mut bytes);
            let line = self.line_of_record(&bytes);
            match read {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    self.bytes = Some(bytes);
                    return None;
                }
                Err(error) => {
                    // Only the input failing can make a byte record fail
                    // (the reader is flexible and decodes nothing); csv
                    // reads nothing more after it.
                    self.done = true;
                    self.bytes = Some(bytes);
                    let error = match error.into_kind() {
                        csv::ErrorKind::Io(error) => error,
                        // Not produced by a flexible byte-record reader;
                        // still reported rather than dropped.
                        other => io::Error::other(std::format!("{other:?}")),
                    };
                    return Some(Err(BillError {
                        line: self.csv.position().line(),
                        kind: BillErrorKind::Read(error),
                    }));
                }
            }
            if is_blank_crlf_line(&bytes) {
                self.bytes = Some(bytes);
                continue;
            }
            let first = self.has_header.is_none();
            if first {
                let header = is_header(&bytes);
                self.has_header = Some(header);
                if header {
                    let checked = check_header(&bytes);
                    self.bytes = Some(bytes);
                    match checked {
                        Ok(()) => continue,
                        Err(kind) => return Some(Err(BillError { line, kind })),
                    }
                }
            }
            if bytes.len() != Column::COUNT {
                let found = bytes.len();
                self.bytes = Some(bytes);
                return Some(Err(BillError {
                    line,
                    kind: BillErrorKind::ColumnCount { found },
                }));
            }
            let text = match csv::StringRecord::from_byte_record(bytes) {
                Ok(text) => text,
                Err(error) => {
                    let column =
                        Column::from_index(error.utf8_error().field()).unwrap_or(Column::Id);
                    self.bytes = Some(error.into_byte_record());
                    return Some(Err(BillError {
                        line,
                        kind: BillErrorKind::Utf8 { column },
                    }));
                }
            };
            let record = self.text.insert(text);
            return Some(decode(record, line, first).map_err(|kind| BillError { line, kind }));
        }
    }

    /// The line the record just read into `record` starts on.
    fn line_of_record(&self, record: &csv::ByteRecord) -> u64 {
        // Every record ends by consuming one `\n` (see `new`), so the
        // record began on the line after it less the line ends inside it.
        // csv's start position is that line unless blank lines were
        // skipped before the record; only then are its bytes searched.
        let after = self.csv.position().line();
        let start = record.position().map_or(after, csv::Position::line);
        if after - start <= 1 {
            return start;
        }
        let newlines = record.as_slice().iter().filter(|&&byte| byte == b'\n');
        after - 1 - newlines.count() as u64
    }
}

impl<R: Read> Iterator for BillReader<R> {
    type Item = Result<BillRow, BillError>;

    fn next(&mut self) -> Option<Self::Item> {
        let result = self.next_ref()?;
        Some(result.map(|record| BillRow {
            line: record.line(),
            bill: record.to_bill(),
        }))
    }
}

/// A blank line ending in `\r\n`, which csv sees as a record of one
/// field, `\r`, since records end at `\n` alone.
fn is_blank_crlf_line(record: &csv::ByteRecord) -> bool {
    record.len() == 1 && &record[0] == b"\r"
}

const BYTE_ORDER_MARK: &[u8] = "\u{feff}".as_bytes();

/// Whether the first record of a file is a header line.
fn is_header(record: &csv::ByteRecord) -> bool {
    record.get(0).is_some_and(|id| {
        id.strip_prefix(BYTE_ORDER_MARK)
            .unwrap_or(id)
            .trim_ascii()
            .eq_ignore_ascii_case(b"id")
    })
}

fn check_header(record: &csv::ByteRecord) -> Result<(), BillErrorKind> {
    if record.len() != Column::COUNT {
        return Err(BillErrorKind::ColumnCount {
            found: record.len(),
        });
    }
    for (column, name) in Column::ALL.into_iter().zip(record) {
        // Trimming drops the `\r` of a `\r\n` and a byte order mark's
        // bytes are not ASCII, so strip that first.
        let name = name
            .strip_prefix(BYTE_ORDER_MARK)
            .unwrap_or(name)
            .trim_ascii();
        if !name.eq_ignore_ascii_case(column.name().as_bytes()) {
            return Err(BillErrorKind::HeaderName {
                column,
                found: String::from_utf8_lossy(name).into_owned(),
            });
        }
    }
    Ok(())
}

/// Decodes the codes and times of a record of 21 UTF-8 columns, in column
/// order: the first bad column is the one reported.
fn decode(
    record: &csv::StringRecord,
    line: u64,
    first: bool,
) -> Result<BillRef<'_>, BillErrorKind> {
    let mut bill = BillRef {
        record,
        line,
        first,
        begin_time: BillTime::MIN,
        end_time: BillTime::MIN,
        op_type: 0,
        op_cause: 0,
    };
    let time = |column: Column| {
        let text = bill.text(column);
        text.parse()
            .map_err(|error| time_error(column, text, error))
    };
    let code = |column: Column| {
        let text = bill.text(column);
        text.parse()
            .map_err(|error| code_error(column, text, &error))
    };
    let begin_time = time(Column::BeginTime)?;
    let end_time = time(Column::EndTime)?;
    let op_type = code(Column::OpType)?;
    let op_cause = code(Column::OpCause)?;
    bill.begin_time = begin_time;
    bill.end_time = end_time;
    bill.op_type = op_type;
    bill.op_cause = op_cause;
    Ok(bill)
}

// The error paths are kept out of line: the loop over good records is hot.

#[cold]
fn time_error(column: Column, text: &str, error: TimeError) -> BillErrorKind {
    BillErrorKind::Time {
        column,
        text: text.into(),
        error,
    }
}

#[cold]
fn code_error(column: Column, text: &str, error: &core::num::ParseIntError) -> BillErrorKind {
    let problem = match error.kind() {
        IntErrorKind::Empty => CodeProblem::Empty,
        IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => CodeProblem::OutOfRange,
        _ => CodeProblem::NotInteger,
    };
    BillErrorKind::Code {
        column,
        text: text.into(),
        problem,
    }
}
