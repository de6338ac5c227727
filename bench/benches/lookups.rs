//! cec-codes' lookups against what a user would write instead, over a
//! bill-like mix (see `cec_codes_bench::mix`). One criterion group per
//! figure of `BENCHMARKS.md`; `cargo run -p cec-codes-bench --bin report`
//! turns the saved estimates into the ratio tables.
//!
//! Every benchmark walks the whole mix and passes each answer through
//! `black_box`, so all of them do the same, observable work.
//!
//! Time is the benchmark thread's CPU time, not the wall clock: on a machine
//! shared with other work, time spent descheduled would otherwise land in
//! whichever benchmark happened to run then and skew the ratios.

use std::hint::black_box;
use std::str::FromStr;
use std::time::Duration;

use cec_codes_bench::{alternatives, mix};
use cpu_time::ThreadTime;
use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use num_enum::TryFromPrimitive;

/// The CPU time of the benchmark thread, shown as criterion shows time.
struct ThreadCpuTime;

impl Measurement for ThreadCpuTime {
    type Intermediate = ThreadTime;
    type Value = Duration;

    fn start(&self) -> ThreadTime {
        ThreadTime::now()
    }

    fn end(&self, start: ThreadTime) -> Duration {
        start.elapsed()
    }

    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }

    fn zero(&self) -> Duration {
        Duration::ZERO
    }

    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        WallTime.formatter()
    }
}

/// Copies of the 1,000-row bill in each input: 4,000 lookups, all in L1.
const COPIES: usize = 4;

/// Applies `lookup` to every input, keeping every answer.
fn each<T: Copy, R>(inputs: &[T], lookup: impl Fn(T) -> R) {
    for &input in black_box(inputs) {
        black_box(lookup(input));
    }
}

fn code_to_enum(c: &mut Criterion<ThreadCpuTime>) {
    let codes = mix::operation_codes(COPIES);
    let by_code = alternatives::operation_by_code();
    let mut group = c.benchmark_group("code_to_enum");
    group.throughput(Throughput::Elements(codes.len() as u64));
    group.bench_function("cec_codes", |b| {
        b.iter(|| each(&codes, cec_codes::OperationType::from_code))
    });
    group.bench_function("hand_match", |b| {
        b.iter(|| each(&codes, alternatives::OperationType::from_code))
    });
    group.bench_function("num_enum", |b| {
        b.iter(|| each(&codes, alternatives::OperationType::try_from_primitive))
    });
    group.bench_function("strum_from_repr", |b| {
        b.iter(|| each(&codes, alternatives::OperationType::from_repr))
    });
    group.bench_function("std_hashmap", |b| {
        b.iter(|| each(&codes, |code| by_code.get(&code).copied()))
    });
    group.finish();
}

fn name_to_enum(c: &mut Criterion<ThreadCpuTime>) {
    let names = mix::operation_names(COPIES);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let by_name = alternatives::operation_by_name();
    let mut group = c.benchmark_group("name_to_enum");
    group.throughput(Throughput::Elements(names.len() as u64));
    group.bench_function("cec_codes_from_name", |b| {
        b.iter(|| each(&names, cec_codes::OperationType::from_name))
    });
    group.bench_function("cec_codes_from_str", |b| {
        b.iter(|| each(&names, cec_codes::OperationType::from_str))
    });
    group.bench_function("hand_match", |b| {
        b.iter(|| each(&names, alternatives::OperationType::from_name))
    });
    group.bench_function("strum", |b| {
        b.iter(|| each(&names, alternatives::OperationType::from_str))
    });
    group.bench_function("strum_phf", |b| {
        b.iter(|| each(&names, alternatives::PhfOperationType::from_str))
    });
    group.bench_function("phf_map", |b| {
        b.iter(|| {
            each(&names, |name| {
                alternatives::OPERATION_BY_NAME.get(name).copied()
            })
        })
    });
    group.bench_function("std_hashmap", |b| {
        b.iter(|| each(&names, |name| by_name.get(name).copied()))
    });
    group.finish();
}

fn reason_decode(c: &mut Criterion<ThreadCpuTime>) {
    let reasons = mix::known_reasons(COPIES);
    let mut group = c.benchmark_group("reason_decode");
    group.throughput(Throughput::Elements(reasons.len() as u64));
    group.bench_function("cec_codes", |b| {
        b.iter(|| {
            each(&reasons, |(operation, code)| {
                cec_codes::Reason::decode(operation, code)
            })
        })
    });
    group.bench_function("hand_nested_match", |b| {
        b.iter(|| {
            each(&reasons, |(operation, code)| {
                alternatives::decode_reason(operation, code)
            })
        })
    });
    group.finish();
}

fn description(c: &mut Criterion<ThreadCpuTime>) {
    let operations = mix::known_operations(COPIES);
    let hand: Vec<alternatives::OperationType> = operations
        .iter()
        .filter_map(|operation| alternatives::OperationType::from_code(operation.code()))
        .collect();
    assert_eq!(hand.len(), operations.len());
    let mut group = c.benchmark_group("description");
    group.throughput(Throughput::Elements(operations.len() as u64));
    group.bench_function("cec_codes", |b| {
        b.iter(|| each(&operations, cec_codes::OperationType::description))
    });
    group.bench_function("hand_match", |b| {
        b.iter(|| each(&hand, alternatives::OperationType::description))
    });
    group.bench_function("hand_array", |b| {
        b.iter(|| each(&hand, alternatives::OperationType::description_from_array))
    });
    group.finish();
}

criterion_group! {
    name = lookups;
    config = Criterion::default().with_measurement(ThreadCpuTime);
    targets = code_to_enum, name_to_enum, reason_decode, description
}
criterion_main!(lookups);
