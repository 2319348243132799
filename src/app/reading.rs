//! The detail pane's state: its scroll, the link `Enter` follows, and its content kept while
//! what it depends on stays the same. `↓`/`↑` move between the links on screen, else scroll; a
//! link scrolled out of sight loses the focus.

use std::cell::RefCell;
use std::sync::Arc;

use super::offset_by;
use crate::data::Catalog;
use crate::detail::{self, DetailView};
use crate::tree::Item;

/// What the detail pane's content depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DetailKey {
    item: Item,
    lang: String,
    width: u16,
    link_focus: Option<usize>,
    generation: u64,
}

/// The detail pane.
#[derive(Debug, Clone, Default)]
pub(super) struct Reading {
    /// The first line shown.
    scroll: usize,
    /// The link `Enter` follows, while the detail has the focus.
    link_focus: Option<usize>,
    /// How many times the data was replaced: part of the cache's key.
    generation: u64,
    /// The content, kept: a keystroke asks for it several times (scroll limits, links,
    /// drawing), and a long text is costly.
    cache: RefCell<Option<(DetailKey, Arc<DetailView>)>>,
}

impl Reading {
    /// The first line shown.
    pub(super) fn scroll(&self) -> usize {
        self.scroll
    }

    /// The link `Enter` follows.
    pub(super) fn link_focus(&self) -> Option<usize> {
        self.link_focus
    }

    /// A new item shown: its top, no link chosen.
    pub(super) fn reset(&mut self) {
        self.scroll = 0;
        self.link_focus = None;
    }

    /// Back to a scroll and a link as they were.
    pub(super) fn restore(&mut self, scroll: usize, link_focus: Option<usize>) {
        self.scroll = scroll;
        self.link_focus = link_focus;
    }

    /// Forgets the chosen link.
    pub(super) fn drop_link(&mut self) {
        self.link_focus = None;
    }

    /// Scrolls to line `to`, at most `max`.
    pub(super) fn scroll_to(&mut self, to: usize, max: usize) {
        self.scroll = to.min(max);
    }

    /// Scrolls by `d` lines, at most to `max`.
    pub(super) fn scroll_by(&mut self, d: i32, max: usize) {
        self.scroll_to(offset_by(self.scroll, d), max);
    }

    /// The data was replaced: the content kept is stale.
    pub(super) fn data_replaced(&mut self) {
        self.generation += 1;
    }

    /// The content of `item` in `lang` at `width`, the chosen link marked when `focused`.
    pub(super) fn view(
        &self,
        catalog: &Catalog,
        item: Item,
        lang: &str,
        width: u16,
        focused: bool,
    ) -> Arc<DetailView> {
        let key = DetailKey {
            item,
            lang: lang.to_owned(),
            width,
            link_focus: if focused { self.link_focus } else { None },
            generation: self.generation,
        };
        if let Some((k, view)) = self.cache.borrow().as_ref()
            && *k == key
        {
            return Arc::clone(view);
        }
        let view = Arc::new(detail::view(catalog, item, lang, width, key.link_focus));
        *self.cache.borrow_mut() = Some((key, Arc::clone(&view)));
        view
    }

    /// `↓` on `view` in a pane of `h` lines: the next link when it is on screen, else one line
    /// down.
    pub(super) fn down(&mut self, view: &DetailView, h: usize) {
        let max = view.lines.len().saturating_sub(h);
        let bottom = self.scroll + h;
        let next = self.link_focus.map_or(0, |f| f + 1);
        match view.links.get(next) {
            Some(l) if l.first_line >= self.scroll && l.first_line < bottom => {
                self.link_focus = Some(next);
                if l.last_line >= bottom {
                    self.scroll = l.last_line + 1 - h;
                }
            }
            _ => {
                self.scroll = offset_by(self.scroll, 1).min(max);
                // A focused link scrolled out of sight loses the focus.
                if let Some(f) = self.link_focus
                    && view.links.get(f).is_some_and(|l| l.last_line < self.scroll)
                {
                    self.link_focus = None;
                }
            }
        }
    }

    /// `↑` on `view` in a pane of `h` lines: the previous link when it is on screen, else one
    /// line up.
    pub(super) fn up(&mut self, view: &DetailView, h: usize) {
        match self.link_focus {
            Some(0) => self.link_focus = None,
            Some(f) => {
                let prev = f - 1;
                if let Some(l) = view.links.get(prev) {
                    if l.first_line >= self.scroll {
                        self.link_focus = Some(prev);
                    } else if l.last_line + 1 >= self.scroll {
                        self.link_focus = Some(prev);
                        self.scroll = l.first_line;
                    } else {
                        self.link_focus = None;
                        self.scroll = self.scroll.saturating_sub(1);
                    }
                }
            }
            None => self.scroll = self.scroll.saturating_sub(1),
        }
        // A focused link scrolled below the pane loses the focus.
        if let Some(f) = self.link_focus
            && view.links.get(f).is_some_and(|l| l.first_line >= self.scroll + h)
        {
            self.link_focus = None;
        }
    }
}
