//! Any number of languages: data sets with one and with five, the language switch (`L`, `3L`,
//! a click in the header), the locale and `--lang` read by the real binary, German folding in
//! the search, `check`'s count of missing texts per language, and exports in each language.

mod common;

use std::path::Path;

use ccbnet::action::Action;
use ccbnet::app::App;
use ccbnet::data::{Catalog, load_path};
use ccbnet::layout::{areas, date_reserve, language_spots};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const FIVE: &str = "tests/fixtures/valid/five-languages.ron";
const ONE: &str = "tests/fixtures/valid/one-language.ron";

fn catalog(rel: &str) -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    load_path(&path).expect("fixture loads").catalog
}

fn screen(app: &App) -> String {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| ccbnet::ui::render(app, f)).expect("draw");
    terminal.backend().to_string()
}

fn header(app: &App) -> String {
    screen(app).lines().next().unwrap_or_default().to_owned()
}

#[test]
fn l_goes_round_five_languages_and_a_count_goes_straight_to_one() {
    let mut app = App::new(catalog(FIVE), "fr", (80, 24));
    let mut seen = vec![app.lang().to_owned()];
    for _ in 0..5 {
        app.update(Action::NextLanguage);
        seen.push(app.lang().to_owned());
    }
    assert_eq!(seen, ["fr", "nl", "de", "en", "it", "fr"]);
    app.update(Action::Digit(3));
    app.update(Action::NextLanguage);
    assert_eq!(app.lang(), "de", "3L: the third language of the header");
    app.update(Action::Digit(5));
    app.update(Action::NextLanguage);
    assert_eq!(app.lang(), "it");
    // A count past the last language is the plain next one.
    app.update(Action::Digit(9));
    app.update(Action::NextLanguage);
    assert_eq!(app.lang(), "fr");
}

#[test]
fn the_header_shows_every_language_at_80_columns_the_active_one_marked() {
    let mut app = App::new(catalog(FIVE), "de", (80, 24));
    let h = header(&app);
    assert!(h.contains(" FR   NL  [DE]  EN   IT "), "{h}");
    assert!(h.contains("Beispiel"), "the German title: {h}");
    app.update(Action::SetLanguage("it".into()));
    assert!(header(&app).contains(" DE   EN  [IT]"), "{}", header(&app));
    // Each label is a place to click: the fourth is English.
    let a = areas(Rect::new(0, 0, 80, 24), false, false).expect("layout");
    let reserve = date_reserve(&ccbnet::names::as_of(app.catalog(), app.lang()));
    let spots = language_spots(a.header, &app.catalog().languages, 4, reserve);
    assert_eq!(spots.len(), 5);
    assert_eq!(spots.iter().map(|(_, i)| *i).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
}

#[test]
fn a_one_language_data_set_works_the_same() {
    let mut app = App::new(catalog(ONE), "fr", (80, 24));
    assert_eq!(app.lang(), "de", "a language the data set has not: its first");
    app.update(Action::NextLanguage);
    assert_eq!(app.lang(), "de");
    app.update(Action::Digit(2));
    app.update(Action::NextLanguage);
    assert_eq!(app.lang(), "de");
    let s = screen(&app);
    assert!(s.lines().next().unwrap_or_default().contains("[DE]"), "{s}");
    assert!(s.contains("Netzwerke"), "the German interface: {s}");
    let (out, _, code) = common::ccbnet(&["--data", ONE, "export"]);
    assert_eq!(code, 0);
    assert!(out.contains("Übung: Cyber Europe"), "{out}");
    let (out, _, code) = common::ccbnet(&["check", ONE]);
    assert_eq!(code, 0);
    assert!(out.ends_with("0 errors, 0 warnings; texts missing: de 0\n"), "{out}");
}

/// `ccbnet ARGS` on the five-language fixture with these locale variables (and no others).
fn with_locale(vars: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = common::cmd(common::bin());
    cmd.args(["--data", FIVE]).args(args);
    for v in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(v);
    }
    cmd.envs(vars.iter().copied());
    let out = cmd.output().expect("run ccbnet");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn lang_of(vars: &[(&str, &str)], args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["search", "--json", "europe"]);
    let doc: serde_json::Value = serde_json::from_str(&with_locale(vars, &all)).expect("JSON");
    doc["lang"].as_str().expect("lang").to_owned()
}

#[test]
fn the_locale_and_lang_choose_the_language() {
    assert_eq!(lang_of(&[("LANG", "de_BE.UTF-8")], &[]), "de");
    assert_eq!(lang_of(&[("LANGUAGE", "en:fr"), ("LANG", "nl_BE.UTF-8")], &[]), "en");
    assert_eq!(lang_of(&[("LANGUAGE", "pt:it_IT")], &[]), "it");
    assert_eq!(lang_of(&[("LC_MESSAGES", "nl_BE.UTF-8")], &[]), "nl");
    assert_eq!(lang_of(&[("LANG", "ja_JP.UTF-8")], &[]), "fr", "silently the data set's first");
    assert_eq!(lang_of(&[], &[]), "fr");
    for (flag, want) in [("nl-BE", "nl"), ("FR", "fr"), ("de_BE", "de"), ("en-GB", "en")] {
        assert_eq!(lang_of(&[("LANG", "it_IT")], &["--lang", flag]), want, "--lang {flag}");
    }
    let (_, err, code) = common::ccbnet(&["--data", FIVE, "--lang", "pt-BR", "export"]);
    assert_eq!(code, 2);
    assert!(err.contains("has no language \"pt-BR\"; it has: fr, nl, de, en, it"), "{err}");
}

#[test]
fn the_locale_chooses_the_explorer_interface_too() {
    // The explorer needs a terminal; the export's labels come from the same table.
    let out = with_locale(&[("LANG", "de_BE.UTF-8")], &["export"]);
    assert!(out.contains("Übung: Cyber Europe") && out.contains("Häufigkeit: Alle zwei Jahre"));
    let out = with_locale(&[("LANGUAGE", "en:fr")], &["export"]);
    assert!(out.contains("Exercise: Cyber Europe") && out.contains("How often: Every two years"));
}

#[test]
fn german_folding_in_the_search() {
    // ß is ss, ä ö ü are a o u; "ue" is not taken for "ü" (see the README's search section).
    let found = |q: &str| {
        let (out, _, code) = common::ccbnet(&["--data", FIVE, "--lang", "en", "search", q]);
        (code == 0).then(|| {
            out.lines().map(|l| l.split('\t').next().unwrap_or("")).collect::<Vec<_>>().join(" ")
        })
    };
    assert_eq!(found("strasse").as_deref(), Some("cyber-europe"));
    assert_eq!(found("STRASSE").as_deref(), Some("cyber-europe"));
    assert_eq!(found("Straße").as_deref(), Some("cyber-europe"));
    assert_eq!(found("mullerstrasse").as_deref(), Some("cyber-europe"));
    assert_eq!(found("müllerstraße").as_deref(), Some("cyber-europe"));
    assert_eq!(found("uebung").as_deref(), None, "ue is not folded to ü");
    assert_eq!(found("ubung").as_deref(), Some("cyber-europe"));
    assert_eq!(ccbnet::search::fold("Größe Ärger Übung Straße"), "grosse arger ubung strasse");
}

#[test]
fn a_result_found_only_through_another_language_names_it() {
    let (out, _, code) =
        common::ccbnet(&["--data", FIVE, "--lang", "en", "search", "--json", "strasse"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["results"][0]["matched_in"], "de");
    let (out, _, _) =
        common::ccbnet(&["--data", FIVE, "--lang", "de", "search", "--json", "strasse"]);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["results"][0]["matched_in"], serde_json::Value::Null);
}

#[test]
fn check_counts_missing_texts_per_language_and_lists_them() {
    let (out, _, code) = common::ccbnet(&["check", FIVE]);
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "it: 2 texts missing");
    assert!(lines[1].starts_with("tests/fixtures/valid/five-languages.ron:27:21: "), "{out}");
    assert!(lines[1].contains("the summary has no \"it\" text"), "{out}");
    assert!(lines[2].starts_with("tests/fixtures/valid/five-languages.ron:28:21: "), "{out}");
    assert!(
        lines[3].ends_with("0 errors, 0 warnings; texts missing: fr 0, nl 0, de 0, en 0, it 2"),
        "{out}"
    );
}

#[test]
fn exports_in_every_language_and_all() {
    for (lang, word) in [("de", "Übung"), ("en", "Exercise"), ("it", "Exercise")] {
        for format in ["text", "markdown", "json", "dot", "mermaid"] {
            let (out, err, code) =
                common::ccbnet(&["--data", FIVE, "--lang", lang, "export", "-f", format]);
            assert_eq!(code, 0, "{lang} {format}: {err}");
            assert!(!out.is_empty());
            if format == "text" {
                assert!(out.contains(word), "{lang}: {out}");
            }
        }
    }
    let (out, _, code) = common::ccbnet(&["--data", FIVE, "--lang", "ALL", "export", "-f", "json"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["languages"], serde_json::json!(["fr", "nl", "de", "en", "it"]));
    assert_eq!(doc["title"]["it"], "Esempio");
}
