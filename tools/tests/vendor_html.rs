//! The HTML rendering of the vendor's pages (`tests/fixtures/vendor/html/`):
//! a page saved from a browser reads into the same tables, and imports into
//! the same spec, as its text rendering; what cannot be read is an error at
//! its HTML line naming the table and row.

mod support;

use codes_tools::import::{ImportOptions, Lang, import_all};
use codes_tools::vendor_doc::{Layout, VendorTable, parse_html_tables, parse_tables};
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
