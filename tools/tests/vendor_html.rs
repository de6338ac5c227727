//! The HTML rendering of the vendor's pages (`tests/fixtures/vendor/html/`):
//! a page saved from a browser reads into the same tables, and imports into
//! the same spec, as its text rendering; what cannot be read is an error at
//! its HTML line naming the table and row.

mod support;

use codes_tools::import::{ImportOptions, Lang, import_all, import_values, page_lang, values_lang};
use codes_tools::vendor_doc::{
    Layout, ValueList, VendorTable, parse_html_tables, parse_html_values, parse_tables,
    parse_values,
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
fn a_row_the_vendor_lists_twice_is_an_error_naming_table_and_row() {
    let html = include_bytes!("fixtures/vendor/html/agent-type-older.html");
    let errors: Vec<String> = parse_html_tables(html)
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
