//! ccbnet in scripts and pipes: `ccbnet search` (its lines, its ranking, which is the explorer's,
//! its exit status, like grep's), the one-line error of `ccbnet` without a terminal, shell
//! completions and the manual page.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

mod common;
use common::ccbnet;

/// The `(id, path, name)` of each line of `ccbnet search` output.
fn rows(out: &str) -> Vec<(&str, &str, &str)> {
    out.lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "not id<TAB>path<TAB>name: {l:?}");
            (f[0], f[1], f[2])
        })
        .collect()
}

#[test]
fn search_prints_id_path_and_name_best_first_and_exits_0() {
    let (out, err, code) = ccbnet(&["search", "cybercrime"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert_eq!(
        rows(&out)[0],
        ("ren-cybercrime", "Réseaux nationaux (1) > REN", "Réseau d'expertise Cybercriminalité")
    );
    let (out, _, code) = ccbnet(&["search", "--lang", "nl", "cybercrime"]);
    assert_eq!(code, 0);
    assert_eq!(
        rows(&out)[0],
        ("ren-cybercrime", "Nationale netwerken (1) > REN", "Expertisenetwerk Cybercrime")
    );
}

#[test]
fn search_without_a_match_exits_1_and_prints_nothing() {
    assert_eq!(ccbnet(&["search", "zzzz"]), (String::new(), String::new(), 1));
    let (out, _, code) = ccbnet(&["search", "--json", "zzzz"]);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["results"], serde_json::json!([]));
    assert_eq!(doc["query"], "zzzz");
}

#[test]
fn search_json_has_the_same_results_in_the_same_order() {
    let (lines, _, _) = ccbnet(&["search", "--lang", "nl", "securite"]);
    let (json, _, code) = ccbnet(&["search", "--lang", "nl", "--json", "securite"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let ids: Vec<&str> = doc["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["id"].as_str().expect("an id"))
        .collect();
    assert_eq!(ids, rows(&lines).iter().map(|r| r.0).collect::<Vec<_>>());
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["lang"], "nl");
}

#[test]
fn search_matches_and_ranks_as_the_explorer_does() {
    let catalog = ccbnet::data::load_embedded().expect("the shipped data").catalog;
    let index = ccbnet::search::Index::new(&catalog);
    for (query, lang) in [
        ("securite", "fr"),
        ("SÉCURITÉ", "nl"),
        ("cyberc", "fr"),
        ("anvers", "nl"),
        ("otan", "nl"),
        ("réseau cyber", "fr"),
        ("gfce", "fr"),
    ] {
        let words: Vec<&str> = query.split(' ').collect();
        let mut args = vec!["search", "--lang", lang];
        args.extend(&words);
        let (out, _, code) = ccbnet(&args);
        let expected: Vec<&str> = index
            .search(query, lang, None)
            .into_iter()
            .filter(|h| h.node < catalog.nodes.len())
            .map(|h| catalog.nodes[h.node].id.as_str())
            .collect();
        let got: Vec<&str> = rows(&out).iter().map(|r| r.0).collect();
        assert_eq!(got, expected, "ccbnet search --lang {lang} {query}");
        assert_eq!(code, i32::from(expected.is_empty()), "{query}");
    }
}

#[test]
fn search_needs_words() {
    let (out, err, code) = ccbnet(&["search", "  "]);
    assert_eq!((out.as_str(), code), ("", 2));
    assert!(err.starts_with("ccbnet: "), "{err}");
    let (_, _, code) = ccbnet(&["search"]);
    assert_eq!(code, 2, "clap's usage error");
}

#[test]
fn without_a_terminal_the_explorer_points_to_export() {
    let (out, err, code) = ccbnet(&[]);
    assert_eq!(code, 2);
    assert_eq!(out, "", "nothing may go to a pipe or a file");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("ccbnet export"), "{err}");
}

/// `ccbnet | cat` typed in a terminal: standard input is the terminal, standard output a pipe.
#[test]
fn ccbnet_piped_to_cat_exits_2_with_one_line_and_writes_nothing() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let tag = format!("pipe-{}", std::process::id());
    let (out_file, err_file, code_file) = (
        dir.join(format!("{tag}.out")),
        dir.join(format!("{tag}.err")),
        dir.join(format!("{tag}.code")),
    );
    let pty = native_pty_system()
        .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new("/bin/sh");
    common::isolate_pty(&mut cmd);
    cmd.arg("-c");
    cmd.arg(r#"{ "$0" 2>"$2"; echo $? >"$3"; } | cat >"$1""#);
    cmd.arg(common::bin());
    for f in [&out_file, &err_file, &code_file] {
        cmd.arg(f);
    }
    cmd.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(cmd).expect("spawn sh in the pty");
    drop(pty.slave);
    let status = child.wait().expect("wait for sh");
    assert!(status.success(), "{status:?}");
    let read = |p: &std::path::Path| std::fs::read_to_string(p).expect("an output file");
    assert_eq!(read(&code_file).trim(), "2");
    assert_eq!(read(&out_file), "");
    let err = read(&err_file);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("standard output is not a terminal"), "{err}");
    assert!(err.contains("ccbnet export"), "{err}");
    for f in [&out_file, &err_file, &code_file] {
        let _ = std::fs::remove_file(f);
    }
}

#[test]
fn completions_for_bash_zsh_and_fish() {
    for shell in ["bash", "zsh", "fish"] {
        let (out, err, code) = ccbnet(&["completions", shell]);
        assert_eq!(code, 0, "{err}");
        for word in ["ccbnet", "export", "search", "format", "markdown", "color"] {
            assert!(out.contains(word), "{shell} completions lack {word}");
        }
    }
    let (_, _, code) = ccbnet(&["completions", "tcsh"]);
    assert_eq!(code, 2);
}

#[test]
fn bash_loads_the_completions_and_completes_the_formats() {
    if !std::path::Path::new("/bin/bash").exists() {
        return;
    }
    let script = r#"source <("$0" completions bash) || exit 3
        COMP_WORDS=(ccbnet export --format ""); COMP_CWORD=3
        _ccbnet ccbnet "" --format; echo "${COMPREPLY[@]}""#;
    let out =
        common::cmd("/bin/bash").args(["-c", script, common::bin()]).output().expect("run bash");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "text markdown json dot mermaid");
}

#[test]
fn manual_page_in_roff_with_a_section_per_command() {
    let (out, err, code) = ccbnet(&["man"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(".TH ccbnet 1"), "{out}");
    for part in [
        ".SH \"CCBNET EXPORT\"",
        ".SH \"CCBNET SEARCH\"",
        ".SH \"CCBNET MEETS\"",
        ".SH \"CCBNET COMPLETIONS\"",
        "\\-\\-width",
        "NO_COLOR",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(out.contains(part), "the manual page lacks {part}");
    }
    assert!(!out.contains("ccbnet\\-export(1)"), "a reference to a page that does not exist");
    assert_eq!(out.matches(".ds Aq").count(), 2, "the preamble once");
}
