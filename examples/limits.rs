//! Times the explorer on data sets enormous in one dimension: a 1 MB name, 100,000 children of
//! one node. `cargo run --release --example limits`.

use std::fmt::Write as _;

use std::time::Instant;

use ccbnet::action::Action;
use ccbnet::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn time(label: &str, src: &str) {
    let t = Instant::now();
    let loaded = ccbnet::data::load_str("limits", src);
    let load = t.elapsed();
    let catalog = match loaded {
        Ok(l) => l.catalog,
        Err(e) => {
            println!("{label}: refused in {load:?}: {}", e[0]);
            return;
        }
    };
    let t = Instant::now();
    let mut app = App::new(catalog, "fr", (200, 60));
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    term.draw(|f| ccbnet::ui::render(&app, f)).expect("draw");
    let first = t.elapsed();
    let mut worst = std::time::Duration::ZERO;
    for a in [
        Action::Down,
        Action::Up,
        Action::Toggle,
        Action::Toggle,
        Action::Last,
        Action::First,
        Action::FocusNext,
        Action::PageDown,
        Action::NextLanguage,
        Action::OpenSearch,
        Action::SearchChar('x'),
    ] {
        let t = Instant::now();
        app.update(a.clone());
        term.draw(|f| ccbnet::ui::render(&app, f)).expect("draw");
        let d = t.elapsed();
        worst = worst.max(d);
        println!("  {a:?}: {d:?}");
    }
    println!("{label}: load {load:?}, first frame {first:?}, worst key {worst:?}");
}

fn main() {
    let head = "Dataset(format: 1, languages: [\"fr\", \"nl\"], title: \"T\", source: (note: \"n\", as_of: \"a\"), nodes: [";
    let big = "é".repeat(500_000);
    time(
        "1 MB name",
        &format!(
            "{head}Node(id: \"a\", name: \"{big}\", summary: \"{big}\", children: [Node(id: \"b\", name: \"{big}\")])])"
        ),
    );
    let mut kids = String::new();
    for i in 0..100_000 {
        let _ = write!(kids, "Node(id: \"c{i}\", name: \"Enfant {i}\"),");
    }
    time(
        "100,000 children",
        &format!("{head}Node(id: \"a\", name: \"Parent\", children: [{kids}])])"),
    );
    let deep = "Node(id: \"d\", name: \"D\", children: [".repeat(1000);
    time("depth 1,000", &format!("{head}{deep}"));
}
