//! The conventions table, row by row, in the five languages.

use super::*;

/// The (expression, EDTF) pairs found in `text`.
fn dates(lang: Lang, text: &str) -> Vec<(String, Option<String>)> {
    read(text, lang, Some((2024, 5, 15))).into_iter().map(|f| (text[f.start..f.end].to_owned(), f.when)).collect()
}

/// The one value found in `text`, checking that exactly one expression was found.
fn one(lang: Lang, text: &str) -> Option<String> {
    let found = dates(lang, text);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    found[0].1.clone()
}

fn check(lang: Lang, cases: &[(&str, &str)]) {
    for (text, want) in cases {
        assert_eq!(one(lang, text).as_deref(), Some(*want), "{lang:?}: {text}");
    }
}

#[test]
fn years_months_and_days() {
    check(
        Lang::It,
        &[
            ("Tutto iniziò nel 2011.", "2011"),
            ("Nell’agosto 2013, Facebook ha fornito l’accesso.", "2013-08"),
            ("Nacque il 13 maggio 1908 a Roma.", "1908-05-13"),
            ("La data è 5/3/2014.", "2014-03-05"),
            ("Il 1908-05-13 fu firmato.", "1908-05-13"),
        ],
    );
    check(
        Lang::Es,
        &[
            ("Todo empezó en 2011.", "2011"),
            ("Ocurrió en agosto de 2013.", "2013-08"),
            ("Nació el 13 de mayo de 1908.", "1908-05-13"),
            ("La fecha es 5/3/2014.", "2014-03-05"),
        ],
    );
    check(
        Lang::En,
        &[
            ("It started in 2011.", "2011"),
            ("It happened in August 2013.", "2013-08"),
            ("Born May 13, 1908, in Rome.", "1908-05-13"),
            ("Born 13 May 1908 in Rome.", "1908-05-13"),
            ("The date is 5/3/2014.", "2014-05-03"),
        ],
    );
}

#[test]
fn ranges_open_ends_and_parts() {
    check(
        Lang::It,
        &[
            ("dal 2011 al 2019, Hastings è stato membro del consiglio", "2011/2019"),
            ("da marzo a giugno 2014 si incontrarono", "2014-03/2014-06"),
            ("dal 2011 è membro", "2011/.."),
            ("entro il 2013 aveva firmato", "../2013"),
            ("fino al 2013 rimase", "../2013"),
            ("all’inizio del 2019 cambiò", "2019-01/2019-04"),
            ("a metà del 2019 cambiò", "2019-05/2019-08"),
            ("alla fine del 2019 cambiò", "2019-09/2019-12"),
            ("il terzo trimestre del 2019 fu duro", "2019-07/2019-09"),
            ("l’estate del 2014 fu calda", "2014-22"),
            ("negli anni ’90 era diverso", "199X"),
            ("nel XIX secolo era diverso", "18XX"),
            ("tra il 2011 e il 2019 crebbe", "2011/2019"),
        ],
    );
    check(
        Lang::Es,
        &[
            ("de 2011 a 2019 fue miembro", "2011/2019"),
            ("desde 2011 hasta 2019 fue miembro", "2011/2019"),
            ("desde 2011 es miembro", "2011/.."),
            ("hasta 2013 fue miembro", "../2013"),
            ("para 2013 ya había firmado", "../2013"),
            ("a principios de 2019 cambió", "2019-01/2019-04"),
            ("a mediados de 2019 cambió", "2019-05/2019-08"),
            ("a finales de 2019 cambió", "2019-09/2019-12"),
            ("el tercer trimestre de 2019 fue duro", "2019-07/2019-09"),
            ("el verano de 2014 fue caluroso", "2014-22"),
            ("en los años noventa era distinto", "199X"),
            ("en el siglo XIX era distinto", "18XX"),
            ("entre 2011 y 2019 creció", "2011/2019"),
        ],
    );
    check(
        Lang::En,
        &[
            ("from 2011 to 2019 he sat on the board", "2011/2019"),
            ("between 2011 and 2019 it grew", "2011/2019"),
            ("in 2011–2019 it grew", "2011/2019"),
            ("since 2011 he has sat", "2011/.."),
            ("by 2013 it had signed", "../2013"),
            ("until 2013 it stayed", "../2013"),
            ("early 2019 saw a change", "2019-01/2019-04"),
            ("in mid-2019 it changed", "2019-05/2019-08"),
            ("late 2019 saw a change", "2019-09/2019-12"),
            ("Q3 2019 was hard", "2019-07/2019-09"),
            ("the third quarter of 2019 was hard", "2019-07/2019-09"),
            ("summer 2014 was hot", "2014-22"),
            ("in the 1990s it was different", "199X"),
            ("in the 19th century it was different", "18XX"),
        ],
    );
}

#[test]
fn days_without_a_year_take_the_latest_year_written_or_the_publication() {
    assert_eq!(
        dates(Lang::It, "Nel 2001 tutto cambiò. L’11 settembre crollarono."),
        [("2001".to_owned(), Some("2001".to_owned())), ("11 settembre".to_owned(), Some("2001-09-11".to_owned()))]
    );
    assert_eq!(one(Lang::Es, "El 3 de marzo firmó.").as_deref(), Some("2024-03-03"), "the publication's year");
    assert_eq!(one(Lang::En, "On March 3 it signed.").as_deref(), Some("2024-03-03"));
    assert_eq!(read("On March 3 it signed.", Lang::En, None)[0].when, None, "no year to take: no value");
}

#[test]
fn a_year_left_unsaid_is_the_paragraphs_else_the_publications_by_tense() {
    let read_2013 = |lang, text: &str| -> Vec<Option<String>> {
        read(text, lang, Some((2013, 3, 15))).into_iter().map(|f| f.when).collect()
    };
    // The year in focus in the paragraph; none carried into the next paragraph.
    assert_eq!(
        read_2013(Lang::Es, "En 2009 el banco quebró y en octubre vendió sus activos.\nEn octubre la oposición ganó."),
        [Some("2009".to_owned()), Some("2009-10".to_owned()), Some("2012-10".to_owned())]
    );
    // "since 1945" puts no year in focus; past and future clauses against publication.
    assert_eq!(
        read_2013(Lang::En, "Since 1945 it held elections. In October the government collapsed."),
        [Some("1945/..".to_owned()), Some("2012-10".to_owned())]
    );
    assert_eq!(read_2013(Lang::It, "Il consiglio si riunirà a febbraio."), [Some("2014-02".to_owned())]);
    assert_eq!(read_2013(Lang::En, "The plant opens in October."), [Some("2013-10".to_owned())], "no tense: this year");
    // Without a publication day, the latest year written before, in any paragraph.
    let found: Vec<_> =
        read("In 2009 it failed.\nIn October it sold.", Lang::En, None).into_iter().map(|f| f.when).collect();
    assert_eq!(found, [Some("2009".to_owned()), Some("2009-10".to_owned())]);
}

#[test]
fn times_of_day_are_read_with_their_day() {
    check(
        Lang::En,
        &[
            ("It ended at 16:08 UTC on 3 May 2024.", "2024-05-03T16:08"),
            ("He was arrested at 10:32 p.m. on March 3, 2024.", "2024-03-03T22:32"),
            ("On May 3, 2024 at 9 am the court opened.", "2024-05-03T09:00"),
        ],
    );
    check(Lang::It, &[("Alle 14.30 del 3 maggio 2024 è arrivato.", "2024-05-03T14:30")]);
    check(Lang::Es, &[("Llegaron a las 9 de la mañana del 3 de mayo de 2024.", "2024-05-03T09:00")]);
    // A time alone, or a number that only looks like one, is no date.
    assert!(dates(Lang::En, "The meeting starts at 10:32.").is_empty());
    assert!(dates(Lang::It, "Costa 14.30 euro.").is_empty());
}

#[test]
fn relative_dates_resolve_against_publication() {
    // Published Wednesday 15 May 2024.
    check(
        Lang::It,
        &[
            ("ieri ha detto", "2024-05-14"),
            ("oggi ha detto", "2024-05-15"),
            ("l’anno scorso crebbe", "2023"),
            ("il mese scorso crebbe", "2024-04"),
            ("lunedì scorso disse", "2024-05-13"),
        ],
    );
    check(
        Lang::Es,
        &[
            ("ayer dijo", "2024-05-14"),
            ("hoy dijo", "2024-05-15"),
            ("el año pasado creció", "2023"),
            ("el mes pasado creció", "2024-04"),
            ("el lunes pasado dijo", "2024-05-13"),
        ],
    );
    check(
        Lang::En,
        &[
            ("yesterday he said", "2024-05-14"),
            ("today he said", "2024-05-15"),
            ("last year it grew", "2023"),
            ("last month it grew", "2024-04"),
            ("last Wednesday he said", "2024-05-08"),
        ],
    );
    let none = read("ieri ha detto", Lang::It, None);
    assert_eq!((none.len(), none[0].when.as_deref()), (1, None), "listed without a value");
}

#[test]
fn relative_to_the_text_moves_the_last_date_at_year_precision() {
    assert_eq!(dates(Lang::It, "Nel 2011 firmò; due anni dopo ruppe.")[1].1.as_deref(), Some("2013"));
    assert_eq!(dates(Lang::Es, "En 2011 firmó; dos años después rompió.")[1].1.as_deref(), Some("2013"));
    assert_eq!(dates(Lang::En, "In August 2011 it signed; two years later it broke.")[1].1.as_deref(), Some("2013"));
}

#[test]
fn anaphoric_dates_move_the_date_before_them_at_its_own_precision() {
    for (lang, text, expected) in [
        (Lang::En, "He was arrested on May 5, 2020. Two days later he was released.", "2020-05-07"),
        (Lang::En, "He was arrested on May 5, 2020. The next day he was released.", "2020-05-06"),
        (Lang::En, "He was arrested on May 5, 2020. The following day he was released.", "2020-05-06"),
        (Lang::En, "He was arrested on Friday, May 29, 2020. The following week he sued.", "2020-06-01/2020-06-07"),
        (Lang::En, "The contract was signed in May 2020; two months later it ended.", "2020-07"),
        (Lang::Es, "Fue detenido el 5 de mayo de 2020. Al día siguiente fue liberado.", "2020-05-06"),
        (Lang::Es, "Fue detenido el 5 de mayo de 2020. Tres días después fue liberado.", "2020-05-08"),
        (Lang::It, "Fu arrestato il 5 maggio 2020. Il giorno dopo fu rilasciato.", "2020-05-06"),
        (Lang::It, "Fu arrestato il 30 dicembre 2020. Due giorni dopo fu rilasciato.", "2021-01-01"),
    ] {
        let found = dates(lang, text);
        assert_eq!(found.len(), 2, "{text}: {found:?}");
        assert_eq!(found[1].1.as_deref(), Some(expected), "{text}");
    }
    // Without a date before them, they say no date.
    assert_eq!(dates(Lang::En, "The next day he was released.").first().and_then(|f| f.1.clone()), None);
}

#[test]
fn durations_frequencies_amounts_and_identifiers_are_not_dates() {
    for (lang, text, kind) in [
        (Lang::It, "per quasi un decennio", Kind::Duration),
        (Lang::Es, "por casi diez años", Kind::Duration),
        (Lang::En, "for three years", Kind::Duration),
        (Lang::It, "ogni due settimane", Kind::Frequency),
        (Lang::Es, "cada dos semanas", Kind::Frequency),
        (Lang::En, "every two weeks", Kind::Frequency),
    ] {
        let found = read(text, lang, Some((2024, 5, 15)));
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!((found[0].kind, found[0].when.as_deref()), (kind, None), "{text}");
    }
    for (lang, text) in [
        (Lang::It, "Netflix ha pagato 150 milioni di dollari, il 2% del totale."),
        (Lang::En, "It had 2,013 users and 2013 employees."),
        (Lang::En, "See Case No. 2019-1234 and page 2014."),
        (Lang::It, "Il regolamento 2016/679 si applica."),
        (Lang::Es, "Pagó 1500 dólares a las 15:30."),
        (Lang::En, "The meeting is at 10:30."),
    ] {
        assert_eq!(read(text, lang, Some((2024, 5, 15))), Vec::new(), "{text}");
    }
}

#[test]
fn approximate_words_add_a_tilde() {
    check(Lang::It, &[("circa nel 2011 nacque", "2011~"), ("intorno al 2011 nacque", "2011~")]);
    check(Lang::Es, &[("alrededor de 2011 nació", "2011~")]);
    check(Lang::En, &[("around 2011 it began", "2011~")]);
}

#[test]
fn no_expression_runs_across_a_line_break() {
    // A headline's last word is not joined to the dateline on the next line.
    let found = dates(Lang::En, "Talks extended until Friday\nMay 15, 2024 (Reuters)");
    assert!(found.iter().all(|(e, _)| !e.contains('\n')), "{found:?}");
    assert_eq!(found.last(), Some(&("May 15, 2024".to_owned(), Some("2024-05-15".to_owned()))));
    assert_eq!(dates(Lang::It, "dal 3\nmarzo 2014"), [("marzo 2014".to_owned(), Some("2014-03".to_owned()))]);
}

#[test]
fn a_long_text_read_a_piece_at_a_time_reads_as_one_piece() {
    let line =
        "In March 2014 the board met; on May 3 it voted, and from 2015 to 2017 it met every year.\nThen nothing.\n";
    let text = line.repeat(3 * PIECE / line.len() + 7);
    let whole = read_with(&text, Lang::En, None, false);
    assert_eq!(read(&text, Lang::En, None), whole);
    assert!(whole.len() > 3 * 3 * PIECE / line.len());
}

#[test]
fn every_value_is_valid_edtf_and_every_span_is_inside_its_sentence() {
    let text = include_str!("../../../../assets/sources/it-netflix-100-milioni-messaggi-facebook.txt");
    for f in read(text, Lang::It, Some((2024, 1, 1))) {
        assert!(f.sentence.start <= f.start && f.end <= f.sentence.end, "{f:?}");
        if let Some(w) = &f.when {
            assert!(Edtf::parse(w).is_ok(), "{w}");
        }
    }
}

#[test]
fn french_and_german_are_read_by_their_tables_alone() {
    check(
        Lang::Fr,
        &[
            ("La lettre est datée du 1er juillet 2019.", "2019-07-01"),
            ("Du 5 au 7 mai 2014 s'est tenue la conférence.", "2014-05-05/2014-05-07"),
            ("Les lois remontent au XIXe siècle.", "18XX"),
            ("Il y a trois ans la société a changé.", "2021"),
            ("L'audience aura lieu le 10 juin 2024 à 14 h 30.", "2024-06-10T14:30"),
            ("À la fin des années 90 tout a changé.", "1997/1999"),
            ("L'accord est resté en vigueur jusqu'en 2020.", "../2020"),
        ],
    );
    check(
        Lang::De,
        &[
            ("Die Klage wurde am 3. Mai 2024 eingereicht.", "2024-05-03"),
            ("Am 3.5.2024 ging die Meldung ein.", "2024-05-03"),
            ("Vom 5. bis 7. Mai 2014 fand sie statt.", "2014-05-05/2014-05-07"),
            ("Die Gesetze stammen aus dem 19. Jahrhundert.", "18XX"),
            ("Die 80er Jahre waren anders.", "198X"),
            ("Die Sitzung beginnt um 14:30 Uhr am 3. Juni 2024.", "2024-06-03T14:30"),
            ("Letztes Jahr stiegen die Ausgaben.", "2023"),
            ("Vor drei Jahren änderte sich alles.", "2021"),
        ],
    );
    // "morgen" after "am" is the morning, not tomorrow; "des années 80" is no "since".
    assert!(dates(Lang::De, "Er kam am Morgen.").is_empty());
    assert_eq!(
        dates(Lang::Fr, "La musique des années 80.").iter().map(|f| f.1.as_deref()).collect::<Vec<_>>(),
        [Some("198X")]
    );
}

#[test]
fn vague_references_are_dates_without_a_value_and_the_day_is_the_one_in_focus() {
    for (lang, text, words) in [
        (Lang::En, "The court now decides; it recently ruled.", ["now", "recently"]),
        (Lang::Es, "Ahora decide; actualmente trabaja.", ["Ahora", "actualmente"]),
        (Lang::It, "Ora decide; di recente ha detto.", ["Ora", "di recente"]),
        (Lang::Fr, "Maintenant il décide; récemment il a dit.", ["Maintenant", "récemment"]),
        (Lang::De, "Jetzt entscheidet er; kürzlich sagte er.", ["Jetzt", "kürzlich"]),
    ] {
        let found = read(text, lang, Some((2024, 5, 15)));
        let read: Vec<&str> = found.iter().map(|f| &text[f.start..f.end]).collect();
        assert_eq!(read, words, "{lang:?}");
        assert!(found.iter().all(|f| f.when.is_none() && f.kind == Kind::Date), "{found:?}");
    }
    assert!(dates(Lang::It, "La riunione è durata un’ora.").is_empty(), "an hour");
    // The day told last, else the day of publication.
    assert_eq!(one(Lang::Fr, "Ce jour-là le conseil s'est réuni.").as_deref(), Some("2024-05-15"));
    assert_eq!(
        dates(Lang::De, "Am 3. Mai 2012 fiel sie; an diesem Tag verlor sie.")[1].1.as_deref(),
        Some("2012-05-03")
    );
    assert_eq!(one(Lang::En, "Shares fell 5% on the day.").as_deref(), Some("2024-05-15"));
    assert!(dates(Lang::En, "The day of the vote is not set.").is_empty());
    assert_eq!(read("That day it fell.", Lang::En, None)[0].when, None, "no day to take: no value");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Words the rules look at, and some they do not, in every language.
    const VOCABULARY: &[&str] = &[
        "2011",
        "2019",
        "13",
        "5",
        "31",
        "1990s",
        "’",
        "'",
        "90",
        "s",
        "5/3/2014",
        "2011-2019",
        "2013-08",
        "1908-05-13",
        "2,013",
        "%",
        "$",
        "-",
        "–",
        ",",
        ".",
        "No",
        "art",
        "the",
        "in",
        "from",
        "to",
        "between",
        "and",
        "since",
        "by",
        "until",
        "early",
        "mid",
        "late",
        "end",
        "of",
        "last",
        "this",
        "next",
        "year",
        "years",
        "month",
        "week",
        "ago",
        "later",
        "every",
        "two",
        "twice",
        "a",
        "times",
        "for",
        "nearly",
        "decade",
        "century",
        "19th",
        "XIX",
        "Q3",
        "third",
        "quarter",
        "half",
        "summer",
        "fall",
        "May",
        "March",
        "Monday",
        "Thursday",
        "yesterday",
        "today",
        "night",
        "around",
        "users",
        "dal",
        "al",
        "nel",
        "nell",
        "l",
        "il",
        "entro",
        "fino",
        "inizio",
        "metà",
        "fine",
        "trimestre",
        "estate",
        "anni",
        "novanta",
        "secolo",
        "Ottocento",
        "ieri",
        "oggi",
        "scorso",
        "quest",
        "anno",
        "fa",
        "dopo",
        "ogni",
        "due",
        "settimane",
        "volte",
        "per",
        "quasi",
        "un",
        "decennio",
        "maggio",
        "agosto",
        "lunedì",
        "tra",
        "e",
        "circa",
        "intorno",
        "de",
        "desde",
        "hasta",
        "para",
        "entre",
        "y",
        "principios",
        "mediados",
        "finales",
        "tercer",
        "verano",
        "años",
        "noventa",
        "siglo",
        "ayer",
        "hoy",
        "pasado",
        "hace",
        "tres",
        "después",
        "cada",
        "dos",
        "semanas",
        "veces",
        "por",
        "casi",
        "diez",
        "mayo",
        "lunes",
        "el",
        "la",
        "los",
        "alrededor",
        "anoche",
        "esta",
        "mañana",
        "que",
        "viene",
        "primer",
        "semestre",
        "década",
        "empresa",
        "Netflix",
        "dijo",
        "said",
        "ha",
        "detto",
        "depuis",
        "jusqu",
        "au",
        "du",
        "les",
        "à",
        "mi",
        "début",
        "années",
        "siècle",
        "XIXe",
        "19e",
        "1er",
        "er",
        "hier",
        "aujourd",
        "hui",
        "dernier",
        "dernière",
        "prochain",
        "y",
        "ans",
        "plus",
        "tard",
        "chaque",
        "toutes",
        "fois",
        "ce",
        "jour",
        "là",
        "lendemain",
        "maintenant",
        "nos",
        "jours",
        "h",
        "30",
        "14",
        "week",
        "mois",
        "mai",
        "lundi",
        "seit",
        "bis",
        "von",
        "vom",
        "zwischen",
        "und",
        "am",
        "im",
        "der",
        "die",
        "den",
        "Anfang",
        "Mitte",
        "Ende",
        "Quartal",
        "dritten",
        "Sommer",
        "80er",
        "Jahre",
        "Jahren",
        "Jahrhundert",
        "19.",
        "gestern",
        "heute",
        "morgen",
        "Abend",
        "letzten",
        "Jahr",
        "nächsten",
        "Tag",
        "vor",
        "später",
        "jeden",
        "alle",
        "zweimal",
        "Mai",
        "Montag",
        "um",
        "Uhr",
        "an",
        "diesem",
        "jetzt",
        "kurzem",
        "zur",
        "Zeit",
        "Folgetag",
        "Wochenende",
        "etwa",
        "wird",
        "now",
        "recently",
        "ahora",
        "jornada",
        "ora",
        "recente",
        "\n",
    ];

    proptest! {
        #[test]
        fn the_shortcut_reads_what_every_rule_at_every_token_reads(
            words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 0..40),
            lang in proptest::sample::select(&Lang::ALL[..]),
        ) {
            let text = words.join(" ").replace("\\n", "\n");
            prop_assert_eq!(read_with(&text, lang, Some((2024, 5, 15)), false), read_with(&text, lang, Some((2024, 5, 15)), true), "{}", text);
        }

        #[test]
        fn any_text_reads_without_panic_and_within_its_bounds(text in "\\PC{0,200}", lang in proptest::sample::select(&Lang::ALL[..])) {
            for f in read(&text, lang, None) {
                prop_assert!(f.start < f.end && f.end <= text.len());
                prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
                prop_assert!(f.sentence.start <= f.start && f.end <= f.sentence.end);
                if let Some(w) = &f.when {
                    prop_assert!(Edtf::parse(w).is_ok(), "{}", w);
                }
            }
        }
    }
}
