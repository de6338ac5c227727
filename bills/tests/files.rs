//! Reading bill files by name: annotations, locations, the error policy and
//! its counts, zip archives, and summaries.

use std::convert::Infallible;
use std::io::{Cursor, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use cec_bills::Bill;
use cec_bills::synthetic::SyntheticBills;
use cec_bills::{
    Annotated, Annotation, BillErrorKind, BillFiles, BillReader, Column, Counts, ErrorPolicy,
    Group, Item, LocatedError, Location, Problem, Summary, SummaryRow, Totals,
};
use cec_codes::{AgentType, CallDirection, Code, Lang, MediaType, OperationType, Reason};

/// `text` as a JSON string: the vendor's texts in the expected JSON come
/// from the generated API, so that a reworded text changes no test.
fn json(text: &str) -> String {
    serde_json::to_string(text).expect("a string")
}

const HEADER: &str = "id,developer_id,account_id,agent_id,service_no,skill_id,call_id,begin_time,end_time,op_type,op_object,op_cause,media_type,vdn_id,cc_id,agent_type,phone_no,callIn_out,location_id,logon_sn,skillInfo_sn";
/// Agent 1001 rests for 15 minutes.
const BUSY: &str = "1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1";
/// Agent 1002 asks employee 2001 for help for a minute.
const HELP: &str = "2,dev,acct,1002,0,1,c7,2023-09-27 08:15:00,2023-09-27 08:16:00,40,2001,1,5,1,1,4,88001002,1,0,8,1";
/// Agent 1001 does something a later revision of the table defines, and
/// the record ends 10 seconds before it begins.
const LATER: &str = "3,dev,acct,1001,0,1,-1,2023-09-27 08:20:00,2023-09-27 08:19:50,21,1001,3,5,1,1,4,88001001,-1,0,7,1";
/// Not a number where `op_type` is.
const BAD_TYPE: &str = "4,dev,acct,1001,0,1,-1,2023-09-27 08:20:00,2023-09-27 08:21:00,Busy,-1,4,5,1,1,4,88001001,-1,0,7,1";
/// Agent 1003 takes a 30-minute rest the table does not list a reason for
/// (`op_cause` 65535: not applicable).
const REST: &str = "5,dev,acct,1003,0,1,-1,2023-09-27 09:00:00,2023-09-27 09:30:00,3,65535,65535,5,1,1,4,88001003,-1,0,9,1";

/// A record of the operation `op_type`, `op_object`, `op_cause`, by voice
/// call (`media_type` 5), a PC+Phone agent (`agent_type` 4), inbound.
fn bill(op_type: i32, op_object: &str, op_cause: i32) -> Bill {
    Bill {
        op_type,
        op_object: op_object.into(),
        op_cause,
        media_type: "5".into(),
        agent_type: "4".into(),
        call_in_out: "呼入".into(),
        ..Bill::default()
    }
}

/// The operation part of an annotation: the operation, object kind and
/// reason with their texts.
fn operation_part(
    annotation: Annotation,
) -> (
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
) {
    (
        annotation.operation,
        annotation.operation_description,
        annotation.object_kind,
        annotation.reason,
        annotation.reason_description,
    )
}

#[test]
fn an_annotation_names_the_operation_object_kind_and_reason_with_the_vendors_texts() {
    let annotation = |op_type, op_object, op_cause| {
        Annotation::of_bill(&bill(op_type, op_object, op_cause), Lang::En)
    };
    assert_eq!(
        operation_part(annotation(40, "2001", 1)),
        (
            Some("InternalHelp"),
            Some(OperationType::InternalHelp.description()),
            Some("EmployeeId"),
            "TwoParty",
            Some(
                Reason::decode(OperationType::InternalHelp, 1)
                    .description()
                    .unwrap()
            ),
        )
    );
    assert_eq!(
        operation_part(annotation(3, "65535", 65535)),
        (
            Some("Busy"),
            Some(OperationType::Busy.description()),
            None,
            "NotApplicable",
            None
        )
    );
    assert_eq!(
        operation_part(annotation(3, "-1", 6)),
        (
            Some("Busy"),
            Some(OperationType::Busy.description()),
            None,
            "Unlisted",
            None
        )
    );
    assert_eq!(
        operation_part(annotation(-7, "1001", 3)),
        (None, None, None, "Unlisted", None)
    );
    // In Chinese: the same names, the vendor's Chinese texts.
    assert_eq!(
        operation_part(Annotation::of_bill(&bill(40, "2001", 1), Lang::Zh)),
        (
            Some("InternalHelp"),
            Some(OperationType::InternalHelp.description_in(Lang::Zh)),
            Some("EmployeeId"),
            "TwoParty",
            Some(
                Reason::decode(OperationType::InternalHelp, 1)
                    .description_in(Lang::Zh)
                    .unwrap()
            ),
        )
    );
    // Serialized as its columns, in order: in JSON and in CSV.
    assert_eq!(
        serde_json::to_string(&annotation(40, "2001", 1)).unwrap(),
        format!(
            r#"{{"operation":"InternalHelp","operation_description":{},"object_kind":"EmployeeId","reason":"TwoParty","reason_description":{},"media_type_name":"VoiceCall","media_type_description":{},"agent_type_name":"PcPhone","agent_type_description":{},"call_direction_name":"Inbound"}}"#,
            json(OperationType::InternalHelp.description()),
            json(
                Reason::decode(OperationType::InternalHelp, 1)
                    .description()
                    .unwrap()
            ),
            json(MediaType::VoiceCall.description()),
            json(AgentType::PcPhone.description())
        )
    );
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.serialize(annotation(21, "1001", 3)).unwrap();
    assert_eq!(
        String::from_utf8(csv.into_inner().unwrap()).unwrap(),
        "operation,operation_description,object_kind,reason,reason_description,\
         media_type_name,media_type_description,agent_type_name,agent_type_description,\
         call_direction_name\n\
         ,,,Unlisted,,VoiceCall,Common voice call,PcPhone,PC+Phone agent,Inbound\n"
    );
    assert_eq!(
        Annotation::COLUMNS,
        [
            "operation",
            "operation_description",
            "object_kind",
            "reason",
            "reason_description",
            "media_type_name",
            "media_type_description",
            "agent_type_name",
            "agent_type_description",
            "call_direction_name",
        ]
    );
}

#[test]
fn an_annotation_names_the_media_type_agent_type_and_call_direction() {
    let annotation = |media_type: &str, agent_type: &str, call_in_out: &str, lang| {
        let bill = Bill {
            media_type: media_type.into(),
            agent_type: agent_type.into(),
            call_in_out: call_in_out.into(),
            ..bill(2, "-1", -1)
        };
        let annotation = Annotation::of_bill(&bill, lang);
        (
            annotation.media_type_name,
            annotation.media_type_description,
            annotation.agent_type_name,
            annotation.agent_type_description,
            annotation.call_direction_name,
        )
    };
    assert_eq!(
        annotation("1", "13", "outbound呼出", Lang::En),
        (
            Some("TextChat"),
            Some("Text chat"),
            Some("Multimedia"),
            Some("Multimedia Agent"),
            Some("OutboundCampaign"),
        )
    );
    assert_eq!(
        annotation("5", "0", "IVR呼出", Lang::En),
        (
            Some("VoiceCall"),
            Some(MediaType::VoiceCall.description()),
            Some("Extension"),
            Some(AgentType::Extension.description()),
            Some("IvrOutbound"),
        )
    );
    // Media types from their Chinese page; no Chinese page for agent types:
    // English is the fallback.
    assert_eq!(
        annotation("5", "0", "呼出", Lang::Zh),
        (
            Some("VoiceCall"),
            Some(MediaType::VoiceCall.description_in(Lang::Zh)),
            Some("Extension"),
            Some(AgentType::Extension.description()),
            Some("Outbound"),
        )
    );
    // Codes the tables do not list, and fields that are no codes, have no
    // names; the record keeps them as they are.
    for (media_type, agent_type, call_in_out) in [
        ("24", "99", "回呼"),
        ("05", "+4", ""),
        ("", "-", "呼入 "),
        ("voice", "4.0", "inbound"),
    ] {
        assert_eq!(
            annotation(media_type, agent_type, call_in_out, Lang::En),
            (None, None, None, None, None),
            "{media_type:?} {agent_type:?} {call_in_out:?}"
        );
    }
}

#[test]
fn the_coded_columns_decode_to_codes_that_keep_unlisted_values() {
    let bill = Bill {
        media_type: "24".into(),
        agent_type: "13".into(),
        call_in_out: "回呼".into(),
        ..Bill::default()
    };
    assert_eq!(bill.media_type_code().map(Code::code), Some(24));
    assert_eq!(bill.media_type_code().and_then(Code::known), None);
    assert_eq!(
        bill.agent_type_code(),
        Some(Code::Known(AgentType::Multimedia))
    );
    assert_eq!(bill.call_direction().known(), None);
    assert_eq!(bill.call_direction().as_str(), "回呼");
    // A borrowed record reads them the same way.
    let file = format!("{HEADER}\n{HELP}\n").replace(",88001002,1,", ",88001002,IVR呼出,");
    let mut reader = BillReader::new(file.as_bytes());
    let record = reader.next_ref().unwrap().unwrap();
    assert_eq!(
        record.media_type_code(),
        Some(Code::Known(MediaType::VoiceCall))
    );
    assert_eq!(
        record.agent_type_code(),
        Some(Code::Known(AgentType::PcPhone))
    );
    assert_eq!(
        record.call_direction().known(),
        Some(CallDirection::IvrOutbound)
    );
    assert_eq!(record.to_bill().call_direction().as_str(), "IVR呼出");
}

#[test]
fn an_annotated_record_serializes_every_column_with_its_place() {
    let file = format!("{HEADER}\n{HELP}\n");
    let mut reader = BillReader::new(file.as_bytes());
    let record = reader.next_ref().unwrap().unwrap();
    let place = Location::new(Path::new("download.zip")).with_member("bills_1.csv");
    let annotated = Annotated::new(place, record);
    assert_eq!(annotated.location(), place.with_line(2));
    assert_eq!(
        annotated.location().to_string(),
        "download.zip/bills_1.csv:2"
    );
    assert_eq!(annotated.record().text(Column::AgentId), "1002");
    assert_eq!(annotated.annotation(), Annotation::of(record, Lang::En));
    assert_eq!(
        annotated.in_lang(Lang::Zh).annotation(),
        Annotation::of(record, Lang::Zh)
    );
    assert_eq!(
        serde_json::to_string(&annotated).unwrap(),
        format!(
            r#"{{"file":"download.zip/bills_1.csv","line":2,"id":"2","developer_id":"dev","account_id":"acct","agent_id":"1002","service_no":"0","skill_id":"1","call_id":"c7","begin_time":"2023-09-27 08:15:00","end_time":"2023-09-27 08:16:00","op_type":40,"op_object":"2001","op_cause":1,"media_type":"5","vdn_id":"1","cc_id":"1","agent_type":"4","phone_no":"88001002","callIn_out":"1","location_id":"0","logon_sn":"8","skillInfo_sn":"1","duration_s":60,"operation":"InternalHelp","operation_description":{},"object_kind":"EmployeeId","reason":"TwoParty","reason_description":{},"media_type_name":"VoiceCall","media_type_description":{},"agent_type_name":"PcPhone","agent_type_description":{},"call_direction_name":null}}"#,
            json(OperationType::InternalHelp.description()),
            json(
                Reason::decode(OperationType::InternalHelp, 1)
                    .description()
                    .unwrap()
            ),
            json(MediaType::VoiceCall.description()),
            json(AgentType::PcPhone.description())
        )
    );
    let mut csv = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    csv.write_record(Annotated::COLUMNS).unwrap();
    csv.serialize(annotated).unwrap();
    assert_eq!(
        String::from_utf8(csv.into_inner().unwrap()).unwrap(),
        format!(
            "file,line,{HEADER},duration_s,operation,operation_description,object_kind,reason,reason_description,\
             media_type_name,media_type_description,agent_type_name,agent_type_description,call_direction_name\n\
             download.zip/bills_1.csv,2,{HELP},60,InternalHelp,Initiate an internal help request by an agent.,EmployeeId,TwoParty,Indicates a two-party internal help.,\
             VoiceCall,Common voice call,PcPhone,PC+Phone agent,\n"
        )
    );
}

/// An item as a line: `record LOCATION REASON DURATION`, `error
/// malformed|unreadable MESSAGE` or `decoded LOCATION ENCODING`.
fn describe(item: Item<'_>) -> String {
    match item {
        Item::Record(record) => format!(
            "record {} {} {}",
            record.location(),
            record.annotation().reason,
            record.record().duration_secs()
        ),
        Item::Problem(error) => format!(
            "error {} {error}",
            if error.is_malformed() {
                "malformed"
            } else {
                "unreadable"
            }
        ),
        Item::Decoded { location, encoding } => format!("decoded {location} {encoding}"),
        other => panic!("an item of a later version: {other:?}"),
    }
}

/// What `BillFiles::read` handed on, each as a line ([`describe`]), with
/// the directory left out of the paths.
fn read_all(dir: &Path, files: BillFiles) -> (Vec<String>, Counts) {
    let prefix = format!("{}/", dir.display());
    let mut seen = Vec::new();
    let counts = files
        .read(|item| {
            seen.push(describe(item).replace(&prefix, ""));
            Ok::<_, Infallible>(())
        })
        .unwrap_or_else(|never| match never {});
    (seen, counts)
}

/// What `BillFiles::read_parallel` handed on with `jobs` threads, as
/// [`read_all`] gives it.
fn read_all_parallel(dir: &Path, files: BillFiles, jobs: usize) -> (Vec<String>, Counts) {
    let (seen, counts, _) = read_parts_parallel(dir, files, jobs);
    (seen, counts)
}

/// The same, and how many items the largest part held.
fn read_parts_parallel(dir: &Path, files: BillFiles, jobs: usize) -> (Vec<String>, Counts, usize) {
    let prefix = format!("{}/", dir.display());
    let mut seen = Vec::new();
    let mut largest = 0;
    let counts = files
        .read_parallel(
            NonZeroUsize::new(jobs).unwrap(),
            Vec::new,
            |part: &mut Vec<String>, item| {
                part.push(describe(item).replace(&prefix, ""));
                Ok::<_, Infallible>(())
            },
            |part| {
                largest = largest.max(part.len());
                seen.append(part);
                Ok(())
            },
        )
        .unwrap_or_else(|never| match never {});
    (seen, counts, largest)
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for &(name, content) in entries {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Input files of every kind, in a directory removed at the end.
struct Inputs {
    dir: tempfile::TempDir,
    paths: Vec<PathBuf>,
}

fn inputs() -> Inputs {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str, content: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        path
    };
    // A member whose checksum is wrong: reading it fails at its end.
    let mut broken = zip_of(&[("broken.csv", format!("{HELP}\n").as_bytes())]);
    let checksum = zip::ZipArchive::new(Cursor::new(&broken))
        .unwrap()
        .by_index(0)
        .unwrap()
        .crc32()
        .to_le_bytes();
    let mut at = 0;
    while let Some(found) = broken[at..].windows(4).position(|bytes| bytes == checksum) {
        at += found;
        broken[at] = !broken[at];
    }
    let paths = vec![
        file(
            "first.csv",
            format!("{HEADER}\n{BUSY}\n{BAD_TYPE}\n{LATER}\n").as_bytes(),
        ),
        dir.path().join("missing.csv"),
        file("not-a.zip", format!("{BUSY}\n").as_bytes()),
        file(
            "download.ZIP",
            &zip_of(&[
                ("a_agentOprInfo_1.csv", format!("{HELP}\n").as_bytes()),
                ("notes.txt", b"not a bill file"),
                (
                    "b_agentOprInfo_2.csv",
                    format!("{BAD_TYPE}\n{REST}\n").as_bytes(),
                ),
            ]),
        ),
        file("broken.zip", &broken),
        file("last.csv", format!("{HELP}\n").as_bytes()),
    ];
    Inputs { dir, paths }
}

#[test]
fn every_record_and_every_problem_is_handed_on_located_and_counted() {
    let inputs = inputs();
    let (seen, counts) = read_all(inputs.dir.path(), BillFiles::new(&inputs.paths));
    assert_eq!(
        seen[..6],
        [
            "record first.csv:2 TakingRest 900",
            "error malformed first.csv:3: op_type \"Busy\" is not an integer code",
            "record first.csv:4 Unlisted -10",
            "error unreadable missing.csv: cannot open: No such file or directory (os error 2)",
            "error unreadable not-a.zip: invalid Zip archive: Could not find EOCD",
            "record download.ZIP/a_agentOprInfo_1.csv:1 TwoParty 60",
        ]
    );
    assert_eq!(
        seen[6..],
        [
            "error malformed download.ZIP/b_agentOprInfo_2.csv:1: op_type \"Busy\" is not an integer code",
            "record download.ZIP/b_agentOprInfo_2.csv:2 NotApplicable 1800",
            "record broken.zip/broken.csv:1 TwoParty 60",
            "error unreadable broken.zip/broken.csv:2: cannot read: Invalid checksum",
            "record last.csv:1 TwoParty 60",
        ]
    );
    assert_eq!(
        counts,
        Counts {
            files: 6,
            records: 6,
            malformed: 2,
            unreadable: 3,
            negative_durations: 1,
            stopped: false,
        }
    );
    assert!(!counts.is_clean());
}

#[test]
fn the_stop_policy_stops_after_the_first_problem_and_says_so() {
    let inputs = inputs();
    let files = BillFiles::new(&inputs.paths).policy(ErrorPolicy::Stop);
    let (seen, counts) = read_all(inputs.dir.path(), files);
    assert_eq!(
        seen,
        [
            "record first.csv:2 TakingRest 900",
            "error malformed first.csv:3: op_type \"Busy\" is not an integer code",
        ]
    );
    assert_eq!(
        counts,
        Counts {
            files: 1,
            records: 1,
            malformed: 1,
            unreadable: 0,
            negative_durations: 0,
            stopped: true,
        }
    );

    // An unreadable file stops it too; a clean run is not stopped.
    let files = BillFiles::new(&inputs.paths[1..]).policy(ErrorPolicy::Stop);
    let (seen, counts) = read_all(inputs.dir.path(), files);
    assert_eq!(seen.len(), 1);
    assert_eq!(
        (counts.files, counts.unreadable, counts.stopped),
        (1, 1, true)
    );
    let files = BillFiles::new(&inputs.paths[5..]).policy(ErrorPolicy::Stop);
    let (seen, counts) = read_all(inputs.dir.path(), files);
    assert_eq!(seen, ["record last.csv:1 TwoParty 60"]);
    assert_eq!(
        counts,
        Counts {
            files: 1,
            records: 1,
            ..Counts::default()
        }
    );
    assert!(counts.is_clean());
    assert_eq!(ErrorPolicy::default(), ErrorPolicy::Continue);
}

#[test]
fn a_located_error_says_where_and_what() {
    let inputs = inputs();
    let mut errors: Vec<LocatedError> = Vec::new();
    BillFiles::new(&inputs.paths)
        .read(|item| {
            if let Item::Problem(error) = item {
                errors.push(error);
            }
            Ok::<_, Infallible>(())
        })
        .unwrap_or_else(|never| match never {});
    assert_eq!(errors.len(), 5);

    let malformed = errors[0].location();
    assert_eq!(malformed.file(), inputs.paths[0]);
    assert_eq!((malformed.member(), malformed.line()), (None, Some(3)));
    assert!(matches!(
        errors[0].problem(),
        Problem::Record(BillErrorKind::Code { .. })
    ));

    let missing = &errors[1];
    assert_eq!(missing.location(), Location::new(&inputs.paths[1]));
    let Problem::Open(error) = missing.problem() else {
        panic!("expected a file that cannot be opened, got {missing:?}");
    };
    assert_eq!(error.kind(), std::io::ErrorKind::NotFound);
    // The message says the cause; no source repeats it.
    assert!(std::error::Error::source(missing).is_none());

    assert!(matches!(errors[2].problem(), Problem::Archive(_)));
    let member = errors[3].location();
    assert_eq!(
        (member.member(), member.line()),
        (Some("b_agentOprInfo_2.csv"), Some(1))
    );
    assert!(errors[3].is_malformed());
    assert_eq!(
        errors[3].location().without_line().to_string(),
        format!("{}/b_agentOprInfo_2.csv", inputs.paths[3].display())
    );
    let broken = errors.pop().unwrap();
    assert!(!broken.is_malformed());
    assert!(matches!(
        broken.into_problem(),
        Problem::Record(BillErrorKind::Read(_))
    ));
}

#[test]
fn files_are_read_through_the_wrapper_and_an_error_of_the_visitor_stops_the_reading() {
    let inputs = inputs();
    let mut opened = Vec::new();
    let mut records = 0;
    let result = BillFiles::new(&inputs.paths)
        .wrap(|path: &Path, file| {
            opened.push(path.file_name().unwrap().to_string_lossy().into_owned());
            file
        })
        .read(|item| match item {
            Item::Record(_) if records == 2 => Err("enough"),
            Item::Record(_) => {
                records += 1;
                Ok(())
            }
            _ => Ok(()),
        });
    assert_eq!(result, Err("enough"));
    assert_eq!(records, 2);
    // The missing file never opened; the third record is in download.ZIP.
    assert_eq!(opened, ["first.csv", "not-a.zip", "download.ZIP"]);
}

/// The summary of `file` read with `next_ref`, and with owned rows.
fn summaries(file: &str) -> (Summary, Summary) {
    let mut borrowed = Summary::new();
    let mut reader = BillReader::new(file.as_bytes());
    while let Some(result) = reader.next_ref() {
        if let Ok(record) = result {
            borrowed.add(record);
        }
    }
    let mut owned = Summary::new();
    for row in BillReader::new(file.as_bytes()).flatten() {
        owned.add_bill(&row.bill);
    }
    (borrowed, owned)
}

#[test]
fn the_summary_counts_and_totals_per_operation_reason_media_type_and_agent() {
    // The later operation by a media type the table does not list, the
    // rest by text chat.
    let later = LATER.replace(",21,1001,3,5,", ",21,1001,3,53,");
    let rest = REST.replace(",65535,65535,5,", ",65535,65535,1,");
    let file = format!("{BUSY}\n{later}\n{HELP}\n{BAD_TYPE}\n{BUSY}\n{rest}\n");
    let (summary, owned) = summaries(&file);
    assert_eq!(summary, owned);
    assert!(!summary.is_empty());
    let totals = |count, seconds| Totals { count, seconds };
    assert_eq!(
        summary.operations().collect::<Vec<_>>(),
        [
            (3, totals(3, 3600)),
            (21, totals(1, 0)),
            (40, totals(1, 60))
        ]
    );
    assert_eq!(
        summary.reasons().collect::<Vec<_>>(),
        [
            ((3, 4), totals(2, 1800)),
            ((3, 65535), totals(1, 1800)),
            ((21, 3), totals(1, 0)),
            ((40, 1), totals(1, 60)),
        ]
    );
    assert_eq!(
        summary.media_types().collect::<Vec<_>>(),
        [
            ("1", totals(1, 1800)),
            ("5", totals(3, 1860)),
            ("53", totals(1, 0)),
        ]
    );
    assert_eq!(
        summary.agents().collect::<Vec<_>>(),
        [
            ("1001", totals(3, 1800)),
            ("1002", totals(1, 60)),
            ("1003", totals(1, 1800)),
        ]
    );
    let row = |group, key: &str, name: &str, count, total_duration_s| SummaryRow {
        group,
        key: key.into(),
        name: name.into(),
        count,
        total_duration_s,
    };
    assert_eq!(
        summary.rows().collect::<Vec<_>>(),
        [
            row(Group::Operation, "3", "Busy", 3, 3600),
            row(Group::Operation, "21", "unknown", 1, 0),
            row(Group::Operation, "40", "InternalHelp", 1, 60),
            row(Group::Reason, "3/4", "Busy/TakingRest", 2, 1800),
            row(Group::Reason, "3/65535", "Busy/NotApplicable", 1, 1800),
            row(Group::Reason, "21/3", "unknown/Unlisted", 1, 0),
            row(Group::Reason, "40/1", "InternalHelp/TwoParty", 1, 60),
            row(Group::MediaType, "1", "TextChat", 1, 1800),
            row(Group::MediaType, "5", "VoiceCall", 3, 1860),
            row(Group::MediaType, "53", "SocialChat", 1, 0),
            row(Group::Agent, "1001", "", 3, 1800),
            row(Group::Agent, "1002", "", 1, 60),
            row(Group::Agent, "1003", "", 1, 1800),
        ]
    );
    assert_eq!(
        serde_json::to_string(&row(Group::Reason, "3/4", "Busy/TakingRest", 2, 1800)).unwrap(),
        r#"{"group":"reason","key":"3/4","name":"Busy/TakingRest","count":2,"total_duration_s":1800}"#
    );
    assert_eq!(
        SummaryRow::COLUMNS,
        ["group", "key", "name", "count", "total_duration_s"]
    );
    assert_eq!(
        Group::ALL.map(|group| group.to_string()),
        ["operation", "reason", "media-type", "agent"]
    );
}

#[test]
fn an_empty_summary_has_no_rows() {
    let (summary, _) = summaries(&format!("{HEADER}\n{BAD_TYPE}\n"));
    assert!(summary.is_empty());
    assert_eq!(summary, Summary::default());
    assert_eq!(summary.rows().count(), 0);
}

#[test]
fn summaries_of_parts_merged_as_they_come_give_the_summary_of_the_whole() {
    let file = SyntheticBills::new().malformed_every(13).to_bytes(5000);
    let mut whole = Summary::new();
    let mut reader = BillReader::new(file.as_slice());
    while let Some(result) = reader.next_ref() {
        if let Ok(record) = result {
            whole.add(record);
        }
    }
    // One part used again and again, merged every 700 records, the way
    // `merge` takes each part's summary whole.
    let (mut merged, mut taken, mut part) = (Summary::new(), Summary::new(), Summary::new());
    let mut reader = BillReader::new(file.as_slice());
    let mut records = 0;
    while let Some(result) = reader.next_ref() {
        if let Ok(record) = result {
            part.add(record);
            records += 1;
            if records % 700 == 0 {
                taken.merge(part.clone());
                merged.merge_from(&mut part);
                assert!(part.is_empty());
                assert_eq!(part, Summary::new());
            }
        }
    }
    taken.merge(part.clone());
    merged.merge_from(&mut part);
    assert!(records > 4000);
    assert_eq!(merged, whole);
    assert_eq!(taken, whole);
    assert!(merged.rows().eq(whole.rows()));
}

/// Many files, each of several parts, in a directory with a subdirectory
/// and files that are not bill files, plus the inputs of every kind.
fn many_inputs() -> (Inputs, PathBuf) {
    let inputs = inputs();
    let tree = inputs.dir.path().join("tree");
    std::fs::create_dir_all(tree.join("sub")).unwrap();
    let generator = SyntheticBills::new().malformed_every(97);
    for (name, rows) in [
        ("b.csv", 1000),
        ("a.CSV", 300),
        ("sub/c.csv", 10),
        ("empty.csv", 0),
    ] {
        std::fs::write(tree.join(name), generator.to_bytes(rows)).unwrap();
    }
    std::fs::write(tree.join("notes.txt"), "not a bill file").unwrap();
    let members: Vec<(String, Vec<u8>)> = (0..5)
        .map(|index| {
            let rows = 200 * index;
            (
                format!("m{index}_agentOprInfo.csv"),
                generator.to_bytes(rows),
            )
        })
        .collect();
    let members: Vec<(&str, &[u8])> = members
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
        .collect();
    std::fs::write(tree.join("sub/download.zip"), zip_of(&members)).unwrap();
    (inputs, tree)
}

#[test]
fn reading_in_parallel_hands_on_exactly_what_reading_in_order_does() {
    let (inputs, tree) = many_inputs();
    let mut paths = inputs.paths.clone();
    paths.insert(2, tree.clone());
    paths.push(tree);
    let dir = inputs.dir.path();
    let (serial, counts) = read_all(dir, BillFiles::new(&paths));
    // The directory is walked in order of names, its bill files only.
    let files: Vec<&str> = serial
        .iter()
        .filter_map(|line| line.strip_prefix("record tree/"))
        .map(|rest| rest.split(':').next().unwrap())
        .fold(Vec::new(), |mut files, file| {
            if files.last() != Some(&file) {
                files.push(file);
            }
            files
        });
    assert_eq!(
        files[..7],
        [
            "a.CSV",
            "b.csv",
            "sub/c.csv",
            "sub/download.zip/m1_agentOprInfo.csv",
            "sub/download.zip/m2_agentOprInfo.csv",
            "sub/download.zip/m3_agentOprInfo.csv",
            "sub/download.zip/m4_agentOprInfo.csv",
        ]
    );
    assert_eq!(counts.files, 6 + 2 * 5);
    assert!(counts.records > 2 * 3000);
    for jobs in [1, 2, 3, 8] {
        let (parallel, parallel_counts) = read_all_parallel(dir, BillFiles::new(&paths), jobs);
        assert_eq!(parallel, serial, "{jobs} jobs");
        assert_eq!(parallel_counts, counts, "{jobs} jobs");
    }
    // Files and members cut into pieces of a few records, or of one.
    for (jobs, piece) in [(2, 4), (2, 150), (3, 1000), (2, 20_000)] {
        let files = BillFiles::new(&paths).piece_bytes(piece);
        let (parallel, parallel_counts) = read_all_parallel(dir, files, jobs);
        assert_eq!(parallel, serial, "{jobs} jobs, pieces of {piece} bytes");
        assert_eq!(
            parallel_counts, counts,
            "{jobs} jobs, pieces of {piece} bytes"
        );
    }
    // Files and members read whole up to one piece, or up to many.
    for (jobs, whole) in [(2, 1), (3, 1), (2, 1000)] {
        let files = BillFiles::new(&paths).piece_bytes(1000).whole_pieces(whole);
        let (parallel, parallel_counts) = read_all_parallel(dir, files, jobs);
        assert_eq!(parallel, serial, "{jobs} jobs, whole up to {whole} pieces");
        assert_eq!(
            parallel_counts, counts,
            "{jobs} jobs, whole up to {whole} pieces"
        );
    }
    // Parts of any size: each holds as many items as asked for at most.
    for (jobs, items) in [(1, 7), (2, 1), (2, 7), (3, 100_000)] {
        let files = BillFiles::new(&paths)
            .piece_bytes(1000)
            .part_items(NonZeroUsize::new(items).unwrap());
        let (seen, parallel_counts, largest) = read_parts_parallel(dir, files, jobs);
        assert_eq!(seen, serial, "{jobs} jobs, parts of {items} items");
        assert_eq!(
            parallel_counts, counts,
            "{jobs} jobs, parts of {items} items"
        );
        assert!(largest <= items, "{jobs} jobs: a part of {largest} items");
        assert!(
            largest >= items.min(7),
            "{jobs} jobs: parts of {largest} items at most"
        );
    }
}

#[test]
fn a_file_cut_into_pieces_reads_as_a_whole_quoted_line_ends_and_all() {
    let dir = tempfile::tempdir().unwrap();
    let quoted = BUSY.replace(",dev,", ",\"de\nv\"\"\n,\"\n,");
    let long = BUSY.replace(",dev,", &format!(",\"{}\",", "x\n".repeat(400)));
    let too_long = BUSY.replace(",dev,", &format!(",{},", "y".repeat(70_000)));
    let body = format!(
        "{BUSY}\r\n\n{quoted}\n\"{BAD_TYPE}\n{LATER}\n\"1\n{long}\n{too_long}\nd\"e,f\n{HELP}\n{quoted}"
    );
    let files = [
        ("plain.csv", body.clone()),
        ("bom.csv", format!("\u{feff}{HEADER}\n{body}")),
        (
            "blank-first.csv",
            format!("\n\r\n\n\n\n\n\n\n{HEADER}\r\n{body}\n"),
        ),
        ("quote-first.csv", format!("\"{HEADER}\"\n{body}")),
        ("crlf.csv", body.replace('\n', "\r\n")),
    ];
    let mut paths = Vec::new();
    for (name, content) in &files {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        paths.push(path);
    }
    let archive = dir.path().join("all.zip");
    let members: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(name, content)| (*name, content.as_bytes()))
        .collect();
    std::fs::write(&archive, zip_of(&members)).unwrap();
    paths.push(archive);
    // Each file alone (its pieces the only jobs), then all of them.
    let alone = paths.iter().map(|path| vec![path.clone()]);
    for paths in alone.chain([paths.clone()]) {
        let (serial, counts) = read_all(dir.path(), BillFiles::new(&paths));
        assert!(counts.records >= 3 && counts.malformed > 1, "{counts:?}");
        for piece in [4, 5, 7, 16, 64, 200, 1000, 5000] {
            for jobs in [2, 3] {
                let files = BillFiles::new(&paths).piece_bytes(piece);
                let (parallel, parallel_counts) = read_all_parallel(dir.path(), files, jobs);
                let case = format!("{paths:?}, {jobs} jobs, pieces of {piece} bytes");
                assert_eq!(parallel, serial, "{case}");
                assert_eq!(parallel_counts, counts, "{case}");
            }
        }
    }
    // A quoted field longer than the cutting looks for a record end (4
    // MiB): the rest of the file is read as it comes, on one thread.
    let longest = dir.path().join("longest.csv");
    let field = format!("\"{}\"", "z\n".repeat(2_500_000));
    std::fs::write(
        &longest,
        format!("{body}\n{}\n{body}", BUSY.replace("dev", &field)),
    )
    .unwrap();
    // As an archive member, the rest is decompressed as it is read by the
    // thread that reads the piece; a member after it follows.
    let archive = dir.path().join("longest.zip");
    let content = std::fs::read(&longest).unwrap();
    let members = [
        ("longest.csv", content.as_slice()),
        ("after.csv", body.as_bytes()),
    ];
    std::fs::write(&archive, zip_of(&members)).unwrap();
    for input in [&longest, &archive] {
        let (serial, counts) = read_all(dir.path(), BillFiles::new([input]));
        assert!(counts.malformed > 10, "{counts:?}");
        for piece in [64, 1000] {
            for jobs in [2, 3] {
                let files = BillFiles::new([input]).piece_bytes(piece);
                let (parallel, parallel_counts) = read_all_parallel(dir.path(), files, jobs);
                let case = format!("{input:?}, {jobs} jobs, pieces of {piece} bytes");
                assert_eq!(parallel, serial, "{case}");
                assert_eq!(parallel_counts, counts, "{case}");
            }
        }
    }
}

#[test]
fn a_line_over_the_limit_inside_a_piece_is_too_long_whatever_the_jobs() {
    // A line of 70,000 bytes without quotes in the middle of a file large
    // enough to be cut into pieces of 1 MiB (which the threads read into
    // buffers far larger than the reader's own).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let mut bytes = SyntheticBills::new().to_bytes(40_000);
    assert!(bytes.len() > 5 << 20);
    let middle = 2_500_000 + bytes[2_500_000..].iter().position(|&b| b == b'\n').unwrap() + 1;
    let long = format!("{}\n", BUSY.replace("dev", &"d".repeat(70_000)));
    bytes.splice(middle..middle, long.into_bytes());
    std::fs::write(&path, bytes).unwrap();
    let (serial, counts) = read_all(dir.path(), BillFiles::new([&path]));
    assert_eq!(counts.malformed, 1, "{counts:?}");
    assert!(
        serial
            .iter()
            .any(|line| line.contains("over the 65536 of a bill record")),
        "{serial:?}"
    );
    for jobs in [2, 3] {
        let (parallel, parallel_counts) =
            read_all_parallel(dir.path(), BillFiles::new([&path]), jobs);
        assert!(parallel == serial, "{jobs} jobs");
        assert_eq!(parallel_counts, counts);
    }
}

#[test]
fn the_stop_policy_stops_at_the_first_problem_in_input_order_in_parallel_too() {
    let (inputs, tree) = many_inputs();
    let dir = inputs.dir.path();
    // The first problem is a.CSV's 97th record, in its first part.
    let files = || BillFiles::new([&tree]).policy(ErrorPolicy::Stop);
    let (serial, counts) = read_all(dir, files().policy(ErrorPolicy::Continue));
    let first_problem = serial
        .iter()
        .position(|line| line.starts_with("error"))
        .unwrap();
    let (stopped, stopped_counts) = read_all(dir, files());
    assert_eq!(stopped, serial[..=first_problem]);
    assert!(stopped_counts.stopped && !counts.stopped);
    for jobs in [1, 2, 4] {
        let (parallel, parallel_counts) = read_all_parallel(dir, files(), jobs);
        assert_eq!(parallel, stopped, "{jobs} jobs");
        assert_eq!(parallel_counts, stopped_counts, "{jobs} jobs");
    }
    // A problem opening a file stops a parallel run as well.
    let files = BillFiles::new(&inputs.paths[1..]).policy(ErrorPolicy::Stop);
    let (seen, counts) = read_all_parallel(dir, files, 2);
    assert_eq!(seen.len(), 1);
    assert_eq!(
        (counts.files, counts.unreadable, counts.stopped),
        (1, 1, true)
    );
}

#[test]
fn an_error_of_the_visitor_in_parallel_is_the_first_in_input_order() {
    let (_inputs, tree) = many_inputs();
    for jobs in [1, 2, 3] {
        let mut emitted = 0;
        let result = BillFiles::new([&tree]).read_parallel(
            NonZeroUsize::new(jobs).unwrap(),
            || 0,
            |records: &mut u64, item| match item {
                Item::Record(record) if record.location().line() == Some(500) => {
                    Err(record.location().to_string())
                }
                _ => {
                    *records += 1;
                    Ok(())
                }
            },
            |records| {
                emitted += std::mem::take(records);
                Ok(())
            },
        );
        let error = result.unwrap_err();
        assert!(error.ends_with("tree/b.csv:500"), "{error}");
        // a.CSV's 300 records, then b.csv's up to its part with line 500.
        assert!(emitted >= 300, "{jobs} jobs: {emitted}");
        assert!(emitted < 300 + 500, "{jobs} jobs: {emitted}");
    }
}

#[test]
fn a_panic_in_parallel_is_passed_on_not_waited_for() {
    let (_inputs, tree) = many_inputs();
    for (jobs, piece) in [(2, 1 << 20), (3, 1000)] {
        let run = std::panic::catch_unwind(|| {
            BillFiles::new([&tree]).piece_bytes(piece).read_parallel(
                NonZeroUsize::new(jobs).unwrap(),
                || (),
                |(), item| match item {
                    Item::Record(record) if record.location().line() == Some(500) => {
                        panic!("a visitor's bug")
                    }
                    _ => Ok::<_, Infallible>(()),
                },
                |()| Ok(()),
            )
        });
        let panic = run.unwrap_err();
        let message = panic.downcast_ref::<&str>().copied().unwrap_or_default();
        // The scope's own message, or the visitor's.
        assert!(
            message == "a scoped thread panicked" || message == "a visitor's bug",
            "{jobs} jobs: {message}"
        );
        // A panic where the parts are handed on stops the threads too.
        let run = std::panic::catch_unwind(|| {
            // A part an item: the threads that read fill the room.
            let files = BillFiles::new([&tree]).piece_bytes(piece);
            files.part_items(NonZeroUsize::MIN).read_parallel(
                NonZeroUsize::new(jobs).unwrap(),
                || (),
                |(), _| Ok::<_, Infallible>(()),
                |()| panic!("an emitter's bug"),
            )
        });
        let panic = run.unwrap_err();
        let message = panic.downcast_ref::<&str>().copied().unwrap_or_default();
        assert_eq!(message, "an emitter's bug", "{jobs} jobs");
    }
}

#[test]
fn a_missing_path_and_an_archive_without_bill_files_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.zip");
    std::fs::write(&empty, zip_of(&[("notes.txt", b"none")])).unwrap();
    let missing = dir.path().join("gone");
    let (seen, counts) = read_all(dir.path(), BillFiles::new([&empty, &missing]));
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert!(
        seen[0].starts_with("error unreadable gone: cannot open: "),
        "{seen:?}"
    );
    assert_eq!((counts.files, counts.unreadable), (2, 1));
    assert_eq!(
        read_all_parallel(dir.path(), BillFiles::new([&empty, &missing]), 2),
        (seen, counts)
    );
}

#[test]
fn a_media_type_that_is_no_code_is_totalled_under_its_text() {
    let odd = BUSY.replace(",3,-1,4,5,", ",3,-1,4,05,");
    let (summary, _) = summaries(&format!("{odd}\n"));
    let media: Vec<SummaryRow> = summary
        .rows()
        .filter(|row| row.group == Group::MediaType)
        .collect();
    assert_eq!(
        media,
        [SummaryRow {
            group: Group::MediaType,
            key: "05".into(),
            name: "not a code".into(),
            count: 1,
            total_duration_s: 900,
        }]
    );
}
