//! The spec's "not applicable" markers (`NotApplicable`).

use super::*;

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
    code_serde(out, cx, "NotApplicable");
}
