//! Where everything of the map goes, as a pure function of the neighbourhood and the area: the
//! centre in a box in the middle; the groups of neighbours in two columns, left and right, one
//! label a row under its group's heading; a line from each first-ring neighbour to a trunk and
//! from the trunk into the box, with an arrow on it saying the link's direction; a "+N" row for
//! what does not fit; the chosen neighbour's whole name and the legend at the foot. Labels sit in their columns and lines only
//! outside them, so no label overlaps another, crosses a line or leaves the area.

use ratatui::layout::Rect;

use super::{Dir, GroupKind, Neighbour, Neighbourhood, group_title, label, words};
use crate::data::Catalog;
use crate::data::model::Target;
use crate::text::{truncate, width, wrap};

/// What can be chosen on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A neighbour.
    Member(Target),
    /// The "+N" row of a group, which opens the whole group as a list.
    More(GroupKind),
}

/// A column of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Left of the centre.
    Left,
    /// Right of the centre.
    Right,
}

/// What a label is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A line of the centre's name, in the box.
    Centre,
    /// A group's heading.
    Heading,
    /// Something to choose; `selected` when it is the chosen one.
    Choice {
        /// Which one.
        slot: Slot,
        /// Whether it is chosen.
        selected: bool,
    },
    /// The legend, or a note such as "no links".
    Note,
}

/// A text on one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// First column.
    pub x: u16,
    /// Row.
    pub y: u16,
    /// The text, already cut to fit and safe to draw.
    pub text: String,
    /// What it is.
    pub role: Role,
}

impl Label {
    /// Its width in cells.
    #[must_use]
    pub fn width(&self) -> u16 {
        u16::try_from(width(&self.text)).unwrap_or(u16::MAX)
    }
}

/// A place that can be chosen, for moving and for the mouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    /// What is there.
    pub slot: Slot,
    /// Its column.
    pub side: Side,
    /// Where a click chooses it.
    pub area: Rect,
}

/// The map, placed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MapLayout {
    /// Every text.
    pub labels: Vec<Label>,
    /// Every line and box cell: column, row and character.
    pub lines: Vec<(u16, u16, char)>,
    /// What can be chosen: the left column top to bottom, then the right.
    pub spots: Vec<Spot>,
    /// The neighbours each hidden "+N" row stands for, by group.
    pub hidden: Vec<(GroupKind, usize)>,
}

/// The character where lines meet: up, down, left and right say which arms it has.
#[must_use]
pub fn junction(up: bool, down: bool, left: bool, right: bool) -> char {
    match (up, down, left, right) {
        (true | false, true, false, false) | (true, false, false, false) => '│',
        (true, true, true, false) => '┤',
        (true, true, false, true) => '├',
        (true, true, true, true) => '┼',
        (false, true, true, false) => '┐',
        (false, true, false, true) => '┌',
        (true, false, true, false) => '┘',
        (true, false, false, true) => '└',
        (false, true, true, true) => '┬',
        (true, false, true, true) => '┴',
        (false, false, true, _) | (false, false, _, true) => '─',
        (false, false, false, false) => ' ',
    }
}

/// The arrow on a line between the centre and a neighbour on `side`: it points from the one
/// that names to the one named, up to what is above, down to what is below.
#[must_use]
pub fn arrow(dir: Dir, side: Side) -> char {
    match (dir, side) {
        (Dir::Names, Side::Left) | (Dir::NamedBy, Side::Right) => '←',
        (Dir::Names, Side::Right) | (Dir::NamedBy, Side::Left) => '→',
        (Dir::Up, _) => '↑',
        (Dir::Down, _) => '↓',
        (Dir::Meets, _) => '↔',
    }
}

/// The arrow before a second-ring neighbour, from the first-ring one above it.
fn ring2_arrow(dir: Dir) -> char {
    match dir {
        Dir::Names => '→',
        Dir::NamedBy => '←',
        Dir::Up => '↑',
        Dir::Down => '↓',
        Dir::Meets => '↔',
    }
}

/// `+7 organisations`, `+3 entrées`, or `+5 autres` when the hidden ones are of both kinds.
fn more_text(hidden: &[&Neighbour], lang: &str) -> String {
    let w = words(lang);
    let orgs = hidden.iter().filter(|m| matches!(m.item, Target::Org(_))).count();
    let pattern = match orgs {
        0 => w.more_entries,
        n if n == hidden.len() => w.more_orgs,
        _ => w.more_mixed,
    };
    pattern.replace("{}", &hidden.len().to_string())
}

/// Columns between a label column and the box: `─→─`, the trunk, and two cells of line.
const CONNECTOR: u16 = 6;
/// The narrowest label column worth drawing.
const MIN_COLUMN: u16 = 8;

/// How many members of each group are shown on a side of `rows` rows, and whether the groups
/// are spaced by a blank row: every group gets its heading and one row (its member, or its
/// "+N"), then one more member at a time, group by group, while it fits. `None` when not even
/// that fits.
fn allocate(sizes: &[usize], rows: usize) -> Option<(Vec<usize>, bool)> {
    let base = 2 * sizes.len();
    if base > rows {
        return None;
    }
    let between = sizes.len().saturating_sub(1);
    let gaps = base + between <= rows;
    let mut used = base + if gaps { between } else { 0 };
    let mut shown = vec![0; sizes.len()];
    loop {
        let mut grew = false;
        for (g, &n) in sizes.iter().enumerate() {
            // Showing the last hidden member takes the place of the "+N" row: it costs nothing.
            let cost = usize::from(shown[g] + 1 < n);
            if shown[g] < n && used + cost <= rows {
                shown[g] += 1;
                used += cost;
                grew = true;
            }
        }
        if !grew {
            return Some((shown, gaps));
        }
    }
}

/// The map of `hood` in `area`, `selected` drawn as chosen.
#[must_use]
pub fn layout(
    catalog: &Catalog,
    hood: &Neighbourhood,
    lang: &str,
    area: Rect,
    selected: Option<Slot>,
) -> MapLayout {
    let mut out = MapLayout::default();
    let w = words(lang);
    let narrowest = 2 * MIN_COLUMN + 2 * CONNECTOR + 6;
    if area.width < narrowest || area.height < 5 {
        // Said as the rest of the explorer says it: wrapped, in the middle.
        let lines: Vec<String> = wrap(w.too_small, usize::from(area.width.max(1)))
            .into_iter()
            .take(usize::from(area.height))
            .collect();
        let n = u16::try_from(lines.len()).unwrap_or(0);
        for (i, line) in lines.into_iter().enumerate() {
            let text = truncate(&line, usize::from(area.width)).into_owned();
            let tw = u16::try_from(width(&text)).unwrap_or(area.width);
            out.labels.push(Label {
                x: area.x + (area.width - tw) / 2,
                y: area.y + (area.height - n) / 2 + u16::try_from(i).unwrap_or(0),
                text,
                role: Role::Note,
            });
        }
        return out;
    }
    // The legend on the last row, when there is room for it.
    let legend = area.height >= 10;
    // Above it, the chosen neighbour's whole name, which its row may have had to cut.
    let status = area.height >= 12;
    let rows = area.height - u16::from(legend) - u16::from(status);
    if let (true, Some(Slot::Member(t))) = (status, selected) {
        let text = format!("▸ {}", label(catalog, t, lang));
        out.labels.push(Label {
            x: area.x,
            y: area.y + rows,
            text: truncate(&text, usize::from(area.width)).into_owned(),
            role: Role::Note,
        });
    }
    if legend {
        out.labels.push(Label {
            x: area.x,
            y: area.bottom() - 1,
            text: truncate(w.legend, usize::from(area.width)).into_owned(),
            role: Role::Note,
        });
    }

    // The box: the centre's name wrapped to about a fifth of the width, at most 4 lines.
    let name = label(catalog, hood.centre, lang);
    let inner_max = usize::from((area.width / 5).max(10).min(area.width - narrowest + 4));
    let mut text = wrap(&name, inner_max);
    let max_lines = usize::from(rows.saturating_sub(2)).clamp(1, 4);
    if text.len() > max_lines {
        let rest = text[max_lines - 1..].join(" ");
        text.truncate(max_lines - 1);
        text.push(truncate(&rest, inner_max).into_owned());
    }
    let text_w = text.iter().map(|l| width(l)).max().unwrap_or(0).clamp(1, inner_max);
    let box_w = u16::try_from(text_w + 2).unwrap_or(u16::MAX);
    let box_h = u16::try_from(text.len() + 2).unwrap_or(u16::MAX);
    let left_w = (area.width - box_w - 2 * CONNECTOR) / 2;
    let box_x = area.x + left_w + CONNECTOR;
    let box_y = area.y + (rows - box_h) / 2;
    let mid = box_y + box_h / 2;
    for (i, line) in text.iter().enumerate() {
        let line = truncate(line, text_w).into_owned();
        let pad = u16::try_from((text_w - width(&line)) / 2).unwrap_or(0);
        out.labels.push(Label {
            x: box_x + 1 + pad,
            y: box_y + 1 + u16::try_from(i).unwrap_or(0),
            text: line,
            role: Role::Centre,
        });
    }

    // Groups to sides: each to the side with fewer rows so far, the left on a tie.
    let mut sides: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    let mut load = [0usize; 2];
    for (g, group) in hood.groups.iter().enumerate() {
        let s = usize::from(load[1] < load[0]);
        sides[s].push(g);
        load[s] += group.members.len() + 2;
    }

    let mut connected: [Vec<u16>; 2] = [Vec::new(), Vec::new()];
    for (s, groups) in sides.iter().enumerate() {
        let side = if s == 0 { Side::Left } else { Side::Right };
        // The label column (x, width), the trunk, and where a click chooses a row.
        let trunk = if s == 0 { area.x + left_w + 3 } else { box_x + box_w + 2 };
        let (lx, lw) = if s == 0 {
            (area.x, left_w - 1)
        } else {
            (trunk + 5, area.right().saturating_sub(trunk + 5))
        };
        let (hit_x, hit_w) =
            if s == 0 { (area.x, left_w + 3) } else { (trunk + 1, area.right() - trunk - 1) };
        let sizes: Vec<usize> = groups.iter().map(|&g| hood.groups[g].members.len()).collect();
        // In a tiny area, the groups that do not fit at all are left out, from the end.
        let mut keep = groups.len();
        let (shown, gaps) = loop {
            if let Some(a) = allocate(&sizes[..keep], usize::from(rows)) {
                break a;
            }
            keep -= 1;
        };
        let total: usize =
            (0..keep).map(|i| 1 + shown[i] + usize::from(shown[i] < sizes[i])).sum::<usize>()
                + if gaps { keep.saturating_sub(1) } else { 0 };
        let total = u16::try_from(total).unwrap_or(rows).min(rows);
        let mut y = area.y + (rows - total) / 2;
        // A row joined to the trunk: the line from the label's end, the arrow, the trunk's arm.
        let mut join = |out: &mut MapLayout, y: u16, text_w: u16, arrow_char: char| {
            if s == 0 {
                for x in (lx + text_w + 1)..(area.x + left_w) {
                    out.lines.push((x, y, '─'));
                }
                out.lines.extend([
                    (area.x + left_w, y, '─'),
                    (area.x + left_w + 1, y, arrow_char),
                    (area.x + left_w + 2, y, '─'),
                ]);
            } else {
                out.lines.extend([
                    (trunk + 1, y, '─'),
                    (trunk + 2, y, arrow_char),
                    (trunk + 3, y, '─'),
                ]);
            }
            connected[s].push(y);
        };
        for (i, &g) in groups.iter().take(keep).enumerate() {
            let group = &hood.groups[g];
            // The level in the centre is named in the box, not again over its entries.
            let heading = match group.kind {
                GroupKind::Level(n) if hood.centre == Target::Node(n) => w.this_level.to_owned(),
                kind => group_title(catalog, kind, lang),
            };
            out.labels.push(Label {
                x: lx,
                y,
                text: truncate(&heading, usize::from(lw)).into_owned(),
                role: Role::Heading,
            });
            y += 1;
            let put = |out: &mut MapLayout, y: u16, slot: Slot, text: String| -> u16 {
                let tw = u16::try_from(width(&text)).unwrap_or(lw);
                out.labels.push(Label {
                    x: lx,
                    y,
                    text,
                    role: Role::Choice { slot, selected: selected == Some(slot) },
                });
                out.spots.push(Spot { slot, side, area: Rect::new(hit_x, y, hit_w, 1) });
                tw
            };
            // When not all fit, the first ring is shown before any of the second: the centre's
            // own neighbours never give way to their neighbours.
            let first = group.members.iter().filter(|m| m.ring == 1).count();
            let mut extra = shown[i].saturating_sub(first);
            let mut room = shown[i];
            // One pass: a group can have thousands of members and shows a few dozen.
            let (visible, unseen): (Vec<&Neighbour>, Vec<&Neighbour>) =
                group.members.iter().partition(|m| {
                    let take = room > 0 && (m.ring == 1 || extra > 0);
                    if take {
                        room -= 1;
                        if m.ring != 1 {
                            extra -= 1;
                        }
                    }
                    take
                });
            for m in visible {
                let name = label(catalog, m.item, lang);
                let text =
                    if m.ring == 2 { format!("  {} {name}", ring2_arrow(m.dir)) } else { name };
                let text = truncate(&text, usize::from(lw)).into_owned();
                let tw = put(&mut out, y, Slot::Member(m.item), text);
                if m.ring == 1 {
                    join(&mut out, y, tw, arrow(m.dir, side));
                }
                y += 1;
            }
            let hidden = unseen.len();
            if hidden > 0 {
                let text = more_text(&unseen, lang);
                // Chosen, the foot line names it too: `▸ +14 organisations`.
                if status && selected == Some(Slot::More(group.kind)) {
                    out.labels.push(Label {
                        x: area.x,
                        y: area.y + rows,
                        text: truncate(&format!("▸ {text}"), usize::from(area.width)).into_owned(),
                        role: Role::Note,
                    });
                }
                let text = truncate(&text, usize::from(lw)).into_owned();
                let tw = put(&mut out, y, Slot::More(group.kind), text);
                out.hidden.push((group.kind, hidden));
                join(&mut out, y, tw, '─');
                y += 1;
            }
            if gaps {
                y += 1;
            }
        }
        // The trunk, and the line from it into the box.
        if let (Some(&lo), Some(&hi)) = (connected[s].iter().min(), connected[s].iter().max()) {
            let lo = lo.min(mid);
            let hi = hi.max(mid);
            for ty in lo..=hi {
                let outer = connected[s].contains(&ty);
                let inner = ty == mid;
                let (l, r) = if s == 0 { (outer, inner) } else { (inner, outer) };
                out.lines.push((trunk, ty, junction(ty > lo, ty < hi, l, r)));
            }
            let span = if s == 0 { trunk + 1..box_x } else { box_x + box_w..trunk };
            for x in span {
                out.lines.push((x, mid, '─'));
            }
        }
    }

    // The box, its sides joined where a trunk comes in.
    let (bx2, by2) = (box_x + box_w - 1, box_y + box_h - 1);
    for x in box_x + 1..bx2 {
        out.lines.push((x, box_y, '─'));
        out.lines.push((x, by2, '─'));
    }
    for y in box_y + 1..by2 {
        let left = if y == mid && !connected[0].is_empty() { '┤' } else { '│' };
        let right = if y == mid && !connected[1].is_empty() { '├' } else { '│' };
        out.lines.push((box_x, y, left));
        out.lines.push((bx2, y, right));
    }
    out.lines.extend([(box_x, box_y, '┌'), (bx2, box_y, '┐'), (box_x, by2, '└'), (bx2, by2, '┘')]);
    if hood.groups.is_empty() && by2 + 1 < area.y + rows {
        let note = truncate(w.alone, usize::from(area.width)).into_owned();
        let nw = u16::try_from(width(&note)).unwrap_or(0);
        out.labels.push(Label {
            x: area.x + (area.width.saturating_sub(nw)) / 2,
            y: by2 + 1,
            text: note,
            role: Role::Note,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junctions() {
        assert_eq!(junction(true, true, true, false), '┤');
        assert_eq!(junction(false, true, true, false), '┐');
        assert_eq!(junction(true, false, false, true), '└');
        assert_eq!(junction(true, true, false, false), '│');
    }

    #[test]
    fn allocation_shares_rows_and_counts_the_rest() {
        // Everything fits, with a blank row between groups.
        assert_eq!(allocate(&[2, 3], 10), Some((vec![2, 3], true)));
        // Three rows for five: the heading, one member and "+4".
        assert_eq!(allocate(&[5], 3), Some((vec![1], true)));
        // Headings and one row each, without blank rows between groups.
        assert_eq!(allocate(&[1, 1, 1], 6), Some((vec![1, 1, 1], false)));
        assert_eq!(allocate(&[4, 4], 3), None);
        assert_eq!(allocate(&[1, 1, 1], 5), None);
    }
}
