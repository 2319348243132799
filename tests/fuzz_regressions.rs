//! Inputs the fuzzers under `fuzz/` found, replayed: each crashed, hung or blew up memory once.
//! The explorer ones are the fuzz input decoded (`cargo fuzz fmt explore FILE`) into the actions
//! it asked for; after each step the fuzzer's invariants are checked again.

use ccbnet::action::Action;
use ccbnet::app::App;
use ccbnet::data::{Catalog, load_embedded, load_str};
use ccbnet::tree::Item;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const EXPLORER: &str = include_str!("fixtures/valid/explorer.ron");
/// The fuzzer's smallest data set: one language, one entry, no organisation.
const LONE: &str = r#"Dataset(format: 1, languages: ["de"], title: "T", source: (note: "n", as_of: "a"),
    nodes: [Node(id: "solo", name: "Allein\u{1b}[2J")])"#;

fn catalog(src: &str) -> Catalog {
    load_str("fuzz", src).expect("the data set loads").catalog
}

/// What the `explore` fuzzer checks after every step.
#[track_caller]
fn check(app: &App) {
    assert!(
        app.cursor() < app.rows().len(),
        "cursor {} of {} rows",
        app.cursor(),
        app.rows().len()
    );
    if app.areas().is_some() {
        let h = app.tree_height();
        assert!(
            app.tree_offset() <= app.cursor() && app.cursor() < app.tree_offset() + h,
            "cursor {} offset {} height {h}",
            app.cursor(),
            app.tree_offset()
        );
    }
    let area = Rect::new(0, 0, app.size().0, app.size().1);
    let mut buf = Buffer::empty(area);
    ccbnet::ui::draw(app, area, &mut buf);
    for cell in &buf.content {
        assert!(!cell.symbol().chars().any(char::is_control), "{:?}", cell.symbol());
    }
}

#[track_caller]
fn replay(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    check(app);
    for a in actions {
        app.update(a);
        check(app);
    }
}

/// `explore`, crash-47b6eebc: `ToggleNode` of an item past the end of the catalog (one held
/// from before a reload) indexed the nodes with it. It is now ignored, as `Select` ignores one.
#[test]
fn toggle_node_of_an_item_that_does_not_exist_is_ignored() {
    let mut app = App::new(catalog(LONE), "de", (80, 24));
    replay(&mut app, [Action::ToggleNode(Item::Node(1))]);
    assert_eq!(app.selected(), Item::Node(0));

    let c = catalog(EXPLORER);
    let (nodes, orgs) = (c.nodes.len(), c.orgs.len());
    let mut app = App::new(c, "fr", (80, 24));
    let before = app.rows().to_vec();
    replay(
        &mut app,
        [
            Action::ToggleNode(Item::Node(nodes)),
            Action::ToggleView,
            Action::ToggleNode(Item::Org(orgs)),
            Action::ToggleNode(Item::Use(orgs, 0)),
            Action::ToggleView,
        ],
    );
    assert_eq!(app.rows(), before);

    // The case that makes it reachable: an item of a larger data set, after a reload.
    let mut app = App::new(load_embedded().expect("shipped data").catalog, "fr", (80, 24));
    let stale = *app.rows().last().expect("rows");
    app.reload(Ok(catalog(LONE)));
    replay(&mut app, [Action::ToggleNode(stale), Action::Select(stale)]);
}

/// `explore`, crash-c642c015: a data file that failed to load again showed its banner, which
/// takes a line from the tree pane, without scrolling the tree: the selection, on the last row
/// of the pane, was left just below it.
#[test]
fn the_reload_banner_keeps_the_selection_on_screen() {
    let mut app = App::new(load_embedded().expect("shipped data").catalog, "nl", (80, 24));
    replay(&mut app, [Action::SetLanguage("fr".into()), Action::PageDown]);
    assert_eq!(app.cursor() + 1, app.tree_offset() + app.tree_height(), "on the last row shown");
    app.reload(Err(String::new()));
    check(&app);
    app.reload(Err("fuzz:1:1: error: expected `Dataset`".into()));
    check(&app);
}
