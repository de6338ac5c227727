//! Streaming reader of bill files: one result per record, with its line.

use core::num::IntErrorKind;
use core::time::Duration;
use std::io::{self, Read};
use std::string::String;
use std::vec::Vec;

use super::encoding::{self, GB18030_BOM, UTF8_BOM};
use super::{
    Bill, BillError, BillErrorKind, BillTime, CodeProblem, Column, Encoding, Field, TimeError,
    columns,
};
use cec_codes::{AgentType, CallDirection, Code, MediaType, Operation, TextCode};

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
/// record: a first record whose first column is `id` (ignoring ASCII case
/// and surrounding spaces) is a header. A header must then name the 21
/// columns in the vendor's order; if it does not, that is an error on its
/// line, and the records are still read in the vendor's order. Lines end
/// in `\n` or `\r\n`; blank lines are skipped; a byte order mark at the
/// start of the file is dropped.
///
/// The file is read in UTF-8 unless [`encoding`](Self::encoding) says
/// otherwise ([`Encoding`]: GBK, GB18030, or found out from the file).
/// Every column of every record is checked: the text columns decode in
/// the encoding, and the times and codes are parsed from the file's bytes.
///
/// Each record gives one result, and reading goes on after a bad one; only
/// a failure of the input itself ends the reading. Memory does not grow
/// with the file: one input buffer and one record buffer are reused, and a
/// record longer than [`MAX_RECORD_BYTES`](Self::MAX_RECORD_BYTES) (a file
/// that is not a bill file, say) is an error, skipped without being held.
/// [`next_ref`](Self::next_ref) lends each record from the record buffer,
/// which is fastest; iterating copies each into an owned [`Bill`].
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
    input: R,
    /// csv's own parser, fed from `buffer`, writing into `record`.
    csv: csv_core::Reader,
    buffer: Vec<u8>,
    /// The unread part of `buffer`.
    start: usize,
    end: usize,
    /// Whether `input` has no more bytes.
    eof: bool,
    /// Whether the first bytes were looked at for a byte order mark.
    started: bool,
    /// Whether csv's parser has begun: the first record goes through it
    /// (see `read_raw`).
    parsing: bool,
    /// The line the next byte of input is on.
    line: u64,
    /// The fields of the record just read, one after the other, and where
    /// each ends (those that fit; `count` says how many there are): in
    /// `record`, or where `in_buffer` says in `buffer`.
    record: Vec<u8>,
    in_buffer: Option<(usize, usize)>,
    ends: [usize; MAX_ENDS],
    /// Where in `buffer` the line of the record just read lies, when its
    /// fields were unquoted into `record` from that one line.
    quoted_line: Option<(usize, usize)>,
    /// The record as UTF-8, when the file is in GBK or GB18030 and the
    /// record is not all ASCII.
    transcoded: Vec<u8>,
    transcoded_ends: [usize; Column::COUNT],
    scratch: String,
    /// The encoding asked for, and the one found for [`Encoding::Auto`].
    encoding: Encoding,
    decided: Option<Encoding>,
    has_header: Option<bool>,
    done: bool,
}

/// How many field ends a record keeps: more than a bill record has, so
/// that a record with too many fields is seen as one.
const MAX_ENDS: usize = Column::COUNT + 1;

/// The input buffer's size.
const BUFFER_BYTES: usize = 64 * 1024;

/// csv's parser as the reader drives it. Building one takes a while (its
/// tables): a reader per piece of a large file is given one used before
/// ([`BillReader::with_parts`]).
pub(crate) fn csv_parser() -> csv_core::Reader {
    csv_core::ReaderBuilder::new()
        // Records end at `\n` alone: a `\r` before it is dropped from the
        // last column, and line numbers count `\n`s.
        .terminator(csv_core::Terminator::Any(b'\n'))
        .build()
}

/// The 21 fields of a record: their bytes, one after the other (`gap`
/// bytes apart: 0, or the 1 of a comma), and where each ends.
#[derive(Debug, Clone, Copy)]
struct Fields<'r> {
    bytes: &'r [u8],
    ends: &'r [usize; Column::COUNT],
    gap: usize,
}

impl<'r> Fields<'r> {
    #[inline]
    fn get(self, index: usize) -> &'r [u8] {
        &self.bytes[self.range(index)]
    }

    /// Where field `index` is in `bytes`.
    #[inline]
    fn range(self, index: usize) -> core::ops::Range<usize> {
        let start = match index {
            0 => 0,
            _ => self.ends[index - 1] + self.gap,
        };
        start..self.ends[index]
    }

    /// Every field, in order.
    fn all(self) -> impl Iterator<Item = (Column, &'r [u8])> {
        Column::ALL
            .into_iter()
            .map(move |column| (column, self.get(column.index())))
    }

    /// The same fields as text, if they are UTF-8: checked once for all
    /// of them, each then sliced from the text (at the ends of fields,
    /// never inside a character, as they end before an ASCII byte).
    fn text(self) -> Option<TextFields<'r>> {
        let end = self.ends[Column::COUNT - 1];
        let text = simdutf8::basic::from_utf8(&self.bytes[..end]).ok()?;
        Some(TextFields { text, fields: self })
    }
}

/// [`Fields`] checked as UTF-8: what a record lends as text, 21 fields
/// checked at once instead of one at a time whenever they are read.
#[derive(Debug, Clone, Copy)]
struct TextFields<'r> {
    /// The fields' bytes up to the end of the last, as text.
    text: &'r str,
    fields: Fields<'r>,
}

impl<'r> TextFields<'r> {
    #[inline]
    fn get(self, index: usize) -> &'r str {
        // Field ends are character boundaries: the empty text is never
        // given.
        self.text.get(self.fields.range(index)).unwrap_or_default()
    }
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
    fields: Fields<'r>,
    line: u64,
    begin_time: BillTime,
    end_time: BillTime,
    op_type: i32,
    op_cause: i32,
    /// `end_time - begin_time`, worked out once: the counts and the
    /// summary both ask for it.
    seconds: i64,
}

impl<'r> BillRef<'r> {
    /// The line the record starts on, from 1 (a header line counts).
    pub const fn line(self) -> u64 {
        self.line
    }

    /// The text of `column` as the file has it (without the quotes of a
    /// quoted field or the `\r` of a `\r\n` line end), in UTF-8 whatever
    /// the file's encoding.
    pub fn text(self, column: Column) -> &'r str {
        // The reader checked that every column is UTF-8 (or made it so):
        // the empty text is never given.
        core::str::from_utf8(self.fields.get(column.index())).unwrap_or_default()
    }

    /// The bytes of `column`, which [`text`](Self::text) checks again as
    /// UTF-8: for a caller that needs only the bytes.
    pub(crate) fn bytes(self, column: Column) -> &'r [u8] {
        self.fields.get(column.index())
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

    /// Every column's text, in the order of [`Column::ALL`]: what
    /// [`text`](Self::text) gives of each, with the text checked as UTF-8
    /// once for the whole record instead of once a column.
    pub fn texts(self) -> [&'r str; Column::COUNT] {
        match self.fields.text() {
            Some(text) => Column::ALL.map(|column| text.get(column.index())),
            // Not met: the reader checked every column.
            None => Column::ALL.map(|column| self.text(column)),
        }
    }

    /// Every column's value, in the order of [`Column::ALL`]: what
    /// [`field`](Self::field) gives of each, with the text checked as
    /// UTF-8 once for the whole record instead of once a column.
    pub fn fields(self) -> [Field<'r>; Column::COUNT] {
        let mut fields = self.texts().map(Field::Text);
        for column in [
            Column::BeginTime,
            Column::EndTime,
            Column::OpType,
            Column::OpCause,
        ] {
            fields[column.index()] = self.field(column);
        }
        fields
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

    /// `media_type` as a code, as [`Bill::media_type_code`] reads it.
    pub fn media_type_code(self) -> Option<Code<MediaType>> {
        columns::media_type(self.text(Column::MediaType))
    }

    /// `agent_type` as a code, as [`Bill::agent_type_code`] reads it.
    pub fn agent_type_code(self) -> Option<Code<AgentType>> {
        columns::agent_type(self.text(Column::AgentType))
    }

    /// `callIn_out` as a call direction, as [`Bill::call_direction`] reads
    /// it.
    pub fn call_direction(self) -> TextCode<'r, CallDirection> {
        columns::call_direction(self.text(Column::CallInOut))
    }

    /// The seconds from `begin_time` to `end_time`, negative when the
    /// record ends before it begins (see [`Bill::duration_secs`]).
    pub const fn duration_secs(self) -> i64 {
        self.seconds
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

/// What reading one record from the input gave.
enum Raw {
    /// A record of `count` fields starting on `line`; `too_long` holds its
    /// length if it did not fit the record buffer.
    Record {
        line: u64,
        count: usize,
        too_long: Option<u64>,
    },
    /// The end of the input.
    End,
    /// The input failed at `line`.
    Failed(io::Error, u64),
}

impl<R> BillReader<R> {
    /// The longest record read, in bytes (its fields without quotes and
    /// separators): 64 KiB, hundreds of times a bill record's length. A
    /// longer record is an error ([`BillErrorKind::TooLong`]), skipped
    /// without being held in memory.
    pub const MAX_RECORD_BYTES: usize = 64 * 1024;
}

impl<R: Read> BillReader<R> {
    /// A reader of the bill file `reader` holds, in UTF-8; it buffers its
    /// input, so `reader` need not.
    pub fn new(reader: R) -> Self {
        Self::with_parts(vec![0; BUFFER_BYTES], 0, csv_parser(), reader)
    }

    /// A reader of the bill file whose first bytes are `buffer[..len]`,
    /// the rest in `reader`; `buffer` is its input buffer from then on
    /// (so bytes read into it elsewhere are not copied again), and `csv`
    /// (from [`csv_parser`], reset) its parser.
    pub(crate) fn with_parts(
        mut buffer: Vec<u8>,
        len: usize,
        csv: csv_core::Reader,
        reader: R,
    ) -> Self {
        if buffer.len() < BUFFER_BYTES {
            buffer.resize(BUFFER_BYTES, 0);
        }
        Self {
            input: reader,
            csv,
            buffer,
            start: 0,
            end: len,
            eof: false,
            started: false,
            parsing: false,
            line: 1,
            record: vec![0; 1024],
            in_buffer: None,
            quoted_line: None,
            ends: [0; MAX_ENDS],
            transcoded: Vec::new(),
            transcoded_ends: [0; Column::COUNT],
            scratch: String::new(),
            encoding: Encoding::Utf8,
            decided: Some(Encoding::Utf8),
            has_header: None,
            done: false,
        }
    }

    /// This reader, reading a piece of a bill file that starts on `line`,
    /// after the file's start (no byte order mark is looked for), where a
    /// record starts; `header` says whether its first record may be the
    /// file's header line (whether only blank lines come before it).
    pub(crate) fn starting_at(mut self, line: u64, header: bool) -> Self {
        self.started = true;
        self.line = line;
        if !header {
            self.has_header = Some(false);
        }
        self
    }

    /// The input buffer and csv's parser, reset, to be used again.
    pub(crate) fn into_parts(mut self) -> (Vec<u8>, csv_core::Reader) {
        self.csv.reset();
        (self.buffer, self.csv)
    }

    /// Reads the file in `encoding` (UTF-8 unless told).
    ///
    /// ```
    /// use cec_bills::{BillReader, Column, Encoding};
    ///
    /// // `呼出` (outbound) in GBK.
    /// let file = b"1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,\xba\xf4\xb3\xf6,0,7,1\n";
    /// let mut reader = BillReader::new(&file[..]).encoding(Encoding::Auto);
    /// assert_eq!(reader.next_ref().unwrap()?.text(Column::CallInOut), "呼出");
    /// assert_eq!(reader.decided_encoding(), Some(Encoding::Gb18030));
    /// # Ok::<(), cec_bills::BillError>(())
    /// ```
    #[must_use]
    pub fn encoding(mut self, encoding: Encoding) -> Self {
        self.encoding = encoding;
        self.decided = match encoding {
            Encoding::Auto => None,
            chosen => Some(chosen),
        };
        self
    }

    /// The encoding the file is read in: the one asked for, or with
    /// [`Encoding::Auto`] the one found, `None` until it is found (never
    /// `Auto`). A file that is all ASCII keeps `None` to its end.
    pub const fn decided_encoding(&self) -> Option<Encoding> {
        self.decided
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
        let (line, count) = loop {
            if self.done {
                return None;
            }
            let (line, count, too_long) = match self.read_raw() {
                Raw::Record {
                    line,
                    count,
                    too_long,
                } => (line, count, too_long),
                Raw::End => {
                    self.done = true;
                    return None;
                }
                Raw::Failed(error, line) => {
                    self.done = true;
                    let kind = BillErrorKind::Read(error);
                    return Some(Err(BillError { line, kind }));
                }
            };
            let first = self.has_header.is_none();
            if let Some(bytes) = too_long {
                self.has_header.get_or_insert(false);
                let kind = BillErrorKind::TooLong { bytes };
                return Some(Err(BillError { line, kind }));
            }
            // A blank line ending in `\r\n` is a record of one field, `\r`,
            // since records end at `\n` alone.
            if count == 1 && self.record_bytes()[..self.ends[0]] == *b"\r" {
                continue;
            }
            if first {
                let header = self.is_header();
                self.has_header = Some(header);
                if header {
                    match self.check_header(count) {
                        Ok(()) => continue,
                        Err(kind) => return Some(Err(BillError { line, kind })),
                    }
                }
            }
            break (line, count);
        };
        if count != Column::COUNT {
            let kind = BillErrorKind::ColumnCount { found: count };
            return Some(Err(BillError { line, kind }));
        }
        // The `\r` of a `\r\n` line end is not part of the last column.
        let (before, last) = (self.ends[Column::COUNT - 2], self.ends[Column::COUNT - 1]);
        if last > before && self.record_bytes()[last - 1] == b'\r' {
            self.ends[Column::COUNT - 1] -= 1;
        }
        Some(self.decode(line).map_err(|kind| BillError { line, kind }))
    }

    /// The bytes of the fields of the record just read.
    fn record_bytes(&self) -> &[u8] {
        match self.in_buffer {
            Some((start, end)) => &self.buffer[start..end],
            None => &self.record,
        }
    }

    /// The bytes between two fields of the record just read: a comma where
    /// the line is read in place.
    fn gap(&self) -> usize {
        usize::from(self.in_buffer.is_some())
    }

    /// Decodes the 21 columns of the record just read.
    fn decode(&mut self, line: u64) -> Result<BillRef<'_>, BillErrorKind> {
        let ends: &[usize; Column::COUNT] = self.ends[..Column::COUNT]
            .try_into()
            .expect("a record keeps more ends than a bill record has");
        let raw = Fields {
            bytes: match self.in_buffer {
                Some((start, end)) => &self.buffer[start..end],
                None => &self.record,
            },
            ends,
            gap: self.gap(),
        };
        let fields = if is_ascii(&raw.bytes[..ends[Column::COUNT - 1]]) {
            // ASCII is text in every encoding.
            raw
        } else {
            // The line the fields were read from whole, if they were.
            let line = match (self.in_buffer, self.quoted_line) {
                (Some((start, end)), _) | (None, Some((start, end))) => {
                    Some(&self.buffer[start..end])
                }
                (None, None) => None,
            };
            let encoding = text_encoding(&mut self.decided, raw, line)?;
            if matches!(encoding, Encoding::Utf8) {
                raw
            } else {
                // Decoded into the second buffer, which the fields then
                // come from.
                transcode(
                    raw,
                    encoding,
                    &mut self.scratch,
                    &mut self.transcoded,
                    &mut self.transcoded_ends,
                )?;
                Fields {
                    bytes: &self.transcoded,
                    ends: &self.transcoded_ends,
                    gap: 0,
                }
            }
        };
        parse(fields, line)
    }

    /// Whether the first record is a header line.
    fn is_header(&self) -> bool {
        self.record_bytes()[..self.ends[0]]
            .trim_ascii()
            .eq_ignore_ascii_case(b"id")
    }

    fn check_header(&self, count: usize) -> Result<(), BillErrorKind> {
        if count != Column::COUNT {
            return Err(BillErrorKind::ColumnCount { found: count });
        }
        let ends = self.ends[..Column::COUNT]
            .try_into()
            .expect("a record keeps more ends than a bill record has");
        let fields = Fields {
            bytes: self.record_bytes(),
            ends,
            gap: self.gap(),
        };
        for (column, name) in fields.all() {
            // Trimming drops the `\r` of a `\r\n`.
            let name = name.trim_ascii();
            if !name.eq_ignore_ascii_case(column.name().as_bytes()) {
                return Err(BillErrorKind::HeaderName {
                    column,
                    found: String::from_utf8_lossy(name).into_owned(),
                });
            }
        }
        Ok(())
    }

    /// Reads the next record's fields into `record` and `ends`, or finds
    /// them in the input buffer.
    fn read_raw(&mut self) -> Raw {
        if !self.started {
            self.started = true;
            if let Err(error) = self.skip_byte_order_mark() {
                return Raw::Failed(error, 1);
            }
        }
        self.in_buffer = None;
        self.quoted_line = None;
        if self.parsing {
            // `Some(None)` is a blank line.
            while let Some(record) = self.read_unquoted_line() {
                if let Some(record) = record {
                    return record;
                }
            }
            if let Some(record) = self.read_quoted_line() {
                return record;
            }
        }
        // csv's parser drops a UTF-8 byte order mark from the start of the
        // first input it is given, if that holds all three bytes: one byte
        // first, so that it never does, however the input arrives (the
        // marks are dropped above).
        let mut first_call = !self.parsing;
        self.parsing = true;
        let line_before = self.csv.line();
        // What of the record is written, and how many field ends.
        let (mut written, mut count) = (0, 0);
        // Over the limit: the bytes and line ends dropped.
        let mut dropped: Option<(u64, u64)> = None;
        let mut spare_ends = [0; 16];
        loop {
            if self.start == self.end
                && !self.eof
                && let Err(error) = self.fill()
            {
                let lines = self.csv.line() - line_before;
                return Raw::Failed(error, self.line + lines);
            }
            let end = match first_call {
                true => self.end.min(self.start + 1),
                false => self.end,
            };
            first_call = false;
            let input = &self.buffer[self.start..end];
            let ends = match self.ends.get_mut(count..) {
                Some(ends) if !ends.is_empty() => ends,
                // Fields past a bill record's are counted, not kept.
                _ => &mut spare_ends[..],
            };
            let (result, read, wrote, ended) =
                self.csv
                    .read_record(input, &mut self.record[written..], ends);
            let at_end_of_input = input.is_empty();
            self.start += read;
            written += wrote;
            count += ended;
            match result {
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => {
                    if self.record.len() < Self::MAX_RECORD_BYTES {
                        let grown = (self.record.len() * 2).min(Self::MAX_RECORD_BYTES);
                        self.record.resize(grown, 0);
                    } else {
                        // Too long: what is written is dropped and the rest
                        // read over it.
                        let (bytes, newlines) = dropped.get_or_insert((0, 0));
                        *bytes += written as u64;
                        *newlines += count_newlines(&self.record[..written]);
                        written = 0;
                    }
                }
                csv_core::ReadRecordResult::OutputEndsFull => {}
                csv_core::ReadRecordResult::Record => {
                    // Every `\n` read is a blank line skipped, a line end
                    // inside a quoted field, or the record's own end (unless
                    // the input ended it).
                    let lines = self.csv.line() - line_before;
                    let own_end = u64::from(!at_end_of_input);
                    let mut line = self.line + lines - own_end;
                    if lines > own_end {
                        line -= count_newlines(&self.record[..written]);
                        line -= dropped.map_or(0, |(_, newlines)| newlines);
                    }
                    self.line += lines;
                    let too_long = dropped.map(|(bytes, _)| bytes + written as u64);
                    return Raw::Record {
                        line,
                        count,
                        too_long,
                    };
                }
                csv_core::ReadRecordResult::End => return Raw::End,
            }
        }
    }

    /// The fast way through most of a file: a whole line in the input
    /// buffer with no quote in it is a record whose fields are what its
    /// commas separate, exactly as csv's parser would read it; its fields
    /// are used where they are. `Some(None)` for a blank line (skipped, as
    /// csv's parser does), `None` when the next record is not such a line.
    #[inline]
    fn read_unquoted_line(&mut self) -> Option<Option<Raw>> {
        let rest = &self.buffer[self.start..self.end];
        let stop = memchr::memchr2(b'\n', b'"', rest)?;
        // A line that may be over the limit goes through csv's parser,
        // which measures it, however large the buffer holding it.
        if rest[stop] != b'\n' || stop > Self::MAX_RECORD_BYTES {
            return None;
        }
        let line = self.line;
        self.line += 1;
        let start = self.start;
        self.start += stop + 1;
        if stop == 0 {
            return Some(None);
        }
        let count = split_at_commas(&rest[..stop], &mut self.ends);
        self.in_buffer = Some((start, start + stop));
        Some(Some(Raw::Record {
            line,
            count,
            too_long: None,
        }))
    }

    /// The fast way through a line with quoted fields: a whole line in the
    /// input buffer each of whose fields is either unquoted without a
    /// quote in it, or quoted whole (`"…"`, `""` a quote inside, the
    /// closing quote followed by a comma or the line's end) is read
    /// exactly as csv's parser would read it, its fields unquoted into
    /// `record`. `None` for any other line (a quoted field holding a line
    /// end, text after a closing quote, a stray quote, the line over the
    /// limit or not whole in the buffer): csv's parser reads it.
    fn read_quoted_line(&mut self) -> Option<Raw> {
        let rest = &self.buffer[self.start..self.end];
        let length = memchr::memchr(b'\n', rest)?;
        if length >= Self::MAX_RECORD_BYTES {
            return None;
        }
        let line = &rest[..length];
        // The fields are never longer than their line.
        if self.record.len() < length {
            self.record.resize(length.next_power_of_two(), 0);
        }
        let (mut at, mut written, mut count) = (0, 0, 0);
        loop {
            if line.get(at) == Some(&b'"') {
                at += 1;
                loop {
                    // No closing quote before the line end: a quoted line
                    // end, for csv's parser.
                    let quote = at + memchr::memchr(b'"', &line[at..])?;
                    let part = &line[at..quote];
                    self.record[written..written + part.len()].copy_from_slice(part);
                    written += part.len();
                    at = quote + 1;
                    if line.get(at) != Some(&b'"') {
                        break;
                    }
                    self.record[written] = b'"';
                    written += 1;
                    at += 1;
                }
                if let Some(end) = self.ends.get_mut(count) {
                    *end = written;
                }
                count += 1;
                match line.get(at) {
                    None => break,
                    Some(b',') => at += 1,
                    Some(_) => return None,
                }
            } else {
                let stop =
                    memchr::memchr2(b',', b'"', &line[at..]).map_or(line.len(), |found| at + found);
                if line.get(stop) == Some(&b'"') {
                    return None;
                }
                let part = &line[at..stop];
                self.record[written..written + part.len()].copy_from_slice(part);
                written += part.len();
                if let Some(end) = self.ends.get_mut(count) {
                    *end = written;
                }
                count += 1;
                if stop == line.len() {
                    break;
                }
                at = stop + 1;
            }
        }
        let line = self.line;
        self.line += 1;
        self.quoted_line = Some((self.start, self.start + length));
        self.start += length + 1;
        Some(Raw::Record {
            line,
            count,
            too_long: None,
        })
    }

    /// Refills the input buffer (empty when the input has ended).
    fn fill(&mut self) -> io::Result<()> {
        self.start = 0;
        self.end = 0;
        loop {
            match self.input.read(&mut self.buffer) {
                Ok(read) => {
                    self.end = read;
                    self.eof = read == 0;
                    return Ok(());
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
    }

    /// Reads the first bytes, and drops a byte order mark: UTF-8's always
    /// (as csv does), GB18030's in GBK, GB18030 and when finding out. With
    /// [`Encoding::Auto`] either decides the encoding.
    fn skip_byte_order_mark(&mut self) -> io::Result<()> {
        let longest = GB18030_BOM.len();
        while self.end < longest && !self.eof {
            match self.input.read(&mut self.buffer[self.end..longest]) {
                Ok(read) => {
                    self.end += read;
                    self.eof = read == 0;
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
        let head = &self.buffer[..self.end];
        let found = if head.starts_with(UTF8_BOM) {
            Some((UTF8_BOM, Encoding::Utf8))
        } else if head.starts_with(GB18030_BOM) && self.encoding != Encoding::Utf8 {
            Some((GB18030_BOM, Encoding::Gb18030))
        } else {
            None
        };
        if let Some((mark, encoding)) = found {
            self.start = mark.len();
            if self.encoding == Encoding::Auto {
                self.decided = Some(encoding);
            }
        }
        Ok(())
    }
}

/// The encoding of a record that is not all ASCII, deciding it for
/// [`Encoding::Auto`]: an error if a column does not decode in it.
#[cold]
fn text_encoding(
    decided: &mut Option<Encoding>,
    fields: Fields<'_>,
    line: Option<&[u8]>,
) -> Result<Encoding, BillErrorKind> {
    let undecodable = |encoding| {
        // The fields of one line, apart by commas and quotes, are UTF-8 if
        // the whole line is, since ASCII is never part of a character: one
        // pass over the line, and field by field only to name the bad one.
        if encoding == Encoding::Utf8
            && line.is_some_and(|line| simdutf8::basic::from_utf8(line).is_ok())
        {
            return None;
        }
        fields
            .all()
            .find(|&(_, bytes)| !encoding::is_valid(encoding, bytes))
            .map(|(column, _)| column)
    };
    if let Some(encoding) = *decided {
        return match undecodable(encoding) {
            None => Ok(encoding),
            Some(column) => Err(BillErrorKind::Undecodable { column, encoding }),
        };
    }
    let Some(column) = undecodable(Encoding::Utf8) else {
        *decided = Some(Encoding::Utf8);
        return Ok(Encoding::Utf8);
    };
    if undecodable(Encoding::Gb18030).is_none() {
        *decided = Some(Encoding::Gb18030);
        return Ok(Encoding::Gb18030);
    }
    let _ = column;
    let column = fields
        .all()
        .find(|&(_, bytes)| {
            !encoding::is_valid(Encoding::Utf8, bytes)
                && !encoding::is_valid(Encoding::Gb18030, bytes)
        })
        .map_or(column, |(column, _)| column);
    Err(BillErrorKind::Undecodable {
        column,
        encoding: Encoding::Auto,
    })
}

/// Whether `bytes` are all ASCII: as `<[u8]>::is_ascii`, branch-free, which
/// the compiler vectorizes whole where the standard one goes byte by byte
/// after its last 64-byte block (most of a bill record).
#[inline]
fn is_ascii(bytes: &[u8]) -> bool {
    bytes.iter().fold(0, |all, &byte| all | byte) < 0x80
}

/// Splits `line` at its commas: where each field ends goes into `ends` (as
/// many as fit), and the number of fields is returned.
///
/// Never inlined: compiled once, not once per reader's input type, whose
/// copies the compiler optimized differently (a piece's reader ran its
/// loop in 16% more instructions than a file's).
#[inline(never)]
fn split_at_commas(line: &[u8], ends: &mut [usize; MAX_ENDS]) -> usize {
    let mut count = 0;
    let mut push = |index| {
        if let Some(end) = ends.get_mut(count) {
            *end = index;
        }
        count += 1;
    };
    // Eight bytes at a time: a bit per byte that is a comma, then a step
    // per comma (without SIMD instructions).
    let mut words = line.chunks_exact(8);
    let mut base = 0;
    for word in &mut words {
        let mut commas = comma_bits(u64::from_le_bytes(word.try_into().expect("eight bytes")));
        while commas != 0 {
            push(base + commas.trailing_zeros() as usize / 8);
            commas &= commas - 1;
        }
        base += 8;
    }
    // The last bytes, as the low bytes of a word (the others zero).
    let rest = words.remainder();
    let word = rest
        .iter()
        .rev()
        .fold(0, |word, &byte| word << 8 | u64::from(byte));
    let mut commas = comma_bits(word);
    while commas != 0 {
        push(base + commas.trailing_zeros() as usize / 8);
        commas &= commas - 1;
    }
    push(line.len());
    count
}

/// The high bit of each byte of `word` that is a comma, and no other bit.
#[inline]
fn comma_bits(word: u64) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const LOW_SEVEN: u64 = ONES * 0x7f;
    // The high bit of each byte that is zero once commas are zeroed:
    // exactly those, no carry crossing bytes.
    let zeroed = word ^ (ONES * u64::from(b','));
    !(((zeroed & LOW_SEVEN) + LOW_SEVEN) | zeroed | LOW_SEVEN)
}

/// The `\n`s in `bytes`.
fn count_newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&byte| byte == b'\n').count() as u64
}

/// Decodes every field of `fields` from `encoding` (GBK or GB18030) into
/// `bytes` and `ends` as UTF-8.
#[cold]
fn transcode(
    fields: Fields<'_>,
    encoding: Encoding,
    scratch: &mut String,
    bytes: &mut Vec<u8>,
    ends: &mut [usize; Column::COUNT],
) -> Result<(), BillErrorKind> {
    bytes.clear();
    for (column, field) in fields.all() {
        if field.is_ascii() {
            bytes.extend_from_slice(field);
        } else {
            scratch.clear();
            if !encoding::gb18030_to_utf8(field, scratch) {
                return Err(BillErrorKind::Undecodable { column, encoding });
            }
            bytes.extend_from_slice(scratch.as_bytes());
        }
        ends[column.index()] = bytes.len();
    }
    Ok(())
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

/// Parses the codes and times of a record whose 21 columns are text, in
/// column order: the first bad column is the one reported.
#[inline]
fn parse(fields: Fields<'_>, line: u64) -> Result<BillRef<'_>, BillErrorKind> {
    let time = |column: Column| {
        let bytes = fields.get(column.index());
        BillTime::parse_bytes(bytes).map_err(|error| time_error(column, bytes, error))
    };
    let code = |column: Column| {
        let bytes = fields.get(column.index());
        parse_code(bytes).ok_or_else(|| code_error(column, bytes))
    };
    let begin_time = time(Column::BeginTime)?;
    let end_time = time(Column::EndTime)?;
    let op_type = code(Column::OpType)?;
    let op_cause = code(Column::OpCause)?;
    Ok(BillRef {
        fields,
        line,
        begin_time,
        end_time,
        op_type,
        op_cause,
        seconds: end_time.seconds_since(begin_time),
    })
}

/// A code of up to nine digits with an optional sign: every code a bill
/// has. Anything else goes the slow way ([`code_error`]), which also reads
/// the longer integers that fit 32 bits.
#[inline]
fn parse_code(bytes: &[u8]) -> Option<i32> {
    let (negative, digits) = match bytes {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, bytes),
    };
    if digits.is_empty() || digits.len() > 9 {
        return slow_code(bytes).ok();
    }
    let mut value = 0i32;
    for &byte in digits {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        value = value * 10 + i32::from(digit);
    }
    Some(if negative { -value } else { value })
}

/// A code as [`str::parse`] reads it.
#[cold]
fn slow_code(bytes: &[u8]) -> Result<i32, CodeProblem> {
    let text = core::str::from_utf8(bytes).map_err(|_| CodeProblem::NotInteger)?;
    text.parse()
        .map_err(|error: core::num::ParseIntError| match error.kind() {
            IntErrorKind::Empty => CodeProblem::Empty,
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => CodeProblem::OutOfRange,
            _ => CodeProblem::NotInteger,
        })
}

// The error paths are kept out of line: the loop over good records is hot.

#[cold]
fn time_error(column: Column, bytes: &[u8], error: TimeError) -> BillErrorKind {
    BillErrorKind::Time {
        column,
        text: String::from_utf8_lossy(bytes).into_owned(),
        error,
    }
}

#[cold]
fn code_error(column: Column, bytes: &[u8]) -> BillErrorKind {
    // A code `parse_code` refused and `slow_code` reads is not refused.
    let problem = slow_code(bytes).err().unwrap_or(CodeProblem::NotInteger);
    BillErrorKind::Code {
        column,
        text: String::from_utf8_lossy(bytes).into_owned(),
        problem,
    }
}
