//! The one reader of data files: reads the format of `docs/data-format.md`, builds the
//! [`Catalog`] as it goes, and checks each value while its position is at hand, so that every
//! problem is found in the same single pass and placed at the token concerned.
//!
//! Records are read by walking the field tables of [`super::schema`]; references are kept with
//! their positions and resolved once every id is known. Lines and columns are worked out only
//! for what is reported ([`super::diag::place`]).
//!
//! A large file is read on two threads: while this one reads the first half of the nodes,
//! another reads the second half, from a node past the middle found by its indentation, to the
//! end of the list of top nodes, a part for each list of nodes it finishes. A part is taken
//! only if this thread then arrives at that very node, at the depth the other assumed, and the
//! other found no problem there; otherwise this thread reads on as if alone. The catalog and
//! every message are the same either way.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::mpsc::Receiver;

use memchr::{memchr, memchr2};

use super::diag::{self, Diagnostic, Pos, Severity, did_you_mean};
use super::model::{
    Catalog, Entry, Fact, IdIndex, Link, Lists, NodeIx, Org, OrgIx, Source, Target,
};
use super::schema::{
    DATASET_FIELDS, FACT_FIELDS, Field, Kind, Localized, NODE_FIELDS, Need, ORG_FIELDS, REF_FIELDS,
    RefParts, SOURCE_FIELDS, SOURCE_REF_FIELDS, Text, Value,
};
use crate::text::{needs_sanitizing, sanitize};

/// How deeply brackets may nest: `(`, `[` and `{` each open a level.
pub const MAX_NESTING: usize = 128;
/// The version of the data format this program reads.
pub const FORMAT_VERSION: u32 = 1;
/// Where the format is described, for messages about what it does not have.
const DOCS: &str = "see docs/data-format.md";
/// How many unknown ids get a "did you mean" (each looks at every id of the file).
const SUGGESTIONS: usize = 10;
/// From how many bytes of nodes their second half is read on another thread.
const SPLIT_BYTES: usize = 256 * 1024;
/// From how many references they are looked up in two halves on two threads.
const TWO_THREADS_REFS: usize = 8192;

/// Reads `src` (named `file` in messages): the catalog when there is no error, and every
/// problem found, in file order. Without `keep`, the catalog keeps no text: it has the shape of
/// the data (its entries, ids and links) and is checked all the same, for `ccbnet check`.
#[must_use]
pub fn read_keeping(file: &str, src: &str, keep: bool) -> (Option<Catalog>, Vec<Diagnostic>) {
    let two = src.len() >= SPLIT_BYTES && crate::cores::several();
    read_split(file, src, keep, two.then_some(SPLIT_BYTES))
}

/// [`read_keeping`], the second half of the nodes read on another thread when they take
/// `split` bytes or more.
fn read_split(
    file: &str,
    src: &str,
    keep: bool,
    split: Option<usize>,
) -> (Option<Catalog>, Vec<Diagnostic>) {
    std::thread::scope(|scope| {
        let spawn = |at: usize, depth: usize, brackets: usize, langs: Vec<String>| {
            let (tx, rx) = std::sync::mpsc::channel();
            let started = crate::cores::spawn_scoped(scope, "reader", move || {
                read_halves(file, src, (at, depth, brackets), &langs, keep, &tx);
            });
            started.ok().map(|_| rx)
        };
        let spawn: Option<Spawn<'_>> = split.map(|min| (min, &spawn as SpawnFn<'_>));
        read_with(file, src, keep, spawn)
    })
}

/// How to start reading the second half: the fewest bytes of nodes worth it, and what starts
/// the thread.
type Spawn<'a> = (usize, SpawnFn<'a>);
/// Starts reading the second half at a node (its byte, its depth in the tree and in brackets),
/// knowing the languages: the parts read, one at a time, in file order.
type SpawnFn<'a> = &'a dyn Fn(usize, usize, usize, Vec<String>) -> Option<Receiver<Option<Half>>>;

/// Nodes read on another thread: the rest of one list of nodes, from one of them to the `]`
/// that closes the list. What the reader of the first half takes in when it arrives there.
struct Half {
    /// Where the first of them starts, and their depth in the tree.
    at: usize,
    depth: usize,
    /// The nodes, numbered from 0, those of the list itself without a parent.
    nodes: Vec<Entry>,
    /// Those of the list itself.
    tops: Vec<NodeIx>,
    node_id_at: Vec<usize>,
    refs: Vec<Pending>,
    /// Where the reading stopped: the `]` that closes the list.
    end: usize,
    /// As [`Reader::multiline`] is there.
    multiline: Option<usize>,
    /// Where the next part starts, if the thread reads one: the next node of the list above,
    /// when only closing brackets stand between.
    next: Option<usize>,
}

/// The second half, being read: where its next part starts, and the parts to come (`None`: a
/// problem there, and nothing more is read).
struct Split {
    next: Option<usize>,
    parts: Receiver<Option<Half>>,
}

/// Reads, from the node at `at` (of depth `depth` in the tree, inside `brackets` brackets),
/// the rest of its list; then, as long as only the closing brackets of the records around
/// stand before the next node of the list above, the rest of that list too, and so up to the
/// list of top nodes: one [`Half`] each, sent as it is read. A part where a problem is met
/// (the reader of the first half then reads it, and says it) is sent as `None`, and ends it.
fn read_halves(
    file: &str,
    src: &str,
    (mut at, mut depth, mut brackets): (usize, usize, usize),
    langs: &[String],
    keep: bool,
    parts: &std::sync::mpsc::Sender<Option<Half>>,
) {
    // The brackets of the list of top nodes and those around it.
    let outer = brackets - 2 * depth;
    loop {
        // Room for as many nodes and references as the whole file may hold (the pages not used
        // cost nothing): the lists are not moved as they grow.
        let mut r = Reader::new(file, src, Some(langs.to_vec()), keep);
        (r.i, r.depth, r.part) = (at, brackets, true);
        let (mut part, mut next) = (None, None);
        if read_list(&mut r, depth).is_some() {
            let end = r.i;
            next = r.next_list(depth);
            if r.found.is_empty() {
                part = Some(Half {
                    at,
                    depth,
                    nodes: std::mem::take(&mut r.cat.nodes),
                    tops: std::mem::take(&mut r.cat.roots),
                    node_id_at: std::mem::take(&mut r.node_id_at),
                    refs: std::mem::take(&mut r.refs),
                    end,
                    multiline: r.multiline,
                    next: next.map(|(n, _)| n),
                });
            }
        }
        let stop = part.is_none();
        // The reader of the first half has gone on alone: nothing more to read.
        if parts.send(part).is_err() || stop {
            return;
        }
        let Some((n, d)) = next else { return };
        (at, depth, brackets) = (n, d, outer + 2 * d);
    }
}

/// The nodes of depth `depth` from the reading position to the `]` of their list, which the
/// reader is left at; `None` at anything else.
fn read_list(r: &mut Reader<'_>, depth: usize) -> Option<()> {
    loop {
        let ix = r.node(None, depth).ok()?;
        r.cat.roots.push(ix);
        r.ws().ok()?;
        let comma = r.eat(b',');
        if comma {
            r.ws().ok()?;
        }
        if r.peek() == Some(b']') {
            return Some(());
        }
        if !comma {
            return None;
        }
    }
}

/// Reads `src`, the second half of the nodes on another thread if `spawn`.
fn read_with(
    file: &str,
    src: &str,
    keep: bool,
    spawn: Option<Spawn<'_>>,
) -> (Option<Catalog>, Vec<Diagnostic>) {
    let mut r = Reader::new(file, src, None, keep);
    r.spawn = spawn;
    let mut ok = r.run();
    if ok && r.langs_late {
        // A text came before `languages`: read again, knowing them from the start.
        let langs = r.langs.take();
        r = Reader::new(file, src, langs, keep);
        r.spawn = spawn;
        ok = r.run();
    }
    if !ok {
        // What a file that cannot be read says beyond that would be read wrong: the one error.
        r.found.retain(|(_, d)| d.syntax);
    }
    let errors = r.found.iter().any(|(_, d)| d.is_error());
    let diags = diag::place(src, std::mem::take(&mut r.found));
    ((ok && !errors).then_some(r.cat), diags)
}

/// Whether `id` is kebab-case: lowercase ASCII letters and digits, words joined by single hyphens.
#[must_use]
pub fn is_kebab(id: &str) -> bool {
    id.split('-')
        .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Whether `code` looks like a language code: `fr`, `nl`, `deu`, `pt-BR`, `zh-Hant`.
#[must_use]
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether a name shows nothing: only spaces, control characters, zero-width and other
/// invisible formatting characters, and combining marks with nothing to combine with.
#[must_use]
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || unicode_normalization::char::is_combining_mark(c)
            || matches!(c, '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}'
                | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
                | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}')
    })
}

/// A syntax error was recorded; reading stops.
struct Stop;

/// What an item of a bracket was, for the message about a missing comma after it: worded only
/// when that message is written, not for every item read.
#[derive(Clone, Copy)]
enum Item<'s> {
    /// An item of a list.
    Listed,
    /// A text of a map of languages.
    Text,
    /// The value of the field named.
    Value(&'s str),
}

impl std::fmt::Display for Item<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Item::Listed => f.write_str("this item"),
            Item::Text => f.write_str("this text"),
            Item::Value(key) => write!(f, "the value of `{key}`"),
        }
    }
}

type R<T> = Result<T, Stop>;

/// Which list a reference was written in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Related,
    Organisations,
    PartOf,
}

/// A reference waiting for every id to be known.
struct Pending {
    /// The node (or, for `part_of`, the organisation) that wrote it.
    from: usize,
    list: List,
    /// Where its id stands.
    at: usize,
    id: RefId,
    /// The relation's words, if written (the id there is not used).
    parts: RefParts,
}

/// The id of a reference: where it stands in the file, between its quotes, or, when written
/// with an escape, the id itself.
enum RefId {
    At(std::ops::Range<usize>),
    Owned(String),
}

impl RefId {
    /// The id of a string just read from `at` (its opening quote).
    fn of(at: usize, s: Cow<'_, str>) -> Self {
        match s {
            Cow::Borrowed(b) => RefId::At(at + 1..at + 1 + b.len()),
            Cow::Owned(o) => RefId::Owned(o),
        }
    }

    /// The id, in the file `src`.
    fn get<'a>(&'a self, src: &'a str) -> &'a str {
        match self {
            RefId::At(r) => &src[r.clone()],
            RefId::Owned(o) => o,
        }
    }
}

#[derive(Default)]
struct Reader<'s> {
    file: &'s str,
    src: &'s str,
    b: &'s [u8],
    i: usize,
    /// Brackets open.
    depth: usize,
    /// The declared languages, once known.
    langs: Option<Vec<String>>,
    /// Whether a text was read before the languages were known.
    langs_late: bool,
    /// The texts of the text being read, one a language (see [`Localized::push`]).
    texts: String,
    /// Where each language code stands in `texts`, so that none is looked for in the texts.
    codes: Vec<Range<usize>>,
    /// Whether texts are kept in the catalog (not for a check, which only needs their problems).
    keep: bool,
    cat: Catalog,
    /// Where each node's id stands, and each organisation's.
    node_id_at: Vec<usize>,
    org_id_at: Vec<usize>,
    refs: Vec<Pending>,
    /// The reference being read in full.
    scratch: RefParts,
    scratch_at: usize,
    /// The source being read.
    source: Source,
    found: Vec<(usize, Diagnostic)>,
    /// The record being read, for the id path of messages.
    node: Option<NodeIx>,
    org: Option<OrgIx>,
    /// Where the last string read opened, when it ran over more than one line.
    multiline: Option<usize>,
    /// The characters of the last string read that a text should not hold, and where.
    ctl: Vec<(usize, char)>,
    /// Whether the last string read holds a character that [`sanitize`] changes, found while
    /// reading it (so that [`Reader::kept`] does not look at it again).
    dirty: bool,
    /// Where lines start, built at the first message that names another position.
    lines: Vec<usize>,
    /// How to read the second half of the top nodes on another thread, if at all.
    spawn: Option<Spawn<'s>>,
    /// The second half, being read.
    split: Option<Split>,
    /// Whether this reader reads a part for another, on another thread: its ids are checked
    /// where that one takes the part in, against every id before it.
    part: bool,
}

impl<'s> Reader<'s> {
    fn new(file: &'s str, src: &'s str, langs: Option<Vec<String>>, keep: bool) -> Self {
        // About 600 bytes an entry in a typical file: room for the ids without regrowing often.
        let guess = src.len() / 600;
        let mut cat = Catalog::default();
        cat.nodes = Vec::with_capacity(guess);
        let node_id_at = Vec::with_capacity(guess);
        // About one reference for 600 bytes too: room for twice as many, never moved.
        let refs = Vec::with_capacity(src.len() / 300);
        Reader {
            file,
            src,
            b: src.as_bytes(),
            langs,
            keep,
            cat,
            node_id_at,
            refs,
            ..Reader::default()
        }
    }

    /// Reads the whole file; `false` when a syntax error stopped it.
    fn run(&mut self) -> bool {
        let ok = self.file_body().is_ok();
        if ok {
            self.resolve();
        }
        ok
    }

    fn file_body(&mut self) -> R<()> {
        self.ws()?;
        self.extensions()?;
        self.record("Dataset", DATASET_FIELDS, Reader::head_value)?;
        self.ws()?;
        if self.i < self.b.len() {
            let msg =
                format!("expected the end of the file after the `Dataset`, found {}", self.found());
            return self.stop(self.i, msg);
        }
        Ok(())
    }

    // ----- messages

    /// The ids from the top node down to the record being read.
    fn path(&self) -> Vec<String> {
        let ids = match (self.node, self.org) {
            (Some(ix), _) => {
                self.cat.ancestry(ix).into_iter().map(|n| &self.cat.nodes[n].id).collect()
            }
            (_, Some(o)) => vec![&self.cat.orgs[o].id],
            _ => Vec::new(),
        };
        ids.into_iter().filter(|id| !id.is_empty()).cloned().collect()
    }

    /// Records a problem at byte `at`, with the id path of the record being read; the
    /// problem, to add to.
    fn report(
        &mut self,
        severity: Severity,
        at: usize,
        message: String,
        help: Option<String>,
    ) -> &mut Diagnostic {
        let path = self.path();
        let d = Diagnostic { severity, path, help, ..Diagnostic::error(self.file, None, message) };
        self.found.push((at, d));
        let last = self.found.len() - 1;
        &mut self.found[last].1
    }

    fn error(&mut self, at: usize, message: String) {
        self.report(Severity::Error, at, message, None);
    }

    /// A syntax error at `at`: recorded, and reading stops. When the last string read ran over
    /// several lines, its closing quote is most likely missing: the message says so, there.
    fn stop<T>(&mut self, at: usize, message: String) -> R<T> {
        self.stop_help(at, message, None)
    }

    fn stop_help<T>(&mut self, at: usize, message: String, help: Option<String>) -> R<T> {
        let (at, message) = match self.multiline.take() {
            Some(open) if open < at => (
                open,
                format!(
                    "this string runs over several lines, and at line {} {message}: is its closing `\"` missing?",
                    self.pos(at).line
                ),
            ),
            _ => (at, message),
        };
        self.report(Severity::Error, at, message, help).syntax = true;
        Err(Stop)
    }

    /// "expected X, found Y", at the token that cannot be read, naming the constructs of RON
    /// that the data format leaves out.
    fn unexpected<T>(&mut self, expected: &str) -> R<T> {
        let rest = &self.b[self.i..];
        let note = if rest.starts_with(b"Some(") || rest.starts_with(b"None") {
            "; `Some(...)` and `None` are not part of the data format: write the value directly, or leave the field out"
        } else if rest.starts_with(b"r\"") || rest.starts_with(b"r#") {
            "; raw strings are not part of the data format: write the string in double quotes"
        } else {
            ""
        };
        let msg = format!("expected {expected}, found {}{note}", self.found());
        let help = (!note.is_empty()).then(|| DOCS.to_owned());
        self.stop_help(self.i, msg, help)
    }

    /// What stands at the reading position, for a message.
    fn found(&self) -> String {
        let Some(&c) = self.b.get(self.i) else { return "the end of the file".into() };
        let word_len = self.b[self.i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        if c == b'"' {
            "a string".into()
        } else if word_len > 0 {
            format!("`{}`", &self.src[self.i..self.i + word_len.min(40)])
        } else {
            let ch = self.src[self.i..].chars().next().unwrap_or('?');
            if ch.is_control() { format!("{}", ch.escape_unicode()) } else { format!("`{ch}`") }
        }
    }

    /// Where byte `at` stands, from a table of where lines start built at the first call.
    fn pos(&mut self, at: usize) -> Pos {
        if self.lines.is_empty() {
            self.lines.push(0);
            self.lines.extend(memchr::memchr_iter(b'\n', self.b).map(|k| k + 1));
        }
        let line = self.lines.partition_point(|&s| s <= at);
        let col = self.src.get(self.lines[line - 1]..at).map_or(1, |s| s.chars().count() + 1);
        Pos { line, col }
    }

    // ----- tokens

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let there = self.peek() == Some(c);
        self.i += usize::from(there);
        there
    }

    /// Skips spaces, tabs, line ends and comments (`// ...`, nested `/* ... */`).
    fn ws(&mut self) -> R<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.i += 1,
                Some(b'/') => match self.b.get(self.i + 1) {
                    Some(b'/') => {
                        self.i =
                            memchr(b'\n', &self.b[self.i..]).map_or(self.b.len(), |k| self.i + k);
                    }
                    Some(b'*') => {
                        let open = self.i;
                        self.i += 2;
                        let mut level = 1usize;
                        while level > 0 {
                            let Some(k) = memchr2(b'/', b'*', &self.b[self.i..]) else {
                                self.multiline = None;
                                return self.stop(
                                    open,
                                    "this comment is never closed: `*/` is missing".into(),
                                );
                            };
                            self.i += k;
                            if self.b[self.i..].starts_with(b"/*") {
                                level += 1;
                                self.i += 2;
                            } else if self.b[self.i..].starts_with(b"*/") {
                                level -= 1;
                                self.i += 2;
                            } else {
                                self.i += 1;
                            }
                        }
                    }
                    _ => return Ok(()),
                },
                _ => return Ok(()),
            }
        }
    }

    /// An identifier of ASCII letters, digits and `_` at the reading position, if there is one.
    fn ident(&mut self) -> Option<&'s str> {
        let start = self.i;
        if !matches!(self.peek()?, b'a'..=b'z' | b'A'..=b'Z' | b'_') {
            return None;
        }
        while matches!(self.peek(), Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_')) {
            self.i += 1;
        }
        Some(&self.src[start..self.i])
    }

    /// Opens a bracket, counting the levels.
    fn open(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            let msg = format!(
                "brackets are nested more than {MAX_NESTING} levels deep, the most a data file may have"
            );
            return self.stop(self.i, msg);
        }
        self.i += 1;
        Ok(())
    }

    /// The items of the bracket at the reading position up to `close`, each read by `item`,
    /// which says what it read; commas between them, and one after the last if need be. A
    /// missing comma is placed right after the item it should follow.
    fn items(&mut self, close: u8, mut item: impl FnMut(&mut Self) -> R<Item<'s>>) -> R<()> {
        self.open()?;
        loop {
            self.ws()?;
            if self.eat(close) {
                self.depth -= 1;
                return Ok(());
            }
            let after = item(self)?;
            let end = self.i;
            self.ws()?;
            if !self.eat(b',') && self.peek() != Some(close) {
                let (close, found) = (close as char, self.found());
                let msg = format!("expected `,` or `{close}` after {after}, found {found}");
                return self.stop(end, msg);
            }
        }
    }

    /// A string in double quotes, its escapes decoded, as written (not yet made safe).
    fn string(&mut self, what: &str) -> R<Cow<'s, str>> {
        if self.peek() != Some(b'"') {
            return self.unexpected(&format!("{what} in double quotes"));
        }
        let open = self.i;
        self.i += 1;
        let mut start = self.i;
        let mut out = String::new();
        self.ctl.clear();
        self.dirty = false;
        loop {
            let Some(k) = memchr2(b'"', b'\\', &self.b[self.i..]) else {
                self.multiline = None;
                return self
                    .stop(open, "this string is never closed: its closing `\"` is missing".into());
            };
            self.i += k;
            self.dirty |= self.raw_controls(start, self.i);
            if self.b[self.i] == b'"' {
                let s = &self.src[start..self.i];
                self.i += 1;
                self.multiline = memchr(b'\n', &self.b[open..self.i]).map(|_| open);
                if out.is_empty() {
                    return Ok(Cow::Borrowed(s));
                }
                out.push_str(s);
                return Ok(Cow::Owned(out));
            }
            out.push_str(&self.src[start..self.i]);
            let escape = self.i;
            let (c, len) = match self.b.get(self.i + 1) {
                Some(b'"') => ('"', 2),
                Some(b'\\') => ('\\', 2),
                Some(b'\'') => ('\'', 2),
                Some(b'n') => ('\n', 2),
                Some(b'r') => ('\r', 2),
                Some(b't') => ('\t', 2),
                Some(b'0') => ('\0', 2),
                Some(b'u') => {
                    // `\u{` one to six hexadecimal digits `}`.
                    let hex = self.src[self.i + 2..]
                        .strip_prefix('{')
                        .and_then(|r| r.get(..r.find('}')?))
                        .filter(|h| {
                            (1..=6).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit())
                        });
                    let code = hex.and_then(|h| char::from_u32(u32::from_str_radix(h, 16).ok()?));
                    let (Some(c), Some(h)) = (code, hex) else {
                        return self.stop(escape, "a `\\u` escape is written `\\u{...}` with one to six hexadecimal digits of a Unicode character".into());
                    };
                    (c, h.len() + 4)
                }
                _ => {
                    return self.stop(escape, "unknown escape in a string: the escapes are \\\" \\\\ \\' \\n \\r \\t \\0 and \\u{...}".into());
                }
            };
            // An escaped carriage return before a line end is a Windows line end.
            let crlf = len == 2 && c == '\r' && self.b.get(self.i + 2) == Some(&b'\n');
            if flagged(c) && !crlf {
                self.ctl.push((escape, c));
            }
            self.dirty |= needs_sanitizing(c.encode_utf8(&mut [0; 4]).as_bytes());
            out.push(c);
            self.i += len;
            start = self.i;
        }
    }

    /// A list: `[`, items read by `item`, `]`; a comma after the last is allowed.
    fn list(&mut self, what: &str, mut item: impl FnMut(&mut Self) -> R<()>) -> R<()> {
        if self.peek() != Some(b'[') {
            return self.unexpected(&format!("{what} as a list in `[...]`"));
        }
        self.items(b']', |r| item(r).map(|()| Item::Listed))
    }

    /// A record `Name(field: value, ...)`, the name optional (and not allowed when `name` is
    /// empty), with the fields of `table`; `value` reads each value, given where its field's name
    /// stands.
    fn record<T>(
        &mut self,
        name: &str,
        table: &'static [Field<T>],
        mut value: impl FnMut(&mut Self, &'static Field<T>, usize) -> R<()>,
    ) -> R<()> {
        let start = self.i;
        let shown = if name.is_empty() { "record" } else { name };
        if self.peek() != Some(b'(') {
            match self.ident() {
                Some(w) if w == name => self.ws()?,
                Some(w) if !name.is_empty() => {
                    let help = did_you_mean(w, [name]);
                    return self.stop_help(start, format!("expected `{name}(`, found `{w}`"), help);
                }
                _ => {
                    self.i = start;
                    let expected =
                        if name.is_empty() { "`(`".to_owned() } else { format!("`{name}(...)`") };
                    return self.unexpected(&expected);
                }
            }
            if self.peek() != Some(b'(') {
                return self.unexpected(&format!("`(` after `{name}`"));
            }
        }
        let mut seen = 0u64;
        self.items(b')', |r| {
            let at = r.i;
            let Some(key) = r.ident() else {
                return r.unexpected("a field name or `)`");
            };
            let Some(k) = table.iter().position(|f| f.name == key) else {
                let all: Vec<&str> = table.iter().map(|f| f.name).collect();
                let msg = format!(
                    "`{key}` is not a field of a {shown}; its fields are {}",
                    all.join(", ")
                );
                return r.stop_help(at, msg, did_you_mean(key, all));
            };
            if seen & (1 << k) != 0 {
                return r.stop(at, format!("the field `{key}` is written twice in this {shown}"));
            }
            seen |= 1 << k;
            let key_end = r.i;
            r.ws()?;
            if !r.eat(b':') {
                let msg = format!("expected `:` after `{key}`, found {}", r.found());
                return r.stop(key_end, msg);
            }
            r.ws()?;
            value(r, &table[k], at)?;
            Ok(Item::Value(key))
        })?;
        for (k, f) in table.iter().enumerate() {
            if f.need != Need::Optional && seen & (1 << k) == 0 {
                let msg = format!("this {shown} has no `{}`, which it needs ({})", f.name, f.what);
                return self.stop(start, msg);
            }
        }
        Ok(())
    }

    // ----- values

    /// A text (a string, or a map from language code to string), checked: languages declared,
    /// none missing (a warning), not empty where it must not be.
    fn text<T>(&mut self, f: &Field<T>, field_at: usize) -> R<Text> {
        let at = self.i;
        let blank = |s: &str| f.need == Need::NonEmpty && is_blank(s);
        let text = match self.peek() {
            Some(b'"') => {
                let s = self.string("a text")?;
                self.controls(f.what);
                if blank(&s) {
                    self.error(at, format!("{} is empty", f.what));
                }
                Text::Same(self.kept(s))
            }
            Some(b'{') => {
                // The texts are gathered in one string, kept in one piece.
                let mut out = std::mem::take(&mut self.texts);
                let mut codes = std::mem::take(&mut self.codes);
                out.clear();
                codes.clear();
                self.items(b'}', |r| {
                    let key_at = r.i;
                    let lang = r.string("a language code (or `}` to close the text)")?;
                    let key_end = r.i;
                    r.ws()?;
                    if !r.eat(b':') {
                        let msg =
                            format!("expected `:` after the language code, found {}", r.found());
                        return r.stop(key_end, msg);
                    }
                    r.ws()?;
                    let s = r.string("the text")?;
                    r.controls(f.what);
                    let known = r
                        .langs
                        .as_ref()
                        .is_none_or(|l| l.is_empty() || l.iter().any(|x| *x == lang));
                    if codes.iter().any(|c| out[c.clone()] == *lang) {
                        let msg = format!("the language \"{lang}\" is written twice in {}", f.what);
                        r.error(key_at, msg);
                    } else if !known {
                        let help = r
                            .langs
                            .as_ref()
                            .and_then(|l| did_you_mean(&lang, l.iter().map(String::as_str)));
                        let msg = format!(
                            "{} is written in \"{lang}\", which is not declared in `languages`",
                            f.what
                        );
                        r.report(Severity::Error, key_at, msg, help);
                    } else if blank(&s) {
                        r.error(key_at, format!("{} is empty in \"{lang}\"", f.what));
                    }
                    let start = out.len();
                    if r.keep {
                        // Made safe (so it holds no separator), and the language's typography
                        // set once as texts enter the catalog.
                        let s = r.safe(s);
                        Localized::push_safe(&mut out, &lang, &crate::typography::local(&lang, &s));
                    } else {
                        Localized::push_safe(&mut out, &lang, "");
                    }
                    // The code ends at its separator (a separator in the code itself became U+FFFD).
                    let code_end =
                        memchr(0x1F, &out.as_bytes()[start..]).map_or(start, |k| start + k);
                    codes.push(start..code_end);
                    Ok(Item::Text)
                })?;
                if out.is_empty() {
                    self.error(at, format!("{} has no text in any language", f.what));
                } else {
                    self.missing_languages(&out, &codes, f.what, field_at);
                }
                let text =
                    if self.keep { Text::Localized(Localized::of(&out)) } else { Text::default() };
                self.texts = out;
                self.codes = codes;
                text
            }
            _ => {
                let what = format!("{} as a text (a string, or a map of languages)", f.what);
                return self.unexpected(&what);
            }
        };
        self.langs_late |= self.langs.is_none();
        Ok(text)
    }

    /// A warning for each declared language a text has not, naming the one shown instead.
    fn missing_languages(&mut self, texts: &str, codes: &[Range<usize>], what: &str, at: usize) {
        let Some(langs) = self.langs.take() else { return };
        let n = langs.len();
        let has = |l: &str| codes.iter().any(|c| texts[c.clone()] == *l);
        let first = codes.first().map_or("", |c| &texts[c.clone()]);
        for (i, l) in langs.iter().enumerate() {
            if has(l) {
                continue;
            }
            let shown =
                (1..n).map(|k| langs[(i + k) % n].as_str()).find(|c| has(c)).unwrap_or(first);
            let msg = format!("{what} has no \"{l}\" text; \"{shown}\" is shown instead");
            self.report(Severity::Warning, at, msg, None).missing = Some(l.clone());
        }
        self.langs = Some(langs);
    }

    /// The values every record may have: texts and addresses; `false` for another kind.
    fn common<T>(&mut self, f: &Field<T>, at: usize, get: impl Fn(&mut Self) -> &mut T) -> R<bool> {
        match &f.value {
            Value::Text(slot) => {
                let t = self.text(f, at)?;
                *slot(get(self)) = t;
            }
            Value::OptText(slot) => {
                let t = self.text(f, at)?;
                *slot(get(self)) = Some(t);
            }
            Value::Url(slot) => {
                let s = self.string(f.what)?;
                *slot(get(self)) = Some(self.kept(s));
            }
            Value::Flag(slot) => {
                let on = self.b[self.i..].starts_with(b"true");
                if !on && !self.b[self.i..].starts_with(b"false") {
                    return self.unexpected("`true` or `false`");
                }
                self.i += if on { 4 } else { 5 };
                *slot(get(self)) = on;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// An id: where it stands, and the id.
    fn id(&mut self) -> R<(usize, String)> {
        let at = self.i;
        Ok((at, self.string("an id")?.into_owned()))
    }

    fn head_value(&mut self, f: &'static Field<Catalog>, at: usize) -> R<()> {
        if self.common(f, at, |r| &mut r.cat)? {
            return Ok(());
        }
        match f.value {
            Value::Format => {
                let start = self.i;
                self.i += self.b[start..].iter().take_while(|b| b.is_ascii_digit()).count();
                let digits = &self.src[start..self.i];
                let more = matches!(self.peek(), Some(b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'.'));
                if more || digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
                    self.i = start;
                    return self.unexpected("a whole number, such as 1");
                }
                if digits.parse::<u32>().ok() != Some(FORMAT_VERSION) {
                    let msg = format!(
                        "this is format {digits}; this program reads format {FORMAT_VERSION}"
                    );
                    self.error(start, msg);
                }
            }
            Value::Languages => {
                let mut langs: Vec<String> = Vec::new();
                self.list("the languages", |r| {
                    let (at, l) = r.id()?;
                    if !is_language_code(&l) {
                        let msg = format!("\"{l}\" is not a language code (two or three lowercase letters, such as \"fr\" or \"nl\")");
                        r.error(at, msg);
                    } else if langs.contains(&l) {
                        r.error(at, format!("the language \"{l}\" is declared twice"));
                    }
                    if !langs.contains(&l) {
                        langs.push(l);
                    }
                    Ok(())
                })?;
                if langs.is_empty() {
                    self.error(at, "no language is declared in `languages`".into());
                }
                self.langs.get_or_insert_with(|| langs.clone());
                self.cat.languages = langs;
            }
            Value::Source => {
                self.record("Source", SOURCE_FIELDS, |r, f, at| {
                    r.common(f, at, |r| &mut r.cat).map(|_| ())
                })?;
            }
            Value::Orgs => self.list("the organisations", Reader::organisation)?,
            Value::Nodes => {
                let before = self.cat.roots.len();
                self.split = self.split();
                self.list("the nodes", |r| {
                    if r.at_split() && r.adopt(None, 0) {
                        return Ok(());
                    }
                    r.node(None, 0).map(|ix| r.cat.roots.push(ix))
                })?;
                // The other thread stops at its next part, if it has not.
                self.split = None;
                if self.cat.roots.len() == before {
                    let msg = "the file has no nodes: `nodes` needs at least one level";
                    self.error(at, msg.into());
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// At the `[` of the list of nodes: the second half of the nodes, being read on another
    /// thread, when there are enough of them and the languages are known. It starts at the
    /// first node past the middle of the rest of the file that stands at the start of a line,
    /// its depth told by its indentation (that of the first top node, and of its first child,
    /// give the steps); whether that is right is known when this reader gets there.
    fn split(&self) -> Option<Split> {
        let (min, spawn) = self.spawn?;
        let langs = self.langs.clone()?;
        let b = self.b;
        // The spaces before `Node(` at `at`, when they open its line.
        let indent = |at: usize| {
            let line = b[..at].iter().rposition(|&c| c == b'\n')? + 1;
            b[line..at].iter().all(|&c| c == b' ').then_some(at - line)
        };
        let first = self.i + 1 + b[self.i + 1..].iter().position(|c| !b" \t\r\n".contains(c))?;
        let rest = b.len() - first;
        if rest < min || !b[first..].starts_with(b"Node(") {
            return None;
        }
        let top = indent(first)?;
        let nodes = memchr::memmem::Finder::new(b"Node(");
        let child = nodes.find_iter(&b[first + 1..]).find_map(|k| indent(first + 1 + k))?;
        let step = child.checked_sub(top).filter(|&s| s > 0)?;
        let from = first + rest / 2;
        let depth_at = |k: usize| {
            let n = indent(from + k)?.checked_sub(top)?;
            (n % step == 0).then_some((from + k, n / step))
        };
        // The shallowest node soon after the middle: deep down, indentation often stops
        // growing (some writers cap it), and then it no longer tells the depth.
        let window = &b[from..(from + rest / 16).min(b.len())];
        let (at, depth) = nodes
            .find_iter(window)
            .filter_map(depth_at)
            .min_by_key(|&(_, d)| d)
            .or_else(|| nodes.find_iter(&b[from..]).find_map(depth_at))?;
        // Inside the brackets of the list of top nodes, and two more a level: `Node(` and
        // `children: [`.
        let parts = spawn(at, depth, self.depth + 1 + 2 * depth, langs)?;
        Some(Split { next: Some(at), parts })
    }

    /// Takes in the next part read on the other thread, the reader standing where it starts,
    /// in the list of nodes of depth `depth` below `parent`; `false` when it cannot (a problem
    /// there, another depth, or an id of it already used before it): this reader reads it, and
    /// every part after it.
    fn adopt(&mut self, parent: Option<NodeIx>, depth: usize) -> bool {
        let Some(split) = self.split.as_mut() else { return false };
        let part = split.parts.recv().ok().flatten();
        let Some(h) = part.filter(|h| h.at == self.i && h.depth == depth) else {
            self.split = None;
            return false;
        };
        // Its ids first: one already used (before it, or in it) is told where it stands when
        // this reader reads the part itself.
        let base = self.cat.nodes.len();
        let Catalog { index, nodes, orgs, .. } = &mut self.cat;
        let twice = (0..h.nodes.len()).any(|k| {
            let id_of = |t: Target| match t {
                Target::Node(i) if i >= base => h.nodes[i - base].id.as_str(),
                Target::Node(i) => nodes[i].id.as_str(),
                Target::Org(i) => orgs[i].id.as_str(),
            };
            index.insert(Target::Node(base + k), id_of).is_some()
        });
        if twice {
            // The index as it was: every id before the part, in the order they came.
            *index = IdIndex::default();
            let id_of = |t: Target| match t {
                Target::Node(i) => nodes[i].id.as_str(),
                Target::Org(i) => orgs[i].id.as_str(),
            };
            (0..orgs.len()).map(Target::Org).chain((0..base).map(Target::Node)).for_each(|t| {
                index.insert(t, id_of);
            });
            self.split = None;
            return false;
        }
        split.next = h.next;
        #[cfg(test)]
        tests::ADOPTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.cat.nodes.extend(h.nodes.into_iter().map(|mut e| {
            e.parent = e.parent.map(|p| p + base).or(parent);
            e.children.iter_mut().for_each(|c| *c += base);
            e
        }));
        let tops = h.tops.into_iter().map(|t| t + base);
        match parent {
            Some(p) => self.cat.nodes[p].children.extend(tops),
            None => self.cat.roots.extend(tops),
        }
        self.node_id_at.extend(h.node_id_at);
        self.refs.extend(h.refs.into_iter().map(|p| Pending { from: p.from + base, ..p }));
        (self.i, self.multiline) = (h.end, h.multiline);
        true
    }

    /// Whether the reading position is where the next part read on the other thread starts.
    fn at_split(&self) -> bool {
        self.split.as_ref().is_some_and(|s| s.next == Some(self.i))
    }

    /// At the `]` that closes a list of nodes of depth `depth`: the next node of a list above
    /// (its byte and depth), when only the closing brackets of the records around stand
    /// before it (`]`, `)`, commas); `None` when something else does, or at the end of the top
    /// nodes.
    fn next_list(&mut self, mut depth: usize) -> Option<(usize, usize)> {
        loop {
            if depth == 0 {
                return None;
            }
            // `]` of the children, then `)` of the record, a comma allowed after each.
            self.i += 1;
            self.ws().ok()?;
            if self.eat(b',') {
                self.ws().ok()?;
            }
            if !self.eat(b')') {
                return None;
            }
            self.ws().ok()?;
            depth -= 1;
            let comma = self.eat(b',');
            if comma {
                self.ws().ok()?;
            }
            if self.peek() == Some(b']') {
                continue;
            }
            if !comma || !self.b[self.i..].starts_with(b"Node(") {
                return None;
            }
            return Some((self.i, depth));
        }
    }

    /// Reads the id of a node or an organisation and records it, checking its form and that it
    /// is new.
    fn claim(&mut self, t: Target) -> R<()> {
        let (at, id) = self.id()?;
        match t {
            Target::Node(i) => (self.cat.nodes[i].id, self.node_id_at[i]) = (id, at),
            Target::Org(i) => (self.cat.orgs[i].id, self.org_id_at[i]) = (id, at),
        }
        let Catalog { index, nodes, orgs, .. } = &mut self.cat;
        let id_of = |t: Target| match t {
            Target::Node(i) => nodes[i].id.as_str(),
            Target::Org(i) => orgs[i].id.as_str(),
        };
        let first = if self.part { None } else { index.insert(t, id_of) };
        let id = id_of(t);
        if first.is_none() && is_kebab(id) {
            return Ok(());
        }
        let id = id.to_owned();
        if let Some(first) = first {
            let first_at = match first {
                Target::Node(i) => self.node_id_at[i],
                Target::Org(i) => self.org_id_at[i],
            };
            let Pos { line, col } = self.pos(first_at);
            let msg =
                format!("the id \"{id}\" is used twice; first used at line {line}, column {col}");
            self.error(at, msg);
        } else if !is_kebab(&id) {
            let kebab =
                "is not kebab-case (lowercase letters and digits, joined by single hyphens)";
            let msg = if id.is_empty() {
                "an id is empty".into()
            } else {
                format!("the id \"{id}\" {kebab}")
            };
            self.error(at, msg);
        }
        Ok(())
    }

    fn organisation(&mut self) -> R<()> {
        let ox = self.cat.orgs.len();
        self.cat.orgs.push(Org::default());
        self.org_id_at.push(self.i);
        let (node, org) = (self.node.take(), self.org.replace(ox));
        self.record("Organisation", ORG_FIELDS, |r, f, at| {
            if r.common(f, at, |r| &mut r.cat.orgs[ox])? {
                return Ok(());
            }
            match f.value {
                Value::Id => r.claim(Target::Org(ox))?,
                Value::PartOf => {
                    let at = r.i;
                    let id = RefId::of(at, r.string("an id")?);
                    let parts = RefParts::default();
                    r.refs.push(Pending { from: ox, list: List::PartOf, at, id, parts });
                }
                Value::Sources => r.sources(None)?,
                _ => {}
            }
            Ok(())
        })?;
        (self.node, self.org) = (node, org);
        Ok(())
    }

    fn node(&mut self, parent: Option<NodeIx>, depth: usize) -> R<NodeIx> {
        let ix = self.cat.nodes.len();
        self.cat.nodes.push(Entry::blank(parent, depth));
        self.node_id_at.push(self.i);
        let (node, org) = (self.node.replace(ix), self.org.take());
        self.record("Node", NODE_FIELDS, |r, f, at| r.node_value(ix, depth, f, at))?;
        (self.node, self.org) = (node, org);
        let e = &mut self.cat.nodes[ix];
        e.facts.sort_by_key(|(f, _)| *f);
        e.facts.shrink_to_fit();
        e.children.shrink_to_fit();
        Ok(ix)
    }

    fn node_value(
        &mut self,
        ix: NodeIx,
        depth: usize,
        f: &'static Field<Entry>,
        at: usize,
    ) -> R<()> {
        if self.common(f, at, |r| &mut r.cat.nodes[ix])? {
            return Ok(());
        }
        match f.value {
            Value::Id => self.claim(Target::Node(ix))?,
            Value::Fact(fact) => {
                let before = self.cat.nodes[ix].sources.len();
                let mut t = Text::default();
                if self.peek() == Some(b'(') {
                    self.record("", FACT_FIELDS, |r, g, _| match g.value {
                        Value::Sources => r.sources(Some(fact)),
                        _ => r.text(f, at).map(|x| t = x),
                    })?;
                } else {
                    t = self.text(f, at)?;
                }
                if fact == Fact::Since && self.cat.nodes[ix].sources.len() == before {
                    let msg = "what has changed since is not from the source page, and names no source; write it `since: (text: ..., source: [(title: ..., url: ...)])`";
                    self.report(Severity::Warning, at, msg.into(), None);
                }
                self.cat.nodes[ix].facts.push((fact, t));
            }
            Value::Sources => self.sources(None)?,
            Value::Kind => {
                let start = self.i;
                let some = self.b[start..].starts_with(b"Some(");
                let word = self.ident().filter(|w| !some && *w != "None");
                let Some(word) = word else {
                    self.i = start;
                    return self.unexpected("a kind, such as `Forum`");
                };
                let Some(&(_, kind)) = Kind::ALL.iter().find(|(name, _)| *name == word) else {
                    let all: Vec<&str> = Kind::ALL.iter().map(|(n, _)| *n).collect();
                    let msg = format!("`{word}` is not a kind; the kinds are {}", all.join(", "));
                    return self.stop_help(start, msg, did_you_mean(word, all));
                };
                self.cat.nodes[ix].kind = Some(kind);
            }
            Value::Related => self.references(ix, List::Related)?,
            Value::Organisations => self.references(ix, List::Organisations)?,
            Value::Children => self.list("the entries below", |r| {
                if r.at_split() && r.adopt(Some(ix), depth + 1) {
                    return Ok(());
                }
                r.node(Some(ix), depth + 1).map(|c| r.cat.nodes[ix].children.push(c))
            })?,
            _ => {}
        }
        Ok(())
    }

    /// A list of sources, `[(title: ..., url: ..., consulted: ...), ...]`, of the entry or
    /// organisation being read, or of its fact `fact`.
    fn sources(&mut self, fact: Option<Fact>) -> R<()> {
        self.list("the sources", |r| {
            r.record("", SOURCE_REF_FIELDS, |r, f, at| {
                r.common(f, at, |r| &mut r.source).map(drop)
            })?;
            let s = Source { fact, ..std::mem::take(&mut r.source) };
            match (r.node, r.org) {
                (Some(n), _) => r.cat.nodes[n].sources.push(s),
                (_, Some(o)) => r.cat.orgs[o].sources.push(s),
                _ => {}
            }
            Ok(())
        })
    }

    /// A list of references: `"id"` or `(id: "id", role: text, back: text)` each.
    fn references(&mut self, from: NodeIx, list: List) -> R<()> {
        self.list("the references", |r| {
            let (id, parts) = match r.peek() {
                Some(b'"') => {
                    r.scratch_at = r.i;
                    (RefId::of(r.i, r.string("an id")?), RefParts::default())
                }
                Some(b'(') => {
                    r.scratch = RefParts::default();
                    r.record("", REF_FIELDS, |r, f, at| {
                        if r.common(f, at, |r| &mut r.scratch)? {
                            return Ok(());
                        }
                        let (at, id) = r.id()?;
                        (r.scratch.id, r.scratch_at) = (id, at);
                        Ok(())
                    })?;
                    let mut parts = std::mem::take(&mut r.scratch);
                    (RefId::Owned(std::mem::take(&mut parts.id)), parts)
                }
                _ => return r.unexpected("an id in double quotes, or (id: \"...\", role: ...)"),
            };
            r.refs.push(Pending { from, list, at: r.scratch_at, id, parts });
            Ok(())
        })
    }

    /// `#![enable(...)]` lines at the top: RON's extensions. Those that change nothing for a data
    /// file are allowed.
    fn extensions(&mut self) -> R<()> {
        while self.b[self.i..].starts_with(b"#![enable(") {
            self.i += b"#![enable(".len();
            loop {
                self.ws()?;
                if self.eat(b')') {
                    break;
                }
                let at = self.i;
                match self.ident() {
                    Some("implicit_some" | "unwrap_newtypes" | "unwrap_variant_newtypes") => {}
                    Some(w) => {
                        let msg = format!("the RON extension `{w}` is not part of the data format");
                        return self.stop_help(at, msg, Some(DOCS.to_owned()));
                    }
                    None => return self.unexpected("the name of a RON extension"),
                }
                self.ws()?;
                self.eat(b',');
            }
            if !self.eat(b']') {
                return self.unexpected("`]`");
            }
            self.ws()?;
        }
        Ok(())
    }

    // ----- after reading

    /// Resolves every reference, now that every id is known, and builds the reverse links.
    fn resolve(&mut self) {
        let mut suggested = 0;
        let refs = std::mem::take(&mut self.refs);
        let targets = self.targets(&refs);
        // Each entry's lists made once at their size, not grown link by link and shrunk after.
        let mut counts = vec![[0usize; 2]; self.cat.nodes.len()];
        for p in &refs {
            match p.list {
                List::Related => counts[p.from][0] += 1,
                List::Organisations => counts[p.from][1] += 1,
                List::PartOf => {}
            }
        }
        for (n, [related, orgs]) in self.cat.nodes.iter_mut().zip(counts) {
            n.related.reserve_exact(related);
            n.organisations.reserve_exact(orgs);
        }
        let mut part_at = vec![0; self.cat.orgs.len()];
        for (p, found) in refs.into_iter().zip(targets) {
            let (id, from) = (p.id.get(self.src), p.from);
            (self.node, self.org) =
                if p.list == List::PartOf { (None, Some(from)) } else { (Some(from), None) };
            let problem = match (p.list, found) {
                (List::Related, Some(Target::Node(t))) if t == from => {
                    format!("\"{id}\" is related to itself")
                }
                (List::PartOf, Some(Target::Org(t))) if t == from => {
                    format!("\"{id}\" is part of itself")
                }
                (List::Related, Some(Target::Node(t)))
                | (List::Organisations, Some(Target::Org(t))) => {
                    let (RefParts { role, back, .. }, n) = (p.parts, &mut self.cat.nodes[from]);
                    let links =
                        if p.list == List::Related { &mut n.related } else { &mut n.organisations };
                    links.push(Link { target: t, role, back });
                    continue;
                }
                (List::PartOf, Some(Target::Org(t))) => {
                    self.cat.orgs[from].part_of = Some(t);
                    part_at[from] = p.at;
                    continue;
                }
                (List::Related, Some(Target::Org(_))) => format!(
                    "\"{id}\" is an organisation, not an entry of the tree: list it under `organisations`"
                ),
                (List::Organisations, Some(Target::Node(_))) => format!(
                    "\"{id}\" is an entry of the tree, not an organisation: list it under `related`"
                ),
                (List::PartOf, Some(Target::Node(_)) | None) => {
                    format!("`part_of` names \"{id}\", which is not an organisation")
                }
                (List::Related, None) => format!("the related entry \"{id}\" does not exist"),
                (List::Organisations, None) => format!("the organisation \"{id}\" does not exist"),
            };
            let help = if found.is_none() && suggested < SUGGESTIONS {
                suggested += 1;
                let close = |c: &&str| c.len().abs_diff(id.len()) <= 3;
                if p.list == List::Related {
                    did_you_mean(id, self.cat.nodes.iter().map(|n| n.id.as_str()).filter(close))
                } else {
                    did_you_mean(id, self.cat.orgs.iter().map(|o| o.id.as_str()).filter(close))
                }
            } else {
                None
            };
            self.report(Severity::Error, p.at, problem, help);
        }
        self.cycles(&part_at);
        (self.node, self.org) = (None, None);

        // The reverse links. Nodes are met in order, so a node that names the same one twice is
        // the last one listed.
        let cat = &mut self.cat;
        for n in &mut cat.nodes {
            n.related.shrink_to_fit();
            n.organisations.shrink_to_fit();
        }
        cat.derive_parents();
        let nodes = &cat.nodes;
        cat.referred_by = Lists::build(nodes.len(), |each| {
            for (ix, n) in nodes.iter().enumerate() {
                n.related.iter().for_each(|l| each(l.target, ix));
            }
        });
        cat.org_used_by = Lists::build(cat.orgs.len(), |each| {
            for (ix, n) in nodes.iter().enumerate() {
                n.organisations.iter().for_each(|l| each(l.target, ix));
            }
        });
    }

    /// What each reference names. Many are looked up in two halves at once, on two threads
    /// (each look-up waits on memory: the table, the entry, its id).
    fn targets(&self, refs: &[Pending]) -> Vec<Option<Target>> {
        let cat = &self.cat;
        let src = self.src;
        let look = |part: &[Pending]| -> Vec<Option<Target>> {
            part.iter().map(|p| cat.target(p.id.get(src))).collect()
        };
        if self.spawn.is_none() || refs.len() < TWO_THREADS_REFS {
            return look(refs);
        }
        let (first, second) = refs.split_at(refs.len() / 2);
        let (mut found, more) = super::halves::both("reader", || look(first), || look(second));
        // Without a second thread, the second half is looked up here.
        found.extend(more.unwrap_or_else(|| look(second)));
        found
    }

    /// An error for each circle of `part_of` (an organisation part of one that is, in the end,
    /// part of it), at the `part_of` of its first organisation in the file; the circle is then
    /// cut there.
    fn cycles(&mut self, part_at: &[usize]) {
        // 0: not seen; 1: on the walk under way; 2: done.
        let mut state = vec![0u8; self.cat.orgs.len()];
        for start in 0..self.cat.orgs.len() {
            let mut walk = Vec::new();
            let mut cur = Some(start);
            while let Some(o) = cur {
                if state[o] != 0 {
                    break;
                }
                state[o] = 1;
                walk.push(o);
                cur = self.cat.orgs[o].part_of;
            }
            if let Some(o) = cur.filter(|&o| state[o] == 1) {
                let circle = &walk[walk.iter().position(|&w| w == o).unwrap_or(0)..];
                if circle.len() > 1 {
                    let first = circle.iter().copied().min().unwrap_or(o);
                    let at = circle.iter().position(|&w| w == first).unwrap_or(0);
                    let names: Vec<&str> = (0..=circle.len())
                        .map(|k| self.cat.orgs[circle[(at + k) % circle.len()]].id.as_str())
                        .collect();
                    let msg = format!("`part_of` goes round in a circle: {}", names.join(" > "));
                    (self.node, self.org) = (None, Some(first));
                    self.error(part_at[first], msg);
                    self.cat.orgs[first].part_of = None;
                }
            }
            for o in walk {
                state[o] = 2;
            }
        }
    }
}

impl<'s> Reader<'s> {
    /// The last string read, `s`, as the catalog keeps it: a tab is one space (in every output
    /// alike), and the rest made safe for the terminal; nothing when texts are not kept.
    fn kept(&self, s: Cow<'s, str>) -> String {
        if self.keep { self.safe(s).into_owned() } else { String::new() }
    }

    /// The last string read, `s`, made safe as [`Self::kept`] says; borrowed when it is already.
    fn safe(&self, s: Cow<'s, str>) -> Cow<'s, str> {
        debug_assert_eq!(self.dirty, needs_sanitizing(s.as_bytes()), "kept: not the last string");
        if self.dirty { Cow::Owned(sanitize(&s.replace('\t', " ")).into_owned()) } else { s }
    }

    /// A warning at each character of the last string read that no text should hold (see
    /// [`flagged`]); each says how it is shown instead.
    fn controls(&mut self, what: &str) {
        for (at, c) in std::mem::take(&mut self.ctl) {
            let code = format!("U+{:04X}", u32::from(c));
            let msg = match c {
                '\t' => format!("{what} holds a tab ({code}), which is shown as one space"),
                '\r' => format!("{what} holds a carriage return ({code}), shown as a line break"),
                _ => format!(
                    "{what} holds a control character ({code}), which is shown as \"\u{FFFD}\""
                ),
            };
            self.report(Severity::Warning, at, msg, None);
        }
    }

    /// Notes in [`Self::ctl`] the flagged characters written raw in `from..to`; a Windows line
    /// end is a line end. Whether any character there is one that [`sanitize`] changes.
    fn raw_controls(&mut self, from: usize, to: usize) -> bool {
        if !needs_sanitizing(&self.b[from..to]) {
            return false;
        }
        for (k, c) in self.src[from..to].char_indices() {
            let crlf = c == '\r' && self.b.get(from + k + 1) == Some(&b'\n');
            if flagged(c) && !crlf {
                self.ctl.push((from + k, c));
            }
        }
        true
    }
}

/// Whether a text should not hold `c`: a control character (an escape sequence, a bell...) other
/// than a line break, or a bidirectional control, written raw or as an escape.
fn flagged(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// How many times a second half was taken in (by any test of this module).
    pub(super) static ADOPTED: AtomicUsize = AtomicUsize::new(0);

    /// A data set of `roots` top nodes, each with three children that link to a top node and
    /// to an organisation, one in five with a field after its children, and a grandchild
    /// under some; `edit` changes its text before it is read.
    fn file(roots: usize, edit: impl Fn(String) -> String) -> String {
        let mut s = String::from(
            "Dataset(\n    format: 1,\n    languages: [\"fr\", \"nl\"],\n    title: \"T\",\n    \
             source: (note: \"N\", as_of: \"2024\"),\n    organisations: [\n        \
             Organisation(id: \"o-1\", name: \"Org\"),\n    ],\n    nodes: [\n",
        );
        for k in 0..roots {
            let _ = write!(
                s,
                "        Node(id: \"r-{k}\", kind: Level, name: {{\"fr\": \"Niveau {k} : \
                 réseau\", \"nl\": \"Niveau {k}\"}},\n            children: [\n"
            );
            for c in 0..3 {
                let j = (k * 7 + c + 3) % roots;
                let below = if (k + c) % 4 == 1 {
                    format!(
                        ", children: [\n                        Node(id: \"g-{k}-{c}\", kind: \
                         Role, name: \"Rôle\"),\n                    ]"
                    )
                } else {
                    String::new()
                };
                let _ = writeln!(
                    s,
                    "                Node(id: \"c-{k}-{c}\", kind: Forum, name: \"Forum {k} {c}\", \
                     summary: \"Le 7 avril 2024, réunion !\", related: [\"r-{j}\"], \
                     organisations: [(id: \"o-1\", role: \"membre\")]{below}),"
                );
            }
            let after = if k % 5 == 2 { ",\n            related: [\"r-0\"]" } else { "" };
            let _ = writeln!(s, "            ]{after},\n        ),");
        }
        s.push_str("    ],\n)\n");
        edit(s)
    }

    /// A data set whose indentation stops growing below the second level, as some writers cap
    /// it: under each of `roots` top nodes, three children, each over a chain of four nodes
    /// all written at the indentation of the first.
    fn capped(roots: usize) -> String {
        let mut s = String::from(
            "Dataset(\n    format: 1,\n    languages: [\"fr\"],\n    title: \"T\",\n    \
             source: (note: \"N\", as_of: \"2024\"),\n    nodes: [\n",
        );
        for k in 0..roots {
            let _ = writeln!(
                s,
                "        Node(id: \"r-{k}\", kind: Level, name: \"N {k}\", children: ["
            );
            for c in 0..3 {
                let _ = writeln!(s, "            Node(id: \"c-{k}-{c}\", name: \"F\", children: [");
                for d in 0..4 {
                    let _ = writeln!(
                        s,
                        "                Node(id: \"d-{k}-{c}-{d}\", name: \"R {d}\", children: ["
                    );
                }
                s.push_str(&"                ]),\n".repeat(4));
                s.push_str("            ]),\n");
            }
            s.push_str("        ]),\n");
        }
        s.push_str("    ],\n)\n");
        s
    }

    #[test]
    fn a_file_indented_less_deep_down_is_read_on_two_threads_too() {
        for n in [8, 13, 21, 34] {
            let src = capped(n);
            let before = ADOPTED.load(Ordering::Relaxed);
            let two = outcome(&src, true, Some(0));
            // (Other tests may take halves in meanwhile: only more, never fewer.)
            assert!(ADOPTED.load(Ordering::Relaxed) > before, "{n} top nodes: not taken in");
            assert_eq!(two, outcome(&src, true, None), "{n} top nodes");
            assert!(two.1.is_empty(), "{n} top nodes: {:?}", two.1);
        }
    }

    /// What a read gives, as text: the catalog and every message.
    fn outcome(src: &str, keep: bool, split: Option<usize>) -> (String, Vec<String>) {
        let (cat, diags) = read_split("f.ron", src, keep, split);
        (format!("{cat:?}"), diags.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn two_threads_read_as_one() {
        let cases: Vec<(&str, String)> = vec![
            ("as written", file(40, |s| s)),
            (
                "an id of the first half again in the second",
                file(40, |s| s.replace("\"r-30\"", "\"r-3\"")),
            ),
            ("an id twice in the second half", file(40, |s| s.replace("\"c-31-0\"", "\"c-32-1\""))),
            (
                "a syntax error in the second half",
                file(40, |s| s.replace("Forum 33 1\"", "Forum 33 1")),
            ),
            ("an unknown id in the second half", file(40, |s| s.replace("\"r-1\"]", "\"r-x\"]"))),
            ("a warning in the second half", file(40, |s| s.replace("Forum 35 2", "Forum\t35 2"))),
            (
                "a text in an undeclared language",
                file(40, |s| s.replace("{\"fr\": \"Niveau 36", "{\"de\": \"Niveau 36")),
            ),
            (
                "a list where an id should be, in the second half",
                file(40, |s| s.replace("related: [\"r-0\"]", "related: [[\"r-0\"]]")),
            ),
            ("a grandchild twice", file(40, |s| s.replace("\"g-34-", "\"g-33-"))),
            (
                "the children on one line",
                file(40, |s| s.replace("\n                Node(", " Node(")),
            ),
            (
                "the languages after the nodes",
                file(40, |s| {
                    s.replace("    languages: [\"fr\", \"nl\"],\n", "")
                        .replace("\n)\n", "\n    languages: [\"fr\", \"nl\"],\n)\n")
                }),
            ),
            ("the top nodes on one line", file(40, |s| s.replace("\n        Node(", " Node("))),
            (
                "a comment that looks like a top node",
                file(40, |s| {
                    s.replace(
                        "        Node(id: \"r-20\"",
                        "/*\n        Node(id: \"x\"),\n*/        Node(id: \"r-20\"",
                    )
                }),
            ),
        ];
        let mut cases = cases;
        // Other sizes: the middle falls on a top node, a child or a grandchild.
        for n in [3, 7, 12, 25, 41, 60] {
            cases.push(("another size", file(n, |s| s)));
        }
        let before = ADOPTED.load(Ordering::Relaxed);
        for (what, src) in &cases {
            for keep in [true, false] {
                let alone = outcome(src, keep, None);
                let two = outcome(src, keep, Some(0));
                assert_eq!(two, alone, "{what} (keep: {keep})");
            }
        }
        // The clean files and those whose problem is found after reading were taken in.
        let adopted = ADOPTED.load(Ordering::Relaxed) - before;
        assert!(adopted >= 10, "the second half was used {adopted} times");
    }
}
