//! `codes check [SPEC]`: validation diagnostics, exit 1 on any error.

use std::path::PathBuf;

use crate::io::{self, Failure, Loaded, Status};

/// Arguments of `codes check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The spec to check.
    #[arg(default_value = "codes.toml")]
    spec: PathBuf,
}

/// Checks the spec, printing every mistake.
pub fn run(args: &Args) -> Result<Status, Failure> {
    match io::load_spec(&args.spec)? {
        Loaded::Valid(spec) => {
            let rows: usize = spec.tables.iter().map(|table| table.rows.len()).sum();
            eprintln!(
                "{}: ok ({} table(s), {rows} rows)",
                args.spec.display(),
                spec.tables.len()
            );
            Ok(Status::Success)
        }
        Loaded::Invalid => Ok(Status::Problems),
    }
}
