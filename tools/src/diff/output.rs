//! The renderings of a diff for people and programs: text, Markdown and
//! JSON; those for CI are in `ci`.

use std::fmt::Write;

use serde::Serialize;

use super::{Acceptance, Axis, Change, ChangeKind, Impact, SpecDiff, Value};
use codes_codegen::docs;
use codes_codegen::model::ReasonCodes;

/// Impacts from the most disruptive down: the order reports list them in.
const DESCENDING: [Impact; 4] = [
    Impact::Breaking,
    Impact::Minor,
    Impact::Patch,
    Impact::Cosmetic,
];

pub(super) fn text(diff: &SpecDiff, groups: &[(String, Vec<String>)]) -> String {
    let mut out = String::new();
    for (head, notes) in groups {
        let _ = writeln!(out, "{head}");
        for note in notes {
            let _ = writeln!(out, "  {note}");
        }
        for change in diff
            .changes()
            .iter()
            .filter(|change| head_of(change) == head)
        {
            change_line(&mut out, change);
        }
    }
    if diff.is_empty() {
        out.push_str("no changes\n");
    }
    let mut group = None;
    for change in diff.changes() {
        let head = head_of(change);
        if groups.iter().any(|(given, _)| given == head) {
            continue;
        }
        if group != Some(head) {
            let _ = writeln!(out, "{head}");
            group = Some(head);
        }
        change_line(&mut out, change);
    }
    let _ = writeln!(out, "{}", summary(diff));
    if diff.accepted() > 0 {
        for axis in Axis::ALL {
            let _ = writeln!(
                out,
                "{axis} impact of changes not accepted: {}",
                unaccepted(diff, axis)
            );
        }
    }
    out
}

/// The group of a change in the text report: the first part of its path.
fn head_of(change: &Change) -> &str {
    change.path.split('/').next().unwrap_or_default()
}

/// A change's line of the text report, with its impact on both axes.
fn change_line(out: &mut String, change: &Change) {
    let _ = writeln!(
        out,
        "  api:{:<8} data:{:<8}  {}",
        change.impact.as_str(),
        change.data_impact.as_str(),
        describe(change)
    );
}

/// A stale acceptance in a line: `no change is row_removed at
/// "OperationType/row 9": this acceptance is stale`.
pub(super) fn stale(acceptance: &Acceptance) -> String {
    format!(
        "no change is {} at {:?}: this acceptance is stale",
        acceptance.rule.as_str(),
        acceptance.path
    )
}

/// A change in a line, as the text report and the annotations write it:
/// `OperationType/row 0: row description changed: "A." -> "B." (detail)`,
/// then `[accepted: "why"]` when it is accepted.
pub(super) fn describe(change: &Change) -> String {
    let mut out = format!("{}: {}", change.path, change.kind);
    if let Some(values) = values(change, plain, "->") {
        let _ = write!(out, ": {values}");
    }
    if let Some(detail) = &change.detail {
        let _ = write!(out, " ({detail})");
    }
    if let Some(reason) = &change.accepted {
        let _ = write!(out, " [accepted: {reason:?}]");
    }
    out
}

pub(super) fn markdown(diff: &SpecDiff) -> String {
    let mut out = String::new();
    match diff.impact() {
        None => out.push_str("**Impact: none** (no changes)\n"),
        Some(_) => {
            let _ = writeln!(
                out,
                "**API impact: {}**; **data impact: {}**",
                axis_summary(diff, Axis::Api),
                axis_summary(diff, Axis::Data)
            );
        }
    }
    if diff.accepted() > 0 {
        let _ = writeln!(
            out,
            "\n**Impact of changes not accepted: API {}, data {}**",
            unaccepted(diff, Axis::Api),
            unaccepted(diff, Axis::Data)
        );
    }
    for impact in DESCENDING {
        let mut changes = diff
            .changes()
            .iter()
            .filter(|change| change.impact == impact)
            .peekable();
        if changes.peek().is_none() {
            continue;
        }
        let heading = match impact {
            Impact::Breaking => "Breaking",
            Impact::Minor => "Minor",
            Impact::Patch => "Patch",
            Impact::Cosmetic => "Cosmetic",
        };
        let _ = writeln!(out, "\n### {heading} (API)\n");
        for change in changes {
            let _ = writeln!(out, "- {}", markdown_change(change));
        }
    }
    out
}

/// A change as a Markdown bullet's text: the path in a code span, the
/// kind, the values, the detail, and whether it is accepted.
fn markdown_change(change: &Change) -> String {
    let mut out = format!("{}: {}", code_span(&change.path), change.kind);
    // The headings give the API impact; the data impact where it differs.
    if change.data_impact != change.impact {
        let _ = write!(out, " (data: {})", change.data_impact);
    }
    if let Some(values) = values(change, markdown_value, "→") {
        let _ = write!(out, ": {values}");
    }
    if let Some(detail) = &change.detail {
        let _ = write!(out, " ({})", docs::escape(detail));
    }
    if let Some(reason) = &change.accepted {
        let _ = write!(out, " — **accepted**: {}", docs::escape(reason));
    }
    out
}

/// The sections of a Keep a Changelog entry a change goes under.
const CHANGELOG_SECTIONS: [&str; 3] = ["Added", "Changed", "Removed"];

fn changelog_section(kind: ChangeKind) -> &'static str {
    let rule = kind.as_str();
    if rule.ends_with("_added") {
        "Added"
    } else if rule.ends_with("_removed") || rule.ends_with("_removed_reserved") {
        "Removed"
    } else {
        "Changed"
    }
}

pub(super) fn changelog(diff: &SpecDiff, version: Option<&str>, date: Option<&str>) -> String {
    let mut out = match (version, date) {
        (Some(version), Some(date)) => format!("## [{version}] - {date}\n"),
        (Some(version), None) => format!("## [{version}]\n"),
        (None, _) => "## [Unreleased]\n".to_string(),
    };
    match diff.impact() {
        None => out.push_str("\nThe vendor's tables did not change.\n"),
        Some(_) => {
            let _ = writeln!(
                out,
                "\nThe vendor's tables: API {}; data {}.",
                axis_summary(diff, Axis::Api),
                axis_summary(diff, Axis::Data)
            );
        }
    }
    for section in CHANGELOG_SECTIONS {
        let mut changes = diff
            .changes()
            .iter()
            .filter(|change| changelog_section(change.kind) == section)
            .peekable();
        if changes.peek().is_none() {
            continue;
        }
        let _ = writeln!(out, "\n### {section}\n");
        for change in changes {
            let breaking = match (change.impact, change.data_impact) {
                (Impact::Breaking, Impact::Breaking) => "**Breaking (API, data):** ",
                (Impact::Breaking, _) => "**Breaking (API):** ",
                (_, Impact::Breaking) => "**Breaking (data):** ",
                _ => "",
            };
            let _ = writeln!(out, "- {breaking}{}", markdown_change(change));
        }
    }
    out
}

pub(super) fn json(diff: &SpecDiff) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        format_version: u32,
        impact: Impacts<Option<Impact>>,
        unaccepted_impact: Impacts<Option<Impact>>,
        counts: Counts,
        files: Files<'a>,
        changes: Vec<ChangeJson<'a>>,
        stale_acceptances: Vec<StaleJson<'a>>,
        version_check: Option<VersionJson<'a>>,
    }
    #[derive(Serialize)]
    struct Impacts<T> {
        api: T,
        data: T,
    }
    #[derive(Serialize)]
    struct Counts {
        api: AxisCounts,
        data: AxisCounts,
        accepted: usize,
    }
    #[derive(Serialize)]
    struct AxisCounts {
        breaking: usize,
        minor: usize,
        patch: usize,
        cosmetic: usize,
    }
    #[derive(Serialize)]
    struct Files<'a> {
        old: Option<&'a str>,
        new: Option<&'a str>,
    }
    #[derive(Serialize)]
    struct ChangeJson<'a> {
        rule: &'static str,
        path: &'a str,
        impact: Impacts<Impact>,
        accepted: bool,
        accepted_reason: Option<&'a str>,
        old: Option<&'a Value>,
        new: Option<&'a Value>,
        detail: Option<&'a str>,
        old_line: Option<usize>,
        new_line: Option<usize>,
        annotated_line: Option<usize>,
    }
    #[derive(Serialize)]
    struct StaleJson<'a> {
        rule: &'static str,
        path: &'a str,
        reason: &'a str,
        file: &'a str,
        line: usize,
        message: String,
    }
    #[derive(Serialize)]
    struct VersionJson<'a> {
        baseline: Option<&'a str>,
        old: String,
        new: String,
        impact: Option<Impact>,
        required: &'static str,
        actual: &'static str,
        passes: bool,
        message: String,
    }
    let axis_counts = |axis| AxisCounts {
        breaking: diff.count_on(axis, Impact::Breaking),
        minor: diff.count_on(axis, Impact::Minor),
        patch: diff.count_on(axis, Impact::Patch),
        cosmetic: diff.count_on(axis, Impact::Cosmetic),
    };
    let report = Report {
        format_version: super::JSON_FORMAT_VERSION,
        impact: Impacts {
            api: diff.impact_on(Axis::Api),
            data: diff.impact_on(Axis::Data),
        },
        unaccepted_impact: Impacts {
            api: diff.unaccepted_impact_on(Axis::Api),
            data: diff.unaccepted_impact_on(Axis::Data),
        },
        counts: Counts {
            api: axis_counts(Axis::Api),
            data: axis_counts(Axis::Data),
            accepted: diff.accepted(),
        },
        files: Files {
            old: diff.files.old.as_deref(),
            new: diff.files.new.as_deref(),
        },
        changes: diff
            .placed()
            .map(|placed| {
                let change = placed.change;
                ChangeJson {
                    rule: change.rule(),
                    path: &change.path,
                    impact: Impacts {
                        api: change.impact,
                        data: change.data_impact,
                    },
                    accepted: change.is_accepted(),
                    accepted_reason: change.accepted.as_deref(),
                    old: change.old.as_ref(),
                    new: change.new.as_ref(),
                    detail: change.detail.as_deref(),
                    old_line: change.old_line,
                    new_line: change.new_line,
                    annotated_line: placed.line,
                }
            })
            .collect(),
        stale_acceptances: diff
            .stale_acceptances()
            .iter()
            .map(|acceptance| StaleJson {
                rule: acceptance.rule.as_str(),
                path: &acceptance.path,
                reason: &acceptance.reason,
                file: &acceptance.file,
                line: acceptance.line,
                message: stale(acceptance),
            })
            .collect(),
        version_check: diff.version_check().map(|check| VersionJson {
            baseline: check.baseline.as_deref(),
            old: check.old.to_string(),
            new: check.new.to_string(),
            impact: check.impact,
            required: check.required.as_str(),
            actual: check.actual.as_str(),
            passes: check.passes(),
            message: check.to_string(),
        }),
    };
    // Strings, numbers and structs with string keys only: this cannot fail.
    let mut out = serde_json::to_string_pretty(&report).expect("a diff report serializes");
    out.push('\n');
    out
}

/// Both summary lines: `api impact: breaking (3 breaking, 2 minor, 5
/// patch, 0 cosmetic)` and `data impact: …`, or `impact: none`.
pub(super) fn summary(diff: &SpecDiff) -> String {
    match diff.impact() {
        None => "impact: none".to_string(),
        Some(_) => format!(
            "api impact: {}\ndata impact: {}",
            axis_summary(diff, Axis::Api),
            axis_summary(diff, Axis::Data)
        ),
    }
}

/// `breaking (3 breaking, 2 minor, 5 patch, 0 cosmetic)` on `axis`, or
/// `none`.
fn axis_summary(diff: &SpecDiff, axis: Axis) -> String {
    match diff.impact_on(axis) {
        None => "none".to_string(),
        Some(impact) => format!("{impact} ({})", counts(diff, axis)),
    }
}

/// The impact on `axis` of the changes not accepted, or `none`.
fn unaccepted(diff: &SpecDiff, axis: Axis) -> &'static str {
    diff.unaccepted_impact_on(axis)
        .map_or("none", Impact::as_str)
}

/// `3 breaking, 2 minor, 5 patch, 0 cosmetic` on `axis`, then `; 1
/// accepted` when some are.
fn counts(diff: &SpecDiff, axis: Axis) -> String {
    let mut counts = DESCENDING
        .iter()
        .map(|&impact| format!("{} {impact}", diff.count_on(axis, impact)))
        .collect::<Vec<_>>()
        .join(", ");
    if diff.accepted() > 0 {
        let _ = write!(counts, "; {} accepted", diff.accepted());
    }
    counts
}

/// `old -> new`, or the one value an addition or removal has; a missing
/// side of any other change reads `none`.
fn values(change: &Change, show: fn(&Value) -> String, arrow: &str) -> Option<String> {
    match (&change.old, &change.new) {
        (None, None) => None,
        (Some(old), Some(new)) => Some(format!("{} {arrow} {}", show(old), show(new))),
        (Some(one), None) | (None, Some(one)) if one_sided(change.kind) => Some(show(one)),
        (Some(old), None) => Some(format!("{} {arrow} none", show(old))),
        (None, Some(new)) => Some(format!("none {arrow} {}", show(new))),
    }
}

/// Whether the kind adds or removes an item, so has a value on one side only.
fn one_sided(kind: ChangeKind) -> bool {
    use ChangeKind::*;
    matches!(
        kind,
        TableAdded
            | TableRemoved
            | RecordAdded
            | RecordRemoved
            | ObjectKindAdded
            | ObjectKindRemoved
            | RowAdded
            | RowRemoved
            | RowObjectAdded
            | RowObjectRemoved
            | NoteAdded
            | NoteRemoved
            | ReasonAdded
            | ReasonRemoved
            | MarkerAdded
            | MarkerRemoved
            | ReservedAdded
            | ReservedRemoved
            | RowRemovedReserved
            | TranslationAdded
            | TranslationRemoved
    )
}

/// The vendor's notation, with an open reason's default: `any (default 0)`.
fn codes(codes: ReasonCodes) -> String {
    match codes {
        ReasonCodes::Open {
            default: Some(default),
        } => format!("any (default {default})"),
        codes => codes.to_string(),
    }
}

/// A value for a terminal: vendor text quoted with its control characters
/// escaped, so that it shows where it starts and ends.
fn plain(value: &Value) -> String {
    match value {
        Value::Name(name) => name.clone(),
        Value::Text(text) => format!("{text:?}"),
        Value::Code(code) => code.to_string(),
        Value::Codes(reason_codes) => codes(*reason_codes),
        Value::List(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|item| format!("{item:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Item { name, text: None } => name.clone(),
        Value::Item {
            name,
            text: Some(text),
        } => format!("{name} {text:?}"),
    }
}

/// A value for Markdown: every piece in a code span.
fn markdown_value(value: &Value) -> String {
    match value {
        Value::Name(text) | Value::Text(text) => code_span(text),
        Value::Code(code) => code_span(&code.to_string()),
        Value::Codes(reason_codes) => code_span(&codes(*reason_codes)),
        Value::List(items) if items.is_empty() => "none".to_string(),
        Value::List(items) => items
            .iter()
            .map(|item| code_span(item))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Item { name, text: None } => code_span(name),
        Value::Item {
            name,
            text: Some(text),
        } => format!("{} ({})", code_span(name), code_span(text)),
    }
}

/// `text` as a CommonMark code span that shows it literally: a fence one
/// backtick longer than any run inside, padded where the text starts or
/// ends with a backtick (or with a space at both ends, which CommonMark
/// would strip), and control and bidirectional characters as visible
/// escapes, since a line break would end the list item.
pub(super) fn code_span(text: &str) -> String {
    let mut visible = String::with_capacity(text.len());
    for c in text.chars() {
        match c.is_control() || docs::is_bidi_control(c) {
            true => visible.extend(c.escape_unicode()),
            false => visible.push(c),
        }
    }
    if visible.is_empty() {
        return "(empty)".to_string();
    }
    let mut longest = 0;
    let mut run = 0;
    for c in visible.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = visible.starts_with('`')
        || visible.ends_with('`')
        || (visible.starts_with(' ') && visible.ends_with(' ') && !visible.trim().is_empty());
    match pad {
        true => format!("{fence} {visible} {fence}"),
        false => format!("{fence}{visible}{fence}"),
    }
}

#[cfg(test)]
mod tests {
    use super::code_span;

    #[test]
    fn code_spans_show_any_text_literally() {
        assert_eq!(code_span("Busy."), "`Busy.`");
        assert_eq!(code_span("a `b` c"), "``a `b` c``");
        assert_eq!(code_span("``x"), "``` ``x ```");
        assert_eq!(code_span("x`"), "`` x` ``");
        assert_eq!(code_span(" padded "), "`  padded  `");
        assert_eq!(code_span("   "), "`   `");
        assert_eq!(
            code_span("*not* <b>bold</b> | _x_"),
            "`*not* <b>bold</b> | _x_`"
        );
        assert_eq!(
            code_span("line\nbreak\u{202E}"),
            "`line\\u{a}break\\u{202e}`"
        );
        assert_eq!(code_span(""), "(empty)");
    }
}
