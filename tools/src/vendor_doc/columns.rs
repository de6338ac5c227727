//! What each column of a table holds, told by its header cells.
//!
//! The first column is always the code. The others are matched against the
//! shapes the vendor's tables come in, in this order; a header cell whose
//! wording is known (in English or Chinese) must be where the shape puts
//! it, any other wording fits anywhere, so a table whose header cells are
//! all unknown reads as the first shape of its width:
//!
//! | columns | shape                                        |
//! |---------|----------------------------------------------|
//! | 2       | code, description                            |
//! | 3       | code, description, reason                    |
//! | 3       | code, constant name, description             |
//! | 3       | code, parameter name, description            |
//! | 4       | code, description, object, reason            |
//! | 4       | code, constant name, description, reason     |
//! | 4       | code, parameter name, data type, description |

use super::text::{Para, quote};
use super::{Column, DocError};

/// What a table is, by its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Shape {
    /// A table of codes: what each column holds, the code first.
    Codes(Vec<Column>),
    /// A table of a file's or an interface's parameters (`参数名称`), whose
    /// description cells may list a parameter's values.
    Parameters {
        /// The column of the parameter names.
        name: usize,
        /// The column of the descriptions.
        description: usize,
        /// The number of columns.
        columns: usize,
    },
}

impl Shape {
    /// The number of columns.
    pub fn len(&self) -> usize {
        match self {
            Shape::Codes(columns) => columns.len(),
            Shape::Parameters { columns, .. } => *columns,
        }
    }

    /// Whether a "not used" marker can stand in column `index` (so that,
    /// in the paragraph layout, `-1` there does not start a new row).
    pub fn takes_not_used(&self, index: usize) -> bool {
        matches!(self, Shape::Codes(columns) if columns.get(index) == Some(&Column::Object))
    }
}

/// What a header cell names, by its wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    Column(Column),
    ParameterName,
    DataType,
}

/// Known header wordings, compared without case, surrounding whitespace
/// and a final full stop.
const WORDINGS: &[(&str, Named)] = &[
    ("description", Named::Column(Column::Description)),
    ("meaning", Named::Column(Column::Description)),
    ("含义", Named::Column(Column::Description)),
    ("描述", Named::Column(Column::Description)),
    ("说明", Named::Column(Column::Description)),
    ("参数说明", Named::Column(Column::Description)),
    ("operation object", Named::Column(Column::Object)),
    ("object", Named::Column(Column::Object)),
    ("操作对象", Named::Column(Column::Object)),
    ("operation reason", Named::Column(Column::Reason)),
    ("reason", Named::Column(Column::Reason)),
    ("cause", Named::Column(Column::Reason)),
    ("操作原因", Named::Column(Column::Reason)),
    ("原因", Named::Column(Column::Reason)),
    ("constant", Named::Column(Column::Constant)),
    ("constant name", Named::Column(Column::Constant)),
    ("常量", Named::Column(Column::Constant)),
    ("常量名", Named::Column(Column::Constant)),
    ("常量名称", Named::Column(Column::Constant)),
    ("parameter", Named::ParameterName),
    ("parameter name", Named::ParameterName),
    ("参数", Named::ParameterName),
    ("参数名", Named::ParameterName),
    ("参数名称", Named::ParameterName),
    ("data type", Named::DataType),
    ("数据类型", Named::DataType),
];

fn named(cell: &str) -> Option<Named> {
    let cell = cell.trim();
    let cell = cell
        .strip_suffix('.')
        .or_else(|| cell.strip_suffix('。'))
        .unwrap_or(cell)
        .trim_end();
    WORDINGS
        .iter()
        .find(|(wording, _)| wording.eq_ignore_ascii_case(cell))
        .map(|(_, named)| *named)
}

/// The shapes after the code column, in the order they are tried.
const SHAPES: &[&[Named]] = {
    use Column::{Constant, Description, Object, Reason};
    use Named::{Column as C, DataType, ParameterName};
    &[
        &[C(Description)],
        &[C(Description), C(Reason)],
        &[C(Constant), C(Description)],
        &[ParameterName, C(Description)],
        &[C(Description), C(Object), C(Reason)],
        &[C(Constant), C(Description), C(Reason)],
        &[ParameterName, DataType, C(Description)],
    ]
};

/// The language a header cell is in when it is neither English nor
/// Chinese: Japanese (kana) or Korean (hangul).
fn third_language(cell: &str) -> Option<&'static str> {
    cell.chars().find_map(|c| match c {
        '\u{3040}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' => Some("Japanese"),
        '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}' | '\u{ac00}'..='\u{d7af}' => {
            Some("Korean")
        }
        _ => None,
    })
}

/// The shape of a table with these header cells (2 to 4 of them).
pub(super) fn shape(header: &[Para<'_>]) -> Result<Shape, DocError> {
    let line = header.first().map_or(1, |cell| cell.line);
    if let Some((cell, language)) = header
        .iter()
        .find_map(|cell| third_language(cell.text).map(|language| (cell, language)))
    {
        return Err(DocError::new(
            cell.line,
            format!(
                "expected header cells in English or Chinese, found {} ({language})",
                quote(cell.text)
            ),
        ));
    }
    let rest = header.get(1..).unwrap_or_default();
    let fits = |shape: &&&[Named]| {
        shape.len() == rest.len()
            && shape
                .iter()
                .zip(rest)
                .all(|(want, cell)| named(cell.text).is_none_or(|named| named == *want))
    };
    let Some(found) = SHAPES.iter().find(fits) else {
        let cells: Vec<String> = header.iter().map(|cell| quote(cell.text)).collect();
        return Err(DocError::new(
            line,
            format!(
                "expected the header cells of a code table (code, description, then object and \
                 reason, or code, constant name, description), found {}",
                cells.join(", ")
            ),
        ));
    };
    let position = |want: Named| {
        found
            .iter()
            .position(|named| *named == want)
            .map(|at| at + 1)
    };
    if let Some(name) = position(Named::ParameterName) {
        return Ok(Shape::Parameters {
            name,
            description: position(Named::Column(Column::Description)).unwrap_or(header.len() - 1),
            columns: header.len(),
        });
    }
    let columns = std::iter::once(Column::Code)
        .chain(found.iter().filter_map(|named| match named {
            Named::Column(column) => Some(*column),
            Named::ParameterName | Named::DataType => None,
        }))
        .collect();
    Ok(Shape::Codes(columns))
}
