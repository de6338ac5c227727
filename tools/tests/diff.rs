//! The semantic diff of two specs: one focused test per rule on tiny specs,
//! then the repository's spec as of the 2023 pages (a frozen copy) against
//! a later revision.
//!
//! Fixture `tests/fixtures/specs/codes-2025-revision.toml` is SYNTHETIC:
//! `codes.toml` edited the way its header describes. Its reports are golden
//! files, `tests/golden/diff.{txt,md,json}`; after a deliberate change, bless
//! them with `BLESS=1 cargo test -p codes-tools --test diff`
//! and review the result.

use std::path::Path;

use ChangeKind::*;
use Impact::{Breaking, Cosmetic, Minor, Patch};
use codes_codegen::model::ReasonCodes;
use codes_codegen::{SourceMap, Spec};
use codes_tools::diff::{
    Axis, Bump, Change, ChangeKind, DefaultLevel, DiffConfig, Format, Impact, JSON_FORMAT_VERSION,
    PackageVersion, Rule, SpecDiff, SpecText, Value, Version, VersionCheck, diff,
};

/// The repository's spec as transcribed from the 2023 pages, frozen, so
/// that a vendor update of `codes.toml` changes none of these diffs.
const CODES_TOML: &str = include_str!("fixtures/specs/codes-2023.toml");
const REVISION: &str = include_str!("fixtures/specs/codes-2025-revision.toml");

const SOURCE: &str = "[source]\nvendor = \"V\"\nproduct = \"P\"\ndocument = \"D\"\n\n\
    [[not_applicable]]\ncode = -1\nname = \"MinusOne\"\ndescription = \"not used\"\n\n\
    [[not_applicable]]\ncode = 65535\nname = \"UsNoUse\"\ndescription = \"US_NO_USE\"\n";

const KINDS: &str = "
[[table.object_kind]]
name = \"EmployeeId\"
text = \"Employee ID.\"

[[table.object_kind]]
name = \"AgentId\"
text = \"Agent ID.\"
";

/// Table `OperationType` with record names, then `body` (kinds and rows).
fn table(body: &str) -> String {
    format!(
        "
[[table]]
name = \"OperationType\"
title = \"Agent Operation Type\"
caption = \"Table 1 Agent operation type\"
page = \"cec_07_4243\"
updated = \"2023-09-27\"
columns = [\"Operation Type\", \"Description\", \"Operation Object\", \"Operation Reason\"]
record = \"Operation\"
object = \"Object\"
reason = \"Reason\"
{body}"
    )
}

fn parse(text: &str) -> Spec {
    Spec::from_toml("codes.toml", text)
        .unwrap_or_else(|error| panic!("invalid spec:\n{error}\n{text}"))
}

/// A spec of one table with the two object kinds and `rows`.
fn spec(rows: &str) -> Spec {
    parse(&format!("{SOURCE}{}", table(&format!("{KINDS}{rows}"))))
}

/// A row described `{name}.`, with extra `keys` (object, notes).
fn row(code: i32, name: &str, keys: &str) -> String {
    format!("\n[[table.row]]\ncode = {code}\nname = \"{name}\"\ndescription = \"{name}.\"\n{keys}")
}

/// A reason described `{name} reason.`; `codes` is `code = 1`,
/// `range = [1, 5]` or `open = true`.
fn reason(codes: &str, name: &str) -> String {
    format!(
        "\n[[table.row.reason]]\n{codes}\nname = \"{name}\"\ndescription = \"{name} reason.\"\n"
    )
}

fn changes(old: &str, new: &str) -> Vec<Change> {
    diff(&spec(old), &spec(new)).changes().to_vec()
}

fn change(
    impact: Impact,
    kind: ChangeKind,
    path: &str,
    old: Option<Value>,
    new: Option<Value>,
    detail: Option<&str>,
) -> Change {
    // The data impact a rule gives by default: its fixed level, or for a
    // computed one the API's (the tests of the two apart set it).
    let data_impact = match Rule::of(kind).data {
        DefaultLevel::Fixed(level) => level,
        DefaultLevel::Computed(_) => impact,
    };
    Change {
        kind,
        path: path.to_string(),
        impact,
        data_impact,
        old,
        new,
        detail: detail.map(str::to_string),
        old_line: None,
        new_line: None,
        accepted: None,
    }
}

fn name(name: &str) -> Option<Value> {
    Some(Value::Name(name.to_string()))
}

fn text(text: &str) -> Option<Value> {
    Some(Value::Text(text.to_string()))
}

fn item(name: &str, text: &str) -> Option<Value> {
    Some(Value::Item {
        name: name.to_string(),
        text: Some(text.to_string()),
    })
}

fn list(items: &[&str]) -> Option<Value> {
    Some(Value::List(
        items.iter().map(|item| item.to_string()).collect(),
    ))
}

fn single(code: i32) -> Option<Value> {
    Some(Value::Codes(ReasonCodes::Single(code)))
}

fn range(start: i32, end: i32) -> Option<Value> {
    Some(Value::Codes(ReasonCodes::Range { start, end }))
}

fn open(default: Option<i32>) -> Option<Value> {
    Some(Value::Codes(ReasonCodes::Open { default }))
}

// Rows.

#[test]
fn a_reworded_row_description_is_patch() {
    let old = row(0, "SignOut", "");
    let new = old.replace("SignOut.\"", "The agent logs out of the CCS.\"");
    assert_eq!(
        changes(&old, &new),
        [change(
            Patch,
            RowDescriptionChanged,
            "OperationType/row 0",
            text("SignOut."),
            text("The agent logs out of the CCS."),
            None
        )]
    );
}

/// A Chinese text that stays while its English is reworded was made
/// against the old English: to review. One reworded with it, or a text
/// that differs only in punctuation width, is not.
#[test]
fn a_translation_whose_english_was_reworded_is_to_review() {
    let old = row(3, "Busy", "description_zh = \"示忙。\"\n")
        + &reason("code = 1", "AgentBusy")
        + "description_zh = \"自己示忙\"\n";
    let new = old
        .replace("\"Busy.\"", "\"Busy now.\"")
        .replace("\"AgentBusy reason.\"", "\"An agent shows busy.\"");
    let to_review = |path: &str| {
        change(
            Cosmetic,
            TranslationToReview,
            path,
            None,
            None,
            Some("description_zh was made against the English before it"),
        )
    };
    assert_eq!(
        changes(&old, &new),
        [
            change(
                Patch,
                RowDescriptionChanged,
                "OperationType/row 3",
                text("Busy."),
                text("Busy now."),
                None
            ),
            to_review("OperationType/row 3"),
            change(
                Patch,
                ReasonDescriptionChanged,
                "OperationType/row 3/reason 1",
                text("AgentBusy reason."),
                text("An agent shows busy."),
                None
            ),
            to_review("OperationType/row 3/reason 1"),
        ]
    );
    // Translated again: nothing to review.
    let retranslated = new.replace("示忙。", "现在示忙。");
    assert!(
        changes(&old, &retranslated)
            .iter()
            .filter(|change| change.kind == TranslationToReview)
            .all(|change| change.path.ends_with("reason 1")),
    );
    // Notes too.
    let noted = row(
        4,
        "Talking",
        "notes = [\"Text only.\"]\nnotes_zh = [\"仅文字。\"]\n",
    );
    let renoted = noted.replace("Text only.", "Text conversations only.");
    assert_eq!(
        changes(&noted, &renoted)
            .iter()
            .filter(|change| change.kind == TranslationToReview)
            .map(|change| (change.path.as_str(), change.detail.as_deref()))
            .collect::<Vec<_>>(),
        [(
            "OperationType/row 4/notes",
            Some("notes_zh was made against the English before it")
        )]
    );
    // Punctuation width only: the same text to a reader.
    let width = old.replace("\"Busy.\"", "\"Busy．\"");
    assert!(
        changes(&old, &width)
            .iter()
            .all(|change| change.kind != TranslationToReview)
    );
}

#[test]
fn an_added_row_is_minor_and_lists_its_reasons() {
    let old = row(4, "Talking", "");
    let added = row(5, "AfterCallWork", "object = \"EmployeeId\"\n")
        + &reason("code = 0", "Automatic")
        + &reason("range = [1, 9]", "Manual");
    assert_eq!(
        changes(&old, &format!("{old}{added}")),
        [
            change(
                Minor,
                RowAdded,
                "OperationType/row 5",
                None,
                item("AfterCallWork", "AfterCallWork."),
                Some("object EmployeeId")
            ),
            change(
                Minor,
                ReasonAdded,
                "OperationType/row 5/reason 0",
                None,
                item("Automatic", "Automatic reason."),
                None
            ),
            change(
                Minor,
                ReasonAdded,
                "OperationType/row 5/reason 1-9",
                None,
                item("Manual", "Manual reason."),
                None
            ),
        ]
    );
}

#[test]
fn a_removed_row_is_breaking_and_takes_its_reasons_along() {
    let kept = row(1, "SignIn", "");
    let removed = row(3, "Busy", "") + &reason("code = 1", "AgentBusy");
    assert_eq!(
        changes(&format!("{kept}{removed}"), &kept),
        [change(
            Breaking,
            RowRemoved,
            "OperationType/row 3",
            item("Busy", "Busy."),
            None,
            None
        )]
    );
}

#[test]
fn a_renamed_row_is_breaking_and_renames_its_reason_enum() {
    let old = row(20, "ListenInsertWhisper", "") + &reason("code = 0", "Zero");
    let new = old.replace("name = \"ListenInsertWhisper\"", "name = \"Monitor\"");
    assert_eq!(
        changes(&old, &new),
        [change(
            Breaking,
            RowRenamed,
            "OperationType/row 20",
            name("ListenInsertWhisper"),
            name("Monitor"),
            Some(
                "also renames ListenInsertWhisperReason to MonitorReason \
                 and Reason::ListenInsertWhisper to Reason::Monitor"
            )
        )]
    );
    // Without reasons there is no reason enum to rename.
    assert_eq!(
        changes(
            &row(2, "Idle", ""),
            &row(2, "Free", "").replace("Free.", "Idle.")
        ),
        [change(
            Breaking,
            RowRenamed,
            "OperationType/row 2",
            name("Idle"),
            name("Free"),
            None
        )]
    );
}

#[test]
fn a_renumbered_row_is_breaking() {
    let old = row(57, "HoldForInternalHelp", "");
    assert_eq!(
        changes(&old, &row(56, "HoldForInternalHelp", "")),
        [change(
            Breaking,
            RowRenumbered,
            "OperationType/row 57",
            Some(Value::Code(57)),
            Some(Value::Code(56)),
            None
        )]
    );
}

#[test]
fn a_row_renamed_and_renumbered_at_once_is_a_removal_and_an_addition() {
    assert_eq!(
        changes(&row(57, "Hold", ""), &row(56, "Pause", "")),
        [
            change(
                Breaking,
                RowRemoved,
                "OperationType/row 57",
                item("Hold", "Hold."),
                None,
                None
            ),
            change(
                Minor,
                RowAdded,
                "OperationType/row 56",
                None,
                item("Pause", "Pause."),
                None
            ),
        ]
    );
}

#[test]
fn a_code_taken_over_by_another_name_pairs_by_name_first() {
    // Busy moved from 3 to 5, and a new row took code 3.
    let old = row(3, "Busy", "");
    let new = row(3, "Away", "") + &row(5, "Busy", "");
    assert_eq!(
        changes(&old, &new),
        [
            change(
                Breaking,
                RowRenumbered,
                "OperationType/row 3",
                Some(Value::Code(3)),
                Some(Value::Code(5)),
                None
            ),
            change(
                Minor,
                RowAdded,
                "OperationType/row 3",
                None,
                item("Away", "Away."),
                None
            ),
        ]
    );
}

#[test]
fn reordered_rows_are_patch() {
    let (a, b, c) = (row(1, "SignIn", ""), row(2, "Idle", ""), row(3, "Busy", ""));
    assert_eq!(
        changes(&format!("{a}{b}{c}"), &format!("{b}{a}{c}")),
        [change(
            Patch,
            RowsReordered,
            "OperationType",
            list(&["SignIn", "Idle", "Busy"]),
            list(&["Idle", "SignIn", "Busy"]),
            None
        )]
    );
}

// The object column.

#[test]
fn a_changed_row_object_kind_is_breaking() {
    assert_eq!(
        changes(
            &row(58, "Conference", "object = \"AgentId\"\n"),
            &row(58, "Conference", "object = \"EmployeeId\"\n")
        ),
        [change(
            Breaking,
            RowObjectChanged,
            "OperationType/row 58",
            name("AgentId"),
            name("EmployeeId"),
            None
        )]
    );
}

#[test]
fn a_removed_row_object_is_breaking_and_an_added_one_minor() {
    let with = row(10, "ThreePartyConversation", "object = \"EmployeeId\"\n");
    let without = row(10, "ThreePartyConversation", "");
    assert_eq!(
        changes(&with, &without),
        [change(
            Breaking,
            RowObjectRemoved,
            "OperationType/row 10",
            name("EmployeeId"),
            None,
            None
        )]
    );
    assert_eq!(
        changes(&without, &with),
        [change(
            Minor,
            RowObjectAdded,
            "OperationType/row 10",
            None,
            name("EmployeeId"),
            Some("objects decoded as Other before")
        )]
    );
}

fn kinds_spec(kinds: &[(&str, &str)], rows: &str) -> Spec {
    let kinds: String = kinds
        .iter()
        .map(|(name, text)| {
            format!("\n[[table.object_kind]]\nname = \"{name}\"\ntext = \"{text}\"\n")
        })
        .collect();
    parse(&format!("{SOURCE}{}", table(&format!("{kinds}{rows}"))))
}

#[test]
fn object_kinds_added_removed_and_reworded() {
    let old = kinds_spec(
        &[("EmployeeId", "Employee ID."), ("AgentId", "Agent ID.")],
        &row(1, "A", ""),
    );
    let new = kinds_spec(
        &[("EmployeeId", "Employee ID"), ("SkillId", "Skill ID.")],
        &row(1, "A", ""),
    );
    assert_eq!(
        diff(&old, &new).changes(),
        [
            change(
                Patch,
                ObjectKindTextChanged,
                "OperationType/object kind EmployeeId",
                text("Employee ID."),
                text("Employee ID"),
                None
            ),
            change(
                Breaking,
                ObjectKindRemoved,
                "OperationType/object kind AgentId",
                item("AgentId", "Agent ID."),
                None,
                None
            ),
            change(
                Minor,
                ObjectKindAdded,
                "OperationType/object kind SkillId",
                None,
                item("SkillId", "Skill ID."),
                None
            ),
        ]
    );
}

#[test]
fn a_renamed_object_kind_is_breaking_once_not_again_on_its_rows() {
    let rows = |kind: &str| {
        row(
            10,
            "ThreePartyConversation",
            &format!("object = \"{kind}\"\n"),
        )
    };
    let old = kinds_spec(&[("EmployeeId", "Employee ID.")], &rows("EmployeeId"));
    let new = kinds_spec(&[("StaffId", "Employee ID.")], &rows("StaffId"));
    assert_eq!(
        diff(&old, &new).changes(),
        [change(
            Breaking,
            ObjectKindRenamed,
            "OperationType/object kind EmployeeId",
            name("EmployeeId"),
            name("StaffId"),
            None
        )]
    );
}

#[test]
fn reordered_object_kinds_are_breaking() {
    let old = kinds_spec(
        &[("EmployeeId", "Employee ID."), ("AgentId", "Agent ID.")],
        &row(1, "A", ""),
    );
    let new = kinds_spec(
        &[("AgentId", "Agent ID."), ("EmployeeId", "Employee ID.")],
        &row(1, "A", ""),
    );
    assert_eq!(
        diff(&old, &new).changes(),
        [change(
            Breaking,
            ObjectKindsReordered,
            "OperationType",
            list(&["EmployeeId", "AgentId"]),
            list(&["AgentId", "EmployeeId"]),
            Some("the kind enum derives Ord in declaration order")
        )]
    );
}

// Notes.

#[test]
fn notes_added_removed_and_reworded_are_patch() {
    let notes = |notes: &str| row(4, "Talking", &format!("notes = [{notes}]\n"));
    assert_eq!(
        changes(
            &notes("\"Kept.\", \"Old wording.\""),
            &notes("\"Kept.\", \"New wording.\", \"Added.\"")
        ),
        [
            change(
                Patch,
                NoteChanged,
                "OperationType/row 4/note 2",
                text("Old wording."),
                text("New wording."),
                None
            ),
            change(
                Patch,
                NoteAdded,
                "OperationType/row 4/note 3",
                None,
                text("Added."),
                None
            ),
        ]
    );
    assert_eq!(
        changes(&notes("\"Kept.\", \"Gone.\""), &notes("\"Kept.\"")),
        [change(
            Patch,
            NoteRemoved,
            "OperationType/row 4/note 2",
            text("Gone."),
            None,
            None
        )]
    );
    assert_eq!(
        changes(&notes("\"A.\", \"B.\""), &notes("\"B.\", \"A.\"")),
        [change(
            Patch,
            NotesReordered,
            "OperationType/row 4",
            list(&["A.", "B."]),
            list(&["B.", "A."]),
            None
        )]
    );
}

// Reasons: what each code decodes to decides.

#[test]
fn a_reason_added_over_unlisted_codes_is_minor() {
    let old = row(3, "Busy", "") + &reason("code = 1", "AgentBusy");
    let new = format!("{old}{}", reason("code = 6", "Meeting"));
    assert_eq!(
        changes(&old, &new),
        [change(
            Minor,
            ReasonAdded,
            "OperationType/row 3/reason 6",
            None,
            item("Meeting", "Meeting reason."),
            None
        )]
    );
}

#[test]
fn the_first_reason_of_a_row_is_minor() {
    let old = row(1, "SignIn", "");
    let new = format!("{old}{}", reason("range = [1, 3]", "Channel"));
    assert_eq!(
        changes(&old, &new),
        [change(
            Minor,
            ReasonAdded,
            "OperationType/row 1/reason 1-3",
            None,
            item("Channel", "Channel reason."),
            None
        )]
    );
}

#[test]
fn a_reason_added_inside_a_range_is_breaking() {
    let old = row(0, "SignOut", "") + &reason("range = [1, 255]", "ClientError");
    let new = format!("{old}{}", reason("code = 100", "Timeout"));
    assert_eq!(
        changes(&old, &new),
        [change(
            Breaking,
            ReasonAdded,
            "OperationType/row 0/reason 100",
            None,
            item("Timeout", "Timeout reason."),
            Some("takes 100 from ClientError")
        )]
    );
}

#[test]
fn a_reason_added_beside_an_open_reason_is_breaking() {
    let old = row(26, "Rest", "") + &reason("open = true\ndefault = 0", "RestCause");
    let new = format!("{old}{}", reason("code = 7", "Lunch"));
    assert_eq!(
        changes(&old, &new),
        [change(
            Breaking,
            ReasonAdded,
            "OperationType/row 26/reason 7",
            None,
            item("Lunch", "Lunch reason."),
            Some("takes 7 from RestCause")
        )]
    );
}

#[test]
fn a_reason_over_a_not_applicable_marker_is_breaking() {
    let old = row(3, "Busy", "");
    let new = format!("{old}{}", reason("code = 65535", "NoUse"));
    assert_eq!(
        changes(&old, &new),
        [change(
            Breaking,
            ReasonAdded,
            "OperationType/row 3/reason 65535",
            None,
            item("NoUse", "NoUse reason."),
            Some("takes 65535 from NotApplicable")
        )]
    );
}

/// The spec of `rows` with `markers` (`code, name` pairs) instead of the
/// usual two.
fn spec_with_markers(markers: &[(i32, &str, &str)], rows: &str) -> Spec {
    let mut text = "[source]\nvendor = \"V\"\nproduct = \"P\"\ndocument = \"D\"\n".to_string();
    for (code, name, description) in markers {
        text.push_str(&format!(
            "\n[[not_applicable]]\ncode = {code}\nname = \"{name}\"\ndescription = \"{description}\"\n"
        ));
    }
    parse(&format!("{text}{}", table(&format!("{KINDS}{rows}"))))
}

#[test]
fn markers_are_compared_by_name_then_code() {
    let rows = row(3, "Busy", "") + &reason("code = 1", "AgentBusy");
    let old = spec_with_markers(
        &[
            (-1, "MinusOne", "not used"),
            (65535, "UsNoUse", "US_NO_USE"),
        ],
        &rows,
    );
    let new = spec_with_markers(
        &[
            (-2, "MinusOne", "not used"),
            (65535, "NoUse", "US_NO_USE (0xFFFF)"),
            (99, "Ninety", "new"),
        ],
        &rows,
    );
    assert_eq!(
        diff(&old, &new).changes(),
        [
            change(
                Breaking,
                MarkerRenumbered,
                "not_applicable/MinusOne",
                Some(Value::Code(-1)),
                Some(Value::Code(-2)),
                None
            ),
            change(
                Breaking,
                MarkerRenamed,
                "not_applicable/UsNoUse",
                name("UsNoUse"),
                name("NoUse"),
                None
            ),
            change(
                Patch,
                MarkerDescriptionChanged,
                "not_applicable/UsNoUse",
                text("US_NO_USE"),
                text("US_NO_USE (0xFFFF)"),
                None
            ),
            change(
                Minor,
                MarkerAdded,
                "not_applicable/Ninety",
                None,
                item("Ninety", "99: new"),
                None
            ),
        ]
    );
    let gone = spec_with_markers(&[(-1, "MinusOne", "not used")], &rows);
    assert_eq!(
        diff(&old, &gone).changes(),
        [change(
            Breaking,
            MarkerRemoved,
            "not_applicable/UsNoUse",
            item("UsNoUse", "65535: US_NO_USE"),
            None,
            None
        )]
    );
}

#[test]
fn a_marker_over_an_open_reason_is_breaking() {
    let rows = row(26, "Rest", "") + &reason("open = true", "RestCause");
    let old = spec_with_markers(&[(-1, "MinusOne", "not used")], &rows);
    let new = spec_with_markers(
        &[
            (-1, "MinusOne", "not used"),
            (65535, "UsNoUse", "US_NO_USE"),
        ],
        &rows,
    );
    assert_eq!(
        diff(&old, &new).changes(),
        [change(
            Breaking,
            MarkerAdded,
            "not_applicable/UsNoUse",
            None,
            item("UsNoUse", "65535: US_NO_USE"),
            Some("takes 65535 from the open reason of OperationType/row 26")
        )]
    );
}

#[test]
fn a_removed_reason_is_breaking() {
    let kept = row(3, "Busy", "") + &reason("code = 1", "AgentBusy");
    assert_eq!(
        changes(
            &format!("{kept}{}", reason("code = 7", "CallRejected")),
            &kept
        ),
        [change(
            Breaking,
            ReasonRemoved,
            "OperationType/row 3/reason 7",
            item("CallRejected", "CallRejected reason."),
            None,
            None
        )]
    );
}

#[test]
fn a_reason_renamed_and_recoded_at_once_is_a_removal_and_an_addition() {
    let busy = row(3, "Busy", "");
    assert_eq!(
        changes(
            &format!("{busy}{}", reason("code = 5", "Phone")),
            &format!("{busy}{}", reason("code = 6", "Headset"))
        ),
        [
            change(
                Breaking,
                ReasonRemoved,
                "OperationType/row 3/reason 5",
                item("Phone", "Phone reason."),
                None,
                None
            ),
            change(
                Minor,
                ReasonAdded,
                "OperationType/row 3/reason 6",
                None,
                item("Headset", "Headset reason."),
                None
            ),
        ]
    );
}

#[test]
fn a_renamed_reason_is_breaking() {
    let old = row(3, "Busy", "") + &reason("code = 1", "AgentBusy");
    let new = old.replace("name = \"AgentBusy\"", "name = \"ShowsBusy\"");
    assert_eq!(
        changes(&old, &new),
        [change(
            Breaking,
            ReasonRenamed,
            "OperationType/row 3/reason 1",
            name("AgentBusy"),
            name("ShowsBusy"),
            None
        )]
    );
}

/// The change of one reason of row 3 from `old` to `new` codes, beside
/// `others` (reasons of the same row, unchanged).
fn codes_change(old: &str, new: &str, others: &str) -> Vec<Change> {
    let with = |codes: &str| row(3, "Busy", "") + &reason(codes, "Service") + others;
    changes(&with(old), &with(new))
}

#[test]
fn a_renumbered_reason_is_breaking() {
    assert_eq!(
        codes_change("code = 5", "code = 6", ""),
        [change(
            Breaking,
            ReasonRenumbered,
            "OperationType/row 3/reason 5",
            single(5),
            single(6),
            Some("5 no longer decode to Service")
        )]
    );
}

#[test]
fn a_range_widened_into_unlisted_codes_is_minor() {
    assert_eq!(
        codes_change("range = [200, 250]", "range = [200, 299]", ""),
        [change(
            Minor,
            ReasonCodesWidened,
            "OperationType/row 3/reason 200-250",
            range(200, 250),
            range(200, 299),
            Some("now also decodes 251-299, unlisted before")
        )]
    );
}

#[test]
fn a_range_widened_over_codes_that_decoded_otherwise_is_breaking() {
    assert_eq!(
        codes_change(
            "range = [200, 250]",
            "range = [190, 250]",
            &reason("open = true", "Other")
        ),
        [change(
            Breaking,
            ReasonCodesWidened,
            "OperationType/row 3/reason 200-250",
            range(200, 250),
            range(190, 250),
            Some("takes 190-199 from Other")
        )]
    );
    assert_eq!(
        codes_change("range = [0, 9]", "range = [-5, 9]", ""),
        [change(
            Breaking,
            ReasonCodesWidened,
            "OperationType/row 3/reason 0-9",
            range(0, 9),
            range(-5, 9),
            Some("takes -1 from NotApplicable")
        )]
    );
}

#[test]
fn a_narrowed_range_is_breaking() {
    assert_eq!(
        codes_change("range = [200, 250]", "range = [200, 220]", ""),
        [change(
            Breaking,
            ReasonCodesNarrowed,
            "OperationType/row 3/reason 200-250",
            range(200, 250),
            range(200, 220),
            Some("221-250 no longer decode to Service")
        )]
    );
}

#[test]
fn a_moved_range_is_breaking() {
    assert_eq!(
        codes_change("range = [200, 250]", "range = [240, 260]", ""),
        [change(
            Breaking,
            ReasonCodesMoved,
            "OperationType/row 3/reason 200-250",
            range(200, 250),
            range(240, 260),
            Some("200-239 no longer decode to Service")
        )]
    );
}

#[test]
fn a_range_narrowed_only_by_codes_listed_on_their_own_is_patch() {
    assert_eq!(
        codes_change(
            "range = [0, 255]",
            "range = [1, 255]",
            &reason("code = 0", "AfterCallProcessing")
        ),
        [change(
            Patch,
            ReasonCodesNarrowed,
            "OperationType/row 3/reason 0-255",
            range(0, 255),
            range(1, 255),
            Some("every code decodes as before")
        )]
    );
}

#[test]
fn a_single_code_becoming_a_range_or_back_is_breaking() {
    assert_eq!(
        codes_change("code = 200", "range = [200, 250]", ""),
        // 200 decodes as before and 201-250 were unlisted: minor for data.
        [Change {
            data_impact: Minor,
            ..change(
                Breaking,
                ReasonCodesWidened,
                "OperationType/row 3/reason 200",
                single(200),
                range(200, 250),
                Some("the variant gains a code field"),
            )
        }]
    );
    assert_eq!(
        codes_change("range = [200, 250]", "code = 200", ""),
        [change(
            Breaking,
            ReasonCodesNarrowed,
            "OperationType/row 3/reason 200-250",
            range(200, 250),
            single(200),
            Some("the variant loses its code field; 201-250 no longer decode to Service")
        )]
    );
}

#[test]
fn an_open_reason_changing_only_its_default_is_patch() {
    assert_eq!(
        codes_change("open = true\ndefault = 0", "open = true", ""),
        [change(
            Patch,
            ReasonDefaultChanged,
            "OperationType/row 3/reason any",
            open(Some(0)),
            open(None),
            Some("every code decodes as before")
        )]
    );
}

#[test]
fn reason_description_changes_are_patch() {
    let with = |description: &str| {
        row(20, "Monitor", "")
            + &format!("\n[[table.row.reason]]\ncode = 0\nname = \"Zero\"\n{description}")
    };
    let bare = with("");
    let worded = with("description = \"Zero.\"\n");
    let reworded = with("description = \"Nothing.\"\n");
    let path = "OperationType/row 20/reason 0";
    assert_eq!(
        changes(&bare, &worded),
        [change(
            Patch,
            ReasonDescriptionChanged,
            path,
            None,
            text("Zero."),
            None
        )]
    );
    assert_eq!(
        changes(&worded, &reworded),
        [change(
            Patch,
            ReasonDescriptionChanged,
            path,
            text("Zero."),
            text("Nothing."),
            None
        )]
    );
    assert_eq!(
        diff(&spec(&bare), &spec(&worded)).to_text(),
        "OperationType\n  \
           api:patch    data:patch     OperationType/row 20/reason 0: reason description changed: \
           none -> \"Zero.\"\n\
         api impact: patch (0 breaking, 0 minor, 1 patch, 0 cosmetic)\n\
         data impact: patch (0 breaking, 0 minor, 1 patch, 0 cosmetic)\n"
    );
    assert_eq!(
        changes(&worded, &bare),
        [change(
            Patch,
            ReasonDescriptionChanged,
            path,
            text("Zero."),
            None,
            None
        )]
    );
}

#[test]
fn reordered_reasons_are_patch() {
    let (a, b) = (reason("code = 1", "One"), reason("code = 2", "Two"));
    let busy = row(3, "Busy", "");
    assert_eq!(
        changes(&format!("{busy}{a}{b}"), &format!("{busy}{b}{a}")),
        [change(
            Patch,
            ReasonsReordered,
            "OperationType/row 3",
            list(&["One", "Two"]),
            list(&["Two", "One"]),
            None
        )]
    );
}

// Tables.

#[test]
fn provenance_changes_are_patch() {
    let before = one_row_spec();
    let old = parse(&before);
    let new = parse(&edited(
        &before,
        &[
            ("vendor = \"V\"", "vendor = \"Huawei\""),
            ("product = \"P\"", "product = \"CEC\""),
            ("document = \"D\"", "document = \"CDR Reference\""),
            ("\"Agent Operation Type\"", "\"Agent Operation Types\""),
            (
                "\"Table 1 Agent operation type\"",
                "\"Table 2 Agent operation type\"",
            ),
            ("\"cec_07_4243\"", "\"cec_07_2641\""),
            ("\"2023-09-27\"", "\"2025-06-30\""),
            (
                "\"Operation Reason\"]",
                "\"Operation Reason\", \"Remarks\"]",
            ),
        ],
    ));
    let provenance = |path: &str, old: &str, new: &str| {
        change(Patch, ProvenanceChanged, path, text(old), text(new), None)
    };
    assert_eq!(
        diff(&old, &new).changes(),
        [
            provenance("source/vendor", "V", "Huawei"),
            provenance("source/product", "P", "CEC"),
            provenance("source/document", "D", "CDR Reference"),
            provenance(
                "OperationType/title",
                "Agent Operation Type",
                "Agent Operation Types"
            ),
            provenance(
                "OperationType/caption",
                "Table 1 Agent operation type",
                "Table 2 Agent operation type"
            ),
            provenance("OperationType/page", "cec_07_4243", "cec_07_2641"),
            provenance("OperationType/updated", "2023-09-27", "2025-06-30"),
            change(
                Patch,
                ProvenanceChanged,
                "OperationType/columns",
                list(&[
                    "Operation Type",
                    "Description",
                    "Operation Object",
                    "Operation Reason"
                ]),
                list(&[
                    "Operation Type",
                    "Description",
                    "Operation Object",
                    "Operation Reason",
                    "Remarks"
                ]),
                None
            ),
        ]
    );
}

#[test]
fn changed_record_names_are_breaking() {
    let before = one_row_spec();
    let old = parse(&before);
    let new = parse(&edited(
        &before,
        &[
            ("record = \"Operation\"", "record = \"AgentOperation\""),
            ("object = \"Object\"", "object = \"Target\""),
            ("reason = \"Reason\"", "reason = \"Cause\""),
        ],
    ));
    assert_eq!(
        diff(&old, &new).changes(),
        [
            change(
                Breaking,
                RecordNameChanged,
                "OperationType",
                name("Operation"),
                name("AgentOperation"),
                None
            ),
            change(
                Breaking,
                ObjectNameChanged,
                "OperationType",
                name("Object"),
                name("Target"),
                Some("also renames ObjectKind to TargetKind")
            ),
            change(
                Breaking,
                ReasonNameChanged,
                "OperationType",
                name("Reason"),
                name("Cause"),
                Some("also renames every {Row}Reason enum to {Row}Cause")
            ),
        ]
    );
}

/// A spec with one table `name` that has no object or reason column.
/// `table` with the record names of [`table`] after its columns.
fn with_record_names(table: &str) -> String {
    let columns = table.find("\ncolumns = ").expect("a columns line");
    let end = columns + 1 + table[columns + 1..].find('\n').expect("a line end");
    format!(
        "{}\nrecord = \"Operation\"\nobject = \"Object\"\nreason = \"Reason\"{}",
        &table[..end],
        &table[end..]
    )
}

/// The text of a spec whose only row is `SignIn`.
fn one_row_spec() -> String {
    format!(
        "{SOURCE}{}",
        table(&format!("{KINDS}{}", row(1, "SignIn", "")))
    )
}

/// `text` as a TOML string.
fn toml_string(text: &str) -> String {
    toml_edit::Value::from(text).to_string()
}

/// `text` with each `(from, to)` replaced once; each must be there.
fn edited(text: &str, edits: &[(&str, &str)]) -> String {
    edits.iter().fold(text.to_string(), |text, (from, to)| {
        assert!(text.contains(from), "{from:?} not in the spec");
        text.replacen(from, to, 1)
    })
}

fn plain_table(name: &str, caption: &str) -> String {
    format!(
        "
[[table]]
name = \"{name}\"
title = \"Skill Type\"
caption = \"{caption}\"
page = \"cec_07_0706\"
updated = \"2023-09-27\"
columns = [\"Skill Type\", \"Description\"]
{}",
        row(1, "Voice", "")
    )
}

#[test]
fn record_names_added_are_minor_and_removed_breaking() {
    let without = parse(&format!(
        "{SOURCE}{}",
        plain_table("OperationType", "Table 1")
    ));
    let with = parse(&format!(
        "{SOURCE}{}",
        with_record_names(&plain_table("OperationType", "Table 1"))
    ));
    let names = list(&["Operation", "Object", "Reason"]);
    assert_eq!(
        diff(&without, &with).changes(),
        [change(
            Minor,
            RecordAdded,
            "OperationType",
            None,
            names.clone(),
            None
        )]
    );
    assert_eq!(
        diff(&with, &without).changes(),
        [change(
            Breaking,
            RecordRemoved,
            "OperationType",
            names,
            None,
            None
        )]
    );
}

#[test]
fn reasons_of_a_table_that_decoded_none_are_minor() {
    // Code -1 would take "not applicable" from a table that decoded reasons.
    let without = parse(&format!(
        "{SOURCE}{}",
        plain_table("OperationType", "Table 1")
    ));
    let with = parse(&format!(
        "{SOURCE}{}{}",
        with_record_names(&plain_table("OperationType", "Table 1")),
        reason("code = -1", "None")
    ));
    assert_eq!(
        diff(&without, &with).changes(),
        [
            change(
                Minor,
                RecordAdded,
                "OperationType",
                None,
                list(&["Operation", "Object", "Reason"]),
                None
            ),
            change(
                Minor,
                ReasonAdded,
                "OperationType/row 1/reason -1",
                None,
                item("None", "None reason."),
                None
            ),
        ]
    );
}

#[test]
fn tables_added_removed_renamed_and_reordered() {
    let spec_of = |tables: &[String]| parse(&format!("{SOURCE}{}", tables.concat()));
    let operation = table(&row(1, "SignIn", ""));
    let skill = plain_table("SkillType", "Table 2 Skill type");
    let queue = plain_table("QueueType", "Table 3 Queue type");
    let old = spec_of(&[operation.clone(), skill.clone(), queue]);
    let renamed = skill.replace("\"SkillType\"", "\"SkillKind\"");
    let media = plain_table("MediaType", "Table 4 Media type");
    let new = spec_of(&[renamed, operation, media]);
    assert_eq!(
        diff(&old, &new).changes(),
        [
            change(
                Breaking,
                TableRenamed,
                "SkillType",
                name("SkillType"),
                name("SkillKind"),
                None
            ),
            change(
                Breaking,
                TableRemoved,
                "QueueType",
                item("QueueType", "Table 3 Queue type"),
                None,
                None
            ),
            change(
                Minor,
                TableAdded,
                "MediaType",
                None,
                item("MediaType", "Table 4 Media type"),
                Some("1 row")
            ),
            change(
                Patch,
                TablesReordered,
                "tables",
                list(&["OperationType", "SkillType"]),
                list(&["SkillKind", "OperationType"]),
                None
            ),
        ]
    );
}

// The whole diff and its reports.

fn codes_toml() -> Spec {
    parse(CODES_TOML)
}

fn revision() -> Spec {
    parse(REVISION)
}

#[test]
fn a_spec_against_itself_has_no_changes() {
    let same = diff(&codes_toml(), &codes_toml());
    assert!(same.is_empty());
    assert_eq!(same.changes(), []);
    assert_eq!(same.impact(), None);
    assert_eq!(same.to_text(), "no changes\nimpact: none\n");
    assert_eq!(same.to_markdown(), "**Impact: none** (no changes)\n");
    assert_eq!(
        same.to_json(),
        r#"{
  "format_version": 2,
  "impact": {
    "api": null,
    "data": null
  },
  "unaccepted_impact": {
    "api": null,
    "data": null
  },
  "counts": {
    "api": {
      "breaking": 0,
      "minor": 0,
      "patch": 0,
      "cosmetic": 0
    },
    "data": {
      "breaking": 0,
      "minor": 0,
      "patch": 0,
      "cosmetic": 0
    },
    "accepted": 0
  },
  "files": {
    "old": null,
    "new": null
  },
  "changes": [],
  "stale_acceptances": [],
  "version_check": null
}
"#
    );
}

#[test]
fn the_revision_reports_every_edit_with_its_impact() {
    let report = diff(&codes_toml(), &revision());
    let row = |code: i32| format!("OperationType/row {code}");
    assert_eq!(
        report.changes(),
        [
            change(
                Patch,
                ProvenanceChanged,
                "OperationType/page",
                text("cec_07_4243"),
                text("cec_07_2641"),
                None
            ),
            change(
                Patch,
                ProvenanceChanged,
                "OperationType/updated",
                text("2023-09-27 GMT+08:00"),
                text("2025-06-30 GMT+08:00"),
                None
            ),
            change(
                Patch,
                RowDescriptionChanged,
                &row(0),
                text("The agent signs out of CCS."),
                text("The agent logs out of the CCS."),
                None
            ),
            change(
                Cosmetic,
                TranslationToReview,
                &row(0),
                None,
                None,
                Some("description_zh was made against the English before it")
            ),
            change(
                Breaking,
                ReasonRemoved,
                "OperationType/row 3/reason 7",
                item("CallRejected", "An agent rejects a call."),
                None,
                None
            ),
            change(
                Breaking,
                ReasonCodesNarrowed,
                "OperationType/row 3/reason 200-250",
                range(200, 250),
                range(200, 220),
                Some("221-250 no longer decode to ServiceErrorCode")
            ),
            change(
                Breaking,
                RowRenamed,
                &row(20),
                name("ListenInsertWhisper"),
                name("Monitor"),
                Some(
                    "also renames ListenInsertWhisperReason to MonitorReason \
                     and Reason::ListenInsertWhisper to Reason::Monitor"
                )
            ),
            change(
                Patch,
                ReasonCodesNarrowed,
                "OperationType/row 27/reason 0-255",
                range(0, 255),
                range(1, 255),
                Some("every code decodes as before")
            ),
            change(
                Breaking,
                RowRenumbered,
                &row(57),
                Some(Value::Code(57)),
                Some(Value::Code(56)),
                None
            ),
            change(
                Breaking,
                RowObjectChanged,
                &row(58),
                name("AgentId"),
                name("EmployeeId"),
                None
            ),
            change(
                Minor,
                RowAdded,
                &row(5),
                None,
                item(
                    "AfterCallWorkStart",
                    "The agent enters the after-call work state."
                ),
                None
            ),
            change(
                Minor,
                ReasonAdded,
                "OperationType/row 5/reason 0",
                None,
                item(
                    "Automatic",
                    "The agent enters the state automatically after a call."
                ),
                None
            ),
            change(
                Minor,
                ReasonAdded,
                "OperationType/row 5/reason 1",
                None,
                item("Manual", "The agent enters the state manually."),
                None
            ),
            change(
                Minor,
                RowAdded,
                &row(6),
                None,
                item(
                    "AfterCallWorkEnd",
                    "The agent exits the after-call work state."
                ),
                None
            ),
            change(
                Minor,
                RowAdded,
                &row(11),
                None,
                item("Consult", "Consult another agent."),
                Some("object EmployeeId")
            ),
            change(
                Minor,
                ReasonAdded,
                "OperationType/row 11/reason 0",
                None,
                item("TwoParty", "Indicates a two-party consultation."),
                None
            ),
            change(
                Minor,
                ReasonAdded,
                "OperationType/row 11/reason 1",
                None,
                item("ThreeParty", "Indicates a three-party consultation."),
                None
            ),
            change(
                Minor,
                RowAdded,
                &row(21),
                None,
                item("StopMonitor", "Stop listening, inserting or whispering."),
                Some("object EmployeeId")
            ),
            change(
                Minor,
                ReasonAdded,
                "OperationType/row 21/reason 1-99",
                None,
                item(
                    "InspectorConsole",
                    "1–99: the console of the inspector who stops it."
                ),
                None
            ),
        ]
    );
    assert_eq!(report.impact(), Some(Breaking));
    assert_eq!(
        [
            report.count(Breaking),
            report.count(Minor),
            report.count(Patch)
        ],
        [5, 9, 4]
    );
}

/// The revision's diff located in both texts, named as `codes diff
/// tools/tests/fixtures/specs/codes-2023.toml
/// tools/tests/fixtures/specs/codes-2025-revision.toml` names them at the
/// repository root: the golden files are that command's output.
fn located_revision() -> SpecDiff {
    let mut report = diff(&codes_toml(), &revision());
    report.locate(
        SpecText {
            file: Some(BASE_FILE),
            sources: &sources(CODES_TOML),
        },
        SpecText {
            file: Some(REVISION_FILE),
            sources: &sources(REVISION),
        },
    );
    report
}

const BASE_FILE: &str = "tools/tests/fixtures/specs/codes-2023.toml";
const REVISION_FILE: &str = "tools/tests/fixtures/specs/codes-2025-revision.toml";

#[test]
fn golden_reports_of_the_revision_are_current() {
    let report = located_revision();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut stale = Vec::new();
    for (file, actual) in [
        ("diff.txt", report.to_text()),
        ("diff.md", report.to_markdown()),
        ("diff.json", report.to_json()),
        ("diff.github-actions.txt", report.to_github_actions()),
        ("diff.junit.xml", report.to_junit()),
        (
            "diff.changelog.md",
            report.to_changelog(Some("0.2.0"), Some("2026-12-01")),
        ),
    ] {
        let path = golden.join(file);
        if std::env::var_os("BLESS").is_some() {
            codes_codegen::write_if_changed(&path, &actual).expect("write the golden file");
            continue;
        }
        if std::fs::read_to_string(&path).unwrap_or_default() != actual {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "tests/golden/{stale:?} is stale: the diff report changed.\n\
         Review it, then bless it with \
         `BLESS=1 cargo test -p codes-tools --test diff` and commit the files."
    );
}

#[test]
fn a_changelog_entry_sorts_changes_as_keep_a_changelog_does() {
    let entry = located_revision().to_changelog(None, None);
    assert!(entry.starts_with(
        "## [Unreleased]\n\nThe vendor's tables: API breaking (5 breaking, 9 minor, 4 patch, 1 cosmetic); \
         data breaking (4 breaking, 9 minor, 5 patch, 1 cosmetic).\n\n### Added\n\n"
    ));
    let sections: Vec<&str> = entry
        .lines()
        .filter(|line| line.starts_with("### "))
        .collect();
    assert_eq!(sections, ["### Added", "### Changed", "### Removed"]);
    assert!(entry.contains(
        "\n### Removed\n\n- **Breaking (API, data):** `OperationType/row 3/reason 7`: reason removed: \
         `CallRejected` (`An agent rejects a call.`)\n"
    ));
    assert!(entry.contains(
        "\n- `OperationType/row 0`: row description changed: \
         `The agent signs out of CCS.` → `The agent logs out of the CCS.`\n"
    ));
    assert_eq!(entry, located_revision().render(Format::Changelog));
    let none = diff(&codes_toml(), &codes_toml()).to_changelog(Some("0.1.1"), None);
    assert_eq!(none, "## [0.1.1]\n\nThe vendor's tables did not change.\n");
}

#[test]
fn the_first_entry_adds_every_table_and_marker() {
    let entry =
        codes_tools::diff::initial(&codes_toml()).to_changelog(Some("0.1.0"), Some("2026-11-29"));
    let bullets: Vec<&str> = entry
        .lines()
        .filter(|line| line.starts_with("- "))
        .collect();
    assert_eq!(
        bullets,
        [
            "- `not_applicable/MinusOne`: not-applicable marker added: `MinusOne` (`-1: \"not used\" in the 2023 revision of the table.`)",
            "- `not_applicable/UsNoUse`: not-applicable marker added: `UsNoUse` (`65535: US_NO_USE (0xFFFF) in later revisions.`)",
            "- `OperationType`: table added: `OperationType` (`Table 1 Agent operation type`) (29 rows)",
            "- `MediaType`: table added: `MediaType` (`Description of Call Media Types`) (29 rows)",
            "- `AgentType`: table added: `AgentType` (`Table 1 Agent type.`) (14 rows)",
            "- `CallDirection`: table added: `CallDirection` (`呼入呼出标志,包括:`) (4 rows)",
        ]
    );
}

#[test]
fn reports_are_deterministic() {
    let (first, second) = (
        diff(&codes_toml(), &revision()),
        diff(&codes_toml(), &revision()),
    );
    assert_eq!(first, second);
    for format in Format::ALL {
        assert_eq!(first.render(format), second.render(format));
    }
}

#[test]
fn render_gives_each_format() {
    let report = diff(&codes_toml(), &revision());
    assert_eq!(report.render(Format::Text), report.to_text());
    assert_eq!(report.render(Format::Markdown), report.to_markdown());
    assert_eq!(report.render(Format::Json), report.to_json());
}

/// A one-row diff whose vendor text holds Markdown, quotes and a line break.
fn tricky() -> SpecDiff {
    let old = row(3, "Busy", "");
    let new = old.replace(
        "description = \"Busy.\"",
        "description = \"Busy `now`: *really* <b>|</b>\\n\\\"quoted\\\"\"",
    );
    diff(&spec(&old), &spec(&new))
}

#[test]
fn text_quotes_vendor_text_and_escapes_control_characters() {
    assert_eq!(
        tricky().to_text(),
        "OperationType\n  \
           api:patch    data:patch     OperationType/row 3: row description changed: \
           \"Busy.\" -> \"Busy `now`: *really* <b>|</b>\\n\\\"quoted\\\"\"\n\
         api impact: patch (0 breaking, 0 minor, 1 patch, 0 cosmetic)\n\
         data impact: patch (0 breaking, 0 minor, 1 patch, 0 cosmetic)\n"
    );
}

#[test]
fn markdown_puts_vendor_text_in_safe_code_spans() {
    assert_eq!(
        tricky().to_markdown(),
        "**API impact: patch (0 breaking, 0 minor, 1 patch, 0 cosmetic)**; **data impact: patch (0 breaking, 0 minor, 1 patch, 0 cosmetic)**\n\n### Patch (API)\n\n- `OperationType/row 3`: row description changed: `Busy.` → ``Busy `now`: *really* <b>|</b>\\u{a}\"quoted\"``\n"
    );
}

#[test]
fn markdown_code_spans_parse_back_to_the_vendor_text() {
    use pulldown_cmark::{Event, Parser, Tag};
    let tricky = [
        "`tick",
        "tick`",
        "a ``double`` b",
        " spaced ",
        "*x* <b>|</b> [link](url) # h",
        "- [ ] item\n# heading",
        "\u{202E}reversed",
    ];
    let rows: String = (0..tricky.len())
        .map(|i| row(i as i32, &format!("R{i}"), ""))
        .collect();
    let old = spec(&rows);
    let new_rows: String = tricky
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let description = toml_string(text);
            format!("\n[[table.row]]\ncode = {i}\nname = \"R{i}\"\ndescription = {description}\n")
        })
        .collect();
    let new = spec(&new_rows);
    let markdown = diff(&old, &new).to_markdown();
    let (mut codes, mut items, mut headings) = (Vec::new(), 0, 0);
    for event in Parser::new(&markdown) {
        match event {
            Event::Code(code) => codes.push(code.into_string()),
            Event::Start(Tag::Item) => items += 1,
            Event::Start(Tag::Heading { .. }) => headings += 1,
            _ => {}
        }
    }
    assert_eq!((items, headings), (tricky.len(), 1), "{markdown}");
    let visible = |text: &str| {
        text.replace('\n', "\\u{a}")
            .replace('\u{202E}', "\\u{202e}")
    };
    let expected: Vec<String> = tricky
        .iter()
        .enumerate()
        .flat_map(|(i, text)| {
            [
                format!("OperationType/row {i}"),
                format!("R{i}."),
                visible(text),
            ]
        })
        .collect();
    assert_eq!(codes, expected, "{markdown}");
}

#[test]
fn markdown_groups_changes_by_impact_from_breaking_down() {
    let old = row(1, "SignIn", "") + &row(3, "Busy", "");
    let new = row(1, "SignIn", "").replace("SignIn.\"", "Signs in.\"") + &row(4, "Talking", "");
    assert_eq!(
        diff(&spec(&old), &spec(&new)).to_markdown(),
        "**API impact: breaking (1 breaking, 1 minor, 1 patch, 0 cosmetic)**; **data impact: breaking (1 breaking, 1 minor, 1 patch, 0 cosmetic)**\n\n### Breaking (API)\n\n- `OperationType/row 3`: row removed: `Busy` (`Busy.`)\n\n### Minor (API)\n\n- `OperationType/row 4`: row added: `Talking` (`Talking.`)\n\n### Patch (API)\n\n- `OperationType/row 1`: row description changed: `SignIn.` → `Signs in.`\n"
    );
}

#[test]
fn json_lists_rules_values_and_codes() {
    let old = row(26, "Rest", "") + &reason("open = true\ndefault = 0", "RestCause");
    let new =
        row(26, "Rest", "") + &reason("open = true", "RestCause") + &reason("code = 7", "Lunch");
    assert_eq!(
        diff(&spec(&old), &spec(&new)).to_json(),
        r#"{
  "format_version": 2,
  "impact": {
    "api": "breaking",
    "data": "breaking"
  },
  "unaccepted_impact": {
    "api": "breaking",
    "data": "breaking"
  },
  "counts": {
    "api": {
      "breaking": 1,
      "minor": 0,
      "patch": 1,
      "cosmetic": 0
    },
    "data": {
      "breaking": 1,
      "minor": 0,
      "patch": 1,
      "cosmetic": 0
    },
    "accepted": 0
  },
  "files": {
    "old": null,
    "new": null
  },
  "changes": [
    {
      "rule": "reason_default_changed",
      "path": "OperationType/row 26/reason any",
      "impact": {
        "api": "patch",
        "data": "patch"
      },
      "accepted": false,
      "accepted_reason": null,
      "old": {
        "kind": "open",
        "default": 0
      },
      "new": {
        "kind": "open",
        "default": null
      },
      "detail": "every code decodes as before",
      "old_line": null,
      "new_line": null,
      "annotated_line": null
    },
    {
      "rule": "reason_added",
      "path": "OperationType/row 26/reason 7",
      "impact": {
        "api": "breaking",
        "data": "breaking"
      },
      "accepted": false,
      "accepted_reason": null,
      "old": null,
      "new": {
        "name": "Lunch",
        "text": "Lunch reason."
      },
      "detail": "takes 7 from RestCause",
      "old_line": null,
      "new_line": null,
      "annotated_line": null
    }
  ],
  "stale_acceptances": [],
  "version_check": null
}
"#
    );
}

#[test]
fn json_writes_single_codes_as_objects() {
    let report = diff(
        &spec(&(row(3, "Busy", "") + &reason("code = 5", "Phone"))),
        &spec(&(row(3, "Busy", "") + &reason("code = 6", "Phone"))),
    );
    let json = report.to_json();
    assert!(
        json.contains("\"old\": {\n        \"kind\": \"single\",\n        \"code\": 5\n      },"),
        "{json}"
    );
}

#[test]
fn impacts_order_display_and_parse() {
    assert!(Cosmetic < Patch && Patch < Minor && Minor < Breaking);
    assert!(None < Some(Cosmetic));
    for (impact, name) in [
        (Cosmetic, "cosmetic"),
        (Patch, "patch"),
        (Minor, "minor"),
        (Breaking, "breaking"),
    ] {
        assert_eq!(impact.to_string(), name);
        assert_eq!(name.parse::<Impact>(), Ok(impact));
    }
    assert_eq!(
        "major".parse::<Impact>().unwrap_err().to_string(),
        "unknown impact \"major\": expected breaking, minor, patch or cosmetic"
    );
    assert_eq!(
        "Breaking".parse::<Impact>().unwrap_err().to_string(),
        "unknown impact \"Breaking\": expected breaking, minor, patch or cosmetic"
    );
}

#[test]
fn formats_display_and_parse() {
    for (format, name) in [
        (Format::Text, "text"),
        (Format::Markdown, "markdown"),
        (Format::Json, "json"),
        (Format::GithubActions, "github-actions"),
        (Format::Junit, "junit"),
        (Format::Changelog, "changelog"),
    ] {
        assert_eq!(format.to_string(), name);
        assert_eq!(name.parse::<Format>(), Ok(format));
    }
    assert_eq!(
        "md".parse::<Format>().unwrap_err().to_string(),
        "unknown format \"md\": expected text, markdown, json, github-actions, junit or changelog"
    );
}

#[test]
fn change_kinds_have_json_names_and_words() {
    assert_eq!(ReasonCodesNarrowed.as_str(), "reason_codes_narrowed");
    assert_eq!(ReasonCodesNarrowed.to_string(), "reason codes narrowed");
    assert_eq!(RecordAdded.as_str(), "record_added");
    assert_eq!(RecordAdded.to_string(), "record names added");
}

#[test]
fn fail_on_compares_the_whole_impact_with_a_threshold() {
    let report = diff(&codes_toml(), &revision());
    let fails = |threshold: &str| report.impact() >= Some(threshold.parse::<Impact>().unwrap());
    assert!(fails("breaking") && fails("minor") && fails("patch"));
    let same = diff(&codes_toml(), &codes_toml());
    assert!(same.impact() < Some(Patch));
}

// Rules.

#[test]
fn every_rule_has_a_stable_id_read_back_and_a_row_in_the_docs() {
    let docs = include_str!("../src/diff.rs");
    let (_, rules) = docs.split_once("//! | Rule ID |").unwrap();
    let table: Vec<&str> = rules
        .lines()
        .skip(1)
        .take_while(|line| line.starts_with("//! |"))
        .filter_map(|line| line.strip_prefix("//! | `"))
        .filter_map(|line| line.split_once('`').map(|(id, _)| id))
        .collect();
    let ids: Vec<&str> = ChangeKind::ALL.iter().map(|kind| kind.as_str()).collect();
    assert_eq!(
        table, ids,
        "the module docs' rule table lists every rule in order"
    );
    for kind in ChangeKind::ALL {
        assert_eq!(kind.as_str().parse::<ChangeKind>(), Ok(kind));
        let words = kind.to_string();
        assert!(
            docs.contains(&format!("//! | `{}` | {words} | ", kind.as_str())),
            "{kind:?} is reported as {words:?} in the docs"
        );
    }
    assert_eq!(
        "row_remved".parse::<ChangeKind>().unwrap_err().to_string(),
        "unknown rule \"row_remved\": expected a rule ID such as row_removed \
         (see the codes_tools::diff docs)"
    );
    let change = &changes(&(row(1, "A", "") + &row(2, "B", "")), &row(1, "A", ""))[0];
    assert_eq!(change.rule(), "row_removed");
}

// Configuration.

const CONFIG: &str = "\
# Levels, whatever the case.
[rules]
row_description_changed = \"cosmetic\"
row_added = \"breaking\"

[[accept]]
rule = \"row_removed\"
path = \"OperationType/row 3\"
reason = \"Busy is reported by the presence service now.\"

[[accept]]
rule = \"row_removed\"
path = \"OperationType/row 9\"
reason = \"Stale: row 9 is long gone.\"
";

#[test]
fn a_config_sets_rule_levels_and_accepts_changes_by_rule_and_path() {
    let config = DiffConfig::parse("codes-diff.toml", CONFIG).unwrap();
    assert_eq!(config.level(RowAdded), Some(Breaking));
    assert_eq!(config.level(RowRemoved), None);
    assert_eq!(config.acceptances().len(), 2);
    assert_eq!(config.acceptances()[1].place, "codes-diff.toml:11:1");

    let old = row(1, "SignIn", "") + &row(3, "Busy", "");
    let new = row(1, "SignIn", "").replace("SignIn.\"", "Signs in.\"") + &row(4, "Talking", "");
    let mut report = diff(&spec(&old), &spec(&new));
    let unused = report.configure(&config);
    assert_eq!(unused, [&config.acceptances()[1]]);
    let summary: Vec<(ChangeKind, Impact, Option<&str>)> = report
        .changes()
        .iter()
        .map(|change| (change.kind, change.impact, change.accepted.as_deref()))
        .collect();
    assert_eq!(
        summary,
        [
            (RowDescriptionChanged, Cosmetic, None),
            (
                RowRemoved,
                Breaking,
                Some("Busy is reported by the presence service now.")
            ),
            (RowAdded, Breaking, None),
        ]
    );
    assert_eq!(report.impact(), Some(Breaking));
    assert_eq!(report.unaccepted_impact(), Some(Breaking));
    assert_eq!(report.accepted(), 1);
    assert_eq!(
        report.to_text(),
        "OperationType\n  \
           api:cosmetic data:patch     OperationType/row 1: row description changed: \
           \"SignIn.\" -> \"Signs in.\"\n  \
           api:breaking data:breaking  OperationType/row 3: row removed: Busy \"Busy.\" \
           [accepted: \"Busy is reported by the presence service now.\"]\n  \
           api:breaking data:minor     OperationType/row 4: row added: Talking \"Talking.\"\n\
         api impact: breaking (2 breaking, 0 minor, 0 patch, 1 cosmetic; 1 accepted)\n\
         data impact: breaking (1 breaking, 1 minor, 1 patch, 0 cosmetic; 1 accepted)\n\
         api impact of changes not accepted: breaking\n\
         data impact of changes not accepted: minor\n"
    );
    assert_eq!(
        report.to_markdown(),
        "**API impact: breaking (2 breaking, 0 minor, 0 patch, 1 cosmetic; 1 accepted)**; \
         **data impact: breaking (1 breaking, 1 minor, 1 patch, 0 cosmetic; 1 accepted)**\n\
         \n\
         **Impact of changes not accepted: API breaking, data minor**\n\
         \n\
         ### Breaking (API)\n\
         \n\
         - `OperationType/row 3`: row removed: `Busy` (`Busy.`) — **accepted**: \
           Busy is reported by the presence service now.\n\
         - `OperationType/row 4`: row added (data: minor): `Talking` (`Talking.`)\n\
         \n\
         ### Cosmetic (API)\n\
         \n\
         - `OperationType/row 1`: row description changed (data: patch): `SignIn.` → `Signs in.`\n"
    );
}

#[test]
fn accepting_every_change_leaves_no_impact_to_fail_on() {
    let config = DiffConfig::parse(
        "c.toml",
        "[[accept]]\nrule = \"row_removed\"\npath = \"OperationType/row 3\"\nreason = \"r\"\n",
    )
    .unwrap();
    let kept = row(1, "SignIn", "");
    let mut report = diff(&spec(&(kept.clone() + &row(3, "Busy", ""))), &spec(&kept));
    assert!(report.configure(&config).is_empty());
    assert_eq!(report.impact(), Some(Breaking));
    assert_eq!(report.unaccepted_impact(), None);
}

#[test]
fn bad_configs_are_errors_at_their_line_and_column() {
    let error = |text: &str| DiffConfig::parse("codes-diff.toml", text).unwrap_err();
    let unknown = error("[rules]\nrow_added = \"minor\"\n  rows_added = \"minor\"\n");
    assert_eq!(
        (unknown.line, unknown.column, unknown.message.as_str()),
        (
            3,
            3,
            "unknown rule \"rows_added\"; did you mean \"row_added\"?"
        )
    );
    assert_eq!(
        unknown.to_string(),
        "codes-diff.toml:3:3: unknown rule \"rows_added\"; did you mean \"row_added\"?"
    );
    assert_eq!(
        error("[rules]\nrow_added = \"Minor\"\n").to_string(),
        "codes-diff.toml:2:13: unknown level \"Minor\": expected breaking, minor, patch or cosmetic"
    );
    assert_eq!(
        error("[[accept]]\nrule = \"row_added\"\npath = \" \"\nreason = \"r\"\n").to_string(),
        "codes-diff.toml:3:8: an accepted change needs the path the report prints"
    );
    assert_eq!(
        error("[[accept]]\nrule = \"row_added\"\npath = \"p\"\nreason = \"r\"\nwhy = 1\n")
            .to_string(),
        "codes-diff.toml:5:1: unknown field `why`, expected one of `rule`, `path`, `reason`"
    );
    assert_eq!(
        error("[rules]\nrow_added = \"minor\"\nrow_added = \"patch\"\n").to_string(),
        "codes-diff.toml:3:1: duplicate key"
    );
    assert_eq!(
        DiffConfig::parse("empty.toml", ""),
        Ok(DiffConfig::default())
    );
}

// Locating changes in the texts.

/// The 1-based line of `text` holding `needle`, which is there once.
fn line_of(text: &str, needle: &str) -> usize {
    let lines: Vec<usize> = (text.lines().enumerate())
        .filter(|(_, line)| line.contains(needle))
        .map(|(index, _)| index + 1)
        .collect();
    assert_eq!(lines.len(), 1, "{needle:?} once in\n{text}");
    lines[0]
}

/// Where the items of spec `text` are.
fn sources(text: &str) -> SourceMap {
    Spec::from_toml_with_sources("codes.toml", text)
        .expect("a valid spec")
        .1
}

/// Each change's rule, path, and old and new line, once located.
fn lines(old: &str, new: &str) -> Vec<(ChangeKind, String, Option<usize>, Option<usize>)> {
    let mut report = diff(&parse(old), &parse(new));
    let (old_sources, new_sources) = (sources(old), sources(new));
    let side = |sources| SpecText {
        file: Some("codes.toml"),
        sources,
    };
    report.locate(side(&old_sources), side(&new_sources));
    report
        .changes()
        .iter()
        .map(|change| {
            (
                change.kind,
                change.path.clone(),
                change.old_line,
                change.new_line,
            )
        })
        .collect()
}

#[test]
fn changes_are_located_at_the_key_that_changed_or_at_their_item() {
    let rows = row(1, "SignIn", "notes = [\n  \"First.\",\n  \"Second.\",\n]\n")
        + &reason("code = 1", "A")
        + &reason("range = [2, 9]", "B")
        + &row(2, "Idle", "")
        + &row(3, "Busy", "reason = [{ code = 5, name = \"Phone\" }]\n");
    let old = format!("{SOURCE}{}", table(&format!("{KINDS}{rows}")));
    let new = old
        .replace("vendor = \"V\"", "vendor = \"V2\"")
        .replace("\"US_NO_USE\"", "\"US_NO_USE (0xFFFF)\"")
        .replace("text = \"Agent ID.\"", "text = \"Agent ID\"")
        .replace("\"Second.\"", "\"Second, reworded.\"")
        .replace("range = [2, 9]", "range = [2, 12]")
        .replace(&row(2, "Idle", ""), "")
        .replace("name = \"Phone\" }", "name = \"OnThePhone\" }")
        + &row(4, "Talking", "")
        + &reason("code = 0", "Zero");
    let at = |text: &str, needle: &str| Some(line_of(text, needle));
    let both = |needle: &str, renewed: &str| (at(&old, needle), at(&new, renewed));
    let path = |path: &str| path.to_string();
    let expected = vec![
        (
            ProvenanceChanged,
            path("source/vendor"),
            both("vendor = ", "vendor = "),
        ),
        (
            MarkerDescriptionChanged,
            path("not_applicable/UsNoUse"),
            both("\"US_NO_USE\"", "\"US_NO_USE (0xFFFF)\""),
        ),
        (
            ObjectKindTextChanged,
            path("OperationType/object kind AgentId"),
            both("\"Agent ID.\"", "\"Agent ID\""),
        ),
        (
            NoteChanged,
            path("OperationType/row 1/note 2"),
            both("\"Second.\"", "\"Second, reworded.\""),
        ),
        (
            ReasonCodesWidened,
            path("OperationType/row 1/reason 2-9"),
            both("range = [2, 9]", "range = [2, 12]"),
        ),
        (
            RowRemoved,
            path("OperationType/row 2"),
            (Some(line_of(&old, "code = 2") - 1), None),
        ),
        (
            ReasonRenamed,
            path("OperationType/row 3/reason 5"),
            both("\"Phone\"", "\"OnThePhone\""),
        ),
        (
            RowAdded,
            path("OperationType/row 4"),
            (None, Some(line_of(&new, "code = 4") - 1)),
        ),
        (
            ReasonAdded,
            path("OperationType/row 4/reason 0"),
            (None, Some(line_of(&new, "code = 0") - 1)),
        ),
    ];
    let expected: Vec<_> = expected
        .into_iter()
        .map(|(kind, path, (old, new))| (kind, path, old, new))
        .collect();
    assert_eq!(lines(&old, &new), expected);
}

#[test]
fn a_reordering_is_located_at_the_first_item_out_of_place() {
    let (a, b, c) = (row(1, "SignIn", ""), row(2, "Idle", ""), row(3, "Busy", ""));
    let old = format!("{SOURCE}{}", table(&format!("{KINDS}{a}{b}{c}")));
    let new = format!("{SOURCE}{}", table(&format!("{KINDS}{a}{c}{b}")));
    assert_eq!(
        lines(&old, &new),
        [(
            RowsReordered,
            "OperationType".to_string(),
            Some(line_of(&old, "code = 3") - 1),
            Some(line_of(&new, "code = 3") - 1)
        )]
    );
}

#[test]
fn a_map_that_is_not_the_specs_locates_nothing() {
    let old = row(1, "SignIn", "");
    let new = old.replace("SignIn.\"", "Signs in.\"");
    let mut report = diff(&spec(&old), &spec(&new));
    report.locate(
        SpecText {
            file: Some("a.toml"),
            sources: &SourceMap::default(),
        },
        SpecText {
            file: None,
            sources: &SourceMap::default(),
        },
    );
    let change = &report.changes()[0];
    assert_eq!((change.old_line, change.new_line), (None, None));
    // No file and no line: the annotation has neither.
    assert_eq!(
        report.to_github_actions(),
        "::notice title=row_description_changed (api patch%2C data patch)::OperationType/row 1: \
         row description changed: \"SignIn.\" -> \"Signs in.\"\n\
         api impact: patch (0 breaking, 0 minor, 1 patch, 0 cosmetic)\n\
         data impact: patch (0 breaking, 0 minor, 1 patch, 0 cosmetic)\n"
    );
}

// Reports for CI.

#[test]
fn annotations_follow_the_impact_and_escape_what_would_end_them() {
    let old = row(1, "SignIn", "") + &row(3, "Busy", "");
    let new =
        row(1, "SignIn", "").replace("SignIn.\"", "100%\\nsigned in.\"") + &row(4, "Talking", "");
    let (old, new) = (
        format!("{SOURCE}{}", table(&format!("{KINDS}{old}"))),
        format!("{SOURCE}{}", table(&format!("{KINDS}{new}"))),
    );
    let mut report = diff(&parse(&old), &parse(&new));
    report.locate(
        SpecText {
            file: Some("old,v1: spec.toml"),
            sources: &sources(&old),
        },
        SpecText {
            file: Some("codes.toml"),
            sources: &sources(&new),
        },
    );
    let config = "[rules]\nrow_added = \"cosmetic\"\n";
    report.configure(&DiffConfig::parse("c.toml", config).unwrap());
    // A removed row is annotated in the new file, at its table's header.
    let table = line_of(&new, "[[table]]");
    let (description, busy, talking) = (
        line_of(&new, "100%"),
        line_of(&old, "code = 3") - 1,
        line_of(&new, "code = 4") - 1,
    );
    assert_eq!(
        report.to_github_actions(),
        format!(
            "::notice file=codes.toml,line={description},title=row_description_changed \
             (api patch%2C data patch)::\
             OperationType/row 1: row description changed: \"SignIn.\" -> \"100%25\\nsigned in.\"\n\
             ::error file=codes.toml,line={table},title=row_removed (api breaking%2C data breaking)::\
             OperationType/row 3: row removed: Busy \"Busy.\" \
             (was at line {busy} of the old old,v1: spec.toml)\n\
             ::warning file=codes.toml,line={talking},title=row_added (api cosmetic%2C data minor)::\
             OperationType/row 4: row added: Talking \"Talking.\"\n\
             api impact: breaking (1 breaking, 0 minor, 1 patch, 1 cosmetic)\n\
             data impact: breaking (1 breaking, 1 minor, 1 patch, 0 cosmetic)\n"
        )
    );
}

#[test]
fn junit_escapes_vendor_text_and_has_no_case_without_changes() {
    let junit = tricky().to_junit();
    assert!(
        junit.contains(
            "      <system-out>api patch, data patch: OperationType/row 3: row description changed: \
             &quot;Busy.&quot; -&gt; &quot;Busy `now`: *really* &lt;b&gt;|&lt;/b&gt;\\n\\&quot;quoted\\&quot;&quot;\
             </system-out>\n"
        ),
        "{junit}"
    );
    assert_eq!(
        diff(&codes_toml(), &codes_toml()).to_junit(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <testsuites name=\"codes diff\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">\n  \
           <testsuite name=\"codes diff\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">\n  \
           </testsuite>\n\
         </testsuites>\n"
    );
}

#[test]
fn json_marks_accepted_changes_and_their_reason() {
    let config = DiffConfig::parse(
        "c.toml",
        "[[accept]]\nrule = \"row_removed\"\npath = \"OperationType/row 3\"\nreason = \"gone\"\n",
    )
    .unwrap();
    let kept = row(1, "SignIn", "");
    let mut report = diff(&spec(&(kept.clone() + &row(3, "Busy", ""))), &spec(&kept));
    report.configure(&config);
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["format_version"], JSON_FORMAT_VERSION);
    assert_eq!(json["impact"]["api"], "breaking");
    assert_eq!(json["impact"]["data"], "breaking");
    assert_eq!(json["unaccepted_impact"]["api"], serde_json::Value::Null);
    assert_eq!(json["unaccepted_impact"]["data"], serde_json::Value::Null);
    assert_eq!(json["counts"]["accepted"], 1);
    assert_eq!(json["changes"][0]["rule"], "row_removed");
    assert_eq!(json["changes"][0]["accepted"], true);
    assert_eq!(json["changes"][0]["accepted_reason"], "gone");
}

// Version bumps.

fn version(text: &str) -> Version {
    Version::parse(text).unwrap()
}

#[test]
fn bumps_are_measured_by_the_first_part_that_changes() {
    let bump = |old: &str, new: &str| Bump::between(&version(old), &version(new));
    assert_eq!(bump("1.2.3", "2.0.0"), Bump::Major);
    assert_eq!(bump("1.2.3", "1.3.0"), Bump::Minor);
    assert_eq!(bump("1.2.3", "1.2.4"), Bump::Patch);
    assert_eq!(bump("1.2.3", "1.2.3"), Bump::Same);
    assert_eq!(bump("1.2.3-rc.1", "1.2.3"), Bump::Same);
    assert_eq!(bump("1.2.3", "1.2.3-rc.1"), Bump::Lower);
    assert_eq!(bump("1.2.3", "1.1.9"), Bump::Lower);
    assert_eq!(bump("0.1.0", "1.0.0-alpha"), Bump::Major);
}

#[test]
fn the_bump_needed_follows_cargo_semver_before_and_after_1_0() {
    let required = |impact: Option<Impact>, old: &str| Bump::required(impact, &version(old));
    for (old, breaking, minor, patch) in [
        ("1.2.3", Bump::Major, Bump::Minor, Bump::Patch),
        ("0.2.3", Bump::Minor, Bump::Patch, Bump::Patch),
        ("0.0.3", Bump::Patch, Bump::Patch, Bump::Patch),
    ] {
        assert_eq!(required(Some(Breaking), old), breaking, "{old}");
        assert_eq!(required(Some(Minor), old), minor, "{old}");
        assert_eq!(required(Some(Patch), old), patch, "{old}");
        assert_eq!(required(Some(Cosmetic), old), Bump::Same, "{old}");
        assert_eq!(required(None, old), Bump::Same, "{old}");
    }
}

#[test]
fn a_version_check_says_what_is_needed_and_what_was_done() {
    let check =
        |old: &str, new: &str, impact| VersionCheck::new(version(old), version(new), impact);
    let missing = check("0.4.2", "0.4.3", Some(Breaking));
    assert!(!missing.passes());
    assert_eq!(
        missing.to_string(),
        "missing version bump: breaking changes need a minor bump (the version is 0.x), \
         but 0.4.2 -> 0.4.3 is a patch bump"
    );
    let more = check("1.0.0", "2.0.0", Some(Patch));
    assert!(more.passes());
    assert_eq!(
        more.to_string(),
        "version bump: 1.0.0 -> 2.0.0 is a major bump; patch changes need a patch bump"
    );
    assert_eq!(
        check("1.0.0", "1.0.0", Some(Cosmetic)).to_string(),
        "version unchanged: 1.0.0 is not a release yet; cosmetic changes need no bump"
    );
    assert_eq!(
        check("1.0.0", "1.0.0", None).to_string(),
        "version unchanged: 1.0.0 is not a release yet; nothing changed, so no bump is needed"
    );
    // The released version still: the changes wait for the next release,
    // whose bump is checked then (CONTRIBUTING bumps at release).
    let waiting = check("0.4.2", "0.4.2", Some(Breaking)).since("v0.4.2");
    assert!(waiting.passes() && waiting.is_unreleased());
    assert_eq!(
        waiting.to_string(),
        "version unchanged since v0.4.2: 0.4.2 is not a release yet; breaking changes need \
         a minor bump (the version is 0.x) at the next release"
    );
    let down = check("1.0.0", "0.9.0", None);
    assert!(!down.passes());
    assert_eq!(
        down.to_string(),
        "missing version bump: nothing changed, so no bump is needed, \
         but 1.0.0 -> 0.9.0 is a step down"
    );
}

#[test]
fn manifests_give_their_version_or_defer_to_the_workspace() {
    assert_eq!(
        PackageVersion::of_package("[package]\nname = \"x\"\nversion = \"1.2.3\"\n"),
        Ok(PackageVersion::Version(version("1.2.3")))
    );
    assert_eq!(
        PackageVersion::of_package("[package]\nversion.workspace = true\n"),
        Ok(PackageVersion::Workspace)
    );
    assert_eq!(
        PackageVersion::of_package("[package]\nversion = \"1.2\"\n")
            .unwrap_err()
            .to_string(),
        "version \"1.2\" is not a semantic version: unexpected end of input while parsing minor version number"
    );
    assert_eq!(
        PackageVersion::of_package("[workspace]\n")
            .unwrap_err()
            .to_string(),
        "no package version (`version` under `[package]`)"
    );
    assert_eq!(
        PackageVersion::of_package("[package\n")
            .unwrap_err()
            .to_string(),
        "1:9: unclosed table, expected `]`"
    );
    assert_eq!(
        PackageVersion::of_workspace("[workspace.package]\nversion = \"0.3.0\"\n"),
        Ok(Some(version("0.3.0")))
    );
    assert_eq!(PackageVersion::of_workspace("[package]\n"), Ok(None));
    assert_eq!(
        PackageVersion::of_workspace("[workspace]\nmembers = []\n")
            .unwrap_err()
            .to_string(),
        "the workspace gives no package version (`version` under `[workspace.package]`)"
    );
}

// Two axes of impact.

/// The (API, data) impacts of each change from `old` to `new` rows.
fn axes(old: &str, new: &str) -> Vec<(ChangeKind, Impact, Impact)> {
    changes(old, new)
        .iter()
        .map(|change| (change.kind, change.impact, change.data_impact))
        .collect()
}

#[test]
fn a_rename_breaks_the_api_and_a_renumber_breaks_data_too() {
    let before = row(1, "SignIn", "");
    assert_eq!(
        axes(&before, &row(1, "LogIn", "").replace("LogIn.", "SignIn.")),
        [(RowRenamed, Breaking, Patch)]
    );
    assert_eq!(
        axes(&before, &row(2, "SignIn", "")),
        [(RowRenumbered, Breaking, Breaking)]
    );
    assert_eq!(
        axes(&before, &before.replace("SignIn.\"", "Signs in.\"")),
        [(RowDescriptionChanged, Patch, Patch)]
    );
}

#[test]
fn lifting_a_reservation_breaks_data_only() {
    let kept = row(1, "SignIn", "");
    let reserved = "\n[[table.reserved]]\ncode = 3\nname = \"Busy\"\n";
    assert_eq!(
        axes(&format!("{kept}{reserved}"), &kept),
        [(ReservedRemoved, Patch, Breaking)]
    );
}

#[test]
fn fail_on_each_axis_goes_by_its_own_impact() {
    let kept = row(1, "SignIn", "");
    let renamed = diff(
        &spec(&kept),
        &spec(&kept.replace("name = \"SignIn\"", "name = \"LogIn\"")),
    );
    assert_eq!(renamed.unaccepted_impact_on(Axis::Api), Some(Breaking));
    assert_eq!(renamed.unaccepted_impact_on(Axis::Data), Some(Patch));
    assert_eq!(renamed.impact_on(Axis::Data), Some(Patch));
    assert_eq!(renamed.count_on(Axis::Data, Patch), 1);
}

#[test]
fn a_config_sets_a_level_per_axis() {
    let config = DiffConfig::parse(
        "c.toml",
        "[rules]\nrow_renamed = { api = \"minor\", data = \"cosmetic\" }\nrow_added = \"patch\"\n",
    )
    .unwrap();
    assert_eq!(config.level(RowRenamed), Some(Minor));
    assert_eq!(config.data_level(RowRenamed), Some(Cosmetic));
    assert_eq!(config.level(RowAdded), Some(Patch));
    assert_eq!(config.data_level(RowAdded), None);
    let error =
        DiffConfig::parse("c.toml", "[rules]\nrow_added = { wire = \"minor\" }\n").unwrap_err();
    assert_eq!(
        error.to_string(),
        "c.toml:2:13: unknown axis \"wire\": expected `api` or `data`"
    );
    let error = DiffConfig::parse("c.toml", "[rules]\nrow_added = 3\n").unwrap_err();
    assert_eq!(
        error.to_string(),
        "c.toml:2:13: a level is breaking, minor, patch or cosmetic, as a string, \
         or a table of one per axis: { api = \"…\", data = \"…\" }"
    );
}

#[test]
fn accepting_a_change_never_lowers_the_impact_the_version_check_counts() {
    let config = DiffConfig::parse(
        "c.toml",
        "[[accept]]\nrule = \"row_removed\"\npath = \"OperationType/row 3\"\nreason = \"r\"\n",
    )
    .unwrap();
    let kept = row(1, "SignIn", "");
    let mut report = diff(&spec(&(kept.clone() + &row(3, "Busy", ""))), &spec(&kept));
    report.configure(&config);
    assert_eq!(report.unaccepted_impact(), None);
    let check =
        VersionCheck::new(version("0.1.0"), version("0.1.1"), report.impact()).since("v0.1.0");
    assert!(!check.passes());
    assert_eq!(
        check.to_string(),
        "missing version bump since v0.1.0: breaking changes need a minor bump \
         (the version is 0.x), but 0.1.0 -> 0.1.1 is a patch bump"
    );
}

#[test]
fn every_rule_lists_both_axes() {
    let text = codes_tools::diff::rules_text();
    assert_eq!(text.lines().count(), ChangeKind::ALL.len());
    assert!(text.contains(
        "reserved_removed            api: patch     data: breaking  A reservation is lifted"
    ));
    let json: serde_json::Value = serde_json::from_str(&codes_tools::diff::rules_json()).unwrap();
    assert_eq!(json["format_version"], JSON_FORMAT_VERSION);
    let rules = json["rules"].as_array().unwrap();
    assert_eq!(rules.len(), ChangeKind::ALL.len());
    let renamed = rules
        .iter()
        .find(|rule| rule["id"] == "row_renamed")
        .unwrap();
    assert_eq!(renamed["api"]["default"], "breaking");
    assert_eq!(renamed["data"]["default"], "patch");
    assert_eq!(renamed["reported_as"], "row renamed");
}

#[test]
fn the_documented_configurations_parse() {
    let docs = include_str!("../src/diff.rs");
    let (_, example) = docs
        .split_once("//! ```toml\n//! # codes-diff.toml\n")
        .unwrap();
    let (example, _) = example.split_once("//! ```").unwrap();
    let example: String = example
        .lines()
        .map(|line| line.strip_prefix("//!").unwrap().trim_start_matches(' '))
        .map(|line| format!("{line}\n"))
        .collect();
    let config = DiffConfig::parse("codes-diff.toml", &example).unwrap();
    assert_eq!(config.release_tags(), Some("v*"));
    assert_eq!(config.level(RowRenamed), Some(Breaking));
    assert_eq!(config.data_level(RowRenamed), Some(Cosmetic));
    assert_eq!(config.acceptances().len(), 1);

    let readme = include_str!("../../README.md");
    let (_, example) = readme.split_once("  ```toml\n  [rules]\n").unwrap();
    let (example, _) = example.split_once("  ```").unwrap();
    let example = format!("[rules]\n{}", example.replace("\n  ", "\n").trim_start());
    let config = DiffConfig::parse("codes-diff.toml", &example).unwrap();
    assert_eq!(config.release_tags(), Some("v*"));
    assert_eq!(config.data_level(RowRenamed), Some(Cosmetic));
}
