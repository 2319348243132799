//! The map: the neighbourhood of one entry or organisation (the centre), as groups of
//! neighbours with the direction of each link. This module computes that neighbourhood from the
//! catalog; [`layout`] places it on a grid of cells, [`state`] moves in it and re-centres it,
//! [`draw`] paints a layout into a buffer. None of them does I/O.

pub mod draw;
pub mod layout;
pub mod state;

use std::collections::HashSet;

use crate::data::model::Target;
use crate::data::{Catalog, NodeIx};
use crate::names::{joined, node_title, org_title};
use crate::text::{one_line, sanitize};

/// How a neighbour is linked to the item it hangs from (the centre, or for the second ring the
/// neighbour it is reached through).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// The item names the neighbour (`related` or `organisations` of the item).
    Names,
    /// The neighbour names the item.
    NamedBy,
    /// The neighbour is above: the entry's parent, the organisation it belongs to.
    Up,
    /// The neighbour is below: an entry under it, an organisation that belongs to it.
    Down,
    /// Two organisations named by the same entries.
    Meets,
}

/// One neighbour of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Neighbour {
    /// What it is.
    pub item: Target,
    /// How it is linked to what it hangs from.
    pub dir: Dir,
    /// `1` for a neighbour of the centre, `2` for a neighbour of a neighbour.
    pub ring: u8,
}

/// What a group holds, which names it and what its "+N" says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    /// Entries under one level (the level's node).
    Level(NodeIx),
    /// Organisations.
    Organisations,
}

/// Neighbours of one kind, in the order they are shown; a second-ring neighbour (of any kind)
/// comes right after the first-ring one it is reached through, in that one's group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// What the group holds.
    pub kind: GroupKind,
    /// Its members.
    pub members: Vec<Neighbour>,
}

/// The neighbourhood of a centre: its groups, entries by level in the levels' order, then the
/// organisations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbourhood {
    /// The item in the middle.
    pub centre: Target,
    /// Its neighbours, grouped.
    pub groups: Vec<Group>,
}

/// A key for a set of items (`Target` itself is not hashable).
fn key(t: Target) -> (bool, usize) {
    match t {
        Target::Node(n) => (false, n),
        Target::Org(o) => (true, o),
    }
}

/// The direct neighbours of `item`, each once, in a fixed order: for an entry, the entry above,
/// those below, the related entries (those it names, then those naming it), its organisations;
/// for an organisation, the one it belongs to, those that belong to it, the entries that name
/// it, the organisations it meets.
#[must_use]
pub fn neighbours(catalog: &Catalog, item: Target) -> Vec<(Target, Dir)> {
    let mut out: Vec<(Target, Dir)> = Vec::new();
    // What is already in `out`: a hub has thousands of neighbours, too many to look through
    // for each one.
    let mut seen: HashSet<(bool, usize)> = HashSet::new();
    let mut push = |t: Target, d: Dir| {
        if t != item && seen.insert(key(t)) {
            out.push((t, d));
        }
    };
    match item {
        Target::Node(n) => {
            let Some(node) = catalog.nodes.get(n) else { return Vec::new() };
            if let Some(p) = node.parent {
                push(Target::Node(p), Dir::Up);
            }
            for &c in &node.children {
                push(Target::Node(c), Dir::Down);
            }
            for r in catalog.related_both(n) {
                push(Target::Node(r.target), if r.incoming { Dir::NamedBy } else { Dir::Names });
            }
            for l in &node.organisations {
                push(Target::Org(l.target), Dir::Names);
            }
        }
        Target::Org(o) => {
            let Some(org) = catalog.orgs.get(o) else { return Vec::new() };
            if let Some(p) = org.part_of {
                push(Target::Org(p), Dir::Up);
            }
            for (k, other) in catalog.orgs.iter().enumerate() {
                if other.part_of == Some(o) {
                    push(Target::Org(k), Dir::Down);
                }
            }
            for &n in &catalog.org_used_by[o] {
                push(Target::Node(n), Dir::NamedBy);
            }
            for m in crate::meets::meets(catalog, o) {
                push(Target::Org(m.other), Dir::Meets);
            }
        }
    }
    out
}

/// The level (top node) an entry is under, itself for a level.
fn level_of(catalog: &Catalog, mut n: NodeIx) -> NodeIx {
    while let Some(p) = catalog.nodes[n].parent {
        n = p;
    }
    n
}

impl Neighbourhood {
    /// The neighbourhood of `centre`; with `second_ring`, each neighbour followed by its own
    /// neighbours that are neither the centre nor already on the map.
    #[must_use]
    pub fn new(catalog: &Catalog, centre: Target, second_ring: bool) -> Self {
        let first = neighbours(catalog, centre);
        let mut seen: HashSet<(bool, usize)> = first.iter().map(|(t, _)| key(*t)).collect();
        seen.insert(key(centre));
        let mut groups: Vec<Group> = Vec::new();
        let add = |groups: &mut Vec<Group>, nb: Neighbour, via: Option<Target>| {
            // A second-ring neighbour goes in the group of the one it is reached through, after
            // it and after those already hanging from it.
            if let Some(v) = via {
                for g in groups.iter_mut() {
                    if let Some(i) = g.members.iter().position(|m| m.item == v) {
                        let mut j = i + 1;
                        while j < g.members.len() && g.members[j].ring == 2 {
                            j += 1;
                        }
                        g.members.insert(j, nb);
                        return;
                    }
                }
            }
            let kind = match nb.item {
                Target::Node(n) => GroupKind::Level(level_of(catalog, n)),
                Target::Org(_) => GroupKind::Organisations,
            };
            match groups.iter_mut().find(|g| g.kind == kind) {
                Some(g) => g.members.push(nb),
                None => groups.push(Group { kind, members: vec![nb] }),
            }
        };
        for &(item, dir) in &first {
            add(&mut groups, Neighbour { item, dir, ring: 1 }, None);
        }
        if second_ring {
            for &(via, _) in &first {
                for (item, dir) in neighbours(catalog, via) {
                    if !seen.insert(key(item)) {
                        continue;
                    }
                    add(&mut groups, Neighbour { item, dir, ring: 2 }, Some(via));
                }
            }
        }
        // Levels in the file's order, organisations last.
        groups.sort_by_key(|g| match g.kind {
            GroupKind::Level(n) => n,
            GroupKind::Organisations => usize::MAX,
        });
        Neighbourhood { centre, groups }
    }
}

/// The words of the map in one language.
#[derive(Debug)]
pub struct Words {
    /// The map's title.
    pub title: &'static str,
    /// Heading of the organisations group.
    pub organisations: &'static str,
    /// `+{}` and the noun for hidden entries.
    pub more_entries: &'static str,
    /// `+{}` and the noun for hidden organisations.
    pub more_orgs: &'static str,
    /// `+{}` for hidden neighbours of both kinds.
    pub more_mixed: &'static str,
    /// Said when the centre has no neighbour.
    pub alone: &'static str,
    /// What the arrows mean, at the foot of the map.
    pub legend: &'static str,
    /// Title of the list a "+N" row opens.
    pub list_title: &'static str,
    /// Shown when the area is too small for a map.
    pub too_small: &'static str,
    /// The footer's word for `Esc` while a list is open.
    pub close_list: &'static str,
    /// The heading of the entries of the level in the centre (its name is in the box).
    pub this_level: &'static str,
}

const FR: Words = Words {
    title: "Carte",
    organisations: "Organisations",
    more_entries: "+{} entrées",
    more_orgs: "+{} organisations",
    more_mixed: "+{} autres",
    alone: "Aucun lien.",
    legend: "A ─→ B\u{a0}: A cite B   ↑ au-dessus   ↓ en dessous   ↔ se rencontrent",
    list_title: "Liste",
    too_small: "Fenêtre trop petite pour la carte",
    close_list: "fermer la liste",
    this_level: "Dans ce niveau",
};

const NL: Words = Words {
    title: "Kaart",
    organisations: "Organisaties",
    more_entries: "+{} items",
    more_orgs: "+{} organisaties",
    more_mixed: "+{} andere",
    alone: "Geen verbanden.",
    legend: "A ─→ B: A vermeldt B   ↑ erboven   ↓ eronder   ↔ ontmoeten elkaar",
    list_title: "Lijst",
    too_small: "Venster te klein voor de kaart",
    close_list: "lijst sluiten",
    this_level: "In dit niveau",
};

const DE: Words = Words {
    title: "Karte",
    organisations: "Organisationen",
    more_entries: "+{} Einträge",
    more_orgs: "+{} Organisationen",
    more_mixed: "+{} weitere",
    alone: "Keine Verbindungen.",
    legend: "A ─→ B: A nennt B   ↑ darüber   ↓ darunter   ↔ treffen sich",
    list_title: "Liste",
    too_small: "Fenster zu klein für die Karte",
    close_list: "Liste schließen",
    this_level: "In dieser Ebene",
};

const EN: Words = Words {
    title: "Map",
    organisations: "Organisations",
    more_entries: "+{} entries",
    more_orgs: "+{} organisations",
    more_mixed: "+{} more",
    alone: "No links.",
    legend: "A ─→ B: A names B   ↑ above   ↓ below   ↔ meet",
    list_title: "List",
    too_small: "Window too small for the map",
    close_list: "close list",
    this_level: "In this level",
};

/// The map's words in `lang` (English for a language the program has no texts for).
#[must_use]
pub fn words(lang: &str) -> &'static Words {
    match lang.split(['-', '_']).next().unwrap_or(lang).to_ascii_lowercase().as_str() {
        "fr" => &FR,
        "nl" => &NL,
        "de" => &DE,
        _ => &EN,
    }
}

/// `ACR · name` of an item in `lang`, with its fallback marker; on one line, safe to draw.
#[must_use]
pub fn label(catalog: &Catalog, item: Target, lang: &str) -> String {
    let (marker, acr, name) = match item {
        Target::Node(n) => node_title(catalog, n, lang),
        Target::Org(o) => org_title(catalog, o, lang),
    };
    let s = format!("{}{}", marker.unwrap_or_default(), joined(acr.as_deref(), &name));
    one_line(&sanitize(&s)).into_owned()
}

/// A group's heading in `lang`: the level's acronym or name, or "Organisations".
#[must_use]
pub fn group_title(catalog: &Catalog, kind: GroupKind, lang: &str) -> String {
    match kind {
        GroupKind::Level(n) => {
            let (marker, acr, name) = node_title(catalog, n, lang);
            let s = format!("{}{}", marker.unwrap_or_default(), acr.unwrap_or(name));
            one_line(&sanitize(&s)).into_owned()
        }
        GroupKind::Organisations => words(lang).organisations.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_embedded;

    fn shipped() -> Catalog {
        load_embedded().expect("the shipped data").catalog
    }

    #[test]
    fn enisa_has_its_entries_and_the_bodies_it_meets() {
        let c = shipped();
        let enisa = Target::Org(c.org_by_id("enisa").expect("enisa"));
        let hood = Neighbourhood::new(&c, enisa, false);
        let all: Vec<Neighbour> = hood.groups.iter().flat_map(|g| g.members.clone()).collect();
        let ce = Target::Node(c.node_by_id("cyber-europe").expect("cyber-europe"));
        let ccb = Target::Org(c.org_by_id("ccb").expect("ccb"));
        assert!(all.contains(&Neighbour { item: ce, dir: Dir::NamedBy, ring: 1 }));
        assert!(all.contains(&Neighbour { item: ccb, dir: Dir::Meets, ring: 1 }));
        assert_eq!(hood.groups.last().map(|g| g.kind), Some(GroupKind::Organisations));
        // Each item once.
        for (i, a) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|b| b.item != a.item), "{a:?} twice");
        }
    }

    #[test]
    fn entries_are_grouped_by_their_level_in_the_files_order() {
        let c = shipped();
        let ccb = Target::Org(c.org_by_id("ccb").expect("ccb"));
        let hood = Neighbourhood::new(&c, ccb, false);
        let levels: Vec<NodeIx> = hood
            .groups
            .iter()
            .filter_map(|g| match g.kind {
                GroupKind::Level(n) => Some(n),
                GroupKind::Organisations => None,
            })
            .collect();
        assert!(levels.windows(2).all(|w| w[0] < w[1]), "{levels:?}");
        for g in &hood.groups {
            for m in &g.members {
                if let (GroupKind::Level(l), Target::Node(n)) = (g.kind, m.item) {
                    assert_eq!(level_of(&c, n), l);
                }
            }
        }
    }

    #[test]
    fn the_second_ring_follows_its_first_ring_neighbour_and_repeats_nothing() {
        let c = shipped();
        let ce = Target::Node(c.node_by_id("cyber-europe").expect("cyber-europe"));
        let one = Neighbourhood::new(&c, ce, false);
        let two = Neighbourhood::new(&c, ce, true);
        let count = |h: &Neighbourhood| h.groups.iter().map(|g| g.members.len()).sum::<usize>();
        assert!(count(&two) > count(&one));
        let all: Vec<Neighbour> = two.groups.iter().flat_map(|g| g.members.clone()).collect();
        assert!(all.iter().all(|m| m.item != ce));
        for (i, a) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|b| b.item != a.item), "{a:?} twice");
        }
        let first: Vec<Target> =
            one.groups.iter().flat_map(|g| g.members.iter().map(|m| m.item)).collect();
        assert!(all.iter().filter(|m| m.ring == 1).all(|m| first.contains(&m.item)));
    }
}
