//! A fast reader for data files written in the plain subset of RON that data files use:
//! structs (named or not), lists, maps of language codes, strings with the common escapes,
//! unit variants for `kind`, a number for `format`, whitespace and comments.
//!
//! It exists for speed alone: `ron` reads a 60 MB file in about 0.7 s, this reader in a
//! fraction of that. It never decides that a file is wrong. At anything outside its subset, or
//! anything `ron` would refuse (an unknown or repeated field, a missing one, a bad escape, text
//! after the end, deep nesting), it gives up and returns `None`, and the file is read again by
//! `ron`, whose messages and positions are the ones the person sees. When it returns a
//! [`Dataset`], `ron` would have returned the same one: `tests/fast_reader.rs` checks that on
//! generated files, the fixtures and mutated files.

use memchr::{memchr, memchr2};

use super::schema::{Dataset, Kind, Node, Organisation, Ref, Source, Text};
use crate::text::needs_sanitizing;

/// How deep entries may nest for this reader; deeper files go to `ron`, which counts about
/// four levels of its recursion limit (128) per entry.
const MAX_DEPTH: usize = 20;

/// Reads `src` as a data set, or gives up (`None`) for `ron` to read it.
#[must_use]
pub fn parse(src: &str) -> Option<Dataset> {
    parse_noting_safety(src).map(|(ds, _)| ds)
}

/// [`parse`], and whether every string read is already safe for the terminal (nothing that
/// [`crate::text::sanitize`] would change), checked while each string is at hand.
#[must_use]
pub fn parse_noting_safety(src: &str) -> Option<(Dataset, bool)> {
    let mut r = Reader { src, b: src.as_bytes(), i: 0, unsafe_text: false };
    r.ws()?;
    let ds = r.dataset()?;
    r.ws()?;
    (r.i == r.b.len()).then_some((ds, !r.unsafe_text))
}

struct Reader<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    /// Whether a string read so far needs [`crate::text::sanitize`].
    unsafe_text: bool,
}

/// Which fields of a struct have been read, one bit each, to refuse repeats and find missing
/// ones.
#[derive(Default)]
struct Seen(u32);

impl Seen {
    /// Marks field `bit`; `None` when it was already there.
    fn mark(&mut self, bit: u32) -> Option<()> {
        if self.0 & (1 << bit) != 0 {
            return None;
        }
        self.0 |= 1 << bit;
        Some(())
    }

    fn has(&self, bit: u32) -> bool {
        self.0 & (1 << bit) != 0
    }
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: u8) -> Option<()> {
        self.eat(c).then_some(())
    }

    /// Skips spaces, tabs, line ends and comments (`// ...`, nested `/* ... */`).
    fn ws(&mut self) -> Option<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.i += 1,
                Some(b'/') => match self.b.get(self.i + 1) {
                    Some(b'/') => {
                        self.i =
                            memchr(b'\n', &self.b[self.i..]).map_or(self.b.len(), |k| self.i + k);
                    }
                    Some(b'*') => {
                        self.i += 2;
                        let mut level = 1usize;
                        while level > 0 {
                            let k = memchr2(b'/', b'*', &self.b[self.i..])?;
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
                    _ => return None,
                },
                _ => return Some(()),
            }
        }
    }

    /// An identifier of ASCII letters, digits and `_`, followed by something that cannot
    /// continue it.
    fn ident(&mut self) -> Option<&'a str> {
        let start = self.i;
        match self.peek()? {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {}
            _ => return None,
        }
        while matches!(self.peek(), Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_')) {
            self.i += 1;
        }
        match self.peek() {
            None
            | Some(b' ' | b'\t' | b'\n' | b'\r' | b'/' | b':' | b',' | b'(' | b')' | b']' | b'}') => {
                Some(&self.src[start..self.i])
            }
            _ => None,
        }
    }

    /// A string literal in double quotes; escapes `\"`, `\\`, `\'`, `\n`, `\r`, `\t`, `\0` and
    /// `\u{...}`.
    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let mut start = self.i;
        let k = memchr2(b'"', b'\\', &self.b[self.i..])?;
        if self.b[self.i + k] == b'"' {
            self.i += k + 1;
            let s = &self.src[start..self.i - 1];
            self.unsafe_text |= needs_sanitizing(s.as_bytes());
            return Some(s.to_owned());
        }
        let mut out = String::new();
        loop {
            let k = memchr2(b'"', b'\\', &self.b[self.i..])?;
            self.i += k;
            out.push_str(&self.src[start..self.i]);
            if self.b[self.i] == b'"' {
                self.i += 1;
                self.unsafe_text |= needs_sanitizing(out.as_bytes());
                return Some(out);
            }
            let c = match self.b.get(self.i + 1)? {
                b'"' => '"',
                b'\\' => '\\',
                b'\'' => '\'',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'0' => '\0',
                b'u' => {
                    // `\u{...}`: one to six hexadecimal digits.
                    self.i += 2;
                    self.expect(b'{')?;
                    let digits = self.b[self.i..]
                        .iter()
                        .take(7)
                        .take_while(|b| b.is_ascii_hexdigit())
                        .count();
                    if !(1..=6).contains(&digits) || self.b.get(self.i + digits) != Some(&b'}') {
                        return None;
                    }
                    let code = u32::from_str_radix(&self.src[self.i..self.i + digits], 16).ok()?;
                    out.push(char::from_u32(code)?);
                    self.i += digits + 1;
                    start = self.i;
                    continue;
                }
                _ => return None,
            };
            out.push(c);
            self.i += 2;
            start = self.i;
        }
    }

    /// The opening of a struct: its name (which must be `name`) or none, then `(`.
    fn open_struct(&mut self, name: &str) -> Option<()> {
        if self.peek() != Some(b'(') {
            if self.ident()? != name {
                return None;
            }
            self.ws()?;
        }
        self.expect(b'(')
    }

    /// The fields of a struct after its `(`, up to and with its `)`: `field` reads the value of
    /// each (and gives up on a name it does not know).
    fn fields(&mut self, mut field: impl FnMut(&mut Self, &str) -> Option<()>) -> Option<()> {
        loop {
            self.ws()?;
            if self.eat(b')') {
                return Some(());
            }
            let name = self.ident()?;
            self.ws()?;
            self.expect(b':')?;
            self.ws()?;
            field(self, name)?;
            self.ws()?;
            if !self.eat(b',') {
                self.ws()?;
                return self.expect(b')');
            }
        }
    }

    /// A list: `[`, items read by `item`, `]`; a comma after the last is allowed.
    fn list(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.expect(b'[')?;
        loop {
            self.ws()?;
            if self.eat(b']') {
                return Some(());
            }
            item(self)?;
            self.ws()?;
            if !self.eat(b',') {
                self.ws()?;
                return self.expect(b']');
            }
        }
    }

    /// A text: a string, or a map from language code to string.
    fn text(&mut self) -> Option<Text> {
        match self.peek()? {
            b'"' => self.string().map(Text::Same),
            b'{' => {
                self.i += 1;
                // Most texts are in two languages: room for two, not the four a growing vector
                // would take.
                let mut out: Vec<(String, String)> = Vec::with_capacity(2);
                loop {
                    self.ws()?;
                    if self.eat(b'}') {
                        return Some(Text::Localized(out));
                    }
                    let lang = self.string()?;
                    self.ws()?;
                    self.expect(b':')?;
                    self.ws()?;
                    let text = self.string()?;
                    if out.iter().any(|(l, _)| *l == lang) {
                        return None;
                    }
                    out.push((lang, text));
                    self.ws()?;
                    if !self.eat(b',') {
                        self.ws()?;
                        self.expect(b'}')?;
                        return Some(Text::Localized(out));
                    }
                }
            }
            _ => None,
        }
    }

    /// An optional text, written directly (`None`, `Some(..)` and anything else go to `ron`).
    fn opt_text(&mut self, slot: &mut Option<Text>) -> Option<()> {
        *slot = Some(self.text()?);
        Some(())
    }

    /// An optional string, written directly.
    fn opt_string(&mut self, slot: &mut Option<String>) -> Option<()> {
        if self.peek()? != b'"' {
            return None;
        }
        *slot = Some(self.string()?);
        Some(())
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        let mut out = Vec::new();
        self.list(|r| {
            out.push(r.string()?);
            Some(())
        })?;
        out.shrink_to_fit();
        Some(out)
    }

    /// A reference: `"id"` or `(id: "id", role: text)`.
    fn reference(&mut self) -> Option<Ref> {
        match self.peek()? {
            b'"' => Some(Ref { id: self.string()?, role: None }),
            b'(' => {
                self.i += 1;
                let (mut seen, mut id, mut role) = (Seen::default(), None, None);
                self.fields(|r, name| match name {
                    "id" => {
                        seen.mark(0)?;
                        if r.peek()? != b'"' {
                            return None;
                        }
                        id = Some(r.string()?);
                        Some(())
                    }
                    "role" => {
                        seen.mark(1)?;
                        r.opt_text(&mut role)
                    }
                    _ => None,
                })?;
                Some(Ref { id: id?, role })
            }
            _ => None,
        }
    }

    fn references(&mut self) -> Option<Vec<Ref>> {
        let mut out = Vec::new();
        self.list(|r| {
            out.push(r.reference()?);
            Some(())
        })?;
        out.shrink_to_fit();
        Some(out)
    }

    fn dataset(&mut self) -> Option<Dataset> {
        self.open_struct("Dataset")?;
        let mut seen = Seen::default();
        let (mut format, mut languages, mut title, mut source) = (None, None, None, None);
        let (mut organisations, mut nodes) = (Vec::new(), None);
        self.fields(|r, name| match name {
            "format" => {
                seen.mark(0)?;
                format = Some(r.number()?);
                Some(())
            }
            "languages" => {
                seen.mark(1)?;
                languages = Some(r.strings()?);
                Some(())
            }
            "title" => {
                seen.mark(2)?;
                title = Some(r.text()?);
                Some(())
            }
            "source" => {
                seen.mark(3)?;
                source = Some(r.source()?);
                Some(())
            }
            "organisations" => {
                seen.mark(4)?;
                r.list(|r| {
                    organisations.push(r.organisation()?);
                    Some(())
                })
            }
            "nodes" => {
                seen.mark(5)?;
                let mut list = Vec::new();
                r.list(|r| {
                    list.push(r.node(0)?);
                    Some(())
                })?;
                nodes = Some(list);
                Some(())
            }
            _ => None,
        })?;
        Some(Dataset {
            format: format?,
            languages: languages?,
            title: title?,
            source: source?,
            organisations,
            nodes: nodes?,
        })
    }

    /// A `u32` written in decimal digits, without a sign, a suffix or a leading zero.
    fn number(&mut self) -> Option<u32> {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        let digits = &self.src[start..self.i];
        if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
            return None;
        }
        match self.peek() {
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'/' | b',' | b')') => digits.parse().ok(),
            _ => None,
        }
    }

    fn source(&mut self) -> Option<Source> {
        self.open_struct("Source")?;
        let (mut seen, mut note, mut as_of, mut url) = (Seen::default(), None, None, None);
        self.fields(|r, name| match name {
            "note" => {
                seen.mark(0)?;
                note = Some(r.text()?);
                Some(())
            }
            "as_of" => {
                seen.mark(1)?;
                as_of = Some(r.text()?);
                Some(())
            }
            "url" => {
                seen.mark(2)?;
                r.opt_string(&mut url)
            }
            _ => None,
        })?;
        Some(Source { note: note?, as_of: as_of?, url })
    }

    fn organisation(&mut self) -> Option<Organisation> {
        self.open_struct("Organisation")?;
        let mut seen = Seen::default();
        let (mut id, mut name_, mut acronym, mut part_of, mut summary) =
            (None, None, None, None, None);
        self.fields(|r, name| match name {
            "id" => {
                seen.mark(0)?;
                if r.peek()? != b'"' {
                    return None;
                }
                id = Some(r.string()?);
                Some(())
            }
            "name" => {
                seen.mark(1)?;
                name_ = Some(r.text()?);
                Some(())
            }
            "acronym" => {
                seen.mark(2)?;
                r.opt_text(&mut acronym)
            }
            "part_of" => {
                seen.mark(3)?;
                r.opt_string(&mut part_of)
            }
            "summary" => {
                seen.mark(4)?;
                r.opt_text(&mut summary)
            }
            _ => None,
        })?;
        Some(Organisation { id: id?, name: name_?, acronym, part_of, summary })
    }

    fn node(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.open_struct("Node")?;
        let mut seen = Seen::default();
        let mut n = Node {
            id: String::new(),
            kind: None,
            name: Text::Same(String::new()),
            acronym: None,
            summary: None,
            participants: None,
            coordination: None,
            frequency: None,
            ccb_role: None,
            legal_basis: None,
            related: Vec::new(),
            organisations: Vec::new(),
            children: Vec::new(),
        };
        self.fields(|r, name| match name {
            "id" => {
                seen.mark(0)?;
                if r.peek()? != b'"' {
                    return None;
                }
                n.id = r.string()?;
                Some(())
            }
            "name" => {
                seen.mark(1)?;
                n.name = r.text()?;
                Some(())
            }
            "kind" => {
                seen.mark(2)?;
                n.kind = Some(r.kind()?);
                Some(())
            }
            "acronym" => {
                seen.mark(3)?;
                r.opt_text(&mut n.acronym)
            }
            "summary" => {
                seen.mark(4)?;
                r.opt_text(&mut n.summary)
            }
            "participants" => {
                seen.mark(5)?;
                r.opt_text(&mut n.participants)
            }
            "coordination" => {
                seen.mark(6)?;
                r.opt_text(&mut n.coordination)
            }
            "frequency" => {
                seen.mark(7)?;
                r.opt_text(&mut n.frequency)
            }
            "ccb_role" => {
                seen.mark(8)?;
                r.opt_text(&mut n.ccb_role)
            }
            "legal_basis" => {
                seen.mark(9)?;
                r.opt_text(&mut n.legal_basis)
            }
            "related" => {
                seen.mark(10)?;
                n.related = r.references()?;
                Some(())
            }
            "organisations" => {
                seen.mark(11)?;
                n.organisations = r.references()?;
                Some(())
            }
            "children" => {
                seen.mark(12)?;
                r.list(|r| {
                    n.children.push(r.node(depth + 1)?);
                    Some(())
                })?;
                n.children.shrink_to_fit();
                Some(())
            }
            _ => None,
        })?;
        (seen.has(0) && seen.has(1)).then_some(n)
    }

    fn kind(&mut self) -> Option<Kind> {
        Some(match self.ident()? {
            "Level" => Kind::Level,
            "Network" => Kind::Network,
            "Platform" => Kind::Platform,
            "Forum" => Kind::Forum,
            "Body" => Kind::Body,
            "Event" => Kind::Event,
            "Exercise" => Kind::Exercise,
            "Service" => Kind::Service,
            "Role" => Kind::Role,
            "Channel" => Kind::Channel,
            _ => return None,
        })
    }
}
