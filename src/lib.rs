//! ccbnet: explore the CCB's cooperation networks.
pub mod data;
