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

/// The words of a constant name without the prefix the table's constants
/// share, for [`propose`]: `AGENT_TYPE_PC_PHONE` → `PC PHONE`.
pub(super) fn from_constant(constant: &str, prefix: &str) -> String {
    constant
        .strip_prefix(prefix)
        .filter(|rest| !rest.is_empty())
        .unwrap_or(constant)
        .replace('_', " ")
}

/// The longest prefix ending with `_` that every one of `constants` starts
/// with and none is only: `AGENT_TYPE_` for `AGENT_TYPE_EXTENSION` and
/// `AGENT_TYPE_NET`; empty for fewer than two constants.
pub(super) fn constant_prefix<'a>(constants: impl IntoIterator<Item = &'a str>) -> String {
    let constants: Vec<&str> = constants.into_iter().collect();
    let [first, rest @ ..] = constants.as_slice() else {
        return String::new();
    };
    if rest.is_empty() {
        return String::new();
    }
    let mut prefix_len = 0;
    for (at, _) in first.match_indices('_') {
        let prefix = &first[..=at];
        if constants
            .iter()
            .all(|constant| constant.len() > prefix.len() && constant.starts_with(prefix))
        {
            prefix_len = at + 1;
        }
    }
    first[..prefix_len].to_owned()
}

/// A caption without its table number: `Table 1 Agent type.` → `Agent
/// type.`, `表1 座席类型` → `座席类型`.
pub(super) fn without_table_number(caption: &str) -> &str {
    let rest = caption
        .strip_prefix("Table ")
        .or_else(|| caption.strip_prefix('表'))
        .unwrap_or(caption)
        .trim_start();
    rest.trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start()
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
    fn names_from_constants_leave_out_the_shared_prefix() {
        let constants = [
            "AGENT_TYPE_EXTENSION",
            "AGENT_TYPE_PC_PHONE",
            "AGENT_TYPE_1B1D",
        ];
        let prefix = constant_prefix(constants);
        assert_eq!(prefix, "AGENT_TYPE_");
        let names: Vec<String> = constants
            .iter()
            .map(|constant| name(&from_constant(constant, &prefix)))
            .collect();
        assert_eq!(names, ["Extension", "PcPhone", "Code1b1d"]);
        assert_eq!(constant_prefix(["AGENT_TYPE"]), "");
        assert_eq!(constant_prefix(["A_B", "A_B_C"]), "A_");
        assert_eq!(constant_prefix(["A_B", "B_C"]), "");
        assert_eq!(constant_prefix(["A_B", "A_C"]), "A_");
        assert_eq!(from_constant("A_", "A_"), "A ");
    }

    #[test]
    fn captions_lose_their_table_number() {
        assert_eq!(without_table_number("Table 1 Agent type."), "Agent type.");
        assert_eq!(without_table_number("表1 座席类型"), "座席类型");
        assert_eq!(without_table_number("表 12 座席"), "座席");
        assert_eq!(without_table_number("Media Type"), "Media Type");
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
