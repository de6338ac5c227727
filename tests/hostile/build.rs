//! Generates the code of the hostile spec beside this file, as a downstream
//! crate's build script would.

fn main() {
    codes_codegen::Config::new()
        .spec("codes.toml")
        .out_file("codes.rs")
        .run_in_build_script();
}
