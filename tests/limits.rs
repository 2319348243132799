//! Data sets enormous in one dimension: a 1 MB name, 100,000 children of one node, depth 1,000.
//! Each loads or is refused with a clear message, and the explorer still draws and moves.
//! (Their speed is measured by `cargo run --release --example limits`.)

use std::fmt::Write as _;

use ccbnet::action::Action;
use ccbnet::app::App;
use ccbnet::data::load_str;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const HEAD: &str = "Dataset(format: 1, languages: [\"fr\", \"nl\"], title: \"T\", \
                    source: (note: \"n\", as_of: \"a\"), nodes: [";

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.size().0, app.size().1)).expect("terminal");
    t.draw(|f| ccbnet::ui::render(app, f)).expect("draw");
    t.backend().to_string()
}

#[test]
fn a_one_megabyte_name_loads_and_is_cut_to_the_pane() {
    let big = "é".repeat(500_000);
    let src = format!(
        "{HEAD}Node(id: \"a\", name: \"{big}\", children: [Node(id: \"b\", name: \"B\")])])"
    );
    let mut app = App::new(load_str("big", &src).expect("loads").catalog, "fr", (80, 24));
    let s = screen(&app);
    assert!(s.contains("ééé…"), "cut with an ellipsis in the tree: {s}");
    app.update(Action::Down);
    app.update(Action::FocusNext);
    app.update(Action::Up);
    assert_eq!(app.cursor(), 1);
}

#[test]
fn a_hundred_thousand_children_load_and_the_detail_says_how_many_more() {
    let mut kids = String::new();
    for i in 0..100_000 {
        let _ = write!(kids, "Node(id: \"c{i}\", name: \"Enfant {i}\"),");
    }
    let src = format!("{HEAD}Node(id: \"a\", name: \"Parent\", children: [{kids}])])");
    let mut app = App::new(load_str("wide", &src).expect("loads").catalog, "nl", (80, 24));
    assert_eq!(app.rows().len(), 100_001);
    // The detail lists 200 and says how many more: it stays short.
    let detail = app.detail();
    assert!(detail.lines.len() < 300, "{} lines", detail.lines.len());
    let text: String = detail.lines.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    assert!(text.contains("… en nog 99800"), "{text}");
    app.update(Action::Last);
    assert_eq!(app.cursor(), 100_000);
    assert!(screen(&app).contains("Enfant 99999"));
}

#[test]
fn depth_1000_is_refused_with_a_clear_message() {
    let deep = "Node(id: \"d\", name: \"D\", children: [".repeat(1000);
    let errors = load_str("deep", &format!("{HEAD}{deep}")).expect_err("refused");
    assert!(
        errors[0].to_string().contains("brackets are nested more than 128 levels deep"),
        "{}",
        errors[0]
    );
}
