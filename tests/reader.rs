//! ccbnet's reader of data files against `ron`, the reference for what RON means: on every file
//! both accept they read the same data; a file `ron` refuses is refused; a file beyond the
//! documented format is refused with a message that names what it uses. Checked on the files
//! people write, on every piece of the syntax, and on thousands of randomly mutated files.

mod common;

use common::reference::{Verdict, compare};
use common::synth;

#[track_caller]
fn verdict(src: &str) -> Verdict {
    compare(src).unwrap_or_else(|e| panic!("ccbnet and ron disagree: {e}\n{src}"))
}

fn fixtures() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
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
fn the_files_people_write_read_as_ron_reads_them() {
    assert_eq!(verdict(ccbnet::data::load::EMBEDDED), Verdict::Same, "the shipped data set");
    for n in [1, 10, 500] {
        for seed in [1, 2, 3] {
            assert_eq!(verdict(&synth::dataset(n, seed)), Verdict::Same, "generated {n} / {seed}");
        }
    }
    for (name, text) in fixtures() {
        let v = verdict(&text);
        if name.contains("/valid/") || name.contains("/warnings/") {
            assert_eq!(v, Verdict::Same, "{name}");
        } else {
            assert!(!matches!(v, Verdict::BeyondTheFormat(_)), "{name}: {v:?}");
        }
    }
}

#[test]
fn a_hundred_thousand_generated_entries_stay_under_the_file_limit() {
    // The size grows linearly: a tenth of the entries, with 3% to spare.
    let tenth = synth::dataset(10_000, 7).len() as u64;
    assert!(tenth * 10 < ccbnet::data::load::MAX_FILE_BYTES / 100 * 97, "{tenth} bytes");
    assert_eq!(synth::dataset(100, 1), synth::dataset(100, 1), "deterministic");
}

/// Every piece of syntax of the data format, in one file.
const FULL: &str = r#"// a line comment
/* a block /* nested */ comment */
Dataset(
    format: 1,
    languages: ["fr", "nl",],
    title: {"fr": "Titre \"cité\" \\ \n\t\r\0 \'x\' \u{e9}\u{1F600}", "nl": "Titel"},
    source: Source(note: "n", as_of: {"fr": "a", "nl": "b"}, url: "https://example.org", title: "T", consulted: "2024-11-05",),
    organisations: [
        Organisation(id: "a", name: "A", acronym: {"fr": "AF", "nl": "AN"}, part_of: "b", summary: "s", source: [(title: "o", url: "https://o.example")]),
        (id: "b", name: "B", unverified: false),
    ],
    nodes: [
        Node /* between */ (
            id: "top", kind: Level, name: "Top", short: "T.", acronym: "T", summary: "S",
            legal_basis: (text: "l", source: [(title: {"fr": "lf", "nl": "ln"}, consulted: "2024")]),
            participants: "p", coordination: "c", frequency: "f", ccb_role: {"fr": "r", "nl": "r"},
            since: (source: [], text: {"fr": "s", "nl": "s"},), source: [(title: "e",), (url: "u", title: "e2")],
            related: ["x", (id: "y"), (id: "z", role: {"fr": "rôle", "nl": "rol"}, back: "b"),],
            organisations: [(role: "r", id: "a")],
            children: [
                (id: "x", name: "X", kind: Network, unverified: true),
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
fn every_piece_of_the_syntax_reads_as_ron_reads_it() {
    assert_eq!(verdict(FULL), Verdict::Same);
    assert_eq!(verdict(&FULL.replace('\n', "\r\n")), Verdict::Same);
    assert_eq!(verdict(&FULL.replace(' ', "")), Verdict::Same, "no spaces at all");
    let enabled = format!("#![enable(implicit_some)]\n#![enable(unwrap_newtypes)]\n{FULL}");
    assert_eq!(verdict(&enabled), Verdict::Same, "extensions that change nothing here");
}

#[test]
fn what_is_beyond_the_format_is_named_and_what_ron_refuses_is_refused() {
    let tail = r#"languages: ["fr"], title: "t", source: (note: "n", as_of: "a"), nodes: [(id: "a", name: "b")])"#;
    let base = format!("Dataset(format: 1, {tail}");
    for (src, named) in [
        (base.replace(r#"title: "t""#, r#"title: r"t""#), "raw strings"),
        (base.replace(r#"(id: "a", "#, r#"(id: "a", kind: Some(Level), "#), "`Some(...)`"),
        (base.replace(r#"name: "b""#, r#"name: "\x41""#), "escape"),
        (base.replace("format: 1", "format: 0x1"), "whole number"),
    ] {
        match verdict(&src) {
            Verdict::BeyondTheFormat(message) => {
                assert!(message.contains(named), "{message} should name {named}")
            }
            other => panic!("{other:?} for\n{src}"),
        }
    }
    let named = ccbnet::data::load_str("x", &format!("#![enable(explicit_struct_names)] {base}"));
    assert!(named.expect_err("refused")[0].message.contains("`explicit_struct_names`"));
    for src in [
        format!("Dataset(format: 1, format: 1, {tail}"),
        format!("Dataset(format: 1, colour: 1, {tail}"),
        format!("Dataset({tail}"),
        format!("Dataset(format: 1, {tail} trailing"),
        format!("Node(format: 1, {tail}"),
        format!("Dataset(format: 1 {tail}"),
        base.replace(r#"title: "t""#, r#"title: {"fr": "a", "fr": "b"}"#),
        base.replace(r#"name: "b""#, r#"name: "b", name: "c""#),
        base.replace(r#"name: "b""#, r#"nom: "b""#),
        format!("{base} /* unclosed"),
        base.replace(r#""t""#, r#""t"#),
    ] {
        assert_eq!(verdict(&src), Verdict::BothRefuse, "{src}");
    }
}

#[test]
fn the_nesting_limit_is_the_documented_one_counted_as_documented() {
    let max = ccbnet::data::read::MAX_NESTING;
    assert_eq!(max, 128);
    // Dataset( nodes[ = 2, each entry with children 2, the last entry ( and its name { = 2.
    let depth_of = |entries: usize| 2 + 2 * entries + 2;
    let entries = (max - 4) / 2;
    assert_eq!(depth_of(entries), max);
    let build = |entries: usize| {
        let mut s = String::from(
            r#"Dataset(format: 1, languages: ["fr"], title: "t", source: (note: "n", as_of: "a"), nodes: ["#,
        );
        for k in 0..entries {
            s.push_str(&format!(r#"(id: "n{k}", name: "n", children: ["#));
        }
        s.push_str(r#"(id: "last", name: {"fr": "x"})"#);
        s.push_str(&"])".repeat(entries));
        s.push_str("])");
        s
    };
    assert_eq!(verdict(&build(entries)), Verdict::Same, "{max} levels load");
    let deeper =
        build(entries).replacen(r#"name: {"fr": "x"}"#, r#"name: {"fr": "x"}, summary: "s""#, 1);
    assert!(ccbnet::data::load_str("x", &deeper).is_ok());
    let too_deep = build(entries + 1);
    let diags = ccbnet::data::load_str("x", &too_deep).expect_err("refused");
    assert!(diags[0].message.contains("nested more than 128 levels"), "{}", diags[0]);
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
fn mutated_files_read_as_ron_reads_them() {
    let bases: Vec<String> = [
        FULL.to_owned(),
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/valid/minimal.ron"),
        )
        .expect("minimal fixture"),
        synth::dataset(6, 9),
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
        "back",
        "short",
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
        "#![enable(implicit_some)]",
    ];
    let mut rng = Rng(0x5eed);
    let mut same = 0;
    // `READER_ROUNDS=1000000 cargo test --release --test reader` for a longer run.
    let rounds: usize =
        std::env::var("READER_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(4000);
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
        if verdict(&src) == Verdict::Same {
            same += 1;
        }
    }
    eprintln!("{same} of {rounds} mutated files loaded, the same as ron reads them");
    assert!(same > rounds / 20, "only {same} mutated files loaded");
}

#[test]
fn texts_are_made_safe_as_they_are_read() {
    let doc = |name: &str| {
        format!(
            r#"Dataset(format: 1, languages: ["fr"], title: "t", source: (note: "n", as_of: "a"), nodes: [(id: "a", name: {name})])"#
        )
    };
    let hostile =
        ccbnet::data::load_str("x", &doc(r#""A\u{1b}[31m\tB\u{202e}""#)).expect("loads").catalog;
    assert_eq!(hostile.pick(&hostile.nodes[0].name, "fr").text, "A\u{FFFD}[31m B\u{FFFD}");
    let plain = ccbnet::data::load_str("x", &doc(r#""Réseau « A »""#)).expect("loads").catalog;
    assert_eq!(plain.pick(&plain.nodes[0].name, "fr").text, "Réseau « A »");
}
