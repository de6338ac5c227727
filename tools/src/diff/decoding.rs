//! What every reason code of one row decodes to, before and after: the facts
//! behind the impact of a reason change.
//!
//! Each side's row carries its decoding table (`codes_codegen::decoding`),
//! which says what every code means; the outcome only changes where a run
//! of either side starts or ends, so the whole `i32` line splits into a few
//! segments, each decoding to one outcome before and one after.

use codes_codegen::model::{self, ReasonCodes, Row};

/// What a reason code decodes to in the context of its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    /// The reason with this identity (see [`Decoding::compare`]).
    Reason(usize),
    /// `Reason::NotApplicable`.
    NotApplicable,
    /// `Reason::Unlisted`.
    Unlisted,
}

/// Inclusive code ranges, ascending.
pub(super) type CodeSet = Vec<(i64, i64)>;

/// One row's decoding, before and after, segment by segment.
pub(super) struct Decoding {
    /// `(start, end, before, after)`, ascending and covering every `i32`.
    segments: Vec<(i64, i64, Outcome, Outcome)>,
}

impl Decoding {
    /// Compares the decoding of a row before and after; `old_ids[i]` and
    /// `new_ids[j]` are the identities of the reasons, the same before and
    /// after for the same reason.
    pub fn compare(old: &Row, old_ids: &[usize], new: &Row, new_ids: &[usize]) -> Decoding {
        let mut bounds = vec![i64::from(i32::MIN), i64::from(i32::MAX) + 1];
        for run in old.decoding().runs().iter().chain(new.decoding().runs()) {
            bounds.extend([i64::from(run.start), i64::from(run.end) + 1]);
        }
        bounds.sort_unstable();
        bounds.dedup();
        let segments = bounds
            .windows(2)
            .map(|pair| {
                let (start, end) = (pair[0], pair[1] - 1);
                // Every code of a segment decodes alike on either side.
                let code = start as i32;
                (
                    start,
                    end,
                    outcome(old, old_ids, code),
                    outcome(new, new_ids, code),
                )
            })
            .collect();
        Decoding { segments }
    }

    /// The codes that decoded to `id` before, decode otherwise now, and are
    /// left out of its codes `now` (as compared): what its own change took
    /// away. A code it still lists that another reason now wins is that
    /// reason's change.
    pub fn lost(&self, id: usize, now: ReasonCodes) -> CodeSet {
        let was = Outcome::Reason(id);
        self.collect(|start, before, after| before == was && after != was && !lists(now, start))
    }

    /// The codes that decode to `id` now, decoded otherwise before, and were
    /// left out of its codes `before` (as compared; `None` for a new reason):
    /// what its own change brought, grouped by what those codes decoded to,
    /// in order of their first code.
    pub fn gained(&self, id: usize, before: Option<ReasonCodes>) -> Vec<(Outcome, CodeSet)> {
        let now = Outcome::Reason(id);
        let mut groups: Vec<(Outcome, CodeSet)> = Vec::new();
        for &(start, end, old, new) in &self.segments {
            if new != now || old == now || before.is_some_and(|codes| lists(codes, start)) {
                continue;
            }
            match groups.iter_mut().find(|(outcome, _)| *outcome == old) {
                Some((_, set)) => push(set, start, end),
                None => groups.push((old, vec![(start, end)])),
            }
        }
        groups
    }

    fn collect(&self, keep: impl Fn(i64, Outcome, Outcome) -> bool) -> CodeSet {
        let mut set = CodeSet::new();
        for &(start, end, before, after) in &self.segments {
            if keep(start, before, after) {
                push(&mut set, start, end);
            }
        }
        set
    }
}

/// Whether the vendor lists `code` under `codes`, before precedence (every
/// code of a segment alike).
fn lists(codes: ReasonCodes, code: i64) -> bool {
    match codes {
        ReasonCodes::Single(single) => i64::from(single) == code,
        ReasonCodes::Range { start, end } => (i64::from(start)..=i64::from(end)).contains(&code),
        ReasonCodes::Open { .. } => true,
    }
}

/// Appends `start..=end`, merging it with the last range when they touch.
fn push(set: &mut CodeSet, start: i64, end: i64) {
    match set.last_mut() {
        Some(last) if last.1 + 1 == start => last.1 = end,
        _ => set.push((start, end)),
    }
}

/// What `code` decodes to in `row`, as its decoding table says.
fn outcome(row: &Row, ids: &[usize], code: i32) -> Outcome {
    match row.decoding().outcome(code) {
        Some(model::Outcome::NotApplicable(_)) => Outcome::NotApplicable,
        Some(outcome) => Outcome::Reason(ids[outcome.reason().expect("not a marker")]),
        None => Outcome::Unlisted,
    }
}

/// `221-250`, `5`, `1-4, 6-10`; a range starting below zero reads
/// `-5 to -1`, which the vendor's hyphen would garble.
pub(super) fn show(set: &[(i64, i64)]) -> String {
    set.iter()
        .map(|&(start, end)| match (start == end, start < 0) {
            (true, _) => start.to_string(),
            (false, false) => format!("{start}-{end}"),
            (false, true) => format!("{start} to {end}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::{Decoding, Outcome, show};
    use codes_codegen::model::ReasonCodes::{self, Open, Range, Single};
    use codes_codegen::model::Row;

    /// A row with these reasons (and their identities), decoded with the
    /// markers `-1` and `65535`.
    fn row(reasons: &[(ReasonCodes, usize)]) -> Row {
        let reasons: Vec<(ReasonCodes, &str)> =
            reasons.iter().map(|&(codes, _)| (codes, "")).collect();
        crate::test_spec::row_with(&reasons)
    }

    fn compare(old: &[(ReasonCodes, usize)], new: &[(ReasonCodes, usize)]) -> Decoding {
        let (old_row, new_row) = (row(old), row(new));
        let ids = |reasons: &[(ReasonCodes, usize)]| {
            reasons.iter().map(|(_, id)| *id).collect::<Vec<_>>()
        };
        Decoding::compare(&old_row, &ids(old), &new_row, &ids(new))
    }

    const MAX: i64 = i32::MAX as i64;
    const MIN: i64 = i32::MIN as i64;

    #[test]
    fn single_wins_over_range_and_markers_over_open() {
        let old = [(Range { start: 0, end: 255 }, 0), (Single(0), 1)];
        let narrowed = Range { start: 0, end: 99 };
        let new = [(narrowed, 0), (Single(0), 1), (Open { default: None }, 2)];
        let decoding = compare(&old, &new);
        assert_eq!(decoding.lost(0, narrowed), [(100, 255)]);
        assert_eq!(decoding.lost(1, Single(0)), []);
        assert_eq!(
            decoding.gained(2, None),
            [
                (
                    Outcome::Unlisted,
                    vec![(MIN, -2), (256, 65534), (65536, MAX)]
                ),
                (Outcome::Reason(0), vec![(100, 255)]),
            ]
        );
    }

    #[test]
    fn a_range_over_a_marker_takes_it() {
        let decoding = compare(&[], &[(Range { start: -3, end: 3 }, 0)]);
        assert_eq!(
            decoding.gained(0, None),
            [
                (Outcome::Unlisted, vec![(-3, -2), (0, 3)]),
                (Outcome::NotApplicable, vec![(-1, -1)]),
            ]
        );
    }

    #[test]
    fn extreme_codes_do_not_overflow() {
        let old = [(Single(i32::MAX), 0), (Single(i32::MIN), 1)];
        let new = [(Single(0), 0), (Single(1), 1)];
        let decoding = compare(&old, &new);
        assert_eq!(decoding.lost(0, Single(0)), [(MAX, MAX)]);
        assert_eq!(decoding.lost(1, Single(1)), [(MIN, MIN)]);
    }

    #[test]
    fn codes_a_reason_still_lists_are_not_its_loss_nor_its_gain() {
        // A single code added inside a range: the range still lists 5.
        let old = [(Range { start: 1, end: 9 }, 0)];
        let new = [(Range { start: 1, end: 9 }, 0), (Single(5), 1)];
        let decoding = compare(&old, &new);
        assert_eq!(decoding.lost(0, Range { start: 1, end: 9 }), []);
        assert_eq!(
            decoding.gained(1, None),
            [(Outcome::Reason(0), vec![(5, 5)])]
        );
        // The single removed again: the range takes 5 back, listing it all along.
        let back = compare(&new, &old);
        assert_eq!(back.gained(0, Some(Range { start: 1, end: 9 })), []);
    }

    #[test]
    fn code_sets_read_like_the_vendor() {
        assert_eq!(show(&[(1, 4), (6, 10), (12, 12)]), "1-4, 6-10, 12");
        assert_eq!(show(&[(-5, -2)]), "-5 to -2");
    }
}
