//! The explorer's state and its one `update`: an [`Action`] in, a new state out, no I/O.

use ratatui::layout::Rect;

use crate::action::Action;
use crate::data::{Catalog, NodeIx};
use crate::detail;
use crate::layout::{self, Areas};

/// Which pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The tree: keys move the selection.
    Tree,
    /// The detail pane: keys scroll it.
    Detail,
}

/// Everything the explorer shows, and nothing else.
#[derive(Debug, Clone)]
pub struct App {
    /// The data.
    pub catalog: Catalog,
    /// The active language, one of the catalog's.
    pub lang: String,
    /// For each node, whether its children are shown.
    pub expanded: Vec<bool>,
    /// The visible rows of the tree, top to bottom.
    pub rows: Vec<NodeIx>,
    /// The selected row, an index into `rows`.
    pub cursor: usize,
    /// The first row shown in the tree pane.
    pub tree_offset: usize,
    /// Which pane the movement keys act on.
    pub focus: Focus,
    /// The first line shown in the detail pane.
    pub detail_scroll: usize,
    /// Whether the help overlay is open.
    pub help: bool,
    /// The first line shown in the help overlay, when it is taller than the screen.
    pub help_scroll: usize,
    /// The terminal's size.
    pub size: (u16, u16),
    /// Set when the person asked to leave.
    pub quit: bool,
}

impl App {
    /// A fresh explorer on `catalog` in `lang`: every level expanded, the first row selected.
    #[must_use]
    pub fn new(catalog: Catalog, lang: &str, size: (u16, u16)) -> Self {
        let mut expanded = vec![false; catalog.nodes.len()];
        for &r in &catalog.roots {
            expanded[r] = true;
        }
        let lang = if catalog.languages.iter().any(|l| l == lang) {
            lang.to_owned()
        } else {
            catalog.languages[0].clone()
        };
        let mut app = App {
            catalog,
            lang,
            expanded,
            rows: Vec::new(),
            cursor: 0,
            tree_offset: 0,
            focus: Focus::Tree,
            detail_scroll: 0,
            help: false,
            help_scroll: 0,
            size,
            quit: false,
        };
        app.rebuild_rows();
        app
    }

    /// The selected node.
    #[must_use]
    pub fn selected(&self) -> NodeIx {
        self.rows[self.cursor]
    }

    /// The screen's layout at the current size, if it is large enough for one.
    #[must_use]
    pub fn areas(&self) -> Option<Areas> {
        layout::areas(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// How many tree rows the tree pane shows.
    #[must_use]
    pub fn tree_height(&self) -> usize {
        self.areas().map_or(1, |a| usize::from(a.tree_inner().height).max(1))
    }

    fn detail_height(&self) -> usize {
        self.areas().map_or(1, |a| usize::from(a.detail_inner().height).max(1))
    }

    /// How many lines the detail of the selected node has at the current width.
    #[must_use]
    pub fn detail_len(&self) -> usize {
        let w = self.areas().map_or(1, |a| a.detail_inner().width);
        detail::lines(self, w).len()
    }

    /// The largest useful detail scroll.
    fn max_detail_scroll(&self) -> usize {
        self.detail_len().saturating_sub(self.detail_height())
    }

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        if self.help {
            match action {
                Action::ToggleHelp | Action::Close => self.help = false,
                Action::Down => {
                    let max = crate::help::max_scroll(&self.lang, self.size.1);
                    self.help_scroll = (self.help_scroll + 1).min(max);
                }
                Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                Action::First => self.help_scroll = 0,
                Action::Quit => self.quit = true,
                Action::NextLanguage | Action::SetLanguage(_) | Action::Resize(..) => {
                    self.apply(action)
                }
                _ => {}
            }
            return;
        }
        self.apply(action);
    }

    fn apply(&mut self, action: Action) {
        let page = self.tree_height();
        let detail_page = self.detail_height();
        let in_detail = self.focus == Focus::Detail;
        match action {
            Action::Down if in_detail => self.scroll_detail(1),
            Action::Up if in_detail => self.scroll_detail(-1),
            Action::PageDown if in_detail => self.scroll_detail(page_step(detail_page)),
            Action::PageUp if in_detail => self.scroll_detail(-page_step(detail_page)),
            Action::First if in_detail => self.detail_scroll = 0,
            Action::Last if in_detail => self.detail_scroll = self.max_detail_scroll(),
            Action::Down => self.move_cursor(1),
            Action::Up => self.move_cursor(-1),
            Action::PageDown => self.move_cursor(page_step(page)),
            Action::PageUp => self.move_cursor(-page_step(page)),
            Action::First => self.set_cursor(0),
            Action::Last => self.set_cursor(self.rows.len() - 1),
            Action::Expand => {
                let n = self.selected();
                if !self.catalog.nodes[n].children.is_empty() {
                    if self.expanded[n] {
                        self.set_cursor(self.cursor + 1);
                    } else {
                        self.set_expanded(n, true);
                    }
                }
            }
            Action::Collapse => {
                let n = self.selected();
                if self.expanded[n] && !self.catalog.nodes[n].children.is_empty() {
                    self.set_expanded(n, false);
                } else if let Some(p) = self.catalog.nodes[n].parent {
                    self.select_node(p);
                }
            }
            Action::Toggle => {
                let n = self.selected();
                if !self.catalog.nodes[n].children.is_empty() {
                    self.set_expanded(n, !self.expanded[n]);
                }
            }
            Action::FocusNext => {
                self.focus = if in_detail { Focus::Tree } else { Focus::Detail };
            }
            Action::NextLanguage => self.lang = self.catalog.next_language(&self.lang).to_owned(),
            Action::SetLanguage(code) => {
                if self.catalog.languages.contains(&code) {
                    self.lang = code;
                }
            }
            Action::ToggleHelp => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::Close => {}
            Action::Quit => self.quit = true,
            Action::Select(n) => {
                self.select_node(n);
                self.focus = Focus::Tree;
            }
            Action::ToggleNode(n) => {
                if n < self.expanded.len() && !self.catalog.nodes[n].children.is_empty() {
                    let sel = self.selected();
                    self.set_expanded(n, !self.expanded[n]);
                    // A collapse that hid the selection selects the collapsed node.
                    if self.rows.get(self.cursor) != Some(&sel) {
                        self.select_node(n);
                    }
                }
            }
            Action::ScrollTree(d) => {
                let h = self.tree_height();
                let max = self.rows.len().saturating_sub(h);
                self.tree_offset = offset_by(self.tree_offset, d).min(max);
                if self.cursor < self.tree_offset {
                    self.set_cursor(self.tree_offset);
                } else if self.cursor >= self.tree_offset + h {
                    self.set_cursor(self.tree_offset + h - 1);
                }
            }
            Action::ScrollDetail(d) => self.scroll_detail(d),
            Action::Resize(w, h) => self.size = (w, h),
        }
        self.keep_in_view();
        self.detail_scroll = self.detail_scroll.min(self.max_detail_scroll());
    }

    fn scroll_detail(&mut self, d: i32) {
        self.detail_scroll = offset_by(self.detail_scroll, d).min(self.max_detail_scroll());
    }

    fn move_cursor(&mut self, d: i32) {
        self.set_cursor(offset_by(self.cursor, d));
    }

    /// Selects row `row` (clamped); a new selection starts its details at the top.
    fn set_cursor(&mut self, row: usize) {
        let row = row.min(self.rows.len() - 1);
        if row != self.cursor {
            self.cursor = row;
            self.detail_scroll = 0;
        }
    }

    /// Selects node `n`, expanding its ancestors so that it has a row.
    pub fn select_node(&mut self, n: NodeIx) {
        if n >= self.catalog.nodes.len() {
            return;
        }
        let mut hidden = false;
        let mut p = self.catalog.nodes[n].parent;
        while let Some(a) = p {
            if !self.expanded[a] {
                self.expanded[a] = true;
                hidden = true;
            }
            p = self.catalog.nodes[a].parent;
        }
        if hidden {
            self.rebuild_rows();
        }
        if let Some(row) = self.rows.iter().position(|&r| r == n) {
            self.set_cursor(row);
        }
    }

    fn set_expanded(&mut self, n: NodeIx, open: bool) {
        let sel = self.selected();
        self.expanded[n] = open;
        self.rebuild_rows();
        // Keep the same node selected when it is still visible; else its nearest shown ancestor.
        let mut target = Some(sel);
        while let Some(t) = target {
            if let Some(row) = self.rows.iter().position(|&r| r == t) {
                self.cursor = row;
                return;
            }
            target = self.catalog.nodes[t].parent;
        }
        self.cursor = self.cursor.min(self.rows.len() - 1);
    }

    /// Recomputes the visible rows from the expanded flags.
    fn rebuild_rows(&mut self) {
        let mut rows = Vec::with_capacity(self.rows.len().max(self.catalog.roots.len()));
        let mut stack: Vec<NodeIx> = self.catalog.roots.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            rows.push(n);
            if self.expanded[n] {
                stack.extend(self.catalog.nodes[n].children.iter().rev());
            }
        }
        self.rows = rows;
    }

    /// Scrolls the tree so that the selected row is shown.
    fn keep_in_view(&mut self) {
        let h = self.tree_height();
        if self.cursor < self.tree_offset {
            self.tree_offset = self.cursor;
        } else if self.cursor >= self.tree_offset + h {
            self.tree_offset = self.cursor + 1 - h;
        }
        self.tree_offset = self.tree_offset.min(self.rows.len().saturating_sub(h));
    }
}

/// A page move: the pane's height less one line of overlap, at least one.
fn page_step(height: usize) -> i32 {
    i32::try_from(height.saturating_sub(1).max(1)).unwrap_or(i32::MAX)
}

/// `base + d`, kept at zero or above.
fn offset_by(base: usize, d: i32) -> usize {
    let step = usize::try_from(d.unsigned_abs()).unwrap_or(usize::MAX);
    if d < 0 { base.saturating_sub(step) } else { base.saturating_add(step) }
}
