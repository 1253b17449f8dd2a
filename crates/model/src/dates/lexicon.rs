//! The words dates are written with, read from each language's table of conventions (`lang/`),
//! and the few lists not yet moved into the tables. All lower case; accented words are also
//! accepted without their accents, as people type them.

use super::{Lang, lang};

/// A month's number (1–12) from its name or abbreviation.
pub fn month(lang: Lang, w: &str) -> Option<u8> {
    lang::find(lang::of(lang).months, w)
}

/// Whether `w` is a month's abbreviation rather than its full name: taken only beside a number.
pub(crate) fn is_abbreviation(lang: Lang, w: &str) -> bool {
    month(lang, w).is_some() && w.chars().count() <= 4 && !lang::of(lang).short_full_months.contains(&w)
}

/// EDTF's season code (21 spring … 24 winter).
pub fn season(lang: Lang, w: &str) -> Option<u8> {
    lang::find(lang::of(lang).seasons, w)
}

/// Monday = 0 … Sunday = 6.
pub(crate) fn weekday(lang: Lang, w: &str) -> Option<u8> {
    lang::find(lang::of(lang).weekdays, w)
}

/// A small cardinal written as a word ("three", "tre", "tres"; "a" and "un" are one).
pub(crate) fn cardinal(lang: Lang, w: &str) -> Option<i64> {
    lang::find(lang::of(lang).cardinals, w)
}

/// Words that stand for "some number of" in a duration ("several years", "alcuni anni").
pub(crate) fn some_number(lang: Lang, w: &str) -> bool {
    lang::of(lang).some_number.contains(&w)
}

/// 1 first … 4 fourth (quarters, halves).
pub(crate) fn ordinal(lang: Lang, w: &str) -> Option<u8> {
    lang::find(lang::of(lang).ordinals, w)
}

/// A century written as an ordinal word ("nineteenth", "diciannovesimo", "diecinueve").
pub(crate) fn century_word(lang: Lang, w: &str) -> Option<i64> {
    lang::find(lang::of(lang).century_words, w)
}

/// A decade written as a word ("nineties", "novanta", "noventa"): its tens.
pub(crate) fn decade_word(lang: Lang, w: &str) -> Option<i64> {
    lang::find(lang::of(lang).decade_words, w)
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
    lang::find(lang::of(lang).units, w)
}

/// Words that make the date after them approximate ("circa 2011", "around 2011").
pub fn approximate(lang: Lang, w: &str) -> bool {
    lang::of(lang).approximate.contains(&w)
}

/// Nouns that a number standing for a count comes before: "2013 users" is no year.
pub fn counted(lang: Lang, w: &str) -> bool {
    lang::of(lang).counted_nouns.contains(&w)
        || matches!(
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
pub(crate) fn names_a_number(lang: Lang, w: &str) -> bool {
    lang::of(lang).number_names.contains(&w)
        || matches!(
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

/// Whether a rule may start with `w`: any word of the language's table (`lang/`), derived
/// from the tables rather than kept beside them. A rule that starts with a new word must have
/// it in its table (the tests of each rule would fail otherwise).
pub(crate) fn starts_a_rule(lang: Lang, w: &str) -> bool {
    lang::triggers(lang).contains(w)
}

/// Articles, prepositions and hedges: words a rule may start with, but only on its way to a
/// number or a date word.
pub(crate) fn function_word(lang: Lang, w: &str) -> bool {
    lang::of(lang).function_words.contains(&w)
}

/// Words between a time of day and the day after it: "16:08 on 3 May", "alle 9 del 3 maggio".
pub(crate) fn time_before_day(lang: Lang) -> &'static [&'static str] {
    lang::of(lang).time_before_day
}

/// Words between a day and a time of day after it, in order: "3 May at 16:08", "el 3 de mayo a
/// las 9", "il 3 maggio alle ore 14.30".
pub(crate) fn time_after_day(lang: Lang) -> &'static [&'static str] {
    lang::of(lang).time_after_day
}

/// Words after which "14.30" is a time of day.
pub(crate) fn time_lead(lang: Lang) -> &'static [&'static str] {
    lang::of(lang).time_lead
}

/// The tense of a clause, from its words (lower case): `Some(true)` when it speaks of the
/// future ("will", "va a", "firmará", "firmerà"), `Some(false)` of the past ("was", "signed",
/// "firmó", "ha firmado", "firmò", "ha firmato"), `None` when neither shows.
pub(crate) fn tense<'w>(lang: Lang, words: impl Iterator<Item = &'w str>) -> Option<bool> {
    let tense = &lang::of(lang).tense;
    let mut before = "";
    let mut past = false;
    for w in words {
        let n = w.chars().count();
        let ends = |endings: lang::Words<usize>| endings.iter().any(|&(e, min)| n >= min && w.ends_with(e));
        let future = tense.future_words.contains(&w)
            || ends(tense.future_endings)
            || tense.future_pairs.iter().any(|&(a, b)| before == a && w == b);
        if future {
            return Some(true);
        }
        past |= tense.past_words.contains(&w)
            || ends(tense.past_endings)
            || (tense.perfect_aux.contains(&before) && ends(tense.participle_endings));
        before = w;
    }
    past.then_some(false)
}

/// A word that with a weekday names a day, not a date ("Black Monday", "Good Friday").
pub(crate) fn names_a_day(w: &str) -> bool {
    matches!(w, "black" | "cyber" | "super" | "holy" | "good" | "ash" | "blue" | "bloody" | "easter" | "giving" | "fat")
}
