//! `ccbnet check`: validates a data file and reports every problem as `FILE:LINE:COL: ...`.

use std::path::Path;

use crate::data::{Diagnostic, EMBEDDED_NAME, LoadError, Severity, load_embedded, load_path};

/// What `check` prints and the exit status it ends with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The lines to print on standard output.
    pub out: String,
    /// 0: no error; 1: errors; 2: the file could not be read.
    pub status: u8,
}

/// Checks the file at `path`, or the embedded data set when `path` is `None`.
#[must_use]
pub fn check(path: Option<&Path>) -> Report {
    let (name, result) = match path {
        Some(p) => (p.display().to_string(), load_path(p)),
        None => (EMBEDDED_NAME.to_owned(), load_embedded().map_err(LoadError::Invalid)),
    };
    match result {
        Ok(loaded) => {
            let mut out = lines(&loaded.warnings);
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
            let mut out = lines(&diags);
            out.push_str(&format!("{name}: failed: {}\n", counts(errors, diags.len() - errors)));
            Report { out, status: 1 }
        }
    }
}

fn lines(diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| format!("{d}\n")).collect()
}

fn counts(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!("{}, {}", plural(errors, "error"), plural(warnings, "warning"))
}
