//! Interactive search: accent- and case-blind in both directions, across languages (with a
//! marker), acronyms, the filtered tree, highlights, no result, Esc, Enter, n/N, editing keys
//! and the language switch.

use std::path::Path;

use ccbnet::action::Action::{self, *};
use ccbnet::app::App;
use ccbnet::data::{Catalog, load_embedded, load_path};
use ccbnet::search::{Index, highlights, query_words};
use ccbnet::tree::Item;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn fixture() -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/explorer.ron");
    load_path(&path).expect("fixture loads").catalog
}

fn shipped() -> Catalog {
    load_embedded().expect("shipped data loads").catalog
}

/// The ids found for `query` in `lang`, best first.
fn ids(c: &Catalog, query: &str, lang: &str) -> Vec<String> {
    Index::new(c)
        .search(query, lang, None)
        .into_iter()
        .filter(|h| h.node < c.nodes.len())
        .map(|h| c.nodes[h.node].id.clone())
        .collect()
}

fn typed(app: &mut App, text: &str) {
    for ch in text.chars() {
        app.update(SearchChar(ch));
    }
}

fn selected_id(app: &App) -> String {
    match app.selected() {
        Item::Node(n) | Item::Use(_, n) => app.catalog().nodes[n].id.clone(),
        Item::Org(o) => app.catalog().orgs[o].id.clone(),
    }
}

fn row_ids(app: &App) -> Vec<String> {
    app.rows()
        .iter()
        .map(|&i| match i {
            Item::Node(n) | Item::Use(_, n) => app.catalog().nodes[n].id.clone(),
            Item::Org(o) => app.catalog().orgs[o].id.clone(),
        })
        .collect()
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.size().0, app.size().1)).expect("terminal");
    t.draw(|f| ccbnet::ui::render(app, f)).expect("draw");
    t.backend().to_string()
}

#[test]
fn accents_are_ignored_in_both_directions() {
    let c = fixture();
    // Accented text, plain query; plain text, accented query.
    assert!(ids(&c, "reseau", "fr").contains(&"a1".to_string()));
    assert!(ids(&c, "beta", "fr").contains(&"beta".to_string()));
    assert_eq!(ids(&c, "SÉCURITÉ", "fr"), ["a2"]);
    assert_eq!(ids(&c, "sécurité", "fr"), ids(&c, "securite", "fr"));
    let c = shipped();
    let plain = ids(&c, "securite", "fr");
    assert!(!plain.is_empty());
    assert_eq!(plain, ids(&c, "sécurité", "fr"));
    assert_eq!(plain, ids(&c, "SECURITE", "fr"));
}

#[test]
fn case_is_ignored() {
    let c = shipped();
    assert_eq!(ids(&c, "gfce", "fr"), ids(&c, "GFCE", "fr"));
    assert_eq!(ids(&c, "GfCe", "nl")[0], "gfce");
}

#[test]
fn acronyms_come_first() {
    let c = shipped();
    assert_eq!(ids(&c, "GFCE", "fr")[0], "gfce");
    assert_eq!(ids(&c, "CySSAP", "nl")[0], "cyssap");
    assert_eq!(ids(&c, "QCTR", "fr")[0], "qctr");
}

#[test]
fn localized_acronyms_find_the_entry_in_their_language() {
    let c = shipped();
    let ix = Index::new(&c);
    let first = |q: &str, lang: &str| {
        let h = ix
            .search(q, lang, None)
            .into_iter()
            .find(|h| h.node < c.nodes.len())
            .expect("a result");
        (c.nodes[h.node].id.clone(), h.other_lang.map(|l| c.languages[usize::from(l)].clone()))
    };
    assert_eq!(first("OTAN", "fr"), ("nato-expertise".into(), None));
    assert_eq!(first("NAVO", "nl"), ("nato-expertise".into(), None));
    assert_eq!(first("OTAN", "nl"), ("nato-expertise".into(), Some("fr".into())));
    assert_eq!(first("CEI", "fr"), ("cei-iec".into(), None));
    assert_eq!(first("IEC", "nl"), ("cei-iec".into(), None));
}

#[test]
fn the_other_language_finds_too_and_is_marked() {
    let c = shipped();
    let ix = Index::new(&c);
    let hits = ix.search("Anvers", "nl", None);
    // The prosecutor-general's office (an organisation) and the network it coordinates.
    let hits: Vec<_> = hits.into_iter().filter(|h| h.node < c.nodes.len()).collect();
    assert_eq!(c.nodes[hits[0].node].id, "ren-cybercrime");
    assert_eq!(hits[0].other_lang, Some(0), "French, the first language");
    let hits = ix.search("Anvers", "fr", None);
    assert!(hits.iter().all(|h| h.other_lang.is_none()));
    // Shown on screen with the language's code.
    let mut app = App::new(c, "nl", (100, 30));
    app.update(OpenSearch);
    typed(&mut app, "anvers");
    let s = screen(&app);
    assert!(s.contains("[FR] REN"), "{s}");
}

#[test]
fn german_and_english_official_names_find_their_entry_from_any_language() {
    let c = shipped();
    let ix = Index::new(&c);
    let de = c.languages.iter().position(|l| l == "de").and_then(|i| u8::try_from(i).ok());
    let en = c.languages.iter().position(|l| l == "en").and_then(|i| u8::try_from(i).ok());
    for (query, id, lang_ix) in [
        ("Staatsanwaltschaft Antwerpen", "ren-cybercrime", de),
        // Folded: "Behörden" typed without its umlaut, "ß" as "ss".
        ("Aufsichtsbehorden vitaler Bedeutung", "cyssap", de),
        ("Fernmeldeunion", "itu-debates", de),
        ("prosecutor's office", "ren-cybercrime", en),
        ("Operators of Vital Importance", "cyssap", en),
        ("Interministerial Economic Commission", "cei-iec", en),
    ] {
        for active in ["fr", "nl"] {
            let hits: Vec<_> = ix
                .search(query, active, None)
                .into_iter()
                .filter(|h| h.node < c.nodes.len())
                .collect();
            let hit = hits.iter().find(|h| c.nodes[h.node].id == id);
            let hit = hit.unwrap_or_else(|| panic!("{query:?} ({active}) finds {id}"));
            assert_eq!(hit.other_lang, lang_ix, "{query:?} ({active}): marked with its language");
        }
        // In its own language, no mark.
        let own = if lang_ix == de { "de" } else { "en" };
        let hits = ix.search(query, own, None);
        let hit = hits.iter().find(|h| h.node < c.nodes.len() && c.nodes[h.node].id == id);
        assert_eq!(hit.map(|h| h.other_lang), Some(None), "{query:?} in {own}");
    }
    assert!(ids(&c, "strasse", "de").is_empty(), "no street in the data");
    // Shown on screen with the language's code.
    let mut app = App::new(c, "fr", (100, 30));
    app.update(OpenSearch);
    typed(&mut app, "staatsanwaltschaft");
    let s = screen(&app);
    assert!(s.contains("[DE] REN"), "{s}");
}

#[test]
fn the_start_of_a_word_is_enough() {
    let c = shipped();
    assert!(ids(&c, "cyberc", "fr").contains(&"ren-cybercrime".to_string()));
    assert!(ids(&c, "cyberc", "nl").contains(&"ren-cybercrime".to_string()));
}

#[test]
fn ranking_puts_the_active_language_then_names_first() {
    let c = fixture();
    let ix = Index::new(&c);
    // "reseau" is French: in Dutch every result is marked, in French none is.
    assert!(ix.search("reseau", "fr", None).iter().all(|h| h.other_lang.is_none()));
    // Organisations are items too, after the nodes: "Organisation A" is found by its name.
    let org = ix.search("organisation a", "fr", None);
    assert!(org.iter().any(|h| h.node == c.nodes.len()), "the organisation item");
    assert!(ix.search("reseau", "nl", None).iter().all(|h| h.other_lang == Some(0)));
    // A name match ranks above a summary match: "reseau" is in a1's name, and only in a2's
    // summary... and a2's name: names first, then the file order.
    let found = ids(&c, "reseau", "fr");
    assert_eq!(found[0], "a1");
    let found = ids(&c, "reseau un", "fr");
    assert_eq!(found, ["a1"], "every word must match");
}

#[test]
fn the_tree_shows_matches_and_their_ancestors() {
    let mut app = App::new(fixture(), "fr", (120, 40));
    app.update(OpenSearch);
    typed(&mut app, "sous-reseau y");
    assert_eq!(row_ids(&app), ["alpha", "a1", "a1y"]);
    assert_eq!(selected_id(&app), "a1y", "the best result is selected");
    let s = app.search().expect("search");
    let alpha = Item::Node(app.catalog().node_by_id("alpha").unwrap());
    let _ = s;
    assert!(!app.is_result(alpha), "an ancestor is shown but not a match");
    assert!(screen(&app).contains("1/1"));
}

#[test]
fn matched_characters_are_highlighted() {
    assert_eq!(highlights("Réseau un", &query_words("RESEAU")), vec![(0, 6)]);
    assert_eq!(highlights("Sous-réseau x", &query_words("reseau x")), vec![(5, 11), (12, 13)]);
    let mut app = App::new(fixture(), "fr", (120, 40));
    app.update(OpenSearch);
    typed(&mut app, "premier");
    let mut t = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    t.draw(|f| ccbnet::ui::render(&app, f)).expect("draw");
    let buf = t.backend().buffer();
    // Find "premier" in the detail pane and check its cells carry the match style.
    let mut found = false;
    for y in 0..40 {
        let line: String = (0..120).map(|x| buf[(x, y)].symbol().to_string()).collect();
        // The search line holds the query itself, unhighlighted.
        if line.starts_with("Rechercher") {
            continue;
        }
        if let Some(col) = line.find("premier") {
            let x = u16::try_from(line[..col].chars().count()).unwrap();
            for dx in 0..7 {
                assert_eq!(
                    buf[(x + dx, y)].style().fg,
                    ccbnet::theme::MATCH.fg,
                    "cell {dx} of the match"
                );
            }
            assert_ne!(buf[(x + 7, y)].style().fg, ccbnet::theme::MATCH.fg, "after the match");
            found = true;
        }
    }
    assert!(found, "the match is on screen");
}

#[test]
fn no_result_says_so_and_esc_restores() {
    let mut app = App::new(fixture(), "nl", (120, 40));
    app.update(Down);
    app.update(OpenSearch);
    typed(&mut app, "zzzz");
    assert!(app.search().unwrap().results().is_empty());
    let s = screen(&app);
    assert!(s.contains("Geen resultaten voor 'zzzz'"), "{s}");
    app.update(Down); // nothing to move to
    app.update(SearchAccept); // nothing to keep
    assert!(app.search().unwrap().typing());
    app.update(SearchCancel);
    assert!(app.search().is_none());
    assert_eq!(selected_id(&app), "a1");
    assert_eq!(row_ids(&app).len(), 7);
}

#[test]
fn esc_while_typing_puts_everything_back() {
    let mut app = App::new(fixture(), "fr", (40, 12));
    app.update(Down);
    app.update(Expand);
    app.update(Last);
    let (rows, cursor, offset) = (app.rows().to_vec(), app.cursor(), app.tree_offset());
    app.update(OpenSearch);
    typed(&mut app, "sous");
    assert_eq!(selected_id(&app), "a1x");
    app.update(SearchCancel);
    assert_eq!((app.rows().to_vec(), app.cursor(), app.tree_offset()), (rows, cursor, offset));
    assert!(app.search().is_none());
}

#[test]
fn esc_after_enter_clears_the_filter_and_reveals_the_selection() {
    let mut app = App::new(fixture(), "fr", (120, 40));
    app.update(OpenSearch);
    typed(&mut app, "sous-reseau y");
    app.update(SearchAccept);
    let s = app.search().expect("kept as a filter");
    assert!(!s.typing());
    // Keys now move in the filtered tree.
    app.update(Up);
    assert_eq!(selected_id(&app), "a1");
    app.update(Down);
    app.update(Close);
    assert!(app.search().is_none());
    assert_eq!(selected_id(&app), "a1y", "the selected node is kept");
    let a1 = app.catalog().node_by_id("a1").unwrap();
    assert!(app.expansion().nodes[a1], "and revealed in the full tree");
    assert_eq!(row_ids(&app), ["alpha", "a1", "a1x", "a1y", "a2", "beta", "b1", "b2", "gamma"]);
}

#[test]
fn n_and_shift_n_go_round_with_a_sign() {
    let mut app = App::new(fixture(), "fr", (120, 40));
    app.update(OpenSearch);
    typed(&mut app, "reseau");
    app.update(SearchAccept);
    let total = app.search().unwrap().results().len();
    assert!(total >= 3, "{total}");
    let order: Vec<Item> = app.search().unwrap().results().to_vec();
    for (i, &want) in order.iter().enumerate().skip(1) {
        app.update(NextResult);
        assert_eq!(app.selected(), want, "result {i}");
        assert_eq!(app.search().unwrap().wrapped(), None);
    }
    app.update(NextResult);
    assert_eq!(app.selected(), order[0]);
    assert_eq!(app.search().unwrap().wrapped(), Some(true), "went round");
    assert!(screen(&app).contains("↻ retour au début"));
    app.update(PrevResult);
    assert_eq!(app.selected(), order[total - 1]);
    assert_eq!(app.search().unwrap().wrapped(), Some(false), "went round backwards");
    assert!(screen(&app).contains("↻ retour à la fin"), "not 'to the start'");
    app.update(PrevResult);
    assert_eq!(app.search().unwrap().wrapped(), None);
}

#[test]
fn editing_keys() {
    let mut app = App::new(fixture(), "fr", (120, 40));
    app.update(OpenSearch);
    typed(&mut app, "sous reseau");
    let q = |app: &App| app.search().unwrap().query().to_owned();
    let caret = |app: &App| app.search().unwrap().caret();
    app.update(SearchDeleteWord);
    assert_eq!(q(&app), "sous ");
    app.update(SearchBackspace);
    assert_eq!(q(&app), "sous");
    app.update(SearchHome);
    assert_eq!(caret(&app), 0);
    app.update(SearchChar('x'));
    assert_eq!(q(&app), "xsous");
    app.update(SearchRight);
    app.update(SearchChar('é'));
    assert_eq!(q(&app), "xséous");
    app.update(SearchLeft);
    app.update(SearchLeft);
    app.update(SearchBackspace);
    assert_eq!(q(&app), "séous");
    app.update(SearchEnd);
    assert_eq!(caret(&app), 5);
    app.update(SearchClear);
    assert_eq!((q(&app), caret(&app)), (String::new(), 0));
    // An empty query shows the whole tree.
    assert_eq!(row_ids(&app).len(), 7);
}

#[test]
fn switching_language_keeps_the_query_and_reranks() {
    let mut app = App::new(shipped(), "fr", (120, 40));
    app.update(OpenSearch);
    typed(&mut app, "anvers");
    assert_eq!(selected_id(&app), "ren-cybercrime");
    let ren = Item::Node(app.catalog().node_by_id("ren-cybercrime").unwrap());
    assert_eq!(app.result_language(ren), None);
    app.update(Action::NextLanguage);
    assert_eq!(app.lang(), "nl");
    let s = app.search().unwrap();
    assert_eq!(s.query(), "anvers");
    assert!(s.typing(), "still typing");
    assert_eq!(selected_id(&app), "ren-cybercrime", "the selection is kept");
    assert_eq!(app.result_language(ren), Some("fr"), "now marked as French");
}

#[test]
fn letters_type_into_the_search_line_instead_of_acting() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = App::new(fixture(), "fr", (120, 40));
    app.update(OpenSearch);
    for c in "qLj?".chars() {
        let a = ccbnet::keymap::action_for(
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            &app.mode(),
        );
        app.update(a.expect("bound"));
    }
    assert!(!app.quit());
    assert_eq!(app.lang(), "fr");
    assert!(!app.help());
    assert_eq!(app.search().unwrap().query(), "qLj?");
}

/// `current/total` as the search line shows it.
fn counter(app: &App) -> (usize, usize) {
    let status = ccbnet::ui::search_status(app);
    let at = status.rsplit(' ').next().unwrap_or("");
    let (a, b) = at.split_once('/').expect("a counter");
    (a.parse().expect("a number"), b.parse().expect("a number"))
}

#[test]
fn the_counter_counts_what_n_reaches_in_both_views() {
    // "ccb" matches entries and organisations alike: in each view, the counter's total is the
    // number of distinct places `n` goes through before it comes round.
    for toggle in [false, true] {
        let mut app = App::new(shipped(), "fr", (120, 40));
        if toggle {
            app.update(ToggleView);
        }
        app.update(OpenSearch);
        typed(&mut app, "ccb");
        app.update(SearchAccept);
        let (first, total) = counter(&app);
        assert_eq!(first, 1);
        let mut seen = vec![app.selected()];
        for step in 1..=total {
            app.update(NextResult);
            let (cur, tot) = counter(&app);
            assert_eq!(tot, total);
            assert!(cur <= tot, "{cur}/{tot}");
            if step < total {
                assert_eq!(cur, step + 1);
                assert!(!seen.contains(&app.selected()), "result {cur} seen twice");
                seen.push(app.selected());
            } else {
                assert_eq!(cur, 1, "round again");
            }
        }
        assert_eq!(seen.len(), total, "view {toggle}: every result counted is reached");
    }
}

#[test]
fn the_counter_follows_the_selection_onto_a_result() {
    let mut app = App::new(shipped(), "fr", (120, 40));
    app.update(OpenSearch);
    typed(&mut app, "ccb");
    app.update(SearchAccept);
    let results = app.search().unwrap().results().to_vec();
    let third = results[2];
    app.update(Select(third));
    assert_eq!(counter(&app).0, 3, "the counter says where the selection is");
    app.update(NextResult);
    assert_eq!(app.selected(), results[3], "n goes on from there");
}

#[test]
fn with_no_results_the_query_stays_and_tree_and_detail_say_so() {
    let mut app = App::new(shipped(), "fr", (80, 24));
    app.update(OpenSearch);
    typed(&mut app, "zzzzqqqq");
    let s = screen(&app);
    assert!(s.contains("zzzzqqqq"), "the query is on screen");
    assert!(s.contains("Aucun résultat pour"), "the tree says so");
    assert!(s.contains("Aucun résultat\u{a0}: modifiez"), "and the detail too:\n{s}");
    assert!(!s.contains("Chemin"), "no stale entry in the detail");
    assert_eq!(ccbnet::ui::search_status(&app), "0/0");
    assert_eq!(app.mode().links, 0, "no links to follow");
}

#[test]
fn a_long_query_scrolls_and_the_caret_stays_on_screen() {
    let query = "réseau national de coordination des incidents et des alertes de cybersécurité";
    for (w, h) in [(120, 40), (80, 24), (50, 15)] {
        let mut app = App::new(shipped(), "fr", (w, h));
        app.update(OpenSearch);
        typed(&mut app, query);
        let area = ratatui::layout::Rect::new(0, 0, w, h);
        let pos = ccbnet::ui::cursor_position(&app, area).expect("a caret");
        assert!(pos.x < w, "{w}x{h}: caret at {}", pos.x);
        let s = screen(&app);
        let line = s.lines().nth(usize::from(pos.y)).unwrap();
        assert!(line.contains("sécurité"), "{w}x{h}: the end of the query, by the caret: {line}");
        // Home: the start of the query, the caret after the prompt.
        app.update(SearchHome);
        let s = screen(&app);
        let line = s.lines().nth(usize::from(pos.y)).unwrap().to_owned();
        assert!(line.contains("réseau nat"), "{w}x{h}: {line}");
        let pos = ccbnet::ui::cursor_position(&app, area).unwrap();
        let before: String = line.chars().skip(1).take(usize::from(pos.x)).collect();
        assert!(!before.contains("réseau"), "{w}x{h}: the caret before the query: {before:?}");
    }
}

#[test]
fn following_a_link_from_a_kept_search_and_back_returns_to_the_filtered_tree() {
    let mut app = App::new(shipped(), "fr", (120, 40));
    app.update(OpenSearch);
    typed(&mut app, "ccb");
    app.update(SearchAccept);
    app.update(NextResult);
    let rows = app.rows().to_vec();
    let sel = app.selected();
    let links = app.detail().links.len();
    assert!(links > 0, "the result has links");
    app.update(FollowLink(0));
    assert_ne!(app.selected(), sel);
    app.update(Back);
    assert_eq!(app.selected(), sel);
    assert_eq!(app.rows(), rows, "the filtered tree as it was");
    let s = app.search().expect("the search is back");
    assert_eq!(s.query(), "ccb");
    assert!(!s.typing());
    assert!(screen(&app).contains("Rechercher\u{a0}: ccb"));
    app.update(Forward);
    assert!(app.search().is_none());
}

#[test]
fn editing_keys_delete_kill_and_move_by_word() {
    let mut app = App::new(fixture(), "fr", (120, 40));
    app.update(OpenSearch);
    typed(&mut app, "un deux trois");
    let q = |app: &App| app.search().unwrap().query().to_owned();
    let caret = |app: &App| app.search().unwrap().caret();
    app.update(SearchWordLeft);
    assert_eq!(caret(&app), 8);
    app.update(SearchWordLeft);
    assert_eq!(caret(&app), 3);
    app.update(SearchWordRight);
    assert_eq!(caret(&app), 7);
    app.update(SearchDelete);
    assert_eq!(q(&app), "un deuxtrois");
    app.update(SearchKillEnd);
    assert_eq!(q(&app), "un deux");
    app.update(SearchHome);
    app.update(SearchDelete);
    assert_eq!((q(&app), caret(&app)), ("n deux".to_owned(), 0));
    app.update(SearchEnd);
    app.update(SearchDelete);
    assert_eq!(q(&app), "n deux", "nothing under the caret at the end");
}

#[test]
fn a_query_of_any_number_of_words_finds_what_has_them_all() {
    let c = shipped();
    // An entry whose French summary has at least 40 different words; all of them at once.
    let (id, words) = c
        .nodes
        .iter()
        .find_map(|n| {
            let text = n.summary.as_ref()?.get("fr")?;
            let mut words: Vec<String> = Vec::new();
            for w in query_words(text) {
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            (words.len() >= 40).then(|| (n.id.clone(), words))
        })
        .expect("an entry with a long summary");
    for n in [33, words.len()] {
        let query = words[..n].join(" ");
        assert!(ids(&c, &query, "fr").contains(&id), "{n} words did not find {id}: {query}");
    }
    // One word found nowhere: nothing, however many others match.
    let query = format!("{} zzqqxxnowhere", words.join(" "));
    assert!(ids(&c, &query, "fr").is_empty());
    // The same word thousands of times is one word.
    let many = vec![words[0].as_str(); 5000].join(" ");
    assert_eq!(ids(&c, &many, "fr"), ids(&c, &words[0], "fr"));
}

#[test]
fn a_paste_is_text_in_the_search_line_never_keys() {
    let mut app = App::new(fixture(), "fr", (120, 40));
    // Outside the search line: the search opens with the text; line breaks and tabs become
    // spaces (a Windows line end is one line break), other control characters go; `q` in it is
    // a letter, not quit.
    app.update(Paste("al\r\npha\tq\u{1b}[31m\u{7}".into()));
    let s = app.search().expect("the search opened");
    assert!(s.typing());
    assert_eq!(s.query(), "al pha q[31m");
    assert_eq!(s.caret(), s.query().chars().count());
    assert!(!app.quit());
    // Inside it, at the caret.
    app.update(SearchClear);
    typed(&mut app, "ab");
    app.update(SearchLeft);
    app.update(Paste("XY".into()));
    let s = app.search().expect("search");
    assert_eq!((s.query(), s.caret()), ("aXYb", 3));
    // Only control characters: nothing happens.
    app.update(SearchCancel);
    app.update(Paste("\u{1b}\u{7}".into()));
    assert!(app.search().is_none());
    // From the help overlay: the help closes, the search opens.
    app.update(ToggleHelp);
    app.update(Paste("alpha".into()));
    assert!(!app.help());
    assert_eq!(app.search().map(ccbnet::app::Search::query), Some("alpha"));
}

#[test]
fn the_index_is_built_after_the_start_and_a_search_waits_for_it() {
    let app = App::new(shipped(), "fr", (120, 40));
    assert!(!app.index_ready(), "a new explorer has not built the search index");
    let mut reference = app.clone();
    reference.update(OpenSearch);
    typed(&mut reference, "cert");
    assert!(reference.index_ready(), "a search builds it");
    assert!(!reference.search().expect("a search").results().is_empty());
    // Built on another thread while the search starts: the search waits for it and finds the
    // same, every key taken.
    for _ in 0..20 {
        let mut app = app.clone();
        let builder = std::thread::spawn(app.index_builder());
        app.update(OpenSearch);
        typed(&mut app, "cert");
        builder.join().expect("the builder ends");
        let (s, r) = (app.search().expect("a search"), reference.search().expect("a search"));
        assert_eq!((s.query(), s.results()), (r.query(), r.results()));
        assert_eq!(selected_id(&app), selected_id(&reference));
    }
}

#[test]
fn a_reload_drops_the_old_index_and_builds_the_new_one_when_needed() {
    let mut app = App::new(shipped(), "fr", (120, 40));
    app.update(OpenSearch);
    typed(&mut app, "cert");
    app.update(SearchAccept);
    assert!(app.index_ready());
    app.reload(Ok(fixture()));
    // The search kept is run again on the new data, with its own index.
    let found: Vec<String> = ids(app.catalog(), "cert", "fr");
    let results: Vec<String> = app
        .search()
        .map(|s| {
            s.results()
                .iter()
                .filter_map(|i| i.node())
                .map(|n| app.catalog().nodes[n].id.clone())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(results, found);
}

#[test]
fn a_dropped_index_is_built_again_for_the_next_search() {
    let mut app = App::new(shipped(), "fr", (120, 40));
    app.update(OpenSearch);
    typed(&mut app, "cert");
    let before: Vec<Item> = app.search().expect("a search").results().to_vec();
    app.update(SearchCancel);
    app.drop_index();
    assert!(!app.index_ready(), "the index is gone");
    app.update(OpenSearch);
    typed(&mut app, "cert");
    assert!(app.index_ready());
    assert_eq!(app.search().expect("a search").results(), &before[..]);
}

fn draw_text(app: &App) -> String {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ccbnet::ui::render(app, f)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn the_went_round_notice_goes_at_the_next_key_that_is_not_n() {
    let mut app = App::new(shipped(), "fr", (100, 30));
    app.update(OpenSearch);
    typed(&mut app, "navo");
    app.update(SearchAccept);
    let n = app.search().expect("a search").results().len();
    assert!(n >= 2, "{n} results");
    for _ in 0..n {
        app.update(NextResult);
    }
    assert_eq!(app.search().and_then(ccbnet::app::Search::wrapped), Some(true));
    assert!(draw_text(&app).contains('↻'));
    // A resize is no key: the notice stays.
    app.update(Resize(100, 30));
    assert_eq!(app.search().and_then(ccbnet::app::Search::wrapped), Some(true));
    app.update(Down);
    assert_eq!(app.search().and_then(ccbnet::app::Search::wrapped), None);
    assert!(!draw_text(&app).contains('↻'), "{}", draw_text(&app));
}

#[test]
fn with_no_results_the_tree_shows_no_scroll_marks() {
    for lang in ["fr", "nl"] {
        let mut app = App::new(shipped(), lang, (80, 24));
        app.update(OpenSearch);
        typed(&mut app, "zzqqxxyy");
        for typing in [true, false] {
            if !typing {
                app.update(SearchAccept);
            }
            let screen = draw_text(&app);
            assert!(app.no_results(), "{lang}");
            let marks = screen.lines().filter(|l| l.contains('▲') || l.contains('▼')).count();
            assert_eq!(marks, 0, "{lang}, typing {typing}:\n{screen}");
        }
    }
}
