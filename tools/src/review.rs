//! The `# review` marks an import or merge leaves on the lines a person
//! must decide (a proposed name, a changed text): what `codes check`
//! reports, and `codes check --deny review` refuses, until they are gone.

use std::fmt;

/// One `# review` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewMark {
    /// The 1-based line of the comment.
    pub line: usize,
    /// The 1-based column of its `#`, in characters.
    pub column: usize,
    /// What follows `# review`, without the `:` (`proposed name`), or
    /// empty.
    pub note: String,
}

impl fmt::Display for ReviewMark {
    /// `review mark left: proposed name`, or `review mark left`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.note.is_empty() {
            true => f.write_str("review mark left"),
            false => write!(f, "review mark left: {}", self.note),
        }
    }
}

/// Every comment of TOML `text` that starts with the word `review`, in
/// order. A `#` inside a string is not a comment; other comments that
/// merely mention `# review` (as the spec's header may) are not marks.
pub fn review_marks(text: &str) -> Vec<ReviewMark> {
    let mut marks = Vec::new();
    let mut multiline: Option<&str> = None;
    for (index, line) in text.lines().enumerate() {
        let Some(at) = comment_start(line, &mut multiline) else {
            continue;
        };
        let comment = line[at + 1..].trim_start();
        let Some(rest) = comment.strip_prefix("review") else {
            continue;
        };
        if rest
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        marks.push(ReviewMark {
            line: index + 1,
            column: line[..at].chars().count() + 1,
            note: rest.trim_start_matches(':').trim().to_string(),
        });
    }
    marks
}

/// The byte offset of the `#` that starts a comment on `line`, outside
/// strings; `multiline` carries an open `"""` or `'''` string across lines.
fn comment_start(line: &str, multiline: &mut Option<&'static str>) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(delimiter) = *multiline {
            match line[i..].find(delimiter) {
                Some(end) if delimiter == "\"\"\"" && escaped(bytes, i + end) => {
                    i += end + 1;
                    continue;
                }
                Some(end) => {
                    *multiline = None;
                    i += end + 3;
                    continue;
                }
                None => return None,
            }
        }
        match bytes[i] {
            b'#' => return Some(i),
            quote @ (b'"' | b'\'') => {
                let triple = if quote == b'"' { "\"\"\"" } else { "'''" };
                if line[i..].starts_with(triple) {
                    *multiline = Some(triple);
                    i += 3;
                    continue;
                }
                // A single-line string: to its closing quote.
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != quote {
                    j += if quote == b'"' && bytes[j] == b'\\' {
                        2
                    } else {
                        1
                    };
                }
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// Whether the byte at `at` follows an odd number of backslashes.
fn escaped(bytes: &[u8], at: usize) -> bool {
    bytes[..at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count()
        % 2
        == 1
}

#[cfg(test)]
mod tests {
    use super::{ReviewMark, review_marks};

    #[test]
    fn marks_are_comments_that_start_with_review() {
        let text = "# Check every line marked `# review`.\n\
                    name = \"AgentBusy\" # review: proposed name\n\
                    description = \"a # review in text\"\n\
                    note = 'x' #review\n\
                    text = \"\"\"\n# review inside a string\n\"\"\"\n\
                    reviewed = true # reviewed by hand\n";
        assert_eq!(
            review_marks(text),
            [
                ReviewMark {
                    line: 2,
                    column: 20,
                    note: "proposed name".to_string()
                },
                ReviewMark {
                    line: 4,
                    column: 12,
                    note: String::new()
                },
            ]
        );
        assert_eq!(
            review_marks(text)[0].to_string(),
            "review mark left: proposed name"
        );
    }
}
