//! Loading: reading and validating (`ccbnet check`'s work), the
//! explorer's state (the search index), and the first frame at 200x60, on generated data sets
//! of 1,000, 10,000 and 100,000 nodes. `cargo bench --bench load`.

mod common;

use ccbnet::app::App;
use common::{SIZES, draw, source, terminal};
use divan::Bencher;

fn main() {
    divan::main();
}

/// Read, validate and build the catalog: what `ccbnet check` and `--data` do before anything
/// else. The catalog is dropped outside the timing.
#[divan::bench(args = SIZES, sample_count = 10)]
fn load_and_validate(bencher: Bencher, n: usize) {
    let src = source(n);
    bencher.bench(|| ccbnet::data::load_str("bench", src).expect("loads"));
}

/// The explorer's state from a loaded catalog: the first rows (the search index is built on
/// another thread after the first frame: `search_index`).
#[divan::bench(args = SIZES, sample_count = 10)]
fn app_new(bencher: Bencher, n: usize) {
    bencher
        .with_inputs(|| loaded(n))
        .bench_values(|c| App::new(c, "fr", (common::WIDTH, common::HEIGHT)));
}

/// The search index of a loaded catalog.
#[divan::bench(args = SIZES, sample_count = 10)]
fn search_index(bencher: Bencher, n: usize) {
    let c = loaded(n);
    bencher.bench_local(|| ccbnet::search::Index::new(&c));
}

/// The catalog of `n` nodes, loaded anew: the benchmarks here keep no catalog between runs, so
/// that one size's leftovers do not slow down the allocator for the next.
fn loaded(n: usize) -> ccbnet::data::Catalog {
    ccbnet::data::load_str("bench", source(n)).expect("loads").catalog
}

/// The first frame of a new explorer, drawn at 200x60.
#[divan::bench(args = SIZES, sample_count = 20)]
fn first_render(bencher: Bencher, n: usize) {
    let app = App::new(loaded(n), "fr", (common::WIDTH, common::HEIGHT));
    bencher.with_inputs(terminal).bench_local_refs(|t| draw(t, &app));
}

/// From the file's text to the first frame: load, validate, build the state, draw.
#[divan::bench(args = SIZES, sample_count = 10)]
fn text_to_first_frame(bencher: Bencher, n: usize) {
    let src = source(n);
    bencher.with_inputs(terminal).bench_local_refs(|t| {
        let loaded = ccbnet::data::load_str("bench", src).expect("loads");
        let app = App::new(loaded.catalog, "fr", (common::WIDTH, common::HEIGHT));
        draw(t, &app);
        app
    });
}
