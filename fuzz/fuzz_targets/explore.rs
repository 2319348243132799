//! The explorer on a few built-in data sets, driven by any sequence of keys, actions, clicks,
//! wheel turns, resizes (0x0 to 300x100), searches and live reloads. After every step: the
//! selection exists and, with a layout, is on screen; the frame draws and holds no control
//! character.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use ccbnet::action::Action;
use ccbnet::app::App;
use ccbnet::data::{Catalog, load_embedded, load_str};
use ccbnet::tree::Item;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const EXPLORER: &str = include_str!("../../tests/fixtures/valid/explorer.ron");
const MINIMAL: &str = include_str!("../../tests/fixtures/valid/minimal.ron");
/// One language that is neither French nor Dutch, one entry, no organisation.
const LONE: &str = r#"Dataset(format: 1, languages: ["de"], title: "T", source: (note: "n", as_of: "a"),
    nodes: [Node(id: "solo", name: "Allein\u{1b}[2J")])"#;

/// The most steps one input runs.
const MAX_STEPS: usize = 400;

/// The data sets, loaded once.
fn catalogs() -> &'static [Catalog] {
    static SETS: std::sync::OnceLock<Vec<Catalog>> = std::sync::OnceLock::new();
    SETS.get_or_init(|| {
        let mut sets = vec![load_embedded().expect("the shipped data set loads").catalog];
        for (name, src) in [("explorer", EXPLORER), ("minimal", MINIMAL), ("lone", LONE)] {
            sets.push(load_str(name, src).expect("a built-in fuzz data set loads").catalog);
        }
        sets
    })
}

#[derive(Debug, Arbitrary)]
enum Step {
    Key(Key),
    Act(Plain),
    Select(Pick),
    ToggleNode(Pick),
    FollowLink(u8),
    SearchChar(char),
    Type(String),
    Resize(u16, u16),
    Mouse(Mouse, u16, u16),
    ScrollTree(i32),
    ScrollDetail(i32),
    SetLanguage(u8),
    SetLanguageCode(String),
    Paste(String),
    Reload(u8),
    ReloadErr(String),
}

/// A key pressed, through the key table.
#[derive(Debug, Arbitrary)]
struct Key {
    code: Code,
    shift: bool,
    ctrl: bool,
    alt: bool,
}

#[derive(Debug, Arbitrary)]
enum Code {
    /// A character of the key table.
    Bound(u8),
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// An action without data.
#[derive(Debug, Arbitrary)]
enum Plain {
    Down,
    Up,
    PageDown,
    PageUp,
    First,
    Last,
    Expand,
    Collapse,
    Toggle,
    FocusNext,
    NextLanguage,
    ToggleHelp,
    Close,
    OpenSearch,
    NextResult,
    PrevResult,
    SearchBackspace,
    SearchDeleteWord,
    SearchClear,
    SearchLeft,
    SearchRight,
    SearchHome,
    SearchEnd,
    SearchAccept,
    SearchCancel,
    Back,
    Forward,
    ToggleView,
    HalfPageDown,
    HalfPageUp,
    DropCount,
    FollowNumbered,
    FollowFocused,
    CopyEntry,
    CopyId,
    ToggleMouse,
    ShowProblems,
    SearchDelete,
    SearchKillEnd,
    SearchWordLeft,
    SearchWordRight,
}

/// An item for `Select` and `ToggleNode`: one of the rows, or one named by index (which may lie
/// a little past the end of the catalog).
#[derive(Debug, Arbitrary)]
enum Pick {
    Row(u16),
    Node(u16),
    Org(u16),
    Use(u16, u16),
}

#[derive(Debug, Arbitrary)]
enum Mouse {
    Left,
    Right,
    Up,
    Drag,
    Moved,
    WheelDown,
    WheelUp,
}

const BOUND: &[char] = &[
    'j', 'k', 'g', 'G', 'l', 'h', ' ', 'o', '/', 'n', 'N', 'L', '?', 'q', 'c', 'w', 'u', '1', '2',
    '9', '0', 'é', '日', '!', 'm', 'y', 'Y', 'd', 'f', 'b', 'a', 'e',
];

fn key_event(k: &Key) -> KeyEvent {
    let code = match k.code {
        Code::Bound(i) => KeyCode::Char(BOUND[usize::from(i) % BOUND.len()]),
        Code::Char(c) => KeyCode::Char(c),
        Code::Enter => KeyCode::Enter,
        Code::Esc => KeyCode::Esc,
        Code::Tab => KeyCode::Tab,
        Code::BackTab => KeyCode::BackTab,
        Code::Backspace => KeyCode::Backspace,
        Code::Delete => KeyCode::Delete,
        Code::Up => KeyCode::Up,
        Code::Down => KeyCode::Down,
        Code::Left => KeyCode::Left,
        Code::Right => KeyCode::Right,
        Code::Home => KeyCode::Home,
        Code::End => KeyCode::End,
        Code::PageUp => KeyCode::PageUp,
        Code::PageDown => KeyCode::PageDown,
        Code::F(n) => KeyCode::F(n % 13),
    };
    let mut m = KeyModifiers::NONE;
    m.set(KeyModifiers::SHIFT, k.shift);
    m.set(KeyModifiers::CONTROL, k.ctrl);
    m.set(KeyModifiers::ALT, k.alt);
    KeyEvent::new(code, m)
}

fn plain(p: &Plain) -> Action {
    match p {
        Plain::Down => Action::Down,
        Plain::Up => Action::Up,
        Plain::PageDown => Action::PageDown,
        Plain::PageUp => Action::PageUp,
        Plain::First => Action::First,
        Plain::Last => Action::Last,
        Plain::Expand => Action::Expand,
        Plain::Collapse => Action::Collapse,
        Plain::Toggle => Action::Toggle,
        Plain::FocusNext => Action::FocusNext,
        Plain::NextLanguage => Action::NextLanguage,
        Plain::ToggleHelp => Action::ToggleHelp,
        Plain::Close => Action::Close,
        Plain::OpenSearch => Action::OpenSearch,
        Plain::NextResult => Action::NextResult,
        Plain::PrevResult => Action::PrevResult,
        Plain::SearchBackspace => Action::SearchBackspace,
        Plain::SearchDeleteWord => Action::SearchDeleteWord,
        Plain::SearchClear => Action::SearchClear,
        Plain::SearchLeft => Action::SearchLeft,
        Plain::SearchRight => Action::SearchRight,
        Plain::SearchHome => Action::SearchHome,
        Plain::SearchEnd => Action::SearchEnd,
        Plain::SearchAccept => Action::SearchAccept,
        Plain::SearchCancel => Action::SearchCancel,
        Plain::Back => Action::Back,
        Plain::Forward => Action::Forward,
        Plain::ToggleView => Action::ToggleView,
        Plain::HalfPageDown => Action::HalfPageDown,
        Plain::HalfPageUp => Action::HalfPageUp,
        Plain::DropCount => Action::DropCount,
        Plain::FollowNumbered => Action::FollowNumbered,
        Plain::FollowFocused => Action::FollowFocused,
        Plain::CopyEntry => Action::CopyEntry,
        Plain::CopyId => Action::CopyId,
        Plain::ToggleMouse => Action::ToggleMouse,
        Plain::ShowProblems => Action::ShowProblems,
        Plain::SearchDelete => Action::SearchDelete,
        Plain::SearchKillEnd => Action::SearchKillEnd,
        Plain::SearchWordLeft => Action::SearchWordLeft,
        Plain::SearchWordRight => Action::SearchWordRight,
    }
}

fn pick(app: &App, p: &Pick) -> Item {
    let c = app.catalog();
    let near = |i: u16, len: usize| usize::from(i) % (len + 2);
    match *p {
        Pick::Row(r) => app.rows()[usize::from(r) % app.rows().len()],
        Pick::Node(n) => Item::Node(near(n, c.nodes.len())),
        Pick::Org(o) => Item::Org(near(o, c.orgs.len())),
        Pick::Use(o, n) => Item::Use(near(o, c.orgs.len()), near(n, c.nodes.len())),
    }
}

fn mouse(app: &App, kind: &Mouse, x: u16, y: u16) -> Option<Action> {
    let kind = match kind {
        Mouse::Left => MouseEventKind::Down(MouseButton::Left),
        Mouse::Right => MouseEventKind::Down(MouseButton::Right),
        Mouse::Up => MouseEventKind::Up(MouseButton::Left),
        Mouse::Drag => MouseEventKind::Drag(MouseButton::Left),
        Mouse::Moved => MouseEventKind::Moved,
        Mouse::WheelDown => MouseEventKind::ScrollDown,
        Mouse::WheelUp => MouseEventKind::ScrollUp,
    };
    // Mostly on the screen, sometimes a little past its edges.
    let column = x % app.size().0.saturating_add(4);
    let row = y % app.size().1.saturating_add(4);
    let ev = MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE };
    ccbnet::term::action_for_mouse(app, &ev)
}

/// The actions one step asks for (none, one, or several for typed text); a reload happens here.
fn actions(app: &mut App, step: &Step) -> Vec<Action> {
    let sets = catalogs();
    match step {
        Step::Key(k) => {
            ccbnet::term::action_for_event(app, &Event::Key(key_event(k))).into_iter().collect()
        }
        Step::Act(p) => vec![plain(p)],
        Step::Select(p) => vec![Action::Select(pick(app, p))],
        Step::ToggleNode(p) => vec![Action::ToggleNode(pick(app, p))],
        Step::FollowLink(i) => vec![Action::FollowLink(usize::from(*i % 16))],
        Step::SearchChar(c) => vec![Action::SearchChar(*c)],
        Step::Type(s) => s.chars().take(32).map(Action::SearchChar).collect(),
        Step::Resize(w, h) => vec![Action::Resize(w % 301, h % 101)],
        Step::Mouse(kind, x, y) => mouse(app, kind, *x, *y).into_iter().collect(),
        Step::ScrollTree(d) => vec![Action::ScrollTree(*d)],
        Step::ScrollDetail(d) => vec![Action::ScrollDetail(*d)],
        Step::SetLanguage(i) => {
            let langs = &app.catalog().languages;
            vec![Action::SetLanguage(langs[usize::from(*i) % langs.len()].clone())]
        }
        Step::SetLanguageCode(code) => vec![Action::SetLanguage(code.clone())],
        Step::Paste(text) => vec![Action::Paste(text.clone())],
        Step::Reload(i) => {
            app.reload(Ok(sets[usize::from(*i) % sets.len()].clone()));
            Vec::new()
        }
        Step::ReloadErr(message) => {
            app.reload(Err(message.clone()));
            Vec::new()
        }
    }
}

fn check(app: &App) {
    assert!(
        app.cursor() < app.rows().len(),
        "cursor {} of {} rows",
        app.cursor(),
        app.rows().len()
    );
    if app.areas().is_some() {
        let h = app.tree_height();
        assert!(
            app.tree_offset() <= app.cursor() && app.cursor() < app.tree_offset() + h,
            "cursor {} offset {} height {h}",
            app.cursor(),
            app.tree_offset()
        );
    }
    let area = Rect::new(0, 0, app.size().0, app.size().1);
    let mut buf = Buffer::empty(area);
    ccbnet::ui::draw(app, area, &mut buf);
    let _ = ccbnet::ui::cursor_position(app, area);
    for (i, cell) in buf.content.iter().enumerate() {
        let sym = cell.symbol();
        assert!(!sym.chars().any(char::is_control), "control character in cell {i}: {sym:?}");
    }
}

/// One run: a data set, a language, then the steps.
#[derive(Debug)]
struct Input {
    set: u8,
    lang: u8,
    steps: Vec<Step>,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let set = u8::arbitrary(u)?;
        let lang = u8::arbitrary(u)?;
        let mut steps = Vec::new();
        // An exhausted `Unstructured` still gives values (zeros): stop when the input ends.
        while !u.is_empty() && steps.len() < MAX_STEPS {
            match Step::arbitrary(u) {
                Ok(step) => steps.push(step),
                Err(_) => break,
            }
        }
        Ok(Input { set, lang, steps })
    }
}

fuzz_target!(|input: Input| {
    let sets = catalogs();
    let catalog = sets[usize::from(input.set) % sets.len()].clone();
    let lang = catalog.languages[usize::from(input.lang) % catalog.languages.len()].clone();
    let mut app = App::new(catalog, &lang, (80, 24));
    check(&app);
    for step in &input.steps {
        for action in actions(&mut app, step) {
            app.update(action);
        }
        if app.quit() {
            break;
        }
        check(&app);
    }
});
