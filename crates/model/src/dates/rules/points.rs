//! Dates written in full or in part: numeric ("5/3/2014", "1908-05-13"), with a month's name
//! ("13 de mayo de 1908", "May 13, 1908", "in March"), seasons, ordinals and bare years.

use super::decades::decade_of;
use super::{Point, Reader, Value, plausible_year, two_digit_year, valid_day};
use crate::dates::lang;
use crate::dates::lexicon as lex;

impl Reader<'_, '_> {
    /// A date point starting at `i` (its end, exclusive, and the point), completed from the
    /// text's context when it has no year.
    pub(super) fn point(&self, i: usize) -> Option<(usize, Point)> {
        let (end, p) = self.partial(i)?;
        if p.year.is_none() && p.month.is_none() {
            return None;
        }
        Some((end, p))
    }

    /// Like [`Reader::point`], but a bare day number counts ("5" in "from 5 to 7 May").
    pub(super) fn partial(&self, i: usize) -> Option<(usize, Point)> {
        let t = self.t;
        // A weekday before a date: "lunedì 3 marzo", "Monday, March 3".
        if t.is_word(i) && lex::weekday(self.lang, self.w(i)).is_some() {
            let mut j = i + 1;
            if t.is_mark(j, &[","]) {
                j += 1;
            }
            j = self.articles(j);
            if let Some((end, p)) = self.partial(j)
                && p.day.is_some()
            {
                return Some((end, p));
            }
            return None;
        }
        if t.is_number(i) {
            return self.numeric(i);
        }
        if t.is_word(i) {
            return self.worded(i);
        }
        // "’90s", "'90s"
        if t.is_mark(i, &["’", "'"])
            && t.glued(i + 1)
            && let Some(y) = t.int(i + 1, 2).filter(|_| t.raw(i + 1).len() == 2)
            && self.is(i + 2, self.c().decade_suffixes)
            && t.glued(i + 2)
        {
            return Some((i + 3, Point { year: Some(1900 + y - y % 10), x: 1, ..Point::default() }));
        }
        // "in ’82", "del '05": a year of two digits after a word that makes it one.
        if t.is_mark(i, &["’", "'"])
            && t.glued(i + 1)
            && let Some(y) = t.int(i + 1, 2).filter(|_| t.raw(i + 1).len() == 2)
            && i > 0
            && self.is(i - 1, self.c().year_prepositions)
            && !(t.glued(i + 2) && (t.is_word(i + 2) || t.is_number(i + 2)))
        {
            return Some((i + 2, Point::year(two_digit_year(y))));
        }
        None
    }

    fn numeric(&self, i: usize) -> Option<(usize, Point)> {
        let t = self.t;
        let raw = t.raw(i);
        if raw.contains(['/', '-', '.']) {
            return self.numeric_date(i).map(|p| (i + 1, p));
        }
        if raw.contains(',') {
            return None;
        }
        let n: i64 = raw.parse().ok()?;
        // "1990s", "1980er Jahre", "80er Jahre"
        if self.is(i + 1, self.c().decade_suffixes) && t.glued(i + 1) && n % 10 == 0 {
            let after = if t.is_mark(i + 2, &["-"]) && self.is(i + 3, self.c().decade_after) { i + 3 } else { i + 2 };
            let noun = self.is(after, self.c().decade_after);
            if raw.len() == 4 {
                return Some((if noun { after + 1 } else { i + 2 }, Point { year: Some(n), x: 1, ..Point::default() }));
            }
            if raw.len() == 2 && noun {
                return Some((after + 1, decade_of(n)));
            }
        }
        if let Some(c) = self.century(i) {
            return Some(c);
        }
        // A day: "13 de mayo de 1908", "13 maggio 1908", "13th of May, 1908", "1º de mayo".
        if raw.len() <= 2 && (1..=31).contains(&n) {
            let mut j = i + 1;
            if t.glued(j) && self.any(j, self.c().ordinal_suffixes) {
                j += 1;
            }
            let k = self.of(j);
            // "al 24 de este mes", "il 24 di questo mese", "the 24th of this month".
            if k > j
                && let Some(r) = self.relative_named(k)
                && let Value::Point(p) = r.value
                && let (Some(y), Some(m), None) = (p.year, p.month, p.day)
            {
                let d = u8::try_from(n).ok()?;
                return valid_day(y, m, d).then_some((r.end, Point::day(y, m, d)));
            }
            if let Some(m) = t.is_word(k).then(|| lex::month(self.lang, self.w(k))).flatten() {
                let mut end = k + 1;
                if t.is_mark(end, &["."]) && lex::is_abbreviation(self.lang, self.w(k)) {
                    end += 1;
                }
                let mut y_at = self.of(end);
                if t.is_mark(y_at, &[","]) {
                    y_at += 1;
                }
                let d = u8::try_from(n).ok()?;
                if let Some(y) = t.int(y_at, 4).filter(|&y| t.raw(y_at).len() == 4 && plausible_year(y)) {
                    return valid_day(y, m, d).then_some((y_at + 1, Point::day(y, m, d)));
                }
                if lex::is_abbreviation(self.lang, self.w(k)) && !self.capital_abbreviation(k) {
                    return None;
                }
                return (d <= crate::date::days_in_month(2000, m))
                    .then_some((end, Point { month: Some(m), day: Some(d), ..Point::default() }));
            }
            return Some((j, Point { day: u8::try_from(n).ok(), ..Point::default() }));
        }
        if raw.len() == 4 && plausible_year(n) && self.year_here(i) {
            return Some((i + 1, Point::year(n)));
        }
        None
    }

    /// Whether a month's abbreviation is written as one: capitalised or followed by a period.
    fn capital_abbreviation(&self, k: usize) -> bool {
        self.t.capitalized(k) || self.t.is_mark(k + 1, &["."])
    }

    /// Whether the four-digit number at `i` reads as a year rather than a count, an amount or
    /// an identifier.
    fn year_here(&self, i: usize) -> bool {
        let t = self.t;
        let n = t.int(i, 4).unwrap_or(0);
        // Before: "$2013", "No. 2019", "art. 2013".
        let mut b = i.wrapping_sub(1);
        if t.is_mark(b, &["."]) {
            b = b.wrapping_sub(1);
        }
        if i > 0
            && (t.is_mark(i - 1, &["$", "€", "£", "#", "§", "№"])
                || (t.is_word(b) && lex::names_a_number(self.lang, self.w(b))))
        {
            return false;
        }
        // After: "2013 users", "2013%", "2013 €", "2013,5".
        if t.is_mark(i + 1, &["%", "€", "$", "£"]) || (t.is_word(i + 1) && lex::counted(self.lang, self.w(i + 1))) {
            return false;
        }
        if t.is_mark(i + 1, &[":"]) && t.glued(i + 1) && t.is_number(i + 2) {
            return false;
        }
        // Inside a name: "Russell 2000 Index", "Windows 2000 Server".
        if i > 0
            && t.is_word(i - 1)
            && t.capitalized(i - 1)
            && !self.may_start(i - 1)
            && t.is_word(i + 1)
            && t.capitalized(i + 1)
            && !self.may_start(i + 1)
        {
            return false;
        }
        // Years long past need a word that makes them dates.
        n >= 1900 || (i > 0 && self.is(i - 1, self.c().year_prepositions)) || self.is(i + 1, self.c().year_participles)
    }

    /// `5/3/2014`, `1908-05-13`, `2013-08`: numbers with separators.
    fn numeric_date(&self, i: usize) -> Option<Point> {
        let raw = self.t.raw(i);
        let sep = raw.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
        if raw.contains(',') || raw.chars().any(|c| !c.is_ascii_digit() && c != sep) {
            return None;
        }
        let parts: Vec<&str> = raw.split(sep).collect();
        let num = |s: &str| s.parse::<i64>().ok();
        match parts.as_slice() {
            [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
                let (y, m, d) = (num(y)?, u8::try_from(num(m)?).ok()?, u8::try_from(num(d)?).ok()?);
                valid_day(y, m, d).then_some(Point::day(y, m, d))
            }
            [a, b, y] if a.len() <= 2 && b.len() <= 2 && (y.len() == 4 || y.len() == 2) => {
                let y = if y.len() == 2 { two_digit_year(num(y)?) } else { num(y)? };
                let (a, b) = (u8::try_from(num(a)?).ok()?, u8::try_from(num(b)?).ok()?);
                let (d, m) = if self.c().month_first { (b, a) } else { (a, b) };
                valid_day(y, m, d).then_some(Point::day(y, m, d))
            }
            [y, m] if sep == '-' && y.len() == 4 && m.len() == 2 => {
                let (y, m) = (num(y)?, u8::try_from(num(m)?).ok()?);
                ((1..=12).contains(&m) && plausible_year(y) && !self.identifier_before(i)).then_some(Point::month(y, m))
            }
            _ => None,
        }
    }

    pub(super) fn identifier_before(&self, i: usize) -> bool {
        let mut b = i.wrapping_sub(1);
        if self.t.is_mark(b, &["."]) {
            b = b.wrapping_sub(1);
        }
        self.t.is_word(b) && lex::names_a_number(self.lang, self.w(b))
    }

    fn worded(&self, i: usize) -> Option<(usize, Point)> {
        let t = self.t;
        let w = self.w(i);
        if let Some(m) = lex::month(self.lang, w) {
            return self.after_month(i, m);
        }
        if let Some(s) = lex::season(self.lang, w) {
            let j = self.of(i + 1);
            let y = t.int(j, 4).filter(|&y| plausible_year(y) && t.raw(j).len() == 4)?;
            if w == "fall" && j == i + 1 && !t.capitalized(i) {
                return None;
            }
            return Some((j + 1, Point { year: Some(y), season: Some(s), ..Point::default() }));
        }
        if let Some(p) = self.decade(i) {
            return Some(p);
        }
        if let Some(p) = self.century(i) {
            return Some(p);
        }
        // "el primero de diciembre", "il primo maggio", "the first of December".
        let any_ordinal = self.c().ordinal_day_of;
        if let Some(d) = lex::ordinal(self.lang, w).filter(|&d| d == 1 || any_ordinal) {
            let k = self.of(i + 1);
            let named = t.is_word(k) && !lex::is_abbreviation(self.lang, self.w(k)) && (k > i + 1 || !any_ordinal);
            if let Some(m) = named.then(|| lex::month(self.lang, self.w(k))).flatten() {
                let mut y_at = self.of(k + 1);
                if t.is_mark(y_at, &[","]) {
                    y_at += 1;
                }
                if let Some(y) = t.int(y_at, 4).filter(|&y| t.raw(y_at).len() == 4 && plausible_year(y)) {
                    return valid_day(y, m, d).then_some((y_at + 1, Point::day(y, m, d)));
                }
                return Some((k + 1, Point { month: Some(m), day: Some(d), ..Point::default() }));
            }
        }
        // "the year 2011", "l'anno 2011", "el año 2011"
        if self.is(i, self.c().year_nouns) && t.int(i + 1, 4).is_some_and(plausible_year) && t.raw(i + 1).len() == 4 {
            let y = t.int(i + 1, 4)?;
            return Some((i + 2, Point::year(y)));
        }
        None
    }

    /// A month's full name alone, as the first end of a range names it ("between January and
    /// April 2016").
    pub(super) fn bare_month(&self, i: usize) -> Option<(usize, Point)> {
        let w = self.w(i);
        let m = lex::month(self.lang, w).filter(|_| self.t.is_word(i) && !lex::is_abbreviation(self.lang, w))?;
        (!self.c().capitalized_names || self.t.capitalized(i))
            .then_some((i + 1, Point { month: Some(m), ..Point::default() }))
    }

    /// After a month's name: "August 2013", "agosto de 2013", "May 13, 1908", "March 3", or
    /// the month alone after a preposition ("in March").
    fn after_month(&self, i: usize, m: u8) -> Option<(usize, Point)> {
        let t = self.t;
        let abbreviated = lex::is_abbreviation(self.lang, self.w(i));
        let mut j = i + 1;
        if abbreviated && t.is_mark(j, &["."]) {
            j += 1;
        }
        // English order: month, day[, year]
        let ambiguous = self.is(i, self.c().ambiguous_months);
        if self.c().month_first
            && let Some(d) = t.int(j, 2).filter(|d| (1..=31).contains(d))
        {
            let mut k = j + 1;
            if t.glued(k) && self.any(k, self.c().ordinal_suffixes) {
                k += 1;
            }
            let d = u8::try_from(d).ok()?;
            let mut y_at = k;
            if t.is_mark(y_at, &[","]) {
                y_at += 1;
            }
            if let Some(y) = t.int(y_at, 4).filter(|&y| plausible_year(y) && t.raw(y_at).len() == 4) {
                return valid_day(y, m, d).then_some((y_at + 1, Point::day(y, m, d)));
            }
            if (abbreviated || ambiguous) && !t.capitalized(i) {
                return None;
            }
            return Some((k, Point { month: Some(m), day: Some(d), ..Point::default() }));
        }
        let k = self.of(j);
        let k = if t.is_mark(k, &[","]) { k + 1 } else { k };
        if let Some(y) = t.int(k, 4).filter(|&y| plausible_year(y) && t.raw(k).len() == 4) {
            if ambiguous && !t.capitalized(i) {
                return None;
            }
            return Some((k + 1, Point::month(y, m)));
        }
        // "October of next year", "marzo del año que viene", "giugno dell'anno prossimo".
        if k > j
            && let Some((end, Some(y))) = self.relative_year(k)
        {
            return Some((end, Point::month(y, m)));
        }
        // "’13" after a month: "agosto ’13"
        if t.is_mark(k, &["’", "'"]) && t.int(k + 1, 2).is_some() && t.raw(k + 1).len() == 2 && t.glued(k + 1) {
            let y = two_digit_year(t.int(k + 1, 2)?);
            return Some((k + 2, Point::month(y, m)));
        }
        // The month alone, only where a preposition makes it one ("in March", "a marzo").
        if abbreviated || (self.c().capitalized_names && !t.capitalized(i)) {
            return None;
        }
        let before = i.checked_sub(1).map(|b| if t.is_mark(b, &["’", "'"]) { b.saturating_sub(1) } else { b })?;
        // "May" is a month after "in", "since", "until", "by", "from": not after "of" ("the
        // Theresa of May") nor "last" ("last May" is read as relative).
        if ambiguous && !self.is(before, self.c().ambiguous_month_prepositions) {
            return None;
        }
        let prepositions: &[&str] = lang::of(self.lang).month_prepositions;
        self.is(before, prepositions).then_some((j, Point { month: Some(m), ..Point::default() }))
    }
}
