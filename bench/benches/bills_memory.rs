//! Peak heap while streaming bill records: 10 thousand against 1 million.
//!
//! A counting global allocator records the peak of live heap bytes. Each
//! run streams a synthetic file through a pipe (a writer thread generates
//! it record by record), so neither side ever holds the file; the reader
//! decodes every record. Reading must not grow with the file: the ratio of
//! the two peaks should be 1. Prints the peaks and their ratio, and fails
//! when the larger run needs more than 5% more heap.

use std::io::{BufWriter, pipe};
use std::process::ExitCode;
use std::thread;

use cec_bills::BillReader;
use cec_bills::synthetic::SyntheticBills;

// The counting allocator of cec-bills' memory tests.
#[path = "../../bills/tests/peak_heap/mod.rs"]
mod peak_heap;

use peak_heap::{Counting, peak_heap};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How records are read.
#[derive(Clone, Copy)]
enum Reading {
    /// `next_ref`, borrowing each record from the reader's buffer.
    Borrowed,
    /// Iterating, one new `Bill` per record.
    Owned,
}

/// Streams `rows` synthetic records through a pipe and decodes them: the
/// peak heap above what was live before, and the records decoded.
fn stream(rows: u64, reading: Reading) -> std::io::Result<(usize, u64)> {
    let (pipe_reader, pipe_writer) = pipe()?;
    let (decoded, peak) = peak_heap(|| {
        thread::scope(|scope| {
            let writer = scope.spawn(move || {
                SyntheticBills::new()
                    .malformed_every(1000)
                    .write(rows, BufWriter::new(pipe_writer))
            });
            let mut decoded = 0u64;
            let mut checksum = 0i64;
            let mut count = |reason: i32, seconds: i64| {
                decoded += 1;
                checksum += i64::from(reason) + seconds;
            };
            match reading {
                Reading::Borrowed => {
                    let mut reader = BillReader::new(pipe_reader);
                    while let Some(result) = reader.next_ref() {
                        if let Ok(record) = result {
                            count(record.operation().reason().code(), record.duration_secs());
                        }
                    }
                }
                Reading::Owned => {
                    for row in BillReader::new(pipe_reader).flatten() {
                        count(
                            row.bill.operation().reason().code(),
                            row.bill.duration_secs(),
                        );
                    }
                }
            }
            std::hint::black_box(checksum);
            writer.join().expect("the writer thread does not panic")?;
            Ok::<_, std::io::Error>(decoded)
        })
    });
    Ok((peak, decoded?))
}

fn main() -> ExitCode {
    let mut flat = true;
    for (reading, name) in [
        (Reading::Borrowed, "next_ref"),
        (Reading::Owned, "owned rows"),
    ] {
        let mut peaks = Vec::new();
        for rows in [10_000, 1_000_000] {
            match stream(rows, reading) {
                Ok((peak, decoded)) => {
                    println!(
                        "{name}: {rows} records ({decoded} good): peak heap {peak} bytes ({:.1} KiB)",
                        peak as f64 / 1024.0
                    );
                    peaks.push(peak);
                }
                Err(error) => {
                    eprintln!("{name}: {rows} records: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
        let ratio = peaks[1] as f64 / peaks[0] as f64;
        println!("{name}: peak heap ratio, 1 million / 10 thousand records: {ratio:.3}");
        flat &= ratio <= 1.05;
    }
    if flat {
        ExitCode::SUCCESS
    } else {
        eprintln!("memory grows with the file: a ratio is over 1.05");
        ExitCode::FAILURE
    }
}
