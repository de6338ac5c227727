//! `codes update [SPEC] [--check] [--offline DIR] [--changelog [FILE]] [--save-pages DIR]`:
//! every vendor page the spec was transcribed from, fetched (or read from
//! a folder), merged into the spec as `codes import --merge` merges it,
//! and judged as `codes diff` judges a revision.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use codes_tools::diff::{self, SpecDiff};
use codes_tools::import::ImportError;
use codes_tools::update::{self, PageError, VendorPage};
use codes_tools::{changelog, vendor_doc};

use crate::fetch::{self, FetchError, Fetcher, Settings};
use crate::io::{self, Failure, Loaded, Status, say};

/// Arguments of `codes update`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  codes update --check                  # exit 1 when the vendor changed a page
  codes update --changelog              # write codes.toml and a CHANGELOG entry
  codes update --offline saved-pages/   # the pages saved as saved-pages/PAGE_ID.html
  codes update --changelog --save-pages vendor/   # and keep the pages the tests hold the spec to

Each table's page in each language is the spec's site for that language ([source] site,
site_zh), its page id and .html. Pages are fetched through the proxy of HTTPS_PROXY (not
for the hosts NO_PROXY names); a redirect is followed only to the same page (never from
https to http); a response must be HTML, at most 5 MiB.

Exit status: 0 nothing changed (or, without --check, the spec was written); 1 with --check,
the vendor changed something; 2 a page could not be fetched, found or merged, and nothing
was written.")]
pub struct Args {
    /// The spec to update.
    #[arg(value_name = "SPEC", default_value = "codes.toml")]
    spec: PathBuf,
    /// Write nothing: exit 0 when the pages hold what the spec holds, 1
    /// when the vendor changed something (the report says what).
    #[arg(long, conflicts_with = "changelog")]
    check: bool,
    /// Read each page from DIR/PAGE_ID.html (as saved from the browser)
    /// instead of the network.
    #[arg(long, value_name = "DIR")]
    offline: Option<PathBuf>,
    /// Also add the changes to this CHANGELOG (Keep a Changelog: under
    /// `## [Unreleased]`, the entry `codes diff --format changelog` writes)
    /// [default: CHANGELOG.md beside the spec].
    #[arg(long, value_name = "FILE", num_args = 0..=1)]
    changelog: Option<Option<PathBuf>>,
    /// When the spec changes, also save each page read as DIR/PAGE_ID.html,
    /// replacing a copy of its text (DIR/PAGE_ID.txt): the pages the
    /// spec's tests hold it to (`vendor/`).
    #[arg(long, value_name = "DIR", conflicts_with = "check")]
    save_pages: Option<PathBuf>,
    /// The report on stdout: text for a terminal, Markdown for a pull
    /// request (with --changelog, the entry follows).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Seconds each attempt to fetch a page may take, body included.
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = seconds)]
    timeout: Duration,
    /// How many times a page that timed out or got a 5xx status is asked
    /// for again (after half a second, doubled each time).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 2,
        value_parser = super::number::<u32>("a number of retries, 0 or more")
    )]
    retries: u32,
}

/// The report's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For a terminal: each table, its pages' "Updated on" dates and its
    /// changes on both axes.
    Text,
    /// For a pull request: the pages, then the changes by impact.
    Markdown,
}

/// A number of seconds above zero, such as `30` or `0.5`.
fn seconds(text: &str) -> Result<Duration, String> {
    match text.parse::<f64>() {
        Ok(seconds) if seconds > 0.0 && seconds.is_finite() => Ok(Duration::from_secs_f64(seconds)),
        _ => Err(format!(
            "expected a number of seconds above 0, found {text:?}"
        )),
    }
}

/// A page as read, with where it was read from for messages.
struct Read {
    page: VendorPage,
    /// The URL, or the saved file.
    source: String,
    bytes: Vec<u8>,
}

/// What a page said of its date, for the report.
struct Dated {
    page: VendorPage,
    updated: Option<String>,
}

/// Fetches, merges and reports; writes the spec unless `--check`.
pub fn run(args: &Args) -> Result<Status, Failure> {
    if io::is_stdin(&args.spec) && !args.check {
        return Err(Failure(
            "<stdin>: codes update writes the spec it reads: give its file, or --check".to_string(),
        ));
    }
    let spec_name = io::name(&args.spec);
    let old_text = io::read(&args.spec)?;
    let Loaded::Valid(old) = io::parse_spec(&spec_name, &old_text) else {
        say!("codes: nothing written");
        return Ok(Status::Failed);
    };
    let pages = update::pages(&old);
    if pages.is_empty() {
        return Err(Failure(format!(
            "{spec_name}: no table has a page address: [source] names no site \
             (`site`, `site_zh`) of a language a table has a page in"
        )));
    }
    let (read, problems) = read_pages(args, pages);
    if !problems.is_empty() {
        return Ok(nothing_written(&problems));
    }
    let (text, dated) = match merge_all(&spec_name, &old_text, &read) {
        Ok(merged) => merged,
        Err(problems) => return Ok(nothing_written(&problems)),
    };
    let Loaded::Valid(new) = io::parse_spec(&format!("{spec_name} (updated)"), &text) else {
        say!("codes: nothing written");
        return Ok(Status::Failed);
    };
    let report = diff::diff(&old, &new);
    let changed = text != old_text;
    if changed && report.is_empty() {
        say!(
            "codes: the merge changes the text of {spec_name} but not what it says \
             (its `# review` marks or its layout)"
        );
    }
    // A CHANGELOG entry where the changes say something.
    let entry = report.to_changelog(None, None);
    let changelog = match (&args.changelog, report.is_empty()) {
        (Some(Some(file)), false) => Some(file.clone()),
        (Some(None), false) => Some(beside(&args.spec, "CHANGELOG.md")),
        _ => None,
    };
    let mut rendered = render(args.format, &report, &dated);
    if let Some(path) = &changelog {
        rendered.push_str(&match args.format {
            Format::Text => format!("\nCHANGELOG entry ({}):\n\n{entry}", path.display()),
            Format::Markdown => {
                format!("\n<details><summary>CHANGELOG entry</summary>\n\n{entry}\n</details>\n")
            }
        });
    }
    if args.check {
        io::emit(None, &rendered)?;
        return Ok(match changed {
            true => Status::Problems,
            false => Status::Success,
        });
    }
    if changed {
        // The changelog first: were the spec written and the changelog
        // not, a second run would find nothing to add to it.
        if let Some(dir) = &args.save_pages {
            save_pages(dir, &read)?;
        }
        if let Some(path) = &changelog {
            let old = io::read(path)?;
            io::emit(Some(path), &changelog::add_entry(&old, &entry))?;
        }
        io::emit(Some(&args.spec), &text)?;
    }
    io::emit(None, &rendered)?;
    if !changed {
        say!("codes: {spec_name} is up to date");
    }
    Ok(Status::Success)
}

/// Merges every page read into `spec_text`, one after the other, saying
/// what each merge changed once all have merged; the merged text and each
/// page's date. Else a message for each page that did not merge.
fn merge_all(
    spec_name: &str,
    spec_text: &str,
    read: &[Read],
) -> Result<(String, Vec<Dated>), Vec<String>> {
    let mut text = spec_text.to_string();
    let mut dated = Vec::new();
    let mut said = Vec::new();
    let mut problems = Vec::new();
    for Read {
        page,
        source,
        bytes,
    } in read
    {
        match update::merge_page(spec_name, &text, page, bytes) {
            Ok(merged) => {
                let imported = merged.imported;
                said.extend(
                    imported
                        .summary
                        .iter()
                        .map(|line| format!("{page}: {line}")),
                );
                said.extend(
                    imported
                        .review
                        .iter()
                        .map(|line| format!("{page}: review: {line}")),
                );
                text = imported.toml;
                dated.push(Dated {
                    page: page.clone(),
                    updated: merged.updated,
                });
            }
            Err(error) => problems.extend(page_problem(page, source, &error)),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for line in said {
        say!("{line}");
    }
    Ok((text, dated))
}

/// Says every problem, and that nothing was written.
fn nothing_written(problems: &[String]) -> Status {
    for problem in problems {
        say!("codes: {problem}");
    }
    say!("codes: nothing written");
    Status::Failed
}

/// Writes each page read as `DIR/PAGE_ID.html` (a page of several tables
/// once), whole or not at all, and removes the copy of its text,
/// `DIR/PAGE_ID.txt`, it replaces.
fn save_pages(dir: &Path, read: &[Read]) -> Result<(), Failure> {
    let mut saved: Vec<&str> = Vec::new();
    for Read { page, bytes, .. } in read {
        let id = page.page();
        if saved.contains(&id) {
            continue;
        }
        saved.push(id);
        let path = dir.join(format!("{id}.html"));
        let partial = dir.join(format!(".{id}.html.partial"));
        std::fs::write(&partial, bytes)
            .and_then(|()| std::fs::rename(&partial, &path))
            .map_err(|error| Failure::io(&path, &error))?;
        let text = dir.join(format!("{id}.txt"));
        match std::fs::remove_file(&text) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                return Err(Failure::io(&text, &error));
            }
            _ => {}
        }
    }
    Ok(())
}

/// `NAME` in the folder of `spec`.
fn beside(spec: &Path, name: &str) -> PathBuf {
    spec.parent().unwrap_or(Path::new("")).join(name)
}

/// Every page's bytes, from the network or `--offline`; and a message for
/// each page that could not be read.
fn read_pages(args: &Args, pages: Vec<VendorPage>) -> (Vec<Read>, Vec<String>) {
    let origin = match &args.offline {
        Some(dir) => Origin::Saved(dir),
        None => Origin::Network(Fetcher::new(Settings {
            timeout: args.timeout,
            retries: args.retries,
            pause: Duration::from_millis(500),
        })),
    };
    let mut read = Vec::new();
    let mut problems = Vec::new();
    // A page of several tables is read once.
    let mut seen: HashMap<String, Result<Vec<u8>, FetchError>> = HashMap::new();
    for page in pages {
        let (source, bytes) = match &origin {
            Origin::Saved(dir) => {
                let path = dir.join(format!("{}.html", page.page()));
                let source = path.display().to_string();
                let bytes = seen
                    .entry(source.clone())
                    .or_insert_with(|| read_saved(&path));
                (source, bytes.clone())
            }
            Origin::Network(fetcher) => {
                let source = page.url().to_string();
                let bytes = seen
                    .entry(source.clone())
                    .or_insert_with(|| fetcher.fetch(page.url()));
                (source, bytes.clone())
            }
        };
        match bytes {
            Ok(bytes) => read.push(Read {
                page,
                source,
                bytes,
            }),
            Err(error) => problems.push(format!("{page}: {source}: {error}")),
        }
    }
    (read, problems)
}

/// Where the pages come from.
enum Origin<'a> {
    /// `--offline DIR`: saved as `DIR/PAGE_ID.html`.
    Saved(&'a Path),
    /// The vendor's sites.
    Network(Fetcher),
}

/// A saved page, held to the limits of a fetched one.
fn read_saved(path: &Path) -> Result<Vec<u8>, FetchError> {
    let too_large = std::fs::metadata(path).is_ok_and(|meta| meta.len() > fetch::LIMIT);
    if too_large {
        return Err(FetchError::TooLarge);
    }
    let bytes = std::fs::read(path).map_err(|error| FetchError::Other(error.to_string()))?;
    match vendor_doc::is_html(&bytes) {
        true => Ok(bytes),
        false => Err(FetchError::Other(
            "not an HTML page (it does not start with `<`)".to_string(),
        )),
    }
}

/// The messages of a page that does not merge: each names the table, the
/// language and where the page was read from (`SOURCE:LINE` for a line of
/// the page).
fn page_problem(page: &VendorPage, source: &str, error: &PageError) -> Vec<String> {
    let at_lines = |errors: &[vendor_doc::DocError]| -> Vec<String> {
        errors
            .iter()
            .map(|error| format!("{page}: {source}:{}: {}", error.line, error.message))
            .collect()
    };
    match error {
        PageError::Page(errors) | PageError::Merge(ImportError::Vendor(errors)) => at_lines(errors),
        PageError::Merge(ImportError::Spec(spec)) => {
            io::print_diagnostics(spec);
            vec![format!(
                "{page}: {source}: the merged spec is not valid (above)"
            )]
        }
        other => vec![format!("{page}: {source}: {other}")],
    }
}

/// The report: the diff, each table with its pages' dates.
fn render(format: Format, report: &SpecDiff, dated: &[Dated]) -> String {
    match format {
        Format::Text => report.to_text_with_groups(&groups(dated)),
        Format::Markdown => {
            let mut out = String::from(
                "## The vendor's pages\n\n| Table | Page | Revision |\n|---|---|---|\n",
            );
            for Dated { page, updated } in dated {
                out.push_str(&format!(
                    "| `{}` | {} `{}` | {} |\n",
                    page.table(),
                    page.lang().name(),
                    page.page(),
                    date(page, updated.as_deref())
                ));
            }
            out.push_str("\n## What changed\n\n");
            out.push_str(&report.to_markdown());
            out
        }
    }
}

/// A group per table, in spec order, noting each of its pages' dates.
fn groups(dated: &[Dated]) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for Dated { page, updated } in dated {
        let note = format!(
            "{} page {}: {}",
            page.lang().name(),
            page.page(),
            date(page, updated.as_deref())
        );
        match groups.last_mut() {
            Some((table, notes)) if table == page.table() => notes.push(note),
            _ => groups.push((page.table().to_string(), vec![note])),
        }
    }
    groups
}

/// The page's "Updated on" date beside the spec's: `updated 2025-06-30
/// GMT+08:00 (was 2023-09-27 GMT+08:00)`.
fn date(page: &VendorPage, updated: Option<&str>) -> String {
    match (updated, page.updated()) {
        (Some(new), Some(old)) if new == old => format!("updated {new}, as the spec has it"),
        (Some(new), Some(old)) => format!("updated {new} (was {old})"),
        (Some(new), None) => format!("updated {new} (the spec has no date)"),
        (None, Some(old)) => format!("no \"Updated on\" date (was {old})"),
        (None, None) => "no \"Updated on\" date".to_string(),
    }
}
