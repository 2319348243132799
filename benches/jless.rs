//! Start to first frame, side by side with jless: the real `ccbnet` binary and jless each run in
//! a pseudo-terminal of 200x60, in turn (one ccbnet start, one jless start, ...), on the same
//! data: the built-in data set and generated files of 1,000, 10,000 and 100,000 entries, jless
//! reading the JSON that `ccbnet export --format json` writes of each. Prints, for each, the
//! median start of each program, its fastest and slowest, and the ratio of the medians.
//! `cargo bench --bench jless`.
//!
//! The time runs from starting the process until the last bytes of its first frame arrive:
//! for ccbnet the footer's last hint (`quitter`), for jless the move of the cursor to the
//! second column of the last row (`ESC [ 60 ; 2 H`), which jless 0.9 writes last, after the
//! status bar and the `:` of its command line (`print_status_bar_impl` in its
//! `screenwriter.rs`: "Position the cursor better for random debugging prints"). The process is
//! killed after each start; its exit is not timed.
//!
//! jless is `JLESS` if set, else `jless` on the `PATH`, else `~/.cargo/bin/jless`
//! (`cargo install jless --locked --version 0.9.0`); without it, ccbnet is timed alone.
//! `CCBNET_BIN=path` times another build of ccbnet; `CCBNET_BASE=path` adds a second build,
//! timed in turn with the others (before and after a change). `ROUNDS=N` sets the number of
//! starts of each program at each size (default 21 up to 10,000 entries, 7 at 100,000);
//! `SIZES=embedded,1000` chooses the data sets.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::pty::{Explorer, bin, command, data_file, empty_home};

/// The last bytes of jless's first frame at 60 rows: the cursor put after the `:` of the last
/// row.
const JLESS_FRAME_END: &[u8] = b"\x1b[60;2H";

/// A program timed: its name in the table, and how it starts on one data set.
struct Contestant {
    name: &'static str,
    program: String,
    jless: bool,
}

impl Contestant {
    /// One start on `data`: how long until its first frame was on the terminal.
    fn start(&self, data: &Data) -> Duration {
        let explorer = if self.jless {
            let cmd = command(&self.program, &[&data.json]);
            Explorer::spawn(cmd, JLESS_FRAME_END)
        } else {
            let args: Vec<&str> =
                data.ron.as_deref().map_or_else(Vec::new, |ron| vec!["--data", ron]);
            Explorer::start_as(&self.program, &args)
        };
        explorer.first_frame()
    }
}

/// One data set, as ccbnet and jless read it.
struct Data {
    label: String,
    /// The RON file; `None` for the built-in data set.
    ron: Option<String>,
    /// The same data as JSON.
    json: String,
}

/// jless, if it can be found.
fn jless() -> Option<String> {
    if let Some(p) = std::env::var_os("JLESS") {
        return Some(p.to_string_lossy().into_owned());
    }
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join("jless"));
    let cargo = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin/jless"));
    on_path.chain(cargo).find(|p| p.is_file()).map(|p| p.display().to_string())
}

/// The JSON of `ron` (`None`: the built-in data set), written beside the generated files.
fn json_of(ron: Option<&str>, name: &str) -> String {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.json"));
    let mut cmd = Command::new(bin());
    cmd.env("HOME", empty_home()).env("XDG_CONFIG_HOME", empty_home()).env_remove("CCBNET_DATA");
    if let Some(ron) = ron {
        cmd.args(["--data", ron]);
    }
    let out = cmd.args(["--lang", "fr", "export", "--format", "json"]).output().expect("export");
    assert!(out.status.success(), "the export failed: {}", String::from_utf8_lossy(&out.stderr));
    std::fs::write(&path, out.stdout).expect("write the JSON");
    path.display().to_string()
}

fn data_sets() -> Vec<Data> {
    let wanted = std::env::var("SIZES").unwrap_or_else(|_| "embedded,1000,10000,100000".into());
    wanted
        .split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w == "embedded" {
                return Data {
                    label: "built-in".into(),
                    ron: None,
                    json: json_of(None, "embedded"),
                };
            }
            let n: usize = w.parse().expect("SIZES: embedded or a number of entries");
            let ron = data_file(n);
            let json = json_of(Some(&ron), &format!("gen-{n}"));
            Data { label: format!("{} entries", thousands(n)), ron: Some(ron), json }
        })
        .collect()
}

/// `n` with commas between thousands.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(sorted: &[Duration]) -> Duration {
    let n = sorted.len();
    if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2 }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "unknown".into(),
        |s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    )
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is taken from the command line.
    let mut contestants = vec![Contestant { name: "ccbnet", program: bin(), jless: false }];
    if let Ok(base) = std::env::var("CCBNET_BASE") {
        contestants.push(Contestant { name: "base", program: base, jless: false });
    }
    match jless() {
        Some(program) => contestants.push(Contestant { name: "jless", program, jless: true }),
        None => println!(
            "jless is not installed (`cargo install jless --locked --version 0.9.0`, or set \
             JLESS): ccbnet is timed alone"
        ),
    }
    let rounds: Option<usize> = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok());
    let data = data_sets();
    println!(
        "start to first frame in a 200x60 pseudo-terminal, {} in turn; load average {} at the start",
        contestants.iter().map(|c| c.name).collect::<Vec<_>>().join(", "),
        load_average()
    );
    let mut header = format!("{:<18}", "data");
    for c in &contestants {
        let _ = write!(header, "{:>28}", format!("{} ms: median (min-max)", c.name));
    }
    for c in contestants.iter().skip(1) {
        let _ = write!(header, "{:>16}", format!("ccbnet/{}", c.name));
    }
    println!("{header}");
    for d in &data {
        let big = d.ron.is_some() && d.label.starts_with("100,");
        let rounds = rounds.unwrap_or(if big { 7 } else { 21 }).max(1);
        let mut times: Vec<Vec<Duration>> = vec![Vec::new(); contestants.len()];
        // One warm-up start each: the files into the page cache, the binaries into memory.
        for c in &contestants {
            let _ = c.start(d);
        }
        for round in 0..rounds {
            // Each round in the other order than the last, so that neither always goes first.
            let order: Vec<usize> = if round % 2 == 0 {
                (0..contestants.len()).collect()
            } else {
                (0..contestants.len()).rev().collect()
            };
            for k in order {
                times[k].push(contestants[k].start(d));
            }
        }
        let mut line = format!("{:<18}", d.label);
        let mut medians = Vec::new();
        for t in &mut times {
            t.sort();
            let m = median(t);
            medians.push(m);
            let cell = format!(
                "{:.1} ({:.1}-{:.1})",
                ms(m),
                ms(t[0]),
                ms(*t.last().expect("one start at least"))
            );
            let _ = write!(line, "{cell:>28}");
        }
        for m in medians.iter().skip(1) {
            let _ = write!(line, "{:>16}", format!("{:.2}", ms(medians[0]) / ms(*m)));
        }
        println!("{line}");
    }
    let starts = rounds.map_or_else(|| "21 (7 at 100,000 entries)".to_owned(), |r| r.to_string());
    println!("{starts} starts of each at each size; load average {} at the end", load_average());
}
