//! Every mistake a spec can hold is rejected at its line:col, all at once.

use codes_codegen::Spec;

const SOURCE: &str = r#"[source]
vendor = "V"
product = "P"
document = "D"
"#;

/// A table header whose rows follow.
fn table(extra: &str) -> String {
    format!(
        "{SOURCE}
[[table]]
name = \"OperationType\"
title = \"T\"
caption = \"Table 1\"
page = \"p\"
updated = \"2023-09-27\"
columns = [\"Code\", \"Description\", \"Object\", \"Reason\"]
record = \"Operation\"
object = \"Object\"
reason = \"Reason\"
{extra}"
    )
}

/// `path:line:col: message` of every diagnostic of `text`.
fn errors(text: &str) -> Vec<String> {
    match Spec::from_toml("codes.toml", text) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(error) => error.summary(),
    }
}

/// The 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|line| line.contains(needle))
        .expect(needle)
        + 1
}

const ROW: &str =
    "\n[[table.row]]\ncode = 1\nname = \"SignIn\"\ndescription = \"An agent signs in.\"\n";

#[test]
fn a_valid_spec_is_accepted() {
    let spec = Spec::from_toml("codes.toml", &table(ROW)).unwrap();
    assert_eq!(spec.tables()[0].rows()[0].name(), "SignIn");
}

#[test]
fn a_row_names_the_page_of_its_texts_and_a_page_has_notes() {
    use codes_codegen::model::Lang;
    let text = format!(
        "{}notes = [\"The table's note.\"]\n\n[table.zh]\ntitle = \"标题\"\npage = \"q\"\ncolumns = [\"a\", \"b\", \"c\", \"d\"]\nnotes = [\"说明\"]\n{ROW}page = \"cec_07_4244\"\npage_zh = \"cec_07_0839\"\nnotes = [\"A row's note.\"]\n",
        table("")
    );
    let spec = Spec::from_toml("codes.toml", &text).unwrap();
    let table = &spec.tables()[0];
    assert_eq!(
        table.page_in(Lang::En).unwrap().notes(),
        ["The table's note."]
    );
    assert_eq!(table.page_in(Lang::Zh).unwrap().notes(), ["说明"]);
    let row = &table.rows()[0];
    assert_eq!(row.pages().get(Lang::En), Some("cec_07_4244"));
    assert_eq!(row.pages().get(Lang::Zh), Some("cec_07_0839"));
    assert_eq!(row.notes_in(Lang::En), ["A row's note."]);
    assert_eq!(row.notes_in_or_other(Lang::Zh), ["A row's note."]);
}

#[test]
fn a_summary_says_what_the_codes_are_and_is_never_blank() {
    let with = |summary: &str| {
        table(ROW).replacen(
            "name = \"OperationType\"\n",
            &format!("name = \"OperationType\"\nsummary = \"{summary}\"\n"),
            1,
        )
    };
    let spec = Spec::from_toml("codes.toml", &with("The op_type column.")).unwrap();
    assert_eq!(spec.tables()[0].summary(), Some("The op_type column."));
    let text = with(" ");
    let line = line_of(&text, "summary = ");
    assert_eq!(
        errors(&text),
        [format!(
            "codes.toml:{line}:11: empty `summary` in table OperationType"
        )]
    );
}

#[test]
fn blank_pages_and_notes_are_refused() {
    let text = table(&format!("notes = [\" \"]\n{ROW}page_zh = \"\"\n"));
    let (notes, page) = (line_of(&text, "notes = "), line_of(&text, "page_zh"));
    assert_eq!(
        errors(&text),
        [
            format!("codes.toml:{notes}:10: empty `notes` in table OperationType"),
            format!("codes.toml:{page}:11: empty `page_zh` in row 1 of table OperationType"),
        ]
    );
}

#[test]
fn sites_are_https_base_urls_but_on_a_loopback_host() {
    use codes_codegen::model::{Lang, Table};
    let with_sites = |en: &str, zh: &str| {
        table(ROW).replacen(
            "document = \"D\"\n",
            &format!("document = \"D\"\nsite = \"{en}\"\nsite_zh = \"{zh}\"\n"),
            1,
        )
    };
    let good = with_sites(
        "https://support.huaweicloud.com/intl/en-us/api-cec/",
        "http://127.0.0.1:8080/zh/",
    );
    let spec = Spec::from_toml("codes.toml", &good).unwrap();
    let table: &Table = &spec.tables()[0];
    assert_eq!(
        spec.page_url(table, Lang::En).as_deref(),
        Some("https://support.huaweicloud.com/intl/en-us/api-cec/p.html")
    );
    // The table has no Chinese page: no address.
    assert_eq!(spec.page_url(table, Lang::Zh), None);
    for site in [
        "http://localhost/",
        "http://[::1]:9/a/",
        "https://a.example/b/",
    ] {
        Spec::from_toml("codes.toml", &with_sites(site, site)).unwrap();
    }
    let text = with_sites(
        "http://support.huaweicloud.com/",
        "https://a.example/page.html",
    );
    let (en, zh) = (line_of(&text, "site = "), line_of(&text, "site_zh = "));
    assert_eq!(
        errors(&text),
        [
            format!(
                "codes.toml:{en}:8: site \"http://support.huaweicloud.com/\" of [source] is not https (http only on a loopback host)"
            ),
            format!(
                "codes.toml:{zh}:11: site \"https://a.example/page.html\" of [source] does not end in `/` (page ids are appended to it)"
            ),
        ]
    );
    for (site, why) in [
        ("support.huaweicloud.com/", "is not a URL"),
        ("ftp://127.0.0.1/", "is not an https URL"),
        ("https:///a/", "has no host"),
        (
            "https://a.example/?q=1/",
            "does not end in `/` (page ids are appended to it)",
        ),
    ] {
        let message = errors(&with_sites(site, "https://a.example/")).remove(0);
        assert!(
            message.ends_with(&format!("site {site:?} of [source] {why}")),
            "{message}"
        );
    }
}

#[test]
fn duplicate_code_points_at_both_rows() {
    let text = table(&format!(
        "{ROW}\n[[table.row]]\ncode = 1\nname = \"Again\"\ndescription = \"x\"\n"
    ));
    let line = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "code = 1")
        .nth(1)
        .unwrap()
        .0
        + 1;
    assert_eq!(
        errors(&text),
        [format!(
            "codes.toml:{line}:8: duplicate code 1 in table OperationType"
        )]
    );
}

#[test]
fn duplicate_names_and_names_equal_but_for_case() {
    let text = table(&format!(
        "{ROW}\n[[table.row]]\ncode = 2\nname = \"SignIn\"\ndescription = \"x\"\n\n[[table.row]]\ncode = 3\nname = \"Signin\"\ndescription = \"y\"\n"
    ));
    let second = line_of(&text, "code = 2") + 1;
    let third = line_of(&text, "code = 3") + 1;
    assert_eq!(
        errors(&text),
        [
            format!(
                "codes.toml:{second}:8: duplicate row name `SignIn` in row 2 of table OperationType"
            ),
            format!(
                "codes.toml:{third}:8: row name `Signin` in row 3 of table OperationType differs from `SignIn` only in case"
            ),
        ]
    );
}

#[test]
fn overlapping_and_reversed_ranges() {
    let text = table(
        "\n[[table.row]]\ncode = 0\nname = \"SignOut\"\ndescription = \"d\"\n\n[[table.row.reason]]\nrange = [1, 255]\nname = \"A\"\ndescription = \"a\"\n\n[[table.row.reason]]\nrange = [200, 300]\nname = \"B\"\ndescription = \"b\"\n\n[[table.row.reason]]\nrange = [9, 3]\nname = \"C\"\ndescription = \"c\"\n",
    );
    let overlap = line_of(&text, "range = [200, 300]");
    let reversed = line_of(&text, "range = [9, 3]");
    assert_eq!(
        errors(&text),
        [
            format!(
                "codes.toml:{overlap}:9: reason range 200-300 overlaps range 1-255 in row 0 of table OperationType"
            ),
            format!(
                "codes.toml:{reversed}:9: reversed range 9-3 in a reason of row 0 of table OperationType"
            ),
        ]
    );
}

#[test]
fn a_specific_code_inside_a_range_is_allowed() {
    let text = table(
        "\n[[table.row]]\ncode = 27\nname = \"WorkStatus\"\ndescription = \"d\"\n\n[[table.row.reason]]\ncode = 0\nname = \"A\"\ndescription = \"a\"\n\n[[table.row.reason]]\nrange = [0, 255]\nname = \"B\"\ndescription = \"b\"\n",
    );
    assert!(Spec::from_toml("codes.toml", &text).is_ok());
}

#[test]
fn invalid_identifiers_and_keywords() {
    let cases = [
        ("3Way", "name `3Way` starts with a digit"),
        (
            "Sign-In",
            "name `Sign-In` has the character '-', which cannot appear in an identifier",
        ),
        (
            "Sign In",
            "name `Sign In` has the character ' ', which cannot appear in an identifier",
        ),
        ("Café", "name `Café` has the non-ASCII character 'é'"),
        ("", "name is empty"),
        ("match", "`match` is a Rust keyword"),
        (
            "Self",
            "`Self` is a Rust keyword that cannot be used even as a raw identifier",
        ),
        ("signIn", "name `signIn` is not UpperCamelCase"),
    ];
    for (name, message) in cases {
        let text = table(&format!(
            "\n[[table.row]]\ncode = 1\nname = \"{name}\"\ndescription = \"d\"\n"
        ));
        let line = line_of(&text, &format!("name = \"{name}\""));
        assert_eq!(
            errors(&text),
            [format!(
                "codes.toml:{line}:8: invalid Rust name in row 1 of table OperationType: {message}"
            )],
            "{name:?}"
        );
    }
}

#[test]
fn unknown_key_is_named_at_its_position() {
    let text = table("\n[[table.row]]\ncode = 1\nname = \"SignIn\"\ndescripton = \"typo\"\n");
    let line = line_of(&text, "descripton");
    let errors = errors(&text);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors,
        [format!(
            "codes.toml:{line}:1: unknown key `descripton`, expected one of `code`, `name`, `constant`, `description`, `description_zh`, `page`, `page_zh`, `object`, `notes`, `notes_zh`, `reason`"
        )]
    );
}

#[test]
fn empty_and_missing_descriptions() {
    let text = table(
        "\n[[table.row]]\ncode = 1\nname = \"SignIn\"\ndescription = \"  \"\n\n[[table.row]]\ncode = 2\nname = \"Idle\"\n",
    );
    let empty = line_of(&text, "description = \"  \"");
    let missing = line_of(&text, "code = 2") - 1;
    assert_eq!(
        errors(&text),
        [
            format!("codes.toml:{empty}:15: empty `description` in row 1 of table OperationType"),
            format!("codes.toml:{missing}:1: row 2 of table OperationType has no `description`"),
        ]
    );
}

#[test]
fn every_error_is_reported_in_one_run() {
    let text = table(
        "\n[[table.row]]\ncode = 1\nname = \"fn\"\ndescription = \"\"\n\n[[table.row]]\ncode = 1\nname = \"B\"\ndescription = \"b\"\nobject = \"Nobody\"\n",
    );
    assert_eq!(errors(&text).len(), 4, "{:#?}", errors(&text));
}

#[test]
fn the_display_says_where_what_and_the_other_place() {
    let text = table(&format!(
        "{ROW}\n[[table.row]]\ncode = 1\nname = \"Again\"\ndescription = \"x\"\n"
    ));
    let error = Spec::from_toml("codes.toml", &text).unwrap_err();
    let second = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "code = 1")
        .nth(1)
        .unwrap()
        .0
        + 1;
    let first = line_of(&text, "code = 1");
    assert_eq!(
        error.to_string(),
        format!(
            "codes.toml:{second}:8: duplicate code 1 in table OperationType\n    \
             defined again here\n    \
             codes.toml:{first}:8: first defined here"
        )
    );
}
