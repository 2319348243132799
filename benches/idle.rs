//! Idle: the explorer uses no CPU and does not wake up while no input arrives. The real binary
//! runs in a pseudo-terminal; after its first frame, its CPU time (user and system, every
//! thread) and the context switches of each of its threads are read from `/proc` before and
//! after 5 seconds without input. Then one key is sent, to show that the same counters do move
//! when there is something to do. Also prints the memory the process holds and has held at
//! most (`VmRSS`, `VmHWM`). `cargo bench --bench idle` (Linux).

mod common;

use std::time::Duration;

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

fn watch(label: &str, args: &[&str]) {
    let mut explorer = Explorer::start(args);
    let first = explorer.first_frame();
    // Let the start settle (the terminal's replies, the file watcher's set-up).
    std::thread::sleep(Duration::from_millis(500));
    let pid = explorer.pid();
    let (t0, s0) = counters(pid);
    std::thread::sleep(Duration::from_secs(5));
    let (t1, s1) = counters(pid);
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let mib = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .map_or(0, |v| v.trim().trim_end_matches(" kB").parse::<u64>().unwrap_or(0) / 1024)
    };
    println!(
        "{label}: first frame after {first:.1?}; memory {} MiB, at most {} MiB; over 5 s without input:",
        mib("VmRSS:"),
        mib("VmHWM:")
    );
    println!("  CPU time: {} clock ticks (1 tick = 10 ms)", t1 - t0);
    for ((name, a), (_, b)) in s0.iter().zip(&s1) {
        println!("  thread {name}: {} context switches", b - a);
    }
    // One key (`j`): the counters move when there is work.
    explorer.send(b"j");
    std::thread::sleep(Duration::from_millis(300));
    let (t2, s2) = counters(pid);
    let switches: u64 = s2.iter().zip(&s1).map(|((_, b), (_, a))| b - a).sum();
    println!("  then one key: {} ticks, {switches} context switches", t2 - t1);
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    watch("built-in data set", &[]);
    let file = data_file(100_000);
    watch("--data with 100,000 nodes (the file is watched for changes)", &["--data", &file]);
}
