//! The vendor's pages as the test oracle: each page in `vendor/`, read by
//! the importer (`codes_tools`), as a table of the model to hold the
//! generated API against, row by row.
//!
//! The pages are the ones `codes.toml` is transcribed from, byte for byte
//! as saved or copied (`vendor/README.md`). A vendor update replaces a page
//! there and merges it into the spec: these tests then hold the new spec to
//! the new page, with nothing to edit by hand.

#![allow(dead_code)] // each test file uses its own part

use std::path::{Path, PathBuf};

use cec_codes::{
    AgentType, CallDirection, Lang, MediaType, OperationType, ReasonCodes, ReasonInfo,
};
use codes_codegen::Spec;
use codes_codegen::model::Table;
use codes_tools::import::{self, ImportOptions};
use codes_tools::vendor_doc::{self, ValueList, VendorTable};

/// Where a page of `vendor/` belongs in the spec.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    /// The spec table it is a page of.
    pub table: &'static str,
    /// Its language.
    pub lang: Lang,
    /// The vendor's page id.
    pub id: &'static str,
    /// The parameter whose listed values are the table's codes, for a page
    /// of parameters (`codes import --values-of`).
    pub values_of: Option<&'static str>,
    /// Whether the page is the table's own (its `page` in that language),
    /// or one that gives the texts of some rows only (a row's `page`).
    pub whole: bool,
}

/// Every page of `vendor/`.
pub const PAGES: &[Page] = &[
    Page {
        table: "OperationType",
        lang: Lang::En,
        id: "cec_07_4243",
        values_of: None,
        whole: true,
    },
    Page {
        table: "OperationType",
        lang: Lang::Zh,
        id: "cec_07_0838",
        values_of: None,
        whole: true,
    },
    Page {
        table: "MediaType",
        lang: Lang::En,
        id: "cec_07_0843",
        values_of: None,
        whole: true,
    },
    Page {
        table: "MediaType",
        lang: Lang::Zh,
        id: "cec_07_4247",
        values_of: None,
        whole: true,
    },
    Page {
        table: "MediaType",
        lang: Lang::En,
        id: "cec_07_4244",
        values_of: None,
        whole: false,
    },
    Page {
        table: "AgentType",
        lang: Lang::En,
        id: "cec_07_0701",
        values_of: None,
        whole: true,
    },
    Page {
        table: "CallDirection",
        lang: Lang::Zh,
        id: "cec_07_4238",
        values_of: Some("callIn_out"),
        whole: true,
    },
];

impl Page {
    /// The file in `vendor/`: the page id, `.html` for a page saved from
    /// the browser (what `codes update --save-pages` writes), else `.txt`
    /// for its copied text.
    pub fn file(&self) -> String {
        let html = format!("{}.html", self.id);
        match vendor_path(&html).exists() {
            true => html,
            false => format!("{}.txt", self.id),
        }
    }
}

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `vendor/FILE`.
pub fn vendor_path(file: &str) -> PathBuf {
    root().join("vendor").join(file)
}

/// The repository's spec, as text.
pub fn spec_text() -> String {
    std::fs::read_to_string(root().join("codes.toml")).expect("read codes.toml")
}

/// The repository's spec, validated.
pub fn spec() -> Spec {
    Spec::from_toml("codes.toml", &spec_text()).unwrap_or_else(|error| panic!("{error}"))
}

/// What a page holds, as the importer reads it.
pub enum Read {
    /// A table of codes.
    Tables(Vec<VendorTable>),
    /// The values of a parameter.
    Values(Box<ValueList>),
}

/// `page` read as `codes import` reads it: saved HTML or copied text.
pub fn read(page: &Page) -> Read {
    let path = vendor_path(&page.file());
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let html = vendor_doc::is_html(&bytes);
    let fail = |errors: Vec<vendor_doc::DocError>| -> ! { panic!("{}: {errors:#?}", page.file()) };
    match (page.values_of, html) {
        (Some(parameter), true) => Read::Values(Box::new(
            vendor_doc::parse_html_values(&bytes, parameter).unwrap_or_else(|e| fail(e)),
        )),
        (Some(parameter), false) => {
            let text = vendor_doc::decode_text(&bytes).unwrap_or_else(|e| fail(vec![e]));
            Read::Values(Box::new(
                vendor_doc::parse_values(text, parameter).unwrap_or_else(|e| fail(e)),
            ))
        }
        (None, true) => {
            Read::Tables(vendor_doc::parse_html_tables(&bytes).unwrap_or_else(|e| fail(e)))
        }
        (None, false) => {
            let text = vendor_doc::decode_text(&bytes).unwrap_or_else(|e| fail(vec![e]));
            Read::Tables(vendor_doc::parse_tables(text).unwrap_or_else(|e| fail(e)))
        }
    }
}

/// Whether `page` is in the language that gives its table its rows (the
/// English page where the spec has one), which the spec follows row for
/// row; a page in the other language may lag behind it.
pub fn leads(spec: &Spec, page: &Page) -> bool {
    let table = spec
        .tables()
        .iter()
        .find(|table| table.name() == page.table)
        .unwrap_or_else(|| panic!("{}: no table {} in codes.toml", page.file(), page.table));
    table.primary_lang() == page.lang
}

/// `page` imported afresh, as `codes import PAGE` writes it: the vendor's
/// table in the model, with the importer's proposed names (ignored here).
pub fn imported(page: &Page) -> Table {
    let options = ImportOptions {
        lang: page.lang,
        page: Some(page.id.into()),
        table_name: Some(page.table.into()),
        ..ImportOptions::default()
    };
    let result = match read(page) {
        Read::Tables(tables) => import::import_all(&tables, &options),
        Read::Values(list) => import::import_values(&list, &options),
    };
    let imported = result.unwrap_or_else(|error| panic!("{}: {error}", page.file()));
    let spec = Spec::from_toml(&page.file(), &imported.toml)
        .unwrap_or_else(|error| panic!("{}: {error}", page.file()));
    let [table] = spec.tables() else {
        panic!("{}: one table expected", page.file())
    };
    table.clone()
}

/// A row of the generated API, in both languages (`[en, zh]`, each as
/// `description_in` gives it, falling back to the other language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiRow {
    pub code: String,
    pub name: &'static str,
    pub constant: Option<&'static str>,
    pub description: [&'static str; 2],
    pub object: Option<[&'static str; 2]>,
    pub notes: [&'static [&'static str]; 2],
    pub reasons: Vec<ApiReason>,
}

/// A listed reason of the generated API, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiReason {
    pub codes: ReasonCodes,
    pub name: &'static str,
    pub description: [Option<&'static str>; 2],
}

fn both<T>(text: impl Fn(Lang) -> T) -> [T; 2] {
    [text(Lang::En), text(Lang::Zh)]
}

fn reasons(infos: &[ReasonInfo<cec_codes::Reason>]) -> Vec<ApiReason> {
    infos
        .iter()
        .map(|info| ApiReason {
            codes: info.codes,
            name: info.reason.name(),
            description: both(|lang| info.reason.description_in(lang)),
        })
        .collect()
}

/// The rows of the generated API's table `name`, in its order.
pub fn api_rows(name: &str) -> Vec<ApiRow> {
    match name {
        "OperationType" => OperationType::ALL
            .iter()
            .map(|&op| ApiRow {
                code: op.code().to_string(),
                name: op.name(),
                constant: None,
                description: both(|lang| op.description_in(lang)),
                object: op
                    .object_kind()
                    .map(|kind| both(|lang| kind.description_in(lang))),
                notes: both(|lang| op.notes_in(lang)),
                reasons: reasons(op.reasons()),
            })
            .collect(),
        "MediaType" => MediaType::ALL
            .iter()
            .map(|&media| ApiRow {
                code: media.code().to_string(),
                name: media.name(),
                constant: Some(media.constant()),
                description: both(|lang| media.description_in(lang)),
                object: None,
                notes: both(|lang| media.notes_in(lang)),
                reasons: Vec::new(),
            })
            .collect(),
        "AgentType" => AgentType::ALL
            .iter()
            .map(|&agent| ApiRow {
                code: agent.code().to_string(),
                name: agent.name(),
                constant: Some(agent.constant()),
                description: both(|lang| agent.description_in(lang)),
                object: None,
                notes: both(|lang| agent.notes_in(lang)),
                reasons: Vec::new(),
            })
            .collect(),
        "CallDirection" => CallDirection::ALL
            .iter()
            .map(|&direction| ApiRow {
                code: direction.code().to_string(),
                name: direction.name(),
                constant: None,
                description: both(|lang| direction.description_in(lang)),
                object: None,
                notes: both(|lang| direction.notes_in(lang)),
                reasons: Vec::new(),
            })
            .collect(),
        other => panic!("no generated table {other}"),
    }
}

/// Index of `lang` in the `[en, zh]` pairs.
pub fn at(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        _ => 1,
    }
}
