//! `ccbnet check`: validates a data file and reports every problem as `FILE:LINE:COL: ...`,
//! with the line and a caret under the spot when the reader is a person at a terminal; missing
//! translations come last, grouped by language, and the summary counts them per language.

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
            let c = &loaded.catalog;
            let (mut out, missing) = lines(&loaded.warnings, &c.languages, snippets);
            let warnings = loaded.warnings.iter().filter(|d| d.missing.is_none()).count();
            out.push_str(&format!(
                "{name}: ok: {} entries, {} organisations, languages {}; {}; {}\n",
                c.nodes.len(),
                c.orgs.len(),
                c.languages.join(", "),
                counts(0, warnings),
                missing,
            ));
            Report { out, status: 0 }
        }
        Err(e @ LoadError::Unreadable { .. }) => Report { out: format!("{e}\n"), status: 2 },
        Err(LoadError::Invalid(diags)) => {
            let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
            let warnings = diags.iter().filter(|d| !d.is_error() && d.missing.is_none()).count();
            let (mut out, _) = lines(&diags, &[], snippets);
            out.push_str(&format!("{name}: failed: {}\n", counts(errors, warnings)));
            Report { out, status: 1 }
        }
    }
}

/// The problems, one a line, the missing translations last, under a heading per language; and
/// the summary of those: how many texts each of `languages` lacks.
fn lines(diags: &[Diagnostic], languages: &[String], snippets: bool) -> (String, String) {
    let (missing, others): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        diags.iter().partition(|d| d.missing.is_some());
    let mut out = list(&others, snippets);
    let mut summary = Vec::new();
    let mut codes: Vec<&str> = languages.iter().map(String::as_str).collect();
    for d in &missing {
        let code = d.missing.as_deref().unwrap_or_default();
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    for code in codes {
        let these: Vec<&Diagnostic> =
            missing.iter().copied().filter(|d| d.missing.as_deref() == Some(code)).collect();
        summary.push(format!("{code} {}", these.len()));
        if !these.is_empty() {
            out.push_str(&format!(
                "{code}: {}\n",
                plural(these.len(), "text missing", "texts missing")
            ));
            out.push_str(&list(&these, snippets));
        }
    }
    (out, format!("texts missing: {}", summary.join(", ")))
}

fn list(diags: &[&Diagnostic], snippets: bool) -> String {
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

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn counts(errors: usize, warnings: usize) -> String {
    format!("{}, {}", plural(errors, "error", "errors"), plural(warnings, "warning", "warnings"))
}
