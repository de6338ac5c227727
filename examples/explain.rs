//! Explains an agent operation from the command line.
//!
//! ```text
//! cargo run --example explain -- OP [REASON] [OBJECT]
//! cargo run --example explain -- 3 4
//! cargo run --example explain -- Rest 12 1001
//! ```
//!
//! `OP` is a vendor code or a Rust name; `REASON` and `OBJECT` are the
//! `op_cause` and `op_object` columns of a bill (default `-1`).

use std::process::ExitCode;

use cec_codes::{Code, Operation, OperationType, ReasonCodes};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(op) = args.first() else {
        eprintln!(
            "usage: explain OP [REASON] [OBJECT]   (OP: a code such as 3, or a name such as Busy)"
        );
        return ExitCode::from(2);
    };
    let code = match op.parse::<i32>() {
        Ok(code) => code,
        Err(_) => match op.parse::<OperationType>() {
            Ok(operation) => operation.code(),
            Err(error) => {
                eprintln!("explain: {op:?}: {error}");
                return ExitCode::from(2);
            }
        },
    };
    let reason = match args.get(1).map(|reason| reason.parse::<i32>()) {
        None => -1,
        Some(Ok(reason)) => reason,
        Some(Err(_)) => {
            eprintln!("explain: reason {:?} is not a number", args[1]);
            return ExitCode::from(2);
        }
    };
    let object = args.get(2).map_or("-1", String::as_str);
    let row = Operation::decode(code, object, reason);
    println!("{row}");
    if let Code::Known(operation) = row.code {
        describe(operation);
    }
    ExitCode::SUCCESS
}

/// What the vendor's table says of the operation.
fn describe(operation: OperationType) {
    println!();
    println!(
        "{} ({}): {}",
        operation.name(),
        operation.code(),
        operation.description()
    );
    match operation.object_kind() {
        Some(kind) => println!("  object: {}", kind.text()),
        None => println!("  object: none (-1)"),
    }
    if operation.reasons().is_empty() {
        println!("  reason: not used (-1)");
    }
    for info in operation.reasons() {
        let codes = match info.codes {
            ReasonCodes::Open {
                default: Some(default),
            } => format!("any (default {default})"),
            codes => codes.to_string(),
        };
        println!(
            "  reason {codes} {}: {}",
            info.name,
            info.description.unwrap_or("(no text)")
        );
    }
    for note in operation.notes() {
        println!("  note: {note}");
    }
}
