//! Stage 1: TOML text to the raw spec, every value keeping its byte span.
//!
//! Nothing is checked here beyond TOML syntax, value types and unknown keys;
//! optional fields stay optional so that validation can report every missing
//! one at once instead of stopping at the first.

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Diagnostic;

/// A spec as written, before validation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpec {
    pub source: Option<Spanned<RawSource>>,
    #[serde(default)]
    pub table: Vec<Spanned<RawTable>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub vendor: Option<Spanned<String>>,
    pub product: Option<Spanned<String>>,
    pub document: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTable {
    pub name: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub caption: Option<Spanned<String>>,
    pub page: Option<Spanned<String>>,
    pub updated: Option<Spanned<String>>,
    pub columns: Option<Spanned<Vec<Spanned<String>>>>,
    pub record: Option<Spanned<String>>,
    pub object: Option<Spanned<String>>,
    pub reason: Option<Spanned<String>>,
    #[serde(default)]
    pub object_kind: Vec<Spanned<RawObjectKind>>,
    #[serde(default)]
    pub row: Vec<Spanned<RawRow>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawObjectKind {
    pub name: Option<Spanned<String>>,
    pub text: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRow {
    pub code: Option<Spanned<i64>>,
    pub name: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub object: Option<Spanned<String>>,
    #[serde(default)]
    pub notes: Vec<Spanned<String>>,
    #[serde(default)]
    pub reason: Vec<Spanned<RawReason>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReason {
    pub code: Option<Spanned<i64>>,
    pub range: Option<Spanned<Vec<Spanned<i64>>>>,
    pub open: Option<Spanned<bool>>,
    pub default: Option<Spanned<i64>>,
    pub name: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
}

/// Parses spec text; a TOML or shape error becomes one diagnostic at its span.
pub fn parse(text: &str) -> Result<RawSpec, Diagnostic> {
    toml::from_str(text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        Diagnostic::new(error.message().trim_end(), span, "here")
    })
}
