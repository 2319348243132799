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
        Item::Node(n) | Item::Use(_, n) => app.catalog().nodes[n].id.clone(),
        Item::Org(o) => app.catalog().orgs[o].id.clone(),
    }
}

#[test]
fn a_new_version_keeps_selection_expansion_language_and_search() {
    let src = source();
    let mut app = App::new(catalog(&src), "nl", (120, 40));
    let a1 = app.catalog().node_by_id("a1").unwrap();
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
    assert_eq!(app.catalog().nodes.len(), 10);
    assert_eq!(selected_id(&app), "a1x", "the same entry, found by id");
    assert_eq!(app.lang(), "nl");
    let s = app.search().expect("the search is kept");
    assert_eq!(s.query(), "sub");
    assert!(s.typing());
    assert!(!s.results().is_empty());
    app.update(SearchCancel);
    let a1 = app.catalog().node_by_id("a1").unwrap();
    assert!(app.expansion().nodes[a1], "expanded entries stay expanded");
    assert!(app.banner().is_none());
}

#[test]
fn a_version_that_does_not_load_keeps_the_last_good_data_and_says_why() {
    let src = source();
    let mut app = App::new(catalog(&src), "fr", (120, 40));
    app.update(Down);
    let before = (app.selected(), app.catalog().nodes.len());
    app.reload(Err("data.ron:5:5: error: Expected comma".into()));
    assert_eq!((app.selected(), app.catalog().nodes.len()), before);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| ccbnet::ui::render(&app, f)).unwrap();
    let screen = terminal.backend().to_string();
    assert!(screen.contains("Le fichier modifié ne se charge pas"), "{screen}");
    assert!(screen.contains("data.ron:5:5: error: Expected comma"), "{screen}");
    // The next good version takes the banner away.
    app.reload(Ok(catalog(&src)));
    assert!(app.banner().is_none());
}

#[test]
fn a_removed_selection_falls_back_and_the_view_is_kept() {
    let src = source();
    let mut app = App::new(catalog(&src), "fr", (120, 40));
    app.update(ToggleView);
    assert_eq!(app.view(), View::Organisations);
    let without_b2 = src.replace(
        "                Node(id: \"b2\", name: \"日本語の名前と🦀絵文字がとても長い名前です\"),\n",
        "",
    );
    assert_ne!(without_b2, src, "the fixture has b2");
    app.reload(Ok(catalog(&without_b2)));
    assert_eq!(app.view(), View::Organisations);
    assert_eq!(app.catalog().nodes.len(), 8);
    app.update(ToggleView);
    app.update(Last);
    assert_eq!(selected_id(&app), "gamma");
}

#[test]
fn the_chosen_language_comes_back_with_a_version_that_has_it() {
    let src = source();
    let mut app = App::new(catalog(&src), "fr", (120, 40));
    app.update(NextLanguage);
    assert_eq!(app.lang(), "nl");
    let french_only = r#"Dataset(
        format: 1,
        languages: ["fr"],
        title: {"fr": "Exemple"},
        source: (note: {"fr": "Une note."}, as_of: {"fr": "novembre 2026"}),
        nodes: [Node(id: "a1", kind: Level, name: {"fr": "Niveau"})],
    )"#;
    app.reload(Ok(catalog(french_only)));
    assert_eq!(app.lang(), "fr", "a version without Dutch shows French");
    app.reload(Ok(catalog(&src)));
    assert_eq!(app.lang(), "nl", "the next version with Dutch shows Dutch again");
}

#[test]
fn the_banner_keeps_position_message_and_count_at_any_width() {
    let src = source();
    let mut app = App::new(catalog(&src), "fr", (120, 40));
    let path = "/home/someone/a/rather/long/folder/for/the/data/live.ron";
    let problems = format!(
        "{path}:3:1: warning: a first warning\n{path}:4:5: error: Expected comma\n{path}:9:2: error: another"
    );
    app.reload(Err(problems));
    for w in [120u16, 80, 60, 50, 45] {
        let banner = banner_at(&mut app, w);
        // However narrow: the file's name and the position, then the message.
        assert!(banner.contains("/live.ron:4:5: error: E"), "at {w}: {banner}");
        // A path is cut by whole folders: `…/data/live.ron`, never `…ta/live.ron`.
        if let Some(cut) = banner.find('…') {
            assert!(banner[cut + '…'.len_utf8()..].starts_with('/'), "at {w}: {banner}");
        }
        if w >= 60 {
            assert!(banner.contains(":4:5: error: Expected comma"), "at {w}: {banner}");
        }
        // The count reads the same at every width, and says what `!` lists.
        assert!(banner.contains("(!\u{a0}: 3\u{a0}problèmes)"), "at {w}, the count: {banner}");
        if w == 120 {
            assert!(banner.contains("ne se charge pas"), "{banner}");
        }
    }
}

/// The second line of the screen (the banner) at `w` columns.
fn banner_at(app: &mut App, w: u16) -> String {
    app.update(Resize(w, 30));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, 30)).unwrap();
    terminal.draw(|f| ccbnet::ui::render(app, f)).unwrap();
    let screen = terminal.backend().to_string();
    screen.lines().nth(1).expect("the banner line").to_owned()
}

#[test]
fn a_long_message_gives_way_before_the_place_of_the_problem() {
    // As a broken comma in a copy of the data set reads: a short path, a long message.
    let problems = "/tmp/copy.ron:461:34: error: Expected comma or closing bracket after \
                    the field `name` of this node, found an identifier instead";
    for (lang, count) in [("fr", "(!\u{a0}: 1\u{a0}problème)"), ("nl", "(!: 1 probleem)")] {
        let mut app = App::new(catalog(&source()), lang, (100, 30));
        app.reload(Err(problems.to_owned()));
        for w in [100u16, 80, 60] {
            let banner = banner_at(&mut app, w);
            assert!(banner.contains("copy.ron:461:34: error: Expected"), "{lang} {w}: {banner}");
            assert!(banner.contains(count), "{lang} at {w}, the count: {banner}");
        }
    }
}

fn draw(app: &App) -> String {
    let (w, h) = app.size();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ccbnet::ui::render(app, f)).unwrap();
    terminal.backend().to_string()
}

/// Three problems, the last with a message too long for any banner.
fn three_problems() -> String {
    let path = "/home/someone/data/live.ron";
    format!(
        "{path}:3:1: warning: a first warning\n{path}:4:5: error: Expected comma\n\
         {path}:9:2: error: a last message long enough to need more than one line of the list \
         at eighty columns, which the banner never shows whole"
    )
}

#[test]
fn the_problems_key_is_live_and_offered_only_while_there_are_problems() {
    use ccbnet::keymap::action_for;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let bang = KeyEvent::new(KeyCode::Char('!'), KeyModifiers::NONE);
    let footer_has_bang = |app: &App| {
        ccbnet::ui::footer_hints(app.lang(), 200, &app.mode()).iter().any(|(k, _)| k == "!")
    };
    let help_has_bang = |app: &App| {
        let beneath = app.mode_beneath();
        ccbnet::help::lines_for(app.lang(), usize::MAX, Some(&beneath))
            .iter()
            .any(|l| l.to_string().contains("tous les problèmes"))
    };
    let mut app = App::new(catalog(&source()), "fr", (80, 24));
    // (state, problems, `!` live, in the footer, in the help)
    let mut table = Vec::new();
    table.push((
        "loads",
        app.mode().problems,
        action_for(bang, &app.mode()),
        footer_has_bang(&app),
        help_has_bang(&app),
    ));
    app.reload(Err(three_problems()));
    table.push((
        "broken",
        app.mode().problems,
        action_for(bang, &app.mode()),
        footer_has_bang(&app),
        help_has_bang(&app),
    ));
    app.update(OpenSearch);
    table.push((
        "typing",
        app.mode().problems,
        action_for(bang, &app.mode()),
        footer_has_bang(&app),
        help_has_bang(&app),
    ));
    app.update(SearchCancel);
    app.reload(Ok(catalog(&source())));
    table.push((
        "loads again",
        app.mode().problems,
        action_for(bang, &app.mode()),
        footer_has_bang(&app),
        help_has_bang(&app),
    ));
    assert_eq!(
        table,
        vec![
            ("loads", 0, None, false, false),
            ("broken", 3, Some(ShowProblems), true, true),
            // In the search line `!` types itself.
            ("typing", 3, Some(SearchChar('!')), false, false),
            ("loads again", 0, None, false, false),
        ]
    );
}

#[test]
fn the_problems_list_shows_every_problem_in_full_scrolls_and_closes_like_the_help() {
    let mut app = App::new(catalog(&source()), "fr", (80, 24));
    app.update(ShowProblems);
    assert_eq!(app.overlay(), None, "nothing to show while the file loads");
    app.reload(Err(three_problems()));
    let banner = draw(&app);
    assert!(!banner.contains("which the banner never shows whole"), "{banner}");
    app.update(ShowProblems);
    assert_eq!(app.overlay(), Some(ccbnet::app::Overlay::Problems));
    assert_eq!(app.mode().pane, ccbnet::keymap::Pane::Help);
    let screen = draw(&app);
    let text: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.replace(" │ │ ", " ").replace("│", "");
    for p in three_problems().lines() {
        let words: Vec<&str> = p.split_whitespace().collect();
        let mut at = 0;
        for w in &words {
            let found =
                text[at..].find(w).unwrap_or_else(|| panic!("{w} of {p} missing:\n{screen}"));
            at += found + w.len();
        }
    }
    assert!(screen.contains("Problèmes du fichier de données (3)"), "{screen}");
    // Keys move nothing under it; q closes it and does not quit.
    let cursor = app.cursor();
    app.update(Down);
    assert_eq!(app.cursor(), cursor);
    // `q`, `Esc`, `?` and `F1` are ToggleHelp there (the key table); Esc after a search, Close.
    for close in [ToggleHelp, Close] {
        app.update(ShowProblems);
        app.update(close);
        assert_eq!(app.overlay(), None);
        assert!(!app.quit());
    }
    // At a small size it scrolls, as far as its lines go and no further.
    app.update(Resize(40, 8));
    app.update(ShowProblems);
    app.update(Last);
    let bottom = app.help_scroll();
    assert!(bottom > 0, "the list scrolls at 40x8");
    app.update(PageDown);
    assert_eq!(app.help_scroll(), bottom);
    app.update(First);
    assert_eq!(app.help_scroll(), 0);
    // A new broken version shows its problems; a good one closes the list with the banner.
    app.reload(Err("/x/live.ron:1:1: error: only one".into()));
    assert_eq!(app.problems(), 1);
    assert!(draw(&app).contains("only one"));
    app.reload(Ok(catalog(&source())));
    assert_eq!(app.overlay(), None);
    assert!(app.banner().is_none());
}

#[test]
fn problems_snapshots() {
    for lang in ["fr", "nl"] {
        let mut app = App::new(catalog(&source()), lang, (80, 24));
        app.reload(Err(three_problems()));
        insta::assert_snapshot!(format!("banner_{lang}_80x24"), draw(&app));
        app.update(ShowProblems);
        insta::assert_snapshot!(format!("problems_{lang}_80x24"), draw(&app));
    }
}

/// A data file of its own in a folder of its own.
fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ccbnet-reload-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("data.ron");
    std::fs::write(&file, text).expect("write");
    file
}

#[test]
fn a_reload_lets_the_old_data_go_only_once_the_new_file_is_checked() {
    let src = source();
    let good = temp_file("good", &src);
    let bad = temp_file("bad", &src.replace("format: 1,", "format: 1"));
    // A file with problems: never released, the error returned.
    let mut released = 0;
    assert!(ccbnet::data::reload_path(&bad, || released += 1).is_err());
    assert_eq!(released, 0, "the old data is kept for a file that does not load");
    // A good one: released once, before the catalog comes back.
    let loaded = ccbnet::data::reload_path(&good, || released += 1).expect("loads");
    assert_eq!(released, 1);
    assert_eq!(loaded.catalog.nodes.len(), catalog(&src).nodes.len());

    // Through the explorer: the old data is kept when the file does not load...
    let mut app = App::new(catalog(&src), "fr", (120, 40));
    app.update(Down);
    app.update(Down);
    let before = selected_id(&app);
    app.reload_with(|release| {
        ccbnet::data::reload_path(&bad, release).map(|l| l.catalog).map_err(|e| e.to_string())
    });
    assert!(app.banner().is_some_and(|b| b.contains("error")));
    assert_eq!(selected_id(&app), before);
    assert_eq!(app.catalog().nodes.len(), catalog(&src).nodes.len());
    // ...and taken from the new one when it does, the selection found again by id.
    app.reload_with(|release| {
        ccbnet::data::reload_path(&good, release).map(|l| l.catalog).map_err(|e| e.to_string())
    });
    assert!(app.banner().is_none());
    assert_eq!(selected_id(&app), before);
    for f in [good, bad] {
        std::fs::remove_dir_all(f.parent().expect("dir")).ok();
    }
}

#[test]
fn a_reload_that_fails_after_letting_go_shows_the_built_in_data_and_why() {
    // Cannot happen with the real reader (the same bytes are read twice); the explorer still
    // has data to show.
    let mut app = App::new(catalog(&source()), "fr", (120, 40));
    app.reload_with(|release| {
        release();
        Err("data.ron:1:1: error: read differently the second time".into())
    });
    assert!(app.banner().is_some_and(|b| b.contains("second time")));
    let embedded = ccbnet::data::load_embedded().expect("the shipped data").catalog;
    assert_eq!(app.catalog().nodes.len(), embedded.nodes.len());
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| ccbnet::ui::render(&app, f)).unwrap();
}
