//! What the bill targets share: a file read on one thread and on two.

use std::num::NonZeroUsize;

use cec_bills::{BillFiles, Encoding, Item};

/// The items of `file` (written to a temporary file named `name`, an
/// extension saying what it is), each as `describe` says: read by
/// `BillFiles::read`, and by `read_parallel` on two threads with pieces of
/// `piece` bytes, any file or member over a piece cut.
pub fn read_whole_and_cut(
    file: &[u8],
    name: &str,
    encoding: Encoding,
    piece: usize,
    describe: impl Fn(Item<'_>) -> String + Sync,
) -> (Vec<String>, Vec<String>) {
    let path = std::env::temp_dir().join(format!("{}-{name}", std::process::id()));
    std::fs::write(&path, file).unwrap();
    let files = BillFiles::new([&path]).encoding(encoding);
    let mut whole = Vec::new();
    files
        .clone()
        .read(|item| {
            whole.push(describe(item));
            Ok::<_, std::convert::Infallible>(())
        })
        .unwrap();
    let mut cut = Vec::new();
    files
        .piece_bytes(piece)
        .whole_pieces(1)
        .read_parallel(
            NonZeroUsize::new(2).unwrap(),
            Vec::new,
            |part: &mut Vec<String>, item| {
                part.push(describe(item));
                Ok::<_, std::convert::Infallible>(())
            },
            |part| {
                cut.append(part);
                Ok(())
            },
        )
        .unwrap();
    let _ = std::fs::remove_file(&path);
    (whole, cut)
}
