//! `ccbnet export --format dot` and `--format mermaid`: Graphviz draws the DOT (when `dot` is
//! installed; the test says so and skips when it is not), the Mermaid follows the basics of its
//! grammar (a header, node ids of plain letters, every edge between declared nodes, labels
//! quoted and escaped), on the shipped data and on a data set of hostile names; and
//! `ccbnet meets`, its lines, its JSON and its errors.

mod common;
use common::bin;

use std::collections::HashSet;
use std::io::Write as _;
use std::process::{Command, Stdio};

/// Runs `ccbnet ARGS` with no locale; returns stdout, stderr and the exit status.
fn ccbnet(args: &[&str]) -> (String, String, i32) {
    let out = common::cmd(bin())
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run ccbnet");
    (
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8(out.stderr).expect("UTF-8 errors"),
        out.status.code().expect("an exit code"),
    )
}

fn ok(args: &[&str]) -> String {
    let (out, err, code) = ccbnet(args);
    assert_eq!(code, 0, "ccbnet {args:?} failed: {err}");
    assert!(err.is_empty(), "ccbnet {args:?} wrote to standard error: {err}");
    out
}

/// A data set whose every name and role tries to break a graph.
const HOSTILE: &str = r#"Dataset(
    format: 1,
    languages: ["fr", "nl"],
    title: "Titre \"cité\" } digraph { %% ;",
    source: (note: "n", as_of: "2024"),
    organisations: [
        Organisation(id: "end", name: "A \"quoted\" [bracket] (paren) {brace}", acronym: "-->"),
        Organisation(id: "o-2", name: "x --> y; z %% comment\nnext line", part_of: "end"),
        Organisation(id: "subgraph", name: "back\\slash \\N \\G <b>html</b> & | pipe `tick` #35;"),
    ],
    nodes: [
        Node(id: "graph", kind: Level, name: "\u{1b}[31mrouge\u{7} ]\" --> x", children: [
            Node(id: "node", name: "click callback \"alert\" ;; style fill:#f00",
                related: [(id: "edge", role: "rôle \"a\" -.-> |b| ;")],
                organisations: [(id: "end", role: "%% fin\n-->"), (id: "o-2"), (id: "subgraph")]),
            Node(id: "edge", name: "]] [[ (( )) >>", organisations: [(id: "end")]),
        ]),
    ],
)"#;

/// Writes the hostile data set to a file of its own (once for all the tests) and returns its
/// path.
fn hostile_file() -> std::path::PathBuf {
    static WRITTEN: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    WRITTEN
        .get_or_init(|| {
            let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("graph-hostile.ron");
            std::fs::write(&path, HOSTILE).expect("write the data");
            path
        })
        .clone()
}

/// Runs `dot -Tsvg` on `src`; `None` when Graphviz is not installed.
fn dot_svg(src: &str) -> Option<Result<String, String>> {
    let mut child = match Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("cannot run dot: {e}"),
    };
    child.stdin.take().expect("stdin").write_all(src.as_bytes()).expect("feed dot");
    let out = child.wait_with_output().expect("dot ends");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    Some(if out.status.success() && err.is_empty() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(err)
    })
}

#[test]
fn graphviz_draws_the_dot_export() {
    let path = hostile_file();
    let data = path.to_str().expect("a UTF-8 path");
    for args in [
        vec!["export", "--format", "dot", "--lang", "fr"],
        vec!["export", "--format", "dot", "--lang", "nl"],
        vec!["--data", data, "export", "--format", "dot"],
    ] {
        let src = ok(&args);
        assert!(src.starts_with("digraph \"ccbnet\" {\n") && src.ends_with("}\n"), "{src}");
        assert!(!src.chars().any(|c| c.is_control() && c != '\n'), "a control character");
        match dot_svg(&src) {
            None => {
                eprintln!("SKIPPED: Graphviz's `dot` is not installed (apt-get install graphviz)");
                return;
            }
            Some(Ok(svg)) => assert!(svg.contains("<svg"), "{svg}"),
            Some(Err(e)) => panic!("dot refused ccbnet {args:?}: {e}\n{src}"),
        }
    }
}

#[test]
fn dot_names_every_node_organisation_and_link_in_the_language_asked() {
    let catalog = ccbnet::data::load_embedded().expect("the shipped data").catalog;
    let fr = ok(&["export", "--format", "dot", "--lang", "fr"]);
    let nl = ok(&["export", "--format", "dot", "--lang", "nl"]);
    for n in &catalog.nodes {
        assert!(fr.contains(&format!("\n    \"{}\" [label=", n.id)), "{} missing", n.id);
    }
    for o in &catalog.orgs {
        assert!(fr.contains(&format!("\n  \"{}\" [label=", o.id)), "{} missing", o.id);
    }
    let links: usize = catalog.nodes.iter().map(|n| n.related.len() + n.organisations.len()).sum();
    let tree: usize = catalog.nodes.iter().map(|n| n.children.len()).sum();
    let parts = catalog.orgs.iter().filter(|o| o.part_of.is_some()).count();
    assert_eq!(fr.matches(" -> ").count(), links + tree + parts);
    assert!(fr.contains("label=\"Réseaux nationaux (1)\""));
    assert!(nl.contains("label=\"Nationale netwerken (1)\""));
    assert!(!nl.contains("Réseaux nationaux"));
}

#[test]
fn dot_escapes_hostile_names() {
    let path = hostile_file();
    let src = ok(&["--data", path.to_str().expect("path"), "export", "--format", "dot"]);
    assert!(src.contains(r#"label="--> · A \"quoted\" [bracket] (paren) {brace}""#), "{src}");
    assert!(src.contains(r#"back\\slash \\N \\G"#), "{src}");
    assert!(src.contains("\"\u{FFFD}[31mrouge\u{FFFD} ]\\\" --> x\""), "{src}");
    // The line break became a space: one statement a line.
    assert!(src.contains("z %% comment next line"), "{src}");
}

// --- Mermaid ---------------------------------------------------------------------------------

/// Whether `id` is a Mermaid node id that nothing can misread: a letter, then letters, digits
/// and `_`, and none of the words of the grammar.
fn plain_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !["end", "graph", "flowchart", "subgraph", "click", "style", "class", "classDef"]
            .contains(&id)
}

/// Whether `label` is safe between double quotes: no quote, no control character, and every
/// `#` starts an entity `#123;`; no character the grammar gives a meaning.
fn escaped_label(label: &str) -> bool {
    let mut plain = String::new();
    let mut rest = label;
    while let Some(i) = rest.find('#') {
        plain.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(end) = after.find(';') else { return false };
        if end == 0 || !after[..end].bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        rest = &after[end + 1..];
    }
    plain.push_str(rest);
    !plain.chars().any(|c| c.is_control() || "\"[]{}|<>;%`&".contains(c))
}

/// `"label"` at the start of `s`: the label and what follows.
fn quoted(s: &str) -> Option<(&str, &str)> {
    let s = s.strip_prefix('"')?;
    let end = s.find('"')?;
    Some((&s[..end], &s[end + 1..]))
}

/// Checks a flowchart line by line: `flowchart LR`, then subgraphs (`subgraph ID ["label"]` ...
/// `end`), nodes (`ID["label"]`, `ID(["label"])`) and edges (`ID ARROW ID`, `ID ARROW|"label"|
/// ID`) between declared nodes. Returns the node ids and the number of edges.
fn check_mermaid(src: &str) -> (HashSet<String>, usize) {
    let mut lines = src.lines();
    assert_eq!(lines.next(), Some("flowchart LR"));
    let mut nodes = HashSet::new();
    let mut groups = HashSet::new();
    let mut edges = Vec::new();
    let mut depth = 0;
    for line in lines {
        let l = line.trim();
        assert!(!l.starts_with("%%"), "a comment: {line}");
        if l == "end" {
            depth -= 1;
            assert!(depth >= 0, "end without subgraph");
            continue;
        }
        if let Some(rest) = l.strip_prefix("subgraph ") {
            let (id, rest) = rest.split_once(' ').expect("subgraph ID [\"label\"]");
            assert!(plain_id(id), "subgraph id {id:?}");
            let inner = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']'));
            let (label, tail) = quoted(inner.expect("[\"label\"]")).expect("a quoted label");
            assert!(tail.is_empty() && escaped_label(label), "{line}");
            assert!(groups.insert(id.to_owned()), "subgraph {id} twice");
            depth += 1;
            continue;
        }
        let id_end = l.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(l.len());
        let (id, rest) = l.split_at(id_end);
        assert!(plain_id(id), "node id {id:?} in {line}");
        if let Some(shape) = rest.strip_prefix("[").and_then(|r| r.strip_suffix("]")) {
            let (label, tail) = quoted(shape).expect("a quoted label");
            assert!(tail.is_empty() && escaped_label(label), "{line}");
            assert!(nodes.insert(id.to_owned()), "node {id} twice");
            continue;
        }
        if let Some(shape) = rest.strip_prefix("([").and_then(|r| r.strip_suffix("])")) {
            let (label, tail) = quoted(shape).expect("a quoted label");
            assert!(tail.is_empty() && escaped_label(label), "{line}");
            assert!(nodes.insert(id.to_owned()), "node {id} twice");
            continue;
        }
        let rest = rest.strip_prefix(' ').unwrap_or_else(|| panic!("not a statement: {line}"));
        let (arrow, rest) = rest.split_at(rest.find(['|', ' ']).expect("an arrow"));
        assert!(["-->", "-.->", "---", "==>"].contains(&arrow), "arrow {arrow:?} in {line}");
        let rest = match rest.strip_prefix('|') {
            Some(r) => {
                let (label, tail) = quoted(r).expect("a quoted edge label");
                assert!(escaped_label(label), "{line}");
                tail.strip_prefix('|').expect("|\"label\"|")
            }
            None => rest,
        };
        let to = rest.strip_prefix(' ').expect("a space before the target");
        assert!(plain_id(to), "target {to:?} in {line}");
        edges.push((id.to_owned(), to.to_owned()));
    }
    assert_eq!(depth, 0, "a subgraph is not closed");
    for (a, b) in &edges {
        assert!(nodes.contains(a) && nodes.contains(b), "{a} --> {b}: an undeclared node");
    }
    assert!(nodes.is_disjoint(&groups), "a subgraph and a node share an id");
    (nodes, edges.len())
}

#[test]
fn mermaid_follows_the_grammar_on_the_shipped_data() {
    let catalog = ccbnet::data::load_embedded().expect("the shipped data").catalog;
    for lang in ["fr", "nl", "de", "en"] {
        let src = ok(&["export", "--format", "mermaid", "--lang", lang]);
        let (nodes, edges) = check_mermaid(&src);
        assert_eq!(nodes.len(), catalog.nodes.len() + catalog.orgs.len());
        let links: usize =
            catalog.nodes.iter().map(|n| n.related.len() + n.organisations.len()).sum();
        let tree: usize = catalog.nodes.iter().map(|n| n.children.len()).sum();
        let parts = catalog.orgs.iter().filter(|o| o.part_of.is_some()).count();
        assert_eq!(edges, links + tree + parts);
    }
    let nl = ok(&["export", "--format", "mermaid", "--lang", "nl"]);
    assert!(nl.contains("n_national_1[\"Nationale netwerken (1)\"]"), "{nl}");
}

#[test]
fn mermaid_escapes_hostile_names() {
    let path = hostile_file();
    let src = ok(&["--data", path.to_str().expect("path"), "export", "--format", "mermaid"]);
    let (nodes, _) = check_mermaid(&src);
    // Ids that are words of the grammar get a prefix.
    for id in ["o_end", "o_subgraph", "n_graph", "n_node", "n_edge", "o_o_2"] {
        assert!(nodes.contains(id), "{id} missing from {nodes:?}");
    }
    assert!(src.contains("A #34;quoted#34; #91;bracket#93; (paren) #123;brace#125;"), "{src}");
    assert!(src.contains("x --#62; y#59; z #37;#37; comment next line"), "{src}");
}

#[test]
fn markdown_embeds_the_mermaid_flowchart_on_request() {
    let plain = ok(&["export", "--format", "markdown", "--lang", "nl"]);
    assert!(!plain.contains("```mermaid"));
    let md = ok(&["export", "--format", "markdown", "--mermaid", "--lang", "nl"]);
    let chart = ok(&["export", "--format", "mermaid", "--lang", "nl"]);
    assert!(md.contains(&format!("## Kaart van het netwerk\n\n```mermaid\n{chart}```\n")), "{md}");
    let (_, err, code) = ccbnet(&["export", "--format", "text", "--mermaid"]);
    assert_eq!(code, 2);
    assert!(err.contains("--mermaid"), "{err}");
}

// --- ccbnet meets ----------------------------------------------------------------------------

#[test]
fn meets_enisa_lists_the_ccb_with_the_entries_they_share() {
    let out = ok(&["meets", "enisa", "--lang", "fr"]);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 4), "id, count, name, entries: {out}");
    let ccb = rows.iter().find(|r| r[0] == "ccb").expect("ENISA meets the CCB");
    assert_eq!(ccb[2], "CCB · Centre pour la Cybersécurité Belgique");
    assert!(ccb[3].contains("Cyber Europe"), "{out}");
    assert_eq!(ccb[1], ccb[3].split("; ").count().to_string());
    // Ranked by shared entries.
    let counts: Vec<usize> = rows.iter().map(|r| r[1].parse().expect("a count")).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{out}");
    let nl = ok(&["meets", "enisa", "--lang", "nl"]);
    assert!(nl.contains("CCB · Centrum voor Cybersecurity België"), "{nl}");
    assert!(nl.contains("Ad-hocwerkgroepen van ENISA"), "{nl}");
}

#[test]
fn meets_json_has_the_same_rows() {
    let lines = ok(&["meets", "ccb"]);
    let json = ok(&["meets", "ccb", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["organisation"]["id"], "ccb");
    let ids: Vec<&str> = doc["meets"]
        .as_array()
        .expect("meets")
        .iter()
        .map(|m| m["id"].as_str().expect("an id"))
        .collect();
    let expected: Vec<&str> = lines.lines().map(|l| l.split('\t').next().expect("an id")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn meets_an_unknown_id_says_so_and_exits_1() {
    let (out, err, code) = ccbnet(&["meets", "no-such-body"]);
    assert_eq!((out.as_str(), code), ("", 1));
    assert!(err.contains("no organisation has the id \"no-such-body\""), "{err}");
    let (out, err, code) = ccbnet(&["meets", "cyber-europe"]);
    assert_eq!((out.as_str(), code), ("", 1));
    assert!(err.contains("is an entry"), "{err}");
    // An id made of escape sequences never reaches the terminal raw.
    let (_, err, code) = ccbnet(&["meets", "\u{1b}[2J\u{7}"]);
    assert_eq!(code, 1);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
}

#[test]
fn meets_on_hostile_names_prints_one_clean_line_each() {
    let path = hostile_file();
    let out = ok(&["--data", path.to_str().expect("path"), "meets", "end"]);
    assert_eq!(out.lines().count(), 2, "{out}");
    for line in out.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 4, "{line:?}");
        assert!(!fields.iter().any(|f| f.chars().any(char::is_control)), "{line:?}");
    }
}
