//! `ccbnet export`: golden files of every format in French, Dutch, German and English (and JSON
//! with every language), on the shipped data set and (French and Dutch) on the explorer's fixture; the JSON checked against
//! the shape docs/json-format.md documents; plain text that fits its width and draws no boxes;
//! Markdown that no name can break.
//!
//! After a deliberate change of the output, `UPDATE_GOLDEN=1 cargo test --test export` writes the
//! golden files again; review them with `git diff tests/golden`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;
use common::ccbnet;
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/explorer.ron");

/// The output of a command that must succeed without a word on standard error.
fn ok(args: &[&str]) -> String {
    let (out, err, code) = ccbnet(args);
    assert_eq!(code, 0, "ccbnet {args:?} failed: {err}");
    assert!(err.is_empty(), "ccbnet {args:?} wrote to standard error: {err}");
    out
}

fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name)
}

/// Compares `actual` with the golden file `name`, or writes it with `UPDATE_GOLDEN=1`.
#[track_caller]
fn golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| !v.is_empty()) {
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("create tests/golden");
        std::fs::write(&path, actual).expect("write a golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read {}: {e}; run with UPDATE_GOLDEN=1 to write it", path.display())
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the output at line {}:\n  golden: {:?}\n  output: {:?}\n\
             (UPDATE_GOLDEN=1 cargo test --test export rewrites it after a deliberate change)",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line),
        );
    }
}

#[test]
fn text_golden_files_in_every_language() {
    for lang in ["fr", "nl", "de", "en"] {
        let out = ok(&["export", "--lang", lang, "--width", "80"]);
        golden(&format!("export-{lang}.txt"), &out);
        // Without --width, the output is not a terminal: 80 columns.
        assert_eq!(ok(&["export", "--lang", lang]), out);
        if !matches!(lang, "fr" | "nl") {
            continue;
        }
        let fixture = ok(&["--data", FIXTURE, "export", "--lang", lang, "--width", "60"]);
        golden(&format!("fixture-{lang}.txt"), &fixture);
    }
}

#[test]
fn markdown_golden_files_in_every_language() {
    for lang in ["fr", "nl", "de", "en"] {
        golden(&format!("export-{lang}.md"), &ok(&["export", "-f", "markdown", "--lang", lang]));
        if !matches!(lang, "fr" | "nl") {
            continue;
        }
        let fixture = ok(&["--data", FIXTURE, "export", "--format", "markdown", "--lang", lang]);
        golden(&format!("fixture-{lang}.md"), &fixture);
    }
}

#[test]
fn json_golden_files_in_each_language_and_all() {
    for lang in ["fr", "nl", "de", "en", "all"] {
        golden(&format!("export-{lang}.json"), &ok(&["export", "-f", "json", "--lang", lang]));
        if matches!(lang, "de" | "en") {
            continue;
        }
        let fixture = ok(&["--data", FIXTURE, "export", "--format", "json", "--lang", lang]);
        golden(&format!("fixture-{lang}.json"), &fixture);
    }
}

#[test]
fn the_language_comes_from_the_locale_without_lang() {
    let out = common::cmd(common::bin())
        .args(["export", "--format", "json"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "nl_BE.UTF-8")
        .output()
        .expect("run ccbnet");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["lang"], "nl");
}

#[test]
fn plain_text_fits_its_width_and_draws_nothing() {
    for lang in ["fr", "nl"] {
        for width in [40, 80, 132] {
            let w = width.to_string();
            for data in [None, Some(FIXTURE)] {
                let mut args = vec!["export", "--lang", lang, "--width", &w];
                if let Some(d) = data {
                    args.extend(["--data", d]);
                }
                let out = ok(&args);
                for line in out.lines() {
                    // An address stands whole on a line of its own, to be copied.
                    let address =
                        line.trim_start().starts_with("https://") && !line.trim().contains(' ');
                    assert!(
                        ccbnet::text::width(line) <= width || address,
                        "wider than {width}: {line:?}"
                    );
                    assert_eq!(line, line.trim_end(), "trailing spaces: {line:?}");
                    assert!(
                        !line.chars().any(|c| c.is_control()
                            || ('\u{2500}'..='\u{259F}').contains(&c)
                            || matches!(c, '▸' | '▾' | '▲' | '▼' | '│' | '┌')),
                        "control or box-drawing character in {line:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_entry_and_organisation_is_in_every_format() {
    let catalog = ccbnet::data::load_embedded().expect("the shipped data").catalog;
    for lang in ["fr", "nl", "de", "en"] {
        let text = ok(&["export", "--lang", lang, "--width", "1000"]);
        let md = ok(&["export", "--lang", lang, "--format", "markdown"]);
        for n in 0..catalog.nodes.len() {
            let (_, acr, name) = ccbnet::detail::node_title(&catalog, n, lang);
            let title = ccbnet::detail::joined(acr.as_deref(), &name);
            assert!(text.contains(&title), "{title} missing from the {lang} text");
            let anchor = format!("<a id=\"{}\"></a>", catalog.nodes[n].id);
            assert!(md.contains(&anchor), "{anchor} missing from the {lang} Markdown");
            for (_, fact) in &catalog.nodes[n].facts {
                let fact = catalog.pick(fact, lang).text;
                assert!(text.contains(fact), "fact {fact:?} missing from the {lang} text");
            }
        }
        for o in &catalog.orgs {
            assert!(md.contains(&format!("<a id=\"{}\"></a>", o.id)), "{} missing", o.id);
        }
        // The source and its date come from the data.
        assert!(text.contains(catalog.pick(&catalog.as_of, lang).text));
        // Every in-document link has its anchor.
        for part in md.split("](#").skip(1) {
            let id = part.split(')').next().expect("a closing parenthesis");
            assert!(md.contains(&format!("<a id=\"{id}\"></a>")), "link to a missing #{id}");
        }
    }
}

#[test]
fn markdown_escapes_names_that_look_like_formatting() {
    let data = r##"Dataset(
        format: 1,
        languages: ["fr", "nl"],
        title: "Titre *gras* et _souligné_",
        source: (note: "Note <b>html</b> & co", as_of: "2024"),
        organisations: [Organisation(id: "o", name: "[lien](http://x) | table", acronym: "A`B`")],
        nodes: [
            Node(id: "top", kind: Level, name: "# pas un titre", summary: "- pas une liste\n1. pas une liste\nR&amp;D ~~barré~~",
                organisations: [(id: "o", role: "**rôle**")],
                children: [Node(id: "in", name: "Sous _entrée_ \\ fin")]),
        ],
    )"##;
    let catalog = ccbnet::data::load_str("test.ron", data).expect("the test data").catalog;
    let md = ccbnet::export::markdown(&catalog, "fr");
    let colon = ccbnet::i18n::strings("fr").colon;
    let role = format!("[A\\`B\\` · \\[lien\\](http://x) \\| table](#o){colon}\\*\\*rôle\\*\\*");
    for escaped in [
        "# Titre \\*gras\\* et \\_souligné\\_",
        "Note \\<b\\>html\\</b\\> & co",
        "## \\# pas un titre",
        "\\- pas une liste\n\n1\\. pas une liste\n\nR\\&amp;D \\~\\~barré\\~\\~",
        &role,
        "### Sous \\_entrée\\_ \\\\ fin",
    ] {
        assert!(md.contains(escaped), "{escaped:?} not in:\n{md}");
    }
}

#[test]
fn lang_all_is_for_json_only_and_unknown_languages_are_refused() {
    let (out, err, code) = ccbnet(&["export", "--lang", "all"]);
    assert_eq!((out.as_str(), code), ("", 2));
    assert!(err.contains("--format json") && err.lines().count() == 1, "{err}");
    let (out, err, code) = ccbnet(&["export", "--format", "json", "--lang", "pt"]);
    assert_eq!((out.as_str(), code), ("", 2));
    assert!(err.contains("fr, nl, de, en"), "{err}");
    let (_, err, code) = ccbnet(&["export", "--width", "5"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    let mut child = common::cmd(common::bin())
        .args(["export", "--format", "json", "--lang", "all"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run ccbnet");
    let mut first = [0u8; 16];
    child.stdout.take().expect("stdout").read_exact(&mut first).expect("the first bytes");
    // The pipe is closed here, as `| head -c 16` would.
    let out = child.wait_with_output().expect("wait for ccbnet");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

// --- The JSON against docs/json-format.md ---------------------------------------------------

/// The documented shapes: for each object name (`Node`, `Source`...), its fields and their
/// types, read from the tables of docs/json-format.md.
fn documented_shapes() -> HashMap<String, Vec<(String, String)>> {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json-format.md"))
            .expect("docs/json-format.md");
    let mut shapes: HashMap<String, Vec<(String, String)>> = HashMap::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            current = h.strip_prefix('`').and_then(|h| h.split('`').next()).map(str::to_owned);
            continue;
        }
        let Some(name) = &current else { continue };
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 || !cells[1].starts_with('`') {
            continue;
        }
        let field = cells[1].trim_matches('`').to_owned();
        shapes.entry(name.clone()).or_default().push((field, cells[2].to_owned()));
    }
    shapes
}

/// Checks `v` against the documented shape `name`; `all` says whether texts are per language.
struct Checker {
    shapes: HashMap<String, Vec<(String, String)>>,
    ids: HashSet<String>,
    languages: Vec<String>,
    all: bool,
}

impl Checker {
    fn object(&self, v: &Value, name: &str, at: &str) {
        let shape = self.shapes.get(name).unwrap_or_else(|| panic!("no documented `{name}`"));
        let obj = v.as_object().unwrap_or_else(|| panic!("{at}: not an object: {v}"));
        for key in obj.keys() {
            assert!(shape.iter().any(|(f, _)| f == key), "{at}: `{key}` is not documented");
        }
        for (field, ty) in shape {
            match obj.get(field) {
                Some(value) => self.value(value, ty, &format!("{at}.{field}")),
                None => assert!(ty == "fallback", "{at}: `{field}` is missing"),
            }
        }
    }

    fn value(&self, v: &Value, ty: &str, at: &str) {
        if let Some(inner) = ty.strip_suffix(" or null") {
            if !v.is_null() {
                self.value(v, inner, at);
            }
            return;
        }
        if let Some(item) = ty.strip_prefix("list of ") {
            let items = v.as_array().unwrap_or_else(|| panic!("{at}: not a list: {v}"));
            let item = match item {
                "strings" => "string",
                "ids" => "id",
                other => other,
            };
            for (i, x) in items.iter().enumerate() {
                self.value(x, item, &format!("{at}[{i}]"));
            }
            return;
        }
        match ty {
            "number" => assert!(v.is_u64(), "{at}: not a number: {v}"),
            "boolean" => assert!(v.is_boolean(), "{at}: not a boolean: {v}"),
            "string" => assert!(v.is_string(), "{at}: not a string: {v}"),
            "id" => {
                let id = v.as_str().unwrap_or_else(|| panic!("{at}: not a string: {v}"));
                assert!(self.ids.contains(id), "{at}: `{id}` is not an id of the document");
            }
            "text" if self.all => {
                let m = v.as_object().unwrap_or_else(|| panic!("{at}: not a text object: {v}"));
                assert!(!m.is_empty(), "{at}: a text in no language");
                for (l, s) in m {
                    assert!(self.languages.contains(l), "{at}: undeclared language {l}");
                    assert!(s.is_string(), "{at}.{l}: not a string");
                }
            }
            "text" => assert!(v.is_string(), "{at}: not a string: {v}"),
            "fallback" => {
                assert!(!self.all, "{at}: a fallback with every language");
                let m = v.as_object().unwrap_or_else(|| panic!("{at}: not an object: {v}"));
                assert!(!m.is_empty(), "{at}: an empty fallback is left out");
                for l in m.values() {
                    assert!(
                        self.languages.iter().any(|x| Some(x.as_str()) == l.as_str()),
                        "{at}: {l} is not a language"
                    );
                }
            }
            t if t.starts_with('`') => self.object(v, t.trim_matches('`'), at),
            other => panic!("{at}: the documented type {other:?} is unknown to this test"),
        }
    }
}

/// Parses an export and checks it against the documentation and against itself.
fn check_export(json: &str, all: bool) -> Value {
    let doc: Value = serde_json::from_str(json).expect("the export is JSON");
    let mut ids = HashSet::new();
    for list in ["nodes", "organisations"] {
        for x in doc[list].as_array().expect("a list") {
            assert!(ids.insert(x["id"].as_str().expect("an id").to_owned()), "id twice: {x}");
        }
    }
    let languages: Vec<String> = doc["languages"]
        .as_array()
        .expect("languages")
        .iter()
        .map(|l| l.as_str().expect("a code").to_owned())
        .collect();
    let checker = Checker { shapes: documented_shapes(), ids, languages, all };
    checker.object(&doc, "Export", "$");
    assert_eq!(doc["version"], 1);
    // The tree holds together: parents and children agree, links are seen from both sides.
    let nodes = doc["nodes"].as_array().expect("nodes");
    let by_id: HashMap<&str, &Value> =
        nodes.iter().map(|n| (n["id"].as_str().expect("id"), n)).collect();
    for n in nodes {
        for c in n["children"].as_array().expect("children") {
            assert_eq!(by_id[c.as_str().expect("id")]["parent"], n["id"]);
        }
        for r in n["related"].as_array().expect("related") {
            let other = by_id[r["id"].as_str().expect("id")];
            let back = other["related"].as_array().expect("related");
            assert!(
                back.iter().any(|b| b["id"] == n["id"] && b["incoming"] != r["incoming"]),
                "{} → {} is not seen from the other side",
                n["id"],
                r["id"]
            );
        }
    }
    doc
}

#[test]
fn json_matches_the_documented_shape() {
    let catalog = ccbnet::data::load_embedded().expect("the shipped data").catalog;
    for lang in ["fr", "nl", "all"] {
        let doc = check_export(&ok(&["export", "--format", "json", "--lang", lang]), lang == "all");
        assert_eq!(doc["lang"], lang);
        assert_eq!(doc["nodes"].as_array().map(Vec::len), Some(catalog.nodes.len()));
        assert_eq!(doc["organisations"].as_array().map(Vec::len), Some(catalog.orgs.len()));
        // The source's date is the data's, never a constant of the program.
        let as_of = &doc["source"]["as_of"];
        let as_of = if lang == "all" { &as_of["nl"] } else { as_of };
        assert_eq!(as_of.as_str(), catalog.as_of.get(if lang == "all" { "nl" } else { lang }));
    }
}

#[test]
fn json_marks_texts_shown_in_another_language() {
    let doc =
        check_export(&ok(&["--data", FIXTURE, "export", "-f", "json", "--lang", "nl"]), false);
    let b1 = doc["nodes"].as_array().expect("nodes").iter().find(|n| n["id"] == "b1");
    let b1 = b1.expect("b1 exported");
    assert_eq!(b1["fallback"]["summary"], "fr");
    assert_eq!(b1["summary"], "Texte avec tabulation, uniquement en français.");
    // Control characters were replaced at load, before any output.
    assert_eq!(b1["name"], "Alarm\u{FFFD}[31m rood\u{FFFD}");
    let all =
        check_export(&ok(&["--data", FIXTURE, "export", "-f", "json", "--lang", "all"]), true);
    let b1 = all["nodes"].as_array().expect("nodes").iter().find(|n| n["id"] == "b1");
    let summary = b1.expect("b1 exported")["summary"].as_object().expect("a text object");
    assert_eq!(summary.keys().collect::<Vec<_>>(), ["fr"], "the missing Dutch is left out");
}

#[test]
fn meets_json_matches_the_documented_shape() {
    let catalog = ccbnet::data::load_embedded().expect("the shipped data").catalog;
    let ids =
        catalog.nodes.iter().map(|n| n.id.clone()).chain(catalog.orgs.iter().map(|o| o.id.clone()));
    let checker = Checker {
        shapes: documented_shapes(),
        ids: ids.collect(),
        languages: vec!["fr".into(), "nl".into()],
        all: false,
    };
    for lang in ["fr", "nl", "de", "en"] {
        let doc: Value =
            serde_json::from_str(&ok(&["meets", "--json", "--lang", lang, "enisa"])).expect("JSON");
        checker.object(&doc, "Meets", "$");
        assert_eq!(doc["lang"], lang);
        assert!(doc["meets"].as_array().is_some_and(|m| !m.is_empty()));
    }
}

#[test]
fn search_json_matches_the_documented_shape() {
    let (out, _, code) = ccbnet(&["search", "--json", "--lang", "nl", "anvers"]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&out).expect("JSON");
    let checker = Checker {
        shapes: documented_shapes(),
        ids: HashSet::new(),
        languages: vec!["fr".into(), "nl".into()],
        all: false,
    };
    checker.object(&doc, "Search", "$");
    assert_eq!(doc["results"][0]["id"], "ren-cybercrime");
    assert_eq!(doc["results"][0]["matched_in"], "fr", "anvers is French only");
}

#[test]
fn a_tab_in_a_text_is_one_space_in_every_output() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/warnings/control-characters.ron")
        .display()
        .to_string();
    let show = ok(&["--data", &data, "show", "cyber-europe"]);
    assert!(show.contains("Cyber Europe\n"), "{show}");
    for format in ["text", "markdown", "json", "dot", "mermaid"] {
        let out = ok(&["--data", &data, "export", "--format", format]);
        assert!(out.contains("Cyber Europe"), "{format}: {out}");
        assert!(!out.contains("Cyber  ") && !out.contains('\t'), "{format}: {out}");
    }
    let json: Value =
        serde_json::from_str(&ok(&["--data", &data, "export", "--format", "json"])).expect("JSON");
    assert_eq!(json["nodes"][1]["name"], "Cyber Europe", "{json}");
}
