//! The tree pane's state: which view it lists, what is expanded, its visible rows, the
//! selected one and the scroll. Its rules: there is always a row and the selection is one of
//! them; an organisations view with no organisation falls back to the levels; the scroll never
//! goes past the last row.

use super::offset_by;
use crate::data::Catalog;
use crate::tree::{self, Expansion, Item, View};

/// The tree pane.
#[derive(Debug, Clone)]
pub(super) struct Rows {
    /// What it lists.
    view: View,
    /// What is expanded, in both views.
    expansion: Expansion,
    /// The visible rows, top to bottom; never empty.
    items: Vec<Item>,
    /// The selected row, an index into `items`.
    cursor: usize,
    /// The first row shown.
    offset: usize,
    /// The item last selected in the other view, to come back to it.
    other_view_item: Option<Item>,
}

impl Rows {
    /// The tree of levels of `catalog`, every level expanded, the first row selected.
    pub(super) fn new(catalog: &Catalog) -> Self {
        let mut rows = Rows {
            view: View::Levels,
            expansion: Expansion::initial(catalog),
            items: Vec::new(),
            cursor: 0,
            offset: 0,
            other_view_item: None,
        };
        rows.rebuild(catalog, None);
        rows
    }

    /// What the pane lists.
    pub(super) fn view(&self) -> View {
        self.view
    }

    /// What is expanded.
    pub(super) fn expansion(&self) -> &Expansion {
        &self.expansion
    }

    /// The visible rows.
    pub(super) fn rows(&self) -> &[Item] {
        &self.items
    }

    /// The selected row.
    pub(super) fn cursor(&self) -> usize {
        self.cursor
    }

    /// The first row shown.
    pub(super) fn offset(&self) -> usize {
        self.offset
    }

    /// The selected item.
    pub(super) fn selected(&self) -> Item {
        self.items[self.cursor]
    }

    /// The item last selected in the other view.
    pub(super) fn other_view_item(&self) -> Option<Item> {
        self.other_view_item
    }

    /// The row of `item`, if it has one.
    pub(super) fn row_of(&self, item: Item) -> Option<usize> {
        self.items.iter().position(|&r| r == item)
    }

    /// Recomputes the rows: those `matched` (a search's results and their ancestors) when
    /// given, else the expanded items; the selection stays in range.
    pub(super) fn rebuild(&mut self, catalog: &Catalog, matched: Option<&[bool]>) {
        self.items = match matched {
            Some(m) => tree::filtered_rows(catalog, self.view, m),
            None => tree::rows(catalog, self.view, &self.expansion),
        };
        if self.items.is_empty() {
            // An organisations view of a data set without organisations: fall back to levels.
            self.view = View::Levels;
            self.items = tree::rows(catalog, self.view, &self.expansion);
        }
        self.cursor = self.cursor.min(self.items.len() - 1);
    }

    /// Selects row `row` (clamped); whether the selection changed.
    pub(super) fn set_cursor(&mut self, row: usize) -> bool {
        let row = row.min(self.items.len() - 1);
        let changed = row != self.cursor;
        self.cursor = row;
        changed
    }

    /// Selects `item`'s row, or the first when it has none.
    pub(super) fn put_on(&mut self, item: Item) {
        self.cursor = self.row_of(item).unwrap_or(0);
    }

    /// Expands or collapses `item` (rows rebuilt as `matched` says), keeping the same item
    /// selected while it is visible, else its nearest shown ancestor.
    pub(super) fn set_open(
        &mut self,
        catalog: &Catalog,
        item: Item,
        open: bool,
        matched: Option<&[bool]>,
    ) {
        let sel = self.selected();
        self.expansion.set(item, open);
        self.rebuild(catalog, matched);
        let mut target = Some(sel);
        while let Some(t) = target {
            if let Some(row) = self.row_of(t) {
                self.cursor = row;
                return;
            }
            target = t.parent(catalog);
        }
    }

    /// Expands the ancestors of `item`; whether any was collapsed (the rows are then rebuilt).
    pub(super) fn reveal(&mut self, catalog: &Catalog, item: Item) -> bool {
        let mut hidden = false;
        let mut p = item.parent(catalog);
        while let Some(a) = p {
            if !self.expansion.is_open(a) {
                self.expansion.set(a, true);
                hidden = true;
            }
            p = a.parent(catalog);
        }
        if hidden {
            self.rebuild(catalog, None);
        }
        hidden
    }

    /// Expands every entry of the tree of levels.
    pub(super) fn expand_all(&mut self, catalog: &Catalog) {
        self.expansion.nodes.fill(true);
        self.rebuild(catalog, None);
    }

    /// Lists `view` with `expansion`, rows rebuilt as `matched` says.
    pub(super) fn show(
        &mut self,
        catalog: &Catalog,
        view: View,
        expansion: Expansion,
        matched: Option<&[bool]>,
    ) {
        self.view = view;
        self.expansion = expansion;
        self.rebuild(catalog, matched);
    }

    /// Switches to `view`, remembering the selected item for coming back (rows not rebuilt).
    pub(super) fn switch_view(&mut self, view: View) {
        if view != self.view {
            self.other_view_item = Some(self.selected());
            self.view = view;
        }
    }

    /// Switches to the other view; the item last selected there, if any.
    pub(super) fn toggle_view(&mut self) -> Option<Item> {
        let here = self.selected();
        self.view = match self.view {
            View::Levels => View::Organisations,
            View::Organisations => View::Levels,
        };
        self.other_view_item.replace(here)
    }

    /// Forgets the item of the other view, or puts the one found again after a reload.
    pub(super) fn set_other_view_item(&mut self, item: Option<Item>) {
        self.other_view_item = item;
    }

    /// Back at the top: the first row selected and shown.
    pub(super) fn top(&mut self) {
        self.cursor = 0;
        self.offset = 0;
    }

    /// Scrolls to show from row `offset` on.
    pub(super) fn set_offset(&mut self, offset: usize) {
        self.offset = offset;
    }

    /// Scrolls the pane of `h` rows by `d` (the wheel); the row the selection has to move to so
    /// that it stays in sight, if it has to.
    pub(super) fn scroll(&mut self, d: i32, h: usize) -> Option<usize> {
        let max = self.items.len().saturating_sub(h);
        self.offset = offset_by(self.offset, d).min(max);
        if self.cursor < self.offset {
            Some(self.offset)
        } else if self.cursor >= self.offset + h {
            Some(self.offset + h - 1)
        } else {
            None
        }
    }

    /// Scrolls the pane of `h` rows so that the selected row is shown.
    pub(super) fn keep_in_view(&mut self, h: usize) {
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + h {
            self.offset = self.cursor + 1 - h;
        }
        self.offset = self.offset.min(self.items.len().saturating_sub(h));
    }
}
