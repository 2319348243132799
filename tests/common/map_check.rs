//! The map's own check: every label inside the area, no two labels on one cell, no line on a
//! label, no two different line characters on one cell.

use ccbnet::map::layout::MapLayout;
use ratatui::layout::Rect;

/// Every problem of a layout in `area`: a label out of the area, two labels on one cell, a
/// line on a label, two different line characters on one cell.
pub fn problems(lay: &MapLayout, area: Rect) -> Vec<String> {
    let mut bad = Vec::new();
    let mut owner: std::collections::HashMap<(u16, u16), String> = std::collections::HashMap::new();
    for l in &lay.labels {
        let w = l.width();
        if l.x < area.x || l.y < area.y || l.y >= area.bottom() || l.x + w > area.right() {
            bad.push(format!("{:?} at ({}, {}) crosses the border of {area:?}", l.text, l.x, l.y));
        }
        if l.text.chars().any(char::is_control) {
            bad.push(format!("{:?}: a control character", l.text));
        }
        for x in l.x..l.x + w {
            if let Some(other) = owner.insert((x, l.y), l.text.clone()) {
                bad.push(format!("{:?} overlaps {other:?} at ({x}, {})", l.text, l.y));
            }
        }
    }
    let mut glyphs: std::collections::HashMap<(u16, u16), char> = std::collections::HashMap::new();
    for &(x, y, ch) in &lay.lines {
        if !area.contains(ratatui::layout::Position::new(x, y)) {
            bad.push(format!("a line at ({x}, {y}) outside {area:?}"));
        }
        if let Some(text) = owner.get(&(x, y)) {
            bad.push(format!("a line {ch:?} runs over {text:?} at ({x}, {y})"));
        }
        if let Some(prev) = glyphs.insert((x, y), ch)
            && prev != ch
        {
            bad.push(format!("lines cross at ({x}, {y}): {prev:?} and {ch:?}"));
        }
    }
    bad
}
