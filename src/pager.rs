//! The pager a long output goes through on a terminal, as git and bat do: `$PAGER`, else
//! `less -FRX`; never into a pipe or a file (the caller asks only for a terminal).

use std::ffi::OsStr;
use std::io::Write;
use std::process::{Command, Stdio};

/// The pager's program and arguments from `PAGER` (`value`): `less -FRX` when it is not set,
/// none when it is empty or `cat`. The value is split at spaces (no quotes).
#[must_use]
pub fn from_env(value: Option<&OsStr>) -> Option<Vec<String>> {
    let Some(value) = value else {
        return Some(vec!["less".to_owned(), "-FRX".to_owned()]);
    };
    let words: Vec<String> = value.to_str()?.split_whitespace().map(str::to_owned).collect();
    match words.first().map(String::as_str) {
        None | Some("cat") => None,
        Some(_) => Some(words),
    }
}

/// Writes `bytes` through the pager `words` and waits until the person leaves it. A pager that
/// quits before the end (`q` in less) is not an error.
///
/// # Errors
/// When the pager cannot be started; nothing has been written then, so the caller can write
/// the bytes itself.
pub fn page(words: &[String], bytes: &[u8]) -> std::io::Result<()> {
    let (program, args) = words.split_first().ok_or(std::io::ErrorKind::InvalidInput)?;
    let mut cmd = Command::new(program);
    cmd.args(args).stdin(Stdio::piped());
    // As git does: less keeps colours, ends at once when everything fits, and leaves the text
    // on the screen, unless the person set LESS.
    if std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "FRX");
    }
    let mut child = cmd.spawn()?;
    // Ctrl-C is the pager's (less stops a search with it): this program waits, as git does,
    // rather than end and leave the pager behind.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGINT,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    if let Some(mut stdin) = child.stdin.take() {
        // A write error is the pager gone early: there is nothing left to show.
        let _ = stdin.write_all(bytes);
    }
    let _ = child.wait();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_from_the_environment() {
        assert_eq!(from_env(None), Some(vec!["less".into(), "-FRX".into()]));
        assert_eq!(from_env(Some(OsStr::new("most -s"))), Some(vec!["most".into(), "-s".into()]));
        assert_eq!(from_env(Some(OsStr::new(""))), None);
        assert_eq!(from_env(Some(OsStr::new("  "))), None);
        assert_eq!(from_env(Some(OsStr::new("cat"))), None);
    }

    #[test]
    fn a_pager_that_cannot_start_is_an_error() {
        assert!(page(&["/nonexistent/pager".into()], b"x").is_err());
        assert!(page(&[], b"x").is_err());
    }
}
