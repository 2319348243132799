//! The shipped data set: complete in French, Dutch, German and English, in the page's order,
//! with the bodies' own names and acronyms in each language, the facts of the source page and
//! the links between them.

use ccbnet::data::{Catalog, Fact, Text, load_embedded};

fn catalog() -> Catalog {
    let loaded = load_embedded().expect("the shipped data set loads");
    assert!(loaded.warnings.is_empty(), "no warnings: {:?}", loaded.warnings);
    loaded.catalog
}

/// The languages of the shipped data set, in its order.
const LANGS: [&str; 4] = ["fr", "nl", "de", "en"];

/// Asserts that `t` reads in French, Dutch, German and English, not empty in any.
#[track_caller]
fn assert_bilingual(t: &Text, what: &str) {
    match t {
        Text::Same(s) => assert!(!s.trim().is_empty(), "{what} is empty"),
        Text::Localized(v) => {
            let langs: Vec<&str> = v.iter().map(|(l, _)| l).collect();
            assert_eq!(langs, LANGS, "{what} must be in fr, nl, de and en");
            for (l, s) in v.iter() {
                assert!(!s.trim().is_empty(), "{what} is empty in {l}");
            }
        }
    }
}

fn node<'a>(c: &'a Catalog, id: &str) -> &'a ccbnet::data::Entry {
    &c.nodes[c.node_by_id(id).unwrap_or_else(|| panic!("node {id}"))]
}

/// The text in `lang`, its no-break spaces read as spaces (the facts are checked here; the
/// typography in `french_texts_follow_the_typography_rules`).
fn text(c: &Catalog, t: &Text, lang: &str) -> String {
    let shown = c.pick(t, lang);
    assert_eq!(shown.fallback, None);
    shown.text.replace('\u{A0}', " ")
}

fn fact(c: &Catalog, id: &str, f: Fact, lang: &str) -> String {
    let n = node(c, id);
    let t = n.facts.iter().find(|(k, _)| *k == f).unwrap_or_else(|| panic!("{id} has {f:?}"));
    text(c, &t.1, lang)
}

/// Every text of a node in one language, for "does the entry say X" checks.
fn all_text(c: &Catalog, id: &str, lang: &str) -> String {
    let n = node(c, id);
    let mut out = text(c, &n.name, lang);
    for t in n.acronym.iter().chain(&n.summary).chain(n.facts.iter().map(|(_, t)| t)) {
        out.push('\n');
        out.push_str(&text(c, t, lang));
    }
    out
}

#[test]
fn every_text_is_in_all_four_languages() {
    let c = catalog();
    assert_eq!(c.languages, LANGS);
    assert_bilingual(&c.title, "title");
    assert_bilingual(&c.source_note, "source note");
    assert_bilingual(&c.as_of, "as_of");
    for n in &c.nodes {
        assert_bilingual(&n.name, &n.id);
        let summary = n.summary.as_ref().unwrap_or_else(|| panic!("{} has a summary", n.id));
        assert_bilingual(summary, &format!("{} summary", n.id));
        for t in n.acronym.iter().chain(n.facts.iter().map(|(_, t)| t)) {
            assert_bilingual(t, &n.id);
        }
        for l in &n.related {
            l.role.iter().for_each(|r| assert_bilingual(r, &format!("{} link", n.id)));
        }
        for l in &n.organisations {
            l.role.iter().for_each(|r| assert_bilingual(r, &format!("{} organisation", n.id)));
        }
    }
    for o in &c.orgs {
        assert_bilingual(&o.name, &o.id);
        for t in o.acronym.iter().chain(&o.summary) {
            assert_bilingual(t, &o.id);
        }
    }
}

#[test]
fn five_levels_in_the_order_of_the_page() {
    let c = catalog();
    let levels: Vec<(String, String)> = c
        .roots
        .iter()
        .map(|&r| (text(&c, &c.nodes[r].name, "fr"), text(&c, &c.nodes[r].name, "nl")))
        .collect();
    let expected = [
        ("Réseaux nationaux (1)", "Nationale netwerken (1)"),
        ("Réseaux nationaux (2)", "Nationale netwerken (2)"),
        ("Réseaux européens", "Europese netwerken"),
        ("Réseaux internationaux", "Internationale netwerken"),
        ("Réseaux opérationnels", "Operationele netwerken"),
    ];
    assert_eq!(levels.len(), 5);
    for ((fr, nl), (efr, enl)) in levels.iter().zip(expected) {
        assert_eq!((fr.as_str(), nl.as_str()), (efr, enl));
    }
    // Entries in the page's order under each level.
    let order = |level: &str| -> Vec<&str> {
        node(&c, level).children.iter().map(|&n| c.nodes[n].id.as_str()).collect()
    };
    assert_eq!(
        order("national-1"),
        ["platform-4-cyber", "cyssap", "ren-cybercrime", "csi-dpo-platform", "sit"]
    );
    assert_eq!(
        order("national-2"),
        [
            "foreign-affairs-channels",
            "cei-iec",
            "isp-think-tank",
            "cyber-security-coalition",
            "qctr",
            "ews"
        ]
    );
    assert_eq!(
        order("european"),
        [
            "single-point-of-contact",
            "nis-cooperation-group",
            "eccg",
            "enisa-ad-hoc-working-groups",
            "enisa-management-board",
            "hwp-ci",
            "ecso"
        ]
    );
    assert_eq!(
        order("international"),
        [
            "osce-informal-working-group",
            "gfce",
            "nato-expertise",
            "un-expertise",
            "oecd-debates",
            "itu-debates"
        ]
    );
    assert_eq!(
        order("operational"),
        [
            "national-csirt",
            "cert-be",
            "eu-csirts-network",
            "egc",
            "first",
            "tf-csirt",
            "cyber-europe"
        ]
    );
}

#[test]
fn acronyms_are_localized_as_the_bodies_do() {
    let c = catalog();
    for (id, fr, nl) in [
        ("nato", "OTAN", "NAVO"),
        ("osce", "OSCE", "OVSE"),
        ("oecd", "OCDE", "OESO"),
        ("un", "ONU", "VN"),
        ("itu", "UIT", "ITU"),
        ("ccrs", "CCRS", "CCIV"),
        ("federal-public-services", "SPF", "FOD"),
        ("ipss", "IPSS", "OISZ"),
        ("oip", "OIP", "ION"),
    ] {
        let o = &c.orgs[c.org_by_id(id).unwrap_or_else(|| panic!("organisation {id}"))];
        let acr = o.acronym.as_ref().expect("acronym");
        assert_eq!((text(&c, acr, "fr").as_str(), text(&c, acr, "nl").as_str()), (fr, nl), "{id}");
    }
    let cei = node(&c, "cei-iec").acronym.as_ref().expect("acronym");
    assert_eq!((text(&c, cei, "fr").as_str(), text(&c, cei, "nl").as_str()), ("CEI", "IEC"));
    for (id, de, en) in [
        ("nato", "NATO", "NATO"),
        ("osce", "OSZE", "OSCE"),
        ("oecd", "OECD", "OECD"),
        ("un", "UNO", "UN"),
        ("itu", "ITU", "ITU"),
        ("ccrs", "CCIV", "CCIV"),
        ("federal-public-services", "FÖD", "FPS"),
        ("foreign-affairs", "FÖD Auswärtige Angelegenheiten", "FPS Foreign Affairs"),
    ] {
        let o = &c.orgs[c.org_by_id(id).unwrap_or_else(|| panic!("organisation {id}"))];
        let acr = o.acronym.as_ref().expect("acronym");
        assert_eq!((text(&c, acr, "de").as_str(), text(&c, acr, "en").as_str()), (de, en), "{id}");
    }
}

/// The official names the CCB's German and English pages (and the bodies) use, one form per
/// language, in the entries that name the body.
#[test]
fn official_names_in_german_and_english() {
    let c = catalog();
    let checks: &[(&str, &[&str], &[&str])] = &[
        (
            "platform-4-cyber",
            &["Plattform 4 Cyber", "Koordinationsausschuss für Information und Sicherheit"],
            &["Platform 4 Cyber", "Coordination Committee on Intelligence and Security"],
        ),
        ("cyssap", &["Organisationen von vitaler Bedeutung"], &["Operators of Vital Importance"]),
        (
            "ren-cybercrime",
            &["Expertise Network (REN) Cybercrime", "Staatsanwaltschaft Antwerpen"],
            &["Cybercrime Expertise Network (REN)", "public prosecutor's office in Antwerp"],
        ),
        (
            "csi-dpo-platform",
            &["CSI/DPO-Plattform", "Sicherheitsberater", "Datenschutzbeauftragten"],
            &["CSI/DPO platform", "security advisers", "data protection officers"],
        ),
        (
            "sit",
            &["FÖD", "G-Cloud"],
            &["Federal Public Services, Public Social Security Institutions and Public Utility \
                 Institutions"],
        ),
        ("foreign-affairs-channels", &["FÖD Auswärtige Angelegenheiten"], &["FPS Foreign Affairs"]),
        (
            "cei-iec",
            &["Interministerielle Wirtschaftskommission"],
            &[
                "Interministerial Economic Commission (IEC)",
                "Federal Public Service Economy, SMEs, Self-Employed and Energy",
            ],
        ),
        ("isp-think-tank", &["Alle zwei Monate"], &["ISP think tank", "Every two months"]),
        (
            "single-point-of-contact",
            &["NIS-Gesetz vom 7. April 2019", "NIS-Kooperationsgruppe", "Unterarbeitsgruppen"],
            &["Belgian NIS Act of 7 April 2019", "NIS Cooperation Group", "sub-working groups"],
        ),
        (
            "enisa-management-board",
            &["Verwaltungsrat", "Agentur der Europäischen Union für Cybersicherheit"],
            &["management board", "European Union Agency for Cybersecurity"],
        ),
        (
            "enisa-ad-hoc-working-groups",
            &["Ad-hoc-Arbeitsgruppen von ENISA"],
            &["ad hoc working groups"],
        ),
        ("eccg", &["Cybersicherheitsgesetz"], &["EU Cybersecurity Act"]),
        (
            "osce-informal-working-group",
            &["OSZE", "vertrauensbildende"],
            &["OSCE", "confidence-building measures"],
        ),
        ("gfce", &["Global Forum on Cyber Expertise"], &["Global Forum on Cyber Expertise"]),
        ("un-expertise", &["UNO", "Vereinten Nationen"], &["United Nations (UN)"]),
        (
            "itu-debates",
            &["Internationale Fernmeldeunion (ITU)"],
            &["International Telecommunication Union (ITU)"],
        ),
        (
            "cert-be",
            &["föderale Cyber Emergency Response Team"],
            &["federal Computer Emergency Response Team", "operational service of the CCB"],
        ),
        ("cyber-europe", &["alle zwei Jahre"], &["biennial"]),
    ];
    for (id, de, en) in checks {
        let (d, e) = (all_text(&c, id, "de"), all_text(&c, id, "en"));
        for needle in *de {
            assert!(d.contains(needle), "{id} (de): {needle:?} in {d}");
        }
        for needle in *en {
            assert!(e.contains(needle), "{id} (en): {needle:?} in {e}");
        }
    }
    // One form per language: the other forms the CCB's own pages use are not used.
    for t in every_text(&c) {
        let (de, en) = (t.get("de").unwrap_or_default(), t.get("en").unwrap_or_default());
        assert!(!de.contains("Koordinierungsausschuss"), "{de}");
        assert!(!en.contains("Vital Interest"), "{en}");
        assert!(!de.contains("Platform 4 Cyber"), "{de}");
    }
}

/// German and English are written for their readers: no text is the French or Dutch one
/// copied (names and acronyms the same in every language aside), and German quotes are „…“.
#[test]
fn german_and_english_are_their_own_texts() {
    let c = catalog();
    let mut long = 0;
    for t in every_text(&c) {
        let get = |l: &str| t.get(l).unwrap_or_default();
        let (fr, nl, de, en) = (get("fr"), get("nl"), get("de"), get("en"));
        // Sentences, not names (an English name such as "Horizontal Working Party on Cyber
        // Issues" is the French one too).
        if fr.split_whitespace().count() > 8 {
            long += 1;
            for (l, s) in [("de", de), ("en", en)] {
                assert!(s != fr && s != nl, "{l} copies another language: {s}");
            }
            assert!(de != en, "German is English: {de}");
        }
        // No French typography; a no-break space only inside a date ("18.\u{a0}Oktober\u{a0}2024").
        let outside_dates = |s: &str| {
            s.split(' ')
                .filter(|w| w.contains('\u{a0}'))
                .any(|w| !w.chars().any(|c| c.is_ascii_digit()))
        };
        assert!(
            !de.contains(['«', '»']) && !outside_dates(de),
            "French typography in German: {de}"
        );
        assert!(
            !en.contains(['«', '»']) && !outside_dates(en),
            "French typography in English: {en}"
        );
    }
    assert!(long > 100, "{long} texts checked");
}

#[test]
fn the_source_note_gives_the_date_and_the_2024_law() {
    let c = catalog();
    let fr = text(&c, &c.source_note, "fr");
    let nl = text(&c, &c.source_note, "nl");
    for needle in ["26 avril 2024", "7 avril 2019", "18 octobre 2024"] {
        assert!(fr.contains(needle), "{needle} in {fr}");
    }
    for needle in ["26 april 2024", "7 april 2019", "18 oktober 2024"] {
        assert!(nl.contains(needle), "{needle} in {nl}");
    }
    let de = text(&c, &c.source_note, "de");
    let en = text(&c, &c.source_note, "en");
    for needle in ["26. April 2024", "7. April 2019", "18. Oktober 2024", "9. Juni 2024"] {
        assert!(de.contains(needle), "{needle} in {de}");
    }
    for needle in ["26 April 2024", "7 April 2019", "18 October 2024", "9 June 2024"] {
        assert!(en.contains(needle), "{needle} in {en}");
    }
    for lang in LANGS {
        assert!(text(&c, &c.as_of, lang).contains("2024"), "{lang}");
    }
    // Every legal basis that cites the 2019 law keeps the page's words, and the entry says
    // beside it, as a dated change, that the law has been replaced.
    let mut cited = 0;
    for n in &c.nodes {
        let since =
            |lang| n.facts.iter().find(|(f, _)| *f == Fact::Since).map(|(_, t)| text(&c, t, lang));
        for (f, t) in &n.facts {
            if *f == Fact::LegalBasis && text(&c, t, "fr").contains("2019") {
                cited += 1;
                assert!(
                    !text(&c, t, "fr").contains("2024"),
                    "{}: the page's basis, as it was",
                    n.id
                );
                assert!(since("fr").is_some_and(|s| s.contains("26 avril 2024")), "{}", n.id);
                assert!(since("nl").is_some_and(|s| s.contains("26 april 2024")), "{}", n.id);
                assert!(since("de").is_some_and(|s| s.contains("26. April 2024")), "{}", n.id);
                assert!(since("en").is_some_and(|s| s.contains("26 April 2024")), "{}", n.id);
            }
        }
    }
    assert_eq!(cited, 2);
}

#[test]
fn what_changed_since_the_page_is_there_dated() {
    let c = catalog();
    let since = |id: &str, lang| fact(&c, id, Fact::Since, lang);
    assert!(since("single-point-of-contact", "fr").contains("2022/2555"));
    assert!(since("single-point-of-contact", "fr").contains("17 mai 2024"));
    assert!(since("national-csirt", "fr").contains("9 juin 2024"));
    assert!(since("national-csirt", "nl").contains("9 juni 2024"));
    for id in ["eccg", "enisa-ad-hoc-working-groups"] {
        assert!(since(id, "fr").contains("NCCA-BE"), "{id}");
        assert!(since(id, "nl").contains("NCCA-BE"), "{id}");
        // What the page said stays: the CCB represents Belgium pending the authority.
        assert!(all_text(&c, id, "fr").contains("Tant qu'une autorité nationale"), "{id}");
    }
    assert!(since("enisa-management-board", "fr").contains("directeur général"));
    assert!(since("enisa-management-board", "nl").contains("Director General"));
    let ncca = c.org_by_id("ncca-be").expect("the certification authority");
    assert_eq!(c.orgs[ncca].part_of, c.org_by_id("ccb"));
    assert!(!c.orgs[ncca].sources.is_empty(), "designated after the page: its sources");
}

#[test]
fn what_is_not_from_the_page_names_its_source() {
    let c = catalog();
    // The page itself, for everything else.
    assert!(text(&c, &c.page.title, "fr").contains("Collaboration"));
    let mut since = 0;
    for n in &c.nodes {
        for (f, _) in &n.facts {
            if *f == Fact::Since {
                since += 1;
                let own = n.sources.iter().filter(|s| s.fact == Some(Fact::Since));
                let urls: Vec<_> = own.filter_map(|s| s.url.as_deref()).collect();
                assert!(!urls.is_empty(), "{}: the change names a source with its address", n.id);
                assert!(urls.iter().all(|u| u.starts_with("https://")), "{}: {urls:?}", n.id);
            }
        }
    }
    assert_eq!(since, 5);
    // Expansions the page does not give.
    for id in ["g-cloud", "first", "tf-csirt", "dge-channel"] {
        assert!(node(&c, id).sources.iter().any(|s| s.fact.is_none() && s.url.is_some()), "{id}");
    }
    // The names the glossary marks "unverified", and only those.
    let marked: Vec<&str> =
        c.nodes.iter().filter(|n| n.unverified).map(|n| n.id.as_str()).collect();
    assert_eq!(marked, ["isp-think-tank"]);
    assert!(!c.orgs.iter().any(|o| o.unverified));
    let dge = c.org_by_id("dge").expect("dge");
    assert!(!c.orgs[dge].sources.is_empty());
}

#[test]
fn facts_of_the_page_in_both_languages() {
    let c = catalog();
    let checks: &[(&str, &[&str], &[&str])] = &[
        ("platform-4-cyber", &["CCRS", "renseignement"], &["CCIV", "inlichtingen"]),
        ("cyssap", &["importance vitale"], &["vitaal belang"]),
        (
            "ren-cybercrime",
            &["parquet général d'Anvers", "coordinateur en chef"],
            &["parket-generaal Antwerpen"],
        ),
        (
            "csi-dpo-platform",
            &["conseillers en sécurité de l'information"],
            &["informatieveiligheidsconsulenten"],
        ),
        ("sit", &["SPF", "IPSS", "OIP", "G-Cloud"], &["FOD", "OISZ", "ION", "G-Cloud"]),
        ("foreign-affairs-channels", &["SPF Affaires étrangères"], &["FOD Buitenlandse Zaken"]),
        ("cei-iec", &["fédérées", "cybersécurité"], &["deelstaat", "cyberbeveiliging"]),
        (
            "isp-think-tank",
            &["tous les deux mois", "fournisseurs d'accès"],
            &["om de twee maanden"],
        ),
        (
            "cyber-security-coalition",
            &["privé", "académique", "public"],
            &["privésector", "academische", "overheid"],
        ),
        ("coalition-focus-groups", &["cloud", "NIS", "crypto"], &["cloud", "NIS", "crypto"]),
        ("qctr", &["trimestre"], &["kwartaal"]),
        (
            "ews",
            &["services de sécurité nationaux", "autorités sectorielles"],
            &["nationale veiligheidsdiensten"],
        ),
        ("single-point-of-contact", &["7 avril 2019", "NIS"], &["7 april 2019", "NIS"]),
        ("eccg", &["certification"], &["certificering"]),
        ("enisa-management-board", &["directeur du CCB"], &["directeur van het CCB"]),
        ("hwp-ci", &["Représentation permanente"], &["Permanente Vertegenwoordiging"]),
        ("ecso", &["PPPc"], &["cPPP"]),
        (
            "osce-informal-working-group",
            &["OSCE", "mesures de confiance"],
            &["OVSE", "vertrouwenwekkende maatregelen"],
        ),
        ("gfce", &["Global Forum on Cyber Expertise"], &["Global Forum on Cyber Expertise"]),
        ("nato-expertise", &["OTAN", "Sur demande"], &["NAVO", "Op verzoek"]),
        ("un-expertise", &["Nations unies"], &["Verenigde Naties"]),
        ("oecd-debates", &["OCDE"], &["OESO"]),
        ("itu-debates", &["UIT"], &["ITU"]),
        ("national-csirt", &["CSIRT", "7 avril 2019"], &["CSIRT", "7 april 2019"]),
        ("cert-be", &["CERT.be", "service opérationnel"], &["CERT.be"]),
        ("cyber-europe", &["ENISA", "tous les deux ans"], &["ENISA", "om de twee jaar"]),
    ];
    // A fact may open a sentence: the words are compared, not their case.
    let says = |text: &str, needle: &str| text.to_lowercase().contains(&needle.to_lowercase());
    for (id, fr, nl) in checks {
        let tfr = all_text(&c, id, "fr");
        let tnl = all_text(&c, id, "nl");
        for needle in *fr {
            assert!(says(&tfr, needle), "{id} (fr) should say {needle:?}:\n{tfr}");
        }
        for needle in *nl {
            assert!(says(&tnl, needle), "{id} (nl) should say {needle:?}:\n{tnl}");
        }
    }
    assert!(fact(&c, "sit", Fact::Frequency, "fr").to_lowercase().contains("mois"));
    assert!(fact(&c, "sit", Fact::Frequency, "nl").to_lowercase().contains("maand"));
}

#[test]
fn the_links_the_page_states() {
    let c = catalog();
    let linked = |a: &str, b: &str| {
        let (ia, ib) = (c.node_by_id(a).expect(a), c.node_by_id(b).expect(b));
        c.related_both(ia).iter().any(|r| r.target == ib)
            && c.related_both(ib).iter().any(|r| r.target == ia)
    };
    for (a, b) in [
        ("csi-dpo-cyber-meeting", "qctr"),
        ("qctr", "ews"),
        ("single-point-of-contact", "nis-cooperation-group"),
        ("national-csirt", "cert-be"),
        ("cert-be", "eu-csirts-network"),
        ("cert-be", "egc"),
        ("cert-be", "first"),
        ("cert-be", "tf-csirt"),
        ("enisa-ad-hoc-working-groups", "eccg"),
    ] {
        assert!(linked(a, b), "{a} <-> {b}");
    }
    let uses = |org: &str| -> Vec<&str> {
        c.org_used_by[c.org_by_id(org).expect(org)]
            .iter()
            .map(|&n| c.nodes[n].id.as_str())
            .collect()
    };
    assert!(uses("enisa").contains(&"cyber-europe"));
    assert!(uses("ccb-director").contains(&"enisa-management-board"));
    assert!(uses("parquet-general-antwerp").contains(&"ren-cybercrime"));
}

#[test]
fn every_link_reads_from_both_sides_in_both_languages() {
    let c = catalog();
    let mut links = 0;
    for (ix, n) in c.nodes.iter().enumerate() {
        for l in &n.related {
            links += 1;
            let what = format!("{} → {}", n.id, c.nodes[l.target].id);
            assert_bilingual(l.role.as_ref().unwrap_or_else(|| panic!("{what}: a role")), &what);
            let back = l
                .back
                .as_ref()
                .unwrap_or_else(|| panic!("{what}: a role seen from the other side"));
            assert_bilingual(back, &what);
            // The other side shows the words written for it, not the writer's.
            let seen = c.related_both(l.target);
            let from_there =
                seen.iter().find(|r| r.target == ix && r.incoming).expect("listed there");
            assert_eq!(from_there.role, Some(back), "{what}");
        }
    }
    assert!(links >= 14, "{links} links");
    let first = c.node_by_id("first").expect("FIRST");
    let cert = c.node_by_id("cert-be").expect("CERT.be");
    let seen = c.related_both(first);
    let role = seen.iter().find(|r| r.target == cert).and_then(|r| r.role).expect("a role");
    assert!(
        !text(&c, role, "fr").contains("où le CCB est représenté"),
        "FIRST is not a forum of itself"
    );
}

#[test]
fn siblings_whose_names_look_alike_have_short_names_that_differ() {
    let c = catalog();
    for lang in LANGS {
        let rows: Vec<String> = ["nato-expertise", "un-expertise", "oecd-debates", "itu-debates"]
            .iter()
            .map(|id| ccbnet::tree::node_row_title(&c, c.node_by_id(id).expect("entry"), lang).2)
            .collect();
        // The first 24 characters, what an 80-column tree pane shows, tell them apart.
        let cut: std::collections::HashSet<String> =
            rows.iter().map(|r| r.chars().take(24).collect()).collect();
        assert_eq!(cut.len(), rows.len(), "{rows:?}");
    }
}

/// Every text of the catalog: names, acronyms, summaries, facts, link words.
fn every_text(c: &Catalog) -> Vec<&Text> {
    let mut all = vec![&c.title, &c.source_note, &c.as_of];
    for n in &c.nodes {
        all.extend([&n.name].into_iter().chain(&n.acronym).chain(&n.summary));
        all.extend(n.facts.iter().map(|(_, t)| t));
        all.extend(n.related.iter().filter_map(|l| l.role.as_ref()));
        all.extend(n.organisations.iter().filter_map(|l| l.role.as_ref()));
    }
    for o in &c.orgs {
        all.extend([&o.name].into_iter().chain(&o.acronym).chain(&o.summary));
    }
    all
}

#[test]
fn french_texts_follow_the_typography_rules() {
    let c = catalog();
    let months = ["avril", "juin", "octobre", "mai", "juillet"];
    let mut dates = 0;
    for t in every_text(&c) {
        let Some(fr) = t.get("fr") else { continue };
        let chars: Vec<char> = fr.chars().collect();
        for (i, &ch) in chars.iter().enumerate() {
            if matches!(ch, ':' | ';' | '!' | '?' | '»') && i > 0 {
                assert_eq!(chars[i - 1], '\u{A0}', "no-break space before {ch:?} in {fr:?}");
            }
            if ch == '«' {
                assert_eq!(chars.get(i + 1), Some(&'\u{A0}'), "no-break space after « in {fr:?}");
            }
        }
        for m in months {
            for (at, _) in fr.match_indices(m) {
                let before = fr[..at].chars().last();
                if fr[..at].chars().rev().nth(1).is_some_and(|d| d.is_ascii_digit()) {
                    assert_eq!(before, Some('\u{A0}'), "date broken before {m} in {fr:?}");
                    dates += 1;
                }
            }
        }
        // Dutch keeps its plain spaces, but inside its dates.
        if let Some(nl) = t.get("nl") {
            let months = ["januari", "april", "mei", "juni", "juli", "oktober"];
            for held in nl.split(' ').filter(|w| w.contains('\u{A0}')) {
                let date = months.iter().any(|m| held.contains(m));
                assert!(date || nl == fr, "no-break space in Dutch outside a date: {held:?}");
            }
            for m in months {
                for (at, _) in nl.match_indices(&format!(" {m} ")) {
                    assert!(
                        !nl[..at].chars().last().is_some_and(|d| d.is_ascii_digit()),
                        "a Dutch date that may break: {nl:?}"
                    );
                }
            }
        }
    }
    assert!(dates > 10, "the data's French dates were found ({dates})");
}

#[test]
fn facts_as_strong_as_the_page_says_and_no_stronger() {
    let c = catalog();
    let fr = |id: &str| all_text(&c, id, "fr");
    let nl = |id: &str| all_text(&c, id, "nl");
    // Hedged statements stay hedged.
    assert!(fr("cei-iec").contains("peut aider à déterminer et à coordonner"));
    assert!(nl("cei-iec").contains("kan de federale overheden en de deelstaatoverheden helpen"));
    assert!(fr("isp-think-tank").contains("susceptibles d'améliorer"));
    // "d'autres services publics concernés", not "les autres".
    for id in ["eccg", "enisa-ad-hoc-working-groups"] {
        assert!(fr(id).contains("d'autres services publics concernés"), "{id}");
        assert!(!fr(id).contains("les autres services publics"), "{id}");
        assert!(!nl(id).contains("de andere betrokken"), "{id}");
    }
    // The page's plural "représentations belges", not one permanent representation.
    for id in ["nato-expertise", "un-expertise"] {
        assert!(fr(id).contains("représentations belges"), "{id}");
        assert!(nl(id).contains("Belgische vertegenwoordigingen"), "{id}");
        assert!(!fr(id).contains("Représentation permanente"), "{id}");
    }
    // ECSO: the private counterpart of the Commission.
    assert!(fr("ecso").contains("équivalent privé de la Commission européenne"));
    assert!(nl("ecso").contains("private tegenhanger van de Europese Commissie"));
    // G-Cloud: an aim of the SIT, not a platform of it.
    assert_eq!(node(&c, "g-cloud").kind, Some(ccbnet::data::Kind::Aim));
    assert!(fr("sit").contains("ont pour but"));
    assert!(nl("sit").contains("met als doel"));
    // Statements the page does not make.
    assert!(!fr("cyssap").contains("Early Warning"));
    assert!(!nl("cyssap").contains("Early Warning"));
    let has = |id: &str, f: Fact| node(&c, id).facts.iter().any(|(k, _)| *k == f);
    assert!(!has("isp-think-tank", Fact::Coordination), "the CCB consults; coordinates?");
    assert!(!has("ews", Fact::Coordination), "the page names no coordinator of the EWS");
    assert!(!has("cei-iec", Fact::Participants), "the page says who it helps, not who sits");
    // Nor on the links to the CCB.
    let roles = |id: &str, lang| -> String {
        let n = node(&c, id);
        n.organisations.iter().filter_map(|l| l.role.as_ref()).map(|t| text(&c, t, lang)).collect()
    };
    for id in ["eu-csirts-network", "egc", "first", "tf-csirt"] {
        assert!(!fr(id).contains("CSIRT national"), "{id}: in what capacity is not said");
        assert!(!nl(id).contains("nationaal CSIRT"), "{id}: in what capacity is not said");
        assert!(!roles(id, "fr").contains("CSIRT national"), "{id}: in what capacity is not said");
        assert!(!roles(id, "nl").contains("nationaal CSIRT"), "{id}: in what capacity is not said");
    }
    // The page does not say that the authorities of the CySSAP are those the EWS informs.
    let (ews, cyssap) =
        (c.node_by_id("ews").expect("ews"), c.node_by_id("cyssap").expect("cyssap"));
    assert!(!c.related_both(ews).iter().any(|r| r.target == cyssap), "ews → cyssap");
    let uses =
        |n: usize, org: &str| c.nodes[n].organisations.iter().any(|l| c.orgs[l.target].id == org);
    assert!(uses(cyssap, "supervisory-authorities") && !uses(cyssap, "sectoral-authorities"));
    assert!(uses(ews, "sectoral-authorities") && !uses(ews, "supervisory-authorities"));
    // G-Cloud: an aim of the SIT's meetings, on the link too.
    let sit = node(&c, "sit");
    let g = &sit.related[0];
    assert_eq!(c.nodes[g.target].id, "g-cloud");
    assert!(text(&c, g.role.as_ref().expect("role"), "fr").contains("visent"));
    assert!(text(&c, g.back.as_ref().expect("back"), "nl").contains("willen"));
    // HWP-CI: "or in other competent EU forums", not "as it can".
    assert!(!fr("hwp-ci").contains("peut le faire"));
    assert!(!nl("hwp-ci").contains("kan doen"));
}

#[test]
fn acronyms_are_expanded_where_they_are_shown() {
    let c = catalog();
    for (id, expansion) in [
        ("first", "Forum of Incident Response and Security Teams"),
        ("tf-csirt", "Task Force on Computer Security Incident Response Teams"),
        ("cert-be", "Cyber Emergency Response Team"),
        ("national-csirt", "Cyber Security Incident Response Team"),
        ("egc", "European Government CERTs group"),
        ("g-cloud", "cloud gouvernemental"),
    ] {
        assert!(all_text(&c, id, "fr").contains(expansion), "{id} (fr): {expansion}");
    }
    assert!(all_text(&c, "g-cloud", "nl").contains("overheidscloud"));
    assert!(all_text(&c, "eu-csirts-network", "nl").contains("Cyber Security Incident Response"));
    // Not an acronym, but English words a reader may not know: glossed as such.
    assert!(
        all_text(&c, "digital-task-force", "fr").contains("groupe de travail sur le numérique")
    );
    assert!(all_text(&c, "digital-task-force", "nl").contains("taskforce voor digitale zaken"));
    // One expansion of CERT.be, and "het" team in Dutch.
    assert!(!all_text(&c, "cert-be", "fr").contains("Computer Emergency"));
    assert!(all_text(&c, "cert-be", "nl").contains("het federale Cyber Emergency Response Team"));
}

#[test]
fn no_text_repeats_the_label_it_is_shown_after() {
    let c = catalog();
    for n in &c.nodes {
        for lang in LANGS {
            // "Niveau : Niveau européen" (an official name such as "Réseau d'expertise
            // Cybercriminalité" or "Platform 4 Cyber" is what it is).
            if let Some(kind @ ccbnet::data::Kind::Level) = n.kind {
                let label = ccbnet::i18n::kind_label(kind, lang);
                let name = text(&c, &n.name, lang);
                assert!(!name.starts_with(label), "{}: {label} : {name}", n.id);
            }
            // "Participants : Destinataires : ...": a fact is a value, not another label.
            for (f, t) in &n.facts {
                let t = text(&c, t, lang);
                let head: Vec<&str> = t.split_whitespace().take(2).collect();
                let labelled = head.first().is_some_and(|w| w.ends_with(':'))
                    || head.get(1).is_some_and(|w| *w == ":");
                assert!(!labelled, "{} {f:?} ({lang}) opens with a label: {t}", n.id);
            }
        }
    }
}

/// Whether `s` holds a colon that ends a label (`word :` or `word:` before a space).
fn has_label_colon(s: &str) -> bool {
    let s = s.replace(['\u{A0}', '\u{202F}'], " ");
    s.contains(" : ") || s.contains(": ")
}

#[test]
fn no_text_shown_after_a_label_starts_another_label() {
    // Facts and the roles of links are printed after a label and its colon (`Participants :`,
    // `ECCG · European Cybersecurity Certification Group :`): a colon of their own would make two.
    let c = catalog();
    let mut doubled = Vec::new();
    for n in &c.nodes {
        let roles = n.related.iter().flat_map(|l| [&l.role, &l.back]);
        let org_roles = n.organisations.iter().map(|l| &l.role);
        let facts = n.facts.iter().map(|(_, t)| Some(t));
        for t in roles.chain(org_roles).flatten().chain(facts.flatten()) {
            for (lang, s) in t.entries() {
                if has_label_colon(s) {
                    doubled.push(format!("{} ({lang:?}): {s}", n.id));
                }
            }
        }
    }
    assert!(doubled.is_empty(), "{doubled:#?}");
}

#[test]
fn an_international_organisations_summary_says_what_it_is_not_what_the_ccb_does() {
    let c = catalog();
    for id in ["nato", "un", "oecd", "itu"] {
        let o = &c.orgs[c.org_by_id(id).expect(id)];
        let summary = o.summary.as_ref().expect("a summary");
        for lang in ["fr", "nl"] {
            let s = text(&c, summary, lang);
            assert!(!s.contains("CCB"), "{id} ({lang}): {s}");
        }
    }
}

#[test]
fn every_entry_has_a_kind() {
    // G-Cloud had none once: an aim of the SIT, not a platform, it fitted no kind there was.
    let c = catalog();
    let without: Vec<&str> =
        c.nodes.iter().filter(|n| n.kind.is_none()).map(|n| n.id.as_str()).collect();
    assert!(without.is_empty(), "entries without a kind: {without:?}");
    assert_eq!(node(&c, "g-cloud").kind, Some(ccbnet::data::Kind::Aim));
}

#[test]
fn the_table_of_parents_is_each_entrys_parent() {
    let c = catalog();
    assert!(
        c.nodes.iter().any(|n| n.parent.is_some())
            && c.roots.iter().all(|&r| c.parent(r).is_none())
    );
    for (ix, n) in c.nodes.iter().enumerate() {
        assert_eq!(c.parent(ix), n.parent, "{}", n.id);
    }
}
