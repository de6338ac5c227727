//! The validated model as JSON, for tools written in other languages.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use codes_codegen::Spec;
use codes_codegen::model::{CodeKind, Lang, Outcome, Page, ReasonCodes, Row, RowCode, Run, Table};

/// The value of the `"format"` key of a JSON export.
pub const JSON_FORMAT: &str = "codes-codegen/spec";

/// The value of the `"format_version"` key of a JSON export. It changes
/// whenever a key is renamed or removed or a value changes meaning; keys may
/// be added without a new version. Version 2 added `not_applicable` and
/// each row's `decoding`.
pub const JSON_FORMAT_VERSION: u32 = 2;

/// The spec as pretty-printed JSON (two-space indent, trailing newline).
///
/// The document is the [`Spec`] as serde serializes it, after a format tag:
///
/// ```json
/// {
///   "format": "codes-codegen/spec",
///   "format_version": 1,
///   "source": { "vendor": "…", "product": "…", "document": "…" },
///   "not_applicable": [{ "code": -1, "name": "MinusOne", "description": "…" }],
///   "tables": [
///     {
///       "name": "OperationType", "title": "…", "caption": "…", "page": "…",
///       "updated": "…", "columns": ["…"],
///       "record": { "record": "Operation", "object": "Object", "reason": "Reason" },
///       "object_kinds": [{ "name": "EmployeeId", "text": "Employee ID." }],
///       "rows": [
///         {
///           "code": 26, "name": "Rest", "description": "…",
///           "object": 0,
///           "notes": [],
///           "reasons": [
///             { "codes": { "kind": "open", "default": 0 }, "name": "RestCause", "description": "…" }
///           ],
///           "decoding": [
///             { "start": -2147483648, "end": -2, "outcome": "open", "index": 0 },
///             { "start": -1, "end": -1, "outcome": "not_applicable", "index": 0 }
///           ]
///         }
///       ]
///     }
///   ]
/// }
/// ```
///
/// - `record` is `null` for a table without object and reason columns;
/// - a row's `object` is an index into its table's `object_kinds`, `null`
///   where the vendor writes `-1`;
/// - `codes` is `{"kind": "single", "code": N}`,
///   `{"kind": "range", "start": A, "end": B}` (inclusive) or
///   `{"kind": "open", "default": N}` (`default` may be `null`);
/// - a reason's `description` is `null` where the vendor gives a bare code;
/// - `decoding` is what every reason code of the row means, precedence
///   applied: ordered runs of codes, each `listed`, `range` or `open` (with
///   the index of its reason) or `not_applicable` (with the index of its
///   marker); a code in no run is not listed for the row.
///
/// Keys come in the order above and arrays in spec order, so the output is
/// deterministic.
pub fn json(spec: &Spec) -> String {
    match serde_json::to_string_pretty(&SpecJson::from(spec)) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // The model holds only strings, integers, options and sequences,
        // all of which serde_json writes: failing is a bug, not bad input.
        Err(error) => panic!("the spec model failed to serialize ({error}); please report this"),
    }
}

// The model is plain data without serde (the build path has none), so the
// document mirrors it here. Each `From` destructures its model type whole:
// a field added to the model is a compile error until it is exported.

#[derive(Serialize)]
struct SpecJson<'a> {
    format: &'static str,
    format_version: u32,
    source: SourceJson<'a>,
    not_applicable: Vec<MarkerJson<'a>>,
    tables: Vec<TableJson<'a>>,
}

impl<'a> From<&'a Spec> for SpecJson<'a> {
    fn from(spec: &'a Spec) -> Self {
        let source = spec.source();
        SpecJson {
            format: JSON_FORMAT,
            format_version: JSON_FORMAT_VERSION,
            source: SourceJson {
                vendor: source.vendor(),
                product: source.product(),
                document: source.document(),
                site: source.sites().get(Lang::En),
                site_zh: source.sites().get(Lang::Zh),
            },
            not_applicable: spec
                .not_applicable()
                .iter()
                .map(|marker| MarkerJson {
                    code: marker.code(),
                    name: marker.name(),
                    description: marker.description(),
                })
                .collect(),
            tables: spec.tables().iter().map(TableJson::from).collect(),
        }
    }
}

#[derive(Serialize)]
struct SourceJson<'a> {
    vendor: &'a str,
    product: &'a str,
    document: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    site: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    site_zh: Option<&'a str>,
}

#[derive(Serialize)]
struct MarkerJson<'a> {
    code: i32,
    name: &'a str,
    description: &'a str,
}

#[derive(Serialize)]
struct TableJson<'a> {
    name: &'a str,
    key: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    en: Option<PageJson<'a>>,
    zh: Option<PageJson<'a>>,
    record: Option<RecordJson<'a>>,
    object_kinds: Vec<ObjectKindJson<'a>>,
    rows: Vec<RowJson<'a>>,
    reserved: Vec<ReservedJson<'a>>,
}

impl<'a> From<&'a Table> for TableJson<'a> {
    fn from(table: &'a Table) -> Self {
        TableJson {
            name: table.name(),
            key: match table.kind() {
                CodeKind::Integer => "integer",
                CodeKind::Text => "text",
            },
            summary: table.summary(),
            en: table.en().map(PageJson::from),
            zh: table.zh().map(PageJson::from),
            record: table.record().map(|names| RecordJson {
                record: names.record(),
                object: names.object(),
                reason: names.reason(),
            }),
            object_kinds: table
                .object_kinds()
                .iter()
                .map(|kind| ObjectKindJson {
                    name: kind.name(),
                    text: kind.text().get(Lang::En),
                    text_zh: kind.text().get(Lang::Zh),
                })
                .collect(),
            rows: table.rows().iter().map(RowJson::from).collect(),
            reserved: table
                .reserved()
                .iter()
                .map(|reserved| ReservedJson {
                    code: CodeJson(reserved.code()),
                    name: reserved.name(),
                    note: reserved.note(),
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct PageJson<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    caption: Option<&'a str>,
    page: &'a str,
    updated: Option<&'a str>,
    columns: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

impl<'a> From<&'a Page> for PageJson<'a> {
    fn from(page: &'a Page) -> Self {
        PageJson {
            title: page.title(),
            subtitle: page.subtitle(),
            caption: page.caption(),
            page: page.page(),
            updated: page.updated(),
            columns: page.columns(),
            notes: page.notes(),
        }
    }
}

#[derive(Serialize)]
struct ReservedJson<'a> {
    code: CodeJson<'a>,
    name: Option<&'a str>,
    note: Option<&'a str>,
}

/// A row's code: a JSON number, or a string in a text-keyed table.
struct CodeJson<'a>(&'a RowCode);

impl Serialize for CodeJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            RowCode::Integer(code) => serializer.serialize_i32(*code),
            RowCode::Text(text) => serializer.serialize_str(text),
        }
    }
}

#[derive(Serialize)]
struct RecordJson<'a> {
    record: &'a str,
    object: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct ObjectKindJson<'a> {
    name: &'a str,
    text: Option<&'a str>,
    text_zh: Option<&'a str>,
}

#[derive(Serialize)]
struct RowJson<'a> {
    code: CodeJson<'a>,
    name: &'a str,
    constant: Option<&'a str>,
    description: Option<&'a str>,
    description_zh: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page_zh: Option<&'a str>,
    object: Option<usize>,
    notes: &'a [String],
    notes_zh: &'a [String],
    reasons: Vec<ReasonJson<'a>>,
    decoding: Vec<RunJson>,
}

impl<'a> From<&'a Row> for RowJson<'a> {
    fn from(row: &'a Row) -> Self {
        RowJson {
            code: CodeJson(row.code()),
            name: row.name(),
            constant: row.constant(),
            description: row.description().get(Lang::En),
            description_zh: row.description().get(Lang::Zh),
            page: row.pages().get(Lang::En),
            page_zh: row.pages().get(Lang::Zh),
            object: row.object(),
            notes: row.notes(),
            notes_zh: row.notes_zh(),
            reasons: row
                .reasons()
                .iter()
                .map(|reason| ReasonJson {
                    codes: CodesJson(reason.codes()),
                    name: reason.name(),
                    description: reason.description().get(Lang::En),
                    description_zh: reason.description().get(Lang::Zh),
                })
                .collect(),
            decoding: row.decoding().runs().iter().map(RunJson::from).collect(),
        }
    }
}

#[derive(Serialize)]
struct ReasonJson<'a> {
    codes: CodesJson,
    name: &'a str,
    description: Option<&'a str>,
    description_zh: Option<&'a str>,
}

/// A reason's codes as `{"kind": "single", "code": N}`,
/// `{"kind": "range", "start": A, "end": B}` or
/// `{"kind": "open", "default": N}`; the diff's JSON writes them so too.
pub(crate) struct CodesJson(pub(crate) ReasonCodes);

impl Serialize for CodesJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match self.0 {
            ReasonCodes::Single(code) => {
                map.serialize_entry("kind", "single")?;
                map.serialize_entry("code", &code)?;
            }
            ReasonCodes::Range { start, end } => {
                map.serialize_entry("kind", "range")?;
                map.serialize_entry("start", &start)?;
                map.serialize_entry("end", &end)?;
            }
            ReasonCodes::Open { default } => {
                map.serialize_entry("kind", "open")?;
                map.serialize_entry("default", &default)?;
            }
        }
        map.end()
    }
}

/// One run of a row's decoding table: `{"start": A, "end": B, "outcome":
/// "listed" | "range" | "open" | "not_applicable", "index": I}`, the index
/// into the row's reasons or, for `not_applicable`, the spec's markers.
#[derive(Serialize)]
struct RunJson {
    start: i32,
    end: i32,
    outcome: &'static str,
    index: usize,
}

impl From<&Run> for RunJson {
    fn from(run: &Run) -> Self {
        let (outcome, index) = match run.outcome {
            Outcome::Listed(index) => ("listed", index),
            Outcome::Range(index) => ("range", index),
            Outcome::NotApplicable(index) => ("not_applicable", index),
            Outcome::Open(index) => ("open", index),
        };
        RunJson {
            start: run.start,
            end: run.end,
            outcome,
            index,
        }
    }
}
