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
        Item::Node(n) | Item::Use(_, n) => &app.catalog().nodes[n].id,
        Item::Org(o) => &app.catalog().orgs[o].id,
    }
}

fn selected_id(app: &App) -> &str {
    item_id(app, app.selected())
}

fn row_ids(app: &App) -> Vec<&str> {
    app.rows().iter().map(|&i| item_id(app, i)).collect()
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
    assert_eq!(app.focus(), Focus::Tree);
    assert_eq!(app.lang(), "fr");
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
    assert_eq!(app.cursor(), (h - 1).max(1));
    app.update(PageUp);
    assert_eq!(app.cursor(), 0);
}

#[test]
fn the_selection_stays_in_view() {
    let mut app = app((40, 12));
    let h = app.tree_height();
    for _ in 0..10 {
        app.update(Down);
        assert!(app.cursor() >= app.tree_offset() && app.cursor() < app.tree_offset() + h);
    }
    app.update(First);
    assert_eq!(app.tree_offset(), 0);
}

#[test]
fn tab_moves_focus_and_keys_then_scroll_the_detail() {
    // A tiny detail pane so that the source note alone overflows it.
    let mut app = app((40, 12));
    app.update(Down); // a1, with summary, facts and organisations
    app.update(FocusNext);
    assert_eq!(app.focus(), Focus::Detail);
    let len = app.detail_len();
    assert!(len > 4, "the detail must overflow for this test: {len} lines");
    app.update(Down);
    assert_eq!(app.detail_scroll(), 1);
    assert_eq!(selected_id(&app), "a1", "the selection does not move");
    app.update(Last);
    let max = app.detail_scroll();
    assert!(max > 1);
    app.update(Down);
    assert_eq!(app.detail_scroll(), max, "no scrolling past the end");
    app.update(PageUp);
    app.update(First);
    assert_eq!(app.detail_scroll(), 0);
    app.update(FocusNext);
    assert_eq!(app.focus(), Focus::Tree);
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
    assert!(app.detail_scroll() > 0);
    app.update(FocusNext);
    app.update(Down);
    assert_eq!(app.detail_scroll(), 0);
}

#[test]
fn language_switch_keeps_selection_expansion_and_scroll() {
    let mut app = app((40, 12));
    app.update(Down);
    app.update(Expand);
    app.update(FocusNext);
    app.update(Down);
    let (rows, cursor, scroll) = (app.rows().to_vec(), app.cursor(), app.detail_scroll());
    app.update(NextLanguage);
    assert_eq!(app.lang(), "nl");
    assert_eq!((app.rows().to_vec(), app.cursor(), app.detail_scroll()), (rows, cursor, scroll));
    assert_eq!(app.focus(), Focus::Detail);
    app.update(NextLanguage);
    assert_eq!(app.lang(), "fr", "the switch wraps around");
    app.update(SetLanguage("nl".into()));
    assert_eq!(app.lang(), "nl");
    app.update(SetLanguage("de".into()));
    assert_eq!(app.lang(), "nl", "an unknown language is ignored");
}

#[test]
fn help_opens_closes_and_blocks_movement() {
    let mut app = app((120, 40));
    app.update(ToggleHelp);
    assert!(app.help());
    app.update(Down);
    assert_eq!(selected_id(&app), "alpha", "keys under the help do not move the tree");
    app.update(NextLanguage);
    assert_eq!(app.lang(), "nl", "the help follows the language");
    app.update(Close);
    assert!(!app.help());
    app.update(ToggleHelp);
    app.update(ToggleHelp);
    assert!(!app.help());
    app.update(Quit);
    assert!(app.quit());
}

#[test]
fn clicks_select_and_toggle_nodes() {
    let mut app = app((120, 40));
    let a1 = app.catalog().node_by_id("a1").unwrap();
    let a1y = app.catalog().node_by_id("a1y").unwrap();
    app.update(Select(Item::Node(a1y)));
    assert_eq!(selected_id(&app), "a1y", "selecting a hidden node reveals it");
    assert!(app.expansion().nodes[a1]);
    app.update(ToggleNode(Item::Node(a1)));
    assert_eq!(selected_id(&app), "a1", "collapsing over the selection selects the collapsed node");
    app.update(ScrollTree(3));
    assert_eq!(app.tree_offset(), 0, "nothing to scroll when every row fits");
}

#[test]
fn wheel_scrolls_the_tree_and_the_selection_follows() {
    let mut app = app((40, 12));
    let h = app.tree_height();
    app.update(ScrollTree(3));
    assert_eq!(app.tree_offset(), 3.min(app.rows().len() - h));
    assert!(app.cursor() >= app.tree_offset());
    app.update(ScrollTree(-10));
    assert_eq!(app.tree_offset(), 0);
}

#[test]
fn resizing_keeps_the_selection_in_view() {
    let mut app = app((120, 40));
    app.update(Last);
    app.update(Resize(30, 8));
    let h = app.tree_height();
    assert!(app.cursor() >= app.tree_offset() && app.cursor() < app.tree_offset() + h);
    app.update(Resize(1, 1));
    app.update(Down);
    app.update(Resize(120, 40));
    assert_eq!(selected_id(&app), "gamma");
}

// ---- Keys through the key table, in the mode the state is in -------------------------------

use ccbnet::action::Effect;
use ccbnet::keymap::{Pane, action_for};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Presses each key of `keys` through the key table in the app's mode: a character, or a name
/// in angle brackets (`<Enter>`, `<Esc>`, `<C-d>`).
fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (code, mods, len) = if c == '<' {
            let end = rest.find('>').expect("closed");
            let name = &rest[1..end];
            let (code, mods) = match name {
                "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
                "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
                "End" => (KeyCode::End, KeyModifiers::NONE),
                "Home" => (KeyCode::Home, KeyModifiers::NONE),
                "Del" => (KeyCode::Delete, KeyModifiers::NONE),
                "BS" => (KeyCode::Backspace, KeyModifiers::NONE),
                "Left" => (KeyCode::Left, KeyModifiers::NONE),
                ctrl if ctrl.starts_with("C-") => {
                    (KeyCode::Char(ctrl.chars().nth(2).expect("a key")), KeyModifiers::CONTROL)
                }
                alt if alt.starts_with("A-") => {
                    (KeyCode::Char(alt.chars().nth(2).expect("a key")), KeyModifiers::ALT)
                }
                other => panic!("unknown key {other}"),
            };
            (code, mods, end + 1)
        } else {
            (KeyCode::Char(c), KeyModifiers::NONE, c.len_utf8())
        };
        rest = &rest[len..];
        let mode = app.mode();
        if let Some(a) = action_for(KeyEvent::new(code, mods), &mode) {
            app.update(a);
        }
    }
}

fn big(size: (u16, u16)) -> App {
    App::new(ccbnet::data::load_embedded().expect("shipped data").catalog, "fr", size)
}

#[test]
fn counts_move_as_in_vim() {
    // (keys, row of the selection after them), each from a fresh start.
    let table: &[(&str, usize)] = &[
        ("3j", 3),
        ("j", 1),
        ("10j", 10),
        ("12j5k", 7),
        ("10G", 9),
        ("1G", 0),
        ("G", 0),  // filled below: the last row
        ("0j", 1), // a 0 alone is no count
        ("99999999j", usize::MAX),
        ("3<Esc>j", 1), // Esc drops the count
        ("5jgg", 5),    // `g` with no count: the first row... (see below)
    ];
    for &(keys, want) in table {
        let mut app = big((120, 40));
        let last = app.rows().len() - 1;
        press(&mut app, keys);
        let want = match keys {
            "G" | "99999999j" => last,
            "5jgg" => 0,
            _ => want.min(last),
        };
        assert_eq!(app.cursor(), want, "after {keys}");
        assert_eq!(app.count(), None, "{keys}: the count is used up");
    }
}

#[test]
fn a_count_is_shown_in_the_footer_and_enter_follows_that_link() {
    let mut app = big((120, 40));
    let n = app.catalog().node_by_id("qctr").expect("qctr");
    app.update(Select(Item::Node(n)));
    let links = app.detail().links.clone();
    assert!(links.len() >= 2);
    press(&mut app, "2");
    assert_eq!(app.count(), Some(2));
    let s = screen(&app);
    let footer = s.lines().last().unwrap();
    assert!(footer.contains("compte 2") && footer.contains("Enter lien 2"), "{footer}");
    assert_eq!(app.cursor(), app.rows().iter().position(|&r| r == Item::Node(n)).unwrap());
    press(&mut app, "<Enter>");
    let want = match links[1].target {
        ccbnet::detail::Target::Node(t) => Item::Node(t),
        ccbnet::detail::Target::Org(o) => Item::Org(o),
    };
    assert_eq!(app.selected(), want, "two keys followed link 2");
    assert_eq!(app.back().len(), 1);
}

#[test]
fn half_pages_and_pages_in_the_tree_and_the_detail() {
    let mut app = big((120, 40));
    let h = app.tree_height();
    press(&mut app, "<C-d>");
    assert_eq!(app.cursor(), h / 2);
    press(&mut app, "<C-u>");
    assert_eq!(app.cursor(), 0);
    press(&mut app, "<C-f>");
    assert_eq!(app.cursor(), h - 1);
    press(&mut app, "<C-b>");
    assert_eq!(app.cursor(), 0);
    press(&mut app, "2<C-d>");
    assert_eq!(app.cursor(), (2 * (h / 2)).min(app.rows().len() - 1));
    // In the detail pane, the same keys scroll it.
    let n = app.catalog().node_by_id("qctr").expect("qctr");
    app.update(Select(Item::Node(n)));
    press(&mut app, "<Tab><C-d>");
    assert!(app.detail_scroll() > 0, "the detail scrolled");
    let at = app.detail_scroll();
    press(&mut app, "<C-u>");
    assert!(app.detail_scroll() < at);
    assert_eq!(app.selected(), Item::Node(n), "the tree did not move");
}

#[test]
fn in_the_help_q_and_esc_close_it_and_never_quit_and_the_paging_keys_scroll_it() {
    for close in ["q", "<Esc>", "?"] {
        let mut app = big((80, 24));
        press(&mut app, "?");
        assert_eq!(app.mode().pane, Pane::Help);
        press(&mut app, close);
        assert!(!app.help(), "{close} closes the help");
        assert!(!app.quit(), "{close} does not quit from the help");
    }
    let mut app = big((50, 15));
    press(&mut app, "?");
    let max = ccbnet::help::max_scroll(app.lang(), app.size());
    assert!(max > 0);
    let page = ccbnet::help::visible_lines(app.lang(), app.size());
    // (keys, scroll after them)
    let table: &[(&str, usize)] = &[
        ("<PgDn>", page - 1),
        ("<Home>", 0),
        ("<Space>", page - 1),
        ("g", 0),
        ("<C-d>", page / 2),
        ("<C-u>", 0),
        ("G", max),
        ("<End>", max),
        ("j", max),
        ("k", max - 1),
    ];
    for &(keys, want) in table {
        press(&mut app, keys);
        assert_eq!(app.help_scroll(), want.min(max), "after {keys}");
    }
    assert_eq!(app.cursor(), 0, "the tree did not move under the help");
}

#[test]
fn y_copies_the_entry_and_its_citation_and_shift_y_its_id() {
    let mut app = big((120, 40));
    let n = app.catalog().node_by_id("qctr").expect("qctr");
    app.update(Select(Item::Node(n)));
    press(&mut app, "y");
    let Some(Effect::Copy(text)) = app.take_effect() else { panic!("nothing to copy") };
    assert_eq!(app.take_effect(), None);
    let name = ccbnet::detail::node_title(app.catalog(), n, "fr").2;
    assert!(text.lines().next().unwrap().contains(&name), "{text}");
    let source = app.catalog().pick(&app.catalog().source_note, "fr").text.to_owned();
    let as_of = app.catalog().pick(&app.catalog().as_of, "fr").text.to_owned();
    let cite = text.lines().find(|l| l.starts_with("Source")).expect("a citation line");
    assert!(cite.contains(&source) && cite.contains(&as_of), "{cite}");
    assert!(text.contains("id: qctr"));
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
    let footer = screen(&app).lines().last().unwrap().to_owned();
    assert!(footer.contains("Copié"), "{footer}");
    press(&mut app, "j");
    assert!(!screen(&app).lines().last().unwrap().contains("Copié"), "the message goes");
    press(&mut app, "kY");
    assert_eq!(app.take_effect(), Some(Effect::Copy("qctr".into())));
}

#[test]
fn m_releases_the_mouse_and_takes_it_back() {
    let mut app = big((120, 40));
    press(&mut app, "m");
    assert_eq!(app.take_effect(), Some(Effect::MouseCapture(false)));
    assert!(!app.mouse());
    press(&mut app, "m");
    assert_eq!(app.take_effect(), Some(Effect::MouseCapture(true)));
}

fn screen(app: &App) -> String {
    let (w, h) = app.size();
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| ccbnet::ui::render(app, f)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn footer(app: &App) -> String {
    screen(app).lines().last().expect("a footer").to_owned()
}

#[test]
fn the_footer_follows_the_mode() {
    let mut app = big((120, 40));
    // The first row: a level, expanded, with no links.
    assert!(app.detail().links.is_empty());
    let f = footer(&app);
    assert!(f.contains("Enter replier"), "Enter says what it does: {f}");
    assert!(!f.contains("lien"), "no link to follow: {f}");
    assert!(!f.contains("retour"), "no history: {f}");
    assert!(!f.contains("Esc"), "nothing to close: {f}");
    assert!(f.contains("o organisations"), "{f}");
    // The organisations view says how to go back.
    press(&mut app, "o");
    let f = footer(&app);
    assert!(f.contains("o niveaux") && !f.contains("o organisations"), "{f}");
    press(&mut app, "o");
    // The detail focused on an entry with links: Enter follows the one chosen.
    let n = app.catalog().node_by_id("qctr").expect("qctr");
    app.update(Select(Item::Node(n)));
    press(&mut app, "<Tab>");
    assert!(!footer(&app).contains("Enter suivre"), "no link chosen yet");
    // The footer names the numbers there are (QCTR has more than one link, fewer than ten).
    let links = app.mode().links;
    assert!(links > 1 && links < 10, "{links}");
    let hint = format!("1…{links} Enter lien");
    assert!(footer(&app).contains(&hint), "but links to follow by number: {}", footer(&app));
    press(&mut app, "j");
    while app.link_focus().is_none() {
        press(&mut app, "j");
    }
    let f = footer(&app);
    assert!(f.contains("Enter suivre le lien"), "{f}");
    press(&mut app, "<Enter>");
    assert!(footer(&app).contains("Backspace retour"), "now there is history");
    // A search kept: n, N and Esc.
    press(&mut app, "/cert<Enter>");
    let f = footer(&app);
    assert!(f.contains("n suivant") && f.contains("Esc effacer"), "{f}");
    // Typing: the search line's keys only.
    press(&mut app, "/");
    let f = footer(&app);
    assert!(f.contains("Enter valider") && !f.contains("q quitter"), "{f}");
}

#[test]
fn at_80x24_tab_and_o_stay_in_the_footer() {
    for lang in ["fr", "nl"] {
        let mut app = big((80, 24));
        app.update(NextLanguage);
        if app.lang() != lang {
            app.update(NextLanguage);
        }
        let f = footer(&app);
        assert!(f.contains("Tab") && f.contains(" o "), "{lang}: {f}");
    }
}

/// The style of the first cell of the first screen line that contains `text`.
fn style_of(app: &App, text: &str) -> ratatui::style::Style {
    let (w, h) = app.size();
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("term");
    t.draw(|f| ccbnet::ui::render(app, f)).expect("draw");
    let buf = t.backend().buffer().clone();
    for y in 0..h {
        let line: String = (0..w).map(|x| buf[(x, y)].symbol().to_owned()).collect();
        if let Some(at) = line.find(text) {
            let x = u16::try_from(line[..at].chars().count()).expect("x");
            return buf[(x, y)].style();
        }
    }
    panic!("{text} is not on screen");
}

#[test]
fn the_help_dims_the_keys_that_do_nothing_now() {
    let mut app = big((120, 40));
    press(&mut app, "?");
    let dim =
        |text: &str| style_of(&app, text).add_modifier.contains(ratatui::style::Modifier::DIM);
    assert!(dim("revenir en arrière"), "no history yet");
    assert!(!dim("ligne suivante"), "moving works");
    assert!(!dim("page suivante"));
    press(&mut app, "q");
    let n = app.catalog().node_by_id("qctr").expect("qctr");
    app.update(Select(Item::Node(n)));
    press(&mut app, "1<Enter>?");
    assert!(
        !style_of(&app, "revenir en arrière").add_modifier.contains(ratatui::style::Modifier::DIM),
        "now Backspace goes back"
    );
}

#[test]
fn under_the_too_small_message_only_quit_suspend_and_resize_act() {
    use ccbnet::keymap::{Pane, action_for};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |app: &App, code: KeyCode, mods: KeyModifiers| {
        action_for(KeyEvent::new(code, mods), &app.mode())
    };
    let none = KeyModifiers::NONE;
    let mut app = app((80, 24));
    let start = app.selected();
    app.update(Resize(23, 8));
    assert_eq!(app.mode().pane, Pane::TooSmall);
    for code in [KeyCode::Char('j'), KeyCode::Down, KeyCode::Enter, KeyCode::Char('/')] {
        assert_eq!(key(&app, code, none), None, "{code:?}");
    }
    // Even an action that came another way (a paste) does nothing unseen.
    app.update(Down);
    app.update(Paste("q".into()));
    assert_eq!(app.selected(), start);
    assert!(app.search().is_none());
    assert!(!app.quit());
    assert_eq!(key(&app, KeyCode::Char('z'), KeyModifiers::CONTROL), Some(Suspend));
    assert_eq!(key(&app, KeyCode::Char('c'), KeyModifiers::CONTROL), Some(Quit));
    assert_eq!(key(&app, KeyCode::Char('q'), none), Some(Quit));
    // Larger again: the keys act.
    app.update(Resize(80, 24));
    assert_eq!(app.mode().pane, Pane::Tree);
    assert_eq!(key(&app, KeyCode::Char('j'), none), Some(Down));
    app.update(Down);
    assert_ne!(app.selected(), start);
    app.update(Resize(23, 8));
    app.update(Quit);
    assert!(app.quit());
}
