//! The history of places (`Backspace`, `Alt-←`, `Alt-→`): each way keeps at most [`HISTORY`]
//! stops, the oldest going first, and a new jump forgets the way forward.

use super::Stop;

/// The most places the history keeps each way; past it, the oldest goes.
pub const HISTORY: usize = 100;

/// The places to go back to and forward to, the latest last.
#[derive(Debug, Clone, Default)]
pub(super) struct History {
    back: Vec<Stop>,
    forward: Vec<Stop>,
}

/// Puts `stop` on a list, dropping the oldest past [`HISTORY`].
fn remember(list: &mut Vec<Stop>, stop: Stop) {
    if list.len() >= HISTORY {
        list.drain(..=list.len() - HISTORY);
    }
    list.push(stop);
}

impl History {
    /// The places to go back to, the latest last.
    pub(super) fn back(&self) -> &[Stop] {
        &self.back
    }

    /// The places to go forward to, the next last.
    pub(super) fn forward(&self) -> &[Stop] {
        &self.forward
    }

    /// A jump from `here`: it goes on the way back, and the way forward is forgotten.
    pub(super) fn jump(&mut self, here: Stop) {
        remember(&mut self.back, here);
        self.forward.clear();
    }

    /// `Back` from `here`: the place to go to, if any; `here` is kept for going forward.
    pub(super) fn go_back(&mut self, here: Stop) -> Option<Stop> {
        let stop = self.back.pop()?;
        remember(&mut self.forward, here);
        Some(stop)
    }

    /// `Forward` from `here`: the place left by the last `Back`, if any; `here` is kept for
    /// going back.
    pub(super) fn go_forward(&mut self, here: Stop) -> Option<Stop> {
        let stop = self.forward.pop()?;
        remember(&mut self.back, here);
        Some(stop)
    }

    /// Forgets every place (they point into data that was replaced).
    pub(super) fn clear(&mut self) {
        self.back.clear();
        self.forward.clear();
    }
}
