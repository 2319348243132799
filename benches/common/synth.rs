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

/// A RON string literal for `s`, with `"` and `\` escaped.
fn lit(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn text(fr: &str, nl: &str) -> String {
    format!("{{\"fr\": {}, \"nl\": {}}}", lit(fr), lit(nl))
}

/// The kinds below the levels, the common ones more often.
const KINDS: &[&str] = &[
    "Network", "Network", "Network", "Platform", "Platform", "Forum", "Forum", "Body", "Event",
    "Exercise", "Service", "Role", "Channel",
];

/// Facts other than the participants: (field, French, Dutch), one of each kind picked at times.
const FACTS: &[(&str, &[(&str, &str)])] = &[
    (
        "coordination",
        &[
            ("Le CCB et le SPF Intérieur", "Het CCB en de FOD Binnenlandse Zaken"),
            ("La présidence tournante du Conseil", "Het roterend voorzitterschap van de Raad"),
            ("L'ENISA, avec la Commission européenne", "ENISA, met de Europese Commissie"),
        ],
    ),
    (
        "frequency",
        &[
            ("Tous les trimestres", "Elk kwartaal"),
            ("Deux fois par an", "Twee keer per jaar"),
            ("Selon les besoins", "Naar behoefte"),
        ],
    ),
    (
        "ccb_role",
        &[
            ("Le CCB y représente la Belgique.", "Het CCB vertegenwoordigt er België."),
            ("Le CCB en assure le secrétariat.", "Het CCB verzorgt er het secretariaat."),
            (
                "Le CCB y partage ses analyses de la menace.",
                "Het CCB deelt er zijn dreigingsanalyses.",
            ),
        ],
    ),
    (
        "legal_basis",
        &[
            ("Loi du 26 avril 2024 (NIS2)", "Wet van 26 april 2024 (NIS2)"),
            ("Arrêté royal du 10 octobre 2014", "Koninklijk besluit van 10 oktober 2014"),
            ("Directive (UE) 2022/2555", "Richtlijn (EU) 2022/2555"),
        ],
    ),
];

/// A valid data set (no error, no warning) of `nodes` nodes (at least one) and about
/// `nodes / 20` organisations, shaped like a large real one: five levels; an uneven tree (some
/// entries have no children, most a few, one in fifty a few dozen), so that it is several levels
/// deep; all the kinds; names, summaries and facts in French and Dutch with accents, some with
/// quotes to escape; acronyms, some localized; links between entries, some with a role; and
/// organisations, some part of another, one of them (the CCB, say) named by about a sixth of
/// the entries. 100,000 nodes make a file of about 60 MiB, under the 64 MiB limit.
#[must_use]
pub fn dataset(nodes: usize, seed: u64) -> String {
    /// A step of writing the tree depth first, iteratively, so deep trees do not recurse.
    enum Step {
        Open(usize),
        Close(usize),
    }
    let nodes = nodes.max(1);
    let mut rng = Rng(seed.max(1));
    let orgs = (nodes / 20).clamp(1, 5000);
    let mut out = String::with_capacity(nodes * 640);
    out.push_str("Dataset(\n    format: 1,\n    languages: [\"fr\", \"nl\"],\n");
    let _ = writeln!(out, "    title: {},", text("Réseaux générés", "Gegenereerde netwerken"));
    let _ = writeln!(
        out,
        "    source: (note: {}, as_of: {}, url: \"https://example.org/reseaux\"),",
        text("Données générées pour les mesures.", "Gegenereerde gegevens voor metingen."),
        text("aucune date", "geen datum")
    );
    out.push_str("    organisations: [\n");
    for o in 0..orgs {
        let fr = format!("Organisation {} {}", words(&mut rng, FR_WORDS, 2), o);
        let nl = format!("Organisatie {} {}", words(&mut rng, NL_WORDS, 2), o);
        let _ = write!(out, "        Organisation(id: \"org-{o}\", name: {}, ", text(&fr, &nl));
        if rng.below(10) == 0 {
            let _ = write!(out, "acronym: {}", text(&format!("OF{o}"), &format!("ON{o}")));
        } else {
            let _ = write!(out, "acronym: \"ORG{o}\"");
        }
        if o > 0 && rng.below(8) == 0 {
            let _ = write!(out, ", part_of: \"org-{}\"", rng.below(o));
        }
        if rng.below(4) == 0 {
            let n = 4 + rng.below(8);
            let (f, n2) = (sentence(&mut rng, FR_WORDS, n), sentence(&mut rng, NL_WORDS, n));
            let _ = write!(out, ", summary: {}", text(&f, &n2));
        }
        out.push_str("),\n");
    }
    out.push_str("    ],\n    nodes: [\n");
    // Shape: a few top levels; breadth first, each entry gets no children (a third of them),
    // a few, or now and then a few dozen, until the budget is spent.
    let levels = nodes.min(5);
    let mut parent_of: Vec<Option<usize>> = vec![None; levels];
    let mut depth: Vec<usize> = vec![0; levels];
    let mut queue: std::collections::VecDeque<usize> = (0..levels).collect();
    while parent_of.len() < nodes {
        let Some(p) = queue.pop_front() else { break };
        let fan = if depth[p] == 0 {
            5 + rng.below(36)
        } else if rng.below(50) == 0 {
            20 + rng.below(60)
        } else if rng.below(3) == 0 && !queue.is_empty() {
            0
        } else {
            1 + rng.below(10)
        };
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
    // Write depth first.
    let mut stack: Vec<Step> = (0..levels).rev().map(Step::Open).collect();
    while let Some(step) = stack.pop() {
        match step {
            Step::Open(id) => {
                let pad = "  ".repeat(depth[id].min(4) + 2);
                let name_len = 2 + rng.below(5);
                let mut fr = sentence(&mut rng, FR_WORDS, name_len);
                let mut nl = sentence(&mut rng, NL_WORDS, name_len);
                fr.pop();
                nl.pop();
                let kind = if depth[id] == 0 { "Level" } else { KINDS[rng.below(KINDS.len())] };
                let _ = writeln!(out, "{pad}Node(id: \"n-{id}\", kind: {kind},");
                if rng.below(12) == 0 {
                    // A proper name, the same in both languages.
                    let _ = writeln!(out, "{pad}    name: {},", lit(&format!("Cyber {fr} {id}")));
                } else {
                    let _ = writeln!(out, "{pad}    name: {},", text(&fr, &nl));
                }
                match rng.below(12) {
                    0..=2 => {
                        let _ = writeln!(out, "{pad}    acronym: \"N{id}\",");
                    }
                    3 => {
                        let (f, n) = (format!("RF{id}"), format!("RN{id}"));
                        let _ = writeln!(out, "{pad}    acronym: {},", text(&f, &n));
                    }
                    _ => {}
                }
                let len = 4 + rng.below(15);
                let mut f = sentence(&mut rng, FR_WORDS, len);
                let mut n = sentence(&mut rng, NL_WORDS, len);
                if rng.below(10) == 0 {
                    f.push_str(" Dit « le \"réseau\" des réseaux ».");
                    n.push_str(" Ook „het \"netwerk\" der netwerken” genoemd.");
                }
                let _ = writeln!(out, "{pad}    summary: {},", text(&f, &n));
                if rng.below(3) == 0 {
                    let n = 3 + rng.below(8);
                    let _ = writeln!(
                        out,
                        "{pad}    participants: {},",
                        text(&words(&mut rng, FR_WORDS, n), &words(&mut rng, NL_WORDS, n))
                    );
                }
                for (field, options) in FACTS {
                    if rng.below(9) == 0 {
                        let (f, n) = options[rng.below(options.len())];
                        let _ = writeln!(out, "{pad}    {field}: {},", text(f, n));
                    }
                }
                if rng.below(3) == 0 && id > 0 {
                    let other = rng.below(parent_of.len());
                    if other != id {
                        if rng.below(3) == 0 {
                            let role =
                                text("lui transmet ses alertes", "geeft zijn waarschuwingen door");
                            let _ = writeln!(
                                out,
                                "{pad}    related: [(id: \"n-{other}\", role: {role})],"
                            );
                        } else {
                            let _ = writeln!(out, "{pad}    related: [\"n-{other}\"],");
                        }
                    }
                }
                match rng.below(12) {
                    0..=1 => {
                        let _ = writeln!(
                            out,
                            "{pad}    organisations: [(id: \"org-0\", role: {})],",
                            text("coordonne", "coördineert")
                        );
                    }
                    2..=5 => {
                        let o = rng.below(orgs);
                        let _ = writeln!(
                            out,
                            "{pad}    organisations: [(id: \"org-{o}\", role: {})],",
                            text("participe", "neemt deel")
                        );
                    }
                    6 if orgs > 1 => {
                        let (a, b) = (rng.below(orgs), rng.below(orgs));
                        if a == b {
                            let _ = writeln!(out, "{pad}    organisations: [\"org-{a}\"],");
                        } else {
                            let _ = writeln!(
                                out,
                                "{pad}    organisations: [\"org-{a}\", \"org-{b}\"],"
                            );
                        }
                    }
                    _ => {}
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
                let pad = "  ".repeat(depth[id].min(4) + 2);
                let _ = writeln!(out, "{pad}    ],");
                let _ = writeln!(out, "{pad}),");
            }
        }
    }
    out.push_str("    ],\n)\n");
    out
}
