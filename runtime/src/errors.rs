//! The errors of converting numbers and names to generated types.

use core::fmt;

/// A number that is not a code of the type it was converted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownCode {
    kind: &'static str,
    code: i32,
}

impl UnknownCode {
    /// `code` is not a code of the type named `kind`.
    pub const fn new(kind: &'static str, code: i32) -> Self {
        UnknownCode { kind, code }
    }

    /// The number that was converted.
    pub const fn code(self) -> i32 {
        self.code
    }

    /// The name of the type it was converted to.
    pub const fn kind(self) -> &'static str {
        self.kind
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is not a known {} code", self.code, self.kind)
    }
}

impl core::error::Error for UnknownCode {}

/// A name that is not a value of the type it was parsed as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownName {
    kind: &'static str,
}

impl UnknownName {
    /// A name was not one of the type named `kind`.
    pub const fn new(kind: &'static str) -> Self {
        UnknownName { kind }
    }

    /// The name of the type it was parsed as.
    pub const fn kind(self) -> &'static str {
        self.kind
    }
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a known {} name", self.kind)
    }
}

impl core::error::Error for UnknownName {}
