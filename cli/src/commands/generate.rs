//! `codes generate [SPEC] --target rust|sql|json|markdown
//! [--dialect postgres|sqlite|spark] [--doc-cfg] [--record-fields A,B,C]
//! [-o FILE [--check]]`.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use codes_codegen::Options;
use codes_tools::export::{self, Dialect};

use crate::io::{self, Failure, Loaded, Status};

/// Arguments of `codes generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The spec to generate from (`-`: standard input) [default: codes.toml,
    /// or the built-in table where there is none].
    spec: Option<PathBuf>,
    /// What to generate.
    #[arg(long, value_enum, default_value_t = Target::Rust)]
    target: Target,
    /// The SQL dialect of `--target sql` [default: postgres].
    #[arg(long, value_enum)]
    dialect: Option<SqlDialect>,
    /// Write to this file (replaced whole, and only if it changed) instead of
    /// stdout (`-`: stdout).
    #[arg(short, long)]
    out: Option<PathBuf>,
    /// `--target rust`: mark the serde impls for docs.rs with `doc(cfg)`, as
    /// `Config::doc_cfg(true)` in a build script does.
    #[arg(long)]
    doc_cfg: bool,
    /// `--target rust`: the names a decoded record's code, object and reason
    /// serialize as, as `Config::record_fields` in a build script sets them
    /// (cec-codes' build.rs: `op_type,op_object,op_cause`).
    #[arg(long, value_name = "CODE,OBJECT,REASON", value_parser = three_names)]
    record_fields: Option<[String; 3]>,
    /// Write nothing; exit with status 1 when the file given with `-o` is not
    /// what would be written (for CI: is the checked-in output up to date?).
    #[arg(long, requires = "out")]
    check: bool,
}

/// The kinds of output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// Exactly what build.rs generates (with the same `--doc-cfg` and
    /// `--record-fields` as its `Config`).
    Rust,
    /// Lookup tables for reporting warehouses, in the SQL of `--dialect`.
    Sql,
    /// The validated model.
    Json,
    /// The table as documentation, like the vendor's page.
    Markdown,
}

/// The SQL dialects of `--target sql`: the same tables and rows in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SqlDialect {
    /// PostgreSQL: keys and constraints, one transaction; run with
    /// `psql -v ON_ERROR_STOP=1 -f FILE` (UTF-8). Text with a NUL character is
    /// refused.
    Postgres,
    /// SQLite: the PostgreSQL statements; run with `sqlite3 DB < FILE`.
    Sqlite,
    /// Spark SQL 3.0 or later (DLI): Parquet tables without constraints,
    /// backquoted names, backslash escapes, every `;` ending a statement; run
    /// with `spark-sql -f FILE`.
    Spark,
}

impl From<SqlDialect> for Dialect {
    fn from(dialect: SqlDialect) -> Self {
        match dialect {
            SqlDialect::Postgres => Dialect::Postgres,
            SqlDialect::Sqlite => Dialect::Sqlite,
            SqlDialect::Spark => Dialect::Spark,
        }
    }
}

/// The generator's options as a build script's `Config` would set them.
fn rust_options(args: &Args, spec_path: &Path) -> Options {
    let mut options = Options::for_spec(Path::new(&io::name(spec_path)));
    options.doc_cfg = args.doc_cfg;
    if let Some(fields) = &args.record_fields {
        options.record_fields = fields.clone();
    }
    options
}

/// `A,B,C` as three names.
fn three_names(text: &str) -> Result<[String; 3], String> {
    let names: Vec<String> = text.split(',').map(str::to_string).collect();
    <[String; 3]>::try_from(names).map_err(|names| {
        format!(
            "expected three names separated by commas, found {}",
            names.len()
        )
    })
}

/// Generates the chosen output.
pub fn run(args: &Args) -> Result<Status, Failure> {
    let default = Path::new("codes.toml");
    let spec_path = args.spec.as_deref().unwrap_or(default);
    let loaded = match (&args.spec, default.exists()) {
        (None, false) => {
            io::say!(
                "codes: no codes.toml here: generating from the built-in table \
                 (cec-codes {})",
                env!("CARGO_PKG_VERSION")
            );
            io::parse_spec("codes.toml", cec_codes::SPEC)
        }
        _ => io::load_spec(spec_path)?,
    };
    let spec = match loaded {
        Loaded::Valid(spec) => spec,
        Loaded::Invalid => return Ok(Status::Problems),
    };
    if args.dialect.is_some() && args.target != Target::Sql {
        return Err(Failure(
            "--dialect applies to --target sql only".to_string(),
        ));
    }
    let output = match args.target {
        Target::Rust => codes_codegen::generate_with(&spec, &rust_options(args, spec_path)),
        Target::Sql => {
            let dialect = args.dialect.map_or(Dialect::Postgres, Dialect::from);
            export::sql_for(&spec, dialect).map_err(|error| Failure(error.to_string()))?
        }
        Target::Json => export::json(&spec),
        Target::Markdown => export::markdown(&spec),
    };
    match (&args.out, args.check) {
        (Some(out), true) if io::is_stdin(out) => Err(Failure(
            "--check compares a file with what would be written: give -o FILE, not -o -"
                .to_string(),
        )),
        (Some(out), true) => check(args, out, &output),
        (out, _) => io::emit(out.as_ref(), &output).map(|()| Status::Success),
    }
}

/// `--check`: whether `out` holds exactly `output`, said on stderr.
fn check(args: &Args, out: &Path, output: &str) -> Result<Status, Failure> {
    let spec = args.spec.as_deref().unwrap_or(Path::new("codes.toml"));
    let mut what = format!(
        "what {} generates for --target {}",
        io::name(spec),
        value_name(args.target)
    );
    if let Some(dialect) = args.dialect {
        what.push_str(&format!(" --dialect {}", value_name(dialect)));
    }
    let written = match std::fs::read(out) {
        Ok(written) => written,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            io::say!(
                "{}: missing: it should hold {what}; run without --check to write it",
                out.display()
            );
            return Ok(Status::Problems);
        }
        Err(error) => return Err(Failure::io(out, &error)),
    };
    if written == output.as_bytes() {
        io::say!("{}: up to date", out.display());
        Ok(Status::Success)
    } else {
        io::say!(
            "{}: out of date: it differs from {what}; run without --check to update it",
            out.display()
        );
        Ok(Status::Problems)
    }
}

/// How `value` is written on the command line.
fn value_name(value: impl ValueEnum) -> String {
    value
        .to_possible_value()
        .map_or_else(String::new, |value| value.get_name().to_owned())
}
