//! Work cut in two: one half done here while the other is done on a second thread, when one
//! can start.

/// `here()` on this thread while `there()` runs on a new thread named `name` (on another core,
/// [`crate::cores`]): both results,
/// the second `None` when no thread could start or it stopped (the caller then does that half
/// itself).
pub(crate) fn both<A, B: Send>(
    name: &str,
    here: impl FnOnce() -> A,
    there: impl FnOnce() -> B + Send,
) -> (A, Option<B>) {
    std::thread::scope(|scope| {
        let other = crate::cores::spawn_scoped(scope, name, there);
        let mine = here();
        (mine, other.ok().and_then(|t| t.join().ok()))
    })
}
