//! Cross-checks of a parsed data file and the building of the [`Catalog`]: unique kebab-case
//! ids, references that point somewhere, names that are not empty, texts in the declared
//! languages. Every problem is placed at a line and column with the help of the [`Locator`].
//!
//! A file is checked once without positions, which is all a file without problems needs. Only
//! when that finds something is the source scanned for positions ([`Locator`]) and the file
//! checked again, the same way, to place each problem. The catalog is then built by moving the
//! parsed texts into it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry as MapEntry;
use std::hash::BuildHasherDefault;

use super::diag::Diagnostic;
use super::locate::{Locator, Pos, Record};
use super::model::{Catalog, Entry, Fact, FastMap, IdIndex, Link, NodeIx, Org, Target};
use super::schema::{Dataset, Node, Ref, Text};
use crate::text::sanitize;

/// The version of the data format this program reads.
pub const FORMAT_VERSION: u32 = 1;

/// Whether `id` is kebab-case: lowercase ASCII letters and digits, words joined by single hyphens.
#[must_use]
pub fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `code` looks like a language code: `fr`, `nl`, `deu`, `pt-BR`, `zh-Hant`.
#[must_use]
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Checks `ds` (parsed from `src`) and builds its catalog. The catalog is `None` when there is
/// at least one error; the list holds errors and warnings in file order.
#[must_use]
pub fn build(file: &str, src: &str, ds: Dataset) -> (Option<Catalog>, Vec<Diagnostic>) {
    match check(file, src, &ds) {
        Ok(mut checked) => {
            let warnings = std::mem::take(&mut checked.warnings);
            (Some(assemble(ds, checked)), warnings)
        }
        Err(diags) => (None, diags),
    }
}

/// A data set that passed its checks: every id with what it names, and the warnings.
#[derive(Debug)]
pub struct Checked {
    /// How many nodes the file has.
    nodes: usize,
    /// What each reference names, in file order: the `related` then the `organisations` of
    /// each node (in pre-order), then each `part_of`.
    resolved: Vec<Option<Target>>,
    /// Problems that do not stop the file from loading, in file order.
    pub warnings: Vec<Diagnostic>,
    /// Whether every text is known to be safe for the terminal already, so that
    /// [`assemble`] need not look at them again.
    pub texts_safe: bool,
}

/// Checks `ds`, parsed from `src`.
///
/// # Errors
/// Every problem found (errors and warnings, in file order) when there is at least one error.
pub fn check(file: &str, src: &str, ds: &Dataset) -> Result<Checked, Vec<Diagnostic>> {
    let quick = check_with(file, None, ds);
    if quick.diags.is_empty() {
        return Ok(Checked {
            nodes: quick.nodes,
            resolved: quick.resolved,
            warnings: Vec::new(),
            texts_safe: false,
        });
    }
    drop(quick);
    let loc = Locator::new(src);
    let placed = check_with(file, Some(&loc), ds);
    let mut diags = placed.diags;
    diags.sort_by_key(|d| d.pos.unwrap_or_default());
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok(Checked {
        nodes: placed.nodes,
        resolved: placed.resolved,
        warnings: diags,
        texts_safe: false,
    })
}

/// What checking found: the problems, how many nodes there are, and what each reference
/// names (see [`Checked::resolved`]).
struct Found {
    diags: Vec<Diagnostic>,
    nodes: usize,
    resolved: Vec<Option<Target>>,
}

/// Checks `ds`; with a locator, each problem gets its position.
fn check_with<'a>(file: &'a str, loc: Option<&'a Locator<'a>>, ds: &'a Dataset) -> Found {
    let index = FastMap::with_capacity_and_hasher(
        ds.organisations.len() + count_nodes(&ds.nodes),
        BuildHasherDefault::default(),
    );
    let mut v = Checker {
        file,
        loc,
        langs: &ds.languages,
        diags: Vec::new(),
        index,
        dups: HashMap::new(),
        resolved: Vec::new(),
        nodes: Vec::new(),
    };
    let top = loc.and_then(Locator::top);
    v.check_header(ds, top);

    // Pass 1: every id, in file order, with its record.
    let orgs_first = match (loc, top) {
        (Some(loc), Some(t)) => match (loc.field(t, "organisations"), loc.field(t, "nodes")) {
            (Some(o), Some(n)) => o < n,
            _ => true,
        },
        _ => true,
    };
    let mut org_recs: Vec<Option<Record>> = Vec::with_capacity(ds.organisations.len());
    let do_orgs = |v: &mut Checker<'a>, org_recs: &mut Vec<Option<Record>>| {
        for (ox, o) in ds.organisations.iter().enumerate() {
            let path = [o.id.as_str()];
            let rec = v.claim_id(&o.id, Target::Org(ox), &path);
            v.check_text(&o.name, rec, "name", "the name", &path, true);
            v.text_opt(o.acronym.as_ref(), rec, "acronym", "the acronym", &path);
            v.text_opt(o.summary.as_ref(), rec, "summary", "the summary", &path);
            org_recs.push(rec);
        }
    };
    if orgs_first {
        do_orgs(&mut v, &mut org_recs);
    }
    let mut path = Vec::new();
    for n in &ds.nodes {
        v.visit(n, None, &mut path);
    }
    if !orgs_first {
        do_orgs(&mut v, &mut org_recs);
    }
    if ds.nodes.is_empty() {
        let pos = v.at(top, |loc, t| loc.field(t, "nodes"));
        v.diags.push(Diagnostic::error(
            file,
            pos,
            "the file has no nodes: `nodes` needs at least one level",
        ));
    }

    // Pass 2: references.
    let nodes = std::mem::take(&mut v.nodes);
    for (ix, seen) in nodes.iter().enumerate() {
        let rec = seen.rec;
        let path = || path_of(&nodes, ix);
        // The two lists of references: which kind of target each wants, and what to say.
        for (refs, field, wants_org, role_what) in [
            (&seen.node.related, "related", false, "the role of a related entry"),
            (&seen.node.organisations, "organisations", true, "the role of an organisation"),
        ] {
            for r in refs {
                let found = v.resolve(&r.id);
                let problem = match (found, wants_org) {
                    (Some(Target::Node(t)), false) if t == ix => {
                        Some(format!("\"{}\" is related to itself", r.id))
                    }
                    (Some(Target::Node(_)), false) | (Some(Target::Org(_)), true) => {
                        if let Some(role) = &r.role {
                            v.check_text(role, rec, field, role_what, &path(), false);
                        }
                        None
                    }
                    (Some(Target::Org(_)), false) => Some(format!(
                        "\"{}\" is an organisation, not an entry of the tree: list it under `organisations`",
                        r.id
                    )),
                    (Some(Target::Node(_)), true) => Some(format!(
                        "\"{}\" is an entry of the tree, not an organisation: list it under `related`",
                        r.id
                    )),
                    (None, false) => Some(format!("the related entry \"{}\" does not exist", r.id)),
                    (None, true) => Some(format!("the organisation \"{}\" does not exist", r.id)),
                };
                if let Some(message) = problem {
                    let pos = v.at(rec, |loc, rec| loc.string_in_field(rec, field, &r.id));
                    let d = Diagnostic::error(file, pos, message);
                    v.diags.push(d.in_path(&path()));
                }
            }
        }
    }
    for (ox, o) in ds.organisations.iter().enumerate() {
        let Some(part) = &o.part_of else { continue };
        let path = [o.id.as_str()];
        let found = v.resolve(part);
        let pos = || v.at(org_recs[ox], |loc, rec| loc.string_in_field(rec, "part_of", part));
        match found {
            Some(Target::Org(t)) if t == ox => {
                let d = Diagnostic::error(file, pos(), format!("\"{part}\" is part of itself"));
                v.diags.push(d.in_path(&owned(&path)));
            }
            Some(Target::Org(_)) => {}
            _ => {
                let d = Diagnostic::error(
                    file,
                    pos(),
                    format!("`part_of` names \"{part}\", which is not an organisation"),
                );
                v.diags.push(d.in_path(&owned(&path)));
            }
        }
    }
    Found { diags: v.diags, nodes: nodes.len(), resolved: v.resolved }
}

/// How many nodes `nodes` and their children hold, at every depth.
fn count_nodes(nodes: &[Node]) -> usize {
    nodes.iter().map(|n| 1 + count_nodes(&n.children)).sum()
}

/// The ids from the top node down to node `ix`.
fn path_of(nodes: &[Visited<'_>], ix: NodeIx) -> Vec<String> {
    let mut path = vec![nodes[ix].node.id.clone()];
    let mut cur = nodes[ix].parent;
    while let Some(p) = cur {
        path.push(nodes[p].node.id.clone());
        cur = nodes[p].parent;
    }
    path.reverse();
    path
}

/// The path of what is outside the tree.
const NO_PATH: &[&str] = &[];

fn owned(path: &[&str]) -> Vec<String> {
    path.iter().map(|&s| s.to_owned()).collect()
}

/// A node met in pass 1, in file order (pre-order).
struct Visited<'a> {
    node: &'a Node,
    parent: Option<NodeIx>,
    rec: Option<Record>,
}

struct Checker<'a> {
    file: &'a str,
    loc: Option<&'a Locator<'a>>,
    langs: &'a [String],
    diags: Vec<Diagnostic>,
    /// Every id, with what it names (the first of its kind when it is used twice).
    index: FastMap<&'a str, Target>,
    /// How many times each id used more than once has been used after its first.
    dups: HashMap<&'a str, usize>,
    nodes: Vec<Visited<'a>>,
    /// What each reference met so far names.
    resolved: Vec<Option<Target>>,
}

impl<'a> Checker<'a> {
    /// What `id`, met in a reference, names; kept for [`assemble`].
    fn resolve(&mut self, id: &str) -> Option<Target> {
        let t = self.index.get(id).copied();
        self.resolved.push(t);
        t
    }

    /// A position from the locator, when there is one and a record to look in.
    fn at(
        &self,
        rec: Option<Record>,
        f: impl FnOnce(&Locator<'a>, Record) -> Option<Pos>,
    ) -> Option<Pos> {
        let (loc, rec) = (self.loc?, rec?);
        f(loc, rec)
    }

    fn check_header(&mut self, ds: &'a Dataset, top: Option<Record>) {
        if ds.format != FORMAT_VERSION {
            let pos = self.at(top, |loc, t| loc.field(t, "format"));
            self.diags.push(Diagnostic::error(
                self.file,
                pos,
                format!("this is format {}; this program reads format {FORMAT_VERSION}", ds.format),
            ));
        }
        if ds.languages.is_empty() {
            let pos = self.at(top, |loc, t| loc.field(t, "languages"));
            self.diags.push(Diagnostic::error(
                self.file,
                pos,
                "no language is declared in `languages`",
            ));
        }
        for (i, l) in ds.languages.iter().enumerate() {
            let pos = || self.at(top, |loc, t| loc.string_in_field(t, "languages", l));
            if !is_language_code(l) {
                let d = Diagnostic::error(
                    self.file,
                    pos(),
                    format!(
                        "\"{l}\" is not a language code (two or three lowercase letters, such as \"fr\" or \"nl\")"
                    ),
                );
                self.diags.push(d);
            } else if ds.languages[..i].contains(l) {
                let d = Diagnostic::error(
                    self.file,
                    pos(),
                    format!("the language \"{l}\" is declared twice"),
                );
                self.diags.push(d);
            }
        }
        let src = self.loc.zip(top).and_then(|(loc, t)| loc.sub_record(t, "source"));
        self.check_text(&ds.title, top, "title", "the title", NO_PATH, true);
        self.check_text(&ds.source.note, src, "note", "the source note", NO_PATH, false);
        self.check_text(&ds.source.as_of, src, "as_of", "the source date", NO_PATH, false);
    }

    /// Records the next use of `id`, naming `target` if it is the first, and checks its form;
    /// returns its record in the source.
    fn claim_id(&mut self, id: &'a str, target: Target, path: &[&str]) -> Option<Record> {
        let k = match self.index.entry(id) {
            MapEntry::Vacant(e) => {
                e.insert(target);
                0
            }
            MapEntry::Occupied(_) => {
                let k = self.dups.entry(id).or_insert(0);
                *k += 1;
                *k
            }
        };
        let rec = self.loc.and_then(|loc| loc.id_record(id, k));
        // Where the id stands, worked out only for a message.
        let pos = || self.loc.and_then(|loc| loc.record_with_id(id, k)).map(|(_, p)| p);
        if k == 0 {
            if !is_kebab(id) {
                let msg = if id.is_empty() {
                    "an id is empty".to_owned()
                } else {
                    format!(
                        "the id \"{id}\" is not kebab-case (lowercase letters and digits, joined by single hyphens)"
                    )
                };
                let d = Diagnostic::error(self.file, pos(), msg);
                self.diags.push(d.in_path(&owned(path)));
            }
        } else {
            let first = self
                .loc
                .and_then(|loc| loc.record_with_id(id, 0))
                .map_or(String::new(), |(_, p)| {
                    format!("; first used at line {}, column {}", p.line, p.col)
                });
            let d = Diagnostic::error(
                self.file,
                pos(),
                format!("the id \"{id}\" is used twice{first}"),
            );
            self.diags.push(d.in_path(&owned(path)));
        }
        rec
    }

    /// Checks node `n` and, after it, its children.
    fn visit(&mut self, n: &'a Node, parent: Option<NodeIx>, path: &mut Vec<&'a str>) {
        path.push(&n.id);
        let ix = self.nodes.len();
        let rec = self.claim_id(&n.id, Target::Node(ix), path);
        self.check_text(&n.name, rec, "name", "the name", path.as_slice(), true);
        self.text_opt(n.acronym.as_ref(), rec, "acronym", "the acronym", path);
        self.text_opt(n.summary.as_ref(), rec, "summary", "the summary", path);
        for (field, what, t) in [
            ("participants", "the participants", &n.participants),
            ("coordination", "the coordination", &n.coordination),
            ("frequency", "the frequency", &n.frequency),
            ("ccb_role", "the CCB's role", &n.ccb_role),
            ("legal_basis", "the legal basis", &n.legal_basis),
        ] {
            self.text_opt(t.as_ref(), rec, field, what, path);
        }
        self.nodes.push(Visited { node: n, parent, rec });
        for c in &n.children {
            self.visit(c, Some(ix), path);
        }
        path.pop();
    }

    fn text_opt(
        &mut self,
        t: Option<&Text>,
        rec: Option<Record>,
        field: &str,
        what: &str,
        path: &[&str],
    ) {
        if let Some(t) = t {
            self.check_text(t, rec, field, what, path, false);
        }
    }

    /// Where the name of `field` stands in `rec`.
    fn field_pos(&self, rec: Option<Record>, field: &str) -> Option<Pos> {
        self.at(rec, |loc, r| loc.field(r, field))
    }

    /// Checks the languages of one text; `required` texts must not be empty.
    fn check_text<P: PathLike + ?Sized>(
        &mut self,
        t: &Text,
        rec: Option<Record>,
        field: &str,
        what: &str,
        path: &P,
        required: bool,
    ) {
        match t {
            Text::Same(s) => {
                if required && s.trim().is_empty() {
                    let pos = self.field_pos(rec, field);
                    let d = Diagnostic::error(self.file, pos, format!("{what} is empty"));
                    self.diags.push(d.in_path(&path.ids()));
                }
            }
            Text::Localized(v) => {
                if v.is_empty() {
                    let pos = self.field_pos(rec, field);
                    let d = Diagnostic::error(
                        self.file,
                        pos,
                        format!("{what} has no text in any language"),
                    );
                    self.diags.push(d.in_path(&path.ids()));
                    return;
                }
                for (l, s) in v {
                    let undeclared = !self.langs.is_empty() && !self.langs.contains(l);
                    let empty = required && s.trim().is_empty();
                    if !(undeclared || empty) {
                        continue;
                    }
                    let pos = self
                        .at(rec, |loc, r| loc.key_in_field(r, field, l))
                        .or_else(|| self.field_pos(rec, field));
                    let message = if undeclared {
                        format!(
                            "{what} is written in \"{l}\", which is not declared in `languages`"
                        )
                    } else {
                        format!("{what} is empty in \"{l}\"")
                    };
                    let d = Diagnostic::error(self.file, pos, message);
                    self.diags.push(d.in_path(&path.ids()));
                }
                let langs = self.langs;
                for (i, l) in langs.iter().enumerate() {
                    if v.iter().any(|(c, _)| c == l) {
                        continue;
                    }
                    let n = langs.len();
                    let fallback = (1..n)
                        .map(|k| &langs[(i + k) % n])
                        .find(|c| v.iter().any(|(x, _)| x == *c));
                    let shown = fallback.map_or_else(
                        || format!("\"{}\" is shown instead", v[0].0),
                        |f| format!("\"{f}\" is shown instead"),
                    );
                    let pos = self.field_pos(rec, field);
                    let d = Diagnostic::warning(
                        self.file,
                        pos,
                        format!("{what} has no \"{l}\" text; {shown}"),
                    );
                    self.diags.push(d.in_path(&path.ids()));
                }
            }
        }
    }
}

/// An id path, borrowed or owned, turned into the owned form of a diagnostic only when one is
/// made.
trait PathLike {
    fn ids(&self) -> Vec<String>;
}

impl PathLike for [&str] {
    fn ids(&self) -> Vec<String> {
        owned(self)
    }
}

impl PathLike for Vec<String> {
    fn ids(&self) -> Vec<String> {
        self.clone()
    }
}

impl<const N: usize> PathLike for [&str; N] {
    fn ids(&self) -> Vec<String> {
        owned(self)
    }
}

/// Builds the catalog of a checked file, moving its texts out of `ds`.
#[must_use]
pub fn assemble(ds: Dataset, checked: Checked) -> Catalog {
    let count = checked.nodes;
    let clean = Clean(!checked.texts_safe);
    let mut resolved = checked.resolved.into_iter();
    let Dataset { languages, title, source, organisations, nodes: tops, .. } = ds;
    let mut orgs: Vec<Org> = Vec::with_capacity(organisations.len());
    let mut parts: Vec<Option<String>> = Vec::with_capacity(organisations.len());
    for o in organisations {
        parts.push(o.part_of);
        orgs.push(Org {
            id: o.id,
            name: clean.text(o.name),
            acronym: o.acronym.map(|t| clean.text(t)),
            part_of: None,
            summary: o.summary.map(|t| clean.text(t)),
        });
    }
    let mut nodes: Vec<Entry> = Vec::with_capacity(count);
    let mut refs: Vec<(Vec<Ref>, Vec<Ref>)> = Vec::with_capacity(count);
    let mut roots = Vec::with_capacity(tops.len());
    for n in tops {
        roots.push(flatten(n, None, 0, clean, &mut nodes, &mut refs));
    }
    // Nodes first, as validation met them when the organisations came after; the ids are
    // unique anyway.
    let targets: Vec<Target> =
        (0..nodes.len()).map(Target::Node).chain((0..orgs.len()).map(Target::Org)).collect();
    let index = IdIndex::new(&targets, |t| match t {
        Target::Node(i) => &nodes[i].id,
        Target::Org(i) => &orgs[i].id,
    });
    for (node, (related, organisations)) in nodes.iter_mut().zip(refs) {
        node.related.reserve_exact(related.len());
        for r in related {
            if let Some(Some(Target::Node(t))) = resolved.next() {
                node.related.push(Link { target: t, role: r.role.map(|t| clean.text(t)) });
            }
        }
        node.organisations.reserve_exact(organisations.len());
        for r in organisations {
            if let Some(Some(Target::Org(t))) = resolved.next() {
                node.organisations.push(Link { target: t, role: r.role.map(|t| clean.text(t)) });
            }
        }
    }
    let part_of: Vec<Option<usize>> = parts
        .into_iter()
        .map(|part| match part.and_then(|_| resolved.next()) {
            Some(Some(Target::Org(t))) => Some(t),
            _ => None,
        })
        .collect();
    for (org, part) in orgs.iter_mut().zip(part_of) {
        org.part_of = part;
    }

    // The reverse links. Nodes are met in order, so a node that names the same one twice is
    // the last one listed.
    let mut referred_by = vec![Vec::new(); nodes.len()];
    let mut org_used_by = vec![Vec::new(); orgs.len()];
    for (ix, n) in nodes.iter().enumerate() {
        for l in &n.related {
            let list: &mut Vec<NodeIx> = &mut referred_by[l.target];
            if list.last() != Some(&ix) {
                list.push(ix);
            }
        }
        for l in &n.organisations {
            let list: &mut Vec<NodeIx> = &mut org_used_by[l.target];
            if list.last() != Some(&ix) {
                list.push(ix);
            }
        }
    }
    Catalog {
        languages,
        title: clean.text(title),
        source_note: clean.text(source.note),
        as_of: clean.text(source.as_of),
        url: source.url.map(|u| if clean.0 { clean_string(u) } else { u }),
        nodes,
        roots,
        orgs,
        index,
        referred_by,
        org_used_by,
    }
}

/// Moves node `n` and, after it, its children into `nodes` (pre-order); their references wait
/// in `refs` until every id has an index.
fn flatten(
    n: Node,
    parent: Option<NodeIx>,
    depth: usize,
    clean: Clean,
    nodes: &mut Vec<Entry>,
    refs: &mut Vec<(Vec<Ref>, Vec<Ref>)>,
) -> NodeIx {
    let Node {
        id,
        kind,
        name,
        acronym,
        summary,
        participants,
        coordination,
        frequency,
        ccb_role,
        legal_basis,
        related,
        organisations,
        children,
    } = n;
    let facts = [
        (Fact::Participants, participants),
        (Fact::Coordination, coordination),
        (Fact::Frequency, frequency),
        (Fact::CcbRole, ccb_role),
        (Fact::LegalBasis, legal_basis),
    ];
    let mut kept = Vec::with_capacity(facts.iter().filter(|(_, t)| t.is_some()).count());
    kept.extend(facts.into_iter().filter_map(|(f, t)| t.map(|t| (f, clean.text(t)))));
    let facts = kept;
    let ix = nodes.len();
    nodes.push(Entry {
        id,
        kind,
        name: clean.text(name),
        acronym: acronym.map(|t| clean.text(t)),
        summary: summary.map(|t| clean.text(t)),
        facts,
        related: Vec::new(),
        organisations: Vec::new(),
        parent,
        children: Vec::with_capacity(children.len()),
        depth,
    });
    refs.push((related, organisations));
    for c in children {
        let cix = flatten(c, Some(ix), depth + 1, clean, nodes, refs);
        nodes[ix].children.push(cix);
    }
    ix
}

/// Whether texts are made safe for the terminal while the catalog is built (`false` when they
/// are known to be safe already). Either way their French typography is set right
/// ([`crate::typography`]).
#[derive(Clone, Copy)]
struct Clean(bool);

impl Clean {
    fn text(self, t: Text) -> Text {
        // The one place where texts enter the catalog: French typography is applied here.
        crate::typography::apply(if self.0 { clean_text(t) } else { t })
    }
}

/// `t` with every string made safe for the terminal; a string that is already safe is kept as
/// it is, not copied.
fn clean_text(t: Text) -> Text {
    match t {
        Text::Same(s) => Text::Same(clean_string(s)),
        Text::Localized(mut v) => {
            for (_, s) in &mut v {
                *s = clean_string(std::mem::take(s));
            }
            Text::Localized(v)
        }
    }
}

fn clean_string(s: String) -> String {
    let fixed = match sanitize(&s) {
        Cow::Owned(o) => Some(o),
        Cow::Borrowed(_) => None,
    };
    fixed.unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case() {
        for ok in ["a", "cyssap", "national-1", "eu-csirts-network", "x2y"] {
            assert!(is_kebab(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "Cyssap", "a_b", "a b", "é"] {
            assert!(!is_kebab(bad), "{bad}");
        }
    }

    #[test]
    fn language_codes() {
        for ok in ["fr", "nl", "deu", "pt-BR", "zh-Hant"] {
            assert!(is_language_code(ok), "{ok}");
        }
        for bad in ["", "f", "FR", "french", "fr_BE", "fr-"] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }
}
