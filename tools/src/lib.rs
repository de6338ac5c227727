//! The spec maintainers' tools, over the validated [`Spec`](codes_codegen::Spec)
//! of [`codes_codegen`]:
//!
//! - [`vendor_doc`] reads a vendor table as copied from its page;
//! - [`import`] turns it into a fresh spec, or merges it into an existing
//!   one keeping names, comments and layout;
//! - [`diff`] tells what a spec revision changed and its semver impact on
//!   the generated API;
//! - [`export`] writes a spec as SQL lookup tables, JSON or Markdown;
//! - [`report`] renders a spec's mistakes rustc-style, with snippets;
//! - [`translations`] finds the texts that lack a translation;
//! - [`update`] finds a spec's tables on the vendor's pages again and
//!   merges them, and [`changelog`] adds what changed to a CHANGELOG.
//!
//! None of this runs in a build script: a crate's `build.rs` needs only
//! `codes-codegen`.

#![warn(missing_docs)]

pub mod changelog;
pub mod diff;
pub mod export;
pub mod import;
mod lang;
pub mod report;
pub mod review;
mod site;
#[cfg(test)]
mod test_spec;
pub mod translations;
pub mod update;
pub mod vendor_doc;
