//! Finds where things stand in a RON source text, so that validation errors can name a line and
//! a column.
//!
//! serde gives the typed values but forgets where they came from; this module scans the same
//! text into a flat list of tokens (strings, identifiers, brackets), skipping comments, and
//! answers questions such as "where is the `id` of the record that holds the id `cyssap`" or
//! "where, inside that record's `related` field, is the string `qctr`".

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
        Some((start, end))
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

/// The line and column of byte offset `offset` in `src`.
#[must_use]
pub fn pos_of_offset(src: &[u8], offset: usize) -> Pos {
    let before = &src[..offset.min(src.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    Pos { line, col }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r##"Dataset( // a comment with id: "no"
    nodes: [
        Node(
            id: "a",
            name: "A",
            related: ["b", (id: "c", role: "r")],
            /* id: "b" in a comment */
            summary: {"fr": "x", "de": "y"},
        ),
        (id: "b", name: r#"raw "q""#, related: [(id: "a")]),
    ],
)"##;

    #[test]
    fn finds_records_fields_and_strings() {
        let loc = Locator::new(SRC);
        let a = loc.records_with_id("a");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].1, Pos { line: 4, col: 17 });
        let rec = a[0].0;
        assert_eq!(loc.start(rec), Pos { line: 3, col: 9 });
        assert_eq!(loc.field(rec, "summary"), Some(Pos { line: 8, col: 13 }));
        assert_eq!(loc.string_in_field(rec, "related", "b"), Some(Pos { line: 6, col: 23 }));
        assert_eq!(loc.key_in_field(rec, "summary", "de"), Some(Pos { line: 8, col: 34 }));
        // References (`(id: "c")`, `(id: "a")`) are not nodes.
        assert_eq!(loc.records_with_id("c").len(), 0);
        // Comments are skipped: "b" is the id of one record only.
        assert_eq!(loc.records_with_id("b").len(), 1);
        assert_eq!(loc.records_with_id("no").len(), 0);
    }

    #[test]
    fn offsets_to_positions() {
        let src = "ab\ncdé\nf".as_bytes();
        assert_eq!(pos_of_offset(src, 0), Pos { line: 1, col: 1 });
        assert_eq!(pos_of_offset(src, 3), Pos { line: 2, col: 1 });
        assert_eq!(pos_of_offset(src, 7), Pos { line: 2, col: 4 });
    }
}
