//! Following the threads: the detail pane's links (digits, `Enter`, clicks, `↑`/`↓` between
//! them), the history (back and forward), and the switch between the two views.

use super::App;
use crate::detail::Target;
use crate::tree::{Item, View};

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
        self.history.jump(here);
        self.search = None;
        let (view, item) = match target {
            Target::Node(n) => (View::Levels, Item::Node(n)),
            Target::Org(o) => (View::Organisations, Item::Org(o)),
        };
        self.tree.switch_view(view);
        self.rebuild_rows();
        self.select_item(item);
        self.reading.reset();
    }

    /// `Backspace` / `Alt-←`: the place before the last jump, exactly as it was.
    pub(super) fn go_back(&mut self) {
        let here = self.stop();
        let Some(stop) = self.history.go_back(here) else { return };
        self.restore_stop(stop);
    }

    /// `Alt-→`: the place left by the last `Back`.
    pub(super) fn go_forward(&mut self) {
        let here = self.stop();
        let Some(stop) = self.history.go_forward(here) else { return };
        self.restore_stop(stop);
    }

    /// `o`: the other view of the left pane, on the item last selected there; a search goes on
    /// in the new view.
    pub(super) fn toggle_view(&mut self) {
        let back_to = self.tree.toggle_view();
        if self.search.is_some() {
            self.search_other_view(back_to);
        } else {
            self.rebuild_rows();
            self.tree.top();
            if let Some(item) = back_to {
                self.select_item(item);
            }
        }
        self.reading.reset();
    }

    /// `↓` in the detail pane: the next link when it is on screen, else one line down.
    pub(super) fn detail_down(&mut self) {
        let view = self.detail();
        let h = self.detail_height();
        self.reading.down(&view, h);
    }

    /// `↑` in the detail pane: the previous link when it is on screen, else one line up.
    pub(super) fn detail_up(&mut self) {
        let view = self.detail();
        let h = self.detail_height();
        self.reading.up(&view, h);
    }
}
