//! Where each part of the screen goes, as a pure function of the terminal's size; the renderer
//! draws into these areas, and [`Areas::spot`] reads them back for the mouse (what a point is
//! on).

use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};

use crate::text::width;

/// Below this many columns the layout is replaced by a short message.
pub const MIN_WIDTH: u16 = 24;
/// Below this many rows the layout is replaced by a short message.
pub const MIN_HEIGHT: u16 = 8;
/// From this many columns on, tree and detail stand side by side; below, they stack.
pub const SIDE_BY_SIDE: u16 = 80;

/// The areas of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The header line: title and languages.
    pub header: Rect,
    /// The tree pane, border included.
    pub tree: Rect,
    /// The detail pane, border included.
    pub detail: Rect,
    /// The footer line: key hints.
    pub footer: Rect,
    /// The search line, above the footer, while a search is on.
    pub search: Option<Rect>,
    /// The banner under the header, while the data file on disk does not load.
    pub banner: Option<Rect>,
}

impl Areas {
    /// The tree's rows, inside its border.
    #[must_use]
    pub fn tree_inner(&self) -> Rect {
        self.tree.inner(Margin::new(1, 1))
    }

    /// The detail's text, inside its border.
    #[must_use]
    pub fn detail_inner(&self) -> Rect {
        self.detail.inner(Margin::new(1, 1))
    }

    /// The place of the tree and detail panes together, where the map is drawn.
    #[must_use]
    pub fn body(&self) -> Rect {
        self.tree.union(self.detail)
    }
}

/// What a point of the screen is on, as the layout places things (the mouse reads it back).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// The label of language `i` (an index into the data set's) in the header.
    Language(usize),
    /// Row `row` of the tree's rows (scroll counted), `cell` cells from the pane's inner left.
    TreeRow {
        /// The row, an index into the rows.
        row: usize,
        /// The cell within the row.
        cell: usize,
    },
    /// Line `line` of the detail's lines (scroll counted).
    DetailLine(usize),
    /// The tree pane's border or title.
    Tree,
    /// The detail pane's border or title.
    Detail,
    /// Anything else: the footer, the search line, the banner, the header's title.
    Nothing,
}

impl Areas {
    /// What `at` is on, with the tree scrolled to `tree_offset` and the detail to
    /// `detail_scroll`; `languages` are the data set's, as the header shows them with the one at
    /// `active` marked.
    #[must_use]
    pub fn spot(
        &self,
        at: Position,
        languages: &[String],
        active: usize,
        reserve: u16,
        tree_offset: usize,
        detail_scroll: usize,
    ) -> Spot {
        for (r, i) in language_spots(self.header, languages, active, reserve) {
            if r.contains(at) {
                return Spot::Language(i);
            }
        }
        let tree = self.tree_inner();
        let detail = self.detail_inner();
        if tree.contains(at) {
            Spot::TreeRow {
                row: tree_offset + usize::from(at.y - tree.y),
                cell: usize::from(at.x - tree.x),
            }
        } else if detail.contains(at) {
            Spot::DetailLine(detail_scroll + usize::from(at.y - detail.y))
        } else if self.tree.contains(at) {
            Spot::Tree
        } else if self.detail.contains(at) {
            Spot::Detail
        } else {
            Spot::Nothing
        }
    }
}

/// The layout for a terminal of `area`, with a search line when `searching` and a banner line
/// when `banner`, or `None` when it is too small for one.
#[must_use]
pub fn areas(area: Rect, searching: bool, banner: bool) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [header, body, footer] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)])
            .areas(area);
    let (body, banner) = if banner {
        let [line, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
        (body, Some(line))
    } else {
        (body, None)
    };
    let (body, search) = if searching {
        let [body, line] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(body);
        (body, Some(line))
    } else {
        (body, None)
    };
    let [tree, detail] = if area.width >= SIDE_BY_SIDE {
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body)
    };
    Some(Areas { header, tree, detail, footer, search, banner })
}

/// The label a language has in the header: `[FR]` when it is the active one, ` NL ` otherwise,
/// so that the active one shows without colours too.
#[must_use]
pub fn language_label(code: &str, active: bool) -> String {
    if active { format!("[{}]", code.to_uppercase()) } else { format!(" {} ", code.to_uppercase()) }
}

/// The cells the header keeps on its left for `date` (the date the content reflects), so that
/// the languages beside the active one give way to it.
#[must_use]
pub fn date_reserve(date: &str) -> u16 {
    u16::try_from(width(date) + 2).unwrap_or(u16::MAX)
}

/// Where each language's label stands in the header, right-aligned, left to right. When they do
/// not all fit beside the first `reserve` cells, the active one (`active`, an index into
/// `languages`) always stays, with as many of its neighbours as fit.
#[must_use]
pub fn language_spots(
    header: Rect,
    languages: &[String],
    active: usize,
    reserve: u16,
) -> Vec<(Rect, usize)> {
    // The first `reserve` cells are kept for what the header says on its left (the date the
    // content reflects): the neighbours of the active language give way to it, never the active
    // language itself.
    let kept = Rect {
        x: header.x + reserve.min(header.width),
        width: header.width.saturating_sub(reserve),
        ..header
    };
    let spots = spots_in(kept, languages, active);
    if spots.is_empty() { spots_in(header, languages, active) } else { spots }
}

/// The same within `header`, with nothing kept.
fn spots_in(header: Rect, languages: &[String], active: usize) -> Vec<(Rect, usize)> {
    let w =
        |i: usize| u16::try_from(width(&language_label(&languages[i], false))).unwrap_or(u16::MAX);
    // Labels `a..=b` with a cell between each fit in the header.
    let fits = |a: usize, b: usize| {
        (a..=b).map(|i| u32::from(w(i)) + 1).sum::<u32>() <= u32::from(header.width) + 1
    };
    let Some(last) = languages.len().checked_sub(1) else { return Vec::new() };
    let active = active.min(last);
    if !fits(active, active) {
        return Vec::new();
    }
    let (mut a, mut b) = (active, active);
    loop {
        let right = b < last && fits(a, b + 1);
        if right {
            b += 1;
        }
        let left = a > 0 && fits(a - 1, b);
        if left {
            a -= 1;
        }
        if !right && !left {
            break;
        }
    }
    let mut spots = Vec::new();
    let mut right = header.right();
    for i in (a..=b).rev() {
        right -= w(i);
        spots.push((Rect::new(right, header.y, w(i), 1), i));
        right = right.saturating_sub(1);
    }
    spots.reverse();
    spots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacks_under_80_columns() {
        let wide = areas(Rect::new(0, 0, 120, 40), false, false).expect("layout");
        assert_eq!(wide.tree.y, wide.detail.y);
        assert_eq!(wide.search, None);
        let narrow = areas(Rect::new(0, 0, 79, 24), false, false).expect("layout");
        assert_eq!(narrow.tree.x, narrow.detail.x);
        assert!(narrow.detail.y > narrow.tree.y);
        assert_eq!(areas(Rect::new(0, 0, 23, 24), false, false), None);
        assert_eq!(areas(Rect::new(0, 0, 1, 1), true, true), None);
        let searching = areas(Rect::new(0, 0, 80, 24), true, false).expect("layout");
        assert_eq!(searching.search, Some(Rect::new(0, 22, 80, 1)));
        assert_eq!(searching.footer.y, 23);
        let banner = areas(Rect::new(0, 0, 80, 24), false, true).expect("layout");
        assert_eq!(banner.banner, Some(Rect::new(0, 1, 80, 1)));
        assert_eq!(banner.tree.y, 2);
    }

    #[test]
    fn spots_name_what_a_point_is_on() {
        let a = areas(Rect::new(0, 0, 120, 40), false, false).expect("layout");
        let langs = ["fr".to_owned(), "nl".to_owned()];
        let t = a.tree_inner();
        let d = a.detail_inner();
        assert_eq!(
            a.spot(Position::new(t.x + 3, t.y + 2), &langs, 0, 0, 10, 0),
            Spot::TreeRow { row: 12, cell: 3 }
        );
        assert_eq!(a.spot(Position::new(d.x, d.y + 1), &langs, 0, 0, 10, 5), Spot::DetailLine(6));
        assert_eq!(a.spot(Position::new(a.tree.x, a.tree.y), &langs, 0, 0, 0, 0), Spot::Tree);
        assert_eq!(a.spot(Position::new(a.detail.x, a.detail.y), &langs, 0, 0, 0, 0), Spot::Detail);
        assert_eq!(a.spot(Position::new(0, a.footer.y), &langs, 0, 0, 0, 0), Spot::Nothing);
        let (fr, _) = language_spots(a.header, &langs, 0, 0)[0];
        assert_eq!(a.spot(Position::new(fr.x, fr.y), &langs, 0, 0, 0, 0), Spot::Language(0));
    }

    #[test]
    fn language_spots_are_right_aligned() {
        let spots = language_spots(Rect::new(0, 0, 40, 1), &["fr".into(), "nl".into()], 1, 0);
        assert_eq!(spots, vec![(Rect::new(31, 0, 4, 1), 0), (Rect::new(36, 0, 4, 1), 1)]);
    }

    #[test]
    fn the_active_language_stays_when_not_all_fit() {
        let five: Vec<String> = ["fr", "nl", "de", "en", "it"].map(String::from).to_vec();
        let shown = |w: u16, active: usize| -> Vec<usize> {
            language_spots(Rect::new(0, 0, w, 1), &five, active, 0)
                .into_iter()
                .map(|(_, i)| i)
                .collect()
        };
        assert_eq!(shown(24, 0), [0, 1, 2, 3, 4]);
        // 14 cells: three labels of 4 and their 2 gaps.
        assert_eq!(shown(14, 0), [0, 1, 2]);
        assert_eq!(shown(14, 4), [2, 3, 4]);
        assert_eq!(shown(14, 2), [1, 2, 3], "its neighbours on both sides");
        assert_eq!(shown(4, 3), [3]);
        assert_eq!(shown(3, 3), Vec::<usize>::new());
        assert!(language_spots(Rect::new(0, 0, 40, 1), &[], 0, 0).is_empty());
    }
}
