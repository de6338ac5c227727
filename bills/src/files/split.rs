//! Cutting a bill file into pieces of whole records, so that several
//! threads can read one file: where a record ends, quoted fields
//! included.

/// Finds the line ends that end a record in a file read in order, as
/// csv's parser (the one [`BillReader`](super::BillReader) drives) would
/// read them: a `\n` ends a record unless it is inside a quoted field.
///
/// A field is quoted when it starts with `"` (at the start of a line, or
/// after a comma); inside it `""` is a quote, and the next `"` ends it. A
/// `"` anywhere else is text. Only the quotes are looked at one by one;
/// the bytes between them are searched with `memchr`, so a file without
/// quotes is scanned at memory speed.
#[derive(Debug, Clone, Default)]
pub(crate) struct RecordEnds {
    state: State,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum State {
    /// Not inside a quoted field.
    #[default]
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Inside a quoted field, right after a `"` that ended the bytes
    /// scanned: the next byte says whether it was a quote or the end.
    QuoteAtEnd,
}

impl RecordEnds {
    /// Scans `bytes[from..]` (`bytes[..from]` was scanned before, and
    /// `bytes` starts where a record starts, after any byte order mark),
    /// and returns where the last record that ends in it ends: just after
    /// its `\n`, `None` if no `\n` of `bytes[from..]` ends a record.
    pub(crate) fn scan(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        let mut at = from;
        // Where the bytes outside quotes begin.
        let mut outside = from;
        let mut last = None;
        let line_end_before = |outside: usize, end: usize, last: &mut Option<usize>| {
            if let Some(found) = memchr::memrchr(b'\n', &bytes[outside..end]) {
                *last = Some(outside + found + 1);
            }
        };
        loop {
            match self.state {
                State::Unquoted => {
                    let Some(found) = memchr::memchr(b'"', &bytes[at..]) else {
                        line_end_before(outside, bytes.len(), &mut last);
                        return last;
                    };
                    let quote = at + found;
                    at = quote + 1;
                    let starts_field = quote == 0 || matches!(bytes[quote - 1], b',' | b'\n');
                    if starts_field {
                        line_end_before(outside, quote, &mut last);
                        self.state = State::Quoted;
                    }
                }
                State::Quoted => {
                    let Some(found) = memchr::memchr(b'"', &bytes[at..]) else {
                        return last;
                    };
                    let quote = at + found;
                    match bytes.get(quote + 1) {
                        None => {
                            self.state = State::QuoteAtEnd;
                            return last;
                        }
                        Some(b'"') => at = quote + 2,
                        Some(_) => {
                            at = quote + 1;
                            outside = at;
                            self.state = State::Unquoted;
                        }
                    }
                }
                State::QuoteAtEnd => match bytes.get(at) {
                    None => return last,
                    Some(b'"') => {
                        at += 1;
                        self.state = State::Quoted;
                    }
                    Some(_) => {
                        outside = at;
                        self.state = State::Unquoted;
                    }
                },
            }
        }
    }
}

/// Whether `bytes` hold a record, not only blank lines (empty, or a lone
/// `\r`), which the reader skips.
pub(crate) fn has_record(bytes: &[u8]) -> bool {
    bytes
        .split(|&byte| byte == b'\n')
        .any(|line| !line.is_empty() && line != b"\r")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record end the scanner finds, feeding `file` in steps of
    /// `step` bytes.
    fn ends(file: &[u8], step: usize) -> Vec<usize> {
        let mut scanner = RecordEnds::default();
        let mut found = Vec::new();
        let mut scanned = 0;
        while scanned < file.len() {
            let upto = (scanned + step).min(file.len());
            // Only the last end of each step is reported.
            if let Some(end) = scanner.scan(&file[..upto], scanned) {
                found.push(end);
            }
            scanned = upto;
        }
        found
    }

    #[test]
    fn a_line_end_inside_quotes_ends_no_record() {
        let file = b"1,\"a\nb\",c\n2,\"x\"\"\n\"\n3,d\"e\n";
        // Byte by byte: every record end, none inside the quotes.
        assert_eq!(ends(file, 1), [10, 19, 25]);
        assert_eq!(ends(file, file.len()), [25]);
        assert_eq!(ends(file, 9), [10, 25]);
    }

    #[test]
    fn a_quote_inside_a_field_is_text() {
        // `d"e` is text: the line end after it ends the record.
        let file = b"d\"e\nf\n\"g\n\"\n";
        assert_eq!(ends(file, 1), [4, 6, 11]);
        // After a quoted field ends, a quote is text until the next comma.
        let file = b"\"a\"b\"\n,\"c\nd\"\n";
        assert_eq!(ends(file, 1), [6, 13]);
    }

    #[test]
    fn blank_lines_hold_no_record() {
        assert!(!has_record(b"\n\r\n\n"));
        assert!(!has_record(b""));
        assert!(has_record(b"\n\r\r\n"));
        assert!(has_record(b"\nx"));
    }
}
