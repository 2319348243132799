//! The explorer's state and its one `update`: an [`Action`] in, a new state out, no I/O.
//!
//! [`App`] holds parts that each keep their own rules: the tree pane in `rows`, the detail
//! pane in `reading`, the history in `history`, the overlays in `overlay`, the search in
//! `searching`, the map in `mapview`. This module decides, through [`App::mode`], which
//! of them an action goes to, and moves the tree and the detail; following links and switching
//! views is in `links`, live reload in `reload`.

mod history;
pub use history::HISTORY;
mod links;
mod mapview;
mod overlay;
pub use overlay::Overlay;
mod reading;
mod reload;
mod rows;
mod searching;
pub use searching::Search;

use std::sync::{Arc, OnceLock};

use ratatui::layout::Rect;

use crate::action::{Action, Effect};
use crate::data::{Catalog, NodeIx};
use crate::detail;
use crate::keymap::{Mode, Pane};
use crate::layout::{self, Areas};
use crate::map::state::MapState;
use crate::search::Index;
use crate::tree::{Expansion, Item, View};

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
    /// The data (shared with the thread that builds the search index).
    catalog: Arc<Catalog>,
    /// The active language, one of the catalog's.
    lang: String,
    /// The language the person chose last (at the start or with a key or click): a reload
    /// whose file has it goes back to it, even after one that did not have it.
    chosen_lang: String,
    /// The left pane: its view, expansion, rows, selection and scroll.
    tree: rows::Rows,
    /// Which pane the movement keys act on.
    focus: Focus,
    /// The detail pane: its scroll, its chosen link, its content kept.
    reading: reading::Reading,
    /// Places to go back to (`Backspace`, `Alt-←`) and forward to (`Alt-→`).
    history: history::History,
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
    /// The overlay open (the help, the list of problems), if any, and its scroll.
    overlay: overlay::Overlays,
    /// The terminal's size.
    size: (u16, u16),
    /// Set when the person asked to leave.
    quit: bool,
    /// The folded texts that search runs over, built once, when first needed or on another
    /// thread (see [`App::index_builder`]), never before the first frame.
    index: Arc<OnceLock<Index>>,
    /// The search, while one is on.
    search: Option<Search>,
    /// The map, while it is open.
    map: Option<mapview::MapView>,
    /// Why the data file on disk did not load again, while the last good data is shown.
    banner: Option<String>,
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
        let tree = rows::Rows::new(&catalog);
        App {
            index: Arc::default(),
            search: None,
            map: None,
            banner: None,
            catalog: Arc::new(catalog),
            chosen_lang: lang.clone(),
            lang,
            tree,
            focus: Focus::Tree,
            reading: reading::Reading::default(),
            history: history::History::default(),
            count: None,
            message: None,
            mouse: true,
            hyperlinks: false,
            effects: Vec::new(),
            overlay: overlay::Overlays::default(),
            size,
            quit: false,
        }
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
        self.tree.view()
    }

    /// What is expanded, in both views.
    #[must_use]
    pub fn expansion(&self) -> &Expansion {
        self.tree.expansion()
    }

    /// The visible rows of the left pane, top to bottom.
    #[must_use]
    pub fn rows(&self) -> &[Item] {
        self.tree.rows()
    }

    /// The selected row, an index into [`App::rows`].
    #[must_use]
    pub fn cursor(&self) -> usize {
        self.tree.cursor()
    }

    /// The first row shown in the left pane.
    #[must_use]
    pub fn tree_offset(&self) -> usize {
        self.tree.offset()
    }

    /// Which pane the movement keys act on.
    #[must_use]
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The first line shown in the detail pane.
    #[must_use]
    pub fn detail_scroll(&self) -> usize {
        self.reading.scroll()
    }

    /// The link of the detail pane that `Enter` follows, while the detail has the focus.
    #[must_use]
    pub fn link_focus(&self) -> Option<usize> {
        self.reading.link_focus()
    }

    /// The places to go back to, the latest last.
    #[must_use]
    pub fn back(&self) -> &[Stop] {
        self.history.back()
    }

    /// The places to go forward to, the next last.
    #[must_use]
    pub fn forward(&self) -> &[Stop] {
        self.history.forward()
    }

    /// Whether the help overlay is open.
    #[must_use]
    pub fn help(&self) -> bool {
        self.overlay.open() == Some(Overlay::Help)
    }

    /// The overlay open, if any.
    #[must_use]
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay.open()
    }

    /// How many problems the data file on disk has, while it does not load (0 when it loads).
    #[must_use]
    pub fn problems(&self) -> usize {
        self.banner.as_deref().map_or(0, |b| b.lines().count().max(1))
    }

    /// The first line shown in the overlay (the help or the list of problems).
    #[must_use]
    pub fn help_scroll(&self) -> usize {
        self.overlay.scroll()
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

    /// The folded texts that search runs over: built here if no other thread has (and if one
    /// is building them, when it is done).
    #[must_use]
    pub fn index(&self) -> &Index {
        built(&self.index, &self.catalog)
    }

    /// Whether the search index is built yet.
    #[must_use]
    pub fn index_ready(&self) -> bool {
        self.index.get().is_some()
    }

    /// Lets the search index go (it is built again when next needed): done before the data
    /// file is read again, so that the old index and the new data are not in memory together.
    pub fn drop_index(&mut self) {
        self.index = Arc::default();
    }

    /// What builds the search index, to run on another thread after the first frame: a search
    /// started meanwhile waits for it (the keys typed meanwhile wait in their queue).
    pub fn index_builder(&self) -> impl FnOnce() + Send + 'static {
        let (slot, catalog) = (Arc::clone(&self.index), Arc::clone(&self.catalog));
        move || {
            built(&slot, &catalog);
        }
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
        self.tree.expand_all(&self.catalog);
        self.settle();
    }

    /// What the keys do now: the one decision that the key table, the help, the footer and
    /// [`App::update`] read.
    #[must_use]
    pub fn mode(&self) -> Mode {
        self.mode_with(self.overlay.open().is_some())
    }

    /// The mode under the help overlay: what the keys will do once it is closed (the help shows
    /// which of them are live there).
    #[must_use]
    pub fn mode_beneath(&self) -> Mode {
        self.mode_with(false)
    }

    fn mode_with(&self, help: bool) -> Mode {
        let typing = self.search.as_ref().is_some_and(Search::typing);
        let pane = if self.areas().is_none() {
            Pane::TooSmall
        } else if help {
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
            filter: self.search.as_ref().is_some_and(|s| !s.typing()),
            results: self.search.as_ref().map_or(0, |s| s.results().len()),
            orgs: self.tree.view() == View::Organisations,
            links: if self.no_results() { 0 } else { self.detail().links.len() },
            link_focused: self.focus == Focus::Detail && self.reading.link_focus().is_some(),
            expandable: !self.filtering() && self.selected().has_children(&self.catalog),
            expanded: !self.filtering() && self.tree.expansion().is_open(self.selected()),
            back: self.map().map_or(!self.history.back().is_empty(), MapState::can_go_back),
            forward: self
                .map()
                .map_or(!self.history.forward().is_empty(), MapState::can_go_forward),
            list: self.map().is_some_and(|m| m.list.is_some()),
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
        self.search.as_ref().is_some_and(|s| s.results().is_empty() && !s.query().trim().is_empty())
    }

    /// The language a search result matched in, when it matched only in another language than
    /// the active one.
    #[must_use]
    pub fn result_language(&self, item: Item) -> Option<&str> {
        let key = item.search_key(&self.catalog);
        let l = self.search.as_ref()?.other_lang(key)?;
        self.catalog.languages.get(usize::from(l)).map(String::as_str)
    }

    /// Whether `item` is a search result (not only the ancestor of one).
    #[must_use]
    pub fn is_result(&self, item: Item) -> bool {
        let key = item.search_key(&self.catalog);
        self.search.as_ref().is_some_and(|s| s.matches(key))
    }

    /// The selected item.
    #[must_use]
    pub fn selected(&self) -> Item {
        self.tree.selected()
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
        self.reading.view(
            &self.catalog,
            self.selected(),
            &self.lang,
            width,
            self.focus == Focus::Detail,
        )
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
        // "Went round" is said of the last `n`/`N`: any other key takes it away.
        if !matches!(action, Action::Resize(..) | Action::NextResult | Action::PrevResult)
            && let Some(s) = self.search.as_mut()
        {
            s.forget_wrap();
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
            // Nothing is seen to act on: only quitting, and a resize, which goes where it would
            // once the screen is large enough again.
            Pane::TooSmall => match action {
                Action::Quit => self.quit = true,
                Action::Resize(w, h) => {
                    self.size = (w, h);
                    if self.mode().pane != Pane::TooSmall {
                        self.update(action);
                    }
                }
                _ => {}
            },
        }
    }

    /// How many lines the open overlay shows, and how far it can scroll.
    fn overlay_range(&self) -> (usize, usize) {
        match self.overlay.open() {
            Some(Overlay::Problems) => crate::problems::scroll_range(
                self.banner.as_deref().unwrap_or(""),
                crate::i18n::strings(&self.lang).problems_title,
                self.size,
            ),
            Some(Overlay::Source) => crate::problems::scroll_range(
                &crate::detail::source_text(&self.catalog, &self.lang, self.size.0),
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
        let at = self.overlay.scroll();
        let to = |d: i32| offset_by(at, d);
        match action {
            Action::ToggleHelp | Action::Close => self.overlay.close(),
            Action::Down => self.overlay.scroll_to(to(1), max),
            Action::Up => self.overlay.scroll_to(to(-1), max),
            Action::PageDown => self.overlay.scroll_to(to(page_step(page)), max),
            Action::PageUp => self.overlay.scroll_to(to(-page_step(page)), max),
            Action::HalfPageDown => self.overlay.scroll_to(to(half_step(page)), max),
            Action::HalfPageUp => self.overlay.scroll_to(to(-half_step(page)), max),
            Action::First => self.overlay.scroll_to(0, max),
            Action::Last => self.overlay.scroll_to(max, max),
            Action::Quit => self.quit = true,
            Action::NextLanguage | Action::SetLanguage(_) | Action::Resize(..) => {
                self.apply(action);
            }
            Action::Paste(text) => self.paste(text),
            _ => {}
        }
        let max = self.overlay_range().1;
        self.overlay.scroll_to(self.overlay.scroll(), max);
    }

    /// After any action: the selection in view, the detail scroll in range, the search's
    /// current result on the selection when it is one.
    fn settle(&mut self) {
        self.keep_in_view();
        let max = self.max_detail_scroll();
        self.reading.scroll_to(self.reading.scroll(), max);
        let sel = self.tree.selected();
        if let Some(s) = self.search.as_mut() {
            s.follow(sel);
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
                let max = self.max_detail_scroll();
                self.reading.scroll_to(to_row(count).unwrap_or(0), max);
                self.reading.drop_link();
            }
            Action::First if in_detail => self.reading.scroll_to(0, 0),
            Action::Last if in_detail => {
                let max = self.max_detail_scroll();
                self.reading.scroll_to(max, max);
            }
            Action::Toggle | Action::FollowFocused if in_detail => {
                if let Some(i) = self.reading.link_focus() {
                    self.follow_link(i);
                }
            }
            Action::FollowFocused => {}
            Action::FollowNumbered => {
                let links = self.mode().links;
                match to_row(count) {
                    Some(i) if i < links => self.follow_link(i),
                    _ => {
                        let s = crate::i18n::strings(&self.lang);
                        self.message =
                            Some(s.no_link.replacen("{}", &times.to_string(), 1).replacen(
                                "{}",
                                &links.to_string(),
                                1,
                            ));
                    }
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
            Action::Last => self.set_cursor(usize::MAX),
            Action::Expand | Action::Toggle if self.filtering() => {}
            Action::Collapse if self.filtering() => {
                if let Some(p) = self.selected().parent(&self.catalog) {
                    self.select_item(p);
                }
            }
            Action::Expand => {
                let item = self.selected();
                if item.has_children(&self.catalog) {
                    if self.tree.expansion().is_open(item) {
                        self.set_cursor(self.tree.cursor() + 1);
                    } else {
                        self.set_open(item, true);
                    }
                }
            }
            Action::Collapse => {
                let item = self.selected();
                if self.tree.expansion().is_open(item) && item.has_children(&self.catalog) {
                    self.set_open(item, false);
                } else if let Some(p) = item.parent(&self.catalog) {
                    self.select_item(p);
                }
            }
            Action::Toggle => {
                let item = self.selected();
                if item.has_children(&self.catalog) {
                    self.set_open(item, !self.tree.expansion().is_open(item));
                }
            }
            Action::FocusNext => {
                self.focus = if in_detail { Focus::Tree } else { Focus::Detail };
                self.reading.drop_link();
            }
            // `3L`: the third language of the header; `L` alone: the next one.
            Action::NextLanguage => {
                self.lang = match count.and_then(|c| self.catalog.languages.get(c - 1)) {
                    Some(l) => l.clone(),
                    None => self.catalog.next_language(&self.lang).to_owned(),
                };
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
            Action::ToggleHelp => self.overlay.show(Overlay::Help),
            Action::ShowProblems => {
                if self.banner.is_some() {
                    self.overlay.show(Overlay::Problems);
                }
            }
            Action::ShowSource => self.overlay.show(Overlay::Source),
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
            // The terminal loop suspends; the state stays as it is.
            Action::Suspend => {}
            Action::Select(item) => {
                self.select_item(item);
                self.focus = Focus::Tree;
                self.reading.drop_link();
            }
            Action::ToggleNode(_) if self.filtering() => {}
            Action::ToggleNode(item) => {
                if item.in_view(self.tree.view())
                    && self.item_exists(item)
                    && item.has_children(&self.catalog)
                {
                    let sel = self.selected();
                    self.set_open(item, !self.tree.expansion().is_open(item));
                    // A collapse that hid the selection selects the collapsed item.
                    if self.tree.selected() != sel {
                        self.select_item(item);
                    }
                }
            }
            Action::ScrollTree(d) => {
                let h = self.tree_height();
                if let Some(row) = self.tree.scroll(d, h) {
                    self.set_cursor(row);
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
        let max = self.max_detail_scroll();
        self.reading.scroll_by(d, max);
    }

    fn move_cursor(&mut self, d: i32) {
        self.set_cursor(offset_by(self.tree.cursor(), d));
    }

    /// Selects row `row` (clamped); a new selection starts its details at the top.
    fn set_cursor(&mut self, row: usize) {
        if self.tree.set_cursor(row) {
            self.reading.reset();
        }
    }

    /// Selects `item` (of the current view), expanding its ancestors so that it has a row; in a
    /// filtered tree, only an item that has a row can be selected.
    pub fn select_item(&mut self, item: Item) {
        if !item.in_view(self.tree.view()) || !self.item_exists(item) {
            return;
        }
        if !self.filtering() {
            self.tree.reveal(&self.catalog, item);
        }
        if let Some(row) = self.tree.row_of(item) {
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
        self.tree.set_open(&self.catalog, item, open, matched(self.search.as_ref()));
    }

    /// Whether the tree shows a search's results instead of the expanded items.
    #[must_use]
    pub fn filtering(&self) -> bool {
        self.search.as_ref().is_some_and(|s| !s.results().is_empty())
    }

    /// Recomputes the visible rows: the results and their ancestors while a search has results,
    /// else the expanded items.
    fn rebuild_rows(&mut self) {
        self.tree.rebuild(&self.catalog, matched(self.search.as_ref()));
    }

    /// Scrolls the tree so that the selected row is shown.
    fn keep_in_view(&mut self) {
        let h = self.tree_height();
        self.tree.keep_in_view(h);
    }

    /// Where the person stands now.
    #[must_use]
    pub fn place(&self) -> Place {
        Place {
            view: self.tree.view(),
            expansion: self.tree.expansion().clone(),
            item: self.selected(),
            tree_offset: self.tree.offset(),
            detail_scroll: self.reading.scroll(),
            link_focus: self.reading.link_focus(),
            focus: self.focus,
        }
    }

    /// Where the person stands now, with the search kept as a filter: a place on the history.
    fn stop(&self) -> Stop {
        Stop {
            place: self.place(),
            search: self.search.clone().filter(|s| !s.typing()).map(Search::without_kept),
        }
    }

    /// Goes back to `stop` exactly, with the search it kept.
    fn restore_stop(&mut self, stop: Stop) {
        let Stop { place, search } = stop;
        self.restore(place);
        if search.is_some() {
            self.search = search;
            let item = self.selected();
            let (offset, scroll, link, focus) =
                (self.tree.offset(), self.reading.scroll(), self.reading.link_focus(), self.focus);
            self.rebuild_rows();
            self.tree.put_on(item);
            self.tree.set_offset(offset);
            self.reading.restore(scroll, link);
            self.focus = focus;
        }
    }

    /// Goes back to `place` exactly (without a search).
    fn restore(&mut self, place: Place) {
        self.search = None;
        self.tree.show(&self.catalog, place.view, place.expansion, None);
        self.tree.put_on(place.item);
        self.tree.set_offset(place.tree_offset);
        self.reading.restore(place.detail_scroll, place.link_focus);
        self.focus = place.focus;
    }
}

/// The index in `slot`, built from `catalog` if it is not yet (or waited for while another
/// thread builds it).
fn built<'a>(slot: &'a OnceLock<Index>, catalog: &Catalog) -> &'a Index {
    slot.get_or_init(|| Index::new(catalog))
}

/// The search's matches while it has results: the tree shows those instead of the expanded
/// items.
fn matched(search: Option<&Search>) -> Option<&[bool]> {
    search.filter(|s| !s.results().is_empty()).map(Search::matched)
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
