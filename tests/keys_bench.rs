//! The key benchmark covers the key table: every line of the table is measured in at least one
//! state, and each case presses the key the table names for it. Runs the benchmark's own list
//! of states and cases (`benches/common/scenes.rs`) on a small generated data set, without
//! timing anything.

#[path = "../benches/common/scenes.rs"]
mod scenes;
#[path = "../benches/common/synth.rs"]
mod synth;

use ccbnet::action::Action;
use ccbnet::app::App;
use ccbnet::keymap::{self, BINDINGS, Pane};

fn base() -> App {
    let loaded =
        ccbnet::data::load_str("bench", &synth::dataset(1_000, 7)).expect("generated data loads");
    let app = App::new(loaded.catalog, "fr", (200, 60));
    let _ = app.index();
    app
}

#[test]
fn every_line_of_the_key_table_has_a_benchmark_case() {
    let scenes = scenes::scenes(&base());
    let cases = scenes::cases(&scenes);
    let missing: Vec<String> = (0..BINDINGS.len())
        .filter(|&i| !cases.iter().any(|c| c.binding == Some(i)))
        .map(|i| scenes::class(&BINDINGS[i]))
        .collect();
    assert!(
        missing.is_empty(),
        "lines of the key table no state of benches/common/scenes.rs makes live: {missing:?}"
    );
}

#[test]
fn each_case_presses_what_the_table_says() {
    let scenes = scenes::scenes(&base());
    for case in scenes::cases(&scenes) {
        let app = &scenes[case.scene].app;
        let action = scenes::action(&case, app);
        match case.binding {
            Some(i) if BINDINGS[i].action == Action::Digit(0) => {
                assert!(matches!(action, Action::Digit(_)), "{case}");
            }
            Some(i) => assert_eq!(action, BINDINGS[i].action, "{case}"),
            None => assert_eq!(app.mode().pane, Pane::Typing, "{case}"),
        }
        if let Some(i) = case.binding {
            let key = BINDINGS[i].keys[0];
            let found = keymap::binding_for(key, &app.mode()).expect("live");
            let b = &BINDINGS[i];
            let same = found.keys == b.keys && found.action == b.action && found.live == b.live;
            assert!(same, "{case}: another line decides");
        }
    }
}

#[test]
fn the_states_are_the_modes_they_are_named_for() {
    let scenes = scenes::scenes(&base());
    let mode = |name: &str| {
        scenes.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("{name}")).app.mode()
    };
    assert_eq!(mode("tree").pane, Pane::Tree);
    assert!(mode("tree").expandable);
    assert_eq!(mode("detail, a link chosen").pane, Pane::Detail);
    assert!(mode("detail, a link chosen").link_focused);
    assert_eq!(mode("detail, no links").links, 0);
    assert_eq!(mode("count (2)").count, Some(2));
    let h = mode("history (back and forward)");
    assert!(h.back && h.forward);
    assert_eq!(mode("search line, \"se\"").pane, Pane::Typing);
    assert!(mode("filter \"s\" kept").filter && mode("filter \"s\" kept").results > 100);
    assert!(mode("organisations").orgs && mode("organisations").expandable);
    assert_eq!(mode("help").pane, Pane::Help);
    assert!(mode("tree, data file with problems").problems > 0);
    assert_eq!(mode("map").pane, Pane::Map);
    let m = mode("map, history (back and forward)");
    assert!(m.back && m.forward);
    assert!(mode("map, a \"+N\" list open").list);
    assert_eq!(mode("too small (20x6)").pane, Pane::TooSmall);
    let all = &scenes.iter().find(|s| s.name == "tree, all expanded").expect("all").app;
    assert_eq!(all.rows().len(), all.catalog().nodes.len());
}
