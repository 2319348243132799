//! Every keystroke of the key table in every mode, update plus render at 200x60 (through
//! crossterm's output path), on generated data sets of 1,000, 10,000 and 100,000 nodes.
//! `cargo bench --bench keys` (`-- at_100k` for the largest only).
//!
//! The cases come from the key table itself (`common::scenes`): for each state of
//! `scenes::scenes` (tree, every entry expanded, detail, count, history, search line, filter
//! kept, organisations, help, source, problems, map, too small...), each line of the table live
//! in its mode, pressed by its first key, and in the search line the next letter of the query.
//! Each sample starts from the very same state: the state is cloned (the data is shared, not
//! copied) and its frame drawn before the timing, so the frame after the key is drawn against
//! the one before it, as in the explorer; one sample is one keystroke, and divan's "slowest"
//! is the worst single keystroke.
//!
//! After divan's table, a summary: at each size, the slowest cases, those over the target
//! (16 ms median, 33 ms worst), and a Markdown table of every key class with its slowest mode.

mod common;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use common::scenes::{self, Case, Scene};
use common::{app, draw, terminal_of};
use divan::Bencher;

/// The targets: a keystroke's median and its worst sample.
const MEDIAN_TARGET: Duration = Duration::from_millis(16);
const WORST_TARGET: Duration = Duration::from_millis(33);

thread_local! {
    /// The scenes of each size, built once.
    static SCENES: RefCell<Vec<(usize, Rc<Vec<Scene>>)>> = const { RefCell::new(Vec::new()) };
    /// Every sample of every case run: size, case, the keystrokes' times.
    static TIMES: RefCell<Vec<(usize, Case, Vec<Duration>)>> = const { RefCell::new(Vec::new()) };
}

fn scenes_at(n: usize) -> Rc<Vec<Scene>> {
    SCENES.with(|s| {
        if let Some((_, v)) = s.borrow().iter().find(|(k, _)| *k == n) {
            return Rc::clone(v);
        }
        let v = Rc::new(scenes::scenes(&app(n)));
        s.borrow_mut().push((n, Rc::clone(&v)));
        v
    })
}

fn cases_at(n: usize) -> Vec<Case> {
    scenes::cases(&scenes_at(n))
}

fn main() {
    divan::main();
    report();
}

/// One keystroke from the case's scene, the frame before it drawn untimed.
fn measure(bencher: Bencher, n: usize, case: Case) {
    let scenes = scenes_at(n);
    let scene = &scenes[case.scene];
    let action = scenes::action(&case, &scene.app);
    let mut times = Vec::new();
    bencher
        .with_inputs(|| {
            let app = scene.app.clone();
            let mut terminal = terminal_of(app.size());
            draw(&mut terminal, &app);
            (app, terminal)
        })
        .bench_local_refs(|(app, terminal)| {
            let start = Instant::now();
            app.update(action.clone());
            draw(terminal, app);
            times.push(start.elapsed());
        });
    TIMES.with(|t| t.borrow_mut().push((n, case, times)));
}

#[divan::bench(args = cases_at(1_000), sample_count = 10, sample_size = 1)]
fn at_1k(bencher: Bencher, case: Case) {
    measure(bencher, 1_000, case);
}

#[divan::bench(args = cases_at(10_000), sample_count = 10, sample_size = 1)]
fn at_10k(bencher: Bencher, case: Case) {
    measure(bencher, 10_000, case);
}

#[divan::bench(args = cases_at(100_000), sample_count = 10, sample_size = 1)]
fn at_100k(bencher: Bencher, case: Case) {
    measure(bencher, 100_000, case);
}

fn median(v: &[Duration]) -> Duration {
    let mut s = v.to_vec();
    s.sort();
    s.get(s.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// The slowest cases of each size, those over the target, and the table of key classes.
fn report() {
    let all = TIMES.with(|t| std::mem::take(&mut *t.borrow_mut()));
    let mut sizes: Vec<usize> = all.iter().map(|(n, ..)| *n).collect();
    sizes.sort_unstable();
    sizes.dedup();
    for &n in &sizes {
        let scenes = scenes_at(n);
        let mut rows: Vec<(Duration, Duration, &Case)> = all
            .iter()
            .filter(|(k, _, t)| *k == n && !t.is_empty())
            .map(|(_, c, t)| (median(t), t.iter().copied().max().unwrap_or_default(), c))
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        println!("\nAt {n} entries, {} cases; the slowest (worst sample):", rows.len());
        for (med, worst, c) in rows.iter().take(12) {
            println!("  {:>10} worst, {:>10} median  {c}", ms(*worst), ms(*med));
        }
        let over: Vec<_> =
            rows.iter().filter(|(m, w, _)| *m > MEDIAN_TARGET || *w > WORST_TARGET).collect();
        println!("  over the target (16 ms median or 33 ms worst): {}", over.len());
        for (med, worst, c) in over {
            println!("    {:>10} worst, {:>10} median  {c}", ms(*worst), ms(*med));
        }
        if n != *sizes.last().unwrap_or(&n) {
            continue;
        }
        // Each key class with the mode where it is slowest (by median).
        let mut classes: Vec<(String, Duration, Duration, &str)> = Vec::new();
        for (med, worst, c) in &rows {
            let class = c.class();
            let mode = scenes[c.scene].name;
            match classes.iter_mut().find(|(k, ..)| *k == class) {
                Some(e) if e.1 < *med => *e = (class, *med, *worst, mode),
                Some(_) => {}
                None => classes.push((class, *med, *worst, mode)),
            }
        }
        classes.sort_by_key(|c| std::cmp::Reverse(c.1));
        println!("\nAt {n} entries, every key class in its slowest mode:\n");
        println!("| key class | slowest mode | median | worst |");
        println!("|---|---|---|---|");
        for (class, med, worst, mode) in classes {
            let class = class.replace('|', "\\|");
            println!("| {class} | {mode} | {} | {} |", ms(med), ms(worst));
        }
    }
}
