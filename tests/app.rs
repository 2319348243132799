//! The explorer's state machine, without a terminal: keys in, selection, expansion, focus and
//! scroll out. Tables in the manner of jless's movement tests.

use std::path::Path;

use ccbnet::action::Action::{self, *};
use ccbnet::app::{App, Focus};
use ccbnet::data::load_path;
use ccbnet::tree::Item;

fn app(size: (u16, u16)) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/explorer.ron");
    let loaded = load_path(&path).expect("fixture loads");
    App::new(loaded.catalog, "fr", size)
}

fn item_id(app: &App, item: Item) -> &str {
    match item {
        Item::Node(n) | Item::Use(_, n) => &app.catalog.nodes[n].id,
        Item::Org(o) => &app.catalog.orgs[o].id,
    }
}

fn selected_id(app: &App) -> &str {
    item_id(app, app.selected())
}

fn row_ids(app: &App) -> Vec<&str> {
    app.rows.iter().map(|&i| item_id(app, i)).collect()
}

/// Applies each action in turn and checks the selected id after it.
#[track_caller]
fn assert_moves(app: &mut App, steps: &[(Action, &str)]) {
    for (i, (action, want)) in steps.iter().enumerate() {
        app.update(action.clone());
        assert_eq!(selected_id(app), *want, "after step {i} ({action:?})");
    }
}

#[test]
fn starts_with_every_level_expanded_and_the_first_row_selected() {
    let app = app((120, 40));
    assert_eq!(row_ids(&app), ["alpha", "a1", "a2", "beta", "b1", "b2", "gamma"]);
    assert_eq!(selected_id(&app), "alpha");
    assert_eq!(app.focus, Focus::Tree);
    assert_eq!(app.lang, "fr");
}

#[test]
fn up_down_first_last_stop_at_the_ends() {
    let mut app = app((120, 40));
    assert_moves(
        &mut app,
        &[
            (Up, "alpha"),
            (Down, "a1"),
            (Down, "a2"),
            (Last, "gamma"),
            (Down, "gamma"),
            (Up, "b2"),
            (First, "alpha"),
        ],
    );
}

#[test]
fn right_expands_then_enters_left_collapses_then_climbs() {
    let mut app = app((120, 40));
    assert_moves(
        &mut app,
        &[
            (Down, "a1"),
            (Expand, "a1"),
            (Expand, "a1x"),
            (Expand, "a1x"), // a leaf: nothing to do
            (Collapse, "a1"),
            (Collapse, "a1"), // now collapsed
            (Collapse, "alpha"),
            (Collapse, "alpha"),
            (Collapse, "alpha"), // a collapsed top node stays
        ],
    );
    assert_eq!(row_ids(&app), ["alpha", "beta", "b1", "b2", "gamma"]);
}

#[test]
fn enter_and_space_toggle() {
    let mut app = app((120, 40));
    app.update(Down);
    app.update(Toggle);
    assert_eq!(row_ids(&app), ["alpha", "a1", "a1x", "a1y", "a2", "beta", "b1", "b2", "gamma"]);
    app.update(Toggle);
    assert_eq!(row_ids(&app).len(), 7);
    app.update(Toggle);
    app.update(Down);
    app.update(Down);
    assert_eq!(selected_id(&app), "a1y");
    // Collapsing the top level from below keeps a visible selection.
    app.update(Action::ToggleNode(Item::Node(0)));
    assert_eq!(selected_id(&app), "alpha");
    assert_eq!(row_ids(&app), ["alpha", "beta", "b1", "b2", "gamma"]);
}

#[test]
fn page_keys_move_by_the_pane_height() {
    // 40x12: stacked; the tree pane has 45% of 10 rows = 4 rows, 2 inside the border.
    let mut app = app((40, 12));
    let h = app.tree_height();
    assert!(h >= 1);
    app.update(PageDown);
    assert_eq!(app.cursor, (h - 1).max(1));
    app.update(PageUp);
    assert_eq!(app.cursor, 0);
}

#[test]
fn the_selection_stays_in_view() {
    let mut app = app((40, 12));
    let h = app.tree_height();
    for _ in 0..10 {
        app.update(Down);
        assert!(app.cursor >= app.tree_offset && app.cursor < app.tree_offset + h);
    }
    app.update(First);
    assert_eq!(app.tree_offset, 0);
}

#[test]
fn tab_moves_focus_and_keys_then_scroll_the_detail() {
    // A tiny detail pane so that the source note alone overflows it.
    let mut app = app((40, 12));
    app.update(Down); // a1, with summary, facts and organisations
    app.update(FocusNext);
    assert_eq!(app.focus, Focus::Detail);
    let len = app.detail_len();
    assert!(len > 4, "the detail must overflow for this test: {len} lines");
    app.update(Down);
    assert_eq!(app.detail_scroll, 1);
    assert_eq!(selected_id(&app), "a1", "the selection does not move");
    app.update(Last);
    let max = app.detail_scroll;
    assert!(max > 1);
    app.update(Down);
    assert_eq!(app.detail_scroll, max, "no scrolling past the end");
    app.update(PageUp);
    app.update(First);
    assert_eq!(app.detail_scroll, 0);
    app.update(FocusNext);
    assert_eq!(app.focus, Focus::Tree);
    app.update(Down);
    assert_eq!(selected_id(&app), "a2");
}

#[test]
fn a_new_selection_starts_its_detail_at_the_top() {
    let mut app = app((40, 12));
    app.update(Down);
    app.update(FocusNext);
    app.update(Down);
    app.update(Down);
    assert!(app.detail_scroll > 0);
    app.update(FocusNext);
    app.update(Down);
    assert_eq!(app.detail_scroll, 0);
}

#[test]
fn language_switch_keeps_selection_expansion_and_scroll() {
    let mut app = app((40, 12));
    app.update(Down);
    app.update(Expand);
    app.update(FocusNext);
    app.update(Down);
    let (rows, cursor, scroll) = (app.rows.clone(), app.cursor, app.detail_scroll);
    app.update(NextLanguage);
    assert_eq!(app.lang, "nl");
    assert_eq!((app.rows.clone(), app.cursor, app.detail_scroll), (rows, cursor, scroll));
    assert_eq!(app.focus, Focus::Detail);
    app.update(NextLanguage);
    assert_eq!(app.lang, "fr", "the switch wraps around");
    app.update(SetLanguage("nl".into()));
    assert_eq!(app.lang, "nl");
    app.update(SetLanguage("de".into()));
    assert_eq!(app.lang, "nl", "an unknown language is ignored");
}

#[test]
fn help_opens_closes_and_blocks_movement() {
    let mut app = app((120, 40));
    app.update(ToggleHelp);
    assert!(app.help);
    app.update(Down);
    assert_eq!(selected_id(&app), "alpha", "keys under the help do not move the tree");
    app.update(NextLanguage);
    assert_eq!(app.lang, "nl", "the help follows the language");
    app.update(Close);
    assert!(!app.help);
    app.update(ToggleHelp);
    app.update(ToggleHelp);
    assert!(!app.help);
    app.update(Quit);
    assert!(app.quit);
}

#[test]
fn clicks_select_and_toggle_nodes() {
    let mut app = app((120, 40));
    let a1 = app.catalog.node_by_id("a1").unwrap();
    let a1y = app.catalog.node_by_id("a1y").unwrap();
    app.update(Select(Item::Node(a1y)));
    assert_eq!(selected_id(&app), "a1y", "selecting a hidden node reveals it");
    assert!(app.expansion.nodes[a1]);
    app.update(ToggleNode(Item::Node(a1)));
    assert_eq!(selected_id(&app), "a1", "collapsing over the selection selects the collapsed node");
    app.update(ScrollTree(3));
    assert_eq!(app.tree_offset, 0, "nothing to scroll when every row fits");
}

#[test]
fn wheel_scrolls_the_tree_and_the_selection_follows() {
    let mut app = app((40, 12));
    let h = app.tree_height();
    app.update(ScrollTree(3));
    assert_eq!(app.tree_offset, 3.min(app.rows.len() - h));
    assert!(app.cursor >= app.tree_offset);
    app.update(ScrollTree(-10));
    assert_eq!(app.tree_offset, 0);
}

#[test]
fn resizing_keeps_the_selection_in_view() {
    let mut app = app((120, 40));
    app.update(Last);
    app.update(Resize(30, 8));
    let h = app.tree_height();
    assert!(app.cursor >= app.tree_offset && app.cursor < app.tree_offset + h);
    app.update(Resize(1, 1));
    app.update(Down);
    app.update(Resize(120, 40));
    assert_eq!(selected_id(&app), "gamma");
}
