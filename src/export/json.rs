//! The JSON export: one document in the shape docs/json-format.md describes, with a `version`.
//! Nodes come as a flat list in file order, each naming its parent and children; texts are
//! strings in one language, or objects from language code to text with `--lang all`.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::data::{Catalog, Fact, Kind, Text};

/// The version of the JSON shape; it changes only when a field changes meaning or goes away.
pub const VERSION: u32 = 1;

/// A text as exported: one language's string, or every language's.
enum JText<'a> {
    One(&'a str),
    All(Vec<(&'a str, &'a str)>),
}

impl Serialize for JText<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            JText::One(t) => s.serialize_str(t),
            JText::All(v) => {
                let mut m = s.serialize_map(Some(v.len()))?;
                for (l, t) in v {
                    m.serialize_entry(l, t)?;
                }
                m.end()
            }
        }
    }
}

/// For each field shown in another language than the one asked for, that language.
type Fallback<'a> = BTreeMap<&'static str, &'a str>;

fn no_fallback(f: &Fallback<'_>) -> bool {
    f.is_empty()
}

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    lang: &'a str,
    languages: &'a [String],
    title: JText<'a>,
    source: Source<'a>,
    roots: Vec<&'a str>,
    nodes: Vec<Node<'a>>,
    organisations: Vec<Org<'a>>,
    #[serde(skip_serializing_if = "no_fallback")]
    fallback: Fallback<'a>,
}

#[derive(Serialize)]
struct Source<'a> {
    note: JText<'a>,
    as_of: JText<'a>,
    title: Option<JText<'a>>,
    url: Option<&'a str>,
    consulted: Option<&'a str>,
    #[serde(skip_serializing_if = "no_fallback")]
    fallback: Fallback<'a>,
}

#[derive(Serialize)]
struct Node<'a> {
    id: &'a str,
    parent: Option<&'a str>,
    depth: usize,
    kind: Option<&'static str>,
    name: JText<'a>,
    acronym: Option<JText<'a>>,
    summary: Option<JText<'a>>,
    participants: Option<JText<'a>>,
    coordination: Option<JText<'a>>,
    frequency: Option<JText<'a>>,
    ccb_role: Option<JText<'a>>,
    legal_basis: Option<JText<'a>>,
    since: Option<JText<'a>>,
    sources: Vec<Cited<'a>>,
    unverified: bool,
    related: Vec<Related<'a>>,
    organisations: Vec<OrgLink<'a>>,
    children: Vec<&'a str>,
    #[serde(skip_serializing_if = "no_fallback")]
    fallback: Fallback<'a>,
}

#[derive(Serialize)]
struct Related<'a> {
    id: &'a str,
    incoming: bool,
    role: Option<JText<'a>>,
    #[serde(skip_serializing_if = "no_fallback")]
    fallback: Fallback<'a>,
}

#[derive(Serialize)]
struct OrgLink<'a> {
    id: &'a str,
    role: Option<JText<'a>>,
    #[serde(skip_serializing_if = "no_fallback")]
    fallback: Fallback<'a>,
}

#[derive(Serialize)]
struct Org<'a> {
    id: &'a str,
    name: JText<'a>,
    acronym: Option<JText<'a>>,
    part_of: Option<&'a str>,
    summary: Option<JText<'a>>,
    named_in: Vec<&'a str>,
    meets: Vec<Meets<'a>>,
    sources: Vec<Cited<'a>>,
    unverified: bool,
    #[serde(skip_serializing_if = "no_fallback")]
    fallback: Fallback<'a>,
}

/// A source an entry, an organisation or one of an entry's facts names.
#[derive(Serialize)]
struct Cited<'a> {
    /// The field of the fact it is the source of; `None` for the whole record.
    fact: Option<&'static str>,
    title: JText<'a>,
    url: Option<&'a str>,
    consulted: Option<&'a str>,
    #[serde(skip_serializing_if = "no_fallback")]
    fallback: Fallback<'a>,
}

/// The sources `list` as exported.
fn cited<'a>(tx: &Texts<'a>, list: &'a [crate::data::model::Source]) -> Vec<Cited<'a>> {
    use crate::data::schema::{NODE_FIELDS, Value};
    list.iter()
        .map(|s| {
            let mut fallback = Fallback::new();
            let fact = s.fact.and_then(|f| {
                NODE_FIELDS
                    .iter()
                    .find(|x| matches!(x.value, Value::Fact(k) if k == f))
                    .map(|x| x.name)
            });
            Cited {
                fact,
                title: tx.get(&s.title, "title", &mut fallback),
                url: s.url.as_deref(),
                consulted: s.consulted.as_deref(),
                fallback,
            }
        })
        .collect()
}

#[derive(Serialize)]
struct Meets<'a> {
    id: &'a str,
    entries: Vec<&'a str>,
}

/// The name of a kind in the JSON: the data file's, in lower case.
#[must_use]
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Level => "level",
        Kind::Network => "network",
        Kind::Platform => "platform",
        Kind::Forum => "forum",
        Kind::Body => "body",
        Kind::Event => "event",
        Kind::Exercise => "exercise",
        Kind::Service => "service",
        Kind::Role => "role",
        Kind::Channel => "channel",
        Kind::Aim => "aim",
    }
}

/// Turns data texts into exported ones, in one language or all of them.
struct Texts<'a> {
    catalog: &'a Catalog,
    /// `None` for every language.
    lang: Option<&'a str>,
}

impl<'a> Texts<'a> {
    /// `t` as exported; in one language, a text shown in another is noted in `fb` as `field`.
    fn get(&self, t: &'a Text, field: &'static str, fb: &mut Fallback<'a>) -> JText<'a> {
        match self.lang {
            Some(lang) => {
                let shown = self.catalog.pick(t, lang);
                if let Some(l) = shown.fallback {
                    fb.insert(field, l);
                }
                JText::One(shown.text)
            }
            None => JText::All(match t {
                Text::Same(s) => {
                    self.catalog.languages.iter().map(|l| (l.as_str(), s.as_str())).collect()
                }
                Text::Localized(v) => self
                    .catalog
                    .languages
                    .iter()
                    .filter_map(|l| v.iter().find(|&(c, _)| c == l).map(|(_, s)| (l.as_str(), s)))
                    .collect(),
            }),
        }
    }

    fn opt(
        &self,
        t: Option<&'a Text>,
        field: &'static str,
        fb: &mut Fallback<'a>,
    ) -> Option<JText<'a>> {
        t.map(|t| self.get(t, field, fb))
    }
}

/// The whole data set as a JSON document: texts in `lang`, or in every language when `lang`
/// is `None`.
///
/// # Errors
/// Only if the JSON writer fails, which plain strings, numbers and lists never make it do.
pub fn json(catalog: &Catalog, lang: Option<&str>) -> Result<String, serde_json::Error> {
    let tx = Texts { catalog, lang };
    let mut fallback = Fallback::new();
    let title = tx.get(&catalog.title, "title", &mut fallback);
    let mut sfb = Fallback::new();
    let source = Source {
        note: tx.get(&catalog.source_note, "note", &mut sfb),
        as_of: tx.get(&catalog.as_of, "as_of", &mut sfb),
        title: (!catalog.page.title.entries().all(|(_, t)| t.is_empty()))
            .then(|| tx.get(&catalog.page.title, "title", &mut sfb)),
        url: catalog.page.url.as_deref(),
        consulted: catalog.page.consulted.as_deref(),
        fallback: sfb,
    };
    let nodes = (0..catalog.nodes.len())
        .map(|n| {
            let node = &catalog.nodes[n];
            let mut fb = Fallback::new();
            let fact = |f: Fact| node.facts.iter().find(|(k, _)| *k == f).map(|(_, t)| t);
            let related = catalog
                .related_both(n)
                .into_iter()
                .map(|r| {
                    let mut fb = Fallback::new();
                    Related {
                        id: &catalog.nodes[r.target].id,
                        incoming: r.incoming,
                        role: tx.opt(r.role, "role", &mut fb),
                        fallback: fb,
                    }
                })
                .collect();
            let organisations = node
                .organisations
                .iter()
                .map(|l| {
                    let mut fb = Fallback::new();
                    OrgLink {
                        id: &catalog.orgs[l.target].id,
                        role: tx.opt(l.role.as_ref(), "role", &mut fb),
                        fallback: fb,
                    }
                })
                .collect();
            Node {
                id: &node.id,
                parent: node.parent.map(|p| catalog.nodes[p].id.as_str()),
                depth: node.depth,
                kind: node.kind.map(kind_name),
                name: tx.get(&node.name, "name", &mut fb),
                acronym: tx.opt(node.acronym.as_ref(), "acronym", &mut fb),
                summary: tx.opt(node.summary.as_ref(), "summary", &mut fb),
                participants: tx.opt(fact(Fact::Participants), "participants", &mut fb),
                coordination: tx.opt(fact(Fact::Coordination), "coordination", &mut fb),
                frequency: tx.opt(fact(Fact::Frequency), "frequency", &mut fb),
                ccb_role: tx.opt(fact(Fact::CcbRole), "ccb_role", &mut fb),
                legal_basis: tx.opt(fact(Fact::LegalBasis), "legal_basis", &mut fb),
                since: tx.opt(fact(Fact::Since), "since", &mut fb),
                sources: cited(&tx, &node.sources),
                unverified: node.unverified,
                related,
                organisations,
                children: node.children.iter().map(|&c| catalog.nodes[c].id.as_str()).collect(),
                fallback: fb,
            }
        })
        .collect();
    let organisations = catalog
        .orgs
        .iter()
        .enumerate()
        .map(|(o, org)| {
            let mut fb = Fallback::new();
            Org {
                id: &org.id,
                name: tx.get(&org.name, "name", &mut fb),
                acronym: tx.opt(org.acronym.as_ref(), "acronym", &mut fb),
                part_of: org.part_of.map(|p| catalog.orgs[p].id.as_str()),
                summary: tx.opt(org.summary.as_ref(), "summary", &mut fb),
                named_in: catalog.org_used_by[o]
                    .iter()
                    .map(|&n| catalog.nodes[n].id.as_str())
                    .collect(),
                meets: crate::meets::meets(catalog, o)
                    .into_iter()
                    .map(|m| Meets {
                        id: &catalog.orgs[m.other].id,
                        entries: m.entries.iter().map(|&n| catalog.nodes[n].id.as_str()).collect(),
                    })
                    .collect(),
                sources: cited(&tx, &org.sources),
                unverified: org.unverified,
                fallback: fb,
            }
        })
        .collect();
    let doc = Doc {
        version: VERSION,
        lang: lang.unwrap_or("all"),
        languages: &catalog.languages,
        title,
        source,
        roots: catalog.roots.iter().map(|&r| catalog.nodes[r].id.as_str()).collect(),
        nodes,
        organisations,
        fallback,
    };
    let mut out = serde_json::to_string_pretty(&doc)?;
    out.push('\n');
    Ok(out)
}
