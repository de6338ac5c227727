//! The zip archives the vendor's download API (`downloadAgentOprInfoFile`)
//! returns.

use core::fmt;
use std::io::{Read, Seek};
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
}

fn is_bill_file_name(name: &str) -> bool {
    let extension = ".csv";
    !name.ends_with('/')
        && name.len() >= extension.len()
        && name.as_bytes()[name.len() - extension.len()..]
            .eq_ignore_ascii_case(extension.as_bytes())
}
