//! The commands and what their input and output may be: a reader that goes away (`| head -1`),
//! a full disk, and data given as a pipe, a named pipe nothing writes to, a device or a socket;
//! nothing panics, nothing blocks.

mod common;
use common::bin;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/ccb-networks.ron");

/// Runs `cmd` to its end, failing if it takes longer than `limit`; its status, and what it
/// wrote to stdout and stderr.
fn run_within(cmd: &mut Command, limit: Duration) -> (std::process::ExitStatus, String) {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    let end = Instant::now() + limit;
    let status = loop {
        if let Some(st) = child.try_wait().expect("poll the child") {
            break st;
        }
        if Instant::now() >= end {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not end within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut text = String::new();
    child.stdout.take().expect("stdout").read_to_string(&mut text).expect("read stdout");
    child.stderr.take().expect("stderr").read_to_string(&mut text).expect("read stderr");
    (status, text)
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("pipes-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn every_command_ends_quietly_when_its_reader_goes_away() {
    // A reader that is gone before anything is written: every write is a broken pipe.
    for args in [
        &["check"][..],
        &["export"],
        &["export", "--format", "json"],
        &["search", "cyber"],
        &["man"],
        &["completions", "bash"],
    ] {
        let mut child = common::cmd(bin())
            .args(args)
            .env("LANG", "fr_BE.UTF-8")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {:?}, stderr: {err}", out.status);
        assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
    }
}

#[test]
fn a_write_error_is_one_line_and_status_2() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // A system without /dev/full.
    };
    for args in [&["check"][..], &["export"], &["search", "cyber"]] {
        let out = common::cmd(bin())
            .args(args)
            .env("LANG", "fr_BE.UTF-8")
            .stdout(full.try_clone().expect("dup"))
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {:?}, stderr: {err}", out.status);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("cannot write"), "{args:?}: {err}");
    }
}

#[test]
fn data_from_a_pipe_is_read_once() {
    // What `--data <(cat file)` hands over: a path to a pipe.
    let script = format!(r#"cat "{SHIPPED}" | "{}" check /dev/stdin"#, bin());
    let out = common::cmd("/bin/sh").arg("-c").arg(&script).output().expect("run sh");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{:?}: {text} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains(": ok:"), "{text}");
}

#[test]
fn a_named_pipe_nothing_writes_to_is_given_up_with_a_clear_message() {
    let dir = temp("fifo");
    let fifo = dir.join("f");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("run mkfifo");
    assert!(made.success());
    for args in [&["check"][..], &["export"]] {
        let mut cmd = common::cmd(bin());
        cmd.arg("--data").arg(&fifo).args(args);
        let (status, err) = run_within(&mut cmd, Duration::from_secs(10));
        assert_eq!(status.code(), Some(2), "{args:?}: {status:?} {err}");
        assert!(err.contains("nothing was written to it"), "{args:?}: {err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn devices_and_sockets_are_refused_at_once() {
    let dir = temp("socket");
    let sock = dir.join("s");
    let _listener = std::os::unix::net::UnixListener::bind(&sock).expect("bind a socket");
    for (path, word) in [(std::path::Path::new("/dev/zero"), "device"), (&sock, "socket")] {
        let mut cmd = common::cmd(bin());
        cmd.arg("--data").arg(path).arg("export");
        let (status, err) = run_within(&mut cmd, Duration::from_secs(10));
        assert_eq!(status.code(), Some(2), "{}: {status:?} {err}", path.display());
        assert!(err.contains(word), "{}: {err}", path.display());
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_dash_reads_the_data_from_standard_input() {
    // `ccbnet check -`, from a pipe and from a redirected file.
    let bin = bin();
    for script in [
        format!(r#"cat "{SHIPPED}" | "{bin}" check -"#),
        format!(r#""{bin}" check - < "{SHIPPED}""#),
        format!(r#"cat "{SHIPPED}" | "{bin}" --data - check"#),
    ] {
        let out = common::cmd("/bin/sh").arg("-c").arg(&script).output().expect("run sh");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{script}: {:?} {text}", out.status);
        assert!(text.starts_with("<stdin>: ok: 42 entries"), "{script}: {text}");
    }
    // Every command that reads the data takes it.
    let script = format!(r#"cat "{SHIPPED}" | "{bin}" --data - --lang nl show enisa"#);
    let out = common::cmd("/bin/sh").arg("-c").arg(&script).output().expect("run sh");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ENISA"));
    // Problems are placed in `<stdin>`.
    let script = r#"printf '(\n  format_version: 1,\n  nope\n' | "$0" check -"#;
    let out = common::cmd("/bin/sh").args(["-c", script, bin]).output().expect("run sh");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.starts_with("<stdin>:2:3: error: "), "{text}");
    // Standard input that is no data (here a device) is refused, never waited for.
    let out = common::cmd(bin).args(["check", "-"]).stdin(Stdio::null()).output().expect("run");
    assert_ne!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}
