//! `codes`: the spec maintainers' tool.

fn main() {}
