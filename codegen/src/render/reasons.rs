//! The reason of a record in the context of its operation (`Reason`), and
//! the vendor's listing of reasons as data.

use super::*;

/// `OperationType::reasons()`'s entry for `reason`, the reason `index` of
/// `row`: the reason itself, as a value of the record's reason enum, and
/// the codes the vendor lists it with. A reason that carries its code holds
/// the first code that decodes to it.
pub(super) fn reason_info(names: &RecordNames, row: &Row, index: usize) -> String {
    let reason = &row.reasons[index];
    let value = match reason.codes.carries_value() {
        false => reason.name.clone(),
        true => {
            let code = row
                .decoding
                .runs()
                .iter()
                .find(|run| run.outcome.reason() == Some(index))
                .map_or(0, |run| run.start);
            format!("{}({CARRIED_CODE}::decoded({code}))", reason.name)
        }
    };
    format!(
        "{REASON_INFO} {{ reason: {}::{}({}::{value}), codes: {} }}",
        names.reason,
        row.name,
        names.row_reason(row),
        reason_codes(reason.codes),
    )
}

/// `operation()` of the record's reason enum: the operation whose reason
/// it is.
fn reason_operation(out: &mut Writer, name: &str, table: &Table, rows: &[&Row]) {
    out.line("/// The operation this reason was decoded for; `None` for a reason decoded");
    out.line("/// without one (not applicable, unlisted).");
    out.function(format_args!(
        "pub const fn operation(self) -> Option<{}>",
        table.name
    ));
    out.open("match self");
    for row in rows {
        out.line(format_args!(
            "{name}::{0}(_) => Some({1}::{0}),",
            row.name, table.name
        ));
    }
    out.line("_ => None,");
    out.close();
    out.close();
}

/// `codes()` of the record's reason enum: how the vendor lists the codes of
/// the reason decoded.
fn reason_listed_codes(out: &mut Writer, name: &str, rows: &[&Row]) {
    out.line("/// The codes the vendor lists this reason with (a range, say, where");
    out.line("/// [`code`](Self::code) is the one decoded); `None` where it lists none.");
    out.function(format_args!(
        "pub const fn codes(self) -> Option<{REASON_CODES}>"
    ));
    out.open("match self");
    for row in rows {
        out.line(format_args!(
            "{name}::{}(reason) => Some(reason.codes()),",
            row.name
        ));
    }
    out.line("_ => None,");
    out.close();
    out.close();
}

/// A `ReasonCodes` value as Rust.
pub(super) fn reason_codes(codes: ReasonCodes) -> String {
    match codes {
        ReasonCodes::Single(single) => format!("{REASON_CODES}::Single({single})"),
        ReasonCodes::Range { start, end } => {
            format!("{REASON_CODES}::Range {{ start: {start}, end: {end} }}")
        }
        ReasonCodes::Open { default } => {
            let default = default.map_or("None".to_string(), |code| format!("Some({code})"));
            format!("{REASON_CODES}::Open {{ default: {default} }}")
        }
    }
}

pub(super) fn reason_enum(out: &mut Writer, cx: &Context<'_>, table: &Table, names: &RecordNames) {
    let name = &names.reason;
    let rows: Vec<&Row> = table
        .rows
        .iter()
        .filter(|row| !row.reasons.is_empty())
        .collect();
    let mut lines = vec!["A reason code decoded in the context of its operation: every code decodes, and [`code`](Self::code) gives back the exact number.".to_string()];
    lines.extend(reason_shape(cx, table));
    out.doc(&lines);
    // Equality and hashing by variant and code, not derived (`equality_by`):
    // within a variant, the code tells the values apart. `Debug` is
    // written out too (`reason_debug`).
    cx.attributes(
        out,
        name,
        Shape::Enum,
        "Clone, Copy",
        &["#[non_exhaustive]"],
    );
    out.open(format_args!("pub enum {name}"));
    for row in &rows {
        out.line(format_args!(
            "/// A reason of [`{}::{}`] (`{}`).",
            table.name, row.name, row.code
        ));
        out.line(format_args!("{}({}),", row.name, names.row_reason(row)));
    }
    cx.markers.write(out, |out, codes| {
        out.line(format_args!("/// {codes}: the reason does not apply."));
        out.line("NotApplicable(NotApplicable),");
    });
    out.line("/// A code the vendor does not list for the operation, or any");
    out.line("/// code of an operation type the table does not list.");
    out.line(format_args!("Unlisted({}::Unlisted),", snake_case(name)));
    out.close();
    out.blank();
    out.open(format_args!("impl {name}"));
    reason_decode(out, cx, table, names, &rows);
    out.blank();
    reason_accessors(out, cx, name, table, &rows);
    out.close();
    out.blank();
    reason_traits(out, cx, name, &table.name);
    out.blank();
    unlisted_module(out, cx, name);
}

/// `decode` and `unlisted`: the reason of a code, in the context of an
/// operation or of none.
fn reason_decode(
    out: &mut Writer,
    cx: &Context<'_>,
    table: &Table,
    names: &RecordNames,
    rows: &[&Row],
) {
    let code_enum = &table.name;
    let module = snake_case(&names.reason);
    out.doc(&[cx.markers.choose(
        |codes| format!("Decodes `code` as a reason of `operation`, as the operation's decoding table says: a listed code first, then {codes} as not applicable, then an open reason."),
        "Decodes `code` as a reason of `operation`: a listed code, or unlisted.",
    )]);
    out.function(format_args!(
        "pub const fn decode(operation: {code_enum}, code: i32) -> Self"
    ));
    if rows.is_empty() {
        // No operation lists reasons: every code is not applicable or unlisted.
        out.line("let _ = operation;");
    } else {
        out.open("match operation");
        for row in rows {
            out.open(format_args!("{code_enum}::{} =>", row.name));
            out.open(format_args!(
                "if let Some(reason) = {}::from_code(code)",
                names.row_reason(row)
            ));
            out.line(format_args!(
                "return {}::{}(reason);",
                names.reason, row.name
            ));
            out.close();
            out.close();
        }
        // The rows without reasons are spelled out rather than `_`: the list
        // says which rows take no reason. Not past `ARMS_PER_MATCH` of them:
        // rustc checks an or-pattern of thousands of alternatives in more
        // than linear time (7% of a 20,000-row build). But always beside a
        // single row with reasons: a `match` of one arm and `_ => {}` is
        // clippy's `single_match`.
        let without: Vec<String> = table
            .rows
            .iter()
            .filter(|row| row.reasons.is_empty())
            .map(|row| format!("{code_enum}::{}", row.name))
            .collect();
        match without.len() {
            0 => {}
            count if count <= ARMS_PER_MATCH || rows.len() == 1 => arm(out, &without, "{}"),
            _ => out.line("_ => {}"),
        }
        out.close();
    }
    out.line("Self::unlisted(code)");
    out.close();
    out.blank();
    out.doc(&[cx.markers.choose(
        |codes| format!("Decodes `code` knowing nothing of its operation: not applicable ({codes}) or unlisted."),
        "Decodes `code` knowing nothing of its operation: unlisted.",
    )]);
    out.function("pub const fn unlisted(code: i32) -> Self");
    let unlisted = format!("Self::Unlisted({module}::Unlisted(code))");
    cx.markers.either(
        out,
        |out, _| {
            out.open("match NotApplicable::from_code(code)");
            out.line("Some(marker) => Self::NotApplicable(marker),");
            out.line(format_args!("None => {unlisted},"));
            out.close();
        },
        |out| out.line(&unlisted),
    );
    out.close();
}

/// `code`, `operation`, `codes`, `name`, `description` and
/// `description_in` of the reason enum, each delegating to the row's.
fn reason_accessors(out: &mut Writer, cx: &Context<'_>, name: &str, table: &Table, rows: &[&Row]) {
    let delegate = |out: &mut Writer, call: &str, marker: &str, unlisted: &str| {
        out.open("match self");
        for row in rows {
            out.line(format_args!(
                "{name}::{}(reason) => reason.{call},",
                row.name
            ));
        }
        match marker == unlisted {
            true => out.line(format_args!(
                "{} => {unlisted},",
                cx.markers.or("Self::Unlisted(_)")
            )),
            false => {
                cx.markers.write(out, |out, _| out.line(marker));
                out.line(format_args!("Self::Unlisted(unlisted) => {unlisted},"));
            }
        }
        out.close();
    };
    out.line("/// The vendor code, the exact number this reason was decoded from.");
    out.function("pub const fn code(self) -> i32");
    delegate(
        out,
        "code()",
        "Self::NotApplicable(marker) => marker.code(),",
        "unlisted.code()",
    );
    out.close();
    out.blank();
    reason_operation(out, name, table, rows);
    out.blank();
    reason_listed_codes(out, name, rows);
    out.blank();
    out.line("/// The Rust name of the reason, or `NotApplicable` / `Unlisted`.");
    out.function("pub const fn name(self) -> &'static str");
    out.open("match self");
    for row in rows {
        out.line(format_args!(
            "{name}::{}(reason) => reason.name(),",
            row.name
        ));
    }
    cx.markers.write(out, |out, _| {
        out.line("Self::NotApplicable(_) => \"NotApplicable\",");
    });
    out.line("Self::Unlisted(_) => \"Unlisted\",");
    out.close();
    out.close();
    out.blank();
    out.line("/// The vendor's text, where it gives one: in English, or in Chinese");
    out.line("/// where it gives no English.");
    out.function("pub const fn description(self) -> Option<&'static str>");
    delegate(out, "description()", "None", "None");
    out.close();
    out.blank();
    out.line("/// The same in `lang`, or in the other language where the vendor");
    out.line("/// gives none in `lang`.");
    out.function(format_args!(
        "pub const fn description_in(self, lang: {LANG}) -> Option<&'static str>"
    ));
    delegate(out, "description_in(lang)", "None", "None");
    out.close();
}

/// `From<Reason> for i32`, `Display` and serde of the reason enum.
fn reason_traits(out: &mut Writer, cx: &Context<'_>, name: &str, code_enum: &str) {
    equality_by(out, name, &["core::mem::discriminant({})", "{}.code()"]);
    out.blank();
    out.open(format_args!("impl From<{name}> for i32"));
    out.function(format_args!("fn from(reason: {name}) -> i32"));
    out.line("reason.code()");
    out.close();
    out.close();
    out.blank();
    reason_debug(out, cx, name);
    out.blank();
    out.open(format_args!("impl core::fmt::Display for {name}"));
    out.function("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.open("match (self, self.description())");
    cx.markers.write(out, |out, _| {
        out.line("(Self::NotApplicable(marker), _) => write!(f, \"not applicable ({})\", marker.code()),");
    });
    out.line("(Self::Unlisted(unlisted), _) => write!(f, \"unlisted ({unlisted})\"),");
    out.line("(_, Some(text)) => write!(f, \"{} ({}: {text})\", self.name(), self.code()),");
    out.line("(_, None) => write!(f, \"{} ({})\", self.name(), self.code()),");
    out.close();
    out.close();
    out.close();
    reason_serde(out, cx, name, code_enum);
}

/// `Debug` of the reason enum, writing what the derive wrote,
/// `Busy(CallRejected)`, `{:#?}` included, from the accessors every
/// reason has. A derived `Debug` is one more `match` of an arm per
/// operation with reasons, which rustc checks in more than linear time
/// (at 40,000 rows, 2.7 s of a 98 s build, 2.5 times what half as many
/// took).
fn reason_debug(out: &mut Writer, cx: &Context<'_>, name: &str) {
    out.open(format_args!("impl core::fmt::Debug for {name}"));
    out.function("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.open("match (self, self.operation(), self.codes())");
    cx.markers.write(out, |out, _| {
        out.line(
            "(Self::NotApplicable(marker), _, _) => f.debug_tuple(\"NotApplicable\").field(marker).finish(),",
        );
    });
    out.line(
        "(Self::Unlisted(unlisted), _, _) => f.debug_tuple(\"Unlisted\").field(unlisted).finish(),",
    );
    out.line(format_args!(
        "(_, Some(operation), Some(codes)) => {REASON_TEXT}::debug_in_operation(f, operation.name(), self.name(), codes, self.code()),"
    ));
    out.line("// (Every other reason has an operation and its codes.)");
    out.line("(_, _, _) => f.write_str(self.name()),");
    out.close();
    out.close();
    out.close();
}

/// The module of `Unlisted`, the code only decoding makes.
fn unlisted_module(out: &mut Writer, cx: &Context<'_>, name: &str) {
    out.line(format_args!(
        "/// The code that [`{name}::Unlisted`] carries."
    ));
    out.open(format_args!("pub mod {}", snake_case(name)));
    let not_marker = cx
        .markers
        .choose(|codes| format!(" and is not {codes}"), "");
    out.doc(&[format!(
        "A code that is not listed for its operation{not_marker}: only [`{name}::decode`](super::{name}::decode) and [`{name}::unlisted`](super::{name}::unlisted) make one."
    )]);
    out.line("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]");
    out.line("pub struct Unlisted(pub(super) i32);");
    out.blank();
    out.open("impl Unlisted");
    out.line("/// The vendor code.");
    out.function("pub const fn code(self) -> i32");
    out.line("self.0");
    out.close();
    out.close();
    out.blank();
    out.open("impl core::fmt::Display for Unlisted");
    out.function("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.line("write!(f, \"{}\", self.0)");
    out.close();
    out.close();
    out.close();
}
