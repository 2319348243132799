//! Where the explorer's input comes from: the terminal (keys, mouse, pastes), read on a thread
//! of its own, and the data file, watched for changes; both arrive on one channel (with the
//! signals `term` watches), so the event loop sleeps until something happens.

use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use crossterm::event::Event;
use notify::{EventKind, RecursiveMode, Watcher};
use rustix::event::{PollFd, PollFlags, Timespec, poll};

use crate::input::Decoder;

/// One thing that happened.
#[derive(Debug)]
pub enum Input {
    /// A key, a mouse event, a paste, a resize.
    Terminal(Event),
    /// The data file was written, created, renamed or removed.
    DataChanged,
    /// The terminal came back after a suspension: draw everything again.
    Redraw,
    /// The terminal went away (hung up, its window closed): leave quietly.
    Closed,
    /// Reading the terminal failed.
    Failed(std::io::Error),
}

/// How long to wait after a change for the editor's other writes of the same save.
pub const SETTLE: Duration = Duration::from_millis(60);

/// Whether an error means the terminal is gone (hung up, the other side of a pseudo-terminal
/// closed): `EIO`, `ENXIO`, a broken pipe.
#[must_use]
pub fn terminal_gone(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
        || e.raw_os_error().is_some_and(|c| {
            c == rustix::io::Errno::IO.raw_os_error() || c == rustix::io::Errno::NXIO.raw_os_error()
        })
}

/// Starts reading the terminal (standard input) on a thread; its events arrive on `out`. The
/// bytes are read as they arrive, however many at once, and decoded by [`Decoder`]; a sequence
/// left half-finished is taken as it is after a short wait, so nothing locks the keys.
pub fn terminal(out: Sender<Input>) {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            let stdin = std::io::stdin();
            let fd = stdin.as_fd();
            let mut decoder = Decoder::default();
            let mut buf = vec![0u8; 64 * 1024];
            let mut events = Vec::new();
            loop {
                let wait = decoder.deadline().map(|d| d.saturating_duration_since(Instant::now()));
                let timeout = wait.and_then(|w| Timespec::try_from(w).ok());
                let mut fds = [PollFd::new(&fd, PollFlags::IN)];
                // Blocks until input arrives (or an unfinished sequence's wait is over): no
                // wake-ups while idle.
                match poll(&mut fds, timeout.as_ref()) {
                    Ok(0) => decoder.expire(&mut events),
                    Ok(_) => {
                        let revents = fds[0].revents();
                        if revents.contains(PollFlags::IN) {
                            match rustix::io::read(fd, &mut buf) {
                                Ok(0) => {
                                    let _ = out.send(Input::Closed);
                                    return;
                                }
                                Ok(n) => decoder.feed(&buf[..n], Instant::now(), &mut events),
                                Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => {}
                                Err(e) => {
                                    let e = std::io::Error::from(e);
                                    let _ = out.send(if terminal_gone(&e) {
                                        Input::Closed
                                    } else {
                                        Input::Failed(e)
                                    });
                                    return;
                                }
                            }
                        } else if revents
                            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
                        {
                            let _ = out.send(Input::Closed);
                            return;
                        }
                    }
                    Err(rustix::io::Errno::INTR) => {}
                    Err(e) => {
                        let _ = out.send(Input::Failed(e.into()));
                        return;
                    }
                }
                for ev in events.drain(..) {
                    if out.send(Input::Terminal(ev)).is_err() {
                        return;
                    }
                }
            }
        })
        .ok();
}

/// Watches `file` and sends [`Input::DataChanged`] when it changes. The folder is watched, not
/// the file, so that editors that save by writing a new file and renaming it are seen too.
///
/// # Errors
/// When the system cannot watch the folder.
pub fn watch(file: &Path, tx: Sender<Input>) -> notify::Result<notify::RecommendedWatcher> {
    let file: PathBuf = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let dir = file.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let name = file.file_name().map(std::ffi::OsStr::to_os_string);
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(ev) = res else { return };
        let relevant =
            matches!(ev.kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_));
        let ours =
            ev.paths.iter().any(|p| p.file_name().map(std::ffi::OsStr::to_os_string) == name);
        if relevant && ours {
            let _ = tx.send(Input::DataChanged);
        }
    })?;
    watcher.watch(&dir, RecursiveMode::NonRecursive)?;
    Ok(watcher)
}
