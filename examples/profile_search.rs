//! Profiling aid: loads a generated data set and runs search keystrokes in a loop.
//! `cargo run --release --example profile_search -- NODES QUERY ROUNDS`.

#[path = "../benches/common/synth.rs"]
mod synth;

use ccbnet::action::Action;
use ccbnet::app::App;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let query = args.next().unwrap_or_else(|| "s".into());
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let t = std::time::Instant::now();
    let src = synth::dataset(n, 7);
    eprintln!("generate: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let catalog = ccbnet::data::load_str("gen", &src).expect("loads").catalog;
    eprintln!("load: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let mut app = App::new(catalog, "fr", (200, 60));
    eprintln!("app: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        app.update(Action::OpenSearch);
        for c in query.chars() {
            app.update(Action::SearchChar(c));
        }
        app.update(Action::SearchCancel);
    }
    eprintln!("search: {:?} per round", t.elapsed() / u32::try_from(rounds).unwrap_or(1));
}
