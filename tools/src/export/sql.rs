//! Lookup tables in SQL, so that reporting warehouses can join the code and
//! reason columns of their own tables to the vendor's descriptions: one
//! script per [`Dialect`].

use std::fmt;

use heck::ToSnakeCase;

use codes_codegen::Spec;
use codes_codegen::model::{CodeKind, ReasonCodes, Row, RowCode, Table, Text};

use crate::lang::{Lang, SpecLang};

/// The SQL dialects the export writes.
///
/// Every dialect gets the same tables with the same rows (see [`sql_for`]);
/// they differ in how they say it:
///
/// | | [`Postgres`](Dialect::Postgres), [`Sqlite`](Dialect::Sqlite) | [`Spark`](Dialect::Spark) |
/// |---|---|---|
/// | identifiers | `"operation_type"` | `` `operation_type` `` |
/// | types | `INTEGER`, `TEXT` | `INT`, `STRING` |
/// | constraints | primary keys, `UNIQUE`, `REFERENCES`, `CHECK`, `NOT NULL` | none: each table's key in a comment |
/// | tables | `CREATE TABLE` | `CREATE TABLE … USING parquet` |
/// | transaction | `BEGIN` … `COMMIT` | none |
/// | `INSERT` | names its columns | no column list: values in column order |
/// | string literals | `'` doubled, every other character as itself | backslash escapes (below) |
/// | NUL in vendor text | refused ([`SqlError::NulCharacter`]) | written `\u0000` |
///
/// PostgreSQL and SQLite run the very same statements: only the header
/// comment differs, so that it names the engine and how to run the script.
///
/// Spark SQL reads backslash escapes in string literals (unless
/// `spark.sql.parser.escapedStringLiterals` is on, which the script then
/// needs off), so `'` is written `\'`, `\` is written `\\`, line breaks and
/// tabs `\n`, `\r`, `\t`, other control characters `\uXXXX`; everything else,
/// Chinese and emoji included, as itself. A `;` in vendor text is written
/// `\u003B` and no comment holds one, so that every `;` of the script ends a
/// statement, at the end of its line: any tool that splits a script at
/// semicolons (`spark-sql -f`, a DLI SQL job, a line of Python) runs it
/// right. Spark SQL checks no keys or constraints, so the Spark script
/// declares none; the PostgreSQL script declares them, and the rows are the
/// same. The script uses nothing newer than Spark 3.0; the engine tests
/// of `codes-cli` run it in Spark 4.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Dialect {
    /// PostgreSQL (and SQL engines that speak its dialect): the default, and
    /// what [`sql`] writes. Run it with `psql -v ON_ERROR_STOP=1 -f FILE`,
    /// reading UTF-8 (`PGCLIENTENCODING=UTF8`) with
    /// `standard_conforming_strings` on (the default since 9.1).
    #[default]
    Postgres,
    /// SQLite 3: the PostgreSQL statements under a header of its own. Run it
    /// with `sqlite3 codes.db < FILE`.
    Sqlite,
    /// Spark SQL (3.0 or later; Huawei Cloud DLI): Parquet tables of the
    /// current database. Run it with `spark-sql -f FILE` or as a DLI SQL job.
    Spark,
}

impl Dialect {
    /// Every dialect, the default first.
    pub const ALL: [Dialect; 3] = [Dialect::Postgres, Dialect::Sqlite, Dialect::Spark];

    /// The engine's name, as the script's header and errors say it.
    pub const fn engine(self) -> &'static str {
        match self {
            Dialect::Postgres => "PostgreSQL",
            Dialect::Sqlite => "SQLite",
            Dialect::Spark => "Spark SQL",
        }
    }

    /// Whether the dialect declares keys and constraints, and runs the
    /// script as a transaction: standard SQL does, Spark SQL has neither.
    const fn is_standard(self) -> bool {
        !matches!(self, Dialect::Spark)
    }

    /// Identifiers taken from the spec are quoted, so that a table named
    /// like an SQL keyword (`Order`) still works; they are lower case, so
    /// queries need not quote them.
    fn ident(self, name: &str) -> String {
        match self.is_standard() {
            true => format!("\"{name}\""),
            false => format!("`{name}`"),
        }
    }

    fn type_name(self, ty: Type) -> &'static str {
        match (self.is_standard(), ty) {
            (true, Type::Integer) => "INTEGER",
            (true, Type::Text) => "TEXT",
            (false, Type::Integer) => "INT",
            (false, Type::Text) => "STRING",
        }
    }

    /// A string literal of `text`; `None` where the dialect cannot hold it
    /// (a NUL character in standard SQL).
    fn literal(self, text: &str) -> Option<String> {
        match self.is_standard() {
            true => (!text.contains('\0')).then(|| format!("'{}'", text.replace('\'', "''"))),
            false => Some(spark_literal(text)),
        }
    }

    /// Why the dialect cannot hold a NUL character, for the error.
    const fn nul_reason(self) -> &'static str {
        match self {
            Dialect::Postgres => "which PostgreSQL cannot store",
            Dialect::Sqlite => "which SQLite does not read in SQL text",
            // Never said: Spark SQL reads it escaped.
            Dialect::Spark => "which the dialect cannot hold",
        }
    }
}

/// A Spark SQL string literal: backslash escapes, `;` escaped too.
fn spark_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // So that every `;` of the script ends a statement.
            ';' => out.push_str("\\u003B"),
            // Control characters are all in the Basic Multilingual Plane,
            // which `\uXXXX` covers.
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// The spec as an SQL script of lookup tables in PostgreSQL's dialect,
/// which runs unchanged in SQLite: [`sql_for`] with [`Dialect::Postgres`].
///
/// # Errors
///
/// As [`sql_for`].
pub fn sql(spec: &Spec) -> Result<String, SqlError> {
    sql_for(spec, Dialect::Postgres)
}

/// The SQL table of the spec's markers of "not applicable".
const NOT_APPLICABLE: &str = "not_applicable";

/// What owns the SQL table [`NOT_APPLICABLE`] in errors: the Rust enum of
/// the markers.
const MARKERS: &str = "NotApplicable";

/// The spec as a script of lookup tables in `dialect`.
///
/// The script first drops its tables if they exist, so it can be run again
/// to update them; in PostgreSQL and SQLite it is one transaction. The
/// spec's markers of "not applicable" (`-1`, `65535`) become the table
/// `not_applicable`. Each spec table with objects and reasons, say
/// `OperationType`, becomes six SQL tables named after it in snake case; a
/// table of codes and descriptions only (`MediaType`) has the code and
/// source tables, and the note table if its rows have notes:
///
/// | SQL table | one row per |
/// |---|---|
/// | `not_applicable` | code that means "not applicable" wherever a code is expected: `code`, `name`, `description`; in a text column it is written as its decimal digits |
/// | `operation_type` | code: `code` (an integer, or text for a text-keyed table), `name`, the vendor's `constant` (for a table that names them), `description` and `description_zh`, `object_kind` |
/// | `operation_type_object_kind` | object kind: `name`, `description`, `description_zh` |
/// | `operation_type_reason` | reason as the vendor lists it, with `kind` (`single`, `range`, `open`), bounds `low` and `high` (equal for a single code, `NULL` for the open reason) and the open reason's `default_code` |
/// | `operation_type_reason_lookup` | run of reason codes that decode to one reason: `low`, `high`, `reason` |
/// | `operation_type_note` | note of a row's reason cell, per `lang` (`en`, `zh`) |
/// | `operation_type_source` | page of the vendor's, per `lang`: vendor, product, document, title, caption, page, updated |
///
/// Rows of the child tables name their code in a column named like the
/// table (`operation_type`), and every table but the source and the markers
/// keeps the vendor's order in `vendor_order` (from 1).
///
/// The vendor's reasons overlap: a single code wins over a range that
/// contains it, a range over the spec's "not applicable" markers, and the
/// open reason takes any code left. `operation_type_reason_lookup` is each
/// row's decoding table (`codes_codegen::decoding`) without the markers:
/// its ranges never overlap, so a plain `BETWEEN` join finds at most one
/// reason; a code it has no reason for is a marker or unlisted. To decode
/// the columns `code` and `reason_code` of a table `t`:
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
/// The README's section "At scale" has the whole join of a bill file, which
/// answers exactly as `codes decode` does in PostgreSQL and Spark.
///
/// Vendor text survives byte for byte in every dialect: how each writes
/// it, and what else differs, is in [`Dialect`].
///
/// # Errors
///
/// [`SqlError`] when vendor text holds a NUL character in PostgreSQL or
/// SQLite, or when two spec tables need the same SQL table name (the
/// markers' `not_applicable` among them).
pub fn sql_for(spec: &Spec, dialect: Dialect) -> Result<String, SqlError> {
    let mut owners: Vec<(String, &str)> = vec![(NOT_APPLICABLE.to_string(), MARKERS)];
    for table in spec.tables() {
        for name in TableNames::new(table).all() {
            match owners.iter().find(|(taken, _)| *taken == name) {
                Some((_, first)) => {
                    return Err(SqlError::NameCollision {
                        sql_table: name,
                        first: first.to_string(),
                        second: table.name().to_owned(),
                    });
                }
                None => owners.push((name, table.name())),
            }
        }
    }
    let mut out = header(dialect);
    out.push_str(&markers(spec, dialect)?);
    for table in spec.tables() {
        out.push('\n');
        out.push_str(&table_script(spec, table, dialect)?);
    }
    if dialect.is_standard() {
        out.push_str("\nCOMMIT;\n");
    }
    Ok(out)
}

/// Why a spec cannot be exported as SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SqlError {
    /// Vendor text holds a NUL character, which PostgreSQL cannot store in
    /// a `TEXT` column and SQLite does not read in a script. (Spark SQL
    /// reads it escaped.)
    NulCharacter {
        /// The dialect asked for.
        dialect: Dialect,
        /// The spec table, e.g. `OperationType`, or `NotApplicable` for the
        /// spec's markers of "not applicable".
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
            SqlError::NulCharacter {
                dialect,
                table,
                field,
            } => write!(
                f,
                "cannot export table {table} as SQL: {field} holds a NUL character, {}",
                dialect.nul_reason()
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
        let codes = table.name().to_snake_case();
        let has_reasons = table.record().is_some();
        TableNames {
            has_reasons,
            has_notes: has_reasons
                || table
                    .rows()
                    .iter()
                    .any(|row| !row.notes().is_empty() || !row.notes_zh().is_empty()),
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

fn header(dialect: Dialect) -> String {
    let about = match dialect {
        Dialect::Postgres => {
            "Lookup tables of vendor codes, for PostgreSQL:\n\
             \n\
             \x20 PGCLIENTENCODING=UTF8 psql -v ON_ERROR_STOP=1 -f FILE\n\
             \n\
             Running this script again replaces them. The text is UTF-8, and\n\
             needs standard_conforming_strings on, the default of PostgreSQL."
        }
        Dialect::Sqlite => {
            "Lookup tables of vendor codes, for SQLite:\n\
             \n\
             \x20 sqlite3 codes.db < FILE\n\
             \n\
             Running this script again replaces them. The text is UTF-8."
        }
        Dialect::Spark => {
            "Lookup tables of vendor codes, for Spark SQL 3.0 or later, or a DLI\n\
             SQL job: Parquet tables of the current database.\n\
             \n\
             \x20 spark-sql -f FILE\n\
             \n\
             Running this script again replaces them.\n\
             \n\
             Spark SQL checks no keys or constraints, so none are declared: each\n\
             table's key is in a comment, and the PostgreSQL script of the same\n\
             spec declares them all for the same rows. It has no transactions\n\
             either: a run that fails leaves some tables replaced, and running\n\
             the script again mends them. The INSERTs give values in column\n\
             order, as Spark before 3.1 takes no column list. String literals use\n\
             backslash escapes, as Spark SQL reads them unless\n\
             spark.sql.parser.escapedStringLiterals is on (turn it off for this\n\
             script). A semicolon in vendor text is written \\u003B, so that\n\
             every semicolon of the script ends a statement."
        }
    };
    let mut out = format!("-- {}\n--\n", super::generated_by());
    out.push_str(&comment(about));
    if dialect.is_standard() {
        out.push_str("\nBEGIN;\n");
    }
    out
}

/// `text` as SQL comment lines.
fn comment(text: &str) -> String {
    text.lines()
        .map(|line| match line {
            "" => "--\n".to_string(),
            line => format!("-- {line}\n"),
        })
        .collect()
}

/// The table of the spec's markers of "not applicable".
fn markers(spec: &Spec, dialect: Dialect) -> Result<String, SqlError> {
    let mut rows = Vec::new();
    for marker in spec.not_applicable() {
        let description =
            dialect
                .literal(marker.description())
                .ok_or_else(|| SqlError::NulCharacter {
                    dialect,
                    table: MARKERS.to_string(),
                    field: format!("the description of marker {}", marker.code()),
                })?;
        rows.push(vec![
            marker.code().to_string(),
            literal_name(marker.name()),
            description,
        ]);
    }
    let definition = Definition {
        name: NOT_APPLICABLE.to_string(),
        comment: "The codes that mean \"not applicable\" wherever a code is expected: in\n\
                  code columns as numbers, in text columns (objects) as their decimal\n\
                  digits. A reason code that a lookup table has no reason for is one\n\
                  of these or unlisted."
            .to_string(),
        columns: vec![
            Column::new("code", Type::Integer).not_null(),
            Column::new("name", Type::Text).not_null().unique(),
            Column::new("description", Type::Text).not_null(),
        ],
        key: vec!["code".to_string()],
        constraints: Vec::new(),
        rows,
    };
    Ok(format!(
        "\nDROP TABLE IF EXISTS {};\n{}",
        dialect.ident(NOT_APPLICABLE),
        definition.render(dialect)
    ))
}

fn table_script(spec: &Spec, table: &Table, dialect: Dialect) -> Result<String, SqlError> {
    let script = TableScript {
        spec,
        table,
        dialect,
        names: TableNames::new(table),
    };
    let names = &script.names;
    let mut definitions = vec![script.source()?];
    if names.has_reasons {
        definitions.push(script.object_kinds()?);
    }
    definitions.push(script.codes()?);
    if names.has_reasons {
        definitions.push(script.reasons()?);
        definitions.push(script.reason_lookup());
    }
    if names.has_notes {
        definitions.push(script.notes()?);
    }
    let mut out = script.preamble();
    for definition in definitions {
        out.push_str(&definition.render(dialect));
    }
    Ok(out)
}

/// The type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Integer,
    Text,
}

/// A column of a generated table.
struct Column {
    /// As written in SQL: a plain name, or the quoted code column.
    name: String,
    ty: Type,
    not_null: bool,
    /// `UNIQUE` or `REFERENCES …`, declared in standard SQL only.
    constraint: Option<String>,
}

impl Column {
    fn new(name: impl Into<String>, ty: Type) -> Self {
        Column {
            name: name.into(),
            ty,
            not_null: false,
            constraint: None,
        }
    }

    fn not_null(mut self) -> Self {
        self.not_null = true;
        self
    }

    fn unique(mut self) -> Self {
        self.constraint = Some("UNIQUE".to_string());
        self
    }

    /// References `column` of `table` (identifiers as written).
    fn references(mut self, table: &str, column: &str) -> Self {
        self.constraint = Some(format!("REFERENCES {table} ({column})"));
        self
    }
}

/// One generated table: its definition and rows, written in any dialect.
struct Definition {
    /// The table's name, unquoted.
    name: String,
    /// What the table holds, as lines of a comment.
    comment: String,
    columns: Vec<Column>,
    /// The columns (as written) that identify a row: an inline `PRIMARY
    /// KEY` for one, a table constraint for more.
    key: Vec<String>,
    /// Table constraints after the key (`FOREIGN KEY`, `CHECK`), declared
    /// in standard SQL only.
    constraints: Vec<String>,
    /// The literals of each row, in column order.
    rows: Vec<Vec<String>>,
}

impl Definition {
    fn render(&self, dialect: Dialect) -> String {
        let table = dialect.ident(&self.name);
        let mut out = format!("\n{}", comment(&self.comment));
        let mut lines: Vec<String> = Vec::new();
        if dialect.is_standard() {
            let inline_key = match self.key.as_slice() {
                [key] => Some(key),
                _ => None,
            };
            for column in &self.columns {
                let mut line = format!("{} {}", column.name, dialect.type_name(column.ty));
                if column.not_null {
                    line.push_str(" NOT NULL");
                }
                if inline_key == Some(&column.name) {
                    line.push_str(" PRIMARY KEY");
                }
                if let Some(constraint) = &column.constraint {
                    line.push(' ');
                    line.push_str(constraint);
                }
                lines.push(line);
            }
            if inline_key.is_none() {
                lines.push(format!("PRIMARY KEY ({})", self.key.join(", ")));
            }
            lines.extend(self.constraints.iter().cloned());
            out.push_str(&format!(
                "CREATE TABLE {table} (\n    {}\n);\n",
                lines.join(",\n    ")
            ));
        } else {
            let key = match self.key.as_slice() {
                [key] => key.clone(),
                keys => format!("({})", keys.join(", ")),
            };
            out.push_str(&format!("-- Key: {key}.\n"));
            for column in &self.columns {
                lines.push(format!("{} {}", column.name, dialect.type_name(column.ty)));
            }
            out.push_str(&format!(
                "CREATE TABLE {table} (\n    {}\n) USING parquet;\n",
                lines.join(",\n    ")
            ));
        }
        out.push_str(&self.insert(dialect));
        out
    }

    /// One multi-row `INSERT`, a row per line; nothing for no rows.
    fn insert(&self, dialect: Dialect) -> String {
        if self.rows.is_empty() {
            return String::new();
        }
        let columns = match dialect.is_standard() {
            true => {
                let names: Vec<&str> = self.columns.iter().map(|c| c.name.as_str()).collect();
                format!(" ({})", names.join(", "))
            }
            false => String::new(),
        };
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|row| {
                debug_assert_eq!(row.len(), self.columns.len(), "{}", self.name);
                format!("    ({})", row.join(", "))
            })
            .collect();
        format!(
            "INSERT INTO {}{columns} VALUES\n{};\n",
            dialect.ident(&self.name),
            rows.join(",\n")
        )
    }
}

/// The SQL of one spec table: one method per SQL table.
struct TableScript<'a> {
    spec: &'a Spec,
    table: &'a Table,
    dialect: Dialect,
    names: TableNames,
}

impl TableScript<'_> {
    /// A literal of vendor text; `field` says which text, for the error.
    fn text(&self, value: &str, field: impl FnOnce() -> String) -> Result<String, SqlError> {
        self.dialect
            .literal(value)
            .ok_or_else(|| SqlError::NulCharacter {
                dialect: self.dialect,
                table: self.table.name().to_owned(),
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
    fn texts(&self, text: &Text, field: impl Fn() -> String) -> Result<[String; 2], SqlError> {
        Ok([
            self.optional(text.get(Lang::En), &field)?,
            self.optional(text.get(Lang::Zh), || format!("{} in Chinese", field()))?,
        ])
    }

    /// A code as an SQL literal: a number, or quoted text.
    fn code(&self, code: &RowCode) -> Result<String, SqlError> {
        match code {
            RowCode::Integer(code) => Ok(code.to_string()),
            RowCode::Text(text) => self.text(text, || format!("code {text:?}")),
        }
    }

    /// The type of the table's codes.
    fn code_type(&self) -> Type {
        match self.table.kind() {
            CodeKind::Integer => Type::Integer,
            CodeKind::Text => Type::Text,
        }
    }

    /// The column naming a code in the other tables.
    fn code_column(&self) -> String {
        self.dialect.ident(&self.names.codes)
    }

    fn ident(&self, name: &str) -> String {
        self.dialect.ident(name)
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
                 --   LEFT JOIN {codes} c ON c.code = t.code\n\n",
                name = self.table.name(),
                codes = self.ident(&names.codes),
            ),
        };
        for name in names.all() {
            out.push_str(&format!("DROP TABLE IF EXISTS {};\n", self.ident(&name)));
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
             --     ON r.{codes} = l.{codes} AND r.name = l.reason\n\
             --\n\
             -- A reason code without a reason there is in {markers} or unlisted.\n\n",
            name = self.table.name(),
            codes = self.ident(&names.codes),
            lookup = self.ident(&names.reason_lookup),
            reason = self.ident(&names.reason),
            markers = self.ident(NOT_APPLICABLE),
        )
    }

    fn source(&self) -> Result<Definition, SqlError> {
        let (source, table) = (&self.spec.source(), self.table);
        let mut rows = Vec::new();
        for lang in [Lang::En, Lang::Zh] {
            let Some(page) = lang.page(table) else {
                continue;
            };
            rows.push(vec![
                self.text(source.vendor(), || "the source's vendor".into())?,
                self.text(source.product(), || "the source's product".into())?,
                self.text(source.document(), || "the source's document".into())?,
                format!("'{lang}'"),
                self.text(page.title(), || format!("the {lang} title"))?,
                self.optional(page.caption(), || format!("the {lang} caption"))?,
                self.text(page.page(), || format!("the {lang} page"))?,
                self.optional(page.updated(), || format!("the {lang} update date"))?,
            ]);
        }
        Ok(Definition {
            name: self.names.source.clone(),
            comment: "Where the table comes from: one row per language of the vendor's pages."
                .to_string(),
            columns: vec![
                Column::new("vendor", Type::Text).not_null(),
                Column::new("product", Type::Text).not_null(),
                Column::new("document", Type::Text).not_null(),
                Column::new("lang", Type::Text).not_null(),
                Column::new("title", Type::Text).not_null(),
                Column::new("caption", Type::Text),
                Column::new("page", Type::Text).not_null(),
                Column::new("updated", Type::Text),
            ],
            key: vec!["lang".to_string()],
            constraints: Vec::new(),
            rows,
        })
    }

    fn object_kinds(&self) -> Result<Definition, SqlError> {
        let mut rows = Vec::new();
        for (index, kind) in self.table.object_kinds().iter().enumerate() {
            let [en, zh] = self.texts(kind.text(), || {
                format!("the text of object kind {}", kind.name())
            })?;
            rows.push(vec![
                literal_name(kind.name()),
                en,
                zh,
                (index + 1).to_string(),
            ]);
        }
        Ok(Definition {
            name: self.names.object_kind.clone(),
            comment: "The kinds of object the object column names.".to_string(),
            columns: vec![
                Column::new("name", Type::Text).not_null(),
                Column::new("description", Type::Text),
                Column::new("description_zh", Type::Text),
                Column::new("vendor_order", Type::Integer).not_null(),
            ],
            key: vec!["name".to_string()],
            constraints: Vec::new(),
            rows,
        })
    }

    fn codes(&self) -> Result<Definition, SqlError> {
        let constants = self.table.has_constants();
        let objects = self.names.has_reasons;
        let mut rows = Vec::new();
        for (index, row) in self.table.rows().iter().enumerate() {
            let mut cells = vec![self.code(row.code())?, literal_name(row.name())];
            if constants {
                cells.push(self.optional(row.constant(), || {
                    format!("the constant of row {}", row.code())
                })?);
            }
            cells.extend(self.texts(row.description(), || {
                format!("the description of row {}", row.code())
            })?);
            if objects {
                cells.push(match row.object() {
                    Some(kind) => literal_name(self.table.object_kinds()[kind].name()),
                    None => "NULL".to_string(),
                });
            }
            cells.push((index + 1).to_string());
            rows.push(cells);
        }
        let columns = [
            Some(Column::new("code", self.code_type()).not_null()),
            Some(Column::new("name", Type::Text).not_null().unique()),
            constants.then(|| Column::new("constant", Type::Text).not_null().unique()),
            Some(Column::new("description", Type::Text)),
            Some(Column::new("description_zh", Type::Text)),
            objects.then(|| {
                Column::new("object_kind", Type::Text)
                    .references(&self.ident(&self.names.object_kind), "name")
            }),
            Some(Column::new("vendor_order", Type::Integer).not_null()),
        ];
        let object_comment = match objects {
            true => ", object_kind NULL where the vendor writes -1",
            false => "",
        };
        Ok(Definition {
            name: self.names.codes.clone(),
            comment: format!(
                "One row per code{object_comment}.\n\
                 The vendor's texts are in English (description) and Chinese\n\
                 (description_zh), NULL where a language has none."
            ),
            columns: columns.into_iter().flatten().collect(),
            key: vec!["code".to_string()],
            constraints: Vec::new(),
            rows,
        })
    }

    fn reasons(&self) -> Result<Definition, SqlError> {
        let mut rows = Vec::new();
        for row in self.table.rows() {
            for (index, reason) in row.reasons().iter().enumerate() {
                let [en, zh] = self.texts(reason.description(), || {
                    format!(
                        "the description of reason {} of row {}",
                        reason.name(),
                        row.code()
                    )
                })?;
                let null = || "NULL".to_string();
                let [kind, low, high, default] = match reason.codes() {
                    ReasonCodes::Single(code) => [
                        "'single'".into(),
                        code.to_string(),
                        code.to_string(),
                        null(),
                    ],
                    ReasonCodes::Range { start, end } => {
                        ["'range'".into(), start.to_string(), end.to_string(), null()]
                    }
                    ReasonCodes::Open { default } => [
                        "'open'".into(),
                        null(),
                        null(),
                        default.map_or_else(null, |code| code.to_string()),
                    ],
                };
                rows.push(vec![
                    row.code().to_string(),
                    literal_name(reason.name()),
                    en,
                    zh,
                    kind,
                    low,
                    high,
                    default,
                    (index + 1).to_string(),
                ]);
            }
        }
        let code_column = self.code_column();
        Ok(Definition {
            name: self.names.reason.clone(),
            comment: format!(
                "The reasons of each code as the vendor lists them (none: the vendor's -1).\n\
                 kind 'single': low = high = the code. 'range': low to high inclusive.\n\
                 'open': any code no other reason takes and that is not a marker of\n\
                 \"not applicable\", default_code when none is given.\n\
                 They overlap, and {} resolves them.",
                self.ident(&self.names.reason_lookup)
            ),
            columns: vec![
                Column::new(&code_column, Type::Integer)
                    .not_null()
                    .references(&self.ident(&self.names.codes), "code"),
                Column::new("name", Type::Text).not_null(),
                Column::new("description", Type::Text),
                Column::new("description_zh", Type::Text),
                Column::new("kind", Type::Text).not_null(),
                Column::new("low", Type::Integer),
                Column::new("high", Type::Integer),
                Column::new("default_code", Type::Integer),
                Column::new("vendor_order", Type::Integer).not_null(),
            ],
            key: vec![code_column, "name".to_string()],
            constraints: vec![
                "CHECK (\n        \
                 (kind = 'single' AND low IS NOT NULL AND high IS NOT NULL AND low = high AND default_code IS NULL)\n        \
                 OR (kind = 'range' AND low IS NOT NULL AND high IS NOT NULL AND low < high AND default_code IS NULL)\n        \
                 OR (kind = 'open' AND low IS NULL AND high IS NULL)\n    \
                 )"
                .to_string(),
            ],
            rows,
        })
    }

    fn reason_lookup(&self) -> Definition {
        let mut rows = Vec::new();
        for row in self.table.rows() {
            for run in reason_runs(row) {
                rows.push(vec![
                    row.code().to_string(),
                    run.low.to_string(),
                    run.high.to_string(),
                    literal_name(run.reason),
                ]);
            }
        }
        let code_column = self.code_column();
        Definition {
            name: self.names.reason_lookup.clone(),
            comment: "Every reason code of each code, resolved to its reason in disjoint runs:\n\
                      a single code wins over a range holding it, a range over the markers of\n\
                      \"not applicable\", which appear only where a reason lists them."
                .to_string(),
            columns: vec![
                Column::new(&code_column, Type::Integer).not_null(),
                Column::new("low", Type::Integer).not_null(),
                Column::new("high", Type::Integer).not_null(),
                Column::new("reason", Type::Text).not_null(),
            ],
            key: vec![code_column.clone(), "low".to_string()],
            constraints: vec![
                format!(
                    "FOREIGN KEY ({code_column}, reason) REFERENCES {} ({code_column}, name)",
                    self.ident(&self.names.reason)
                ),
                "CHECK (low <= high)".to_string(),
            ],
            rows,
        }
    }

    fn notes(&self) -> Result<Definition, SqlError> {
        let mut rows = Vec::new();
        for row in self.table.rows() {
            for lang in [Lang::En, Lang::Zh] {
                // English notes are the plain ones, as the spec's keys are.
                let language = match lang {
                    Lang::En => "",
                    Lang::Zh => "Chinese ",
                };
                for (index, note) in lang.notes(row).iter().enumerate() {
                    let text = self.text(note, || {
                        format!("{language}note {} of row {}", index + 1, row.code())
                    })?;
                    rows.push(vec![
                        self.code(row.code())?,
                        format!("'{lang}'"),
                        (index + 1).to_string(),
                        text,
                    ]);
                }
            }
        }
        let code_column = self.code_column();
        Ok(Definition {
            name: self.names.note.clone(),
            comment: "The free sentences of each code's reason cell, per language.".to_string(),
            columns: vec![
                Column::new(&code_column, self.code_type())
                    .not_null()
                    .references(&self.ident(&self.names.codes), "code"),
                Column::new("lang", Type::Text).not_null(),
                Column::new("vendor_order", Type::Integer).not_null(),
                Column::new("note", Type::Text).not_null(),
            ],
            key: vec![code_column, "lang".to_string(), "vendor_order".to_string()],
            constraints: Vec::new(),
            rows,
        })
    }
}

/// A Rust name from the spec, validated ASCII alphanumeric: no NUL, no
/// quote, no backslash, the same literal in every dialect.
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
    row.decoding()
        .runs()
        .iter()
        .filter_map(|run| {
            let reason = run.outcome.reason()?;
            Some(ReasonRun {
                low: run.start,
                high: run.end,
                reason: row.reasons()[reason].name(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_spec::row_with;

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
    fn standard_literals_double_quotes_and_refuse_nul() {
        for dialect in [Dialect::Postgres, Dialect::Sqlite] {
            assert_eq!(dialect.literal("it's"), Some("'it''s'".to_string()));
            assert_eq!(dialect.literal("a\nb\\c;"), Some("'a\nb\\c;'".to_string()));
            assert_eq!(dialect.literal("a\0b"), None);
        }
    }

    #[test]
    fn spark_literals_escape_with_backslashes() {
        let spark = |text| Dialect::Spark.literal(text).expect("Spark writes any text");
        assert_eq!(spark("it's"), r"'it\'s'");
        assert_eq!(spark(r"a\b\'c"), r"'a\\b\\\'c'");
        assert_eq!(spark("a\nb\r\nc\td"), r"'a\nb\r\nc\td'");
        assert_eq!(spark("x; y"), r"'x\u003B y'");
        assert_eq!(
            spark("nul\0 bell\u{7} del\u{7f}"),
            r"'nul\u0000 bell\u0007 del\u007F'"
        );
        assert_eq!(spark("\"中文\" 🦀 \u{202E}"), "'\"中文\" 🦀 \u{202E}'");
    }
}
