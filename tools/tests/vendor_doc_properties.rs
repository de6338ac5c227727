//! Properties of the vendor-page reader over random pages.

use codes_tools::vendor_doc;
use proptest::prelude::*;

proptest! {
    #[test]
    fn the_vendor_doc_reader_never_panics(lines in prop::collection::vec(prop_oneof![
        Just(String::new()),
        "-?[0-9]{1,4}( \\|)?",
        "[0-9]{1,3}(-|–)[0-9]{1,3}: [a-z ]{0,8}",
        "Table [0-9] [A-Za-z ]{0,10}",
        "Updated on [0-9-]{0,10}",
        prop::sample::select(vec!["|", "---|---|", "-1", "65535", "US_NO_USE", "0xFFFF", "Operation Type |"])
            .prop_map(str::to_string),
        "[ -~]{0,12}",
        any::<String>(),
    ], 0..30)) {
        let text = lines.join("\n");
        let count = text.split('\n').count();
        if let Err(errors) = vendor_doc::parse(&text) {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.is_sorted_by_key(|error| error.line));
            for error in errors {
                prop_assert!((1..=count).contains(&error.line), "{}", error);
            }
        }
    }
}

proptest! {
    #[test]
    fn the_html_reader_never_panics(parts in prop::collection::vec(prop_oneof![
        prop::sample::select(vec![
            "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>", "<thead>",
            "<tbody>", "<caption><b>Table 1 </b>", "</caption>", "<p>", "</p>", "<br>", "<ul><li>",
            "</li></ul>", "<h1>", "</h1>", "<td rowspan=\"3\">", "<td colspan=\"9\">",
            "<th colspan=\"0\">", "<div class=\"note\"><span class=\"notetitle\">NOTE: </span>",
            "<div class=\"notebody\">", "</div>", "<script>", "</script>", "<html lang=\"zh\">",
            "<meta charset=\"gbk\">", "Updated on 2025", "\n", "&amp;", "&nbsp;", "1", "-1", "说明：",
        ]).prop_map(str::to_string),
        "[ -~]{0,12}",
        any::<String>(),
    ], 0..40)) {
        let page = parts.concat();
        let count = page.split('\n').count();
        if let Err(errors) = vendor_doc::parse_html_tables(page.as_bytes()) {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.is_sorted_by_key(|error| error.line));
            for error in errors {
                prop_assert!((1..=count).contains(&error.line), "{}", error);
            }
        }
        let _ = vendor_doc::parse_html_values(page.as_bytes(), "callIn_out");
    }
}

#[test]
fn a_page_nested_too_deep_is_an_error_not_a_crash() {
    let page = format!(
        "<table><tr><th>Code</th><th>Description</th></tr>\n<tr><td>1</td><td>{}x{}</td></tr></table>",
        "<div>".repeat(2_000),
        "</div>".repeat(2_000)
    );
    let errors = vendor_doc::parse_html_tables(page.as_bytes()).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "line 2: table 1, row 1: expected a page nested at most 256 elements deep, found deeper"
    );
}
