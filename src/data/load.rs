//! Reading a data file: from disk or from the copy built into the binary, through the size,
//! UTF-8 checks, to the reader and its validated [`Catalog`].

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use super::diag::{Diagnostic, pos_of_offset};
use super::model::Catalog;
use crate::text::{one_line, sanitize};

/// The largest data file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
pub use super::read::MAX_NESTING;
/// The shipped data set, built into the binary.
pub const EMBEDDED: &str = include_str!("../../assets/ccb-networks.ron");
/// The name the embedded data set goes by in messages.
pub const EMBEDDED_NAME: &str = "<embedded>";

/// A data set that loaded, with the warnings it raised.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The validated data.
    pub catalog: Catalog,
    /// Problems that did not stop it from loading.
    pub warnings: Vec<Diagnostic>,
}

/// Why a data file did not load.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all (missing, no permission, a folder).
    #[error("{}: error: cannot read the file: {reason}", one_line(&sanitize(file)))]
    Unreadable {
        /// The file's name as given.
        file: String,
        /// What the system said, in plain words.
        reason: String,
    },
    /// The file was read but is not valid: every problem found, errors and warnings.
    #[error("{}", problems(.0))]
    Invalid(Vec<Diagnostic>),
}

/// Problems, one a line.
fn problems(found: &[Diagnostic]) -> String {
    found.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

/// Loads the data set built into the binary.
///
/// # Errors
/// Only if the shipped file is broken, which the test suite rules out.
pub fn load_embedded() -> Result<Loaded, Vec<Diagnostic>> {
    load_str(EMBEDDED_NAME, EMBEDDED)
}

/// How long a named pipe may take to send its first bytes before it is given up.
pub const PIPE_WAIT: Duration = Duration::from_secs(1);
/// How long a pipe that has begun may pause before it is given up.
pub const PIPE_PAUSE: Duration = Duration::from_secs(10);

/// Loads the file at `path` (`-`: standard input): a regular file, or a pipe (`--data <(cmd)`, a named pipe that
/// something writes to), read once. A device or a socket is refused, and a pipe that sends
/// nothing within [`PIPE_WAIT`] is given up: opening the data never blocks.
///
/// # Errors
/// [`LoadError::Unreadable`] when it cannot be read, [`LoadError::Invalid`] when it is not a
/// valid data set.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    load_file(path, true, true)
}

/// Checks the file at `path` as [`load_path`] does, finding the same problems, without keeping
/// its texts: the catalog has every entry, id and link, and empty texts. What `ccbnet check`
/// needs, in less time and memory.
///
/// # Errors
/// As [`load_path`].
pub fn check_path(path: &Path) -> Result<Loaded, LoadError> {
    load_file(path, true, false)
}

/// The name messages give standard input, read for the data file `-`.
pub const STDIN_NAME: &str = "<stdin>";

/// Whether `path` is `-`, which stands for standard input.
#[must_use]
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Where to read the data file `path` from, and its name in messages: `-` is standard input.
fn source(path: &Path) -> (&Path, String) {
    if is_stdin(path) {
        (Path::new("/dev/stdin"), STDIN_NAME.to_owned())
    } else {
        (path, path.display().to_string())
    }
}

/// Loads the file at `path` again (live reload): as [`load_path`], but only a regular file (a
/// path that has become a pipe or a device is reported, never opened), and in two passes over
/// the same bytes, so that the caller never holds its old data and the new whole at once: the
/// bytes are checked first, keeping no text (a file with problems ends there, and the caller
/// keeps its data); then `release` is called, for the caller to let its old data go, and the
/// catalog is built. Reading twice costs the time of a `ccbnet check`; it saves the memory of
/// a whole catalog.
///
/// # Errors
/// As [`load_path`].
pub fn reload_path(path: &Path, release: impl FnOnce()) -> Result<Loaded, LoadError> {
    let (path, name) = source(path);
    let bytes = read_data(path, &name, false)?;
    drop(load_slice(&name, &bytes, false).map_err(LoadError::Invalid)?);
    release();
    load_slice(&name, &bytes, true).map_err(LoadError::Invalid)
}

/// The file at `path` read (pipes only if `pipes`) and loaded, its texts kept if `keep`.
fn load_file(path: &Path, pipes: bool, keep: bool) -> Result<Loaded, LoadError> {
    let (path, name) = source(path);
    let bytes = read_data(path, &name, pipes)?;
    load_slice(&name, &bytes, keep).map_err(LoadError::Invalid)
}

/// The bytes of the data file at `path` (named `name` in messages); pipes only if `pipes`.
fn read_data(path: &Path, name: &str, pipes: bool) -> Result<Vec<u8>, LoadError> {
    use std::io::IsTerminal;
    use std::os::unix::fs::FileTypeExt;
    let unreadable =
        |e: std::io::Error| LoadError::Unreadable { file: name.to_owned(), reason: io_reason(&e) };
    let refuse =
        |reason: &str| LoadError::Unreadable { file: name.to_owned(), reason: reason.into() };
    if name == STDIN_NAME && std::io::stdin().is_terminal() {
        return Err(refuse(
            "standard input is the terminal, not data; give the data through it, as in `cat networks.ron | ccbnet --data -`",
        ));
    }
    // What the path names, symbolic links followed, before anything opens it.
    let kind = std::fs::metadata(path).map_err(unreadable)?.file_type();
    if kind.is_dir() {
        return Err(refuse("it is a folder, not a file"));
    }
    if kind.is_char_device() || kind.is_block_device() {
        return Err(refuse("it is a device, not a file"));
    }
    if kind.is_socket() {
        return Err(refuse("it is a socket, not a file"));
    }
    if kind.is_fifo() {
        if !pipes {
            return Err(refuse("it is a pipe now, not a file; it is not read again"));
        }
        return read_pipe(path, name).map_err(|e| e.unwrap_or_else(unreadable));
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let len = file.metadata().map_err(unreadable)?.len().min(MAX_FILE_BYTES + 1);
    read_file(&file, len).map_err(unreadable)
}

/// From how many bytes a file is read in two halves at once, on two threads: each thread
/// brings in its half's pages, which costs more than copying them.
const TWO_THREADS_FROM: u64 = 1 << 20;

/// The bytes of the regular file `file`, `len` bytes long when it was opened, up to one byte
/// more than [`MAX_FILE_BYTES`] (a larger file is refused where the bytes are checked).
fn read_file(file: &std::fs::File, len: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Seek, SeekFrom};
    use std::os::unix::fs::FileExt;
    let sequential = || {
        let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
        let mut from_start = file;
        from_start.seek(SeekFrom::Start(0))?;
        from_start.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
        Ok(bytes)
    };
    let two = len >= TWO_THREADS_FROM && crate::cores::several();
    let Some(n) = usize::try_from(len).ok().filter(|_| two) else { return sequential() };
    let mut bytes = vec![0u8; n];
    let (first, second) = bytes.split_at_mut(n / 2);
    let at = u64::try_from(n / 2).unwrap_or(0);
    let (mine, theirs) = super::halves::both(
        "read",
        || file.read_exact_at(first, 0),
        || file.read_exact_at(second, at),
    );
    // Without a second thread: `None`, and the file is read in one piece.
    match theirs.map(|theirs| mine.and(theirs)) {
        None => sequential(),
        Some(Ok(())) => {
            // What was written past the end meanwhile, if anything.
            let mut rest = file;
            rest.seek(SeekFrom::Start(len))?;
            rest.take(MAX_FILE_BYTES + 1 - len).read_to_end(&mut bytes)?;
            Ok(bytes)
        }
        // Shorter than it was when opened: read it as it is now.
        Some(Err(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => sequential(),
        Some(Err(e)) => Err(e),
    }
}

/// Reads a pipe to its end without ever blocking for long: opened without waiting for a
/// writer, then read as its bytes come, giving up after [`PIPE_WAIT`] without a first byte or
/// [`PIPE_PAUSE`] without the next ones. `Err(None)` is a system error to word by the caller.
fn read_pipe(path: &Path, name: &str) -> Result<Vec<u8>, Result<LoadError, std::io::Error>> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use std::os::unix::fs::OpenOptionsExt;
    let flags = i32::try_from(rustix::fs::OFlags::NONBLOCK.bits()).unwrap_or(0);
    let file =
        std::fs::OpenOptions::new().read(true).custom_flags(flags).open(path).map_err(Err)?;
    let mut bytes = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let wait = if bytes.is_empty() { PIPE_WAIT } else { PIPE_PAUSE };
        let timeout = Timespec::try_from(wait).ok();
        let mut fds = [PollFd::new(&file, PollFlags::IN)];
        match poll(&mut fds, timeout.as_ref()) {
            Ok(0) => {
                let (first, wait) = (PIPE_WAIT.as_secs(), PIPE_PAUSE.as_secs());
                let reason = if bytes.is_empty() {
                    format!("it is a pipe, and nothing was written to it within {first} s")
                } else {
                    format!("the pipe stopped sending for {wait} s before its end")
                };
                return Err(Ok(LoadError::Unreadable { file: name.to_owned(), reason }));
            }
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(Err(e.into())),
        }
        match rustix::io::read(&file, &mut buf) {
            Ok(0) => return Ok(bytes),
            Ok(n) => {
                bytes.extend_from_slice(&buf[..n]);
                if bytes.len() as u64 > MAX_FILE_BYTES {
                    return Err(Ok(LoadError::Invalid(vec![too_large(name)])));
                }
            }
            Err(rustix::io::Errno::AGAIN | rustix::io::Errno::INTR) => {}
            Err(e) => return Err(Err(e.into())),
        }
    }
}

/// [`load_bytes`], keeping the texts or not.
fn load_slice(file: &str, bytes: &[u8], keep: bool) -> Result<Loaded, Vec<Diagnostic>> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(vec![too_large(file)]);
    }
    // A vectorized check first (the whole file's bytes pass through it); the standard one says
    // where a bad byte is.
    match simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes)) {
        Ok(src) => read_str(file, src, keep),
        Err(e) => Err(vec![not_utf8(file, bytes, e.valid_up_to())]),
    }
}

fn not_utf8(file: &str, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    Diagnostic::error(
        file,
        Some(pos_of_offset(bytes, valid_up_to)),
        "the file is not UTF-8 text (is it a binary file, or saved in another encoding?)",
    )
}

fn too_large(name: &str) -> Diagnostic {
    Diagnostic::error(
        name,
        None,
        format!(
            "the file is larger than {} MiB, the most a data file may be",
            MAX_FILE_BYTES >> 20
        ),
    )
}

/// The system's reason, without its error code.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_owned()
        }
    }
}

/// Loads a data set from raw bytes, named `file` in messages.
///
/// # Errors
/// Every problem found, when there is at least one error.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Loaded, Vec<Diagnostic>> {
    load_slice(file, bytes, true)
}

/// Loads a data set from text, named `file` in messages.
///
/// # Errors
/// Every problem found, when there is at least one error.
pub fn load_str(file: &str, src: &str) -> Result<Loaded, Vec<Diagnostic>> {
    read_str(file, src, true)
}

fn read_str(file: &str, src: &str, keep: bool) -> Result<Loaded, Vec<Diagnostic>> {
    let src = src.strip_prefix('\u{FEFF}').unwrap_or(src);
    match super::read::read_keeping(file, src, keep) {
        (Some(catalog), warnings) => Ok(Loaded { catalog, warnings }),
        (None, diags) => Err(diags),
    }
}

#[cfg(test)]
mod tests {
    use super::{TWO_THREADS_FROM, read_file};

    /// A file of `n` bytes that differ from place to place, and its bytes.
    fn file_of(n: usize, name: &str) -> (std::path::PathBuf, Vec<u8>) {
        let bytes: Vec<u8> = (0..n).map(|i| (i * 7 + i / 251) as u8).collect();
        let path = std::env::temp_dir().join(format!("ccbnet-{}-{name}", std::process::id()));
        std::fs::write(&path, &bytes).expect("write");
        (path, bytes)
    }

    #[test]
    fn a_large_file_read_in_two_halves_is_read_whole_even_if_it_changed_size() {
        let n = usize::try_from(TWO_THREADS_FROM).expect("size") * 3 + 12_345;
        let (path, bytes) = file_of(n, "halves");
        let file = std::fs::File::open(&path).expect("open");
        let len = bytes.len() as u64;
        // As opened; grown since it was opened (more than the length said); shrunk since.
        for said in [len, len - 4_321, len + 9_876] {
            let read = read_file(&file, said).expect("read");
            assert!(read == bytes, "{said} bytes said, {} read of {len}", read.len());
        }
        let small = read_file(&file, TWO_THREADS_FROM - 1);
        assert!(small.is_ok_and(|r| r == bytes), "read in one piece");
        std::fs::remove_file(path).expect("remove");
    }
}
