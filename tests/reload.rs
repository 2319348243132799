//! Live reload of the data file: what the person had is kept (selection by id, expanded
//! entries, language, view, search), a file that does not load keeps the last good data and
//! shows why, and the real binary reloads when the file changes on disk.

use std::path::Path;

use ccbnet::action::Action::*;
use ccbnet::app::App;
use ccbnet::data::{Catalog, load_str};
use ccbnet::tree::{Item, View};

const FIXTURE: &str = "tests/fixtures/valid/explorer.ron";

fn source() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)).expect("fixture")
}

fn catalog(src: &str) -> Catalog {
    load_str("test", src).expect("loads").catalog
}

fn selected_id(app: &App) -> String {
    match app.selected() {
        Item::Node(n) | Item::Use(_, n) => app.catalog.nodes[n].id.clone(),
        Item::Org(o) => app.catalog.orgs[o].id.clone(),
    }
}

#[test]
fn a_new_version_keeps_selection_expansion_language_and_search() {
    let src = source();
    let mut app = App::new(catalog(&src), "nl", (120, 40));
    let a1 = app.catalog.node_by_id("a1").unwrap();
    app.update(Select(Item::Node(a1)));
    app.update(Expand);
    app.update(Down); // a1x
    app.update(OpenSearch);
    for c in "sub".chars() {
        app.update(SearchChar(c));
    }
    assert_eq!(selected_id(&app), "a1x");
    // The new version adds an entry before everything, so every index moves by one.
    let edited = src.replacen(
        "    nodes: [\n",
        "    nodes: [\n        Node(id: \"zero\", name: {\"fr\": \"Zéro\", \"nl\": \"Nul\"}),\n",
        1,
    );
    app.reload(Ok(catalog(&edited)));
    assert_eq!(app.catalog.nodes.len(), 10);
    assert_eq!(selected_id(&app), "a1x", "the same entry, found by id");
    assert_eq!(app.lang, "nl");
    let s = app.search.as_ref().expect("the search is kept");
    assert_eq!(s.query, "sub");
    assert!(s.typing);
    assert!(!s.results.is_empty());
    app.update(SearchCancel);
    let a1 = app.catalog.node_by_id("a1").unwrap();
    assert!(app.expansion.nodes[a1], "expanded entries stay expanded");
    assert!(app.banner.is_none());
}

#[test]
fn a_version_that_does_not_load_keeps_the_last_good_data_and_says_why() {
    let src = source();
    let mut app = App::new(catalog(&src), "fr", (120, 40));
    app.update(Down);
    let before = (app.selected(), app.catalog.nodes.len());
    app.reload(Err("data.ron:5:5: error: Expected comma".into()));
    assert_eq!((app.selected(), app.catalog.nodes.len()), before);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| ccbnet::ui::render(&app, f)).unwrap();
    let screen = terminal.backend().to_string();
    assert!(screen.contains("Le fichier modifié ne se charge pas"), "{screen}");
    assert!(screen.contains("data.ron:5:5: error: Expected comma"), "{screen}");
    // The next good version takes the banner away.
    app.reload(Ok(catalog(&src)));
    assert!(app.banner.is_none());
}

#[test]
fn a_removed_selection_falls_back_and_the_view_is_kept() {
    let src = source();
    let mut app = App::new(catalog(&src), "fr", (120, 40));
    app.update(ToggleView);
    assert_eq!(app.view, View::Organisations);
    let without_b2 = src.replace(
        "                Node(id: \"b2\", name: \"日本語の名前と🦀絵文字がとても長い名前です\"),\n",
        "",
    );
    assert_ne!(without_b2, src, "the fixture has b2");
    app.reload(Ok(catalog(&without_b2)));
    assert_eq!(app.view, View::Organisations);
    assert_eq!(app.catalog.nodes.len(), 8);
    app.update(ToggleView);
    app.update(Last);
    assert_eq!(selected_id(&app), "gamma");
}

#[test]
fn the_chosen_language_comes_back_with_a_version_that_has_it() {
    let src = source();
    let mut app = App::new(catalog(&src), "fr", (120, 40));
    app.update(NextLanguage);
    assert_eq!(app.lang, "nl");
    let french_only = r#"Dataset(
        format: 1,
        languages: ["fr"],
        title: {"fr": "Exemple"},
        source: (note: {"fr": "Une note."}, as_of: {"fr": "novembre 2026"}),
        nodes: [Node(id: "a1", kind: Level, name: {"fr": "Niveau"})],
    )"#;
    app.reload(Ok(catalog(french_only)));
    assert_eq!(app.lang, "fr", "a version without Dutch shows French");
    app.reload(Ok(catalog(&src)));
    assert_eq!(app.lang, "nl", "the next version with Dutch shows Dutch again");
}
