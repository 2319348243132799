//! The explorer's state and its one `update`: an [`Action`] in, a new state out, no I/O.
//!
//! The tree's movement lives here; the search in [`searching`], links and history in
//! [`links`].

mod links;
pub use links::HISTORY;
mod mapview;
mod reload;
mod searching;

use std::cell::RefCell;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::action::{Action, Effect};
use crate::data::{Catalog, NodeIx};
use crate::detail;
use crate::keymap::{Mode, Pane};
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

/// What is shown over the panes, taking the keys: they scroll it or close it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The help: the keys, the mouse, the marks.
    Help,
    /// Every problem of the data file on disk (`!`, while it does not load).
    Problems,
    /// Where the content comes from, in full (`s`).
    Source,
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
    pub(super) query: String,
    /// The caret in `query`, in characters.
    pub(super) caret: usize,
    /// Whether keys go to the search line (`true`) or to the filtered tree (`false`).
    pub(super) typing: bool,
    /// Every item found (nodes and organisations), best first.
    pub(super) hits: Vec<Hit>,
    /// The query `hits` are for.
    pub(super) searched: String,
    /// The results in the current view, best first.
    pub(super) results: Vec<Item>,
    /// The result `n`/`N` stand on, an index into `results`.
    pub(super) current: usize,
    /// Whether the last `n`/`N` went round: `Some(true)` from the last result to the first,
    /// `Some(false)` from the first to the last.
    pub(super) wrapped: Option<bool>,
    /// Per search key (see [`Item::search_key`]), whether it matched in the current view.
    pub(super) matched: Vec<bool>,
    /// Per search key, the language (an index into the catalog's) of a result that matched
    /// only in another language; `u8::MAX` otherwise.
    pub(super) other_lang: Vec<u8>,
    /// Where the person stood before `/`.
    pub(super) before: Place,
}

impl Search {
    /// What was typed.
    #[must_use]
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The caret in the query, in characters.
    #[must_use]
    pub fn caret(&self) -> usize {
        self.caret
    }

    /// Whether keys go to the search line (`true`) or to the filtered tree (`false`).
    #[must_use]
    pub fn typing(&self) -> bool {
        self.typing
    }

    /// The results in the current view, best first: exactly what `n`/`N` go through.
    #[must_use]
    pub fn results(&self) -> &[Item] {
        &self.results
    }

    /// The result `n`/`N` stand on, an index into [`Search::results`].
    #[must_use]
    pub fn current(&self) -> usize {
        self.current
    }

    /// Whether the last `n`/`N` went round: `Some(true)` to the first result, `Some(false)` to
    /// the last.
    #[must_use]
    pub fn wrapped(&self) -> Option<bool> {
        self.wrapped
    }
}

/// A place on the history: where the person stood, with the search kept then, if any.
#[derive(Debug, Clone)]
pub struct Stop {
    /// Where the person stood.
    pub place: Place,
    /// The search kept as a filter then.
    pub search: Option<Search>,
}

/// The largest count (`3j`) the digits build; more digits keep it there.
pub const MAX_COUNT: usize = 99_999;

/// Everything the explorer shows, and nothing else.
#[derive(Debug, Clone)]
pub struct App {
    /// The data.
    catalog: Catalog,
    /// The active language, one of the catalog's.
    lang: String,
    /// The language the person chose last (at the start or with a key or click): a reload
    /// whose file has it goes back to it, even after one that did not have it.
    chosen_lang: String,
    /// What the left pane lists.
    view: View,
    /// What is expanded, in both views.
    expansion: Expansion,
    /// The visible rows of the left pane, top to bottom.
    rows: Vec<Item>,
    /// The selected row, an index into `rows`.
    cursor: usize,
    /// The first row shown in the left pane.
    tree_offset: usize,
    /// Which pane the movement keys act on.
    focus: Focus,
    /// The first line shown in the detail pane.
    detail_scroll: usize,
    /// The link of the detail pane that `Enter` follows, while the detail has the focus.
    link_focus: Option<usize>,
    /// Places to go back to (`Backspace`, `Alt-←`), the latest last.
    back: Vec<Stop>,
    /// Places to go forward to (`Alt-→`), the next last.
    forward: Vec<Stop>,
    /// The count typed so far (`3` of `3j`), if any.
    count: Option<usize>,
    /// A one-line message for the footer (what was copied), until the next key.
    message: Option<String>,
    /// Whether the explorer has the mouse (else the terminal's own selection works).
    mouse: bool,
    /// Whether addresses are drawn as OSC 8 hyperlinks (the terminal shows them).
    hyperlinks: bool,
    /// What the terminal has to do and has not done yet (copy, mouse capture).
    effects: Vec<Effect>,
    /// The item last selected in the other view, to come back to it.
    other_view_item: Option<Item>,
    /// The overlay open, if any.
    overlay: Option<Overlay>,
    /// The first line shown in the overlay, when it is taller than the screen.
    help_scroll: usize,
    /// The terminal's size.
    size: (u16, u16),
    /// Set when the person asked to leave.
    quit: bool,
    /// The folded texts that search runs over, built once.
    index: Index,
    /// The search, while one is on.
    search: Option<Search>,
    /// The map, while it is open.
    map: Option<mapview::MapView>,
    /// Why the data file on disk did not load again, while the last good data is shown.
    banner: Option<String>,
    /// How many times the data was replaced (live reload): part of the detail cache's key.
    generation: u64,
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
            map: None,
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
            count: None,
            message: None,
            mouse: true,
            hyperlinks: false,
            effects: Vec::new(),
            other_view_item: None,
            overlay: None,
            help_scroll: 0,
            size,
            quit: false,
        };
        app.rebuild_rows();
        app
    }

    /// The data.
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The active language, one of the catalog's.
    #[must_use]
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// What the left pane lists.
    #[must_use]
    pub fn view(&self) -> View {
        self.view
    }

    /// What is expanded, in both views.
    #[must_use]
    pub fn expansion(&self) -> &Expansion {
        &self.expansion
    }

    /// The visible rows of the left pane, top to bottom.
    #[must_use]
    pub fn rows(&self) -> &[Item] {
        &self.rows
    }

    /// The selected row, an index into [`App::rows`].
    #[must_use]
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The first row shown in the left pane.
    #[must_use]
    pub fn tree_offset(&self) -> usize {
        self.tree_offset
    }

    /// Which pane the movement keys act on.
    #[must_use]
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The first line shown in the detail pane.
    #[must_use]
    pub fn detail_scroll(&self) -> usize {
        self.detail_scroll
    }

    /// The link of the detail pane that `Enter` follows, while the detail has the focus.
    #[must_use]
    pub fn link_focus(&self) -> Option<usize> {
        self.link_focus
    }

    /// The places to go back to, the latest last.
    #[must_use]
    pub fn back(&self) -> &[Stop] {
        &self.back
    }

    /// The places to go forward to, the next last.
    #[must_use]
    pub fn forward(&self) -> &[Stop] {
        &self.forward
    }

    /// Whether the help overlay is open.
    #[must_use]
    pub fn help(&self) -> bool {
        self.overlay == Some(Overlay::Help)
    }

    /// The overlay open, if any.
    #[must_use]
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// How many problems the data file on disk has, while it does not load (0 when it loads).
    #[must_use]
    pub fn problems(&self) -> usize {
        self.banner.as_deref().map_or(0, |b| b.lines().count().max(1))
    }

    /// The first line shown in the overlay (the help or the list of problems).
    #[must_use]
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// The terminal's size, as the last resize said.
    #[must_use]
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Whether the person asked to leave.
    #[must_use]
    pub fn quit(&self) -> bool {
        self.quit
    }

    /// The folded texts that search runs over.
    #[must_use]
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The explorer drawing addresses as OSC 8 hyperlinks, or as plain text (the default).
    #[must_use]
    pub fn with_hyperlinks(mut self, on: bool) -> Self {
        self.hyperlinks = on;
        self
    }

    /// Whether addresses are drawn as OSC 8 hyperlinks.
    #[must_use]
    pub fn hyperlinks(&self) -> bool {
        self.hyperlinks
    }

    /// The search, while one is on.
    #[must_use]
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// Why the data file on disk did not load again, while the last good data is shown.
    #[must_use]
    pub fn banner(&self) -> Option<&str> {
        self.banner.as_deref()
    }

    /// The count typed so far (`3` of `3j`), if any.
    #[must_use]
    pub fn count(&self) -> Option<usize> {
        self.count
    }

    /// The footer's one-line message (what was copied), until the next key.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the explorer has the mouse.
    #[must_use]
    pub fn mouse(&self) -> bool {
        self.mouse
    }

    /// Expands every entry of the tree of levels (the benchmarks' largest tree).
    pub fn expand_all(&mut self) {
        self.expansion.nodes.fill(true);
        self.rebuild_rows();
        self.settle();
    }

    /// What the keys do now: the one decision that the key table, the help, the footer and
    /// [`App::update`] read.
    #[must_use]
    pub fn mode(&self) -> Mode {
        self.mode_with(self.overlay.is_some())
    }

    /// The mode under the help overlay: what the keys will do once it is closed (the help shows
    /// which of them are live there).
    #[must_use]
    pub fn mode_beneath(&self) -> Mode {
        self.mode_with(false)
    }

    fn mode_with(&self, help: bool) -> Mode {
        let typing = self.search.as_ref().is_some_and(|s| s.typing);
        let pane = if help {
            Pane::Help
        } else if self.map.is_some() {
            Pane::Map
        } else if typing {
            Pane::Typing
        } else if self.focus == Focus::Detail {
            Pane::Detail
        } else {
            Pane::Tree
        };
        Mode {
            pane,
            filter: self.search.as_ref().is_some_and(|s| !s.typing),
            results: self.search.as_ref().map_or(0, |s| s.results.len()),
            orgs: self.view == View::Organisations,
            links: if self.no_results() { 0 } else { self.detail().links.len() },
            link_focused: self.focus == Focus::Detail && self.link_focus.is_some(),
            expandable: !self.filtering() && self.selected().has_children(&self.catalog),
            expanded: !self.filtering() && self.expansion.is_open(self.selected()),
            back: self.map.as_ref().map_or(!self.back.is_empty(), |m| m.state.can_go_back()),
            forward: self
                .map
                .as_ref()
                .map_or(!self.forward.is_empty(), |m| m.state.can_go_forward()),
            list: self.map.as_ref().is_some_and(|m| m.state.list.is_some()),
            count: self.count,
            problems: self.problems(),
        }
    }

    /// The next thing the terminal has to do (copy, mouse capture), taken off the list: the
    /// terminal loop carries these out after each update.
    pub fn take_effect(&mut self) -> Option<Effect> {
        if self.effects.is_empty() { None } else { Some(self.effects.remove(0)) }
    }

    /// Whether a search is on, has a query, and finds nothing.
    #[must_use]
    pub fn no_results(&self) -> bool {
        self.search.as_ref().is_some_and(|s| s.results.is_empty() && !s.query.trim().is_empty())
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
        let view =
            Arc::new(detail::view(&self.catalog, key.item, &self.lang, width, key.link_focus));
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

    /// Carries out one action, as [`App::mode`] says it goes: to the help, the search line, or
    /// the focused pane.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        match self.mode().pane {
            Pane::Help => self.apply_help(action),
            Pane::Typing => {
                self.count = None;
                self.apply_typing(action);
                self.settle();
            }
            Pane::Map => self.apply_map(action),
            Pane::Tree | Pane::Detail => self.apply(action),
        }
    }

    /// How many lines the open overlay shows, and how far it can scroll.
    fn overlay_range(&self) -> (usize, usize) {
        match self.overlay {
            Some(Overlay::Problems) => crate::problems::scroll_range(
                self.banner.as_deref().unwrap_or(""),
                crate::i18n::strings(&self.lang).problems_title,
                self.size,
            ),
            Some(Overlay::Source) => crate::problems::scroll_range(
                &crate::detail::source_text(&self.catalog, &self.lang),
                crate::i18n::strings(&self.lang).source_title,
                self.size,
            ),
            _ => (
                crate::help::visible_lines(&self.lang, self.size),
                crate::help::max_scroll(&self.lang, self.size),
            ),
        }
    }

    /// Keys under an overlay (the help, the list of problems): they scroll it or close it, never
    /// quit or move the tree.
    fn apply_help(&mut self, action: Action) {
        let (page, max) = self.overlay_range();
        let scroll = |d: i32, at: usize| offset_by(at, d).min(max);
        match action {
            Action::ToggleHelp | Action::Close => self.overlay = None,
            Action::Down => self.help_scroll = scroll(1, self.help_scroll),
            Action::Up => self.help_scroll = scroll(-1, self.help_scroll),
            Action::PageDown => self.help_scroll = scroll(page_step(page), self.help_scroll),
            Action::PageUp => self.help_scroll = scroll(-page_step(page), self.help_scroll),
            Action::HalfPageDown => self.help_scroll = scroll(half_step(page), self.help_scroll),
            Action::HalfPageUp => self.help_scroll = scroll(-half_step(page), self.help_scroll),
            Action::First => self.help_scroll = 0,
            Action::Last => self.help_scroll = max,
            Action::Quit => self.quit = true,
            Action::NextLanguage | Action::SetLanguage(_) | Action::Resize(..) => {
                self.apply(action);
            }
            Action::Paste(text) => self.paste(text),
            _ => {}
        }
        self.help_scroll = self.help_scroll.min(self.overlay_range().1);
    }

    /// After any action: the selection in view, the detail scroll in range, the search's
    /// current result on the selection when it is one.
    fn settle(&mut self) {
        self.keep_in_view();
        self.detail_scroll = self.detail_scroll.min(self.max_detail_scroll());
        let sel = self.rows.get(self.cursor).copied();
        if let Some(s) = self.search.as_mut()
            && let Some(sel) = sel
            && s.results.get(s.current) != Some(&sel)
            && let Some(i) = s.results.iter().position(|&r| r == sel)
        {
            s.current = i;
        }
    }

    /// A digit: the count grows (`1`, `12`); a `0` alone starts nothing.
    fn digit(&mut self, d: u8) {
        self.count = match (self.count, d) {
            (None, 0) => None,
            (c, d) => Some((c.unwrap_or(0) * 10 + usize::from(d)).min(MAX_COUNT)),
        };
    }

    fn apply(&mut self, action: Action) {
        if let Action::Digit(d) = action {
            self.digit(d);
            return;
        }
        // Any other key uses the count, or drops it.
        let count = self.count.take();
        let times = count.unwrap_or(1);
        let steps = i32::try_from(times).unwrap_or(i32::MAX);
        let page = self.tree_height();
        let detail_page = self.detail_height();
        let in_detail = self.focus == Focus::Detail;
        let to_row = |c: Option<usize>| c.map(|c| c.saturating_sub(1));
        match action {
            Action::Down if in_detail => {
                for _ in 0..times.min(self.detail_len().max(1)) {
                    self.detail_down();
                }
            }
            Action::Up if in_detail => {
                for _ in 0..times.min(self.detail_len().max(1)) {
                    self.detail_up();
                }
            }
            Action::PageDown if in_detail => {
                self.scroll_detail(page_step(detail_page).saturating_mul(steps));
            }
            Action::PageUp if in_detail => {
                self.scroll_detail(-page_step(detail_page).saturating_mul(steps));
            }
            Action::HalfPageDown if in_detail => {
                self.scroll_detail(half_step(detail_page).saturating_mul(steps));
            }
            Action::HalfPageUp if in_detail => {
                self.scroll_detail(-half_step(detail_page).saturating_mul(steps));
            }
            Action::First | Action::Last if in_detail && count.is_some() => {
                self.detail_scroll = to_row(count).unwrap_or(0).min(self.max_detail_scroll());
                self.link_focus = None;
            }
            Action::First if in_detail => self.detail_scroll = 0,
            Action::Last if in_detail => self.detail_scroll = self.max_detail_scroll(),
            Action::Toggle | Action::FollowFocused if in_detail => {
                if let Some(i) = self.link_focus {
                    self.follow_link(i);
                }
            }
            Action::FollowFocused => {}
            Action::FollowNumbered => {
                if let Some(i) = to_row(count) {
                    self.follow_link(i);
                }
            }
            Action::DropCount => {}
            Action::Down => self.move_cursor(steps),
            Action::Up => self.move_cursor(-steps),
            Action::PageDown => self.move_cursor(page_step(page).saturating_mul(steps)),
            Action::PageUp => self.move_cursor(-page_step(page).saturating_mul(steps)),
            Action::HalfPageDown => self.move_cursor(half_step(page).saturating_mul(steps)),
            Action::HalfPageUp => self.move_cursor(-half_step(page).saturating_mul(steps)),
            // `5g`, `10G`: row 5, row 10, as in vim.
            Action::First | Action::Last if count.is_some() => {
                self.set_cursor(to_row(count).unwrap_or(0));
            }
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
                self.overlay = Some(Overlay::Help);
                self.help_scroll = 0;
            }
            Action::ShowProblems => {
                if self.banner.is_some() {
                    self.overlay = Some(Overlay::Problems);
                    self.help_scroll = 0;
                }
            }
            Action::ShowSource => {
                self.overlay = Some(Overlay::Source);
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
            Action::OpenMap => self.open_map(),
            // The map's keys reach it only while it is open.
            Action::Map(_) => {}
            Action::CopyEntry => self.copy(false),
            Action::CopyId => self.copy(true),
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.effects.push(Effect::MouseCapture(self.mouse));
                let s = crate::i18n::strings(&self.lang);
                self.message = Some((if self.mouse { s.mouse_on } else { s.mouse_off }).to_owned());
            }
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
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.count = count;
            }
            Action::Paste(text) => {
                self.paste(text);
                return;
            }
            // Editing keys mean nothing outside the search line.
            Action::Digit(_)
            | Action::SearchChar(_)
            | Action::SearchBackspace
            | Action::SearchDelete
            | Action::SearchDeleteWord
            | Action::SearchKillEnd
            | Action::SearchClear
            | Action::SearchLeft
            | Action::SearchRight
            | Action::SearchWordLeft
            | Action::SearchWordRight
            | Action::SearchHome
            | Action::SearchEnd
            | Action::SearchAccept
            | Action::SearchCancel => {}
        }
        self.settle();
    }

    /// `y` / `Y`: the selected entry as text, or its id, onto the clipboard; the footer says so.
    fn copy(&mut self, id_only: bool) {
        let item = self.selected();
        let s = crate::i18n::strings(&self.lang);
        let (text, message) = if id_only {
            let id = crate::clip::id(&self.catalog, item).to_owned();
            (id.clone(), s.copied_id.replace("{}", &id))
        } else {
            let text = crate::clip::entry_text(&self.catalog, item, &self.lang);
            let name = text.lines().next().unwrap_or("").to_owned();
            (text, s.copied.replace("{}", &name))
        };
        self.effects.push(Effect::Copy(text));
        self.message = Some(message);
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

    /// Where the person stands now, with the search kept as a filter: a place on the history.
    fn stop(&self) -> Stop {
        Stop { place: self.place(), search: self.search.clone().filter(|s| !s.typing) }
    }

    /// Goes back to `stop` exactly, with the search it kept.
    fn restore_stop(&mut self, stop: Stop) {
        let Stop { place, search } = stop;
        self.restore(place);
        if search.is_some() {
            self.search = search;
            let item = self.selected();
            let (offset, scroll, link, focus) =
                (self.tree_offset, self.detail_scroll, self.link_focus, self.focus);
            self.rebuild_rows();
            self.cursor = self.rows.iter().position(|&r| r == item).unwrap_or(0);
            self.tree_offset = offset;
            self.detail_scroll = scroll;
            self.link_focus = link;
            self.focus = focus;
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

/// Half a page, at least one line.
fn half_step(height: usize) -> i32 {
    i32::try_from((height / 2).max(1)).unwrap_or(i32::MAX)
}

/// `base + d`, kept at zero or above.
fn offset_by(base: usize, d: i32) -> usize {
    let step = usize::try_from(d.unsigned_abs()).unwrap_or(usize::MAX);
    if d < 0 { base.saturating_sub(step) } else { base.saturating_add(step) }
}
