//! The data file's watcher (Linux): a change of the file (written, saved by renaming, removed)
//! arrives on the channel; another file of its folder written to is nothing at all, not even a
//! wake-up of the watcher's thread.

#![cfg(target_os = "linux")]

use std::collections::BTreeSet;
use std::io::Write;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use ccbnet::events::{DataWatch, Input};

/// The ids of this process's threads.
fn threads() -> BTreeSet<String> {
    std::fs::read_dir("/proc/self/task")
        .expect("tasks")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect()
}

/// The context switches of these threads so far (voluntary and not).
fn switches(tids: &BTreeSet<String>) -> u64 {
    tids.iter()
        .map(|t| {
            let status =
                std::fs::read_to_string(format!("/proc/self/task/{t}/status")).unwrap_or_default();
            status
                .lines()
                .filter(|l| l.contains("ctxt_switches:"))
                .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
                .sum::<u64>()
        })
        .sum()
}

/// Whether a change arrives within two seconds; what came with it is taken off too.
fn changed(rx: &Receiver<Input>) -> bool {
    let got = matches!(rx.recv_timeout(Duration::from_secs(2)), Ok(Input::DataChanged));
    std::thread::sleep(Duration::from_millis(100));
    while rx.try_recv().is_ok() {}
    got
}

#[test]
fn the_watcher_sees_the_file_and_sleeps_through_its_neighbours() {
    let dir = std::env::temp_dir().join(format!("ccbnet-watch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("data.ron");
    let neighbour = dir.join("neighbour.log");
    std::fs::write(&file, "first").expect("write");
    std::fs::write(&neighbour, "").expect("write");

    let before = threads();
    let (tx, rx) = channel();
    let mut watch = DataWatch::new(&file, tx).expect("watch");
    let started: BTreeSet<String> = threads().difference(&before).cloned().collect();
    std::thread::sleep(Duration::from_millis(100));
    while rx.try_recv().is_ok() {}

    // A neighbour appended to, 40 times: no event, and the watcher's threads never run.
    let s0 = switches(&started);
    for i in 0..40 {
        let mut f = std::fs::OpenOptions::new().append(true).open(&neighbour).expect("open");
        writeln!(f, "line {i}").expect("append");
        drop(f);
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(switches(&started), s0, "the watcher woke up for another file");
    assert!(rx.try_recv().is_err(), "an event for another file");

    // The file written: seen.
    std::fs::write(&file, "second").expect("write");
    assert!(changed(&rx), "a write of the file");
    // Saved by renaming a new file over it: seen; then the new file is the one watched.
    let tmp = dir.join("data.ron.tmp");
    std::fs::write(&tmp, "third").expect("write");
    std::fs::rename(&tmp, &file).expect("rename");
    assert!(changed(&rx), "a save by renaming");
    watch.refresh();
    std::fs::write(&file, "fourth").expect("write");
    assert!(changed(&rx), "a write of the file saved by renaming");
    // Removed: seen.
    std::fs::remove_file(&file).expect("remove");
    assert!(changed(&rx), "the file removed");
    drop(watch);
    std::fs::remove_dir_all(&dir).ok();
}
