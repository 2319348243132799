//! Rendered screens in a ratatui `TestBackend`: the layout at 120x40, 80x24 and 40x12 in French
//! and Dutch, the shipped data set in all four languages at 120x40 and 80x24, the fallback marker, control-character sanitizing, and tiny sizes.

use std::path::Path;

use ccbnet::action::Action;
use ccbnet::app::App;
use ccbnet::data::{Catalog, load_path};
use ccbnet::keymap::{Mode, Pane};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn catalog(rel: &str) -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    load_path(&path).expect("fixture loads").catalog
}

fn explorer(lang: &str, w: u16, h: u16) -> App {
    App::new(catalog("tests/fixtures/valid/explorer.ron"), lang, (w, h))
}

fn screen(app: &App) -> String {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| ccbnet::ui::render(app, f)).expect("draw");
    terminal.backend().to_string()
}

fn select(app: &mut App, id: &str) {
    let n = app.catalog().node_by_id(id).expect("id exists");
    app.update(Action::Select(ccbnet::tree::Item::Node(n)));
}

#[test]
fn snapshots_in_both_languages_at_three_sizes() {
    for (w, h) in [(120, 40), (80, 24), (40, 12)] {
        for lang in ["fr", "nl"] {
            let mut app = explorer(lang, w, h);
            select(&mut app, "a1");
            insta::assert_snapshot!(format!("explorer_{lang}_{w}x{h}"), screen(&app));
        }
    }
}

/// The explorer on the shipped data set in `lang`, with the entry `id` selected.
fn shipped_on(lang: &str, w: u16, h: u16, id: &str) -> App {
    let catalog = ccbnet::data::load_embedded().expect("the shipped data").catalog;
    let mut app = App::new(catalog, lang, (w, h));
    select(&mut app, id);
    app
}

#[test]
fn snapshots_of_the_shipped_data_in_all_four_languages() {
    for (w, h) in [(120, 40), (80, 24)] {
        for lang in ["fr", "nl", "de", "en"] {
            let app = shipped_on(lang, w, h, "ren-cybercrime");
            insta::assert_snapshot!(format!("shipped_{lang}_{w}x{h}"), screen(&app));
            let mut app = shipped_on(lang, w, h, "qctr");
            app.update(Action::ToggleHelp);
            insta::assert_snapshot!(format!("shipped_help_{lang}_{w}x{h}"), screen(&app));
        }
    }
}

#[test]
fn german_and_english_screens_have_no_french_or_dutch_interface_word() {
    // Words of the French and Dutch interface that neither German nor English uses.
    let foreign = [
        "Réseaux",
        "Détails",
        "Chemin",
        "Organisations ",
        "Rechercher",
        "quitter",
        "aide",
        "Netwerken",
        "Pad",
        "Organisaties",
        "Zoeken",
        "afsluiten",
        "hulp",
        "Bron",
    ];
    for lang in ["de", "en"] {
        for (w, h) in [(120, 40), (80, 24)] {
            let mut screens = vec![screen(&shipped_on(lang, w, h, "sit"))];
            let mut app = shipped_on(lang, w, h, "sit");
            app.update(Action::ToggleHelp);
            screens.push(screen(&app));
            let mut app = shipped_on(lang, w, h, "sit");
            app.update(Action::OpenSearch);
            app.update(Action::SearchChar('x'));
            app.update(Action::SearchChar('q'));
            screens.push(screen(&app));
            for s in screens {
                for word in foreign {
                    // "Organisations" is English too: only the French pane title with its
                    // trailing space is looked for where English would not have it.
                    if lang == "en" && word == "Organisations " {
                        continue;
                    }
                    assert!(!s.contains(word), "{lang} {w}x{h}: {word:?} in\n{s}");
                }
            }
        }
    }
    assert!(screen(&shipped_on("de", 20, 5, "sit")).contains("Fenster zu klein"));
    assert!(screen(&shipped_on("en", 20, 5, "sit")).contains("Window too small"));
}

#[test]
fn help_overlay_snapshots() {
    for lang in ["fr", "nl"] {
        let mut app = explorer(lang, 80, 24);
        app.update(Action::ToggleHelp);
        insta::assert_snapshot!(format!("help_{lang}_80x24"), screen(&app));
    }
}

#[test]
fn a_missing_translation_shows_the_other_language_with_a_marker() {
    let mut app = explorer("nl", 120, 40);
    select(&mut app, "b1");
    let s = screen(&app);
    // The tab became spaces; the paragraph is wrapped on words.
    assert!(s.contains("[FR] Texte avec tabulation"), "{s}");
    app.update(Action::NextLanguage);
    let s = screen(&app);
    assert!(s.contains("│Texte avec tabulation"), "no marker in French: {s}");
}

#[test]
fn control_characters_never_reach_the_screen() {
    for lang in ["fr", "nl"] {
        let mut app = explorer(lang, 120, 40);
        select(&mut app, "b1");
        let (w, h) = app.size();
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        terminal.draw(|f| ccbnet::ui::render(&app, f)).expect("draw");
        let buf = terminal.backend().buffer();
        for cell in &buf.content {
            assert!(!cell.symbol().chars().any(char::is_control), "control character in {cell:?}");
        }
        let s = screen(&app);
        assert!(s.contains("\u{FFFD}[31m"), "escape shown as a replacement character: {s}");
    }
}

#[test]
fn wide_characters_never_misalign_the_border() {
    let mut app = explorer("fr", 80, 24);
    select(&mut app, "b2");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    terminal.draw(|f| ccbnet::ui::render(&app, f)).expect("draw");
    let buf = terminal.backend().buffer();
    // Both panes keep their borders in place on every row: the tree's right border at its
    // column, the detail's at the last one.
    let tree_right = app.areas().unwrap().tree.right() - 1;
    for y in 2..22 {
        assert_eq!(buf[(tree_right, y)].symbol(), "│", "tree border at row {y}");
        assert_eq!(buf[(79, y)].symbol(), "│", "detail border at row {y}");
    }
}

#[test]
fn a_scrollable_detail_shows_that_there_is_more() {
    let mut app = explorer("fr", 40, 12);
    select(&mut app, "a1");
    assert!(screen(&app).contains('▼'));
    app.update(Action::FocusNext);
    app.update(Action::Last);
    let s = screen(&app);
    assert!(s.contains('▲'), "{s}");
}

#[test]
fn every_size_down_to_1x1_draws_without_panic_and_inside_its_area() {
    for w in [1u16, 2, 5, 10, 23, 24, 30, 40, 79, 80] {
        for h in [1u16, 2, 3, 7, 8, 12, 24] {
            for lang in ["fr", "nl"] {
                let mut app = explorer(lang, w, h);
                app.update(Action::Last);
                app.update(Action::ToggleHelp);
                // Draw inside a larger buffer, at an offset, and check nothing lands outside.
                let outer = Rect::new(0, 0, w + 4, h + 4);
                let inner = Rect::new(2, 2, w, h);
                let mut buf = Buffer::empty(outer);
                ccbnet::ui::draw(&app, inner, &mut buf);
                for y in 0..outer.height {
                    for x in 0..outer.width {
                        if !inner.contains((x, y).into()) {
                            assert_eq!(
                                buf[(x, y)].symbol(),
                                " ",
                                "drawn outside at {x},{y} for {w}x{h}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn too_small_shows_a_message() {
    let app = explorer("nl", 20, 5);
    assert!(screen(&app).contains("Venster te klein"));
    let app = explorer("fr", 40, 5);
    assert!(screen(&app).contains("Fenêtre trop petite"));
}

#[test]
fn the_footer_keeps_help_when_narrow_and_tab_o_and_q_at_80_columns() {
    for lang in ["fr", "nl"] {
        let mut tree = Mode::plain(Pane::Tree);
        tree.expandable = true;
        let keys = |w: usize| -> Vec<String> {
            ccbnet::ui::footer_hints(lang, w, &tree).into_iter().map(|(k, _)| k).collect()
        };
        assert!(keys(30).contains(&"?".to_owned()), "{lang}: {:?}", keys(30));
        let at80 = keys(80);
        // How to quit stays; `L` gives way first (the header shows the languages).
        for k in ["Enter", "Tab", "o", "/", "?", "q"] {
            assert!(at80.contains(&k.to_owned()), "{lang}: {k} missing from {at80:?}");
        }
        assert!(keys(120).contains(&"L".to_owned()), "{lang}: {:?}", keys(120));
        let all = ccbnet::ui::footer_hints(lang, 200, &tree);
        assert_eq!(all[0].0, "↓", "table order");
    }
}

#[test]
fn in_a_kept_search_the_footer_offers_n_and_n_together_before_tab_and_o() {
    for lang in ["fr", "nl"] {
        let mut kept = Mode::plain(Pane::Tree);
        kept.filter = true;
        kept.results = 3;
        kept.links = 2;
        let keys = |w: usize| -> Vec<String> {
            ccbnet::ui::footer_hints(lang, w, &kept).into_iter().map(|(k, _)| k).collect()
        };
        let at80 = keys(80);
        for k in ["n", "N", "Esc", "?"] {
            assert!(at80.contains(&k.to_owned()), "{lang}: {k} missing from {at80:?}");
        }
        for w in 10..160 {
            let k = keys(w);
            let has = |x: &str| k.contains(&x.to_owned());
            assert_eq!(has("n"), has("N"), "{lang} at {w}: {k:?}");
            if has("Tab") || has("o") {
                assert!(has("n"), "{lang} at {w}: Tab or o before n/N: {k:?}");
            }
        }
    }
}

#[test]
fn search_snapshots() {
    for (lang, query) in [("fr", "réseau"), ("nl", "netwerk")] {
        let mut app = explorer(lang, 80, 24);
        app.update(Action::OpenSearch);
        for c in query.chars() {
            app.update(Action::SearchChar(c));
        }
        insta::assert_snapshot!(format!("search_{lang}_80x24"), screen(&app));
    }
}

/// The shipped data set's explorer.
fn shipped(lang: &str, w: u16, h: u16) -> App {
    App::new(ccbnet::data::load_embedded().expect("shipped data").catalog, lang, (w, h))
}

/// The frame's buffer, escape sequences in the cells kept.
fn cells(app: &App) -> Buffer {
    let (w, h) = app.size();
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    ccbnet::ui::draw(app, buf.area, &mut buf);
    buf
}

#[test]
fn the_detail_shows_a_fact_s_sources_and_their_addresses() {
    for lang in ["fr", "nl"] {
        let mut app = shipped(lang, 120, 40);
        select(&mut app, "first");
        let view = app.detail().clone();
        let text: Vec<String> = view.lines.iter().map(|l| l.to_string()).collect();
        let all = text.join("\n");
        assert!(all.contains("◦ FIRST — Forum of Incident Response and Security Teams"), "{all}");
        let spot = view.urls.iter().find(|u| u.url == "https://www.first.org/").expect("a spot");
        assert_eq!(&text[spot.line][spot.col..], "https://www.first.org/");
        // The change since the page, with its own sources under it.
        select(&mut app, "single-point-of-contact");
        let all: String = app.detail().lines.iter().map(|l| format!("{l}\n")).collect();
        let since = all.find("2022/2555").expect("the change");
        let src = all.find("https://atwork.safeonweb.be/fr/nis2").expect("its source");
        assert!(since < src, "the source follows the fact");
    }
}

#[test]
fn addresses_are_osc_8_hyperlinks_only_where_the_terminal_shows_them() {
    let mut plain = shipped("fr", 120, 40);
    select(&mut plain, "first");
    let buf = cells(&plain);
    assert!(!buf.content.iter().any(|c| c.symbol().contains('\x1b')), "plain text by default");
    let mut linked = shipped("fr", 120, 40).with_hyperlinks(true);
    select(&mut linked, "first");
    let buf = cells(&linked);
    let opens: Vec<_> = buf
        .content
        .iter()
        .filter(|c| c.symbol().starts_with("\x1b]8;;https://www.first.org/\x1b\\"))
        .collect();
    assert_eq!(opens.len(), 1, "one link opened");
    assert_eq!(buf.content.iter().filter(|c| c.symbol().ends_with("\x1b]8;;\x1b\\")).count(), 1);
    // The same text, cell for cell, once the escape sequences are taken out.
    let strip = |b: &Buffer| -> String {
        b.content
            .iter()
            .map(|c| {
                c.symbol()
                    .replace("\x1b]8;;https://www.first.org/\x1b\\", "")
                    .replace("\x1b]8;;\x1b\\", "")
            })
            .collect()
    };
    assert_eq!(strip(&buf), strip(&cells(&plain)));
}

#[test]
fn an_unverified_name_carries_its_mark_in_the_tree_and_the_detail() {
    for (lang, name, says) in [
        ("fr", "Groupe de réflexion ISP*", "* Nom non vérifié"),
        ("nl", "ISP-denktank*", "* Niet geverifieerde naam"),
    ] {
        let mut app = shipped(lang, 120, 40);
        select(&mut app, "isp-think-tank");
        let s = screen(&app);
        assert!(s.matches(name).count() >= 2, "tree row and detail title:\n{s}");
        assert!(s.contains(says), "{s}");
        // A name that is verified has no mark.
        select(&mut app, "cyssap");
        assert!(!app.detail().lines.iter().any(|l| l.to_string().contains("Platform*")));
    }
}

#[test]
fn the_date_the_content_reflects_is_on_the_first_line_at_every_size() {
    for (lang, date) in
        [("fr", "état avant le 18\u{a0}octobre\u{a0}2024"), ("nl", "toestand vóór 18 oktober 2024")]
    {
        // At 50 columns and less, the four language labels leave the date too little room.
        for (w, h) in [(120, 40), (80, 24)] {
            let mut app = shipped(lang, w, h);
            for id in ["ecso", "isp-think-tank"] {
                select(&mut app, id);
                let s = screen(&app);
                let first = s.lines().next().expect("a header").replace('\u{a0}', " ");
                assert!(first.contains(&date.replace('\u{a0}', " ")), "{w}x{h} {lang}: {first}");
                // No longer repeated at the end of each detail pane.
                let note = app.catalog().source_note.get(lang).expect("note").to_owned();
                assert!(!app.detail().lines.iter().any(|l| {
                    note.starts_with(&l.to_string().trim().to_owned())
                        && !l.to_string().trim().is_empty()
                        && l.to_string().len() > 30
                }));
            }
        }
    }
}

#[test]
fn s_shows_the_full_source_note_on_a_screen_of_its_own() {
    for (lang, title, words, page) in [
        ("fr", "Source du contenu", "Contenu établi d'après la page", "Page source : CCB, page"),
        ("nl", "Bron van de inhoud", "Deze inhoud volgt de pagina", "Bronpagina: CCB, pagina"),
    ] {
        let mut app = shipped(lang, 80, 24);
        app.update(Action::ShowSource);
        assert_eq!(app.mode().pane, Pane::Help, "an overlay, closed and scrolled as the help is");
        let s = screen(&app);
        assert!(s.contains(title), "{s}");
        assert!(s.contains(words), "{s}");
        assert!(s.replace('\u{a0}', " ").contains(page), "{s}");
        app.update(Action::Close);
        assert!(app.overlay().is_none());
    }
}
