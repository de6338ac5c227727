//! One meaning per code: for random valid specs, the model's decoding
//! table, the generated Rust (compiled and run) and the SQL lookup table
//! (in SQLite) answer the same for every code near a boundary of any run,
//! the extremes and random codes.
//!
//! The specs come from proptest's deterministic runner, so a failure
//! reproduces; `CODES_RANDOM_SPECS=N` checks N specs instead of the
//! default 12 (all compiled in one crate, so the cost is one build).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use codes_codegen::model::Outcome;
use codes_codegen::{Options, Spec};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use rusqlite::{Connection, params};

/// The codes reasons and markers are drawn from: small, so that they meet.
fn code() -> impl Strategy<Value = i64> {
    prop_oneof![
        6 => -4i64..12,
        1 => Just(i64::from(i32::MIN)),
        1 => Just(i64::from(i32::MAX)),
        1 => Just(65535i64),
    ]
}

#[derive(Debug, Clone)]
enum Codes {
    Single(i64),
    Range(i64, i64),
    Open(Option<i64>),
}

fn codes() -> impl Strategy<Value = Codes> {
    prop_oneof![
        4 => code().prop_map(Codes::Single),
        3 => (code(), code()).prop_filter_map("a range has two codes", |(a, b)| {
            (a != b).then(|| Codes::Range(a.min(b), a.max(b)))
        }),
        1 => prop::option::of(code()).prop_map(Codes::Open),
    ]
}

/// The text of a spec with up to three markers and one table of up to five
/// rows, each with up to five reasons; many are invalid and are skipped.
fn spec_text() -> impl Strategy<Value = String> {
    let markers = prop::collection::btree_set(code(), 0..3);
    let rows = prop::collection::vec(prop::collection::vec(codes(), 0..5), 1..5);
    (markers, rows).prop_map(|(markers, rows)| {
        let mut text = String::from(
            "[source]\nvendor = \"V\"\nproduct = \"P\"\ndocument = \"D\"\n",
        );
        for (index, marker) in markers.iter().enumerate() {
            let _ = write!(
                text,
                "\n[[not_applicable]]\ncode = {marker}\nname = \"Marker{index}\"\ndescription = \"m\"\n"
            );
        }
        text.push_str(
            "\n[[table]]\nname = \"Op\"\ntitle = \"T\"\ncaption = \"C\"\npage = \"p\"\n\
             updated = \"u\"\ncolumns = [\"A\", \"B\", \"C\", \"D\"]\nrecord = \"Record\"\n\
             object = \"Object\"\nreason = \"Cause\"\n",
        );
        for (row, reasons) in rows.iter().enumerate() {
            let _ = write!(
                text,
                "\n[[table.row]]\ncode = {row}\nname = \"Row{row}\"\ndescription = \"r\"\n"
            );
            for (index, codes) in reasons.iter().enumerate() {
                let codes = match codes {
                    Codes::Single(code) => format!("code = {code}"),
                    Codes::Range(start, end) => format!("range = [{start}, {end}]"),
                    Codes::Open(None) => "open = true".to_string(),
                    Codes::Open(Some(default)) => format!("open = true\ndefault = {default}"),
                };
                let _ = write!(
                    text,
                    "\n[[table.row.reason]]\n{codes}\nname = \"Reason{index}\"\ndescription = \"x\"\n"
                );
            }
        }
        text
    })
}

/// `count` valid specs, drawn deterministically.
fn random_specs(count: usize) -> Vec<(String, Spec)> {
    let mut runner = TestRunner::new(Config {
        rng_algorithm: proptest::test_runner::RngAlgorithm::ChaCha,
        ..Config::default()
    });
    let strategy = spec_text();
    let mut specs = Vec::new();
    let mut drawn = 0;
    while specs.len() < count {
        drawn += 1;
        assert!(drawn < count * 200, "too few random specs are valid");
        let text = strategy
            .new_tree(&mut runner)
            .expect("a spec is drawn")
            .current();
        if let Ok(spec) = Spec::from_toml("random.toml", &text) {
            specs.push((text, spec));
        }
    }
    specs
}

/// Every code on either side of a run boundary, the extremes, and the
/// markers' neighbours.
fn probes(spec: &Spec) -> BTreeSet<i32> {
    let mut probes = BTreeSet::from([i32::MIN, i32::MIN + 1, -1, 0, 65535, i32::MAX - 1, i32::MAX]);
    for row in spec.tables()[0].rows() {
        for run in row.decoding().runs() {
            for code in [run.start, run.end] {
                probes.extend(
                    [code.checked_sub(1), Some(code), code.checked_add(1)]
                        .into_iter()
                        .flatten(),
                );
            }
        }
    }
    probes
}

/// The model's answer: the reason's name, `NotApplicable` or `Unlisted`.
fn model(spec: &Spec, row: usize, code: i32) -> String {
    let row = &spec.tables()[0].rows()[row];
    match row.decoding().outcome(code) {
        Some(Outcome::NotApplicable(_)) => "NotApplicable".to_string(),
        Some(outcome) => row.reasons()[outcome.reason().expect("a reason")]
            .name()
            .to_owned(),
        None => "Unlisted".to_string(),
    }
}

/// The generated Rust's answers, one line `spec row code name` each, from a
/// crate holding every spec's code as a module.
fn generated(specs: &[(String, Spec)]) -> String {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("decoding-agrees");
    let crate_dir = target.join("crate");
    std::fs::create_dir_all(crate_dir.join("src")).expect("scratch crate");
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime");
    std::fs::write(
        crate_dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"decoding-agrees\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n[dependencies]\ncodes-runtime = {{ path = {:?} }}\n\n[workspace]\n",
            runtime.display().to_string()
        ),
    )
    .expect("manifest");
    let mut options = Options::default();
    options.serde_feature = None;
    let mut main = String::from("#![allow(dead_code)]\n\n");
    let mut body = String::new();
    for (index, (_, spec)) in specs.iter().enumerate() {
        std::fs::write(
            crate_dir.join(format!("src/spec{index}.rs")),
            codes_codegen::generate_with(spec, &options),
        )
        .expect("generated code");
        let _ = writeln!(
            main,
            "mod spec{index} {{\n    include!(\"spec{index}.rs\");\n}}"
        );
        for (row, definition) in spec.tables()[0].rows().iter().enumerate() {
            let codes: Vec<String> = probes(spec).iter().map(i32::to_string).collect();
            let _ = writeln!(
                body,
                "    for code in [{}] {{\n        \
                 let reason = spec{index}::Cause::decode(spec{index}::Op::{}, code);\n        \
                 assert_eq!(reason.code(), code);\n        \
                 println!(\"{index} {row} {{code}} {{}}\", reason.name());\n    }}",
                codes.join(", "),
                definition.name()
            );
        }
    }
    let _ = write!(main, "\nfn main() {{\n{body}}}\n");
    std::fs::write(crate_dir.join("src/main.rs"), main).expect("main");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["run", "--quiet", "--offline", "--manifest-path"])
        .arg(crate_dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target.join("target"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "the generated crate failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn model_generated_rust_and_sql_decode_every_code_alike() {
    let count = std::env::var("CODES_RANDOM_SPECS")
        .ok()
        .and_then(|count| count.parse().ok())
        .unwrap_or(12);
    let specs = random_specs(count);
    let mut expected = String::new();
    for (index, (text, spec)) in specs.iter().enumerate() {
        let db = Connection::open_in_memory().expect("SQLite");
        db.execute_batch(&codes_tools::export::sql(spec).expect("SQL export"))
            .expect("the script runs");
        let mut lookup = db
            .prepare(
                "SELECT reason FROM op_reason_lookup WHERE op = ?1 AND ?2 BETWEEN low AND high",
            )
            .expect("prepare");
        for (row, definition) in spec.tables()[0].rows().iter().enumerate() {
            for code in probes(spec) {
                let answer = model(spec, row, code);
                let found: Vec<String> = lookup
                    .query_map(params![definition.code().integer(), code], |found| {
                        found.get(0)
                    })
                    .expect("query")
                    .collect::<Result<_, _>>()
                    .expect("rows");
                // The lookup holds the reasons; a miss is a marker or unlisted.
                let sql = found
                    .first()
                    .cloned()
                    .unwrap_or_else(|| match answer.as_str() {
                        "NotApplicable" | "Unlisted" => answer.clone(),
                        _ => "<no row>".to_string(),
                    });
                assert!(found.len() <= 1, "{} rows for {code}\n{text}", found.len());
                assert_eq!(
                    sql, answer,
                    "SQL, spec {index} row {row} code {code}\n{text}"
                );
                let _ = writeln!(expected, "{index} {row} {code} {answer}");
            }
        }
    }
    let generated = generated(&specs);
    for (line, (want, got)) in expected.lines().zip(generated.lines()).enumerate() {
        let spec: usize = want
            .split(' ')
            .next()
            .and_then(|index| index.parse().ok())
            .unwrap_or(0);
        assert_eq!(got, want, "generated Rust, line {line}\n{}", specs[spec].0);
    }
    assert_eq!(generated.lines().count(), expected.lines().count());
    assert!(expected.lines().count() >= 10 * count, "too few probes");
}
