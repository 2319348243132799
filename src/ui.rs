//! Drawing: turns the [`App`] state into a frame. Reads the state, never changes it.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthChar;

use crate::action::Action;
use crate::app::{App, Focus, Overlay};
use crate::i18n::{self, action_text};
use crate::keymap::{self, BINDINGS, Mode, Pane};
use crate::layout::{self, Areas};
use crate::names;
use crate::text::{truncate, width};
use crate::theme;
use crate::tree::{self, Item};

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    draw(app, area, frame.buffer_mut());
    if let Some(pos) = cursor_position(app, area) {
        frame.set_cursor_position(pos);
    }
}

/// Where the terminal's cursor goes, so that screen readers and braille displays follow what
/// has the focus: at the caret while typing a search; on the selected row of the tree; on the
/// chosen link (or the first line) of the focused detail pane. Hidden under the help, on a
/// screen too small for the layout, and where a search finds nothing.
#[must_use]
pub fn cursor_position(app: &App, area: Rect) -> Option<Position> {
    let mode = app.mode();
    let areas = layout::areas(area, app.search().is_some(), app.banner().is_some())?;
    match mode.pane {
        Pane::Help | Pane::TooSmall => None,
        Pane::Map => map_cursor(app, areas.body()),
        Pane::Typing => {
            let line = areas.search?;
            let (_, x) = search_spans(app, line.width)?;
            Some(Position::new(line.x + x.min(line.width.saturating_sub(1)), line.y))
        }
        _ if app.no_results() => None,
        Pane::Tree => {
            let inner = areas.tree_inner();
            let row = app.cursor().checked_sub(app.tree_offset())?;
            let y = u16::try_from(row).ok().filter(|&r| r < inner.height)?;
            Some(Position::new(inner.x, inner.y + y))
        }
        Pane::Detail => {
            let inner = areas.detail_inner();
            let line = app
                .link_focus()
                .and_then(|i| app.detail().links.get(i).map(|l| l.first_line))
                .unwrap_or(app.detail_scroll());
            let y = line.checked_sub(app.detail_scroll()).and_then(|r| u16::try_from(r).ok());
            let y = y.filter(|&r| r < inner.height).unwrap_or(0);
            Some(Position::new(inner.x, inner.y + y))
        }
    }
}

/// On the map: at the chosen neighbour's label, or the chosen row of the list.
fn map_cursor(app: &App, frame: Rect) -> Option<Position> {
    let state = app.map()?;
    let inner = crate::map::draw::inner(frame);
    if let Some(list) = &state.list {
        let row = list.selected.checked_sub(list.offset(inner))?;
        let y = u16::try_from(row).ok()?.checked_add(1).filter(|&y| y < inner.height)?;
        return Some(Position::new(inner.x, inner.y + y));
    }
    let lay = state.layout(app.catalog(), app.lang(), inner);
    let chosen = lay
        .labels
        .iter()
        .find(|l| matches!(l.role, crate::map::layout::Role::Choice { selected: true, .. }))?;
    Some(Position::new(chosen.x, chosen.y))
}

/// Draws the whole screen into `buf` (the frame's buffer, or a test's).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(areas) = layout::areas(area, app.search().is_some(), app.banner().is_some()) else {
        too_small(app, area, buf);
        return;
    };
    header(app, &areas, buf);
    if let Some(state) = app.map() {
        crate::map::draw::render(app.catalog(), state, app.lang(), areas.body(), buf);
    } else {
        tree(app, &areas, buf);
        detail_pane(app, &areas, buf);
    }
    search_line(app, &areas, buf);
    banner(app, &areas, buf);
    footer(app, &areas, buf);
    match app.overlay() {
        Some(Overlay::Help) => help(app, area, buf),
        Some(Overlay::Problems) => problems(app, area, buf),
        Some(Overlay::Source) => source(app, area, buf),
        None => {}
    }
}

/// The message of a screen too small for the layout, wrapped to its width and centred in it.
fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let lines = crate::text::wrap(i18n::strings(app.lang()).too_small, usize::from(area.width));
    let n = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(area.height);
    let top = area.y + (area.height - n) / 2;
    for (i, l) in lines.iter().take(usize::from(n)).enumerate() {
        let y = top + u16::try_from(i).unwrap_or(0);
        Paragraph::new(truncate(l, usize::from(area.width)).into_owned())
            .alignment(Alignment::Center)
            .render(Rect::new(area.x, y, area.width, 1), buf);
    }
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

/// The words of the active search, folded; empty without one.
fn search_words(app: &App) -> Vec<String> {
    app.search().map_or_else(Vec::new, |s| crate::search::query_words(s.query()))
}

/// Splits `spans` so that the characters matching `words` take the match style.
fn highlight(spans: Vec<Span<'static>>, words: &[String]) -> Vec<Span<'static>> {
    if words.is_empty() {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len());
    for sp in spans {
        let ranges = crate::search::highlights(&sp.content, words);
        if ranges.is_empty() {
            out.push(sp);
            continue;
        }
        let chars: Vec<char> = sp.content.chars().collect();
        let mut at = 0;
        for (a, b) in ranges {
            if a > at {
                out.push(Span::styled(chars[at..a].iter().collect::<String>(), sp.style));
            }
            out.push(Span::styled(
                chars[a..b].iter().collect::<String>(),
                sp.style.patch(theme::MATCH),
            ));
            at = b;
        }
        if at < chars.len() {
            out.push(Span::styled(chars[at..].iter().collect::<String>(), sp.style));
        }
    }
    out
}

/// The search line's counter: `current/total` of the results `n`/`N` reach in this view, and
/// whether the last step went round; `0/0` when nothing matched; empty without a query.
#[must_use]
pub fn search_status(app: &App) -> String {
    let Some(s) = app.search() else { return String::new() };
    let strings = i18n::strings(app.lang());
    let total = s.results().len();
    if s.query().trim().is_empty() {
        String::new()
    } else if total == 0 {
        "0/0".to_owned()
    } else {
        let at = format!("{}/{total}", s.current().min(total - 1) + 1);
        match s.wrapped() {
            Some(true) => format!("↻ {} · {at}", strings.wrapped),
            Some(false) => format!("↻ {} · {at}", strings.wrapped_end),
            None => at,
        }
    }
}

/// The search line on `w` cells: the prompt, the part of the query around the caret (`…` where
/// it is cut), and the counter at the right when there is room for it beside the query; and
/// where the caret stands, in cells from the line's left.
fn search_spans(app: &App, w: u16) -> Option<(Vec<Span<'static>>, u16)> {
    let s = app.search()?;
    let w = usize::from(w);
    let strings = i18n::strings(app.lang());
    let mut status = search_status(app);
    let chars: Vec<char> = s.query().chars().collect();
    let cw = |c: &char| c.width().unwrap_or(0);
    let query_w: usize = chars.iter().map(cw).sum();
    // The prompt shortens to `/` on a narrow line; the counter goes before the query does.
    let mut prompt = strings.search_prompt;
    if width(prompt) + 8 + width(&status) + 1 > w {
        prompt = "/ ";
    }
    if width(prompt) + query_w.min(8) + 1 + width(&status) + 1 > w {
        status.clear();
    }
    let status_w = if status.is_empty() { 0 } else { width(&status) + 1 };
    let avail = w.saturating_sub(width(prompt) + status_w).max(1);
    // The window of the query: all of it when it fits (with a cell for the caret), else the
    // caret kept near the right edge.
    let caret = s.caret().min(chars.len());
    let (mut start, mut end) = (0, chars.len());
    if query_w + 1 > avail {
        let mut used = 1; // the caret's cell
        start = caret;
        while start > 0 && used + cw(&chars[start - 1]) < avail {
            start -= 1;
            used += cw(&chars[start]);
        }
        if start == 1 && used + cw(&chars[0]) <= avail {
            start = 0;
            used += cw(&chars[0]);
        }
        let left = usize::from(start > 0);
        end = caret;
        let mut right_used = used + left;
        while end < chars.len() && right_used + cw(&chars[end]) < avail {
            right_used += cw(&chars[end]);
            end += 1;
        }
        if end + 1 == chars.len() && right_used + cw(&chars[end]) <= avail {
            end += 1;
        }
    }
    let mut spans = vec![Span::styled(prompt, theme::PROMPT)];
    if start > 0 {
        spans.push(Span::styled("…", theme::DIM));
    }
    spans.push(Span::raw(chars[start..end].iter().collect::<String>()));
    if end < chars.len() {
        spans.push(Span::styled("…", theme::DIM));
    }
    let caret_x =
        width(prompt) + usize::from(start > 0) + chars[start..caret].iter().map(cw).sum::<usize>();
    let used: usize = spans.iter().map(|sp| width(&sp.content)).sum();
    if !status.is_empty() && used + status_w <= w {
        spans.push(Span::raw(" ".repeat(w - used - width(&status))));
        let style = if s.results().is_empty() { theme::FALLBACK } else { theme::DIM };
        spans.push(Span::styled(status, style));
    }
    Some((spans, u16::try_from(caret_x).unwrap_or(u16::MAX)))
}

fn search_line(app: &App, areas: &Areas, buf: &mut Buffer) {
    let Some(line) = areas.search else { return };
    let Some((spans, _)) = search_spans(app, line.width) else { return };
    Line::from(spans).render(line, buf);
}

/// The banner of a data file that no longer loads: where and what is wrong (the first error),
/// how many problems there are, and that the last good data is still shown; see
/// [`banner_text`].
fn banner(app: &App, areas: &Areas, buf: &mut Buffer) {
    let (Some(msg), Some(line)) = (app.banner(), areas.banner) else { return };
    let text = banner_text(msg, app.lang(), usize::from(line.width));
    buf.set_style(line, theme::BANNER);
    Line::from(fit(vec![Span::styled(text, theme::BANNER)], usize::from(line.width)))
        .render(line, buf);
}

/// The banner's line for `problems` (one a line, as `ccbnet check` prints them) in `width`
/// cells: the first error's place (<FILE:LINE:COL>), its message, how many problems there are and
/// that `!` lists them, and the sentences around them as far as they fit. What gives way first:
/// the closing sentence, then the opening one, then the folders of the path (cut from the left,
/// down to `…/` and the file's name), then the end of the message; the place never does.
#[must_use]
pub fn banner_text(problems: &str, lang: &str, max: usize) -> String {
    let s = i18n::strings(lang);
    let all: Vec<String> = problems
        .lines()
        .map(|l| crate::text::one_line(&crate::text::sanitize(l)).into_owned())
        .collect();
    let first =
        all.iter().find(|l| l.contains(": error:")).or(all.first()).cloned().unwrap_or_default();
    // How many problems there are, and the key that lists them all (`!`), one form at every width.
    let n = all.len().max(1);
    let count = if n == 1 {
        format!(" ({})", s.problems[0])
    } else {
        format!(" ({})", s.problems[1].replace("{}", &n.to_string()))
    };
    // The path, the position (`:LINE:COL`), the message (`: error: …`).
    let cut = first.find(": error:").or_else(|| first.find(": warning:")).unwrap_or(0);
    let head = &first[..cut];
    let path_end = {
        let mut end = head.len();
        for _ in 0..2 {
            if let Some(i) = head[..end].rfind(':')
                && !head[i + 1..end].is_empty()
                && head[i + 1..end].bytes().all(|b| b.is_ascii_digit())
            {
                end = i;
            }
        }
        end
    };
    let (path, pos, msg) = (&first[..path_end], &first[path_end..cut], &first[cut..]);
    let chars: Vec<char> = path.chars().collect();
    // Where the file's name starts; the `/` before it stays with it (`…/d.ron`).
    let name_from = path.rsplit('/').next().map_or(0, |n| chars.len() - n.chars().count());
    let prefix = format!(" {} ", s.reload_failed);
    let full = format!("{prefix}{path}{pos}{msg}{count}{}", s.reload_kept);
    if width(&full) <= max {
        return full;
    }
    // The opening sentence, then the folders (from the left, whole, `…` in front) give way.
    let fixed = width(pos) + width(msg) + width(&count);
    for lead in [prefix.as_str(), " "] {
        for start in (0..name_from.max(1)).filter(|&i| i == 0 || chars[i] == '/') {
            let tail: String = chars[start..].iter().collect();
            let dots = if start > 0 { "…" } else { "" };
            if width(lead) + width(dots) + width(&tail) + fixed <= max {
                return format!("{lead}{dots}{tail}{pos}{msg}{count}");
            }
        }
    }
    // Then the end of the message (`!` shows it whole), and the count takes its short form.
    let name: String = if name_from > 0 {
        format!("…{}", chars[name_from - 1..].iter().collect::<String>())
    } else {
        path.to_owned()
    };
    let place = format!(" {name}{pos}");
    let room = max.saturating_sub(width(&place) + width(&count));
    format!("{place}{}{count}", truncate(msg, room))
}

fn header(app: &App, areas: &Areas, buf: &mut Buffer) {
    let a = areas.header;
    let langs = &app.catalog().languages;
    let active = langs.iter().position(|l| l == app.lang()).unwrap_or(0);
    // The date the content reflects stays whole; the other languages give way to it, then the
    // program's name, then the title.
    let date = names::as_of(app.catalog(), app.lang());
    let spots = layout::language_spots(a, langs, active, layout::date_reserve(&date));
    let title_w = spots.first().map_or(a.width, |(r, _)| r.x.saturating_sub(a.x + 1));
    let (marker, title) = names::pick_line(app.catalog(), &app.catalog().title, app.lang());
    let room = usize::from(title_w).saturating_sub(width(&date) + 3);
    let spans = if room >= 8 {
        // The program's name only where the title has room besides it.
        let name = if room >= 10 + width(&title).min(20) { " ccbnet · " } else { " " };
        let mut spans = vec![Span::styled(name, theme::DIM)];
        if let Some(m) = marker {
            spans.push(Span::styled(m, theme::FALLBACK));
        }
        spans.push(Span::styled(title, theme::HEADER));
        let mut spans = fit(spans, room);
        spans.push(Span::styled(format!(" · {date}"), theme::DIM));
        spans
    } else {
        fit(vec![Span::styled(format!(" {date}"), theme::DIM)], usize::from(title_w))
    };
    Line::from(spans).render(Rect::new(a.x, a.y, title_w, 1), buf);
    for (r, i) in spots {
        let code = &app.catalog().languages[i];
        let style = if *code == app.lang() { theme::LANG_ACTIVE } else { theme::DIM };
        Span::styled(layout::language_label(code, *code == app.lang()), style).render(r, buf);
    }
}

fn pane_block(title: &str, focused: bool) -> Block<'static> {
    let style = if focused { theme::BORDER_FOCUSED } else { theme::BORDER };
    Block::bordered().border_style(style).title(Line::from(format!(" {title} ")))
}

fn tree(app: &App, areas: &Areas, buf: &mut Buffer) {
    let s = i18n::strings(app.lang());
    let focused = app.focus() == Focus::Tree;
    let inner = areas.tree_inner();
    let h = usize::from(inner.height);
    let end = (app.tree_offset() + h).min(app.rows().len());
    let title = match app.view() {
        crate::tree::View::Levels => s.tree_title,
        crate::tree::View::Organisations => s.orgs_title,
    };
    let mut block = pane_block(title, focused);
    let pos = if app.no_results() {
        String::new()
    } else {
        format!(" {}/{} ", app.cursor() + 1, app.rows().len())
    };
    // With no results the tree shows a message, not its rows: nothing to scroll.
    let more = match (app.tree_offset() > 0, end < app.rows().len()) {
        _ if app.no_results() => "",
        (true, true) => "▲▼",
        (true, false) => "▲",
        (false, true) => "▼",
        (false, false) => "",
    };
    block = block.title_bottom(Line::from(format!("{more}{pos}")).right_aligned());
    block.render(areas.tree, buf);
    if let Some(srch) = app.search().filter(|_| app.no_results()) {
        let msg = s.no_results.replace("{}", srch.query());
        for (i, l) in
            crate::text::wrap(&msg, usize::from(inner.width)).into_iter().take(h).enumerate()
        {
            let y = inner.y + u16::try_from(i).unwrap_or(0);
            Span::styled(l, theme::FALLBACK).render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
        return;
    }
    let words = search_words(app);
    for (i, &item) in app.rows()[app.tree_offset()..end].iter().enumerate() {
        let row = app.tree_offset() + i;
        let marker = if app.filtering() || !item.has_children(app.catalog()) {
            "  "
        } else if app.expansion().is_open(item) {
            "▾ "
        } else {
            "▸ "
        };
        let (fb, acr, name) = match item {
            Item::Node(n) | Item::Use(_, n) => tree::node_row_title(app.catalog(), n, app.lang()),
            Item::Org(o) => names::org_title(app.catalog(), o, app.lang()),
        };
        // In a filtered tree, the ancestors of results are dimmed.
        let ancestor = app.filtering() && !app.is_result(item);
        let text_style = if ancestor { theme::DIM } else { Style::new() };
        let depth = item.depth(app.catalog());
        let mut spans = vec![Span::raw("  ".repeat(depth)), Span::styled(marker, theme::DIM)];
        if let Some(m) = fb {
            spans.push(Span::styled(m, theme::FALLBACK));
        }
        if let Some(l) = app.result_language(item) {
            spans.push(Span::styled(names::fallback_marker(l), theme::FALLBACK));
        }
        let mut title = Vec::new();
        let mut before: usize = spans.iter().map(|sp| width(&sp.content)).sum();
        if let Some(a) = acr {
            before += width(&a) + 3;
            title.push(Span::styled(a, theme::ACRONYM.patch(text_style)));
            title.push(Span::styled(" · ", theme::DIM));
        }
        // A name too long for the row loses its middle, not its end: siblings that start
        // alike ("Expertise pour la représentation belge au …") still read apart.
        let name = middle_cut(&name, usize::from(inner.width).saturating_sub(before));
        title.push(Span::styled(name, text_style));
        if ancestor {
            spans.extend(title);
        } else {
            spans.extend(highlight(title, &words));
        }
        let mut spans = fit(spans, usize::from(inner.width));
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        let rect = Rect::new(inner.x, y, inner.width, 1);
        if row == app.cursor() {
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
    let words = i18n::strings(app.lang());
    let inner = areas.detail_inner();
    if app.no_results() {
        pane_block(words.detail_title, app.focus() == Focus::Detail).render(areas.detail, buf);
        for (i, l) in crate::text::wrap(words.no_results_detail, usize::from(inner.width))
            .into_iter()
            .take(usize::from(inner.height))
            .enumerate()
        {
            let y = inner.y + u16::try_from(i).unwrap_or(0);
            Span::styled(l, theme::DIM).render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
        return;
    }
    let view = app.detail();
    let lines = &view.lines;
    let h = usize::from(inner.height);
    let start = app.detail_scroll().min(lines.len());
    let end = (start + h).min(lines.len());
    let more = match (start > 0, end < lines.len()) {
        (true, true) => format!(" ▲▼ {}/{} ", end, lines.len()),
        (true, false) => format!(" ▲ {}/{} ", end, lines.len()),
        (false, true) => format!(" ▼ {}/{} ", end, lines.len()),
        (false, false) => String::new(),
    };
    let block = pane_block(words.detail_title, app.focus() == Focus::Detail)
        .title_bottom(Line::from(more).right_aligned());
    block.render(areas.detail, buf);
    let words = search_words(app);
    for (i, line) in lines[start..end].iter().enumerate() {
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        Line::from(highlight(line.spans.clone(), &words))
            .render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
    if app.hyperlinks() {
        for u in view.urls.iter().filter(|u| (start..end).contains(&u.line)) {
            let y = inner.y + u16::try_from(u.line - start).unwrap_or(0);
            let x = inner.x.saturating_add(u16::try_from(u.col).unwrap_or(u16::MAX));
            let w = u16::try_from(u.width).unwrap_or(0).min(inner.right().saturating_sub(x));
            crate::hyperlink::link(buf, x, y, w, &u.url);
        }
    }
}

/// What the footer says a binding does in `mode`: its short text, or what it does here (`o`
/// goes back to the levels from the organisations; `Enter` after `3` follows link 3).
fn hint_text(b: &keymap::Binding, mode: &Mode, lang: &str) -> String {
    let s = i18n::strings(lang);
    match b.action {
        Action::ToggleView if mode.orgs => s.to_levels.to_owned(),
        Action::Map(crate::map::state::MapAction::Close) if mode.list => {
            crate::map::words(lang).close_list.to_owned()
        }
        Action::Toggle => {
            let does = if mode.expanded { Action::Collapse } else { Action::Expand };
            action_text(&does, lang).1.to_owned()
        }
        Action::Digit(_) => action_text(&Action::FollowLink(0), lang).1.to_owned(),
        Action::FollowNumbered => {
            s.follow_numbered.replace("{}", &mode.count.unwrap_or(0).to_string())
        }
        _ => action_text(&b.action, lang).1.to_owned(),
    }
}

/// The footer's hints for a line of `max` cells in `mode`: only keys that do something now, as
/// many as fit, the highest ranked first, shown in the key table's order; a paired line comes
/// with the next one or not at all.
#[must_use]
pub fn footer_hints(lang: &str, max: usize, mode: &Mode) -> Vec<(String, String)> {
    let hint = |b: &keymap::Binding| {
        // The digits, in the footer, are the link numbers: `3 Enter` follows link 3, `12 Enter`
        // link 12.
        let key = if b.action == Action::Digit(0) {
            if mode.links > 1 { format!("1…{} Enter", mode.links) } else { "1 Enter".to_owned() }
        } else {
            keymap::key_label(b.keys[0])
        };
        (key, hint_text(b, mode, lang))
    };
    let cost = |(k, d): &(String, String)| width(k) + 1 + width(d) + 2;
    let shown = |i: usize| {
        BINDINGS.get(i).is_some_and(|b| {
            b.footer.is_some()
                && b.live.holds(mode)
                && (b.action != Action::Digit(0) || (mode.links > 0 && mode.count.is_none()))
        })
    };
    // Each hint with its partner, if any: (its lines, its rank).
    let mut ranked: Vec<(Vec<usize>, u8)> = Vec::new();
    for (i, b) in BINDINGS.iter().enumerate() {
        let partner = i > 0 && BINDINGS[i - 1].paired && shown(i - 1);
        if !shown(i) || partner {
            continue;
        }
        let lines = if b.paired && shown(i + 1) { vec![i, i + 1] } else { vec![i] };
        ranked.push((lines, b.footer.unwrap_or(u8::MAX)));
    }
    ranked.sort_by_key(|(_, r)| *r);
    let mut chosen = Vec::new();
    // The last hint's trailing space may fall off the line.
    let mut used = 0;
    for (lines, _) in ranked {
        let c: usize = lines.iter().map(|&i| cost(&hint(&BINDINGS[i]))).sum();
        if used + c <= max + 1 {
            used += c;
            chosen.extend(lines);
        }
    }
    chosen.sort_unstable();
    chosen.into_iter().map(|i| hint(&BINDINGS[i])).collect()
}

fn footer(app: &App, areas: &Areas, buf: &mut Buffer) {
    let w = usize::from(areas.footer.width);
    if let Some(msg) = &app.message() {
        let text = format!(" {}", crate::text::one_line(msg));
        Line::from(fit(vec![Span::styled(text, theme::PROMPT)], w)).render(areas.footer, buf);
        return;
    }
    let mode = app.mode();
    let mut spans: Vec<Span<'static>> = Vec::new();
    if let Some(c) = mode.count {
        let s = i18n::strings(app.lang());
        spans.push(Span::styled(format!(" {} {c} ", s.count), theme::PROMPT));
    }
    let used: usize = spans.iter().map(|sp| width(&sp.content)).sum();
    for (key, short) in footer_hints(app.lang(), w.saturating_sub(used), &mode) {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(key, theme::KEY));
        spans.push(Span::raw(format!(" {short} ")));
    }
    Line::from(spans).render(areas.footer, buf);
}

/// Clears `popup`, and the left half of any wide character cut by its left edge, so that no
/// half character is left beside the border.
fn clear_popup(popup: Rect, area: Rect, buf: &mut Buffer) {
    Clear.render(popup, buf);
    if popup.x > area.x {
        for y in popup.top()..popup.bottom() {
            let cell = &mut buf[(popup.x - 1, y)];
            if width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}

fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let s = i18n::strings(app.lang());
    let popup = crate::help::popup(app.lang(), area);
    let beneath = app.mode_beneath();
    let lines = crate::help::lines_for(app.lang(), crate::help::text_width(popup), Some(&beneath));
    overlay(s.help_title, app.help_scroll(), lines, (popup, area), app.lang(), buf);
}

/// The list of problems of the data file (`!`): each in full, as `ccbnet check` prints them.
fn problems(app: &App, area: Rect, buf: &mut Buffer) {
    let s = i18n::strings(app.lang());
    let all = app.banner().unwrap_or("");
    let title = format!("{} ({})", s.problems_title, app.problems());
    let popup = crate::problems::popup(all, &title, area);
    let lines = crate::problems::lines(all, crate::problems::text_width(popup))
        .into_iter()
        .map(Line::from)
        .collect();
    overlay(&title, app.help_scroll(), lines, (popup, area), app.lang(), buf);
}

/// The source screen: the note, the source page, the date the content reflects, in full.
fn source(app: &App, area: Rect, buf: &mut Buffer) {
    let title = i18n::strings(app.lang()).source_title;
    let text = crate::detail::source_text(app.catalog(), app.lang(), area.width);
    let popup = crate::problems::popup(&text, title, area);
    let lines = crate::problems::lines(&text, crate::problems::text_width(popup));
    overlay(
        title,
        app.help_scroll(),
        lines.into_iter().map(Line::from).collect(),
        (popup, area),
        app.lang(),
        buf,
    );
}

/// An overlay with `title` in `popup` (on a screen of `area`): `lines` from `scroll` on, the
/// marks of what is above and below, how to close it.
fn overlay(
    title: &str,
    scroll: usize,
    lines: Vec<Line<'static>>,
    (popup, area): (Rect, Rect),
    lang: &str,
    buf: &mut Buffer,
) {
    let s = i18n::strings(lang);
    let start = scroll;
    clear_popup(popup, area, buf);
    let visible = usize::from(popup.height.saturating_sub(2));
    let start = start.min(lines.len().saturating_sub(visible));
    let more = match (start > 0, start + visible < lines.len()) {
        (true, true) => " ▲▼ ",
        (true, false) => " ▲ ",
        (false, true) => " ▼ ",
        (false, false) => "",
    };
    let block = Block::bordered()
        .border_style(theme::BORDER_FOCUSED)
        .title(Line::from(format!(" {title} ")))
        .title_bottom(Line::from(more))
        .title_bottom(Line::from(format!(" {} ", s.help_close)).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    let inner = Rect::new(inner.x + 1, inner.y, inner.width.saturating_sub(1), inner.height);
    for (i, line) in lines.into_iter().skip(start).take(usize::from(inner.height)).enumerate() {
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        let spans = fit(line.spans, usize::from(inner.width));
        Line::from(spans).style(Style::new()).render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

/// `name` in at most `max` cells: whole when it fits, else its start and its end with `…`
/// between (the end gets a third of the room, at most 16 cells).
#[must_use]
pub fn middle_cut(name: &str, max: usize) -> String {
    if width(name) <= max {
        return name.to_owned();
    }
    if max < 12 {
        return truncate(name, max).into_owned();
    }
    let tail_w = (max / 3).min(16);
    let head_w = max - tail_w - 1;
    let chars: Vec<char> = name.chars().collect();
    let mut tail = Vec::new();
    let mut used = 0;
    for &c in chars.iter().rev() {
        let cw = c.width().unwrap_or(0);
        if used + cw > tail_w {
            break;
        }
        used += cw;
        tail.push(c);
    }
    tail.reverse();
    let mut head = String::new();
    let mut used = 0;
    for &c in &chars[..chars.len() - tail.len()] {
        let cw = c.width().unwrap_or(0);
        if used + cw > head_w {
            break;
        }
        used += cw;
        head.push(c);
    }
    let tail: String = tail.into_iter().collect();
    format!("{}…{}", head.trim_end(), tail.trim_start())
}
