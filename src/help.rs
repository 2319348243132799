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
    for group in Group::ALL {
        let heading = match group {
            Group::Move => s.group_move,
            Group::Links => s.group_links,
            Group::Search => s.group_search,
            Group::Other => s.group_other,
        };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_of_the_key_table_is_in_the_help() {
        for lang in ["fr", "nl", "en"] {
            let text: Vec<String> = lines(lang).iter().map(ToString::to_string).collect();
            for b in BINDINGS {
                let keys = keymap::keys_label(b);
                let (long, _) = action_text(b.action.clone(), lang);
                assert!(
                    text.iter().any(|l| l.contains(&keys) && l.contains(long)),
                    "{keys} ({long}) missing from the {lang} help"
                );
            }
        }
    }
}
