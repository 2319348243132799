//! What a person can ask the explorer to do, whatever key, click or event asked for it.

use crate::map::state::MapAction;
use crate::tree::Item;

/// One request to change the explorer's state; [`crate::app::App::update`] carries it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Next row in the tree; in the focused detail pane, scroll down a line.
    Down,
    /// Previous row; in the focused detail pane, scroll up a line.
    Up,
    /// A page down, in the focused pane.
    PageDown,
    /// A page up, in the focused pane.
    PageUp,
    /// Half a page down, in the focused pane.
    HalfPageDown,
    /// Half a page up, in the focused pane.
    HalfPageUp,
    /// The first row (or the top of the details).
    First,
    /// The last row (or the end of the details).
    Last,
    /// Expand the selected entry, or go to its first child when it is expanded.
    Expand,
    /// Collapse the selected entry, or go to its parent when it is collapsed.
    Collapse,
    /// Expand or collapse the selected entry.
    Toggle,
    /// Move the focus between the tree and the detail pane.
    FocusNext,
    /// A digit of a count (`3j`, `10G`) or of a link number (`3 Enter`).
    Digit(u8),
    /// Forget the count typed so far.
    DropCount,
    /// Follow the link whose number was typed as a count (`3 Enter`).
    FollowNumbered,
    /// Follow the link chosen with `↑`/`↓` in the detail pane.
    FollowFocused,
    /// Copy the selected entry or organisation, as plain text, to the clipboard.
    CopyEntry,
    /// Copy the id of the selected entry or organisation to the clipboard.
    CopyId,
    /// Turn the mouse capture off (the terminal's own selection works) or on again.
    ToggleMouse,
    /// Switch to the next language of the data set.
    NextLanguage,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Show every problem of the data file on disk, in full (the reload banner shows the first).
    ShowProblems,
    /// Show where the content comes from, in full: the source note, the page, the date.
    ShowSource,
    /// Clear the search kept as a filter.
    Close,
    /// Open the search line (or go back to editing the search).
    OpenSearch,
    /// Go to the next search result, going round at the end.
    NextResult,
    /// Go to the previous search result, going round at the start.
    PrevResult,
    /// Type a character in the search line.
    SearchChar(char),
    /// Delete the character before the caret.
    SearchBackspace,
    /// Delete the character under the caret.
    SearchDelete,
    /// Delete the word before the caret.
    SearchDeleteWord,
    /// Delete from the caret to the end of the line.
    SearchKillEnd,
    /// Move the caret to the start of the previous word.
    SearchWordLeft,
    /// Move the caret past the end of the next word.
    SearchWordRight,
    /// Clear the search line.
    SearchClear,
    /// Move the caret left.
    SearchLeft,
    /// Move the caret right.
    SearchRight,
    /// Move the caret to the start.
    SearchHome,
    /// Move the caret to the end.
    SearchEnd,
    /// Leave the search line, keeping the results as a filter.
    SearchAccept,
    /// Leave the search line, putting the tree back as it was.
    SearchCancel,
    /// Leave the program.
    Quit,
    /// Suspend the program (`Ctrl-Z`): the terminal loop gives the terminal back and stops; `fg`
    /// resumes it. Nothing changes in the state.
    Suspend,
    /// Select this item (a click on its row).
    Select(Item),
    /// Expand or collapse this item (a click on its marker).
    ToggleNode(Item),
    /// Follow link number `n` (from 0) of the detail pane (digits, `Enter`, a click).
    FollowLink(usize),
    /// Go back to the place before the last jump.
    Back,
    /// Go forward again after `Back`.
    Forward,
    /// Switch the left pane between the levels and the organisations.
    ToggleView,
    /// Open the map of the selected entry or organisation.
    OpenMap,
    /// Move, re-centre, go back or leave in the map.
    Map(MapAction),
    /// Scroll the tree by this many rows (the wheel); the selection follows into view.
    ScrollTree(i32),
    /// Scroll the detail pane by this many lines (the wheel).
    ScrollDetail(i32),
    /// Switch to this language (a click in the header).
    SetLanguage(String),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Text pasted (bracketed paste): it goes into the search line, opening it if needed.
    Paste(String),
}

/// What the explorer asks of the terminal: `update` records it, the terminal loop carries it out
/// (so that `update` stays free of I/O).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Turn the mouse capture on (`true`) or off.
    MouseCapture(bool),
}
