//! The README's screenshot: the explorer on the built-in data set, drawn into a ratatui test
//! backend as the terminal would show it, and written as an SVG of coloured text.
//!
//! `cargo run --example screenshot -- docs/screenshot.svg` (options: `--lang nl`,
//! `--size 100x30`, `--keys 11j`: keys pressed first, as in the explorer).

use std::fmt::Write as _;

use ccbnet::action::Action;
use ccbnet::app::App;
use ccbnet::keymap::action_for;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};

/// A cell's size in the picture, in pixels.
const CELL_W: f32 = 8.4;
const CELL_H: f32 = 17.0;
/// The terminal's own colours: a dark theme.
const FG: &str = "#d4d4d4";
const BG: &str = "#1e1e1e";

fn main() {
    let mut out = "docs/screenshot.svg".to_owned();
    let (mut lang, mut size, mut keys) = ("fr".to_owned(), (100u16, 30u16), "11j".to_owned());
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| fail(&format!("{a} needs a value")));
        match a.as_str() {
            "--lang" => lang = value(),
            "--keys" => keys = value(),
            "--size" => {
                let v = value();
                let (w, h) = v.split_once('x').unwrap_or_else(|| fail("--size is WxH"));
                size = (
                    w.parse().unwrap_or_else(|_| fail("a width")),
                    h.parse().unwrap_or_else(|_| fail("a height")),
                );
            }
            _ if a.starts_with('-') => fail(&format!("unknown option {a}")),
            _ => out = a,
        }
    }
    let catalog =
        ccbnet::data::load_embedded().unwrap_or_else(|_| fail("the built-in data")).catalog;
    let mut app = App::new(catalog, &lang, size);
    app.update(Action::Resize(size.0, size.1));
    for c in keys.chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(a) = action_for(key, &app.mode()) {
            app.update(a);
        }
    }
    let mut terminal =
        Terminal::new(TestBackend::new(size.0, size.1)).unwrap_or_else(|_| fail("a test terminal"));
    terminal.draw(|f| ccbnet::ui::render(&app, f)).unwrap_or_else(|_| fail("drawing"));
    let svg = svg(terminal.backend().buffer());
    std::fs::write(&out, svg).unwrap_or_else(|e| fail(&format!("cannot write {out}: {e}")));
    eprintln!("wrote {out} ({}x{}, {lang}, keys {keys:?})", size.0, size.1);
}

fn fail(msg: &str) -> ! {
    eprintln!("screenshot: {msg}");
    std::process::exit(2)
}

/// The colour of `c` in the picture; `None` for the terminal's own.
fn hex(c: Color) -> Option<String> {
    let named = match c {
        Color::Reset => return None,
        Color::Black => "#000000",
        Color::Red => "#cd3131",
        Color::Green => "#0dbc79",
        Color::Yellow => "#e5e510",
        Color::Blue => "#2472c8",
        Color::Magenta => "#bc3fbc",
        Color::Cyan => "#11a8cd",
        Color::Gray => "#e5e5e5",
        Color::DarkGray => "#666666",
        Color::LightRed => "#f14c4c",
        Color::LightGreen => "#23d18b",
        Color::LightYellow => "#f5f543",
        Color::LightBlue => "#3b8eea",
        Color::LightMagenta => "#d670d6",
        Color::LightCyan => "#29b8db",
        Color::White => "#ffffff",
        Color::Rgb(r, g, b) => return Some(format!("#{r:02x}{g:02x}{b:02x}")),
        Color::Indexed(i) => return Some(format!("#{i:02x}{i:02x}{i:02x}")),
    };
    Some(named.to_owned())
}

/// What a run of cells looks like: text colour, background, bold, dim, underline.
#[derive(PartialEq)]
struct Look {
    fg: String,
    bg: Option<String>,
    bold: bool,
    dim: bool,
    underline: bool,
}

fn look(cell: &Cell) -> Look {
    let (mut fg, mut bg) = (hex(cell.fg), hex(cell.bg));
    if cell.modifier.contains(Modifier::REVERSED) {
        (fg, bg) =
            (Some(bg.unwrap_or_else(|| BG.to_owned())), Some(fg.unwrap_or_else(|| FG.to_owned())));
    }
    Look {
        fg: fg.unwrap_or_else(|| FG.to_owned()),
        bg,
        bold: cell.modifier.contains(Modifier::BOLD),
        dim: cell.modifier.contains(Modifier::DIM),
        underline: cell.modifier.contains(Modifier::UNDERLINED),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The buffer as an SVG: a background, then each row as runs of cells that look the same, each
/// run stretched to its cells so that the columns stay aligned whatever the font.
fn svg(buf: &Buffer) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let (pw, ph) = (f32::from(w) * CELL_W, f32::from(h) * CELL_H);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pw:.1}\" height=\"{ph:.1}\" \
         viewBox=\"0 0 {pw:.1} {ph:.1}\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" \
         font-size=\"14\">\n<rect width=\"100%\" height=\"100%\" fill=\"{BG}\"/>\n"
    );
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let first = look(&buf[(x, y)]);
            let mut end = x + 1;
            while end < w && look(&buf[(end, y)]) == first {
                end += 1;
            }
            let text: String = (x..end).map(|i| buf[(i, y)].symbol()).collect();
            let (x0, cells) = (f32::from(x) * CELL_W, f32::from(end - x) * CELL_W);
            let top = f32::from(y) * CELL_H;
            if let Some(bg) = &first.bg {
                let _ = writeln!(
                    s,
                    "<rect x=\"{x0:.1}\" y=\"{top:.1}\" width=\"{cells:.1}\" height=\"{CELL_H:.1}\" fill=\"{bg}\"/>"
                );
            }
            if !text.trim().is_empty() {
                let mut attrs = format!("fill=\"{}\"", first.fg);
                if first.bold {
                    attrs.push_str(" font-weight=\"bold\"");
                }
                if first.dim {
                    attrs.push_str(" fill-opacity=\"0.55\"");
                }
                if first.underline {
                    attrs.push_str(" text-decoration=\"underline\"");
                }
                let _ = writeln!(
                    s,
                    "<text x=\"{x0:.1}\" y=\"{:.1}\" textLength=\"{cells:.1}\" lengthAdjust=\"spacingAndGlyphs\" \
                     xml:space=\"preserve\" {attrs}>{}</text>",
                    top + CELL_H * 0.78,
                    escape(&text)
                );
            }
            x = end;
        }
    }
    s.push_str("</svg>\n");
    s
}
