//! `codes decode PATH... [--format jsonl|csv|table] [--summary [--group
//! GROUP]...] [--strict] [--jobs N] [--encoding utf-8|gbk|gb18030|auto]
//! [--lang en|zh]`: annotates `agentOprInfo` bill files with what their
//! codes mean.
//!
//! Every record is written with all its columns plus its duration and the
//! decoded codes: the operation's name, description, object kind, reason
//! name and description, and the names and descriptions of its media type,
//! agent type and call direction, in the language of `--lang`
//! ([`Annotated`]). With `--summary`, counts and total durations per
//! operation type, per reason, per media type and per agent are written
//! instead ([`Summary`]), or of the `--group`s asked for. Records stream through: memory holds a record
//! per thread and the parts of the output not written yet (and, for
//! `--summary`, one total per key).
//!
//! A malformed record goes to the error stream as `FILE:LINE: what is
//! wrong` and decoding goes on (`--strict` stops there); a closing line on
//! the error stream counts them, and the [`Counts`] say whether any record
//! or file was bad. A zip archive from the vendor's download API is read
//! entry by entry, its records named `ARCHIVE/ENTRY:LINE`; a directory is
//! walked for `*.csv` and `*.zip` files in order of their names. Files and
//! archive entries are decoded on `--jobs` threads (all the cores unless
//! told), and the output is the same, byte for byte, whatever their
//! number. Reading, the annotations, the counting, the threads and the
//! summary are `cec-bills`'s ([`BillFiles`]); this command chooses the
//! error policy, the encoding and the output format ([`FormattedRows`],
//! [`RowWriter`]).

use std::fmt;
use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use cec_bills::{
    Annotated, BillFiles, Column, Counts, Encoding, ErrorPolicy, Group, Item, Summary, SummaryRow,
};
use cec_codes::Lang;
use indicatif::{ProgressBar, ProgressStyle};

use crate::io::{Failure, Status};
use crate::lang::LangArgs;
use crate::output::{Format, FormattedRows, RowWriter, TableLayout, csv_writer, edit_csv_bytes};

/// Annotates `agentOprInfo` bill files with what their codes mean: every
/// record with its operation, object kind, reason, media type, agent type
/// and call direction decoded, or with `--summary` counts and total
/// durations per operation, reason, media type and agent.
#[derive(Debug, Clone, clap::Args)]
pub struct DecodeArgs {
    /// Bill files (`*_agentOprInfo_*.csv`, with or without a header line),
    /// zip archives of them as the download API returns them (`*.zip`), or
    /// directories holding either (walked, in order of names).
    #[arg(required = true, value_name = "PATH")]
    pub files: Vec<PathBuf>,
    /// How to write the records (or the summary).
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write counts and total durations per operation type, per reason, per
    /// media type and per agent instead of the records.
    #[arg(long)]
    pub summary: bool,
    /// With `--summary`, only these groups [default: all of them]; may be
    /// given more than once.
    #[arg(long = "group", value_enum, value_name = "GROUP", requires = "summary")]
    pub groups: Vec<GroupArg>,
    /// With `--format csv`: write each valid record's 21 columns as the
    /// file has them (a header line first), not annotated: the rows to load
    /// into a database, without the malformed ones.
    #[arg(long, conflicts_with = "summary")]
    pub raw: bool,
    /// Stop at the first malformed record or unreadable file (the first in
    /// input order, however many jobs).
    #[arg(long)]
    pub strict: bool,
    /// Decode on N threads [default: the cores available]; the output is
    /// the same whatever N.
    #[arg(long, value_name = "N", value_parser = super::number::<NonZeroUsize>("a number of threads, 1 or more"))]
    pub jobs: Option<NonZeroUsize>,
    /// The text encoding of the bill files; `auto` finds it per file (a
    /// byte order mark, else UTF-8, else GB18030) and says which on the
    /// error stream.
    #[arg(long, value_enum, default_value_t = EncodingArg::Utf8)]
    pub encoding: EncodingArg,
    #[command(flatten)]
    pub lang: LangArgs,
}

/// `--group`: the groups of a [`Summary`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupArg {
    /// Per operation type (`op_type`).
    Operation,
    /// Per reason (`op_type` and `op_cause`).
    Reason,
    /// Per media type (`media_type`).
    #[value(name = "media-type", alias = "media_type")]
    MediaType,
    /// Per agent (`agent_id`).
    Agent,
}

impl From<GroupArg> for Group {
    fn from(group: GroupArg) -> Self {
        match group {
            GroupArg::Operation => Group::Operation,
            GroupArg::Reason => Group::Reason,
            GroupArg::MediaType => Group::MediaType,
            GroupArg::Agent => Group::Agent,
        }
    }
}

/// `--encoding`: the encodings of [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EncodingArg {
    /// UTF-8 (ASCII too).
    #[value(name = "utf-8")]
    Utf8,
    /// GBK (decoded as GB18030, its superset).
    Gbk,
    /// GB18030.
    Gb18030,
    /// A byte order mark, else UTF-8, else GB18030, per file.
    Auto,
}

impl From<EncodingArg> for Encoding {
    fn from(encoding: EncodingArg) -> Self {
        match encoding {
            EncodingArg::Utf8 => Encoding::Utf8,
            EncodingArg::Gbk => Encoding::Gbk,
            EncodingArg::Gb18030 => Encoding::Gb18030,
            EncodingArg::Auto => Encoding::Auto,
        }
    }
}

/// The exit status of a run that met `counts`: success when clean,
/// problems when any record or file was bad.
pub fn status(counts: &Counts) -> Status {
    match counts.is_clean() {
        true => Status::Success,
        false => Status::Problems,
    }
}

/// The closing line of a run on the error stream: what it met.
struct ClosingLine<'a>(&'a Counts);

impl fmt::Display for ClosingLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counts = self.0;
        let plural = |count: u64, one, many| if count == 1 { one } else { many };
        write!(
            f,
            "{} {} decoded, {} malformed, from {} {} ({} unreadable)",
            counts.records,
            plural(counts.records, "record", "records"),
            counts.malformed,
            counts.files,
            plural(counts.files, "file", "files"),
            counts.unreadable
        )?;
        if counts.negative_durations > 0 {
            let ends = plural(
                counts.negative_durations,
                "ends before it begins",
                "end before they begin",
            );
            write!(f, "; {} {ends}", counts.negative_durations)?;
        }
        if counts.stopped {
            f.write_str("; stopped at the first error (--strict)")?;
        }
        Ok(())
    }
}

/// `codes decode` on the process's stdout and stderr. When the reader of
/// stdout goes away (a closed pipe: `codes decode … | head`), the reading
/// stops at the next part and the command exits with status 0, saying
/// nothing more: the rest of the input would be decoded for nobody, and
/// what was not read is not judged. A closed stderr only loses the talk.
pub fn command(args: &DecodeArgs) -> Result<Status, Failure> {
    // Archives are read by seeking, and files on several threads: bills
    // come from files, not from a stream.
    if args.raw && args.format != Format::Csv {
        return Err(Failure(
            "--raw writes the records as CSV: give it with --format csv".to_string(),
        ));
    }
    if args.files.iter().any(|path| crate::io::is_stdin(path)) {
        return Err(Failure(
            "decode reads bill files, zip archives and directories, not standard input (`-`): \
             save the input to a file and give its path"
                .to_string(),
        ));
    }
    // A directory that holds no bill file is a mistaken path, not an
    // empty input.
    if let Some(empty) = args
        .files
        .iter()
        .find(|path| path.is_dir() && BillFiles::new([path]).files().next().is_none())
    {
        return Err(Failure(format!(
            "{}: no bill file in this directory (*.csv or *.zip, subdirectories included)",
            empty.display()
        )));
    }
    match run(
        args,
        &mut crate::io::stdout_until_closed(),
        &mut crate::io::stderr(),
    ) {
        Ok(counts) => Ok(status(&counts)),
        Err(error) if crate::io::reader_gone(&error) => Ok(Status::Success),
        Err(error) => Err(Failure(format!("cannot write the output: {error}"))),
    }
}

/// Runs `codes decode`: records (or the summary) to `out`, malformed
/// records and the closing count to `err`, and a progress bar on the
/// process's standard error when it is a terminal.
///
/// Bad input never makes this fail: it is reported on `err` and counted in
/// the [`Counts`]. Only failing to write `out` or `err` is an `Err`.
pub fn run(args: &DecodeArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Counts> {
    let progress = if io::stderr().is_terminal() {
        let files = BillFiles::new(&args.files);
        let total = files
            .files()
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
    let counts = decode_files(args, out, err, &progress);
    progress.finish_and_clear();
    counts
}

/// A part of the output, made on the thread that read its records: the
/// records formatted (or, for `--summary`, totalled) and what the error
/// stream says of them. Handed on, it is emptied and used again.
struct Part {
    rows: Option<FormattedRows>,
    /// With `--raw`, the records' columns as CSV.
    raw: Option<csv::Writer<Vec<u8>>>,
    summary: Summary,
    talk: Vec<u8>,
    lang: Lang,
}

impl Part {
    fn new(args: &DecodeArgs) -> Self {
        // File and line make the heading of a record's block.
        let rows = (!args.summary && !args.raw)
            .then(|| FormattedRows::new(args.format, 2, &Annotated::COLUMNS));
        let raw = args.raw.then(|| csv_writer(Vec::new()));
        Self {
            rows,
            raw,
            summary: Summary::new(),
            talk: Vec::new(),
            lang: args.lang.lang(),
        }
    }

    /// Writes what the error stream says of the part's records, around
    /// the progress bar, and forgets it.
    fn tell(&mut self, err: &mut dyn Write, progress: &ProgressBar) -> io::Result<()> {
        progress.suspend(|| err.write_all(&self.talk))?;
        self.talk.clear();
        Ok(())
    }

    fn add(&mut self, item: Item<'_>) -> io::Result<()> {
        match item {
            Item::Record(record) => match (&mut self.rows, &mut self.raw) {
                (Some(rows), _) => rows.write(&record.in_lang(self.lang)),
                (None, Some(raw)) => raw
                    .write_record(record.record().texts())
                    .map_err(io::Error::from),
                (None, None) => {
                    self.summary.add(record.record());
                    Ok(())
                }
            },
            Item::Problem(error) => writeln!(self.talk, "{error}"),
            Item::Decoded { location, encoding } => {
                writeln!(self.talk, "{location}: decoded as {encoding}")
            }
            other => writeln!(self.talk, "{other:?}"),
        }
    }
}

/// Items in a part of `--summary`: its totals stay small whatever it
/// holds, so that parts of a whole piece of a large file are merged less
/// often on the thread that writes.
const SUMMARY_PART_ITEMS: NonZeroUsize = NonZeroUsize::new(16 * 1024).unwrap();

/// [`run`] with the progress bar given.
fn decode_files(
    args: &DecodeArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    progress: &ProgressBar,
) -> io::Result<Counts> {
    let policy = match args.strict {
        true => ErrorPolicy::Stop,
        false => ErrorPolicy::Continue,
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN));
    // Shared by the threads: `Fn`, not `FnMut`.
    let wrap = |path: &Path, file: File| {
        progress.set_message(path.display().to_string());
        progress.wrap_read(file)
    };
    let mut files = BillFiles::new(&args.files)
        .policy(policy)
        .encoding(args.encoding.into());
    files = match args.summary {
        true => files.part_items(SUMMARY_PART_ITEMS),
        // Records as text are several times their bytes in the file: cut
        // what is over a piece, so that a file's output does not wait
        // whole for the file before it.
        false => files.whole_pieces(1),
    };
    let files = files.wrap(wrap);
    let part = || Part::new(args);
    let counts = if args.summary {
        let mut summary = Summary::new();
        let counts = files.read_parallel(jobs, part, Part::add, |part| {
            summary.merge_from(&mut part.summary);
            part.tell(err, progress)
        })?;
        let table = TableLayout::Aligned;
        let mut writer = RowWriter::new(args.format, table, &SummaryRow::COLUMNS, out)?;
        let groups: Vec<Group> = args.groups.iter().map(|&group| group.into()).collect();
        for row in summary.rows() {
            if groups.is_empty() || groups.contains(&row.group) {
                writer.write(&row)?;
            }
        }
        writer.finish()?;
        counts
    } else if args.raw {
        let mut header = csv_writer(Vec::new());
        header.write_record(Column::ALL.map(Column::name))?;
        edit_csv_bytes(&mut header, |bytes| out.write_all(bytes))?;
        let counts = files.read_parallel(jobs, part, Part::add, |part| {
            if let Some(raw) = &mut part.raw {
                // The part's bytes, written, and its buffer used again.
                edit_csv_bytes(raw, |bytes| {
                    out.write_all(bytes)?;
                    bytes.clear();
                    Ok(())
                })?;
            }
            part.tell(err, progress)
        })?;
        out.flush()?;
        counts
    } else {
        let table = TableLayout::Blocks { heading: 2 };
        let mut writer = RowWriter::new(args.format, table, &Annotated::COLUMNS, out)?;
        let counts = files.read_parallel(jobs, part, Part::add, |part| {
            if let Some(rows) = &mut part.rows {
                writer.write_formatted(rows)?;
            }
            part.tell(err, progress)
        })?;
        writer.finish()?;
        counts
    };
    progress.suspend(|| writeln!(err, "{}", ClosingLine(&counts)))?;
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    use cec_bills::synthetic::SyntheticBills;

    const HEADER: &str = "id,developer_id,account_id,agent_id,service_no,skill_id,call_id,begin_time,end_time,op_type,op_object,op_cause,media_type,vdn_id,cc_id,agent_type,phone_no,callIn_out,location_id,logon_sn,skillInfo_sn";
    /// Agent 1001 rests for 15 minutes.
    const BUSY: &str = "1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1";
    /// Agent 1002 asks employee 2001 for help for a minute.
    /// An inbound call.
    const HELP: &str = "2,dev,acct,1002,0,1,c7,2023-09-27 08:15:00,2023-09-27 08:16:00,40,2001,1,5,1,1,4,88001002,呼入,0,8,1";
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
            raw: false,
            strict: false,
            jobs: None,
            encoding: EncodingArg::Utf8,
            groups: Vec::new(),
            lang: LangArgs {
                lang: crate::lang::LangChoice::En,
            },
        }
    }

    /// Runs with no progress bar: (stdout, stderr, counts).
    fn decode(args: &DecodeArgs) -> (String, String, Counts) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let report = decode_files(args, &mut out, &mut err, &ProgressBar::hidden())
            .expect("writing to memory cannot fail");
        let text = |bytes| String::from_utf8(bytes).expect("output is UTF-8");
        (text(out), text(err), report)
    }

    #[test]
    fn summary_groups_are_written_as_group_takes_them() {
        use clap::ValueEnum;
        for group in GroupArg::value_variants() {
            let typed = group.to_possible_value().expect("every group can be typed");
            assert_eq!(Group::from(*group).name(), typed.get_name());
        }
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
                r#"{{"file":{file:?},"line":2,"id":"1","developer_id":"dev","account_id":"acct","agent_id":"1001","service_no":"0","skill_id":"1","call_id":"-1","begin_time":"2023-09-27 08:00:00","end_time":"2023-09-27 08:15:00","op_type":3,"op_object":"-1","op_cause":4,"media_type":"5","vdn_id":"1","cc_id":"1","agent_type":"4","phone_no":"88001001","callIn_out":"-1","location_id":"0","logon_sn":"7","skillInfo_sn":"1","duration_s":900,"operation":"Busy","operation_description":"Busy.","object_kind":null,"reason":"TakingRest","reason_description":"Indicates that an agent takes a rest.","media_type_name":"VoiceCall","media_type_description":"Common voice call","agent_type_name":"PcPhone","agent_type_description":"PC+Phone agent","call_direction_name":null}}"#
            ),
            format!(
                r#"{{"file":{file:?},"line":4,"id":"2","developer_id":"dev","account_id":"acct","agent_id":"1002","service_no":"0","skill_id":"1","call_id":"c7","begin_time":"2023-09-27 08:15:00","end_time":"2023-09-27 08:16:00","op_type":40,"op_object":"2001","op_cause":1,"media_type":"5","vdn_id":"1","cc_id":"1","agent_type":"4","phone_no":"88001002","callIn_out":"呼入","location_id":"0","logon_sn":"8","skillInfo_sn":"1","duration_s":60,"operation":"InternalHelp","operation_description":"Initiate an internal help request by an agent.","object_kind":"EmployeeId","reason":"TwoParty","reason_description":"Indicates a two-party internal help.","media_type_name":"VoiceCall","media_type_description":"Common voice call","agent_type_name":"PcPhone","agent_type_description":"PC+Phone agent","call_direction_name":"Inbound"}}"#
            ),
            format!(
                r#"{{"file":{file:?},"line":5,"id":"3","developer_id":"dev","account_id":"acct","agent_id":"1001","service_no":"0","skill_id":"1","call_id":"-1","begin_time":"2023-09-27 08:20:00","end_time":"2023-09-27 08:19:50","op_type":21,"op_object":"1001","op_cause":3,"media_type":"5","vdn_id":"1","cc_id":"1","agent_type":"4","phone_no":"88001001","callIn_out":"-1","location_id":"0","logon_sn":"7","skillInfo_sn":"1","duration_s":-10,"operation":null,"operation_description":null,"object_kind":null,"reason":"Unlisted","reason_description":null,"media_type_name":"VoiceCall","media_type_description":"Common voice call","agent_type_name":"PcPhone","agent_type_description":"PC+Phone agent","call_direction_name":null}}"#
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
            Counts {
                files: 1,
                records: 3,
                malformed: 1,
                unreadable: 0,
                negative_durations: 1,
                stopped: false,
            }
        );
        assert!(!report.is_clean());
        assert_eq!(status(&report), Status::Problems);
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
                "file,line,{HEADER},duration_s,operation,operation_description,object_kind,reason,reason_description,\
                 media_type_name,media_type_description,agent_type_name,agent_type_description,call_direction_name\n\
                 {file},1,{BUSY},900,Busy,Busy.,,TakingRest,Indicates that an agent takes a rest.,\
                 VoiceCall,Common voice call,PcPhone,PC+Phone agent,\n\
                 {file},2,{LATER},-10,,,,Unlisted,,VoiceCall,Common voice call,PcPhone,PC+Phone agent,\n"
            )
        );
        assert_eq!(
            err,
            "2 records decoded, 0 malformed, from 1 file (0 unreadable); 1 ends before it begins\n"
        );
        assert!(report.is_clean());
        assert_eq!(status(&report), Status::Success);

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
  id                      2
  developer_id            dev
  account_id              acct
  agent_id                1002
  service_no              0
  skill_id                1
  call_id                 c7
  begin_time              2023-09-27 08:15:00
  end_time                2023-09-27 08:16:00
  op_type                 40
  op_object               2001
  op_cause                1
  media_type              5
  vdn_id                  1
  cc_id                   1
  agent_type              4
  phone_no                88001002
  callIn_out              呼入
  location_id             0
  logon_sn                8
  skillInfo_sn            1
  duration_s              60
  operation               InternalHelp
  operation_description   Initiate an internal help request by an agent.
  object_kind             EmployeeId
  reason                  TwoParty
  reason_description      Indicates a two-party internal help.
  media_type_name         VoiceCall
  media_type_description  Common voice call
  agent_type_name         PcPhone
  agent_type_description  PC+Phone agent
  call_direction_name     Inbound

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
group       key   name                   count  total_duration_s
operation   3     Busy                       2              1800
operation   21    unknown                    1                 0
operation   40    InternalHelp               1                60
reason      3/4   Busy/TakingRest            2              1800
reason      21/3  unknown/Unlisted           1                 0
reason      40/1  InternalHelp/TwoParty      1                60
media-type  5     VoiceCall                  4              1860
agent       1001                             3              1800
agent       1002                             1                60
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
        assert_eq!(out.lines().count(), 9);

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

        // Only the groups asked for, in the summary's order.
        args.groups = vec![GroupArg::Agent, GroupArg::MediaType];
        let (out, _, _) = decode(&args);
        assert_eq!(
            out,
            "group,key,name,count,total_duration_s\n\
             media-type,5,VoiceCall,4,1860\n\
             agent,1001,,3,1800\n\
             agent,1002,,1,60\n"
        );
    }

    #[test]
    fn records_are_annotated_in_the_language_asked_for() {
        let inputs = Inputs::new();
        let path = inputs.file("bills.csv", format!("{HELP}\n").as_bytes());
        let mut args = args(&[&path], Format::Jsonl);
        args.lang = LangArgs {
            lang: crate::lang::LangChoice::Zh,
        };
        let (out, _, _) = decode(&args);
        let record: serde_json::Value = serde_json::from_str(out.trim_end()).unwrap();
        assert_eq!(record["operation"], "InternalHelp");
        assert_eq!(record["operation_description"], "座席发起内部求助。");
        assert_eq!(record["reason_description"], "两方人工求助");
        // The media types from their Chinese page (cec_07_4247).
        assert_eq!(record["media_type_description"], "普通语音电话");
        assert_eq!(record["call_direction_name"], "Inbound");
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
        assert_eq!(status(&report), Status::Problems);
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
        assert_eq!(status(&report), Status::Problems);
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
            assert_eq!(object.len(), Annotated::COLUMNS.len());
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
        let report = Counts {
            files: 1,
            records: 1,
            malformed: 0,
            unreadable: 0,
            negative_durations: 2,
            stopped: false,
        };
        assert_eq!(
            ClosingLine(&report).to_string(),
            "1 record decoded, 0 malformed, from 1 file (0 unreadable); 2 end before they begin"
        );
        assert_eq!(
            ClosingLine(&Counts::default()).to_string(),
            "0 records decoded, 0 malformed, from 0 files (0 unreadable)"
        );
        assert!(Counts::default().is_clean());
    }

    #[test]
    fn the_annotated_columns_are_named_once() {
        let mut names = Annotated::COLUMNS.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Annotated::COLUMNS.len());
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
        assert_eq!(defaults.decode.jobs, None);
        assert_eq!(defaults.decode.encoding, EncodingArg::Utf8);
        for (value, encoding) in [
            ("utf-8", Encoding::Utf8),
            ("gbk", Encoding::Gbk),
            ("gb18030", Encoding::Gb18030),
            ("auto", Encoding::Auto),
        ] {
            let cli = Cli::try_parse_from(["codes", "dir", "--jobs", "3", "--encoding", value])
                .expect("valid arguments");
            assert_eq!(cli.decode.jobs, NonZeroUsize::new(3));
            assert_eq!(Encoding::from(cli.decode.encoding), encoding);
        }
        let error = Cli::try_parse_from(["codes", "a.csv", "--encoding", "latin1"])
            .expect_err("no such encoding");
        assert_eq!(error.kind(), clap::error::ErrorKind::InvalidValue);
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
