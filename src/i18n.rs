//! Every piece of interface text, in French, Dutch, German and English (English is also the
//! fallback for a data set in another language). The data's own texts come from the data file;
//! these are the program's.

use crate::action::Action;
use crate::data::{Fact, Kind};
use crate::map::state::MapAction;

/// The interface texts of one language.
#[derive(Debug)]
pub struct Strings {
    /// Between a label and its value: `" : "` in French, `": "` in Dutch, German and English.
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
    /// Heading of the sources an entry names besides the source page.
    pub sources: &'static str,
    /// Before the date a source was consulted.
    pub consulted: &'static str,
    /// Under a name for which no official source was found.
    pub unverified: &'static str,
    /// Title of the source screen.
    pub source_title: &'static str,
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
    /// The banner's count of problems, the key that lists them first: one problem, several
    /// (`{}` is the number).
    pub problems: [&'static str; 2],
    /// Title of the list of problems of the data file (`!`).
    pub problems_title: &'static str,
    /// Help sub-heading of the keys of the search line.
    pub in_search_line: &'static str,
    /// Shown in the search line when `n`/`N` went round.
    pub wrapped: &'static str,
    /// Shown in the search line when `N` went round from the first result to the last.
    pub wrapped_end: &'static str,
    /// Help heading for the mouse.
    pub group_mouse: &'static str,
    /// Mouse and paste help lines.
    pub mouse: [&'static str; 5],
    /// Help heading of the keys of the help overlay itself.
    pub group_help: &'static str,
    /// Help heading of the legend of the detail's marks.
    pub group_marks: &'static str,
    /// The legend: each mark and what it means.
    pub marks: [(&'static str, &'static str); 8],
    /// The footer's message after `y`; `{}` is the name copied.
    pub copied: &'static str,
    /// The footer's message after `Y`; `{}` is the id copied.
    pub copied_id: &'static str,
    /// The footer's message after `m` turned the mouse capture off.
    pub mouse_off: &'static str,
    /// The footer's message after `m` turned the mouse capture on.
    pub mouse_on: &'static str,
    /// The footer's word for `o` in the organisations view (it goes back to the levels).
    pub to_levels: &'static str,
    /// The footer's word for `Enter` after a count: `{}` is the link's number.
    pub follow_numbered: &'static str,
    /// Said when `Enter` follows a count that names no link; `{}` is the count, then how many
    /// links there are.
    pub no_link: &'static str,
    /// The footer's word for a count typed so far.
    pub count: &'static str,
    /// The detail pane while a search finds nothing.
    pub no_results_detail: &'static str,
    /// The citation line of a copied entry: `{source}` and `{date}`.
    pub cite: &'static str,
}

const FR: Strings = Strings {
    colon: "\u{a0}: ",
    tree_title: "Réseaux",
    detail_title: "Détails",
    too_small: "Fenêtre trop petite",
    help_title: "Aide\u{a0}: touches",
    help_close: "q, Esc ou\u{a0}?\u{a0}: fermer",
    path: "Chemin",
    related: "Entrées liées",
    organisations: "Organisations",
    children: "Sous-entrées",
    source: "Source",
    as_of: "Date de référence",
    sources: "Autres sources",
    consulted: "consulté le",
    source_title: "Source du contenu",
    unverified: "Nom non vérifié\u{a0}: aucune source officielle n'a été trouvée pour ce nom.",
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
    problems: ["!\u{a0}: 1\u{a0}problème", "!\u{a0}: {}\u{a0}problèmes"],
    problems_title: "Problèmes du fichier de données",
    wrapped_end: "retour à la fin",
    group_mouse: "Souris et collage",
    mouse: [
        "clic sur une ligne\u{a0}: la sélectionner\u{a0}; sur ▸/▾\u{a0}: déplier ou replier\u{a0}; sur un lien\u{a0}: le suivre",
        "molette\u{a0}: faire défiler le panneau sous le pointeur",
        "clic sur une langue dans l'en-tête\u{a0}: passer à cette langue",
        "Maj+glisser sélectionne du texte dans la plupart des terminaux\u{a0}; m coupe la souris du programme",
        "un texte collé va dans la ligne de recherche (qui s'ouvre), jamais comme des touches",
    ],
    group_help: "Dans cette aide",
    group_marks: "Signes des détails",
    marks: [
        ("→", "lien vers une entrée que celle-ci cite"),
        ("←", "lien depuis une entrée qui cite celle-ci"),
        ("•", "élément d'une liste (organisation, sous-entrée)"),
        ("↑ ↓", "organisation dont elle fait partie, entités rattachées"),
        ("↔", "organisation rencontrée dans les mêmes entrées (détails, carte)"),
        ("[FR]", "texte montré dans une autre langue, faute de traduction"),
        ("↻", "la recherche a fait le tour (n / N)"),
        ("*", "nom non vérifié (aucune source officielle trouvée)"),
    ],
    copied: "Copié\u{a0}: {}",
    copied_id: "Identifiant copié\u{a0}: {}",
    mouse_off: "Souris libérée\u{a0}: la sélection du terminal fonctionne (m pour la reprendre)",
    mouse_on: "Souris reprise par ccbnet",
    to_levels: "niveaux",
    follow_numbered: "lien {}",
    no_link: "Pas de lien {} ici (il y en a {})",
    count: "compte",
    no_results_detail: "Aucun résultat\u{a0}: modifiez la recherche, ou Esc pour l'annuler.",
    cite: "Source\u{a0}: {source} — date de référence\u{a0}: {date}",
};

const NL: Strings = Strings {
    colon: ": ",
    tree_title: "Netwerken",
    detail_title: "Details",
    too_small: "Venster te klein",
    help_title: "Hulp: toetsen",
    help_close: "q, Esc of ?: sluiten",
    path: "Pad",
    related: "Verwante items",
    organisations: "Organisaties",
    children: "Onderdelen",
    source: "Bron",
    as_of: "Peildatum",
    sources: "Andere bronnen",
    consulted: "geraadpleegd op",
    source_title: "Bron van de inhoud",
    unverified: "Niet geverifieerde naam: voor deze naam werd geen officiële bron gevonden.",
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
    problems: ["!: 1 probleem", "!: {} problemen"],
    problems_title: "Problemen van het gegevensbestand",
    wrapped_end: "terug naar het einde",
    group_mouse: "Muis en plakken",
    mouse: [
        "klik op een regel: selecteren; op ▸/▾: open- of dichtklappen; op een link: volgen",
        "muiswiel: het paneel onder de aanwijzer scrollen",
        "klik op een taal in de kop: naar die taal overschakelen",
        "Shift+slepen selecteert tekst in de meeste terminals; m geeft de muis vrij",
        "geplakte tekst gaat naar de zoekregel (die opengaat), nooit als toetsen",
    ],
    group_help: "In deze hulp",
    group_marks: "Tekens in de details",
    marks: [
        ("→", "link naar een item dat in dit item vermeld wordt"),
        ("←", "link van een item waarin dit item vermeld wordt"),
        ("•", "element van een lijst (organisatie, onderdeel)"),
        ("↑ ↓", "organisatie waarvan ze deel uitmaakt, onderdelen"),
        ("↔", "organisatie die ze in dezelfde items ontmoet (details, kaart)"),
        ("[FR]", "tekst in een andere taal getoond, bij gebrek aan vertaling"),
        ("↻", "het zoeken is rondgegaan (n / N)"),
        ("*", "niet geverifieerde naam (geen officiële bron gevonden)"),
    ],
    copied: "Gekopieerd: {}",
    copied_id: "Id gekopieerd: {}",
    mouse_off: "Muis vrijgegeven: selecteren in de terminal werkt (m om terug te nemen)",
    mouse_on: "Muis terug bij ccbnet",
    to_levels: "niveaus",
    follow_numbered: "link {}",
    no_link: "Geen link {} hier (er zijn er {})",
    count: "aantal",
    no_results_detail: "Geen resultaten: pas de zoekopdracht aan, of Esc om te annuleren.",
    cite: "Bron: {source} — peildatum: {date}",
};

const DE: Strings = Strings {
    colon: ": ",
    tree_title: "Netzwerke",
    detail_title: "Details",
    too_small: "Fenster zu klein",
    help_title: "Hilfe: Tasten",
    help_close: "q, Esc oder ?: schließen",
    path: "Pfad",
    related: "Verwandte Einträge",
    organisations: "Organisationen",
    children: "Untereinträge",
    source: "Quelle",
    sources: "Weitere Quellen",
    consulted: "abgerufen am",
    source_title: "Quelle des Inhalts",
    unverified: "Nicht bestätigter Name: Für diesen Namen wurde keine amtliche Quelle gefunden.",
    as_of: "Stand",
    part_of: "Gehört zu",
    parts: "Untergliederungen",
    appears_in: "Genannt in",
    nowhere: "Kein Eintrag nennt sie.",
    organisation: "Organisation",
    orgs_title: "Organisationen",
    group_move: "Bewegen",
    group_other: "Weitere Tasten",
    group_search: "Suche",
    group_links: "Links und Verlauf",
    search_prompt: "Suchen: ",
    no_results: "Keine Treffer für „{}“",
    wrapped: "zurück zum Anfang",
    in_search_line: "in der Suchzeile:",
    reload_failed: "Die geänderte Datei lässt sich nicht laden:",
    more: "… und {} weitere",
    reload_kept: " – die letzten gültigen Daten bleiben sichtbar.",
    problems: ["!: 1 Problem", "!: {} Probleme"],
    problems_title: "Probleme der Datendatei",
    wrapped_end: "zurück zum Ende",
    group_mouse: "Maus",
    mouse: [
        "Klick auf eine Zeile: auswählen; auf ▸/▾: auf- oder zuklappen; auf einen Link: folgen",
        "Mausrad: den Bereich unter dem Zeiger blättern",
        "Klick auf eine Sprache in der Kopfzeile: zu dieser Sprache wechseln",
        "Umschalt+Ziehen markiert in den meisten Terminals Text; m gibt die Maus frei",
        "eingefügter Text kommt in die Suchzeile (die sich dabei öffnet), nie als Tasten",
    ],
    group_help: "In dieser Hilfe",
    group_marks: "Zeichen in den Details",
    marks: [
        ("→", "Link zu einem Eintrag, den dieser nennt"),
        ("←", "Link von einem Eintrag, der diesen nennt"),
        ("•", "Element einer Liste (Organisation, Untereintrag)"),
        ("↑ ↓", "Organisation, zu der sie gehört; ihre Untergliederungen"),
        ("↔", "Organisation, die in denselben Einträgen vorkommt (Details, Karte)"),
        ("[FR]", "Text in einer anderen Sprache, da eine Übersetzung fehlt"),
        ("↻", "die Suche hat von vorn begonnen (n / N)"),
        ("*", "nicht bestätigter Name (keine amtliche Quelle gefunden)"),
    ],
    copied: "Kopiert: {}",
    copied_id: "Kennung kopiert: {}",
    mouse_off: "Maus freigegeben: Text lässt sich im Terminal markieren (m, um sie zurückzuholen)",
    mouse_on: "Die Maus gehört wieder ccbnet",
    to_levels: "Ebenen",
    follow_numbered: "Link {}",
    count: "Anzahl",
    no_results_detail: "Keine Treffer: Suche ändern oder mit Esc abbrechen.",
    cite: "Quelle: {source} – Stand: {date}",
    no_link: "Kein Link {} hier (es gibt {})",
};

const EN: Strings = Strings {
    colon: ": ",
    tree_title: "Networks",
    detail_title: "Details",
    too_small: "Window too small",
    help_title: "Help: keys",
    help_close: "q, Esc or ?: close",
    path: "Path",
    related: "Related entries",
    organisations: "Organisations",
    children: "Entries below",
    source: "Source",
    as_of: "Reference date",
    sources: "Other sources",
    consulted: "consulted",
    source_title: "Where the content comes from",
    unverified: "Unverified name: no official source was found for this name.",
    part_of: "Part of",
    parts: "Parts",
    appears_in: "Named in",
    nowhere: "No entry names it.",
    organisation: "Organisation",
    orgs_title: "Organisations",
    group_move: "Moving around",
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
    problems: ["!: 1 problem", "!: {} problems"],
    problems_title: "Problems of the data file",
    wrapped_end: "wrapped to the end",
    group_mouse: "Mouse and paste",
    mouse: [
        "click a row: select it; click ▸/▾: expand or collapse; click a link: follow it",
        "wheel: scroll the pane under the pointer",
        "click a language in the header: switch to it",
        "Shift+drag selects text in most terminals; m releases the mouse",
        "pasted text goes into the search line (opening it), never as keys",
    ],
    group_help: "In this help",
    group_marks: "Marks in the details",
    marks: [
        ("→", "link to an entry this one names"),
        ("←", "link from an entry that names this one"),
        ("•", "item of a list (organisation, entry below)"),
        ("↑ ↓", "organisation it is part of, its parts"),
        ("↔", "organisation met in the same entries (details, map)"),
        ("[FR]", "text shown in another language, as a translation is missing"),
        ("↻", "the search wrapped around (n / N)"),
        ("*", "unverified name (no official source found)"),
    ],
    copied: "Copied: {}",
    copied_id: "ID copied: {}",
    mouse_off: "Mouse released: the terminal can select text now (m takes it back)",
    mouse_on: "The mouse is back with ccbnet",
    to_levels: "levels",
    follow_numbered: "link {}",
    no_link: "No link {} here (there are {})",
    count: "count",
    no_results_detail: "No results: change the search, or Esc to cancel it.",
    cite: "Source: {source} — reference date: {date}",
};

/// The interface texts for `lang` (English for a language the program has no texts for).
#[must_use]
pub fn strings(lang: &str) -> &'static Strings {
    match base(lang).as_str() {
        "fr" => &FR,
        "nl" => &NL,
        "de" => &DE,
        _ => &EN,
    }
}

/// `fr` of `fr-BE`, lowercase.
fn base(lang: &str) -> String {
    lang.split(['-', '_']).next().unwrap_or(lang).to_ascii_lowercase()
}

/// The label of a structured fact.
#[must_use]
pub fn fact_label(fact: Fact, lang: &str) -> &'static str {
    let [fr, nl, de, en] = match fact {
        Fact::Participants => ["Participants", "Deelnemers", "Teilnehmer", "Participants"],
        Fact::Coordination => ["Coordination", "Coördinatie", "Koordination", "Coordination"],
        Fact::Frequency => ["Fréquence", "Frequentie", "Häufigkeit", "How often"],
        Fact::CcbRole => ["Rôle du CCB", "Rol van het CCB", "Rolle des CCB", "The CCB's role"],
        Fact::LegalBasis => ["Base légale", "Rechtsgrond", "Rechtsgrundlage", "Legal basis"],
        Fact::Since => [
            "Depuis la rédaction de la page",
            "Sinds de pagina werd geschreven",
            "Seit Erstellung der Seite",
            "Since the page was written",
        ],
    };
    pick(lang, fr, nl, de, en)
}

/// The label of a kind of entry.
#[must_use]
pub fn kind_label(kind: Kind, lang: &str) -> &'static str {
    let [fr, nl, de, en] = match kind {
        Kind::Level => ["Niveau", "Niveau", "Ebene", "Level"],
        Kind::Network => ["Réseau", "Netwerk", "Netzwerk", "Network"],
        Kind::Platform => ["Plateforme", "Platform", "Plattform", "Platform"],
        Kind::Forum => ["Forum", "Forum", "Forum", "Forum"],
        Kind::Body => ["Organe", "Orgaan", "Gremium", "Body"],
        Kind::Event => ["Événement", "Evenement", "Veranstaltung", "Event"],
        Kind::Exercise => ["Exercice", "Oefening", "Übung", "Exercise"],
        Kind::Service => ["Service", "Dienst", "Dienst", "Service"],
        Kind::Role => ["Mandat", "Mandaat", "Mandat", "Mandate"],
        Kind::Channel => ["Canal", "Kanaal", "Kanal", "Channel"],
        Kind::Aim => ["Objectif", "Doel", "Ziel", "Aim"],
    };
    pick(lang, fr, nl, de, en)
}

/// What an action does, for the help overlay (long) and the footer (short).
#[must_use]
pub fn action_text(action: &Action, lang: &str) -> (&'static str, &'static str) {
    let [fr, nl, de, en]: [(&str, &str); 4] = match action {
        Action::Down => [
            ("ligne suivante (détails\u{a0}: lien suivant ou défiler)", "bas"),
            ("volgende regel (details: volgende link of scrollen)", "omlaag"),
            ("nächste Zeile (Details: nächster Link oder blättern)", "ab"),
            ("next row (details: next link or scroll)", "down"),
        ],
        Action::Up => [
            ("ligne précédente (détails\u{a0}: lien précédent ou défiler)", "haut"),
            ("vorige regel (details: vorige link of scrollen)", "omhoog"),
            ("vorige Zeile (Details: voriger Link oder blättern)", "auf"),
            ("previous row (details: previous link or scroll)", "up"),
        ],
        Action::PageDown => [
            ("page suivante", "page"),
            ("volgende pagina", "pagina"),
            ("nächste Seite", "Seite"),
            ("next page", "page"),
        ],
        Action::PageUp => [
            ("page précédente", "page"),
            ("vorige pagina", "pagina"),
            ("vorige Seite", "Seite"),
            ("previous page", "page"),
        ],
        Action::HalfPageDown => [
            ("une demi-page plus bas", "½ page"),
            ("halve pagina omlaag", "½ pagina"),
            ("eine halbe Seite nach unten", "½ Seite"),
            ("half a page down", "½ page"),
        ],
        Action::HalfPageUp => [
            ("une demi-page plus haut", "½ page"),
            ("halve pagina omhoog", "½ pagina"),
            ("eine halbe Seite nach oben", "½ Seite"),
            ("half a page up", "½ page"),
        ],
        Action::Digit(_) => [
            ("compte pour la touche suivante (3j, 10G) ou numéro de lien (3 Enter)", "compte"),
            ("aantal voor de volgende toets (3j, 10G) of linknummer (3 Enter)", "aantal"),
            ("Anzahl für die nächste Taste (3j, 10G) oder Linknummer (3 Enter)", "Anzahl"),
            ("count for the next key (3j, 10G) or link number (3 Enter)", "count"),
        ],
        Action::DropCount => [
            ("oublier le compte tapé", "annuler"),
            ("getypt aantal vergeten", "annuleren"),
            ("die eingegebene Anzahl verwerfen", "verwerfen"),
            ("forget the count typed so far", "cancel"),
        ],
        Action::FollowNumbered => [
            ("après un nombre\u{a0}: suivre ce lien [1], [2]… des détails", "lien"),
            ("na een getal: die link [1], [2]… van de details volgen", "link"),
            ("nach einer Zahl: diesem Link [1], [2]… der Details folgen", "Link"),
            ("after a number: follow that link [1], [2]… of the details", "link"),
        ],
        Action::FollowFocused => [
            ("détails\u{a0}: suivre le lien choisi avec ↑/↓", "suivre le lien"),
            ("details: de met ↑/↓ gekozen link volgen", "link volgen"),
            ("Details: dem mit ↑/↓ gewählten Link folgen", "Link folgen"),
            ("details: follow the link chosen with ↑/↓", "follow link"),
        ],
        Action::CopyEntry => [
            ("copier l'entrée en texte (presse-papiers, OSC 52)", "copier"),
            ("item als tekst kopiëren (klembord, OSC 52)", "kopiëren"),
            ("den Eintrag als Text kopieren (Zwischenablage, OSC 52)", "kopieren"),
            ("copy the entry as text (clipboard, OSC 52)", "copy"),
        ],
        Action::CopyId => [
            ("copier l'identifiant de l'entrée", "copier l'id"),
            ("id van het item kopiëren", "id kopiëren"),
            ("die Kennung des Eintrags kopieren", "Kennung kopieren"),
            ("copy the entry's ID", "copy ID"),
        ],
        Action::ToggleMouse => [
            ("libérer la souris (sélection du terminal) ou la reprendre", "souris"),
            ("muis vrijgeven (selecteren in de terminal) of terugnemen", "muis"),
            ("die Maus freigeben (Markieren im Terminal) oder zurückholen", "Maus"),
            ("release the mouse (so the terminal can select text) or take it back", "mouse"),
        ],
        Action::SearchDelete => [
            ("effacer le caractère sous le curseur", "suppr."),
            ("teken onder de cursor wissen", "wissen"),
            ("das Zeichen unter dem Cursor löschen", "Entf"),
            ("delete the character under the cursor", "delete"),
        ],
        Action::SearchKillEnd => [
            ("effacer jusqu'à la fin de la ligne", "fin"),
            ("wissen tot het einde van de regel", "einde"),
            ("bis zum Zeilenende löschen", "bis Ende"),
            ("delete to the end of the line", "to end"),
        ],
        Action::SearchWordLeft => [
            ("curseur au mot précédent", "mot"),
            ("cursor naar het vorige woord", "woord"),
            ("Cursor zum vorigen Wort", "Wort"),
            ("cursor to the previous word", "word"),
        ],
        Action::SearchWordRight => [
            ("curseur au mot suivant", "mot"),
            ("cursor naar het volgende woord", "woord"),
            ("Cursor zum nächsten Wort", "Wort"),
            ("cursor to the next word", "word"),
        ],
        Action::First => [
            ("première ligne", "début"),
            ("eerste regel", "begin"),
            ("erste Zeile", "Anfang"),
            ("first row", "first"),
        ],
        Action::Last => [
            ("dernière ligne", "fin"),
            ("laatste regel", "einde"),
            ("letzte Zeile", "Ende"),
            ("last row", "last"),
        ],
        Action::Expand => [
            ("déplier, ou aller au premier enfant", "déplier"),
            ("openklappen, of naar het eerste onderdeel", "open"),
            ("aufklappen oder zum ersten Untereintrag", "auf"),
            ("expand, or go to the first child", "expand"),
        ],
        Action::Collapse => [
            ("replier, ou aller au parent", "replier"),
            ("dichtklappen, of naar het bovenliggende item", "dicht"),
            ("zuklappen oder zum übergeordneten Eintrag", "zu"),
            ("collapse, or go to the parent", "collapse"),
        ],
        Action::Toggle => [
            ("déplier ou replier", "déplier/replier"),
            ("open- of dichtklappen", "open/dicht"),
            ("auf- oder zuklappen", "auf/zu"),
            ("expand or collapse", "expand/collapse"),
        ],
        Action::FocusNext => [
            ("passer de l'arbre aux détails et inversement", "panneau"),
            ("wisselen tussen boom en details", "paneel"),
            ("zwischen Baum und Details wechseln", "Bereich"),
            ("move the focus between tree and details", "pane"),
        ],
        Action::NextLanguage => [
            (
                "langue suivante\u{a0}; avec un nombre (2L), la langue à cette place dans l'en-tête",
                "langue",
            ),
            ("volgende taal; met een getal (2L) de taal op die plaats in de kop", "taal"),
            (
                "nächste Sprache; mit einer Zahl (2L) die Sprache an dieser Stelle der Kopfzeile",
                "Sprache",
            ),
            (
                "next language; with a number (2L), the language in that place in the header",
                "language",
            ),
        ],
        Action::ToggleHelp => [
            ("afficher ou fermer l'aide", "aide"),
            ("hulp tonen of sluiten", "hulp"),
            ("Hilfe zeigen oder schließen", "Hilfe"),
            ("show or close the help", "help"),
        ],
        Action::ShowProblems => [
            ("tous les problèmes du fichier de données, en entier", "problèmes"),
            ("alle problemen van het gegevensbestand, volledig", "problemen"),
            ("alle Probleme der Datendatei, vollständig", "Probleme"),
            ("every problem of the data file, in full", "problems"),
        ],
        Action::ShowSource => [
            ("la source du contenu\u{a0}: note, page, date de référence", "source"),
            ("de bron van de inhoud: toelichting, pagina, peildatum", "bron"),
            ("die Quelle des Inhalts: Hinweis, Seite, Stichtag", "Quelle"),
            ("where the content comes from: note, page, reference date", "source"),
        ],
        Action::Close => [
            ("effacer le filtre de recherche", "effacer"),
            ("zoekfilter wissen", "wissen"),
            ("den Suchfilter aufheben", "aufheben"),
            ("clear the search filter", "clear"),
        ],
        Action::OpenSearch => [
            ("rechercher (ou modifier la recherche)", "chercher"),
            ("zoeken (of de zoekopdracht aanpassen)", "zoeken"),
            ("suchen (oder die Suche ändern)", "suchen"),
            ("search (or edit the search)", "search"),
        ],
        Action::NextResult => [
            ("résultat suivant", "suivant"),
            ("volgend resultaat", "volgende"),
            ("nächster Treffer", "nächster"),
            ("next result", "next"),
        ],
        Action::PrevResult => [
            ("résultat précédent", "précédent"),
            ("vorig resultaat", "vorige"),
            ("voriger Treffer", "voriger"),
            ("previous result", "previous"),
        ],
        Action::SearchAccept => [
            ("garder les résultats comme filtre", "valider"),
            ("resultaten als filter behouden", "bevestigen"),
            ("die Treffer als Filter behalten", "übernehmen"),
            ("keep the results as a filter", "accept"),
        ],
        Action::SearchCancel => [
            ("annuler la recherche", "annuler"),
            ("zoeken annuleren", "annuleren"),
            ("die Suche abbrechen", "abbrechen"),
            ("cancel the search", "cancel"),
        ],
        Action::SearchBackspace => [
            ("effacer le caractère précédent", "effacer"),
            ("vorig teken wissen", "wissen"),
            ("das vorige Zeichen löschen", "löschen"),
            ("delete the previous character", "delete"),
        ],
        Action::SearchDeleteWord => [
            ("effacer le mot précédent", "mot"),
            ("vorig woord wissen", "woord"),
            ("das vorige Wort löschen", "Wort"),
            ("delete the previous word", "word"),
        ],
        Action::SearchClear => [
            ("vider la ligne de recherche", "vider"),
            ("zoekregel leegmaken", "leegmaken"),
            ("die Suchzeile leeren", "leeren"),
            ("clear the search line", "clear"),
        ],
        Action::SearchLeft => [
            ("curseur à gauche", "gauche"),
            ("cursor naar links", "links"),
            ("Cursor nach links", "links"),
            ("cursor left", "left"),
        ],
        Action::SearchRight => [
            ("curseur à droite", "droite"),
            ("cursor naar rechts", "rechts"),
            ("Cursor nach rechts", "rechts"),
            ("cursor right", "right"),
        ],
        Action::SearchHome => [
            ("début de la ligne", "début"),
            ("begin van de regel", "begin"),
            ("Zeilenanfang", "Anfang"),
            ("start of the line", "start"),
        ],
        Action::SearchEnd => [
            ("fin de la ligne", "fin"),
            ("einde van de regel", "einde"),
            ("Zeilenende", "Ende"),
            ("end of the line", "end"),
        ],
        Action::Suspend => [
            ("suspendre (fg pour revenir)", "suspendre"),
            ("pauzeren (fg om terug te keren)", "pauzeren"),
            ("anhalten (mit fg zurück)", "anhalten"),
            ("suspend (fg to come back)", "suspend"),
        ],
        Action::Quit => [
            ("quitter", "quitter"),
            ("afsluiten", "stoppen"),
            ("beenden", "beenden"),
            ("quit", "quit"),
        ],
        Action::Back => [
            ("revenir en arrière", "retour"),
            ("terug", "terug"),
            ("zurück", "zurück"),
            ("go back", "back"),
        ],
        Action::Forward => [
            ("aller en avant", "avant"),
            ("vooruit", "vooruit"),
            ("vorwärts", "vorwärts"),
            ("go forward", "forward"),
        ],
        Action::ToggleView => [
            ("arbre par niveau ou par organisation", "organisations"),
            ("boom per niveau of per organisatie", "organisaties"),
            ("Baum nach Ebene oder nach Organisation", "Organisationen"),
            ("tree by level or by organisation", "organisations"),
        ],
        Action::OpenMap => [
            ("carte de l'entrée ou de l'organisation choisie", "carte"),
            ("kaart van het gekozen item of de gekozen organisatie", "kaart"),
            ("Karte des gewählten Eintrags oder der gewählten Organisation", "Karte"),
            ("map of the selected entry or organisation", "map"),
        ],
        Action::Map(a) => map_action_text(*a),
        Action::FollowLink(_) => [
            ("suivre un lien des détails", "lien"),
            ("een link van de details volgen", "link"),
            ("einem Link der Details folgen", "Link"),
            ("follow a link of the details", "link"),
        ],
        // Not bound to keys: clicks, the wheel, resizes and typed characters.
        Action::Select(_)
        | Action::ToggleNode(_)
        | Action::ScrollTree(_)
        | Action::ScrollDetail(_)
        | Action::SetLanguage(_)
        | Action::Resize(..)
        | Action::Paste(_)
        | Action::SearchChar(_) => [("", ""), ("", ""), ("", ""), ("", "")],
    };
    pick(lang, fr, nl, de, en)
}

/// What the map's keys do, in French, Dutch, German and English.
fn map_action_text(a: MapAction) -> [(&'static str, &'static str); 4] {
    match a {
        MapAction::Down => [
            ("carte\u{a0}: voisin suivant dans la colonne", "bas"),
            ("kaart: volgende buur in de kolom", "omlaag"),
            ("Karte: nächster Nachbar in der Spalte", "ab"),
            ("map: next neighbour in the column", "down"),
        ],
        MapAction::Up => [
            ("carte\u{a0}: voisin précédent dans la colonne", "haut"),
            ("kaart: vorige buur in de kolom", "omhoog"),
            ("Karte: voriger Nachbar in der Spalte", "auf"),
            ("map: previous neighbour in the column", "up"),
        ],
        MapAction::Left => [
            ("carte\u{a0}: colonne de gauche", "gauche"),
            ("kaart: linkerkolom", "links"),
            ("Karte: linke Spalte", "links"),
            ("map: left column", "left"),
        ],
        MapAction::Right => [
            ("carte\u{a0}: colonne de droite", "droite"),
            ("kaart: rechterkolom", "rechts"),
            ("Karte: rechte Spalte", "rechts"),
            ("map: right column", "right"),
        ],
        MapAction::Enter => [
            (
                "carte\u{a0}: centrer sur le voisin choisi, ou ouvrir la liste d'un «\u{a0}+N\u{a0}»",
                "centrer",
            ),
            ("kaart: op de gekozen buur centreren, of de lijst van een ‘+N’ openen", "centreren"),
            (
                "Karte: auf den gewählten Nachbarn zentrieren oder die Liste eines „+N“ öffnen",
                "zentrieren",
            ),
            ("map: centre on the chosen neighbour, or open the list of a “+N”", "centre"),
        ],
        MapAction::Back => [
            ("carte\u{a0}: centre précédent", "retour"),
            ("kaart: vorig middelpunt", "terug"),
            ("Karte: voriger Mittelpunkt", "zurück"),
            ("map: previous centre", "back"),
        ],
        MapAction::Forward => [
            ("carte\u{a0}: centre suivant", "avant"),
            ("kaart: volgend middelpunt", "vooruit"),
            ("Karte: nächster Mittelpunkt", "vorwärts"),
            ("map: next centre", "forward"),
        ],
        MapAction::ToggleRing => [
            ("carte\u{a0}: montrer ou cacher les voisins des voisins", "2e cercle"),
            ("kaart: buren van de buren tonen of verbergen", "2de ring"),
            ("Karte: Nachbarn der Nachbarn zeigen oder verbergen", "2. Ring"),
            ("map: show or hide the neighbours' neighbours", "2nd ring"),
        ],
        MapAction::Close => [
            ("carte\u{a0}: fermer la liste, ou quitter la carte sur son centre", "fermer"),
            ("kaart: de lijst sluiten, of de kaart verlaten op het middelpunt", "sluiten"),
            (
                "Karte: die Liste schließen oder die Karte bei ihrem Mittelpunkt verlassen",
                "schließen",
            ),
            ("map: close the list, or leave the map on its centre", "close"),
        ],
        // A click, not a key.
        MapAction::Click(..) => [("", ""), ("", ""), ("", ""), ("", "")],
    }
}

fn pick<T>(lang: &str, fr: T, nl: T, de: T, en: T) -> T {
    match base(lang).as_str() {
        "fr" => fr,
        "nl" => nl,
        "de" => de,
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
            s.problems[0],
            s.problems[1],
            s.problems_title,
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
            Fact::Since,
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
            Kind::Aim,
        ];
        texts.extend(kinds.map(|k| kind_label(k, "fr")));
        for b in crate::keymap::BINDINGS {
            let (long, short) = action_text(&b.action, "fr");
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

    /// Every text of `lang`: the table, the labels of facts and kinds, the keys, the exports'.
    fn every_text(lang: &str) -> Vec<&'static str> {
        let s = strings(lang);
        let mut texts = all(s);
        texts.extend([s.wrapped_end, s.help_close, s.group_help, s.group_marks, s.copied]);
        texts.extend([s.copied_id, s.mouse_off, s.mouse_on, s.to_levels, s.count]);
        texts.extend([s.follow_numbered, s.no_results_detail, s.cite]);
        texts.extend(s.marks.iter().map(|(_, t)| *t));
        for b in crate::keymap::BINDINGS {
            let (long, short) = action_text(&b.action, lang);
            texts.extend([long, short]);
        }
        let l = crate::export::labels(lang);
        texts.extend([l.part_of, l.named_in, l.address, l.meets, l.map]);
        texts
    }

    #[test]
    fn german_has_its_own_texts_and_typography() {
        let (de, en, nl) = (every_text("de"), every_text("en"), every_text("nl"));
        // Words that stay the same in German ("Details", "Forum", "Link") are few.
        let same = de.iter().zip(&en).filter(|(d, e)| d == e).count();
        assert!(same * 10 < de.len(), "{same} of {} German texts are the English ones", de.len());
        let same = de.iter().zip(&nl).filter(|(d, n)| d == n).count();
        assert!(same * 10 < de.len(), "{same} of {} German texts are the Dutch ones", de.len());
        for t in de {
            assert!(!t.contains(['\u{a0}', '\u{202f}']), "no special spaces in German: {t:?}");
            assert!(!t.contains(['«', '»', '"', '\'']), "German quotes are „…“: {t:?}");
        }
        assert!(strings("de").no_results.contains("„{}“"));
        assert_eq!(strings("DE-be").tree_title, "Netzwerke", "any case, any region");
    }

    #[test]
    fn explorer_and_exports_use_one_word_for_where_an_organisation_is_named() {
        for lang in ["fr", "nl", "de", "en"] {
            assert_eq!(strings(lang).appears_in, crate::export::labels(lang).named_in, "{lang}");
        }
    }
}
