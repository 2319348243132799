//! Reading a data file: from disk or from the copy built into the binary, through the size,
//! UTF-8 checks, to the reader and its validated [`Catalog`].

use std::io::Read;
use std::path::Path;

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
    #[error("{}", Problems(.0))]
    Invalid(Vec<Diagnostic>),
}

/// Problems, one a line.
struct Problems<'a>(&'a [Diagnostic]);

impl std::fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

/// Loads the data set built into the binary.
///
/// # Errors
/// Only if the shipped file is broken, which the test suite rules out.
pub fn load_embedded() -> Result<Loaded, Vec<Diagnostic>> {
    load_str(EMBEDDED_NAME, EMBEDDED)
}

/// Loads the file at `path`.
///
/// # Errors
/// [`LoadError::Unreadable`] when it cannot be read, [`LoadError::Invalid`] when it is not a
/// valid data set.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    read_path(path, true)
}

/// Checks the file at `path` as [`load_path`] does, finding the same problems, without keeping
/// its texts: the catalog has every entry, id and link, and empty texts. What `ccbnet check`
/// needs, in less time and memory.
///
/// # Errors
/// As [`load_path`].
pub fn check_path(path: &Path) -> Result<Loaded, LoadError> {
    read_path(path, false)
}

fn read_path(path: &Path, keep: bool) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    let unreadable =
        |e: std::io::Error| LoadError::Unreadable { file: name.clone(), reason: io_reason(&e) };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if meta.is_dir() {
        return Err(LoadError::Unreadable {
            file: name,
            reason: "it is a folder, not a file".into(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::Invalid(vec![too_large(&name)]));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    load_owned(&name, bytes, keep).map_err(LoadError::Invalid)
}

/// [`load_bytes`] on bytes it owns.
fn load_owned(file: &str, bytes: Vec<u8>, keep: bool) -> Result<Loaded, Vec<Diagnostic>> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(vec![too_large(file)]);
    }
    match String::from_utf8(bytes) {
        Ok(text) => read_str(file, &text, keep),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Err(vec![not_utf8(file, e.as_bytes(), at)])
        }
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
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(vec![too_large(file)]);
    }
    match std::str::from_utf8(bytes) {
        Ok(src) => load_str(file, src),
        Err(e) => Err(vec![not_utf8(file, bytes, e.valid_up_to())]),
    }
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
