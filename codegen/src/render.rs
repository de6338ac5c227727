//! Stage 3: the model to Rust tokens, one function per generated item.
//!
//! Names reaching `ident` were validated as identifiers; all vendor text
//! reaches the output as string literals or escaped doc attributes.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::docs;
use crate::model::{ReasonCodes, RecordNames, Row, Spec, Table, listed_code_count};

/// Choices about the generated code that are not part of the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The cargo feature that gates the serde impls; `None` leaves them out.
    pub serde_feature: Option<String>,
    /// The spec's file name, for the `@generated` header.
    pub spec_name: String,
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
        }
    }
}

/// Renders every item of `spec`.
pub fn spec(spec: &Spec, options: &Options) -> TokenStream {
    let serde = Serde::new(options);
    let any_reasons = spec.tables.iter().any(|table| table.record.is_some());
    let reason_support = any_reasons.then(|| reason_support(&serde));
    let not_applicable = any_reasons.then(|| not_applicable(&serde));
    let tables = spec
        .tables
        .iter()
        .map(|table| self::table(spec, table, &serde));
    let errors = errors();
    let code = code_wrapper(&serde);
    quote! {
        #(#tables)*
        #code
        #not_applicable
        #reason_support
        #errors
    }
}

/// How serde impls are gated, if at all.
struct Serde {
    feature: Option<String>,
}

impl Serde {
    fn new(options: &Options) -> Self {
        Serde {
            feature: options.serde_feature.clone(),
        }
    }

    /// `derive(Serialize, Deserialize)` through `i32`, for code-like enums.
    fn as_code(&self, deserialize: bool) -> TokenStream {
        let Some(feature) = &self.feature else {
            return TokenStream::new();
        };
        match deserialize {
            true => quote! {
                #[cfg_attr(feature = #feature, derive(serde::Serialize, serde::Deserialize), serde(into = "i32", try_from = "i32"))]
            },
            false => quote! {
                #[cfg_attr(feature = #feature, derive(serde::Serialize), serde(into = "i32"))]
            },
        }
    }

    /// `derive(Serialize)` with the type's own field layout.
    fn derive_serialize(&self) -> TokenStream {
        let Some(feature) = &self.feature else {
            return TokenStream::new();
        };
        quote!(#[cfg_attr(feature = #feature, derive(serde::Serialize))])
    }

    /// The item, gated on the feature; nothing without serde.
    fn gate(&self, item: TokenStream) -> TokenStream {
        let Some(feature) = &self.feature else {
            return TokenStream::new();
        };
        quote!(#[cfg(feature = #feature)] #item)
    }
}

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// `#[doc = " text"]` per line; an empty line separates paragraphs.
fn doc(lines: &[String]) -> TokenStream {
    let attrs = lines.iter().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#attrs)*)
}

fn table(spec: &Spec, table: &Table, serde: &Serde) -> TokenStream {
    let code_enum = code_enum(spec, table, serde);
    let code_impl = code_enum_impl(table);
    let conversions = code_conversions(&table.name);
    let from_str = from_str(&table.name);
    let Some(names) = &table.record else {
        return quote!(#code_enum #code_impl #conversions #from_str);
    };
    let row_reasons = table
        .rows
        .iter()
        .filter(|row| !row.reasons.is_empty())
        .map(|row| row_reason_enum(table, names, row, serde));
    let reason = reason_enum(table, names, serde);
    let object_kind = object_kind_enum(table, names);
    let object = object_enum(table, names, serde);
    let record = record_struct(table, names, serde);
    quote! {
        #code_enum
        #code_impl
        #conversions
        #from_str
        #record
        #object_kind
        #object
        #reason
        #(#row_reasons)*
    }
}

fn code_enum(spec: &Spec, table: &Table, serde: &Serde) -> TokenStream {
    let name = ident(&table.name);
    let source = &spec.source;
    let enum_doc = doc(&[
        format!(
            "{}: {}.",
            docs::escape(&table.title),
            docs::escape(&table.caption)
        ),
        String::new(),
        format!(
            "Transcribed from {} {}, {}, page {}, updated {}. Each variant's discriminant is its vendor code.",
            docs::escape(&source.vendor),
            docs::escape(&source.product),
            docs::escape(&source.document),
            docs::code_span(&table.page),
            docs::escape(&table.updated),
        ),
    ]);
    let variants = table.rows.iter().map(|row| {
        let variant = ident(&row.name);
        let code = Literal::i32_unsuffixed(row.code);
        let doc = doc(&row_doc(table, row));
        quote!(#doc #variant = #code,)
    });
    let serde = serde.as_code(true);
    quote! {
        #enum_doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #serde
        #[repr(i32)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
        }
    }
}

/// The doc of one row's variant: code, text, object kind, reasons, notes.
fn row_doc(table: &Table, row: &Row) -> Vec<String> {
    let mut lines = vec![format!(
        "`{}`: {}",
        row.code,
        docs::escape(&row.description)
    )];
    let Some(names) = &table.record else {
        return lines;
    };
    lines.push(String::new());
    lines.push(match row.object {
        Some(kind) => format!("Object: {}", docs::escape(&table.object_kinds[kind].text)),
        None => "Object: none (`-1`).".to_string(),
    });
    lines.push(String::new());
    if row.reasons.is_empty() {
        lines.push("Reason: not used (`-1`).".to_string());
    } else {
        lines.push(format!("Reasons ([`{}`]):", names.row_reason(row)));
        lines.extend(row.reasons.iter().map(|reason| match &reason.description {
            Some(text) => format!("- `{}`: {}", reason.codes, docs::escape(text)),
            None => format!("- `{}`", reason.codes),
        }));
    }
    for note in &row.notes {
        lines.push(String::new());
        lines.push(format!("Note: {}", docs::escape(note)));
    }
    lines
}

fn code_enum_impl(table: &Table) -> TokenStream {
    let name = ident(&table.name);
    let variants: Vec<Ident> = table.rows.iter().map(|row| ident(&row.name)).collect();
    let codes = table
        .rows
        .iter()
        .map(|row| Literal::i32_unsuffixed(row.code));
    let names: Vec<&str> = table.rows.iter().map(|row| row.name.as_str()).collect();
    let descriptions = table.rows.iter().map(|row| row.description.as_str());
    let count = table.rows.len();
    let record_methods = table
        .record
        .as_ref()
        .map(|names| record_methods(table, names));
    quote! {
        impl #name {
            /// Every variant, in vendor order.
            pub const ALL: [Self; #count] = [#(Self::#variants),*];

            /// The number of variants.
            pub const COUNT: usize = Self::ALL.len();

            /// The vendor code.
            pub const fn code(self) -> i32 {
                self as i32
            }

            /// The variant with vendor code `code`, if the table lists it.
            pub const fn from_code(code: i32) -> Option<Self> {
                match code {
                    #(#codes => Some(Self::#variants),)*
                    _ => None,
                }
            }

            /// The Rust name, as [`from_name`](Self::from_name) reads it.
            pub const fn name(self) -> &'static str {
                match self {
                    #(Self::#variants => #names,)*
                }
            }

            /// The variant whose Rust name is exactly `name`.
            #[inline]
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    #(#names => Some(Self::#variants),)*
                    _ => None,
                }
            }

            /// The vendor's description, byte for byte.
            pub const fn description(self) -> &'static str {
                match self {
                    #(Self::#variants => #descriptions,)*
                }
            }

            #record_methods
        }
    }
}

/// `object_kind`, `notes` and `reasons` of a code enum with a record.
fn record_methods(table: &Table, names: &RecordNames) -> TokenStream {
    let kind = ident(&names.object_kind());
    let objects = table.rows.iter().filter_map(|row| {
        let variant = ident(&row.name);
        let object = ident(&table.object_kinds[row.object?].name);
        Some(quote!(Self::#variant => Some(#kind::#object),))
    });
    let notes = table
        .rows
        .iter()
        .filter(|row| !row.notes.is_empty())
        .map(|row| {
            let variant = ident(&row.name);
            let notes = &row.notes;
            quote!(Self::#variant => &[#(#notes),*],)
        });
    let reasons = table
        .rows
        .iter()
        .filter(|row| !row.reasons.is_empty())
        .map(|row| {
            let variant = ident(&row.name);
            let infos = row.reasons.iter().map(|reason| {
                let name = &reason.name;
                let codes = reason_codes(reason.codes);
                let description = match &reason.description {
                    Some(text) => quote!(Some(#text)),
                    None => quote!(None),
                };
                quote!(ReasonInfo { name: #name, codes: #codes, description: #description })
            });
            quote!(Self::#variant => &[#(#infos),*],)
        });
    let object_body = match_or(
        quote!(self),
        objects.collect(),
        table
            .rows
            .iter()
            .any(|row| row.object.is_none())
            .then(|| quote!(None)),
    );
    let notes_body = match_or(
        quote!(self),
        notes.collect(),
        table
            .rows
            .iter()
            .any(|row| row.notes.is_empty())
            .then(|| quote!(&[])),
    );
    let reasons_body = match_or(
        quote!(self),
        reasons.collect(),
        table
            .rows
            .iter()
            .any(|row| row.reasons.is_empty())
            .then(|| quote!(&[])),
    );
    quote! {
        /// The kind of object the operation names; `None` where the vendor
        /// writes `-1`.
        pub const fn object_kind(self) -> Option<#kind> {
            #object_body
        }

        /// The vendor's notes on the reasons, free sentences of the reason cell.
        pub const fn notes(self) -> &'static [&'static str] {
            #notes_body
        }

        /// The reasons the vendor lists, in vendor order; empty where it
        /// writes `-1`.
        pub const fn reasons(self) -> &'static [ReasonInfo] {
            #reasons_body
        }
    }
}

/// `match scrutinee { arms _ => rest }`: without arms just `rest`, and the
/// wildcard only where some row needs it (`rest` is `None` when every row
/// has an arm), since an unreachable arm warns.
fn match_or(
    scrutinee: TokenStream,
    arms: Vec<TokenStream>,
    rest: Option<TokenStream>,
) -> TokenStream {
    match (arms.is_empty(), rest) {
        (true, Some(rest)) => rest,
        (_, rest) => {
            let wildcard = rest.map(|rest| quote!(_ => #rest,));
            quote! {
                match #scrutinee {
                    #(#arms)*
                    #wildcard
                }
            }
        }
    }
}

fn reason_codes(codes: ReasonCodes) -> TokenStream {
    match codes {
        ReasonCodes::Single(code) => {
            let code = Literal::i32_unsuffixed(code);
            quote!(ReasonCodes::Single(#code))
        }
        ReasonCodes::Range { start, end } => {
            let (start, end) = (Literal::i32_unsuffixed(start), Literal::i32_unsuffixed(end));
            quote!(ReasonCodes::Range { start: #start, end: #end })
        }
        ReasonCodes::Open { default } => {
            let default = match default {
                Some(code) => {
                    let code = Literal::i32_unsuffixed(code);
                    quote!(Some(#code))
                }
                None => quote!(None),
            };
            quote!(ReasonCodes::Open { default: #default })
        }
    }
}

/// `From<T> for i32`, `TryFrom<i32> for T` and `Display` by name, for a
/// code-like type with `code`, `from_code` and `name` methods.
fn code_conversions(type_name: &str) -> TokenStream {
    let name = ident(type_name);
    quote! {
        impl From<#name> for i32 {
            fn from(value: #name) -> i32 {
                value.code()
            }
        }

        impl TryFrom<i32> for #name {
            type Error = UnknownCode;

            fn try_from(code: i32) -> Result<Self, UnknownCode> {
                match Self::from_code(code) {
                    Some(value) => Ok(value),
                    None => Err(UnknownCode { kind: #type_name, code }),
                }
            }
        }

        impl core::fmt::Display for #name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.name())
            }
        }
    }
}

fn from_str(type_name: &str) -> TokenStream {
    let name = ident(type_name);
    quote! {
        impl core::str::FromStr for #name {
            type Err = UnknownName;

            #[inline]
            fn from_str(name: &str) -> Result<Self, UnknownName> {
                Self::from_name(name).ok_or(UnknownName { kind: #type_name })
            }
        }
    }
}

fn row_reason_enum(table: &Table, names: &RecordNames, row: &Row, serde: &Serde) -> TokenStream {
    let name = ident(&names.row_reason(row));
    let enum_doc = doc(&[format!(
        "Reasons of [`{}::{}`] (`{}`).",
        table.name, row.name, row.code
    )]);
    let variants = row.reasons.iter().map(|reason| {
        let variant = ident(&reason.name);
        let doc = doc(&reason_doc(row, reason));
        match reason.codes.carries_value() {
            true => quote!(#doc #variant(i32),),
            false => quote!(#doc #variant,),
        }
    });
    // A pattern matching each variant whatever it carries.
    let patterns: Vec<TokenStream> = row
        .reasons
        .iter()
        .map(|reason| {
            let variant = ident(&reason.name);
            match reason.codes {
                ReasonCodes::Single(_) => quote!(Self::#variant),
                _ => quote!(Self::#variant(_)),
            }
        })
        .collect();
    let code_arms = row.reasons.iter().map(|reason| {
        let variant = ident(&reason.name);
        match reason.codes {
            ReasonCodes::Single(code) => {
                let code = Literal::i32_unsuffixed(code);
                quote!(Self::#variant => #code,)
            }
            _ => quote!(Self::#variant(code) => code,),
        }
    });
    let reason_names = row.reasons.iter().map(|reason| reason.name.as_str());
    let descriptions = row.reasons.iter().map(|reason| match &reason.description {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    });
    let from_code = reason_from_code(row);
    let serde_attr = serde.as_code(true);
    let conversions = code_conversions(&names.row_reason(row));
    quote! {
        #enum_doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #serde_attr
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
        }

        impl #name {
            /// The vendor code, the exact number this reason was decoded from.
            pub const fn code(self) -> i32 {
                match self {
                    #(#code_arms)*
                }
            }

            #from_code

            /// The Rust name of the variant.
            pub const fn name(self) -> &'static str {
                match self {
                    #(#patterns => #reason_names,)*
                }
            }

            /// The vendor's text; `None` where the vendor gives a bare code.
            pub const fn description(self) -> Option<&'static str> {
                match self {
                    #(#patterns => #descriptions,)*
                }
            }
        }

        #conversions
    }
}

fn reason_doc(row: &Row, reason: &crate::model::Reason) -> Vec<String> {
    let text = reason.description.as_deref().map(docs::escape);
    let mut lines = vec![match (reason.codes, text) {
        (ReasonCodes::Open { .. }, Some(text)) => format!("Any code but `-1` and `65535`: {text}"),
        (ReasonCodes::Open { .. }, None) => "Any code but `-1` and `65535`.".to_string(),
        (codes, Some(text)) => format!("`{codes}`: {text}"),
        (codes, None) => format!("`{codes}` (the vendor gives no text)."),
    }];
    if let ReasonCodes::Range { start, end } = reason.codes {
        let shadowed: Vec<String> = row
            .reasons
            .iter()
            .filter_map(|other| match other.codes {
                ReasonCodes::Single(code) if (start..=end).contains(&code) => {
                    Some(format!("`{code}` is [`{0}`](Self::{0})", other.name))
                }
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
        lines.push("Carries the code it was decoded from.".to_string());
    }
    lines
}

/// `from_code` of a row's reasons. The arms never overlap: a range arm
/// leaves out the codes listed on their own, and the open arm comes last.
fn reason_from_code(row: &Row) -> TokenStream {
    let singles: Vec<i32> = row
        .reasons
        .iter()
        .filter_map(|reason| match reason.codes {
            ReasonCodes::Single(code) => Some(code),
            _ => None,
        })
        .collect();
    let covered = |code: i32| {
        row.reasons.iter().any(|reason| {
            !matches!(reason.codes, ReasonCodes::Open { .. }) && reason.codes.contains(code)
        })
    };
    let mut arms = Vec::new();
    for reason in &row.reasons {
        let variant = ident(&reason.name);
        if let ReasonCodes::Single(code) = reason.codes {
            let code = Literal::i32_unsuffixed(code);
            arms.push(quote!(#code => Some(Self::#variant),));
        }
    }
    for reason in &row.reasons {
        let variant = ident(&reason.name);
        if let ReasonCodes::Range { start, end } = reason.codes {
            let patterns = split_range(start, end, &singles)
                .into_iter()
                .map(|(start, end)| {
                    let (low, high) =
                        (Literal::i32_unsuffixed(start), Literal::i32_unsuffixed(end));
                    match start == end {
                        true => quote!(#low),
                        false => quote!(#low..=#high),
                    }
                });
            arms.push(quote!(#(#patterns)|* => Some(Self::#variant(code)),));
        }
    }
    let open = row
        .reasons
        .iter()
        .find(|reason| matches!(reason.codes, ReasonCodes::Open { .. }));
    let fallback = match open {
        Some(reason) => {
            let variant = ident(&reason.name);
            let markers: Vec<Literal> = [-1, 65535]
                .into_iter()
                .filter(|code| !covered(*code))
                .map(Literal::i32_unsuffixed)
                .collect();
            let not_applicable = (!markers.is_empty()).then(|| quote!(#(#markers)|* => None,));
            quote! {
                #not_applicable
                code => Some(Self::#variant(code)),
            }
        }
        // Ranges may list every code, and then an unreachable arm warns.
        None if listed_code_count(&row.reasons) == 1 << 32 => TokenStream::new(),
        None => quote!(_ => None,),
    };
    quote! {
        /// The reason with vendor code `code`, if the vendor lists it for
        /// this operation.
        pub const fn from_code(code: i32) -> Option<Self> {
            match code {
                #(#arms)*
                #fallback
            }
        }
    }
}

/// `start..=end` without the `holes`, as inclusive sub-ranges.
fn split_range(start: i32, end: i32, holes: &[i32]) -> Vec<(i32, i32)> {
    let mut holes: Vec<i32> = holes
        .iter()
        .copied()
        .filter(|hole| (start..=end).contains(hole))
        .collect();
    holes.sort_unstable();
    let mut parts = Vec::new();
    let mut next = Some(start);
    for hole in holes {
        if let Some(low) = next.filter(|low| *low < hole) {
            parts.push((low, hole - 1));
        }
        next = hole.checked_add(1);
    }
    if let Some(low) = next.filter(|low| *low <= end) {
        parts.push((low, end));
    }
    parts
}

fn reason_enum(table: &Table, names: &RecordNames, serde: &Serde) -> TokenStream {
    let name = ident(&names.reason);
    let code_enum = ident(&table.name);
    let rows: Vec<&Row> = table
        .rows
        .iter()
        .filter(|row| !row.reasons.is_empty())
        .collect();
    let variants = rows.iter().map(|row| {
        let variant = ident(&row.name);
        let inner = ident(&names.row_reason(row));
        let doc = doc(&[format!(
            "A reason of [`{}::{}`] (`{}`).",
            table.name, row.name, row.code
        )]);
        quote!(#doc #variant(#inner),)
    });
    let decode_arms = rows.iter().map(|row| {
        let variant = ident(&row.name);
        let inner = ident(&names.row_reason(row));
        quote! {
            #code_enum::#variant => {
                if let Some(reason) = #inner::from_code(code) {
                    return Self::#variant(reason);
                }
            }
        }
    });
    let variant_idents: Vec<Ident> = rows.iter().map(|row| ident(&row.name)).collect();
    let serde_attr = serde.as_code(false);
    // The rows without reasons are spelled out rather than `_`: a match with
    // one arm and a wildcard reads as an `if`, and the list says which rows
    // take no reason.
    let without: Vec<Ident> = table
        .rows
        .iter()
        .filter(|row| row.reasons.is_empty())
        .map(|row| ident(&row.name))
        .collect();
    let wildcard = (!without.is_empty()).then(|| quote!(#(#code_enum::#without)|* => {}));
    let decode_listed = match rows.is_empty() {
        // No operation lists reasons: every code is not applicable or unlisted.
        true => quote!(let _ = operation;),
        false => quote! {
            match operation {
                #(#decode_arms)*
                #wildcard
            }
        },
    };
    quote! {
        /// A reason code decoded in the context of its operation: every code
        /// decodes, and [`code`](Self::code) gives back the exact number.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #serde_attr
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// `-1` or `65535`: the reason does not apply.
            NotApplicable(NotApplicable),
            /// A code the vendor does not list for the operation (or the
            /// operation type is unknown).
            Unlisted(i32),
        }

        impl #name {
            /// Decodes `code` as a reason of `operation`: a listed code first,
            /// then `-1` and `65535` as not applicable, then an open reason.
            pub const fn decode(operation: #code_enum, code: i32) -> Self {
                #decode_listed
                Self::unlisted(code)
            }

            /// Decodes `code` knowing nothing of its operation: not applicable
            /// or unlisted.
            pub const fn unlisted(code: i32) -> Self {
                match NotApplicable::from_code(code) {
                    Some(marker) => Self::NotApplicable(marker),
                    None => Self::Unlisted(code),
                }
            }

            /// The vendor code, the exact number this reason was decoded from.
            pub const fn code(self) -> i32 {
                match self {
                    #(Self::#variant_idents(reason) => reason.code(),)*
                    Self::NotApplicable(marker) => marker.code(),
                    Self::Unlisted(code) => code,
                }
            }

            /// The Rust name of the reason, or `NotApplicable` / `Unlisted`.
            pub const fn name(self) -> &'static str {
                match self {
                    #(Self::#variant_idents(reason) => reason.name(),)*
                    Self::NotApplicable(_) => "NotApplicable",
                    Self::Unlisted(_) => "Unlisted",
                }
            }

            /// The vendor's text, where it gives one.
            pub const fn description(self) -> Option<&'static str> {
                match self {
                    #(Self::#variant_idents(reason) => reason.description(),)*
                    Self::NotApplicable(_) | Self::Unlisted(_) => None,
                }
            }
        }

        impl From<#name> for i32 {
            fn from(reason: #name) -> i32 {
                reason.code()
            }
        }

        impl core::fmt::Display for #name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match (self, self.description()) {
                    (Self::NotApplicable(marker), _) => write!(f, "not applicable ({})", marker.code()),
                    (Self::Unlisted(code), _) => write!(f, "unlisted ({code})"),
                    (_, Some(text)) => write!(f, "{} ({}: {text})", self.name(), self.code()),
                    (_, None) => write!(f, "{} ({})", self.name(), self.code()),
                }
            }
        }
    }
}

fn object_kind_enum(table: &Table, names: &RecordNames) -> TokenStream {
    let name = ident(&names.object_kind());
    let variants: Vec<Ident> = table
        .object_kinds
        .iter()
        .map(|kind| ident(&kind.name))
        .collect();
    let docs = table
        .object_kinds
        .iter()
        .map(|kind| doc(&[docs::escape(&kind.text)]));
    let texts = table.object_kinds.iter().map(|kind| kind.text.as_str());
    let kind_names = table.object_kinds.iter().map(|kind| kind.name.as_str());
    let count = variants.len();
    quote! {
        /// The kinds of object the vendor's object column names.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #(#docs #variants,)*
        }

        impl #name {
            /// Every kind, in spec order.
            pub const ALL: [Self; #count] = [#(Self::#variants),*];

            /// The Rust name of the kind.
            pub const fn name(self) -> &'static str {
                match self {
                    #(Self::#variants => #kind_names,)*
                }
            }

            /// The vendor's cell text, byte for byte.
            pub const fn text(self) -> &'static str {
                match self {
                    #(Self::#variants => #texts,)*
                }
            }
        }
    }
}

fn object_enum(table: &Table, names: &RecordNames, serde: &Serde) -> TokenStream {
    let name = ident(&names.object);
    let kind = ident(&names.object_kind());
    let variants: Vec<Ident> = table
        .object_kinds
        .iter()
        .map(|kind| ident(&kind.name))
        .collect();
    let docs = table
        .object_kinds
        .iter()
        .map(|kind| doc(&[format!("The object is {}", docs::escape(&kind.text))]));
    let labels = table
        .object_kinds
        .iter()
        .map(|kind| kind.text.trim_end_matches('.').to_string());
    let serialize = serde.gate(quote! {
        impl serde::Serialize for #name<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    });
    quote! {
        /// An operation's object, decoded by the kind its operation names;
        /// [`as_str`](Self::as_str) gives back the exact text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name<'a> {
            /// `-1` or `65535`: there is no object.
            NotApplicable(NotApplicable),
            #(#docs #variants(&'a str),)*
            /// An object where the operation names none, or of an unknown
            /// operation type.
            Other(&'a str),
        }

        impl<'a> #name<'a> {
            /// Decodes `text` as an object of `kind`.
            pub fn decode(kind: Option<#kind>, text: &'a str) -> Self {
                let marker = match text {
                    "-1" => Some(NotApplicable::MinusOne),
                    "65535" => Some(NotApplicable::UsNoUse),
                    _ => None,
                };
                match (marker, kind) {
                    (Some(marker), _) => Self::NotApplicable(marker),
                    #((None, Some(#kind::#variants)) => Self::#variants(text),)*
                    (None, None) => Self::Other(text),
                }
            }

            /// The exact text this object was decoded from.
            pub const fn as_str(&self) -> &'a str {
                match *self {
                    Self::NotApplicable(NotApplicable::MinusOne) => "-1",
                    Self::NotApplicable(NotApplicable::UsNoUse) => "65535",
                    #(Self::#variants(text))|* | Self::Other(text) => text,
                }
            }

            /// The kind of object, if it is one the table names.
            pub const fn kind(&self) -> Option<#kind> {
                match self {
                    #(Self::#variants(_) => Some(#kind::#variants),)*
                    Self::NotApplicable(_) | Self::Other(_) => None,
                }
            }
        }

        impl core::fmt::Display for #name<'_> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                let (label, text) = match self {
                    Self::NotApplicable(marker) => return write!(f, "no object ({})", marker.code()),
                    #(Self::#variants(text) => (#labels, text),)*
                    Self::Other(text) => ("object", text),
                };
                write!(f, "{label} {text:?}")
            }
        }

        #serialize
    }
}

fn record_struct(table: &Table, names: &RecordNames, serde: &Serde) -> TokenStream {
    let name = ident(&names.record);
    let code_enum = ident(&table.name);
    let object = ident(&names.object);
    let reason = ident(&names.reason);
    let serialize_attr = serde.derive_serialize();
    let deserialize = serde.gate(quote! {
        impl<'de: 'a, 'a> serde::Deserialize<'de> for #name<'a> {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                #[derive(serde::Deserialize)]
                struct Fields<'a> {
                    code: i32,
                    #[serde(borrow)]
                    object: &'a str,
                    reason: i32,
                }
                let Fields { code, object, reason } = Fields::deserialize(deserializer)?;
                Ok(Self::decode(code, object, reason))
            }
        }
    });
    let doc = doc(&[
        format!("One row of the bill: a {} code with its object and reason, decoded.", docs::escape(&table.title)),
        String::new(),
        "Nothing is lost: an unknown code keeps its number and [`encode`](Self::encode) gives back the exact input.".to_string(),
    ]);
    quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #serialize_attr
        pub struct #name<'a> {
            /// The operation, or its number if the table does not list it.
            pub code: Code<#code_enum>,
            /// The object, decoded by the kind the operation names.
            pub object: #object<'a>,
            /// The reason, decoded in the context of the operation.
            pub reason: #reason,
        }

        impl<'a> #name<'a> {
            /// Decodes the three columns of a bill row.
            pub fn decode(code: i32, object: &'a str, reason: i32) -> Self {
                let code = Code::<#code_enum>::from(code);
                match code {
                    Code::Known(operation) => Self {
                        code,
                        object: #object::decode(operation.object_kind(), object),
                        reason: #reason::decode(operation, reason),
                    },
                    Code::Unknown(_) => Self {
                        code,
                        object: #object::decode(None, object),
                        reason: #reason::unlisted(reason),
                    },
                }
            }

            /// The operation, or its number if the table does not list it.
            pub const fn code(&self) -> Code<#code_enum> {
                self.code
            }

            /// The object, decoded by the kind the operation names.
            pub const fn object(&self) -> #object<'a> {
                self.object
            }

            /// The reason, decoded in the context of the operation.
            pub const fn reason(&self) -> #reason {
                self.reason
            }

            /// The three columns this row was decoded from.
            pub fn encode(&self) -> (i32, &'a str, i32) {
                (self.code.code(), self.object.as_str(), self.reason.code())
            }
        }

        impl core::fmt::Display for #name<'_> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self.code {
                    Code::Known(operation) => write!(f, "{operation} ({}: {})", operation.code(), operation.description())?,
                    Code::Unknown(code) => write!(f, "unknown operation {code}")?,
                }
                if !matches!(self.object, #object::NotApplicable(_)) {
                    write!(f, " on {}", self.object)?;
                }
                write!(f, ", reason {}", self.reason)
            }
        }

        #deserialize
    }
}

fn code_wrapper(serde: &Serde) -> TokenStream {
    let serde_impls = serde.gate(quote! {
        const _: () = {
            impl<T: Copy + Into<i32>> serde::Serialize for Code<T> {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_i32(self.code())
                }
            }

            impl<'de, T: TryFrom<i32>> serde::Deserialize<'de> for Code<T> {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    i32::deserialize(deserializer).map(Self::from)
                }
            }
        };
    });
    quote! {
        /// A code that is either one a table lists or, losslessly, a number
        /// it does not.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code<T> {
            /// A code the table lists.
            Known(T),
            /// A number the table does not list, kept as it was read.
            Unknown(i32),
        }

        impl<T: Copy + Into<i32>> Code<T> {
            /// The number, whether the table lists it or not.
            pub fn code(self) -> i32 {
                match self {
                    Self::Known(value) => value.into(),
                    Self::Unknown(code) => code,
                }
            }
        }

        impl<T> Code<T> {
            /// The listed value, if it is one.
            pub fn known(self) -> Option<T> {
                match self {
                    Self::Known(value) => Some(value),
                    Self::Unknown(_) => None,
                }
            }
        }

        impl<T: TryFrom<i32>> From<i32> for Code<T> {
            fn from(code: i32) -> Self {
                match T::try_from(code) {
                    Ok(value) => Self::Known(value),
                    Err(_) => Self::Unknown(code),
                }
            }
        }

        impl<T: Copy + Into<i32>> From<Code<T>> for i32 {
            fn from(code: Code<T>) -> i32 {
                code.code()
            }
        }

        #serde_impls
    }
}

fn not_applicable(serde: &Serde) -> TokenStream {
    let serde_attr = serde.as_code(true);
    let conversions = code_conversions("NotApplicable");
    quote! {
        /// The vendor's ways of writing "not applicable" in a code column.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #serde_attr
        #[repr(i32)]
        pub enum NotApplicable {
            /// `-1`, "not used" in the 2023 revision of the table.
            MinusOne = -1,
            /// `65535` (`0xFFFF`), `US_NO_USE` in later revisions.
            UsNoUse = 65535,
        }

        impl NotApplicable {
            /// The number as the vendor wrote it.
            pub const fn code(self) -> i32 {
                self as i32
            }

            /// The marker written as `code`, if it is one.
            pub const fn from_code(code: i32) -> Option<Self> {
                match code {
                    -1 => Some(Self::MinusOne),
                    65535 => Some(Self::UsNoUse),
                    _ => None,
                }
            }

            /// The Rust name of the marker.
            pub const fn name(self) -> &'static str {
                match self {
                    Self::MinusOne => "MinusOne",
                    Self::UsNoUse => "UsNoUse",
                }
            }
        }

        #conversions
    }
}

fn reason_support(_serde: &Serde) -> TokenStream {
    quote! {
        /// A reason as the vendor lists it for an operation.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct ReasonInfo {
            /// The Rust name of the reason's variant.
            pub name: &'static str,
            /// The codes it covers.
            pub codes: ReasonCodes,
            /// The vendor's text; `None` where the vendor gives a bare code.
            pub description: Option<&'static str>,
        }

        /// The codes a listed reason covers.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ReasonCodes {
            /// One code.
            Single(i32),
            /// The codes from `start` to `end`, inclusive; a code listed on its
            /// own wins over the range.
            Range {
                /// First code.
                start: i32,
                /// Last code.
                end: i32,
            },
            /// Any code but `-1` and `65535`.
            Open {
                /// The vendor's default code.
                default: Option<i32>,
            },
        }

        impl ReasonCodes {
            /// Whether `code` is one of the codes.
            pub const fn contains(self, code: i32) -> bool {
                match self {
                    Self::Single(single) => single == code,
                    Self::Range { start, end } => start <= code && code <= end,
                    Self::Open { .. } => code != -1 && code != 65535,
                }
            }
        }

        impl core::fmt::Display for ReasonCodes {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self {
                    Self::Single(code) => write!(f, "{code}"),
                    Self::Range { start, end } => write!(f, "{start}-{end}"),
                    Self::Open { .. } => f.write_str("any"),
                }
            }
        }
    }
}

fn errors() -> TokenStream {
    quote! {
        /// A number that is not a code of the type it was converted to.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct UnknownCode {
            kind: &'static str,
            code: i32,
        }

        impl UnknownCode {
            /// The number that was converted.
            pub const fn code(self) -> i32 {
                self.code
            }

            /// The name of the type it was converted to.
            pub const fn kind(self) -> &'static str {
                self.kind
            }
        }

        impl core::fmt::Display for UnknownCode {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, "{} is not a known {} code", self.code, self.kind)
            }
        }

        impl core::error::Error for UnknownCode {}

        /// A name that is not a variant of the type it was parsed as.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct UnknownName {
            kind: &'static str,
        }

        impl UnknownName {
            /// The name of the type it was parsed as.
            pub const fn kind(self) -> &'static str {
                self.kind
            }
        }

        impl core::fmt::Display for UnknownName {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, "not a known {} name", self.kind)
            }
        }

        impl core::error::Error for UnknownName {}
    }
}

#[cfg(test)]
mod tests {
    use super::split_range;

    #[test]
    fn split_range_leaves_out_holes() {
        assert_eq!(split_range(0, 255, &[0]), [(1, 255)]);
        assert_eq!(split_range(0, 10, &[5, 3, 99]), [(0, 2), (4, 4), (6, 10)]);
        assert_eq!(split_range(1, 2, &[1, 2]), []);
        assert_eq!(
            split_range(i32::MAX - 1, i32::MAX, &[i32::MAX]),
            [(i32::MAX - 1, i32::MAX - 1)]
        );
    }
}
