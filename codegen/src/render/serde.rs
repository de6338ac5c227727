//! Serde impls, written out and calling `codes_runtime::serde`, so that a
//! crate with the `serde` feature needs `serde` without `derive` (and no
//! `syn` in its build). Each type has one shape on the wire, documented on
//! the type: a code enum is its vendor code, a record the struct of its
//! columns, a reason the struct of its operation's code and its own.

use super::*;

const HELPERS: &str = "::codes_runtime::serde";

/// `impl Serialize for name` whose body is `body`, behind the serde gate.
fn serialize_impl(out: &mut Writer, cx: &Context<'_>, name: &str, body: impl FnOnce(&mut Writer)) {
    if !cx.serde_gate(out) {
        return;
    }
    out.open(format_args!("impl serde::Serialize for {name}"));
    out.function(
        "fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>",
    );
    body(out);
    out.close();
    out.close();
}

/// `impl Deserialize for name` (after `impl<generics>`) whose body is
/// `body`, behind the serde gate.
fn deserialize_impl(
    out: &mut Writer,
    cx: &Context<'_>,
    generics: &str,
    name: &str,
    body: impl FnOnce(&mut Writer),
) {
    if !cx.serde_gate(out) {
        return;
    }
    out.open(format_args!(
        "impl<{generics}> serde::Deserialize<'de> for {name}"
    ));
    out.function(
        "fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>",
    );
    body(out);
    out.close();
    out.close();
}

/// A code enum whose codes are numbers: its vendor code both ways.
pub(super) fn code_serde(out: &mut Writer, cx: &Context<'_>, name: &str) {
    serialize_impl(out, cx, name, |out| {
        out.line("serializer.serialize_i32(self.code())");
    });
    deserialize_impl(out, cx, "'de", name, |out| {
        out.line(format_args!("{HELPERS}::deserialize_code(deserializer)"));
    });
}

/// A code enum whose codes are text: its vendor text both ways.
pub(super) fn text_serde(out: &mut Writer, cx: &Context<'_>, name: &str) {
    serialize_impl(out, cx, name, |out| {
        out.line("serializer.serialize_str(self.code())");
    });
    deserialize_impl(out, cx, "'de", name, |out| {
        out.line(format_args!("{HELPERS}::deserialize_text(deserializer)"));
    });
}

/// The record's column names as a static array literal.
fn fields(names: &[&str]) -> String {
    let names = each(names, &|name| string(name));
    format!("&[{}]", names.join(", "))
}

/// A decoded record: the struct of its three columns, decoded again on the
/// way in.
pub(super) fn record_serde(out: &mut Writer, cx: &Context<'_>, name: &str) {
    let [code, object, reason] = &cx.options.record_fields;
    let fields = fields(&[code, object, reason]);
    serialize_impl(out, cx, &format!("{name}<'_>"), |out| {
        out.begin(format_args!("{HELPERS}::serialize_columns("));
        out.line("serializer,");
        out.line(format_args!("{},", string(name)));
        out.line(format_args!("{fields},"));
        out.line("self.encode(),");
        out.end(")");
    });
    deserialize_impl(out, cx, "'de: 'a, 'a", &format!("{name}<'a>"), |out| {
        out.begin(format_args!(
            "let (code, object, reason) = {HELPERS}::deserialize_columns("
        ));
        out.line("deserializer,");
        out.line(format_args!("{},", string(name)));
        out.line(format_args!("{fields},"));
        out.end(")?;");
        out.line("Ok(Self::decode(code, object, reason))");
    });
}

/// A decoded reason: the struct of its operation's code (`null` where it
/// was decoded without one) and its own, decoded again on the way in.
pub(super) fn reason_serde(out: &mut Writer, cx: &Context<'_>, name: &str, code_enum: &str) {
    let [operation, _, reason] = &cx.options.record_fields;
    let fields = fields(&[operation, reason]);
    serialize_impl(out, cx, name, |out| {
        out.line("let operation = self.operation().map(|operation| operation.code());");
        out.begin(format_args!("{HELPERS}::serialize_reason("));
        out.line("serializer,");
        out.line(format_args!("{},", string(name)));
        out.line(format_args!("{fields},"));
        out.line("(operation, self.code()),");
        out.end(")");
    });
    deserialize_impl(out, cx, "'de", name, |out| {
        out.begin(format_args!(
            "let (operation, code) = {HELPERS}::deserialize_reason("
        ));
        out.line("deserializer,");
        out.line(format_args!("{},", string(name)));
        out.line(format_args!("{fields},"));
        out.end(")?;");
        out.open(format_args!(
            "match operation.and_then({code_enum}::from_code)"
        ));
        out.line("Some(operation) => Ok(Self::decode(operation, code)),");
        out.line("None => Ok(Self::unlisted(code)),");
        out.close();
    });
}

/// The owned form of a decoded record, behind the serde gate: the record's
/// three columns with the object's text in a `String`, for deserializers
/// that cannot lend text; `into_owned` makes one, `as_{record}` reads it.
pub(super) fn owned_record(out: &mut Writer, cx: &Context<'_>, name: &str) {
    let owned = format!("Owned{name}");
    let accessor = format!("as_{}", snake_case(name));
    if !cx.serde_gate(out) {
        return;
    }
    out.doc(&[
        format!("An [`{name}`] that owns its object's text: what any deserializer can fill (`serde_json::from_reader`, `from_value`, strings with escapes), where [`{name}`] borrows its text from the input. It serializes as [`{name}`] does, and [`{accessor}`](Self::{accessor}) decodes it."),
        String::new(),
        format!("Made by deserializing or by [`{name}::into_owned`]. Feature `serde`: it allocates."),
    ]);
    cx.attributes(
        out,
        &owned,
        Shape::Struct,
        "Debug, Clone, PartialEq, Eq, Hash",
        &[],
    );
    out.open(format_args!("pub struct {owned}"));
    out.line("code: i32,");
    out.line(format_args!("object: {HELPERS}::String,"));
    out.line("reason: i32,");
    out.close();
    if cx.serde_gate(out) {
        out.open(format_args!("impl {owned}"));
        out.line("/// The record, decoded from the columns this one owns.");
        out.function(format_args!("pub fn {accessor}(&self) -> {name}<'_>"));
        out.line(format_args!(
            "{name}::decode(self.code, &self.object, self.reason)"
        ));
        out.close();
        out.close();
    }
    if cx.serde_gate(out) {
        out.open(format_args!("impl {name}<'_>"));
        out.line("/// The same record, owning its object's text.");
        out.function(format_args!("pub fn into_owned(self) -> {owned}"));
        out.line("let (code, object, reason) = self.encode();");
        out.open(owned.as_str());
        out.line("code,");
        out.line("object: object.into(),");
        out.line("reason,");
        out.close();
        out.close();
        out.close();
    }
    owned_record_serde(out, cx, name, &owned);
}

/// `Owned{record}`'s serde impls: the record's shape, the text owned.
fn owned_record_serde(out: &mut Writer, cx: &Context<'_>, name: &str, owned: &str) {
    let [code, object, reason] = &cx.options.record_fields;
    let fields = fields(&[code, object, reason]);
    serialize_impl(out, cx, owned, |out| {
        out.begin(format_args!("{HELPERS}::serialize_columns("));
        out.line("serializer,");
        out.line(format_args!("{},", string(name)));
        out.line(format_args!("{fields},"));
        out.line("(self.code, &self.object, self.reason),");
        out.end(")");
    });
    deserialize_impl(out, cx, "'de", owned, |out| {
        out.begin(format_args!(
            "let (code, object, reason) = {HELPERS}::deserialize_owned_columns("
        ));
        out.line("deserializer,");
        out.line(format_args!("{},", string(name)));
        out.line(format_args!("{fields},"));
        out.end(")?;");
        out.line("Ok(Self { code, object, reason })");
    });
}

/// The paragraph on a type's serialized shape, for its docs (nothing
/// without serde).
pub(super) fn shape_doc(cx: &Context<'_>, shape: &str) -> Vec<String> {
    match &cx.options.serde_feature {
        Some(feature) => vec![
            String::new(),
            format!("With the `{}` feature, {shape}", docs::escape(feature)),
        ],
        None => Vec::new(),
    }
}

/// The shape of a code enum: its code, `example` being one.
pub(super) fn code_shape(cx: &Context<'_>, example: &str) -> Vec<String> {
    shape_doc(
        cx,
        &format!(
            "it serializes as its vendor code ({}) and deserializes from it; a code it does not list is an error (deserialize a `Code` to keep any code).",
            docs::code_span(example)
        ),
    )
}

/// A code a reason is listed with, for an example.
pub(super) fn example_code(codes: ReasonCodes) -> i32 {
    match codes {
        ReasonCodes::Single(code) | ReasonCodes::Range { start: code, .. } => code,
        ReasonCodes::Open { default } => default.unwrap_or(0),
    }
}

/// The shape of a decoded record, with an example from `row`.
pub(super) fn record_shape(cx: &Context<'_>, table: &Table, names: &RecordNames) -> Vec<String> {
    let [code, object, reason] = &cx.options.record_fields;
    let row = table
        .rows
        .iter()
        .find(|row| !row.reasons.is_empty())
        .or(table.rows.first());
    let first_code = row.map_or(0, |row| row.code.integer().unwrap_or(0));
    let example_reason = row
        .and_then(|row| row.reasons.first())
        .map_or(0, |reason| example_code(reason.codes));
    let record = &names.record;
    shape_doc(
        cx,
        &format!(
            "it serializes as the struct of its three columns, `{{\"{code}\":{first_code},\"{object}\":\"1001\",\"{reason}\":{example_reason}}}`, and deserializes from it, decoding the columns again. It borrows its object's text from the input, which JSON can lend only for a string without escapes: deserialize `Owned{record}` for any input (`from_reader`, `from_value`, escapes), then read it as a record."
        ),
    )
}

/// The shape of a decoded reason.
pub(super) fn reason_shape(cx: &Context<'_>, table: &Table) -> Vec<String> {
    let [code, _, reason] = &cx.options.record_fields;
    let example = table
        .rows
        .iter()
        .find_map(|row| match row.reasons.first()?.codes {
            ReasonCodes::Single(single) => Some((row.code.integer()?, single)),
            _ => None,
        })
        .unwrap_or((0, 0));
    shape_doc(
        cx,
        &format!(
            "it serializes as the struct of its operation's code and its own, `{{\"{code}\":{},\"{reason}\":{}}}`, the operation `null` where the reason was decoded without one (not applicable, unlisted), and deserializes from it, decoding the code again.",
            example.0, example.1
        ),
    )
}
