//! Generates typed Rust code tables from a vendor code spec (`codes.toml`).
//!
//! The pipeline has one module per stage:
//!
//! 1. parse: TOML with spans (toml's document tree, no serde), every key
//!    read through the [`schema`], the one description of the spec's
//!    entries and keys;
//! 2. validate: every mistake at once, each a [`Diagnostic`] at `file:line:col`,
//!    a row's reasons checked once by [`decoding::conflicts`];
//! 3. [`model`]: the validated [`Spec`], plain data, with each row's
//!    [`decoding`] table: what every reason code means, decided once; and
//!    beside it, from the same parse and for the maintainers' tools, the
//!    source map: where each item is in the text (`sources`, with the
//!    `source-map` feature);
//! 4. render: the model to Rust source, one module per kind of generated
//!    item (tables, texts, records, reasons, objects, markers, traits,
//!    serde), written already laid out like `rustfmt` would (items and arms
//!    on their own lines, `///` docs) and referring to the fixed types of
//!    `codes_runtime` by path;
//! 5. write: an `@generated` header and the code, only when the content
//!    changed.
//!
//! Its dependencies are `toml` (the parser only) and `codes-runtime` (whose
//! `Lang` and `ReasonCodes` the model uses, and which every crate of
//! generated code compiles anyway): it is what every downstream build
//! compiles, so it builds no token trees and runs no
//! formatter (the crate's README says why and what that saves). The
//! maintainers' tools (vendor-page import, diffs, exports, snippet reports)
//! live in the `codes-tools` crate.
//!
//! A build script runs it all through [`Config`]:
//!
//! ```no_run
//! // build.rs: `fn main` of a build script
//! codes_codegen::Config::new()
//!     .spec("codes.toml")
//!     .out_file("codes.rs")
//!     .run_in_build_script();
//! ```
//!
//! and the crate includes the result with
//! `include!(concat!(env!("OUT_DIR"), "/codes.rs"));`.
//!
//! The crate that includes the code depends on `codes-runtime`. Tools and
//! tests work without the disk: [`Spec::from_toml`] and [`generate`]. The
//! maintainers' tools (importing the vendor's page, semantic diffs with
//! their semver impact, SQL, JSON and Markdown exports, snippet reports)
//! are in the `codes-tools` crate.

#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod decoding;
mod diagnostic;
pub mod docs;
pub mod ident;
pub mod model;
mod parse;
mod render;
pub mod schema;
// The maintainers' tools' only: a build script never compiles it (unit
// tests always do).
#[cfg(any(test, feature = "source-map"))]
#[cfg_attr(docsrs, doc(cfg(feature = "source-map")))]
pub mod sources;
mod validate;
mod write;
mod writer;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

pub use diagnostic::{Code, Diagnostic, SpecError, line_col};
pub use model::Spec;
pub use render::{Options, Select};
#[cfg(any(test, feature = "source-map"))]
pub use sources::{Item, SourceMap};
pub use validate::SUPPORT_ITEMS;
pub use write::write_if_changed;

/// The README's example runs as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

impl Spec {
    /// Parses and validates spec text; `path` is only used in diagnostics.
    ///
    /// # Errors
    ///
    /// A [`SpecError`] holding every mistake found, each a [`Diagnostic`]
    /// at its place in `text`: TOML that does not parse or does not fit the
    /// schema, and everything validation refuses (duplicate codes or names,
    /// names that are not Rust identifiers, overlapping reason ranges, …).
    pub fn from_toml(path: &str, text: &str) -> Result<Spec, SpecError> {
        let raw =
            parse::parse(text).map_err(|diagnostics| SpecError::new(path, text, diagnostics))?;
        validate::validate(&raw, text)
            .map_err(|diagnostics| SpecError::new(path, text, diagnostics))
    }

    /// [`from_toml`](Self::from_toml), with the [`SourceMap`] of the same
    /// parse: where each item of the spec is in `text`.
    ///
    /// # Errors
    ///
    /// As [`from_toml`](Self::from_toml).
    #[cfg(any(test, feature = "source-map"))]
    #[cfg_attr(docsrs, doc(cfg(feature = "source-map")))]
    pub fn from_toml_with_sources(path: &str, text: &str) -> Result<(Spec, SourceMap), SpecError> {
        let raw =
            parse::parse(text).map_err(|diagnostics| SpecError::new(path, text, diagnostics))?;
        let spec = validate::validate(&raw, text)
            .map_err(|diagnostics| SpecError::new(path, text, diagnostics))?;
        Ok((spec, SourceMap::new(&raw, text)))
    }
}

/// Reads and validates the spec at `path`.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read (or is not UTF-8);
/// [`Error::Spec`] when the spec has mistakes (see [`Spec::from_toml`]).
pub fn load(path: impl AsRef<Path>) -> Result<Spec, Error> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Spec::from_toml(&path.display().to_string(), &text)?)
}

/// The generated Rust source for `spec`, with the default [`Options`].
pub fn generate(spec: &Spec) -> String {
    generate_with(spec, &Options::default())
}

/// The generated Rust source for `spec`.
pub fn generate_with(spec: &Spec, options: &Options) -> String {
    generate_reporting(spec, options).0
}

/// The generated source, and a warning for each selector of
/// `options.attributes` that matched nothing (a misspelt type or variant).
fn generate_reporting(spec: &Spec, options: &Options) -> (String, Vec<String>) {
    let mut source = String::new();
    render::header(&mut source, &header(spec, options));
    let mut code = writer::Writer::default();
    let unmatched = render::spec(&mut code, spec, options);
    source.push_str(&code.finish());
    let warnings = unmatched
        .into_iter()
        .map(|select| format!("{select} matches no generated item"))
        .collect();
    (source, warnings)
}

fn header(spec: &Spec, options: &Options) -> Vec<String> {
    let mut lines = vec![
        format!(
            "@generated by codes-codegen {} from {}: do not edit.",
            env!("CARGO_PKG_VERSION"),
            options.spec_name
        ),
        format!(
            "Source: {}, {}, {}.",
            spec.source.vendor, spec.source.product, spec.source.document
        ),
    ];
    for table in &spec.tables {
        for (language, page) in [("", &table.en), (" in Chinese", &table.zh)] {
            let Some(page) = page else { continue };
            let updated = page
                .updated
                .as_ref()
                .map_or(String::new(), |updated| format!(", updated {updated}"));
            lines.push(format!(
                "{}{language}: \"{}\", page {}{updated}.",
                table.name,
                page.caption.as_ref().unwrap_or(&page.title),
                page.page
            ));
        }
    }
    lines
}

/// Everything that can go wrong generating code from a spec file.
///
/// Its [`Display`](fmt::Display) is the whole message, the inner error's
/// included (for a spec, every diagnostic rendered rustc-style), so
/// [`source`](std::error::Error::source) is `None`: the inner error is the
/// variant's field.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The spec could not be read, or the generated file could not be
    /// written; displayed as `PATH: the I/O error`.
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
    /// The spec has mistakes; displayed as every diagnostic, one
    /// `path:line:col: message` line each.
    Spec(SpecError),
    /// A build-script setting is missing, such as `OUT_DIR`.
    Environment(String),
    /// A [`Config`] setting cannot be used, such as an attribute that is not
    /// one `#[…]`; displayed as what is wrong with it.
    Config(String),
}

impl From<SpecError> for Error {
    fn from(error: SpecError) -> Self {
        Error::Spec(error)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Spec(error) => write!(f, "{error}"),
            Error::Environment(message) | Error::Config(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

/// Generation from a build script: where the spec is, where the code goes,
/// and what to add to the generated types.
///
/// ```no_run
/// // build.rs
/// codes_codegen::Config::new()
///     .spec("codes.toml")
///     .out_file("codes.rs")
///     // Every enum whose variants are the vendor's codes gets EnumIter.
///     .code_enum_attribute("#[derive(strum::EnumIter)]")
///     .type_attribute("OperationType", "#[derive(schemars::JsonSchema)]")
///     .run_in_build_script();
/// ```
#[derive(Debug, Clone)]
pub struct Config {
    spec: PathBuf,
    spec_env: Option<String>,
    out_file: PathBuf,
    out_dir: Option<PathBuf>,
    emit_rerun_if_changed: bool,
    options: Options,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            spec: PathBuf::from("codes.toml"),
            spec_env: None,
            out_file: PathBuf::from("codes.rs"),
            out_dir: None,
            emit_rerun_if_changed: true,
            options: Options::default(),
        }
    }
}

impl Config {
    /// Reads `codes.toml` and writes `codes.rs` in `OUT_DIR`.
    pub fn new() -> Self {
        Config::default()
    }

    /// The spec file, relative to the package root in a build script.
    pub fn spec(mut self, path: impl Into<PathBuf>) -> Self {
        self.spec = path.into();
        self
    }

    /// An environment variable that, when set, names the spec file instead,
    /// so a crate can be built against a newer vendor table without a fork.
    pub fn spec_env(mut self, variable: impl Into<String>) -> Self {
        self.spec_env = Some(variable.into());
        self
    }

    /// The generated file; a relative path is taken inside the out dir.
    pub fn out_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.out_file = path.into();
        self
    }

    /// The directory a relative [`out_file`](Self::out_file) is written to,
    /// instead of `OUT_DIR`: for projects that check the generated code in.
    pub fn out_dir(mut self, path: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(path.into());
        self
    }

    /// Whether [`run`](Self::run) prints `cargo:rerun-if-changed` for the
    /// spec and `cargo:rerun-if-env-changed` for the
    /// [`spec_env`](Self::spec_env) variable (on by default). Off, Cargo
    /// reruns the build script whenever any file of the package changes,
    /// unless the script prints its own.
    pub fn emit_rerun_if_changed(mut self, emit: bool) -> Self {
        self.emit_rerun_if_changed = emit;
        self
    }

    /// The cargo feature gating the serde impls (`serde` by default); `None`
    /// leaves them out.
    pub fn serde_feature(mut self, feature: Option<&str>) -> Self {
        self.options.serde_feature = feature.map(str::to_string);
        self
    }

    /// Adds `attribute` (one `#[…]`, such as `#[derive(Foo)]`) to the
    /// generated type named `name` (a table's enum, `BusyReason`,
    /// `Operation`, …), or to every generated type for `*`.
    pub fn type_attribute(mut self, name: impl Into<String>, attribute: impl Into<String>) -> Self {
        let select = Select::Type(name.into());
        self.options.attributes.push((select, attribute.into()));
        self
    }

    /// Like [`type_attribute`](Self::type_attribute), enums only.
    pub fn enum_attribute(mut self, name: impl Into<String>, attribute: impl Into<String>) -> Self {
        let select = Select::Enum(name.into());
        self.options.attributes.push((select, attribute.into()));
        self
    }

    /// Adds `attribute` to every enum whose variants are exactly the
    /// vendor's codes (`#[repr(i32)]`, the codes as discriminants): the
    /// tables' enums, the reason enums whose reasons are all single codes,
    /// `NotApplicable`. Derives that need a fieldless enum
    /// (`strum::EnumIter`, `num_enum::TryFromPrimitive`, `sqlx::Type`) go
    /// here.
    pub fn code_enum_attribute(mut self, attribute: impl Into<String>) -> Self {
        self.options
            .attributes
            .push((Select::CodeEnums, attribute.into()));
        self
    }

    /// Adds `attribute` to one variant of a generated enum, selected as
    /// `Enum::Variant` (`OperationType::Busy`, `BusyReason::CallRejected`,
    /// `NotApplicable::UsNoUse`), or to every variant of the enum with
    /// `Enum::*`; like prost-build's `field_attribute`. Serde renames or
    /// `#[default]` go here.
    pub fn variant_attribute(
        mut self,
        selector: impl AsRef<str>,
        attribute: impl Into<String>,
    ) -> Self {
        let selector = selector.as_ref();
        let (enum_name, variant) = selector.split_once("::").unwrap_or((selector, "*"));
        self.options.attributes.push((
            Select::Variant {
                enum_name: enum_name.to_string(),
                variant: variant.to_string(),
            },
            attribute.into(),
        ));
        self
    }

    /// Whether the generated serde impls carry
    /// `#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]` (off by default).
    /// Turn it on only in a crate whose `lib.rs` has
    /// `#![cfg_attr(docsrs, feature(doc_cfg))]`: on stable rustdoc
    /// `doc(cfg)` is an error (E0658), and docs.rs passes `--cfg docsrs`.
    pub fn doc_cfg(mut self, on: bool) -> Self {
        self.options.doc_cfg = on;
        self
    }

    /// The names a decoded record's three columns serialize as, such as the
    /// bill's `op_type`, `op_object` and `op_cause` (`code`, `object` and
    /// `reason` by default).
    pub fn record_fields(mut self, code: &str, object: &str, reason: &str) -> Self {
        self.options.record_fields = [code, object, reason].map(String::from);
        self
    }

    /// Generates the file, printing `cargo:rerun-if-…` for everything read
    /// (unless turned off) and `cargo:rustc-check-cfg` for the serde
    /// feature, so a crate without that feature gets no `unexpected_cfgs`
    /// warning, and a `cargo:warning` for each attribute selector that
    /// matched nothing; returns the path written (or left unchanged).
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the spec cannot be read or the file cannot be
    /// written; [`Error::Spec`] when the spec has mistakes, in which case
    /// the file is left as it was; [`Error::Environment`] when the out file
    /// is relative and neither `out_dir` nor `OUT_DIR` is set;
    /// [`Error::Config`] when an attribute is not one `#[…]` on one line.
    pub fn run(&self) -> Result<PathBuf, Error> {
        for (_, attribute) in &self.options.attributes {
            check_attribute(attribute)?;
        }
        let spec_path = self.spec_path();
        for instruction in self.cargo_instructions(&spec_path) {
            println!("{instruction}");
        }
        let spec = load(&spec_path)?;
        let out_file = match (self.out_file.is_absolute(), &self.out_dir) {
            (true, _) => self.out_file.clone(),
            (false, Some(out_dir)) => out_dir.join(&self.out_file),
            (false, None) => {
                let out_dir = std::env::var_os("OUT_DIR").ok_or_else(|| {
                    Error::Environment(
                        "OUT_DIR is not set: run from a build script, or give an out_dir or an absolute out_file"
                            .into(),
                    )
                })?;
                Path::new(&out_dir).join(&self.out_file)
            }
        };
        let options = Options {
            serde_feature: self.options.serde_feature.clone(),
            attributes: self.options.attributes.clone(),
            doc_cfg: self.options.doc_cfg,
            record_fields: self.options.record_fields.clone(),
            ..Options::for_spec(&spec_path)
        };
        let (source, warnings) = generate_reporting(&spec, &options);
        for warning in warnings {
            println!("cargo:warning={warning}");
        }
        write_if_changed(&out_file, &source).map_err(|source| Error::Io {
            path: out_file.clone(),
            source,
        })?;
        Ok(out_file)
    }

    /// [`run`](Self::run) for `build.rs`: on failure, prints the diagnostics
    /// for Cargo and exits with status 1 instead of panicking.
    pub fn run_in_build_script(&self) {
        if let Err(error) = self.run() {
            match &error {
                Error::Spec(spec_error) => {
                    for line in spec_error.summary() {
                        println!("cargo::error={line}");
                    }
                    eprintln!("{spec_error}");
                    eprintln!(
                        "\nFor each mistake with its source line, run `codes check {}` (crate codes-cli).",
                        spec_error.path()
                    );
                }
                other => println!("cargo::error={other}"),
            }
            std::process::exit(1);
        }
    }

    /// What [`run`](Self::run) tells Cargo about the spec at `spec_path`.
    fn cargo_instructions(&self, spec_path: &Path) -> Vec<String> {
        let mut instructions = Vec::new();
        if self.emit_rerun_if_changed {
            if let Some(variable) = &self.spec_env {
                instructions.push(format!("cargo:rerun-if-env-changed={variable}"));
            }
            instructions.push(format!("cargo:rerun-if-changed={}", spec_path.display()));
        }
        if let Some(feature) = &self.options.serde_feature {
            instructions.push(format!(
                "cargo::rustc-check-cfg=cfg(feature, values({feature:?}))"
            ));
        }
        instructions
    }

    fn spec_path(&self) -> PathBuf {
        self.spec_env
            .as_ref()
            .and_then(std::env::var_os)
            .map_or_else(|| self.spec.clone(), PathBuf::from)
    }
}

/// An attribute must be one `#[…]` on one line, with balanced brackets: it
/// is written into the generated file as it is.
fn check_attribute(attribute: &str) -> Result<(), Error> {
    let bad = |why: &str| Err(Error::Config(format!("attribute {attribute:?} {why}")));
    let Some(inner) = attribute
        .strip_prefix("#[")
        .and_then(|rest| rest.strip_suffix(']'))
    else {
        return bad("is not of the form #[…]");
    };
    if attribute.contains(['\n', '\r']) {
        return bad("spans several lines");
    }
    let mut depth = 0i32;
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '[' | '(' | '{' => depth += 1,
            ']' | ')' | '}' => depth -= 1,
            // Brackets inside a string literal count for nothing.
            '"' => loop {
                match chars.next() {
                    Some('\\') => {
                        chars.next();
                    }
                    Some('"') => break,
                    Some(_) => {}
                    None => return bad("leaves a string literal open"),
                }
            },
            _ => {}
        }
        if depth < 0 {
            return bad("closes a bracket it did not open");
        }
    }
    match depth {
        0 => Ok(()),
        _ => bad("leaves a bracket open"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_passes_record_fields_and_doc_cfg_to_the_generator() {
        let spec = Spec::from_toml("codes.toml", include_str!("../../codes.toml")).unwrap();
        let config = Config::new()
            .record_fields("op_type", "op_object", "op_cause")
            .doc_cfg(true);
        let (source, warnings) = generate_reporting(&spec, &config.options);
        assert!(warnings.is_empty());
        assert!(source.contains("&[\"op_type\", \"op_object\", \"op_cause\"],"));
        assert!(source.contains("#[cfg_attr(docsrs, doc(cfg(feature = \"serde\")))]"));
        let (plain, _) = generate_reporting(&spec, &Config::new().options);
        assert!(plain.contains("&[\"code\", \"object\", \"reason\"],"));
        assert!(!plain.contains("doc(cfg"));
    }

    #[test]
    fn a_selector_that_matches_nothing_is_a_warning() {
        let spec = Spec::from_toml("codes.toml", include_str!("../../codes.toml")).unwrap();
        let config = Config::new()
            .variant_attribute("OperationType::Busy", "#[busy]")
            .variant_attribute("OperationType::Bussy", "#[typo]")
            .variant_attribute("Nothing::*", "#[nothing]")
            .type_attribute("Operatoin", "#[typo]")
            .enum_attribute("Operation", "#[a_struct]");
        let (source, warnings) = generate_reporting(&spec, &config.options);
        assert!(source.contains("    #[busy]\n    Busy = 3,"));
        assert_eq!(
            warnings,
            [
                "variant_attribute(\"OperationType::Bussy\") matches no generated item",
                "variant_attribute(\"Nothing::*\") matches no generated item",
                "type_attribute(\"Operatoin\") matches no generated item",
                "enum_attribute(\"Operation\") matches no generated item",
            ]
        );
    }

    #[test]
    fn cargo_hears_of_the_spec_its_variable_and_the_serde_feature() {
        let config = Config::new().spec("codes.toml").spec_env("SPEC");
        assert_eq!(
            config.cargo_instructions(Path::new("codes.toml")),
            [
                "cargo:rerun-if-env-changed=SPEC",
                "cargo:rerun-if-changed=codes.toml",
                "cargo::rustc-check-cfg=cfg(feature, values(\"serde\"))",
            ]
        );
        let quiet = config.emit_rerun_if_changed(false).serde_feature(None);
        assert!(quiet.cargo_instructions(Path::new("codes.toml")).is_empty());
    }

    #[test]
    fn attributes_are_one_balanced_attribute_on_one_line() {
        for good in [
            "#[derive(strum::EnumIter)]",
            "#[cfg_attr(feature = \"x\", derive(A, B))]",
            "#[doc = \"a ] b \\\" [\"]",
            "#[must_use]",
        ] {
            assert!(check_attribute(good).is_ok(), "{good}");
        }
        let message = |attribute: &str| check_attribute(attribute).unwrap_err().to_string();
        assert_eq!(
            message("derive(Foo)"),
            "attribute \"derive(Foo)\" is not of the form #[…]"
        );
        assert_eq!(
            message("#[derive(Foo)]\n#[x]"),
            "attribute \"#[derive(Foo)]\\n#[x]\" spans several lines"
        );
        assert_eq!(
            message("#[derive(Foo]"),
            "attribute \"#[derive(Foo]\" leaves a bracket open"
        );
        assert_eq!(
            message("#[x)] fn f() { (]"),
            "attribute \"#[x)] fn f() { (]\" closes a bracket it did not open"
        );
        assert_eq!(
            message("#[doc = \"]"),
            "attribute \"#[doc = \\\"]\" leaves a string literal open"
        );
    }
}
