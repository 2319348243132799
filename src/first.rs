//! The first frame: drawn into one buffer and written whole, before the drawing surface (two
//! buffers of every cell, which take a while to fill) is made.
//!
//! ratatui writes a frame as the cells that differ from the one before; before the first there
//! is nothing, so it would compare with a second buffer of blank cells. Here each row is
//! compared, with ratatui's own comparison, to one blank row: the same cells go out, in the
//! same order, and only one buffer of the screen is filled before they do.

use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

/// Where the cells of `frame` that a blank screen does not already show stand: what ratatui's
/// comparison of `frame` with a buffer of blank cells finds, row by row (a wide character never
/// runs past the end of its row). Each row is moved into a buffer of one row to be compared,
/// and back: `frame` is left as it was.
#[must_use]
pub fn cells(frame: &mut Buffer) -> Vec<(u16, u16)> {
    let area = frame.area;
    let width = usize::from(area.width);
    let mut blank = Buffer::empty(Rect::new(area.x, area.y, area.width, 1));
    let mut row = blank.clone();
    let mut out = Vec::new();
    if width == 0 {
        return out;
    }
    for (k, cells) in frame.content.chunks_exact_mut(width).enumerate() {
        let y = area.y.saturating_add(u16::try_from(k).unwrap_or(u16::MAX));
        (blank.area.y, row.area.y) = (y, y);
        row.content.swap_with_slice(cells);
        out.extend(blank.diff_iter(&row).map(|(x, y, _)| (x, y)));
        row.content.swap_with_slice(cells);
    }
    out
}

/// Writes `frame` to a blank screen through `backend`, then shows the cursor at `cursor` or
/// hides it, as ratatui's `Terminal::draw` does; nothing is flushed.
///
/// # Errors
/// When the backend cannot write.
pub fn write<B: Backend>(
    backend: &mut B,
    frame: &mut Buffer,
    cursor: Option<Position>,
) -> Result<(), B::Error> {
    let cells = cells(frame);
    backend.draw(cells.iter().map(|&(x, y)| (x, y, &frame[(x, y)])))?;
    match cursor {
        None => backend.hide_cursor(),
        Some(at) => {
            backend.show_cursor()?;
            backend.set_cursor_position(at)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::{Terminal, TerminalOptions, Viewport};

    /// A frame with colours, wide characters (one at the end of a row), an emoji with VS16 and
    /// blank styled cells.
    fn frame(w: u16, h: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        buf.set_string(0, 0, "Réseaux · Netwerken", Style::new().fg(Color::Yellow));
        buf.set_string(3, 1, "日本語のテキスト", Style::new().bg(Color::Blue));
        buf.set_string(w - 2, 2, "語", Style::new());
        buf.set_string(1, 3, "❤️ ok", Style::new().add_modifier(Modifier::BOLD));
        buf.set_string(0, 4, "      ", Style::new().bg(Color::Red));
        buf.set_string(5, h - 1, "quitter", Style::new().add_modifier(Modifier::REVERSED));
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
        let out = Shared::default();
        let mut backend = CrosstermBackend::new(out.clone());
        let mut written = frame.clone();
        write(&mut backend, &mut written, cursor).unwrap();
        assert_eq!(&written, frame, "the frame is left as it was");
        drop(backend);
        out.0.take()
    }

    #[test]
    fn the_first_frame_is_written_as_ratatui_writes_it() {
        for (w, h) in [(40, 8), (12, 6), (200, 60)] {
            let f = frame(w, h);
            for cursor in [None, Some(Position::new(2, 3))] {
                assert_eq!(
                    String::from_utf8_lossy(&by_us(&f, cursor)),
                    String::from_utf8_lossy(&by_ratatui(&f, cursor)),
                    "{w}x{h}, cursor {cursor:?}"
                );
            }
        }
    }

    #[test]
    fn a_blank_frame_writes_no_cell() {
        assert!(cells(&mut Buffer::empty(Rect::new(0, 0, 30, 4))).is_empty());
        assert!(cells(&mut Buffer::empty(Rect::new(0, 0, 0, 0))).is_empty());
    }
}
