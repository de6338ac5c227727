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

/// Writes a reason as the derived `Debug` of its enum would: `name`, or,
/// for a reason that carries its code, `Name(Name(code))`, the variant
/// around the carried code's own `Debug`, laid out by `debug_tuple` so that
/// `{:#?}` breaks it over lines as a derive does. The generated `Debug`
/// calls this rather than derive a `match` over the variants, which costs
/// rustc more for every reason enum of a large spec.
///
/// # Errors
///
/// Returns the formatter's error.
pub fn debug(f: &mut fmt::Formatter<'_>, name: &str, codes: ReasonCodes, code: i32) -> fmt::Result {
    /// The carried code, as its own `Debug` writes it: `Name(code)`.
    struct Carried<'a>(&'a str, i32);

    impl fmt::Debug for Carried<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_tuple(self.0).field(&self.1).finish()
        }
    }

    match codes.carries_value() {
        true => f.debug_tuple(name).field(&Carried(name, code)).finish(),
        false => f.write_str(name),
    }
}

/// Writes a reason decoded in the context of its operation as the derived
/// `Debug` of the spec's `Reason` enum would: the operation's name around
/// the reason's own `Debug` ([`debug()`]), `Busy(CallRejected)`, laid out
/// by `debug_tuple`. The generated `Debug` calls this for every reason of
/// a listed operation instead of a derived `match` of one arm per
/// operation, which rustc checks in more than linear time.
///
/// # Errors
///
/// Returns the formatter's error.
pub fn debug_in_operation(
    f: &mut fmt::Formatter<'_>,
    operation: &str,
    name: &str,
    codes: ReasonCodes,
    code: i32,
) -> fmt::Result {
    /// The reason, as its own `Debug` writes it.
    struct Inner<'a>(&'a str, ReasonCodes, i32);

    impl fmt::Debug for Inner<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            debug(f, self.0, self.1, self.2)
        }
    }

    f.debug_tuple(operation)
        .field(&Inner(name, codes, code))
        .finish()
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
