//! Synthetic bill files, a testing and benchmarking aid.
//!
//! [`SyntheticBills`] writes any number of records without holding them in
//! memory, deterministically: the same settings always give the same
//! bytes. Its first records go through every operation type of the
//! vendor's table with every reason it lists (both ends of a range), then
//! `-1` and `65535`, an unlisted reason and unknown operation types; after
//! that the cycle repeats with other agents and times. Independently, the
//! records go through the media types (mostly voice calls, some text
//! chats, an unlisted `53`), every agent type and an unlisted `99`, and the
//! call directions (`呼入`, `呼出`, `IVR呼出`, `outbound呼出` and an unlisted
//! `回呼`), so that a file holds Chinese text as the vendor's do. Every
//! `n`-th record can be malformed, going through each [`Malformed`] kind
//! in turn.
//!
//! Nothing here is meant for production data: it exists so that tests and
//! benchmarks of code that reads bill files share realistic input.
//!
//! ```
//! use cec_bills::BillReader;
//! use cec_bills::synthetic::SyntheticBills;
//!
//! let generator = SyntheticBills::new().malformed_every(10);
//! let file = generator.to_bytes(100);
//! let mut good = 0;
//! for (index, result) in BillReader::new(&file[..]).enumerate() {
//!     match (generator.row(index as u64), result) {
//!         (Ok(expected), Ok(row)) => {
//!             assert_eq!(row.bill, expected);
//!             good += 1;
//!         }
//!         (Err(_malformed), Err(error)) => {
//!             assert_eq!(error.line(), generator.line(index as u64));
//!         }
//!         (expected, got) => panic!("row {index}: expected {expected:?}, got {got:?}"),
//!     }
//! }
//! assert_eq!(good, 90);
//! ```

use std::format;
use std::io::{self, Write};
use std::string::ToString;
use std::vec::Vec;

use super::{Bill, BillTime, Column};
use cec_codes::{ObjectKind, OperationType, ReasonCodes};

/// A generator of synthetic bill files: see the [module](self) docs.
#[derive(Debug, Clone)]
pub struct SyntheticBills {
    header: bool,
    malformed_every: u64,
    cases: Vec<Case>,
}

/// The kinds of malformed record the generator writes, each a good record
/// with one thing wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Malformed {
    /// The last column is missing (20 columns).
    MissingColumn,
    /// One column too many (22 columns).
    ExtraColumn,
    /// `op_type` is `Busy`, a name instead of a code.
    OpTypeNotInteger,
    /// `op_cause` is empty.
    OpCauseEmpty,
    /// `op_cause` is `4294967296`, past 32 bits.
    OpCauseOutOfRange,
    /// `begin_time` is written `2023-09-27T08:00:00`.
    BeginTimeFormat,
    /// `end_time` is `2023-02-29 08:00:00`, a day 2023 does not have.
    EndTimeNoSuchDay,
    /// `agent_id` holds a byte that is not UTF-8.
    AgentIdNotUtf8,
}

impl Malformed {
    /// Every kind, in the order the generator cycles through them.
    pub const ALL: [Self; 8] = [
        Self::MissingColumn,
        Self::ExtraColumn,
        Self::OpTypeNotInteger,
        Self::OpCauseEmpty,
        Self::OpCauseOutOfRange,
        Self::BeginTimeFormat,
        Self::EndTimeNoSuchDay,
        Self::AgentIdNotUtf8,
    ];
}

/// The code columns of one record of the cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Case {
    op_type: i32,
    op_object: &'static str,
    op_cause: i32,
}

impl Default for SyntheticBills {
    fn default() -> Self {
        Self::new()
    }
}

impl SyntheticBills {
    /// A generator of files with a header line and no malformed records.
    pub fn new() -> Self {
        Self {
            header: true,
            malformed_every: 0,
            cases: cases(),
        }
    }

    /// Whether files start with a header line (they do unless told).
    pub fn header(mut self, header: bool) -> Self {
        self.header = header;
        self
    }

    /// Makes every `n`-th record malformed (the `n`-th, the `2n`-th, …);
    /// `0`, the default, makes none.
    pub fn malformed_every(mut self, n: u64) -> Self {
        self.malformed_every = n;
        self
    }

    /// Whether files start with a header line.
    pub fn has_header(&self) -> bool {
        self.header
    }

    /// How many good records go through every case once: the first this
    /// many good records of a file cover the whole table.
    pub fn cycle_len(&self) -> usize {
        self.cases.len()
    }

    /// The line record `index` (from 0) is on.
    pub fn line(&self, index: u64) -> u64 {
        index + 1 + u64::from(self.header)
    }

    /// What record `index` (from 0) holds, as reading it should give it:
    /// the bill it reads back as, or the kind of fault it has.
    ///
    /// # Errors
    ///
    /// The [`Malformed`] kind of a record written malformed
    /// ([`malformed_every`](Self::malformed_every)).
    pub fn row(&self, index: u64) -> Result<Bill, Malformed> {
        match self.malformed_kind(index) {
            Some(kind) => Err(kind),
            None => Ok(self.bill(index)),
        }
    }

    /// Writes a file of `rows` records to `out`, one record at a time.
    ///
    /// # Errors
    ///
    /// The first error of `out`.
    pub fn write<W: Write>(&self, rows: u64, out: W) -> io::Result<()> {
        // `out`'s own error, not csv's wrapping of it: a closed pipe stays
        // a closed pipe.
        let out_error = |error: csv::Error| match error.into_kind() {
            csv::ErrorKind::Io(error) => error,
            kind => io::Error::other(format!("{kind:?}")),
        };
        let mut writer = csv::WriterBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_writer(out);
        if self.header {
            writer
                .write_record(Column::ALL.map(Column::name))
                .map_err(out_error)?;
        }
        for index in 0..rows {
            let bill = self.bill(index);
            match self.malformed_kind(index) {
                None => writer.serialize(&bill),
                Some(kind) => writer.write_record(malformed_fields(&bill, kind)),
            }
            .map_err(out_error)?;
        }
        writer.flush()
    }

    /// A whole file of `rows` records, in memory.
    pub fn to_bytes(&self, rows: u64) -> Vec<u8> {
        let mut bytes = Vec::new();
        self.write(rows, &mut bytes)
            .expect("writing to a Vec cannot fail");
        bytes
    }

    fn malformed_kind(&self, index: u64) -> Option<Malformed> {
        let n = self.malformed_every;
        if n == 0 || !(index + 1).is_multiple_of(n) {
            return None;
        }
        let nth = (index + 1) / n - 1;
        Some(Malformed::ALL[(nth % Malformed::ALL.len() as u64) as usize])
    }

    /// The good record at `index`; a malformed one spoils a copy of it.
    fn bill(&self, index: u64) -> Bill {
        // Malformed records take no case, so that the first good records
        // cover the table whatever `malformed_every` is.
        let good_before = match self.malformed_every {
            0 => index,
            n => index - (index + 1) / n,
        };
        let case = self.cases[(good_before % self.cases.len() as u64) as usize];
        let agent = 1001 + index % 97;
        let begin = time_of(2023, index);
        // Under two hours, and begin is never later than 21:59:59, so the
        // end is the same day.
        let duration = (index * 7919) % 7200;
        let end_of_day = seconds_of_day(begin) + duration;
        let end = BillTime::new(
            begin.year(),
            begin.month(),
            begin.day(),
            (end_of_day / 3600) as u8,
            (end_of_day / 60 % 60) as u8,
            (end_of_day % 60) as u8,
        )
        .expect("the end is a valid time of the same day");
        Bill {
            id: (index + 1).to_string(),
            developer_id: "1000000000000000001".into(),
            account_id: format!("acct{}", index % 3),
            agent_id: agent.to_string(),
            service_no: "0".into(),
            skill_id: (1 + index % 8).to_string(),
            call_id: format!("1695772800-{}", index / 4),
            begin_time: begin,
            end_time: end,
            op_type: case.op_type,
            op_object: case.op_object.into(),
            op_cause: case.op_cause,
            media_type: match index % 10 {
                0..=5 => "5",
                6..=8 => "1",
                _ => "53",
            }
            .into(),
            vdn_id: "1".into(),
            cc_id: "1".into(),
            agent_type: match index % 15 {
                14 => 99,
                agent_type => agent_type,
            }
            .to_string(),
            // Every 11th record needs quoting: a comma and quotes.
            phone_no: if index % 11 == 10 {
                format!("conference \"{agent}\", room 2")
            } else {
                format!("8800{agent}")
            },
            call_in_out: CALL_DIRECTIONS[(index % CALL_DIRECTIONS.len() as u64) as usize].into(),
            location_id: "0".into(),
            logon_sn: (700_000 + index / 50).to_string(),
            skill_info_sn: (index % 5).to_string(),
        }
    }
}

/// The `callIn_out` values the records go through: the vendor's four, the
/// usual ones more often, and one it does not list.
const CALL_DIRECTIONS: [&str; 7] = [
    "呼入",
    "呼出",
    "IVR呼出",
    "outbound呼出",
    "呼入",
    "呼出",
    "回呼",
];

/// A valid time in `year`, spread over the months, days and hours up to
/// 21:59:59.
fn time_of(year: u16, index: u64) -> BillTime {
    BillTime::new(
        year,
        1 + (index % 12) as u8,
        1 + (index / 12 % 28) as u8,
        (index / 336 % 22) as u8,
        (index * 7 % 60) as u8,
        (index * 13 % 60) as u8,
    )
    .expect("days up to 28 and hours up to 21 always exist")
}

fn seconds_of_day(time: BillTime) -> u64 {
    u64::from(time.hour()) * 3600 + u64::from(time.minute()) * 60 + u64::from(time.second())
}

/// The fields of `bill` with the fault `kind` names.
fn malformed_fields(bill: &Bill, kind: Malformed) -> Vec<Vec<u8>> {
    let mut fields: Vec<Vec<u8>> = Column::ALL
        .iter()
        .map(|&column| bill.field(column).to_string().into_bytes())
        .collect();
    let mut set = |column: Column, value: &[u8]| fields[column.index()] = value.to_vec();
    match kind {
        Malformed::MissingColumn => {
            fields.pop();
        }
        Malformed::ExtraColumn => fields.push(b"extra".to_vec()),
        Malformed::OpTypeNotInteger => set(Column::OpType, b"Busy"),
        Malformed::OpCauseEmpty => set(Column::OpCause, b""),
        Malformed::OpCauseOutOfRange => set(Column::OpCause, b"4294967296"),
        Malformed::BeginTimeFormat => set(Column::BeginTime, b"2023-09-27T08:00:00"),
        Malformed::EndTimeNoSuchDay => set(Column::EndTime, b"2023-02-29 08:00:00"),
        Malformed::AgentIdNotUtf8 => set(Column::AgentId, b"\xff1001"),
    }
    fields
}

/// The code columns the cycle goes through, built from the generated
/// table so that it covers every row the spec has.
fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for operation in OperationType::ALL {
        let op_type = operation.code();
        let op_object = match operation.object_kind() {
            Some(ObjectKind::EmployeeId) => "2001",
            Some(ObjectKind::AgentId) => "3001",
            // A kind a later spec adds: any identifier will do.
            Some(_) => "4001",
            None => "-1",
        };
        let mut case = |op_cause| {
            cases.push(Case {
                op_type,
                op_object,
                op_cause,
            })
        };
        if operation.reasons().is_empty() {
            case(-1);
        }
        for reason in operation.reasons() {
            match reason.codes {
                ReasonCodes::Single(code) => case(code),
                ReasonCodes::Range { start, end } => {
                    case(start);
                    case(end);
                }
                ReasonCodes::Open { default } => {
                    case(default.unwrap_or(1));
                    case(4242);
                }
            }
        }
    }
    // The two ways of writing "not applicable", an unlisted reason, and
    // operation types the table does not list (one a later revision adds,
    // one nobody does, one negative).
    let busy = OperationType::Busy.code();
    cases.extend([
        Case {
            op_type: busy,
            op_object: "65535",
            op_cause: 65535,
        },
        Case {
            op_type: busy,
            op_object: "-1",
            op_cause: -1,
        },
        Case {
            op_type: busy,
            op_object: "-1",
            op_cause: 6,
        },
    ]);
    for op_type in [21, 999, -7] {
        cases.push(Case {
            op_type,
            op_object: "1001",
            op_cause: 3,
        });
    }
    cases
}
