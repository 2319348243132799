//! Any bytes as a data file: loading never panics, hangs or blows up memory; ccbnet's reader
//! and `ron` agree on every file both accept, and a file `ron` refuses is refused; a file that
//! loads holds no control character but line breaks, opens in the explorer, draws, exports and
//! searches; a file that does not load is refused with at least one error.
#![no_main]

#[path = "../../tests/common/reference.rs"]
mod reference;

use ccbnet::app::App;
use ccbnet::data::{Catalog, Text, load_bytes};
use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        same_as_ron(src.strip_prefix('\u{FEFF}').unwrap_or(src));
    }
    match load_bytes("fuzz", data) {
        Ok(loaded) => {
            for d in &loaded.warnings {
                assert!(!d.is_error(), "an error among the warnings of a file that loaded: {d}");
                let _ = d.to_string();
            }
            check_catalog(&loaded.catalog);
            explore(loaded.catalog);
        }
        Err(diags) => {
            assert!(diags.iter().any(|d| d.is_error()), "refused without an error: {diags:?}");
            for d in &diags {
                let _ = d.to_string();
            }
        }
    }
});

/// ccbnet's reader and `ron` agree on `src` (see `tests/common/reference.rs`).
fn same_as_ron(src: &str) {
    if let Err(e) = reference::compare(src) {
        panic!("ccbnet and ron disagree: {e}");
    }
}

/// Every text is safe to draw, and every index points inside the catalog.
fn check_catalog(c: &Catalog) {
    assert!(!c.languages.is_empty());
    assert!(!c.roots.is_empty() || c.nodes.is_empty());
    let safe = |t: &Text| {
        for (_, s) in t.entries() {
            assert!(!s.chars().any(|ch| ch.is_control() && ch != '\n'), "unsafe text {s:?}");
        }
    };
    safe(&c.title);
    safe(&c.source_note);
    safe(&c.as_of);
    for n in &c.nodes {
        safe(&n.name);
        n.short.iter().chain(&n.acronym).chain(&n.summary).for_each(safe);
        n.related.iter().flat_map(|l| l.role.iter().chain(&l.back)).for_each(safe);
        n.facts.iter().for_each(|(_, t)| safe(t));
        assert!(n.parent.is_none_or(|p| p < c.nodes.len()));
        assert!(n.children.iter().all(|&k| k < c.nodes.len()));
        assert!(n.related.iter().all(|l| l.target < c.nodes.len()));
        assert!(n.organisations.iter().all(|l| l.target < c.orgs.len()));
    }
    for o in &c.orgs {
        safe(&o.name);
        o.acronym.iter().chain(&o.summary).for_each(safe);
        assert!(o.part_of.is_none_or(|p| p < c.orgs.len()));
    }
}

/// Opens the explorer on the catalog and draws it, in every language; exports and searches.
fn explore(catalog: Catalog) {
    for lang in catalog.languages.clone() {
        let _ = ccbnet::export::text(&catalog, &lang, 60);
        let _ = ccbnet::export::markdown(&catalog, &lang);
        let _ = ccbnet::export::json(&catalog, Some(&lang));
    }
    let _ = ccbnet::export::json(&catalog, None);
    let lang = catalog.languages[0].clone();
    let mut app = App::new(catalog, &lang, (80, 24));
    draw(&app);
    for action in [
        ccbnet::action::Action::NextLanguage,
        ccbnet::action::Action::ToggleView,
        ccbnet::action::Action::OpenSearch,
        ccbnet::action::Action::SearchChar('e'),
    ] {
        app.update(action);
        draw(&app);
    }
}

fn draw(app: &App) {
    let area = Rect::new(0, 0, app.size().0, app.size().1);
    let mut buf = Buffer::empty(area);
    ccbnet::ui::draw(app, area, &mut buf);
    for cell in &buf.content {
        assert!(!cell.symbol().chars().any(char::is_control), "control character drawn");
    }
}
