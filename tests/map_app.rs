//! The map inside the explorer: `M` opens it on the selected entry or organisation, its keys
//! move, re-centre and go back, leaving selects its centre in the tree; the whole screen with the
//! map open in French and Dutch at 120x40 and 80x24 (no label on another, on a line or on the
//! frame); the help and the footer name the map's keys; without colours the choice still shows.

mod common;

use common::map_check::problems;

use ccbnet::action::Action;
use ccbnet::app::{App, Focus};
use ccbnet::data::load_embedded;
use ccbnet::data::model::Target;
use ccbnet::keymap::{self, BINDINGS, Group, Pane};
use ccbnet::map::draw;
use ccbnet::map::layout::Slot;
use ccbnet::map::state::MapAction;
use ccbnet::tree::{Item, View};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn explorer(lang: &str, size: (u16, u16)) -> App {
    App::new(load_embedded().expect("the shipped data").catalog, lang, size)
}

fn org(app: &App, id: &str) -> Target {
    Target::Org(app.catalog().org_by_id(id).unwrap_or_else(|| panic!("no organisation {id}")))
}

fn node(app: &App, id: &str) -> Target {
    Target::Node(app.catalog().node_by_id(id).unwrap_or_else(|| panic!("no entry {id}")))
}

/// A key pressed, through the key table, as the terminal loop does it.
fn press(app: &mut App, code: KeyCode) {
    let mods = if matches!(code, KeyCode::Char(c) if c.is_uppercase()) {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    if let Some(a) = keymap::action_for(KeyEvent::new(code, mods), &app.mode()) {
        app.update(a);
    }
}

fn alt(app: &mut App, code: KeyCode) {
    if let Some(a) = keymap::action_for(KeyEvent::new(code, KeyModifiers::ALT), &app.mode()) {
        app.update(a);
    }
}

/// The explorer on ENISA in the organisations view (`o`, then a click on its row).
fn on_enisa(lang: &str, size: (u16, u16)) -> App {
    let mut app = explorer(lang, size);
    press(&mut app, KeyCode::Char('o'));
    let Target::Org(o) = org(&app, "enisa") else { unreachable!() };
    app.update(Action::Select(Item::Org(o)));
    assert_eq!(app.selected(), Item::Org(o));
    app
}

fn centre(app: &App) -> Target {
    app.map().expect("the map is open").centre
}

/// Every neighbour on the map now.
fn on_map(app: &App) -> Vec<Target> {
    let state = app.map().expect("the map is open");
    state
        .neighbourhood(app.catalog())
        .groups
        .iter()
        .flat_map(|g| g.members.iter().map(|m| m.item))
        .collect()
}

/// Chooses `t` with the arrows, as a person would: the left column, then the right.
fn choose(app: &mut App, t: Target) {
    for side in [KeyCode::Left, KeyCode::Right] {
        press(app, side);
        for key in [KeyCode::Up, KeyCode::Down] {
            for _ in 0..40 {
                if app.map().and_then(|m| m.selected) == Some(Slot::Member(t)) {
                    return;
                }
                press(app, key);
            }
        }
    }
    panic!("{t:?} cannot be reached with the arrows");
}

#[test]
fn from_enisa_the_map_re_centres_goes_back_and_leaves_on_its_centre() {
    let mut app = on_enisa("fr", (120, 40));
    let enisa = org(&app, "enisa");
    let ce = node(&app, "cyber-europe");
    let ccb = org(&app, "ccb");
    press(&mut app, KeyCode::Char('M'));
    assert_eq!(app.mode().pane, Pane::Map);
    assert_eq!(centre(&app), enisa);
    // Its entries and the bodies it meets.
    let around = on_map(&app);
    assert!(around.contains(&ce) && around.contains(&ccb), "{around:?}");
    assert!(!app.mode().back, "a new map has no history");

    choose(&mut app, ce);
    press(&mut app, KeyCode::Enter);
    assert_eq!(centre(&app), ce);
    // The old centre is chosen on the new map, and the map has a past now.
    assert_eq!(app.map().and_then(|m| m.selected), Some(Slot::Member(enisa)));
    assert!(app.mode().back && !app.mode().forward);

    press(&mut app, KeyCode::Backspace);
    assert_eq!(centre(&app), enisa);
    assert!(app.mode().forward);
    alt(&mut app, KeyCode::Right);
    assert_eq!(centre(&app), ce);
    alt(&mut app, KeyCode::Left);
    assert_eq!(centre(&app), enisa);
    alt(&mut app, KeyCode::Right);

    // Leaving selects the centre in the tree of levels, and the tree's `Back` returns to ENISA.
    press(&mut app, KeyCode::Esc);
    assert!(app.map().is_none());
    assert_eq!(app.mode().pane, Pane::Tree);
    assert_eq!(app.view(), View::Levels);
    assert_eq!(app.selected(), Item::Node(app.catalog().node_by_id("cyber-europe").unwrap()));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.view(), View::Organisations);
    assert_eq!(
        Target::Org(match app.selected() {
            Item::Org(o) => o,
            other => panic!("{other:?}"),
        }),
        enisa
    );
}

#[test]
fn leaving_on_an_organisation_selects_it_in_the_organisations_view() {
    let mut app = explorer("nl", (120, 40));
    let ce = node(&app, "cyber-europe");
    let ccb = org(&app, "ccb");
    let Target::Node(n) = ce else { unreachable!() };
    app.update(Action::Select(Item::Node(n)));
    press(&mut app, KeyCode::Char('M'));
    assert_eq!(centre(&app), ce);
    choose(&mut app, ccb);
    press(&mut app, KeyCode::Enter);
    assert_eq!(centre(&app), ccb);
    // `M` leaves as `Esc` does.
    press(&mut app, KeyCode::Char('M'));
    assert!(app.map().is_none());
    assert_eq!(app.view(), View::Organisations);
    let Target::Org(o) = ccb else { unreachable!() };
    assert_eq!(app.selected(), Item::Org(o));
}

#[test]
fn leaving_without_moving_leaves_the_tree_as_it_was() {
    let mut app = on_enisa("fr", (80, 24));
    let before = app.place();
    let back = app.back().len();
    press(&mut app, KeyCode::Char('M'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('q'));
    assert!(app.map().is_none());
    assert!(!app.quit(), "q leaves the map, not the program");
    assert_eq!(app.place(), before);
    assert_eq!(app.back().len(), back, "nothing on the tree's history");
}

#[test]
fn in_the_map_q_never_quits_tree_keys_do_nothing_and_l_switches_the_language() {
    let mut app = on_enisa("fr", (120, 40));
    press(&mut app, KeyCode::Char('M'));
    let place = app.place();
    for key in ['o', '/', 'y', 'n', 'g', 'G', '3', 'x'] {
        press(&mut app, KeyCode::Char(key));
        assert_eq!(app.mode().pane, Pane::Map, "{key}");
    }
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.place(), place, "the tree did not move under the map");
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(app.lang(), "nl");
    assert_eq!(app.mode().pane, Pane::Map, "the map stays open in the other language");
    // The help opens over the map and closes back onto it.
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode().pane, Pane::Help);
    assert_eq!(app.mode_beneath().pane, Pane::Map);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.mode().pane, Pane::Map);
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.quit());
    assert_eq!(app.mode().pane, Pane::Tree);
    // Ctrl-C still quits from the map.
    press(&mut app, KeyCode::Char('M'));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    app.update(keymap::action_for(ctrl_c, &app.mode()).expect("Ctrl-C is bound"));
    assert!(app.quit());
}

#[test]
fn a_plus_n_row_opens_its_list_and_esc_closes_the_list_first() {
    // The CCB meets more bodies than an 80x24 map has rows for.
    let mut app = explorer("fr", (80, 24));
    let ccb = org(&app, "ccb");
    press(&mut app, KeyCode::Char('o'));
    let Target::Org(o) = ccb else { unreachable!() };
    app.update(Action::Select(Item::Org(o)));
    press(&mut app, KeyCode::Char('M'));
    let state = app.map().expect("open");
    let inner = draw::inner(app.map_frame().expect("a frame"));
    let lay = state.layout(app.catalog(), app.lang(), inner);
    let more = lay.spots.iter().find(|s| matches!(s.slot, Slot::More(_))).expect("a +N row").slot;
    for key in [KeyCode::Left, KeyCode::Right] {
        press(&mut app, key);
        for _ in 0..30 {
            if app.map().and_then(|m| m.selected) == Some(more) {
                break;
            }
            press(&mut app, KeyCode::Down);
        }
        if app.map().and_then(|m| m.selected) == Some(more) {
            break;
        }
    }
    assert_eq!(app.map().and_then(|m| m.selected), Some(more));
    press(&mut app, KeyCode::Enter);
    assert!(app.mode().list, "Enter on +N opens the list");
    assert_eq!(app.mode().pane, Pane::Map);
    // In the list, ← and → and r are not live; Esc closes the list, not the map.
    let footer = ccbnet::ui::footer_hints("fr", 200, &app.mode());
    assert!(footer.iter().any(|(k, d)| k == "Esc" && d == "fermer la liste"), "{footer:?}");
    press(&mut app, KeyCode::Esc);
    assert!(!app.mode().list);
    assert_eq!(app.mode().pane, Pane::Map);
    // From the list, Enter re-centres on the chosen member.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down);
    let chosen = app.map().and_then(|m| m.list.as_ref().map(|l| l.items[l.selected].item));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.map().map(|m| m.centre), chosen);
    assert!(!app.mode().list);
}

#[test]
fn a_click_chooses_a_label_and_a_second_click_re_centres() {
    let mut app = on_enisa("fr", (120, 40));
    press(&mut app, KeyCode::Char('M'));
    let ce = node(&app, "cyber-europe");
    let inner = draw::inner(app.map_frame().expect("a frame"));
    let lay = app.map().expect("open").layout(app.catalog(), app.lang(), inner);
    let spot = lay.spots.iter().find(|s| s.slot == Slot::Member(ce)).expect("on the map");
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: spot.area.x + 2,
        row: spot.area.y,
        modifiers: KeyModifiers::NONE,
    };
    let action = ccbnet::term::action_for_mouse(&app, &click).expect("a click on the map");
    assert_eq!(action, Action::Map(MapAction::Click(click.column, click.row)));
    app.update(action.clone());
    assert_eq!(app.map().and_then(|m| m.selected), Some(Slot::Member(ce)));
    assert_eq!(centre(&app), org(&app, "enisa"));
    app.update(action);
    assert_eq!(centre(&app), ce);
}

#[test]
fn a_reload_keeps_the_map_on_its_centre() {
    let mut app = on_enisa("fr", (120, 40));
    press(&mut app, KeyCode::Char('M'));
    press(&mut app, KeyCode::Char('r'));
    app.reload(Ok(load_embedded().expect("the shipped data").catalog));
    assert_eq!(centre(&app), org(&app, "enisa"));
    assert!(app.map().is_some_and(|m| m.second_ring));
}

/// The whole screen, as text, and its buffer.
fn drawn(app: &App, colour: bool) -> (String, Buffer) {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    terminal
        .draw(|f| {
            ccbnet::ui::render(app, f);
            if !colour {
                ccbnet::term::strip_colours(f.buffer_mut());
            }
        })
        .expect("draw");
    (terminal.backend().to_string(), terminal.backend().buffer().clone())
}

/// The frame's sides are whole: no label ran over them.
fn frame_is_whole(buf: &Buffer, app: &App) -> Vec<String> {
    let f = app.map_frame().expect("a frame");
    let mut bad = Vec::new();
    for y in f.y + 1..f.bottom() - 1 {
        for x in [f.x, f.right() - 1] {
            if buf[(x, y)].symbol() != "│" {
                bad.push(format!("{:?} on the frame at ({x}, {y})", buf[(x, y)].symbol()));
            }
        }
    }
    for x in f.x + 1..f.right() - 1 {
        if buf[(x, f.bottom() - 1)].symbol() != "─" {
            bad.push(format!(
                "{:?} on the frame's foot at ({x})",
                buf[(x, f.bottom() - 1)].symbol()
            ));
        }
    }
    bad
}

#[test]
fn snapshots_of_the_explorer_with_the_map_of_enisa() {
    for lang in ["fr", "nl", "de", "en"] {
        for size in [(120, 40), (80, 24)] {
            let mut app = on_enisa(lang, size);
            press(&mut app, KeyCode::Char('M'));
            let inner = draw::inner(app.map_frame().expect("a frame"));
            let lay = app.map().expect("open").layout(app.catalog(), lang, inner);
            let bad = problems(&lay, inner);
            assert!(bad.is_empty(), "{lang} {size:?}: {bad:#?}");
            let (text, buf) = drawn(&app, true);
            let bad = frame_is_whole(&buf, &app);
            assert!(bad.is_empty(), "{lang} {size:?}: {bad:#?}");
            insta::assert_snapshot!(format!("app_map_enisa_{lang}_{}x{}", size.0, size.1), text);
        }
    }
}

#[test]
fn every_map_fits_the_explorers_map_area_at_both_sizes() {
    let app = explorer("fr", (80, 24));
    let c = app.catalog();
    let items: Vec<Target> =
        (0..c.nodes.len()).map(Target::Node).chain((0..c.orgs.len()).map(Target::Org)).collect();
    for size in [(120, 40), (80, 24)] {
        for lang in ["fr", "nl", "de", "en"] {
            let mut app = explorer(lang, size);
            for &t in &items {
                let item = match t {
                    Target::Node(n) => Item::Node(n),
                    Target::Org(o) => Item::Org(o),
                };
                if matches!(t, Target::Org(_)) && app.view() == View::Levels {
                    press(&mut app, KeyCode::Char('o'));
                }
                app.update(Action::Select(item));
                press(&mut app, KeyCode::Char('M'));
                for ring in [false, true] {
                    let inner = draw::inner(app.map_frame().expect("a frame"));
                    let lay = app.map().expect("open").layout(app.catalog(), lang, inner);
                    let bad = problems(&lay, inner);
                    assert!(bad.is_empty(), "{t:?} {lang} {size:?} ring {ring}: {bad:#?}");
                    let (_, buf) = drawn(&app, true);
                    let bad = frame_is_whole(&buf, &app);
                    assert!(bad.is_empty(), "{t:?} {lang} {size:?} ring {ring}: {bad:#?}");
                    if !ring {
                        press(&mut app, KeyCode::Char('r'));
                    }
                }
                press(&mut app, KeyCode::Esc);
            }
        }
    }
}

#[test]
fn in_dutch_the_explorers_map_is_dutch() {
    let mut app = on_enisa("nl", (120, 40));
    press(&mut app, KeyCode::Char('M'));
    let (text, _) = drawn(&app, true);
    for nl in ["Kaart", "Organisaties", "ontmoeten elkaar", "centreren", "sluiten"] {
        assert!(text.contains(nl), "{nl} missing: {text}");
    }
    for fr in ["Carte", "Réseaux", "centrer ", "quitter", "se rencontrent", "Agence"] {
        assert!(!text.contains(fr), "{fr} in Dutch: {text}");
    }
}

#[test]
fn without_colours_the_map_has_lines_and_labels_and_the_choice_still_shows() {
    let mut app = on_enisa("fr", (80, 24));
    press(&mut app, KeyCode::Char('M'));
    let (with, _) = drawn(&app, true);
    let (without, buf) = drawn(&app, false);
    assert_eq!(with, without, "the same characters");
    assert!(buf.content.iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    // The chosen neighbour is in reverse video, and the cursor stands on it.
    let pos = ccbnet::ui::cursor_position(&app, buf.area).expect("a cursor on the map");
    assert!(buf[(pos.x, pos.y)].modifier.contains(Modifier::REVERSED));
    let reversed = buf.content.iter().filter(|c| c.modifier.contains(Modifier::REVERSED)).count();
    // The row of the chosen one, and the active language in the header.
    assert!(reversed > 4, "{reversed}");
}

#[test]
fn a_map_too_small_to_draw_says_so() {
    for (lang, says) in
        [("fr", ["Fenêtre trop petite", "carte"]), ("nl", ["Venster te klein", "kaart"])]
    {
        let mut app = on_enisa(lang, (30, 9));
        press(&mut app, KeyCode::Char('M'));
        let (text, _) = drawn(&app, true);
        for part in says {
            assert!(text.contains(part), "{part}: {text}");
        }
        let inner = draw::inner(app.map_frame().expect("a frame"));
        let lay = app.map().expect("open").layout(app.catalog(), lang, inner);
        assert!(problems(&lay, inner).is_empty());
    }
}

#[test]
fn the_help_and_the_footer_name_the_maps_keys_in_the_map() {
    let mut app = on_enisa("fr", (120, 40));
    let tree_footer = ccbnet::ui::footer_hints("fr", 200, &app.mode());
    assert!(tree_footer.iter().any(|(k, d)| k == "M" && d == "carte"), "{tree_footer:?}");
    press(&mut app, KeyCode::Char('M'));
    let mode = app.mode();
    let footer = ccbnet::ui::footer_hints("fr", 200, &mode);
    let keys: Vec<&str> = footer.iter().map(|(k, _)| k.as_str()).collect();
    for k in ["↓", "↑", "←", "→", "Enter", "r", "Esc", "L", "?"] {
        assert!(keys.contains(&k), "{k} missing from the map's footer {footer:?}");
    }
    for k in ["Tab", "o", "/", "q", "y", "M"] {
        assert!(!keys.contains(&k), "{k} in the map's footer {footer:?}");
    }
    // At 80 columns, with two columns to move between, `←` and `→` stay (with `↓` and `↑`).
    for lang in ["fr", "nl"] {
        let at80 = ccbnet::ui::footer_hints(lang, 80, &mode);
        let keys: Vec<&str> = at80.iter().map(|(k, _)| k.as_str()).collect();
        for k in ["↓", "↑", "←", "→", "Enter", "Esc", "?"] {
            assert!(keys.contains(&k), "{lang}: {k} missing from the map's footer {at80:?}");
        }
    }
    // Backspace appears once there is a centre to go back to.
    assert!(!keys.contains(&"Backspace"));
    let ce = node(&app, "cyber-europe");
    choose(&mut app, ce);
    press(&mut app, KeyCode::Enter);
    let footer = ccbnet::ui::footer_hints("fr", 200, &app.mode());
    assert!(footer.iter().any(|(k, _)| k == "Backspace"), "{footer:?}");

    // The help, opened from the map, has the map's keys in their own group, live; the tree's
    // keys are dimmed there.
    press(&mut app, KeyCode::Char('?'));
    let beneath = app.mode_beneath();
    let lines = ccbnet::help::lines_for("fr", usize::MAX, Some(&beneath));
    let heading = ccbnet::help::group_heading(Group::Map, "fr");
    let at = lines.iter().position(|l| l.to_string() == heading).expect("a map group");
    for b in BINDINGS.iter().filter(|b| b.group == Group::Map) {
        let keys = keymap::keys_label(b);
        let (long, _) = ccbnet::i18n::action_text(b.action.clone(), "fr");
        let line = lines[at..]
            .iter()
            .find(|l| l.to_string().contains(long))
            .unwrap_or_else(|| panic!("{long} missing from the help"));
        assert!(line.to_string().contains(&keys), "{keys} for {long}");
        let live = b.live.holds(&beneath);
        let key_span = line.spans.iter().find(|s| s.content == keys).expect("the keys' span");
        let dimmed = key_span.style.add_modifier.contains(Modifier::DIM);
        assert_eq!(!dimmed, live, "{keys} live: {live}");
    }
    let tab = lines.iter().find(|l| l.to_string().contains("Tab Shift-Tab")).expect("Tab");
    let dimmed = tab.spans[1].style.add_modifier.contains(Modifier::DIM);
    assert!(dimmed, "Tab does nothing in the map");
    assert_eq!(app.mode().pane, Pane::Help);
    assert_eq!(beneath.pane, Pane::Map);
    assert_eq!(app.focus(), Focus::Tree);
}
