//! Any text through the vendor-doc reader: an error at a line of the text,
//! or tables that keep the reader's documented promises and import into a
//! spec that validates, in the language of their header cells; and the
//! values of a parameter, read and imported alike.

#![no_main]

use codes_codegen::Spec;
use codes_tools::import::{self, ImportError, ImportOptions, Imported, Lang, MergeOptions};
use codes_tools::vendor_doc::{self, Column, DocError, ReasonParagraph};
use libfuzzer_sys::fuzz_target;

/// The reader's promise about errors: some, sorted, each at a line of the text.
fn check_errors(errors: &[DocError], lines: usize) {
    assert!(!errors.is_empty(), "an error without messages");
    assert!(errors.is_sorted_by_key(|error| error.line));
    for error in errors {
        assert!(
            (1..=lines).contains(&error.line),
            "{error} outside the text's {lines} lines"
        );
        let _ = error.to_string();
    }
}

/// An import gives a vendor error or a spec that validates, and merging
/// the same tables into it changes nothing (or, for tables of one page
/// that neither caption nor title tells apart, cannot pick their spec
/// tables).
fn check_import(
    imported: Result<Imported, ImportError>,
    merge_again: impl Fn(&str) -> Result<Imported, ImportError>,
) {
    match imported {
        Err(ImportError::Vendor(errors)) => assert!(!errors.is_empty()),
        Err(other) => panic!("import failed on a readable table: {other}"),
        Ok(imported) => {
            if let Err(error) = Spec::from_toml("imported.toml", &imported.toml) {
                panic!("the import does not validate:\n{error}");
            }
            match merge_again(&imported.toml) {
                Ok(merged) => assert_eq!(
                    merged.toml, imported.toml,
                    "a merge of the same tables changed the spec"
                ),
                Err(ImportError::Table(message)) if message.contains("do not pick exactly one") => {
                }
                Err(other) => panic!("merging tables into their own import: {other}"),
            }
        }
    }
}

/// The options of an import and a merge of a page whose header cells are
/// `header`: in Chinese if one has a Chinese character, else in English.
fn options<'a>(header: impl IntoIterator<Item = &'a String>) -> (ImportOptions, MergeOptions) {
    let chinese = header
        .into_iter()
        .any(|cell| cell.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    let lang = match chinese {
        true => Lang::Zh,
        false => Lang::En,
    };
    let import = ImportOptions {
        lang,
        ..ImportOptions::default()
    };
    let merge = MergeOptions {
        lang,
        ..MergeOptions::default()
    };
    (import, merge)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines = text.split('\n').count();
    match vendor_doc::parse_tables(text) {
        Err(errors) => check_errors(&errors, lines),
        Ok(tables) => {
            assert!(!tables.is_empty());
            for table in &tables {
                assert!((2..=4).contains(&table.header.len()));
                assert_eq!(table.columns.len(), table.header.len());
                assert!(!table.rows.is_empty());
                let mut codes: Vec<i64> = table.rows.iter().map(|row| row.code).collect();
                codes.sort_unstable();
                codes.dedup();
                assert_eq!(codes.len(), table.rows.len(), "duplicate codes");
                let has = |column: Column| table.columns.contains(&column);
                for row in &table.rows {
                    assert_eq!(row.object.is_some(), has(Column::Object));
                    assert_eq!(row.constant.is_some(), has(Column::Constant));
                    assert_eq!(row.reasons.is_empty(), !has(Column::Reason));
                    for reason in &row.reasons {
                        if let ReasonParagraph::Range { start, end, .. } = reason.value {
                            assert!(start <= end, "range {start}-{end}");
                        }
                    }
                }
            }
            let (options, merge) = options(
                tables
                    .iter()
                    .flat_map(|table| &table.header)
                    .map(|cell| &cell.value),
            );
            check_import(import::import_all(&tables, &options), |spec| {
                import::merge_with("imported.toml", spec, &tables, &merge)
            });
        }
    }
    // A parameter's values, for the name the bill file's page lists.
    match vendor_doc::parse_values(text, "callIn_out") {
        Err(errors) => check_errors(&errors, lines),
        Ok(list) => {
            assert!(!list.values.is_empty());
            let (options, merge) = options(list.header.iter().map(|cell| &cell.value));
            check_import(import::import_values(&list, &options), |spec| {
                import::merge_values("imported.toml", spec, &list, &merge)
            });
        }
    }
});
