//! Rust names in a spec are validated here and nowhere else: only names that
//! pass reach the generated code, so spec text can never inject tokens.

/// Names that can never be identifiers, even raw ones (`r#self` is an error).
const NEVER_RAW: &[&str] = &["_", "self", "Self", "super", "crate"];

/// Every Rust keyword, strict and reserved, in any edition.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Why a name is not a usable UpperCamelCase identifier, with a fix where
/// one is obvious.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadName {
    /// The reason, e.g. ``name `3Way` starts with a digit``.
    pub message: String,
    /// A suggestion, e.g. ``use an UpperCamelCase name such as `Match` ``.
    pub help: Option<String>,
}

/// Checks that `name` is an UpperCamelCase ASCII identifier and no keyword.
///
/// # Errors
///
/// A [`BadName`] saying why `name` is not one (empty, a keyword, not
/// UpperCamelCase, a character no identifier has), with a fix where one is
/// obvious.
pub fn check(name: &str) -> Result<(), BadName> {
    let bad = |message: String, help: Option<String>| Err(BadName { message, help });
    if name.is_empty() {
        return bad("name is empty".into(), None);
    }
    if NEVER_RAW.contains(&name) {
        return bad(
            format!("`{name}` is a Rust keyword that cannot be used even as a raw identifier"),
            None,
        );
    }
    if KEYWORDS.contains(&name) {
        return bad(
            format!("`{name}` is a Rust keyword"),
            Some(format!(
                "use an UpperCamelCase name such as `{}`",
                upper_first(name)
            )),
        );
    }
    if let Some(c) = name.chars().find(|c| !c.is_ascii()) {
        return bad(
            format!("name `{name}` has the non-ASCII character {c:?}"),
            None,
        );
    }
    if let Some(c) = name
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() && *c != '_')
    {
        let suggestion: String = name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .map(upper_first)
            .collect();
        // Only word separators suggest words; anything else is not a name.
        let words = name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '.'));
        let help = (words && check(&suggestion).is_ok())
            .then(|| format!("UpperCamelCase would be `{suggestion}`"));
        return bad(
            format!("name `{name}` has the character {c:?}, which cannot appear in an identifier"),
            help,
        );
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return bad(format!("name `{name}` starts with a digit"), None);
    }
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) || name.contains('_') {
        let suggestion: String = name.split('_').map(upper_first).collect();
        let help = (!suggestion.is_empty() && suggestion != name)
            .then(|| format!("UpperCamelCase would be `{suggestion}`"));
        return bad(format!("name `{name}` is not UpperCamelCase"), help);
    }
    Ok(())
}

/// The form two names are compared in to catch collisions that only differ
/// in case (`SignIn` and `Signin` would share `sign_in`-style exports).
pub fn folded(name: &str) -> String {
    name.to_ascii_lowercase()
}

/// The snake_case form of a valid UpperCamelCase name, for the module that
/// holds an enum's payload types: `WorkStatusReason` → `work_status_reason`,
/// `HTTPError` → `http_error`, `Http2Error` → `http2_error`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let previous = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            // A new word: after a lowercase letter or digit, or the last
            // capital of an acronym followed by a lowercase letter.
            if previous.is_ascii_lowercase()
                || previous.is_ascii_digit()
                || (previous.is_ascii_uppercase() && next_lower)
            {
                out.push('_');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn upper_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_splits_words_acronyms_and_digits() {
        let cases = [
            ("Reason", "reason"),
            ("WorkStatusReason", "work_status_reason"),
            ("HTTPError", "http_error"),
            ("Http2Error", "http2_error"),
            ("ABC", "abc"),
            ("A", "a"),
            (
                "UisAgentHandshakeTimeoutReason",
                "uis_agent_handshake_timeout_reason",
            ),
        ];
        for (name, snake) in cases {
            assert_eq!(snake_case(name), snake, "{name}");
        }
    }

    #[test]
    fn accepts_upper_camel_case() {
        for name in ["A", "SignOut", "Http2Error", "ABC"] {
            assert_eq!(check(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn rejects_with_reason() {
        let cases = [
            ("", "name is empty"),
            (
                "_",
                "`_` is a Rust keyword that cannot be used even as a raw identifier",
            ),
            (
                "Self",
                "`Self` is a Rust keyword that cannot be used even as a raw identifier",
            ),
            (
                "crate",
                "`crate` is a Rust keyword that cannot be used even as a raw identifier",
            ),
            ("match", "`match` is a Rust keyword"),
            ("Café", "name `Café` has the non-ASCII character 'é'"),
            (
                "Sign In",
                "name `Sign In` has the character ' ', which cannot appear in an identifier",
            ),
            (
                "Sign-In",
                "name `Sign-In` has the character '-', which cannot appear in an identifier",
            ),
            ("3Way", "name `3Way` starts with a digit"),
            ("signIn", "name `signIn` is not UpperCamelCase"),
            ("Sign_In", "name `Sign_In` is not UpperCamelCase"),
        ];
        for (name, message) in cases {
            assert_eq!(check(name).unwrap_err().message, message, "{name:?}");
        }
        assert_eq!(
            check("sign_in").unwrap_err().help.as_deref(),
            Some("UpperCamelCase would be `SignIn`")
        );
        assert_eq!(
            check("match").unwrap_err().help.as_deref(),
            Some("use an UpperCamelCase name such as `Match`")
        );
        assert_eq!(
            check("sign-in now").unwrap_err().help.as_deref(),
            Some("UpperCamelCase would be `SignInNow`")
        );
        assert_eq!(check("3-way").unwrap_err().help, None);
        assert_eq!(check("A = 1, B").unwrap_err().help, None);
    }
}
