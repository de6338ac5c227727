//! Benchmarks of cec-codes against what a user would write instead, and the
//! inputs and tools they share (see `BENCHMARKS.md` at the repository root).
//!
//! - [`mix`]: the bill-like inputs, deterministic;
//! - [`alternatives`]: hand-written `match`es, num_enum, strum, phf, `HashMap`;
//! - [`synthetic`]: specs of any size, for the codegen scaling figure;
//! - [`estimates`]: criterion's saved estimates as ratio tables.

#![warn(missing_docs)]

pub mod alternatives;
pub mod estimates;
pub mod mix;
pub mod synthetic;

/// The spec the hand-written alternatives and the mix were written from:
/// the repository's as of the vendor's 2023 pages, frozen. Their tests hold
/// them to it, so that a vendor update of `codes.toml` (which cec-codes
/// follows) leaves them as they are: the benchmarks compare the same kind
/// of work on a table of the same size.
#[cfg(test)]
pub(crate) fn table_of_2023() -> codes_codegen::model::Table {
    let text = include_str!("../../tools/tests/fixtures/specs/codes-2023.toml");
    let spec = codes_codegen::Spec::from_toml("codes-2023.toml", text).expect("a valid spec");
    spec.tables()[0].clone()
}
