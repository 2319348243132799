//! Search: folding text so that case and accents never matter, an index of every searchable
//! text folded once at load, and ranked matching of a query against it in every language.
//!
//! The matcher is a substring matcher over one folded text that holds every field of every
//! node, scanned with `memchr`'s SIMD substring search. Every word of the query must occur
//! somewhere in the entry (in any field, any language); the best occurrence of each word gives
//! the score: name and acronym above organisation names above facts and summary, the start of a
//! word above its middle, the active language above the others.

use std::sync::OnceLock;

use memchr::memmem;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::data::{Catalog, NodeIx, Text};

/// Folds one character into `out`: lowercase, accents removed, ligatures spelled out.
fn fold_char(c: char, out: &mut String) {
    match c {
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' | 'ẞ' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' => out.push('d'),
        'ı' => out.push('i'),
        '’' | '‘' | 'ʼ' => out.push('\''),
        // French texts hold no-break spaces (see `typography`): a query types plain ones.
        '\n' | '\u{A0}' | '\u{202F}' => out.push(' '),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => {
            for d in std::iter::once(c).nfd() {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }
        }
    }
}

/// The characters whose folded form is kept in a table: Latin-1, Latin Extended-A and B, and
/// general punctuation (the typographic apostrophe). Everything else is folded as met.
const TABLE_RANGES: [(u32, u32); 2] = [(0x80, 0x250), (0x2000, 0x2070)];

/// The folded form of each character of [`TABLE_RANGES`], made once: one text, and where each
/// character's form starts in it (one more entry at the end).
struct FoldTable {
    text: String,
    starts: Vec<u32>,
}

fn fold_table() -> &'static FoldTable {
    static TABLE: OnceLock<FoldTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = FoldTable { text: String::new(), starts: Vec::new() };
        for (from, to) in TABLE_RANGES {
            for cp in from..to {
                t.starts.push(u32::try_from(t.text.len()).unwrap_or(u32::MAX));
                if let Some(c) = char::from_u32(cp) {
                    fold_char(c, &mut t.text);
                }
            }
        }
        t.starts.push(u32::try_from(t.text.len()).unwrap_or(u32::MAX));
        t
    })
}

/// The folded form of `c` from the table, if it is in it.
fn table_fold(c: char) -> Option<&'static str> {
    let cp = u32::from(c);
    let mut base = 0;
    for (from, to) in TABLE_RANGES {
        if (from..to).contains(&cp) {
            let t = fold_table();
            let i = (base + cp - from) as usize;
            return Some(&t.text[t.starts[i] as usize..t.starts[i + 1] as usize]);
        }
        base += to - from;
    }
    None
}

/// Appends `s` folded to `out`, as [`fold_char`] would one character at a time, but with runs
/// of ASCII lowered at once and the common accented letters looked up.
fn fold_into(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run =
            bytes[i..].iter().position(|&b| b >= 0x80 || b == b'\n').unwrap_or(bytes.len() - i);
        if run > 0 {
            let at = out.len();
            out.push_str(&s[i..i + run]);
            out.as_mut_str()[at..].make_ascii_lowercase();
            i += run;
            continue;
        }
        if bytes[i] == b'\n' {
            out.push(' ');
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else { break };
        match table_fold(c) {
            Some(f) => out.push_str(f),
            None => fold_char(c, out),
        }
        i += c.len_utf8();
    }
}

/// `s` folded: lowercase, no accents (`Sécurité` → `securite`, `ŒUVRE` → `oeuvre`).
#[must_use]
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// `s` folded, with the index of the original character each folded byte comes from.
#[must_use]
pub fn fold_mapped(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let before = out.len();
        fold_char(c, &mut out);
        map.extend(std::iter::repeat_n(i, out.len() - before));
    }
    (out, map)
}

/// The words of a query, folded, each once (a word said twice asks nothing more, and a paste
/// can repeat one thousands of times), in the order they first come.
#[must_use]
pub fn query_words(query: &str) -> Vec<String> {
    let folded = fold(query);
    let mut seen = std::collections::HashSet::new();
    folded.split_whitespace().filter(|w| seen.insert(*w)).map(str::to_owned).collect()
}

/// The character ranges of `text` where any of `words` occurs, merged and in order.
#[must_use]
pub fn highlights(text: &str, words: &[String]) -> Vec<(usize, usize)> {
    if words.is_empty() {
        return Vec::new();
    }
    let (folded, map) = fold_mapped(text);
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for w in words.iter().filter(|w| !w.is_empty()) {
        for start in memmem::find_iter(folded.as_bytes(), w.as_bytes()) {
            let end = start + w.len();
            ranges.push((map[start], map[end - 1] + 1));
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Which part of an entry a text is; the order is the ranking of a match in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// Summary or a structured fact.
    Body,
    /// The name or acronym of an organisation the entry names.
    Organisation,
    /// The entry's own name.
    Name,
    /// The entry's own acronym.
    Acronym,
}

impl Field {
    fn weight(self) -> u32 {
        match self {
            Field::Acronym => 1000,
            Field::Name => 900,
            Field::Organisation => 500,
            Field::Body => 200,
        }
    }
}

/// One field of one item (its item is known from [`Index::node_fields`]), in 16 bytes.
#[derive(Debug, Clone, Copy)]
struct FieldRef {
    /// Byte offset of the field in the folded text.
    start: u32,
    /// The letters and digits the field contains (see [`letter_bit`]): bits 0 to 31 here, 32
    /// to 35 in the low half of `high`.
    letters: u32,
    /// The letters and digits that start a word in the field: bits 0 to 31 here, 32 to 35 in
    /// the high half of `high`.
    initials: u32,
    high: u8,
    field: Field,
    /// Index of the language in the catalog, or [`NO_LANG`] for a text that is the same in all.
    lang: u8,
    /// The field's first folded byte.
    first: u8,
}

/// [`FieldRef::lang`] of a text that is the same in every language.
const NO_LANG: u8 = 0xFE;

impl FieldRef {
    fn new(start: u32, field: Field, lang: Option<u8>, masks: (u64, u64), first: u8) -> Self {
        let (letters, initials) = masks;
        // Only letters and digits are asked for (bits 0 to 35); the bit of other characters
        // (63) is not kept.
        let high = ((letters >> 32) & 0xF) as u8 | (((initials >> 32) & 0xF) as u8) << 4;
        FieldRef {
            start,
            letters: letters as u32,
            initials: initials as u32,
            high,
            field,
            // (A 255th language, were there one, would count as undeclared.)
            lang: lang.map_or(NO_LANG, |l| if l >= NO_LANG { u8::MAX } else { l }),
            first,
        }
    }

    fn letters(&self) -> u64 {
        u64::from(self.letters) | u64::from(self.high & 0xF) << 32
    }

    fn initials(&self) -> u64 {
        u64::from(self.initials) | u64::from(self.high >> 4) << 32
    }

    fn lang(&self) -> Option<u8> {
        (self.lang != NO_LANG).then_some(self.lang)
    }
}

/// The bit of a folded byte in a field's letter masks: one per ASCII letter and digit, one for
/// everything else.
fn letter_bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 1 << 63,
    }
}

/// The score of one occurrence of a word.
fn score(field: Field, at_start: bool, at_end: bool, field_start: bool) -> u32 {
    field.weight()
        + if at_start { 100 } else { 0 }
        + if at_start && at_end { 50 } else { 0 }
        + if field_start && at_start { 25 } else { 0 }
}

/// From how many bytes of folded text a search runs in two halves on two threads (below, a
/// second thread costs more than it saves: the 10,000-entry data set has about 3 MB).
const TWO_THREADS_FROM: usize = 1 << 20;

/// How many low bits of a ranking key hold the node (see [`Index::search`]).
const NODE_BITS: u32 = 29;
const NODE_MASK: u64 = (1 << NODE_BITS) - 1;

/// One word's matches in the fields of one node, gathered before they go to the [`Acc`].
#[derive(Default)]
struct NodeBest {
    any: Option<(u32, Field)>,
    act: Option<(u32, Field)>,
    /// The first language other than the active one met.
    other: Option<u8>,
}

impl NodeBest {
    /// One field (of kind `field`, in language `lang`) where the word scored `score`.
    fn add(&mut self, field: Field, lang: Option<u8>, score: u32, active: Option<usize>) {
        let keep = |slot: &mut Option<(u32, Field)>| {
            let (s, f) = slot.get_or_insert((score, field));
            *s = (*s).max(score);
            *f = (*f).max(field);
        };
        keep(&mut self.any);
        if lang.is_none() || lang.map(usize::from) == active {
            keep(&mut self.act);
        } else if self.other.is_none_or(|o| o == u8::MAX) {
            // (`u8::MAX`, a language the catalog does not declare, counts as none.)
            self.other = lang;
        }
    }

    /// Records in `acc` what [`Acc::record`] would have, field by field.
    fn record(&self, node: usize, acc: &mut Acc) {
        let Some((score, field)) = self.any else { return };
        let node = node - acc.base;
        if acc.word_any[node] == 0 {
            acc.touched.push(node);
        }
        acc.word_any[node] = acc.word_any[node].max(score);
        acc.top_any[node] = acc.top_any[node].max(field);
        if let Some((score, field)) = self.act {
            acc.word_act[node] = acc.word_act[node].max(score);
            acc.top_act[node] = acc.top_act[node].max(field);
        }
        if let Some(l) = self.other
            && acc.other[node] == u8::MAX
        {
            acc.other[node] = l;
        }
    }
}

/// What a search has found so far, per node of a range of them (indexed from its start).
struct Acc {
    /// The first node of the range.
    base: usize,
    /// How many of the words so far matched, in any language. Every score is above zero, so a
    /// word matched a node when its score there is (see [`Acc::end_word`]); counting instead of
    /// setting a bit per word lets a query have any number of words.
    any: Vec<u32>,
    /// How many matched in the active language (or a text the same in all).
    act: Vec<u32>,
    /// Sum over the words of their best score, in any language / the active one.
    best_any: Vec<u32>,
    best_act: Vec<u32>,
    /// The best field matched, in any language / the active one.
    top_any: Vec<Field>,
    top_act: Vec<Field>,
    /// The first language other than the active one that matched, per node (`u8::MAX`: none).
    other: Vec<u8>,
    /// The current word's best score per node, and the nodes it touched.
    word_any: Vec<u32>,
    word_act: Vec<u32>,
    touched: Vec<usize>,
}

impl Acc {
    fn new(nodes: std::ops::Range<usize>) -> Self {
        let n = nodes.len();
        Acc {
            base: nodes.start,
            any: vec![0; n],
            act: vec![0; n],
            best_any: vec![0; n],
            best_act: vec![0; n],
            top_any: vec![Field::Body; n],
            top_act: vec![Field::Body; n],
            other: vec![u8::MAX; n],
            word_any: vec![0; n],
            word_act: vec![0; n],
            touched: Vec::new(),
        }
    }

    fn record(&mut self, node: usize, fr: &FieldRef, score: u32, active: Option<usize>) {
        let node = node - self.base;
        if self.word_any[node] == 0 {
            self.touched.push(node);
        }
        self.word_any[node] = self.word_any[node].max(score);
        self.top_any[node] = self.top_any[node].max(fr.field);
        if fr.lang().is_none() || fr.lang().map(usize::from) == active {
            self.word_act[node] = self.word_act[node].max(score);
            self.top_act[node] = self.top_act[node].max(fr.field);
        } else if let Some(l) = fr.lang()
            && self.other[node] == u8::MAX
        {
            self.other[node] = l;
        }
    }

    /// The end of word number `done` (from 1): the word's scores go into the totals; returns
    /// whether any node has matched every word so far (if none has, none can match them all).
    fn end_word(&mut self, done: u32) -> bool {
        let mut alive = false;
        for node in self.touched.drain(..) {
            let act = std::mem::take(&mut self.word_act[node]);
            self.any[node] += 1;
            self.act[node] += u32::from(act > 0);
            self.best_any[node] =
                self.best_any[node].saturating_add(std::mem::take(&mut self.word_any[node]));
            self.best_act[node] = self.best_act[node].saturating_add(act);
            alive |= self.any[node] == done;
        }
        alive
    }
}

/// Every searchable text of a catalog, folded once.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// All fields, folded, each followed by a newline (which no query contains).
    text: String,
    /// The fields, in the order of `text` (a node's fields are together, nodes in order).
    fields: Vec<FieldRef>,
    /// For each node, the index of its first field; one more entry at the end.
    node_fields: Vec<u32>,
    languages: Vec<String>,
    /// How many items: entries, then organisations.
    node_count: usize,
    /// How many entries (the first items).
    entries: usize,
    /// The organisations each entry names, in order: for entry `e`,
    /// `node_orgs[node_org_starts[e]..node_org_starts[e + 1]]`. A word found in an
    /// organisation's name or acronym is found in each entry that names it: those fields are
    /// searched once, in the organisation's own item, not copied into every entry.
    node_orgs: Vec<u32>,
    node_org_starts: Vec<u32>,
    /// For each organisation, its item's name and acronym fields (the first of its fields).
    org_name_fields: Vec<(u32, u32)>,
}

/// One result of a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The item found: a node below the catalog's node count, else an organisation (its index
    /// plus the node count).
    pub node: NodeIx,
    /// The language it matched in (an index into the catalog's languages), when it did not
    /// match in the active one.
    pub other_lang: Option<u8>,
    /// Ranking score; higher is better.
    pub score: u32,
}

impl Index {
    /// Folds every searchable text of `catalog`: the nodes (items `0..nodes`), then the
    /// organisations (items `nodes..nodes + organisations`), so that one search serves both the
    /// tree of levels and the organisations view.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Self {
        let mut ix = Index {
            text: String::new(),
            fields: Vec::new(),
            node_fields: Vec::with_capacity(catalog.nodes.len() + catalog.orgs.len() + 1),
            languages: catalog.languages.clone(),
            node_count: catalog.nodes.len() + catalog.orgs.len(),
            entries: catalog.nodes.len(),
            node_orgs: Vec::new(),
            node_org_starts: Vec::with_capacity(catalog.nodes.len() + 1),
            org_name_fields: Vec::with_capacity(catalog.orgs.len()),
        };
        let lang_ix = Langs(&catalog.languages);
        // Room for every field and its folded text (about as long as the text), so that
        // neither grows by copying.
        let (mut fields, mut bytes) = (0usize, 0usize);
        let mut measure = |t: &Text| {
            for (_, s) in t.entries() {
                fields += 1;
                bytes += s.len() + 1;
            }
        };
        for node in &catalog.nodes {
            measure(&node.name);
            node.acronym.iter().chain(&node.summary).for_each(&mut measure);
            node.facts.iter().for_each(|(_, t)| measure(t));
        }
        for org in &catalog.orgs {
            measure(&org.name);
            org.acronym.iter().chain(&org.summary).for_each(&mut measure);
        }
        ix.text.reserve(bytes + bytes / 16);
        ix.fields.reserve_exact(fields);
        ix.node_orgs.reserve_exact(catalog.nodes.iter().map(|n| n.organisations.len()).sum());
        for node in &catalog.nodes {
            ix.start_item();
            ix.add(&lang_ix, &node.name, Field::Name);
            if let Some(a) = &node.acronym {
                ix.add(&lang_ix, a, Field::Acronym);
            }
            if let Some(s) = &node.summary {
                ix.add(&lang_ix, s, Field::Body);
            }
            for (_, t) in &node.facts {
                ix.add(&lang_ix, t, Field::Body);
            }
            ix.node_org_starts.push(u32::try_from(ix.node_orgs.len()).unwrap_or(u32::MAX));
            ix.node_orgs.extend(
                node.organisations.iter().map(|l| u32::try_from(l.target).unwrap_or(u32::MAX)),
            );
        }
        ix.node_org_starts.push(u32::try_from(ix.node_orgs.len()).unwrap_or(u32::MAX));
        for org in &catalog.orgs {
            ix.start_item();
            let from = u32::try_from(ix.fields.len()).unwrap_or(u32::MAX);
            ix.add(&lang_ix, &org.name, Field::Name);
            if let Some(a) = &org.acronym {
                ix.add(&lang_ix, a, Field::Acronym);
            }
            let to = u32::try_from(ix.fields.len()).unwrap_or(u32::MAX);
            ix.org_name_fields.push((from, to));
            if let Some(s) = &org.summary {
                ix.add(&lang_ix, s, Field::Body);
            }
        }
        ix.start_item();
        // The room reserved was for the texts as written; folded, they are a little shorter.
        ix.text.shrink_to_fit();
        ix
    }

    /// The bytes the index holds: its folded text, and its field and item tables.
    #[must_use]
    pub fn memory_size(&self) -> (usize, usize) {
        let tables = self.fields.capacity() * std::mem::size_of::<FieldRef>()
            + self.node_fields.capacity() * std::mem::size_of::<u32>();
        (self.text.capacity(), tables)
    }

    /// Marks where the next item's fields begin.
    fn start_item(&mut self) {
        self.node_fields.push(u32::try_from(self.fields.len()).unwrap_or(u32::MAX));
    }

    /// Folds one text of item `item` into the index, one field per language.
    fn add(&mut self, lang_ix: &Langs<'_>, t: &Text, field: Field) {
        for (lang, s) in t.entries() {
            let lang = lang.map(|l| lang_ix.index(l));
            let start = self.text.len();
            fold_into(s, &mut self.text);
            let (letters, initials) = masks(&self.text.as_bytes()[start..]);
            let first = self.text.as_bytes().get(start).copied().unwrap_or(b'\n');
            self.text.push('\n');
            let start = u32::try_from(start).unwrap_or(u32::MAX);
            self.fields.push(FieldRef::new(start, field, lang, (letters, initials), first));
        }
    }

    /// The nodes that match every word of `query`, best first. `within`, when given, limits the
    /// search to those nodes (the results of a shorter query this one extends).
    ///
    /// A large index is searched in two halves at once, on two threads (each half's nodes
    /// are its own; the halves' results are ranked together).
    #[must_use]
    pub fn search(&self, query: &str, active: &str, within: Option<&[NodeIx]>) -> Vec<Hit> {
        self.search_split(query, active, within, TWO_THREADS_FROM)
    }

    /// [`Index::search`], in two halves when the folded text has `two_threads_from` bytes or
    /// more.
    fn search_split(
        &self,
        query: &str,
        active: &str,
        within: Option<&[NodeIx]>,
        two_threads_from: usize,
    ) -> Vec<Hit> {
        let words = query_words(query);
        if words.is_empty() {
            return Vec::new();
        }
        let active = self.languages.iter().position(|l| l == active);
        let n = self.node_count;
        // A small set of nodes to look in is scanned node by node; a large one (or none) is
        // scanned in one pass over the whole text.
        let subset: Option<Vec<usize>> = within.filter(|w| w.len() < n / 4).map(|w| {
            let mut v = w.to_vec();
            v.sort_unstable();
            v
        });
        let allowed: Option<Vec<bool>> = within.map(|w| {
            let mut v = vec![false; n];
            for &i in w {
                v[i] = true;
            }
            v
        });
        let words: Vec<Word<'_>> = words.iter().map(|w| self.word(w, active)).collect();
        let ask =
            Ask { words: &words, active, subset: subset.as_deref(), allowed: allowed.as_deref() };
        let split = self.split(two_threads_from);
        let (mut ranked, other) = if split < n {
            std::thread::scope(|scope| {
                let second = std::thread::Builder::new()
                    .name("search".into())
                    .spawn_scoped(scope, || self.search_nodes(&ask, split..n));
                let (mut ranked, mut other) = self.search_nodes(&ask, 0..split);
                // Without a second thread, the second half is searched here.
                let (more, more_other) = match second.map(std::thread::ScopedJoinHandle::join) {
                    Ok(Ok(r)) => r,
                    _ => self.search_nodes(&ask, split..n),
                };
                ranked.extend(more);
                other.extend(more_other);
                (ranked, other)
            })
        } else {
            self.search_nodes(&ask, 0..n)
        };
        ranked.sort_unstable();
        ranked
            .into_iter()
            .map(|packed| {
                let node = (packed & NODE_MASK) as usize;
                let key = !packed & !NODE_MASK;
                let active_match = key >> 62 & 1 == 1;
                let other_lang = (!active_match && other[node] != u8::MAX).then_some(other[node]);
                Hit { node, other_lang, score: (key >> NODE_BITS) as u32 }
            })
            .collect()
    }

    /// Where the nodes are cut in two halves of about as much text, each searched on its own
    /// thread; the node count when the text is shorter than `two_threads_from`.
    fn split(&self, two_threads_from: usize) -> usize {
        let n = self.node_count;
        if self.text.len() < two_threads_from || n < 2 {
            return n;
        }
        let half = self.text.len() / 2;
        let start = |f: u32| self.fields.get(f as usize).map_or(usize::MAX, |f| f.start as usize);
        self.node_fields[..n].partition_point(|&f| start(f) < half).clamp(1, n - 1)
    }

    /// A word of the query, ready to look for: its letter if it is one, its finder, and its
    /// best in each organisation's name and acronym, as the entries naming it see it.
    fn word<'w>(&self, w: &'w str, active: Option<usize>) -> Word<'w> {
        let single =
            (w.len() == 1 && w.as_bytes()[0].is_ascii_alphanumeric()).then(|| w.as_bytes()[0]);
        let finder = memmem::Finder::new(w.as_bytes());
        let named = if self.node_orgs.is_empty() {
            Vec::new()
        } else {
            self.org_name_fields
                .iter()
                .map(|&(from, to)| {
                    let r = from as usize..to as usize;
                    match single {
                        Some(c) => self.letter_best(r, c, active, Some(Field::Organisation)),
                        None => self.scan_best(&finder, r, active, Field::Organisation),
                    }
                })
                .collect()
        };
        Word { single, finder, named }
    }

    /// The search of [`Index::search`] in the nodes `nodes`: the ranking key of each node that
    /// matched every word (unsorted), and per node of the range the first language other than
    /// the active one it matched in (`u8::MAX`: none).
    fn search_nodes(&self, ask: &Ask<'_>, nodes: std::ops::Range<usize>) -> (Vec<u64>, Vec<u8>) {
        let mut acc = Acc::new(nodes.clone());
        let field_range =
            |node: usize| self.node_fields[node] as usize..self.node_fields[node + 1] as usize;
        let allowed = |node: usize| ask.allowed.is_none_or(|a| a[node]);
        // The nodes of the subset in this range.
        let subset = ask.subset.map(|s| {
            &s[s.partition_point(|&x| x < nodes.start)..s.partition_point(|&x| x < nodes.end)]
        });
        let active = ask.active;
        let mut done = 0u32;
        for w in ask.words {
            let named = &w.named;
            match (w.single, subset) {
                (Some(c), Some(subset)) => {
                    for &node in subset {
                        self.letter_best(field_range(node), c, active, None).record(node, &mut acc);
                        self.add_named(node, named, &mut acc);
                    }
                }
                (Some(c), None) => {
                    for node in nodes.clone().filter(|&node| allowed(node)) {
                        self.letter_best(field_range(node), c, active, None).record(node, &mut acc);
                        self.add_named(node, named, &mut acc);
                    }
                }
                (None, Some(subset)) => {
                    for &node in subset {
                        let r = field_range(node);
                        self.scan(&w.finder, r.start, r.end, active, None, &mut acc);
                        self.add_named(node, named, &mut acc);
                    }
                }
                (None, None) => {
                    let from = self.node_fields[nodes.start] as usize;
                    let to = self.node_fields[nodes.end] as usize;
                    self.scan(&w.finder, from, to, active, ask.allowed, &mut acc);
                    if !named.is_empty() {
                        for node in nodes.start..nodes.end.min(self.entries) {
                            if allowed(node) {
                                self.add_named(node, named, &mut acc);
                            }
                        }
                    }
                }
            }
            done += 1;
            if !acc.end_word(done) {
                // No node has every word so far: none will have them all.
                return (Vec::new(), acc.other);
            }
        }
        let all_mask = done;
        // One sort key: active language first; names and acronyms above body text; then the
        // score; then the order of the file.
        // The node number goes in the low bits, so that one sort of plain numbers does it all.
        let mut ranked: Vec<u64> = Vec::new();
        for i in 0..nodes.len() {
            if acc.any[i] != all_mask {
                continue;
            }
            let (active_match, field, score) = if acc.act[i] == all_mask {
                acc.other[i] = u8::MAX;
                (1u64, acc.top_act[i], acc.best_act[i])
            } else {
                (0, acc.top_any[i], acc.best_any[i])
            };
            let class = u64::from(field >= Field::Name);
            let key = (active_match << 62) | (class << 61) | (u64::from(score) << NODE_BITS);
            ranked.push((!key & !NODE_MASK) | (nodes.start + i) as u64);
        }
        (ranked, acc.other)
    }

    /// The best of a one-letter word in `fields`, from their letter masks, without reading
    /// them: what [`Acc::record`] would keep of them, field by field. With `as_field`, each
    /// field counts as that kind of field.
    fn letter_best(
        &self,
        fields: std::ops::Range<usize>,
        c: u8,
        active: Option<usize>,
        as_field: Option<Field>,
    ) -> NodeBest {
        let b = letter_bit(c);
        let mut best = NodeBest::default();
        for fr in &self.fields[fields] {
            if fr.letters() & b == 0 {
                continue;
            }
            let field = as_field.unwrap_or(fr.field);
            let at_start = fr.initials() & b != 0;
            let field_start = fr.first == c;
            best.add(field, fr.lang(), score(field, at_start, false, field_start), active);
        }
        best
    }

    /// The best occurrence of `finder`'s word in `fields`, each field counting as `as_field`:
    /// what [`Index::scan`] would record of them.
    fn scan_best(
        &self,
        finder: &memmem::Finder<'_>,
        fields: std::ops::Range<usize>,
        active: Option<usize>,
        as_field: Field,
    ) -> NodeBest {
        let bytes = self.text.as_bytes();
        let w = finder.needle().len();
        let mut best = NodeBest::default();
        for f in fields {
            let fr = self.fields[f];
            let start = fr.start as usize;
            let end = self.fields.get(f + 1).map_or(bytes.len(), |n| n.start as usize);
            let mut top: Option<u32> = None;
            let mut pos = start;
            while let Some(found) = finder.find(&bytes[pos..end]) {
                let at = pos + found;
                let at_start = at == start || !is_word_byte(bytes[at - 1]);
                let at_end = at + w >= bytes.len() || !is_word_byte(bytes[at + w]);
                let s = score(as_field, at_start, at_end, at == start);
                top = Some(top.map_or(s, |t| t.max(s)));
                if at_start && at_end {
                    break;
                }
                pos = at + 1;
            }
            if let Some(s) = top {
                best.add(as_field, fr.lang(), s, active);
            }
        }
        best
    }

    /// Records, for entry `node`, the word found in the organisations it names, in the order it
    /// names them.
    fn add_named(&self, node: usize, named: &[NodeBest], acc: &mut Acc) {
        if node >= self.entries || named.is_empty() {
            return;
        }
        let from = self.node_org_starts[node] as usize;
        let to = self.node_org_starts[node + 1] as usize;
        for &o in &self.node_orgs[from..to] {
            named[o as usize].record(node, acc);
        }
    }

    /// Finds `finder`'s word in fields `from..to`, keeping the best occurrence of each field.
    #[allow(clippy::too_many_arguments)]
    fn scan(
        &self,
        finder: &memmem::Finder<'_>,
        from: usize,
        to: usize,
        active: Option<usize>,
        allowed: Option<&[bool]>,
        acc: &mut Acc,
    ) {
        let bytes = self.text.as_bytes();
        let w = finder.needle().len();
        let end_of = |f: usize| self.fields.get(f + 1).map_or(bytes.len(), |n| n.start as usize);
        let Some(first) = self.fields.get(from) else { return };
        let limit =
            if to >= self.fields.len() { bytes.len() } else { self.fields[to].start as usize };
        let mut pos = first.start as usize;
        let mut f = from;
        // The item of field `f`: the last whose first field is `f` or before.
        let mut node = self.node_fields.partition_point(|&k| k as usize <= from).saturating_sub(1);
        while pos < limit {
            let Some(found) = finder.find(&bytes[pos..limit]) else { break };
            let at = pos + found;
            while f + 1 < to && self.fields[f + 1].start as usize <= at {
                f += 1;
            }
            while self.node_fields[node + 1] as usize <= f {
                node += 1;
            }
            let fr = self.fields[f];
            if allowed.is_some_and(|a| !a[node]) {
                // Skip the rest of this node's fields.
                let next = self.node_fields[node + 1] as usize;
                pos = if next >= self.fields.len() {
                    limit
                } else {
                    self.fields[next].start as usize
                };
                continue;
            }
            let start = fr.start as usize;
            let at_start = at == start || !is_word_byte(bytes[at - 1]);
            let at_end = at + w >= bytes.len() || !is_word_byte(bytes[at + w]);
            acc.record(node, &fr, score(fr.field, at_start, at_end, at == start), active);
            // A whole word is as good as this field gets: go on with the next field.
            pos = if at_start && at_end { end_of(f) } else { at + 1 };
        }
    }
}

/// One word of a query, ready to look for (see [`Index::word`]).
struct Word<'w> {
    single: Option<u8>,
    finder: memmem::Finder<'w>,
    named: Vec<NodeBest>,
}

/// What a search asks of each half of the nodes.
struct Ask<'a> {
    words: &'a [Word<'a>],
    active: Option<usize>,
    /// The nodes to look in, sorted, when they are few.
    subset: Option<&'a [usize]>,
    /// Per node, whether to look in it, when not all are.
    allowed: Option<&'a [bool]>,
}

/// The catalog's languages, to number the language of each field.
struct Langs<'a>(&'a [String]);

impl Langs<'_> {
    /// The index of language `l`, or `u8::MAX` for one the catalog does not declare.
    fn index(&self, l: &str) -> u8 {
        self.0.iter().position(|x| x == l).and_then(|i| u8::try_from(i).ok()).unwrap_or(u8::MAX)
    }
}

/// For each byte of folded text: its bit in the letter masks (see [`letter_bit`]) when it is
/// part of a word (see [`is_word_byte`]), else 0.
static WORD_BITS: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() || c >= 0x80 {
            match c {
                b'a'..=b'z' => 1 << (c - b'a'),
                b'0'..=b'9' => 1 << (26 + c - b'0'),
                _ => 1 << 63,
            }
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The letters and digits of a folded field, and those that start a word (see [`letter_bit`]).
fn masks(folded: &[u8]) -> (u64, u64) {
    let (mut letters, mut initials) = (0u64, 0u64);
    // The previous byte's bit, 0 when it is not part of a word.
    let mut prev = 0u64;
    for &b in folded {
        let bit = WORD_BITS[usize::from(b)];
        letters |= bit;
        initials |= bit & u64::from(prev == 0).wrapping_neg();
        prev = bit;
    }
    (letters, initials)
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents_both_ways() {
        assert_eq!(fold("Sécurité"), "securite");
        assert_eq!(fold("SÉCURITÉ"), "securite");
        assert_eq!(fold("18\u{A0}octobre\u{202F}2024"), "18 octobre 2024");
        assert_eq!(fold("securite"), "securite");
        assert_eq!(fold("Coördinatie çà ïë"), "coordinatie ca ie");
        assert_eq!(fold("mise en Œuvre"), "mise en oeuvre");
        assert_eq!(fold("l’ENISA"), "l'enisa");
    }

    #[test]
    fn a_field_reference_is_16_bytes_and_keeps_its_masks() {
        assert_eq!(std::mem::size_of::<FieldRef>(), 16);
        let m = masks(b"zoo 9 lives 0");
        let fr = FieldRef::new(7, Field::Body, Some(1), m, b'z');
        assert_eq!((fr.letters(), fr.initials()), (m.0 & !(1 << 63), m.1 & !(1 << 63)));
        assert_eq!((fr.lang(), FieldRef::new(0, Field::Name, None, m, 0).lang()), (Some(1), None));
    }

    #[test]
    fn masks_from_the_table_are_the_masks_by_rule() {
        let by_rule = |folded: &[u8]| {
            let (mut letters, mut initials) = (0u64, 0u64);
            let mut prev_word = false;
            for &b in folded {
                let word = is_word_byte(b);
                if word {
                    letters |= letter_bit(b);
                    if !prev_word {
                        initials |= letter_bit(b);
                    }
                }
                prev_word = word;
            }
            (letters, initials)
        };
        let all: Vec<u8> = (0..=255).collect();
        for text in [
            &b"le reseau 2024, d'ENISA"[..],
            b"",
            b"  a",
            &all,
            &fold("Sécurité œuvre").into_bytes(),
        ] {
            assert_eq!(masks(text), by_rule(text));
        }
    }

    #[test]
    fn fast_folding_is_character_folding() {
        let by_chars = |s: &str| {
            let mut out = String::new();
            for c in s.chars() {
                fold_char(c, &mut out);
            }
            out
        };
        for cp in 0..0x2100u32 {
            let Some(c) = char::from_u32(cp) else { continue };
            let s = format!("Ab{c}\nÉ{c}{c}z");
            assert_eq!(fold(&s), by_chars(&s), "U+{cp:04X}");
        }
    }

    #[test]
    fn two_halves_find_and_rank_what_one_pass_does() {
        let catalog = crate::data::load_embedded().expect("the built-in data loads").catalog;
        let ix = Index::new(&catalog);
        let n = ix.node_count;
        assert!(ix.split(0) > 0 && ix.split(0) < n, "the built-in data is cut in two");
        assert_eq!(ix.split(usize::MAX), n);
        let split = ix.split(0);
        let s = ix.search_split("s", "fr", None, 0);
        assert!(s.iter().any(|h| h.node < split) && s.iter().any(|h| h.node >= split));
        // Words and parts of words from the data, one letter, two words, and words that
        // only match together.
        let mut queries: Vec<String> =
            ["s", "e", "cc", "se", "reseau", "ccb", "zzz", "cert eu"].map(String::from).to_vec();
        for node in catalog.nodes.iter().step_by(7) {
            if let Some(w) = node.id.split('-').next() {
                queries.push(w.chars().take(3).collect());
                queries.push(format!("{w} e"));
            }
        }
        for q in &queries {
            for lang in ["fr", "nl"] {
                let one = ix.search_split(q, lang, None, usize::MAX);
                assert_eq!(ix.search_split(q, lang, None, 0), one, "{q:?} in {lang}");
                // Within the results of a shorter query, few or many.
                let within: Vec<NodeIx> = one.iter().map(|h| h.node).collect();
                for w in [&within[..], &within[..within.len() / 8]] {
                    let longer = format!("{q}a");
                    assert_eq!(
                        ix.search_split(&longer, lang, Some(w), 0),
                        ix.search_split(&longer, lang, Some(w), usize::MAX),
                        "{longer:?} within {} in {lang}",
                        w.len()
                    );
                }
            }
        }
    }

    #[test]
    fn highlights_map_back_to_original_characters() {
        let words = query_words("secu");
        assert_eq!(highlights("La Sécurité", &words), vec![(3, 7)]);
        let words = query_words("oeuvre");
        assert_eq!(highlights("mise en œuvre", &words), vec![(8, 13)]);
        let words = query_words("re ré");
        assert_eq!(highlights("réré", &words), vec![(0, 4)]);
        assert!(highlights("abc", &[]).is_empty());
    }
}
