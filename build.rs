//! Generates the code tables from `codes.toml` (or the spec named by
//! `CEC_CODES_SPEC`) into `OUT_DIR`.

fn main() {
    codes_codegen::Config::new()
        .spec("codes.toml")
        .spec_env("CEC_CODES_SPEC")
        .out_file("codes.rs")
        .run_in_build_script();
}
