//! The command line as people expect it: `--help` with examples and the keys, global options
//! under their own heading and only where they mean something, clap's messages following
//! `--color` and `NO_COLOR`, `ccbnet show ID`, `ccbnet check --format json` against
//! docs/check-format.md, and completions that offer languages and ids.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use common::ccbnet;
use serde_json::Value;

fn fixture(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel).display().to_string()
}

/// The lines of the help section that starts with `heading:`.
fn section<'a>(help: &'a str, heading: &str) -> Vec<&'a str> {
    help.lines()
        .skip_while(|l| *l != format!("{heading}:"))
        .skip(1)
        .take_while(|l| l.is_empty() || l.starts_with(' '))
        .collect()
}

// --- Help ---------------------------------------------------------------------------------

#[test]
fn help_ends_with_examples_and_the_keys() {
    for flag in ["-h", "--help"] {
        let (out, _, code) = ccbnet(&[flag]);
        assert_eq!(code, 0);
        assert!(out.trim_end().ends_with("In the explorer, press ? for the keys."), "{out}");
        let examples = section(&out, "Examples");
        assert!(examples.iter().filter(|l| l.trim_start().starts_with("ccbnet ")).count() >= 3);
        assert!(examples.iter().any(|l| l.contains("ccbnet show ")), "{out}");
    }
}

#[test]
fn global_options_appear_once_under_their_own_heading() {
    for args in [&["--help"][..], &["export", "--help"], &["search", "--help"]] {
        let (out, _, _) = ccbnet(args);
        let global = section(&out, "Global options").join("\n");
        for opt in ["--data <FILE>", "--lang <CODE>"] {
            assert_eq!(out.matches(opt).count(), 1, "{args:?}: {opt} once: {out}");
            assert!(global.contains(opt), "{args:?}: {opt} under Global options: {out}");
        }
    }
}

#[test]
fn options_that_mean_nothing_for_a_command_are_not_offered_there() {
    for (sub, absent) in [
        ("man", &["--color", "--data", "--lang"][..]),
        ("completions", &["--color", "--data", "--lang"]),
        ("check", &["--color", "--lang"]),
        ("export", &["--color"]),
    ] {
        let (out, _, code) = ccbnet(&[sub, "--help"]);
        assert_eq!(code, 0);
        for opt in absent {
            assert!(!out.contains(opt), "`{sub} --help` offers {opt}: {out}");
        }
    }
    // What a command does use stays: check reads --data.
    let (out, _, _) = ccbnet(&["check", "--help"]);
    assert!(out.contains("--data <FILE>"), "{out}");
}

/// Runs ccbnet with extra environment variables; returns stderr and the status.
fn errors_with(args: &[&str], env: &[(&str, &str)]) -> (String, i32) {
    let out = common::command(args).envs(env.iter().copied()).output().expect("run ccbnet");
    (String::from_utf8(out.stderr).expect("UTF-8"), out.status.code().expect("a status"))
}

#[test]
fn clap_messages_follow_color_and_no_color() {
    let (plain, code) = errors_with(&["--bogus"], &[]);
    assert_eq!(code, 2);
    assert!(plain.contains("--bogus") && !plain.contains('\x1b'), "not a terminal: {plain:?}");
    let (coloured, _) = errors_with(&["--color", "always", "--bogus"], &[]);
    assert!(coloured.contains("\x1b["), "--color always: {coloured:?}");
    let (coloured, _) = errors_with(&["--color=always", "--bogus"], &[("NO_COLOR", "1")]);
    assert!(coloured.contains("\x1b["), "--color=always wins over NO_COLOR: {coloured:?}");
    let (plain, _) = errors_with(&["--color", "never", "--bogus"], &[("CLICOLOR_FORCE", "1")]);
    assert!(!plain.contains('\x1b'), "--color never: {plain:?}");
    let (plain, _) = errors_with(&["--bogus"], &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]);
    assert!(!plain.contains('\x1b'), "NO_COLOR: {plain:?}");
}

// --- show ---------------------------------------------------------------------------------

#[test]
fn show_prints_the_items_part_of_the_text_export() {
    for lang in ["fr", "nl", "de", "en"] {
        let (export, _, _) = ccbnet(&["export", "--lang", lang, "--width", "90"]);
        for id in ["enisa", "cyssap", "national-1", "cyber-europe"] {
            let (out, err, code) = ccbnet(&["show", id, "--lang", lang, "--width", "90"]);
            assert_eq!(code, 0, "{err}");
            assert!(out.lines().count() >= 2, "{id}: {out}");
            // All but the citation, the last paragraph.
            let (item, _) = out.rsplit_once("\n\n").expect("a citation");
            assert!(export.contains(item), "{lang} {id}: not a part of the export:\n{out}");
        }
    }
    // An entry comes without the entries below it.
    let (level, _, _) = ccbnet(&["show", "national-1", "--lang", "fr"]);
    let (child, _, _) = ccbnet(&["show", "cyssap", "--lang", "fr"]);
    let first = child.lines().next().expect("a title").trim();
    assert!(!level.contains(first), "{level}");
}

#[test]
fn show_gives_an_entry_and_an_organisation_the_same_shape() {
    for (lang, kind, org, cite) in
        [("fr", "Événement", "Organisation", "Source"), ("nl", "Evenement", "Organisatie", "Bron")]
    {
        let (as_of, _, _) = ccbnet(&["export", "--format", "json", "--lang", lang]);
        let as_of: Value = serde_json::from_str(&as_of).expect("JSON");
        let as_of = as_of["source"]["as_of"].as_str().expect("a date").to_owned();
        for (id, label, second) in
            [("qctr", kind, true), ("ncca-be", org, true), ("enisa", org, false)]
        {
            let (out, err, code) = ccbnet(&["show", id, "--lang", lang, "--width", "500"]);
            assert_eq!(code, 0, "{err}");
            let lines: Vec<&str> = out.lines().map(str::trim).collect();
            // The kind, the name; the path or what it is part of; a blank line; the body.
            let colon = if lang == "fr" { "\u{a0}:" } else { ":" };
            assert!(lines[0].starts_with(&format!("{label}{colon} ")), "{id}: {out}");
            assert_eq!(lines[1].is_empty(), !second, "{id}: {out}");
            assert!(lines[if second { 2 } else { 1 }].is_empty(), "{id}: {out}");
            // The citation last: the source and the date the content reflects.
            let last = lines.last().expect("a last line");
            assert!(last.starts_with(cite) && last.ends_with(&as_of), "{id}: {last}");
        }
    }
}

#[test]
fn show_of_an_unknown_id_suggests_the_nearest() {
    let (out, err, code) = ccbnet(&["show", "enisaa"]);
    assert_eq!((out.as_str(), code), ("", 1));
    assert_eq!(err, "ccbnet: nothing has the id \"enisaa\"; did you mean \"enisa\"?\n");
    let (_, err, code) = ccbnet(&["show", "\x1b[31mzzz"]);
    assert_eq!(code, 1);
    assert!(!err.contains('\x1b'), "the id is sanitized: {err:?}");
}

#[test]
fn ids_on_the_command_line_match_ignoring_case_in_show_and_meets() {
    let (exact, _, _) = ccbnet(&["show", "enisa", "--width", "80"]);
    let (upper, err, code) = ccbnet(&["show", "ENISA", "--width", "80"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(upper, exact);
    let (exact, _, _) = ccbnet(&["meets", "enisa"]);
    let (upper, err, code) = ccbnet(&["meets", "EniSa"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(upper, exact);
    // An entry's id in capitals is still an entry, for meets.
    let (_, err, code) = ccbnet(&["meets", "QCTR"]);
    assert_eq!(code, 1);
    assert!(err.starts_with("ccbnet: \"qctr\" is an entry, not an organisation;"), "{err}");
}

#[test]
fn the_manual_says_show_and_meets_exit_1_for_an_unknown_id() {
    let (man, _, code) = ccbnet(&["man"]);
    assert_eq!(code, 0);
    let status = man.split(".SH \"EXIT STATUS\"").nth(1).expect("an EXIT STATUS section");
    let status = status.split(".SH").next().expect("its text");
    assert!(status.contains("\\fBshow\\fR was given an id"), "{status}");
    assert!(status.contains("\\fBmeets\\fR was given an id"), "{status}");
}

#[test]
fn unknown_ids_get_the_same_message_in_show_and_meets() {
    let (_, show, code) = ccbnet(&["show", "ENISAA"]);
    assert_eq!(code, 1);
    assert_eq!(show, "ccbnet: nothing has the id \"ENISAA\"; did you mean \"enisa\"?\n");
    let (_, meets, code) = ccbnet(&["meets", "ENISAA"]);
    assert_eq!(code, 1);
    assert_eq!(meets, "ccbnet: no organisation has the id \"ENISAA\"; did you mean \"enisa\"?\n");
    // Without a near id, each says where the ids are, with the id quoted the same way.
    let (_, show, _) = ccbnet(&["show", "zzzz"]);
    let (_, meets, _) = ccbnet(&["meets", "zzzz"]);
    assert!(show.starts_with("ccbnet: nothing has the id \"zzzz\"; `ccbnet search"), "{show}");
    assert!(meets.starts_with("ccbnet: no organisation has the id \"zzzz\"; `ccbnet"), "{meets}");
}

// --- check --format json --------------------------------------------------------------------

/// The documented fields of each object of docs/check-format.md, with their types.
fn documented() -> HashMap<String, Vec<(String, String)>> {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/check-format.md"))
            .expect("docs/check-format.md");
    let mut shapes: HashMap<String, Vec<(String, String)>> = HashMap::new();
    let mut current = None;
    for line in doc.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            current = h.strip_prefix('`').and_then(|h| h.split('`').next()).map(str::to_owned);
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if let Some(name) = &current
            && cells.len() >= 4
            && cells[1].starts_with('`')
        {
            let field = cells[1].trim_matches('`').to_owned();
            shapes.entry(name.clone()).or_default().push((field, cells[2].to_owned()));
        }
    }
    shapes
}

fn conforms(shapes: &HashMap<String, Vec<(String, String)>>, v: &Value, ty: &str, at: &str) {
    if let Some(inner) = ty.strip_suffix(" or null") {
        if !v.is_null() {
            conforms(shapes, v, inner, at);
        }
        return;
    }
    if let Some(item) = ty.strip_prefix("list of ") {
        let item = if item == "strings" { "string" } else { item };
        for (i, x) in v.as_array().unwrap_or_else(|| panic!("{at}: not a list")).iter().enumerate()
        {
            conforms(shapes, x, item, &format!("{at}[{i}]"));
        }
        return;
    }
    match ty {
        "number" => assert!(v.is_u64(), "{at}: not a number: {v}"),
        "boolean" => assert!(v.is_boolean(), "{at}: not a boolean: {v}"),
        "string" => assert!(v.is_string(), "{at}: not a string: {v}"),
        t if t.starts_with('`') => {
            let name = t.trim_matches('`');
            let shape = shapes.get(name).unwrap_or_else(|| panic!("no documented `{name}`"));
            let obj = v.as_object().unwrap_or_else(|| panic!("{at}: not an object: {v}"));
            for key in obj.keys() {
                assert!(shape.iter().any(|(f, _)| f == key), "{at}: `{key}` is not documented");
            }
            for (field, ty) in shape {
                let value = obj.get(field).unwrap_or_else(|| panic!("{at}: `{field}` missing"));
                conforms(shapes, value, ty, &format!("{at}.{field}"));
            }
        }
        other => panic!("{at}: the documented type {other:?} is unknown to this test"),
    }
}

fn check_json(file: &str) -> (Value, i32) {
    let (out, err, code) = ccbnet(&["check", "--format", "json", file]);
    assert!(err.is_empty(), "{err}");
    assert!(out.ends_with("}\n"), "{out}");
    let doc: Value = serde_json::from_str(&out).expect("one JSON document");
    conforms(&documented(), &doc, "`Check`", "check");
    (doc, code)
}

#[test]
fn check_json_follows_its_documentation_and_the_text_output() {
    let shapes = documented();
    assert_eq!(shapes.len(), 4, "Check, Summary, Missing, Problem: {:?}", shapes.keys());

    let (doc, code) = check_json(&fixture("valid/minimal.ron"));
    assert_eq!(code, 0);
    assert_eq!((doc["valid"].as_bool(), doc["errors"].as_u64()), (Some(true), Some(0)));
    assert_eq!(doc["summary"]["entries"], 2);
    assert_eq!(doc["summary"]["languages"], serde_json::json!(["fr", "nl"]));

    let (doc, code) = check_json(&fixture("warnings/missing-language.ron"));
    assert_eq!((code, doc["valid"].as_bool()), (0, Some(true)));
    assert!(doc["warnings"].as_u64() > Some(0));
    // The texts a language lacks, counted per language and marked in each problem.
    assert_eq!(
        doc["summary"]["missing"],
        serde_json::json!([{"language": "fr", "texts": 0}, {"language": "nl", "texts": 1}])
    );
    assert_eq!(doc["problems"][0]["missing_language"], "nl");
    let (doc, _) = check_json(&fixture("valid/minimal.ron"));
    assert_eq!(doc["summary"]["missing"][1], serde_json::json!({"language": "nl", "texts": 0}));

    // Each problem at the place the text output gives it.
    for rel in ["invalid/syntax.ron", "invalid/dangling-related.ron", "invalid/duplicate-id.ron"] {
        let (doc, code) = check_json(&fixture(rel));
        assert_eq!(code, 1, "{rel}");
        assert_eq!(doc["valid"], false);
        assert_eq!(doc["summary"], Value::Null);
        let (text, _, _) = ccbnet(&["check", &fixture(rel)]);
        let problems = doc["problems"].as_array().expect("problems");
        assert_eq!(problems.len(), text.lines().count() - 1, "{rel}: {text}");
        for (p, line) in problems.iter().zip(text.lines()) {
            let place = format!(
                ":{}:{}: {}: ",
                p["line"],
                p["column"],
                p["severity"].as_str().unwrap_or("")
            );
            assert!(line.contains(&place), "{rel}: {line} has no {place}");
            assert!(line.contains(p["message"].as_str().unwrap_or("?")), "{line}");
        }
    }

    let (doc, code) = check_json("/nonexistent/networks.ron");
    assert_eq!((code, doc["readable"].as_bool()), (2, Some(false)));
    assert_eq!(doc["problems"][0]["line"], Value::Null);
}

// --- Completions --------------------------------------------------------------------------

/// What bash completes after `words` (the last one being the word under the cursor).
fn bash_completes(script: &str, words: &[&str]) -> Vec<String> {
    let line = words.join(" ");
    let program = format!(
        "{script}\nCOMP_WORDS=({line}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; \
         _ccbnet ccbnet \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words.len() - 1
    );
    let out = Command::new("bash").arg("-c").arg(program).output().expect("run bash");
    String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect()
}

#[test]
fn completions_offer_language_codes_and_ids() {
    let (bash, _, code) = ccbnet(&["completions", "bash"]);
    assert_eq!(code, 0);
    let mut langs = bash_completes(&bash, &["ccbnet", "--lang", "''"]);
    langs.sort();
    assert_eq!(langs, ["all", "de", "en", "fr", "nl"]);
    assert_eq!(bash_completes(&bash, &["ccbnet", "export", "--lang", "n"]), ["nl"]);
    let ids = bash_completes(&bash, &["ccbnet", "show", "eni"]);
    assert!(ids.contains(&"enisa".to_owned()), "{ids:?}");
    assert!(ids.iter().all(|i| i.starts_with("eni")), "{ids:?}");

    let (zsh, _, _) = ccbnet(&["completions", "zsh"]);
    assert!(zsh.contains(":CODE:(fr nl de en all)"), "zsh --lang");
    assert!(zsh.contains("(national-1 ") && zsh.contains(" enisa "), "zsh show ids");

    let (fish, _, _) = ccbnet(&["completions", "fish"]);
    let lang = fish
        .lines()
        .find(|l| l.contains("needs_command") && l.contains("-l lang"))
        .expect("fish --lang");
    assert!(lang.contains("-f -a \"fr") && lang.contains("nl") && !lang.contains(" -F"), "{lang}");
    let show =
        fish.lines().find(|l| l.contains("using_subcommand show\" -f -a")).expect("fish show ids");
    assert!(show.contains(" enisa "), "{show}");
    // Options a command has no use for are not offered there.
    assert!(!fish.lines().any(|l| l.contains("using_subcommand man") && l.contains("-l lang")));
    assert!(!fish.lines().any(|l| l.contains("using_subcommand check") && l.contains("-l lang")));
}
