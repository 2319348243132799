//! Whom each organisation meets: the other organisations named by the same entries, and in which
//! entries, ranked by how many they share. Computed from the entries' lists of organisations
//! (the data says it once, where each entry names its bodies), for the detail pane, the exports
//! and `ccbnet meets`.

use std::fmt::Write as _;

use serde::Serialize;

use crate::data::{Catalog, NodeIx, OrgIx};
use crate::names::{joined, node_title, org_title};
use crate::text::{one_line, sanitize};

/// The version of the JSON shape of `ccbnet meets --json`.
pub const VERSION: u32 = 1;

/// Another organisation and the entries both are named in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// The other organisation.
    pub other: OrgIx,
    /// The entries that name both, in file order; never empty.
    pub entries: Vec<NodeIx>,
}

/// The organisations `o` meets: every other organisation named by an entry that names `o`,
/// with those entries. Most shared entries first; on a tie, the file's order.
#[must_use]
pub fn meets(catalog: &Catalog, o: OrgIx) -> Vec<Meeting> {
    let Some(used) = catalog.org_used_by.get(o) else {
        return Vec::new();
    };
    // For each other organisation, where it sits in `out`.
    let mut slot: Vec<Option<usize>> = vec![None; catalog.orgs.len()];
    let mut out: Vec<Meeting> = Vec::new();
    for &n in used {
        for link in &catalog.nodes[n].organisations {
            let k = link.target;
            if k == o || k >= slot.len() {
                continue;
            }
            match slot[k] {
                Some(i) => {
                    // An entry that names the same body twice counts once.
                    if out[i].entries.last() != Some(&n) {
                        out[i].entries.push(n);
                    }
                }
                None => {
                    slot[k] = Some(out.len());
                    out.push(Meeting { other: k, entries: vec![n] });
                }
            }
        }
    }
    out.sort_by(|a, b| b.entries.len().cmp(&a.entries.len()).then(a.other.cmp(&b.other)));
    out
}

/// `ACR · name` of organisation `o` in `lang`, on one line and safe for a terminal.
fn org_label(catalog: &Catalog, o: OrgIx, lang: &str) -> String {
    let (marker, acr, name) = org_title(catalog, o, lang);
    clean(&format!("{}{}", marker.unwrap_or_default(), joined(acr.as_deref(), &name)))
}

/// An entry's acronym, else its name, in `lang`, on one line and safe for a terminal.
fn entry_label(catalog: &Catalog, n: NodeIx, lang: &str) -> String {
    let (marker, acr, name) = node_title(catalog, n, lang);
    clean(&format!("{}{}", marker.unwrap_or_default(), acr.unwrap_or(name)))
}

/// `s` with no control character, no tab and no line break.
fn clean(s: &str) -> String {
    one_line(&sanitize(s)).into_owned()
}

/// One line per organisation met: `id<TAB>shared<TAB>name<TAB>entries`, the entries (each one's
/// acronym, else its name) joined with `; ` (a name may hold a comma).
#[must_use]
pub fn lines(catalog: &Catalog, meetings: &[Meeting], lang: &str) -> String {
    let mut out = String::new();
    for m in meetings {
        let entries: Vec<String> =
            m.entries.iter().map(|&n| entry_label(catalog, n, lang)).collect();
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}",
            catalog.orgs[m.other].id,
            m.entries.len(),
            org_label(catalog, m.other, lang),
            entries.join("; ")
        );
    }
    out
}

/// The entries of a meeting (each one's acronym, else its name) in `lang`, joined with `, `.
#[must_use]
pub fn entry_list(catalog: &Catalog, m: &Meeting, lang: &str) -> String {
    let entries: Vec<String> = m.entries.iter().map(|&n| entry_label(catalog, n, lang)).collect();
    entries.join(", ")
}

#[derive(Serialize)]
struct Named {
    id: String,
    name: String,
    acronym: Option<String>,
}

#[derive(Serialize)]
struct Met {
    id: String,
    name: String,
    acronym: Option<String>,
    shared: usize,
    entries: Vec<Named>,
}

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    lang: &'a str,
    organisation: Named,
    meets: Vec<Met>,
}

fn named_org(catalog: &Catalog, o: OrgIx, lang: &str) -> Named {
    let (_, acronym, name) = org_title(catalog, o, lang);
    Named {
        id: catalog.orgs[o].id.clone(),
        name: clean(&name),
        acronym: acronym.map(|a| clean(&a)),
    }
}

fn named_node(catalog: &Catalog, n: NodeIx, lang: &str) -> Named {
    let (_, acronym, name) = node_title(catalog, n, lang);
    Named {
        id: catalog.nodes[n].id.clone(),
        name: clean(&name),
        acronym: acronym.map(|a| clean(&a)),
    }
}

/// Whom organisation `o` meets, as one JSON document: `version`, `lang`, `organisation` and
/// `meets` (see docs/json-format.md).
///
/// # Errors
/// Only if the JSON writer fails, which plain strings and lists never make it do.
pub fn json(
    catalog: &Catalog,
    o: OrgIx,
    meetings: &[Meeting],
    lang: &str,
) -> Result<String, serde_json::Error> {
    let doc = Doc {
        version: VERSION,
        lang,
        organisation: named_org(catalog, o, lang),
        meets: meetings
            .iter()
            .map(|m| {
                let who = named_org(catalog, m.other, lang);
                Met {
                    id: who.id,
                    name: who.name,
                    acronym: who.acronym,
                    shared: m.entries.len(),
                    entries: m.entries.iter().map(|&n| named_node(catalog, n, lang)).collect(),
                }
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc)?;
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{load_embedded, load_str};

    fn shipped() -> Catalog {
        load_embedded().expect("the shipped data").catalog
    }

    fn org(c: &Catalog, id: &str) -> OrgIx {
        c.org_by_id(id).unwrap_or_else(|| panic!("no organisation {id}"))
    }

    fn node(c: &Catalog, id: &str) -> NodeIx {
        c.node_by_id(id).unwrap_or_else(|| panic!("no entry {id}"))
    }

    #[test]
    fn enisa_meets_the_ccb_in_the_entries_that_name_both() {
        let c = shipped();
        let enisa = org(&c, "enisa");
        let ccb = org(&c, "ccb");
        let met = meets(&c, enisa);
        let with_ccb = met.iter().find(|m| m.other == ccb).expect("ENISA meets the CCB");
        let expected: Vec<NodeIx> = c.org_used_by[enisa]
            .iter()
            .copied()
            .filter(|&n| c.nodes[n].organisations.iter().any(|l| l.target == ccb))
            .collect();
        assert_eq!(with_ccb.entries, expected);
        assert!(with_ccb.entries.contains(&node(&c, "cyber-europe")));
        // Nobody meets itself, and every meeting has a shared entry.
        assert!(met.iter().all(|m| m.other != enisa && !m.entries.is_empty()));
    }

    #[test]
    fn meeting_is_symmetric_on_the_shipped_data() {
        let c = shipped();
        for a in 0..c.orgs.len() {
            for m in meets(&c, a) {
                let back = meets(&c, m.other);
                let b = back.iter().find(|x| x.other == a).expect("the other side");
                assert_eq!(b.entries, m.entries);
            }
        }
    }

    const FIXTURE: &str = r#"(
        format: 1,
        languages: ["fr", "nl"],
        title: "T",
        source: (note: "n", as_of: "2024"),
        organisations: [
            (id: "a", name: "Alpha"),
            (id: "b", name: {"fr": "Bêta", "nl": "Beta"}, acronym: "B"),
            (id: "c", name: "Gamma"),
            (id: "d", name: "Delta"),
        ],
        nodes: [
            (id: "top", kind: Level, name: "Top", children: [
                (id: "x", name: "Ix", organisations: [(id: "a"), (id: "c")]),
                (id: "y", name: "Ygrec", acronym: "Y", organisations: [(id: "a"), (id: "b")]),
                (id: "z", name: "Zed", organisations: [(id: "b"), (id: "a"), (id: "c")]),
                (id: "w", name: "Wu", organisations: [(id: "d")]),
            ]),
        ],
    )"#;

    fn fixture() -> Catalog {
        load_str("fixture.ron", FIXTURE).expect("the fixture loads").catalog
    }

    #[test]
    fn ranked_by_shared_entries_then_file_order() {
        let c = fixture();
        let met = meets(&c, org(&c, "a"));
        let got: Vec<(&str, Vec<&str>)> = met
            .iter()
            .map(|m| {
                (
                    c.orgs[m.other].id.as_str(),
                    m.entries.iter().map(|&n| c.nodes[n].id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(got, vec![("b", vec!["y", "z"]), ("c", vec!["x", "z"])]);
        assert!(meets(&c, org(&c, "d")).is_empty(), "alone in its entry");
        assert!(meets(&c, 99).is_empty(), "an index out of range is nobody");
    }

    #[test]
    fn lines_are_tab_separated_in_the_language_asked() {
        let c = fixture();
        let met = meets(&c, org(&c, "a"));
        assert_eq!(lines(&c, &met, "fr"), "b\t2\tB · Bêta\tY; Zed\nc\t2\tGamma\tIx; Zed\n");
        assert!(lines(&c, &met, "nl").starts_with("b\t2\tB · Beta\t"));
    }

    #[test]
    fn json_names_both_sides() {
        let c = fixture();
        let a = org(&c, "a");
        let doc: serde_json::Value =
            serde_json::from_str(&json(&c, a, &meets(&c, a), "nl").expect("JSON")).expect("JSON");
        assert_eq!(doc["organisation"]["id"], "a");
        assert_eq!(doc["meets"][0]["id"], "b");
        assert_eq!(doc["meets"][0]["name"], "Beta");
        assert_eq!(doc["meets"][0]["shared"], 2);
        assert_eq!(doc["meets"][0]["entries"][0]["acronym"], "Y");
    }
}
