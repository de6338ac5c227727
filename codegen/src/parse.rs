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

/// Parses spec text; a TOML or shape error becomes one diagnostic at its span,
/// in TOML's words (table, array, key) rather than serde's.
pub fn parse(text: &str) -> Result<RawSpec, Diagnostic> {
    toml::from_str(text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        let mut message = toml_words(error.message().trim_end());
        // Every integer of the schema is a code: say what fits.
        if message.starts_with("invalid value: integer") && message.ends_with("expected an integer")
        {
            let value = text.get(span.clone()).unwrap_or_default();
            return Diagnostic::new(
                format!("integer {value} is out of range"),
                span,
                format!("expected a code from {} to {}", i32::MIN, i32::MAX),
            );
        }
        if message == "duplicate key"
            && let Some(key) = text.get(span.clone())
        {
            message = format!("duplicate key `{key}`");
        }
        let label = match message.rsplit_once(", expected ") {
            _ if message.starts_with("unknown key") => "not a key of this table".to_string(),
            _ if message.starts_with("duplicate key") => "already set above".to_string(),
            Some((_, expected)) => format!("expected {expected}"),
            None => "here".to_string(),
        };
        Diagnostic::new(message, span, label)
    })
}

/// serde's vocabulary in TOML's terms.
fn toml_words(message: &str) -> String {
    [
        ("unknown field", "unknown key"),
        ("invalid type: map", "invalid type: table"),
        ("invalid type: sequence", "invalid type: array"),
        ("floating point", "float"),
        ("expected i64", "expected an integer"),
        ("expected a sequence", "expected an array"),
    ]
    .into_iter()
    .fold(message.to_string(), |message, (serde, toml)| {
        message.replace(serde, toml)
    })
}
