//! Generates the code tables from `codes.toml` (or the spec named by
//! `CEC_CODES_SPEC`) into `OUT_DIR`.

fn main() {
    codes_codegen::Config::new()
        .spec("codes.toml")
        .spec_env("CEC_CODES_SPEC")
        .out_file("codes.rs")
        // src/lib.rs enables `doc_cfg` under docs.rs's `--cfg docsrs`.
        .doc_cfg(true)
        // Serialized records name their fields as the bill's columns.
        .record_fields("op_type", "op_object", "op_cause")
        .run_in_build_script();
}
