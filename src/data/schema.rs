//! The serde types of the RON data file: what a data maintainer writes, as written.
//!
//! These types are the file's grammar and nothing more. Cross-checks (unique ids, links that
//! point somewhere, declared languages) live in [`super::validate`]; the indexed form the
//! explorer reads is [`super::model::Catalog`].

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

/// The whole data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Version of the data format; this program reads version 1.
    pub format: u32,
    /// Language codes the file is written in, in order of preference (`["fr", "nl"]`).
    pub languages: Vec<String>,
    /// Title shown in the header.
    pub title: Text,
    /// Where the content comes from and which date it reflects.
    pub source: Source,
    /// Every body the networks name, once each.
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    /// The top nodes (the levels), each with its entries below it.
    pub nodes: Vec<Node>,
}

/// A note on the source of the data and the date its content reflects.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Where the facts come from, and what has changed since.
    pub note: Text,
    /// The date (or period) the content reflects, as a person would read it.
    pub as_of: Text,
    /// Address of the source, if it has one.
    #[serde(default)]
    pub url: Option<String>,
}

/// One entry of the tree: a level, a network, a platform, a forum, a body...
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Stable identifier, unique in the file (nodes and organisations together), kebab-case.
    pub id: String,
    /// What sort of entry this is; shown as a label in the detail pane.
    #[serde(default)]
    pub kind: Option<Kind>,
    /// Full name.
    pub name: Text,
    /// Short form, if the entry has one ("CySSAP", `{"fr": "CEI", "nl": "IEC"}`).
    #[serde(default)]
    pub acronym: Option<Text>,
    /// What the entry is and does, in a few sentences.
    #[serde(default)]
    pub summary: Option<Text>,
    /// Who takes part.
    #[serde(default)]
    pub participants: Option<Text>,
    /// Who coordinates, chairs or organises it.
    #[serde(default)]
    pub coordination: Option<Text>,
    /// How often it meets or takes place.
    #[serde(default)]
    pub frequency: Option<Text>,
    /// What the CCB does in it.
    #[serde(default)]
    pub ccb_role: Option<Text>,
    /// The law or act it rests on.
    #[serde(default)]
    pub legal_basis: Option<Text>,
    /// Other entries of the tree this one is connected to, by id.
    #[serde(default)]
    pub related: Vec<Ref>,
    /// Organisations involved, by id.
    #[serde(default)]
    pub organisations: Vec<Ref>,
    /// Entries under this one.
    #[serde(default)]
    pub children: Vec<Node>,
}

/// One body (a service, an agency, an international organisation), named once.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Stable identifier, unique in the file (nodes and organisations together), kebab-case.
    pub id: String,
    /// Official name.
    pub name: Text,
    /// Official short form, localized where the body localizes it (`{"fr": "OTAN", "nl": "NAVO"}`).
    #[serde(default)]
    pub acronym: Option<Text>,
    /// The organisation this one belongs to, by id (a directorate in its ministry).
    #[serde(default)]
    pub part_of: Option<String>,
    /// A sentence on what the body is.
    #[serde(default)]
    pub summary: Option<Text>,
}

/// What sort of entry a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Kind {
    /// One of the top levels of the tree.
    Level,
    /// A network of peers.
    Network,
    /// A platform for consultation or exchange.
    Platform,
    /// A forum, group or working party.
    Forum,
    /// A body with its own mandate (a board, a commission).
    Body,
    /// A recurring event.
    Event,
    /// An exercise.
    Exercise,
    /// A service or system the CCB runs.
    Service,
    /// A function or mandate held by the CCB.
    Role,
    /// A channel through which positions are formed.
    Channel,
}

/// A reference to a node or an organisation, with an optional word on the relation.
///
/// Written either as a bare id (`"enisa"`) or as `(id: "enisa", role: {...})`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    /// The id referred to.
    pub id: String,
    /// How the two are related, seen from the entry that holds the reference.
    pub role: Option<Text>,
}

/// A text a person reads, in one or several languages.
///
/// Written either as one string, the same in every language (`"CySSAP"`), or as a map from
/// language code to text (`{"fr": "Réseaux nationaux", "nl": "Nationale netwerken"}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The same in every language.
    Same(String),
    /// One text per language, in the order written.
    Localized(Vec<(String, String)>),
}

impl Text {
    /// The text in `lang`, if it is written in that language (a [`Text::Same`] always is).
    #[must_use]
    pub fn get(&self, lang: &str) -> Option<&str> {
        match self {
            Text::Same(s) => Some(s),
            Text::Localized(v) => v.iter().find(|(l, _)| l == lang).map(|(_, s)| s.as_str()),
        }
    }

    /// Every (language, text) pair written; `None` as the language for a [`Text::Same`].
    pub fn entries(&self) -> impl Iterator<Item = (Option<&str>, &str)> + '_ {
        let (same, localized) = match self {
            Text::Same(s) => (Some((None, s.as_str())), &[][..]),
            Text::Localized(v) => (None, v.as_slice()),
        };
        same.into_iter().chain(localized.iter().map(|(l, s)| (Some(l.as_str()), s.as_str())))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text: a string, or a map from language code to string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Same(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::Same(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                // Room for two languages, the usual case, not the four a growing vector takes.
                let mut out: Vec<(String, String)> =
                    Vec::with_capacity(map.size_hint().unwrap_or(2).min(16));
                while let Some((lang, text)) = map.next_entry::<String, String>()? {
                    if out.iter().any(|(l, _)| *l == lang) {
                        return Err(de::Error::custom(format!(
                            "the language \"{lang}\" is written twice in this text"
                        )));
                    }
                    out.push((lang, text));
                }
                Ok(Text::Localized(out))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

impl<'de> Deserialize<'de> for Ref {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            id: String,
            #[serde(default)]
            role: Option<Text>,
        }
        struct RefVisitor;
        impl<'de> Visitor<'de> for RefVisitor {
            type Value = Ref;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id as a string, or (id: \"...\", role: ...)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Ref, E> {
                Ok(Ref { id: v.to_owned(), role: None })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Ref, A::Error> {
                let full = Full::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Ref { id: full.id, role: full.role })
            }
        }
        d.deserialize_any(RefVisitor)
    }
}
