//! `codes import DOC [--merge SPEC] [-o FILE]`: a vendor table, as copied
//! from the vendor's page, into a spec.

use std::path::PathBuf;

use codes_tools::import::{self, ImportError, ImportOptions, Imported};
use codes_tools::vendor_doc;

use crate::io::{self, Failure, Status};

/// Arguments of `codes import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The vendor table as copied from its page (paragraph or pipe layout;
    /// `-`: standard input).
    doc: PathBuf,
    /// Merge into this spec, keeping its Rust names, comments and layout.
    #[arg(long, value_name = "SPEC")]
    merge: Option<PathBuf>,
    /// Write the spec to this file (replaced whole, or not at all) instead of stdout.
    #[arg(short, long)]
    out: Option<PathBuf>,
    /// The vendor page identifier of a fresh import (the copied text does not carry it).
    #[arg(long, conflicts_with = "merge")]
    page: Option<String>,
}

/// Imports or merges, printing the spec and, on stderr, what changed.
pub fn run(args: &Args) -> Result<Status, Failure> {
    let doc_name = io::name(&args.doc);
    let table = match vendor_doc::parse(&io::read(&args.doc)?) {
        Ok(table) => table,
        Err(errors) => return Ok(report(&doc_name, &ImportError::Vendor(errors))),
    };
    let imported = match &args.merge {
        Some(spec) => import::merge(&io::name(spec), &io::read(spec)?, &table),
        None => {
            let mut options = ImportOptions::default();
            if let Some(page) = &args.page {
                options.page.clone_from(page);
            }
            import::import(&table, &options)
        }
    };
    match imported {
        Ok(imported) => {
            io::emit(args.out.as_ref(), &imported.toml)?;
            print_summary(&imported);
            Ok(Status::Success)
        }
        Err(error) => Ok(report(&doc_name, &error)),
    }
}

fn print_summary(imported: &Imported) {
    if imported.summary.is_empty() {
        io::say!("no changes");
    }
    for line in &imported.summary {
        io::say!("{line}");
    }
    for line in &imported.review {
        io::say!("review: {line}");
    }
}

/// Prints why nothing was imported; vendor errors as `DOC:LINE: message`.
fn report(doc: &str, error: &ImportError) -> Status {
    match error {
        ImportError::Vendor(errors) => {
            for error in errors {
                io::say!("{doc}:{}: {}", error.line, error.message);
            }
        }
        ImportError::Spec(error) => io::print_diagnostics(error),
        other => io::say!("{other}"),
    }
    io::say!("codes: nothing written");
    Status::Problems
}
