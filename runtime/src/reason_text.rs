//! The text form of a reason whose variants carry codes: `Name` or
//! `Name(code)`. Generated `Display` and `FromStr` impls call these, so
//! that each of a spec's reason enums (thousands, in large specs) compiles
//! one short body instead of its own copy of the parsing.

use core::fmt;

use crate::{CodeEnum, ReasonCodes, UnknownName};

/// Writes a reason as its `Display` does: `name`, then, for a reason listed
/// with `codes` that carry a value (a range, an open reason), the code it
/// was decoded from in parentheses: `ClientError(7)`.
///
/// # Errors
///
/// Returns the formatter's error.
pub fn write(f: &mut fmt::Formatter<'_>, name: &str, codes: ReasonCodes, code: i32) -> fmt::Result {
    f.write_str(name)?;
    match codes.carries_value() {
        true => write!(f, "({code})"),
        false => Ok(()),
    }
}

/// Reads `Name(code)`, as [`write()`] writes a reason that carries its code:
/// the reason `code` decodes to, if its name is `Name` and it carries the
/// code (`codes` gives the codes a reason is listed with). A reason without
/// a code is read by its name alone, which the generated `FromStr` matches
/// before it calls this.
///
/// # Errors
///
/// [`UnknownName`] of `R::KIND` for any other text.
pub fn parse<R>(text: &str, codes: fn(R) -> ReasonCodes) -> Result<R, UnknownName>
where
    for<'a> R: CodeEnum<Code<'a> = i32>,
{
    let unknown = UnknownName::new(R::KIND);
    let (name, code) = text
        .strip_suffix(')')
        .and_then(|text| text.split_once('('))
        .ok_or(unknown)?;
    let code = code.parse::<i32>().map_err(|_| unknown)?;
    match R::from_code(code) {
        Some(reason) if reason.name() == name && codes(reason).carries_value() => Ok(reason),
        _ => Err(unknown),
    }
}
