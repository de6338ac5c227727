//! A table's code enum: the type with a variant per row, its docs, and the
//! inherent methods every table has.

use super::*;

pub(super) fn table(out: &mut Writer, cx: &Context<'_>, table: &Table) {
    code_enum(out, cx, table);
    out.blank();
    code_enum_impl(out, table);
    out.blank();
    debug_by_name(out, &table.name);
    out.blank();
    if table.kind == CodeKind::Text {
        text_code_traits(out, cx, table);
        return;
    }
    let codes = table.rows.iter().map(|row| row.code.to_string());
    enumerable_traits(
        out,
        &table.name,
        Texts::TABLE,
        IntoI32::From,
        Nth::Code(codes.collect()),
    );
    code_serde(out, cx, &table.name);
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

pub(super) fn code_enum(out: &mut Writer, cx: &Context<'_>, table: &Table) {
    let source = &cx.spec.source;
    let page = table.page();
    let title = match &page.caption {
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
    // The vendor's title is the summary, unless the spec says what the
    // codes are in other words: then the title is provenance.
    let mut lines = match &table.summary {
        Some(summary) => vec![
            sentence(&docs::escape(summary)),
            String::new(),
            format!("The vendor's title: {title}"),
        ],
        None => vec![title],
    };
    lines.extend([
        String::new(),
        format!(
            "Transcribed from {} {}, {}: {}.{discriminants}",
            docs::escape(&source.vendor),
            docs::escape(&source.product),
            docs::escape(&source.document),
            and_list(&pages),
        ),
    ]);
    if let Some(row) = table.rows.first() {
        let example = match &row.code {
            RowCode::Integer(code) => code.to_string(),
            RowCode::Text(code) => format!("\"{code}\""),
        };
        lines.extend(code_shape(cx, &example));
    }
    out.doc(&lines);
    // `Debug` is written by `debug_by_name`, not derived.
    match table.kind {
        CodeKind::Integer => cx.attributes(
            out,
            &table.name,
            Shape::CodeEnum,
            "Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord",
            &["#[repr(i32)]", "#[non_exhaustive]"],
        ),
        CodeKind::Text => cx.attributes(
            out,
            &table.name,
            Shape::Enum,
            "Clone, Copy, PartialEq, Eq, Hash",
            &["#[non_exhaustive]"],
        ),
    }
    out.open(format_args!("pub enum {}", table.name));
    for row in &table.rows {
        out.doc(&row_doc(cx, table, row));
        cx.variant_attributes(out, &table.name, &row.name);
        match &row.code {
            RowCode::Integer(code) => out.line(format_args!("{} = {code},", row.name)),
            RowCode::Text(_) => out.line(format_args!("{},", row.name)),
        }
    }
    out.close();
}

/// The doc of one row's variant: code, text, object kind, reasons, notes.
pub(super) fn row_doc(cx: &Context<'_>, table: &Table, row: &Row) -> Vec<String> {
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
    if let Some(names) = &table.record {
        lines.extend(record_doc(cx, table, names, row));
    }
    // The notes in English, or in Chinese where the vendor gives no English.
    let notes = match row.notes.is_empty() {
        true => &row.notes_zh,
        false => &row.notes,
    };
    for note in notes {
        lines.push(String::new());
        lines.push(format!("Note: {}", docs::escape(note)));
    }
    lines
}

/// The doc lines of a row's object and reasons, in a table with a record.
fn record_doc(cx: &Context<'_>, table: &Table, names: &RecordNames, row: &Row) -> Vec<String> {
    let none = cx.markers.none_code();
    let mut lines = vec![String::new()];
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
        return lines;
    }
    lines.push(format!("Reasons ([`{}`]):", names.row_reason(row)));
    lines.extend(
        row.reasons
            .iter()
            .map(|reason| match reason.description.primary() {
                Some(text) => format!("- `{}`: {}", reason.codes, docs::escape(text)),
                None => format!("- `{}`", reason.codes),
            }),
    );
    lines
}

pub(super) fn code_enum_impl(out: &mut Writer, table: &Table) {
    out.open(format_args!("impl {}", table.name));
    // The type's name, not `Self`, in bodies with a path per row: rustc
    // finds the variant of `Self::Name` by a search of the variants, so a
    // body with one per row costs time quadratic in the rows (`ALL` of
    // 20,000 rows: 1.5 s, against 0.4 s named).
    let name = &table.name;
    all_and_count(
        out,
        &each(&table.rows, &|row| format!("{name}::{}", row.name)),
    );
    out.blank();
    match table.kind {
        CodeKind::Integer => {
            out.line("/// The vendor code.");
            out.function("pub const fn code(self) -> i32");
            out.line("self as i32");
            out.close();
            out.blank();
            let variants: Vec<Variant<'_>> = table
                .rows
                .iter()
                .map(|row| Variant {
                    code: row.code.integer().expect("an integer table"),
                    name: &row.name,
                })
                .collect();
            listed_from_code(out, name, &variants);
        }
        CodeKind::Text => text_code_methods(out, table),
    }
    out.blank();
    position_method(out, table);
    out.blank();
    name_methods(out, table);
    out.blank();
    description_methods(out, table);
    out.blank();
    notes_methods(out, table);
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

/// `ALL` and `COUNT` of a fieldless enum whose variants are `all`
/// (`Self::Busy`, …).
fn all_and_count(out: &mut Writer, all: &[String]) {
    out.line("/// Every variant, in vendor order.");
    out.list(
        &format!("pub const ALL: [Self; {}] = [", all.len()),
        all,
        ";",
    );
    out.blank();
    // A literal: `Self::ALL.len()` would evaluate `ALL` once more, which
    // costs rustc time quadratic in the variants where they are vendor codes.
    out.line("/// The number of variants.");
    out.line(format_args!("pub const COUNT: usize = {};", all.len()));
}

/// `name` and `from_name` of a table's code enum.
fn name_methods(out: &mut Writer, table: &Table) {
    let names = each(&table.rows, &|row| string(&row.name));
    out.line("/// The Rust name, as [`from_name`](Self::from_name) reads it.");
    out.function("pub const fn name(self) -> &'static str");
    indexed(out, "NAMES", "&str", &names);
    out.close();
    out.blank();
    let entries: Vec<(&str, &str)> = table
        .rows
        .iter()
        .map(|row| (row.name.as_str(), row.name.as_str()))
        .collect();
    out.line("/// The variant whose Rust name is exactly `name`.");
    // Always inlined, as strum's `EnumString` is in effect: with `FromStr`
    // calling it too, a plain `#[inline]` left it a call (BENCHMARKS.md,
    // figure 2).
    out.function_always_inlined("pub fn from_name(name: &str) -> Option<Self>");
    text_lookup(out, "name", "name", &entries);
    out.close();
}

/// `description` and `description_in` of a table's code enum: the vendor's
/// texts, or the codes where the vendor lists them alone.
fn description_methods(out: &mut Writer, table: &Table) {
    let codes_alone = table
        .rows
        .iter()
        .all(|row| matches!(row.code, RowCode::Text(_)) && row.description.is_empty());
    if codes_alone {
        // No text to read: each code is its own description.
        out.line("/// The vendor lists the codes alone: a code is its own description.");
        out.function("pub const fn description(self) -> &'static str");
        out.line("self.code()");
        out.close();
        out.blank();
        out.line("/// The same whatever the language: the code.");
        out.function(format_args!(
            "pub const fn description_in(self, lang: {LANG}) -> &'static str"
        ));
        out.line("let _ = lang;");
        out.line("self.code()");
        out.close();
        return;
    }
    let texts: Vec<Text> = table
        .rows
        .iter()
        .map(|row| match (&row.code, row.description.is_empty()) {
            // A text code the vendor lists alone is its own description.
            (RowCode::Text(code), true) => Text::en(code.clone()),
            _ => row.description.clone(),
        })
        .collect();
    let primary = each(&texts, &|text| string(text.primary().unwrap_or_default()));
    out.line("/// The vendor's description, byte for byte: in English, or in Chinese where the vendor gives no English.");
    out.function("pub const fn description(self) -> &'static str");
    indexed(out, "DESCRIPTIONS", "&str", &primary);
    out.close();
    out.blank();
    out.line("/// The same in `lang`, or in the other language where the vendor");
    out.line("/// gives none in `lang`.");
    out.function(format_args!(
        "pub const fn description_in(self, lang: {LANG}) -> &'static str"
    ));
    if texts.iter().any(|text| text[Lang::Zh].is_some()) {
        let chinese = each(&texts, &|text| {
            string(
                text[Lang::Zh]
                    .as_deref()
                    .or(text.primary())
                    .unwrap_or_default(),
            )
        });
        row_table(out, "CHINESE", "&str", &chinese);
        out.open("match lang");
        out.line(format_args!("{LANG}::Zh => CHINESE[self.position()],"));
        out.line("_ => self.description(),");
        out.close();
    } else {
        out.line("let _ = lang;");
        out.line("self.description()");
    }
    out.close();
}

/// `code` and `from_code` of an enum whose codes are text.
pub(super) fn text_code_methods(out: &mut Writer, table: &Table) {
    let codes = each(&table.rows, &|row| string(&row.code.to_string()));
    out.line("/// The vendor code: the text of the bill's column.");
    out.function("pub const fn code(self) -> &'static str");
    indexed(out, "CODES", "&str", &codes);
    out.close();
    out.blank();
    out.line("/// The variant whose vendor code is exactly `code`, byte for byte.");
    let codes = each(&table.rows, &|row| row.code.to_string());
    let entries: Vec<(&str, &str)> = codes
        .iter()
        .zip(&table.rows)
        .map(|(code, row)| (code.as_str(), row.name.as_str()))
        .collect();
    out.function("pub fn from_code(code: &str) -> Option<Self>");
    text_lookup(out, "code", "code", &entries);
    out.close();
}

/// `constant` and `from_constant`: the vendor's constant names, which
/// every row has where one has.
pub(super) fn constant_methods(out: &mut Writer, table: &Table) {
    let constants = each(&table.rows, &|row| {
        string(row.constant.as_deref().unwrap_or_default())
    });
    out.line("/// The vendor's constant name, such as `AGENT_TYPE_EXTENSION`.");
    out.function("pub const fn constant(self) -> &'static str");
    indexed(out, "CONSTANTS", "&str", &constants);
    out.close();
    out.blank();
    out.line("/// The variant whose vendor constant name is exactly `constant`.");
    let entries: Vec<(&str, &str)> = table
        .rows
        .iter()
        .map(|row| {
            (
                row.constant.as_deref().unwrap_or_default(),
                row.name.as_str(),
            )
        })
        .collect();
    out.function("pub fn from_constant(constant: &str) -> Option<Self>");
    text_lookup(out, "constant", "constant", &entries);
    out.close();
}

/// One variant of a fieldless code enum, as its methods need it.
pub(super) struct Variant<'a> {
    pub(super) code: i32,
    pub(super) name: &'a str,
}

/// `ALL`, `COUNT`, `code`, `from_code`, `name` and `from_name` of a small
/// fieldless enum whose discriminants are its codes (a row's reasons, the
/// markers), each a `match`; `from_code` is written by `from_code`.
pub(super) fn fieldless_methods(
    out: &mut Writer,
    variants: &[Variant<'_>],
    from_code: impl FnOnce(&mut Writer),
) {
    all_and_count(
        out,
        &each(variants, &|variant| format!("Self::{}", variant.name)),
    );
    out.blank();
    out.line("/// The vendor code.");
    out.function("pub const fn code(self) -> i32");
    out.line("self as i32");
    out.close();
    out.blank();
    from_code(out);
    out.blank();
    out.line("/// The Rust name, as [`from_name`](Self::from_name) reads it.");
    out.function("pub const fn name(self) -> &'static str");
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
    out.function("pub fn from_name(name: &str) -> Option<Self>");
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

/// `from_code` of the fieldless enum `name`: one arm per variant.
pub(super) fn listed_from_code(out: &mut Writer, name: &str, variants: &[Variant<'_>]) {
    out.line("/// The variant with vendor code `code`, if the table lists it.");
    let arms = variants
        .iter()
        .map(|variant| (variant.code, format!("Some({name}::{})", variant.name)));
    let lookup = IntegerMatch {
        head: "pub const fn",
        name: "from_code",
        params: "code: i32",
        returns: "Option<Self>",
        key: "code",
        otherwise: "None",
    };
    lookup.write(out, arms.collect());
}
