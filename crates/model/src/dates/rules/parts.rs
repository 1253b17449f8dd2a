//! Parts of periods: the early, middle or late part of a year, month or decade ("early 2019",
//! "a finales de año", "Jahresende"), quarters and halves ("Q3 2019", "il primo semestre 2019").

use super::{Match, Point, Reader, Value, found, plausible_year};
use crate::dates::lang;
use crate::dates::lexicon::{self as lex, Unit};

impl Reader<'_, '_> {
    /// "early 2019", "all’inizio del 2019", "a principios de 2019", "mid-2019", "a metà del
    /// 2019", "a mediados de 2019", "late 2019", "alla fine del 2019", "a finales de 2019", and
    /// the same of a month or a decade.
    pub(super) fn part_of(&self, i: usize) -> Option<Match> {
        let t = self.t;
        let mut j = i;
        // A leading preposition belongs to the phrase: "a principios", "all’inizio", "at the end".
        let lead: &[&str] = self.c().part_leads;
        if self.is(j, lead) {
            j = self.articles(self.apostrophe(j + 1));
        } else if self.c().part_articles {
            j = self.articles(j);
        }
        // "Jahresbeginn", "Jahresende": the part of the year in one word.
        if let Some(part) = t.is_word(j).then(|| lang::find(self.c().year_part_words, self.w(j))).flatten() {
            return self.part_of_current_year(i, j + 1, part);
        }
        let part = t.is_word(j).then(|| lang::find(self.c().part_words, self.w(j))).flatten()?;
        let mut k = j + 1;
        if t.is_mark(k, &["-"]) {
            k += 1;
        }
        let k = self.articles(self.of(k));
        // "la fine" alone is no date: a year, month or decade must follow, or one said relative
        // to publication ("early last year").
        let (end, p) = match self.point(k).or_else(|| self.bare_month(k)) {
            Some(found) => found,
            // "the end of the year", "a finales de año", "fine anno", "la fin de l’année": the
            // year in focus, else the publication's.
            None if self.unit(k) == Some(Unit::Year) && !t.is_number(k + 1) => {
                return self.part_of_current_year(i, k + 1, part);
            }
            None => match self.relative_named(k)? {
                Match { end, value: Value::Point(p), .. } => (end, p),
                _ => return None,
            },
        };
        // "mid-March": the month of the latest year written, else of publication.
        let p = if p.year.is_none() {
            Point { year: self.last.and_then(|l| l.year).or(self.published.map(|p| p.0)), ..p }
        } else {
            p
        };
        let (a, b) = part_range(p, part)?;
        found(i, end, Value::Range(Some(a), Some(b)))
    }

    /// The year "the year" means: the one in focus in the paragraph, else the publication's.
    fn current_year(&self) -> Option<i64> {
        self.focus.or(self.published.map(|p| p.0))
    }

    /// Part `part` of the year "the year" means, the expression running `start..end`; without a
    /// year in focus or a publication day, a date with no value.
    fn part_of_current_year(&self, start: usize, end: usize, part: u8) -> Option<Match> {
        let Some(year) = self.current_year() else { return found(start, end, Value::Unknown) };
        let (a, b) = part_range(Point::year(year), part)?;
        found(start, end, Value::Range(Some(a), Some(b)))
    }

    /// "the third quarter of 2019", "il terzo trimestre del 2019", "el tercer trimestre de
    /// 2019", "Q3 2019", "3Q 2019"; halves: "the first half of 2019", "il primo semestre 2019".
    pub(super) fn quarter(&self, i: usize) -> Option<Match> {
        let t = self.t;
        let j = self.articles(i);
        let letter = t.is_word(j).then(|| lang::find(self.c().quarter_letters, self.w(j))).flatten();
        let (q, noun_at, quarters) =
            if let Some(halves) = letter.filter(|_| t.glued(j + 1) && t.int(j + 1, 1).is_some()) {
                let n = u8::try_from(t.int(j + 1, 1)?).ok()?;
                (n, None, !halves)
            } else if t.int(j, 1).is_some() && self.is(j + 1, &["q"]) && t.glued(j + 1) {
                (u8::try_from(t.int(j, 1)?).ok()?, None, true)
            } else {
                let n = t.is_word(j).then(|| lex::ordinal(self.lang, self.w(j))).flatten()?;
                let noun = j + 1;
                let quarters = self.is(noun, self.c().quarter_nouns);
                let halves = self.is(noun, self.c().half_nouns);
                if !quarters && !halves {
                    return None;
                }
                (n, Some(noun), quarters)
            };
        let after = noun_at.map_or(j + 2, |n| n + 1);
        let k = self.of(after);
        let k = if t.is_mark(k, &[","]) { k + 1 } else { k };
        // "of this year", "del año pasado": the year said relative to publication.
        let (y, k) = match t.int(k, 4).filter(|&y| plausible_year(y) && t.raw(k).len() == 4) {
            Some(y) => (Some(y), k),
            None => match self.relative_year(k) {
                Some((end, y)) => (y, end - 1),
                // "the fourth quarter": a quarter without a year, its year from the text.
                None if quarters && noun_at.is_some() => (None, after - 1),
                None => return None,
            },
        };
        let at = |m: u8| Point { year: y, month: Some(m), ..Point::default() };
        let (first, months) = if quarters {
            if !(1..=4).contains(&q) {
                return None;
            }
            (3 * (q - 1) + 1, 3)
        } else {
            if !(1..=2).contains(&q) {
                return None;
            }
            (6 * (q - 1) + 1, 6)
        };
        found(i, k + 1, Value::Range(Some(at(first)), Some(at(first + months - 1))))
    }
}

/// Early (0), mid (1) or late (2) part of a year, month or decade.
fn part_range(p: Point, part: u8) -> Option<(Point, Point)> {
    let y = p.year?;
    if p.day.is_some() || p.season.is_some() {
        return None;
    }
    if p.x == 1 {
        let (a, b) = [(0, 3), (4, 6), (7, 9)][usize::from(part)];
        return Some((Point::year(y + a), Point::year(y + b)));
    }
    if p.x > 1 {
        return None;
    }
    match p.month {
        None => {
            let (a, b) = [(1, 4), (5, 8), (9, 12)][usize::from(part)];
            Some((Point::month(y, a), Point::month(y, b)))
        }
        Some(m) => {
            let last = crate::date::days_in_month(y, m);
            let (a, b) = [(1, 10), (11, 20), (21, last)][usize::from(part)];
            Some((Point::day(y, m, a), Point::day(y, m, b)))
        }
    }
}
