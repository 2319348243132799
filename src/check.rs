//! `ccbnet check`: validates a data file and reports every problem as `FILE:LINE:COL: ...`,
//! with the line and a caret under the spot when the reader is a person at a terminal, or as
//! the JSON document of docs/check-format.md; missing translations come last, grouped by
//! language, and the summary counts them per language.

use std::fmt::Write as _;

use std::path::Path;

use serde::Serialize;

use crate::data::{
    Diagnostic, EMBEDDED_NAME, LoadError, STDIN_NAME, Severity, check_path, is_stdin, load_embedded,
};
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
    let (name, result) = read(path);
    match result {
        Ok(loaded) => {
            let c = &loaded.catalog;
            let (mut out, missing) = lines(&loaded.warnings, &c.languages, snippets);
            let warnings = loaded.warnings.iter().filter(|d| d.missing.is_none()).count();
            let _ = writeln!(
                out,
                "{name}: ok: {} entries, {} organisations, languages {}; {}; {}",
                c.nodes.len(),
                c.orgs.len(),
                c.languages.join(", "),
                counts(0, warnings),
                missing,
            );
            Report { out, status: 0 }
        }
        Err(e @ LoadError::Unreadable { .. }) => Report { out: format!("{e}\n"), status: 2 },
        Err(LoadError::Invalid(diags)) => {
            let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
            let warnings = diags.iter().filter(|d| !d.is_error() && d.missing.is_none()).count();
            let (mut out, _) = lines(&diags, &[], snippets);
            let _ = writeln!(out, "{name}: failed: {}", counts(errors, warnings));
            Report { out, status: 1 }
        }
    }
}

/// The file's name, safe to show, and what reading it gave.
fn read(path: Option<&Path>) -> (String, Result<crate::data::Loaded, LoadError>) {
    let (name, result) = match path {
        Some(p) if is_stdin(p) => (STDIN_NAME.to_owned(), check_path(p)),
        Some(p) => (p.display().to_string(), check_path(p)),
        None => (EMBEDDED_NAME.to_owned(), load_embedded().map_err(LoadError::Invalid)),
    };
    // The name is the user's, but may hold control characters all the same.
    (one_line(&sanitize(&name)).into_owned(), result)
}

/// The document of `ccbnet check --format json` (docs/check-format.md).
#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    file: &'a str,
    readable: bool,
    valid: bool,
    errors: usize,
    warnings: usize,
    summary: Option<Summary<'a>>,
    problems: Vec<Problem>,
}

/// What a valid file holds.
#[derive(Serialize)]
struct Summary<'a> {
    entries: usize,
    organisations: usize,
    languages: &'a [String],
    missing: Vec<Missing<'a>>,
}

/// How many texts a language lacks.
#[derive(Serialize)]
struct Missing<'a> {
    language: &'a str,
    texts: usize,
}

/// One problem.
#[derive(Serialize)]
struct Problem {
    severity: &'static str,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
    path: Vec<String>,
    help: Option<String>,
    missing_language: Option<String>,
}

impl Problem {
    fn of(d: &Diagnostic) -> Self {
        let safe = |s: &str| one_line(&sanitize(s)).into_owned();
        Problem {
            severity: if d.is_error() { "error" } else { "warning" },
            line: d.pos.map(|p| p.line),
            column: d.pos.map(|p| p.col),
            message: safe(&d.message),
            path: d.path.iter().map(|p| safe(p)).collect(),
            help: d.help.as_deref().map(safe),
            missing_language: d.missing.clone(),
        }
    }
}

/// Checks as [`check`] does, the report being the JSON document of docs/check-format.md.
///
/// # Errors
/// When `serde_json` fails to write the document (in memory, so in practice never).
pub fn check_json(path: Option<&Path>) -> Result<Report, serde_json::Error> {
    let (name, result) = read(path);
    let (doc, status) = match &result {
        Ok(loaded) => {
            let c = &loaded.catalog;
            let summary = Summary {
                entries: c.nodes.len(),
                organisations: c.orgs.len(),
                languages: &c.languages,
                missing: c
                    .languages
                    .iter()
                    .map(|l| Missing {
                        language: l,
                        texts: loaded
                            .warnings
                            .iter()
                            .filter(|d| d.missing.as_ref() == Some(l))
                            .count(),
                    })
                    .collect(),
            };
            let problems: Vec<Problem> = loaded.warnings.iter().map(Problem::of).collect();
            let doc = Document {
                version: 1,
                file: &name,
                readable: true,
                valid: true,
                errors: 0,
                warnings: problems.len(),
                summary: Some(summary),
                problems,
            };
            (doc, 0)
        }
        Err(LoadError::Unreadable { reason, .. }) => {
            let problem = Problem {
                severity: "error",
                line: None,
                column: None,
                message: one_line(&sanitize(reason)).into_owned(),
                path: Vec::new(),
                help: None,
                missing_language: None,
            };
            let doc = Document {
                version: 1,
                file: &name,
                readable: false,
                valid: false,
                errors: 1,
                warnings: 0,
                summary: None,
                problems: vec![problem],
            };
            (doc, 2)
        }
        Err(LoadError::Invalid(diags)) => {
            let errors = diags.iter().filter(|d| d.is_error()).count();
            let doc = Document {
                version: 1,
                file: &name,
                readable: true,
                valid: false,
                errors,
                warnings: diags.len() - errors,
                summary: None,
                problems: diags.iter().map(Problem::of).collect(),
            };
            (doc, 1)
        }
    };
    let mut out = serde_json::to_string_pretty(&doc)?;
    out.push('\n');
    Ok(Report { out, status })
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
            let _ =
                writeln!(out, "{code}: {}", plural(these.len(), "text missing", "texts missing"));
            out.push_str(&list(&these, snippets));
        }
    }
    (out, format!("texts missing: {}", summary.join(", ")))
}

fn list(diags: &[&Diagnostic], snippets: bool) -> String {
    let mut out = String::new();
    for d in diags {
        let _ = writeln!(out, "{d}");
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
