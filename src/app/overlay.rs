//! What is shown over the panes (the help, the list of problems, the source): which one is open, and how
//! far it is scrolled (never past the end of its lines at the current size).

/// What is shown over the panes, taking the keys: they scroll it or close it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The help: the keys, the mouse, the marks.
    Help,
    /// Every problem of the data file on disk (`!`, while it does not load).
    Problems,
    /// Where the content comes from, in full (`s`).
    Source,
}

/// The overlay open, if any, and its scroll.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Overlays {
    open: Option<Overlay>,
    scroll: usize,
}

impl Overlays {
    /// The overlay open, if any.
    pub(super) fn open(self) -> Option<Overlay> {
        self.open
    }

    /// The first line shown.
    pub(super) fn scroll(self) -> usize {
        self.scroll
    }

    /// Opens `which`, at its top.
    pub(super) fn show(&mut self, which: Overlay) {
        self.open = Some(which);
        self.scroll = 0;
    }

    /// Closes it.
    pub(super) fn close(&mut self) {
        self.open = None;
    }

    /// Scrolls it to line `to`, at most `max`.
    pub(super) fn scroll_to(&mut self, to: usize, max: usize) {
        self.scroll = to.min(max);
    }
}
