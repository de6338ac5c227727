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
