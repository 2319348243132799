//! Drawing: turns the [`App`] state into a frame. Reads the state, never changes it.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthChar;

use crate::app::{App, Focus};
use crate::detail::{self, node_title};
use crate::i18n::{self, action_text};
use crate::keymap::{self, BINDINGS};
use crate::layout::{self, Areas};
use crate::text::{truncate, width};
use crate::theme;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    draw(app, area, buf);
}

/// Draws the whole screen into `buf` (the frame's buffer, or a test's).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(areas) = layout::areas(area) else {
        too_small(app, area, buf);
        return;
    };
    header(app, &areas, buf);
    tree(app, &areas, buf);
    detail_pane(app, &areas, buf);
    footer(app, &areas, buf);
    if app.help {
        help(app, area, buf);
    }
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let msg = truncate(i18n::strings(&app.lang).too_small, usize::from(area.width)).into_owned();
    let y = area.y + area.height / 2;
    Paragraph::new(msg)
        .alignment(Alignment::Center)
        .render(Rect::new(area.x, y, area.width, 1), buf);
}

/// Cuts a run of spans to `max` cells, ending with `…` when something was cut.
fn fit(spans: Vec<Span<'static>>, max: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| width(&s.content)).sum();
    if total <= max {
        return spans;
    }
    let mut out = Vec::new();
    let mut used = 0;
    let budget = max.saturating_sub(1);
    for s in spans {
        let w = width(&s.content);
        if used + w <= budget {
            used += w;
            out.push(s);
            continue;
        }
        let mut part = String::new();
        for c in s.content.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > budget {
                break;
            }
            used += cw;
            part.push(c);
        }
        out.push(Span::styled(part, s.style));
        break;
    }
    if max > 0 {
        out.push(Span::raw("…"));
    }
    out
}

fn header(app: &App, areas: &Areas, buf: &mut Buffer) {
    let a = areas.header;
    let spots = layout::language_spots(a, &app.catalog.languages);
    let title_w = spots.first().map_or(a.width, |(r, _)| r.x.saturating_sub(a.x + 1));
    let (marker, title) = detail::pick_line(&app.catalog, &app.catalog.title, &app.lang);
    let mut spans = vec![Span::styled(" ccbnet · ", theme::DIM)];
    if let Some(m) = marker {
        spans.push(Span::styled(m, theme::FALLBACK));
    }
    spans.push(Span::styled(title, theme::HEADER));
    Line::from(fit(spans, usize::from(title_w))).render(Rect::new(a.x, a.y, title_w, 1), buf);
    for (r, i) in spots {
        let code = &app.catalog.languages[i];
        let style = if *code == app.lang { theme::LANG_ACTIVE } else { theme::DIM };
        Span::styled(layout::language_label(code, *code == app.lang), style).render(r, buf);
    }
}

fn pane_block(title: &str, focused: bool) -> Block<'static> {
    let style = if focused { theme::BORDER_FOCUSED } else { theme::BORDER };
    Block::bordered().border_style(style).title(Line::from(format!(" {title} ")))
}

fn tree(app: &App, areas: &Areas, buf: &mut Buffer) {
    let s = i18n::strings(&app.lang);
    let focused = app.focus == Focus::Tree;
    let inner = areas.tree_inner();
    let h = usize::from(inner.height);
    let end = (app.tree_offset + h).min(app.rows.len());
    let mut block = pane_block(s.tree_title, focused);
    let pos = format!(" {}/{} ", app.cursor + 1, app.rows.len());
    let more = match (app.tree_offset > 0, end < app.rows.len()) {
        (true, true) => "▲▼",
        (true, false) => "▲",
        (false, true) => "▼",
        (false, false) => "",
    };
    block = block.title_bottom(Line::from(format!("{more}{pos}")).right_aligned());
    block.render(areas.tree, buf);
    for (i, &n) in app.rows[app.tree_offset..end].iter().enumerate() {
        let row = app.tree_offset + i;
        let node = &app.catalog.nodes[n];
        let marker = if node.children.is_empty() {
            "  "
        } else if app.expanded[n] {
            "▾ "
        } else {
            "▸ "
        };
        let (fb, acr, name) = node_title(&app.catalog, n, &app.lang);
        let mut spans = vec![Span::raw("  ".repeat(node.depth)), Span::styled(marker, theme::DIM)];
        if let Some(m) = fb {
            spans.push(Span::styled(m, theme::FALLBACK));
        }
        if let Some(a) = acr {
            spans.push(Span::styled(a, theme::ACRONYM));
            spans.push(Span::styled(" · ", theme::DIM));
        }
        spans.push(Span::raw(name));
        let mut spans = fit(spans, usize::from(inner.width));
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        let rect = Rect::new(inner.x, y, inner.width, 1);
        if row == app.cursor {
            let style = if focused { theme::SELECTED } else { theme::SELECTED_UNFOCUSED };
            buf.set_style(rect, style);
            for sp in &mut spans {
                sp.style = sp.style.patch(style);
            }
        }
        Line::from(spans).render(rect, buf);
    }
}

fn detail_pane(app: &App, areas: &Areas, buf: &mut Buffer) {
    let s = i18n::strings(&app.lang);
    let inner = areas.detail_inner();
    let lines = detail::lines(app, inner.width);
    let h = usize::from(inner.height);
    let start = app.detail_scroll.min(lines.len());
    let end = (start + h).min(lines.len());
    let more = match (start > 0, end < lines.len()) {
        (true, true) => format!(" ▲▼ {}/{} ", end, lines.len()),
        (true, false) => format!(" ▲ {}/{} ", end, lines.len()),
        (false, true) => format!(" ▼ {}/{} ", end, lines.len()),
        (false, false) => String::new(),
    };
    let block = pane_block(s.detail_title, app.focus == Focus::Detail)
        .title_bottom(Line::from(more).right_aligned());
    block.render(areas.detail, buf);
    for (i, line) in lines[start..end].iter().enumerate() {
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        line.clone().render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

/// The footer's hints for a line of `max` cells: as many as fit, the highest ranked first, shown
/// in the key table's order.
#[must_use]
pub fn footer_hints(lang: &str, max: usize) -> Vec<(String, &'static str)> {
    let hint =
        |b: &keymap::Binding| (keymap::key_label(b.keys[0]), action_text(b.action.clone(), lang).1);
    let cost = |(k, d): &(String, &str)| width(k) + 1 + width(d) + 2;
    let mut ranked: Vec<(usize, u8)> =
        BINDINGS.iter().enumerate().filter_map(|(i, b)| b.footer.map(|r| (i, r))).collect();
    ranked.sort_by_key(|&(_, r)| r);
    let mut chosen = Vec::new();
    let mut used = 0;
    for (i, _) in ranked {
        let c = cost(&hint(&BINDINGS[i]));
        if used + c <= max {
            used += c;
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen.into_iter().map(|i| hint(&BINDINGS[i])).collect()
}

fn footer(app: &App, areas: &Areas, buf: &mut Buffer) {
    let mut spans: Vec<Span<'static>> = Vec::new();
    for (key, short) in footer_hints(&app.lang, usize::from(areas.footer.width)) {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(key, theme::KEY));
        spans.push(Span::raw(format!(" {short} ")));
    }
    Line::from(spans).render(areas.footer, buf);
}

fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let s = i18n::strings(&app.lang);
    let lines = crate::help::lines(&app.lang);
    let content_w = lines.iter().map(Line::width).max().unwrap_or(0);
    let w = u16::try_from(content_w + 4).unwrap_or(u16::MAX).min(area.width);
    let hgt = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX).min(area.height);
    let popup = Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - hgt) / 2, w, hgt);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_style(theme::BORDER_FOCUSED)
        .title(Line::from(format!(" {} ", s.help_title)))
        .title_bottom(Line::from(format!(" {} ", s.help_close)).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    let inner = Rect::new(inner.x + 1, inner.y, inner.width.saturating_sub(1), inner.height);
    let start = app.help_scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    for (i, line) in lines.into_iter().skip(start).take(usize::from(inner.height)).enumerate() {
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        let spans = fit(line.spans, usize::from(inner.width));
        Line::from(spans).style(Style::new()).render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}
