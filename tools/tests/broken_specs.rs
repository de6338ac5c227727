//! The corpus of broken specs: each `tests/broken-specs/NAME.toml` holds one
//! mistake, and `NAME.stderr` beside it is the report `codes check` must
//! print for it (a failing build prints the same mistakes as plain
//! `file:line:col` lines). An empty `.stderr` marks a spec that must be
//! accepted (and generate code).
//!
//! CI only checks. After a deliberate change to a message, bless the new
//! output with `BLESS=1 cargo test --test broken_specs` and review the diff.

use std::fs;
use std::path::{Path, PathBuf};

use codes_codegen::Spec;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken-specs")
}

/// The files of the corpus with `extension`, sorted.
fn files(extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(corpus())
        .expect("tests/broken-specs exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == extension))
        .collect();
    files.sort();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("a file")
        .to_string_lossy()
        .into_owned()
}

/// What checking the spec prints: the rendered diagnostics, or nothing.
fn check(name: &str, text: &str) -> String {
    match Spec::from_toml(name, text) {
        Ok(spec) => {
            // An accepted spec must also generate.
            codes_codegen::generate(&spec);
            String::new()
        }
        Err(error) => codes_tools::report::render(&error, false),
    }
}

#[test]
fn every_broken_spec_renders_its_expected_diagnostics() {
    let bless = std::env::var_os("BLESS").is_some();
    let specs = files("toml");
    assert!(!specs.is_empty(), "no specs in tests/broken-specs");
    let mut failures = Vec::new();
    for path in &specs {
        let name = file_name(path);
        let text = fs::read_to_string(path).expect("a UTF-8 spec");
        let actual = check(&name, &text);
        let expected_path = path.with_extension("stderr");
        if bless {
            codes_codegen::write_if_changed(&expected_path, &actual)
                .expect("write the expected diagnostics");
            continue;
        }
        match fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{name}: the diagnostics changed.\n--- expected\n{expected}--- actual\n{actual}"
            )),
            Err(_) => failures.push(format!(
                "{name}: no expectation {}; write it with BLESS=1",
                file_name(&expected_path)
            )),
        }
    }
    for expected in files("stderr") {
        if !expected.with_extension("toml").exists() {
            failures.push(format!(
                "{}: no spec beside it; remove it",
                file_name(&expected)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\nReview, then bless with `BLESS=1 cargo test --test broken_specs`.",
        failures.join("\n\n")
    );
}

#[test]
fn every_broken_spec_has_its_mistake_at_file_line_col() {
    for path in files("toml") {
        let name = file_name(&path);
        let text = fs::read_to_string(&path).expect("a UTF-8 spec");
        let Err(error) = Spec::from_toml(&name, &text) else {
            assert!(name.starts_with("accepted-"), "{name} is accepted");
            continue;
        };
        assert!(!name.starts_with("accepted-"), "{name} is rejected");
        for (line, diagnostic) in error.summary().iter().zip(error.diagnostics()) {
            let (row, col) = error.line_col(diagnostic.span.start);
            assert!(line.starts_with(&format!("{name}:{row}:{col}: ")), "{line}");
            let rendered = codes_tools::report::render(&error, false);
            assert!(
                rendered.contains(&format!("--> {name}:{row}:{col}\n")),
                "{rendered}"
            );
        }
    }
}

#[test]
fn every_diagnostic_has_a_code_of_the_docs() {
    let listed: Vec<&str> = codes_tools::report::CODES
        .iter()
        .map(|(code, _, _)| *code)
        .collect();
    let docs = include_str!("../src/report.rs");
    for (code, severity, what) in codes_tools::report::CODES {
        assert!(
            docs.contains(&format!("//! | `{code}` | {severity} | {what} |")),
            "{code} is in the module docs' table as in CODES"
        );
    }
    let mut syntax = Vec::new();
    for path in files("toml") {
        let text = std::fs::read_to_string(&path).unwrap();
        let Err(error) = Spec::from_toml("codes.toml", &text) else {
            continue;
        };
        for diagnostic in error.diagnostics() {
            let code = codes_tools::report::code(diagnostic);
            assert!(listed.contains(&code), "{code}");
            if code == "E001" {
                syntax.push(diagnostic.message.clone());
            }
        }
    }
    // What falls to E001 is TOML that does not parse, nothing else.
    syntax.sort();
    assert_eq!(
        syntax,
        [
            "duplicate key `code`",
            "duplicate key `source`",
            "duplicate key `vendor`",
            "invalid basic string, expected `\"`",
            "unknown key kind \"float\"",
        ]
    );
}
