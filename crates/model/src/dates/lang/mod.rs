//! One table of conventions per language (`en.rs`, `es.rs`, `it.rs`, `fr.rs`, `de.rs`): the
//! words its dates are written with. The lexicon reads its words from here, and the words a rule may start with
//! (the trigger set the reader skips most words by) are derived from the tables, not kept by
//! hand beside them. Adding a language is a new table and its test cases.

mod de;
mod en;
mod es;
mod fr;
mod it;

use std::collections::HashSet;
use std::sync::LazyLock;

use super::Lang;
use super::lexicon::Unit;

/// Word and value pairs, e.g. a month's names and abbreviations with its number.
pub type Words<T> = &'static [(&'static str, T)];

/// Tokens in a row, each one of the words (or marks) listed for its place: `[["il"], ["y"],
/// ["a"]]`, `[["aujourd"], ["'", "’"], ["hui"]]`.
pub(crate) type Phrase = &'static [&'static [&'static str]];

/// Several phrases, any of which may stand.
pub(crate) type Phrases = &'static [Phrase];

pub(crate) struct Conventions {
    /// Month names and abbreviations (an abbreviation is four letters or fewer).
    pub months: Words<u8>,
    /// EDTF's season codes, 21 spring … 24 winter.
    pub seasons: Words<u8>,
    /// Monday 0 … Sunday 6.
    pub weekdays: Words<u8>,
    /// Small cardinals written as words ("a" and "un" are one).
    pub cardinals: Words<i64>,
    /// Words that stand for "some number of" in a duration ("several years").
    pub some_number: &'static [&'static str],
    /// 1 first … 4 fourth (quarters, halves, "the first of December").
    pub ordinals: Words<u8>,
    /// Centuries written as ordinal words ("nineteenth").
    pub century_words: Words<i64>,
    /// Decades written as words ("nineties"): their tens.
    pub decade_words: Words<i64>,
    /// Units of time, singular and plural.
    pub units: Words<Unit>,
    /// Words that make the date after them approximate ("around 2011").
    pub approximate: &'static [&'static str],
    /// The other words a rule starts with: relative dates, parts of years, frequencies.
    pub rule_words: &'static [&'static str],
    /// Articles, prepositions and hedges: a rule may start with one on its way to a number or
    /// a date word.
    pub function_words: &'static [&'static str],
    /// Between a time of day and its day after it ("16:08 on 3 May").
    pub time_before_day: &'static [&'static str],
    /// Between a day and a time of day after it, in order ("3 May at 16:08").
    pub time_after_day: &'static [&'static str],
    /// Words after which "14.30" is a time of day.
    pub time_lead: &'static [&'static str],
    /// Between the parts of a date: "of", "de", "di".
    pub of_words: &'static [&'static str],
    /// Words after which a month's name alone is a date ("in March", "a marzo").
    pub month_prepositions: &'static [&'static str],
    /// The noun of a century ("century", "siglo", "secolo").
    pub century_nouns: &'static [&'static str],
    /// Prepositions that belong to a part of a period ("a principios", "all'inizio", "at the end").
    pub part_leads: &'static [&'static str],
    /// Words that lead a duration ("for", "durante", "per").
    pub duration_leads: &'static [&'static str],
    /// Articles inside a duration ("the", "los", "gli").
    pub duration_articles: &'static [&'static str],
    /// Hedges before a duration's count ("almost", "casi", "quasi").
    pub duration_hedges: &'static [&'static str],
    /// "Every": a frequency's opener.
    pub frequency_every: &'static [&'static str],
    /// Words that open a range ("from", "desde", "dal").
    pub range_openers: &'static [&'static str],
    /// Words that join a range's ends ("to", "hasta", "al").
    pub range_joiners: &'static [&'static str],
    /// Words that open a range whose ends are joined by "and" ("between", "entre", "tra").
    pub range_between: &'static [&'static str],
    /// "And", "y", "e".
    pub range_and: &'static [&'static str],
    /// A joiner's first word when a preposition follows it ("fino" in "fino al").
    pub joiner_heads: &'static [&'static str],
    /// Words that join two dates written without an opener ("2011 to 2019", "2011 bis 2019").
    pub point_joiners: &'static [&'static str],
    /// A word after a joiner that makes it no joiner ("a dire").
    pub joiner_stops: &'static [&'static str],
    /// Articles skipped before a date ("the", "el", "il", "der").
    pub articles: &'static [&'static str],
    /// Articles elided before an apostrophe ("l’").
    pub elided_articles: &'static [&'static str],
    /// Numeric dates are month first (5/3/2014 is 3 May), and a month's name comes before its day.
    pub month_first: bool,
    /// Month and weekday names are dates only capitalised ("may", "march" are words).
    pub capitalized_names: bool,
    /// Full month names of four letters or fewer (not abbreviations): "may", "mai", "juin".
    pub short_full_months: &'static [&'static str],
    /// Month names that are common words too ("may"): a month only after one of
    /// `ambiguous_month_prepositions`.
    pub ambiguous_months: &'static [&'static str],
    pub ambiguous_month_prepositions: &'static [&'static str],
    /// Marks or letters glued after an ordinal number ("1st", "1º", "1er", "19e", "3.").
    pub ordinal_suffixes: &'static [&'static str],
    /// Any ordinal word names a day, with "of" after it ("the second of May"); otherwise only the
    /// first ("el primero de diciembre").
    pub ordinal_day_of: bool,
    /// "Year" as a noun before a year ("the year 2011", "el año 2011").
    pub year_nouns: &'static [&'static str],
    /// Words after which a year long past is a year ("in 1492", "nel 1492").
    pub year_prepositions: &'static [&'static str],
    /// Past participles after a year long past that make it a date, where the verb comes last
    /// ("wurde 1887 gegründet").
    pub year_participles: &'static [&'static str],
    /// Articles before a decade in words or "80s" ("the eighties", "die 80er").
    pub decade_articles: &'static [&'static str],
    /// Glued after a decade's number ("1990s", "1980er").
    pub decade_suffixes: &'static [&'static str],
    /// Nouns after a decade ("die 80er Jahre").
    pub decade_after: &'static [&'static str],
    /// Articles before a round number that is a decade when no noun follows ("los 70").
    pub decade_number_articles: &'static [&'static str],
    pub decade_number_stops: &'static [&'static str],
    /// Nouns a decade's number or word follows ("años 90", "anni ’90", "années 80").
    pub decade_nouns: &'static [&'static str],
    /// Nouns of a decade taken as one ("la década de los noventa").
    pub decade_collectives: &'static [&'static str],
    /// Centuries by name ("Ottocento"), capitalised: their first year.
    pub century_names: Words<i64>,
    /// Opens a date onwards (`2011/..`): "since", "a partir de", "seit".
    pub since: Phrases,
    /// Opens a date up to (`../2013`): "until", "by", "fino al", "bis".
    pub until: Phrases,
    /// Part of a period: 0 early, 1 mid, 2 late ("early", "mediados", "fine", "Anfang").
    pub part_words: Words<u8>,
    /// Articles are skipped before a part without a preposition ("the end of 2019").
    pub part_articles: bool,
    /// Quarter and half letters ("Q3", "H1", "T3", "S1"): whether they are halves.
    pub quarter_letters: Words<bool>,
    pub quarter_nouns: &'static [&'static str],
    pub half_nouns: &'static [&'static str],
    /// A day by its distance from publication ("yesterday" -1, "mañana" 1).
    pub day_words: Words<i64>,
    /// Day words that are other words too ("mañana", "morgen"), and the words next to which they are.
    pub ambiguous_day_words: &'static [&'static str],
    pub ambiguous_day_not_after: &'static [&'static str],
    pub ambiguous_day_not_before: &'static [&'static str],
    /// Phrases of a day by its distance from publication ("this morning" 0, "last night" -1).
    pub day_phrases: &'static [(Phrase, i64)],
    /// Before a count and a unit, for that long up to now ("desde hace", "da", "seit").
    pub since_ago: Phrases,
    /// Before a count and a unit, that long before publication ("hace", "il y a", "vor").
    pub ago_before: Phrases,
    /// After a count and a unit, that long before publication ("ago", "fa").
    pub ago_after: &'static [&'static str],
    /// After a count and a unit, that long after the date before ("later", "después").
    pub later_after: Phrases,
    /// After a count and a unit, that long before the date before ("earlier", "antes").
    pub earlier_after: Phrases,
    /// The day last told, else publication ("that day", "ese día", "ce jour-là").
    pub that_day: Phrases,
    /// The same, only before a mark or the line's end ("on the day.", "la jornada,").
    pub the_day: Phrases,
    /// The day after (1) or before (-1) the day last told ("le lendemain").
    pub next_day_words: Words<i64>,
    /// -1 last, 0 this, 1 next ("last", "pasado", "scorso", "dernier", "letzten").
    pub modifiers: Words<i64>,
    /// Modifiers relative to the text, not publication ("following", "siguiente").
    pub text_relative: &'static [&'static str],
    /// Modifiers that stand only after their noun ("anterior", "dopo", "dernière").
    pub after_noun_only: &'static [&'static str],
    /// Modifiers may follow their noun ("el año pasado", "l'anno scorso").
    pub modifier_after_noun: bool,
    /// After a noun, next ("que viene").
    pub coming_after_noun: Phrases,
    /// "next" before a day in a narration: the day after the one told.
    pub narrated_next: &'static [&'static str],
    /// The weekend ("weekend", "fin de semana", "Wochenende").
    pub weekend: Phrases,
    /// Before a day and month, the latest such day ("el pasado 8 de marzo").
    pub last_before_day: &'static [&'static str],
    /// Before a weekday, every one of them ("every", "cada", "ogni").
    pub weekday_every: &'static [&'static str],
    /// Before a weekday in the plural ("on Mondays"), every one of them.
    pub weekday_plural_leads: &'static [&'static str],
    /// Before "decade" or "century", the latest ("over the last decade").
    pub duration_last: &'static [&'static str],
    /// One word frequencies ("weekly", "semanalmente").
    pub frequency_adverbs: &'static [&'static str],
    /// When not empty, a frequency adverb is one only before these words (else an adjective).
    pub adverb_followers: &'static [&'static str],
    /// Between "every" and its unit ("every other week").
    pub every_fillers: &'static [&'static str],
    /// "Times" after a count ("two times a year", "due volte").
    pub times_words: &'static [&'static str],
    /// "Once", "twice", "zweimal".
    pub times_adverbs: &'static [&'static str],
    /// "A", "per", "al" between a number of times and the unit.
    pub per_words: &'static [&'static str],
    /// Between an approximation word and its date ("alrededor de", "intorno al").
    pub approximate_links: &'static [&'static str],
    /// After a time of day, read with it ("UTC", "h", "Uhr").
    pub time_suffixes: &'static [&'static str],
    /// After an hour, a time of day with the minutes after ("14 h 30", "14 Uhr").
    pub hour_words: &'static [&'static str],
    /// Before the part of the day after an hour ("de la", "in the"); an empty phrase for none.
    pub day_part_leads: Phrases,
    /// Parts of the day: whether after noon ("morning" false, "evening" true).
    pub day_parts: Words<bool>,
    /// Dates with no value: "now", "recently", "actualmente", "derzeit".
    pub vague: Phrases,
    /// A count with no number, before a unit: "a few", "unos", "qualche", "quelques", "wenigen"
    /// ("a few days ago" has no value).
    pub few: Phrases,
    /// A part of the year in one word, as a part word's index: "Jahresbeginn" 0, "Jahresende" 2.
    pub year_part_words: Words<u8>,
    /// Words before a vague word that make it another word ("un’ora" is an hour).
    pub vague_not_after: &'static [&'static str],
    /// Words between "this" and its noun ("this very day", "esta misma semana").
    pub same_words: &'static [&'static str],
    /// Prepositions with an article in them before a relative date ("al día siguiente").
    pub relative_leads: &'static [&'static str],
    /// Nouns that a number standing for a count comes before ("2013 users"), besides the
    /// lexicon's list.
    pub counted_nouns: &'static [&'static str],
    /// Words before a number that make it an identifier ("article 2013"), besides the lexicon's.
    pub number_names: &'static [&'static str],
    /// The tense of a clause.
    pub tense: Tense,
}

/// The words that tell a clause's tense: future first, then the past.
pub(crate) struct Tense {
    pub future_words: &'static [&'static str],
    /// Endings and the length a word must have for them to count ("rá", 3).
    pub future_endings: Words<usize>,
    /// Two words in a row that make a future ("going to", "va a").
    pub future_pairs: &'static [(&'static str, &'static str)],
    pub past_words: &'static [&'static str],
    pub past_endings: Words<usize>,
    /// Auxiliaries before a participle ("ha firmado", "hat unterschrieben").
    pub perfect_aux: &'static [&'static str],
    pub participle_endings: Words<usize>,
}

/// The table of `lang`.
pub fn of(lang: Lang) -> &'static Conventions {
    match lang {
        Lang::En => &en::CONVENTIONS,
        Lang::Es => &es::CONVENTIONS,
        Lang::It => &it::CONVENTIONS,
        Lang::Fr => &fr::CONVENTIONS,
        Lang::De => &de::CONVENTIONS,
    }
}

/// The value of `w` in `words`.
pub fn find<T: Copy>(words: Words<T>, w: &str) -> Option<T> {
    words.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
}

/// Whether `w` (lower case) is a month or a century's noun in a language that writes an ordinal
/// with a period ("3. Mai", "19. Jahrhundert"): the period before it ends no sentence.
pub(crate) fn follows_an_ordinal_period(w: &str) -> bool {
    Lang::ALL
        .iter()
        .map(|&l| of(l))
        .filter(|c| c.ordinal_suffixes.contains(&"."))
        .any(|c| find(c.months, w).is_some() || c.century_nouns.contains(&w))
}

/// The words of a table's list, without their values.
fn names<T>(words: Words<T>) -> impl Iterator<Item = &'static str> {
    words.iter().map(|(n, _)| *n)
}

fn trigger_set(lang: Lang) -> HashSet<&'static str> {
    let c = of(lang);
    let mut set: HashSet<&'static str> = HashSet::new();
    set.extend(names(c.months));
    set.extend(names(c.seasons));
    set.extend(names(c.weekdays));
    set.extend(c.cardinals.iter().map(|&(n, _)| n));
    set.extend(c.ordinals.iter().map(|&(n, _)| n));
    set.extend(c.century_words.iter().map(|&(n, _)| n));
    set.extend(c.units.iter().map(|&(n, _)| n));
    set.extend(c.some_number.iter().chain(c.approximate).chain(c.rule_words).chain(c.function_words));
    set.extend(names(c.century_names));
    set.extend(names(c.decade_words));
    set.extend(names(c.part_words));
    set.extend(names(c.year_part_words));
    set.extend(names(c.quarter_letters));
    set.extend(names(c.day_words));
    set.extend(names(c.next_day_words));
    set.extend(names(c.modifiers));
    set.extend(c.frequency_adverbs.iter().chain(c.times_adverbs).chain(c.frequency_every).chain(c.decade_nouns));
    set.extend(c.decade_articles.iter().chain(c.decade_number_articles).chain(c.range_openers).chain(c.year_nouns));
    set.extend(c.quarter_nouns.iter().chain(c.half_nouns).chain(c.last_before_day).chain(c.century_nouns));
    // Every word of a phrase: a phrase that starts with an article goes on to a word that starts
    // a rule, as the shortcut requires.
    let phrases = [c.since, c.until, c.since_ago, c.ago_before, c.that_day, c.the_day, c.weekend, c.vague, c.few];
    let steps = phrases.iter().flat_map(|p| p.iter()).chain(c.day_phrases.iter().map(|(p, _)| p));
    set.extend(steps.flat_map(|p| p.iter()).flat_map(|s| s.iter()).filter(|w| w.chars().all(char::is_alphabetic)));
    set
}

static TRIGGERS: LazyLock<Vec<HashSet<&'static str>>> =
    LazyLock::new(|| Lang::ALL.iter().map(|&l| trigger_set(l)).collect());

/// Every word of `lang`'s table a rule may start with.
pub(crate) fn triggers(lang: Lang) -> &'static HashSet<&'static str> {
    // `Lang::ALL` is in the order of the enum's variants.
    &TRIGGERS[lang as usize]
}
