//! ccbnet: explore the networks through which the Centre for Cybersecurity Belgium cooperates,
//! in French, Dutch, German or English, in the terminal. The library holds everything; `main.rs` only wires the
//! command line to it.
pub mod action;
pub mod app;
pub mod check;
pub mod cli;
pub mod clip;
pub mod config;
pub mod cores;
pub mod data;
pub mod detail;
pub mod events;
pub mod export;
pub mod first;
pub mod help;
pub mod hyperlink;
pub mod i18n;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod lookup;
pub mod manual;
pub mod map;
pub mod meets;
pub mod mouse;
pub mod names;
pub mod pager;
pub mod problems;
pub mod search;
pub mod term;
pub mod text;
pub mod theme;
pub mod tree;
pub mod typography;
pub mod ui;
