//! Large bill files cut into pieces of whole records, so that several
//! threads read one file: a piece, a file that the threads cut themselves,
//! and a piece read into items.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::string::String;
use std::sync::Mutex;
use std::vec::Vec;

use super::split::{RecordEnds, has_record};
use super::units::{Visit, records};
use super::{Flow, lock};
#[cfg(feature = "zip")]
use crate::archive::MemberBytes;
use crate::reader::csv_parser;
use crate::{BillReader, Encoding, Location};

/// How many bytes the cutting reads at most looking for a record end
/// before the rest of the file is read on one thread, as it comes.
const LONGEST_CUT_BYTES: usize = 4 << 20;

/// Records of a bill file (or archive member), one after the other, cut
/// after a record end by the thread that reads them ([`CutFile`]).
pub(super) struct Piece<R> {
    pub(super) path: PathBuf,
    pub(super) member: Option<String>,
    /// The line the piece starts on.
    pub(super) line: u64,
    /// Whether it starts the bill file: a byte order mark or a header
    /// may come first.
    pub(super) first: bool,
    /// Whether it begins a file that [`Counts::files`] counts.
    pub(super) begins_file: bool,
    /// Whether only blank lines come before it, so that its first record
    /// may be a header line.
    pub(super) header: bool,
    /// Its bytes are `bytes[..len]`; the rest is room, read into before.
    pub(super) bytes: Vec<u8>,
    pub(super) len: usize,
    /// The rest of the bill file, when it could not be cut (a record or
    /// quoted field longer than a few pieces) or failed to read: read on
    /// one thread, in order.
    pub(super) rest: Option<Rest<R>>,
}

/// What a large bill file is cut from: the file, or an archive member's
/// bytes, decompressed as they are read.
pub(super) enum Input<R> {
    File(R),
    #[cfg(feature = "zip")]
    Member(MemberBytes<R>),
}

impl<R: Read> Read for Input<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        match self {
            Self::File(file) => file.read(buffer),
            #[cfg(feature = "zip")]
            Self::Member(member) => member.read(buffer),
        }
    }
}

/// The rest of a bill file after a piece, read by the thread that reads
/// the piece.
pub(super) enum Rest<R> {
    /// The error a read met: the next read's, then the end.
    Failed(Option<io::Error>),
    /// The input itself.
    Input(Input<R>),
    /// Nothing: the piece ends the file.
    Nothing,
}

impl<R: Read> Read for Rest<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        match self {
            Self::Failed(error) => error.take().map_or(Ok(0), Err),
            Self::Input(input) => input.read(buffer),
            Self::Nothing => Ok(0),
        }
    }
}

impl<R> Piece<R> {
    /// The first piece of the bill file `path` (or its member `member`),
    /// bytes to come.
    pub(super) fn first(path: &Path, member: Option<&str>, begins_file: bool) -> Self {
        Self {
            path: path.to_path_buf(),
            member: member.map(String::from),
            line: 1,
            first: true,
            begins_file,
            header: true,
            bytes: Vec::new(),
            len: 0,
            rest: None,
        }
    }

    /// This piece with `bytes[..len]` (`start` bytes of it a byte order
    /// mark), then `rest` if given; `self` becomes the piece after it.
    pub(super) fn cut_off(
        &mut self,
        bytes: Vec<u8>,
        len: usize,
        start: usize,
        rest: Option<Rest<R>>,
    ) -> Self {
        let lines = memchr::memchr_iter(b'\n', &bytes[..len]).count() as u64;
        let header = self.header && !has_record(&bytes[start..len]);
        let next = Self {
            path: self.path.clone(),
            member: self.member.clone(),
            line: self.line + lines,
            first: false,
            begins_file: false,
            header,
            bytes: Vec::new(),
            len: 0,
            rest: None,
        };
        let this = core::mem::replace(self, next);
        Self {
            bytes,
            len,
            rest,
            ..this
        }
    }
}

/// A large bill file (or member) cut into pieces of whole records, a piece
/// at a time, in input order, read from `input` (a member's decompressed
/// as it is read) by the thread that claims the next job, which then
/// decodes the piece beside the others: its bytes are copied once, by the
/// thread that decodes them, while they are fresh in its cache.
pub(super) struct CutFile<R> {
    input: Input<R>,
    /// The next piece, bytes to come.
    piece: Piece<R>,
    ends: RecordEnds,
    /// The bytes read after the last record end (scanned already).
    carry: Vec<u8>,
}

impl<R: Read> CutFile<R> {
    /// The bill file `path` (or its member `member`), read from `input`.
    pub(super) fn new(
        path: &Path,
        member: Option<&str>,
        begins_file: bool,
        input: Input<R>,
    ) -> Self {
        Self {
            input,
            piece: Piece::first(path, member, begins_file),
            ends: RecordEnds::default(),
            carry: Vec::new(),
        }
    }

    /// Reads the next piece of about `piece_bytes`, into a buffer of
    /// `buffers`: the piece (`None` if the file ended before it), and the
    /// file after it (`None` once it is read to its end, or its rest is the
    /// piece's own). Past a piece after which no record ends in
    /// [`LONGEST_CUT_BYTES`] (a record or quoted field as long as a few
    /// pieces), the input is the piece's rest, read as it comes by the
    /// thread that reads the piece.
    pub(super) fn next_piece(
        mut self,
        buffers: &Buffers,
        piece_bytes: usize,
        encoding: Encoding,
    ) -> (Option<Piece<R>>, Option<Self>) {
        let mut buffer = lock(buffers).pop().unwrap_or_default();
        let mut filled = self.carry.len();
        if buffer.len() < filled {
            buffer.resize(filled, 0);
        }
        buffer[..filled].copy_from_slice(&self.carry);
        let mut scanned = filled;
        let mut start = 0;
        loop {
            let result = fill(&mut self.input, &mut buffer, &mut filled, piece_bytes);
            if self.piece.first && scanned == 0 {
                start = byte_order_mark(encoding, &buffer[..filled]);
                scanned = start;
            }
            let end = match result {
                Ok(false) => self
                    .ends
                    .scan(&buffer[start..filled], scanned - start)
                    .map(|end| start + end),
                Ok(true) => {
                    // The end of the input: the rest is the last piece.
                    if filled == 0 && !self.piece.first {
                        lock(buffers).push(buffer);
                        return (None, None);
                    }
                    return (Some(self.piece.cut_off(buffer, filled, start, None)), None);
                }
                Err(error) => {
                    let failed = Some(Rest::Failed(Some(error)));
                    return (
                        Some(self.piece.cut_off(buffer, filled, start, failed)),
                        None,
                    );
                }
            };
            scanned = filled;
            match end {
                Some(end) => {
                    self.carry.clear();
                    self.carry.extend_from_slice(&buffer[end..filled]);
                    let piece = self.piece.cut_off(buffer, end, start, None);
                    return (Some(piece), Some(self));
                }
                None if filled >= LONGEST_CUT_BYTES.max(piece_bytes) => {
                    let rest = Some(Rest::Input(self.input));
                    return (Some(self.piece.cut_off(buffer, filled, start, rest)), None);
                }
                None => {}
            }
        }
    }
}

/// Where the records of a bill file in `encoding` start whose first bytes
/// are `bytes`: after a byte order mark, as [`BillReader`] drops them.
fn byte_order_mark(encoding: Encoding, bytes: &[u8]) -> usize {
    use crate::encoding::{GB18030_BOM, UTF8_BOM};
    if bytes.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else if bytes.starts_with(GB18030_BOM) && encoding != Encoding::Utf8 {
        GB18030_BOM.len()
    } else {
        0
    }
}

/// Reads `more` bytes from `input` into `buffer` after the `filled`
/// bytes read before, or fewer if the input ends (`Ok(true)`) or fails.
/// The buffer's bytes are initialized once, when it grows, and read into
/// again whenever it is used again: the room is not cleared each time.
fn fill(
    input: &mut impl Read,
    buffer: &mut Vec<u8>,
    filled: &mut usize,
    more: usize,
) -> io::Result<bool> {
    let wanted = *filled + more;
    if buffer.len() < wanted {
        buffer.resize(wanted, 0);
    }
    while *filled < wanted {
        match input.read(&mut buffer[*filled..wanted]) {
            Ok(0) => return Ok(true),
            Ok(read) => *filled += read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(false)
}

/// Buffers of pieces read, used again.
pub(super) type Buffers = Mutex<Vec<Vec<u8>>>;

/// csv's parsers of the readers of pieces, used again: one takes longer
/// to build than a small piece to read.
pub(super) type Parsers = Mutex<Vec<csv_core::Reader>>;

/// Reads the records of `piece`, handing them to `visit`, and gives its
/// buffer back, and the parser taken from `parsers`.
pub(super) fn read_piece<R: Read, E>(
    piece: Piece<R>,
    encoding: Encoding,
    (buffers, parsers): (&Buffers, &Parsers),
    visit: &mut Visit<'_, E>,
) -> Result<Flow, E> {
    let mut location = Location::new(&piece.path);
    if let Some(member) = &piece.member {
        location = location.with_member(member);
    }
    let rest = piece.rest.unwrap_or(Rest::Nothing);
    // The piece's bytes are the reader's buffer: not copied again.
    let csv = lock(parsers).pop().unwrap_or_else(csv_parser);
    let reader = BillReader::with_parts(piece.bytes, piece.len, csv, rest);
    let reader = match piece.first {
        true => reader,
        false => reader.starting_at(piece.line, piece.header),
    };
    let mut reader = reader.encoding(encoding);
    let flow = records(location, &mut reader, encoding, visit);
    let (buffer, csv) = reader.into_parts();
    lock(buffers).push(buffer);
    lock(parsers).push(csv);
    flow
}
