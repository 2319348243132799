//! The real `ccbnet` binary (or another terminal program, such as jless) in a pseudo-terminal
//! of 200x60: started, timed until its first frame is on the terminal, and watched while it
//! sits idle. Every program starts with `HOME` and `XDG_CONFIG_HOME` set to an empty folder, so
//! that no configuration file of the person running the benchmark changes what is measured.

use std::io::{Read, Write};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The binary: the one `cargo bench` builds (optimized, like `--release`), or the one named by
/// `CCBNET_BIN`, to compare with another build.
#[must_use]
pub fn bin() -> String {
    std::env::var("CCBNET_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_ccbnet").to_owned())
}

/// What the last row of the first frame shows in French (the footer's last hint at 200
/// columns): when these bytes have arrived, the frame has been written.
pub const FOOTER_END: &[u8] = b"quitter";

/// What the explorer writes last when it gives the terminal back: leave the alternate screen.
pub const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";

/// How long a start may take before the measurement gives up.
const DEADLINE: Duration = Duration::from_secs(30);

/// An empty folder that stands for `HOME` and `XDG_CONFIG_HOME`: no configuration is read.
#[must_use]
pub fn empty_home() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("empty-home");
    // Emptied first: a configuration left there by hand would count.
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("an empty home folder");
    dir
}

/// `program ARGS` with a known terminal type, no locale, no colour settings and no
/// configuration (see [`empty_home`]), started in the crate's folder.
#[must_use]
pub fn command(program: &str, args: &[&str]) -> CommandBuilder {
    static HOME: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    let home = HOME.get_or_init(empty_home);
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home);
    cmd.env("XDG_CONFIG_HOME", home);
    for var in ["LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "NO_COLOR", "CCBNET_DATA"] {
        cmd.env_remove(var);
    }
    cmd
}

/// The output seen so far, and when the first frame's last bytes first appeared in it.
#[derive(Default)]
struct Seen {
    bytes: Vec<u8>,
    frame_at: Option<Instant>,
    closed: bool,
}

/// A program running in a pseudo-terminal of 200x60.
pub struct Explorer {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    seen: Arc<(Mutex<Seen>, Condvar)>,
    /// When the process was started.
    pub started: Instant,
}

impl Explorer {
    /// Starts `ccbnet --lang fr [ARGS]` as [`command`] sets it up; its first frame ends with
    /// [`FOOTER_END`].
    #[must_use]
    pub fn start(args: &[&str]) -> Self {
        Self::start_as(&bin(), args)
    }

    /// Starts the build `program` of ccbnet as [`Explorer::start`] does.
    #[must_use]
    pub fn start_as(program: &str, args: &[&str]) -> Self {
        let mut cmd = command(program, &["--lang", "fr"]);
        cmd.args(args);
        Self::spawn(cmd, FOOTER_END)
    }

    /// Starts `cmd` in a pseudo-terminal of 200x60; its first frame is on the terminal when
    /// the bytes `frame_end` have arrived.
    #[must_use]
    pub fn spawn(cmd: CommandBuilder, frame_end: &'static [u8]) -> Self {
        let size = PtySize { rows: 60, cols: 200, pixel_width: 0, pixel_height: 0 };
        let pair = native_pty_system().openpty(size).expect("open a pty");
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let seen = Arc::new((Mutex::new(Seen::default()), Condvar::new()));
        {
            let seen = Arc::clone(&seen);
            std::thread::spawn(move || {
                let mut buf = vec![0u8; 65536];
                loop {
                    let n = match reader.read(&mut buf) {
                        Ok(0) | Err(_) => 0,
                        Ok(n) => n,
                    };
                    let (lock, cvar) = &*seen;
                    let mut s = lock.lock().expect("lock");
                    if n == 0 {
                        s.closed = true;
                        cvar.notify_all();
                        return;
                    }
                    // Look again only at the new bytes and the few before them.
                    let from = s.bytes.len().saturating_sub(frame_end.len());
                    s.bytes.extend_from_slice(&buf[..n]);
                    if s.frame_at.is_none()
                        && memchr::memmem::find(&s.bytes[from..], frame_end).is_some()
                    {
                        s.frame_at = Some(Instant::now());
                    }
                    cvar.notify_all();
                }
            });
        }
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("start the program in the pty");
        drop(pair.slave);
        Explorer { child, _master: pair.master, writer, seen, started }
    }

    /// Waits for the first frame; returns how long after the start it was on the terminal.
    #[must_use]
    pub fn first_frame(&self) -> Duration {
        let (lock, cvar) = &*self.seen;
        let mut s = lock.lock().expect("lock");
        let end = Instant::now() + DEADLINE;
        while s.frame_at.is_none() {
            assert!(
                !s.closed,
                "the program ended before its first frame: {}",
                String::from_utf8_lossy(&s.bytes)
            );
            let left = end.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "no first frame after {DEADLINE:?}");
            s = cvar.wait_timeout(s, left).expect("lock").0;
        }
        s.frame_at.expect("seen") - self.started
    }

    /// How many bytes the explorer has written so far.
    #[must_use]
    pub fn written(&self) -> usize {
        self.seen.0.lock().expect("lock").bytes.len()
    }

    /// Waits until `pattern` is in what the explorer wrote after its first `from` bytes; when
    /// it was seen, or `None` if the output ended (or 30 s went by) without it.
    #[must_use]
    pub fn wait_for(&self, pattern: &[u8], from: usize) -> Option<Instant> {
        let (lock, cvar) = &*self.seen;
        let mut s = lock.lock().expect("lock");
        let end = Instant::now() + DEADLINE;
        loop {
            let start = from.min(s.bytes.len());
            if memchr::memmem::find(&s.bytes[start..], pattern).is_some() {
                return Some(Instant::now());
            }
            let left = end.saturating_duration_since(Instant::now());
            if s.closed || left.is_zero() {
                return None;
            }
            s = cvar.wait_timeout(s, left).expect("lock").0;
        }
    }

    /// Presses `q` and waits for the end: returns how long until the terminal was restored
    /// (the main screen back: the alternate screen left) and until the process was gone.
    ///
    /// # Panics
    /// When the terminal is not restored or the process does not end.
    pub fn quit(&mut self) -> (Duration, Duration) {
        let from = self.written();
        let pressed = Instant::now();
        self.send(b"q");
        let restored = self.wait_for(LEAVE_ALTERNATE_SCREEN, from).expect("the screen restored");
        let status = self.child.wait().expect("the process ends");
        let gone = Instant::now();
        assert!(status.success(), "ccbnet ended with {status:?}");
        (restored - pressed, gone - pressed)
    }

    /// The process id.
    #[must_use]
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// Sends keys as if typed.
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }
}

impl Drop for Explorer {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A generated data file of `n` nodes, written (again) to the target folder's scratch space.
#[must_use]
pub fn data_file(n: usize) -> String {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("gen-{n}.ron"));
    std::fs::write(&path, super::synth::dataset(n, super::SEED)).expect("write data");
    path.display().to_string()
}
