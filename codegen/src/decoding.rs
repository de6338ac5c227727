//! What each code of a row's reason column means, decided once.
//!
//! Precedence, as the vendor's type 27 needs it: a code listed on its own
//! wins over a range that holds it (`0` is after-call processing, `1` to
//! `255` manual adjustments); then the spec's "not applicable" markers
//! (`-1`, `65535`); then an open reason takes every other code. Rendering,
//! validation and the maintainers' tools read the resulting runs and never
//! apply the rule again.

use crate::model::{Marker, Reason, ReasonCodes};

/// The meaning of every code of one row's reason column: ordered,
/// non-overlapping runs of codes, each with its outcome. A code in no run
/// is not listed for the row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decoding {
    runs: Vec<Run>,
}

/// The codes `start..=end`, which all decode alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// First code.
    pub start: i32,
    /// Last code (inclusive).
    pub end: i32,
    /// What they decode to.
    pub outcome: Outcome,
}

/// What a code decodes to; indices are into the row's reasons or the
/// spec's markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// The reason listed with exactly this code.
    Listed(usize),
    /// A range reason: the code is inside its range and listed on its own
    /// nowhere.
    Range(usize),
    /// A "not applicable" marker that no listed code or range takes.
    NotApplicable(usize),
    /// The open reason: every code nothing else takes.
    Open(usize),
}

impl Outcome {
    /// The reason the code decodes to, if it is one.
    pub fn reason(self) -> Option<usize> {
        match self {
            Outcome::Listed(reason) | Outcome::Range(reason) | Outcome::Open(reason) => {
                Some(reason)
            }
            Outcome::NotApplicable(_) => None,
        }
    }
}

impl Run {
    /// How many codes the run holds.
    pub fn code_count(&self) -> u64 {
        (i64::from(self.end) - i64::from(self.start) + 1).unsigned_abs()
    }

    /// Whether `code` is in the run.
    pub fn contains(&self, code: i32) -> bool {
        self.start <= code && code <= self.end
    }
}

impl Decoding {
    /// The decoding of a row with these reasons, given the spec's markers.
    ///
    /// `reasons` must be valid: [`conflicts`] finds none (validation
    /// checks first).
    pub(crate) fn new(reasons: &[Reason], markers: &[Marker]) -> Decoding {
        // A row has a handful of reasons and the spec a few markers: plain
        // slices searched in order, no map (see the crate's README on the
        // build path).
        let mut bounds: Vec<i64> = Vec::new();
        let mut open = None;
        for (index, reason) in reasons.iter().enumerate() {
            let (start, end) = match reason.codes {
                ReasonCodes::Single(code) => (code, code),
                ReasonCodes::Range { start, end } => (start, end),
                ReasonCodes::Open { .. } => {
                    open = Some(index);
                    (i32::MIN, i32::MAX)
                }
            };
            cover(&mut bounds, start, end);
        }
        for marker in markers {
            cover(&mut bounds, marker.code, marker.code);
        }
        // Between two consecutive bounds every code has the same outcome.
        let mut runs: Vec<Run> = Vec::new();
        for pair in bounds.windows(2) {
            let (start, end) = (pair[0] as i32, (pair[1] - 1) as i32);
            let Some(outcome) = outcome_of(start, end, reasons, markers, open) else {
                continue;
            };
            match runs.last_mut() {
                Some(last)
                    if last.outcome == outcome && i64::from(last.end) + 1 == i64::from(start) =>
                {
                    last.end = end;
                }
                _ => runs.push(Run {
                    start,
                    end,
                    outcome,
                }),
            }
        }
        Decoding { runs }
    }

    /// The runs, in code order.
    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// What `code` decodes to; `None` where the row does not list it.
    pub fn outcome(&self, code: i32) -> Option<Outcome> {
        let index = self.runs.partition_point(|run| run.end < code);
        self.runs
            .get(index)
            .filter(|run| run.contains(code))
            .map(|run| run.outcome)
    }

    /// Whether some code decodes to `outcome`.
    pub fn reaches(&self, outcome: Outcome) -> bool {
        self.runs.iter().any(|run| run.outcome == outcome)
    }

    /// Whether every `i32` has an outcome: nothing is left unlisted.
    pub fn is_total(&self) -> bool {
        let covered: u64 = self.runs.iter().map(Run::code_count).sum();
        covered == 1 << 32
    }
}

/// Adds the bounds of the codes `start..=end` to the sorted, distinct
/// `bounds`: where an outcome may begin, and the code after its end.
fn cover(bounds: &mut Vec<i64>, start: i32, end: i32) {
    for bound in [i64::from(start), i64::from(end) + 1] {
        if let Err(at) = bounds.binary_search(&bound) {
            bounds.insert(at, bound);
        }
    }
}

/// The outcome of the codes `start..=end`, which lie between two
/// consecutive bounds and so all decode alike: a code listed on its own,
/// else the range that holds them, else a marker, else the open reason.
fn outcome_of(
    start: i32,
    end: i32,
    reasons: &[Reason],
    markers: &[Marker],
    open: Option<usize>,
) -> Option<Outcome> {
    let single = start == end;
    let mut range = None;
    for (index, reason) in reasons.iter().enumerate() {
        match reason.codes {
            ReasonCodes::Single(code) if single && code == start => {
                return Some(Outcome::Listed(index));
            }
            ReasonCodes::Range {
                start: first,
                end: last,
            } if first <= start && start <= last => range = Some(index),
            _ => {}
        }
    }
    if let Some(index) = range {
        return Some(Outcome::Range(index));
    }
    if single && let Some(index) = markers.iter().position(|marker| marker.code == start) {
        return Some(Outcome::NotApplicable(index));
    }
    open.map(Outcome::Open)
}

/// Why a row's reasons make no [`Decoding`]: two of them claim the same
/// codes in a way precedence cannot settle. Indices are into the reasons
/// as given; `first` comes before `later`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// Two reasons list the same single code.
    DuplicateCode {
        /// The reason that lists it first.
        first: usize,
        /// The reason that lists it again.
        later: usize,
        /// The code.
        code: i32,
    },
    /// Two ranges share codes (a single code may sit inside a range; two
    /// ranges may not overlap).
    OverlappingRanges {
        /// The earlier range.
        first: usize,
        /// The later range.
        later: usize,
    },
    /// A second open reason: at most one reason takes every other code.
    SecondOpen {
        /// The first open reason.
        first: usize,
        /// The other one.
        later: usize,
    },
}

impl Conflict {
    /// The later reason of the two, where the conflict is reported.
    pub fn later(self) -> usize {
        match self {
            Conflict::DuplicateCode { later, .. }
            | Conflict::OverlappingRanges { later, .. }
            | Conflict::SecondOpen { later, .. } => later,
        }
    }
}

/// The one check of a row's reason set, before its [`Decoding`] is made:
/// single codes unique, ranges disjoint, at most one open reason. Every
/// conflicting pair is returned, in the order of the later reason; an
/// empty result is what building a [`Decoding`] requires. Validation and the
/// importer put each conflict at their own positions, in their own words.
pub fn conflicts(codes: impl IntoIterator<Item = ReasonCodes>) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    let mut singles: Vec<(i32, usize)> = Vec::new();
    let mut ranges: Vec<(i32, i32, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (later, codes) in codes.into_iter().enumerate() {
        match codes {
            ReasonCodes::Single(code) => match singles.iter().find(|(other, _)| *other == code) {
                Some(&(_, first)) => conflicts.push(Conflict::DuplicateCode { first, later, code }),
                None => singles.push((code, later)),
            },
            ReasonCodes::Range { start, end } => {
                conflicts.extend(
                    ranges
                        .iter()
                        .filter(|(other_start, other_end, _)| {
                            start <= *other_end && *other_start <= end
                        })
                        .map(|&(_, _, first)| Conflict::OverlappingRanges { first, later }),
                );
                ranges.push((start, end, later));
            }
            ReasonCodes::Open { .. } => match open {
                Some(first) => conflicts.push(Conflict::SecondOpen { first, later }),
                None => open = Some(later),
            },
        }
    }
    conflicts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflicts_name_both_reasons_by_index() {
        use ReasonCodes::{Open, Range, Single};
        let codes = [
            Single(1),
            Range { start: 0, end: 10 },
            Single(1),
            Range { start: 10, end: 20 },
            Open { default: None },
            Range { start: 5, end: 15 },
            Open { default: Some(0) },
            Single(5),
        ];
        assert_eq!(
            conflicts(codes),
            [
                Conflict::DuplicateCode {
                    first: 0,
                    later: 2,
                    code: 1
                },
                Conflict::OverlappingRanges { first: 1, later: 3 },
                Conflict::OverlappingRanges { first: 1, later: 5 },
                Conflict::OverlappingRanges { first: 3, later: 5 },
                Conflict::SecondOpen { first: 4, later: 6 },
            ]
        );
        assert_eq!(conflicts([Single(0), Range { start: 0, end: 255 }]), []);
        let extremes = [
            Range {
                start: i32::MIN,
                end: i32::MIN,
            },
            Range {
                start: i32::MIN,
                end: i32::MAX,
            },
        ];
        assert_eq!(
            conflicts(extremes),
            [Conflict::OverlappingRanges { first: 0, later: 1 }]
        );
    }

    fn reason(codes: ReasonCodes) -> Reason {
        Reason {
            codes,
            name: String::new(),
            description: Default::default(),
        }
    }

    fn markers() -> Vec<Marker> {
        [-1, 65535]
            .into_iter()
            .map(|code| Marker {
                code,
                name: String::new(),
                description: String::new(),
            })
            .collect()
    }

    fn run(start: i32, end: i32, outcome: Outcome) -> Run {
        Run {
            start,
            end,
            outcome,
        }
    }

    #[test]
    fn a_single_code_wins_over_the_range_that_holds_it() {
        let reasons = [
            reason(ReasonCodes::Single(0)),
            reason(ReasonCodes::Range { start: 0, end: 255 }),
        ];
        let decoding = Decoding::new(&reasons, &markers());
        assert_eq!(
            decoding.runs(),
            [
                run(-1, -1, Outcome::NotApplicable(0)),
                run(0, 0, Outcome::Listed(0)),
                run(1, 255, Outcome::Range(1)),
                run(65535, 65535, Outcome::NotApplicable(1)),
            ]
        );
        assert_eq!(decoding.outcome(0), Some(Outcome::Listed(0)));
        assert_eq!(decoding.outcome(255), Some(Outcome::Range(1)));
        assert_eq!(decoding.outcome(256), None);
        assert!(!decoding.is_total());
    }

    #[test]
    fn an_open_reason_takes_what_nothing_else_takes() {
        let reasons = [
            reason(ReasonCodes::Open { default: Some(0) }),
            reason(ReasonCodes::Single(65535)),
        ];
        let decoding = Decoding::new(&reasons, &markers());
        assert_eq!(
            decoding.runs(),
            [
                run(i32::MIN, -2, Outcome::Open(0)),
                run(-1, -1, Outcome::NotApplicable(0)),
                run(0, 65534, Outcome::Open(0)),
                run(65535, 65535, Outcome::Listed(1)),
                run(65536, i32::MAX, Outcome::Open(0)),
            ]
        );
        assert!(decoding.is_total());
    }

    #[test]
    fn a_range_takes_a_marker_and_the_extremes_are_codes_too() {
        let reasons = [
            reason(ReasonCodes::Range {
                start: i32::MIN,
                end: 0,
            }),
            reason(ReasonCodes::Single(i32::MAX)),
        ];
        let decoding = Decoding::new(&reasons, &markers());
        assert_eq!(
            decoding.runs(),
            [
                run(i32::MIN, 0, Outcome::Range(0)),
                run(65535, 65535, Outcome::NotApplicable(1)),
                run(i32::MAX, i32::MAX, Outcome::Listed(1)),
            ]
        );
        assert_eq!(decoding.outcome(i32::MIN), Some(Outcome::Range(0)));
        assert_eq!(decoding.outcome(-1), Some(Outcome::Range(0)));
        assert_eq!(decoding.outcome(i32::MAX - 1), None);
    }

    #[test]
    fn a_row_without_reasons_decodes_only_its_markers() {
        let decoding = Decoding::new(&[], &markers());
        assert_eq!(
            decoding.runs(),
            [
                run(-1, -1, Outcome::NotApplicable(0)),
                run(65535, 65535, Outcome::NotApplicable(1)),
            ]
        );
        assert_eq!(Decoding::new(&[], &[]).runs(), []);
    }
}
