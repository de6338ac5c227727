//! Reading Huawei Cloud CEC `agentOprInfo` bill files, where the codes of
//! [`cec_codes`] occur: CSV files, and (feature `zip`, on by default) the zip
//! archives the vendor's download API returns.
//!
//! # The file format
//!
//! CEC's CDR file interface writes agent operation bills as CSV files named
//! `<yyyymmddhhmmssSSS><3-digit random>_agentOprInfo_<sequence>.csv`, one
//! record per line, downloaded as a zip archive
//! (`downloadAgentOprInfoFile`). Each record has 21 columns, in this order
//! ([`Column`]):
//!
//! `id, developer_id, account_id, agent_id, service_no, skill_id, call_id,
//! begin_time, end_time, op_type, op_object, op_cause, media_type, vdn_id,
//! cc_id, agent_type, phone_no, callIn_out, location_id, logon_sn,
//! skillInfo_sn`
//!
//! - `begin_time` and `end_time` are `YYYY-MM-DD hh:mm:ss` ([`BillTime`]).
//! - `op_type` is an operation type of the vendor's table;
//!   `op_object` the operation object (an employee or agent ID, or `-1`);
//!   `op_cause` the operation reason. [`Bill::operation`] decodes the three.
//! - `media_type`, `agent_type` and `callIn_out` (`呼入`, `呼出`, …) are
//!   codes of the vendor's media type, agent type and call direction
//!   tables: [`Bill::media_type_code`], [`Bill::agent_type_code`] and
//!   [`Bill::call_direction`] read them, the record keeping their text.
//! - `agent_id` is 1 to 32 characters; `service_no` carries no meaning;
//!   `phone_no` is the agent's IP address, phone number, called number or
//!   conference ID.
//! - The vendor does not document whether a file starts with a header
//!   line: [`BillReader`] reads both.
//!
//! # Reading
//!
//! [`BillReader`] streams records from any [`Read`](std::io::Read), one
//! `Result` per record with its line number, and goes on after a bad
//! record; [`BillError`] says where and what is wrong. Unknown codes keep
//! their numbers, and `-1` or `65535` read as not applicable. Files are
//! UTF-8 unless an [`Encoding`] says otherwise: GBK, GB18030, or found
//! out per file. Reading is as fast as a plain `csv` parse of the file
//! into `StringRecord`s, with every column checked, and memory does not
//! grow with the file (`BENCHMARKS.md`, figure 7).
//!
//! ```
//! use cec_bills::BillReader;
//!
//! let file = "\
//! 1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1
//! 2,dev,acct,1001,0,1,-1,2023-09-27 08:15:00,2023-09-27 08:16:00,27,-1,0,5,1,1,4,88001001,-1,0,7,1
//! 3,dev,acct,1001,0,1,-1,2023-09-27 08:16:00,2023-09-27 08:16:00,99,-1,7
//! ";
//! for result in BillReader::new(file.as_bytes()) {
//!     match result {
//!         Ok(row) => println!("{}: {} for {}s", row.line, row.bill.operation(), row.bill.duration_secs()),
//!         Err(error) => eprintln!("bills.csv:{}: {}", error.line(), error.kind()),
//!     }
//! }
//! // 1: Busy (3: Busy.), reason TakingRest (4: Indicates that an agent takes a rest.) for 900s
//! // 2: WorkStatus (27: Work status.), reason AfterCallProcessing (0: after-call processing. …) for 60s
//! // bills.csv:3: expected 21 columns, found 12
//! ```
//!
//! Durations are `end_time - begin_time` as civil times: see
//! [`Bill::duration_secs`] for a record that ends before it begins.
//!
//! # Files, annotations and summaries
//!
//! [`BillFiles`] reads files by name, directories walked, zip archives
//! member by member, and hands on every record [`Annotated`] with its
//! [`Location`] and what its codes mean (an [`Annotation`],
//! serde-serializable), and every problem as a [`LocatedError`]
//! (`FILE[/MEMBER][:LINE]: what is wrong`), counted in [`Counts`]; the
//! [`ErrorPolicy`] says whether to go on after one. Each is an [`Item`],
//! as is the encoding [`Encoding::Auto`] finds for a file.
//! [`BillFiles::read_parallel`] cuts large files (and archive members)
//! into pieces of whole records, decodes files and pieces on several
//! threads, and hands on what they give in input order,
//! so that the output made of it is the same whatever the number of
//! threads, line numbers included.
//! [`Summary`] totals records per operation type, reason, media type and
//! agent;
//! summaries of parts of the input merge.
//!
//! # Features
//!
//! - `zip` (on by default): zip archives ([`BillArchive`]).
//! - `synthetic`: the module `synthetic`, a generator of realistic bill
//!   files of any size for tests and benchmarks; not part of the default
//!   API.

#![warn(missing_docs)]
// docs.rs marks the items of the `zip` and `synthetic` features as such.
#![cfg_attr(docsrs, feature(doc_cfg))]

mod annotation;
mod columns;
mod encoding;
mod error;
mod files;
mod location;
mod reader;
mod record;
mod summary;
mod time;
mod value;

#[cfg(feature = "zip")]
mod archive;
#[cfg(feature = "synthetic")]
#[cfg_attr(docsrs, doc(cfg(feature = "synthetic")))]
pub mod synthetic;

pub use annotation::{Annotated, Annotation};
#[cfg(feature = "zip")]
#[cfg_attr(docsrs, doc(cfg(feature = "zip")))]
pub use archive::{ArchiveError, BillArchive};
pub use encoding::Encoding;
pub use error::{BillError, BillErrorKind, CodeProblem};
pub use files::{BillFiles, Counts, ErrorPolicy, Item};
pub use location::{LocatedError, Location, Problem};
pub use reader::{BillReader, BillRef, BillRow};
pub use record::{Bill, Column, Field};
pub use summary::{Group, Summary, SummaryRow, Totals};
pub use time::{BillTime, TimeError};

/// The README's examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The repository's README's examples run as doctests too, here: this
/// crate depends on every crate they use (cec-codes, and codes-codegen
/// for its tests), and cec-codes cannot depend on this one.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct RepositoryReadmeDoctests;
