//! Proposed Rust names: UpperCamelCase from the first significant words of
//! the vendor's text, valid by [`ident::check`], unique in their namespace.

use std::collections::BTreeSet;

use codes_codegen::ident;
use codes_codegen::model::ReasonCodes;

/// How many significant words a proposed name takes.
const WORDS: usize = 4;

/// Words that rarely tell one row from another.
const INSIGNIFICANT: &[&str] = &[
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "by",
    "do",
    "does",
    "for",
    "from",
    "indicate",
    "indicates",
    "is",
    "it",
    "its",
    "of",
    "or",
    "so",
    "that",
    "the",
    "these",
    "this",
    "those",
    "to",
    "was",
    "were",
    "which",
    "who",
    "with",
];

/// Names already used, compared the way the validator compares them (case
/// folded).
#[derive(Debug, Clone, Default)]
pub(super) struct Namespace {
    taken: BTreeSet<String>,
}

impl Namespace {
    pub fn with(names: impl IntoIterator<Item = impl AsRef<str>>) -> Self {
        let mut namespace = Namespace::default();
        for name in names {
            namespace.take(name.as_ref());
        }
        namespace
    }

    pub fn take(&mut self, name: &str) {
        self.taken.insert(ident::folded(name));
    }

    pub fn is_free(&self, name: &str) -> bool {
        !self.taken.contains(&ident::folded(name))
    }
}

/// A valid name from `text` (or `fallback` when the text gives none), made
/// unique by a number suffix until `free` accepts it.
pub(super) fn propose(
    text: Option<&str>,
    fallback: &str,
    prefix: &str,
    free: impl Fn(&str) -> bool,
) -> String {
    let base = text
        .and_then(|text| from_words(text, prefix))
        .filter(|name| ident::check(name).is_ok())
        .unwrap_or_else(|| fallback.to_string());
    if free(&base) {
        return base;
    }
    (2u64..)
        .map(|n| format!("{base}{n}"))
        .find(|name| free(name))
        .expect("a namespace is finite")
}

/// The name of a row without usable words: `Code58`, `CodeMinus1`.
pub(super) fn code_name(code: i32) -> String {
    format!("Code{}", number(i64::from(code)))
}

/// The name of a reason without usable words: `Code0`, `Codes1To255`.
pub(super) fn reason_name(codes: ReasonCodes) -> String {
    match codes {
        ReasonCodes::Single(code) => code_name(code),
        ReasonCodes::Range { start, end } => format!(
            "Codes{}To{}",
            number(i64::from(start)),
            number(i64::from(end))
        ),
        ReasonCodes::Open { .. } => "AnyCode".to_string(),
    }
}

fn number(value: i64) -> String {
    match value < 0 {
        true => format!("Minus{}", value.unsigned_abs()),
        false => value.to_string(),
    }
}

/// UpperCamelCase of the first significant words (words with non-ASCII
/// letters are skipped), `prefix` first when the result would start with a
/// digit; `None` when there are no words.
fn from_words(text: &str, prefix: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && word.is_ascii())
        .collect();
    let significant: Vec<&str> = words
        .iter()
        .copied()
        .filter(|word| !INSIGNIFICANT.contains(&word.to_ascii_lowercase().as_str()))
        .collect();
    let chosen = match significant.is_empty() {
        true => words,
        false => significant,
    };
    let name: String = chosen
        .iter()
        .take(WORDS)
        .map(|word| capitalized(word))
        .collect();
    match name.chars().next() {
        None => None,
        Some(first) if first.is_ascii_digit() => Some(format!("{prefix}{name}")),
        Some(_) => Some(name),
    }
}

fn capitalized(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> String {
        propose(Some(text), "Fallback", "Code", |_| true)
    }

    #[test]
    fn names_come_from_the_first_significant_words() {
        assert_eq!(name("Employee ID."), "EmployeeId");
        assert_eq!(name("Indicates that an agent indicates busy."), "AgentBusy");
        assert_eq!(name("The agent signs out of CCS."), "AgentSignsOutCcs");
        assert_eq!(name("Listening/Insert/Whisper"), "ListeningInsertWhisper");
        assert_eq!(name("Three-party conversation."), "ThreePartyConversation");
        assert_eq!(name("the"), "The");
        assert_eq!(name("3-way call"), "Code3WayCall");
    }

    #[test]
    fn text_without_usable_words_falls_back() {
        assert_eq!(name("—"), "Fallback");
        assert_eq!(name("座席签出"), "Fallback");
        assert_eq!(name("Café au lait"), "AuLait");
        assert_eq!(name("self"), "Fallback");
        assert_eq!(code_name(-1), "CodeMinus1");
        assert_eq!(
            reason_name(ReasonCodes::Range { start: 1, end: 255 }),
            "Codes1To255"
        );
        assert_eq!(reason_name(ReasonCodes::Single(0)), "Code0");
    }

    #[test]
    fn taken_names_get_a_number() {
        let namespace = Namespace::with(["Idle", "IDLE2"]);
        assert_eq!(
            propose(Some("Idle."), "X", "Code", |n| namespace.is_free(n)),
            "Idle3"
        );
    }
}
