//! The whole build script of a crate with its own spec.

fn main() {
    codes_codegen::Config::new()
        .spec("call-results.toml")
        .out_file("call_results.rs")
        // This crate has no `serde` feature, so the serde impls are left out.
        .serde_feature(None)
        .run_in_build_script();
}
