//! The spec as Markdown documentation, laid out like the vendor page.

use codes_codegen::Spec;
use codes_codegen::docs::escape_commonmark as escape;
use codes_codegen::model::{ReasonCodes, Row, Table};

/// The spec as GitHub-flavoured Markdown: per table, the vendor page's
/// title as a heading, "Updated on …", the caption, the table, and where it
/// comes from.
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
/// The columns are the code and the description, then, for a table with
/// object and reason columns, the object (if the table names object kinds
/// or the vendor gives four headers) and the reason. The header cells are
/// the vendor's when there are as many as columns shown, generic ones
/// otherwise.
///
/// A reason cell holds one paragraph per reason, in the vendor's notation
/// (`256: text`, `1-255: text`, a bare `0`, the open reason's text alone),
/// then the notes, separated by `<br>`. `-1` stands where the vendor writes
/// it: no object, no reasons.
///
/// Vendor text is escaped so that it renders as the text it is: Markdown
/// and HTML characters get a backslash, a `|` cannot end a cell, line
/// breaks become spaces, and control characters show as `\u{…}`.
pub fn markdown(spec: &Spec) -> String {
    let mut out = format!("<!-- {} -->\n", super::generated_by());
    for table in &spec.tables {
        out.push('\n');
        out.push_str(&table_markdown(spec, table));
    }
    out
}

fn table_markdown(spec: &Spec, table: &Table) -> String {
    let has_reason = table.record.is_some();
    let has_object = has_reason && (!table.object_kinds.is_empty() || table.columns.len() >= 4);
    let shown = 2 + usize::from(has_object) + usize::from(has_reason);
    let headers: Vec<String> = match table.columns.len() == shown {
        true => table.columns.iter().map(|header| escape(header)).collect(),
        false => ["Code", "Description", "Object", "Reason"]
            .into_iter()
            .enumerate()
            .filter(|&(index, _)| {
                index < 2 || (index == 2 && has_object) || (index == 3 && has_reason)
            })
            .map(|(_, header)| header.to_string())
            .collect(),
    };

    let mut out = format!(
        "# {}\n\nUpdated on {}\n\n{}\n\n",
        escape(table.title.trim()),
        escape(table.updated.trim()),
        paragraph(&table.caption),
    );
    out.push_str(&table_row(&headers));
    out.push_str(&table_row(&vec!["---".to_string(); shown]));
    for row in &table.rows {
        let mut cells = vec![row.code.to_string(), escape(&row.description)];
        if has_object {
            cells.push(match row.object {
                Some(kind) => escape(&table.object_kinds[kind].text),
                None => "-1".to_string(),
            });
        }
        if has_reason {
            cells.push(reason_cell(row));
        }
        out.push_str(&table_row(&cells));
    }
    out.push_str(&format!(
        "\nSource: {}, {}, {}, page {}.\n",
        escape(&spec.source.vendor),
        escape(&spec.source.product),
        escape(&spec.source.document),
        escape(&table.page),
    ));
    out
}

fn table_row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn reason_cell(row: &Row) -> String {
    let mut paragraphs: Vec<String> = row
        .reasons
        .iter()
        .map(|reason| {
            let text = reason.description.as_deref().map(escape);
            match (reason.codes, text) {
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
    paragraphs.extend(row.notes.iter().map(|note| escape(note)));
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
