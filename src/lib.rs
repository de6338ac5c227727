//! Huawei Cloud CEC agent operation codes as typed Rust.
//!
//! Contact centres on Huawei Cloud Customer Engagement Center record every
//! agent action in `agentOprInfo` bill files as three columns: `op_type`,
//! `op_object` and `op_cause`. This crate is generated from the vendor's
//! table (`codes.toml`, transcribed byte for byte) at build time, so the
//! codes, their descriptions and the reasons allowed for each operation can
//! never drift from the documentation.
//!
//! ```
//! use cec_codes::{BusyReason, Code, Object, Operation, OperationType, Reason};
//!
//! let busy = Operation::decode(3, "-1", 4);
//! assert_eq!(busy.code(), Code::Known(OperationType::Busy));
//! assert_eq!(busy.reason(), Reason::Busy(BusyReason::TakingRest));
//! assert_eq!(busy.reason().description(), Some("Indicates that an agent takes a rest."));
//! assert_eq!(busy.encode(), (3, "-1", 4));
//!
//! // Ranges and open reasons carry their code; nothing the vendor adds
//! // later is lost.
//! let rest = Operation::decode(26, "1001", 12);
//! assert!(matches!(rest.object(), Object::EmployeeId(id) if id.as_str() == "1001"));
//! assert_eq!(rest.reason().code(), 12);
//! let future = Operation::decode(99, "1001", 7);
//! assert_eq!(future.code().known(), None);
//! assert_eq!(future.encode(), (99, "1001", 7));
//! ```
//!
//! Values can only be made by decoding, so each is exactly what its numbers
//! decode to: `ManualAdjustment(0)` cannot exist, since `0` is after-call
//! processing. A carried code has no public constructor but `new`, which
//! checks it:
//!
//! ```compile_fail,E0451
//! use cec_codes::{WorkStatusReason, work_status_reason::ManualAdjustment};
//!
//! let zero = WorkStatusReason::ManualAdjustment(ManualAdjustment { code: 0, reason: Default::default() });
//! ```
//!
//! ```
//! use cec_codes::work_status_reason::ManualAdjustment;
//!
//! assert_eq!(ManualAdjustment::new(0), None);
//! assert_eq!(ManualAdjustment::new(1).map(i32::from), Some(1));
//! ```
//!
//! Every variant's documentation is the vendor's row: see [`OperationType`].
//!
//! The fixed types (`Code`, `ReasonInfo`, the errors, the [`CodeEnum`] trait
//! every code enum implements) come from `codes-runtime` and are re-exported
//! here, so generic code written against them works for any table.
//!
//! # Features
//!
//! - `serde`: every code serializes as its vendor value and deserializes
//!   from it; an [`Operation`] as its bill columns
//!   (`{"op_type":26,"op_object":"1001","op_cause":12}`), borrowing its
//!   object's text, and `OwnedOperation` from any input; a [`Reason`] as
//!   its operation's code and its own (`{"op_type":3,"op_cause":201}`).
//!   Each type's docs give its shape. Needs `serde` without `derive`.
//!
//! The crate is `no_std`, and allocation-free without `serde` (the owned
//! record holds a `String`). The bill files the codes come
//! in are read by the `cec-bills` crate.

#![no_std]
#![warn(missing_docs)]
// docs.rs marks the items of the `serde` feature as such.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub use codes_runtime::{
    Code, CodeEnum, Enumerable, Lang, ReasonCodes, ReasonInfo, TextCode, Unknown, UnknownCode,
    UnknownName, UnknownText,
};

include!(concat!(env!("OUT_DIR"), "/codes.rs"));

/// The text of `codes.toml`, the spec this crate ships and generates its
/// tables from (unless `CEC_CODES_SPEC` named another spec at build time):
/// what `codes generate` generates from where no spec file is given.
pub const SPEC: &str = include_str!("../codes.toml");

// The README's examples run as doctests in cec-bills, which depends on
// every crate they use (this crate cannot depend on cec-bills).
