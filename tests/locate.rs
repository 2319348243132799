//! The locator (`ccbnet::data::locate`), which places problems at a line and column, against
//! the first implementation it replaced (kept below as `oracle`: every token of the file in a
//! list, simple and slow): the same records, fields, strings and keys at the same positions, on
//! the fixtures, the shipped data, generated data and randomly mutated files.

use ccbnet::data::locate::{Locator, Pos};

/// The first locator, as it was, lightly trimmed.
#[allow(dead_code, clippy::all, clippy::pedantic)]
mod oracle {
    use std::collections::HashMap;

    /// A line and a column, both counted from 1; columns count characters.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
    pub struct Pos {
        /// Line, from 1.
        pub line: usize,
        /// Column in characters, from 1.
        pub col: usize,
    }

    #[derive(Debug, Clone, PartialEq, Eq)]
    enum Tok {
        /// An identifier or a bare word (`id`, `Node`, `true`, a number).
        Word(String),
        /// A string literal, unescaped.
        Str(String),
        Open(char),
        Close(char),
        Colon,
        Comma,
    }

    #[derive(Debug, Clone)]
    struct Token {
        tok: Tok,
        pos: Pos,
        /// How many brackets are open before this token (an opening bracket counts itself out).
        depth: usize,
    }

    /// A record (a parenthesised struct) in the source, as token indices of its brackets.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Record {
        open: usize,
        close: usize,
    }

    /// The tokens of one source text, indexed once: brackets matched, fields listed per record,
    /// records listed by the value of their `id`.
    #[derive(Debug, Clone, Default)]
    pub struct Locator {
        tokens: Vec<Token>,
        /// For each opening bracket, the index of its closing one (or of the last token).
        close_of: HashMap<usize, usize>,
        /// For each record's opening bracket, its field names as token indices, in order.
        fields: HashMap<usize, Vec<usize>>,
        /// Records by the value of their `id` field, in file order, with the id string's position.
        ids: HashMap<String, Vec<(Record, Pos)>>,
    }

    impl Locator {
        /// Scans `src`. Never fails: text it cannot read as a token is skipped.
        #[must_use]
        pub fn new(src: &str) -> Self {
            let tokens = tokenize(src);
            let mut close_of = HashMap::new();
            let mut fields: HashMap<usize, Vec<usize>> = HashMap::new();
            let mut stack: Vec<usize> = Vec::new();
            for (i, t) in tokens.iter().enumerate() {
                match t.tok {
                    Tok::Open(_) => stack.push(i),
                    Tok::Close(_) => {
                        if let Some(open) = stack.pop() {
                            close_of.insert(open, i);
                        }
                    }
                    Tok::Word(_) if tokens.get(i + 1).is_some_and(|n| n.tok == Tok::Colon) => {
                        if let Some(&open) = stack.last()
                            && tokens[open].tok == Tok::Open('(')
                        {
                            fields.entry(open).or_default().push(i);
                        }
                    }
                    _ => {}
                }
            }
            let last = tokens.len().saturating_sub(1);
            for open in stack {
                close_of.insert(open, last);
            }
            let mut loc = Locator { tokens, close_of, fields, ids: HashMap::new() };
            let mut ids: HashMap<String, Vec<(Record, Pos)>> = HashMap::new();
            let mut opens: Vec<&usize> = loc.fields.keys().collect();
            opens.sort_unstable();
            for &open in opens {
                let rec = Record { open, close: loc.close_of[&open] };
                // Nodes and organisations have a name; references (`(id: .., role: ..)`) do not.
                if let Some(i) = loc.field_index(rec, "id")
                    && loc.field_index(rec, "name").is_some()
                    && let Some(Token { tok: Tok::Str(s), pos, .. }) = loc.tokens.get(i + 2)
                {
                    ids.entry(s.clone()).or_default().push((rec, *pos));
                }
            }
            loc.ids = ids;
            loc
        }

        /// Every record that has `id: "<value>"` and a `name` directly inside it (a node or an
        /// organisation, not a reference), in the order of the file, with the id string's position.
        #[must_use]
        pub fn records_with_id(&self, value: &str) -> &[(Record, Pos)] {
            self.ids.get(value).map_or(&[], Vec::as_slice)
        }

        /// The record that starts the file (the `Dataset(...)`), if any.
        #[must_use]
        pub fn top(&self) -> Option<Record> {
            let open = self.tokens.iter().position(|t| t.tok == Tok::Open('('))?;
            Some(Record { open, close: self.close_of[&open] })
        }

        /// Where the name of `field` stands directly inside `rec`.
        #[must_use]
        pub fn field(&self, rec: Record, field: &str) -> Option<Pos> {
            self.field_index(rec, field).map(|i| self.tokens[i].pos)
        }

        /// The record that is the value of `field` inside `rec` (`source: (...)`).
        #[must_use]
        pub fn sub_record(&self, rec: Record, field: &str) -> Option<Record> {
            let i = self.field_index(rec, field)?;
            let mut j = i + 2;
            // Skip an optional struct name before the bracket.
            if matches!(self.tokens.get(j), Some(Token { tok: Tok::Word(_), .. })) {
                j += 1;
            }
            match self.tokens.get(j) {
                Some(Token { tok: Tok::Open('('), .. }) => {
                    Some(Record { open: j, close: self.close_of[&j] })
                }
                _ => None,
            }
        }

        /// Where the string `value` first stands inside the value of `field` in `rec`, at any depth.
        #[must_use]
        pub fn string_in_field(&self, rec: Record, field: &str, value: &str) -> Option<Pos> {
            let (start, end) = self.value_range(rec, field)?;
            self.tokens[start..end]
                .iter()
                .find(|t| matches!(&t.tok, Tok::Str(s) if s == value))
                .map(|t| t.pos)
        }

        /// Where the map key `key` stands inside the value of `field` in `rec`: used to point at a
        /// language code inside a text.
        #[must_use]
        pub fn key_in_field(&self, rec: Record, field: &str, key: &str) -> Option<Pos> {
            let (start, end) = self.value_range(rec, field)?;
            self.tokens[start..end]
                .windows(2)
                .find(|w| matches!(&w[0].tok, Tok::Str(s) if s == key) && w[1].tok == Tok::Colon)
                .map(|w| w[0].pos)
        }

        /// Where `rec` starts (its struct name, or its bracket).
        #[must_use]
        pub fn start(&self, rec: Record) -> Pos {
            match rec.open.checked_sub(1).and_then(|i| self.tokens.get(i)) {
                Some(Token { tok: Tok::Word(_), pos, .. }) => *pos,
                _ => self.tokens[rec.open].pos,
            }
        }

        fn field_index(&self, rec: Record, field: &str) -> Option<usize> {
            self.fields
                .get(&rec.open)?
                .iter()
                .copied()
                .find(|&i| matches!(&self.tokens[i].tok, Tok::Word(w) if w == field))
        }

        /// Token range of the value of `field` in `rec`: from after the colon to the next comma or
        /// closing bracket at the record's inner depth.
        fn value_range(&self, rec: Record, field: &str) -> Option<(usize, usize)> {
            let i = self.field_index(rec, field)?;
            let inner = self.tokens[rec.open].depth + 1;
            let start = i + 2;
            let end = (start..rec.close)
                .find(|&j| {
                    let t = &self.tokens[j];
                    t.depth == inner && t.tok == Tok::Comma
                })
                .unwrap_or(rec.close);
            // Trimmed: on a broken file (never located: it does not parse), `start` could pass
            // `end`.
            Some((start.min(end), end))
        }
    }

    fn tokenize(src: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut chars = src.char_indices().peekable();
        let (mut line, mut col) = (1usize, 1usize);
        let mut depth = 0usize;
        // Advance one character, keeping line and column.
        macro_rules! bump {
            () => {{
                let c = chars.next();
                if let Some((_, ch)) = c {
                    if ch == '\n' {
                        line += 1;
                        col = 1;
                    } else {
                        col += 1;
                    }
                }
                c
            }};
        }
        while let Some(&(_, c)) = chars.peek() {
            let pos = Pos { line, col };
            match c {
                '/' => {
                    bump!();
                    match chars.peek().map(|&(_, c)| c) {
                        Some('/') => {
                            while let Some(&(_, c)) = chars.peek() {
                                if c == '\n' {
                                    break;
                                }
                                bump!();
                            }
                        }
                        Some('*') => {
                            bump!();
                            let mut nest = 1usize;
                            let mut prev = '\0';
                            while let Some((_, c)) = bump!() {
                                if prev == '/' && c == '*' {
                                    nest += 1;
                                    prev = '\0';
                                    continue;
                                }
                                if prev == '*' && c == '/' {
                                    nest -= 1;
                                    if nest == 0 {
                                        break;
                                    }
                                    prev = '\0';
                                    continue;
                                }
                                prev = c;
                            }
                        }
                        _ => {}
                    }
                }
                '"' => {
                    bump!();
                    let mut s = String::new();
                    while let Some((_, c)) = bump!() {
                        match c {
                            '"' => break,
                            '\\' => match bump!().map(|(_, c)| c) {
                                Some('n') => s.push('\n'),
                                Some('t') => s.push('\t'),
                                Some('r') => s.push('\r'),
                                Some('0') => s.push('\0'),
                                Some('u') => {
                                    let mut hex = String::new();
                                    if chars.peek().map(|&(_, c)| c) == Some('{') {
                                        bump!();
                                        while let Some((_, c)) = bump!() {
                                            if c == '}' {
                                                break;
                                            }
                                            hex.push(c);
                                        }
                                    } else {
                                        for _ in 0..4 {
                                            if let Some((_, c)) = bump!() {
                                                hex.push(c);
                                            }
                                        }
                                    }
                                    if let Some(ch) =
                                        u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                                    {
                                        s.push(ch);
                                    }
                                }
                                Some(other) => s.push(other),
                                None => break,
                            },
                            _ => s.push(c),
                        }
                    }
                    out.push(Token { tok: Tok::Str(s), pos, depth });
                }
                'r' if raw_string_ahead(src, chars.peek().map_or(0, |&(i, _)| i)) => {
                    bump!();
                    let mut hashes = 0usize;
                    while chars.peek().map(|&(_, c)| c) == Some('#') {
                        hashes += 1;
                        bump!();
                    }
                    bump!(); // the opening quote
                    let mut s = String::new();
                    'raw: while let Some((_, c)) = bump!() {
                        if c == '"' {
                            let mut n = 0;
                            while n < hashes && chars.peek().map(|&(_, c)| c) == Some('#') {
                                bump!();
                                n += 1;
                            }
                            if n == hashes {
                                break 'raw;
                            }
                            s.push('"');
                            s.extend(std::iter::repeat_n('#', n));
                        } else {
                            s.push(c);
                        }
                    }
                    out.push(Token { tok: Tok::Str(s), pos, depth });
                }
                '(' | '[' | '{' => {
                    bump!();
                    out.push(Token { tok: Tok::Open(c), pos, depth });
                    depth += 1;
                }
                ')' | ']' | '}' => {
                    bump!();
                    depth = depth.saturating_sub(1);
                    out.push(Token { tok: Tok::Close(c), pos, depth });
                }
                ':' => {
                    bump!();
                    out.push(Token { tok: Tok::Colon, pos, depth });
                }
                ',' => {
                    bump!();
                    out.push(Token { tok: Tok::Comma, pos, depth });
                }
                '\'' => {
                    // A char literal: skip it whole.
                    bump!();
                    if chars.peek().map(|&(_, c)| c) == Some('\\') {
                        bump!();
                    }
                    bump!();
                    bump!();
                }
                c if c.is_alphanumeric() || c == '_' || c == '-' || c == '+' || c == '.' => {
                    let mut w = String::new();
                    while let Some(&(_, c)) = chars.peek() {
                        if c.is_alphanumeric() || c == '_' || c == '-' || c == '+' || c == '.' {
                            w.push(c);
                            bump!();
                        } else {
                            break;
                        }
                    }
                    out.push(Token { tok: Tok::Word(w), pos, depth });
                }
                _ => {
                    bump!();
                }
            }
        }
        out
    }

    /// Whether a raw string (`r"`, `r#"`) starts at byte `i` of `src`.
    fn raw_string_ahead(src: &str, i: usize) -> bool {
        let rest = &src.as_bytes()[i..];
        let mut j = 1;
        while rest.get(j) == Some(&b'#') {
            j += 1;
        }
        rest.first() == Some(&b'r') && rest.get(j) == Some(&b'"')
    }
}

fn same(p: Option<oracle::Pos>, q: Option<Pos>) -> bool {
    p.map(|p| (p.line, p.col)) == q.map(|q| (q.line, q.col))
}

/// Every question validation asks, of both locators, on `src`.
#[track_caller]
fn agree(src: &str) {
    let old = oracle::Locator::new(src);
    let new = Locator::new(src);
    let (ot, nt) = (old.top(), new.top());
    assert_eq!(ot.is_some(), nt.is_some());
    let fields = [
        "format",
        "languages",
        "title",
        "source",
        "organisations",
        "nodes",
        "id",
        "name",
        "kind",
        "acronym",
        "summary",
        "participants",
        "coordination",
        "frequency",
        "ccb_role",
        "legal_basis",
        "related",
        "children",
        "part_of",
        "note",
        "as_of",
        "role",
        "nope",
    ];
    let strings = ["fr", "nl", "de", "a", "b", "enisa", "org-1", "n-3", "x", ""];
    let mut recs = Vec::new();
    if let (Some(o), Some(n)) = (ot, nt) {
        recs.push((o, n));
        if let (Some(os), Some(ns)) = (old.sub_record(o, "source"), new.sub_record(n, "source")) {
            recs.push((os, ns));
        } else {
            assert_eq!(
                old.sub_record(o, "source").is_some(),
                new.sub_record(n, "source").is_some()
            );
        }
    }
    // Every id string of the file, as validation would look it up.
    let ids: std::collections::BTreeSet<&str> = src
        .match_indices("id: \"")
        .filter_map(|(i, m)| src[i + m.len()..].split('"').next())
        .collect();
    for id in ids.iter().copied().chain(["no-such-id"]) {
        let (o, n) = (old.records_with_id(id), new.records_with_id(id));
        assert_eq!(o.len(), n.len(), "records with id {id:?}");
        for (k, ((or, op), (nr, np))) in o.iter().zip(&n).enumerate() {
            assert_eq!((op.line, op.col), (np.line, np.col), "id {id:?}");
            assert_eq!(new.record_with_id(id, k).map(|r| r.1), Some(*np));
            recs.push((*or, *nr));
        }
        assert_eq!(new.record_with_id(id, o.len()), None);
    }
    for (o, n) in recs {
        let (os, ns) = (old.start(o), new.start(n));
        assert_eq!((os.line, os.col), (ns.line, ns.col), "start");
        for f in fields {
            assert!(same(old.field(o, f), new.field(n, f)), "field {f}");
            for s in strings.iter().copied().chain(ids.iter().copied().take(12)) {
                assert!(
                    same(old.string_in_field(o, f, s), new.string_in_field(n, f, s)),
                    "{f} {s}"
                );
                assert!(same(old.key_in_field(o, f, s), new.key_in_field(n, f, s)), "{f} {s}");
            }
        }
    }
}

#[test]
fn the_locator_agrees_with_the_first_one_on_real_files() {
    agree(ccbnet::data::load::EMBEDDED);
    agree(&ccbnet::synth::dataset(60, 3));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for dir in ["valid", "invalid", "warnings"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.file_name().is_some_and(|n| n == "nesting-bomb.ron") {
                continue;
            }
            if let Ok(text) = std::fs::read_to_string(&path) {
                agree(&text);
            }
        }
    }
}

#[test]
fn the_locator_agrees_on_odd_syntax() {
    agree(
        r##"Dataset( // id: "no"
    /* id: "b" /* nested */ still a comment */ nodes: [
        Node(id: "a", name: r#"raw "q" "#, related: ["b", (id: "c", role: {"fr": "x"})]),
        (id: "b", name: "é\"\\\u{e9}", summary: {"fr": "x", "de": 'c', "nl": '\''},),
        (name: "n", id: "c"), (id: "d", nom: "x"), (id: x, name: "y"), (id: "a", name: "dup"),
    ],
    source: Source (note: "n", as_of: "a"),
)"##,
    );
    agree("(id: \"unclosed\", name: \"x\", children: [(");
    agree("");
    agree("\"just a string");
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

/// Whether `ron` reads `src` as a data set: the locator only ever runs on such files.
fn parses(src: &str) -> bool {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<ccbnet::data::schema::Dataset>(src)
        .is_ok()
}

#[test]
fn the_locator_agrees_on_mutated_files() {
    let base = ccbnet::synth::dataset(8, 4);
    // Pieces that look like syntax, put inside strings and comments (where they are text) or
    // between values (where they are syntax, and often break the file).
    let pieces = [
        "\"",
        "\\\"",
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
        "\n",
        "r#\"",
        "\"#",
        "'",
        "é",
        "id: \"n-1\", ",
        "name",
        "id",
        "/* id: \"n-2\" */",
        "// x\n",
        "\\u{e9}",
    ];
    let mut rng = Rng(7);
    let mut compared = 0;
    for _ in 0..600 {
        let mut chars: Vec<char> = base.chars().collect();
        for _ in 0..1 + rng.below(2) {
            let at = rng.below(chars.len());
            let piece = pieces[rng.below(pieces.len())];
            chars.splice(at..at, piece.chars());
        }
        let src: String = chars.into_iter().collect();
        if !parses(&src) {
            continue;
        }
        compared += 1;
        if std::panic::catch_unwind(|| agree(&src)).is_err() {
            panic!("the locators disagree on:\n{src}");
        }
    }
    eprintln!("{compared} mutated files compared");
    assert!(compared > 100, "only {compared} mutated files parse");
}
