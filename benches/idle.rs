//! Idle: the explorer uses no CPU and does not wake up while no input arrives. The real binary
//! runs in a pseudo-terminal; after its first frame, its CPU time (user and system, every
//! thread) and the context switches of each of its threads are read from `/proc` before and
//! after 5 seconds without input. Then one key is sent, to show that the same counters do move
//! when there is something to do. Also prints the memory the process holds and has held at
//! most (`VmRSS`, `VmHWM`). `cargo bench --bench idle` (Linux).
//!
//! With the 100,000-entry file, then:
//! - a busy neighbour: another file of the data file's folder is appended to 20 times a second
//!   for 5 seconds; the explorer should not wake up (it watches the folder, for editors that
//!   save by renaming);
//! - memory: the peak (`VmHWM`, reset through `/proc/PID/clear_refs` before each step) while a
//!   search is typed and kept (`/`, `s`, `e`, `Enter`) and while the data file, written again,
//!   is reloaded, each against the file's size;
//! - quitting: from `q` to the terminal restored (the main screen back) and the process gone.

mod common;

use std::io::Write;
use std::time::{Duration, Instant};

use common::pty::{Explorer, data_file};

/// CPU time of the whole process in clock ticks (user + system, `/proc/PID/stat` fields 14
/// and 15), and the context switches (voluntary + involuntary) of each thread, by name.
fn counters(pid: u32) -> (u64, Vec<(String, u64)>) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    // The fields after the command name, which is in parentheses and may hold spaces.
    let after = &stat[stat.rfind(')').expect("comm") + 2..];
    let f: Vec<&str> = after.split(' ').collect();
    let ticks = f[11].parse::<u64>().expect("utime") + f[12].parse::<u64>().expect("stime");
    let mut threads = Vec::new();
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).expect("tasks") {
        let dir = task.expect("task").path();
        let status = std::fs::read_to_string(dir.join("status")).unwrap_or_default();
        let field = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .map_or(0, |v| v.trim().parse::<u64>().unwrap_or(0))
        };
        let name = status.lines().find_map(|l| l.strip_prefix("Name:")).unwrap_or("?").trim();
        let tid = dir.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        threads.push((
            format!("{name} ({tid})"),
            field("voluntary_ctxt_switches:") + field("nonvoluntary_ctxt_switches:"),
        ));
    }
    threads.sort();
    (ticks, threads)
}

/// A field of `/proc/PID/status` in KiB (`VmRSS:`, `VmHWM:`).
fn status_kib(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .map_or(0, |v| v.trim().trim_end_matches(" kB").parse::<u64>().unwrap_or(0))
}

/// Starts counting the peak memory again from what the process holds now.
fn reset_peak(pid: u32) {
    // "5" resets the peak resident set size (Linux 4.0 and later).
    let _ = std::fs::write(format!("/proc/{pid}/clear_refs"), "5");
}

/// Prints the CPU time and the context switches of each thread between two readings.
fn print_counters(before: &(u64, Vec<(String, u64)>), after: &(u64, Vec<(String, u64)>)) {
    println!("  CPU time: {} clock ticks (1 tick = 10 ms)", after.0 - before.0);
    // Threads matched by name and id: one may have ended (the index's) or begun meanwhile.
    for (name, b) in &after.1 {
        let a = before.1.iter().find(|(n, _)| n == name).map_or(0, |(_, a)| *a);
        println!("  thread {name}: {} context switches", b.saturating_sub(a));
    }
}

/// Waits until the process's memory stays the same for half a second (at most `limit`).
fn settle(pid: u32, limit: Duration) {
    let end = Instant::now() + limit;
    let mut last = status_kib(pid, "VmRSS:");
    while Instant::now() < end {
        std::thread::sleep(Duration::from_millis(500));
        let now = status_kib(pid, "VmRSS:");
        if now == last {
            return;
        }
        last = now;
    }
}

fn watch(label: &str, args: &[&str]) -> Explorer {
    let mut explorer = Explorer::start(args);
    let first = explorer.first_frame();
    // Let the start settle (the terminal's replies, the file watcher's set-up).
    std::thread::sleep(Duration::from_millis(500));
    let pid = explorer.pid();
    let s0 = counters(pid);
    std::thread::sleep(Duration::from_secs(5));
    let s1 = counters(pid);
    println!(
        "{label}: first frame after {first:.1?}; memory {} MiB, at most {} MiB; over 5 s without input:",
        status_kib(pid, "VmRSS:") / 1024,
        status_kib(pid, "VmHWM:") / 1024
    );
    print_counters(&s0, &s1);
    // One key (`j`): the counters move when there is work.
    explorer.send(b"j");
    std::thread::sleep(Duration::from_millis(300));
    let s2 = counters(pid);
    let total = |s: &(u64, Vec<(String, u64)>)| s.1.iter().map(|(_, n)| n).sum::<u64>();
    let switches = total(&s2).saturating_sub(total(&s1));
    println!("  then one key: {} ticks, {switches} context switches", s2.0 - s1.0);
    explorer
}

/// Another file of the data file's folder appended to 20 times a second for 5 seconds.
fn busy_neighbour(explorer: &Explorer, data: &std::path::Path) {
    let pid = explorer.pid();
    let neighbour = data.with_file_name("neighbour.log");
    // Created before the count: a name that comes is an event of the folder.
    std::fs::write(&neighbour, "").expect("create the neighbour file");
    std::thread::sleep(Duration::from_millis(200));
    let before = counters(pid);
    for i in 0..100 {
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&neighbour)
            .expect("open the neighbour file");
        writeln!(f, "line {i} of a log that grows beside the data file").expect("append");
        drop(f);
        std::thread::sleep(Duration::from_millis(50));
    }
    let after = counters(pid);
    println!("  a neighbour file appended to 100 times in 5 s (20 a second):");
    print_counters(&before, &after);
    let _ = std::fs::remove_file(&neighbour);
}

/// The peak memory while a search is typed and kept, and while the data file is reloaded.
fn memory(explorer: &mut Explorer, data: &std::path::Path) {
    let pid = explorer.pid();
    let file = std::fs::metadata(data).map_or(1, |m| m.len()).max(1);
    let line = |what: &str, kib: u64| {
        #[allow(clippy::cast_precision_loss)]
        let ratio = (kib * 1024) as f64 / file as f64;
        println!("  {what}: at most {} MiB, {ratio:.1}x the file ({} MiB)", kib / 1024, file >> 20);
    };
    line("opened (since the start)", status_kib(pid, "VmHWM:"));
    reset_peak(pid);
    explorer.send(b"/");
    std::thread::sleep(Duration::from_millis(200));
    explorer.send(b"s");
    std::thread::sleep(Duration::from_millis(200));
    explorer.send(b"e");
    std::thread::sleep(Duration::from_millis(200));
    explorer.send(b"\r");
    settle(pid, Duration::from_secs(5));
    line("a search typed and kept (/ s e Enter)", status_kib(pid, "VmHWM:"));
    reset_peak(pid);
    // The same data written again: the explorer reads it all again.
    let text = std::fs::read(data).expect("read the data file");
    std::fs::write(data, text).expect("write the data file");
    std::thread::sleep(Duration::from_secs(1));
    settle(pid, Duration::from_secs(10));
    line("the data file written again and reloaded", status_kib(pid, "VmHWM:"));
    println!("  now: {} MiB", status_kib(pid, "VmRSS:") / 1024);
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    drop(watch("built-in data set", &[]));
    let file = data_file(100_000);
    let mut explorer =
        watch("--data with 100,000 nodes (the file is watched for changes)", &["--data", &file]);
    let path = std::path::Path::new(&file);
    busy_neighbour(&explorer, path);
    memory(&mut explorer, path);
    let (restored, gone) = explorer.quit();
    println!("  q: the terminal restored after {restored:.1?}, the process gone after {gone:.1?}");
}
