//! Decoding bill files against a plain `csv` parse of the same bytes.
//!
//! `csv_string_records` is the floor: csv reads every record into a reused
//! `StringRecord` and nothing more. `next_ref` decodes every record as a
//! `BillRef` borrowing the reader's buffer (every column checked: text
//! columns as text, times parsed and validated, codes parsed; then the
//! operation decoded and the duration derived), which is how a hot loop
//! should read; `owned_rows` iterates, copying each record into an owned
//! `Bill`. The target is `next_ref` at the floor's throughput or better
//! (a ratio of 1.0 or more, both measured in the same run).

use std::hint::black_box;

use cec_bills::BillReader;
use cec_bills::synthetic::SyntheticBills;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Enough records that per-file costs vanish (about 8 MB).
const ROWS: u64 = 50_000;

fn decode(c: &mut Criterion) {
    let file = SyntheticBills::new().to_bytes(ROWS);
    let mut group = c.benchmark_group("bills");
    group.throughput(Throughput::Bytes(file.len() as u64));

    group.bench_function("csv_string_records", |b| {
        b.iter(|| {
            let mut reader = csv::Reader::from_reader(black_box(&file[..]));
            let mut record = csv::StringRecord::new();
            let mut fields = 0;
            while reader
                .read_record(&mut record)
                .expect("synthetic data is CSV")
            {
                fields += record.len();
            }
            fields
        })
    });

    group.bench_function("next_ref", |b| {
        b.iter(|| {
            let mut reader = BillReader::new(black_box(&file[..]));
            let mut checksum = 0i64;
            while let Some(result) = reader.next_ref() {
                let bill = result.expect("no malformed records were asked for");
                let operation = bill.operation();
                checksum += i64::from(operation.reason().code()) + bill.duration_secs();
                checksum += operation.object().as_str().len() as i64;
            }
            checksum
        })
    });

    group.bench_function("owned_rows", |b| {
        b.iter(|| {
            let mut checksum = 0i64;
            for row in BillReader::new(black_box(&file[..])) {
                let bill = row.expect("no malformed records were asked for").bill;
                let operation = bill.operation();
                checksum += i64::from(operation.reason().code()) + bill.duration_secs();
                checksum += operation.object().as_str().len() as i64;
            }
            checksum
        })
    });

    group.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
