//! `codes diff`: reports in every format, `--fail-on`, and specs read from git.

mod support;

use support::{codes, codes_in, git, git_repo, repo, scratch};

/// The repository's spec as of the 2023 pages, frozen (a vendor update
/// changes `codes.toml`, not this), and a later revision of it: the sides
/// of the library's golden diff reports.
const OLD: &str = "tools/tests/fixtures/specs/codes-2023.toml";
const NEW: &str = "tools/tests/fixtures/specs/codes-2025-revision.toml";

#[test]
fn the_report_in_each_format_is_the_library_golden_file() {
    for (format, golden) in [
        ("text", "diff.txt"),
        ("markdown", "diff.md"),
        ("json", "diff.json"),
        ("github-actions", "diff.github-actions.txt"),
        ("junit", "diff.junit.xml"),
    ] {
        let run = codes(&["diff", OLD, NEW, "--format", format]);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        let expected =
            std::fs::read_to_string(repo().join("tools/tests/golden").join(golden)).unwrap();
        assert!(
            run.stdout == expected,
            "codes diff --format {format} differs from tools/tests/golden/{golden}"
        );
    }
}

#[test]
fn fail_on_sets_the_exit_status_at_or_above_the_threshold() {
    for (threshold, code) in [("breaking", 1), ("minor", 1), ("patch", 1), ("cosmetic", 1)] {
        assert_eq!(
            codes(&["diff", OLD, NEW, "--fail-on", threshold]).code,
            code,
            "{threshold}"
        );
    }
    // The revision breaks data too (a renumbered row), and its rows renamed
    // break the API alone.
    for threshold in [
        "api:breaking",
        "data:breaking",
        "data:minor",
        "data:cosmetic",
    ] {
        assert_eq!(
            codes(&["diff", OLD, NEW, "--fail-on", threshold]).code,
            1,
            "{threshold}"
        );
    }
    for threshold in ["breaking", "minor", "patch", "cosmetic", "data:breaking"] {
        let run = codes(&["diff", "codes.toml", "codes.toml", "--fail-on", threshold]);
        assert_eq!(
            (run.code, run.stdout.as_str()),
            (0, "no changes\nimpact: none\n"),
            "{threshold}"
        );
    }
    let run = codes(&["diff", OLD, NEW, "--fail-on", "major"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error: invalid value 'major' for '--fail-on <CONDITION>'\n  \
             [possible values: api:breaking, api:minor, api:patch, api:cosmetic, data:breaking, \
             data:minor, data:patch, data:cosmetic, missing-version-bump]\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_patch_only_revision_passes_fail_on_minor() {
    let dir = scratch("diff-patch");
    let old = std::fs::read_to_string(repo().join(OLD)).unwrap();
    std::fs::write(dir.join("old.toml"), &old).unwrap();
    std::fs::write(
        dir.join("new.toml"),
        old.replace("\"Idle.\"", "\"Idle (reworded).\""),
    )
    .unwrap();
    let run = codes_in(
        &dir,
        &["diff", "old.toml", "new.toml", "--fail-on", "minor"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.ends_with(
            "api impact: patch (0 breaking, 0 minor, 1 patch, 1 cosmetic)\n\
                        data impact: patch (0 breaking, 0 minor, 1 patch, 1 cosmetic)\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn sides_are_read_from_git_revisions() {
    let dir = git_repo("diff-git");
    std::fs::copy(repo().join(NEW), dir.join("codes.toml")).unwrap();
    let run = codes_in(&dir, &["diff", "HEAD:codes.toml", "codes.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.ends_with(
            "api impact: breaking (5 breaking, 9 minor, 4 patch, 1 cosmetic)\n\
                        data impact: breaking (4 breaking, 9 minor, 5 patch, 1 cosmetic)\n"
        ),
        "{}",
        run.stdout
    );

    let run = codes_in(&dir, &["diff", "HEAD~5:codes.toml", "codes.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("codes: HEAD~5:codes.toml: git show failed: fatal: "),
        "{}",
        run.stderr
    );
    let run = codes_in(&dir, &["diff", "missing.toml", "codes.toml"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "codes: missing.toml: no such file (for a spec in git, write REV:PATH, such as HEAD~1:codes.toml)\n"
    );
}

#[test]
fn a_file_named_like_a_revision_cannot_stand_in_for_it() {
    // A pull request adds a file named `main:codes.toml` holding the new
    // spec, so that the breaking change compares against itself.
    let dir = git_repo("diff-shadow");
    git(&dir, &["branch", "-q", "-m", "main"]);
    std::fs::copy(repo().join(NEW), dir.join("codes.toml")).unwrap();
    std::fs::copy(repo().join(NEW), dir.join("main:codes.toml")).unwrap();
    let gate = [
        "diff",
        "main:codes.toml",
        "codes.toml",
        "--fail-on",
        "breaking",
    ];
    let run = codes_in(&dir, &gate);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "codes: main:codes.toml: both a file and main:codes.toml in git: write \
             ./main:codes.toml for the file, or git:main:codes.toml (or --old-rev/--new-rev) \
             for the revision\n"
        )
    );
    // The explicit forms read git only, whatever files there are.
    for args in [
        &[
            "diff",
            "git:main:codes.toml",
            "codes.toml",
            "--fail-on",
            "breaking",
        ][..],
        &[
            "diff",
            "--old-rev",
            "main",
            "codes.toml",
            "codes.toml",
            "--fail-on",
            "breaking",
        ],
    ] {
        let run = codes_in(&dir, args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(
            run.stdout.ends_with(
                "api impact: breaking (5 breaking, 9 minor, 4 patch, 1 cosmetic)\n\
                 data impact: breaking (4 breaking, 9 minor, 5 patch, 1 cosmetic)\n"
            ),
            "{args:?}: {}",
            run.stdout
        );
    }
    // `./` names the file.
    let run = codes_in(
        &dir,
        &[
            "diff",
            "./main:codes.toml",
            "codes.toml",
            "--fail-on",
            "breaking",
        ],
    );
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "no changes\nimpact: none\n")
    );
    // A git: side that is no revision fails; it never falls back to a file.
    let run = codes_in(&dir, &["diff", "git:nothing:codes.toml", "codes.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("codes: nothing:codes.toml: git show failed: fatal: "),
        "{}",
        run.stderr
    );
    let run = codes_in(&dir, &["diff", "git:codes.toml", "codes.toml"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "codes: git:codes.toml: a git: side is git:REV:PATH, such as git:HEAD~1:codes.toml\n"
        )
    );
}

#[test]
fn the_rules_are_listed_with_both_axes() {
    let run = codes(&["diff", "--list-rules"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, codes_tools::diff::rules_text());
    assert!(run.stdout.contains(
        "row_renamed                 api: breaking  data: patch     A row has a new name (same code).\n"
    ));
    let run = codes(&["diff", "--list-rules", "--format", "json"]);
    assert_eq!(run.stdout, codes_tools::diff::rules_json());
    let run = codes(&["diff", "--list-rules", "--format", "junit"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (2, "codes: --list-rules writes --format text or json\n")
    );
}

#[test]
fn a_changelog_date_is_a_calendar_date() {
    for date in [
        "next tuesday",
        "2026-13-01",
        "2026-02-30",
        "26-11-29",
        "2026-1-09",
    ] {
        let run = codes(&[
            "diff",
            "codes.toml",
            NEW,
            "--format",
            "changelog",
            "--new-version",
            "0.2.0",
            "--date",
            date,
        ]);
        assert_eq!(run.code, 2, "{date}");
        assert!(
            run.stderr.starts_with(&format!(
                "error: invalid value '{date}' for '--date <DATE>': {date:?} is not a date: \
                 expected YYYY-MM-DD, such as 2026-11-29\n"
            )),
            "{}",
            run.stderr
        );
    }
    let run = codes(&[
        "diff",
        OLD,
        NEW,
        "--format",
        "changelog",
        "--new-version",
        "0.2.0",
        "--date",
        "2028-02-29",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("## [0.2.0] - 2028-02-29\n"));
}

#[test]
fn stale_acceptances_are_annotated_at_their_entry_and_listed_in_json() {
    let config =
        "[[accept]]\nrule = \"row_removed\"\npath = \"OperationType/row 9\"\nreason = \"r\"\n";
    let dir = small_dir("diff-stale-gha", &[("codes-diff.toml", config)]);
    let run = codes_in(
        &dir,
        &["diff", "old.toml", "new.toml", "--format", "github-actions"],
    );
    assert!(
        run.stdout.contains(
            "::warning file=codes-diff.toml,line=1,title=stale acceptance::no change is \
             row_removed at \"OperationType/row 9\": this acceptance is stale\n"
        ),
        "{}",
        run.stdout
    );
    let run = codes_in(&dir, &["diff", "old.toml", "new.toml", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        json["stale_acceptances"],
        serde_json::json!([{
            "rule": "row_removed",
            "path": "OperationType/row 9",
            "reason": "r",
            "file": "codes-diff.toml",
            "line": 1,
            "message": "no change is row_removed at \"OperationType/row 9\": this acceptance is stale",
        }])
    );
}

#[test]
fn an_invalid_side_is_reported_with_its_name() {
    let dir = scratch("diff-invalid");
    std::fs::write(dir.join("broken.toml"), "[source\n").unwrap();
    let run = codes_in(
        &dir,
        &[
            "diff",
            "broken.toml",
            &repo().join(OLD).display().to_string(),
        ],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("--> broken.toml:1:8"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn no_side_reaches_git_as_an_option() {
    let dir = git_repo("diff-git-option");
    let run = codes_in(
        &dir,
        &[
            "diff",
            "--",
            "--output=written-by-git:codes.toml",
            "codes.toml",
        ],
    );
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "codes: --output=written-by-git:codes.toml: no such file, and not a git revision: \
         a revision cannot start with `-`\n"
    );
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(files, [".git", "codes.toml"], "git wrote no file");

    // A file of that name is read as a file, never handed to git.
    std::fs::copy(dir.join("codes.toml"), dir.join("-old.toml")).unwrap();
    let run = codes_in(&dir, &["diff", "--", "-old.toml", "codes.toml"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "no changes\nimpact: none\n"),
        "{}",
        run.stderr
    );
}

// CI: annotations, JUnit, JSON, configuration and the version check, on a
// spec small enough to count its lines.

/// A spec of one table with rows Idle (1, lines 14-17) and Busy (2, lines
/// 19-22).
const SMALL: &str = "[source]
vendor = \"V\"
product = \"P\"
document = \"D\"

[[table]]
name = \"OperationType\"
title = \"T\"
caption = \"Table 1\"
page = \"p\"
updated = \"2023-09-27\"
columns = [\"Code\", \"Description\"]

[[table.row]]
code = 1
name = \"Idle\"
description = \"Idle.\"

[[table.row]]
code = 2
name = \"Busy\"
description = \"Busy.\"
";

/// `SMALL` revised: Idle reworded (line 17), Busy removed, Rest (3) added
/// at line 19.
fn revised() -> String {
    SMALL
        .replace("\"Idle.\"", "\"Idle, 100% waiting.\"")
        .replace(
            "code = 2\nname = \"Busy\"\ndescription = \"Busy.\"",
            "code = 3\nname = \"Rest\"\ndescription = \"Rest.\"",
        )
}

/// A scratch directory with `old.toml`, `new.toml` and other `files`.
fn small_dir(name: &str, files: &[(&str, &str)]) -> support::Scratch {
    let dir = scratch(name);
    std::fs::write(dir.join("old.toml"), SMALL).unwrap();
    std::fs::write(dir.join("new.toml"), revised()).unwrap();
    for (file, text) in files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The annotations of the small revision: every one in the new file, the
/// removed row at its table's header (line 6) with its old line.
const ANNOTATIONS: &str = "\
::notice file=new.toml,line=17,title=row_description_changed (api patch%2C data patch)::OperationType/row 1: row description changed: \"Idle.\" -> \"Idle, 100%25 waiting.\"
::error file=new.toml,line=6,title=row_removed (api breaking%2C data breaking)::OperationType/row 2: row removed: Busy \"Busy.\" (was at line 19 of the old old.toml)
::warning file=new.toml,line=19,title=row_added (api minor%2C data minor)::OperationType/row 3: row added: Rest \"Rest.\"
api impact: breaking (1 breaking, 1 minor, 1 patch, 0 cosmetic)
data impact: breaking (1 breaking, 1 minor, 1 patch, 0 cosmetic)
";

#[test]
fn github_actions_annotations_point_at_the_changed_lines() {
    let dir = small_dir("diff-gha", &[]);
    let args = ["diff", "old.toml", "new.toml", "--format", "github-actions"];
    let run = codes_in(&dir, &args);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(run.stdout, ANNOTATIONS);

    let run = codes_in(&dir, &[&args[..], &["--fail-on", "breaking"]].concat());
    assert_eq!((run.code, run.stdout.as_str()), (1, ANNOTATIONS));
    let run = codes_in(&dir, &[&args[..], &["--fail-on", "patch"]].concat());
    assert_eq!(run.code, 1);

    // A path as given is the path annotated.
    let run = codes_in(
        &dir,
        &[
            "diff",
            "./old.toml",
            "./new.toml",
            "--format",
            "github-actions",
        ],
    );
    assert_eq!(
        run.stdout,
        ANNOTATIONS
            .replace("file=", "file=./")
            .replace("old old.toml", "old ./old.toml")
    );
}

#[test]
fn github_actions_annotations_of_a_git_side_name_its_path() {
    let dir = scratch("diff-gha-git");
    std::fs::create_dir(dir.join("spec")).unwrap();
    std::fs::write(dir.join("spec/codes.toml"), SMALL).unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "spec/codes.toml"]);
    git(&dir, &["commit", "-q", "-m", "spec"]);
    std::fs::write(dir.join("spec/codes.toml"), revised()).unwrap();

    let run = codes_in(
        &dir,
        &[
            "diff",
            "HEAD:spec/codes.toml",
            "spec/codes.toml",
            "--format",
            "github-actions",
            "--fail-on",
            "breaking",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        ANNOTATIONS
            .replace("file=new.toml", "file=spec/codes.toml")
            .replace("old old.toml", "old spec/codes.toml")
    );

    // From standard input there is no file to name, nor a line to give.
    let run = support::codes_with_stdin(
        &dir,
        &[
            "diff",
            "HEAD:spec/codes.toml",
            "-",
            "--format",
            "github-actions",
        ],
        &revised(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let first = run.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        "::notice title=row_description_changed (api patch%2C data patch)::OperationType/row 1: \
         row description changed: \"Idle.\" -> \"Idle, 100%25 waiting.\""
    );
    // A removal is annotated in the new file, which has no name here.
    assert!(
        run.stdout.contains(
            "::error title=row_removed (api breaking%2C data breaking)::OperationType/row 2: \
             row removed: Busy \"Busy.\" (was at line 19 of the old spec/codes.toml)\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn junit_fails_breaking_changes_and_passes_the_rest() {
    let dir = small_dir("diff-junit", &[]);
    let run = codes_in(&dir, &["diff", "old.toml", "new.toml", "--format", "junit"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="codes diff" tests="3" failures="1" errors="0" skipped="0">
  <testsuite name="codes diff" tests="3" failures="1" errors="0" skipped="0">
    <testcase classname="row_description_changed" name="OperationType/row 1: row description changed" file="new.toml" line="17">
      <system-out>api patch, data patch: OperationType/row 1: row description changed: &quot;Idle.&quot; -&gt; &quot;Idle, 100% waiting.&quot;</system-out>
    </testcase>
    <testcase classname="row_removed" name="OperationType/row 2: row removed" file="new.toml" line="6">
      <failure type="api breaking, data breaking" message="OperationType/row 2: row removed: Busy &quot;Busy.&quot;"/>
    </testcase>
    <testcase classname="row_added" name="OperationType/row 3: row added" file="new.toml" line="19">
      <system-out>api minor, data minor: OperationType/row 3: row added: Rest &quot;Rest.&quot;</system-out>
    </testcase>
  </testsuite>
</testsuites>
"#
    );
}

#[test]
fn json_carries_the_format_version_rules_acceptance_and_lines() {
    let config = "[[accept]]\nrule = \"row_removed\"\npath = \"OperationType/row 2\"\n\
                  reason = \"Busy moved to the presence service.\"\n";
    let dir = small_dir("diff-json", &[("codes-diff.toml", config)]);
    let run = codes_in(&dir, &["diff", "old.toml", "new.toml", "--format", "json"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["format_version"], 2);
    assert_eq!(
        json["impact"],
        serde_json::json!({"api": "breaking", "data": "breaking"})
    );
    assert_eq!(
        json["unaccepted_impact"],
        serde_json::json!({"api": "minor", "data": "minor"})
    );
    assert_eq!(json["counts"]["data"]["breaking"], 1);
    assert_eq!(json["counts"]["accepted"], 1);
    assert_eq!(json["files"]["old"], "old.toml");
    assert_eq!(json["files"]["new"], "new.toml");
    let removed = &json["changes"][1];
    assert_eq!(removed["rule"], "row_removed");
    assert_eq!(removed["accepted"], true);
    assert_eq!(
        removed["accepted_reason"],
        "Busy moved to the presence service."
    );
    assert_eq!(
        (&removed["old_line"], &removed["new_line"]),
        (&serde_json::json!(19), &serde_json::Value::Null)
    );
    // Annotated at its table's header in the new file.
    assert_eq!(removed["annotated_line"], 6);
    assert_eq!(json["stale_acceptances"], serde_json::json!([]));
    assert_eq!(json["version_check"], serde_json::Value::Null);
    let reworded = &json["changes"][0];
    assert_eq!(reworded["accepted"], false);
    assert_eq!(
        (&reworded["old_line"], &reworded["new_line"]),
        (&serde_json::json!(17), &serde_json::json!(17))
    );
}

const CONFIG: &str = "\
[rules]
row_description_changed = \"cosmetic\"

[[accept]]
rule = \"row_removed\"
path = \"OperationType/row 2\"
reason = \"Busy moved to the presence service.\"
";

#[test]
fn a_config_beside_the_new_spec_sets_levels_and_accepts_changes() {
    let dir = small_dir("diff-config", &[("codes-diff.toml", CONFIG)]);
    let run = codes_in(
        &dir,
        &["diff", "old.toml", "new.toml", "--fail-on", "breaking"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(
        run.stdout,
        "OperationType\n  \
         api:cosmetic data:patch     OperationType/row 1: row description changed: \
         \"Idle.\" -> \"Idle, 100% waiting.\"\n  \
         api:breaking data:breaking  OperationType/row 2: row removed: Busy \"Busy.\" \
         [accepted: \"Busy moved to the presence service.\"]\n  \
         api:minor    data:minor     OperationType/row 3: row added: Rest \"Rest.\"\n\
         api impact: breaking (1 breaking, 1 minor, 0 patch, 1 cosmetic; 1 accepted)\n\
         data impact: breaking (1 breaking, 1 minor, 1 patch, 0 cosmetic; 1 accepted)\n\
         api impact of changes not accepted: minor\n\
         data impact of changes not accepted: minor\n"
    );
    // Accepted changes do not count toward --fail-on, the rest do.
    let run = codes_in(
        &dir,
        &["diff", "old.toml", "new.toml", "--fail-on", "minor"],
    );
    assert_eq!(run.code, 1);

    // An accepted change passes the gate: a notice that says it is accepted.
    let run = codes_in(
        &dir,
        &["diff", "old.toml", "new.toml", "--format", "github-actions"],
    );
    assert_eq!(
        run.stdout,
        "::notice file=new.toml,line=17,title=row_description_changed (api cosmetic%2C data patch)::\
         OperationType/row 1: row description changed: \"Idle.\" -> \"Idle, 100%25 waiting.\"\n\
         ::notice file=new.toml,line=6,title=row_removed (api breaking%2C data breaking%2C accepted)::\
         OperationType/row 2: row removed: Busy \"Busy.\" \
         [accepted: \"Busy moved to the presence service.\"] (was at line 19 of the old old.toml)\n\
         ::warning file=new.toml,line=19,title=row_added (api minor%2C data minor)::\
         OperationType/row 3: row added: Rest \"Rest.\"\n\
         api impact: breaking (1 breaking, 1 minor, 0 patch, 1 cosmetic; 1 accepted)\n\
         data impact: breaking (1 breaking, 1 minor, 1 patch, 0 cosmetic; 1 accepted)\n"
    );

    // In JUnit an accepted change is skipped, not failed.
    let run = codes_in(&dir, &["diff", "old.toml", "new.toml", "--format", "junit"]);
    assert!(
        run.stdout.contains(
            "<testsuite name=\"codes diff\" tests=\"3\" failures=\"0\" errors=\"0\" skipped=\"1\">"
        ) && run.stdout.contains(
            "      <skipped message=\"accepted: Busy moved to the presence service.\"/>\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn a_config_given_with_the_flag_wins_and_is_read_from_anywhere() {
    let dir = small_dir(
        "diff-config-flag",
        &[
            ("codes-diff.toml", "[rules]\nrow_added = \"breaking\"\n"),
            ("ci/strict.toml", "[rules]\nrow_removed = \"patch\"\n"),
        ],
    );
    let run = codes_in(
        &dir,
        &[
            "diff",
            "old.toml",
            "new.toml",
            "--config",
            "ci/strict.toml",
            "--fail-on",
            "breaking",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    // The level set for the API leaves the data level as it was.
    assert!(
        run.stdout.ends_with(
            "api impact: minor (0 breaking, 1 minor, 2 patch, 0 cosmetic)\n\
             data impact: breaking (1 breaking, 1 minor, 1 patch, 0 cosmetic)\n"
        ),
        "{}",
        run.stdout
    );
    let strict = [
        "diff",
        "old.toml",
        "new.toml",
        "--config",
        "ci/strict.toml",
        "--fail-on",
        "data:breaking",
    ];
    assert_eq!(codes_in(&dir, &strict).code, 1);
    let run = codes_in(
        &dir,
        &["diff", "old.toml", "new.toml", "--config", "missing.toml"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("codes: missing.toml: "),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_config_is_an_error_at_its_place() {
    for (config, message) in [
        (
            "[rules]\nrow_removed = \"minor\"\nrow_remved = \"patch\"\n",
            "codes-diff.toml:3:1: unknown rule \"row_remved\"; did you mean \"row_removed\"?",
        ),
        (
            "[rules]\nrow_removed = \"major\"\n",
            "codes-diff.toml:2:15: unknown level \"major\": expected breaking, minor, patch or cosmetic",
        ),
        (
            "[rules]\nrow_removed = 3\n",
            "codes-diff.toml:2:15: a level is breaking, minor, patch or cosmetic, as a string, \
             or a table of one per axis: { api = \"…\", data = \"…\" }",
        ),
        (
            "[rule]\n",
            "codes-diff.toml:1:2: unknown field `rule`, expected one of `rules`, `accept`, `release`",
        ),
        (
            "[[accept]]\nrule = \"row_removed\"\npath = \"OperationType/row 2\"\nreason = \"\"\n",
            "codes-diff.toml:4:10: an accepted change needs a reason: say why it is accepted",
        ),
        (
            "[[accept]]\nrule = \"rows_removed\"\npath = \"OperationType/row 2\"\nreason = \"r\"\n",
            "codes-diff.toml:2:8: unknown rule \"rows_removed\"; did you mean \"row_removed\"?",
        ),
        (
            "[[accept]]\nrule = \"row_removed\"\npath = \"OperationType/row 2\"\n",
            "codes-diff.toml:1:1: missing field `reason`",
        ),
        (
            "[rules\n",
            "codes-diff.toml:1:7: unclosed table, expected `]`",
        ),
    ] {
        let dir = small_dir("diff-bad-config", &[("codes-diff.toml", config)]);
        let run = codes_in(&dir, &["diff", "old.toml", "new.toml"]);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (2, "", format!("codes: {message}\n").as_str()),
            "{config}"
        );
    }
}

#[test]
fn an_acceptance_that_matches_no_change_is_a_warning() {
    let config =
        "[[accept]]\nrule = \"row_removed\"\npath = \"OperationType/row 9\"\nreason = \"r\"\n";
    let dir = small_dir("diff-stale", &[("codes-diff.toml", config)]);
    let run = codes_in(&dir, &["diff", "old.toml", "new.toml"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        "codes: codes-diff.toml:1:1: warning: no change is row_removed at \
         \"OperationType/row 9\": this acceptance is stale\n"
    );
}

fn manifest(version: &str) -> String {
    format!("[package]\nname = \"codes\"\nversion = \"{version}\"\n")
}

/// A git repository whose first commit, tagged `v{released}`, holds
/// `SMALL` beside a Cargo.toml of that version; the working tree holds the
/// revision (Busy removed: breaking) beside a Cargo.toml of `version`.
fn released(name: &str, released: &str, version: &str) -> support::Scratch {
    let dir = scratch(name);
    std::fs::write(dir.join("codes.toml"), SMALL).unwrap();
    std::fs::write(dir.join("Cargo.toml"), manifest(released)).unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "codes.toml", "Cargo.toml"]);
    git(&dir, &["commit", "-q", "-m", "release"]);
    git(&dir, &["tag", &format!("v{released}")]);
    std::fs::write(dir.join("codes.toml"), revised()).unwrap();
    std::fs::write(dir.join("Cargo.toml"), manifest(version)).unwrap();
    dir
}

const CHECK: [&str; 5] = [
    "diff",
    "HEAD:codes.toml",
    "codes.toml",
    "--fail-on",
    "missing-version-bump",
];

#[test]
fn missing_version_bump_compares_with_the_last_release_tag() {
    for (old, new, code, message) in [
        (
            "0.1.0",
            "0.1.1",
            1,
            "missing version bump since v0.1.0: breaking changes need a minor bump \
             (the version is 0.x), but 0.1.0 -> 0.1.1 is a patch bump",
        ),
        (
            "0.1.0",
            "0.2.0",
            0,
            "version bump since v0.1.0: 0.1.0 -> 0.2.0 is a minor bump; \
             breaking changes need a minor bump (the version is 0.x)",
        ),
        (
            "1.2.3",
            "1.3.0",
            1,
            "missing version bump since v1.2.3: breaking changes need a major bump, \
             but 1.2.3 -> 1.3.0 is a minor bump",
        ),
        (
            "1.2.3",
            "2.0.0",
            0,
            "version bump since v1.2.3: 1.2.3 -> 2.0.0 is a major bump; \
             breaking changes need a major bump",
        ),
        (
            "0.0.3",
            "0.0.4",
            0,
            "version bump since v0.0.3: 0.0.3 -> 0.0.4 is a patch bump; \
             breaking changes need a patch bump (the version is 0.0.x)",
        ),
        // The released version still: a pull request between releases,
        // which leaves the bump to the release (as CONTRIBUTING says).
        (
            "1.2.3",
            "1.2.3",
            0,
            "version unchanged since v1.2.3: 1.2.3 is not a release yet; \
             breaking changes need a major bump at the next release",
        ),
        (
            "2.0.0",
            "1.9.0",
            1,
            "missing version bump since v2.0.0: breaking changes need a major bump, \
             but 2.0.0 -> 1.9.0 is a step down",
        ),
    ] {
        let dir = released("diff-bump", old, new);
        let run = codes_in(&dir, &CHECK);
        assert_eq!(
            (run.code, run.stderr.as_str()),
            (code, format!("codes: {message}\n").as_str()),
            "{old} -> {new}"
        );
        assert!(run.stdout.starts_with("OperationType\n"), "{}", run.stdout);
    }

    // An absolute path is read at the release from the repository's root.
    let dir = released("diff-bump-absolute", "0.1.0", "0.2.0");
    let absolute = dir.join("codes.toml").display().to_string();
    let run = codes_in(
        &dir,
        &[
            "diff",
            "HEAD:codes.toml",
            &absolute,
            "--fail-on",
            "missing-version-bump",
        ],
    );
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            0,
            "codes: version bump since v0.1.0: 0.1.0 -> 0.2.0 is a minor bump; \
             breaking changes need a minor bump (the version is 0.x)\n"
        )
    );

    // With --fail-on breaking too, either condition fails the run.
    let run = codes_in(
        &released("diff-bump-both", "0.1.0", "0.2.0"),
        &[&CHECK[..], &["--fail-on", "breaking"]].concat(),
    );
    assert_eq!(run.code, 1);
}

#[test]
fn accepting_a_breaking_change_does_not_let_a_patch_bump_through() {
    // The change is accepted, so --fail-on breaking passes; the variant is
    // gone all the same, so a patch release would break downstream crates.
    let dir = released("diff-bump-accepted", "0.1.0", "0.1.1");
    let accept = "[[accept]]\nrule = \"row_removed\"\npath = \"OperationType/row 2\"\n\
                  reason = \"Busy moved to the presence service.\"\n";
    std::fs::write(dir.join("codes-diff.toml"), accept).unwrap();
    let gate = [
        &CHECK[..],
        &["--fail-on", "breaking", "--new-version", "0.1.1"],
    ]
    .concat();
    let run = codes_in(&dir, &gate);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            1,
            "codes: missing version bump since v0.1.0: breaking changes need a minor bump \
             (the version is 0.x), but 0.1.0 -> 0.1.1 is a patch bump\n"
        )
    );
    // The verdict is an annotation of its own, and in the JSON.
    let run = codes_in(&dir, &[&gate[..], &["--format", "github-actions"]].concat());
    assert!(
        run.stdout.contains(
            "::error title=missing version bump::missing version bump since v0.1.0: \
             breaking changes need a minor bump (the version is 0.x), \
             but 0.1.0 -> 0.1.1 is a patch bump\n"
        ),
        "{}",
        run.stdout
    );
    // And a failing test case of JUnit.
    let run = codes_in(&dir, &[&gate[..], &["--format", "junit"]].concat());
    assert!(
        run.stdout.contains(
            "    <testcase classname=\"version_check\" name=\"version bump since v0.1.0\">\n      \
             <failure type=\"missing version bump\" message=\"missing version bump since v0.1.0: \
             breaking changes need a minor bump (the version is 0.x), but 0.1.0 -&gt; 0.1.1 is a \
             patch bump\"/>\n    </testcase>\n"
        ) && run
            .stdout
            .contains("tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"1\""),
        "{}",
        run.stdout
    );
    let run = codes_in(&dir, &[&gate[..], &["--format", "json"]].concat());
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        json["version_check"],
        serde_json::json!({
            "baseline": "v0.1.0",
            "old": "0.1.0",
            "new": "0.1.1",
            "impact": "breaking",
            "required": "minor",
            "actual": "patch",
            "passes": false,
            "message": "missing version bump since v0.1.0: breaking changes need a minor bump \
                        (the version is 0.x), but 0.1.0 -> 0.1.1 is a patch bump",
        })
    );
    let bumped = [
        &CHECK[..],
        &["--fail-on", "breaking", "--new-version", "0.2.0"],
    ]
    .concat();
    assert_eq!(codes_in(&dir, &bumped).code, 0);
}

#[test]
fn the_version_check_counts_every_change_since_the_release_not_since_the_base() {
    // Released at v0.1.0; Busy removed on main since (no bump until the
    // release, as CONTRIBUTING says); the pull request only adds a row.
    let dir = released("diff-bump-since", "0.1.0", "0.1.0");
    git(&dir, &["commit", "-q", "-am", "remove Busy"]);
    let added = format!(
        "{}\n[[table.row]]\ncode = 4\nname = \"Away\"\ndescription = \"Away.\"\n",
        revised()
    );
    std::fs::write(dir.join("codes.toml"), added).unwrap();
    let run = codes_in(&dir, &CHECK);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            0,
            "codes: version unchanged since v0.1.0: 0.1.0 is not a release yet; breaking \
             changes need a minor bump (the version is 0.x) at the next release\n"
        )
    );
    // The release bumps the patch version for what this pull request does,
    // but main broke the API since the last release.
    let release = [&CHECK[..], &["--new-version", "0.1.1"]].concat();
    let run = codes_in(&dir, &release);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            1,
            "codes: missing version bump since v0.1.0: breaking changes need a minor bump \
             (the version is 0.x), but 0.1.0 -> 0.1.1 is a patch bump\n"
        )
    );
    assert!(
        run.stdout.ends_with("api impact: minor (0 breaking, 1 minor, 0 patch, 0 cosmetic)\ndata impact: minor (0 breaking, 1 minor, 0 patch, 0 cosmetic)\n"),
        "the report is of the pull request: {}",
        run.stdout
    );
    // --baseline names another release point.
    let run = codes_in(&dir, &[&release[..], &["--baseline", "HEAD"]].concat());
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            0,
            "codes: version bump since HEAD: 0.1.0 -> 0.1.1 is a patch bump; \
             minor changes need a patch bump (the version is 0.x)\n"
        )
    );
    let run = codes_in(&dir, &[&release[..], &["--baseline", "v9.9.9"]].concat());
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "codes: --baseline v9.9.9: no such revision in the git repository\n"
        )
    );
    // Tags that match no pattern are no release.
    git(&dir, &["tag", "nightly"]);
    let run = codes_in(
        &dir,
        &[&release[..], &["--release-tags", "release-*"]].concat(),
    );
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    // What git said follows, in its own words.
    assert!(
        run.stderr.starts_with(
            "codes: no tag matching \"release-*\" is reachable from HEAD, so the last release \
             is unknown: give --baseline REV (or --release-tags PATTERN), or --old-version to \
             compare with the old side (git describe: fatal: "
        ),
        "{}",
        run.stderr
    );
    // Outside a repository, the same.
    let outside = small_dir(
        "diff-bump-no-repository",
        &[("Cargo.toml", &manifest("0.1.0"))],
    );
    let run = codes_in(
        &outside,
        &[
            "diff",
            "old.toml",
            "new.toml",
            "--fail-on",
            "missing-version-bump",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("codes: no tag matching \"v*\" is reachable from HEAD"),
        "{}",
        run.stderr
    );
    git(&dir, &["tag", "release-0.1.0", "HEAD~1"]);
    let run = codes_in(
        &dir,
        &[&release[..], &["--release-tags", "release-*"]].concat(),
    );
    assert!(
        run.stderr
            .starts_with("codes: missing version bump since release-0.1.0: breaking"),
        "{}",
        run.stderr
    );
    // The configuration names the release tags too; the flag wins.
    std::fs::write(
        dir.join("codes-diff.toml"),
        "[release]\ntags = \"release-*\"\n",
    )
    .unwrap();
    let run = codes_in(&dir, &release);
    assert!(
        run.stderr
            .starts_with("codes: missing version bump since release-0.1.0: breaking"),
        "{}",
        run.stderr
    );
    let run = codes_in(&dir, &[&release[..], &["--release-tags", "v*"]].concat());
    assert!(
        run.stderr
            .starts_with("codes: missing version bump since v0.1.0: breaking"),
        "{}",
        run.stderr
    );
    std::fs::write(dir.join("codes-diff.toml"), "[release]\ntags = \"\"\n").unwrap();
    let run = codes_in(&dir, &release);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "codes: codes-diff.toml:2:8: the release tags are a glob such as \"v*\"\n"
        )
    );
}

#[test]
fn versions_can_be_given_on_the_command_line() {
    let dir = small_dir("diff-bump-flags", &[]);
    let run = codes_in(
        &dir,
        &[
            "diff",
            "old.toml",
            "new.toml",
            "--fail-on",
            "missing-version-bump",
            "--old-version",
            "1.4.0",
            "--new-version",
            "2.0.0-rc.1",
        ],
    );
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            0,
            "codes: version bump: 1.4.0 -> 2.0.0-rc.1 is a major bump; \
             breaking changes need a major bump\n"
        )
    );

    // Without a Cargo.toml beside the spec, the version must be given.
    let run = codes_in(
        &dir,
        &[
            "diff",
            "old.toml",
            "new.toml",
            "--fail-on",
            "missing-version-bump",
        ],
    );
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "codes: Cargo.toml: no such file, so the version of new.toml is unknown: \
             give --new-version\n"
        )
    );
    let run = codes_in(
        &dir,
        &[
            "diff",
            "old.toml",
            "new.toml",
            "--fail-on",
            "missing-version-bump",
            "--old-version",
            "1.0",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: invalid value '1.0' for '--old-version <VERSION>'"),
        "{}",
        run.stderr
    );
    for (flag, value) in [("--new-version", "1.0.0"), ("--baseline", "HEAD")] {
        let run = codes_in(&dir, &["diff", "old.toml", "new.toml", flag, value]);
        let what = match flag {
            "--new-version" => {
                "--fail-on missing-version-bump or --format changelog, neither of which is given"
            }
            _ => "--fail-on missing-version-bump, which is not given",
        };
        assert_eq!(
            (run.code, run.stderr.as_str()),
            (2, format!("codes: {flag} is for {what}\n").as_str())
        );
    }
    let dir = small_dir(
        "diff-bump-bad-manifest",
        &[("Cargo.toml", "[package]\nname = \"x\"\n")],
    );
    let run = codes_in(
        &dir,
        &[
            "diff",
            "old.toml",
            "new.toml",
            "--fail-on",
            "missing-version-bump",
        ],
    );
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "codes: Cargo.toml: no package version (`version` under `[package]`)\n"
        )
    );
}

#[test]
fn the_versions_of_git_sides_are_read_at_their_revision() {
    let dir = scratch("diff-bump-git");
    // The workspace gives its members their version, as here.
    let workspace = |version: &str| {
        format!(
            "[workspace]\nmembers = [\".\"]\n\n[workspace.package]\nversion = \"{version}\"\n\n\
             [package]\nname = \"codes\"\nversion.workspace = true\n"
        )
    };
    std::fs::write(dir.join("Cargo.toml"), workspace("0.3.0")).unwrap();
    std::fs::write(dir.join("codes.toml"), SMALL).unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "Cargo.toml", "codes.toml"]);
    git(&dir, &["commit", "-q", "-m", "0.3.0"]);
    git(&dir, &["tag", "v0.3.0"]);
    // Add a row only: minor, which needs a patch bump on 0.x.
    let added =
        format!("{SMALL}\n[[table.row]]\ncode = 3\nname = \"Rest\"\ndescription = \"Rest.\"\n");
    std::fs::write(dir.join("codes.toml"), &added).unwrap();

    let run = codes_in(
        &dir,
        &[&CHECK[..], &["--new-version", "0.3.0-rc.1"]].concat(),
    );
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            1,
            "codes: missing version bump since v0.3.0: minor changes need a patch bump \
             (the version is 0.x), but 0.3.0 -> 0.3.0-rc.1 is a step down\n"
        )
    );
    std::fs::write(dir.join("Cargo.toml"), workspace("0.3.1")).unwrap();
    let run = codes_in(&dir, &CHECK);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            0,
            "codes: version bump since v0.3.0: 0.3.0 -> 0.3.1 is a patch bump; \
             minor changes need a patch bump (the version is 0.x)\n"
        )
    );

    // Both sides from git: the manifest of each revision.
    git(&dir, &["commit", "-q", "-am", "0.3.1"]);
    let run = codes_in(
        &dir,
        &[
            "diff",
            "HEAD~1:codes.toml",
            "HEAD:codes.toml",
            "--fail-on",
            "missing-version-bump",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);

    // A revision without a Cargo.toml beside its spec.
    std::fs::create_dir(dir.join("spec")).unwrap();
    std::fs::write(dir.join("spec/codes.toml"), SMALL).unwrap();
    git(&dir, &["add", "spec/codes.toml"]);
    git(&dir, &["commit", "-q", "-m", "moved"]);
    let run = codes_in(
        &dir,
        &[
            "diff",
            "HEAD:codes.toml",
            "HEAD:spec/codes.toml",
            "--fail-on",
            "missing-version-bump",
        ],
    );
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            "codes: HEAD:spec/Cargo.toml: no such file, so the version of HEAD:spec/codes.toml \
             is unknown: give --new-version\n"
        )
    );
}

#[test]
fn the_changelog_entry_is_the_library_golden_file() {
    let run = codes(&[
        "diff",
        OLD,
        NEW,
        "--format",
        "changelog",
        "--new-version",
        "0.2.0",
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected =
        std::fs::read_to_string(repo().join("tools/tests/golden/diff.changelog.md")).unwrap();
    assert!(
        run.stdout == expected,
        "differs from the golden file:\n{}",
        run.stdout
    );
}

#[test]
fn the_changelog_begins_with_the_entry_codes_diff_writes_for_a_first_release() {
    // An empty old side (`/dev/null`) is no spec: every table is added.
    // The first release's spec is the one of the 2023 pages (frozen).
    let dir = scratch("first-release");
    std::fs::write(dir.join("empty.toml"), "").unwrap();
    let run = codes(&[
        "diff",
        dir.join("empty.toml").to_str().unwrap(),
        OLD,
        "--format",
        "changelog",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("## [Unreleased]\n"));
    let changelog = std::fs::read_to_string(repo().join("CHANGELOG.md")).unwrap();
    let first_entry = changelog
        .find("\n## [")
        .map(|start| &changelog[start + 1..])
        .expect("an entry");
    assert!(
        first_entry.starts_with(&run.stdout),
        "CHANGELOG.md's first entry must begin with what `codes diff /dev/null {OLD} \
         --format changelog` writes; paste it in:\n{}",
        run.stdout
    );
}

#[test]
fn changelog_options_need_the_changelog_format() {
    let run = codes(&[
        "diff",
        "codes.toml",
        NEW,
        "--date",
        "2026-12-01",
        "--new-version",
        "0.2.0",
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "codes: --new-version is for --fail-on missing-version-bump or --format changelog, \
         neither of which is given\n"
    );
    let run = codes(&[
        "diff",
        OLD,
        NEW,
        "--format",
        "changelog",
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--new-version <VERSION>"),
        "--date needs a version: {}",
        run.stderr
    );
}

/// The `codes diff` command of the README's CI workflow, as arguments:
/// its continued lines joined, quotes dropped, `$GITHUB_BASE_REF` the
/// base branch `main`.
fn readme_ci_command() -> Vec<String> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let (_, workflow) = readme
        .split_once("```yaml\n# .github/workflows/spec.yml\n")
        .expect("the README's CI workflow");
    let (workflow, _) = workflow.split_once("```").unwrap();
    let (_, command) = workflow
        .split_once("codes diff ")
        .expect("the workflow runs codes diff");
    let command = command.replace("\\\n", " ");
    let line = command.lines().next().unwrap();
    std::iter::once("diff".to_string())
        .chain(
            line.split_whitespace()
                .map(|word| word.replace('"', "").replace("$GITHUB_BASE_REF", "main")),
        )
        .collect()
}

#[test]
fn the_readme_ci_workflow_gates_a_pull_request_as_the_tests_say() {
    let command = readme_ci_command();
    assert!(
        command.iter().any(|arg| arg == "--old-rev")
            && ["api:breaking", "data:breaking", "missing-version-bump"]
                .iter()
                .all(|condition| command.iter().any(|arg| arg == condition))
            && command.iter().any(|arg| arg == "github-actions"),
        "the workflow names the base by --old-rev, both axes, the version check and the \
         annotations: {command:?}"
    );
    let args: Vec<&str> = command.iter().map(String::as_str).collect();

    // Released as v0.1.0; main is the base; the pull request removes Busy.
    let dir = released("diff-readme-ci", "0.1.0", "0.1.0");
    std::fs::write(dir.join("codes.toml"), SMALL).unwrap();
    git(&dir, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    std::fs::write(dir.join("codes.toml"), revised()).unwrap();
    let run = codes_in(&dir, &args);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        ANNOTATIONS
            .replace("file=new.toml", "file=codes.toml")
            .replace("old old.toml", "old codes.toml")
            .replace(
                "api impact:",
                "::notice title=version bump::version unchanged since v0.1.0: 0.1.0 is not a \
                 release yet; breaking changes need a minor bump (the version is 0.x) at the \
                 next release\napi impact:"
            )
    );

    // Accepted, the removal passes the gate, as a notice.
    let accept = "[[accept]]\nrule = \"row_removed\"\npath = \"OperationType/row 2\"\n\
                  reason = \"Busy moved to the presence service.\"\n";
    std::fs::write(dir.join("codes-diff.toml"), accept).unwrap();
    let run = codes_in(&dir, &args);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "::notice file=codes.toml,line=6,title=row_removed \
             (api breaking%2C data breaking%2C accepted)::"
        ),
        "{}",
        run.stdout
    );

    // The release bumps the version: a patch bump is not enough for it.
    std::fs::write(dir.join("Cargo.toml"), manifest("0.1.1")).unwrap();
    let run = codes_in(&dir, &args);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains(
            "::error title=missing version bump::missing version bump since v0.1.0: \
             breaking changes need a minor bump (the version is 0.x), but 0.1.0 -> 0.1.1 \
             is a patch bump\n"
        ),
        "{}",
        run.stdout
    );
    std::fs::write(dir.join("Cargo.toml"), manifest("0.2.0")).unwrap();
    assert_eq!(codes_in(&dir, &args).code, 0);
}

/// The repository's spec revised as in the report that asked for this
/// gate: AgentType row 1 removed, Idle renamed, a text reworded.
fn revised_repository_spec() -> String {
    let spec = std::fs::read_to_string(repo().join(OLD)).unwrap();
    let removed = "[[table.row]]\ncode = 1\nname = \"UserLine\"\n\
                   constant = \"AGENT_TYPE_USERLINE\"\ndescription = \"Type of a subscriber line\"\n\n";
    assert!(spec.contains(removed));
    spec.replacen(removed, "", 1)
        .replacen("name = \"Idle\"\n", "name = \"Waiting\"\n", 1)
        .replacen(
            "description = \"Idle.\"\n",
            "description = \"Idle, waiting.\"\n",
            1,
        )
}

#[test]
fn the_reported_release_gate_holds_on_the_repository_spec() {
    let dir = scratch("diff-gate-report");
    std::fs::copy(repo().join(OLD), dir.join("codes.toml")).unwrap();
    std::fs::write(dir.join("Cargo.toml"), manifest("0.1.0")).unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "codes.toml", "Cargo.toml"]);
    git(&dir, &["commit", "-q", "-m", "0.1.0"]);
    git(&dir, &["tag", "v0.1.0"]);
    std::fs::write(dir.join("codes.toml"), revised_repository_spec()).unwrap();
    git(&dir, &["commit", "-q", "-am", "the vendor's update"]);
    let accept = "[[accept]]\nrule = \"row_removed\"\npath = \"AgentType/row 1\"\nreason = \"r\"\n\n\
                  [[accept]]\nrule = \"row_renamed\"\npath = \"OperationType/row 2\"\nreason = \"r\"\n";
    std::fs::write(dir.join("codes-diff.toml"), accept).unwrap();

    // Both breaking changes accepted, a patch bump: the gate fails.
    let gate = [
        "diff",
        "HEAD~1:codes.toml",
        "codes.toml",
        "--fail-on",
        "breaking",
        "--fail-on",
        "missing-version-bump",
        "--new-version",
        "0.1.1",
    ];
    let run = codes_in(&dir, &gate);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            1,
            "codes: missing version bump since v0.1.0: breaking changes need a minor bump \
             (the version is 0.x), but 0.1.0 -> 0.1.1 is a patch bump\n"
        )
    );
    // The removed row is annotated at AgentType's header in the new file.
    let run = codes_in(&dir, &[&gate[..], &["--format", "github-actions"]].concat());
    let new = revised_repository_spec();
    let header = new
        .lines()
        .position(|line| line == "name = \"AgentType\"")
        .unwrap();
    assert_eq!(new.lines().nth(header - 1), Some("[[table]]"));
    let removed = run
        .stdout
        .lines()
        .find(|line| line.contains("title=row_removed"))
        .unwrap();
    // The old line is the removed row's `[[table.row]]` header.
    let old = std::fs::read_to_string(repo().join(OLD)).unwrap();
    let old_line = old
        .lines()
        .position(|line| line == "name = \"UserLine\"")
        .unwrap()
        - 1;
    assert!(
        removed.starts_with(&format!(
            "::notice file=codes.toml,line={header},title=row_removed \
             (api breaking%2C data breaking%2C accepted)::AgentType/row 1: row removed: UserLine"
        )) && removed.ends_with(&format!("(was at line {old_line} of the old codes.toml)")),
        "{removed}"
    );
    // The rename breaks the API, not data; the rewording neither.
    let run = codes_in(
        &dir,
        &[
            "diff",
            "HEAD~1:codes.toml",
            "codes.toml",
            "--format",
            "json",
            "--config",
            "/dev/null",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let impacts: Vec<(String, String, String)> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| {
            let text = |value: &serde_json::Value| value.as_str().unwrap().to_string();
            (
                text(&change["rule"]),
                text(&change["impact"]["api"]),
                text(&change["impact"]["data"]),
            )
        })
        .collect();
    let owned = |rule: &str, api: &str, data: &str| (rule.into(), api.into(), data.into());
    assert_eq!(
        impacts,
        [
            owned("row_renamed", "breaking", "patch"),
            owned("row_description_changed", "patch", "patch"),
            // Idle's Chinese text was made against the English before it.
            owned("translation_to_review", "cosmetic", "cosmetic"),
            owned("row_removed", "breaking", "breaking"),
        ]
    );
}
