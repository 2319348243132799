//! What the list of problems says (the overlay of `!`, while the data file on disk does not
//! load) and where it stands: every problem in full, as `ccbnet check` prints them, wrapped.

use ratatui::layout::Rect;

use crate::text::{one_line, sanitize, width, wrap};

/// The overlay's lines for `problems` (one a line, as `ccbnet check` prints them), wrapped to
/// `max` cells: each problem starts a line, and goes on under itself, indented.
#[must_use]
pub fn lines(problems: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    for p in problems.lines() {
        let p = one_line(&sanitize(p)).into_owned();
        if width(&p) <= max {
            out.push(p);
            continue;
        }
        for (i, chunk) in wrap(&p, max.saturating_sub(2).max(8)).into_iter().enumerate() {
            out.push(if i == 0 { chunk } else { format!("  {chunk}") });
        }
    }
    out
}

/// Where the overlay stands on a screen of `area`: centred, as wide as its longest line (plus
/// a border and a margin) or the screen, as tall as its lines or the screen.
#[must_use]
pub fn popup(problems: &str, title: &str, area: Rect) -> Rect {
    let natural = lines(problems, usize::MAX).iter().map(|l| width(l)).max().unwrap_or(0);
    let natural = natural.max(width(title) + 2);
    crate::help::centred(natural, |w| lines(problems, w).len(), area)
}

/// The width the text is wrapped to inside `popup`: the help's, as every overlay has the same
/// border and margin.
pub use crate::help::text_width;

/// How many lines the overlay shows, and how far it can scroll, on a terminal of `size`.
#[must_use]
pub fn scroll_range(problems: &str, title: &str, size: (u16, u16)) -> (usize, usize) {
    let p = popup(problems, title, Rect::new(0, 0, size.0, size.1));
    let visible = usize::from(p.height.saturating_sub(2));
    (visible, lines(problems, text_width(p)).len().saturating_sub(visible))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_kept_whole_and_wrapped_to_the_width() {
        let problems = "a/b/live.ron:4:5: error: Expected comma after the value of a field\n\
                        a/b/live.ron:9:2: error: \u{1b}[31mred\u{1b}[0m";
        let all = lines(problems, usize::MAX);
        assert_eq!(all.len(), 2);
        assert!(!all.concat().contains('\u{1b}'), "sanitized: {all:?}");
        let narrow = lines(problems, 20);
        assert!(narrow.len() > 3, "{narrow:?}");
        assert!(narrow.iter().all(|l| width(l) <= 20), "{narrow:?}");
        let words = |ls: &[String]| ls.join(" ").split_whitespace().collect::<String>();
        assert_eq!(words(&narrow), words(&all), "no word lost");
    }

    #[test]
    fn the_overlay_fits_the_screen_and_scrolls_over_the_rest() {
        let many =
            (1..=60).fold(String::new(), |s, i| s + &format!("f.ron:{i}:1: error: problem {i}\n"));
        let p = popup(&many, "Problems", Rect::new(0, 0, 80, 24));
        assert!(p.width <= 80 && p.height == 24, "{p:?}");
        assert_eq!(scroll_range(&many, "Problems", (80, 24)), (22, 38));
        assert_eq!(scroll_range("f.ron:1:1: error: x", "Problems", (80, 24)), (1, 0));
        let tiny = popup(&many, "Problems", Rect::new(0, 0, 1, 1));
        assert!(tiny.width <= 1 && tiny.height <= 1);
    }
}
