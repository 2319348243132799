//! Typography of the data's texts, applied once as they enter the catalog: in every language a
//! no-break space (U+00A0) inside dates ("18 octobre 2024", "18 oktober 2024", "9. Juni 2024",
//! "June 2024"), and in French also before `:` `;` `!` `?` `»` and after `«`, whether the file
//! has plain spaces there, narrow no-break spaces, or none at all.

use std::borrow::Cow;

/// The no-break space this program uses in French: U+00A0, which every terminal font has
/// (U+202F, the narrow one, is missing from some and then drawn as a box or a gap of another
/// width).
pub const NBSP: char = '\u{A0}';

/// Whether `lang` is French (`fr`, `fr-BE`, ...).
#[must_use]
pub fn is_french(lang: &str) -> bool {
    lang == "fr" || lang.starts_with("fr-")
}

/// `s`, a text in `lang`, with that language's rules: [`french`] for French, [`dates`] for the
/// others; borrowed when nothing changes.
#[must_use]
pub fn local<'a>(lang: &str, s: &'a str) -> Cow<'a, str> {
    if is_french(lang) { french(s) } else { dates(s) }
}

/// Whether a space goes before `c`: the high punctuation and the closing guillemet.
fn wants_space_before(c: char) -> bool {
    matches!(c, ':' | ';' | '!' | '?' | '»')
}

/// Whether `c` is a space that may be replaced: a plain space or either no-break space.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}')
}

/// The months, in lower case, in French, Dutch, German and English.
const MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "januari",
    "februari",
    "maart",
    "mei",
    "juni",
    "juli",
    "augustus",
    "oktober",
    "januar",
    "jänner",
    "februar",
    "märz",
    "dezember",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "dec",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
];

/// Whether `w` is a day of the month ("1er" in French, "18." in German, "7", "18"). (Asked at
/// every space of a text the rules look at: nothing is allocated.)
fn is_day(w: &[char]) -> bool {
    let n = w.strip_suffix(&['e', 'r']).or_else(|| w.strip_suffix(&['.'])).unwrap_or(w);
    let day = match *n {
        [d] if d.is_ascii_digit() => d.to_digit(10),
        [t, d] if t.is_ascii_digit() && d.is_ascii_digit() => {
            Some(t.to_digit(10).unwrap_or(0) * 10 + d.to_digit(10).unwrap_or(0))
        }
        _ => None,
    };
    matches!(day, Some(1..=31))
}

/// Whether `w` is a month's name, in any of the languages (German and English capitalize it).
/// (Compared letter by letter in lower case: nothing is allocated.)
fn is_month(w: &[char]) -> bool {
    // No month has more than 9 letters, and no letter becomes none in lower case.
    if w.is_empty() || w.len() > 9 {
        return false;
    }
    MONTHS.iter().any(|m| m.chars().eq(w.iter().flat_map(|c| c.to_lowercase())))
}

/// Whether `w` starts with a year: four digits, then no more digits.
fn starts_with_year(w: &[char]) -> bool {
    w.len() >= 4
        && w[..4].iter().all(char::is_ascii_digit)
        && !w.get(4).is_some_and(char::is_ascii_digit)
}

/// The letters of `w` up to the first character that is not a letter ("octobre," → "octobre").
fn leading_word(w: &[char]) -> &[char] {
    let end = w.iter().position(|c| !c.is_alphabetic()).unwrap_or(w.len());
    &w[..end]
}

/// Whether the spaces between the word `before` and the word `after` must not break: inside a
/// date, and in French before the high punctuation and after `«`.
fn binds(before: &[char], after: &[char], french: bool) -> bool {
    let (Some(&last), Some(&first)) = (before.last(), after.first()) else { return false };
    (french && (wants_space_before(first) || last == '«'))
        || (is_day(before) && is_month(leading_word(after)))
        || (starts_with_year(after) && is_month(before))
}

/// Whether [`french`] may change `s`: the punctuation (`«` and `»` are C2 AB and C2 BB in
/// UTF-8; any C2 sends the text to the full rules), or a date ([`may_hold_date`]). Most texts
/// have none, and are not copied; the searches for bytes are vectorized.
fn may_change(b: &[u8]) -> bool {
    memchr::memchr3(b':', b';', b'?', b).is_some()
        || memchr::memchr2(b'!', 0xC2, b).is_some()
        || may_hold_date(b)
}

/// Whether the rules may bind a date in `b`: a day ("7", "1er", "18.") before a space, or a
/// space before four digits ("juin 2024"). Bytes only, and more often than the rules do: the
/// first byte of either no-break space counts as a space before, its last byte as one after.
fn may_hold_date(b: &[u8]) -> bool {
    // No early exit, so that the compiler makes it one vectorized pass.
    if !b.iter().fold(false, |seen, c| seen | c.is_ascii_digit()) {
        return false;
    }
    let space_before = |i: usize| matches!(b.get(i), Some(b' ' | 0xC2 | 0xE2));
    let digits_at = |i: usize| b.get(i..i + 4).is_some_and(|w| w.iter().all(u8::is_ascii_digit));
    (0..b.len()).any(|i| match b[i] {
        b'0'..=b'9' => {
            space_before(i + 1)
                || (b.get(i + 1) == Some(&b'.') && space_before(i + 2))
                || (b.get(i + 1..i + 3) == Some(b"er") && space_before(i + 3))
        }
        b' ' | 0xA0 | 0xAF => digits_at(i + 1),
        _ => false,
    })
}

/// `s` with the French typography rules applied; borrowed when nothing changes.
#[must_use]
pub fn french(s: &str) -> Cow<'_, str> {
    if !may_change(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    rules(s, true)
}

/// `s` with a no-break space inside its dates, the rule of every language; borrowed when
/// nothing changes (and not looked at without what may be a date).
#[must_use]
pub fn dates(s: &str) -> Cow<'_, str> {
    if !may_hold_date(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    rules(s, false)
}

/// The rules: the dates, and the French punctuation when `french`.
fn rules(s: &str, french: bool) -> Cow<'_, str> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let word_start = |end: usize| cs[..end].iter().rposition(|&c| is_space(c)).map_or(0, |p| p + 1);
    let word_end = |start: usize| {
        cs[start..].iter().position(|&c| is_space(c)).map_or(cs.len(), |p| start + p)
    };
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if is_space(c) {
            let start = i;
            while i < cs.len() && is_space(cs[i]) {
                i += 1;
            }
            let before = &cs[word_start(start)..start];
            let after = &cs[i..word_end(i)];
            if binds(before, after, french) {
                out.push(NBSP);
            } else {
                out.extend(&cs[start..i]);
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|p| cs[p]);
        let next = cs.get(i + 1).copied();
        // "mot:" and "mot»": the space the file left out.
        let glued = french
            && match (prev, c) {
                (Some(p), '»') => !is_space(p) && p != '«',
                (Some(p), ':' | ';' | '!' | '?') => {
                    (p.is_alphanumeric() || matches!(p, ')' | '’' | '"'))
                        && next.is_none_or(|n| n.is_whitespace() || wants_space_before(n))
                }
                _ => false,
            };
        if glued {
            out.push(NBSP);
        }
        out.push(c);
        if french && c == '«' && next.is_some_and(|n| !is_space(n) && n != '»') {
            out.push(NBSP);
        }
        i += 1;
    }
    if out == s { Cow::Borrowed(s) } else { Cow::Owned(out) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_months_read_as_the_words_they_are() {
        // The words as Strings, the way these were first written.
        let day = |w: &str| {
            let n = w.strip_suffix("er").or_else(|| w.strip_suffix('.')).unwrap_or(w);
            !n.is_empty()
                && n.len() <= 2
                && n.chars().all(|c| c.is_ascii_digit())
                && matches!(n.parse::<u8>(), Ok(1..=31))
        };
        let month = |w: &str| MONTHS.contains(&w.to_lowercase().as_str());
        let words = [
            "1",
            "1er",
            "18.",
            "31",
            "32",
            "0",
            "00",
            "07",
            "er",
            ".",
            "",
            "1er.",
            "١",
            "é1",
            "123",
            "9.",
            "Avril",
            "AOÛT",
            "März",
            "märz",
            "décembre",
            "DÉCEMBRE",
            "Sept",
            "septembre",
            "septembres",
            "mai",
            "Mai.",
            "İ",
            "janvierr",
            "December",
            "ß",
        ];
        for w in words {
            let cs: Vec<char> = w.chars().collect();
            assert_eq!(is_day(&cs), day(w), "day {w:?}");
            assert_eq!(is_month(&cs), month(w), "month {w:?}");
        }
    }

    fn fr(s: &str) -> String {
        french(s).replace(NBSP, "~")
    }

    #[test]
    fn a_no_break_space_before_high_punctuation() {
        assert_eq!(fr("Participants : le CCB"), "Participants~: le CCB");
        assert_eq!(fr("un ; deux ! trois ? quatre"), "un~; deux~! trois~? quatre");
        // Typed without a space, with two spaces, or with the narrow no-break space.
        assert_eq!(fr("Niveau: européen"), "Niveau~: européen");
        assert_eq!(fr("quoi  ?"), "quoi~?");
        assert_eq!(fr("quoi\u{202F}?"), "quoi~?");
        assert_eq!(fr("vraiment?!"), "vraiment~?!");
        assert_eq!(fr("fin:"), "fin~:");
    }

    #[test]
    fn guillemets_hold_their_words() {
        assert_eq!(fr("des « focus groups »."), "des «~focus groups~».");
        assert_eq!(fr("des «focus groups»."), "des «~focus groups~».");
        assert_eq!(fr("la page «\u{202F}Collaboration\u{202F}»"), "la page «~Collaboration~»");
    }

    #[test]
    fn dates_do_not_break() {
        assert_eq!(fr("le 18 octobre 2024, la loi"), "le 18~octobre~2024, la loi");
        assert_eq!(fr("loi du 7 avril 2019 (loi NIS)"), "loi du 7~avril~2019 (loi NIS)");
        assert_eq!(fr("le 1er août 2024."), "le 1er~août~2024.");
        assert_eq!(fr("en juin 2024"), "en juin~2024");
        assert_eq!(fr("le 9 juin"), "le 9~juin");
    }

    #[test]
    fn dates_do_not_break_in_any_language() {
        let nl = |s: &str| dates(s).replace(NBSP, "~");
        assert_eq!(nl("in werking op 18 oktober 2024."), "in werking op 18~oktober~2024.");
        assert_eq!(nl("het besluit van 9 juni 2024 wijst"), "het besluit van 9~juni~2024 wijst");
        assert_eq!(nl("Wet van 7 april 2019 tot"), "Wet van 7~april~2019 tot");
        assert_eq!(dates("am 18. Oktober 2024").replace(NBSP, "~"), "am 18.~Oktober~2024");
        assert_eq!(dates("on 18 October 2024").replace(NBSP, "~"), "on 18~October~2024");
        assert_eq!(dates("in June 2024").replace(NBSP, "~"), "in June~2024");
        // Only dates: the French punctuation rules stay French.
        for s in ["Rol : lid", "« x »", "2 netwerken", "artikel 18 van de wet", "om 10:30"] {
            assert!(matches!(dates(s), Cow::Borrowed(_)), "{s}");
        }
        assert_eq!(local("nl", "op 9 juni 2024:").replace(NBSP, "~"), "op 9~juni~2024:");
        assert_eq!(local("fr", "le 9 juin 2024:").replace(NBSP, "~"), "le 9~juin~2024~:");
    }

    #[test]
    fn a_dutch_date_is_never_broken_by_the_wrapper() {
        let text = dates("De wet is sinds 18 oktober 2024 van kracht en vervangt de oude.");
        for w in 16..40 {
            for line in crate::text::wrap(&text, w) {
                let plain = line.replace(NBSP, " ");
                assert!(!plain.ends_with(" 18") && !plain.ends_with("oktober"), "{w}: {line:?}");
                assert!(
                    !plain.starts_with("oktober") && !plain.starts_with("2024"),
                    "{w}: {line:?}"
                );
            }
        }
    }

    #[test]
    fn what_is_not_french_punctuation_is_left_alone() {
        for s in [
            "https://ccb.belgium.be/fr",
            "à 10:30",
            "CSI/DPO",
            "2 réseaux",
            "le 40 mai",
            "mai 20245",
            "rien à voir",
            ": au début",
            "«»",
        ] {
            assert_eq!(french(s), s, "{s}");
            assert!(matches!(french(s), Cow::Borrowed(_)), "{s}");
        }
        // Already right: nothing copied.
        assert!(matches!(french("a\u{A0}: b"), Cow::Borrowed(_)));
    }

    #[test]
    fn only_french_texts_take_the_french_rules() {
        assert_eq!(local("fr", "Rôle : membre"), "Rôle\u{A0}: membre");
        assert_eq!(local("nl", "Rol : lid, 7 april 2019"), "Rol : lid, 7\u{A0}april\u{A0}2019");
        assert_eq!(local("fr-BE", "a ; b"), "a\u{A0}; b");
        assert!(is_french("fr-BE") && !is_french("frr") && !is_french("nl"));
        // A text written once for every language is left as it is: see the reader's tests.
        let same = crate::data::load_str("x", SAME).expect("loads").catalog;
        assert_eq!(same.nodes[0].name.get("fr"), Some("FIRST : x"));
    }

    const SAME: &str = r#"Dataset(format: 1, languages: ["fr", "nl"], title: "t",
        source: (note: "n", as_of: "a"), nodes: [(id: "a", name: "FIRST : x")])"#;

    #[test]
    fn the_quick_check_misses_nothing_the_rules_change() {
        let samples = [
            "le 18 octobre 2024",
            "le 1er août",
            "en juin 2024",
            "mot:",
            "« a »",
            "a\u{202F}?",
            "rien",
            "2 réseaux et 3 comités",
            "page 12",
        ];
        for s in samples {
            if french(s) != s {
                assert!(may_change(s.as_bytes()), "{s}");
            }
        }
        assert!(!may_change("Organisation sécurité réseau 12".as_bytes()));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The quick checks let through every text the rules change, in French and in the
        /// other languages: texts made of days, months, years, other words and numbers, the
        /// three kinds of space and the punctuation the rules look at.
        #[test]
        fn the_quick_checks_miss_no_change(parts in proptest::collection::vec(proptest::sample::select(&[
            "7", "18", "1er", "18.", "2024", "12", "mai", "Mai", "avril", "Oktober", "x", " ", " ",
            "\u{A0}", "\u{202F}", "«", "»", ":", "?", ".",
        ][..]), 0..9)) {
            let s = parts.concat();
            if rules(&s, true) != s.as_str() {
                proptest::prop_assert!(may_change(s.as_bytes()), "{:?}", s);
            }
            if rules(&s, false) != s.as_str() {
                proptest::prop_assert!(may_hold_date(s.as_bytes()), "{:?}", s);
            }
        }
    }

    #[test]
    fn dates_found_in_every_language_and_case() {
        for s in ["7 Avril", "1. Mai 2024", "Mai 2024", "18. Oktober", "le 1er mai", "7\u{202F}mai"]
        {
            assert!(may_hold_date(s.as_bytes()), "{s}");
        }
        for s in ["Organisation 12", "page 12", "ORG3", "3", "2024"] {
            assert!(!may_hold_date(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn is_idempotent() {
        for s in ["« a » : b ; le 7 avril 2019 ?", "x:y", "mot»", "«mot"] {
            let once = french(s).into_owned();
            assert_eq!(french(&once), once.as_str(), "{s}");
        }
    }
}
