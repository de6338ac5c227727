//! Stage 2: the raw spec to the model, reporting every mistake at once.
//!
//! Each check names the spec entry it is about and points at the exact value;
//! duplicates point at both entries.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use crate::decoding::{self, Conflict, Decoding, Outcome};
use crate::diagnostic::{self, Code, Diagnostic};
use crate::ident;
use crate::model::{
    CodeKind, Marker, ObjectKind, Page, Reason, ReasonCodes, RecordNames, Reserved, Row, RowCode,
    Source, Spec, Table, Text,
};
use crate::parse::{
    RawCode, RawMarker, RawObjectKind, RawPage, RawReason, RawReserved, RawRow, RawSource, RawSpec,
    RawTable,
};
use crate::schema::{self, Key, Localized};

/// Types the generated file defines whatever the spec names: the enum of the
/// spec's "not applicable" markers, and the type of the codes reasons carry.
/// (The fixed types, such as `Code`, live in `codes_runtime` and are
/// referred to by path, so no name clashes with them.)
pub const SUPPORT_ITEMS: &[&str] = &["NotApplicable", "CarriedCode"];

/// Prelude names the generated code uses unqualified: a type of that name
/// would hide them.
const PRELUDE_TYPES: &[&str] = &["Option", "Result", "From", "TryFrom", "Into", "Copy"];

/// Variants the generator adds to every reason enum and object enum.
const REASON_BUILTINS: &[&str] = &["NotApplicable", "Unlisted"];
const OBJECT_BUILTINS: &[&str] = &["NotApplicable", "Other"];

/// Associated constants of the code enums and object kind enums, which a
/// variant of the same name would make unreachable.
const CODE_CONSTANTS: &[&str] = &["ALL", "COUNT"];
const OBJECT_KIND_CONSTANTS: &[&str] = &["ALL"];

/// Rust keywords a snake_case module name could spell; the payload types of
/// an enum live in a module named after it (`Reason` → `reason`).
const MODULE_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Validates a raw spec read from `text`.
pub fn validate(raw: &RawSpec, text: &str) -> Result<Spec, Vec<Diagnostic>> {
    let mut validator = Validator {
        text,
        diagnostics: Vec::new(),
        type_names: Names::new("type"),
    };
    for item in SUPPORT_ITEMS {
        validator.type_names.builtin(item);
    }
    for name in PRELUDE_TYPES {
        validator.type_names.reserve(
            name,
            format!("would hide the prelude's `{name}`, which the generated code uses"),
        );
    }
    let source = validator.source(raw.source.as_ref());
    let not_applicable = validator.markers(&raw.not_applicable);
    if raw.table.is_empty() {
        validator.error(Diagnostic::new(
            Code::Missing,
            "the spec has no tables",
            0..0,
            "expected at least one [[table]]",
        ));
    }
    let tables = raw
        .table
        .iter()
        .filter_map(|table| validator.table(table, &not_applicable))
        .collect();
    if validator.diagnostics.is_empty() {
        Ok(Spec {
            source,
            not_applicable,
            tables,
        })
    } else {
        diagnostic::sort_in_text_order(&mut validator.diagnostics);
        Err(validator.diagnostics)
    }
}

struct Validator<'a> {
    text: &'a str,
    diagnostics: Vec<Diagnostic>,
    /// Every generated type name, across tables.
    type_names: Names,
}

impl Validator<'_> {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// The first line of a span: a table's span covers all its keys, and a
    /// caret under one line reads better than a bracket around fifty.
    fn head(&self, span: Range<usize>) -> Range<usize> {
        let start = span.start.min(self.text.len());
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        start..span.end.min(line_end).max(start)
    }

    fn required<'s>(
        &mut self,
        value: &'s Option<Spanned<String>>,
        key: &str,
        entry: &str,
        parent: Range<usize>,
    ) -> Option<&'s Spanned<String>> {
        match value {
            None => {
                let head = self.head(parent);
                self.error(Diagnostic::new(
                    Code::Missing,
                    format!("{entry} has no `{key}`"),
                    head,
                    format!("`{key}` missing here"),
                ));
                None
            }
            Some(value) => Some(value),
        }
    }

    /// A required piece of vendor text: present and not blank.
    fn text(
        &mut self,
        value: &Option<Spanned<String>>,
        key: &str,
        entry: &str,
        parent: Range<usize>,
    ) -> String {
        match self.required(value, key, entry, parent) {
            Some(value) => self.non_blank(value, key, entry),
            None => String::new(),
        }
    }

    /// A vendor text in English (`key`) and Chinese (`key_zh`), each
    /// non-blank where given; with `required` (the entry's span), at least
    /// one of them.
    fn texts(
        &mut self,
        en: &Option<Spanned<String>>,
        zh: &Option<Spanned<String>>,
        keys: Localized,
        entry: &str,
        required: Option<Range<usize>>,
    ) -> Text {
        let text = Text::new(
            en.as_ref()
                .map(|text| self.non_blank(text, keys.en.name, entry)),
            zh.as_ref()
                .map(|text| self.non_blank(text, keys.zh.name, entry)),
        );
        if let (Some(span), true) = (required, text.is_empty()) {
            let head = self.head(span);
            let (key, key_zh) = (keys.en.name, keys.zh.name);
            self.error(Diagnostic::new(
                Code::Missing,
                format!("{entry} has no `{key}`"),
                head,
                format!("`{key}` (or `{key_zh}`) missing here"),
            ));
        }
        text
    }

    fn non_blank(&mut self, value: &Spanned<String>, key: &str, entry: &str) -> String {
        if value.get_ref().trim().is_empty() {
            self.error(Diagnostic::new(
                Code::Empty,
                format!("empty `{key}` in {entry}"),
                value.span(),
                "expected text",
            ));
        }
        value.get_ref().clone()
    }

    /// Texts of a list, none blank.
    fn non_blank_each(
        &mut self,
        values: &[Spanned<String>],
        key: &str,
        entry: &str,
    ) -> Vec<String> {
        let mut texts = Vec::with_capacity(values.len());
        for value in values {
            texts.push(self.non_blank(value, key, entry));
        }
        texts
    }

    /// Free sentences, none blank.
    fn notes(
        &mut self,
        notes: &Option<Spanned<Vec<Spanned<String>>>>,
        key: &Key,
        entry: &str,
    ) -> Vec<String> {
        match notes {
            Some(notes) => self.non_blank_each(notes.get_ref(), key.name, entry),
            None => Vec::new(),
        }
    }

    /// A Rust name: present and a valid UpperCamelCase identifier.
    fn name(
        &mut self,
        value: &Option<Spanned<String>>,
        entry: &str,
        parent: Range<usize>,
    ) -> Option<Spanned<String>> {
        self.rust_name(value, schema::row::NAME.name, entry, parent)
    }

    fn rust_name(
        &mut self,
        value: &Option<Spanned<String>>,
        key: &str,
        entry: &str,
        parent: Range<usize>,
    ) -> Option<Spanned<String>> {
        let value = self.required(value, key, entry, parent)?;
        match ident::check(value.get_ref()) {
            Ok(()) => Some(value.clone()),
            Err(bad) => {
                let mut diagnostic = Diagnostic::new(
                    Code::Name,
                    format!("invalid Rust name in {entry}: {}", bad.message),
                    value.span(),
                    "expected an UpperCamelCase identifier",
                );
                if let Some(help) = bad.help {
                    diagnostic = diagnostic.help(help);
                }
                self.error(diagnostic);
                None
            }
        }
    }

    fn code(&mut self, value: &Spanned<i64>, entry: &str) -> Option<i32> {
        match i32::try_from(*value.get_ref()) {
            Ok(code) => Some(code),
            Err(_) => {
                self.error(Diagnostic::new(
                    Code::OutOfRange,
                    format!("code {} in {entry} does not fit in i32", value.get_ref()),
                    value.span(),
                    format!("expected a code from {} to {}", i32::MIN, i32::MAX),
                ));
                None
            }
        }
    }

    fn source(&mut self, raw: Option<&Spanned<RawSource>>) -> Source {
        let Some(raw) = raw else {
            self.error(Diagnostic::new(
                Code::Missing,
                "the spec has no [source]",
                0..0,
                "expected a [source] table with vendor, product and document",
            ));
            return Source::default();
        };
        let span = raw.span();
        let RawSource {
            vendor,
            product,
            document,
            site,
            site_zh,
        } = raw.get_ref();
        for value in [site, site_zh].into_iter().flatten() {
            if let Err(why) = check_site(value.get_ref()) {
                self.error(
                    Diagnostic::new(
                        Code::Site, format!("site {:?} of [source] {why}", value.get_ref()),
                        value.span(),
                        "expected the base URL of the vendor's pages",
                    )
                    .help("an https:// URL ending in `/`, such as \"https://support.huaweicloud.com/intl/en-us/api-cec/\"; http:// only on a loopback host, for tests"),
                );
            }
        }
        let sites = self.texts(site, site_zh, schema::source::SITES, "[source]", None);
        Source {
            vendor: self.text(
                vendor,
                schema::source::VENDOR.name,
                "[source]",
                span.clone(),
            ),
            product: self.text(
                product,
                schema::source::PRODUCT.name,
                "[source]",
                span.clone(),
            ),
            document: self.text(document, schema::source::DOCUMENT.name, "[source]", span),
            sites,
        }
    }

    /// The spec's "not applicable" markers: codes and names unique.
    fn markers(&mut self, raw: &[Spanned<RawMarker>]) -> Vec<Marker> {
        let mut names = Names::new("marker");
        for constant in CODE_CONSTANTS {
            names.reserve(
                constant,
                format!("clashes with the generated constant `{constant}` of the enum"),
            );
        }
        let mut codes = FirstGiven::default();
        let mut markers = Vec::new();
        for marker in raw {
            let span = marker.span();
            let RawMarker {
                code,
                name,
                description,
            } = marker.get_ref();
            let entry = match code {
                Some(code) => format!("[[not_applicable]] {}", code.get_ref()),
                None => "[[not_applicable]]".to_string(),
            };
            let code = match code {
                Some(code) => self.code(code, &entry).map(|value| (value, code.span())),
                None => {
                    let head = self.head(span.clone());
                    self.error(Diagnostic::new(
                        Code::Missing,
                        format!("{entry} has no `code`"),
                        head,
                        "`code` missing here",
                    ));
                    None
                }
            };
            if let Some((value, span)) = &code
                && let Some(first) = codes.first(value.to_string(), span)
            {
                self.error(
                    Diagnostic::new(
                        Code::Duplicate,
                        format!("duplicate \"not applicable\" code {value}"),
                        span.clone(),
                        "defined again here",
                    )
                    .related(first, "first defined here"),
                );
            }
            let name = self.name(name, &entry, span.clone());
            if let Some(name) = &name {
                names.define(name, &entry, &mut self.diagnostics);
            }
            let description =
                self.text(description, schema::marker::DESCRIPTION.name, &entry, span);
            if let (Some((code, _)), Some(name)) = (code, name) {
                markers.push(Marker {
                    code,
                    name: name.into_inner(),
                    description,
                });
            }
        }
        markers
    }

    /// An enum name whose payload types get a module of its snake_case name,
    /// which must not be a keyword.
    fn module_name(&mut self, name: &Spanned<String>, entry: &str) {
        let module = ident::snake_case(name.get_ref());
        if MODULE_KEYWORDS.contains(&module.as_str()) {
            self.error(
                Diagnostic::new(
                    Code::Name, format!(
                        "name `{}` in {entry} would name the module of its payload types `{module}`, a Rust keyword",
                        name.get_ref()
                    ),
                    name.span(),
                    "a module is named after this",
                )
                .help("choose a name of two words or more"),
            );
        }
    }

    fn table(&mut self, raw: &Spanned<RawTable>, markers: &[Marker]) -> Option<Table> {
        let span = raw.span();
        let table = raw.get_ref();
        let entry = match &table.name {
            Some(name) => format!("table {}", name.get_ref()),
            None => "[[table]]".to_string(),
        };
        let name = self.name(&table.name, &entry, span.clone());
        if let Some(name) = &name {
            self.type_names.define(name, &entry, &mut self.diagnostics);
        }
        let kind = self.code_kind(table);
        let en =
            (!table.page.is_empty()).then(|| self.page(&table.page, kind, &entry, span.clone()));
        let zh = table.zh.as_ref().map(|zh| {
            let entry = format!("[table.zh] of {entry}");
            self.page(zh.get_ref(), kind, &entry, zh.span())
        });
        if en.is_none() && zh.is_none() {
            let head = self.head(span.clone());
            self.error(
                Diagnostic::new(Code::Missing, format!("{entry} has no page"), head, "no `title`, `page` or `columns` here")
                    .help("give the English page's `title`, `page` and `columns`, or a [table.zh] with the Chinese page's"),
            );
        }
        let record = self.record_names(table, &entry, span.clone());
        let object_kinds = self.object_kinds(&table.object_kind, &entry);
        if record.is_none()
            && (!object_kinds.is_empty()
                || table.row.iter().any(|row| !row.get_ref().reason.is_empty()))
        {
            let head = self.head(span.clone());
            self.error(
                Diagnostic::new(Code::Record, format!("{entry} has objects or reasons but no `record`, `object` and `reason` names"), head, "names missing here")
                    .help("add record = \"Operation\", object = \"Object\" and reason = \"Reason\" (names of your choice)"),
            );
        }
        if table.row.is_empty() {
            let head = self.head(span.clone());
            self.error(Diagnostic::new(
                Code::Missing,
                format!("{entry} has no rows"),
                head,
                "expected at least one [[table.row]]",
            ));
        }
        if kind == CodeKind::Text {
            self.text_table_extras(table, &entry);
        }
        let reserved = self.reserved(table, kind, &entry);
        let mut codes = FirstGiven::default();
        let mut row_names = Names::new("row name");
        for constant in CODE_CONSTANTS {
            row_names.reserve(
                constant,
                format!("clashes with the generated constant `{constant}` of the enum"),
            );
        }
        let mut reason_variants = Names::new("reason variant");
        for builtin in REASON_BUILTINS {
            reason_variants.builtin(builtin);
        }
        let mut rows = Vec::new();
        for raw_row in &table.row {
            let scope = RowScope {
                table_entry: &entry,
                kind,
                raw_kinds: &table.object_kind,
                kinds: &object_kinds,
                markers,
                reserved: &reserved,
            };
            let row = self.row(raw_row, &scope, &mut codes, &mut row_names);
            let Some(row) = row else { continue };
            if let (Some(record), false) = (&record, row.reasons.is_empty()) {
                let row_name = raw_row
                    .get_ref()
                    .name
                    .as_ref()
                    .expect("validated rows have names");
                let row_entry = format!("row {} of {entry}", row.name);
                reason_variants.define(row_name, &row_entry, &mut self.diagnostics);
                let reason_enum = Spanned::new(row_name.span(), record.row_reason(&row));
                let how = format!(
                    "`{}`, the reason enum of row {}",
                    reason_enum.get_ref(),
                    row.name
                );
                self.type_names.define_as(
                    &reason_enum,
                    Some(how),
                    &row_entry,
                    &mut self.diagnostics,
                );
            }
            rows.push(row);
        }
        self.constants(&table.row, &rows, &entry);
        let summary = table
            .summary
            .as_ref()
            .map(|summary| self.non_blank(summary, schema::table::SUMMARY.name, &entry));
        Some(Table {
            name: name?.into_inner(),
            kind,
            summary,
            en: en.flatten(),
            zh: zh.flatten(),
            record,
            object_kinds,
            rows,
            reserved: reserved.into_iter().map(|(reserved, _)| reserved).collect(),
        })
    }

    /// `key = "integer"` (the default) or `key = "text"`.
    fn code_kind(&mut self, table: &RawTable) -> CodeKind {
        match table
            .key
            .as_ref()
            .map(|key| (key.get_ref().as_str(), key.span()))
        {
            None | Some(("integer", _)) => CodeKind::Integer,
            Some(("text", _)) => CodeKind::Text,
            Some((other, span)) => {
                self.error(Diagnostic::new(
                    Code::UnknownValue,
                    format!("unknown key kind {other:?}"),
                    span,
                    "expected \"integer\" or \"text\"",
                ));
                CodeKind::Integer
            }
        }
    }

    /// A text-keyed table has codes and descriptions only: reasons and
    /// objects are numeric columns of the operation table.
    fn text_table_extras(&mut self, table: &RawTable, entry: &str) {
        let extras = [
            table.record.as_ref().map(Spanned::span),
            table.object_kind.first().map(Spanned::span),
            table
                .row
                .iter()
                .find_map(|row| row.get_ref().reason.first().map(Spanned::span)),
        ];
        if let Some(span) = extras.into_iter().flatten().next() {
            let head = self.head(span);
            self.error(
                Diagnostic::new(
                    Code::CodeKind,
                    format!("{entry} has text codes and objects or reasons"),
                    head,
                    "not in a text-keyed table",
                )
                .help("objects and reasons decode numeric bill columns: use `key = \"integer\"`"),
            );
        }
    }

    /// One language's page: `title`, `page` and `columns` required,
    /// `subtitle`, `caption` and `updated` optional.
    fn page(
        &mut self,
        raw: &RawPage,
        kind: CodeKind,
        entry: &str,
        span: Range<usize>,
    ) -> Option<Page> {
        let title = self
            .required(&raw.title, schema::page::TITLE.name, entry, span.clone())
            .cloned();
        let page = self
            .required(&raw.page, schema::page::PAGE.name, entry, span.clone())
            .cloned();
        let columns = self.required_columns(raw, kind, entry, span);
        let optional = |this: &mut Self, value: &Option<Spanned<String>>, key: &str| {
            value
                .as_ref()
                .map(|value| this.non_blank(value, key, entry))
        };
        let subtitle = optional(self, &raw.subtitle, schema::page::SUBTITLE.name);
        let caption = optional(self, &raw.caption, schema::page::CAPTION.name);
        let updated = optional(self, &raw.updated, schema::page::UPDATED.name);
        Some(Page {
            title: self.non_blank(&title?, schema::page::TITLE.name, entry),
            subtitle,
            caption,
            page: self.non_blank(&page?, schema::page::PAGE.name, entry),
            updated,
            columns: columns?,
            notes: self.notes(&raw.notes, &schema::page::NOTES, entry),
        })
    }

    /// The table's reserved codes and names, each with where it is.
    fn reserved(
        &mut self,
        table: &RawTable,
        kind: CodeKind,
        entry: &str,
    ) -> Vec<(Reserved, Range<usize>)> {
        let mut reserved: Vec<(Reserved, Range<usize>)> = Vec::new();
        for raw in &table.reserved {
            let RawReserved { code, name, note } = raw.get_ref();
            let reserved_entry = format!("a reserved code of {entry}");
            let Some(code) = code else {
                let head = self.head(raw.span());
                self.error(Diagnostic::new(
                    Code::Missing,
                    format!("{reserved_entry} has no `code`"),
                    head,
                    "`code` missing here",
                ));
                continue;
            };
            let Some(value) = self.row_code(code, kind, &reserved_entry) else {
                continue;
            };
            if let Some((_, first)) = reserved.iter().find(|(other, _)| other.code == value) {
                self.error(
                    Diagnostic::new(
                        Code::Reserved,
                        format!("code {value} is reserved twice in {entry}"),
                        code.span(),
                        "reserved again here",
                    )
                    .related(first.clone(), "first reserved here"),
                );
                continue;
            }
            let name = name
                .as_ref()
                .and_then(|name| match ident::check(name.get_ref()) {
                    Ok(()) => Some(name.get_ref().clone()),
                    Err(bad) => {
                        self.error(Diagnostic::new(
                            Code::Name,
                            format!("invalid Rust name in {reserved_entry}: {}", bad.message),
                            name.span(),
                            "expected the UpperCamelCase name the removed row had",
                        ));
                        None
                    }
                });
            let note = note
                .as_ref()
                .map(|note| self.non_blank(note, schema::reserved::NOTE.name, &reserved_entry));
            reserved.push((
                Reserved {
                    code: value,
                    name,
                    note,
                },
                code.span(),
            ));
        }
        reserved
    }

    /// The vendor's constant names: every row has one or none does, and no
    /// two rows share one.
    fn constants(&mut self, raw: &[Spanned<RawRow>], rows: &[Row], entry: &str) {
        let with: Vec<&Spanned<RawRow>> = raw
            .iter()
            .filter(|row| row.get_ref().constant.is_some())
            .collect();
        if with.is_empty() {
            return;
        }
        for row in raw.iter().filter(|row| row.get_ref().constant.is_none()) {
            let head = self.head(row.span());
            self.error(
                Diagnostic::new(
                    Code::Missing,
                    format!("a row of {entry} has no `constant`, though other rows have one"),
                    head,
                    "`constant` missing here",
                )
                .help("give every row the vendor's constant name, or none"),
            );
        }
        let mut seen = FirstGiven::default();
        for row in with {
            let constant = row.get_ref().constant.as_ref().expect("filtered");
            if let Some(first) = seen.first(constant.get_ref().clone(), &constant.span()) {
                self.error(
                    Diagnostic::new(
                        Code::Duplicate,
                        format!("duplicate constant `{}` in {entry}", constant.get_ref()),
                        constant.span(),
                        "given again here",
                    )
                    .related(first, "first given here"),
                );
            }
        }
        let _ = rows;
    }

    /// A row or reserved `code` of the table's kind: an `i32`, or a
    /// non-empty text.
    fn row_code(
        &mut self,
        code: &Spanned<RawCode>,
        kind: CodeKind,
        entry: &str,
    ) -> Option<RowCode> {
        match (code.get_ref(), kind) {
            (RawCode::Integer(number), CodeKind::Integer) => self
                .code(&Spanned::new(code.span(), *number), entry)
                .map(RowCode::Integer),
            (RawCode::Text(text), CodeKind::Text) if !text.is_empty() => {
                Some(RowCode::Text(text.clone()))
            }
            (RawCode::Text(_), CodeKind::Text) => {
                self.error(Diagnostic::new(
                    Code::Empty,
                    format!("empty `code` in {entry}"),
                    code.span(),
                    "expected the vendor's text",
                ));
                None
            }
            (RawCode::Text(text), CodeKind::Integer) => {
                self.error(
                    Diagnostic::new(
                        Code::CodeKind,
                        format!("code {text:?} in {entry} is text, in a table of integer codes"),
                        code.span(),
                        "expected an integer",
                    )
                    .help("a table whose codes are text says `key = \"text\"`"),
                );
                None
            }
            (RawCode::Integer(number), CodeKind::Text) => {
                self.error(Diagnostic::new(
                    Code::CodeKind,
                    format!("code {number} in {entry} is a number, in a table of text codes"),
                    code.span(),
                    "expected a string",
                ));
                None
            }
        }
    }

    fn required_columns(
        &mut self,
        table: &RawPage,
        kind: CodeKind,
        entry: &str,
        span: Range<usize>,
    ) -> Option<Vec<String>> {
        let Some(columns) = &table.columns else {
            let head = self.head(span);
            self.error(Diagnostic::new(
                Code::Missing,
                format!("{entry} has no `columns`"),
                head,
                "`columns` missing here",
            ));
            return None;
        };
        // A numbered table's page has at least the code and its meaning; a
        // text-keyed page may be a bare list of the values.
        let (least, expected) = match kind {
            CodeKind::Integer => (
                2,
                "expected the vendor's headers, at least code and description",
            ),
            CodeKind::Text => (1, "expected the vendor's headers, at least the code's"),
        };
        if columns.get_ref().len() < least {
            self.error(Diagnostic::new(
                Code::Columns,
                format!("{entry} has {} column header(s)", columns.get_ref().len()),
                columns.span(),
                expected,
            ));
        }
        Some(self.non_blank_each(columns.get_ref(), schema::page::COLUMNS.name, entry))
    }

    fn record_names(
        &mut self,
        table: &RawTable,
        entry: &str,
        span: Range<usize>,
    ) -> Option<RecordNames> {
        if table.record.is_none() && table.object.is_none() && table.reason.is_none() {
            return None;
        }
        let record = self.rust_name(
            &table.record,
            schema::table::RECORD.name,
            entry,
            span.clone(),
        );
        let object = self.rust_name(
            &table.object,
            schema::table::OBJECT.name,
            entry,
            span.clone(),
        );
        let reason = self.rust_name(&table.reason, schema::table::REASON.name, entry, span);
        for name in [&record, &object, &reason].into_iter().flatten() {
            self.type_names.define(name, entry, &mut self.diagnostics);
        }
        for name in [&object, &reason].into_iter().flatten() {
            self.module_name(name, entry);
        }
        if let Some(object) = &object {
            let kind = Spanned::new(object.span(), format!("{}Kind", object.get_ref()));
            let how = format!("`{}`, the enum of object kinds", kind.get_ref());
            self.type_names
                .define_as(&kind, Some(how), entry, &mut self.diagnostics);
        }
        Some(RecordNames {
            record: record?.into_inner(),
            object: object?.into_inner(),
            reason: reason?.into_inner(),
        })
    }

    fn object_kinds(
        &mut self,
        raw: &[Spanned<RawObjectKind>],
        table_entry: &str,
    ) -> Vec<ObjectKind> {
        let mut names = Names::new("object kind");
        for builtin in OBJECT_BUILTINS {
            names.builtin(builtin);
        }
        for constant in OBJECT_KIND_CONSTANTS {
            names.reserve(
                constant,
                format!("clashes with the generated constant `{constant}` of the kind enum"),
            );
        }
        let mut kinds = Vec::new();
        for kind in raw {
            let entry = format!("an object kind of {table_entry}");
            let name = self.name(&kind.get_ref().name, &entry, kind.span());
            let text = self.texts(
                &kind.get_ref().text,
                &kind.get_ref().text_zh,
                schema::object_kind::TEXTS,
                &entry,
                Some(kind.span()),
            );
            if let Some(name) = name {
                names.define(&name, &entry, &mut self.diagnostics);
                kinds.push(ObjectKind {
                    name: name.into_inner(),
                    text,
                });
            }
        }
        kinds
    }

    fn row(
        &mut self,
        raw: &Spanned<RawRow>,
        scope: &RowScope<'_>,
        codes: &mut FirstGiven,
        names: &mut Names,
    ) -> Option<Row> {
        let RowScope {
            table_entry,
            kind,
            raw_kinds,
            kinds,
            markers,
            reserved,
        } = *scope;
        let span = raw.span();
        let row = raw.get_ref();
        let entry = match (&row.code, &row.name) {
            (Some(code), _) => format!("row {} of {table_entry}", raw_code_text(code.get_ref())),
            (None, Some(name)) => format!("row {} of {table_entry}", name.get_ref()),
            (None, None) => format!("a row of {table_entry}"),
        };
        let code = match &row.code {
            Some(raw_code) => {
                let code = self.row_code(raw_code, kind, &entry);
                if let Some(code) = &code {
                    // A table's codes are all of its kind: their text tells
                    // them apart.
                    if let Some(first) = codes.first(code.to_string(), &raw_code.span()) {
                        self.error(
                            Diagnostic::new(
                                Code::Duplicate,
                                format!("duplicate code {code} in {table_entry}"),
                                raw_code.span(),
                                "defined again here",
                            )
                            .related(first, "first defined here"),
                        );
                    }
                    if let Some((_, at)) =
                        reserved.iter().find(|(reserved, _)| reserved.code == *code)
                    {
                        self.error(
                            Diagnostic::new(
                                Code::Reserved, format!("code {code} of {entry} is reserved"),
                                raw_code.span(),
                                "a removed row's code",
                            )
                            .related(at.clone(), "reserved here")
                            .help("a reserved code never comes back: give the row another code, or drop the reservation on purpose"),
                        );
                    }
                }
                code
            }
            None => {
                let head = self.head(span.clone());
                self.error(Diagnostic::new(
                    Code::Missing,
                    format!("{entry} has no `code`"),
                    head,
                    "`code` missing here",
                ));
                None
            }
        };
        let name = self.name(&row.name, &entry, span.clone());
        if let Some(name) = &name {
            names.define(name, &entry, &mut self.diagnostics);
            if let Some((_, at)) = reserved
                .iter()
                .find(|(reserved, _)| reserved.name.as_deref() == Some(name.get_ref().as_str()))
            {
                self.error(
                    Diagnostic::new(
                        Code::Reserved,
                        format!("name `{}` of {entry} is reserved", name.get_ref()),
                        name.span(),
                        "a removed row's name",
                    )
                    .related(at.clone(), "reserved here"),
                );
            }
        }
        let constant = row
            .constant
            .as_ref()
            .map(|constant| self.non_blank(constant, schema::row::CONSTANT.name, &entry));
        // A text code is its own description; a number needs one.
        let required = (kind == CodeKind::Integer).then(|| span.clone());
        let description = self.texts(
            &row.description,
            &row.description_zh,
            schema::row::DESCRIPTIONS,
            &entry,
            required,
        );
        let object = row.object.as_ref().and_then(|object| {
            let found = kinds.iter().position(|kind| kind.name == *object.get_ref());
            if found.is_none() {
                let declared: Vec<String> = raw_kinds
                    .iter()
                    .filter_map(|kind| {
                        kind.get_ref()
                            .name
                            .as_ref()
                            .map(|name| format!("`{}`", name.get_ref()))
                    })
                    .collect();
                let help = match declared.is_empty() {
                    true => "declare it in a [[table.object_kind]] entry".to_string(),
                    false => format!("declared object kinds: {}", declared.join(", ")),
                };
                self.error(
                    Diagnostic::new(
                        Code::Record,
                        format!("unknown object kind `{}` in {entry}", object.get_ref()),
                        object.span(),
                        "not a declared object kind",
                    )
                    .help(help),
                );
            }
            found
        });
        let pages = self.texts(&row.page, &row.page_zh, schema::row::PAGES, &entry, None);
        let notes = self.notes(&row.notes, &schema::row::NOTES, &entry);
        let notes_zh = self.notes(&row.notes_zh, &schema::row::NOTES_ZH, &entry);
        let (reasons, decoding) = self.reasons(&row.reason, &entry, markers)?;
        Some(Row {
            code: code?,
            name: name?.into_inner(),
            constant,
            description,
            pages,
            object,
            notes,
            notes_zh,
            reasons,
            decoding,
        })
    }

    /// The reasons of a row and, when they are valid, its decoding table.
    fn reasons(
        &mut self,
        raw: &[Spanned<RawReason>],
        row_entry: &str,
        markers: &[Marker],
    ) -> Option<(Vec<Reason>, Decoding)> {
        let errors_before = self.diagnostics.len();
        let mut names = Names::new("reason name");
        let mut reasons = Vec::new();
        // Where each reason's codes are written, by index, for conflicts.
        let mut spans: Vec<(ReasonCodes, Range<usize>)> = Vec::new();
        let mut complete = true;
        for reason in raw {
            let entry = format!("a reason of {row_entry}");
            let codes = self.reason_codes(reason, &entry);
            let name = self.name(&reason.get_ref().name, &entry, reason.span());
            if let Some(name) = &name {
                names.define(name, &entry, &mut self.diagnostics);
            }
            let description = self.texts(
                &reason.get_ref().description,
                &reason.get_ref().description_zh,
                schema::reason::DESCRIPTIONS,
                &entry,
                None,
            );
            spans.extend(codes.clone());
            match (codes, name) {
                (Some((codes, _)), Some(name)) => reasons.push(Reason {
                    codes,
                    name: name.into_inner(),
                    description,
                }),
                _ => complete = false,
            }
        }
        for conflict in decoding::conflicts(spans.iter().map(|(codes, _)| *codes)) {
            self.error(reason_conflict(conflict, &spans, row_entry));
        }
        if !complete {
            return None;
        }
        // Overlaps and duplicates make no decoding: the spec fails anyway.
        if self.diagnostics.len() > errors_before {
            return Some((reasons, Decoding::default()));
        }
        let decoding = Decoding::new(&reasons, markers);
        for (index, (reason, raw)) in reasons.iter().zip(raw).enumerate() {
            match reason.codes {
                ReasonCodes::Range { start, end } if !decoding.reaches(Outcome::Range(index)) => {
                    self.error(
                        Diagnostic::new(
                            Code::ReasonCodes, format!(
                                "every code of range {start}-{end} in {row_entry} is listed on its own"
                            ),
                            raw.get_ref().range.as_ref().map_or(raw.span(), Spanned::span),
                            "no code decodes to this range",
                        )
                        .help("remove the range, or the codes listed inside it"),
                    );
                }
                ReasonCodes::Open { .. } if !decoding.reaches(Outcome::Open(index)) => {
                    self.error(Diagnostic::new(
                        Code::ReasonCodes,
                        format!("the open reason of {row_entry} never applies"),
                        raw.get_ref()
                            .open
                            .as_ref()
                            .map_or(raw.span(), Spanned::span),
                        "every code is taken by another reason or means not applicable",
                    ));
                }
                _ => {}
            }
        }
        Some((reasons, decoding))
    }

    /// Exactly one of `code`, `range`, `open`, checked for shape and order.
    fn reason_codes(
        &mut self,
        raw: &Spanned<RawReason>,
        entry: &str,
    ) -> Option<(ReasonCodes, Range<usize>)> {
        let reason = raw.get_ref();
        let given: Vec<(&str, Range<usize>)> = [
            reason.code.as_ref().map(|v| ("code", v.span())),
            reason.range.as_ref().map(|v| ("range", v.span())),
            reason.open.as_ref().map(|v| ("open", v.span())),
        ]
        .into_iter()
        .flatten()
        .collect();
        if given.len() != 1 {
            let (message, span) = match given.as_slice() {
                [] => (
                    format!("{entry} has none of `code`, `range` or `open`"),
                    self.head(raw.span()),
                ),
                [_, (_, second), ..] => (
                    format!("{entry} has more than one of `code`, `range` and `open`"),
                    second.clone(),
                ),
                [_] => unreachable!("one key given"),
            };
            self.error(
                Diagnostic::new(
                    Code::ReasonCodes,
                    message,
                    span,
                    "expected exactly one of them",
                )
                .help("write `code = N`, `range = [A, B]` or `open = true`"),
            );
            return None;
        }
        if let (Some(default), None) = (&reason.default, &reason.open) {
            self.error(Diagnostic::new(
                Code::ReasonCodes,
                format!("`default` in {entry} without `open = true`"),
                default.span(),
                "only an open reason has a default",
            ));
        }
        if let Some(code) = &reason.code {
            return Some((ReasonCodes::Single(self.code(code, entry)?), code.span()));
        }
        if let Some(range) = &reason.range {
            let span = range.span();
            let [start, end] = range.get_ref().as_slice() else {
                self.error(Diagnostic::new(
                    Code::ReasonCodes,
                    format!("`range` in {entry} has {} values", range.get_ref().len()),
                    span,
                    "expected [first, last]",
                ));
                return None;
            };
            let (start, end) = (self.code(start, entry)?, self.code(end, entry)?);
            if start >= end {
                let message = match start == end {
                    true => format!("range {start}-{end} in {entry} holds a single code"),
                    false => format!("reversed range {start}-{end} in {entry}"),
                };
                let help = match start == end {
                    true => format!("write `code = {start}`"),
                    false => format!("write `range = [{end}, {start}]`"),
                };
                self.error(
                    Diagnostic::new(
                        Code::ReasonCodes,
                        message,
                        span,
                        "expected the first code below the last",
                    )
                    .help(help),
                );
                return None;
            }
            return Some((ReasonCodes::Range { start, end }, span));
        }
        let open = reason.open.as_ref().expect("exactly one key given");
        if !*open.get_ref() {
            self.error(
                Diagnostic::new(
                    Code::ReasonCodes,
                    format!("`open = false` in {entry}"),
                    open.span(),
                    "expected `open = true`",
                )
                .help("list single codes with `code = N`"),
            );
            return None;
        }
        let default = match &reason.default {
            Some(default) => Some(self.code(default, entry)?),
            None => None,
        };
        Some((ReasonCodes::Open { default }, open.span()))
    }
}

/// What a row is validated against: its table and the spec's markers.
struct RowScope<'a> {
    table_entry: &'a str,
    kind: CodeKind,
    raw_kinds: &'a [Spanned<RawObjectKind>],
    kinds: &'a [ObjectKind],
    markers: &'a [Marker],
    reserved: &'a [(Reserved, Range<usize>)],
}

/// A raw row code as an entry names it: `3`, or `呼入`.
/// Why `site` cannot be the base URL of the vendor's pages: pages are
/// fetched over https only, but from a loopback host (a test's server).
fn check_site(site: &str) -> Result<(), &'static str> {
    let (scheme, rest) = site.split_once("://").ok_or("is not a URL")?;
    let host_and_port = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match host_and_port.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host_and_port.split(':').next().unwrap_or_default(),
    };
    if host.is_empty() {
        return Err("has no host");
    }
    let loopback = host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|address| address.is_loopback());
    match scheme {
        "https" => {}
        "http" if loopback => {}
        "http" => return Err("is not https (http only on a loopback host)"),
        _ => return Err("is not an https URL"),
    }
    if rest.contains(['?', '#']) || !site.ends_with('/') {
        return Err("does not end in `/` (page ids are appended to it)");
    }
    Ok(())
}

/// A conflict of a row's reasons, at the codes of the later reason and
/// pointing at the earlier one.
fn reason_conflict(
    conflict: Conflict,
    spans: &[(ReasonCodes, Range<usize>)],
    row_entry: &str,
) -> Diagnostic {
    let at = |index: usize| spans[index].1.clone();
    match conflict {
        Conflict::DuplicateCode { first, later, code } => Diagnostic::new(
            Code::Duplicate,
            format!("duplicate reason code {code} in {row_entry}"),
            at(later),
            "listed again here",
        )
        .related(at(first), "first listed here"),
        Conflict::OverlappingRanges { first, later } => {
            let range = |index: usize| spans[index].0;
            Diagnostic::new(
                Code::ReasonCodes,
                format!(
                    "reason range {} overlaps range {} in {row_entry}",
                    range(later),
                    range(first)
                ),
                at(later),
                "overlapping range",
            )
            .related(at(first), "the other range")
            .help("a single code may sit inside a range, but two ranges may not share codes")
        }
        Conflict::SecondOpen { first, later } => Diagnostic::new(
            Code::ReasonCodes,
            format!("more than one open reason in {row_entry}"),
            at(later),
            "second open reason",
        )
        .related(at(first), "first open reason"),
    }
}

fn raw_code_text(code: &RawCode) -> String {
    match code {
        RawCode::Integer(number) => number.to_string(),
        RawCode::Text(text) => text.clone(),
    }
}

/// Text keys (a code as written, a folded name) to the index of their first
/// entry: the one map type of validation, so that its code is compiled once
/// (what is compiled here, every downstream build compiles: the crate's
/// README says why this matters).
type Index = BTreeMap<String, usize>;

/// Where each key was first given, for the duplicate checks of codes and
/// constants.
#[derive(Default)]
struct FirstGiven {
    index: Index,
    spans: Vec<Range<usize>>,
}

impl FirstGiven {
    /// Records `key`, given at `span`; where it was given before, the span
    /// of its first time.
    fn first(&mut self, key: String, span: &Range<usize>) -> Option<Range<usize>> {
        match self.index.get(&key) {
            Some(&first) => Some(self.spans[first].clone()),
            None => {
                self.index.insert(key, self.spans.len());
                self.spans.push(span.clone());
                None
            }
        }
    }
}

/// One namespace of names, catching duplicates and names equal but for case.
struct Names {
    what: &'static str,
    /// Folded name to its entry in `names`.
    folded: Index,
    /// Each name in the order defined and, unless the generator defines
    /// it, where the spec defines it.
    names: Vec<(String, Option<Definition>)>,
    /// Names that clash only when spelled exactly so, with why: a few.
    reserved: Vec<(&'static str, String)>,
}

/// Where the spec defines a name, and how, if the spec does not spell it.
struct Definition {
    span: Range<usize>,
    how: Option<String>,
}

impl Names {
    fn new(what: &'static str) -> Self {
        Names {
            what,
            folded: Index::new(),
            names: Vec::new(),
            reserved: Vec::new(),
        }
    }

    /// A name the generated code uses in this namespace for something else.
    fn reserve(&mut self, name: &'static str, why: String) {
        self.reserved.push((name, why));
    }

    /// A name the generator itself defines in this namespace.
    fn builtin(&mut self, name: &str) {
        self.insert(ident::folded(name), name.to_string(), None);
    }

    fn define(&mut self, name: &Spanned<String>, entry: &str, diagnostics: &mut Vec<Diagnostic>) {
        self.define_as(name, None, entry, diagnostics);
    }

    /// Defines `name`; `how` tells how a name the spec does not spell out
    /// comes from it (`` `BusyReason`, the reason enum of row Busy``), for
    /// the labels of a clash.
    fn define_as(
        &mut self,
        name: &Spanned<String>,
        how: Option<String>,
        entry: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let label = |label: &str| match &how {
            Some(how) => format!("{label}, as {how}"),
            None => label.to_string(),
        };
        if let Some((_, why)) = self
            .reserved
            .iter()
            .find(|(reserved, _)| *reserved == name.get_ref())
        {
            diagnostics.push(
                Diagnostic::new(
                    Code::Name,
                    format!("{} `{}` in {entry} {why}", self.what, name.get_ref()),
                    name.span(),
                    label("reserved by the generated code"),
                )
                .help("choose another name"),
            );
            return;
        }
        let folded = ident::folded(name.get_ref());
        match self.folded.get(&folded).map(|&index| &self.names[index]) {
            None => {
                let definition = Definition {
                    span: name.span(),
                    how: how.clone(),
                };
                self.insert(folded, name.get_ref().clone(), Some(definition));
            }
            Some((first, None)) => diagnostics.push(
                Diagnostic::new(
                    Code::Name,
                    format!(
                        "{} `{}` in {entry} clashes with the generated item `{first}`",
                        self.what,
                        name.get_ref()
                    ),
                    name.span(),
                    label("clashes with a generated name"),
                )
                .help("choose another name"),
            ),
            Some((
                first,
                Some(Definition {
                    span,
                    how: first_how,
                }),
            )) => {
                let (code, message) = match first == name.get_ref() {
                    true => (
                        Code::Duplicate,
                        format!("duplicate {} `{first}` in {entry}", self.what),
                    ),
                    false => (
                        Code::Name,
                        format!(
                            "{} `{}` in {entry} differs from `{first}` only in case",
                            self.what,
                            name.get_ref()
                        ),
                    ),
                };
                let first_label = match first_how {
                    Some(how) => format!("first defined here, as {how}"),
                    None => "first defined here".to_string(),
                };
                diagnostics.push(
                    Diagnostic::new(code, message, name.span(), label("defined again here"))
                        .related(span.clone(), first_label),
                );
            }
        }
    }

    fn insert(&mut self, folded: String, name: String, definition: Option<Definition>) {
        self.folded.insert(folded, self.names.len());
        self.names.push((name, definition));
    }
}
