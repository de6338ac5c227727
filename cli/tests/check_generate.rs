//! `codes check` and `codes generate`.

mod support;

use support::{BROKEN_SPEC, codes, codes_in, golden, repo, scratch};

/// The repository's spec as of the 2023 pages, frozen: what the tests of
/// `check`'s report run on, whatever a vendor update does to `codes.toml`.
const FROZEN: &str = "tools/tests/fixtures/specs/codes-2023.toml";

/// A scratch folder holding the frozen spec as `codes.toml`.
fn frozen_spec(name: &str) -> support::Scratch {
    let dir = scratch(name);
    std::fs::copy(repo().join(FROZEN), dir.join("codes.toml")).unwrap();
    dir
}

/// The information `codes check` gives on the frozen spec: the media
/// types the only English page lacks (54 and 55, at their Chinese
/// description), and the tables transcribed from one language's page, at their
/// `[[table]]` line.
fn frozen_information() -> String {
    let spec = std::fs::read_to_string(repo().join(FROZEN)).unwrap();
    let entry_line = |line: &str, header: &str| {
        let at = spec
            .lines()
            .position(|other| other == line)
            .unwrap_or_else(|| panic!("no line {line}"));
        assert_eq!(spec.lines().nth(at - 1), Some(header));
        at
    };
    let table_line = |name: &str| entry_line(&format!("name = \"{name}\""), "[[table]]");
    // The row's Chinese description, which stands where the English is missing.
    let chinese_only = |text: &str| {
        1 + spec
            .lines()
            .position(|line| line == format!("description_zh = \"{text}\""))
            .unwrap_or_else(|| panic!("no description_zh {text}"))
    };
    format!(
        "codes.toml:{}: info[I001]: row 54 of table MediaType has no English description (description)\n\
         codes.toml:{}: info[I001]: row 55 of table MediaType has no English description (description)\n\
         codes.toml:{}: info[I001]: table AgentType has no Chinese page: its texts are English only\n\
         codes.toml:{}: info[I001]: table CallDirection has no English page: its texts are Chinese only\n",
        chinese_only("传真交谈"),
        chinese_only("H5视频"),
        table_line("AgentType"),
        table_line("CallDirection"),
    )
}

#[test]
fn check_accepts_the_repository_spec() {
    // What the library finds in the spec, as `check` says it.
    let text = std::fs::read_to_string(repo().join("codes.toml")).unwrap();
    let (spec, sources) = codes_codegen::Spec::from_toml_with_sources("codes.toml", &text)
        .unwrap_or_else(|error| panic!("{error}"));
    let mut expected = String::new();
    for finding in codes_tools::translations::untranslated(&spec, &sources) {
        let line = finding.line.expect("every finding has its line");
        expected += &format!("codes.toml:{line}: info[I001]: {finding}\n");
    }
    let rows: usize = spec.tables().iter().map(|table| table.rows().len()).sum();
    expected += &format!(
        "codes.toml: ok ({} table(s), {rows} rows)\n",
        spec.tables().len()
    );
    let run = codes(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, expected);

    let run = codes_in(&frozen_spec("check-frozen"), &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "{}codes.toml: ok (4 table(s), 76 rows)\n",
            frozen_information()
        )
    );
}

#[test]
fn check_reports_each_text_without_a_translation_as_information() {
    let dir = scratch("check-untranslated");
    let spec = std::fs::read_to_string(repo().join(FROZEN))
        .unwrap()
        .replacen("description_zh = \"示忙。\"\n", "", 1);
    std::fs::write(dir.join("codes.toml"), &spec).unwrap();
    let line = spec
        .lines()
        .position(|line| line == "description = \"Busy.\"")
        .unwrap()
        + 1;
    let run = codes_in(&dir, &["check"]);
    assert_eq!(run.code, 0, "information is not an error");
    assert!(
        run.stderr.starts_with(&format!(
            "codes.toml:{line}: info[I001]: row 3 of table OperationType has no Chinese description (description_zh)\n"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn check_reports_every_mistake_with_a_snippet_and_exits_1() {
    let dir = scratch("check-broken");
    let spec = std::fs::read_to_string(repo().join(FROZEN))
        .unwrap()
        .replacen("code = 3\n", "code = 2\n", 1)
        .replacen("name = \"Idle\"", "name = \"match\"", 1);
    std::fs::write(dir.join("codes.toml"), &spec).unwrap();
    let run = codes_in(&dir, &["check"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    let keyword_line = spec
        .lines()
        .position(|line| line == "name = \"match\"")
        .unwrap()
        + 1;
    assert!(
        run.stderr.starts_with(
            "error[E007]: invalid Rust name in row 2 of table OperationType: `match` is a Rust keyword\n"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("--> codes.toml:{keyword_line}:8\n")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("= help: use an UpperCamelCase name such as `Match`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error[E006]: duplicate code 2 in table OperationType"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with("codes.toml: 2 errors\n"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains('\u{1b}'),
        "no colour with NO_COLOR and no terminal"
    );
}

#[test]
fn a_missing_spec_is_a_failure_to_run() {
    let run = codes_in(&scratch("check-missing"), &["check", "nowhere.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("codes: nowhere.toml: "),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_arguments_exit_2() {
    let run = codes(&["generate", "--target", "cobol"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("invalid value 'cobol' for '--target <TARGET>'"),
        "{}",
        run.stderr
    );
}

#[test]
fn record_fields_are_three_names() {
    let run = codes(&["generate", "--record-fields", "op_type,op_cause"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error: invalid value 'op_type,op_cause' for '--record-fields <CODE,OBJECT,REASON>': \
             expected three names separated by commas, found 2\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn generate_rust_is_exactly_what_build_rs_generates() {
    let run = codes(&[
        "generate",
        "--target",
        "rust",
        "--doc-cfg",
        "--record-fields",
        "op_type,op_object,op_cause",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    golden("tests/golden/codes.rs", &run.stdout, "codes generate");
}

#[test]
fn generate_writes_a_file_only_when_it_changed() {
    let dir = scratch("generate-out");
    let out = dir.join("codes.rs");
    let spec = repo().join(FROZEN);
    let spec = spec.to_str().unwrap();
    let run = codes_in(&dir, &["generate", spec, "-o", "codes.rs"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    let written = std::fs::metadata(&out).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let run = codes_in(&dir, &["generate", spec, "-o", "codes.rs"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        std::fs::metadata(&out).unwrap().modified().unwrap(),
        written
    );
}

#[test]
fn generate_from_an_invalid_spec_writes_nothing() {
    let dir = scratch("generate-invalid");
    std::fs::write(dir.join("codes.toml"), "[source]\nvendor = \"V\"\n").unwrap();
    let run = codes_in(&dir, &["generate", "-o", "out.rs"]);
    assert_eq!(run.code, 1);
    assert!(!dir.join("out.rs").exists());
    assert!(
        run.stderr
            .contains("error[E004]: [source] has no `product`"),
        "{}",
        run.stderr
    );
}

#[test]
fn generate_exports_match_the_library_golden_files() {
    for (args, golden) in [
        (&["--target", "sql"][..], "codes.postgres.sql"),
        (
            &["--target", "sql", "--dialect", "postgres"],
            "codes.postgres.sql",
        ),
        (
            &["--target", "sql", "--dialect", "sqlite"],
            "codes.sqlite.sql",
        ),
        (
            &["--target", "sql", "--dialect", "spark"],
            "codes.spark.sql",
        ),
        (&["--target", "json"], "codes.json"),
        (&["--target", "markdown"], "codes.md"),
    ] {
        let run = codes(&[&["generate"], args].concat());
        let args = args.join(" ");
        assert_eq!(run.code, 0, "{args}: {}", run.stderr);
        support::golden(
            &format!("tools/tests/golden/{golden}"),
            &run.stdout,
            &format!("codes generate {args}"),
        );
    }
}

#[test]
fn generate_dialect_is_for_sql_only() {
    let run = codes(&["generate", "--target", "json", "--dialect", "spark"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (2, "", "codes: --dialect applies to --target sql only\n")
    );
    let run = codes(&["generate", "--target", "sql", "--dialect", "oracle"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error: invalid value 'oracle' for '--dialect <DIALECT>'\n  \
             [possible values: postgres, sqlite, spark]\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn generate_sql_refuses_text_postgresql_cannot_store() {
    let dir = scratch("generate-nul");
    let spec = std::fs::read_to_string(repo().join(FROZEN))
        .unwrap()
        .replacen("\"Idle.\"", "\"Idle.\\u0000\"", 1);
    std::fs::write(dir.join("codes.toml"), spec).unwrap();
    let run = codes_in(&dir, &["generate", "--target", "sql", "-o", "codes.sql"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "codes: cannot export table OperationType as SQL: the description of row 2 holds a NUL character, which PostgreSQL cannot store\n"
    );
    assert!(!dir.join("codes.sql").exists());
    let sqlite = ["generate", "--target", "sql", "--dialect", "sqlite"];
    let run = codes_in(&dir, &sqlite);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "codes: cannot export table OperationType as SQL: the description of row 2 holds a NUL character, which SQLite does not read in SQL text\n"
        )
    );
    // Spark SQL reads it escaped.
    let run = codes_in(&dir, &["generate", "--target", "sql", "--dialect", "spark"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("(2, 'Idle', 'Idle.\\u0000', "));
}

#[test]
fn check_format_json_writes_the_diagnostics_as_data() {
    let dir = scratch("check-json");
    std::fs::write(dir.join("codes.toml"), BROKEN_SPEC).unwrap();
    let run = codes_in(&dir, &["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "codes.toml: 2 errors\n");
    assert_eq!(
        run.stdout,
        r#"{
  "path": "codes.toml",
  "valid": false,
  "diagnostics": [
    {
      "code": "E006",
      "severity": "error",
      "path": "codes.toml",
      "line": 20,
      "column": 8,
      "end_line": 20,
      "end_column": 9,
      "message": "duplicate code 1 in table OperationType",
      "label": "defined again here",
      "help": null,
      "related": [
        {
          "path": "codes.toml",
          "line": 15,
          "column": 8,
          "end_line": 15,
          "end_column": 9,
          "label": "first defined here"
        }
      ]
    },
    {
      "code": "E007",
      "severity": "error",
      "path": "codes.toml",
      "line": 21,
      "column": 8,
      "end_line": 21,
      "end_column": 15,
      "message": "invalid Rust name in row 1 of table OperationType: `match` is a Rust keyword",
      "label": "expected an UpperCamelCase identifier",
      "help": "use an UpperCamelCase name such as `Match`",
      "related": []
    }
  ],
  "untranslated": [],
  "review_marks": []
}
"#
    );

    let run = codes_in(
        &frozen_spec("check-json-frozen"),
        &["check", "--format", "json"],
    );
    assert_eq!(run.code, 0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["valid"], true);
    assert_eq!(report["diagnostics"], serde_json::json!([]));
    let untranslated = report["untranslated"].as_array().unwrap();
    assert_eq!(untranslated.len(), 4);
    assert_eq!(
        untranslated[0]["message"],
        "row 54 of table MediaType has no English description (description)"
    );
    assert_eq!(untranslated[1]["item"], "row 55 of table MediaType");
    assert_eq!(
        untranslated[2]["message"],
        "table AgentType has no Chinese page: its texts are English only"
    );
    assert_eq!(untranslated[2]["missing"], "Chinese page");
    assert_eq!(untranslated[2]["only_in"], "English");
    assert_eq!(untranslated[3]["item"], "table CallDirection");
    assert_eq!(run.stderr, "codes.toml: ok (4 table(s), 76 rows)\n");
}

#[test]
fn generate_check_exits_1_when_the_file_is_not_what_would_be_written() {
    let dir = scratch("generate-check");
    std::fs::copy(repo().join(FROZEN), dir.join("codes.toml")).unwrap();
    let check = ["generate", "--target", "sql", "-o", "codes.sql", "--check"];

    let run = codes_in(&dir, &check);
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    assert_eq!(
        run.stderr,
        "codes.sql: missing: it should hold what codes.toml generates for --target sql; \
         run without --check to write it\n"
    );
    assert!(!dir.join("codes.sql").exists(), "--check writes nothing");

    let run = codes_in(&dir, &check[..5]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = codes_in(&dir, &check);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "codes.sql: up to date\n")
    );

    let stale = std::fs::read_to_string(dir.join("codes.sql"))
        .unwrap()
        .replace("Idle.", "Idle");
    std::fs::write(dir.join("codes.sql"), &stale).unwrap();
    let run = codes_in(&dir, &check);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "codes.sql: out of date: it differs from what codes.toml generates for --target sql; \
         run without --check to update it\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("codes.sql")).unwrap(),
        stale,
        "--check writes nothing"
    );

    let spark = ["generate", "--target", "sql", "--dialect", "spark"];
    let run = codes_in(
        &dir,
        &[&spark[..], &["-o", "codes.sql", "--check"]].concat(),
    );
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "codes.sql: out of date: it differs from what codes.toml generates for --target sql \
         --dialect spark; run without --check to update it\n"
    );

    let run = codes_in(&dir, &["generate", "--check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error: the following required arguments were not provided:\n  --out <OUT>\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn generate_check_accepts_the_golden_file_and_refuses_an_invalid_spec() {
    let rust = ["--doc-cfg", "--record-fields", "op_type,op_object,op_cause"];
    if std::env::var_os("BLESS").is_some() {
        // Blessed as the golden test of the library blesses it.
        let run = codes(&[&["generate", "-o", "tests/golden/codes.rs"][..], &rust].concat());
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let run = codes(&[
        "generate",
        "-o",
        "tests/golden/codes.rs",
        "--check",
        "--doc-cfg",
        "--record-fields",
        "op_type,op_object,op_cause",
    ]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, "tests/golden/codes.rs: up to date\n")
    );
    let dir = scratch("generate-check-invalid");
    std::fs::write(dir.join("codes.toml"), BROKEN_SPEC).unwrap();
    std::fs::write(dir.join("codes.rs"), "").unwrap();
    let run = codes_in(&dir, &["generate", "-o", "codes.rs", "--check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.ends_with("codes.toml: 2 errors\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn output_dash_is_standard_output() {
    let dir = scratch("generate-dash");
    std::fs::copy(repo().join(FROZEN), dir.join("codes.toml")).unwrap();
    let to_stdout = codes_in(&dir, &["generate", "--target", "json"]);
    let run = codes_in(&dir, &["generate", "--target", "json", "-o", "-"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, to_stdout.stdout);
    assert!(!dir.join("-").exists(), "no file named `-`");
    let run = codes_in(
        &dir,
        &["generate", "--target", "json", "-o", "-", "--check"],
    );
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "codes: --check compares a file with what would be written: give -o FILE, not -o -\n"
        )
    );
}

#[test]
fn color_reaches_the_messages_of_the_argument_parser() {
    // CLICOLOR_FORCE would colour clap's own error; --color never wins.
    let error = |color: &str| {
        support::run(
            support::command(&repo(), &["--color", color, "explain", "3", "--lnag", "zh"])
                .env_remove("NO_COLOR")
                .env("CLICOLOR_FORCE", "1"),
        )
    };
    let never = error("never");
    assert_eq!(never.code, 2);
    assert!(
        never.stderr.starts_with(
            "error: unexpected argument '--lnag' found\n\n  tip: a similar argument exists: '--lang'\n"
        ),
        "{}",
        never.stderr
    );
    let always = error("always");
    assert_eq!(always.code, 2);
    assert!(always.stderr.contains('\u{1b}'), "{}", always.stderr);
    // After the subcommand too.
    let run = support::run(
        support::command(&repo(), &["explain", "3", "--lnag", "zh", "--color=never"])
            .env("CLICOLOR_FORCE", "1"),
    );
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.stderr);
}

#[test]
fn suggestions_survive_the_positional_arguments_of_explain() {
    let run = codes(&["explain", "3", "--lnag", "zh"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("tip: a similar argument exists: '--lang'"),
        "{}",
        run.stderr
    );
    // A negative reason is still a value, not an option.
    let run = codes(&["explain", "3", "-1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// The repository's spec with the name of Idle marked for review, as an
/// import proposing it would leave it, and the line of the mark.
fn spec_with_a_review_mark() -> (String, usize) {
    let spec = std::fs::read_to_string(repo().join(FROZEN))
        .unwrap()
        .replacen(
            "name = \"Idle\"\n",
            "name = \"Idle\" # review: proposed name\n",
            1,
        );
    let line = spec
        .lines()
        .position(|line| line.ends_with("# review: proposed name"))
        .unwrap()
        + 1;
    (spec, line)
}

#[test]
fn review_marks_are_information_and_errors_with_deny_review() {
    let dir = scratch("check-review");
    let (spec, line) = spec_with_a_review_mark();
    std::fs::write(dir.join("codes.toml"), spec).unwrap();
    let mark = format!("codes.toml:{line}:15: info[I002]: review mark left: proposed name\n");
    let run = codes_in(&dir, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains(&mark), "{}", run.stderr);

    let run = codes_in(&dir, &["check", "--deny", "review"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.ends_with(&format!(
            "codes.toml:{line}:15: error[I002]: review mark left: proposed name\n\
             codes.toml: 1 review mark left (--deny review)\n"
        )),
        "{}",
        run.stderr
    );
    let run = codes_in(&dir, &["check", "--deny", "review", "--format", "json"]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        json["review_marks"],
        serde_json::json!([{
            "code": "I002",
            "severity": "error",
            "line": line,
            "column": 15,
            "message": "review mark left: proposed name",
            "note": "proposed name",
        }])
    );
    // Once the marks are gone, --deny review passes.
    let run = codes(&["check", "--deny", "review"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn check_annotates_github_actions_at_the_lines_of_the_spec() {
    let dir = scratch("check-gha");
    std::fs::write(dir.join("codes.toml"), BROKEN_SPEC).unwrap();
    let run = codes_in(&dir, &["check", "--format", "github-actions"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "codes.toml: 2 errors\n");
    assert_eq!(
        run.stdout,
        "::error file=codes.toml,line=20,col=8,endLine=20,endColumn=9,title=E006::\
         duplicate code 1 in table OperationType: defined again here\n\
         ::error file=codes.toml,line=21,col=8,endLine=21,endColumn=15,title=E007::\
         invalid Rust name in row 1 of table OperationType: `match` is a Rust keyword: \
         expected an UpperCamelCase identifier%0Ahelp: use an UpperCamelCase name such as `Match`\n"
    );
    let dir = scratch("check-gha-review");
    let (spec, line) = spec_with_a_review_mark();
    std::fs::write(dir.join("codes.toml"), spec).unwrap();
    let run = codes_in(
        &dir,
        &["check", "--format", "github-actions", "--deny", "review"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.ends_with(&format!(
            "::error file=codes.toml,line={line},col=15,title=I002::review mark left: proposed name\n"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.starts_with("::notice file=codes.toml,line="),
        "information is a notice: {}",
        run.stdout
    );
}

#[test]
fn generate_without_a_spec_uses_the_built_in_table_and_says_so() {
    let dir = scratch("generate-built-in");
    let run = codes_in(&dir, &["generate", "--target", "sql"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "codes: no codes.toml here: generating from the built-in table (cec-codes {})\n",
            env!("CARGO_PKG_VERSION")
        )
    );
    assert_eq!(run.stdout, codes(&["generate", "--target", "sql"]).stdout);
    // A spec named on the command line must exist.
    let run = codes_in(&dir, &["generate", "codes.toml", "--target", "sql"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("codes: codes.toml: "),
        "{}",
        run.stderr
    );
}

/// A Chinese text marked as made against an English text since reworded
/// (what `codes import --merge` writes) is a review mark: `check` names it
/// and what the translation was made against, and `--deny review` refuses
/// it until a person has looked.
#[test]
fn check_reports_a_translation_to_review() {
    let dir = frozen_spec("check-translation");
    let spec = std::fs::read_to_string(dir.join("codes.toml")).unwrap();
    let marked = spec.replacen(
        "description_zh = \"示忙。\"\n",
        "description_zh = \"示忙。\" # review: translated from \"Busy.\"\n",
        1,
    );
    assert_ne!(marked, spec);
    std::fs::write(dir.join("codes.toml"), &marked).unwrap();
    let line = 1 + marked
        .lines()
        .position(|line| line.starts_with("description_zh = \"示忙。\" # review"))
        .unwrap();
    let run = codes_in(&dir, &["check", "--deny", "review"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "codes.toml:{line}:24: error[I002]: review mark left: translated from \"Busy.\"\n"
        )),
        "{}",
        run.stderr
    );
    let run = codes_in(&dir, &["check"]);
    assert_eq!(run.code, 0, "information only without --deny review");
}
