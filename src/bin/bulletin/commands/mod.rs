//! One module per subcommand.

pub mod check;
pub mod graph;
pub mod parse;
pub mod render;
pub mod stats;
pub mod table;
