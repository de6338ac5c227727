//! Bill files: decoding, every error with its line, header detection, the
//! synthetic generator's round trips, and zip archives.

use std::io::{self, Cursor, Read, Write};

use cec_bills::synthetic::{Malformed, SyntheticBills};
use cec_bills::{
    Bill, BillArchive, BillErrorKind, BillFiles, BillReader, BillRow, BillTime, CodeProblem,
    Column, Encoding, Field, Item, TimeError,
};
use cec_codes::{ObjectKind, Operation, OperationType, Reason};

const HEADER: &str = "id,developer_id,account_id,agent_id,service_no,skill_id,call_id,begin_time,end_time,op_type,op_object,op_cause,media_type,vdn_id,cc_id,agent_type,phone_no,callIn_out,location_id,logon_sn,skillInfo_sn";

/// A good record: agent 1001 takes a 15-minute rest (Busy, reason 4).
const BUSY: [&str; 21] = [
    "1",
    "dev",
    "acct",
    "1001",
    "0",
    "1",
    "-1",
    "2023-09-27 08:00:00",
    "2023-09-27 08:15:00",
    "3",
    "-1",
    "4",
    "5",
    "1",
    "1",
    "4",
    "88001001",
    "-1",
    "0",
    "7",
    "1",
];

/// [`BUSY`] with some columns changed, as a CSV line (no quoting needed).
fn busy_with(changes: &[(Column, &str)]) -> String {
    let mut fields = BUSY;
    for &(column, text) in changes {
        fields[column.index()] = text;
    }
    fields.join(",")
}

/// Every result of reading `file`, as `ok LINE` or `LINE: what is wrong`.
fn outcomes(file: &[u8]) -> Vec<String> {
    BillReader::new(file)
        .map(|result| match result {
            Ok(row) => format!("ok {}", row.line),
            Err(error) => format!("{}: {}", error.line(), error.kind()),
        })
        .collect()
}

/// An operation as its accessors give it: the operation type's code and
/// name (`None` if the table does not list it), the object's text and
/// kind, and the reason's name and code.
type Outline = (
    i32,
    Option<&'static str>,
    String,
    Option<ObjectKind>,
    &'static str,
    i32,
);

fn outline(operation: &Operation<'_>) -> Outline {
    let (object, reason) = (operation.object(), operation.reason());
    (
        operation.code().code(),
        operation.code().known().map(OperationType::name),
        object.as_str().to_owned(),
        object.kind(),
        reason.name(),
        reason.code(),
    )
}

fn busy_bill() -> Bill {
    Bill {
        id: "1".into(),
        developer_id: "dev".into(),
        account_id: "acct".into(),
        agent_id: "1001".into(),
        service_no: "0".into(),
        skill_id: "1".into(),
        call_id: "-1".into(),
        begin_time: BillTime::new(2023, 9, 27, 8, 0, 0).unwrap(),
        end_time: BillTime::new(2023, 9, 27, 8, 15, 0).unwrap(),
        op_type: 3,
        op_object: "-1".into(),
        op_cause: 4,
        media_type: "5".into(),
        vdn_id: "1".into(),
        cc_id: "1".into(),
        agent_type: "4".into(),
        phone_no: "88001001".into(),
        call_in_out: "-1".into(),
        location_id: "0".into(),
        logon_sn: "7".into(),
        skill_info_sn: "1".into(),
    }
}

#[test]
fn a_record_decodes_every_column() {
    let file = format!("{}\n", BUSY.join(","));
    let rows: Vec<_> = BillReader::new(file.as_bytes())
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].line, 1);
    let bill = &rows[0].bill;
    assert_eq!(*bill, busy_bill());
    let operation = bill.operation();
    assert_eq!(operation.code().known(), Some(OperationType::Busy));
    assert_eq!(
        outline(&operation),
        (3, Some("Busy"), "-1".to_owned(), None, "TakingRest", 4)
    );
    assert_eq!(
        operation.reason().description(),
        Some(
            Reason::decode(OperationType::Busy, 4)
                .description()
                .unwrap()
        )
    );
    assert_eq!(bill.duration_secs(), 900);
    assert_eq!(bill.duration(), Some(std::time::Duration::from_secs(900)));
    for (column, text) in Column::ALL.into_iter().zip(BUSY) {
        assert_eq!(bill.field(column).to_string(), text, "{column}");
    }
    assert_eq!(bill.field(Column::OpType), Field::Code(3));
    assert_eq!(bill.field(Column::AgentId), Field::Text("1001"));
    assert_eq!(
        bill.field(Column::EndTime),
        Field::Time(BillTime::new(2023, 9, 27, 8, 15, 0).unwrap())
    );
}

#[test]
fn unknown_codes_and_not_applicable_markers_keep_their_numbers() {
    let file = [
        busy_with(&[
            (Column::OpType, "21"),
            (Column::OpObject, "1001"),
            (Column::OpCause, "3"),
        ]),
        busy_with(&[(Column::OpCause, "6")]),
        busy_with(&[(Column::OpObject, "65535"), (Column::OpCause, "65535")]),
        busy_with(&[(Column::OpType, "27"), (Column::OpCause, "0")]),
        busy_with(&[
            (Column::OpType, "-2147483648"),
            (Column::OpCause, "2147483647"),
        ]),
    ]
    .join("\n");
    let operations: Vec<_> = BillReader::new(file.as_bytes())
        .map(|row| {
            let bill = row.unwrap().bill;
            let operation = bill.operation();
            assert_eq!(
                operation.encode(),
                (bill.op_type, bill.op_object.as_str(), bill.op_cause)
            );
            outline(&operation)
        })
        .collect();
    assert_eq!(
        operations,
        [
            (21, None, "1001".to_owned(), None, "Unlisted", 3),
            (3, Some("Busy"), "-1".to_owned(), None, "Unlisted", 6),
            (
                3,
                Some("Busy"),
                "65535".to_owned(),
                None,
                "NotApplicable",
                65535
            ),
            (
                27,
                Some("WorkStatus"),
                "-1".to_owned(),
                None,
                "AfterCallProcessing",
                0
            ),
            (i32::MIN, None, "-1".to_owned(), None, "Unlisted", i32::MAX),
        ]
    );
}

#[test]
fn every_error_has_its_line_and_exact_message_and_reading_goes_on() {
    let mut file = Vec::new();
    let mut line = |text: &[u8]| {
        file.extend_from_slice(text);
        file.push(b'\n');
    };
    line(BUSY.join(",").as_bytes()); // 1
    line(BUSY[..20].join(",").as_bytes()); // 2
    line(format!("{},extra", BUSY.join(",")).as_bytes()); // 3
    line(busy_with(&[(Column::OpType, "Busy")]).as_bytes()); // 4
    line(busy_with(&[(Column::OpType, "3.0")]).as_bytes()); // 5
    line(busy_with(&[(Column::OpType, " 3")]).as_bytes()); // 6
    line(busy_with(&[(Column::OpCause, "")]).as_bytes()); // 7
    line(busy_with(&[(Column::OpCause, "4294967296")]).as_bytes()); // 8
    line(busy_with(&[(Column::OpCause, "-2147483649")]).as_bytes()); // 9
    line(busy_with(&[(Column::BeginTime, "2023-09-27T08:00:00")]).as_bytes()); // 10
    line(busy_with(&[(Column::BeginTime, "2023-9-27 08:00:00")]).as_bytes()); // 11
    line(busy_with(&[(Column::EndTime, "2023-02-29 08:00:00")]).as_bytes()); // 12
    line(busy_with(&[(Column::EndTime, "2023-13-01 08:00:00")]).as_bytes()); // 13
    line(busy_with(&[(Column::EndTime, "2023-09-27 24:00:00")]).as_bytes()); // 14
    line(busy_with(&[(Column::EndTime, "2023-09-27 08:60:00")]).as_bytes()); // 15
    line(busy_with(&[(Column::EndTime, "2023-09-27 08:00:60")]).as_bytes()); // 16
    line(busy_with(&[(Column::EndTime, "2023-09-00 08:00:00")]).as_bytes()); // 17
    line(busy_with(&[(Column::EndTime, "")]).as_bytes()); // 18
    let mut not_utf8 = BUSY.map(|field| field.as_bytes().to_vec());
    not_utf8[Column::AgentId.index()] = b"\xff1001".to_vec();
    line(&not_utf8.join(&b','));
    // 19
    // Several faults: the first column in file order is reported.
    line(
        busy_with(&[
            (Column::BeginTime, "yesterday"),
            (Column::OpType, "x"),
            (Column::OpCause, "y"),
        ])
        .as_bytes(),
    ); // 20
    line(busy_with(&[(Column::OpType, "x"), (Column::OpCause, "y")]).as_bytes()); // 21
    line(b""); // 22: blank lines are skipped
    // A quoted field spanning two lines: the record after it is on 25.
    line(busy_with(&[(Column::PhoneNo, "\"conference\nroom 2\"")]).as_bytes()); // 23-24
    line(b"1,2,3"); // 25
    line(BUSY.join(",").as_bytes()); // 26
    assert_eq!(
        outcomes(&file),
        [
            "ok 1",
            "2: expected 21 columns, found 20",
            "3: expected 21 columns, found 22",
            "4: op_type \"Busy\" is not an integer code",
            "5: op_type \"3.0\" is not an integer code",
            "6: op_type \" 3\" is not an integer code",
            "7: op_cause is empty, expected an integer code",
            "8: op_cause \"4294967296\" is out of the 32-bit range of a code",
            "9: op_cause \"-2147483649\" is out of the 32-bit range of a code",
            "10: begin_time \"2023-09-27T08:00:00\" is not a time: expected YYYY-MM-DD hh:mm:ss",
            "11: begin_time \"2023-9-27 08:00:00\" is not a time: expected YYYY-MM-DD hh:mm:ss",
            "12: end_time \"2023-02-29 08:00:00\" is not a time: 2023-02 has no day 29",
            "13: end_time \"2023-13-01 08:00:00\" is not a time: month 13 is not 01 to 12",
            "14: end_time \"2023-09-27 24:00:00\" is not a time: hour 24 is not 00 to 23",
            "15: end_time \"2023-09-27 08:60:00\" is not a time: minute 60 is not 00 to 59",
            "16: end_time \"2023-09-27 08:00:60\" is not a time: second 60 is not 00 to 59",
            "17: end_time \"2023-09-00 08:00:00\" is not a time: 2023-09 has no day 00",
            "18: end_time \"\" is not a time: expected YYYY-MM-DD hh:mm:ss",
            "19: agent_id is not valid UTF-8",
            "20: begin_time \"yesterday\" is not a time: expected YYYY-MM-DD hh:mm:ss",
            "21: op_type \"x\" is not an integer code",
            "ok 23",
            "25: expected 21 columns, found 3",
            "ok 26",
        ]
    );
}

#[test]
fn quoted_fields_read_as_csv_reads_them_whatever_their_shape() {
    // Each line quotes the phone number one way: the reader's way through
    // lines quoted whole, and csv's parser for any other, give csv's
    // fields, on the line each starts on.
    let shapes = [
        "\"conference \"\"1011\"\", room 2\"",
        "\"\"",
        "\"\"\"\"",
        "\"a,b\"",
        "\"呼出\"",
        "\"a\"b",
        "d\"e",
        " \"a\"",
        "\"a\nb\"",
        "\"a\"\"",
    ];
    let mut file = String::new();
    for shape in shapes {
        file.push_str(&busy_with(&[(Column::PhoneNo, shape)]));
        file.push('\n');
    }
    // Quoted to the end of the line, with a CRLF and without.
    file.push_str(&busy_with(&[(Column::SkillInfoSn, "\"1\"")]));
    file.push_str("\r\n");
    file.push_str(&busy_with(&[(Column::SkillInfoSn, "\"1\"")]));
    file.push('\n');
    // A quoted field left open to the end of the file.
    file.push_str(&busy_with(&[(Column::PhoneNo, "\"open,")]));
    file.push('\n');
    let mut expected = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(file.as_bytes());
    let expected: Vec<Vec<String>> = expected
        .records()
        .map(|record| {
            let record = record.expect("valid UTF-8");
            let mut fields: Vec<String> = record.iter().map(String::from).collect();
            // The reader drops the `\r` of a `\r\n` from the last column.
            if fields.len() == Column::COUNT
                && let Some(last) = fields.last_mut()
            {
                last.truncate(last.trim_end_matches('\r').len());
            }
            fields
        })
        .collect();
    let mut reader = BillReader::new(file.as_bytes());
    let mut found = Vec::new();
    let mut lines = Vec::new();
    while let Some(result) = reader.next_ref() {
        match result {
            Ok(record) => {
                lines.push(record.line());
                found.push(
                    Column::ALL
                        .map(|column| record.text(column).to_string())
                        .to_vec(),
                );
            }
            Err(error) => {
                lines.push(error.line());
                found.push(vec![error.to_string()]);
            }
        }
    }
    // Line 9's field holds a line end; line 11's `"a""` leaves its field
    // open to line 12's end, and line 14's to the end of the file.
    assert_eq!(lines, [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 14]);
    assert_eq!(found.len(), expected.len());
    let mut errors = Vec::new();
    for (index, (found, expected)) in found.iter().zip(&expected).enumerate() {
        match found.len() {
            21 => assert_eq!(found, expected, "record {index}"),
            _ => {
                let message = format!(
                    "line {}: expected 21 columns, found {}",
                    lines[index],
                    expected.len()
                );
                assert_eq!(found[0], message);
                errors.push(index);
            }
        }
    }
    assert_eq!(errors, [9, 11]);
    assert_eq!(
        found[0][Column::PhoneNo.index()],
        "conference \"1011\", room 2"
    );
    assert_eq!(found[5][Column::PhoneNo.index()], "ab");
    assert_eq!(found[6][Column::PhoneNo.index()], "d\"e");
    assert_eq!(found[8][Column::PhoneNo.index()], "a\nb");
}

#[test]
fn line_numbers_count_blank_lines_crlf_line_ends_and_multi_line_fields() {
    let quoted_phone = busy_with(&[(Column::PhoneNo, "\"conference\r\nroom 2\"")]);
    let quoted_last = busy_with(&[(Column::SkillInfoSn, "\"1\"")]);
    let file = format!(
        "\n\n{}\r\n\r\n{quoted_phone}\r\n{quoted_last}\r\n \n\n1,2,3",
        BUSY.join(",")
    );
    assert_eq!(
        outcomes(file.as_bytes()),
        [
            "ok 3",
            "ok 5",
            "ok 7",
            "8: expected 21 columns, found 1",
            "10: expected 21 columns, found 3"
        ]
    );
    let bills: Vec<_> = BillReader::new(file.as_bytes())
        .filter_map(Result::ok)
        .map(|row| row.bill)
        .collect();
    assert_eq!(bills[0], busy_bill(), "no \\r is left in the last column");
    assert_eq!(bills[1].phone_no, "conference\r\nroom 2");
    assert_eq!(bills[2].skill_info_sn, "1");
    // The same records with LF line ends and a final line end.
    let file = file.replace("\r\n", "\n") + "\n";
    assert_eq!(
        outcomes(file.as_bytes()),
        [
            "ok 3",
            "ok 5",
            "ok 7",
            "8: expected 21 columns, found 1",
            "10: expected 21 columns, found 3"
        ]
    );
}

#[test]
fn errors_are_values_that_say_where_and_what() {
    let file = busy_with(&[(Column::OpCause, "4294967296")]);
    let error = BillReader::new(file.as_bytes())
        .next()
        .unwrap()
        .unwrap_err();
    assert_eq!(error.line(), 1);
    assert_eq!(
        error.to_string(),
        "line 1: op_cause \"4294967296\" is out of the 32-bit range of a code"
    );
    match error.kind() {
        BillErrorKind::Code {
            column,
            text,
            problem,
        } => {
            assert_eq!(*column, Column::OpCause);
            assert_eq!(text, "4294967296");
            assert_eq!(*problem, CodeProblem::OutOfRange);
        }
        other => panic!("expected a code error, got {other:?}"),
    }

    let file = busy_with(&[(Column::BeginTime, "2023-04-31 00:00:00")]);
    let error = BillReader::new(file.as_bytes())
        .next()
        .unwrap()
        .unwrap_err();
    // The cause is in the message, once (no source repeats it).
    assert!(std::error::Error::source(&error).is_none());
    assert!(
        error.to_string().ends_with("2023-04 has no day 31"),
        "{error}"
    );
    match error.into_kind() {
        BillErrorKind::Time {
            column,
            text,
            error,
        } => {
            assert_eq!(column, Column::BeginTime);
            assert_eq!(text, "2023-04-31 00:00:00");
            assert_eq!(
                error,
                TimeError::Day {
                    year: 2023,
                    month: 4,
                    day: 31
                }
            );
        }
        other => panic!("expected a time error, got {other:?}"),
    }
}

/// A reader whose input fails after `bytes`.
struct FailingAfter<'a> {
    bytes: &'a [u8],
}

impl Read for FailingAfter<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        if self.bytes.is_empty() {
            return Err(io::Error::other("disk gone"));
        }
        let n = self.bytes.read(buffer)?;
        Ok(n)
    }
}

#[test]
fn a_failing_input_is_an_error_that_ends_the_reading() {
    let file = format!("{HEADER}\n{}\n", BUSY.join(","));
    let mut reader = BillReader::new(FailingAfter {
        bytes: file.as_bytes(),
    });
    assert_eq!(reader.next().unwrap().unwrap().line, 2);
    let error = reader.next().unwrap().unwrap_err();
    assert_eq!(error.to_string(), "line 3: cannot read: disk gone");
    assert!(matches!(error.kind(), BillErrorKind::Read(_)));
    assert!(reader.next().is_none());
    assert!(reader.next().is_none());
}

#[test]
fn a_header_line_is_detected_from_the_first_record() {
    let records = format!("{}\n{}\n", BUSY.join(","), busy_with(&[(Column::Id, "2")]));
    let bare: Vec<_> = BillReader::new(records.as_bytes())
        .map(|row| row.unwrap())
        .collect();
    let with_header_text = format!("{HEADER}\n{records}");
    let mut with_header = BillReader::new(with_header_text.as_bytes());
    assert_eq!(with_header.has_header(), None);
    let headed: Vec<_> = with_header.by_ref().map(|row| row.unwrap()).collect();
    assert_eq!(with_header.has_header(), Some(true));
    let mut without = BillReader::new(records.as_bytes());
    without.next();
    assert_eq!(without.has_header(), Some(false));

    assert_eq!(bare.iter().map(|row| row.line).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(
        headed.iter().map(|row| row.line).collect::<Vec<_>>(),
        [2, 3]
    );
    assert_eq!(bare[0].bill, busy_bill());
    assert_eq!(
        bare.iter().map(|row| &row.bill).collect::<Vec<_>>(),
        headed.iter().map(|row| &row.bill).collect::<Vec<_>>()
    );

    // Case, spaces, CRLF line ends and a byte order mark are all tolerated.
    let header = HEADER.to_uppercase().replace(',', ", ");
    let text = format!("\u{feff}{header}\r\n{}\r\n", BUSY.join(","));
    assert_eq!(outcomes(text.as_bytes()), ["ok 2"]);
    let bills: Vec<_> = BillReader::new(text.as_bytes())
        .map(|row| row.unwrap().bill)
        .collect();
    assert_eq!(bills, [busy_bill()]);
    // A byte order mark before a first data record is not part of its id.
    let text = format!("\u{feff}{}\n", BUSY.join(","));
    let bills: Vec<_> = BillReader::new(text.as_bytes())
        .map(|row| row.unwrap().bill)
        .collect();
    assert_eq!(bills, [busy_bill()]);
}

#[test]
fn a_header_that_names_other_columns_is_an_error_and_the_records_still_read() {
    let header = HEADER.replace("service_no", "service");
    let file = format!("{header}\n{}\n", BUSY.join(","));
    assert_eq!(
        outcomes(file.as_bytes()),
        [
            "1: header names column 5 \"service\", expected \"service_no\"",
            "ok 2"
        ]
    );
    let file = format!("id,agent_id\n{}\n", BUSY.join(","));
    assert_eq!(
        outcomes(file.as_bytes()),
        ["1: expected 21 columns, found 2", "ok 2"]
    );
    // Only the first record can be a header.
    let file = format!("{}\n{HEADER}\n", BUSY.join(","));
    assert_eq!(
        outcomes(file.as_bytes()),
        [
            "ok 1",
            "2: begin_time \"begin_time\" is not a time: expected YYYY-MM-DD hh:mm:ss"
        ]
    );
    assert_eq!(outcomes(b""), Vec::<String>::new());
    assert_eq!(
        outcomes(format!("{HEADER}\n").as_bytes()),
        Vec::<String>::new()
    );
}

#[test]
fn borrowed_records_are_the_owned_rows() {
    let file = SyntheticBills::new().malformed_every(5).to_bytes(40);
    let iterated: Vec<_> = BillReader::new(&file[..])
        .map(|result| result.map_err(|error| error.to_string()))
        .collect();
    let mut reader = BillReader::new(&file[..]);
    let mut borrowed = Vec::new();
    while let Some(result) = reader.next_ref() {
        borrowed.push(
            result
                .map(|record| {
                    let bill = record.to_bill();
                    for column in Column::ALL {
                        assert_eq!(record.field(column), bill.field(column), "{column}");
                    }
                    assert_eq!(record.operation(), bill.operation());
                    assert_eq!(record.duration_secs(), bill.duration_secs());
                    assert_eq!(record.duration(), bill.duration());
                    BillRow {
                        line: record.line(),
                        bill,
                    }
                })
                .map_err(|error| error.to_string()),
        );
    }
    assert_eq!(borrowed.len(), 40);
    assert_eq!(borrowed, iterated);
}

#[test]
fn a_borrowed_record_gives_each_column_as_the_file_writes_it() {
    let file = format!(
        "\u{feff}{}\r\n",
        busy_with(&[
            (Column::OpType, "003"),
            (Column::OpCause, "+4"),
            (Column::PhoneNo, "\"88,001\"\"001\""),
        ])
    );
    let mut reader = BillReader::new(file.as_bytes());
    let record = reader.next_ref().unwrap().unwrap();
    assert_eq!(record.line(), 1);
    assert_eq!(record.text(Column::Id), "1");
    assert_eq!(record.text(Column::OpType), "003");
    assert_eq!(record.op_type(), 3);
    assert_eq!(record.text(Column::OpCause), "+4");
    assert_eq!(record.op_cause(), 4);
    assert_eq!(record.text(Column::PhoneNo), "88,001\"001");
    assert_eq!(record.text(Column::SkillInfoSn), "1");
    assert_eq!(record.text(Column::BeginTime), "2023-09-27 08:00:00");
    assert_eq!(record.begin_time().to_string(), "2023-09-27 08:00:00");
    assert_eq!(record.end_time().to_string(), "2023-09-27 08:15:00");
    assert_eq!(record.field(Column::OpType), Field::Code(3));
    assert_eq!(record.operation().reason().name(), "TakingRest");
    let bill = record.to_bill();
    assert_eq!(
        bill,
        Bill {
            phone_no: "88,001\"001".into(),
            ..busy_bill()
        }
    );
    assert!(reader.next_ref().is_none());
    assert!(reader.next_ref().is_none());
}

#[test]
fn every_time_writes_back_the_text_it_was_read_from() {
    // Each field over its whole range, the others at their widest.
    let mut texts = Vec::new();
    for year in 0..=9999 {
        texts.push(format!("{year:04}-12-31 23:59:59"));
    }
    for month in 1..=12 {
        texts.push(format!("2024-{month:02}-01 00:00:00"));
    }
    for day in 1..=29 {
        texts.push(format!("2024-02-{day:02} 09:09:09"));
    }
    for hour in 0..=23 {
        for minute in 0..=59 {
            texts.push(format!(
                "1999-07-31 {hour:02}:{minute:02}:{:02}",
                59 - minute
            ));
        }
    }
    for text in &texts {
        let time: BillTime = text.parse().unwrap();
        assert_eq!(&time.to_string(), text);
        assert_eq!(serde_json::to_string(&time).unwrap(), format!("\"{text}\""));
    }
    // Width and alignment apply to the whole text, as for a `str`.
    let time: BillTime = "2023-09-27 08:15:00".parse().unwrap();
    assert_eq!(format!("[{time:>21}]"), "[  2023-09-27 08:15:00]");
    assert_eq!(format!("[{time:<20}]"), "[2023-09-27 08:15:00 ]");
}

#[test]
fn times_parse_strictly_and_subtract_across_days_months_and_leap_years() {
    let time = |text: &str| text.parse::<BillTime>().unwrap();
    let since = |end: &str, begin: &str| time(end).seconds_since(time(begin));
    assert_eq!(since("2023-09-27 00:00:00", "2023-09-26 23:59:59"), 1);
    assert_eq!(since("2024-01-01 00:00:00", "2023-12-31 23:59:59"), 1);
    assert_eq!(since("2023-03-01 00:00:00", "2023-02-28 00:00:00"), 86_400);
    assert_eq!(
        since("2024-03-01 00:00:00", "2024-02-28 00:00:00"),
        2 * 86_400
    );
    assert_eq!(
        since("2000-03-01 00:00:00", "2000-02-28 00:00:00"),
        2 * 86_400
    );
    assert_eq!(since("1900-03-01 00:00:00", "1900-02-28 00:00:00"), 86_400);
    // Unix time of 2000-01-01 00:00:00 UTC, counted from 1970.
    assert_eq!(
        since("2000-01-01 00:00:00", "1970-01-01 00:00:00"),
        946_684_800
    );
    assert_eq!(since("0000-01-01 00:00:00", "0000-01-01 00:00:00"), 0);
    assert_eq!(
        since("0001-01-01 00:00:00", "0000-01-01 00:00:00"),
        366 * 86_400
    );
    assert_eq!(since("2023-09-27 08:00:00", "2023-09-27 08:15:00"), -900);

    assert_eq!(
        time("2024-02-29 23:59:59").to_string(),
        "2024-02-29 23:59:59"
    );
    assert_eq!(BillTime::MIN.to_string(), "0000-01-01 00:00:00");
    assert_eq!(BillTime::default(), BillTime::MIN);
    assert_eq!(time("9999-12-31 23:59:59").year(), 9999);
    let fields = time("2023-09-27 08:15:42");
    assert_eq!(
        (
            fields.year(),
            fields.month(),
            fields.day(),
            fields.hour(),
            fields.minute(),
            fields.second()
        ),
        (2023, 9, 27, 8, 15, 42)
    );
    assert!(time("2023-09-27 08:15:42") < time("2023-09-27 08:15:43"));
    assert!(time("2023-09-27 23:59:59") < time("2023-09-28 00:00:00"));

    let error = |text: &str| text.parse::<BillTime>().unwrap_err().to_string();
    assert_eq!(error("1900-02-29 00:00:00"), "1900-02 has no day 29");
    assert_eq!(error("2023-06-31 00:00:00"), "2023-06 has no day 31");
    assert_eq!(error("2023-00-01 00:00:00"), "month 00 is not 01 to 12");
    for text in [
        "2023-09-27 08:00",
        "2023-09-27 08:00:00 ",
        "2023-09-27  8:00:00",
        "2023/09/27 08:00:00",
        "+023-09-27 08:00:00",
        "2023-09-27 08:00:0x",
        "２023-09-27 08:00:00",
    ] {
        assert_eq!(error(text), "expected YYYY-MM-DD hh:mm:ss", "{text:?}");
    }
    assert_eq!(
        BillTime::new(10_000, 1, 1, 0, 0, 0),
        Err(TimeError::Year(10_000))
    );
    assert_eq!(
        TimeError::Year(10_000).to_string(),
        "year 10000 is not 0000 to 9999"
    );
}

#[test]
fn a_record_that_ends_before_it_begins_has_a_negative_duration_and_no_duration() {
    let file = busy_with(&[
        (Column::BeginTime, "2023-09-27 08:15:00"),
        (Column::EndTime, "2023-09-27 08:00:00"),
    ]);
    let bill = BillReader::new(file.as_bytes())
        .next()
        .unwrap()
        .unwrap()
        .bill;
    assert_eq!(bill.duration_secs(), -900);
    assert_eq!(bill.duration(), None);
}

#[test]
fn the_serialized_header_is_the_vendors_column_list() {
    assert_eq!(Column::ALL.map(Column::name).join(","), HEADER);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.serialize(busy_bill()).unwrap();
    let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    assert_eq!(text, format!("{HEADER}\n{}\n", BUSY.join(",")));
    for (index, column) in Column::ALL.into_iter().enumerate() {
        assert_eq!(column.index(), index);
        assert_eq!(Column::from_index(index), Some(column));
        assert_eq!(column.to_string(), column.name());
    }
    assert_eq!(Column::from_index(21), None);
    assert_eq!(Column::COUNT, 21);
    // Serde reads what it writes, too.
    let bills: Vec<Bill> = csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(bills, [busy_bill()]);
}

/// The message the reader gives for each kind of malformed record the
/// generator writes.
fn expected_message(kind: Malformed) -> &'static str {
    match kind {
        Malformed::MissingColumn => "expected 21 columns, found 20",
        Malformed::ExtraColumn => "expected 21 columns, found 22",
        Malformed::OpTypeNotInteger => "op_type \"Busy\" is not an integer code",
        Malformed::OpCauseEmpty => "op_cause is empty, expected an integer code",
        Malformed::OpCauseOutOfRange => {
            "op_cause \"4294967296\" is out of the 32-bit range of a code"
        }
        Malformed::BeginTimeFormat => {
            "begin_time \"2023-09-27T08:00:00\" is not a time: expected YYYY-MM-DD hh:mm:ss"
        }
        Malformed::EndTimeNoSuchDay => {
            "end_time \"2023-02-29 08:00:00\" is not a time: 2023-02 has no day 29"
        }
        Malformed::AgentIdNotUtf8 => "agent_id is not valid UTF-8",
    }
}

#[test]
fn a_synthetic_file_stops_at_its_outputs_own_error() {
    /// Takes `room` bytes, then fails as a pipe whose reader has gone.
    struct Pipe {
        room: usize,
    }

    impl std::io::Write for Pipe {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if self.room == 0 {
                return Err(std::io::ErrorKind::BrokenPipe.into());
            }
            let taken = bytes.len().min(self.room);
            self.room -= taken;
            Ok(taken)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    for room in [0, 100, 100_000] {
        let error = SyntheticBills::new()
            .write(10_000, Pipe { room })
            .expect_err("the pipe closes");
        // The error of the output itself, not csv's wrapping of it.
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{room}");
    }
}

#[test]
fn synthetic_files_read_back_as_generated_with_and_without_header() {
    for header in [true, false] {
        let generator = SyntheticBills::new().header(header).malformed_every(7);
        let rows = 3 * generator.cycle_len() as u64;
        let file = generator.to_bytes(rows);
        let mut reader = BillReader::new(&file[..]);
        let mut seen = 0;
        let mut malformed = Vec::new();
        for (index, result) in reader.by_ref().enumerate() {
            let index = index as u64;
            match (generator.row(index), result) {
                (Ok(expected), Ok(row)) => {
                    assert_eq!(row.line, generator.line(index));
                    assert_eq!(row.bill, expected, "line {}", row.line);
                }
                (Err(kind), Err(error)) => {
                    assert_eq!(error.line(), generator.line(index));
                    assert_eq!(error.kind().to_string(), expected_message(kind));
                    malformed.push(kind);
                }
                (expected, got) => panic!("record {index}: expected {expected:?}, got {got:?}"),
            }
            seen += 1;
        }
        assert_eq!(seen, rows);
        assert_eq!(reader.has_header(), Some(header));
        assert_eq!(malformed.len() as u64, rows / 7);
        let mut kinds = malformed.clone();
        kinds.sort();
        kinds.dedup();
        assert_eq!(kinds, Malformed::ALL, "every kind of malformed record");
        assert_eq!(malformed[..8], Malformed::ALL, "in order");
    }
}

#[test]
fn synthetic_files_cover_every_operation_type_and_reason() {
    let generator = SyntheticBills::new().header(false).malformed_every(3);
    // The first cycle of good records, spread over 1.5 cycles of records.
    let rows = generator.cycle_len() as u64 * 3 / 2;
    let file = generator.to_bytes(rows);
    let bills: Vec<Bill> = BillReader::new(&file[..])
        .filter_map(Result::ok)
        .map(|row| row.bill)
        .collect();
    assert_eq!(bills.len(), generator.cycle_len());
    let operations: Vec<_> = bills.iter().map(Bill::operation).collect();
    for operation in OperationType::ALL {
        let reasons: Vec<Reason> = operations
            .iter()
            .filter(|row| row.code().known() == Some(operation))
            .map(Operation::reason)
            .collect();
        assert!(!reasons.is_empty(), "{operation:?} is missing");
        for info in operation.reasons() {
            assert!(
                reasons
                    .iter()
                    .any(|reason| reason.name() == info.reason.name()),
                "{operation:?} reason {} is missing",
                info.reason.name()
            );
        }
    }
    let unknown: Vec<_> = operations
        .iter()
        .filter(|row| row.code().known().is_none())
        .map(|row| row.code().code())
        .collect();
    assert_eq!(unknown, [21, 999, -7]);
    let outlines: Vec<Outline> = operations.iter().map(outline).collect();
    for (reason, code) in [
        ("NotApplicable", -1),
        ("NotApplicable", 65535),
        ("Unlisted", 6),
    ] {
        assert!(
            outlines
                .iter()
                .any(|row| row.1 == Some("Busy") && (row.4, row.5) == (reason, code)),
            "{reason} {code}"
        );
    }
    assert!(
        outlines
            .iter()
            .any(|row| (row.2.as_str(), row.3) == ("65535", None))
    );
    assert!(
        outlines
            .iter()
            .any(|row| (row.2.as_str(), row.3) == ("2001", Some(ObjectKind::EmployeeId)))
    );
    // Some records need quoting.
    assert!(bills.iter().any(|bill| bill.phone_no.contains("\", room")));
}

#[test]
fn synthetic_files_are_deterministic_and_streamed_the_same() {
    let generator = SyntheticBills::new().malformed_every(4);
    let bytes = generator.to_bytes(500);
    assert_eq!(bytes, generator.to_bytes(500));
    let mut streamed = Vec::new();
    generator.write(500, &mut streamed).unwrap();
    assert_eq!(streamed, bytes);
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.lines().next(), Some(HEADER));
    assert_eq!(text.lines().count(), 501);
    let bare = SyntheticBills::new().header(false).to_bytes(3);
    assert_eq!(
        String::from_utf8(bare)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .split(',')
            .next(),
        Some("1")
    );
    assert!(SyntheticBills::default().has_header());
}

fn zip_of(entries: &[(&str, zip::CompressionMethod, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for &(name, method, content) in entries {
        if name.ends_with('/') {
            zip.add_directory(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            continue;
        }
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        zip.start_file(name, options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn zip_archives_read_their_csv_files_in_archive_order() {
    let first = SyntheticBills::new().malformed_every(9).to_bytes(200);
    let second = SyntheticBills::new().header(false).to_bytes(30);
    let deflated = zip::CompressionMethod::Deflated;
    let stored = zip::CompressionMethod::Stored;
    let bytes = zip_of(&[
        ("20230927080000000123_agentOprInfo_1.csv", deflated, &first),
        ("readme.txt", deflated, b"not a bill file"),
        ("more/", stored, b""),
        (
            "more/20230927081500000456_agentOprInfo_2.CSV",
            stored,
            &second,
        ),
    ]);
    let mut archive = BillArchive::new(Cursor::new(bytes)).unwrap();
    assert_eq!(archive.len(), 2);
    assert!(!archive.is_empty());
    assert_eq!(
        archive.names().collect::<Vec<_>>(),
        [
            "20230927080000000123_agentOprInfo_1.csv",
            "more/20230927081500000456_agentOprInfo_2.CSV"
        ]
    );
    for (index, content) in [&first, &second].into_iter().enumerate() {
        let from_zip: Vec<_> = archive
            .open(index)
            .unwrap()
            .map(|result| result.map_err(|error| error.to_string()))
            .collect();
        let direct: Vec<_> = BillReader::new(&content[..])
            .map(|result| result.map_err(|error| error.to_string()))
            .collect();
        assert_eq!(from_zip, direct);
    }
    assert_eq!(
        archive.open(2).err().unwrap().to_string(),
        "specified file not found in archive"
    );
}

#[test]
fn a_broken_zip_archive_is_an_error() {
    let error = BillArchive::new(Cursor::new(b"id,op_type\n".to_vec())).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid Zip archive: Could not find EOCD"
    );
    let empty = BillArchive::new(Cursor::new(zip_of(&[]))).unwrap();
    assert!(empty.is_empty());

    // A corrupted deflate stream surfaces as a read error of its file. The
    // content is fixed, not synthetic (whose codes are the spec's), so that
    // the damage lands where it always did.
    let content: Vec<u8> = (0..2000)
        .flat_map(|id| {
            format!(
                "{id},dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,\
                 {},-1,{},5,1,1,4,88001001,-1,0,7,1\n",
                id % 60,
                id % 300
            )
            .into_bytes()
        })
        .collect();
    let mut bytes = zip_of(&[("bills.csv", zip::CompressionMethod::Deflated, &content)]);
    let middle = bytes.len() / 2;
    for byte in &mut bytes[middle..middle + 64] {
        *byte = !*byte;
    }
    let mut archive = BillArchive::new(Cursor::new(bytes)).unwrap();
    let last = archive.open(0).unwrap().last().unwrap();
    let error = last.unwrap_err();
    assert!(
        matches!(error.kind(), BillErrorKind::Read(_)),
        "expected a read error, got {error}"
    );
    // Where the damage shows depends on the compressor; what is wrong
    // does not: the entry's checksum, checked at its end.
    assert_eq!(error.kind().to_string(), "cannot read: Invalid checksum");
}

/// Reads its bytes at most `chunk` at a time, as a pipe or a decompressor
/// may give them.
struct Chunked<'a> {
    bytes: &'a [u8],
    chunk: usize,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let n = self.chunk.min(buffer.len()).min(self.bytes.len());
        buffer[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

/// Every result of reading `reader` in `encoding`, as text.
fn results_in(reader: impl Read, encoding: Encoding) -> Vec<String> {
    BillReader::new(reader)
        .encoding(encoding)
        .map(|result| match result {
            Ok(row) => format!("{} {:?}", row.line, row.bill),
            Err(error) => error.to_string(),
        })
        .collect()
}

#[test]
fn the_results_are_the_same_however_the_input_arrives() {
    let busy = format!("{}\r\n", BUSY.join(","));
    let quoted = format!(
        "{}\n",
        busy_with(&[(Column::PhoneNo, "\"conference \"\"1\"\",\nroom 2\"")])
    );
    let files: Vec<Vec<u8>> = vec![
        // Byte order marks, one or two of them (found by fuzzing: the
        // second was dropped only when the input came whole).
        [b"\x84\x31\x95\x33\xef\xbb\xbf".as_slice(), busy.as_bytes()].concat(),
        [b"\xef\xbb\xbf\xef\xbb\xbf".as_slice(), busy.as_bytes()].concat(),
        [
            b"\xef\xbb\xbf".as_slice(),
            HEADER.as_bytes(),
            b"\n",
            quoted.as_bytes(),
        ]
        .concat(),
        [b"\x84\x31".as_slice()].concat(),
        format!("\n\n{quoted}{busy}\r\n{quoted}").into_bytes(),
        // Records across the reader's buffers, quoted or not.
        SyntheticBills::new().malformed_every(17).to_bytes(3_000),
    ];
    for file in &files {
        for encoding in [Encoding::Utf8, Encoding::Gb18030, Encoding::Auto] {
            let whole = results_in(&file[..], encoding);
            for chunk in [1, 2, 3, 5, 4093] {
                let bytes = &file[..];
                let chunked = results_in(Chunked { bytes, chunk }, encoding);
                assert_eq!(chunked, whole, "{encoding} in chunks of {chunk}");
            }
        }
    }
    // A byte order mark is dropped once: a second is text.
    let results = results_in(&files[1][..], Encoding::Utf8);
    assert!(results[0].contains("id: \"\\u{feff}1\""), "{results:?}");
    assert_eq!(
        results_in(&files[0][..], Encoding::Gb18030),
        ["line 1: id is not valid GB18030"]
    );
}

#[test]
fn gbk_and_gb18030_text_decodes_and_auto_finds_which() {
    let with_direction = |direction: &str| busy_with(&[(Column::CallInOut, direction)]) + "\n";
    let text = ["呼入", "呼出", "IVR呼出", "outbound呼出", "-1"]
        .map(with_direction)
        .concat();
    let gbk = encoding_rs::GBK.encode(&text).0.into_owned();
    let gb18030 = [
        b"\x84\x31\x95\x33".as_slice(),
        &encoding_rs::GB18030.encode(&text).0,
    ]
    .concat();
    let directions = |file: &[u8], encoding| {
        let mut reader = BillReader::new(file).encoding(encoding);
        let mut found = Vec::new();
        while let Some(result) = reader.next_ref() {
            found.push(match result {
                Ok(record) => record.text(Column::CallInOut).to_owned(),
                Err(error) => error.to_string(),
            });
        }
        (found, reader.decided_encoding())
    };
    let expected = ["呼入", "呼出", "IVR呼出", "outbound呼出", "-1"].map(String::from);
    for (file, asked, found) in [
        (&gbk[..], Encoding::Gbk, Encoding::Gbk),
        (&gbk, Encoding::Auto, Encoding::Gb18030),
        (&gb18030, Encoding::Gb18030, Encoding::Gb18030),
        (&gb18030, Encoding::Auto, Encoding::Gb18030),
        (text.as_bytes(), Encoding::Auto, Encoding::Utf8),
    ] {
        assert_eq!(
            directions(file, asked),
            (expected.to_vec(), Some(found)),
            "{asked}"
        );
    }
    // All ASCII: nothing to find out.
    let ascii = with_direction("1");
    assert_eq!(
        directions(ascii.as_bytes(), Encoding::Auto),
        (vec!["1".to_owned()], None)
    );
    // In UTF-8, GBK text is no text; in GB18030, stray bytes are not.
    let (found, _) = directions(&gbk, Encoding::Utf8);
    assert_eq!(found[0], "line 1: callIn_out is not valid UTF-8");
    assert_eq!(found[4], "-1");
    let broken = with_direction("\u{fffd}").replace('\u{fffd}', "\u{7f}");
    let mut broken = broken.into_bytes();
    let at = broken.iter().position(|&byte| byte == 0x7f).unwrap();
    broken[at] = 0xff;
    let (found, decided) = directions(&broken, Encoding::Gbk);
    assert_eq!(
        (found[0].as_str(), decided),
        ("line 1: callIn_out is not valid GBK", Some(Encoding::Gbk))
    );
    let (found, decided) = directions(&broken, Encoding::Auto);
    assert_eq!(
        (found[0].as_str(), decided),
        ("line 1: callIn_out is neither UTF-8 nor GB18030", None)
    );
    assert_eq!(Encoding::default(), Encoding::Utf8);
    assert_eq!(
        [
            Encoding::Utf8,
            Encoding::Gbk,
            Encoding::Gb18030,
            Encoding::Auto
        ]
        .map(|encoding| encoding.to_string()),
        ["UTF-8", "GBK", "GB18030", "auto"]
    );
}

#[test]
fn an_error_message_says_its_cause_once_and_source_does_not_repeat_it() {
    use core::error::Error;
    let bad_time = "1,dev,acct,1001,0,1,-1,2023-02-30 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1\n";
    let mut reader = BillReader::new(bad_time.as_bytes());
    let time = reader.next().unwrap().unwrap_err();
    let mut reader = BillReader::new(FailingAfter { bytes: b"1,dev\n" });
    let _ = reader.next();
    let read = reader.next().unwrap().unwrap_err();
    assert!(
        read.to_string().ends_with("cannot read: disk gone"),
        "{read}"
    );
    let missing = std::env::temp_dir().join("cec-bills-no-such-file.csv");
    let mut open = None;
    BillFiles::new([&missing])
        .read(|item| {
            if let Item::Problem(error) = item {
                open = Some(error);
            }
            Ok::<_, std::convert::Infallible>(())
        })
        .unwrap();
    let open = open.unwrap();
    assert!(open.to_string().contains("cannot open: "), "{open}");
    let errors: [&dyn Error; 5] = [&time, time.kind(), &read, read.kind(), &open];
    for error in errors {
        assert!(
            error.source().is_none(),
            "{error} has a source it says already"
        );
    }
}

/// The Rust blocks of `markdown` that use `cec_bills`.
fn bill_examples(markdown: &str) -> Vec<String> {
    let mut examples = Vec::new();
    let mut rest = markdown;
    while let Some(start) = rest.find("```rust") {
        let after = &rest[start..];
        let body_start = after.find('\n').unwrap() + 1;
        let body_end = after[body_start..].find("```").unwrap() + body_start;
        let body = &after[body_start..body_end];
        if body.contains("use cec_bills") {
            examples.push(body.to_string());
        }
        rest = &after[body_end + 3..];
    }
    examples
}

#[test]
fn the_repositorys_readme_shows_the_examples_this_crates_readme_tests() {
    // The crate's README runs as doctests; the repository's README (whose
    // own doctests cannot see this crate) shows the same code.
    let crate_readme = include_str!("../README.md");
    let repository_readme = include_str!("../../README.md");
    let examples = bill_examples(crate_readme);
    assert_eq!(examples.len(), 2);
    assert_eq!(bill_examples(repository_readme), examples);
    assert!(!crate_readme.contains("rust,ignore"));
}
