//! What the help overlay says: the key table, grouped, then the mouse, in the active language.

use ratatui::text::{Line, Span};

use crate::i18n::{self, action_text};
use crate::keymap::{self, BINDINGS, Group};
use crate::text::width;
use crate::theme;

/// The help overlay's lines: the key table, then the mouse.
#[must_use]
pub fn lines(lang: &str) -> Vec<Line<'static>> {
    let s = i18n::strings(lang);
    let key_w = BINDINGS.iter().map(|b| width(&keymap::keys_label(b))).max().unwrap_or(0);
    let mut out = Vec::new();
    for (heading, group) in [
        (s.group_move, Group::Move),
        (s.group_search, Group::Search),
        (s.group_other, Group::Other),
    ] {
        out.push(Line::styled(heading.to_owned(), theme::LABEL));
        let mut typing_heading = false;
        for b in BINDINGS.iter().filter(|b| b.group == group) {
            if b.mode == keymap::Mode::Typing && !typing_heading {
                out.push(Line::styled(format!(" {}", s.in_search_line), theme::DIM));
                typing_heading = true;
            }
            let keys = keymap::keys_label(b);
            let pad = " ".repeat(key_w - width(&keys));
            let (long, _) = action_text(b.action.clone(), lang);
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(keys, theme::KEY),
                Span::raw(format!("{pad}  {long}")),
            ]));
        }
        out.push(Line::default());
    }
    out.push(Line::styled(s.group_mouse.to_owned(), theme::LABEL));
    for m in s.mouse {
        out.push(Line::from(format!("  {m}")));
    }
    out
}

/// How far the help can scroll on a terminal `height` rows high (the overlay has a border).
#[must_use]
pub fn max_scroll(lang: &str, height: u16) -> usize {
    lines(lang).len().saturating_sub(usize::from(height.saturating_sub(2)))
}
