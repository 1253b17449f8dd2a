//! The words dates are written with, in Spanish, Italian and English. All lower case; accented
//! words are also accepted without their accents, as people type them.

use super::Lang;

/// A month's number (1–12) from its name or abbreviation.
pub fn month(lang: Lang, w: &str) -> Option<u8> {
    let m = match lang {
        Lang::En => match w {
            "january" | "jan" => 1,
            "february" | "feb" => 2,
            "march" | "mar" => 3,
            "april" | "apr" => 4,
            "may" => 5,
            "june" | "jun" => 6,
            "july" | "jul" => 7,
            "august" | "aug" => 8,
            "september" | "sep" | "sept" => 9,
            "october" | "oct" => 10,
            "november" | "nov" => 11,
            "december" | "dec" => 12,
            _ => return None,
        },
        Lang::Es => match w {
            "enero" | "ene" => 1,
            "febrero" | "feb" => 2,
            "marzo" | "mar" => 3,
            "abril" | "abr" => 4,
            "mayo" | "may" => 5,
            "junio" | "jun" => 6,
            "julio" | "jul" => 7,
            "agosto" | "ago" => 8,
            "septiembre" | "setiembre" | "sep" | "sept" | "set" => 9,
            "octubre" | "oct" => 10,
            "noviembre" | "nov" => 11,
            "diciembre" | "dic" => 12,
            _ => return None,
        },
        Lang::It => match w {
            "gennaio" | "gen" => 1,
            "febbraio" | "feb" => 2,
            "marzo" | "mar" => 3,
            "aprile" | "apr" => 4,
            "maggio" | "mag" => 5,
            "giugno" | "giu" => 6,
            "luglio" | "lug" => 7,
            "agosto" | "ago" => 8,
            "settembre" | "set" | "sett" => 9,
            "ottobre" | "ott" => 10,
            "novembre" | "nov" => 11,
            "dicembre" | "dic" => 12,
            _ => return None,
        },
    };
    Some(m)
}

/// Whether `w` is a month's abbreviation rather than its full name: taken only beside a number.
pub fn is_abbreviation(lang: Lang, w: &str) -> bool {
    month(lang, w).is_some() && w.chars().count() <= 4 && !matches!(w, "may" | "mayo" | "june" | "july" | "giu")
}

/// EDTF's season code (21 spring … 24 winter).
pub fn season(lang: Lang, w: &str) -> Option<u8> {
    Some(match (lang, w) {
        (Lang::En, "spring") | (Lang::Es | Lang::It, "primavera") => 21,
        (Lang::En, "summer") | (Lang::Es, "verano") | (Lang::It, "estate") => 22,
        (Lang::En, "autumn" | "fall") | (Lang::Es, "otoño" | "otono") | (Lang::It, "autunno") => 23,
        (Lang::En, "winter") | (Lang::Es, "invierno") | (Lang::It, "inverno") => 24,
        _ => return None,
    })
}

/// Monday = 0 … Sunday = 6.
pub fn weekday(lang: Lang, w: &str) -> Option<u8> {
    Some(match lang {
        Lang::En => match w {
            "monday" => 0,
            "tuesday" => 1,
            "wednesday" => 2,
            "thursday" => 3,
            "friday" => 4,
            "saturday" => 5,
            "sunday" => 6,
            _ => return None,
        },
        Lang::Es => match w {
            "lunes" => 0,
            "martes" => 1,
            "miércoles" | "miercoles" => 2,
            "jueves" => 3,
            "viernes" => 4,
            "sábado" | "sabado" => 5,
            "domingo" => 6,
            _ => return None,
        },
        Lang::It => match w {
            "lunedì" | "lunedi" => 0,
            "martedì" | "martedi" => 1,
            "mercoledì" | "mercoledi" => 2,
            "giovedì" | "giovedi" => 3,
            "venerdì" | "venerdi" => 4,
            "sabato" => 5,
            "domenica" => 6,
            _ => return None,
        },
    })
}

/// A small cardinal written as a word ("three", "tre", "tres"; "a" and "un" are one).
pub fn cardinal(lang: Lang, w: &str) -> Option<i64> {
    Some(match lang {
        Lang::En => match w {
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "fifteen" => 15,
            "twenty" => 20,
            "thirty" => 30,
            _ => return None,
        },
        Lang::Es => match w {
            "un" | "una" | "uno" => 1,
            "dos" => 2,
            "tres" => 3,
            "cuatro" => 4,
            "cinco" => 5,
            "seis" => 6,
            "siete" => 7,
            "ocho" => 8,
            "nueve" => 9,
            "diez" => 10,
            "once" => 11,
            "doce" => 12,
            "quince" => 15,
            "veinte" => 20,
            "treinta" => 30,
            _ => return None,
        },
        Lang::It => match w {
            "un" | "una" | "uno" => 1,
            "due" => 2,
            "tre" => 3,
            "quattro" => 4,
            "cinque" => 5,
            "sei" => 6,
            "sette" => 7,
            "otto" => 8,
            "nove" => 9,
            "dieci" => 10,
            "undici" => 11,
            "dodici" => 12,
            "quindici" => 15,
            "venti" => 20,
            "trenta" => 30,
            _ => return None,
        },
    })
}

/// Words that stand for "some number of" in a duration ("several years", "alcuni anni").
pub fn some_number(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => matches!(w, "several" | "few" | "many" | "some" | "multiple"),
        Lang::Es => matches!(w, "varios" | "varias" | "algunos" | "algunas" | "muchos" | "muchas" | "pocos" | "pocas"),
        Lang::It => matches!(
            w,
            "alcuni" | "alcune" | "diversi" | "diverse" | "molti" | "molte" | "parecchi" | "pochi" | "vari" | "varie"
        ),
    }
}

/// 1 first … 4 fourth (quarters, halves).
pub fn ordinal(lang: Lang, w: &str) -> Option<u8> {
    Some(match lang {
        Lang::En => match w {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" | "last" | "final" => 4,
            _ => return None,
        },
        Lang::Es => match w {
            "primer" | "primero" | "primera" => 1,
            "segundo" | "segunda" => 2,
            "tercer" | "tercero" | "tercera" => 3,
            "cuarto" | "cuarta" | "último" | "ultimo" => 4,
            _ => return None,
        },
        Lang::It => match w {
            "primo" | "prima" => 1,
            "secondo" | "seconda" => 2,
            "terzo" | "terza" => 3,
            "quarto" | "quarta" | "ultimo" => 4,
            _ => return None,
        },
    })
}

/// A century written as an ordinal word ("nineteenth", "diciannovesimo", "diecinueve").
pub fn century_word(lang: Lang, w: &str) -> Option<i64> {
    Some(match lang {
        Lang::En => match w {
            "fifteenth" => 15,
            "sixteenth" => 16,
            "seventeenth" => 17,
            "eighteenth" => 18,
            "nineteenth" => 19,
            "twentieth" => 20,
            _ => return None,
        },
        Lang::It => match w {
            "quindicesimo" => 15,
            "sedicesimo" => 16,
            "diciassettesimo" => 17,
            "diciottesimo" => 18,
            "diciannovesimo" => 19,
            "ventesimo" => 20,
            "ventunesimo" => 21,
            _ => return None,
        },
        Lang::Es => return None,
    })
}

/// Italian names of centuries: "l'Ottocento" is the 1800s.
pub fn italian_century_name(w: &str) -> Option<i64> {
    Some(match w {
        "duecento" => 1200,
        "trecento" => 1300,
        "quattrocento" => 1400,
        "cinquecento" => 1500,
        "seicento" => 1600,
        "settecento" => 1700,
        "ottocento" => 1800,
        "novecento" => 1900,
        _ => return None,
    })
}

/// A decade written as a word ("nineties", "novanta", "noventa"): its tens.
pub fn decade_word(lang: Lang, w: &str) -> Option<i64> {
    Some(match lang {
        Lang::En => match w {
            "twenties" => 20,
            "thirties" => 30,
            "forties" => 40,
            "fifties" => 50,
            "sixties" => 60,
            "seventies" => 70,
            "eighties" => 80,
            "nineties" => 90,
            _ => return None,
        },
        Lang::Es => match w {
            "veinte" => 20,
            "treinta" => 30,
            "cuarenta" => 40,
            "cincuenta" => 50,
            "sesenta" => 60,
            "setenta" => 70,
            "ochenta" => 80,
            "noventa" => 90,
            _ => return None,
        },
        Lang::It => match w {
            "venti" => 20,
            "trenta" => 30,
            "quaranta" => 40,
            "cinquanta" => 50,
            "sessanta" => 60,
            "settanta" => 70,
            "ottanta" => 80,
            "novanta" => 90,
            _ => return None,
        },
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

/// A unit of time, singular or plural.
pub fn unit(lang: Lang, w: &str) -> Option<Unit> {
    Some(match lang {
        Lang::En => match w {
            "day" | "days" => Unit::Day,
            "week" | "weeks" | "fortnight" | "fortnights" => Unit::Week,
            "month" | "months" => Unit::Month,
            "year" | "years" => Unit::Year,
            "decade" | "decades" => Unit::Decade,
            "century" | "centuries" => Unit::Century,
            _ => return None,
        },
        Lang::Es => match w {
            "día" | "dia" | "días" | "dias" => Unit::Day,
            "semana" | "semanas" | "quincena" | "quincenas" => Unit::Week,
            "mes" | "meses" => Unit::Month,
            "año" | "ano" | "años" | "anos" => Unit::Year,
            "década" | "decada" | "décadas" | "decadas" | "decenio" | "decenios" => Unit::Decade,
            "siglo" | "siglos" => Unit::Century,
            _ => return None,
        },
        Lang::It => match w {
            "giorno" | "giorni" => Unit::Day,
            "settimana" | "settimane" => Unit::Week,
            "mese" | "mesi" => Unit::Month,
            "anno" | "anni" => Unit::Year,
            "decennio" | "decenni" => Unit::Decade,
            "secolo" | "secoli" => Unit::Century,
            _ => return None,
        },
    })
}

/// Words that make the date after them approximate ("circa 2011", "around 2011").
pub fn approximate(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => matches!(w, "around" | "about" | "approximately" | "roughly" | "circa" | "ca" | "c"),
        Lang::Es => matches!(w, "alrededor" | "aproximadamente" | "hacia" | "circa" | "cerca"),
        Lang::It => matches!(w, "circa" | "intorno" | "attorno" | "verso" | "approssimativamente"),
    }
}

/// Nouns that a number standing for a count comes before: "2013 users" is no year.
pub fn counted(w: &str) -> bool {
    matches!(
        w,
        "users"
            | "people"
            | "persons"
            | "employees"
            | "dollars"
            | "euros"
            | "euro"
            | "pounds"
            | "times"
            | "messages"
            | "accounts"
            | "pages"
            | "items"
            | "units"
            | "words"
            | "votes"
            | "points"
            | "miles"
            | "km"
            | "kg"
            | "utenti"
            | "persone"
            | "dipendenti"
            | "dollari"
            | "volte"
            | "messaggi"
            | "pagine"
            | "voti"
            | "punti"
            | "usuarios"
            | "personas"
            | "empleados"
            | "dólares"
            | "dolares"
            | "euros€"
            | "veces"
            | "mensajes"
            | "páginas"
            | "paginas"
            | "votos"
            | "puntos"
            | "million"
            | "millions"
            | "billion"
            | "billions"
            | "milioni"
            | "miliardi"
            | "millones"
            | "mil"
            | "mila"
            | "thousand"
            | "hundred"
            | "percent"
            | "cent"
            | "ciento"
            | "cento"
            | "abitanti"
            | "habitantes"
            | "residents"
            | "metri"
            | "metros"
            | "meters"
            | "copies"
            | "copie"
            | "copias"
            | "clicks"
            | "clic"
            | "click"
            | "likes"
            | "followers"
    )
}

/// Words before a number that make it an identifier: "No. 2019-1234", "regolamento 2016/679".
pub fn names_a_number(w: &str) -> bool {
    matches!(
        w,
        "no" | "nº"
            | "n"
            | "núm"
            | "num"
            | "number"
            | "numero"
            | "número"
            | "art"
            | "article"
            | "articolo"
            | "artículo"
            | "articulo"
            | "page"
            | "pages"
            | "p"
            | "pp"
            | "pag"
            | "pág"
            | "pagina"
            | "página"
            | "case"
            | "caso"
            | "causa"
            | "docket"
            | "regulation"
            | "regolamento"
            | "reglamento"
            | "directive"
            | "direttiva"
            | "directiva"
            | "law"
            | "legge"
            | "ley"
            | "decree"
            | "decreto"
            | "section"
            | "sezione"
            | "sección"
            | "seccion"
            | "rule"
            | "code"
            | "codice"
            | "código"
            | "room"
            | "route"
            | "flight"
            | "volo"
            | "vuelo"
            | "model"
            | "modello"
            | "modelo"
            | "version"
            | "versione"
            | "versión"
            | "paragraph"
            | "paragrafo"
            | "párrafo"
            | "comma"
            | "item"
            | "id"
            | "exhibit"
            | "ecf"
            | "dkt"
            | "doc"
    )
}

/// Every other word a rule can start with, besides the [`function_word`]s: the words of
/// relative dates, parts of years, frequencies and decades. A rule that starts with a new word
/// must add it here (the tests of each rule would fail otherwise).
#[allow(clippy::too_many_lines)] // a word list
pub fn starts_a_rule(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => matches!(
            w,
            "early"
                | "mid"
                | "middle"
                | "midst"
                | "late"
                | "beginning"
                | "start"
                | "end"
                | "close"
                | "q"
                | "h"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "last"
                | "this"
                | "next"
                | "past"
                | "previous"
                | "following"
                | "coming"
                | "every"
                | "each"
                | "once"
                | "twice"
                | "daily"
                | "weekly"
                | "monthly"
                | "yearly"
                | "annually"
                | "biweekly"
                | "quarterly"
                | "fortnightly"
                | "year"
                | "multiple"
        ),
        Lang::Es => matches!(
            w,
            "principios"
                | "comienzos"
                | "inicios"
                | "principio"
                | "comienzo"
                | "inicio"
                | "mediados"
                | "finales"
                | "fines"
                | "final"
                | "hace"
                | "hacía"
                | "hoy"
                | "ayer"
                | "anteayer"
                | "anoche"
                | "mañana"
                | "manana"
                | "esta"
                | "este"
                | "pasado"
                | "pasada"
                | "próximo"
                | "proximo"
                | "próxima"
                | "proxima"
                | "siguiente"
                | "anterior"
                | "cada"
                | "diariamente"
                | "semanalmente"
                | "mensualmente"
                | "anualmente"
                | "trimestralmente"
                | "quincenalmente"
                | "año"
                | "años"
                | "anos"
                | "década"
                | "siglo"
                | "t"
                | "s"
                | "q"
                | "últimos"
                | "ultimos"
                | "próximos"
                | "última"
                | "ultima"
        ),
        Lang::It => matches!(
            w,
            "inizio"
                | "inizi"
                | "primi"
                | "metà"
                | "meta"
                | "mezzo"
                | "fine"
                | "fini"
                | "ultimi"
                | "oggi"
                | "ieri"
                | "domani"
                | "altroieri"
                | "stamattina"
                | "stamani"
                | "stamane"
                | "stasera"
                | "stanotte"
                | "questa"
                | "questo"
                | "quest"
                | "scorso"
                | "scorsa"
                | "passato"
                | "passata"
                | "prossimo"
                | "prossima"
                | "successivo"
                | "successiva"
                | "seguente"
                | "precedente"
                | "ogni"
                | "quotidianamente"
                | "settimanalmente"
                | "mensilmente"
                | "annualmente"
                | "trimestralmente"
                | "giornalmente"
                | "anno"
                | "anni"
                | "decennio"
                | "secolo"
                | "ultimo"
                | "ultima"
                | "q"
                | "t"
                | "s"
        ),
    }
}

/// Articles, prepositions and hedges: words a rule may start with, but only on its way to a
/// number or a date word.
#[allow(clippy::too_many_lines)] // a word list
pub fn function_word(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => matches!(
            w,
            "the"
                | "in"
                | "at"
                | "on"
                | "of"
                | "from"
                | "between"
                | "by"
                | "for"
                | "during"
                | "over"
                | "within"
                | "to"
                | "as"
                | "up"
                | "since"
                | "until"
                | "till"
                | "starting"
                | "effective"
                | "towards"
                | "toward"
                | "a"
                | "an"
                | "about"
                | "around"
                | "almost"
                | "nearly"
                | "more"
                | "less"
                | "some"
                | "several"
                | "few"
                | "many"
                | "least"
                | "roughly"
                | "approximately"
                | "circa"
        ),
        Lang::Es => matches!(
            w,
            "el" | "la"
                | "los"
                | "las"
                | "en"
                | "de"
                | "del"
                | "desde"
                | "entre"
                | "a"
                | "al"
                | "hasta"
                | "para"
                | "por"
                | "durante"
                | "hacia"
                | "casi"
                | "cerca"
                | "más"
                | "mas"
                | "menos"
                | "unos"
                | "unas"
                | "un"
                | "una"
                | "uno"
                | "alrededor"
                | "aproximadamente"
        ),
        Lang::It => matches!(
            w,
            "il" | "lo"
                | "la"
                | "i"
                | "gli"
                | "le"
                | "l"
                | "in"
                | "nel"
                | "nell"
                | "di"
                | "del"
                | "dal"
                | "dall"
                | "dallo"
                | "dalla"
                | "dai"
                | "dagli"
                | "da"
                | "tra"
                | "fra"
                | "a"
                | "ad"
                | "al"
                | "all"
                | "alla"
                | "agli"
                | "ai"
                | "sul"
                | "sulla"
                | "entro"
                | "fino"
                | "sino"
                | "sin"
                | "fin"
                | "per"
                | "durante"
                | "verso"
                | "quasi"
                | "oltre"
                | "più"
                | "piu"
                | "meno"
                | "almeno"
                | "ben"
                | "circa"
                | "intorno"
                | "attorno"
                | "un"
                | "una"
                | "uno"
        ),
    }
}

/// Words between a time of day and the day after it: "16:08 on 3 May", "alle 9 del 3 maggio".
pub fn time_before_day(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["on", "of"],
        Lang::Es => &["del", "de", "el"],
        Lang::It => &["del", "di", "il"],
    }
}

/// Words between a day and a time of day after it, in order: "3 May at 16:08", "el 3 de mayo a
/// las 9", "il 3 maggio alle ore 14.30".
pub fn time_after_day(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["at", "around", "about"],
        Lang::Es => &["a", "hacia", "sobre", "las", "la"],
        Lang::It => &["alle", "all", "verso", "le", "ore"],
    }
}

/// Words after which "14.30" is a time of day.
pub fn time_lead(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["at"],
        Lang::Es => &["las", "la"],
        Lang::It => &["alle", "ore", "all", "le"],
    }
}

/// A part of the day after an hour ("de la mañana", "di sera", "in the evening"): how many words
/// it takes and whether it is after noon.
pub fn part_of_day<'w>(lang: Lang, mut words: impl Iterator<Item = &'w str>) -> Option<(usize, bool)> {
    let (a, b, c) = (words.next()?, words.next().unwrap_or(""), words.next().unwrap_or(""));
    let pm = |w: &str| match (lang, w) {
        (Lang::Es, "mañana" | "madrugada") | (Lang::It, "mattina" | "mattino" | "notte") | (Lang::En, "morning") => {
            Some(false)
        }
        (Lang::Es, "tarde" | "noche") | (Lang::It, "pomeriggio" | "sera") | (Lang::En, "afternoon" | "evening") => {
            Some(true)
        }
        _ => None,
    };
    match lang {
        Lang::Es if a == "de" && b == "la" => pm(c).map(|p| (3, p)),
        Lang::It if matches!(a, "di" | "del" | "della") => pm(b).map(|p| (2, p)),
        Lang::En if a == "in" && b == "the" => pm(c).map(|p| (3, p)),
        _ => None,
    }
}

/// The tense of a clause, from its words (lower case): `Some(true)` when it speaks of the
/// future ("will", "va a", "firmará", "firmerà"), `Some(false)` of the past ("was", "signed",
/// "firmó", "ha firmado", "firmò", "ha firmato"), `None` when neither shows.
pub fn tense<'w>(lang: Lang, words: impl Iterator<Item = &'w str>) -> Option<bool> {
    let mut before = "";
    let mut past = false;
    for w in words {
        let n = w.chars().count();
        let ends = |endings: &[&str], min: usize| n >= min && endings.iter().any(|e| w.ends_with(e));
        let (future, was) = match lang {
            Lang::En => (
                matches!(w, "will" | "shall" | "ll" | "upcoming" | "scheduled" | "planned")
                    || (before == "going" && w == "to"),
                matches!(
                    w,
                    "was"
                        | "were"
                        | "had"
                        | "did"
                        | "said"
                        | "ago"
                        | "went"
                        | "took"
                        | "made"
                        | "began"
                        | "fell"
                        | "rose"
                        | "grew"
                        | "met"
                        | "told"
                        | "sold"
                        | "paid"
                        | "won"
                        | "lost"
                        | "left"
                        | "held"
                        | "came"
                        | "gave"
                        | "got"
                        | "saw"
                        | "ran"
                        | "spent"
                        | "became"
                        | "wrote"
                        | "brought"
                        | "bought"
                        | "thought"
                ) || ends(&["ed"], 4),
            ),
            Lang::Es => (
                ends(&["rá", "rán", "ré", "rás"], 3)
                    || ends(&["remos"], 6)
                    || (matches!(before, "va" | "van" | "vamos") && w == "a")
                    || matches!(w, "próximo" | "próxima"),
                matches!(w, "fue" | "fueron" | "había" | "habían" | "hubo" | "era" | "eran")
                    || ends(&["ó", "aron", "eron", "aba", "aban"], 3)
                    || (matches!(before, "ha" | "han" | "he" | "hemos") && ends(&["ado", "ido", "cho", "to"], 3)),
            ),
            Lang::It => (
                ends(&["rà", "ranno", "rò"], 3) || ends(&["remo"], 6) || matches!(w, "prossimo" | "prossima"),
                matches!(w, "fu" | "furono" | "era" | "erano")
                    || ends(&["ò", "ava", "avano", "eva", "evano"], 3)
                    || (matches!(before, "ha" | "hanno" | "è" | "sono" | "ho" | "abbiamo")
                        && ends(
                            &["ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute"],
                            4,
                        )),
            ),
        };
        if future {
            return Some(true);
        }
        past |= was;
        before = w;
    }
    past.then_some(false)
}

/// A word that with a weekday names a day, not a date ("Black Monday", "Good Friday").
pub fn names_a_day(w: &str) -> bool {
    matches!(w, "black" | "cyber" | "super" | "holy" | "good" | "ash" | "blue" | "bloody" | "easter" | "giving" | "fat")
}
