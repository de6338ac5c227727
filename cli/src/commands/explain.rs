//! `codes explain` and `codes list`: human answers from the generated types
//! of the built-in table, the same code every downstream crate runs.

use std::io::{Result, Write};

use cec_codes::{Code, Object, Operation, OperationType, Reason, ReasonCodes, ReasonInfo};

use crate::io::{self, Failure, Status};

/// Arguments of `codes explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The operation type: a vendor code (`3`) or a name (`Busy`, any case).
    op: String,
    /// The operation reason (`op_cause`); without it, every listed reason is shown.
    #[arg(allow_hyphen_values = true)]
    reason: Option<i32>,
    /// The operation object (`op_object`), such as an employee ID.
    #[arg(allow_hyphen_values = true)]
    object: Option<String>,
}

/// Arguments of `codes list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Show each type's reasons and notes too.
    #[arg(long)]
    reasons: bool,
}

/// Explains an operation, and its reason and object when given.
pub fn explain(args: &ExplainArgs) -> std::result::Result<Status, Failure> {
    io::with_stdout(|out| write_explanation(args, out))
}

/// Lists every operation type.
pub fn list(args: &ListArgs) -> std::result::Result<Status, Failure> {
    io::with_stdout(|out| write_list(args, out))
}

fn write_explanation(args: &ExplainArgs, out: &mut dyn Write) -> Result<Status> {
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
            writeln!(out, "Reason {reason}: {}", describe_reason(row.reason()))?;
        }
        return Ok(Status::Problems);
    };
    writeln!(out, "Operation {}: {}", op.code(), op.name())?;
    writeln!(out, "  {}", op.description())?;
    writeln!(
        out,
        "  object: {}",
        op.object_kind().map_or("none (-1)", |kind| kind.text())
    )?;
    if args.object.is_some() && !matches!(row.object(), Object::NotApplicable(_)) {
        writeln!(out, "Object: {}", row.object())?;
    }
    match args.reason {
        Some(reason) => {
            writeln!(out, "Reason {reason}: {}", describe_reason(row.reason()))?;
            // The generated decoding decided the reason; its listing says
            // how the vendor writes its codes.
            let listed = op
                .reasons()
                .iter()
                .find(|info| info.name == row.reason().name());
            if let Some(info) = listed
                && let ReasonCodes::Range { .. } | ReasonCodes::Open { .. } = info.codes
            {
                writeln!(out, "  ({})", codes_phrase(info))?;
            }
        }
        None => write_reasons(op, out)?,
    }
    for note in op.notes() {
        writeln!(out, "Note: {note}")?;
    }
    Ok(Status::Success)
}

fn write_list(args: &ListArgs, out: &mut dyn Write) -> Result<Status> {
    let width = OperationType::ALL
        .iter()
        .map(|op| op.name().len())
        .max()
        .unwrap_or(0);
    for op in OperationType::ALL {
        let object = op.object_kind().map_or("-", |kind| kind.text());
        writeln!(
            out,
            "{:>4}  {:width$}  {}  [object: {object}]",
            op.code(),
            op.name(),
            op.description()
        )?;
        if args.reasons {
            for info in op.reasons() {
                let text = info
                    .description
                    .map(|text| format!(": {text}"))
                    .unwrap_or_default();
                writeln!(out, "{:>10}  {}{text}", info.codes.to_string(), info.name)?;
            }
            for note in op.notes() {
                writeln!(out, "{:>10}  {note}", "note")?;
            }
        }
    }
    Ok(Status::Success)
}

fn write_reasons(op: OperationType, out: &mut dyn Write) -> Result<()> {
    if op.reasons().is_empty() {
        return writeln!(out, "Reasons: not used (-1)");
    }
    writeln!(out, "Reasons:")?;
    for info in op.reasons() {
        match info.description {
            Some(text) => writeln!(out, "  {} {}: {text}", codes_phrase(info), info.name),
            None => writeln!(out, "  {} {}", codes_phrase(info), info.name),
        }?;
    }
    Ok(())
}

fn describe_reason(reason: Reason) -> String {
    match (reason, reason.description()) {
        (Reason::NotApplicable(_), _) => "not applicable".to_string(),
        (Reason::Unlisted(_), _) => "not listed for this operation type".to_string(),
        (_, Some(text)) => format!("{}: {text}", reason.name()),
        (_, None) => format!("{} (the vendor gives no text)", reason.name()),
    }
}

fn codes_phrase(info: &ReasonInfo) -> String {
    match info.codes {
        ReasonCodes::Open {
            default: Some(default),
        } => format!("any code, default {default}"),
        ReasonCodes::Open { default: None } => "any code".to_string(),
        ReasonCodes::Range { start, end } => format!("range {start}-{end}"),
        codes => codes.to_string(),
    }
}
