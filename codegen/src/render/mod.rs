//! Stage 4: the model to Rust source, one module per kind of generated
//! item, written already laid out (see [`writer`](crate::writer)).
//!
//! [`spec`] walks the tables; each table is its code enum (`tables`, its
//! per-row data as tables indexed by position and its lookups by text in
//! `row_tables`, its texts and notes in `texts`) and, where it has reasons, its record
//! (`records`), the record's reasons (`reasons`, one enum per row in
//! `row_reasons`) and objects (`objects`); the spec's markers are one more
//! enum (`markers`). `traits` writes the runtime traits and std conversions
//! every code enum shares, `serde` the serde impls, `layout` the small
//! pieces all of them lay out.
//!
//! Names reaching the output were validated as identifiers; all vendor text
//! reaches it as string literals or escaped docs. The fixed types (`Code`,
//! `ReasonInfo`, the errors, traits and serde helpers) are
//! `codes_runtime`'s, named by absolute path. What a reason code means comes from each row's decoding
//! table; nothing here applies precedence.

mod layout;
mod markers;
mod objects;
mod reasons;
mod records;
mod row_reasons;
mod row_tables;
mod serde;
mod tables;
mod texts;
mod traits;

use self::{
    layout::*, markers::*, objects::*, reasons::*, records::*, row_reasons::*, row_tables::*,
    serde::*, tables::*, texts::*, traits::*,
};

use std::fmt::Write as _;

use crate::decoding::{Outcome, Run};
use crate::docs;
use crate::ident::snake_case;
use crate::model::{
    CodeKind, Lang, Marker, ObjectKind, Reason, ReasonCodes, RecordNames, Row, RowCode, Spec,
    Table, Text,
};
use crate::writer::{Writer, optional_string, string};

/// Choices about the generated code that are not part of the spec.
/// Start from [`Options::default`] and set the fields you need: more
/// choices may come without a new major version.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The cargo feature that gates the serde impls; `None` leaves them out.
    pub serde_feature: Option<String>,
    /// The spec's file name, for the `@generated` header.
    pub spec_name: String,
    /// Attributes added to generated types, in the order given.
    pub attributes: Vec<(Select, String)>,
    /// Whether serde impls carry `#[cfg_attr(docsrs, doc(cfg(feature = …)))]`,
    /// which marks them in docs.rs builds but needs the crate to enable the
    /// unstable `doc_cfg` feature under `docsrs` (off by default).
    pub doc_cfg: bool,
    /// The serialized names of a record's three columns: code, object,
    /// reason (`code`, `object`, `reason` by default). A reason serializes
    /// as the first and the last.
    pub record_fields: [String; 3],
}

/// Which generated types an attribute of [`Options::attributes`] goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Select {
    /// The type with this Rust name (a table's enum, `BusyReason`,
    /// `Operation`, …), or every generated type for `*`.
    Type(String),
    /// Like [`Select::Type`], enums only.
    Enum(String),
    /// Every enum whose variants are exactly the vendor's codes, with the
    /// codes as discriminants (`#[repr(i32)]`): the tables' enums, the
    /// reason enums whose reasons are single codes, `NotApplicable`. Derives
    /// such as `strum::EnumIter` or `num_enum::TryFromPrimitive` work on
    /// these.
    CodeEnums,
    /// The variant `variant` of the enum `enum_name` (a table's row, a
    /// reason, a marker or an object kind), or every variant of the enum for
    /// `*`.
    Variant {
        /// The enum's Rust name.
        enum_name: String,
        /// The variant's Rust name, or `*`.
        variant: String,
    },
}

/// What a generated type is, for [`Select`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A fieldless enum whose discriminants are vendor codes.
    CodeEnum,
    /// Any other enum.
    Enum,
    /// A struct.
    Struct,
}

impl Select {
    fn matches(&self, name: &str, shape: Shape) -> bool {
        match self {
            Select::Type(wanted) => wanted == "*" || wanted == name,
            Select::Enum(wanted) => shape != Shape::Struct && (wanted == "*" || wanted == name),
            Select::CodeEnums => shape == Shape::CodeEnum,
            Select::Variant { .. } => false,
        }
    }

    fn matches_variant(&self, enum_name: &str, name: &str) -> bool {
        match self {
            Select::Variant {
                enum_name: wanted,
                variant,
            } => wanted == enum_name && (variant == "*" || variant == name),
            _ => false,
        }
    }
}

impl std::fmt::Display for Select {
    /// The selector as `Config` took it, for a warning.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Select::Type(name) => write!(f, "type_attribute({name:?})"),
            Select::Enum(name) => write!(f, "enum_attribute({name:?})"),
            Select::CodeEnums => f.write_str("code_enum_attribute"),
            Select::Variant { enum_name, variant } => {
                write!(f, "variant_attribute(\"{enum_name}::{variant}\")")
            }
        }
    }
}

impl Options {
    /// The default options for the spec file at `path`, named in the header
    /// by its file name only, so output does not depend on where it lives.
    pub fn for_spec(path: &std::path::Path) -> Self {
        let spec_name = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        Options {
            spec_name,
            ..Options::default()
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            serde_feature: Some("serde".to_string()),
            spec_name: "codes.toml".to_string(),
            attributes: Vec::new(),
            doc_cfg: false,
            record_fields: ["code", "object", "reason"].map(String::from),
        }
    }
}

/// Renders every item of `spec`; returns the selectors of
/// `options.attributes` that matched no generated item.
pub fn spec<'o>(out: &mut Writer, spec: &Spec, options: &'o Options) -> Vec<&'o Select> {
    let cx = Context {
        spec,
        options,
        markers: Markers::of(spec),
        used: std::cell::RefCell::new(vec![false; options.attributes.len()]),
    };
    let mut first = true;
    let mut item = |out: &mut Writer| {
        if !first {
            out.blank();
        }
        first = false;
    };
    for table in &spec.tables {
        item(out);
        self::table(out, &cx, table);
    }
    if !spec.not_applicable.is_empty() {
        item(out);
        not_applicable(out, &cx);
    }
    let carries = |row: &Row| {
        row.reasons
            .iter()
            .any(|reason| reason.codes.carries_value())
    };
    if spec
        .tables
        .iter()
        .flat_map(|table| &table.rows)
        .any(carries)
    {
        item(out);
        row_reasons::carried_code(out);
    }
    let used = cx.used.into_inner();
    options
        .attributes
        .iter()
        .zip(used)
        .filter(|(_, used)| !used)
        .map(|((select, _), _)| select)
        .collect()
}

/// What every item is rendered with.
struct Context<'a> {
    spec: &'a Spec,
    options: &'a Options,
    /// What the spec's "not applicable" markers take, decided once.
    markers: Markers,
    /// Which of `options.attributes` went on some item.
    used: std::cell::RefCell<Vec<bool>>,
}

const CODE_ENUM: &str = "::codes_runtime::CodeEnum";
const ENUMERABLE: &str = "::codes_runtime::Enumerable";
const CARRIES_CODES: &str = "::codes_runtime::CarriesCodes";
const CODE: &str = "::codes_runtime::Code";
const REASON_INFO: &str = "::codes_runtime::ReasonInfo";
const REASON_CODES: &str = "::codes_runtime::ReasonCodes";
const UNKNOWN_CODE: &str = "::codes_runtime::UnknownCode";
const UNKNOWN_NAME: &str = "::codes_runtime::UnknownName";
const REASON_TEXT: &str = "::codes_runtime::reason_text";
/// The generated type of the codes reasons' variants carry.
const CARRIED_CODE: &str = "CarriedCode";
const LANG: &str = "::codes_runtime::Lang";

impl Context<'_> {
    /// The derives and attributes of a type: `derives`, then the
    /// attributes the options select, then `repr` and `non_exhaustive` as
    /// `tail` says.
    fn attributes(&self, out: &mut Writer, name: &str, shape: Shape, derives: &str, tail: &[&str]) {
        out.line(format_args!("#[derive({derives})]"));
        for (index, (select, attribute)) in self.options.attributes.iter().enumerate() {
            if select.matches(name, shape) {
                self.used.borrow_mut()[index] = true;
                out.line(attribute);
            }
        }
        for attribute in tail {
            out.line(attribute);
        }
    }

    /// The attributes of a value-like enum that may gain variants (a table,
    /// a reason, an object): the plain derives, the options' attributes,
    /// `#[non_exhaustive]`.
    fn value_enum_attributes(&self, out: &mut Writer, name: &str) {
        self.attributes(
            out,
            name,
            Shape::Enum,
            "Debug, Clone, Copy, PartialEq, Eq, Hash",
            &["#[non_exhaustive]"],
        );
    }

    /// The attributes the options select for the variant `variant` of the
    /// enum `enum_name`, each on its own line.
    fn variant_attributes(&self, out: &mut Writer, enum_name: &str, variant: &str) {
        for (index, (select, attribute)) in self.options.attributes.iter().enumerate() {
            if select.matches_variant(enum_name, variant) {
                self.used.borrow_mut()[index] = true;
                out.line(attribute);
            }
        }
    }

    /// A blank line and `#[cfg(feature = "serde")]` before a serde impl,
    /// with the `doc(cfg)` that marks it in docs.rs builds; `false` without
    /// serde.
    fn serde_gate(&self, out: &mut Writer) -> bool {
        match &self.options.serde_feature {
            Some(feature) => {
                out.blank();
                out.line(format_args!("#[cfg(feature = {})]", string(feature)));
                if self.options.doc_cfg {
                    out.line(format_args!(
                        "#[cfg_attr(docsrs, doc(cfg(feature = {})))]",
                        string(feature)
                    ));
                }
                true
            }
            None => false,
        }
    }
}

/// `text` of each of `items`, in order: the entries of a generated list or
/// table. The one loop for every list, through a `dyn` function: a
/// `map(…).collect()` per list would compile its own copy of the iterator
/// code, in the generator every downstream build compiles (the crate's
/// README, "Build cost").
fn each<T>(items: &[T], text: &dyn Fn(&T) -> String) -> Vec<String> {
    let mut texts = Vec::with_capacity(items.len());
    for item in items {
        texts.push(text(item));
    }
    texts
}

/// The `@generated` header as `//` lines and a blank line.
pub fn header(out: &mut String, lines: &[String]) {
    for line in lines {
        // A header line holds spec text: keep it on its comment line, and
        // show bidi controls as escapes, which rustc denies in comments.
        let line: String = line
            .chars()
            .map(|c| match c {
                c if c.is_control() => ' '.to_string(),
                c if docs::is_bidi_control(c) => c.escape_unicode().to_string(),
                c => c.to_string(),
            })
            .collect();
        let _ = writeln!(out, "{}", format!("// {line}").trim_end());
    }
    out.push('\n');
}
