//! Following the threads: the detail pane's links (digits, `Enter`, clicks, `↑`/`↓` between
//! them), the history (back and forward), and the switch between the two views.

use super::{App, offset_by};
use crate::detail::Target;
use crate::tree::{Item, View};

/// The most places the history keeps each way; past it, the oldest goes.
pub const HISTORY: usize = 100;

/// Puts `place` on a history list, dropping the oldest past [`HISTORY`].
fn remember(list: &mut Vec<super::Stop>, place: super::Stop) {
    if list.len() >= HISTORY {
        list.drain(..=list.len() - HISTORY);
    }
    list.push(place);
}

impl App {
    /// Follows link `i` (from 0) of the detail pane: its target is selected, revealed and
    /// shown, in the view it belongs to; the place left goes on the history.
    pub(super) fn follow_link(&mut self, i: usize) {
        // A search that finds nothing shows no entry, so no links either.
        if self.no_results() {
            return;
        }
        let Some(target) = self.detail().links.get(i).map(|l| l.target) else { return };
        self.jump(target);
    }

    /// Selects, reveals and shows `target` in the view it belongs to; the place left goes on
    /// the history.
    pub(super) fn jump(&mut self, target: Target) {
        // The place left keeps its search: `Back` comes back to the filtered tree as it was.
        let here = self.stop();
        remember(&mut self.back, here);
        self.forward.clear();
        self.search = None;
        let (view, item) = match target {
            Target::Node(n) => (View::Levels, Item::Node(n)),
            Target::Org(o) => (View::Organisations, Item::Org(o)),
        };
        if view != self.view {
            self.other_view_item = Some(self.selected());
            self.view = view;
        }
        self.rebuild_rows();
        self.select_item(item);
        self.detail_scroll = 0;
        self.link_focus = None;
    }

    /// `Backspace` / `Alt-←`: the place before the last jump, exactly as it was.
    pub(super) fn go_back(&mut self) {
        let Some(stop) = self.back.pop() else { return };
        let here = self.stop();
        remember(&mut self.forward, here);
        self.restore_stop(stop);
    }

    /// `Alt-→`: the place left by the last `Back`.
    pub(super) fn go_forward(&mut self) {
        let Some(stop) = self.forward.pop() else { return };
        let here = self.stop();
        remember(&mut self.back, here);
        self.restore_stop(stop);
    }

    /// `o`: the other view of the left pane, on the item last selected there; a search goes on
    /// in the new view.
    pub(super) fn toggle_view(&mut self) {
        let here = self.selected();
        self.view = match self.view {
            View::Levels => View::Organisations,
            View::Organisations => View::Levels,
        };
        let back_to = self.other_view_item.replace(here);
        if let Some(s) = self.search.as_mut() {
            // The results are the other view's now: a step that went round is history.
            s.wrapped = None;
            self.show_results(back_to);
        } else {
            self.rebuild_rows();
            self.cursor = 0;
            self.tree_offset = 0;
            if let Some(item) = back_to {
                self.select_item(item);
            }
        }
        self.detail_scroll = 0;
        self.link_focus = None;
    }

    /// `↓` in the detail pane: the next link when it is on screen, else one line down.
    pub(super) fn detail_down(&mut self) {
        let view = self.detail();
        let h = self.detail_height();
        let bottom = self.detail_scroll + h;
        let next = self.link_focus.map_or(0, |f| f + 1);
        match view.links.get(next) {
            Some(l) if l.first_line >= self.detail_scroll && l.first_line < bottom => {
                self.link_focus = Some(next);
                if l.last_line >= bottom {
                    self.detail_scroll = l.last_line + 1 - h;
                }
            }
            _ => {
                self.detail_scroll = offset_by(self.detail_scroll, 1).min(self.max_detail_scroll());
                // A focused link scrolled out of sight loses the focus.
                if let Some(f) = self.link_focus
                    && view.links.get(f).is_some_and(|l| l.last_line < self.detail_scroll)
                {
                    self.link_focus = None;
                }
            }
        }
    }

    /// `↑` in the detail pane: the previous link when it is on screen, else one line up.
    pub(super) fn detail_up(&mut self) {
        let view = self.detail();
        let h = self.detail_height();
        match self.link_focus {
            Some(0) => self.link_focus = None,
            Some(f) => {
                let prev = f - 1;
                if let Some(l) = view.links.get(prev) {
                    if l.first_line >= self.detail_scroll {
                        self.link_focus = Some(prev);
                    } else if l.last_line + 1 >= self.detail_scroll {
                        self.link_focus = Some(prev);
                        self.detail_scroll = l.first_line;
                    } else {
                        self.link_focus = None;
                        self.detail_scroll = self.detail_scroll.saturating_sub(1);
                    }
                }
            }
            None => self.detail_scroll = self.detail_scroll.saturating_sub(1),
        }
        // A focused link scrolled below the pane loses the focus.
        if let Some(f) = self.link_focus
            && view.links.get(f).is_some_and(|l| l.first_line >= self.detail_scroll + h)
        {
            self.link_focus = None;
        }
    }
}
