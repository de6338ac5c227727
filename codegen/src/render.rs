//! Stage 3: the model to Rust source, one function per generated item,
//! written already laid out (see [`writer`](crate::writer)).
//!
//! Names reaching the output were validated as identifiers; all vendor text
//! reaches it as string literals or escaped docs. The fixed types (`Code`,
//! `ReasonInfo`, the errors and traits) are `codes_runtime`'s, named by
//! absolute path. What a reason code means comes from each row's decoding
//! table; nothing here applies precedence.

use std::fmt::Write as _;

use crate::decoding::{Outcome, Run};
use crate::docs;
use crate::ident::snake_case;
use crate::model::{
    CodeKind, Lang, Marker, Reason, ReasonCodes, RecordNames, Row, RowCode, Spec, Table, Text,
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

/// `#[cfg_attr(feature = …, parts…)]`, broken one part per line when long.
fn cfg_attr(out: &mut Writer, feature: &str, parts: &[&str]) {
    let inline = format!("#[cfg_attr(feature = {feature}, {})]", parts.join(", "));
    if out.fits(&inline) {
        out.line(inline);
        return;
    }
    out.begin("#[cfg_attr(");
    out.line(format_args!("feature = {feature},"));
    for (index, part) in parts.iter().enumerate() {
        let comma = if index + 1 < parts.len() { "," } else { "" };
        out.line(format_args!("{part}{comma}"));
    }
    out.end(")]");
}

/// The `start..=end` pattern of a run (a single code alone).
fn run_pattern(run: &Run) -> String {
    match run.start == run.end {
        true => run.start.to_string(),
        false => format!("{}..={}", run.start, run.end),
    }
}

/// The vendor's notation of a run's codes, for docs: `7` or `1-255`.
fn run_text(run: &Run) -> String {
    match run.start == run.end {
        true => format!("`{}`", run.start),
        false => format!("`{}-{}`", run.start, run.end),
    }
}

/// `text` ending as a sentence: with a full stop unless it has one (or a
/// colon) already, in either language.
fn sentence(text: &str) -> String {
    match text.ends_with(['.', '。', ':', '：', '!', '?']) {
        true => text.to_string(),
        false => format!("{text}."),
    }
}

/// A list for prose: `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A `match` arm whose patterns are `alternatives`: on one line when it
/// fits, else one alternative per line, each after the first led by `|`.
fn arm(out: &mut Writer, alternatives: &[String], body: &str) {
    let inline = format!("{} => {body}", alternatives.join(" | "));
    if out.fits(&inline) || alternatives.len() < 2 {
        out.line(inline);
        return;
    }
    for (index, alternative) in alternatives.iter().enumerate() {
        match (index, index + 1 == alternatives.len()) {
            (0, _) => out.line(alternative),
            (_, false) => out.line(format_args!("| {alternative}")),
            (_, true) => out.line(format_args!("| {alternative} => {body}")),
        }
    }
}

fn table(out: &mut Writer, cx: &Context<'_>, table: &Table) {
    code_enum(out, cx, table);
    out.blank();
    code_enum_impl(out, table);
    out.blank();
    if table.kind == CodeKind::Text {
        text_code_traits(out, cx, &table.name);
        return;
    }
    enumerable_traits(
        out,
        &table.name,
        "Some(self.description())",
        "Some(self.description_in(lang))",
    );
    let Some(names) = &table.record else {
        return;
    };
    out.blank();
    record_struct(out, cx, table, names);
    out.blank();
    object_kind_enum(out, cx, table, names);
    out.blank();
    object_enum(out, cx, table, names);
    out.blank();
    reason_enum(out, cx, table, names);
    for row in table.rows.iter().filter(|row| !row.reasons.is_empty()) {
        out.blank();
        row_reason_enum(out, cx, table, names, row);
    }
}

fn code_enum(out: &mut Writer, cx: &Context<'_>, table: &Table) {
    let source = &cx.spec.source;
    let page = table.page();
    let heading = match &page.caption {
        Some(caption) => sentence(&format!(
            "{}: {}",
            docs::escape(&page.title),
            docs::escape(caption)
        )),
        None => sentence(&docs::escape(&page.title)),
    };
    let mut pages = Vec::new();
    for (language, page) in [("English", &table.en), ("Chinese", &table.zh)] {
        if let Some(page) = page {
            let updated = page.updated.as_ref().map_or(String::new(), |updated| {
                format!(", updated {}", docs::escape(updated))
            });
            pages.push(format!(
                "the {language} page {}{updated}",
                docs::code_span(&page.page)
            ));
        }
    }
    let discriminants = match table.kind {
        CodeKind::Integer => " Each variant's discriminant is its vendor code.",
        CodeKind::Text => " The codes are text, compared byte for byte.",
    };
    out.doc(&[
        heading,
        String::new(),
        format!(
            "Transcribed from {} {}, {}: {}.{discriminants}",
            docs::escape(&source.vendor),
            docs::escape(&source.product),
            docs::escape(&source.document),
            and_list(&pages),
        ),
    ]);
    match table.kind {
        CodeKind::Integer => cx.attributes(
            out,
            &table.name,
            Shape::CodeEnum,
            "Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord",
            Serde::AsCode,
            &["#[repr(i32)]", "#[non_exhaustive]"],
        ),
        CodeKind::Text => cx.attributes(
            out,
            &table.name,
            Shape::Enum,
            "Debug, Clone, Copy, PartialEq, Eq, Hash",
            Serde::None,
            &["#[non_exhaustive]"],
        ),
    }
    out.open(format_args!("pub enum {}", table.name));
    for row in &table.rows {
        out.doc(&row_doc(cx, table, row));
        match &row.code {
            RowCode::Integer(code) => out.line(format_args!("{} = {code},", row.name)),
            RowCode::Text(_) => out.line(format_args!("{},", row.name)),
        }
    }
    out.close();
}

/// The doc of one row's variant: code, text, object kind, reasons, notes.
fn row_doc(cx: &Context<'_>, table: &Table, row: &Row) -> Vec<String> {
    let code = docs::code_span(&row.code.to_string());
    let mut lines = vec![match row.description.primary() {
        Some(text) => format!("{code}: {}", docs::escape(text)),
        None => format!("{code} (the vendor lists the code alone)."),
    }];
    if let (Some(_), Some(zh)) = (&row.description[Lang::En], &row.description[Lang::Zh]) {
        lines.push(String::new());
        lines.push(format!("In Chinese: {}", docs::escape(zh)));
    }
    if let Some(constant) = &row.constant {
        lines.push(String::new());
        lines.push(format!("Vendor constant: {}.", docs::code_span(constant)));
    }
    let Some(names) = &table.record else {
        return lines;
    };
    let none = cx.none_code();
    lines.push(String::new());
    lines.push(match row.object {
        Some(kind) => format!(
            "Object: {}",
            docs::escape(table.object_kinds[kind].text.primary().unwrap_or_default())
        ),
        None => format!("Object: none{none}."),
    });
    lines.push(String::new());
    if row.reasons.is_empty() {
        lines.push(format!("Reason: not used{none}."));
    } else {
        lines.push(format!("Reasons ([`{}`]):", names.row_reason(row)));
        lines.extend(
            row.reasons
                .iter()
                .map(|reason| match reason.description.primary() {
                    Some(text) => format!("- `{}`: {}", reason.codes, docs::escape(text)),
                    None => format!("- `{}`", reason.codes),
                }),
        );
    }
    for note in &row.notes {
        lines.push(String::new());
        lines.push(format!("Note: {}", docs::escape(note)));
    }
    lines
}

/// One variant of a fieldless code enum, as its methods need it.
struct Variant<'a> {
    code: i32,
    name: &'a str,
}

/// `ALL`, `COUNT`, `code`, `from_code`, `name` and `from_name` of a fieldless
/// enum whose discriminants are its codes; `from_code` is written by
/// `from_code`.
fn fieldless_methods(
    out: &mut Writer,
    variants: &[Variant<'_>],
    from_code: impl FnOnce(&mut Writer),
) {
    out.line("/// Every variant, in vendor order.");
    let all: Vec<String> = variants
        .iter()
        .map(|variant| format!("Self::{}", variant.name))
        .collect();
    out.list(
        &format!("pub const ALL: [Self; {}] = [", variants.len()),
        &all,
        ";",
    );
    out.blank();
    out.line("/// The number of variants.");
    out.line("pub const COUNT: usize = Self::ALL.len();");
    out.blank();
    out.line("/// The vendor code.");
    out.open("pub const fn code(self) -> i32");
    out.line("self as i32");
    out.close();
    out.blank();
    from_code(out);
    out.blank();
    out.line("/// The Rust name, as [`from_name`](Self::from_name) reads it.");
    out.open("pub const fn name(self) -> &'static str");
    out.open("match self");
    for variant in variants {
        out.line(format_args!(
            "Self::{0} => {1},",
            variant.name,
            string(variant.name)
        ));
    }
    out.close();
    out.close();
    out.blank();
    out.line("/// The variant whose Rust name is exactly `name`.");
    out.line("#[inline]");
    out.open("pub fn from_name(name: &str) -> Option<Self>");
    out.open("match name");
    for variant in variants {
        out.line(format_args!(
            "{} => Some(Self::{}),",
            string(variant.name),
            variant.name
        ));
    }
    out.line("_ => None,");
    out.close();
    out.close();
}

/// `from_code` of a fieldless enum: one arm per variant.
fn listed_from_code(out: &mut Writer, variants: &[Variant<'_>]) {
    out.line("/// The variant with vendor code `code`, if the table lists it.");
    out.open("pub const fn from_code(code: i32) -> Option<Self>");
    out.open("match code");
    for variant in variants {
        out.line(format_args!(
            "{} => Some(Self::{}),",
            variant.code, variant.name
        ));
    }
    out.line("_ => None,");
    out.close();
    out.close();
}

fn code_enum_impl(out: &mut Writer, table: &Table) {
    out.open(format_args!("impl {}", table.name));
    match table.kind {
        CodeKind::Integer => {
            let variants: Vec<Variant<'_>> = table
                .rows
                .iter()
                .map(|row| Variant {
                    code: row.code.integer().expect("an integer table"),
                    name: &row.name,
                })
                .collect();
            fieldless_methods(out, &variants, |out| listed_from_code(out, &variants));
        }
        CodeKind::Text => text_code_methods(out, table),
    }
    out.blank();
    let codes_alone = table
        .rows
        .iter()
        .all(|row| matches!(row.code, RowCode::Text(_)) && row.description.is_empty());
    if codes_alone {
        // No text to match on: each code is its own description.
        out.line("/// The vendor lists the codes alone: a code is its own description.");
        out.open("pub const fn description(self) -> &'static str");
        out.line("self.code()");
        out.close();
        out.blank();
        out.line("/// The same whatever the language: the code.");
        out.open(format_args!(
            "pub const fn description_in(self, lang: {LANG}) -> &'static str"
        ));
        out.line("let _ = lang;");
        out.line("self.code()");
        out.close();
    } else {
        let texts: Vec<(String, Text)> = table
            .rows
            .iter()
            .map(|row| {
                // A text code the vendor lists alone is its own description.
                let text = match (&row.code, row.description.is_empty()) {
                    (RowCode::Text(code), true) => Text::en(code.clone()),
                    _ => row.description.clone(),
                };
                (format!("Self::{}", row.name), text)
            })
            .collect();
        text_methods(
            out,
            "description",
            "The vendor's description, byte for byte: in English, or in Chinese where the vendor gives no English.",
            &texts,
            false,
        );
    }
    if table.has_constants() {
        out.blank();
        constant_methods(out, table);
    }
    if let Some(names) = &table.record {
        out.blank();
        record_methods(out, table, names);
    }
    out.close();
}

/// `ALL`, `COUNT`, `code`, `from_code`, `name` and `from_name` of an enum
/// whose codes are text.
fn text_code_methods(out: &mut Writer, table: &Table) {
    let variants: Vec<String> = table
        .rows
        .iter()
        .map(|row| format!("Self::{}", row.name))
        .collect();
    out.line("/// Every variant, in vendor order.");
    out.list(
        &format!("pub const ALL: [Self; {}] = [", variants.len()),
        &variants,
        ";",
    );
    out.blank();
    out.line("/// The number of variants.");
    out.line("pub const COUNT: usize = Self::ALL.len();");
    out.blank();
    out.line("/// The vendor code: the text of the bill's column.");
    out.open("pub const fn code(self) -> &'static str");
    out.open("match self");
    for row in &table.rows {
        out.line(format_args!(
            "Self::{} => {},",
            row.name,
            string(&row.code.to_string())
        ));
    }
    out.close();
    out.close();
    out.blank();
    out.line("/// The variant whose vendor code is exactly `code`, byte for byte.");
    out.open("pub fn from_code(code: &str) -> Option<Self>");
    out.open("match code");
    for row in &table.rows {
        out.line(format_args!(
            "{} => Some(Self::{}),",
            string(&row.code.to_string()),
            row.name
        ));
    }
    out.line("_ => None,");
    out.close();
    out.close();
    out.blank();
    out.line("/// The Rust name, as [`from_name`](Self::from_name) reads it.");
    out.open("pub const fn name(self) -> &'static str");
    out.open("match self");
    for row in &table.rows {
        out.line(format_args!(
            "Self::{0} => {1},",
            row.name,
            string(&row.name)
        ));
    }
    out.close();
    out.close();
    out.blank();
    out.line("/// The variant whose Rust name is exactly `name`.");
    out.line("#[inline]");
    out.open("pub fn from_name(name: &str) -> Option<Self>");
    out.open("match name");
    for row in &table.rows {
        out.line(format_args!(
            "{} => Some(Self::{}),",
            string(&row.name),
            row.name
        ));
    }
    out.line("_ => None,");
    out.close();
    out.close();
}

/// `constant` and `from_constant`: the vendor's constant names.
fn constant_methods(out: &mut Writer, table: &Table) {
    out.line("/// The vendor's constant name, such as `AGENT_TYPE_EXTENSION`.");
    out.open("pub const fn constant(self) -> &'static str");
    out.open("match self");
    for row in &table.rows {
        let constant = row.constant.as_deref().unwrap_or_default();
        out.line(format_args!("Self::{} => {},", row.name, string(constant)));
    }
    out.close();
    out.close();
    out.blank();
    out.line("/// The variant whose vendor constant name is exactly `constant`.");
    out.open("pub fn from_constant(constant: &str) -> Option<Self>");
    out.open("match constant");
    for row in &table.rows {
        let constant = row.constant.as_deref().unwrap_or_default();
        out.line(format_args!(
            "{} => Some(Self::{}),",
            string(constant),
            row.name
        ));
    }
    out.line("_ => None,");
    out.close();
    out.close();
}

/// A text method `name` (`description`, `text`) and `name_in(lang)` over
/// the `(pattern, text)` arms: the primary text (English, else Chinese),
/// and the text in a language with the other as fallback. `optional`
/// methods return `Option` (a reason may have no text).
fn text_methods(out: &mut Writer, name: &str, doc: &str, arms: &[(String, Text)], optional: bool) {
    let literal = |text: Option<&str>| match optional {
        true => optional_string(text),
        false => string(text.unwrap_or_default()),
    };
    let returns = match optional {
        true => "Option<&'static str>",
        false => "&'static str",
    };
    out.line(format_args!("/// {doc}"));
    out.open(format_args!("pub const fn {name}(self) -> {returns}"));
    out.open("match self");
    for (pattern, text) in arms {
        out.line(format_args!("{pattern} => {},", literal(text.primary())));
    }
    out.close();
    out.close();
    out.blank();
    out.line("/// The same in `lang`, or in the other language where the vendor");
    out.line("/// gives none in `lang`.");
    out.open(format_args!(
        "pub const fn {name}_in(self, lang: {LANG}) -> {returns}"
    ));
    if arms.iter().any(|(_, text)| text[Lang::Zh].is_some()) {
        out.open("match lang");
        out.open(format_args!("{LANG}::Zh => match self"));
        for (pattern, text) in arms {
            let zh = text[Lang::Zh].as_deref().or(text.primary());
            out.line(format_args!("{pattern} => {},", literal(zh)));
        }
        out.close_with(",");
        out.line(format_args!("_ => self.{name}(),"));
        out.close();
    } else {
        out.line("let _ = lang;");
        out.line(format_args!("self.{name}()"));
    }
    out.close();
}

/// `object_kind`, `notes` and `reasons` of a code enum with a record.
fn record_methods(out: &mut Writer, table: &Table, names: &RecordNames) {
    let kind = names.object_kind();
    out.line("/// The kind of object the operation names; `None` where the vendor");
    out.line("/// names none.");
    out.open(format_args!(
        "pub const fn object_kind(self) -> Option<{kind}>"
    ));
    let objects: Vec<String> = table
        .rows
        .iter()
        .filter_map(|row| {
            let object = &table.object_kinds[row.object?].name;
            Some(format!("Self::{} => Some({kind}::{object}),", row.name))
        })
        .collect();
    match_or(
        out,
        &objects,
        table
            .rows
            .iter()
            .any(|row| row.object.is_none())
            .then_some("None"),
    );
    out.close();
    out.blank();
    out.line("/// The vendor's notes on the reasons, free sentences of the reason cell.");
    out.open("pub const fn notes(self) -> &'static [&'static str]");
    let notes: Vec<String> = table
        .rows
        .iter()
        .filter(|row| !row.notes.is_empty())
        .map(|row| {
            let notes: Vec<String> = row.notes.iter().map(|note| string(note)).collect();
            format!("Self::{} => &[{}],", row.name, notes.join(", "))
        })
        .collect();
    match_or(
        out,
        &notes,
        table
            .rows
            .iter()
            .any(|row| row.notes.is_empty())
            .then_some("&[]"),
    );
    out.close();
    out.blank();
    out.line("/// The notes in `lang`, or in the other language where the vendor");
    out.line("/// gives none in `lang`.");
    out.open(format_args!(
        "pub const fn notes_in(self, lang: {LANG}) -> &'static [&'static str]"
    ));
    let notes_zh: Vec<String> = table
        .rows
        .iter()
        .filter(|row| !row.notes_zh.is_empty())
        .map(|row| {
            let notes: Vec<String> = row.notes_zh.iter().map(|note| string(note)).collect();
            format!("Self::{} => &[{}],", row.name, notes.join(", "))
        })
        .collect();
    if notes_zh.is_empty() {
        out.line("let _ = lang;");
        out.line("self.notes()");
    } else {
        out.open("match lang");
        out.open(format_args!("{LANG}::Zh => match self"));
        for arm in &notes_zh {
            out.line(arm);
        }
        out.line("_ => self.notes(),");
        out.close_with(",");
        out.line("_ => self.notes(),");
        out.close();
    }
    out.close();
    out.blank();
    out.line("/// The reasons the vendor lists, in vendor order; empty where it");
    out.line("/// lists none.");
    out.open(format_args!(
        "pub const fn reasons(self) -> &'static [{REASON_INFO}]"
    ));
    let rows: Vec<&Row> = table
        .rows
        .iter()
        .filter(|row| !row.reasons.is_empty())
        .collect();
    let without = table.rows.iter().any(|row| row.reasons.is_empty());
    if rows.is_empty() {
        out.line("&[]");
    } else {
        out.open("match self");
        for row in rows {
            let infos: Vec<String> = row.reasons.iter().map(reason_info).collect();
            let inline = format!("Self::{} => &[{}],", row.name, infos.join(", "));
            if out.fits(&inline) {
                out.line(inline);
                continue;
            }
            out.begin(format_args!("Self::{} => &[", row.name));
            for reason in &row.reasons {
                out.open(REASON_INFO);
                out.line(format_args!("name: {},", string(&reason.name)));
                out.line(format_args!("codes: {},", reason_codes(reason.codes)));
                out.line(format_args!(
                    "description: {},",
                    optional_string(reason.description[Lang::En].as_deref())
                ));
                out.line(format_args!(
                    "description_zh: {},",
                    optional_string(reason.description[Lang::Zh].as_deref())
                ));
                out.close_with(",");
            }
            out.end("],");
        }
        if without {
            out.line("_ => &[],");
        }
        out.close();
    }
    out.close();
}

/// `ReasonInfo { … }` on one line.
fn reason_info(reason: &Reason) -> String {
    format!(
        "{REASON_INFO} {{ name: {}, codes: {}, description: {}, description_zh: {} }}",
        string(&reason.name),
        reason_codes(reason.codes),
        optional_string(reason.description[Lang::En].as_deref()),
        optional_string(reason.description[Lang::Zh].as_deref())
    )
}

/// `match self { arms _ => rest }`: without arms just `rest`, and the
/// wildcard only where some row needs it (`rest` is `None` when every row
/// has an arm), since an unreachable arm warns.
fn match_or(out: &mut Writer, arms: &[String], rest: Option<&str>) {
    match (arms.is_empty(), rest) {
        (true, Some(rest)) => out.line(rest),
        (_, rest) => {
            out.open("match self");
            for arm in arms {
                out.line(arm);
            }
            if let Some(rest) = rest {
                out.line(format_args!("_ => {rest},"));
            }
            out.close();
        }
    }
}

fn reason_codes(codes: ReasonCodes) -> String {
    match codes {
        ReasonCodes::Single(single) => format!("{REASON_CODES}::Single({single})"),
        ReasonCodes::Range { start, end } => {
            format!("{REASON_CODES}::Range {{ start: {start}, end: {end} }}")
        }
        ReasonCodes::Open { default } => {
            let default = default.map_or("None".to_string(), |code| format!("Some({code})"));
            format!("{REASON_CODES}::Open {{ default: {default} }}")
        }
    }
}

/// The runtime trait and std conversions of a code enum: `CodeEnum`,
/// `From<T> for i32`, `TryFrom<i32>`, and `Display` and `FromStr` with the
/// bodies `display` and `from_str` write.
fn code_traits(
    out: &mut Writer,
    name: &str,
    description: &str,
    description_in: &str,
    display: impl FnOnce(&mut Writer),
    from_str: impl FnOnce(&mut Writer),
) {
    code_enum_trait(out, name, CodeKind::Integer, description, description_in);
    out.blank();
    out.open(format_args!("impl From<{name}> for i32"));
    out.open(format_args!("fn from(value: {name}) -> i32"));
    out.line("value.code()");
    out.close();
    out.close();
    out.blank();
    out.open(format_args!("impl TryFrom<i32> for {name}"));
    out.line(format_args!("type Error = {UNKNOWN_CODE};"));
    out.blank();
    out.open(format_args!(
        "fn try_from(code: i32) -> Result<Self, {UNKNOWN_CODE}>"
    ));
    out.open("match Self::from_code(code)");
    out.line("Some(value) => Ok(value),");
    out.line(format_args!(
        "None => Err({UNKNOWN_CODE}::new({}, code)),",
        string(name)
    ));
    out.close();
    out.close();
    out.close();
    out.blank();
    display_and_from_str(out, name, display, from_str);
}

/// `impl CodeEnum`: the enum's own methods behind the trait's, its codes
/// `i32` or text; `description` and `description_in` are the bodies of
/// those two.
fn code_enum_trait(
    out: &mut Writer,
    name: &str,
    kind: CodeKind,
    description: &str,
    description_in: &str,
) {
    let (code_type, code_out, code_in) = match kind {
        CodeKind::Integer => ("i32", "i32", "i32"),
        CodeKind::Text => ("&'a str", "&'static str", "&str"),
    };
    out.open(format_args!("impl {CODE_ENUM} for {name}"));
    out.line(format_args!("type Code<'a> = {code_type};"));
    out.blank();
    out.line(format_args!("const KIND: &'static str = {};", string(name)));
    out.blank();
    out.open(format_args!("fn code(self) -> {code_out}"));
    out.line(format_args!("{name}::code(self)"));
    out.close();
    out.blank();
    out.open(format_args!(
        "fn from_code(code: {code_in}) -> Option<Self>"
    ));
    out.line(format_args!("{name}::from_code(code)"));
    out.close();
    out.blank();
    out.open("fn name(self) -> &'static str");
    out.line(format_args!("{name}::name(self)"));
    out.close();
    out.blank();
    out.open("fn description(self) -> Option<&'static str>");
    out.line(description);
    out.close();
    out.blank();
    out.open(format_args!(
        "fn description_in(self, lang: {LANG}) -> Option<&'static str>"
    ));
    for line in description_in.lines() {
        out.line(line);
    }
    out.close();
    out.close();
}

/// `impl Display` and `impl FromStr` with the bodies `display` and
/// `from_str` write.
fn display_and_from_str(
    out: &mut Writer,
    name: &str,
    display: impl FnOnce(&mut Writer),
    from_str: impl FnOnce(&mut Writer),
) {
    out.open(format_args!("impl core::fmt::Display for {name}"));
    out.open("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    display(out);
    out.close();
    out.close();
    out.blank();
    out.open(format_args!("impl core::str::FromStr for {name}"));
    out.line(format_args!("type Err = {UNKNOWN_NAME};"));
    out.blank();
    out.line("#[inline]");
    out.open(format_args!(
        "fn from_str(text: &str) -> Result<Self, {UNKNOWN_NAME}>"
    ));
    from_str(out);
    out.close();
    out.close();
}

/// The body of a `Display` that writes the value's name.
fn display_name(out: &mut Writer) {
    out.line("f.write_str(self.name())");
}

/// The body of a `FromStr` that reads a value's name.
fn from_name_str(out: &mut Writer, name: &str) {
    out.line(format_args!(
        "Self::from_name(text).ok_or({UNKNOWN_NAME}::new({}))",
        string(name)
    ));
}

/// `impl Enumerable`: the enum's `ALL`.
fn enumerable_impl(out: &mut Writer, name: &str) {
    out.open(format_args!("impl {ENUMERABLE} for {name}"));
    out.line("const ALL: &'static [Self] = &Self::ALL;");
    out.close();
}

/// [`code_traits`] of a fieldless enum, which also lists all its values
/// (`Enumerable`) and displays and parses its names.
fn enumerable_traits(out: &mut Writer, name: &str, description: &str, description_in: &str) {
    code_traits(
        out,
        name,
        description,
        description_in,
        display_name,
        |out| from_name_str(out, name),
    );
    out.blank();
    enumerable_impl(out, name);
}

/// `PartialOrd` and `Ord` by code, which a canonical value has exactly one
/// of: the order `CodeEnum` promises, where declaration order would not do.
fn code_order(out: &mut Writer, name: &str, kind: CodeKind) {
    out.open(format_args!("impl PartialOrd for {name}"));
    out.open("fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering>");
    out.line("Some(self.cmp(other))");
    out.close();
    out.close();
    out.blank();
    out.open(format_args!("impl Ord for {name}"));
    out.open("fn cmp(&self, other: &Self) -> core::cmp::Ordering");
    match kind {
        CodeKind::Integer => out.line("self.code().cmp(&other.code())"),
        CodeKind::Text => out.line("self.code().cmp(other.code())"),
    }
    out.close();
    out.close();
}

/// The runtime traits of an enum whose codes are text: `CodeEnum` with
/// `&str` codes, `Enumerable`, `Display` and `FromStr` by name, and serde
/// as the code text.
fn text_code_traits(out: &mut Writer, cx: &Context<'_>, name: &str) {
    code_order(out, name, CodeKind::Text);
    out.blank();
    code_enum_trait(
        out,
        name,
        CodeKind::Text,
        "Some(self.description())",
        "Some(self.description_in(lang))",
    );
    out.blank();
    enumerable_impl(out, name);
    out.blank();
    display_and_from_str(out, name, display_name, |out| from_name_str(out, name));
    if cx.serde_gate(out) {
        out.open(format_args!("impl serde::Serialize for {name}"));
        out.open(
            "fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>",
        );
        out.line("serializer.serialize_str(self.code())");
        out.close();
        out.close();
    }
    if cx.serde_gate(out) {
        out.open(format_args!("impl<'de> serde::Deserialize<'de> for {name}"));
        out.open("fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>");
        out.line("::codes_runtime::serde::deserialize_text(deserializer)");
        out.close();
        out.close();
    }
}

/// `description()` and `description_in(lang)` of a reason enum.
fn reason_descriptions(out: &mut Writer, row: &Row) {
    let arms: Vec<(String, Text)> = row
        .reasons
        .iter()
        .map(|reason| {
            let pattern = match reason.codes.carries_value() {
                true => format!("Self::{}(_)", reason.name),
                false => format!("Self::{}", reason.name),
            };
            (pattern, reason.description.clone())
        })
        .collect();
    text_methods(
        out,
        "description",
        "The vendor's text: in English, or in Chinese where the vendor gives no English; `None` where it gives a bare code.",
        &arms,
        true,
    );
}

fn row_reason_enum(
    out: &mut Writer,
    cx: &Context<'_>,
    table: &Table,
    names: &RecordNames,
    row: &Row,
) {
    let name = names.row_reason(row);
    let module = snake_case(&name);
    out.line(format_args!(
        "/// Reasons of [`{}::{}`] (`{}`).",
        table.name, row.name, row.code
    ));
    let singles: Option<Vec<Variant<'_>>> = row
        .reasons
        .iter()
        .map(|reason| match reason.codes {
            ReasonCodes::Single(code) => Some(Variant {
                code,
                name: &reason.name,
            }),
            _ => None,
        })
        .collect();
    if let Some(variants) = singles {
        // Every reason a single code: an enum like the table's own.
        cx.attributes(
            out,
            &name,
            Shape::CodeEnum,
            "Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord",
            Serde::AsCode,
            &["#[repr(i32)]", "#[non_exhaustive]"],
        );
        out.open(format_args!("pub enum {name}"));
        for (reason, variant) in row.reasons.iter().zip(&variants) {
            out.doc(&reason_doc(row, reason, &module));
            out.line(format_args!("{} = {},", variant.name, variant.code));
        }
        out.close();
        out.blank();
        out.open(format_args!("impl {name}"));
        fieldless_methods(out, &variants, |out| reason_from_code(out, row, &module));
        out.blank();
        reason_descriptions(out, row);
        out.close();
        out.blank();
        enumerable_traits(
            out,
            &name,
            "Self::description(self)",
            "Self::description_in(self, lang)",
        );
        return;
    }
    cx.attributes(
        out,
        &name,
        Shape::Enum,
        "Debug, Clone, Copy, PartialEq, Eq, Hash",
        Serde::AsCode,
        &["#[non_exhaustive]"],
    );
    out.open(format_args!("pub enum {name}"));
    for reason in &row.reasons {
        out.doc(&reason_doc(row, reason, &module));
        match reason.codes.carries_value() {
            true => out.line(format_args!("{0}({module}::{0}),", reason.name)),
            false => out.line(format_args!("{},", reason.name)),
        }
    }
    out.close();
    out.blank();
    out.open(format_args!("impl {name}"));
    out.line("/// The vendor code, the exact number this reason was decoded from.");
    out.open("pub const fn code(self) -> i32");
    out.open("match self");
    for reason in &row.reasons {
        match reason.codes {
            ReasonCodes::Single(code) => out.line(format_args!("Self::{} => {code},", reason.name)),
            _ => out.line(format_args!(
                "Self::{}(value) => value.code(),",
                reason.name
            )),
        }
    }
    out.close();
    out.close();
    out.blank();
    reason_from_code(out, row, &module);
    out.blank();
    out.line("/// The Rust name of the variant.");
    out.open("pub const fn name(self) -> &'static str");
    out.open("match self");
    for reason in &row.reasons {
        let pattern = match reason.codes.carries_value() {
            true => format!("Self::{}(_)", reason.name),
            false => format!("Self::{}", reason.name),
        };
        out.line(format_args!("{pattern} => {},", string(&reason.name)));
    }
    out.close();
    out.close();
    out.blank();
    reason_descriptions(out, row);
    out.close();
    out.blank();
    code_order(out, &name, CodeKind::Integer);
    out.blank();
    code_traits(
        out,
        &name,
        "Self::description(self)",
        "Self::description_in(self, lang)",
        |out| reason_display(out, row),
        |out| reason_from_str(out, &name, row),
    );
    out.blank();
    payload_module(out, table, row, &name, &module);
}

/// The doc of a reason's variant: its codes as the decoding table has them,
/// the vendor's text, and what precedence takes from it.
fn reason_doc(row: &Row, reason: &Reason, module: &str) -> Vec<String> {
    let index = row
        .reasons
        .iter()
        .position(|other| std::ptr::eq(other, reason))
        .expect("the reason is the row's");
    let text = reason.description.primary().map(docs::escape);
    let mut lines = vec![match (reason.codes, text) {
        (ReasonCodes::Open { .. }, text) => {
            let others: Vec<String> = row
                .decoding
                .runs()
                .iter()
                .filter(|run| run.outcome != Outcome::Open(index))
                .map(run_text)
                .collect();
            let codes = match others.len() {
                0 => "Any code".to_string(),
                1..=8 => format!("Any code but {}", and_list(&others)),
                _ => "Any code no other reason takes".to_string(),
            };
            match text {
                Some(text) => format!("{codes}: {text}"),
                None => format!("{codes}."),
            }
        }
        (codes, Some(text)) => format!("`{codes}`: {text}"),
        (codes, None) => format!("`{codes}` (the vendor gives no text)."),
    }];
    if let ReasonCodes::Range { start, end } = reason.codes {
        let shadowed: Vec<String> = row
            .decoding
            .runs()
            .iter()
            .filter(|run| start <= run.start && run.end <= end)
            .filter_map(|run| match run.outcome {
                Outcome::Listed(other) | Outcome::Range(other) if other != index => Some(format!(
                    "{} is [`{1}`](Self::{1})",
                    run_text(run),
                    row.reasons[other].name
                )),
                _ => None,
            })
            .collect();
        if !shadowed.is_empty() {
            lines.push(String::new());
            lines.push(format!(
                "A code listed on its own wins over this range: {}.",
                shadowed.join(", ")
            ));
        }
    }
    if let ReasonCodes::Open {
        default: Some(default),
    } = reason.codes
    {
        lines.push(String::new());
        lines.push(format!("The vendor's default is `{default}`."));
    }
    if reason.codes.carries_value() {
        lines.push(String::new());
        lines.push(format!(
            "Carries the code it was decoded from, a [`{module}::{}`].",
            reason.name
        ));
    }
    lines
}

/// `from_code` of a row's reasons, read off the row's decoding table: an
/// arm per reason with the runs that decode to it, then the markers, then
/// the open reason, which takes every code left.
fn reason_from_code(out: &mut Writer, row: &Row, module: &str) {
    let runs = row.decoding.runs();
    let value = |index: usize| {
        let reason = &row.reasons[index];
        match reason.codes.carries_value() {
            true => format!("Self::{0}({module}::{0}(code))", reason.name),
            false => format!("Self::{}", reason.name),
        }
    };
    let open = row
        .reasons
        .iter()
        .position(|reason| matches!(reason.codes, ReasonCodes::Open { .. }));
    out.line("/// The reason with vendor code `code`, if the vendor lists it for");
    out.line("/// this operation.");
    out.open("pub const fn from_code(code: i32) -> Option<Self>");
    out.open("match code");
    for index in (0..row.reasons.len()).filter(|index| Some(*index) != open) {
        let patterns: Vec<String> = runs
            .iter()
            .filter(|run| run.outcome.reason() == Some(index))
            .map(run_pattern)
            .collect();
        arm(out, &patterns, &format!("Some({}),", value(index)));
    }
    match open {
        Some(index) => {
            let markers: Vec<String> = runs
                .iter()
                .filter(|run| matches!(run.outcome, Outcome::NotApplicable(_)))
                .map(run_pattern)
                .collect();
            if !markers.is_empty() {
                arm(out, &markers, "None,");
            }
            out.line(format_args!("_ => Some({}),", value(index)));
        }
        // Ranges may take every code, and then a wildcard would never match.
        None if row.decoding.is_total() => {}
        None => out.line("_ => None,"),
    }
    out.close();
    out.close();
}

/// `Display` of a reason enum whose variants carry codes: `Name` or
/// `Name(code)`, as `FromStr` reads it.
fn reason_display(out: &mut Writer, row: &Row) {
    out.open("match self");
    for reason in row
        .reasons
        .iter()
        .filter(|reason| reason.codes.carries_value())
    {
        out.line(format_args!(
            "Self::{0}(value) => write!(f, \"{0}({{value}})\"),",
            reason.name
        ));
    }
    if row
        .reasons
        .iter()
        .any(|reason| !reason.codes.carries_value())
    {
        out.line("_ => f.write_str(self.name()),");
    }
    out.close();
}

/// `FromStr` of a reason enum whose variants carry codes: `Name` for a
/// variant without a code, `Name(code)` for one with, if the code decodes
/// to that variant.
fn reason_from_str(out: &mut Writer, name: &str, row: &Row) {
    out.line(format_args!(
        "let unknown = {UNKNOWN_NAME}::new({});",
        string(name)
    ));
    out.open(
        "let Some((name, code)) = text.strip_suffix(')').and_then(|text| text.split_once('(')) else",
    );
    let units: Vec<&Reason> = row
        .reasons
        .iter()
        .filter(|reason| !reason.codes.carries_value())
        .collect();
    // A name without a code is one of the variants that carry none.
    if units.is_empty() {
        out.line("return Err(unknown);");
    } else {
        out.open("return match text");
        for reason in units {
            out.line(format_args!(
                "{} => Ok(Self::{}),",
                string(&reason.name),
                reason.name
            ));
        }
        out.line("_ => Err(unknown),");
        out.close_with(";");
    }
    out.close_with(";");
    out.open("let Ok(code) = code.parse::<i32>() else");
    out.line("return Err(unknown);");
    out.close_with(";");
    let carrying: Vec<String> = row
        .reasons
        .iter()
        .filter(|reason| reason.codes.carries_value())
        .map(|reason| format!("Self::{}(_)", reason.name))
        .collect();
    let carrying = match carrying.as_slice() {
        [one] => one.clone(),
        many => format!("({})", many.join(" | ")),
    };
    out.open("match Self::from_code(code).filter(|value| value.name() == name)");
    out.line(format_args!("Some(value @ {carrying}) => Ok(value),"));
    out.line("_ => Err(unknown),");
    out.close();
}

/// The module of the types that a reason enum's variants carry, each a code
/// that only decoding makes.
fn payload_module(out: &mut Writer, table: &Table, row: &Row, name: &str, module: &str) {
    // A module's outer docs resolve links where the module is declared.
    out.line(format_args!(
        "/// The codes that the variants of [`{name}`] carry, reasons of [`{}::{}`].",
        table.name, row.name
    ));
    out.open(format_args!("pub mod {module}"));
    let mut first = true;
    for (index, reason) in row.reasons.iter().enumerate() {
        if !reason.codes.carries_value() {
            continue;
        }
        if !first {
            out.blank();
        }
        first = false;
        let variant = &reason.name;
        let runs: Vec<String> = row
            .decoding
            .runs()
            .iter()
            .filter(|run| run.outcome.reason() == Some(index))
            .map(run_text)
            .collect();
        let codes = match (reason.codes, runs.len()) {
            (ReasonCodes::Open { .. }, _) => {
                "any code that no other reason and no marker of \"not applicable\" takes"
                    .to_string()
            }
            (_, 1..=8) => and_list(&runs),
            _ => format!("{} runs of codes", runs.len()),
        };
        out.doc(&[
            format!(
                "A code of [`{name}::{variant}`](super::{name}::{variant}), reason of [`{0}::{1}`](super::{0}::{1}): {codes}.",
                table.name, row.name
            ),
            String::new(),
            "Only a code that decodes to this reason makes one: see [`new`](Self::new).".to_string(),
        ]);
        out.line("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]");
        out.line(format_args!("pub struct {variant}(pub(super) i32);"));
        out.blank();
        out.open(format_args!("impl {variant}"));
        out.line("/// `code` as this reason, if it decodes to it.");
        out.open("pub const fn new(code: i32) -> Option<Self>");
        out.open(format_args!("match super::{name}::from_code(code)"));
        out.line(format_args!(
            "Some(super::{name}::{variant}(value)) => Some(value),"
        ));
        out.line("_ => None,");
        out.close();
        out.close();
        out.blank();
        out.line("/// The vendor code.");
        out.open("pub const fn code(self) -> i32");
        out.line("self.0");
        out.close();
        out.close();
        out.blank();
        out.open(format_args!("impl From<{variant}> for i32"));
        out.open(format_args!("fn from(value: {variant}) -> i32"));
        out.line("value.0");
        out.close();
        out.close();
        out.blank();
        out.open(format_args!("impl TryFrom<i32> for {variant}"));
        out.line(format_args!("type Error = {UNKNOWN_CODE};"));
        out.blank();
        out.open(format_args!(
            "fn try_from(code: i32) -> Result<Self, {UNKNOWN_CODE}>"
        ));
        out.open("match Self::new(code)");
        out.line("Some(value) => Ok(value),");
        let error = format!(
            "None => Err({UNKNOWN_CODE}::new({}, code)),",
            string(&format!("{name}::{variant}"))
        );
        if out.fits(&error) {
            out.line(error);
        } else {
            out.begin(format_args!("None => Err({UNKNOWN_CODE}::new("));
            out.line(format_args!("{},", string(&format!("{name}::{variant}"))));
            out.line("code,");
            out.end(")),");
        }
        out.close();
        out.close();
        out.close();
        out.blank();
        out.open(format_args!("impl core::fmt::Display for {variant}"));
        out.open("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
        out.line("write!(f, \"{}\", self.0)");
        out.close();
        out.close();
    }
    out.close();
}

fn reason_enum(out: &mut Writer, cx: &Context<'_>, table: &Table, names: &RecordNames) {
    let name = &names.reason;
    let module = snake_case(name);
    let code_enum = &table.name;
    let markers = cx.markers();
    let marker_codes = cx.marker_codes();
    let rows: Vec<&Row> = table
        .rows
        .iter()
        .filter(|row| !row.reasons.is_empty())
        .collect();
    out.line("/// A reason code decoded in the context of its operation: every code");
    out.line("/// decodes, and [`code`](Self::code) gives back the exact number.");
    cx.attributes(
        out,
        name,
        Shape::Enum,
        "Debug, Clone, Copy, PartialEq, Eq, Hash",
        Serde::IntoCode,
        &["#[non_exhaustive]"],
    );
    out.open(format_args!("pub enum {name}"));
    for row in &rows {
        out.line(format_args!(
            "/// A reason of [`{}::{}`] (`{}`).",
            table.name, row.name, row.code
        ));
        out.line(format_args!("{}({}),", row.name, names.row_reason(row)));
    }
    if markers {
        out.line(format_args!(
            "/// {marker_codes}: the reason does not apply."
        ));
        out.line("NotApplicable(NotApplicable),");
    }
    out.line("/// A code the vendor does not list for the operation, or any");
    out.line("/// code of an operation type the table does not list.");
    out.line(format_args!("Unlisted({module}::Unlisted),"));
    out.close();
    out.blank();
    out.open(format_args!("impl {name}"));
    out.doc(&[match markers {
        true => format!("Decodes `code` as a reason of `operation`, as the operation's decoding table says: a listed code first, then {marker_codes} as not applicable, then an open reason."),
        false => "Decodes `code` as a reason of `operation`: a listed code, or unlisted.".to_string(),
    }]);
    out.open(format_args!(
        "pub const fn decode(operation: {code_enum}, code: i32) -> Self"
    ));
    if rows.is_empty() {
        // No operation lists reasons: every code is not applicable or unlisted.
        out.line("let _ = operation;");
    } else {
        out.open("match operation");
        for row in &rows {
            out.open(format_args!("{code_enum}::{} =>", row.name));
            out.open(format_args!(
                "if let Some(reason) = {}::from_code(code)",
                names.row_reason(row)
            ));
            out.line(format_args!("return Self::{}(reason);", row.name));
            out.close();
            out.close();
        }
        // The rows without reasons are spelled out rather than `_`: the list
        // says which rows take no reason.
        let without: Vec<String> = table
            .rows
            .iter()
            .filter(|row| row.reasons.is_empty())
            .map(|row| format!("{code_enum}::{}", row.name))
            .collect();
        if !without.is_empty() {
            arm(out, &without, "{}");
        }
        out.close();
    }
    out.line("Self::unlisted(code)");
    out.close();
    out.blank();
    out.doc(&[match markers {
        true => format!("Decodes `code` knowing nothing of its operation: not applicable ({marker_codes}) or unlisted."),
        false => "Decodes `code` knowing nothing of its operation: unlisted.".to_string(),
    }]);
    out.open("pub const fn unlisted(code: i32) -> Self");
    if markers {
        out.open("match NotApplicable::from_code(code)");
        out.line("Some(marker) => Self::NotApplicable(marker),");
        out.line(format_args!(
            "None => Self::Unlisted({module}::Unlisted(code)),"
        ));
        out.close();
    } else {
        out.line(format_args!("Self::Unlisted({module}::Unlisted(code))"));
    }
    out.close();
    out.blank();
    out.line("/// The vendor code, the exact number this reason was decoded from.");
    out.open("pub const fn code(self) -> i32");
    out.open("match self");
    for row in &rows {
        out.line(format_args!("Self::{}(reason) => reason.code(),", row.name));
    }
    if markers {
        out.line("Self::NotApplicable(marker) => marker.code(),");
    }
    out.line("Self::Unlisted(unlisted) => unlisted.code(),");
    out.close();
    out.close();
    out.blank();
    out.line("/// The Rust name of the reason, or `NotApplicable` / `Unlisted`.");
    out.open("pub const fn name(self) -> &'static str");
    out.open("match self");
    for row in &rows {
        out.line(format_args!("Self::{}(reason) => reason.name(),", row.name));
    }
    if markers {
        out.line("Self::NotApplicable(_) => \"NotApplicable\",");
    }
    out.line("Self::Unlisted(_) => \"Unlisted\",");
    out.close();
    out.close();
    out.blank();
    out.line("/// The vendor's text, where it gives one: in English, or in Chinese");
    out.line("/// where it gives no English.");
    out.open("pub const fn description(self) -> Option<&'static str>");
    out.open("match self");
    for row in &rows {
        out.line(format_args!(
            "Self::{}(reason) => reason.description(),",
            row.name
        ));
    }
    match markers {
        true => out.line("Self::NotApplicable(_) | Self::Unlisted(_) => None,"),
        false => out.line("Self::Unlisted(_) => None,"),
    }
    out.close();
    out.close();
    out.blank();
    out.line("/// The same in `lang`, or in the other language where the vendor");
    out.line("/// gives none in `lang`.");
    out.open(format_args!(
        "pub const fn description_in(self, lang: {LANG}) -> Option<&'static str>"
    ));
    out.open("match self");
    for row in &rows {
        out.line(format_args!(
            "Self::{}(reason) => reason.description_in(lang),",
            row.name
        ));
    }
    match markers {
        true => out.line("Self::NotApplicable(_) | Self::Unlisted(_) => None,"),
        false => out.line("Self::Unlisted(_) => None,"),
    }
    out.close();
    out.close();
    out.close();
    out.blank();
    out.open(format_args!("impl From<{name}> for i32"));
    out.open(format_args!("fn from(reason: {name}) -> i32"));
    out.line("reason.code()");
    out.close();
    out.close();
    out.blank();
    out.open(format_args!("impl core::fmt::Display for {name}"));
    out.open("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.open("match (self, self.description())");
    if markers {
        out.line("(Self::NotApplicable(marker), _) => write!(f, \"not applicable ({})\", marker.code()),");
    }
    out.line("(Self::Unlisted(unlisted), _) => write!(f, \"unlisted ({unlisted})\"),");
    out.line("(_, Some(text)) => write!(f, \"{} ({}: {text})\", self.name(), self.code()),");
    out.line("(_, None) => write!(f, \"{} ({})\", self.name(), self.code()),");
    out.close();
    out.close();
    out.close();
    out.blank();
    out.line(format_args!(
        "/// The code that [`{name}::Unlisted`] carries."
    ));
    out.open(format_args!("pub mod {module}"));
    out.doc(&[match markers {
        true => format!("A code that is not listed for its operation and is not {marker_codes}: only [`{name}::decode`](super::{name}::decode) and [`{name}::unlisted`](super::{name}::unlisted) make one."),
        false => format!("A code that is not listed for its operation: only [`{name}::decode`](super::{name}::decode) and [`{name}::unlisted`](super::{name}::unlisted) make one."),
    }]);
    out.line("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]");
    out.line("pub struct Unlisted(pub(super) i32);");
    out.blank();
    out.open("impl Unlisted");
    out.line("/// The vendor code.");
    out.open("pub const fn code(self) -> i32");
    out.line("self.0");
    out.close();
    out.close();
    out.blank();
    out.open("impl core::fmt::Display for Unlisted");
    out.open("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.line("write!(f, \"{}\", self.0)");
    out.close();
    out.close();
    out.close();
}

fn object_kind_enum(out: &mut Writer, cx: &Context<'_>, table: &Table, names: &RecordNames) {
    let name = names.object_kind();
    let kinds = &table.object_kinds;
    out.line("/// The kinds of object the vendor's object column names.");
    cx.attributes(
        out,
        &name,
        Shape::Enum,
        "Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord",
        Serde::None,
        &["#[non_exhaustive]"],
    );
    out.open(format_args!("pub enum {name}"));
    for kind in kinds {
        out.doc(&[docs::escape(kind.text.primary().unwrap_or_default())]);
        out.line(format_args!("{},", kind.name));
    }
    out.close();
    out.blank();
    out.open(format_args!("impl {name}"));
    out.line("/// Every kind, in spec order.");
    let all: Vec<String> = kinds
        .iter()
        .map(|kind| format!("Self::{}", kind.name))
        .collect();
    out.list(
        &format!("pub const ALL: [Self; {}] = [", kinds.len()),
        &all,
        ";",
    );
    out.blank();
    out.line("/// The Rust name of the kind, as [`from_name`](Self::from_name) reads it.");
    out.open("pub const fn name(self) -> &'static str");
    out.open("match self");
    for kind in kinds {
        out.line(format_args!(
            "Self::{} => {},",
            kind.name,
            string(&kind.name)
        ));
    }
    out.close();
    out.close();
    out.blank();
    out.line("/// The kind whose Rust name is exactly `name`.");
    out.open("pub fn from_name(name: &str) -> Option<Self>");
    out.open("match name");
    for kind in kinds {
        out.line(format_args!(
            "{} => Some(Self::{}),",
            string(&kind.name),
            kind.name
        ));
    }
    out.line("_ => None,");
    out.close();
    out.close();
    out.blank();
    let texts: Vec<(String, Text)> = kinds
        .iter()
        .map(|kind| (format!("Self::{}", kind.name), kind.text.clone()))
        .collect();
    text_methods(
        out,
        "text",
        "The vendor's cell text, byte for byte: in English, or in Chinese where the vendor gives no English.",
        &texts,
        false,
    );
    out.close();
    out.blank();
    out.open(format_args!("impl core::fmt::Display for {name}"));
    out.open("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.line("f.write_str(self.name())");
    out.close();
    out.close();
    out.blank();
    out.open(format_args!("impl core::str::FromStr for {name}"));
    out.line(format_args!("type Err = {UNKNOWN_NAME};"));
    out.blank();
    out.open(format_args!(
        "fn from_str(text: &str) -> Result<Self, {UNKNOWN_NAME}>"
    ));
    out.line(format_args!(
        "Self::from_name(text).ok_or({UNKNOWN_NAME}::new({}))",
        string(&name)
    ));
    out.close();
    out.close();
}

fn object_enum(out: &mut Writer, cx: &Context<'_>, table: &Table, names: &RecordNames) {
    let name = &names.object;
    let module = snake_case(name);
    let kind = names.object_kind();
    let kinds = &table.object_kinds;
    let markers = cx.markers();
    let marker_codes = cx.marker_codes();
    out.line("/// An operation's object, decoded by the kind its operation names;");
    out.line("/// [`as_str`](Self::as_str) gives back the exact text.");
    cx.attributes(
        out,
        name,
        Shape::Enum,
        "Debug, Clone, Copy, PartialEq, Eq, Hash",
        Serde::None,
        &["#[non_exhaustive]"],
    );
    out.open(format_args!("pub enum {name}<'a>"));
    if markers {
        out.line(format_args!("/// {marker_codes}: there is no object."));
        out.line("NotApplicable(NotApplicable),");
    }
    for object_kind in kinds {
        out.doc(&[format!(
            "The object is {}",
            docs::escape(object_kind.text.primary().unwrap_or_default())
        )]);
        out.line(format_args!("{}({module}::Text<'a>),", object_kind.name));
    }
    out.line("/// An object where the operation names none, or of an unknown");
    out.line("/// operation type.");
    out.line(format_args!("Other({module}::Text<'a>),"));
    out.close();
    out.blank();
    out.open(format_args!("impl<'a> {name}<'a>"));
    out.line("/// Decodes `text` as an object of `kind`.");
    out.open(format_args!(
        "pub fn decode(kind: Option<{kind}>, text: &'a str) -> Self"
    ));
    if markers {
        out.open("if let Some(marker) = NotApplicable::from_text(text)");
        out.line("return Self::NotApplicable(marker);");
        out.close();
    }
    out.line(format_args!("let text = {module}::Text(text);"));
    out.open("match kind");
    for object_kind in kinds {
        out.line(format_args!(
            "Some({kind}::{0}) => Self::{0}(text),",
            object_kind.name
        ));
    }
    out.line("None => Self::Other(text),");
    out.close();
    out.close();
    out.blank();
    out.line("/// The exact text this object was decoded from.");
    out.open("pub const fn as_str(&self) -> &'a str");
    out.open("match *self");
    if markers {
        out.line("Self::NotApplicable(marker) => marker.text(),");
    }
    let texts: Vec<String> = kinds
        .iter()
        .map(|object_kind| format!("Self::{}(text)", object_kind.name))
        .chain(["Self::Other(text)".to_string()])
        .collect();
    arm(out, &texts, "text.as_str(),");
    out.close();
    out.close();
    out.blank();
    out.line("/// The kind of object, if it is one the table names.");
    out.open(format_args!("pub const fn kind(&self) -> Option<{kind}>"));
    out.open("match self");
    for object_kind in kinds {
        out.line(format_args!(
            "Self::{0}(_) => Some({kind}::{0}),",
            object_kind.name
        ));
    }
    match markers {
        true => out.line("Self::NotApplicable(_) | Self::Other(_) => None,"),
        false => out.line("Self::Other(_) => None,"),
    }
    out.close();
    out.close();
    out.close();
    out.blank();
    out.open(format_args!("impl core::fmt::Display for {name}<'_>"));
    out.open("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.open("let (label, text) = match self");
    if markers {
        out.line(
            "Self::NotApplicable(marker) => return write!(f, \"no object ({})\", marker.code()),",
        );
    }
    for object_kind in kinds {
        let label = object_kind
            .text
            .primary()
            .unwrap_or_default()
            .trim_end_matches('.');
        out.line(format_args!(
            "Self::{}(text) => ({}, text),",
            object_kind.name,
            string(label)
        ));
    }
    out.line("Self::Other(text) => (\"object\", text),");
    out.close_with(";");
    out.line("write!(f, \"{label} {:?}\", text.as_str())");
    out.close();
    out.close();
    if cx.serde_gate(out) {
        out.open(format_args!("impl serde::Serialize for {name}<'_>"));
        out.open(
            "fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>",
        );
        out.line("serializer.serialize_str(self.as_str())");
        out.close();
        out.close();
    }
    out.blank();
    out.line(format_args!(
        "/// The text that the variants of [`{name}`] carry."
    ));
    out.open(format_args!("pub mod {module}"));
    out.doc(&[match markers {
        true => format!("An object's text as read, never {marker_codes}: only [`{name}::decode`](super::{name}::decode) makes one."),
        false => format!("An object's text as read: only [`{name}::decode`](super::{name}::decode) makes one."),
    }]);
    out.line("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]");
    out.line("pub struct Text<'a>(pub(super) &'a str);");
    out.blank();
    out.open("impl<'a> Text<'a>");
    out.line("/// The text as read.");
    out.open("pub const fn as_str(self) -> &'a str");
    out.line("self.0");
    out.close();
    out.close();
    out.blank();
    out.open("impl core::fmt::Display for Text<'_>");
    out.open("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.line("f.write_str(self.0)");
    out.close();
    out.close();
    out.close();
}

fn record_struct(out: &mut Writer, cx: &Context<'_>, table: &Table, names: &RecordNames) {
    let name = &names.record;
    let code_enum = &table.name;
    let object = &names.object;
    let reason = &names.reason;
    out.doc(&[
        format!(
            "One row of the bill, decoded: a code of [`{code_enum}`] with its object and reason."
        ),
        String::new(),
        "Nothing is lost: an unknown code keeps its number and [`encode`](Self::encode) gives back the exact input. Only [`decode`](Self::decode) makes one, so the three always agree.".to_string(),
    ]);
    cx.attributes(
        out,
        name,
        Shape::Struct,
        "Debug, Clone, Copy, PartialEq, Eq, Hash",
        Serde::Fields,
        &[],
    );
    out.open(format_args!("pub struct {name}<'a>"));
    out.line(format_args!("code: {CODE}<{code_enum}>,"));
    out.line(format_args!("object: {object}<'a>,"));
    out.line(format_args!("reason: {reason},"));
    out.close();
    out.blank();
    out.open(format_args!("impl<'a> {name}<'a>"));
    out.line("/// Decodes the three columns of a bill row.");
    out.open("pub fn decode(code: i32, object: &'a str, reason: i32) -> Self");
    out.line(format_args!(
        "let code = {CODE}::<{code_enum}>::from_code(code);"
    ));
    out.open("match code");
    out.open(format_args!("{CODE}::Known(operation) => Self"));
    out.line("code,");
    out.line(format_args!(
        "object: {object}::decode(operation.object_kind(), object),"
    ));
    out.line(format_args!("reason: {reason}::decode(operation, reason),"));
    out.close_with(",");
    out.open(format_args!("{CODE}::Unknown(_) => Self"));
    out.line("code,");
    out.line(format_args!("object: {object}::decode(None, object),"));
    out.line(format_args!("reason: {reason}::unlisted(reason),"));
    out.close_with(",");
    out.close();
    out.close();
    out.blank();
    out.line("/// The operation, or its number if the table does not list it.");
    out.open(format_args!(
        "pub const fn code(&self) -> {CODE}<{code_enum}>"
    ));
    out.line("self.code");
    out.close();
    out.blank();
    out.line("/// The object, decoded by the kind the operation names.");
    out.open(format_args!("pub const fn object(&self) -> {object}<'a>"));
    out.line("self.object");
    out.close();
    out.blank();
    out.line("/// The reason, decoded in the context of the operation.");
    out.open(format_args!("pub const fn reason(&self) -> {reason}"));
    out.line("self.reason");
    out.close();
    out.blank();
    out.line("/// The three columns this row was decoded from.");
    out.open("pub fn encode(&self) -> (i32, &'a str, i32)");
    out.line("(self.code.code(), self.object.as_str(), self.reason.code())");
    out.close();
    out.close();
    out.blank();
    out.open(format_args!("impl core::fmt::Display for {name}<'_>"));
    out.open("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.open("match self.code");
    out.begin(format_args!("{CODE}::Known(operation) => write!("));
    out.line("f,");
    out.line("\"{operation} ({}: {})\",");
    out.line("operation.code(),");
    out.line("operation.description(),");
    out.end(")?,");
    out.begin(format_args!("{CODE}::Unknown(unknown) => write!("));
    out.line("f,");
    out.line("\"unknown operation {}\",");
    out.line("unknown.code(),");
    out.end(")?,");
    out.close();
    if cx.markers() {
        out.open(format_args!(
            "if !matches!(self.object, {object}::NotApplicable(_))"
        ));
        out.line("write!(f, \" on {}\", self.object)?;");
        out.close();
    } else {
        out.line("write!(f, \" on {}\", self.object)?;");
    }
    out.line("write!(f, \", reason {}\", self.reason)");
    out.close();
    out.close();
    if cx.serde_gate(out) {
        out.open(format_args!(
            "impl<'de: 'a, 'a> serde::Deserialize<'de> for {name}<'a>"
        ));
        out.open("fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>");
        out.line("#[derive(serde::Deserialize)]");
        out.open("struct Fields<'a>");
        out.line("code: i32,");
        out.line("#[serde(borrow)]");
        out.line("object: &'a str,");
        out.line("reason: i32,");
        out.close();
        out.line("let Fields { code, object, reason } = Fields::deserialize(deserializer)?;");
        out.line("Ok(Self::decode(code, object, reason))");
        out.close();
        out.close();
    }
}

/// The spec's "not applicable" markers as an enum like a table's own.
fn not_applicable(out: &mut Writer, cx: &Context<'_>) {
    let markers: &[Marker] = &cx.spec.not_applicable;
    let variants: Vec<Variant<'_>> = markers
        .iter()
        .map(|marker| Variant {
            code: marker.code,
            name: &marker.name,
        })
        .collect();
    out.line("/// The vendor's ways of writing \"not applicable\" in a code column.");
    cx.attributes(
        out,
        "NotApplicable",
        Shape::CodeEnum,
        "Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord",
        Serde::AsCode,
        &["#[repr(i32)]", "#[non_exhaustive]"],
    );
    out.open("pub enum NotApplicable");
    for marker in markers {
        out.doc(&[format!(
            "`{}`: {}",
            marker.code,
            docs::escape(&marker.description)
        )]);
        out.line(format_args!("{} = {},", marker.name, marker.code));
    }
    out.close();
    out.blank();
    out.open("impl NotApplicable");
    fieldless_methods(out, &variants, |out| listed_from_code(out, &variants));
    out.blank();
    out.line("/// What the vendor calls it, and where.");
    out.open("pub const fn description(self) -> &'static str");
    out.open("match self");
    for marker in markers {
        out.line(format_args!(
            "Self::{} => {},",
            marker.name,
            string(&marker.description)
        ));
    }
    out.close();
    out.close();
    out.blank();
    out.line("/// The marker as text, in a text column such as the object's.");
    out.open("pub const fn text(self) -> &'static str");
    out.open("match self");
    for marker in markers {
        out.line(format_args!(
            "Self::{} => \"{}\",",
            marker.name, marker.code
        ));
    }
    out.close();
    out.close();
    out.blank();
    out.line("/// The marker whose text is exactly `text`.");
    out.open("pub fn from_text(text: &str) -> Option<Self>");
    out.open("match text");
    for marker in markers {
        out.line(format_args!(
            "\"{}\" => Some(Self::{}),",
            marker.code, marker.name
        ));
    }
    out.line("_ => None,");
    out.close();
    out.close();
    out.close();
    out.blank();
    // The markers' descriptions are ours, in English only.
    enumerable_traits(
        out,
        "NotApplicable",
        "Some(self.description())",
        "let _ = lang;\nSome(self.description())",
    );
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
