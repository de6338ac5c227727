//! `codes decode FILE... [--format jsonl|csv|table] [--summary] [--strict]`:
//! annotates `agentOprInfo` bill files with what their codes mean.
//!
//! Every record is written with all its columns plus its duration and the
//! decoded operation: name, description, object kind, reason name and
//! description. With `--summary`, counts and total durations per operation
//! type, per reason and per agent are written instead. Records stream
//! through: memory holds one record (and, for `--summary`, one total per
//! key).
//!
//! A malformed record goes to the error stream as `FILE:LINE: what is
//! wrong` and decoding goes on (`--strict` stops there); a closing line on
//! the error stream counts them, and the [`Report`] says whether any record
//! or file was bad. A zip archive from the vendor's download API is read
//! entry by entry, its records named `ARCHIVE/ENTRY:LINE`.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use cec_bills::{BillArchive, BillErrorKind, BillReader, BillRef, BillTime, Column, Field};
use cec_codes::{OperationType, Reason};
use indicatif::{ProgressBar, ProgressStyle};
use serde::{Serialize, Serializer};

use crate::io::{Failure, Status};

/// Annotates `agentOprInfo` bill files with what their codes mean: every
/// record with its operation, object kind and reason decoded, or with
/// `--summary` counts and total durations per operation, reason and agent.
#[derive(Debug, Clone, clap::Args)]
pub struct DecodeArgs {
    /// Bill files (`*_agentOprInfo_*.csv`, with or without a header line),
    /// or zip archives of them as the download API returns them (`*.zip`).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// How to write the records (or the summary).
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write counts and total durations per operation type, per reason and
    /// per agent instead of the records.
    #[arg(long)]
    pub summary: bool,
    /// Stop at the first malformed record or unreadable file.
    #[arg(long)]
    pub strict: bool,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line, keys in column order.
    Jsonl,
    /// CSV with a header line.
    Csv,
    /// For reading: each record as a block of `column  value` lines; the
    /// summary as an aligned table.
    Table,
}

/// What a run of `codes decode` met.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Files named on the command line that were read (a zip archive counts
    /// once).
    pub files: u64,
    /// Records decoded.
    pub records: u64,
    /// Records that could not be decoded.
    pub malformed: u64,
    /// Files (or zip entries) that could not be opened or read to the end.
    pub unreadable: u64,
    /// Decoded records that end before they begin: their duration is
    /// written as it is (negative) and left out of the summary's totals.
    pub negative_durations: u64,
    /// Whether `--strict` stopped the run early.
    pub stopped: bool,
}

impl Report {
    /// Whether every record of every file was decoded.
    pub fn is_clean(&self) -> bool {
        self.malformed == 0 && self.unreadable == 0
    }

    /// The exit status: success when clean, problems when any record or
    /// file was bad.
    pub fn status(&self) -> Status {
        match self.is_clean() {
            true => Status::Success,
            false => Status::Problems,
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |count: u64, one, many| if count == 1 { one } else { many };
        write!(
            f,
            "{} {} decoded, {} malformed, from {} {} ({} unreadable)",
            self.records,
            plural(self.records, "record", "records"),
            self.malformed,
            self.files,
            plural(self.files, "file", "files"),
            self.unreadable
        )?;
        if self.negative_durations > 0 {
            let ends = plural(
                self.negative_durations,
                "ends before it begins",
                "end before they begin",
            );
            write!(f, "; {} {ends}", self.negative_durations)?;
        }
        if self.stopped {
            f.write_str("; stopped at the first error (--strict)")?;
        }
        Ok(())
    }
}

/// `codes decode` on the process's stdout and stderr.
pub fn command(args: &DecodeArgs) -> Result<Status, Failure> {
    let mut out = BufWriter::new(io::stdout().lock());
    let report = run(args, &mut out, &mut io::stderr().lock())
        .map_err(|error| Failure(format!("cannot write the output: {error}")))?;
    Ok(report.status())
}

/// Runs `codes decode`: records (or the summary) to `out`, malformed
/// records and the closing count to `err`, and a progress bar on the
/// process's standard error when it is a terminal.
///
/// Bad input never makes this fail: it is reported on `err` and counted in
/// the [`Report`]. Only failing to write `out` or `err` is an `Err`.
pub fn run(args: &DecodeArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Report> {
    let progress = if io::stderr().is_terminal() {
        let total = args
            .files
            .iter()
            .filter_map(|path| path.metadata().ok())
            .map(|metadata| metadata.len())
            .sum();
        let style = ProgressStyle::with_template(
            "{msg} [{bar:40}] {binary_bytes}/{binary_total_bytes} ({eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
        ProgressBar::new(total).with_style(style)
    } else {
        ProgressBar::hidden()
    };
    let report = decode_files(args, out, err, &progress);
    progress.finish_and_clear();
    report
}

/// [`run`] with the progress bar given.
fn decode_files(
    args: &DecodeArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    progress: &ProgressBar,
) -> io::Result<Report> {
    let sink = match (args.summary, args.format) {
        (true, format) => Sink::Summary(Summary::default(), format, out),
        (false, Format::Jsonl) => Sink::Jsonl(BufWriter::new(out)),
        (false, Format::Csv) => {
            // csv buffers its output itself.
            let mut csv = csv::WriterBuilder::new().from_writer(out);
            csv.write_record(column_names())?;
            Sink::Csv(Box::new(csv))
        }
        (false, Format::Table) => Sink::Table(BufWriter::new(out)),
    };
    let mut decoder = Decoder {
        strict: args.strict,
        sink,
        err,
        progress,
        report: Report::default(),
    };
    for path in &args.files {
        decoder.report.files += 1;
        progress.set_message(path.display().to_string());
        if decoder.file(path)? == Flow::Stop {
            decoder.report.stopped = true;
            break;
        }
    }
    decoder.finish()
}

/// Whether to go on after a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Continue,
    Stop,
}

/// Where decoded records go.
enum Sink<'w> {
    Jsonl(BufWriter<&'w mut dyn Write>),
    Csv(Box<csv::Writer<&'w mut dyn Write>>),
    Table(BufWriter<&'w mut dyn Write>),
    /// Totals, written in this format at the end.
    Summary(Summary, Format, &'w mut dyn Write),
}

struct Decoder<'a, 'w> {
    strict: bool,
    sink: Sink<'w>,
    err: &'a mut dyn Write,
    progress: &'a ProgressBar,
    report: Report,
}

impl Decoder<'_, '_> {
    /// Decodes one file named on the command line.
    fn file(&mut self, path: &Path) -> io::Result<Flow> {
        let name = path.display().to_string();
        let file = match File::open(path) {
            Ok(file) => self.progress.wrap_read(file),
            Err(error) => return self.unreadable(&format!("{name}: cannot open: {error}")),
        };
        let is_zip = path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("zip"));
        if !is_zip {
            return self.records(&name, BillReader::new(file));
        }
        let mut archive = match BillArchive::new(file) {
            Ok(archive) => archive,
            Err(error) => return self.unreadable(&format!("{name}: {error}")),
        };
        let entries: Vec<String> = archive.names().map(String::from).collect();
        for (index, entry) in entries.iter().enumerate() {
            let label = format!("{name}/{entry}");
            let flow = match archive.open(index) {
                Ok(reader) => self.records(&label, reader)?,
                Err(error) => self.unreadable(&format!("{label}: {error}"))?,
            };
            if flow == Flow::Stop {
                return Ok(Flow::Stop);
            }
        }
        Ok(Flow::Continue)
    }

    /// Decodes the records of one bill file, named `file` in messages.
    fn records(&mut self, file: &str, mut reader: BillReader<impl Read>) -> io::Result<Flow> {
        while let Some(result) = reader.next_ref() {
            let error = match result {
                Ok(record) => {
                    self.record(file, record)?;
                    continue;
                }
                Err(error) => error,
            };
            let message = format!("{file}:{}: {}", error.line(), error.kind());
            let flow = if matches!(error.kind(), BillErrorKind::Read(_)) {
                self.unreadable(&message)?
            } else {
                self.report.malformed += 1;
                self.complain(&message)?
            };
            if flow == Flow::Stop {
                return Ok(Flow::Stop);
            }
        }
        Ok(Flow::Continue)
    }

    fn record(&mut self, file: &str, record: BillRef<'_>) -> io::Result<()> {
        self.report.records += 1;
        if record.duration_secs() < 0 {
            self.report.negative_durations += 1;
        }
        match &mut self.sink {
            Sink::Summary(summary, _, _) => summary.add(record),
            Sink::Jsonl(out) => {
                serde_json::to_writer(&mut *out, &JsonObject(&annotated(file, record)))?;
                out.write_all(b"\n")?;
            }
            Sink::Csv(csv) => {
                let mut text = String::new();
                for (_, value) in annotated(file, record) {
                    text.clear();
                    fmt::write(&mut text, format_args!("{value}")).map_err(io::Error::other)?;
                    csv.write_field(&text)?;
                }
                csv.write_record(None::<&[u8]>)?;
            }
            Sink::Table(out) => {
                let fields = annotated(file, record);
                let width = column_names().map(str::len).max().unwrap_or(0);
                writeln!(out, "{file}:{}", record.line())?;
                // File and line make the heading.
                for (name, value) in &fields[2..] {
                    let line = format!("  {name:width$}  {value}");
                    writeln!(out, "{}", line.trim_end())?;
                }
                writeln!(out)?;
            }
        }
        Ok(())
    }

    /// Reports a file (or what is left of it) that cannot be read.
    fn unreadable(&mut self, message: &str) -> io::Result<Flow> {
        self.report.unreadable += 1;
        self.complain(message)
    }

    /// Writes `message` to the error stream, around the progress bar.
    fn complain(&mut self, message: &str) -> io::Result<Flow> {
        let err = &mut *self.err;
        self.progress.suspend(|| writeln!(err, "{message}"))?;
        Ok(if self.strict {
            Flow::Stop
        } else {
            Flow::Continue
        })
    }

    /// Writes the summary (if asked for) and the closing count.
    fn finish(self) -> io::Result<Report> {
        match self.sink {
            Sink::Summary(summary, format, out) => summary.write(format, out)?,
            Sink::Csv(mut csv) => csv.flush()?,
            Sink::Jsonl(mut out) | Sink::Table(mut out) => out.flush()?,
        }
        let (err, report) = (self.err, &self.report);
        self.progress.suspend(|| writeln!(err, "{report}"))?;
        Ok(self.report)
    }
}

/// What decoding adds to the columns of a record.
const ANNOTATIONS: [&str; 6] = [
    "duration_s",
    "operation",
    "operation_description",
    "object_kind",
    "reason",
    "reason_description",
];

/// The columns of an annotated record: where it is, the bill's columns,
/// then [`ANNOTATIONS`].
fn column_names() -> impl Iterator<Item = &'static str> {
    ["file", "line"]
        .into_iter()
        .chain(Column::ALL.map(Column::name))
        .chain(ANNOTATIONS)
}

const ANNOTATED: usize = 2 + Column::COUNT + ANNOTATIONS.len();

/// One value of an annotated record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value<'a> {
    Text(&'a str),
    Number(i64),
    Time(BillTime),
    /// Nothing to say (an unknown operation has no name): JSON `null`,
    /// empty elsewhere.
    None,
}

impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => f.write_str(text),
            Self::Number(number) => number.fmt(f),
            Self::Time(time) => time.fmt(f),
            Self::None => Ok(()),
        }
    }
}

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(text) => serializer.serialize_str(text),
            Self::Number(number) => serializer.serialize_i64(*number),
            Self::Time(time) => serializer.collect_str(time),
            Self::None => serializer.serialize_none(),
        }
    }
}

/// Named values, serialized as one object with its keys in order.
struct JsonObject<'a, V>(&'a [(&'static str, V)]);

impl<V: Serialize> Serialize for JsonObject<'_, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, value)| (name, value)))
    }
}

/// The record read from `file`, every column named as [`column_names`]
/// names it.
fn annotated<'r>(file: &'r str, record: BillRef<'r>) -> [(&'static str, Value<'r>); ANNOTATED] {
    let operation = record.operation();
    let known = operation.code().known();
    let mut values = [Value::None; ANNOTATED];
    values[0] = Value::Text(file);
    values[1] = Value::Number(record.line() as i64);
    for (value, column) in values[2..].iter_mut().zip(Column::ALL) {
        *value = match record.field(column) {
            Field::Text(text) => Value::Text(text),
            Field::Time(time) => Value::Time(time),
            Field::Code(code) => Value::Number(code.into()),
        };
    }
    let text = |text: Option<&'static str>| text.map_or(Value::None, Value::Text);
    values[2 + Column::COUNT..].copy_from_slice(&[
        Value::Number(record.duration_secs()),
        text(known.map(OperationType::name)),
        text(known.map(OperationType::description)),
        text(operation.object().kind().map(|kind| kind.name())),
        Value::Text(operation.reason().name()),
        text(operation.reason().description()),
    ]);
    let mut names = column_names();
    values.map(|value| (names.next().unwrap_or_default(), value))
}

/// Counts and total seconds of one key of the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Totals {
    count: u64,
    /// Seconds of the records that do not end before they begin.
    seconds: i64,
}

impl Totals {
    fn add(&mut self, seconds: i64) {
        self.count += 1;
        self.seconds += seconds.max(0);
    }
}

/// Totals per operation type, per (operation type, reason) and per agent,
/// in code (and agent ID) order.
#[derive(Debug, Default)]
struct Summary {
    operations: BTreeMap<i32, Totals>,
    reasons: BTreeMap<(i32, i32), Totals>,
    agents: BTreeMap<String, Totals>,
}

/// One line of the summary.
#[derive(Debug, Serialize)]
struct SummaryRow {
    group: &'static str,
    key: String,
    name: String,
    count: u64,
    total_duration_s: i64,
}

const SUMMARY_COLUMNS: [&str; 5] = ["group", "key", "name", "count", "total_duration_s"];

impl Summary {
    fn add(&mut self, record: BillRef<'_>) {
        let seconds = record.duration_secs();
        let (op_type, op_cause) = (record.op_type(), record.op_cause());
        self.operations.entry(op_type).or_default().add(seconds);
        self.reasons
            .entry((op_type, op_cause))
            .or_default()
            .add(seconds);
        let agent = record.text(Column::AgentId);
        match self.agents.get_mut(agent) {
            Some(totals) => totals.add(seconds),
            // The ID is copied only for an agent not seen yet.
            None => self.agents.entry(agent.into()).or_default().add(seconds),
        }
    }

    fn rows(self) -> Vec<SummaryRow> {
        let operation_name =
            |code| OperationType::from_code(code).map_or("unknown", OperationType::name);
        let row = |group, key, name, totals: Totals| SummaryRow {
            group,
            key,
            name,
            count: totals.count,
            total_duration_s: totals.seconds,
        };
        let operations = self.operations.into_iter().map(|(code, totals)| {
            row(
                "operation",
                code.to_string(),
                operation_name(code).into(),
                totals,
            )
        });
        let reasons = self.reasons.into_iter().map(|((code, cause), totals)| {
            let reason = match OperationType::from_code(code) {
                Some(operation) => Reason::decode(operation, cause),
                None => Reason::unlisted(cause),
            };
            let name = format!("{}/{}", operation_name(code), reason.name());
            row("reason", format!("{code}/{cause}"), name, totals)
        });
        let agents = self
            .agents
            .into_iter()
            .map(|(agent, totals)| row("agent", agent, String::new(), totals));
        operations.chain(reasons).chain(agents).collect()
    }

    fn write(self, format: Format, out: &mut dyn Write) -> io::Result<()> {
        let rows = self.rows();
        match format {
            Format::Jsonl => {
                for row in &rows {
                    serde_json::to_writer(&mut *out, row)?;
                    out.write_all(b"\n")?;
                }
            }
            Format::Csv => {
                let mut csv = csv::WriterBuilder::new().from_writer(out);
                for row in &rows {
                    csv.serialize(row)?;
                }
                if rows.is_empty() {
                    csv.write_record(SUMMARY_COLUMNS)?;
                }
                csv.flush()?;
            }
            Format::Table => {
                let cells: Vec<[String; 5]> = rows
                    .iter()
                    .map(|row| {
                        [
                            row.group.into(),
                            row.key.clone(),
                            row.name.clone(),
                            row.count.to_string(),
                            row.total_duration_s.to_string(),
                        ]
                    })
                    .collect();
                let mut widths = SUMMARY_COLUMNS.map(str::len);
                for line in &cells {
                    for (width, cell) in widths.iter_mut().zip(line) {
                        *width = (*width).max(cell.chars().count());
                    }
                }
                let header = SUMMARY_COLUMNS.map(String::from);
                for line in std::iter::once(&header).chain(&cells) {
                    let [group, key, name, count, seconds] = line;
                    let [w0, w1, w2, w3, w4] = widths;
                    let text =
                        format!("{group:w0$}  {key:w1$}  {name:w2$}  {count:>w3$}  {seconds:>w4$}");
                    writeln!(out, "{}", text.trim_end())?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use cec_bills::synthetic::SyntheticBills;

    const HEADER: &str = "id,developer_id,account_id,agent_id,service_no,skill_id,call_id,begin_time,end_time,op_type,op_object,op_cause,media_type,vdn_id,cc_id,agent_type,phone_no,callIn_out,location_id,logon_sn,skillInfo_sn";
    /// Agent 1001 rests for 15 minutes.
    const BUSY: &str = "1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1";
    /// Agent 1002 asks employee 2001 for help for a minute.
    const HELP: &str = "2,dev,acct,1002,0,1,c7,2023-09-27 08:15:00,2023-09-27 08:16:00,40,2001,1,5,1,1,4,88001002,1,0,8,1";
    /// Agent 1001 does something a later revision of the table defines,
    /// and the record ends 10 seconds before it begins.
    const LATER: &str = "3,dev,acct,1001,0,1,-1,2023-09-27 08:20:00,2023-09-27 08:19:50,21,1001,3,5,1,1,4,88001001,-1,0,7,1";
    /// Not a number where `op_type` is.
    const BAD_TYPE: &str = "4,dev,acct,1001,0,1,-1,2023-09-27 08:20:00,2023-09-27 08:21:00,Busy,-1,4,5,1,1,4,88001001,-1,0,7,1";

    /// A directory of input files, removed at the end of the test.
    struct Inputs {
        dir: tempfile::TempDir,
    }

    impl Inputs {
        fn new() -> Self {
            Self {
                dir: tempfile::tempdir().expect("a temporary directory"),
            }
        }

        fn file(&self, name: &str, content: &[u8]) -> PathBuf {
            let path = self.dir.path().join(name);
            std::fs::write(&path, content).expect("write an input file");
            path
        }
    }

    fn args(files: &[&PathBuf], format: Format) -> DecodeArgs {
        DecodeArgs {
            files: files.iter().map(|&path| path.clone()).collect(),
            format,
            summary: false,
            strict: false,
        }
    }

    /// Runs with no progress bar: (stdout, stderr, report).
    fn decode(args: &DecodeArgs) -> (String, String, Report) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let report = decode_files(args, &mut out, &mut err, &ProgressBar::hidden())
            .expect("writing to memory cannot fail");
        let text = |bytes| String::from_utf8(bytes).expect("output is UTF-8");
        (text(out), text(err), report)
    }

    #[test]
    fn jsonl_annotates_every_record_and_reports_malformed_ones() {
        let inputs = Inputs::new();
        let path = inputs.file(
            "bills.csv",
            format!("{HEADER}\n{BUSY}\n{BAD_TYPE}\n{HELP}\n{LATER}\n").as_bytes(),
        );
        let (out, err, report) = decode(&args(&[&path], Format::Jsonl));
        let file = path.display().to_string();
        let expected = [
            format!(
                r#"{{"file":{file:?},"line":2,"id":"1","developer_id":"dev","account_id":"acct","agent_id":"1001","service_no":"0","skill_id":"1","call_id":"-1","begin_time":"2023-09-27 08:00:00","end_time":"2023-09-27 08:15:00","op_type":3,"op_object":"-1","op_cause":4,"media_type":"5","vdn_id":"1","cc_id":"1","agent_type":"4","phone_no":"88001001","callIn_out":"-1","location_id":"0","logon_sn":"7","skillInfo_sn":"1","duration_s":900,"operation":"Busy","operation_description":"Busy.","object_kind":null,"reason":"TakingRest","reason_description":"Indicates that an agent takes a rest."}}"#
            ),
            format!(
                r#"{{"file":{file:?},"line":4,"id":"2","developer_id":"dev","account_id":"acct","agent_id":"1002","service_no":"0","skill_id":"1","call_id":"c7","begin_time":"2023-09-27 08:15:00","end_time":"2023-09-27 08:16:00","op_type":40,"op_object":"2001","op_cause":1,"media_type":"5","vdn_id":"1","cc_id":"1","agent_type":"4","phone_no":"88001002","callIn_out":"1","location_id":"0","logon_sn":"8","skillInfo_sn":"1","duration_s":60,"operation":"InternalHelp","operation_description":"Initiate an internal help request by an agent.","object_kind":"EmployeeId","reason":"TwoParty","reason_description":"Indicates a two-party internal help."}}"#
            ),
            format!(
                r#"{{"file":{file:?},"line":5,"id":"3","developer_id":"dev","account_id":"acct","agent_id":"1001","service_no":"0","skill_id":"1","call_id":"-1","begin_time":"2023-09-27 08:20:00","end_time":"2023-09-27 08:19:50","op_type":21,"op_object":"1001","op_cause":3,"media_type":"5","vdn_id":"1","cc_id":"1","agent_type":"4","phone_no":"88001001","callIn_out":"-1","location_id":"0","logon_sn":"7","skillInfo_sn":"1","duration_s":-10,"operation":null,"operation_description":null,"object_kind":null,"reason":"Unlisted","reason_description":null}}"#
            ),
        ];
        assert_eq!(out.lines().collect::<Vec<_>>(), expected);
        assert_eq!(
            err,
            format!(
                "{file}:3: op_type \"Busy\" is not an integer code\n\
                 3 records decoded, 1 malformed, from 1 file (0 unreadable); 1 ends before it begins\n"
            )
        );
        assert_eq!(
            report,
            Report {
                files: 1,
                records: 3,
                malformed: 1,
                unreadable: 0,
                negative_durations: 1,
                stopped: false,
            }
        );
        assert!(!report.is_clean());
        assert_eq!(report.status(), Status::Problems);
    }

    #[test]
    fn csv_has_a_header_and_every_column() {
        let inputs = Inputs::new();
        let path = inputs.file("bills.csv", format!("{BUSY}\n{LATER}\n").as_bytes());
        let (out, err, report) = decode(&args(&[&path], Format::Csv));
        let file = path.display();
        assert_eq!(
            out,
            format!(
                "file,line,{HEADER},duration_s,operation,operation_description,object_kind,reason,reason_description\n\
                 {file},1,{BUSY},900,Busy,Busy.,,TakingRest,Indicates that an agent takes a rest.\n\
                 {file},2,{LATER},-10,,,,Unlisted,\n"
            )
        );
        assert_eq!(
            err,
            "2 records decoded, 0 malformed, from 1 file (0 unreadable); 1 ends before it begins\n"
        );
        assert!(report.is_clean());
        assert_eq!(report.status(), Status::Success);

        // No record still gives the header.
        let empty = inputs.file("empty.csv", b"");
        let (out, _, _) = decode(&args(&[&empty], Format::Csv));
        assert_eq!(out.lines().count(), 1);
        assert!(out.starts_with("file,line,id,"));
    }

    #[test]
    fn table_writes_each_record_as_a_block() {
        let inputs = Inputs::new();
        let path = inputs.file("bills.csv", format!("{HELP}\n").as_bytes());
        let (out, _, _) = decode(&args(&[&path], Format::Table));
        let expected = format!(
            "{}:1
  id                     2
  developer_id           dev
  account_id             acct
  agent_id               1002
  service_no             0
  skill_id               1
  call_id                c7
  begin_time             2023-09-27 08:15:00
  end_time               2023-09-27 08:16:00
  op_type                40
  op_object              2001
  op_cause               1
  media_type             5
  vdn_id                 1
  cc_id                  1
  agent_type             4
  phone_no               88001002
  callIn_out             1
  location_id            0
  logon_sn               8
  skillInfo_sn           1
  duration_s             60
  operation              InternalHelp
  operation_description  Initiate an internal help request by an agent.
  object_kind            EmployeeId
  reason                 TwoParty
  reason_description     Indicates a two-party internal help.

",
            path.display()
        );
        assert_eq!(out, expected);
    }

    #[test]
    fn the_summary_totals_per_operation_reason_and_agent() {
        let inputs = Inputs::new();
        let first = inputs.file(
            "first.csv",
            format!("{HEADER}\n{BUSY}\n{LATER}\n").as_bytes(),
        );
        let second = inputs.file("second.csv", format!("{HELP}\n{BUSY}\n").as_bytes());
        let mut args = args(&[&first, &second], Format::Table);
        args.summary = true;
        let (out, err, report) = decode(&args);
        assert_eq!(
            out,
            "\
group      key   name                   count  total_duration_s
operation  3     Busy                       2              1800
operation  21    unknown                    1                 0
operation  40    InternalHelp               1                60
reason     3/4   Busy/TakingRest            2              1800
reason     21/3  unknown/Unlisted           1                 0
reason     40/1  InternalHelp/TwoParty      1                60
agent      1001                             3              1800
agent      1002                             1                60
"
        );
        assert_eq!(
            err,
            "4 records decoded, 0 malformed, from 2 files (0 unreadable); 1 ends before it begins\n"
        );
        assert_eq!(report.files, 2);

        args.format = Format::Jsonl;
        let (out, _, _) = decode(&args);
        assert_eq!(
            out.lines().next(),
            Some(
                r#"{"group":"operation","key":"3","name":"Busy","count":2,"total_duration_s":1800}"#
            )
        );
        assert_eq!(out.lines().count(), 8);

        args.format = Format::Csv;
        let (out, _, _) = decode(&args);
        assert_eq!(
            out.lines().take(2).collect::<Vec<_>>(),
            [
                "group,key,name,count,total_duration_s",
                "operation,3,Busy,2,1800"
            ]
        );
        assert_eq!(out.lines().last(), Some("agent,1002,,1,60"));
    }

    #[test]
    fn an_empty_summary_still_has_its_header() {
        let inputs = Inputs::new();
        let empty = inputs.file("empty.csv", format!("{HEADER}\n").as_bytes());
        let mut args = args(&[&empty], Format::Csv);
        args.summary = true;
        assert_eq!(decode(&args).0, "group,key,name,count,total_duration_s\n");
        args.format = Format::Table;
        assert_eq!(
            decode(&args).0,
            "group  key  name  count  total_duration_s\n"
        );
        args.format = Format::Jsonl;
        assert_eq!(decode(&args).0, "");
    }

    #[test]
    fn strict_stops_at_the_first_malformed_record() {
        let inputs = Inputs::new();
        let first = inputs.file(
            "first.csv",
            format!("{BUSY}\n{BAD_TYPE}\n{HELP}\n").as_bytes(),
        );
        let second = inputs.file("second.csv", format!("{HELP}\n").as_bytes());
        let mut args = args(&[&first, &second], Format::Csv);
        args.strict = true;
        let (out, err, report) = decode(&args);
        assert_eq!(out.lines().count(), 2, "the header and the first record");
        assert_eq!(
            err,
            format!(
                "{}:2: op_type \"Busy\" is not an integer code\n\
                 1 record decoded, 1 malformed, from 1 file (0 unreadable); stopped at the first error (--strict)\n",
                first.display()
            )
        );
        assert!(report.stopped);
        assert_eq!(report.status(), Status::Problems);
    }

    #[test]
    fn unreadable_files_are_reported_and_the_others_decoded() {
        let inputs = Inputs::new();
        let missing = inputs.dir.path().join("missing.csv");
        let not_zip = inputs.file("bills.zip", format!("{BUSY}\n").as_bytes());
        let good = inputs.file("good.csv", format!("{BUSY}\n").as_bytes());
        let (out, err, report) = decode(&args(&[&missing, &not_zip, &good], Format::Jsonl));
        assert_eq!(out.lines().count(), 1);
        assert_eq!(
            err,
            format!(
                "{}: cannot open: No such file or directory (os error 2)\n\
                 {}: invalid Zip archive: Could not find EOCD\n\
                 1 record decoded, 0 malformed, from 3 files (2 unreadable)\n",
                missing.display(),
                not_zip.display()
            )
        );
        assert_eq!(report.unreadable, 2);
        assert_eq!(report.status(), Status::Problems);
    }

    #[test]
    fn zip_archives_are_read_entry_by_entry() {
        let mut zip = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for (name, content) in [
            (
                "20230927080000000123_agentOprInfo_1.csv",
                format!("{HEADER}\n{BUSY}\n"),
            ),
            (
                "20230927081500000456_agentOprInfo_2.csv",
                format!("{BAD_TYPE}\n{HELP}\n"),
            ),
        ] {
            zip.start_file(name, options).expect("start an entry");
            zip.write_all(content.as_bytes()).expect("write an entry");
        }
        let bytes = zip.finish().expect("finish the archive").into_inner();
        let inputs = Inputs::new();
        let path = inputs.file("download.zip", &bytes);
        let (out, err, report) = decode(&args(&[&path], Format::Csv));
        let file = path.display();
        let lines: Vec<_> = out
            .lines()
            .skip(1)
            .map(|line| line.split(',').take(4).collect::<Vec<_>>().join(","))
            .collect();
        assert_eq!(
            lines,
            [
                format!("{file}/20230927080000000123_agentOprInfo_1.csv,2,1,dev"),
                format!("{file}/20230927081500000456_agentOprInfo_2.csv,2,2,dev"),
            ]
        );
        assert_eq!(
            err,
            format!(
                "{file}/20230927081500000456_agentOprInfo_2.csv:1: op_type \"Busy\" is not an integer code\n\
                 2 records decoded, 1 malformed, from 1 file (0 unreadable)\n"
            )
        );
        assert_eq!(report.malformed, 1);
    }

    #[test]
    fn large_files_stream_through() {
        let inputs = Inputs::new();
        let generator = SyntheticBills::new().malformed_every(100);
        let path = inputs.file("large.csv", &generator.to_bytes(5_000));
        let (out, err, report) = decode(&args(&[&path], Format::Jsonl));
        assert_eq!(out.lines().count(), 4_950);
        assert_eq!(err.lines().count(), 51);
        assert_eq!(report.records, 4_950);
        assert_eq!(report.malformed, 50);
        // Every line is a JSON object with every column.
        for line in out.lines().take(200) {
            let object: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(line).expect("a JSON object");
            assert_eq!(object.len(), ANNOTATED);
        }
    }

    #[test]
    fn run_writes_what_decoding_writes() {
        let inputs = Inputs::new();
        let path = inputs.file("bills.csv", format!("{BUSY}\n{BAD_TYPE}\n").as_bytes());
        let args = args(&[&path], Format::Jsonl);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let report = run(&args, &mut out, &mut err).expect("writing to memory cannot fail");
        let (expected_out, expected_err, expected_report) = decode(&args);
        assert_eq!(String::from_utf8(out).unwrap(), expected_out);
        assert_eq!(String::from_utf8(err).unwrap(), expected_err);
        assert_eq!(report, expected_report);
    }

    #[test]
    fn the_closing_line_counts_in_words() {
        let report = Report {
            files: 1,
            records: 1,
            malformed: 0,
            unreadable: 0,
            negative_durations: 2,
            stopped: false,
        };
        assert_eq!(
            report.to_string(),
            "1 record decoded, 0 malformed, from 1 file (0 unreadable); 2 end before they begin"
        );
        assert_eq!(
            Report::default().to_string(),
            "0 records decoded, 0 malformed, from 0 files (0 unreadable)"
        );
        assert!(Report::default().is_clean());
    }

    #[test]
    fn the_annotated_columns_are_named_once() {
        assert_eq!(column_names().count(), ANNOTATED);
        let mut names: Vec<_> = column_names().collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ANNOTATED);
    }

    #[test]
    fn arguments_parse_as_documented() {
        use clap::Parser;

        #[derive(Debug, clap::Parser)]
        struct Cli {
            #[command(flatten)]
            decode: DecodeArgs,
        }

        let cli = Cli::try_parse_from([
            "codes",
            "a.csv",
            "b.zip",
            "--format",
            "table",
            "--summary",
            "--strict",
        ])
        .expect("valid arguments");
        assert_eq!(
            cli.decode.files,
            [PathBuf::from("a.csv"), PathBuf::from("b.zip")]
        );
        assert_eq!(cli.decode.format, Format::Table);
        assert!(cli.decode.summary && cli.decode.strict);
        let defaults = Cli::try_parse_from(["codes", "a.csv"]).expect("valid arguments");
        assert_eq!(defaults.decode.format, Format::Jsonl);
        assert!(!defaults.decode.summary && !defaults.decode.strict);
        let error = Cli::try_parse_from(["codes"]).expect_err("a file is required");
        assert_eq!(
            error.kind(),
            clap::error::ErrorKind::MissingRequiredArgument
        );
        let error =
            Cli::try_parse_from(["codes", "a.csv", "--format", "xml"]).expect_err("no such format");
        assert_eq!(error.kind(), clap::error::ErrorKind::InvalidValue);
    }
}
