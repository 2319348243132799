//! `ccbnet search`: the explorer's search, with the same matching and ranking, for scripts and
//! pipes: one result a line as `id<TAB>path<TAB>name`, or one JSON document.

use std::fmt::Write as _;

use serde::Serialize;

use crate::data::Catalog;
use crate::names::node_title;
use crate::search::Index;

/// The version of the JSON shape of `ccbnet search --json`.
pub const VERSION: u32 = 1;

/// One result, as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    /// The entry's id.
    pub id: String,
    /// From its level down to the entry itself: each one's acronym, else its name.
    pub path: Vec<String>,
    /// The entry's full name.
    pub name: String,
    /// Its acronym, when it has one that differs from the name.
    pub acronym: Option<String>,
    /// The language it matched in, when the query did not match it in the active one.
    pub matched_in: Option<String>,
}

/// The entries of the tree matching `query`, best first, as the explorer's tree ranks them
/// while reading `lang`; texts in `lang`. (The index also holds the organisations, after the
/// entries: those results belong to the explorer's organisations view and are left out here.)
#[must_use]
pub fn find(catalog: &Catalog, query: &str, lang: &str) -> Vec<Found> {
    Index::new(catalog)
        .search(query, lang, None)
        .into_iter()
        .filter(|hit| hit.node < catalog.nodes.len())
        .map(|hit| {
            let (_, acronym, name) = node_title(catalog, hit.node, lang);
            Found {
                id: catalog.nodes[hit.node].id.clone(),
                path: crate::export::path(catalog, hit.node, lang),
                name,
                acronym,
                matched_in: hit
                    .other_lang
                    .and_then(|l| catalog.languages.get(usize::from(l)))
                    .cloned(),
            }
        })
        .collect()
}

/// One line per result: `id<TAB>path<TAB>name`, the path's levels joined with ` > `.
#[must_use]
pub fn lines(found: &[Found]) -> String {
    let mut out = String::new();
    for f in found {
        let _ = writeln!(out, "{}\t{}\t{}", f.id, f.path.join(" > "), f.name);
    }
    out
}

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    query: &'a str,
    lang: &'a str,
    results: &'a [Found],
}

/// The results as one JSON document: `version`, `query`, `lang` and `results`.
///
/// # Errors
/// Only if the JSON writer fails, which plain strings and lists never make it do.
pub fn json(query: &str, lang: &str, found: &[Found]) -> Result<String, serde_json::Error> {
    let mut out =
        serde_json::to_string_pretty(&Doc { version: VERSION, query, lang, results: found })?;
    out.push('\n');
    Ok(out)
}
