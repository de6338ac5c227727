//! `codes import PAGE [--merge SPEC] [--lang en|zh] [--table N]
//! [--values-of PARAMETER] [-o FILE]`: the tables of a vendor page, as
//! saved (HTML) or copied (text) from it, into a spec.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use codes_tools::import::{self, ImportError, ImportOptions, Imported, Lang, MergeOptions};
use codes_tools::vendor_doc::{self, DocError, ValueList, VendorTable};

use crate::io::{self, Failure, Status};

/// Arguments of `codes import`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  codes import agent-type.txt --page cec_07_0701 --name AgentType -o codes.toml
  codes import agent-operation-type.html --merge codes.toml -o codes.toml
  codes import media-type-full-zh.html --merge codes.toml --lang zh -o codes.toml
  codes import bill-columns-zh.txt --values-of callIn_out --lang zh --merge codes.toml

Errors in the page are reported as PAGE:LINE: what was expected, and nothing is written.")]
pub struct Args {
    /// The vendor page as saved from the browser (HTML, "HTML only" or
    /// "complete") or as copied from the site (paragraph or pipe layout;
    /// `-`: standard input).
    #[arg(value_name = "PAGE")]
    doc: PathBuf,
    /// Merge into this spec, keeping its Rust names, comments and layout.
    #[arg(long, value_name = "SPEC")]
    merge: Option<PathBuf>,
    /// The language of the page: which keys its texts go to. A merge in
    /// the language the table's rows come from (English, unless the table
    /// has only a Chinese page) updates rows and texts; one in the other
    /// language adds its texts to the existing rows by code, and changes
    /// nothing else [default: Chinese if a header cell is Chinese or a
    /// saved page declares lang="zh...", else English].
    #[arg(long, value_enum)]
    lang: Option<PageLang>,
    /// Import only the Nth table of the page (counting from 1) [default:
    /// every table, each its own `[[table]]`].
    #[arg(
        long,
        value_name = "N",
        conflicts_with = "values_of",
        value_parser = super::number::<NonZeroUsize>("a table's number, counting from 1")
    )]
    table: Option<NonZeroUsize>,
    /// Import the values PARAMETER lists with bullets in its description
    /// cell of a table of parameters (the bill file's columns, say) as a
    /// table keyed by text (key = "text").
    #[arg(long, value_name = "PARAMETER")]
    values_of: Option<String>,
    /// The spec table to merge into [default: the only one, or the one
    /// whose caption or title is the page's].
    #[arg(long, value_name = "TABLE", requires = "merge")]
    into: Option<String>,
    /// The Rust name of the imported table [default: proposed from the
    /// page's caption or title, marked for review].
    #[arg(long, value_name = "NAME", conflicts_with = "merge")]
    name: Option<String>,
    /// The vendor page identifier, e.g. cec_07_4243 (the copied text does
    /// not carry it): the page key of a fresh import, or of the page a
    /// merge makes or changes [default: "unknown", marked for review, where
    /// there is no page key yet].
    #[arg(long, value_name = "ID")]
    page: Option<String>,
    /// Write the spec to this file (replaced whole, or not at all) instead of
    /// stdout (`-`: stdout).
    #[arg(short, long)]
    out: Option<PathBuf>,
}

/// The languages of the vendor's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PageLang {
    /// English: description, notes, text and the table's own page keys.
    En,
    /// Chinese: description_zh, notes_zh, text_zh and [table.zh].
    Zh,
}

impl From<PageLang> for Lang {
    fn from(lang: PageLang) -> Lang {
        match lang {
            PageLang::En => Lang::En,
            PageLang::Zh => Lang::Zh,
        }
    }
}

/// Imports or merges, printing the spec and, on stderr, what changed.
pub fn run(args: &Args) -> Result<Status, Failure> {
    let doc_name = io::name(&args.doc);
    let bytes = io::read_bytes(&args.doc)?;
    let spec = match &args.merge {
        Some(path) => Some((io::name(path), io::read(path)?)),
        None => None,
    };
    let page = match read_page(&bytes, args) {
        Ok(page) => page,
        Err(errors) => return Ok(report(&doc_name, &ImportError::Vendor(errors))),
    };
    let lang = match (args.lang, &page) {
        (Some(lang), _) => Lang::from(lang),
        (None, Page::Tables(tables)) => import::page_lang(tables),
        (None, Page::Values(list)) => import::values_lang(list),
    };
    let merge_options = MergeOptions {
        lang,
        into: args.into.clone(),
        page: args.page.clone(),
    };
    let import_options = ImportOptions {
        lang,
        page: args.page.clone(),
        table_name: args.name.clone(),
        ..ImportOptions::default()
    };
    let imported = match &page {
        Page::Values(list) => match &spec {
            Some((path, spec)) => import::merge_values(path, spec, list, &merge_options),
            None => import::import_values(list, &import_options),
        },
        Page::Tables(tables) => {
            let tables = select(tables.clone(), args)?;
            match &spec {
                Some((path, spec)) => import::merge_with(path, spec, &tables, &merge_options),
                None => import::import_all(&tables, &import_options),
            }
        }
    };
    match imported {
        Ok(imported) => {
            io::emit(args.out.as_ref(), &imported.toml)?;
            print_summary(&imported);
            Ok(Status::Success)
        }
        Err(error) => Ok(report(&doc_name, &error)),
    }
}

/// What the page gives: its tables, or the values of `--values-of`.
enum Page {
    Tables(Vec<VendorTable>),
    Values(Box<ValueList>),
}

/// Reads the page, saved as HTML or copied as text (told by its first
/// character: `<` is HTML).
fn read_page(bytes: &[u8], args: &Args) -> Result<Page, Vec<DocError>> {
    let html = vendor_doc::is_html(bytes);
    match &args.values_of {
        Some(parameter) if html => {
            vendor_doc::parse_html_values(bytes, parameter).map(|list| Page::Values(Box::new(list)))
        }
        Some(parameter) => {
            let text = vendor_doc::decode_text(bytes).map_err(|error| vec![error])?;
            vendor_doc::parse_values(text, parameter).map(|list| Page::Values(Box::new(list)))
        }
        None if html => vendor_doc::parse_html_tables(bytes).map(Page::Tables),
        None => {
            let text = vendor_doc::decode_text(bytes).map_err(|error| vec![error])?;
            vendor_doc::parse_tables(text).map(Page::Tables)
        }
    }
}

/// The tables `--table` picks (all of them without it); `--name` and
/// `--into` name one table, so a page of several needs `--table`.
fn select(mut tables: Vec<VendorTable>, args: &Args) -> Result<Vec<VendorTable>, Failure> {
    let count = tables.len();
    if let Some(number) = args.table {
        if number.get() > count {
            return Err(Failure(format!(
                "--table {number}: the page has {} (--table takes 1 to {count})",
                plural(count, "table")
            )));
        }
        return Ok(vec![tables.swap_remove(number.get() - 1)]);
    }
    let one_table_option = match (&args.name, &args.into) {
        (Some(_), _) => Some("--name"),
        (None, Some(_)) => Some("--into"),
        (None, None) => None,
    };
    if let (Some(option), true) = (one_table_option, count > 1) {
        return Err(Failure(format!(
            "{option} names one table, and the page has {count}: pick one with --table"
        )));
    }
    Ok(tables)
}

fn plural(count: usize, what: &str) -> String {
    match count {
        1 => format!("1 {what}"),
        _ => format!("{count} {what}s"),
    }
}

fn print_summary(imported: &Imported) {
    if imported.summary.is_empty() {
        io::say!("no changes");
    }
    for line in &imported.summary {
        io::say!("{line}");
    }
    for line in &imported.review {
        io::say!("review: {line}");
    }
}

/// Prints why nothing was imported; vendor errors as `DOC:LINE: message`.
fn report(doc: &str, error: &ImportError) -> Status {
    match error {
        ImportError::Vendor(errors) => {
            for error in errors {
                io::say!("{doc}:{}: {}", error.line, error.message);
            }
        }
        ImportError::Spec(error) => io::print_diagnostics(error),
        other => io::say!("{other}"),
    }
    io::say!("codes: nothing written");
    Status::Problems
}
