//! The spec as Markdown documentation, laid out like the vendor page.

use codes_codegen::Spec;
use codes_codegen::docs::escape_commonmark as escape;
use codes_codegen::model::{Page, ReasonCodes, Row, RowCode, Table};

use crate::lang::{Lang, SpecLang};

/// The spec as GitHub-flavoured Markdown: per table and per language of the
/// vendor's pages (English, then Chinese), the page's title as a heading,
/// "Updated on …", the caption, the table, and where it comes from. The
/// Chinese page shows the Chinese texts, and the English one where a text
/// has no Chinese (and the other way round).
///
/// ```markdown
/// # Agent Operation Type
///
/// Updated on 2023-09-27 GMT+08:00
///
/// Table 1 Agent operation type
///
/// | Operation Type | Description | Operation Object | Operation Reason |
/// | --- | --- | --- | --- |
/// | 3 | Busy. | -1 | 1: Indicates that an agent indicates busy.<br>… |
/// ```
///
/// The columns are the code, the vendor's constant (for a table that names
/// them) and the description, then, for a table with object and reason
/// columns, the object (if the table names object kinds or the vendor gives
/// four headers) and the reason. The header cells are the vendor's when
/// there are as many as columns shown, generic ones in the page's language
/// otherwise.
///
/// A reason cell holds one paragraph per reason, in the vendor's notation
/// (`256: text`, `1-255: text`, a bare `0`, the open reason's text alone),
/// then the notes, separated by `<br>`; in a table without reasons, the
/// row's notes follow its description so. `-1` stands where the vendor
/// writes it: no object, no reasons. The notes of the whole table are
/// paragraphs after the caption, titled `NOTE:` (`说明：` on a Chinese page).
///
/// Vendor text is escaped so that it renders as the text it is: Markdown
/// and HTML characters get a backslash, a `|` cannot end a cell, line
/// breaks become spaces, and control characters show as `\u{…}`.
pub fn markdown(spec: &Spec) -> String {
    let mut out = format!("<!-- {} -->\n", super::generated_by());
    for table in spec.tables() {
        for (lang, page) in [(Lang::En, &table.en()), (Lang::Zh, &table.zh())] {
            if let Some(page) = page {
                out.push('\n');
                out.push_str(&table_markdown(spec, table, page, lang));
            }
        }
    }
    out
}

/// A column the Markdown table shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Code,
    Constant,
    Description,
    Object,
    Reason,
}

impl Column {
    /// The header shown when the page's headers do not fit the columns.
    fn generic_header(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Column::Code, Lang::En) => "Code",
            (Column::Constant, Lang::En) => "Constant",
            (Column::Description, Lang::En) => "Description",
            (Column::Object, Lang::En) => "Object",
            (Column::Reason, Lang::En) => "Reason",
            (Column::Code, Lang::Zh) => "代码",
            (Column::Constant, Lang::Zh) => "常量",
            (Column::Description, Lang::Zh) => "含义",
            (Column::Object, Lang::Zh) => "对象",
            (Column::Reason, Lang::Zh) => "原因",
        }
    }
}

fn table_markdown(spec: &Spec, table: &Table, page: &Page, lang: Lang) -> String {
    let has_reason = table.record().is_some();
    let has_object = has_reason && (!table.object_kinds().is_empty() || page.columns().len() >= 4);
    let has_constant = table.rows().iter().any(|row| row.constant().is_some());
    let columns: Vec<Column> = [
        Some(Column::Code),
        has_constant.then_some(Column::Constant),
        Some(Column::Description),
        has_object.then_some(Column::Object),
        has_reason.then_some(Column::Reason),
    ]
    .into_iter()
    .flatten()
    .collect();
    let headers: Vec<String> = match page.columns().len() == columns.len() {
        true => page.columns().iter().map(|header| escape(header)).collect(),
        false => columns
            .iter()
            .map(|column| column.generic_header(lang).to_string())
            .collect(),
    };

    let mut out = format!("# {}\n\n", escape(page.title().trim()));
    for line in [
        page.subtitle().map(paragraph),
        page.updated()
            .map(|updated| format!("Updated on {}", escape(updated.trim()))),
        page.caption().map(paragraph),
    ]
    .into_iter()
    .flatten()
    .chain(page.notes().iter().map(|note| {
        let title = match lang {
            Lang::En => "NOTE: ",
            Lang::Zh => "说明：",
        };
        format!("{title}{}", escape(note.trim()))
    })) {
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out.push_str(&table_row(&headers));
    out.push_str(&table_row(&vec!["---".to_string(); columns.len()]));
    for row in table.rows() {
        let cells: Vec<String> = columns
            .iter()
            .map(|column| match column {
                // A number needs no escaping; a text code is vendor text.
                Column::Code => match &row.code() {
                    RowCode::Integer(code) => code.to_string(),
                    RowCode::Text(code) => escape(code),
                },
                Column::Constant => row.constant().map(escape).unwrap_or_default(),
                Column::Description => {
                    let text = lang
                        .text_or_other(row.description())
                        .map_or_else(|| escape(&row.code().to_string()), escape);
                    // Without a reason cell, the row's notes follow its text.
                    match columns.contains(&Column::Reason) {
                        true => text,
                        false => std::iter::once(text)
                            .chain(lang.notes_or_other(row).iter().map(|note| escape(note)))
                            .collect::<Vec<_>>()
                            .join("<br>"),
                    }
                }
                Column::Object => match row.object() {
                    Some(kind) => escape(
                        lang.text_or_other(table.object_kinds()[kind].text())
                            .unwrap_or_default(),
                    ),
                    None => "-1".to_string(),
                },
                Column::Reason => reason_cell(row, lang),
            })
            .collect();
        out.push_str(&table_row(&cells));
    }
    out.push_str(&format!(
        "\nSource: {}, {}, {}, page {}.\n",
        escape(spec.source().vendor()),
        escape(spec.source().product()),
        escape(spec.source().document()),
        escape(page.page()),
    ));
    out
}

fn table_row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn reason_cell(row: &Row, lang: Lang) -> String {
    let mut paragraphs: Vec<String> = row
        .reasons()
        .iter()
        .map(|reason| {
            let text = lang.text_or_other(reason.description()).map(escape);
            match (reason.codes(), text) {
                (ReasonCodes::Open { .. }, Some(text)) => text,
                (ReasonCodes::Open { .. }, None) => "any".to_string(),
                (codes, Some(text)) => format!("{codes}: {text}"),
                (codes, None) => codes.to_string(),
            }
        })
        .collect();
    if paragraphs.is_empty() {
        paragraphs.push("-1".to_string());
    }
    paragraphs.extend(lang.notes_or_other(row).iter().map(|note| escape(note)));
    paragraphs.join("<br>")
}

/// Text escaped as a paragraph of its own; [`escape`] already neutralises
/// what would start a block (a list item, a thematic break).
fn paragraph(text: &str) -> String {
    escape(text.trim())
}

#[cfg(test)]
mod tests {
    use super::paragraph;

    #[test]
    fn paragraphs_cannot_start_blocks() {
        assert_eq!(paragraph("Table 1 Codes"), "Table 1 Codes");
        assert_eq!(paragraph("1. Codes"), r"1\. Codes");
        assert_eq!(paragraph("12) Codes"), r"12\) Codes");
        assert_eq!(paragraph("- Codes"), r"\- Codes");
        assert_eq!(paragraph("+ Codes"), r"\+ Codes");
        assert_eq!(paragraph("---"), r"\---");
        assert_eq!(paragraph("==="), r"\===");
        assert_eq!(paragraph("    indented"), "indented");
        assert_eq!(paragraph("2023"), "2023");
    }
}
