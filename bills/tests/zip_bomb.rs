//! A zip member that inflates to far more than it takes (200 MB of zeros
//! from a fraction of a megabyte) is read as it inflates, never held: the
//! heap does not grow with it, and its content is reported as what it is,
//! not a bill file. Its own test binary, for its counting allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{Cursor, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

use cec_bills::{BillArchive, BillErrorKind, BillReader};

/// The system allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; the counters only
// observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is `System`'s.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            grew(layout.size());
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.dealloc(pointer, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract is `System`'s.
        let moved = unsafe { System.realloc(pointer, layout, new_size) };
        if !moved.is_null() {
            if new_size > layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        moved
    }
}

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
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let results: Vec<_> = archive.open(0).unwrap().collect();
    let peak = PEAK.load(Ordering::Relaxed) - before;
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
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let outcomes: Vec<String> = BillReader::new(file.as_bytes())
        .map(|result| match result {
            Ok(row) => format!("ok {}", row.line),
            Err(error) => error.to_string(),
        })
        .collect();
    let peak = PEAK.load(Ordering::Relaxed) - before;
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
