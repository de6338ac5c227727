//! Reads the vendor's documentation tables, as saved from the vendor's web
//! pages or copied from them, into plain data with line numbers, so that a
//! later stage can turn them into a spec.
//!
//! The vendor's pages are a family: the agent operation table, the media
//! type, agent type and call type tables of the bill files, in English and
//! in Chinese, copied as text in two layouts or saved as HTML. A page may
//! hold several tables; [`parse_tables`] reads them all, [`parse`] a page
//! of one table, and [`parse_values`] the values one parameter of a table
//! of parameters lists (the `callIn_out` column of the bill file, say);
//! [`parse_html_tables`] and [`parse_html_values`] read a saved page.
//!
//! # Columns
//!
//! The first column is the code. What the others hold is told by their
//! header cells, English or Chinese (`Description`, `含义`, `描述`,
//! `Operation Object`, `操作对象`, `Operation Reason`, `操作原因`, `参数名称`,
//! …), matched against the shapes the vendor's tables come in, in this
//! order; a header cell of other wording fits any column, so a table whose
//! header cells are all unknown reads as the first shape of its width:
//!
//! | columns | shape                                             |
//! |---------|---------------------------------------------------|
//! | 2       | code, description                                 |
//! | 3       | code, description, reason                         |
//! | 3       | code, constant name, description                  |
//! | 3       | code, parameter name, description (parameters)    |
//! | 4       | code, description, object, reason                 |
//! | 4       | code, constant name, description, reason          |
//! | 4       | code, parameter name, data type, description (parameters) |
//!
//! The agent type page's `Value | Agent type. | Description` is thus code,
//! constant name, description. The wording of the header cells is kept.
//! Header cells in a third language (Japanese kana, Korean hangul) are an
//! error: the spec holds English and Chinese texts only.
//!
//! # Layouts
//!
//! Each text is in one layout: a text with a line ending with `|`, or with
//! a separator row such as `|---|---|`, is in the [pipe layout](Layout::Pipe);
//! any other text is in the [paragraph layout](Layout::Paragraph).
//!
//! Lines end with `\n` or `\r\n`. A leading byte order mark is skipped.
//! Whitespace at both ends of a line is layout and is dropped; everything else
//! is kept byte for byte (full-width `：`, `，` and ASCII `:`, `,` alike). A
//! line holding only whitespace is blank. A line starting with a bullet (`•`,
//! `◦`, `▪`, `●`, or `-` or `*` followed by whitespace) is an item of a
//! bulleted list: the bullet is dropped and the item is one paragraph.
//!
//! ## Before a table
//!
//! Before each table's header there may be, in this order, each optional:
//! an `Updated on …` line (`更新时间：…` on the Chinese pages; the first of
//! the page), a title, a subtitle and a caption (`Table 1 …` or `表1 …`). A
//! NOTE cell (a paragraph starting with a note title, `NOTE:`, `Note:`,
//! `说明:`, `说明：`, `注意:` or `注意：`, or a bare title with the paragraph
//! after it; either followed by bulleted paragraphs, `• …`, which are the
//! note's) may stand anywhere before the header or right after it, and in
//! the pipe layout also where a row would start: it is a note of the whole
//! table, kept as written in [`VendorTable::notes`].
//!
//! ## Notes under a cell
//!
//! A cell's text followed by a note title and the note (the vendor's media
//! types 6 and 7: `电子邮件呼叫`, `说明:`, `当前版本暂不支持该类型。`) is
//! the cell's text and a note of the row, in [`VendorRow::notes`] without
//! its title. In the paragraph layout the note's paragraphs follow the
//! cell's one paragraph; in the pipe layout they are lines of the cell. A
//! title with nothing after it in its cell is an error.
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
//! since a wrapped cell cannot be told from two cells, except that the
//! items of a bulleted list follow each other).
//!
//! - With a caption, the header cells are the paragraphs after it up to the
//!   first *bare integer* (an optional `-` followed by ASCII digits). There
//!   must be 2 to 4 of them.
//! - Without a caption (the Chinese pages have none), the header cells are
//!   as many paragraphs before the first row as that row has cells, counted
//!   up to the next bare integer that is not a "not used" marker; so the
//!   first row's cells must be one paragraph each. What stands before them
//!   is the title and subtitle.
//! - A row starts with a bare integer, its code. Every column but the last
//!   takes exactly one paragraph; a bare integer where another cell is
//!   expected starts the next row instead (so the row has too few cells),
//!   except the object's "not used" markers `-1` and `65535`.
//! - The last column takes the next paragraph whatever it is (a reason cell
//!   can be just `0`), then every following paragraph up to the next bare
//!   integer. A description must be a single paragraph, except in a table
//!   of parameters.
//! - A caption after the rows have started begins the next table.
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
//! - A cell is one or more consecutive lines of which only the last ends with
//!   `|` (normally ` |`); the `|` and the whitespace before it are dropped.
//!   Each line is one paragraph of the cell, so a multi-paragraph reason cell
//!   is written as several lines with ` |` after the last one only. Only the
//!   reason column may have more than one paragraph. Blank lines are ignored.
//! - A line holding only `|` starts a row. Such a row ends at the next row
//!   start (or the end of the table) and must have exactly as many cells as
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
//! - Another separator row begins another table: its header row is the
//!   whole-row line before it, or the cells before it (as many as it has
//!   columns, with the `|` line before them); lines without `|` before that
//!   header, and all lines of its first cell but the last, are that table's
//!   title, subtitle and caption.
//!
//! ## HTML rendering
//!
//! A page saved from a browser ("HTML only" or "complete") is read with
//! html5ever as a browser reads it (entities decoded, implied tags added),
//! from its bytes: UTF-8, or the charset a byte order mark or a `<meta>`
//! declares. The vendor's pages are DITA output:
//!
//! ```html
//! <div class="updated">Updated on 2023-09-27 GMT+08:00</div>
//! <h1 class="topictitle1">Agent Operation Type</h1>
//! <div class="tablenoborder"><table><caption><b>Table 1 </b>Agent operation type</caption>
//! <thead><tr><th class="cellrowborder"><p>Operation Type</p></th>…</tr></thead>
//! <tbody><tr><td class="cellrowborder"><p>0</p></td>…<td><p>1-255: …</p><p>256: …</p></td></tr>…
//! ```
//!
//! - The title is the first `<h1>` (one that reads `Updated on …` is the
//!   update line instead); the update line is the first text of the page
//!   reading `Updated on …` or `更新时间：…`; every table of the page gets
//!   both. Paragraphs between the title (or the previous table) and a table
//!   are its subtitle, or NOTE cells. What a "complete" save adds around
//!   the topic (`<script>`, `<style>`, `<nav>`, `<header>`, `<footer>`,
//!   `<form>`, paragraphs before the title or after the last table) is
//!   skipped.
//! - Every `<table>` not inside another is a table: its `<caption>`, then
//!   its header row (the last of the `<thead>` rows, or of the leading rows
//!   of `<th>` cells), then its rows. A cell spanning rows or columns
//!   (`rowspan`, `colspan`) stands in each of them; a row of one cell
//!   spanning the table that holds a NOTE is the table's note.
//! - A cell's paragraphs are its `<p>`s, list items (`<li>`, a bulleted
//!   paragraph), lines ended by `<br>`, and other blocks, whitespace
//!   collapsed as a browser shows it; a NOTE box (`<div class="note">`)
//!   gives its title (`<span class="notetitle">`) as a paragraph of its
//!   own, then its body's paragraphs, as the text renderings have them.
//!   An empty cell is one empty paragraph.
//! - Lines are those of the HTML text: a row's is its `<tr>`'s, a
//!   paragraph's that of its first text. Errors name the table and row
//!   (`table 1, row 3: …`, counting body rows from 1) unless several rows
//!   share the line; a table nested in a cell, a table without a header
//!   row, no table at all, a `lang` other than English or Chinese, bytes
//!   neither UTF-8 nor in a declared charset are errors.
//!
//! # Cells
//!
//! - Code: a bare integer that fits in an `i64`. Hexadecimal is not accepted
//!   in the code column. A row that repeats an earlier one cell for cell is
//!   read once and listed in [`VendorTable::repeated`]; a code repeated with
//!   other cells is an error.
//! - Constant name: capital ASCII letters, digits and `_`, starting with a
//!   letter, such as `AGENT_TYPE_EXTENSION`.
//! - Description: any text except a bare integer.
//! - Object: `-1`, `65535`, `0xFFFF` (any case), `US_NO_USE` or `-` is
//!   [`ObjectCell::NotUsed`] with the spelling kept; a bare integer other
//!   than those is an error; anything else is [`ObjectCell::Text`].
//! - Reason: a paragraph flattened onto one line, as the Chinese page writes
//!   a whole cell (`1~255:客户端传入原因 256:座席与平台断连`), is first split
//!   where a new paragraph starts: at whitespace before a label written
//!   without spaces (`256:`, `0~255:`, followed as described below) or
//!   before a NOTE label, and at whitespace after a Chinese full stop `。`. A bare NOTE label is left
//!   out. Each paragraph is then a [`ReasonParagraph`], in this order: a
//!   "not used" marker, a bare integer, a note (`NOTE: text`, `说明:text`;
//!   the label is dropped), `N: text` (`N` may be negative), `N-M: text`
//!   (`N` and `M` plain digits, the dash `-`, `–`, `~` or `～`, whitespace
//!   allowed around the dash and before the colon), anything else a note.
//!   The colon is `:` or `：` and must be followed by whitespace, or by
//!   Chinese text written without a space (text holding a character that is
//!   not ASCII and not starting with a digit), and then text (`5:` alone is
//!   an error); the whitespace is dropped. So `5:x` and `00:00` are notes,
//!   `1:自己示忙` and `261:CCS检测到…` reasons. Other dashes (`—`, `‒`) make a
//!   note.
//!
//! # Known ambiguities
//!
//! These cannot be detected and are parsed by the rules above. In the
//! paragraph layout: a bare integer paragraph after the first paragraph of a
//! reason cell (`65535`, say) starts a new row; a missing reason cell takes
//! the next row's code as its reason; text after the last row (a page
//! footer) becomes notes of the last reason cell, and so does a title
//! between two tables (only a caption begins the next table); a reason
//! note starting like a caption (`Table 2 …`) begins a new table. In a
//! flattened reason cell, an English sentence is not split at its full
//! stop (`. ` ends many an abbreviation), so a free sentence after an
//! English reason on the same line stays in that reason's text.
//!
//! # Errors
//!
//! Every function here returns every error it finds, sorted by line, each
//! a lowercase sentence saying what was expected and what was found, such
//! as `line 42: expected a code (an integer), found "Talking."`. None
//! panics.

mod cells;
mod columns;
mod html;
mod paragraph;
mod pipe;
mod preamble;
mod reasons;
mod text;
mod values;

use std::fmt;

use cells::RawTable;

/// Reads a page of one table of codes, in either layout.
///
/// # Errors
///
/// Every problem found in the text, sorted by line: a missing header or
/// separator row, a wrong number of header cells, header cells of no known
/// shape, a row with a wrong number of cells, a cell of the wrong kind (text
/// where a code is expected, a number where a description is expected), a
/// number too large for an `i64`, a duplicated code, no rows; a second table
/// (read those with [`parse_tables`]); a table of parameters (read its
/// values with [`parse_values`]).
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
    let mut tables = parse_tables(text)?;
    match tables.len() {
        1 => Ok(tables.remove(0)),
        count => {
            let second = tables.get(1).map_or(1, VendorTable::line);
            Err(vec![DocError::new(
                second,
                format!("expected one table, found another: the page has {count} tables"),
            )])
        }
    }
}

/// Reads every table of codes of a page, in either layout, in page order.
///
/// # Errors
///
/// As [`parse`], for every table, but for a second table.
///
/// # Examples
///
/// ```
/// use codes_tools::vendor_doc::{Column, parse_tables};
///
/// let page = "\
/// Table 1 Media type
///
/// Media Type
///
/// Description
///
/// 1
///
/// Text chat
///
/// Table 2 Agent type
///
/// Value
///
/// Agent Type
///
/// Description
///
/// 0
///
/// AGENT_TYPE_EXTENSION
///
/// Extension
/// ";
/// let tables = parse_tables(page).unwrap();
/// assert_eq!(tables.len(), 2);
/// assert_eq!(tables[1].columns, [Column::Code, Column::Constant, Column::Description]);
/// let constant = tables[1].rows[0].constant.as_ref().unwrap();
/// assert_eq!((constant.line, constant.value.as_str()), (21, "AGENT_TYPE_EXTENSION"));
/// ```
pub fn parse_tables(text: &str) -> Result<Vec<VendorTable>, Vec<DocError>> {
    let mut errors = Vec::new();
    let tables: Vec<VendorTable> = raw_tables(text, &mut errors)
        .into_iter()
        .filter_map(|raw| cells::table(raw, &mut errors))
        .collect();
    finish(tables, errors)
}

/// Reads the values that `parameter` takes, listed with bullets in its
/// description cell of a table of parameters (the vendor's tables of bill
/// file columns: `顺序 | 参数名称 | 数据类型 | 参数说明`), in either layout.
///
/// # Errors
///
/// As [`parse`] for the rows' cell counts and codes; and no table of
/// parameters, no row or several rows of `parameter`, no bulleted list in
/// its description cell, more than one paragraph before the list or any
/// after it, a value listed twice.
///
/// # Examples
///
/// ```
/// use codes_tools::vendor_doc::parse_values;
///
/// let page = "\
/// | 顺序 | 参数名称 | 数据类型 | 参数说明 |
/// |---|---|---|---|
/// |
/// 18 |
/// callIn_out |
/// String(1-20) |
/// 呼入呼出标志,包括:
/// • 呼入
/// • 呼出 |
/// ";
/// let list = parse_values(page, "callIn_out").unwrap();
/// assert_eq!(list.lead.unwrap().value, "呼入呼出标志,包括:");
/// let values: Vec<&str> = list.values.iter().map(|value| value.value.as_str()).collect();
/// assert_eq!(values, ["呼入", "呼出"]);
/// assert_eq!(list.values[1].line, 9);
/// ```
pub fn parse_values(text: &str, parameter: &str) -> Result<ValueList, Vec<DocError>> {
    let mut errors = Vec::new();
    let tables = raw_tables(text, &mut errors);
    if let Some(list) = values::list(tables, parameter, &mut errors)
        && errors.is_empty()
    {
        return Ok(list);
    }
    errors.sort_by_key(|error| error.line);
    Err(errors)
}

/// The text of a note paragraph after its title (`NOTE:`, `Note:`,
/// `说明:`, `说明：`, `注意:`, `注意：`), empty for a bare title; `None` for
/// a paragraph that is no note.
///
/// # Examples
///
/// ```
/// use codes_tools::vendor_doc::note_body;
///
/// assert_eq!(note_body("说明：当前版本暂不支持该类型。"), Some("当前版本暂不支持该类型。"));
/// assert_eq!(note_body("NOTE:"), Some(""));
/// assert_eq!(note_body("Note that the code is text."), None);
/// ```
pub fn note_body(paragraph: &str) -> Option<&str> {
    text::note_text(paragraph)
}

/// Whether `bytes` are a saved HTML page rather than text copied from one:
/// the first character but whitespace (and a byte order mark) is `<`.
///
/// # Examples
///
/// ```
/// use codes_tools::vendor_doc::is_html;
///
/// assert!(is_html(b"\xef\xbb\xbf\n<!DOCTYPE html><html>"));
/// assert!(!is_html(b"Updated on 2023-09-27 GMT+08:00\n"));
/// ```
pub fn is_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    bytes
        .iter()
        .find(|byte| !byte.is_ascii_whitespace())
        .is_some_and(|&byte| byte == b'<')
}

/// The text of a page copied from the vendor's site, which must be UTF-8.
///
/// # Errors
///
/// Bytes that are not UTF-8, at the line of the first such byte:
/// `line 3: expected UTF-8 text, found byte 0xB5, which is not UTF-8`.
pub fn decode_text(bytes: &[u8]) -> Result<&str, DocError> {
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        let line = 1 + valid.iter().filter(|&&byte| byte == b'\n').count();
        DocError::new(
            line,
            format!(
                "expected UTF-8 text, found byte 0x{:02X}, which is not UTF-8",
                bytes[error.valid_up_to()]
            ),
        )
    })
}

/// Reads every table of codes of a page saved as HTML from the vendor's
/// site, in page order: the vendor's DITA markup (`<h1>` title, "Updated
/// on …" line, `<caption><b>Table 1 </b>…</caption>`, `<thead>`/`<tbody>`,
/// cells of `<p>` paragraphs and `<ul>`/`<ol>` lists, NOTE boxes), inside
/// whatever a "complete" save puts around it. See [the HTML
/// rendering](self#html-rendering).
///
/// # Errors
///
/// As [`parse_tables`], each message naming the table and row
/// (`table 1, row 3: expected a code (an integer), found "x"`) at the line
/// of the HTML text; and bytes that are neither UTF-8 nor in a declared
/// charset, a page with no table, a `lang` other than English or Chinese,
/// a table without a header row, a table nested in a cell.
///
/// # Examples
///
/// ```
/// use codes_tools::vendor_doc::{Layout, parse_html_tables};
///
/// let page = r#"<html lang="en-us"><body>
/// <div class="updated">Updated on 2025-11-13 GMT+08:00</div>
/// <h1 class="topictitle1">Media Type</h1>
/// <table><caption><b>Table 1 </b>Media type</caption>
/// <thead><tr><th><p>Media Type</p></th><th><p>Description</p></th></tr></thead>
/// <tbody><tr><td><p>1</p></td><td><p>Text chat</p></td></tr></tbody>
/// </table></body></html>"#;
/// let tables = parse_html_tables(page.as_bytes()).unwrap();
/// let table = &tables[0];
/// assert_eq!(table.layout, Layout::Html);
/// assert_eq!(table.caption.as_ref().unwrap().value, "Table 1 Media type");
/// assert_eq!(table.updated.as_ref().unwrap().value, "2025-11-13 GMT+08:00");
/// assert_eq!((table.rows[0].line, table.rows[0].code), (6, 1));
/// assert_eq!(table.lang.as_ref().unwrap().value, "en-us");
/// ```
pub fn parse_html_tables(bytes: &[u8]) -> Result<Vec<VendorTable>, Vec<DocError>> {
    let text = html::decode(bytes).map_err(|error| vec![error])?;
    let mut errors = Vec::new();
    let page = html::read(&text, &mut errors);
    let tables: Vec<VendorTable> = page
        .raw_tables(&mut errors)
        .into_iter()
        .filter_map(|raw| cells::table(raw, &mut errors))
        .map(|table| VendorTable {
            lang: page.lang.clone(),
            ..table
        })
        .collect();
    page.locate(&mut errors);
    finish(tables, errors)
}

/// Reads the values `parameter` lists in a page saved as HTML; see
/// [`parse_values`] and [`parse_html_tables`].
///
/// # Errors
///
/// As [`parse_values`] and [`parse_html_tables`].
pub fn parse_html_values(bytes: &[u8], parameter: &str) -> Result<ValueList, Vec<DocError>> {
    let text = html::decode(bytes).map_err(|error| vec![error])?;
    let mut errors = Vec::new();
    let page = html::read(&text, &mut errors);
    let tables = page.raw_tables(&mut errors);
    let list = values::list(tables, parameter, &mut errors);
    page.locate(&mut errors);
    match list {
        Some(list) if errors.is_empty() => Ok(ValueList {
            lang: page.lang.clone(),
            ..list
        }),
        _ => {
            errors.sort_by_key(|error| error.line);
            Err(errors)
        }
    }
}

/// Every parameter of the tables of parameters of a page saved as HTML,
/// in page order, with the paragraph its description cell opens with:
/// where [`parse_html_values`] can look, and how a text-keyed table is
/// found on its page again (its caption is that paragraph).
///
/// # Errors
///
/// As [`parse_html_tables`], for the page itself: bytes that are neither
/// UTF-8 nor in a declared charset, a `lang` other than English or Chinese,
/// a table without a header row, a table nested in a cell.
///
/// # Examples
///
/// ```
/// use codes_tools::vendor_doc::parse_html_parameters;
///
/// let page = r#"<html lang="zh-cn"><body><table>
/// <thead><tr><th>顺序</th><th>参数名称</th><th>数据类型</th><th>参数说明</th></tr></thead>
/// <tbody><tr><td>18</td><td>callIn_out</td><td>String(1-20)</td>
/// <td><p>呼入呼出标志,包括:</p><ul><li>呼入</li><li>呼出</li></ul></td></tr></tbody>
/// </table></body></html>"#;
/// let parameters = parse_html_parameters(page.as_bytes()).unwrap();
/// assert_eq!(parameters[0].name.value, "callIn_out");
/// assert_eq!(parameters[0].lead.as_ref().unwrap().value, "呼入呼出标志,包括:");
/// ```
pub fn parse_html_parameters(bytes: &[u8]) -> Result<Vec<Parameter>, Vec<DocError>> {
    let text = html::decode(bytes).map_err(|error| vec![error])?;
    let mut errors = Vec::new();
    let page = html::read(&text, &mut errors);
    let tables = page.raw_tables(&mut errors);
    let parameters = values::parameters(&tables);
    page.locate(&mut errors);
    finish(parameters, errors)
}

/// The tables as the text's layout lays them out, as far as they can be
/// read; `errors` gets every problem.
fn raw_tables<'a>(text: &'a str, errors: &mut Vec<DocError>) -> Vec<RawTable<'a>> {
    let lines = text::lines(text);
    if pipe::detect(&lines) {
        pipe::parse(&lines, errors)
    } else {
        paragraph::parse(&lines, errors)
    }
}

/// The tables if there are no errors, else the errors sorted by line.
fn finish<T>(tables: Vec<T>, mut errors: Vec<DocError>) -> Result<Vec<T>, Vec<DocError>> {
    if errors.is_empty() {
        return Ok(tables);
    }
    errors.sort_by_key(|error| error.line);
    Err(errors)
}

/// A table of codes read from the vendor's documentation page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VendorTable {
    /// The layout the text was in.
    pub layout: Layout,
    /// What follows `Updated on ` on the page, e.g. `2023-09-27 GMT+08:00`.
    pub updated: Option<Located<String>>,
    /// The page title, e.g. `Agent Operation Type`.
    pub title: Option<Located<String>>,
    /// A line between the title and the table, e.g. `Agent type.`.
    pub subtitle: Option<Located<String>>,
    /// The caption, e.g. `Table 1 Agent operation type`; usually absent in
    /// the pipe layout and on the Chinese pages.
    pub caption: Option<Located<String>>,
    /// The paragraphs of the page's NOTE cells before or at the top of the
    /// table, as written (label included).
    pub notes: Vec<Located<String>>,
    /// The header cells, 2 to 4 of them, which give the number of columns.
    pub header: Vec<Located<String>>,
    /// What each column holds, as the header tells: the code first.
    pub columns: Vec<Column>,
    /// The rows, in the order of the text; at least one, codes unique.
    pub rows: Vec<VendorRow>,
    /// The rows the vendor lists again, cell for cell the same as an
    /// earlier row (the older agent type page's row 12): read once.
    pub repeated: Vec<RepeatedRow>,
    /// The page's declared language (the `lang` attribute of a saved HTML
    /// page, e.g. `zh-cn`); `None` for text.
    pub lang: Option<Located<String>>,
}

/// A row the vendor lists twice, cell for cell the same: nothing is lost
/// by reading it once. (A row that repeats a code with other cells is an
/// error.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RepeatedRow {
    /// The line of the repeated row.
    pub line: usize,
    /// The line of the row it repeats.
    pub first: usize,
    /// Their code.
    pub code: i64,
}

impl VendorTable {
    /// The line the table starts on: its caption's, else its header's.
    pub fn line(&self) -> usize {
        self.caption
            .as_ref()
            .or(self.header.first())
            .map_or(1, |located| located.line)
    }
}

/// What a column of a table of codes holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// The code, always the first column.
    Code,
    /// The vendor's constant name of the code, e.g. `AGENT_TYPE_EXTENSION`.
    Constant,
    /// What the code means.
    Description,
    /// What the operation acts on (`Operation Object`, `操作对象`).
    Object,
    /// Why it happened (`Operation Reason`, `操作原因`).
    Reason,
}

/// The values one parameter takes, listed with bullets in its description
/// cell of a table of parameters: the codes of a text-keyed table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ValueList {
    /// The layout the text was in.
    pub layout: Layout,
    /// What follows `Updated on ` on the page.
    pub updated: Option<Located<String>>,
    /// The page title.
    pub title: Option<Located<String>>,
    /// A line between the title and the table of parameters.
    pub subtitle: Option<Located<String>>,
    /// The caption of the table of parameters.
    pub caption: Option<Located<String>>,
    /// The paragraphs of the page's NOTE cells, as written.
    pub notes: Vec<Located<String>>,
    /// The header cells of the table of parameters.
    pub header: Vec<Located<String>>,
    /// The parameter's name cell, e.g. `callIn_out`.
    pub parameter: Located<String>,
    /// The paragraph of the cell before the list, e.g. `呼入呼出标志,包括:`.
    pub lead: Option<Located<String>>,
    /// The listed values, in order, byte for byte; at least one, none twice.
    pub values: Vec<Located<String>>,
    /// The page's declared language, as [`VendorTable::lang`].
    pub lang: Option<Located<String>>,
}

/// A parameter of a table of parameters, as [`parse_html_parameters`]
/// lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Parameter {
    /// The parameter's name cell, e.g. `callIn_out`.
    pub name: Located<String>,
    /// The paragraph its description cell opens with, when that is no list
    /// item, e.g. `呼入呼出标志,包括:`.
    pub lead: Option<Located<String>>,
}

/// How the table was laid out when it was copied from the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Layout {
    /// One cell per paragraph, blank lines between paragraphs.
    #[default]
    Paragraph,
    /// One cell per line (or per group of lines), each ending with ` |`.
    Pipe,
    /// A page saved as HTML.
    Html,
}

/// A value and the 1-based line of the text it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
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
    /// The constant name, present iff the table has a constant column.
    pub constant: Option<Located<String>>,
    /// The description, byte for byte.
    pub description: Located<String>,
    /// The object, present iff the table has an object column.
    pub object: Option<Located<ObjectCell>>,
    /// The paragraphs of the reason cell, in order; empty iff the table has
    /// no reason column, otherwise at least one.
    pub reasons: Vec<Located<ReasonParagraph>>,
    /// The notes under the text of the row's other cells: a cell's text
    /// followed by a note title (`NOTE:`, `Note:`, `说明:`, `说明：`,
    /// `注意:`, `注意：`) and the note, the title dropped.
    pub notes: Vec<Located<String>>,
}

/// The object cell of a table with an object column.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ObjectCell {
    /// The vendor's "not used": `-1`, `65535`, `0xFFFF`, `US_NO_USE` or `-`.
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
    /// The vendor's "not used": `-1`, `65535`, `0xFFFF`, `US_NO_USE` or `-`.
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
    /// `N-M: text`, `N–M: text` (en dash), `N~M:text` or `N～M：text`,
    /// spaces around the dash allowed.
    Range {
        /// `N`.
        start: i64,
        /// `M`, not less than `N`.
        end: i64,
        /// The dash as written: `-`, `–` (U+2013), `~` or `～` (U+FF5E).
        dash: char,
        /// The text after the colon, byte for byte.
        text: String,
    },
    /// A bare integer other than the "not used" markers, e.g. `0`.
    BareCode(i64),
    /// Any other paragraph (a free sentence), byte for byte but for a NOTE
    /// label (`NOTE:`, `说明:`) before it.
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
