//! Problems found in a data file: what, where (file, line, column, the line itself, id path),
//! how bad, and a suggestion when there is one.

use std::fmt;

use crate::text::{one_line, sanitize};

/// A line and a column, both counted from 1; columns count characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Severity {
    /// The file still loads; something is shown in another language or left out.
    Warning,
    /// The file does not load.
    #[default]
    Error,
}

/// One problem in a data file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// The file's name as the user gave it (or `<embedded>`).
    pub file: String,
    /// Where in the file; `None` when the problem is the whole file (too large, unreadable).
    pub pos: Option<Pos>,
    /// The line of the file at `pos`, as written (untrusted: sanitize before showing it).
    pub line_text: Option<String>,
    /// Ids from the top node down to the entry concerned; empty outside the tree.
    pub path: Vec<String>,
    /// What is wrong, in plain words.
    pub message: String,
    /// A suggestion ("did you mean ...?"), when there is one.
    pub help: Option<String>,
    /// Whether the file could not be read as the format at all (its syntax, an unknown or
    /// missing field, a value of the wrong type), rather than a value refused by a check.
    pub syntax: bool,
    /// For a text missing in a declared language: that language's code.
    pub missing: Option<String>,
}

impl Diagnostic {
    /// An error at `pos`.
    #[must_use]
    pub fn error(file: &str, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic { file: file.to_owned(), pos, message: message.into(), ..Diagnostic::default() }
    }

    /// Whether this problem stops the file from loading.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The source line and a caret under the column, two lines for a terminal; `None` when the
    /// problem has no place in the file.
    #[must_use]
    pub fn snippet(&self) -> Option<String> {
        let (pos, line) = (self.pos?, self.line_text.as_deref()?);
        let line = one_line(&sanitize(line)).into_owned();
        let number = pos.line.to_string();
        let pad = " ".repeat(number.len());
        // The caret goes under the character: count the cells of what is before it.
        let before: String = line.chars().take(pos.col.saturating_sub(1)).collect();
        let indent = " ".repeat(crate::text::width(&before));
        Some(format!("{pad} |\n{number} | {line}\n{pad} | {indent}^"))
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
        if let Some(help) = &self.help {
            write!(f, "; {}", safe(help))?;
        }
        Ok(())
    }
}

/// Gives each problem, found at a byte offset of `src`, its line, column and line text, and
/// puts them in file order. One walk over the text, however many there are.
#[must_use]
pub fn place(src: &str, mut found: Vec<(usize, Diagnostic)>) -> Vec<Diagnostic> {
    found.sort_by_key(|(at, _)| *at);
    let (mut line, mut line_start) = (1, 0);
    let mut out = Vec::with_capacity(found.len());
    for (at, mut d) in found {
        let at = floor_char(src, at.min(src.len()));
        let between = &src.as_bytes()[line_start..at];
        line += memchr::memchr_iter(b'\n', between).count();
        if let Some(k) = memchr::memrchr(b'\n', between) {
            line_start += k + 1;
        }
        let end = memchr::memchr(b'\n', &src.as_bytes()[at..]).map_or(src.len(), |k| at + k);
        let col = src[line_start..at].chars().count() + 1;
        d.pos = Some(Pos { line, col });
        // The line itself for the first few, which a terminal shows under the message.
        if out.len() < SNIPPETS {
            d.line_text = Some(src[line_start..end].trim_end_matches('\r').to_owned());
        }
        out.push(d);
    }
    out
}

/// How many problems keep the line they are on, for [`Diagnostic::snippet`].
pub const SNIPPETS: usize = 100;

/// The start of the character at or before byte `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where byte `at` of `bytes` stands, for a file that is not valid UTF-8: columns count the
/// valid characters before it.
#[must_use]
pub fn pos_of_offset(bytes: &[u8], at: usize) -> Pos {
    let before = &bytes[..at.min(bytes.len())];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let start = memchr::memrchr(b'\n', before).map_or(0, |k| k + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    Pos { line, col }
}

/// The candidate nearest to `word`, when one is near enough to be a likely typo.
#[must_use]
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    nearest(word, candidates).map(|c| format!("did you mean \"{c}\"?"))
}

/// The candidate nearest to `word`, when one is near enough to be a likely typo.
#[must_use]
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(word, c);
        if score > 0.8 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}
