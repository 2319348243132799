//! Profiling aid: loads a generated data set, types `TYPED` in the search line, then times one
//! more keystroke (`KEY`, or `L` to switch the language with the search kept after `Enter`) and
//! the key back (`Backspace`, or `L` again) in turn, update and frame at 200x60 apart:
//! `cargo run --release --example profile_search -- NODES TYPED KEY ROUNDS`
//! (`cargo run --release --example profile_search -- 100000 s e 30`).

#[path = "../benches/common/synth.rs"]
mod synth;

use std::time::{Duration, Instant};

use ccbnet::action::Action;
use ccbnet::app::App;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let typed = args.next().unwrap_or_else(|| "s".into());
    let key = args.next().unwrap_or_else(|| "e".into());
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let t = Instant::now();
    let src = synth::dataset(n, 7);
    eprintln!("generate: {:?}", t.elapsed());
    let t = Instant::now();
    let catalog = ccbnet::data::load_str("gen", &src).expect("loads").catalog;
    drop(src);
    eprintln!("load: {:?}", t.elapsed());
    let t = Instant::now();
    let mut base = App::new(catalog, "fr", (200, 60));
    eprintln!("app: {:?}", t.elapsed());
    // The explorer builds its search index on another thread after the first frame.
    let t = Instant::now();
    let _ = base.index();
    eprintln!("search index: {:?}", t.elapsed());
    base.update(Action::OpenSearch);
    for c in typed.chars() {
        base.update(Action::SearchChar(c));
    }
    let (action, back) = if key == "L" {
        base.update(Action::SearchAccept);
        (Action::NextLanguage, Action::NextLanguage)
    } else {
        (Action::SearchChar(key.chars().next().unwrap_or('e')), Action::SearchBackspace)
    };
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(std::io::sink()),
        TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, 200, 60)) },
    )
    .expect("terminal");
    let mut app = base;
    terminal.draw(|f| ccbnet::ui::render(&app, f)).expect("draw");
    let mut times = [(Vec::new(), Vec::new()), (Vec::new(), Vec::new())];
    for i in 0..rounds * 2 {
        let t = Instant::now();
        app.update(if i % 2 == 0 { action.clone() } else { back.clone() });
        times[i % 2].0.push(t.elapsed());
        let t = Instant::now();
        terminal.draw(|f| ccbnet::ui::render(&app, f)).expect("draw");
        times[i % 2].1.push(t.elapsed());
    }
    let stats = |mut v: Vec<Duration>| {
        v.sort_unstable();
        (v[v.len() / 2], v[v.len() - 1])
    };
    for ((updates, frames), which) in times.into_iter().zip([key.as_str(), "back"]) {
        let ((um, ux), (fm, fx)) = (stats(updates), stats(frames));
        eprintln!("{which}: update median {um:?}, worst {ux:?}; frame median {fm:?}, worst {fx:?}");
    }
}
