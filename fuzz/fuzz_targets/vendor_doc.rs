//! Any text through the vendor-doc reader: an error at a line of the text,
//! or a table that keeps the reader's documented promises and imports into
//! a spec that validates.

#![no_main]

use codes_codegen::Spec;
use codes_tools::import::{self, ImportError, ImportOptions};
use codes_tools::vendor_doc::{self, ReasonParagraph};
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
            // The importer: a vendor error, or a spec that validates; and
            // merging the table into its own import changes nothing.
            match import::import(&table, &ImportOptions::default()) {
                Err(ImportError::Vendor(errors)) => assert!(!errors.is_empty()),
                Err(other) => panic!("import failed on a readable table: {other}"),
                Ok(imported) => {
                    if let Err(error) = Spec::from_toml("imported.toml", &imported.toml) {
                        panic!("the import does not validate:\n{error}");
                    }
                    let merged = import::merge("imported.toml", &imported.toml, &table)
                        .expect("merging a table into its own import");
                    assert_eq!(merged.toml, imported.toml, "a merge of the same table changed the spec");
                }
            }
        }
    }
});
