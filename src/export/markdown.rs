//! The Markdown export: a heading per level and entry (an HTML anchor named by its id before
//! each), facts as a list, links to other entries and organisations as in-document anchors, then
//! every organisation. Text from the data is escaped so that no name or summary can change the
//! formatting.

use std::fmt::Write as _;

use crate::data::{Catalog, NodeIx, Text};
use crate::i18n::{fact_label, kind_label, strings};
use crate::names::{fallback_marker, joined, node_title, org_title};
use crate::text::one_line;

use super::{labels, source_title};
use crate::data::model::Source;

/// `s` on one line, with every character Markdown (`CommonMark` and its GitHub flavour) could
/// read as formatting escaped with a backslash.
#[must_use]
pub fn inline(s: &str) -> String {
    let s = one_line(s);
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            // An entity (`&amp;`, `&#32;`) only starts with a letter, a digit or `#` after `&`.
            '&' if chars.peek().is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') => {
                out.push_str("\\&");
            }
            c => out.push(c),
        }
    }
    out
}

/// `s` as paragraphs: each line of it escaped as [`inline`], and also escaped where a line
/// would otherwise start a list, a heading underline or a numbered list.
#[must_use]
pub fn block(s: &str) -> String {
    let mut paras = Vec::new();
    for line in s.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        let mut p = inline(line);
        if p.starts_with(['-', '+', '=']) {
            p.insert(0, '\\');
        } else if let Some(end) = p.find(|c: char| !c.is_ascii_digit())
            && end > 0
            && p[end..].starts_with(['.', ')'])
        {
            p.insert(end, '\\');
        }
        paras.push(p);
    }
    paras.join("\n\n")
}

struct Writer<'a> {
    catalog: &'a Catalog,
    lang: &'a str,
    out: String,
}

impl Writer<'_> {
    /// A text in the active language, escaped, with its fallback marker (`\[FR\] `).
    fn shown(&self, text: &Text, as_block: bool) -> String {
        let shown = self.catalog.pick(text, self.lang);
        let marker = shown.fallback.map(|c| inline(&fallback_marker(c))).unwrap_or_default();
        let body = if as_block { block(shown.text) } else { inline(shown.text) };
        format!("{marker}{body}")
    }

    /// `**Label :**`, the language's colon inside the bold.
    fn label(&self, label: &str) -> String {
        format!("**{}{}**", inline(label), strings(self.lang).colon.trim_end())
    }

    /// `[ACR · name](#id)`, with a fallback marker first when a part is in another language.
    fn link(title: (Option<String>, Option<String>, String), id: &str) -> String {
        let (marker, acr, name) = title;
        let marker = marker.map(|m| inline(&m)).unwrap_or_default();
        format!("{marker}[{}](#{id})", inline(&joined(acr.as_deref(), &name)))
    }

    /// A link and the word on the relation: `[QCTR · ...](#qctr) : role`.
    fn link_role(&self, link: String, role: Option<&Text>) -> String {
        match role {
            Some(r) => format!("{link}{}{}", strings(self.lang).colon, self.shown(r, false)),
            None => link,
        }
    }

    /// Each source as a list item at `indent`: `[title](<address>)`, or the title alone.
    fn sources<'s>(&mut self, indent: &str, list: impl Iterator<Item = &'s Source>) {
        for src in list {
            let title = inline(&source_title(self.catalog, src, self.lang));
            let item = match &src.url {
                Some(url) if !url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') => {
                    format!("[{title}](<{url}>)")
                }
                Some(url) => format!("{title} — {}", inline(url)),
                None => title,
            };
            let _ = writeln!(self.out, "{indent}- {item}");
        }
    }

    fn heading(&mut self, level: usize, id: &str, title: &str) {
        let hashes = "#".repeat(level.clamp(1, 6));
        let _ = write!(self.out, "<a id=\"{id}\"></a>\n\n{hashes} {title}\n\n");
    }

    fn node(&mut self, n: NodeIx) {
        let catalog = self.catalog;
        let lang = self.lang;
        let s = strings(lang);
        let node = &catalog.nodes[n];
        let (marker, acr, name) = node_title(catalog, n, lang);
        let title = format!(
            "{}{}",
            marker.map(|m| inline(&m)).unwrap_or_default(),
            inline(&joined(acr.as_deref(), &name))
        );
        self.heading(node.depth + 2, &node.id, &title);
        if let Some(k) = node.kind {
            let _ = write!(self.out, "*{}*\n\n", inline(kind_label(k, lang)));
        }
        if node.unverified {
            let note = inline(&format!("{} {}", crate::detail::UNVERIFIED, s.unverified));
            let _ = write!(self.out, "{note}\n\n");
        }
        if let Some(summary) = &node.summary {
            let text = self.shown(summary, true);
            let _ = write!(self.out, "{text}\n\n");
        }
        if !node.facts.is_empty() {
            for (fact, text) in &node.facts {
                let line = format!("- {} {}\n", self.label(fact_label(*fact, lang)), {
                    self.shown(text, false)
                });
                self.out.push_str(&line);
                self.sources("  ", node.sources.iter().filter(|s| s.fact == Some(*fact)));
            }
            self.out.push('\n');
        }
        if node.sources.iter().any(|s| s.fact.is_none()) {
            let _ = write!(self.out, "{}\n\n", self.label(s.sources));
            self.sources("", node.sources.iter().filter(|s| s.fact.is_none()));
            self.out.push('\n');
        }
        let related = catalog.related_both(n);
        if !related.is_empty() {
            let mut text = format!("{}\n\n", self.label(s.related));
            for r in related {
                let link =
                    Self::link(node_title(catalog, r.target, lang), &catalog.nodes[r.target].id);
                let arrow = if r.incoming { "←" } else { "→" };
                let _ = writeln!(text, "- {arrow} {}", self.link_role(link, r.role));
            }
            self.out.push_str(&text);
            self.out.push('\n');
        }
        if !node.organisations.is_empty() {
            let mut text = format!("{}\n\n", self.label(s.organisations));
            for l in &node.organisations {
                let link =
                    Self::link(org_title(catalog, l.target, lang), &catalog.orgs[l.target].id);
                let _ = writeln!(text, "- {}", self.link_role(link, l.role.as_ref()));
            }
            self.out.push_str(&text);
            self.out.push('\n');
        }
        for &c in &node.children {
            self.node(c);
        }
    }

    fn organisation(&mut self, o: usize) {
        let catalog = self.catalog;
        let lang = self.lang;
        let org = &catalog.orgs[o];
        let (marker, acr, name) = org_title(catalog, o, lang);
        let title = format!(
            "{}{}",
            marker.map(|m| inline(&m)).unwrap_or_default(),
            inline(&joined(acr.as_deref(), &name))
        );
        self.heading(3, &org.id, &title);
        if org.unverified {
            let note = format!("{} {}", crate::detail::UNVERIFIED, strings(lang).unverified);
            let _ = write!(self.out, "{}\n\n", inline(&note));
        }
        if let Some(summary) = &org.summary {
            let text = self.shown(summary, true);
            let _ = write!(self.out, "{text}\n\n");
        }
        let mut facts = String::new();
        if let Some(p) = org.part_of {
            let link = Self::link(org_title(catalog, p, lang), &catalog.orgs[p].id);
            let _ = writeln!(facts, "- {} {link}", self.label(labels(lang).part_of));
        }
        let used = &catalog.org_used_by[o];
        if !used.is_empty() {
            let links: Vec<String> = used
                .iter()
                .map(|&n| Self::link(node_title(catalog, n, lang), &catalog.nodes[n].id))
                .collect();
            let _ = writeln!(facts, "- {} {}", self.label(labels(lang).named_in), links.join(", "));
        }
        let met = crate::meets::meets(catalog, o);
        if !met.is_empty() {
            let _ = writeln!(facts, "- {}", self.label(labels(lang).meets));
            for m in &met {
                let link = Self::link(org_title(catalog, m.other, lang), &catalog.orgs[m.other].id);
                let entries: Vec<String> = m
                    .entries
                    .iter()
                    .map(|&n| Self::link(node_title(catalog, n, lang), &catalog.nodes[n].id))
                    .collect();
                let _ = writeln!(facts, "  - {link}{}{}", strings(lang).colon, entries.join(", "));
            }
        }
        if !facts.is_empty() {
            self.out.push_str(&facts);
            self.out.push('\n');
        }
        if !org.sources.is_empty() {
            let _ = write!(self.out, "{}\n\n", self.label(strings(lang).sources));
            self.sources("", org.sources.iter());
            self.out.push('\n');
        }
    }
}

/// The whole data set in `lang` as a Markdown document.
#[must_use]
pub fn markdown(catalog: &Catalog, lang: &str) -> String {
    write(catalog, lang, false)
}

/// The same, with a Mermaid flowchart of the network (a fenced `mermaid` block, which wikis
/// such as GitHub's draw) under its own heading after the title and source.
#[must_use]
pub fn markdown_with_mermaid(catalog: &Catalog, lang: &str) -> String {
    write(catalog, lang, true)
}

fn write(catalog: &Catalog, lang: &str, mermaid: bool) -> String {
    let s = strings(lang);
    let mut w = Writer { catalog, lang, out: String::new() };
    let title = w.shown(&catalog.title, false);
    let _ = write!(w.out, "# {title}\n\n");
    let source = format!("{} {}", w.label(s.source), w.shown(&catalog.source_note, false));
    let as_of = format!("{} {}", w.label(s.as_of), w.shown(&catalog.as_of, false));
    let _ = write!(w.out, "{source}\n\n{as_of}\n\n");
    if !catalog.page.title.entries().all(|(_, t)| t.is_empty()) {
        let page = inline(&source_title(catalog, &catalog.page, lang));
        let _ = write!(w.out, "{} {page}\n\n", w.label(labels(lang).page));
    }
    if let Some(url) = &catalog.page.url {
        let shown = if url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') {
            inline(url)
        } else {
            format!("<{url}>")
        };
        let _ = write!(w.out, "{} {shown}\n\n", w.label(labels(lang).address));
    }
    if mermaid {
        let chart = super::mermaid(catalog, lang);
        let _ = write!(w.out, "## {}\n\n```mermaid\n{chart}```\n\n", inline(labels(lang).map));
    }
    for &r in &catalog.roots {
        w.node(r);
    }
    if !catalog.orgs.is_empty() {
        let _ = write!(w.out, "## {}\n\n", inline(s.organisations));
        for o in 0..catalog.orgs.len() {
            w.organisation(o);
        }
    }
    let trimmed = w.out.trim_end().len();
    w.out.truncate(trimmed);
    w.out.push('\n');
    w.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_escapes_what_markdown_would_read() {
        assert_eq!(
            inline("a *b* _c_ [d](e) <x> `f` #1 a|b ~~s~~"),
            "a \\*b\\* \\_c\\_ \\[d\\](e) \\<x\\> \\`f\\` \\#1 a\\|b \\~\\~s\\~\\~"
        );
        assert_eq!(inline("R&D &amp; back\\slash"), "R\\&D \\&amp; back\\\\slash");
        assert_eq!(inline("ligne\nsuivante"), "ligne suivante");
    }

    #[test]
    fn block_escapes_line_starts() {
        assert_eq!(block("- pas une liste"), "\\- pas une liste");
        assert_eq!(block("2024. Une année"), "2024\\. Une année");
        assert_eq!(block("1) un\n\n+ deux\n=== trois"), "1\\) un\n\n\\+ deux\n\n\\=== trois");
        assert_eq!(block("2024 sans point"), "2024 sans point");
    }
}
