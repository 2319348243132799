//! `ccbnet check` on good and bad files: each rule's exact message, line and column, and the
//! exit status.

mod common;
use common::bin;

use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel)
}

/// Runs `ccbnet check FILE` from the fixtures folder, so paths print short.
fn check(rel: &str) -> (String, i32) {
    let out = common::cmd(bin())
        .current_dir(fixture(""))
        .args(["check", rel])
        .output()
        .expect("run ccbnet");
    assert!(
        out.stderr.is_empty(),
        "check writes to stdout only: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (String::from_utf8(out.stdout).expect("utf-8 output"), out.status.code().expect("exit code"))
}

#[track_caller]
fn assert_invalid(rel: &str, expected_first_line: &str) {
    let (out, code) = check(rel);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.lines().next(), Some(expected_first_line), "{out}");
    assert!(
        out.lines().last().unwrap_or("").starts_with(&format!("{rel}: failed: 1 error")),
        "{out}"
    );
}

#[test]
fn the_shipped_data_set_checks_clean() {
    let out = common::cmd(bin()).arg("check").output().expect("run ccbnet");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(text.lines().count(), 1, "no warning expected: {text}");
    assert!(text.contains("0 errors, 0 warnings"), "{text}");
}

#[test]
fn the_minimal_valid_file_checks_clean() {
    let (out, code) = check("valid/minimal.ron");
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "valid/minimal.ron: ok: 2 entries, 1 organisations, languages fr, nl; 0 errors, 0 warnings; texts missing: fr 0, nl 0\n"
    );
}

#[test]
fn a_missing_comma_is_placed_after_the_value_it_should_follow() {
    assert_invalid(
        "invalid/syntax.ron",
        "invalid/syntax.ron:27:41: error: expected `,` or `)` after the value of `name`, found `summary` (in operational > cyber-europe)",
    );
}

#[test]
fn a_value_of_the_wrong_type_is_placed_at_the_value() {
    assert_invalid(
        "invalid/wrong-type.ron",
        "invalid/wrong-type.ron:4:13: error: expected a whole number, such as 1, found a string",
    );
}

#[test]
fn unknown_field_lists_the_known_ones() {
    let (out, code) = check("invalid/unknown-field.ron");
    assert_eq!(code, 1);
    assert!(
        out.starts_with(
            "invalid/unknown-field.ron:29:21: error: `frequence` is not a field of a Node; its fields are id, kind, name, short, acronym,"
        ),
        "{out}"
    );
}

#[test]
fn format_version() {
    assert_invalid(
        "invalid/format-version.ron",
        "invalid/format-version.ron:4:13: error: this is format 2; this program reads format 1",
    );
}

#[test]
fn duplicate_id_names_both_places() {
    assert_invalid(
        "invalid/duplicate-id.ron",
        "invalid/duplicate-id.ron:25:25: error: the id \"operational\" is used twice; first used at line 20, column 17 (in operational > operational)",
    );
}

#[test]
fn id_not_kebab_case() {
    assert_invalid(
        "invalid/not-kebab.ron",
        "invalid/not-kebab.ron:25:25: error: the id \"Cyber_Europe\" is not kebab-case (lowercase letters and digits, joined by single hyphens) (in operational > Cyber_Europe)",
    );
}

#[test]
fn related_entry_that_does_not_exist() {
    assert_invalid(
        "invalid/dangling-related.ron",
        "invalid/dangling-related.ron:29:31: error: the related entry \"cyber-europa\" does not exist (in operational > cyber-europe); did you mean \"cyber-europe\"?",
    );
}

#[test]
fn organisation_that_does_not_exist() {
    assert_invalid(
        "invalid/dangling-organisation.ron",
        "invalid/dangling-organisation.ron:30:42: error: the organisation \"enisa-eu\" does not exist (in operational > cyber-europe); did you mean \"enisa\"?",
    );
}

#[test]
fn organisation_listed_as_related_entry() {
    assert_invalid(
        "invalid/organisation-as-related.ron",
        "invalid/organisation-as-related.ron:29:31: error: \"enisa\" is an organisation, not an entry of the tree: list it under `organisations` (in operational > cyber-europe)",
    );
}

#[test]
fn empty_name() {
    assert_invalid(
        "invalid/empty-name.ron",
        "invalid/empty-name.ron:27:28: error: the name is empty in \"fr\" (in operational > cyber-europe)",
    );
}

#[test]
fn language_not_declared() {
    assert_invalid(
        "invalid/undeclared-language.ron",
        "invalid/undeclared-language.ron:28:94: error: the summary is written in \"de\", which is not declared in `languages` (in operational > cyber-europe)",
    );
}

#[test]
fn no_language_declared_is_one_error() {
    assert_invalid(
        "invalid/no-languages.ron",
        "invalid/no-languages.ron:5:5: error: no language is declared in `languages`",
    );
}

#[test]
fn missing_translation_is_listed_under_its_language_naming_the_fallback() {
    let (out, code) = check("warnings/missing-language.ron");
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "nl: 1 text missing");
    assert_eq!(
        lines[1],
        "warnings/missing-language.ron:28:21: warning: the summary has no \"nl\" text; \"fr\" is shown instead (in operational > cyber-europe)"
    );
    assert!(out.ends_with("0 errors, 0 warnings; texts missing: fr 0, nl 1\n"), "{out}");
}

#[test]
fn a_change_since_the_page_that_names_no_source_is_a_warning() {
    let (out, code) = check("warnings/since-without-source.ron");
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "warnings/since-without-source.ron:28:21: warning: what has changed since is not from the source page, and names no source; write it `since: (text: ..., source: [(title: ..., url: ...)])` (in operational > unsourced)"
    );
    assert!(out.ends_with("0 errors, 1 warning; texts missing: fr 0, nl 0\n"), "{out}");
}

#[test]
fn control_characters_in_a_text_are_warnings_at_their_place() {
    let (out, code) = check("warnings/control-characters.ron");
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..3],
        [
            "warnings/control-characters.ron:13:33: warning: the name holds a control character (U+001B), which is shown as \"\u{FFFD}\" (in enisa)",
            "warnings/control-characters.ron:13:69: warning: the name holds a control character (U+0007), which is shown as \"\u{FFFD}\" (in enisa)",
            "warnings/control-characters.ron:26:33: warning: the name holds a tab (U+0009), which is shown as one space (in operational > cyber-europe)",
        ]
    );
    assert!(out.ends_with("0 errors, 3 warnings; texts missing: fr 0, nl 0\n"), "{out}");
}

#[test]
fn nesting_bomb_is_refused_cleanly() {
    assert_invalid(
        "invalid/nesting-bomb.ron",
        "invalid/nesting-bomb.ron:71:5: error: brackets are nested more than 128 levels deep, the most a data file may have (in n0 > n1 > n2 > n3 > n4 > n5 > n6 > n7 > n8 > n9 > n10 > n11 > n12 > n13 > n14 > n15 > n16 > n17 > n18 > n19 > n20 > n21 > n22 > n23 > n24 > n25 > n26 > n27 > n28 > n29 > n30 > n31 > n32 > n33 > n34 > n35 > n36 > n37 > n38 > n39 > n40 > n41 > n42 > n43 > n44 > n45 > n46 > n47 > n48 > n49 > n50 > n51 > n52 > n53 > n54 > n55 > n56 > n57 > n58 > n59 > n60 > n61 > n62)",
    );
}

#[test]
fn a_much_deeper_bomb_does_not_overflow_the_stack() {
    let dir = std::env::temp_dir().join(format!("ccbnet-bomb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("bomb.ron");
    let depth = 1_000_000;
    let text = format!(
        "Dataset(format: 1, languages: [\"fr\"], title: \"t\", source: (note: \"n\", as_of: \"a\"), nodes: [{}",
        "(id: \"a\", name: \"b\", children: [".repeat(depth)
    );
    std::fs::write(&file, text).expect("write bomb");
    let (out, code) = check(file.to_str().expect("utf-8 path"));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("nested more than 128 levels deep"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn binary_file_is_refused_with_its_position() {
    assert_invalid(
        "invalid/binary.ron",
        "invalid/binary.ron:2:20: error: the file is not UTF-8 text (is it a binary file, or saved in another encoding?)",
    );
}

#[test]
fn a_file_over_64_mib_is_refused_without_reading_it() {
    let dir = std::env::temp_dir().join(format!("ccbnet-large-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("large.ron");
    // A sparse file: its length says 65 MiB without taking the space.
    std::fs::File::create(&file).and_then(|f| f.set_len(65 << 20)).expect("sparse file");
    let (out, code) = check(file.to_str().expect("utf-8 path"));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(": error: the file is larger than 64 MiB, the most a data file may be"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_missing_file_exits_2() {
    let (out, code) = check("no-such-file.ron");
    assert_eq!(code, 2);
    assert_eq!(out, "no-such-file.ron: error: cannot read the file: no such file\n");
}

#[test]
fn a_folder_exits_2() {
    let (out, code) = check("valid");
    assert_eq!(code, 2);
    assert_eq!(out, "valid: error: cannot read the file: it is a folder, not a file\n");
}

#[test]
fn check_uses_data_when_no_file_is_given() {
    let out = common::cmd(bin())
        .current_dir(fixture(""))
        .args(["--data", "invalid/syntax.ron", "check"])
        .output()
        .expect("run ccbnet");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("invalid/syntax.ron:27:41:"));
}

#[test]
fn a_reference_before_the_node_does_not_shift_positions() {
    // `(id: "b1", role: ..)` in a1y's related list comes before the node b1 in the file.
    let (out, code) = check("valid/explorer.ron");
    assert_eq!(code, 0, "{out}");
    let line = "valid/explorer.ron:49:21: warning: the summary has no \"nl\" text; \"fr\" is shown instead (in beta > b1)";
    assert!(out.lines().any(|l| l == line), "{out}");
}

#[test]
fn escape_sequences_from_the_file_never_reach_the_terminal() {
    let (out, code) = check("invalid/escape-in-id.ron");
    assert_eq!(code, 1, "{out}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert_eq!(
        out.lines().next(),
        Some(
            "invalid/escape-in-id.ron:3:22: error: the id \"a\u{FFFD}]0;pwned\u{FFFD}b\" is not kebab-case (lowercase letters and digits, joined by single hyphens) (in a\u{FFFD}]0;pwned\u{FFFD}b)"
        )
    );
}
