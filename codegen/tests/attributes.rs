//! What `Config` adds to the generated types, and where it writes them.
//! (Apart from `tests/config.rs`, whose one test sets environment
//! variables.)

/// Which types each kind of attribute reaches, and where it stands: after
/// the derives, before `repr` and `non_exhaustive`.
#[test]
fn attributes_reach_the_types_they_select() {
    let text = include_str!("../../codes.toml");
    let spec = codes_codegen::Spec::from_toml("codes.toml", text).unwrap();
    let mut options = codes_codegen::Options::default();
    options.attributes = vec![
        (codes_codegen::Select::CodeEnums, "#[code_enum]".into()),
        (
            codes_codegen::Select::Enum("*".into()),
            "#[any_enum]".into(),
        ),
        (
            codes_codegen::Select::Type("*".into()),
            "#[any_type]".into(),
        ),
        (
            codes_codegen::Select::Type("BusyReason".into()),
            "#[busy]".into(),
        ),
    ];
    let source = codes_codegen::generate_with(&spec, &options);
    /// The attributes just before `pub enum NAME` or `pub struct NAME`.
    fn attributes_of(source: &str, item: &str) -> Vec<String> {
        let lines: Vec<&str> = source.lines().collect();
        let at = lines
            .iter()
            .position(|line| line.starts_with(item))
            .unwrap_or_else(|| panic!("no {item}"));
        lines[..at]
            .iter()
            .rev()
            .take_while(|line| {
                line.starts_with("#[") || line.starts_with("    ") || line.starts_with(")]")
            })
            .filter(|line| {
                line.starts_with("#[")
                    && !line.starts_with("#[cfg_attr")
                    && !line.starts_with("#[derive")
            })
            .map(|line| line.to_string())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect()
    }
    let all = |extra: &[&str]| {
        let mut attributes: Vec<String> = extra.iter().map(|a| a.to_string()).collect();
        attributes.dedup();
        attributes
    };
    assert_eq!(
        attributes_of(&source, "pub enum OperationType "),
        all(&[
            "#[code_enum]",
            "#[any_enum]",
            "#[any_type]",
            "#[repr(i32)]",
            "#[non_exhaustive]"
        ])
    );
    assert_eq!(
        attributes_of(&source, "pub enum TalkingReason "),
        all(&[
            "#[code_enum]",
            "#[any_enum]",
            "#[any_type]",
            "#[repr(i32)]",
            "#[non_exhaustive]"
        ])
    );
    assert_eq!(
        attributes_of(&source, "pub enum BusyReason "),
        all(&["#[any_enum]", "#[any_type]", "#[busy]", "#[non_exhaustive]"])
    );
    assert_eq!(
        attributes_of(&source, "pub enum NotApplicable "),
        all(&[
            "#[code_enum]",
            "#[any_enum]",
            "#[any_type]",
            "#[repr(i32)]",
            "#[non_exhaustive]"
        ])
    );
    assert_eq!(
        attributes_of(&source, "pub struct Operation<"),
        ["#[any_type]"]
    );
    assert_eq!(source.matches("#[busy]").count(), 1);
}

#[test]
fn out_dir_takes_the_place_of_out_dir_env() {
    let dir = std::env::temp_dir().join(format!("codes-codegen-out-dir-{}", std::process::id()));
    let spec = dir.join("codes.toml");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&spec, include_str!("../../codes.toml")).unwrap();
    let written = codes_codegen::Config::new()
        .spec(&spec)
        .out_dir(dir.join("generated"))
        .out_file("codes.rs")
        .emit_rerun_if_changed(false)
        .run()
        .unwrap();
    assert_eq!(written, dir.join("generated/codes.rs"));
    assert!(
        std::fs::read_to_string(&written)
            .unwrap()
            .contains("pub enum OperationType {")
    );
    let bad = codes_codegen::Config::new()
        .spec(&spec)
        .out_dir(dir.join("generated"))
        .type_attribute("*", "derive(Debug)")
        .run()
        .unwrap_err();
    assert_eq!(
        bad.to_string(),
        "attribute \"derive(Debug)\" is not of the form #[…]"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `doc(cfg)` breaks a crate's docs on stable rustdoc under docs.rs's
/// `--cfg docsrs` unless the crate enables `doc_cfg`: it is opt-in.
#[test]
fn doc_cfg_is_opt_in() {
    let text = include_str!("../../codes.toml");
    let spec = codes_codegen::Spec::from_toml("codes.toml", text).unwrap();
    let default = codes_codegen::generate(&spec);
    assert!(!default.contains("doc(cfg"));
    let mut options = codes_codegen::Options::default();
    options.doc_cfg = true;
    let marked = codes_codegen::generate_with(&spec, &options);
    let gates = marked.matches("#[cfg(feature = \"serde\")]\n").count();
    let marks = marked
        .matches(
            "#[cfg(feature = \"serde\")]\n#[cfg_attr(docsrs, doc(cfg(feature = \"serde\")))]\n",
        )
        .count();
    assert!(gates > 0);
    assert_eq!(marks, gates, "every serde item is marked");
}

/// The serde impls are written out and call the runtime: a crate with the
/// serde feature needs `serde` without `derive`.
#[test]
fn serde_needs_no_derive() {
    let text = include_str!("../../codes.toml");
    let spec = codes_codegen::Spec::from_toml("codes.toml", text).unwrap();
    let source = codes_codegen::generate(&spec);
    assert!(!source.contains("derive(serde"), "no serde derive");
    assert!(!source.contains("#[serde("), "no serde attribute");
    for shape in [
        "deserialize_code",
        "deserialize_text",
        "deserialize_columns",
        "deserialize_owned_columns",
        "deserialize_reason",
    ] {
        assert!(
            source.contains(&format!("::codes_runtime::serde::{shape}(")),
            "{shape}"
        );
    }
}
