//! What every command keeps to: quiet on a closed pipe, `--color` with
//! `NO_COLOR` and `CLICOLOR_FORCE`, `-` for standard input, completions and
//! manual pages, every enumerated option's values in `--help`, and a bad
//! number said as what it should be.

mod support;

use std::process::Stdio;

use support::{
    BROKEN_SPEC, codes, codes_in, codes_with_stdin, command, repo, run, scratch, succeed,
};

/// The repository's spec as of the 2023 pages, frozen (a vendor update
/// changes `codes.toml`, not this), and a later revision of it.
const OLD: &str = "tools/tests/fixtures/specs/codes-2023.toml";
const NEW: &str = "tools/tests/fixtures/specs/codes-2025-revision.toml";

/// A pipe whose reader is gone before `codes` starts: its first write fails
/// with a broken pipe.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    writer.into()
}

#[test]
fn a_closed_stdout_ends_the_output_quietly_with_the_commands_own_status() {
    for (args, code) in [
        (&["list", "--reasons"][..], 0),
        (&["explain", "27"], 0),
        (&["generate"], 0),
        (&["generate", "--target", "json"], 0),
        (&["check", "--format", "json"], 0),
        (&["diff", OLD, NEW], 0),
        (&["diff", OLD, NEW, "--fail-on", "breaking"], 1),
        (
            &[
                "import",
                "tools/tests/fixtures/vendor/agent-operation-type-2023-09-27.txt",
            ],
            0,
        ),
        // Output as long as the input: stopped at the closed pipe (ten
        // million records would take a while).
        (&["synth", "10000000"], 0),
        (&["completions", "bash"], 0),
        (&["man"], 0),
        (&["--help"], 0),
    ] {
        let run = run(command(&repo(), args).stdout(closed_pipe()));
        assert_eq!((run.code, run.stdout.as_str()), (code, ""), "{args:?}");
        let stderr = run.stderr;
        assert!(
            !stderr.contains("pipe") && !stderr.contains("panicked"),
            "{args:?}: {stderr}"
        );
    }
    let run = run(command(&repo(), &["list"]).stdout(closed_pipe()));
    assert_eq!(run.stderr, "", "nothing is said about the lost output");
}

#[test]
fn a_closed_stderr_does_not_panic() {
    let dir = scratch("closed-stderr");
    std::fs::write(dir.join("codes.toml"), BROKEN_SPEC).unwrap();
    for (args, code) in [
        (&["check"][..], 1),
        (&["check", "missing.toml"], 2),
        (&["explain", "Bussy"], 1),
        (&["generate", "-o", "out.rs", "--check"], 1),
    ] {
        let output = command(&dir, args)
            .stdout(Stdio::null())
            .stderr(closed_pipe())
            .status()
            .expect("run codes");
        assert_eq!(output.code(), Some(code), "{args:?}");
    }
}

#[test]
fn colour_follows_the_color_option_no_color_and_clicolor_force() {
    let dir = scratch("colour");
    std::fs::write(dir.join("codes.toml"), BROKEN_SPEC).unwrap();
    let plain = codes_in(&dir, &["check"]).stderr;
    assert!(plain.starts_with("error[E006]: duplicate code 1 in table OperationType\n"));
    // Without a terminal, `auto` styles only with CLICOLOR_FORCE; NO_COLOR
    // wins over it; `--color` wins over both.
    for (no_color, force, color, styled) in [
        (false, false, "auto", false),
        (false, true, "auto", true),
        (true, true, "auto", false),
        (false, true, "never", false),
        (true, false, "always", true),
        (false, false, "always", true),
    ] {
        let mut check = command(&dir, &["check", "--color", color]);
        check.env_remove("NO_COLOR");
        if no_color {
            check.env("NO_COLOR", "1");
        }
        if force {
            check.env("CLICOLOR_FORCE", "1");
        }
        let run = run(&mut check);
        assert_eq!(run.code, 1);
        let case = format!("NO_COLOR {no_color}, CLICOLOR_FORCE {force}, --color {color}");
        assert_eq!(run.stderr.contains("\u{1b}["), styled, "{case}");
        assert_eq!(
            anstream::adapter::strip_str(&run.stderr).to_string(),
            plain,
            "{case}: the same text, only styled"
        );
    }
    let mut list = command(&repo(), &["list", "--color", "always"]);
    let data = run(&mut list);
    assert!(!data.stdout.contains('\u{1b}'), "data is never styled");
}

#[test]
fn data_keeps_the_control_characters_of_vendor_text() {
    let dir = scratch("control-characters");
    let spec = std::fs::read_to_string(repo().join(OLD)).unwrap().replacen(
        "\"Idle.\"",
        "\"Idle \\u001b[31mred\\u001b[0m \\u0007bell.\"",
        1,
    );
    std::fs::write(dir.join("codes.toml"), spec).unwrap();
    for color in ["never", "always"] {
        let run = codes_in(&dir, &["generate", "--target", "sql", "--color", color]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stdout.contains(
                "    (2, 'Idle', 'Idle \u{1b}[31mred\u{1b}[0m \u{7}bell.', '空闲。', NULL, 3),\n"
            ),
            "--color {color}: the text is written byte for byte"
        );
    }
}

#[test]
fn dash_reads_a_spec_from_standard_input() {
    let spec = std::fs::read_to_string(repo().join(OLD)).unwrap();
    let dir = scratch("stdin");
    let run = codes_with_stdin(&dir, &["check", "-"], &spec);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .ends_with("\n<stdin>: ok (4 table(s), 76 rows)\n"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.starts_with("<stdin>:"), "lines name <stdin>");

    let run = codes_with_stdin(&dir, &["check", "-"], BROKEN_SPEC);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains(" --> <stdin>:20:8\n"), "{}", run.stderr);
    assert!(
        run.stderr.ends_with("\n<stdin>: 2 errors\n"),
        "{}",
        run.stderr
    );

    let run = codes_with_stdin(&repo(), &["generate", "-"], &spec);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("// @generated by codes-codegen 0.1.0 from <stdin>: do not edit.\n"),
        "{}",
        run.stdout
    );

    let run = codes_with_stdin(&repo(), &["diff", "-", NEW, "--format", "json"], &spec);
    let golden = std::fs::read_to_string(repo().join("tools/tests/golden/diff.json")).unwrap();
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Standard input has no file name; the lines are found all the same.
    assert!(
        run.stdout == golden.replacen(&format!("\"old\": \"{OLD}\""), "\"old\": null", 1),
        "diff from stdin differs from diff.json"
    );

    let run = codes_with_stdin(&repo(), &["diff", "-", "-"], &spec);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "codes: <stdin>: standard input can be read only once: give `-` for one input only\n"
    );
}

#[test]
fn dash_reads_a_vendor_table_from_standard_input() {
    let page = std::fs::read_to_string(
        repo().join("tools/tests/fixtures/vendor/agent-operation-type-2023-09-27.txt"),
    )
    .unwrap();
    let run = codes_with_stdin(&repo(), &["import", "-", "--merge", OLD], &page);
    assert_eq!((run.code, run.stderr.as_str()), (0, "no changes\n"));
    let spec = std::fs::read_to_string(repo().join(OLD)).unwrap();
    assert!(run.stdout == spec, "the merge differs from codes.toml");

    let run = codes_with_stdin(&repo(), &["import", "-"], "Table 1 x\n\nCode\n\n7\n");
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("<stdin>:"), "{}", run.stderr);
    assert!(
        run.stderr.ends_with("codes: nothing written\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn completion_scripts_name_every_command_and_value() {
    for shell in ["bash", "elvish", "fish", "powershell", "zsh"] {
        let run = codes(&["completions", shell]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{shell}");
        for command in [
            "check", "generate", "decode", "diff", "import", "explain", "list", "man",
        ] {
            assert!(run.stdout.contains(command), "{shell}: {command}");
        }
    }
    let bash = codes(&["completions", "bash"]).stdout;
    for line in [
        "                    COMPREPLY=($(compgen -W \"rust sql json markdown\" -- \"${cur}\"))\n",
        "                    COMPREPLY=($(compgen -W \"text markdown json github-actions junit changelog\" -- \"${cur}\"))\n",
        "                    COMPREPLY=($(compgen -W \"api:breaking api:minor api:patch api:cosmetic \
         data:breaking data:minor data:patch data:cosmetic missing-version-bump\" -- \"${cur}\"))\n",
        "                    COMPREPLY=($(compgen -W \"auto always never\" -- \"${cur}\"))\n",
        "                    COMPREPLY=($(compgen -W \"en zh\" -- \"${cur}\"))\n",
    ] {
        assert!(bash.contains(line), "{line}");
    }
    let zsh = codes(&["completions", "zsh"]).stdout;
    assert!(zsh.starts_with("#compdef codes\n"));
    assert!(zsh.contains(
        "'*--fail-on=[Exit with status 1 when the changes not accepted are at least this big \
         on the Rust API (\\`api\\:LEVEL\\`, or the bare level) or on data (\\`data\\:LEVEL\\`\\: \
         bills, SQL exports, JSON), or when the crate version does not go up as far as every \
         change since the last release needs; may be given more than once]\
         :CONDITION:((api\\:breaking\\:\"Fail on a change breaking the Rust API\"\n"
    ));

    let run = codes(&["completions", "tcsh"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: invalid value 'tcsh' for '<SHELL>'\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_bash_completion_completes_commands_and_values() {
    let dir = scratch("bash-completion");
    std::fs::write(
        dir.join("codes.bash"),
        codes(&["completions", "bash"]).stdout,
    )
    .unwrap();
    let complete = |words: &str, current: usize, word: &str, previous: &str| {
        let script = format!(
            "source codes.bash; COMP_WORDS=({words}); COMP_CWORD={current}; \
             _codes codes '{word}' '{previous}'; echo \"${{COMPREPLY[@]}}\""
        );
        succeed(&dir, "bash", &["-c", &script])
    };
    assert_eq!(complete("codes ge", 1, "ge", "codes"), "generate\n");
    assert_eq!(
        complete("codes diff a b --fail-on ''", 5, "", "--fail-on"),
        "api:breaking api:minor api:patch api:cosmetic data:breaking data:minor data:patch \
         data:cosmetic missing-version-bump\n"
    );
    assert_eq!(
        complete("codes generate --target m", 3, "m", "--target"),
        "markdown\n"
    );
}

#[test]
fn the_manual_page_is_roff_and_every_page_can_be_written() {
    let run = codes(&["man"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let page: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        page[..6],
        [
            ".ie \\n(.g .ds Aq \\(aq",
            ".el .ds Aq '",
            ".TH codes 1  \"codes 0.1.0\" ",
            ".SH NAME",
            "codes \\- The `codes` tool for spec maintainers: check, generate, explain, diff, import, update, decode",
            ".SH SYNOPSIS",
        ]
    );
    assert!(page.contains(&"codes\\-generate(1)"));

    let dir = scratch("man");
    let run = codes_in(&dir, &["man", "--out-dir", "man"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "")
    );
    let mut pages: Vec<String> = std::fs::read_dir(dir.join("man"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "codes-check.1",
            "codes-completions.1",
            "codes-decode.1",
            "codes-diff.1",
            "codes-explain.1",
            "codes-generate.1",
            "codes-import.1",
            "codes-list.1",
            "codes-man.1",
            "codes-synth.1",
            "codes-update.1",
            "codes.1",
        ]
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("man/codes.1")).unwrap(),
        codes(&["man"]).stdout
    );
    let check = std::fs::read_to_string(dir.join("man/codes-check.1")).unwrap();
    assert!(
        check.contains(".TH codes-check 1  \"check 0.1.0\" \n"),
        "{check}"
    );
}

#[test]
fn help_lists_the_values_of_every_enumerated_option() {
    let help = codes(&["diff", "--help"]).stdout;
    for lines in [
        "          Possible values:\n          - text:           For a terminal: a line per change, grouped by table\n          \
         - markdown:       For a pull request or CHANGELOG\n          - json:           For programs\n          \
         - github-actions: GitHub Actions annotations at the changed lines of the new spec\n          \
         - junit:          JUnit XML: a test case per change, those breaking either axis failing\n",
        "          Possible values:\n          - api:breaking:         Fail on a change breaking the Rust API\n          \
         - api:minor:            Fail on a minor or breaking change of the Rust API\n          \
         - api:patch:            Fail on a patch, minor or breaking change of the Rust API\n          \
         - api:cosmetic:         Fail on any change of the Rust API\n          \
         - data:breaking:        Fail on a change breaking data: a stored code that means something \
         else or nothing\n          \
         - data:minor:           Fail on a minor or breaking change of data\n          \
         - data:patch:           Fail on a patch, minor or breaking change of data\n          \
         - data:cosmetic:        Fail on any change of data\n          \
         - missing-version-bump: Fail when the crate version does not go up as far as every change \
         since the last release needs\n",
        "          [possible values: auto, always, never]\n",
    ] {
        assert!(help.contains(lines), "{help}");
    }
    let help = codes(&["check", "--help"]).stdout;
    assert!(
        help.contains(
            "          - text:           rustc-style, with a snippet of the spec, on stderr\n"
        ) && help.contains("          - review: `# review` marks left in the spec (I002)\n"),
        "{help}"
    );
    let help = codes(&["generate", "--help"]).stdout;
    assert!(
        help.contains("          - markdown: The table as documentation, like the vendor's page\n"),
        "{help}"
    );
    let help = codes(&["completions", "--help"]).stdout;
    assert!(
        help.contains("[possible values: bash, elvish, fish, powershell, zsh]"),
        "{help}"
    );
}

#[test]
fn a_bad_number_says_what_it_should_be() {
    for (args, value, argument, expected) in [
        (&["synth", "x"][..], "x", "<N>", "a number of records"),
        (&["synth", "1.5"], "1.5", "<N>", "a number of records"),
        (
            &["synth", "10", "--malformed-every=-1"],
            "-1",
            "--malformed-every <K>",
            "a number of records, 0 for none",
        ),
        (
            &["import", "page.html", "--table=0"],
            "0",
            "--table <N>",
            "a table's number, counting from 1",
        ),
        (
            &["update", "--retries=many"],
            "many",
            "--retries <N>",
            "a number of retries, 0 or more",
        ),
        (
            &["decode", "bills", "--jobs=two"],
            "two",
            "--jobs <N>",
            "a number of threads, 1 or more",
        ),
    ] {
        let run = codes(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert_eq!(
            run.stderr.lines().next(),
            Some(
                format!("error: invalid value '{value}' for '{argument}': expected {expected}")
                    .as_str()
            ),
            "{args:?}: {}",
            run.stderr
        );
    }
}
