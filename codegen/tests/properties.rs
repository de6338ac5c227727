//! Properties over random input, bounded so the suite stays fast (the fuzz
//! targets in `fuzz/` search the same ground for much longer):
//!
//! - a spec of the right shape but random names, codes and texts is either
//!   rejected with diagnostics that point into it, or becomes code that
//!   parses;
//! - texts are inert: whatever they hold, the generated code has the same
//!   tokens but for its string literals, and those hold the texts exactly;
//! - names are never tokens: a name is accepted only if it is one identifier;
//! - the vendor-doc reader never panics.

use std::fmt::Write as _;
use std::sync::OnceLock;

use codes_codegen::model::Lang;
use codes_codegen::{Spec, generate};
use proc_macro2::{Group, Literal, TokenStream, TokenTree};
use proptest::prelude::*;
use toml_edit::{DocumentMut, Item, TableLike, Value, value};

const CASES: u32 = 256;

/// A table that takes reasons, for one row to be appended.
const TABLE: &str = r#"[source]
vendor = "V"
product = "P"
document = "D"

[[table]]
name = "OperationType"
title = "T"
caption = "C"
page = "p"
updated = "u"
columns = ["Code", "Description", "Object", "Reason"]
record = "Operation"
object = "Object"
reason = "Reason"
"#;

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => write!(out, "\\u{:04X}", u32::from(c)).unwrap(),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text that is hostile to generated code, docs and TOML alike.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[ -~]{0,6}",
        1 => prop::sample::select(vec![
            "\"", "\\", "*/", "/*", "\"#", "#[", "}", "{}", "{0}", "\n", "\r\n", "\t", "\u{0}",
            "\u{7f}", "\u{202e}", "\u{2066}", "\u{200d}", "\u{feff}", "👩\u{200d}👧", "https://x.y",
            "- ", "1. ", "---", "'", "...", "`", "<b>", "[x]",
        ])
        .prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|pieces| pieces.concat())
}

/// Text a spec requires: mostly non-blank, sometimes blank.
fn required_text() -> impl Strategy<Value = String> {
    prop_oneof![
        30 => hostile_text().prop_map(|text| format!("t{text}")),
        1 => hostile_text(),
    ]
}

/// Mostly a valid UpperCamelCase name, unique through `index`; sometimes
/// one the validator must refuse or that clashes with a generated item.
fn name(index: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        30 => "[A-Z][a-z]{1,7}".prop_map(move |name| format!("{name}{index}")),
        1 => prop::sample::select(vec![
            "Code", "Option", "ALL", "COUNT", "NotApplicable", "Other", "Unlisted", "Self",
            "self", "_", "3Way", "sign_in", "", "Café", "Sign In", "A-B", "Reason", "Object",
        ])
        .prop_map(str::to_string),
    ]
}

/// Mostly a code unique through `index`, sometimes any, or out of range.
fn code(index: usize) -> impl Strategy<Value = i64> {
    let unique = index as i64 * 10;
    prop_oneof![
        80 => Just(unique),
        6 => prop::sample::select(vec![-1i64, 0, 65535, i64::from(i32::MIN), i64::from(i32::MAX)]),
        6 => any::<i32>().prop_map(i64::from),
        1 => prop::sample::select(vec![i64::from(i32::MAX) + 1, i64::MIN, i64::MAX]),
    ]
}

/// One `[[table.row.reason]]`, as TOML; a `dense` one takes its codes
/// from a handful, so that ranges and single codes meet.
fn reason(index: usize, dense: bool) -> impl Strategy<Value = String> {
    let sparse = prop_oneof![
        12 => code(index).prop_map(|code| format!("code = {code}")),
        8 => (code(index).prop_map(|code| code.saturating_mul(100)), 1i64..400).prop_map(|(start, length)| format!("range = [{start}, {}]", start.saturating_add(length))),
        1 => (code(index), code(index)).prop_map(|(start, end)| format!("range = [{start}, {end}]")),
        3 => prop::option::of(code(index)).prop_map(|default| match default {
            Some(default) => format!("open = true\ndefault = {default}"),
            None => "open = true".to_string(),
        }),
    ];
    let codes = match dense {
        false => sparse.boxed(),
        true => prop_oneof![
            2 => (0i64..4).prop_map(|code| format!("code = {code}")),
            1 => (0i64..3, 1i64..3).prop_map(|(start, length)| format!("range = [{start}, {}]", start + length)),
        ]
        .boxed(),
    };
    (codes, name(index), prop::option::of(required_text())).prop_map(
        |(codes, name, description)| {
            let mut toml = format!(
                "\n[[table.row.reason]]\n{codes}\nname = {}\n",
                toml_string(&name)
            );
            if let Some(text) = description {
                writeln!(toml, "description = {}", toml_string(&text)).unwrap();
            }
            toml
        },
    )
}

/// One `[[table.row]]` with its reasons, as TOML; `kinds` names the
/// object kinds it may refer to.
fn row(index: usize, kinds: Vec<String>) -> impl Strategy<Value = String> {
    let declared = match kinds.is_empty() {
        true => Just(None).boxed(),
        false => prop::sample::select(kinds).prop_map(Some).boxed(),
    };
    let object = prop_oneof![
        10 => Just(None),
        10 => declared,
        1 => name(index).prop_map(Some),
    ];
    let reasons = (0usize..4, prop::bool::weighted(0.3)).prop_flat_map(|(count, dense)| {
        (0..count)
            .map(|index| reason(index, dense))
            .collect::<Vec<_>>()
    });
    (
        code(index),
        name(index),
        required_text(),
        object,
        prop::collection::vec(required_text(), 0..2),
        reasons,
    )
        .prop_map(|(code, name, description, object, notes, reasons)| {
            let mut toml = format!(
                "\n[[table.row]]\ncode = {code}\nname = {}\ndescription = {}\n",
                toml_string(&name),
                toml_string(&description)
            );
            if let Some(object) = object {
                writeln!(toml, "object = {}", toml_string(&object)).unwrap();
            }
            if !notes.is_empty() {
                let notes: Vec<String> = notes.iter().map(|note| toml_string(note)).collect();
                writeln!(toml, "notes = [{}]", notes.join(", ")).unwrap();
            }
            toml + &reasons.concat()
        })
}

/// One `[[table]]` with its object kinds and rows, as TOML.
fn table(index: usize) -> impl Strategy<Value = String> {
    let kinds = (0usize..3).prop_flat_map(|count| {
        (0..count)
            .map(|kind| (name(kind), required_text()))
            .collect::<Vec<_>>()
    });
    (
        name(index),
        prop::collection::vec(required_text(), 5),
        prop::bool::weighted(0.8),
        kinds,
    )
        .prop_flat_map(move |(name, texts, record, kinds)| {
            let kind_names: Vec<String> = kinds.iter().map(|(name, _)| name.clone()).collect();
            let mut head = format!(
                "\n[[table]]\nname = {}\ntitle = {}\ncaption = {}\npage = {}\nupdated = {}\ncolumns = [\"Code\", {}, \"Object\", \"Reason\"]\n",
                toml_string(&name),
                toml_string(&texts[0]),
                toml_string(&texts[1]),
                toml_string(&texts[2]),
                toml_string(&texts[3]),
                toml_string(&texts[4]),
            );
            if record {
                write!(
                    head,
                    "record = \"Operation{index}\"\nobject = \"Object{index}\"\nreason = \"Reason{index}\"\n"
                )
                .unwrap();
            }
            for (kind, text) in &kinds {
                write!(
                    head,
                    "\n[[table.object_kind]]\nname = {}\ntext = {}\n",
                    toml_string(kind),
                    toml_string(text)
                )
                .unwrap();
            }
            let rows = (0usize..5).prop_flat_map(move |count| {
                (0..count).map(|row_index| row(row_index, kind_names.clone())).collect::<Vec<_>>()
            });
            rows.prop_map(move |rows| head.clone() + &rows.concat())
        })
}

fn spec_text() -> impl Strategy<Value = String> {
    let tables = prop_oneof![
        1 => Just(Vec::new()).boxed(),
        14 => table(0).prop_map(|table| vec![table]).boxed(),
        5 => (table(0), table(1)).prop_map(|(first, second)| vec![first, second]).boxed(),
    ];
    (prop::collection::vec(required_text(), 3), tables).prop_map(|(source, tables)| {
        format!(
            "[source]\nvendor = {}\nproduct = {}\ndocument = {}\n{}",
            toml_string(&source[0]),
            toml_string(&source[1]),
            toml_string(&source[2]),
            tables.concat()
        )
    })
}

/// The tokens of `source` with every string literal (docs included)
/// replaced by `"x"`: what the code means, whatever its texts say or
/// however they lay out its lines.
fn meaning(source: &str) -> String {
    fn blank(tokens: TokenStream) -> TokenStream {
        tokens
            .into_iter()
            .map(|token| match token {
                TokenTree::Group(group) => {
                    TokenTree::Group(Group::new(group.delimiter(), blank(group.stream())))
                }
                TokenTree::Literal(literal) if literal.to_string().starts_with('"') => {
                    TokenTree::Literal(Literal::string("x"))
                }
                other => other,
            })
            .collect()
    }
    blank(source.parse().expect("generated code lexes")).to_string()
}

/// The values of every string literal in `source`.
fn string_values(source: &str) -> Vec<String> {
    fn walk(tokens: TokenStream, out: &mut Vec<String>) {
        for token in tokens {
            match token {
                TokenTree::Group(group) => walk(group.stream(), out),
                TokenTree::Literal(literal) => {
                    if let Ok(string) = syn::parse_str::<syn::LitStr>(&literal.to_string()) {
                        out.push(string.value());
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(source.parse().expect("generated code lexes"), &mut out);
    out
}

/// Every vendor text of `spec` (the source, pages, object kinds, rows and
/// reasons) replaced by what `text` makes of its position; the spec is
/// built from that text, as a maintainer's edit would be.
fn with_texts(spec: &DocumentMut, mut text: impl FnMut() -> String) -> Spec {
    let mut spec = spec.clone();
    let mut replace = |entry: &mut dyn TableLike, keys: &[&str]| {
        for key in keys {
            match entry.get_mut(key).and_then(Item::as_value_mut) {
                Some(Value::String(_)) => *entry.get_mut(key).unwrap() = value(text()),
                Some(Value::Array(array)) => {
                    for item in array.iter_mut() {
                        *item = text().into();
                    }
                }
                _ => {}
            }
        }
    };
    let source = spec["source"].as_table_like_mut().expect("a [source]");
    replace(source, &["vendor", "product", "document"]);
    let page = ["title", "caption", "page", "updated", "columns"];
    let tables = spec["table"].as_array_of_tables_mut().expect("[[table]]s");
    for table in tables.iter_mut() {
        replace(table, &page);
        if let Some(zh) = table.get_mut("zh").and_then(Item::as_table_like_mut) {
            replace(zh, &page);
        }
        for (key, keys) in [
            ("object_kind", &["text", "text_zh"][..]),
            (
                "row",
                &["description", "description_zh", "notes", "notes_zh"][..],
            ),
        ] {
            let Some(entries) = table.get_mut(key).and_then(Item::as_array_of_tables_mut) else {
                continue;
            };
            for entry in entries.iter_mut() {
                replace(entry, keys);
                let reasons = entry
                    .get_mut("reason")
                    .and_then(Item::as_array_of_tables_mut);
                for reason in reasons.into_iter().flat_map(|reasons| reasons.iter_mut()) {
                    replace(reason, &["description", "description_zh"]);
                }
            }
        }
    }
    let text = spec.to_string();
    Spec::from_toml("codes.toml", &text).unwrap_or_else(|error| panic!("{error}\n{text}"))
}

/// Four rows of the vendor spec with every feature: a range with a single
/// code inside, objects, notes, a bare reason code, an open reason.
fn vendor_spec() -> &'static DocumentMut {
    static SPEC: OnceLock<DocumentMut> = OnceLock::new();
    SPEC.get_or_init(|| {
        let mut spec: DocumentMut = include_str!("../../codes.toml")
            .parse()
            .expect("codes.toml parses");
        let keep = ["Talking", "ListenInsertWhisper", "Rest", "WorkStatus"];
        let rows = spec["table"][0]["row"]
            .as_array_of_tables_mut()
            .expect("rows");
        rows.retain(|row| keep.contains(&row["name"].as_str().expect("a name")));
        assert_eq!(rows.len(), keep.len());
        spec
    })
}

/// The meaning of the code generated from the vendor spec with every
/// text `x`.
fn plain_meaning() -> &'static str {
    static MEANING: OnceLock<String> = OnceLock::new();
    MEANING.get_or_init(|| meaning(&generate(&with_texts(vendor_spec(), || "x".to_string()))))
}

proptest! {
    // Failures are turned into explicit regression tests, not files.
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_random_spec_is_rejected_at_its_mistakes_or_generates_code_that_parses(text in spec_text()) {
        match Spec::from_toml("random.toml", &text) {
            Ok(spec) => {
                let source = generate(&spec);
                prop_assert!(syn::parse_file(&source).is_ok(), "{source}");
            }
            Err(error) => {
                prop_assert!(!error.diagnostics().is_empty());
                for (line, diagnostic) in error.summary().iter().zip(error.diagnostics()) {
                    prop_assert!(diagnostic.span.end <= text.len());
                    let (row, col) = error.line_col(diagnostic.span.start);
                    let place = format!("random.toml:{row}:{col}: ");
                    prop_assert!(line.starts_with(&place), "{}", line);
                }
                prop_assert!(error.to_string().starts_with("random.toml:"));
            }
        }
    }

    #[test]
    fn reasons_of_any_codes_are_rejected_or_generate_code_that_parses(
        singles in prop::sample::subsequence(vec![-1i64, 0, 1, 2, 3, 65535], 0..=6),
        ranges in prop::collection::vec((-2i64..4, 1i64..4), 0..3),
        open in prop::option::of(prop::option::of(-1i64..3)),
    ) {
        let mut reasons: Vec<String> = singles.iter().map(|code| format!("code = {code}")).collect();
        reasons.extend(ranges.iter().map(|(start, length)| format!("range = [{start}, {}]", start + length)));
        reasons.extend(open.map(|default| match default {
            Some(default) => format!("open = true\ndefault = {default}"),
            None => "open = true".to_string(),
        }));
        let mut text = format!("{TABLE}\n[[table.row]]\ncode = 99\nname = \"Probe\"\ndescription = \"d\"\n");
        for (index, codes) in reasons.iter().enumerate() {
            write!(text, "\n[[table.row.reason]]\n{codes}\nname = \"R{index}\"\n").unwrap();
        }
        if let Ok(spec) = Spec::from_toml("codes.toml", &text) {
            let source = generate(&spec);
            prop_assert!(syn::parse_file(&source).is_ok(), "{}", source);
        }
    }

    #[test]
    fn texts_change_no_token_of_the_generated_code(texts in prop::collection::vec(
        // The spec requires text where the vendor gives some; blank text
        // is a validation error (tested with the broken specs).
        hostile_text().prop_filter("non-blank", |text| !text.trim().is_empty()),
        1..40,
    )) {
        let mut next = texts.iter().cycle();
        let hostile = with_texts(vendor_spec(), || next.next().expect("a text").clone());
        let source = generate(&hostile);
        prop_assert_eq!(meaning(&source), plain_meaning());
        let values = string_values(&source);
        for row in hostile.tables()[0].rows() {
            let description = row.description().get(Lang::En).unwrap_or_default().to_string();
            prop_assert!(values.contains(&description), "{:?} not in the code", row.description());
            for note in row.notes() {
                prop_assert!(values.contains(note), "{:?} not in the code", note);
            }
        }
    }

    #[test]
    fn a_name_is_accepted_only_if_it_is_one_identifier(name in prop_oneof![
        name(0),
        "[ -~]{0,12}",
        any::<String>(),
    ]) {
        let text = format!(
            "{TABLE}\n[[table.row]]\ncode = 99\nname = {}\ndescription = \"d\"\n",
            toml_string(&name),
        );
        if let Ok(spec) = Spec::from_toml("codes.toml", &text) {
            let ident: syn::Ident = syn::parse_str(&name).expect("an accepted name is an identifier");
            prop_assert_eq!(ident.to_string(), name.clone());
            prop_assert!(name.starts_with(|c: char| c.is_ascii_uppercase()));
            let source = generate(&spec);
            let variant = format!("    {name} = 99,\n");
            prop_assert!(source.contains(&variant));
        }
    }
}
