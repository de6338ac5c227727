//! Tests of the import of the vendor's page family beyond the English
//! operation table (`tests/import.rs`): every page of `tests/fixtures/vendor/`
//! imports into a spec that validates (goldens `tests/golden/imported-*.toml`),
//! every page of a table of the repository's `codes.toml` merges into it
//! without a change, a Chinese page adds its texts by code and nothing else,
//! and what a merge cannot do is an error at its vendor line.

mod support;

use codes_codegen::Spec;
use codes_codegen::model::{RowCode, Table};
use codes_tools::import::{
    ImportError, ImportOptions, Imported, Lang, MergeOptions, import, import_all, import_values,
    merge_values, merge_with,
};
use codes_tools::vendor_doc::{ValueList, VendorTable, parse, parse_tables, parse_values};
use support::{
    AGENT_TYPE_2025, CALL_TYPE, CODES_TOML, COLUMNS_ZH, MEDIA_2023, MEDIA_2025, MEDIA_FULL_EN,
    MEDIA_FULL_ZH, MONITORING, PAGE_2023, ZH, golden, valid,
};
use toml_edit::{DocumentMut, Item};

fn table(text: &str) -> VendorTable {
    parse(text).unwrap_or_else(|errors| panic!("vendor text: {errors:#?}"))
}

fn call_directions(text: &str) -> ValueList {
    parse_values(text, "callIn_out").unwrap_or_else(|errors| panic!("vendor text: {errors:#?}"))
}

fn fresh(lang: Lang, page: &str) -> ImportOptions {
    ImportOptions {
        lang,
        page: Some(page.into()),
        ..ImportOptions::default()
    }
}

fn chinese() -> MergeOptions {
    MergeOptions {
        lang: Lang::Zh,
        ..MergeOptions::default()
    }
}

/// `vendor` merged into `spec` in `options.lang`.
fn merged(spec: &str, vendor: &str, options: &MergeOptions) -> Imported {
    merge_with("codes.toml", spec, &[table(vendor)], options)
        .unwrap_or_else(|error| panic!("{error}"))
}

fn vendor_errors(result: Result<Imported, ImportError>) -> Vec<String> {
    match result {
        Err(ImportError::Vendor(errors)) => errors.iter().map(ToString::to_string).collect(),
        other => panic!("expected vendor errors, got {other:?}"),
    }
}

/// The 1-based line of the first line of `text` holding `needle`, after
/// line `after`.
fn line_of(text: &str, needle: &str, after: usize) -> usize {
    text.split('\n')
        .enumerate()
        .skip(after)
        .find(|(_, line)| line.contains(needle))
        .map(|(index, _)| index + 1)
        .unwrap_or_else(|| panic!("no line with {needle:?}"))
}

fn spec_table<'s>(spec: &'s Spec, name: &str) -> &'s Table {
    spec.tables()
        .iter()
        .find(|table| table.name() == name)
        .unwrap_or_else(|| panic!("no table {name}"))
}

// ---------------------------------------------------------------------------
// Fresh imports.

/// A fresh import: valid, every `# review` comment listed, as the golden.
fn check_fresh(golden_name: &str, imported: &Imported) -> Spec {
    let spec = valid(&imported.toml);
    assert_eq!(
        imported.toml.matches("# review:").count(),
        imported.review.len(),
        "{golden_name}: {:#?}",
        imported.review
    );
    golden(golden_name, &imported.toml);
    spec
}

#[test]
fn every_page_imports_into_a_spec_that_validates() {
    let pages = [
        (
            "imported-media-type-2023-09-27.toml",
            MEDIA_2023,
            "cec_07_4244",
        ),
        (
            "imported-media-type-2025-11-13.toml",
            MEDIA_2025,
            "cec_07_0839",
        ),
        (
            "imported-agent-type-2025-11-13.toml",
            AGENT_TYPE_2025,
            "cec_07_0701",
        ),
        ("imported-call-type.toml", CALL_TYPE, "cec_07_1432"),
        (
            "imported-agent-operation-type-monitoring-synthetic.toml",
            MONITORING,
            "cec_07_2641",
        ),
    ];
    for (golden_name, page, id) in pages {
        let imported = import(&table(page), &fresh(Lang::En, id)).unwrap();
        let spec = check_fresh(golden_name, &imported);
        assert_eq!(spec.tables().len(), 1);
        assert_eq!(spec.tables()[0].en().map(|page| page.page()), Some(id));
    }
    let imported = import(&table(ZH), &fresh(Lang::Zh, "cec_07_0838")).unwrap();
    check_fresh("imported-agent-operation-type-zh.toml", &imported);
    let imported = import_values(
        &call_directions(COLUMNS_ZH),
        &fresh(Lang::Zh, "cec_07_4238"),
    );
    check_fresh("imported-agentoprinfo-columns-zh.toml", &imported.unwrap());
}

#[test]
fn table_names_come_from_the_page() {
    let names = [
        (MEDIA_2023, "MediaType"),
        (AGENT_TYPE_2025, "AgentType"),
        (CALL_TYPE, "CallType"),
        (MONITORING, "AgentOperationTypes"),
    ];
    for (page, name) in names {
        let imported = import(&table(page), &fresh(Lang::En, "p")).unwrap();
        assert_eq!(valid(&imported.toml).tables()[0].name(), name);
        assert_eq!(
            imported.review[0],
            format!("table 1: proposed name `{name}`")
        );
    }
    // Chinese words make no Rust name: the table's number does.
    let imported = import(&table(ZH), &fresh(Lang::Zh, "p")).unwrap();
    assert_eq!(valid(&imported.toml).tables()[0].name(), "Table1");
    let imported = import_values(&call_directions(COLUMNS_ZH), &fresh(Lang::Zh, "p")).unwrap();
    assert_eq!(valid(&imported.toml).tables()[0].name(), "CallinOut");
}

#[test]
fn constant_names_give_the_row_names() {
    let imported = import(&table(AGENT_TYPE_2025), &fresh(Lang::En, "cec_07_0701")).unwrap();
    let spec = valid(&imported.toml);
    let rows: Vec<(&str, &str)> = spec.tables()[0]
        .rows()
        .iter()
        .map(|row| (row.name(), row.constant().unwrap_or_default()))
        .collect();
    assert_eq!(
        rows[..3],
        [
            ("Extension", "AGENT_TYPE_EXTENSION"),
            ("Userline", "AGENT_TYPE_USERLINE"),
            ("Code1b1d", "AGENT_TYPE_1B1D"),
        ]
    );
    assert_eq!(rows[13], ("Emedia", "AGENT_TYPE_EMEDIA"));
    let page = spec.tables()[0].en().unwrap();
    assert_eq!(page.subtitle(), Some("Agent type."));
    assert_eq!(page.caption(), Some("Table 1 Agent type."));
    assert_eq!(spec.tables()[0].record(), None);
}

#[test]
fn a_chinese_import_fills_the_chinese_keys() {
    let imported = import(&table(ZH), &fresh(Lang::Zh, "cec_07_0838")).unwrap();
    let spec = valid(&imported.toml);
    let codes = valid(CODES_TOML);
    let (chinese, operations) = (&spec.tables()[0], spec_table(&codes, "OperationType"));
    assert_eq!(chinese.en(), None);
    assert_eq!(chinese.zh(), operations.zh());
    assert_eq!(chinese.rows().len(), operations.rows().len());
    for (row, expected) in chinese.rows().iter().zip(operations.rows()) {
        assert_eq!(row.code(), expected.code());
        assert_eq!(
            (
                row.description()[Lang::En].as_ref(),
                row.description()[Lang::Zh].as_ref()
            ),
            (None, expected.description()[Lang::Zh].as_ref())
        );
        // The open reason of row 26 is a free sentence to a fresh import.
        let open: Vec<String> = expected
            .reasons()
            .iter()
            .filter(|reason| reason.codes().to_string() == "any")
            .filter_map(|reason| reason.description()[Lang::Zh].clone())
            .collect();
        assert_eq!(
            row.notes_zh(),
            [expected.notes_zh().to_vec(), open].concat(),
            "row {}",
            row.code()
        );
        let reasons: Vec<_> = row
            .reasons()
            .iter()
            .map(|reason| (reason.codes(), reason.description()[Lang::Zh].as_ref()))
            .collect();
        let expected_reasons: Vec<_> = expected
            .reasons()
            .iter()
            .filter(|reason| reason.codes().to_string() != "any")
            .map(|reason| (reason.codes(), reason.description()[Lang::Zh].as_ref()))
            .collect();
        assert_eq!(reasons, expected_reasons, "row {}", row.code());
    }
    let kinds: Vec<(&str, Option<&str>)> = chinese
        .object_kinds()
        .iter()
        .map(|kind| (kind.name(), kind.text().get(Lang::Zh)))
        .collect();
    assert_eq!(
        kinds,
        [("Kind1", Some("工号")), ("Kind2", Some("座席工号"))]
    );
}

#[test]
fn a_text_keyed_import_is_like_call_direction() {
    let options = ImportOptions {
        table_name: Some("CallDirection".into()),
        ..fresh(Lang::Zh, "cec_07_4238")
    };
    let imported = import_values(&call_directions(COLUMNS_ZH), &options).unwrap();
    let spec = valid(&imported.toml);
    let codes = valid(CODES_TOML);
    let (imported_table, expected) = (&spec.tables()[0], spec_table(&codes, "CallDirection"));
    assert_eq!(imported_table.kind(), expected.kind());
    assert_eq!(
        (&imported_table.en(), &imported_table.zh()),
        (&expected.en(), &expected.zh())
    );
    let codes: Vec<&RowCode> = imported_table.rows().iter().map(|row| row.code()).collect();
    let expected_codes: Vec<&RowCode> = expected.rows().iter().map(|row| row.code()).collect();
    assert_eq!(codes, expected_codes);
    assert_eq!(
        imported.summary,
        ["imported 4 rows, 0 object kinds and 0 reasons"]
    );
}

#[test]
fn a_note_of_the_whole_table_is_the_pages_notes() {
    let imported = import(&table(MONITORING), &fresh(Lang::En, "cec_07_2641")).unwrap();
    assert!(imported.toml.contains(
        "columns = [\"Operation Type\", \"Description\", \"Operation Object\", \"Operation Reason\"]\n\
         notes = ['An operation type whose object and reason are \"-\" writes no bill.']\n"
    ));
    let spec = valid(&imported.toml);
    assert_eq!(
        spec.tables()[0].page_in(Lang::En).unwrap().notes(),
        ["An operation type whose object and reason are \"-\" writes no bill."]
    );
    // Merging the page again finds the note there.
    let again = merged(&imported.toml, MONITORING, &MergeOptions::default());
    assert!(again.toml == imported.toml);
    assert_eq!((again.summary.len(), again.review.len()), (0, 0));
}

#[test]
fn a_note_with_control_characters_is_kept_byte_for_byte() {
    let page = "NOTE: a\u{1}b\u{7f}c\td\n| Code | Description |\n|---|---|\n| 1 | One. |\n";
    let imported = import(&table(page), &fresh(Lang::En, "p")).unwrap();
    let spec = valid(&imported.toml);
    assert_eq!(
        spec.tables()[0].page_in(Lang::En).unwrap().notes(),
        ["a\u{1}b\u{7f}c\td"]
    );
}

#[test]
fn a_constant_listed_twice_is_an_error_at_its_line() {
    let page = "| Value | Constant | Description |\n|---|---|---|\n| 0 | AGENT_TYPE_X | One. |\n| 1 | AGENT_TYPE_X | Two. |\n";
    assert_eq!(
        vendor_errors(import(&table(page), &fresh(Lang::En, "p"))),
        ["line 4: duplicate constant AGENT_TYPE_X, already on line 3"]
    );
}

// ---------------------------------------------------------------------------
// Merges into the repository's spec.

#[test]
fn every_page_of_a_table_of_codes_toml_merges_into_it_unchanged() {
    let unchanged = [
        (ZH, chinese()),
        (MEDIA_FULL_ZH, chinese()),
        (AGENT_TYPE_2025, MergeOptions::default()),
        (PAGE_2023, MergeOptions::default()),
    ];
    for (page, options) in unchanged {
        let result = merged(CODES_TOML, page, &options);
        assert!(result.toml == CODES_TOML, "{}", result.toml);
        assert_eq!(
            (result.summary.len(), result.review.len()),
            (0, 0),
            "{result:#?}"
        );
    }
    let list = call_directions(COLUMNS_ZH);
    let result = merge_values("codes.toml", CODES_TOML, &list, &chinese()).unwrap();
    assert!(result.toml == CODES_TOML, "{}", result.toml);
    assert_eq!((result.summary.len(), result.review.len()), (0, 0));
    // The only English copy of the media types stops at 53: 54 and 55,
    // which only the Chinese page gives, stay.
    let result = merged(CODES_TOML, MEDIA_FULL_EN, &MergeOptions::default());
    assert!(result.toml == CODES_TOML, "{}", result.toml);
    assert_eq!(
        result.summary,
        [
            "row 54: not on the English page (its Chinese texts are kept)",
            "row 55: not on the English page (its Chinese texts are kept)",
        ]
    );
    // The bill's media-type pages (cec_07_4244, cec_07_0839) list 1 and 5
    // only: no longer the table's page, picked by neither caption nor title.
    for page in [MEDIA_2023, MEDIA_2025] {
        let error = merge_with(
            "codes.toml",
            CODES_TOML,
            &[table(page)],
            &MergeOptions::default(),
        )
        .unwrap_err();
        assert!(
            error.to_string().contains("do not pick exactly one"),
            "{error}"
        );
    }
}

/// `codes.toml` without its Chinese texts: no `[table.zh]` and no `_zh`
/// key in the operation table.
fn without_chinese(spec: &str) -> String {
    let mut document: DocumentMut = spec.parse().unwrap();
    let tables = document["table"].as_array_of_tables_mut().unwrap();
    let operations = tables.get_mut(0).unwrap();
    assert_eq!(operations["name"].as_str(), Some("OperationType"));
    operations.remove("zh");
    let strip = |item: &mut Item, key: &str| {
        if let Some(tables) = item.as_array_of_tables_mut() {
            for table in tables.iter_mut() {
                table.remove(key);
                table.remove("notes_zh");
                if let Some(reasons) = table
                    .get_mut("reason")
                    .and_then(Item::as_array_of_tables_mut)
                {
                    for reason in reasons.iter_mut() {
                        reason.remove(key);
                    }
                }
            }
        }
    };
    strip(&mut operations["object_kind"], "text_zh");
    strip(&mut operations["row"], "description_zh");
    document.to_string()
}

#[test]
fn the_chinese_page_gives_back_the_chinese_texts_of_codes_toml() {
    let stripped = without_chinese(CODES_TOML);
    let spec = valid(&stripped);
    assert_eq!(spec_table(&spec, "OperationType").zh(), None);
    // With no Chinese title in the spec, the table is named.
    let options = MergeOptions {
        into: Some("OperationType".into()),
        page: Some("cec_07_0838".into()),
        ..chinese()
    };
    let result = merged(&stripped, ZH, &options);
    assert_eq!(valid(&result.toml), valid(CODES_TOML));
    // Byte for byte, but for the comment codes.toml gives its Chinese page.
    let comment = "# The same table on the vendor's Chinese site: every text with `_zh` below\n\
        # comes from it (the \"说明:\" label of a note cell is left out, as the English\n\
        # page gives its notes without one).\n";
    assert!(CODES_TOML.contains(comment));
    assert!(
        result.toml == CODES_TOML.replace(comment, ""),
        "{}",
        result.toml
    );
    assert_eq!(
        result.summary[0],
        "title (Chinese page): (none) -> 座席操作类型"
    );
    assert!(
        result
            .summary
            .contains(&"row 26: reason any: description_zh added".to_owned())
    );
    assert!(
        result
            .summary
            .contains(&"object kind `AgentId`: text_zh added".to_owned())
    );
    assert_eq!(result.review, Vec::<String>::new());
    // Without `into`, no table has the page's title yet.
    let error = merge_with("codes.toml", &stripped, &[table(ZH)], &chinese()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the spec has 4 tables (OperationType, MediaType, AgentType, CallDirection) and the vendor table's caption (none) and title \"座席操作类型\" do not pick exactly one"
    );
    // Without `page`, the new page's id is marked for review.
    let result = merged(
        &stripped,
        ZH,
        &MergeOptions {
            page: None,
            ..options
        },
    );
    assert_eq!(
        result.review,
        ["page (Chinese page): \"unknown\" is not in the vendor text"]
    );
}

#[test]
fn a_chinese_merge_changes_chinese_texts_only() {
    let page = ZH
        .replace("座席签入。", "座席签入系统。")
        .replace("3:被质检员强制示忙", "3:被质检员强制示忙碌")
        .replace("工号 |\n-1 |\n|\n20 |", "座席工号 |\n-1 |\n|\n20 |");
    let result = merged(CODES_TOML, &page, &chinese());
    assert_eq!(
        result.summary,
        [
            "row 1: description_zh changed",
            "row 3: reason 3: description_zh changed",
        ]
    );
    let (old, new) = (valid(CODES_TOML), valid(&result.toml));
    for (old_table, new_table) in old.tables().iter().zip(new.tables()) {
        assert_eq!(old_table.name(), new_table.name());
        assert_eq!(old_table.en(), new_table.en());
        for (old_row, new_row) in old_table.rows().iter().zip(new_table.rows()) {
            assert_eq!(
                (
                    &old_row.name(),
                    &old_row.description()[Lang::En],
                    &old_row.notes()
                ),
                (
                    &new_row.name(),
                    &new_row.description()[Lang::En],
                    &new_row.notes()
                )
            );
            for (old_reason, new_reason) in old_row.reasons().iter().zip(new_row.reasons()) {
                assert_eq!(
                    (&old_reason.name(), &old_reason.description()[Lang::En]),
                    (&new_reason.name(), &new_reason.description()[Lang::En])
                );
            }
        }
    }
}

#[test]
fn what_the_spec_lacks_is_an_error_at_its_line_in_a_chinese_merge() {
    let page = format!(
        "{}|\n5 |\n新行。 |\n-1 |\n-1 |\n",
        ZH.replace(
            "200~250:业务自定义原因码",
            "200~250:业务自定义原因码 8:新原因"
        )
        .replace("座席签入。 |\n-1 |", "座席签入。 |\n工号 |")
        .replace("三方通话。 |\n工号 |", "三方通话。 |\n-1 |")
        .replace("强制签出。 |\n工号 |", "强制签出。 |\n工号2 |")
    );
    let object_of = |description: &str| line_of(&page, description, 0) + 1;
    let expected = [
        format!(
            "line {}: row 1 has no object in the spec, the page gives it \"工号\"",
            object_of("座席签入。")
        ),
        format!(
            "line {}: reason 8 of row 3 is not in the spec (the row's reasons: 1, 2, 3, 4, 5, 7, 200-250)",
            line_of(&page, "1:自己示忙", 0)
        ),
        format!(
            "line {}: row 10 has object kind `EmployeeId` in the spec, the page gives it no object",
            object_of("三方通话。")
        ),
        format!(
            "line {}: object \"工号2\" of row 29 is object kind `EmployeeId`, which line {} calls \"工号\"",
            object_of("强制签出。"),
            object_of("监听/插入/耳语。")
        ),
        format!(
            "line {}: row 5 is not in table OperationType of the spec (its rows come from its English page)",
            line_of(&page, "新行。", 0) - 2
        ),
    ];
    assert_eq!(
        vendor_errors(merge_with(
            "codes.toml",
            CODES_TOML,
            &[table(&page)],
            &chinese()
        )),
        expected
    );
}

#[test]
fn rows_and_reasons_the_chinese_page_lacks_keep_their_texts() {
    let page = ZH
        .replace("|\n58 |\n座席进入“会议态”。 |\n座席工号 |\n-1 |\n", "")
        .replace(" 7:座席拒接呼叫", "");
    let result = merged(CODES_TOML, &page, &chinese());
    assert!(result.toml == CODES_TOML);
    assert_eq!(
        result.summary,
        [
            "row 3: reason 7 not on the Chinese page (its Chinese text is kept)",
            "row 58: not on the Chinese page (its Chinese texts are kept)",
        ]
    );
}

#[test]
fn an_open_reason_among_several_sentences_is_an_error() {
    // Row 26 given an English note: which of two Chinese sentences is its
    // open reason's cannot be told.
    let spec = without_chinese(CODES_TOML).replace(
        "description = \"Be on holiday or take a rest.\"\n",
        "description = \"Be on holiday or take a rest.\"\nnotes = [\"A note.\"]\n",
    );
    let page = ZH.replace("(默认0)。 |", "(默认0)。 另一句。 |");
    let options = MergeOptions {
        into: Some("OperationType".into()),
        page: Some("cec_07_0838".into()),
        ..chinese()
    };
    // A row of this page starts at the `|` line before its code.
    let row_26 = line_of(&page, "26 |", 0) - 1;
    assert_eq!(
        vendor_errors(merge_with("codes.toml", &spec, &[table(&page)], &options)),
        [format!(
            "line {row_26}: row 26 has an open reason (`RestCause`) and 2 free sentences: which one describes it cannot be told"
        )]
    );
}

#[test]
fn a_constant_differing_on_the_chinese_page_is_an_error() {
    let spec = CODES_TOML.to_owned();
    let page = "| 编号 | 常量 | 描述 |\n|---|---|---|\n| 0 | AGENT_TYPE_EXT | 分机类型 |\n| 1 | AGENT_TYPE_USERLINE | 用户线类型 |\n";
    let options = MergeOptions {
        into: Some("AgentType".into()),
        page: Some("cec_07_0701".into()),
        ..chinese()
    };
    assert_eq!(
        vendor_errors(merge_with("codes.toml", &spec, &[table(page)], &options)),
        ["line 3: row 0 has constant AGENT_TYPE_EXT on the page, AGENT_TYPE_EXTENSION in the spec"]
    );
    let media = "| 编号 | 常量 | 描述 |\n|---|---|---|\n| 1 | MEDIA_TEXT | 文字交谈 |\n";
    let into_media = MergeOptions {
        into: Some("MediaType".into()),
        ..options.clone()
    };
    assert_eq!(
        vendor_errors(merge_with(
            "codes.toml",
            &spec,
            &[table(media)],
            &into_media
        )),
        ["line 3: row 1 has constant MEDIA_TEXT on the page, MEDIA_TYPE_CHAT in the spec"]
    );
    // Nor can the page give a constant the spec's rows do not have.
    let operations = "| 操作类型 | 常量 | 含义 |\n|---|---|---|\n| 2 | AGENT_IDLE | 空闲。 |\n";
    let into_operations = MergeOptions {
        into: Some("OperationType".into()),
        ..options.clone()
    };
    assert_eq!(
        vendor_errors(merge_with(
            "codes.toml",
            &spec,
            &[table(operations)],
            &into_operations
        )),
        ["line 3: row 2 has constant AGENT_IDLE on the page, none in the spec"]
    );
    let fixed = page.replace("AGENT_TYPE_EXT |", "AGENT_TYPE_EXTENSION |");
    let result = merged(&spec, &fixed, &options);
    assert!(
        result
            .summary
            .contains(&"row 0: description_zh added".to_owned())
    );
    assert!(
        result
            .summary
            .contains(&"row 2: not on the Chinese page (its Chinese texts are kept)".to_owned())
    );
    let merged_spec = valid(&result.toml);
    let agent_type = spec_table(&merged_spec, "AgentType");
    assert_eq!(
        agent_type.zh().map(|page| page.columns().to_vec()),
        Some(vec![
            "编号".to_owned(),
            "常量".to_owned(),
            "描述".to_owned()
        ])
    );
    assert_eq!(
        agent_type.rows()[1].description().get(Lang::Zh),
        Some("用户线类型")
    );
    assert_eq!(
        agent_type.rows()[1].description().get(Lang::En),
        Some("Type of a subscriber line")
    );
}

#[test]
fn texts_differing_only_in_punctuation_width_are_kept_for_review() {
    let page = ZH
        .replace(
            "人工转自动,业务代表处于挂起状态。",
            "人工转自动，业务代表处于挂起状态。",
        )
        .replace("强制登录,导致", "强制登录，导致")
        .replace("缺省为0,即事后整理。", "缺省为0，即事后整理。");
    let result = merged(CODES_TOML, &page, &chinese());
    assert_eq!(result.summary, Vec::<String>::new());
    assert_eq!(
        result.review,
        [
            "row 0: reason 264: description_zh \"具有相同工号的座席正在新的客户端强制登录,导致本座席被强制签出\" differs from the vendor's \"具有相同工号的座席正在新的客户端强制登录，导致本座席被强制签出\" only in punctuation width",
            "row 13: description_zh \"人工转自动,业务代表处于挂起状态。\" differs from the vendor's \"人工转自动，业务代表处于挂起状态。\" only in punctuation width",
            "row 27: notes_zh [\"缺省为0,即事后整理。\"] differs from the vendor's [\"缺省为0，即事后整理。\"] only in punctuation width",
        ]
    );
    assert!(result.toml.contains(
        "description_zh = \"人工转自动,业务代表处于挂起状态。\" # review: the vendor writes \"人工转自动，业务代表处于挂起状态。\" (only the punctuation width differs)\n"
    ));
    assert_eq!(valid(&result.toml), valid(CODES_TOML));
    // Merging again changes nothing more.
    let again = merged(&result.toml, &page, &chinese());
    assert!(again.toml == result.toml);
    assert_eq!(again.review, result.review);
    // English texts alike.
    let page = PAGE_2023.replace("\n\nIdle.\n\n", "\n\nIdle\u{ff0e}\n\n");
    let result = merged(CODES_TOML, &page, &MergeOptions::default());
    assert_eq!(
        result.review,
        [
            "row 2: description \"Idle.\" differs from the vendor's \"Idle．\" only in punctuation width"
        ]
    );
    assert_eq!(result.summary, Vec::<String>::new());
}

#[test]
fn a_page_in_the_other_language_is_an_error() {
    assert_eq!(
        vendor_errors(import(&table(ZH), &fresh(Lang::En, "p"))),
        [
            "line 3: expected English header cells for an import in English, found \"操作类型\" (a Chinese page)"
        ]
    );
    assert_eq!(
        vendor_errors(import(&table(PAGE_2023), &fresh(Lang::Zh, "p"))),
        [
            "line 7: expected Chinese header cells for an import in Chinese, found \"Operation Type\" (an English page)"
        ]
    );
    // A Chinese page merged as English would overwrite the English texts.
    assert_eq!(
        vendor_errors(merge_with(
            "codes.toml",
            CODES_TOML,
            &[table(ZH)],
            &MergeOptions::default()
        )),
        [
            "line 3: expected English header cells for an import in English, found \"操作类型\" (a Chinese page)"
        ]
    );
    assert_eq!(
        vendor_errors(merge_values(
            "codes.toml",
            CODES_TOML,
            &call_directions(COLUMNS_ZH),
            &MergeOptions::default()
        )),
        [
            "line 5: expected English header cells for an import in English, found \"顺序\" (a Chinese page)"
        ]
    );
}

#[test]
fn a_chinese_only_table_follows_its_chinese_page() {
    let page = COLUMNS_ZH
        .replace("  • IVR呼出\n", "")
        .replace("  • outbound呼出\n", "  • outbound呼出\n  • 转接\n");
    let result = merge_values(
        "codes.toml",
        CODES_TOML,
        &call_directions(&page),
        &chinese(),
    )
    .unwrap();
    assert_eq!(
        result.summary,
        [
            "row 转接 added as `Value4` (proposed name: review it)",
            "row IVR呼出 removed (was `IvrOutbound`)",
        ]
    );
    assert_eq!(result.review, ["row 转接: proposed name `Value4`"]);
    let spec = valid(&result.toml);
    let codes: Vec<String> = spec_table(&spec, "CallDirection")
        .rows()
        .iter()
        .map(|row| row.code().to_string())
        .collect();
    assert_eq!(codes, ["呼入", "呼出", "outbound呼出", "转接"]);
}

#[test]
fn agent_type_revisions_merge_constants_and_rows() {
    let page = AGENT_TYPE_2025
        .replace("AGENT_TYPE_NET\n", "AGENT_TYPE_NETWORK\n")
        .replace(
            "Multimedia Agent\n",
            "Multimedia Agent\n\n14\n\nAGENT_TYPE_WEB_CHAT\n\nWeb chat agent\n",
        );
    let result = merged(CODES_TOML, &page, &MergeOptions::default());
    assert_eq!(
        result.summary,
        [
            "row 10: constant changed",
            "row 14 added as `WebChat2` (proposed name: review it)",
        ]
    );
    let spec = valid(&result.toml);
    let row = spec_table(&spec, "AgentType")
        .rows()
        .last()
        .cloned()
        .unwrap();
    assert_eq!(
        (row.name(), row.constant()),
        ("WebChat2", Some("AGENT_TYPE_WEB_CHAT"))
    );
}

// ---------------------------------------------------------------------------
// Pages of several tables, and picking the spec table.

const THREE_TABLES: &str = "\
Table 1 Media type

Media Type

Description

1

Text chat

Table 2 Agent type

Value

Agent Type

Description

0

AGENT_TYPE_EXTENSION

Extension

Table 3 Release causes

Code

Description

Cause

7

Released.

1: By the agent.

Table 4 Hold causes

Code

Description

Cause

8

Held.

1: By the agent.
";

#[test]
fn a_page_of_several_tables_imports_each_as_its_own_table() {
    let tables = parse_tables(THREE_TABLES).unwrap();
    let imported = import_all(&tables, &fresh(Lang::En, "p")).unwrap();
    let spec = check_fresh("imported-several-tables.toml", &imported);
    let names: Vec<&str> = spec.tables().iter().map(|table| table.name()).collect();
    assert_eq!(
        names,
        ["MediaType", "AgentType", "ReleaseCauses", "HoldCauses"]
    );
    let records: Vec<Option<&str>> = spec
        .tables()
        .iter()
        .map(|table| table.record().map(|record| record.record()))
        .collect();
    assert_eq!(records, [None, None, Some("Operation"), Some("Operation2")]);
    assert_eq!(
        imported.summary,
        ["imported 4 rows, 0 object kinds and 2 reasons in 4 tables"]
    );
    // Merging the page into its import: each table picks its own.
    let again = merge_with(
        "imported.toml",
        &imported.toml,
        &tables,
        &MergeOptions::default(),
    )
    .unwrap();
    assert!(again.toml == imported.toml);
    assert_eq!(again.summary, Vec::<String>::new());
    // Several tables changed: the summary says which.
    let changed = parse_tables(
        &THREE_TABLES
            .replace("Released.", "Freed.")
            .replace("Held.", "Kept."),
    )
    .unwrap();
    let result = merge_with(
        "imported.toml",
        &imported.toml,
        &changed,
        &MergeOptions::default(),
    )
    .unwrap();
    assert_eq!(
        result.summary,
        [
            "table ReleaseCauses: row 7: description changed",
            "table HoldCauses: row 8: description changed"
        ]
    );
}

#[test]
fn options_naming_one_table_need_one_table() {
    let tables = parse_tables(THREE_TABLES).unwrap();
    let options = ImportOptions {
        table_name: Some("Media".into()),
        ..fresh(Lang::En, "p")
    };
    assert_eq!(
        import_all(&tables, &options).unwrap_err(),
        ImportError::Options(vec![
            "option `table_name` names one table, and there are 4 vendor tables".into()
        ])
    );
    let into = MergeOptions {
        into: Some("MediaType".into()),
        ..MergeOptions::default()
    };
    assert_eq!(
        merge_with("codes.toml", CODES_TOML, &tables, &into).unwrap_err(),
        ImportError::Options(vec![
            "option `into` names one table, and there are 4 vendor tables".into()
        ])
    );
}

#[test]
fn a_blank_page_id_is_an_error() {
    let options = MergeOptions {
        page: Some(" ".into()),
        ..chinese()
    };
    let expected = ImportError::Options(vec!["option `page` is empty".into()]);
    assert_eq!(
        merge_with("codes.toml", CODES_TOML, &[table(ZH)], &options).unwrap_err(),
        expected
    );
    let list = call_directions(COLUMNS_ZH);
    assert_eq!(
        merge_values("codes.toml", CODES_TOML, &list, &options).unwrap_err(),
        expected
    );
}

#[test]
fn picking_the_spec_table() {
    let table_error = |result: Result<Imported, ImportError>| match result {
        Err(ImportError::Table(message)) => message,
        other => panic!("expected a table error, got {other:?}"),
    };
    let into = |name: &str| MergeOptions {
        into: Some(name.into()),
        ..MergeOptions::default()
    };
    assert_eq!(
        table_error(merge_with(
            "codes.toml",
            CODES_TOML,
            &[table(MEDIA_2023)],
            &into("Nope")
        )),
        "the spec has no table Nope (its tables: OperationType, MediaType, AgentType, CallDirection)"
    );
    let list = call_directions(COLUMNS_ZH);
    let chinese_into = MergeOptions {
        lang: Lang::Zh,
        ..into("OperationType")
    };
    assert_eq!(
        table_error(merge_values("codes.toml", CODES_TOML, &list, &chinese_into)),
        "table OperationType of the spec has codes that are numbers, the vendor's are texts"
    );
    assert_eq!(
        table_error(merge_with(
            "codes.toml",
            CODES_TOML,
            &[table(MEDIA_2023)],
            &into("CallDirection")
        )),
        "table CallDirection of the spec has codes that are texts, the vendor's are numbers"
    );
    let twice = [table(MEDIA_FULL_EN), table(MEDIA_FULL_EN)];
    assert_eq!(
        table_error(merge_with(
            "codes.toml",
            CODES_TOML,
            &twice,
            &MergeOptions::default()
        )),
        "two vendor tables pick table MediaType of the spec: merge them one at a time"
    );
    // `into` picks a table no caption or title would.
    let result = merge_with(
        "codes.toml",
        CODES_TOML,
        &[table(CALL_TYPE)],
        &into("OperationType"),
    )
    .unwrap();
    assert_eq!(
        result.summary[0],
        "title: Agent Operation Type -> Call Type"
    );
}
