//! (a) The downstream crate with cec-codes' generated file included directly:
//! the same code, without the build script and its dependencies.

#[allow(missing_docs)]
pub mod codes {
    // measure.sh copies tests/golden/codes.rs here.
    include!("codes.rs");
}

use codes::{Operation, OperationType};
use codes_runtime::Code;

/// One row of an `agentOprInfo` bill, as the downstream crate keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BillRow {
    /// The agent.
    pub agent_id: String,
    /// `op_type`, decoded.
    pub op_type: Code<OperationType>,
    /// `op_object`.
    pub op_object: String,
    /// `op_cause`.
    pub op_cause: i32,
}

impl BillRow {
    /// What the row is about, in words.
    pub fn describe(&self) -> String {
        let operation = Operation::decode(self.op_type.code(), &self.op_object, self.op_cause);
        format!("{}: {operation}", self.agent_id)
    }
}
