//! The help overlay's state: whether it is open, and how far it is scrolled (never past the end
//! of its lines at the current size).

/// The help overlay.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Overlay {
    open: bool,
    scroll: usize,
}

impl Overlay {
    /// Whether it is open.
    pub(super) fn is_open(self) -> bool {
        self.open
    }

    /// The first line shown.
    pub(super) fn scroll(self) -> usize {
        self.scroll
    }

    /// Opens it at the top.
    pub(super) fn open(&mut self) {
        self.open = true;
        self.scroll = 0;
    }

    /// Closes it.
    pub(super) fn close(&mut self) {
        self.open = false;
    }

    /// Scrolls it to line `to`, at most `max`.
    pub(super) fn scroll_to(&mut self, to: usize, max: usize) {
        self.scroll = to.min(max);
    }
}
