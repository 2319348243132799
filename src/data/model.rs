//! The loaded data set in the form the explorer reads: nodes in a flat array in file order
//! (pre-order), organisations beside them, references resolved to indices, and the reverse
//! links computed once.

use super::schema::{Kind, Text};

/// Index of a node in [`Catalog::nodes`].
pub type NodeIx = usize;
/// Index of an organisation in [`Catalog::orgs`].
pub type OrgIx = usize;

/// The structured facts a node may carry, in the order the detail pane shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fact {
    /// Who takes part.
    Participants,
    /// Who coordinates, chairs or organises it.
    Coordination,
    /// How often it meets.
    Frequency,
    /// What the CCB does in it.
    CcbRole,
    /// The law it rests on.
    LegalBasis,
}

/// A resolved reference: its target and the word on the relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link<T> {
    /// Index of the target.
    pub target: T,
    /// How the two are related, seen from the side that wrote the reference.
    pub role: Option<Text>,
}

/// One entry of the tree.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Stable id from the file.
    pub id: String,
    /// What sort of entry it is.
    pub kind: Option<Kind>,
    /// Full name.
    pub name: Text,
    /// Short form.
    pub acronym: Option<Text>,
    /// What it is and does.
    pub summary: Option<Text>,
    /// Structured facts, in [`Fact`] order.
    pub facts: Vec<(Fact, Text)>,
    /// Nodes this entry refers to.
    pub related: Vec<Link<NodeIx>>,
    /// Organisations this entry refers to.
    pub organisations: Vec<Link<OrgIx>>,
    /// The node above, if any.
    pub parent: Option<NodeIx>,
    /// The nodes below, in file order.
    pub children: Vec<NodeIx>,
    /// 0 for a top node.
    pub depth: usize,
}

/// One organisation.
#[derive(Debug, Clone)]
pub struct Org {
    /// Stable id from the file.
    pub id: String,
    /// Official name.
    pub name: Text,
    /// Official short form.
    pub acronym: Option<Text>,
    /// The organisation it belongs to.
    pub part_of: Option<OrgIx>,
    /// A sentence on what it is.
    pub summary: Option<Text>,
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A node of the tree.
    Node(NodeIx),
    /// An organisation.
    Org(OrgIx),
}

/// Ids to the nodes and organisations they name: a hash table of their numbers only, 4 bytes a
/// slot, the ids themselves staying in the entries (a map of owned ids took five times the
/// room).
#[derive(Debug, Clone, Default)]
pub struct IdIndex {
    /// `0` for an empty slot, else a node's number plus one, or an organisation's plus one with
    /// the top bit set.
    slots: Vec<u32>,
}

const ORG_BIT: u32 = 1 << 31;

impl IdIndex {
    /// An index of `targets`, whose ids `id_of` gives; for an id given twice, the first.
    #[must_use]
    pub fn new<'a>(targets: &[Target], id_of: impl Fn(Target) -> &'a str) -> Self {
        // At most half full, so that lookups stay short.
        let len = (targets.len() * 2).next_power_of_two().max(16);
        let mut ix = IdIndex { slots: vec![0; len] };
        for &t in targets {
            let code = match t {
                Target::Node(i) => u32::try_from(i + 1).unwrap_or(u32::MAX) & !ORG_BIT,
                Target::Org(i) => u32::try_from(i + 1).unwrap_or(u32::MAX) | ORG_BIT,
            };
            let id = id_of(t);
            let mask = ix.slots.len() - 1;
            let mut at = hash(id) & mask;
            loop {
                match ix.slots[at] {
                    0 => {
                        ix.slots[at] = code;
                        break;
                    }
                    c if id_of(decode(c)) == id => break,
                    _ => at = (at + 1) & mask,
                }
            }
        }
        ix
    }

    /// What `id` names, `id_of` giving the id of a target.
    pub fn find<'a>(&self, id: &str, id_of: impl Fn(Target) -> &'a str) -> Option<Target> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = hash(id) & mask;
        loop {
            match self.slots[at] {
                0 => return None,
                c if id_of(decode(c)) == id => return Some(decode(c)),
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// A map keyed by ids, hashed with FNV-1a: ids are short, and they come from the file's author,
/// who has nothing to gain from slowing down their own file.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// The FNV-1a hash.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn decode(code: u32) -> Target {
    let n = (code & !ORG_BIT) as usize - 1;
    if code & ORG_BIT == 0 { Target::Node(n) } else { Target::Org(n) }
}

/// A quick hash of an id (FNV-1a, see [`Fnv`]).
fn hash(id: &str) -> usize {
    use std::hash::Hasher;
    let mut h = Fnv::default();
    h.write(id.as_bytes());
    let h = h.finish();
    (h ^ (h >> 32)) as usize
}

/// A text as shown in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    /// The text.
    pub text: &'a str,
    /// The language it is in, when that is not the one asked for (a fallback).
    pub fallback: Option<&'a str>,
}

/// The whole data set, validated and indexed.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Declared languages, in order.
    pub languages: Vec<String>,
    /// Title for the header.
    pub title: Text,
    /// Where the content comes from.
    pub source_note: Text,
    /// Which date it reflects.
    pub as_of: Text,
    /// Address of the source.
    pub url: Option<String>,
    /// Every node, in file order (pre-order: a node comes before its children).
    pub nodes: Vec<Entry>,
    /// The top nodes.
    pub roots: Vec<NodeIx>,
    /// Every organisation, in file order.
    pub orgs: Vec<Org>,
    /// Ids to what they name.
    pub index: IdIndex,
    /// For each node, the nodes whose `related` names it.
    pub referred_by: Vec<Vec<NodeIx>>,
    /// For each organisation, the nodes whose `organisations` names it.
    pub org_used_by: Vec<Vec<NodeIx>>,
}

impl Catalog {
    /// `text` in `lang`, or else in the next declared language that has it (marked as a
    /// fallback). Never fails: an empty map shows as an empty text.
    #[must_use]
    pub fn pick<'a>(&'a self, text: &'a Text, lang: &str) -> Shown<'a> {
        match text {
            Text::Same(s) => Shown { text: s, fallback: None },
            Text::Localized(v) => {
                if let Some((_, s)) = v.iter().find(|(l, _)| l == lang) {
                    return Shown { text: s, fallback: None };
                }
                let start = self.languages.iter().position(|l| l == lang).unwrap_or(0);
                let n = self.languages.len();
                for k in 0..n {
                    let l = &self.languages[(start + k) % n];
                    if let Some((code, s)) = v.iter().find(|(c, _)| c == l) {
                        return Shown { text: s, fallback: Some(code) };
                    }
                }
                v.first().map_or(Shown { text: "", fallback: None }, |(code, s)| Shown {
                    text: s,
                    fallback: Some(code),
                })
            }
        }
    }

    /// The language after `lang` in the declared order, wrapping.
    #[must_use]
    pub fn next_language(&self, lang: &str) -> &str {
        let i = self.languages.iter().position(|l| l == lang).map_or(0, |i| i + 1);
        &self.languages[i % self.languages.len()]
    }

    /// The node with this id.
    #[must_use]
    pub fn node_by_id(&self, id: &str) -> Option<NodeIx> {
        match self.target(id) {
            Some(Target::Node(i)) => Some(i),
            _ => None,
        }
    }

    /// What `id` names.
    #[must_use]
    pub fn target(&self, id: &str) -> Option<Target> {
        self.index.find(id, |t| match t {
            Target::Node(i) => &self.nodes[i].id,
            Target::Org(i) => &self.orgs[i].id,
        })
    }

    /// The organisation with this id.
    #[must_use]
    pub fn org_by_id(&self, id: &str) -> Option<OrgIx> {
        match self.target(id) {
            Some(Target::Org(i)) => Some(i),
            _ => None,
        }
    }

    /// The chain of nodes from the top down to `ix`, `ix` included.
    #[must_use]
    pub fn ancestry(&self, ix: NodeIx) -> Vec<NodeIx> {
        let mut chain = vec![ix];
        let mut cur = ix;
        while let Some(p) = self.nodes[cur].parent {
            chain.push(p);
            cur = p;
        }
        chain.reverse();
        chain
    }

    /// The related nodes of `ix` on both sides: those it names, then those that name it (with
    /// the role they wrote, marked as incoming), each once.
    #[must_use]
    pub fn related_both(&self, ix: NodeIx) -> Vec<Related<'_>> {
        let mut out: Vec<Related<'_>> = self.nodes[ix]
            .related
            .iter()
            .map(|l| Related { target: l.target, role: l.role.as_ref(), incoming: false })
            .collect();
        for &from in &self.referred_by[ix] {
            if out.iter().any(|r| r.target == from) {
                continue;
            }
            let role = self.nodes[from]
                .related
                .iter()
                .find(|l| l.target == ix)
                .and_then(|l| l.role.as_ref());
            out.push(Related { target: from, role, incoming: true });
        }
        out
    }
}

/// A related node as the detail pane lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Related<'a> {
    /// The other node.
    pub target: NodeIx,
    /// The word on the relation, as its writer put it.
    pub role: Option<&'a Text>,
    /// Whether the other node is the one that wrote the reference.
    pub incoming: bool,
}
