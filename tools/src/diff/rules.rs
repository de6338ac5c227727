//! Every rule with its default level on each axis of impact, and what it
//! reports: the table behind `codes diff --list-rules` and the module docs.

use std::fmt;

use super::{ChangeKind, Impact};

/// A rule's default level on one axis: the same whatever the case, or
/// computed from the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultLevel {
    /// Always this impact.
    Fixed(Impact),
    /// Computed per change, as the words say.
    Computed(&'static str),
}

impl fmt::Display for DefaultLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DefaultLevel::Fixed(impact) => write!(f, "{impact}"),
            DefaultLevel::Computed(how) => write!(f, "computed: {how}"),
        }
    }
}

/// One rule: its ID, its default level on the Rust API and on data, and
/// what it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The rule.
    pub kind: ChangeKind,
    /// The default level on the generated Rust API (what a version bump
    /// follows).
    pub api: DefaultLevel,
    /// The default level on data: stored bills, SQL exports and JSON,
    /// which read codes, not Rust names.
    pub data: DefaultLevel,
    /// What the rule reports.
    pub description: &'static str,
}

impl Rule {
    /// The rule of `kind`.
    pub fn of(kind: ChangeKind) -> Rule {
        let (api, data, description) = table(kind);
        Rule {
            kind,
            api,
            data,
            description,
        }
    }

    /// Every rule, in the order of [`ChangeKind::ALL`].
    pub fn all() -> impl Iterator<Item = Rule> {
        ChangeKind::ALL.into_iter().map(Rule::of)
    }
}

/// The data impact of a change of `kind` whose API impact is `api`, where
/// the walk computes no data impact of its own: the fixed level, or for a
/// computed one the API impact (the code's meaning moved the same way).
pub(super) fn data_level(kind: ChangeKind, api: Impact) -> Impact {
    match table(kind).1 {
        DefaultLevel::Fixed(impact) => impact,
        DefaultLevel::Computed(_) => api,
    }
}

const BREAKING: DefaultLevel = DefaultLevel::Fixed(Impact::Breaking);
const MINOR: DefaultLevel = DefaultLevel::Fixed(Impact::Minor);
const PATCH: DefaultLevel = DefaultLevel::Fixed(Impact::Patch);
const COSMETIC: DefaultLevel = DefaultLevel::Fixed(Impact::Cosmetic);

const DECODES: &str = "breaking where a code decodes to another reason or to none, \
                       minor over unlisted codes only, else patch";

/// `(API, data, description)` of each rule.
fn table(kind: ChangeKind) -> (DefaultLevel, DefaultLevel, &'static str) {
    use ChangeKind::*;
    use DefaultLevel::Computed;
    match kind {
        TableAdded => (MINOR, MINOR, "A table is new."),
        TableRemoved => (BREAKING, BREAKING, "A table is gone."),
        TableRenamed => (
            BREAKING,
            BREAKING,
            "A table has a new name (same page and caption); the SQL tables and JSON keys are named after it.",
        ),
        TablesReordered => (PATCH, COSMETIC, "The tables are in another order."),
        MarkerAdded => (
            Computed("breaking over a code an open reason decoded, else minor"),
            Computed("as the API"),
            "A code now means \"not applicable\".",
        ),
        MarkerRemoved => (
            BREAKING,
            BREAKING,
            "A code no longer means \"not applicable\".",
        ),
        MarkerRenamed => (
            BREAKING,
            PATCH,
            "A \"not applicable\" marker has a new name (same code).",
        ),
        MarkerRenumbered => (
            BREAKING,
            BREAKING,
            "A \"not applicable\" marker has a new code (same name).",
        ),
        MarkerDescriptionChanged => (
            PATCH,
            PATCH,
            "A \"not applicable\" marker's description changed.",
        ),
        ProvenanceChanged => (
            PATCH,
            PATCH,
            "Where the table comes from changed: vendor, product, document, title, caption, page, date or column headers.",
        ),
        RecordAdded => (
            MINOR,
            MINOR,
            "A table has record names now: it decodes objects and reasons.",
        ),
        RecordRemoved => (
            BREAKING,
            BREAKING,
            "A table has no record names any more: its objects and reasons no longer decode.",
        ),
        RecordNameChanged => (BREAKING, PATCH, "The name of the decoded record changed."),
        ObjectNameChanged => (BREAKING, PATCH, "The name of the decoded object changed."),
        ReasonNameChanged => (BREAKING, PATCH, "The name of the decoded reason changed."),
        ObjectKindAdded => (MINOR, MINOR, "An object kind is new."),
        ObjectKindRemoved => (BREAKING, BREAKING, "An object kind is gone."),
        ObjectKindRenamed => (
            BREAKING,
            PATCH,
            "An object kind has a new name (same text).",
        ),
        ObjectKindTextChanged => (PATCH, PATCH, "An object kind's vendor text changed."),
        ObjectKindsReordered => (
            BREAKING,
            COSMETIC,
            "The object kinds are in another order (the kind enum derives Ord).",
        ),
        RowAdded => (MINOR, MINOR, "A row is new."),
        RowRemoved => (
            BREAKING,
            BREAKING,
            "A row is gone: its code no longer decodes.",
        ),
        RowRenamed => (BREAKING, PATCH, "A row has a new name (same code)."),
        RowRenumbered => (
            BREAKING,
            BREAKING,
            "A row has a new code (same name): stored codes mean something else.",
        ),
        RowDescriptionChanged => (PATCH, PATCH, "A row's description changed."),
        RowObjectAdded => (
            MINOR,
            MINOR,
            "A row names an object kind where it named none.",
        ),
        RowObjectRemoved => (BREAKING, BREAKING, "A row names no object kind any more."),
        RowObjectChanged => (BREAKING, BREAKING, "A row names another object kind."),
        RowsReordered => (PATCH, COSMETIC, "The rows are in another order."),
        NoteAdded => (PATCH, PATCH, "A row has a new note."),
        NoteRemoved => (PATCH, PATCH, "A note is gone."),
        NoteChanged => (PATCH, PATCH, "A note is worded differently."),
        NotesReordered => (PATCH, PATCH, "A row's notes are in another order."),
        ReasonAdded => (
            Computed(
                "breaking over codes that decoded otherwise (or any code, beside an open reason), else minor; minor on an added row or a table that decoded no reasons",
            ),
            Computed(DECODES),
            "A reason is new.",
        ),
        ReasonRemoved => (BREAKING, BREAKING, "A reason is gone."),
        ReasonRenamed => (BREAKING, PATCH, "A reason has a new name (same codes)."),
        ReasonRenumbered => (
            Computed("breaking (its old code no longer decodes to it)"),
            Computed(DECODES),
            "A single-code reason has another code.",
        ),
        ReasonCodesWidened => (
            Computed(
                "breaking over codes that decoded otherwise or when the variant gains or loses its code field, minor over unlisted codes only, patch when every code decodes as before",
            ),
            Computed(DECODES),
            "A reason lists more codes, including all it listed.",
        ),
        ReasonCodesNarrowed => (
            Computed("breaking, or patch when every code decodes as before"),
            Computed(DECODES),
            "A reason lists fewer codes, all of which it listed.",
        ),
        ReasonCodesMoved => (
            Computed("as reason_codes_widened"),
            Computed(DECODES),
            "A reason lists other codes, neither more nor fewer.",
        ),
        ReasonDefaultChanged => (
            Computed("patch (every code decodes as before)"),
            PATCH,
            "An open reason's default code changed.",
        ),
        ReasonDescriptionChanged => (
            PATCH,
            PATCH,
            "A reason's description changed, appeared or vanished.",
        ),
        ReasonsReordered => (PATCH, COSMETIC, "A row's reasons are in another order."),
        TranslationAdded => (PATCH, PATCH, "A Chinese text appeared."),
        TranslationRemoved => (PATCH, PATCH, "A Chinese text is gone."),
        TranslationChanged => (
            Computed(
                "cosmetic where the texts differ only in the width of their punctuation, else patch",
            ),
            Computed("as the API"),
            "A Chinese text changed.",
        ),
        TranslationToReview => (
            COSMETIC,
            COSMETIC,
            "A Chinese text stayed while its English text was reworded: made against the old English, it is to review.",
        ),
        ConstantChanged => (
            Computed(
                "breaking where a constant changes or vanishes, minor where the table gains its constants",
            ),
            PATCH,
            "A row's vendor constant name changed, appeared or vanished.",
        ),
        RowRemovedReserved => (
            BREAKING,
            BREAKING,
            "A row is gone, and its code reserved so that no row takes it again.",
        ),
        ReservedAdded => (PATCH, PATCH, "A code is reserved that no row held."),
        ReservedRemoved => (
            PATCH,
            BREAKING,
            "A reservation is lifted: the freed code can come back with another meaning.",
        ),
    }
}

/// The rules for a terminal: `ID  API  DATA  description`, a line each.
pub(super) fn text() -> String {
    let mut out = String::new();
    for rule in Rule::all() {
        let level = |level: DefaultLevel| match level {
            DefaultLevel::Fixed(impact) => impact.as_str(),
            DefaultLevel::Computed(_) => "computed",
        };
        out.push_str(&format!(
            "{:<27} api: {:<9} data: {:<9} {}\n",
            rule.kind.as_str(),
            level(rule.api),
            level(rule.data),
            rule.description
        ));
    }
    out
}

/// The rules for programs: a JSON array of `{"id", "reported_as", "api",
/// "data", "description"}`, each level `{"default": LEVEL}` or
/// `{"computed": HOW}`.
pub(super) fn json() -> String {
    use serde::Serialize;
    #[derive(Serialize)]
    struct Rules {
        format_version: u32,
        rules: Vec<RuleJson>,
    }
    #[derive(Serialize)]
    struct RuleJson {
        id: &'static str,
        reported_as: String,
        api: LevelJson,
        data: LevelJson,
        description: &'static str,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "lowercase")]
    enum LevelJson {
        Default(Impact),
        Computed(&'static str),
    }
    let level = |level: DefaultLevel| match level {
        DefaultLevel::Fixed(impact) => LevelJson::Default(impact),
        DefaultLevel::Computed(how) => LevelJson::Computed(how),
    };
    let rules = Rules {
        format_version: super::JSON_FORMAT_VERSION,
        rules: Rule::all()
            .map(|rule| RuleJson {
                id: rule.kind.as_str(),
                reported_as: rule.kind.to_string(),
                api: level(rule.api),
                data: level(rule.data),
                description: rule.description,
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&rules).expect("the rules serialize");
    out.push('\n');
    out
}
