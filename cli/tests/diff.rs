//! `codes diff`: reports in every format, `--fail-on`, and specs read from git.

mod support;

use support::{codes, codes_in, git_repo, repo, scratch};

const NEW: &str = "tools/tests/fixtures/specs/codes-2025-revision.toml";

#[test]
fn the_report_in_each_format_is_the_library_golden_file() {
    for (format, golden) in [
        ("text", "diff.txt"),
        ("markdown", "diff.md"),
        ("json", "diff.json"),
    ] {
        let run = codes(&["diff", "codes.toml", NEW, "--format", format]);
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
    for (threshold, code) in [("breaking", 1), ("minor", 1), ("patch", 1)] {
        assert_eq!(
            codes(&["diff", "codes.toml", NEW, "--fail-on", threshold]).code,
            code,
            "{threshold}"
        );
    }
    for threshold in ["breaking", "minor", "patch"] {
        let run = codes(&["diff", "codes.toml", "codes.toml", "--fail-on", threshold]);
        assert_eq!(
            (run.code, run.stdout.as_str()),
            (0, "no changes\nimpact: none\n"),
            "{threshold}"
        );
    }
    let run = codes(&["diff", "codes.toml", NEW, "--fail-on", "major"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error: invalid value 'major' for '--fail-on <IMPACT>'\n  [possible values: breaking, minor, patch]\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_patch_only_revision_passes_fail_on_minor() {
    let dir = scratch("diff-patch");
    let old = std::fs::read_to_string(repo().join("codes.toml")).unwrap();
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
        run.stdout
            .ends_with("impact: patch (0 breaking, 0 minor, 1 patch)\n"),
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
        run.stdout
            .ends_with("impact: breaking (5 breaking, 9 minor, 4 patch)\n"),
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
fn an_invalid_side_is_reported_with_its_name() {
    let dir = scratch("diff-invalid");
    std::fs::write(dir.join("broken.toml"), "[source\n").unwrap();
    let run = codes_in(
        &dir,
        &[
            "diff",
            "broken.toml",
            &repo().join("codes.toml").display().to_string(),
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
