//! The zip archives the vendor's download API (`downloadAgentOprInfoFile`)
//! returns.

use core::fmt;
use std::boxed::Box;
use std::io::{self, BufReader, Read, Seek, SeekFrom, Take};
use std::vec::Vec;

use super::BillReader;

/// A zip archive of bill files, each read as it is decompressed.
///
/// Its bill files are the entries whose names end in `.csv` (ignoring
/// ASCII case), in the order the archive lists them; other entries are
/// ignored. Only stored and deflated entries can be read.
///
/// ```
/// use std::io::{Cursor, Write};
/// use cec_bills::BillArchive;
///
/// // What the download API returns, built here with the zip crate.
/// let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
/// zip.start_file("20230927080000000123_agentOprInfo_1.csv", zip::write::SimpleFileOptions::default())?;
/// zip.write_all(b"1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1\n")?;
/// let bytes = zip.finish()?.into_inner();
///
/// let mut archive = BillArchive::new(Cursor::new(bytes))?;
/// assert_eq!(archive.names().collect::<Vec<_>>(), ["20230927080000000123_agentOprInfo_1.csv"]);
/// for row in archive.open(0)? {
///     assert_eq!(row?.bill.duration_secs(), 900);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct BillArchive<R> {
    zip: zip::ZipArchive<R>,
    /// Archive indexes of the bill files.
    bill_files: Vec<usize>,
}

/// A zip archive that cannot be read, or an entry of it that cannot be
/// opened. [`Display`](fmt::Display) says why, as the zip reader puts it.
#[derive(Debug)]
pub struct ArchiveError(zip::result::ZipError);

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The message is the zip reader's, its cause included, so
/// [`source`](core::error::Error::source) gives nothing more.
impl core::error::Error for ArchiveError {}

impl<R: Read + Seek> BillArchive<R> {
    /// Reads the archive's directory (not its files yet).
    ///
    /// # Errors
    ///
    /// An [`ArchiveError`] when `reader` is not a zip archive the zip
    /// reader can list (no end of central directory, a damaged one, or a
    /// failing input).
    pub fn new(reader: R) -> Result<Self, ArchiveError> {
        let zip = zip::ZipArchive::new(reader).map_err(ArchiveError)?;
        let bill_files = (0..zip.len())
            .filter(|&index| zip.name_for_index(index).is_some_and(is_bill_file_name))
            .collect();
        Ok(Self { zip, bill_files })
    }

    /// How many bill files the archive holds.
    pub fn len(&self) -> usize {
        self.bill_files.len()
    }

    /// Whether the archive holds no bill file.
    pub fn is_empty(&self) -> bool {
        self.bill_files.is_empty()
    }

    /// The names of the bill files, as the archive writes them.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.bill_files
            .iter()
            .filter_map(|&index| self.zip.name_for_index(index))
    }

    /// A reader of bill file `index` (from 0, in [`names`](Self::names)
    /// order), decompressing as it reads.
    ///
    /// # Errors
    ///
    /// An [`ArchiveError`] when there is no bill file `index`, or its
    /// entry cannot be opened (a compression method other than stored or
    /// deflated, an encrypted entry, a damaged local header). A member
    /// whose data is damaged opens, and its reader fails where it is.
    pub fn open(&mut self, index: usize) -> Result<BillReader<impl Read + '_>, ArchiveError> {
        self.bytes(index).map(BillReader::new)
    }

    /// The size of bill file `index` decompressed, as the archive's
    /// directory says it (not checked against its data).
    pub(crate) fn size(&mut self, index: usize) -> Option<u64> {
        let entry = *self.bill_files.get(index)?;
        self.zip.by_index_raw(entry).ok().map(|file| file.size())
    }

    /// The bytes of bill file `index`, decompressed as they are read.
    pub(crate) fn bytes(&mut self, index: usize) -> Result<impl Read + '_, ArchiveError> {
        let entry = *self
            .bill_files
            .get(index)
            .ok_or(ArchiveError(zip::result::ZipError::FileNotFound))?;
        self.zip.by_index(entry).map_err(ArchiveError)
    }

    /// Bill file `index`'s bytes, read from the archive's own reader,
    /// which they take (the archive is gone: open it again for more).
    /// [`Taken::Kept`] gives the archive back when the entry is not a
    /// stored or deflated one without encryption: [`bytes`](Self::bytes)
    /// reads it, or says why not.
    pub(crate) fn into_bytes(mut self, index: usize) -> Taken<R> {
        let Some(&entry) = self.bill_files.get(index) else {
            return Taken::Kept(self);
        };
        let found = self.zip.by_index_raw(entry).ok().and_then(|file| {
            let deflated = match file.compression() {
                zip::CompressionMethod::Stored => false,
                zip::CompressionMethod::Deflated => true,
                _ => return None,
            };
            let start = file.data_start().filter(|_| !file.encrypted())?;
            Some((start, file.compressed_size(), file.crc32(), deflated))
        });
        let Some((start, size, crc32, deflated)) = found else {
            return Taken::Kept(self);
        };
        let mut reader = self.zip.into_inner();
        if let Err(error) = reader.seek(SeekFrom::Start(start)) {
            // As the zip reader says it when it cannot find an entry.
            return Taken::Failed(ArchiveError(zip::result::ZipError::Io(error)));
        }
        let data = reader.take(size);
        let decoded = match deflated {
            false => Decoded::Stored(data),
            true => Decoded::Deflated(flate2::bufread::DeflateDecoder::new(BufReader::new(data))),
        };
        Taken::Bytes(MemberBytes(Box::new(Checked {
            decoded,
            crc32,
            hasher: crc32fast::Hasher::new(),
        })))
    }
}

/// What [`BillArchive::into_bytes`] took.
pub(crate) enum Taken<R> {
    Bytes(MemberBytes<R>),
    /// The archive's reader failed to find the entry's data.
    Failed(ArchiveError),
    Kept(BillArchive<R>),
}

/// The bytes of a stored or deflated member, from the archive's reader:
/// decompressed and checked against their CRC-32 as the zip reader does
/// (the same decoder on the same buffer, and the same error when the
/// checksum does not match), so that they read the same either way. Not
/// zip's own reader: every one it gives borrows the archive or its
/// reader, and its checking reader is private, while a member cut by
/// several threads must own its input.
pub(crate) struct MemberBytes<R>(Box<Checked<R>>);

/// A member's bytes as they are decoded, and the checksum they must have.
struct Checked<R> {
    decoded: Decoded<R>,
    crc32: u32,
    hasher: crc32fast::Hasher,
}

enum Decoded<R> {
    Stored(Take<R>),
    Deflated(flate2::bufread::DeflateDecoder<BufReader<Take<R>>>),
}

impl<R: Read> Read for MemberBytes<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let checked = &mut *self.0;
        let read = match &mut checked.decoded {
            Decoded::Stored(data) => data.read(buffer)?,
            Decoded::Deflated(data) => data.read(buffer)?,
        };
        if read == 0 && !buffer.is_empty() && checked.hasher.clone().finalize() != checked.crc32 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "Invalid checksum",
            ));
        }
        checked.hasher.update(&buffer[..read]);
        Ok(read)
    }
}

fn is_bill_file_name(name: &str) -> bool {
    let extension = ".csv";
    !name.ends_with('/')
        && name.len() >= extension.len()
        && name.as_bytes()[name.len() - extension.len()..]
            .eq_ignore_ascii_case(extension.as_bytes())
}
