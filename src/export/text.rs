//! The plain-text export: the tree as indented paragraphs wrapped to a width, each entry
//! introduced by its kind, with its path, details, links and organisations, then every
//! organisation. Only letters, spaces, `-` bullets and `→`/`←` arrows: nothing a screen reader
//! would spell out as drawing. Every line fits the width but a source's address, which stands
//! whole on a line of its own.

use crate::data::model::Target;
use crate::data::{Catalog, NodeIx, Text};
use crate::i18n::{fact_label, kind_label, strings};
use crate::names::{fallback_marker, joined, node_title, org_title};

use super::{labels, marked, path, source_title};
use crate::data::model::Source;

/// Writes lines, wrapping each paragraph at the width.
struct Writer<'a> {
    catalog: &'a Catalog,
    lang: &'a str,
    width: usize,
    out: String,
}

impl Writer<'_> {
    /// Ends the current block with one blank line (never two, never at the start).
    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    /// `first` before the first line and `rest` before the others, the text wrapped so that
    /// every line fits the width.
    fn lines(&mut self, first: &str, rest: &str, text: &str) {
        let lead = crate::text::width(first).max(crate::text::width(rest));
        let avail = self.width.saturating_sub(lead).max(self.width / 2).max(1);
        for (i, line) in crate::text::wrap(text, avail).into_iter().enumerate() {
            let pad = if i == 0 { first } else { rest };
            let line = format!("{pad}{line}");
            self.out.push_str(line.trim_end());
            self.out.push('\n');
        }
    }

    /// A paragraph at `indent` spaces.
    fn para(&mut self, indent: usize, text: &str) {
        let pad = " ".repeat(indent);
        self.lines(&pad, &pad, text);
    }

    /// A list item at `indent`: `bullet` then the text, later lines under the text.
    fn item(&mut self, indent: usize, bullet: &str, text: &str) {
        let first = format!("{}{bullet} ", " ".repeat(indent));
        let rest = " ".repeat(crate::text::width(&first));
        self.lines(&first, &rest, text);
    }

    /// `Label : text`, the language's colon between them (` : ` in French, `: ` otherwise).
    fn labelled(&mut self, indent: usize, label: &str, text: &str) {
        let colon = strings(self.lang).colon;
        self.para(indent, &format!("{label}{colon}{text}"));
    }

    /// `Label :` alone on its line, before a list.
    fn list_heading(&mut self, indent: usize, label: &str) {
        let colon = strings(self.lang).colon.trim_end();
        self.para(indent, &format!("{label}{colon}"));
    }

    /// A text in the active language, line breaks kept, with its fallback marker.
    fn shown(&self, text: &Text) -> String {
        let shown = self.catalog.pick(text, self.lang);
        let marker = shown.fallback.map(fallback_marker).unwrap_or_default();
        format!("{marker}{}", shown.text)
    }

    /// `ACR · name : role`, with a fallback marker first when a part is in another language.
    fn link(&self, title: (Option<String>, Option<String>, String), role: Option<&Text>) -> String {
        let (marker, acr, name) = title;
        let mut s = format!("{}{}", marker.unwrap_or_default(), joined(acr.as_deref(), &name));
        if let Some(r) = role {
            s.push_str(strings(self.lang).colon);
            s.push_str(&marked(self.catalog, r, self.lang));
        }
        s
    }

    /// Each source as an item: its title, then its address.
    fn sources<'s>(&mut self, indent: usize, list: impl Iterator<Item = &'s Source>) {
        for src in list {
            self.item(indent, "-", &source_title(self.catalog, src, self.lang));
            // The address whole on its own line, however long: it is copied, not read.
            if let Some(url) = &src.url {
                let line = format!("{}{}\n", " ".repeat(indent + 2), crate::text::one_line(url));
                self.out.push_str(&line);
            }
        }
    }

    /// An entry and, under it, every entry below it.
    fn subtree(&mut self, n: NodeIx) {
        self.node(n);
        for &c in &self.catalog.nodes[n].children {
            self.subtree(c);
        }
    }

    /// One entry: its title, path, summary, facts, links and organisations.
    fn node(&mut self, n: NodeIx) {
        let catalog = self.catalog;
        let lang = self.lang;
        let s = strings(lang);
        let node = &catalog.nodes[n];
        let indent = (node.depth * 2).min(self.width / 2);
        let body = indent + 2;

        let (marker, acr, name) = node_title(catalog, n, lang);
        let title = format!("{}{}", marker.unwrap_or_default(), joined(acr.as_deref(), &name));
        match node.kind {
            Some(k) => self.labelled(indent, kind_label(k, lang), &title),
            None => self.para(indent, &title),
        }
        if node.unverified {
            self.para(body, &format!("{} {}", crate::detail::UNVERIFIED, s.unverified));
        }
        if node.depth > 0 {
            self.labelled(body, s.path, &path(catalog, n, lang).join(" > "));
        }
        if let Some(summary) = &node.summary {
            self.blank();
            let text = self.shown(summary);
            self.para(body, &text);
        }
        if !node.facts.is_empty() {
            self.blank();
            for (fact, text) in &node.facts {
                let text = self.shown(text);
                self.labelled(body, fact_label(*fact, lang), &text);
                self.sources(body + 2, node.sources.iter().filter(|s| s.fact == Some(*fact)));
            }
        }
        let related = catalog.related_both(n);
        if !related.is_empty() {
            self.blank();
            self.list_heading(body, s.related);
            for r in related {
                let text = self.link(node_title(catalog, r.target, lang), r.role);
                self.item(body + 2, if r.incoming { "←" } else { "→" }, &text);
            }
        }
        if !node.organisations.is_empty() {
            self.blank();
            self.list_heading(body, s.organisations);
            for l in &node.organisations {
                let text = self.link(org_title(catalog, l.target, lang), l.role.as_ref());
                self.item(body + 2, "-", &text);
            }
        }
        if node.sources.iter().any(|s| s.fact.is_none()) {
            self.blank();
            self.list_heading(body, s.sources);
            self.sources(body + 2, node.sources.iter().filter(|s| s.fact.is_none()));
        }
        self.blank();
    }

    /// One organisation, in the shape of an entry: its kind and name, what it is part of, its
    /// summary, the entries that name it, whom it meets and its sources.
    fn organisation(&mut self, o: usize) {
        let catalog = self.catalog;
        let lang = self.lang;
        let org = &catalog.orgs[o];
        let title = self.link(org_title(catalog, o, lang), None);
        self.labelled(2, strings(lang).organisation, &title);
        if org.unverified {
            self.para(4, &format!("{} {}", crate::detail::UNVERIFIED, strings(lang).unverified));
        }
        if let Some(p) = org.part_of {
            let text = self.link(org_title(catalog, p, lang), None);
            self.labelled(4, labels(lang).part_of, &text);
        }
        if let Some(summary) = &org.summary {
            self.blank();
            let text = self.shown(summary);
            self.para(4, &text);
        }
        let lists = !catalog.org_used_by[o].is_empty() || !org.sources.is_empty();
        if lists || !crate::meets::meets(catalog, o).is_empty() {
            self.blank();
        }
        let used = &catalog.org_used_by[o];
        if !used.is_empty() {
            self.list_heading(4, labels(lang).named_in);
            for &n in used {
                let text = self.link(node_title(catalog, n, lang), None);
                self.item(6, "-", &text);
            }
        }
        let met = crate::meets::meets(catalog, o);
        if !met.is_empty() {
            self.list_heading(4, labels(lang).meets);
            for m in &met {
                let who = self.link(org_title(catalog, m.other, lang), None);
                let entries = crate::meets::entry_list(catalog, m, lang);
                self.item(6, "-", &format!("{who}{}{entries}", strings(lang).colon));
            }
        }
        if !org.sources.is_empty() {
            self.list_heading(4, strings(lang).sources);
            self.sources(6, org.sources.iter());
        }
        self.blank();
    }
}

/// The whole data set in `lang` as plain text, wrapped at `width` columns.
#[must_use]
pub fn text(catalog: &Catalog, lang: &str, width: usize) -> String {
    let s = strings(lang);
    let mut w = Writer { catalog, lang, width: width.max(20), out: String::new() };
    let title = w.shown(&catalog.title);
    w.para(0, &title);
    w.blank();
    let note = w.shown(&catalog.source_note);
    w.labelled(0, s.source, &note);
    if !catalog.page.title.entries().all(|(_, t)| t.is_empty()) {
        let page = source_title(catalog, &catalog.page, lang);
        w.labelled(0, labels(lang).page, &page);
    }
    let as_of = w.shown(&catalog.as_of);
    w.labelled(0, s.as_of, &as_of);
    if let Some(url) = &catalog.page.url {
        w.labelled(0, labels(lang).address, url);
    }
    w.blank();
    for &r in &catalog.roots {
        w.subtree(r);
    }
    if !catalog.orgs.is_empty() {
        w.para(0, s.organisations);
        w.blank();
        for o in 0..catalog.orgs.len() {
            w.organisation(o);
        }
    }
    w.finish()
}

/// One entry (without the entries below it) or one organisation in `lang`, wrapped at `width`
/// columns: the same lines as its part of [`text`], then the citation line (the source and the
/// date the content reflects), as the copy key has it.
#[must_use]
pub fn item_text(catalog: &Catalog, target: Target, lang: &str, width: usize) -> String {
    let mut w = Writer { catalog, lang, width: width.max(20), out: String::new() };
    let body = match target {
        Target::Node(n) => {
            w.node(n);
            (catalog.nodes[n].depth * 2).min(w.width / 2) + 2
        }
        Target::Org(o) => {
            w.organisation(o);
            4
        }
    };
    w.blank();
    w.para(body, &super::citation(catalog, lang));
    w.finish()
}

impl Writer<'_> {
    /// The text, with no blank line at its end.
    fn finish(mut self) -> String {
        while self.out.ends_with("\n\n") {
            self.out.pop();
        }
        self.out
    }
}
