//! `codes decode` as a user runs it: exit status, stdout and stderr.

mod support;

use support::{codes_in, command, run, scratch};

const HEADER: &str = "id,developer_id,account_id,agent_id,service_no,skill_id,call_id,begin_time,end_time,op_type,op_object,op_cause,media_type,vdn_id,cc_id,agent_type,phone_no,callIn_out,location_id,logon_sn,skillInfo_sn\n";
const BUSY: &str =
    "1,d,a,1001,s,k,c,2023-09-27 08:00:00,2023-09-27 08:05:00,3,-1,4,5,1,1,4,10.0.0.1,0,1,7,8\n";
const UNKNOWN: &str =
    "2,d,a,1001,s,k,c,2023-09-27 08:05:00,2023-09-27 08:06:00,99,1002,7,5,1,1,4,10.0.0.1,0,1,7,8\n";
const BAD_TIME: &str =
    "3,d,a,1001,s,k,c,2023-09-27 08:05:00,2023-13-27 08:06:00,3,-1,4,5,1,1,4,10.0.0.1,0,1,7,8\n";

#[test]
fn clean_files_decode_to_annotated_json_lines() {
    let dir = scratch("decode-clean");
    std::fs::write(dir.join("bill.csv"), format!("{HEADER}{BUSY}{UNKNOWN}")).unwrap();
    let run = codes_in(&dir, &["decode", "bill.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "2 records decoded, 0 malformed, from 1 file (0 unreadable)\n"
    );
    let rows: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["operation"], "Busy");
    assert_eq!(rows[0]["reason"], "TakingRest");
    assert_eq!(
        rows[0]["reason_description"],
        cec_codes::Reason::decode(cec_codes::OperationType::Busy, 4)
            .description()
            .expect("the vendor's text")
    );
    assert_eq!(rows[0]["line"], 2);
    assert_eq!(rows[1]["op_type"], 99, "unknown codes keep their numbers");
    assert_eq!(rows[1]["operation"], serde_json::Value::Null);
    assert_eq!(rows[1]["reason"], "Unlisted");
}

#[test]
fn bad_rows_are_named_by_file_and_line_counted_and_set_the_exit_status() {
    let dir = scratch("decode-bad");
    std::fs::write(
        dir.join("bill.csv"),
        format!("{HEADER}{BUSY}{BAD_TIME}{UNKNOWN}"),
    )
    .unwrap();
    let run = codes_in(&dir, &["decode", "bill.csv", "--format", "csv"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "bill.csv:3: end_time \"2023-13-27 08:06:00\" is not a time: month 13 is not 01 to 12\n\
         2 records decoded, 1 malformed, from 1 file (0 unreadable)\n"
    );
    assert_eq!(run.stdout.lines().count(), 3, "a header and both good rows");

    let run = codes_in(&dir, &["decode", "bill.csv", "--strict"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.ends_with("1 record decoded, 1 malformed, from 1 file (0 unreadable); stopped at the first error (--strict)\n"), "{}", run.stderr);
}

#[test]
fn the_summary_counts_and_totals_per_operation_reason_and_agent() {
    let dir = scratch("decode-summary");
    std::fs::write(dir.join("bill.csv"), format!("{BUSY}{UNKNOWN}")).unwrap();
    let run = codes_in(
        &dir,
        &["decode", "bill.csv", "--summary", "--format", "csv"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "group,key,name,count,total_duration_s\noperation,3,Busy,1,300\noperation,99,unknown,1,60\n\
         reason,3/4,Busy/TakingRest,1,300\nreason,99/7,unknown/Unlisted,1,60\n\
         media-type,5,VoiceCall,2,360\nagent,1001,,2,360\n"
    );
    let run = codes_in(
        &dir,
        &[
            "decode",
            "bill.csv",
            "--summary",
            "--group",
            "media-type",
            "--format",
            "table",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "group       key  name       count  total_duration_s\n\
         media-type  5    VoiceCall      2               360\n"
    );
    let run = codes_in(&dir, &["decode", "bill.csv", "--group", "agent"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("the following required arguments were not provided:\n  --summary"),
        "{}",
        run.stderr
    );
}

#[test]
fn standard_input_is_refused_with_what_to_do() {
    let run = codes_in(&scratch("decode-stdin"), &["decode", "-"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "codes: decode reads bill files, zip archives and directories, not standard input (`-`): \
         save the input to a file and give its path\n"
    );
}

#[test]
fn a_missing_file_is_counted_as_unreadable() {
    let run = codes_in(&scratch("decode-missing"), &["decode", "missing.csv"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("missing.csv: "), "{}", run.stderr);
    assert!(
        run.stderr
            .ends_with("0 records decoded, 0 malformed, from 1 file (1 unreadable)\n"),
        "{}",
        run.stderr
    );
}

/// Runs `codes decode bill.csv` in `dir`, reads the first line of its
/// output and closes the pipe: (that line, exit code, stderr).
fn decode_into_a_closed_pipe(dir: &std::path::Path) -> (String, Option<i32>, String) {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let mut child = Command::new(env!("CARGO_BIN_EXE_codes"))
        .args(["decode", "bill.csv"])
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run codes");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().expect("codes ends");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (first, output.status.code(), stderr)
}

#[test]
fn a_closed_stdout_stops_the_run_quietly() {
    let dir = scratch("decode-closed-pipe");
    // Far more output than a pipe holds, and a bad row at the end.
    std::fs::write(
        dir.join("bill.csv"),
        format!("{}{BAD_TIME}", BUSY.repeat(20_000)),
    )
    .unwrap();
    let (first, code, stderr) = decode_into_a_closed_pipe(&dir);
    assert!(
        first.starts_with(r#"{"file":"bill.csv","line":1,"#),
        "{first}"
    );
    // The reading stopped where the output ended: the bad row at the end
    // was never read, and no closing line counts a run cut short. Nothing
    // is said of the lost output either.
    assert_eq!(stderr, "");
    assert_eq!(code, Some(0));
}

#[test]
fn every_output_stops_quietly_at_a_closed_stdout() {
    let dir = scratch("decode-outputs-closed-pipe");
    std::fs::write(dir.join("bill.csv"), format!("{BUSY}{BAD_TIME}")).unwrap();
    let bad =
        "bill.csv:2: end_time \"2023-13-27 08:06:00\" is not a time: month 13 is not 01 to 12\n";
    // What was read before the output found the pipe closed is told (a
    // formatted part is buffered, `--raw` writes its part at once, a
    // summary is written after the reading); the closing line never is.
    for (args, told) in [
        (&["--format", "jsonl"][..], bad),
        (&["--format", "csv"], bad),
        (&["--format", "table"], bad),
        (&["--format", "csv", "--raw"], ""),
        (&["--summary"], bad),
        (&["--summary", "--jobs", "1"], bad),
    ] {
        // A pipe whose reader is gone before `codes` starts.
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let run = run(command(&dir, &["decode", "bill.csv"])
            .args(args)
            .stdout(writer));
        assert_eq!((run.code, run.stderr.as_str()), (0, told), "{args:?}");
    }
}

#[test]
fn zip_archives_are_read_member_by_member() {
    use std::io::Write;

    let dir = scratch("decode-zip");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in [
        ("a_agentOprInfo_1.csv", format!("{HEADER}{BUSY}")),
        ("b_agentOprInfo_2.csv", format!("{BAD_TIME}{UNKNOWN}")),
    ] {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    std::fs::write(dir.join("download.zip"), bytes).unwrap();
    let run = codes_in(&dir, &["decode", "download.zip", "--format", "table"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "download.zip/b_agentOprInfo_2.csv:1: end_time \"2023-13-27 08:06:00\" is not a time: month 13 is not 01 to 12\n\
         2 records decoded, 1 malformed, from 1 file (0 unreadable)\n"
    );
    let headings: Vec<_> = run
        .stdout
        .lines()
        .filter(|line| !line.starts_with(' ') && !line.is_empty())
        .collect();
    assert_eq!(
        headings,
        [
            "download.zip/a_agentOprInfo_1.csv:2",
            "download.zip/b_agentOprInfo_2.csv:2"
        ]
    );
    // A block: its heading, the 32 other columns, a blank line.
    assert_eq!(run.stdout.lines().count(), 2 * (1 + 32 + 1));
}

#[test]
fn media_type_53_is_named_in_both_languages() {
    let dir = scratch("decode-media-53");
    let social = BUSY.replace(",3,-1,4,5,1,1,4,", ",3,-1,4,53,1,1,4,");
    std::fs::write(dir.join("bill.csv"), format!("{HEADER}{social}")).unwrap();
    for (lang, text) in [("en", "Text chat"), ("zh", "文字交谈")] {
        let run = codes_in(&dir, &["decode", "bill.csv", "--lang", lang]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let row: serde_json::Value = serde_json::from_str(run.stdout.trim_end()).unwrap();
        assert_eq!(row["media_type"], "53");
        assert_eq!(row["media_type_name"], "SocialChat", "{lang}");
        assert_eq!(row["media_type_description"], text, "{lang}");
    }
}
