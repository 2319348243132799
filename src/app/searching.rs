//! The search as the explorer runs it: the search line's editing keys, results per view, the
//! filtered tree, `n`/`N`, and going back on `Esc`.

use super::{App, Place};
use crate::action::Action;
use crate::search::{Hit, Index, Kept};
use crate::tree::{Item, View};

/// A search in progress (typing) or kept as a filter (after `Enter`).
#[derive(Debug, Clone)]
pub struct Search {
    /// What was typed.
    query: String,
    /// The caret in `query`, in characters.
    caret: usize,
    /// Whether keys go to the search line (`true`) or to the filtered tree (`false`).
    typing: bool,
    /// Every item found (nodes and organisations), best first.
    hits: Vec<Hit>,
    /// The results in the current view, best first.
    results: Vec<Item>,
    /// The result `n`/`N` stand on, an index into `results`.
    current: usize,
    /// Whether the last `n`/`N` went round: `Some(true)` from the last result to the first,
    /// `Some(false)` from the first to the last.
    wrapped: Option<bool>,
    /// Per search key (see [`Item::search_key`]), whether it matched in the current view.
    matched: Vec<bool>,
    /// Per search key, the language (an index into the catalog's) of a result that matched
    /// only in another language; `u8::MAX` otherwise.
    other_lang: Vec<u8>,
    /// Where the person stood before `/`.
    before: Place,
    /// The words' matches of the last searches, for the next keystroke.
    kept: Kept,
}

impl Search {
    /// Per search key (see [`Item::search_key`]), whether it matched in the current view.
    pub(super) fn matched(&self) -> &[bool] {
        &self.matched
    }

    /// Whether the item of search key `key` is a result (not only the ancestor of one).
    pub(super) fn matches(&self, key: usize) -> bool {
        self.matched.get(key).copied().unwrap_or(false)
    }

    /// The language (an index into the catalog's) the item of search key `key` matched in,
    /// when it matched only in another language than the active one.
    pub(super) fn other_lang(&self, key: usize) -> Option<u8> {
        self.other_lang.get(key).copied().filter(|&l| l != u8::MAX)
    }

    /// The current result follows the selection when the selection is a result.
    pub(super) fn follow(&mut self, sel: Item) {
        if self.results.get(self.current) != Some(&sel)
            && let Some(i) = self.results.iter().position(|&r| r == sel)
        {
            self.current = i;
        }
    }

    /// What was typed, where the caret was and whether keys went to the line: what a reload
    /// keeps of a search.
    pub(super) fn into_text(self) -> (String, usize, bool) {
        (self.query, self.caret, self.typing)
    }

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

    /// The search without the words' matches kept for the next keystroke (what a place on the
    /// history keeps: the results, not the means to the next search).
    pub(super) fn without_kept(mut self) -> Self {
        self.kept = Kept::default();
        self
    }

    /// The last step no longer went round (another key came after it).
    pub(super) fn forget_wrap(&mut self) {
        self.wrapped = None;
    }
}

impl App {
    /// Keys while typing in the search line.
    pub(super) fn apply_typing(&mut self, action: Action) {
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
            Action::SearchDelete => {
                if s.caret < len {
                    let at = byte(&s.query, s.caret);
                    s.query.remove(at);
                }
            }
            Action::SearchKillEnd => {
                let at = byte(&s.query, s.caret);
                s.query.truncate(at);
            }
            Action::SearchWordLeft => {
                let chars: Vec<char> = s.query.chars().collect();
                s.caret = word_left(&chars, s.caret);
                edited = false;
            }
            Action::SearchWordRight => {
                let chars: Vec<char> = s.query.chars().collect();
                let mut at = s.caret;
                while at < chars.len() && !chars[at].is_alphanumeric() {
                    at += 1;
                }
                while at < chars.len() && chars[at].is_alphanumeric() {
                    at += 1;
                }
                s.caret = at;
                edited = false;
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
            Action::Paste(text) => {
                let text = paste_text(&text);
                if text.is_empty() {
                    return;
                }
                let at = byte(&s.query, s.caret);
                s.query.insert_str(at, &text);
                s.caret += text.chars().count();
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
                } else if !s.results.is_empty() {
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

    /// A paste outside the search line: the search opens (an overlay closes) with the text in it.
    pub(super) fn paste(&mut self, text: String) {
        if paste_text(&text).is_empty() {
            return;
        }
        self.overlay.close();
        self.open_search();
        self.apply_typing(Action::Paste(text));
        self.settle();
    }

    /// `/`: starts a search, or goes back to editing the one kept as a filter.
    pub(super) fn open_search(&mut self) {
        if let Some(s) = self.search.as_mut() {
            s.typing = true;
            s.caret = s.query.chars().count();
            return;
        }
        let keys = self.catalog.nodes.len() + self.catalog.orgs.len();
        self.search = Some(Search {
            query: String::new(),
            caret: 0,
            typing: true,
            hits: Vec::new(),
            results: Vec::new(),
            current: 0,
            wrapped: None,
            matched: vec![false; keys],
            other_lang: vec![u8::MAX; keys],
            before: self.place(),
            kept: Kept::default(),
        });
    }

    /// After a reload: the search as it was typed, run again on the new data, keeping `keep`
    /// selected if it is still a result.
    pub(super) fn reopen_search(
        &mut self,
        (query, caret, typing): (String, usize, bool),
        keep: Item,
    ) {
        self.open_search();
        if let Some(s) = self.search.as_mut() {
            s.query = query;
            s.caret = caret;
            s.typing = typing;
        }
        self.rerun_search(Some(keep));
    }

    /// `o` with a search on: the results of the other view (a step that went round is
    /// history), `keep` selected if it is one.
    pub(super) fn search_other_view(&mut self, keep: Option<Item>) {
        if let Some(s) = self.search.as_mut() {
            s.wrapped = None;
        }
        self.show_results(keep);
    }

    /// Runs the query again on new data, keeping `keep` selected if it is still a result.
    fn rerun_search(&mut self, keep: Option<Item>) {
        let Some(s) = self.search.as_mut() else { return };
        // The words' matches kept were of the old data.
        s.kept = Kept::default();
        s.hits =
            super::built(&self.index, &self.catalog).search_kept(&s.query, &self.lang, &mut s.kept);
        s.current = 0;
        self.show_results(keep);
    }

    /// Runs the query again after an edit and selects the best result.
    fn run_search(&mut self) {
        let Some(s) = self.search.as_mut() else { return };
        // Only the words that changed are searched (see `Kept`).
        s.hits =
            super::built(&self.index, &self.catalog).search_kept(&s.query, &self.lang, &mut s.kept);
        s.current = 0;
        s.wrapped = None;
        self.show_results(None);
    }

    /// After the hits or the view changed: the results of this view, the rows, and the
    /// selection on `keep` if it is still a result, else on the current one; with no results,
    /// the tree as it was before the search.
    pub(super) fn show_results(&mut self, keep: Option<Item>) {
        let nodes = self.catalog.nodes.len();
        let Some(s) = self.search.as_mut() else { return };
        let view = self.tree.view();
        let index = super::built(&self.index, &self.catalog);
        s.results = results_in_view(index, nodes, view, &s.hits);
        s.matched.fill(false);
        s.other_lang.fill(u8::MAX);
        for h in &s.hits {
            if view == View::Organisations || h.node < nodes {
                s.matched[h.node] = true;
                if let Some(l) = h.other_lang {
                    s.other_lang[h.node] = l;
                }
            }
        }
        if let Some(k) = keep
            && let Some(i) = s.results.iter().position(|&r| r == k)
        {
            s.current = i;
        }
        s.current = s.current.min(s.results.len().saturating_sub(1));
        let target = s.results.get(s.current).copied();
        let before = s.before.item;
        if target.is_none() {
            // No result: the tree as it was, kept out of sight behind the message.
            let expansion = s.before.expansion.clone();
            self.tree.show(&self.catalog, view, expansion, None);
        }
        self.rebuild_rows();
        self.tree.put_on(target.unwrap_or(before));
        self.reading.reset();
    }

    /// The language changed: rank the results again, keeping the selected one.
    pub(super) fn rerank(&mut self) {
        let keep = Some(self.tree.selected());
        let Some(s) = self.search.as_mut() else { return };
        if s.hits.is_empty() {
            return;
        }
        // The words' matches are kept: only the ranking is made again.
        s.hits =
            super::built(&self.index, &self.catalog).search_kept(&s.query, &self.lang, &mut s.kept);
        s.current = 0;
        self.show_results(keep);
    }

    /// `n` / `N`: the next or previous result, going round at the ends.
    pub(super) fn step_result(&mut self, forward: bool) {
        let Some(s) = self.search.as_mut() else { return };
        let n = s.results.len();
        if n == 0 {
            return;
        }
        let current = s.current.min(n - 1);
        let (next, wrapped) = if forward {
            if current + 1 >= n { (0, Some(true)) } else { (current + 1, None) }
        } else if current == 0 {
            (n - 1, Some(false))
        } else {
            (current - 1, None)
        };
        s.current = next;
        s.wrapped = wrapped;
        let item = s.results[next];
        if let Some(row) = self.tree.row_of(item) {
            self.set_cursor(row);
        }
    }

    /// `Esc` while typing: everything as it was before `/`.
    fn cancel_search(&mut self) {
        let Some(s) = self.search.take() else { return };
        self.restore(s.before);
    }

    /// `Esc` after `Enter`: the full tree again, the selected item kept and revealed.
    pub(super) fn clear_filter(&mut self) {
        let Some(s) = self.search.take() else { return };
        let item = self.tree.selected();
        self.tree.show(&self.catalog, self.tree.view(), s.before.expansion, None);
        self.tree.put_on(item);
        self.select_item(item);
    }
}

/// Where the caret lands on `Alt-B`: the start of the word before `at`.
fn word_left(chars: &[char], at: usize) -> usize {
    let mut at = at.min(chars.len());
    while at > 0 && !chars[at - 1].is_alphanumeric() {
        at -= 1;
    }
    while at > 0 && chars[at - 1].is_alphanumeric() {
        at -= 1;
    }
    at
}

/// Pasted text as the search line takes it: line breaks (a Windows `\r\n` is one) and tabs
/// become spaces, other control characters (and the invisible ones the sanitizer drops) are
/// dropped, the rest kept as is.
#[must_use]
fn paste_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}') =>
            {
                None
            }
            c => Some(c),
        })
        .collect()
}

/// The results of `view` for `hits`, best first: in the tree of levels the entries (the
/// items below `nodes`); in the organisations view the organisations found, and each entry
/// found under every organisation it names (from the index, which has them compactly: the
/// hits come in the order of their rank, not of the file).
fn results_in_view(index: &Index, nodes: usize, view: View, hits: &[Hit]) -> Vec<Item> {
    let mut out = Vec::with_capacity(hits.len());
    for h in hits {
        match view {
            View::Levels if h.node < nodes => out.push(Item::Node(h.node)),
            View::Levels => {}
            View::Organisations if h.node >= nodes => out.push(Item::Org(h.node - nodes)),
            View::Organisations => {
                let orgs = index.organisations_of(h.node);
                for (i, &o) in orgs.iter().enumerate() {
                    // Each organisation once, where the entry first names it.
                    if !orgs[..i].contains(&o) {
                        out.push(Item::Use(o as usize, h.node));
                    }
                }
            }
        }
    }
    out
}
