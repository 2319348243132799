//! Helpers shared by the integration tests: running the binary, the generated data sets, and
//! `ron` as the reference reader of data files.
#![allow(dead_code)]

pub mod map_check;
pub mod reference;
#[path = "../../benches/common/synth.rs"]
pub mod synth;

use std::process::Command;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_ccbnet");

/// `ccbnet ARGS`, ready to run with no locale (no `LANGUAGE` either) and no colour settings (neither `NO_COLOR` nor a
/// terminal).
pub fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_remove("LANG")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// Runs `ccbnet ARGS` as [`command`] sets it up; returns stdout, stderr and the exit status.
pub fn ccbnet(args: &[&str]) -> (String, String, i32) {
    let out = command(args).output().expect("run ccbnet");
    (
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8(out.stderr).expect("UTF-8 errors"),
        out.status.code().expect("an exit code"),
    )
}
