//! The coded columns beside the operation: `media_type`, `agent_type` and
//! `callIn_out`, decoded by the tables of [`cec_codes`].
//!
//! The bill keeps each as the text the file has, so nothing is lost; these
//! read the text as a code. `media_type` and `agent_type` are numbers in
//! the vendor's tables: a field is a code when it is written as the vendor
//! writes one, in decimal without a sign, a `+` or leading zeros (`5`,
//! `13`, `-1`), the same text an SQL join on the lookup tables matches.
//! Any other text (`05`, an empty field) is no code. `callIn_out` codes are
//! text (`呼入`), so every field is one, listed or not.

use cec_codes::{AgentType, CallDirection, Code, MediaType, TextCode};

/// The code `text` writes, if it is an integer written as the vendor
/// writes one: what `i32`'s `Display` gives back.
pub(crate) fn integer_code(text: &str) -> Option<i32> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let canonical = match digits.as_bytes() {
        [] => false,
        [b'0'] => digits.len() == text.len(),
        [first, ..] => *first != b'0' && digits.bytes().all(|byte| byte.is_ascii_digit()),
    };
    canonical.then(|| text.parse().ok()).flatten()
}

/// `media_type` as a code of [`MediaType`].
pub(crate) fn media_type(text: &str) -> Option<Code<MediaType>> {
    integer_code(text).map(Code::from_code)
}

/// `agent_type` as a code of [`AgentType`].
pub(crate) fn agent_type(text: &str) -> Option<Code<AgentType>> {
    integer_code(text).map(Code::from_code)
}

/// `callIn_out` as a code of [`CallDirection`].
pub(crate) fn call_direction(text: &str) -> TextCode<'_, CallDirection> {
    TextCode::from_code(text)
}

#[cfg(test)]
mod tests {
    use super::integer_code;

    #[test]
    fn integer_codes_are_read_as_written_by_the_vendor_only() {
        for code in [0, 5, 13, -1, 65535, i32::MAX, i32::MIN] {
            assert_eq!(integer_code(&code.to_string()), Some(code));
        }
        for text in [
            "",
            "-",
            "05",
            "+5",
            "-0",
            " 5",
            "5 ",
            "1e3",
            "2147483648",
            "五",
        ] {
            assert_eq!(integer_code(text), None, "{text:?}");
        }
    }
}
