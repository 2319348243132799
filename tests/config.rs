//! What a person sets once: `CCBNET_DATA` names the data file (`--data` wins), and the
//! configuration file `$XDG_CONFIG_HOME/ccbnet/config.toml` (else `~/.config/ccbnet/`) sets the
//! data file, the language, the colours and the mouse; a bad file is an error at its line and
//! column. (Colours and the mouse in the explorer: tests/colour.rs.)

mod common;

use std::path::{Path, PathBuf};

const MINIMAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/minimal.ron");
const EXPLORER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid/explorer.ron");

/// A fresh folder for this test.
fn folder(tag: &str) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("config-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("ccbnet")).expect("a folder");
    dir
}

/// Runs ccbnet with `env` on top of the isolated environment: stdout, stderr, status.
fn run(args: &[&str], env: &[(&str, &Path)]) -> (String, String, i32) {
    let mut cmd = common::command(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run ccbnet");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().expect("a status"),
    )
}

#[test]
fn ccbnet_data_names_the_data_file_and_the_flag_wins() {
    let m = Path::new(MINIMAL);
    let (out, err, code) = run(&["check"], &[("CCBNET_DATA", m)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with(&format!("{MINIMAL}: ok: 2 entries")), "{out}");
    let (out, _, _) = run(&["--data", EXPLORER, "check"], &[("CCBNET_DATA", m)]);
    assert!(out.contains(&format!("{EXPLORER}: ok:")), "--data wins: {out}");
    let (out, _, _) = run(&["check", EXPLORER], &[("CCBNET_DATA", m)]);
    assert!(out.contains(&format!("{EXPLORER}: ok:")), "the argument wins: {out}");
    // Every command that reads the data follows it.
    let (out, _, code) = run(&["export", "--format", "json"], &[("CCBNET_DATA", m)]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(doc["nodes"].as_array().map(Vec::len), Some(2));
    // A file that is not there is an error, not the built-in data.
    let (_, err, code) = run(&["export"], &[("CCBNET_DATA", Path::new("/nonexistent.ron"))]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent.ron"), "{err}");
}

#[test]
fn the_configuration_file_sets_the_data_file_and_the_language() {
    let home = folder("xdg");
    let dir = home.join("ccbnet");
    std::fs::copy(MINIMAL, dir.join("mine.ron")).expect("copy the data");
    // A relative path is taken from the configuration file's folder.
    std::fs::write(dir.join("config.toml"), "data = \"mine.ron\"\nlang = \"nl\"\n").expect("write");
    let xdg = [("XDG_CONFIG_HOME", home.as_path())];
    let (out, err, code) = run(&["check"], &xdg);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("mine.ron: ok: 2 entries"), "{out}");
    let (nl, _, _) = run(&["export"], &xdg);
    let (fr, _, _) = run(&["export", "--lang", "fr"], &xdg);
    let (nl_flag, _, _) = run(&["export", "--lang", "nl"], &xdg);
    assert_eq!(nl, nl_flag, "lang = nl in the file");
    assert_ne!(nl, fr, "--lang wins over the file");
    // CCBNET_DATA and --data win over the file's data.
    let env = [("XDG_CONFIG_HOME", home.as_path()), ("CCBNET_DATA", Path::new(EXPLORER))];
    // (The summary, the last line, names the file checked.)
    let (out, _, _) = run(&["check"], &env);
    assert!(out.lines().last().is_some_and(|l| l.starts_with(EXPLORER)), "{out}");
    let (out, _, _) = run(&["--data", EXPLORER, "check"], &xdg);
    assert!(out.lines().last().is_some_and(|l| l.starts_with(EXPLORER)), "{out}");
    std::fs::remove_dir_all(&home).ok();
}

#[test]
fn without_xdg_config_home_the_file_is_under_home() {
    let home = folder("home");
    std::fs::create_dir_all(home.join(".config/ccbnet")).expect("mkdir");
    let text = format!("data = \"{MINIMAL}\"\n");
    std::fs::write(home.join(".config/ccbnet/config.toml"), text).expect("write");
    let mut cmd = common::command(&["check"]);
    cmd.env_remove("XDG_CONFIG_HOME").env("HOME", &home);
    let out = cmd.output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with(&format!("{MINIMAL}: ok:")), "{text}");
    std::fs::remove_dir_all(&home).ok();
}

#[test]
fn a_broken_configuration_file_is_an_error_at_its_line_and_column() {
    let home = folder("broken");
    let file = home.join("ccbnet/config.toml");
    let xdg = [("XDG_CONFIG_HOME", home.as_path())];
    for (text, place, words) in [
        ("lang = \"nl\"\ncolour = \"never\"\n", ":2:1: error: ", "unknown field `colour`"),
        ("mouse = \"no\"\n", ":1:9: error: ", "boolean"),
        ("color = \"sometimes\"\n", ":1:9: error: ", "always"),
        ("lang = \"nl\n", ":1:", "string"),
    ] {
        std::fs::write(&file, text).expect("write");
        for args in [&["check"][..], &["export"], &["search", "x"], &["show", "x"]] {
            let (out, err, code) = run(args, &xdg);
            assert_eq!(code, 2, "{args:?} {text:?}: {out} {err}");
            assert!(out.is_empty(), "{args:?}: nothing is written: {out}");
            let expected = format!("ccbnet: {}{place}", file.display());
            assert!(err.starts_with(&expected), "{text:?}: {err}");
            assert!(err.contains(words), "{text:?}: {err}");
            assert_eq!(err.lines().count(), 1, "{err}");
        }
    }
    // A language the data does not have names the file it came from.
    std::fs::write(&file, "lang = \"pt\"\n").expect("write");
    let (_, err, code) = run(&["export"], &xdg);
    assert_eq!(code, 2);
    assert!(
        err.contains("\"pt\"") && err.contains(&format!("(the lang of {})", file.display())),
        "{err}"
    );
    let (_, _, code) = run(&["export", "--lang", "nl"], &xdg);
    assert_eq!(code, 0, "--lang wins over the file's");
    // The manual and the completions need no configuration.
    let (_, _, code) = run(&["man"], &xdg);
    assert_eq!(code, 0);
    std::fs::remove_dir_all(&home).ok();
}

#[test]
fn help_names_the_configuration_file() {
    let (out, _, _) = common::ccbnet(&["--help"]);
    assert!(out.contains("$XDG_CONFIG_HOME/ccbnet/config.toml"), "{out}");
    assert!(out.contains("~/.config/ccbnet/config.toml"), "{out}");
    assert!(out.contains("CCBNET_DATA"), "{out}");
}
