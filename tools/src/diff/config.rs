//! The diff configuration beside a spec: rule levels and accepted changes.
//! The format is in the [module docs](super#configuration).

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::{ChangeKind, Impact};

/// The name `codes diff` looks for beside the new spec.
pub const CONFIG_FILE: &str = "codes-diff.toml";

/// A diff configuration: a level per rule it names, and the changes it
/// accepts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DiffConfig {
    levels: Vec<(ChangeKind, Impact)>,
    acceptances: Vec<Acceptance>,
}

/// One accepted change: its rule and path, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    /// The rule of the change.
    pub rule: ChangeKind,
    /// The path of the change, exactly as the reports print it.
    pub path: String,
    /// Why the change is accepted.
    pub reason: String,
    /// Where the acceptance is written: `file:line:col` of its entry.
    pub place: String,
}

/// A configuration that cannot be used, at the place of the mistake:
/// `codes-diff.toml:3:15: unknown rule "row_remved"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file, as given to [`DiffConfig::parse`].
    pub file: String,
    /// The 1-based line of the mistake.
    pub line: usize,
    /// The 1-based column of the mistake, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ConfigError {}

/// The file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Level>,
    #[serde(default)]
    accept: Vec<Spanned<RawAcceptance>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAcceptance {
    rule: Spanned<String>,
    path: Spanned<String>,
    reason: Spanned<String>,
}

impl DiffConfig {
    /// Reads a configuration from TOML `text`, naming it `file` in errors.
    ///
    /// # Errors
    ///
    /// A [`ConfigError`] at the first mistake: TOML syntax, an unknown key,
    /// a level other than `breaking`, `minor`, `patch` or `cosmetic`, an
    /// unknown rule ID, or an acceptance with an empty path or reason.
    pub fn parse(file: &str, text: &str) -> Result<DiffConfig, ConfigError> {
        let error = |span: Range<usize>, message: String| {
            let (line, column) = line_column(text, span.start);
            ConfigError {
                file: file.to_string(),
                line,
                column,
                message,
            }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|mistake| {
            let message = mistake.message().trim_end().to_string();
            error(mistake.span().unwrap_or(0..0), message)
        })?;
        let rule = |name: &Spanned<String>| {
            name.get_ref()
                .parse::<ChangeKind>()
                .map_err(|_| error(name.span(), format!("unknown rule {:?}", name.get_ref())))
        };
        let mut config = DiffConfig::default();
        for (name, level) in &raw.rules {
            config.levels.push((rule(name)?, level.0));
        }
        for entry in &raw.accept {
            let acceptance = entry.get_ref();
            for (field, value) in [("path", &acceptance.path), ("reason", &acceptance.reason)] {
                if value.get_ref().trim().is_empty() {
                    let message = match field {
                        "path" => "an accepted change needs the path the report prints",
                        _ => "an accepted change needs a reason: say why it is accepted",
                    };
                    return Err(error(value.span(), message.to_string()));
                }
            }
            let (line, column) = line_column(text, entry.span().start);
            config.acceptances.push(Acceptance {
                rule: rule(&acceptance.rule)?,
                path: acceptance.path.get_ref().clone(),
                reason: acceptance.reason.get_ref().clone(),
                place: format!("{file}:{line}:{column}"),
            });
        }
        Ok(config)
    }

    /// The level the configuration gives `rule`, if it names it.
    pub fn level(&self, rule: ChangeKind) -> Option<Impact> {
        self.levels
            .iter()
            .find(|(kind, _)| *kind == rule)
            .map(|(_, level)| *level)
    }

    /// The accepted changes, in the order of the file.
    pub fn acceptances(&self) -> &[Acceptance] {
        &self.acceptances
    }
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
pub(super) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let line = before.matches('\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// A level as the file writes it.
struct Level(Impact);

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map(Level).map_err(|_| {
            serde::de::Error::custom(format!(
                "unknown level {text:?}: expected breaking, minor, patch or cosmetic"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::line_column;

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_column("a\nbé = 1", 5), (2, 3));
        assert_eq!(line_column("x", 0), (1, 1));
        assert_eq!(line_column("x\n", 2), (2, 1));
    }
}
