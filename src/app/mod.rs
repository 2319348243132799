//! The explorer's state and its one `update`: an [`Action`] in, a new state out, no I/O.
//!
//! The tree's movement lives here; the search in [`searching`], links and history in
//! [`links`].

mod links;
pub use links::HISTORY;
mod reload;
mod searching;

use std::cell::RefCell;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::action::Action;
use crate::data::{Catalog, NodeIx};
use crate::detail;
use crate::layout::{self, Areas};
use crate::search::{Hit, Index};
use crate::tree::{self, Expansion, Item, View};

/// Which pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The tree: keys move the selection.
    Tree,
    /// The detail pane: keys move between its links and scroll it.
    Detail,
}

/// Where the person stands: enough to come back to it exactly (history, search cancel).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The view of the left pane.
    pub view: View,
    /// What is expanded.
    pub expansion: Expansion,
    /// The selected item.
    pub item: Item,
    /// The tree's scroll.
    pub tree_offset: usize,
    /// The detail's scroll.
    pub detail_scroll: usize,
    /// The focused link of the detail.
    pub link_focus: Option<usize>,
    /// The focused pane.
    pub focus: Focus,
}

/// A search in progress (typing) or kept as a filter (after `Enter`).
#[derive(Debug, Clone)]
pub struct Search {
    /// What was typed.
    pub query: String,
    /// The caret in `query`, in characters.
    pub caret: usize,
    /// Whether keys go to the search line (`true`) or to the filtered tree (`false`).
    pub typing: bool,
    /// Every item found (nodes and organisations), best first.
    pub hits: Vec<Hit>,
    /// The query `hits` are for.
    pub searched: String,
    /// The results in the current view, best first.
    pub results: Vec<Item>,
    /// The result `n`/`N` stand on, an index into `results`.
    pub current: usize,
    /// Whether the last `n`/`N` went round from one end to the other.
    pub wrapped: bool,
    /// Per search key (see [`Item::search_key`]), whether it matched in the current view.
    pub matched: Vec<bool>,
    /// Per search key, the language (an index into the catalog's) of a result that matched
    /// only in another language; `u8::MAX` otherwise.
    pub other_lang: Vec<u8>,
    /// Where the person stood before `/`.
    pub before: Place,
}

/// Everything the explorer shows, and nothing else.
#[derive(Debug, Clone)]
pub struct App {
    /// The data.
    pub catalog: Catalog,
    /// The active language, one of the catalog's.
    pub lang: String,
    /// The language the person chose last (at the start or with a key or click): a reload
    /// whose file has it goes back to it, even after one that did not have it.
    pub chosen_lang: String,
    /// What the left pane lists.
    pub view: View,
    /// What is expanded, in both views.
    pub expansion: Expansion,
    /// The visible rows of the left pane, top to bottom.
    pub rows: Vec<Item>,
    /// The selected row, an index into `rows`.
    pub cursor: usize,
    /// The first row shown in the left pane.
    pub tree_offset: usize,
    /// Which pane the movement keys act on.
    pub focus: Focus,
    /// The first line shown in the detail pane.
    pub detail_scroll: usize,
    /// The link of the detail pane that `Enter` follows, while the detail has the focus.
    pub link_focus: Option<usize>,
    /// Places to go back to (`Backspace`, `Alt-←`), the latest last.
    pub back: Vec<Place>,
    /// Places to go forward to (`Alt-→`), the next last.
    pub forward: Vec<Place>,
    /// The item last selected in the other view, to come back to it.
    pub other_view_item: Option<Item>,
    /// Whether the help overlay is open.
    pub help: bool,
    /// The first line shown in the help overlay, when it is taller than the screen.
    pub help_scroll: usize,
    /// The terminal's size.
    pub size: (u16, u16),
    /// Set when the person asked to leave.
    pub quit: bool,
    /// The folded texts that search runs over, built once.
    pub index: Index,
    /// The search, while one is on.
    pub search: Option<Search>,
    /// Why the data file on disk did not load again, while the last good data is shown.
    pub banner: Option<String>,
    /// How many times the data was replaced (live reload): part of the detail cache's key.
    pub generation: u64,
    /// The detail pane's content, kept while what it depends on stays the same: a keystroke
    /// asks for it several times (scroll limits, links, drawing), and a long text is costly.
    detail_cache: RefCell<Option<(DetailKey, Arc<detail::DetailView>)>>,
}

/// What the detail pane's content depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DetailKey {
    item: Item,
    lang: String,
    width: u16,
    link_focus: Option<usize>,
    generation: u64,
}

impl App {
    /// A fresh explorer on `catalog` in `lang`: every level expanded, the first row selected.
    #[must_use]
    pub fn new(catalog: Catalog, lang: &str, size: (u16, u16)) -> Self {
        let lang = if catalog.languages.iter().any(|l| l == lang) {
            lang.to_owned()
        } else {
            catalog.languages[0].clone()
        };
        let index = Index::new(&catalog);
        let expansion = Expansion::initial(&catalog);
        let mut app = App {
            index,
            search: None,
            banner: None,
            generation: 0,
            detail_cache: RefCell::new(None),
            catalog,
            chosen_lang: lang.clone(),
            lang,
            view: View::Levels,
            expansion,
            rows: Vec::new(),
            cursor: 0,
            tree_offset: 0,
            focus: Focus::Tree,
            detail_scroll: 0,
            link_focus: None,
            back: Vec::new(),
            forward: Vec::new(),
            other_view_item: None,
            help: false,
            help_scroll: 0,
            size,
            quit: false,
        };
        app.rebuild_rows();
        app
    }

    /// Which keys are live: the search line's while typing in it, else the tree's.
    #[must_use]
    pub fn key_mode(&self) -> crate::keymap::Mode {
        if self.search.as_ref().is_some_and(|s| s.typing) && !self.help {
            crate::keymap::Mode::Typing
        } else {
            crate::keymap::Mode::Browse
        }
    }

    /// The language a search result matched in, when it matched only in another language than
    /// the active one.
    #[must_use]
    pub fn result_language(&self, item: Item) -> Option<&str> {
        let key = item.search_key(&self.catalog);
        let l = *self.search.as_ref()?.other_lang.get(key)?;
        self.catalog.languages.get(usize::from(l)).map(String::as_str)
    }

    /// Whether `item` is a search result (not only the ancestor of one).
    #[must_use]
    pub fn is_result(&self, item: Item) -> bool {
        let key = item.search_key(&self.catalog);
        self.search.as_ref().is_some_and(|s| s.matched.get(key).copied().unwrap_or(false))
    }

    /// The selected item.
    #[must_use]
    pub fn selected(&self) -> Item {
        self.rows[self.cursor]
    }

    /// The entry the selected item shows, if it shows one (an organisation does not).
    #[must_use]
    pub fn selected_node(&self) -> Option<NodeIx> {
        self.selected().node()
    }

    /// The screen's layout at the current size, if it is large enough for one.
    #[must_use]
    pub fn areas(&self) -> Option<Areas> {
        layout::areas(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.search.is_some(),
            self.banner.is_some(),
        )
    }

    /// How many tree rows the tree pane shows.
    #[must_use]
    pub fn tree_height(&self) -> usize {
        self.areas().map_or(1, |a| usize::from(a.tree_inner().height).max(1))
    }

    fn detail_height(&self) -> usize {
        self.areas().map_or(1, |a| usize::from(a.detail_inner().height).max(1))
    }

    /// The detail of the selected item at the current width.
    #[must_use]
    pub fn detail(&self) -> Arc<detail::DetailView> {
        let width = self.areas().map_or(1, |a| a.detail_inner().width);
        let key = DetailKey {
            item: self.selected(),
            lang: self.lang.clone(),
            width,
            link_focus: if self.focus == Focus::Detail { self.link_focus } else { None },
            generation: self.generation,
        };
        if let Some((k, view)) = self.detail_cache.borrow().as_ref()
            && *k == key
        {
            return Arc::clone(view);
        }
        let view = Arc::new(detail::view(self, width));
        *self.detail_cache.borrow_mut() = Some((key, Arc::clone(&view)));
        view
    }

    /// How many lines the detail of the selected item has at the current width.
    #[must_use]
    pub fn detail_len(&self) -> usize {
        self.detail().lines.len()
    }

    /// The largest useful detail scroll.
    fn max_detail_scroll(&self) -> usize {
        self.detail_len().saturating_sub(self.detail_height())
    }

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        if self.search.as_ref().is_some_and(|s| s.typing) && !self.help {
            self.apply_typing(action);
            self.settle();
            return;
        }
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
                    self.apply(action);
                }
                Action::Paste(text) => self.paste(text),
                _ => {}
            }
            return;
        }
        self.apply(action);
    }

    /// After any action: the selection in view, the detail scroll in range.
    fn settle(&mut self) {
        self.keep_in_view();
        self.detail_scroll = self.detail_scroll.min(self.max_detail_scroll());
    }

    fn apply(&mut self, action: Action) {
        let page = self.tree_height();
        let detail_page = self.detail_height();
        let in_detail = self.focus == Focus::Detail;
        match action {
            Action::Down if in_detail => self.detail_down(),
            Action::Up if in_detail => self.detail_up(),
            Action::PageDown if in_detail => self.scroll_detail(page_step(detail_page)),
            Action::PageUp if in_detail => self.scroll_detail(-page_step(detail_page)),
            Action::First if in_detail => self.detail_scroll = 0,
            Action::Last if in_detail => self.detail_scroll = self.max_detail_scroll(),
            Action::Toggle if in_detail => {
                if let Some(i) = self.link_focus {
                    self.follow_link(i);
                }
            }
            Action::Down => self.move_cursor(1),
            Action::Up => self.move_cursor(-1),
            Action::PageDown => self.move_cursor(page_step(page)),
            Action::PageUp => self.move_cursor(-page_step(page)),
            Action::First => self.set_cursor(0),
            Action::Last => self.set_cursor(self.rows.len() - 1),
            Action::Expand | Action::Toggle if self.filtering() => {}
            Action::Collapse if self.filtering() => {
                if let Some(p) = self.selected().parent(&self.catalog) {
                    self.select_item(p);
                }
            }
            Action::Expand => {
                let item = self.selected();
                if item.has_children(&self.catalog) {
                    if self.expansion.is_open(item) {
                        self.set_cursor(self.cursor + 1);
                    } else {
                        self.set_open(item, true);
                    }
                }
            }
            Action::Collapse => {
                let item = self.selected();
                if self.expansion.is_open(item) && item.has_children(&self.catalog) {
                    self.set_open(item, false);
                } else if let Some(p) = item.parent(&self.catalog) {
                    self.select_item(p);
                }
            }
            Action::Toggle => {
                let item = self.selected();
                if item.has_children(&self.catalog) {
                    self.set_open(item, !self.expansion.is_open(item));
                }
            }
            Action::FocusNext => {
                self.focus = if in_detail { Focus::Tree } else { Focus::Detail };
                self.link_focus = None;
            }
            Action::NextLanguage => {
                self.lang = self.catalog.next_language(&self.lang).to_owned();
                self.chosen_lang.clone_from(&self.lang);
                self.rerank();
            }
            Action::SetLanguage(code) => {
                if self.catalog.languages.contains(&code) {
                    self.lang = code;
                    self.chosen_lang.clone_from(&self.lang);
                    self.rerank();
                }
            }
            Action::ToggleHelp => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::Close => self.clear_filter(),
            Action::OpenSearch => self.open_search(),
            Action::NextResult => self.step_result(true),
            Action::PrevResult => self.step_result(false),
            Action::FollowLink(i) => self.follow_link(i),
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::ToggleView => self.toggle_view(),
            Action::Quit => self.quit = true,
            Action::Select(item) => {
                self.select_item(item);
                self.focus = Focus::Tree;
                self.link_focus = None;
            }
            Action::ToggleNode(_) if self.filtering() => {}
            Action::ToggleNode(item) => {
                if item.in_view(self.view)
                    && self.item_exists(item)
                    && item.has_children(&self.catalog)
                {
                    let sel = self.selected();
                    self.set_open(item, !self.expansion.is_open(item));
                    // A collapse that hid the selection selects the collapsed item.
                    if self.rows.get(self.cursor) != Some(&sel) {
                        self.select_item(item);
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
            Action::Paste(text) => {
                self.paste(text);
                return;
            }
            // Editing keys mean nothing outside the search line.
            Action::SearchChar(_)
            | Action::SearchBackspace
            | Action::SearchDeleteWord
            | Action::SearchClear
            | Action::SearchLeft
            | Action::SearchRight
            | Action::SearchHome
            | Action::SearchEnd
            | Action::SearchAccept
            | Action::SearchCancel => {}
        }
        self.settle();
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
            self.link_focus = None;
        }
    }

    /// Selects `item` (of the current view), expanding its ancestors so that it has a row; in a
    /// filtered tree, only an item that has a row can be selected.
    pub fn select_item(&mut self, item: Item) {
        if !item.in_view(self.view) || !self.item_exists(item) {
            return;
        }
        if !self.filtering() {
            let mut hidden = false;
            let mut p = item.parent(&self.catalog);
            while let Some(a) = p {
                if !self.expansion.is_open(a) {
                    self.expansion.set(a, true);
                    hidden = true;
                }
                p = a.parent(&self.catalog);
            }
            if hidden {
                self.rebuild_rows();
            }
        }
        if let Some(row) = self.rows.iter().position(|&r| r == item) {
            self.set_cursor(row);
        }
    }

    /// Selects node `n` in the tree of levels.
    pub fn select_node(&mut self, n: NodeIx) {
        self.select_item(Item::Node(n));
    }

    fn item_exists(&self, item: Item) -> bool {
        match item {
            Item::Node(n) => n < self.catalog.nodes.len(),
            Item::Org(o) => o < self.catalog.orgs.len(),
            Item::Use(o, n) => {
                o < self.catalog.orgs.len() && self.catalog.org_used_by[o].contains(&n)
            }
        }
    }

    fn set_open(&mut self, item: Item, open: bool) {
        let sel = self.selected();
        self.expansion.set(item, open);
        self.rebuild_rows();
        // Keep the same item selected when it is still visible; else its nearest shown ancestor.
        let mut target = Some(sel);
        while let Some(t) = target {
            if let Some(row) = self.rows.iter().position(|&r| r == t) {
                self.cursor = row;
                return;
            }
            target = t.parent(&self.catalog);
        }
        self.cursor = self.cursor.min(self.rows.len() - 1);
    }

    /// Whether the tree shows a search's results instead of the expanded items.
    #[must_use]
    pub fn filtering(&self) -> bool {
        self.search.as_ref().is_some_and(|s| !s.results.is_empty())
    }

    /// Recomputes the visible rows: the results and their ancestors while a search has results,
    /// else the expanded items.
    fn rebuild_rows(&mut self) {
        self.rows = match self.search.as_ref().filter(|s| !s.results.is_empty()) {
            Some(s) => tree::filtered_rows(&self.catalog, self.view, &s.matched),
            None => tree::rows(&self.catalog, self.view, &self.expansion),
        };
        if self.rows.is_empty() {
            // An organisations view of a data set without organisations: fall back to levels.
            self.view = View::Levels;
            self.rows = tree::rows(&self.catalog, self.view, &self.expansion);
        }
        self.cursor = self.cursor.min(self.rows.len() - 1);
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

    /// Where the person stands now.
    #[must_use]
    pub fn place(&self) -> Place {
        Place {
            view: self.view,
            expansion: self.expansion.clone(),
            item: self.selected(),
            tree_offset: self.tree_offset,
            detail_scroll: self.detail_scroll,
            link_focus: self.link_focus,
            focus: self.focus,
        }
    }

    /// Goes back to `place` exactly (without a search).
    fn restore(&mut self, place: Place) {
        self.search = None;
        self.view = place.view;
        self.expansion = place.expansion;
        self.rebuild_rows();
        self.cursor = self.rows.iter().position(|&r| r == place.item).unwrap_or(0);
        self.tree_offset = place.tree_offset;
        self.detail_scroll = place.detail_scroll;
        self.link_focus = place.link_focus;
        self.focus = place.focus;
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
