//! `codes import`: fresh imports, merges, and the round trip through the
//! vendor's own page.

mod support;

use support::{codes, codes_in, repo, scratch};

const VENDOR_2023: &str = "tools/tests/fixtures/vendor/agent-operation-type-2023-09-27.txt";
const VENDOR_2023_PIPE: &str =
    "tools/tests/fixtures/vendor/agent-operation-type-2023-09-27.pipe.txt";
const VENDOR_2025: &str = "tools/tests/fixtures/vendor/agent-operation-type-2025-revision.pipe.txt";

#[test]
fn importing_the_vendor_page_into_codes_toml_changes_nothing() {
    let spec = std::fs::read_to_string(repo().join("codes.toml")).unwrap();
    for doc in [VENDOR_2023, VENDOR_2023_PIPE] {
        let run = codes(&["import", doc, "--merge", "codes.toml"]);
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
        "codes.toml",
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0);
    let diff = codes(&[
        "diff",
        "codes.toml",
        merged.to_str().unwrap(),
        "--fail-on",
        "patch",
    ]);
    assert_eq!(
        (diff.code, diff.stdout.as_str()),
        (0, "no changes\nimpact: none\n")
    );
}

#[test]
fn merging_a_revision_writes_the_file_and_says_what_changed() {
    let dir = scratch("import-merge");
    std::fs::copy(repo().join("codes.toml"), dir.join("codes.toml")).unwrap();
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
