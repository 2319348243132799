//! The data format's schema: texts, the kinds of entry, and one table of fields per record that
//! the reader and its checks both walk. Adding a field to an entry is a line in [`NODE_FIELDS`]
//! and a place for it in [`super::model::Entry`] (plus its display and its documentation).

use super::model::{Catalog, Entry, Fact, Org, Source};

/// The kinds of entry: the enum, and every kind as written in a file, from one list.
macro_rules! kinds {
    ($($(#[doc = $doc:literal])* $kind:ident,)*) => {
        /// What sort of entry a node is.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Kind { $($(#[doc = $doc])* $kind,)* }
        impl Kind {
            /// Every kind, as written in a file.
            pub const ALL: &[(&'static str, Kind)] = &[$((stringify!($kind), Kind::$kind),)*];
        }
    };
}

kinds! {
    /// One of the top levels of the tree.
    Level,
    /// A network of peers.
    Network,
    /// A platform for consultation or exchange.
    Platform,
    /// A forum, group or working party.
    Forum,
    /// A body with its own mandate (a board, a commission).
    Body,
    /// A recurring event.
    Event,
    /// An exercise.
    Exercise,
    /// A service or system the CCB runs.
    Service,
    /// A function or mandate held by the CCB.
    Role,
    /// A channel through which positions are formed.
    Channel,
    /// An aim that the entry above works towards (the G-Cloud initiatives, for the SIT).
    Aim,
}

/// A text a person reads, in one or several languages.
///
/// Written either as one string, the same in every language (`"CySSAP"`), or as a map from
/// language code to text (`{"fr": "Réseaux nationaux", "nl": "Nationale netwerken"}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The same in every language.
    Same(String),
    /// One text per language, in the order written.
    Localized(Localized),
}

/// The texts of a [`Text`] in several languages, in the order written, kept in one allocation:
/// each language's code and then its text, each followed by a separator (a control character,
/// which no text kept holds: they are all made safe as they are read).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Localized(Box<str>);

/// What follows a language code in a [`Localized`] (the unit separator).
const CODE_END: char = '\u{1F}';
/// What follows a text in a [`Localized`] (the record separator).
const TEXT_END: char = '\u{1E}';

impl Localized {
    /// Each (language code, text), in the order written.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        Localized::pairs(&self.0)
    }

    /// Each (language code, text) added to `buf` by [`Localized::push`].
    pub(crate) fn pairs(buf: &str) -> impl Iterator<Item = (&str, &str)> + '_ {
        buf.split_terminator(TEXT_END).filter_map(|part| part.split_once(CODE_END))
    }

    /// Adds the text `s` in `lang` to `buf`, the making of a [`Localized`] (a separator in
    /// either becomes U+FFFD, so that the pieces always come apart as they went in).
    pub fn push(buf: &mut String, lang: &str, s: &str) {
        Localized::push_lang(buf, lang);
        push_without_separators(buf, s);
        buf.push(TEXT_END);
    }

    /// [`Localized::push`] for a text made safe for the terminal, which holds no control
    /// character and so no separator: it is not looked through again.
    pub(crate) fn push_safe(buf: &mut String, lang: &str, s: &str) {
        debug_assert!(memchr::memchr2(0x1E, 0x1F, s.as_bytes()).is_none());
        Localized::push_lang(buf, lang);
        buf.push_str(s);
        buf.push(TEXT_END);
    }

    /// The language code that starts each text.
    fn push_lang(buf: &mut String, lang: &str) {
        push_without_separators(buf, lang);
        buf.push(CODE_END);
    }

    /// The texts added to `buf` by [`Localized::push`].
    #[must_use]
    pub fn of(buf: &str) -> Self {
        Localized(buf.into())
    }
}

/// Adds `s` to `buf`, a separator of [`Localized`] in it as U+FFFD.
fn push_without_separators(buf: &mut String, s: &str) {
    if memchr::memchr2(0x1E, 0x1F, s.as_bytes()).is_some() {
        buf.push_str(&s.replace([CODE_END, TEXT_END], "\u{FFFD}"));
    } else {
        buf.push_str(s);
    }
}

impl<L: AsRef<str>, S: AsRef<str>> FromIterator<(L, S)> for Localized {
    fn from_iter<I: IntoIterator<Item = (L, S)>>(iter: I) -> Self {
        let mut buf = String::new();
        for (l, s) in iter {
            Localized::push(&mut buf, l.as_ref(), s.as_ref());
        }
        Localized::of(&buf)
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::Same(String::new())
    }
}

impl Text {
    /// The text in `lang`, if it is written in that language (a [`Text::Same`] always is).
    #[must_use]
    pub fn get(&self, lang: &str) -> Option<&str> {
        match self {
            Text::Same(s) => Some(s),
            Text::Localized(v) => v.iter().find(|&(l, _)| l == lang).map(|(_, s)| s),
        }
    }

    /// Every (language, text) pair written; `None` as the language for a [`Text::Same`].
    pub fn entries(&self) -> impl Iterator<Item = (Option<&str>, &str)> + '_ {
        let (same, localized) = match self {
            Text::Same(s) => (Some((None, s.as_str())), None),
            Text::Localized(v) => (None, Some(v.iter())),
        };
        same.into_iter().chain(localized.into_iter().flatten().map(|(l, s)| (Some(l), s)))
    }
}

/// A reference as written, before its id is resolved: `"id"` or `(id: "id", role: ..., back:
/// ...)`.
#[derive(Debug, Clone, Default)]
pub struct RefParts {
    /// The id referred to.
    pub id: String,
    /// The relation, read from the side that writes the reference.
    pub role: Option<Text>,
    /// The relation, read from the other side.
    pub back: Option<Text>,
}

/// Whether a field must be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// It may be left out.
    Optional,
    /// It must be written.
    Required,
    /// It must be written, and its text is never empty (nor made only of invisible characters).
    NonEmpty,
}

/// What a field holds, and where it goes in the record being built (`T`).
pub enum Value<T: 'static> {
    /// A text that is always there.
    Text(fn(&mut T) -> &mut Text),
    /// An optional text.
    OptText(fn(&mut T) -> &mut Option<Text>),
    /// One of the facts of an entry.
    Fact(Fact),
    /// The record's id: a kebab-case string, unique in the file.
    Id,
    /// The kind of an entry.
    Kind,
    /// A list of references to entries.
    Related,
    /// A list of references to organisations.
    Organisations,
    /// The entries below.
    Children,
    /// The organisation this one belongs to.
    PartOf,
    /// The version of the format.
    Format,
    /// The declared languages.
    Languages,
    /// The `source` record.
    Source,
    /// The list of organisations.
    Orgs,
    /// The list of top nodes.
    Nodes,
    /// An optional plain string (an address, a date).
    Url(fn(&mut T) -> &mut Option<String>),
    /// A list of sources.
    Sources,
    /// `true` or `false`.
    Flag(fn(&mut T) -> &mut bool),
}

/// One field of a record: its name in the file, how messages call it, whether it must be
/// written, and what it holds.
pub struct Field<T: 'static> {
    /// The name written before the `:`.
    pub name: &'static str,
    /// What messages call it ("the name").
    pub what: &'static str,
    /// Whether it must be written.
    pub need: Need,
    /// What it holds.
    pub value: Value<T>,
}

const fn field<T>(name: &'static str, what: &'static str, need: Need, value: Value<T>) -> Field<T> {
    Field { name, what, need, value }
}

use Need::{NonEmpty, Optional, Required};

/// The fields of `Dataset`, the whole file.
pub const DATASET_FIELDS: &[Field<Catalog>] = &[
    field("format", "the format version", Required, Value::Format),
    field("languages", "the languages", Required, Value::Languages),
    field("title", "the title", NonEmpty, Value::Text(|c| &mut c.title)),
    field("source", "the source", Required, Value::Source),
    field("organisations", "the organisations", Optional, Value::Orgs),
    field("nodes", "the nodes", Required, Value::Nodes),
];

/// The fields of `source`.
pub const SOURCE_FIELDS: &[Field<Catalog>] = &[
    field("note", "the source note", Required, Value::Text(|c| &mut c.source_note)),
    field("as_of", "the source date", Required, Value::Text(|c| &mut c.as_of)),
    field("title", "the title of the source", Optional, Value::Text(|c| &mut c.page.title)),
    field("url", "the address of the source", Optional, Value::Url(|c| &mut c.page.url)),
    field("consulted", "the date consulted", Optional, Value::Url(|c| &mut c.page.consulted)),
];

/// The fields of a source an entry, an organisation or a fact names.
pub const SOURCE_REF_FIELDS: &[Field<Source>] = &[
    field("title", "the title of the source", NonEmpty, Value::Text(|s| &mut s.title)),
    field("url", "the address of the source", Optional, Value::Url(|s| &mut s.url)),
    field("consulted", "the date consulted", Optional, Value::Url(|s| &mut s.consulted)),
];

/// The fields of a fact written with its sources, `(text: ..., source: [...])`.
pub const FACT_FIELDS: &[Field<Text>] = &[
    field("text", "the text", Required, Value::Text(|t| t)),
    field("source", "the sources", Optional, Value::Sources),
];

/// The fields of a `Node`, an entry of the tree.
pub const NODE_FIELDS: &[Field<Entry>] = &[
    field("id", "the id", Required, Value::Id),
    field("kind", "the kind", Optional, Value::Kind),
    field("name", "the name", NonEmpty, Value::Text(|e| &mut e.name)),
    field("short", "the short name", Optional, Value::OptText(|e| &mut e.short)),
    field("acronym", "the acronym", Optional, Value::OptText(|e| &mut e.acronym)),
    field("summary", "the summary", Optional, Value::OptText(|e| &mut e.summary)),
    field("participants", "the list of participants", Optional, Value::Fact(Fact::Participants)),
    field("coordination", "the coordination", Optional, Value::Fact(Fact::Coordination)),
    field("frequency", "the frequency", Optional, Value::Fact(Fact::Frequency)),
    field("ccb_role", "the CCB's role", Optional, Value::Fact(Fact::CcbRole)),
    field("legal_basis", "the legal basis", Optional, Value::Fact(Fact::LegalBasis)),
    field("since", "what has changed since", Optional, Value::Fact(Fact::Since)),
    field("related", "the related entries", Optional, Value::Related),
    field("organisations", "the organisations", Optional, Value::Organisations),
    field("children", "the entries below", Optional, Value::Children),
    field("source", "the sources", Optional, Value::Sources),
    field("unverified", "the mark", Optional, Value::Flag(|e| &mut e.unverified)),
];

/// The fields of an `Organisation`.
pub const ORG_FIELDS: &[Field<Org>] = &[
    field("id", "the id", Required, Value::Id),
    field("name", "the name", NonEmpty, Value::Text(|o| &mut o.name)),
    field("acronym", "the acronym", Optional, Value::OptText(|o| &mut o.acronym)),
    field("part_of", "the organisation it belongs to", Optional, Value::PartOf),
    field("summary", "the summary", Optional, Value::OptText(|o| &mut o.summary)),
    field("source", "the sources", Optional, Value::Sources),
    field("unverified", "the mark", Optional, Value::Flag(|o| &mut o.unverified)),
];

/// The fields of a reference written in full.
pub const REF_FIELDS: &[Field<RefParts>] = &[
    field("id", "the id", Required, Value::Id),
    field("role", "the role", Optional, Value::OptText(|r| &mut r.role)),
    field("back", "the role seen from the other side", Optional, Value::OptText(|r| &mut r.back)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_in_several_languages_come_apart_as_they_went_in() {
        let pairs = [("fr", "Réseaux nationaux"), ("nl", ""), ("de-AT", "Netze\nzwei Zeilen")];
        let t = Text::Localized(pairs.iter().copied().collect());
        let back: Vec<(Option<&str>, &str)> = t.entries().collect();
        assert_eq!(back, pairs.iter().map(|&(l, s)| (Some(l), s)).collect::<Vec<_>>());
        assert_eq!(t.get("nl"), Some(""));
        assert_eq!(t.get("de-AT"), Some("Netze\nzwei Zeilen"));
        assert_eq!(t.get("de"), None);
        assert_eq!(Text::Localized(Localized::default()).entries().count(), 0);
    }

    #[test]
    fn a_separator_in_a_text_cannot_split_it() {
        let t: Localized =
            [("fr", "un\u{1E}deux\u{1F}trois"), ("n\u{1F}l", "x")].into_iter().collect();
        let back: Vec<(&str, &str)> = t.iter().collect();
        assert_eq!(back, [("fr", "un\u{FFFD}deux\u{FFFD}trois"), ("n\u{FFFD}l", "x")]);
    }
}
