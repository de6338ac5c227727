//! A CHANGELOG entry written by [`SpecDiff::to_changelog`] added to a
//! CHANGELOG in the [Keep a Changelog] format: what `codes update
//! --changelog` does with the changes it merged.
//!
//! An entry for the next release (`## [Unreleased]`) joins the one the
//! file already has: its impact line opens the entry's text as
//! `Updated from the vendor's pages: …`, and its bullets go first in the
//! sections of the same name (Added, Changed, Removed; a missing section is
//! made where Keep a Changelog orders it), since the vendor-table bullets
//! open each section. Without an unreleased entry, the entry is put before
//! the first release's.
//!
//! ```
//! use codes_tools::changelog::add_entry;
//!
//! let changelog = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- `codes update`.\n";
//! let entry = [
//!     "## [Unreleased]\n\n",
//!     "The vendor's tables: API minor (1 minor); data minor (1 minor).\n\n",
//!     "### Added\n\n- `OperationType/row 59`: row added\n",
//! ];
//! let merged = [
//!     "# Changelog\n\n## [Unreleased]\n\n",
//!     "Updated from the vendor's pages: API minor (1 minor); data minor (1 minor).\n\n",
//!     "### Added\n\n- `OperationType/row 59`: row added\n- `codes update`.\n",
//! ];
//! assert_eq!(add_entry(changelog, &entry.concat()), merged.concat());
//! ```
//!
//! [`SpecDiff::to_changelog`]: crate::diff::SpecDiff::to_changelog
//! [Keep a Changelog]: https://keepachangelog.com/en/1.1.0/

/// The sections of an entry, in Keep a Changelog's order.
const SECTIONS: [&str; 6] = [
    "Added",
    "Changed",
    "Deprecated",
    "Removed",
    "Fixed",
    "Security",
];

/// The heading of the entry of the next release.
const UNRELEASED: &str = "## [Unreleased]";

/// What the impact line of [`SpecDiff::to_changelog`] starts with, and
/// what it starts with once merged into an entry that has text of its own.
///
/// [`SpecDiff::to_changelog`]: crate::diff::SpecDiff::to_changelog
const IMPACT: (&str, &str) = ("The vendor's tables: ", "Updated from the vendor's pages: ");

/// `changelog` with `entry` (an `## [Unreleased]` entry as
/// [`SpecDiff::to_changelog`] writes it) added: merged into the unreleased
/// entry the file has, else put before the first release's entry (or at
/// the end).
///
/// [`SpecDiff::to_changelog`]: crate::diff::SpecDiff::to_changelog
pub fn add_entry(changelog: &str, entry: &str) -> String {
    let mut lines: Vec<String> = changelog.lines().map(str::to_string).collect();
    let entry = Entry::parse(entry);
    match lines.iter().position(|line| line.trim_end() == UNRELEASED) {
        Some(heading) => entry.merge_into(&mut lines, heading),
        None => {
            let at = lines
                .iter()
                .position(|line| line.starts_with("## "))
                .unwrap_or(lines.len());
            let mut new = entry.lines();
            new.push(String::new());
            if at == lines.len() && lines.last().is_some_and(|line| !line.is_empty()) {
                new.insert(0, String::new());
            }
            lines.splice(at..at, new);
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// An entry read back: its heading, its text before the first section,
/// and its sections' bullets.
struct Entry {
    heading: String,
    text: Vec<String>,
    sections: Vec<(String, Vec<String>)>,
}

impl Entry {
    fn parse(entry: &str) -> Entry {
        let mut lines = entry.lines();
        let heading = lines.next().unwrap_or(UNRELEASED).to_string();
        let mut text = Vec::new();
        let mut sections: Vec<(String, Vec<String>)> = Vec::new();
        for line in lines {
            match (line.strip_prefix("### "), sections.last_mut()) {
                (Some(name), _) => sections.push((name.to_string(), Vec::new())),
                (None, Some((_, bullets))) => bullets.push(line.to_string()),
                (None, None) => text.push(line.to_string()),
            }
        }
        for (_, bullets) in &mut sections {
            trim_blank(bullets);
        }
        trim_blank(&mut text);
        Entry {
            heading,
            text,
            sections,
        }
    }

    /// The entry as lines, as written.
    fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.heading.clone()];
        if !self.text.is_empty() {
            lines.push(String::new());
            lines.extend(self.text.iter().cloned());
        }
        for (name, bullets) in &self.sections {
            lines.extend([String::new(), format!("### {name}"), String::new()]);
            lines.extend(bullets.iter().cloned());
        }
        lines
    }

    /// Merges the entry into the one whose heading is at `heading`.
    fn merge_into(&self, lines: &mut Vec<String>, heading: usize) {
        // Sections first, from the last, so that the text's insertion
        // (above them) moves none of the places found.
        for (name, bullets) in self.sections.iter().rev() {
            let end = entry_end(lines, heading);
            let section = (heading..end).find(|&at| lines[at] == format!("### {name}"));
            match section {
                Some(at) => {
                    let first = (at + 1..end)
                        .find(|&line| !lines[line].is_empty())
                        .unwrap_or(end);
                    lines.splice(first..first, bullets.iter().cloned());
                }
                None => {
                    let rank = SECTIONS.iter().position(|section| section == name);
                    let later = (heading..end).find(|&at| {
                        lines[at].strip_prefix("### ").is_some_and(|other| {
                            let other = SECTIONS.iter().position(|section| *section == other);
                            rank.is_some() && other > rank
                        })
                    });
                    let mut new = vec![format!("### {name}"), String::new()];
                    new.extend(bullets.iter().cloned());
                    let at = match later {
                        Some(at) => {
                            new.push(String::new());
                            at
                        }
                        None => {
                            // After the entry's last line, a blank line
                            // between; the blank line before the next
                            // entry stays where it is.
                            let mut at = end;
                            while at > heading + 1 && lines[at - 1].is_empty() {
                                at -= 1;
                            }
                            new.insert(0, String::new());
                            at
                        }
                    };
                    lines.splice(at..at, new);
                }
            }
        }
        let text: Vec<String> = self
            .text
            .iter()
            .map(|line| match line.strip_prefix(IMPACT.0) {
                Some(rest) => format!("{}{rest}", IMPACT.1),
                None => line.clone(),
            })
            .collect();
        if !text.is_empty() {
            let mut new = text;
            new.push(String::new());
            let at = (heading + 1..lines.len())
                .find(|&line| !lines[line].is_empty())
                .unwrap_or(lines.len());
            if at == lines.len() {
                new.insert(0, String::new());
                new.pop();
            }
            lines.splice(at..at, new);
        }
    }
}

/// The line after the entry whose heading is at `heading`: the next
/// `## ` heading, or the end.
fn entry_end(lines: &[String], heading: usize) -> usize {
    (heading + 1..lines.len())
        .find(|&line| lines[line].starts_with("## "))
        .unwrap_or(lines.len())
}

fn trim_blank(lines: &mut Vec<String>) {
    while lines.last().is_some_and(|line| line.trim().is_empty()) {
        lines.pop();
    }
    while lines.first().is_some_and(|line| line.trim().is_empty()) {
        lines.remove(0);
    }
}

#[cfg(test)]
mod tests {
    use super::add_entry;

    const ENTRY: &str = "## [Unreleased]\n\nThe vendor's tables: API breaking; data breaking.\n\n\
                         ### Changed\n\n- `A/row 1`: changed\n\n### Removed\n\n- `A/row 2`: removed\n";

    #[test]
    fn an_entry_goes_before_the_first_release_without_an_unreleased_one() {
        let changelog = "# Changelog\n\nIntro.\n\n## [0.1.0] - 2026-11-29\n\n### Added\n\n- x\n";
        assert_eq!(
            add_entry(changelog, ENTRY),
            "# Changelog\n\nIntro.\n\n## [Unreleased]\n\nThe vendor's tables: API breaking; data breaking.\n\n\
             ### Changed\n\n- `A/row 1`: changed\n\n### Removed\n\n- `A/row 2`: removed\n\n\
             ## [0.1.0] - 2026-11-29\n\n### Added\n\n- x\n"
        );
        assert_eq!(
            add_entry("# Changelog\n", ENTRY),
            format!("# Changelog\n\n{ENTRY}\n")
        );
    }

    #[test]
    fn missing_sections_are_made_in_keep_a_changelog_order() {
        let changelog = "# C\n\n## [Unreleased]\n\nText.\n\n### Added\n\n- a\n\n### Security\n\n- s\n\n## [0.1.0]\n";
        assert_eq!(
            add_entry(changelog, ENTRY),
            "# C\n\n## [Unreleased]\n\nUpdated from the vendor's pages: API breaking; data breaking.\n\nText.\n\n\
             ### Added\n\n- a\n\n### Changed\n\n- `A/row 1`: changed\n\n### Removed\n\n- `A/row 2`: removed\n\n\
             ### Security\n\n- s\n\n## [0.1.0]\n"
        );
        let last = "# C\n\n## [Unreleased]\n\n### Added\n\n- a\n";
        assert_eq!(
            add_entry(last, ENTRY),
            "# C\n\n## [Unreleased]\n\nUpdated from the vendor's pages: API breaking; data breaking.\n\n\
             ### Added\n\n- a\n\n### Changed\n\n- `A/row 1`: changed\n\n### Removed\n\n- `A/row 2`: removed\n"
        );
    }
}
