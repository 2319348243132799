//! Search speed: one keystroke (search plus render at 200x60) on generated data sets of 1,000,
//! 10,000 and 100,000 nodes. `cargo bench --bench search`.

#[path = "common/synth.rs"]
mod synth;

use std::sync::OnceLock;

use ccbnet::action::Action;
use ccbnet::app::App;
use ccbnet::data::Catalog;
use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[1_000, 10_000, 100_000];

fn catalog(n: usize) -> &'static Catalog {
    static CACHE: OnceLock<Vec<(usize, Catalog)>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        SIZES
            .iter()
            .map(|&n| {
                let src = synth::dataset(n, 7);
                (n, ccbnet::data::load_str("bench", &src).expect("generated data loads").catalog)
            })
            .collect()
    });
    &all.iter().find(|(k, _)| *k == n).expect("size").1
}

/// An explorer at 200x60 with the search line open and `typed` already in it.
fn app_with(n: usize, typed: &str) -> App {
    let mut app = App::new(catalog(n).clone(), "fr", (200, 60));
    app.update(Action::OpenSearch);
    for c in typed.chars() {
        app.update(Action::SearchChar(c));
    }
    app
}

fn keystroke(bencher: Bencher, n: usize, typed: &str, key: char) {
    let base = app_with(n, typed);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    bencher.with_inputs(|| base.clone()).bench_local_values(|mut app| {
        app.update(Action::SearchChar(key));
        terminal.draw(|f| ccbnet::ui::render(&app, f)).expect("draw");
        app
    });
}

/// The first letter: nearly everything matches.
#[divan::bench(args = SIZES, sample_count = 20)]
fn first_letter(bencher: Bencher, n: usize) {
    keystroke(bencher, n, "", 's');
}

/// A word being typed: `securit` + `e`.
#[divan::bench(args = SIZES, sample_count = 20)]
fn word_in_progress(bencher: Bencher, n: usize) {
    keystroke(bencher, n, "securit", 'e');
}

/// A second word: `reseau ` + `v`.
#[divan::bench(args = SIZES, sample_count = 20)]
fn second_word(bencher: Bencher, n: usize) {
    keystroke(bencher, n, "reseau ", 'v');
}
