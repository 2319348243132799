//! Following the threads: links by digit, by `Enter` and by click; back and forward to the exact
//! place; links shown on both sides; the organisations view in both languages, and search in it.

use ccbnet::action::Action::{self, *};
use ccbnet::app::{App, Focus};
use ccbnet::data::load_embedded;
use ccbnet::detail::Target;
use ccbnet::tree::{Item, View};
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

fn app(lang: &str, size: (u16, u16)) -> App {
    App::new(load_embedded().expect("shipped data loads").catalog, lang, size)
}

fn node(app: &App, id: &str) -> usize {
    app.catalog().node_by_id(id).unwrap_or_else(|| panic!("node {id}"))
}

fn org(app: &App, id: &str) -> usize {
    app.catalog().org_by_id(id).unwrap_or_else(|| panic!("organisation {id}"))
}

fn selected_id(app: &App) -> String {
    match app.selected() {
        Item::Node(n) | Item::Use(_, n) => app.catalog().nodes[n].id.clone(),
        Item::Org(o) => app.catalog().orgs[o].id.clone(),
    }
}

/// The index of the detail's link to `target`.
fn link_to(app: &App, target: Target) -> usize {
    app.detail().links.iter().position(|l| l.target == target).expect("a link to the target")
}

#[test]
fn a_digit_follows_its_link_and_reveals_the_target() {
    let mut app = app("fr", (120, 40));
    app.update(Select(Item::Node(node(&app, "qctr"))));
    let ews = node(&app, "ews");
    let i = link_to(&app, Target::Node(ews));
    assert!(i < 9, "within the digits");
    app.update(FollowLink(i));
    assert_eq!(selected_id(&app), "ews");
    assert_eq!(app.back().len(), 1);
    // A link into a collapsed branch opens it.
    app.update(Select(Item::Node(node(&app, "csi-dpo-platform"))));
    app.update(Collapse);
    app.update(Select(Item::Node(node(&app, "qctr"))));
    let meeting = node(&app, "csi-dpo-cyber-meeting");
    app.update(FollowLink(link_to(&app, Target::Node(meeting))));
    assert_eq!(selected_id(&app), "csi-dpo-cyber-meeting");
    assert!(app.expansion().nodes[node(&app, "csi-dpo-platform")]);
    // A digit with no link does nothing.
    let before = app.selected();
    app.update(FollowLink(8));
    app.update(FollowLink(100));
    assert_eq!(app.selected(), before);
}

#[test]
fn enter_follows_the_focused_link() {
    let mut app = app("nl", (120, 60));
    app.update(Select(Item::Node(node(&app, "enisa-ad-hoc-working-groups"))));
    app.update(FocusNext);
    assert_eq!(app.focus(), Focus::Detail);
    // ↓ moves to the first link once it is on screen (the pane is tall enough here).
    app.update(Down);
    assert_eq!(app.link_focus(), Some(0));
    let target = app.detail().links[0].target;
    app.update(Down);
    assert_eq!(app.link_focus(), Some(1));
    app.update(Up);
    assert_eq!(app.link_focus(), Some(0));
    app.update(Toggle);
    match target {
        Target::Node(n) => assert_eq!(app.selected(), Item::Node(n)),
        Target::Org(o) => assert_eq!(app.selected(), Item::Org(o)),
    }
}

#[test]
fn down_scrolls_the_text_until_a_link_is_on_screen() {
    // A short pane: the first link of QCTR is below the fold.
    let mut app = app("fr", (80, 24));
    app.update(Select(Item::Node(node(&app, "qctr"))));
    app.update(FocusNext);
    let first = app.detail().links[0].first_line;
    app.update(Down);
    assert_eq!(app.link_focus(), None, "the link is not on screen yet");
    assert_eq!(app.detail_scroll(), 1, "so the text scrolls");
    for _ in 0..first {
        app.update(Down);
    }
    assert!(app.link_focus().is_some(), "the link is reached");
}

#[test]
fn a_click_on_a_link_follows_it() {
    let mut app = app("fr", (120, 60));
    app.update(Select(Item::Node(node(&app, "cyber-europe"))));
    let enisa = org(&app, "enisa");
    let i = link_to(&app, Target::Org(enisa));
    let line = app.detail().links[i].first_line;
    let inner = app.areas().expect("layout").detail_inner();
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: inner.x + 3,
        row: inner.y + u16::try_from(line - app.detail_scroll()).unwrap(),
        modifiers: KeyModifiers::NONE,
    };
    let action = ccbnet::term::action_for_mouse(&app, &click).expect("an action");
    assert_eq!(action, Action::FollowLink(i));
    app.update(action);
    assert_eq!(app.view(), View::Organisations, "an organisation opens in its view");
    assert_eq!(app.selected(), Item::Org(enisa));
}

#[test]
fn back_and_forward_restore_the_exact_place() {
    let mut app = app("fr", (80, 24));
    // A place with some history of its own: a collapsed level, a scrolled detail.
    app.update(Select(Item::Node(node(&app, "national-1"))));
    app.update(Collapse);
    app.update(Select(Item::Node(node(&app, "qctr"))));
    app.update(FocusNext);
    app.update(Down);
    app.update(Down);
    let before = app.place();
    app.update(FollowLink(0));
    let after_follow = (
        app.view(),
        app.expansion().clone(),
        app.selected(),
        app.tree_offset(),
        app.detail_scroll(),
    );
    assert_ne!(after_follow.2, before.item);
    app.update(Back);
    let now = app.place();
    assert_eq!(now, before);
    assert_eq!(app.forward().len(), 1);
    app.update(Forward);
    assert_eq!(
        (
            app.view(),
            app.expansion().clone(),
            app.selected(),
            app.tree_offset(),
            app.detail_scroll()
        ),
        after_follow
    );
    // Nothing more to go forward to; back twice goes as far as the history does.
    app.update(Forward);
    app.update(Back);
    app.update(Back);
    assert_eq!(app.selected(), before.item);
    // A new jump clears what was ahead.
    app.update(FollowLink(0));
    assert!(app.forward().is_empty());
}

#[test]
fn a_link_is_shown_on_both_sides() {
    let app = app("fr", (120, 40));
    let c = app.catalog();
    // The data writes qctr → ews once; both details list the other.
    let (qctr, ews) = (node(&app, "qctr"), node(&app, "ews"));
    let detail = |n| ccbnet::detail::node_view(c, n, "fr", 80, None);
    assert!(detail(qctr).links.iter().any(|l| l.target == Target::Node(ews)));
    assert!(detail(ews).links.iter().any(|l| l.target == Target::Node(qctr)));
    // Organisations list the entries that name them: computed, never written in the data.
    let enisa = org(&app, "enisa");
    let org_detail = ccbnet::detail::org_view(c, enisa, "fr", 80, None);
    let cyber_europe = node(&app, "cyber-europe");
    assert!(org_detail.links.iter().any(|l| l.target == Target::Node(cyber_europe)));
    assert!(c.org_used_by[enisa].contains(&cyber_europe));
}

#[test]
fn the_organisations_view_in_both_languages() {
    for (lang, nato, title, appears) in
        [("fr", "OTAN", "Organisations", "Cité dans"), ("nl", "NAVO", "Organisaties", "Vermeld in")]
    {
        let mut app = app(lang, (120, 40));
        app.update(ToggleView);
        assert_eq!(app.view(), View::Organisations);
        assert!(
            app.rows().iter().all(|r| matches!(r, Item::Org(_))),
            "every organisation, collapsed"
        );
        assert_eq!(app.rows().len(), app.catalog().orgs.len());
        let nato_ix = org(&app, "nato");
        app.update(Select(Item::Org(nato_ix)));
        app.update(Expand);
        let uses: Vec<Item> = app
            .rows()
            .iter()
            .copied()
            .filter(|r| matches!(r, Item::Use(o, _) if *o == nato_ix))
            .collect();
        assert!(!uses.is_empty(), "the entries it appears in");
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| ccbnet::ui::render(&app, f)).unwrap();
        let screen = terminal.backend().to_string();
        assert!(screen.contains(title), "{screen}");
        assert!(screen.contains(nato), "{screen}");
        assert!(screen.contains(appears), "{screen}");
        // The language switch keeps the view and the selection.
        app.update(NextLanguage);
        assert_eq!(app.view(), View::Organisations);
        assert_eq!(app.selected(), Item::Org(nato_ix));
        // Back to the levels, on the entry selected there before.
        app.update(ToggleView);
        assert_eq!(app.view(), View::Levels);
        assert_eq!(selected_id(&app), "national-1");
    }
}

#[test]
fn an_organisation_lists_whom_it_meets_as_links() {
    for (lang, heading, ccb) in [
        ("fr", "Organisations rencontrées", "CCB · Centre pour la Cybersécurité Belgique"),
        ("nl", "Komt samen met", "CCB · Centrum voor Cybersecurity België"),
        ("de", "Trifft sich mit", "CCB · Zentrum für Cybersicherheit Belgien"),
        ("en", "Organisations it meets", "CCB · Centre for Cybersecurity Belgium"),
    ] {
        let mut app = app(lang, (120, 40));
        app.update(ToggleView);
        let enisa = org(&app, "enisa");
        app.update(Select(Item::Org(enisa)));
        let detail = app.detail();
        let text: String = detail
            .lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect::<String>() + "\n")
            .collect();
        assert!(text.contains(heading), "{text}");
        assert!(text.contains(ccb), "{text}");
        // The link follows to the CCB.
        let ccb_ix = org(&app, "ccb");
        app.update(FollowLink(link_to(&app, Target::Org(ccb_ix))));
        assert_eq!(selected_id(&app), "ccb");
    }
}

#[test]
fn search_works_in_the_organisations_view() {
    let mut app = app("nl", (120, 40));
    app.update(ToggleView);
    app.update(OpenSearch);
    for c in "navo".chars() {
        app.update(SearchChar(c));
    }
    let s = app.search().expect("searching");
    assert!(!s.results().is_empty());
    let nato = org(&app, "nato");
    assert_eq!(s.results()[0], Item::Org(nato), "the organisation itself first");
    assert!(app.rows().contains(&Item::Org(nato)));
    // Entries that name NATO show under it.
    assert!(app.rows().iter().any(|r| matches!(r, Item::Use(o, _) if *o == nato)));
    app.update(SearchAccept);
    app.update(Close);
    assert!(app.search().is_none());
    assert_eq!(app.selected(), Item::Org(nato), "kept after clearing the filter");
    // Switching view while a search is on carries it over.
    app.update(OpenSearch);
    for c in "anvers".chars() {
        app.update(SearchChar(c));
    }
    app.update(SearchAccept);
    app.update(ToggleView);
    assert_eq!(app.view(), View::Levels);
    assert_eq!(selected_id(&app), "ren-cybercrime");
}

#[test]
fn the_organisations_view_lists_each_entry_found_under_each_organisation_it_names() {
    for query in ["a", "cyber", "se", "cert eu"] {
        let mut app = app("fr", (120, 40));
        app.update(OpenSearch);
        for c in query.chars() {
            app.update(SearchChar(c));
        }
        let found: Vec<Item> = app.search().expect("searching").results().to_vec();
        app.update(SearchAccept);
        app.update(ToggleView);
        let uses: Vec<Item> = app
            .search()
            .expect("searching")
            .results()
            .iter()
            .copied()
            .filter(|r| matches!(r, Item::Use(..)))
            .collect();
        // In the order of the entries' rank, each organisation once, in the order it is named.
        let mut expected = Vec::new();
        for n in found.iter().filter_map(|r| r.node()) {
            let mut seen = Vec::new();
            for l in &app.catalog().nodes[n].organisations {
                if !seen.contains(&l.target) {
                    seen.push(l.target);
                    expected.push(Item::Use(l.target, n));
                }
            }
        }
        assert!(!expected.is_empty(), "{query:?}");
        assert_eq!(uses, expected, "{query:?}");
    }
}

#[test]
fn history_is_bounded_and_keeps_the_latest_places() {
    let mut app = app("fr", (120, 40));
    let (qctr, ews) = (node(&app, "qctr"), node(&app, "ews"));
    app.update(Select(Item::Node(qctr)));
    // Back and forth between two entries, many more times than the history keeps.
    for _ in 0..(ccbnet::app::HISTORY * 3) {
        let to = if app.selected() == Item::Node(qctr) { ews } else { qctr };
        app.update(FollowLink(link_to(&app, Target::Node(to))));
    }
    assert_eq!(app.back().len(), ccbnet::app::HISTORY);
    for _ in 0..ccbnet::app::HISTORY * 2 {
        app.update(Back);
    }
    assert!(app.back().is_empty());
    assert_eq!(app.forward().len(), ccbnet::app::HISTORY);
}

fn screen(app: &App) -> String {
    let (w, h) = app.size();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ccbnet::ui::render(app, f)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn every_link_has_its_number_on_screen_from_the_tenth_on_too() {
    let mut app = app("fr", (120, 40));
    app.update(ToggleView);
    let ccb = org(&app, "ccb");
    app.update(Select(Item::Org(ccb)));
    let n = app.detail().links.len();
    assert!(n >= 12, "the CCB has {n} links");
    // The detail's text, scrolled through: each number shows once.
    let text: String = app.detail().lines.iter().map(|l| l.to_string() + "\n").collect();
    for k in 1..=n {
        assert_eq!(text.matches(&format!("[{k}] ")).count(), 1, "[{k}] in:\n{text}");
    }
    // `1 2 Enter` follows the link numbered [12].
    let twelfth = app.detail().links[11].target;
    app.update(Digit(1));
    app.update(Digit(2));
    app.update(FollowNumbered);
    let now = match app.selected() {
        Item::Node(x) | Item::Use(_, x) => Target::Node(x),
        Item::Org(o) => Target::Org(o),
    };
    assert_eq!(now, twelfth);
}

#[test]
fn a_count_that_names_no_link_says_so_and_is_dropped() {
    use ccbnet::keymap::action_for;
    use crossterm::event::{KeyCode, KeyEvent};
    for (lang, said) in [("fr", "Pas de lien 12 ici"), ("nl", "Geen link 12 hier")] {
        let mut app = app(lang, (120, 40));
        app.update(Select(Item::Node(node(&app, "qctr"))));
        let before = app.selected();
        let links = app.detail().links.len();
        assert!(links < 12, "{links} links");
        app.update(Digit(1));
        app.update(Digit(2));
        // `Enter` is acted on (the key table binds it), not ignored with the count left.
        let enter = action_for(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), &app.mode());
        assert_eq!(enter, Some(FollowNumbered));
        app.update(FollowNumbered);
        assert_eq!(app.selected(), before);
        assert_eq!(app.count(), None, "the count is dropped");
        let shown = screen(&app);
        let footer = shown.lines().last().expect("footer");
        assert!(footer.contains(said), "{lang}: {footer}");
        assert!(footer.contains(&format!("{links})")), "{lang}: {footer}");
    }
}
