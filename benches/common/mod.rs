//! What the benchmarks share: generated catalogs, loaded once per size, and a terminal that
//! draws a 200x60 frame through crossterm's real output path (into a sink).

#![allow(dead_code)]

pub mod pty;
pub mod scenes;
pub mod synth;

use std::io::Sink;
use std::sync::OnceLock;

use ccbnet::app::App;
use ccbnet::data::Catalog;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// The sizes every scale benchmark runs at, in nodes.
pub const SIZES: &[usize] = &[1_000, 10_000, 100_000];
/// The seed of the generated data sets.
pub const SEED: u64 = 7;
/// The terminal size the targets are set for.
pub const WIDTH: u16 = 200;
/// The terminal size the targets are set for.
pub const HEIGHT: u16 = 60;

/// The generated data file of `n` nodes, made once.
pub fn source(n: usize) -> &'static str {
    static CACHE: OnceLock<Vec<(usize, String)>> = OnceLock::new();
    let all = CACHE.get_or_init(|| SIZES.iter().map(|&n| (n, synth::dataset(n, SEED))).collect());
    &all.iter().find(|(k, _)| *k == n).expect("a benchmarked size").1
}

/// The catalog of the generated data set of `n` nodes, loaded once.
pub fn catalog(n: usize) -> &'static Catalog {
    static CACHE: OnceLock<Vec<(usize, Catalog)>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        SIZES
            .iter()
            .map(|&n| {
                let loaded =
                    ccbnet::data::load_str("bench", source(n)).expect("generated data loads");
                (n, loaded.catalog)
            })
            .collect()
    });
    &all.iter().find(|(k, _)| *k == n).expect("a benchmarked size").1
}

/// A fresh explorer on `n` nodes at 200x60, in French, its search index built (as the
/// explorer builds it on another thread after the first frame).
pub fn app(n: usize) -> App {
    let app = App::new(catalog(n).clone(), "fr", (WIDTH, HEIGHT));
    let _ = app.index();
    app
}

/// A 200x60 terminal that goes through ratatui's diff and crossterm's escape sequences, like
/// the real one, and throws the bytes away.
pub fn terminal() -> Terminal<CrosstermBackend<Sink>> {
    terminal_of((WIDTH, HEIGHT))
}

/// A terminal like [`terminal`], of another size (columns, rows).
pub fn terminal_of((w, h): (u16, u16)) -> Terminal<CrosstermBackend<Sink>> {
    Terminal::with_options(
        CrosstermBackend::new(std::io::sink()),
        TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, w, h)) },
    )
    .expect("terminal")
}

/// Draws one frame of `app`.
pub fn draw(terminal: &mut Terminal<CrosstermBackend<Sink>>, app: &App) {
    terminal.draw(|f| ccbnet::ui::render(app, f)).expect("draw");
}
