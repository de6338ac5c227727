//! Specs of any size shaped like `codes.toml`, for the codegen scaling figure.
//!
//! Row `i` has code `2 i` (so the table has gaps, as the vendor's does), a
//! description, an object on every third row, and reasons on every fourth:
//! three single codes, a range that contains one of them, and on every
//! twentieth row an open reason, so every kind of reason and the precedence
//! between them are exercised in proportion, as in the vendor's table.

use std::fmt::Write as _;

/// The TOML text of a valid spec with `rows` rows in one table.
pub fn spec(rows: usize) -> String {
    let mut out = String::with_capacity(rows * 260 + 1024);
    out.push_str(
        r#"[source]
vendor = "Example Vendor"
product = "Synthetic Contact Centre"
document = "Generated Interface Reference"

[[table]]
name = "OperationType"
title = "Synthetic Operation Type"
caption = "Table 1 Synthetic operation type"
page = "synthetic"
updated = "2024-01-01 GMT+00:00"
columns = ["Operation Type", "Description", "Operation Object", "Operation Reason"]
record = "Operation"
object = "Object"
reason = "Reason"

[[table.object_kind]]
name = "EmployeeId"
text = "Employee ID."
"#,
    );
    for row in 0..rows {
        let _ = write!(
            out,
            "\n[[table.row]]\ncode = {}\nname = \"Operation{row}\"\n\
             description = \"Synthetic operation {row}: the agent does what the vendor numbers {row}.\"\n",
            row * 2
        );
        if row % 3 == 0 {
            out.push_str("object = \"EmployeeId\"\n");
        }
        if row % 4 != 0 {
            continue;
        }
        for (code, name) in [(1, "First"), (2, "Second"), (150, "Special")] {
            let _ = write!(
                out,
                "\n[[table.row.reason]]\ncode = {code}\nname = \"{name}\"\n\
                 description = \"Reason {code} of operation {row}.\"\n"
            );
        }
        let _ = write!(
            out,
            "\n[[table.row.reason]]\nrange = [100, 199]\nname = \"Band\"\n\
             description = \"Codes 100 to 199 of operation {row}.\"\n"
        );
        if row % 20 == 0 {
            out.push_str(
                "\n[[table.row.reason]]\nopen = true\ndefault = 0\nname = \"Other\"\n\
                 description = \"Any other code.\"\n",
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use codes_codegen::model::ReasonCodes;

    use super::*;

    #[test]
    fn every_size_is_a_valid_spec_of_that_many_rows() {
        for rows in [1, 10, 100] {
            let spec = codes_codegen::Spec::from_toml("synthetic.toml", &spec(rows))
                .unwrap_or_else(|error| panic!("{rows} rows: {error}"));
            assert_eq!(spec.tables()[0].rows().len(), rows);
        }
    }

    #[test]
    fn rows_have_objects_reasons_ranges_and_open_reasons_in_proportion() {
        let spec = codes_codegen::Spec::from_toml("synthetic.toml", &spec(100)).unwrap();
        let rows = &spec.tables()[0].rows();
        assert_eq!(rows[7].code().integer(), Some(14));
        assert_eq!(rows.iter().filter(|row| row.object().is_some()).count(), 34);
        assert_eq!(
            rows.iter().filter(|row| !row.reasons().is_empty()).count(),
            25
        );
        let reasons = || rows.iter().flat_map(|row| row.reasons());
        assert_eq!(reasons().count(), 25 * 4 + 5);
        assert_eq!(
            reasons()
                .filter(|reason| matches!(reason.codes(), ReasonCodes::Range { .. }))
                .count(),
            25
        );
        assert_eq!(
            reasons()
                .filter(|reason| matches!(reason.codes(), ReasonCodes::Open { .. }))
                .count(),
            5
        );
        let reason = |row: &codes_codegen::model::Row, code| {
            let index = row.decoding().outcome(code)?.reason()?;
            Some(row.reasons()[index].name().to_owned())
        };
        assert_eq!(reason(&rows[0], 150).unwrap(), "Special");
        assert_eq!(reason(&rows[0], 151).unwrap(), "Band");
        assert_eq!(reason(&rows[0], 7).unwrap(), "Other");
        assert_eq!(reason(&rows[4], 7), None);
    }

    #[test]
    fn the_generated_code_grows_with_the_rows() {
        let small = codes_codegen::generate(
            &codes_codegen::Spec::from_toml("synthetic.toml", &spec(10)).unwrap(),
        );
        let large = codes_codegen::generate(
            &codes_codegen::Spec::from_toml("synthetic.toml", &spec(100)).unwrap(),
        );
        assert!(small.contains("Operation9 = 18"), "{small}");
        // `OperationType` and one reason enum per fourth row.
        assert_eq!(small.matches("pub enum Operation").count(), 1 + 3);
        assert_eq!(large.matches("pub enum Operation").count(), 1 + 25);
        assert!(large.contains("pub enum Operation96Reason {"));
    }
}
