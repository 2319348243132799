//! ccbnet: explore the networks through which the Centre for Cybersecurity Belgium cooperates,
//! in French or Dutch, in the terminal. The library holds everything; `main.rs` only wires the
//! command line to it.
pub mod check;
pub mod cli;
pub mod data;
pub mod text;
