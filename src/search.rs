//! Search: folding text so that case and accents never matter, an index of every searchable
//! text folded once at load, and ranked matching of a query against it in every language.
//!
//! The matcher is a substring matcher over one folded text that holds every field of every
//! node, scanned with `memchr`'s SIMD substring search. Every word of the query must occur
//! somewhere in the entry (in any field, any language); the best occurrence of each word gives
//! the score: name and acronym above organisation names above facts and summary, the start of a
//! word above its middle, the active language above the others.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

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
    fn weight(self) -> u16 {
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

    /// The organisations entry `entry` names, in the order it names them (an organisation
    /// named twice is here twice); none for an item that is not an entry.
    #[must_use]
    pub fn organisations_of(&self, entry: NodeIx) -> &[u32] {
        match (self.node_org_starts.get(entry), self.node_org_starts.get(entry + 1)) {
            (Some(&from), Some(&to)) => &self.node_orgs[from as usize..to as usize],
            _ => &[],
        }
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
}

/// What an occurrence of a word adds to its field's weight: the start of a word, a whole word,
/// the start of the field.
fn bonus(at_start: bool, at_end: bool, field_start: bool) -> u8 {
    (if at_start { 100 } else { 0 })
        + if at_start && at_end { 50 } else { 0 }
        + if field_start && at_start { 25 } else { 0 }
}

/// The score of one occurrence of a word.
fn score(field: Field, bonus: u8) -> u16 {
    field.weight() + u16::from(bonus)
}

/// How many low bits of a ranking key hold the node (see [`Index::search`]).
const NODE_BITS: u32 = 29;
const NODE_MASK: u64 = (1 << NODE_BITS) - 1;

/// From how many bytes of folded text a word is looked for on two threads (below, a second
/// thread costs more than it saves: the 10,000-entry data set has about 3 MB).
const TWO_THREADS_FROM: usize = 1 << 20;

/// In how many pieces such a text is read: enough that the thread done first has little to
/// wait for, few enough that each is a long read.
const PIECES: usize = 16;

/// How many words' matches a [`Kept`] holds at most (each is at most a few MB at 100,000
/// entries).
const KEPT_WORDS: usize = 6;

/// Where one word was found in one item in one language (or in a text the same in all): its
/// best occurrence there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Spot {
    node: u32,
    score: u16,
    /// As [`FieldRef::lang`].
    lang: u8,
    /// The best field it was found in.
    field: Field,
}

/// One word's matches: per item that has it, one [`Spot`] per language it was found in, in the
/// order the languages are first met in the item's fields (its own, then the organisations it
/// names); the items in order. What it holds does not depend on the active language, so that
/// the ranking of any language is made from it without reading the text again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct WordHits {
    spots: Vec<Spot>,
}

impl WordHits {
    /// The items found, in order.
    fn nodes(&self) -> Vec<u32> {
        self.nodes_within(None)
    }

    /// The items found that are in the sorted items `domain` (all when `None`), in order.
    fn nodes_within(&self, domain: Option<&[u32]>) -> Vec<u32> {
        let mut v: Vec<u32> = Vec::with_capacity(self.spots.len());
        let mut d = 0;
        for s in &self.spots {
            if v.last() == Some(&s.node) {
                continue;
            }
            if let Some(domain) = domain {
                while d < domain.len() && domain[d] < s.node {
                    d += 1;
                }
                if domain.get(d) != Some(&s.node) {
                    continue;
                }
            }
            v.push(s.node);
        }
        v
    }
}

/// A word's best occurrence in one field, with what the spots need of the field (so that they
/// are made without reading the table of fields again).
#[derive(Debug, Clone, Copy)]
struct Found {
    /// The field's index in [`Index::fields`].
    field: u32,
    /// See [`bonus`].
    bonus: u8,
    /// As [`FieldRef::lang`].
    lang: u8,
    /// As [`FieldRef::field`].
    kind: Field,
}

impl Found {
    fn new(f: usize, fr: &FieldRef, bonus: u8) -> Self {
        Found { field: f as u32, bonus, lang: fr.lang, kind: fr.field }
    }
}

/// One word's best occurrence in each organisation's name and acronym, per language met in
/// them, in order (as [`WordHits`]): organisation `o`'s are `slots[starts[o]..starts[o + 1]]`.
#[derive(Debug, Default)]
struct Named {
    slots: Vec<(u8, u16)>,
    starts: Vec<u32>,
}

impl Named {
    /// Organisation `o`'s (none when no organisation was looked in).
    fn of(&self, o: usize) -> &[(u8, u16)] {
        match (self.starts.get(o), self.starts.get(o + 1)) {
            (Some(&from), Some(&to)) => &self.slots[from as usize..to as usize],
            _ => &[],
        }
    }
}

/// One word's matches kept from a search, and what the search was limited to.
#[derive(Debug, Clone)]
struct KeptWord {
    word: String,
    /// The words whose matches this word was looked for within, sorted (none: in every item):
    /// its matches are complete for any query that has all these words.
    within: Vec<String>,
    hits: Arc<WordHits>,
}

/// The words' matches of the last searches, so that a keystroke searches only the word it
/// changed (a letter more searches only the matches of the word before it), and a language
/// switch, a word taken back or a word typed again reads no text. Only a speed-up: a search
/// finds the same with an empty one. It belongs to one [`Index`]: a new index needs a new one.
#[derive(Debug, Clone, Default)]
pub struct Kept {
    /// The latest last.
    words: Vec<KeptWord>,
}

impl Kept {
    /// Keeps `kept` (the latest), and the other words' matches of `query` (sorted), then the
    /// latest others, up to [`KEPT_WORDS`].
    fn keep(&mut self, kept: Vec<KeptWord>, query: &[String]) {
        for k in &kept {
            self.words.retain(|o| o.word != k.word || o.within != k.within);
        }
        self.words.extend(kept);
        while self.words.len() > KEPT_WORDS {
            let i =
                self.words.iter().position(|k| query.binary_search(&k.word).is_err()).unwrap_or(0);
            self.words.remove(i);
        }
    }
}

/// The sorted items in both `a` and `b`.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The hit of a ranking key (see [`Index::rank`]), with the language `other` it matched in
/// when not in the active one (`u8::MAX` when it did).
fn hit_of(packed: u64, other: u8) -> Hit {
    let key = !packed & !NODE_MASK;
    Hit {
        node: (packed & NODE_MASK) as usize,
        other_lang: (other != u8::MAX).then_some(other),
        score: (key >> NODE_BITS) as u32,
    }
}

/// The hits of ranking keys (see [`Index::rank`]) made in the order of the nodes, best first,
/// with each one's other language (`others`, in the same order) and `top`, the highest score.
/// When the scores are few, sorted by counting: a stable sort by activity, class and score
/// keeps the nodes in order among equals, as the whole key would; else by comparing the keys.
fn ordered(ranked: &[u64], others: &[u8], top: usize) -> Vec<Hit> {
    let buckets = 4 * (top + 1);
    if ranked.len() < 256 || buckets > 1 << 16 {
        let mut pairs: Vec<(u64, u8)> =
            ranked.iter().copied().zip(others.iter().copied()).collect();
        pairs.sort_unstable_by_key(|p| p.0);
        return pairs.into_iter().map(|(p, o)| hit_of(p, o)).collect();
    }
    // The best first: active and a name (3), then the highest score.
    let bucket = |packed: u64| {
        let key = !packed & !NODE_MASK;
        let (class, score) = ((key >> 61 & 3) as usize, (key >> NODE_BITS) as u32 as usize);
        (3 - class) * (top + 1) + (top - score)
    };
    let mut starts = vec![0usize; buckets + 1];
    for &p in ranked {
        starts[bucket(p) + 1] += 1;
    }
    for b in 0..buckets {
        starts[b + 1] += starts[b];
    }
    let mut out = vec![Hit { node: 0, other_lang: None, score: 0 }; ranked.len()];
    for (&p, &o) in ranked.iter().zip(others) {
        let b = bucket(p);
        out[starts[b]] = hit_of(p, o);
        starts[b] += 1;
    }
    out
}

/// One more occurrence in `node`, whose spots start at `base` in `spots`: merged into the spot
/// of its language, or the first of its language.
fn add_spot(spots: &mut Vec<Spot>, base: usize, node: usize, lang: u8, score: u16, field: Field) {
    match spots[base..].iter_mut().find(|s| s.lang == lang) {
        Some(s) => {
            s.score = s.score.max(score);
            s.field = s.field.max(field);
        }
        None => spots.push(Spot { node: node as u32, score, lang, field }),
    }
}

/// Whether a field of language `lang` counts as the active language `active`'s.
fn is_active(lang: u8, active: Option<usize>) -> bool {
    lang == NO_LANG || Some(usize::from(lang)) == active
}

impl Index {
    /// The nodes that match every word of `query`, best first. `within`, when given, limits the
    /// search to those nodes (the results of a shorter query this one extends).
    #[must_use]
    pub fn search(&self, query: &str, active: &str, within: Option<&[NodeIx]>) -> Vec<Hit> {
        let within: Option<Vec<u32>> = within.map(|w| {
            let mut v: Vec<u32> = w.iter().filter_map(|&n| u32::try_from(n).ok()).collect();
            v.sort_unstable();
            v.dedup();
            v
        });
        self.search_in(query, active, within.as_deref(), &mut Kept::default())
    }

    /// [`Index::search`] of every node, with the words' matches of the last searches in `kept`
    /// (searched only when not there), and this search's kept there for the next.
    #[must_use]
    pub fn search_kept(&self, query: &str, active: &str, kept: &mut Kept) -> Vec<Hit> {
        self.search_in(query, active, None, kept)
    }

    fn search_in(
        &self,
        query: &str,
        active: &str,
        within: Option<&[u32]>,
        kept: &mut Kept,
    ) -> Vec<Hit> {
        let words = query_words(query);
        if words.is_empty() {
            return Vec::new();
        }
        let active = self.languages.iter().position(|l| l == active);
        let mut sorted = words.clone();
        sorted.sort_unstable();
        let in_query = |within: &[String]| within.iter().all(|w| sorted.binary_search(w).is_ok());
        // Each word's matches, in the order of the query: the kept ones first, so that the
        // others are looked for only in the items that have those (and, for a word that
        // contains a kept one, in the items that have that one).
        let mut lists: Vec<Option<Arc<WordHits>>> = vec![None; words.len()];
        // The items that have every word so far (all when `None`), and what limited them.
        let mut domain: Option<Vec<u32>> = within.map(<[u32]>::to_vec);
        let mut limits: Vec<String> = Vec::new();
        let narrow = |domain: &mut Option<Vec<u32>>, nodes: &[u32]| {
            *domain = Some(match domain.take() {
                Some(d) => intersect(&d, nodes),
                None => nodes.to_vec(),
            });
        };
        if within.is_none() {
            for (w, list) in words.iter().zip(&mut lists) {
                if let Some(k) =
                    kept.words.iter().rev().find(|k| &k.word == w && in_query(&k.within))
                {
                    limits.push(w.clone());
                    limits.extend(k.within.iter().cloned());
                    *list = Some(Arc::clone(&k.hits));
                }
            }
        }
        let mut new = Vec::new();
        // Whether `domain` is narrowed to the kept words' items yet (done when a word is to
        // be looked for).
        let mut narrowed = false;
        // The last word to look for: the items that have it need not be listed (the ranking
        // goes through the words' matches themselves).
        let last = lists.iter().rposition(Option::is_none);
        for i in 0..words.len() {
            if lists[i].is_some() {
                continue;
            }
            if !narrowed {
                for l in lists.iter().flatten() {
                    narrow(&mut domain, &l.nodes());
                }
                narrowed = true;
            }
            let w = &words[i];
            if domain.as_ref().is_some_and(Vec::is_empty) {
                return Vec::new();
            }
            // A kept word that this one contains: every item that has this one has it.
            let stem = if within.is_none() {
                kept.words
                    .iter()
                    .filter(|k| {
                        k.word.len() < w.len() && w.contains(k.word.as_str()) && in_query(&k.within)
                    })
                    .min_by_key(|k| k.hits.spots.len())
            } else {
                None
            };
            let mut word_limits = limits.clone();
            let hits = match stem {
                Some(s) => {
                    word_limits.extend(s.within.iter().cloned());
                    self.word_hits(w, Some(&s.hits.nodes_within(domain.as_deref())))
                }
                None => self.word_hits(w, domain.as_deref()),
            };
            word_limits.sort_unstable();
            word_limits.dedup();
            let hits = Arc::new(hits);
            if Some(i) != last {
                narrow(&mut domain, &hits.nodes());
            }
            limits.clone_from(&word_limits);
            limits.push(w.clone());
            if within.is_none() {
                new.push(KeptWord {
                    word: w.clone(),
                    within: word_limits,
                    hits: Arc::clone(&hits),
                });
            }
            lists[i] = Some(hits);
        }
        kept.keep(new, &sorted);
        let lists: Vec<Arc<WordHits>> = lists.into_iter().flatten().collect();
        Self::rank(&lists, active)
    }

    /// The nodes in every one of `lists` (one per word of the query, in its order), ranked for
    /// the active language `active`.
    fn rank(lists: &[Arc<WordHits>], active: Option<usize>) -> Vec<Hit> {
        let Some(driver) = (0..lists.len()).min_by_key(|&i| lists[i].spots.len()) else {
            return Vec::new();
        };
        let mut at = vec![0usize; lists.len()];
        let mut ranked: Vec<u64> = Vec::with_capacity(lists[driver].spots.len());
        // Each key's other language (see [`Hit::other_lang`]), and the highest score.
        let mut others: Vec<u8> = Vec::with_capacity(ranked.capacity());
        let mut top = 0;
        let words = lists.len() as u32;
        let mut d = 0;
        let driver = &lists[driver].spots;
        'nodes: while d < driver.len() {
            let node = driver[d].node;
            while d < driver.len() && driver[d].node == node {
                d += 1;
            }
            let (mut act, mut best_any, mut best_act) = (0u32, 0u32, 0u32);
            let (mut top_any, mut top_act) = (Field::Body, Field::Body);
            let mut first_other = u8::MAX;
            for (i, list) in lists.iter().enumerate() {
                let spots = &list.spots[..];
                let mut from = at[i];
                while from < spots.len() && spots[from].node < node {
                    from += 1;
                }
                let mut to = from;
                while to < spots.len() && spots[to].node == node {
                    to += 1;
                }
                at[i] = to;
                if from == to {
                    continue 'nodes;
                }
                let (mut word_any, mut word_act) = (0u16, 0u16);
                for s in &spots[from..to] {
                    word_any = word_any.max(s.score);
                    top_any = top_any.max(s.field);
                    if is_active(s.lang, active) {
                        word_act = word_act.max(s.score);
                        top_act = top_act.max(s.field);
                    } else if first_other == u8::MAX {
                        first_other = s.lang;
                    }
                }
                act += u32::from(word_act > 0);
                best_any = best_any.saturating_add(u32::from(word_any));
                best_act = best_act.saturating_add(u32::from(word_act));
            }
            // One sort key: active language first; names and acronyms above body text; then
            // the score; then the order of the file. The node number goes in the low bits, so
            // that one sort of plain numbers does it all.
            let (active_match, field, score, other) = if act == words {
                (1u64, top_act, best_act, u8::MAX)
            } else {
                (0, top_any, best_any, first_other)
            };
            top = top.max(score);
            others.push(other);
            let class = u64::from(field >= Field::Name);
            let key = (active_match << 62) | (class << 61) | (u64::from(score) << NODE_BITS);
            ranked.push((!key & !NODE_MASK) | u64::from(node));
        }
        ordered(&ranked, &others, top as usize)
    }

    /// The matches of one word in every node, or in the sorted nodes `domain`.
    fn word_hits(&self, w: &str, domain: Option<&[u32]>) -> WordHits {
        self.word_hits_from(w, domain, TWO_THREADS_FROM)
    }

    /// [`Index::word_hits`], on two threads from `from` bytes of text.
    fn word_hits_from(&self, w: &str, domain: Option<&[u32]>, from: usize) -> WordHits {
        let n = self.node_count;
        let single =
            (w.len() == 1 && w.as_bytes()[0].is_ascii_alphanumeric()).then(|| w.as_bytes()[0]);
        let finder = memmem::Finder::new(w.as_bytes());
        // The runs of consecutive nodes looked in.
        let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
        match domain {
            None => runs.push(0..n),
            Some(d) => {
                for &node in d {
                    let node = node as usize;
                    if node >= n {
                        continue;
                    }
                    match runs.last_mut() {
                        Some(r) if r.end == node => r.end += 1,
                        _ => runs.push(node..node + 1),
                    }
                }
            }
        }
        // The best occurrence in each organisation's name and acronym, as the entries that
        // name it see it: needed only once the text is read, so made while the other thread
        // reads (whichever thread asks first makes it; the other waits for it).
        let named = OnceLock::new();
        let named = || named.get_or_init(|| self.named(single, &finder));
        let look = |runs: &[std::ops::Range<usize>]| {
            let found = self.found_in(runs, single, &finder);
            self.spots_in(runs, single, &found, named())
        };
        let pieces = self.pieces(&runs, from);
        let spots = if pieces.len() < 2 {
            look(&runs)
        } else {
            // A long text is read in pieces on two threads, each taking the next piece left, so
            // that neither waits long for the other (even when one of them is held up).
            let next = AtomicUsize::new(0);
            let work = || {
                let mut done = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(p) = pieces.get(i) else { break done };
                    done.push((i, look(p)));
                }
            };
            let (mut done, more) = crate::data::halves::both(
                "search",
                || {
                    named();
                    work()
                },
                work,
            );
            done.extend(more.into_iter().flatten());
            done.sort_unstable_by_key(|d| d.0);
            let mut spots = Vec::with_capacity(done.iter().map(|d| d.1.len()).sum());
            let mut done = done.into_iter().peekable();
            for (i, p) in pieces.iter().enumerate() {
                match done.next_if(|d| d.0 == i) {
                    Some((_, piece)) => spots.extend(piece),
                    // A piece the second thread took but did not finish is read here.
                    None => spots.extend(look(p)),
                }
            }
            spots
        };
        WordHits { spots }
    }

    /// The best occurrence of one word (its letter if it is one, else its finder) in each
    /// organisation's name and acronym, per language.
    fn named(&self, single: Option<u8>, finder: &memmem::Finder<'_>) -> Named {
        let mut named = Named::default();
        if self.node_orgs.is_empty() {
            return named;
        }
        named.starts.reserve_exact(self.org_name_fields.len() + 1);
        named.starts.push(0);
        // A field has the word only if it has all its letters and digits: most names are not
        // read.
        let needs = finder
            .needle()
            .iter()
            .filter(|b| b.is_ascii_alphanumeric())
            .fold(0, |m, &b| m | letter_bit(b));
        let mut org_found = Vec::new();
        for &(from, to) in &self.org_name_fields {
            let r = from as usize..to as usize;
            org_found.clear();
            match single {
                Some(c) => self.letter_found(r, c, &mut org_found),
                None if self.fields[r.clone()].iter().all(|f| f.letters() & needs != needs) => {}
                None => self.scan(finder, r, &mut org_found),
            }
            // Per language met, in order, the best score.
            let base = named.slots.len();
            for fd in &org_found {
                let (lang, score) = (fd.lang, score(Field::Organisation, fd.bonus));
                match named.slots[base..].iter_mut().find(|s| s.0 == lang) {
                    Some(s) => s.1 = s.1.max(score),
                    None => named.slots.push((lang, score)),
                }
            }
            named.starts.push(u32::try_from(named.slots.len()).unwrap_or(u32::MAX));
        }
        named
    }

    /// The best occurrence of a word (not a letter: those are answered from the masks) in
    /// each field of the nodes of `runs` that has it, in the order of the fields.
    fn found_in(
        &self,
        runs: &[std::ops::Range<usize>],
        single: Option<u8>,
        finder: &memmem::Finder<'_>,
    ) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        if single.is_none() {
            for r in runs {
                let fields = self.node_fields[r.start] as usize..self.node_fields[r.end] as usize;
                self.scan(finder, fields, &mut found);
            }
        }
        found
    }

    /// The spots of one word in the nodes of `runs`: of its letter if it is one (`single`),
    /// else its best in each field from `found` (see [`Index::found_in`]); with `named`, its
    /// best in each organisation's name, for the entries that name it.
    fn spots_in(
        &self,
        runs: &[std::ops::Range<usize>],
        single: Option<u8>,
        found: &[Found],
        named: &Named,
    ) -> Vec<Spot> {
        let any_named = !named.slots.is_empty();
        let mut spots = Vec::with_capacity(found.len() + found.len() / 4);
        let mut next = 0;
        for r in runs {
            for node in r.clone() {
                let end = self.node_fields[node + 1] as usize;
                // This node's spots start here.
                let base = spots.len();
                if let Some(c) = single {
                    // A letter is answered from the fields' letter masks, without reading them.
                    let bit = letter_bit(c);
                    for fr in &self.fields[self.node_fields[node] as usize..end] {
                        if fr.letters() & bit != 0 {
                            let b = bonus(fr.initials() & bit != 0, false, fr.first == c);
                            add_spot(&mut spots, base, node, fr.lang, score(fr.field, b), fr.field);
                        }
                    }
                }
                while next < found.len() && (found[next].field as usize) < end {
                    let fd = found[next];
                    add_spot(&mut spots, base, node, fd.lang, score(fd.kind, fd.bonus), fd.kind);
                    next += 1;
                }
                if any_named && node < self.entries {
                    let from = self.node_org_starts[node] as usize;
                    let to = self.node_org_starts[node + 1] as usize;
                    for &o in &self.node_orgs[from..to] {
                        for &(lang, score) in named.of(o as usize) {
                            add_spot(&mut spots, base, node, lang, score, Field::Organisation);
                        }
                    }
                }
            }
        }
        spots
    }

    /// `runs` (of consecutive nodes) cut in [`PIECES`] pieces of about as much text, in order,
    /// when they hold `from` bytes or more; else in one piece.
    fn pieces(
        &self,
        runs: &[std::ops::Range<usize>],
        from: usize,
    ) -> Vec<Vec<std::ops::Range<usize>>> {
        let start = |node: usize| {
            self.fields
                .get(self.node_fields[node] as usize)
                .map_or(self.text.len(), |f| f.start as usize)
        };
        let total: usize = runs.iter().map(|r| start(r.end) - start(r.start)).sum();
        if total < from || total == 0 {
            return vec![runs.to_vec()];
        }
        let mut pieces = Vec::with_capacity(PIECES);
        let mut piece = Vec::new();
        // The bytes in the pieces so far (this one included), and where this one ends.
        let (mut behind, mut end) = (0, total / PIECES);
        for r in runs {
            let mut r = r.clone();
            while !r.is_empty() {
                let len = start(r.end) - start(r.start);
                if pieces.len() + 1 == PIECES || behind + len < end {
                    piece.push(r.clone());
                    behind += len;
                    break;
                }
                // Cut the run at the first node from which `end` bytes are behind.
                let want = start(r.start) + (end - behind.min(end));
                let (mut cut, mut to) = (r.start, r.end);
                while cut < to {
                    let mid = cut + (to - cut) / 2;
                    if start(mid) < want {
                        cut = mid + 1;
                    } else {
                        to = mid;
                    }
                }
                if cut > r.start {
                    piece.push(r.start..cut);
                    behind += start(cut) - start(r.start);
                }
                pieces.push(std::mem::take(&mut piece));
                end = total * (pieces.len() + 1) / PIECES;
                r = cut..r.end;
            }
        }
        pieces.push(piece);
        pieces.retain(|p| !p.is_empty());
        pieces
    }

    /// The fields of `fields` that have the letter or digit `c`, with its best occurrence,
    /// from their letter masks, without reading them.
    fn letter_found(&self, fields: std::ops::Range<usize>, c: u8, found: &mut Vec<Found>) {
        let bit = letter_bit(c);
        for f in fields {
            let fr = &self.fields[f];
            if fr.letters() & bit != 0 {
                let at_start = fr.initials() & bit != 0;
                found.push(Found::new(f, fr, bonus(at_start, false, fr.first == c)));
            }
        }
    }

    /// The fields of `fields` (consecutive) where `finder`'s word occurs, with its best
    /// occurrence, in one pass over their text.
    fn scan(
        &self,
        finder: &memmem::Finder<'_>,
        fields: std::ops::Range<usize>,
        found: &mut Vec<Found>,
    ) {
        let bytes = self.text.as_bytes();
        let needle = finder.needle();
        let w = needle.len();
        // An occurrence can start a word only where a word starts with the word's first byte:
        // where none does, the first occurrence is as good as the field gets.
        let first_bit =
            needle.first().filter(|b| b.is_ascii_alphanumeric()).map(|&b| letter_bit(b));
        let start_of = |f: usize| self.fields.get(f).map_or(bytes.len(), |fr| fr.start as usize);
        if fields.is_empty() {
            return;
        }
        let limit = start_of(fields.end);
        let mut pos = start_of(fields.start);
        let mut f = fields.start;
        while pos < limit {
            let Some(found_at) = finder.find(&bytes[pos..limit]) else { break };
            let at = pos + found_at;
            while f + 1 < fields.end && start_of(f + 1) <= at {
                f += 1;
            }
            let fr = &self.fields[f];
            let start = fr.start as usize;
            let at_start = at == start || !is_word_byte(bytes[at - 1]);
            let at_end = at + w >= bytes.len() || !is_word_byte(bytes[at + w]);
            let b = bonus(at_start, at_end, at == start);
            match found.last_mut() {
                Some(last) if last.field as usize == f => last.bonus = last.bonus.max(b),
                _ => found.push(Found::new(f, fr, b)),
            }
            // A whole word is as good as a field gets, and so is any occurrence where no word
            // starts with the word's first letter: go on with the next field.
            let done =
                (at_start && at_end) || first_bit.is_some_and(|bit| fr.initials() & bit == 0);
            pos = if done { start_of(f + 1) } else { at + 1 };
        }
    }
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
        assert_eq!((fr.lang, FieldRef::new(0, Field::Name, None, m, 0).lang), (1, NO_LANG));
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

    /// The search as plainly as it can be written: every node, every word, every field (its
    /// own, then the names of the organisations it names), every occurrence.
    fn reference(ix: &Index, query: &str, active: &str) -> Vec<Hit> {
        let words = query_words(query);
        if words.is_empty() {
            return Vec::new();
        }
        let active = ix.languages.iter().position(|l| l == active);
        let bytes = ix.text.as_bytes();
        let end_of = |f: usize| ix.fields.get(f + 1).map_or(bytes.len(), |n| n.start as usize);
        let best_in = |w: &str, f: usize, as_field: Field| -> u16 {
            // A one-letter word is never a whole word (it is answered from the letter masks).
            let single = w.len() == 1 && w.as_bytes()[0].is_ascii_alphanumeric();
            let start = ix.fields[f].start as usize;
            let mut top = 0;
            for i in memmem::find_iter(&bytes[start..end_of(f)], w.as_bytes()) {
                let at = start + i;
                let at_start = at == start || !is_word_byte(bytes[at - 1]);
                let at_end =
                    !single && (at + w.len() >= bytes.len() || !is_word_byte(bytes[at + w.len()]));
                top = top.max(score(as_field, bonus(at_start, at_end, at == start)));
            }
            top
        };
        let mut ranked = Vec::new();
        let mut other = vec![u8::MAX; ix.node_count];
        #[allow(clippy::needless_range_loop)]
        for node in 0..ix.node_count {
            let own = ix.node_fields[node] as usize..ix.node_fields[node + 1] as usize;
            let mut fields: Vec<(usize, Field)> = own.map(|f| (f, ix.fields[f].field)).collect();
            if node < ix.entries {
                let named =
                    ix.node_org_starts[node] as usize..ix.node_org_starts[node + 1] as usize;
                for &o in &ix.node_orgs[named] {
                    let (from, to) = ix.org_name_fields[o as usize];
                    fields.extend((from as usize..to as usize).map(|f| (f, Field::Organisation)));
                }
            }
            let (mut all, mut all_act, mut best_any, mut best_act) = (true, true, 0u32, 0u32);
            let (mut top_any, mut top_act, mut first_other) = (Field::Body, Field::Body, u8::MAX);
            for w in &words {
                let (mut word_any, mut word_act) = (0, 0);
                for &(f, as_field) in &fields {
                    let s = best_in(w, f, as_field);
                    if s == 0 {
                        continue;
                    }
                    word_any = word_any.max(s);
                    top_any = top_any.max(as_field);
                    if is_active(ix.fields[f].lang, active) {
                        word_act = word_act.max(s);
                        top_act = top_act.max(as_field);
                    } else if first_other == u8::MAX {
                        first_other = ix.fields[f].lang;
                    }
                }
                all &= word_any > 0;
                all_act &= word_act > 0;
                best_any += u32::from(word_any);
                best_act += u32::from(word_act);
            }
            if !all {
                continue;
            }
            let (active_match, field, score) = if all_act {
                (1u64, top_act, best_act)
            } else {
                other[node] = first_other;
                (0, top_any, best_any)
            };
            let class = u64::from(field >= Field::Name);
            let key = (active_match << 62) | (class << 61) | (u64::from(score) << NODE_BITS);
            ranked.push((!key & !NODE_MASK) | node as u64);
        }
        ranked.sort_unstable();
        ranked
            .into_iter()
            .map(|packed| {
                let node = (packed & NODE_MASK) as usize;
                let key = !packed & !NODE_MASK;
                let other_lang = (other[node] != u8::MAX).then_some(other[node]);
                Hit { node, other_lang, score: (key >> NODE_BITS) as u32 }
            })
            .collect()
    }

    fn shipped_index() -> &'static Index {
        static IX: OnceLock<Index> = OnceLock::new();
        IX.get_or_init(|| {
            let catalog = crate::data::load_embedded().expect("the built-in data loads").catalog;
            Index::new(&catalog)
        })
    }

    #[test]
    fn the_search_finds_and_ranks_what_the_plain_search_does() {
        let ix = shipped_index();
        let mut queries: Vec<String> =
            ["s", "e", "cc", "se", "reseau", "ccb", "zzz", "cert eu", "a", "l'", "-", "é ccb"]
                .map(String::from)
                .to_vec();
        let text = ix.text.as_str();
        for (i, line) in text.lines().enumerate().step_by(5) {
            let w: Vec<&str> = line.split_whitespace().collect();
            if let Some(first) = w.first() {
                queries.push(first.chars().take(3).collect());
                queries.push(format!("{first} e"));
            }
            if w.len() > 2 {
                queries.push(format!("{} {}", w[w.len() - 1], w[i % w.len()]));
            }
        }
        for q in &queries {
            for lang in ["fr", "nl", "de", "en", "xx"] {
                let plain = reference(ix, q, lang);
                assert_eq!(ix.search(q, lang, None), plain, "{q:?} in {lang}");
                assert_eq!(ix.search_kept(q, lang, &mut Kept::default()), plain, "{q:?} in {lang}");
            }
        }
    }

    #[test]
    fn a_text_read_in_pieces_on_two_threads_is_read_as_a_whole() {
        let ix = shipped_index();
        let n = ix.node_count;
        let every: Vec<std::ops::Range<usize>> = std::iter::once(0..n).collect();
        for runs in [every, vec![3..40, 41..42, 60..n - 5]] {
            let pieces = ix.pieces(&runs, 0);
            assert!(pieces.len() > 1);
            let nodes: Vec<usize> = pieces.iter().flatten().flat_map(Clone::clone).collect();
            let expected: Vec<usize> = runs.iter().flat_map(Clone::clone).collect();
            assert_eq!(nodes, expected);
        }
        let some: Vec<u32> = (0..n as u32).filter(|i| i % 3 != 0).collect();
        for w in ["s", "e", "se", "reseau", "cert", "zzz"] {
            for domain in [None, Some(&some[..])] {
                let whole = ix.word_hits_from(w, domain, usize::MAX);
                assert_eq!(ix.word_hits_from(w, domain, 0), whole, "{w:?}");
            }
        }
    }

    #[test]
    fn within_limits_the_results_to_those_nodes() {
        let ix = shipped_index();
        for q in ["s", "se", "reseau", "cert eu"] {
            let all: Vec<NodeIx> = ix.search(q, "fr", None).iter().map(|h| h.node).collect();
            let some: Vec<NodeIx> = all.iter().copied().step_by(3).collect();
            let within: Vec<NodeIx> =
                ix.search(q, "fr", Some(&some)).iter().map(|h| h.node).collect();
            let expected: Vec<NodeIx> = all.iter().copied().filter(|n| some.contains(n)).collect();
            assert_eq!(within, expected, "{q:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Keystrokes in a row, each searched with what the ones before kept: letters and
        /// spaces typed, taken back, words pasted, the language switched. Each finds and ranks
        /// what the plain search does.
        #[test]
        fn kept_words_find_and_rank_what_the_plain_search_does(
            keys in proptest::collection::vec((0usize..8, 0usize..10_000, 0usize..5), 1..24),
        ) {
            let ix = shipped_index();
            let text = ix.text.as_bytes();
            let langs = ["fr", "nl", "de", "en", "xx"];
            let mut kept = Kept::default();
            let mut query = String::new();
            for (what, at, lang) in keys {
                let at = at * text.len() / 10_000;
                match what {
                    // A letter of the data.
                    0..=2 => {
                        if let Some(&b) = text.get(at).filter(|b| b.is_ascii_graphic()) {
                            query.push(char::from(b));
                        }
                    }
                    3 => query.push(' '),
                    4 => {
                        query.pop();
                    }
                    // A piece of the data pasted (words, parts of words).
                    5 => {
                        let piece = &text[at..text.len().min(at + 12)];
                        query.extend(piece.iter().filter(|b| b.is_ascii()).map(|&b| char::from(b)));
                    }
                    6 => query.clear(),
                    _ => {}
                }
                let lang = langs[lang];
                let plain = reference(ix, &query, lang);
                proptest::prop_assert_eq!(ix.search_kept(&query, lang, &mut kept), plain, "{:?} in {}", query, lang);
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
