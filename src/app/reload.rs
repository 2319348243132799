//! Live reload: a new version of the data file takes the place of the old one, keeping what the
//! person had (selection by id, expanded entries, language, view, search); a version that does
//! not load keeps the last good data and says why in a banner.

use super::App;
use crate::data::Catalog;
use crate::data::model::Target;
use crate::search::Index;
use crate::tree::{Expansion, Item};

/// An item named by id, to find again in another version of the data.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Named {
    Node(String),
    Org(String),
    Use(String, String),
}

impl App {
    /// Takes a freshly loaded version of the data file (`Ok`), or the message of one that did
    /// not load (`Err`: the last good data stays, the banner says why).
    pub fn reload(&mut self, result: Result<Catalog, String>) {
        let catalog = match result {
            Ok(c) => c,
            Err(message) => {
                self.banner = Some(message);
                // An open list of problems shows the new ones, scrolled no further than they go.
                if self.overlay == Some(super::Overlay::Problems) {
                    self.help_scroll = self.help_scroll.min(self.overlay_range().1);
                }
                // The banner takes a line from the panes: the selection stays on screen.
                self.settle();
                return;
            }
        };
        self.banner = None;
        if self.overlay == Some(super::Overlay::Problems) {
            self.overlay = None;
        }
        let c = &self.catalog;
        let selected = self.name(self.selected());
        let open_nodes: Vec<String> = (0..c.nodes.len())
            .filter(|&n| self.expansion.nodes[n])
            .map(|n| c.nodes[n].id.clone())
            .collect();
        let open_orgs: Vec<String> = (0..c.orgs.len())
            .filter(|&o| self.expansion.orgs[o])
            .map(|o| c.orgs[o].id.clone())
            .collect();
        let other = self.other_view_item.map(|i| self.name(i));
        let search = self.search.take().map(|s| (s.query, s.caret, s.typing));
        let centre = self.map().map(|m| match m.centre {
            Target::Node(n) => Named::Node(c.nodes[n].id.clone()),
            Target::Org(o) => Named::Org(c.orgs[o].id.clone()),
        });

        self.index = Index::new(&catalog);
        if catalog.languages.contains(&self.chosen_lang) {
            self.lang.clone_from(&self.chosen_lang);
        } else if !catalog.languages.contains(&self.lang) {
            self.lang = catalog.languages[0].clone();
        }
        let mut expansion = Expansion {
            nodes: vec![false; catalog.nodes.len()],
            orgs: vec![false; catalog.orgs.len()],
        };
        for id in &open_nodes {
            if let Some(n) = catalog.node_by_id(id) {
                expansion.nodes[n] = true;
            }
        }
        for id in &open_orgs {
            if let Some(o) = catalog.org_by_id(id) {
                expansion.orgs[o] = true;
            }
        }
        self.catalog = catalog;
        self.generation += 1;
        self.expansion = expansion;
        // Places in the history point into the old data.
        self.back.clear();
        self.forward.clear();
        self.other_view_item = other.and_then(|n| self.find(&n));
        self.cursor = 0;
        self.rebuild_rows();
        if let Some(item) = self.find(&selected) {
            self.select_item(item);
        }
        if let Some((query, caret, typing)) = search {
            let keep = self.selected();
            self.open_search();
            if let Some(s) = self.search.as_mut() {
                s.query = query;
                s.caret = caret;
                s.typing = typing;
            }
            self.rerun_search(Some(keep));
        }
        let centre = centre.and_then(|n| match self.find(&n)? {
            Item::Node(n) => Some(Target::Node(n)),
            Item::Org(o) => Some(Target::Org(o)),
            Item::Use(..) => None,
        });
        self.remap(centre);
        self.settle();
    }

    fn name(&self, item: Item) -> Named {
        let c = &self.catalog;
        match item {
            Item::Node(n) => Named::Node(c.nodes[n].id.clone()),
            Item::Org(o) => Named::Org(c.orgs[o].id.clone()),
            Item::Use(o, n) => Named::Use(c.orgs[o].id.clone(), c.nodes[n].id.clone()),
        }
    }

    fn find(&self, named: &Named) -> Option<Item> {
        let c = &self.catalog;
        match named {
            Named::Node(id) => c.node_by_id(id).map(Item::Node),
            Named::Org(id) => c.org_by_id(id).map(Item::Org),
            Named::Use(o, n) => Some(Item::Use(c.org_by_id(o)?, c.node_by_id(n)?)),
        }
    }
}
