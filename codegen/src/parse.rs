//! Stage 1: TOML text to the raw spec, every value keeping its byte span.
//!
//! Read with toml's spanned document tree, which needs no serde: the build
//! path stays small. Nothing is checked here beyond TOML syntax, value
//! types and unknown keys, and every such mistake is reported, not only the
//! first; optional fields stay optional so that validation can report every
//! missing one at once.

use std::borrow::Cow;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{self, Code, Diagnostic};
use crate::schema::{self, Entry, Key};

/// A spec as written, before validation. The raw types are `Debug` in
/// tests only: nothing prints them, and the generator's build is every
/// downstream build's.
#[derive(Default)]
#[cfg_attr(test, derive(Debug))]
pub struct RawSpec {
    pub source: Option<Spanned<RawSource>>,
    pub not_applicable: Vec<Spanned<RawMarker>>,
    pub table: Vec<Spanned<RawTable>>,
}

#[derive(Default)]
#[cfg_attr(test, derive(Debug))]
pub struct RawSource {
    pub vendor: Option<Spanned<String>>,
    pub product: Option<Spanned<String>>,
    pub document: Option<Spanned<String>>,
    pub site: Option<Spanned<String>>,
    pub site_zh: Option<Spanned<String>>,
}

#[derive(Default)]
#[cfg_attr(test, derive(Debug))]
pub struct RawMarker {
    pub code: Option<Spanned<i64>>,
    pub name: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
}

#[derive(Default)]
#[cfg_attr(test, derive(Debug))]
pub struct RawTable {
    pub name: Option<Spanned<String>>,
    pub key: Option<Spanned<String>>,
    pub summary: Option<Spanned<String>>,
    /// The English page, from the table's own keys.
    pub page: RawPage,
    /// `[table.zh]`: the Chinese page.
    pub zh: Option<Spanned<RawPage>>,
    pub record: Option<Spanned<String>>,
    pub object: Option<Spanned<String>>,
    pub reason: Option<Spanned<String>>,
    pub object_kind: Vec<Spanned<RawObjectKind>>,
    pub row: Vec<Spanned<RawRow>>,
    pub reserved: Vec<Spanned<RawReserved>>,
}

/// Where a table is published in one language.
#[derive(Default)]
#[cfg_attr(test, derive(Debug))]
pub struct RawPage {
    pub title: Option<Spanned<String>>,
    pub subtitle: Option<Spanned<String>>,
    pub caption: Option<Spanned<String>>,
    pub page: Option<Spanned<String>>,
    pub updated: Option<Spanned<String>>,
    pub columns: Option<Spanned<Vec<Spanned<String>>>>,
    pub notes: Option<Spanned<Vec<Spanned<String>>>>,
}

impl RawPage {
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.subtitle.is_none()
            && self.caption.is_none()
            && self.page.is_none()
            && self.updated.is_none()
            && self.columns.is_none()
            && self.notes.is_none()
    }
}

#[derive(Default)]
#[cfg_attr(test, derive(Debug))]
pub struct RawObjectKind {
    pub name: Option<Spanned<String>>,
    pub text: Option<Spanned<String>>,
    pub text_zh: Option<Spanned<String>>,
}

/// A row's code: a number, or in a text-keyed table a text.
#[cfg_attr(test, derive(Debug))]
pub enum RawCode {
    Integer(i64),
    Text(String),
}

#[derive(Default)]
#[cfg_attr(test, derive(Debug))]
pub struct RawRow {
    pub code: Option<Spanned<RawCode>>,
    pub name: Option<Spanned<String>>,
    pub constant: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub description_zh: Option<Spanned<String>>,
    pub page: Option<Spanned<String>>,
    pub page_zh: Option<Spanned<String>>,
    pub object: Option<Spanned<String>>,
    pub notes: Option<Spanned<Vec<Spanned<String>>>>,
    pub notes_zh: Option<Spanned<Vec<Spanned<String>>>>,
    pub reason: Vec<Spanned<RawReason>>,
}

#[derive(Default)]
#[cfg_attr(test, derive(Debug))]
pub struct RawReason {
    pub code: Option<Spanned<i64>>,
    pub range: Option<Spanned<Vec<Spanned<i64>>>>,
    pub open: Option<Spanned<bool>>,
    pub default: Option<Spanned<i64>>,
    pub name: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub description_zh: Option<Spanned<String>>,
}

/// A removed row whose code and name may not come back.
#[derive(Default)]
#[cfg_attr(test, derive(Debug))]
pub struct RawReserved {
    pub code: Option<Spanned<RawCode>>,
    pub name: Option<Spanned<String>>,
    pub note: Option<Spanned<String>>,
}

/// Parses spec text; every TOML, type or key mistake becomes a diagnostic
/// at its span, in TOML's words (table, array, key).
pub fn parse(text: &str) -> Result<RawSpec, Vec<Diagnostic>> {
    let (document, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return Err(errors
            .iter()
            .map(|error| syntax_error(text, error))
            .collect());
    }
    let mut reader = Reader {
        diagnostics: Vec::new(),
    };
    let spec = reader.spec(document.get_ref());
    if reader.diagnostics.is_empty() {
        return Ok(spec);
    }
    // Keys come in name order: report in the order of the text.
    diagnostic::sort_in_text_order(&mut reader.diagnostics);
    Err(reader.diagnostics)
}

fn syntax_error(text: &str, error: &toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let mut message = error.message().trim_end().to_string();
    if message == "duplicate key"
        && let Some(key) = text.get(span.clone())
    {
        message = format!("duplicate key `{key}`");
    }
    let label = match message.rsplit_once(", expected ") {
        _ if message.starts_with("duplicate key") => "already set above".to_string(),
        Some((_, expected)) => format!("expected {expected}"),
        None => "here".to_string(),
    };
    Diagnostic::new(Code::Syntax, message, span, label)
}

type Value<'i> = Spanned<DeValue<'i>>;

/// Reads the document tree into the raw spec, collecting every mistake.
struct Reader {
    diagnostics: Vec<Diagnostic>,
}

/// One TOML table being read: its keys are taken one by one, and whatever
/// is left at the end is an unknown key.
struct Fields<'a, 'i> {
    table: &'a DeTable<'i>,
    entry: &'static Entry,
}

impl<'a, 'i> Fields<'a, 'i> {
    fn get(&self, key: &Key) -> Option<&'a Value<'i>> {
        debug_assert!(
            self.entry.key(key.name).is_some(),
            "`{}` is not a key of {}",
            key.name,
            self.entry.display()
        );
        self.table.get(key.name)
    }
}

impl Reader {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn type_error(&mut self, value: &Value<'_>, expected: &str) {
        let found = match value.get_ref() {
            DeValue::String(text) => format!("string {text:?}"),
            DeValue::Integer(integer) => format!("integer `{}`", integer_text(integer)),
            DeValue::Float(float) => format!("float `{}`", float.as_str()),
            DeValue::Boolean(flag) => format!("boolean `{flag}`"),
            DeValue::Datetime(datetime) => format!("datetime `{datetime}`"),
            DeValue::Array(_) => "array".to_string(),
            DeValue::Table(_) => "table".to_string(),
        };
        self.error(Diagnostic::new(
            Code::InvalidType,
            format!("invalid type: {found}, expected {expected}"),
            value.span(),
            format!("expected {expected}"),
        ));
    }

    /// The keys of `table`, reporting those the schema does not know.
    fn fields<'a, 'i>(&mut self, table: &'a DeTable<'i>, entry: &'static Entry) -> Fields<'a, 'i> {
        for key in table.keys() {
            if entry.key(key.get_ref()).is_none() {
                let expected: Vec<String> =
                    entry.key_names().map(|key| format!("`{key}`")).collect();
                self.error(Diagnostic::new(
                    Code::UnknownKey,
                    format!(
                        "unknown key `{}`, expected one of {}",
                        key.get_ref(),
                        expected.join(", ")
                    ),
                    key.span(),
                    "not a key of this table",
                ));
            }
        }
        Fields { table, entry }
    }

    fn table<'a, 'i>(&mut self, value: &'a Value<'i>) -> Option<&'a DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            _ => {
                self.type_error(value, "a table");
                None
            }
        }
    }

    fn string(&mut self, fields: &Fields<'_, '_>, key: &Key) -> Option<Spanned<String>> {
        self.string_value(fields.get(key)?)
    }

    fn string_value(&mut self, value: &Value<'_>) -> Option<Spanned<String>> {
        match value.get_ref() {
            DeValue::String(text) => Some(Spanned::new(value.span(), text.to_string())),
            _ => {
                self.type_error(value, "a string");
                None
            }
        }
    }

    fn integer(&mut self, fields: &Fields<'_, '_>, key: &Key) -> Option<Spanned<i64>> {
        self.integer_value(fields.get(key)?)
    }

    fn integer_value(&mut self, value: &Value<'_>) -> Option<Spanned<i64>> {
        let DeValue::Integer(integer) = value.get_ref() else {
            self.type_error(value, "an integer");
            return None;
        };
        match parse_integer(integer.as_str(), integer.radix()) {
            Some(number) => Some(Spanned::new(value.span(), number)),
            // Every integer of the schema is a code: say what fits.
            None => {
                self.error(Diagnostic::new(
                    Code::OutOfRange,
                    format!("integer {} is out of range", integer_text(integer)),
                    value.span(),
                    format!("expected a code from {} to {}", i32::MIN, i32::MAX),
                ));
                None
            }
        }
    }

    fn boolean(&mut self, fields: &Fields<'_, '_>, key: &Key) -> Option<Spanned<bool>> {
        let value = fields.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(flag) => Some(Spanned::new(value.span(), *flag)),
            _ => {
                self.type_error(value, "a boolean");
                None
            }
        }
    }

    fn array<'a, 'i>(&mut self, value: &'a Value<'i>) -> Option<&'a [Value<'i>]> {
        match value.get_ref() {
            DeValue::Array(array) => Some(array),
            _ => {
                self.type_error(value, "an array");
                None
            }
        }
    }

    fn strings(
        &mut self,
        fields: &Fields<'_, '_>,
        key: &Key,
    ) -> Option<Spanned<Vec<Spanned<String>>>> {
        let value = fields.get(key)?;
        let items = self.array(value)?;
        let strings = items
            .iter()
            .filter_map(|item| self.string_value(item))
            .collect();
        Some(Spanned::new(value.span(), strings))
    }

    fn integers(
        &mut self,
        fields: &Fields<'_, '_>,
        key: &Key,
    ) -> Option<Spanned<Vec<Spanned<i64>>>> {
        let value = fields.get(key)?;
        let items = self.array(value)?;
        let mut integers = Vec::with_capacity(items.len());
        for item in items {
            integers.push(self.integer_value(item)?);
        }
        Some(Spanned::new(value.span(), integers))
    }

    /// An array of tables (`[[table.row]]`), each read by `read`.
    fn tables<T>(
        &mut self,
        fields: &Fields<'_, '_>,
        key: &Key,
        mut read: impl FnMut(&mut Self, &DeTable<'_>) -> T,
    ) -> Vec<Spanned<T>> {
        let Some(value) = fields.get(key) else {
            return Vec::new();
        };
        let Some(items) = self.array(value) else {
            return Vec::new();
        };
        let mut tables = Vec::with_capacity(items.len());
        for item in items {
            if let Some(table) = self.table(item) {
                tables.push(Spanned::new(item.span(), read(self, table)));
            }
        }
        tables
    }

    fn spec(&mut self, document: &DeTable<'_>) -> RawSpec {
        use schema::spec::{NOT_APPLICABLE, SOURCE, TABLE};
        let fields = self.fields(document, &schema::SPEC);
        let source = fields.get(&SOURCE).and_then(|value| {
            let table = self.table(value)?;
            Some(Spanned::new(value.span(), self.source(table)))
        });
        RawSpec {
            source,
            not_applicable: self.tables(&fields, &NOT_APPLICABLE, Self::marker),
            table: self.tables(&fields, &TABLE, Self::code_table),
        }
    }

    fn source(&mut self, table: &DeTable<'_>) -> RawSource {
        use schema::source::{DOCUMENT, PRODUCT, SITE, SITE_ZH, VENDOR};
        let fields = self.fields(table, &schema::SOURCE);
        RawSource {
            vendor: self.string(&fields, &VENDOR),
            product: self.string(&fields, &PRODUCT),
            document: self.string(&fields, &DOCUMENT),
            site: self.string(&fields, &SITE),
            site_zh: self.string(&fields, &SITE_ZH),
        }
    }

    fn marker(&mut self, table: &DeTable<'_>) -> RawMarker {
        use schema::marker::{CODE, DESCRIPTION, NAME};
        let fields = self.fields(table, &schema::MARKER);
        RawMarker {
            code: self.integer(&fields, &CODE),
            name: self.string(&fields, &NAME),
            description: self.string(&fields, &DESCRIPTION),
        }
    }

    fn code_table(&mut self, table: &DeTable<'_>) -> RawTable {
        use schema::table::{
            KEY, NAME, OBJECT, OBJECT_KIND, REASON, RECORD, RESERVED, ROW, SUMMARY, ZH,
        };
        let fields = self.fields(table, &schema::TABLE);
        let zh = fields.get(&ZH).and_then(|value| {
            let table = self.table(value)?;
            let fields = self.fields(table, &schema::PAGE_ZH);
            Some(Spanned::new(value.span(), self.page(&fields)))
        });
        RawTable {
            name: self.string(&fields, &NAME),
            key: self.string(&fields, &KEY),
            summary: self.string(&fields, &SUMMARY),
            page: self.page(&fields),
            zh,
            record: self.string(&fields, &RECORD),
            object: self.string(&fields, &OBJECT),
            reason: self.string(&fields, &REASON),
            object_kind: self.tables(&fields, &OBJECT_KIND, Self::object_kind),
            row: self.tables(&fields, &ROW, Self::row),
            reserved: self.tables(&fields, &RESERVED, Self::reserved),
        }
    }

    fn page(&mut self, fields: &Fields<'_, '_>) -> RawPage {
        use schema::page::{CAPTION, COLUMNS, NOTES, PAGE, SUBTITLE, TITLE, UPDATED};
        RawPage {
            title: self.string(fields, &TITLE),
            subtitle: self.string(fields, &SUBTITLE),
            caption: self.string(fields, &CAPTION),
            page: self.string(fields, &PAGE),
            updated: self.string(fields, &UPDATED),
            columns: self.strings(fields, &COLUMNS),
            notes: self.strings(fields, &NOTES),
        }
    }

    fn object_kind(&mut self, table: &DeTable<'_>) -> RawObjectKind {
        use schema::object_kind::{NAME, TEXT, TEXT_ZH};
        let fields = self.fields(table, &schema::OBJECT_KIND);
        RawObjectKind {
            name: self.string(&fields, &NAME),
            text: self.string(&fields, &TEXT),
            text_zh: self.string(&fields, &TEXT_ZH),
        }
    }

    /// A row's (or a reserved row's) `code`: an integer, or a string in a
    /// text-keyed table (the validator checks which the table wants).
    fn row_code(&mut self, fields: &Fields<'_, '_>, key: &Key) -> Option<Spanned<RawCode>> {
        let value = fields.get(key)?;
        match value.get_ref() {
            DeValue::String(text) => {
                Some(Spanned::new(value.span(), RawCode::Text(text.to_string())))
            }
            _ => {
                let number = self.integer_value(value)?;
                Some(Spanned::new(
                    number.span(),
                    RawCode::Integer(number.into_inner()),
                ))
            }
        }
    }

    fn row(&mut self, table: &DeTable<'_>) -> RawRow {
        use schema::row::{
            CODE, CONSTANT, DESCRIPTION, DESCRIPTION_ZH, NAME, NOTES, NOTES_ZH, OBJECT, PAGE,
            PAGE_ZH, REASON,
        };
        let fields = self.fields(table, &schema::ROW);
        RawRow {
            code: self.row_code(&fields, &CODE),
            name: self.string(&fields, &NAME),
            constant: self.string(&fields, &CONSTANT),
            description: self.string(&fields, &DESCRIPTION),
            description_zh: self.string(&fields, &DESCRIPTION_ZH),
            page: self.string(&fields, &PAGE),
            page_zh: self.string(&fields, &PAGE_ZH),
            object: self.string(&fields, &OBJECT),
            notes: self.strings(&fields, &NOTES),
            notes_zh: self.strings(&fields, &NOTES_ZH),
            reason: self.tables(&fields, &REASON, Self::reason),
        }
    }

    fn reason(&mut self, table: &DeTable<'_>) -> RawReason {
        use schema::reason::{CODE, DEFAULT, DESCRIPTION, DESCRIPTION_ZH, NAME, OPEN, RANGE};
        let fields = self.fields(table, &schema::REASON);
        RawReason {
            code: self.integer(&fields, &CODE),
            range: self.integers(&fields, &RANGE),
            open: self.boolean(&fields, &OPEN),
            default: self.integer(&fields, &DEFAULT),
            name: self.string(&fields, &NAME),
            description: self.string(&fields, &DESCRIPTION),
            description_zh: self.string(&fields, &DESCRIPTION_ZH),
        }
    }

    fn reserved(&mut self, table: &DeTable<'_>) -> RawReserved {
        use schema::reserved::{CODE, NAME, NOTE};
        let fields = self.fields(table, &schema::RESERVED);
        RawReserved {
            code: self.row_code(&fields, &CODE),
            name: self.string(&fields, &NAME),
            note: self.string(&fields, &NOTE),
        }
    }
}

/// The integer as written, sign and radix prefix included.
fn integer_text(integer: &toml::de::DeInteger<'_>) -> String {
    let digits = integer.as_str();
    let prefix = match integer.radix() {
        16 => "0x",
        8 => "0o",
        2 => "0b",
        _ => "",
    };
    match digits.strip_prefix('-') {
        Some(digits) => format!("-{prefix}{digits}"),
        None => format!("{prefix}{digits}"),
    }
}

/// The value of TOML integer digits (underscores already removed by the
/// parser, sign included) in `radix`, if it fits in an `i64`.
fn parse_integer(digits: &str, radix: u32) -> Option<i64> {
    let digits: Cow<'_, str> = match digits.contains('_') {
        true => Cow::Owned(digits.replace('_', "")),
        false => Cow::Borrowed(digits),
    };
    let digits = digits.strip_prefix('+').unwrap_or(&digits);
    i64::from_str_radix(digits, radix).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_in_every_radix_and_their_limits() {
        let text = "[[table]]\nrow = [{code = 0x1F}, {code = 0o17}, {code = 1_000}, {code = +3}, {code = 9223372036854775808}]";
        let diagnostics = parse(text).unwrap_err();
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(
            diagnostics[0].message,
            "integer 9223372036854775808 is out of range"
        );
        assert_eq!(&text[diagnostics[0].span.clone()], "9223372036854775808");
        let spec =
            parse("[[table]]\nrow = [{code = 0x1F}, {code = 0o17}, {code = 1_000}, {code = +3}]")
                .unwrap();
        let codes: Vec<i64> = spec.table[0]
            .get_ref()
            .row
            .iter()
            .map(|row| match row.get_ref().code.as_ref().unwrap().get_ref() {
                RawCode::Integer(code) => *code,
                RawCode::Text(text) => panic!("text code {text:?}"),
            })
            .collect();
        assert_eq!(codes, [31, 15, 1000, 3]);
    }

    #[test]
    fn every_type_and_key_mistake_is_reported_at_once() {
        let text =
            "[source]\nvendor = 1\nvendr = \"x\"\n[[table]]\nname = \"A\"\ncolumns = \"a, b\"\n";
        let messages: Vec<String> = parse(text)
            .unwrap_err()
            .into_iter()
            .map(|diagnostic| diagnostic.message)
            .collect();
        assert_eq!(
            messages,
            [
                "invalid type: integer `1`, expected a string",
                "unknown key `vendr`, expected one of `vendor`, `product`, `document`, `site`, `site_zh`",
                "invalid type: string \"a, b\", expected an array",
            ]
        );
    }
}
