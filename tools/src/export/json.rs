//! The validated model as JSON, for tools written in other languages.

use serde::Serialize;

use codes_codegen::Spec;
use codes_codegen::model::{Source, Table};

/// The value of the `"format"` key of a JSON export.
pub const JSON_FORMAT: &str = "codes-codegen/spec";

/// The value of the `"format_version"` key of a JSON export. It changes
/// whenever a key is renamed or removed or a value changes meaning; keys may
/// be added without a new version.
pub const JSON_FORMAT_VERSION: u32 = 1;

/// The spec as pretty-printed JSON (two-space indent, trailing newline).
///
/// The document is the [`Spec`] as serde serializes it, after a format tag:
///
/// ```json
/// {
///   "format": "codes-codegen/spec",
///   "format_version": 1,
///   "source": { "vendor": "…", "product": "…", "document": "…" },
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
/// - a reason's `description` is `null` where the vendor gives a bare code.
///
/// Keys come in the order above and arrays in spec order, so the output is
/// deterministic.
pub fn json(spec: &Spec) -> String {
    // The spec's own fields after the tag; a change to `Spec` must show
    // here, and this destructuring makes sure it does.
    #[derive(Serialize)]
    struct Document<'a> {
        format: &'static str,
        format_version: u32,
        source: &'a Source,
        tables: &'a [Table],
    }
    let Spec { source, tables } = spec;
    let document = Document {
        format: JSON_FORMAT,
        format_version: JSON_FORMAT_VERSION,
        source,
        tables,
    };
    match serde_json::to_string_pretty(&document) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // The model holds only strings, integers, options and sequences,
        // all of which serde_json writes: failing is a bug, not bad input.
        Err(error) => panic!("the spec model failed to serialize ({error}); please report this"),
    }
}
