//! Notes in the vendor's pages, in each rendering (paragraph and pipe
//! layouts, HTML): a note under a cell's text is the row's note, a note
//! between the header and the rows the table's; every note title the vendor
//! writes; a title with nothing after it is an error.

mod support;

use codes_tools::import::{ImportOptions, Lang, import_all, page_lang};
use codes_tools::vendor_doc::{VendorTable, parse_html_tables, parse_tables};
use support::valid;

/// Every note title of the vendor's pages, and the language of its pages.
const TITLES: [(&str, Lang); 6] = [
    ("NOTE:", Lang::En),
    ("Note:", Lang::En),
    ("说明:", Lang::Zh),
    ("说明：", Lang::Zh),
    ("注意:", Lang::Zh),
    ("注意：", Lang::Zh),
];

/// A two-row media type page in `lang` whose row 6 has `title` and `note`
/// under its description, in each rendering.
fn renderings(title: &str, note: &str, lang: Lang) -> [(&'static str, Vec<VendorTable>); 3] {
    let (header, six, seven) = match lang {
        Lang::Zh => (["编号", "媒体类型", "描述"], "电子邮件呼叫", "传真呼叫"),
        _ => (
            ["ID", "Media Type", "Description"],
            "Email call",
            "Fax call",
        ),
    };
    let [id, media, description] = header;
    let paragraph = format!(
        "{id}\n\n{media}\n\n{description}\n\n6\n\nMEDIA_TYPE_EMAIL\n\n{six}\n\n{title}\n\n{note}\n\n\
         7\n\nMEDIA_TYPE_FAX\n\n{seven}\n"
    );
    let pipe = format!(
        "|\n{id} |\n{media} |\n{description} |\n|---|---|---|\n|\n6 |\nMEDIA_TYPE_EMAIL |\n{six}\n{title}\n{note} |\n\
         |\n7 |\nMEDIA_TYPE_FAX |\n{seven} |\n"
    );
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<body>\n<table>\n\
         <thead><tr><th><p>{id}</p></th><th><p>{media}</p></th><th><p>{description}</p></th></tr></thead>\n\
         <tbody><tr><td><p>6</p></td><td><p>MEDIA_TYPE_EMAIL</p></td><td><p>{six}</p>\
         <div class=\"note\"><img src=\"note.png\"><span class=\"notetitle\"> {title} </span>\
         <div class=\"notebody\"><p>{note}</p></div></div></td></tr>\n\
         <tr><td><p>7</p></td><td><p>MEDIA_TYPE_FAX</p></td><td><p>{seven}</p></td></tr></tbody>\n</table>\n</body>\n</html>\n",
        lang.tag()
    );
    [
        ("paragraph", tables(parse_tables(&paragraph), &paragraph)),
        ("pipe", tables(parse_tables(&pipe), &pipe)),
        ("html", tables(parse_html_tables(html.as_bytes()), &html)),
    ]
}

fn tables<E: std::fmt::Debug>(result: Result<Vec<VendorTable>, E>, page: &str) -> Vec<VendorTable> {
    result.unwrap_or_else(|errors| panic!("{errors:#?}\n{page}"))
}

#[test]
fn every_note_title_under_a_cell_gives_the_rows_note_in_every_rendering() {
    for (title, lang) in TITLES {
        let note = match lang {
            Lang::Zh => "当前版本暂不支持该类型。",
            _ => "The current version does not support this type.",
        };
        for (rendering, tables) in renderings(title, note, lang) {
            let place = format!("{title} in the {rendering} rendering");
            let row = &tables[0].rows[0];
            let notes: Vec<&str> = row.notes.iter().map(|note| note.value.as_str()).collect();
            assert_eq!(notes, [note], "{place}");
            assert_eq!(tables[0].rows[1].notes, [], "{place}");
            // The page's language from its header (and lang attribute).
            assert_eq!(page_lang(&tables), lang, "{place}");
            let options = ImportOptions {
                lang,
                page: Some("cec_07_4247".into()),
                ..ImportOptions::default()
            };
            let imported =
                import_all(&tables, &options).unwrap_or_else(|error| panic!("{place}: {error}"));
            let spec = valid(&imported.toml);
            let notes = spec.tables()[0].rows()[0].notes_in(lang);
            assert_eq!(notes, [note], "{place}");
            assert_eq!(
                spec.tables()[0].rows()[0].notes_in(lang.fallback()),
                [] as [String; 0],
                "{place}"
            );
        }
    }
}

#[test]
fn a_note_title_with_nothing_after_it_is_an_error() {
    let paragraph =
        "ID\n\nMedia Type\n\nDescription\n\n6\n\nMEDIA_TYPE_EMAIL\n\nEmail call\n\nNOTE:\n";
    let pipe = "| ID | Media Type | Description |\n|---|---|---|\n|\n6 |\nMEDIA_TYPE_EMAIL |\nEmail call\n说明： |\n";
    let html = "<table><tr><th>ID</th><th>Media Type</th><th>Description</th></tr>\n\
                <tr><td>6</td><td>MEDIA_TYPE_EMAIL</td><td><p>Email call</p>\n\
                <div class=\"note\"><span class=\"notetitle\"> Note: </span><div class=\"notebody\"></div></div></td></tr></table>";
    let message = |errors: Vec<codes_tools::vendor_doc::DocError>| -> Vec<String> {
        errors.iter().map(ToString::to_string).collect()
    };
    assert_eq!(
        message(parse_tables(paragraph).unwrap_err()),
        ["line 13: expected a note after the note title \"NOTE:\", found the end of the cell"]
    );
    assert_eq!(
        message(parse_tables(pipe).unwrap_err()),
        ["line 7: expected a note after the note title \"说明：\", found the end of the cell"]
    );
    assert_eq!(
        message(parse_html_tables(html.as_bytes()).unwrap_err()),
        [
            "line 3: table 1, row 1: expected a note after the note title \"Note:\", found the end of the cell"
        ]
    );
    // In a reason cell too.
    let reasons = "| Code | Description | Object | Reason |\n|---|---|---|---|\n|\n3 |\nBusy. |\n-1 |\n1: Busy.\nNOTE: |\n";
    assert_eq!(
        message(parse_tables(reasons).unwrap_err()),
        ["line 8: expected a note after the note title \"NOTE:\", found the end of the cell"]
    );
}

/// The monitoring pages' note between the header and the first row, its
/// bullets in the same paragraph or the following ones (SYNTHETIC pages of
/// that shape: no copy of the vendor's is here).
#[test]
fn a_note_between_the_header_and_the_rows_is_the_tables_note() {
    const EN: [&str; 2] = [
        "In the following, - filled in the operation object and reason columns indicates that the operation type writes no bill.",
        "US_NO_USE= 0xFFFF; 65535",
    ];
    const ZH: [&str; 2] = [
        "下文中操作对象和操作原因列填写-的，表示该操作类型不输出话单。",
        "US_NO_USE= 0xFFFF; 65535",
    ];
    let pages: [(&str, Vec<VendorTable>, Lang, [&str; 2]); 4] = [
        (
            "paragraph",
            tables(
                parse_tables(include_str!(
                    "fixtures/vendor/monitoring-note-en.synthetic.txt"
                )),
                "",
            ),
            Lang::En,
            EN,
        ),
        (
            "pipe",
            tables(
                parse_tables(include_str!(
                    "fixtures/vendor/monitoring-note-en.synthetic.pipe.txt"
                )),
                "",
            ),
            Lang::En,
            EN,
        ),
        (
            "paragraph, Chinese",
            tables(
                parse_tables(include_str!(
                    "fixtures/vendor/monitoring-note-zh.synthetic.txt"
                )),
                "",
            ),
            Lang::Zh,
            ZH,
        ),
        (
            "html, a note row spanning the columns",
            tables(
                parse_html_tables(include_bytes!(
                    "fixtures/vendor/html/rowspan-colspan.synthetic.html"
                )),
                "",
            ),
            Lang::En,
            EN,
        ),
    ];
    for (rendering, tables, lang, expected) in pages {
        let table = &tables[0];
        assert_eq!(table.header.len(), 4, "{rendering}");
        let options = ImportOptions {
            lang,
            page: Some("cec_07_2641".into()),
            ..ImportOptions::default()
        };
        let imported =
            import_all(&tables, &options).unwrap_or_else(|error| panic!("{rendering}: {error}"));
        let spec = valid(&imported.toml);
        let page = spec.tables()[0].page_in(lang).expect("the page");
        assert_eq!(page.notes(), expected, "{rendering}");
    }
}

/// The media type pages with the note in rows 6 and 7 (SYNTHETIC: the
/// vendor-docs README describes copies with it, none is here), in both
/// languages: the notes merge into codes.toml's MediaType as its rows'.
#[test]
fn notes_of_the_full_media_pages_merge_as_the_rows_notes() {
    use codes_tools::import::{MergeOptions, merge_with};
    let english = tables(
        parse_tables(include_str!(
            "fixtures/vendor/media-type-full-notes-en.synthetic.txt"
        )),
        "",
    );
    let chinese = tables(
        parse_tables(include_str!(
            "fixtures/vendor/media-type-full-notes-zh.synthetic.txt"
        )),
        "",
    );
    let merged = merge_with(
        "codes.toml",
        support::CODES_TOML,
        &english,
        &MergeOptions::default(),
    )
    .unwrap();
    let both = merge_with(
        "codes.toml",
        &merged.toml,
        &chinese,
        &MergeOptions {
            lang: Lang::Zh,
            ..MergeOptions::default()
        },
    )
    .unwrap();
    assert_eq!(
        both.summary,
        ["row 6: notes_zh changed", "row 7: notes_zh changed"],
    );
    let spec = valid(&both.toml);
    let media = spec
        .tables()
        .iter()
        .find(|table| table.name() == "MediaType")
        .unwrap();
    let row = |code: i32| {
        media
            .rows()
            .iter()
            .find(|row| row.code().integer() == Some(code))
            .unwrap()
    };
    for code in [6, 7] {
        assert_eq!(
            row(code).notes(),
            ["The current version does not support this type."]
        );
        assert_eq!(row(code).notes_zh(), ["当前版本暂不支持该类型。"]);
    }
}
