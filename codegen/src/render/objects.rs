//! A record's object: the kinds the object column names (`ObjectKind`) and
//! the decoded object text (`Object`).

use super::*;

pub(super) fn object_kind_enum(
    out: &mut Writer,
    cx: &Context<'_>,
    table: &Table,
    names: &RecordNames,
) {
    let name = names.object_kind();
    let kinds = &table.object_kinds;
    out.line("/// The kinds of object the vendor's object column names.");
    cx.attributes(
        out,
        &name,
        Shape::Enum,
        "Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord",
        &["#[non_exhaustive]"],
    );
    out.open(format_args!("pub enum {name}"));
    for kind in kinds {
        out.doc(&[docs::escape(kind.text.primary().unwrap_or_default())]);
        cx.variant_attributes(out, &name, &kind.name);
        out.line(format_args!("{},", kind.name));
    }
    out.close();
    out.blank();
    object_kind_impl(out, &name, kinds);
    out.blank();
    object_kind_traits(out, &name);
}

/// `ALL`, `name`, `from_name` and the texts of the object kind enum.
fn object_kind_impl(out: &mut Writer, name: &str, kinds: &[ObjectKind]) {
    out.open(format_args!("impl {name}"));
    out.line("/// Every kind, in spec order.");
    let all = each(kinds, &|kind| format!("Self::{}", kind.name));
    out.list(
        &format!("pub const ALL: [Self; {}] = [", kinds.len()),
        &all,
        ";",
    );
    out.blank();
    out.line("/// The Rust name of the kind, as [`from_name`](Self::from_name) reads it.");
    out.function("pub const fn name(self) -> &'static str");
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
    out.function("pub fn from_name(name: &str) -> Option<Self>");
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
        "description",
        "The vendor's cell text, byte for byte: in English, or in Chinese where the vendor gives no English.",
        &texts,
        false,
    );
    out.close();
}

/// `Display` and `FromStr` of the object kind enum, by name.
fn object_kind_traits(out: &mut Writer, name: &str) {
    out.open(format_args!("impl core::fmt::Display for {name}"));
    out.function("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.line("f.write_str(self.name())");
    out.close();
    out.close();
    out.blank();
    out.open(format_args!("impl core::str::FromStr for {name}"));
    out.line(format_args!("type Err = {UNKNOWN_NAME};"));
    out.blank();
    out.function(format_args!(
        "fn from_str(text: &str) -> Result<Self, {UNKNOWN_NAME}>"
    ));
    out.line(format_args!(
        "Self::from_name(text).ok_or({UNKNOWN_NAME}::new({}))",
        string(name)
    ));
    out.close();
    out.close();
}

pub(super) fn object_enum(out: &mut Writer, cx: &Context<'_>, table: &Table, names: &RecordNames) {
    let name = &names.object;
    let module = snake_case(name);
    let mut lines = vec!["An operation's object, decoded by the kind its operation names; [`as_str`](Self::as_str) gives back the exact text.".to_string()];
    lines.extend(shape_doc(cx, &format!("it is not serialized on its own, since its kind is its operation's: serialize the [`{}`] it belongs to.", names.record)));
    out.doc(&lines);
    cx.value_enum_attributes(out, name);
    out.open(format_args!("pub enum {name}<'a>"));
    cx.markers.write(out, |out, codes| {
        out.line(format_args!("/// {codes}: there is no object."));
        out.line("NotApplicable(NotApplicable),");
    });
    for object_kind in &table.object_kinds {
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
    object_impl(out, cx, table, names);
    out.blank();
    object_display(out, cx, table, name);
    out.blank();
    object_text_module(out, cx, name, &module);
}

/// `decode`, `as_str` and `kind` of the object enum.
fn object_impl(out: &mut Writer, cx: &Context<'_>, table: &Table, names: &RecordNames) {
    let module = snake_case(&names.object);
    let kind = names.object_kind();
    let kinds = &table.object_kinds;
    out.open(format_args!("impl<'a> {}<'a>", names.object));
    out.line("/// Decodes `text` as an object of `kind`.");
    out.function(format_args!(
        "pub fn decode(kind: Option<{kind}>, text: &'a str) -> Self"
    ));
    cx.markers.write(out, |out, _| {
        out.open("if let Some(marker) = NotApplicable::from_text(text)");
        out.line("return Self::NotApplicable(marker);");
        out.close();
    });
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
    out.function("pub const fn as_str(&self) -> &'a str");
    out.open("match *self");
    cx.markers.write(out, |out, _| {
        out.line("Self::NotApplicable(marker) => marker.text(),");
    });
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
    out.function(format_args!("pub const fn kind(&self) -> Option<{kind}>"));
    out.open("match self");
    for object_kind in kinds {
        out.line(format_args!(
            "Self::{0}(_) => Some({kind}::{0}),",
            object_kind.name
        ));
    }
    out.line(format_args!("{} => None,", cx.markers.or("Self::Other(_)")));
    out.close();
    out.close();
    out.close();
}

/// `Display` of the object enum: the kind's label and the quoted text.
fn object_display(out: &mut Writer, cx: &Context<'_>, table: &Table, name: &str) {
    out.open(format_args!("impl core::fmt::Display for {name}<'_>"));
    out.function("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.open("let (label, text) = match self");
    cx.markers.write(out, |out, _| {
        out.line(
            "Self::NotApplicable(marker) => return write!(f, \"no object ({})\", marker.code()),",
        );
    });
    for object_kind in &table.object_kinds {
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
}

/// The module of `Text`, the object text only decoding makes.
fn object_text_module(out: &mut Writer, cx: &Context<'_>, name: &str, module: &str) {
    out.line(format_args!(
        "/// The text that the variants of [`{name}`] carry."
    ));
    out.open(format_args!("pub mod {module}"));
    let never = cx.markers.choose(|codes| format!(", never {codes}"), "");
    out.doc(&[format!(
        "An object's text as read{never}: only [`{name}::decode`](super::{name}::decode) makes one."
    )]);
    out.line("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]");
    out.line("pub struct Text<'a>(pub(super) &'a str);");
    out.blank();
    out.open("impl<'a> Text<'a>");
    out.line("/// The text as read.");
    out.function("pub const fn as_str(self) -> &'a str");
    out.line("self.0");
    out.close();
    out.close();
    out.blank();
    out.open("impl core::fmt::Display for Text<'_>");
    out.function("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.line("f.write_str(self.0)");
    out.close();
    out.close();
    out.close();
}
