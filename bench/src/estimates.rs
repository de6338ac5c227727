//! Criterion's saved estimates as the ratio tables of `BENCHMARKS.md`.
//!
//! Criterion keeps the last run of benchmark `group/function` in
//! `criterion/<group>/<function>/new/`: `estimates.json` (the statistics,
//! in nanoseconds per iteration) and `benchmark.json` (the throughput).
//! Every ratio is of two medians measured in the same run.

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The median time of one benchmark and what one iteration covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Median time of one iteration, in nanoseconds.
    pub median: f64,
    /// The 95% confidence interval of the median, in nanoseconds.
    pub interval: (f64, f64),
    /// Lookups per iteration (criterion's `Throughput::Elements`), 1 if none.
    pub elements: u64,
}

impl Estimate {
    /// Median nanoseconds per lookup.
    pub fn per_element(&self) -> f64 {
        self.median / self.elements as f64
    }
}

/// A benchmark whose estimates cannot be read.
#[derive(Debug)]
pub struct ReadError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub reason: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (run `cargo bench -p cec-codes-bench` first)",
            self.path.display(),
            self.reason
        )
    }
}

impl std::error::Error for ReadError {}

#[derive(Deserialize)]
struct Estimates {
    median: Statistic,
}

#[derive(Deserialize)]
struct Statistic {
    point_estimate: f64,
    confidence_interval: Interval,
}

#[derive(Deserialize)]
struct Interval {
    lower_bound: f64,
    upper_bound: f64,
}

#[derive(Deserialize)]
struct Benchmark {
    throughput: Option<serde_json::Value>,
}

fn read_json<T: for<'de> Deserialize<'de>>(path: PathBuf) -> Result<T, ReadError> {
    let text = std::fs::read_to_string(&path).map_err(|error| ReadError {
        path: path.clone(),
        reason: error.to_string(),
    })?;
    serde_json::from_str(&text).map_err(|error| ReadError {
        path,
        reason: error.to_string(),
    })
}

/// Reads the last run of `group/function` under `criterion_dir`.
///
/// # Errors
///
/// A [`ReadError`] naming the file when criterion's `estimates.json` or
/// `benchmark.json` of that run cannot be read or parsed.
pub fn read(criterion_dir: &Path, group: &str, function: &str) -> Result<Estimate, ReadError> {
    let dir = criterion_dir.join(group).join(function).join("new");
    let estimates: Estimates = read_json(dir.join("estimates.json"))?;
    let benchmark: Benchmark = read_json(dir.join("benchmark.json"))?;
    let elements = benchmark
        .throughput
        .as_ref()
        .and_then(|throughput| throughput.get("Elements"))
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(1)
        .max(1);
    let median = estimates.median;
    Ok(Estimate {
        median: median.point_estimate,
        interval: (
            median.confidence_interval.lower_bound,
            median.confidence_interval.upper_bound,
        ),
        elements,
    })
}

/// One figure: a criterion group, the cec-codes benchmarks in it and the
/// alternatives they are compared with.
#[derive(Debug, Clone, Copy)]
pub struct Figure {
    /// The heading.
    pub title: &'static str,
    /// The criterion group.
    pub group: &'static str,
    /// The cec-codes benchmarks: one ratio column each.
    pub subjects: &'static [&'static str],
    /// The alternatives: one row each.
    pub alternatives: &'static [&'static str],
    /// The targets: `(subject, alternative, highest ratio)`.
    pub targets: &'static [(&'static str, &'static str, f64)],
}

/// The figures of `benches/lookups.rs`.
pub const FIGURES: [Figure; 4] = [
    Figure {
        title: "Operation code to enum",
        group: "code_to_enum",
        subjects: &["cec_codes"],
        alternatives: &["hand_match", "num_enum", "strum_from_repr", "std_hashmap"],
        targets: &[
            ("cec_codes", "hand_match", 1.05),
            ("cec_codes", "num_enum", 1.0),
        ],
    },
    Figure {
        title: "Name to enum",
        group: "name_to_enum",
        subjects: &["cec_codes_from_name", "cec_codes_from_str"],
        alternatives: &["hand_match", "strum", "strum_phf", "phf_map", "std_hashmap"],
        targets: &[
            ("cec_codes_from_name", "strum", 1.0),
            ("cec_codes_from_name", "strum_phf", 1.0),
            ("cec_codes_from_str", "strum", 1.0),
            ("cec_codes_from_str", "strum_phf", 1.0),
        ],
    },
    Figure {
        title: "(type, reason) to typed reason",
        group: "reason_decode",
        subjects: &["cec_codes"],
        alternatives: &["hand_nested_match"],
        targets: &[("cec_codes", "hand_nested_match", 1.2)],
    },
    Figure {
        title: "Description of an operation type",
        group: "description",
        subjects: &["cec_codes"],
        alternatives: &["hand_match", "hand_array"],
        targets: &[],
    },
];

/// A figure with its estimates read.
#[derive(Debug, Clone)]
pub struct Measured {
    /// The figure.
    pub figure: Figure,
    /// `(benchmark, estimate)`: the subjects, then the alternatives.
    pub estimates: Vec<(&'static str, Estimate)>,
}

impl Measured {
    /// Reads every benchmark of `figure`.
    ///
    /// # Errors
    ///
    /// The [`ReadError`] of the first benchmark whose last run cannot be
    /// read.
    pub fn read(criterion_dir: &Path, figure: Figure) -> Result<Measured, ReadError> {
        let estimates = figure
            .subjects
            .iter()
            .chain(figure.alternatives)
            .map(|&name| Ok((name, read(criterion_dir, figure.group, name)?)))
            .collect::<Result<_, ReadError>>()?;
        Ok(Measured { figure, estimates })
    }

    fn estimate(&self, name: &str) -> Option<Estimate> {
        self.estimates
            .iter()
            .find(|(candidate, _)| *candidate == name)
            .map(|&(_, estimate)| estimate)
    }

    /// `subject` time ÷ `alternative` time, per lookup.
    pub fn ratio(&self, subject: &str, alternative: &str) -> Option<f64> {
        Some(self.estimate(subject)?.per_element() / self.estimate(alternative)?.per_element())
    }

    /// The figure as a Markdown table: one row per benchmark with its
    /// median per lookup, one ratio column per cec-codes benchmark.
    pub fn table(&self) -> String {
        let subjects = self.figure.subjects;
        let mut out = format!("| `{}` | median ns/lookup (95% CI) |", self.figure.group);
        for subject in subjects {
            let _ = write!(out, " `{subject}` ÷ row |");
        }
        out.push_str("\n|---|---|");
        out.push_str(&"---|".repeat(subjects.len()));
        for (name, estimate) in &self.estimates {
            let per = |nanoseconds: f64| nanoseconds / estimate.elements as f64;
            let _ = write!(
                out,
                "\n| `{name}` | {:.2} ({:.2}–{:.2}) |",
                estimate.per_element(),
                per(estimate.interval.0),
                per(estimate.interval.1)
            );
            for subject in subjects {
                match self.ratio(subject, name) {
                    Some(ratio) => {
                        let _ = write!(out, " {ratio:.2} |");
                    }
                    None => out.push_str(" |"),
                }
            }
        }
        out.push('\n');
        out
    }
}

/// One row of the targets table: a ratio, its ceiling and whether it holds.
pub fn target_rows(measured: &[Measured]) -> String {
    let mut out =
        String::from("| figure | ratio | measured | target | met |\n|---|---|---|---|---|");
    for figure in measured {
        for &(subject, alternative, ceiling) in figure.figure.targets {
            let Some(ratio) = figure.ratio(subject, alternative) else {
                continue;
            };
            let _ = write!(
                out,
                "\n| {} | `{subject}` ÷ `{alternative}` | {ratio:.3} | ≤ {ceiling:.2} | {} |",
                figure.figure.title,
                if ratio <= ceiling { "yes" } else { "no" }
            );
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_benchmark(dir: &Path, group: &str, function: &str, median: f64, elements: u64) {
        let new = dir.join(group).join(function).join("new");
        std::fs::create_dir_all(&new).unwrap();
        std::fs::write(
            new.join("estimates.json"),
            format!(
                r#"{{"mean":{{"confidence_interval":{{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":2.0}},"point_estimate":1.5,"standard_error":0.1}},
                "median":{{"confidence_interval":{{"confidence_level":0.95,"lower_bound":{},"upper_bound":{}}},"point_estimate":{median},"standard_error":0.1}}}}"#,
                median - 40.0,
                median + 40.0
            ),
        )
        .unwrap();
        std::fs::write(
            new.join("benchmark.json"),
            format!(r#"{{"group_id":"{group}","function_id":"{function}","throughput":{{"Elements":{elements}}}}}"#),
        )
        .unwrap();
    }

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("cec-codes-bench-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn reads_the_median_per_element() {
        let dir = scratch("read");
        write_benchmark(&dir, "reason_decode", "cec_codes", 4000.0, 1000);
        let estimate = read(&dir, "reason_decode", "cec_codes").unwrap();
        assert_eq!(
            estimate,
            Estimate {
                median: 4000.0,
                interval: (3960.0, 4040.0),
                elements: 1000
            }
        );
        assert_eq!(estimate.per_element(), 4.0);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_benchmark_names_its_file_and_the_fix() {
        let dir = scratch("missing");
        let error = read(&dir, "reason_decode", "cec_codes").unwrap_err();
        assert_eq!(
            error.path,
            dir.join("reason_decode/cec_codes/new/estimates.json")
        );
        assert!(
            error
                .to_string()
                .ends_with("(run `cargo bench -p cec-codes-bench` first)"),
            "{error}"
        );
    }

    #[test]
    fn tables_give_each_subject_over_each_row() {
        let dir = scratch("table");
        write_benchmark(&dir, "reason_decode", "cec_codes", 4400.0, 1000);
        write_benchmark(&dir, "reason_decode", "hand_nested_match", 4000.0, 1000);
        let measured = Measured::read(&dir, FIGURES[2]).unwrap();
        assert_eq!(
            measured.table(),
            "| `reason_decode` | median ns/lookup (95% CI) | `cec_codes` ÷ row |\n\
             |---|---|---|\n\
             | `cec_codes` | 4.40 (4.36–4.44) | 1.00 |\n\
             | `hand_nested_match` | 4.00 (3.96–4.04) | 1.10 |\n"
        );
        assert_eq!(
            target_rows(&[measured]),
            "| figure | ratio | measured | target | met |\n|---|---|---|---|---|\n\
             | (type, reason) to typed reason | `cec_codes` ÷ `hand_nested_match` | 1.100 | ≤ 1.20 | yes |\n"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
