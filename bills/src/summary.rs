//! Counts and total durations per operation type, per reason, per media
//! type and per agent.

use core::fmt;
use std::collections::HashMap;
use std::vec::Vec;

use rustc_hash::FxBuildHasher;
use std::string::{String, ToString};

use cec_codes::{MediaType, Operation, OperationType};
use serde::{Serialize, Serializer};

use super::value::{Value, serialize_row};
use super::{Bill, BillRef, columns};

/// How many records, and how long they lasted together.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Totals {
    /// The records.
    pub count: u64,
    /// Their seconds, leaving out the records that end before they begin.
    pub seconds: i64,
}

impl Totals {
    fn add(&mut self, seconds: i64) {
        self.count = self.count.saturating_add(1);
        self.seconds = self.seconds.saturating_add(seconds.max(0));
    }

    /// Saturating sums of counts and seconds that are never negative do
    /// not depend on their order.
    fn merge(&mut self, other: Self) {
        self.count = self.count.saturating_add(other.count);
        self.seconds = self.seconds.saturating_add(other.seconds);
    }
}

/// Counts and total durations of records per operation type (`op_type`),
/// per reason (`op_type` and `op_cause`), per media type (`media_type`)
/// and per agent (`agent_id`).
///
/// It holds one [`Totals`] per key, not the records. A record that ends
/// before it begins is counted, its duration left out. Codes the table
/// does not list are totalled like the others, under their numbers (media
/// types under the column's text).
///
/// ```
/// use cec_bills::{BillReader, Summary, Totals};
///
/// let file = "\
/// 1,dev,acct,1001,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:15:00,3,-1,4,5,1,1,4,88001001,-1,0,7,1
/// 2,dev,acct,1002,0,1,-1,2023-09-27 08:00:00,2023-09-27 08:05:00,3,-1,4,5,1,1,4,88001002,-1,0,7,1
/// ";
/// let mut summary = Summary::new();
/// let mut reader = BillReader::new(file.as_bytes());
/// while let Some(Ok(record)) = reader.next_ref() {
///     summary.add(record);
/// }
/// assert_eq!(summary.operations().collect::<Vec<_>>(), [(3, Totals { count: 2, seconds: 1200 })]);
/// let rows: Vec<String> = summary
///     .rows()
///     .map(|row| format!("{} {} {} {} {}", row.group, row.key, row.name, row.count, row.total_duration_s))
///     .collect();
/// assert_eq!(rows, [
///     "operation 3 Busy 2 1200",
///     "reason 3/4 Busy/TakingRest 2 1200",
///     "media-type 5 VoiceCall 2 1200",
///     "agent 1001  1 900",
///     "agent 1002  1 300",
/// ]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Summary {
    // Hashed with a fast hasher, and sorted when read: a record looks up
    // four keys, and the rows are read once. Texts are keyed by their
    // UTF-8 bytes (in the same order as the texts): a record's are
    // valid already, and are not checked again for each record.
    operations: Totalled<i32>,
    reasons: Totalled<(i32, i32)>,
    media_types: Totalled<Vec<u8>>,
    agents: Totalled<Vec<u8>>,
    /// Keys given back by [`Summary::merge_from`], used again for the
    /// next keys: a summary merged part after part allocates no key.
    spare_keys: Vec<Vec<u8>>,
}

impl PartialEq for Summary {
    fn eq(&self, other: &Self) -> bool {
        // The spare keys are room, not totals.
        self.operations == other.operations
            && self.reasons == other.reasons
            && self.media_types == other.media_types
            && self.agents == other.agents
    }
}

impl Eq for Summary {}

/// Totals by key.
type Totalled<K> = HashMap<K, Totals, FxBuildHasher>;

/// The entries of `totals`, in order of their keys.
fn sorted<K: Ord>(totals: &Totalled<K>) -> Vec<(&K, Totals)> {
    let mut entries: Vec<(&K, Totals)> =
        totals.iter().map(|(key, &totals)| (key, totals)).collect();
    entries.sort_unstable_by_key(|&(key, _)| key);
    entries
}

impl Summary {
    /// A summary of no records.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts a record read by [`BillReader::next_ref`](crate::BillReader::next_ref).
    pub fn add(&mut self, record: BillRef<'_>) {
        self.count(
            record.op_type(),
            record.op_cause(),
            record.bytes(crate::Column::MediaType),
            record.bytes(crate::Column::AgentId),
            record.duration_secs(),
        );
    }

    /// Counts an owned record.
    pub fn add_bill(&mut self, bill: &Bill) {
        self.count(
            bill.op_type,
            bill.op_cause,
            bill.media_type.as_bytes(),
            bill.agent_id.as_bytes(),
            bill.duration_secs(),
        );
    }

    fn count(
        &mut self,
        op_type: i32,
        op_cause: i32,
        media_type: &[u8],
        agent: &[u8],
        seconds: i64,
    ) {
        self.operations.entry(op_type).or_default().add(seconds);
        self.reasons
            .entry((op_type, op_cause))
            .or_default()
            .add(seconds);
        add_by_text(
            &mut self.media_types,
            &mut self.spare_keys,
            media_type,
            seconds,
        );
        add_by_text(&mut self.agents, &mut self.spare_keys, agent, seconds);
    }

    /// Adds the totals of `other`, as if its records had been counted
    /// here: summaries of parts of the input, added in any order, give the
    /// summary of the whole.
    pub fn merge(&mut self, other: Self) {
        for (code, totals) in other.operations {
            self.operations.entry(code).or_default().merge(totals);
        }
        for (codes, totals) in other.reasons {
            self.reasons.entry(codes).or_default().merge(totals);
        }
        for (media_type, totals) in other.media_types {
            self.media_types
                .entry(media_type)
                .or_default()
                .merge(totals);
        }
        for (agent, totals) in other.agents {
            self.agents.entry(agent).or_default().merge(totals);
        }
    }

    /// Adds the totals of `other`, as [`merge`](Self::merge) does, and
    /// leaves `other` with no totals but the room it grew: a summary of
    /// each part of the input, merged as it comes and used again for the
    /// next part, allocates nothing once its maps have grown.
    pub fn merge_from(&mut self, other: &mut Self) {
        for (code, totals) in other.operations.drain() {
            self.operations.entry(code).or_default().merge(totals);
        }
        for (codes, totals) in other.reasons.drain() {
            self.reasons.entry(codes).or_default().merge(totals);
        }
        let spare = &mut other.spare_keys;
        merge_by_text(&mut self.media_types, &mut other.media_types, spare);
        merge_by_text(&mut self.agents, &mut other.agents, spare);
    }

    /// Whether no record was counted.
    pub fn is_empty(&self) -> bool {
        self.operations.is_empty()
    }

    /// The totals per `op_type`, by code.
    pub fn operations(&self) -> impl Iterator<Item = (i32, Totals)> + '_ {
        sorted(&self.operations)
            .into_iter()
            .map(|(&code, totals)| (code, totals))
    }

    /// The totals per `op_type` and `op_cause`, by the two codes.
    pub fn reasons(&self) -> impl Iterator<Item = ((i32, i32), Totals)> + '_ {
        sorted(&self.reasons)
            .into_iter()
            .map(|(&codes, totals)| (codes, totals))
    }

    /// The totals per `media_type`, by the column's text.
    pub fn media_types(&self) -> impl Iterator<Item = (&str, Totals)> + '_ {
        sorted(&self.media_types)
            .into_iter()
            .map(|(media_type, totals)| (text(media_type), totals))
    }

    /// The totals per `agent_id`, by ID (as text).
    pub fn agents(&self) -> impl Iterator<Item = (&str, Totals)> + '_ {
        sorted(&self.agents)
            .into_iter()
            .map(|(agent, totals)| (text(agent), totals))
    }

    /// The summary as rows: [`operations`](Self::operations), then
    /// [`reasons`](Self::reasons), [`media_types`](Self::media_types) and
    /// [`agents`](Self::agents).
    pub fn rows(&self) -> impl Iterator<Item = SummaryRow> + '_ {
        let operation_name =
            |code| OperationType::from_code(code).map_or("unknown", OperationType::name);
        let operations = self.operations().map(move |(code, totals)| {
            SummaryRow::new(
                Group::Operation,
                code.to_string(),
                operation_name(code).into(),
                totals,
            )
        });
        let reasons = self.reasons().map(move |((code, cause), totals)| {
            let reason = Operation::decode(code, "", cause).reason();
            SummaryRow::new(
                Group::Reason,
                std::format!("{code}/{cause}"),
                std::format!("{}/{}", operation_name(code), reason.name()),
                totals,
            )
        });
        let media_types = self.media_types().map(|(media_type, totals)| {
            let name = match columns::media_type(media_type) {
                Some(code) => code.known().map_or("unknown", MediaType::name),
                None => "not a code",
            };
            SummaryRow::new(Group::MediaType, media_type.into(), name.into(), totals)
        });
        let agents = self.agents().map(|(agent, totals)| {
            SummaryRow::new(Group::Agent, agent.into(), String::new(), totals)
        });
        operations.chain(reasons).chain(media_types).chain(agents)
    }
}

/// A key of the totals by text: the UTF-8 bytes of a text (a record's
/// text, or a [`Bill`]'s), so never the empty text for a key that is not.
fn text(key: &[u8]) -> &str {
    core::str::from_utf8(key).unwrap_or_default()
}

/// Adds a record of `seconds` to the totals of `key` in `totals`.
fn add_by_text(totals: &mut Totalled<Vec<u8>>, spare: &mut Vec<Vec<u8>>, key: &[u8], seconds: i64) {
    match totals.get_mut(key) {
        Some(totals) => totals.add(seconds),
        // The key is copied only when not seen yet, into a spare one if
        // there is one.
        None => {
            let mut owned = spare.pop().unwrap_or_default();
            owned.clear();
            owned.extend_from_slice(key);
            totals.entry(owned).or_default().add(seconds);
        }
    }
}

/// Moves the totals of `from` into `into`, the keys `into` holds already
/// into `spare`.
fn merge_by_text(
    into: &mut Totalled<Vec<u8>>,
    from: &mut Totalled<Vec<u8>>,
    spare: &mut Vec<Vec<u8>>,
) {
    for (key, totals) in from.drain() {
        match into.get_mut(key.as_slice()) {
            Some(into) => {
                into.merge(totals);
                spare.push(key);
            }
            None => {
                into.insert(key, totals);
            }
        }
    }
}

/// What a [`SummaryRow`] totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    /// An operation type: `operation`.
    Operation,
    /// A reason of an operation type: `reason`.
    Reason,
    /// A media type: `media_type`.
    MediaType,
    /// An agent: `agent`.
    Agent,
}

impl Group {
    /// Every group, in the order of [`Summary::rows`].
    pub const ALL: [Self; 4] = [Self::Operation, Self::Reason, Self::MediaType, Self::Agent];

    /// The group's name, as rows write it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Operation => "operation",
            Self::Reason => "reason",
            Self::MediaType => "media-type",
            Self::Agent => "agent",
        }
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One line of a [`Summary`]: a key with its totals.
///
/// Serialized, it is one struct whose fields are
/// [`COLUMNS`](Self::COLUMNS).
///
/// | group | key | name |
/// |---|---|---|
/// | `operation` | `op_type` (`3`) | the operation type's name (`Busy`), `unknown` if the table does not list it |
/// | `reason` | `op_type/op_cause` (`3/4`) | the operation's and the reason's names (`Busy/TakingRest`) |
/// | `media_type` | `media_type` (`5`) | the media type's name (`VoiceCall`), `unknown` if the table does not list it, `not a code` if the field is not a number |
/// | `agent` | `agent_id` | empty |
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SummaryRow {
    /// What the row totals.
    pub group: Group,
    /// Which one.
    pub key: String,
    /// Its name.
    pub name: String,
    /// How many records.
    pub count: u64,
    /// Their seconds together (see [`Totals::seconds`]).
    pub total_duration_s: i64,
}

impl SummaryRow {
    /// The serialized field names, in order.
    pub const COLUMNS: [&'static str; 5] = ["group", "key", "name", "count", "total_duration_s"];

    fn new(group: Group, key: String, name: String, totals: Totals) -> Self {
        Self {
            group,
            key,
            name,
            count: totals.count,
            total_duration_s: totals.seconds,
        }
    }
}

impl Serialize for SummaryRow {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let values = [
            Value::Text(self.group.name()),
            Value::Text(&self.key),
            Value::Text(&self.name),
            Value::Count(self.count),
            Value::Number(self.total_duration_s),
        ];
        serialize_row(serializer, "SummaryRow", &Self::COLUMNS, values)
    }
}
