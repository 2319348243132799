//! README, help and man page say the same about every key: each key of the key table is in the
//! README's Keys section (the map's keys in its section The map) and in the manual's KEYS section
//! (the help is built from the table; its own test checks it).

use ccbnet::action::Action;
use ccbnet::keymap::{BINDINGS, Group, key_label, keys_label};
use clap::CommandFactory;

/// The README's section `## HEADING`, up to the next section.
fn readme_section(heading: &str) -> String {
    let readme = include_str!("../README.md");
    let start = readme.find(&format!("\n## {heading}\n")).expect("the README has the section");
    let rest = &readme[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3);
    rest[..end].to_owned()
}

/// The manual's KEYS section, roff escapes of dashes taken out.
fn man_keys() -> String {
    let page = ccbnet::manual::man_page(ccbnet::cli::Cli::command()).expect("the manual");
    let page = String::from_utf8(page).expect("UTF-8").replace("\\-", "-");
    let start = page.find("\n.SH KEYS\n").expect("the manual has a KEYS section");
    let rest = &page[start + 1..];
    let end = rest[4..].find("\n.SH ").map_or(rest.len(), |i| i + 4);
    rest[..end].to_owned()
}

/// Every key of the table, as the README writes it (`` `j` ``), with the action it is bound to,
/// and whether it is a key of the map.
fn keys() -> Vec<(String, Action, bool)> {
    let mut out = Vec::new();
    for b in BINDINGS {
        let map = b.group == Group::Map;
        if b.action == Action::Digit(0) {
            // The README writes the digits as `0` … `9`.
            out.push(("0".to_owned(), b.action.clone(), map));
            out.push(("9".to_owned(), b.action.clone(), map));
            continue;
        }
        for &k in b.keys {
            out.push((key_label(k), b.action.clone(), map));
        }
    }
    out
}

#[test]
fn every_key_of_the_table_is_in_the_readme_keys_section() {
    let (keys_section, map_section) = (readme_section("Keys"), readme_section("The map"));
    let missing: Vec<String> = keys()
        .into_iter()
        .filter(|(k, _, map)| {
            let section = if *map { &map_section } else { &keys_section };
            !section.contains(&format!("`{k}`"))
        })
        .map(|(k, a, _)| format!("{k} ({a:?})"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys missing from the README's Keys (or map) section: {missing:?}"
    );
}

#[test]
fn every_binding_of_the_table_is_in_the_manual_keys_section() {
    let man = man_keys();
    for b in BINDINGS {
        let (long, _) = ccbnet::i18n::action_text(&b.action, "en");
        let entry = format!(".TP\n\\fB{}\\fR\n{}\n", keys_label(b), long.replace('\\', "\\e"));
        assert!(man.contains(&entry), "{entry:?} missing from the manual's KEYS:\n{man}");
    }
    for (k, a, _) in keys() {
        assert!(man.contains(&k), "{k} ({a:?}) missing from the manual's KEYS");
    }
}

#[test]
fn the_manual_has_files_and_see_also_and_a_description_that_is_not_the_name_line() {
    let page = ccbnet::manual::man_page(ccbnet::cli::Cli::command()).expect("the manual");
    let page = String::from_utf8(page).expect("UTF-8");
    for section in [".SH NAME", ".SH DESCRIPTION", ".SH KEYS", ".SH FILES", ".SH \"SEE ALSO\""] {
        assert!(page.contains(&format!("\n{section}\n")), "{section} missing");
    }
    let section = |name: &str| {
        let start = page.find(&format!("\n.SH {name}\n")).expect("the section") + 1;
        let rest = &page[start..];
        let end = rest[4..].find("\n.SH ").map_or(rest.len(), |i| i + 4);
        rest[..end].lines().skip(1).collect::<Vec<_>>().join("\n")
    };
    let name = section("NAME");
    let about = name.split(" \\- ").nth(1).expect("NAME is `ccbnet \\- what it is`");
    assert!(!section("DESCRIPTION").contains(about), "DESCRIPTION repeats the NAME line");
    assert!(section("FILES").contains("\\-\\-data"), "FILES names --data");
}
