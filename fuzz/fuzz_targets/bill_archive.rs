//! Any bytes through the archive reader: as an archive (an error, or
//! members that read to their end without panicking, and read on two
//! threads as on one), and inside a valid zip archive, stored or
//! deflated, where reading the member must be reading the bytes
//! themselves. Reading an archive on two threads
//! (`BillFiles::read_parallel`), its members cut into pieces of 4 to 131
//! bytes, each decompressed by the thread that claims it, must be reading
//! it on one.

#![no_main]

use std::io::{Cursor, Write};

use cec_bills::{BillArchive, BillReader, Encoding, Item};
use libfuzzer_sys::fuzz_target;

mod common;

fn outcomes(reader: BillReader<impl std::io::Read>) -> Vec<String> {
    reader
        .map(|result| match result {
            Ok(row) => format!("{} {:?}", row.line, row.bill),
            Err(error) => error.to_string(),
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&settings, bytes)) = data.split_first() else {
        return;
    };
    if settings & 1 == 0 {
        // The bytes as an archive.
        let Ok(mut archive) = BillArchive::new(Cursor::new(bytes)) else {
            return;
        };
        let names: Vec<String> = archive.names().map(String::from).collect();
        assert_eq!(names.len(), archive.len());
        for index in 0..archive.len() {
            if let Ok(reader) = archive.open(index) {
                let _ = outcomes(reader.encoding(Encoding::Auto));
            }
        }
        assert!(archive.open(archive.len()).is_err());
        // Read on two threads, its members cut, each piece decompressed by
        // the thread that claims it: the same records and the same errors.
        read_on_one_and_two(bytes, settings);
        return;
    }
    // The bytes as the bill file inside an archive.
    let method = match settings & 2 {
        0 => zip::CompressionMethod::Stored,
        _ => zip::CompressionMethod::Deflated,
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    zip.start_file("notes.txt", options).unwrap();
    zip.write_all(b"not a bill file").unwrap();
    zip.start_file("20230927080000000123_agentOprInfo_1.csv", options)
        .unwrap();
    zip.write_all(bytes).unwrap();
    let archive = zip.finish().unwrap().into_inner();
    read_on_one_and_two(&archive, settings);
    let mut archive = BillArchive::new(Cursor::new(archive)).unwrap();
    assert_eq!(archive.len(), 1);
    let from_zip = outcomes(archive.open(0).unwrap());
    assert_eq!(from_zip, outcomes(BillReader::new(bytes)));
});

/// The archive `archive` read on one thread and on two, its members cut
/// into pieces of 4 to 131 bytes (as `settings` says), gives the same
/// items.
fn read_on_one_and_two(archive: &[u8], settings: u8) {
    let piece = usize::from(settings >> 2) / 2 + 4;
    let describe = |item: Item<'_>| format!("{item:?}");
    let name = "bill-archive-fuzz.zip";
    let (whole, cut) = common::read_whole_and_cut(archive, name, Encoding::Utf8, piece, describe);
    assert_eq!(whole, cut, "the members cut into pieces of {piece} bytes");
}
