//! Stage 3: the model to Rust tokens, one function per generated item.
//!
//! Names reaching `ident` were validated as identifiers; all vendor text
//! reaches the output as string literals or escaped doc attributes. The
//! fixed types (`Code`, `ReasonInfo`, the errors and traits) are
//! `codes_runtime`'s, named by absolute path. What a reason code means comes
//! from each row's decoding table; nothing here applies precedence.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::decoding::{Outcome, Run};
use crate::docs;
use crate::ident::snake_case;
use crate::model::{Reason, ReasonCodes, RecordNames, Row, Spec, Table};

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
    let tables = spec
        .tables
        .iter()
        .map(|table| self::table(spec, table, &serde));
    let markers = (!spec.not_applicable.is_empty()).then(|| not_applicable(spec, &serde));
    quote! {
        #(#tables)*
        #markers
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

    /// `derive(Serialize, Deserialize)` through `i32`, for code-like types.
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

fn code(code: i32) -> Literal {
    Literal::i32_unsuffixed(code)
}

/// A fixed type or trait of the runtime crate, by absolute path.
fn runtime(name: &str) -> TokenStream {
    let name = ident(name);
    quote!(::codes_runtime::#name)
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

/// `Some("text")` or `None`.
fn optional_text(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    }
}

/// The `start..=end` pattern of a run (a single code alone).
fn run_pattern(run: &Run) -> TokenStream {
    match run.start == run.end {
        true => {
            let start = code(run.start);
            quote!(#start)
        }
        false => {
            let (start, end) = (code(run.start), code(run.end));
            quote!(#start..=#end)
        }
    }
}

/// The vendor's notation of a run's codes, for docs: `7` or `1-255`.
fn run_text(run: &Run) -> String {
    match run.start == run.end {
        true => format!("`{}`", run.start),
        false => format!("`{}-{}`", run.start, run.end),
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

fn table(spec: &Spec, table: &Table, serde: &Serde) -> TokenStream {
    let code_enum = code_enum(spec, table, serde);
    let code_impl = code_enum_impl(table);
    let traits = enumerable_traits(&table.name, quote!(Some(self.description())));
    let Some(names) = &table.record else {
        return quote!(#code_enum #code_impl #traits);
    };
    let row_reasons = table
        .rows
        .iter()
        .filter(|row| !row.reasons.is_empty())
        .map(|row| row_reason_enum(table, names, row, serde));
    let reason = reason_enum(table, names, spec, serde);
    let object_kind = object_kind_enum(table, names);
    let object = object_enum(table, names, spec, serde);
    let record = record_struct(table, names, spec, serde);
    quote! {
        #code_enum
        #code_impl
        #traits
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
        let value = code(row.code);
        let doc = doc(&row_doc(spec, table, row));
        quote!(#doc #variant = #value,)
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
fn row_doc(spec: &Spec, table: &Table, row: &Row) -> Vec<String> {
    let mut lines = vec![format!(
        "`{}`: {}",
        row.code,
        docs::escape(&row.description)
    )];
    let Some(names) = &table.record else {
        return lines;
    };
    let none = spec
        .not_applicable
        .first()
        .map_or(String::new(), |marker| format!(" (`{}`)", marker.code));
    lines.push(String::new());
    lines.push(match row.object {
        Some(kind) => format!("Object: {}", docs::escape(&table.object_kinds[kind].text)),
        None => format!("Object: none{none}."),
    });
    lines.push(String::new());
    if row.reasons.is_empty() {
        lines.push(format!("Reason: not used{none}."));
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

/// One variant of a fieldless code enum, as its methods need it.
struct Variant<'a> {
    ident: Ident,
    code: i32,
    name: &'a str,
}

/// `ALL`, `COUNT`, `code`, `from_code`, `name` and `from_name` of a fieldless
/// enum whose discriminants are its codes; `from_code` is given.
fn fieldless_methods(variants: &[Variant<'_>], from_code: TokenStream) -> TokenStream {
    let idents: Vec<&Ident> = variants.iter().map(|variant| &variant.ident).collect();
    let names: Vec<&str> = variants.iter().map(|variant| variant.name).collect();
    let count = Literal::usize_unsuffixed(variants.len());
    quote! {
        /// Every variant, in vendor order.
        pub const ALL: [Self; #count] = [#(Self::#idents),*];

        /// The number of variants.
        pub const COUNT: usize = Self::ALL.len();

        /// The vendor code.
        pub const fn code(self) -> i32 {
            self as i32
        }

        #from_code

        /// The Rust name, as [`from_name`](Self::from_name) reads it.
        pub const fn name(self) -> &'static str {
            match self {
                #(Self::#idents => #names,)*
            }
        }

        /// The variant whose Rust name is exactly `name`.
        #[inline]
        pub fn from_name(name: &str) -> Option<Self> {
            match name {
                #(#names => Some(Self::#idents),)*
                _ => None,
            }
        }
    }
}

/// `from_code` of a fieldless enum: one arm per variant.
fn listed_from_code(variants: &[Variant<'_>]) -> TokenStream {
    let idents = variants.iter().map(|variant| &variant.ident);
    let codes = variants.iter().map(|variant| code(variant.code));
    quote! {
        /// The variant with vendor code `code`, if the table lists it.
        pub const fn from_code(code: i32) -> Option<Self> {
            match code {
                #(#codes => Some(Self::#idents),)*
                _ => None,
            }
        }
    }
}

fn code_enum_impl(table: &Table) -> TokenStream {
    let name = ident(&table.name);
    let variants: Vec<Variant<'_>> = table
        .rows
        .iter()
        .map(|row| Variant {
            ident: ident(&row.name),
            code: row.code,
            name: &row.name,
        })
        .collect();
    let methods = fieldless_methods(&variants, listed_from_code(&variants));
    let idents = variants.iter().map(|variant| &variant.ident);
    let descriptions = table.rows.iter().map(|row| row.description.as_str());
    let record_methods = table
        .record
        .as_ref()
        .map(|names| record_methods(table, names));
    quote! {
        impl #name {
            #methods

            /// The vendor's description, byte for byte.
            pub const fn description(self) -> &'static str {
                match self {
                    #(Self::#idents => #descriptions,)*
                }
            }

            #record_methods
        }
    }
}

/// `object_kind`, `notes` and `reasons` of a code enum with a record.
fn record_methods(table: &Table, names: &RecordNames) -> TokenStream {
    let kind = ident(&names.object_kind());
    let reason_info = runtime("ReasonInfo");
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
                let description = optional_text(reason.description.as_deref());
                quote!(#reason_info { name: #name, codes: #codes, description: #description })
            });
            quote!(Self::#variant => &[#(#infos),*],)
        });
    let object_body = match_or(
        objects.collect(),
        table
            .rows
            .iter()
            .any(|row| row.object.is_none())
            .then(|| quote!(None)),
    );
    let notes_body = match_or(
        notes.collect(),
        table
            .rows
            .iter()
            .any(|row| row.notes.is_empty())
            .then(|| quote!(&[])),
    );
    let reasons_body = match_or(
        reasons.collect(),
        table
            .rows
            .iter()
            .any(|row| row.reasons.is_empty())
            .then(|| quote!(&[])),
    );
    quote! {
        /// The kind of object the operation names; `None` where the vendor
        /// names none.
        pub const fn object_kind(self) -> Option<#kind> {
            #object_body
        }

        /// The vendor's notes on the reasons, free sentences of the reason cell.
        pub const fn notes(self) -> &'static [&'static str] {
            #notes_body
        }

        /// The reasons the vendor lists, in vendor order; empty where it
        /// lists none.
        pub const fn reasons(self) -> &'static [#reason_info] {
            #reasons_body
        }
    }
}

/// `match self { arms _ => rest }`: without arms just `rest`, and the
/// wildcard only where some row needs it (`rest` is `None` when every row
/// has an arm), since an unreachable arm warns.
fn match_or(arms: Vec<TokenStream>, rest: Option<TokenStream>) -> TokenStream {
    match (arms.is_empty(), rest) {
        (true, Some(rest)) => rest,
        (_, rest) => {
            let wildcard = rest.map(|rest| quote!(_ => #rest,));
            quote! {
                match self {
                    #(#arms)*
                    #wildcard
                }
            }
        }
    }
}

fn reason_codes(codes: ReasonCodes) -> TokenStream {
    let reason_codes = runtime("ReasonCodes");
    match codes {
        ReasonCodes::Single(single) => {
            let single = code(single);
            quote!(#reason_codes::Single(#single))
        }
        ReasonCodes::Range { start, end } => {
            let (start, end) = (code(start), code(end));
            quote!(#reason_codes::Range { start: #start, end: #end })
        }
        ReasonCodes::Open { default } => {
            let default = match default {
                Some(default) => {
                    let default = code(default);
                    quote!(Some(#default))
                }
                None => quote!(None),
            };
            quote!(#reason_codes::Open { default: #default })
        }
    }
}

/// The runtime traits and std conversions of a code enum: `CodeEnum`,
/// `From<T> for i32`, `TryFrom<i32>`, and, given `display` and `from_str`
/// bodies, `Display` and `FromStr`.
fn code_traits(
    type_name: &str,
    description: TokenStream,
    display: TokenStream,
    from_str: TokenStream,
) -> TokenStream {
    let name = ident(type_name);
    let code_enum = runtime("CodeEnum");
    let unknown_code = runtime("UnknownCode");
    let unknown_name = runtime("UnknownName");
    quote! {
        impl #code_enum for #name {
            type Code<'a> = i32;

            const KIND: &'static str = #type_name;

            fn code(self) -> i32 {
                #name::code(self)
            }

            fn from_code(code: i32) -> Option<Self> {
                #name::from_code(code)
            }

            fn name(self) -> &'static str {
                #name::name(self)
            }

            fn description(self) -> Option<&'static str> {
                #description
            }
        }

        impl From<#name> for i32 {
            fn from(value: #name) -> i32 {
                value.code()
            }
        }

        impl TryFrom<i32> for #name {
            type Error = #unknown_code;

            fn try_from(code: i32) -> Result<Self, #unknown_code> {
                match Self::from_code(code) {
                    Some(value) => Ok(value),
                    None => Err(#unknown_code::new(#type_name, code)),
                }
            }
        }

        impl core::fmt::Display for #name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                #display
            }
        }

        impl core::str::FromStr for #name {
            type Err = #unknown_name;

            #[inline]
            fn from_str(text: &str) -> Result<Self, #unknown_name> {
                #from_str
            }
        }
    }
}

/// [`code_traits`] of a fieldless enum, which also lists all its values
/// (`Enumerable`) and displays and parses its names.
fn enumerable_traits(type_name: &str, description: TokenStream) -> TokenStream {
    let name = ident(type_name);
    let enumerable = runtime("Enumerable");
    let unknown_name = runtime("UnknownName");
    let traits = code_traits(
        type_name,
        description,
        quote!(f.write_str(self.name())),
        quote!(Self::from_name(text).ok_or(#unknown_name::new(#type_name))),
    );
    quote! {
        #traits

        impl #enumerable for #name {
            const ALL: &'static [Self] = &Self::ALL;
        }
    }
}

fn row_reason_enum(table: &Table, names: &RecordNames, row: &Row, serde: &Serde) -> TokenStream {
    let type_name = names.row_reason(row);
    let name = ident(&type_name);
    let module = ident(&snake_case(&type_name));
    let enum_doc = doc(&[format!(
        "Reasons of [`{}::{}`] (`{}`).",
        table.name, row.name, row.code
    )]);
    let descriptions = row.reasons.iter().map(|reason| {
        let variant = ident(&reason.name);
        let text = optional_text(reason.description.as_deref());
        match reason.codes.carries_value() {
            true => quote!(Self::#variant(_) => #text,),
            false => quote!(Self::#variant => #text,),
        }
    });
    let description = quote! {
        /// The vendor's text; `None` where the vendor gives a bare code.
        pub const fn description(self) -> Option<&'static str> {
            match self {
                #(#descriptions)*
            }
        }
    };
    let from_code = reason_from_code(row, &module);
    let serde_attr = serde.as_code(true);
    if row
        .reasons
        .iter()
        .all(|reason| !reason.codes.carries_value())
    {
        // Every reason a single code: an enum like the table's own.
        let variants: Vec<Variant<'_>> = row
            .reasons
            .iter()
            .filter_map(|reason| match reason.codes {
                ReasonCodes::Single(single) => Some(Variant {
                    ident: ident(&reason.name),
                    code: single,
                    name: &reason.name,
                }),
                _ => None,
            })
            .collect();
        let definitions = row.reasons.iter().zip(&variants).map(|(reason, variant)| {
            let doc = doc(&reason_doc(row, reason, &module));
            let (ident, value) = (&variant.ident, code(variant.code));
            quote!(#doc #ident = #value,)
        });
        let methods = fieldless_methods(&variants, from_code);
        let traits = enumerable_traits(&type_name, quote!(Self::description(self)));
        return quote! {
            #enum_doc
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            #serde_attr
            #[repr(i32)]
            #[non_exhaustive]
            pub enum #name {
                #(#definitions)*
            }

            impl #name {
                #methods

                #description
            }

            #traits
        };
    }
    let variants = row.reasons.iter().map(|reason| {
        let variant = ident(&reason.name);
        let doc = doc(&reason_doc(row, reason, &module));
        match reason.codes.carries_value() {
            true => quote!(#doc #variant(#module::#variant),),
            false => quote!(#doc #variant,),
        }
    });
    let patterns: Vec<TokenStream> = row
        .reasons
        .iter()
        .map(|reason| {
            let variant = ident(&reason.name);
            match reason.codes.carries_value() {
                false => quote!(Self::#variant),
                true => quote!(Self::#variant(_)),
            }
        })
        .collect();
    let code_arms = row.reasons.iter().map(|reason| {
        let variant = ident(&reason.name);
        match reason.codes {
            ReasonCodes::Single(single) => {
                let single = code(single);
                quote!(Self::#variant => #single,)
            }
            _ => quote!(Self::#variant(value) => value.code(),),
        }
    });
    let reason_names = row.reasons.iter().map(|reason| reason.name.as_str());
    let traits = code_traits(
        &type_name,
        quote!(Self::description(self)),
        reason_display(row),
        reason_from_str(&type_name, row),
    );
    let payloads = payload_module(table, row, &type_name, &module);
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

            #description
        }

        impl PartialOrd for #name {
            fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for #name {
            fn cmp(&self, other: &Self) -> core::cmp::Ordering {
                self.code().cmp(&other.code())
            }
        }

        #traits

        #payloads
    }
}

/// The doc of a reason's variant: its codes as the decoding table has them,
/// the vendor's text, and what precedence takes from it.
fn reason_doc(row: &Row, reason: &Reason, module: &Ident) -> Vec<String> {
    let index = row
        .reasons
        .iter()
        .position(|other| std::ptr::eq(other, reason))
        .expect("the reason is the row's");
    let text = reason.description.as_deref().map(docs::escape);
    let mut lines = vec![match (reason.codes, text) {
        (ReasonCodes::Open { .. }, text) => {
            let others: Vec<&Run> = row
                .decoding
                .runs()
                .iter()
                .filter(|run| run.outcome != Outcome::Open(index))
                .collect();
            let codes = match others.len() {
                0 => "Any code".to_string(),
                1..=8 => format!(
                    "Any code but {}",
                    and_list(&others.iter().map(|run| run_text(run)).collect::<Vec<_>>())
                ),
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
fn reason_from_code(row: &Row, module: &Ident) -> TokenStream {
    let runs = row.decoding.runs();
    let value = |index: usize| {
        let reason = &row.reasons[index];
        let variant = ident(&reason.name);
        match reason.codes.carries_value() {
            true => quote!(Self::#variant(#module::#variant(code))),
            false => quote!(Self::#variant),
        }
    };
    let open = row
        .reasons
        .iter()
        .position(|reason| matches!(reason.codes, ReasonCodes::Open { .. }));
    let arms = (0..row.reasons.len())
        .filter(|index| Some(*index) != open)
        .map(|index| {
            let patterns = runs
                .iter()
                .filter(|run| run.outcome.reason() == Some(index))
                .map(run_pattern);
            let value = value(index);
            quote!(#(#patterns)|* => Some(#value),)
        });
    let rest = match open {
        Some(index) => {
            let markers: Vec<TokenStream> = runs
                .iter()
                .filter(|run| matches!(run.outcome, Outcome::NotApplicable(_)))
                .map(run_pattern)
                .collect();
            let markers = (!markers.is_empty()).then(|| quote!(#(#markers)|* => None,));
            let value = value(index);
            quote!(#markers _ => Some(#value),)
        }
        // Ranges may take every code, and then a wildcard would never match.
        None if row.decoding.is_total() => TokenStream::new(),
        None => quote!(_ => None,),
    };
    quote! {
        /// The reason with vendor code `code`, if the vendor lists it for
        /// this operation.
        pub const fn from_code(code: i32) -> Option<Self> {
            match code {
                #(#arms)*
                #rest
            }
        }
    }
}

/// `Display` of a reason enum whose variants carry codes: `Name` or
/// `Name(code)`, as `FromStr` reads it.
fn reason_display(row: &Row) -> TokenStream {
    let carrying = row
        .reasons
        .iter()
        .filter(|reason| reason.codes.carries_value());
    let arms = carrying.map(|reason| {
        let variant = ident(&reason.name);
        let format = format!("{}({{value}})", reason.name);
        quote!(Self::#variant(value) => write!(f, #format),)
    });
    let units = row
        .reasons
        .iter()
        .any(|reason| !reason.codes.carries_value())
        .then(|| quote!(_ => f.write_str(self.name()),));
    quote! {
        match self {
            #(#arms)*
            #units
        }
    }
}

/// `FromStr` of a reason enum whose variants carry codes: `Name` for a
/// variant without a code, `Name(code)` for one with, if the code decodes
/// to that variant.
fn reason_from_str(type_name: &str, row: &Row) -> TokenStream {
    let unknown_name = runtime("UnknownName");
    let units: Vec<TokenStream> = row
        .reasons
        .iter()
        .filter(|reason| !reason.codes.carries_value())
        .map(|reason| {
            let (variant, name) = (ident(&reason.name), &reason.name);
            quote!(#name => Ok(Self::#variant),)
        })
        .collect();
    // A name without a code is one of the variants that carry none.
    let without_code = match units.is_empty() {
        true => quote!(Err(unknown)),
        false => quote! {
            match text {
                #(#units)*
                _ => Err(unknown),
            }
        },
    };
    let carrying: Vec<TokenStream> = row
        .reasons
        .iter()
        .filter(|reason| reason.codes.carries_value())
        .map(|reason| {
            let variant = ident(&reason.name);
            quote!(Self::#variant(_))
        })
        .collect();
    let carrying = match carrying.as_slice() {
        [one] => one.clone(),
        many => quote!((#(#many)|*)),
    };
    quote! {
        let unknown = #unknown_name::new(#type_name);
        let Some((name, code)) = text.strip_suffix(')').and_then(|text| text.split_once('(')) else {
            return #without_code;
        };
        let Ok(code) = code.parse::<i32>() else {
            return Err(unknown);
        };
        match Self::from_code(code).filter(|value| value.name() == name) {
            Some(value @ #carrying) => Ok(value),
            _ => Err(unknown),
        }
    }
}

/// The module of the types that a reason enum's variants carry, each a code
/// that only decoding makes.
fn payload_module(table: &Table, row: &Row, type_name: &str, module: &Ident) -> TokenStream {
    let name = ident(type_name);
    let unknown_code = runtime("UnknownCode");
    let payloads = row
        .reasons
        .iter()
        .enumerate()
        .filter(|(_, reason)| reason.codes.carries_value())
        .map(|(index, reason)| {
            let variant = ident(&reason.name);
            let runs: Vec<String> = row
                .decoding
                .runs()
                .iter()
                .filter(|run| run.outcome.reason() == Some(index))
                .map(run_text)
                .collect();
            let codes = match (reason.codes, runs.len()) {
                (ReasonCodes::Open { .. }, _) => "any code that no other reason and no marker of \"not applicable\" takes".to_string(),
                (_, 1..=8) => and_list(&runs),
                _ => format!("{} runs of codes", runs.len()),
            };
            let struct_doc = doc(&[
                format!(
                    "A code of [`{type_name}::{0}`](super::{type_name}::{0}), reason of [`{1}::{2}`](super::{1}::{2}): {codes}.",
                    reason.name, table.name, row.name
                ),
                String::new(),
                "Only a code that decodes to this reason makes one: see [`new`](Self::new).".to_string(),
            ]);
            let kind = format!("{type_name}::{}", reason.name);
            quote! {
                #struct_doc
                #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
                pub struct #variant(pub(super) i32);

                impl #variant {
                    /// `code` as this reason, if it decodes to it.
                    pub const fn new(code: i32) -> Option<Self> {
                        match super::#name::from_code(code) {
                            Some(super::#name::#variant(value)) => Some(value),
                            _ => None,
                        }
                    }

                    /// The vendor code.
                    pub const fn code(self) -> i32 {
                        self.0
                    }
                }

                impl From<#variant> for i32 {
                    fn from(value: #variant) -> i32 {
                        value.0
                    }
                }

                impl TryFrom<i32> for #variant {
                    type Error = #unknown_code;

                    fn try_from(code: i32) -> Result<Self, #unknown_code> {
                        match Self::new(code) {
                            Some(value) => Ok(value),
                            None => Err(#unknown_code::new(#kind, code)),
                        }
                    }
                }

                impl core::fmt::Display for #variant {
                    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        write!(f, "{}", self.0)
                    }
                }
            }
        });
    // A module's outer docs resolve links where the module is declared.
    let module_doc = doc(&[format!(
        "The codes that the variants of [`{type_name}`] carry, reasons of [`{}::{}`].",
        table.name, row.name
    )]);
    quote! {
        #module_doc
        pub mod #module {
            #(#payloads)*
        }
    }
}

/// `-1 or 65535`, the markers' codes in prose, for docs.
fn marker_codes(spec: &Spec) -> String {
    let codes: Vec<String> = spec
        .not_applicable
        .iter()
        .map(|marker| format!("`{}`", marker.code))
        .collect();
    match codes.as_slice() {
        [rest @ .., last] if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => codes.join(""),
    }
}

fn reason_enum(table: &Table, names: &RecordNames, spec: &Spec, serde: &Serde) -> TokenStream {
    let name = ident(&names.reason);
    let module = ident(&snake_case(&names.reason));
    let code_enum = ident(&table.name);
    let markers = !spec.not_applicable.is_empty();
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
    let marker_codes = marker_codes(spec);
    let (not_applicable, unlisted, marker_code, marker_name, marker_display) = match markers {
        true => (
            {
                let doc = doc(&[format!("{marker_codes}: the reason does not apply.")]);
                quote!(#doc NotApplicable(NotApplicable),)
            },
            quote! {
                match NotApplicable::from_code(code) {
                    Some(marker) => Self::NotApplicable(marker),
                    None => Self::Unlisted(#module::Unlisted(code)),
                }
            },
            quote!(Self::NotApplicable(marker) => marker.code(),),
            quote!(Self::NotApplicable(_) => "NotApplicable",),
            quote!((Self::NotApplicable(marker), _) => write!(f, "not applicable ({})", marker.code()),),
        ),
        false => (
            TokenStream::new(),
            quote!(Self::Unlisted(#module::Unlisted(code))),
            TokenStream::new(),
            TokenStream::new(),
            TokenStream::new(),
        ),
    };
    let without_text = match markers {
        true => quote!(Self::NotApplicable(_) | Self::Unlisted(_) => None,),
        false => quote!(Self::Unlisted(_) => None,),
    };
    let unlisted_doc = doc(&[match markers {
        true => format!(
            "A code that is not listed for its operation and is not {marker_codes}: only [`{0}::decode`](super::{0}::decode) and [`{0}::unlisted`](super::{0}::unlisted) make one.",
            names.reason
        ),
        false => format!(
            "A code that is not listed for its operation: only [`{0}::decode`](super::{0}::decode) and [`{0}::unlisted`](super::{0}::unlisted) make one.",
            names.reason
        ),
    }]);
    let module_doc = doc(&[format!(
        "The code that [`{0}::Unlisted`] carries.",
        names.reason
    )]);
    let unlisted_fn_doc = doc(&[match markers {
        true => format!(
            "Decodes `code` knowing nothing of its operation: not applicable ({marker_codes}) or unlisted."
        ),
        false => "Decodes `code` knowing nothing of its operation: unlisted.".to_string(),
    }]);
    let decode_doc = doc(&[match markers {
        true => format!(
            "Decodes `code` as a reason of `operation`, as the operation's decoding table says: a listed code first, then {marker_codes} as not applicable, then an open reason."
        ),
        false => {
            "Decodes `code` as a reason of `operation`: a listed code, or unlisted.".to_string()
        }
    }]);
    quote! {
        /// A reason code decoded in the context of its operation: every code
        /// decodes, and [`code`](Self::code) gives back the exact number.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #serde_attr
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            #not_applicable
            /// A code the vendor does not list for the operation, or any
            /// code of an operation type the table does not list.
            Unlisted(#module::Unlisted),
        }

        impl #name {
            #decode_doc
            pub const fn decode(operation: #code_enum, code: i32) -> Self {
                #decode_listed
                Self::unlisted(code)
            }

            #unlisted_fn_doc
            pub const fn unlisted(code: i32) -> Self {
                #unlisted
            }

            /// The vendor code, the exact number this reason was decoded from.
            pub const fn code(self) -> i32 {
                match self {
                    #(Self::#variant_idents(reason) => reason.code(),)*
                    #marker_code
                    Self::Unlisted(unlisted) => unlisted.code(),
                }
            }

            /// The Rust name of the reason, or `NotApplicable` / `Unlisted`.
            pub const fn name(self) -> &'static str {
                match self {
                    #(Self::#variant_idents(reason) => reason.name(),)*
                    #marker_name
                    Self::Unlisted(_) => "Unlisted",
                }
            }

            /// The vendor's text, where it gives one.
            pub const fn description(self) -> Option<&'static str> {
                match self {
                    #(Self::#variant_idents(reason) => reason.description(),)*
                    #without_text
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
                    #marker_display
                    (Self::Unlisted(unlisted), _) => write!(f, "unlisted ({unlisted})"),
                    (_, Some(text)) => write!(f, "{} ({}: {text})", self.name(), self.code()),
                    (_, None) => write!(f, "{} ({})", self.name(), self.code()),
                }
            }
        }

        #module_doc
        pub mod #module {
            #unlisted_doc
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct Unlisted(pub(super) i32);

            impl Unlisted {
                /// The vendor code.
                pub const fn code(self) -> i32 {
                    self.0
                }
            }

            impl core::fmt::Display for Unlisted {
                fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                    write!(f, "{}", self.0)
                }
            }
        }
    }
}

fn object_kind_enum(table: &Table, names: &RecordNames) -> TokenStream {
    let type_name = names.object_kind();
    let name = ident(&type_name);
    let unknown_name = runtime("UnknownName");
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
    let kind_names: Vec<&str> = table
        .object_kinds
        .iter()
        .map(|kind| kind.name.as_str())
        .collect();
    let count = Literal::usize_unsuffixed(variants.len());
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

            /// The Rust name of the kind, as [`from_name`](Self::from_name) reads it.
            pub const fn name(self) -> &'static str {
                match self {
                    #(Self::#variants => #kind_names,)*
                }
            }

            /// The kind whose Rust name is exactly `name`.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    #(#kind_names => Some(Self::#variants),)*
                    _ => None,
                }
            }

            /// The vendor's cell text, byte for byte.
            pub const fn text(self) -> &'static str {
                match self {
                    #(Self::#variants => #texts,)*
                }
            }
        }

        impl core::fmt::Display for #name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl core::str::FromStr for #name {
            type Err = #unknown_name;

            fn from_str(text: &str) -> Result<Self, #unknown_name> {
                Self::from_name(text).ok_or(#unknown_name::new(#type_name))
            }
        }
    }
}

fn object_enum(table: &Table, names: &RecordNames, spec: &Spec, serde: &Serde) -> TokenStream {
    let name = ident(&names.object);
    let module = ident(&snake_case(&names.object));
    let kind = ident(&names.object_kind());
    let markers = !spec.not_applicable.is_empty();
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
    let marker_codes = marker_codes(spec);
    let (not_applicable, decode_marker, marker_text, marker_kind, marker_display) = match markers {
        true => (
            {
                let doc = doc(&[format!("{marker_codes}: there is no object.")]);
                quote!(#doc NotApplicable(NotApplicable),)
            },
            quote! {
                if let Some(marker) = NotApplicable::from_text(text) {
                    return Self::NotApplicable(marker);
                }
            },
            quote!(Self::NotApplicable(marker) => marker.text(),),
            quote!(Self::NotApplicable(_) |),
            quote!(Self::NotApplicable(marker) => return write!(f, "no object ({})", marker.code()),),
        ),
        false => Default::default(),
    };
    let text_doc = doc(&[match markers {
        true => format!(
            "An object's text as read, never {marker_codes}: only [`{0}::decode`](super::{0}::decode) makes one.",
            names.object
        ),
        false => format!(
            "An object's text as read: only [`{0}::decode`](super::{0}::decode) makes one.",
            names.object
        ),
    }]);
    let module_doc = doc(&[format!(
        "The text that the variants of [`{0}`] carry.",
        names.object
    )]);
    quote! {
        /// An operation's object, decoded by the kind its operation names;
        /// [`as_str`](Self::as_str) gives back the exact text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name<'a> {
            #not_applicable
            #(#docs #variants(#module::Text<'a>),)*
            /// An object where the operation names none, or of an unknown
            /// operation type.
            Other(#module::Text<'a>),
        }

        impl<'a> #name<'a> {
            /// Decodes `text` as an object of `kind`.
            pub fn decode(kind: Option<#kind>, text: &'a str) -> Self {
                #decode_marker
                let text = #module::Text(text);
                match kind {
                    #(Some(#kind::#variants) => Self::#variants(text),)*
                    None => Self::Other(text),
                }
            }

            /// The exact text this object was decoded from.
            pub const fn as_str(&self) -> &'a str {
                match *self {
                    #marker_text
                    #(Self::#variants(text))|* | Self::Other(text) => text.as_str(),
                }
            }

            /// The kind of object, if it is one the table names.
            pub const fn kind(&self) -> Option<#kind> {
                match self {
                    #(Self::#variants(_) => Some(#kind::#variants),)*
                    #marker_kind Self::Other(_) => None,
                }
            }
        }

        impl core::fmt::Display for #name<'_> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                let (label, text) = match self {
                    #marker_display
                    #(Self::#variants(text) => (#labels, text),)*
                    Self::Other(text) => ("object", text),
                };
                write!(f, "{label} {:?}", text.as_str())
            }
        }

        #serialize

        #module_doc
        pub mod #module {
            #text_doc
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct Text<'a>(pub(super) &'a str);

            impl<'a> Text<'a> {
                /// The text as read.
                pub const fn as_str(self) -> &'a str {
                    self.0
                }
            }

            impl core::fmt::Display for Text<'_> {
                fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                    f.write_str(self.0)
                }
            }
        }
    }
}

fn record_struct(table: &Table, names: &RecordNames, spec: &Spec, serde: &Serde) -> TokenStream {
    let name = ident(&names.record);
    let code_enum = ident(&table.name);
    let object = ident(&names.object);
    let reason = ident(&names.reason);
    let code = runtime("Code");
    let object_display = match spec.not_applicable.is_empty() {
        true => quote!(write!(f, " on {}", self.object)?;),
        false => quote! {
            if !matches!(self.object, #object::NotApplicable(_)) {
                write!(f, " on {}", self.object)?;
            }
        },
    };
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
        format!(
            "One row of the bill, decoded: a code of [`{}`] with its object and reason.",
            table.name
        ),
        String::new(),
        "Nothing is lost: an unknown code keeps its number and [`encode`](Self::encode) gives back the exact input. Only [`decode`](Self::decode) makes one, so the three always agree.".to_string(),
    ]);
    quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #serialize_attr
        pub struct #name<'a> {
            code: #code<#code_enum>,
            object: #object<'a>,
            reason: #reason,
        }

        impl<'a> #name<'a> {
            /// Decodes the three columns of a bill row.
            pub fn decode(code: i32, object: &'a str, reason: i32) -> Self {
                let code = #code::<#code_enum>::from_code(code);
                match code {
                    #code::Known(operation) => Self {
                        code,
                        object: #object::decode(operation.object_kind(), object),
                        reason: #reason::decode(operation, reason),
                    },
                    #code::Unknown(_) => Self {
                        code,
                        object: #object::decode(None, object),
                        reason: #reason::unlisted(reason),
                    },
                }
            }

            /// The operation, or its number if the table does not list it.
            pub const fn code(&self) -> #code<#code_enum> {
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
                    #code::Known(operation) => write!(f, "{operation} ({}: {})", operation.code(), operation.description())?,
                    #code::Unknown(unknown) => write!(f, "unknown operation {}", unknown.code())?,
                }
                #object_display
                write!(f, ", reason {}", self.reason)
            }
        }

        #deserialize
    }
}

/// The spec's "not applicable" markers as an enum like a table's own.
fn not_applicable(spec: &Spec, serde: &Serde) -> TokenStream {
    let variants: Vec<Variant<'_>> = spec
        .not_applicable
        .iter()
        .map(|marker| Variant {
            ident: ident(&marker.name),
            code: marker.code,
            name: &marker.name,
        })
        .collect();
    let definitions = spec
        .not_applicable
        .iter()
        .zip(&variants)
        .map(|(marker, variant)| {
            let doc = doc(&[format!(
                "`{}`: {}",
                marker.code,
                docs::escape(&marker.description)
            )]);
            let (ident, value) = (&variant.ident, code(variant.code));
            quote!(#doc #ident = #value,)
        });
    let methods = fieldless_methods(&variants, listed_from_code(&variants));
    let idents: Vec<&Ident> = variants.iter().map(|variant| &variant.ident).collect();
    let descriptions = spec
        .not_applicable
        .iter()
        .map(|marker| marker.description.as_str());
    let texts: Vec<String> = spec
        .not_applicable
        .iter()
        .map(|marker| marker.code.to_string())
        .collect();
    let serde_attr = serde.as_code(true);
    let traits = enumerable_traits("NotApplicable", quote!(Some(self.description())));
    quote! {
        /// The vendor's ways of writing "not applicable" in a code column.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #serde_attr
        #[repr(i32)]
        #[non_exhaustive]
        pub enum NotApplicable {
            #(#definitions)*
        }

        impl NotApplicable {
            #methods

            /// What the vendor calls it, and where.
            pub const fn description(self) -> &'static str {
                match self {
                    #(Self::#idents => #descriptions,)*
                }
            }

            /// The marker as text, in a text column such as the object's.
            pub const fn text(self) -> &'static str {
                match self {
                    #(Self::#idents => #texts,)*
                }
            }

            /// The marker whose text is exactly `text`.
            pub fn from_text(text: &str) -> Option<Self> {
                match text {
                    #(#texts => Some(Self::#idents),)*
                    _ => None,
                }
            }
        }

        #traits
    }
}
