//! `ron` as the reference for what a data file means: the file's grammar as serde types, read by
//! `ron`, and a comparison of what it reads with the catalog ccbnet's own reader builds.

use std::fmt;

use ccbnet::data::{Catalog, Kind, Text};
use ccbnet::text::sanitize;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

/// The whole data file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub format: u32,
    pub languages: Vec<String>,
    pub title: RText,
    pub source: Source,
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    pub nodes: Vec<Node>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub note: RText,
    pub as_of: RText,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<RText>,
    #[serde(default)]
    pub consulted: Option<String>,
}

/// A source an entry, an organisation or a fact names.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RSource {
    pub title: RText,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub consulted: Option<String>,
}

/// A fact: a text, or `(text: ..., source: [...])`.
#[derive(Debug)]
pub struct RFact {
    pub text: RText,
    pub source: Vec<RSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    #[serde(default)]
    pub kind: Option<RKind>,
    pub name: RText,
    #[serde(default)]
    pub short: Option<RText>,
    #[serde(default)]
    pub acronym: Option<RText>,
    #[serde(default)]
    pub summary: Option<RText>,
    #[serde(default)]
    pub participants: Option<RFact>,
    #[serde(default)]
    pub coordination: Option<RFact>,
    #[serde(default)]
    pub frequency: Option<RFact>,
    #[serde(default)]
    pub ccb_role: Option<RFact>,
    #[serde(default)]
    pub legal_basis: Option<RFact>,
    #[serde(default)]
    pub since: Option<RFact>,
    #[serde(default)]
    pub related: Vec<Ref>,
    #[serde(default)]
    pub organisations: Vec<Ref>,
    #[serde(default)]
    pub children: Vec<Node>,
    #[serde(default)]
    pub source: Vec<RSource>,
    #[serde(default)]
    pub unverified: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: String,
    pub name: RText,
    #[serde(default)]
    pub acronym: Option<RText>,
    #[serde(default)]
    pub part_of: Option<String>,
    #[serde(default)]
    pub summary: Option<RText>,
    #[serde(default)]
    pub source: Vec<RSource>,
    #[serde(default)]
    pub unverified: bool,
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub enum RKind {
    Level,
    Network,
    Platform,
    Forum,
    Body,
    Event,
    Exercise,
    Service,
    Role,
    Channel,
    Aim,
}

/// A text as `ron` reads it: one string, or a map from language to string.
#[derive(Debug)]
pub enum RText {
    Same(String),
    Localized(Vec<(String, String)>),
}

#[derive(Debug)]
pub struct Ref {
    pub id: String,
    pub role: Option<RText>,
    pub back: Option<RText>,
}

impl<'de> Deserialize<'de> for RText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RText, E> {
                Ok(RText::Same(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RText, A::Error> {
                let mut out: Vec<(String, String)> = Vec::new();
                while let Some((lang, text)) = map.next_entry::<String, String>()? {
                    if out.iter().any(|(l, _)| *l == lang) {
                        return Err(de::Error::custom("a language twice"));
                    }
                    out.push((lang, text));
                }
                Ok(RText::Localized(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RFact {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RFact;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a fact")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RFact, E> {
                Ok(RFact { text: RText::Same(v.to_owned()), source: Vec::new() })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RFact, A::Error> {
                let Some(first) = map.next_key::<String>()? else {
                    return Ok(RFact { text: RText::Localized(Vec::new()), source: Vec::new() });
                };
                if first != "text" && first != "source" {
                    // A text written as a map of languages.
                    let mut out = vec![(first, map.next_value::<String>()?)];
                    while let Some((lang, text)) = map.next_entry::<String, String>()? {
                        if out.iter().any(|(l, _)| *l == lang) {
                            return Err(de::Error::custom("a language twice"));
                        }
                        out.push((lang, text));
                    }
                    return Ok(RFact { text: RText::Localized(out), source: Vec::new() });
                }
                let (mut text, mut source) = (None, None);
                let mut key = Some(first);
                while let Some(k) = key {
                    match k.as_str() {
                        "text" if text.is_none() => text = Some(map.next_value::<RText>()?),
                        "source" if source.is_none() => source = Some(map.next_value()?),
                        _ => return Err(de::Error::custom(format!("field {k} in a fact"))),
                    }
                    key = map.next_key::<String>()?;
                }
                let text = text.ok_or_else(|| de::Error::missing_field("text"))?;
                Ok(RFact { text, source: source.unwrap_or_default() })
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Ref {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            id: String,
            #[serde(default)]
            role: Option<RText>,
            #[serde(default)]
            back: Option<RText>,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Ref;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a reference")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Ref, E> {
                Ok(Ref { id: v.to_owned(), role: None, back: None })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Ref, A::Error> {
                let f = Full::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Ref { id: f.id, role: f.role, back: f.back })
            }
        }
        d.deserialize_any(V)
    }
}

/// `src` read by `ron`, as a data file is; deep enough for every nesting ccbnet allows.
pub fn ron_read(src: &str) -> Result<Dataset, ron::error::SpannedError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(4 * ccbnet::data::read::MAX_NESTING)
        .from_str(src)
}

/// How ccbnet reads `src` compared with `ron`.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Both read it, the same (ccbnet loaded it).
    Same,
    /// `ron` reads it; ccbnet refuses it for a value its checks refuse (an unknown id...).
    RefusedByChecks,
    /// Both refuse it.
    BothRefuse,
    /// `ron` reads it; ccbnet finds it beyond the documented format, with this message.
    BeyondTheFormat(String),
}

/// Compares ccbnet's reader with `ron` on `src`; `Err` when they disagree.
pub fn compare(src: &str) -> Result<Verdict, String> {
    let ours = ccbnet::data::load_str("x", src);
    // `ron` recurses deeply on deep files: on a thread with room for it.
    let owned = src.to_owned();
    let theirs = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || ron_read(&owned).map_err(|e| e.to_string()))
        .expect("a thread for ron")
        .join()
        .expect("ron did not panic");
    match (ours, theirs) {
        (Ok(loaded), Ok(ds)) => same(&ds, &loaded.catalog).map(|()| Verdict::Same),
        (Ok(_), Err(e)) => Err(format!("ccbnet loads a file ron refuses ({e})")),
        (Err(_), Err(_)) => Ok(Verdict::BothRefuse),
        (Err(diags), Ok(_)) => match diags.iter().find(|d| d.syntax) {
            Some(d) => Ok(Verdict::BeyondTheFormat(d.to_string())),
            None => Ok(Verdict::RefusedByChecks),
        },
    }
}

/// A string as the reader keeps it: a tab is one space, control characters made safe.
fn safe_text(x: &str) -> String {
    sanitize(&x.replace('\t', " ")).into_owned()
}

fn text(t: &RText) -> Text {
    let s = |x: &String| safe_text(x);
    // Each language's typography, as ccbnet applies it when it reads a text written as a map
    // (a text written once for every language is left as it is).
    let typeset = |l: &str, x: &String| ccbnet::typography::local(l, &s(x)).into_owned();
    match t {
        RText::Same(x) => Text::Same(s(x)),
        RText::Localized(v) => Text::Localized(v.iter().map(|(l, x)| (l, typeset(l, x))).collect()),
    }
}

fn opt(t: Option<&RText>) -> Option<Text> {
    t.map(text)
}

/// Sources as comparable strings, sorted: the fact (if any), title, address, date.
fn sources<'a>(s: impl Iterator<Item = (Option<String>, &'a RSource)>) -> Vec<String> {
    let safe = |u: &Option<String>| u.as_ref().map(|u| safe_text(u));
    let mut v: Vec<String> = s
        .map(|(f, r)| {
            format!("{f:?} {:?} {:?} {:?}", text(&r.title), safe(&r.url), safe(&r.consulted))
        })
        .collect();
    v.sort();
    v
}

fn our_sources(s: &[ccbnet::data::model::Source]) -> Vec<String> {
    let mut v: Vec<String> = s
        .iter()
        .map(|r| {
            let f = r.fact.map(|f| format!("{f:?}"));
            format!("{f:?} {:?} {:?} {:?}", r.title, r.url, r.consulted)
        })
        .collect();
    v.sort();
    v
}

#[expect(clippy::needless_pass_by_value, reason = "compares owned values and references alike")]
fn check<T: PartialEq + fmt::Debug>(what: &str, a: T, b: T) -> Result<(), String> {
    if a == b { Ok(()) } else { Err(format!("{what}: ron {a:?}, ccbnet {b:?}")) }
}

/// Every node of the tree under `n`, `n` first.
fn walk<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
    out.push(n);
    n.children.iter().for_each(|c| walk(c, out));
}

/// Whether the catalog holds what `ron` read.
pub fn same(ds: &Dataset, c: &Catalog) -> Result<(), String> {
    check("languages", &ds.languages, &c.languages)?;
    check("title", text(&ds.title), c.title.clone())?;
    check("note", text(&ds.source.note), c.source_note.clone())?;
    check("as_of", text(&ds.source.as_of), c.as_of.clone())?;
    check("url", ds.source.url.as_ref().map(|u| safe_text(u)), c.page.url.clone())?;
    check("source title", opt(ds.source.title.as_ref()).unwrap_or_default(), c.page.title.clone())?;
    check("organisations", ds.organisations.len(), c.orgs.len())?;
    for (o, org) in ds.organisations.iter().zip(&c.orgs) {
        check("org id", &o.id, &org.id)?;
        check("org name", text(&o.name), org.name.clone())?;
        check("org acronym", opt(o.acronym.as_ref()), org.acronym.clone())?;
        check("org summary", opt(o.summary.as_ref()), org.summary.clone())?;
        check("part_of", o.part_of.clone(), org.part_of.map(|p| c.orgs[p].id.clone()))?;
        check(
            "org sources",
            sources(o.source.iter().map(|r| (None, r))),
            our_sources(&org.sources),
        )?;
    }
    let mut flat = Vec::new();
    ds.nodes.iter().for_each(|n| walk(n, &mut flat));
    check("nodes", flat.len(), c.nodes.len())?;
    for (n, e) in flat.iter().zip(&c.nodes) {
        check("id", &n.id, &e.id)?;
        let kind = n.kind.map(|k| format!("{k:?}"));
        let theirs = e.kind.map(|k| {
            Kind::ALL.iter().find(|(_, x)| *x == k).map_or("", |(name, _)| name).to_owned()
        });
        check("kind", kind, theirs)?;
        check("name", text(&n.name), e.name.clone())?;
        check("short", opt(n.short.as_ref()), e.short.clone())?;
        check("acronym", opt(n.acronym.as_ref()), e.acronym.clone())?;
        check("summary", opt(n.summary.as_ref()), e.summary.clone())?;
        let named = [
            ("Participants", &n.participants),
            ("Coordination", &n.coordination),
            ("Frequency", &n.frequency),
            ("CcbRole", &n.ccb_role),
            ("LegalBasis", &n.legal_basis),
            ("Since", &n.since),
        ];
        let facts: Vec<Text> =
            named.iter().filter_map(|(_, f)| f.as_ref().map(|f| text(&f.text))).collect();
        check("facts", facts, e.facts.iter().map(|(_, t)| t.clone()).collect())?;
        let of_facts = named
            .iter()
            .filter_map(|(k, f)| f.as_ref().map(|f| (k, f)))
            .flat_map(|(k, f)| f.source.iter().map(move |r| (Some(k.to_string()), r)));
        let all = of_facts.chain(n.source.iter().map(|r| (None, r)));
        check("sources", sources(all), our_sources(&e.sources))?;
        check("unverified", n.unverified, e.unverified)?;
        let refs = |r: &[Ref]| -> Vec<(String, Option<Text>, Option<Text>)> {
            r.iter().map(|r| (r.id.clone(), opt(r.role.as_ref()), opt(r.back.as_ref()))).collect()
        };
        check(
            "related",
            refs(&n.related),
            e.related
                .iter()
                .map(|l| (c.nodes[l.target].id.clone(), l.role.clone(), l.back.clone()))
                .collect(),
        )?;
        check(
            "organisations",
            refs(&n.organisations),
            e.organisations
                .iter()
                .map(|l| (c.orgs[l.target].id.clone(), l.role.clone(), l.back.clone()))
                .collect(),
        )?;
        let kids: Vec<&String> = n.children.iter().map(|k| &k.id).collect();
        check("children", kids, e.children.iter().map(|&k| &c.nodes[k].id).collect())?;
    }
    Ok(())
}
