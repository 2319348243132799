//! The published package: its licence files, its metadata, what it leaves out, and the release
//! profile that keeps the binary small.

use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn manifest() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).expect("read Cargo.toml")
}

#[test]
fn the_licence_files_of_the_declared_licence_exist() {
    assert!(manifest().contains(r#"license = "MIT OR Apache-2.0""#));
    let mit = std::fs::read_to_string(Path::new(ROOT).join("LICENSE-MIT")).expect("LICENSE-MIT");
    assert!(mit.starts_with("MIT License"), "{mit}");
    assert!(mit.contains("Copyright (c) the ccbnet developers"));
    assert!(mit.contains("Permission is hereby granted, free of charge"));
    let apache =
        std::fs::read_to_string(Path::new(ROOT).join("LICENSE-APACHE")).expect("LICENSE-APACHE");
    assert!(apache.contains("Apache License\n                        Version 2.0, January 2004"));
    assert!(apache.contains("END OF TERMS AND CONDITIONS"));
    assert_eq!(apache.lines().count(), 201, "the standard text, whole");
}

#[test]
fn the_manifest_has_what_a_registry_shows() {
    let m = manifest();
    for key in
        ["readme = \"README.md\"", "keywords = [", "categories = [\"command-line-utilities\""]
    {
        assert!(m.contains(key), "Cargo.toml lacks {key}");
    }
}

#[test]
fn the_release_profile_is_small() {
    let m = manifest();
    let profile = m.split("[profile.release]").nth(1).expect("a release profile");
    let profile = profile.split("\n[").next().unwrap_or_default();
    for line in ["lto = true", "codegen-units = 1", "strip = true"] {
        assert!(profile.lines().any(|l| l.trim() == line), "release profile lacks {line}");
    }
}

#[test]
fn the_package_holds_no_goldens_snapshots_or_fuzzing_files() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .current_dir(ROOT)
        .output()
        .expect("run cargo package --list");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let list = String::from_utf8(out.stdout).expect("UTF-8 list");
    let files: Vec<&str> = list.lines().collect();
    for must in
        ["LICENSE-MIT", "LICENSE-APACHE", "README.md", "CHANGELOG.md", "assets/ccb-networks.ron"]
    {
        assert!(files.contains(&must), "the package lacks {must}");
    }
    for f in &files {
        assert!(
            !["tests/golden/", "tests/snapshots/", "fuzz/", "benches/data/"]
                .iter()
                .any(|p| f.starts_with(p)),
            "the package holds {f}"
        );
    }
}
