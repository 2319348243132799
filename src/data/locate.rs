//! Finds where things stand in a RON source text, so that validation errors can name a line and
//! a column.
//!
//! serde gives the typed values but forgets where they came from; this module scans the same
//! text (strings, identifiers, brackets, comments skipped) and answers questions such as "where
//! is the `id` of the record that holds the id `cyssap`" or "where, inside that record's
//! `related` field, is the string `qctr`".
//!
//! It is only built when a file has problems to report, and kept small: one pass over the text
//! records each parenthesised record (its brackets and the offsets of its field names) and the
//! records that carry an `id` and a `name`; values are read again from the text when asked for,
//! and lines and columns are worked out from byte offsets only for the positions reported.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::hash_map::Entry as MapEntry;
use std::hash::BuildHasherDefault;

use memchr::{memchr, memchr_iter, memchr2};

use super::model::FastMap;

/// A line and a column, both counted from 1; columns count characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An identifier or a bare word (`id`, `Node`, `true`, a number).
    Word,
    /// A string literal (raw or not).
    Str,
    Open(u8),
    Close(u8),
    Colon,
    Comma,
}

/// One token: its kind and its bytes in the source (quotes included for a string).
#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
}

/// A record (a parenthesised struct) in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record(usize);

/// What the scan keeps of one record.
#[derive(Debug, Clone, Copy)]
struct RecInfo {
    /// Byte offset of the struct name before the bracket, else of the bracket.
    start: usize,
    /// Byte offset of the opening bracket.
    open: usize,
    /// Its field names, as a range of [`Locator::fields`].
    fields: (usize, usize),
}

/// A source text, scanned once: its records and their fields, the records that have an `id`
/// and a `name`, and where its lines start.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    src: &'a str,
    /// Every record, in the order of their opening brackets.
    records: Vec<RecInfo>,
    /// Byte offsets of field names, grouped by record.
    fields: Vec<usize>,
    /// Records with an `id` string and a `name`, in file order, with the byte offset of the
    /// id string, and the next record with the same id (`u32::MAX`: none).
    ids: Vec<(Record, usize, u32)>,
    /// For each id, its first record in `ids` and its last.
    first_of: FastMap<Cow<'a, str>, (u32, u32)>,
    /// Byte offsets of the line feeds.
    newlines: Vec<usize>,
    /// Characters before each block of [`BLOCK`] bytes, made when a long line needs it.
    char_blocks: OnceCell<Vec<usize>>,
}

/// The block size of the character counts that columns on long lines are worked out from.
const BLOCK: usize = 4096;

/// A bracket open during the scan.
struct Frame {
    bracket: u8,
    /// The record, for a `(`.
    rec: Option<usize>,
    /// Where its field names start in the pending list.
    base: usize,
    /// Whether its first `id` field has been seen, and the string after it.
    id_seen: bool,
    id: Option<Tok>,
    has_name: bool,
}

impl<'a> Locator<'a> {
    /// Scans `src`. Never fails: text it cannot read as a token is skipped.
    #[must_use]
    pub fn new(src: &'a str) -> Self {
        let mut records: Vec<RecInfo> = Vec::new();
        let mut fields: Vec<usize> = Vec::new();
        let mut pending: Vec<usize> = Vec::new();
        let mut frames: Vec<Frame> = Vec::new();
        let mut found: Vec<(Tok, usize)> = Vec::new();
        let mut prev: Option<Tok> = None;
        // The frame whose first `id` field has just been seen: the next token is its value.
        let mut id_for: Option<usize> = None;
        let finish = |f: Frame,
                      records: &mut Vec<RecInfo>,
                      fields: &mut Vec<usize>,
                      pending: &mut Vec<usize>,
                      found: &mut Vec<(Tok, usize)>| {
            if let Some(r) = f.rec {
                let from = fields.len();
                fields.extend(pending.drain(f.base..));
                records[r].fields = (from, fields.len());
                if f.has_name
                    && let Some(id) = f.id
                {
                    found.push((id, r));
                }
            } else {
                pending.truncate(f.base);
            }
        };
        for tok in Scanner::new(src, 0) {
            if let Some(fi) = id_for.take()
                && tok.kind == Kind::Str
            {
                frames[fi].id = Some(tok);
            }
            match tok.kind {
                Kind::Open(b) => {
                    let rec = (b == b'(').then(|| {
                        let start = match prev {
                            Some(p) if p.kind == Kind::Word => p.start,
                            _ => tok.start,
                        };
                        records.push(RecInfo { start, open: tok.start, fields: (0, 0) });
                        records.len() - 1
                    });
                    frames.push(Frame {
                        bracket: b,
                        rec,
                        base: pending.len(),
                        id_seen: false,
                        id: None,
                        has_name: false,
                    });
                }
                Kind::Close(_) => {
                    if let Some(f) = frames.pop() {
                        finish(f, &mut records, &mut fields, &mut pending, &mut found);
                    }
                }
                Kind::Colon => {
                    let innermost = frames.len().wrapping_sub(1);
                    if let Some(p) = prev
                        && p.kind == Kind::Word
                        && let Some(f) = frames.last_mut()
                        && f.bracket == b'('
                    {
                        pending.push(p.start);
                        let word = &src[p.start..p.end];
                        if word == "id" && !f.id_seen {
                            f.id_seen = true;
                            id_for = Some(innermost);
                        }
                        if word == "name" {
                            f.has_name = true;
                        }
                    }
                }
                _ => {}
            }
            prev = Some(tok);
        }
        while let Some(f) = frames.pop() {
            finish(f, &mut records, &mut fields, &mut pending, &mut found);
        }
        // In file order (of the opening brackets), each id chained to its next record.
        found.sort_unstable_by_key(|&(_, r)| r);
        let mut ids: Vec<(Record, usize, u32)> = Vec::with_capacity(found.len());
        let mut first_of: FastMap<Cow<'a, str>, (u32, u32)> =
            FastMap::with_capacity_and_hasher(found.len(), BuildHasherDefault::default());
        for (t, r) in found {
            let at = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            ids.push((Record(r), t.start, u32::MAX));
            match first_of.entry(string_value(src, t)) {
                MapEntry::Vacant(e) => {
                    e.insert((at, at));
                }
                MapEntry::Occupied(mut e) => {
                    let (_, last) = e.get_mut();
                    ids[*last as usize].2 = at;
                    *last = at;
                }
            }
        }
        let newlines = memchr_iter(b'\n', src.as_bytes()).collect();
        Locator { src, records, fields, ids, first_of, newlines, char_blocks: OnceCell::new() }
    }

    /// Every record that has `id: "<value>"` and a `name` directly inside it (a node or an
    /// organisation, not a reference), in the order of the file, with the id string's position.
    #[must_use]
    pub fn records_with_id(&self, value: &str) -> Vec<(Record, Pos)> {
        self.chain(value).map(|(r, at)| (r, self.pos(at))).collect()
    }

    /// The `k`-th record (from 0, in file order) that has `id: "<value>"` and a `name`, with the
    /// id string's position.
    #[must_use]
    pub fn record_with_id(&self, value: &str, k: usize) -> Option<(Record, Pos)> {
        self.chain(value).nth(k).map(|(r, at)| (r, self.pos(at)))
    }

    /// The same record as [`Locator::record_with_id`], without working out its position.
    #[must_use]
    pub fn id_record(&self, value: &str, k: usize) -> Option<Record> {
        self.chain(value).nth(k).map(|(r, _)| r)
    }

    /// The records with id `value`, in file order, with the id string's byte offset.
    fn chain(&self, value: &str) -> impl Iterator<Item = (Record, usize)> + '_ {
        let mut at = self.first_of.get(value).map_or(u32::MAX, |&(first, _)| first);
        std::iter::from_fn(move || {
            let &(r, offset, next) = self.ids.get(at as usize)?;
            at = next;
            Some((r, offset))
        })
    }

    /// The record that starts the file (the `Dataset(...)`), if any.
    #[must_use]
    pub fn top(&self) -> Option<Record> {
        (!self.records.is_empty()).then_some(Record(0))
    }

    /// Where the name of `field` stands directly inside `rec`.
    #[must_use]
    pub fn field(&self, rec: Record, field: &str) -> Option<Pos> {
        self.field_at(rec, field).map(|at| self.pos(at))
    }

    /// The record that is the value of `field` inside `rec` (`source: (...)`).
    #[must_use]
    pub fn sub_record(&self, rec: Record, field: &str) -> Option<Record> {
        let at = self.field_at(rec, field)?;
        let mut toks = Scanner::new(self.src, at).skip(2);
        let mut t = toks.next()?;
        // Skip an optional struct name before the bracket.
        if t.kind == Kind::Word {
            t = toks.next()?;
        }
        if t.kind != Kind::Open(b'(') {
            return None;
        }
        self.records.binary_search_by_key(&t.start, |r| r.open).ok().map(Record)
    }

    /// Where the string `value` first stands inside the value of `field` in `rec`, at any depth.
    #[must_use]
    pub fn string_in_field(&self, rec: Record, field: &str, value: &str) -> Option<Pos> {
        self.value_tokens(rec, field)?
            .find(|t| t.kind == Kind::Str && string_value(self.src, *t) == value)
            .map(|t| self.pos(t.start))
    }

    /// Where the map key `key` stands inside the value of `field` in `rec`: used to point at a
    /// language code inside a text.
    #[must_use]
    pub fn key_in_field(&self, rec: Record, field: &str, key: &str) -> Option<Pos> {
        let mut prev: Option<Tok> = None;
        for t in self.value_tokens(rec, field)? {
            if t.kind == Kind::Colon
                && let Some(p) = prev
                && p.kind == Kind::Str
                && string_value(self.src, p) == key
            {
                return Some(self.pos(p.start));
            }
            prev = Some(t);
        }
        None
    }

    /// Where `rec` starts (its struct name, or its bracket).
    #[must_use]
    pub fn start(&self, rec: Record) -> Pos {
        self.pos(self.records[rec.0].start)
    }

    /// The byte offset of the first field named `field` directly inside `rec`.
    fn field_at(&self, rec: Record, field: &str) -> Option<usize> {
        let (from, to) = self.records.get(rec.0)?.fields;
        self.fields[from..to].iter().copied().find(|&at| {
            let rest = &self.src.as_bytes()[at..];
            rest.starts_with(field.as_bytes())
                && !word_at(self.src, at + field.len()).is_some_and(|(is_word, _)| is_word)
        })
    }

    /// The tokens of the value of `field` in `rec`: from after the colon to the next comma
    /// directly inside the record, or to the record's closing bracket.
    fn value_tokens(&self, rec: Record, field: &str) -> Option<impl Iterator<Item = Tok> + '_> {
        let at = self.field_at(rec, field)?;
        let mut depth = 0usize;
        Some(Scanner::new(self.src, at).skip(2).map_while(move |t| match t.kind {
            Kind::Comma if depth == 0 => None,
            Kind::Close(_) if depth == 0 => None,
            Kind::Close(_) => {
                depth -= 1;
                Some(t)
            }
            Kind::Open(_) => {
                depth += 1;
                Some(t)
            }
            _ => Some(t),
        }))
    }

    /// The line and column of byte offset `at`.
    fn pos(&self, at: usize) -> Pos {
        let line = self.newlines.partition_point(|&nl| nl < at);
        let line_start = if line == 0 { 0 } else { self.newlines[line - 1] + 1 };
        Pos { line: line + 1, col: self.chars_between(line_start, at) + 1 }
    }

    /// How many characters the bytes `from..to` hold.
    fn chars_between(&self, from: usize, to: usize) -> usize {
        let bytes = self.src.as_bytes();
        if to - from <= 2 * BLOCK {
            return count_chars(&bytes[from..to]);
        }
        let blocks = self.char_blocks.get_or_init(|| {
            let mut acc = 0;
            let mut out = Vec::with_capacity(bytes.len() / BLOCK + 1);
            for chunk in bytes.chunks(BLOCK) {
                out.push(acc);
                acc += count_chars(chunk);
            }
            out
        });
        let before = |at: usize| blocks[at / BLOCK] + count_chars(&bytes[at / BLOCK * BLOCK..at]);
        before(to) - before(from)
    }
}

/// How many characters (UTF-8 sequences) `bytes` holds: the bytes that are not continuations.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// The value of a string token: borrowed from the source unless it has escapes.
fn string_value(src: &str, t: Tok) -> Cow<'_, str> {
    let bytes = src.as_bytes();
    if bytes[t.start] == b'r' {
        // A raw string: between the opening quote and the closing quote and hashes.
        let open = t.start + 1 + bytes[t.start + 1..].iter().take_while(|&&b| b == b'#').count();
        let hashes = open - t.start - 1;
        let content_start = (open + 1).min(t.end);
        let closed = t.end >= content_start + 1 + hashes
            && bytes[t.end - 1 - hashes] == b'"'
            && bytes[t.end - hashes..t.end].iter().all(|&b| b == b'#');
        let content_end = if closed { t.end - 1 - hashes } else { t.end };
        return Cow::Borrowed(&src[content_start..content_end.max(content_start)]);
    }
    let content = &src[t.start + 1..t.end];
    match memchr(b'\\', content.as_bytes()) {
        None => Cow::Borrowed(content.strip_suffix('"').unwrap_or(content)),
        Some(_) => {
            let mut out = String::new();
            scan_string(src, t.start + 1, Some(&mut out));
            Cow::Owned(out)
        }
    }
}

/// Reads a string literal whose content starts at byte `at` (after its quote) and returns the
/// offset after its closing quote; its unescaped content goes to `out` when given. Escapes:
/// `\n`, `\t`, `\r`, `\0`, `\u{...}` and `\uXXXX`; any other escaped character stands for
/// itself.
fn scan_string(src: &str, mut at: usize, mut out: Option<&mut String>) -> usize {
    let bytes = src.as_bytes();
    loop {
        let Some(i) = memchr2(b'"', b'\\', &bytes[at..]) else {
            if let Some(o) = out.as_deref_mut() {
                o.push_str(&src[at..]);
            }
            return bytes.len();
        };
        let i = at + i;
        if let Some(o) = out.as_deref_mut() {
            o.push_str(&src[at..i]);
        }
        if bytes[i] == b'"' {
            return i + 1;
        }
        at = i + 1;
        let Some(c) = src[at..].chars().next() else { return bytes.len() };
        at += c.len_utf8();
        let push = |out: &mut Option<&mut String>, c: char| {
            if let Some(o) = out.as_deref_mut() {
                o.push(c);
            }
        };
        match c {
            'n' => push(&mut out, '\n'),
            't' => push(&mut out, '\t'),
            'r' => push(&mut out, '\r'),
            '0' => push(&mut out, '\0'),
            'u' => {
                let mut hex = String::new();
                if bytes.get(at) == Some(&b'{') {
                    at += 1;
                    while let Some(c) = src[at..].chars().next() {
                        at += c.len_utf8();
                        if c == '}' {
                            break;
                        }
                        hex.push(c);
                    }
                } else {
                    for _ in 0..4 {
                        if let Some(c) = src[at..].chars().next() {
                            at += c.len_utf8();
                            hex.push(c);
                        }
                    }
                }
                if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    push(&mut out, ch);
                }
            }
            other => push(&mut out, other),
        }
    }
}

/// Whether a word character stands at byte `at` (letters and digits of any script, `_`, `-`,
/// `+`, `.`), and its length; `None` at the end.
fn word_at(src: &str, at: usize) -> Option<(bool, usize)> {
    let b = *src.as_bytes().get(at)?;
    if b.is_ascii() {
        return Some((b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+' | b'.'), 1));
    }
    let c = src[at..].chars().next()?;
    Some((c.is_alphanumeric(), c.len_utf8()))
}

/// The tokens of a source text from a byte offset on (which must start a token or the space
/// between tokens), comments skipped.
struct Scanner<'a> {
    src: &'a str,
    at: usize,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str, at: usize) -> Self {
        Scanner { src, at }
    }

    /// Moves past one character.
    fn skip_char(&mut self) {
        if let Some(c) = self.src[self.at..].chars().next() {
            self.at += c.len_utf8();
        }
    }
}

impl Iterator for Scanner<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let bytes = self.src.as_bytes();
        loop {
            let start = self.at;
            let &b = bytes.get(start)?;
            let one = |kind| Some(Tok { kind, start, end: start + 1 });
            match b {
                b'/' => {
                    self.at += 1;
                    match bytes.get(self.at) {
                        Some(b'/') => {
                            self.at = memchr(b'\n', &bytes[self.at..])
                                .map_or(bytes.len(), |i| self.at + i);
                        }
                        Some(b'*') => {
                            self.at += 1;
                            let mut nest = 1usize;
                            let mut prev = 0u8;
                            while let Some(&c) = bytes.get(self.at) {
                                self.at += 1;
                                if prev == b'/' && c == b'*' {
                                    nest += 1;
                                    prev = 0;
                                    continue;
                                }
                                if prev == b'*' && c == b'/' {
                                    nest -= 1;
                                    if nest == 0 {
                                        break;
                                    }
                                    prev = 0;
                                    continue;
                                }
                                prev = c;
                            }
                        }
                        _ => {}
                    }
                }
                b'"' => {
                    self.at = scan_string(self.src, start + 1, None);
                    return Some(Tok { kind: Kind::Str, start, end: self.at });
                }
                b'r' if raw_string_ahead(bytes, start) => {
                    let hashes = bytes[start + 1..].iter().take_while(|&&b| b == b'#').count();
                    let mut at = start + 1 + hashes + 1;
                    self.at = loop {
                        let Some(i) = bytes.get(at..).and_then(|rest| memchr(b'"', rest)) else {
                            break bytes.len();
                        };
                        let quote = at + i;
                        let n = bytes[quote + 1..]
                            .iter()
                            .take(hashes)
                            .take_while(|&&b| b == b'#')
                            .count();
                        if n == hashes {
                            break quote + 1 + hashes;
                        }
                        at = quote + 1 + n;
                    };
                    return Some(Tok { kind: Kind::Str, start, end: self.at });
                }
                b'(' | b'[' | b'{' => {
                    self.at += 1;
                    return one(Kind::Open(b));
                }
                b')' | b']' | b'}' => {
                    self.at += 1;
                    return one(Kind::Close(b));
                }
                b':' => {
                    self.at += 1;
                    return one(Kind::Colon);
                }
                b',' => {
                    self.at += 1;
                    return one(Kind::Comma);
                }
                b'\'' => {
                    // A char literal: skip it whole.
                    self.at += 1;
                    if bytes.get(self.at) == Some(&b'\\') {
                        self.at += 1;
                    }
                    self.skip_char();
                    self.skip_char();
                }
                _ => match word_at(self.src, start) {
                    Some((true, _)) => {
                        while let Some((true, len)) = word_at(self.src, self.at) {
                            self.at += len;
                        }
                        return Some(Tok { kind: Kind::Word, start, end: self.at });
                    }
                    Some((false, len)) => self.at += len,
                    None => return None,
                },
            }
        }
    }
}

/// Whether a raw string (`r"`, `r#"`) starts at byte `i` of `src`.
fn raw_string_ahead(src: &[u8], i: usize) -> bool {
    let rest = &src[i..];
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
        assert_eq!(loc.record_with_id("b", 0).map(|r| r.1), Some(Pos { line: 10, col: 14 }));
        assert_eq!(loc.record_with_id("b", 1), None);
    }

    #[test]
    fn offsets_to_positions() {
        let src = "ab\ncdé\nf".as_bytes();
        assert_eq!(pos_of_offset(src, 0), Pos { line: 1, col: 1 });
        assert_eq!(pos_of_offset(src, 3), Pos { line: 2, col: 1 });
        assert_eq!(pos_of_offset(src, 7), Pos { line: 2, col: 4 });
    }

    #[test]
    fn columns_on_a_long_line_count_characters() {
        let src = format!("({} id: \"x\", name: \"n\")", "é".repeat(3 * BLOCK));
        let loc = Locator::new(&src);
        assert_eq!(loc.records_with_id("x")[0].1, Pos { line: 1, col: 3 * BLOCK + 7 });
    }
}
