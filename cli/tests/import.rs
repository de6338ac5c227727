//! `codes import`: fresh imports, merges, and the round trip through the
//! vendor's own page.

mod support;

use support::{codes, codes_in, repo, scratch};

/// The repository's spec as transcribed from the pages below (2023),
/// frozen: the base of these merges, which a vendor update of `codes.toml`
/// leaves alone (`codes.toml` itself is held to `vendor/` by the root
/// crate's `tests/vendor_table.rs`).
const OLD: &str = "tools/tests/fixtures/specs/codes-2023.toml";
const VENDOR_2023: &str = "tools/tests/fixtures/vendor/agent-operation-type-2023-09-27.txt";
const VENDOR_2023_PIPE: &str =
    "tools/tests/fixtures/vendor/agent-operation-type-2023-09-27.pipe.txt";
const VENDOR_2025: &str = "tools/tests/fixtures/vendor/agent-operation-type-2025-revision.pipe.txt";

#[test]
fn importing_the_vendor_page_into_codes_toml_changes_nothing() {
    let spec = std::fs::read_to_string(repo().join(OLD)).unwrap();
    for doc in [VENDOR_2023, VENDOR_2023_PIPE] {
        let run = codes(&["import", doc, "--merge", OLD]);
        assert_eq!(run.code, 0, "{doc}: {}", run.stderr);
        assert!(
            run.stdout == spec,
            "{doc}: the merge differs from codes.toml"
        );
        assert_eq!(run.stderr, "no changes\n");
    }
    let dir = scratch("import-round-trip");
    let merged = dir.join("merged.toml");
    let vendor = repo().join(VENDOR_2023);
    let run = codes(&[
        "import",
        vendor.to_str().unwrap(),
        "--merge",
        OLD,
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0);
    let diff = codes(&["diff", OLD, merged.to_str().unwrap(), "--fail-on", "patch"]);
    assert_eq!(
        (diff.code, diff.stdout.as_str()),
        (0, "no changes\nimpact: none\n")
    );
}

#[test]
fn merging_a_revision_writes_the_file_and_says_what_changed() {
    let dir = scratch("import-merge");
    std::fs::copy(repo().join(OLD), dir.join("codes.toml")).unwrap();
    let vendor = repo().join(VENDOR_2025);
    let run = codes_in(
        &dir,
        &[
            "import",
            vendor.to_str().unwrap(),
            "--merge",
            "codes.toml",
            "-o",
            "codes.toml",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with(
            "updated: 2023-09-27 GMT+08:00 -> 2025-06-30 GMT+08:00\nrow 0: description changed\n"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("review: row 5: proposed name `AgentEntersAfterCall`\n"),
        "{}",
        run.stderr
    );
    let merged = std::fs::read_to_string(dir.join("codes.toml")).unwrap();
    let golden =
        std::fs::read_to_string(repo().join("tools/tests/golden/merged-2025.toml")).unwrap();
    assert!(
        merged == golden,
        "the merged spec differs from tools/tests/golden/merged-2025.toml"
    );
    assert_eq!(codes_in(&dir, &["check"]).code, 0);
}

#[test]
fn a_fresh_import_is_a_complete_spec() {
    let run = codes(&[
        "import",
        VENDOR_2023,
        "--page",
        "cec_07_4243",
        "--name",
        "OperationType",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let golden =
        std::fs::read_to_string(repo().join("tools/tests/golden/imported-2023.toml")).unwrap();
    assert!(
        run.stdout == golden,
        "the import differs from tools/tests/golden/imported-2023.toml"
    );
    assert!(run.stderr.starts_with("imported 29 rows"), "{}", run.stderr);
}

#[test]
fn an_unreadable_vendor_table_is_reported_by_line_and_nothing_is_written() {
    let dir = scratch("import-bad");
    std::fs::write(
        dir.join("page.txt"),
        "Updated on 2023-09-27\n\nT\n\nTable 1 x\n\nCode\n\nDescription\n\n1\n\nfoo\n\n1\n\nbar\n",
    )
    .unwrap();
    let run = codes_in(&dir, &["import", "page.txt", "-o", "codes.toml"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "page.txt:15: duplicate code 1, already on line 11\ncodes: nothing written\n"
    );
    assert!(!dir.join("codes.toml").exists());
    let run = codes_in(&dir, &["import", "missing.txt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("codes: missing.txt: "),
        "{}",
        run.stderr
    );
}

#[test]
fn merging_into_an_invalid_spec_shows_its_diagnostics() {
    let dir = scratch("import-invalid-spec");
    std::fs::write(dir.join("codes.toml"), "[source]\nvendor = 1\n").unwrap();
    let vendor = repo().join(VENDOR_2023);
    let run = codes_in(
        &dir,
        &[
            "import",
            vendor.to_str().unwrap(),
            "--merge",
            "codes.toml",
            "-o",
            "codes.toml",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("--> codes.toml:2:10"), "{}", run.stderr);
    assert!(run.stderr.ends_with("codes: nothing written\n"));
    assert_eq!(
        std::fs::read_to_string(dir.join("codes.toml")).unwrap(),
        "[source]\nvendor = 1\n"
    );
}

const VENDOR: &str = "tools/tests/fixtures/vendor";

#[test]
fn every_page_of_a_table_of_codes_toml_merges_into_it_without_changes() {
    let spec = std::fs::read_to_string(repo().join(OLD)).unwrap();
    // Not the bill's media-type page (cec_07_4244): it lists only rows 1
    // and 5 of MediaType (whose English texts it gives, their `page`), so a
    // merge of it removes the others.
    let pages: [(&str, &[&str]); 10] = [
        ("agent-operation-type-zh.txt", &["--lang", "zh"]),
        ("html/agent-operation-type-zh.html", &[]),
        ("html/media-type-full-zh.html", &["--lang", "zh"]),
        ("html/media-type-full-en.html", &[]),
        // The page's language from its header cells.
        ("agent-operation-type-zh.txt", &[]),
        ("media-type-full-zh.txt", &["--lang", "zh"]),
        ("media-type-full-en.txt", &[]),
        ("html/agent-operation-type-2023-09-27.html", &[]),
        ("agent-type-2025-11-13.txt", &[]),
        (
            "agentoprinfo-columns-zh.txt",
            &["--values-of", "callIn_out", "--lang", "zh"],
        ),
    ];
    for (page, options) in pages {
        let doc = format!("{VENDOR}/{page}");
        let mut args = vec!["import", doc.as_str(), "--merge", OLD];
        args.extend(options);
        let run = codes(&args);
        assert_eq!(run.code, 0, "{page}: {}", run.stderr);
        assert!(
            run.stdout == spec,
            "{page}: the merge differs from codes.toml"
        );
        let lacking = match page {
            // The only English copy stops at 53.
            "media-type-full-en.txt" | "html/media-type-full-en.html" => {
                "row 54: not on the English page (its Chinese texts are kept)\n\
                 row 55: not on the English page (its Chinese texts are kept)\n"
            }
            _ => "no changes\n",
        };
        assert_eq!(run.stderr, lacking, "{page}");
    }
}

#[test]
fn page_errors_are_reported_at_page_line() {
    // The older agent type page repeats row 12: the same cells are read
    // once (and said), other cells would be an error.
    let older = format!("{VENDOR}/agent-type-older.txt");
    let run = codes(&["import", &older, "--page", "cec_07_2636"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains(
        "review: row 12: the page lists it twice (lines 52 and 56), cell for cell the same: read once\n"
    ));
    let dir = scratch("import-row-twice");
    let page = std::fs::read_to_string(repo().join(&older)).unwrap();
    let at = page.rfind("Single phone video agent").unwrap();
    std::fs::write(
        dir.join("older.txt"),
        format!(
            "{}Single-phone{}",
            &page[..at],
            &page[at + "Single phone".len()..]
        ),
    )
    .unwrap();
    let run = codes_in(&dir, &["import", "older.txt"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "older.txt:56: duplicate code 12, already on line 52\ncodes: nothing written\n"
    );
    // A Chinese page merged as English would overwrite the English.
    let chinese = format!("{VENDOR}/agent-operation-type-zh.txt");
    let run = codes(&["import", &chinese, "--merge", OLD, "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        format!(
            "{chinese}:3: expected English header cells for an import in English, found \"操作类型\" (a Chinese page)\ncodes: nothing written\n"
        )
    );
    let columns = format!("{VENDOR}/agentoprinfo-columns-zh.txt");
    let run = codes(&[
        "import",
        &columns,
        "--lang",
        "zh",
        "--values-of",
        "callin_out",
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(&format!(
            "{columns}:5: expected a row of parameter \"callin_out\", found none (parameters: id, "
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_chinese_merge_reports_what_the_spec_lacks_at_page_line() {
    let dir = scratch("import-chinese-lacks");
    let page =
        std::fs::read_to_string(repo().join(VENDOR).join("agent-operation-type-zh.txt")).unwrap();
    std::fs::write(
        dir.join("page.txt"),
        format!("{page}|\n5 |\n新行。 |\n-1 |\n-1 |\n"),
    )
    .unwrap();
    let spec = repo().join(OLD);
    let run = codes_in(
        &dir,
        &[
            "import",
            "page.txt",
            "--lang",
            "zh",
            "--merge",
            spec.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "page.txt:153: row 5 is not in table OperationType of the spec (its rows come from its English page)\ncodes: nothing written\n"
    );
}

/// A page of two tables, in the paragraph layout.
const TWO_TABLES: &str = "Table 1 Media type\n\nMedia Type\n\nDescription\n\n1\n\nText chat\n\n\
    Table 2 Call type\n\nValue\n\nDescription\n\n0\n\nCommon incoming call.\n";

#[test]
fn table_picks_one_table_of_a_page() {
    let dir = scratch("import-tables");
    std::fs::write(dir.join("page.txt"), TWO_TABLES).unwrap();
    let run = codes_in(
        &dir,
        &["import", "page.txt", "--page", "p", "-o", "both.toml"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("imported 2 rows, 0 object kinds and 0 reasons in 2 tables\n"),
        "{}",
        run.stderr
    );
    assert_eq!(codes_in(&dir, &["check", "both.toml"]).code, 0);
    let both = std::fs::read_to_string(dir.join("both.toml")).unwrap();
    assert!(both.contains("name = \"MediaType\" # review: proposed name\n"));
    assert!(both.contains("name = \"CallType\" # review: proposed name\n"));

    let run = codes_in(
        &dir,
        &[
            "import", "page.txt", "--table", "2", "--name", "CallType", "--page", "p",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.matches("\n[[table]]\n").count(), 1);
    assert!(
        run.stdout
            .contains("[[table]]\nname = \"CallType\"\ntitle = \"unknown\"")
    );

    let run = codes_in(&dir, &["import", "page.txt", "--table", "3"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "codes: --table 3: the page has 2 tables (--table takes 1 to 2)\n"
        )
    );
    let run = codes_in(&dir, &["import", "page.txt", "--name", "Media"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "codes: --name names one table, and the page has 2: pick one with --table\n"
        )
    );
    let run = codes_in(
        &dir,
        &[
            "import",
            "page.txt",
            "--merge",
            "both.toml",
            "--into",
            "MediaType",
        ],
    );
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "codes: --into names one table, and the page has 2: pick one with --table\n"
        )
    );
    // Each table merges into the one of its caption.
    let run = codes_in(&dir, &["import", "page.txt", "--merge", "both.toml"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, "no changes\n"));
    // `--table 0` is not a table number.
    assert_eq!(
        codes_in(&dir, &["import", "page.txt", "--table", "0"]).code,
        2
    );
}

#[test]
fn into_names_the_spec_table() {
    let call_type = format!("{VENDOR}/call-type.txt");
    let run = codes(&["import", &call_type, "--merge", OLD]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("do not pick exactly one"),
        "{}",
        run.stderr
    );
    let run = codes(&[
        "import",
        &call_type,
        "--merge",
        OLD,
        "--into",
        "OperationType",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("title: Agent Operation Type -> Call Type\n"),
        "{}",
        run.stderr
    );
    // `--into` is for merges.
    let run = codes(&["import", &call_type, "--into", "MediaType"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--merge <SPEC>"), "{}", run.stderr);
}

#[test]
fn values_of_imports_a_text_keyed_table() {
    let dir = scratch("import-values");
    let columns = repo().join(VENDOR).join("agentoprinfo-columns-zh.txt");
    let run = codes_in(
        &dir,
        &[
            "import",
            columns.to_str().unwrap(),
            "--values-of",
            "callIn_out",
            "--lang",
            "zh",
            "--name",
            "CallDirection",
            "--page",
            "cec_07_4238",
            "-o",
            "codes.toml",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(codes_in(&dir, &["check"]).code, 0);
    let spec = std::fs::read_to_string(dir.join("codes.toml")).unwrap();
    assert!(spec.contains(
        "[[table]]\nname = \"CallDirection\"\nkey = \"text\"\n\n[table.zh]\n\
         title = \"座席操作详单索引文件(yyyymmddhhmmssSSS+3位随机数_agentOprInfo_文件序号.csv)定义\"\n\
         caption = \"呼入呼出标志,包括:\"\npage = \"cec_07_4238\"\n"
    ));
    assert!(spec.contains("code = \"outbound呼出\"\nname = \"Value4\" # review: proposed name\n"));
    // `--values-of` reads one list, not tables.
    let run = codes_in(
        &dir,
        &[
            "import",
            columns.to_str().unwrap(),
            "--values-of",
            "x",
            "--table",
            "1",
        ],
    );
    assert_eq!(run.code, 2);
}

#[test]
fn help_describes_every_import_option() {
    let help = codes(&["import", "--help"]).stdout;
    for text in [
        "Usage: codes import [OPTIONS] <PAGE>",
        "--merge <SPEC>",
        "--lang <LANG>",
        "          - en: English: description, notes, text and the table's own page keys\n",
        "          - zh: Chinese: description_zh, notes_zh, text_zh and [table.zh]\n",
        "--table <N>",
        "--values-of <PARAMETER>",
        "--into <TABLE>",
        "--name <NAME>",
        "--page <ID>",
        "Errors in the page are reported as PAGE:LINE",
    ] {
        assert!(help.contains(text), "{text:?} not in:\n{help}");
    }
}

const HTML: &str = "tools/tests/fixtures/vendor/html";

#[test]
fn a_saved_html_page_imports_as_its_text_does() {
    for (html, text) in [
        (
            "agent-operation-type-2023-09-27.html",
            VENDOR_2023.to_owned(),
        ),
        (
            "agent-type-2025-11-13.complete.html",
            format!("{VENDOR}/agent-type-2025-11-13.txt"),
        ),
    ] {
        let html = format!("{HTML}/{html}");
        let from_html = codes(&["import", &html, "--page", "p"]);
        let from_text = codes(&["import", &text, "--page", "p"]);
        assert_eq!(from_html.code, 0, "{html}: {}", from_html.stderr);
        assert_eq!(from_html.stdout, from_text.stdout, "{html}");
        assert_eq!(from_html.stderr, from_text.stderr, "{html}");
    }
}

#[test]
fn a_chinese_page_is_imported_in_chinese_without_lang() {
    for page in [
        format!("{VENDOR}/media-type-full-zh.txt"),
        format!("{HTML}/media-type-full-zh.html"),
    ] {
        let run = codes(&["import", &page, "--page", "cec_07_4247"]);
        assert_eq!(run.code, 0, "{page}: {}", run.stderr);
        assert!(
            run.stdout
                .contains("\n[table.zh]\ntitle = \"呼叫媒体类型说明\"\n"),
            "{page}: {}",
            run.stdout
        );
        assert!(
            run.stdout.contains("description_zh = \"文字交谈\"\n"),
            "{page}"
        );
        assert_eq!(
            run.stdout,
            codes(&["import", &page, "--page", "cec_07_4247", "--lang", "zh"]).stdout
        );
    }
}

#[test]
fn table_picks_one_table_of_a_saved_page() {
    let page = format!("{HTML}/several-tables.synthetic.html");
    let run = codes(&[
        "import", &page, "--table", "2", "--name", "CallType", "--page", "p",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("caption = \"Table 2 Call type\"\n"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("Text chat"));
    let run = codes(&["import", &page, "--table", "3"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "codes: --table 3: the page has 2 tables (--table takes 1 to 2)\n"
        )
    );
}

#[test]
fn bad_saved_pages_are_reported_at_page_line() {
    let cases = [
        ("no-table.html", "no-table.html:10: expected a table (<table>) in the page, found none\n".to_owned()),
        (
            "nested-table.html",
            "nested-table.html:11: table 1, row 2: expected a cell of text, found a nested table\n".to_owned(),
        ),
        (
            "third-language.html",
            "third-language.html:2: expected a page in English or Chinese (lang \"en...\" or \"zh...\"), found lang \"ja-jp\"\n\
             third-language.html:7: table 1, header: expected header cells in English or Chinese, found \"メディアタイプ\" (Japanese)\n"
                .to_owned(),
        ),
        (
            "media-type-full-zh.gbk-undeclared.html",
            "media-type-full-zh.gbk-undeclared.html:5: expected UTF-8 text, or a <meta charset> declaring its charset, found byte 0xBA, which is not UTF-8\n"
                .to_owned(),
        ),
        (
            "unknown-header.html",
            "unknown-header.html:7: table 1, header: expected the header cells of a code table (code, description, then object and reason, or code, constant name, description), found \"Media Type\", \"Operation Reason\", \"Description\"\n\
             unknown-header.html:11: table 2: expected a header row (<th> cells, or a <thead>), found a row of <td> cells\n"
                .to_owned(),
        ),
    ];
    for (page, expected) in cases {
        let run = codes_in(&repo().join(HTML), &["import", page]);
        assert_eq!(run.code, 1, "{page}");
        assert_eq!(run.stdout, "", "{page}");
        assert_eq!(
            run.stderr,
            format!("{expected}codes: nothing written\n"),
            "{page}"
        );
    }
    // A copied text page that is not UTF-8, at its line.
    let dir = scratch("import-not-utf8");
    std::fs::write(
        dir.join("page.txt"),
        b"Media Type\n\nDescription\n\n1\n\n\xb5\n",
    )
    .unwrap();
    let run = codes_in(&dir, &["import", "page.txt"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            1,
            "page.txt:7: expected UTF-8 text, found byte 0xB5, which is not UTF-8\ncodes: nothing written\n"
        )
    );
}
