//! Decoding the bytes a terminal sends (keys, SGR mouse reports, bracketed pastes) into
//! crossterm events, without I/O: bytes in, events out, and a deadline after which a sequence
//! left half-finished is dropped, so that no byte stream can lock the keyboard.
//!
//! crossterm's own reader waits for the end of any sequence it has begun (a paste start
//! without its end swallows every later key, `Ctrl-C` included) and, reading through an
//! edge-triggered poll, leaves bytes past the first 1,024 of a burst unread until more arrive.
//! The input thread reads the terminal itself and hands the bytes to a [`Decoder`] instead.

use std::time::{Duration, Instant};

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// How long an escape sequence (or a character's UTF-8 bytes) may stay unfinished before it is
/// taken as it is: a lone `Esc` becomes the key, anything else is dropped.
pub const ESCAPE_WAIT: Duration = Duration::from_millis(100);
/// How long a paste may go without a byte before what arrived is taken as the whole paste.
pub const PASTE_WAIT: Duration = Duration::from_secs(1);
/// The most of a paste kept; the rest is read and dropped.
pub const MAX_PASTE: usize = 16 << 20;
/// The longest escape sequence kept; a longer one is malformed and dropped to its end.
const MAX_SEQUENCE: usize = 64;

const PASTE_END: &[u8] = b"\x1b[201~";

/// Turns a terminal's byte stream into events; see the module's documentation.
#[derive(Debug)]
pub struct Decoder {
    /// An unfinished escape sequence or UTF-8 character.
    seq: Vec<u8>,
    /// Inside a too-long sequence: its bytes are skipped up to its final byte.
    skipping: bool,
    /// The paste being read, while inside one.
    paste: Option<Vec<u8>>,
    /// How many bytes of [`PASTE_END`] the paste's last bytes match.
    end_matched: usize,
    /// When the last byte arrived.
    last: Instant,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder {
            seq: Vec::new(),
            skipping: false,
            paste: None,
            end_matched: 0,
            last: Instant::now(),
        }
    }
}

impl Decoder {
    /// Decodes `bytes`, arrived at `now`, appending the events they complete to `out`.
    pub fn feed(&mut self, bytes: &[u8], now: Instant, out: &mut Vec<Event>) {
        self.last = now;
        for &b in bytes {
            self.byte(b, out);
        }
    }

    /// When the unfinished input should be taken as it is ([`Decoder::expire`]), if any is.
    #[must_use]
    pub fn deadline(&self) -> Option<Instant> {
        if self.paste.is_some() {
            Some(self.last + PASTE_WAIT)
        } else if !self.seq.is_empty() || self.skipping {
            Some(self.last + ESCAPE_WAIT)
        } else {
            None
        }
    }

    /// The wait is over: a paste ends with what arrived, a lone `Esc` is the key, any other
    /// unfinished sequence is dropped.
    pub fn expire(&mut self, out: &mut Vec<Event>) {
        if self.paste.is_some() {
            self.end_paste(out);
        }
        if self.seq == [0x1b] {
            out.push(key(KeyCode::Esc, KeyModifiers::NONE));
        }
        self.seq.clear();
        self.skipping = false;
    }

    fn byte(&mut self, b: u8, out: &mut Vec<Event>) {
        if self.paste.is_some() {
            self.paste_byte(b, out);
            return;
        }
        if self.skipping {
            match b {
                0x20..=0x3f => return,
                0x40..=0x7e => {
                    self.skipping = false;
                    return;
                }
                _ => self.skipping = false,
            }
        }
        let Some(&first) = self.seq.first() else {
            self.start(b, out);
            return;
        };
        if first != 0x1b {
            // A character's UTF-8 bytes.
            if (0x80..=0xbf).contains(&b) {
                self.seq.push(b);
                if self.seq.len() == utf8_len(first) {
                    if let Some(c) =
                        std::str::from_utf8(&self.seq).ok().and_then(|s| s.chars().next())
                    {
                        out.push(char_key(c, KeyModifiers::NONE));
                    }
                    self.seq.clear();
                }
            } else {
                // Not a continuation: the character is broken; drop it, the byte starts anew.
                self.seq.clear();
                self.start(b, out);
            }
            return;
        }
        match (self.seq.len(), self.seq.get(1)) {
            (1, _) => match b {
                b'[' | b'O' => self.seq.push(b),
                0x1b => out.push(key(KeyCode::Esc, KeyModifiers::NONE)),
                0x20..=0x7e | 0x7f | 0x00..=0x1a | 0x1c..=0x1f => {
                    self.seq.clear();
                    if let Some(mut ev) = plain_key(b) {
                        ev.modifiers |= KeyModifiers::ALT;
                        out.push(Event::Key(ev));
                    }
                }
                _ => {
                    // Esc, then a byte of a character.
                    out.push(key(KeyCode::Esc, KeyModifiers::NONE));
                    self.seq.clear();
                    self.start(b, out);
                }
            },
            (_, Some(b'O')) => {
                self.seq.clear();
                if let 0x40..=0x7e = b {
                    out.extend(ss3(b));
                } else {
                    self.start(b, out);
                }
            }
            _ => self.csi_byte(b, out),
        }
    }

    /// A byte after `ESC [`.
    fn csi_byte(&mut self, b: u8, out: &mut Vec<Event>) {
        if self.seq.len() >= 3 && self.seq[2] == b'M' {
            // An X10 mouse report: three raw bytes follow `ESC [ M`.
            self.seq.push(b);
            if self.seq.len() == 6 {
                out.extend(x10_mouse(self.seq[3], self.seq[4], self.seq[5]));
                self.seq.clear();
            }
            return;
        }
        match b {
            0x20..=0x3f => {
                if self.seq.len() >= MAX_SEQUENCE {
                    self.seq.clear();
                    self.skipping = true;
                } else {
                    self.seq.push(b);
                }
            }
            0x40..=0x7e => {
                if b == b'M' && self.seq.len() == 2 {
                    self.seq.push(b);
                    return;
                }
                let params = std::mem::take(&mut self.seq);
                let params = &params[2..];
                if b == b'~' && params == b"200" {
                    self.paste = Some(Vec::new());
                    self.end_matched = 0;
                } else {
                    out.extend(csi(params, b));
                }
            }
            _ => {
                // A control character or a high byte cannot be part of the sequence: it is
                // malformed; drop it, and the byte counts by itself (so `Ctrl-C` always works).
                self.seq.clear();
                self.start(b, out);
            }
        }
    }

    /// A byte with no sequence under way.
    fn start(&mut self, b: u8, out: &mut Vec<Event>) {
        match b {
            0x1b => self.seq.push(b),
            0x80..=0xff => {
                if utf8_len(b) > 1 {
                    self.seq.push(b);
                }
                // Else a stray continuation byte or an invalid one: dropped.
            }
            _ => out.extend(plain_key(b).map(Event::Key)),
        }
    }

    fn paste_byte(&mut self, b: u8, out: &mut Vec<Event>) {
        if b == PASTE_END[self.end_matched] {
            self.end_matched += 1;
            if self.end_matched == PASTE_END.len() {
                self.end_matched = 0;
                self.end_paste(out);
            }
            return;
        }
        let matched = std::mem::take(&mut self.end_matched);
        self.paste_push(&PASTE_END[..matched]);
        if b == PASTE_END[0] {
            self.end_matched = 1;
        } else if b == 0x03 {
            // `Ctrl-C` inside a paste that never ends: the paste ends, the key counts.
            self.end_paste(out);
            out.extend(plain_key(b).map(Event::Key));
        } else {
            self.paste_push(&[b]);
        }
    }

    fn paste_push(&mut self, bytes: &[u8]) {
        if let Some(p) = self.paste.as_mut() {
            let room = MAX_PASTE.saturating_sub(p.len());
            p.extend_from_slice(&bytes[..bytes.len().min(room)]);
        }
    }

    fn end_paste(&mut self, out: &mut Vec<Event>) {
        let matched = std::mem::take(&mut self.end_matched);
        self.paste_push(&PASTE_END[..matched]);
        if let Some(p) = self.paste.take() {
            out.push(Event::Paste(String::from_utf8_lossy(&p).into_owned()));
        }
    }
}

/// How many bytes the UTF-8 character that starts with `lead` has; 0 for a byte that cannot
/// start one.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

/// A character key; an upper-case letter carries Shift, as crossterm reports it.
fn char_key(c: char, mods: KeyModifiers) -> Event {
    let shift = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
    key(KeyCode::Char(c), mods | shift)
}

/// The key of one byte outside any sequence, as crossterm decodes it in raw mode; but a line
/// feed is Enter: an Enter typed before the explorer took the terminal (while the data loads)
/// was turned into one by the terminal then (and `Ctrl-J` does nothing here).
fn plain_key(b: u8) -> Option<KeyEvent> {
    let (code, mods) = match b {
        b'\r' | b'\n' => (KeyCode::Enter, KeyModifiers::NONE),
        b'\t' => (KeyCode::Tab, KeyModifiers::NONE),
        0x7f => (KeyCode::Backspace, KeyModifiers::NONE),
        0x00 => (KeyCode::Char(' '), KeyModifiers::CONTROL),
        0x01..=0x1a => (KeyCode::Char(char::from(b - 1 + b'a')), KeyModifiers::CONTROL),
        0x1c..=0x1f => (KeyCode::Char(char::from(b - 0x1c + b'4')), KeyModifiers::CONTROL),
        0x20..=0x7e => {
            let c = char::from(b);
            let shift =
                if c.is_ascii_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
            (KeyCode::Char(c), shift)
        }
        _ => return None,
    };
    Some(KeyEvent::new(code, mods))
}

/// `ESC O` and a final byte: arrows, Home, End, F1 to F4 in application mode.
fn ss3(b: u8) -> Option<Event> {
    let code = match b {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + b - b'P'),
        _ => return None,
    };
    Some(key(code, KeyModifiers::NONE))
}

/// The modifiers of an xterm modifier parameter (`1` + Shift 1, Alt 2, Ctrl 4, Super 8).
fn modifiers(param: u16) -> KeyModifiers {
    let m = param.saturating_sub(1);
    let mut mods = KeyModifiers::NONE;
    for (bit, flag) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
    ] {
        if m & bit != 0 {
            mods |= flag;
        }
    }
    mods
}

/// The numbers of a sequence's parameters (`1;5` is `[1, 5]`; a missing one is 0).
fn numbers(params: &[u8]) -> Vec<u16> {
    params
        .split(|&b| b == b';')
        .map(|p| {
            let digits = p.split(|&b| b == b':').next().unwrap_or_default();
            digits.iter().try_fold(0u16, |n, &d| {
                d.is_ascii_digit().then(|| n.saturating_mul(10).saturating_add(u16::from(d - b'0')))
            })
        })
        .map(|n| n.unwrap_or(0))
        .collect()
}

/// A complete control sequence `ESC [ params final`.
fn csi(params: &[u8], fin: u8) -> Option<Event> {
    if let Some(rest) = params.strip_prefix(b"<") {
        return sgr_mouse(rest, fin);
    }
    if params.first().is_some_and(|b| !b.is_ascii_digit() && *b != b';') {
        // Private replies (`?`, `>`, `=`): nothing the explorer asked for.
        return None;
    }
    let n = numbers(params);
    let mods = modifiers(n.get(1).copied().unwrap_or(1));
    let code = match fin {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => return Some(key(KeyCode::BackTab, KeyModifiers::SHIFT | mods)),
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'S' => KeyCode::F(4),
        b'R' if params.is_empty() => KeyCode::F(3),
        b'~' => match n.first().copied().unwrap_or(0) {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            v @ 11..=15 => KeyCode::F(u8::try_from(v - 10).unwrap_or(1)),
            v @ 17..=21 => KeyCode::F(u8::try_from(v - 11).unwrap_or(6)),
            v @ 23..=24 => KeyCode::F(u8::try_from(v - 12).unwrap_or(11)),
            _ => return None,
        },
        b'u' => {
            let c = char::from_u32(u32::from(n.first().copied().unwrap_or(0)))?;
            return Some(match c {
                '\u{1b}' => key(KeyCode::Esc, mods),
                '\r' => key(KeyCode::Enter, mods),
                '\t' => key(KeyCode::Tab, mods),
                '\u{7f}' => key(KeyCode::Backspace, mods),
                c if c.is_control() => return None,
                c => char_key(c, mods),
            });
        }
        _ => return None,
    };
    Some(key(code, mods))
}

/// The kind and modifiers of a mouse report's button byte (without its offset of 32 in X10).
fn mouse_kind(cb: u16, release: bool) -> Option<(MouseEventKind, KeyModifiers)> {
    let mut mods = KeyModifiers::NONE;
    for (bit, flag) in
        [(4, KeyModifiers::SHIFT), (8, KeyModifiers::ALT), (16, KeyModifiers::CONTROL)]
    {
        if cb & bit != 0 {
            mods |= flag;
        }
    }
    let base = cb & !(4 | 8 | 16);
    let button = match base & 3 {
        0 => Some(MouseButton::Left),
        1 => Some(MouseButton::Middle),
        2 => Some(MouseButton::Right),
        _ => None,
    };
    let kind = if base & 64 != 0 {
        match base & 3 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if base & 32 != 0 {
        button.map_or(MouseEventKind::Moved, MouseEventKind::Drag)
    } else if release {
        MouseEventKind::Up(button.unwrap_or(MouseButton::Left))
    } else {
        MouseEventKind::Down(button?)
    };
    Some((kind, mods))
}

/// An SGR mouse report: `ESC [ < button ; column ; row` and `M` (press) or `m` (release).
fn sgr_mouse(params: &[u8], fin: u8) -> Option<Event> {
    if fin != b'M' && fin != b'm' {
        return None;
    }
    let n = numbers(params);
    let [cb, x, y] = n[..] else { return None };
    let (kind, modifiers) = mouse_kind(cb, fin == b'm')?;
    Some(Event::Mouse(MouseEvent {
        kind,
        column: x.saturating_sub(1),
        row: y.saturating_sub(1),
        modifiers,
    }))
}

/// An X10 mouse report: `ESC [ M` and three bytes, each offset by 32.
fn x10_mouse(cb: u8, x: u8, y: u8) -> Option<Event> {
    let (kind, modifiers) = mouse_kind(u16::from(cb.saturating_sub(32)), cb & 3 == 3)?;
    Some(Event::Mouse(MouseEvent {
        kind,
        column: u16::from(x.saturating_sub(33)),
        row: u16::from(y.saturating_sub(33)),
        modifiers,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> (Vec<Event>, Decoder) {
        let mut d = Decoder::default();
        let mut out = Vec::new();
        d.feed(bytes, Instant::now(), &mut out);
        (out, d)
    }

    fn k(code: KeyCode) -> Event {
        key(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> Event {
        key(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn keys_arrows_and_modifiers_decode_as_crossterm_reports_them() {
        let (out, d) =
            decode(b"aQ\r\t\x7f\x03\x1b[A\x1bOB\x1b[1;5C\x1b[3~\x1b[5~\x1b[Z\x1bx\xc3\xa9");
        assert_eq!(
            out,
            vec![
                k(KeyCode::Char('a')),
                key(KeyCode::Char('Q'), KeyModifiers::SHIFT),
                k(KeyCode::Enter),
                k(KeyCode::Tab),
                k(KeyCode::Backspace),
                ctrl('c'),
                k(KeyCode::Up),
                k(KeyCode::Down),
                key(KeyCode::Right, KeyModifiers::CONTROL),
                k(KeyCode::Delete),
                k(KeyCode::PageUp),
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
                key(KeyCode::Char('x'), KeyModifiers::ALT),
                k(KeyCode::Char('é')),
            ]
        );
        assert_eq!(d.deadline(), None, "nothing is left unfinished");
    }

    #[test]
    fn a_line_feed_is_enter_as_an_enter_typed_before_raw_mode_arrives() {
        // `/ c o m Enter j` typed while the data loaded: the terminal, not yet raw, made the
        // Enter a line feed.
        let (out, _) = decode(b"/com\nj");
        let enter = out.iter().filter(|e| **e == k(KeyCode::Enter)).count();
        assert_eq!(enter, 1, "{out:?}");
        assert_eq!(out.len(), 6, "{out:?}");
    }

    #[test]
    fn a_lone_escape_is_the_key_once_the_wait_is_over() {
        let (out, mut d) = decode(b"\x1b");
        assert!(out.is_empty(), "an Esc may start a sequence: wait");
        assert!(d.deadline().is_some());
        let mut out = Vec::new();
        d.expire(&mut out);
        assert_eq!(out, vec![k(KeyCode::Esc)]);
        let (out, _) = decode(b"\x1b\x1b");
        assert_eq!(out, vec![k(KeyCode::Esc)]);
    }

    #[test]
    fn mouse_reports_decode() {
        let (out, _) = decode(b"\x1b[<0;10;4M\x1b[<0;10;4m\x1b[<65;60;10M\x1b[<32;3;3M");
        let at = |kind, column, row| {
            Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })
        };
        assert_eq!(
            out,
            vec![
                at(MouseEventKind::Down(MouseButton::Left), 9, 3),
                at(MouseEventKind::Up(MouseButton::Left), 9, 3),
                at(MouseEventKind::ScrollDown, 59, 9),
                at(MouseEventKind::Drag(MouseButton::Left), 2, 2),
            ]
        );
        let (out, _) = decode(b"\x1b[M !!");
        assert_eq!(out, vec![at(MouseEventKind::Down(MouseButton::Left), 0, 0)]);
    }

    #[test]
    fn a_paste_is_one_event_whatever_it_holds_and_however_it_is_split() {
        let text = b"one\ntwo\tq\x1b[A\x1b[201three";
        let mut all = b"\x1b[200~".to_vec();
        all.extend_from_slice(text);
        all.extend_from_slice(b"\x1b[201~j");
        let want =
            vec![Event::Paste(String::from_utf8_lossy(text).into_owned()), k(KeyCode::Char('j'))];
        assert_eq!(decode(&all).0, want);
        // Byte by byte, the same.
        let mut d = Decoder::default();
        let mut out = Vec::new();
        for b in &all {
            d.feed(std::slice::from_ref(b), Instant::now(), &mut out);
        }
        assert_eq!(out, want);
    }

    #[test]
    fn a_paste_without_its_end_never_locks_the_keys() {
        // Ctrl-C ends it at once.
        let (out, _) = decode(b"\x1b[200~abc\x03q");
        assert_eq!(out, vec![Event::Paste("abc".into()), ctrl('c'), k(KeyCode::Char('q'))]);
        // Else the wait does.
        let (out, mut d) = decode(b"\x1b[200~abc\x1b[20");
        assert!(out.is_empty());
        let mut out = Vec::new();
        d.expire(&mut out);
        assert_eq!(out, vec![Event::Paste("abc\x1b[20".into())]);
        d.feed(b"q", Instant::now(), &mut out);
        assert_eq!(out.last(), Some(&k(KeyCode::Char('q'))));
    }

    #[test]
    fn malformed_sequences_are_dropped_and_the_next_key_counts() {
        // A control character cannot be inside a sequence: it ends it, and counts.
        let (out, _) = decode(b"\x1b[1;\x03\x1b[<0;1\x03q");
        assert_eq!(out, vec![ctrl('c'), ctrl('c'), k(KeyCode::Char('q'))]);
        // A half-finished one, then nothing: dropped when the wait is over.
        let (out, mut d) = decode(b"\x1b[12;");
        assert!(out.is_empty());
        let mut out = Vec::new();
        d.expire(&mut out);
        assert!(out.is_empty());
        d.feed(b"q", Instant::now(), &mut out);
        assert_eq!(out, vec![k(KeyCode::Char('q'))]);
        // A sequence of endless parameters is skipped to its end.
        let mut long = b"\x1b[".to_vec();
        long.extend(std::iter::repeat_n(b'1', 10_000));
        long.extend_from_slice(b"~q");
        assert_eq!(decode(&long).0, vec![k(KeyCode::Char('q'))]);
        // Broken UTF-8 is dropped.
        let (out, _) = decode(b"\xc3q\xffr\x80s");
        assert_eq!(out, vec![k(KeyCode::Char('q')), k(KeyCode::Char('r')), k(KeyCode::Char('s'))]);
    }

    #[test]
    fn thousands_of_keys_in_one_burst_are_all_decoded() {
        let burst = vec![b'j'; 5000];
        assert_eq!(decode(&burst).0.len(), 5000);
    }

    #[test]
    fn a_huge_paste_is_capped() {
        let mut all = b"\x1b[200~".to_vec();
        all.extend(std::iter::repeat_n(b'x', MAX_PASTE + 100));
        all.extend_from_slice(b"\x1b[201~");
        let (out, _) = decode(&all);
        assert!(matches!(&out[..], [Event::Paste(p)] if p.len() == MAX_PASTE));
    }
}
