//! Search: folding text so that case and accents never matter, an index of every searchable
//! text folded once at load, and ranked matching of a query against it in every language.
//!
//! The matcher is a substring matcher over one folded text that holds every field of every
//! node, scanned with `memchr`'s SIMD substring search. Every word of the query must occur
//! somewhere in the entry (in any field, any language); the best occurrence of each word gives
//! the score: name and acronym above organisation names above facts and summary, the start of a
//! word above its middle, the active language above the others.

use std::collections::HashMap;

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
        '\n' => out.push(' '),
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

/// `s` folded: lowercase, no accents (`Sécurité` → `securite`, `ŒUVRE` → `oeuvre`).
#[must_use]
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
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

/// The words of a query, folded.
#[must_use]
pub fn query_words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_owned).collect()
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

#[derive(Debug, Clone, Copy)]
struct FieldRef {
    /// Byte offset of the field in the folded text.
    start: u32,
    node: u32,
    field: Field,
    /// Index of the language in the catalog, or `None` for a text that is the same in all.
    lang: Option<u8>,
}

/// Every searchable text of a catalog, folded once.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// All fields, folded, each followed by a newline (which no query contains).
    text: String,
    /// The fields, in the order of `text`.
    fields: Vec<FieldRef>,
    languages: Vec<String>,
    node_count: usize,
}

/// One result of a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The node found.
    pub node: NodeIx,
    /// The language it matched in, when it did not match in the active one.
    pub other_lang: Option<String>,
    /// Ranking score; higher is better.
    pub score: u32,
}

impl Index {
    /// Folds every searchable text of `catalog`.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Self {
        let mut ix = Index {
            text: String::new(),
            fields: Vec::new(),
            languages: catalog.languages.clone(),
            node_count: catalog.nodes.len(),
        };
        let lang_ix: HashMap<&str, u8> = catalog
            .languages
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), u8::try_from(i).unwrap_or(u8::MAX)))
            .collect();
        for (n, node) in catalog.nodes.iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            let mut add = |t: &Text, field: Field| {
                for (lang, s) in t.entries() {
                    let lang = lang.map(|l| *lang_ix.get(l).unwrap_or(&u8::MAX));
                    let start = u32::try_from(ix.text.len()).unwrap_or(u32::MAX);
                    ix.fields.push(FieldRef { start, node: n, field, lang });
                    for c in s.chars() {
                        fold_char(c, &mut ix.text);
                    }
                    ix.text.push('\n');
                }
            };
            add(&node.name, Field::Name);
            if let Some(a) = &node.acronym {
                add(a, Field::Acronym);
            }
            if let Some(s) = &node.summary {
                add(s, Field::Body);
            }
            for (_, t) in &node.facts {
                add(t, Field::Body);
            }
            for l in &node.organisations {
                let org = &catalog.orgs[l.target];
                add(&org.name, Field::Organisation);
                if let Some(a) = &org.acronym {
                    add(a, Field::Organisation);
                }
            }
        }
        ix
    }

    /// The nodes that match every word of `query`, best first. `within`, when given, limits the
    /// search to those nodes (the results of a shorter query this one extends).
    #[must_use]
    pub fn search(&self, query: &str, active: &str, within: Option<&[NodeIx]>) -> Vec<Hit> {
        let words = query_words(query);
        if words.is_empty() || words.len() > 32 {
            return Vec::new();
        }
        let active_ix = self.languages.iter().position(|l| l == active);
        let n = self.node_count;
        let allowed: Option<Vec<bool>> = within.map(|w| {
            let mut v = vec![false; n];
            for &i in w {
                v[i] = true;
            }
            v
        });
        // Per node: which words matched in any language, which in the active one, and the
        // best score of each word (any language / active language).
        let all_mask: u32 = if words.len() == 32 { u32::MAX } else { (1u32 << words.len()) - 1 };
        let mut any = vec![0u32; n];
        let mut act = vec![0u32; n];
        let mut best_any = vec![0u32; n];
        let mut best_act = vec![0u32; n];
        let mut top_field = vec![Field::Body; n];
        let mut top_any = vec![Field::Body; n];
        let bytes = self.text.as_bytes();
        // This word's best score per node, and the nodes it touched.
        let mut word_any = vec![0u32; n];
        let mut word_act = vec![0u32; n];
        let mut touched: Vec<usize> = Vec::new();
        for (wi, w) in words.iter().enumerate() {
            let bit = 1u32 << wi;
            let mut f = 0usize;
            for pos in memmem::find_iter(bytes, w.as_bytes()) {
                // The field holding this occurrence: fields are in text order.
                while f + 1 < self.fields.len() && self.fields[f + 1].start as usize <= pos {
                    f += 1;
                }
                let fr = self.fields[f];
                let node = fr.node as usize;
                if allowed.as_ref().is_some_and(|a| !a[node]) {
                    continue;
                }
                let at_start = pos == fr.start as usize || !is_word_byte(bytes[pos - 1]);
                let end = pos + w.len();
                let at_end = end >= bytes.len() || !is_word_byte(bytes[end]);
                let field_start = pos == fr.start as usize;
                let score = fr.field.weight()
                    + if at_start { 100 } else { 0 }
                    + if at_start && at_end { 50 } else { 0 }
                    + if field_start { 25 } else { 0 };
                let in_active = fr.lang.is_none() || fr.lang.map(usize::from) == active_ix;
                if word_any[node] == 0 {
                    touched.push(node);
                }
                any[node] |= bit;
                word_any[node] = word_any[node].max(score);
                top_any[node] = top_any[node].max(fr.field);
                if in_active {
                    act[node] |= bit;
                    word_act[node] = word_act[node].max(score);
                    if fr.field > top_field[node] {
                        top_field[node] = fr.field;
                    }
                }
            }
            for node in touched.drain(..) {
                best_any[node] += std::mem::take(&mut word_any[node]);
                best_act[node] += std::mem::take(&mut word_act[node]);
            }
        }
        let mut hits: Vec<(bool, Field, u32, NodeIx, Option<String>)> = Vec::new();
        for node in 0..n {
            if any[node] != all_mask {
                continue;
            }
            if act[node] == all_mask {
                hits.push((true, top_field[node], best_act[node], node, None));
            } else {
                // Matched only with the help of another language: name the first one that
                // holds a matching field.
                let other = self.other_language(node, &words, active_ix);
                hits.push((false, top_any[node], best_any[node], node, other));
            }
        }
        // Active language first; names and acronyms above body text; then the score; then
        // the order of the file.
        let name_class = |f: Field| u8::from(f >= Field::Name);
        hits.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(name_class(b.1).cmp(&name_class(a.1)))
                .then(b.2.cmp(&a.2))
                .then(a.3.cmp(&b.3))
        });
        hits.into_iter()
            .map(|(_, _, score, node, other_lang)| Hit { node, other_lang, score })
            .collect()
    }

    /// The first language other than the active one in which a field of `node` holds one of
    /// `words`.
    fn other_language(
        &self,
        node: usize,
        words: &[String],
        active: Option<usize>,
    ) -> Option<String> {
        let first = self.fields.partition_point(|f| (f.node as usize) < node);
        let bytes = self.text.as_bytes();
        for (k, fr) in self.fields[first..].iter().enumerate() {
            if fr.node as usize != node {
                break;
            }
            let Some(l) = fr.lang.map(usize::from) else { continue };
            if Some(l) == active {
                continue;
            }
            let end = self.fields.get(first + k + 1).map_or(bytes.len(), |n| n.start as usize);
            let hay = &bytes[fr.start as usize..end];
            if words.iter().any(|w| memmem::find(hay, w.as_bytes()).is_some()) {
                return self.languages.get(l).cloned();
            }
        }
        None
    }
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
        assert_eq!(fold("securite"), "securite");
        assert_eq!(fold("Coördinatie çà ïë"), "coordinatie ca ie");
        assert_eq!(fold("mise en Œuvre"), "mise en oeuvre");
        assert_eq!(fold("l’ENISA"), "l'enisa");
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
