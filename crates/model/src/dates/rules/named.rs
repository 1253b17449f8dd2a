//! A unit, month, season, weekday or weekend named with a modifier (-1 last, 0 this, 1 next):
//! "last year", "el mes pasado", "next June", "this weekend", "the following year".

use super::relative::{shift_day, shift_from};
use super::{Match, Point, Reader, Value, found};
use crate::dates::Published;
use crate::dates::lang;
use crate::dates::lexicon::{self as lex, Unit};

impl Reader<'_, '_> {
    pub(super) fn relative_named(&self, i: usize) -> Option<Match> {
        let t = self.t;
        let c = self.c();
        let modifier = |k: usize| t.is_word(k).then(|| lang::find(c.modifiers, self.w(k))).flatten();
        let start = i;
        // "al día siguiente": the article in the preposition.
        let j = if self.is(i, c.relative_leads) { i + 1 } else { self.articles(i) };
        // Text-relative: "the following year", "el año siguiente", "l'anno successivo".
        let text_relative = |k: i64, w: &str| c.text_relative.contains(&w) && k != 0;
        // modifier, then unit or weekday
        // Before the noun only the words that stand there: "lo scorso anno", "the next year",
        // never "dopo anni" ("after years").
        let m = self.apostrophe(j);
        let weekend = self.phrases(j, c.weekend);
        let (k, what, end, word) = if let Some(k) = modifier(m).filter(|_| !self.is(m, c.after_noun_only)) {
            let mut u = self.apostrophe(m + 1);
            if k == 0 && self.is(u, c.same_words) {
                u += 1;
            }
            (k, u, u + 1, self.w(m).to_owned())
        } else if let Some(after) = weekend.filter(|&e| e > j + 1)
            && let Some(k) = modifier(after).filter(|_| c.modifier_after_noun)
        {
            // "el fin de semana pasado"
            (k, j, after + 1, self.w(after).to_owned())
        } else if let Some(k) =
            modifier(j + 1).filter(|_| t.is_word(j) && c.modifier_after_noun && !self.ends_a_weekend(j))
        {
            (k, j, j + 2, self.w(j + 1).to_owned())
        } else if let Some(end) = self.phrases(j + 1, c.coming_after_noun) {
            (1, j, end, self.w(end - 1).to_owned())
        } else {
            return None;
        };
        let unit = self.unit(what);
        if !text_relative(k, &word)
            && let Some(m) = self.named_month_or_weekend(start, end, what, k)
        {
            return Some(m);
        }
        let weekday = t.is_word(what).then(|| lex::weekday(self.lang, self.w(what))).flatten();
        let season = t.is_word(what).then(|| lex::season(self.lang, self.w(what))).flatten();
        if unit.is_none() && weekday.is_none() && season.is_none() {
            return None;
        }
        if let Some(s) = season {
            if k != -1 {
                return None;
            }
            // The latest such season over before publication.
            let Some(p) = self.published else { return found(start, end, Value::Unknown) };
            let year = (p.0 - 2..=p.0).rev().find(|&y| season_end(y, s) <= (p.0, p.1))?;
            return found(start, end, Value::Point(Point { year: Some(year), season: Some(s), ..Point::default() }));
        }
        // "the next day" in a narration: the day after the one just told, not after publication.
        let narrated = self.c().narrated_next.contains(&word.as_str()) && j > start && self.last.is_some();
        if text_relative(k, &word) || narrated {
            let u = unit?;
            if matches!(u, Unit::Decade | Unit::Century) {
                return None;
            }
            let value = self.last.map_or(Value::Unknown, |p| shift_from(p, k, u));
            return found(start, end, value);
        }
        let Some(p) = self.published else { return found(start, end, Value::Unknown) };
        found(start, end, published_relative(p, k, unit, weekday)?)
    }

    /// Whether token `j` is the last word of a weekend of several words ("fin de semana").
    fn ends_a_weekend(&self, j: usize) -> bool {
        self.c()
            .weekend
            .iter()
            .any(|p| p.len() > 1 && j + 1 >= p.len() && self.phrase(j + 1 - p.len(), p) == Some(j + 1))
    }

    /// A month or a weekend after a modifier `k` (-1 last, 0 this, 1 next) at token `what`,
    /// the expression running `start..end`: "last June", "el pasado junio", "this weekend".
    fn named_month_or_weekend(&self, start: usize, end: usize, what: usize, k: i64) -> Option<Match> {
        let t = self.t;
        // "last June", "el pasado junio", "lo scorso giugno", "next October": the latest such
        // month before publication, the next after it, or this year's.
        let month = t
            .is_word(what)
            .then(|| lex::month(self.lang, self.w(what)))
            .flatten()
            .filter(|_| !lex::is_abbreviation(self.lang, self.w(what)));
        if let Some(m) = month {
            let Some(p) = self.published else { return found(start, end, Value::Unknown) };
            let y = match k {
                -1 if m < p.1 => p.0,
                -1 => p.0 - 1,
                1 if m > p.1 => p.0,
                1 => p.0 + 1,
                _ => p.0,
            };
            return found(start, end, Value::Point(Point::month(y, m)));
        }
        // "this weekend", "el fin de semana pasado", "lo scorso fine settimana".
        if let Some(after) = self.phrases(what, self.c().weekend) {
            // The modifier after the noun ("el fin de semana pasado") ends the expression.
            let end = if end > what + 1 && end > after { end } else { after };
            let Some(p) = self.published else { return found(start, end, Value::Unknown) };
            let today = crate::date::day_from_civil(p.0, p.1, p.2);
            #[allow(clippy::cast_possible_truncation)]
            let saturday = -(today as i64 + 3).rem_euclid(7) + 5 + 7 * k;
            return found(start, end, Value::Range(Some(shift_day(p, saturday)), Some(shift_day(p, saturday + 1))));
        }
        None
    }

    /// A year said relative to publication at `i` ("this year", "el año pasado", "l'anno
    /// prossimo"): its end and the year (`None` without a publication day).
    pub(super) fn relative_year(&self, i: usize) -> Option<(usize, Option<i64>)> {
        let m = self.relative_named(i)?;
        match m.value {
            Value::Point(p) if p.month.is_none() && p.x == 0 => Some((m.end, p.year)),
            Value::Unknown
                if self.unit(m.end - 1) == Some(Unit::Year) || self.unit(m.start + 1) == Some(Unit::Year) =>
            {
                Some((m.end, None))
            }
            _ => None,
        }
    }
}

/// A weekday, a year, a month or a week said relative to publication day `p`, `k` of them on
/// (-1 last, 0 this, 1 next).
fn published_relative(p: Published, k: i64, unit: Option<Unit>, weekday: Option<u8>) -> Option<Value> {
    if let Some(wd) = weekday {
        if k != -1 {
            return None;
        }
        // The latest such weekday strictly before publication.
        let today = crate::date::day_from_civil(p.0, p.1, p.2);
        #[allow(clippy::cast_possible_truncation)]
        let today_wd = (today as i64 + 3).rem_euclid(7); // 1970-01-01 was a Thursday (3)
        let back = (today_wd - i64::from(wd) - 1).rem_euclid(7) + 1;
        return Some(Value::Point(shift_day(p, -back)));
    }
    let value = match unit? {
        Unit::Year => Value::Point(Point::year(p.0 + k)),
        Unit::Month => {
            let idx = p.0 * 12 + i64::from(p.1) - 1 + k;
            Value::Point(Point::month(idx.div_euclid(12), u8::try_from(idx.rem_euclid(12) + 1).ok()?))
        }
        Unit::Week => {
            let today = crate::date::day_from_civil(p.0, p.1, p.2);
            #[allow(clippy::cast_possible_truncation)]
            let monday = -(today as i64 + 3).rem_euclid(7) + 7 * k;
            Value::Range(Some(shift_day(p, monday)), Some(shift_day(p, monday + 6)))
        }
        _ => return None,
    };
    Some(value)
}

/// The (year, month) a season of `year` is over by: winter runs into the next year.
fn season_end(year: i64, season: u8) -> (i64, u8) {
    match season {
        21 => (year, 6),
        22 => (year, 9),
        23 => (year, 12),
        _ => (year + 1, 3),
    }
}
