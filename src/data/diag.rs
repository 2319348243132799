//! Problems found in a data file: what, where (file, line, column, id path) and how bad.

use std::fmt;

use super::locate::Pos;
use crate::text::{one_line, sanitize};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file still loads; something is shown in another language or left out.
    Warning,
    /// The file does not load.
    Error,
}

/// One problem in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// The file's name as the user gave it (or `<embedded>`).
    pub file: String,
    /// Where in the file; `None` when the problem is the whole file (too large, unreadable).
    pub pos: Option<Pos>,
    /// Ids from the top node down to the entry concerned; empty outside the tree.
    pub path: Vec<String>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Diagnostic {
    /// An error at `pos`.
    #[must_use]
    pub fn error(file: &str, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_owned(),
            pos,
            path: Vec::new(),
            message: message.into(),
        }
    }

    /// A warning at `pos`.
    #[must_use]
    pub fn warning(file: &str, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, pos, message) }
    }

    /// The same problem, placed in the entry with this id path.
    #[must_use]
    pub fn in_path(mut self, path: &[String]) -> Self {
        self.path = path.to_vec();
        self
    }

    /// Whether this problem stops the file from loading.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `FILE:LINE:COL: error: message (in a > b)`, on one line. Ids and values quoted from the
    /// file are untrusted: their control characters (escape sequences) print as U+FFFD.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let safe = |s: &str| one_line(&sanitize(s)).into_owned();
        write!(f, "{}", safe(&self.file))?;
        if let Some(p) = self.pos {
            write!(f, ":{}:{}", p.line, p.col)?;
        }
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {level}: {}", safe(&self.message))?;
        if !self.path.is_empty() {
            write!(f, " (in {})", safe(&self.path.join(" > ")))?;
        }
        Ok(())
    }
}
