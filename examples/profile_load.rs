//! Profiling aid: where the time of loading a data file goes, phase by phase, with the memory
//! the process holds after each (`VmRSS`) and at most (`VmHWM`).
//! `cargo run --release --example profile_load -- FILE` (write one with the `gen` example).

use std::time::Instant;

use ccbnet::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// `VmRSS` and `VmHWM` of this process, in MiB.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    format!("rss {} MiB, peak {} MiB", kib("VmRSS:") >> 10, kib("VmHWM:") >> 10)
}

fn phase<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    eprintln!("{name:>22}: {:>9.1?}  ({})", t.elapsed(), memory());
    out
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: profile_load FILE");
        std::process::exit(2);
    };
    let bytes = phase("read", || std::fs::read(&path).expect("readable file"));
    eprintln!("{:>22}: {} MiB", "file size", bytes.len() >> 20);
    let src = phase("utf-8", || std::str::from_utf8(&bytes).expect("UTF-8").to_owned());
    drop(bytes);
    let loaded = phase("load_str (all)", || ccbnet::data::load_str(&path, &src).expect("loads"));
    phase("drop the catalog", || drop(loaded));
    drop(src);
    let loaded = phase("load_path (all)", || {
        ccbnet::data::load_path(std::path::Path::new(&path)).expect("loads")
    });
    let app = phase("App::new", || App::new(loaded.catalog, "fr", (200, 60)));
    let (text, fields) = app.index().memory_size();
    eprintln!(
        "{:>22}: {} MiB of folded text, {} MiB of fields",
        "search index",
        text >> 20,
        fields >> 20
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    phase("first render 200x60", || {
        terminal.draw(|f| ccbnet::ui::render(&app, f)).expect("draw");
    });
}
