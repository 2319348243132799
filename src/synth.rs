//! Synthetic data sets of any size, for benchmarks and scale tests: several levels deep, uneven
//! fan-out, French and Dutch texts of realistic lengths with accents, links and organisations.
//! Deterministic for a given size and seed.

use std::fmt::Write as _;

/// A small, fast, deterministic random number generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
}

const FR_WORDS: &[&str] = &[
    "sécurité",
    "réseau",
    "coopération",
    "plateforme",
    "échange",
    "données",
    "autorité",
    "comité",
    "européen",
    "opérateurs",
    "d'importance",
    "vitale",
    "menaces",
    "cybersécurité",
    "information",
    "groupe",
    "travail",
    "concertation",
    "experts",
    "services",
    "publics",
    "fédéraux",
    "réunion",
    "trimestrielle",
    "élaboration",
    "positions",
    "belges",
    "internationales",
    "exercice",
    "crise",
    "incident",
    "réponse",
    "coordination",
    "national",
    "régional",
    "mesures",
    "confiance",
    "être",
    "à",
    "la",
    "le",
    "les",
    "des",
    "du",
    "et",
    "pour",
    "dans",
    "avec",
    "sur",
    "entre",
    "au",
    "sein",
];

const NL_WORDS: &[&str] = &[
    "beveiliging",
    "netwerk",
    "samenwerking",
    "platform",
    "uitwisseling",
    "gegevens",
    "overheid",
    "comité",
    "Europees",
    "organisaties",
    "vitaal",
    "belang",
    "dreigingen",
    "cyberbeveiliging",
    "informatie",
    "groep",
    "werk",
    "overleg",
    "deskundigen",
    "diensten",
    "openbare",
    "federale",
    "vergadering",
    "driemaandelijkse",
    "uitwerking",
    "standpunten",
    "Belgische",
    "internationale",
    "oefening",
    "crisis",
    "incident",
    "respons",
    "coördinatie",
    "nationaal",
    "regionaal",
    "maatregelen",
    "vertrouwen",
    "geïnformeerd",
    "de",
    "het",
    "een",
    "van",
    "en",
    "voor",
    "in",
    "met",
    "op",
    "tussen",
    "binnen",
    "bij",
];

fn words(rng: &mut Rng, list: &[&str], n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(list[rng.below(list.len())]);
    }
    out
}

fn sentence(rng: &mut Rng, list: &[&str], n: usize) -> String {
    let mut s = words(rng, list, n);
    if let Some(first) = s.chars().next() {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
    s.push('.');
    s
}

/// A RON string literal for `s` (the texts here have no quotes or backslashes to escape).
fn lit(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn text(fr: &str, nl: &str) -> String {
    format!("{{\"fr\": {}, \"nl\": {}}}", lit(fr), lit(nl))
}

/// A valid data set of `nodes` nodes (at least one) and about `nodes / 20` organisations.
#[must_use]
pub fn dataset(nodes: usize, seed: u64) -> String {
    let nodes = nodes.max(1);
    let mut rng = Rng(seed.max(1));
    let orgs = (nodes / 20).clamp(1, 5000);
    let mut out = String::with_capacity(nodes * 700);
    out.push_str("Dataset(\n    format: 1,\n    languages: [\"fr\", \"nl\"],\n");
    let _ = writeln!(out, "    title: {},", text("Réseaux générés", "Gegenereerde netwerken"));
    let _ = writeln!(
        out,
        "    source: (note: {}, as_of: {}),",
        text("Données générées pour les mesures.", "Gegenereerde gegevens voor metingen."),
        text("aucune date", "geen datum")
    );
    out.push_str("    organisations: [\n");
    for o in 0..orgs {
        let fr = format!("Organisation {} {}", words(&mut rng, FR_WORDS, 2), o);
        let nl = format!("Organisatie {} {}", words(&mut rng, NL_WORDS, 2), o);
        let _ = writeln!(
            out,
            "        Organisation(id: \"org-{o}\", name: {}, acronym: \"ORG{o}\"),",
            text(&fr, &nl)
        );
    }
    out.push_str("    ],\n    nodes: [\n");
    // Shape: a few top levels; every node gets an uneven number of children until the budget
    // is spent, breadth first, so the tree is several levels deep.
    let levels = nodes.min(5);
    let mut parent_of: Vec<Option<usize>> = vec![None; levels];
    let mut depth: Vec<usize> = vec![0; levels];
    let mut queue: std::collections::VecDeque<usize> = (0..levels).collect();
    while parent_of.len() < nodes {
        let Some(p) = queue.pop_front() else { break };
        let fan = 1 + rng.below(if depth[p] == 0 { 40 } else { 12 });
        for _ in 0..fan {
            if parent_of.len() >= nodes {
                break;
            }
            let id = parent_of.len();
            parent_of.push(Some(p));
            depth.push(depth[p] + 1);
            queue.push_back(id);
        }
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); parent_of.len()];
    for (id, p) in parent_of.iter().enumerate() {
        if let Some(p) = p {
            children[*p].push(id);
        }
    }
    // Write depth first, iteratively, so deep trees do not recurse here.
    enum Step {
        Open(usize),
        Close(usize),
    }
    let mut stack: Vec<Step> = (0..levels).rev().map(Step::Open).collect();
    while let Some(step) = stack.pop() {
        match step {
            Step::Open(id) => {
                let pad = "  ".repeat(depth[id].min(8) + 2);
                let name_len = 2 + rng.below(5);
                let fr = sentence(&mut rng, FR_WORDS, name_len);
                let nl = sentence(&mut rng, NL_WORDS, name_len);
                let kind = if depth[id] == 0 { "Level" } else { "Network" };
                let _ = writeln!(out, "{pad}Node(id: \"n-{id}\", kind: {kind},");
                let _ = writeln!(
                    out,
                    "{pad}    name: {},",
                    text(fr.trim_end_matches('.'), nl.trim_end_matches('.'))
                );
                if rng.below(3) == 0 {
                    let _ = writeln!(out, "{pad}    acronym: \"N{id}\",");
                }
                let len = 5 + rng.below(20);
                let _ = writeln!(
                    out,
                    "{pad}    summary: {},",
                    text(&sentence(&mut rng, FR_WORDS, len), &sentence(&mut rng, NL_WORDS, len))
                );
                if rng.below(3) == 0 {
                    let n = 3 + rng.below(8);
                    let _ = writeln!(
                        out,
                        "{pad}    participants: {},",
                        text(&words(&mut rng, FR_WORDS, n), &words(&mut rng, NL_WORDS, n))
                    );
                }
                if rng.below(3) == 0 && id > 0 {
                    let other = rng.below(parent_of.len());
                    if other != id {
                        let _ = writeln!(out, "{pad}    related: [\"n-{other}\"],");
                    }
                }
                if rng.below(2) == 0 {
                    let o = rng.below(orgs);
                    let _ = writeln!(
                        out,
                        "{pad}    organisations: [(id: \"org-{o}\", role: {})],",
                        text("participe", "neemt deel")
                    );
                }
                if children[id].is_empty() {
                    let _ = writeln!(out, "{pad}),");
                } else {
                    let _ = writeln!(out, "{pad}    children: [");
                    stack.push(Step::Close(id));
                    for &c in children[id].iter().rev() {
                        stack.push(Step::Open(c));
                    }
                }
            }
            Step::Close(id) => {
                let pad = "  ".repeat(depth[id].min(8) + 2);
                let _ = writeln!(out, "{pad}    ],");
                let _ = writeln!(out, "{pad}),");
            }
        }
    }
    out.push_str("    ],\n)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_data_sets_load_without_problems() {
        for n in [1, 7, 500] {
            let src = dataset(n, 42);
            let loaded =
                crate::data::load_str("gen", &src).unwrap_or_else(|e| panic!("{n}: {e:?}"));
            assert_eq!(loaded.catalog.nodes.len(), n);
            assert!(loaded.warnings.is_empty());
        }
        assert_eq!(dataset(100, 1), dataset(100, 1), "deterministic");
    }
}
