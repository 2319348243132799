//! Text safety and measurement: making untrusted text safe for a terminal, and cutting it to a
//! width in terminal cells.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How many spaces a tab in a data file becomes.
pub const TAB_WIDTH: usize = 4;

/// Makes text from a data file safe to draw: tabs become spaces, line breaks are kept (the line
/// and paragraph separators U+2028 and U+2029 become line breaks too), zero-width formatting
/// characters are dropped (U+200B, U+200C, U+2060, U+FEFF, and U+200D except as the joiner
/// inside an emoji), and every other control character (escape sequences included), every
/// bidirectional override and every non-character (U+FFFE, U+FFFF, U+10FFFF...) becomes U+FFFD,
/// so nothing in the file can move the cursor, change colours, reorder the screen or hide.
#[must_use]
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !needs_sanitizing(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            // A Windows line end is one line end.
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            // A joiner between two emoji makes one (👩‍💻); anywhere else it hides.
            '\u{200D}'
                if out.chars().next_back().is_some_and(emoji)
                    && chars.peek().copied().is_some_and(emoji) =>
            {
                out.push(c);
            }
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            c if needs_fix(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `s` holds a character that [`sanitize`] changes: a control character other than a
/// line feed (tab and carriage return included), or a bidirectional control. Reads the UTF-8
/// bytes, without decoding characters: every such character starts with a byte below 0x20, 0x7F,
/// 0xC2 (U+0080 to U+009F), 0xE2 (U+200B to U+200F, U+2028 to U+202E, U+2060, U+2066 to
/// U+2069), 0xEF (U+FDD0 to U+FDEF, U+FEFF, U+FFFE, U+FFFF) or 0xF0 to 0xF4 (the other
/// non-characters).
pub(crate) fn needs_sanitizing(s: &[u8]) -> bool {
    // Eight bytes at a time: most words of text hold none of the bytes that can start such a
    // character, and are skipped whole.
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let has_below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS != 0;
    let mut i = 0;
    while i + 8 <= s.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&s[i..i + 8]);
        let x = u64::from_ne_bytes(word);
        let suspect = has_below(x, 0x20)
            || has_zero(x ^ (ONES * 0x7F))
            || has_zero(x ^ (ONES * 0xC2))
            || has_zero(x ^ (ONES * 0xE2))
            || has_zero(x ^ (ONES * 0xEF))
            || (x & (x << 1) & (x << 2) & (x << 3)) & HIGHS != 0;
        if suspect && (i..i + 8).any(|k| starts_unsafe(s, k)) {
            return true;
        }
        i += 8;
    }
    (i..s.len()).any(|k| starts_unsafe(s, k))
}

/// Whether the byte at `i` starts a character that [`sanitize`] changes.
fn starts_unsafe(s: &[u8], i: usize) -> bool {
    match s[i] {
        b'\n' => false,
        0..0x20 | 0x7F => true,
        0xC2 => matches!(s.get(i + 1), Some(0x80..=0x9F)),
        0xE2 => matches!(
            (s.get(i + 1), s.get(i + 2)),
            (Some(0x80), Some(0x8B..=0x8F | 0xA8..=0xAE))
                | (Some(0x81), Some(0xA0 | 0xA6..=0xA9))
        ),
        0xEF => matches!(
            (s.get(i + 1), s.get(i + 2)),
            (Some(0xB7), Some(0x90..=0xAF))
                | (Some(0xBB), Some(0xBF))
                | (Some(0xBF), Some(0xBE | 0xBF))
        ),
        0xF0..=0xF4 => matches!(
            (s.get(i + 1), s.get(i + 2), s.get(i + 3)),
            (Some(b), Some(0xBF), Some(0xBE | 0xBF)) if b & 0x0F == 0x0F
        ),
        _ => false,
    }
}

/// Whether `c` must never reach a terminal as it is, and shows as U+FFFD.
fn needs_fix(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
        || matches!(c, '\u{FDD0}'..='\u{FDEF}')
        || (u32::from(c) & 0xFFFE) == 0xFFFE
}

/// Whether `c` is a pictograph that a zero-width joiner may join to another.
fn emoji(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{FE0F}')
}

/// Puts `s` on one line: line breaks become spaces.
#[must_use]
pub fn one_line(s: &str) -> Cow<'_, str> {
    if s.contains('\n') { Cow::Owned(s.replace('\n', " ")) } else { Cow::Borrowed(s) }
}

/// Width of `s` in terminal cells.
#[must_use]
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, ending with `…` when something was cut.
#[must_use]
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// `s` cut into pieces of at most `max` cells each, anywhere (an address has no place to break).
#[must_use]
pub fn split_width(s: &str, max: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max.max(1) && used > 0 {
            out.push(String::new());
            used = 0;
        }
        used += w;
        if let Some(l) = out.last_mut() {
            l.push(c);
        }
    }
    out
}

/// Splits `s` into lines of at most `max` cells, where the Unicode line-breaking rules
/// (UAX #14) allow a break: never before `:` `;` `!` `?` `»` or a closing bracket, never after
/// `«` or an opening one, never at a no-break space (so "18\u{A0}octobre\u{A0}2024" stays
/// whole). A word wider than `max` alone is cut by cells; runs of spaces count as one. Line
/// breaks in `s` start new lines.
#[must_use]
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let opts = textwrap::Options::new(max)
        .word_separator(textwrap::WordSeparator::Custom(break_opportunities))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .break_words(true);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let before = lines.len();
        // Runs of spaces count as one, as a person reads them.
        let words: Vec<&str> = para.split(' ').filter(|w| !w.is_empty()).collect();
        let para = words.join(" ");
        lines.extend(textwrap::wrap(&para, &opts).into_iter().map(Cow::into_owned));
        if lines.len() == before {
            lines.push(String::new());
        }
    }
    lines
}

/// Where a line may break: the Unicode line-breaking rules (UAX #14), less the break after a
/// hyphen inside a word, so that a name such as "G-Cloud", "TF-CSIRT" or "NIS-wet" is never cut
/// at its hyphen (a tailoring UAX #14 allows).
fn break_opportunities(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let mut words = Vec::new();
    let (mut start, mut end) = (0, 0);
    for w in textwrap::WordSeparator::UnicodeBreakProperties.find_words(line) {
        // The separator's words follow one another without a gap.
        end = (end + w.word.len() + w.whitespace.len()).min(line.len());
        if w.whitespace.is_empty() && w.word.ends_with('-') {
            continue;
        }
        words.push(textwrap::core::Word::from(&line[start..end]));
        start = end;
    }
    if start < line.len() {
        words.push(textwrap::core::Word::from(&line[start..]));
    }
    Box::new(words.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_replaces_controls_and_expands_tabs() {
        assert_eq!(sanitize("a\x1b[31mb"), "a\u{FFFD}[31mb");
        assert_eq!(sanitize("a\tb"), "a    b");
        assert_eq!(sanitize("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(sanitize("x\u{202E}y\u{7}\u{9B}"), "x\u{FFFD}y\u{FFFD}\u{FFFD}");
        assert!(matches!(sanitize("plain é"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_byte_check_agrees_with_the_character_rules() {
        // Every character up to U+2FFF, alone and between letters.
        let specials = [0xFDCF, 0xFDD0, 0xFDEF, 0xFDF0, 0xFEFE, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF];
        let planes =
            (1..=16u32).flat_map(|p| [p << 16 | 0xFFFD, p << 16 | 0xFFFE, p << 16 | 0xFFFF]);
        for cp in (0..0x3000u32).chain(specials).chain(planes).chain([0x1F600, 0x1F4BB]) {
            let Some(c) = char::from_u32(cp) else { continue };
            let dropped = matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}');
            let by_chars =
                needs_fix(c) || dropped || matches!(c, '\t' | '\r' | '\u{2028}' | '\u{2029}');
            for s in
                [c.to_string(), format!("a{c}é"), format!("abcdefg{c}"), format!("abcdefgh{c}xyz")]
            {
                assert_eq!(needs_sanitizing(s.as_bytes()), by_chars, "U+{cp:04X}");
            }
        }
    }

    #[test]
    fn separators_invisible_characters_and_non_characters_are_made_harmless() {
        assert_eq!(sanitize("a\u{2028}b\u{2029}c"), "a\nb\nc");
        assert_eq!(sanitize("in\u{200B}vi\u{200C}si\u{200D}ble\u{2060}\u{FEFF}"), "invisible");
        assert_eq!(sanitize("👩\u{200D}💻 x\u{200D}y"), "👩\u{200D}💻 xy");
        assert_eq!(
            sanitize("a\u{FFFF}b\u{10FFFF}c\u{FFFE}\u{FDD0}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}"
        );
        assert!(matches!(sanitize("plain 😀 text"), Cow::Borrowed(_)));
    }

    #[test]
    fn truncate_counts_cells() {
        assert_eq!(truncate("sécurité", 8), "sécurité");
        assert_eq!(truncate("sécurité", 5), "sécu…");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(truncate("abc", 0), "");
        assert!(width(&truncate("🦀🦀🦀", 4)) <= 4);
    }

    #[test]
    fn wrap_follows_the_french_line_breaking_rules() {
        let text = crate::typography::french(
            "Le CCB, désigné le 18 octobre 2024 : voir la page « Collaboration » ; où ? partout !",
        )
        .into_owned();
        // From the width of the widest run that may not break (« Collaboration » ;) up.
        let widest = text.split(' ').map(width).max().unwrap_or(1);
        assert!(widest >= width("«\u{A0}Collaboration\u{A0}»\u{A0};"));
        for max in widest..=width(&text) {
            let lines = wrap(&text, max);
            for (i, line) in lines.iter().enumerate() {
                assert!(width(line) <= max, "{max}: {line:?}");
                let first = line.chars().next();
                assert!(
                    !matches!(first, Some(':' | ';' | '!' | '?' | '»' | '\u{A0}')),
                    "{max}: line {i} starts with punctuation: {lines:?}"
                );
                assert!(!line.ends_with('«'), "{max}: line {i} ends with «: {lines:?}");
                // A date is whole on one line, or cut only because it is wider than the line.
                if line.contains("18") && width("18\u{A0}octobre\u{A0}2024") <= max {
                    assert!(line.contains("18\u{A0}octobre\u{A0}2024"), "{max}: {lines:?}");
                }
            }
            // Nothing is lost but the spaces where lines break.
            assert_eq!(lines.join(" ").replace(' ', ""), text.replace(' ', ""), "{max}");
        }
        // Plain spaces before the punctuation (a text that did not go through the rules): the
        // punctuation still never starts a line.
        assert_eq!(wrap("mot : suite", 6), vec!["mot :", "suite"]);
        assert_eq!(wrap("un deux : trois", 7), vec!["un", "deux :", "trois"]);
        assert_eq!(wrap("voir « mot »", 7), vec!["voir", "« mot »"]);
        // A hyphenated name stays whole.
        assert_eq!(wrap("les initiatives G-Cloud", 18), vec!["les initiatives", "G-Cloud"]);
        assert_eq!(wrap("de NIS-wet", 8), vec!["de", "NIS-wet"]);
        let long = "un réseau CSI/DPO, l'ENISA et TF-CSIRT : tous là";
        for max in 1..=long.len() {
            let lines = wrap(long, max);
            assert_eq!(lines.join(" ").replace(' ', ""), long.replace(' ', ""), "{max}");
        }
        assert_eq!(wrap("un « mot » ici", 8), vec!["un", "« mot »", "ici"]);
    }

    #[test]
    fn wrap_breaks_at_spaces_and_long_words() {
        assert_eq!(wrap("le réseau des CSIRT", 10), vec!["le réseau", "des CSIRT"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 10), vec!["a", "", "b"]);
        for line in wrap("日本語のテキストです", 5) {
            assert!(width(&line) <= 5);
        }
    }
}
