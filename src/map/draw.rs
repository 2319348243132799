//! Paints the map into a buffer: its frame and title, then the layout's lines and labels (or
//! the list a "+N" row opened). Reads the state, changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::layout::{MapLayout, Role, arrow};
use super::state::MapState;
use super::{group_title, label, words};
use crate::data::Catalog;
use crate::text::truncate;
use crate::theme;

/// The inside of the map's frame in `area`.
#[must_use]
pub fn inner(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

/// Draws the map of `state` in `area`, texts in `lang`.
pub fn render(catalog: &Catalog, state: &MapState, lang: &str, area: Rect, buf: &mut Buffer) {
    let w = words(lang);
    let title = format!(" {} · {} ", w.title, label(catalog, state.centre, lang));
    let title = truncate(&title, usize::from(area.width.saturating_sub(2))).into_owned();
    Block::bordered().border_style(theme::BORDER_FOCUSED).title(title).render(area, buf);
    let inside = inner(area);
    if let Some(list) = &state.list {
        let heading = format!("{} · {}", w.list_title, group_title(catalog, list.kind, lang));
        buf.set_stringn(
            inside.x,
            inside.y,
            truncate(&heading, usize::from(inside.width)),
            usize::from(inside.width),
            theme::LABEL,
        );
        let offset = list.offset(inside);
        for (row, (i, m)) in list
            .items
            .iter()
            .enumerate()
            .skip(offset)
            .take(usize::from(inside.height.saturating_sub(1)))
            .enumerate()
        {
            let y = inside.y + 1 + u16::try_from(row).unwrap_or(0);
            let style = if i == list.selected { theme::SELECTED } else { Style::new() };
            let side = super::layout::Side::Right;
            let lead = if m.ring == 2 { "    " } else { "" };
            let text = format!("{lead}{} {}", arrow(m.dir, side), label(catalog, m.item, lang));
            let text = truncate(&text, usize::from(inside.width)).into_owned();
            buf.set_stringn(inside.x, y, text, usize::from(inside.width), style);
        }
        return;
    }
    paint(&state.layout(catalog, lang, inside), buf);
}

/// Paints a layout: lines dimmed, the centre bold, headings as labels, the chosen row reversed.
pub fn paint(lay: &MapLayout, buf: &mut Buffer) {
    let area = buf.area;
    for &(x, y, c) in &lay.lines {
        if x < area.right() && y < area.bottom() && x >= area.x && y >= area.y {
            buf[(x, y)].set_char(c).set_style(theme::DIM);
        }
    }
    for l in &lay.labels {
        let style = match l.role {
            Role::Centre => theme::TITLE,
            Role::Heading => theme::LABEL,
            Role::Choice { selected: true, .. } => theme::SELECTED,
            Role::Choice { .. } => Style::new(),
            Role::Note => theme::DIM,
        };
        if l.y < area.bottom() && l.x < area.right() {
            let room = usize::from(area.right() - l.x);
            buf.set_stringn(l.x, l.y, &l.text, room, style);
        }
    }
}
