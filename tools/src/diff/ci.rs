//! The renderings of a diff for CI: GitHub Actions workflow commands and
//! JUnit XML.

use std::fmt::Write;

use super::output::{describe, summary};
use super::{Change, Impact, SpecDiff};

/// A workflow command per change, at its file and line, then the summary.
///
/// The command is the impact's alone: `error` for breaking, `warning` for
/// minor, `notice` for patch and cosmetic. The title is the rule ID and
/// the impact, with `accepted` for an accepted change; the message is the
/// change as the text report writes it.
pub(super) fn github_actions(diff: &SpecDiff) -> String {
    let mut out = String::new();
    for (change, file, line) in diff.placed() {
        let command = match change.impact {
            Impact::Breaking => "error",
            Impact::Minor => "warning",
            Impact::Patch | Impact::Cosmetic => "notice",
        };
        let mut properties = Vec::new();
        if let Some(file) = file {
            properties.push(format!("file={}", property(file)));
            if let Some(line) = line {
                properties.push(format!("line={line}"));
            }
        }
        properties.push(format!("title={}", property(&title(change))));
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            data(&describe(change))
        );
    }
    let _ = writeln!(out, "impact: {}", summary(diff));
    out
}

/// `row_removed (breaking)`, or `row_removed (breaking, accepted)`.
fn title(change: &Change) -> String {
    match change.is_accepted() {
        true => format!("{} ({}, accepted)", change.rule(), change.impact),
        false => format!("{} ({})", change.rule(), change.impact),
    }
}

/// A workflow command's message, escaped as the runner unescapes it: no
/// line break can end the command early.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: a message escaped, and neither `:`
/// nor `,`, which end a value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// JUnit XML: one test suite, `codes diff`, with a test case per change,
/// named by its path and kind, of class its rule ID, at its file and line.
/// A breaking change not accepted fails; an accepted change is skipped,
/// with its reason; every other change passes, with its description as
/// output.
pub(super) fn junit(diff: &SpecDiff) -> String {
    let tests = diff.changes().len();
    let failures = diff.changes().iter().filter(|change| fails(change)).count();
    let skipped = diff.accepted();
    let counts = format!(r#"tests="{tests}" failures="{failures}" errors="0" skipped="{skipped}""#);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, r#"<testsuites name="codes diff" {counts}>"#);
    let _ = writeln!(out, r#"  <testsuite name="codes diff" {counts}>"#);
    for (change, file, line) in diff.placed() {
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
                change.impact
            ),
            None => writeln!(
                out,
                "      <system-out>{}: {description}</system-out>",
                change.impact
            ),
        };
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// Whether a change fails its test case: breaking and not accepted.
fn fails(change: &Change) -> bool {
    change.impact == Impact::Breaking && !change.is_accepted()
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
    use super::{data, property, xml};

    #[test]
    fn workflow_command_values_cannot_end_early() {
        assert_eq!(data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(property("a: b, c%"), "a%3A b%2C c%25");
    }

    #[test]
    fn xml_escapes_markup_breaks_and_forbidden_characters() {
        assert_eq!(
            xml("<a href=\"x\">'&'</a>\n\t\u{1}\u{ffff}é"),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;&#10;&#9;\\u{1}\\u{ffff}é"
        );
    }
}
