//! The map's state and its one `update`: which item is in the centre, which neighbour is
//! chosen, whether the second ring shows, the list a "+N" row opened, and the history of centres
//! (back and forward, as in the tree). No I/O: moving reads the layout of the area it is given.

use std::borrow::Cow;

use ratatui::layout::Rect;

use super::Neighbourhood;
use super::layout::{MapLayout, Side, Slot, layout};
use crate::data::Catalog;
use crate::data::model::Target;

/// What the map can be asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapAction {
    /// The row above, in the same column (or in the list).
    Up,
    /// The row below.
    Down,
    /// The nearest row of the left column.
    Left,
    /// The nearest row of the right column.
    Right,
    /// Re-centre on the chosen neighbour, or open the list of a "+N" row.
    Enter,
    /// The previous centre.
    Back,
    /// The next centre, after going back.
    Forward,
    /// Show or hide the neighbours of the neighbours.
    ToggleRing,
    /// Close the list, or leave the map.
    Close,
    /// A click at a column and row: choose what is there; a click on the chosen one enters it.
    Click(u16, u16),
}

/// What the caller does after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Keep showing the map.
    Stay,
    /// Leave the map, selecting this item (the map's centre) in the tree.
    Leave(Target),
}

/// A list opened from a "+N" row: every member of one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    /// The group's members.
    pub items: Vec<super::Neighbour>,
    /// The chosen one.
    pub selected: usize,
    /// What the list is of, for its title.
    pub kind: super::GroupKind,
}

impl List {
    /// The first item shown in `area` (a heading, then one item a row), so that the chosen one
    /// is on screen.
    #[must_use]
    pub fn offset(&self, area: Rect) -> usize {
        let rows = usize::from(area.height.saturating_sub(1)).max(1);
        (self.selected + 1).saturating_sub(rows)
    }
}

/// A centre and what was chosen around it, as kept in the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    centre: Target,
    selected: Option<Slot>,
}

/// The neighbourhood last computed, with the ring it was computed with: a hub has thousands of
/// neighbours, too many to gather again for every key and every frame. Only a cache: two states
/// are equal whatever it holds.
#[derive(Debug, Clone, Default)]
struct Cached(Option<(bool, Neighbourhood)>);

impl PartialEq for Cached {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Cached {}

/// The map's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapState {
    /// The item in the middle.
    pub centre: Target,
    /// The chosen neighbour or "+N" row.
    pub selected: Option<Slot>,
    /// Whether the neighbours of the neighbours show.
    pub second_ring: bool,
    /// The list of a "+N" row, when one is open.
    pub list: Option<List>,
    back: Vec<Place>,
    forward: Vec<Place>,
    hood: Cached,
}

impl MapState {
    /// The map of `centre`, its first neighbour chosen.
    #[must_use]
    pub fn new(catalog: &Catalog, centre: Target) -> Self {
        let mut s = MapState {
            centre,
            selected: None,
            second_ring: false,
            list: None,
            back: Vec::new(),
            forward: Vec::new(),
            hood: Cached::default(),
        };
        s.refresh(catalog);
        s.selected = s.first_member(catalog);
        s
    }

    /// The same map with the neighbours of the neighbours shown or not.
    #[must_use]
    pub fn with_second_ring(mut self, catalog: &Catalog, second_ring: bool) -> Self {
        self.second_ring = second_ring;
        self.refresh(catalog);
        self
    }

    /// The neighbourhood shown: the one kept since the centre or the ring last changed, or, when
    /// they were changed from outside, computed anew.
    #[must_use]
    pub fn neighbourhood(&self, catalog: &Catalog) -> Cow<'_, Neighbourhood> {
        match &self.hood.0 {
            Some((ring, hood)) if *ring == self.second_ring && hood.centre == self.centre => {
                Cow::Borrowed(hood)
            }
            _ => Cow::Owned(Neighbourhood::new(catalog, self.centre, self.second_ring)),
        }
    }

    /// Keeps the neighbourhood of the current centre and ring, computing it when they changed.
    fn refresh(&mut self, catalog: &Catalog) {
        if let Cow::Owned(hood) = self.neighbourhood(catalog) {
            self.hood = Cached(Some((self.second_ring, hood)));
        }
    }

    /// The layout of the map in `area` (the inside of its frame).
    #[must_use]
    pub fn layout(&self, catalog: &Catalog, lang: &str, area: Rect) -> MapLayout {
        layout(catalog, &self.neighbourhood(catalog), lang, area, self.selected)
    }

    fn first_member(&self, catalog: &Catalog) -> Option<Slot> {
        let hood = self.neighbourhood(catalog);
        hood.groups.first().and_then(|g| g.members.first()).map(|m| Slot::Member(m.item))
    }

    /// Whether there is a centre to go back to.
    #[must_use]
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// Whether there is a centre to go forward to, after going back.
    #[must_use]
    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    /// Applies `action`, the map drawn in `area`, texts in `lang`.
    pub fn update(
        &mut self,
        catalog: &Catalog,
        lang: &str,
        area: Rect,
        action: MapAction,
    ) -> Outcome {
        self.refresh(catalog);
        let outcome = self.step(catalog, lang, area, action);
        self.refresh(catalog);
        outcome
    }

    /// [`MapState::update`], the neighbourhood of the centre it starts from kept.
    fn step(&mut self, catalog: &Catalog, lang: &str, area: Rect, action: MapAction) -> Outcome {
        if let Some(list) = &mut self.list {
            match action {
                MapAction::Up => list.selected = list.selected.saturating_sub(1),
                MapAction::Down => {
                    list.selected = (list.selected + 1).min(list.items.len().saturating_sub(1));
                }
                MapAction::Enter => {
                    if let Some(t) = list.items.get(list.selected).map(|m| m.item) {
                        self.list = None;
                        self.recentre(catalog, t);
                    }
                }
                MapAction::Close | MapAction::Back => self.list = None,
                MapAction::Click(_, y) if y > area.y => {
                    // The list's rows start under its heading.
                    let row = usize::from(y - area.y - 1) + list.offset(area);
                    if let Some(t) = list.items.get(row).map(|m| m.item) {
                        if list.selected == row {
                            self.list = None;
                            self.recentre(catalog, t);
                        } else {
                            list.selected = row;
                        }
                    }
                }
                _ => {}
            }
            return Outcome::Stay;
        }
        let lay = self.layout(catalog, lang, area);
        let current = self.selected.and_then(|s| lay.spots.iter().position(|p| p.slot == s));
        match action {
            MapAction::Up | MapAction::Down => {
                let Some(i) = current else {
                    self.selected = lay.spots.first().map(|p| p.slot);
                    return Outcome::Stay;
                };
                let side = lay.spots[i].side;
                let same: Vec<usize> =
                    (0..lay.spots.len()).filter(|&k| lay.spots[k].side == side).collect();
                let at = same.iter().position(|&k| k == i).unwrap_or(0);
                let next = if action == MapAction::Up {
                    at.checked_sub(1)
                } else {
                    Some(at + 1).filter(|&n| n < same.len())
                };
                if let Some(n) = next {
                    self.selected = Some(lay.spots[same[n]].slot);
                }
            }
            MapAction::Left | MapAction::Right => {
                let want = if action == MapAction::Left { Side::Left } else { Side::Right };
                let y = current.map_or(area.y, |i| lay.spots[i].area.y);
                let best = lay
                    .spots
                    .iter()
                    .filter(|p| p.side == want)
                    .min_by_key(|p| (p.area.y.abs_diff(y), p.area.y));
                if let Some(p) = best {
                    self.selected = Some(p.slot);
                }
            }
            MapAction::Enter => {
                if let Some(i) = current {
                    self.enter(catalog, lay.spots[i].slot);
                }
            }
            MapAction::Back => {
                if let Some(p) = self.back.pop() {
                    self.forward.push(Place { centre: self.centre, selected: self.selected });
                    self.centre = p.centre;
                    self.selected = p.selected;
                }
            }
            MapAction::Forward => {
                if let Some(p) = self.forward.pop() {
                    self.back.push(Place { centre: self.centre, selected: self.selected });
                    self.centre = p.centre;
                    self.selected = p.selected;
                }
            }
            MapAction::ToggleRing => {
                self.second_ring = !self.second_ring;
                self.refresh(catalog);
                // A chosen second-ring neighbour that goes away leaves the first one chosen.
                let lay = self.layout(catalog, lang, area);
                if !lay.spots.iter().any(|p| Some(p.slot) == self.selected) {
                    self.selected = lay.spots.first().map(|p| p.slot);
                }
            }
            MapAction::Close => return Outcome::Leave(self.centre),
            MapAction::Click(x, y) => {
                let hit = lay
                    .spots
                    .iter()
                    .find(|p| p.area.contains(ratatui::layout::Position::new(x, y)));
                if let Some(p) = hit {
                    if self.selected == Some(p.slot) {
                        self.enter(catalog, p.slot);
                    } else {
                        self.selected = Some(p.slot);
                    }
                }
            }
        }
        Outcome::Stay
    }

    /// Re-centres on a neighbour, or opens the list of a "+N" row.
    fn enter(&mut self, catalog: &Catalog, slot: Slot) {
        match slot {
            Slot::Member(t) => self.recentre(catalog, t),
            Slot::More(kind) => {
                let hood = self.neighbourhood(catalog);
                if let Some(g) = hood.groups.iter().find(|g| g.kind == kind) {
                    self.list = Some(List { items: g.members.clone(), selected: 0, kind });
                }
            }
        }
    }

    /// Puts `t` in the centre, the old centre kept for going back and chosen when it is on the
    /// new map.
    fn recentre(&mut self, catalog: &Catalog, t: Target) {
        if t == self.centre {
            return;
        }
        self.back.push(Place { centre: self.centre, selected: self.selected });
        self.forward.clear();
        let old = self.centre;
        self.centre = t;
        self.refresh(catalog);
        let hood = self.neighbourhood(catalog);
        let has_old = hood.groups.iter().any(|g| g.members.iter().any(|m| m.item == old));
        self.selected = if has_old { Some(Slot::Member(old)) } else { self.first_member(catalog) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_embedded;

    #[test]
    fn the_kept_neighbourhood_follows_the_centre_and_the_ring_even_changed_from_outside() {
        let c = load_embedded().expect("the shipped data").catalog;
        let ce = Target::Node(c.node_by_id("cyber-europe").expect("cyber-europe"));
        let ccb = Target::Org(c.org_by_id("ccb").expect("ccb"));
        let mut s = MapState::new(&c, ce);
        assert!(matches!(s.neighbourhood(&c), Cow::Borrowed(_)), "kept from the start");
        assert_eq!(*s.neighbourhood(&c), Neighbourhood::new(&c, ce, false));
        s.second_ring = true;
        assert_eq!(*s.neighbourhood(&c), Neighbourhood::new(&c, ce, true));
        s.centre = ccb;
        assert_eq!(*s.neighbourhood(&c), Neighbourhood::new(&c, ccb, true));
        let area = Rect::new(0, 0, 120, 40);
        s.update(&c, "en", area, MapAction::ToggleRing);
        assert!(matches!(s.neighbourhood(&c), Cow::Borrowed(_)), "kept after a key");
        assert_eq!(*s.neighbourhood(&c), Neighbourhood::new(&c, ccb, false));
        assert_eq!(s, s.clone().with_second_ring(&c, false));
    }
}
