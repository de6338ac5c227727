//! Decoding many bill files on every core against one thread: the same
//! `BillFiles::read_parallel` call with one job and with two (or `JOBS`).
//!
//! The input is a set of files as a day of downloads leaves them: eight
//! bill files of 25,000 records and a zip archive of four more members,
//! written to a temporary directory (read from the page cache). Two kinds
//! of work per record, as `codes decode` does them on its threads:
//!
//! - `jsonl`: each record decoded, annotated and serialized as a JSON line
//!   into the part's buffer (`codes decode`'s default output, less the
//!   writing);
//! - `summary`: each record decoded and totalled (`codes decode --summary`).
//!
//! The ratio `jobs_1 ÷ jobs_N` of the medians is the speed-up; the target
//! is 1.8 or more on two cores. Parts are handed on in input order on the
//! calling thread, which writes nothing here, and then used again.

use std::hint::black_box;
use std::io::Write;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use cec_bills::synthetic::SyntheticBills;
use cec_bills::{BillFiles, Item, Summary};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Records per bill file.
const ROWS: u64 = 25_000;

/// Writes the input set into `dir`: its paths and its size in bytes.
fn input_set(dir: &Path) -> (Vec<PathBuf>, u64) {
    let generator = SyntheticBills::new().malformed_every(1000);
    let file = generator.to_bytes(ROWS);
    let mut paths = Vec::new();
    let mut bytes = 0;
    for index in 0..8 {
        let path = dir.join(format!("2023092{index}_agentOprInfo_{index}.csv"));
        std::fs::write(&path, &file).expect("write a bill file");
        bytes += file.len() as u64;
        paths.push(path);
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..4 {
        let name = format!("20230930{index}_agentOprInfo_{index}.csv");
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start a member");
        zip.write_all(&file).expect("write a member");
        bytes += file.len() as u64;
    }
    let archive = zip.finish().expect("finish the archive").into_inner();
    let path = dir.join("download.zip");
    std::fs::write(&path, archive).expect("write the archive");
    paths.push(path);
    (paths, bytes)
}

/// The JSON lines of every record and the problems, put together in order:
/// how many bytes.
fn jsonl(paths: &[PathBuf], jobs: NonZeroUsize) -> usize {
    let mut total = 0;
    BillFiles::new(paths)
        .read_parallel(
            jobs,
            Vec::new,
            |part: &mut Vec<u8>, item| match item {
                Item::Record(record) => {
                    serde_json::to_writer(&mut *part, &record)?;
                    part.push(b'\n');
                    Ok(())
                }
                Item::Problem(error) => writeln!(part, "{error}").map_err(serde_json::Error::io),
                _ => Ok(()),
            },
            |part| {
                total += black_box(&part).len();
                part.clear();
                Ok::<_, serde_json::Error>(())
            },
        )
        .expect("writing to memory cannot fail");
    total
}

/// The summary of every record: how many rows it has.
fn summary(paths: &[PathBuf], jobs: NonZeroUsize) -> usize {
    let mut whole = Summary::new();
    BillFiles::new(paths)
        .read_parallel(
            jobs,
            Summary::new,
            |part: &mut Summary, item| {
                if let Item::Record(record) = item {
                    part.add(record.record());
                }
                Ok::<_, std::convert::Infallible>(())
            },
            |part| {
                whole.merge(std::mem::take(part));
                Ok(())
            },
        )
        .unwrap_or_else(|never| match never {});
    whole.rows().count()
}

fn parallel(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (paths, bytes) = input_set(dir.path());
    let jobs: usize = std::env::var("JOBS")
        .ok()
        .and_then(|jobs| jobs.parse().ok())
        .unwrap_or(2);
    let one = NonZeroUsize::MIN;
    let many = NonZeroUsize::new(jobs).expect("JOBS is at least 1");
    // The work is the same whatever the jobs.
    assert_eq!(jsonl(&paths, one), jsonl(&paths, many));
    assert_eq!(summary(&paths, one), summary(&paths, many));

    let mut group = c.benchmark_group("bills_parallel");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(20);
    for (name, work) in [
        ("jsonl", jsonl as fn(&[PathBuf], NonZeroUsize) -> usize),
        ("summary", summary),
    ] {
        group.bench_function(format!("{name}/jobs_1"), |b| b.iter(|| work(&paths, one)));
        group.bench_function(format!("{name}/jobs_{jobs}"), |b| {
            b.iter(|| work(&paths, many))
        });
    }
    group.finish();
}

criterion_group!(benches, parallel);
criterion_main!(benches);
