//! The same answers in real engines: the lookup tables `codes generate
//! --target sql` writes, loaded with `codes decode --raw`'s output of a
//! bill file with malformed records among the good ones (a short row, a
//! bad time) into PostgreSQL, Spark, DuckDB and SQLite and joined as the
//! README's section "At scale" shows, give exactly the rows `codes decode
//! FILE --format csv` gives, and their summary the figures of `codes
//! decode FILE --summary`; and every dialect's script fills every engine's
//! tables with the rows SQLite holds.
//!
//! The commands, the bill tables and the joins are read from the README's
//! blocks marked `<!-- engines: NAME -->`, so that what users are shown is
//! what runs here. When `codes decode` writes a new column, its join in
//! the README gets the same column, and the comparison covers it: the
//! decoder's CSV header is the column list.
//!
//! What the tests need, so that `cargo test` runs them on a machine with
//! PostgreSQL's server and Java installed (`.ci/run` installs both, and
//! PySpark):
//!
//! - PostgreSQL: the server `CEC_CODES_TEST_POSTGRES` names (a connection
//!   string `psql` accepts, `postgresql://postgres@localhost/postgres`),
//!   else a private one this test process starts from the installed
//!   PostgreSQL (`/usr/lib/postgresql/*/bin`), on a Unix socket in a
//!   temporary directory, stopped and removed when the process ends. Each
//!   test works in a schema of its own, dropped afterwards.
//! - Spark: `python3` with PySpark 4.3, installed from PyPI on first use
//!   (`python3 -m pip install pyspark==4.3.0`), and Java 17. One Spark
//!   session runs every Spark assertion (`engines/spark_join.py`): starting
//!   one takes 10 to 20 s.
//!
//! - DuckDB: `python3` with DuckDB 2.0, installed from PyPI on first use
//!   (`python3 -m pip install duckdb==2.0.0`); it runs the PostgreSQL
//!   script and join as they are.
//!
//! Without them the tests fail, saying what is missing.
//! `CEC_CODES_SKIP_ENGINES=1` skips them instead, loudly, for a developer's
//! machine; CI never sets it.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use cec_bills::synthetic::SyntheticBills;
use cec_bills::{Bill, Column};
use codes_codegen::Spec;
use codes_tools::export::{self, Dialect};
use rusqlite::Connection;
use rusqlite::types::Value as SqlValue;
use serde_json::Value;

/// Where the bill file lies in a test's directory, named as the vendor
/// names them; the README's commands load it from there.
const BILL_FILE: &str = "bills/20230927080000000123_agentOprInfo_1.csv";

/// The folder the README's Spark table reads, where its commands write
/// `codes decode --raw`'s output (`agentOprInfo/`); the test names its own
/// by its absolute path instead (Spark takes an absolute path or URL).
const README_SPARK_FOLDER: &str = "'/data/agentOprInfo'";

/// That folder, relative to the README's commands.
const SPARK_FOLDER: &str = "agentOprInfo";

/// The columns of `codes decode` that say where a record was read, which
/// a warehouse's table does not have.
const PLACE_COLUMNS: [&str; 2] = ["file", "line"];

const HOSTILE: &str = include_str!("../../tools/tests/specs/hostile.toml");
const THREE_TABLES: &str = include_str!("../../tools/tests/specs/three_tables.toml");

// --- Skipping, loudly -------------------------------------------------------

/// Whether the developer asked to skip the engine tests. Says so on the
/// process's stderr, which the test harness does not capture.
fn skipped(test: &str) -> bool {
    let skip = std::env::var("CEC_CODES_SKIP_ENGINES").is_ok_and(|value| value == "1");
    if skip {
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED {test}: CEC_CODES_SKIP_ENGINES is set. \
             PostgreSQL and Spark were not asked; CI runs them. ***\n"
        );
    }
    skip
}

/// What to do when an engine is missing, for the failure message.
const HOW_TO_SKIP: &str = "To skip the engine tests on your machine, set \
     CEC_CODES_SKIP_ENGINES=1";

// --- Inputs -----------------------------------------------------------------

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the CLI crate is in the repository")
        .to_path_buf()
}

fn spec(text: &str) -> Spec {
    Spec::from_toml("test.toml", text).unwrap_or_else(|error| panic!("invalid test spec:\n{error}"))
}

fn codes_toml() -> Spec {
    codes_codegen::load(repository().join("codes.toml")).expect("codes.toml is valid")
}

/// The test specs whose every table each engine must hold as SQLite does,
/// beside `codes.toml`'s: hostile text, and tables without reasons.
fn test_specs() -> [(&'static str, Spec); 2] {
    [
        ("hostile", spec(HOSTILE)),
        ("three_tables", spec(THREE_TABLES)),
    ]
}

fn sql_in(spec: &Spec, dialect: Dialect) -> String {
    export::sql_for(spec, dialect)
        .unwrap_or_else(|error| panic!("the spec exports as {}: {error}", dialect.engine()))
}

/// The code block of the README marked `<!-- engines: NAME -->`.
fn readme_block(name: &str) -> String {
    let readme = std::fs::read_to_string(repository().join("README.md")).expect("README.md");
    let marker = format!("<!-- engines: {name} -->");
    let Some(start) = readme.find(&marker) else {
        panic!("README.md has no block marked {marker}")
    };
    let mut lines = readme[start + marker.len()..].lines().skip(1);
    assert!(
        lines.next().is_some_and(|fence| fence.starts_with("```")),
        "a code block follows {marker} in README.md"
    );
    let mut block = String::new();
    for line in lines.by_ref() {
        if line.starts_with("```") {
            return block;
        }
        block.push_str(line);
        block.push('\n');
    }
    panic!("the block after {marker} in README.md does not end")
}

/// A directory of the test's own: `codes.toml`, and a bill file that goes
/// through every case the decoder tells apart.
struct Workspace {
    dir: tempfile::TempDir,
    /// How many records the bill file holds.
    records: usize,
}

impl Workspace {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::copy(
            repository().join("codes.toml"),
            dir.path().join("codes.toml"),
        )
        .expect("copy codes.toml");
        let records = write_bills(&dir.path().join(BILL_FILE));
        Workspace { dir, records }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn write_bytes(&self, name: &str, content: &[u8]) {
        let path = self.path().join(name);
        assert!(
            path.parent().is_some_and(Path::exists),
            "{name}: its folder does not exist (the README makes it first)"
        );
        std::fs::write(path, content).expect("write a file of the test");
    }

    fn write(&self, name: &str, content: &str) {
        std::fs::write(self.path().join(name), content).expect("write a file of the test");
    }

    /// What `codes decode BILL_FILE --format csv` writes, without the
    /// place columns.
    fn decoded(&self) -> Rows {
        let output = run_codes(self.path(), &["decode", BILL_FILE, "--format", "csv"]);
        assert_eq!(
            output.status.code(),
            Some(1),
            "the malformed records are said"
        );
        let rows = Rows::from_csv("codes decode", &output.stdout);
        assert_eq!(
            rows.columns[..2],
            PLACE_COLUMNS,
            "codes decode's first columns"
        );
        assert_eq!(
            rows.rows.len(),
            self.records,
            "codes decode decodes every record"
        );
        Rows {
            columns: rows.columns[2..].to_vec(),
            rows: rows.rows.into_iter().map(|row| row[2..].to_vec()).collect(),
        }
    }

    /// Runs the README's shell commands of `block`: `codes` itself, `psql`
    /// on `postgres`; returns the SQL files `spark-sql -f` (or DuckDB's
    /// `.read`) is given, for the Spark (or DuckDB) session to run.
    fn readme_commands(&self, block: &str, postgres: Option<&Postgres>) -> Vec<String> {
        let mut spark_scripts = Vec::new();
        for line in readme_block(block).lines() {
            let mut words = line.split_whitespace().peekable();
            let mut env = Vec::new();
            while let Some((name, value)) = words.peek().and_then(|word| word.split_once('=')) {
                env.push((name.to_string(), value.to_string()));
                words.next();
            }
            let program = words.next().expect("a command");
            let args: Vec<&str> = words.collect();
            match (program, postgres) {
                ("codes", _) => {
                    assert!(env.is_empty(), "{line}");
                    match args.as_slice() {
                        // The output into a file.
                        [args @ .., ">", file] => {
                            let output = run_codes(self.path(), args);
                            self.write_bytes(file, &output.stdout);
                        }
                        _ => {
                            run_codes(self.path(), &args);
                        }
                    }
                }
                ("mkdir", _) => match args.as_slice() {
                    ["-p", dir] if env.is_empty() => {
                        std::fs::create_dir_all(self.path().join(dir))
                            .expect("make a folder of the test");
                    }
                    _ => panic!("the engine tests cannot run `{line}`"),
                },
                ("psql", Some(postgres)) => {
                    postgres.psql(self.path(), &env, &args, "");
                }
                ("duckdb", None) => match args.as_slice() {
                    [_, "-c", "'.read", file] if env.is_empty() => {
                        spark_scripts.push(file.trim_end_matches('\'').to_string());
                    }
                    _ => panic!("the DuckDB session cannot run `{line}`"),
                },
                ("spark-sql", None) => match args.as_slice() {
                    ["-f", file] if env.is_empty() => spark_scripts.push(file.to_string()),
                    _ => panic!("the Spark session cannot run `{line}`"),
                },
                _ => panic!("the engine tests cannot run `{line}` of README.md"),
            }
        }
        spark_scripts
    }
}

/// The synthetic bill file of `cec-bills`, varied where it has one value
/// only; returns how many records it wrote.
fn write_bills(path: &Path) -> usize {
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("the bill folder");
    let generator = SyntheticBills::new();
    // Three times through every operation type with every listed reason,
    // both ends of each range, open reasons, -1 and 65535, unlisted reasons
    // and unknown operation types.
    let records = generator.cycle_len() * 3;
    // The header line is the vendor's column names, written as such.
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .expect("create the bill file");
    writer
        .write_record(Column::ALL.map(Column::name))
        .expect("write the header");
    for index in 0..records {
        let mut bill = generator.row(index as u64).expect("no malformed records");
        vary(&mut bill, index);
        writer.serialize(&bill).expect("write a record");
        // Malformed records, which an engine loading the file itself would
        // count (a short row padded with NULLs): `--raw` leaves them out.
        if index == records / 3 {
            let short = generator.row(0).expect("a record");
            let mut fields = csv_fields(&short);
            fields.truncate(fields.len() - 3);
            writer.write_record(&fields).expect("write a short record");
        }
        if index == records * 2 / 3 {
            let mut fields = csv_fields(&generator.row(1).expect("a record"));
            let end_time = Column::ALL
                .iter()
                .position(|column| column.name() == "end_time")
                .expect("an end_time column");
            fields[end_time] = "2023-13-27 08:06:00".to_string();
            writer
                .write_record(&fields)
                .expect("write a record with a bad time");
        }
    }
    writer.flush().expect("write the bill file");
    records
}

/// How many malformed records [`write_bills`] writes among the good ones.
const MALFORMED: usize = 2;

/// The fields of `bill` as its CSV line gives them.
fn csv_fields(bill: &Bill) -> Vec<String> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    writer.serialize(bill).expect("serialize a record");
    let line = writer.into_inner().expect("a CSV line");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line.as_slice());
    let record = reader
        .records()
        .next()
        .expect("a record")
        .expect("its fields");
    record.iter().map(str::to_string).collect()
}

/// What the synthetic generator does not vary: text call directions (and
/// one the table does not list), objects that are markers where the
/// operation names a kind, records that end before they begin, and text
/// with backslashes, quotes, Chinese and emoji.
fn vary(bill: &mut Bill, index: usize) {
    const DIRECTIONS: [&str; 7] = ["呼入", "呼出", "IVR呼出", "outbound呼出", "转接", "-1", ""];
    bill.call_in_out = DIRECTIONS[index % DIRECTIONS.len()].to_string();
    if index % 5 == 4 {
        bill.op_object = ["-1", "65535"][index / 5 % 2].to_string();
    }
    if index % 13 == 12 {
        std::mem::swap(&mut bill.begin_time, &mut bill.end_time);
    }
    if index % 17 == 16 {
        bill.phone_no = r#"C:\calls\"1001", 中文 🦀 \n"#.to_string();
    }
}

// --- Running things ---------------------------------------------------------

fn output(command: &mut Command, what: &str, stdin: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot run {what}: {error}"));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .unwrap_or_else(|error| panic!("cannot write to {what}: {error}"));
    child
        .wait_with_output()
        .unwrap_or_else(|error| panic!("{what}: {error}"))
}

/// `codes ARGS` in `dir`, which must succeed.
fn run_codes(dir: &Path, args: &[&str]) -> Output {
    let output = output(
        Command::new(env!("CARGO_BIN_EXE_codes"))
            .args(args)
            .current_dir(dir),
        "codes",
        "",
    );
    // The bill file's malformed records make `codes decode` exit 1, having
    // said how many there are; anything else is a failure.
    let stderr = String::from_utf8_lossy(&output.stderr);
    let malformed = format!(", {MALFORMED} malformed,");
    let decoded_with_malformed = args.first() == Some(&"decode")
        && output.status.code() == Some(1)
        && stderr.contains(&malformed);
    assert!(
        output.status.success() || decoded_with_malformed,
        "codes {} failed:\n{stderr}",
        args.join(" "),
    );
    output
}

// --- Comparing answers ------------------------------------------------------

/// Rows of text as a CSV file holds them: an empty field for `NULL`.
#[derive(Debug, PartialEq, Eq)]
struct Rows {
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Rows {
    fn from_csv(what: &str, csv: &[u8]) -> Self {
        let mut reader = csv::Reader::from_reader(csv);
        let columns = reader
            .headers()
            .unwrap_or_else(|error| panic!("{what}: {error}"))
            .iter()
            .map(str::to_string)
            .collect();
        let rows = reader
            .records()
            .map(|record| {
                let record = record.unwrap_or_else(|error| panic!("{what}: {error}"));
                record.iter().map(str::to_string).collect()
            })
            .collect();
        Rows { columns, rows }
    }

    /// A query result of the Spark session, values as CSV writes them.
    fn from_spark(result: &Value) -> Self {
        let text = |value: &Value| match value {
            Value::Null => String::new(),
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        Rows {
            columns: strings(&result["columns"]),
            rows: array(&result["rows"])
                .iter()
                .map(|row| array(row).iter().map(text).collect())
                .collect(),
        }
    }
}

/// Asserts that `engine`'s join gave the rows of `codes decode`, in any
/// order; on a difference, says which record and column differ.
fn assert_same_answers(engine: &str, decoded: &Rows, joined: &Rows) {
    let lower = |columns: &[String]| -> Vec<String> {
        columns.iter().map(|name| name.to_lowercase()).collect()
    };
    // PostgreSQL folds unquoted names to lower case (callin_out).
    assert!(
        lower(&joined.columns) == lower(&decoded.columns),
        "the {engine} join of README.md gives the columns\n  {:?}\nbut codes decode writes\n  {:?}\n\
         Extend the join (README.md, section \"At scale\") to give what codes decode gives.",
        joined.columns,
        decoded.columns
    );
    let sorted = |rows: &[Vec<String>]| {
        let mut rows = rows.to_vec();
        rows.sort();
        rows
    };
    let (expected, actual) = (sorted(&decoded.rows), sorted(&joined.rows));
    for (want, got) in expected.iter().zip(&actual) {
        if want != got {
            let differences: Vec<String> = decoded
                .columns
                .iter()
                .zip(want.iter().zip(got))
                .filter(|(_, (want, got))| want != got)
                .map(|(column, (want, got))| {
                    format!("  {column}: decode {want:?}, {engine} {got:?}")
                })
                .collect();
            panic!(
                "the {engine} join differs from codes decode at record id {}:\n{}",
                want[0],
                differences.join("\n")
            );
        }
    }
    assert_eq!(
        actual.len(),
        expected.len(),
        "the {engine} join gives {} rows, codes decode {}",
        actual.len(),
        expected.len()
    );
}

/// The summary `codes decode --summary` gives, as SQL over `join` (the
/// README's join of an engine, whose `duration_s` is the engine's own):
/// per operation type, reason, media type and agent, the count and total
/// duration (a record that ends before it begins counted, its duration
/// not), keyed as `codes decode` keys them; `text` is the engine's name of
/// the text type (`TEXT`, Spark's `STRING`).
fn summary_query(join: &str, text: &str) -> String {
    let join = join.trim_end().trim_end_matches(';');
    [
        ("operation", format!("CAST(op_type AS {text})"), "op_type"),
        (
            "reason",
            format!("CAST(op_type AS {text}) || '/' || CAST(op_cause AS {text})"),
            "op_type, op_cause",
        ),
        ("media-type", "media_type".to_string(), "media_type"),
        ("agent", "agent_id".to_string(), "agent_id"),
    ]
    .map(|(group, key, by)| {
        format!(
            "SELECT '{group}' AS summary_group, {key} AS summary_key, COUNT(*) AS records, \
             SUM(CASE WHEN duration_s > 0 THEN duration_s ELSE 0 END) AS seconds \
             FROM ({join}) joined GROUP BY {by}"
        )
    })
    .join("\nUNION ALL\n")
}

/// What `codes decode --summary --format csv` gives: (group, key, count,
/// total seconds), sorted.
fn decoded_summary(workspace: &Workspace) -> Vec<Vec<String>> {
    let output = run_codes(
        workspace.path(),
        &["decode", BILL_FILE, "--summary", "--format", "csv"],
    );
    let rows = Rows::from_csv("codes decode --summary", &output.stdout);
    assert_eq!(
        rows.columns,
        ["group", "key", "name", "count", "total_duration_s"]
    );
    let mut rows: Vec<Vec<String>> = rows
        .rows
        .into_iter()
        .map(|row| {
            vec![
                row[0].clone(),
                row[1].clone(),
                row[3].clone(),
                row[4].clone(),
            ]
        })
        .collect();
    rows.sort();
    rows
}

/// Asserts that `engine`'s summary (from [`summary_query`]) gives the
/// figures of `codes decode --summary`.
fn assert_same_summary(engine: &str, workspace: &Workspace, summary: &Rows) {
    let mut rows = summary.rows.clone();
    rows.sort();
    assert_eq!(
        rows,
        decoded_summary(workspace),
        "the {engine} summary differs from codes decode --summary"
    );
}

/// Every table of a script, by name: its columns and rows (sorted, as an
/// engine gives them in any order), values as JSON.
type Tables = BTreeMap<String, Table>;

#[derive(Debug, PartialEq)]
struct Table {
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

impl Table {
    fn new(columns: Vec<String>, mut rows: Vec<Vec<Value>>) -> Self {
        rows.sort_by_cached_key(|row| Value::Array(row.clone()).to_string());
        Table { columns, rows }
    }
}

/// What SQLite holds after running `script`: the reference.
fn sqlite_tables(script: &str) -> Tables {
    let db = Connection::open_in_memory().expect("SQLite");
    db.execute_batch(script).expect("the script runs in SQLite");
    let mut names = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .expect("the tables");
    let names: Vec<String> = names
        .query_map([], |row| row.get(0))
        .expect("the tables")
        .collect::<Result<_, _>>()
        .expect("the tables");
    names
        .into_iter()
        .map(|name| {
            let mut statement = db
                .prepare(&format!("SELECT * FROM \"{name}\""))
                .expect("a table");
            let columns: Vec<String> = statement
                .column_names()
                .into_iter()
                .map(str::to_string)
                .collect();
            let rows = statement
                .query_map([], |row| {
                    (0..columns.len())
                        .map(|index| {
                            Ok(match row.get::<_, SqlValue>(index)? {
                                SqlValue::Null => Value::Null,
                                SqlValue::Integer(integer) => integer.into(),
                                SqlValue::Text(text) => text.into(),
                                other => panic!("{name}: unexpected value {other:?}"),
                            })
                        })
                        .collect::<Result<Vec<_>, _>>()
                })
                .expect("the rows")
                .collect::<Result<Vec<_>, _>>()
                .expect("the rows");
            (name, Table::new(columns, rows))
        })
        .collect()
}

fn assert_same_tables(engine: &str, spec: &str, expected: &Tables, actual: &Tables) {
    for (name, table) in expected {
        let Some(found) = actual.get(name) else {
            panic!("{engine} has no table {name} after the script of {spec}")
        };
        assert_eq!(
            found.columns, table.columns,
            "{engine}: {spec}, table {name}"
        );
        for (want, got) in table.rows.iter().zip(&found.rows) {
            assert_eq!(got, want, "{engine}: {spec}, a row of table {name}");
        }
        assert_eq!(
            found.rows.len(),
            table.rows.len(),
            "{engine}: {spec}, the rows of table {name}"
        );
    }
}

fn array(value: &Value) -> &Vec<Value> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("an array: {value}"))
}

fn strings(value: &Value) -> Vec<String> {
    array(value)
        .iter()
        .map(|name| name.as_str().expect("a name").to_string())
        .collect()
}

// --- PostgreSQL -------------------------------------------------------------

/// A schema of the test's own in the database `CEC_CODES_TEST_POSTGRES`
/// names, dropped when the test ends.
struct Postgres {
    database: String,
    schema: String,
}

impl Postgres {
    /// Connects to the server `CEC_CODES_TEST_POSTGRES` names, else to a
    /// private one, or fails saying what is missing.
    fn connect(test: &str) -> Postgres {
        let database = match std::env::var("CEC_CODES_TEST_POSTGRES") {
            Ok(database) => database,
            Err(_) => private_server().clone().unwrap_or_else(|why| {
                panic!(
                    "PostgreSQL is missing: {why}. Install it (PostgreSQL 15: apt-get install \
                     postgresql), or set CEC_CODES_TEST_POSTGRES to a connection string psql \
                     accepts, such as `postgresql://postgres@localhost/postgres`. {HOW_TO_SKIP}."
                )
            }),
        };
        let postgres = Postgres {
            database,
            schema: format!("cec_codes_{test}_{}", std::process::id()),
        };
        postgres.run(&format!(
            "DROP SCHEMA IF EXISTS {0} CASCADE; CREATE SCHEMA {0};",
            postgres.schema
        ));
        postgres
    }

    /// `psql ARGS` in `dir` with `env`, on the test's schema, given
    /// `stdin`; returns its output.
    fn psql(&self, dir: &Path, env: &[(String, String)], args: &[&str], stdin: &str) -> String {
        let mut command = Command::new("psql");
        command
            .arg("-X")
            .args(args)
            .arg("-d")
            .arg(&self.database)
            .current_dir(dir)
            .env("PGOPTIONS", format!("-c search_path={}", self.schema))
            .envs(env.iter().map(|(name, value)| (name, value)));
        let output = output(
            &mut command,
            "psql (apt-get install postgresql-client)",
            stdin,
        );
        assert!(
            output.status.success(),
            "psql {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("UTF-8 from psql")
    }

    /// Runs `script` as psql does a file, UTF-8, stopping at an error.
    fn run(&self, script: &str) -> String {
        let utf8 = [("PGCLIENTENCODING".to_string(), "UTF8".to_string())];
        let args = ["-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-f", "-"];
        self.psql(Path::new("."), &utf8, &args, script)
    }

    /// Every table of `like` as PostgreSQL holds it, its columns in the
    /// order of `like`'s.
    fn tables(&self, like: &Tables) -> Tables {
        like.iter()
            .map(|(name, reference)| {
                let json = self.run(&format!(
                    "SELECT coalesce(json_agg(t), '[]') FROM \"{name}\" t;"
                ));
                let rows: Value = serde_json::from_str(&json).expect("JSON from PostgreSQL");
                let rows = array(&rows)
                    .iter()
                    .map(|row| {
                        let row = row.as_object().expect("a row object");
                        assert_eq!(row.len(), reference.columns.len(), "columns of {name}");
                        let value = |column: &String| {
                            row.get(column)
                                .unwrap_or_else(|| panic!("{name} has no column {column}"))
                                .clone()
                        };
                        reference.columns.iter().map(value).collect()
                    })
                    .collect();
                (name.clone(), Table::new(reference.columns.clone(), rows))
            })
            .collect()
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        // Best effort: a failing test must not hide its own failure.
        let _ = Command::new("psql")
            .args(["-X", "-q", "-c"])
            .arg(format!("DROP SCHEMA IF EXISTS {} CASCADE;", self.schema))
            .arg("-d")
            .arg(&self.database)
            .output();
    }
}

/// A private PostgreSQL server for this test process, started once: the
/// newest installed PostgreSQL, a cluster in a temporary directory, the
/// server on a Unix socket there only (so no port is taken from anyone),
/// and beside it a watcher that stops the server and removes the directory
/// once this process has ended. Gives the connection string, or why there
/// is none.
fn private_server() -> &'static Result<String, String> {
    static SERVER: OnceLock<Result<String, String>> = OnceLock::new();
    SERVER.get_or_init(|| {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .map_err(|_| "no PostgreSQL server in /usr/lib/postgresql".to_string())?
            .filter_map(|entry| entry.ok())
            .filter_map(|entry| {
                let version: u32 = entry.file_name().to_str()?.parse().ok()?;
                let bin = entry.path().join("bin");
                bin.join("initdb").exists().then_some((version, bin))
            })
            .max()
            .map(|(_, bin)| bin)
            .ok_or("no PostgreSQL server (initdb) in /usr/lib/postgresql/*/bin")?;
        let dir = std::env::temp_dir().join(format!("cec-codes-postgres-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|error| format!("{}: {error}", dir.display()))?;
        // The server refuses to run as root: as root, it runs as postgres.
        let as_root = output(Command::new("id").arg("-u"), "id", "").stdout == b"0\n";
        if as_root {
            std::os::unix::fs::chown(&dir, postgres_uid(), None)
                .map_err(|error| format!("cannot give {} to postgres: {error}", dir.display()))?;
        }
        let shell = |script: String| {
            let mut command = match as_root {
                true => {
                    let mut su = Command::new("su");
                    su.args(["postgres", "-s", "/bin/sh", "-c", &script]);
                    su
                }
                false => {
                    let mut sh = Command::new("sh");
                    sh.args(["-c", &script]);
                    sh
                }
            };
            command
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            command.status()
        };
        let (bin, dir_text) = (bin.display(), dir.display());
        let initdb = format!(
            "'{bin}/initdb' -D '{dir_text}/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
             >'{dir_text}/initdb.log' 2>&1"
        );
        if !shell(initdb).is_ok_and(|status| status.success()) {
            let log = std::fs::read_to_string(dir.join("initdb.log")).unwrap_or_default();
            return Err(format!("initdb failed: {}", log.trim()));
        }
        // The watcher polls for this process; `kill -0` would be refused
        // across users, /proc is not.
        let serve = format!(
            "setsid sh -c \"'{bin}/postgres' -D '{dir_text}/data' -p 5432 -k '{dir_text}' \
             -c listen_addresses='' >'{dir_text}/server.log' 2>&1 & server=\\$!; \
             while [ -d /proc/{pid} ]; do sleep 1; done; \
             kill -INT \\$server; wait \\$server; rm -rf '{dir_text}'\" &",
            pid = std::process::id()
        );
        shell(serve).map_err(|error| format!("cannot start postgres: {error}"))?;
        let database = format!("host={dir_text} port=5432 user=postgres dbname=postgres");
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(30) {
            let ready = Command::new(format!("{bin}/pg_isready"))
                .args(["-q", "-d", &database])
                .status();
            if ready.is_ok_and(|status| status.success()) {
                return Ok(database);
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
        Err(format!(
            "the private server did not start in 30 s: {}",
            log.trim()
        ))
    })
}

/// The user ID of `postgres`, the user the server runs as under root.
fn postgres_uid() -> Option<u32> {
    let output = Command::new("id").args(["-u", "postgres"]).output().ok()?;
    String::from_utf8(output.stdout).ok()?.trim().parse().ok()
}

#[test]
fn postgres_join_answers_as_codes_decode() {
    if skipped("postgres_join_answers_as_codes_decode") {
        return;
    }
    let postgres = Postgres::connect("join");
    let workspace = Workspace::new();
    // Twice: running the script again replaces the tables.
    for _ in 0..2 {
        workspace.readme_commands("postgres-commands", Some(&postgres));
    }
    let load = readme_block("postgres-load");
    postgres.psql(
        workspace.path(),
        &[],
        &["-q", "-v", "ON_ERROR_STOP=1", "-f", "-"],
        &load,
    );
    let join = readme_block("postgres-join");
    let copy = format!(
        "COPY ({}) TO STDOUT WITH (FORMAT csv, HEADER true);",
        join.trim_end().trim_end_matches(';')
    );
    let csv = postgres.run(&copy);
    let joined = Rows::from_csv("the PostgreSQL join", csv.as_bytes());
    assert_same_answers("PostgreSQL", &workspace.decoded(), &joined);
    let copy = format!(
        "COPY ({}) TO STDOUT WITH (FORMAT csv, HEADER true);",
        summary_query(&join, "TEXT")
    );
    let summary = Rows::from_csv("the PostgreSQL summary", postgres.run(&copy).as_bytes());
    assert_same_summary("PostgreSQL", &workspace, &summary);
}

#[test]
fn postgres_holds_every_table_as_sqlite_does() {
    if skipped("postgres_holds_every_table_as_sqlite_does") {
        return;
    }
    let postgres = Postgres::connect("tables");
    let specs = [("codes.toml", codes_toml())]
        .into_iter()
        .chain(test_specs());
    for (name, spec) in specs {
        let reference = sqlite_tables(&sql_in(&spec, Dialect::Sqlite));
        let script = sql_in(&spec, Dialect::Postgres);
        postgres.run(&script);
        postgres.run(&script);
        assert_same_tables("PostgreSQL", name, &reference, &postgres.tables(&reference));
    }
    let version = postgres.run("SHOW server_version;");
    let _ = writeln!(std::io::stderr(), "PostgreSQL {}", version.trim());
}

// --- SQLite -----------------------------------------------------------------

/// Runs the README's SQLite load, as the `sqlite3` shell would: `.read
/// FILE` runs a script, `.import --csv --skip 1 FILE TABLE` inserts the
/// rows of a CSV file after its header line, as text (the columns'
/// affinity makes integers of `op_type` and `op_cause`), anything else is
/// SQL.
fn sqlite_load(workspace: &Workspace, db: &Connection, load: &str) {
    let mut sql = String::new();
    for line in load.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [".read", file] => {
                let script = std::fs::read_to_string(workspace.path().join(file))
                    .unwrap_or_else(|error| panic!("{file}: {error}"));
                db.execute_batch(&script)
                    .expect("the script runs in SQLite");
            }
            [".import", "--csv", "--skip", "1", file, table] => {
                db.execute_batch(&sql)
                    .expect("the README's SQL runs in SQLite");
                sql.clear();
                let mut reader = csv::Reader::from_path(workspace.path().join(file))
                    .unwrap_or_else(|error| panic!("{file}: {error}"));
                for record in reader.records() {
                    let record = record.expect("a CSV record");
                    let marks = vec!["?"; record.len()].join(", ");
                    db.execute(
                        &format!("INSERT INTO {table} VALUES ({marks})"),
                        rusqlite::params_from_iter(record.iter()),
                    )
                    .expect("a row inserted");
                }
            }
            [dot, ..] if dot.starts_with('.') => panic!("the test cannot run `{line}`"),
            _ => {
                sql.push_str(line);
                sql.push('\n');
            }
        }
    }
    db.execute_batch(&sql)
        .expect("the README's SQL runs in SQLite");
}

/// What `query` gives in SQLite, values as CSV writes them (`NULL` empty).
fn sqlite_rows(db: &Connection, query: &str) -> Rows {
    let mut statement = db.prepare(query).expect("the join runs in SQLite");
    let columns: Vec<String> = statement
        .column_names()
        .into_iter()
        .map(str::to_string)
        .collect();
    let count = columns.len();
    let rows = statement
        .query_map([], |row| {
            (0..count)
                .map(|index| {
                    Ok(match row.get::<_, SqlValue>(index)? {
                        SqlValue::Null => String::new(),
                        SqlValue::Integer(integer) => integer.to_string(),
                        SqlValue::Real(real) => real.to_string(),
                        SqlValue::Text(text) => text,
                        SqlValue::Blob(_) => panic!("a blob in the join"),
                    })
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .expect("the join runs in SQLite")
        .collect::<Result<Vec<_>, _>>()
        .expect("the join's rows");
    Rows { columns, rows }
}

#[test]
fn sqlite_join_of_the_raw_output_answers_as_codes_decode() {
    if skipped("sqlite_join_of_the_raw_output_answers_as_codes_decode") {
        return;
    }
    let workspace = Workspace::new();
    workspace.readme_commands("sqlite-commands", None);
    let db = Connection::open_in_memory().expect("SQLite");
    sqlite_load(&workspace, &db, &readme_block("sqlite-load"));
    let join = readme_block("sqlite-join");
    let joined = sqlite_rows(&db, join.trim_end().trim_end_matches(';'));
    assert_same_answers("SQLite", &workspace.decoded(), &joined);
    let summary = sqlite_rows(&db, &summary_query(&join, "TEXT"));
    assert_same_summary("SQLite", &workspace, &summary);
}

// --- DuckDB -----------------------------------------------------------------

/// The DuckDB the DuckDB test runs on (its Python package), installed from
/// PyPI if missing.
const DUCKDB: &str = "duckdb==2.0.0";

/// Runs `python3` with `script` on its standard input and `args`, in
/// `dir`.
fn python(dir: &Path, script: &str, args: &[&str]) -> Output {
    output(
        Command::new("python3").arg("-").args(args).current_dir(dir),
        "python3",
        script,
    )
}

/// Fails unless `python3` can import DuckDB: installed here if it was not.
fn require_duckdb() {
    let has_duckdb = || python(Path::new("."), "import duckdb\n", &[]);
    if !has_duckdb().status.success() {
        let _ = writeln!(
            std::io::stderr(),
            "engines: DuckDB is missing; installing {DUCKDB} from PyPI"
        );
        let _ = Command::new("python3")
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                DUCKDB,
            ])
            .env("PIP_ROOT_USER_ACTION", "ignore")
            .status();
    }
    let output = has_duckdb();
    assert!(
        output.status.success(),
        "engines: python3 cannot import duckdb (python3 -m pip install {DUCKDB}): {}\n{HOW_TO_SKIP}",
        String::from_utf8_lossy(&output.stderr)
            .lines()
            .last()
            .unwrap_or_default()
    );
}

/// Runs the SQL files `scripts` in one DuckDB session, in `dir`, then
/// writes what `query` gives to `joined.csv` (`NULL` as an empty field) and
/// returns it.
fn duckdb_rows(dir: &Path, scripts: &[String], query: &str) -> Rows {
    std::fs::write(
        dir.join("query.sql"),
        format!(
            "COPY ({}) TO 'joined.csv' (FORMAT csv, HEADER true);",
            query.trim_end().trim_end_matches(';')
        ),
    )
    .expect("write the query");
    let mut args: Vec<&str> = scripts.iter().map(String::as_str).collect();
    args.push("query.sql");
    let output = python(
        dir,
        "import sys, duckdb\n\
         connection = duckdb.connect()\n\
         for script in sys.argv[1:]:\n    connection.execute(open(script, encoding='utf-8').read())\n\
         print(duckdb.__version__)\n",
        &args,
    );
    assert!(
        output.status.success(),
        "DuckDB failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = writeln!(
        std::io::stderr(),
        "DuckDB {}",
        String::from_utf8_lossy(&output.stdout).trim()
    );
    let csv = std::fs::read(dir.join("joined.csv")).expect("DuckDB wrote joined.csv");
    Rows::from_csv("the DuckDB join", &csv)
}

#[test]
fn duckdb_join_answers_as_codes_decode() {
    if skipped("duckdb_join_answers_as_codes_decode") {
        return;
    }
    require_duckdb();
    let workspace = Workspace::new();
    let mut scripts = workspace.readme_commands("duckdb-commands", None);
    workspace.write("load.sql", &readme_block("duckdb-load"));
    scripts.push("load.sql".to_string());
    // The PostgreSQL join, as it is.
    let join = readme_block("postgres-join");
    let joined = duckdb_rows(workspace.path(), &scripts, &join);
    assert_same_answers("DuckDB", &workspace.decoded(), &joined);
    let summary = duckdb_rows(workspace.path(), &scripts, &summary_query(&join, "TEXT"));
    assert_same_summary("DuckDB", &workspace, &summary);
}

// --- Spark ------------------------------------------------------------------

/// The PySpark the Spark test runs on, installed from PyPI if missing.
const PYSPARK: &str = "pyspark==4.3.0";

/// Fails unless `python3` can start Spark: PySpark installed (here, if it
/// was not), Java there.
fn require_spark() {
    let missing = |what: &str| -> ! {
        panic!(
            "{what}: the Spark engine test needs python3 with PySpark \
             (python3 -m pip install pyspark==4.3.0) and Java 17 \
             (apt-get install openjdk-17-jre-headless). {HOW_TO_SKIP}."
        )
    };
    let has_pyspark = || {
        Command::new("python3")
            .args(["-c", "import pyspark"])
            .output()
    };
    if has_pyspark().is_ok_and(|output| !output.status.success()) {
        // Said on the process's stderr, which the harness does not capture:
        // a first run waits a minute or two for it.
        let _ = writeln!(
            std::io::stderr(),
            "engines: PySpark is missing; installing {PYSPARK} from PyPI"
        );
        let _ = Command::new("python3")
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .arg(PYSPARK)
            .env("PIP_ROOT_USER_ACTION", "ignore")
            .status();
    }
    match has_pyspark() {
        Ok(output) if output.status.success() => {}
        Ok(output) => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            // The last line of Python's traceback: No module named 'pyspark'.
            let error = stderr.lines().last().unwrap_or_default();
            missing(&format!("PySpark is missing ({error})"))
        }
        Err(error) => missing(&format!("python3 is missing ({error})")),
    }
    match Command::new("java").arg("-version").output() {
        Ok(output) if output.status.success() => {}
        _ => missing("Java is missing"),
    }
}

/// Every Spark assertion, in one Spark session: the README's commands, the
/// bill table and the join against `codes decode`; each spec's script
/// against SQLite's tables; a NUL character, which only Spark can hold.
#[test]
fn spark_answers_as_codes_decode_and_sqlite() {
    if skipped("spark_answers_as_codes_decode_and_sqlite") {
        return;
    }
    require_spark();
    let workspace = Workspace::new();
    let mut plan = SparkPlan::default();
    // codes.toml as the README goes: the script (twice: running it again
    // replaces the tables), its tables, then the bills and the join.
    let scripts = workspace.readme_commands("spark-commands", None);
    assert_eq!(scripts, ["codes.spark.sql"], "the README's Spark script");
    plan.script(&scripts[0]);
    plan.script(&scripts[0]);
    plan.tables("codes.toml", &codes_toml());
    let load = readme_block("spark-load");
    assert!(load.contains(README_SPARK_FOLDER), "{load}");
    let folder = workspace.path().join(SPARK_FOLDER);
    let folder = folder.display();
    plan.sql(&load.replace(README_SPARK_FOLDER, &format!("'{folder}'")));
    let join = readme_block("spark-join");
    plan.query("join", &join);
    plan.query("summary", &summary_query(&join, "STRING"));
    // Each test spec's script, written here, then its tables.
    for (name, spec) in test_specs() {
        let file = format!("{name}.spark.sql");
        workspace.write(&file, &sql_in(&spec, Dialect::Spark));
        plan.script(&file);
        plan.tables(name, &spec);
    }
    // A NUL character, which only Spark's script holds.
    let nul = spec(&HOSTILE.replace("Third\\tcolumn", "Third\\u0000column"));
    workspace.write("nul.spark.sql", &sql_in(&nul, Dialect::Spark));
    plan.script("nul.spark.sql");
    plan.query("nul", "SELECT description FROM `order` WHERE code = -5");

    let results = run_spark(&workspace, &plan.steps);
    let _ = writeln!(std::io::stderr(), "Spark {}", results["spark_version"]);
    let results = &results["results"];
    assert_same_answers(
        "Spark",
        &workspace.decoded(),
        &Rows::from_spark(&results["join"]),
    );
    assert_same_summary("Spark", &workspace, &Rows::from_spark(&results["summary"]));
    for (name, reference) in &plan.references {
        let tables = results[name]
            .as_object()
            .unwrap_or_else(|| panic!("the tables of {name}"))
            .iter()
            .map(|(table, dump)| {
                let rows = array(&dump["rows"]).iter().map(|row| array(row).clone());
                let table_rows = Table::new(strings(&dump["columns"]), rows.collect());
                (table.clone(), table_rows)
            })
            .collect();
        assert_same_tables("Spark", name, reference, &tables);
    }
    assert_eq!(
        results["nul"]["rows"],
        serde_json::json!([["It's ''doubled'' and \\' escaped?\nSecond line\r\nThird\0column"]])
    );
}

/// The steps for `engines/spark_join.py`, and the SQLite tables each
/// spec's dump must equal.
#[derive(Default)]
struct SparkPlan {
    steps: Vec<Value>,
    references: Vec<(String, Tables)>,
}

impl SparkPlan {
    /// Run every statement of the SQL file `file` of the workspace.
    fn script(&mut self, file: &str) {
        self.steps.push(serde_json::json!({ "script": file }));
    }

    /// Run every statement of `text`.
    fn sql(&mut self, text: &str) {
        self.steps.push(serde_json::json!({ "sql": text }));
    }

    /// Run `query`, its rows the result `name`.
    fn query(&mut self, name: &str, query: &str) {
        self.steps
            .push(serde_json::json!({ "query": query, "name": name }));
    }

    /// Dump every table `spec`'s script makes, as result `name`, to be
    /// compared with SQLite's.
    fn tables(&mut self, name: &str, spec: &Spec) {
        let reference = sqlite_tables(&sql_in(spec, Dialect::Sqlite));
        let tables: Vec<&String> = reference.keys().collect();
        self.steps
            .push(serde_json::json!({ "dump": tables, "name": name }));
        self.references.push((name.to_string(), reference));
    }
}

/// Runs `plan` in one Spark session in the workspace; its results.
fn run_spark(workspace: &Workspace, plan: &[Value]) -> Value {
    let plan_file = workspace.path().join("plan.json");
    let results_file = workspace.path().join("results.json");
    std::fs::write(&plan_file, serde_json::to_vec(plan).expect("JSON")).expect("write the plan");
    let script = repository().join("cli/tests/engines/spark_join.py");
    let output = output(
        Command::new("python3")
            .arg(&script)
            .arg(&plan_file)
            .arg(&results_file)
            .current_dir(workspace.path()),
        "python3",
        "",
    );
    assert!(
        output.status.success(),
        "the Spark session failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let results = std::fs::read(&results_file).expect("the Spark session's results");
    serde_json::from_slice(&results).expect("JSON results")
}
