//! The map as the explorer runs it: `M` opens it on the selected entry or organisation, its keys
//! go to [`MapState::update`], and leaving it selects its centre in the tree (or in the
//! organisations view for an organisation).

use ratatui::layout::Rect;

use super::App;
use crate::action::Action;
use crate::data::model::Target;
use crate::map::draw;
use crate::map::state::{MapState, Outcome};
use crate::tree::Item;

/// The map while it is open: its state, and the item it was opened on.
#[derive(Debug, Clone)]
pub(super) struct MapView {
    /// Centre, choice, second ring, list and the map's own history.
    state: MapState,
    /// What the tree's selection showed when the map opened: leaving on it changes nothing in
    /// the tree.
    from: Target,
}

/// What the map shows for a row of the tree: the entry, or the organisation.
fn target_of(item: Item) -> Target {
    match item {
        Item::Node(n) | Item::Use(_, n) => Target::Node(n),
        Item::Org(o) => Target::Org(o),
    }
}

impl App {
    /// The map, while it is open.
    #[must_use]
    pub fn map(&self) -> Option<&MapState> {
        self.map.as_ref().map(|m| &m.state)
    }

    /// Where the map is drawn (its frame included): the place of the tree and detail panes.
    #[must_use]
    pub fn map_frame(&self) -> Option<Rect> {
        self.areas().map(|a| a.body())
    }

    /// The inside of the map's frame, where its lines and labels go.
    fn map_inner(&self) -> Rect {
        self.map_frame().map_or_else(Rect::default, draw::inner)
    }

    /// `M`: the map of the selected entry or organisation (none while a search finds nothing).
    pub(super) fn open_map(&mut self) {
        if self.no_results() {
            return;
        }
        let from = target_of(self.selected());
        self.map = Some(MapView { state: MapState::new(&self.catalog, from), from });
    }

    /// Keys while the map is open: its own, the language, the help, the mouse, a resize;
    /// nothing else reaches the tree.
    pub(super) fn apply_map(&mut self, action: Action) {
        match action {
            Action::Map(a) => {
                let area = self.map_inner();
                let Some(view) = self.map.as_mut() else { return };
                if let Outcome::Leave(centre) =
                    view.state.update(&self.catalog, &self.lang, area, a)
                {
                    self.leave_map(centre);
                }
            }
            Action::NextLanguage
            | Action::SetLanguage(_)
            | Action::Resize(..)
            | Action::ToggleHelp
            | Action::ToggleMouse
            | Action::Quit => self.apply(action),
            _ => {}
        }
    }

    /// Closes the map; its centre, when it is not what was selected, is selected and shown as a
    /// link's target would be (the place left goes on the history).
    fn leave_map(&mut self, centre: Target) {
        let Some(view) = self.map.take() else { return };
        if view.from != centre {
            self.jump(centre);
        }
        self.settle();
    }

    /// After a reload: the map stays on the same centre, found by its id, or closes when the
    /// centre is gone (its history pointed into the old data).
    pub(super) fn remap(&mut self, centre: Option<Target>) {
        let from = target_of(self.selected());
        let Some(view) = self.map.as_mut() else { return };
        match centre {
            Some(t) => {
                let ring = view.state.second_ring;
                view.state = MapState::new(&self.catalog, t).with_second_ring(&self.catalog, ring);
                view.from = from;
            }
            None => self.map = None,
        }
    }
}
