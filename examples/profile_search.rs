//! Profiling aid: loads a generated data set, types `TYPED` in the search line, then times one
//! more keystroke and the key back, update and frame at 200x60 apart, each round from the
//! typed state again:
//! `cargo run --release --example profile_search -- NODES TYPED KEY ROUNDS`
//! (`cargo run --release --example profile_search -- 100000 s e 30`).
//!
//! `KEY` is a character (back: `Backspace`); `L` (the language switched with the search kept
//! after `Enter`; back: `L` again); `Enter` (back: `/`); `n` (`n` with the search kept after
//! `Enter`; back: `N`); `Esc` or `Backspace` (no key back); `paste:TEXT` (`TEXT` pasted; no
//! key back).

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
    // The key, and the key back (`None`: each time from the typed state again).
    let (action, back) = match key.as_str() {
        "L" => {
            base.update(Action::SearchAccept);
            (Action::NextLanguage, Some(Action::NextLanguage))
        }
        "n" => {
            base.update(Action::SearchAccept);
            (Action::NextResult, Some(Action::PrevResult))
        }
        "Enter" => (Action::SearchAccept, Some(Action::OpenSearch)),
        "Esc" => (Action::SearchCancel, None),
        "Backspace" => (Action::SearchBackspace, None),
        k if k.starts_with("paste:") => (Action::Paste(k["paste:".len()..].to_owned()), None),
        k => (Action::SearchChar(k.chars().next().unwrap_or('e')), Some(Action::SearchBackspace)),
    };
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(std::io::sink()),
        TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, 200, 60)) },
    )
    .expect("terminal");
    let mut app = base.clone();
    let mut times = [(Vec::new(), Vec::new()), (Vec::new(), Vec::new())];
    for _ in 0..rounds {
        // Each round from the typed state, with what typing it kept (untimed).
        app = base.clone();
        terminal.draw(|f| ccbnet::ui::render(&app, f)).expect("draw");
        for (i, key) in std::iter::once(&action).chain(back.as_ref()).enumerate() {
            let t = Instant::now();
            app.update(key.clone());
            times[i].0.push(t.elapsed());
            let t = Instant::now();
            terminal.draw(|f| ccbnet::ui::render(&app, f)).expect("draw");
            times[i].1.push(t.elapsed());
        }
    }
    drop(app);
    let stats = |mut v: Vec<Duration>| {
        v.sort_unstable();
        (v[v.len() / 2], v[v.len() - 1])
    };
    for ((updates, frames), which) in times.into_iter().zip([key.as_str(), "back"]) {
        if updates.is_empty() {
            continue;
        }
        let ((um, ux), (fm, fx)) = (stats(updates), stats(frames));
        eprintln!("{which}: update median {um:?}, worst {ux:?}; frame median {fm:?}, worst {fx:?}");
    }
}
