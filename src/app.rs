//! The explorer's state and its one `update`: an [`Action`] in, a new state out, no I/O.

use ratatui::layout::Rect;

use crate::action::Action;
use crate::data::{Catalog, NodeIx};
use crate::detail;
use crate::layout::{self, Areas};
use crate::search::{Hit, Index};

/// Which pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The tree: keys move the selection.
    Tree,
    /// The detail pane: keys scroll it.
    Detail,
}

/// The tree as it was before a search started, to go back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// The expanded flags.
    pub expanded: Vec<bool>,
    /// The selected node.
    pub node: NodeIx,
    /// The tree's scroll.
    pub tree_offset: usize,
    /// The detail's scroll.
    pub detail_scroll: usize,
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
    /// The results, best first.
    pub hits: Vec<Hit>,
    /// The query the results are for.
    pub searched: String,
    /// The result `n`/`N` stand on, an index into `hits`.
    pub current: usize,
    /// Whether the last `n`/`N` went round from one end to the other.
    pub wrapped: bool,
    /// For each node, whether it matched.
    pub matched: Vec<bool>,
    /// Per node, the language (an index into the catalog's) of a result that matched only in
    /// another language; `u8::MAX` for every other node.
    pub other_lang: Vec<u8>,
    /// The tree before the search.
    pub before: Snapshot,
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
    /// The folded texts that search runs over, built once.
    pub index: Index,
    /// The search, while one is on.
    pub search: Option<Search>,
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
        let index = Index::new(&catalog);
        let mut app = App {
            index,
            search: None,
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
    pub fn result_language(&self, n: NodeIx) -> Option<&str> {
        let l = *self.search.as_ref()?.other_lang.get(n)?;
        self.catalog.languages.get(usize::from(l)).map(String::as_str)
    }

    /// The selected node.
    #[must_use]
    pub fn selected(&self) -> NodeIx {
        self.rows[self.cursor]
    }

    /// The screen's layout at the current size, if it is large enough for one.
    #[must_use]
    pub fn areas(&self) -> Option<Areas> {
        layout::areas(Rect::new(0, 0, self.size.0, self.size.1), self.search.is_some())
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
        if self.search.as_ref().is_some_and(|s| s.typing) && !self.help {
            self.apply_typing(action);
            self.keep_in_view();
            self.detail_scroll = self.detail_scroll.min(self.max_detail_scroll());
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
            Action::Expand | Action::Toggle if self.filtering() => {}
            Action::Collapse if self.filtering() => {
                if let Some(p) = self.catalog.nodes[self.selected()].parent {
                    self.select_node(p);
                }
            }
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
            Action::NextLanguage => {
                self.lang = self.catalog.next_language(&self.lang).to_owned();
                self.rerank();
            }
            Action::SetLanguage(code) => {
                if self.catalog.languages.contains(&code) {
                    self.lang = code;
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
            Action::Quit => self.quit = true,
            Action::Select(n) => {
                self.select_node(n);
                self.focus = Focus::Tree;
            }
            Action::ToggleNode(_) if self.filtering() => {}
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

    /// Selects node `n`, expanding its ancestors so that it has a row (in a filtered tree,
    /// only a node that has a row can be selected).
    pub fn select_node(&mut self, n: NodeIx) {
        if n >= self.catalog.nodes.len() {
            return;
        }
        if self.filtering() {
            if let Some(row) = self.rows.iter().position(|&r| r == n) {
                self.set_cursor(row);
            }
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

    /// Whether the tree shows a search's results instead of the expanded flags.
    #[must_use]
    pub fn filtering(&self) -> bool {
        self.search.as_ref().is_some_and(|s| !s.hits.is_empty())
    }

    /// Recomputes the visible rows: the results and their ancestors while a search has results,
    /// else the expanded flags.
    fn rebuild_rows(&mut self) {
        if let Some(s) = self.search.as_ref().filter(|s| !s.hits.is_empty()) {
            let mut shown = s.matched.clone();
            for h in &s.hits {
                let mut p = self.catalog.nodes[h.node].parent;
                while let Some(a) = p {
                    if shown[a] {
                        break;
                    }
                    shown[a] = true;
                    p = self.catalog.nodes[a].parent;
                }
            }
            // Nodes are stored in pre-order, which is the order of the rows.
            self.rows = (0..self.catalog.nodes.len()).filter(|&n| shown[n]).collect();
            return;
        }
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

impl App {
    /// Keys while typing in the search line.
    fn apply_typing(&mut self, action: Action) {
        let Some(s) = self.search.as_mut() else { return };
        let len = s.query.chars().count();
        let byte = |q: &str, c: usize| q.char_indices().nth(c).map_or(q.len(), |(b, _)| b);
        let mut edited = true;
        match action {
            Action::SearchChar(c) => {
                let at = byte(&s.query, s.caret);
                s.query.insert(at, c);
                s.caret += 1;
            }
            Action::SearchBackspace => {
                if s.caret > 0 {
                    let at = byte(&s.query, s.caret - 1);
                    s.query.remove(at);
                    s.caret -= 1;
                }
            }
            Action::SearchDeleteWord => {
                let chars: Vec<char> = s.query.chars().collect();
                let mut start = s.caret;
                while start > 0 && chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                s.query = chars[..start].iter().chain(&chars[s.caret..]).collect();
                s.caret = start;
            }
            Action::SearchClear => {
                s.query.clear();
                s.caret = 0;
            }
            Action::SearchLeft => {
                s.caret = s.caret.saturating_sub(1);
                edited = false;
            }
            Action::SearchRight => {
                s.caret = (s.caret + 1).min(len);
                edited = false;
            }
            Action::SearchHome => {
                s.caret = 0;
                edited = false;
            }
            Action::SearchEnd => {
                s.caret = len;
                edited = false;
            }
            Action::SearchAccept => {
                if s.query.trim().is_empty() {
                    self.cancel_search();
                } else if !s.hits.is_empty() {
                    s.typing = false;
                }
                return;
            }
            Action::SearchCancel => {
                self.cancel_search();
                return;
            }
            Action::Down | Action::NextResult => {
                self.step_result(true);
                return;
            }
            Action::Up | Action::PrevResult => {
                self.step_result(false);
                return;
            }
            Action::NextLanguage
            | Action::SetLanguage(_)
            | Action::Resize(..)
            | Action::Quit
            | Action::ToggleHelp
            | Action::Select(_)
            | Action::ScrollTree(_)
            | Action::ScrollDetail(_) => {
                self.apply(action);
                return;
            }
            _ => return,
        }
        if edited {
            self.run_search();
        }
    }

    /// `/`: starts a search, or goes back to editing the one kept as a filter.
    fn open_search(&mut self) {
        if let Some(s) = self.search.as_mut() {
            s.typing = true;
            s.caret = s.query.chars().count();
            return;
        }
        let before = Snapshot {
            expanded: self.expanded.clone(),
            node: self.selected(),
            tree_offset: self.tree_offset,
            detail_scroll: self.detail_scroll,
        };
        self.search = Some(Search {
            query: String::new(),
            caret: 0,
            typing: true,
            hits: Vec::new(),
            searched: String::new(),
            current: 0,
            wrapped: false,
            matched: vec![false; self.catalog.nodes.len()],
            other_lang: vec![u8::MAX; self.catalog.nodes.len()],
            before,
        });
    }

    /// Runs the query again after an edit and selects the best result.
    fn run_search(&mut self) {
        let Some(s) = self.search.as_mut() else { return };
        let hits = if s.query.trim().is_empty() {
            Vec::new()
        } else if !s.searched.is_empty() && s.query.starts_with(&s.searched) && !s.hits.is_empty() {
            // The query grew: its results are among the last ones.
            let within: Vec<NodeIx> = s.hits.iter().map(|h| h.node).collect();
            self.index.search(&s.query, &self.lang, Some(&within))
        } else {
            self.index.search(&s.query, &self.lang, None)
        };
        s.searched.clone_from(&s.query);
        let nodes = self.catalog.nodes.len();
        let mut hits = hits;
        hits.retain(|h| h.node < nodes);
        s.matched.iter_mut().for_each(|m| *m = false);
        for h in &hits {
            s.matched[h.node] = true;
        }
        mark_other_languages(&mut s.other_lang, &hits);
        s.hits = hits;
        s.current = 0;
        s.wrapped = false;
        self.show_results(None);
    }

    /// After the results changed: rebuild the rows and select `keep` if it is still a result,
    /// else the current one; with no results, the tree before the search.
    fn show_results(&mut self, keep: Option<NodeIx>) {
        let Some(s) = self.search.as_mut() else { return };
        if let Some(k) = keep
            && let Some(i) = s.hits.iter().position(|h| h.node == k)
        {
            s.current = i;
        }
        let target = s.hits.get(s.current).map(|h| h.node);
        let before_node = s.before.node;
        if target.is_none() {
            // No result: the tree as it was, kept out of sight behind the message.
            self.expanded.clone_from(&s.before.expanded);
        }
        self.rebuild_rows();
        let node = target.unwrap_or(before_node);
        if let Some(row) = self.rows.iter().position(|&r| r == node) {
            self.cursor = row;
        } else {
            self.cursor = self.cursor.min(self.rows.len() - 1);
        }
        self.detail_scroll = 0;
    }

    /// The language changed: rank the results again, keeping the selected one.
    fn rerank(&mut self) {
        let Some(s) = self.search.as_mut() else { return };
        if s.hits.is_empty() {
            return;
        }
        let keep = self.rows.get(self.cursor).copied();
        s.hits = self.index.search(&s.query, &self.lang, None);
        let nodes = self.catalog.nodes.len();
        s.hits.retain(|h| h.node < nodes);
        mark_other_languages(&mut s.other_lang, &s.hits);
        s.current = 0;
        self.show_results(keep);
    }

    /// `n` / `N`: the next or previous result, going round at the ends.
    fn step_result(&mut self, forward: bool) {
        let Some(s) = self.search.as_mut() else { return };
        let n = s.hits.len();
        if n == 0 {
            return;
        }
        let (next, wrapped) = if forward {
            if s.current + 1 >= n { (0, true) } else { (s.current + 1, false) }
        } else if s.current == 0 {
            (n - 1, true)
        } else {
            (s.current - 1, false)
        };
        s.current = next;
        s.wrapped = wrapped;
        let node = s.hits[next].node;
        if let Some(row) = self.rows.iter().position(|&r| r == node) {
            self.set_cursor(row);
        }
    }

    /// `Esc` while typing: the tree, selection and scroll as they were before `/`.
    fn cancel_search(&mut self) {
        let Some(s) = self.search.take() else { return };
        self.expanded = s.before.expanded;
        self.rebuild_rows();
        self.cursor = self.rows.iter().position(|&r| r == s.before.node).unwrap_or(0);
        self.tree_offset = s.before.tree_offset;
        self.detail_scroll = s.before.detail_scroll;
    }

    /// `Esc` after `Enter`: the full tree again, the selected node kept and revealed.
    fn clear_filter(&mut self) {
        let Some(s) = self.search.take() else { return };
        let node = self.rows.get(self.cursor).copied().unwrap_or(s.before.node);
        self.expanded = s.before.expanded;
        self.rebuild_rows();
        self.cursor = 0;
        self.select_node(node);
    }
}

/// The results that matched only in another language.
fn mark_other_languages(marks: &mut [u8], hits: &[Hit]) {
    marks.fill(u8::MAX);
    for h in hits {
        if let Some(l) = h.other_lang {
            marks[h.node] = l;
        }
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
