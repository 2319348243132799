//! The one key table: it drives the key handler, the help overlay and the footer hints, so the
//! three never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;
use crate::map::state::MapAction;

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character key, shifted or not (`j`, `G`, `?`).
    Char(char),
    /// A character with Ctrl.
    Ctrl(char),
    /// A key with Alt.
    Alt(KeyCode),
    /// Any other key.
    Code(KeyCode),
}

/// Where the keys go: the pane with the focus, the search line, or the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The tree: keys move the selection.
    Tree,
    /// The detail pane: keys move between its links and scroll it.
    Detail,
    /// The search line: characters type themselves.
    Typing,
    /// The help overlay, or the list of problems: keys scroll it or close it.
    Help,
    /// The map: keys choose a neighbour, re-centre, go back or leave.
    Map,
    /// A screen too small for the layout, which says so: nothing is seen to act on, so only
    /// quitting and suspending do anything (and resizing, which is no key).
    TooSmall,
}

/// What the keys do now. [`crate::app::App::mode`] works it out from the state, and the key
/// handler, the help, the footer and `update` all read this one value, so they never disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mode {
    /// Where the keys go.
    pub pane: Pane,
    /// Whether a search is kept as a filter (after `Enter` in the search line).
    pub filter: bool,
    /// How many results the search has in the current view.
    pub results: usize,
    /// Whether the left pane lists the organisations.
    pub orgs: bool,
    /// How many links the detail pane has.
    pub links: usize,
    /// Whether a link of the detail pane is chosen (`↑`/`↓` with the detail focused).
    pub link_focused: bool,
    /// Whether the selected row can be expanded or collapsed.
    pub expandable: bool,
    /// Whether the selected row is expanded (so `Enter` collapses it).
    pub expanded: bool,
    /// Whether there is a place to go back to (in the map: a centre).
    pub back: bool,
    /// Whether there is a place to go forward to (in the map: a centre).
    pub forward: bool,
    /// Whether the map shows the list a "+N" row opened.
    pub list: bool,
    /// The count typed so far (`3` before `j`), if any.
    pub count: Option<usize>,
    /// How many problems the data file on disk has (the reload banner), 0 when it loads.
    pub problems: usize,
}

impl Mode {
    /// A mode with nothing special: `pane`, no search, no links, no history, no count.
    #[must_use]
    pub const fn plain(pane: Pane) -> Self {
        Mode {
            pane,
            filter: false,
            results: 0,
            orgs: false,
            links: 0,
            link_focused: false,
            expandable: false,
            expanded: false,
            back: false,
            forward: false,
            list: false,
            count: None,
            problems: 0,
        }
    }

    /// Whether the keys go to the tree or the detail pane.
    #[must_use]
    pub const fn browsing(&self) -> bool {
        matches!(self.pane, Pane::Tree | Pane::Detail)
    }
}

/// When a binding is live: a condition on the [`Mode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Live {
    /// Always, whatever the mode.
    Always,
    /// In the tree or the detail pane.
    Browse,
    /// In the tree, the detail pane or the help (movement and scrolling).
    Move,
    /// In the tree, the detail pane or the map.
    View,
    /// In the tree or the detail pane, or on a screen too small for anything (`q` quits there).
    BrowseOrTooSmall,
    /// In the tree.
    Tree,
    /// In the tree, on a row that expands, without a search kept and without a count.
    Expandable,
    /// In the detail pane, with a link chosen and no count.
    LinkFocused,
    /// In the tree or the detail pane, while a count is typed.
    Counting,
    /// While a count is typed that names a link of the detail pane.
    CountedLink,
    /// While a count is typed that names no link of the detail pane (`Enter` says so).
    CountedNoLink,
    /// With a place to go back to.
    Back,
    /// With a place to go forward to.
    Forward,
    /// With a search kept as a filter, and no count typed.
    Filter,
    /// With a search kept as a filter that has results.
    Results,
    /// In the search line.
    Typing,
    /// In the tree or the detail pane, while the data file on disk does not load.
    Problems,
    /// In the help overlay (or the list of problems, which closes and scrolls the same way).
    Help,
    /// In the map, its list open or not.
    Map,
    /// In the map, without a list open.
    MapPlain,
    /// In the map, without a list open, with a centre to go back to.
    MapBack,
    /// In the map, without a list open, with a centre to go forward to.
    MapForward,
}

impl Live {
    /// Whether a binding with this condition is live in `m`.
    #[must_use]
    pub fn holds(self, m: &Mode) -> bool {
        let browse = m.browsing();
        match self {
            Live::Always => true,
            Live::Browse => browse,
            Live::Move => matches!(m.pane, Pane::Tree | Pane::Detail | Pane::Help),
            Live::View => browse || m.pane == Pane::Map,
            Live::BrowseOrTooSmall => browse || m.pane == Pane::TooSmall,
            Live::Tree => m.pane == Pane::Tree,
            Live::Expandable => {
                m.pane == Pane::Tree && m.expandable && !m.filter && m.count.is_none()
            }
            Live::LinkFocused => m.pane == Pane::Detail && m.link_focused && m.count.is_none(),
            Live::Counting => browse && m.count.is_some(),
            Live::CountedLink => browse && m.count.is_some_and(|c| c >= 1 && c <= m.links),
            Live::CountedNoLink => browse && m.count.is_some_and(|c| c < 1 || c > m.links),
            Live::Back => browse && m.back,
            Live::Forward => browse && m.forward,
            Live::Filter => browse && m.filter && m.count.is_none(),
            Live::Results => browse && m.filter && m.results > 0,
            Live::Problems => browse && m.problems > 0,
            Live::Typing => m.pane == Pane::Typing,
            Live::Help => m.pane == Pane::Help,
            Live::Map => m.pane == Pane::Map,
            Live::MapPlain => m.pane == Pane::Map && !m.list,
            Live::MapBack => m.pane == Pane::Map && !m.list && m.back,
            Live::MapForward => m.pane == Pane::Map && !m.list && m.forward,
        }
    }
}

/// Where the help overlay lists a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Moving in the tree or the details.
    Move,
    /// Searching.
    Search,
    /// Links, history and views.
    Links,
    /// The map.
    Map,
    /// Everything else.
    Other,
    /// The keys of the help overlay itself.
    Help,
}

impl Group {
    /// Every group, in the order the help overlay lists them.
    pub const ALL: [Group; 6] =
        [Group::Move, Group::Links, Group::Map, Group::Search, Group::Other, Group::Help];
}

/// One line of the key table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The keys that do it; the first is the one the footer shows.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// When the keys are live.
    pub live: Live,
    /// Where the help lists it.
    pub group: Group,
    /// Whether the footer shows it, and how much: where the footer is too narrow for every
    /// hint, those with the lowest rank (1 is the highest) stay.
    pub footer: Option<u8>,
    /// Whether the footer shows this hint only with the next line's, both or neither (`n` and
    /// `N`: never one direction without the other).
    pub paired: bool,
}

impl Binding {
    /// The same line, its footer hint paired with the next line's.
    const fn paired(mut self) -> Self {
        self.paired = true;
        self
    }
}

const fn b(
    keys: &'static [Key],
    action: Action,
    live: Live,
    group: Group,
    footer: Option<u8>,
) -> Binding {
    Binding { keys, action, live, group, footer, paired: false }
}

/// A binding of the search line.
const fn t(keys: &'static [Key], action: Action, footer: Option<u8>) -> Binding {
    Binding { keys, action, live: Live::Typing, group: Group::Search, footer, paired: false }
}

/// A binding of the map.
const fn m(keys: &'static [Key], action: MapAction, live: Live, footer: Option<u8>) -> Binding {
    Binding { keys, action: Action::Map(action), live, group: Group::Map, footer, paired: false }
}

/// A binding of the help overlay.
const fn h(keys: &'static [Key], action: Action) -> Binding {
    Binding { keys, action, live: Live::Help, group: Group::Help, footer: None, paired: false }
}

use Group::{Links, Move, Other, Search};
use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab,
    Up,
};

const fn c(code: KeyCode) -> Key {
    Key::Code(code)
}

/// The ten digits, as the table names them.
const DIGITS: &[Key] = &[
    Key::Char('1'),
    Key::Char('2'),
    Key::Char('3'),
    Key::Char('4'),
    Key::Char('5'),
    Key::Char('6'),
    Key::Char('7'),
    Key::Char('8'),
    Key::Char('9'),
    Key::Char('0'),
];

/// The key table, in the order the help overlay lists it. A key is looked up in order, and the
/// first line whose keys hold it and whose condition holds in the current mode decides; no key is
/// live twice in a mode (a test checks). In the search line, a character key that no line names
/// types itself.
pub const BINDINGS: &[Binding] = &[
    // The help overlay's own keys come first: there, `q` and `Esc` close it.
    h(&[Key::Char('q'), c(Esc), Key::Char('?'), c(F(1))], Action::ToggleHelp),
    h(&[Key::Char(' ')], Action::PageDown),
    b(&[c(Down), Key::Char('j')], Action::Down, Live::Move, Move, Some(9)).paired(),
    b(&[c(Up), Key::Char('k')], Action::Up, Live::Move, Move, Some(9)),
    b(&[c(PageDown), Key::Ctrl('f')], Action::PageDown, Live::Move, Move, None),
    b(&[c(PageUp), Key::Ctrl('b')], Action::PageUp, Live::Move, Move, None),
    b(&[Key::Ctrl('d')], Action::HalfPageDown, Live::Move, Move, None),
    b(&[Key::Ctrl('u')], Action::HalfPageUp, Live::Move, Move, None),
    b(&[Key::Char('g'), c(Home)], Action::First, Live::Move, Move, None),
    b(&[Key::Char('G'), c(End)], Action::Last, Live::Move, Move, Some(14)),
    b(&[c(Right), Key::Char('l')], Action::Expand, Live::Expandable, Move, None),
    b(&[c(Left), Key::Char('h')], Action::Collapse, Live::Tree, Move, None),
    b(&[c(Enter), Key::Char(' ')], Action::Toggle, Live::Expandable, Move, Some(1)),
    b(DIGITS, Action::Digit(0), Live::Browse, Move, Some(12)),
    b(&[c(Enter)], Action::FollowNumbered, Live::CountedLink, Links, Some(1)),
    // A count that names no link: `Enter` says so and drops it; the footer offers nothing.
    b(&[c(Enter)], Action::FollowNumbered, Live::CountedNoLink, Links, None),
    b(&[c(Enter)], Action::FollowFocused, Live::LinkFocused, Links, Some(1)),
    b(&[c(Esc)], Action::DropCount, Live::Counting, Move, Some(2)),
    b(&[c(Tab), c(BackTab)], Action::FocusNext, Live::Browse, Other, Some(6)),
    b(&[c(Backspace), Key::Alt(Left)], Action::Back, Live::Back, Links, Some(8)),
    b(&[Key::Alt(Right)], Action::Forward, Live::Forward, Links, None),
    b(&[Key::Char('o')], Action::ToggleView, Live::Browse, Links, Some(6)),
    b(&[Key::Char('M')], Action::OpenMap, Live::Browse, Links, Some(13)),
    // The map's own keys: `q` and `M` leave it like `Esc`, never the program.
    m(&[c(Down), Key::Char('j')], MapAction::Down, Live::Map, Some(3)).paired(),
    m(&[c(Up), Key::Char('k')], MapAction::Up, Live::Map, Some(3)),
    // With two columns, `←`/`→` rank above going back and the ring.
    m(&[c(Left), Key::Char('h')], MapAction::Left, Live::MapPlain, Some(4)).paired(),
    m(&[c(Right), Key::Char('l')], MapAction::Right, Live::MapPlain, Some(4)),
    m(&[c(Enter)], MapAction::Enter, Live::Map, Some(1)),
    m(&[c(Backspace), Key::Alt(Left)], MapAction::Back, Live::MapBack, Some(6)),
    m(&[Key::Alt(Right)], MapAction::Forward, Live::MapForward, None),
    m(&[Key::Char('r')], MapAction::ToggleRing, Live::MapPlain, Some(7)),
    m(&[c(Esc), Key::Char('q'), Key::Char('M')], MapAction::Close, Live::Map, Some(2)),
    b(&[Key::Char('/')], Action::OpenSearch, Live::Browse, Search, Some(4)),
    // In a kept search, `n`/`N` rank above `Tab` and `o`, and come together.
    b(&[Key::Char('n')], Action::NextResult, Live::Results, Search, Some(3)).paired(),
    b(&[Key::Char('N')], Action::PrevResult, Live::Results, Search, Some(3)),
    b(&[c(Esc)], Action::Close, Live::Filter, Search, Some(3)),
    b(&[Key::Char('y')], Action::CopyEntry, Live::Browse, Other, Some(11)),
    b(&[Key::Char('Y')], Action::CopyId, Live::Browse, Other, None),
    b(&[Key::Char('m')], Action::ToggleMouse, Live::View, Other, None),
    // `L` gives way first at 80 columns: the header shows the languages and takes clicks.
    b(&[Key::Char('L'), c(F(2))], Action::NextLanguage, Live::Browse, Other, Some(7)),
    b(&[Key::Char('L'), c(F(2))], Action::NextLanguage, Live::Map, Other, Some(8)),
    b(&[Key::Char('L'), c(F(2))], Action::NextLanguage, Live::Help, Other, Some(10)),
    b(&[Key::Char('!')], Action::ShowProblems, Live::Problems, Other, Some(2)),
    b(&[Key::Char('s')], Action::ShowSource, Live::Browse, Other, None),
    b(&[Key::Char('?'), c(F(1))], Action::ToggleHelp, Live::View, Other, Some(2)),
    b(&[Key::Char('q')], Action::Quit, Live::BrowseOrTooSmall, Other, Some(5)),
    b(&[Key::Ctrl('c')], Action::Quit, Live::Always, Other, None),
    b(&[Key::Ctrl('z')], Action::Suspend, Live::Always, Other, None),
    t(&[c(Enter)], Action::SearchAccept, Some(1)),
    t(&[c(Esc)], Action::SearchCancel, Some(2)),
    t(&[c(Down)], Action::NextResult, Some(3)),
    t(&[c(Up)], Action::PrevResult, Some(4)),
    t(&[c(Backspace)], Action::SearchBackspace, None),
    t(&[c(Delete)], Action::SearchDelete, None),
    t(&[Key::Ctrl('w')], Action::SearchDeleteWord, None),
    t(&[Key::Ctrl('u')], Action::SearchClear, Some(5)),
    t(&[Key::Ctrl('k')], Action::SearchKillEnd, None),
    t(&[c(Left)], Action::SearchLeft, None),
    t(&[c(Right)], Action::SearchRight, None),
    t(&[Key::Alt(KeyCode::Char('b'))], Action::SearchWordLeft, None),
    t(&[Key::Alt(KeyCode::Char('f'))], Action::SearchWordRight, None),
    t(&[c(Home), Key::Ctrl('a')], Action::SearchHome, None),
    t(&[c(End), Key::Ctrl('e')], Action::SearchEnd, None),
    t(&[c(F(2))], Action::NextLanguage, Some(6)),
    t(&[c(F(1))], Action::ToggleHelp, None),
];

/// The lines of the table the help and the manual list: a line with the keys and the action of
/// an earlier one (live under another condition) is listed once.
pub fn listed() -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().enumerate().filter_map(|(i, b)| {
        let repeat = BINDINGS[..i].iter().any(|e| e.keys == b.keys && e.action == b.action);
        (!repeat).then_some(b)
    })
}

/// The key a key event names, as the table writes it; `None` for one the table cannot name.
fn key_of(key: KeyEvent) -> Option<Key> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        match key.code {
            KeyCode::Char(c) => Some(Key::Ctrl(c.to_ascii_lowercase())),
            _ => None,
        }
    } else if key.modifiers.contains(KeyModifiers::ALT) {
        Some(Key::Alt(key.code))
    } else if key.modifiers.contains(KeyModifiers::SUPER) {
        None
    } else {
        Some(match key.code {
            KeyCode::Char(c) => Key::Char(c),
            code => Key::Code(code),
        })
    }
}

/// The line of the table that decides what `key` does in `mode`, if any.
#[must_use]
pub fn binding_for(key: Key, mode: &Mode) -> Option<&'static Binding> {
    BINDINGS.iter().find(|b| b.live.holds(mode) && b.keys.contains(&key))
}

/// The action bound to a key press in `mode`, if any. Key releases are ignored; in the search
/// line an unbound character types itself.
#[must_use]
pub fn action_for(key: KeyEvent, mode: &Mode) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let pressed = key_of(key)?;
    match (binding_for(pressed, mode), pressed) {
        // One line of the table for the ten digits: the digit says which.
        (Some(b), Key::Char(c @ '0'..='9')) if b.action == Action::Digit(0) => {
            Some(Action::Digit(c as u8 - b'0'))
        }
        (Some(b), _) => Some(b.action.clone()),
        (None, Key::Char(c)) if mode.pane == Pane::Typing && !c.is_control() => {
            Some(Action::SearchChar(c))
        }
        _ => None,
    }
}

/// How a key is written in the help and the footer.
#[must_use]
pub fn key_label(key: Key) -> String {
    match key {
        Key::Char(' ') => "Space".into(),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Key::Alt(KeyCode::Char(c)) => format!("Alt-{}", c.to_ascii_uppercase()),
        Key::Alt(code) => format!("Alt-{}", key_label(Key::Code(code))),
        Key::Code(code) => match code {
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => other.to_string(),
        },
    }
}

/// All the keys of a binding, as the help overlay lists them (`↓ j`).
#[must_use]
pub fn keys_label(binding: &Binding) -> String {
    if binding.action == Action::Digit(0) {
        return "0…9".into();
    }
    binding.keys.iter().map(|&k| key_label(k)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Mode {
        Mode::plain(Pane::Tree)
    }

    fn press_in(mode: &Mode, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action_for(KeyEvent::new(code, modifiers), mode)
    }

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        press_in(&tree(), code, modifiers)
    }

    fn typing(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        press_in(&Mode::plain(Pane::Typing), code, modifiers)
    }

    const NONE: KeyModifiers = KeyModifiers::NONE;

    /// Every mode worth telling apart: each pane with each condition on and off.
    fn modes() -> Vec<Mode> {
        let mut out = Vec::new();
        for pane in [Pane::Tree, Pane::Detail, Pane::Typing, Pane::Help, Pane::Map, Pane::TooSmall]
        {
            for bits in 0..256u32 {
                let on = |k: u32| bits & (1 << k) != 0;
                out.push(Mode {
                    pane,
                    filter: on(0),
                    results: if on(1) { 3 } else { 0 },
                    orgs: on(2),
                    links: if on(3) { 4 } else { 0 },
                    link_focused: on(4),
                    expandable: on(5),
                    expanded: on(5),
                    back: on(6),
                    forward: on(6),
                    list: on(7),
                    count: on(1).then_some(2),
                    problems: if on(7) { 3 } else { 0 },
                });
            }
        }
        out
    }

    #[test]
    fn every_listed_key_maps_to_its_action() {
        let mut m = tree();
        m.expandable = true;
        m.back = true;
        m.forward = true;
        m.filter = true;
        m.results = 2;
        let p = |code, mods| press_in(&m, code, mods);
        assert_eq!(p(KeyCode::Char('j'), NONE), Some(Action::Down));
        assert_eq!(p(KeyCode::Down, NONE), Some(Action::Down));
        assert_eq!(p(KeyCode::Char('G'), KeyModifiers::SHIFT), Some(Action::Last));
        assert_eq!(p(KeyCode::Char('L'), KeyModifiers::SHIFT), Some(Action::NextLanguage));
        assert_eq!(p(KeyCode::F(2), NONE), Some(Action::NextLanguage));
        assert_eq!(p(KeyCode::Char('c'), KeyModifiers::CONTROL), Some(Action::Quit));
        assert_eq!(p(KeyCode::Char('d'), KeyModifiers::CONTROL), Some(Action::HalfPageDown));
        assert_eq!(p(KeyCode::Char('u'), KeyModifiers::CONTROL), Some(Action::HalfPageUp));
        assert_eq!(p(KeyCode::Char('f'), KeyModifiers::CONTROL), Some(Action::PageDown));
        assert_eq!(p(KeyCode::Char('b'), KeyModifiers::CONTROL), Some(Action::PageUp));
        assert_eq!(p(KeyCode::Char('?'), KeyModifiers::SHIFT), Some(Action::ToggleHelp));
        assert_eq!(p(KeyCode::Char('x'), NONE), None);
        assert_eq!(p(KeyCode::Char('j'), KeyModifiers::ALT), None);
        assert_eq!(p(KeyCode::Char('3'), NONE), Some(Action::Digit(3)));
        assert_eq!(p(KeyCode::Char('0'), NONE), Some(Action::Digit(0)));
        assert_eq!(p(KeyCode::Backspace, NONE), Some(Action::Back));
        assert_eq!(p(KeyCode::Left, KeyModifiers::ALT), Some(Action::Back));
        assert_eq!(p(KeyCode::Right, KeyModifiers::ALT), Some(Action::Forward));
        assert_eq!(p(KeyCode::Char('o'), NONE), Some(Action::ToggleView));
        assert_eq!(p(KeyCode::Char('/'), NONE), Some(Action::OpenSearch));
        assert_eq!(p(KeyCode::Char('N'), KeyModifiers::SHIFT), Some(Action::PrevResult));
        assert_eq!(p(KeyCode::Char('y'), NONE), Some(Action::CopyEntry));
        assert_eq!(p(KeyCode::Char('Y'), KeyModifiers::SHIFT), Some(Action::CopyId));
        assert_eq!(p(KeyCode::Char('m'), NONE), Some(Action::ToggleMouse));
        assert_eq!(p(KeyCode::Esc, NONE), Some(Action::Close));
        assert_eq!(p(KeyCode::Char('!'), NONE), None, "the data file loads");
        m.problems = 2;
        assert_eq!(press_in(&m, KeyCode::Char('!'), NONE), Some(Action::ShowProblems));
        m.problems = 0;
        // A leaf row, a filtered tree: Enter and Space expand nothing, so they are not live.
        m.expandable = false;
        assert_eq!(press_in(&m, KeyCode::Enter, NONE), None);
        m.expandable = true;
        assert_eq!(press_in(&m, KeyCode::Char(' '), NONE), None, "filtered");
    }

    #[test]
    fn keys_that_do_nothing_in_a_mode_are_not_bound_there() {
        assert_eq!(press(KeyCode::Backspace, NONE), None, "no history");
        assert_eq!(press(KeyCode::Char('n'), NONE), None, "no search");
        assert_eq!(press(KeyCode::Esc, NONE), None, "nothing to close");
        assert_eq!(press(KeyCode::Enter, NONE), None, "a leaf");
        let mut m = tree();
        m.expandable = true;
        assert_eq!(press_in(&m, KeyCode::Enter, NONE), Some(Action::Toggle));
    }

    #[test]
    fn enter_follows_the_counted_link_and_esc_drops_the_count() {
        let mut m = tree();
        m.expandable = true;
        m.links = 3;
        m.count = Some(2);
        assert_eq!(press_in(&m, KeyCode::Enter, NONE), Some(Action::FollowNumbered));
        assert_eq!(press_in(&m, KeyCode::Esc, NONE), Some(Action::DropCount));
        m.count = Some(4);
        // There is no link 4: `Enter` still goes to the handler, which says so.
        assert_eq!(press_in(&m, KeyCode::Enter, NONE), Some(Action::FollowNumbered));
        assert!(binding_for(Key::Code(KeyCode::Enter), &m).is_some_and(|b| b.footer.is_none()));
        let mut d = Mode::plain(Pane::Detail);
        d.links = 3;
        d.link_focused = true;
        assert_eq!(press_in(&d, KeyCode::Enter, NONE), Some(Action::FollowFocused));
        d.count = Some(1);
        assert_eq!(press_in(&d, KeyCode::Enter, NONE), Some(Action::FollowNumbered));
    }

    #[test]
    fn in_the_help_q_esc_and_question_mark_close_it_and_paging_keys_scroll_it() {
        let m = Mode::plain(Pane::Help);
        let p = |code, mods| press_in(&m, code, mods);
        for code in [KeyCode::Char('q'), KeyCode::Esc, KeyCode::Char('?'), KeyCode::F(1)] {
            assert_eq!(p(code, NONE), Some(Action::ToggleHelp), "{code:?}");
        }
        assert_eq!(p(KeyCode::PageDown, NONE), Some(Action::PageDown));
        assert_eq!(p(KeyCode::Char(' '), NONE), Some(Action::PageDown));
        assert_eq!(p(KeyCode::PageUp, NONE), Some(Action::PageUp));
        assert_eq!(p(KeyCode::Home, NONE), Some(Action::First));
        assert_eq!(p(KeyCode::End, NONE), Some(Action::Last));
        assert_eq!(p(KeyCode::Char('g'), NONE), Some(Action::First));
        assert_eq!(p(KeyCode::Char('G'), KeyModifiers::SHIFT), Some(Action::Last));
        assert_eq!(p(KeyCode::Char('d'), KeyModifiers::CONTROL), Some(Action::HalfPageDown));
        assert_eq!(p(KeyCode::Char('u'), KeyModifiers::CONTROL), Some(Action::HalfPageUp));
        assert_eq!(p(KeyCode::Char('o'), NONE), None);
        assert_eq!(p(KeyCode::Char('3'), NONE), None);
    }

    #[test]
    fn on_a_screen_too_small_only_quitting_and_suspending_act() {
        let mut m = Mode::plain(Pane::TooSmall);
        m.expandable = true;
        m.links = 3;
        m.results = 2;
        m.filter = true;
        m.problems = 1;
        let ctrl = KeyModifiers::CONTROL;
        assert_eq!(press_in(&m, KeyCode::Char('q'), NONE), Some(Action::Quit));
        assert_eq!(press_in(&m, KeyCode::Char('c'), ctrl), Some(Action::Quit));
        assert_eq!(press_in(&m, KeyCode::Char('z'), ctrl), Some(Action::Suspend));
        for code in [
            KeyCode::Char('j'),
            KeyCode::Down,
            KeyCode::Enter,
            KeyCode::Char('3'),
            KeyCode::Char('/'),
            KeyCode::Char('L'),
            KeyCode::Char('?'),
            KeyCode::Char('n'),
            KeyCode::Char('!'),
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::Char('o'),
            KeyCode::Char('M'),
        ] {
            assert_eq!(press_in(&m, code, NONE), None, "{code:?}");
        }
    }

    #[test]
    fn in_the_search_line_letters_type_themselves() {
        assert_eq!(typing(KeyCode::Char('j'), NONE), Some(Action::SearchChar('j')));
        assert_eq!(typing(KeyCode::Char('L'), KeyModifiers::SHIFT), Some(Action::SearchChar('L')));
        assert_eq!(typing(KeyCode::Char('q'), NONE), Some(Action::SearchChar('q')));
        assert_eq!(typing(KeyCode::Char('3'), NONE), Some(Action::SearchChar('3')));
        assert_eq!(typing(KeyCode::Char('é'), NONE), Some(Action::SearchChar('é')));
        assert_eq!(
            typing(KeyCode::Char('w'), KeyModifiers::CONTROL),
            Some(Action::SearchDeleteWord)
        );
        assert_eq!(typing(KeyCode::Char('u'), KeyModifiers::CONTROL), Some(Action::SearchClear));
        assert_eq!(typing(KeyCode::Char('a'), KeyModifiers::CONTROL), Some(Action::SearchHome));
        assert_eq!(typing(KeyCode::Char('e'), KeyModifiers::CONTROL), Some(Action::SearchEnd));
        assert_eq!(typing(KeyCode::Char('k'), KeyModifiers::CONTROL), Some(Action::SearchKillEnd));
        assert_eq!(typing(KeyCode::Char('b'), KeyModifiers::ALT), Some(Action::SearchWordLeft));
        assert_eq!(typing(KeyCode::Char('f'), KeyModifiers::ALT), Some(Action::SearchWordRight));
        assert_eq!(typing(KeyCode::Delete, NONE), Some(Action::SearchDelete));
        assert_eq!(typing(KeyCode::Esc, NONE), Some(Action::SearchCancel));
        assert_eq!(typing(KeyCode::Enter, NONE), Some(Action::SearchAccept));
        assert_eq!(typing(KeyCode::F(2), NONE), Some(Action::NextLanguage));
        assert_eq!(typing(KeyCode::Char('c'), KeyModifiers::CONTROL), Some(Action::Quit));
        assert_eq!(typing(KeyCode::Char('z'), KeyModifiers::CONTROL), Some(Action::Suspend));
    }

    #[test]
    fn every_binding_is_described_in_every_interface_language() {
        for b in BINDINGS {
            for lang in ["fr", "nl", "de", "en"] {
                let (long, short) = crate::i18n::action_text(b.action.clone(), lang);
                assert!(!long.is_empty() && !short.is_empty(), "{:?} in {lang}", b.action);
            }
        }
    }

    #[test]
    fn no_key_is_live_twice_in_any_mode() {
        for mode in modes() {
            let all: Vec<Key> = BINDINGS
                .iter()
                .filter(|b| b.live.holds(&mode))
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in all.iter().enumerate() {
                assert!(!all[i + 1..].contains(k), "{k:?} is live twice in {mode:?}");
            }
        }
    }

    #[test]
    fn every_binding_is_live_in_some_mode() {
        let modes = modes();
        for b in BINDINGS {
            assert!(modes.iter().any(|m| b.live.holds(m)), "{:?} is never live", b.action);
        }
    }
}
