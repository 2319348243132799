//! The one key table: it drives the key handler, the help overlay and the footer hints, so the
//! three never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;

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

/// Which keys are live: the tree's, or the search line's while typing in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Browsing the tree (a search may be kept as a filter).
    Browse,
    /// Typing in the search line.
    Typing,
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
    /// Everything else.
    Other,
}

impl Group {
    /// Every group, in the order the help overlay lists them.
    pub const ALL: [Group; 4] = [Group::Move, Group::Links, Group::Search, Group::Other];
}

/// One line of the key table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The keys that do it; the first is the one the footer shows.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// When the keys are live.
    pub mode: Mode,
    /// Where the help lists it.
    pub group: Group,
    /// Whether the footer shows it, and how much: where the footer is too narrow for every
    /// hint, those with the lowest rank (1 is the highest) stay.
    pub footer: Option<u8>,
    /// Whether the footer shows it only while a search is kept as a filter.
    pub filter_only: bool,
}

const fn b(keys: &'static [Key], action: Action, group: Group, footer: Option<u8>) -> Binding {
    Binding { keys, action, mode: Mode::Browse, group, footer, filter_only: false }
}

/// A binding that the footer shows only while a search is kept as a filter.
const fn f(keys: &'static [Key], action: Action, footer: u8) -> Binding {
    Binding {
        keys,
        action,
        mode: Mode::Browse,
        group: Group::Search,
        footer: Some(footer),
        filter_only: true,
    }
}

/// A binding of the search line.
const fn t(keys: &'static [Key], action: Action, footer: Option<u8>) -> Binding {
    Binding { keys, action, mode: Mode::Typing, group: Group::Search, footer, filter_only: false }
}

use Group::{Move, Other};

/// The key table, in the order the help overlay lists it. In the search line, a character key
/// that no line names types itself.
pub const BINDINGS: &[Binding] = &[
    b(&[Key::Code(KeyCode::Down), Key::Char('j')], Action::Down, Move, Some(3)),
    b(&[Key::Code(KeyCode::Up), Key::Char('k')], Action::Up, Move, Some(4)),
    b(&[Key::Code(KeyCode::PageDown)], Action::PageDown, Move, None),
    b(&[Key::Code(KeyCode::PageUp)], Action::PageUp, Move, None),
    b(&[Key::Char('g'), Key::Code(KeyCode::Home)], Action::First, Move, None),
    b(&[Key::Char('G'), Key::Code(KeyCode::End)], Action::Last, Move, None),
    b(&[Key::Code(KeyCode::Right), Key::Char('l')], Action::Expand, Move, None),
    b(&[Key::Code(KeyCode::Left), Key::Char('h')], Action::Collapse, Move, None),
    b(&[Key::Code(KeyCode::Enter), Key::Char(' ')], Action::Toggle, Move, Some(6)),
    b(&[Key::Code(KeyCode::Tab), Key::Code(KeyCode::BackTab)], Action::FocusNext, Other, Some(8)),
    b(&[Key::Char('/')], Action::OpenSearch, Group::Search, Some(5)),
    b(
        &[
            Key::Char('1'),
            Key::Char('2'),
            Key::Char('3'),
            Key::Char('4'),
            Key::Char('5'),
            Key::Char('6'),
            Key::Char('7'),
            Key::Char('8'),
            Key::Char('9'),
        ],
        Action::FollowLink(0),
        Group::Links,
        Some(9),
    ),
    b(
        &[Key::Code(KeyCode::Backspace), Key::Alt(KeyCode::Left)],
        Action::Back,
        Group::Links,
        Some(10),
    ),
    b(&[Key::Alt(KeyCode::Right)], Action::Forward, Group::Links, None),
    b(&[Key::Char('o')], Action::ToggleView, Group::Links, Some(8)),
    f(&[Key::Char('n')], Action::NextResult, 3),
    f(&[Key::Char('N')], Action::PrevResult, 4),
    b(&[Key::Char('L'), Key::Code(KeyCode::F(2))], Action::NextLanguage, Other, Some(7)),
    b(&[Key::Char('?'), Key::Code(KeyCode::F(1))], Action::ToggleHelp, Other, Some(1)),
    f(&[Key::Code(KeyCode::Esc)], Action::Close, 2),
    b(&[Key::Char('q'), Key::Ctrl('c')], Action::Quit, Other, Some(2)),
    t(&[Key::Code(KeyCode::Enter)], Action::SearchAccept, Some(1)),
    t(&[Key::Code(KeyCode::Esc)], Action::SearchCancel, Some(2)),
    t(&[Key::Code(KeyCode::Down)], Action::NextResult, Some(3)),
    t(&[Key::Code(KeyCode::Up)], Action::PrevResult, Some(4)),
    t(&[Key::Code(KeyCode::Backspace)], Action::SearchBackspace, None),
    t(&[Key::Ctrl('w')], Action::SearchDeleteWord, None),
    t(&[Key::Ctrl('u')], Action::SearchClear, Some(5)),
    t(&[Key::Code(KeyCode::Left)], Action::SearchLeft, None),
    t(&[Key::Code(KeyCode::Right)], Action::SearchRight, None),
    t(&[Key::Code(KeyCode::Home)], Action::SearchHome, None),
    t(&[Key::Code(KeyCode::End)], Action::SearchEnd, None),
    t(&[Key::Code(KeyCode::F(2))], Action::NextLanguage, Some(6)),
    t(&[Key::Code(KeyCode::F(1))], Action::ToggleHelp, None),
    t(&[Key::Ctrl('c')], Action::Quit, None),
];

/// The action bound to a key press in `mode`, if any. Key releases are ignored; in the search
/// line an unbound character types itself.
#[must_use]
pub fn action_for(key: KeyEvent, mode: Mode) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let pressed = if key.modifiers.contains(KeyModifiers::CONTROL) {
        match key.code {
            KeyCode::Char(c) => Key::Ctrl(c.to_ascii_lowercase()),
            _ => return None,
        }
    } else if key.modifiers.contains(KeyModifiers::ALT) {
        Key::Alt(key.code)
    } else if key.modifiers.contains(KeyModifiers::SUPER) {
        return None;
    } else {
        match key.code {
            KeyCode::Char(c) => Key::Char(c),
            code => Key::Code(code),
        }
    };
    let bound = BINDINGS.iter().find(|b| b.mode == mode && b.keys.contains(&pressed));
    match (bound, pressed, mode) {
        // One line of the table for the nine digits: the digit says which link.
        (Some(b), Key::Char(c @ '1'..='9'), _) if b.action == Action::FollowLink(0) => {
            Some(Action::FollowLink(usize::from(c as u8 - b'1')))
        }
        (Some(b), _, _) => Some(b.action.clone()),
        (None, Key::Char(c), Mode::Typing) if !c.is_control() => Some(Action::SearchChar(c)),
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
            KeyCode::F(n) => format!("F{n}"),
            other => other.to_string(),
        },
    }
}

/// All the keys of a binding, as the help overlay lists them (`↓ j`).
#[must_use]
pub fn keys_label(binding: &Binding) -> String {
    if binding.action == Action::FollowLink(0) {
        return "1…9".into();
    }
    binding.keys.iter().map(|&k| key_label(k)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action_for(KeyEvent::new(code, modifiers), Mode::Browse)
    }

    fn typing(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action_for(KeyEvent::new(code, modifiers), Mode::Typing)
    }

    #[test]
    fn every_listed_key_maps_to_its_action() {
        assert_eq!(press(KeyCode::Char('j'), KeyModifiers::NONE), Some(Action::Down));
        assert_eq!(press(KeyCode::Down, KeyModifiers::NONE), Some(Action::Down));
        assert_eq!(press(KeyCode::Char('G'), KeyModifiers::SHIFT), Some(Action::Last));
        assert_eq!(press(KeyCode::Char('L'), KeyModifiers::SHIFT), Some(Action::NextLanguage));
        assert_eq!(press(KeyCode::F(2), KeyModifiers::NONE), Some(Action::NextLanguage));
        assert_eq!(press(KeyCode::Char('c'), KeyModifiers::CONTROL), Some(Action::Quit));
        assert_eq!(press(KeyCode::Char('?'), KeyModifiers::SHIFT), Some(Action::ToggleHelp));
        assert_eq!(press(KeyCode::Char(' '), KeyModifiers::NONE), Some(Action::Toggle));
        assert_eq!(press(KeyCode::Char('x'), KeyModifiers::NONE), None);
        assert_eq!(press(KeyCode::Char('j'), KeyModifiers::ALT), None);
        assert_eq!(press(KeyCode::Char('3'), KeyModifiers::NONE), Some(Action::FollowLink(2)));
        assert_eq!(press(KeyCode::Char('1'), KeyModifiers::NONE), Some(Action::FollowLink(0)));
        assert_eq!(press(KeyCode::Backspace, KeyModifiers::NONE), Some(Action::Back));
        assert_eq!(press(KeyCode::Left, KeyModifiers::ALT), Some(Action::Back));
        assert_eq!(press(KeyCode::Right, KeyModifiers::ALT), Some(Action::Forward));
        assert_eq!(press(KeyCode::Char('o'), KeyModifiers::NONE), Some(Action::ToggleView));
        assert_eq!(press(KeyCode::Char('/'), KeyModifiers::NONE), Some(Action::OpenSearch));
        assert_eq!(press(KeyCode::Char('N'), KeyModifiers::SHIFT), Some(Action::PrevResult));
    }

    #[test]
    fn in_the_search_line_letters_type_themselves() {
        assert_eq!(typing(KeyCode::Char('j'), KeyModifiers::NONE), Some(Action::SearchChar('j')));
        assert_eq!(typing(KeyCode::Char('L'), KeyModifiers::SHIFT), Some(Action::SearchChar('L')));
        assert_eq!(typing(KeyCode::Char('q'), KeyModifiers::NONE), Some(Action::SearchChar('q')));
        assert_eq!(typing(KeyCode::Char('é'), KeyModifiers::NONE), Some(Action::SearchChar('é')));
        assert_eq!(
            typing(KeyCode::Char('w'), KeyModifiers::CONTROL),
            Some(Action::SearchDeleteWord)
        );
        assert_eq!(typing(KeyCode::Char('u'), KeyModifiers::CONTROL), Some(Action::SearchClear));
        assert_eq!(typing(KeyCode::Esc, KeyModifiers::NONE), Some(Action::SearchCancel));
        assert_eq!(typing(KeyCode::Enter, KeyModifiers::NONE), Some(Action::SearchAccept));
        assert_eq!(typing(KeyCode::F(2), KeyModifiers::NONE), Some(Action::NextLanguage));
        assert_eq!(typing(KeyCode::Char('c'), KeyModifiers::CONTROL), Some(Action::Quit));
    }

    #[test]
    fn every_binding_is_described_in_every_interface_language() {
        for b in BINDINGS {
            for lang in ["fr", "nl", "en"] {
                let (long, short) = crate::i18n::action_text(b.action.clone(), lang);
                assert!(!long.is_empty() && !short.is_empty(), "{:?} in {lang}", b.action);
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in [Mode::Browse, Mode::Typing] {
            let all: Vec<Key> = BINDINGS
                .iter()
                .filter(|b| b.mode == mode)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in all.iter().enumerate() {
                assert!(!all[i + 1..].contains(k), "{k:?} is bound twice");
            }
        }
    }
}
