//! The floor: the downstream crate's own code and serde, no code table.

/// One row of an `agentOprInfo` bill, as the downstream crate keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BillRow {
    /// The agent.
    pub agent_id: String,
    /// `op_type`.
    pub op_type: i32,
    /// `op_object`.
    pub op_object: String,
    /// `op_cause`.
    pub op_cause: i32,
}

impl BillRow {
    /// What the row is about, in words.
    pub fn describe(&self) -> String {
        format!("{} did operation {}", self.agent_id, self.op_type)
    }
}
