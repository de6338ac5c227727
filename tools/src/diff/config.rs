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
    levels: Vec<(ChangeKind, Levels)>,
    acceptances: Vec<Acceptance>,
    release_tags: Option<String>,
}

/// The levels a configuration sets for a rule, on each axis it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Levels {
    api: Option<Impact>,
    data: Option<Impact>,
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
    /// The file of the acceptance, as given to [`DiffConfig::parse`].
    pub file: String,
    /// The 1-based line of its entry.
    pub line: usize,
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
    rules: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    accept: Vec<Spanned<RawAcceptance>>,
    release: Option<RawRelease>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelease {
    tags: Spanned<String>,
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
                .map_err(|_| error(name.span(), unknown_rule(name.get_ref())))
        };
        let mut config = DiffConfig::default();
        for (name, value) in &raw.rules {
            let kind = rule(name)?;
            let levels = levels(value.get_ref()).map_err(|message| error(value.span(), message))?;
            config.levels.push((kind, levels));
        }
        if let Some(release) = &raw.release {
            if release.tags.get_ref().trim().is_empty() {
                let message = "the release tags are a glob such as \"v*\"".to_string();
                return Err(error(release.tags.span(), message));
            }
            config.release_tags = Some(release.tags.get_ref().clone());
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
                file: file.to_string(),
                line,
            });
        }
        Ok(config)
    }

    /// The API level the configuration gives `rule`, if it sets one.
    pub fn level(&self, rule: ChangeKind) -> Option<Impact> {
        self.levels_of(rule).and_then(|levels| levels.api)
    }

    /// The data level the configuration gives `rule`, if it sets one.
    pub fn data_level(&self, rule: ChangeKind) -> Option<Impact> {
        self.levels_of(rule).and_then(|levels| levels.data)
    }

    fn levels_of(&self, rule: ChangeKind) -> Option<Levels> {
        self.levels
            .iter()
            .find(|(kind, _)| *kind == rule)
            .map(|(_, levels)| *levels)
    }

    /// The glob of the tags that mark releases (`[release] tags`), if the
    /// configuration sets one: where the version check finds the last
    /// release.
    pub fn release_tags(&self) -> Option<&str> {
        self.release_tags.as_deref()
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

/// `unknown rule "row_remved"`, with the nearest rule ID when one is
/// close: `; did you mean "row_removed"?`.
fn unknown_rule(name: &str) -> String {
    let nearest = ChangeKind::ALL
        .iter()
        .map(|kind| (strsim::jaro_winkler(name, kind.as_str()), kind.as_str()))
        .filter(|(similarity, _)| *similarity > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match nearest {
        Some((_, rule)) => format!("unknown rule {name:?}; did you mean {rule:?}?"),
        None => format!("unknown rule {name:?}: see `codes diff --list-rules`"),
    }
}

/// The levels of a rule as the file writes them: a level for the API
/// (`"patch"`), or a table of a level per axis (`{ api = "breaking",
/// data = "patch" }`).
fn levels(value: &toml::Value) -> Result<Levels, String> {
    let level = |value: &toml::Value| match value.as_str() {
        Some(text) => text.parse::<Impact>().map_err(|_| {
            format!("unknown level {text:?}: expected breaking, minor, patch or cosmetic")
        }),
        None => Err(
            "a level is breaking, minor, patch or cosmetic, as a string, \
             or a table of one per axis: { api = \"…\", data = \"…\" }"
                .to_string(),
        ),
    };
    match value {
        toml::Value::Table(table) => {
            let mut levels = Levels::default();
            for (axis, value) in table {
                match axis.as_str() {
                    "api" => levels.api = Some(level(value)?),
                    "data" => levels.data = Some(level(value)?),
                    other => {
                        return Err(format!("unknown axis {other:?}: expected `api` or `data`"));
                    }
                }
            }
            Ok(levels)
        }
        value => Ok(Levels {
            api: Some(level(value)?),
            data: None,
        }),
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
