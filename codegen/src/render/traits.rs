//! The runtime traits and std conversions of generated enums: `CodeEnum`,
//! `Enumerable`, `TryFrom`, `Display`, `FromStr`, and order by code.

use super::*;

/// The bodies of a code enum's `CodeEnum` text methods.
#[derive(Clone, Copy)]
pub(super) struct Texts<'a> {
    /// The body of `description`.
    pub(super) description: &'a str,
    /// The body of `description_in(lang)`.
    pub(super) description_in: &'a str,
    /// Whether the enum has its own `notes_in(lang)` (a table's rows) for
    /// the trait's to call.
    pub(super) notes: bool,
}

impl Texts<'_> {
    /// A table's code enum: its own texts and notes.
    pub(super) const TABLE: Texts<'static> = Texts {
        description: "Some(self.description())",
        description_in: "Some(self.description_in(lang))",
        notes: true,
    };

    /// A reason enum: its own optional texts.
    pub(super) const REASON: Texts<'static> = Texts {
        description: "Self::description(self)",
        description_in: "Self::description_in(self, lang)",
        notes: false,
    };
}

/// Whether a code enum converts into `i32` by `From` as well as by its
/// `code()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum IntoI32 {
    /// `impl From<T> for i32`: tables and markers, a few types.
    From,
    /// `code()` alone: a row's reason enum. A large spec has thousands, and
    /// every `From<T> for i32` is an impl for the same type, which rustc
    /// compares with each other one (quadratic: 1.4 s at 40,000 rows,
    /// 3.7 times what half as many took).
    CodeOnly,
}

/// The runtime trait and std conversions of a code enum: `CodeEnum`,
/// `From<T> for i32` as `into_i32` says, `TryFrom<i32>`, and `Display` and
/// `FromStr` with the bodies `display` and `from_str` write.
pub(super) fn code_traits(
    out: &mut Writer,
    name: &str,
    texts: Texts<'_>,
    into_i32: IntoI32,
    display: impl FnOnce(&mut Writer),
    from_str: impl FnOnce(&mut Writer),
) {
    code_enum_trait(out, name, CodeKind::Integer, texts);
    out.blank();
    if into_i32 == IntoI32::From {
        out.open(format_args!("impl From<{name}> for i32"));
        out.function(format_args!("fn from(value: {name}) -> i32"));
        out.line("value.code()");
        out.close();
        out.close();
        out.blank();
    }
    out.open(format_args!("impl TryFrom<i32> for {name}"));
    out.line(format_args!("type Error = {UNKNOWN_CODE};"));
    out.blank();
    out.function(format_args!(
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
/// `i32` or text; `texts` gives the bodies of the text methods.
pub(super) fn code_enum_trait(out: &mut Writer, name: &str, kind: CodeKind, texts: Texts<'_>) {
    let (code_type, code_out, code_in) = match kind {
        CodeKind::Integer => ("i32", "i32", "i32"),
        CodeKind::Text => ("&'a str", "&'static str", "&str"),
    };
    out.open(format_args!("impl {CODE_ENUM} for {name}"));
    out.line(format_args!("type Code<'a> = {code_type};"));
    out.blank();
    out.line(format_args!("const KIND: &'static str = {};", string(name)));
    out.blank();
    out.function(format_args!("fn code(self) -> {code_out}"));
    out.line(format_args!("{name}::code(self)"));
    out.close();
    out.blank();
    out.function(format_args!(
        "fn from_code(code: {code_in}) -> Option<Self>"
    ));
    out.line(format_args!("{name}::from_code(code)"));
    out.close();
    out.blank();
    out.function("fn name(self) -> &'static str");
    out.line(format_args!("{name}::name(self)"));
    out.close();
    out.blank();
    out.function("fn description(self) -> Option<&'static str>");
    out.line(texts.description);
    out.close();
    out.blank();
    out.function(format_args!(
        "fn description_in(self, lang: {LANG}) -> Option<&'static str>"
    ));
    for line in texts.description_in.lines() {
        out.line(line);
    }
    out.close();
    if texts.notes {
        out.blank();
        out.function(format_args!(
            "fn notes_in(self, lang: {LANG}) -> &'static [&'static str]"
        ));
        out.line(format_args!("{name}::notes_in(self, lang)"));
        out.close();
    }
    out.close();
}

/// `impl Display` and `impl FromStr` with the bodies `display` and
/// `from_str` write.
pub(super) fn display_and_from_str(
    out: &mut Writer,
    name: &str,
    display: impl FnOnce(&mut Writer),
    from_str: impl FnOnce(&mut Writer),
) {
    out.open(format_args!("impl core::fmt::Display for {name}"));
    out.function("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    display(out);
    out.close();
    out.close();
    out.blank();
    out.open(format_args!("impl core::str::FromStr for {name}"));
    out.line(format_args!("type Err = {UNKNOWN_NAME};"));
    out.blank();
    out.function(format_args!(
        "fn from_str(text: &str) -> Result<Self, {UNKNOWN_NAME}>"
    ));
    from_str(out);
    out.close();
    out.close();
}

/// The body of a `Display` that writes the value's name.
pub(super) fn display_name(out: &mut Writer) {
    out.line("f.write_str(self.name())");
}

/// `Debug` of a table's code enum: its variant's name, which is what the
/// derive writes for a fieldless enum. The derive is a `match` with an arm
/// per row, which rustc's borrow checker takes time quadratic in the rows
/// to check (10,000 rows: 1.9 s, of a 36 s build; codegen/README.md,
/// "Large specs"); `name` reads a table by position.
pub(super) fn debug_by_name(out: &mut Writer, name: &str) {
    out.open(format_args!("impl core::fmt::Debug for {name}"));
    out.function("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    display_name(out);
    out.close();
    out.close();
}

/// The body of a `FromStr` that reads a value's name.
pub(super) fn from_name_str(out: &mut Writer, name: &str) {
    out.line(format_args!(
        "Self::from_name(text).ok_or({UNKNOWN_NAME}::new({}))",
        string(name)
    ));
}

/// How `Enumerable::nth` finds a variant by its position.
pub(super) enum Nth<'a> {
    /// A `match` on the position, an arm per variant: for the few variants
    /// of a reason enum or the markers.
    Match(Vec<&'a str>),
    /// `from_code` of the code at the position, in a table of the codes:
    /// for a table's integer codes, whose rows grow, where a `match` of
    /// 10,000 arms cost rustc 1.3 s to check, and an array of integers
    /// next to nothing (codegen/README.md, "Large specs").
    Code(Vec<String>),
}

impl Nth<'_> {
    fn len(&self) -> usize {
        match self {
            Nth::Match(variants) => variants.len(),
            Nth::Code(codes) => codes.len(),
        }
    }
}

/// `impl Enumerable`: the enum's variants by position, found as `nth`
/// says.
///
/// Neither reads `Self::ALL`: a reference to `ALL` would be a constant of
/// its own, which rustc checks in time quadratic in the variants where
/// they are vendor codes (codegen/README.md, "Large specs").
pub(super) fn enumerable_impl(out: &mut Writer, name: &str, nth: Nth<'_>) {
    out.open(format_args!("impl {ENUMERABLE} for {name}"));
    out.line(format_args!("const COUNT: usize = {};", nth.len()));
    out.blank();
    out.function("fn nth(position: usize) -> Option<Self>");
    match nth {
        Nth::Match(variants) => {
            out.open("match position");
            for (position, variant) in variants.iter().enumerate() {
                out.line(format_args!("{position} => Some(Self::{variant}),"));
            }
            out.line("_ => None,");
            out.close();
        }
        Nth::Code(codes) => {
            out.packed(
                &format!("const CODES: &[i32; {}] = &[", codes.len()),
                &codes,
                ";",
            );
            out.open("match CODES.get(position)");
            out.line("Some(&code) => Self::from_code(code),");
            out.line("None => None,");
            out.close();
        }
    }
    out.close();
    out.close();
}

/// [`code_traits`] of a fieldless enum, which also lists all its values
/// (`Enumerable`) and displays and parses its names.
pub(super) fn enumerable_traits(
    out: &mut Writer,
    name: &str,
    texts: Texts<'_>,
    into_i32: IntoI32,
    nth: Nth<'_>,
) {
    code_traits(out, name, texts, into_i32, display_name, |out| {
        from_name_str(out, name)
    });
    out.blank();
    enumerable_impl(out, name, nth);
}

/// `PartialEq`, `Eq` and `Hash` of `name` by `keys`, expressions of a value
/// written `{}` (`"{}.code()"`) that together tell its values apart,
/// written out rather than derived:
/// a derive is a `match` over the variants, which for a reason enum in
/// every few rows of a large spec, or `Reason` with a variant per such
/// row, costs rustc far more than one line (codegen/README.md, "Large
/// specs"). A type written so is not "structural": a `const` of it is not
/// a pattern (its variants are).
pub(super) fn equality_by(out: &mut Writer, name: &str, keys: &[&str]) {
    let compared: Vec<String> = keys
        .iter()
        .map(|key| {
            format!(
                "{} == {}",
                key.replace("{}", "self"),
                key.replace("{}", "other")
            )
        })
        .collect();
    out.open(format_args!("impl PartialEq for {name}"));
    out.function("fn eq(&self, other: &Self) -> bool");
    out.line(compared.join(" && "));
    out.close();
    out.close();
    out.blank();
    out.line(format_args!("impl Eq for {name} {{}}"));
    out.blank();
    out.open(format_args!("impl core::hash::Hash for {name}"));
    out.function("fn hash<H: core::hash::Hasher>(&self, state: &mut H)");
    for key in keys {
        out.line(format_args!("{}.hash(state);", key.replace("{}", "self")));
    }
    out.close();
    out.close();
}

/// `PartialOrd` and `Ord` by code, which a canonical value has exactly one
/// of: the order `CodeEnum` promises, where declaration order would not do.
pub(super) fn code_order(out: &mut Writer, name: &str, kind: CodeKind) {
    out.open(format_args!("impl PartialOrd for {name}"));
    out.function("fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering>");
    out.line("Some(self.cmp(other))");
    out.close();
    out.close();
    out.blank();
    out.open(format_args!("impl Ord for {name}"));
    out.function("fn cmp(&self, other: &Self) -> core::cmp::Ordering");
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
pub(super) fn text_code_traits(out: &mut Writer, cx: &Context<'_>, table: &Table) {
    let name = &table.name;
    code_order(out, name, CodeKind::Text);
    out.blank();
    code_enum_trait(out, name, CodeKind::Text, Texts::TABLE);
    out.blank();
    let variants = table.rows.iter().map(|row| row.name.as_str());
    enumerable_impl(out, name, Nth::Match(variants.collect()));
    out.blank();
    display_and_from_str(out, name, display_name, |out| from_name_str(out, name));
    text_serde(out, cx, name);
}
