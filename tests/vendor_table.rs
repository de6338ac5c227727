//! The vendor's pages are the test oracle: every page in `vendor/`, read by
//! the importer, gives every row, reason, range and text of the generated
//! API, in its language, and merging it into `codes.toml` changes nothing.
//!
//! Nothing here is written out by hand: after a vendor update (a page
//! replaced, `codes import PAGE --merge codes.toml -o codes.toml`), these
//! tests hold the new spec to the new page.

mod support;

use std::collections::BTreeSet;

use cec_codes::{Lang, OperationType, Reason, ReasonCodes};
use codes_codegen::model::{Row, Table};
use codes_tools::import::{MergeOptions, merge_values, merge_with};
use codes_tools::vendor_doc::{ReasonParagraph, VendorTable};
use support::{ApiReason, ApiRow, PAGES, Page, Read, api_rows, at, imported};

/// The text a page gives in `lang`, against the API's: equal, or, where
/// the page gives none, the API's text is absent or falls back to the
/// other language's.
fn same_or_fallback<T: PartialEq + std::fmt::Debug>(
    page: Option<T>,
    api: &[T; 2],
    lang: Lang,
    what: &str,
) {
    match page {
        Some(text) => assert_eq!(text, api[at(lang)], "{what}"),
        None => assert!(
            api[at(lang)] == api[1 - at(lang)],
            "{what}: the page gives no text, the API has {:?}",
            api[at(lang)]
        ),
    }
}

/// One row of a page against the API's row of the same code.
fn check_row(page: &Page, table: &Table, row: &Row, api: &ApiRow, leads: bool) {
    let lang = page.lang;
    let what = format!("{}: {} row {}", page.file(), page.table, row.code());
    let description = row.description().get(lang);
    if let Some(description) = description {
        assert_eq!(
            description,
            api.description[at(lang)],
            "{what}: description"
        );
    }
    if row.constant().is_some() {
        assert_eq!(row.constant(), api.constant, "{what}: constant");
    }
    let object = row
        .object()
        .map(|index| table.object_kinds()[index].text().get(lang));
    match (object, api.object) {
        (None, None) => {}
        (Some(text), Some(api_object)) => {
            same_or_fallback(text, &api_object, lang, &format!("{what}: object"));
        }
        (page_object, api_object) => {
            panic!("{what}: object {page_object:?} on the page, {api_object:?} in the API")
        }
    }

    // The free sentences of the page's reason cell are the row's notes, or
    // the text of its open reason (the vendor writes "any code" so).
    let mut sentences: Vec<&str> = row.notes_in(lang).iter().map(String::as_str).collect();
    let mut api_sentences: Vec<&str> = api.notes[at(lang)].to_vec();
    let open: Vec<&ApiReason> = api
        .reasons
        .iter()
        .filter(|reason| matches!(reason.codes, ReasonCodes::Open { .. }))
        .collect();
    api_sentences.extend(
        open.iter()
            .filter_map(|reason| reason.description[at(lang)]),
    );
    sentences.sort_unstable();
    api_sentences.sort_unstable();
    if sentences.is_empty() {
        assert!(
            api.notes[at(lang)] == api.notes[1 - at(lang)],
            "{what}: no notes on the page, {:?} in the API",
            api.notes[at(lang)]
        );
    } else {
        assert_eq!(sentences, api_sentences, "{what}: notes and open reasons");
    }

    // The listed reasons: codes and ranges as the vendor writes them, and
    // their texts. On the page that gives the rows, every reason in the
    // vendor's order; on the other, each one it lists.
    let listed: Vec<&ApiReason> = api
        .reasons
        .iter()
        .filter(|reason| !matches!(reason.codes, ReasonCodes::Open { .. }))
        .collect();
    if leads {
        let codes: Vec<ReasonCodes> = row.reasons().iter().map(|reason| reason.codes()).collect();
        let api_codes: Vec<ReasonCodes> = listed.iter().map(|reason| reason.codes).collect();
        assert_eq!(codes, api_codes, "{what}: reasons");
    }
    for reason in row.reasons() {
        let found = listed.iter().find(|listed| listed.codes == reason.codes());
        let Some(api_reason) = found else {
            // A page that lags behind keeps a reason the other removed or
            // whose codes it changed.
            assert!(!leads, "{what}: reason {} not in the API", reason.codes());
            continue;
        };
        same_or_fallback(
            Some(reason.description().get(lang)),
            &api_reason.description,
            lang,
            &format!("{what}: reason {}", reason.codes()),
        );
    }
}

#[test]
fn every_row_of_every_page_is_in_the_generated_api() {
    let spec = support::spec();
    for page in PAGES {
        let table = imported(page);
        let leads = support::leads(&spec, page);
        let api = api_rows(page.table);
        let api_codes: Vec<&str> = api.iter().map(|row| row.code.as_str()).collect();
        // Every row of the page that gives the table its rows is the API's;
        // the other language's page may lag behind, keeping rows the first
        // removed.
        let rows: Vec<&Row> = table
            .rows()
            .iter()
            .filter(|row| {
                let listed = api_codes.contains(&row.code().to_string().as_str());
                assert!(
                    listed || !leads,
                    "{}: row {} is not in {}",
                    page.file(),
                    row.code(),
                    page.table
                );
                listed
            })
            .collect();
        // The page's rows come in the API's order.
        let mut positions = rows.iter().map(|row| {
            let code = row.code().to_string();
            api_codes
                .iter()
                .position(|api_code| *api_code == code)
                .expect("filtered above")
        });
        let mut last = positions.next();
        for position in positions {
            assert!(
                Some(position) > last,
                "{}: rows out of the API's order",
                page.file()
            );
            last = Some(position);
        }
        for row in rows {
            let code = row.code().to_string();
            let api_row = api
                .iter()
                .find(|api_row| api_row.code == code)
                .expect("found above");
            check_row(page, &table, row, api_row, leads);
        }
    }
}

/// Every row of the API is on a page of its table, and the table's own
/// page in the language that gives it its rows lists them all but those
/// that page lacks (which the other language's page gives).
#[test]
fn every_row_of_the_generated_api_is_on_a_vendor_page() {
    let spec = support::spec();
    for table in spec.tables() {
        let on_pages: BTreeSet<String> = PAGES
            .iter()
            .filter(|page| page.table == table.name())
            .flat_map(|page| {
                imported(page)
                    .rows()
                    .iter()
                    .map(|row| row.code().to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
        for api_row in api_rows(table.name()) {
            assert!(
                on_pages.contains(&api_row.code),
                "{} row {} ({}) is on no page in vendor/",
                table.name(),
                api_row.code,
                api_row.name
            );
        }
    }
}

/// `vendor/` holds the pages of every table of the spec, in each language
/// it has a page in, and nothing else.
#[test]
fn vendor_holds_every_page_of_the_spec() {
    let spec = support::spec();
    let mut expected = BTreeSet::new();
    for table in spec.tables() {
        for lang in [Lang::En, Lang::Zh] {
            if let Some(page) = table.page_in(lang) {
                expected.insert((table.name().to_owned(), page.page().to_owned()));
            }
        }
        for row in table.rows() {
            for lang in [Lang::En, Lang::Zh] {
                if let Some(page) = row.pages().get(lang) {
                    expected.insert((table.name().to_owned(), page.to_owned()));
                }
            }
        }
    }
    let listed: BTreeSet<(String, String)> = PAGES
        .iter()
        .map(|page| (page.table.to_owned(), page.id.to_owned()))
        .collect();
    assert_eq!(listed, expected);
    let mut files: Vec<String> = std::fs::read_dir(support::vendor_path(""))
        .expect("read vendor/")
        .map(|entry| {
            entry
                .expect("vendor/ entry")
                .file_name()
                .into_string()
                .expect("UTF-8 name")
        })
        .filter(|name| name != "README.md")
        .collect();
    files.sort();
    // One copy of each page: a saved page (`.html`) replaces its copied
    // text (`.txt`).
    let mut manifest: Vec<String> = PAGES.iter().map(Page::file).collect();
    manifest.sort_unstable();
    assert_eq!(files, manifest);
}

/// Drops from `vendor`, a page in the language that does not give `table`
/// its rows, the rows and reasons `table` lacks: the page lags behind the
/// other (the vendor's Chinese site often does), keeping what the other
/// removed or renumbered. What it shares with the spec, it must say exactly.
fn drop_what_the_spec_lacks(vendor: &mut VendorTable, table: &Table) {
    vendor.rows.retain(|row| {
        table
            .rows()
            .iter()
            .any(|spec_row| spec_row.code().integer().map(i64::from) == Some(row.code))
    });
    for row in &mut vendor.rows {
        let spec_row = table
            .rows()
            .iter()
            .find(|spec_row| spec_row.code().integer().map(i64::from) == Some(row.code))
            .expect("kept above");
        let listed = |codes: ReasonCodes| {
            spec_row
                .reasons()
                .iter()
                .any(|reason| reason.codes() == codes)
        };
        let fits = |value: i64| i32::try_from(value).ok();
        row.reasons.retain(|paragraph| match &paragraph.value {
            ReasonParagraph::Code { code, .. } | ReasonParagraph::BareCode(code) => {
                fits(*code).is_some_and(|code| listed(ReasonCodes::Single(code)))
            }
            ReasonParagraph::Range { start, end, .. } => match (fits(*start), fits(*end)) {
                (Some(start), Some(end)) => listed(ReasonCodes::Range { start, end }),
                _ => false,
            },
            _ => true,
        });
    }
}

/// Merging a table's own page into `codes.toml`, as `codes import PAGE
/// --merge codes.toml` does, gives the file back byte for byte: the spec
/// says what the pages say, and nothing else but our names.
#[test]
fn merging_every_page_into_codes_toml_changes_nothing() {
    let spec = support::spec_text();
    let model = support::spec();
    for page in PAGES.iter().filter(|page| page.whole) {
        let options = MergeOptions {
            lang: page.lang,
            into: Some(page.table.into()),
            page: Some(page.id.into()),
        };
        let leads = support::leads(&model, page);
        let result = match support::read(page) {
            Read::Tables(mut tables) => {
                if !leads {
                    let table = model
                        .tables()
                        .iter()
                        .find(|table| table.name() == page.table);
                    for vendor in &mut tables {
                        drop_what_the_spec_lacks(vendor, table.expect("the page's table"));
                    }
                }
                merge_with("codes.toml", &spec, &tables, &options)
            }
            Read::Values(list) => merge_values("codes.toml", &spec, &list, &options),
        };
        let merged = result.unwrap_or_else(|error| panic!("{}: {error}", page.file()));
        assert!(
            merged.toml == spec,
            "{}: codes.toml is not what the page says; merging it would change:\n{}",
            page.file(),
            merged.summary.join("\n")
        );
        assert_eq!(merged.review, Vec::<String>::new(), "{}", page.file());
        // What a page lacks, its other language gives.
        for line in &merged.summary {
            assert!(line.contains(" not on the "), "{}: {line}", page.file());
        }
    }
}

/// Each listed code, each range bound and the codes just outside each range
/// decode to the reason the vendor gives them.
#[test]
fn every_reason_decodes_at_its_codes_and_range_bounds() {
    for op in OperationType::ALL {
        for info in op.reasons() {
            let probes: Vec<i32> = match info.codes {
                ReasonCodes::Single(code) => vec![code],
                ReasonCodes::Range { start, end } => vec![start, start + 1, end - 1, end],
                ReasonCodes::Open { default } => {
                    vec![default.unwrap_or(0), 1, 999, i32::MAX, i32::MIN]
                }
            };
            // The listed reason is what its own code decodes to.
            assert_eq!(Reason::decode(op, info.reason.code()), info.reason);
            assert_eq!(info.reason.operation(), Some(op));
            for code in probes {
                let reason = Reason::decode(op, code);
                let shadowed = op.reasons().iter().any(
                    |other| matches!(other.codes, ReasonCodes::Single(single) if single == code),
                );
                if shadowed && !matches!(info.codes, ReasonCodes::Single(_)) {
                    continue;
                }
                let listed = info.reason;
                assert_eq!(reason.name(), listed.name(), "{op} reason {code}");
                assert_eq!(reason.codes(), Some(info.codes), "{op} reason {code}");
                assert_eq!(
                    reason.description(),
                    listed.description(),
                    "{op} reason {code}"
                );
                assert_eq!(reason.code(), code);
            }
            if let ReasonCodes::Range { start, end } = info.codes {
                for outside in [start - 1, end + 1] {
                    let listed = op.reasons().iter().any(|other| match other.codes {
                        ReasonCodes::Single(single) => single == outside,
                        ReasonCodes::Range { start, end } => (start..=end).contains(&outside),
                        ReasonCodes::Open { .. } => true,
                    });
                    let expected = match outside {
                        -1 | 65535 => "NotApplicable",
                        _ => "Unlisted",
                    };
                    if !listed {
                        assert_eq!(
                            Reason::decode(op, outside).name(),
                            expected,
                            "{op} reason {outside}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn every_row_has_its_code_and_name_both_ways() {
    for op in OperationType::ALL {
        let code = op.code();
        assert_eq!(op as i32, code, "discriminant of {op}");
        assert_eq!(i32::from(op), code);
        assert_eq!(OperationType::try_from(code), Ok(op));
        assert_eq!(OperationType::from_code(code), Some(op));
        assert_eq!(op.to_string(), op.name());
        assert_eq!(op.name().parse::<OperationType>(), Ok(op));
        assert_eq!(OperationType::from_name(op.name()), Some(op));
    }
    assert_eq!(OperationType::COUNT, OperationType::ALL.len());
    assert_eq!(
        OperationType::COUNT,
        support::spec().tables()[0].rows().len()
    );
}

#[test]
fn rows_without_reasons_take_only_not_applicable_or_unlisted() {
    for op in OperationType::ALL
        .into_iter()
        .filter(|op| op.reasons().is_empty())
    {
        assert_eq!(Reason::decode(op, -1).name(), "NotApplicable");
        assert_eq!(Reason::decode(op, 65535).name(), "NotApplicable");
        assert!(
            matches!(Reason::decode(op, 0), Reason::Unlisted(unlisted) if unlisted.code() == 0)
        );
    }
}
