//! Dates said relative to publication or to the text: "yesterday", "two years ago", "hace tres
//! años", "two years later", "that day", "lo scorso 3 marzo", a weekday alone; vague words ("now",
//! "recently"); and the day arithmetic they share.

use super::{Match, Point, Reader, Value, found, valid_day};
use crate::dates::Published;
use crate::dates::lang;
use crate::dates::lexicon::{self as lex, Unit};
use crate::dates::tokens;

impl Reader<'_, '_> {
    /// A day said relative to publication: "today", "ayer", "domani", "this morning",
    /// "stasera", "last night".
    fn relative_day(&self, i: usize) -> Option<Match> {
        let c = self.c();
        let at = |end: usize, days: i64| {
            let value = self.published.map_or(Value::Unknown, |p| Value::Point(shift_day(p, days)));
            found(i, end, value)
        };
        // "this morning", "esta mañana", "aujourd’hui", "heute Morgen", "last night".
        if let Some((end, days)) = c.day_phrases.iter().filter_map(|&(p, d)| Some((self.phrase(i, p)?, d))).max() {
            return at(end, days);
        }
        // One word: "today", "ayer", "domani"; "mañana" not as "la mañana" (the morning).
        let days = self.t.is_word(i).then(|| lang::find(c.day_words, self.w(i))).flatten()?;
        if self.is(i, c.ambiguous_day_words)
            && (self.is(i.wrapping_sub(1), c.ambiguous_day_not_after) || self.is(i + 1, c.ambiguous_day_not_before))
        {
            return None;
        }
        at(i + 1, days)
    }

    /// A word with no exact date: "now", "recently", "actualmente", "di recente", "derzeit".
    fn vague(&self, i: usize) -> Option<Match> {
        let end = self.phrases(i, self.c().vague)?;
        let before =
            if self.t.is_mark(i.wrapping_sub(1), &["’", "'"]) { i.wrapping_sub(2) } else { i.wrapping_sub(1) };
        if self.is(before, self.c().vague_not_after) {
            return None;
        }
        found(i, end, Value::Vague)
    }

    /// "yesterday", "last year", "el mes pasado", "lunedì scorso", "two years ago", "hace tres
    /// años", "due anni fa"; "two years later", "dos años después", "due anni dopo"; "the
    /// following year", "l'anno successivo".
    pub(super) fn relative(&mut self, i: usize) -> Option<Match> {
        let t = self.t;
        let pubd = self.published;
        if !t.is_word(i) && !t.is_number(i) {
            return None;
        }
        if let Some(m) = self.vague(i).or_else(|| self.relative_day(i)) {
            return Some(m);
        }
        if let Some(m) = self.last_day_month(i) {
            return Some(m);
        }
        // "N units ago" / "hace N units" / "N units fa"; "N units later / dopo / después".
        // "desde hace tres años", "da tre anni": for that long, up to now.
        let c = self.c();
        // "desde hace tres años", "da tre anni", "depuis trois ans": that long up to now.
        if let Some(n_at) = self.phrases(i, c.since_ago)
            && let Some((_, unit_at)) = self.amount(n_at)
            && self.unit(unit_at).is_some()
            && !self.is(unit_at + 1, c.ago_after)
        {
            return found(i, unit_at + 1, Value::Duration);
        }
        // "hace tres años", "il y a trois ans", "vor drei Jahren"
        let ago_at = self.phrases(i, c.ago_before);
        let (hace, n_at) = match ago_at {
            Some(n_at) => (true, n_at),
            None => (false, i),
        };
        if let Some((n, unit_at)) = self.amount(n_at)
            && let Some(unit) = self.unit(unit_at)
        {
            let after = unit_at + 1;
            let ago = hace || self.is(after, c.ago_after);
            let later = self.phrases(after, c.later_after);
            let earlier = self.phrases(after, c.earlier_after);
            let end = if hace {
                after
            } else if ago {
                after + 1
            } else {
                later.or(earlier)?
            };
            // "a few days ago", "hace unos años": no day to tell.
            let Some(n) = n else { return found(i, end, Value::Vague) };
            if ago {
                let value = pubd.map_or(Value::Unknown, |p| Value::Point(back_from(p, -n, unit)));
                return found(i, end, value);
            }
            let signed = if later.is_some() { n } else { -n };
            let value = self.last.map_or(Value::Unknown, |p| shift_from(p, signed, unit));
            return found(i, end, value);
        }
        if let Some(m) = self.that_day(i) {
            return Some(m);
        }
        // "last year", "el año pasado", "l'anno scorso", "quest'anno", "last Monday".
        self.relative_named(i)
    }

    /// "that day", "the same day", "ese día", "el mismo día", "quel giorno", "lo stesso
    /// giorno": the day last told, when the text has told one.
    fn that_day(&self, i: usize) -> Option<Match> {
        let c = self.c();
        let last_day = self.last.filter(|p| p.day.is_some()).map(|p| Point { time: None, ..p });
        // "le lendemain", "la veille": the day after or before the one told.
        if let Some(days) = self.t.is_word(i).then(|| lang::find(c.next_day_words, self.w(i))).flatten() {
            let value = last_day.map_or(Value::Unknown, |p| shift_from(p, days, Unit::Day));
            return found(i, i + 1, value);
        }
        // "the day", "la jornada": only before a mark or the line's end (not "the day of the vote").
        let end = self.phrases(i, c.that_day).or_else(|| {
            self.phrases(i, c.the_day).filter(|&end| self.t.kind(end).is_none_or(|k| k == tokens::Kind::Mark))
        })?;
        // The day last told, else the day of publication.
        let value = last_day.or_else(|| self.published.map(|p| shift_day(p, 0))).map_or(Value::Unknown, Value::Point);
        found(i, end, value)
    }

    /// "lo scorso 3 marzo", "el pasado 8 de marzo": the latest such day before publication.
    fn last_day_month(&self, i: usize) -> Option<Match> {
        let j = self.articles(i);
        if !self.is(j, self.c().last_before_day) {
            return None;
        }
        let (end, p) = self.partial(j + 1)?;
        let (Some(m), Some(d), None) = (p.month, p.day, p.year) else { return None };
        let value = match self.published {
            Some(pb) => {
                let year = if (m, d) < (pb.1, pb.2) { pb.0 } else { pb.0 - 1 };
                if valid_day(year, m, d) { Value::Point(Point::day(year, m, d)) } else { Value::Unknown }
            }
            None => Value::Unknown,
        };
        found(i, end, value)
    }

    /// A weekday alone ("il giudice ha deciso lunedì", "on Monday"): the latest such day on or
    /// before publication, as news tell what happened.
    pub(super) fn weekday_alone(&self, i: usize) -> Option<Match> {
        let wd = self.t.is_word(i).then(|| lex::weekday(self.lang, self.w(i))).flatten()?;
        if self.c().capitalized_names && !self.t.capitalized(i) {
            return None;
        }
        // A weekday before its date ("jueves 4 de abril de 2019") is read with the date.
        if self.partial(i).is_some() {
            return None;
        }
        // A day's name ("Black Monday", "Cyber Monday", "Good Friday", "Super Tuesday").
        if i > 0 && self.t.capitalized(i - 1) && lex::names_a_day(self.w(i - 1)) {
            return None;
        }
        // "los lunes", "i lunedì": every Monday.
        if self.is(i.wrapping_sub(1), self.c().weekday_plural_leads) && self.w(i).ends_with('s') {
            return None;
        }
        if self.is(i.wrapping_sub(1), self.c().weekday_every) {
            return None;
        }
        // The clause's tense decides: "the court will rule on Friday" is the next Friday.
        let ahead = lex::tense(self.lang, (i.saturating_sub(8)..i + 4).map(|k| self.w(k))) == Some(true);
        let value = match self.published {
            Some(p) => {
                let today = crate::date::day_from_civil(p.0, p.1, p.2);
                #[allow(clippy::cast_possible_truncation)]
                let today_wd = (today as i64 + 3).rem_euclid(7);
                if ahead {
                    Value::Point(shift_day(p, (i64::from(wd) - today_wd).rem_euclid(7)))
                } else {
                    Value::Point(shift_day(p, -(today_wd - i64::from(wd)).rem_euclid(7)))
                }
            }
            None => Value::Unknown,
        };
        found(i, i + 1, value)
    }
}

pub(super) fn shift_day(p: Published, days: i64) -> Point {
    let day = crate::date::day_from_civil(p.0, p.1, p.2);
    #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
    let (y, m, d) = crate::date::civil_from_day(day as i64 + days);
    Point::day(y, m, d)
}

/// Publication moved back by `n` units (n negative), at the unit's precision.
fn back_from(p: Published, n: i64, unit: Unit) -> Point {
    match unit {
        Unit::Day => shift_day(p, n),
        Unit::Week => shift_day(p, 7 * n),
        Unit::Month => {
            let idx = p.0 * 12 + i64::from(p.1) - 1 + n;
            Point::month(idx.div_euclid(12), u8::try_from(idx.rem_euclid(12) + 1).unwrap_or(1))
        }
        Unit::Year => Point::year(p.0 + n),
        Unit::Decade => Point::year(p.0 + 10 * n),
        Unit::Century => Point::year(p.0 + 100 * n),
    }
}

/// A date told `n` units after `from` (before, when negative), as precise as both allow: two
/// days after 5 May is 7 May, the week after it the week from the next Monday, two months after
/// May is July; from a date with a year alone, the year.
pub(super) fn shift_from(from: Point, n: i64, unit: Unit) -> Value {
    let Some(y) = from.year else { return Value::Unknown };
    let day = from.month.zip(from.day).map(|(m, d)| (y, m, d));
    match (unit, day, from.month) {
        (Unit::Day, Some(p), _) => Value::Point(shift_day(p, n)),
        (Unit::Week, Some(p), _) => {
            let today = crate::date::day_from_civil(p.0, p.1, p.2);
            #[allow(clippy::cast_possible_truncation)]
            let monday = -(today as i64 + 3).rem_euclid(7) + 7 * n;
            Value::Range(Some(shift_day(p, monday)), Some(shift_day(p, monday + 6)))
        }
        (Unit::Month, _, Some(m)) => {
            let idx = y * 12 + i64::from(m) - 1 + n;
            u8::try_from(idx.rem_euclid(12) + 1)
                .map_or(Value::Unknown, |m| Value::Point(Point::month(idx.div_euclid(12), m)))
        }
        _ => Value::Point(Point::year(y + years_of(n, unit, from))),
    }
}

/// Whole years that `n` units move a date `from`, at year precision.
fn years_of(n: i64, unit: Unit, from: Point) -> i64 {
    match unit {
        Unit::Day | Unit::Week => {
            let days = if unit == Unit::Week { 7 * n } else { n };
            let (m, d) = (from.month.unwrap_or(1), from.day.unwrap_or(1));
            let y = from.year.unwrap_or(0);
            let day = crate::date::day_from_civil(y, m, d);
            #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
            let (ny, _, _) = crate::date::civil_from_day(day as i64 + days);
            ny - y
        }
        Unit::Month => {
            let m = i64::from(from.month.unwrap_or(1)) - 1 + n;
            m.div_euclid(12)
        }
        Unit::Year => n,
        Unit::Decade => 10 * n,
        Unit::Century => 100 * n,
    }
}
