//! Stage 3: the model to Rust source, one function per generated item,
//! written already laid out (see [`writer`](crate::writer)).
//!
//! Names reaching the output were validated as identifiers; all vendor text
//! reaches it as string literals or escaped docs. The fixed types (`Code`,
//! `ReasonInfo`, the errors and traits) are `codes_runtime`'s, named by
//! absolute path. What a reason code means comes from each row's decoding
//! table; nothing here applies precedence.

mod layout;
mod markers;
mod objects;
mod reasons;
mod records;
mod row_reasons;
mod tables;
mod texts;
mod traits;

use self::{
    layout::*, markers::*, objects::*, reasons::*, records::*, row_reasons::*, tables::*, texts::*,
    traits::*,
};

use std::fmt::Write as _;

use crate::decoding::{Outcome, Run};
use crate::docs;
use crate::ident::snake_case;
use crate::model::{
    CodeKind, Marker, Reason, ReasonCodes, RecordNames, Row, RowCode, Spec, Table, Text,
};
use crate::writer::{Writer, optional_string, string};

/// Choices about the generated code that are not part of the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The cargo feature that gates the serde impls; `None` leaves them out.
    pub serde_feature: Option<String>,
    /// The spec's file name, for the `@generated` header.
    pub spec_name: String,
    /// Attributes added to generated types, in the order given.
    pub attributes: Vec<(Select, String)>,
}

/// Which generated types an attribute of [`Options::attributes`] goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
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
        }
    }
}

/// Renders every item of `spec`.
pub fn spec(out: &mut Writer, spec: &Spec, options: &Options) {
    let cx = Context { spec, options };
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
}

/// What every item is rendered with.
struct Context<'a> {
    spec: &'a Spec,
    options: &'a Options,
}

const CODE_ENUM: &str = "::codes_runtime::CodeEnum";
const ENUMERABLE: &str = "::codes_runtime::Enumerable";
const CODE: &str = "::codes_runtime::Code";
const REASON_INFO: &str = "::codes_runtime::ReasonInfo";
const REASON_CODES: &str = "::codes_runtime::ReasonCodes";
const UNKNOWN_CODE: &str = "::codes_runtime::UnknownCode";
const UNKNOWN_NAME: &str = "::codes_runtime::UnknownName";
const LANG: &str = "::codes_runtime::Lang";

impl Context<'_> {
    fn markers(&self) -> bool {
        !self.spec.not_applicable.is_empty()
    }

    /// The derives and attributes of a type: `derives`, the serde
    /// attribute, then the attributes the options select, then `repr` and
    /// `non_exhaustive` as `tail` says.
    fn attributes(
        &self,
        out: &mut Writer,
        name: &str,
        shape: Shape,
        derives: &str,
        serde: Serde,
        tail: &[&str],
    ) {
        out.line(format_args!("#[derive({derives})]"));
        if let Some(feature) = &self.options.serde_feature {
            let feature = string(feature);
            match serde {
                Serde::None => {}
                Serde::AsCode => cfg_attr(
                    out,
                    &feature,
                    &[
                        "derive(serde::Serialize, serde::Deserialize)",
                        "serde(into = \"i32\", try_from = \"i32\")",
                    ],
                ),
                Serde::IntoCode => cfg_attr(
                    out,
                    &feature,
                    &["derive(serde::Serialize)", "serde(into = \"i32\")"],
                ),
                Serde::Fields => cfg_attr(out, &feature, &["derive(serde::Serialize)"]),
            }
        }
        for (select, attribute) in &self.options.attributes {
            if select.matches(name, shape) {
                out.line(attribute);
            }
        }
        for attribute in tail {
            out.line(attribute);
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
                out.line(format_args!(
                    "#[cfg_attr(docsrs, doc(cfg(feature = {})))]",
                    string(feature)
                ));
                true
            }
            None => false,
        }
    }

    /// `` (`-1`) ``, the first marker's code in a doc, or nothing.
    fn none_code(&self) -> String {
        self.spec
            .not_applicable
            .first()
            .map_or(String::new(), |marker| format!(" (`{}`)", marker.code))
    }

    /// `` `-1` or `65535` ``, the markers' codes in prose.
    fn marker_codes(&self) -> String {
        let codes: Vec<String> = self
            .spec
            .not_applicable
            .iter()
            .map(|marker| format!("`{}`", marker.code))
            .collect();
        match codes.as_slice() {
            [rest @ .., last] if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => codes.join(""),
        }
    }
}

/// How a type serializes, if serde is on.
#[derive(Clone, Copy)]
enum Serde {
    /// Not at all (or by a hand-written impl).
    None,
    /// As its code, both ways.
    AsCode,
    /// As its code, serialization only.
    IntoCode,
    /// Its own fields, serialization only.
    Fields,
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
