//! The explorer's styles, in one place.

use ratatui::style::{Color, Modifier, Style};

/// The selected tree row when the tree has the focus.
pub const SELECTED: Style =
    Style::new().add_modifier(Modifier::REVERSED).add_modifier(Modifier::BOLD);
/// The selected tree row when the detail pane has the focus.
pub const SELECTED_UNFOCUSED: Style = Style::new().add_modifier(Modifier::UNDERLINED);
/// Border of the focused pane.
pub const BORDER_FOCUSED: Style = Style::new().fg(Color::Cyan);
/// Border of the other pane.
pub const BORDER: Style = Style::new().fg(Color::DarkGray);
/// Secondary text: paths, kinds, markers, the inactive language. The terminal's own dim
/// attribute, not a colour: dark grey disappears on some themes (Solarized Dark), and the
/// attribute stays without colours (`NO_COLOR`).
pub const DIM: Style = Style::new().add_modifier(Modifier::DIM);
/// The name at the top of the detail pane.
pub const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
/// Field labels and section headings.
pub const LABEL: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// The marker of a text shown in another language (`[FR]`).
pub const FALLBACK: Style = Style::new().fg(Color::Yellow);
/// The header line.
pub const HEADER: Style = Style::new().add_modifier(Modifier::BOLD);
/// The active language in the header.
pub const LANG_ACTIVE: Style =
    Style::new().add_modifier(Modifier::REVERSED).add_modifier(Modifier::BOLD);
/// A key in the footer and the help.
pub const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// Acronyms in the tree.
pub const ACRONYM: Style = Style::new().add_modifier(Modifier::BOLD);
/// Characters that match the search.
pub const MATCH: Style =
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD).add_modifier(Modifier::UNDERLINED);
/// The search line's prompt.
pub const PROMPT: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
/// The focused link of the detail pane.
pub const LINK_FOCUSED: Style = Style::new().add_modifier(Modifier::REVERSED);
/// The address of a source.
pub const URL: Style = Style::new().fg(Color::DarkGray).add_modifier(Modifier::UNDERLINED);
/// The banner of a data file that does not load.
pub const BANNER: Style =
    Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD);
