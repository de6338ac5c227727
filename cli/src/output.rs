//! Writing rows as JSON lines, CSV or a table: one writer for every kind of
//! row a command writes.
//!
//! A row is anything that serializes as a struct whose fields are the
//! writer's columns, in order; values are strings, numbers or `None`.

use std::io::{self, BufWriter, Write};

use serde::Serialize;

use crate::width;

mod flat;
mod flat_json;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line, keys in column order.
    Jsonl,
    /// CSV with a header line.
    Csv,
    /// For reading: each record as a block of `column  value` lines; the
    /// summary as an aligned table.
    Table,
}

/// How [`Format::Table`] lays out rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableLayout {
    /// Each row as a block: a heading line of its first `heading` values
    /// joined by `:`, a `name  value` line per other column (names
    /// aligned), and a blank line. Rows are written as they come.
    Blocks {
        /// How many values make the heading.
        heading: usize,
    },
    /// One table: a header line of the column names, then a line per row,
    /// columns aligned and numbers to the right. Rows are held until the
    /// end.
    Aligned,
}

/// Rows of one shape formatted as JSON lines, CSV without its header, or
/// table blocks, into bytes that are written later: a part of the output,
/// which any thread can format, and which, put together with the parts
/// before and after it, gives what one writer would have written.
pub struct FormattedRows {
    columns: &'static [&'static str],
    sink: Formatted,
}

enum Formatted {
    Jsonl(Vec<u8>, flat_json::Names),
    /// One writer for every row, not one a row (each allocated its
    /// buffer): flushed after each row, its bytes are always whole rows.
    Csv(Box<csv::Writer<Vec<u8>>>),
    Blocks {
        bytes: Vec<u8>,
        heading: usize,
        /// The last row's cells, their text's room used again.
        cells: Vec<Cell>,
    },
}

impl FormattedRows {
    /// Rows whose fields are `columns`, in `format`, a table as blocks
    /// with headings of `heading` values (see [`TableLayout::Blocks`]).
    pub fn new(format: Format, heading: usize, columns: &'static [&'static str]) -> Self {
        let sink = match format {
            Format::Jsonl => Formatted::Jsonl(Vec::new(), flat_json::Names::new(columns)),
            Format::Csv => Formatted::Csv(Box::new(csv_writer(Vec::new()))),
            Format::Table => Formatted::Blocks {
                bytes: Vec::new(),
                heading,
                cells: Vec::new(),
            },
        };
        Self { columns, sink }
    }

    /// The CSV header line: the column names (nothing in other formats).
    fn header(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Formatted::Csv(csv) => {
                csv.write_record(self.columns).map_err(csv_error)?;
                csv.flush()
            }
            Formatted::Jsonl(..) | Formatted::Blocks { .. } => Ok(()),
        }
    }

    /// Formats one row.
    pub fn write(&mut self, row: &impl Serialize) -> io::Result<()> {
        match &mut self.sink {
            Formatted::Jsonl(bytes, names) => {
                flat_json::write_row(bytes, row, names)?;
                bytes.push(b'\n');
                Ok(())
            }
            Formatted::Csv(csv) => {
                csv.serialize(row).map_err(csv_error)?;
                csv.flush()
            }
            Formatted::Blocks {
                bytes,
                heading,
                cells,
            } => {
                fill_cells(self.columns, row, cells)?;
                write_block(bytes, self.columns, cells, *heading);
                Ok(())
            }
        }
    }

    /// The bytes formatted so far, as many as there are.
    fn len(&self) -> usize {
        self.bytes().len()
    }

    fn bytes(&self) -> &Vec<u8> {
        match &self.sink {
            Formatted::Jsonl(bytes, _) | Formatted::Blocks { bytes, .. } => bytes,
            Formatted::Csv(csv) => csv.get_ref(),
        }
    }

    /// Runs `edit` on the bytes formatted so far.
    fn edit_bytes(&mut self, edit: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> io::Result<()> {
        match &mut self.sink {
            Formatted::Jsonl(bytes, _) | Formatted::Blocks { bytes, .. } => edit(bytes),
            Formatted::Csv(csv) => edit_csv_bytes(csv, edit),
        }
    }

    /// Moves the rows formatted in `other` after these.
    fn append(&mut self, other: &mut Self) -> io::Result<()> {
        self.edit_bytes(|bytes| other.write_to(bytes))
    }

    /// Writes the rows formatted so far to `out`, and forgets them.
    pub fn write_to(&mut self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        self.edit_bytes(|bytes| {
            out.write_all(bytes)?;
            bytes.clear();
            Ok(())
        })
    }
}

/// Writes rows of one shape in one format: JSON lines, CSV with a header
/// line (even without rows), or a table.
pub struct RowWriter<'w> {
    columns: &'static [&'static str],
    sink: Sink<'w>,
}

enum Sink<'w> {
    /// Rows formatted as they come, written a buffer at a time.
    Streamed {
        out: &'w mut dyn Write,
        rows: FormattedRows,
    },
    Aligned {
        out: BufWriter<&'w mut dyn Write>,
        rows: Vec<Vec<Cell>>,
    },
}

/// One value of a row, as a table writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Cell {
    text: String,
    number: bool,
}

/// How many bytes of formatted rows a [`RowWriter`] holds before writing.
const BUFFER: usize = 64 * 1024;

impl<'w> RowWriter<'w> {
    /// A writer of rows whose fields are `columns` to `out`, in `format`
    /// (and `table` when that is [`Format::Table`]). CSV writes its header
    /// line now.
    pub fn new(
        format: Format,
        table: TableLayout,
        columns: &'static [&'static str],
        out: &'w mut dyn Write,
    ) -> io::Result<Self> {
        let sink = match (format, table) {
            (Format::Table, TableLayout::Aligned) => Sink::Aligned {
                out: BufWriter::new(out),
                rows: Vec::new(),
            },
            (_, table) => {
                let heading = match table {
                    TableLayout::Blocks { heading } => heading,
                    TableLayout::Aligned => 0,
                };
                let mut rows = FormattedRows::new(format, heading, columns);
                rows.header()?;
                Sink::Streamed { out, rows }
            }
        };
        Ok(Self { columns, sink })
    }

    /// Writes one row (a table of [`TableLayout::Aligned`] holds it until
    /// [`finish`](Self::finish)).
    pub fn write(&mut self, row: &impl Serialize) -> io::Result<()> {
        match &mut self.sink {
            Sink::Streamed { out, rows } => {
                rows.write(row)?;
                if rows.len() >= BUFFER {
                    rows.write_to(out)?;
                }
                Ok(())
            }
            Sink::Aligned { rows, .. } => {
                let mut cells = Vec::new();
                fill_cells(self.columns, row, &mut cells)?;
                rows.push(cells);
                Ok(())
            }
        }
    }

    /// Writes rows formatted elsewhere, in the same format and columns
    /// (held, like the rows of [`write`](Self::write), until a buffer's
    /// worth is ready), and empties `formatted`.
    pub fn write_formatted(&mut self, formatted: &mut FormattedRows) -> io::Result<()> {
        match &mut self.sink {
            Sink::Streamed { out, rows } => {
                if rows.len() + formatted.len() >= BUFFER {
                    rows.write_to(out)?;
                    formatted.write_to(out)
                } else {
                    rows.append(formatted)
                }
            }
            Sink::Aligned { .. } => Err(io::Error::other(
                "rows formatted elsewhere cannot go into an aligned table",
            )),
        }
    }

    /// Writes what is held and flushes.
    pub fn finish(self) -> io::Result<()> {
        match self.sink {
            Sink::Streamed { out, mut rows } => {
                rows.write_to(out)?;
                out.flush()
            }
            Sink::Aligned { mut out, rows } => {
                write_aligned(&mut out, self.columns, &rows)?;
                out.flush()
            }
        }
    }
}

/// The values of `row`, one per column, as text, into `cells` (the room
/// of their texts used again): from its fields as they come when it is a
/// row of text, integers and nulls with those fields in that order, else
/// from its `serde_json::Value`, which gives the same cells.
fn fill_cells(columns: &[&str], row: &impl Serialize, cells: &mut Vec<Cell>) -> io::Result<()> {
    cells.resize_with(columns.len(), Cell::default);
    let mut sink = Cells {
        columns,
        cells: &mut *cells,
        at: 0,
    };
    if flat::walk(row, &mut sink).is_ok_and(|given| given == columns.len()) {
        return Ok(());
    }
    *cells = cells_of_value(columns, row)?;
    Ok(())
}

/// The cells of a row whose fields are the columns, in order.
struct Cells<'c> {
    columns: &'c [&'c str],
    cells: &'c mut [Cell],
    /// The field being given.
    at: usize,
}

impl Cells<'_> {
    fn set(&mut self, text: &str, number: bool) {
        let cell = &mut self.cells[self.at];
        cell.text.clear();
        cell.text.push_str(text);
        cell.number = number;
    }
}

impl flat::Sink for Cells<'_> {
    fn field(&mut self, index: usize, name: &'static str) -> Result<(), flat::NotFlat> {
        match self.columns.get(index) {
            Some(&column) if column == name => {
                self.at = index;
                Ok(())
            }
            _ => Err(flat::NotFlat),
        }
    }

    fn text(&mut self, text: &str) {
        self.set(text, false);
    }

    fn integer(&mut self, digits: &str) {
        self.set(digits, true);
    }

    fn null(&mut self) {
        self.set("", false);
    }
}

/// The values of `row`, one per column, as text, through its
/// `serde_json::Value`: any shape of row, its fields in any order.
fn cells_of_value(columns: &[&str], row: &impl Serialize) -> io::Result<Vec<Cell>> {
    let value = serde_json::to_value(row)?;
    let serde_json::Value::Object(fields) = value else {
        return Err(io::Error::other(format!("a row is not a struct: {value}")));
    };
    let cell = |name: &&str| {
        let (text, number) = match fields.get(*name) {
            None | Some(serde_json::Value::Null) => (String::new(), false),
            Some(serde_json::Value::String(text)) => (text.clone(), false),
            Some(value @ serde_json::Value::Number(_)) => (value.to_string(), true),
            Some(value) => (value.to_string(), false),
        };
        Cell { text, number }
    };
    Ok(columns.iter().map(cell).collect())
}

/// Appends the block of a row of `cells` (see [`TableLayout::Blocks`]):
/// a heading of its first `heading` values joined by `:`, then a line of
/// each other column's name and value, the values aligned, each line
/// without trailing white space, then a blank line.
fn write_block(bytes: &mut Vec<u8>, columns: &[&str], cells: &[Cell], heading: usize) {
    let split = heading.min(cells.len());
    for (index, cell) in cells[..split].iter().enumerate() {
        if index > 0 {
            bytes.push(b':');
        }
        bytes.extend_from_slice(cell.text.as_bytes());
    }
    bytes.push(b'\n');
    // Names are padded to the longest in characters (the names are ASCII).
    let width = columns.iter().map(|name| name.len()).max().unwrap_or(0);
    for (name, cell) in columns[split..].iter().zip(&cells[split..]) {
        let value = cell.text.trim_end();
        let line = bytes.len();
        bytes.extend_from_slice(b"  ");
        if value.is_empty() {
            bytes.extend_from_slice(name.trim_end().as_bytes());
            if bytes.len() == line + 2 {
                // A blank name: the line is only spaces, trimmed away.
                bytes.truncate(line);
            }
        } else {
            bytes.extend_from_slice(name.as_bytes());
            let pad = width.saturating_sub(name.chars().count()) + 2;
            bytes.resize(bytes.len() + pad, b' ');
            bytes.extend_from_slice(value.as_bytes());
        }
        bytes.push(b'\n');
    }
    bytes.push(b'\n');
}

/// A header line and `rows` with their columns aligned: each as wide as
/// its widest cell on a terminal (a CJK character takes two columns), two
/// spaces apart, numbers to the right.
fn write_aligned(out: &mut impl Write, columns: &[&str], rows: &[Vec<Cell>]) -> io::Result<()> {
    let mut widths: Vec<usize> = columns.iter().map(|name| width::width(name)).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(width::width(&cell.text));
        }
    }
    let numbers: Vec<bool> = (0..columns.len())
        .map(|index| {
            rows.iter()
                .any(|row| row.get(index).is_some_and(|cell| cell.number))
        })
        .collect();
    let header = columns.iter().map(|name| (*name).to_owned());
    let lines = rows
        .iter()
        .map(|row| row.iter().map(|cell| cell.text.clone()));
    for line in std::iter::once(header.collect::<Vec<_>>()).chain(lines.map(Iterator::collect)) {
        let cells: Vec<String> = line
            .iter()
            .zip(&widths)
            .zip(&numbers)
            .map(|((text, &columns), &number)| match number {
                true => width::pad_left(text, columns),
                false => width::pad_right(text, columns),
            })
            .collect();
        writeln!(out, "{}", cells.join("  ").trim_end())?;
    }
    Ok(())
}

/// Runs `edit` on the bytes `csv` has written, flushed. csv's writer lends
/// its bytes out only by value: it is rebuilt around them, once a part,
/// not once a row.
pub fn edit_csv_bytes(
    csv: &mut csv::Writer<Vec<u8>>,
    edit: impl FnOnce(&mut Vec<u8>) -> io::Result<()>,
) -> io::Result<()> {
    let writer = core::mem::replace(csv, csv_writer(Vec::new()));
    let mut bytes = writer.into_inner().map_err(|error| error.into_error())?;
    let edited = edit(&mut bytes);
    *csv = csv_writer(bytes);
    edited
}

/// A CSV writer of records, without a header of its own, onto the end of
/// `bytes` (flushed after each record, its buffer need not hold more than
/// one).
pub fn csv_writer(bytes: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .buffer_capacity(1024)
        .from_writer(bytes)
}

/// A csv error as the I/O error it is, if it is one (a closed pipe stays a
/// closed pipe).
fn csv_error(error: csv::Error) -> io::Error {
    if !error.is_io_error() {
        return io::Error::other(error);
    }
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        kind => io::Error::other(format!("{kind:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    use crate::output::flat::test_row::{COLUMNS, Row};

    const ROWS: [Row<'static>; 2] = [
        Row {
            name: "a, \"quoted\"",
            count: 12_345,
            change: -7,
            note: None,
        },
        Row {
            name: "bé",
            count: 1,
            change: 0,
            note: Some("ok"),
        },
    ];

    fn written(format: Format, table: TableLayout, rows: &[Row]) -> String {
        let mut out = Vec::new();
        let mut writer = RowWriter::new(format, table, COLUMNS, &mut out).expect("to memory");
        for row in rows {
            writer.write(row).expect("to memory");
        }
        writer.finish().expect("to memory");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn jsonl_writes_an_object_per_row_in_column_order() {
        let aligned = written(Format::Jsonl, TableLayout::Aligned, &ROWS);
        assert_eq!(
            aligned,
            "{\"name\":\"a, \\\"quoted\\\"\",\"count\":12345,\"change\":-7,\"note\":null}\n\
             {\"name\":\"bé\",\"count\":1,\"change\":0,\"note\":\"ok\"}\n"
        );
        let blocks = written(Format::Jsonl, TableLayout::Blocks { heading: 1 }, &ROWS);
        assert_eq!(blocks, aligned, "the layout is a table's");
        assert_eq!(written(Format::Jsonl, TableLayout::Aligned, &[]), "");
    }

    #[test]
    fn csv_writes_a_header_and_quotes_where_needed() {
        assert_eq!(
            written(Format::Csv, TableLayout::Aligned, &ROWS),
            "name,count,change,note\n\"a, \"\"quoted\"\"\",12345,-7,\nbé,1,0,ok\n"
        );
        assert_eq!(
            written(Format::Csv, TableLayout::Blocks { heading: 1 }, &[]),
            "name,count,change,note\n"
        );
    }

    #[test]
    fn an_aligned_table_pads_text_left_and_numbers_right() {
        assert_eq!(
            written(Format::Table, TableLayout::Aligned, &ROWS),
            "\
name         count  change  note
a, \"quoted\"  12345      -7
bé               1       0  ok
"
        );
        assert_eq!(
            written(Format::Table, TableLayout::Aligned, &[]),
            "name  count  change  note\n"
        );
    }

    #[test]
    fn an_aligned_table_pads_chinese_by_its_display_width() {
        let rows = [
            Row {
                name: "呼入",
                count: 3,
                change: 1,
                note: Some("座席"),
            },
            Row {
                name: "IVR呼出",
                count: 10,
                change: -2,
                note: Some("x"),
            },
        ];
        // 呼入 takes four columns of a terminal, IVR呼出 seven.
        assert_eq!(
            written(Format::Table, TableLayout::Aligned, &rows),
            "\
name     count  change  note
呼入         3       1  座席
IVR呼出     10      -2  x
"
        );
    }

    #[test]
    fn blocks_are_headed_by_their_first_values() {
        assert_eq!(
            written(Format::Table, TableLayout::Blocks { heading: 2 }, &ROWS),
            "\
a, \"quoted\":12345
  change  -7
  note

bé:1
  change  0
  note    ok

"
        );
        assert_eq!(
            written(Format::Table, TableLayout::Blocks { heading: 2 }, &[]),
            ""
        );
    }

    /// A block as `write_block` replaced it: through `format!` and
    /// `trim_end`, a line at a time.
    fn block_by_format(columns: &[&str], cells: &[Cell], heading: usize) -> String {
        let split = heading.min(cells.len());
        let heading: Vec<&str> = cells[..split]
            .iter()
            .map(|cell| cell.text.as_str())
            .collect();
        let mut block = format!("{}\n", heading.join(":"));
        let width = columns.iter().map(|name| name.len()).max().unwrap_or(0);
        for (name, cell) in columns[split..].iter().zip(&cells[split..]) {
            let line = format!("  {name:width$}  {}", cell.text);
            block.push_str(line.trim_end());
            block.push('\n');
        }
        block + "\n"
    }

    /// Texts with white space where trimming would find it, and wide and
    /// multi-byte characters.
    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[ a\t\u{3000}é示,:\"]{0,6}").expect("a valid pattern")
    }

    proptest! {
        #[test]
        fn a_block_is_the_lines_format_and_trim_end_make(
            texts in proptest::collection::vec(text(), 0..6),
            numbers in proptest::collection::vec(any::<bool>(), 6),
            heading in 0usize..7,
        ) {
            // Names of every kind: blank, spaced, wider in bytes than characters.
            let columns = ["name", "", "a b ", "é", "示忙", "x"];
            let cells: Vec<Cell> = texts
                .iter()
                .zip(&numbers)
                .map(|(text, &number)| Cell { text: text.clone(), number })
                .collect();
            let columns = &columns[..cells.len()];
            let mut bytes = b"before\n".to_vec();
            write_block(&mut bytes, columns, &cells, heading);
            let expected = format!("before\n{}", block_by_format(columns, &cells, heading));
            prop_assert_eq!(String::from_utf8(bytes).expect("UTF-8"), expected);
        }

        #[test]
        fn a_flat_row_gives_the_cells_its_value_gives(
            name in any::<String>(),
            count in any::<u64>(),
            change in any::<i64>(),
            note in proptest::option::of(any::<String>()),
        ) {
            let row = Row { name: &name, count, change, note: note.as_deref() };
            // Room left by a longer row of other cells is used again.
            let mut cells = vec![Cell { text: "old".into(), number: true }; 6];
            fill_cells(COLUMNS, &row, &mut cells).expect("a row");
            prop_assert_eq!(cells, cells_of_value(COLUMNS, &row).expect("a row"));
        }
    }

    #[test]
    fn a_row_of_another_shape_or_order_gives_the_cells_its_value_gives() {
        #[derive(Serialize)]
        struct Other {
            note: Option<&'static str>,
            name: &'static str,
            flag: bool,
            ratio: f64,
        }
        let other = Other {
            note: Some("ok"),
            name: "bé",
            flag: true,
            ratio: 0.5,
        };
        let columns = ["name", "count", "flag", "ratio", "note"];
        let mut cells = Vec::new();
        fill_cells(&columns, &other, &mut cells).expect("a row");
        let texts: Vec<(&str, bool)> = cells
            .iter()
            .map(|cell| (cell.text.as_str(), cell.number))
            .collect();
        assert_eq!(
            texts,
            [
                ("bé", false),
                ("", false),
                ("true", false),
                ("0.5", true),
                ("ok", false)
            ]
        );
        // Text and integers, as the columns' row has, in another order.
        #[derive(Serialize)]
        struct Swapped {
            count: u64,
            name: &'static str,
            note: Option<&'static str>,
            change: i64,
        }
        let swapped = Swapped {
            count: 1,
            name: "bé",
            note: Some("ok"),
            change: 0,
        };
        fill_cells(COLUMNS, &swapped, &mut cells).expect("a row");
        assert_eq!(cells, cells_of_value(COLUMNS, &ROWS[1]).expect("a row"));
        // Fewer columns than fields, and more.
        for columns in [
            &COLUMNS[..2],
            &["name", "count", "change", "note", "more"][..],
        ] {
            let row = &ROWS[1];
            fill_cells(columns, row, &mut cells).expect("a row");
            assert_eq!(
                cells,
                cells_of_value(columns, row).expect("a row"),
                "{columns:?}"
            );
        }
    }

    /// Output whose reader has gone.
    struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }

        fn flush(&mut self) -> io::Result<()> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn a_closed_pipe_is_reported_as_one_in_every_format() {
        for format in [Format::Jsonl, Format::Csv, Format::Table] {
            for table in [TableLayout::Aligned, TableLayout::Blocks { heading: 1 }] {
                let mut out = ClosedPipe;
                let error =
                    RowWriter::new(format, table, COLUMNS, &mut out).and_then(|mut writer| {
                        // More than any buffer holds.
                        for _ in 0..10_000 {
                            writer.write(&ROWS[0])?;
                        }
                        writer.finish()
                    });
                let error = error.expect_err("nothing can be written");
                assert_eq!(
                    error.kind(),
                    io::ErrorKind::BrokenPipe,
                    "{format:?} {table:?}"
                );
            }
        }
    }
}
