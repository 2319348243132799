//! Live reload: a new version of the data file takes the place of the old one, keeping what the
//! person had (selection by id, expanded entries, language, view, search); a version that does
//! not load keeps the last good data and says why in a banner.

use super::App;
use crate::data::Catalog;
use crate::data::model::Target;
use crate::tree::{Expansion, Item};

/// An item named by id, to find again in another version of the data.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Named {
    Node(String),
    Org(String),
    Use(String, String),
}

/// What the person had, named by ids, to find again in the new data (the search is kept by
/// its text, which needs no data).
struct Kept {
    selected: Named,
    open_nodes: Vec<String>,
    open_orgs: Vec<String>,
    other: Option<Named>,
    centre: Option<Named>,
}

impl App {
    /// Takes a freshly loaded version of the data file (`Ok`), or the message of one that did
    /// not load (`Err`: the last good data stays, the banner says why).
    pub fn reload(&mut self, result: Result<Catalog, String>) {
        match result {
            Ok(catalog) => {
                let kept = self.kept();
                self.take(catalog, kept);
            }
            Err(message) => self.keep_old(message),
        }
    }

    /// A reload that never holds the old data and the new whole at once: `load` reads the new
    /// version and calls the function it is given once it knows the new version loads (after
    /// checking it, before building it), which lets the old data go; what the person had is
    /// named by ids before. A version that does not load keeps the old data, as [`App::reload`].
    pub fn reload_with(&mut self, load: impl FnOnce(&mut dyn FnMut()) -> Result<Catalog, String>) {
        let kept = self.kept();
        let mut released = false;
        let result = {
            let mut release = || {
                if !released {
                    released = true;
                    // Nothing reads the data until `take` below: no frame is drawn meanwhile.
                    self.catalog = std::sync::Arc::default();
                    self.drop_index();
                }
            };
            load(&mut release)
        };
        match (result, released) {
            (Ok(catalog), _) => self.take(catalog, kept),
            (Err(message), false) => self.keep_old(message),
            // The new version failed after it was checked (the reader disagrees with itself):
            // the old data is gone, so the built-in data set stands in, with the message.
            (Err(message), true) => {
                if let Ok(loaded) = crate::data::load_embedded() {
                    self.take(loaded.catalog, kept);
                }
                self.keep_old(message);
            }
        }
    }

    /// A version that did not load: the last good data stays, the banner says why.
    fn keep_old(&mut self, message: String) {
        self.banner = Some(message);
        // An open list of problems shows the new ones, scrolled no further than they go.
        if self.overlay.open() == Some(super::Overlay::Problems) {
            let max = self.overlay_range().1;
            self.overlay.scroll_to(self.overlay.scroll(), max);
        }
        // The banner takes a line from the panes: the selection stays on screen.
        self.settle();
    }

    /// What the person has now, by ids (the search by its text).
    fn kept(&self) -> Kept {
        let c = &self.catalog;
        Kept {
            selected: self.name(self.selected()),
            open_nodes: (0..c.nodes.len())
                .filter(|&n| self.tree.expansion().nodes[n])
                .map(|n| c.nodes[n].id.clone())
                .collect(),
            open_orgs: (0..c.orgs.len())
                .filter(|&o| self.tree.expansion().orgs[o])
                .map(|o| c.orgs[o].id.clone())
                .collect(),
            other: self.tree.other_view_item().map(|i| self.name(i)),
            centre: self.map().map(|m| match m.centre {
                Target::Node(n) => Named::Node(c.nodes[n].id.clone()),
                Target::Org(o) => Named::Org(c.orgs[o].id.clone()),
            }),
        }
    }

    /// The new data in place of the old, with what the person had found again in it.
    fn take(&mut self, catalog: Catalog, kept: Kept) {
        self.banner = None;
        if self.overlay.open() == Some(super::Overlay::Problems) {
            self.overlay.close();
        }
        let search = self.search.take().map(super::Search::into_text);
        if catalog.languages.contains(&self.chosen_lang) {
            self.lang.clone_from(&self.chosen_lang);
        } else if !catalog.languages.contains(&self.lang) {
            self.lang.clone_from(&catalog.languages[0]);
        }
        let mut expansion = Expansion {
            nodes: vec![false; catalog.nodes.len()],
            orgs: vec![false; catalog.orgs.len()],
        };
        for id in &kept.open_nodes {
            if let Some(n) = catalog.node_by_id(id) {
                expansion.nodes[n] = true;
            }
        }
        for id in &kept.open_orgs {
            if let Some(o) = catalog.org_by_id(id) {
                expansion.orgs[o] = true;
            }
        }
        self.catalog = std::sync::Arc::new(catalog);
        // The old index goes now; the new one is built when first needed.
        self.index = std::sync::Arc::default();
        self.reading.data_replaced();
        // Places in the history point into the old data.
        self.history.clear();
        let other = kept.other.and_then(|n| self.find(&n));
        self.tree.set_other_view_item(other);
        self.tree.set_cursor(0);
        self.tree.show(&self.catalog, self.tree.view(), expansion, None);
        if let Some(item) = self.find(&kept.selected) {
            self.select_item(item);
        }
        if let Some(text) = search {
            self.reopen_search(text, self.selected());
        }
        let centre = kept.centre.and_then(|n| match self.find(&n)? {
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
