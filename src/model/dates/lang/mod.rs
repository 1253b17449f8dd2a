//! One table of conventions per language (`en.rs`, `es.rs`, `it.rs`): the words its dates are
//! written with. The lexicon reads its words from here, and the words a rule may start with
//! (the trigger set the reader skips most words by) are derived from the tables, not kept by
//! hand beside them. Adding a language is a new table and its test cases.

mod en;
mod es;
mod it;

use std::collections::HashSet;
use std::sync::LazyLock;

use super::Lang;
use super::lexicon::Unit;

/// Word and value pairs, e.g. a month's names and abbreviations with its number.
pub type Words<T> = &'static [(&'static str, T)];

pub struct Conventions {
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
}

/// The table of `lang`.
pub fn of(lang: Lang) -> &'static Conventions {
    match lang {
        Lang::En => &en::CONVENTIONS,
        Lang::Es => &es::CONVENTIONS,
        Lang::It => &it::CONVENTIONS,
    }
}

/// The value of `w` in `words`.
pub fn find<T: Copy>(words: Words<T>, w: &str) -> Option<T> {
    words.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
}

fn trigger_set(lang: Lang) -> HashSet<&'static str> {
    let c = of(lang);
    let names = |w: &'static [(&'static str, _)]| w.iter().map(|&(n, _)| n).collect::<Vec<_>>();
    let mut set: HashSet<&'static str> = HashSet::new();
    set.extend(names(c.months));
    set.extend(names(c.seasons));
    set.extend(names(c.weekdays));
    set.extend(c.cardinals.iter().map(|&(n, _)| n));
    set.extend(c.ordinals.iter().map(|&(n, _)| n));
    set.extend(c.century_words.iter().map(|&(n, _)| n));
    set.extend(c.units.iter().map(|&(n, _)| n));
    set.extend(c.some_number.iter().chain(c.approximate).chain(c.rule_words).chain(c.function_words));
    set
}

static TRIGGERS: LazyLock<[HashSet<&'static str>; 3]> =
    LazyLock::new(|| [trigger_set(Lang::Es), trigger_set(Lang::It), trigger_set(Lang::En)]);

/// Every word of `lang`'s table a rule may start with.
pub fn triggers(lang: Lang) -> &'static HashSet<&'static str> {
    &TRIGGERS[lang as usize]
}
