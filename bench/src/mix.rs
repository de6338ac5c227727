//! The benchmark inputs: bill-like mixes of codes, generated deterministically.
//!
//! A real `agentOprInfo` bill is dominated by a few operations (text
//! conversations are billed every five minutes, agents go idle, busy and back
//! to work all day) with a long tail, a few codes of later vendor revisions
//! and `65535` where later revisions write `US_NO_USE`. [`BILL_ROWS`] writes
//! that down as weights; the mixes hold each row exactly its weight times,
//! shuffled with a fixed seed, so every run measures the same input and no
//! branch predictor can learn a short period.

use cec_codes::OperationType;

/// `(op_type, op_cause, weight)`: how often a row occurs in 1,000 bill rows.
pub const BILL_ROWS: &[(i32, i32, usize)] = &[
    // Talking: a bill every five minutes while a text conversation lasts.
    (4, 1, 230),
    (4, 0, 40),
    (2, -1, 170),
    (2, 65535, 20),
    (27, 0, 110),
    (27, 3, 15),
    (27, 120, 10),
    (3, 1, 40),
    (3, 4, 25),
    (3, 2, 10),
    (3, 7, 5),
    (3, 5, 3),
    (3, 3, 2),
    (3, 201, 10),
    // Not listed for Busy.
    (3, 6, 2),
    (1, -1, 50),
    (1, 65535, 5),
    (0, 258, 30),
    (0, 256, 5),
    (0, 264, 3),
    (0, 17, 4),
    (26, 0, 25),
    (26, 12, 10),
    (38, -1, 33),
    (45, -1, 15),
    (46, -1, 15),
    (41, -1, 12),
    (40, 1, 6),
    (40, 2, 3),
    (40, 0, 2),
    (10, -1, 8),
    (13, -1, 8),
    (47, -1, 5),
    (52, -1, 5),
    (22, -1, 6),
    (44, -1, 3),
    (20, 0, 4),
    (29, -1, 2),
    (30, -1, 2),
    (31, -1, 2),
    (32, -1, 3),
    (43, -1, 2),
    (53, -1, 3),
    (54, -1, 2),
    (55, -1, 2),
    (57, -1, 3),
    (58, -1, 4),
    // Operation types of later revisions that this table does not list.
    (5, 65535, 8),
    (11, 65535, 6),
    (21, 65535, 6),
    (14, -1, 4),
    (99, -1, 2),
];

/// Names that are no variant: unknown codes become these in [`operation_names`].
pub const UNKNOWN_NAMES: [&str; 4] = ["signIn", "Transfer", "", "OperationType5"];

/// Seed of every shuffle, so that all runs see the same order.
const SEED: u64 = 0x0CEC_C0DE;

/// The sum of the weights of [`BILL_ROWS`].
pub fn bill_weight() -> usize {
    BILL_ROWS.iter().map(|&(_, _, weight)| weight).sum()
}

/// `copies` × [`bill_weight`] `(op_type, op_cause)` pairs: each row of
/// [`BILL_ROWS`] exactly `weight × copies` times, in a fixed shuffled order.
pub fn bill_rows(copies: usize) -> Vec<(i32, i32)> {
    let mut rows: Vec<(i32, i32)> = BILL_ROWS
        .iter()
        .flat_map(|&(code, reason, weight)| std::iter::repeat_n((code, reason), weight * copies))
        .collect();
    fastrand::Rng::with_seed(SEED).shuffle(&mut rows);
    rows
}

/// The `op_type` column of [`bill_rows`], unknown codes included.
pub fn operation_codes(copies: usize) -> Vec<i32> {
    bill_rows(copies)
        .into_iter()
        .map(|(code, _)| code)
        .collect()
}

/// The operation types of [`bill_rows`] as names: a known code becomes its
/// variant name, an unknown one cycles through [`UNKNOWN_NAMES`].
pub fn operation_names(copies: usize) -> Vec<String> {
    let mut unknown = UNKNOWN_NAMES.iter().cycle();
    operation_codes(copies)
        .into_iter()
        .map(|code| match OperationType::from_code(code) {
            Some(operation) => operation.name().to_string(),
            None => unknown
                .next()
                .map_or_else(String::new, |name| name.to_string()),
        })
        .collect()
}

/// The `(op_type, op_cause)` pairs of [`bill_rows`] whose type the table
/// lists: the input of reason decoding, which needs the decoded type.
pub fn known_reasons(copies: usize) -> Vec<(OperationType, i32)> {
    bill_rows(copies)
        .into_iter()
        .filter_map(|(code, reason)| Some((OperationType::from_code(code)?, reason)))
        .collect()
}

/// The operation types of [`bill_rows`] that the table lists.
pub fn known_operations(copies: usize) -> Vec<OperationType> {
    known_reasons(copies)
        .into_iter()
        .map(|(operation, _)| operation)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bill_is_a_thousand_rows() {
        assert_eq!(bill_weight(), 1000);
        assert_eq!(bill_rows(3).len(), 3000);
    }

    #[test]
    fn every_row_occurs_exactly_its_weight_times() {
        let rows = bill_rows(2);
        for &(code, reason, weight) in BILL_ROWS {
            let count = rows.iter().filter(|&&row| row == (code, reason)).count();
            assert_eq!(count, 2 * weight, "row ({code}, {reason})");
        }
    }

    #[test]
    fn rows_are_distinct() {
        let mut pairs: Vec<(i32, i32)> = BILL_ROWS.iter().map(|&(c, r, _)| (c, r)).collect();
        pairs.sort_unstable();
        pairs.dedup();
        assert_eq!(pairs.len(), BILL_ROWS.len());
    }

    #[test]
    fn the_mix_is_shuffled_the_same_way_every_time() {
        let rows = bill_rows(1);
        assert_eq!(rows, bill_rows(1));
        // Not in table order: the first 50 rows already mix many rows.
        let mut first: Vec<(i32, i32)> = rows[..50].to_vec();
        first.sort_unstable();
        first.dedup();
        assert!(first.len() >= 10, "{first:?}");
    }

    #[test]
    fn unknown_codes_are_2_6_percent() {
        let unknown = operation_codes(1)
            .into_iter()
            .filter(|&code| !listed_in_2023(code))
            .count();
        assert_eq!(unknown, 26);
    }

    #[test]
    fn every_listed_operation_type_occurs() {
        let codes = operation_codes(1);
        for row in crate::table_of_2023().rows() {
            let code = row.code().integer().expect("integer codes");
            assert!(codes.contains(&code), "{} is missing", row.name());
        }
    }

    /// Whether the table of 2023 lists `code`.
    fn listed_in_2023(code: i32) -> bool {
        crate::table_of_2023()
            .rows()
            .iter()
            .any(|row| row.code().integer() == Some(code))
    }

    #[test]
    fn names_follow_the_codes() {
        let codes = operation_codes(1);
        let names = operation_names(1);
        assert_eq!(names.len(), codes.len());
        let first_unknown = codes
            .iter()
            .position(|&code| OperationType::from_code(code).is_none())
            .expect("the mix has unknown codes");
        assert_eq!(names[first_unknown], "signIn");
        for (code, name) in codes.iter().zip(&names) {
            match OperationType::from_code(*code) {
                Some(operation) => assert_eq!(name, operation.name()),
                None => assert!(UNKNOWN_NAMES.contains(&name.as_str()), "{name:?}"),
            }
        }
    }

    #[test]
    fn known_reasons_drop_only_the_unknown_types() {
        let unknown = operation_codes(1)
            .into_iter()
            .filter(|&code| OperationType::from_code(code).is_none())
            .count();
        assert_eq!(known_reasons(1).len(), 1000 - unknown);
        assert_eq!(known_operations(1).len(), 1000 - unknown);
    }
}
