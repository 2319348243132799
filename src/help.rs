//! What the help overlay says and where it stands: the key table, grouped, then the mouse and
//! a legend of the detail's marks, in the active language, wrapped to the overlay's width.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::{self, action_text};
use crate::keymap::{self, BINDINGS, Group, Live};
use crate::text::{width, wrap};
use crate::theme;

/// The overlay's lines with the descriptions on one line each, however long.
fn natural_width(lang: &str) -> usize {
    lines(lang, usize::MAX).iter().map(Line::width).max().unwrap_or(0)
}

/// Where the overlay stands on a screen of `area`: centred, as wide as its longest line (plus a
/// border and a margin) or the screen, as tall as its lines or the screen.
#[must_use]
pub fn popup(lang: &str, area: Rect) -> Rect {
    centred(natural_width(lang), |w| lines(lang, w).len(), area)
}

/// Where an overlay stands on a screen of `area`: centred, `natural` cells of text wide (plus a
/// border and a margin) or the screen, as tall as the `count` of its lines wrapped to its text
/// width (plus a border), or the screen. Every overlay (the help, the list of problems, the
/// source) stands where this says.
#[must_use]
pub fn centred(natural: usize, count: impl Fn(usize) -> usize, area: Rect) -> Rect {
    let w = u16::try_from(natural + 4).unwrap_or(u16::MAX).min(area.width);
    let n = count(text_width(Rect::new(0, 0, w, 1)));
    let h = u16::try_from(n + 2).unwrap_or(u16::MAX).min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

/// The width the overlay's text is wrapped to inside `popup` (a border each side, a margin).
#[must_use]
pub fn text_width(popup: Rect) -> usize {
    usize::from(popup.width.saturating_sub(3)).max(1)
}

/// How many of its lines the overlay shows on a terminal of `size`.
#[must_use]
pub fn visible_lines(lang: &str, size: (u16, u16)) -> usize {
    let p = popup(lang, Rect::new(0, 0, size.0, size.1));
    usize::from(p.height.saturating_sub(2))
}

/// How far the help can scroll on a terminal of `size`.
#[must_use]
pub fn max_scroll(lang: &str, size: (u16, u16)) -> usize {
    let p = popup(lang, Rect::new(0, 0, size.0, size.1));
    lines(lang, text_width(p)).len().saturating_sub(usize::from(p.height.saturating_sub(2)))
}

/// The heading of `group` in `lang`, as the help (and the manual) name it.
#[must_use]
pub fn group_heading(group: Group, lang: &str) -> &'static str {
    let s = i18n::strings(lang);
    match group {
        Group::Move => s.group_move,
        Group::Links => s.group_links,
        Group::Map => crate::map::words(lang).title,
        Group::Search => s.group_search,
        Group::Other => s.group_other,
        Group::Help => s.group_help,
    }
}

/// `keys  description` with the description wrapped to `max` cells under itself; dimmed when
/// not `live`.
fn entry(
    out: &mut Vec<Line<'static>>,
    (keys, live): (&str, bool),
    key_w: usize,
    text: &str,
    max: usize,
) {
    let (key_style, text_style) =
        if live { (theme::KEY, ratatui::style::Style::new()) } else { (theme::DIM, theme::DIM) };
    let indent = 2 + key_w + 2;
    let avail = if max == usize::MAX { usize::MAX } else { max.saturating_sub(indent).max(8) };
    let chunks = if avail == usize::MAX { vec![text.to_owned()] } else { wrap(text, avail) };
    for (i, chunk) in chunks.into_iter().enumerate() {
        if i == 0 {
            let pad = " ".repeat(key_w.saturating_sub(width(keys)));
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(keys.to_owned(), key_style),
                Span::styled(format!("{pad}  {chunk}"), text_style),
            ]));
        } else {
            out.push(Line::styled(format!("{}{chunk}", " ".repeat(indent)), text_style));
        }
    }
}

/// The help overlay's lines, wrapped to `max` cells: the key table, then the mouse, then the
/// legend of the marks.
#[must_use]
pub fn lines(lang: &str, max: usize) -> Vec<Line<'static>> {
    lines_for(lang, max, None)
}

/// The same, with the keys that do nothing in `beneath` (the mode under the overlay) dimmed,
/// so that the help says what works now; `!` (the problems of the data file) is left out
/// while there are none.
#[must_use]
pub fn lines_for(lang: &str, max: usize, beneath: Option<&keymap::Mode>) -> Vec<Line<'static>> {
    let s = i18n::strings(lang);
    let key_w = BINDINGS.iter().map(|b| width(&keymap::keys_label(b))).max().unwrap_or(0);
    let mut out = Vec::new();
    for group in Group::ALL {
        out.push(Line::styled(group_heading(group, lang).to_owned(), theme::LABEL));
        let mut typing_heading = false;
        for b in keymap::listed().filter(|b| b.group == group) {
            if b.live == Live::Typing && !typing_heading {
                out.push(Line::styled(format!(" {}", s.in_search_line), theme::DIM));
                typing_heading = true;
            }
            let (long, _) = action_text(&b.action, lang);
            // The help's own keys are live where they are read.
            let live = b.live == Live::Help || beneath.is_none_or(|m| b.live.holds(m));
            // The key of the problems exists only while the data file on disk has some.
            if b.live == Live::Problems && !live {
                continue;
            }
            entry(&mut out, (&keymap::keys_label(b), live), key_w, long, max);
        }
        out.push(Line::default());
    }
    out.push(Line::styled(s.group_mouse.to_owned(), theme::LABEL));
    for m in s.mouse {
        let avail = if max == usize::MAX { usize::MAX } else { max.saturating_sub(4).max(8) };
        let chunks = if avail == usize::MAX { vec![m.to_owned()] } else { wrap(m, avail) };
        for (i, chunk) in chunks.into_iter().enumerate() {
            let pad = if i == 0 { "  " } else { "    " };
            out.push(Line::from(format!("{pad}{chunk}")));
        }
    }
    out.push(Line::default());
    out.push(Line::styled(s.group_marks.to_owned(), theme::LABEL));
    for (mark, meaning) in s.marks {
        entry(&mut out, (mark, true), key_w, meaning, max);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_of_the_key_table_is_in_the_help() {
        for lang in ["fr", "nl", "de", "en"] {
            let text: Vec<String> =
                lines(lang, usize::MAX).iter().map(ToString::to_string).collect();
            for b in BINDINGS {
                let keys = keymap::keys_label(b);
                let (long, _) = action_text(&b.action, lang);
                assert!(
                    text.iter().any(|l| l.contains(&keys) && l.contains(long)),
                    "{keys} ({long}) missing from the {lang} help"
                );
            }
        }
    }

    #[test]
    fn at_50_columns_descriptions_wrap_instead_of_being_cut() {
        for lang in ["fr", "nl", "de", "en"] {
            let p = popup(lang, Rect::new(0, 0, 50, 15));
            let max = text_width(p);
            let wrapped = lines(lang, max);
            for l in &wrapped {
                assert!(l.width() <= max, "{lang}: wider than {max}: {l}");
            }
            let words = |ls: &[Line]| -> Vec<String> {
                ls.iter()
                    .flat_map(|l| {
                        l.to_string().split_whitespace().map(str::to_owned).collect::<Vec<_>>()
                    })
                    .collect()
            };
            assert_eq!(words(&wrapped), words(&lines(lang, usize::MAX)), "{lang}: no word lost");
        }
    }

    #[test]
    fn the_help_names_suspend_paste_and_the_terminal_selection() {
        for (lang, words) in [
            ("fr", ["Ctrl-Z", "fg", "collé", "recherche", "Maj+glisser", "m "]),
            ("nl", ["Ctrl-Z", "fg", "geplakte", "zoekregel", "Shift+slepen", "m "]),
            ("en", ["Ctrl-Z", "fg", "pasted", "search line", "Shift+drag", "m "]),
        ] {
            let text: String =
                lines(lang, usize::MAX).iter().map(|l| l.to_string() + "\n").collect();
            for w in words {
                assert!(text.contains(w), "{w} missing from the {lang} help");
            }
        }
    }

    #[test]
    fn the_legend_names_every_mark_of_the_detail() {
        for lang in ["fr", "nl", "de", "en"] {
            let text: String =
                lines(lang, usize::MAX).iter().map(|l| l.to_string() + "\n").collect();
            for mark in ["→", "←", "•", "↔", "[FR]", "↻", crate::detail::UNVERIFIED] {
                assert!(text.contains(mark), "{mark} missing from the {lang} legend");
            }
        }
    }
}
