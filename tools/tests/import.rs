//! Tests of the vendor table import and merge.
//!
//! Fixtures are the vendor tables of `tests/fixtures/vendor/` (see
//! `tests/vendor_doc.rs`) and the repository's own `codes.toml`. Golden
//! files (`tests/golden/`) are checked, and rewritten only with `BLESS=1`:
//! `BLESS=1 cargo test -p codes-tools --test import --test import_family`.
//! The pages of the family beyond the operation table are tested in
//! `tests/import_family.rs`.

mod support;

use std::collections::BTreeMap;

use codes_codegen::Spec;
use codes_tools::import::{
    ImportError, ImportOptions, Imported, Lang, MergeOptions, import, merge, merge_with,
};
use codes_tools::vendor_doc::{
    Column, DocError, Layout, Located, ObjectCell, ReasonParagraph, VendorRow, VendorTable, parse,
};
use support::{CODES_TOML, PAGE_2023, PIPE_2023, PIPE_2025, golden, valid};

/// The 2023 page imported fresh: a spec of the operation table alone.
const IMPORTED_2023: &str = include_str!("golden/imported-2023.toml");

fn table(text: &str) -> VendorTable {
    parse(text).unwrap_or_else(|errors| panic!("vendor text: {errors:#?}"))
}

fn merged(spec: &str, vendor: &str) -> Imported {
    merge("codes.toml", spec, &table(vendor)).unwrap_or_else(|error| panic!("{error}"))
}

/// The options of the repository's operation table: its name and page.
fn operation_table() -> ImportOptions {
    ImportOptions {
        page: Some("cec_07_4243".into()),
        table_name: Some("OperationType".into()),
        ..ImportOptions::default()
    }
}

fn imported(vendor: &str) -> Imported {
    import(&table(vendor), &operation_table()).unwrap_or_else(|error| panic!("{error}"))
}

// ---------------------------------------------------------------------------
// The repository's spec and the vendor's tables.

#[test]
fn merging_the_2023_table_into_codes_toml_changes_nothing() {
    for vendor in [PAGE_2023, PIPE_2023] {
        let result = merged(CODES_TOML, vendor);
        assert!(
            result.toml == CODES_TOML,
            "codes.toml changed:\n{}",
            result.toml
        );
        assert_eq!(result.summary, Vec::<String>::new());
        assert_eq!(result.review, Vec::<String>::new());
    }
}

#[test]
fn merging_the_2025_revision_into_codes_toml() {
    let result = merged(CODES_TOML, PIPE_2025);
    assert_eq!(
        result.summary,
        [
            "updated: 2023-09-27 GMT+08:00 -> 2025-06-30 GMT+08:00",
            "row 0: description changed",
            "row 5 added as `AgentEntersAfterCall` (proposed name: review it)",
            "row 6 added as `AgentExitsAfterCall` (proposed name: review it)",
            "row 11 added as `ConsultAnotherAgent` (proposed name: review it)",
            "row 11: reason 0 added as `TwoPartyConsultation` (proposed name: review it)",
            "row 11: reason 1 added as `ThreePartyConsultation` (proposed name: review it)",
            "row 21 added as `StopListeningInsertingWhispering` (proposed name: review it)",
        ]
    );
    assert_eq!(
        result.review,
        [
            "row 0: description_zh was translated from \"The agent signs out of CCS.\", since reworded",
            "row 5: proposed name `AgentEntersAfterCall`",
            "row 6: proposed name `AgentExitsAfterCall`",
            "row 11: proposed name `ConsultAnotherAgent`",
            "row 11, reason 0: proposed name `TwoPartyConsultation`",
            "row 11, reason 1: proposed name `ThreePartyConsultation`",
            "row 21: proposed name `StopListeningInsertingWhispering`",
        ]
    );
    let spec = valid(&result.toml);
    let codes: Vec<i32> = spec.tables()[0]
        .rows()
        .iter()
        .filter_map(|row| row.code().integer())
        .collect();
    assert_eq!(
        codes,
        [
            0, 1, 2, 3, 4, 5, 6, 10, 11, 13, 20, 21, 22, 26, 27, 29, 30, 31, 32, 38, 40, 41, 43,
            44, 45, 46, 47, 52, 53, 54, 55, 57, 58
        ]
    );
    golden("merged-2025.toml", &result.toml);
}

#[test]
fn the_2025_merge_keeps_what_the_vendor_cannot_say() {
    let spec = valid(&merged(CODES_TOML, PIPE_2025).toml);
    let old = valid(CODES_TOML);
    let row = |spec: &Spec, code: i32| {
        spec.tables()[0]
            .rows()
            .iter()
            .find(|row| row.code().integer() == Some(code))
            .cloned()
            .unwrap()
    };
    // Type 26's open reason is the free sentence of its reason cell; type
    // 20's bare `0` has no description; `US_NO_USE`, `65535` and `0xFFFF`
    // are `-1`.
    for code in [1, 2, 3, 4, 20, 22, 26, 27, 40, 58] {
        assert_eq!(row(&spec, code), row(&old, code), "row {code}");
    }
}

#[test]
fn merging_is_idempotent_and_deterministic() {
    let once = merged(CODES_TOML, PIPE_2025);
    assert_eq!(merged(CODES_TOML, PIPE_2025), once);
    let twice = merged(&once.toml, PIPE_2025);
    assert!(twice.toml == once.toml);
    assert_eq!(twice.summary, Vec::<String>::new());
}

#[test]
fn fresh_import_of_the_2023_page() {
    let result = imported(PAGE_2023);
    assert_eq!(
        result.summary,
        ["imported 29 rows, 2 object kinds and 29 reasons"]
    );
    assert_eq!(result.review.len(), 2 + 29 + 29);
    assert_eq!(
        result.review[..4],
        [
            "object kind \"Employee ID.\": proposed name `EmployeeId`",
            "object kind \"Agent ID.\": proposed name `AgentId`",
            "row 0: proposed name `AgentSignsOutCcs`",
            "row 0, reason 1-255: proposed name `ErrorCausedClient`",
        ]
    );
    assert_eq!(
        result.toml.matches("# review: proposed name").count(),
        result.review.len()
    );
    valid(&result.toml);
    golden("imported-2023.toml", &result.toml);
    assert_eq!(imported(PAGE_2023), result);
}

#[test]
fn fresh_import_copies_the_vendor_text_byte_for_byte() {
    let vendor = table(PAGE_2023);
    let spec = valid(&imported(PAGE_2023).toml);
    let table = &spec.tables()[0];
    let page = table.en().expect("an English page");
    assert_eq!(page.title(), "Agent Operation Type");
    assert_eq!(page.caption(), Some("Table 1 Agent operation type"));
    assert_eq!(page.updated(), Some("2023-09-27 GMT+08:00"));
    assert_eq!(
        page.columns(),
        [
            "Operation Type",
            "Description",
            "Operation Object",
            "Operation Reason"
        ]
    );
    assert_eq!(table.rows().len(), vendor.rows.len());
    for (row, vendor_row) in table.rows().iter().zip(&vendor.rows) {
        assert_eq!(row.code().integer().map(i64::from), Some(vendor_row.code));
        assert_eq!(
            row.description()[Lang::En].as_ref(),
            Some(&vendor_row.description.value)
        );
        let object = row
            .object()
            .and_then(|kind| table.object_kinds()[kind].text()[Lang::En].clone());
        let vendor_object = match &vendor_row.object {
            Some(Located {
                value: ObjectCell::Text(text),
                ..
            }) => Some(text.clone()),
            _ => None,
        };
        assert_eq!(object, vendor_object, "row {}", row.code());
        let mut reasons = row.reasons().iter();
        let mut notes = Vec::new();
        for paragraph in &vendor_row.reasons {
            match &paragraph.value {
                ReasonParagraph::NotUsed { .. } => {}
                ReasonParagraph::Note(text) => notes.push(text.clone()),
                ReasonParagraph::BareCode(code) => {
                    let reason = reasons.next().unwrap();
                    assert_eq!(reason.codes().to_string(), code.to_string());
                    assert!(reason.description().is_empty());
                }
                ReasonParagraph::Code { code, text } => {
                    let reason = reasons.next().unwrap();
                    assert_eq!(reason.codes().to_string(), code.to_string());
                    assert_eq!(reason.description()[Lang::En].as_ref(), Some(text));
                }
                ReasonParagraph::Range {
                    start, end, text, ..
                } => {
                    let reason = reasons.next().unwrap();
                    assert_eq!(reason.codes().to_string(), format!("{start}-{end}"));
                    assert_eq!(reason.description()[Lang::En].as_ref(), Some(text));
                }
            }
        }
        assert_eq!(reasons.next(), None);
        assert_eq!(row.notes(), notes);
    }
}

#[test]
fn fresh_import_of_the_pipe_copy_has_no_caption() {
    let pipe = imported(PIPE_2023);
    let page = imported(PAGE_2023);
    assert!(
        pipe.toml
            == page
                .toml
                .replace("caption = \"Table 1 Agent operation type\"\n", "")
    );
    assert_eq!(pipe.review, page.review);
}

#[test]
fn merging_a_table_into_its_own_import_changes_nothing() {
    for vendor in [PAGE_2023, PIPE_2023, PIPE_2025] {
        let fresh = imported(vendor);
        let again = merged(&fresh.toml, vendor);
        assert!(again.toml == fresh.toml);
        assert_eq!(again.summary, Vec::<String>::new());
    }
}

// ---------------------------------------------------------------------------
// Fresh imports of small tables.

/// A vendor table in the pipe layout, one cell per line, each row started
/// by a `|` line.
fn pipe(preamble: &str, header: &[&str], rows: &[&[&[&str]]]) -> String {
    let mut text = preamble.to_string();
    text += &format!("| {} |\n", header.join(" | "));
    text += &format!("|{}\n", "---|".repeat(header.len()));
    for row in rows {
        text += "|\n";
        for cell in *row {
            text += &cell.join("\n");
            text += " |\n";
        }
    }
    text
}

const PREAMBLE: &str =
    "Updated on 2023-09-27\nAgent Operation Type\nTable 1 Agent operation type\n";
const HEADER: &[&str] = &["Code", "Description", "Object", "Reason"];

#[test]
fn fresh_import_with_options() {
    let options = ImportOptions {
        vendor: "Vendor".into(),
        product: "Product".into(),
        document: "Manual".into(),
        lang: Lang::En,
        page: Some("page-7".into()),
        table_name: Some("CallResult".into()),
        record: "Call".into(),
        object: "Target".into(),
        reason: "Cause".into(),
        title: Some("Untitled".into()),
        not_applicable: Vec::new(),
    };
    let text = pipe(
        "",
        &["Result", "Meaning", "Cause"],
        &[&[
            &["1"],
            &["He said \"yes\"."],
            &["5: It's a back\\slash.", "Free sentence."],
        ]],
    );
    let result = import(&table(&text), &options).unwrap();
    // The schema comment that starts every fresh spec is the golden files'
    // business; the rest is written out here.
    let (header, body) = result
        .toml
        .split_at(result.toml.find("\n[source]\n").unwrap() + 1);
    assert!(header.starts_with("# Vendor tables imported into a spec"));
    assert_eq!(
        body,
        r#"[source]
vendor = "Vendor"
product = "Product"
document = "Manual"

[[table]]
name = "CallResult"
title = "Untitled" # review: not in the vendor text
page = "page-7"
columns = ["Result", "Meaning", "Cause"]
# Rust names of the items decoding a whole row.
record = "Call"
object = "Target"
reason = "Cause"

[[table.row]]
code = 1
name = "HeSaidYes" # review: proposed name
description = 'He said "yes".'
notes = ["Free sentence."]

[[table.row.reason]]
code = 5
name = "SBackSlash" # review: proposed name
description = '''It's a back\slash.'''
"#
    );
    assert_eq!(
        result.summary,
        ["imported 1 row, 0 object kinds and 1 reason"]
    );
    assert_eq!(
        result.review,
        [
            "title: \"Untitled\" is not in the vendor text",
            "row 1: proposed name `HeSaidYes`",
            "row 1, reason 5: proposed name `SBackSlash`",
        ]
    );
    let spec = valid(&result.toml);
    assert_eq!(
        spec.tables()[0].rows()[0].description().get(Lang::En),
        Some("He said \"yes\".")
    );
    assert_eq!(
        spec.tables()[0].rows()[0].reasons()[0]
            .description()
            .get(Lang::En),
        Some("It's a back\\slash.")
    );
}

#[test]
fn a_two_column_table_has_no_record_names() {
    let text = pipe(PREAMBLE, &["Code", "Description"], &[&[&["7"], &["Idle."]]]);
    let result = imported(&text);
    assert!(
        result.toml.ends_with(
            "columns = [\"Code\", \"Description\"]\n\n[[table.row]]\ncode = 7\nname = \"Idle\" # review: proposed name\ndescription = \"Idle.\"\n"
        ),
        "{}",
        result.toml
    );
    assert_eq!(valid(&result.toml).tables()[0].record(), None);
}

#[test]
fn proposed_names_are_valid_and_unique() {
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[
            &[
                &["1"],
                &["Busy."],
                &["座席"],
                &["0", "1: Busy.", "2: busy", "3: 座席", "4-9: self"],
            ],
            &[&["2"], &["Busy!"], &["Agent ID."], &["-1"]],
            &[&["3"], &["座席签出"], &["Agent  ID."], &["-1"]],
            &[&["-4"], &["self"], &["-1"], &["-1"]],
            &[&["5"], &["Not applicable."], &["Other"], &["7: x"]],
            &[&["6"], &["3-way call"], &["-1"], &["-1"]],
            &[&["7"], &["Unlisted"], &["-1"], &["-1"]],
        ],
    );
    let result = imported(&text);
    assert_eq!(
        result.review,
        [
            "object kind \"座席\": proposed name `Kind1`",
            "object kind \"Agent ID.\": proposed name `AgentId`",
            "object kind \"Agent  ID.\": proposed name `AgentId2`",
            "object kind \"Other\": proposed name `Other2`",
            "row 1: proposed name `Busy`",
            "row 1, reason 0: proposed name `Code0`",
            "row 1, reason 1: proposed name `Busy`",
            "row 1, reason 2: proposed name `Busy2`",
            "row 1, reason 3: proposed name `Code3`",
            "row 1, reason 4-9: proposed name `Codes4To9`",
            "row 2: proposed name `Busy2`",
            "row 3: proposed name `Code3`",
            "row -4: proposed name `CodeMinus4`",
            "row 5: proposed name `NotApplicable2`",
            "row 5, reason 7: proposed name `X`",
            "row 6: proposed name `Code3WayCall`",
            "row 7: proposed name `Unlisted2`",
        ]
    );
    valid(&result.toml);
}

#[test]
fn a_row_name_never_makes_a_reason_enum_clash() {
    // `Idle` would generate `IdleReason`, the table's own name.
    let options = ImportOptions {
        table_name: Some("IdleReason".into()),
        ..operation_table()
    };
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[&[&["2"], &["Idle."], &["-1"], &["1: x"]]],
    );
    let result = import(&table(&text), &options).unwrap();
    assert_eq!(result.review[0], "row 2: proposed name `Idle2`");
    valid(&result.toml);
}

// ---------------------------------------------------------------------------
// Merges into small specs.

const SPEC_HEAD: &str = r#"[source]
vendor = "V"
product = "P"
document = "D"

[[table]]
name = "OperationType"
title = "Agent Operation Type"
caption = "Table 1 Agent operation type"
page = "p"
updated = "2023-09-27"
columns = ["Code", "Description", "Object", "Reason"]
record = "Operation"
object = "Object"
reason = "Reason"
"#;

fn spec(body: &str) -> String {
    format!("{SPEC_HEAD}{body}")
}

#[test]
fn changed_text_is_replaced_in_place_keeping_comments() {
    let old = spec(
        r#"
# Our note on busy.
[[table.row]]
code = 3
name = "Busy" # keep me
description = "Busy." # old wording
notes = ["Old note."]

[[table.row.reason]]
code = 1 # first
name = "AgentBusy"
description = "Indicates busy."

[[table.row.reason]]
name = "Zero"
code = 0

[[table.row.reason]]
code = 2
name = "Two"
description = "Two."
"#,
    );
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[&[
            &["3"],
            &["Busy now."],
            &["-1"],
            &["1: Is busy.", "0: Zero.", "2", "New note."],
        ]],
    );
    let result = merged(&old, &text);
    assert_eq!(
        result.toml,
        spec(
            r#"
# Our note on busy.
[[table.row]]
code = 3
name = "Busy" # keep me
description = "Busy now." # old wording
notes = ["New note."]

[[table.row.reason]]
code = 1 # first
name = "AgentBusy"
description = "Is busy."

[[table.row.reason]]
name = "Zero"
code = 0
description = "Zero."

[[table.row.reason]]
code = 2
name = "Two"
"#
        )
    );
    assert_eq!(
        result.summary,
        [
            "row 3: description changed",
            "row 3: reason 1: description changed",
            "row 3: reason 0: description added",
            "row 3: reason 2: description removed",
            "row 3: notes changed",
        ]
    );
    assert_eq!(result.review, Vec::<String>::new());
}

/// A reworded English text marks its Chinese translation, made against the
/// old text, for review, saying what it was made against; a second
/// rewording keeps the first mark. A text without a translation is not
/// marked.
#[test]
fn a_reworded_text_marks_its_translation_for_review() {
    let old = spec(
        r#"
[[table.row]]
code = 3
name = "Busy"
description = "Busy."
description_zh = "示忙。"

[[table.row.reason]]
code = 1
name = "AgentBusy"
description = "Indicates busy."
description_zh = "自己示忙"

[[table.row.reason]]
code = 2
name = "Two"
description = "Two."
"#,
    );
    let page = |row: &str, one: &str, two: &str| {
        pipe(
            PREAMBLE,
            HEADER,
            &[&[
                &["3"],
                &[row],
                &["-1"],
                &[&format!("1: {one}"), &format!("2: {two}")],
            ]],
        )
    };
    let result = merged(&old, &page("Busy now.", "Is busy.", "Second."));
    assert!(
        result.toml.contains(
            "description = \"Busy now.\"\n\
             description_zh = \"示忙。\" # review: translated from \"Busy.\"\n"
        ),
        "{}",
        result.toml
    );
    assert!(result.toml.contains(
        "description = \"Is busy.\"\n\
         description_zh = \"自己示忙\" # review: translated from \"Indicates busy.\"\n"
    ));
    assert!(result.toml.contains("description = \"Second.\"\n"));
    assert_eq!(
        result.review,
        [
            "row 3: description_zh was translated from \"Busy.\", since reworded",
            "row 3: reason 1: description_zh was translated from \"Indicates busy.\", since reworded",
        ]
    );
    // Reworded again before the review: the mark still names the text the
    // translation was made from.
    let again = merged(&result.toml, &page("Busy again.", "Is busy.", "Second."));
    assert!(again.toml.contains(
        "description = \"Busy again.\"\n\
         description_zh = \"示忙。\" # review: translated from \"Busy.\"\n"
    ));
    // `codes check` lists the marks (review marks, I002) until a person
    // drops them.
    let marks = codes_tools::review::review_marks(&again.toml);
    assert!(
        marks
            .iter()
            .any(|mark| mark.note == "translated from \"Busy.\""),
        "{marks:?}"
    );
}

#[test]
fn metadata_follows_the_vendor_where_it_gives_it() {
    let old = spec("\n[[table.row]]\ncode = 2\nname = \"Idle\"\ndescription = \"Idle.\"\n");
    let text = pipe(
        "Updated on 2025-01-01\nAgent Operation Types\n",
        &["Type", "Description", "Object", "Reason"],
        &[&[&["2"], &["Idle."], &["-1"], &["-1"]]],
    );
    let result = merged(&old, &text);
    assert_eq!(
        result.summary,
        [
            "title: Agent Operation Type -> Agent Operation Types",
            "updated: 2023-09-27 -> 2025-01-01",
            "columns: [\"Code\", \"Description\", \"Object\", \"Reason\"] -> [\"Type\", \"Description\", \"Object\", \"Reason\"]",
        ]
    );
    assert_eq!(
        result.toml,
        old.replace(
            "title = \"Agent Operation Type\"",
            "title = \"Agent Operation Types\""
        )
        .replace("2023-09-27", "2025-01-01")
        .replace("[\"Code\",", "[\"Type\",")
    );
}

#[test]
fn a_review_comment_goes_when_the_vendor_gives_the_value() {
    let text = pipe("", HEADER, &[&[&["2"], &["Idle."], &["-1"], &["-1"]]]);
    let options = ImportOptions {
        page: None,
        ..operation_table()
    };
    let fresh = import(&table(&text), &options).unwrap();
    assert_eq!(
        fresh.review[..2],
        [
            "title: \"unknown\" is not in the vendor text",
            "page: \"unknown\" is not in the vendor text",
        ]
    );
    let result = merged(&fresh.toml, &format!("Agent Operation Type\n{text}"));
    assert_eq!(result.summary, ["title: unknown -> Agent Operation Type"]);
    assert!(
        result.toml
            == fresh.toml.replace(
                "title = \"unknown\" # review: not in the vendor text\n",
                "title = \"Agent Operation Type\"\n"
            )
    );
}

#[test]
fn rows_follow_the_vendor_order() {
    let old = spec(
        r#"
[[table.row]]
code = 3
name = "Busy"
description = "Busy."

[[table.row]]
code = 2
name = "Idle"
description = "Idle."

# Gone next time.
[[table.row]]
code = 9
name = "Gone"
description = "Gone."

[[table.row.reason]]
code = 1
name = "One"
"#,
    );
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[
            &[&["1"], &["Gone."], &["-1"], &["-1"]],
            &[&["2"], &["Idle."], &["-1"], &["-1"]],
            &[&["3"], &["Busy."], &["-1"], &["-1"]],
        ],
    );
    let result = merged(&old, &text);
    assert_eq!(
        result.toml,
        spec(
            r#"
[[table.row]]
code = 1
name = "Gone2" # review: proposed name
description = "Gone."

[[table.row]]
code = 2
name = "Idle"
description = "Idle."

[[table.row]]
code = 3
name = "Busy"
description = "Busy."
"#
        )
    );
    assert_eq!(
        result.summary,
        [
            "row 1 added as `Gone2` (proposed name: review it)",
            "row 9 removed (was `Gone`)",
            "rows reordered to follow the vendor table",
        ]
    );
}

#[test]
fn objects_follow_the_vendor() {
    let old = spec(
        r#"
[[table.object_kind]]
name = "EmployeeId" # ours
text = "Employee ID."

[[table.object_kind]]
name = "AgentId"
text = "Agent ID."

[[table.row]]
code = 1
name = "One"
description = "One."
object = "EmployeeId"

[[table.row]]
code = 2
name = "Two"
description = "Two."
object = "AgentId"
notes = ["A note."]

[[table.row]]
code = 3
name = "Three"
description = "Three."
"#,
    );
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[
            &[&["1"], &["One."], &["Skill ID."], &["-1"]],
            &[&["2"], &["Two."], &["Employee ID."], &["A note."]],
            &[&["3"], &["Three."], &["0xFFFF"], &["US_NO_USE"]],
        ],
    );
    let result = merged(&old, &text);
    assert_eq!(
        result.toml,
        spec(
            r#"
[[table.object_kind]]
name = "EmployeeId" # ours
text = "Employee ID."

[[table.object_kind]]
name = "SkillId" # review: proposed name
text = "Skill ID."

[[table.row]]
code = 1
name = "One"
description = "One."
object = "SkillId"

[[table.row]]
code = 2
name = "Two"
description = "Two."
object = "EmployeeId"
notes = ["A note."]

[[table.row]]
code = 3
name = "Three"
description = "Three."
"#
        )
    );
    assert_eq!(
        result.summary,
        [
            "object kind \"Skill ID.\" added as `SkillId` (proposed name: review it)",
            "object kind `AgentId` (\"Agent ID.\") removed",
            "row 1: object `EmployeeId` -> `SkillId`",
            "row 2: object `AgentId` -> `EmployeeId`",
        ]
    );
    assert_eq!(
        result.review,
        ["object kind \"Skill ID.\": proposed name `SkillId`"]
    );
}

#[test]
fn an_object_is_set_and_removed_in_place() {
    let old = spec(
        r#"
[[table.object_kind]]
name = "EmployeeId"
text = "Employee ID."

[[table.row]]
code = 1
name = "One"
description = "One."
notes = ["A note."]

[[table.row]]
code = 2
name = "Two"
description = "Two."
object = "EmployeeId" # was set
"#,
    );
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[
            &[&["1"], &["One."], &["Employee ID."], &["A note."]],
            &[&["2"], &["Two."], &["-1"], &["-1"]],
        ],
    );
    let result = merged(&old, &text);
    assert_eq!(
        result.toml,
        spec(
            r#"
[[table.object_kind]]
name = "EmployeeId"
text = "Employee ID."

[[table.row]]
code = 1
name = "One"
description = "One."
object = "EmployeeId"
notes = ["A note."]

[[table.row]]
code = 2
name = "Two"
description = "Two."
"#
        )
    );
    assert_eq!(
        result.summary,
        [
            "row 1: object none -> `EmployeeId`",
            "row 2: object `EmployeeId` -> none",
        ]
    );
}

#[test]
fn reasons_are_matched_by_code_and_range() {
    let old = spec(
        r#"
[[table.row]]
code = 0
name = "SignOut"
description = "Signs out."

[[table.row.reason]]
range = [1, 255]
name = "ClientError"
description = "Client."

[[table.row.reason]]
range = [300, 399]
name = "Split"
description = "Split."

[[table.row.reason]]
code = 256
name = "Disconnected"
description = "Disconnected."

[[table.row.reason]]
code = 257
name = "Dropped"
description = "Dropped."
"#,
    );
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[&[
            &["0"],
            &["Signs out."],
            &["-1"],
            &[
                "258: New.",
                "256: Disconnected.",
                "1–200: Client.",
                "300-349: First half.",
                "350-399: Second half.",
            ],
        ]],
    );
    let result = merged(&old, &text);
    assert_eq!(
        result.toml,
        spec(
            r#"
[[table.row]]
code = 0
name = "SignOut"
description = "Signs out."

[[table.row.reason]]
code = 258
name = "New" # review: proposed name
description = "New."

[[table.row.reason]]
code = 256
name = "Disconnected"
description = "Disconnected."

[[table.row.reason]]
range = [1, 200]
name = "ClientError"
description = "Client."

[[table.row.reason]]
range = [300, 349]
name = "FirstHalf" # review: proposed name
description = "First half."

[[table.row.reason]]
range = [350, 399]
name = "SecondHalf" # review: proposed name
description = "Second half."
"#
        )
    );
    assert_eq!(
        result.summary,
        [
            "row 0: reason 258 added as `New` (proposed name: review it)",
            "row 0: reason 1-255 -> 1-200 (keeps `ClientError`)",
            "row 0: reason 300-349 added as `FirstHalf` (proposed name: review it)",
            "row 0: reason 350-399 added as `SecondHalf` (proposed name: review it)",
            "row 0: reason 300-399 removed (was `Split`)",
            "row 0: reason 257 removed (was `Dropped`)",
            "row 0: reasons reordered to follow the vendor table",
        ]
    );
}

#[test]
fn a_range_that_overlaps_two_old_ranges_is_new() {
    let old = spec(
        r#"
[[table.row]]
code = 0
name = "SignOut"
description = "Signs out."

[[table.row.reason]]
range = [1, 10]
name = "Low"
description = "Low."

[[table.row.reason]]
range = [11, 20]
name = "High"
description = "High."
"#,
    );
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[&[&["0"], &["Signs out."], &["-1"], &["5-15: Middle."]]],
    );
    let result = merged(&old, &text);
    assert_eq!(
        result.summary,
        [
            "row 0: reason 5-15 added as `Middle` (proposed name: review it)",
            "row 0: reason 1-10 removed (was `Low`)",
            "row 0: reason 11-20 removed (was `High`)",
        ]
    );
    valid(&result.toml);
}

const REST: &str = r#"
[[table.row]]
code = 26
name = "Rest"
description = "Rest."

[[table.row.reason]]
code = 1
name = "One"
description = "One."

[[table.row.reason]]
open = true
default = 0
name = "RestCause"
description = "Any cause code."
"#;

#[test]
fn an_open_reason_is_the_sentence_equal_to_its_description() {
    let old = spec(REST);
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[&[
            &["26"],
            &["Rest."],
            &["-1"],
            &["A note.", "Any cause code.", "1: One."],
        ]],
    );
    let result = merged(&old, &text);
    assert_eq!(
        result.summary,
        [
            "row 26: reasons reordered to follow the vendor table",
            "row 26: notes changed",
        ]
    );
    let spec = valid(&result.toml);
    let names: Vec<&str> = spec.tables()[0].rows()[0]
        .reasons()
        .iter()
        .map(|reason| reason.name())
        .collect();
    assert_eq!(names, ["RestCause", "One"]);
    assert_eq!(spec.tables()[0].rows()[0].notes(), ["A note."]);
}

#[test]
fn an_open_reason_without_its_sentence_is_removed() {
    let old = spec(REST);
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[&[&["26"], &["Rest."], &["-1"], &["1: One.", "Any rest code."]]],
    );
    let result = merged(&old, &text);
    assert_eq!(
        result.summary,
        [
            "row 26: reason any removed (was `RestCause`)",
            "row 26: notes changed",
        ]
    );
    assert!(
        result
            .toml
            .ends_with("name = \"One\"\ndescription = \"One.\"\n")
    );
    assert!(result.toml.contains("notes = [\"Any rest code.\"]\n"));
}

#[test]
fn all_reasons_removed_removes_the_reason_tables() {
    let old = spec(REST);
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[&[&["26"], &["Rest."], &["-1"], &["65535"]]],
    );
    let result = merged(&old, &text);
    assert_eq!(
        result.toml,
        spec("\n[[table.row]]\ncode = 26\nname = \"Rest\"\ndescription = \"Rest.\"\n")
    );
    assert_eq!(
        result.summary,
        [
            "row 26: reason 1 removed (was `One`)",
            "row 26: reason any removed (was `RestCause`)",
        ]
    );
}

#[test]
fn new_names_avoid_every_name_taken_even_removed_ones() {
    let old = spec(
        r#"
[[table.row]]
code = 1
name = "Busy"
description = "Busy."

[[table.row.reason]]
code = 1
name = "Gone"
description = "Gone."
"#,
    );
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[
            &[&["1"], &["Busy."], &["-1"], &["2: Gone."]],
            &[&["2"], &["Busy."], &["-1"], &["-1"]],
        ],
    );
    let result = merged(&old, &text);
    assert_eq!(
        result.summary,
        [
            "row 1: reason 2 added as `Gone2` (proposed name: review it)",
            "row 1: reason 1 removed (was `Gone`)",
            "row 2 added as `Busy2` (proposed name: review it)",
        ]
    );
}

#[test]
fn a_table_without_record_names_gets_them_with_its_first_reasons() {
    let old = r#"[source]
vendor = "V"
product = "P"
document = "D"

[[table]]
name = "Status"
title = "T"
caption = "Table 1"
page = "p"
updated = "u"
columns = ["Code", "Description"]

[[table.row]]
code = 2
name = "Idle"
description = "Idle."
"#;
    let text = pipe(
        "Updated on u\nT\nTable 1\n",
        &["Code", "Description", "Reason"],
        &[&[&["2"], &["Idle."], &["1: Lunch."]]],
    );
    let result = merged(old, &text);
    assert_eq!(
        result.toml,
        r#"[source]
vendor = "V"
product = "P"
document = "D"

[[table]]
name = "Status"
title = "T"
caption = "Table 1"
page = "p"
updated = "u"
columns = ["Code", "Description", "Reason"]
record = "Operation" # review: proposed name
object = "Object" # review: proposed name
reason = "Reason" # review: proposed name

[[table.row]]
code = 2
name = "Idle"
description = "Idle."

[[table.row.reason]]
code = 1
name = "Lunch" # review: proposed name
description = "Lunch."
"#
    );
    assert_eq!(
        result.summary,
        [
            "columns: [\"Code\", \"Description\"] -> [\"Code\", \"Description\", \"Reason\"]",
            "record names added as `Operation`, `Object`, `Reason` (proposed names: review them)",
            "row 2: reason 1 added as `Lunch` (proposed name: review it)",
        ]
    );
    assert_eq!(
        result.review,
        [
            "table Status, record: proposed name `Operation`",
            "table Status, object: proposed name `Object`",
            "table Status, reason: proposed name `Reason`",
            "row 2, reason 1: proposed name `Lunch`",
        ]
    );
}

#[test]
fn inline_arrays_of_tables_become_headers() {
    let old = r#"[source]
vendor = "V"
product = "P"
document = "D"

[[table]]
name = "OperationType"
title = "Agent Operation Type"
caption = "Table 1 Agent operation type"
page = "p"
updated = "2023-09-27"
columns = ["Code", "Description", "Object", "Reason"]
record = "Operation"
object = "Object"
reason = "Reason"
object_kind = [{ name = "AgentId", text = "Agent ID." }]
row = [
    { code = 1, name = "One", description = "One.", object = "AgentId", reason = [] },
    { code = 2, name = "Two", description = "Two.", reason = [{ code = 0, name = "Zero" }] },
]
"#;
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[
            &[&["1"], &["One."], &["Agent ID."], &["-1"]],
            &[&["2"], &["Two."], &["-1"], &["0", "1: One."]],
        ],
    );
    let result = merged(old, &text);
    assert_eq!(
        result.summary,
        ["row 2: reason 1 added as `One` (proposed name: review it)"]
    );
    assert_eq!(
        result.toml,
        spec(
            r#"
[[table.object_kind]]
name = "AgentId"
text = "Agent ID."

[[table.row]]
code = 1
name = "One"
description = "One."
object = "AgentId"
reason = []

[[table.row]]
code = 2
name = "Two"
description = "Two."

[[table.row.reason]]
code = 0
name = "Zero"

[[table.row.reason]]
code = 1
name = "One" # review: proposed name
description = "One."
"#
        )
    );
}

const TWO_TABLES: &str = r#"[source]
vendor = "V"
product = "P"
document = "D"

[[table]]
name = "First"
title = "Shared title"
caption = "Table 1 First"
page = "p"
updated = "u"
columns = ["Code", "Description"]

[[table.row]]
code = 1
name = "One"
description = "One."

[[table]]
name = "Second"
title = "Shared title"
caption = "Table 2 Second"
page = "p"
updated = "u"
columns = ["Code", "Description"]

[[table.row]]
code = 1
name = "One"
description = "One."
"#;

#[test]
fn the_table_is_picked_by_caption() {
    let text =
        "Updated on u\n\nShared title\n\nTable 2 Second\n\nCode\n\nDescription\n\n1\n\nUno.\n";
    let result = merged(TWO_TABLES, text);
    assert_eq!(result.summary, ["row 1: description changed"]);
    assert_eq!(
        result.toml,
        format!("{}Uno.\"\n", TWO_TABLES.strip_suffix("One.\"\n").unwrap())
    );
}

#[test]
fn a_table_that_no_caption_or_title_picks_is_an_error() {
    let text = "| Code | Description |\n|---|---|\n| 1 | One. |\n";
    let shared = "Shared title\n| Code | Description |\n|---|---|\n| 1 | One. |\n";
    for (vendor, message) in [
        (
            text,
            "the spec has 2 tables (First, Second) and the vendor table's caption (none) and title (none) do not pick exactly one",
        ),
        (
            shared,
            "the spec has 2 tables (First, Second) and the vendor table's caption (none) and title \"Shared title\" do not pick exactly one",
        ),
    ] {
        let error = merge("codes.toml", TWO_TABLES, &table(vendor)).unwrap_err();
        assert_eq!(error, ImportError::Table(message.to_string()));
        assert_eq!(error.to_string(), message);
    }
}

// ---------------------------------------------------------------------------
// Errors.

fn vendor_errors(result: Result<Imported, ImportError>) -> Vec<String> {
    match result {
        Err(ImportError::Vendor(errors)) => errors.iter().map(ToString::to_string).collect(),
        other => panic!("expected vendor errors, got {other:?}"),
    }
}

#[test]
fn what_a_spec_cannot_hold_is_reported_at_its_line_all_at_once() {
    let text = pipe(
        "",
        &["Code", "Description", "Reason"],
        &[
            &[&["3000000000"], &["Too big."], &["-1"]],
            &[
                &["1"],
                &["Reasons."],
                &[
                    "2: Two.",
                    "2: Two again.",
                    "1-10: Low.",
                    "5-20: Overlap.",
                    "7-7: Single.",
                    "3000000000: Too big.",
                    "0-3000000000: Too wide.",
                    "US_NO_USE",
                ],
            ],
        ],
    );
    // A row's line is where it starts: its `|` line in this layout.
    let expected = [
        "line 3: code 3000000000 does not fit in i32 (-2147483648 to 2147483647)",
        "line 11: duplicate reason code 2 in row 1, already on line 10",
        "line 13: reason range 5-20 overlaps range 1-10 (line 12) in row 1",
        "line 14: reason range 7-7 of row 1 holds a single code",
        "line 15: reason code 3000000000 of row 1 does not fit in i32 (-2147483648 to 2147483647)",
        "line 16: reason code 3000000000 of row 1 does not fit in i32 (-2147483648 to 2147483647)",
        "line 17: \"not used\" marker US_NO_USE among the reasons of row 1 (a reason is on line 10)",
    ];
    let vendor = table(&text);
    assert_eq!(vendor_errors(import(&vendor, &operation_table())), expected);
    assert_eq!(
        vendor_errors(merge("codes.toml", CODES_TOML, &vendor)),
        expected
    );
    assert_eq!(
        import(&vendor, &operation_table()).unwrap_err().to_string(),
        expected.join("\n")
    );
}

/// A one-row 4-column table built by hand, for what `parse` never returns.
fn by_hand(row: VendorRow) -> VendorTable {
    let at = |line, value: &str| Located {
        line,
        value: value.to_string(),
    };
    VendorTable {
        layout: Layout::Pipe,
        updated: Some(at(1, "u")),
        title: Some(at(2, "t")),
        caption: Some(at(3, "c")),
        header: ["Code", "Description", "Object", "Reason"]
            .iter()
            .map(|cell| at(4, cell))
            .collect(),
        columns: vec![
            Column::Code,
            Column::Description,
            Column::Object,
            Column::Reason,
        ],
        subtitle: None,
        notes: Vec::new(),
        rows: vec![row],
        repeated: Vec::new(),
        lang: None,
    }
}

fn row(
    code: i64,
    description: &str,
    object: Option<&str>,
    reasons: &[ReasonParagraph],
) -> VendorRow {
    VendorRow {
        line: 6,
        code,
        constant: None,
        description: Located {
            line: 6,
            value: description.to_string(),
        },
        object: Some(Located {
            line: 7,
            value: match object {
                Some(text) => ObjectCell::Text(text.to_string()),
                None => ObjectCell::NotUsed {
                    spelling: "-1".to_string(),
                },
            },
        }),
        reasons: reasons
            .iter()
            .enumerate()
            .map(|(index, value)| Located {
                line: 8 + index,
                value: value.clone(),
            })
            .collect(),
        notes: Vec::new(),
    }
}

#[test]
fn tables_built_by_hand_are_checked_too() {
    let blank = " ".to_string();
    let mut vendor = by_hand(row(
        1,
        " ",
        Some(""),
        &[
            ReasonParagraph::Range {
                start: 9,
                end: 5,
                dash: '-',
                text: "Reversed.".into(),
            },
            ReasonParagraph::Code {
                code: 1,
                text: " ".into(),
            },
            ReasonParagraph::Note(String::new()),
        ],
    ));
    vendor.updated.as_mut().unwrap().value = blank.clone();
    vendor.title.as_mut().unwrap().value = blank.clone();
    vendor.caption.as_mut().unwrap().value = blank.clone();
    vendor.header[1].value = blank;
    let duplicate = vendor.rows[0].clone();
    vendor.rows.push(VendorRow {
        line: 20,
        ..duplicate
    });
    let expected = [
        "line 1: empty update date",
        "line 2: empty title",
        "line 3: empty caption",
        "line 4: empty column header",
        "line 6: empty description of row 1",
        "line 6: empty description of row 1",
        "line 7: empty object of row 1",
        "line 7: empty object of row 1",
        "line 8: reason range 9-5 of row 1 is reversed",
        "line 8: reason range 9-5 of row 1 is reversed",
        "line 9: empty reason description in row 1",
        "line 9: empty reason description in row 1",
        "line 10: empty paragraph in the reasons of row 1",
        "line 10: empty paragraph in the reasons of row 1",
        "line 20: duplicate code 1, already on line 6",
    ];
    assert_eq!(vendor_errors(import(&vendor, &operation_table())), expected);
    vendor.header.truncate(1);
    vendor.rows.clear();
    assert_eq!(
        vendor_errors(import(&vendor, &operation_table())),
        [
            "line 1: empty update date",
            "line 1: the table has no rows",
            "line 2: empty title",
            "line 3: empty caption",
            "line 4: expected at least 2 column headers (code and description), found 1",
        ]
    );
}

#[test]
fn an_invalid_spec_is_reported_before_the_vendor_table() {
    let old = spec("\n[[table.row]]\ncode = 1\nname = \"bad name\"\ndescription = \"x\"\n");
    let error = merge("codes.toml", &old, &table(PIPE_2025)).unwrap_err();
    let ImportError::Spec(spec_error) = &error else {
        panic!("expected a spec error, got {error:?}");
    };
    assert_eq!(
        spec_error.summary(),
        [
            "codes.toml:19:8: invalid Rust name in row 1 of table OperationType: name `bad name` has the character ' ', which cannot appear in an identifier"
        ]
    );
    // Display is the whole story, so the spec error is not also a source.
    assert_eq!(error.to_string(), spec_error.to_string());
    assert!(std::error::Error::source(&error).is_none());
    let error = merge("codes.toml", "[source", &table(PIPE_2025)).unwrap_err();
    let ImportError::Spec(spec_error) = &error else {
        panic!("expected a spec error, got {error:?}");
    };
    assert_eq!(
        spec_error.summary(),
        ["codes.toml:1:8: unclosed table, expected `]`"]
    );
}

#[test]
fn a_merged_spec_that_does_not_validate_is_an_error() {
    // Row `Idle` gets its first reasons, and its enum `IdleReason` is the
    // name of the table: an existing name the merge cannot change.
    let old = spec("\n[[table.row]]\ncode = 2\nname = \"Idle\"\ndescription = \"Idle.\"\n")
        .replace("name = \"OperationType\"", "name = \"IdleReason\"");
    let text = pipe(
        PREAMBLE,
        HEADER,
        &[&[&["2"], &["Idle."], &["-1"], &["1: Lunch."]]],
    );
    let error = merge("codes.toml", &old, &table(&text)).unwrap_err();
    let ImportError::Spec(spec_error) = &error else {
        panic!("expected a spec error, got {error:?}");
    };
    assert_eq!(spec_error.path(), "codes.toml (merged)");
    assert_eq!(
        spec_error.summary(),
        ["codes.toml (merged):19:8: duplicate type `IdleReason` in row Idle of table IdleReason"]
    );
}

#[test]
fn invalid_options_are_reported_all_at_once() {
    let options = ImportOptions {
        vendor: " ".into(),
        page: Some(String::new()),
        table_name: Some("operation_type".into()),
        record: "NotApplicable".into(),
        object: "Object".into(),
        reason: "OBJECT".into(),
        ..ImportOptions::default()
    };
    let error = import(&table(PAGE_2023), &options).unwrap_err();
    let expected = [
        "option `vendor` is empty",
        "option `page` is empty",
        "option `table_name`: name `operation_type` is not UpperCamelCase",
        "option `record`: `NotApplicable` clashes with an item every generated file defines",
        "option `reason`: `OBJECT` is already the name of option `object`",
    ];
    assert_eq!(
        error,
        ImportError::Options(expected.iter().map(ToString::to_string).collect())
    );
    assert_eq!(error.to_string(), expected.join("\n"));
}

// ---------------------------------------------------------------------------
// Any vendor text: an error, or a spec that validates; never a panic.

/// xorshift64*: a fixed sequence, so the test is deterministic.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TEXTS: &[&str] = &[
    "Idle.",
    "Busy.",
    "self",
    "Self",
    "The the",
    "座席签出",
    "He said \"hi\".",
    "back\\slash",
    "it's",
    "tab\there",
    "3-way call",
    "NotApplicable",
    "Unlisted",
    "Other",
    "Reason",
    "Code",
    "Operation",
    "Object kind",
    "Employee ID.",
    "Agent ID.",
    "x",
    "— –",
];
const CODES: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "-1",
    "65535",
    "2147483647",
    "-2147483648",
    "4294967296",
];
const OBJECTS: &[&str] = &[
    "-1",
    "65535",
    "0xFFFF",
    "US_NO_USE",
    "Employee ID.",
    "Agent ID.",
    "座席",
    "Other",
];
const REASONS: &[&str] = &[
    "-1",
    "US_NO_USE",
    "-",
    "0",
    "1",
    "0: Zero.",
    "1: One.",
    "1: Busy.",
    "2: self",
    "-5: Negative.",
    "1-255: Range.",
    "0–255: En dash.",
    "200-250: Service.",
    "5-5: One code.",
    "9999999999: Huge.",
    "A free sentence.",
    "Any cause code.",
    "NotApplicable",
    "1~255:客户端传入原因",
    "3:自己示忙",
    "200～250：全角",
    "说明:此通话态话单",
    "NOTE: A note.",
    "缺省为0,即事后整理。",
];
const CONSTANTS: &[&str] = &[
    "AGENT_TYPE_EXTENSION",
    "AGENT_TYPE_NET",
    "AGENT_TYPE_1B1D",
    "AGENT_TYPE_NET",
    "TYPE_X",
    "Bad",
];

/// The columns of a random table, after the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Shape {
    Description,
    DescriptionReason,
    ConstantDescription,
    DescriptionObjectReason,
}

impl Shape {
    fn header(self, lang: Lang) -> &'static [&'static str] {
        match (self, lang) {
            (Shape::Description, Lang::En) => &["Code", "Description"],
            (Shape::Description, _) => &["编号", "描述"],
            (Shape::DescriptionReason, Lang::En) => &["Code", "Description", "Reason"],
            (Shape::DescriptionReason, _) => &["编号", "含义", "原因"],
            (Shape::ConstantDescription, Lang::En) => &["Value", "Agent type.", "Description"],
            (Shape::ConstantDescription, _) => &["编号", "常量名称", "描述"],
            (Shape::DescriptionObjectReason, Lang::En) => {
                &["Code", "Description", "Object", "Reason"]
            }
            (Shape::DescriptionObjectReason, _) => &["操作类型", "含义", "操作对象", "操作原因"],
        }
    }
}

/// How a random reason cell is written.
fn reason_cell(random: &mut Random, paragraphs: &[&str]) -> String {
    match random.below(3) {
        // One paragraph a line, as the English pages.
        0 => paragraphs.join("\n"),
        // Flattened onto one line, as the Chinese page.
        1 => paragraphs.join(" "),
        // A bulleted list, as the monitoring revision.
        _ => paragraphs
            .iter()
            .map(|paragraph| format!("• {paragraph}"))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// A random table in the pipe layout, its shape and the language of its
/// header.
fn random_table(random: &mut Random) -> (String, Shape, Lang) {
    let shape = [
        Shape::Description,
        Shape::DescriptionReason,
        Shape::ConstantDescription,
        Shape::DescriptionObjectReason,
    ][random.below(4)];
    let lang = [Lang::En, Lang::Zh][random.below(2)];
    let header = shape.header(lang);
    let mut text = String::new();
    if random.below(2) == 0 {
        text += "Updated on 2025-06-30\n";
    }
    if random.below(2) == 0 {
        text += "Agent Operation Type\n";
    }
    text += &format!(
        "| {} |\n|{}\n",
        header.join(" | "),
        "---|".repeat(header.len())
    );
    let mut codes: Vec<&str> = CODES.to_vec();
    for _ in 0..1 + random.below(6) {
        // Mostly distinct codes: a duplicate is the reader's error, not ours.
        let code = match codes.len() > 1 && random.below(8) != 0 {
            true => codes.remove(random.below(codes.len())),
            false => random.pick(CODES),
        };
        text += "|\n";
        text += &format!("{code} |\n");
        if let Shape::ConstantDescription = shape {
            text += &format!("{} |\n", random.pick(CONSTANTS));
        }
        text += &format!("{} |\n", random.pick(TEXTS));
        if let Shape::DescriptionObjectReason = shape {
            text += &format!("{} |\n", random.pick(OBJECTS));
        }
        if let Shape::DescriptionReason | Shape::DescriptionObjectReason = shape {
            let mut paragraphs: Vec<&str> = Vec::new();
            for _ in 0..1 + random.below(4) {
                let paragraph = random.pick(REASONS);
                if !paragraphs.contains(&paragraph) {
                    paragraphs.push(paragraph);
                }
            }
            text += &format!("{} |\n", reason_cell(random, &paragraphs));
        }
    }
    (text, shape, lang)
}

#[test]
fn any_vendor_table_gives_an_error_or_a_valid_spec() {
    let mut random = Random(0x5eed_cec0_dec0_de01);
    let (mut imports, mut merges, mut parsed) = (0, 0, 0);
    let mut imported_shapes: BTreeMap<(Shape, Lang), usize> = BTreeMap::new();
    for _ in 0..1000 {
        let (text, shape, lang) = random_table(&mut random);
        let Ok(vendor) = parse(&text) else {
            continue;
        };
        parsed += 1;
        let context = format!("vendor text:\n{text}");
        let tables = std::slice::from_ref(&vendor);
        let options = MergeOptions {
            lang,
            ..MergeOptions::default()
        };
        let fresh_options = ImportOptions {
            lang,
            ..operation_table()
        };
        match import(&vendor, &fresh_options) {
            Ok(fresh) => {
                imports += 1;
                *imported_shapes.entry((shape, lang)).or_default() += 1;
                valid(&fresh.toml);
                let again =
                    merge_with("fresh.toml", &fresh.toml, tables, &options).expect(&context);
                assert!(again.toml == fresh.toml, "{context}");
                assert_eq!(again.summary, Vec::<String>::new(), "{context}");
            }
            Err(ImportError::Vendor(_)) => {}
            Err(other) => panic!("{context}\n{other}"),
        }
        // A spec of one English table, so that a table without title or
        // caption still picks it; a Chinese table only adds its texts.
        match merge_with("imported-2023.toml", IMPORTED_2023, tables, &options) {
            Ok(result) => {
                merges += 1;
                valid(&result.toml);
                let again = merge_with("imported-2023.toml", &result.toml, tables, &options)
                    .expect(&context);
                assert!(again.toml == result.toml, "{context}");
                // A Chinese page lacking rows of the English one says so
                // each time; nothing else is left to change.
                assert!(
                    again
                        .summary
                        .iter()
                        .all(|line| line.contains(" not on the Chinese page ")),
                    "{context}\n{:#?}",
                    again.summary
                );
            }
            Err(ImportError::Vendor(_)) => {}
            Err(other) => panic!("{context}\n{other}"),
        }
    }
    // The generator must reach the interesting paths, not only errors, in
    // every shape and language.
    // (With this seed: 783 parsed, 263 imported (16 to 73 a shape and
    // language), 163 merged.)
    assert!(parsed > 700, "{parsed} tables parsed");
    assert!(imports > 250, "{imports} imports");
    assert!(merges > 150, "{merges} merges");
    assert_eq!(imported_shapes.len(), 8, "{imported_shapes:?}");
    assert!(
        imported_shapes.values().all(|count| *count >= 10),
        "{imported_shapes:?}"
    );
}

#[test]
fn doc_errors_are_the_vendor_doc_type() {
    let error = DocError {
        line: 3,
        message: "m".into(),
    };
    assert_eq!(
        ImportError::Vendor(vec![error.clone(), error]).to_string(),
        "line 3: m\nline 3: m"
    );
}
