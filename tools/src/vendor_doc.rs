//! Reads a vendor documentation table, as copied from the vendor's web page,
//! into plain data with line numbers, so that a later stage can turn it into
//! a spec.
//!
//! The table is the vendor's "Table 1 Agent operation type": one row per
//! operation code, with 2 to 4 columns mapped by position:
//!
//! | columns | 1st  | 2nd         | 3rd                | 4th    |
//! |---------|------|-------------|--------------------|--------|
//! | 2       | code | description |                    |        |
//! | 3       | code | description | reason             |        |
//! | 4       | code | description | object             | reason |
//!
//! The wording of the header cells is kept but not checked. The reason column
//! is always the last column of a table with 3 or 4 columns, whatever its
//! header says.
//!
//! # Layouts
//!
//! [`parse`] detects the layout: a text with a line ending with `|`, or with a
//! separator row such as `|---|---|`, is in the [pipe layout](Layout::Pipe);
//! any other text is in the [paragraph layout](Layout::Paragraph).
//!
//! Lines end with `\n` or `\r\n`. A leading byte order mark is skipped.
//! Whitespace at both ends of a line is layout and is dropped; everything else
//! is kept byte for byte. A line holding only whitespace is blank.
//!
//! ## Paragraph layout
//!
//! ```text
//! Updated on 2023-09-27 GMT+08:00
//!
//! Agent Operation Type
//!
//! Table 1 Agent operation type
//!
//! Operation Type
//!
//! Description
//!
//! Operation Object
//!
//! Operation Reason
//!
//! 0
//!
//! The agent signs out of CCS.
//!
//! -1
//!
//! 1-255: The error is caused by the client.
//!
//! 256: The agent is disconnected from the platform.
//! ```
//!
//! One line is one paragraph, and paragraphs are separated by blank lines
//! (several blank lines are fine; two paragraph lines in a row are an error,
//! since a wrapped cell cannot be told from two cells).
//!
//! - The text starts with an optional `Updated on …` line, an optional title
//!   and a required caption (a paragraph starting with `Table ` and a digit).
//! - The header cells are the paragraphs after the caption up to the first
//!   *bare integer* (an optional `-` followed by ASCII digits). There must
//!   be 2 to 4 of them.
//! - A row starts with a bare integer, its code. Every column but the last
//!   takes exactly one paragraph; a bare integer where a description or an
//!   object is expected starts the next row instead (so the row has too few
//!   cells), except the object's "not used" markers `-1` and `65535`.
//! - The last column takes the next paragraph whatever it is (a reason cell
//!   can be just `0`), then every following paragraph up to the next bare
//!   integer. In a 2-column table the last column is the description, which
//!   must be a single paragraph.
//!
//! ## Pipe layout
//!
//! ```text
//! Updated on 2023-09-27 GMT+08:00
//! Agent Operation Type
//! |
//! Operation Type |
//! Description |
//! Operation Object |
//! Operation Reason |
//! |---|---|---|---|
//! |
//! 0 |
//! The agent signs out of CCS. |
//! -1 |
//! 1-255: The error is caused by the client.
//! 256: The agent is disconnected from the platform. |
//! | 1 | An agent signs in. | -1 | -1 |
//! ```
//!
//! - Before the table there may be an `Updated on …` line, a title line and a
//!   caption line, in that order, each optional.
//! - A cell is one or more consecutive lines of which only the last ends with
//!   `|` (normally ` |`); the `|` and the whitespace before it are dropped.
//!   Each line is one paragraph of the cell, so a multi-paragraph reason cell
//!   is written as several lines with ` |` after the last one only. Only the
//!   reason column may have more than one paragraph. Blank lines are ignored.
//! - A line holding only `|` starts a row. Such a row ends at the next row
//!   start (or the end of the text) and must have exactly as many cells as
//!   the header. A row without that line starts at its first cell and ends
//!   once it has as many cells as the header. A `|` on the last line of the
//!   text, with no cells after it, is ignored.
//! - A line starting and ending with `|` and holding more than that, such as
//!   `| 1 | An agent signs in. | -1 | -1 |`, is a whole row on one line; its
//!   cells are split at every `|` (a cell cannot contain `|` there) and the
//!   whitespace around each cell is dropped.
//! - The header row is followed by a separator row: `|---|---|`, `---|---|`
//!   and the like (at least three dashes per column, optional colons), with
//!   as many columns as the header.
//!
//! # Cells
//!
//! - Code: a bare integer that fits in an `i64`. Hexadecimal is not accepted
//!   in the code column.
//! - Description: any text except a bare integer.
//! - Object: `-1`, `65535`, `0xFFFF` (any case) or `US_NO_USE` is
//!   [`ObjectCell::NotUsed`] with the spelling kept; a bare integer other
//!   than those is an error; anything else is [`ObjectCell::Text`].
//! - Reason: each paragraph is classified as a [`ReasonParagraph`], in this
//!   order: a "not used" marker, a bare integer, `N: text` (`N` may be
//!   negative), `N-M: text` (`N` and `M` plain digits, the dash `-` or `–`,
//!   whitespace allowed around the dash and before the colon), anything else
//!   a note. The colon must be followed by whitespace (`5:x` is a note) and
//!   then text (`5:` alone is an error); the whitespace is dropped. Other
//!   dashes (`—`, `‒`) and colons (`：`) make a note.
//!
//! # Known ambiguities of the paragraph layout
//!
//! These cannot be detected and are parsed by the rules above: a bare
//! integer paragraph after the first paragraph of a reason cell (`65535`, say)
//! starts a new row; a missing reason cell takes the next row's code as its
//! reason; text after the last row (a page footer) becomes notes of the last
//! reason cell.
//!
//! # Errors
//!
//! [`parse`] returns every error it finds, sorted by line, each a
//! lowercase sentence saying what was expected and what was found, such as
//! `line 42: expected an operation code (an integer), found "Talking."`. It
//! never panics.

mod cells;
mod paragraph;
mod pipe;
mod text;

use std::fmt;

/// Reads a vendor table in either layout.
///
/// # Errors
///
/// Every problem found in the text, sorted by line: a missing caption, header
/// or separator row, a wrong number of header cells, a row with a wrong
/// number of cells, a cell of the wrong kind (text where a code is expected,
/// a number where a description is expected), a number too large for an
/// `i64`, a duplicated code, no rows.
///
/// # Examples
///
/// ```
/// use codes_tools::vendor_doc::{Layout, ObjectCell, ReasonParagraph, parse};
///
/// let text = "\
/// | Operation Type | Description | Operation Object | Operation Reason |
/// |---|---|---|---|
/// | 20 | Listening/Insert/Whisper | Employee ID. | 0 |
/// ";
/// let table = parse(text).unwrap();
/// assert_eq!(table.layout, Layout::Pipe);
/// let row = &table.rows[0];
/// assert_eq!((row.line, row.code), (3, 20));
/// assert_eq!(row.description.value, "Listening/Insert/Whisper");
/// assert_eq!(
///     row.object.as_ref().map(|object| &object.value),
///     Some(&ObjectCell::Text("Employee ID.".to_owned()))
/// );
/// assert_eq!(row.reasons[0].value, ReasonParagraph::BareCode(0));
///
/// let error = parse("Table 1 Codes\n\nCode\n\nDescription\n\n7\n\n8").unwrap_err();
/// assert_eq!(
///     error[0].to_string(),
///     r#"line 9: expected a description (text), found "8""#
/// );
/// ```
pub fn parse(text: &str) -> Result<VendorTable, Vec<DocError>> {
    let lines = text::lines(text);
    let result = if pipe::detect(&lines) {
        pipe::parse(&lines)
    } else {
        paragraph::parse(&lines)
    };
    result.map_err(|mut errors| {
        errors.sort_by_key(|error| error.line);
        errors
    })
}

/// A vendor table read from its documentation page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VendorTable {
    /// The layout the text was in.
    pub layout: Layout,
    /// What follows `Updated on ` on the page, e.g. `2023-09-27 GMT+08:00`.
    pub updated: Option<Located<String>>,
    /// The page title, e.g. `Agent Operation Type`.
    pub title: Option<Located<String>>,
    /// The caption, e.g. `Table 1 Agent operation type`; always present in
    /// the paragraph layout, usually absent in the pipe layout.
    pub caption: Option<Located<String>>,
    /// The header cells, 2 to 4 of them, which give the number of columns.
    pub header: Vec<Located<String>>,
    /// The rows, in the order of the text; at least one, codes unique.
    pub rows: Vec<VendorRow>,
}

/// How the table was laid out when it was copied from the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// One cell per paragraph, blank lines between paragraphs.
    Paragraph,
    /// One cell per line (or per group of lines), each ending with ` |`.
    Pipe,
}

/// A value and the 1-based line of the text it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Located<T> {
    /// The 1-based line number.
    pub line: usize,
    /// The value read from that line.
    pub value: T,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VendorRow {
    /// The line of the row's code cell.
    pub line: usize,
    /// The code (first column).
    pub code: i64,
    /// The description (second column), byte for byte.
    pub description: Located<String>,
    /// The object (third column), present iff the table has 4 columns.
    pub object: Option<Located<ObjectCell>>,
    /// The paragraphs of the reason cell (the last column), in order; empty
    /// iff the table has 2 columns, otherwise at least one.
    pub reasons: Vec<Located<ReasonParagraph>>,
}

/// The object cell of a 4-column table.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ObjectCell {
    /// The vendor's "not used": `-1`, `65535`, `0xFFFF` or `US_NO_USE`.
    NotUsed {
        /// The marker as written.
        spelling: String,
    },
    /// Any other text, byte for byte, e.g. `Employee ID.`.
    Text(String),
}

/// One paragraph of a reason cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ReasonParagraph {
    /// The vendor's "not used": `-1`, `65535`, `0xFFFF` or `US_NO_USE`.
    NotUsed {
        /// The marker as written.
        spelling: String,
    },
    /// `N: text`.
    Code {
        /// `N`.
        code: i64,
        /// The text after the colon, byte for byte.
        text: String,
    },
    /// `N-M: text` or `N–M: text` (en dash), spaces around the dash allowed.
    Range {
        /// `N`.
        start: i64,
        /// `M`, not less than `N`.
        end: i64,
        /// The dash as written: `-` or `–` (U+2013).
        dash: char,
        /// The text after the colon, byte for byte.
        text: String,
    },
    /// A bare integer other than the "not used" markers, e.g. `0`.
    BareCode(i64),
    /// Any other paragraph (a free sentence), byte for byte.
    Note(String),
}

/// An error in a vendor table, at a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DocError {
    /// The 1-based line number.
    pub line: usize,
    /// What was expected and what was found, a lowercase-first sentence.
    pub message: String,
}

impl DocError {
    fn new(line: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for DocError {}
