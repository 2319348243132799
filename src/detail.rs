//! What the detail pane says about an entry or organisation, as wrapped, styled lines and
//! numbered links: one function of the data alone, which the renderer draws and the state reads
//! (to know how far the pane scrolls and where its links are).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::data::model::Source;
use crate::data::{Catalog, NodeIx, OrgIx, Text};
use crate::i18n::{self, fact_label, kind_label};
// How things are named lives in `names`; these stay reachable here for existing callers.
pub use crate::names::{UNVERIFIED, fallback_marker, joined, node_title, org_title, pick_line};
use crate::text::{one_line, width, wrap};
use crate::theme;
use crate::tree::Item;

/// The most items a list of the detail pane shows; a longer list ends with how many more there
/// are (the tree and the search reach them all).
pub const MAX_LISTED: usize = 200;

/// What a link of the detail pane leads to: an entry or an organisation.
pub use crate::data::model::Target;

/// Where a link stands in the detail's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkSpot {
    /// Where it leads.
    pub target: Target,
    /// Its first line.
    pub first_line: usize,
    /// Its last line (a long link wraps).
    pub last_line: usize,
}

/// Where the address of a source stands in the detail's lines, to make it a hyperlink.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlSpot {
    /// The line.
    pub line: usize,
    /// The first cell of the address on that line.
    pub col: usize,
    /// How many cells of it are on that line (a long address wraps).
    pub width: usize,
    /// The address.
    pub url: String,
}

/// The detail pane's content: its lines and its links, numbered from 1 in this order.
#[derive(Debug, Clone, Default)]
pub struct DetailView {
    /// The wrapped, styled lines.
    pub lines: Vec<Line<'static>>,
    /// The links, in the order shown.
    pub links: Vec<LinkSpot>,
    /// The addresses of sources, line by line.
    pub urls: Vec<UrlSpot>,
}

struct Builder<'a> {
    catalog: &'a Catalog,
    lang: &'a str,
    width: usize,
    lines: Vec<Line<'static>>,
    links: Vec<LinkSpot>,
    urls: Vec<UrlSpot>,
    /// The link to show as focused.
    focus: Option<usize>,
}

impl<'a> Builder<'a> {
    fn new(catalog: &'a Catalog, lang: &'a str, width: usize, focus: Option<usize>) -> Self {
        Self {
            catalog,
            lang,
            width: width.max(1),
            lines: Vec::new(),
            links: Vec::new(),
            urls: Vec::new(),
            focus,
        }
    }

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

    /// `• [1] ACR · name: role`, wrapped under its bullet; a link when `target` is given.
    fn item(
        &mut self,
        bullet: &str,
        marker: Option<String>,
        title: String,
        role: Option<&Text>,
        target: Option<Target>,
    ) {
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
        let number = target.map(|_| {
            let k = self.links.len() + 1;
            format!("[{k}] ")
        });
        let focused = target.is_some() && self.focus == Some(self.links.len());
        let first_pad = format!("{bullet} {}", number.as_deref().unwrap_or(""));
        let pad_w = first_pad.chars().count();
        let avail = self.width.saturating_sub(pad_w).max(1);
        let full = format!("{}{text}", marker.as_deref().unwrap_or(""));
        let first_line = self.lines.len();
        let body = if focused { theme::LINK_FOCUSED } else { Style::new() };
        for (i, chunk) in wrap(&full, avail).into_iter().enumerate() {
            let mut spans = if i == 0 {
                let mut v = vec![Span::styled(format!("{bullet} "), theme::DIM)];
                if let Some(n) = number.as_deref().filter(|n| !n.is_empty()) {
                    v.push(Span::styled(n.to_owned(), theme::KEY));
                }
                v
            } else {
                vec![Span::raw(" ".repeat(pad_w))]
            };
            match marker.as_deref() {
                Some(m) if i == 0 && chunk.starts_with(m) => {
                    spans.push(Span::styled(m.to_owned(), theme::FALLBACK));
                    spans.push(Span::styled(chunk[m.len()..].to_owned(), body));
                }
                _ => spans.push(Span::styled(chunk, body)),
            }
            self.lines.push(Line::from(spans));
        }
        if let Some(target) = target {
            self.links.push(LinkSpot { target, first_line, last_line: self.lines.len() - 1 });
        }
    }

    /// After a list cut at [`MAX_LISTED`] items: how many more there are.
    fn more(&mut self, total: usize) {
        if total > MAX_LISTED {
            let s = i18n::strings(self.lang);
            self.para(
                2,
                None,
                &s.more.replace("{}", &(total - MAX_LISTED).to_string()),
                theme::DIM,
            );
        }
    }

    /// Each source as `◦ title, consulted on DATE`, its address under it (wrapped anywhere,
    /// each piece recorded as a [`UrlSpot`]).
    fn sources<'s>(&mut self, indent: usize, list: impl Iterator<Item = &'s Source>) {
        let s = i18n::strings(self.lang);
        for src in list {
            let (m, title) = pick_line(self.catalog, &src.title, self.lang);
            let when =
                src.consulted.as_deref().map(|d| format!(", {} {}", s.consulted, one_line(d)));
            // `◦ title`, its later lines under the title, where the address goes too.
            let text = format!("{}{title}{}", m.unwrap_or_default(), when.unwrap_or_default());
            for (i, chunk) in
                wrap(&text, self.width.saturating_sub(indent + 2).max(1)).into_iter().enumerate()
            {
                let lead = format!("{}{}", " ".repeat(indent), if i == 0 { "◦ " } else { "  " });
                self.lines.push(Line::from(vec![Span::raw(lead), Span::styled(chunk, theme::DIM)]));
            }
            let Some(url) = &src.url else { continue };
            let url = one_line(url).into_owned();
            let avail = self.width.saturating_sub(indent + 2).max(1);
            for piece in crate::text::split_width(&url, avail) {
                let col = indent + 2;
                self.urls.push(UrlSpot {
                    line: self.lines.len(),
                    col,
                    width: width(&piece),
                    url: url.clone(),
                });
                self.lines.push(Line::from(vec![
                    Span::raw(" ".repeat(col)),
                    Span::styled(piece, theme::URL),
                ]));
            }
        }
    }
}

/// The source screen's text in `lang` for a terminal `columns` wide: the source note, the
/// source page (title, date consulted, address) and the date the content reflects, each
/// paragraph wrapped flush to the overlay's width (so that no line hangs under another).
#[must_use]
pub fn source_text(catalog: &Catalog, lang: &str, columns: u16) -> String {
    let max = usize::from(columns.saturating_sub(5)).max(8);
    let paragraphs = source_paragraphs(catalog, lang);
    let lines: Vec<String> = paragraphs
        .lines()
        .flat_map(|p| if p.is_empty() { vec![String::new()] } else { wrap(p, max) })
        .collect();
    lines.join("\n")
}

fn source_paragraphs(catalog: &Catalog, lang: &str) -> String {
    let s = i18n::strings(lang);
    let (m, note) = pick_line(catalog, &catalog.source_note, lang);
    let mut out = vec![format!("{}{note}", m.unwrap_or_default()), String::new()];
    if !catalog.page.title.entries().all(|(_, t)| t.is_empty()) {
        let page = crate::export::source_title(catalog, &catalog.page, lang);
        out.push(format!("{}{}{page}", crate::export::labels(lang).page, s.colon));
    }
    if let Some(url) = &catalog.page.url {
        out.push(format!("{}{}{}", crate::export::labels(lang).address, s.colon, one_line(url)));
    }
    let (m, as_of) = pick_line(catalog, &catalog.as_of, lang);
    out.push(format!("{}{}{}{as_of}", s.as_of, s.colon, m.unwrap_or_default()));
    out.join("\n")
}

/// The detail pane for `item` in `lang`, wrapped at `width` cells, with link `focus` marked
/// (while the detail pane has the focus). It needs only the data, never the explorer's state.
#[must_use]
pub fn view(
    catalog: &Catalog,
    item: Item,
    lang: &str,
    width: u16,
    focus: Option<usize>,
) -> DetailView {
    match item {
        Item::Node(n) | Item::Use(_, n) => node_view(catalog, n, lang, usize::from(width), focus),
        Item::Org(o) => org_view(catalog, o, lang, usize::from(width), focus),
    }
}

/// The detail of node `n` in `lang`, wrapped at `width` cells.
#[must_use]
pub fn node_view(
    catalog: &Catalog,
    n: NodeIx,
    lang: &str,
    width: usize,
    focus: Option<usize>,
) -> DetailView {
    let s = i18n::strings(lang);
    let node = &catalog.nodes[n];
    let mut b = Builder::new(catalog, lang, width, focus);

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
    if node.unverified {
        b.para(0, None, &format!("{UNVERIFIED} {}", s.unverified), theme::DIM);
    }
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
        b.sources(2, node.sources.iter().filter(|s| s.fact == Some(*fact)));
    }
    if !node.children.is_empty() {
        b.heading(s.children);
        for &c in node.children.iter().take(MAX_LISTED) {
            let (m, acr, name) = node_title(catalog, c, lang);
            b.item("•", m, joined(acr.as_deref(), &name), None, None);
        }
        b.more(node.children.len());
    }
    let related = catalog.related_both(n);
    if !related.is_empty() {
        b.heading(s.related);
        let total = related.len();
        for r in related.into_iter().take(MAX_LISTED) {
            let (m, acr, name) = node_title(catalog, r.target, lang);
            let bullet = if r.incoming { "←" } else { "→" };
            b.item(bullet, m, joined(acr.as_deref(), &name), r.role, Some(Target::Node(r.target)));
        }
        b.more(total);
    }
    if !node.organisations.is_empty() {
        b.heading(s.organisations);
        for l in node.organisations.iter().take(MAX_LISTED) {
            let (m, acr, name) = org_title(catalog, l.target, lang);
            b.item(
                "•",
                m,
                joined(acr.as_deref(), &name),
                l.role.as_ref(),
                Some(Target::Org(l.target)),
            );
        }
        b.more(node.organisations.len());
    }
    if node.sources.iter().any(|s| s.fact.is_none()) {
        b.heading(s.sources);
        b.sources(2, node.sources.iter().filter(|s| s.fact.is_none()));
    }
    DetailView { lines: b.lines, links: b.links, urls: b.urls }
}

/// The detail of organisation `o` in `lang`: its names, what it belongs to and what belongs to
/// it, the entries it appears in (computed from the entries that name it) and the organisations
/// it meets there.
#[must_use]
pub fn org_view(
    catalog: &Catalog,
    o: OrgIx,
    lang: &str,
    width: usize,
    focus: Option<usize>,
) -> DetailView {
    let s = i18n::strings(lang);
    let org = &catalog.orgs[o];
    let mut b = Builder::new(catalog, lang, width, focus);
    let (marker, acr, name) = org_title(catalog, o, lang);
    let mut over = vec![s.organisation.to_owned()];
    if let Some(a) = &acr {
        over.push(a.clone());
    }
    b.para(0, None, &over.join(" · "), theme::DIM);
    b.para(0, marker.as_deref(), &name, theme::TITLE);
    if org.unverified {
        b.para(0, None, &format!("{UNVERIFIED} {}", s.unverified), theme::DIM);
    }
    if let Some(summary) = &org.summary {
        b.blank();
        b.text(0, summary, Style::new());
    }
    if let Some(p) = org.part_of {
        b.heading(s.part_of);
        let (m, acr, name) = org_title(catalog, p, lang);
        b.item("↑", m, joined(acr.as_deref(), &name), None, Some(Target::Org(p)));
    }
    let parts: Vec<OrgIx> =
        (0..catalog.orgs.len()).filter(|&k| catalog.orgs[k].part_of == Some(o)).collect();
    if !parts.is_empty() {
        b.heading(s.parts);
        for &k in parts.iter().take(MAX_LISTED) {
            let (m, acr, name) = org_title(catalog, k, lang);
            b.item("↓", m, joined(acr.as_deref(), &name), None, Some(Target::Org(k)));
        }
        b.more(parts.len());
    }
    let uses = &catalog.org_used_by[o];
    b.heading(s.appears_in);
    if uses.is_empty() {
        b.para(2, None, s.nowhere, theme::DIM);
    }
    for &n in uses.iter().take(MAX_LISTED) {
        let (m, acr, name) = node_title(catalog, n, lang);
        let role = catalog.nodes[n]
            .organisations
            .iter()
            .find(|l| l.target == o)
            .and_then(|l| l.role.as_ref());
        b.item("•", m, joined(acr.as_deref(), &name), role, Some(Target::Node(n)));
    }
    b.more(uses.len());
    // Whom it meets, and where: computed from the entries that name it.
    let met = crate::meets::meets(catalog, o);
    if !met.is_empty() {
        b.heading(crate::export::labels(lang).meets);
        for mt in met.iter().take(MAX_LISTED) {
            let (m, acr, name) = org_title(catalog, mt.other, lang);
            let entries = crate::meets::entry_list(catalog, mt, lang);
            let text = format!("{}{}{entries}", joined(acr.as_deref(), &name), s.colon);
            b.item("↔", m, text, None, Some(Target::Org(mt.other)));
        }
        b.more(met.len());
    }
    if !org.sources.is_empty() {
        b.heading(s.sources);
        b.sources(2, org.sources.iter());
    }
    DetailView { lines: b.lines, links: b.links, urls: b.urls }
}
