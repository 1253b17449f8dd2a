//! Lengths of time and repetitions, which are no dates ("for three years", "every two weeks",
//! "twice a year"), and the counts and units they share with relative dates.

use super::{Match, Reader, Value, found};
use crate::dates::lang;
use crate::dates::lexicon::{self as lex, Unit};

impl Reader<'_, '_> {
    /// A count before a unit: a number or a number word ("tre", "two", "un").
    fn count(&self, i: usize) -> Option<i64> {
        if let Some(n) = self.t.int(i, 3) {
            return Some(n);
        }
        self.t.is_word(i).then(|| lex::cardinal(self.lang, self.w(i))).flatten()
    }

    pub(super) fn unit(&self, i: usize) -> Option<Unit> {
        self.t.is_word(i).then(|| lex::unit(self.lang, self.w(i))).flatten()
    }

    /// A count before a unit ("three", "3"), or a few ("a few", "unos", "qualche", "quelques",
    /// "wenigen"): the count (`None` for a few) and where the unit stands.
    pub(super) fn amount(&self, i: usize) -> Option<(Option<i64>, usize)> {
        if let Some(unit_at) = self.phrases(i, self.c().few) {
            return Some((None, unit_at));
        }
        self.count(i).map(|n| (Some(n), i + 1))
    }

    /// "for three years", "per quasi un decennio", "por casi diez años", "durante dos meses".
    pub(super) fn duration(&self, i: usize) -> Option<Match> {
        let t = self.t;
        let lead: &[&str] = lang::of(self.lang).duration_leads;
        let mut j = if self.is(i, lead) { i + 1 } else { i };
        let led = j > i;
        let articles: &[&str] = lang::of(self.lang).duration_articles;
        if self.is(j, articles) {
            j += 1;
        }
        let hedges: &[&str] = lang::of(self.lang).duration_hedges;
        let mut hedged = 0;
        while hedged < 3 && self.is(j, hedges) {
            j += 1;
            hedged += 1;
        }
        let counted = self.count(j).is_some() || (t.is_word(j) && lex::some_number(self.lang, self.w(j)));
        // "over the last decade", "nell'ultimo decennio", "en la última década"
        if !counted
            && self.is(j.wrapping_sub(1), self.c().duration_last)
            && matches!(self.unit(j), Some(Unit::Decade | Unit::Century))
        {
            return found(i, j + 1, Value::Duration);
        }
        if !counted {
            return None;
        }
        let unit_at = j + 1;
        self.unit(unit_at)?;
        // A year number is no count ("2011 years" does not occur; "año 2011" is a date).
        if t.int(j, 4).is_some_and(|n| n > 500) {
            return None;
        }
        // Bare "tre anni" with nothing before it still reads as a duration, unless it is the
        // start of something relative ("tre anni fa", read before this).
        if !led && hedged == 0 && !t.is_number(j) && lex::cardinal(self.lang, self.w(j)).is_none() {
            return None;
        }
        found(i, unit_at + 1, Value::Duration)
    }

    /// "every two weeks", "ogni due settimane", "cada dos semanas", "every year", "weekly",
    /// "twice a year", "due volte l'anno", "dos veces al año".
    pub(super) fn frequency(&self, i: usize) -> Option<Match> {
        let t = self.t;
        if !t.is_word(i) && !t.is_number(i) {
            return None;
        }
        let c = self.c();
        let adverb = self.is(i, c.frequency_adverbs);
        // "quarterly payments", "daily counts": an adjective before its noun is no frequency.
        let before_noun = !c.adverb_followers.is_empty() && t.is_word(i + 1) && !self.is(i + 1, c.adverb_followers);
        if adverb && !before_noun {
            return found(i, i + 1, Value::Frequency);
        }
        let every: &[&str] = lang::of(self.lang).frequency_every;
        if self.is(i, every) {
            let mut j = self.articles(i + 1);
            if self.count(j).is_some() || self.is(j, c.every_fillers) {
                j += 1;
            }
            if self.unit(j).is_some() || (t.is_word(j) && lex::weekday(self.lang, self.w(j)).is_some()) {
                return found(i, j + 1, Value::Frequency);
            }
            return None;
        }
        // "twice a year", "N times a month", "due volte l'anno", "dos veces al año"
        let (times_end, ok) = if self.is(i, c.times_adverbs) {
            (i + 1, true)
        } else if self.count(i).is_some() && self.is(i + 1, c.times_words) {
            (i + 2, true)
        } else {
            (i, false)
        };
        if ok {
            let mut j = times_end;
            if self.is(j, c.per_words) {
                j = self.articles(self.apostrophe(j + 1));
                if self.unit(j).is_some() {
                    return found(i, j + 1, Value::Frequency);
                }
            }
        }
        None
    }
}
