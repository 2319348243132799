//! The terminal side of the explorer: raw mode, alternate screen and mouse on; restored on quit,
//! on error, on panic and on SIGTERM, SIGHUP and SIGINT; the event loop, which blocks on input
//! and redraws only when something arrived; and whether the screen has colours (`--color`,
//! `NO_COLOR`).

use std::io::{self, Write};
use std::sync::Mutex;

use crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::execute;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::style::Color;

use crate::action::{Action, Effect};
use crate::app::App;
use crate::events::{self, Input};
use crate::keymap;
use crate::layout;
use crate::ui;

/// Held while a frame is written, so that a signal never restores the terminal in the middle of
/// one (and the frame's tail never lands after the restore).
static DRAWING: Mutex<()> = Mutex::new(());

/// Puts the terminal back as it was: mouse off, cursor shown, main screen, raw mode off.
pub fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture, crossterm::cursor::Show);
    ratatui::restore();
    let _ = io::stdout().flush();
}

/// Restores the terminal and leaves when SIGTERM, SIGHUP or SIGINT arrives.
fn watch_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        if let Some(sig) = signals.forever().next() {
            // Wait for a frame being written to finish; never release the lock after: the
            // process ends here.
            let _guard = DRAWING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            restore();
            std::process::exit(128 + sig);
        }
    })?;
    Ok(())
}

/// When to use colours: the `--color` flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colours on a terminal, unless NO_COLOR is set and not empty.
    #[default]
    Auto,
    /// Colours, even with NO_COLOR set.
    Always,
    /// No colours.
    Never,
}

/// Whether the screen gets colours: `--color always` or `never` decide; with `auto`, colours
/// when the output is a terminal and `NO_COLOR` is unset or empty (<https://no-color.org>).
/// `no_color` is the value of `NO_COLOR`, if set.
#[must_use]
pub fn colour_enabled(choice: ColorChoice, no_color: Option<&std::ffi::OsStr>, tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && no_color.is_none_or(std::ffi::OsStr::is_empty),
    }
}

/// Takes every colour out of a drawn buffer (text, background and underline colours become the
/// terminal's own) and keeps bold, reverse video and underline, so the selection still shows.
pub fn strip_colours(buf: &mut Buffer) {
    for cell in &mut buf.content {
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
        cell.underline_color = Color::Reset;
    }
}

/// Runs the explorer until the person quits; without `colour`, the screen has no colours.
///
/// # Errors
/// When the terminal cannot be set up, read or drawn to; it is restored first.
pub fn run(mut app: App, colour: bool, data: Option<&std::path::Path>) -> io::Result<()> {
    // crossterm reads NO_COLOR by itself; the decision made here (which `--color always` may
    // overrule) is the one that counts.
    crossterm::style::Colored::set_ansi_color_disabled(!colour);
    watch_signals()?;
    let mut terminal = ratatui::try_init()?;
    // ratatui's hook restores the screen on panic; ours turns the mouse off before it.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        hook(info);
    }));
    let (tx, inputs) = events::terminal();
    // Watching is a help, not a need: without it the explorer still works.
    let _watcher = data.and_then(|p| events::watch(p, tx.clone()).ok());
    drop(tx);
    let result = (|| -> io::Result<()> {
        execute!(io::stdout(), EnableMouseCapture)?;
        let size = terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        loop {
            {
                let _guard = DRAWING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                terminal.draw(|f| {
                    ui::render(&app, f);
                    if !colour {
                        strip_colours(f.buffer_mut());
                    }
                })?;
            }
            // Blocks until input or a change of the data file arrives: no wake-ups while idle.
            match inputs.recv() {
                Ok(Input::Terminal(ev)) => {
                    if let Some(action) = action_for_event(&app, &ev) {
                        app.update(action);
                    }
                    carry_out(&mut app)?;
                }
                Ok(Input::DataChanged) => {
                    // One save can be several writes: wait for the last, then load once.
                    while let Ok(Input::DataChanged) = inputs.recv_timeout(events::SETTLE) {}
                    if let Some(path) = data {
                        app.reload(load_again(path));
                    }
                }
                Ok(Input::Failed(e)) => return Err(e),
                Err(_) => return Ok(()),
            }
            if app.quit {
                return Ok(());
            }
        }
    })();
    restore();
    result
}

/// Does what the last update asked of the terminal: a copy (OSC 52), the mouse on or off.
fn carry_out(app: &mut App) -> io::Result<()> {
    while let Some(effect) = app.take_effect() {
        let mut out = io::stdout();
        match effect {
            Effect::Copy(text) => out.write_all(crate::clip::osc52(&text).as_bytes())?,
            Effect::MouseCapture(true) => execute!(out, EnableMouseCapture)?,
            Effect::MouseCapture(false) => execute!(out, DisableMouseCapture)?,
        }
        out.flush()?;
    }
    Ok(())
}

/// The data file loaded again: the catalog, or the first problem as `file:line:col: message`.
fn load_again(path: &std::path::Path) -> Result<crate::data::Catalog, String> {
    match crate::data::load_path(path) {
        Ok(loaded) => Ok(loaded.catalog),
        Err(crate::data::LoadError::Invalid(diags)) => Err(diags
            .iter()
            .find(|d| d.is_error())
            .or(diags.first())
            .map_or_else(|| "invalid".to_owned(), ToString::to_string)),
        Err(e) => Err(e.to_string()),
    }
}

/// The action an input event asks for, if any.
#[must_use]
pub fn action_for_event(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) => keymap::action_for(*k, &app.mode()),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) => action_for_mouse(app, m),
        _ => None,
    }
}

/// The action a mouse event asks for: clicks on rows, markers and languages; the wheel.
#[must_use]
pub fn action_for_mouse(app: &App, m: &MouseEvent) -> Option<Action> {
    let areas = app.areas()?;
    let at = Position::new(m.column, m.row);
    match m.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let d = if m.kind == MouseEventKind::ScrollDown { 3 } else { -3 };
            if app.help {
                return Some(if d > 0 { Action::Down } else { Action::Up });
            }
            if areas.tree.contains(at) {
                Some(Action::ScrollTree(d))
            } else if areas.detail.contains(at) {
                Some(Action::ScrollDetail(d))
            } else {
                None
            }
        }
        MouseEventKind::Down(MouseButton::Left) => {
            if app.help {
                return None;
            }
            for (r, i) in layout::language_spots(areas.header, &app.catalog.languages) {
                if r.contains(at) {
                    return Some(Action::SetLanguage(app.catalog.languages[i].clone()));
                }
            }
            let detail = areas.detail_inner();
            if detail.contains(at) {
                // A click on a link follows it.
                let line = app.detail_scroll + usize::from(m.row - detail.y);
                let view = app.detail();
                let i =
                    view.links.iter().position(|l| (l.first_line..=l.last_line).contains(&line))?;
                return Some(Action::FollowLink(i));
            }
            let inner = areas.tree_inner();
            if !inner.contains(at) {
                return None;
            }
            let row = app.tree_offset + usize::from(m.row - inner.y);
            let &item = app.rows.get(row)?;
            let marker_x = usize::from(inner.x) + item.depth(&app.catalog) * 2;
            let x = usize::from(m.column);
            if item.has_children(&app.catalog) && (marker_x..marker_x + 2).contains(&x) {
                Some(Action::ToggleNode(item))
            } else {
                Some(Action::Select(item))
            }
        }
        _ => None,
    }
}

/// The language to start in: `--lang`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the
/// first that is set), else the data set's first language. `env` reads a variable.
///
/// # Errors
/// When `--lang` names a language the data set does not have; the message lists those it has.
pub fn start_language(
    requested: Option<&str>,
    languages: &[String],
    env: impl Fn(&str) -> Option<String>,
) -> Result<String, String> {
    if let Some(code) = requested {
        return if languages.iter().any(|l| l == code) {
            Ok(code.to_owned())
        } else {
            Err(format!(
                "the data set has no language \"{code}\"; it has: {}",
                languages.join(", ")
            ))
        };
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| env(v))
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    let wanted = locale.split(['_', '.', '@', '-']).next().unwrap_or("").to_ascii_lowercase();
    Ok(languages.iter().find(|l| **l == wanted).unwrap_or(&languages[0]).clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs() -> Vec<String> {
        vec!["fr".into(), "nl".into()]
    }

    #[test]
    fn start_language_prefers_flag_then_locale_then_first() {
        let none = |_: &str| None;
        assert_eq!(start_language(Some("nl"), &langs(), none), Ok("nl".into()));
        assert!(start_language(Some("de"), &langs(), none).unwrap_err().contains("fr, nl"));
        let env = |v: &str| match v {
            "LC_ALL" => Some(String::new()),
            "LC_MESSAGES" => Some("nl_BE.UTF-8".into()),
            "LANG" => Some("fr_BE.UTF-8".into()),
            _ => None,
        };
        assert_eq!(start_language(None, &langs(), env), Ok("nl".into()));
        let env = |v: &str| (v == "LANG").then(|| "fr_BE.UTF-8".to_owned());
        assert_eq!(start_language(None, &langs(), env), Ok("fr".into()));
        let env = |v: &str| (v == "LANG").then(|| "C.UTF-8".to_owned());
        assert_eq!(start_language(None, &langs(), env), Ok("fr".into()));
        assert_eq!(start_language(None, &langs(), none), Ok("fr".into()));
    }

    #[test]
    fn colour_follows_the_flag_then_no_color_then_the_terminal() {
        use std::ffi::OsStr;
        let set = Some(OsStr::new("1"));
        let empty = Some(OsStr::new(""));
        assert!(colour_enabled(ColorChoice::Auto, None, true));
        assert!(colour_enabled(ColorChoice::Auto, empty, true), "an empty NO_COLOR is unset");
        assert!(!colour_enabled(ColorChoice::Auto, set, true));
        assert!(!colour_enabled(ColorChoice::Auto, None, false));
        assert!(colour_enabled(ColorChoice::Always, set, false));
        assert!(!colour_enabled(ColorChoice::Never, None, true));
    }
}
