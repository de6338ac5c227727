//! Prints the ratio tables of `BENCHMARKS.md` from criterion's saved
//! estimates: `cargo run -p cec-codes-bench --bin report [CRITERION_DIR]`.
//!
//! The directory defaults to `$CARGO_TARGET_DIR/criterion`, else the
//! workspace's `target/criterion`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cec_codes_bench::estimates::{FIGURES, Measured, target_rows};

fn main() -> ExitCode {
    let criterion_dir = std::env::args_os()
        .nth(1)
        .map_or_else(default_criterion_dir, PathBuf::from);
    let measured: Result<Vec<Measured>, _> = FIGURES
        .iter()
        .map(|&figure| Measured::read(&criterion_dir, figure))
        .collect();
    let measured = match measured {
        Ok(measured) => measured,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    for figure in &measured {
        println!("### {}\n\n{}", figure.figure.title, figure.table());
    }
    println!("### Targets\n\n{}", target_rows(&measured));
    ExitCode::SUCCESS
}

fn default_criterion_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"),
        PathBuf::from,
    );
    target.join("criterion")
}
