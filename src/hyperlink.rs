//! OSC 8 hyperlinks: whether the terminal shows them, and a link written into the frame's cells
//! without changing how wide they are.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use unicode_width::UnicodeWidthStr;

/// Whether the terminal shows OSC 8 hyperlinks, from its environment (`var` reads a variable).
/// `FORCE_HYPERLINK` decides when it is set (`0` for no); otherwise only terminals known to show
/// them get them (kitty, `WezTerm`, iTerm2, foot, Ghostty, Windows Terminal, Konsole, VTE 0.50 and
/// later...), and the others the address as plain text.
#[must_use]
pub fn supported(var: impl Fn(&str) -> Option<String>) -> bool {
    if let Some(force) = var("FORCE_HYPERLINK") {
        return force.trim() != "0";
    }
    let term = var("TERM").unwrap_or_default();
    if term == "dumb" || var("CI").is_some() {
        return false;
    }
    let program = var("TERM_PROGRAM").unwrap_or_default();
    let vte = var("VTE_VERSION").and_then(|v| v.trim().parse::<u32>().ok());
    var("DOMTERM").is_some()
        || var("WT_SESSION").is_some()
        || var("KONSOLE_VERSION").is_some()
        || vte.is_some_and(|v| v >= 5000)
        || matches!(
            program.as_str(),
            "iTerm.app" | "WezTerm" | "vscode" | "ghostty" | "Hyper" | "terminology" | "rio"
        )
        || matches!(
            term.as_str(),
            "xterm-kitty" | "alacritty" | "foot" | "foot-extra" | "xterm-ghostty" | "wezterm"
        )
}

/// Makes the `width` cells from (`x`, `y`) a link to `url`: the first cell opens it, the last
/// closes it, and each of the two keeps its own width (ratatui's `CellDiffOption::ForcedWidth`),
/// so the escape sequences take no room and the cells after them stay where they are. `url` is
/// sanitized text (no control characters): it cannot end the sequence early.
pub fn link(buf: &mut Buffer, x: u16, y: u16, width: u16, url: &str) {
    let Some(last) = width.checked_sub(1).map(|w| x.saturating_add(w)) else { return };
    let ends = [(x, format!("\x1b]8;;{url}\x1b\\"), ""), (last, String::new(), "\x1b]8;;\x1b\\")];
    for (at, (cx, open, close)) in ends.into_iter().enumerate() {
        let Some(cell) = buf.cell_mut((cx, y)) else { return };
        let symbol = cell.symbol().to_owned();
        let w =
            NonZeroU16::new(u16::try_from(symbol.width()).unwrap_or(1)).unwrap_or(NonZeroU16::MIN);
        // A one-cell link opens and closes in the same cell.
        let close = if at == 0 && cx == last { "\x1b]8;;\x1b\\" } else { close };
        cell.set_symbol(&format!("{open}{symbol}{close}"))
            .set_diff_option(CellDiffOption::ForcedWidth(w));
        if cx == last {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| (*v).to_owned())
    }

    #[test]
    fn known_terminals_get_links_and_others_plain_text() {
        assert!(supported(env(&[("TERM", "xterm-kitty")])));
        assert!(supported(env(&[("TERM_PROGRAM", "WezTerm"), ("TERM", "xterm-256color")])));
        assert!(supported(env(&[("VTE_VERSION", "7200")])));
        assert!(!supported(env(&[("VTE_VERSION", "4800")])));
        assert!(!supported(env(&[("TERM", "xterm-256color")])), "unknown: plain text");
        assert!(!supported(env(&[("TERM", "tmux-256color"), ("TERM_PROGRAM", "tmux")])));
        assert!(!supported(env(&[("TERM", "dumb"), ("TERM_PROGRAM", "WezTerm")])));
        assert!(supported(env(&[("FORCE_HYPERLINK", "1"), ("TERM", "dumb")])));
        assert!(!supported(env(&[("FORCE_HYPERLINK", "0"), ("TERM", "xterm-kitty")])));
    }

    #[test]
    fn a_link_opens_in_its_first_cell_closes_in_its_last_and_moves_nothing() {
        let mut buf = Buffer::with_lines(["ab https://x.be cd"]);
        link(&mut buf, 3, 0, 12, "https://x.be");
        assert_eq!(buf[(3, 0)].symbol(), "\x1b]8;;https://x.be\x1b\\h");
        assert_eq!(buf[(14, 0)].symbol(), "e\x1b]8;;\x1b\\");
        assert_eq!(buf[(4, 0)].symbol(), "t");
        // The diff still writes one cell for each, and nothing after them moves.
        let before = Buffer::with_lines(["ab https://x.be cd"]);
        let diff = before.diff(&buf);
        assert_eq!(diff.iter().map(|(x, _, _)| *x).collect::<Vec<_>>(), [3, 14]);
        let mut one = Buffer::empty(Rect::new(0, 0, 3, 1));
        one[(1, 0)].set_symbol("x");
        link(&mut one, 1, 0, 1, "u");
        assert_eq!(one[(1, 0)].symbol(), "\x1b]8;;u\x1b\\x\x1b]8;;\x1b\\");
        link(&mut one, 2, 0, 0, "u");
        assert_eq!(one[(2, 0)].symbol(), " ");
    }
}
