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
    /// Any other key.
    Code(KeyCode),
}

/// One line of the key table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The keys that do it; the first is the one the footer shows.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// Whether the footer shows it, and how much: where the footer is too narrow for every
    /// hint, those with the lowest rank (1 is the highest) stay.
    pub footer: Option<u8>,
    /// Whether it moves in the tree (for the help overlay's grouping).
    pub movement: bool,
}

const fn b(keys: &'static [Key], action: Action, footer: Option<u8>, movement: bool) -> Binding {
    Binding { keys, action, footer, movement }
}

/// The key table, in the order the help overlay lists it.
pub const BINDINGS: &[Binding] = &[
    b(&[Key::Code(KeyCode::Down), Key::Char('j')], Action::Down, Some(3), true),
    b(&[Key::Code(KeyCode::Up), Key::Char('k')], Action::Up, Some(4), true),
    b(&[Key::Code(KeyCode::PageDown)], Action::PageDown, None, true),
    b(&[Key::Code(KeyCode::PageUp)], Action::PageUp, None, true),
    b(&[Key::Char('g'), Key::Code(KeyCode::Home)], Action::First, None, true),
    b(&[Key::Char('G'), Key::Code(KeyCode::End)], Action::Last, None, true),
    b(&[Key::Code(KeyCode::Right), Key::Char('l')], Action::Expand, None, true),
    b(&[Key::Code(KeyCode::Left), Key::Char('h')], Action::Collapse, None, true),
    b(&[Key::Code(KeyCode::Enter), Key::Char(' ')], Action::Toggle, Some(5), true),
    b(&[Key::Code(KeyCode::Tab), Key::Code(KeyCode::BackTab)], Action::FocusNext, Some(7), false),
    b(&[Key::Char('L'), Key::Code(KeyCode::F(2))], Action::NextLanguage, Some(6), false),
    b(&[Key::Char('?'), Key::Code(KeyCode::F(1))], Action::ToggleHelp, Some(1), false),
    b(&[Key::Code(KeyCode::Esc)], Action::Close, None, false),
    b(&[Key::Char('q'), Key::Ctrl('c')], Action::Quit, Some(2), false),
];

/// The action bound to a key press, if any. Key releases and repeats of releases are ignored.
#[must_use]
pub fn action_for(key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let pressed = if key.modifiers.contains(KeyModifiers::CONTROL) {
        match key.code {
            KeyCode::Char(c) => Key::Ctrl(c.to_ascii_lowercase()),
            _ => return None,
        }
    } else if key.modifiers.intersects(KeyModifiers::ALT | KeyModifiers::SUPER) {
        return None;
    } else {
        match key.code {
            KeyCode::Char(c) => Key::Char(c),
            code => Key::Code(code),
        }
    };
    BINDINGS.iter().find(|b| b.keys.contains(&pressed)).map(|b| b.action.clone())
}

/// How a key is written in the help and the footer.
#[must_use]
pub fn key_label(key: Key) -> String {
    match key {
        Key::Char(' ') => "Space".into(),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
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
    binding.keys.iter().map(|&k| key_label(k)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action_for(KeyEvent::new(code, modifiers))
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
    }

    #[test]
    fn no_key_is_bound_twice() {
        let all: Vec<Key> = BINDINGS.iter().flat_map(|b| b.keys.iter().copied()).collect();
        for (i, k) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(k), "{k:?} is bound twice");
        }
    }
}
