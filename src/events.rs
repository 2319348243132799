//! Where the explorer's input comes from: the terminal (keys, mouse, pastes), read on a thread
//! of its own, and the data file, watched for changes; both arrive on one channel (with the
//! signals `term` watches), so the event loop sleeps until something happens.

use std::os::fd::{AsFd, BorrowedFd};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use crossterm::event::Event;
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

/// The terminal opened for the keys when standard input brings the data (`--data -`).
static TTY: OnceLock<std::fs::File> = OnceLock::new();

/// Reads the keys from the terminal itself (`/dev/tty`) rather than from standard input, which
/// brings the data. (crossterm sets raw mode on `/dev/tty` by itself when standard input is not
/// a terminal.)
///
/// # Errors
/// When the program has no terminal to open.
pub fn keys_from_tty() -> std::io::Result<()> {
    let tty = std::fs::File::options().read(true).write(true).open("/dev/tty")?;
    let _ = TTY.set(tty);
    Ok(())
}

/// Where the keys come from: standard input, or `/dev/tty` after [`keys_from_tty`].
fn keyboard() -> BorrowedFd<'static> {
    TTY.get().map_or_else(rustix::stdio::stdin, AsFd::as_fd)
}

/// Whether the terminal (standard input) has hung up: after that, every error of the terminal
/// is only that it is gone.
#[must_use]
pub fn hung_up() -> bool {
    let keys = keyboard();
    let mut fds = [PollFd::new(&keys, PollFlags::empty())];
    let zero = Timespec { tv_sec: 0, tv_nsec: 0 };
    poll(&mut fds, Some(&zero)).is_ok()
        && fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
}

/// Starts reading the terminal (standard input) on a thread; its events arrive on `out`. The
/// bytes are read as they arrive, however many at once, and decoded by [`Decoder`]; a sequence
/// left half-finished is taken as it is after a short wait, so nothing locks the keys.
pub fn terminal(out: Sender<Input>) {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            let fd = keyboard();
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

/// How often a data file whose folder is gone is looked for again.
pub const RETRY: Duration = Duration::from_secs(1);

/// Watches the data file and sends [`Input::DataChanged`] when it changes. The folder is
/// watched as well as the file, so that editors that save by writing a new file and renaming it
/// are seen too; when the path is a symbolic link, the folder of each link of the chain is
/// watched, so that a link pointed elsewhere is seen. Other files of those folders never wake
/// the explorer: on Linux, the folders are watched only for names that come and go (created,
/// deleted, renamed) and the file itself for writes, so a neighbour written to sends nothing at
/// all; elsewhere, `notify`'s events for other files are dropped in its own thread.
pub struct DataWatch {
    backend: backend::Backend,
    /// The path as given, made absolute.
    path: PathBuf,
    /// Whether every folder that should be watched is (else one is gone: look again later).
    complete: bool,
}

impl std::fmt::Debug for DataWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DataWatch")
            .field("path", &self.path)
            .field("complete", &self.complete)
            .finish_non_exhaustive()
    }
}

/// The files `path` leads to: itself, then each target of a chain of symbolic links (at most
/// eight), each with its folder.
fn chain(path: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    let mut at = path.to_path_buf();
    for _ in 0..8 {
        let dir = at.parent().map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
        out.push((at.clone(), dir.clone()));
        match std::fs::read_link(&at) {
            Ok(target) => at = if target.is_absolute() { target } else { dir.join(target) },
            Err(_) => break,
        }
    }
    out
}

/// The folders of a chain of links, each once, in order.
fn folders(links: &[(PathBuf, PathBuf)]) -> Vec<PathBuf> {
    links.iter().map(|(_, d)| d.clone()).fold(Vec::new(), |mut v, d| {
        if !v.contains(&d) {
            v.push(d);
        }
        v
    })
}

impl DataWatch {
    /// Starts watching `file`; changes arrive on `tx`.
    ///
    /// # Errors
    /// When the system cannot watch at all.
    pub fn new(file: &Path, tx: Sender<Input>) -> std::io::Result<Self> {
        let path: PathBuf = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let backend = backend::Backend::new(tx)?;
        let mut watch = DataWatch { backend, path, complete: false };
        watch.refresh();
        Ok(watch)
    }

    /// Watches what the path leads to now (after a change: a link may point elsewhere, a
    /// folder may have come back, the file may be a new one, saved by renaming).
    pub fn refresh(&mut self) {
        self.complete = self.backend.watch(&chain(&self.path));
    }

    /// Whether a folder of the path is gone, so that changes cannot be seen: the loop then
    /// looks again every [`RETRY`].
    #[must_use]
    pub fn lost(&self) -> bool {
        !self.complete
    }

    /// Whether the file is there again (after [`DataWatch::lost`]).
    #[must_use]
    pub fn back(&self) -> bool {
        std::fs::metadata(&self.path).is_ok()
    }
}

/// Linux: inotify itself, each folder watched for names only and the file for writes.
#[cfg(target_os = "linux")]
mod backend {
    use std::ffi::OsString;
    use std::mem::MaybeUninit;
    use std::os::fd::OwnedFd;
    use std::os::unix::ffi::OsStrExt;
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::mpsc::Sender;
    use std::sync::{Arc, Mutex, PoisonError};

    use rustix::fs::inotify::{self, CreateFlags, ReadFlags, WatchFlags};

    use super::Input;

    /// What a watch descriptor stands for.
    enum Watched {
        /// A folder of the chain, and the names in it that count.
        Folder(Vec<OsString>),
        /// The file the chain leads to (inotify follows the links).
        File,
    }

    /// A folder's events: a name created, deleted or renamed, or the folder itself gone.
    const FOLDER: WatchFlags = WatchFlags::CREATE
        .union(WatchFlags::DELETE)
        .union(WatchFlags::MOVED_FROM)
        .union(WatchFlags::MOVED_TO)
        .union(WatchFlags::DELETE_SELF)
        .union(WatchFlags::MOVE_SELF)
        .union(WatchFlags::ONLYDIR);

    /// The file's events: written, its attributes changed (`touch`), deleted or moved.
    const FILE: WatchFlags = WatchFlags::MODIFY
        .union(WatchFlags::CLOSE_WRITE)
        .union(WatchFlags::ATTRIB)
        .union(WatchFlags::DELETE_SELF)
        .union(WatchFlags::MOVE_SELF);

    type Watches = Arc<Mutex<Vec<(i32, Watched)>>>;

    pub(super) struct Backend {
        fd: Arc<OwnedFd>,
        watches: Watches,
        stop: Arc<AtomicBool>,
    }

    /// Whether an event is about the data file (or its folder, or the events were lost).
    fn counts(watches: &[(i32, Watched)], wd: i32, events: ReadFlags, name: Option<&[u8]>) -> bool {
        if events.contains(ReadFlags::QUEUE_OVERFLOW) {
            return true;
        }
        let gone = ReadFlags::DELETE_SELF | ReadFlags::MOVE_SELF;
        let names =
            ReadFlags::CREATE | ReadFlags::DELETE | ReadFlags::MOVED_FROM | ReadFlags::MOVED_TO;
        let written = ReadFlags::MODIFY | ReadFlags::CLOSE_WRITE | ReadFlags::ATTRIB | gone;
        watches.iter().filter(|(w, _)| *w == wd).any(|(_, what)| match what {
            Watched::File => events.intersects(written),
            Watched::Folder(wanted) => {
                events.intersects(gone)
                    || (events.intersects(names)
                        && name.is_some_and(|n| wanted.iter().any(|w| w.as_bytes() == n)))
            }
        })
    }

    impl Backend {
        pub(super) fn new(tx: Sender<Input>) -> std::io::Result<Self> {
            let fd = Arc::new(inotify::init(CreateFlags::CLOEXEC)?);
            let watches: Watches = Arc::default();
            let stop = Arc::new(AtomicBool::new(false));
            let (reader_fd, seen, stopped) =
                (Arc::clone(&fd), Arc::clone(&watches), Arc::clone(&stop));
            std::thread::Builder::new().name("watch".into()).spawn(move || {
                let mut buf = [MaybeUninit::<u8>::uninit(); 4096];
                let mut events = inotify::Reader::new(&*reader_fd, &mut buf);
                loop {
                    // Blocks until an event arrives: nothing while the data file is left alone.
                    let changed = match events.next() {
                        Ok(ev) => {
                            let w = seen.lock().unwrap_or_else(PoisonError::into_inner);
                            let name = ev.file_name().map(std::ffi::CStr::to_bytes);
                            counts(&w, ev.wd(), ev.events(), name)
                        }
                        Err(rustix::io::Errno::INTR) => false,
                        Err(_) => return,
                    };
                    if stopped.load(Ordering::SeqCst) {
                        return;
                    }
                    if changed && tx.send(Input::DataChanged).is_err() {
                        return;
                    }
                }
            })?;
            Ok(Backend { fd, watches, stop })
        }

        /// Watches the chain of links `links` (each file with its folder) instead of what was
        /// watched; whether every folder could be.
        pub(super) fn watch(&mut self, links: &[(PathBuf, PathBuf)]) -> bool {
            let mut w = self.watches.lock().unwrap_or_else(PoisonError::into_inner);
            for (wd, _) in w.drain(..) {
                let _ = inotify::remove_watch(&*self.fd, wd);
            }
            let mut complete = true;
            for dir in super::folders(links) {
                let names: Vec<OsString> = links
                    .iter()
                    .filter(|(_, d)| *d == dir)
                    .filter_map(|(f, _)| f.file_name().map(ToOwned::to_owned))
                    .collect();
                match inotify::add_watch(&*self.fd, &dir, FOLDER) {
                    Ok(wd) => w.push((wd, Watched::Folder(names))),
                    Err(_) => complete = false,
                }
            }
            // The file itself, if it is there; if not, its folder sees it come.
            if let Some((file, _)) = links.first()
                && let Ok(wd) = inotify::add_watch(&*self.fd, file, FILE)
            {
                w.push((wd, Watched::File));
            }
            complete
        }
    }

    impl Drop for Backend {
        fn drop(&mut self) {
            // Removing the watches sends the thread an event: it sees the stop and ends.
            self.stop.store(true, Ordering::SeqCst);
            let mut w = self.watches.lock().unwrap_or_else(PoisonError::into_inner);
            for (wd, _) in w.drain(..) {
                let _ = inotify::remove_watch(&*self.fd, wd);
            }
        }
    }
}

/// Elsewhere: `notify`, each folder watched, the events about other files dropped in its thread.
#[cfg(not(target_os = "linux"))]
mod backend {
    use std::path::PathBuf;
    use std::sync::mpsc::Sender;
    use std::sync::{Arc, Mutex, PoisonError};

    use notify::{EventKind, RecursiveMode, Watcher};

    use super::Input;

    pub(super) struct Backend {
        watcher: notify::RecommendedWatcher,
        /// The folders watched now.
        dirs: Vec<PathBuf>,
        /// The paths whose events count: each file of the chain of links, and each folder
        /// watched (a folder moved or deleted).
        wanted: Arc<Mutex<Vec<PathBuf>>>,
    }

    impl Backend {
        pub(super) fn new(tx: Sender<Input>) -> std::io::Result<Self> {
            let wanted: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
            let seen = Arc::clone(&wanted);
            let watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
                let Ok(ev) = res else { return };
                let relevant = matches!(
                    ev.kind,
                    EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
                );
                if !relevant {
                    return;
                }
                let wanted = seen.lock().unwrap_or_else(PoisonError::into_inner);
                if ev.paths.iter().any(|p| wanted.contains(p)) {
                    let _ = tx.send(Input::DataChanged);
                }
            })
            .map_err(std::io::Error::other)?;
            Ok(Backend { watcher, dirs: Vec::new(), wanted })
        }

        /// Watches the folders of the chain of links `links` instead of what was watched;
        /// whether every folder could be.
        pub(super) fn watch(&mut self, links: &[(PathBuf, PathBuf)]) -> bool {
            // Watched again even when already watched: a folder moved away keeps its watch,
            // and the one now at its path needs a new one.
            for d in std::mem::take(&mut self.dirs) {
                let _ = self.watcher.unwatch(&d);
            }
            let mut complete = true;
            for d in super::folders(links) {
                if self.watcher.watch(&d, RecursiveMode::NonRecursive).is_ok() {
                    self.dirs.push(d);
                } else {
                    complete = false;
                }
            }
            let mut wanted = self.wanted.lock().unwrap_or_else(PoisonError::into_inner);
            *wanted =
                links.iter().map(|(f, _)| f.clone()).chain(self.dirs.iter().cloned()).collect();
            complete
        }
    }
}
