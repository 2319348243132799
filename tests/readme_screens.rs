//! The screens shown in the README are the program's own: each is drawn here from the keys the
//! README names, and the test fails when the README's copy differs. After a deliberate change,
//! `UPDATE_README=1 cargo test --test readme_screens` writes the new screens into the README.

use ccbnet::app::App;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

/// The explorer on the shipped data at 80x24, after `keys` typed one by one.
fn screen_after(lang: &str, keys: &str) -> String {
    let catalog = ccbnet::data::load_embedded().expect("the shipped data").catalog;
    let mut app = App::new(catalog, lang, (80, 24));
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            c => KeyCode::Char(c),
        };
        let mods = if c.is_ascii_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
        let ev = Event::Key(KeyEvent::new(code, mods));
        if let Some(action) = ccbnet::mouse::action_for_event(&app, &ev) {
            app.update(action);
        }
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    terminal.draw(|f| ccbnet::ui::render(&app, f)).expect("draw");
    // The backend writes each row in quotes; the README shows the rows as they are.
    let text = terminal.backend().to_string();
    text.lines()
        .map(|l| l.trim_start_matches('"').trim_end_matches('"').trim_end())
        .collect::<Vec<_>>()
        .join("\n")
        .replace('\u{a0}', " ")
}

/// The screens in the README's order: the `text` blocks of "The screens".
fn screens() -> Vec<String> {
    vec![
        screen_after("fr", "jjjjjjjjjjj"),
        screen_after("fr", "jjjjjjjjjjj3L"),
        screen_after("fr", "/enisa\no"),
    ]
}

#[test]
fn the_readme_shows_the_screens_the_program_draws() {
    let readme = std::fs::read_to_string(README).expect("read the README");
    let start = readme.find("### The screens").expect("a section The screens");
    let end = start + readme[start..].find("\n## ").expect("a section after it");
    let mut section = readme[start..end].to_owned();
    let blocks: Vec<(usize, usize)> = section
        .match_indices("```text\n")
        .map(|(i, _)| {
            let from = i + "```text\n".len();
            (from, from + section[from..].find("\n```").expect("a closed block"))
        })
        .collect();
    let want = screens();
    assert_eq!(blocks.len(), want.len(), "one block a screen");
    if std::env::var_os("UPDATE_README").is_some_and(|v| !v.is_empty()) {
        for (&(from, to), screen) in blocks.iter().zip(&want).rev() {
            section.replace_range(from..to, screen);
        }
        let updated = format!("{}{section}{}", &readme[..start], &readme[end..]);
        std::fs::write(README, updated).expect("write the README");
        return;
    }
    for (i, (&(from, to), screen)) in blocks.iter().zip(&want).enumerate() {
        assert_eq!(
            section[from..to].replace('\u{a0}', " "),
            *screen,
            "README screen {} differs from what the program draws (UPDATE_README=1 cargo test \
             --test readme_screens rewrites it)",
            i + 1
        );
    }
}
