//! The spec's "not applicable" markers: the `NotApplicable` enum, and
//! [`Markers`], through which every other item writes what it does with
//! them.

use super::*;

/// Whether the spec has "not applicable" markers, decided once: an item
/// that handles markers writes its marker lines through these methods and
/// never asks.
pub(super) struct Markers {
    /// The markers' codes in prose (`` `-1` or `65535` ``); `None` when the
    /// spec has no markers.
    codes: Option<String>,
    /// The first marker's code for a doc (`` (`-1`) ``), or nothing.
    none_code: String,
}

impl Markers {
    pub(super) fn of(spec: &Spec) -> Self {
        let codes = each(&spec.not_applicable, &|marker| format!("`{}`", marker.code));
        let prose = match codes.as_slice() {
            [] => None,
            [rest @ .., last] if !rest.is_empty() => Some(format!("{} or {last}", rest.join(", "))),
            _ => Some(codes.join("")),
        };
        Markers {
            codes: prose,
            none_code: codes
                .first()
                .map_or(String::new(), |code| format!(" ({code})")),
        }
    }

    /// Writes what `write` writes, given the markers' codes in prose, only
    /// where the spec has markers.
    pub(super) fn write(&self, out: &mut Writer, write: impl FnOnce(&mut Writer, &str)) {
        if let Some(codes) = &self.codes {
            write(out, codes);
        }
    }

    /// Writes what `with` writes where the spec has markers, else what
    /// `without` writes.
    pub(super) fn either(
        &self,
        out: &mut Writer,
        with: impl FnOnce(&mut Writer, &str),
        without: impl FnOnce(&mut Writer),
    ) {
        match &self.codes {
            Some(codes) => with(out, codes),
            None => without(out),
        }
    }

    /// `with` the markers' codes in prose where the spec has markers, else
    /// `without`.
    pub(super) fn choose(&self, with: impl FnOnce(&str) -> String, without: &str) -> String {
        self.codes
            .as_deref()
            .map_or_else(|| without.to_string(), with)
    }

    /// The pattern `rest`, led by `Self::NotApplicable(_) | ` where the spec
    /// has markers: an arm that treats a marker as it treats `rest`.
    pub(super) fn or(&self, rest: &str) -> String {
        self.choose(|_| format!("Self::NotApplicable(_) | {rest}"), rest)
    }

    /// The first marker's code for a doc (`` (`-1`) ``), or nothing.
    pub(super) fn none_code(&self) -> &str {
        &self.none_code
    }
}

/// The spec's "not applicable" markers as an enum like a table's own.
pub(super) fn not_applicable(out: &mut Writer, cx: &Context<'_>) {
    let markers: &[Marker] = &cx.spec.not_applicable;
    let variants: Vec<Variant<'_>> = markers
        .iter()
        .map(|marker| Variant {
            code: marker.code,
            name: &marker.name,
        })
        .collect();
    let mut lines =
        vec!["The vendor's ways of writing \"not applicable\" in a code column.".to_string()];
    lines.extend(code_shape(cx, &markers[0].code.to_string()));
    out.doc(&lines);
    cx.attributes(
        out,
        "NotApplicable",
        Shape::CodeEnum,
        "Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord",
        &["#[repr(i32)]", "#[non_exhaustive]"],
    );
    out.open("pub enum NotApplicable");
    for marker in markers {
        out.doc(&[format!(
            "`{}`: {}",
            marker.code,
            docs::escape(&marker.description)
        )]);
        cx.variant_attributes(out, "NotApplicable", &marker.name);
        out.line(format_args!("{} = {},", marker.name, marker.code));
    }
    out.close();
    out.blank();
    out.open("impl NotApplicable");
    fieldless_methods(out, &variants, |out| {
        listed_from_code(out, "NotApplicable", &variants)
    });
    out.blank();
    marker_texts(out, markers);
    out.close();
    out.blank();
    // The markers' descriptions are ours, in English only.
    let texts = Texts {
        description: "Some(self.description())",
        description_in: "let _ = lang;\nSome(self.description())",
        notes: false,
    };
    let names = variants.iter().map(|variant| variant.name);
    enumerable_traits(
        out,
        "NotApplicable",
        texts,
        IntoI32::From,
        Nth::Match(names.collect()),
    );
    code_serde(out, cx, "NotApplicable");
}

/// `description`, `text` and `from_text` of the markers.
fn marker_texts(out: &mut Writer, markers: &[Marker]) {
    out.line("/// What the vendor calls it, and where.");
    out.function("pub const fn description(self) -> &'static str");
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
    out.function("pub const fn text(self) -> &'static str");
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
    out.function("pub fn from_text(text: &str) -> Option<Self>");
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
}
