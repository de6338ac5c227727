//! The text encodings a bill file can be in: UTF-8, or GBK and GB18030 as
//! Chinese systems write them (`callIn_out` holds `呼入`, `呼出`).

use core::fmt;

/// The encoding a bill file is read in ([`BillReader::encoding`],
/// [`BillFiles::encoding`]).
///
/// The CSV structure is found in the bytes as they are: the three
/// encodings write commas, quotes and line ends as ASCII does and never
/// use those bytes inside a character. Each column is then decoded (GBK
/// and GB18030) or validated (UTF-8); a record with a column that is not
/// valid in the encoding is an error on its line
/// ([`BillErrorKind::Undecodable`]). A byte order mark of the encoding at
/// the start of the file is dropped.
///
/// GBK is decoded as GB18030, its superset, as the WHATWG Encoding
/// Standard (and encoding_rs) does.
///
/// [`BillReader::encoding`]: crate::BillReader::encoding
/// [`BillFiles::encoding`]: crate::BillFiles::encoding
/// [`BillErrorKind::Undecodable`]: crate::BillErrorKind::Undecodable
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 (ASCII is UTF-8 too).
    #[default]
    Utf8,
    /// GBK, decoded as GB18030.
    Gbk,
    /// GB18030.
    Gb18030,
    /// Found out per file: a byte order mark (UTF-8 or GB18030) if the file
    /// starts with one; else, at the first record that is not all ASCII,
    /// UTF-8 if that record is valid UTF-8, then GB18030 if it is valid
    /// GB18030. A file that is all ASCII is read as UTF-8.
    Auto,
}

impl Encoding {
    /// The encoding's name: `UTF-8`, `GBK`, `GB18030`, or `auto`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Gbk => "GBK",
            Self::Gb18030 => "GB18030",
            Self::Auto => "auto",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// U+FEFF in UTF-8.
pub(crate) const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";
/// U+FEFF in GB18030.
pub(crate) const GB18030_BOM: &[u8] = b"\x84\x31\x95\x33";

/// Whether `bytes` decode in the decided encoding `encoding` (never
/// [`Encoding::Auto`]).
pub(crate) fn is_valid(encoding: Encoding, bytes: &[u8]) -> bool {
    match encoding {
        Encoding::Utf8 | Encoding::Auto => core::str::from_utf8(bytes).is_ok(),
        Encoding::Gbk | Encoding::Gb18030 => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_some(),
    }
}

/// Appends `bytes`, in GB18030, to `out` as UTF-8; `false` (and `out` in
/// an unspecified state) if they are not valid GB18030.
pub(crate) fn gb18030_to_utf8(bytes: &[u8], out: &mut String) -> bool {
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let Some(room) = decoder.max_utf8_buffer_length_without_replacement(bytes.len()) else {
        return false;
    };
    out.reserve(room);
    let (result, _read) = decoder.decode_to_string_without_replacement(bytes, out, true);
    matches!(result, encoding_rs::DecoderResult::InputEmpty)
}
