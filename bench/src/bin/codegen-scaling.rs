//! How code generation grows with the spec: for synthetic specs of 10 to
//! 10,000 rows, the time of `Spec::from_toml` + `generate` (which lays the
//! code out itself), the time prettyplease would take to lay out the same
//! code instead (parsing it with syn, as a formatter must), and the time of a
//! clean `cargo build` of the generated code, as a Markdown table.
//!
//! ```text
//! cargo run -p cec-codes-bench --bin codegen-scaling [-- --sizes 10,100 --runs 5 --no-compile --incremental]
//! cargo run -p cec-codes-bench --bin codegen-scaling -- --print-spec 10000 > synthetic.toml
//! ```
//!
//! `--print-spec ROWS` writes the synthetic spec of `ROWS` rows and stops,
//! for `bench/codegen_against.sh`, which builds one spec's generated code as
//! two commits generate it.
//!
//! Run it in the dev profile (as above): build scripts and their
//! dependencies are built without optimisation in every profile, so that is
//! the speed a downstream build sees.
//!
//! A build is a clean build of the generated code as a dependency is built
//! (`CARGO_INCREMENTAL=0`: cargo never builds a registry or git dependency
//! incrementally), or, with `--incremental`, as a workspace member is in the
//! dev profile.
//!
//! Generation is timed as this thread's CPU time and builds as the CPU time
//! of cargo and every compiler it ran (with the wall clock beside it), so
//! that other work on a shared machine disturbs the figures as little as
//! possible.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use cpu_time::ThreadTime;

use cec_codes_bench::synthetic;

struct Args {
    sizes: Vec<usize>,
    runs: usize,
    compile: bool,
    incremental: bool,
    print_spec: Option<usize>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        sizes: vec![10, 100, 1_000, 10_000],
        runs: 5,
        compile: true,
        incremental: false,
        print_spec: None,
    };
    let mut given = std::env::args().skip(1);
    while let Some(arg) = given.next() {
        match arg.as_str() {
            "--sizes" => {
                let value = given.next().ok_or("--sizes needs a value, e.g. 10,100")?;
                args.sizes = value
                    .split(',')
                    .map(|size| {
                        size.trim()
                            .parse()
                            .map_err(|_| format!("--sizes: `{size}` is not a row count"))
                    })
                    .collect::<Result<_, _>>()?;
            }
            "--runs" => {
                let value = given.next().ok_or("--runs needs a value, e.g. 5")?;
                args.runs = value
                    .parse()
                    .ok()
                    .filter(|&runs| runs > 0)
                    .ok_or(format!("--runs: `{value}` is not a positive count"))?;
            }
            "--no-compile" => args.compile = false,
            "--incremental" => args.incremental = true,
            "--print-spec" => {
                let value = given
                    .next()
                    .ok_or("--print-spec needs a row count, e.g. 10000")?;
                let rows = value
                    .parse()
                    .map_err(|_| format!("--print-spec: `{value}` is not a row count"))?;
                args.print_spec = Some(rows);
            }
            other => {
                return Err(format!(
                    "unknown argument `{other}`; expected --sizes A,B,… --runs N --no-compile --incremental, or --print-spec ROWS"
                ));
            }
        }
    }
    Ok(args)
}

/// The median CPU time of `runs` runs of `work`.
fn median_time(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = ThreadTime::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    times[times.len() / 2]
}

struct Row {
    rows: usize,
    spec_bytes: usize,
    generated_bytes: usize,
    parse: Duration,
    generate: Duration,
    prettyplease: Duration,
    compile: Option<BuildTime>,
}

/// The times of one build.
#[derive(Clone, Copy)]
struct BuildTime {
    wall: Duration,
    cpu: Duration,
}

fn measure(
    rows: usize,
    runs: usize,
    scratch: Option<&Path>,
    incremental: bool,
) -> Result<Row, String> {
    let text = synthetic::spec(rows);
    let spec = codes_codegen::Spec::from_toml("synthetic.toml", &text)
        .map_err(|error| format!("synthetic spec of {rows} rows: {error}"))?;
    let source = codes_codegen::generate(&spec);
    let parse = median_time(runs, || {
        std::hint::black_box(codes_codegen::Spec::from_toml("synthetic.toml", &text).is_ok());
    });
    let generate = median_time(runs, || {
        std::hint::black_box(codes_codegen::generate(&spec).len());
    });
    let prettyplease = median_time(runs, || {
        let file: syn::File = syn::parse_str(&source).expect("generated code parses");
        std::hint::black_box(prettyplease::unparse(&file).len());
    });
    let compile = match scratch {
        Some(scratch) => Some(compile_time(
            &scratch.join(format!("rows-{rows}")),
            &source,
            incremental,
        )?),
        None => None,
    };
    Ok(Row {
        rows,
        spec_bytes: text.len(),
        generated_bytes: source.len(),
        parse,
        generate,
        prettyplease,
        compile,
    })
}

/// User + system time of every finished child process so far.
fn children_cpu_time() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage only writes the struct it is given, which is zeroed
    // and large enough; RUSAGE_CHILDREN is a valid `who`.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
        usage.assume_init()
    };
    let time = |value: libc::timeval| {
        Duration::from_secs(value.tv_sec as u64) + Duration::from_micros(value.tv_usec as u64)
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// A clean `cargo build` (dev profile) of a crate holding only `source`,
/// `incremental` or not.
fn compile_time(dir: &Path, source: &str, incremental: bool) -> Result<BuildTime, String> {
    let io = |error: std::io::Error| format!("{}: {error}", dir.display());
    std::fs::create_dir_all(dir.join("src")).map_err(io)?;
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"synthetic-codes\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\
             publish = false\n\n[features]\nserde = []\n\n\
             [dependencies]\ncodes-runtime = {{ path = {:?} }}\n\n[workspace]\n",
            runtime.display().to_string()
        ),
    )
    .map_err(io)?;
    std::fs::write(
        dir.join("src/lib.rs"),
        "//! Generated from a synthetic spec.\n#![no_std]\ninclude!(\"codes.rs\");\n",
    )
    .map_err(io)?;
    std::fs::write(dir.join("src/codes.rs"), source).map_err(io)?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let start = Instant::now();
    let cpu_before = children_cpu_time();
    let output = Command::new(cargo)
        .args(["build", "--offline", "--quiet"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env("CARGO_INCREMENTAL", if incremental { "1" } else { "0" })
        .output()
        .map_err(|error| format!("running cargo: {error}"))?;
    let time = BuildTime {
        wall: start.elapsed(),
        cpu: children_cpu_time() - cpu_before,
    };
    if !output.status.success() {
        return Err(format!(
            "cargo build in {} failed:\n{}",
            dir.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(time)
}

fn growth(current: Duration, previous: Option<Duration>) -> String {
    match previous {
        Some(previous) if !previous.is_zero() => {
            format!("{:.1}×", current.as_secs_f64() / previous.as_secs_f64())
        }
        _ => "".to_string(),
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(rows) = args.print_spec {
        print!("{}", synthetic::spec(rows));
        return ExitCode::SUCCESS;
    }
    let scratch: Option<PathBuf> = args.compile.then(|| {
        std::env::temp_dir().join(format!("cec-codes-codegen-scaling-{}", std::process::id()))
    });
    let mut measured = Vec::new();
    for &rows in &args.sizes {
        match measure(rows, args.runs, scratch.as_deref(), args.incremental) {
            Ok(row) => measured.push(row),
            Err(message) => {
                eprintln!("error: {message}");
                return ExitCode::FAILURE;
            }
        }
    }
    if let Some(scratch) = &scratch {
        let _ = std::fs::remove_dir_all(scratch);
    }
    println!(
        "| rows | spec KiB | generated KiB | `from_toml` ms | `generate` ms | total ms | total growth | prettyplease ms | `cargo build` CPU s (wall s) | build growth (CPU) |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    let mut previous: Option<&Row> = None;
    for row in &measured {
        let total = row.parse + row.generate;
        let compile = row.compile.map_or_else(String::new, |time| {
            format!(
                "{:.2} ({:.2})",
                time.cpu.as_secs_f64(),
                time.wall.as_secs_f64()
            )
        });
        println!(
            "| {} | {:.0} | {:.0} | {:.1} | {:.1} | {:.1} | {} | {:.1} | {} | {} |",
            row.rows,
            row.spec_bytes as f64 / 1024.0,
            row.generated_bytes as f64 / 1024.0,
            row.parse.as_secs_f64() * 1e3,
            row.generate.as_secs_f64() * 1e3,
            total.as_secs_f64() * 1e3,
            growth(
                total,
                previous.map(|previous| previous.parse + previous.generate)
            ),
            row.prettyplease.as_secs_f64() * 1e3,
            compile,
            match (row.compile, previous.and_then(|previous| previous.compile)) {
                (Some(current), previous) => growth(current.cpu, previous.map(|time| time.cpu)),
                (None, _) => String::new(),
            },
        );
        previous = Some(row);
    }
    ExitCode::SUCCESS
}
