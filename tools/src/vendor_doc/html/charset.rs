//! The text of a saved page from its bytes: UTF-8, or the charset its
//! byte order mark or `<meta>` declares, decoded with encoding_rs.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

use super::dom::Dom;
use crate::vendor_doc::DocError;
use crate::vendor_doc::text::quote;

/// The page's text. A byte order mark decides; else a charset declared in
/// a `<meta>` element (`charset="gbk"`, or `http-equiv="Content-Type"`
/// with `content="text/html; charset=gbk"`); else the bytes must be UTF-8.
///
/// # Errors
///
/// A charset encoding_rs does not know, at its `<meta>`'s line; bytes that
/// are not UTF-8 with no charset declared (or UTF-8 declared), at the line
/// of the first such byte.
pub(in crate::vendor_doc) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, DocError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return Ok(text);
    }
    // The declaration is ASCII: read it from the bytes as if they were
    // UTF-8, whatever the rest of them is.
    let ascii = String::from_utf8_lossy(bytes);
    let declared = declared_charset(&Dom::parse(&ascii));
    match declared {
        Some((label, line)) => {
            let Some(encoding) = Encoding::for_label(label.trim().as_bytes()) else {
                return Err(DocError::new(
                    line,
                    format!(
                        "expected a charset encoding_rs knows (utf-8, gbk, gb18030, ...), found {}",
                        quote(&label)
                    ),
                ));
            };
            if encoding == UTF_8 {
                return utf8(bytes, " as its <meta> declares");
            }
            let (text, _, _) = encoding.decode(bytes);
            Ok(text)
        }
        None => utf8(bytes, ", or a <meta charset> declaring its charset"),
    }
}

/// The bytes as UTF-8, or an error at the first byte that is not.
fn utf8<'a>(bytes: &'a [u8], expected: &str) -> Result<Cow<'a, str>, DocError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let line = 1 + valid.iter().filter(|&&byte| byte == b'\n').count();
            Err(DocError::new(
                line,
                format!(
                    "expected UTF-8 text{expected}, found byte 0x{:02X}, which is not UTF-8",
                    bytes[error.valid_up_to()]
                ),
            ))
        }
    }
}

/// The charset a `<meta>` declares, with its line.
fn declared_charset(dom: &Dom) -> Option<(String, usize)> {
    dom.descendants(0).into_iter().find_map(|node| {
        if dom.tag(node) != Some("meta") {
            return None;
        }
        let line = dom.line(node);
        if let Some(charset) = dom.attr(node, "charset") {
            return Some((charset.to_owned(), line));
        }
        let is_content_type = dom
            .attr(node, "http-equiv")
            .is_some_and(|value| value.eq_ignore_ascii_case("content-type"));
        let content = dom.attr(node, "content").filter(|_| is_content_type)?;
        content_charset(content).map(|charset| (charset.to_owned(), line))
    })
}

/// The charset of a `content` attribute such as `text/html; charset=gbk`
/// (the HTML standard's extraction, quotes optional).
fn content_charset(content: &str) -> Option<&str> {
    let lower = content.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = content[at + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    match rest.chars().next()? {
        quote @ ('"' | '\'') => {
            let inner = &rest[1..];
            inner.find(quote).map(|end| &inner[..end])
        }
        _ => {
            let end = rest
                .find(|c: char| c.is_ascii_whitespace() || c == ';')
                .unwrap_or(rest.len());
            Some(&rest[..end])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_charsets() {
        assert_eq!(content_charset("text/html; charset=gbk"), Some("gbk"));
        assert_eq!(
            content_charset("text/html; Charset = \"GB2312\""),
            Some("GB2312")
        );
        assert_eq!(content_charset("text/html"), None);
    }

    #[test]
    fn a_declared_charset_is_decoded() {
        let mut bytes = b"<meta charset=\"gbk\"><p>".to_vec();
        let (encoded, _, _) = encoding_rs::GBK.encode("说明");
        bytes.extend_from_slice(&encoded);
        assert!(decode(&bytes).unwrap().contains("<p>说明"));
    }

    #[test]
    fn undeclared_bytes_must_be_utf8() {
        let error = decode(b"<p>\n\xb5</p>").unwrap_err();
        assert_eq!(
            error.to_string(),
            "line 2: expected UTF-8 text, or a <meta charset> declaring its charset, found byte 0xB5, which is not UTF-8"
        );
    }
}
