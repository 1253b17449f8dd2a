//! Ranges and open-ended dates: "2011–2019", "from 2011 to 2019", "entre marzo y junio de 2014",
//! "since 2011", "until Friday", "by the end of 2019".

use super::relative::shift_day;
use super::{Match, Point, Reader, Value, found, plausible_year, valid_day};
use crate::dates::lang::{self, Phrases};
use crate::dates::lexicon as lex;

impl Reader<'_, '_> {
    /// A point, or two joined by a dash or "to" ("2011–2019", "marzo–giugno 2014").
    pub(super) fn point_or_bare_range(&mut self, i: usize) -> Option<Match> {
        let t = self.t;
        // "2011-2019", "2011–19" in one token.
        if t.is_number(i)
            && let Some((a, b)) = self.year_span_token(i)
        {
            return found(i, i + 1, Value::Range(Some(Point::year(a)), Some(Point::year(b))));
        }
        let (end, p) = self.point(i)?;
        let worded = self.is(end, self.c().point_joiners) && !self.is(end + 1, self.c().joiner_stops);
        if worded && p.year.is_some() {
            let k = if self.is(end, self.c().joiner_heads) && self.is(end + 1, self.c().range_joiners) {
                self.apostrophe(end + 2)
            } else {
                end + 1
            };
            let k = self.articles(k);
            if let Some((end2, q)) = self.point(k)
                && q.year.is_some()
                && ordered(p, q)
            {
                return found(i, end2, Value::Range(Some(p), Some(q)));
            }
        }
        if t.is_mark(end, &["–", "—", "-"]) {
            if let Some((end2, q)) = self.partial(end + 1)
                && let Some((a, b)) = join(p, q)
                && ordered(a, b)
                && (a.year.is_some() || b.year.is_some())
            {
                return found(i, end2, Value::Range(Some(a), Some(b)));
            }
            // "2011–19"
            if let (Some(y), Some(n)) = (p.year.filter(|_| p.month.is_none() && p.x == 0), t.int(end + 1, 2))
                && t.raw(end + 1).len() == 2
            {
                let b = y - y % 100 + n;
                if b > y {
                    return found(i, end + 2, Value::Range(Some(p), Some(Point::year(b))));
                }
            }
        }
        found(i, end, Value::Point(p))
    }

    /// A number token that is a span of years: `2011-2019`, `2011-19`.
    fn year_span_token(&self, i: usize) -> Option<(i64, i64)> {
        let raw = self.t.raw(i);
        let (a, b) = raw.split_once('-')?;
        if a.len() != 4 || !(b.len() == 4 || b.len() == 2) || self.identifier_before(i) {
            return None;
        }
        let a: i64 = a.parse().ok()?;
        let b: i64 = b.parse().ok()?;
        let b = if raw.len() == 7 { a - a % 100 + b } else { b };
        (plausible_year(a) && plausible_year(b) && b > a && b - a < 200).then_some((a, b))
    }

    /// "from 2011 to 2019", "between 2011 and 2019", "dal 2011 al 2019", "tra il 2011 e il
    /// 2019", "de 2011 a 2019", "desde 2011 hasta 2019", "entre 2011 y 2019", "da marzo a
    /// giugno 2014", "from 5 to 7 May 2014".
    pub(super) fn range(&mut self, i: usize) -> Option<Match> {
        let t = self.t;
        let (opens, joins): (&[&str], &[&str]) = (lang::of(self.lang).range_openers, lang::of(self.lang).range_joiners);
        if !self.is(i, opens) {
            return None;
        }
        let between = self.is(i, self.c().range_between);
        let j = self.articles(self.apostrophe(i + 1));
        let (end, a) = self.partial(j).or_else(|| self.bare_month(j))?;
        let mut k = end;
        let joined = self.is(k, joins) || t.is_mark(k, &["-", "–", "—"]);
        if !joined {
            return None;
        }
        let and_word = self.is(k, self.c().range_and);
        if and_word != between && !t.is_mark(k, &["-", "–"]) {
            return None;
        }
        if self.is(k, self.c().joiner_heads) {
            k += 1;
        }
        k += 1;
        let k = self.articles(self.apostrophe(k));
        let (end2, b) = self.partial(k).or_else(|| self.bare_month(k))?;
        let (a, b) = join(a, b)?;
        // "between April and June", "vom 12. bis 14. November": two months or two days without a
        // year take one from the text.
        if a.year.is_none()
            && b.year.is_none()
            && (a.month.is_none() || b.month.is_none() || a.day.is_some() != b.day.is_some())
        {
            return None;
        }
        ordered(a, b).then_some(Match {
            start: i,
            end: end2,
            value: Value::Range(Some(a), Some(b)),
            approximate: false,
            relative: false,
        })
    }

    /// "since 2011", "dal 2011", "desde 2011", "a partir de 2011" (`2011/..`); "by 2013",
    /// "until 2013", "entro il 2013", "fino al 2013", "hasta 2013", "para 2013" (`../2013`).
    pub(super) fn open_ended(&mut self, i: usize) -> Option<Match> {
        let t = self.t;
        // A phrase's words may have an apostrophe between them ("jusqu’au").
        let opener = |phrases: Phrases| {
            phrases
                .iter()
                .filter_map(|p| {
                    let mut k = i;
                    for step in *p {
                        if k > i {
                            k = self.apostrophe(k);
                        }
                        if !self.is(k, step) {
                            return None;
                        }
                        k += 1;
                    }
                    Some(k)
                })
                .max()
        };
        let (from, mut j) = match (opener(self.c().since), opener(self.c().until)) {
            (Some(j), _) => (true, j),
            (None, Some(j)) => (false, j),
            (None, None) => return None,
        };
        if !t.is_word(i) {
            return None;
        }
        j = self.articles(self.apostrophe(j));
        // "by the end of 2019": until the part.
        let (end, p) = if let Some(m) = self.part_of(j) {
            match m.value {
                Value::Range(Some(a), Some(b)) => (m.end, if from { a } else { b }),
                // "since the beginning of the year" with no year to tell: no value either.
                Value::Unknown => return found(i, m.end, Value::Unknown),
                _ => return None,
            }
        } else if !from
            && let Some(wd) = t.is_word(j).then(|| lex::weekday(self.lang, self.w(j))).flatten()
            && self.partial(j).is_none()
        {
            // "until Friday", "hasta el viernes", "entro venerdì": a deadline, the next such
            // day on or after publication.
            let value = self.published.map_or(Value::Unknown, |p| {
                let today = crate::date::day_from_civil(p.0, p.1, p.2);
                #[allow(clippy::cast_possible_truncation)]
                let today_wd = (today as i64 + 3).rem_euclid(7);
                Value::Range(None, Some(shift_day(p, (i64::from(wd) - today_wd).rem_euclid(7))))
            });
            return Some(Match { start: i, end: j + 1, value, approximate: false, relative: true });
        } else {
            let (end, p) = self.point(j)?;
            // "da marzo a giugno" is a range, read by `range`; "dal 5" alone is nothing.
            (end, p)
        };
        if p.year.is_none() && p.day.is_none() && p.month.is_none() {
            return None;
        }
        let value = if from { Value::Range(Some(p), None) } else { Value::Range(None, Some(p)) };
        found(i, end, value)
    }
}

/// Completes the start of a range from its end: "da marzo a giugno 2014", "from 5 to 7 May 2014".
fn join(a: Point, b: Point) -> Option<(Point, Point)> {
    let mut a = a;
    if a.year.is_none() {
        a.year = b.year;
        if a.month.is_none() && a.day.is_some() {
            a.month = b.month;
        }
    }
    let mut b = b;
    if b.year.is_none() && b.month.is_some() {
        b.year = a.year;
    }
    let months_alone = a.year.is_none() && b.year.is_none() && a.month.is_some() && b.month.is_some();
    if (a.year.is_none() && !months_alone)
        || (a.day.is_some() && a.month.is_none())
        || (b.day.is_some() && b.month.is_none())
    {
        return None;
    }
    if let (Some(y), Some(m), Some(d)) = (a.year, a.month, a.day)
        && !valid_day(y, m, d)
    {
        return None;
    }
    Some((a, b))
}

fn key(p: &Point) -> (i64, u8, u8) {
    (p.year.unwrap_or(0), p.month.or(p.season).unwrap_or(0), p.day.unwrap_or(0))
}

fn ordered(a: Point, b: Point) -> bool {
    match (a.year, b.year) {
        (Some(_), Some(_)) => key(&a) < key(&b),
        _ => true,
    }
}
