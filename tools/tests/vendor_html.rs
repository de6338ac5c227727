//! The HTML rendering of the vendor's pages (`tests/fixtures/vendor/html/`):
//! a page saved from a browser reads into the same tables, and imports into
//! the same spec, as its text rendering; what cannot be read is an error at
//! its HTML line naming the table and row.

mod support;

use codes_tools::import::{ImportOptions, Lang, import_all, import_values, page_lang, values_lang};
use codes_tools::vendor_doc::{
    Layout, ValueList, VendorTable, decode_text, parse_html_tables, parse_html_values,
    parse_tables, parse_values,
};
use support::PAGE_2023;

const SEED_HTML: &[u8] =
    include_bytes!("fixtures/vendor/html/agent-operation-type-2023-09-27.html");

fn html_tables(bytes: &[u8]) -> Vec<VendorTable> {
    parse_html_tables(bytes).unwrap_or_else(|errors| panic!("HTML page: {errors:#?}"))
}

fn text_tables(text: &str) -> Vec<VendorTable> {
    parse_tables(text).unwrap_or_else(|errors| panic!("text page: {errors:#?}"))
}

fn spec(tables: &[VendorTable], lang: Lang, page: &str) -> String {
    let options = ImportOptions {
        lang,
        page: Some(page.into()),
        ..ImportOptions::default()
    };
    import_all(tables, &options)
        .unwrap_or_else(|error| panic!("{error}"))
        .toml
}

#[test]
fn the_seed_page_saved_as_html_gives_the_spec_of_its_text() {
    let html = html_tables(SEED_HTML);
    assert_eq!(html[0].layout, Layout::Html);
    let text = text_tables(PAGE_2023);
    assert_eq!(
        spec(&html, Lang::En, "cec_07_4243"),
        spec(&text, Lang::En, "cec_07_4243")
    );
}

/// The pages of `tests/fixtures/vendor/` and their HTML renderings (written
/// in the vendor's markup from the text, cell for cell): the same spec.
#[test]
fn every_page_saved_as_html_gives_the_spec_of_its_text() {
    let pages: [(&str, &[u8], &str); 8] = [
        (
            include_str!("fixtures/vendor/agent-operation-type-zh.txt"),
            include_bytes!("fixtures/vendor/html/agent-operation-type-zh.html"),
            "cec_07_0838",
        ),
        (
            include_str!("fixtures/vendor/media-type-2023-09-27.txt"),
            include_bytes!("fixtures/vendor/html/media-type-2023-09-27.html"),
            "cec_07_4244",
        ),
        (
            include_str!("fixtures/vendor/call-type.txt"),
            include_bytes!("fixtures/vendor/html/call-type.html"),
            "cec_07_1432",
        ),
        (
            include_str!("fixtures/vendor/agent-type-2025-11-13.txt"),
            include_bytes!("fixtures/vendor/html/agent-type-2025-11-13.html"),
            "cec_07_0701",
        ),
        (
            include_str!("fixtures/vendor/media-type-full-en.txt"),
            include_bytes!("fixtures/vendor/html/media-type-full-en.html"),
            "cec_07_0843",
        ),
        (
            include_str!("fixtures/vendor/media-type-full-zh.txt"),
            include_bytes!("fixtures/vendor/html/media-type-full-zh.html"),
            "cec_07_4247",
        ),
        (PAGE_2023, SEED_HTML, "cec_07_4243"),
        (
            include_str!("fixtures/vendor/media-type-full-notes-en.synthetic.txt"),
            include_bytes!("fixtures/vendor/html/media-type-full-notes-en.synthetic.html"),
            "cec_07_0843",
        ),
    ];
    for (text, html, page) in pages {
        let text_tables = text_tables(text);
        let html_tables = html_tables(html);
        let lang = page_lang(&text_tables);
        assert_eq!(page_lang(&html_tables), lang, "{page}");
        assert_eq!(
            spec(&html_tables, lang, page),
            spec(&text_tables, lang, page),
            "{page}"
        );
    }
}

#[test]
fn the_values_of_a_parameter_read_alike_from_html() {
    let text = include_str!("fixtures/vendor/agentoprinfo-columns-zh.txt");
    let html = include_bytes!("fixtures/vendor/html/agentoprinfo-columns-zh.html");
    let from_text = parse_values(text, "callIn_out").unwrap();
    let from_html = parse_html_values(html, "callIn_out").unwrap();
    let values = |list: &ValueList| -> Vec<String> {
        list.values
            .iter()
            .map(|value| value.value.clone())
            .collect()
    };
    assert_eq!(
        values(&from_html),
        ["呼入", "呼出", "IVR呼出", "outbound呼出"]
    );
    assert_eq!(values(&from_html), values(&from_text));
    assert_eq!(values_lang(&from_html), Lang::Zh);
    let options = ImportOptions {
        lang: Lang::Zh,
        page: Some("cec_07_4238".into()),
        table_name: Some("CallDirection".into()),
        ..ImportOptions::default()
    };
    assert_eq!(
        import_values(&from_html, &options).unwrap().toml,
        import_values(&from_text, &options).unwrap().toml
    );
}

/// The vendor's 2025 media-type page as saved: its heading is the update
/// line, so the page has no title ("Media Type" in its text rendering).
#[test]
fn the_saved_2025_media_page_lacks_only_the_title_of_its_text() {
    let html = html_tables(include_bytes!(
        "fixtures/vendor/html/media-type-2025-11-13.html"
    ));
    let text = text_tables(include_str!("fixtures/vendor/media-type-2025-11-13.txt"));
    assert_eq!(html[0].title, None);
    assert_eq!(text[0].title.as_ref().unwrap().value, "Media Type");
    assert_eq!(
        html[0].updated.as_ref().unwrap().value,
        "2025-11-13 GMT+08:00"
    );
    let html_spec = spec(&html, Lang::En, "cec_07_0839");
    let text_spec = spec(&text, Lang::En, "cec_07_0839");
    assert_eq!(
        html_spec,
        text_spec.replace(
            "name = \"MediaType\" # review: proposed name\ntitle = \"Media Type\"\n",
            "name = \"Table1\" # review: proposed name\n\
             title = \"unknown\" # review: not in the vendor text\n"
        )
    );
}

#[test]
fn a_row_the_vendor_lists_twice_is_read_once_and_a_differing_one_is_an_error() {
    let html = include_bytes!("fixtures/vendor/html/agent-type-older.html");
    let text = include_str!("fixtures/vendor/agent-type-older.txt");
    let from_html = html_tables(html);
    assert_eq!(from_html[0].repeated.len(), 1);
    assert_eq!(
        spec(&from_html, Lang::En, "cec_07_2636"),
        spec(&text_tables(text), Lang::En, "cec_07_2636")
    );
    let page = String::from_utf8(html.to_vec()).unwrap();
    let at = page.rfind("Single phone video agent").unwrap();
    let differing = format!(
        "{}Single-phone{}",
        &page[..at],
        &page[at + "Single phone".len()..]
    );
    let errors: Vec<String> = parse_html_tables(differing.as_bytes())
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        // Row 13 of the page (it has no code 2) is code 12 again.
        ["line 39: table 1, row 13: duplicate code 12, already on line 37"]
    );
}

fn html_errors(bytes: &[u8]) -> Vec<String> {
    parse_html_tables(bytes)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_complete_save_reads_as_the_page_alone() {
    // Navigation, breadcrumbs, a sidebar, scripts (one holding a table in a
    // string), a feedback form and a footer around the topic.
    let complete = html_tables(include_bytes!(
        "fixtures/vendor/html/agent-type-2025-11-13.complete.html"
    ));
    let text = text_tables(include_str!("fixtures/vendor/agent-type-2025-11-13.txt"));
    assert_eq!(complete.len(), 1);
    assert_eq!(
        spec(&complete, Lang::En, "cec_07_0701"),
        spec(&text, Lang::En, "cec_07_0701")
    );
}

#[test]
fn rowspan_and_colspan_repeat_a_cell_in_every_row_and_column_it_spans() {
    let html = html_tables(include_bytes!(
        "fixtures/vendor/html/rowspan-colspan.synthetic.html"
    ));
    let text = text_tables(include_str!(
        "fixtures/vendor/rowspan-colspan.synthetic.txt"
    ));
    assert_eq!(
        spec(&html, Lang::En, "cec_07_4243"),
        spec(&text, Lang::En, "cec_07_4243")
    );
    let objects: Vec<String> = html[0]
        .rows
        .iter()
        .map(|row| format!("{:?}", row.object.as_ref().map(|object| &object.value)))
        .collect();
    assert_eq!(
        objects,
        [
            "Some(NotUsed { spelling: \"-1\" })",
            "Some(Text(\"Employee ID.\"))",
            "Some(Text(\"Employee ID.\"))",
            "Some(Text(\"Employee ID.\"))",
        ]
    );
}

#[test]
fn a_page_of_several_tables_reads_each_with_its_caption() {
    let tables = html_tables(include_bytes!(
        "fixtures/vendor/html/several-tables.synthetic.html"
    ));
    let captions: Vec<&str> = tables
        .iter()
        .map(|table| table.caption.as_ref().unwrap().value.as_str())
        .collect();
    assert_eq!(captions, ["Table 1 Media type", "Table 2 Call type"]);
    // Both have the page's title and date; the paragraph between them is
    // the second one's subtitle.
    assert!(
        tables
            .iter()
            .all(|table| table.title.as_ref().unwrap().value == "Bill Codes")
    );
    assert_eq!(
        tables[1].subtitle.as_ref().unwrap().value,
        "Call types of the call bills."
    );
    assert_eq!(tables[1].rows[1].line, 23);
}

#[test]
fn a_declared_charset_is_decoded() {
    let gbk = html_tables(include_bytes!(
        "fixtures/vendor/html/media-type-full-zh.gbk.html"
    ));
    let utf8 = html_tables(include_bytes!(
        "fixtures/vendor/html/media-type-full-zh.html"
    ));
    assert_eq!(
        spec(&gbk, Lang::Zh, "cec_07_4247"),
        spec(&utf8, Lang::Zh, "cec_07_4247")
    );
}

#[test]
fn bad_pages_are_errors_at_their_html_line() {
    assert_eq!(
        html_errors(include_bytes!("fixtures/vendor/html/no-table.html")),
        ["line 10: expected a table (<table>) in the page, found none"]
    );
    assert_eq!(
        html_errors(include_bytes!("fixtures/vendor/html/unknown-header.html")),
        [
            "line 7: table 1, header: expected the header cells of a code table (code, description, \
             then object and reason, or code, constant name, description), found \"Media Type\", \
             \"Operation Reason\", \"Description\"",
            "line 11: table 2: expected a header row (<th> cells, or a <thead>), found a row of <td> cells",
        ]
    );
    assert_eq!(
        html_errors(include_bytes!("fixtures/vendor/html/nested-table.html")),
        ["line 11: table 1, row 2: expected a cell of text, found a nested table"]
    );
    assert_eq!(
        html_errors(include_bytes!("fixtures/vendor/html/third-language.html")),
        [
            "line 2: expected a page in English or Chinese (lang \"en...\" or \"zh...\"), found lang \"ja-jp\"",
            "line 7: table 1, header: expected header cells in English or Chinese, found \"メディアタイプ\" (Japanese)",
        ]
    );
    assert_eq!(
        html_errors(include_bytes!(
            "fixtures/vendor/html/media-type-full-zh.gbk-undeclared.html"
        )),
        [
            "line 5: expected UTF-8 text, or a <meta charset> declaring its charset, found byte 0xBA, which is not UTF-8"
        ]
    );
    let unknown_charset = b"<html><head><meta charset=\"klingon\"></head><body></body></html>";
    assert_eq!(
        html_errors(unknown_charset),
        [
            "line 1: expected a charset encoding_rs knows (utf-8, gbk, gb18030, ...), found \"klingon\""
        ]
    );
    // A third language in the text renderings: the header cells say it.
    let korean = "| 코드 | 설명 |\n|---|---|\n| 1 | 텍스트 채팅 |\n";
    let errors: Vec<String> = parse_tables(korean)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        ["line 1: expected header cells in English or Chinese, found \"코드\" (Korean)"]
    );
    // Text that is not UTF-8, at the line of its first bad byte.
    assert_eq!(
        decode_text(b"Media Type\n\n\xb5\n")
            .unwrap_err()
            .to_string(),
        "line 3: expected UTF-8 text, found byte 0xB5, which is not UTF-8"
    );
}
