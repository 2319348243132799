//! What an input event asks for: a key through the key table in the current mode; a click or
//! the wheel through what the layout says the pointer is on ([`Spot`]) and what that means in
//! the current state (a row, a marker, a link, a language, a label of the map).

use crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use crate::action::Action;
use crate::app::App;
use crate::keymap;
use crate::layout::Spot;
use crate::map::state::MapAction;

/// The action an input event asks for, if any.
#[must_use]
pub fn action_for_event(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) => keymap::action_for(*k, &app.mode()),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) => action_for_mouse(app, m),
        _ => None,
    }
}

/// The action a mouse event asks for: clicks on rows, markers and languages; the wheel.
#[must_use]
pub fn action_for_mouse(app: &App, m: &MouseEvent) -> Option<Action> {
    let at = Position::new(m.column, m.row);
    let langs = &app.catalog().languages;
    let active = langs.iter().position(|l| l == app.lang()).unwrap_or(0);
    let reserve = crate::layout::date_reserve(&crate::names::as_of(app.catalog(), app.lang()));
    let spot =
        app.areas()?.spot(at, langs, active, reserve, app.tree_offset(), app.detail_scroll());
    if app.map().is_some() && app.overlay().is_none() {
        return map_mouse(app, m, spot);
    }
    match m.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let d = if m.kind == MouseEventKind::ScrollDown { 3 } else { -3 };
            if app.overlay().is_some() {
                return Some(if d > 0 { Action::Down } else { Action::Up });
            }
            match spot {
                Spot::Tree | Spot::TreeRow { .. } => Some(Action::ScrollTree(d)),
                Spot::Detail | Spot::DetailLine(_) => Some(Action::ScrollDetail(d)),
                _ => None,
            }
        }
        MouseEventKind::Down(MouseButton::Left) if app.overlay().is_none() => match spot {
            Spot::Language(i) => Some(Action::SetLanguage(app.catalog().languages[i].clone())),
            // A click on a link follows it.
            Spot::DetailLine(line) => app
                .detail()
                .links
                .iter()
                .position(|l| (l.first_line..=l.last_line).contains(&line))
                .map(Action::FollowLink),
            Spot::TreeRow { row, cell } => {
                let &item = app.rows().get(row)?;
                let marker = item.depth(app.catalog()) * 2;
                if item.has_children(app.catalog()) && (marker..marker + 2).contains(&cell) {
                    Some(Action::ToggleNode(item))
                } else {
                    Some(Action::Select(item))
                }
            }
            _ => None,
        },
        _ => None,
    }
}

/// The mouse on the map: a click chooses a label (a second click re-centres on it), the wheel
/// moves in the column; the languages of the header still switch.
fn map_mouse(app: &App, m: &MouseEvent, spot: Spot) -> Option<Action> {
    match m.kind {
        MouseEventKind::ScrollDown => Some(Action::Map(MapAction::Down)),
        MouseEventKind::ScrollUp => Some(Action::Map(MapAction::Up)),
        MouseEventKind::Down(MouseButton::Left) => match spot {
            Spot::Language(i) => Some(Action::SetLanguage(app.catalog().languages[i].clone())),
            _ if app.map_frame()?.contains(Position::new(m.column, m.row)) => {
                Some(Action::Map(MapAction::Click(m.column, m.row)))
            }
            _ => None,
        },
        _ => None,
    }
}
