//! What the reader and import tests share: the vendor pages, the
//! repository's spec, spec validation and golden files.
//!
//! The vendor pages (`tests/fixtures/vendor/`):
//!
//! - `agent-operation-type-2023-09-27.txt`: the vendor's page as copied, byte
//!   for byte (paragraph layout).
//! - `agent-operation-type-2023-09-27.pipe.txt`: the same table rewritten by
//!   hand in the pipe layout (every row starts with a `|` line).
//! - `agent-operation-type-2025-revision.pipe.txt`: SYNTHETIC. It imitates a
//!   later revision of the page as the vendor-docs README describes one
//!   (pipe layout without row-start lines, `---|` separator, `US_NO_USE`,
//!   `65535` and `0xFFFF` for "not used", en-dash ranges, a reworded
//!   description, added operation types 5, 6, 11 and 21). Its date, the
//!   added rows and their wording are made up for the test, not the vendor's.
//! - `agent-operation-type-zh.txt`: the Chinese page of the same table
//!   (`cec_07_0838`) as stored, byte for byte: pipe layout, a title and no
//!   caption, each reason cell flattened onto one line (`1~255:… 256:…`).
//! - `media-type-2023-09-27.txt`, `media-type-2025-11-13.txt`: the media
//!   type pages (`cec_07_4244`, `cec_07_0839`), pipe layout, two columns.
//! - `agent-type-2025-11-13.txt`: the agent type page (`cec_07_0701`),
//!   paragraph layout, a subtitle, three columns with the constant names.
//! - `agent-type-older.txt`: an older agent type page (`cec_07_2636`), pipe
//!   layout with a title and a subtitle; the vendor lists row 12 twice.
//! - `agentoprinfo-columns-zh.txt`: the Chinese page of the bill file's
//!   columns (`cec_07_4238`), paragraph layout without a caption, the values
//!   of `callIn_out` a bulleted list in a cell.
//! - `call-type.txt`: the call type page (`cec_07_1432`), pipe layout with
//!   the `---|---|` separator and no row-start lines.
//! - `media-type-full-en.txt`, `media-type-full-zh.txt`: the vendor's
//!   platform-wide media type table, "Description of Call Media Types"
//!   (`cec_07_0843`, rows 1-53, the only copy cut there) and 呼叫媒体类型说明
//!   (`cec_07_4247`, 1-23 and 50-55), byte for byte: pipe layout, a title
//!   and a subtitle, three columns with the constant names.
//! - `agent-operation-type-monitoring-synthetic.txt`: SYNTHETIC. The shape
//!   the vendor-docs README gives the monitoring revision of the operation
//!   table (`cec_07_2641`), of which no copy is available: a NOTE cell at
//!   the top of the table, bulleted reason lists, `US_NO_USE` and `-`
//!   cells. Its rows are made up from the 2023 page, not the vendor's.

//! - `media-type-full-notes-en.synthetic.txt`, `media-type-full-notes-zh.synthetic.txt`:
//!   SYNTHETIC. The full media pages with the note the vendor-docs README
//!   describes in rows 6 and 7 of other copies (the description, a line
//!   `NOTE:`/`Note:` or `说明:`/`说明：`, the note); no such copy is here.
//! - `monitoring-note-en.synthetic.txt`, `monitoring-note-en.synthetic.pipe.txt`,
//!   `monitoring-note-zh.synthetic.txt`: SYNTHETIC. The note the monitoring
//!   pages (`cec_07_2641`, `cec_07_0706`) put between the header and the
//!   first row, its bullets in the same paragraph or the following ones, as
//!   the issue quotes it; two rows made up from the 2023 page.
//! - `rowspan-colspan.synthetic.txt`: the text rendering of
//!   `html/rowspan-colspan.synthetic.html`.
//! - `html/`: pages in the vendor's HTML markup. `agent-operation-type-2023-09-27.html`
//!   and `media-type-2025-11-13.html` are the vendor-docs' saved pages, byte
//!   for byte. The others are written from the text pages above, cell for
//!   cell, in the same markup: each shared page (`*.html` of the same
//!   name), a "complete" save of the agent type page (site chrome, scripts,
//!   a form and a footer around it), the Chinese full media page in GBK
//!   with and without its charset declared, and SYNTHETIC pages of shapes
//!   no copy here has: the noted media page, rowspan/colspan with a note
//!   row, two tables on a page, and bad pages (no table, an unrecognised
//!   header, a nested table, a Japanese page).

#![allow(dead_code)] // each test file uses its own part

use std::path::Path;

use codes_codegen::Spec;

pub const PAGE_2023: &str = include_str!("../fixtures/vendor/agent-operation-type-2023-09-27.txt");
pub const PIPE_2023: &str =
    include_str!("../fixtures/vendor/agent-operation-type-2023-09-27.pipe.txt");
pub const PIPE_2025: &str =
    include_str!("../fixtures/vendor/agent-operation-type-2025-revision.pipe.txt");
pub const ZH: &str = include_str!("../fixtures/vendor/agent-operation-type-zh.txt");
pub const MEDIA_2023: &str = include_str!("../fixtures/vendor/media-type-2023-09-27.txt");
pub const MEDIA_2025: &str = include_str!("../fixtures/vendor/media-type-2025-11-13.txt");
pub const AGENT_TYPE_2025: &str = include_str!("../fixtures/vendor/agent-type-2025-11-13.txt");
pub const AGENT_TYPE_OLDER: &str = include_str!("../fixtures/vendor/agent-type-older.txt");
pub const COLUMNS_ZH: &str = include_str!("../fixtures/vendor/agentoprinfo-columns-zh.txt");
pub const CALL_TYPE: &str = include_str!("../fixtures/vendor/call-type.txt");
pub const MEDIA_FULL_EN: &str = include_str!("../fixtures/vendor/media-type-full-en.txt");
pub const MEDIA_FULL_ZH: &str = include_str!("../fixtures/vendor/media-type-full-zh.txt");
pub const MONITORING: &str =
    include_str!("../fixtures/vendor/agent-operation-type-monitoring-synthetic.txt");

/// The repository's spec as transcribed from the pages above, frozen
/// (`tests/fixtures/specs/codes-2023.toml`): the base the merges are tested
/// on, which a vendor update of `codes.toml` leaves alone. (`codes.toml`
/// itself is held to the vendor's current pages by the root crate's
/// `tests/vendor_table.rs`.)
pub const CODES_TOML: &str = include_str!("../fixtures/specs/codes-2023.toml");

/// `toml` validated, or a panic with the diagnostics.
pub fn valid(toml: &str) -> Spec {
    Spec::from_toml("codes.toml", toml).unwrap_or_else(|error| panic!("{error}"))
}

/// Compares `actual` with `tests/golden/{name}`, or writes it with `BLESS=1`.
pub fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("BLESS").is_some() {
        codes_codegen::write_if_changed(&path, actual).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "tests/golden/{name} is stale. Review the change, then bless it with\n\
         `BLESS=1 cargo test -p codes-tools --test import --test import_family`.\n\
         --- actual ---\n{actual}"
    );
}
