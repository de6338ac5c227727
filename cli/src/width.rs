//! Padding by display width. A CJK character takes two columns of a
//! terminal, so `format!("{:width$}")`, which counts characters, would
//! misalign a column of Chinese text.

use unicode_width::UnicodeWidthStr;

/// How many terminal columns `text` takes.
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` followed by spaces up to `columns` terminal columns.
pub fn pad_right(text: &str, columns: usize) -> String {
    format!("{text}{}", " ".repeat(columns.saturating_sub(width(text))))
}

/// Spaces, then `text`, up to `columns` terminal columns.
pub fn pad_left(text: &str, columns: usize) -> String {
    format!("{}{text}", " ".repeat(columns.saturating_sub(width(text))))
}

#[cfg(test)]
mod tests {
    use super::{pad_left, pad_right, width};

    #[test]
    fn chinese_characters_take_two_columns() {
        assert_eq!(width("呼入"), 4);
        assert_eq!(width("IVR呼出"), 7);
        assert_eq!(width("Busy"), 4);
        assert_eq!(pad_right("呼入", 7), "呼入   ");
        assert_eq!(pad_left("呼入", 7), "   呼入");
        assert_eq!(pad_right("too wide", 3), "too wide");
    }
}
