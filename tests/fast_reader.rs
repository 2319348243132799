//! The fast reader of data files (`ccbnet::data::fast`) against `ron`: whenever the fast
//! reader returns a data set, `ron` returns the same one; and the files people write (the
//! shipped data, the fixtures, generated data) do take the fast path. Checked on those files,
//! on hand-written variants of the syntax, and on thousands of randomly mutated files.

use std::path::Path;

use ccbnet::data::fast;
use ccbnet::data::schema::Dataset;

fn ron_parse(src: &str) -> Result<Dataset, ron::error::SpannedError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(ccbnet::data::load::MAX_NESTING)
        .from_str(src)
}

/// Whether the fast reader read `src`; fails when it read something `ron` reads differently or
/// refuses.
#[track_caller]
fn agrees(src: &str) -> bool {
    let Some(fast) = fast::parse(src) else { return false };
    match ron_parse(src) {
        Ok(slow) => {
            assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "different data for:\n{src}");
            true
        }
        Err(e) => panic!("the fast reader read a file ron refuses ({e}):\n{src}"),
    }
}

fn fixtures() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for dir in ["valid", "invalid", "warnings"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("fixtures folder") {
            let path = entry.expect("entry").path();
            if let Ok(text) = std::fs::read_to_string(&path) {
                out.push((path.display().to_string(), text));
            }
        }
    }
    out
}

#[test]
fn the_files_people_write_take_the_fast_path() {
    assert!(agrees(ccbnet::data::load::EMBEDDED), "the shipped data set");
    for n in [1, 10, 500] {
        for seed in [1, 2, 3] {
            assert!(agrees(&ccbnet::synth::dataset(n, seed)), "generated {n} / {seed}");
        }
    }
    for (name, text) in fixtures() {
        let fast = agrees(&text);
        if name.contains("/valid/") || name.contains("/warnings/") {
            assert!(fast, "{name} should take the fast path");
        }
    }
}

/// Every piece of syntax the fast reader knows, in one file.
const FULL: &str = r#"// a line comment
/* a block /* nested */ comment */
Dataset(
    format: 1,
    languages: ["fr", "nl",],
    title: {"fr": "Titre \"cité\" \\ \n\t\r\0 \'x\' \u{e9}\u{1F600}\u{0}", "nl": "Titel"},
    source: Source(note: "n", as_of: {}, url: "https://example.org",),
    organisations: [
        Organisation(id: "a", name: "A", acronym: {"fr": "AF", "nl": "AN"}, part_of: "b", summary: "s"),
        (id: "b", name: "B"),
    ],
    nodes: [
        Node /* between */ (
            id: "top", kind: Level, name: "Top", acronym: "T", summary: "S",
            participants: "p", coordination: "c", frequency: "f", ccb_role: "r", legal_basis: "l",
            related: ["x", (id: "y"), (id: "z", role: {"fr": "rôle"}),],
            organisations: [(role: "r", id: "a")],
            children: [
                (id: "x", name: "X", kind: Network),
                Node(id: "y", name: "Y", kind: Platform, children: []),
                Node(id: "z", name: "Z", kind: Forum,),
            ],
        ),
        Node(id: "k1", name: "k", kind: Body), Node(id: "k2", name: "k", kind: Event),
        Node(id: "k3", name: "k", kind: Exercise), Node(id: "k4", name: "k", kind: Service),
        Node(id: "k5", name: "k", kind: Role), Node(id: "k6", name: "k", kind: Channel),
    ],
) // the end"#;

#[test]
fn every_known_piece_of_syntax_agrees_with_ron() {
    assert!(agrees(FULL));
    assert!(agrees(&FULL.replace('\n', "\r\n")));
    assert!(agrees(&FULL.replace(' ', "")), "no spaces at all");
}

#[test]
fn what_the_fast_reader_leaves_to_ron() {
    let tail = r#"languages: ["fr"], title: "t", source: (note: "n", as_of: "a"), nodes: [(id: "a", name: "b")])"#;
    let cases = [
        // Outside the subset, but valid for ron.
        format!(r#"Dataset(format: 1, {tail}"#).replace(r#"title: "t""#, r#"title: r"t""#),
        format!(r#"Dataset(format: 1, {tail}"#).replace(r#"name: "b""#, r#"name: "\x41""#),
        format!(r#"Dataset(format: 1, {tail}"#)
            .replace(r#"(id: "a", "#, r#"(id: "a", kind: Some(Level), "#),
        format!(r#"#![enable(implicit_some)] Dataset(format: 1, {tail}"#),
        format!(r#"Dataset(format: 0x1, {tail}"#),
        format!("Dataset(format: 1, {tail}").replace(r#"name: "b""#, "name: \"b\\\n   c\""),
        // Errors, for ron to report.
        format!(r#"Dataset(format: 1, format: 1, {tail}"#),
        format!(r#"Dataset(format: 1, colour: 1, {tail}"#),
        format!(r#"Dataset({tail}"#),
        format!(r#"Dataset(format: 1, {tail} trailing"#),
        format!(r#"Node(format: 1, {tail}"#),
        format!(r#"Dataset(format: 1 {tail}"#),
        format!(r#"Dataset(format: 01, {tail}"#),
        format!(r#"Dataset(format: 1, {tail}"#)
            .replace(r#"title: "t""#, r#"title: {"fr": "a", "fr": "b"}"#),
        format!(r#"Dataset(format: 1, {tail}"#).replace(r#"name: "b""#, r#"name: "b", name: "c""#),
        format!(r#"Dataset(format: 1, {tail}"#).replace(r#"name: "b""#, r#"nom: "b""#),
        format!(r#"Dataset(format: 1, {tail} /* unclosed"#),
    ];
    for src in &cases {
        assert!(!agrees(src), "the fast reader should leave this to ron:\n{src}");
    }
    // Nesting: the fast reader stops well before ron's recursion limit.
    let deep = |levels: usize| {
        format!(
            r#"Dataset(format: 1, languages: ["fr"], title: "t", source: (note: "n", as_of: "a"), nodes: [{}{}])"#,
            r#"(id: "a", name: "b", children: ["#.repeat(levels),
            "])".repeat(levels)
        )
    };
    assert!(agrees(&deep(20)));
    assert!(!agrees(&deep(22)));
    assert!(!agrees(&deep(200)));
}

/// A small deterministic random number generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
}

#[test]
fn mutated_files_agree_with_ron() {
    let bases: Vec<String> = [
        FULL.to_owned(),
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal.ron"),
        )
        .expect("minimal fixture"),
        ccbnet::synth::dataset(6, 9),
    ]
    .into();
    // Pieces of RON syntax and characters that change its meaning.
    let pieces = [
        "\"",
        "\\",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ":",
        ",",
        "/",
        "*",
        "//",
        "/*",
        "*/",
        " ",
        "\n",
        "\r",
        "\t",
        "r",
        "#",
        "r#",
        "b",
        "'",
        "0",
        "1",
        "-",
        "+",
        ".",
        "_",
        "é",
        "\u{a0}",
        "\u{2028}",
        "\u{feff}",
        "Some(",
        "None",
        "Node",
        "id",
        "name",
        "kind",
        "Level",
        "role",
        "\\u{e9}",
        "\\u{",
        "\\u{110000}",
        "\\u{D800}",
        "\\u{1234567}",
        "\\x41",
        "\\n",
        "inf",
        "true",
        "()",
    ];
    let mut rng = Rng(0x5eed);
    let mut fast_count = 0;
    // `FAST_READER_ROUNDS=1000000 cargo test --release --test fast_reader` for a longer run.
    let rounds: usize =
        std::env::var("FAST_READER_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(4000);
    for round in 0..rounds {
        let mut chars: Vec<char> = bases[round % bases.len()].chars().collect();
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(chars.len() + 1);
            match rng.below(3) {
                0 if at < chars.len() => {
                    let len = 1 + rng.below(4).min(chars.len() - at - 1);
                    chars.drain(at..at + len);
                }
                1 if at < chars.len() => {
                    let piece = pieces[rng.below(pieces.len())];
                    chars.splice(at..at + 1, piece.chars());
                }
                _ => {
                    let piece = pieces[rng.below(pieces.len())];
                    chars.splice(at..at, piece.chars());
                }
            }
        }
        let src: String = chars.into_iter().collect();
        if agrees(&src) {
            fast_count += 1;
        }
    }
    eprintln!("{fast_count} of {rounds} mutated files read fast, the same as by ron");
    // Many mutations keep a valid file (in a comment, a string): the fast path must see some.
    assert!(fast_count > rounds / 20, "only {fast_count} mutated files read fast");
}

#[test]
fn files_read_fast_are_made_safe_all_the_same() {
    let dir = std::env::temp_dir().join(format!("ccbnet-fast-safe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let load = |name: &str, src: &str| {
        let path = dir.join(name);
        std::fs::write(&path, src).expect("write");
        assert!(fast::parse(src).is_some(), "{name} takes the fast path");
        let from_file = ccbnet::data::load_path(&path).expect("loads").catalog;
        let from_text = ccbnet::data::load_str("x", src).expect("loads").catalog;
        assert_eq!(format!("{:?}", from_file.nodes), format!("{:?}", from_text.nodes));
        from_file
    };
    let doc = |name: &str| {
        format!(
            r#"Dataset(format: 1, languages: ["fr"], title: "t", source: (note: "n", as_of: "a"), nodes: [(id: "a", name: {name})])"#
        )
    };
    let hostile = load("hostile.ron", &doc(r#""A\u{1b}[31m\tB\u{202e}""#));
    assert_eq!(hostile.pick(&hostile.nodes[0].name, "fr").text, "A\u{FFFD}[31m    B\u{FFFD}");
    let plain = load("plain.ron", &doc(r#""Réseau « A »""#));
    assert_eq!(plain.pick(&plain.nodes[0].name, "fr").text, "Réseau « A »");
    std::fs::remove_dir_all(&dir).ok();
}
