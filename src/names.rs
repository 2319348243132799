//! How an entry or organisation is named in a language: its acronym and name on one line, with
//! the marker of a text shown in another language. The tree, the detail, the map, the exports
//! and the command line all name things through these.

use crate::data::{Catalog, NodeIx, OrgIx, Text};
use crate::text::one_line;

/// The marker of a text shown in language `code` instead of the active one: `[FR] `.
#[must_use]
pub fn fallback_marker(code: &str) -> String {
    format!("[{}] ", code.to_uppercase())
}

/// A text in `lang`, on one line, with its fallback marker when it is in another language.
#[must_use]
pub fn pick_line(catalog: &Catalog, text: &Text, lang: &str) -> (Option<String>, String) {
    let shown = catalog.pick(text, lang);
    (shown.fallback.map(fallback_marker), one_line(shown.text).into_owned())
}

/// `CySSAP · Cybersecurity Sectoral Authority Platform`, or the name alone when there is no
/// acronym (or it is the name): (fallback marker, acronym, name). The marker is set when either
/// part is shown in another language.
#[must_use]
pub fn node_title(
    catalog: &Catalog,
    n: NodeIx,
    lang: &str,
) -> (Option<String>, Option<String>, String) {
    let node = &catalog.nodes[n];
    marked_unverified(title(catalog, &node.name, node.acronym.as_ref(), lang), node.unverified)
}

/// The mark after a name for which no official source was found.
pub const UNVERIFIED: &str = "*";

fn marked_unverified(
    (m, acr, name): (Option<String>, Option<String>, String),
    unverified: bool,
) -> (Option<String>, Option<String>, String) {
    (m, acr, if unverified { format!("{name}{UNVERIFIED}") } else { name })
}

/// The same, for an organisation.
#[must_use]
pub fn org_title(
    catalog: &Catalog,
    o: OrgIx,
    lang: &str,
) -> (Option<String>, Option<String>, String) {
    let org = &catalog.orgs[o];
    marked_unverified(title(catalog, &org.name, org.acronym.as_ref(), lang), org.unverified)
}

fn title(
    catalog: &Catalog,
    name: &Text,
    acronym: Option<&Text>,
    lang: &str,
) -> (Option<String>, Option<String>, String) {
    let (m1, name) = pick_line(catalog, name, lang);
    let (m2, acr) = match acronym {
        Some(a) => {
            let (m, s) = pick_line(catalog, a, lang);
            (m, Some(s))
        }
        None => (None, None),
    };
    let acr = acr.filter(|a| *a != name && !a.is_empty());
    (m1.or(m2), acr, name)
}

/// `ACR · name` as one string.
#[must_use]
pub fn joined(acr: Option<&str>, name: &str) -> String {
    match acr {
        Some(a) => format!("{a} · {name}"),
        None => name.to_owned(),
    }
}

/// The date the content reflects, in `lang`, with its fallback marker: what the header shows.
#[must_use]
pub fn as_of(catalog: &Catalog, lang: &str) -> String {
    let (m, as_of) = pick_line(catalog, &catalog.as_of, lang);
    format!("{}{as_of}", m.unwrap_or_default())
}
