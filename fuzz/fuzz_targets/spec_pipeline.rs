//! Any bytes through the whole pipeline: a spec is either rejected with
//! diagnostics that point into it and render without panicking, or turned
//! into Rust source that parses.

#![no_main]

use codes_codegen::{Spec, generate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match Spec::from_toml("fuzz.toml", &text) {
        Ok(spec) => {
            let source = generate(&spec);
            if let Err(error) = syn::parse_file(&source) {
                panic!("generated code does not parse: {error}\n{source}");
            }
        }
        Err(error) => {
            assert!(!error.diagnostics().is_empty(), "an error without diagnostics");
            for diagnostic in error.diagnostics() {
                let span = &diagnostic.span;
                assert!(
                    span.start <= span.end
                        && span.end <= text.len()
                        && text.is_char_boundary(span.start)
                        && text.is_char_boundary(span.end),
                    "span {span:?} outside the text: {diagnostic:?}"
                );
                for (span, _) in &diagnostic.related {
                    assert!(span.start <= span.end && span.end <= text.len());
                }
            }
            assert_eq!(error.summary().len(), error.diagnostics().len());
            let _ = error.to_string();
            let _ = codes_tools::report::render(&error, false);
            let _ = codes_tools::report::render(&error, true);
        }
    }
});
