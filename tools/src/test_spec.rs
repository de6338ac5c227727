//! Rows for unit tests, built from spec text as a maintainer writes it:
//! only validation builds a model.

use codes_codegen::Spec;
use codes_codegen::model::{ReasonCodes, Row};

/// Row 1 of a one-table spec with the markers `-1` and `65535`, with
/// `reasons` named as given (an empty name is `R` and its position).
pub(crate) fn row_with(reasons: &[(ReasonCodes, &str)]) -> Row {
    let mut text = String::from(
        "[source]\nvendor = \"V\"\nproduct = \"P\"\ndocument = \"D\"\n\n\
         [[not_applicable]]\ncode = -1\nname = \"MinusOne\"\ndescription = \"not used\"\n\n\
         [[not_applicable]]\ncode = 65535\nname = \"UsNoUse\"\ndescription = \"US_NO_USE\"\n\n\
         [[table]]\nname = \"OperationType\"\ntitle = \"T\"\npage = \"p\"\n\
         columns = [\"Code\", \"Description\", \"Reason\"]\n\
         record = \"Operation\"\nobject = \"Object\"\nreason = \"Reason\"\n\n\
         [[table.row]]\ncode = 1\nname = \"Row\"\ndescription = \"A row.\"\n",
    );
    for (position, (codes, name)) in reasons.iter().enumerate() {
        let codes = match *codes {
            ReasonCodes::Single(code) => format!("code = {code}"),
            ReasonCodes::Range { start, end } => format!("range = [{start}, {end}]"),
            ReasonCodes::Open { default: None } => "open = true".to_string(),
            ReasonCodes::Open {
                default: Some(default),
            } => format!("open = true\ndefault = {default}"),
        };
        let name = match name {
            &"" => format!("R{position}"),
            name => name.to_string(),
        };
        text.push_str(&format!(
            "\n[[table.row.reason]]\n{codes}\nname = \"{name}\"\n"
        ));
    }
    let spec = Spec::from_toml("test.toml", &text)
        .unwrap_or_else(|error| panic!("a valid spec:\n{error}\n{text}"));
    spec.tables()[0].rows()[0].clone()
}
