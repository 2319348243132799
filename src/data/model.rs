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
    /// What has changed since the source page, dated; never from the page, so it names its source.
    Since,
}

/// Where a text comes from, when it is named: `(title: ..., url: ..., consulted: ...)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// What the source is called.
    pub title: Text,
    /// Its address.
    pub url: Option<String>,
    /// The date it was consulted, as written.
    pub consulted: Option<String>,
    /// The fact it is the source of; `None`: of the whole entry or organisation.
    pub fact: Option<Fact>,
}

/// A resolved reference: its target and the word on the relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link<T> {
    /// Index of the target.
    pub target: T,
    /// How the two are related, read from the side that wrote the reference.
    pub role: Option<Text>,
    /// How the two are related, read from the other side (`back` in the file); the other side
    /// shows no role without it.
    pub back: Option<Text>,
}

/// One entry of the tree.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// Stable id from the file.
    pub id: String,
    /// What sort of entry it is.
    pub kind: Option<Kind>,
    /// Full name.
    pub name: Text,
    /// A short name for the tree, where the full name is long.
    pub short: Option<Text>,
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
    /// The sources it names, for itself or for one of its facts.
    pub sources: Vec<Source>,
    /// Whether no official source was found for its name.
    pub unverified: bool,
    /// The node above, if any.
    pub parent: Option<NodeIx>,
    /// The nodes below, in file order.
    pub children: Vec<NodeIx>,
    /// 0 for a top node.
    pub depth: usize,
}

impl Entry {
    /// An entry with nothing read yet, below `parent`.
    #[must_use]
    pub fn blank(parent: Option<NodeIx>, depth: usize) -> Self {
        Entry { parent, depth, ..Entry::default() }
    }
}

/// One organisation.
#[derive(Debug, Clone, Default)]
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
    /// The sources it names.
    pub sources: Vec<Source>,
    /// Whether no official source was found for its name.
    pub unverified: bool,
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A node of the tree.
    Node(NodeIx),
    /// An organisation.
    Org(OrgIx),
}

/// Ids to the nodes and organisations they name: a hash table of their numbers and of the
/// hashes of their ids, 8 bytes a slot, the ids themselves staying in the entries (a map of
/// owned ids took five times the room). With the hash in the slot, an id is read back only
/// when its hash is the one looked for: growing the table and looking for an id that is not
/// there read no entry at all.
#[derive(Debug, Clone, Default)]
pub struct IdIndex {
    /// `0` for an empty slot, else the id's hash in the high half, and in the low half a
    /// node's number plus one, or an organisation's plus one with the top bit set.
    slots: Vec<u64>,
    /// How many slots are taken.
    len: usize,
}

const ORG_BIT: u32 = 1 << 31;

impl IdIndex {
    /// Adds `t`, whose id `id_of` gives (as for every target already in); when its id is
    /// already there, leaves the index as it is and returns what the id names.
    pub fn insert<'a>(&mut self, t: Target, id_of: impl Fn(Target) -> &'a str) -> Option<Target> {
        if self.len * 2 >= self.slots.len() {
            // At most half full, so that lookups stay short.
            let mut grown = vec![0; (self.slots.len() * 2).max(16)];
            let mask = grown.len() - 1;
            for slot in self.slots.iter().copied().filter(|&s| s != 0) {
                let mut at = (slot >> 32) as usize & mask;
                while grown[at] != 0 {
                    at = (at + 1) & mask;
                }
                grown[at] = slot;
            }
            self.slots = grown;
        }
        let code = match t {
            Target::Node(i) => u32::try_from(i + 1).unwrap_or(u32::MAX) & !ORG_BIT,
            Target::Org(i) => u32::try_from(i + 1).unwrap_or(u32::MAX) | ORG_BIT,
        };
        let id = id_of(t);
        let h = hash(id);
        let at = match self.probe(id, h, &id_of) {
            Ok(first) => return Some(first),
            Err(at) => at,
        };
        self.slots[at] = u64::from(h) << 32 | u64::from(code);
        self.len += 1;
        None
    }

    /// What `id` names, `id_of` giving the id of a target.
    pub fn find<'a>(&self, id: &str, id_of: impl Fn(Target) -> &'a str) -> Option<Target> {
        if self.slots.is_empty() { None } else { self.probe(id, hash(id), &id_of).ok() }
    }

    /// What `id` (of hash `h`) names, or the empty slot where it would go.
    fn probe<'a>(
        &self,
        id: &str,
        h: u32,
        id_of: &impl Fn(Target) -> &'a str,
    ) -> Result<Target, usize> {
        let mask = self.slots.len() - 1;
        let mut at = h as usize & mask;
        loop {
            match self.slots[at] {
                0 => return Err(at),
                s if (s >> 32) as u32 == h && id_of(decode(s as u32)) == id => {
                    return Ok(decode(s as u32));
                }
                _ => at = (at + 1) & mask,
            }
        }
    }
}

fn decode(code: u32) -> Target {
    let n = (code & !ORG_BIT) as usize - 1;
    if code & ORG_BIT == 0 { Target::Node(n) } else { Target::Org(n) }
}

/// A quick hash of an id (FNV-1a, folded to 32 bits): ids are short, and they come from the
/// file's author, who has nothing to gain from slowing down their own file.
fn hash(id: &str) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in id.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (h ^ (h >> 32)) as u32
}

/// A list of nodes for each of a number of items (nodes or organisations), all in one vector:
/// `lists[i]` is the list of item `i`, in order, each node once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    nodes: Vec<NodeIx>,
    /// Where each item's list starts in `nodes`; one more entry at the end.
    starts: Vec<usize>,
}

impl Lists {
    /// The lists of `items` items: `pairs` calls the function it is given with each (item,
    /// node) pair, in order; a node given for the same item twice in a row is kept once. It is
    /// called twice: to count, then to fill.
    pub fn build(items: usize, pairs: impl Fn(&mut dyn FnMut(usize, NodeIx))) -> Self {
        // The last node counted for each item, so that a repeat is not counted.
        let mut last = vec![usize::MAX; items];
        let mut starts = vec![0usize; items + 1];
        pairs(&mut |item, node| {
            if last[item] != node {
                last[item] = node;
                starts[item + 1] += 1;
            }
        });
        for i in 0..items {
            starts[i + 1] += starts[i];
        }
        let mut nodes = vec![0; starts[items]];
        let mut next = starts.clone();
        last.fill(usize::MAX);
        pairs(&mut |item, node| {
            if last[item] != node {
                last[item] = node;
                nodes[next[item]] = node;
                next[item] += 1;
            }
        });
        Lists { nodes, starts }
    }

    /// The list of item `i`, if there is such an item.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<&[NodeIx]> {
        Some(&self.nodes[*self.starts.get(i)?..*self.starts.get(i + 1)?])
    }

    /// How many items have a list.
    #[must_use]
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether there is no item.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl std::ops::Index<usize> for Lists {
    type Output = [NodeIx];

    fn index(&self, i: usize) -> &[NodeIx] {
        &self.nodes[self.starts[i]..self.starts[i + 1]]
    }
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
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Declared languages, in order.
    pub languages: Vec<String>,
    /// Title for the header.
    pub title: Text,
    /// Where the content comes from.
    pub source_note: Text,
    /// Which date it reflects.
    pub as_of: Text,
    /// The source of everything that names no other: its title, address and date consulted.
    pub page: Source,
    /// Every node, in file order (pre-order: a node comes before its children).
    pub nodes: Vec<Entry>,
    /// The top nodes.
    pub roots: Vec<NodeIx>,
    /// Every organisation, in file order.
    pub orgs: Vec<Org>,
    /// Ids to what they name.
    pub index: IdIndex,
    /// For each node, the nodes whose `related` names it.
    pub referred_by: Lists,
    /// For each organisation, the nodes whose `organisations` names it.
    pub org_used_by: Lists,
    /// Each node's parent ([`NO_PARENT`] for a top node): derived from [`Entry::parent`] once
    /// the nodes are read ([`Catalog::derive_parents`]), so that walking up many nodes reads
    /// 4 bytes a node, not a whole entry.
    parents: Vec<u32>,
}

/// [`Catalog::parents`] of a top node.
const NO_PARENT: u32 = u32::MAX;

impl Catalog {
    /// `text` in `lang`, or else in the next declared language that has it (marked as a
    /// fallback). Never fails: an empty map shows as an empty text.
    #[must_use]
    pub fn pick<'a>(&'a self, text: &'a Text, lang: &str) -> Shown<'a> {
        let Text::Localized(v) = text else {
            return Shown { text: text.get(lang).unwrap_or(""), fallback: None };
        };
        let start = self.languages.iter().position(|l| l == lang).unwrap_or(0);
        let n = self.languages.len();
        let order = (0..n).map(|k| self.languages[(start + k) % n].as_str());
        std::iter::once(lang)
            .chain(order)
            .find_map(|l| v.iter().find(|&(c, _)| c == l))
            .or_else(|| v.iter().next())
            .map_or(Shown { text: "", fallback: None }, |(code, s)| Shown {
                text: s,
                fallback: (code != lang).then_some(code),
            })
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
        if let Some(Target::Node(i)) = self.target(id) { Some(i) } else { None }
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
        if let Some(Target::Org(i)) = self.target(id) { Some(i) } else { None }
    }

    /// Makes the table of parents from the nodes' [`Entry::parent`]: once they are all read.
    pub(super) fn derive_parents(&mut self) {
        self.parents = self
            .nodes
            .iter()
            .map(|n| n.parent.and_then(|p| u32::try_from(p).ok()).unwrap_or(NO_PARENT))
            .collect();
    }

    /// The node above `ix`, if any (as [`Entry::parent`], from the compact table).
    #[must_use]
    pub fn parent(&self, ix: NodeIx) -> Option<NodeIx> {
        match self.parents.get(ix) {
            Some(&NO_PARENT) => None,
            Some(&p) => Some(p as NodeIx),
            // Not derived (a catalog not made by the reader): the entry itself.
            None => self.nodes[ix].parent,
        }
    }

    /// The chain of nodes from the top down to `ix`, `ix` included.
    #[must_use]
    pub fn ancestry(&self, ix: NodeIx) -> Vec<NodeIx> {
        let mut chain: Vec<NodeIx> = std::iter::successors(Some(ix), |&c| self.parent(c)).collect();
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
            // The writer's words read from this side: its `back`, or nothing.
            let role = self.nodes[from]
                .related
                .iter()
                .find(|l| l.target == ix)
                .and_then(|l| l.back.as_ref());
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
    /// The word on the relation, read from the side that lists it.
    pub role: Option<&'a Text>,
    /// Whether the other node is the one that wrote the reference.
    pub incoming: bool,
}

#[cfg(test)]
mod tests {
    use super::{IdIndex, Lists, Target};

    #[test]
    fn lists_hold_each_item_its_nodes_in_order_a_repeat_once() {
        let pairs = [(2, 0), (0, 1), (2, 1), (2, 1), (0, 3), (2, 3)];
        let lists = Lists::build(4, |each| pairs.iter().for_each(|&(item, node)| each(item, node)));
        assert_eq!(lists.len(), 4);
        assert_eq!(&lists[0], &[1, 3]);
        assert!(lists[1].is_empty());
        assert_eq!(&lists[2], &[0, 1, 3]);
        assert!(lists[3].is_empty());
        assert_eq!(lists.get(4), None);
    }

    #[test]
    fn the_index_finds_every_id_through_its_growth_and_refuses_one_twice() {
        let ids: Vec<String> = (0..5000).map(|i| format!("n-{i}")).collect();
        let id_of = |t: Target| match t {
            Target::Node(i) | Target::Org(i) => ids[i % ids.len()].as_str(),
        };
        let mut index = IdIndex::default();
        for i in 0..ids.len() {
            assert_eq!(index.insert(Target::Node(i), id_of), None);
        }
        // The same id again, under another number, names the first.
        assert_eq!(index.insert(Target::Org(ids.len() + 7), id_of), Some(Target::Node(7)));
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(index.find(id, id_of), Some(Target::Node(i)));
        }
        assert_eq!(index.find("n-5000", id_of), None);
    }
}
