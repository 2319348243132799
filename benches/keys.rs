//! One keystroke, update plus render at 200x60 (through crossterm's output path), on generated
//! data sets of 1,000, 10,000 and 100,000 nodes. `cargo bench --bench keys`.
//!
//! Each benchmark goes back and forth between two keys of the same class (`j` then `k`, `G`
//! then `g`, expand then collapse, French then Dutch), so every sample starts from a state like
//! the one before and the numbers are those of single keystrokes. Two tree states:
//! - `levels`: as the explorer opens (the levels expanded), a few hundred rows;
//! - `all`: every entry expanded, one row per node, the worst case for anything that walks the
//!   rows;
//! - `filtered`: a search kept as a filter that nearly every node matches;
//! - `orgs`: the organisations view.

mod common;

use ccbnet::action::Action;
use ccbnet::app::App;
use common::{SIZES, app, draw, terminal};
use divan::Bencher;

fn main() {
    divan::main();
}

/// The explorer with every entry expanded: as many rows as nodes.
fn all_expanded(n: usize) -> App {
    let mut app = app(n);
    app.expand_all();
    assert_eq!(app.rows().len(), n, "every node has a row");
    app
}

/// Selects a row in the middle of the tree, so that moves go both ways.
fn middle(mut app: App) -> App {
    for _ in 0..app.rows().len().min(40) / 2 {
        app.update(Action::Down);
    }
    app
}

/// Times `keys[0]`, `keys[1]`, `keys[0]`... each with the frame drawn after it.
fn alternate(bencher: Bencher, mut app: App, keys: [Action; 2]) {
    let mut terminal = terminal();
    draw(&mut terminal, &app);
    let mut i = 0usize;
    bencher.bench_local(move || {
        app.update(keys[i & 1].clone());
        draw(&mut terminal, &app);
        i += 1;
    });
}

#[divan::bench_group(sample_count = 40)]
mod levels {
    use super::{Action, Bencher, SIZES, alternate, app, middle};

    /// `j` / `k`.
    #[divan::bench(args = SIZES)]
    fn move_down_up(bencher: Bencher, n: usize) {
        alternate(bencher, middle(app(n)), [Action::Down, Action::Up]);
    }

    /// `PgDn` / `PgUp`.
    #[divan::bench(args = SIZES)]
    fn page_down_up(bencher: Bencher, n: usize) {
        alternate(bencher, app(n), [Action::PageDown, Action::PageUp]);
    }

    /// `G` / `g`.
    #[divan::bench(args = SIZES)]
    fn last_first(bencher: Bencher, n: usize) {
        alternate(bencher, app(n), [Action::Last, Action::First]);
    }

    /// `Enter` on an entry with children: expand, collapse.
    #[divan::bench(args = SIZES)]
    fn expand_collapse(bencher: Bencher, n: usize) {
        let mut a = app(n);
        a.update(Action::Down);
        alternate(bencher, a, [Action::Toggle, Action::Toggle]);
    }

    /// `L`: French, Dutch.
    #[divan::bench(args = SIZES)]
    fn language(bencher: Bencher, n: usize) {
        alternate(bencher, middle(app(n)), [Action::NextLanguage, Action::NextLanguage]);
    }
}

#[divan::bench_group(sample_count = 20)]
mod all {
    use super::{Action, Bencher, SIZES, all_expanded, alternate, middle};

    /// `j` / `k`.
    #[divan::bench(args = SIZES)]
    fn move_down_up(bencher: Bencher, n: usize) {
        alternate(bencher, middle(all_expanded(n)), [Action::Down, Action::Up]);
    }

    /// `PgDn` / `PgUp`.
    #[divan::bench(args = SIZES)]
    fn page_down_up(bencher: Bencher, n: usize) {
        alternate(bencher, all_expanded(n), [Action::PageDown, Action::PageUp]);
    }

    /// `G` / `g`.
    #[divan::bench(args = SIZES)]
    fn last_first(bencher: Bencher, n: usize) {
        alternate(bencher, all_expanded(n), [Action::Last, Action::First]);
    }

    /// `Enter` on the last top level (its subtree is at the end of the rows): collapse, expand.
    #[divan::bench(args = SIZES)]
    fn collapse_expand(bencher: Bencher, n: usize) {
        let mut a = all_expanded(n);
        let last_root = *a.catalog().roots.last().expect("a root");
        a.select_node(last_root);
        alternate(bencher, a, [Action::Toggle, Action::Toggle]);
    }

    /// `L`: French, Dutch.
    #[divan::bench(args = SIZES)]
    fn language(bencher: Bencher, n: usize) {
        alternate(bencher, middle(all_expanded(n)), [Action::NextLanguage, Action::NextLanguage]);
    }
}

/// The organisations view (`o`), where the first organisation is named by many entries.
#[divan::bench_group(sample_count = 20)]
mod orgs {
    use super::{Action, App, Bencher, SIZES, alternate, app, middle};
    use ccbnet::tree::Item;

    fn orgs_view(n: usize) -> App {
        let mut a = app(n);
        a.update(Action::ToggleView);
        a
    }

    /// `j` / `k`.
    #[divan::bench(args = SIZES)]
    fn move_down_up(bencher: Bencher, n: usize) {
        alternate(bencher, middle(orgs_view(n)), [Action::Down, Action::Up]);
    }

    /// `G` / `g`.
    #[divan::bench(args = SIZES)]
    fn last_first(bencher: Bencher, n: usize) {
        alternate(bencher, orgs_view(n), [Action::Last, Action::First]);
    }

    /// `Enter` on the organisation named most: expand (a row per entry naming it), collapse.
    #[divan::bench(args = SIZES)]
    fn expand_collapse_hub(bencher: Bencher, n: usize) {
        let mut a = orgs_view(n);
        let c = a.catalog();
        let hub = (0..c.orgs.len()).max_by_key(|&o| c.org_used_by[o].len()).expect("an org");
        a.select_item(Item::Org(hub));
        alternate(bencher, a, [Action::Toggle, Action::Toggle]);
    }

    /// `o`: the organisations view and back to the levels.
    #[divan::bench(args = SIZES)]
    fn switch_view(bencher: Bencher, n: usize) {
        alternate(bencher, app(n), [Action::ToggleView, Action::ToggleView]);
    }
}

/// With a search kept as a filter (`/s` then `Enter`: nearly every node a result).
#[divan::bench_group(sample_count = 20)]
mod filtered {
    use super::{Action, App, Bencher, SIZES, alternate, app, middle};

    fn filtered(n: usize) -> App {
        let mut a = app(n);
        a.update(Action::OpenSearch);
        a.update(Action::SearchChar('s'));
        a.update(Action::SearchAccept);
        a
    }

    /// `j` / `k` in the filtered tree.
    #[divan::bench(args = SIZES)]
    fn move_down_up(bencher: Bencher, n: usize) {
        alternate(bencher, middle(filtered(n)), [Action::Down, Action::Up]);
    }

    /// `n` / `N`: next and previous result.
    #[divan::bench(args = SIZES)]
    fn next_prev_result(bencher: Bencher, n: usize) {
        alternate(bencher, filtered(n), [Action::NextResult, Action::PrevResult]);
    }

    /// `L`: French, Dutch (the results are ranked again).
    #[divan::bench(args = SIZES)]
    fn language(bencher: Bencher, n: usize) {
        alternate(bencher, filtered(n), [Action::NextLanguage, Action::NextLanguage]);
    }
}
