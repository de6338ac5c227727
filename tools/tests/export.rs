//! The SQL, JSON and Markdown exports.
//!
//! The exports of the repository's `codes.toml` are checked in as
//! `tests/golden/codes.{postgres.sql,sqlite.sql,spark.sql,json,md}`, so
//! that a spec or exporter change shows up in review. CI only checks; after
//! a deliberate change, bless them with
//! `BLESS=1 cargo test -p codes-tools --test export` and commit them.
//!
//! The other tests check the exports of the same spec as of the 2023 pages
//! (`tests/fixtures/specs/codes-2023.toml`, frozen) by hand.
//!
//! The SQL of PostgreSQL and SQLite is run here in SQLite (bundled). The
//! real PostgreSQL and Spark run every dialect's script in the CLI's
//! engine tests (`cli/tests/engines.rs`), which compare their tables with
//! SQLite's and their join of a bill file with `codes decode`.

use std::path::{Path, PathBuf};

use codes_codegen::{Spec, write_if_changed};
use codes_tools::export::{self, Dialect, JSON_FORMAT, JSON_FORMAT_VERSION, SqlError};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params};
use serde_json::{Value, json};

/// The repository's spec: its exports are the golden files.
fn repository_spec() -> Spec {
    codes_codegen::load(Path::new(env!("CARGO_MANIFEST_DIR")).join("../codes.toml"))
        .expect("codes.toml is valid")
}

/// The repository's spec as of the 2023 pages, frozen: what the tests
/// below check the exports of by hand, row by row, whatever a vendor
/// update does to `codes.toml`.
fn codes_toml() -> Spec {
    spec(include_str!("fixtures/specs/codes-2023.toml"))
}

fn spec(text: &str) -> Spec {
    match Spec::from_toml("test.toml", text) {
        Ok(spec) => spec,
        Err(error) => panic!("invalid test spec:\n{error}"),
    }
}

fn sql(spec: &Spec) -> String {
    export::sql(spec).expect("the spec exports as SQL")
}

fn sql_in(spec: &Spec, dialect: Dialect) -> String {
    export::sql_for(spec, dialect)
        .unwrap_or_else(|error| panic!("the spec exports as {}: {error}", dialect.engine()))
}

fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn check_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("BLESS").is_some() {
        write_if_changed(&path, actual).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "tests/golden/{name} is stale: the export of codes.toml changed.\n\
         Review the change, then bless it with \
         `BLESS=1 cargo test -p codes-tools --test export` and commit the file."
    );
}

#[test]
fn golden_sql_per_dialect() {
    let spec = repository_spec();
    for (dialect, name) in [
        (Dialect::Postgres, "codes.postgres.sql"),
        (Dialect::Sqlite, "codes.sqlite.sql"),
        (Dialect::Spark, "codes.spark.sql"),
    ] {
        check_golden(name, &sql_in(&spec, dialect));
    }
}

#[test]
fn golden_json() {
    check_golden("codes.json", &export::json(&repository_spec()));
}

#[test]
fn golden_markdown() {
    check_golden("codes.md", &export::markdown(&repository_spec()));
}

#[test]
fn exports_are_deterministic() {
    let (first, second) = (repository_spec(), repository_spec());
    for dialect in Dialect::ALL {
        assert_eq!(sql_in(&first, dialect), sql_in(&second, dialect));
    }
    assert_eq!(export::json(&first), export::json(&second));
    assert_eq!(export::markdown(&first), export::markdown(&second));
}

/// A spec whose vendor text tries everything: SQL and Markdown syntax,
/// quotes, backslashes, line breaks, tabs, non-ASCII, a right-to-left
/// override.
const HOSTILE: &str = include_str!("specs/hostile.toml");

/// Every piece of vendor text of [`HOSTILE`], in SQL: (query, text).
fn hostile_texts() -> Vec<(&'static str, &'static str)> {
    vec![
        ("SELECT vendor FROM order_source", "O'Brien & Sons <b>"),
        (
            "SELECT product FROM order_source",
            "Product ''; DROP TABLE x; --",
        ),
        (
            "SELECT document FROM order_source",
            "Doc /* not a comment */ $$dollar$$",
        ),
        ("SELECT title FROM order_source", "Codes | # of *them*"),
        ("SELECT caption FROM order_source", "1. It's \"quoted\""),
        ("SELECT page FROM order_source", "p'1\\"),
        ("SELECT updated FROM order_source", "2024-01-01\n(Tuesday)"),
        (
            "SELECT description FROM order_object_kind WHERE name = 'Agent'",
            "Agent | ID\r\n_lead_",
        ),
        (
            "SELECT description FROM \"order\" WHERE code = -5",
            "It's ''doubled'' and \\' escaped?\nSecond line\r\nThird\tcolumn",
        ),
        (
            "SELECT description FROM \"order\" WHERE code = 2147483647",
            "- not a list",
        ),
        (
            "SELECT note FROM order_note WHERE \"order\" = -5 AND vendor_order = 1",
            "Note with `code` and [link](http://x) and <script>alert(1)</script>",
        ),
        (
            "SELECT note FROM order_note WHERE \"order\" = -5 AND vendor_order = 2",
            "Ünïcödé 中文 🦀 e\u{301} \u{202E}evil",
        ),
        (
            "SELECT description FROM order_reason WHERE \"order\" = -5 AND name = 'Seven'",
            "A | pipe ~~struck~~ &amp; \\| escaped",
        ),
    ]
}

// --- SQLite ---------------------------------------------------------------

/// A fresh in-memory database with the script loaded (twice: it must be
/// re-runnable) and foreign keys enforced.
fn sqlite(script: &str) -> Connection {
    let db = Connection::open_in_memory().expect("open SQLite");
    db.execute_batch("PRAGMA foreign_keys = ON;")
        .expect("enable foreign keys");
    db.execute_batch(script).expect("the script runs in SQLite");
    db.execute_batch(script)
        .expect("the script runs again in SQLite");
    let violations: i64 = db
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })
        .expect("foreign key check");
    assert_eq!(violations, 0);
    db
}

fn text(db: &Connection, query: &str) -> String {
    db.query_row(query, [], |row| row.get(0))
        .unwrap_or_else(|error| panic!("{query}: {error}"))
}

fn integer(db: &Connection, query: &str) -> i64 {
    db.query_row(query, [], |row| row.get(0))
        .unwrap_or_else(|error| panic!("{query}: {error}"))
}

/// Every row `query` selects, as SQLite values.
fn rows(db: &Connection, query: &str) -> Vec<Vec<SqlValue>> {
    let mut statement = db
        .prepare(query)
        .unwrap_or_else(|error| panic!("{query}: {error}"));
    let columns = statement.column_count();
    statement
        .query_map([], |row| (0..columns).map(|index| row.get(index)).collect())
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

fn t(text: &str) -> SqlValue {
    SqlValue::Text(text.to_string())
}

fn i(integer: i64) -> SqlValue {
    SqlValue::Integer(integer)
}

const NULL: SqlValue = SqlValue::Null;

/// Every reason the lookup table gives for `code` of operation `op_type`.
fn lookup(db: &Connection, op_type: i32, code: i64) -> Vec<String> {
    let mut statement = db
        .prepare_cached(
            "SELECT reason FROM operation_type_reason_lookup \
             WHERE operation_type = ?1 AND ?2 BETWEEN low AND high",
        )
        .expect("prepare");
    statement
        .query_map(params![op_type, code], |row| row.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn sqlite_holds_every_operation_type() {
    let db = sqlite(&sql(&codes_toml()));
    assert_eq!(integer(&db, "SELECT count(*) FROM operation_type"), 29);
    assert_eq!(
        text(&db, "SELECT description FROM operation_type WHERE code = 3"),
        "Busy."
    );
    assert_eq!(
        text(&db, "SELECT name FROM operation_type WHERE code = 3"),
        "Busy"
    );
    assert_eq!(
        text(
            &db,
            "SELECT object_kind FROM operation_type WHERE code = 58"
        ),
        "AgentId"
    );
    assert_eq!(
        integer(
            &db,
            "SELECT count(*) FROM operation_type WHERE object_kind IS NULL"
        ),
        17
    );
    assert_eq!(
        text(
            &db,
            "SELECT k.description FROM operation_type t \
             JOIN operation_type_object_kind k ON k.name = t.object_kind WHERE t.code = 26"
        ),
        "Employee ID."
    );
    let order = [
        0, 1, 2, 3, 4, 10, 13, 20, 22, 26, 27, 29, 30, 31, 32, 38, 40, 41, 43, 44, 45, 46, 47, 52,
        53, 54, 55, 57, 58,
    ];
    assert_eq!(
        rows(&db, "SELECT code FROM operation_type ORDER BY vendor_order"),
        order.map(|code| [i(code)])
    );
}

#[test]
fn sqlite_holds_the_reasons_as_listed() {
    let db = sqlite(&sql(&codes_toml()));
    assert_eq!(
        rows(
            &db,
            "SELECT name, kind, low, high, description FROM operation_type_reason \
             WHERE operation_type = 0 ORDER BY vendor_order LIMIT 2"
        ),
        [
            [
                t("ClientError"),
                t("range"),
                i(1),
                i(255),
                t("The error is caused by the client.")
            ],
            [
                t("Disconnected"),
                t("single"),
                i(256),
                i(256),
                t("The agent is disconnected from the platform.")
            ],
        ]
    );
    assert_eq!(
        integer(
            &db,
            "SELECT count(*) FROM operation_type_reason WHERE operation_type = 0"
        ),
        10
    );
    assert_eq!(
        rows(
            &db,
            "SELECT kind, low, high, default_code FROM operation_type_reason \
             WHERE operation_type = 26 AND name = 'RestCause'"
        ),
        [[t("open"), NULL, NULL, i(0)]]
    );
    assert_eq!(
        rows(
            &db,
            "SELECT name, description FROM operation_type_reason WHERE operation_type = 20"
        ),
        [[t("Zero"), NULL]]
    );
    assert_eq!(
        text(
            &db,
            "SELECT note FROM operation_type_note WHERE operation_type = 27 AND lang = 'en'"
        ),
        "The default value is 0, indicating the after-call processing state."
    );
    assert_eq!(
        text(
            &db,
            "SELECT note FROM operation_type_note WHERE operation_type = 27 AND lang = 'zh'"
        ),
        "缺省为0,即事后整理。"
    );
    assert_eq!(integer(&db, "SELECT count(*) FROM operation_type_note"), 4);
}

#[test]
fn sqlite_resolves_reason_codes_by_precedence() {
    let db = sqlite(&sql(&codes_toml()));
    assert_eq!(lookup(&db, 27, 0), ["AfterCallProcessing"]);
    assert_eq!(lookup(&db, 27, 17), ["ManualAdjustment"]);
    assert_eq!(lookup(&db, 27, 255), ["ManualAdjustment"]);
    assert!(lookup(&db, 27, 256).is_empty());
    assert_eq!(lookup(&db, 26, 12), ["RestCause"]);
    assert_eq!(lookup(&db, 26, 0), ["RestCause"]);
    assert!(lookup(&db, 26, -1).is_empty());
    assert!(lookup(&db, 26, 65535).is_empty());
    assert_eq!(lookup(&db, 3, 201), ["ServiceErrorCode"]);
    assert!(lookup(&db, 3, 6).is_empty());
    assert!(lookup(&db, 1, 0).is_empty());

    // The documented join, on a table shaped like a bill file.
    db.execute_batch(
        "CREATE TABLE bill (id INTEGER, op_type INTEGER, op_cause INTEGER);
         INSERT INTO bill VALUES (1, 27, 0), (2, 27, 17), (3, 26, 12), (4, 26, -1), (5, 21, 3);",
    )
    .expect("bill table");
    let decoded = rows(
        &db,
        "SELECT t.id, c.name, r.name AS reason, r.description AS reason_description
         FROM bill t
         LEFT JOIN operation_type c ON c.code = t.op_type
         LEFT JOIN operation_type_reason_lookup l
           ON l.operation_type = t.op_type AND t.op_cause BETWEEN l.low AND l.high
         LEFT JOIN operation_type_reason r
           ON r.operation_type = l.operation_type AND r.name = l.reason
         ORDER BY t.id",
    );
    assert_eq!(
        decoded,
        [
            [
                i(1),
                t("WorkStatus"),
                t("AfterCallProcessing"),
                t(
                    "after-call processing. The business side is set to automatically enter the on-work state."
                )
            ],
            [
                i(2),
                t("WorkStatus"),
                t("ManualAdjustment"),
                t(
                    "manual adjustment. An agent manually enters the on-work state by invoking the interface."
                )
            ],
            [
                i(3),
                t("Rest"),
                t("RestCause"),
                t(
                    "The rest cause code is specified when the client invokes CCC_REQUEST_REST_EX_Msg. The default cause code is 0."
                )
            ],
            [i(4), t("Rest"), NULL, NULL],
            [i(5), NULL, NULL, NULL],
        ]
    );
}

/// The lookup table against the model's decoding table, over every code
/// near a boundary: a reason where the model decodes one, nothing where it
/// says "not applicable" or lists nothing.
#[test]
fn sqlite_lookup_agrees_with_the_model() {
    let spec = codes_toml();
    let db = sqlite(&sql(&spec));
    let codes = (-3..=300)
        .chain(65530..=65540)
        .chain([i64::from(i32::MIN), i64::from(i32::MAX)]);
    for code in codes {
        for row in spec.tables()[0].rows() {
            let expected = i32::try_from(code)
                .ok()
                .and_then(|code| row.decoding().outcome(code)?.reason())
                .map(|reason| row.reasons()[reason].name());
            assert_eq!(
                lookup(&db, row.code().integer().expect("integer codes"), code),
                Vec::from_iter(expected),
                "operation {} reason code {code}",
                row.code()
            );
        }
    }
}

#[test]
fn sqlite_constraints_reject_malformed_reasons() {
    let db = sqlite(&sql(&codes_toml()));
    let insert = |values: &str| {
        db.execute_batch(&format!(
            "INSERT INTO operation_type_reason \
             (operation_type, name, description, kind, low, high, default_code, vendor_order) \
             VALUES {values};"
        ))
    };
    for bad in [
        "(1, 'A', NULL, 'single', 1, NULL, NULL, 1)",
        "(1, 'A', NULL, 'single', 1, 2, NULL, 1)",
        "(1, 'A', NULL, 'range', 2, 2, NULL, 1)",
        "(1, 'A', NULL, 'range', NULL, 2, NULL, 1)",
        "(1, 'A', NULL, 'open', 0, NULL, 0, 1)",
        "(1, 'A', NULL, 'other', 1, 1, NULL, 1)",
        "(99, 'A', NULL, 'single', 1, 1, NULL, 1)",
    ] {
        assert!(insert(bad).is_err(), "accepted {bad}");
    }
    insert("(1, 'A', NULL, 'open', NULL, NULL, NULL, 1)").expect("a well-formed open reason");
}

#[test]
fn sqlite_holds_the_markers_of_not_applicable() {
    let db = sqlite(&sql(&codes_toml()));
    assert_eq!(
        rows(
            &db,
            "SELECT code, name, description FROM not_applicable ORDER BY code"
        ),
        [
            [
                i(-1),
                t("MinusOne"),
                t("\"not used\" in the 2023 revision of the table.")
            ],
            [
                i(65535),
                t("UsNoUse"),
                t("US_NO_USE (0xFFFF) in later revisions.")
            ],
        ]
    );
    let db = sqlite(&sql(&spec(HOSTILE)));
    assert_eq!(
        text(
            &db,
            "SELECT description FROM not_applicable WHERE code = -1"
        ),
        "not used; it's -- \"quoted\""
    );
}

/// Every table of `db` with its rows, in rowid order.
fn dump(db: &Connection) -> Vec<(String, Vec<Vec<SqlValue>>)> {
    let tables = rows(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    );
    tables
        .into_iter()
        .map(|table| {
            let SqlValue::Text(name) = &table[0] else {
                panic!("a table name")
            };
            let content = rows(db, &format!("SELECT * FROM \"{name}\" ORDER BY rowid"));
            (name.clone(), content)
        })
        .collect()
}

/// The SQLite dialect is the PostgreSQL statements under another header:
/// both run in SQLite to the same tables.
#[test]
fn sqlite_and_postgres_scripts_differ_only_in_their_header() {
    for spec in [codes_toml(), spec(HOSTILE), spec(THREE_TABLES)] {
        let postgres = sql_in(&spec, Dialect::Postgres);
        let sqlite_script = sql_in(&spec, Dialect::Sqlite);
        let body = |script: &str| script[script.find("\nBEGIN;\n").expect("BEGIN")..].to_string();
        assert_eq!(body(&postgres), body(&sqlite_script));
        assert_ne!(postgres, sqlite_script);
        assert_eq!(dump(&sqlite(&postgres)), dump(&sqlite(&sqlite_script)));
    }
}

/// What makes the Spark script Spark SQL, and safe to split at semicolons.
#[test]
fn spark_script_is_plain_spark_sql() {
    for spec in [codes_toml(), spec(HOSTILE), spec(THREE_TABLES)] {
        let script = sql_in(&spec, Dialect::Spark);
        // Every `;` ends a line that ends a statement, and no comment has
        // one: the value rows escape theirs.
        for (index, _) in script.match_indices(';') {
            assert_eq!(&script[index..index + 2], ";\n", "at byte {index}");
        }
        for line in script.lines() {
            if line.starts_with("--") {
                assert!(!line.contains(';'), "{line}");
                continue;
            }
            if line.starts_with("    (") {
                continue; // values
            }
            for word in [
                "PRIMARY KEY",
                "UNIQUE",
                "REFERENCES",
                "CHECK",
                "NOT NULL",
                "BEGIN",
                "COMMIT",
                "INTEGER",
                "TEXT",
                "\"",
            ] {
                assert!(!line.contains(word), "{word} in {line}");
            }
        }
        assert_eq!(
            script.matches("CREATE TABLE").count(),
            script.matches(") USING parquet;\n").count()
        );
    }
    let hostile = sql_in(&spec(HOSTILE), Dialect::Spark);
    assert!(hostile.contains(
        "    ('O\\'Brien & Sons <b>', 'Product \\'\\'\\u003B DROP TABLE x\\u003B --', \
         'Doc /* not a comment */ $$dollar$$', 'en', 'Codes | # of *them*', \
         '1. It\\'s \"quoted\"', 'p\\'1\\\\', '2024-01-01\\n(Tuesday)');\n"
    ));
    assert!(hostile.contains("'Ünïcödé 中文 🦀 e\u{301} \u{202E}evil'"));
}

#[test]
fn sqlite_holds_the_provenance() {
    let db = sqlite(&sql(&codes_toml()));
    let source: [String; 7] = db
        .query_row(
            "SELECT vendor, product, document, title, caption, page, updated \
             FROM operation_type_source WHERE lang = 'en'",
            [],
            |row| {
                Ok([
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                    row.get(6)?,
                ])
            },
        )
        .expect("the source row");
    assert_eq!(
        source,
        [
            "Huawei Cloud",
            "Customer Engagement Center (CEC)",
            "CDR Interface Reference",
            "Agent Operation Type",
            "Table 1 Agent operation type",
            "cec_07_4243",
            "2023-09-27 GMT+08:00",
        ]
    );
    assert_eq!(
        rows(
            &db,
            "SELECT title, caption, page, updated FROM operation_type_source WHERE lang = 'zh'"
        ),
        [[t("座席操作类型"), NULL, t("cec_07_0838"), NULL]]
    );
    assert_eq!(
        integer(&db, "SELECT count(*) FROM operation_type_source"),
        2
    );
}

#[test]
fn sqlite_keeps_hostile_text_byte_for_byte() {
    let db = sqlite(&sql(&spec(HOSTILE)));
    for (query, expected) in hostile_texts() {
        assert_eq!(text(&db, query).as_bytes(), expected.as_bytes(), "{query}");
    }
    assert_eq!(integer(&db, "SELECT count(*) FROM \"order\""), 2);
    assert_eq!(
        integer(&db, "SELECT code FROM \"order\" WHERE name = 'Max'"),
        2147483647
    );
    assert_eq!(
        rows(
            &db,
            "SELECT name, description, kind, low, high, default_code FROM order_reason \
             ORDER BY vendor_order"
        ),
        [
            [
                t("Seven"),
                t("A | pipe ~~struck~~ &amp; \\| escaped"),
                t("single"),
                i(7),
                i(7),
                NULL
            ],
            [t("OneToNine"), NULL, t("range"), i(1), i(9), NULL],
            [t("Other"), NULL, t("open"), NULL, NULL, NULL],
        ]
    );
    assert_eq!(
        rows(
            &db,
            "SELECT low, high, reason FROM order_reason_lookup ORDER BY low"
        ),
        [
            [i(i32::MIN.into()), i(-2), t("Other")],
            [i(0), i(0), t("Other")],
            [i(1), i(6), t("OneToNine")],
            [i(7), i(7), t("Seven")],
            [i(8), i(9), t("OneToNine")],
            [i(10), i(65534), t("Other")],
            [i(65536), i(i32::MAX.into()), t("Other")],
        ]
    );
}

/// The message of exporting [`HOSTILE`] with `from` replaced by `to`, in
/// `dialect`.
fn hostile_error(from: &str, to: &str, dialect: Dialect) -> String {
    let text = HOSTILE.replace(from, to);
    assert_ne!(text, HOSTILE, "{from:?} is in the hostile spec");
    match export::sql_for(&spec(&text), dialect) {
        Ok(_) => panic!("{} exported {to:?}", dialect.engine()),
        Err(error) => error.to_string(),
    }
}

#[test]
fn standard_sql_refuses_nul_characters() {
    let text = HOSTILE.replace("Third\\tcolumn", "Third\\u0000column");
    assert_eq!(
        export::sql(&spec(&text)),
        Err(SqlError::NulCharacter {
            dialect: Dialect::Postgres,
            table: "Order".into(),
            field: "the description of row -5".into()
        })
    );
    let nul = "\\u0000";
    let postgres = |from: &str, to: &str| hostile_error(from, to, Dialect::Postgres);
    assert_eq!(
        postgres("Third\\tcolumn", "Third\\u0000column"),
        "cannot export table Order as SQL: the description of row -5 holds a NUL character, \
         which PostgreSQL cannot store"
    );
    assert_eq!(
        postgres("Doc /*", "Doc \\u0000/*"),
        "cannot export table Order as SQL: the source's document holds a NUL character, \
         which PostgreSQL cannot store"
    );
    assert_eq!(
        postgres("~~struck~~", nul),
        "cannot export table Order as SQL: the description of reason Seven of row -5 holds \
         a NUL character, which PostgreSQL cannot store"
    );
    assert_eq!(
        postgres("中文", nul),
        "cannot export table Order as SQL: note 2 of row -5 holds a NUL character, \
         which PostgreSQL cannot store"
    );
    assert_eq!(
        postgres("_lead_", nul),
        "cannot export table Order as SQL: the text of object kind Agent holds a NUL \
         character, which PostgreSQL cannot store"
    );
    assert_eq!(
        postgres("US_NO_USE", nul),
        "cannot export table NotApplicable as SQL: the description of marker 65535 holds \
         a NUL character, which PostgreSQL cannot store"
    );
    assert_eq!(
        hostile_error("Third\\tcolumn", "Third\\u0000column", Dialect::Sqlite),
        "cannot export table Order as SQL: the description of row -5 holds a NUL character, \
         which SQLite does not read in SQL text"
    );
    assert_eq!(
        hostile_error("US_NO_USE", nul, Dialect::Sqlite),
        "cannot export table NotApplicable as SQL: the description of marker 65535 holds \
         a NUL character, which SQLite does not read in SQL text"
    );
}

/// Why the standard dialects refuse NUL: SQLite stops reading a literal
/// at one, and PostgreSQL (in the engine tests) cannot store it.
#[test]
fn sqlite_cannot_read_a_nul_in_sql_text() {
    let db = Connection::open_in_memory().expect("open SQLite");
    assert!(db.execute_batch("SELECT 'a\0b';").is_err());
}

/// Spark SQL reads `\u0000`: the same spec exports, the NUL escaped.
#[test]
fn spark_sql_escapes_nul_characters() {
    let text = HOSTILE.replace("Third\\tcolumn", "Third\\u0000column");
    let script = sql_in(&spec(&text), Dialect::Spark);
    assert!(
        script.contains(
            r"'It\'s \'\'doubled\'\' and \\\' escaped?\nSecond line\r\nThird\u0000column'"
        )
    );
}

#[test]
fn sql_refuses_tables_sharing_a_name() {
    let text = format!(
        "{HOSTILE}
[[table]]
name = \"OrderNote\"
title = \"Notes\"
caption = \"Table 2 Notes\"
page = \"p2\"
updated = \"2024\"
columns = [\"Code\", \"Description\"]

[[table.row]]
code = 1
name = \"One\"
description = \"One.\"
"
    );
    let error = export::sql(&spec(&text)).unwrap_err();
    assert_eq!(
        error,
        SqlError::NameCollision {
            sql_table: "order_note".into(),
            first: "Order".into(),
            second: "OrderNote".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "cannot export tables Order and OrderNote as SQL: both need the SQL table \
         `order_note`; rename one of them"
    );
    for dialect in Dialect::ALL {
        assert_eq!(export::sql_for(&spec(&text), dialect), Err(error.clone()));
    }
}

/// No validated spec has a table whose SQL name is the markers' table:
/// its name clashes with the generated `NotApplicable`.
#[test]
fn a_table_named_like_the_markers_never_reaches_the_sql_export() {
    let table = HOSTILE.find("[[table]]").expect("a table");
    let first = table + HOSTILE[table..].find("\nname = ").expect("a table name") + 1;
    let end = first + HOSTILE[first..].find('\n').expect("a line end");
    let text = format!(
        "{}name = \"NOTApplicable\"{}",
        &HOSTILE[..first],
        &HOSTILE[end..]
    );
    let error = Spec::from_toml("test.toml", &text).unwrap_err().to_string();
    assert!(
        error.contains("type `NOTApplicable` in table NOTApplicable clashes with the generated item `NotApplicable`"),
        "{error}"
    );
}

// --- JSON -------------------------------------------------------------------

#[test]
fn json_parses_back_with_known_values() {
    let document: Value = serde_json::from_str(&export::json(&codes_toml())).expect("valid JSON");
    assert_eq!(document["format"], JSON_FORMAT);
    assert_eq!(document["format"], "codes-codegen/spec");
    assert_eq!(document["format_version"], JSON_FORMAT_VERSION);
    assert_eq!(document["format_version"], 2);
    assert_eq!(
        document["not_applicable"],
        json!([
            {"code": -1, "name": "MinusOne", "description": "\"not used\" in the 2023 revision of the table."},
            {"code": 65535, "name": "UsNoUse", "description": "US_NO_USE (0xFFFF) in later revisions."}
        ])
    );
    assert_eq!(
        document["source"],
        json!({
            "vendor": "Huawei Cloud",
            "product": "Customer Engagement Center (CEC)",
            "document": "CDR Interface Reference",
            "site": "https://support.huaweicloud.com/intl/en-us/api-cec/",
            "site_zh": "https://support.huaweicloud.com/api-ccfs-cec/"
        })
    );
    let table = &document["tables"][0];
    assert_eq!(document["tables"].as_array().map(Vec::len), Some(4));
    assert_eq!(table["name"], "OperationType");
    assert_eq!(table["key"], "integer");
    assert_eq!(table["en"]["page"], "cec_07_4243");
    assert_eq!(table["en"]["title"], "Agent Operation Type");
    assert_eq!(table["zh"]["page"], "cec_07_0838");
    assert_eq!(
        table["zh"]["columns"],
        json!(["操作类型", "含义", "操作对象", "操作原因"])
    );
    assert_eq!(
        table["record"],
        json!({"record": "Operation", "object": "Object", "reason": "Reason"})
    );
    assert_eq!(
        table["object_kinds"],
        json!([
            {"name": "EmployeeId", "text": "Employee ID.", "text_zh": "工号"},
            {"name": "AgentId", "text": "Agent ID.", "text_zh": "座席工号"}
        ])
    );
    let rows = table["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 29);
    let row = |code: i64| {
        rows.iter()
            .find(|row| row["code"] == code)
            .unwrap_or_else(|| panic!("row {code}"))
    };
    assert_eq!(row(3)["description"], "Busy.");
    assert_eq!(row(3)["description_zh"], "示忙。");
    assert_eq!(row(3)["object"], Value::Null);
    assert_eq!(row(58)["object"], 1);
    assert_eq!(
        row(27)["reasons"],
        json!([
            {
                "codes": {"kind": "single", "code": 0},
                "name": "AfterCallProcessing",
                "description": "after-call processing. The business side is set to automatically enter the on-work state.",
                "description_zh": "事后整理,业务侧设置自动进入工作态。"
            },
            {
                "codes": {"kind": "range", "start": 0, "end": 255},
                "name": "ManualAdjustment",
                "description": "manual adjustment. An agent manually enters the on-work state by invoking the interface.",
                "description_zh": "手动调整,由业务座席通过调用接口手动进入工作态。"
            }
        ])
    );
    assert_eq!(
        row(27)["decoding"],
        json!([
            {"start": -1, "end": -1, "outcome": "not_applicable", "index": 0},
            {"start": 0, "end": 0, "outcome": "listed", "index": 0},
            {"start": 1, "end": 255, "outcome": "range", "index": 1},
            {"start": 65535, "end": 65535, "outcome": "not_applicable", "index": 1}
        ])
    );
    assert_eq!(
        row(26)["decoding"],
        json!([
            {"start": i32::MIN, "end": -2, "outcome": "open", "index": 0},
            {"start": -1, "end": -1, "outcome": "not_applicable", "index": 0},
            {"start": 0, "end": 65534, "outcome": "open", "index": 0},
            {"start": 65535, "end": 65535, "outcome": "not_applicable", "index": 1},
            {"start": 65536, "end": i32::MAX, "outcome": "open", "index": 0}
        ])
    );
    assert_eq!(
        row(27)["notes"],
        json!(["The default value is 0, indicating the after-call processing state."])
    );
    assert_eq!(row(27)["notes_zh"], json!(["缺省为0,即事后整理。"]));
    assert_eq!(
        row(26)["reasons"][0]["codes"],
        json!({"kind": "open", "default": 0})
    );
    assert_eq!(
        row(20)["reasons"],
        json!([{"codes": {"kind": "single", "code": 0}, "name": "Zero", "description": null, "description_zh": null}])
    );
}

#[test]
fn json_keeps_hostile_text_and_key_order() {
    let text = export::json(&spec(HOSTILE));
    assert!(text.starts_with(
        "{\n  \"format\": \"codes-codegen/spec\",\n  \"format_version\": 2,\n  \"source\": {\n    \"vendor\": \"O'Brien & Sons <b>\",\n"
    ));
    assert!(text.ends_with("\n}\n"));
    let document: Value = serde_json::from_str(&text).expect("valid JSON");
    let row = &document["tables"][0]["rows"][0];
    assert_eq!(
        row["description"],
        "It's ''doubled'' and \\' escaped?\nSecond line\r\nThird\tcolumn"
    );
    assert_eq!(row["notes"][1], "Ünïcödé 中文 🦀 e\u{301} \u{202E}evil");
    assert_eq!(
        row["reasons"][2],
        json!({"codes": {"kind": "open", "default": null}, "name": "Other", "description": null, "description_zh": null})
    );
    assert_eq!(document["tables"][0]["rows"][1]["code"], 2147483647);
}

// --- Markdown ---------------------------------------------------------------

#[test]
fn markdown_of_a_hostile_spec() {
    let expected = format!(
        "<!-- @generated by codes-codegen {}: do not edit. -->

# Codes \\| \\# of \\*them\\*

Updated on 2024-01-01 (Tuesday)

1\\. It's \"quoted\"

| Code \\| c | Description | Object | Reason |
| --- | --- | --- | --- |
| -5 | It's ''doubled'' and \\\\' escaped? Second line  Third column | Agent \\| ID  \\_lead\\_ | 7: A \\| pipe \\~\\~struck\\~\\~ \\&amp; \\\\\\| escaped<br>1-9<br>any<br>Note with \\`code\\` and \\[link\\](http\\://x) and \\<script\\>alert(1)\\</script\\><br>Ünïcödé 中文 🦀 e\u{301} \\u{{202e}}evil |
| 2147483647 | \\- not a list | -1 | -1 |

Source: O'Brien \\& Sons \\<b\\>, Product ''; DROP TABLE x; --, Doc /\\* not a comment \\*/ \\$\\$dollar\\$\\$, page p'1\\\\.
",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(export::markdown(&spec(HOSTILE)), expected);
}

/// The text a Markdown renderer shows for each heading, paragraph and table
/// cell, `<br>` as `\n`.
fn rendered_blocks(markdown: &str) -> Vec<String> {
    let options = pulldown_cmark::Options::ENABLE_TABLES;
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { .. } | Tag::Paragraph | Tag::TableCell) => {
                current = Some(String::new())
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::TableCell) => {
                blocks.extend(current.take())
            }
            Event::Text(text) => current.get_or_insert_default().push_str(&text),
            Event::InlineHtml(html) if &*html == "<br>" => {
                current.get_or_insert_default().push('\n')
            }
            Event::SoftBreak => current.get_or_insert_default().push(' '),
            Event::Start(Tag::Table(_) | Tag::TableHead | Tag::TableRow)
            | Event::End(TagEnd::Table | TagEnd::TableHead | TagEnd::TableRow) => {}
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Html(html) if html.starts_with("<!--") => {}
            other => panic!("unexpected Markdown element: {other:?}"),
        }
    }
    blocks
}

/// The rendered blocks page by page: each page ends with its source line.
fn rendered_pages(markdown: &str) -> Vec<Vec<String>> {
    let mut pages = vec![Vec::new()];
    for block in rendered_blocks(markdown) {
        let ends_page = block.starts_with("Source: ");
        pages.last_mut().expect("a page").push(block);
        if ends_page {
            pages.push(Vec::new());
        }
    }
    assert_eq!(pages.pop(), Some(Vec::new()), "text after the last page");
    pages
}

#[test]
fn markdown_of_codes_toml_has_a_page_per_table_and_language() {
    let pages = rendered_pages(&export::markdown(&codes_toml()));
    let titles: Vec<&str> = pages.iter().map(|page| page[0].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Agent Operation Type",
            "座席操作类型",
            "Description of Call Media Types",
            "呼叫媒体类型说明",
            "Agent Type Description",
            "座席操作详单索引文件(yyyymmddhhmmssSSS+3位随机数_agentOprInfo_文件序号.csv)定义",
        ]
    );
    // The Chinese operation page: its headers, then row 3 in Chinese.
    let chinese = &pages[1];
    assert_eq!(chinese[1..5], ["操作类型", "含义", "操作对象", "操作原因"]);
    let busy = chinese
        .iter()
        .position(|block| block == "3")
        .expect("row 3");
    assert_eq!(chinese[busy + 1], "示忙。");
    // The agent type page keeps the vendor's constant column.
    let agent_type = &pages[4];
    assert_eq!(agent_type[4..7], ["Value", "Agent type.", "Description"]);
    assert_eq!(
        agent_type[7..10],
        ["0", "AGENT_TYPE_EXTENSION", "Extension type."]
    );
    // A page without fitting headers gets generic ones in its language.
    let call_direction = &pages[5];
    assert_eq!(call_direction[2..6], ["代码", "含义", "呼入", "呼入"]);
}

#[test]
fn hostile_markdown_renders_as_its_text() {
    let blocks = rendered_blocks(&export::markdown(&spec(HOSTILE)));
    assert_eq!(
        blocks,
        [
            "Codes | # of *them*",
            "Updated on 2024-01-01 (Tuesday)",
            "1. It's \"quoted\"",
            "Code | c",
            "Description",
            "Object",
            "Reason",
            "-5",
            "It's ''doubled'' and \\' escaped? Second line  Third column",
            "Agent | ID  _lead_",
            "7: A | pipe ~~struck~~ &amp; \\| escaped\n1-9\nany\n\
             Note with `code` and [link](http://x) and <script>alert(1)</script>\n\
             Ünïcödé 中文 🦀 e\u{301} \\u{202e}evil",
            "2147483647",
            "- not a list",
            "-1",
            "-1",
            "Source: O'Brien & Sons <b>, Product ''; DROP TABLE x; --, \
             Doc /* not a comment */ $$dollar$$, page p'1\\.",
        ]
    );
}

#[test]
fn markdown_of_codes_toml_renders_as_the_vendor_table() {
    let pages = rendered_pages(&export::markdown(&codes_toml()));
    let blocks = &pages[0];
    assert_eq!(
        blocks[..7],
        [
            "Agent Operation Type",
            "Updated on 2023-09-27 GMT+08:00",
            "Table 1 Agent operation type",
            "Operation Type",
            "Description",
            "Operation Object",
            "Operation Reason",
        ]
    );
    // 29 rows of 4 cells, then the source.
    assert_eq!(blocks.len(), 7 + 29 * 4 + 1);
    let row = |code: &str| {
        let start = (7..blocks.len())
            .step_by(4)
            .find(|&index| blocks[index] == code)
            .unwrap_or_else(|| panic!("row {code}"));
        &blocks[start..start + 4]
    };
    assert_eq!(row("1"), ["1", "An agent signs in.", "-1", "-1"]);
    assert_eq!(
        row("20"),
        ["20", "Listening/Insert/Whisper", "Employee ID.", "0"]
    );
    assert_eq!(
        row("26")[3],
        "The rest cause code is specified when the client invokes CCC_REQUEST_REST_EX_Msg. \
         The default cause code is 0."
    );
    assert_eq!(
        row("27")[3],
        "0: after-call processing. The business side is set to automatically enter the on-work state.\n\
         0-255: manual adjustment. An agent manually enters the on-work state by invoking the interface.\n\
         The default value is 0, indicating the after-call processing state."
    );
    assert_eq!(row("58")[2], "Agent ID.");
    assert_eq!(
        blocks.last().map(String::as_str),
        Some(
            "Source: Huawei Cloud, Customer Engagement Center (CEC), CDR Interface Reference, \
             page cec_07_4243."
        )
    );
}

/// Three tables: codes and descriptions only; a reason column but no
/// object column; five headers for the four columns shown.
const THREE_TABLES: &str = include_str!("specs/three_tables.toml");

#[test]
fn markdown_of_three_tables() {
    let expected = format!(
        "<!-- @generated by codes-codegen {}: do not edit. -->

# Status

Updated on 2024-01-01

Table 1 Status

| Status | Meaning |
| --- | --- |
| 0 | Fine. |

Source: V, P, D, page s1.

# Failures

Updated on 2024-02-02

Table 2 Failures

| Code | Text | Why |
| --- | --- | --- |
| 1 | Timed out. | 2: Too slow.<br>Retried once. |

Source: V, P, D, page s2.

# Alarms

Updated on 2024-03-03

Table 3 Alarms

| Code | Description | Object | Reason |
| --- | --- | --- | --- |
| 5 | Fire. | -1 | -1 |

Source: V, P, D, page s3.
",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(export::markdown(&spec(THREE_TABLES)), expected);
}

#[test]
fn sql_of_three_tables() {
    let db = sqlite(&sql(&spec(THREE_TABLES)));
    assert_eq!(
        rows(
            &db,
            "SELECT code, name, description, description_zh FROM status"
        ),
        [[i(0), t("Ok"), t("Fine."), NULL]]
    );
    // A table without reasons has no object, reason or note tables.
    let status_tables = rows(
        &db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'status%' ORDER BY name",
    );
    assert_eq!(status_tables, [[t("status")], [t("status_source")]]);
    assert_eq!(
        rows(&db, "SELECT page, updated FROM status_source"),
        [[t("s1"), t("2024-01-01")]]
    );
    assert_eq!(
        rows(
            &db,
            "SELECT failure, low, high, reason FROM failure_reason_lookup"
        ),
        [[i(1), i(2), i(2), t("Slow")]]
    );
    assert_eq!(
        rows(&db, "SELECT failure, vendor_order, note FROM failure_note"),
        [[i(1), i(1), t("Retried once.")]]
    );
    assert_eq!(
        rows(&db, "SELECT page, updated FROM failure_source"),
        [[t("s2"), t("2024-02-02")]]
    );
    assert_eq!(
        rows(&db, "SELECT code, description FROM alarm"),
        [[i(5), t("Fire.")]]
    );
}

/// A media type page whose rows 6 and 7 carry a note under their
/// description (as other copies of the vendor's table do), imported.
fn media_types_with_notes() -> Spec {
    let page = include_str!("fixtures/vendor/media-type-full-notes-en.synthetic.txt");
    let table = codes_tools::vendor_doc::parse(page).expect("the page reads");
    let options = codes_tools::import::ImportOptions {
        page: Some("cec_07_0843".into()),
        ..codes_tools::import::ImportOptions::default()
    };
    let imported = codes_tools::import::import(&table, &options).expect("the page imports");
    spec(&imported.toml)
}

#[test]
fn a_rows_note_in_a_table_without_reasons_is_exported() {
    const NOTE: &str = "The current version does not support this type.";
    let spec = media_types_with_notes();
    let document: Value = serde_json::from_str(&export::json(&spec)).unwrap();
    let rows = document["tables"][0]["rows"].as_array().unwrap();
    let notes: Vec<(&Value, &Value)> = rows
        .iter()
        .filter(|row| row["notes"] != json!([]))
        .map(|row| (&row["code"], &row["notes"]))
        .collect();
    assert_eq!(
        notes,
        [(&json!(6), &json!([NOTE])), (&json!(7), &json!([NOTE]))]
    );
    assert!(
        export::markdown(&spec).contains(&format!(
            "| 6 | MEDIA_TYPE_EMAIL | Email call<br>{NOTE} |\n"
        )),
        "{}",
        export::markdown(&spec)
    );
    let db = Connection::open_in_memory().unwrap();
    db.execute_batch(&export::sql(&spec).unwrap()).unwrap();
    let tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let note_table = tables
        .iter()
        .find(|name| name.contains("note"))
        .unwrap_or_else(|| panic!("no note table among {tables:?}"));
    let count: i64 = db
        .query_row(
            &format!("SELECT COUNT(*) FROM {note_table} WHERE note = ?1"),
            params![NOTE],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(count, 2);
}
