//! Tests of the vendor documentation reader.
//!
//! Fixtures: the vendor pages of `tests/fixtures/vendor/` (see
//! `tests/support/mod.rs`).

mod support;

use codes_tools::vendor_doc::{
    Column, DocError, Layout, Located, ObjectCell, ReasonParagraph, VendorRow, VendorTable, parse,
    parse_tables, parse_values,
};
use support::{
    AGENT_TYPE_2025, AGENT_TYPE_OLDER, CALL_TYPE, COLUMNS_ZH, MEDIA_2023, MEDIA_2025, MONITORING,
    PAGE_2023, PIPE_2023, PIPE_2025, ZH,
};

const CODES_2023: [i64; 29] = [
    0, 1, 2, 3, 4, 10, 13, 20, 22, 26, 27, 29, 30, 31, 32, 38, 40, 41, 43, 44, 45, 46, 47, 52, 53,
    54, 55, 57, 58,
];

fn ok(text: &str) -> VendorTable {
    match parse(text) {
        Ok(table) => table,
        Err(errors) => panic!("unexpected errors: {:#?}", messages(&errors)),
    }
}

fn messages(errors: &[DocError]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

fn errors(text: &str) -> Vec<String> {
    match parse(text) {
        Ok(table) => panic!("expected errors, parsed {table:#?}"),
        Err(errors) => messages(&errors),
    }
}

fn row(table: &VendorTable, code: i64) -> &VendorRow {
    table
        .rows
        .iter()
        .find(|row| row.code == code)
        .unwrap_or_else(|| panic!("no row {code}"))
}

fn reasons(row: &VendorRow) -> Vec<ReasonParagraph> {
    row.reasons
        .iter()
        .map(|reason| reason.value.clone())
        .collect()
}

fn object(row: &VendorRow) -> Option<ObjectCell> {
    row.object.as_ref().map(|object| object.value.clone())
}

fn value(located: &Option<Located<String>>) -> Option<&str> {
    located.as_ref().map(|located| located.value.as_str())
}

fn code(code: i64, text: &str) -> ReasonParagraph {
    ReasonParagraph::Code {
        code,
        text: text.to_owned(),
    }
}

fn range(start: i64, end: i64, dash: char, text: &str) -> ReasonParagraph {
    ReasonParagraph::Range {
        start,
        end,
        dash,
        text: text.to_owned(),
    }
}

fn note(text: &str) -> ReasonParagraph {
    ReasonParagraph::Note(text.to_owned())
}

fn not_used(spelling: &str) -> ReasonParagraph {
    ReasonParagraph::NotUsed {
        spelling: spelling.to_owned(),
    }
}

fn no_object(spelling: &str) -> ObjectCell {
    ObjectCell::NotUsed {
        spelling: spelling.to_owned(),
    }
}

fn text_object(text: &str) -> ObjectCell {
    ObjectCell::Text(text.to_owned())
}

/// A row without line numbers.
type PlainRow = (i64, String, Option<ObjectCell>, Vec<ReasonParagraph>);

fn plain_rows(table: &VendorTable) -> Vec<PlainRow> {
    table
        .rows
        .iter()
        .map(|row| {
            (
                row.code,
                row.description.value.clone(),
                object(row),
                reasons(row),
            )
        })
        .collect()
}

fn header(table: &VendorTable) -> Vec<&str> {
    table
        .header
        .iter()
        .map(|cell| cell.value.as_str())
        .collect()
}

// ---------------------------------------------------------------------------
// The real 2023 page.

#[test]
fn page_2023_preamble_and_header() {
    let table = ok(PAGE_2023);
    assert_eq!(table.layout, Layout::Paragraph);
    assert_eq!(
        table.updated,
        Some(Located {
            line: 1,
            value: "2023-09-27 GMT+08:00".to_owned()
        })
    );
    assert_eq!(
        table.title,
        Some(Located {
            line: 3,
            value: "Agent Operation Type".to_owned()
        })
    );
    assert_eq!(
        table.caption,
        Some(Located {
            line: 5,
            value: "Table 1 Agent operation type".to_owned()
        })
    );
    assert_eq!(
        header(&table),
        [
            "Operation Type",
            "Description",
            "Operation Object",
            "Operation Reason"
        ]
    );
    let header_lines: Vec<usize> = table.header.iter().map(|cell| cell.line).collect();
    assert_eq!(header_lines, [7, 9, 11, 13]);
}

#[test]
fn page_2023_codes_in_order() {
    let table = ok(PAGE_2023);
    assert_eq!(table.rows.len(), 29);
    let codes: Vec<i64> = table.rows.iter().map(|row| row.code).collect();
    assert_eq!(codes, CODES_2023);
    assert!(table.rows.iter().all(|row| row.object.is_some()));
    assert!(table.rows.iter().all(|row| !row.reasons.is_empty()));
}

#[test]
fn page_2023_descriptions_byte_for_byte() {
    let table = ok(PAGE_2023);
    let expected = [
        (0, "The agent signs out of CCS."),
        (
            13,
            "Manual station to automatic station (an agent be in the Suspended state).",
        ),
        (20, "Listening/Insert/Whisper"),
        (26, "Be on holiday or take a rest."),
        (54, "Release transfer"),
        (58, "The agent enters the conference state."),
    ];
    for (code, description) in expected {
        assert_eq!(
            row(&table, code).description.value,
            description,
            "row {code}"
        );
    }
}

#[test]
fn page_2023_line_numbers() {
    let table = ok(PAGE_2023);
    let first = row(&table, 0);
    assert_eq!(first.line, 15);
    assert_eq!(first.description.line, 17);
    assert_eq!(first.object.as_ref().map(|object| object.line), Some(19));
    let reason_lines: Vec<usize> = first.reasons.iter().map(|reason| reason.line).collect();
    assert_eq!(reason_lines, [21, 23, 25, 27, 29, 31, 33, 35, 37, 39]);
    let last = row(&table, 58);
    assert_eq!(last.line, 289);
    assert_eq!(last.object.as_ref().map(|object| object.line), Some(293));
    assert_eq!(last.reasons[0].line, 295);
}

#[test]
fn page_2023_type_0_reasons() {
    let table = ok(PAGE_2023);
    let type_0 = row(&table, 0);
    assert_eq!(object(type_0), Some(no_object("-1")));
    let reasons = reasons(type_0);
    assert_eq!(reasons.len(), 10);
    assert_eq!(
        reasons[0],
        range(1, 255, '-', "The error is caused by the client.")
    );
    let codes: Vec<i64> = reasons[1..]
        .iter()
        .map(|reason| match reason {
            ReasonParagraph::Code { code, .. } => *code,
            other => panic!("not a code: {other:?}"),
        })
        .collect();
    assert_eq!(codes, (256..=264).collect::<Vec<_>>());
    assert_eq!(
        reasons[9],
        code(
            264,
            "An agent with the same employee ID is forcibly signing in to a new client. As a \
             result, the agent is forcibly signed out."
        )
    );
}

#[test]
fn page_2023_type_1_and_3() {
    let table = ok(PAGE_2023);
    assert_eq!(reasons(row(&table, 1)), [not_used("-1")]);
    let busy = reasons(row(&table, 3));
    assert_eq!(busy.len(), 7);
    assert_eq!(busy[0], code(1, "Indicates that an agent indicates busy."));
    assert_eq!(
        busy[6],
        range(200, 250, '-', "error codes customized by the service side.")
    );
}

#[test]
fn page_2023_type_4_talking() {
    let table = ok(PAGE_2023);
    assert_eq!(
        reasons(row(&table, 4)),
        [
            code(
                1,
                "The agent does not really exit the conversation status. Bills are generated \
                 every five minutes starting from 00:00 to 23:55."
            ),
            code(0, "The agent fully exits the conversation status."),
            note("The conversation status in these bills refers to only text conversations."),
        ]
    );
}

#[test]
fn page_2023_type_20_bare_code() {
    let table = ok(PAGE_2023);
    let type_20 = row(&table, 20);
    assert_eq!(object(type_20), Some(text_object("Employee ID.")));
    assert_eq!(reasons(type_20), [ReasonParagraph::BareCode(0)]);
    // The `22` after the `0` starts the next row.
    assert_eq!(row(&table, 22).description.value, "Play voice.");
}

#[test]
fn page_2023_type_26_note() {
    let table = ok(PAGE_2023);
    assert_eq!(
        reasons(row(&table, 26)),
        [note(
            "The rest cause code is specified when the client invokes \
             CCC_REQUEST_REST_EX_Msg. The default cause code is 0."
        )]
    );
}

#[test]
fn page_2023_type_27_en_dash() {
    let table = ok(PAGE_2023);
    assert_eq!(
        reasons(row(&table, 27)),
        [
            code(
                0,
                "after-call processing. The business side is set to automatically enter the \
                 on-work state."
            ),
            range(
                0,
                255,
                '\u{2013}',
                "manual adjustment. An agent manually enters the on-work state by invoking the \
                 interface."
            ),
            note("The default value is 0, indicating the after-call processing state."),
        ]
    );
}

#[test]
fn page_2023_type_40_and_58() {
    let table = ok(PAGE_2023);
    let type_40 = reasons(row(&table, 40));
    assert_eq!(type_40.len(), 7);
    assert_eq!(
        type_40[6],
        code(6, "Indicates that the call is to be connected.")
    );
    let type_58 = row(&table, 58);
    assert_eq!(object(type_58), Some(text_object("Agent ID.")));
    assert_eq!(reasons(type_58), [not_used("-1")]);
}

#[test]
fn page_2023_with_crlf_and_bom_reads_the_same() {
    let crlf = format!("\u{feff}{}", PAGE_2023.replace('\n', "\r\n"));
    let table = ok(&crlf);
    assert_eq!(table, ok(PAGE_2023));
}

#[test]
fn page_2023_with_layout_whitespace_reads_the_same() {
    let padded: String = PAGE_2023
        .split('\n')
        .map(|line| format!("  {line}\t \n\n"))
        .collect();
    let table = ok(&padded);
    assert_eq!(plain_rows(&table), plain_rows(&ok(PAGE_2023)));
    assert_eq!(header(&table), header(&ok(PAGE_2023)));
}

// ---------------------------------------------------------------------------
// The pipe fixtures.

#[test]
fn pipe_2023_matches_the_page() {
    let page = ok(PAGE_2023);
    let pipe = ok(PIPE_2023);
    assert_eq!(pipe.layout, Layout::Pipe);
    assert_eq!(pipe.caption, None);
    assert_eq!(value(&pipe.updated), value(&page.updated));
    assert_eq!(value(&pipe.title), value(&page.title));
    assert_eq!(header(&pipe), header(&page));
    assert_eq!(plain_rows(&pipe), plain_rows(&page));
}

#[test]
fn pipe_2023_line_numbers() {
    let pipe = ok(PIPE_2023);
    assert_eq!(pipe.updated.as_ref().map(|updated| updated.line), Some(1));
    assert_eq!(pipe.title.as_ref().map(|title| title.line), Some(2));
    let header_lines: Vec<usize> = pipe.header.iter().map(|cell| cell.line).collect();
    assert_eq!(header_lines, [4, 5, 6, 7]);
    let first = row(&pipe, 0);
    assert_eq!(first.line, 9, "a row starting with `|` is located there");
    assert_eq!(first.description.line, 11);
    let reason_lines: Vec<usize> = first.reasons.iter().map(|reason| reason.line).collect();
    assert_eq!(reason_lines, (13..=22).collect::<Vec<_>>());
}

#[test]
fn pipe_2025_revision() {
    let table = ok(PIPE_2025);
    assert_eq!(table.layout, Layout::Pipe);
    assert_eq!(value(&table.updated), Some("2025-06-30 GMT+08:00"));
    assert_eq!(value(&table.title), Some("Agent Operation Type"));
    assert_eq!(table.caption, None);
    assert_eq!(header(&table), header(&ok(PAGE_2023)));

    let codes: Vec<i64> = table.rows.iter().map(|row| row.code).collect();
    let mut expected = CODES_2023.to_vec();
    expected.extend([5, 6, 11, 21]);
    expected.sort_unstable();
    assert_eq!(codes, expected);

    let type_0 = row(&table, 0);
    assert_eq!(type_0.line, 8, "a row without `|` starts at its code");
    assert_eq!(type_0.description.value, "The agent logs out of the CCS.");
    assert_eq!(object(type_0), Some(no_object("US_NO_USE")));
    assert_eq!(
        type_0.reasons[0].value,
        range(1, 255, '\u{2013}', "The error is caused by the client.")
    );
    assert_eq!(reasons(row(&table, 1)), [not_used("US_NO_USE")]);
    assert_eq!(object(row(&table, 2)), Some(no_object("65535")));
    assert_eq!(reasons(row(&table, 2)), [not_used("65535")]);
    assert_eq!(object(row(&table, 22)), Some(no_object("0xFFFF")));
    assert_eq!(reasons(row(&table, 22)), [not_used("0xFFFF")]);
    assert_eq!(
        reasons(row(&table, 3)).last(),
        Some(&range(
            200,
            250,
            '\u{2013}',
            "error codes customized by the service side."
        ))
    );
    assert_eq!(
        reasons(row(&table, 11)),
        [
            code(0, "Indicates a two-party consultation."),
            code(1, "Indicates a three-party consultation."),
        ]
    );
    assert_eq!(object(row(&table, 21)), Some(text_object("Employee ID.")));
    // Rows the revision left alone read as in 2023.
    let page = plain_rows(&ok(PAGE_2023));
    let revision = plain_rows(&table);
    for code in [4, 20, 26, 27, 40, 58] {
        let find = |rows: &[PlainRow]| rows.iter().find(|row| row.0 == code).cloned();
        assert_eq!(find(&revision), find(&page), "row {code}");
    }
}

// ---------------------------------------------------------------------------
// Smaller tables.

#[test]
fn two_columns_paragraph() {
    let table = ok("Table 2 Media types\n\nCode\n\nMeaning\n\n1\n\nVoice.\n\n-1\n\nUnknown.\n");
    assert_eq!(table.layout, Layout::Paragraph);
    assert_eq!(table.updated, None);
    assert_eq!(table.title, None);
    assert_eq!(value(&table.caption), Some("Table 2 Media types"));
    assert_eq!(header(&table), ["Code", "Meaning"]);
    assert_eq!(
        plain_rows(&table),
        [
            (1, "Voice.".to_owned(), None, vec![]),
            (-1, "Unknown.".to_owned(), None, vec![]),
        ]
    );
}

#[test]
fn two_columns_pipe() {
    let table =
        ok("Code |\nMeaning |\n|---|---|\n1 |\nVoice. |\n| 2 | Text. |\n|\n3 |\nVideo. |\n");
    assert_eq!(table.layout, Layout::Pipe);
    assert_eq!(table.title, None);
    let lines: Vec<usize> = table.rows.iter().map(|row| row.line).collect();
    assert_eq!(lines, [4, 6, 7]);
    assert_eq!(
        plain_rows(&table),
        [
            (1, "Voice.".to_owned(), None, vec![]),
            (2, "Text.".to_owned(), None, vec![]),
            (3, "Video.".to_owned(), None, vec![]),
        ]
    );
}

#[test]
fn three_columns_paragraph() {
    let table = ok(
        "Updated on 2024-01-02 GMT+08:00\n\nCall release\n\nTable 3 Release causes\n\n\
         Code\n\nDescription\n\nCause\n\n\
         7\n\nReleased.\n\n0\n\n8\n\nRejected.\n\n1: By the agent.\n\n2 - 9: By the system.\n\n\
         See the call record.\n",
    );
    assert_eq!(value(&table.updated), Some("2024-01-02 GMT+08:00"));
    assert_eq!(value(&table.title), Some("Call release"));
    assert_eq!(header(&table), ["Code", "Description", "Cause"]);
    assert_eq!(
        plain_rows(&table),
        [
            (
                7,
                "Released.".to_owned(),
                None,
                vec![ReasonParagraph::BareCode(0)]
            ),
            (
                8,
                "Rejected.".to_owned(),
                None,
                vec![
                    code(1, "By the agent."),
                    range(2, 9, '-', "By the system."),
                    note("See the call record."),
                ]
            ),
        ]
    );
}

#[test]
fn three_columns_pipe_single_line_rows() {
    let table = ok("| Code | Description | Cause |\n| :--- | --- | ---: |\n\
         | 7 | Released. | 0xffff |\n| 8 | Rejected. | 200 \u{2013} 250: Custom. |\n");
    assert_eq!(header(&table), ["Code", "Description", "Cause"]);
    assert_eq!(
        plain_rows(&table),
        [
            (7, "Released.".to_owned(), None, vec![not_used("0xffff")]),
            (
                8,
                "Rejected.".to_owned(),
                None,
                vec![range(200, 250, '\u{2013}', "Custom.")]
            ),
        ]
    );
}

#[test]
fn reason_classification() {
    let cases = [
        ("-1", not_used("-1")),
        ("65535", not_used("65535")),
        ("0xFFFF", not_used("0xFFFF")),
        ("US_NO_USE", not_used("US_NO_USE")),
        ("7", ReasonParagraph::BareCode(7)),
        ("-7", ReasonParagraph::BareCode(-7)),
        ("007", ReasonParagraph::BareCode(7)),
        ("3: Text.", code(3, "Text.")),
        ("3 :   Text.", code(3, "Text.")),
        ("-3: Text.", code(-3, "Text.")),
        ("0-0: Text.", range(0, 0, '-', "Text.")),
        ("1-255: Text.", range(1, 255, '-', "Text.")),
        ("1 - 255: Text.", range(1, 255, '-', "Text.")),
        ("1\u{2013}255: Text.", range(1, 255, '\u{2013}', "Text.")),
        (
            "1 \u{2013} 255 : Text: more.",
            range(1, 255, '\u{2013}', "Text: more."),
        ),
        ("3:Text.", note("3:Text.")),
        ("3.5: Text.", note("3.5: Text.")),
        ("-5-3: Text.", note("-5-3: Text.")),
        ("1\u{2014}255: Text.", note("1\u{2014}255: Text.")),
        ("0x10", note("0x10")),
        ("Note: text.", note("text.")),
        ("NOTE:text.", note("text.")),
        ("说明:此通话态话单", note("此通话态话单")),
        ("说明\u{ff1a}全角", note("全角")),
        ("Note that x.", note("Note that x.")),
        ("-", not_used("-")),
        ("1~255:客户端传入原因", range(1, 255, '~', "客户端传入原因")),
        (
            "0\u{ff5e}255\u{ff1a}全角",
            range(0, 255, '\u{ff5e}', "全角"),
        ),
        ("3:自己示忙", code(3, "自己示忙")),
        ("3\u{ff1a}自己示忙", code(3, "自己示忙")),
        ("3\u{ff1a} Busy.", code(3, "Busy.")),
        ("The default is 0.", note("The default is 0.")),
    ];
    for (paragraph, expected) in cases {
        let text =
            format!("| Code | Description | Reason |\n|---|---|---|\n| 1 | One. | {paragraph} |\n");
        let table = ok(&text);
        assert_eq!(reasons(&table.rows[0]), [expected], "{paragraph:?}");
    }
}

#[test]
fn object_cells() {
    let cases = [
        ("-1", no_object("-1")),
        ("65535", no_object("65535")),
        ("0XFFFF", no_object("0XFFFF")),
        ("US_NO_USE", no_object("US_NO_USE")),
        ("Employee ID.", text_object("Employee ID.")),
        ("ID 7", text_object("ID 7")),
    ];
    for (cell, expected) in cases {
        let text = format!(
            "| Code | Description | Object | Reason |\n|---|---|---|---|\n| 1 | One. | {cell} | -1 |\n"
        );
        let table = ok(&text);
        assert_eq!(object(&table.rows[0]), Some(expected), "{cell:?}");
    }
}

#[test]
fn paragraph_object_not_used_marker_is_not_a_row_start() {
    let table =
        ok("Table 1 T\n\nA\n\nB\n\nC\n\nD\n\n1\n\nOne.\n\n65535\n\n65535\n\n2\n\nTwo.\n\n-1\n\n-1");
    assert_eq!(
        plain_rows(&table),
        [
            (
                1,
                "One.".to_owned(),
                Some(no_object("65535")),
                vec![not_used("65535")]
            ),
            (
                2,
                "Two.".to_owned(),
                Some(no_object("-1")),
                vec![not_used("-1")]
            ),
        ]
    );
}

#[test]
fn pipe_trailing_row_start_is_ignored() {
    let table = ok("A |\nB |\n|---|---|\n|\n1 |\nOne. |\n|\n2 |\nTwo. |\n|\n");
    assert_eq!(table.rows.len(), 2);
}

#[test]
fn pipe_blank_lines_and_crlf() {
    let table = ok(
        "Title\r\n\r\n|\r\nA |\r\nB |\r\nC |\r\n\r\n---|---|---\r\n|\r\n1 |\r\nOne. |\r\n\
         First.\r\n\r\nSecond. |\r\n",
    );
    assert_eq!(value(&table.title), Some("Title"));
    assert_eq!(
        plain_rows(&table),
        [(
            1,
            "One.".to_owned(),
            None,
            vec![note("First."), note("Second.")]
        )]
    );
}

#[test]
fn pipe_caption_is_accepted() {
    let table = ok("Updated on today\nTitle\nTable 9 Things\nA |\nB |\n|---|---|\n1 |\nOne. |");
    assert_eq!(value(&table.updated), Some("today"));
    assert_eq!(value(&table.title), Some("Title"));
    assert_eq!(value(&table.caption), Some("Table 9 Things"));
}

#[test]
fn output_is_deterministic() {
    assert_eq!(parse(PAGE_2023), parse(PAGE_2023));
    assert_eq!(parse(PIPE_2025), parse(PIPE_2025));
    let broken = PAGE_2023.replace("\n\n27\n", "\n\n26\n");
    assert_eq!(parse(&broken), parse(&broken));
}

// ---------------------------------------------------------------------------
// The vendor's page family.

fn codes(table: &VendorTable) -> Vec<i64> {
    table.rows.iter().map(|row| row.code).collect()
}

fn descriptions(table: &VendorTable) -> Vec<&str> {
    table
        .rows
        .iter()
        .map(|row| row.description.value.as_str())
        .collect()
}

#[test]
fn chinese_operation_page_reads_as_the_english_one() {
    let table = ok(ZH);
    assert_eq!(table.layout, Layout::Pipe);
    assert_eq!(value(&table.title), Some("座席操作类型"));
    assert_eq!((table.caption.clone(), table.updated.clone()), (None, None));
    assert_eq!(header(&table), ["操作类型", "含义", "操作对象", "操作原因"]);
    assert_eq!(
        table.columns,
        [
            Column::Code,
            Column::Description,
            Column::Object,
            Column::Reason
        ]
    );
    assert_eq!(codes(&table), CODES_2023);
    assert_eq!(row(&table, 0).description.value, "座席签出CCS。");
    assert_eq!(object(row(&table, 10)), Some(text_object("工号")));
    assert_eq!(object(row(&table, 58)), Some(text_object("座席工号")));
    assert_eq!(object(row(&table, 1)), Some(no_object("-1")));
}

#[test]
fn flattened_reason_cells_are_split_at_each_label() {
    let table = ok(ZH);
    let type_0 = row(&table, 0);
    let reasons_0 = reasons(type_0);
    assert_eq!(reasons_0.len(), 10);
    assert_eq!(reasons_0[0], range(1, 255, '~', "客户端传入原因"));
    // Chinese text may follow the colon directly, ASCII letters first.
    assert_eq!(
        reasons_0[6],
        code(261, "CCS检测到与UIS关于座席控制块握手超时")
    );
    assert_eq!(reasons_0[8], code(263, "UIS与座席握手超时"));
    assert_eq!(
        reasons_0[9],
        code(
            264,
            "具有相同工号的座席正在新的客户端强制登录,导致本座席被强制签出"
        )
    );
    // Every paragraph of a flattened cell is on the cell's line.
    assert!(type_0.reasons.iter().all(|reason| reason.line == 12));
    assert_eq!(
        reasons(row(&table, 3)).last(),
        Some(&range(200, 250, '~', "业务自定义原因码"))
    );
    // A NOTE label starts a note and is left out of it.
    assert_eq!(
        reasons(row(&table, 4)),
        [
            code(1, "座席未真实退出通话态时,每个准点0分和5分输出的话单。"),
            code(0, "座席完全退出通话态时的话单。"),
            note("此通话态话单仅表示文字交谈时的话单"),
        ]
    );
    // A Chinese full stop and a space end a paragraph.
    assert_eq!(
        reasons(row(&table, 27)),
        [
            code(0, "事后整理,业务侧设置自动进入工作态。"),
            range(
                0,
                255,
                '~',
                "手动调整,由业务座席通过调用接口手动进入工作态。"
            ),
            note("缺省为0,即事后整理。"),
        ]
    );
    assert_eq!(
        reasons(row(&table, 26)),
        [note(
            "休息原因由客户端调用CCC_REQUEST_REST_EX_Msg时指定(默认0)。"
        )]
    );
    assert_eq!(reasons(row(&table, 20)), [ReasonParagraph::BareCode(0)]);
}

#[test]
fn flattened_cells_are_not_split_inside_a_label_or_a_time() {
    let cases: [(&str, Vec<ReasonParagraph>); 6] = [
        (
            "1: From 00:00 to 23:55. 2: Then.",
            vec![code(1, "From 00:00 to 23:55."), code(2, "Then.")],
        ),
        ("1 - 255: Text.", vec![range(1, 255, '-', "Text.")]),
        ("1: Busy. 5:x", vec![code(1, "Busy. 5:x")]),
        (
            "时间 00:00至23:55。 缺省。",
            vec![note("时间 00:00至23:55。"), note("缺省。")],
        ),
        (
            "1:自己示忙 NOTE: English note.",
            vec![code(1, "自己示忙"), note("English note.")],
        ),
        ("说明：全角标签", vec![note("全角标签")]),
    ];
    for (cell, expected) in cases {
        let text =
            format!("| Code | Description | Reason |\n|---|---|---|\n| 1 | One. | {cell} |\n");
        assert_eq!(reasons(&ok(&text).rows[0]), expected, "{cell:?}");
    }
}

#[test]
fn media_type_pages_are_two_columns() {
    for page in [MEDIA_2023, MEDIA_2025] {
        let table = ok(page);
        assert_eq!(table.layout, Layout::Pipe);
        assert_eq!(value(&table.title), Some("Media Type"));
        assert_eq!(table.caption, None);
        assert_eq!(header(&table), ["Media Type", "Description"]);
        assert_eq!(table.columns, [Column::Code, Column::Description]);
        assert_eq!(codes(&table), [1, 5]);
        assert_eq!(descriptions(&table), ["Text chat", "Common voice call"]);
    }
    assert_eq!(value(&ok(MEDIA_2023).updated), Some("2023-09-27 GMT+08:00"));
    assert_eq!(value(&ok(MEDIA_2025).updated), Some("2025-11-13 GMT+08:00"));
}

#[test]
fn agent_type_page_has_a_subtitle_and_constant_names() {
    let table = ok(AGENT_TYPE_2025);
    assert_eq!(table.layout, Layout::Paragraph);
    assert_eq!(value(&table.title), Some("Agent Type Description"));
    assert_eq!(
        table.subtitle,
        Some(Located {
            line: 5,
            value: "Agent type.".to_owned()
        })
    );
    assert_eq!(value(&table.caption), Some("Table 1 Agent type."));
    // `Agent type.` names no column: the `Description` after it makes it
    // the constant names.
    assert_eq!(header(&table), ["Value", "Agent type.", "Description"]);
    assert_eq!(
        table.columns,
        [Column::Code, Column::Constant, Column::Description]
    );
    assert_eq!(codes(&table), (0..=13).collect::<Vec<_>>());
    let last = row(&table, 13);
    assert_eq!(
        last.constant,
        Some(Located {
            line: 95,
            value: "AGENT_TYPE_EMEDIA".to_owned()
        })
    );
    assert_eq!(last.description.value, "Multimedia Agent");
    assert!(
        table
            .rows
            .iter()
            .all(|row| row.object.is_none() && row.reasons.is_empty())
    );
}

#[test]
fn older_agent_type_page_lists_row_12_twice() {
    // The vendor repeats row 12 cell for cell: it is read once.
    let twice = ok(AGENT_TYPE_OLDER);
    assert_eq!(
        twice.repeated,
        [codes_tools::vendor_doc::RepeatedRow {
            line: 56,
            first: 52,
            code: 12
        }]
    );
    // A code repeated with other cells is an error.
    let differing = AGENT_TYPE_OLDER.replacen(
        "Single phone video agent |\n",
        "Single-phone video agent |\n",
        1,
    );
    assert_eq!(
        errors(&differing),
        ["line 56: duplicate code 12, already on line 52"]
    );
    // Without the second row 12 it reads the same, title and subtitle
    // before the table.
    let lines: Vec<&str> = lines_of(AGENT_TYPE_OLDER);
    let table = ok(&lines[..lines.len() - 4].join("\n"));
    assert_eq!(table.rows, twice.rows);
    assert_eq!(table.repeated, []);
    assert_eq!(value(&table.title), Some("Description of Agent Types"));
    assert_eq!(value(&table.subtitle), Some("Agent Type"));
    assert_eq!(header(&table), ["Value", "Agent Type", "Description"]);
    assert_eq!(codes(&table), [0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    assert_eq!(
        row(&table, 3)
            .constant
            .as_ref()
            .map(|constant| constant.value.as_str()),
        Some("AGENT_TYPE_SINGLE_PHONE")
    );
}

#[test]
fn call_type_page_without_row_starts() {
    let table = ok(CALL_TYPE);
    assert_eq!(value(&table.title), Some("Call Type"));
    assert_eq!(header(&table), ["Value", "Description"]);
    assert_eq!(codes(&table), [0, 6, 7, 40, 41, 43, 44, 45, 51, 52, 53]);
    assert_eq!(row(&table, 53).description.value, "Multi-party call.");
}

/// The page's notes with their lines.
fn located_notes(table: &VendorTable) -> Vec<(usize, &str)> {
    table
        .notes
        .iter()
        .map(|note| (note.line, note.value.as_str()))
        .collect()
}

#[test]
fn monitoring_shaped_page_has_a_note_bullets_and_dash_cells() {
    let table = ok(MONITORING);
    let notes = located_notes(&table);
    assert_eq!(
        notes,
        [
            (7, "NOTE:"),
            (
                9,
                "An operation type whose object and reason are \"-\" writes no bill."
            )
        ]
    );
    assert_eq!(header(&table), header(&ok(PAGE_2023)));
    let type_0 = row(&table, 0);
    assert_eq!(object(type_0), Some(no_object("US_NO_USE")));
    assert_eq!(
        reasons(type_0),
        [
            range(1, 255, '\u{2013}', "The error is caused by the client."),
            code(256, "The agent is disconnected from the platform."),
        ]
    );
    let lines: Vec<usize> = type_0.reasons.iter().map(|reason| reason.line).collect();
    assert_eq!(lines, [25, 26]);
    let type_9 = row(&table, 9);
    assert_eq!(object(type_9), Some(no_object("-")));
    assert_eq!(reasons(type_9), [not_used("-")]);
    assert_eq!(reasons(row(&table, 20)), [ReasonParagraph::BareCode(0)]);
}

#[test]
fn note_cells_in_the_pipe_layout() {
    let table = ok(
        "Title\nNOTE: Before the table.\n| Code | Description |\n|---|---|\n\
         | NOTE: At the top. |\n|\n说明：\n顶部的说明 |\n| 1 | One. |\n",
    );
    let notes = located_notes(&table);
    assert_eq!(
        notes,
        [
            (2, "NOTE: Before the table."),
            (5, "NOTE: At the top."),
            (7, "说明："),
            (8, "顶部的说明"),
        ]
    );
    assert_eq!(value(&table.title), Some("Title"));
    assert_eq!(codes(&table), [1]);
}

#[test]
fn note_cells_in_the_paragraph_layout() {
    let table = ok(
        "NOTE: Above.\n\nTable 1 T\n\nNOTE:\n\nRows without bills.\n\nCode\n\n\
         Description\n\n1\n\nOne.",
    );
    let notes: Vec<&str> = table.notes.iter().map(|note| note.value.as_str()).collect();
    assert_eq!(notes, ["NOTE: Above.", "NOTE:", "Rows without bills."]);
    assert_eq!(header(&table), ["Code", "Description"]);
    // A header cell `说明` (description) is no note: a note has a colon.
    let table = ok("Table 1 T\n\n编号\n\n说明\n\n1\n\n一。");
    assert_eq!(header(&table), ["编号", "说明"]);
    assert!(table.notes.is_empty());
}

#[test]
fn bulleted_reason_cells() {
    let table = ok(&format!(
        "{PARA_4}1\n\nOne.\n\n-1\n\n• 1: First.\n• 2–3: Second.\n- 4: Dashed.\n* Starred note.\n"
    ));
    assert_eq!(
        reasons(&table.rows[0]),
        [
            code(1, "First."),
            range(2, 3, '\u{2013}', "Second."),
            code(4, "Dashed."),
            note("Starred note."),
        ]
    );
    let pipe = ok(&format!(
        "{PIPE_4}1 |\nOne. |\n- |\n• 1: First.\n• 2: Second. |\n"
    ));
    assert_eq!(
        reasons(&pipe.rows[0]),
        [code(1, "First."), code(2, "Second.")]
    );
    assert_eq!(object(&pipe.rows[0]), Some(no_object("-")));
    // Items follow each other without blank lines; other paragraphs do not.
    assert_errors(
        &format!("{PARA_4}1\n\nOne.\n\n-1\n\n• 1: First.\nSecond."),
        &[r#"line 18: expected a blank line between paragraphs, found "Second.""#],
    );
}

#[test]
fn header_wording_picks_the_shape() {
    let cases: [(&[&str], &[Column]); 7] = [
        (&["A", "B"], &[Column::Code, Column::Description]),
        (
            &["A", "B", "C"],
            &[Column::Code, Column::Description, Column::Reason],
        ),
        (
            &["编号", "媒体类型", "描述"],
            &[Column::Code, Column::Constant, Column::Description],
        ),
        (
            &["Code", "Constant", "Text"],
            &[Column::Code, Column::Constant, Column::Description],
        ),
        (
            &["A", "B", "C", "D"],
            &[
                Column::Code,
                Column::Description,
                Column::Object,
                Column::Reason,
            ],
        ),
        (
            &["操作类型", "含义", "操作对象", "操作原因"],
            &[
                Column::Code,
                Column::Description,
                Column::Object,
                Column::Reason,
            ],
        ),
        (
            &["Value", "Name", "Description.", "Cause"],
            &[
                Column::Code,
                Column::Constant,
                Column::Description,
                Column::Reason,
            ],
        ),
    ];
    for (header, columns) in cases {
        let mut text = format!(
            "| {} |\n|{}\n| 1 |",
            header.join(" | "),
            "---|".repeat(header.len())
        );
        for column in &columns[1..] {
            text += match column {
                Column::Constant => " ONE |",
                Column::Object => " -1 |",
                Column::Reason => " 0 |",
                _ => " One. |",
            };
        }
        let table = ok(&format!("{text}\n"));
        assert_eq!(table.columns, columns, "{header:?}");
    }
    assert_errors(
        "| Code | Reason | Description |\n|---|---|---|\n| 1 | x | y |\n",
        &[
            r#"line 1: expected the header cells of a code table (code, description, then object and reason, or code, constant name, description), found "Code", "Reason", "Description""#,
        ],
    );
}

#[test]
fn constant_cells_are_constant_names() {
    let header = "| Value | Constant | Description |\n|---|---|---|\n";
    assert_errors(
        &format!("{header}| 1 | Extension | One. |\n| 2 | 2_X | Two. |\n| 3 |  | Three. |\n"),
        &[
            r#"line 3: expected a constant name (capital letters, digits and "_", such as AGENT_TYPE_EXTENSION), found "Extension""#,
            r#"line 4: expected a constant name (capital letters, digits and "_", such as AGENT_TYPE_EXTENSION), found "2_X""#,
            r#"line 5: expected a constant name (capital letters, digits and "_", such as AGENT_TYPE_EXTENSION), found """#,
        ],
    );
    assert_errors(
        &format!("{header}|\n1 |\nA\nB |\nOne. |\n"),
        &["line 5: expected a one-paragraph constant name, found 2 paragraphs"],
    );
}

#[test]
fn several_tables_on_a_page() {
    let paragraphs = "Updated on 2025-11-13\n\nTable 1 Media type\n\nMedia Type\n\nDescription\n\n\
        1\n\nText chat\n\nTable 2 Call type\n\nValue\n\nDescription\n\n0\n\nCommon incoming call.\n";
    let pipes = "Media Type\n| Media Type | Description |\n|---|---|\n| 1 | Text chat |\n\
        Call Type\nTable 2 Call types\nValue |\nDescription |\n---|---|\n0 |\nCommon incoming call. |\n\
        |\n| Code | Description | Reason |\n|---|---|---|\n| 7 | Seven. | 0 |\n";
    let tables = parse_tables(paragraphs).unwrap();
    assert_eq!(tables.len(), 2);
    assert_eq!(value(&tables[0].updated), Some("2025-11-13"));
    assert_eq!(value(&tables[1].caption), Some("Table 2 Call type"));
    assert_eq!(tables[1].line(), 13);
    assert_eq!(codes(&tables[0]), [1]);
    assert_eq!(descriptions(&tables[1]), ["Common incoming call."]);
    let tables = parse_tables(pipes).unwrap();
    assert_eq!(tables.len(), 3);
    assert_eq!(value(&tables[0].title), Some("Media Type"));
    assert_eq!(value(&tables[1].title), Some("Call Type"));
    assert_eq!(value(&tables[1].caption), Some("Table 2 Call types"));
    assert_eq!(header(&tables[1]), ["Value", "Description"]);
    assert_eq!(codes(&tables[1]), [0]);
    assert_eq!(header(&tables[2]), ["Code", "Description", "Reason"]);
    assert_eq!(reasons(&tables[2].rows[0]), [ReasonParagraph::BareCode(0)]);
    // `parse` reads a page of one table only.
    assert_errors(
        paragraphs,
        &["line 13: expected one table, found another: the page has 2 tables"],
    );
    assert_errors(
        pipes,
        &["line 6: expected one table, found another: the page has 3 tables"],
    );
    // Every error of every table, in line order.
    let broken = paragraphs
        .replace("Text chat", "7")
        .replace("Common incoming call.", "8");
    assert_eq!(
        messages(&parse_tables(&broken).unwrap_err()),
        [
            r#"line 11: expected a description (text), found "7""#,
            r#"line 21: expected a description (text), found "8""#,
        ]
    );
}

#[test]
fn values_of_a_parameter() {
    let list = parse_values(COLUMNS_ZH, "callIn_out").unwrap();
    assert_eq!(list.layout, Layout::Paragraph);
    assert_eq!(
        value(&list.title),
        Some("座席操作详单索引文件(yyyymmddhhmmssSSS+3位随机数_agentOprInfo_文件序号.csv)定义")
    );
    assert_eq!(
        list.subtitle.as_ref().map(|subtitle| subtitle.line),
        Some(3)
    );
    let header: Vec<&str> = list.header.iter().map(|cell| cell.value.as_str()).collect();
    assert_eq!(header, ["顺序", "参数名称", "数据类型", "参数说明"]);
    assert_eq!(
        list.parameter,
        Located {
            line: 155,
            value: "callIn_out".to_owned()
        }
    );
    assert_eq!(value(&list.lead), Some("呼入呼出标志,包括:"));
    let values: Vec<(usize, &str)> = list
        .values
        .iter()
        .map(|value| (value.line, value.value.as_str()))
        .collect();
    assert_eq!(
        values,
        [
            (161, "呼入"),
            (162, "呼出"),
            (163, "IVR呼出"),
            (164, "outbound呼出")
        ]
    );
    // A table of parameters is not a table of codes.
    assert_errors(
        COLUMNS_ZH,
        &[
            r#"line 5: expected the header of a table of codes, found a table of parameters (column "参数名称"): its codes are the values listed for one parameter"#,
        ],
    );
}

#[track_caller]
fn assert_value_errors(text: &str, parameter: &str, expected: &[&str]) {
    match parse_values(text, parameter) {
        Ok(list) => panic!("expected errors, read {list:#?}"),
        Err(errors) => assert_eq!(messages(&errors), expected, "in {text:?}"),
    }
}

#[test]
fn values_of_a_parameter_errors() {
    let head = "| 顺序 | 参数名称 | 数据类型 | 参数说明 |\n|---|---|---|---|\n";
    assert_value_errors(
        COLUMNS_ZH,
        "callin_out",
        &[
            "line 5: expected a row of parameter \"callin_out\", found none (parameters: id, developer_id, account_id, agent_id, service_no, skill_id, call_id, begin_time, end_time, op_type, op_object, op_cause, media_type, vdn_id, cc_id, agent_type, phone_no, callIn_out, location_id, logon_sn, skillInfo_sn)",
        ],
    );
    assert_value_errors(
        &format!("{head}| 1 | id | String | 唯一标识。 |\n"),
        "id",
        &[
            r#"line 3: expected a bulleted list of the values of "id" ("• value" a line), found "唯一标识。""#,
        ],
    );
    assert_value_errors(
        &format!("{head}|\n1 |\nflag |\nString |\n标志:\n另一段\n• 是\n• 否\n说明 |\n"),
        "flag",
        &[
            r#"line 8: expected one paragraph before the list of values, found "另一段""#,
            r#"line 11: expected a list item ("• value") up to the end of the cell, found "说明""#,
        ],
    );
    assert_value_errors(
        &format!("{head}|\n1 |\nflag |\nString |\n• 是\n• 是 |\n| 1 | other | x | y |\n"),
        "flag",
        &[
            r#"line 8: duplicate value "是", already on line 7"#,
            "line 9: duplicate code 1, already on line 3",
        ],
    );
    assert_value_errors(
        &format!("{head}|\n1 |\nflag |\nString |\n• 是 |\n|\n2 |\nflag |\nString |\n• 否 |\n"),
        "flag",
        &[
            r#"line 8: expected one row of parameter "flag", found another (the first is on line 3)"#,
        ],
    );
    assert_value_errors(
        MEDIA_2023,
        "Media Type",
        &[
            r#"line 4: expected a table of parameters (a "Parameter" or "参数名称" column) with a row of "Media Type", found only tables of codes"#,
        ],
    );
    assert_value_errors(
        &format!("{head}| 1 | flag | String |\n"),
        "flag",
        &[
            r#"line 1: expected a row of parameter "flag", found none (parameters: none)"#,
            "line 3: expected 4 cells in the row, found 3",
        ],
    );
}

// ---------------------------------------------------------------------------
// Errors.

const PARA_4: &str = "Table 1 T\n\nType\n\nDescription\n\nObject\n\nReason\n\n";
const PIPE_4: &str = "| Type | Description | Object | Reason |\n|---|---|---|---|\n";

#[track_caller]
fn assert_errors(text: &str, expected: &[&str]) {
    assert_eq!(errors(text), expected, "in {text:?}");
}

#[test]
fn error_display_and_error_trait() {
    let error = DocError {
        line: 42,
        message: "expected a code (an integer), found \"Talking.\"".to_owned(),
    };
    assert_eq!(
        error.to_string(),
        "line 42: expected a code (an integer), found \"Talking.\""
    );
    let boxed: Box<dyn std::error::Error> = Box::new(error);
    assert!(boxed.source().is_none());
}

#[test]
fn error_code_is_not_an_integer() {
    assert_errors(
        &format!("{PIPE_4}| Talking. | x | -1 | -1 |\n"),
        &[r#"line 3: expected a code (an integer), found "Talking.""#],
    );
    assert_errors(
        &format!("{PIPE_4}| 0x10 | x | -1 | -1 |\n"),
        &[r#"line 3: expected a code (an integer), found "0x10""#],
    );
    assert_errors(
        &format!("{PIPE_4}|  | x | -1 | -1 |\n"),
        &[r#"line 3: expected a code (an integer), found """#],
    );
}

#[test]
fn error_code_overflows() {
    assert_errors(
        &format!("{PARA_4}99999999999999999999\n\nx\n\n-1\n\n-1"),
        &[
            r#"line 11: expected a code that fits in a 64-bit integer, found "99999999999999999999""#,
        ],
    );
    assert_errors(
        &format!("{PIPE_4}| -9223372036854775809 | x | -1 | -1 |\n"),
        &[r#"line 3: expected a code that fits in a 64-bit integer, found "-9223372036854775809""#],
    );
    let table = ok(&format!("{PIPE_4}| -9223372036854775808 | x | -1 | -1 |\n"));
    assert_eq!(table.rows[0].code, i64::MIN);
}

#[test]
fn error_duplicate_code() {
    assert_errors(
        &format!(
            "{PARA_4}4\n\nTalking.\n\n-1\n\n-1\n\n5\n\nx\n\n-1\n\n-1\n\n4\n\nAgain.\n\n-1\n\n-1"
        ),
        &["line 27: duplicate code 4, already on line 11"],
    );
    assert_errors(
        &format!("{PIPE_4}| 4 | a | -1 | -1 |\n| 04 | b | -1 | -1 |\n| 4 | c | -1 | -1 |\n"),
        &[
            "line 4: duplicate code 4, already on line 3",
            "line 5: duplicate code 4, already on line 3",
        ],
    );
}

#[test]
fn error_too_few_cells_in_paragraph_layout() {
    // The text ends inside a row.
    assert_errors(
        &format!("{PARA_4}58\n\nThe agent enters the conference state.\n\nAgent ID."),
        &["line 11: expected 4 cells in the row, found 3"],
    );
    // A bare integer where the object belongs starts the next row.
    assert_errors(
        &format!("{PARA_4}1\n\nOne.\n\n2\n\nTwo.\n\n-1\n\n-1"),
        &["line 11: expected 4 cells in the row, found 2"],
    );
    // A bare integer where the description belongs starts the next row.
    assert_errors(
        &format!("{PARA_4}1\n\n2\n\nTwo.\n\n-1\n\n-1"),
        &["line 11: expected 4 cells in the row, found 1"],
    );
}

#[test]
fn error_pipe_row_with_wrong_cell_count() {
    assert_errors(
        &format!("{PIPE_4}|\n1 |\nOne. |\n-1 |\n|\n2 |\nTwo. |\n-1 |\n-1 |\n"),
        &["line 3: expected 4 cells in the row, found 3"],
    );
    assert_errors(
        &format!("{PIPE_4}|\n1 |\nOne. |\n-1 |\n-1 |\nExtra. |\n"),
        &["line 3: expected 4 cells in the row, found 5"],
    );
    assert_errors(
        &format!("{PIPE_4}| 1 | One. | -1 |\n"),
        &["line 3: expected 4 cells in the row, found 3"],
    );
    assert_errors(
        &format!("{PIPE_4}|\n|\n1 |\nOne. |\n-1 |\n-1 |\n"),
        &["line 3: expected 4 cells in the row, found 0"],
    );
    // A row without `|` is cut after 4 cells, so the text ends inside the next.
    assert_errors(
        &format!("{PIPE_4}1 |\nOne. |\n-1 |\n-1 |\n2 |\nTwo. |\n"),
        &["line 7: expected 4 cells in the row, found 2"],
    );
}

#[test]
fn error_description_is_a_number_or_empty() {
    assert_errors(
        &format!("{PIPE_4}| 1 | -1 | -1 | -1 |\n"),
        &[r#"line 3: expected a description (text), found "-1""#],
    );
    assert_errors(
        &format!("{PIPE_4}| 1 |  | -1 | -1 |\n"),
        &[r#"line 3: expected a description (text), found """#],
    );
    assert_errors(
        "Table 1 T\n\nCode\n\nDescription\n\n7\n\n8",
        &[r#"line 9: expected a description (text), found "8""#],
    );
}

#[test]
fn error_cell_with_several_paragraphs() {
    assert_errors(
        "Table 1 T\n\nCode\n\nDescription\n\n7\n\nSeven.\n\nTalking.",
        &["line 9: expected a one-paragraph description, found 2 paragraphs"],
    );
    assert_errors(
        &format!("{PIPE_4}1 |\nOne.\nMore. |\n-1 |\n-1 |\n"),
        &["line 4: expected a one-paragraph description, found 2 paragraphs"],
    );
    assert_errors(
        &format!("{PIPE_4}1\n2 |\nOne. |\n-1 |\n-1 |\n"),
        &["line 3: expected a one-paragraph code, found 2 paragraphs"],
    );
    assert_errors(
        &format!("{PIPE_4}1 |\nOne. |\nEmployee\nID. |\n-1 |\n"),
        &["line 5: expected a one-paragraph operation object, found 2 paragraphs"],
    );
}

#[test]
fn error_object_is_a_number_or_empty() {
    assert_errors(
        &format!("{PIPE_4}| 1 | One. | 7 | -1 |\n"),
        &[r#"line 3: expected an operation object (text, or -1 for none), found "7""#],
    );
    assert_errors(
        &format!("{PIPE_4}| 1 | One. |  | -1 |\n"),
        &[r#"line 3: expected an operation object (text, or -1 for none), found """#],
    );
}

#[test]
fn error_reason_paragraphs() {
    assert_errors(
        &format!("{PIPE_4}| 1 | One. | -1 |  |\n"),
        &[r#"line 3: expected an operation reason (text), found """#],
    );
    assert_errors(
        &format!(
            "{PIPE_4}1 |\nOne. |\n-1 |\n1: Fine.\n5:\n255-1: Backwards.\n2-99999999999999999999: Big.\n99999999999999999999: Big.\n99999999999999999999 |\n"
        ),
        &[
            r#"line 7: expected a reason text after the colon, found "5:""#,
            r#"line 8: expected a range whose start is not greater than its end, found "255-1: Backwards.""#,
            r#"line 9: expected a reason code that fits in a 64-bit integer, found "2-99999999999999999999: Big.""#,
            r#"line 10: expected a reason code that fits in a 64-bit integer, found "99999999999999999999: Big.""#,
            r#"line 11: expected a reason code that fits in a 64-bit integer, found "99999999999999999999""#,
        ],
    );
}

#[test]
fn error_paragraphs_without_blank_line() {
    assert_errors(
        "Table 1 T\n\nCode\n\nDescription\n\n1\nOne.",
        &[r#"line 8: expected a blank line between paragraphs, found "One.""#],
    );
}

#[test]
fn error_no_table_or_no_header_cells_before_the_first_row() {
    assert_errors("", &["line 1: expected a table, found the end of the text"]);
    assert_errors(
        "\n \n\t\n",
        &["line 1: expected a table, found the end of the text"],
    );
    // Without a caption, the first row tells how many header cells there are.
    assert_errors(
        "Agent Operation Type\n\n1\n\nOne.",
        &[
            r#"line 3: expected a table caption such as "Table 1 ...", or as many header cells as the first row has cells (2), found 1 paragraph before it"#,
        ],
    );
    assert_errors(
        "Updated on x\n\nCode\n\n1\n\nOne.",
        &[
            r#"line 5: expected a table caption such as "Table 1 ...", or as many header cells as the first row has cells (2), found 1 paragraph before it"#,
        ],
    );
    assert_errors(
        "Title\n\nCode\n\nDescription\n\nReason\n\n1\n\nOne.\n\n1: a\n\n2: b\n\n3: c",
        &[
            r#"line 9: expected a table caption such as "Table 1 ...", or a first row of 2 to 4 one-paragraph cells, found 5 paragraphs"#,
        ],
    );
    assert_errors(
        "Title\n\nSubtitle\n\nMore\n\nCode\n\nDescription\n\n1\n\nOne.",
        &[r#"line 5: expected at most a title and a subtitle before the table, found "More""#],
    );
    // Before a caption: a title and a subtitle at most.
    assert_errors(
        "Title\n\nSubtitle\n\nMore\n\nTable 1 T\n\nCode\n\nDescription\n\n1\n\nOne.\n\n1\n\nAgain.",
        &[
            r#"line 5: expected at most a title and a subtitle before the table, found "More""#,
            "line 17: duplicate code 1, already on line 13",
        ],
    );
}

#[test]
fn error_no_header() {
    assert_errors(
        "Table 1 T\n\n1\n\nOne.",
        &[r#"line 3: expected header cells after the caption, found "1""#],
    );
    assert_errors(
        "Updated on x\n\nTable 1 T\n",
        &["line 3: expected header cells after the caption, found the end of the text"],
    );
    assert_errors(
        "|---|---|\n| 1 | One. |\n",
        &[r#"line 1: expected a header row, found "|---|---|""#],
    );
    assert_errors(
        "Title\n|\n|---|---|\n| 1 | One. |\n",
        &[r#"line 3: expected a header row, found "|---|---|""#],
    );
}

#[test]
fn error_header_cell_count() {
    assert_errors(
        "Table 1 T\n\nCode\n\n1\n\nOne.",
        &["line 3: expected 2 to 4 header cells, found 1"],
    );
    assert_errors(
        "Table 1 T\n\nA\n\nB\n\nC\n\nD\n\nE\n\n1\n\nOne.",
        &["line 3: expected 2 to 4 header cells, found 5"],
    );
    assert_errors(
        "| A | B | C | D | E |\n|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 |\n",
        &["line 1: expected 2 to 4 header cells, found 5"],
    );
}

#[test]
fn error_bad_header_cells() {
    assert_errors(
        "| A |  |\n|---|---|\n| 1 | One. |\n",
        &[r#"line 1: expected a header cell (text), found """#],
    );
    assert_errors(
        "|\nA\nB |\nC |\n|---|---|\n| 1 | One. |\n",
        &["line 2: expected a one-paragraph header cell, found 2 paragraphs"],
    );
    assert_errors(
        "| A | B |\nC |\n|---|---|\n| 1 | One. |\n",
        &[r#"line 1: expected a header cell ending with " |", found "| A | B |""#],
    );
    assert_errors(
        "A |\n|\nB |\n|---|---|\n| 1 | One. |\n",
        &[r#"line 2: expected a header cell ending with " |", found "|""#],
    );
}

#[test]
fn error_no_rows() {
    assert_errors(
        "Table 1 T\n\nCode\n\nDescription\n\n",
        &["line 5: expected at least one row after the header cells, found the end of the text"],
    );
    assert_errors(
        "A |\nB |\n|---|---|\n\n",
        &["line 3: expected at least one row after the header row, found the end of the text"],
    );
    // Row starts and notes make no row.
    assert_errors(
        "A |\nB |\n|---|---|\n|\n| NOTE: x |\n|\n",
        &["line 6: expected at least one row after the header row, found the end of the text"],
    );
    assert_errors(
        "A |\nB |\n|---|---|\n|\nTitle\n|\nC |\nD |\n|---|---|\n| 1 | One. |\n",
        &[r#"line 3: expected at least one row after the header row, found "Title""#],
    );
    // Two separator rows in a row: the second has no header.
    assert_errors(
        "A |\nB |\n|---|---|\n|---|---|\n| 1 | One. |\n",
        &[
            r#"line 3: expected at least one row after the header row, found "|---|---|""#,
            r#"line 4: expected a header row, found "|---|---|""#,
        ],
    );
}

#[test]
fn error_separator() {
    assert_errors(
        "A |\nB |\n1 |\nOne. |\n",
        &[
            r#"line 4: expected a separator row such as "|---|---|" after the header row, found the end of the text"#,
        ],
    );
    assert_errors(
        "A |\nB |\n|---|---|---|\n| 1 | One. |\n",
        &["line 3: expected a separator row with 2 columns, found 3"],
    );
    assert_errors(
        "A |\nB |\n|---|---|\n| 1 | One. |\n|---|---|\n| 2 | Two. |\n",
        // A second separator row makes the row before it a second header.
        &[r#"line 3: expected at least one row after the header row, found "| 1 | One. |""#],
    );
}

#[test]
fn error_pipe_text_outside_cells() {
    assert_errors(
        "Updated on x\nTitle\nSubtitle\nMore\nA |\nB |\n|---|---|\n| 1 | One. |\n",
        &[r#"line 4: expected the header row (cells ending with " |"), found "More""#],
    );
    assert_errors(
        "A |\nB |\n|---|---|\n| 1 | One. |\nParent topic: Reference\n",
        &[r#"line 5: expected a cell line ending with " |", found "Parent topic: Reference""#],
    );
    assert_errors(
        "A |\nB |\n|---|---|\n1 |\nOne\n|\n2 |\nTwo. |\n",
        &[
            r#"line 4: expected 2 cells in the row, found 1"#,
            r#"line 5: expected a cell line ending with " |", found "One""#,
        ],
    );
}

#[test]
fn all_errors_are_reported_in_line_order() {
    let text = format!(
        "{PIPE_4}| x | One. | -1 | -1 |\n| 2 | 3 | -1 | -1 |\n| 4 | Four. | 5 | 6-1: x |\n| 2 | Two. | -1 | -1 |\n"
    );
    assert_errors(
        &text,
        &[
            r#"line 3: expected a code (an integer), found "x""#,
            r#"line 4: expected a description (text), found "3""#,
            r#"line 5: expected an operation object (text, or -1 for none), found "5""#,
            r#"line 5: expected a range whose start is not greater than its end, found "6-1: x""#,
            "line 6: duplicate code 2, already on line 4",
        ],
    );
}

// ---------------------------------------------------------------------------
// Never panics.

/// Every vendor page of the fixtures.
const FIXTURES: [&str; 11] = [
    PAGE_2023,
    PIPE_2023,
    PIPE_2025,
    ZH,
    MEDIA_2023,
    MEDIA_2025,
    AGENT_TYPE_2025,
    AGENT_TYPE_OLDER,
    COLUMNS_ZH,
    CALL_TYPE,
    MONITORING,
];

fn lines_of(text: &str) -> Vec<&str> {
    text.split('\n').collect()
}

fn survives(text: &str) {
    // Any outcome will do, as long as it is one; errors must be sorted.
    if let Err(errors) = parse(text) {
        assert!(!errors.is_empty());
        assert!(errors.windows(2).all(|pair| pair[0].line <= pair[1].line));
    }
}

#[test]
fn mangled_fixtures_never_panic() {
    for fixture in FIXTURES {
        let lines = lines_of(fixture);
        for cut in 0..=lines.len() {
            survives(&lines[..cut].join("\n"));
            survives(&lines[cut..].join("\n"));
        }
        for deleted in 0..lines.len() {
            let mut mangled = lines.clone();
            mangled.remove(deleted);
            survives(&mangled.join("\n"));
        }
        for first in 0..lines.len() {
            for second in [first + 1, first + 2, first + 7, lines.len() - 1] {
                if second < lines.len() {
                    let mut mangled = lines.clone();
                    mangled.swap(first, second);
                    survives(&mangled.join("\n"));
                }
            }
        }
        // Every prefix of the operation pages, every fifth of the others:
        // enough to cut each of their cells and lines somewhere.
        let step = if [PAGE_2023, PIPE_2023, PIPE_2025].contains(&fixture) {
            1
        } else {
            5
        };
        for (index, _) in fixture.char_indices().step_by(step) {
            survives(&fixture[..index]);
        }
    }
}

#[test]
fn random_mutations_never_panic() {
    // A small deterministic generator, so that failures reproduce.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    let pieces = [
        "|",
        " |",
        "\n",
        "\n\n",
        "\r\n",
        "-",
        "\u{2013}",
        ":",
        ": ",
        "-1",
        "0",
        "65535",
        "0xFFFF",
        "US_NO_USE",
        "99999999999999999999",
        "|---|---|",
        "---|",
        "Table 1 ",
        "Updated on ",
        "\u{feff}",
        "\u{a0}",
        "é",
        "\t",
        "| a | b |",
    ];
    for fixture in FIXTURES {
        for _ in 0..200 {
            let mut text = fixture.to_owned();
            for _ in 0..1 + next(8) {
                let boundaries: Vec<usize> = text
                    .char_indices()
                    .map(|(index, _)| index)
                    .chain([text.len()])
                    .collect();
                let at = boundaries[next(boundaries.len())];
                match next(3) {
                    0 => text.insert_str(at, pieces[next(pieces.len())]),
                    1 => {
                        let end = boundaries
                            .iter()
                            .copied()
                            .find(|&end| end >= at + next(40))
                            .unwrap_or(text.len());
                        text.replace_range(at..end, "");
                    }
                    _ => {
                        let lines = lines_of(&text);
                        let keep = next(lines.len() + 1);
                        text = lines[..keep].join("\n");
                    }
                }
            }
            survives(&text);
        }
    }
}
