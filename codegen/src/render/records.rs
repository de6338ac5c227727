//! The decoded record of a table with reasons (`Operation`) and the methods
//! its code enum gains for it (`object_kind`, `reasons`).

use super::*;

/// `object_kind` and `reasons` of a code enum with a record, read at the
/// variant's position.
pub(super) fn record_methods(out: &mut Writer, table: &Table, names: &RecordNames) {
    let kind = names.object_kind();
    out.line("/// The kind of object the operation names; `None` where the vendor");
    out.line("/// names none.");
    out.function(format_args!(
        "pub const fn object_kind(self) -> Option<{kind}>"
    ));
    if table.rows.iter().all(|row| row.object.is_none()) {
        out.line("None");
    } else {
        // Each entry names its row: `None` alone would not.
        let objects: Vec<String> = table
            .rows
            .iter()
            .map(|row| match row.object {
                Some(object) => format!(
                    "Some({kind}::{}), // {}",
                    table.object_kinds[object].name, row.name
                ),
                None => format!("None, // {}", row.name),
            })
            .collect();
        out.begin(format_args!(
            "const OBJECT_KINDS: &[Option<{kind}>; {}] = &[",
            objects.len()
        ));
        for object in &objects {
            out.line(object);
        }
        out.end("];");
        out.line("OBJECT_KINDS[self.position()]");
    }
    out.close();
    out.blank();
    reasons_method(out, table, names);
}

/// `reasons()`: the vendor's listing of a row's reasons, each a value of
/// the record's reason enum with the codes it is listed with, so every
/// text comes from the reason enums.
fn reasons_method(out: &mut Writer, table: &Table, names: &RecordNames) {
    out.line("/// The reasons the vendor lists, in vendor order; empty where it");
    out.line("/// lists none.");
    out.function(format_args!(
        "pub const fn reasons(self) -> &'static [{REASON_INFO}<{}>]",
        names.reason
    ));
    if table.rows.iter().all(|row| row.reasons.is_empty()) {
        out.line("&[]");
        out.close();
        return;
    }
    // One list of every row's reasons, in row order, and where each row's
    // reasons start: a list of its own per row made rustc check and intern
    // a constant a row, in time that grew faster than the rows (20,000
    // rows: 4.5 s).
    let total: usize = table.rows.iter().map(|row| row.reasons.len()).sum();
    out.begin(format_args!(
        "const REASONS: &[{REASON_INFO}<{}>; {total}] = &[",
        names.reason
    ));
    let mut starts = vec![0];
    for row in &table.rows {
        if !row.reasons.is_empty() {
            out.line(format_args!("// {}", row.name));
        }
        for index in 0..row.reasons.len() {
            out.line(format_args!("{},", reason_info(names, row, index)));
        }
        starts.push(starts[starts.len() - 1] + row.reasons.len());
    }
    out.end("];");
    let index = index_type(total);
    out.line("// Where each row's reasons start in `REASONS`, by position, and where they end.");
    let starts: Vec<String> = starts.iter().map(usize::to_string).collect();
    out.packed(
        &format!("const STARTS: &[{index}; {}] = &[", starts.len()),
        &starts,
        ";",
    );
    out.line("let position = self.position();");
    out.line("let (start, end) = (STARTS[position] as usize, STARTS[position + 1] as usize);");
    out.line("// `&REASONS[start..end]`, which is not `const`.");
    out.line("REASONS.split_at(end).0.split_at(start).1");
    out.close();
}

pub(super) fn record_struct(
    out: &mut Writer,
    cx: &Context<'_>,
    table: &Table,
    names: &RecordNames,
) {
    let name = &names.record;
    let code_enum = &table.name;
    let object = &names.object;
    let reason = &names.reason;
    out.doc(&[
        format!(
            "One row of the bill, decoded: a code of [`{code_enum}`] with its object and reason."
        ),
        String::new(),
        "Nothing is lost: an unknown code keeps its number and [`encode`](Self::encode) gives back the exact input. Only [`decode`](Self::decode) makes one, so the three always agree.".to_string(),
    ]
    .into_iter()
    .chain(record_shape(cx, table, names))
    .collect::<Vec<_>>());
    cx.attributes(
        out,
        name,
        Shape::Struct,
        "Debug, Clone, Copy, PartialEq, Eq, Hash",
        &[],
    );
    out.open(format_args!("pub struct {name}<'a>"));
    out.line(format_args!("code: {CODE}<{code_enum}>,"));
    out.line(format_args!("object: {object}<'a>,"));
    out.line(format_args!("reason: {reason},"));
    out.close();
    out.blank();
    record_impl(out, table, names);
    out.blank();
    record_display(out, cx, names);
    record_serde(out, cx, name);
    owned_record(out, cx, name);
}

/// `decode`, the accessors and `encode` of the record.
fn record_impl(out: &mut Writer, table: &Table, names: &RecordNames) {
    let code_enum = &table.name;
    let (object, reason) = (&names.object, &names.reason);
    out.open(format_args!("impl<'a> {}<'a>", names.record));
    out.line("/// Decodes the three columns of a bill row.");
    out.function("pub fn decode(code: i32, object: &'a str, reason: i32) -> Self");
    out.line(format_args!(
        "let code = {CODE}::<{code_enum}>::from_code(code);"
    ));
    out.open("match code");
    out.open(format_args!("{CODE}::Known(operation) => Self"));
    out.line("code,");
    out.line(format_args!(
        "object: {object}::decode(operation.object_kind(), object),"
    ));
    out.line(format_args!("reason: {reason}::decode(operation, reason),"));
    out.close_with(",");
    out.open(format_args!("{CODE}::Unknown(_) => Self"));
    out.line("code,");
    out.line(format_args!("object: {object}::decode(None, object),"));
    out.line(format_args!("reason: {reason}::unlisted(reason),"));
    out.close_with(",");
    out.close();
    out.close();
    out.blank();
    out.line("/// The operation, or its number if the table does not list it.");
    out.function(format_args!(
        "pub const fn code(&self) -> {CODE}<{code_enum}>"
    ));
    out.line("self.code");
    out.close();
    out.blank();
    out.line("/// The object, decoded by the kind the operation names.");
    out.function(format_args!("pub const fn object(&self) -> {object}<'a>"));
    out.line("self.object");
    out.close();
    out.blank();
    out.line("/// The reason, decoded in the context of the operation.");
    out.function(format_args!("pub const fn reason(&self) -> {reason}"));
    out.line("self.reason");
    out.close();
    out.blank();
    out.line("/// The three columns this row was decoded from.");
    out.function("pub fn encode(&self) -> (i32, &'a str, i32)");
    out.line("(self.code.code(), self.object.as_str(), self.reason.code())");
    out.close();
    out.close();
}

/// `Display` of the record: the operation, its object and its reason.
fn record_display(out: &mut Writer, cx: &Context<'_>, names: &RecordNames) {
    let (name, object) = (&names.record, &names.object);
    out.open(format_args!("impl core::fmt::Display for {name}<'_>"));
    out.function("fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result");
    out.open("match self.code");
    out.begin(format_args!("{CODE}::Known(operation) => write!("));
    out.line("f,");
    out.line("\"{operation} ({}: {})\",");
    out.line("operation.code(),");
    out.line("operation.description(),");
    out.end(")?,");
    out.begin(format_args!("{CODE}::Unknown(unknown) => write!("));
    out.line("f,");
    out.line("\"unknown operation {}\",");
    out.line("unknown.code(),");
    out.end(")?,");
    out.close();
    // A record without an object (a marker) says nothing of it.
    let on = "write!(f, \" on {}\", self.object)?;";
    cx.markers.either(
        out,
        |out, _| {
            out.open(format_args!(
                "if !matches!(self.object, {object}::NotApplicable(_))"
            ));
            out.line(on);
            out.close();
        },
        |out| out.line(on),
    );
    out.line("write!(f, \", reason {}\", self.reason)");
    out.close();
    out.close();
}
