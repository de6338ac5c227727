//! Properties of the reader over generated input: every record it accepts
//! re-encodes to the same fields, its fields are what csv's own reader
//! finds, and reading a file inside a zip archive is reading the file.

use std::io::{Cursor, Write};

use cec_bills::{Bill, BillArchive, BillReader, Column, Encoding, Field};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

/// Pieces bill files are made of: good values of each kind, CSV's special
/// bytes, text that is not ASCII, bytes that are not UTF-8.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => Just(b"2023-09-27 08:00:00".to_vec()),
        2 => Just(b"2024-02-29 23:59:59".to_vec()),
        8 => (-3i64..70_000).prop_map(|code| code.to_string().into_bytes()),
        12 => "[a-z0-9 ._-]{0,6}".prop_map(String::into_bytes),
        1 => Just("呼出".as_bytes().to_vec()),
        1 => Just("IVR呼入".as_bytes().to_vec()),
        1 => Just(b"\xba\xf4\xb3\xf6".to_vec()),
        1 => Just(b"\"".to_vec()),
        1 => Just(b"\"\"".to_vec()),
        1 => Just(b"\r".to_vec()),
        1 => Just(b"\n".to_vec()),
        1 => Just(b",".to_vec()),
        1 => Just(b"\xef\xbb\xbf".to_vec()),
        1 => any::<u8>().prop_map(|byte| vec![byte]),
    ]
}

/// A field: a piece or two, mostly quoted as a CSV writer quotes them
/// where they need it, sometimes not, sometimes quoted when not needed.
fn field() -> impl Strategy<Value = Vec<u8>> {
    (prop::collection::vec(piece(), 0..3), 0..10u8).prop_map(|(pieces, quote)| {
        let text = pieces.concat();
        let special = text.iter().any(|byte| b",\"\r\n".contains(byte));
        if !(special && quote < 8 || quote == 9) {
            return text;
        }
        let mut quoted = vec![b'"'];
        for &byte in &text {
            if byte == b'"' {
                quoted.push(b'"');
            }
            quoted.push(byte);
        }
        quoted.push(b'"');
        quoted
    })
}

/// The fields of a record: mostly good times and codes where the vendor
/// has them, anything elsewhere; sometimes a field more or less.
fn fields() -> impl Strategy<Value = Vec<Vec<u8>>> {
    let column = |column: Column| -> BoxedStrategy<Vec<u8>> {
        match column {
            Column::BeginTime | Column::EndTime => prop_oneof![
                6 => Just(b"2023-09-27 08:00:00".to_vec()),
                2 => (0..24u8, 0..60u8).prop_map(|(hour, minute)| format!("2024-02-29 {hour:02}:{minute:02}:59").into_bytes()),
                1 => field(),
            ]
            .boxed(),
            Column::OpType | Column::OpCause => prop_oneof![
                6 => (-3i64..70_000).prop_map(|code| code.to_string().into_bytes()),
                1 => field(),
            ]
            .boxed(),
            _ => field().boxed(),
        }
    };
    let record: Vec<BoxedStrategy<Vec<u8>>> = Column::ALL.into_iter().map(column).collect();
    (record, 0..10u8, field()).prop_map(|(mut fields, change, extra)| {
        match change {
            0 => drop(fields.pop()),
            1 => fields.push(extra),
            _ => {}
        }
        fields
    })
}

/// A file: lines of mostly 21 fields (sometimes 20 or 22), each ending in
/// `\n` or `\r\n`, perhaps a header line first, perhaps no last line end.
fn file() -> impl Strategy<Value = Vec<u8>> {
    let line = (fields(), prop::bool::ANY, 0..8u8).prop_map(|(fields, crlf, blank)| {
        let mut line = fields.join(&b","[..]);
        if blank == 0 {
            line.clear();
        }
        line.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
        line
    });
    (
        prop::bool::ANY,
        prop::collection::vec(line, 0..12),
        prop::bool::ANY,
    )
        .prop_map(|(header, lines, last_end)| {
            let mut file = Vec::new();
            if header {
                file.extend_from_slice(Column::ALL.map(Column::name).join(",").as_bytes());
                file.push(b'\n');
            }
            file.extend(lines.concat());
            if !last_end && file.last() == Some(&b'\n') {
                file.pop();
            }
            file
        })
}

/// The records csv's own reader finds in `file`, split at `\n` as the bill
/// reader does, less the blank `\r\n` lines and a header line the bill
/// reader accepts: one per result of the bill reader.
fn csv_records(file: &[u8]) -> Vec<csv::ByteRecord> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(file);
    let mut records: Vec<csv::ByteRecord> = reader
        .byte_records()
        .map(|record| record.expect("csv reads any bytes from memory"))
        .filter(|record| !(record.len() == 1 && &record[0] == b"\r"))
        .collect();
    let header = Column::ALL.map(Column::name);
    let is_header = |record: &csv::ByteRecord| {
        record.len() == Column::COUNT
            && record
                .iter()
                .zip(header)
                .all(|(found, name)| found.trim_ascii().eq_ignore_ascii_case(name.as_bytes()))
    };
    if records.first().is_some_and(is_header) {
        records.remove(0);
    }
    records
}

/// Every result of reading `file` in `encoding`: the bill and each
/// column's text of an accepted record.
fn read(file: &[u8], encoding: Encoding) -> Vec<Result<(Bill, Vec<String>), String>> {
    let mut reader = BillReader::new(file).encoding(encoding);
    let mut results = Vec::new();
    while let Some(result) = reader.next_ref() {
        results.push(
            result
                .map(|record| {
                    // All the columns at once are each column alone.
                    assert_eq!(
                        record.fields(),
                        Column::ALL.map(|column| record.field(column))
                    );
                    assert_eq!(
                        record.texts(),
                        Column::ALL.map(|column| record.text(column))
                    );
                    let texts = Column::ALL.map(|column| record.text(column).to_owned());
                    (record.to_bill(), texts.to_vec())
                })
                .map_err(|error| error.to_string()),
        );
    }
    results
}

/// The properties test something: a good share of the generated records
/// are accepted.
#[test]
fn the_generated_files_have_records_the_reader_accepts() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut accepted = 0;
    let mut results = 0;
    for _ in 0..200 {
        let file = file().new_tree(&mut runner).unwrap().current();
        let read = read(&file, Encoding::Utf8);
        results += read.len();
        accepted += read.iter().filter(|result| result.is_ok()).count();
    }
    assert!(
        accepted * 10 > results,
        "{accepted} of {results} records accepted"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any record the reader accepts, written back by a CSV writer, reads
    /// back as the same record, with the same text in every column.
    ///
    /// The writer quotes every field: a file whose first field starts with
    /// U+FEFF unquoted starts with a byte order mark, which is dropped. And
    /// the reader drops a `\r` that ends the last field, quoted or not, as
    /// the `\r` of a `\r\n` line end: a last field it gives that still ends
    /// in `\r` (it had two) cannot come back the same, and is left out.
    #[test]
    fn any_accepted_record_re_encodes_to_the_same_fields(file in file()) {
        for encoding in [Encoding::Utf8, Encoding::Gb18030, Encoding::Auto] {
            let accepted = read(&file, encoding).into_iter().flatten();
            for (bill, texts) in accepted.filter(|(bill, _)| !bill.skill_info_sn.ends_with('\r')) {
                let mut writer = csv::WriterBuilder::new()
                    .has_headers(false)
                    .quote_style(csv::QuoteStyle::Always)
                    .from_writer(Vec::new());
                writer.serialize(&bill).unwrap();
                let written = writer.into_inner().unwrap();
                let again = read(&written, Encoding::Utf8);
                prop_assert_eq!(again.len(), 1, "{:?}", String::from_utf8_lossy(&written));
                let (read_back, read_texts) = again.into_iter().next().unwrap().unwrap();
                prop_assert_eq!(&read_back, &bill);
                // The text of the columns kept as text; times and codes are
                // their values (`003` is 3, and is written back `3`).
                for column in Column::ALL {
                    if let Field::Text(text) = bill.field(column) {
                        prop_assert_eq!(text, &texts[column.index()]);
                        prop_assert_eq!(&read_texts[column.index()], &texts[column.index()]);
                    }
                }
            }
        }
    }

    /// The fields of every record the reader accepts in UTF-8 are the
    /// fields csv's own reader finds there (without the `\r` of a `\r\n`;
    /// csv drops a byte order mark that starts the file, as the reader does),
    /// whether the reader split the line itself or had csv's parser do it.
    #[test]
    fn accepted_records_have_the_fields_csv_finds(file in file()) {
        let results = read(&file, Encoding::Utf8);
        let records = csv_records(&file);
        prop_assert_eq!(results.len(), records.len());
        for (result, record) in results.iter().zip(&records) {
            let Ok((_, texts)) = result else {
                continue;
            };
            let mut fields: Vec<&[u8]> = record.iter().collect();
            let last = fields.len() - 1;
            fields[last] = fields[last].strip_suffix(b"\r").unwrap_or(fields[last]);
            let texts: Vec<&[u8]> = texts.iter().map(|text| text.as_bytes()).collect();
            prop_assert_eq!(texts, fields);
        }
    }

    /// A bill file inside a zip archive, stored or deflated, reads as the
    /// file itself does.
    #[test]
    fn a_file_in_a_zip_archive_reads_as_the_file(file in file(), deflated in prop::bool::ANY) {
        let method = match deflated {
            true => zip::CompressionMethod::Deflated,
            false => zip::CompressionMethod::Stored,
        };
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        zip.start_file("bills.csv", options).unwrap();
        zip.write_all(&file).unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        let mut archive = BillArchive::new(Cursor::new(bytes)).unwrap();
        let from_zip: Vec<_> = archive
            .open(0)
            .unwrap()
            .map(|result| result.map_err(|error| error.to_string()))
            .collect();
        let direct: Vec<_> = BillReader::new(&file[..])
            .map(|result| result.map_err(|error| error.to_string()))
            .collect();
        prop_assert_eq!(from_zip, direct);
    }
}
