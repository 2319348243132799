//! Text safety and measurement: making untrusted text safe for a terminal, and cutting it to a
//! width in terminal cells.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How many spaces a tab in a data file becomes.
pub const TAB_WIDTH: usize = 4;

/// Makes text from a data file safe to draw: tabs become spaces, line breaks are kept, and every
/// other control character (escape sequences included) and every bidirectional override becomes
/// U+FFFD, so nothing in the file can move the cursor, change colours or reorder the screen.
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
            '\r' => out.push('\n'),
            c if needs_fix(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `s` holds a character that [`sanitize`] changes: a control character other than a
/// line feed (tab and carriage return included), or a bidirectional control. Reads the UTF-8
/// bytes, without decoding characters: every such character starts with a byte below 0x20, 0x7F,
/// 0xC2 (U+0080 to U+009F) or 0xE2 (U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069).
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
            || has_zero(x ^ (ONES * 0xE2));
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
            (Some(0x80), Some(0x8E | 0x8F | 0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        _ => false,
    }
}

/// Whether `c` must never reach a terminal as it is.
fn needs_fix(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
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

/// Splits `s` into lines of at most `max` cells, breaking at spaces where it can and inside a
/// word only when the word alone is wider than `max`. Line breaks in `s` start new lines.
#[must_use]
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let ww = width(word);
            if line_w > 0 && line_w + 1 + ww <= max {
                line.push(' ');
                line.push_str(word);
                line_w += 1 + ww;
                continue;
            }
            if line_w > 0 {
                lines.push(std::mem::take(&mut line));
                line_w = 0;
            }
            if ww <= max {
                line.push_str(word);
                line_w = ww;
                continue;
            }
            // A word wider than the line: cut it by cells.
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if line_w + cw > max && line_w > 0 {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0;
                }
                line.push(c);
                line_w += cw;
            }
        }
        lines.push(line);
    }
    lines
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
        for cp in 0..0x3000u32 {
            let Some(c) = char::from_u32(cp) else { continue };
            let by_chars = needs_fix(c) || c == '\t' || c == '\r';
            for s in
                [c.to_string(), format!("a{c}é"), format!("abcdefg{c}"), format!("abcdefgh{c}xyz")]
            {
                assert_eq!(needs_sanitizing(s.as_bytes()), by_chars, "U+{cp:04X}");
            }
        }
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
    fn wrap_breaks_at_spaces_and_long_words() {
        assert_eq!(wrap("le réseau des CSIRT", 10), vec!["le réseau", "des CSIRT"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 10), vec!["a", "", "b"]);
        for line in wrap("日本語のテキストです", 5) {
            assert!(width(&line) <= 5);
        }
    }
}
