//! What the detail pane says about the selected node, as wrapped, styled lines: one function
//! that the renderer draws and the state reads (to know how far the pane can scroll).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::data::{Catalog, NodeIx, Text};
use crate::i18n::{self, fact_label, kind_label};
use crate::text::{one_line, wrap};
use crate::theme;

/// The marker of a text shown in language `code` instead of the active one: `[FR] `.
#[must_use]
pub fn fallback_marker(code: &str) -> String {
    format!("[{}] ", code.to_uppercase())
}

/// A text in `lang`, on one line, with its fallback marker when it is in another language.
#[must_use]
pub fn pick_line(catalog: &Catalog, text: &Text, lang: &str) -> (Option<String>, String) {
    let shown = catalog.pick(text, lang);
    (shown.fallback.map(fallback_marker), one_line(shown.text).into_owned())
}

/// `CySSAP · Cybersecurity Sectoral Authority Platform`, or the name alone when there is no
/// acronym (or it is the name). The marker is set when either part is a fallback.
#[must_use]
pub fn node_title(
    catalog: &Catalog,
    n: NodeIx,
    lang: &str,
) -> (Option<String>, Option<String>, String) {
    let node = &catalog.nodes[n];
    let (m1, name) = pick_line(catalog, &node.name, lang);
    let (m2, acr) = match &node.acronym {
        Some(a) => {
            let (m, s) = pick_line(catalog, a, lang);
            (m, Some(s))
        }
        None => (None, None),
    };
    let acr = acr.filter(|a| *a != name && !a.is_empty());
    (m1.or(m2), acr, name)
}

/// The same, for an organisation.
#[must_use]
pub fn org_title(
    catalog: &Catalog,
    o: usize,
    lang: &str,
) -> (Option<String>, Option<String>, String) {
    let org = &catalog.orgs[o];
    let (m1, name) = pick_line(catalog, &org.name, lang);
    let (m2, acr) = match &org.acronym {
        Some(a) => {
            let (m, s) = pick_line(catalog, a, lang);
            (m, Some(s))
        }
        None => (None, None),
    };
    let acr = acr.filter(|a| *a != name && !a.is_empty());
    (m1.or(m2), acr, name)
}

/// `ACR · name` as one string.
#[must_use]
pub fn joined(acr: Option<&str>, name: &str) -> String {
    match acr {
        Some(a) => format!("{a} · {name}"),
        None => name.to_owned(),
    }
}

struct Builder<'a> {
    catalog: &'a Catalog,
    lang: &'a str,
    width: usize,
    lines: Vec<Line<'static>>,
}

impl Builder<'_> {
    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.spans.is_empty()) {
            self.lines.push(Line::default());
        }
    }

    /// `text` wrapped at the pane's width less `indent`, with a leading styled `marker`.
    fn para(&mut self, indent: usize, marker: Option<&str>, text: &str, style: Style) {
        let pad = " ".repeat(indent);
        let avail = self.width.saturating_sub(indent).max(1);
        let full = format!("{}{text}", marker.unwrap_or(""));
        for (i, chunk) in wrap(&full, avail).into_iter().enumerate() {
            let mut spans = vec![Span::raw(pad.clone())];
            match marker {
                Some(m) if i == 0 && chunk.starts_with(m) => {
                    spans.push(Span::styled(m.to_owned(), theme::FALLBACK));
                    spans.push(Span::styled(chunk[m.len()..].to_owned(), style));
                }
                _ => spans.push(Span::styled(chunk, style)),
            }
            self.lines.push(Line::from(spans));
        }
    }

    fn text(&mut self, indent: usize, text: &Text, style: Style) {
        let shown = self.catalog.pick(text, self.lang);
        let marker = shown.fallback.map(fallback_marker);
        self.para(indent, marker.as_deref(), shown.text, style);
    }

    fn heading(&mut self, label: &str) {
        self.blank();
        self.para(0, None, label, theme::LABEL);
    }

    /// `• ACR · name: role`, wrapped under its bullet.
    fn item(&mut self, bullet: &str, marker: Option<String>, title: String, role: Option<&Text>) {
        let mut text = title;
        let mut marker = marker;
        if let Some(r) = role {
            let shown = self.catalog.pick(r, self.lang);
            text.push_str(i18n::strings(self.lang).colon);
            text.push_str(&one_line(shown.text));
            if marker.is_none() {
                marker = shown.fallback.map(fallback_marker);
            }
        }
        let first_pad = format!("{bullet} ");
        let avail = self.width.saturating_sub(first_pad.chars().count()).max(1);
        let full = format!("{}{text}", marker.as_deref().unwrap_or(""));
        for (i, chunk) in wrap(&full, avail).into_iter().enumerate() {
            let lead =
                if i == 0 { first_pad.clone() } else { " ".repeat(first_pad.chars().count()) };
            let mut spans = vec![Span::styled(lead, theme::DIM)];
            match marker.as_deref() {
                Some(m) if i == 0 && chunk.starts_with(m) => {
                    spans.push(Span::styled(m.to_owned(), theme::FALLBACK));
                    spans.push(Span::raw(chunk[m.len()..].to_owned()));
                }
                _ => spans.push(Span::raw(chunk)),
            }
            self.lines.push(Line::from(spans));
        }
    }
}

/// The lines of the detail pane for the selected node of `app`, wrapped at `width` cells.
#[must_use]
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    node_lines(&app.catalog, app.selected(), &app.lang, usize::from(width))
}

/// The lines of the detail of node `n` in `lang`, wrapped at `width` cells.
#[must_use]
pub fn node_lines(catalog: &Catalog, n: NodeIx, lang: &str, width: usize) -> Vec<Line<'static>> {
    let s = i18n::strings(lang);
    let node = &catalog.nodes[n];
    let mut b = Builder { catalog, lang, width: width.max(1), lines: Vec::new() };

    let (marker, acr, name) = node_title(catalog, n, lang);
    let mut over = Vec::new();
    if let Some(k) = node.kind {
        over.push(kind_label(k, lang).to_owned());
    }
    if let Some(a) = &acr {
        over.push(a.clone());
    }
    if !over.is_empty() {
        b.para(0, None, &over.join(" · "), theme::DIM);
    }
    b.para(0, marker.as_deref(), &name, theme::TITLE);
    let path: Vec<String> = catalog
        .ancestry(n)
        .into_iter()
        .map(|a| {
            let (_, acr, name) = node_title(catalog, a, lang);
            acr.unwrap_or(name)
        })
        .collect();
    if path.len() > 1 {
        b.para(0, None, &format!("{}{}{}", s.path, s.colon, path.join(" › ")), theme::DIM);
    }
    if let Some(summary) = &node.summary {
        b.blank();
        b.text(0, summary, Style::new());
    }
    for (fact, text) in &node.facts {
        b.heading(fact_label(*fact, lang));
        b.text(2, text, Style::new());
    }
    if !node.children.is_empty() {
        b.heading(s.children);
        for &c in &node.children {
            let (m, acr, name) = node_title(catalog, c, lang);
            b.item("•", m, joined(acr.as_deref(), &name), None);
        }
    }
    let related = catalog.related_both(n);
    if !related.is_empty() {
        b.heading(s.related);
        for r in related {
            let (m, acr, name) = node_title(catalog, r.target, lang);
            b.item(if r.incoming { "←" } else { "→" }, m, joined(acr.as_deref(), &name), r.role);
        }
    }
    if !node.organisations.is_empty() {
        b.heading(s.organisations);
        for l in &node.organisations {
            let (m, acr, name) = org_title(catalog, l.target, lang);
            b.item("•", m, joined(acr.as_deref(), &name), l.role.as_ref());
        }
    }
    b.heading(s.source);
    b.text(2, &catalog.source_note, theme::DIM);
    let (m, as_of) = pick_line(catalog, &catalog.as_of, lang);
    b.para(2, m.as_deref(), &format!("{}{}{as_of}", s.as_of, s.colon), theme::DIM);
    b.lines
}
