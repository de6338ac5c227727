//! The vendor pages a spec was transcribed from, each found again and
//! merged into the spec: what `codes update` does with a page once it has
//! its bytes. Fetching them is the CLI's, so that this crate needs no
//! network.
//!
//! [`pages`] lists every page the spec gives an address for: each table's
//! page in each language whose site `[source]` names (`site`, `site_zh`),
//! the language that gives the table its rows first. [`merge_page`] reads a
//! saved or fetched page as the HTML importer does, finds the table on it
//! again and merges it as `codes import --merge` does, keeping names,
//! comments and layout.
//!
//! # Finding the table again
//!
//! A page may hold several tables, and the vendor rewords them: the table
//! is the one whose caption is the spec's caption in the page's language,
//! or whose header cells are the spec's `columns`. Either is enough, so
//! that a reworded caption or header is merged (and reported by the diff);
//! a page where neither is found no longer holds the table, and one where
//! two tables match is ambiguous: both are errors ([`PageError`]), to be
//! settled by hand with `codes import --table N`.
//!
//! A text-keyed table (`key = "text"`, the values a parameter lists) is
//! found by its caption alone: the paragraph before the list of values in
//! the parameter's description cell.
//!
//! The table's rows' own pages (`page` on a row, where its texts come from
//! another page) are not fetched: they hold a few rows of the table, and
//! merging one would remove the others.
//!
//! # Example
//!
//! ```
//! use codes_codegen::Spec;
//! use codes_tools::update::{merge_page, pages};
//!
//! let spec_text = r#"[source]
//! vendor = "V"
//! product = "P"
//! document = "D"
//! site = "https://docs.example/en/"
//!
//! [[table]]
//! name = "MediaType"
//! title = "Media Type"
//! caption = "Table 1 Media type"
//! page = "media_type"
//! columns = ["Media Type", "Description"]
//!
//! [[table.row]]
//! code = 1
//! name = "TextChat" # ours
//! description = "Text chat"
//! "#;
//! let spec = Spec::from_toml("codes.toml", spec_text).unwrap();
//! let pages = pages(&spec);
//! assert_eq!(pages[0].url(), "https://docs.example/en/media_type.html");
//!
//! let html = r#"<html lang="en-us"><body>
//! <div class="updated">Updated on 2025-11-13 GMT+08:00</div>
//! <h1 class="topictitle1">Media Type</h1>
//! <table><caption><b>Table 1 </b>Media type</caption>
//! <thead><tr><th><p>Media Type</p></th><th><p>Description</p></th></tr></thead>
//! <tbody><tr><td><p>1</p></td><td><p>Text chat session</p></td></tr></tbody>
//! </table></body></html>"#;
//! let merged = merge_page("codes.toml", spec_text, &pages[0], html.as_bytes()).unwrap();
//! assert_eq!(merged.updated.as_deref(), Some("2025-11-13 GMT+08:00"));
//! assert!(merged.imported.toml.contains("name = \"TextChat\" # ours\ndescription = \"Text chat session\"\n"));
//! ```

use std::fmt;

use codes_codegen::Spec;
use codes_codegen::model::{CodeKind, Table};

use crate::import::{self, ImportError, Imported, MergeOptions};
use crate::lang::Lang;
use crate::vendor_doc::{self, DocError, VendorTable};

/// One of the vendor's pages a spec table was transcribed from, with what
/// the spec says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorPage {
    table: String,
    lang: Lang,
    page: String,
    url: String,
    kind: CodeKind,
    caption: Option<String>,
    columns: Vec<String>,
    updated: Option<String>,
}

impl VendorPage {
    /// The Rust name of the spec table, e.g. `OperationType`.
    pub fn table(&self) -> &str {
        &self.table
    }

    /// The language of the page.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The vendor's page id, e.g. `cec_07_4243`: the name of a saved page
    /// (`cec_07_4243.html`).
    pub fn page(&self) -> &str {
        &self.page
    }

    /// Where the page lives: its language's site, its page id and `.html`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The page's "Updated on" date as the spec has it.
    pub fn updated(&self) -> Option<&str> {
        self.updated.as_deref()
    }
}

impl fmt::Display for VendorPage {
    /// `OperationType, English page`: which page, in messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {} page", self.table, self.lang.name())
    }
}

/// Every page of `spec` with an address: each table's page in each
/// language whose site the spec names, in table order, the language that
/// gives the table its rows first (its new rows are there before the other
/// language's texts are merged onto them).
pub fn pages(spec: &Spec) -> Vec<VendorPage> {
    let mut pages = Vec::new();
    for table in spec.tables() {
        let primary = table.primary_lang();
        for lang in [primary, primary.fallback()] {
            if let Some(page) = vendor_page(spec, table, lang) {
                pages.push(page);
            }
        }
    }
    pages
}

fn vendor_page(spec: &Spec, table: &Table, lang: Lang) -> Option<VendorPage> {
    let url = spec.page_url(table, lang)?;
    let page = table.page_in(lang)?;
    Some(VendorPage {
        table: table.name().to_string(),
        lang,
        page: page.page().to_string(),
        url,
        kind: table.kind(),
        caption: page.caption().map(str::to_string),
        columns: page.columns().to_vec(),
        updated: page.updated().map(str::to_string),
    })
}

/// A page merged into the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The spec with the page merged, what changed and what to review.
    pub imported: Imported,
    /// The page's "Updated on" date, where it has one.
    pub updated: Option<String>,
}

/// Why a page could not be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageError {
    /// The bytes are not an HTML page (their first character is not `<`).
    NotHtml,
    /// The page does not read: every problem, by line of the HTML.
    Page(Vec<DocError>),
    /// No table of the page has the spec's caption or header cells.
    NotFound {
        /// What was looked for, after "no": `table has the caption …`.
        looked_for: String,
        /// What the page holds instead, for the message.
        found: String,
    },
    /// Several tables of the page have the spec's caption or header
    /// cells: the line of each.
    Ambiguous(Vec<usize>),
    /// Several parameters of the page list their values after the spec's
    /// caption: the name and line of each.
    AmbiguousValues(Vec<(String, usize)>),
    /// The page's table does not merge into the spec.
    Merge(ImportError),
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::NotHtml => f.write_str("not an HTML page (it does not start with `<`)"),
            PageError::Page(errors) | PageError::Merge(ImportError::Vendor(errors)) => {
                let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
                f.write_str(&lines.join("\n"))
            }
            PageError::NotFound { looked_for, found } => write!(
                f,
                "the page no longer holds the table: no {looked_for} (the page has {found})"
            ),
            PageError::Ambiguous(lines) => {
                let lines: Vec<String> = lines.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "the page holds {} candidate tables, on lines {}: merge the right one by hand \
                     with `codes import PAGE --table N --merge SPEC`",
                    lines.len(),
                    lines.join(" and ")
                )
            }
            PageError::AmbiguousValues(parameters) => {
                let parameters: Vec<String> = parameters
                    .iter()
                    .map(|(name, line)| format!("{name} on line {line}"))
                    .collect();
                write!(
                    f,
                    "the page holds {} candidate lists of values, of {}: merge the right one by \
                     hand with `codes import PAGE --values-of PARAMETER --merge SPEC`",
                    parameters.len(),
                    parameters.join(" and ")
                )
            }
            PageError::Merge(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for PageError {}

/// `spec_text` (the spec at `spec_path`) with `page`'s table, read from
/// `bytes` (the page as fetched or saved), merged in the page's language
/// as `codes import --merge` merges it.
///
/// # Errors
///
/// A [`PageError`]: bytes that are no HTML page, a page that does not
/// read, a page where the table is not found or two tables are
/// candidates, a table that does not merge (a spec that is not valid
/// included).
pub fn merge_page(
    spec_path: &str,
    spec_text: &str,
    page: &VendorPage,
    bytes: &[u8],
) -> Result<Merged, PageError> {
    if !vendor_doc::is_html(bytes) {
        return Err(PageError::NotHtml);
    }
    let options = MergeOptions {
        lang: page.lang,
        into: Some(page.table.clone()),
        page: Some(page.page.clone()),
    };
    match page.kind {
        CodeKind::Integer => {
            let table = find_table(page, bytes)?;
            let imported =
                import::merge_with(spec_path, spec_text, std::slice::from_ref(&table), &options)
                    .map_err(PageError::Merge)?;
            Ok(Merged {
                imported,
                updated: table.updated.map(|updated| updated.value),
            })
        }
        CodeKind::Text => {
            let parameter = find_parameter(page, bytes)?;
            let list = vendor_doc::parse_html_values(bytes, &parameter).map_err(PageError::Page)?;
            let imported = import::merge_values(spec_path, spec_text, &list, &options)
                .map_err(PageError::Merge)?;
            Ok(Merged {
                imported,
                updated: list.updated.map(|updated| updated.value),
            })
        }
    }
}

/// The table of codes on the page with the spec's caption or header cells.
fn find_table(page: &VendorPage, bytes: &[u8]) -> Result<VendorTable, PageError> {
    let tables = vendor_doc::parse_html_tables(bytes).map_err(PageError::Page)?;
    let is_candidate = |table: &VendorTable| {
        let caption = table.caption.as_ref().map(|caption| &caption.value);
        let header: Vec<&String> = table.header.iter().map(|cell| &cell.value).collect();
        (page.caption.is_some() && caption == page.caption.as_ref())
            || header.iter().copied().eq(page.columns.iter())
    };
    let mut candidates: Vec<VendorTable> =
        tables.iter().filter(|t| is_candidate(t)).cloned().collect();
    match candidates.len() {
        1 => Ok(candidates.remove(0)),
        0 => Err(PageError::NotFound {
            looked_for: looked_for(page),
            found: found_tables(&tables),
        }),
        _ => Err(PageError::Ambiguous(
            candidates.iter().map(VendorTable::line).collect(),
        )),
    }
}

/// `the caption "…" or the header cells "…", "…"`.
fn looked_for(page: &VendorPage) -> String {
    let header = page
        .columns
        .iter()
        .map(|cell| format!("{cell:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    match &page.caption {
        Some(caption) => format!("table has the caption {caption:?} or the header cells {header}"),
        None => format!("table has the header cells {header}"),
    }
}

/// What the tables of a page are, by caption or header: `1 table: "Table 1
/// Agent type." on line 12`.
fn found_tables(tables: &[VendorTable]) -> String {
    let described: Vec<String> = tables
        .iter()
        .map(|table| {
            let name = match &table.caption {
                Some(caption) => format!("{:?}", caption.value),
                None => table
                    .header
                    .iter()
                    .map(|cell| format!("{:?}", cell.value))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            format!("{name} on line {}", table.line())
        })
        .collect();
    match described.len() {
        1 => format!("1 table: {}", described[0]),
        count => format!("{count} tables: {}", described.join("; ")),
    }
}

/// The parameter whose description cell opens with the spec's caption.
fn find_parameter(page: &VendorPage, bytes: &[u8]) -> Result<String, PageError> {
    let parameters = vendor_doc::parse_html_parameters(bytes).map_err(PageError::Page)?;
    let Some(caption) = &page.caption else {
        return Err(PageError::NotFound {
            looked_for: "caption in the spec to find the table's parameter by".to_string(),
            found: format!("{} parameters", parameters.len()),
        });
    };
    let candidates: Vec<_> = parameters
        .iter()
        .filter(|parameter| parameter.lead.as_ref().map(|lead| &lead.value) == Some(caption))
        .collect();
    match candidates.as_slice() {
        [one] => Ok(one.name.value.clone()),
        [] => Err(PageError::NotFound {
            looked_for: format!("parameter lists its values after the caption {caption:?}"),
            found: match parameters.len() {
                0 => "no table of parameters".to_string(),
                1 => format!("1 parameter: {}", parameters[0].name.value),
                count => format!(
                    "{count} parameters: {}",
                    parameters
                        .iter()
                        .map(|parameter| parameter.name.value.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            },
        }),
        several => Err(PageError::AmbiguousValues(
            several
                .iter()
                .map(|parameter| (parameter.name.value.clone(), parameter.name.line))
                .collect(),
        )),
    }
}
