//! Shared inputs of the benchmarks (see `BENCHMARKS.md`).
