//! The first frame: drawn into one buffer and written whole, before the drawing surface (two
//! buffers of every cell, which take a while to fill) is made.
//!
//! ratatui writes a frame as the cells that differ from the one before; before the first there
//! is nothing, so it would compare with a second buffer of blank cells. Here the cells that
//! differ from a blank one are found without that buffer, by the rules of ratatui's comparison,
//! and written as its crossterm backend writes them: the same bytes (a test compares them on
//! the explorer's own screens), with only one buffer of the screen filled before they go.

use std::io::{self, Write};

use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::queue;
use crossterm::style::{
    Attribute, Color as Colour, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::backend::IntoCrossterm;
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};

/// Where the cells of `frame` that a blank screen does not already show stand, in the order
/// ratatui's comparison of `frame` with a buffer of blank cells finds them (`Buffer::diff`): a
/// cell is left out when it is blank, or hidden by the wide character before it; after a wide
/// emoji with VS16, the cells it covers that are not blank are written again, as some
/// terminals need. (The comparison itself would need a second buffer of the screen's size.)
#[must_use]
pub fn cells(frame: &Buffer) -> Vec<(u16, u16)> {
    let area = frame.area;
    let width = usize::from(area.width);
    let content = &frame.content;
    let at = |i: usize| {
        let (x, y) = (i % width.max(1), i / width.max(1));
        (area.x + x as u16, area.y + y as u16)
    };
    // The old `skip` flag too, which ratatui's comparison still honours.
    #[allow(deprecated)]
    let skipped = |c: &Cell| {
        matches!(c.diff_option, CellDiffOption::Skip)
            || (c.skip && matches!(c.diff_option, CellDiffOption::None))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < content.len() {
        let (k, cell) = (i, &content[i]);
        i += 1;
        match cell.diff_option {
            CellDiffOption::Skip => {}
            _ if skipped(cell) => {}
            CellDiffOption::ForcedWidth(w) => {
                i += usize::from(w.get()) - 1;
                if *cell != Cell::EMPTY {
                    out.push(at(k));
                }
            }
            CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                let w = usize::from(cell.cell_width());
                if matches!(cell.diff_option, CellDiffOption::None) && *cell == Cell::EMPTY {
                    i += w.saturating_sub(1);
                    continue;
                }
                out.push(at(k));
                if w > 1 && cell.symbol().contains('\u{FE0F}') {
                    // The cells under the emoji: each written unless it is blank.
                    let mut end = (k + w).min(content.len());
                    while i < end {
                        let (j, under) = (i, &content[i]);
                        i += usize::from(under.cell_width().max(1));
                        end = end.max(i).min(content.len());
                        if !skipped(under) && under.symbol() != " " {
                            out.push(at(j));
                        }
                    }
                    i = end;
                } else {
                    i += w.saturating_sub(1);
                }
            }
        }
    }
    out
}

/// Writes `frame` to a blank screen through `out`, then shows the cursor at `cursor` or hides
/// it: the bytes ratatui's `Terminal::draw` writes through its crossterm backend for a first
/// frame (a test compares them), written straight, not a formatted command a cell; nothing is
/// flushed.
///
/// # Errors
/// When `out` cannot be written.
pub fn write(out: &mut impl Write, frame: &Buffer, cursor: Option<Position>) -> io::Result<()> {
    let (mut fg, mut bg, mut underline) = (Color::Reset, Color::Reset, Color::Reset);
    let mut modifier = Modifier::empty();
    let mut last: Option<(u16, u16)> = None;
    for (x, y) in cells(frame) {
        let cell = &frame[(x, y)];
        if !matches!(last, Some((lx, ly)) if x == lx + 1 && y == ly) {
            queue!(out, MoveTo(x, y))?;
        }
        last = Some((x, y));
        if cell.modifier != modifier {
            modifiers(out, modifier, cell.modifier)?;
            modifier = cell.modifier;
        }
        if cell.fg != fg || cell.bg != bg {
            let colours = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
            queue!(out, SetColors(colours))?;
            (fg, bg) = (cell.fg, cell.bg);
        }
        if cell.underline_color != underline {
            queue!(out, SetUnderlineColor(cell.underline_color.into_crossterm()))?;
            underline = cell.underline_color;
        }
        out.write_all(cell.symbol().as_bytes())?;
    }
    queue!(
        out,
        SetForegroundColor(Colour::Reset),
        SetBackgroundColor(Colour::Reset),
        SetUnderlineColor(Colour::Reset),
        SetAttribute(Attribute::Reset),
    )?;
    match cursor {
        None => queue!(out, Hide),
        Some(at) => queue!(out, Show, MoveTo(at.x, at.y)),
    }
}

/// The attributes that go from `from` to `to`, in the order ratatui's backend writes them:
/// those taken away (bold and dim both by the normal intensity, the one kept set again), then
/// those added.
fn modifiers(out: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let (removed, added) = (from - to, to - from);
    let mut set = |on: bool, a: Attribute| if on { queue!(out, SetAttribute(a)) } else { Ok(()) };
    set(removed.contains(Modifier::REVERSED), Attribute::NoReverse)?;
    let intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    set(intensity, Attribute::NormalIntensity)?;
    set(intensity && to.contains(Modifier::DIM), Attribute::Dim)?;
    set(intensity && to.contains(Modifier::BOLD), Attribute::Bold)?;
    set(removed.contains(Modifier::ITALIC), Attribute::NoItalic)?;
    set(removed.contains(Modifier::UNDERLINED), Attribute::NoUnderline)?;
    set(removed.contains(Modifier::CROSSED_OUT), Attribute::NotCrossedOut)?;
    set(removed.contains(Modifier::HIDDEN), Attribute::NoHidden)?;
    set(removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK), Attribute::NoBlink)?;
    set(added.contains(Modifier::REVERSED), Attribute::Reverse)?;
    set(added.contains(Modifier::BOLD) && !intensity, Attribute::Bold)?;
    set(added.contains(Modifier::ITALIC), Attribute::Italic)?;
    set(added.contains(Modifier::UNDERLINED), Attribute::Underlined)?;
    set(added.contains(Modifier::DIM) && !intensity, Attribute::Dim)?;
    set(added.contains(Modifier::CROSSED_OUT), Attribute::CrossedOut)?;
    set(added.contains(Modifier::HIDDEN), Attribute::Hidden)?;
    set(added.contains(Modifier::SLOW_BLINK), Attribute::SlowBlink)?;
    set(added.contains(Modifier::RAPID_BLINK), Attribute::RapidBlink)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    use ratatui::{Terminal, TerminalOptions, Viewport};

    /// A frame with colours, wide characters (one at the end of a row), emoji with VS16 (one
    /// over cells that are not blank), blank styled cells, every attribute coming and going,
    /// an underline colour, a cell of forced width and one skipped.
    fn frame(w: u16, h: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        buf.set_string(0, 0, "Réseaux · Netwerken", Style::new().fg(Color::Yellow));
        buf.set_string(3, 1, "日本語のテキスト", Style::new().bg(Color::Blue));
        buf.set_string(w - 2, 2, "語", Style::new());
        buf.set_string(w - 1, 3, "語", Style::new());
        buf.set_string(1, 3, "❤️ ok", Style::new().add_modifier(Modifier::BOLD));
        buf.set_string(0, 4, "      ", Style::new().bg(Color::Red));
        buf.set_string(5, h - 1, "quitter", Style::new().add_modifier(Modifier::REVERSED));
        let all = Modifier::all();
        let mut x = 0;
        for m in all.iter().chain([Modifier::BOLD | Modifier::DIM, all, Modifier::DIM]) {
            buf.set_string(x % w, 5, "ab", Style::new().add_modifier(m).fg(Color::Rgb(1, 2, 3)));
            x += 2;
        }
        buf.set_string(0, 6, "u", Style::new().underline_color(Color::Indexed(9)));
        buf[(2, 6)].set_symbol("x").set_diff_option(CellDiffOption::ForcedWidth(
            std::num::NonZeroU16::new(2).expect("two"),
        ));
        buf[(5, 6)].set_symbol("s").set_diff_option(CellDiffOption::Skip);
        buf[(7, 6)].set_symbol("👍️");
        buf[(8, 6)].set_symbol("z");
        buf
    }

    /// A writer whose bytes can be read while a backend owns it.
    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl std::io::Write for Shared {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// What ratatui itself writes for `frame` as the first frame of a surface of its size.
    fn by_ratatui(frame: &Buffer, cursor: Option<Position>) -> Vec<u8> {
        let area = frame.area;
        let options = TerminalOptions { viewport: Viewport::Fixed(area) };
        let out = Shared::default();
        let mut t = Terminal::with_options(CrosstermBackend::new(out.clone()), options).unwrap();
        t.draw(|f| {
            f.buffer_mut().content.clone_from_slice(&frame.content);
            if let Some(at) = cursor {
                f.set_cursor_position(at);
            }
        })
        .unwrap();
        out.0.take()
    }

    fn by_us(frame: &Buffer, cursor: Option<Position>) -> Vec<u8> {
        let mut out = Vec::new();
        write(&mut out, frame, cursor).unwrap();
        out
    }

    fn same(frame: &Buffer, cursor: Option<Position>, what: &str) {
        assert_eq!(
            String::from_utf8_lossy(&by_us(frame, cursor)),
            String::from_utf8_lossy(&by_ratatui(frame, cursor)),
            "{what}, cursor {cursor:?}"
        );
    }

    #[test]
    fn the_first_frame_is_written_as_ratatui_writes_it() {
        for (w, h) in [(40, 8), (12, 7), (200, 60)] {
            for cursor in [None, Some(Position::new(2, 3))] {
                same(&frame(w, h), cursor, &format!("{w}x{h}"));
            }
        }
    }

    #[test]
    fn the_explorers_first_screens_are_written_as_ratatui_writes_them() {
        let catalog = crate::data::load_embedded().expect("the built-in data").catalog;
        for lang in ["fr", "nl", "de", "en"] {
            for (w, h) in [(200, 60), (120, 40), (80, 24), (40, 12), (20, 5)] {
                let mut app = crate::app::App::new(catalog.clone(), lang, (w, h));
                app.update(crate::action::Action::Resize(w, h));
                let area = Rect::new(0, 0, w, h);
                let mut buf = Buffer::empty(area);
                crate::ui::draw(&app, area, &mut buf);
                same(&buf, crate::ui::cursor_position(&app, area), &format!("{lang} {w}x{h}"));
            }
        }
    }

    #[test]
    fn a_blank_frame_writes_no_cell() {
        assert!(cells(&Buffer::empty(Rect::new(0, 0, 30, 4))).is_empty());
        assert!(cells(&Buffer::empty(Rect::new(0, 0, 0, 0))).is_empty());
    }
}
