//! What a spec revision changed, and what that means for the semver of the
//! generated API.
//!
//! [`diff`] compares two validated specs and lists every change, each with
//! the [`Impact`] it has on two [axes](Axis): the Rust API that
//! `codes-codegen` generates from the spec (what the crate's version
//! follows), and data (stored bills, SQL exports, JSON), which reads codes,
//! not Rust names. A renamed row breaks the API and no data; a renumbered
//! one breaks both. The impact of the whole is the largest of them, per
//! axis. Every change
//! falls under a [rule](#rules), which a [configuration](#configuration)
//! file can give another level, and whose changes it can accept one by one.
//! The list renders for a terminal ([`SpecDiff::to_text`]), a pull request
//! ([`SpecDiff::to_markdown`]), a CHANGELOG entry
//! ([`SpecDiff::to_changelog`]; [`initial`] for a first release), programs
//! ([`SpecDiff::to_json`]) and CI ([`SpecDiff::to_github_actions`],
//! [`SpecDiff::to_junit`]); [`VersionCheck`] tells whether a crate's version
//! bump is big enough for it.
//!
//! ```
//! use codes_codegen::Spec;
//! use codes_tools::diff::{Impact, diff};
//!
//! let spec = |description: &str| {
//!     let text = format!(
//!         "[source]\nvendor = \"V\"\nproduct = \"P\"\ndocument = \"D\"\n\n\
//!          [[table]]\nname = \"OperationType\"\ntitle = \"T\"\ncaption = \"Table 1\"\n\
//!          page = \"p\"\nupdated = \"2023-09-27\"\ncolumns = [\"Code\", \"Description\"]\n\n\
//!          [[table.row]]\ncode = 0\nname = \"SignOut\"\ndescription = \"{description}\"\n"
//!     );
//!     Spec::from_toml("codes.toml", &text).unwrap()
//! };
//! let old = spec("The agent signs out of CCS.");
//! let new = spec("The agent logs out of the CCS.");
//!
//! let changes = diff(&old, &new);
//! assert_eq!(changes.impact(), Some(Impact::Patch));
//! assert_eq!(changes.changes()[0].rule(), "row_description_changed");
//! assert_eq!(
//!     changes.to_text(),
//!     "OperationType\n  \
//!        api:patch    data:patch     OperationType/row 0: row description changed: \
//!        \"The agent signs out of CCS.\" -> \"The agent logs out of the CCS.\"\n\
//!      api impact: patch (0 breaking, 0 minor, 1 patch, 0 cosmetic)\n\
//!      data impact: patch (0 breaking, 0 minor, 1 patch, 0 cosmetic)\n"
//! );
//! // `--fail-on minor`: fail when the impact of the changes not accepted
//! // is minor or more.
//! assert!(changes.unaccepted_impact() < Some(Impact::Minor));
//! assert_eq!(diff(&old, &old).impact(), None);
//! ```
//!
//! # What is compared
//!
//! Items are paired before they are compared, so that a rename reads as a
//! rename and not as a removal plus an addition:
//!
//! - "not applicable" markers by name, then by code;
//! - tables by name, then by page and caption together (a renamed table);
//! - object kinds by name, then by text (a renamed kind);
//! - rows by name and code, then by name (a renumbered row), then by code (a
//!   renamed row);
//! - a row's reasons by name and codes, then by name (codes changed), then by
//!   codes (a renamed reason);
//! - notes by text, then the rest by position (a reworded note).
//!
//! An item renamed and renumbered at once pairs with nothing: it is removed
//! and another added. Every difference between the specs is reported, so the
//! diff is empty exactly when the specs are equal.
//!
//! Paths name items as the old spec does (`OperationType/row 3/reason
//! 200-250`, `not_applicable/UsNoUse`): a row by its code, a reason by its codes (`any` for an open
//! reason), an object kind and a table by name, a note by its 1-based
//! position. An added item is named as the new spec does. Changes come in
//! spec order: the source, the markers, then each old table (its provenance, names,
//! object kinds, then rows in vendor order; within a row its names,
//! description, object, notes, then reasons), then added tables. Added items
//! follow the old ones of their list, and a reordering comes last.
//!
//! # Impact rules
//!
//! The impact is the part of the version a release must bump for the
//! generated API, after the [Cargo SemVer rules]. The generated code makes
//! these promises, on which the rules rest:
//!
//! - every enum that grows with the vendor's table (the code enum, each
//!   `{Row}Reason`, `Reason`, the object kind enum and `Object`) is
//!   `#[non_exhaustive]`, so adding a variant is minor;
//! - a variant's discriminant is its vendor code, and `code()`,
//!   `from_code()`, `TryFrom<i32>`, serde (vendor numbers) and `decode` are
//!   API: what a number decodes to is behaviour callers match on;
//! - `Code::Unknown`, `Reason::Unlisted` and `Object::Other` are the catch-alls
//!   for what the table does not list. A value moving from a catch-all to a new
//!   variant is how a non-exhaustive enum grows: it is what adding a row
//!   does. A value moving away from a listed variant breaks every match arm
//!   written for it;
//! - names are identifiers (types, variants) and strings (`name()`,
//!   `from_name()`, `FromStr`);
//! - vendor text (descriptions, notes, object kind text, provenance) reaches
//!   callers only as returned data, `Display` output and documentation.
//!
//! | Change | Impact | Why |
//! |---|---|---|
//! | table, row, reason, object kind or "not applicable" marker removed | breaking | a type or variant disappears |
//! | marker renamed or renumbered | breaking | a `NotApplicable` variant's identifier or code changes |
//! | marker added over a code some row's open reason decoded | breaking | that code decoded to the open reason's variant and now to `NotApplicable` |
//! | marker added otherwise | minor | codes move from `Reason::Unlisted` and `Object::Other` to a new `NotApplicable` variant |
//! | table, row, reason or object kind renamed | breaking | the identifier and its `name()` change |
//! | `record`, `object` or `reason` name changed, record removed | breaking | the record types are renamed or gone (`object` also names the kind enum, `reason` every `{Row}Reason`) |
//! | row renumbered | breaking | the discriminant, `code()`, `from_code()` and the serde number change |
//! | reason codes renumbered, narrowed or moved off codes that decoded to it | breaking | those codes no longer decode to the variant |
//! | reason added, or its codes widened, over codes that decoded otherwise | breaking | a code that decoded to another reason, or to `NotApplicable`, now decodes to this one |
//! | a reason's single code becomes a range or open, or the reverse | breaking | the variant gains or loses its `i32` field: patterns and constructors break |
//! | row object kind changed or removed | breaking | `Object::decode` returns another variant for the same text |
//! | object kinds reordered | breaking | the kind enum derives `Ord` in declaration order |
//! | table, row or object kind added; record added | minor | new types and variants of non-exhaustive enums |
//! | reason added, or its codes widened or moved, over unlisted codes only | minor | codes move from `Reason::Unlisted` to a new variant |
//! | object kind added on a row that had none | minor | objects move from `Object::Other` to a variant |
//! | description, note, object kind text, marker description or provenance changed | patch | text only: data, `Display` and docs |
//! | a text changed only in the width of its punctuation (`：` for `:`, NFKC-equal) | cosmetic | the same text to a reader; no release needed |
//! | Chinese text added, changed or removed | patch | `*_in(Lang::Zh)` data and docs only |
//! | row removed with its code reserved (`[[table.reserved]]`) | breaking (its own rule, `row_removed_reserved`) | the variant disappears, but the code can never mean something else: a CI config can treat it apart from a plain removal |
//! | vendor constant changed or removed | breaking | `from_constant` no longer finds the old name |
//! | reason codes changed with every code decoding as before; open default changed | patch | `reasons()` data and docs only |
//! | tables, rows, reasons or notes reordered | patch | vendor order is data (`ALL`, `reasons()`, `notes()`); the code enum orders by vendor code |
//!
//! Edge cases, and why they fall where they do:
//!
//! - Adding a row grows `ALL: [Self; N]`, changing the type of a public
//!   constant. That is minor all the same: `ALL` is documented as every
//!   variant, and code that relies on its length relies on the variant
//!   count, which `#[non_exhaustive]` already disclaims.
//! - A reason is judged by what each code decodes to, not by its bounds,
//!   and a code that decodes differently is charged to the reason whose own
//!   listing changed. A single code added inside a range of its row is
//!   breaking (the code decoded to the range's variant), and the range,
//!   unchanged, is not reported; so is any reason added to a row with an
//!   open reason (the rest cause took every code). A range narrowed only by
//!   codes its row lists on their own (`0-255` to `1-255` beside `0`)
//!   decodes exactly as before: patch.
//! - A range that grows over `-1` or `65535` is breaking: those decoded to
//!   `NotApplicable`.
//! - The reasons of an added row, or of a table that had no record, are
//!   minor whatever their codes: nothing decoded them before. An added row
//!   lists its reasons; a removed row is one change, its reasons go with it.
//! - A renamed row also renames its `{Row}Reason` enum and `Reason` variant;
//!   a renamed object kind is reported once, not again on every row naming
//!   it.
//! - A reason description appearing or vanishing changes `description()`
//!   from `None` to `Some` or back: text, so patch.
//! - Adding an object kind anywhere is minor even though the implicit
//!   discriminants of later kinds shift: they are not documented, and the
//!   derived order of the existing kinds is kept.
//!
//! # Rules
//!
//! Every change falls under one rule, its [`ChangeKind`]; the rule ID is the
//! kind's `snake_case` name ([`ChangeKind::as_str`]), which the JSON report,
//! the annotations and the configuration use. Rule IDs are stable: a rule is
//! never renamed, and one that is no longer reported keeps its ID reserved.
//!
//! A rule's default level on the API is the impact the rules above
//! compute. For most rules that is always the same; where it depends on the
//! case, the table says "computed" and what it depends on. Its level on
//! data says what a stored code means afterwards: breaking where a code
//! means something else or nothing (a row or reason removed or renumbered,
//! codes moved between reasons, a reservation lifted, since a freed code
//! can come back with another meaning, as buf treats a deleted
//! reservation), minor where codes that were unlisted now decode, patch
//! where only exported text changes (names, descriptions, notes), cosmetic
//! where nothing exported changes (an order). A
//! [configuration](#configuration) replaces a rule's level on either axis
//! whatever the case. `codes diff --list-rules [--format json]` prints this
//! table ([`rules_text`], [`rules_json`]).
//!
//! | Rule ID | Reported as | API | Data |
//! |---|---|---|---|
//! | `table_added` | table added | minor | minor |
//! | `table_removed` | table removed | breaking | breaking |
//! | `table_renamed` | table renamed | breaking | breaking |
//! | `tables_reordered` | tables reordered | patch | cosmetic |
//! | `marker_added` | not-applicable marker added | computed: breaking over a code an open reason decoded, else minor | computed: as the API |
//! | `marker_removed` | not-applicable marker removed | breaking | breaking |
//! | `marker_renamed` | not-applicable marker renamed | breaking | patch |
//! | `marker_renumbered` | not-applicable marker renumbered | breaking | breaking |
//! | `marker_description_changed` | not-applicable marker description changed | patch | patch |
//! | `provenance_changed` | provenance changed | patch | patch |
//! | `record_added` | record names added | minor | minor |
//! | `record_removed` | record names removed | breaking | breaking |
//! | `record_name_changed` | record name changed | breaking | patch |
//! | `object_name_changed` | object name changed | breaking | patch |
//! | `reason_name_changed` | reason name changed | breaking | patch |
//! | `object_kind_added` | object kind added | minor | minor |
//! | `object_kind_removed` | object kind removed | breaking | breaking |
//! | `object_kind_renamed` | object kind renamed | breaking | patch |
//! | `object_kind_text_changed` | object kind text changed | patch | patch |
//! | `object_kinds_reordered` | object kinds reordered | breaking | cosmetic |
//! | `row_added` | row added | minor | minor |
//! | `row_removed` | row removed | breaking | breaking |
//! | `row_renamed` | row renamed | breaking | patch |
//! | `row_renumbered` | row renumbered | breaking | breaking |
//! | `row_description_changed` | row description changed | patch | patch |
//! | `row_object_added` | row object added | minor | minor |
//! | `row_object_removed` | row object removed | breaking | breaking |
//! | `row_object_changed` | row object changed | breaking | breaking |
//! | `rows_reordered` | rows reordered | patch | cosmetic |
//! | `note_added` | note added | patch | patch |
//! | `note_removed` | note removed | patch | patch |
//! | `note_changed` | note changed | patch | patch |
//! | `notes_reordered` | notes reordered | patch | patch |
//! | `reason_added` | reason added | computed: breaking over codes that decoded otherwise (or any code, beside an open reason), else minor; minor on an added row or a table that decoded no reasons | computed: breaking where a code decodes to another reason or to none, minor over unlisted codes only, else patch |
//! | `reason_removed` | reason removed | breaking | breaking |
//! | `reason_renamed` | reason renamed | breaking | patch |
//! | `reason_renumbered` | reason renumbered | computed: breaking (its old code no longer decodes to it) | computed: breaking where a code decodes to another reason or to none, minor over unlisted codes only, else patch |
//! | `reason_codes_widened` | reason codes widened | computed: breaking over codes that decoded otherwise or when the variant gains or loses its code field, minor over unlisted codes only, patch when every code decodes as before | computed: breaking where a code decodes to another reason or to none, minor over unlisted codes only, else patch |
//! | `reason_codes_narrowed` | reason codes narrowed | computed: breaking, or patch when every code decodes as before | computed: breaking where a code decodes to another reason or to none, minor over unlisted codes only, else patch |
//! | `reason_codes_moved` | reason codes moved | computed: as reason_codes_widened | computed: breaking where a code decodes to another reason or to none, minor over unlisted codes only, else patch |
//! | `reason_default_changed` | reason default changed | computed: patch (every code decodes as before) | patch |
//! | `reason_description_changed` | reason description changed | patch | patch |
//! | `reasons_reordered` | reasons reordered | patch | cosmetic |
//! | `translation_added` | Chinese text added | patch | patch |
//! | `translation_removed` | Chinese text removed | patch | patch |
//! | `translation_changed` | Chinese text changed | computed: cosmetic where the texts differ only in the width of their punctuation, else patch | computed: as the API |
//! | `translation_to_review` | Chinese text to review | cosmetic | cosmetic |
//! | `constant_changed` | vendor constant changed | computed: breaking where a constant changes or vanishes, minor where the table gains its constants | patch |
//! | `row_removed_reserved` | row removed and reserved | breaking | breaking |
//! | `reserved_added` | code reserved | patch | patch |
//! | `reserved_removed` | reservation lifted | patch | breaking |
//!
//! Below patch there is one more level, [`Impact::Cosmetic`]: a change no
//! reader of the generated API would notice (such as a punctuation-width
//! change in vendor text). No rule computes it; a configuration can give
//! it to a rule. A cosmetic change needs no version bump.
//!
//! # Configuration
//!
//! A [`DiffConfig`], read from TOML (`codes diff` looks for
//! [`CONFIG_FILE`], `codes-diff.toml`, beside the new spec), changes rule
//! levels and accepts single changes:
//!
//! ```toml
//! # codes-diff.toml
//! [rules]
//! # A rule's API level, whatever the case: breaking, minor, patch or
//! # cosmetic; or a level per axis.
//! provenance_changed = "cosmetic"
//! rows_reordered = "minor"
//! row_renamed = { api = "breaking", data = "cosmetic" }
//!
//! # The tags that mark releases, where the version check finds the last
//! # one (the default is "v*").
//! [release]
//! tags = "v*"
//!
//! # A change accepted on purpose: still reported, marked accepted, and
//! # left out of `--fail-on`. The version check still counts it: accepting
//! # a change never lowers the bump it needs.
//! [[accept]]
//! rule = "row_renumbered"
//! path = "OperationType/row 57"
//! reason = "The vendor corrected a typo in its table; no bill ever carried 57."
//! ```
//!
//! An acceptance names a change by its rule ID and its exact path, as the
//! reports print it, and says why. A level is applied before acceptances
//! are matched. An unknown rule ID (with the nearest one suggested), an
//! unknown key or axis, a level that is none of the four or an acceptance
//! without a reason is an error at its `file:line:col` ([`ConfigError`]);
//! an acceptance that matches no change is stale: returned by
//! [`SpecDiff::configure`] for a warning, and kept for the reports.
//!
//! # Reports for CI
//!
//! Once [located](SpecDiff::locate) in the texts the specs were read from,
//! every change carries the line of its item in the old spec, the new one,
//! or both: the line of the key that changed (`description = …`) where the
//! item has it, else of the item itself (its `[[table.row]]` header, its
//! inline table, its note). [`SpecDiff::to_github_actions`] writes a
//! GitHub Actions workflow command per change, always in the new file
//! (GitHub shows annotations on the head version of a file only): at the
//! line of an added or changed item, and for a removed one at its parent
//! (the `[[table]]` header of a removed row, the row of a removed reason
//! or note), with the line it had in the old file in the message:
//!
//! ```text
//! ::error file=codes.toml,line=133,title=reason_removed (api breaking%2C data breaking)::OperationType/row 3/reason 7: reason removed: CallRejected "An agent rejects a call." (was at line 205 of the old codes.toml)
//! ```
//!
//! A change not accepted is an `error` when it is breaking on either axis,
//! a `warning` when minor, a `notice` otherwise; an accepted change is a
//! `notice`, since it passes the gate. Each stale acceptance is a `warning`
//! at its entry in the configuration, and the [version
//! check](SpecDiff::set_version_check) an `error` or a `notice` of its own.
//! [`SpecDiff::to_junit`] writes JUnit XML, a test case per change, named
//! by its path and rule, where a change breaking on either axis and not
//! accepted is a failure and an accepted one is skipped.
//!
//! # The JSON report
//!
//! [`SpecDiff::to_json`] writes one object; its layout is versioned by
//! `format_version` ([`JSON_FORMAT_VERSION`], 2):
//!
//! | Field | Type | Meaning |
//! |---|---|---|
//! | `format_version` | number | 2 |
//! | `impact` | `{"api", "data"}` | the largest impact of every change on each axis: `"breaking"`, `"minor"`, `"patch"`, `"cosmetic"` or `null` |
//! | `unaccepted_impact` | `{"api", "data"}` | the same, of the changes not accepted (what `--fail-on` goes by) |
//! | `counts` | `{"api": {…}, "data": {…}, "accepted"}` | per axis, the number of changes of each impact (`breaking`, `minor`, `patch`, `cosmetic`); the number accepted |
//! | `files` | `{"old", "new"}` | the file names given to [`SpecDiff::locate`], or `null` |
//! | `changes[]` | object | each change: `rule`, `path`, `impact` (`{"api", "data"}`), `accepted`, `accepted_reason`, `old`, `new` (see [`Value`]), `detail`, `old_line`, `new_line`, and `annotated_line` (its line in the new file, the parent's for a removed item) |
//! | `stale_acceptances[]` | object | each acceptance that matched no change: `rule`, `path`, `reason`, `file`, `line`, `message` |
//! | `version_check` | object or `null` | `baseline` (the release compared with, or `null`), `old` and `new` versions, the API `impact` counted, the bump `required` and the `actual` one (`major`, `minor`, `patch`, `none`, `lower`), `passes`, `message` |
//!
//! Version 1 had a single impact per change and per total, and neither
//! `stale_acceptances` nor `version_check`.
//!
//! # Version bumps
//!
//! [`VersionCheck`] compares the version of the last release with the new
//! one against the API impact of every change since that release, accepted
//! or not, as cargo-semver-checks compares with the last release (`codes
//! diff` finds it as the newest tag matching `v*`, or takes `--baseline`): a breaking change needs a major bump (a minor one while the major
//! version is 0, a patch one on 0.0.x), a minor change a minor bump (a patch
//! one before 1.0.0), a patch change a patch bump.
//!
//!
//! A new version equal to the released one is not a release yet: the check
//! passes, saying what the next release will need, so that changes can
//! land between releases and the version is bumped at release, where the
//! check holds the bump to what every change since the last release needs.
//!
//! [Cargo SemVer rules]: https://doc.rust-lang.org/cargo/reference/semver.html

mod ci;
mod config;
mod decoding;
mod output;
mod pairing;
mod rules;
mod version;
mod walk;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use codes_codegen::model::{ReasonCodes, Spec};

pub use config::{Acceptance, CONFIG_FILE, ConfigError, DiffConfig};
pub use rules::{DefaultLevel, Rule};
pub use version::{Bump, ManifestError, PackageVersion, Version, VersionCheck};

/// The version of the JSON report's layout, its `format_version`: raised
/// whenever a field changes meaning or goes away.
///
/// Version 2 gave every change and every total an impact on each
/// [`Axis`], and added the version check and the stale acceptances.
pub const JSON_FORMAT_VERSION: u32 = 2;

/// Every rule, a line each: its ID, its default level on the API and on
/// data (`computed` where the case decides), and what it reports.
pub fn rules_text() -> String {
    rules::text()
}

/// Every rule as JSON: `{"format_version": 2, "rules": [{"id",
/// "reported_as", "api", "data", "description"}]}`, each level
/// `{"default": "breaking"}` or `{"computed": "how"}`.
pub fn rules_json() -> String {
    rules::json()
}

/// Every change from `old` to `new`, each with its semver impact.
///
/// Deterministic: the changes come in spec order (see the module docs).
pub fn diff(old: &Spec, new: &Spec) -> SpecDiff {
    let walked = walk::changes(old, new);
    SpecDiff {
        parent_lines: vec![None; walked.changes.len()],
        changes: walked.changes,
        sites: walked.sites,
        parents: walked.parents,
        ..SpecDiff::default()
    }
}

/// What a first release of `spec` brings: every table and marker added,
/// as a diff from a spec of the same source with nothing in it. Its
/// [changelog](SpecDiff::to_changelog) is the first entry of a crate's
/// CHANGELOG.
pub fn initial(spec: &Spec) -> SpecDiff {
    diff(&spec.emptied(), spec)
}

/// The changes between two specs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SpecDiff {
    changes: Vec<Change>,
    /// Where each change's item is on each side, in step with `changes`.
    sites: Vec<crate::site::Sites>,
    /// The parent in the new spec of each removed item, in step with
    /// `changes`.
    parents: Vec<Option<crate::site::Site>>,
    /// The line of each of those parents in the new text, once located.
    parent_lines: Vec<Option<usize>>,
    files: Files,
    /// The acceptances of the configuration that match no change.
    stale: Vec<Acceptance>,
    /// The version check, when one was made.
    version: Option<VersionCheck>,
}

/// The file names of the two sides, once located.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Files {
    old: Option<String>,
    new: Option<String>,
}

/// Where a spec's items are in its text, and the file name reports give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecText<'a> {
    /// The name annotations and JUnit give the file, such as `codes.toml`;
    /// `None` for standard input.
    pub file: Option<&'a str>,
    /// The source map of the parse the spec was validated from
    /// ([`Spec::from_toml_with_sources`]); an empty map for no spec.
    pub sources: &'a codes_codegen::SourceMap,
}

impl SpecDiff {
    /// The changes, in spec order.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Whether the specs are equal.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The API impact of the whole: the largest of the changes, accepted
    /// or not, `None` when nothing changed. `Option` orders `None` first.
    /// It is what the [`VersionCheck`] goes by: accepting a change never
    /// lowers the bump it needs.
    pub fn impact(&self) -> Option<Impact> {
        self.impact_on(Axis::Api)
    }

    /// The impact of the whole on `axis`, accepted changes included.
    pub fn impact_on(&self, axis: Axis) -> Option<Impact> {
        self.changes
            .iter()
            .map(|change| change.impact_on(axis))
            .max()
    }

    /// The largest API impact of the changes not accepted: what `--fail-on`
    /// goes by. `diff.unaccepted_impact() >= Some(threshold)` is the
    /// `--fail-on` test.
    pub fn unaccepted_impact(&self) -> Option<Impact> {
        self.unaccepted_impact_on(Axis::Api)
    }

    /// The largest impact on `axis` of the changes not accepted:
    /// `--fail-on data:breaking` is `unaccepted_impact_on(Axis::Data) >=
    /// Some(Impact::Breaking)`.
    pub fn unaccepted_impact_on(&self, axis: Axis) -> Option<Impact> {
        self.changes
            .iter()
            .filter(|change| !change.is_accepted())
            .map(|change| change.impact_on(axis))
            .max()
    }

    /// How many changes have API `impact`, accepted or not.
    pub fn count(&self, impact: Impact) -> usize {
        self.count_on(Axis::Api, impact)
    }

    /// How many changes have `impact` on `axis`, accepted or not.
    pub fn count_on(&self, axis: Axis, impact: Impact) -> usize {
        self.changes
            .iter()
            .filter(|change| change.impact_on(axis) == impact)
            .count()
    }

    /// The acceptances of the configuration that matched no change, once
    /// [configured](Self::configure): stale, to be removed.
    pub fn stale_acceptances(&self) -> &[Acceptance] {
        &self.stale
    }

    /// Records the version check of the release the changes go into, for
    /// the reports: the JSON's `version_check` and an annotation of its own.
    pub fn set_version_check(&mut self, check: VersionCheck) {
        self.version = Some(check);
    }

    /// The version check recorded with [`set_version_check`](Self::set_version_check).
    pub fn version_check(&self) -> Option<&VersionCheck> {
        self.version.as_ref()
    }

    /// How many changes are accepted.
    pub fn accepted(&self) -> usize {
        self.changes
            .iter()
            .filter(|change| change.is_accepted())
            .count()
    }

    /// Finds every change's item in the source maps of the specs, setting
    /// [`Change::old_line`] and [`Change::new_line`], and keeps the file
    /// names for the annotations and JUnit.
    ///
    /// An item the map lacks (a map that is not of the spec diffed) keeps
    /// no line.
    pub fn locate(&mut self, old: SpecText<'_>, new: SpecText<'_>) {
        for (change, sites) in self.changes.iter_mut().zip(&self.sites) {
            change.old_line = sites.old.as_ref().and_then(|site| site.line(old.sources));
            change.new_line = sites.new.as_ref().and_then(|site| site.line(new.sources));
        }
        self.parent_lines = self
            .parents
            .iter()
            .map(|parent| parent.as_ref().and_then(|site| site.line(new.sources)))
            .collect();
        self.files = Files {
            old: old.file.map(str::to_string),
            new: new.file.map(str::to_string),
        };
    }

    /// Applies `config`: each rule it sets gets that level on the axes it
    /// sets, then each acceptance marks the changes of its rule and path
    /// [accepted](Change::accepted). Returns the acceptances that match no
    /// change, in config order, and keeps them for the reports
    /// ([`stale_acceptances`](Self::stale_acceptances)).
    pub fn configure<'c>(&mut self, config: &'c DiffConfig) -> Vec<&'c Acceptance> {
        self.apply_levels(config);
        let mut unused = Vec::new();
        for acceptance in config.acceptances() {
            let mut used = false;
            for change in &mut self.changes {
                if change.kind == acceptance.rule && change.path == acceptance.path {
                    change.accepted = Some(acceptance.reason.clone());
                    used = true;
                }
            }
            if !used {
                unused.push(acceptance);
            }
        }
        self.stale = unused
            .iter()
            .map(|&acceptance| acceptance.clone())
            .collect();
        unused
    }

    /// Gives each change the levels `config` sets for its rule, and
    /// accepts nothing: the diff a version check counts.
    pub fn apply_levels(&mut self, config: &DiffConfig) {
        for change in &mut self.changes {
            if let Some(level) = config.level(change.kind) {
                change.impact = level;
            }
            if let Some(level) = config.data_level(change.kind) {
                change.data_impact = level;
            }
        }
    }

    /// For a terminal: the changes grouped by table, one line each with its
    /// impact on both axes (`api:breaking data:patch`), then a summary per
    /// axis such as
    /// `api impact: breaking (3 breaking, 2 minor, 5 patch, 0 cosmetic)`.
    pub fn to_text(&self) -> String {
        output::text(self, &[])
    }

    /// [`to_text`](Self::to_text) with `groups` first: each a heading
    /// (a table's name, as the changes' paths start), lines of notes
    /// under it (indented), then the changes of that table; a group is
    /// written whether or not it has changes, and the other changes follow
    /// in groups of their own. `codes update` notes each table's pages and
    /// their "Updated on" dates this way.
    ///
    /// ```
    /// use codes_codegen::Spec;
    /// use codes_tools::diff::diff;
    ///
    /// let spec = Spec::from_toml("codes.toml", include_str!("../../codes.toml")).unwrap();
    /// let groups = [("AgentType".to_string(), vec!["English page cec_07_0701".to_string()])];
    /// assert_eq!(
    ///     diff(&spec, &spec).to_text_with_groups(&groups),
    ///     "AgentType\n  English page cec_07_0701\nno changes\nimpact: none\n"
    /// );
    /// ```
    pub fn to_text_with_groups(&self, groups: &[(String, Vec<String>)]) -> String {
        output::text(self, groups)
    }

    /// For a pull request or changelog: the impact on both axes, then a
    /// heading per API impact with a bullet per change (its data impact
    /// where it differs); vendor text sits in code spans.
    pub fn to_markdown(&self) -> String {
        output::markdown(self)
    }

    /// For programs: pretty-printed JSON, its layout versioned by
    /// `format_version` and documented in the [module docs](self#the-json-report).
    pub fn to_json(&self) -> String {
        output::json(self)
    }

    /// For GitHub Actions: a workflow command per change in the new file,
    /// once [located](Self::locate) (a removed item at its parent), one per
    /// stale acceptance and one for the version check, then the summary
    /// lines of the text report; see the [module docs](self#reports-for-ci).
    pub fn to_github_actions(&self) -> String {
        ci::github_actions(self)
    }

    /// JUnit XML: a test suite with a test case per change, a change
    /// breaking either axis and not accepted failing, an accepted one
    /// skipped; and one for the version check, when one was made.
    pub fn to_junit(&self) -> String {
        ci::junit(self)
    }

    /// An entry of a CHANGELOG in the [Keep a Changelog] format: a
    /// `## [VERSION] - DATE` heading (`## [Unreleased]` without a version),
    /// the impact on both axes, then the changes under `### Added`,
    /// `### Changed` and `### Removed`, breaking ones marked with the axes
    /// they break (**Breaking (API, data):**).
    ///
    /// ```
    /// use codes_codegen::Spec;
    /// use codes_tools::diff;
    ///
    /// let spec = Spec::from_toml("codes.toml", include_str!("../../codes.toml")).unwrap();
    /// let entry = diff::initial(&spec).to_changelog(Some("0.1.0"), Some("2026-11-29"));
    /// assert!(entry.starts_with("## [0.1.0] - 2026-11-29\n\n"));
    /// assert!(entry.contains("\n### Added\n\n"));
    /// assert!(entry.contains("\n- `OperationType`: table added: `OperationType`"));
    /// ```
    ///
    /// [Keep a Changelog]: https://keepachangelog.com/en/1.1.0/
    pub fn to_changelog(&self, version: Option<&str>, date: Option<&str>) -> String {
        output::changelog(self, version, date)
    }

    /// The report in `format`.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => self.to_text(),
            Format::Markdown => self.to_markdown(),
            Format::Json => self.to_json(),
            Format::GithubActions => self.to_github_actions(),
            Format::Junit => self.to_junit(),
            Format::Changelog => self.to_changelog(None, None),
        }
    }

    /// Each change with where it is reported: the new file always (GitHub
    /// shows annotations on the head version only), at the item's line for
    /// an item that exists, and at its parent's line (the table of a
    /// removed row) for a removed one, without a line when the parent is
    /// the whole file.
    fn placed(&self) -> impl Iterator<Item = Placed<'_>> {
        self.changes
            .iter()
            .zip(&self.sites)
            .zip(&self.parent_lines)
            .map(|((change, sites), parent_line)| Placed {
                change,
                file: self.files.new.as_deref(),
                line: match sites.new {
                    Some(_) => change.new_line,
                    None => *parent_line,
                },
                removed: sites.new.is_none(),
            })
    }

    /// The old side's file name, for the line a removed item had.
    fn old_file(&self) -> Option<&str> {
        self.files.old.as_deref()
    }
}

/// Where a change is annotated.
struct Placed<'a> {
    change: &'a Change,
    /// The new file.
    file: Option<&'a str>,
    /// The item's line in the new file, or its parent's for a removed one.
    line: Option<usize>,
    /// Whether the item is gone from the new file.
    removed: bool,
}

/// The two things a change can break, judged apart: code built on the
/// generated Rust API, and data (stored bills, SQL exports and JSON), which
/// reads codes, not Rust names. A renamed row breaks the API and no data;
/// a renumbered one breaks both; a lifted reservation breaks data alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Axis {
    /// The generated Rust API: what the crate's version follows.
    Api,
    /// Data: what a code means in a stored bill, a SQL join or a JSON
    /// export.
    Data,
}

impl Axis {
    /// Both axes.
    pub const ALL: [Axis; 2] = [Axis::Api, Axis::Data];

    /// `api` or `data`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Axis::Api => "api",
            Axis::Data => "data",
        }
    }
}

impl fmt::Display for Axis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What changed: the change's rule (see [`rule`](Self::rule)).
    pub kind: ChangeKind,
    /// Where, e.g. `OperationType/row 3/reason 200-250`, naming items as
    /// the old spec does.
    pub path: String,
    /// What it means for the generated API: the rule's level, computed or
    /// set by a configuration.
    pub impact: Impact,
    /// What it means for data (stored bills, SQL exports, JSON): the
    /// rule's data level, computed or set by a configuration.
    pub data_impact: Impact,
    /// The value before, if the item existed.
    pub old: Option<Value>,
    /// The value after, if the item exists.
    pub new: Option<Value>,
    /// What the kind and values alone do not tell: why the impact is what
    /// it is (`221-250 no longer decode to ServiceErrorCode`), what else a
    /// rename renames, or the object kind of an added row.
    pub detail: Option<String>,
    /// The 1-based line of the item in the old spec's text, once
    /// [located](SpecDiff::locate); `None` for an added item.
    pub old_line: Option<usize>,
    /// The 1-based line of the item in the new spec's text, once located;
    /// `None` for a removed item.
    pub new_line: Option<usize>,
    /// Why the change is accepted, when a configuration accepts it.
    pub accepted: Option<String>,
}

impl Change {
    /// The rule ID, e.g. `reason_codes_narrowed`: [`ChangeKind::as_str`].
    pub fn rule(&self) -> &'static str {
        self.kind.as_str()
    }

    /// Whether a configuration accepts the change.
    pub fn is_accepted(&self) -> bool {
        self.accepted.is_some()
    }

    /// The impact on `axis`.
    pub fn impact_on(&self, axis: Axis) -> Impact {
        match axis {
            Axis::Api => self.impact,
            Axis::Data => self.data_impact,
        }
    }
}

/// The semver impact of a change on the generated API, ordered from the
/// least to the most disruptive: a rule's level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    /// Not worth a release: nothing computes it, a configuration gives it
    /// (such as to a punctuation-width change of vendor text).
    Cosmetic,
    /// Text and data only: a patch release.
    Patch,
    /// Additions only: a minor release.
    Minor,
    /// Existing code may stop compiling or behave differently: a major
    /// release.
    Breaking,
}

impl Impact {
    /// Every impact, from the least to the most disruptive.
    pub const ALL: [Impact; 4] = [
        Impact::Cosmetic,
        Impact::Patch,
        Impact::Minor,
        Impact::Breaking,
    ];

    /// `cosmetic`, `patch`, `minor` or `breaking`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Impact::Cosmetic => "cosmetic",
            Impact::Patch => "patch",
            Impact::Minor => "minor",
            Impact::Breaking => "breaking",
        }
    }
}

impl fmt::Display for Impact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Impact {
    type Err = ParseError;

    /// Reads `breaking`, `minor`, `patch` or `cosmetic`, as
    /// [`Display`](fmt::Display) writes them.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        let expected = "breaking, minor, patch or cosmetic";
        ParseError::parse(&Impact::ALL, Impact::as_str, ("impact", expected), text)
    }
}

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// [`SpecDiff::to_text`].
    Text,
    /// [`SpecDiff::to_markdown`].
    Markdown,
    /// [`SpecDiff::to_json`].
    Json,
    /// [`SpecDiff::to_github_actions`].
    GithubActions,
    /// [`SpecDiff::to_junit`].
    Junit,
    /// [`SpecDiff::to_changelog`] of an unreleased version.
    Changelog,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Markdown,
        Format::Json,
        Format::GithubActions,
        Format::Junit,
        Format::Changelog,
    ];

    /// `text`, `markdown`, `json`, `github-actions`, `junit` or
    /// `changelog`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::GithubActions => "github-actions",
            Format::Junit => "junit",
            Format::Changelog => "changelog",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = ParseError;

    /// Reads `text`, `markdown`, `json`, `github-actions`, `junit` or
    /// `changelog`.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        let expected = "text, markdown, json, github-actions, junit or changelog";
        ParseError::parse(&Format::ALL, Format::as_str, ("format", expected), text)
    }
}

/// An [`Impact`], [`Format`] or [`ChangeKind`] name that is none of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    what: &'static str,
    input: String,
    expected: &'static str,
}

impl ParseError {
    /// The one of `all` whose `name` is `text`, else an error saying what
    /// was looked for and what was `expected`.
    fn parse<T: Copy>(
        all: &[T],
        name: fn(T) -> &'static str,
        (what, expected): (&'static str, &'static str),
        text: &str,
    ) -> Result<T, ParseError> {
        all.iter()
            .copied()
            .find(|item| name(*item) == text)
            .ok_or_else(|| ParseError {
                what,
                input: text.to_string(),
                expected,
            })
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?}: expected {}",
            self.what, self.input, self.expected
        )
    }
}

impl std::error::Error for ParseError {}

/// A value before or after a change.
///
/// In JSON, names and texts are strings, a code a number, a list an array
/// of strings, codes an object (`{"kind": "single", "code": 5}`,
/// `{"kind": "range", "start": 1, "end": 255}`,
/// `{"kind": "open", "default": 0}`) and an item
/// `{"name": …, "text": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A Rust name from the spec, e.g. `SignOut`.
    Name(String),
    /// Vendor text, byte for byte.
    Text(String),
    /// A row's vendor code.
    Code(i32),
    /// The codes a reason lists.
    #[serde(serialize_with = "serialize_codes")]
    Codes(ReasonCodes),
    /// Column headers, or the names of items in their order.
    List(Vec<String>),
    /// An added or removed item: its Rust name and vendor text (a table's
    /// caption, a row's description, a reason's description, an object
    /// kind's text).
    Item {
        /// The Rust name.
        name: String,
        /// The vendor text; `None` for a reason given as a bare code.
        text: Option<String>,
    },
}

impl Value {
    fn name(name: &str) -> Value {
        Value::Name(name.to_string())
    }

    fn text(text: &str) -> Value {
        Value::Text(text.to_string())
    }
}

/// What a change is about: the rule it falls under. The rule IDs are the
/// variant names in `snake_case` ([`as_str`](Self::as_str), read back by
/// [`FromStr`]); [`Display`](fmt::Display) gives the words the reports use.
/// The [module docs](self#rules) list every rule with its default level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChangeKind {
    /// A table is new.
    TableAdded,
    /// A table is gone.
    TableRemoved,
    /// A table has a new name (same page and caption).
    TableRenamed,
    /// The tables are in another order.
    TablesReordered,
    /// A code now means "not applicable" (`[[not_applicable]]`).
    MarkerAdded,
    /// A code no longer means "not applicable".
    MarkerRemoved,
    /// A "not applicable" marker has a new name (same code).
    MarkerRenamed,
    /// A "not applicable" marker has a new code (same name).
    MarkerRenumbered,
    /// A "not applicable" marker's description changed.
    MarkerDescriptionChanged,
    /// Where the table comes from: the source's vendor, product or document,
    /// a table's title, caption, page, `updated` date or column headers.
    ProvenanceChanged,
    /// A table has record names now: it decodes objects and reasons.
    RecordAdded,
    /// A table has no record names any more.
    RecordRemoved,
    /// The name of the decoded record (`record`) changed.
    RecordNameChanged,
    /// The name of the decoded object (`object`) changed.
    ObjectNameChanged,
    /// The name of the decoded reason (`reason`) changed.
    ReasonNameChanged,
    /// An object kind is new.
    ObjectKindAdded,
    /// An object kind is gone.
    ObjectKindRemoved,
    /// An object kind has a new name (same text).
    ObjectKindRenamed,
    /// An object kind's vendor text changed.
    ObjectKindTextChanged,
    /// The object kinds are in another order.
    ObjectKindsReordered,
    /// A row is new.
    RowAdded,
    /// A row is gone.
    RowRemoved,
    /// A row has a new name (same code).
    RowRenamed,
    /// A row has a new code (same name).
    RowRenumbered,
    /// A row's description changed.
    RowDescriptionChanged,
    /// A row names an object kind where it named none.
    RowObjectAdded,
    /// A row names no object kind any more.
    RowObjectRemoved,
    /// A row names another object kind.
    RowObjectChanged,
    /// The rows are in another order.
    RowsReordered,
    /// A row has a new note.
    NoteAdded,
    /// A note is gone.
    NoteRemoved,
    /// A note is worded differently.
    NoteChanged,
    /// A row's notes are in another order.
    NotesReordered,
    /// A reason is new.
    ReasonAdded,
    /// A reason is gone.
    ReasonRemoved,
    /// A reason has a new name (same codes).
    ReasonRenamed,
    /// A single-code reason has another code.
    ReasonRenumbered,
    /// A reason lists more codes, including all it listed.
    ReasonCodesWidened,
    /// A reason lists fewer codes, all of which it listed.
    ReasonCodesNarrowed,
    /// A reason lists other codes, neither more nor fewer.
    ReasonCodesMoved,
    /// An open reason's default code changed.
    ReasonDefaultChanged,
    /// A reason's description changed, appeared or vanished.
    ReasonDescriptionChanged,
    /// A row's reasons are in another order.
    ReasonsReordered,
    /// A Chinese text appeared: a description, reason, object kind text,
    /// note list or the table's Chinese page.
    TranslationAdded,
    /// A Chinese text is gone.
    TranslationRemoved,
    /// A Chinese text changed.
    TranslationChanged,
    /// A Chinese text stayed while its English text was reworded: made
    /// against the old English, it is to review.
    TranslationToReview,
    /// A row's vendor constant name changed, appeared or vanished.
    ConstantChanged,
    /// A row is gone, and its code reserved so that no row takes it again.
    RowRemovedReserved,
    /// A code is reserved that no row held.
    ReservedAdded,
    /// A reservation is lifted.
    ReservedRemoved,
}

impl ChangeKind {
    /// Every rule, in the order of the module docs' table.
    pub const ALL: [ChangeKind; 51] = [
        ChangeKind::TableAdded,
        ChangeKind::TableRemoved,
        ChangeKind::TableRenamed,
        ChangeKind::TablesReordered,
        ChangeKind::MarkerAdded,
        ChangeKind::MarkerRemoved,
        ChangeKind::MarkerRenamed,
        ChangeKind::MarkerRenumbered,
        ChangeKind::MarkerDescriptionChanged,
        ChangeKind::ProvenanceChanged,
        ChangeKind::RecordAdded,
        ChangeKind::RecordRemoved,
        ChangeKind::RecordNameChanged,
        ChangeKind::ObjectNameChanged,
        ChangeKind::ReasonNameChanged,
        ChangeKind::ObjectKindAdded,
        ChangeKind::ObjectKindRemoved,
        ChangeKind::ObjectKindRenamed,
        ChangeKind::ObjectKindTextChanged,
        ChangeKind::ObjectKindsReordered,
        ChangeKind::RowAdded,
        ChangeKind::RowRemoved,
        ChangeKind::RowRenamed,
        ChangeKind::RowRenumbered,
        ChangeKind::RowDescriptionChanged,
        ChangeKind::RowObjectAdded,
        ChangeKind::RowObjectRemoved,
        ChangeKind::RowObjectChanged,
        ChangeKind::RowsReordered,
        ChangeKind::NoteAdded,
        ChangeKind::NoteRemoved,
        ChangeKind::NoteChanged,
        ChangeKind::NotesReordered,
        ChangeKind::ReasonAdded,
        ChangeKind::ReasonRemoved,
        ChangeKind::ReasonRenamed,
        ChangeKind::ReasonRenumbered,
        ChangeKind::ReasonCodesWidened,
        ChangeKind::ReasonCodesNarrowed,
        ChangeKind::ReasonCodesMoved,
        ChangeKind::ReasonDefaultChanged,
        ChangeKind::ReasonDescriptionChanged,
        ChangeKind::ReasonsReordered,
        ChangeKind::TranslationAdded,
        ChangeKind::TranslationRemoved,
        ChangeKind::TranslationChanged,
        ChangeKind::TranslationToReview,
        ChangeKind::ConstantChanged,
        ChangeKind::RowRemovedReserved,
        ChangeKind::ReservedAdded,
        ChangeKind::ReservedRemoved,
    ];

    /// The rule ID, e.g. `reason_codes_narrowed`.
    pub const fn as_str(self) -> &'static str {
        self.names().0
    }

    /// `(JSON name, words)` of each kind.
    const fn names(self) -> (&'static str, &'static str) {
        use ChangeKind::*;
        match self {
            TableAdded => ("table_added", "table added"),
            TableRemoved => ("table_removed", "table removed"),
            TableRenamed => ("table_renamed", "table renamed"),
            TablesReordered => ("tables_reordered", "tables reordered"),
            MarkerAdded => ("marker_added", "not-applicable marker added"),
            MarkerRemoved => ("marker_removed", "not-applicable marker removed"),
            MarkerRenamed => ("marker_renamed", "not-applicable marker renamed"),
            MarkerRenumbered => ("marker_renumbered", "not-applicable marker renumbered"),
            MarkerDescriptionChanged => (
                "marker_description_changed",
                "not-applicable marker description changed",
            ),
            ProvenanceChanged => ("provenance_changed", "provenance changed"),
            RecordAdded => ("record_added", "record names added"),
            RecordRemoved => ("record_removed", "record names removed"),
            RecordNameChanged => ("record_name_changed", "record name changed"),
            ObjectNameChanged => ("object_name_changed", "object name changed"),
            ReasonNameChanged => ("reason_name_changed", "reason name changed"),
            ObjectKindAdded => ("object_kind_added", "object kind added"),
            ObjectKindRemoved => ("object_kind_removed", "object kind removed"),
            ObjectKindRenamed => ("object_kind_renamed", "object kind renamed"),
            ObjectKindTextChanged => ("object_kind_text_changed", "object kind text changed"),
            ObjectKindsReordered => ("object_kinds_reordered", "object kinds reordered"),
            RowAdded => ("row_added", "row added"),
            RowRemoved => ("row_removed", "row removed"),
            RowRenamed => ("row_renamed", "row renamed"),
            RowRenumbered => ("row_renumbered", "row renumbered"),
            RowDescriptionChanged => ("row_description_changed", "row description changed"),
            RowObjectAdded => ("row_object_added", "row object added"),
            RowObjectRemoved => ("row_object_removed", "row object removed"),
            RowObjectChanged => ("row_object_changed", "row object changed"),
            RowsReordered => ("rows_reordered", "rows reordered"),
            NoteAdded => ("note_added", "note added"),
            NoteRemoved => ("note_removed", "note removed"),
            NoteChanged => ("note_changed", "note changed"),
            NotesReordered => ("notes_reordered", "notes reordered"),
            ReasonAdded => ("reason_added", "reason added"),
            ReasonRemoved => ("reason_removed", "reason removed"),
            ReasonRenamed => ("reason_renamed", "reason renamed"),
            ReasonRenumbered => ("reason_renumbered", "reason renumbered"),
            ReasonCodesWidened => ("reason_codes_widened", "reason codes widened"),
            ReasonCodesNarrowed => ("reason_codes_narrowed", "reason codes narrowed"),
            ReasonCodesMoved => ("reason_codes_moved", "reason codes moved"),
            ReasonDefaultChanged => ("reason_default_changed", "reason default changed"),
            ReasonDescriptionChanged => {
                ("reason_description_changed", "reason description changed")
            }
            ReasonsReordered => ("reasons_reordered", "reasons reordered"),
            TranslationAdded => ("translation_added", "Chinese text added"),
            TranslationRemoved => ("translation_removed", "Chinese text removed"),
            TranslationChanged => ("translation_changed", "Chinese text changed"),
            TranslationToReview => ("translation_to_review", "Chinese text to review"),
            ConstantChanged => ("constant_changed", "vendor constant changed"),
            RowRemovedReserved => ("row_removed_reserved", "row removed and reserved"),
            ReservedAdded => ("reserved_added", "code reserved"),
            ReservedRemoved => ("reserved_removed", "reservation lifted"),
        }
    }
}

impl FromStr for ChangeKind {
    type Err = ParseError;

    /// Reads a rule ID, as [`as_str`](Self::as_str) writes it.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        let expected = "a rule ID such as row_removed (see the codes_tools::diff docs)";
        ParseError::parse(
            &ChangeKind::ALL,
            ChangeKind::as_str,
            ("rule", expected),
            text,
        )
    }
}

impl fmt::Display for ChangeKind {
    /// The words the reports use, e.g. `reason codes narrowed`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.names().1)
    }
}

fn serialize_codes<S: serde::Serializer>(
    codes: &ReasonCodes,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    crate::export::json::CodesJson(*codes).serialize(serializer)
}

impl Serialize for ChangeKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
