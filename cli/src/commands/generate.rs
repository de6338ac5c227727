//! `codes generate [SPEC] --target rust|sql|json|markdown [-o FILE]`.

use std::path::PathBuf;

use codes_codegen::Options;
use codes_tools::export;

use crate::io::{self, Failure, Loaded, Status};

/// Arguments of `codes generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The spec to generate from.
    #[arg(default_value = "codes.toml")]
    spec: PathBuf,
    /// What to generate.
    #[arg(long, value_enum, default_value_t = Target::Rust)]
    target: Target,
    /// Write to this file (replaced whole, and only if it changed) instead of stdout.
    #[arg(short, long)]
    out: Option<PathBuf>,
}

/// The kinds of output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// Exactly what build.rs generates.
    Rust,
    /// Lookup tables for reporting warehouses (SQLite, PostgreSQL).
    Sql,
    /// The validated model.
    Json,
    /// The table as documentation, like the vendor's page.
    Markdown,
}

/// Generates the chosen output.
pub fn run(args: &Args) -> Result<Status, Failure> {
    let spec = match io::load_spec(&args.spec)? {
        Loaded::Valid(spec) => spec,
        Loaded::Invalid => return Ok(Status::Problems),
    };
    let output = match args.target {
        Target::Rust => codes_codegen::generate_with(&spec, &Options::for_spec(&args.spec)),
        Target::Sql => export::sql(&spec).map_err(|error| Failure(error.to_string()))?,
        Target::Json => export::json(&spec),
        Target::Markdown => export::markdown(&spec),
    };
    io::emit(args.out.as_ref(), &output)?;
    Ok(Status::Success)
}
