//! Every piece of interface text, in French, Dutch and English (the fallback for a data set in
//! another language). The data's own texts come from the data file; these are the program's.

use crate::action::Action;
use crate::data::{Fact, Kind};

/// The interface texts of one language.
#[derive(Debug)]
pub struct Strings {
    /// Between a label and its value: `" : "` in French, `": "` in Dutch and English.
    pub colon: &'static str,
    /// Title of the tree pane.
    pub tree_title: &'static str,
    /// Title of the detail pane.
    pub detail_title: &'static str,
    /// Shown instead of the layout when the terminal is too small.
    pub too_small: &'static str,
    /// Title of the help overlay.
    pub help_title: &'static str,
    /// The line at the foot of the help overlay.
    pub help_close: &'static str,
    /// Heading of the path of the selected entry.
    pub path: &'static str,
    /// Heading of the related entries.
    pub related: &'static str,
    /// Heading of the organisations.
    pub organisations: &'static str,
    /// Heading of the entries under the selected one.
    pub children: &'static str,
    /// Heading of the source note.
    pub source: &'static str,
    /// Label of the date the content reflects.
    pub as_of: &'static str,
    /// Heading of the organisation an organisation belongs to.
    pub part_of: &'static str,
    /// Heading of the organisations that belong to an organisation.
    pub parts: &'static str,
    /// Heading of the entries an organisation appears in.
    pub appears_in: &'static str,
    /// Said of an organisation that no entry names.
    pub nowhere: &'static str,
    /// The kind label of an organisation.
    pub organisation: &'static str,
    /// Title of the left pane in the organisations view.
    pub orgs_title: &'static str,
    /// Help heading for keys that move in the tree.
    pub group_move: &'static str,
    /// Help heading for the other keys.
    pub group_other: &'static str,
    /// Help heading for the search keys.
    pub group_search: &'static str,
    /// Help heading for links, history and views.
    pub group_links: &'static str,
    /// The prompt of the search line.
    pub search_prompt: &'static str,
    /// Shown when a search finds nothing; `{}` is the query.
    pub no_results: &'static str,
    /// The end of a list cut short; `{}` is how many more there are.
    pub more: &'static str,
    /// Start of the banner of a data file that does not load.
    pub reload_failed: &'static str,
    /// End of that banner.
    pub reload_kept: &'static str,
    /// Help sub-heading of the keys of the search line.
    pub in_search_line: &'static str,
    /// Shown in the search line when `n`/`N` went round.
    pub wrapped: &'static str,
    /// Help heading for the mouse.
    pub group_mouse: &'static str,
    /// Mouse help lines.
    pub mouse: [&'static str; 3],
}

const FR: Strings = Strings {
    colon: "\u{a0}: ",
    tree_title: "Réseaux",
    detail_title: "Détails",
    too_small: "Fenêtre trop petite pour ccbnet",
    help_title: "Aide\u{a0}: touches",
    help_close: "Esc ou\u{a0}? pour fermer",
    path: "Chemin",
    related: "Entrées liées",
    organisations: "Organisations",
    children: "Sous-entrées",
    source: "Source",
    as_of: "Date de référence",
    part_of: "Fait partie de",
    parts: "Entités rattachées",
    appears_in: "Cité dans",
    nowhere: "Aucune entrée ne la cite.",
    organisation: "Organisation",
    orgs_title: "Organisations",
    group_move: "Se déplacer",
    group_other: "Autres touches",
    group_search: "Recherche",
    group_links: "Liens et historique",
    search_prompt: "Rechercher\u{a0}: ",
    no_results: "Aucun résultat pour «\u{a0}{}\u{a0}»",
    wrapped: "retour au début",
    in_search_line: "dans la ligne de recherche\u{a0}:",
    reload_failed: "Le fichier modifié ne se charge pas\u{a0}:",
    more: "… et {} de plus",
    reload_kept: " — les dernières données valides restent affichées.",
    group_mouse: "Souris",
    mouse: [
        "clic sur une ligne\u{a0}: la sélectionner\u{a0}; sur ▸/▾\u{a0}: déplier ou replier\u{a0}; sur un lien\u{a0}: le suivre",
        "molette\u{a0}: faire défiler le panneau sous le pointeur",
        "clic sur une langue dans l'en-tête\u{a0}: passer à cette langue",
    ],
};

const NL: Strings = Strings {
    colon: ": ",
    tree_title: "Netwerken",
    detail_title: "Details",
    too_small: "Venster te klein voor ccbnet",
    help_title: "Hulp: toetsen",
    help_close: "Esc of ? om te sluiten",
    path: "Pad",
    related: "Verwante items",
    organisations: "Organisaties",
    children: "Onderdelen",
    source: "Bron",
    as_of: "Peildatum",
    part_of: "Maakt deel uit van",
    parts: "Onderdelen",
    appears_in: "Vermeld in",
    nowhere: "Geen enkel item vermeldt ze.",
    organisation: "Organisatie",
    orgs_title: "Organisaties",
    group_move: "Bewegen",
    group_other: "Andere toetsen",
    group_search: "Zoeken",
    group_links: "Links en geschiedenis",
    search_prompt: "Zoeken: ",
    no_results: "Geen resultaten voor '{}'",
    wrapped: "terug naar het begin",
    in_search_line: "in de zoekregel:",
    reload_failed: "Het gewijzigde bestand laadt niet:",
    more: "… en nog {}",
    reload_kept: " — de laatste geldige gegevens blijven zichtbaar.",
    group_mouse: "Muis",
    mouse: [
        "klik op een regel: selecteren; op ▸/▾: open- of dichtklappen; op een link: volgen",
        "muiswiel: het paneel onder de aanwijzer scrollen",
        "klik op een taal in de kop: naar die taal overschakelen",
    ],
};

const EN: Strings = Strings {
    colon: ": ",
    tree_title: "Networks",
    detail_title: "Details",
    too_small: "Window too small for ccbnet",
    help_title: "Help: keys",
    help_close: "Esc or ? to close",
    path: "Path",
    related: "Related entries",
    organisations: "Organisations",
    children: "Entries below",
    source: "Source",
    as_of: "Reference date",
    part_of: "Part of",
    parts: "Parts",
    appears_in: "Named in",
    nowhere: "No entry names it.",
    organisation: "Organisation",
    orgs_title: "Organisations",
    group_move: "Moving",
    group_other: "Other keys",
    group_search: "Search",
    group_links: "Links and history",
    search_prompt: "Search: ",
    no_results: "No results for '{}'",
    wrapped: "wrapped around",
    in_search_line: "in the search line:",
    reload_failed: "The changed file does not load:",
    more: "… and {} more",
    reload_kept: " — the last good data stays on screen.",
    group_mouse: "Mouse",
    mouse: [
        "click a row: select it; click ▸/▾: expand or collapse; click a link: follow it",
        "wheel: scroll the pane under the pointer",
        "click a language in the header: switch to it",
    ],
};

/// The interface texts for `lang` (English for a language the program has no texts for).
#[must_use]
pub fn strings(lang: &str) -> &'static Strings {
    match base(lang) {
        "fr" => &FR,
        "nl" => &NL,
        _ => &EN,
    }
}

/// `fr` of `fr-BE`.
fn base(lang: &str) -> &str {
    lang.split('-').next().unwrap_or(lang)
}

/// The label of a structured fact.
#[must_use]
pub fn fact_label(fact: Fact, lang: &str) -> &'static str {
    let [fr, nl, en] = match fact {
        Fact::Participants => ["Participants", "Deelnemers", "Participants"],
        Fact::Coordination => ["Coordination", "Coördinatie", "Coordination"],
        Fact::Frequency => ["Fréquence", "Frequentie", "Frequency"],
        Fact::CcbRole => ["Rôle du CCB", "Rol van het CCB", "The CCB's role"],
        Fact::LegalBasis => ["Base légale", "Rechtsgrond", "Legal basis"],
    };
    pick(lang, fr, nl, en)
}

/// The label of a kind of entry.
#[must_use]
pub fn kind_label(kind: Kind, lang: &str) -> &'static str {
    let [fr, nl, en] = match kind {
        Kind::Level => ["Niveau", "Niveau", "Level"],
        Kind::Network => ["Réseau", "Netwerk", "Network"],
        Kind::Platform => ["Plateforme", "Platform", "Platform"],
        Kind::Forum => ["Forum", "Forum", "Forum"],
        Kind::Body => ["Organe", "Orgaan", "Body"],
        Kind::Event => ["Événement", "Evenement", "Event"],
        Kind::Exercise => ["Exercice", "Oefening", "Exercise"],
        Kind::Service => ["Service", "Dienst", "Service"],
        Kind::Role => ["Mandat", "Mandaat", "Mandate"],
        Kind::Channel => ["Canal", "Kanaal", "Channel"],
    };
    pick(lang, fr, nl, en)
}

/// What an action does, for the help overlay (long) and the footer (short).
#[must_use]
pub fn action_text(action: Action, lang: &str) -> (&'static str, &'static str) {
    let [fr, nl, en]: [(&str, &str); 3] = match action {
        Action::Down => [
            ("ligne suivante (détails\u{a0}: lien suivant ou défiler)", "bas"),
            ("volgende regel (details: volgende link of scrollen)", "omlaag"),
            ("next row (details: next link or scroll)", "down"),
        ],
        Action::Up => [
            ("ligne précédente (détails\u{a0}: lien précédent ou défiler)", "haut"),
            ("vorige regel (details: vorige link of scrollen)", "omhoog"),
            ("previous row (details: previous link or scroll)", "up"),
        ],
        Action::PageDown => {
            [("page suivante", "page"), ("volgende pagina", "pagina"), ("next page", "page")]
        }
        Action::PageUp => {
            [("page précédente", "page"), ("vorige pagina", "pagina"), ("previous page", "page")]
        }
        Action::First => {
            [("première ligne", "début"), ("eerste regel", "begin"), ("first row", "first")]
        }
        Action::Last => {
            [("dernière ligne", "fin"), ("laatste regel", "einde"), ("last row", "last")]
        }
        Action::Expand => [
            ("déplier, ou aller au premier enfant", "déplier"),
            ("openklappen, of naar het eerste onderdeel", "open"),
            ("expand, or go to the first child", "expand"),
        ],
        Action::Collapse => [
            ("replier, ou aller au parent", "replier"),
            ("dichtklappen, of naar het bovenliggende item", "dicht"),
            ("collapse, or go to the parent", "collapse"),
        ],
        Action::Toggle => [
            ("déplier ou replier (détails\u{a0}: suivre le lien choisi)", "déplier/replier"),
            ("open- of dichtklappen (details: gekozen link volgen)", "open/dicht"),
            ("expand or collapse (details: follow the chosen link)", "expand/collapse"),
        ],
        Action::FocusNext => [
            ("passer de l'arbre aux détails et inversement", "panneau"),
            ("wisselen tussen boom en details", "paneel"),
            ("move the focus between tree and details", "pane"),
        ],
        Action::NextLanguage => [
            ("changer de langue", "langue"),
            ("andere taal", "taal"),
            ("switch language", "language"),
        ],
        Action::ToggleHelp => [
            ("afficher ou fermer l'aide", "aide"),
            ("hulp tonen of sluiten", "hulp"),
            ("show or close the help", "help"),
        ],
        Action::Close => [
            ("fermer l'aide\u{a0}; effacer le filtre de recherche", "effacer"),
            ("hulp sluiten; zoekfilter wissen", "wissen"),
            ("close the help; clear the search filter", "clear"),
        ],
        Action::OpenSearch => [
            ("rechercher (ou modifier la recherche)", "chercher"),
            ("zoeken (of de zoekopdracht aanpassen)", "zoeken"),
            ("search (or edit the search)", "search"),
        ],
        Action::NextResult => [
            ("résultat suivant", "suivant"),
            ("volgend resultaat", "volgende"),
            ("next result", "next"),
        ],
        Action::PrevResult => [
            ("résultat précédent", "précédent"),
            ("vorig resultaat", "vorige"),
            ("previous result", "previous"),
        ],
        Action::SearchAccept => [
            ("garder les résultats comme filtre", "valider"),
            ("resultaten als filter behouden", "bevestigen"),
            ("keep the results as a filter", "accept"),
        ],
        Action::SearchCancel => [
            ("annuler la recherche", "annuler"),
            ("zoeken annuleren", "annuleren"),
            ("cancel the search", "cancel"),
        ],
        Action::SearchBackspace => [
            ("effacer le caractère précédent", "effacer"),
            ("vorig teken wissen", "wissen"),
            ("delete the previous character", "delete"),
        ],
        Action::SearchDeleteWord => [
            ("effacer le mot précédent", "mot"),
            ("vorig woord wissen", "woord"),
            ("delete the previous word", "word"),
        ],
        Action::SearchClear => [
            ("vider la ligne de recherche", "vider"),
            ("zoekregel leegmaken", "leegmaken"),
            ("clear the search line", "clear"),
        ],
        Action::SearchLeft => {
            [("curseur à gauche", "gauche"), ("cursor naar links", "links"), ("caret left", "left")]
        }
        Action::SearchRight => [
            ("curseur à droite", "droite"),
            ("cursor naar rechts", "rechts"),
            ("caret right", "right"),
        ],
        Action::SearchHome => [
            ("début de la ligne", "début"),
            ("begin van de regel", "begin"),
            ("start of the line", "start"),
        ],
        Action::SearchEnd => [
            ("fin de la ligne", "fin"),
            ("einde van de regel", "einde"),
            ("end of the line", "end"),
        ],
        Action::Quit => [("quitter", "quitter"), ("afsluiten", "stoppen"), ("quit", "quit")],
        Action::FollowLink(_) => [
            ("suivre le lien [1]…[9] des détails", "lien"),
            ("link [1]…[9] van de details volgen", "link"),
            ("follow link [1]…[9] of the details", "link"),
        ],
        Action::Back => [("revenir en arrière", "retour"), ("terug", "terug"), ("go back", "back")],
        Action::Forward => {
            [("aller en avant", "avant"), ("vooruit", "vooruit"), ("go forward", "forward")]
        }
        Action::ToggleView => [
            ("arbre par niveau ou par organisation", "organisations"),
            ("boom per niveau of per organisatie", "organisaties"),
            ("tree by level or by organisation", "organisations"),
        ],
        // Not bound to keys: clicks, the wheel, resizes and typed characters.
        Action::Select(_)
        | Action::ToggleNode(_)
        | Action::ScrollTree(_)
        | Action::ScrollDetail(_)
        | Action::SetLanguage(_)
        | Action::Resize(..)
        | Action::Paste(_)
        | Action::SearchChar(_) => [("", ""), ("", ""), ("", "")],
    };
    pick(lang, fr, nl, en)
}

fn pick<T>(lang: &str, fr: T, nl: T, en: T) -> T {
    match base(lang) {
        "fr" => fr,
        "nl" => nl,
        _ => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typography::french;

    /// Every text of `s`.
    fn all(s: &Strings) -> Vec<&'static str> {
        let mut v = vec![
            s.tree_title,
            s.detail_title,
            s.too_small,
            s.help_title,
            s.help_close,
            s.path,
            s.related,
            s.organisations,
            s.children,
            s.source,
            s.as_of,
            s.part_of,
            s.parts,
            s.appears_in,
            s.nowhere,
            s.organisation,
            s.orgs_title,
            s.group_move,
            s.group_other,
            s.group_search,
            s.group_links,
            s.search_prompt,
            s.no_results,
            s.more,
            s.reload_failed,
            s.reload_kept,
            s.in_search_line,
            s.wrapped,
            s.group_mouse,
        ];
        v.extend(s.mouse);
        v
    }

    #[test]
    fn french_labels_follow_the_typography_rules() {
        let mut texts = all(&FR);
        // A label and its value: "Participants : ...".
        texts.push("x\u{a0}: y");
        assert_eq!(FR.colon, "\u{a0}: ");
        let facts = [
            Fact::Participants,
            Fact::Coordination,
            Fact::Frequency,
            Fact::CcbRole,
            Fact::LegalBasis,
        ];
        texts.extend(facts.map(|f| fact_label(f, "fr")));
        let kinds = [
            Kind::Level,
            Kind::Network,
            Kind::Platform,
            Kind::Forum,
            Kind::Body,
            Kind::Event,
            Kind::Exercise,
            Kind::Service,
            Kind::Role,
            Kind::Channel,
        ];
        texts.extend(kinds.map(|k| kind_label(k, "fr")));
        for b in crate::keymap::BINDINGS {
            let (long, short) = action_text(b.action.clone(), "fr");
            texts.extend([long, short]);
        }
        let l = crate::export::labels("fr");
        texts.extend([l.part_of, l.named_in, l.address, l.meets, l.map]);
        for t in texts {
            assert_eq!(french(t), t, "{t:?}");
        }
        // The rules did find something to check.
        assert!(all(&FR).iter().filter(|t| t.contains('\u{a0}')).count() >= 8);
    }

    #[test]
    fn explorer_and_exports_use_one_word_for_where_an_organisation_is_named() {
        for lang in ["fr", "nl", "en"] {
            assert_eq!(strings(lang).appears_in, crate::export::labels(lang).named_in, "{lang}");
        }
    }
}
