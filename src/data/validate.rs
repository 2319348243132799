//! Cross-checks of a parsed data file and the building of the [`Catalog`]: unique kebab-case
//! ids, references that point somewhere, names that are not empty, texts in the declared
//! languages. Every problem is placed at a line and column with the help of the [`Locator`].

use std::collections::HashMap;

use super::diag::Diagnostic;
use super::locate::{Locator, Pos, Record};
use super::model::{Catalog, Entry, Fact, Link, NodeIx, Org, Target};
use super::schema::{Dataset, Node, Organisation, Ref, Text};
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

/// Checks `ds` (parsed from the text `loc` was made from) and builds its catalog. The catalog is
/// `None` when there is at least one error; the list holds errors and warnings in file order.
#[must_use]
pub fn build(file: &str, loc: &Locator, ds: Dataset) -> (Option<Catalog>, Vec<Diagnostic>) {
    let mut v = Validator {
        file,
        loc,
        diags: Vec::new(),
        langs: ds.languages.clone(),
        seen: HashMap::new(),
    };
    let top = loc.top();
    v.check_header(&ds, top);

    // Pass 1: every id, in file order, with its record.
    let orgs_first = match top {
        Some(t) => match (loc.field(t, "organisations"), loc.field(t, "nodes")) {
            (Some(o), Some(n)) => o < n,
            _ => true,
        },
        None => true,
    };
    let mut nodes: Vec<Entry> = Vec::new();
    let mut node_recs: Vec<(Option<Record>, Vec<String>)> = Vec::new();
    let mut raw_refs: Vec<(Vec<Ref>, Vec<Ref>)> = Vec::new();
    let mut roots = Vec::new();
    let mut orgs: Vec<Org> = Vec::new();
    let mut org_recs: Vec<Option<Record>> = Vec::new();
    let mut org_parts: Vec<Option<String>> = Vec::new();
    let mut index: HashMap<String, Target> = HashMap::new();

    let mut do_orgs = |v: &mut Validator<'_>, index: &mut HashMap<String, Target>| {
        for o in &ds.organisations {
            let path = vec![o.id.clone()];
            let rec = v.claim_id(&o.id, &path);
            if !index.contains_key(&o.id) {
                index.insert(o.id.clone(), Target::Org(orgs.len()));
            }
            orgs.push(v.org(o, rec, &path));
            org_recs.push(rec);
            org_parts.push(o.part_of.clone());
        }
    };
    if orgs_first {
        do_orgs(&mut v, &mut index);
    }
    for n in &ds.nodes {
        roots.push(nodes.len());
        v.flatten(
            n,
            None,
            0,
            &mut Vec::new(),
            &mut nodes,
            &mut node_recs,
            &mut raw_refs,
            &mut index,
        );
    }
    if !orgs_first {
        do_orgs(&mut v, &mut index);
    }
    if ds.nodes.is_empty() {
        let pos = top.and_then(|t| loc.field(t, "nodes"));
        v.diags.push(Diagnostic::error(
            file,
            pos,
            "the file has no nodes: `nodes` needs at least one level",
        ));
    }

    // Pass 2: references.
    for (ix, (related, organisations)) in raw_refs.into_iter().enumerate() {
        let (rec, path) = &node_recs[ix];
        for r in related {
            let pos = rec.and_then(|rec| loc.string_in_field(rec, "related", &r.id));
            match index.get(&r.id) {
                Some(Target::Node(t)) if *t == ix => {
                    v.diags.push(Diagnostic::error(file, pos, format!("\"{}\" is related to itself", r.id)).in_path(path));
                }
                Some(Target::Node(t)) => {
                    let role = v.text_opt(r.role.as_ref(), *rec, "related", "the role of a related entry", path);
                    nodes[ix].related.push(Link { target: *t, role });
                }
                Some(Target::Org(_)) => v.diags.push(
                    Diagnostic::error(
                        file,
                        pos,
                        format!("\"{}\" is an organisation, not an entry of the tree: list it under `organisations`", r.id),
                    )
                    .in_path(path),
                ),
                None => v.diags.push(
                    Diagnostic::error(file, pos, format!("the related entry \"{}\" does not exist", r.id)).in_path(path),
                ),
            }
        }
        for r in organisations {
            let pos = rec.and_then(|rec| loc.string_in_field(rec, "organisations", &r.id));
            match index.get(&r.id) {
                Some(Target::Org(t)) => {
                    let role = v.text_opt(r.role.as_ref(), *rec, "organisations", "the role of an organisation", path);
                    nodes[ix].organisations.push(Link { target: *t, role });
                }
                Some(Target::Node(_)) => v.diags.push(
                    Diagnostic::error(
                        file,
                        pos,
                        format!("\"{}\" is an entry of the tree, not an organisation: list it under `related`", r.id),
                    )
                    .in_path(path),
                ),
                None => v.diags.push(
                    Diagnostic::error(file, pos, format!("the organisation \"{}\" does not exist", r.id)).in_path(path),
                ),
            }
        }
    }
    for (ox, part) in org_parts.into_iter().enumerate() {
        let Some(part) = part else { continue };
        let path = vec![orgs[ox].id.clone()];
        let pos = org_recs[ox].and_then(|rec| loc.string_in_field(rec, "part_of", &part));
        match index.get(&part) {
            Some(Target::Org(t)) if *t == ox => v.diags.push(
                Diagnostic::error(file, pos, format!("\"{part}\" is part of itself"))
                    .in_path(&path),
            ),
            Some(Target::Org(t)) => orgs[ox].part_of = Some(*t),
            _ => v.diags.push(
                Diagnostic::error(
                    file,
                    pos,
                    format!("`part_of` names \"{part}\", which is not an organisation"),
                )
                .in_path(&path),
            ),
        }
    }

    let mut diags = v.diags;
    diags.sort_by_key(|d| d.pos.unwrap_or_default());
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let mut referred_by = vec![Vec::new(); nodes.len()];
    let mut org_used_by = vec![Vec::new(); orgs.len()];
    for (ix, n) in nodes.iter().enumerate() {
        for l in &n.related {
            if !referred_by[l.target].contains(&ix) {
                referred_by[l.target].push(ix);
            }
        }
        for l in &n.organisations {
            if !org_used_by[l.target].contains(&ix) {
                org_used_by[l.target].push(ix);
            }
        }
    }
    let clean = |t: &Text| clean_text(t);
    let catalog = Catalog {
        languages: ds.languages,
        title: clean(&ds.title),
        source_note: clean(&ds.source.note),
        as_of: clean(&ds.source.as_of),
        url: ds.source.url.map(|u| sanitize(&u).into_owned()),
        nodes,
        roots,
        orgs,
        index,
        referred_by,
        org_used_by,
    };
    (Some(catalog), diags)
}

/// A copy of `t` with every string made safe for the terminal.
fn clean_text(t: &Text) -> Text {
    match t {
        Text::Same(s) => Text::Same(sanitize(s).into_owned()),
        Text::Localized(v) => {
            Text::Localized(v.iter().map(|(l, s)| (l.clone(), sanitize(s).into_owned())).collect())
        }
    }
}

struct Validator<'a> {
    file: &'a str,
    loc: &'a Locator,
    diags: Vec<Diagnostic>,
    langs: Vec<String>,
    /// How many records with each id have been claimed so far.
    seen: HashMap<String, (usize, Option<Pos>)>,
}

impl Validator<'_> {
    fn check_header(&mut self, ds: &Dataset, top: Option<Record>) {
        let at = |field: &str| top.and_then(|t| self.loc.field(t, field));
        if ds.format != FORMAT_VERSION {
            self.diags.push(Diagnostic::error(
                self.file,
                at("format"),
                format!("this is format {}; this program reads format {FORMAT_VERSION}", ds.format),
            ));
        }
        if ds.languages.is_empty() {
            self.diags.push(Diagnostic::error(
                self.file,
                at("languages"),
                "no language is declared in `languages`",
            ));
        }
        for (i, l) in ds.languages.iter().enumerate() {
            let pos = top.and_then(|t| self.loc.string_in_field(t, "languages", l));
            if !is_language_code(l) {
                self.diags.push(Diagnostic::error(
                    self.file,
                    pos,
                    format!("\"{l}\" is not a language code (two or three lowercase letters, such as \"fr\" or \"nl\")"),
                ));
            } else if ds.languages[..i].contains(l) {
                self.diags.push(Diagnostic::error(
                    self.file,
                    pos,
                    format!("the language \"{l}\" is declared twice"),
                ));
            }
        }
        let src = top.and_then(|t| self.loc.sub_record(t, "source"));
        self.check_text(&ds.title, top, "title", "the title", &[], true);
        self.check_text(&ds.source.note, src, "note", "the source note", &[], false);
        self.check_text(&ds.source.as_of, src, "as_of", "the source date", &[], false);
    }

    /// Records the next use of `id` and checks its form; returns its record in the source.
    fn claim_id(&mut self, id: &str, path: &[String]) -> Option<Record> {
        let found = self.loc.records_with_id(id);
        let entry = self.seen.entry(id.to_owned()).or_insert((0, None));
        let k = entry.0;
        entry.0 += 1;
        let (rec, pos) = match found.get(k) {
            Some((r, p)) => (Some(*r), Some(*p)),
            None => (None, None),
        };
        if k == 0 {
            entry.1 = pos;
            if !is_kebab(id) {
                let msg = if id.is_empty() {
                    "an id is empty".to_owned()
                } else {
                    format!(
                        "the id \"{id}\" is not kebab-case (lowercase letters and digits, joined by single hyphens)"
                    )
                };
                self.diags.push(Diagnostic::error(self.file, pos, msg).in_path(path));
            }
        } else {
            let first = entry.1.map_or(String::new(), |p| {
                format!("; first used at line {}, column {}", p.line, p.col)
            });
            self.diags.push(
                Diagnostic::error(self.file, pos, format!("the id \"{id}\" is used twice{first}"))
                    .in_path(path),
            );
        }
        rec
    }

    fn org(&mut self, o: &Organisation, rec: Option<Record>, path: &[String]) -> Org {
        self.check_text(&o.name, rec, "name", "the name", path, true);
        let acronym = self.text_opt(o.acronym.as_ref(), rec, "acronym", "the acronym", path);
        let summary = self.text_opt(o.summary.as_ref(), rec, "summary", "the summary", path);
        Org { id: o.id.clone(), name: clean_text(&o.name), acronym, part_of: None, summary }
    }

    #[allow(clippy::too_many_arguments)]
    fn flatten(
        &mut self,
        n: &Node,
        parent: Option<NodeIx>,
        depth: usize,
        path: &mut Vec<String>,
        nodes: &mut Vec<Entry>,
        recs: &mut Vec<(Option<Record>, Vec<String>)>,
        refs: &mut Vec<(Vec<Ref>, Vec<Ref>)>,
        index: &mut HashMap<String, Target>,
    ) -> NodeIx {
        path.push(n.id.clone());
        let rec = self.claim_id(&n.id, path);
        let ix = nodes.len();
        index.entry(n.id.clone()).or_insert(Target::Node(ix));
        self.check_text(&n.name, rec, "name", "the name", path, true);
        let acronym = self.text_opt(n.acronym.as_ref(), rec, "acronym", "the acronym", path);
        let summary = self.text_opt(n.summary.as_ref(), rec, "summary", "the summary", path);
        let mut facts = Vec::new();
        for (fact, field, what, t) in [
            (Fact::Participants, "participants", "the participants", &n.participants),
            (Fact::Coordination, "coordination", "the coordination", &n.coordination),
            (Fact::Frequency, "frequency", "the frequency", &n.frequency),
            (Fact::CcbRole, "ccb_role", "the CCB's role", &n.ccb_role),
            (Fact::LegalBasis, "legal_basis", "the legal basis", &n.legal_basis),
        ] {
            if let Some(t) = self.text_opt(t.as_ref(), rec, field, what, path) {
                facts.push((fact, t));
            }
        }
        nodes.push(Entry {
            id: n.id.clone(),
            kind: n.kind,
            name: clean_text(&n.name),
            acronym,
            summary,
            facts,
            related: Vec::new(),
            organisations: Vec::new(),
            parent,
            children: Vec::new(),
            depth,
        });
        recs.push((rec, path.clone()));
        refs.push((n.related.clone(), n.organisations.clone()));
        for c in &n.children {
            let cix = self.flatten(c, Some(ix), depth + 1, path, nodes, recs, refs, index);
            nodes[ix].children.push(cix);
        }
        path.pop();
        ix
    }

    fn text_opt(
        &mut self,
        t: Option<&Text>,
        rec: Option<Record>,
        field: &str,
        what: &str,
        path: &[String],
    ) -> Option<Text> {
        let t = t?;
        self.check_text(t, rec, field, what, path, false);
        Some(clean_text(t))
    }

    /// Checks the languages of one text; `required` texts must not be empty.
    fn check_text(
        &mut self,
        t: &Text,
        rec: Option<Record>,
        field: &str,
        what: &str,
        path: &[String],
        required: bool,
    ) {
        let field_pos = rec.and_then(|r| self.loc.field(r, field));
        match t {
            Text::Same(s) => {
                if required && s.trim().is_empty() {
                    self.diags.push(
                        Diagnostic::error(self.file, field_pos, format!("{what} is empty"))
                            .in_path(path),
                    );
                }
            }
            Text::Localized(v) => {
                if v.is_empty() {
                    self.diags.push(
                        Diagnostic::error(
                            self.file,
                            field_pos,
                            format!("{what} has no text in any language"),
                        )
                        .in_path(path),
                    );
                    return;
                }
                for (l, s) in v {
                    let pos = rec.and_then(|r| self.loc.key_in_field(r, field, l)).or(field_pos);
                    if !self.langs.is_empty() && !self.langs.contains(l) {
                        self.diags.push(
                            Diagnostic::error(
                                self.file,
                                pos,
                                format!("{what} is written in \"{l}\", which is not declared in `languages`"),
                            )
                            .in_path(path),
                        );
                    } else if required && s.trim().is_empty() {
                        self.diags.push(
                            Diagnostic::error(
                                self.file,
                                pos,
                                format!("{what} is empty in \"{l}\""),
                            )
                            .in_path(path),
                        );
                    }
                }
                let langs = self.langs.clone();
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
                    self.diags.push(
                        Diagnostic::warning(
                            self.file,
                            field_pos,
                            format!("{what} has no \"{l}\" text; {shown}"),
                        )
                        .in_path(path),
                    );
                }
            }
        }
    }
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
