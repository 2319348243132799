//! End-to-end tests: the real `ccbnet` binary runs in a pseudo-terminal, its output feeds a
//! `vt100` screen, and keys, resizes and signals go in as a person or the system would send them.
//!
//! Every wait has a deadline, so a hang fails the test with the screen as it was instead of
//! blocking the run.

mod common;
use common::bin;

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// The binary under test.
/// A small data set whose wording the tests can rely on.
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/minimal.ron");
/// How long any one wait may last before the test fails.
const DEADLINE: Duration = Duration::from_secs(30);
/// How often a wait looks at the screen again.
const POLL: Duration = Duration::from_millis(10);

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }
}

/// A command with a deterministic environment: a known terminal type, no locale.
fn command(program: &str) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    common::isolate_pty(&mut cmd);
    cmd.env("TERM", "xterm-256color");
    for var in ["LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] {
        cmd.env_remove(var);
    }
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// The explorer on the fixture, starting in French.
fn explorer() -> CommandBuilder {
    let mut cmd = command(bin());
    cmd.args(["--data", FIXTURE, "--lang", "fr"]);
    cmd
}

/// A program running in a pseudo-terminal, its output kept up to date in a `vt100` parser.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    // Kept until the child is gone: dropping it sends "\n" and EOF, which would be keys.
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    // Every byte the program wrote, for what the screen does not show (OSC 52).
    raw: Arc<Mutex<Vec<u8>>>,
    reader_done: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
}

impl Session {
    /// Spawns `cmd` in a new pseudo-terminal of `rows` x `cols`; the `vt100` screen has the
    /// same size.
    fn spawn(cmd: CommandBuilder, rows: u16, cols: u16) -> Self {
        let pair = native_pty_system().openpty(size(rows, cols)).expect("open a pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn the command in the pty");
        // Only the child holds the slave side now, so reads end when it (and its children) exit.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let reader_done = Arc::new(AtomicBool::new(false));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let handle = {
            let parser = Arc::clone(&parser);
            let raw = Arc::clone(&raw);
            let done = Arc::clone(&reader_done);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            raw.lock().expect("raw lock").extend_from_slice(&buf[..n]);
                            parser.lock().expect("parser lock").process(&buf[..n]);
                        }
                    }
                }
                done.store(true, Ordering::SeqCst);
            })
        };
        Self { child, master: pair.master, writer, parser, raw, reader_done, reader: Some(handle) }
    }

    /// A copy of the screen as it is now.
    fn screen(&self) -> vt100::Screen {
        self.parser.lock().expect("parser lock").screen().clone()
    }

    /// Whether the program has written `bytes` so far.
    fn wrote(&self, bytes: &[u8]) -> bool {
        self.raw.lock().expect("raw lock").windows(bytes.len()).any(|w| w == bytes)
    }

    /// Sends bytes as if typed.
    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    /// Waits until `ok` holds for the screen; fails with `what` and the screen after the deadline.
    fn wait_for(&mut self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) -> vt100::Screen {
        let end = Instant::now() + DEADLINE;
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            if Instant::now() >= end {
                let status = self.child.try_wait().ok().flatten();
                panic!(
                    "timed out after {DEADLINE:?} waiting for {what}; child status: {status:?}; \
                     screen:\n{}",
                    dump(&screen)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen shows every one of `texts`.
    fn wait_for_texts(&mut self, texts: &[&str]) -> vt100::Screen {
        self.wait_for(&format!("the screen to show {texts:?}"), |s| {
            let c = s.contents();
            texts.iter().all(|t| c.contains(t))
        })
    }

    /// Waits for the child to exit and for all its output to be read; returns its status and
    /// the final screen.
    fn wait_exit(&mut self) -> (ExitStatus, vt100::Screen) {
        let end = Instant::now() + DEADLINE;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                break status;
            }
            assert!(
                Instant::now() < end,
                "timed out after {DEADLINE:?} waiting for the child to exit; screen:\n{}",
                dump(&self.screen())
            );
            std::thread::sleep(POLL);
        };
        while !self.reader_done.load(Ordering::SeqCst) {
            assert!(
                Instant::now() < end,
                "the child exited ({status:?}) but its output did not end within {DEADLINE:?}"
            );
            std::thread::sleep(POLL);
        }
        if let Some(handle) = self.reader.take() {
            handle.join().expect("the reader thread");
        }
        (status, self.screen())
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("the child's pid")
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test must not leave the program running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The screen's rows, numbered, for failure messages.
fn dump(screen: &vt100::Screen) -> String {
    let (_, cols) = screen.size();
    screen.rows(0, cols).enumerate().fold(String::new(), |s, (i, r)| s + &format!("{i:>3}|{r}\n"))
}

/// The first row that contains `text`.
fn row_of(screen: &vt100::Screen, text: &str) -> Option<usize> {
    let (_, cols) = screen.size();
    screen.rows(0, cols).position(|r| r.contains(text))
}

/// Fails unless the terminal is as a shell expects it: main screen, cursor shown, mouse off;
/// names every part that was not put back.
fn assert_restored(screen: &vt100::Screen, when: &str) {
    let mut wrong = Vec::new();
    if screen.alternate_screen() {
        wrong.push("still on the alternate screen");
    }
    if screen.hide_cursor() {
        wrong.push("the cursor is still hidden");
    }
    if screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None {
        wrong.push("mouse reporting is still on");
    }
    assert!(
        wrong.is_empty(),
        "{when}, the terminal was not restored: {}; screen:\n{}",
        wrong.join(", "),
        dump(screen)
    );
}

/// Fails unless the explorer has the terminal: alternate screen and mouse reporting on.
fn assert_explorer_mode(screen: &vt100::Screen) {
    assert!(screen.alternate_screen(), "the explorer is not on the alternate screen");
    assert_ne!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "the explorer did not turn mouse reporting on"
    );
}

/// The French start screen of the fixture.
const FRENCH: &[&str] = &["Réseaux", "Détails", "Exemple", "[FR]", "? aide"];
/// The Dutch one.
const DUTCH: &[&str] = &["Netwerken", "Details", "Voorbeeld", "[NL]", "? hulp"];

/// The `stty` settings words (`icanon`, `-echo`, ...) in `stty -a` output.
fn stty_words(out: &str) -> Vec<&str> {
    out.split(|c: char| c.is_whitespace() || c == ';').filter(|w| !w.is_empty()).collect()
}

#[test]
fn starts_switches_language_quits_and_leaves_the_terminal_as_it_was() {
    // A shell records the terminal settings before and after the explorer, so that raw mode,
    // which the vt100 screen cannot see, is checked too; it exits with the explorer's status.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let tag = format!("{}-{:?}", std::process::id(), std::thread::current().id());
    let tag: String = tag.chars().filter(char::is_ascii_alphanumeric).collect();
    let before = dir.join(format!("pty-stty-before-{tag}"));
    let after = dir.join(format!("pty-stty-after-{tag}"));
    let after_all = dir.join(format!("pty-stty-after-a-{tag}"));
    let mut cmd = command("/bin/sh");
    cmd.arg("-c");
    cmd.arg(
        r#"stty -g > "$1"; "$0" --data "$4" --lang fr; s=$?; stty -g > "$2"; stty -a > "$3"; exit $s"#,
    );
    cmd.arg(bin());
    for p in [&before, &after, &after_all] {
        cmd.arg(p);
    }
    cmd.arg(FIXTURE);
    let mut s = Session::spawn(cmd, 24, 80);

    let screen = s.wait_for_texts(FRENCH);
    assert_explorer_mode(&screen);
    assert_eq!(row_of(&screen, "Exemple"), Some(0), "the title is not on the header line");
    assert!(screen.contents().contains("Niveau opérationnel"), "{}", dump(&screen));
    assert!(!screen.contents().contains("[NL]"), "{}", dump(&screen));

    s.send(b"L");
    let screen = s.wait_for_texts(DUTCH);
    assert!(screen.contents().contains("Operationele netwerken"), "{}", dump(&screen));
    let c = screen.contents();
    assert!(!c.contains("Réseaux") && !c.contains("[FR]"), "French left:\n{}", dump(&screen));
    assert_explorer_mode(&screen);

    s.send(b"q");
    let (status, screen) = s.wait_exit();
    assert!(status.success(), "q should exit with status 0, got {status:?}");
    assert_restored(&screen, "after q");
    // The alternate screen is emptied as it is left: a terminal that keeps its lines when the
    // window grows (tmux) would show them above the prompt.
    assert!(s.wrote(b"\x1b[2J\x1b[?1049l"), "the alternate screen was left as it was");

    let read = |p: &std::path::Path| {
        let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let _ = std::fs::remove_file(p);
        text
    };
    let (before, after, after_all) = (read(&before), read(&after), read(&after_all));
    assert_eq!(before.trim(), after.trim(), "the terminal settings changed (stty -g)");
    let words = stty_words(&after_all);
    for on in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            words.contains(&on),
            "after the explorer, `{on}` is not set (raw mode left on?):\n{after_all}"
        );
    }
}

/// Sends `signal` to the running explorer and checks that it restores the terminal and exits
/// with 128 + `number`.
fn signal_restores_the_terminal(signal: &str, number: u32) {
    let mut s = Session::spawn(explorer(), 24, 80);
    let screen = s.wait_for_texts(FRENCH);
    assert_explorer_mode(&screen);

    let pid = s.pid();
    let kill = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status()
        .expect("run kill");
    assert!(kill.success(), "kill -{signal} {pid} failed: {kill:?}");

    let (status, screen) = s.wait_exit();
    assert!(!status.success(), "SIG{signal} should not exit with success: {status:?}");
    assert_eq!(
        (status.signal(), status.exit_code()),
        (None, 128 + number),
        "SIG{signal} should make the explorer exit by itself with 128 + {number}: {status:?}"
    );
    assert_restored(&screen, &format!("after SIG{signal}"));
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal("TERM", 15);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores_the_terminal("HUP", 1);
}

#[test]
fn sigint_restores_the_terminal() {
    signal_restores_the_terminal("INT", 2);
}

#[test]
fn the_locale_chooses_the_language_of_the_real_explorer() {
    // The built-in data set, in German from LANG, in English from LANGUAGE before LANG.
    for (vars, texts) in [
        (&[("LANG", "de_BE.UTF-8")][..], ["Netzwerke", "[DE]", "Nationale Vertretung CCB (1)"]),
        (
            &[("LANGUAGE", "en:fr"), ("LANG", "nl_BE.UTF-8")][..],
            ["Networks", "[EN]", "National networks (1)"],
        ),
    ] {
        let mut cmd = command(bin());
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let mut s = Session::spawn(cmd, 24, 80);
        s.wait_for_texts(&texts);
        s.send(b"q");
        let (status, screen) = s.wait_exit();
        assert!(status.success(), "{vars:?}: {status:?}");
        assert_restored(&screen, "after q");
    }
    let mut cmd = command(bin());
    cmd.args(["--lang", "nl-BE"]);
    let mut s = Session::spawn(cmd, 24, 80);
    s.wait_for_texts(&["Netwerken", "[NL]"]);
    s.send(b"q");
    assert!(s.wait_exit().0.success());
}

#[test]
fn help_overlay_opens_and_closes() {
    let mut s = Session::spawn(explorer(), 24, 80);
    s.wait_for_texts(FRENCH);
    s.send(b"?");
    s.wait_for_texts(&["Aide\u{a0}: touches"]);
    s.send(b"\x1b");
    let screen = s.wait_for("the help overlay to close", |s| {
        let c = s.contents();
        !c.contains("Aide\u{a0}: touches") && FRENCH.iter().all(|t| c.contains(t))
    });
    assert_explorer_mode(&screen);
    s.send(b"q");
    let (status, screen) = s.wait_exit();
    assert!(status.success(), "q should exit with status 0, got {status:?}");
    assert_restored(&screen, "after q");
}

#[test]
fn resize_relays_out_without_garbage() {
    let (rows, cols) = (12u16, 40u16);
    let mut s = Session::spawn(explorer(), 24, 80);
    let screen = s.wait_for_texts(FRENCH);
    assert_eq!(
        row_of(&screen, "Réseaux"),
        row_of(&screen, "Détails"),
        "at 80 columns the panes should stand side by side:\n{}",
        dump(&screen)
    );

    // The same program started at the small size: what the resized one should look like.
    let mut fresh = Session::spawn(explorer(), rows, cols);
    fresh.wait_for_texts(&["Réseaux", "Détails", "Exemple"]);

    // The vt100 screen keeps its 80x24 size, so that anything drawn outside 40x12, or left
    // over from the large layout, stays visible to the checks.
    s.master.resize(size(rows, cols)).expect("resize the pty");
    let screen = s.wait_for("the 40x12 layout, the same as a fresh start at 40x12", |screen| {
        let inside: Vec<String> =
            screen.rows(0, cols).take(usize::from(rows)).map(|r| r.trim_end().to_owned()).collect();
        let expected: Vec<String> =
            fresh.screen().rows(0, cols).map(|r| r.trim_end().to_owned()).collect();
        inside == expected
            && screen.rows(cols, 80).all(|r| r.trim().is_empty())
            && screen.rows(0, 80).skip(usize::from(rows)).all(|r| r.trim().is_empty())
    });

    let tree = row_of(&screen, "Réseaux").expect("the tree pane's title");
    let detail = row_of(&screen, "Détails").expect("the detail pane's title");
    assert!(
        tree < detail,
        "at 40 columns the tree should stand above the detail:\n{}",
        dump(&screen)
    );
    for (i, row) in screen.rows(0, 80).enumerate() {
        let width = row.trim_end().chars().count();
        assert!(width <= usize::from(cols), "row {i} is {width} columns wide:\n{}", dump(&screen));
    }
    assert_explorer_mode(&screen);

    for mut session in [s, fresh] {
        session.send(b"q");
        let (status, screen) = session.wait_exit();
        assert!(status.success(), "q should exit with status 0, got {status:?}");
        assert_restored(&screen, "after q");
    }
}

/// An SGR mouse press and release of the left button at 1-based `col`, `row`.
fn click(col: u16, row: u16) -> Vec<u8> {
    format!("\x1b[<0;{col};{row}M\x1b[<0;{col};{row}m").into_bytes()
}

#[test]
fn clicks_switch_language_select_rows_and_toggle_markers() {
    let mut s = Session::spawn(explorer(), 24, 80);
    s.wait_for_texts(FRENCH);
    // The header's " NL " label takes the last four columns.
    s.send(&click(78, 1));
    s.wait_for_texts(&["Netwerken", "[NL]"]);
    // Row 4 of the screen is the tree's second row: Cyber Europe.
    s.send(&click(10, 4));
    s.wait_for_texts(&["Om de twee jaar", "Oefening"]);
    // The level's marker, at the start of the tree's first row, collapses it.
    s.send(&click(2, 3));
    let screen = s
        .wait_for("the level to collapse", |sc| sc.contents().contains("▸ Operationele netwerken"));
    assert_eq!(row_of(&screen, "▸ Operationele netwerken"), Some(2), "{}", dump(&screen));
    // The wheel over the detail pane does not break anything.
    s.send(b"\x1b[<65;60;10M");
    s.send(b"q");
    let (status, screen) = s.wait_exit();
    assert!(status.success(), "q should exit with status 0, got {status:?}");
    assert_restored(&screen, "after q");
}

#[test]
fn the_explorer_reloads_the_data_file_when_it_changes() {
    let dir = std::env::temp_dir().join(format!("ccbnet-live-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("live.ron");
    let good = std::fs::read_to_string(FIXTURE).expect("fixture");
    std::fs::write(&file, &good).expect("write the data file");
    let mut cmd = command(bin());
    cmd.args(["--data", file.to_str().expect("utf-8 path"), "--lang", "fr"]);
    let mut s = Session::spawn(cmd, 24, 80);
    s.wait_for_texts(&["Exemple", "Cyber Europe"]);
    // A good save: the new text shows, the selection stays.
    std::fs::write(&file, good.replace("\"Cyber Europe\"", "\"Cyber Europe 2026\"")).expect("save");
    s.wait_for_texts(&["Cyber Europe 2026"]);
    // A broken save: the last good data stays, a banner says what and where.
    std::fs::write(&file, good.replace("format: 1,", "format: 1")).expect("save");
    let screen = s.wait_for_texts(&[":3:14: error:", "1\u{a0}problème", "! problèmes"]);
    assert!(screen.contents().contains("Cyber Europe 2026"), "{}", dump(&screen));
    // `!` lists the problems in full; `q` closes the list and does not quit.
    s.send(b"!");
    let screen = s.wait_for_texts(&["Problèmes du fichier de données (1)"]);
    let (_, cols) = screen.size();
    let listed = screen.rows(0, cols).filter(|r| r.contains(":3:14: error:")).count();
    assert_eq!(listed, 2, "in the banner and in the list:\n{}", dump(&screen));
    s.send(b"q");
    s.wait_for("the list to close", |sc| !sc.contents().contains("Problèmes du fichier"));
    // The next good save takes the banner away.
    std::fs::write(&file, &good).expect("save");
    s.wait_for("the banner to go", |sc| !sc.contents().contains(":3:14: error:"));
    s.send(b"q");
    let (status, screen) = s.wait_exit();
    assert!(status.success(), "q should exit with status 0, got {status:?}");
    assert_restored(&screen, "after q");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn sigquit_restores_the_terminal() {
    signal_restores_the_terminal("QUIT", 3);
}

#[test]
fn sigusr1_restores_the_terminal() {
    signal_restores_the_terminal("USR1", 10);
}

#[test]
fn sigusr2_restores_the_terminal() {
    signal_restores_the_terminal("USR2", 12);
}

#[test]
fn sigalrm_restores_the_terminal() {
    signal_restores_the_terminal("ALRM", 14);
}

/// A shell that records `stty -a` before and after the explorer (started with `args` on the
/// fixture, in French) and exits with its status; the paths of the two records.
fn explorer_between_sttys(
    args: &[&str],
) -> (CommandBuilder, std::path::PathBuf, std::path::PathBuf) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let tag = format!("{}-{:?}", std::process::id(), std::thread::current().id());
    let tag: String = tag.chars().filter(char::is_ascii_alphanumeric).collect();
    let before = dir.join(format!("pty-stty-a-before-{tag}"));
    let after = dir.join(format!("pty-stty-a-after-{tag}"));
    let mut cmd = command("/bin/sh");
    cmd.arg("-c");
    cmd.arg(format!(
        r#"stty -a > "$1"; "$0" --data "$3" --lang fr {}; s=$?; stty -a > "$2"; exit $s"#,
        args.join(" ")
    ));
    cmd.arg(bin());
    cmd.arg(&before);
    cmd.arg(&after);
    cmd.arg(FIXTURE);
    (cmd, before, after)
}

/// Reads and removes the two records of [`explorer_between_sttys`] and fails unless they are
/// the same.
fn assert_same_stty(before: &std::path::Path, after: &std::path::Path) {
    let read = |p: &std::path::Path| {
        let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let _ = std::fs::remove_file(p);
        text
    };
    let (before, after) = (read(before), read(after));
    assert_eq!(before, after, "`stty -a` after the explorer differs from before");
}

/// The pid of the explorer started by the shell of [`explorer_between_sttys`].
fn explorer_pid(shell: u32) -> u32 {
    let end = Instant::now() + DEADLINE;
    loop {
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
            .unwrap_or_default();
        if let Some(pid) = children.split_whitespace().next().and_then(|p| p.parse().ok()) {
            return pid;
        }
        assert!(Instant::now() < end, "the shell {shell} started no explorer");
        std::thread::sleep(POLL);
    }
}

/// Whether process `pid` is stopped (state `T`).
fn stopped(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| s.rsplit(')').next().map(|r| r.trim_start().starts_with('T')))
        .unwrap_or(false)
}

fn kill(signal: &str, pid: u32) {
    let st = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status()
        .expect("run kill");
    assert!(st.success(), "kill -{signal} {pid}: {st:?}");
}

/// Suspends the explorer with `suspend` (given its pid), checks that the terminal is given
/// back and the process stopped, resumes it as `fg` does, and checks the full redraw.
fn suspend_and_resume(suspend: impl Fn(&mut Session, u32)) {
    let (cmd, before, after) = explorer_between_sttys(&[]);
    let mut s = Session::spawn(cmd, 24, 80);
    s.wait_for_texts(FRENCH);
    let pid = explorer_pid(s.pid());
    suspend(&mut s, pid);
    let end = Instant::now() + DEADLINE;
    while !stopped(pid) {
        assert!(Instant::now() < end, "the explorer did not stop:\n{}", dump(&s.screen()));
        std::thread::sleep(POLL);
    }
    let screen = s.wait_for("the terminal to be given back", |sc| {
        !sc.alternate_screen() && !sc.hide_cursor()
    });
    assert_restored(&screen, "while suspended");
    kill("CONT", pid);
    let screen = s.wait_for("the explorer to take the terminal back and draw it all", |sc| {
        sc.alternate_screen() && FRENCH.iter().all(|t| sc.contents().contains(t))
    });
    assert_explorer_mode(&screen);
    // Still alive and answering.
    s.send(b"L");
    s.wait_for_texts(DUTCH);
    s.send(b"q");
    let (status, screen) = s.wait_exit();
    assert!(status.success(), "q should exit with status 0, got {status:?}");
    assert_restored(&screen, "after q");
    assert_same_stty(&before, &after);
}

/// Whether the screen has mouse reporting on.
fn mouse_on(screen: &vt100::Screen) -> bool {
    screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None
}

/// Stops the explorer with `suspend`, waits until it is stopped and has given the terminal
/// back, resumes it as `fg` does and waits for the full redraw.
fn stop_and_continue(s: &mut Session, pid: u32, suspend: &dyn Fn(&mut Session, u32)) {
    suspend(s, pid);
    let end = Instant::now() + DEADLINE;
    while !stopped(pid) {
        assert!(Instant::now() < end, "the explorer did not stop:\n{}", dump(&s.screen()));
        std::thread::sleep(POLL);
    }
    s.wait_for("the terminal to be given back", |sc| !sc.alternate_screen());
    kill("CONT", pid);
    // (The footer may still show the message of `m`.)
    s.wait_for("the explorer to draw it all again", |sc| {
        sc.alternate_screen() && FRENCH[..4].iter().all(|t| sc.contents().contains(t))
    });
}

#[test]
fn a_suspension_keeps_the_mouse_released_with_m() {
    let ctrl_z = |s: &mut Session, _: u32| s.send(b"\x1a");
    let tstp = |_: &mut Session, pid: u32| kill("TSTP", pid);
    let (cmd, before, after) = explorer_between_sttys(&[]);
    let mut s = Session::spawn(cmd, 24, 80);
    let screen = s.wait_for_texts(FRENCH);
    assert!(mouse_on(&screen), "the explorer starts with the mouse");
    let pid = explorer_pid(s.pid());
    s.send(b"m");
    s.wait_for("the mouse to be released", |sc| !mouse_on(sc));
    for suspend in [&ctrl_z as &dyn Fn(&mut Session, u32), &tstp] {
        stop_and_continue(&mut s, pid, suspend);
        // The redraw comes after the terminal is set up again: a look now sees the mouse mode.
        std::thread::sleep(Duration::from_millis(200));
        assert!(!mouse_on(&s.screen()), "a resume took the mouse back after m released it");
    }
    // `m` again takes it back, and a suspension keeps that too.
    s.send(b"m");
    s.wait_for("the mouse to be taken back", mouse_on);
    stop_and_continue(&mut s, pid, &ctrl_z);
    s.wait_for("the mouse after the resume", mouse_on);
    s.send(b"q");
    let (status, screen) = s.wait_exit();
    assert!(status.success(), "q should exit with status 0, got {status:?}");
    assert_restored(&screen, "after q");
    assert_same_stty(&before, &after);
}

#[test]
fn ctrl_z_suspends_and_sigcont_resumes() {
    suspend_and_resume(|s, _| s.send(b"\x1a"));
}

#[test]
fn sigtstp_from_outside_suspends_and_sigcont_resumes() {
    suspend_and_resume(|_, pid| kill("TSTP", pid));
}

#[test]
fn a_paste_goes_into_the_search_line_as_text() {
    let mut s = Session::spawn(explorer(), 24, 80);
    s.wait_for_texts(FRENCH);
    // Outside the search line: the search opens with it. The newline, the tab and the `q` in
    // it are text, not keys.
    s.send(b"\x1b[200~cyber\neur\tq\x1b[201~");
    s.wait_for_texts(&["cyber eur q"]);
    // Backspace three times: "cyber eu" finds the entry.
    s.send(b"\x7f\x7f\x7f");
    s.wait_for_texts(&["cyber eu", "Un exercice européen"]);
    s.send(b"\x1b");
    s.wait_for("the search line to close", |sc| !sc.contents().contains("Rechercher"));
    s.send(b"q");
    let (status, screen) = s.wait_exit();
    assert!(status.success(), "q should exit with status 0, got {status:?}");
    assert_restored(&screen, "after q");
}

#[test]
fn a_one_megabyte_paste_is_handled_at_once() {
    let mut s = Session::spawn(explorer(), 24, 80);
    s.wait_for_texts(FRENCH);
    s.send(b"/");
    s.wait_for_texts(&["Rechercher"]);
    let mut paste = b"\x1b[200~".to_vec();
    while paste.len() < 1 << 20 {
        paste.extend_from_slice(b"cyber europe exercice\n");
    }
    paste.extend_from_slice(b"\x1b[201~");
    let start = Instant::now();
    s.send(&paste);
    // The whole paste is in the search line, as text (its newlines spaces), and the line still
    // has the keys: typed key by key, the first newline would have ended the search and the
    // rest would have been keys; each key running the search again, it would take minutes.
    s.wait_for("the paste in the search line", |sc| {
        let (_, cols) = sc.size();
        sc.rows(0, cols).any(|r| r.contains("Rechercher") && r.contains("exercice cyber europe"))
    });
    // Esc cancels the search: the tree is back.
    s.send(b"\x1b");
    s.wait_for("the search to be cancelled after the paste", |sc| {
        !sc.contents().contains("Rechercher") && FRENCH.iter().all(|t| sc.contents().contains(t))
    });
    let took = start.elapsed();
    assert!(took < Duration::from_secs(8), "a 1 MB paste took {took:?}");
    s.send(b"q");
    let (status, _) = s.wait_exit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_burst_of_thousands_of_keys_is_handled_without_waiting_for_more() {
    let mut s = Session::spawn(explorer(), 24, 80);
    s.wait_for_texts(FRENCH);
    let mut burst = b"jk".repeat(2500);
    burst.push(b'L');
    s.send(&burst);
    // Nothing is sent after the burst: its last key must still be acted on.
    s.wait_for_texts(DUTCH);
    s.send(b"q");
    let (status, _) = s.wait_exit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn half_finished_escape_sequences_never_lock_the_keys() {
    let mut s = Session::spawn(explorer(), 24, 80);
    s.wait_for_texts(FRENCH);
    // A malformed control sequence, then a paste start that never ends.
    s.send(b"\x1b[1;");
    s.send(b"\x1b[200~");
    // Keys after the wait work again.
    std::thread::sleep(Duration::from_millis(1500));
    s.send(b"L");
    s.wait_for_texts(DUTCH);
    // And Ctrl-C always works, even at once inside an unfinished paste.
    s.send(b"\x1b[200~abc\x03");
    let (status, screen) = s.wait_exit();
    assert!(status.success(), "Ctrl-C should quit with 0: {status:?}");
    assert_restored(&screen, "after Ctrl-C");
}

#[test]
fn closing_the_terminal_ends_the_explorer_quietly() {
    let pair = native_pty_system().openpty(size(24, 80)).expect("open a pty");
    let mut child = pair.slave.spawn_command(explorer()).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let writer = pair.master.take_writer().expect("writer");
    // Read until the explorer has drawn, then let go of the reading side too.
    let seen = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 4096];
        while !String::from_utf8_lossy(&all).contains("panneau") {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => all.extend_from_slice(&buf[..n]),
            }
        }
        String::from_utf8_lossy(&all).contains("panneau")
    })
    .join()
    .expect("reader thread");
    assert!(seen, "the explorer did not draw");
    // The window closes: every handle on the terminal's side goes.
    drop(writer);
    drop(pair.master);
    let end = Instant::now() + DEADLINE;
    let status = loop {
        if let Some(st) = child.try_wait().expect("poll") {
            break st;
        }
        if Instant::now() >= end {
            let _ = child.kill();
            panic!("the explorer did not end after its terminal closed");
        }
        std::thread::sleep(POLL);
    };
    assert_eq!((status.signal(), status.exit_code()), (None, 129), "{status:?}");
}

/// The peak memory of process `pid`, in KiB (`VmHWM`).
fn peak_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

#[test]
fn a_huge_terminal_size_is_drawn_in_bounded_memory() {
    let mut s = Session::spawn(explorer(), 24, 80);
    s.wait_for_texts(FRENCH);
    let pid = s.pid();
    for (rows, cols) in [(65535, 65535), (0, 0), (1, 1), (5000, 5000)] {
        // The vt100 screen keeps its 80x24: only the program is told of the size.
        s.master.resize(size(rows, cols)).expect("resize");
        // A key after the resize: answered only once the resize is through.
        s.send(b"L");
        std::thread::sleep(Duration::from_millis(300));
        assert!(s.child.try_wait().expect("poll").is_none(), "the explorer ended at {cols}x{rows}");
    }
    s.master.resize(size(24, 80)).expect("resize");
    s.send(b"L");
    let screen = s.wait_for("the explorer to answer at 80x24 again", |sc| {
        let c = sc.contents();
        (FRENCH.iter().all(|t| c.contains(t))) || DUTCH.iter().all(|t| c.contains(t))
    });
    assert_explorer_mode(&screen);
    let peak = peak_kib(pid);
    assert!(peak < 400 * 1024, "the explorer's memory peaked at {peak} KiB");
    s.send(b"q");
    let (status, _) = s.wait_exit();
    assert!(status.success(), "{status:?}");
}

/// Starts the explorer with `TERM` set to `term` (or unset) and returns its status and screen.
fn explorer_with_term(term: Option<&str>) -> (ExitStatus, vt100::Screen) {
    let mut cmd = explorer();
    match term {
        Some(t) => cmd.env("TERM", t),
        None => cmd.env_remove("TERM"),
    }
    let mut s = Session::spawn(cmd, 24, 80);
    s.wait_exit()
}

#[test]
fn a_dumb_terminal_gets_a_message_and_a_pointer_to_export() {
    for term in [Some("dumb"), None, Some("")] {
        let (status, screen) = explorer_with_term(term);
        assert_eq!(status.exit_code(), 2, "TERM={term:?}: {status:?}");
        assert!(screen.contents().contains("ccbnet export"), "TERM={term:?}:\n{}", dump(&screen));
        assert!(!screen.alternate_screen(), "TERM={term:?}: the alternate screen was used");
        assert_restored(&screen, &format!("TERM={term:?}"));
    }
}

#[test]
fn a_vt100_gets_no_mouse_modes_and_no_alternate_screen() {
    let mut cmd = explorer();
    cmd.env("TERM", "vt100");
    let mut s = Session::spawn(cmd, 24, 80);
    let screen = s.wait_for_texts(FRENCH);
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    assert!(!screen.alternate_screen());
    s.send(b"q");
    let (status, _) = s.wait_exit();
    assert!(status.success(), "{status:?}");
}

/// The explorer on `file` (given as it is), in French.
fn explorer_on(file: &std::path::Path) -> Session {
    let mut cmd = command(bin());
    cmd.args(["--data", file.to_str().expect("utf-8 path"), "--lang", "fr"]);
    Session::spawn(cmd, 24, 80)
}

fn live_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ccbnet-live-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn live_reload_follows_a_symbolic_link_to_its_target() {
    let dir = live_dir("link");
    let real = dir.join("real");
    std::fs::create_dir_all(&real).expect("dir");
    let target = real.join("target.ron");
    let good = std::fs::read_to_string(FIXTURE).expect("fixture");
    std::fs::write(&target, &good).expect("write");
    let link = dir.join("link.ron");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let mut s = explorer_on(&link);
    s.wait_for_texts(&["Exemple", "Cyber Europe"]);
    // The target is edited where it is: the link's folder sees nothing of it.
    std::fs::write(&target, good.replace("\"Cyber Europe\"", "\"Cyber Europe 2027\""))
        .expect("save");
    s.wait_for_texts(&["Cyber Europe 2027"]);
    // Other files in the watched folders are not the data file.
    std::fs::write(real.join("other.log"), "noise").expect("write");
    s.send(b"q");
    let (status, _) = s.wait_exit();
    assert!(status.success(), "{status:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn live_reload_recovers_when_a_deleted_file_or_a_moved_folder_comes_back() {
    let dir = live_dir("moved");
    let sub = dir.join("data");
    std::fs::create_dir_all(&sub).expect("dir");
    let file = sub.join("live.ron");
    let good = std::fs::read_to_string(FIXTURE).expect("fixture");
    std::fs::write(&file, &good).expect("write");
    let mut s = explorer_on(&file);
    s.wait_for_texts(&["Exemple", "Cyber Europe"]);
    // Deleted: the banner says so; back: the banner goes, the new text shows.
    std::fs::remove_file(&file).expect("delete");
    s.wait_for_texts(&["live.ron", "no such file"]);
    std::fs::write(&file, good.replace("\"Cyber Europe\"", "\"Cyber Europe A\"")).expect("write");
    s.wait_for("the file to be back", |sc| {
        sc.contents().contains("Cyber Europe A") && !sc.contents().contains("no such file")
    });
    // The whole folder moved away, then a folder with the file is back at the path.
    let away = dir.join("away");
    std::fs::rename(&sub, &away).expect("move the folder");
    s.wait_for_texts(&["live.ron", "no such file"]);
    std::fs::create_dir_all(&sub).expect("dir");
    std::fs::write(&file, good.replace("\"Cyber Europe\"", "\"Cyber Europe B\"")).expect("write");
    s.wait_for("the folder to be back", |sc| {
        sc.contents().contains("Cyber Europe B") && !sc.contents().contains("no such file")
    });
    // And it is watched again: an edit shows.
    std::fs::write(&file, good.replace("\"Cyber Europe\"", "\"Cyber Europe C\"")).expect("write");
    s.wait_for_texts(&["Cyber Europe C"]);
    s.send(b"q");
    let (status, _) = s.wait_exit();
    assert!(status.success(), "{status:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn data_on_standard_input_opens_the_explorer_with_keys_from_the_terminal() {
    // The shell records the terminal's settings before and after: raw mode, set on the
    // terminal itself rather than on standard input, must be put back.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let tag: String = format!("{}-{:?}", std::process::id(), std::thread::current().id())
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let (before, after) = (dir.join(format!("stdin-{tag}-a")), dir.join(format!("stdin-{tag}-b")));
    let mut cmd = command("/bin/sh");
    cmd.arg("-c");
    cmd.arg(r#"stty -g > "$1"; cat assets/ccb-networks.ron | "$0" --data - --lang fr; s=$?; stty -g > "$2"; exit $s"#);
    cmd.arg(bin());
    cmd.arg(&before);
    cmd.arg(&after);
    let mut s = Session::spawn(cmd, 24, 80);
    s.wait_for_texts(&["Réseaux nationaux (1)", "[FR]", "? aide"]);
    s.send(b"L");
    s.wait_for_texts(&["Nationale netwerken (1)", "[NL]"]);
    s.send(b"?");
    s.wait_for_texts(&["Hulp", "volgende regel"]);
    s.send(b"?");
    s.wait_for("the help to close", |sc| !sc.contents().contains("Hulp"));
    s.send(b"q");
    let (status, screen) = s.wait_exit();
    assert!(status.success(), "{status:?}\n{}", dump(&screen));
    assert_restored(&screen, "after q");
    let read = |p: &std::path::Path| std::fs::read_to_string(p).expect("stty output");
    assert_eq!(read(&before), read(&after), "the terminal's settings were not put back");
    let _ = std::fs::remove_file(&before);
    let _ = std::fs::remove_file(&after);
}

/// Runs `script` (sh) in a pseudo-terminal with `PAGER` set to a small script that leaves a
/// mark and prefixes each line with `P| `; returns whether the pager ran, and the screen.
fn export_with_pager(script: &str, tag: &str) -> (bool, vt100::Screen) {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let pager = dir.join(format!("pager-{}-{tag}.sh", std::process::id()));
    let mark = dir.join(format!("pager-{}-{tag}.ran", std::process::id()));
    let _ = std::fs::remove_file(&mark);
    std::fs::write(&pager, format!("#!/bin/sh\ntouch '{}'\nsed 's/^/P| /'\n", mark.display()))
        .expect("write the pager");
    std::fs::set_permissions(&pager, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut cmd = command("/bin/sh");
    cmd.arg("-c");
    cmd.arg(format!("{script}; echo END=$?"));
    cmd.arg(bin());
    cmd.env("PAGER", &pager);
    let mut s = Session::spawn(cmd, 24, 80);
    let screen = s.wait_for_texts(&["END=0"]);
    let ran = mark.exists();
    let _ = std::fs::remove_file(&mark);
    let _ = std::fs::remove_file(&pager);
    (ran, screen)
}

#[test]
fn export_to_a_terminal_goes_through_the_pager_and_never_into_a_pipe() {
    let (ran, screen) = export_with_pager(r#""$0" export --lang fr"#, "tty");
    assert!(ran, "the pager did not run:\n{}", dump(&screen));
    assert!(screen.contents().contains("P| "), "not the pager's output:\n{}", dump(&screen));

    for (script, tag) in [
        (r#""$0" export --lang fr | cat > /dev/null"#, "pipe"),
        (r#""$0" export --lang fr > /dev/null"#, "file"),
        (r#""$0" export --lang fr --no-pager"#, "flag"),
    ] {
        let (ran, screen) = export_with_pager(script, tag);
        assert!(!ran, "{script}: the pager ran:\n{}", dump(&screen));
        assert!(!screen.contents().contains("P| "), "{script}:\n{}", dump(&screen));
    }
}

#[test]
fn a_pager_that_cannot_start_leaves_the_export_written_directly() {
    let mut cmd = command("/bin/sh");
    cmd.arg("-c");
    cmd.arg(r#""$0" export --lang fr; echo END=$?"#);
    cmd.arg(bin());
    cmd.env("PAGER", "/nonexistent/pager -x");
    let mut s = Session::spawn(cmd, 24, 80);
    let screen = s.wait_for_texts(&["END=0"]);
    // The last organisation of the export is on the screen, just above the status.
    let c = screen.contents();
    assert!(
        c.contains("Organisations rencontrées") || c.contains("Cité dans"),
        "{}",
        dump(&screen)
    );
}

#[test]
fn a_dash_with_the_terminal_as_standard_input_says_how_to_give_the_data() {
    for args in [&["--data", "-"][..], &["check", "-"]] {
        let mut cmd = command(bin());
        cmd.args(args);
        let mut s = Session::spawn(cmd, 24, 80);
        let (status, screen) = s.wait_exit();
        assert_eq!(status.exit_code(), 2, "{args:?}");
        let c = screen.contents();
        assert!(c.contains("standard input is the terminal"), "{args:?}:\n{}", dump(&screen));
        assert!(c.contains("cat networks.ron | ccbnet --data -"), "{}", dump(&screen));
    }
}

#[test]
fn data_from_a_pipe_opens_the_explorer() {
    let mut cmd = command("/bin/bash");
    cmd.arg("-c");
    cmd.arg(format!(r#""{}" --lang fr --data <(cat "{FIXTURE}")"#, bin()));
    let mut s = Session::spawn(cmd, 24, 80);
    s.wait_for_texts(FRENCH);
    s.send(b"q");
    let (status, screen) = s.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_restored(&screen, "after q");
}

#[test]
fn a_named_pipe_nothing_writes_to_ends_the_explorer_with_a_message() {
    let dir = live_dir("fifo");
    let fifo = dir.join("f");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
    let mut s = explorer_on(&fifo);
    let (status, screen) = s.wait_exit();
    assert_eq!(status.exit_code(), 2, "{status:?}");
    assert!(screen.contents().contains("nothing was written to it"), "{}", dump(&screen));
    assert_restored(&screen, "after the message");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn y_and_shift_y_copy_through_osc_52_and_the_footer_says_so() {
    let mut s = Session::spawn(explorer(), 24, 80);
    s.wait_for_texts(FRENCH);
    // `Y`: the id of the selected row, the first level of the fixture.
    s.send(b"Y");
    s.wait_for_texts(&["copi"]);
    let end = Instant::now() + DEADLINE;
    while !s.wrote(b"\x1b]52;c;") && Instant::now() < end {
        std::thread::sleep(POLL);
    }
    assert!(s.wrote(b"\x1b]52;c;"), "no OSC 52 sequence in the output");
    let raw = s.raw.lock().expect("raw lock").clone();
    let at = raw.windows(7).position(|w| w == b"\x1b]52;c;").expect("OSC 52") + 7;
    let end = raw[at..].iter().position(|&b| b == 0x07).expect("BEL ends the sequence");
    let payload = String::from_utf8(raw[at..at + end].to_vec()).expect("base64 is ASCII");
    assert!(
        !payload.is_empty()
            && payload.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
    );
    s.send(b"q");
    let (status, _) = s.wait_exit();
    assert!(status.success());
}
