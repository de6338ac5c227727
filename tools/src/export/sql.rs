//! Lookup tables in portable SQL, so that reporting warehouses can join the
//! code and reason columns of their own tables to the vendor's descriptions.

use std::fmt;

use heck::ToSnakeCase;

use codes_codegen::Spec;
use codes_codegen::model::{CodeKind, ReasonCodes, Row, RowCode, Table, Text};

/// The spec as an SQL script of lookup tables that runs unchanged in SQLite
/// and PostgreSQL.
///
/// The script is one transaction. It first drops its tables if they exist,
/// so it can be run again to update them. Each spec table with objects and
/// reasons, say `OperationType`, becomes six SQL tables named after it in
/// snake case; a table of codes and descriptions only (`MediaType`) has the
/// code and source tables, and the note table if its rows have notes:
///
/// | SQL table | one row per |
/// |---|---|
/// | `operation_type` | code: `code` (`INTEGER`, or `TEXT` for a text-keyed table), `name`, the vendor's `constant` (for a table that names them), `description` and `description_zh`, `object_kind` |
/// | `operation_type_object_kind` | object kind: `name`, `description`, `description_zh` |
/// | `operation_type_reason` | reason as the vendor lists it, with `kind` (`single`, `range`, `open`), bounds `low` and `high` (equal for a single code, `NULL` for the open reason) and the open reason's `default_code` |
/// | `operation_type_reason_lookup` | run of reason codes that decode to one reason: `low`, `high`, `reason` |
/// | `operation_type_note` | note of a row's reason cell, per `lang` (`en`, `zh`) |
/// | `operation_type_source` | page of the vendor's, per `lang`: vendor, product, document, title, caption, page, updated |
///
/// Rows of the child tables name their code in a column named like the
/// table (`operation_type`), and every table but the source keeps the
/// vendor's order in `vendor_order` (from 1).
///
/// The vendor's reasons overlap: a single code wins over a range that
/// contains it, a range over the spec's "not applicable" markers, and the
/// open reason takes any code left. `operation_type_reason_lookup` is each
/// row's decoding table (`codes_codegen::decoding`) without the markers:
/// its ranges never overlap, so a plain `BETWEEN` join finds at most one
/// reason. To decode the columns `code` and `reason_code` of a
/// table `t`:
///
/// ```sql
/// SELECT t.*, c.name, c.description, r.name AS reason, r.description AS reason_description
/// FROM t
/// LEFT JOIN operation_type c ON c.code = t.code
/// LEFT JOIN operation_type_reason_lookup l
///   ON l.operation_type = t.code AND t.reason_code BETWEEN l.low AND l.high
/// LEFT JOIN operation_type_reason r
///   ON r.operation_type = l.operation_type AND r.name = l.reason;
/// ```
///
/// Only standard SQL is used: `INTEGER` and `TEXT` columns, string literals
/// with `'` doubled, and every other character (newlines included) written
/// as itself, so text survives byte for byte. PostgreSQL must read the
/// script as UTF-8 (`PGCLIENTENCODING=UTF8`) with
/// `standard_conforming_strings` on (the default since 9.1).
///
/// # Errors
///
/// [`SqlError`] when vendor text holds a NUL character, which PostgreSQL
/// cannot store, or when two spec tables need the same SQL table name.
pub fn sql(spec: &Spec) -> Result<String, SqlError> {
    let mut owners: Vec<(String, &str)> = Vec::new();
    for table in &spec.tables {
        for name in TableNames::new(table).all() {
            if let Some((_, first)) = owners.iter().find(|(taken, _)| *taken == name) {
                return Err(SqlError::NameCollision {
                    sql_table: name,
                    first: first.to_string(),
                    second: table.name.clone(),
                });
            }
            owners.push((name, &table.name));
        }
    }
    let mut out = header();
    for table in &spec.tables {
        out.push('\n');
        out.push_str(&table_script(spec, table)?);
    }
    out.push_str("\nCOMMIT;\n");
    Ok(out)
}

/// Why a spec cannot be exported as SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SqlError {
    /// Vendor text holds a NUL character, which PostgreSQL cannot store in
    /// a `TEXT` column.
    NulCharacter {
        /// The spec table, e.g. `OperationType`.
        table: String,
        /// Which text, e.g. `the description of row 3`.
        field: String,
    },
    /// Two spec tables need the same SQL table, e.g. the reason table of
    /// `OperationType` and the main table of `OperationTypeReason`.
    NameCollision {
        /// The SQL table name both need.
        sql_table: String,
        /// The spec table that needs it first.
        first: String,
        /// The spec table that needs it again.
        second: String,
    },
}

impl fmt::Display for SqlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SqlError::NulCharacter { table, field } => write!(
                f,
                "cannot export table {table} as SQL: {field} holds a NUL character, \
                 which PostgreSQL cannot store"
            ),
            SqlError::NameCollision {
                sql_table,
                first,
                second,
            } => write!(
                f,
                "cannot export tables {first} and {second} as SQL: both need the SQL table \
                 `{sql_table}`; rename one of them"
            ),
        }
    }
}

impl std::error::Error for SqlError {}

/// The SQL tables of one spec table.
struct TableNames {
    /// Snake case of the spec table's name: the code table, and the column
    /// naming a code in the other tables.
    codes: String,
    object_kind: String,
    reason: String,
    reason_lookup: String,
    note: String,
    source: String,
    /// Whether the table has objects and reasons, and so their SQL tables.
    has_reasons: bool,
    /// Whether the table has a notes table: reasons or a row's notes.
    has_notes: bool,
}

impl TableNames {
    fn new(table: &Table) -> Self {
        let codes = table.name.to_snake_case();
        let has_reasons = table.record.is_some();
        TableNames {
            has_reasons,
            has_notes: has_reasons
                || table
                    .rows
                    .iter()
                    .any(|row| !row.notes.is_empty() || !row.notes_zh.is_empty()),
            object_kind: format!("{codes}_object_kind"),
            reason: format!("{codes}_reason"),
            reason_lookup: format!("{codes}_reason_lookup"),
            note: format!("{codes}_note"),
            source: format!("{codes}_source"),
            codes,
        }
    }

    /// Every table the spec table has, dependants before the tables they
    /// reference.
    fn all(&self) -> Vec<String> {
        [
            (&self.reason_lookup, self.has_reasons),
            (&self.note, self.has_notes),
            (&self.reason, self.has_reasons),
            (&self.codes, true),
            (&self.object_kind, self.has_reasons),
            (&self.source, true),
        ]
        .into_iter()
        .filter(|(_, present)| *present)
        .map(|(name, _)| name.clone())
        .collect()
    }
}

fn header() -> String {
    format!(
        "-- {}\n\
         --\n\
         -- Lookup tables of vendor codes, for SQLite and PostgreSQL. Running this\n\
         -- script again replaces them. The text is UTF-8 (in psql, set\n\
         -- PGCLIENTENCODING=UTF8) and needs standard_conforming_strings on, the\n\
         -- default of PostgreSQL.\n\
         \n\
         BEGIN;\n",
        super::generated_by()
    )
}

/// Identifiers taken from the spec are quoted, so that a table named like an
/// SQL keyword (`Order`) still works; they are lower case, so queries need
/// not quote them.
fn ident(name: &str) -> String {
    format!("\"{name}\"")
}

fn table_script(spec: &Spec, table: &Table) -> Result<String, SqlError> {
    let script = TableScript {
        spec,
        table,
        names: TableNames::new(table),
    };
    let names = &script.names;
    let mut out = script.preamble();
    out.push_str(&script.source()?);
    if names.has_reasons {
        out.push_str(&script.object_kinds()?);
    }
    out.push_str(&script.codes()?);
    if names.has_reasons {
        out.push_str(&script.reasons()?);
        out.push_str(&script.reason_lookup());
    }
    if names.has_notes {
        out.push_str(&script.notes()?);
    }
    Ok(out)
}

/// The SQL of one spec table: one method per SQL table, each a `CREATE
/// TABLE` and its `INSERT`.
struct TableScript<'a> {
    spec: &'a Spec,
    table: &'a Table,
    names: TableNames,
}

impl TableScript<'_> {
    /// A literal of vendor text; `field` says which text, for the error.
    fn text(&self, value: &str, field: impl FnOnce() -> String) -> Result<String, SqlError> {
        literal(value).ok_or_else(|| SqlError::NulCharacter {
            table: self.table.name.clone(),
            field: field(),
        })
    }

    /// A literal of optional vendor text, `NULL` where there is none.
    fn optional(
        &self,
        value: Option<&str>,
        field: impl FnOnce() -> String,
    ) -> Result<String, SqlError> {
        match value {
            Some(value) => self.text(value, field),
            None => Ok("NULL".to_string()),
        }
    }

    /// The English and Chinese literals of `text`, `NULL` where missing.
    fn texts(&self, text: &Text, field: impl Fn() -> String) -> Result<String, SqlError> {
        Ok(format!(
            "{}, {}",
            self.optional(text.en.as_deref(), &field)?,
            self.optional(text.zh.as_deref(), || format!("{} in Chinese", field()))?
        ))
    }

    /// A code as an SQL literal: a number, or quoted text.
    fn code(&self, code: &RowCode) -> Result<String, SqlError> {
        match code {
            RowCode::Integer(code) => Ok(code.to_string()),
            RowCode::Text(text) => self.text(text, || format!("code {text:?}")),
        }
    }

    /// The SQL type of the table's codes.
    fn code_type(&self) -> &'static str {
        match self.table.kind {
            CodeKind::Integer => "INTEGER",
            CodeKind::Text => "TEXT",
        }
    }

    /// The column naming a code in the other tables.
    fn code_column(&self) -> String {
        ident(&self.names.codes)
    }

    /// How to join, then the `DROP`s.
    fn preamble(&self) -> String {
        let names = &self.names;
        let mut out = match names.has_reasons {
            true => self.reason_join(),
            false => format!(
                "-- {name}. To decode a code column `code` of your table `t`:\n\
                 --\n\
                 --   SELECT t.*, c.name, c.description\n\
                 --   FROM t\n\
                 --   LEFT JOIN {codes} c ON c.code = t.code;\n\n",
                name = self.table.name,
                codes = ident(&names.codes),
            ),
        };
        for name in names.all() {
            out.push_str(&format!("DROP TABLE IF EXISTS {};\n", ident(&name)));
        }
        out
    }

    /// How to decode a code and reason column, for a table with reasons.
    fn reason_join(&self) -> String {
        let names = &self.names;
        format!(
            "-- {name}. To decode a code column `code` and a reason column\n\
             -- `reason_code` of your table `t`:\n\
             --\n\
             --   SELECT t.*, c.name, c.description, r.name AS reason, r.description AS reason_description\n\
             --   FROM t\n\
             --   LEFT JOIN {codes} c ON c.code = t.code\n\
             --   LEFT JOIN {lookup} l\n\
             --     ON l.{codes} = t.code AND t.reason_code BETWEEN l.low AND l.high\n\
             --   LEFT JOIN {reason} r\n\
             --     ON r.{codes} = l.{codes} AND r.name = l.reason;\n\n",
            name = self.table.name,
            codes = ident(&names.codes),
            lookup = ident(&names.reason_lookup),
            reason = ident(&names.reason),
        )
    }

    fn source(&self) -> Result<String, SqlError> {
        let (source, table) = (&self.spec.source, self.table);
        let mut values = Vec::new();
        for (lang, page) in [("en", &table.en), ("zh", &table.zh)] {
            let Some(page) = page else { continue };
            values.push(
                [
                    self.text(&source.vendor, || "the source's vendor".into())?,
                    self.text(&source.product, || "the source's product".into())?,
                    self.text(&source.document, || "the source's document".into())?,
                    format!("'{lang}'"),
                    self.text(&page.title, || format!("the {lang} title"))?,
                    self.optional(page.caption.as_deref(), || format!("the {lang} caption"))?,
                    self.text(&page.page, || format!("the {lang} page"))?,
                    self.optional(page.updated.as_deref(), || {
                        format!("the {lang} update date")
                    })?,
                ]
                .join(", "),
            );
        }
        Ok(format!(
            "\n-- Where the table comes from: one row per language of the vendor's pages.\n\
             CREATE TABLE {} (\n    \
                 vendor TEXT NOT NULL,\n    \
                 product TEXT NOT NULL,\n    \
                 document TEXT NOT NULL,\n    \
                 lang TEXT NOT NULL PRIMARY KEY,\n    \
                 title TEXT NOT NULL,\n    \
                 caption TEXT,\n    \
                 page TEXT NOT NULL,\n    \
                 updated TEXT\n\
             );\n{}",
            ident(&self.names.source),
            insert(
                &self.names.source,
                "vendor, product, document, lang, title, caption, page, updated",
                values,
            )
        ))
    }

    fn object_kinds(&self) -> Result<String, SqlError> {
        let mut values = Vec::new();
        for (index, kind) in self.table.object_kinds.iter().enumerate() {
            let texts = self.texts(&kind.text, || {
                format!("the text of object kind {}", kind.name)
            })?;
            values.push(format!(
                "{}, {texts}, {}",
                literal_name(&kind.name),
                index + 1
            ));
        }
        Ok(format!(
            "\n-- The kinds of object the object column names.\n\
             CREATE TABLE {} (\n    \
                 name TEXT NOT NULL PRIMARY KEY,\n    \
                 description TEXT,\n    \
                 description_zh TEXT,\n    \
                 vendor_order INTEGER NOT NULL\n\
             );\n{}",
            ident(&self.names.object_kind),
            insert(
                &self.names.object_kind,
                "name, description, description_zh, vendor_order",
                values
            )
        ))
    }

    fn codes(&self) -> Result<String, SqlError> {
        let constants = self.table.has_constants();
        let objects = self.names.has_reasons;
        let mut values = Vec::new();
        for (index, row) in self.table.rows.iter().enumerate() {
            let mut cells = vec![self.code(&row.code)?, literal_name(&row.name)];
            if constants {
                cells.push(self.optional(row.constant.as_deref(), || {
                    format!("the constant of row {}", row.code)
                })?);
            }
            cells.push(self.texts(&row.description, || {
                format!("the description of row {}", row.code)
            })?);
            if objects {
                cells.push(match row.object {
                    Some(kind) => literal_name(&self.table.object_kinds[kind].name),
                    None => "NULL".to_string(),
                });
            }
            cells.push((index + 1).to_string());
            values.push(cells.join(", "));
        }
        let object_kind = format!(
            "object_kind TEXT REFERENCES {} (name)",
            ident(&self.names.object_kind)
        );
        let columns: Vec<(&str, String)> = [
            Some((
                "code",
                format!("code {} NOT NULL PRIMARY KEY", self.code_type()),
            )),
            Some(("name", "name TEXT NOT NULL UNIQUE".to_string())),
            constants.then(|| ("constant", "constant TEXT NOT NULL UNIQUE".to_string())),
            Some(("description", "description TEXT".to_string())),
            Some(("description_zh", "description_zh TEXT".to_string())),
            objects.then_some(("object_kind", object_kind)),
            Some(("vendor_order", "vendor_order INTEGER NOT NULL".to_string())),
        ]
        .into_iter()
        .flatten()
        .collect();
        let object_comment = match objects {
            true => "; object_kind is NULL where the vendor writes -1",
            false => "",
        };
        let definitions: Vec<&str> = columns
            .iter()
            .map(|(_, definition)| definition.as_str())
            .collect();
        let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
        Ok(format!(
            "\n-- One row per code{object_comment}.\n\
             -- The vendor's texts are in English (description) and Chinese\n\
             -- (description_zh), NULL where a language has none.\n\
             CREATE TABLE {} (\n    {}\n);\n{}",
            ident(&self.names.codes),
            definitions.join(",\n    "),
            insert(&self.names.codes, &names.join(", "), values)
        ))
    }

    fn reasons(&self) -> Result<String, SqlError> {
        let mut values = Vec::new();
        for row in &self.table.rows {
            for (index, reason) in row.reasons.iter().enumerate() {
                let description = self.texts(&reason.description, || {
                    format!(
                        "the description of reason {} of row {}",
                        reason.name, row.code
                    )
                })?;
                let shape = match reason.codes {
                    ReasonCodes::Single(code) => format!("'single', {code}, {code}, NULL"),
                    ReasonCodes::Range { start, end } => {
                        format!("'range', {start}, {end}, NULL")
                    }
                    ReasonCodes::Open { default } => format!(
                        "'open', NULL, NULL, {}",
                        default.map_or_else(|| "NULL".to_string(), |code| code.to_string())
                    ),
                };
                values.push(format!(
                    "{}, {}, {description}, {shape}, {}",
                    row.code,
                    literal_name(&reason.name),
                    index + 1
                ));
            }
        }
        let code_column = self.code_column();
        Ok(format!(
            "\n-- The reasons of each code as the vendor lists them (none: the vendor's -1).\n\
             -- kind 'single': low = high = the code; 'range': low to high inclusive;\n\
             -- 'open': any code no other reason takes and that is not a marker of\n\
             -- \"not applicable\", default_code when none is given.\n\
             -- They overlap; {lookup} resolves them.\n\
             CREATE TABLE {reason} (\n    \
                 {code_column} INTEGER NOT NULL REFERENCES {codes} (code),\n    \
                 name TEXT NOT NULL,\n    \
                 description TEXT,\n    \
                 description_zh TEXT,\n    \
                 kind TEXT NOT NULL,\n    \
                 low INTEGER,\n    \
                 high INTEGER,\n    \
                 default_code INTEGER,\n    \
                 vendor_order INTEGER NOT NULL,\n    \
                 PRIMARY KEY ({code_column}, name),\n    \
                 CHECK (\n        \
                     (kind = 'single' AND low IS NOT NULL AND high IS NOT NULL AND low = high AND default_code IS NULL)\n        \
                     OR (kind = 'range' AND low IS NOT NULL AND high IS NOT NULL AND low < high AND default_code IS NULL)\n        \
                     OR (kind = 'open' AND low IS NULL AND high IS NULL)\n    \
                 )\n\
             );\n{insert}",
            lookup = ident(&self.names.reason_lookup),
            reason = ident(&self.names.reason),
            codes = ident(&self.names.codes),
            insert = insert(
                &self.names.reason,
                &format!(
                    "{code_column}, name, description, description_zh, kind, low, high, default_code, vendor_order"
                ),
                values,
            ),
        ))
    }

    fn reason_lookup(&self) -> String {
        let mut values = Vec::new();
        for row in &self.table.rows {
            for run in reason_runs(row) {
                values.push(format!(
                    "{}, {}, {}, {}",
                    row.code,
                    run.low,
                    run.high,
                    literal_name(run.reason)
                ));
            }
        }
        let code_column = self.code_column();
        format!(
            "\n-- Every reason code of each code, resolved to its reason in disjoint runs:\n\
             -- a single code wins over a range holding it, a range over the markers of\n\
             -- \"not applicable\", which appear only where a reason lists them.\n\
             CREATE TABLE {lookup} (\n    \
                 {code_column} INTEGER NOT NULL,\n    \
                 low INTEGER NOT NULL,\n    \
                 high INTEGER NOT NULL,\n    \
                 reason TEXT NOT NULL,\n    \
                 PRIMARY KEY ({code_column}, low),\n    \
                 FOREIGN KEY ({code_column}, reason) REFERENCES {reason} ({code_column}, name),\n    \
                 CHECK (low <= high)\n\
             );\n{insert}",
            lookup = ident(&self.names.reason_lookup),
            reason = ident(&self.names.reason),
            insert = insert(
                &self.names.reason_lookup,
                &format!("{code_column}, low, high, reason"),
                values,
            ),
        )
    }

    fn notes(&self) -> Result<String, SqlError> {
        let mut values = Vec::new();
        for row in &self.table.rows {
            let languages = [("en", "", &row.notes), ("zh", "Chinese ", &row.notes_zh)];
            for (lang, language, notes) in languages {
                for (index, note) in notes.iter().enumerate() {
                    let text = self.text(note, || {
                        format!("{language}note {} of row {}", index + 1, row.code)
                    })?;
                    values.push(format!(
                        "{}, '{lang}', {}, {text}",
                        self.code(&row.code)?,
                        index + 1
                    ));
                }
            }
        }
        let code_column = self.code_column();
        Ok(format!(
            "\n-- The free sentences of each code's reason cell, per language.\n\
             CREATE TABLE {note} (\n    \
                 {code_column} {code_type} NOT NULL REFERENCES {codes} (code),\n    \
                 lang TEXT NOT NULL,\n    \
                 vendor_order INTEGER NOT NULL,\n    \
                 note TEXT NOT NULL,\n    \
                 PRIMARY KEY ({code_column}, lang, vendor_order)\n\
             );\n{insert}",
            note = ident(&self.names.note),
            codes = ident(&self.names.codes),
            code_type = self.code_type(),
            insert = insert(
                &self.names.note,
                &format!("{code_column}, lang, vendor_order, note"),
                values,
            ),
        ))
    }
}

/// One multi-row `INSERT`, a row per line; nothing for no rows.
fn insert(table: &str, columns: &str, rows: Vec<String>) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let rows: Vec<String> = rows.into_iter().map(|row| format!("    ({row})")).collect();
    format!(
        "INSERT INTO {} ({columns}) VALUES\n{};\n",
        ident(table),
        rows.join(",\n")
    )
}

/// A string literal; `None` for text with a NUL character.
fn literal(text: &str) -> Option<String> {
    (!text.contains('\0')).then(|| format!("'{}'", text.replace('\'', "''")))
}

/// A Rust name from the spec, validated ASCII alphanumeric: no NUL, no quote.
fn literal_name(name: &str) -> String {
    format!("'{name}'")
}

/// A run of reason codes that decode to one reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ReasonRun<'a> {
    low: i32,
    high: i32,
    reason: &'a str,
}

/// The runs of `row`'s decoding table that decode to a reason, in code
/// order.
fn reason_runs(row: &Row) -> Vec<ReasonRun<'_>> {
    row.decoding
        .runs()
        .iter()
        .filter_map(|run| {
            let reason = run.outcome.reason()?;
            Some(ReasonRun {
                low: run.start,
                high: run.end,
                reason: &row.reasons[reason].name,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use codes_codegen::model::{Decoding, Marker, Reason};

    fn row_with(reasons: &[(ReasonCodes, &str)]) -> Row {
        let reasons: Vec<Reason> = reasons
            .iter()
            .map(|&(codes, name)| Reason {
                codes,
                name: name.into(),
                description: Text::default(),
            })
            .collect();
        let markers = [-1, 65535].map(|code| Marker {
            code,
            name: String::new(),
            description: String::new(),
        });
        Row {
            code: RowCode::Integer(1),
            name: "Row".into(),
            constant: None,
            description: Text::en("A row."),
            object: None,
            notes: Vec::new(),
            notes_zh: Vec::new(),
            decoding: Decoding::new(&reasons, &markers),
            reasons,
        }
    }

    fn runs(row: &Row) -> Vec<(i32, i32, &str)> {
        reason_runs(row)
            .into_iter()
            .map(|run| (run.low, run.high, run.reason))
            .collect()
    }

    #[test]
    fn the_lookup_is_the_decoding_table_without_markers() {
        let row = row_with(&[
            (ReasonCodes::Open { default: None }, "Any"),
            (ReasonCodes::Single(-1), "MinusOne"),
            (
                ReasonCodes::Range {
                    start: 100,
                    end: 200,
                },
                "High",
            ),
        ]);
        assert_eq!(
            runs(&row),
            [
                (i32::MIN, -2, "Any"),
                (-1, -1, "MinusOne"),
                (0, 99, "Any"),
                (100, 200, "High"),
                (201, 65534, "Any"),
                (65536, i32::MAX, "Any"),
            ]
        );
        assert_eq!(runs(&row_with(&[])), []);
    }

    #[test]
    fn literals_double_quotes_and_refuse_nul() {
        assert_eq!(literal("it's"), Some("'it''s'".to_string()));
        assert_eq!(literal("a\nb\\c"), Some("'a\nb\\c'".to_string()));
        assert_eq!(literal("a\0b"), None);
    }
}
