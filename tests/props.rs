//! Property tests: random data sets (depth, fan-out, empty and long texts, combining marks, CJK,
//! emoji, right-to-left text, control characters) driven by random sequences of keys, clicks,
//! wheel turns, resizes down to 1x1, language switches and searches. Whatever happens: no panic,
//! the selection exists and is on screen, nothing is drawn outside the area, and no control
//! character reaches the screen.

use std::fmt::Write as _;

use ccbnet::action::Action;
use ccbnet::app::App;
use ccbnet::data::load_str;
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Pieces texts are made of: plain, accented, combining, wide, emoji, right-to-left, and
/// characters that must never reach a terminal.
const PIECES: &[&str] = &[
    "réseau",
    "CCB",
    "e\u{301}",
    "日本語",
    "🦀",
    "👩‍👩‍👧",
    "שלום",
    "مرحبا",
    "\u{1b}[31m",
    "\u{7}",
    "\t",
    "\r\n",
    "\u{202e}",
    "\u{0}",
    " ",
    "x",
    "Ω",
    "ﬁ",
    "\u{200b}",
    "a\u{308}\u{308}",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..6).prop_map(|v| v.concat())
}

/// A name: never empty (the validator refuses those), anything else goes.
fn name() -> impl Strategy<Value = String> {
    (text(), prop::sample::select(&["N", "é", "日", "🦀"][..]))
        .prop_map(|(t, end)| format!("{t}{end}"))
}

#[derive(Debug, Clone)]
struct Spec {
    name_fr: String,
    name_nl: String,
    summary: Option<String>,
    nl_summary: bool,
    children: Vec<Spec>,
}

fn spec() -> impl Strategy<Value = Spec> {
    let leaf =
        (name(), name(), prop::option::of(text()), any::<bool>()).prop_map(|(f, n, s, b)| Spec {
            name_fr: f,
            name_nl: n,
            summary: s,
            nl_summary: b,
            children: Vec::new(),
        });
    leaf.prop_recursive(4, 40, 5, |inner| {
        (
            name(),
            name(),
            prop::option::of(text()),
            any::<bool>(),
            prop::collection::vec(inner, 0..5),
        )
            .prop_map(|(f, n, s, b, c)| Spec {
                name_fr: f,
                name_nl: n,
                summary: s,
                nl_summary: b,
                children: c,
            })
    })
}

/// Writes the RON of a node and its children; ids are numbered in pre-order.
fn write(spec: &Spec, next: &mut usize, total: usize, out: &mut String) {
    let id = *next;
    *next += 1;
    // Rust's debug form of a string is a valid RON string.
    let _ = write!(
        out,
        "Node(id: \"n-{id}\", name: {{\"fr\": {:?}, \"nl\": {:?}}},",
        spec.name_fr, spec.name_nl
    );
    if let Some(s) = &spec.summary {
        if spec.nl_summary {
            let _ = write!(out, " summary: {{\"fr\": {s:?}, \"nl\": {s:?}}},");
        } else {
            let _ = write!(out, " summary: {{\"fr\": {s:?}}},");
        }
    }
    if id % 3 == 1 && total > 1 {
        out.push_str(
            &format!(" related: [\"n-{}\"],", (id * 7 + 1) % total)
                .replace(&format!("\"n-{id}\""), "\"n-0\""),
        );
    }
    if id.is_multiple_of(2) {
        out.push_str(
            " organisations: [(id: \"org\", role: {\"fr\": \"rôle\\t\", \"nl\": \"rol\"})],",
        );
    }
    out.push_str(" children: [");
    for c in &spec.children {
        write(c, next, total, out);
    }
    out.push_str("]),");
}

fn count(spec: &Spec) -> usize {
    1 + spec.children.iter().map(count).sum::<usize>()
}

fn dataset(roots: &[Spec]) -> String {
    let total: usize = roots.iter().map(count).sum();
    let mut out = String::from(
        "Dataset(format: 1, languages: [\"fr\", \"nl\"], title: {\"fr\": \"T\\u{1b}]0;x\", \"nl\": \"T\"}, \
         source: (note: \"n\", as_of: \"a\"), organisations: [Organisation(id: \"org\", name: \"Org\\u{7}\", \
         acronym: {\"fr\": \"O\", \"nl\": \"🦀\"})], nodes: [",
    );
    let mut next = 0;
    for r in roots {
        write(r, &mut next, total, &mut out);
    }
    out.push_str("])");
    out
}

#[derive(Debug, Clone)]
enum Step {
    Act(Action),
    Click(u16, u16),
    Wheel(u16, u16, bool),
}

fn step() -> impl Strategy<Value = Step> {
    use Action::*;
    prop_oneof![
        8 => prop::sample::select(vec![
            Down, Up, PageDown, PageUp, First, Last, Expand, Collapse, Toggle, FocusNext,
            NextLanguage, ToggleHelp, Close, OpenSearch, SearchBackspace, SearchDeleteWord,
            SearchClear, SearchLeft, SearchRight, SearchHome, SearchEnd, SearchAccept,
            SearchCancel, NextResult, PrevResult, Back, Forward, ToggleView,
        ]).prop_map(Step::Act),
        3 => prop::sample::select(vec!['r', 'é', 'e', 'n', ' ', '日', '🦀', 'x', 'O']).prop_map(|c| Step::Act(SearchChar(c))),
        1 => (0usize..12).prop_map(|i| Step::Act(FollowLink(i))),
        2 => (1u16..150, 1u16..60).prop_map(|(w, h)| Step::Act(Resize(w, h))),
        2 => (0u16..150, 0u16..60).prop_map(|(x, y)| Step::Click(x, y)),
        1 => (0u16..150, 0u16..60, any::<bool>()).prop_map(|(x, y, d)| Step::Wheel(x, y, d)),
    ]
}

fn mouse(kind: MouseEventKind, x: u16, y: u16) -> MouseEvent {
    MouseEvent { kind, column: x, row: y, modifiers: KeyModifiers::NONE }
}

/// Draws `app` into a buffer with a margin around its area and checks the screen.
fn check_screen(app: &App) -> Result<(), TestCaseError> {
    let (w, h) = app.size();
    let outer = Rect::new(0, 0, w + 2, h + 2);
    let inner = Rect::new(1, 1, w, h);
    let mut buf = Buffer::empty(outer);
    ccbnet::ui::draw(app, inner, &mut buf);
    for y in 0..outer.height {
        for x in 0..outer.width {
            let sym = buf[(x, y)].symbol();
            prop_assert!(
                !sym.chars().any(char::is_control),
                "control character at {x},{y}: {sym:?}"
            );
            prop_assert!(!sym.contains('\u{202e}'), "bidi override at {x},{y}");
            if !inner.contains((x, y).into()) {
                prop_assert_eq!(sym, " ", "drawn outside the area at {},{}", x, y);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_explorer_survives_anything(
        roots in prop::collection::vec(spec(), 1..4),
        steps in prop::collection::vec(step(), 1..60),
    ) {
        let src = dataset(&roots);
        let loaded = load_str("prop", &src).map_err(|e| TestCaseError::fail(format!("{e:?}\n{src}")))?;
        // Text from the file is made safe at load: no control character but line breaks.
        for n in &loaded.catalog.nodes {
            for t in std::iter::once(&n.name).chain(&n.summary) {
                for (_, text) in t.entries() {
                    prop_assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{:?}", text);
                    prop_assert!(!text.contains('\u{202e}'), "{:?}", text);
                }
            }
        }
        let mut app = App::new(loaded.catalog, "fr", (80, 24));
        for s in steps {
            let action = match s {
                Step::Act(a) => Some(a),
                Step::Click(x, y) => ccbnet::term::action_for_mouse(&app, &mouse(MouseEventKind::Down(MouseButton::Left), x, y)),
                Step::Wheel(x, y, down) => {
                    let kind = if down { MouseEventKind::ScrollDown } else { MouseEventKind::ScrollUp };
                    ccbnet::term::action_for_mouse(&app, &mouse(kind, x, y))
                }
            };
            if let Some(a) = action {
                app.update(a);
            }
            if app.quit() {
                break;
            }
            // The selection exists and is on screen.
            prop_assert!(app.cursor() < app.rows().len());
            if app.areas().is_some() {
                let h = app.tree_height();
                prop_assert!(app.cursor() >= app.tree_offset() && app.cursor() < app.tree_offset() + h,
                    "cursor {} offset {} height {}", app.cursor(), app.tree_offset(), h);
            }
            check_screen(&app)?;
        }
    }
}
