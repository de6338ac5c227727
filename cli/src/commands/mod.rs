//! One module per subcommand.

pub mod check;
pub mod decode;
pub mod diff;
pub mod explain;
pub mod generate;
pub mod import;
pub mod manual;
pub mod synth;
pub mod update;
