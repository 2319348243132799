//! What the copy keys put on the clipboard (an entry or organisation as plain text, or its id),
//! and the OSC 52 sequence that asks the terminal to put it there.

use crate::data::Catalog;
use crate::export::marked;
use crate::i18n::{self, fact_label, kind_label};
use crate::names::{joined, node_title, org_title};
use crate::tree::Item;

/// The id of `item` (an entry's, or an organisation's).
#[must_use]
pub fn id(catalog: &Catalog, item: Item) -> &str {
    match item {
        Item::Node(n) | Item::Use(_, n) => &catalog.nodes[n].id,
        Item::Org(o) => &catalog.orgs[o].id,
    }
}

/// `item` as plain text in `lang`: its name (with its acronym), its kind and path, its summary,
/// its facts, and a citation line (the source and the date its content reflects). The first
/// line is the name, which the footer's message repeats.
#[must_use]
pub fn entry_text(catalog: &Catalog, item: Item, lang: &str) -> String {
    let s = i18n::strings(lang);
    let mut out: Vec<String> = Vec::new();
    match item {
        Item::Node(n) | Item::Use(_, n) => {
            let node = &catalog.nodes[n];
            let (marker, acr, name) = node_title(catalog, n, lang);
            out.push(format!("{}{}", marker.unwrap_or_default(), joined(acr.as_deref(), &name)));
            let path = crate::export::path(catalog, n, lang);
            let mut over = Vec::new();
            if let Some(k) = node.kind {
                over.push(kind_label(k, lang).to_owned());
            }
            if path.len() > 1 {
                over.push(format!("{}{}{}", s.path, s.colon, path.join(" › ")));
            }
            if !over.is_empty() {
                out.push(over.join(" · "));
            }
            if let Some(summary) = &node.summary {
                out.push(String::new());
                out.push(marked(catalog, summary, lang));
            }
            if !node.facts.is_empty() {
                out.push(String::new());
            }
            for (fact, text) in &node.facts {
                out.push(format!(
                    "{}{}{}",
                    fact_label(*fact, lang),
                    s.colon,
                    marked(catalog, text, lang)
                ));
            }
        }
        Item::Org(o) => {
            let org = &catalog.orgs[o];
            let (marker, acr, name) = org_title(catalog, o, lang);
            out.push(format!("{}{}", marker.unwrap_or_default(), joined(acr.as_deref(), &name)));
            let mut over = vec![s.organisation.to_owned()];
            if let Some(p) = org.part_of {
                let (_, acr, name) = org_title(catalog, p, lang);
                over.push(format!("{}{}{}", s.part_of, s.colon, joined(acr.as_deref(), &name)));
            }
            out.push(over.join(" · "));
            if let Some(summary) = &org.summary {
                out.push(String::new());
                out.push(marked(catalog, summary, lang));
            }
        }
    }
    out.push(String::new());
    out.push(crate::export::citation(catalog, lang));
    out.push(format!("id: {}", id(catalog, item)));
    let mut text = out.join("\n");
    text.push('\n');
    // The data's texts are already safe; a last pass keeps any control character out anyway.
    text.chars().filter(|&c| c == '\n' || !c.is_control()).collect()
}

/// The OSC 52 sequence that puts `text` on the system clipboard: `ESC ] 52 ; c ; BASE64 BEL`.
/// The text travels in base64, so nothing in it can reach the terminal as a control sequence.
#[must_use]
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648).
#[must_use]
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foob"), "Zm9vYg==");
        assert_eq!(base64(b"fooba"), "Zm9vYmE=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64("é".as_bytes()), "w6k=");
    }

    #[test]
    fn osc52_carries_the_text_in_base64_only() {
        let seq = osc52("a\x1b[31mb");
        assert_eq!(seq, "\x1b]52;c;YRtbMzFtYg==\x07");
        assert_eq!(seq.matches('\x1b').count(), 1, "the only escape is the sequence's own");
    }
}
