//! The settings a person makes once: `CCBNET_DATA`, and the optional configuration file
//! `$XDG_CONFIG_HOME/ccbnet/config.toml` (else `~/.config/ccbnet/config.toml`) with the data
//! file, the language, the colours and the mouse. A bad file is an error with its line and
//! column, never a silent default.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::term::ColorChoice;
use crate::text::{one_line, sanitize};

/// What the configuration file may set; every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The data file, as `--data` (a relative path is taken from the file's folder).
    pub data: Option<PathBuf>,
    /// The language, as `--lang`.
    pub lang: Option<String>,
    /// The colours, as `--color`.
    pub color: Option<ColorChoice>,
    /// Whether the explorer captures the mouse (default: yes, where the terminal can).
    pub mouse: Option<bool>,
    /// The file these settings were read from, for messages about them.
    #[serde(skip)]
    pub file: Option<PathBuf>,
}

/// Where the configuration file is: under `XDG_CONFIG_HOME` when it is set to an absolute
/// path, else under `HOME`'s `.config`; `None` without either.
#[must_use]
pub fn path(xdg_config_home: Option<&OsStr>, home: Option<&OsStr>) -> Option<PathBuf> {
    let base = match xdg_config_home.map(Path::new).filter(|p| p.is_absolute()) {
        Some(dir) => dir.to_path_buf(),
        None => Path::new(home.filter(|h| !h.is_empty())?).join(".config"),
    };
    Some(base.join("ccbnet").join("config.toml"))
}

/// Reads the configuration in `text`, the file `name` (for messages) found in `dir`.
///
/// # Errors
/// `NAME:LINE:COL: error: ...` for the first problem: bad TOML, an unknown key, a value of the
/// wrong type or outside its choices.
pub fn parse(text: &str, name: &str, dir: &Path) -> Result<Config, String> {
    let mut config: Config = toml::from_str(text).map_err(|e| {
        let place = e.span().map_or_else(String::new, |span| {
            let before = &text[..floor(text, span.start)];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
            format!(":{line}:{col}")
        });
        let message = e.message().trim_end();
        format!("{}{place}: error: {}", safe(name), safe(message))
    })?;
    if let Some(data) = &config.data
        && data.is_relative()
        && !crate::data::is_stdin(data)
    {
        config.data = Some(dir.join(data));
    }
    Ok(config)
}

/// Reads the configuration file at `path`; none there is no configuration.
///
/// # Errors
/// As [`parse`], and when the file exists but cannot be read.
pub fn load(path: Option<&Path>) -> Result<Config, String> {
    let Some(path) = path else { return Ok(Config::default()) };
    let name = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &name, path.parent().unwrap_or(Path::new(".")))
            .map(|c| Config { file: Some(path.to_path_buf()), ..c }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(format!("{}: error: cannot read the configuration file: {e}", safe(&name))),
    }
}

/// The configuration of this process: the file its environment names.
///
/// # Errors
/// As [`load`].
pub fn from_env() -> Result<Config, String> {
    let file =
        path(std::env::var_os("XDG_CONFIG_HOME").as_deref(), std::env::var_os("HOME").as_deref());
    load(file.as_deref())
}

/// The data file to read: `--data`, else `CCBNET_DATA` (when not empty), else the
/// configuration's.
#[must_use]
pub fn data_file(flag: Option<&Path>, env: Option<&OsStr>, config: &Config) -> Option<PathBuf> {
    flag.map(Path::to_path_buf)
        .or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(|| config.data.clone())
}

fn safe(s: &str) -> String {
    one_line(&sanitize(s)).into_owned()
}

/// The start of the character at or before byte `i`.
fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_under_xdg_config_home_else_home() {
        let p = |x: Option<&str>, h: Option<&str>| path(x.map(OsStr::new), h.map(OsStr::new));
        assert_eq!(p(Some("/x"), Some("/h")), Some(PathBuf::from("/x/ccbnet/config.toml")));
        assert_eq!(p(None, Some("/h")), Some(PathBuf::from("/h/.config/ccbnet/config.toml")));
        // A relative XDG_CONFIG_HOME is ignored, as the specification says.
        assert_eq!(
            p(Some("rel"), Some("/h")),
            Some(PathBuf::from("/h/.config/ccbnet/config.toml"))
        );
        assert_eq!(p(Some(""), Some("/h")), Some(PathBuf::from("/h/.config/ccbnet/config.toml")));
        assert_eq!(p(None, None), None);
    }

    #[test]
    fn every_key_is_read() {
        let text = "data = \"nets.ron\"\nlang = \"nl\"\ncolor = \"never\"\nmouse = false\n";
        let c = parse(text, "c.toml", Path::new("/conf")).expect("valid");
        assert_eq!(
            c,
            Config {
                data: Some(PathBuf::from("/conf/nets.ron")),
                lang: Some("nl".into()),
                color: Some(ColorChoice::Never),
                mouse: Some(false),
                file: None,
            }
        );
        assert_eq!(parse("", "c.toml", Path::new("/")), Ok(Config::default()));
        let abs = parse("data = \"/d/n.ron\"", "c.toml", Path::new("/conf")).expect("valid");
        assert_eq!(abs.data, Some(PathBuf::from("/d/n.ron")));
    }

    #[test]
    fn a_bad_file_is_an_error_at_its_line_and_column() {
        let err = |t: &str| parse(t, "c.toml", Path::new("/")).expect_err("invalid");
        let e = err("lang = \"nl\"\ncolour = \"never\"\n");
        assert!(e.starts_with("c.toml:2:1: error: unknown field `colour`"), "{e}");
        let e = err("lang = \"nl\"\nmouse = \"no\"\n");
        assert!(e.starts_with("c.toml:2:9: error: "), "{e}");
        let e = err("color = \"sometimes\"");
        assert!(e.starts_with("c.toml:1:9: error: ") && e.contains("always"), "{e}");
        let e = err("lang = \"nl\n");
        assert!(e.starts_with("c.toml:1:"), "{e}");
        let e = err("[ccbnet]\nlang = \"é\x1b[31m\" = 3");
        assert!(e.starts_with("c.toml:2:") && !e.contains('\x1b'), "{e}");
    }

    #[test]
    fn the_flag_wins_then_the_environment_then_the_file() {
        let config = Config { data: Some("/c.ron".into()), ..Config::default() };
        let env = Some(OsStr::new("/e.ron"));
        let flag = Some(Path::new("/f.ron"));
        assert_eq!(data_file(flag, env, &config), Some(PathBuf::from("/f.ron")));
        assert_eq!(data_file(None, env, &config), Some(PathBuf::from("/e.ron")));
        assert_eq!(data_file(None, Some(OsStr::new("")), &config), Some(PathBuf::from("/c.ron")));
        assert_eq!(data_file(None, None, &Config::default()), None);
    }
}
