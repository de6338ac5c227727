//! The HTML rendering: a vendor page as a browser saves it ("HTML only" or
//! "complete"), read with html5ever into tables of paragraphs, the same
//! raw tables the text layouts give.

mod charset;
mod dom;

use super::cells::{RawRow, RawTable};
use super::columns;
use super::preamble::{self, Preamble};
use super::text::{Para, check_header_count, note_text, quote, updated};
use super::{DocError, Layout, Located};
use dom::{Dom, NodeData, NodeId};

pub(super) use charset::decode;

/// Elements whose content is no text of the page: scripts, styles, the
/// site's navigation, forms and footer of a "complete" save, images.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "form", "button",
    "select", "textarea", "input", "img", "svg", "iframe",
];

/// How deep a page may nest its elements: the vendor's pages nest a dozen
/// levels, a "complete" save a few more; deeper is no page (and would
/// make the reader's walks deep).
const MAX_DEPTH: usize = 256;

/// Elements that start and end a paragraph of a cell.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "dd",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "caption",
    "dl",
    "ul",
    "ol",
];

/// The page, its text owned: what [`RawTable`]s borrow from.
#[derive(Debug, Default)]
pub(super) struct Page {
    /// The `lang` attribute of the `<html>` element, with its line.
    pub lang: Option<Located<String>>,
    tables: Vec<Table>,
}

/// A paragraph with its text owned.
#[derive(Debug, Clone)]
struct OwnedPara {
    line: usize,
    text: String,
    bullet: bool,
}

impl OwnedPara {
    fn para(&self) -> Para<'_> {
        Para {
            line: self.line,
            text: &self.text,
            bullet: self.bullet,
        }
    }
}

/// One `<table>` of the page, as read.
#[derive(Debug)]
struct Table {
    /// Its number on the page, from 1.
    number: usize,
    /// The line of its `<table>` tag.
    line: usize,
    /// The line of its `</table>`: the last line of the HTML it spans
    /// (the next table's or the end of the text).
    end: usize,
    updated: Option<OwnedPara>,
    title: Option<OwnedPara>,
    /// The page's paragraphs between the title (or the previous table)
    /// and this table, NOTE cells included.
    before: Vec<OwnedPara>,
    caption: Option<OwnedPara>,
    /// The header row; `None` when the table has none (an error says so).
    header: Option<Vec<OwnedPara>>,
    /// The note rows between the header and the body, as paragraphs.
    notes: Vec<OwnedPara>,
    rows: Vec<Row>,
}

/// A body row: the line of its `<tr>` and its cells.
#[derive(Debug)]
struct Row {
    line: usize,
    cells: Vec<Vec<OwnedPara>>,
}

/// Reads the page in `text` (decoded): every table, its preamble, header
/// and rows; `errors` gets what cannot be read.
pub(super) fn read(text: &str, errors: &mut Vec<DocError>) -> Page {
    let mut dom = Dom::parse(text);
    if let Some(line) = dom.prune_deeper_than(MAX_DEPTH) {
        errors.push(DocError::new(
            line,
            format!("expected a page nested at most {MAX_DEPTH} elements deep, found deeper"),
        ));
    }
    let has_block_inside = dom.any_below(|node| {
        dom.tag(node)
            .is_some_and(|tag| BLOCKS.contains(&tag) || tag == "table")
    });
    let dom = &dom;
    let html = dom.find("html").unwrap_or(0);
    let lang = dom.attr(html, "lang").map(|lang| Located {
        line: dom.line(html),
        value: lang.to_owned(),
    });
    if let Some(lang) = &lang {
        let primary = lang.value.split(['-', '_']).next().unwrap_or("");
        if !["en", "zh"]
            .iter()
            .any(|known| primary.eq_ignore_ascii_case(known))
        {
            errors.push(DocError::new(
                lang.line,
                format!(
                    "expected a page in English or Chinese (lang \"en...\" or \"zh...\"), found lang {}",
                    quote(&lang.value)
                ),
            ));
        }
    }
    let mut reader = Reader {
        dom,
        has_block_inside,
        errors,
        page_updated: None,
        title: None,
        before: Vec::new(),
        tables: Vec::new(),
    };
    reader.walk(0);
    let Reader {
        tables,
        page_updated,
        title,
        ..
    } = reader;
    let mut tables = tables;
    if tables.is_empty() {
        let line = text.lines().count().max(1);
        errors.push(DocError::new(
            line,
            "expected a table (<table>) in the page, found none",
        ));
    }
    let ends: Vec<usize> = tables
        .iter()
        .skip(1)
        .map(|table| table.line)
        .chain([text.lines().count().max(1)])
        .collect();
    for (table, end) in tables.iter_mut().zip(ends) {
        table.end = end;
        table.updated.clone_from(&page_updated);
        table.title.clone_from(&title);
    }
    Page { lang, tables }
}

/// The walk over the document, in order.
struct Reader<'d, 'e> {
    dom: &'d Dom,
    /// Per node, whether a block or a table is inside it.
    has_block_inside: Vec<bool>,
    errors: &'e mut Vec<DocError>,
    /// The page's "Updated on …" line.
    page_updated: Option<OwnedPara>,
    /// The page title (`<h1>`).
    title: Option<OwnedPara>,
    /// Paragraphs since the title or the last table.
    before: Vec<OwnedPara>,
    tables: Vec<Table>,
}

impl Reader<'_, '_> {
    fn walk(&mut self, node: NodeId) {
        let dom = self.dom;
        let Some(tag) = dom.tag(node) else {
            if let NodeData::Text(text) = &dom.nodes[node].data {
                self.loose_text(node, text);
            }
            for &child in dom.children(node) {
                self.walk(child);
            }
            return;
        };
        if SKIPPED.contains(&tag) {
            return;
        }
        match tag {
            "table" => {
                let table = self.table(node);
                self.tables.push(table);
            }
            "h1" if self.title.is_none() => {
                let paras = cell_paragraphs(dom, node, self.errors);
                let text = join(&paras);
                let line = paras.first().map_or(dom.line(node), |para| para.line);
                // A page saved from a copy whose first line was the update
                // date has it as its heading: it is no title.
                match updated(&text) {
                    Some(date) => {
                        self.page_updated.get_or_insert(OwnedPara {
                            line,
                            text: date.to_owned(),
                            bullet: false,
                        });
                    }
                    None => {
                        self.title = Some(OwnedPara {
                            line,
                            text,
                            bullet: false,
                        });
                        self.before.clear();
                    }
                }
            }
            "p" | "div" if dom.has_class(node, "note") || !self.has_block_inside[node] => {
                let paras = cell_paragraphs(dom, node, self.errors);
                for para in paras {
                    match updated(&para.text) {
                        Some(date) if self.page_updated.is_none() => {
                            self.page_updated = Some(OwnedPara {
                                text: date.to_owned(),
                                ..para
                            });
                        }
                        _ if self.title.is_some() || !self.tables.is_empty() => {
                            self.before.push(para);
                        }
                        _ => {}
                    }
                }
            }
            _ => {
                for &child in dom.children(node) {
                    self.walk(child);
                }
            }
        }
    }

    /// Text directly in a block that holds other blocks: an "Updated on"
    /// line written so, else nothing of the topic.
    fn loose_text(&mut self, node: NodeId, text: &str) {
        let text = collapse(text);
        if let Some(date) = updated(text.trim())
            && self.page_updated.is_none()
        {
            self.page_updated = Some(OwnedPara {
                line: self.dom.line(node),
                text: date.to_owned(),
                bullet: false,
            });
        }
    }

    /// Reads one `<table>`: caption, header, note rows and body rows.
    fn table(&mut self, node: NodeId) -> Table {
        let dom = self.dom;
        let number = self.tables.len() + 1;
        let caption = dom
            .children(node)
            .iter()
            .copied()
            .find(|&child| dom.tag(child) == Some("caption"))
            .map(|caption| {
                let paras = cell_paragraphs(dom, caption, self.errors);
                OwnedPara {
                    line: paras.first().map_or(dom.line(caption), |para| para.line),
                    text: join(&paras),
                    bullet: false,
                }
            })
            .filter(|caption| !caption.text.is_empty());
        let grid = grid(dom, node, self.errors);
        let header_rows = grid
            .iter()
            .take_while(|row| row.in_head || row.cells.iter().all(|cell| cell.header))
            .count();
        let mut table = Table {
            number,
            line: dom.line(node),
            end: dom.line(node),
            updated: None,
            title: None,
            before: std::mem::take(&mut self.before),
            caption,
            header: None,
            notes: Vec::new(),
            rows: Vec::new(),
        };
        match header_rows {
            0 => {
                let line = grid.first().map_or(dom.line(node), |row| row.line);
                self.errors.push(DocError::new(
                    line,
                    "expected a header row (<th> cells, or a <thead>), found a row of <td> cells",
                ));
            }
            count => {
                // Of several header rows (a group heading over its
                // columns), the last names the columns.
                let last = &grid[count - 1];
                table.header = header_cells(last, self.errors);
            }
        }
        for row in grid.into_iter().skip(header_rows) {
            let whole_row = row
                .cells
                .first()
                .is_some_and(|first| row.cells.iter().all(|cell| cell.source == first.source));
            let first = row.cells.first().and_then(|cell| cell.paras.first());
            if whole_row && first.is_some_and(|para| note_text(&para.text).is_some()) {
                table.notes.extend(
                    row.cells
                        .into_iter()
                        .next()
                        .map(|cell| cell.paras)
                        .unwrap_or_default(),
                );
                continue;
            }
            table.rows.push(Row {
                line: row.line,
                cells: row.cells.into_iter().map(|cell| cell.paras).collect(),
            });
        }
        table
    }
}

/// The header row's cells, one paragraph each.
fn header_cells(row: &GridRow, errors: &mut Vec<DocError>) -> Option<Vec<OwnedPara>> {
    let mut header = Vec::with_capacity(row.cells.len());
    for cell in &row.cells {
        match cell.paras.as_slice() {
            [para] if !para.text.is_empty() => header.push(para.clone()),
            [para] => errors.push(DocError::new(
                para.line,
                "expected a header cell (text), found \"\"",
            )),
            paras => errors.push(DocError::new(
                paras.first().map_or(row.line, |para| para.line),
                format!(
                    "expected a one-paragraph header cell, found {} paragraphs",
                    paras.len()
                ),
            )),
        }
    }
    (header.len() == row.cells.len()).then_some(header)
}

/// A row of the table's grid: `rowspan` and `colspan` expanded.
#[derive(Debug)]
struct GridRow {
    line: usize,
    /// Whether the row is in the `<thead>`.
    in_head: bool,
    cells: Vec<GridCell>,
}

#[derive(Debug, Clone)]
struct GridCell {
    source: NodeId,
    /// Whether it is a `<th>`.
    header: bool,
    paras: Vec<OwnedPara>,
}

/// The rows of `table` (not those of a table nested in it), each cell
/// repeated in every column and row it spans.
fn grid(dom: &Dom, table: NodeId, errors: &mut Vec<DocError>) -> Vec<GridRow> {
    let mut rows = Vec::new();
    // Cells spanning down: the column's cell and the rows it still covers.
    let mut spans: Vec<Option<(GridCell, usize)>> = Vec::new();
    for tr in table_rows(dom, table) {
        let in_head = dom.nodes[tr]
            .parent
            .is_some_and(|parent| dom.tag(parent) == Some("thead"));
        let mut cells: Vec<GridCell> = Vec::new();
        let mut column = 0;
        for &td in dom.children(tr) {
            let header = match dom.tag(td) {
                Some("th") => true,
                Some("td") => false,
                _ => continue,
            };
            take_spans(&mut spans, &mut cells, &mut column);
            let cell = GridCell {
                source: td,
                header,
                paras: cell_contents(dom, td, errors),
            };
            let colspan = span(dom, td, "colspan");
            let rowspan = span(dom, td, "rowspan");
            for _ in 0..colspan {
                if rowspan > 1 {
                    if spans.len() <= column {
                        spans.resize(column + 1, None);
                    }
                    spans[column] = Some((cell.clone(), rowspan - 1));
                }
                cells.push(cell.clone());
                column += 1;
            }
        }
        take_spans(&mut spans, &mut cells, &mut column);
        rows.push(GridRow {
            line: dom.line(tr),
            in_head,
            cells,
        });
    }
    rows
}

/// Puts the cells spanning down from rows above into `cells`, from
/// `column` on, as long as there are some.
fn take_spans(
    spans: &mut [Option<(GridCell, usize)>],
    cells: &mut Vec<GridCell>,
    column: &mut usize,
) {
    while let Some(slot @ Some(_)) = spans.get_mut(*column) {
        if let Some((cell, left)) = slot {
            cells.push(cell.clone());
            *left -= 1;
            if *left == 0 {
                *slot = None;
            }
        }
        *column += 1;
    }
}

/// A cell's `colspan` or `rowspan`: 1 unless a number from 1 to 1000.
fn span(dom: &Dom, cell: NodeId, attribute: &str) -> usize {
    dom.attr(cell, attribute)
        .and_then(|value| value.trim().parse().ok())
        .filter(|span| (1..=1000).contains(span))
        .unwrap_or(1)
}

/// The `<tr>` elements of `table`, in order, not those of a nested table.
fn table_rows(dom: &Dom, table: NodeId) -> Vec<NodeId> {
    let mut rows = Vec::new();
    for &child in dom.children(table) {
        match dom.tag(child) {
            Some("tr") => rows.push(child),
            Some("thead" | "tbody" | "tfoot") => rows.extend(
                dom.children(child)
                    .iter()
                    .copied()
                    .filter(|&row| dom.tag(row) == Some("tr")),
            ),
            _ => {}
        }
    }
    rows
}

/// A cell's paragraphs; an empty cell is one empty paragraph on its line.
fn cell_contents(dom: &Dom, cell: NodeId, errors: &mut Vec<DocError>) -> Vec<OwnedPara> {
    let paras = cell_paragraphs(dom, cell, errors);
    if paras.is_empty() {
        return vec![OwnedPara {
            line: dom.line(cell),
            text: String::new(),
            bullet: false,
        }];
    }
    paras
}

/// The paragraphs of an element: one per `<p>`, list item, `<br>`-ended
/// line or block, inline markup flattened, whitespace collapsed as a
/// browser shows it, a NOTE title (`<span class="notetitle">`) a paragraph
/// of its own. A table nested inside is an error.
fn cell_paragraphs(dom: &Dom, node: NodeId, errors: &mut Vec<DocError>) -> Vec<OwnedPara> {
    let mut collector = Collector {
        dom,
        errors,
        paras: Vec::new(),
        current: String::new(),
        line: 0,
        bullet: false,
    };
    for &child in dom.children(node) {
        collector.walk(child);
    }
    collector.flush();
    collector.paras
}

/// Gathers the paragraphs of an element.
struct Collector<'d, 'e> {
    dom: &'d Dom,
    errors: &'e mut Vec<DocError>,
    paras: Vec<OwnedPara>,
    /// The paragraph being gathered.
    current: String,
    /// Its line.
    line: usize,
    /// Whether it is a list item.
    bullet: bool,
}

impl Collector<'_, '_> {
    fn walk(&mut self, node: NodeId) {
        let dom = self.dom;
        match &dom.nodes[node].data {
            NodeData::Text(text) => {
                let text = collapse(text);
                if self.current.trim().is_empty() && !text.trim().is_empty() {
                    self.line = dom.line(node);
                }
                self.current.push_str(&text);
                return;
            }
            NodeData::Element { .. } => {}
            NodeData::Document | NodeData::Other => return,
        }
        let tag = dom.tag(node).unwrap_or("");
        match tag {
            "table" => {
                self.errors.push(DocError::new(
                    dom.line(node),
                    "expected a cell of text, found a nested table",
                ));
                return;
            }
            "br" => {
                self.flush();
                return;
            }
            _ if SKIPPED.contains(&tag) => return,
            _ => {}
        }
        let block = BLOCKS.contains(&tag) || dom.has_class(node, "notetitle");
        if block {
            self.flush();
        }
        if tag == "li" {
            self.bullet = true;
        }
        for &child in dom.children(node) {
            self.walk(child);
        }
        if block {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let text = self.current.trim();
        if !text.is_empty() {
            self.paras.push(OwnedPara {
                line: self.line,
                text: text.to_owned(),
                bullet: self.bullet,
            });
            self.bullet = false;
        }
        self.current.clear();
    }
}

/// Runs of HTML whitespace as one space, as a browser shows text.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// Paragraphs joined with a space: a title or caption is one line.
fn join(paras: &[OwnedPara]) -> String {
    let texts: Vec<&str> = paras.iter().map(|para| para.text.as_str()).collect();
    texts.join(" ")
}

impl Page {
    /// The tables as raw tables of the shared checks; `errors` gets what
    /// is wrong with their headers.
    pub fn raw_tables(&self, errors: &mut Vec<DocError>) -> Vec<RawTable<'_>> {
        self.tables
            .iter()
            .filter_map(|table| table.raw(errors))
            .collect()
    }

    /// Names the table and row of each error, by line: `table 1, row 3:
    /// expected …`, `table 2, header: …`.
    pub fn locate(&self, errors: &mut [DocError]) {
        for error in errors {
            let Some(table) = self
                .tables
                .iter()
                .rev()
                .find(|table| table.line <= error.line && error.line <= table.end)
            else {
                continue;
            };
            let header_end = table.rows.first().map_or(table.end, |row| row.line);
            let at = match table.rows.iter().rposition(|row| row.line <= error.line) {
                // Without a header row, no row was read.
                _ if table.header.is_none() => format!("table {}", table.number),
                Some(index) if error.line >= header_end => {
                    let row = &table.rows[index];
                    let shared = table
                        .rows
                        .iter()
                        .filter(|other| other.line == row.line)
                        .count();
                    match shared {
                        1 => format!("table {}, row {}", table.number, index + 1),
                        _ => format!("table {}", table.number),
                    }
                }
                _ if table.header.is_some() => format!("table {}, header", table.number),
                _ => format!("table {}", table.number),
            };
            error.message = format!("{at}: {}", error.message);
        }
    }
}

impl Table {
    /// The raw table, if its header can be read.
    fn raw(&self, errors: &mut Vec<DocError>) -> Option<RawTable<'_>> {
        let header: Vec<Para<'_>> = self.header.as_ref()?.iter().map(OwnedPara::para).collect();
        let first = header.first()?;
        if let Err(error) = check_header_count(&header, first.line) {
            errors.push(error);
            return None;
        }
        let shape = match columns::shape(&header) {
            Ok(shape) => shape,
            Err(error) => {
                errors.push(error);
                return None;
            }
        };
        let before: Vec<Para<'_>> = self.before.iter().map(OwnedPara::para).collect();
        let (mut notes, others) = preamble::notes(&before);
        let mut others = others.into_iter();
        let subtitle = others.next().map(Para::located);
        for extra in others {
            errors.push(DocError::new(
                extra.line,
                format!(
                    "expected at most a subtitle between the page title and the table, found {}",
                    quote(extra.text)
                ),
            ));
        }
        notes.extend(self.notes.iter().map(|note| note.para().located()));
        if self.rows.is_empty() {
            errors.push(DocError::new(
                self.end,
                "expected at least one row after the header row, found the end of the table",
            ));
            return None;
        }
        let located = |para: &Option<OwnedPara>| para.as_ref().map(|para| para.para().located());
        Some(RawTable {
            layout: Layout::Html,
            preamble: Preamble {
                updated: located(&self.updated),
                title: located(&self.title),
                subtitle,
                caption: located(&self.caption),
                notes,
            },
            header,
            shape,
            rows: self
                .rows
                .iter()
                .map(|row| RawRow {
                    line: row.line,
                    cells: row
                        .cells
                        .iter()
                        .map(|cell| cell.iter().map(OwnedPara::para).collect())
                        .collect(),
                })
                .collect(),
        })
    }
}

/// Lines of the rows of each table, for tests.
#[cfg(test)]
fn row_lines(page: &Page) -> Vec<Vec<usize>> {
    page.tables
        .iter()
        .map(|table| table.rows.iter().map(|row| row.line).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> (Page, Vec<DocError>) {
        let mut errors = Vec::new();
        let page = read(text, &mut errors);
        (page, errors)
    }

    #[test]
    fn rows_keep_their_lines_and_spans_repeat_cells() {
        let (page, errors) = page(
            "<table>\n<tr><th>Code</th><th>Description</th></tr>\n\
             <tr><td>1</td><td rowspan=\"2\">Chat</td></tr>\n<tr><td>2</td></tr>\n</table>",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(row_lines(&page), [vec![3, 4]]);
        let texts: Vec<Vec<&str>> = page.tables[0]
            .rows
            .iter()
            .map(|row| row.cells.iter().map(|cell| cell[0].text.as_str()).collect())
            .collect();
        assert_eq!(texts, [["1", "Chat"], ["2", "Chat"]]);
    }
}
