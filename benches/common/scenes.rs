//! The states the key benchmark starts from, one for each mode of the key table (tree, detail,
//! search line, help, map, filter, organisations, count, too small...), and the keystrokes
//! measured in each: every line of the key table that is live there, read from the table
//! itself, so a new key is measured without being named here. Shared by `benches/keys.rs` and
//! the test that checks every line of the table has a case (`tests/keys_bench.rs`).

#![allow(dead_code)]

use std::fmt::Write as _;

use ccbnet::action::Action;
use ccbnet::app::App;
use ccbnet::keymap::{self, BINDINGS, Binding, Key, Mode};
use ccbnet::map::state::MapAction;
use ccbnet::tree::Item;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A state to start keystrokes from: a name for the reports and the explorer in that state.
#[derive(Clone)]
pub struct Scene {
    /// What the state is, as the reports name it.
    pub name: &'static str,
    /// The explorer in that state.
    pub app: App,
}

/// One keystroke measured: a scene, and either a line of the key table or a typed character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Case {
    /// Which scene of [`scenes`] it starts from.
    pub scene: usize,
    /// The line of [`BINDINGS`] pressed, by its first key; `None` for a typed character.
    pub binding: Option<usize>,
    /// The character typed (in the search line) when `binding` is `None`.
    pub letter: char,
    /// The scene's name and the key, for the reports.
    pub label: &'static str,
}

impl std::fmt::Display for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label)
    }
}

impl Case {
    /// The key class: the table line's keys and action, or the typed letter.
    #[must_use]
    pub fn class(&self) -> String {
        match self.binding {
            Some(i) => class(&BINDINGS[i]),
            None => format!("a letter typed ({})", self.letter),
        }
    }
}

/// How a line of the table is named in the reports: its keys and its action.
#[must_use]
pub fn class(b: &Binding) -> String {
    let action = match &b.action {
        Action::Map(m) => format!("map {m:?}"),
        other => format!("{other:?}"),
    };
    format!("{} ({action})", keymap::keys_label(b))
}

/// The key press the table's `key` names.
#[must_use]
pub fn event(key: Key) -> KeyEvent {
    match key {
        Key::Char(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Key::Alt(code) => KeyEvent::new(code, KeyModifiers::ALT),
        Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
    }
}

/// What the case's key does in `app`, as the key handler decides it.
#[must_use]
pub fn action(case: &Case, app: &App) -> Action {
    match case.binding {
        Some(i) => keymap::action_for(event(BINDINGS[i].keys[0]), &app.mode())
            .unwrap_or_else(|| panic!("{case} does nothing")),
        None => Action::SearchChar(case.letter),
    }
}

fn press(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(a.clone());
    }
}

/// Moves down from the selection until `want` holds of the state (at most `limit` rows).
fn down_until(app: &mut App, limit: usize, want: impl Fn(&App) -> bool) {
    for _ in 0..limit {
        if want(app) {
            return;
        }
        app.update(Action::Down);
    }
}

/// A row some way down with links (so links, counts and history have something to act on).
fn on_links(base: &App, links: usize) -> App {
    let mut a = base.clone();
    press(&mut a, &[Action::Down, Action::Down, Action::Down]);
    down_until(&mut a, 400, |a| a.mode().links >= links);
    a
}

/// The organisation named by the most entries, selected in the organisations view.
fn orgs_on_hub(base: &App) -> App {
    let mut a = base.clone();
    a.update(Action::ToggleView);
    let c = a.catalog();
    if let Some(hub) = (0..c.orgs.len()).max_by_key(|&o| c.org_used_by[o].len()) {
        a.select_item(Item::Org(hub));
    }
    a
}

fn typing(base: &App, query: &str) -> App {
    let mut a = base.clone();
    a.update(Action::OpenSearch);
    for ch in query.chars() {
        a.update(Action::SearchChar(ch));
    }
    a
}

fn filter(base: &App, query: &str) -> App {
    let mut a = typing(base, query);
    a.update(Action::SearchAccept);
    a
}

/// A reload that failed: the banner, and `!` lists its problems.
fn with_problems(base: &App) -> App {
    let mut a = base.clone();
    let mut message = String::new();
    for i in 1..=11 {
        let _ = writeln!(message, "big.ron:{i}:5: error: unknown entry \"level-{i}\" in `links`");
    }
    a.reload(Err(message));
    a
}

/// The map of the organisation named most, a "+N" row's list opened: tries the rows and
/// columns of the map in turn until `Enter` opens a list.
fn map_with_list(base: &App) -> App {
    let mut start = orgs_on_hub(base);
    start.update(Action::OpenMap);
    for right in 0..3 {
        for down in 0..40 {
            let mut a = start.clone();
            press(&mut a, &vec![Action::Map(MapAction::Right); right]);
            press(&mut a, &vec![Action::Map(MapAction::Down); down]);
            a.update(Action::Map(MapAction::Enter));
            if a.map().is_some_and(|m| m.list.is_some()) {
                return a;
            }
        }
    }
    start
}

/// The states every key is measured from, on `base` (the explorer as it opens, its search
/// index built). Each one holds the mode that some lines of the key table need.
#[must_use]
pub fn scenes(base: &App) -> Vec<Scene> {
    let mut v = Vec::new();
    let mut add = |name: &'static str, app: App| v.push(Scene { name, app });

    // The tree, on a row that expands.
    let mut tree = base.clone();
    press(&mut tree, &vec![Action::Down; 20]);
    down_until(&mut tree, 400, |a| a.mode().expandable && !a.mode().expanded);
    add("tree", tree);

    // Every entry expanded, on the last top level: its subtree is the end of the rows.
    let mut all = base.clone();
    all.expand_all();
    if let Some(&last) = all.catalog().roots.last() {
        all.select_node(last);
    }
    add("tree, all expanded", all);

    // The detail pane focused, a link chosen.
    let mut detail = on_links(base, 3);
    detail.update(Action::FocusNext);
    if detail.link_focus().is_none() {
        detail.update(Action::Down);
    }
    add("detail, a link chosen", detail);

    // The detail pane focused on an entry without links: the keys scroll.
    let mut plain = base.clone();
    press(&mut plain, &vec![Action::Down; 5]);
    down_until(&mut plain, 400, |a| a.mode().links == 0 && a.detail_len() > 10);
    plain.update(Action::FocusNext);
    add("detail, no links", plain);

    // A count typed that names a link (`2`), and one that names none (`99`).
    let mut count = on_links(base, 3);
    count.update(Action::Digit(2));
    add("count (2)", count);
    let mut count = on_links(base, 3);
    press(&mut count, &[Action::Digit(9), Action::Digit(9)]);
    add("count (99)", count);

    // History both ways: two links followed, one step back.
    let mut hist = on_links(base, 1);
    press(&mut hist, &[Action::FollowLink(0), Action::FollowLink(0), Action::Back]);
    add("history (back and forward)", hist);

    // The search line: empty, one letter, two, a second word.
    add("search line, empty", typing(base, ""));
    add("search line, \"s\"", typing(base, "s"));
    add("search line, \"se\"", typing(base, "se"));
    add("search line, \"reseau \"", typing(base, "reseau "));

    // A search kept as a filter, nearly every entry a result.
    add("filter \"s\" kept", filter(base, "s"));
    add("filter \"se\" kept", filter(base, "se"));

    // The organisations view, on the one named most (expanding it adds a row per entry).
    add("organisations", orgs_on_hub(base));

    // The overlays.
    let mut help = base.clone();
    help.update(Action::ToggleHelp);
    add("help", help);
    let mut source = base.clone();
    source.update(Action::ShowSource);
    add("source", source);
    let problems = with_problems(base);
    add("tree, data file with problems", problems.clone());
    let mut list = problems;
    list.update(Action::ShowProblems);
    add("list of problems", list);

    // The map: of an entry with links; with its history both ways; a "+N" row's list open.
    let mut map = on_links(base, 3);
    map.update(Action::OpenMap);
    add("map", map.clone());
    press(
        &mut map,
        &[
            Action::Map(MapAction::Enter),
            Action::Map(MapAction::Enter),
            Action::Map(MapAction::Back),
        ],
    );
    add("map, history (back and forward)", map);
    add("map, a \"+N\" list open", map_with_list(base));

    // Too small for the layout: only quitting and suspending act.
    let mut small = base.clone();
    small.update(Action::Resize(20, 6));
    add("too small (20x6)", small);
    v
}

/// The letter typed next in a search-line scene (the query's next letter), if it is one.
fn letter_for(scene: &Scene) -> Option<char> {
    let query = scene.app.search().filter(|s| s.typing())?.query();
    Some(match query {
        "" => 's',
        "s" => 'e',
        "se" => 'c',
        _ => 'v',
    })
}

/// Every keystroke measured: for each scene, each line of the key table live in its mode
/// (pressed by its first key), and in the search line a typed letter.
#[must_use]
pub fn cases(scenes: &[Scene]) -> Vec<Case> {
    let mut out = Vec::new();
    for (s, scene) in scenes.iter().enumerate() {
        let mode: Mode = scene.app.mode();
        for (i, b) in BINDINGS.iter().enumerate() {
            if b.live.holds(&mode) {
                let label = format!("{} · {}", scene.name, class(b));
                out.push(Case {
                    scene: s,
                    binding: Some(i),
                    letter: ' ',
                    label: Box::leak(label.into_boxed_str()),
                });
            }
        }
        if let Some(letter) = letter_for(scene) {
            let label = format!("{} · a letter typed ({letter})", scene.name);
            out.push(Case { scene: s, binding: None, letter, label: Box::leak(label.into()) });
        }
    }
    out
}
