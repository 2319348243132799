//! The map: snapshots of ENISA's neighbourhood in French, Dutch, German and English at 120x40
//! and 80x24; on every
//! entry and organisation of the shipped data, at several sizes and with the second ring, no
//! label overlaps another or a line, or leaves the area; state tables for moving, re-centring,
//! back and forward, the "+N" list and leaving.

mod common;

use common::map_check::problems;
use common::synth;

use ccbnet::data::model::Target;
use ccbnet::data::{Catalog, load_embedded};
use ccbnet::map::layout::{MapLayout, Role, Slot};
use ccbnet::map::state::{MapAction, MapState, Outcome};
use ccbnet::map::{GroupKind, draw};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn shipped() -> Catalog {
    load_embedded().expect("the shipped data").catalog
}

fn org(c: &Catalog, id: &str) -> Target {
    Target::Org(c.org_by_id(id).unwrap_or_else(|| panic!("no organisation {id}")))
}

fn node(c: &Catalog, id: &str) -> Target {
    Target::Node(c.node_by_id(id).unwrap_or_else(|| panic!("no entry {id}")))
}

/// The map drawn in a `w`x`h` buffer, as text.
fn screen(c: &Catalog, state: &MapState, lang: &str, w: u16, h: u16) -> String {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    draw::render(c, state, lang, area, &mut buf);
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn snapshots_of_enisa_in_every_language() {
    let c = shipped();
    for lang in ["fr", "nl", "de", "en"] {
        for (w, h) in [(120, 40), (80, 24)] {
            let state = MapState::new(&c, org(&c, "enisa"));
            insta::assert_snapshot!(
                format!("map_enisa_{lang}_{w}x{h}"),
                screen(&c, &state, lang, w, h)
            );
        }
    }
}

#[test]
fn snapshots_of_the_ccb_with_its_many_neighbours() {
    let c = shipped();
    for lang in ["fr", "nl", "de", "en"] {
        let state = MapState::new(&c, org(&c, "ccb"));
        insta::assert_snapshot!(format!("map_ccb_{lang}_80x24"), screen(&c, &state, lang, 80, 24));
    }
}

#[test]
fn no_label_overlaps_another_or_a_line_or_leaves_the_area() {
    let c = shipped();
    let items: Vec<Target> =
        (0..c.nodes.len()).map(Target::Node).chain((0..c.orgs.len()).map(Target::Org)).collect();
    for (w, h) in [(120, 40), (80, 24), (60, 16), (34, 7)] {
        let area = draw::inner(Rect::new(0, 0, w, h));
        for lang in ["fr", "nl", "de", "en"] {
            for &t in &items {
                for ring in [false, true] {
                    let mut state = MapState::new(&c, t);
                    state.second_ring = ring;
                    let lay = state.layout(&c, lang, area);
                    let bad = problems(&lay, area);
                    assert!(bad.is_empty(), "{t:?} {lang} {w}x{h} ring {ring}: {bad:#?}");
                }
            }
        }
    }
}

#[test]
fn the_overlap_check_catches_overlaps() {
    let area = Rect::new(0, 0, 20, 5);
    let label = |x, y, text: &str| ccbnet::map::layout::Label {
        x,
        y,
        text: text.to_owned(),
        role: Role::Note,
    };
    let two =
        MapLayout { labels: vec![label(0, 0, "abcdef"), label(4, 0, "xyz")], ..Default::default() };
    assert!(!problems(&two, area).is_empty());
    let out = MapLayout { labels: vec![label(15, 1, "abcdefgh")], ..Default::default() };
    assert!(!problems(&out, area).is_empty());
    let crossed = MapLayout {
        labels: vec![label(0, 2, "abc")],
        lines: vec![(1, 2, '─')],
        ..Default::default()
    };
    assert!(!problems(&crossed, area).is_empty());
}

/// The map of ENISA at 120x40 (inside its frame).
fn enisa_map(c: &Catalog) -> (MapState, Rect) {
    (MapState::new(c, org(c, "enisa")), draw::inner(Rect::new(0, 0, 120, 40)))
}

fn run(c: &Catalog, state: &mut MapState, area: Rect, actions: &[MapAction]) -> Outcome {
    let mut last = Outcome::Stay;
    for &a in actions {
        last = state.update(c, "fr", area, a);
    }
    last
}

/// Chooses `t` by moving, as a person would: down the left column, then the right.
fn choose(c: &Catalog, state: &mut MapState, area: Rect, t: Target) {
    for side in [MapAction::Left, MapAction::Right] {
        run(c, state, area, &[side]);
        for _ in 0..40 {
            if state.selected == Some(Slot::Member(t)) {
                return;
            }
            run(c, state, area, &[MapAction::Up]);
        }
        for _ in 0..40 {
            if state.selected == Some(Slot::Member(t)) {
                return;
            }
            run(c, state, area, &[MapAction::Down]);
        }
    }
    panic!("{t:?} cannot be reached on the map of {:?}", state.centre);
}

#[test]
fn moving_re_centring_and_history() {
    let c = shipped();
    let (mut s, area) = enisa_map(&c);
    let enisa = org(&c, "enisa");
    let ce = node(&c, "cyber-europe");
    // Table: (action, centre after, what is chosen after).
    choose(&c, &mut s, area, ce);
    let steps: Vec<(MapAction, Target, Option<Slot>)> = vec![
        (MapAction::Enter, ce, Some(Slot::Member(enisa))),
        (MapAction::Back, enisa, Some(Slot::Member(ce))),
        (MapAction::Forward, ce, Some(Slot::Member(enisa))),
        (MapAction::Back, enisa, Some(Slot::Member(ce))),
        // Forward once is all there is.
        (MapAction::Back, enisa, Some(Slot::Member(ce))),
    ];
    for (i, (action, centre, chosen)) in steps.into_iter().enumerate() {
        assert_eq!(run(&c, &mut s, area, &[action]), Outcome::Stay);
        assert_eq!((s.centre, s.selected), (centre, chosen), "step {i}: {action:?}");
    }
    // A new centre forgets what was ahead.
    choose(&c, &mut s, area, org(&c, "ccb"));
    run(&c, &mut s, area, &[MapAction::Enter]);
    assert_eq!(s.centre, org(&c, "ccb"));
    let before = s.clone();
    run(&c, &mut s, area, &[MapAction::Forward]);
    assert_eq!(s, before, "nothing ahead after a new centre");
    // Leaving gives the centre to select in the tree.
    assert_eq!(run(&c, &mut s, area, &[MapAction::Close]), Outcome::Leave(org(&c, "ccb")));
}

#[test]
fn up_down_stay_in_their_column_and_left_right_cross() {
    let c = shipped();
    let (mut s, area) = enisa_map(&c);
    let lay = s.layout(&c, "fr", area);
    let left: Vec<Slot> = lay
        .spots
        .iter()
        .filter(|p| p.side == ccbnet::map::layout::Side::Left)
        .map(|p| p.slot)
        .collect();
    let right: Vec<Slot> = lay
        .spots
        .iter()
        .filter(|p| p.side == ccbnet::map::layout::Side::Right)
        .map(|p| p.slot)
        .collect();
    assert!(!left.is_empty() && !right.is_empty(), "ENISA has neighbours on both sides");
    assert_eq!(s.selected, Some(left[0]));
    // Up at the top stays.
    run(&c, &mut s, area, &[MapAction::Up]);
    assert_eq!(s.selected, Some(left[0]));
    // Down to the bottom of the column, and no further.
    for &next in left.iter().skip(1) {
        run(&c, &mut s, area, &[MapAction::Down]);
        assert_eq!(s.selected, Some(next));
    }
    run(&c, &mut s, area, &[MapAction::Down]);
    assert_eq!(s.selected, left.last().copied());
    run(&c, &mut s, area, &[MapAction::Right]);
    assert!(right.contains(&s.selected.expect("chosen")));
    run(&c, &mut s, area, &[MapAction::Left]);
    assert!(left.contains(&s.selected.expect("chosen")));
}

#[test]
fn a_click_chooses_and_a_second_click_re_centres() {
    let c = shipped();
    let (mut s, area) = enisa_map(&c);
    let ce = node(&c, "cyber-europe");
    let lay = s.layout(&c, "fr", area);
    let spot = lay.spots.iter().find(|p| p.slot == Slot::Member(ce)).expect("Cyber Europe shown");
    let click = MapAction::Click(spot.area.x + 1, spot.area.y);
    run(&c, &mut s, area, &[click]);
    assert_eq!((s.centre, s.selected), (org(&c, "enisa"), Some(Slot::Member(ce))));
    run(&c, &mut s, area, &[click]);
    assert_eq!(s.centre, ce);
    // A click on nothing changes nothing.
    let before = s.clone();
    run(&c, &mut s, area, &[MapAction::Click(area.x + area.width / 2, area.y)]);
    assert_eq!(s, before);
}

#[test]
fn too_many_neighbours_are_counted_and_open_as_a_list() {
    let c = shipped();
    let ccb = org(&c, "ccb");
    let mut s = MapState::new(&c, ccb);
    let area = draw::inner(Rect::new(0, 0, 80, 24));
    let lay = s.layout(&c, "fr", area);
    let (kind, hidden) =
        *lay.hidden.first().expect("the CCB has more neighbours than fit at 80x24");
    let more = lay
        .labels
        .iter()
        .find(|l| matches!(l.role, Role::Choice { slot: Slot::More(k), .. } if k == kind))
        .expect("a +N row");
    assert_eq!(kind, GroupKind::Organisations);
    assert_eq!(more.text, format!("+{hidden} organisations"));
    // Choose it, open it: the list has every member of the group.
    choose_slot(&c, &mut s, area, Slot::More(kind));
    // Chosen, the foot line names it, as it names a chosen neighbour.
    let chosen = screen(&c, &s, "fr", 80, 24);
    assert!(chosen.contains(&format!("▸ +{hidden} organisations")), "{chosen}");
    run(&c, &mut s, area, &[MapAction::Enter]);
    let hood = s.neighbourhood(&c);
    let group = hood.groups.iter().find(|g| g.kind == kind).expect("the group");
    let list = s.list.clone().expect("a list is open");
    assert_eq!(list.items, group.members);
    let screen_text = screen(&c, &s, "fr", 80, 24);
    assert!(screen_text.contains("Liste"), "{screen_text}");
    // Down to the last, Enter re-centres on it and closes the list.
    for _ in 0..list.items.len() + 3 {
        run(&c, &mut s, area, &[MapAction::Down]);
    }
    let last = list.items.last().expect("items").item;
    run(&c, &mut s, area, &[MapAction::Enter]);
    assert!(s.list.is_none());
    assert_eq!(s.centre, last);
    // Esc closes a list without leaving the map.
    run(&c, &mut s, area, &[MapAction::Back]);
    assert_eq!(s.centre, ccb);
}

#[test]
fn a_levels_map_names_the_level_once() {
    let c = shipped();
    let level = (0..c.nodes.len())
        .find(|&n| c.nodes[n].parent.is_none() && !c.nodes[n].children.is_empty())
        .expect("a level with entries");
    for (lang, this_level) in [("fr", "Dans ce niveau"), ("nl", "In dit niveau")] {
        let s = MapState::new(&c, Target::Node(level));
        let lay = s.layout(&c, lang, draw::inner(Rect::new(0, 0, 120, 40)));
        let name = ccbnet::map::group_title(&c, GroupKind::Level(level), lang);
        let headings: Vec<&str> = lay
            .labels
            .iter()
            .filter(|l| l.role == Role::Heading)
            .map(|l| l.text.as_str())
            .collect();
        assert!(!headings.contains(&name.as_str()), "{lang}: {name} twice: {headings:?}");
        assert!(headings.contains(&this_level), "{lang}: {headings:?}");
    }
}

fn choose_slot(c: &Catalog, state: &mut MapState, area: Rect, slot: Slot) {
    for _ in 0..2 {
        for action in [MapAction::Left, MapAction::Right] {
            run(c, state, area, &[action]);
            for step in [MapAction::Up, MapAction::Down] {
                for _ in 0..40 {
                    if state.selected == Some(slot) {
                        return;
                    }
                    run(c, state, area, &[step]);
                }
            }
        }
    }
    panic!("{slot:?} cannot be reached");
}

#[test]
fn the_second_ring_shows_more_and_hides_again() {
    let c = shipped();
    let ce = node(&c, "cyber-europe");
    let mut s = MapState::new(&c, ce);
    let area = draw::inner(Rect::new(0, 0, 120, 40));
    let one = s.layout(&c, "fr", area).spots.len();
    run(&c, &mut s, area, &[MapAction::ToggleRing]);
    assert!(s.second_ring);
    let two = s.layout(&c, "fr", area).spots.len();
    assert!(two > one, "{two} > {one}");
    run(&c, &mut s, area, &[MapAction::ToggleRing]);
    assert_eq!(s.layout(&c, "fr", area).spots.len(), one);
}

#[test]
fn the_second_ring_never_hides_a_neighbour_of_the_centre() {
    // ENISA meets the CCB, whose own neighbours are many: with the second ring on, every body
    // ENISA itself meets still has its row, at 120x40 and at 80x24.
    let c = shipped();
    for (w, h) in [(120, 40), (80, 24)] {
        let mut s = MapState::new(&c, org(&c, "enisa"));
        let area = draw::inner(Rect::new(0, 0, w, h));
        let first: Vec<Slot> = s.layout(&c, "en", area).spots.iter().map(|p| p.slot).collect();
        run(&c, &mut s, area, &[MapAction::ToggleRing]);
        let second: Vec<Slot> = s.layout(&c, "en", area).spots.iter().map(|p| p.slot).collect();
        for slot in first.iter().filter(|s| matches!(s, Slot::Member(_))) {
            assert!(second.contains(slot), "{w}x{h}: {slot:?} hidden by the second ring");
        }
    }
}

#[test]
fn in_dutch_the_map_is_all_dutch() {
    let c = shipped();
    let state = MapState::new(&c, org(&c, "enisa"));
    let nl = screen(&c, &state, "nl", 120, 40);
    for french in ["Carte", "Niveau européen", "Groupes de travail", "cite", "Organisations"] {
        assert!(!nl.contains(french), "{french:?} in the Dutch map:\n{nl}");
    }
    for dutch in ["Kaart", "Organisaties", "Ad-hocwerkgroepen van ENISA"] {
        assert!(nl.contains(dutch), "{dutch:?} not in the Dutch map:\n{nl}");
    }
}

#[test]
fn tiny_areas_never_panic() {
    let c = shipped();
    let state = MapState::new(&c, org(&c, "ccb"));
    for w in 0..40 {
        for h in 0..12 {
            let _ = screen(&c, &state, "fr", w, h);
        }
    }
}

#[test]
#[ignore = "prints a map, for looking at: cargo test --test map show -- --ignored --nocapture"]
fn show() {
    let c = shipped();
    let id = std::env::var("MAP_ID").unwrap_or_else(|_| "cyber-europe".into());
    let t = c.target(&id).expect("an id");
    let mut state = MapState::new(&c, t);
    state.second_ring = std::env::var_os("MAP_RING").is_some();
    let (w, h) = (
        std::env::var("MAP_W").ok().and_then(|v| v.parse().ok()).unwrap_or(80),
        std::env::var("MAP_H").ok().and_then(|v| v.parse().ok()).unwrap_or(24),
    );
    println!(
        "{}",
        screen(&c, &state, &std::env::var("MAP_LANG").unwrap_or_else(|_| "fr".into()), w, h)
    );
}

/// A data set of hostile and wide names: control characters, bidirectional overrides, CJK,
/// emoji, very long words.
const HOSTILE: &str = r#"Dataset(
    format: 1,
    languages: ["fr", "nl"],
    title: "T",
    source: (note: "n", as_of: "2024"),
    organisations: [
        Organisation(id: "hub", name: "中央网络安全协调中心中央网络安全协调中心", acronym: "🦀🦀"),
        Organisation(id: "o1", name: "\u{1b}[2J\u{1b}[31mrouge\u{7}\u{202e}inverse"),
        Organisation(id: "o2", name: "Supercalifragilisticexpialidociousorganisationwithoutspaces"),
        Organisation(id: "o3", name: "a\nb\tc\rd"),
    ],
    nodes: [
        Node(id: "top", kind: Level, name: "日本語のレベル", children: [
            Node(id: "x", name: "\u{1b}]0;title\u{7}x", organisations: [(id: "hub"), (id: "o1"), (id: "o2"), (id: "o3")],
                related: [(id: "y")]),
            Node(id: "y", name: "ｙｙｙｙｙｙｙｙｙｙｙｙｙｙｙｙｙｙｙｙｙｙｙｙ", organisations: [(id: "hub")]),
        ]),
    ],
)"#;

#[test]
fn hostile_and_wide_names_stay_in_their_place() {
    let c = ccbnet::data::load_str("hostile.ron", HOSTILE).expect("the data loads").catalog;
    let generated = ccbnet::data::load_str("synth.ron", &synth::dataset(400, 7))
        .expect("generated data loads")
        .catalog;
    for cat in [&c, &generated] {
        let items: Vec<Target> = (0..cat.nodes.len())
            .map(Target::Node)
            .chain((0..cat.orgs.len()).map(Target::Org))
            .take(150)
            .collect();
        for (w, h) in [(120, 40), (80, 24), (41, 12)] {
            let area = draw::inner(Rect::new(0, 0, w, h));
            for &t in &items {
                for ring in [false, true] {
                    let mut state = MapState::new(cat, t);
                    state.second_ring = ring;
                    let bad = problems(&state.layout(cat, "nl", area), area);
                    assert!(bad.is_empty(), "{t:?} {w}x{h} ring {ring}: {bad:#?}");
                }
            }
        }
    }
    let s = screen(&c, &MapState::new(&c, Target::Org(0)), "fr", 80, 24);
    assert!(!s.contains('\u{1b}') && !s.contains('\u{7}') && !s.contains('\u{202e}'), "{s}");
}
