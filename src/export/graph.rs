//! The network as a picture to draw elsewhere: a Graphviz (DOT) graph and a Mermaid flowchart
//! of the levels, entries and organisations and every link between them, labelled in one
//! language. Ids are quoted (DOT) or rewritten to plain letters, digits and `_` (Mermaid), and
//! every label is escaped, so that no name or role in a data file can break the graph.
//!
//! The edges: a level or entry to each entry under it; an entry to each entry it names
//! (dashed, labelled with the role); an entry to each organisation it names (dotted, labelled
//! with the role); an organisation to the one it belongs to.

use std::fmt::Write as _;

use crate::data::read::is_kebab;
use crate::data::{Catalog, NodeIx, OrgIx, Text};
use crate::names::{fallback_marker, joined, node_title, org_title};
use crate::text::{one_line, sanitize};

use super::labels;

/// A title as shown: fallback marker, then `ACR · name`; on one line, without control
/// characters.
fn title(t: (Option<String>, Option<String>, String)) -> String {
    let (marker, acr, name) = t;
    clean(&format!("{}{}", marker.unwrap_or_default(), joined(acr.as_deref(), &name)))
}

/// A text of the data in `lang`, with its fallback marker; on one line, without control
/// characters.
fn shown(catalog: &Catalog, text: &Text, lang: &str) -> String {
    let s = catalog.pick(text, lang);
    clean(&format!("{}{}", s.fallback.map(fallback_marker).unwrap_or_default(), s.text))
}

fn clean(s: &str) -> String {
    one_line(&sanitize(s)).into_owned()
}

/// Every node under level `root`, the level included, in file order.
fn subtree(catalog: &Catalog, root: NodeIx) -> Vec<NodeIx> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        out.push(n);
        stack.extend(catalog.nodes[n].children.iter().rev());
    }
    out
}

/// `s` as a DOT quoted string, quotes included: `"` and `\` escaped, so that nothing in it
/// ends the string or reads as one of the label escapes (`\n`, `\N`, `\G`...).
#[must_use]
pub fn dot_quoted(s: &str) -> String {
    let s = clean(s);
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// The whole network in `lang` as a Graphviz directed graph: each level a cluster holding its
/// entries, the organisations outside, then the edges.
#[must_use]
pub fn dot(catalog: &Catalog, lang: &str) -> String {
    let q = dot_quoted;
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"ccbnet\" {{");
    let _ = writeln!(
        out,
        "  graph [label={}, labelloc=t, rankdir=LR, fontname=\"sans-serif\"];",
        q(&shown(catalog, &catalog.title, lang))
    );
    let _ = writeln!(out, "  node [fontname=\"sans-serif\", shape=box];");
    let _ = writeln!(out, "  edge [fontname=\"sans-serif\", fontsize=10];");
    for &root in &catalog.roots {
        let _ =
            writeln!(out, "  subgraph {} {{", q(&format!("cluster_{}", catalog.nodes[root].id)));
        let _ = writeln!(out, "    label={};", q(&title(node_title(catalog, root, lang))));
        for n in subtree(catalog, root) {
            let style = if n == root { ", style=bold" } else { "" };
            let _ = writeln!(
                out,
                "    {} [label={}{style}];",
                q(&catalog.nodes[n].id),
                q(&title(node_title(catalog, n, lang)))
            );
        }
        let _ = writeln!(out, "  }}");
    }
    for o in 0..catalog.orgs.len() {
        let _ = writeln!(
            out,
            "  {} [label={}, shape=ellipse];",
            q(&catalog.orgs[o].id),
            q(&title(org_title(catalog, o, lang)))
        );
    }
    let label = |role: Option<&Text>| {
        role.map(|r| format!(", label={}", q(&shown(catalog, r, lang)))).unwrap_or_default()
    };
    for (n, node) in catalog.nodes.iter().enumerate() {
        for &c in &node.children {
            let _ = writeln!(out, "  {} -> {};", q(&node.id), q(&catalog.nodes[c].id));
        }
        for l in &node.related {
            let _ = writeln!(
                out,
                "  {} -> {} [style=dashed{}];",
                q(&catalog.nodes[n].id),
                q(&catalog.nodes[l.target].id),
                label(l.role.as_ref())
            );
        }
        for l in &node.organisations {
            let _ = writeln!(
                out,
                "  {} -> {} [style=dotted{}];",
                q(&node.id),
                q(&catalog.orgs[l.target].id),
                label(l.role.as_ref())
            );
        }
    }
    for (o, org) in catalog.orgs.iter().enumerate() {
        if let Some(p) = org.part_of {
            let _ = writeln!(
                out,
                "  {} -> {} [label={}];",
                q(&catalog.orgs[o].id),
                q(&catalog.orgs[p].id),
                q(labels(lang).part_of)
            );
        }
    }
    out.push_str("}\n");
    out
}

/// `s` as the text of a Mermaid label, to go between double quotes: letters, digits, spaces and
/// plain punctuation (`.,:'?!()/-`) as they are, every other character as a Mermaid entity (`#35;`), so that no
/// quote, bracket, pipe, `;`, `%%`, `-->` or markup in it can end the label or start a
/// statement. Line breaks become spaces.
#[must_use]
pub fn mermaid_text(s: &str) -> String {
    let s = clean(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric()
            || matches!(
                c,
                ' ' | '\'' | '’' | '.' | ',' | ':' | '·' | '?' | '!' | '(' | ')' | '/' | '-'
            )
        {
            out.push(c);
        } else {
            let _ = write!(out, "#{};", u32::from(c));
        }
    }
    out
}

/// A Mermaid node id for a data id: `prefix` then the id with `-` as `_` (ids are kebab-case,
/// so no two meet); an id that is not kebab-case gets the item's number instead.
fn mermaid_id(prefix: char, id: &str, ix: usize) -> String {
    if is_kebab(id) {
        format!("{prefix}_{}", id.replace('-', "_"))
    } else {
        format!("{prefix}{ix}")
    }
}

/// The Mermaid id of node `n`.
#[must_use]
pub fn mermaid_node_id(catalog: &Catalog, n: NodeIx) -> String {
    mermaid_id('n', &catalog.nodes[n].id, n)
}

/// The Mermaid id of organisation `o`.
#[must_use]
pub fn mermaid_org_id(catalog: &Catalog, o: OrgIx) -> String {
    mermaid_id('o', &catalog.orgs[o].id, o)
}

/// The whole network in `lang` as a Mermaid flowchart (without the Markdown fence): each level a
/// subgraph (its id starting `l_`) holding its entries, the organisations as rounded nodes, then the links.
#[must_use]
pub fn mermaid(catalog: &Catalog, lang: &str) -> String {
    let t = mermaid_text;
    let nid = |n: NodeIx| mermaid_node_id(catalog, n);
    let oid = |o: OrgIx| mermaid_org_id(catalog, o);
    let mut out = String::from("flowchart LR\n");
    for &root in &catalog.roots {
        let _ = writeln!(
            out,
            "  subgraph {} [\"{}\"]",
            mermaid_id('l', &catalog.nodes[root].id, root),
            t(&title(node_title(catalog, root, lang)))
        );
        for n in subtree(catalog, root) {
            let _ =
                writeln!(out, "    {}[\"{}\"]", nid(n), t(&title(node_title(catalog, n, lang))));
        }
        out.push_str("  end\n");
    }
    for o in 0..catalog.orgs.len() {
        let _ = writeln!(out, "  {}([\"{}\"])", oid(o), t(&title(org_title(catalog, o, lang))));
    }
    let label = |role: Option<&Text>| {
        role.map(|r| format!("|\"{}\"|", t(&shown(catalog, r, lang)))).unwrap_or_default()
    };
    for (n, node) in catalog.nodes.iter().enumerate() {
        for &c in &node.children {
            let _ = writeln!(out, "  {} --> {}", nid(n), nid(c));
        }
        for l in &node.related {
            let _ = writeln!(out, "  {} -.->{} {}", nid(n), label(l.role.as_ref()), nid(l.target));
        }
        for l in &node.organisations {
            let _ = writeln!(out, "  {} ---{} {}", nid(n), label(l.role.as_ref()), oid(l.target));
        }
    }
    for (o, org) in catalog.orgs.iter().enumerate() {
        if let Some(p) = org.part_of {
            let _ = writeln!(out, "  {} ==>|\"{}\"| {}", oid(o), t(labels(lang).part_of), oid(p));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_quoting_escapes_quotes_and_backslashes() {
        assert_eq!(dot_quoted(r#"a "b" \N"#), r#""a \"b\" \\N""#);
        assert_eq!(dot_quoted("x\ny\u{1b}[2J"), "\"x y\u{FFFD}[2J\"");
    }

    #[test]
    fn mermaid_text_keeps_words_and_escapes_syntax() {
        assert_eq!(mermaid_text("Réseau d'expertise, 2024"), "Réseau d'expertise, 2024");
        assert_eq!(mermaid_text("a\"b"), "a#34;b");
        assert_eq!(mermaid_text("x --> y; %%"), "x --#62; y#59; #37;#37;");
        assert_eq!(mermaid_text("CSI/DPO (1)"), "CSI/DPO (1)");
        assert_eq!(mermaid_text("[a]|b\nc"), "#91;a#93;#124;b c");
    }

    #[test]
    fn mermaid_ids_are_plain() {
        assert_eq!(mermaid_id('n', "eu-csirts-network", 3), "n_eu_csirts_network");
        assert_eq!(mermaid_id('o', "end", 1), "o_end");
        assert_eq!(mermaid_id('o', "A b\"", 7), "o7");
    }
}
