//! The whole build script of a crate with its own spec.

fn main() {
    codes_codegen::Config::new()
        .spec("call-results.toml")
        .out_file("call_results.rs")
        // Derives of another crate, as prost-build users add them: iterating
        // every enum whose variants are the vendor's codes, and a marker
        // attribute on one type.
        .code_enum_attribute("#[derive(strum::EnumIter)]")
        .type_attribute("WrapUpRecord", "#[must_use]")
        // The generated serde impls stay behind `cfg(feature = "serde")`,
        // which the generator declares to Cargo. `doc_cfg` stays off: this
        // crate does not enable the unstable `doc_cfg` feature, so its docs
        // build on stable rustdoc with docs.rs's `--cfg docsrs`.
        .run_in_build_script();
}
