//! Where the explorer's input comes from: the terminal (keys, mouse, resizes), read on a thread
//! of its own, and the data file, watched for changes; both arrive on one channel, so the event
//! loop sleeps until either has something.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use crossterm::event::{self, Event};
use notify::{EventKind, RecursiveMode, Watcher};

/// One thing that happened.
#[derive(Debug)]
pub enum Input {
    /// A key, a mouse event, a resize.
    Terminal(Event),
    /// The data file was written, created, renamed or removed.
    DataChanged,
    /// Reading the terminal failed.
    Failed(std::io::Error),
}

/// How long to wait after a change for the editor's other writes of the same save.
pub const SETTLE: Duration = Duration::from_millis(60);

/// Starts reading the terminal on a thread; its events arrive on the returned channel, which
/// the caller may also hand to [`watch`].
#[must_use]
pub fn terminal() -> (Sender<Input>, Receiver<Input>) {
    let (tx, rx) = channel();
    let out = tx.clone();
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                // Blocks until input arrives: no wake-ups while idle.
                let sent = match event::read() {
                    Ok(ev) => out.send(Input::Terminal(ev)),
                    Err(e) => {
                        let _ = out.send(Input::Failed(e));
                        return;
                    }
                };
                if sent.is_err() {
                    return;
                }
            }
        })
        .ok();
    (tx, rx)
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
