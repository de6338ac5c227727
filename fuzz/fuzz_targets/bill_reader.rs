//! Any bytes through the bill reader, in every encoding: one result per
//! record, lines that never go back, every column of an accepted record
//! text that re-encodes to the same record, the fields csv's own reader
//! finds, and the same results however the input arrives (a byte at a
//! time, or in chunks that split records and byte order marks), and
//! whether the file is read whole or cut into pieces read on two threads
//! (`BillFiles::read_parallel`, pieces of 4 to 67 bytes, any file over a
//! piece cut).

#![no_main]

use std::io::Read;

use cec_bills::{BillReader, Column, Encoding, Field, Item};
use libfuzzer_sys::fuzz_target;

mod common;

/// Reads `bytes` in chunks of at most `chunk` bytes.
struct Chunked<'a> {
    bytes: &'a [u8],
    chunk: usize,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let n = self.chunk.min(buffer.len()).min(self.bytes.len());
        buffer[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

/// Every result of reading, as text: `LINE ok FIELDS` or `LINE: error`.
fn results(reader: impl Read, encoding: Encoding) -> Vec<String> {
    let mut reader = BillReader::new(reader).encoding(encoding);
    let mut results = Vec::new();
    let mut last_line = 0;
    while let Some(result) = reader.next_ref() {
        let line = match &result {
            Ok(record) => record.line(),
            Err(error) => error.line(),
        };
        assert!(line >= last_line.max(1), "line {line} after line {last_line}");
        last_line = line;
        results.push(match result {
            Ok(record) => {
                let bill = record.to_bill();
                let fields = record.fields();
                let texts = record.texts();
                for column in Column::ALL {
                    assert_eq!(texts[column.index()], record.text(column));
                    let field = record.field(column);
                    assert_eq!(field, bill.field(column));
                    assert_eq!(field, fields[column.index()]);
                    if let Field::Text(text) = field {
                        assert_eq!(text, record.text(column));
                    }
                }
                assert_eq!(record.operation(), bill.operation());
                assert_eq!(record.duration_secs(), bill.duration_secs());
                // Written back, the record reads back the same (the last
                // column loses a `\r` it ends in, as a line end's).
                if !bill.skill_info_sn.ends_with('\r') {
                    let mut writer = csv::WriterBuilder::new()
                        .has_headers(false)
                        .quote_style(csv::QuoteStyle::Always)
                        .from_writer(Vec::new());
                    writer.serialize(&bill).unwrap();
                    let written = writer.into_inner().unwrap();
                    let again: Vec<_> = BillReader::new(&written[..]).collect();
                    assert_eq!(again.len(), 1);
                    assert_eq!(again[0].as_ref().unwrap().bill, bill);
                }
                let texts = Column::ALL.map(|column| record.text(column));
                format!("{} ok {texts:?}", record.line())
            }
            Err(error) => error.to_string(),
        });
    }
    assert!(reader.next_ref().is_none());
    results
}

/// An item as text: `LOCATION ok FIELDS`, or the problem.
fn describe(item: Item<'_>) -> String {
    match item {
        Item::Record(record) => {
            let texts = Column::ALL.map(|column| record.record().text(column));
            format!("{} ok {texts:?}", record.location())
        }
        Item::Problem(error) => error.to_string(),
        Item::Decoded { location, encoding } => format!("{location} {encoding}"),
        other => format!("{other:?}"),
    }
}

/// The file read whole by `BillFiles::read`, and cut into pieces of
/// `piece` bytes on two threads, gives the same items.
fn split_and_whole(file: &[u8], encoding: Encoding, piece: usize) {
    let (whole, split) =
        common::read_whole_and_cut(file, "bill-reader-fuzz.csv", encoding, piece, describe);
    assert_eq!(whole, split, "read in pieces of {piece} bytes");
}

fuzz_target!(|data: &[u8]| {
    let Some((&settings, file)) = data.split_first() else {
        return;
    };
    let encoding = [
        Encoding::Utf8,
        Encoding::Gbk,
        Encoding::Gb18030,
        Encoding::Auto,
    ][usize::from(settings % 4)];
    let whole = results(file, encoding);
    let chunk = usize::from(settings / 4) % 7 + 1;
    let chunked = results(Chunked { bytes: file, chunk }, encoding);
    assert_eq!(whole, chunked, "read in chunks of {chunk}");
    split_and_whole(file, encoding, usize::from(settings / 4) + 4);

    // In UTF-8, the fields of an accepted record are csv's.
    if encoding == Encoding::Utf8 {
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(file);
        let records: Vec<csv::ByteRecord> = csv
            .byte_records()
            .map(Result::unwrap)
            .filter(|record| !(record.len() == 1 && &record[0] == b"\r"))
            .collect();
        let mut reader = BillReader::new(file);
        let mut results = Vec::new();
        while let Some(result) = reader.next_ref() {
            results.push(result.map(|record| Column::ALL.map(|column| record.text(column).to_owned())).ok());
        }
        // A header line the reader accepted has no result.
        let skipped = records.len() - results.len();
        assert!(skipped <= 1 && (skipped == 0 || reader.has_header() == Some(true)));
        for (texts, record) in results.iter().zip(&records[skipped..]) {
            let Some(texts) = texts else { continue };
            let mut fields: Vec<&[u8]> = record.iter().collect();
            let last = fields.len() - 1;
            fields[last] = fields[last].strip_suffix(b"\r").unwrap_or(fields[last]);
            let texts: Vec<&[u8]> = texts.iter().map(|text| text.as_bytes()).collect();
            assert_eq!(texts, fields);
        }
    }
});
