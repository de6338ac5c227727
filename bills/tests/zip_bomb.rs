//! A zip member that inflates to far more than it takes (200 MB of zeros
//! from a fraction of a megabyte) is read as it inflates, never held: the
//! heap does not grow with it, and its content is reported as what it is,
//! not a bill file. Its own test binary, for its counting allocator.

mod peak_heap;

use std::io::{Cursor, Write};

use cec_bills::{BillArchive, BillErrorKind, BillReader};
use peak_heap::{Counting, peak_heap};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MEMBER: usize = 200 * 1024 * 1024;

/// The heap is the process's: one test measures at a time.
static MEASURING: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn a_member_of_200_mb_of_zeros_streams_through_in_bounded_memory_and_is_reported() {
    let _alone = MEASURING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(false);
    zip.start_file("20230927080000000123_agentOprInfo_1.csv", options)
        .unwrap();
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..MEMBER / zeros.len() {
        zip.write_all(&zeros).unwrap();
    }
    drop(zeros);
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < MEMBER / 500, "{} bytes", bytes.len());

    let mut archive = BillArchive::new(Cursor::new(bytes)).unwrap();
    let (results, peak) = peak_heap(|| archive.open(0).unwrap().collect::<Vec<_>>());
    println!("peak heap {peak} bytes reading a member of {MEMBER} bytes");

    // Reading held the buffers of the reader and the inflater, not the
    // member: well under a hundredth of it.
    assert!(peak < MEMBER / 100, "peak heap {peak} bytes");
    assert_eq!(results.len(), 1);
    let error = results.into_iter().next().unwrap().unwrap_err();
    assert!(matches!(error.kind(), BillErrorKind::TooLong { bytes } if *bytes == MEMBER as u64));
    assert_eq!(
        error.to_string(),
        format!(
            "line 1: record is {MEMBER} bytes long, over the {} of a bill record (not a bill file?)",
            BillReader::<&[u8]>::MAX_RECORD_BYTES
        )
    );
}

#[test]
fn a_long_record_between_good_ones_is_skipped_and_reading_goes_on() {
    let _alone = MEASURING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let good = "1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1\n";
    // A quoted field of a million bytes over three lines.
    let long = format!("\"{}\n\n{}\"\n", "x".repeat(500_000), "y".repeat(500_000));
    let file = format!("{good}{long}{good}");
    let (outcomes, peak) = peak_heap(|| {
        BillReader::new(file.as_bytes())
            .map(|result| match result {
                Ok(row) => format!("ok {}", row.line),
                Err(error) => error.to_string(),
            })
            .collect::<Vec<String>>()
    });
    assert_eq!(
        outcomes,
        [
            "ok 1",
            "line 2: record is 1000002 bytes long, over the 65536 of a bill record (not a bill file?)",
            "ok 5"
        ]
    );
    assert!(peak < 512 * 1024, "peak heap {peak} bytes");
}
