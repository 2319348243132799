//! Writes a synthetic data set of N nodes to standard output:
//! `cargo run --release --example gen -- 100000 > big.ron`.

use std::io::Write;

#[path = "../benches/common/synth.rs"]
mod synth;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(n) = args.next().and_then(|a| a.parse::<usize>().ok()) else {
        eprintln!("usage: gen NODES [SEED]");
        return std::process::ExitCode::from(2);
    };
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let text = synth::dataset(n, seed);
    if std::io::stdout().lock().write_all(text.as_bytes()).is_err() {
        return std::process::ExitCode::FAILURE;
    }
    std::process::ExitCode::SUCCESS
}
