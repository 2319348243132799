//! Helper threads started on another core than the thread that starts them.
//!
//! A helper exists to work beside the thread that starts it. On Linux a new thread is queued on
//! its parent's core, and on some machines (virtual ones with two cores among them) it waits
//! there until the parent stops or the balancer moves it, often a millisecond or more: the two
//! then take turns on one core while the other stays idle. So the new thread is sent to the
//! other cores before it first runs, and once it runs it may go anywhere again.
//!
//! The new thread is found in `/proc/self/task` (the one that was not there before), the only
//! way to name it before it runs without `unsafe` code. Where that cannot be done (one core
//! allowed, no `/proc`, another system), the thread starts as any other.

use std::io;
use std::thread::{Builder, JoinHandle, Scope, ScopedJoinHandle};

/// Whether this thread may run on more than one core, so that a helper can work beside it.
/// One system call (the standard library's count also reads the control groups' files, about
/// ten calls); a quota of processor time set by a control group is not looked at.
#[must_use]
pub fn several() -> bool {
    system::allowed() > 1
}

/// Starts `f` on a new thread named `name`, away from this thread's core.
///
/// # Errors
/// When the thread cannot be started.
pub fn spawn<T, F>(name: &str, f: F) -> io::Result<JoinHandle<T>>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (away, f) = wrapped(f);
    let handle = Builder::new().name(name.into()).spawn(f)?;
    if let Some(away) = away {
        away.send();
    }
    Ok(handle)
}

/// [`spawn`] for a thread of `scope`.
///
/// # Errors
/// When the thread cannot be started.
pub fn spawn_scoped<'scope, T, F>(
    scope: &'scope Scope<'scope, '_>,
    name: &str,
    f: F,
) -> io::Result<ScopedJoinHandle<'scope, T>>
where
    T: Send + 'scope,
    F: FnOnce() -> T + Send + 'scope,
{
    let (away, f) = wrapped(f);
    let handle = Builder::new().name(name.into()).spawn_scoped(scope, f)?;
    if let Some(away) = away {
        away.send();
    }
    Ok(handle)
}

/// What sending the thread of `f` away needs, and `f` settling first where it runs.
fn wrapped<T>(f: impl FnOnce() -> T) -> (Option<Away>, impl FnOnce() -> T) {
    let away = Away::before();
    let started = away.as_ref().map(Away::started);
    (away, move || {
        settle(started);
        f()
    })
}

#[cfg(target_os = "linux")]
mod system {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use rustix::thread::{CpuSet, Pid, sched_getaffinity, sched_getcpu, sched_setaffinity};

    /// What sending a new thread away needs, taken before it is started.
    pub struct Away {
        /// The threads of the process before the new one.
        threads: Vec<i32>,
        /// What the new thread is given.
        started: Started,
    }

    /// What the new thread is given: the cores this thread may run on (two or more), which it
    /// may use once it runs, and where to say that it does.
    #[derive(Clone)]
    pub struct Started {
        allowed: CpuSet,
        flag: Arc<AtomicBool>,
    }

    impl Away {
        /// `None` when there is nowhere else to go, or the threads cannot be listed.
        pub fn before() -> Option<Away> {
            let allowed = sched_getaffinity(None).ok().filter(|s| s.count() > 1)?;
            Some(Away { threads: threads()?, started: Started { allowed, flag: Arc::default() } })
        }

        /// What the new thread is given.
        pub fn started(&self) -> Started {
            self.started.clone()
        }

        /// The one thread started since [`Away::before`], sent to every allowed core but this
        /// thread's, if it has not run yet; `false` when it could not be told apart (another
        /// thread started meanwhile), and nothing was done.
        pub fn send(self) -> bool {
            let Some(now) = threads() else { return false };
            let mut new = now.into_iter().filter(|t| !self.threads.contains(t));
            let (Some(Some(pid)), None) = (new.next().map(Pid::from_raw), new.next()) else {
                return false;
            };
            let mut away = self.started.allowed;
            away.unset(sched_getcpu());
            // A thread that has ended meanwhile, or a refusal: it runs where it is.
            let _ = sched_setaffinity(Some(pid), &away);
            // Already running (it may have settled before this): every core again.
            if self.started.flag.load(Ordering::SeqCst) {
                let _ = sched_setaffinity(Some(pid), &self.started.allowed);
            }
            true
        }
    }

    /// In the new thread, first: it runs, and may use every allowed core again.
    pub fn settle(started: Option<Started>) {
        if let Some(s) = started {
            s.flag.store(true, Ordering::SeqCst);
            let _ = sched_setaffinity(None, &s.allowed);
        }
    }

    /// How many cores this thread may run on.
    pub fn allowed() -> u32 {
        sched_getaffinity(None).map_or(1, |s| s.count())
    }

    /// The ids of this process's threads.
    fn threads() -> Option<Vec<i32>> {
        let dir = std::fs::read_dir("/proc/self/task").ok()?;
        Some(dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok()).collect())
    }
}

#[cfg(not(target_os = "linux"))]
mod system {
    /// Elsewhere threads start where the system puts them.
    pub struct Away;
    #[derive(Clone)]
    pub struct Started;
    impl Away {
        pub fn before() -> Option<Away> {
            None
        }
        pub fn started(&self) -> Started {
            Started
        }
        pub fn send(self) -> bool {
            false
        }
    }
    pub fn settle(_: Option<Started>) {}
    pub fn allowed() -> u32 {
        std::thread::available_parallelism().map_or(1, |n| u32::try_from(n.get()).unwrap_or(2))
    }
}

use system::{Away, settle};

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use rustix::thread::sched_getaffinity;
    use std::sync::mpsc::channel;

    #[test]
    fn a_new_thread_is_sent_off_this_core_before_it_runs() {
        let Some(all) = sched_getaffinity(None).ok().filter(|s| s.count() > 1) else { return };
        // Other tests start threads too: tried until the new one could be told apart.
        for _ in 0..50 {
            let away = super::Away::before().expect("threads listed");
            let (tx, rx) = channel::<()>();
            let (tid_tx, tid_rx) = channel();
            let t = std::thread::spawn(move || {
                tid_tx.send(rustix::thread::gettid()).expect("send");
                let _ = rx.recv();
            });
            let sent = away.send();
            let tid = tid_rx.recv().expect("tid");
            let count = sched_getaffinity(Some(tid)).expect("affinity").count();
            drop(tx);
            t.join().expect("join");
            if sent {
                assert_eq!(count, all.count() - 1, "every core but this one");
                return;
            }
        }
        panic!("no thread could be told apart in 50 tries");
    }

    #[test]
    fn a_helper_may_use_every_core_once_it_runs() {
        let Some(all) = sched_getaffinity(None).ok().filter(|s| s.count() > 1) else { return };
        let (tx, rx) = channel::<()>();
        let helper = super::spawn("helper", move || {
            // Once `spawn` has returned, whatever it did is done.
            let _ = rx.recv();
            sched_getaffinity(None).expect("affinity").count()
        })
        .expect("spawn");
        drop(tx);
        assert_eq!(helper.join().expect("join"), all.count());
    }

    #[test]
    fn a_scoped_helper_returns_its_result() {
        let data = [1, 2, 3];
        let sum = std::thread::scope(|s| {
            super::spawn_scoped(s, "sum", || data.iter().sum::<i32>()).expect("spawn").join()
        });
        assert_eq!(sum.expect("join"), 6);
    }
}
