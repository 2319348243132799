//! `ccbnet check`: validates a data file and reports every problem as `FILE:LINE:COL: ...`,
//! with the line and a caret under the spot when the reader is a person at a terminal.

use std::path::Path;

use crate::data::{Diagnostic, EMBEDDED_NAME, LoadError, Severity, check_path, load_embedded};
use crate::text::{one_line, sanitize};

/// What `check` prints and the exit status it ends with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The lines to print on standard output.
    pub out: String,
    /// 0: no error; 1: errors; 2: the file could not be read.
    pub status: u8,
}

/// Checks the file at `path`, or the embedded data set when `path` is `None`; with `snippets`,
/// each problem is followed by its line and a caret under the spot (for a terminal).
#[must_use]
pub fn check(path: Option<&Path>, snippets: bool) -> Report {
    let (name, result) = match path {
        Some(p) => (p.display().to_string(), check_path(p)),
        None => (EMBEDDED_NAME.to_owned(), load_embedded().map_err(LoadError::Invalid)),
    };
    // The name is the user's, but may hold control characters all the same.
    let name = one_line(&sanitize(&name)).into_owned();
    match result {
        Ok(loaded) => {
            let mut out = lines(&loaded.warnings, snippets);
            let c = &loaded.catalog;
            out.push_str(&format!(
                "{name}: ok: {} entries, {} organisations, languages {}; {}\n",
                c.nodes.len(),
                c.orgs.len(),
                c.languages.join(", "),
                counts(0, loaded.warnings.len()),
            ));
            Report { out, status: 0 }
        }
        Err(e @ LoadError::Unreadable { .. }) => Report { out: format!("{e}\n"), status: 2 },
        Err(LoadError::Invalid(diags)) => {
            let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
            let mut out = lines(&diags, snippets);
            out.push_str(&format!("{name}: failed: {}\n", counts(errors, diags.len() - errors)));
            Report { out, status: 1 }
        }
    }
}

fn lines(diags: &[Diagnostic], snippets: bool) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&format!("{d}\n"));
        if let Some(snippet) = d.snippet().filter(|_| snippets) {
            out.push_str(&snippet);
            out.push('\n');
        }
    }
    out
}

fn counts(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!("{}, {}", plural(errors, "error"), plural(warnings, "warning"))
}
