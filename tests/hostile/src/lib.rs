//! The code generated from `codes.toml`, a spec whose every text is hostile
//! to the generated code: quotes, comment terminators, attributes, format
//! strings, line breaks, control, bidi and zero-width characters, Markdown.
//!
//! That this crate builds, passes clippy and documents with `-D warnings`
//! proves the text cannot escape its string literals and doc attributes;
//! its tests prove every text comes back byte for byte.

#![no_std]
#![warn(missing_docs)]

pub use codes_runtime::Lang;

include!(concat!(env!("OUT_DIR"), "/codes.rs"));
