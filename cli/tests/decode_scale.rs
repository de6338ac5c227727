//! `codes decode` at scale: many files, directories and archive members on
//! several threads, with output identical to one thread's; and bill files
//! in GBK and GB18030.

mod support;

use std::io::Write;
use std::path::Path;

use cec_bills::synthetic::SyntheticBills;
use cec_bills::{BillFiles, ErrorPolicy};
use support::{Run, codes_in, scratch};

/// A zip archive of `members`, deflated.
fn zip_of(members: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in members {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Inputs of every kind in `dir`: plain files with malformed rows, a
/// directory with a subdirectory, a zip archive of several members one of
/// which is corrupt, a file that is missing. Gives the arguments naming
/// them.
fn inputs(dir: &Path) -> Vec<&'static str> {
    let generator = SyntheticBills::new().malformed_every(41);
    let bare = SyntheticBills::new().header(false).malformed_every(13);
    std::fs::create_dir_all(dir.join("bills/2023/09")).unwrap();
    std::fs::write(dir.join("first.csv"), generator.to_bytes(2_000)).unwrap();
    std::fs::write(dir.join("bills/b.csv"), bare.to_bytes(700)).unwrap();
    std::fs::write(dir.join("bills/a.csv"), generator.to_bytes(900)).unwrap();
    std::fs::write(dir.join("bills/readme.txt"), "not a bill file").unwrap();
    std::fs::write(dir.join("bills/2023/09/c.csv"), bare.to_bytes(40)).unwrap();
    // The second member's deflate stream is damaged two thirds in.
    let members: Vec<(&str, Vec<u8>)> = vec![
        ("m1_agentOprInfo_1.csv", generator.to_bytes(600)),
        ("m2_agentOprInfo_2.csv", generator.to_bytes(3_000)),
        ("notes.txt", b"not a bill file".to_vec()),
        ("m3_agentOprInfo_3.csv", bare.to_bytes(300)),
        ("m4_agentOprInfo_4.csv", generator.to_bytes(0)),
    ];
    let mut zip = zip_of(&members);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&zip)).unwrap();
    let second = archive.by_index(1).unwrap();
    let start = second.data_start().unwrap() + second.compressed_size() * 2 / 3;
    let middle = usize::try_from(start).unwrap();
    drop(second);
    drop(archive);
    for byte in &mut zip[middle..middle + 32] {
        *byte = !*byte;
    }
    std::fs::write(dir.join("bills/2023/download.zip"), zip).unwrap();
    std::fs::write(dir.join("last.csv"), generator.to_bytes(90)).unwrap();
    vec!["first.csv", "bills", "missing.csv", "last.csv"]
}

/// The closing line of `codes decode` over `inputs` in `dir`, from the
/// counts of the library it is made of: the synthetic files hold codes of
/// the spec, so where the damaged member stops depends on the spec.
fn what_the_library_counts(dir: &Path, inputs: &[&str]) -> String {
    let paths: Vec<std::path::PathBuf> = inputs.iter().map(|input| dir.join(input)).collect();
    let Ok(counts) = BillFiles::new(paths)
        .policy(ErrorPolicy::Continue)
        .read(|_| Ok::<_, std::convert::Infallible>(()));
    assert_eq!(
        counts.unreadable, 2,
        "the missing file and the damaged member"
    );
    let mut line = format!(
        "{} records decoded, {} malformed, from {} files ({} unreadable)",
        counts.records, counts.malformed, counts.files, counts.unreadable
    );
    if counts.negative_durations > 0 {
        line += &format!("; {} ends before it begins", counts.negative_durations);
    }
    line
}

/// Runs `codes decode` in `dir` with `args` and the inputs, with `--jobs`
/// `jobs` (the default for `None`).
fn decode(dir: &Path, inputs: &[&str], args: &[&str], jobs: Option<&str>) -> Run {
    let mut all = vec!["decode"];
    all.extend(inputs);
    all.extend(args);
    if let Some(jobs) = jobs {
        all.extend(["--jobs", jobs]);
    }
    codes_in(dir, &all)
}

#[test]
fn any_number_of_jobs_writes_the_same_bytes_as_one() {
    let dir = scratch("decode-jobs");
    let inputs = inputs(&dir);
    for args in [
        &["--format", "jsonl"][..],
        &["--format", "csv"],
        &["--format", "table"],
        &["--summary", "--format", "csv"],
        &["--summary", "--format", "table"],
        &["--strict"],
        &["--strict", "--summary"],
        &["--encoding", "auto", "--format", "csv"],
    ] {
        let serial = decode(&dir, &inputs, args, Some("1"));
        for jobs in [Some("2"), Some("3"), None] {
            let parallel = decode(&dir, &inputs, args, jobs);
            assert_eq!(parallel.code, serial.code, "{args:?} {jobs:?}");
            assert!(
                parallel.stdout == serial.stdout,
                "{args:?} {jobs:?}: stdout differs"
            );
            assert_eq!(parallel.stderr, serial.stderr, "{args:?} {jobs:?}");
        }
    }
}

#[test]
fn every_problem_is_reported_in_input_order_and_a_corrupt_member_stops_nothing_else() {
    let dir = scratch("decode-problems");
    let inputs = inputs(&dir);
    let run = decode(&dir, &inputs, &["--format", "csv"], Some("2"));
    assert_eq!(run.code, 1);
    let talk: Vec<&str> = run.stderr.lines().collect();
    // Each file's problems come in the order of the files and the lines.
    let files: Vec<&str> = talk
        .iter()
        .map(|line| line.split(':').next().unwrap())
        .fold(Vec::new(), |mut files, file| {
            if files.last() != Some(&file) {
                files.push(file);
            }
            files
        });
    assert_eq!(
        files,
        [
            "first.csv",
            "bills/2023/09/c.csv",
            "bills/2023/download.zip/m1_agentOprInfo_1.csv",
            "bills/2023/download.zip/m2_agentOprInfo_2.csv",
            "bills/2023/download.zip/m3_agentOprInfo_3.csv",
            "bills/a.csv",
            "bills/b.csv",
            "missing.csv",
            "last.csv",
            &what_the_library_counts(&dir, &inputs),
        ]
    );
    assert!(
        talk.iter().any(
            |line| line.starts_with("bills/2023/download.zip/m2_agentOprInfo_2.csv:")
                && line.contains(": cannot read: ")
        ),
        "{talk:?}"
    );
    assert!(talk.contains(&"first.csv:42: expected 21 columns, found 20"));
    assert!(
        talk.iter()
            .any(|line| line.starts_with("missing.csv: cannot open: ")),
        "{talk:?}"
    );
    // The members after the corrupt one, and the files after the archive,
    // are decoded: every record is a line of its own.
    let records = |file: &str| {
        run.stdout
            .lines()
            .filter(|line| line.starts_with(&format!("{file},")))
            .count()
    };
    assert_eq!(
        records("bills/2023/download.zip/m3_agentOprInfo_3.csv"),
        277
    );
    assert_eq!(records("bills/a.csv"), 900 - 900 / 41);
    assert_eq!(records("last.csv"), 90 - 2);

    // --strict stops at the first problem in input order, whatever the jobs.
    let strict = decode(&dir, &inputs, &["--strict"], None);
    assert_eq!(strict.code, 1);
    assert_eq!(
        strict.stderr,
        "first.csv:42: expected 21 columns, found 20\n\
         40 records decoded, 1 malformed, from 1 file (0 unreadable); stopped at the first error (--strict)\n"
    );
    assert_eq!(strict.stdout.lines().count(), 40);
}

#[test]
fn jobs_must_be_a_positive_number() {
    let dir = scratch("decode-jobs-zero");
    std::fs::write(dir.join("bill.csv"), "").unwrap();
    for jobs in ["0", "-1", "two", ""] {
        let run = codes_in(&dir, &["decode", "bill.csv", &format!("--jobs={jobs}")]);
        assert_eq!(run.code, 2);
        assert_eq!(
            run.stderr.lines().next(),
            Some(
                format!(
                    "error: invalid value '{jobs}' for '--jobs <N>': \
                     expected a number of threads, 1 or more"
                )
                .as_str()
            ),
            "{}",
            run.stderr
        );
    }
}

/// A bill record whose `callIn_out` is `direction`.
fn record(id: u32, direction: &str) -> String {
    format!(
        "{id},dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,{direction},0,7,1\n"
    )
}

/// The text of `records` with a header, in `encoding`.
fn encoded(encoding: &'static encoding_rs::Encoding, records: &[String]) -> Vec<u8> {
    let header = "id,developer_id,account_id,agent_id,service_no,skill_id,call_id,begin_time,end_time,op_type,op_object,op_cause,media_type,vdn_id,cc_id,agent_type,phone_no,callIn_out,location_id,logon_sn,skillInfo_sn\n";
    let text = format!("{header}{}", records.concat());
    let (bytes, _, unmappable) = encoding.encode(&text);
    assert!(!unmappable);
    bytes.into_owned()
}

/// The `callIn_out` of every record `codes decode` wrote as JSON lines.
fn directions(run: &Run) -> Vec<String> {
    run.stdout
        .lines()
        .map(|line| {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            row["callIn_out"].as_str().unwrap().to_owned()
        })
        .collect()
}

#[test]
fn gbk_and_gb18030_files_decode_in_their_encoding_or_found_out() {
    let dir = scratch("decode-encodings");
    let chinese = ["呼入", "呼出", "IVR呼出", "outbound呼出"];
    let records: Vec<String> = (1..)
        .zip(["-1", "1"].into_iter().chain(chinese))
        .map(|(id, direction)| record(id, direction))
        .collect();
    std::fs::write(dir.join("gbk.csv"), encoded(encoding_rs::GBK, &records)).unwrap();
    std::fs::write(
        dir.join("gb18030.csv"),
        encoded(encoding_rs::GB18030, &records),
    )
    .unwrap();
    std::fs::write(dir.join("utf8.csv"), encoded(encoding_rs::UTF_8, &records)).unwrap();
    let expected = ["-1", "1", "呼入", "呼出", "IVR呼出", "outbound呼出"];

    for (file, encoding) in [("gbk.csv", "gbk"), ("gb18030.csv", "gb18030")] {
        let run = codes_in(&dir, &["decode", file, "--encoding", encoding]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(directions(&run), expected, "{file}");
        assert_eq!(
            run.stderr,
            "6 records decoded, 0 malformed, from 1 file (0 unreadable)\n"
        );
    }

    // Found out per file, and said once per file.
    let run = codes_in(
        &dir,
        &[
            "decode",
            "utf8.csv",
            "gbk.csv",
            "gb18030.csv",
            "--encoding",
            "auto",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(directions(&run), expected.repeat(3));
    assert_eq!(
        run.stderr,
        "utf8.csv: decoded as UTF-8\n\
         gbk.csv: decoded as GB18030\n\
         gb18030.csv: decoded as GB18030\n\
         18 records decoded, 0 malformed, from 3 files (0 unreadable)\n"
    );

    // In the wrong encoding, the rows with Chinese are reported, by line.
    let run = codes_in(&dir, &["decode", "gbk.csv"]);
    assert_eq!(run.code, 1);
    assert_eq!(directions(&run), ["-1", "1"]);
    assert_eq!(
        run.stderr,
        "gbk.csv:4: callIn_out is not valid UTF-8\n\
         gbk.csv:5: callIn_out is not valid UTF-8\n\
         gbk.csv:6: callIn_out is not valid UTF-8\n\
         gbk.csv:7: callIn_out is not valid UTF-8\n\
         2 records decoded, 4 malformed, from 1 file (0 unreadable)\n"
    );
    // A byte no GB18030 text has, in a file read as GBK.
    let mut broken = encoded(encoding_rs::GBK, &records);
    let at = broken.len() - 12;
    broken.insert(at, 0xff);
    std::fs::write(dir.join("broken.csv"), broken).unwrap();
    let run = codes_in(&dir, &["decode", "broken.csv", "--encoding", "gbk"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "broken.csv:7: callIn_out is not valid GBK\n\
         5 records decoded, 1 malformed, from 1 file (0 unreadable)\n"
    );
}

#[test]
fn directories_are_walked_in_order_of_names_for_bill_files_and_archives() {
    let dir = scratch("decode-walk");
    std::fs::create_dir_all(dir.join("in/z")).unwrap();
    let bill = record(1, "1");
    for name in ["in/b.csv", "in/A.CSV", "in/z/c.csv", "in/notes.txt"] {
        std::fs::write(dir.join(name), &bill).unwrap();
    }
    let zip = zip_of(&[("inner.csv", bill.clone().into_bytes())]);
    std::fs::write(dir.join("in/m.zip"), zip).unwrap();
    let run = codes_in(&dir, &["decode", "in", "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .map(|line| line.split(',').next().unwrap())
        .collect();
    assert_eq!(
        files,
        ["in/A.CSV", "in/b.csv", "in/m.zip/inner.csv", "in/z/c.csv"]
    );
    assert_eq!(
        run.stderr,
        "4 records decoded, 0 malformed, from 4 files (0 unreadable)\n"
    );
}

/// The line (from 1) whose line end is the last one in `bytes[..before]`.
fn line_ending_last_before(bytes: &[u8], before: usize) -> usize {
    bytes[..before]
        .iter()
        .filter(|&&byte| byte == b'\n')
        .count()
}

/// Makes line `line` (from 1) of `bytes` malformed, its length kept: its
/// `begin_time` starts with `X`.
fn break_line(bytes: &mut [u8], line: usize) {
    let start = bytes
        .split(|&byte| byte == b'\n')
        .take(line - 1)
        .map(|line| line.len() + 1)
        .sum::<usize>();
    let time = bytes[start..]
        .windows(3)
        .position(|window| window == b",20")
        .unwrap();
    bytes[start + time + 1] = b'X';
}

#[test]
fn a_file_large_enough_to_be_read_in_pieces_writes_the_same_bytes_whatever_the_jobs() {
    let dir = scratch("decode-jobs-pieces");
    // About 4.6 MiB, more than a file read whole (4 MiB): the threads read
    // it in pieces of whole records of up to 1 MiB, the first ending with
    // the last line end in its first MiB.
    let mut big = SyntheticBills::new().malformed_every(997).to_bytes(32_000);
    assert!(big.len() > 4 << 20);
    let last_of_first_piece = line_ending_last_before(&big, 1 << 20);
    break_line(&mut big, last_of_first_piece);
    break_line(&mut big, last_of_first_piece + 1);
    std::fs::write(dir.join("big.csv"), &big).unwrap();
    // The same with CRLF line ends and the first problems past the first
    // piece only.
    let mut late = SyntheticBills::new().to_bytes(32_000);
    let line = line_ending_last_before(&late, 2 << 20);
    break_line(&mut late, line);
    break_line(&mut late, line + 1);
    let late: Vec<u8> = String::from_utf8(late)
        .unwrap()
        .replace('\n', "\r\n")
        .into();
    std::fs::write(dir.join("late.csv"), &late).unwrap();
    let zip = zip_of(&[("big_agentOprInfo_1.csv", big.clone())]);
    std::fs::write(dir.join("big.zip"), zip).unwrap();
    let inputs = ["big.csv", "late.csv", "big.zip"];
    for args in [
        &["--format", "jsonl"][..],
        &["--format", "csv"],
        &["--summary", "--format", "csv"],
        &["--strict", "--format", "csv"],
        &["--format", "csv", "--raw"],
    ] {
        let serial = decode(&dir, &inputs, args, Some("1"));
        if !args.contains(&"--strict") {
            let expected = format!("big.csv:{last_of_first_piece}: begin_time");
            assert!(serial.stderr.contains(&expected), "{}", serial.stderr);
            let expected = format!("big.csv:{}: begin_time", last_of_first_piece + 1);
            assert!(serial.stderr.contains(&expected), "{}", serial.stderr);
            let expected = format!("late.csv:{}: begin_time", line + 1);
            assert!(serial.stderr.contains(&expected), "{}", serial.stderr);
            let expected = format!(
                "big.zip/big_agentOprInfo_1.csv:{}: begin_time",
                last_of_first_piece + 1
            );
            assert!(serial.stderr.contains(&expected), "{}", serial.stderr);
        }
        for jobs in ["2", "3"] {
            let parallel = decode(&dir, &inputs, args, Some(jobs));
            assert_eq!(parallel.code, serial.code, "{args:?} {jobs}");
            assert!(
                parallel.stdout == serial.stdout,
                "{args:?} {jobs}: stdout differs"
            );
            assert_eq!(parallel.stderr, serial.stderr, "{args:?} {jobs}");
        }
    }
}

#[test]
fn synth_writes_the_synthetic_bill_file_in_the_encoding_asked_for() {
    let dir = scratch("synth");
    let run = codes_in(
        &dir,
        &["synth", "50", "--malformed-every", "7", "-o", "bills.csv"],
    );
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
    let written = std::fs::read(dir.join("bills.csv")).unwrap();
    assert_eq!(
        written,
        SyntheticBills::new().malformed_every(7).to_bytes(50)
    );
    // Without a header, in GBK: the same text.
    let args = [
        "synth",
        "50",
        "--no-header",
        "--encoding",
        "gbk",
        "-o",
        "gbk.csv",
    ];
    let run = codes_in(&dir, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let utf8 = SyntheticBills::new().header(false).to_bytes(50);
    let (expected, _, _) = encoding_rs::GBK.encode(std::str::from_utf8(&utf8).unwrap());
    assert!(
        std::fs::read(dir.join("gbk.csv")).unwrap() == *expected,
        "GBK output differs"
    );
    let run = codes_in(
        &dir,
        &["decode", "gbk.csv", "--summary", "--encoding", "gbk"],
    );
    assert!(
        run.stderr.contains("50 records decoded, 0 malformed"),
        "{}",
        run.stderr
    );
    // Standard output, as a file would hold it.
    let run = codes_in(&dir, &["synth", "20"]);
    assert_eq!(run.stdout.as_bytes(), SyntheticBills::new().to_bytes(20));
}

#[test]
fn a_directory_without_bill_files_is_a_mistaken_path() {
    let dir = scratch("decode-no-bills");
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    std::fs::create_dir_all(dir.join("others/sub")).unwrap();
    std::fs::write(dir.join("others/readme.txt"), "not a bill file").unwrap();
    std::fs::write(dir.join("others/sub/data.json"), "{}").unwrap();
    std::fs::write(dir.join("bills.csv"), SyntheticBills::new().to_bytes(3)).unwrap();
    for folder in ["empty", "others"] {
        let run = codes_in(&dir, &["decode", "bills.csv", folder]);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (
                2,
                "",
                format!(
                    "codes: {folder}: no bill file in this directory (*.csv or *.zip, subdirectories included)\n"
                )
                .as_str()
            )
        );
    }
}

#[test]
fn raw_csv_is_the_valid_records_as_the_file_has_them() {
    let dir = scratch("decode-raw");
    let generator = SyntheticBills::new().malformed_every(7);
    let file = generator.to_bytes(300);
    std::fs::write(dir.join("bills.csv"), &file).unwrap();
    // Lines of bytes: the malformed ones may not be text.
    let mut lines = file.split(|&byte| byte == b'\n');
    let mut expected = lines.next().unwrap().to_vec();
    expected.push(b'\n');
    for (index, line) in lines.enumerate().take(300) {
        if generator.row(index as u64).is_ok() {
            expected.extend_from_slice(line);
            expected.push(b'\n');
        }
    }
    let expected = String::from_utf8(expected).unwrap();
    let run = codes_in(&dir, &["decode", "bills.csv", "--format", "csv", "--raw"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout == expected, "the raw rows differ");
    assert!(
        run.stderr
            .ends_with("258 records decoded, 42 malformed, from 1 file (0 unreadable)\n"),
        "{}",
        run.stderr
    );
    // Only as CSV, and not with --summary.
    let run = codes_in(&dir, &["decode", "bills.csv", "--raw"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "codes: --raw writes the records as CSV: give it with --format csv\n"
        )
    );
    let run = codes_in(
        &dir,
        &[
            "decode",
            "bills.csv",
            "--raw",
            "--summary",
            "--format",
            "csv",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
}
