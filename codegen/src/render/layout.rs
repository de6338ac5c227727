//! Laying out the small pieces every item uses: `match` arms, prose
//! lists and the vendor's notation of code runs.

use super::*;

/// The `start..=end` pattern of a run (a single code alone).
pub(super) fn run_pattern(run: &Run) -> String {
    match run.start == run.end {
        true => run.start.to_string(),
        false => format!("{}..={}", run.start, run.end),
    }
}

/// The vendor's notation of a run's codes, for docs: `7` or `1-255`.
pub(super) fn run_text(run: &Run) -> String {
    match run.start == run.end {
        true => format!("`{}`", run.start),
        false => format!("`{}-{}`", run.start, run.end),
    }
}

/// `text` ending as a sentence: with a full stop unless it has one (or a
/// colon) already, in either language.
pub(super) fn sentence(text: &str) -> String {
    match text.ends_with(['.', '。', ':', '：', '!', '?']) {
        true => text.to_string(),
        false => format!("{text}."),
    }
}

/// A list for prose: `a`, `a and b`, `a, b and c`.
pub(super) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A `match` arm whose patterns are `alternatives`: on one line when it
/// fits, else one alternative per line, each after the first led by `|`.
pub(super) fn arm(out: &mut Writer, alternatives: &[String], body: &str) {
    let inline = format!("{} => {body}", alternatives.join(" | "));
    if out.fits(&inline) || alternatives.len() < 2 {
        out.line(inline);
        return;
    }
    for (index, alternative) in alternatives.iter().enumerate() {
        match (index, index + 1 == alternatives.len()) {
            (0, _) => out.line(alternative),
            (_, false) => out.line(format_args!("| {alternative}")),
            (_, true) => out.line(format_args!("| {alternative} => {body}")),
        }
    }
}

/// `match self { arms _ => rest }`: without arms just `rest`, and the
/// wildcard only where some row needs it (`rest` is `None` when every row
/// has an arm), since an unreachable arm warns.
pub(super) fn match_or(out: &mut Writer, arms: &[String], rest: Option<&str>) {
    match (arms.is_empty(), rest) {
        (true, Some(rest)) => out.line(rest),
        (_, rest) => {
            out.open("match self");
            for arm in arms {
                out.line(arm);
            }
            if let Some(rest) = rest {
                out.line(format_args!("_ => {rest},"));
            }
            out.close();
        }
    }
}
