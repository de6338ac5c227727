//! The generated API in Chinese: every text of the spec's Chinese pages, as
//! the spec gives it, and English where a text has no Chinese.
//!
//! The Chinese pages themselves (`vendor/*-zh.txt`) are held against the
//! API in `tests/vendor_table.rs`; here the API is held against the spec
//! it is generated from, for the texts no page gives too.

mod support;

use cec_codes::{Lang, ObjectKind, OperationType, Reason, ReasonCodes};
use codes_codegen::model::{Table, Text};

fn operation_table() -> Table {
    let spec = support::spec();
    spec.tables()
        .iter()
        .find(|table| table.name() == "OperationType")
        .expect("the operation table")
        .clone()
}

/// The text in `lang`, or the other language's when it has none.
fn with_fallback(text: &Text, lang: Lang) -> Option<&str> {
    text.get_or_other(lang)
}

#[test]
fn every_row_reads_in_chinese() {
    let table = operation_table();
    assert_eq!(OperationType::COUNT, table.rows().len());
    for (op, row) in OperationType::ALL.into_iter().zip(table.rows()) {
        assert_eq!(op.name(), row.name());
        assert_eq!(
            Some(op.description_in(Lang::Zh)),
            with_fallback(row.description(), Lang::Zh),
            "{op}"
        );
        let kind = row.object().map(|index| &table.object_kinds()[index]);
        assert_eq!(
            op.object_kind().map(|kind| kind.description_in(Lang::Zh)),
            kind.and_then(|kind| with_fallback(kind.text(), Lang::Zh)),
            "{op}"
        );
        let notes: Vec<&str> = row
            .notes_in_or_other(Lang::Zh)
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(op.notes_in(Lang::Zh), notes, "{op}");
    }
}

#[test]
fn every_reason_reads_in_chinese() {
    let table = operation_table();
    for (op, row) in OperationType::ALL.into_iter().zip(table.rows()) {
        let listed: Vec<(ReasonCodes, Option<&str>)> = op
            .reasons()
            .iter()
            .map(|info| (info.codes, info.reason.description_in(Lang::Zh)))
            .collect();
        let expected: Vec<(ReasonCodes, Option<&str>)> = row
            .reasons()
            .iter()
            .map(|reason| {
                (
                    reason.codes(),
                    with_fallback(reason.description(), Lang::Zh),
                )
            })
            .collect();
        assert_eq!(listed, expected, "{op}");
        // Decoded reasons read in Chinese too, at every code they are listed with.
        for info in op.reasons() {
            let decoded = Reason::decode(op, info.reason.code());
            assert_eq!(
                decoded.description_in(Lang::Zh),
                info.reason.description_in(Lang::Zh),
                "{op} reason {}",
                info.codes
            );
        }
    }
    // A code the table does not list has no text in either language.
    for op in OperationType::ALL {
        let unlisted = (-1000..0)
            .rev()
            .find(|&code| code != -1 && Reason::decode(op, code).codes().is_none());
        if let Some(code) = unlisted {
            assert_eq!(Reason::decode(op, code).description_in(Lang::Zh), None);
            assert_eq!(Reason::decode(op, code).description_in(Lang::En), None);
        }
    }
}

#[test]
fn english_stays_the_default_and_the_fallback() {
    let table = operation_table();
    for op in OperationType::ALL {
        assert_eq!(op.description_in(Lang::En), op.description());
        assert_eq!(op.notes_in(Lang::En), op.notes());
    }
    for (kind, spec_kind) in ObjectKind::ALL.into_iter().zip(table.object_kinds()) {
        assert_eq!(kind.name(), spec_kind.name());
        assert_eq!(Some(kind.description()), spec_kind.text().get(Lang::En));
        assert_eq!(
            Some(kind.description_in(Lang::Zh)),
            with_fallback(spec_kind.text(), Lang::Zh)
        );
    }
    assert_eq!(Lang::default(), Lang::En);
    assert_eq!("zh".parse::<Lang>(), Ok(Lang::Zh));
    assert_eq!(
        "fr".parse::<Lang>().unwrap_err().to_string(),
        "not a known language: expected en or zh"
    );
}
