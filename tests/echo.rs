//! What the user typed and the file's own name come back through the one sanitizer: no escape
//! sequence of theirs reaches the terminal from a message.

mod common;

use common::ccbnet;

#[test]
fn a_bad_lang_value_is_echoed_safely() {
    let (out, err, code) = ccbnet(&["--lang", "x\u{1b}[31m", "export"]);
    assert_ne!(code, 0);
    assert!(out.is_empty());
    assert!(err.contains("no language \"x\u{FFFD}[31m\""), "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn the_file_name_in_the_summary_line_of_check_is_safe() {
    let dir = std::env::temp_dir().join(format!("ccbnet-echo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bad\u{1b}]0;title\u{7}.ron");
    std::fs::write(&path, ccbnet::data::load::EMBEDDED).expect("write");
    let (out, _, code) = ccbnet(&["check", path.to_str().expect("UTF-8 path")]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("bad\u{FFFD}]0;title\u{FFFD}.ron: ok: "), "{out:?}");
    std::fs::remove_dir_all(&dir).ok();
}
