//! The terminal side of the explorer: raw mode, alternate screen, mouse and bracketed paste on
//! (as far as `TERM` supports them); restored on quit, on error, on panic, on suspension and on
//! every fatal signal; the event loop, which blocks on input and redraws only when something
//! arrived; the size drawn, clamped; and whether the screen has colours (`--color`,
//! `NO_COLOR`).

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Mutex, OnceLock};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{execute, queue};
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::{Terminal, TerminalOptions, Viewport};
use signal_hook::consts::signal::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGSYS, SIGTERM, SIGTRAP, SIGTSTP,
    SIGUSR1, SIGUSR2, SIGVTALRM, SIGWINCH, SIGXCPU, SIGXFSZ,
};

use crate::action::{Action, Effect};
use crate::app::App;
use crate::events::{self, Input};
// What an event asks for is read in `mouse`, beside the layout; kept reachable here.
pub use crate::mouse::{action_for_event, action_for_mouse};
use crate::ui;

/// Held while a frame is written, so that a signal never restores the terminal in the middle of
/// one (and the frame's tail never lands after the restore).
static DRAWING: Mutex<()> = Mutex::new(());

/// What the terminal can do, from `TERM`, decided once before the terminal is set up.
static CAPS: OnceLock<Caps> = OnceLock::new();

/// Whether the person wants the explorer to have the mouse (`m` turns it off and on): a
/// suspension and resume set the terminal up again as it was chosen, not as at the start.
static MOUSE_WANTED: AtomicBool = AtomicBool::new(true);

/// The largest size drawn: a terminal that reports more (65535x65535 would be gigabytes of
/// cells) gets the explorer in its top-left 1000x500 cells.
pub const MAX_SIZE: (u16, u16) = (1000, 500);

/// What the terminal named by `TERM` supports, of what the explorer uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// The alternate screen (the shell's screen comes back at the end).
    pub alternate_screen: bool,
    /// Mouse reports (xterm's SGR mode).
    pub mouse: bool,
    /// The 16 ANSI colours.
    pub colour: bool,
}

/// What the terminal named `term` supports: everything for the xterm family and the like;
/// colours but no mouse for the Linux console; neither on a VT100 and its kin. `None` for a
/// dumb terminal or none (`TERM` unset or empty), where the explorer cannot work.
#[must_use]
pub fn capabilities(term: Option<&str>) -> Option<Caps> {
    let term = term.unwrap_or("").trim();
    let full = Caps { alternate_screen: true, mouse: true, colour: true };
    match term {
        "" | "dumb" | "unknown" => None,
        "linux" | "cons25" => Some(Caps { mouse: false, ..full }),
        t if t.starts_with("vt") && !t.starts_with("vte") => {
            Some(Caps { alternate_screen: false, mouse: false, colour: false })
        }
        _ => Some(full),
    }
}

fn caps() -> Caps {
    CAPS.get().copied().unwrap_or(Caps { alternate_screen: true, mouse: true, colour: true })
}

/// A size the terminal reported, clamped to [`MAX_SIZE`].
#[must_use]
pub fn clamp_size((w, h): (u16, u16)) -> (u16, u16) {
    (w.min(MAX_SIZE.0), h.min(MAX_SIZE.1))
}

/// Takes the terminal: raw mode, alternate screen, mouse reports (unless `m` released the
/// mouse) and bracketed paste on, cursor hidden. Done again after a suspension, whatever the
/// shell did in between.
fn set_up() -> io::Result<()> {
    let mut out = io::stdout().lock();
    set_up_into(&mut out)?;
    out.flush()
}

/// [`set_up`], its requests written to `out` and not flushed: at the start, the screen's own
/// writer, so that they go out in one write with the clearing of the screen.
fn set_up_into(out: &mut impl Write) -> io::Result<()> {
    let caps = caps();
    // Raw mode from the settings as they are now (crossterm keeps the ones it found first).
    let _ = crossterm::terminal::disable_raw_mode();
    crossterm::terminal::enable_raw_mode()?;
    if caps.alternate_screen {
        queue!(out, EnterAlternateScreen)?;
    }
    if caps.mouse && MOUSE_WANTED.load(Ordering::SeqCst) {
        queue!(out, EnableMouseCapture)?;
    }
    queue!(out, EnableBracketedPaste, crossterm::cursor::Hide)
}

/// Puts the terminal back as it was: paste and mouse reports off, cursor shown, main screen,
/// raw mode off. Errors are ignored: a terminal that is gone has nothing to put back.
pub fn restore() {
    let caps = caps();
    let mut out = io::stdout();
    let _ = execute!(out, DisableBracketedPaste);
    if caps.mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, crossterm::style::ResetColor, crossterm::cursor::Show);
    if caps.alternate_screen {
        // The alternate screen emptied first: a terminal that kept its lines when the window
        // grew (tmux does) would otherwise show them above the prompt.
        let _ = execute!(
            out,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
            LeaveAlternateScreen
        );
    } else {
        let _ = execute!(
            out,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
            crossterm::cursor::MoveTo(0, 0)
        );
    }
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Every signal whose default ends the process and that a program may catch: the terminal is
/// restored first, then the program ends with 128 + the signal's number.
const FATAL: &[i32] = &[
    SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
    SIGXFSZ, SIGIO, SIGSYS, SIGTRAP,
];

/// Catches the signals the explorer handles (see [`watch_signals`]): from now on they wait for
/// it, none acts as it would by default.
fn catch_signals() -> io::Result<signal_hook::iterator::Signals> {
    let mut wanted = vec![SIGWINCH, SIGTSTP, SIGCONT];
    wanted.extend_from_slice(FATAL);
    signal_hook::iterator::Signals::new(&wanted)
}

/// Watches the signals caught on a thread: a resize becomes an event; SIGTSTP (`Ctrl-Z`, or
/// sent from outside) restores the terminal and stops, and on SIGCONT the terminal is taken
/// again and the screen drawn anew; every fatal signal restores the terminal and ends the
/// program.
fn watch_signals(mut signals: signal_hook::iterator::Signals, tx: Sender<Input>) -> io::Result<()> {
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        let lock = || DRAWING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for sig in signals.forever() {
            match sig {
                SIGWINCH => {
                    if let Ok((w, h)) = crossterm::terminal::size() {
                        let _ = tx.send(Input::Terminal(Event::Resize(w, h)));
                    }
                }
                SIGTSTP => {
                    {
                        let _guard = lock();
                        restore();
                        // Stops the process here, until SIGCONT.
                        let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                        let _ = set_up();
                    }
                    let _ = tx.send(Input::Redraw);
                }
                SIGCONT => {
                    // Also after a SIGSTOP, which cannot be caught: the shell may have put its
                    // own settings back meanwhile.
                    {
                        let _guard = lock();
                        let _ = set_up();
                    }
                    let _ = tx.send(Input::Redraw);
                }
                _ => {
                    // Wait for a frame being written to finish; never release the lock after:
                    // the process ends here.
                    let _guard = lock();
                    restore();
                    std::process::exit(128 + sig);
                }
            }
        }
    })?;
    Ok(())
}

/// When to use colours: the `--color` flag, or `color` in the configuration file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    /// Colours on a terminal, unless `NO_COLOR` is set and not empty.
    #[default]
    Auto,
    /// Colours, even with `NO_COLOR` set.
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

/// How the explorer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The person quit.
    Quit,
    /// The terminal went away (hung up, its window closed).
    Closed,
}

/// Runs the explorer until the person quits or the terminal goes away; without `colour`, the
/// screen has no colours. `caps` is what the terminal supports ([`capabilities`]).
///
/// The explorer's state is not freed when it ends: the process is about to end, and the system
/// takes the memory back whole, where dropping 100,000 entries piece by piece would keep the
/// person waiting for the prompt (the terminal is restored before `run` returns).
///
/// # Errors
/// When the terminal cannot be set up, read or drawn to; it is restored first.
pub fn run(
    app: App,
    colour: bool,
    caps: Caps,
    data: Option<&std::path::Path>,
    ahead: Ahead,
) -> io::Result<Ended> {
    let mut app = std::mem::ManuallyDrop::new(app);
    let _ = CAPS.set(caps);
    let colour = colour && caps.colour;
    // crossterm reads NO_COLOR by itself; the decision made here (which `--color always` may
    // overrule) is the one that counts.
    crossterm::style::Colored::set_ansi_color_disabled(!colour);
    let (tx, inputs) = channel();
    let mut signals = Some(catch_signals()?);
    // Restores the screen on panic, before the message is printed.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    let result = (|| -> io::Result<Ended> {
        let (w, h) = clamp_size(crossterm::terminal::size()?);
        let area = Rect::new(0, 0, w, h);
        let frame = ahead.take(area).unwrap_or_else(|| Buffer::empty(area));
        app.update(Action::Resize(w, h));
        let mut watch = None;
        // Watching is a help, not a need: without it the explorer still works. A pipe is read
        // once and not watched. The data file as it was before the first frame: a save (or a
        // removal) made before the watcher is set up is seen by comparing.
        let watched = data.filter(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file()));
        let before = watched.and_then(stamp);
        let mut surface = first_frame(&app, colour, frame)?;
        let mut drawn = true;
        loop {
            if !std::mem::take(&mut drawn) {
                let terminal = surface.get()?;
                let _guard = DRAWING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                terminal.draw(|f| {
                    ui::render(&app, f);
                    if !colour {
                        strip_colours(f.buffer_mut());
                    }
                })?;
            }
            // The signals are watched from the first frame on.
            if let Some(signals) = signals.take() {
                // Keys and signals that came before wait for these threads, unread.
                events::terminal(tx.clone());
                watch_signals(signals, tx.clone())?;
                after_first_frame(&app, watched, &tx, &mut watch);
                if watch.is_some() && watched.and_then(stamp) != before {
                    let _ = tx.send(Input::DataChanged);
                }
            }
            // Blocks until input or a change of the data file arrives: no wake-ups while idle.
            // Then everything that arrived meanwhile is handled before the next frame, so a
            // burst of keys costs one frame, not one each.
            let first = match watch.as_ref().filter(|w| w.lost()) {
                // A folder of the data file is gone: look for it again every second.
                Some(w) => match inputs.recv_timeout(events::RETRY) {
                    Ok(input) => input,
                    Err(RecvTimeoutError::Timeout) if w.back() => Input::DataChanged,
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => return Ok(Ended::Quit),
                },
                None => match inputs.recv() {
                    Ok(input) => input,
                    Err(_) => return Ok(Ended::Quit),
                },
            };
            let mut next = Some(first);
            while let Some(input) = next {
                if let Some(end) =
                    handle(input, &mut app, surface.get()?, &inputs, data, &mut watch)?
                {
                    return Ok(end);
                }
                if app.quit() {
                    return Ok(Ended::Quit);
                }
                next = inputs.try_recv().ok();
            }
        }
    })();
    let _guard = DRAWING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    restore();
    match result {
        Err(e) if events::terminal_gone(&e) || events::hung_up() => Ok(Ended::Closed),
        other => other,
    }
}

type Screen = Terminal<Backend>;

/// Takes the terminal and draws the first frame into `frame`, in one write with the requests
/// that take the terminal and the clearing of the screen.
fn first_frame(app: &App, colour: bool, mut frame: Buffer) -> io::Result<Surface> {
    let area = frame.area;
    let mut out = CrosstermBackend::new(io::BufWriter::with_capacity(1 << 16, io::stdout()));
    {
        let _guard = DRAWING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        ui::draw(app, area, &mut frame);
        if !colour {
            strip_colours(&mut frame);
        }
        set_up_into(&mut out)?;
        queue!(out, crossterm::terminal::Clear(crossterm::terminal::ClearType::All))?;
        crate::first::write(&mut out, &frame, ui::cursor_position(app, area))?;
        out.flush()?;
    }
    Ok(Surface { screen: None, first: Some((out, frame)) })
}

/// The drawing surface, made when it is first needed, at the first input: filling its two
/// buffers takes a while, and just after the first frame the terminal needs the time to show it.
struct Surface {
    screen: Option<Screen>,
    /// The terminal's writer and the frame on the screen, until the surface is made.
    first: Option<(Backend, Buffer)>,
}

impl Surface {
    /// The surface, the frame on the screen the one the next is compared with.
    fn get(&mut self) -> io::Result<&mut Screen> {
        if let Some((out, mut frame)) = self.first.take() {
            let mut screen = screen_of(out, frame.area)?;
            std::mem::swap(screen.current_buffer_mut(), &mut frame);
            screen.swap_buffers();
            self.screen = Some(screen);
        }
        self.screen.as_mut().ok_or_else(|| io::Error::other("the drawing surface was not made"))
    }
}

/// The drawing surface of `area`, writing to `out`: two buffers of every cell, which take a
/// while to fill, made after the first frame ([`crate::first`]).
fn screen_of(out: Backend, area: Rect) -> io::Result<Screen> {
    // A fixed viewport: the size drawn is the clamped one, whatever the terminal says.
    Terminal::with_options(out, TerminalOptions { viewport: Viewport::Fixed(area) })
}

/// The terminal's writer: a frame goes out in one write (ratatui flushes after each), not in
/// pieces of the size of the standard output's line buffer (1 KiB).
type Backend = CrosstermBackend<io::BufWriter<io::Stdout>>;

/// The buffer of the first frame, being made on another thread while the data loads (filling
/// every cell takes a while): [`run`] takes it if the terminal has kept its size, else makes
/// another.
pub struct Ahead(Option<std::thread::JoinHandle<Option<Buffer>>>);

impl Ahead {
    /// Starts making the buffer (nothing is written to the terminal).
    #[must_use]
    pub fn start() -> Self {
        let make = || {
            let (w, h) = clamp_size(crossterm::terminal::size().ok()?);
            Some(Buffer::empty(Rect::new(0, 0, w, h)))
        };
        Ahead(crate::cores::spawn("screen", make).ok())
    }

    /// The buffer made, if it is of `area`.
    fn take(self, area: Rect) -> Option<Buffer> {
        self.0?.join().ok()?.filter(|frame| frame.area == area)
    }
}

/// When a file was last written, and its size.
fn stamp(path: &std::path::Path) -> Option<(std::time::SystemTime, u64)> {
    std::fs::metadata(path).ok().and_then(|m| Some((m.modified().ok()?, m.len())))
}

/// What the first frame does not need, done once it is on screen: the search index built on
/// another thread (a search started before it is ready waits for it, the keys queued), and the
/// data file (`watched`) watched.
fn after_first_frame(
    app: &App,
    watched: Option<&std::path::Path>,
    tx: &Sender<Input>,
    watch: &mut Option<events::DataWatch>,
) {
    let build = app.index_builder();
    // Without a thread, the index is built at the first search.
    let _ = crate::cores::spawn("index", build);
    *watch = watched.and_then(|p| events::DataWatch::new(p, tx.clone()).ok());
}

/// Handles one input; `Some` when it ends the explorer.
fn handle(
    input: Input,
    app: &mut App,
    terminal: &mut Screen,
    inputs: &Receiver<Input>,
    data: Option<&std::path::Path>,
    watch: &mut Option<events::DataWatch>,
) -> io::Result<Option<Ended>> {
    match input {
        Input::Terminal(Event::Resize(w, h)) => {
            let (w, h) = clamp_size((w, h));
            terminal.resize(Rect::new(0, 0, w, h))?;
            app.update(Action::Resize(w, h));
        }
        Input::Terminal(Event::Paste(text)) => app.update(Action::Paste(text)),
        Input::Terminal(ev) => match action_for_event(app, &ev) {
            // `Ctrl-Z`: the signal thread restores the terminal, stops, and takes it again.
            Some(Action::Suspend) => {
                let _ = signal_hook::low_level::raise(SIGTSTP);
            }
            Some(action) => {
                app.update(action);
                carry_out(app)?;
            }
            None => {}
        },
        Input::Redraw => {
            // Everything again, at the size the terminal has now.
            let (w, h) = clamp_size(crossterm::terminal::size()?);
            terminal.resize(Rect::new(0, 0, w, h))?;
            app.update(Action::Resize(w, h));
        }
        Input::DataChanged => {
            // One save can be several writes: wait for the last, then load once. A key that
            // comes meanwhile is handled after the reload, not lost.
            let mut other = None;
            while let Ok(input) = inputs.recv_timeout(events::SETTLE) {
                if !matches!(input, Input::DataChanged) {
                    other = Some(input);
                    break;
                }
            }
            // The path may lead elsewhere now (a link changed, a folder came back or went, the
            // file is a new one): watched again before it is read, so that no later write
            // goes unseen.
            if let Some(w) = watch.as_mut() {
                w.refresh();
            }
            if let Some(path) = data {
                app.drop_index();
                // The old data goes once the new is checked, before it is built; every problem
                // found, one a line, as `ccbnet check` prints them.
                app.reload_with(|release| {
                    crate::data::reload_path(path, release)
                        .map(|l| l.catalog)
                        .map_err(|e| e.to_string())
                });
                // The new data's index, as at the start (nothing to do if the data stayed).
                let _ = crate::cores::spawn("index", app.index_builder());
            }
            if let Some(input) = other {
                return handle(input, app, terminal, inputs, data, watch);
            }
        }
        Input::Closed => return Ok(Some(Ended::Closed)),
        Input::Failed(e) => return Err(e),
    }
    Ok(None)
}

/// Does what the last update asked of the terminal: a copy (OSC 52), the mouse on or off.
fn carry_out(app: &mut App) -> io::Result<()> {
    while let Some(effect) = app.take_effect() {
        let mut out = io::stdout();
        if let Effect::MouseCapture(on) = effect {
            MOUSE_WANTED.store(on, Ordering::SeqCst);
        }
        match effect {
            Effect::Copy(text) => out.write_all(crate::clip::osc52(&text).as_bytes())?,
            // A terminal without mouse reports gets no request for them.
            Effect::MouseCapture(_) if !caps().mouse => {}
            Effect::MouseCapture(true) => execute!(out, EnableMouseCapture)?,
            Effect::MouseCapture(false) => execute!(out, DisableMouseCapture)?,
        }
        out.flush()?;
    }
    Ok(())
}

/// The data set's language that `code` names, whatever its case and region: `FR`, `nl-BE`,
/// `de_BE.UTF-8` and `en-GB` name `fr`, `nl`, `de` and `en`. A code the data set declares as
/// written (say `pt-BR`) is taken whole first.
#[must_use]
pub fn match_language<'a>(code: &str, languages: &'a [String]) -> Option<&'a str> {
    let code = code.trim();
    let whole = code.split(['.', '@']).next().unwrap_or("").replace('_', "-");
    let base = whole.split('-').next().unwrap_or("");
    [whole.as_str(), base]
        .into_iter()
        .filter(|c| !c.is_empty())
        .find_map(|c| languages.iter().find(|l| l.eq_ignore_ascii_case(c)))
        .map(String::as_str)
}

/// A `--lang` that names none of the data set's languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the data set has no language \"{code}\"; it has: {languages}")]
pub struct UnknownLanguage {
    /// The code asked for, made safe to show.
    code: String,
    /// The languages the data set has, joined by commas.
    languages: String,
}

/// The language to start in: `--lang`, else the locale, else the data set's first language.
/// The locale is read as gettext reads it: each entry of `LANGUAGE` (a colon-separated list)
/// in order, then the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set; the first that names
/// a language of the data set wins. `env` reads a variable.
///
/// # Errors
/// When `--lang` names a language the data set does not have; the message lists those it has.
pub fn start_language(
    requested: Option<&str>,
    languages: &[String],
    env: impl Fn(&str) -> Option<String>,
) -> Result<String, UnknownLanguage> {
    if let Some(code) = requested {
        return match match_language(code, languages) {
            Some(l) => Ok(l.to_owned()),
            // Echoed from the command line: it may hold escape sequences.
            None => Err(UnknownLanguage {
                code: crate::text::one_line(&crate::text::sanitize(code)).into_owned(),
                languages: languages.join(", "),
            }),
        };
    }
    let list = env("LANGUAGE").unwrap_or_default();
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| env(v))
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    let found = list.split(':').chain([locale.as_str()]).find_map(|c| match_language(c, languages));
    Ok(found.unwrap_or(&languages[0]).to_owned())
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
        assert!(
            start_language(Some("de"), &langs(), none).unwrap_err().to_string().contains("fr, nl")
        );
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

    fn four() -> Vec<String> {
        ["fr", "nl", "de", "en"].map(String::from).to_vec()
    }

    #[test]
    fn lang_takes_any_case_and_a_region() {
        let none = |_: &str| None;
        for (given, want) in
            [("FR", "fr"), ("nl-BE", "nl"), ("de_BE", "de"), ("en-GB", "en"), ("De_be.UTF-8", "de")]
        {
            assert_eq!(start_language(Some(given), &four(), none), Ok(want.into()), "{given}");
        }
        assert!(start_language(Some("pt-BR"), &four(), none).is_err());
        assert!(start_language(Some(""), &four(), none).is_err());
        // A code declared with its region is taken whole before its base.
        let regional = vec!["pt".to_owned(), "pt-BR".to_owned()];
        assert_eq!(start_language(Some("pt_br"), &regional, none), Ok("pt-BR".into()));
        assert_eq!(start_language(Some("pt-PT"), &regional, none), Ok("pt".into()));
    }

    #[test]
    fn the_locale_is_read_as_gettext_reads_it() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |v: &str| vars.iter().find(|(k, _)| *k == v).map(|(_, x)| (*x).to_owned())
        };
        let start = |vars| start_language(None, &four(), env(vars));
        assert_eq!(start(&[("LANG", "de_BE.UTF-8")]), Ok("de".into()));
        assert_eq!(start(&[("LANGUAGE", "en:fr"), ("LANG", "nl_BE.UTF-8")]), Ok("en".into()));
        // The first entry of LANGUAGE the data set has wins; then the locale.
        assert_eq!(start(&[("LANGUAGE", "pt:de_AT:fr")]), Ok("de".into()));
        assert_eq!(start(&[("LANGUAGE", "pt:es"), ("LC_ALL", "nl_BE")]), Ok("nl".into()));
        assert_eq!(start(&[("LANGUAGE", ""), ("LC_MESSAGES", "en_GB.UTF-8")]), Ok("en".into()));
        assert_eq!(start(&[("LC_ALL", "C.UTF-8"), ("LANG", "de_BE")]), Ok("fr".into()));
        assert_eq!(start(&[("LANG", "ja_JP.UTF-8")]), Ok("fr".into()), "the data set's first");
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
