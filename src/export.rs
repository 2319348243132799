//! `ccbnet export`: the whole data set, every entry with its details, links and organisations,
//! written out for people and programs that do not use the explorer: indented plain text (for
//! reading aloud and for pipes), Markdown (for reports and wikis), JSON (for scripts), or a
//! graph to draw: Graphviz DOT or a Mermaid flowchart.

mod graph;
mod json;
mod markdown;
mod text;

pub use graph::{dot, dot_quoted, mermaid, mermaid_node_id, mermaid_org_id, mermaid_text};
pub use json::{VERSION, json};
pub use markdown::{markdown, markdown_with_mermaid};
pub use text::{item_text, text};

use crate::data::{Catalog, NodeIx, Text};
use crate::names::{fallback_marker, node_title};
use crate::text::one_line;

/// The shape of an export: the `--format` flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Indented plain text, wrapped to a width; no box drawing, no colours.
    #[default]
    Text,
    /// Markdown: a heading per level and entry, facts as lists, links to anchors.
    Markdown,
    /// JSON, in the shape described in docs/json-format.md.
    Json,
    /// A Graphviz graph (DOT) of the levels, entries, organisations and links.
    Dot,
    /// A Mermaid flowchart of the same graph.
    Mermaid,
}

/// The interface texts only exports use; the others come from [`crate::i18n`].
#[derive(Debug)]
pub struct Labels {
    /// Before the organisation a body belongs to.
    pub part_of: &'static str,
    /// Before the entries that name an organisation.
    pub named_in: &'static str,
    /// Before the address of the source.
    pub address: &'static str,
    /// Before the title of the source page.
    pub page: &'static str,
    /// Before the organisations an organisation meets.
    pub meets: &'static str,
    /// Heading of the Mermaid flowchart in Markdown.
    pub map: &'static str,
}

const FR: Labels = Labels {
    part_of: "Fait partie de",
    named_in: "Cité dans",
    address: "Adresse",
    page: "Page source",
    meets: "Organisations rencontrées",
    map: "Carte du réseau",
};
const NL: Labels = Labels {
    part_of: "Maakt deel uit van",
    named_in: "Vermeld in",
    address: "Adres",
    page: "Bronpagina",
    meets: "Komt samen met",
    map: "Kaart van het netwerk",
};
const DE: Labels = Labels {
    part_of: "Gehört zu",
    named_in: "Genannt in",
    address: "Adresse",
    page: "Quellseite",
    meets: "Trifft sich mit",
    map: "Karte des Netzwerks",
};
const EN: Labels = Labels {
    part_of: "Part of",
    named_in: "Named in",
    address: "Address",
    page: "Source page",
    meets: "Organisations it meets",
    map: "Map of the network",
};

/// The export labels of `lang` (English for a language the program has no texts for).
#[must_use]
pub fn labels(lang: &str) -> &'static Labels {
    match lang.split(['-', '_']).next().unwrap_or(lang).to_ascii_lowercase().as_str() {
        "fr" => &FR,
        "nl" => &NL,
        "de" => &DE,
        _ => &EN,
    }
}

/// The path of node `n` in `lang`, from its level down to itself: each entry's acronym, else
/// its name, as the detail pane's path shows them.
#[must_use]
pub fn path(catalog: &Catalog, n: NodeIx, lang: &str) -> Vec<String> {
    catalog
        .ancestry(n)
        .into_iter()
        .map(|a| {
            let (_, acr, name) = node_title(catalog, a, lang);
            acr.unwrap_or(name)
        })
        .collect()
}

/// A source as one line, without its address: `title, consulted on DATE`.
#[must_use]
pub fn source_title(catalog: &Catalog, src: &crate::data::model::Source, lang: &str) -> String {
    let mut s = marked(catalog, &src.title, lang);
    if let Some(d) = &src.consulted {
        s.push_str(&format!(", {} {}", crate::i18n::strings(lang).consulted, one_line(d)));
    }
    s
}

/// `text` in `lang` on one line, preceded by its fallback marker (`[FR] `) when it is shown in
/// another language.
#[must_use]
pub fn marked(catalog: &Catalog, text: &Text, lang: &str) -> String {
    let shown = catalog.pick(text, lang);
    let marker = shown.fallback.map(fallback_marker).unwrap_or_default();
    format!("{marker}{}", one_line(shown.text))
}

/// The citation line of one entry or organisation in `lang`: the source (with its address) and
/// the date the content reflects.
#[must_use]
pub fn citation(catalog: &Catalog, lang: &str) -> String {
    let source = marked(catalog, &catalog.source_note, lang);
    let source = match &catalog.page.url {
        Some(url) => format!("{source} <{}>", one_line(url)),
        None => source,
    };
    let date = marked(catalog, &catalog.as_of, lang);
    crate::i18n::strings(lang).cite.replace("{source}", &source).replace("{date}", &date)
}
