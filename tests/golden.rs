//! The generated code, checked in as `tests/golden/codes.rs`, so that a spec
//! change shows up in review as a readable diff of generated code.
//!
//! CI only checks. After a deliberate change, bless the new output with
//! `BLESS=1 cargo test --test golden` and commit it.

use std::path::Path;

fn generated() -> String {
    let spec = codes_codegen::load(Path::new(env!("CARGO_MANIFEST_DIR")).join("codes.toml"))
        .expect("codes.toml is valid");
    // As build.rs generates it.
    let mut options = codes_codegen::Options::default();
    options.doc_cfg = true;
    options.record_fields = ["op_type", "op_object", "op_cause"].map(String::from);
    codes_codegen::generate_with(&spec, &options)
}

#[test]
fn golden_copy_of_the_generated_code_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/codes.rs");
    let actual = generated();
    if std::env::var_os("BLESS").is_some() {
        codes_codegen::write_if_changed(&path, &actual).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "tests/golden/codes.rs is stale: the code generated from codes.toml changed.\n\
         Review the change, then bless it with `BLESS=1 cargo test --test golden` and commit the file."
    );
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(generated(), generated());
    // The hostile spec has several tables, every reason kind and every text.
    let hostile = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/codes.toml");
    let generate = || codes_codegen::generate(&codes_codegen::load(&hostile).expect("valid"));
    assert_eq!(generate(), generate());
}
