//! From starting the real binary to its first frame on the terminal: `ccbnet` runs in a
//! pseudo-terminal of 200x60 and the time runs until the last bytes of its first frame (the
//! footer's last hint) have arrived. On the built-in data set, and with `--data` on generated
//! files of 1,000, 10,000 and 100,000 nodes. `cargo bench --bench startup`.
//!
//! The binary is the one `cargo bench` builds (optimized). Every start includes what a person
//! waits for: the process start, reading and checking the data, the search index, the terminal
//! set-up and the first frame; not the exit (the process is killed after the measurement).
//! `CCBNET_BIN=path/to/ccbnet cargo bench --bench startup` times another build instead.
//!
//! `quit`: from `q` to the process gone (the terminal restored before: the main screen is back),
//! on the generated files, once the explorer has settled (its search index built).

mod common;

use std::time::Duration;

use common::pty::{Explorer, data_file};
use divan::Bencher;

fn main() {
    divan::main();
}

/// One start, timed by the pseudo-terminal's reader.
fn start(bencher: Bencher, args: &[&str]) {
    bencher.bench_local(|| {
        let explorer = Explorer::start(args);
        let t = explorer.first_frame();
        // Killed after the timing, when the value is dropped.
        divan::black_box(t);
        explorer
    });
}

/// The built-in data set.
#[divan::bench(sample_count = 30)]
fn embedded(bencher: Bencher) {
    start(bencher, &[]);
}

/// `--data` on a generated file.
#[divan::bench(args = common::SIZES, sample_count = 5, sample_size = 1)]
fn generated(bencher: Bencher, n: usize) {
    let file = data_file(n);
    start(bencher, &["--data", &file]);
}

/// `q` on a generated file, a second after the first frame: until the process is gone.
#[divan::bench(args = common::SIZES, sample_count = 7, sample_size = 1)]
fn quit(bencher: Bencher, n: usize) {
    let file = data_file(n);
    bencher
        .with_inputs(|| {
            let explorer = Explorer::start(&["--data", &file]);
            let _ = explorer.first_frame();
            std::thread::sleep(Duration::from_secs(1));
            explorer
        })
        .bench_local_refs(Explorer::quit);
}
