//! The items of the left pane in its two views (by level, by organisation), how they hang
//! together, and which of them are rows for a given expansion or search.

use crate::data::{Catalog, NodeIx, OrgIx};

/// What the left pane lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// The levels and their entries, as in the data file.
    Levels,
    /// Every organisation, with the entries it appears in.
    Organisations,
}

/// One row of the left pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// An entry of the tree of levels.
    Node(NodeIx),
    /// An organisation.
    Org(OrgIx),
    /// An entry listed under an organisation it names (organisations view).
    Use(OrgIx, NodeIx),
}

/// Which items are expanded, in both views.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    /// Per node.
    pub nodes: Vec<bool>,
    /// Per organisation.
    pub orgs: Vec<bool>,
}

impl Expansion {
    /// Every level expanded, every organisation collapsed.
    #[must_use]
    pub fn initial(c: &Catalog) -> Self {
        let mut nodes = vec![false; c.nodes.len()];
        for &r in &c.roots {
            nodes[r] = true;
        }
        Expansion { nodes, orgs: vec![false; c.orgs.len()] }
    }

    /// Whether `item` shows its children.
    #[must_use]
    pub fn is_open(&self, item: Item) -> bool {
        match item {
            Item::Node(n) => self.nodes[n],
            Item::Org(o) => self.orgs[o],
            Item::Use(..) => false,
        }
    }

    /// Opens or closes `item`.
    pub fn set(&mut self, item: Item, open: bool) {
        match item {
            Item::Node(n) => self.nodes[n] = open,
            Item::Org(o) => self.orgs[o] = open,
            Item::Use(..) => {}
        }
    }
}

impl Item {
    /// The entry this item shows, if it shows one.
    #[must_use]
    pub fn node(self) -> Option<NodeIx> {
        match self {
            Item::Node(n) | Item::Use(_, n) => Some(n),
            Item::Org(_) => None,
        }
    }

    /// Its number in the search index: nodes first, then organisations.
    #[must_use]
    pub fn search_key(self, c: &Catalog) -> usize {
        match self {
            Item::Node(n) | Item::Use(_, n) => n,
            Item::Org(o) => c.nodes.len() + o,
        }
    }

    /// The item above it in its view.
    #[must_use]
    pub fn parent(self, c: &Catalog) -> Option<Item> {
        match self {
            Item::Node(n) => c.parent(n).map(Item::Node),
            Item::Org(_) => None,
            Item::Use(o, _) => Some(Item::Org(o)),
        }
    }

    /// How deep it is in its view, 0 at the top.
    #[must_use]
    pub fn depth(self, c: &Catalog) -> usize {
        match self {
            Item::Node(n) => c.nodes[n].depth,
            Item::Org(_) => 0,
            Item::Use(..) => 1,
        }
    }

    /// The items below it.
    #[must_use]
    pub fn children(self, c: &Catalog) -> Vec<Item> {
        match self {
            Item::Node(n) => c.nodes[n].children.iter().map(|&k| Item::Node(k)).collect(),
            Item::Org(o) => c.org_used_by[o].iter().map(|&n| Item::Use(o, n)).collect(),
            Item::Use(..) => Vec::new(),
        }
    }

    /// Whether it has items below it.
    #[must_use]
    pub fn has_children(self, c: &Catalog) -> bool {
        match self {
            Item::Node(n) => !c.nodes[n].children.is_empty(),
            Item::Org(o) => !c.org_used_by[o].is_empty(),
            Item::Use(..) => false,
        }
    }

    /// Whether it belongs to `view`.
    #[must_use]
    pub fn in_view(self, view: View) -> bool {
        matches!(
            (self, view),
            (Item::Node(_), View::Levels) | (Item::Org(_) | Item::Use(..), View::Organisations)
        )
    }
}

/// The top items of `view`.
#[must_use]
pub fn roots(c: &Catalog, view: View) -> Vec<Item> {
    match view {
        View::Levels => c.roots.iter().map(|&r| Item::Node(r)).collect(),
        View::Organisations => (0..c.orgs.len()).map(Item::Org).collect(),
    }
}

/// The rows of `view` with the items of `exp` expanded.
#[must_use]
pub fn rows(c: &Catalog, view: View, exp: &Expansion) -> Vec<Item> {
    let mut rows = Vec::new();
    let mut stack: Vec<Item> = roots(c, view).into_iter().rev().collect();
    while let Some(item) = stack.pop() {
        rows.push(item);
        if exp.is_open(item) {
            // The children straight onto the stack, without a vector each.
            match item {
                Item::Node(n) => {
                    stack.extend(c.nodes[n].children.iter().rev().map(|&k| Item::Node(k)));
                }
                Item::Org(o) => {
                    stack.extend(c.org_used_by[o].iter().rev().map(|&n| Item::Use(o, n)));
                }
                Item::Use(..) => {}
            }
        }
    }
    rows
}

/// The rows of `view` that a search shows: the items whose search key is `matched`, and their
/// ancestors.
#[must_use]
pub fn filtered_rows(c: &Catalog, view: View, matched: &[bool]) -> Vec<Item> {
    match view {
        View::Levels => {
            let mut shown: Vec<bool> = matched[..c.nodes.len()].to_vec();
            for n in (0..c.nodes.len()).rev() {
                if shown[n]
                    && let Some(p) = c.parent(n)
                {
                    shown[p] = true;
                }
            }
            // Nodes are stored in pre-order, which is the order of the rows.
            let mut rows = Vec::with_capacity(shown.iter().filter(|&&s| s).count());
            rows.extend((0..c.nodes.len()).filter(|&n| shown[n]).map(Item::Node));
            rows
        }
        View::Organisations => {
            let mut rows = Vec::new();
            for o in 0..c.orgs.len() {
                let uses: Vec<Item> = c.org_used_by[o]
                    .iter()
                    .filter(|&&n| matched[n])
                    .map(|&n| Item::Use(o, n))
                    .collect();
                if matched[c.nodes.len() + o] || !uses.is_empty() {
                    rows.push(Item::Org(o));
                    rows.extend(uses);
                }
            }
            rows
        }
    }
}

/// The title of a node's row in the tree: its short name when the data gives one (so that
/// siblings with long, similar names stay apart when the pane cuts them), else its acronym and
/// name: (fallback marker, acronym, name).
#[must_use]
pub fn node_row_title(
    c: &Catalog,
    n: NodeIx,
    lang: &str,
) -> (Option<String>, Option<String>, String) {
    match &c.nodes[n].short {
        Some(short) => {
            let (marker, text) = crate::names::pick_line(c, short, lang);
            (marker, None, text)
        }
        None => crate::names::node_title(c, n, lang),
    }
}
