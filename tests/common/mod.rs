//! Helpers shared by the integration tests: running the binary, the generated data sets, and
//! `ron` as the reference reader of data files.
#![allow(dead_code)]

pub mod map_check;
pub mod reference;
#[path = "../../benches/common/synth.rs"]
pub mod synth;

use std::process::Command;
use std::sync::OnceLock;

/// The binary under test: the one `CCBNET_TEST_BIN` names when it is set and not empty (to run
/// the suite against another build, an older one say), else the one cargo built.
pub fn bin() -> &'static str {
    static BIN: OnceLock<String> = OnceLock::new();
    BIN.get_or_init(|| {
        std::env::var("CCBNET_TEST_BIN")
            .ok()
            .filter(|b| !b.is_empty())
            .unwrap_or_else(|| env!("CARGO_BIN_EXE_ccbnet").to_owned())
    })
}

/// Where the tests point `XDG_CONFIG_HOME` and `HOME`: a folder that does not exist, so that
/// the configuration file of whoever runs the tests is never read.
pub const NO_CONFIG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/no-config");

/// The variables every run of the binary gets: no configuration file.
pub const ISOLATED: [(&str, &str); 2] = [("XDG_CONFIG_HOME", NO_CONFIG), ("HOME", NO_CONFIG)];
/// The variables every run of the binary goes without: no data file named by the person's
/// environment.
pub const UNSET: [&str; 1] = ["CCBNET_DATA"];

/// `program` (the binary, or a shell that runs it), isolated from the person's configuration.
pub fn cmd(program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.envs(ISOLATED);
    for var in UNSET {
        cmd.env_remove(var);
    }
    cmd
}

/// The same for a program run in a pseudo-terminal. (It starts in the crate's folder, not in
/// `HOME`, where portable-pty would start it.)
pub fn isolate_pty(cmd: &mut portable_pty::CommandBuilder) {
    if cmd.get_cwd().is_none() {
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    }
    for (var, value) in ISOLATED {
        cmd.env(var, value);
    }
    for var in UNSET {
        cmd.env_remove(var);
    }
}

/// `ccbnet ARGS`, ready to run with no locale (no `LANGUAGE` either), no colour settings (neither `NO_COLOR` nor a
/// terminal) and no configuration.
pub fn command(args: &[&str]) -> Command {
    let mut cmd = cmd(bin());
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
