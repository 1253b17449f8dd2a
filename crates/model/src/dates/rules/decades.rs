//! Decades and centuries: "the 1990s", "los noventa", "anni ’90", "the 19th century", "siglo XIX",
//! "l'Ottocento".

use super::{Point, Reader, plausible_year};
use crate::dates::lang;
use crate::dates::lexicon as lex;

impl Reader<'_, '_> {
    /// "the 1990s" (numeric forms are read in [`Reader::numeric`]), "the nineties", "anni ’90",
    /// "anni novanta", "años 90", "los noventa".
    pub(super) fn decade(&self, i: usize) -> Option<(usize, Point)> {
        let t = self.t;
        let c = self.c();
        // "the nineties", "the 80s", "die achtziger Jahre", "die 80er Jahre"
        if self.is(i, c.decade_articles) {
            let j = i + 1;
            let noun = |k: usize| if self.is(k, c.decade_after) { k + 1 } else { k };
            if let Some(tens) = t.is_word(j).then(|| lex::decade_word(self.lang, self.w(j))).flatten() {
                return Some((noun(j + 1), decade_of(tens)));
            }
            if let Some(n) =
                t.int(j, 2).filter(|_| t.raw(j).len() == 2 && self.is(j + 1, c.decade_suffixes) && t.glued(j + 1))
            {
                return Some((noun(j + 2), decade_of(n - n % 10)));
            }
            if c.decade_nouns.is_empty() {
                return None;
            }
        }
        // "los 70", "los '80": the plural article before a round number of two digits, when no
        // noun follows it ("los 70 empleados" are people).
        if self.is(i, c.decade_number_articles) {
            let j = if t.is_mark(i + 1, &["’", "'"]) { i + 2 } else { i + 1 };
            if let Some(n) = t.int(j, 2).filter(|n| t.raw(j).len() == 2 && n % 10 == 0)
                && (!t.is_word(j + 1) || lex::function_word(self.lang, self.w(j + 1)))
                && !self.is(j + 1, c.decade_number_stops)
            {
                return Some((j + 1, decade_of(n)));
            }
        }
        if !self.is(i, c.decade_nouns) {
            return None;
        }
        let mut j = i + 1;
        // "la década de los noventa", "il decennio degli anni ’90"
        if self.is(i, c.decade_collectives) {
            j = self.articles(self.of(j));
            if self.is(j, c.decade_nouns) {
                j += 1;
            }
        }
        if t.is_mark(j, &["’", "'"]) {
            j += 1;
        }
        if let Some(n) = t.int(j, 4) {
            let len = t.raw(j).len();
            if len == 2 && n % 10 == 0 {
                return Some((j + 1, decade_of(n)));
            }
            if len == 4 && n % 10 == 0 && plausible_year(n) {
                return Some((j + 1, Point { year: Some(n), x: 1, ..Point::default() }));
            }
            return None;
        }
        let tens = t.is_word(j).then(|| lex::decade_word(self.lang, self.w(j))).flatten()?;
        Some((j + 1, decade_of(tens)))
    }

    /// "nel XIX secolo", "il secolo XIX", "en el siglo XIX", "the 19th century", "the nineteenth
    /// century", "l'Ottocento".
    pub(super) fn century(&self, i: usize) -> Option<(usize, Point)> {
        let t = self.t;
        let of = |n: i64| (1..=21).contains(&n).then(|| Point { year: Some((n - 1) * 100), x: 2, ..Point::default() });
        if t.capitalized(i)
            && let Some(y) = lang::find(self.c().century_names, self.w(i))
        {
            return Some((i + 1, Point { year: Some(y), x: 2, ..Point::default() }));
        }
        let noun: &[&str] = lang::of(self.lang).century_nouns;
        let century_noun = |k: usize| self.is(k, noun);
        // Noun first: "siglo XIX", "secolo XIX", "siglo 19".
        if century_noun(i) {
            let n = self.roman_at(i + 1).or_else(|| t.int(i + 1, 2))?;
            return of(n).map(|p| (i + 2, p));
        }
        // Number first: "XIX secolo", "19th century", "nineteenth century", "diciannovesimo secolo".
        let (n, next) = if let Some(n) = self.roman_at(i) {
            (n, i + 1)
        } else if let Some(n) = lex::century_word(self.lang, self.w(i)) {
            (n, i + 1)
        } else if let Some(n) = t.int(i, 2) {
            let mut k = i + 1;
            if t.glued(k) && self.any(k, self.c().ordinal_suffixes) {
                k += 1;
            }
            (n, k)
        } else {
            return None;
        };
        century_noun(next).then_some(())?;
        of(n).map(|p| (next + 1, p))
    }

    /// A Roman numeral of a century at `i`, with an ordinal's letters glued after it (`XIXe`).
    pub(super) fn roman_at(&self, i: usize) -> Option<i64> {
        let raw = self.t.raw(i);
        roman(raw).or_else(|| {
            let suffix =
                self.c().ordinal_suffixes.iter().find(|s| s.chars().all(char::is_alphabetic) && raw.ends_with(*s))?;
            roman(&raw[..raw.len() - suffix.len()])
        })
    }
}

/// A decade by its tens: 20 is the 1920s, 10 the 2010s.
pub(super) fn decade_of(tens: i64) -> Point {
    Point {
        year: Some(if (0..30).contains(&tens) && tens != 20 { 2000 + tens } else { 1900 + tens }),
        x: 1,
        ..Point::default()
    }
}

/// Reads a Roman numeral of a century (I to XXI), upper case only.
fn roman(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 6 || !s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return None;
    }
    let value = |b: u8| match b {
        b'I' => 1,
        b'V' => 5,
        _ => 10,
    };
    let b = s.as_bytes();
    let mut total = 0;
    for k in 0..b.len() {
        let v = value(b[k]);
        if b.get(k + 1).is_some_and(|&n| value(n) > v) { total -= v } else { total += v }
    }
    (1..=21).contains(&total).then_some(total)
}
