//! The renderings of a diff for CI: GitHub Actions workflow commands and
//! JUnit XML.

use std::fmt::Write;

use super::output::{describe, summary};
use super::{Change, Impact, SpecDiff};
use crate::report::workflow_command;

/// A workflow command per change, in the new file, then one per stale
/// acceptance, one for the version check, and the summary.
///
/// A change not accepted is `error` when it is breaking on either axis,
/// `warning` when minor, `notice` otherwise; an accepted change is a
/// `notice`, since it passes the gate. The title is the rule ID and the
/// impacts on both axes, with `accepted` for an accepted change; the
/// message is the change as the text report writes it, and for a removed
/// item, which is annotated at its parent (the table of a removed row),
/// the line it had in the old file.
pub(super) fn github_actions(diff: &SpecDiff) -> String {
    let mut out = String::new();
    for placed in diff.placed() {
        let change = placed.change;
        let command = match (change.is_accepted(), largest(change)) {
            (true, _) => "notice",
            (false, Impact::Breaking) => "error",
            (false, Impact::Minor) => "warning",
            (false, Impact::Patch | Impact::Cosmetic) => "notice",
        };
        let mut properties = Vec::new();
        if let Some(file) = placed.file {
            properties.push(("file", file.to_string()));
            if let Some(line) = placed.line {
                properties.push(("line", line.to_string()));
            }
        }
        properties.push(("title", title(change)));
        let mut message = describe(change);
        if placed.removed
            && let Some(line) = change.old_line
        {
            match diff.old_file() {
                Some(old) => {
                    let _ = write!(message, " (was at line {line} of the old {old})");
                }
                None => {
                    let _ = write!(message, " (was at line {line} of the old spec)");
                }
            }
        }
        out.push_str(&workflow_command(command, &properties, &message));
    }
    for stale in diff.stale_acceptances() {
        let properties = [
            ("file", stale.file.clone()),
            ("line", stale.line.to_string()),
            ("title", "stale acceptance".to_string()),
        ];
        out.push_str(&workflow_command(
            "warning",
            &properties,
            &super::output::stale(stale),
        ));
    }
    if let Some(check) = diff.version_check() {
        let (command, title) = match check.passes() {
            true => ("notice", "version bump"),
            false => ("error", "missing version bump"),
        };
        let properties = [("title", title.to_string())];
        out.push_str(&workflow_command(command, &properties, &check.to_string()));
    }
    let _ = writeln!(out, "{}", summary(diff));
    out
}

/// The larger of a change's impacts on the two axes.
fn largest(change: &Change) -> Impact {
    change.impact.max(change.data_impact)
}

/// `row_removed (api breaking, data breaking)`, then `, accepted` when it is.
fn title(change: &Change) -> String {
    let accepted = match change.is_accepted() {
        true => ", accepted",
        false => "",
    };
    format!(
        "{} (api {}, data {}{accepted})",
        change.rule(),
        change.impact,
        change.data_impact
    )
}

/// JUnit XML: one test suite, `codes diff`, with a test case per change,
/// named by its path and kind, of class its rule ID, at its file and line
/// (as the annotations place it). A change breaking on either axis and not
/// accepted fails; an accepted change is skipped, with its reason; every
/// other change passes, with its impacts and description as output. The
/// version check, when one was made, is one more test case, failing when
/// the bump falls short.
pub(super) fn junit(diff: &SpecDiff) -> String {
    let check = diff.version_check();
    let tests = diff.changes().len() + usize::from(check.is_some());
    let failures = diff.changes().iter().filter(|change| fails(change)).count()
        + usize::from(check.is_some_and(|check| !check.passes()));
    let skipped = diff.accepted();
    let counts = format!(r#"tests="{tests}" failures="{failures}" errors="0" skipped="{skipped}""#);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, r#"<testsuites name="codes diff" {counts}>"#);
    let _ = writeln!(out, r#"  <testsuite name="codes diff" {counts}>"#);
    for placed in diff.placed() {
        let (change, file, line) = (placed.change, placed.file, placed.line);
        let mut attributes = format!(
            r#"classname="{}" name="{}""#,
            change.rule(),
            xml(&format!("{}: {}", change.path, change.kind))
        );
        if let Some(file) = file {
            let _ = write!(attributes, r#" file="{}""#, xml(file));
            if let Some(line) = line {
                let _ = write!(attributes, r#" line="{line}""#);
            }
        }
        let _ = writeln!(out, "    <testcase {attributes}>");
        let description = xml(&describe(change));
        let _ = match &change.accepted {
            Some(reason) => writeln!(
                out,
                r#"      <skipped message="accepted: {}"/>"#,
                xml(reason)
            ),
            None if fails(change) => writeln!(
                out,
                r#"      <failure type="{}" message="{description}"/>"#,
                impacts(change)
            ),
            None => writeln!(
                out,
                "      <system-out>{}: {description}</system-out>",
                impacts(change)
            ),
        };
        out.push_str("    </testcase>\n");
    }
    if let Some(check) = check {
        let name = match &check.baseline {
            Some(baseline) => format!("version bump since {baseline}"),
            None => "version bump".to_string(),
        };
        let _ = writeln!(
            out,
            r#"    <testcase classname="version_check" name="{}">"#,
            xml(&name)
        );
        let message = xml(&check.to_string());
        let _ = match check.passes() {
            true => writeln!(out, "      <system-out>{message}</system-out>"),
            false => writeln!(
                out,
                r#"      <failure type="missing version bump" message="{message}"/>"#
            ),
        };
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// Whether a change fails its test case: breaking on either axis and not
/// accepted.
fn fails(change: &Change) -> bool {
    largest(change) == Impact::Breaking && !change.is_accepted()
}

/// `api breaking, data patch`.
fn impacts(change: &Change) -> String {
    format!("api {}, data {}", change.impact, change.data_impact)
}

/// `text` for an XML attribute value or text: markup characters as
/// entities, line breaks and tabs as character references (so that an
/// attribute keeps them), and the characters XML 1.0 cannot carry at all
/// as visible `\u{…}` escapes.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn xml_escapes_markup_breaks_and_forbidden_characters() {
        assert_eq!(
            xml("<a href=\"x\">'&'</a>\n\t\u{1}\u{ffff}é"),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;&#10;&#9;\\u{1}\\u{ffff}é"
        );
    }
}
