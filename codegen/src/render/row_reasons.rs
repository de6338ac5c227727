//! One row's reasons (`BusyReason`, …): an enum per row that lists reasons,
//! read off the row's decoding table, with the codes its variants carry.

use super::*;

/// The pattern that matches `reason`'s variant, whatever code it carries.
fn variant_pattern(reason: &Reason) -> String {
    match reason.codes.carries_value() {
        true => format!("Self::{}(_)", reason.name),
        false => format!("Self::{}", reason.name),
    }
}

/// `description()` and `description_in(lang)` of a reason enum.
pub(super) fn reason_descriptions(out: &mut Writer, row: &Row) {
    let arms: Vec<(String, Text)> = row
        .reasons
        .iter()
        .map(|reason| {
            let pattern = variant_pattern(reason);
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

pub(super) fn row_reason_enum(
    out: &mut Writer,
    cx: &Context<'_>,
    table: &Table,
    names: &RecordNames,
    row: &Row,
) {
    let name = names.row_reason(row);
    let mut lines = vec![format!(
        "Reasons of [`{}::{}`] (`{}`).",
        table.name, row.name, row.code
    )];
    if let Some(reason) = row.reasons.first() {
        lines.extend(code_shape(cx, &example_code(reason.codes).to_string()));
    }
    out.doc(&lines);
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
    match singles {
        // Every reason a single code: an enum like the table's own.
        Some(variants) => fieldless_reason_enum(out, cx, row, &name, &variants),
        None => {
            carrying_reason_enum(out, cx, row, &name);
            out.blank();
            payload_module(out, table, row, &name, &snake_case(&name));
        }
    }
}

/// What a row's reason enum derives: the rest of what a value type has,
/// equality, hashing, order and `Debug`, is [`reason_identity`]'s.
const REASON_DERIVES: &str = "Clone, Copy";

/// `PartialEq`, `Eq`, `Hash` and the order of a row's reason enum by its
/// code, and `Debug` by its name, written out rather than derived
/// ([`equality_by`] says why).
///
/// A reason's value is its code (each value decodes back to itself), so
/// these agree with the derives' structural comparison, and `Debug`
/// writes what the derive wrote: `Name`, or `Name(Name(code))` for a
/// variant that carries its code (`reason_text::debug`).
fn reason_identity(out: &mut Writer, row: &Row, name: &str) {
    equality_by(out, name, &["{}.code()"]);
    out.blank();
    code_order(out, name, CodeKind::Integer);
    out.blank();
    out.open(format_args!("impl core::fmt::Debug for {name}"));
    out.function("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    match row
        .reasons
        .iter()
        .any(|reason| reason.codes.carries_value())
    {
        true => out.line(format_args!(
            "{REASON_TEXT}::debug(f, self.name(), self.codes(), self.code())"
        )),
        false => display_name(out),
    }
    out.close();
    out.close();
}

/// A row's reason enum whose reasons are all single codes: fieldless, the
/// codes its discriminants.
fn fieldless_reason_enum(
    out: &mut Writer,
    cx: &Context<'_>,
    row: &Row,
    name: &str,
    variants: &[Variant<'_>],
) {
    let module = snake_case(name);
    cx.attributes(
        out,
        name,
        Shape::CodeEnum,
        REASON_DERIVES,
        &["#[repr(i32)]", "#[non_exhaustive]"],
    );
    out.open(format_args!("pub enum {name}"));
    for (reason, variant) in row.reasons.iter().zip(variants) {
        out.doc(&reason_doc(row, reason, &module));
        cx.variant_attributes(out, name, variant.name);
        out.line(format_args!("{} = {},", variant.name, variant.code));
    }
    out.close();
    out.blank();
    out.open(format_args!("impl {name}"));
    fieldless_methods(out, variants, |out| reason_from_code(out, row));
    out.blank();
    reason_descriptions(out, row);
    out.blank();
    listed_codes(out, row);
    out.close();
    out.blank();
    reason_identity(out, row, name);
    out.blank();
    let names = variants.iter().map(|variant| variant.name);
    enumerable_traits(
        out,
        name,
        Texts::REASON,
        IntoI32::CodeOnly,
        Nth::Match(names.collect()),
    );
    code_serde(out, cx, name);
}

/// A row's reason enum with a range or an open reason, whose variants
/// carry the code they were decoded from.
fn carrying_reason_enum(out: &mut Writer, cx: &Context<'_>, row: &Row, name: &str) {
    let module = snake_case(name);
    cx.attributes(
        out,
        name,
        Shape::Enum,
        REASON_DERIVES,
        &["#[non_exhaustive]"],
    );
    out.open(format_args!("pub enum {name}"));
    for reason in &row.reasons {
        out.doc(&reason_doc(row, reason, &module));
        cx.variant_attributes(out, name, &reason.name);
        match reason.codes.carries_value() {
            true => out.line(format_args!("{0}({module}::{0}),", reason.name)),
            false => out.line(format_args!("{},", reason.name)),
        }
    }
    out.close();
    out.blank();
    out.open(format_args!("impl {name}"));
    carrying_reason_methods(out, row);
    out.close();
    out.blank();
    reason_identity(out, row, name);
    out.blank();
    code_traits(
        out,
        name,
        Texts::REASON,
        IntoI32::CodeOnly,
        reason_display,
        |out| reason_from_str(out, row),
    );
    out.blank();
    carries_codes(out, row, name);
    code_serde(out, cx, name);
}

/// `code`, `from_code`, `name`, the texts and `codes` of a reason enum
/// whose variants carry codes.
fn carrying_reason_methods(out: &mut Writer, row: &Row) {
    out.line("/// The vendor code, the exact number this reason was decoded from.");
    out.function("pub const fn code(self) -> i32");
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
    reason_from_code(out, row);
    out.blank();
    out.line("/// The Rust name of the variant.");
    out.function("pub const fn name(self) -> &'static str");
    out.open("match self");
    for reason in &row.reasons {
        let pattern = variant_pattern(reason);
        out.line(format_args!("{pattern} => {},", string(&reason.name)));
    }
    out.close();
    out.close();
    out.blank();
    reason_descriptions(out, row);
    out.blank();
    listed_codes(out, row);
}

/// The doc of a reason's variant: its codes as the decoding table has them,
/// the vendor's text, and what precedence takes from it.
pub(super) fn reason_doc(row: &Row, reason: &Reason, module: &str) -> Vec<String> {
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
pub(super) fn reason_from_code(out: &mut Writer, row: &Row) {
    let runs = row.decoding.runs();
    let value = |index: usize| {
        let reason = &row.reasons[index];
        match reason.codes.carries_value() {
            true => format!("Self::{}({CARRIED_CODE}::decoded(code))", reason.name),
            false => format!("Self::{}", reason.name),
        }
    };
    let open = row
        .reasons
        .iter()
        .position(|reason| matches!(reason.codes, ReasonCodes::Open { .. }));
    out.line("/// The reason with vendor code `code`, if the vendor lists it for");
    out.line("/// this operation.");
    out.function("pub const fn from_code(code: i32) -> Option<Self>");
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
/// `Name(code)`, as `FromStr` reads it, written by the runtime.
pub(super) fn reason_display(out: &mut Writer) {
    out.line(format_args!(
        "{REASON_TEXT}::write(f, self.name(), self.codes(), self.code())"
    ));
}

/// `FromStr` of a reason enum whose variants carry codes: `Name` for a
/// variant without a code, matched here; `Name(code)` for one with, if the
/// code decodes to that variant, read by the runtime.
pub(super) fn reason_from_str(out: &mut Writer, row: &Row) {
    let parse = format!("{REASON_TEXT}::parse(text, Self::codes)");
    let units: Vec<&Reason> = row
        .reasons
        .iter()
        .filter(|reason| !reason.codes.carries_value())
        .collect();
    if units.is_empty() {
        out.line(parse);
        return;
    }
    out.open("match text");
    for reason in units {
        out.line(format_args!(
            "{} => Ok(Self::{}),",
            string(&reason.name),
            reason.name
        ));
    }
    out.line(format_args!("_ => {parse},"));
    out.close();
}

/// The module of the types that a reason enum's variants carry, each a code
/// that only decoding makes.
pub(super) fn payload_module(out: &mut Writer, table: &Table, row: &Row, name: &str, module: &str) {
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
            format!("Only a code that decodes to this reason makes one: see [`new`](Self::new). A [`{CARRIED_CODE}`](super::{CARRIED_CODE}), with its `code()`, `TryFrom<i32>`, `Display`, order and `i32::from`."),
        ]);
        payload_type(out, name, index, variant);
    }
    out.close();
}

/// The name of the type a carrying variant holds, [`carried_code`] of this
/// enum and variant. Its `new` and `TryFrom` are generic: an inherent impl
/// or a trait impl per carried code, all for one type, cost rustc time
/// quadratic in their number (thousands of `new`: 2.1 s at 20,000 rows,
/// 0.5 s at 10,000).
fn payload_type(out: &mut Writer, name: &str, index: usize, variant: &str) {
    out.line(format_args!(
        "pub type {variant} = super::{CARRIED_CODE}<super::{name}, {index}>;"
    ));
}

/// `impl CarriesCodes`: each value's variant by position, and the names
/// errors give the codes the variants carry.
fn carries_codes(out: &mut Writer, row: &Row, name: &str) {
    out.open(format_args!("impl {CARRIES_CODES} for {name}"));
    out.function("fn variant(self) -> usize");
    out.open("match self");
    for (index, reason) in row.reasons.iter().enumerate() {
        let pattern = variant_pattern(reason);
        out.line(format_args!("{pattern} => {index},"));
    }
    out.close();
    out.close();
    out.blank();
    out.function("fn carried_kind(variant: usize) -> &'static str");
    out.open("match variant");
    for (index, reason) in row.reasons.iter().enumerate() {
        if reason.codes.carries_value() {
            out.line(format_args!(
                "{index} => {},",
                string(&format!("{name}::{}", reason.name))
            ));
        }
    }
    out.line(format_args!("_ => {},", string(name)));
    out.close();
    out.close();
    out.close();
}

/// The one generic type every carrying variant holds: a code, and the
/// reason enum and variant it decodes to as type parameters, so that a
/// spec's thousands of carried codes share one set of trait impls.
pub(super) fn carried_code(out: &mut Writer) {
    out.doc(&[
        "The code a reason's variant carries (a range's, an open reason's): the exact number it was decoded from.".to_string(),
        String::new(),
        "It always decodes to that variant, the `VARIANT`th of the reason enum `R`: each such variant names its type in the module of its reason enum, with a `new` that checks a code, and nothing else makes one. It displays as its code, and compares, orders and hashes by it.".to_string(),
    ]);
    out.open(format_args!(
        "pub struct {CARRIED_CODE}<R, const VARIANT: usize>"
    ));
    out.line("code: i32,");
    out.line("reason: core::marker::PhantomData<fn() -> R>,");
    out.close();
    out.blank();
    carried_code_impl(out, "");
    out.line("/// The vendor code.");
    out.function("pub const fn code(self) -> i32");
    out.line("self.code");
    out.close();
    out.blank();
    out.line("/// Only `from_code` calls this, with a code that decodes to the variant.");
    out.function("const fn decoded(code: i32) -> Self");
    out.open("Self");
    out.line("code,");
    out.line("reason: core::marker::PhantomData,");
    out.close();
    out.close();
    out.close();
    out.blank();
    out.line(format_args!(
        "impl<R, const VARIANT: usize> {CARRIED_CODE}<R, VARIANT>"
    ));
    out.line("where");
    out.line(format_args!(
        "    for<'a> R: {CARRIES_CODES} + {CODE_ENUM}<Code<'a> = i32>,"
    ));
    out.begin("{");
    out.line("/// `code` as this reason, if it decodes to it.");
    out.function("pub fn new(code: i32) -> Option<Self>");
    out.line("Self::try_from(code).ok()");
    out.close();
    out.end("}");
    out.blank();
    carried_code_comparisons(out);
    out.blank();
    carried_code_conversions(out);
}

/// The impl header of a trait (`header`, `"Ord for "`) for every
/// `CarriedCode`, or its inherent impl for an empty `header`.
fn carried_code_impl(out: &mut Writer, header: &str) {
    out.open(format_args!(
        "impl<R, const VARIANT: usize> {header}{CARRIED_CODE}<R, VARIANT>"
    ));
}

/// `Clone`, `Copy`, `Eq`, `Ord` and `Hash` of `CarriedCode`, all by its code.
fn carried_code_comparisons(out: &mut Writer) {
    let generic = carried_code_impl;
    generic(out, "core::clone::Clone for ");
    out.function("fn clone(&self) -> Self");
    out.line("*self");
    out.close();
    out.close();
    out.blank();
    out.line(format_args!(
        "impl<R, const VARIANT: usize> core::marker::Copy for {CARRIED_CODE}<R, VARIANT> {{}}"
    ));
    out.blank();
    generic(out, "core::cmp::PartialEq for ");
    out.function("fn eq(&self, other: &Self) -> bool");
    out.line("self.code == other.code");
    out.close();
    out.close();
    out.blank();
    out.line(format_args!(
        "impl<R, const VARIANT: usize> core::cmp::Eq for {CARRIED_CODE}<R, VARIANT> {{}}"
    ));
    out.blank();
    generic(out, "core::cmp::PartialOrd for ");
    out.function("fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering>");
    out.line("Some(self.cmp(other))");
    out.close();
    out.close();
    out.blank();
    generic(out, "core::cmp::Ord for ");
    out.function("fn cmp(&self, other: &Self) -> core::cmp::Ordering");
    out.line("self.code.cmp(&other.code)");
    out.close();
    out.close();
    out.blank();
    generic(out, "core::hash::Hash for ");
    out.function("fn hash<H: core::hash::Hasher>(&self, state: &mut H)");
    out.line("self.code.hash(state);");
    out.close();
    out.close();
}

/// `Debug`, `Display`, `From` and `TryFrom` of `CarriedCode`.
fn carried_code_conversions(out: &mut Writer) {
    let generic = carried_code_impl;
    out.line("/// `Name(code)`, as a tuple struct of the variant's name.");
    out.line(format_args!(
        "impl<R, const VARIANT: usize> core::fmt::Debug for {CARRIED_CODE}<R, VARIANT>"
    ));
    out.line("where");
    out.line(format_args!("    for<'a> R: {CODE_ENUM}<Code<'a> = i32>,"));
    out.begin("{");
    out.function("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.line(format_args!(
        "let name = R::from_code(self.code).map_or(R::KIND, {CODE_ENUM}::name);"
    ));
    out.line("f.debug_tuple(name).field(&self.code).finish()");
    out.close();
    out.end("}");
    out.blank();
    generic(out, "core::fmt::Display for ");
    out.function("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.line("core::fmt::Display::fmt(&self.code, f)");
    out.close();
    out.close();
    out.blank();
    out.open(format_args!(
        "impl<R, const VARIANT: usize> From<{CARRIED_CODE}<R, VARIANT>> for i32"
    ));
    out.function(format_args!(
        "fn from(value: {CARRIED_CODE}<R, VARIANT>) -> i32"
    ));
    out.line("value.code");
    out.close();
    out.close();
    out.blank();
    out.line(format_args!(
        "impl<R, const VARIANT: usize> TryFrom<i32> for {CARRIED_CODE}<R, VARIANT>"
    ));
    out.line("where");
    out.line(format_args!(
        "    for<'a> R: {CARRIES_CODES} + {CODE_ENUM}<Code<'a> = i32>,"
    ));
    out.begin("{");
    out.line(format_args!("type Error = {UNKNOWN_CODE};"));
    out.blank();
    out.function(format_args!(
        "fn try_from(code: i32) -> Result<Self, {UNKNOWN_CODE}>"
    ));
    out.open("match R::from_code(code)");
    out.line("Some(reason) if reason.variant() == VARIANT => Ok(Self::decoded(code)),");
    out.line(format_args!(
        "_ => Err({UNKNOWN_CODE}::new(R::carried_kind(VARIANT), code)),"
    ));
    out.close();
    out.close();
    out.end("}");
}

/// `codes()` of a row's reason enum: the codes the vendor lists the reason
/// with, before precedence.
fn listed_codes(out: &mut Writer, row: &Row) {
    out.line("/// The codes the vendor lists this reason with.");
    out.function(format_args!("pub const fn codes(self) -> {REASON_CODES}"));
    if row
        .reasons
        .iter()
        .all(|reason| matches!(reason.codes, ReasonCodes::Single(_)))
    {
        out.line(format_args!("{REASON_CODES}::Single(self.code())"));
        out.close();
        return;
    }
    out.open("match self");
    for reason in &row.reasons {
        let pattern = variant_pattern(reason);
        out.line(format_args!("{pattern} => {},", reason_codes(reason.codes)));
    }
    out.close();
    out.close();
}
