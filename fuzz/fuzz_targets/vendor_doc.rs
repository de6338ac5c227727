//! Any text through the vendor-doc reader: an error at a line of the text,
//! or a table that keeps the reader's documented promises.

#![no_main]

use codes_codegen::vendor_doc::{self, ReasonParagraph};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines = text.split('\n').count();
    match vendor_doc::parse(text) {
        Err(errors) => {
            assert!(!errors.is_empty(), "an error without messages");
            assert!(errors.is_sorted_by_key(|error| error.line));
            for error in &errors {
                assert!(
                    (1..=lines).contains(&error.line),
                    "{error} outside the text's {lines} lines"
                );
                let _ = error.to_string();
            }
        }
        Ok(table) => {
            assert!((2..=4).contains(&table.header.len()));
            assert!(!table.rows.is_empty());
            let mut codes: Vec<i64> = table.rows.iter().map(|row| row.code).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), table.rows.len(), "duplicate codes");
            for row in &table.rows {
                assert_eq!(row.object.is_some(), table.header.len() == 4);
                assert_eq!(row.reasons.is_empty(), table.header.len() == 2);
                for reason in &row.reasons {
                    if let ReasonParagraph::Range { start, end, .. } = reason.value {
                        assert!(start <= end, "range {start}-{end}");
                    }
                }
            }
            // IMPORTER PROPERTY (the lead adds it when the `import` module
            // lands): the spec imported from `table` validates, e.g.
            //     let spec_text = codes_codegen::import::...(&table, ...);
            //     codes_codegen::Spec::from_toml("imported.toml", &spec_text).unwrap();
        }
    }
});
