//! `codes explain` and `codes list`: human answers from the generated types
//! of the built-in tables, the same code every downstream crate runs.

use std::io::{Result, Write};

use cec_codes::{
    AgentType, CallDirection, Code, Enumerable, Lang, MediaType, Object, Operation, OperationType,
    Reason, ReasonCodes,
};

use crate::io::{self, Failure, Status};
use crate::lang::LangArgs;
use crate::width::{pad_left, pad_right, width};

/// Arguments of `codes explain`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  codes explain 26 12 1001
  codes explain --table media-type 53 --lang zh")]
pub struct ExplainArgs {
    /// The operation type: a vendor code (`3`) or a name (`Busy`, any
    /// case); with --table, a code, name or constant of that table.
    op: String,
    /// The operation reason (`op_cause`); without it, every listed reason is shown.
    #[arg(allow_negative_numbers = true)]
    reason: Option<i32>,
    /// The operation object (`op_object`), such as an employee ID.
    #[arg(allow_negative_numbers = true)]
    object: Option<String>,
    /// The table of the code, by its name or its bill column.
    #[arg(long, value_enum, default_value_t = Table::OperationType)]
    table: Table,
    #[command(flatten)]
    lang: LangArgs,
}

/// Arguments of `codes list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// The table to list, by its name or its bill column.
    #[arg(value_enum, default_value_t = Table::OperationType)]
    table: Table,
    /// Show each operation type's reasons and notes too.
    #[arg(long)]
    reasons: bool,
    #[command(flatten)]
    lang: LangArgs,
}

/// A built-in table, named as `codes list` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Table {
    /// The operation types (`op_type`), with their objects and reasons.
    #[value(alias = "op_type")]
    OperationType,
    /// The media types (`media_type`), with the vendor's constant names.
    #[value(alias = "media_type")]
    MediaType,
    /// The agent types (`agent_type`), with the vendor's constant names.
    #[value(alias = "agent_type")]
    AgentType,
    /// The call directions (`callIn_out`), whose codes are text.
    #[value(alias = "callIn_out")]
    CallDirection,
}

/// Explains an operation, and its reason and object when given; or a code
/// of another table.
pub fn explain(args: &ExplainArgs) -> std::result::Result<Status, Failure> {
    if args.table != Table::OperationType && (args.reason.is_some() || args.object.is_some()) {
        return Err(Failure(
            "REASON and OBJECT are those of an operation type; other tables have none".to_string(),
        ));
    }
    let lang = args.lang.lang();
    io::with_stdout(|out| match args.table {
        Table::OperationType => write_explanation(args, out),
        Table::MediaType => write_code::<MediaType>(
            "Media type",
            &args.op,
            |media| Some(media.constant()),
            |media, lang| media.notes_in(lang),
            lang,
            out,
        ),
        Table::AgentType => write_code::<AgentType>(
            "Agent type",
            &args.op,
            |agent| Some(agent.constant()),
            |agent, lang| agent.notes_in(lang),
            lang,
            out,
        ),
        Table::CallDirection => write_code::<CallDirection>(
            "Call direction",
            &args.op,
            |_| None,
            |direction, lang| direction.notes_in(lang),
            lang,
            out,
        ),
    })
}

/// Explains the code `wanted` (a code, a name in any case, or a constant)
/// of a table without reasons: its code, name, text in `lang` and in the
/// other language where it differs, the vendor's constant, and its notes.
fn write_code<T: Enumerable>(
    what: &str,
    wanted: &str,
    constant: impl Fn(T) -> Option<&'static str>,
    notes: impl Fn(T, Lang) -> &'static [&'static str],
    lang: Lang,
    out: &mut dyn Write,
) -> Result<Status> {
    let found = T::values().find(|&value| {
        value.code().to_string() == wanted
            || value.name().eq_ignore_ascii_case(wanted)
            || constant(value) == Some(wanted)
    });
    let Some(value) = found else {
        writeln!(
            out,
            "{what} {wanted} is not in the table: a bill with it is kept as unlisted {wanted}."
        )?;
        return Ok(Status::Problems);
    };
    writeln!(out, "{what} {}: {}", value.code(), value.name())?;
    let text = value.description_in(lang).unwrap_or_default();
    if text != value.code().to_string() {
        writeln!(out, "  {text}")?;
    }
    let other = match lang {
        Lang::En => Lang::Zh,
        _ => Lang::En,
    };
    if let Some(other_text) = value.description_in(other).filter(|other| *other != text) {
        writeln!(out, "  {other_text}")?;
    }
    if let Some(constant) = constant(value) {
        writeln!(out, "  constant: {constant}")?;
    }
    for note in notes(value, lang) {
        writeln!(out, "Note: {note}")?;
    }
    Ok(Status::Success)
}

/// Lists every code of a table.
pub fn list(args: &ListArgs) -> std::result::Result<Status, Failure> {
    if args.reasons && args.table != Table::OperationType {
        return Err(Failure(
            "--reasons lists the reasons of operation types; other tables have none".to_string(),
        ));
    }
    let lang = args.lang.lang();
    io::with_stdout(|out| match args.table {
        Table::OperationType => write_operation_types(args.reasons, lang, out),
        Table::MediaType => write_codes::<MediaType>(lang, |media| Some(media.constant()), out),
        Table::AgentType => write_codes::<AgentType>(lang, |agent| Some(agent.constant()), out),
        Table::CallDirection => write_codes::<CallDirection>(lang, |_| None, out),
    })
}

fn write_explanation(args: &ExplainArgs, out: &mut dyn Write) -> Result<Status> {
    let lang = args.lang.lang();
    let code = match args.op.parse::<i32>() {
        Ok(code) => code,
        Err(_) => match OperationType::ALL
            .into_iter()
            .find(|op| op.name().eq_ignore_ascii_case(&args.op))
        {
            Some(op) => op.code(),
            None => {
                io::say!(
                    "codes: no operation type is named {:?}; `codes list` shows them all",
                    args.op
                );
                return Ok(Status::Problems);
            }
        },
    };
    let row = Operation::decode(
        code,
        args.object.as_deref().unwrap_or("-1"),
        args.reason.unwrap_or(-1),
    );
    let Code::Known(op) = row.code() else {
        writeln!(
            out,
            "Operation {code} is not in the table: a bill row with it is kept as unknown operation {code}."
        )?;
        if let Some(reason) = args.reason {
            writeln!(
                out,
                "Reason {reason}: {}",
                describe_reason(row.reason(), lang)
            )?;
        }
        return Ok(Status::Problems);
    };
    writeln!(out, "Operation {}: {}", op.code(), op.name())?;
    writeln!(out, "  {}", op.description_in(lang))?;
    writeln!(
        out,
        "  object: {}",
        op.object_kind()
            .map_or("none (-1)", |kind| kind.description_in(lang))
    )?;
    if args.object.is_some() && !matches!(row.object(), Object::NotApplicable(_)) {
        writeln!(out, "Object: {}", describe_object(row.object(), lang))?;
    }
    match args.reason {
        Some(reason) => {
            writeln!(
                out,
                "Reason {reason}: {}",
                describe_reason(row.reason(), lang)
            )?;
            // The generated decoding decided the reason; the reason says
            // how the vendor lists its codes.
            if let Some(codes @ (ReasonCodes::Range { .. } | ReasonCodes::Open { .. })) =
                row.reason().codes()
            {
                writeln!(out, "  ({})", codes_phrase(codes))?;
            }
        }
        None => write_reasons(op, lang, out)?,
    }
    for note in op.notes_in(lang) {
        writeln!(out, "Note: {note}")?;
    }
    Ok(Status::Success)
}

fn write_operation_types(reasons: bool, lang: Lang, out: &mut dyn Write) -> Result<Status> {
    let width = OperationType::ALL
        .iter()
        .map(|op| width(op.name()))
        .max()
        .unwrap_or(0);
    for op in OperationType::ALL {
        let object = op
            .object_kind()
            .map_or("-", |kind| kind.description_in(lang));
        writeln!(
            out,
            "{:>4}  {}  {}  [object: {object}]",
            op.code(),
            pad_right(op.name(), width),
            op.description_in(lang)
        )?;
        if reasons {
            for info in op.reasons() {
                let text = info
                    .reason
                    .description_in(lang)
                    .map(|text| format!(": {text}"))
                    .unwrap_or_default();
                let name = info.reason.name();
                writeln!(out, "{:>10}  {name}{text}", info.codes.to_string())?;
            }
            for note in op.notes_in(lang) {
                writeln!(out, "{:>10}  {note}", "note")?;
            }
        }
    }
    Ok(Status::Success)
}

/// The codes of a table without reasons, one per line: the code, the Rust
/// name, the vendor's constant where the table has them, the text. Columns
/// are aligned by display width, numbers to the right.
fn write_codes<T: Enumerable>(
    lang: Lang,
    constant: impl Fn(T) -> Option<&'static str>,
    out: &mut dyn Write,
) -> Result<Status> {
    let rows: Vec<[String; 3]> = T::values()
        .map(|value| {
            [
                value.code().to_string(),
                value.name().to_string(),
                constant(value).unwrap_or_default().to_string(),
            ]
        })
        .collect();
    let numeric = rows.iter().all(|[code, ..]| code.parse::<i64>().is_ok());
    let widths: [usize; 3] = std::array::from_fn(|column| {
        rows.iter()
            .map(|row| width(&row[column]))
            .max()
            .unwrap_or(0)
    });
    for (value, [code, name, constant]) in T::values().zip(&rows) {
        let code = match numeric {
            true => pad_left(code, widths[0]),
            false => pad_right(code, widths[0]),
        };
        let mut line = format!("{code}  {}", pad_right(name, widths[1]));
        if widths[2] > 0 {
            line.push_str(&format!("  {}", pad_right(constant, widths[2])));
        }
        // A text-keyed table may give no description: the generated one
        // is then the code itself, not worth repeating.
        let description = value.description_in(lang).unwrap_or_default();
        if description != value.code().to_string() {
            line.push_str(&format!("  {description}"));
        }
        writeln!(out, "{}", line.trim_end())?;
        for note in value.notes_in(lang) {
            writeln!(out, "{:width$}  Note: {note}", "", width = widths[0])?;
        }
    }
    Ok(Status::Success)
}

fn write_reasons(op: OperationType, lang: Lang, out: &mut dyn Write) -> Result<()> {
    if op.reasons().is_empty() {
        return writeln!(out, "Reasons: not used (-1)");
    }
    writeln!(out, "Reasons:")?;
    for info in op.reasons() {
        let (codes, name) = (codes_phrase(info.codes), info.reason.name());
        match info.reason.description_in(lang) {
            Some(text) => writeln!(out, "  {codes} {name}: {text}"),
            None => writeln!(out, "  {codes} {name}"),
        }?;
    }
    Ok(())
}

/// An object as `Object`'s `Display` writes it, labelled in `lang`.
fn describe_object(object: Object<'_>, lang: Lang) -> String {
    match (object.kind(), lang) {
        (Some(kind), Lang::Zh) => format!("{} {:?}", kind.description_in(lang), object.as_str()),
        _ => object.to_string(),
    }
}

fn describe_reason(reason: Reason, lang: Lang) -> String {
    match (reason, reason.description_in(lang)) {
        (Reason::NotApplicable(_), _) => "not applicable".to_string(),
        (Reason::Unlisted(_), _) => "not listed for this operation type".to_string(),
        (_, Some(text)) => format!("{}: {text}", reason.name()),
        (_, None) => format!("{} (the vendor gives no text)", reason.name()),
    }
}

fn codes_phrase(codes: ReasonCodes) -> String {
    match codes {
        ReasonCodes::Open {
            default: Some(default),
        } => format!("any code, default {default}"),
        ReasonCodes::Open { default: None } => "any code".to_string(),
        ReasonCodes::Range { start, end } => format!("range {start}-{end}"),
        codes => codes.to_string(),
    }
}
