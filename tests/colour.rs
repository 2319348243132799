//! Colours: `NO_COLOR` and `--color never` take every colour off the explorer's screen and keep
//! reverse video and bold, so the selection still shows; `--color always` keeps them. Checked on
//! a rendered buffer and on the real binary in a pseudo-terminal.

mod common;
use common::bin;

use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ccbnet::app::App;
use ccbnet::data::load_path;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/explorer.ron");

/// The explorer's screen at 80x24, drawn as `term::run` draws it.
fn drawn(colour: bool) -> Buffer {
    let catalog = load_path(Path::new(FIXTURE)).expect("the fixture loads").catalog;
    let app = App::new(catalog, "fr", (80, 24));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    terminal
        .draw(|f| {
            ccbnet::ui::render(&app, f);
            if !colour {
                ccbnet::term::strip_colours(f.buffer_mut());
            }
        })
        .expect("draw");
    terminal.backend().buffer().clone()
}

fn coloured(buf: &Buffer) -> usize {
    buf.content
        .iter()
        .filter(|c| {
            c.fg != Color::Reset || c.bg != Color::Reset || c.underline_color != Color::Reset
        })
        .count()
}

#[test]
fn stripping_takes_every_colour_and_keeps_the_selection() {
    let with = drawn(true);
    assert!(coloured(&with) > 0, "the explorer has colours to take away");
    let without = drawn(false);
    assert_eq!(coloured(&without), 0, "a colour is left");
    let reversed = without.content.iter().filter(|c| c.modifier.contains(Modifier::REVERSED));
    assert!(reversed.count() > 0, "the selected row lost its reverse video");
    // Nothing else changed: the same text, the same modifiers.
    for (a, b) in with.content.iter().zip(&without.content) {
        assert_eq!((a.symbol(), a.modifier), (b.symbol(), b.modifier));
    }
}

/// Runs the explorer in an 80x24 pseudo-terminal with `env` and `args`, until its screen shows
/// the fixture and has settled; returns that screen, after quitting with `q`.
fn screen_of(env: &[(&str, &str)], args: &[&str]) -> vt100::Screen {
    let pty = native_pty_system()
        .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(bin());
    common::isolate_pty(&mut cmd);
    cmd.args(["--data", FIXTURE, "--lang", "fr"]);
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = pty.slave.spawn_command(cmd).expect("spawn ccbnet");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let mut writer = pty.master.take_writer().expect("pty writer");
    let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
    let feed = Arc::clone(&parser);
    let thread = std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            feed.lock().expect("parser").process(&buf[..n]);
        }
    });
    let end = Instant::now() + Duration::from_secs(10);
    let screen = loop {
        let screen = parser.lock().expect("parser").screen().clone();
        if screen.contents().contains("Essai") && screen.contents().contains("Niveau gamma") {
            // Let the rest of the frame arrive.
            std::thread::sleep(Duration::from_millis(300));
            break parser.lock().expect("parser").screen().clone();
        }
        assert!(Instant::now() < end, "the explorer did not draw:\n{}", screen.contents());
        std::thread::sleep(Duration::from_millis(10));
    };
    writer.write_all(b"q").expect("send q");
    let status = child.wait().expect("wait for ccbnet");
    assert!(status.success(), "{status:?}");
    drop(writer);
    drop(pty.master);
    let _ = thread.join();
    screen
}

/// How many cells have a colour, and how many are in reverse video.
fn census(screen: &vt100::Screen) -> (usize, usize) {
    let (rows, cols) = screen.size();
    let (mut colours, mut inverse) = (0, 0);
    for r in 0..rows {
        for c in 0..cols {
            let cell = screen.cell(r, c).expect("a cell");
            if cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default {
                colours += 1;
            }
            if cell.inverse() {
                inverse += 1;
            }
        }
    }
    (colours, inverse)
}

use std::io::Write as _;

#[test]
fn no_color_and_color_never_leave_no_colour_on_screen() {
    for (env, args) in [(&[("NO_COLOR", "1")][..], &[][..]), (&[][..], &["--color", "never"][..])] {
        let screen = screen_of(env, args);
        let (colours, inverse) = census(&screen);
        assert_eq!(colours, 0, "{env:?} {args:?}: coloured cells:\n{}", screen.contents());
        assert!(inverse > 0, "{env:?} {args:?}: the selection is not in reverse video");
    }
}

#[test]
fn colours_by_default_with_an_empty_no_color_and_with_color_always() {
    for (env, args) in [
        (&[][..], &[][..]),
        (&[("NO_COLOR", "")][..], &[][..]),
        (&[("NO_COLOR", "1")][..], &["--color", "always"][..]),
    ] {
        let (colours, _) = census(&screen_of(env, args));
        assert!(colours > 0, "{env:?} {args:?}: no colour at all");
    }
}

/// A configuration folder (for `XDG_CONFIG_HOME`) whose `ccbnet/config.toml` holds `text`.
fn config_home(tag: &str, text: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("colour-config-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(dir.join("ccbnet")).expect("config folder");
    std::fs::write(dir.join("ccbnet/config.toml"), text).expect("config file");
    dir
}

#[test]
fn the_configuration_file_sets_colours_and_mouse_and_the_flag_wins() {
    let dir = config_home("never", "color = \"never\"\nmouse = false\n");
    let home = dir.display().to_string();
    let screen = screen_of(&[("XDG_CONFIG_HOME", &home)], &[]);
    assert_eq!(census(&screen).0, 0, "color = never left colours:\n{}", screen.contents());
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse = false");
    let screen = screen_of(&[("XDG_CONFIG_HOME", &home)], &["--color", "always"]);
    assert!(census(&screen).0 > 0, "--color always wins over the file");
    // Without the file, the mouse is captured.
    let screen = screen_of(&[], &[]);
    assert_ne!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    std::fs::remove_dir_all(&dir).ok();
}

/// The cell where `text` starts on row `y`.
fn cell_of<'a>(buf: &'a Buffer, y: u16, text: &str) -> &'a ratatui::buffer::Cell {
    let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol().to_owned()).collect();
    let at = line.find(text).unwrap_or_else(|| panic!("{text} not on row {y}: {line}"));
    let x = u16::try_from(line[..at].chars().count()).expect("x");
    &buf[(x, y)]
}

#[test]
fn secondary_text_uses_the_terminals_dim_attribute_not_a_grey() {
    for colour in [true, false] {
        let buf = drawn(colour);
        // The inactive language in the header, and the program's name before the title.
        for text in ["NL", "ccbnet"] {
            let cell = cell_of(&buf, 0, text);
            assert!(cell.modifier.contains(Modifier::DIM), "{text} (colour {colour}) is not dim");
            assert_eq!(cell.fg, Color::Reset, "{text}: dim is not a colour, which themes hide");
        }
        assert!(!cell_of(&buf, 0, "FR").modifier.contains(Modifier::DIM), "the active language");
    }
    // No text is dark grey; only the border of the pane without the focus (and its title) is.
    let buf = drawn(true);
    let grey: String = buf
        .content
        .iter()
        .filter(|c| c.fg == Color::DarkGray)
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    let grey = grey.replacen(" Détails ", "", 1);
    assert!(grey.chars().all(|c| "─│┌┐└┘▼▲0123456789/ ".contains(c)), "grey text: {grey}");
}
