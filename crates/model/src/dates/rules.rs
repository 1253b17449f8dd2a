//! The rules: at each token, the longest date expression that starts there, tried in a fixed
//! order with a bounded look-ahead, so reading is linear in the text.
// Token positions are `i`, `j`, `k` and the token list `t`, as in any hand-written scanner.
#![allow(clippy::many_single_char_names)]

use super::lang::{self, Conventions, Phrase, Phrases};
use super::lexicon::{self as lex, Unit};
use super::tokens::{self, Tokens};
use super::{Lang, Published};

/// A calendar position at some precision; missing parts are unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Point {
    pub year: Option<i64>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// 21–24.
    pub season: Option<u8>,
    /// Trailing year digits unspecified: 1 a decade, 2 a century.
    pub x: u8,
    /// A time of day (hour, minute), only with a day.
    pub time: Option<(u8, u8)>,
}

impl Point {
    fn year(y: i64) -> Self {
        Self { year: Some(y), ..Self::default() }
    }
    fn month(y: i64, m: u8) -> Self {
        Self { year: Some(y), month: Some(m), ..Self::default() }
    }
    fn day(y: i64, m: u8, d: u8) -> Self {
        Self { year: Some(y), month: Some(m), day: Some(d), ..Self::default() }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Point(Point),
    /// `None` ends are open (`..`).
    Range(Option<Point>, Option<Point>),
    /// A date whose value cannot be told (relative, with nothing to resolve it against).
    Unknown,
    /// A word that names no exact date ("now", "recently"): no value, whatever is known.
    Vague,
    Duration,
    Frequency,
}

/// One expression: tokens `start..end` and what it says.
pub(crate) struct Match {
    pub start: usize,
    pub end: usize,
    pub value: Value,
    pub approximate: bool,
    /// Said relative to publication or to the text ("yesterday", "two years later").
    pub relative: bool,
}

pub struct Reader<'a, 't> {
    t: &'a Tokens<'t>,
    lang: Lang,
    published: Option<Published>,
    /// The most recent date with a year written before the current position.
    pub last: Option<Point>,
    /// The year in focus: that of the latest date with a year written earlier in the paragraph.
    pub focus: Option<i64>,
    /// Tries every rule at every token, without the [`Reader::may_start`] shortcut (tests check
    /// that both read the same).
    pub every_token: bool,
    /// Per token: 0 no rule starts there, 1 an article or preposition, 2 a number or date word.
    class: Vec<u8>,
}

/// Whether `(y, m, d)` is a real day.
fn valid_day(y: i64, m: u8, d: u8) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= crate::date::days_in_month(y, m)
}

fn plausible_year(y: i64) -> bool {
    (1000..=2100).contains(&y)
}

/// A two-digit year in a numeric date: 00–49 are 2000s, the rest 1900s.
fn two_digit_year(y: i64) -> i64 {
    if y < 50 { 2000 + y } else { 1900 + y }
}

impl<'a, 't> Reader<'a, 't> {
    pub fn new(t: &'a Tokens<'t>, lang: Lang, published: Option<Published>) -> Self {
        let mut reader = Self { t, lang, published, last: None, focus: None, every_token: false, class: Vec::new() };
        reader.class = (0..t.len())
            .map(|i| match (reader.may_start(i), t.is_word(i) && lex::function_word(lang, reader.w(i))) {
                (false, _) => 0,
                (true, true) => 1,
                (true, false) => 2,
            })
            .collect();
        reader
    }

    fn w(&self, i: usize) -> &str {
        self.t.low(i)
    }

    /// The language's table.
    fn c(&self) -> &'static Conventions {
        lang::of(self.lang)
    }

    /// Whether token `i`, a word or a mark, is one of `words`.
    fn any(&self, i: usize, words: &[&str]) -> bool {
        self.t.kind(i).is_some() && words.contains(&self.w(i))
    }

    /// The end of `phrase` when it stands at `i`.
    fn phrase(&self, i: usize, phrase: Phrase) -> Option<usize> {
        let mut k = i;
        for step in phrase {
            if !self.any(k, step) {
                return None;
            }
            k += 1;
        }
        Some(k)
    }

    /// The end of the longest of `phrases` at `i`.
    fn phrases(&self, i: usize, phrases: Phrases) -> Option<usize> {
        phrases.iter().filter_map(|p| self.phrase(i, p)).max()
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        self.t.is_word(i) && words.contains(&self.w(i))
    }

    /// Skips an apostrophe glued after token `i - 1` ("l’", "dell’").
    fn apostrophe(&self, i: usize) -> usize {
        if self.t.is_mark(i, &["’", "'", "`", "´"]) { i + 1 } else { i }
    }

    /// Skips articles (and an elided article's apostrophe) at `i`, two at most: the look-ahead
    /// stays bounded.
    fn articles(&self, mut i: usize) -> usize {
        for _ in 0..2 {
            if self.is(i, self.c().articles) {
                i += 1;
            } else if self.is(i, self.c().elided_articles) && self.t.is_mark(i + 1, &["’", "'"]) {
                i += 2;
            } else {
                return i;
            }
        }
        i
    }

    /// Skips "of", "de", "del", "di" and the like between parts of a date.
    fn of(&self, i: usize) -> usize {
        let words: &[&str] = lang::of(self.lang).of_words;
        if self.is(i, words) { self.apostrophe(i + 1) } else { i }
    }

    /// Whether any rule can start at token `i`: most words of a text cannot, and are passed
    /// over with one look-up instead of every rule's (this doubles the reader's speed).
    fn may_start(&self, i: usize) -> bool {
        let t = self.t;
        match t.kind(i) {
            Some(tokens::Kind::Number) => true,
            Some(tokens::Kind::Mark) => t.is_mark(i, &["’", "'"]),
            Some(tokens::Kind::Word) => {
                let w = self.w(i);
                lex::starts_a_rule(self.lang, w) || self.roman_at(i).is_some()
            }
            None => false,
        }
    }

    /// [`Reader::may_start`], and for an article or a preposition (a fifth of all words), a
    /// number or a date word close after it: every rule that starts with one goes on to one.
    fn worth_trying(&self, i: usize) -> bool {
        match self.class.get(i) {
            Some(2) => true,
            Some(1) => self.class[i + 1..(i + 7).min(self.class.len())].contains(&2),
            _ => false,
        }
    }

    /// The expression starting at token `i`, if any.
    pub fn at(&mut self, i: usize) -> Option<Match> {
        if !self.every_token && !self.worth_trying(i) {
            return None;
        }
        // A time of day before its day: "16:08 UTC on 3 May 2024", "alle 14.30 del 3 maggio".
        if let Some((j, time)) = self.time_of_day(i) {
            let k = if self.is(j, lex::time_before_day(self.lang)) || self.t.is_mark(j, &[","]) { j + 1 } else { j };
            let k = self.articles(k);
            if let Some(m) = self.date_at(k)
                && let Value::Point(p) = m.value
                && p.day.is_some()
                && p.time.is_none()
            {
                return Some(Match { start: i, value: Value::Point(Point { time: Some(time), ..p }), ..m });
            }
        }
        let m = self.date_at(i)?;
        // A time of day after its day: "on 3 May 2024 at 16:08", "el 3 de mayo a las 9".
        if let Value::Point(p) = m.value
            && p.day.is_some()
            && p.time.is_none()
        {
            let mut j = m.end;
            if self.t.is_mark(j, &[","]) {
                j += 1;
            }
            for w in lex::time_after_day(self.lang) {
                if self.is(j, &[w]) {
                    j = self.apostrophe(j + 1);
                }
            }
            if let Some((end, time)) = self.time_of_day(j) {
                return Some(Match { end, value: Value::Point(Point { time: Some(time), ..p }), ..m });
            }
        }
        Some(m)
    }

    /// A time of day at `i`: "16:08", "10:32 p.m.", "14.30" after "alle" or "ore", "9 de la
    /// mañana", "9 pm"; a zone written after it ("UTC", "GMT") is read with it (times are UTC).
    fn time_of_day(&self, i: usize) -> Option<(usize, (u8, u8))> {
        let t = self.t;
        let raw = t.raw(i);
        if !t.is_number(i) {
            return None;
        }
        let hour_word = self.any(i + 1, self.c().hour_words);
        let (mut h, mut mi, mut j, clock) = if let Some((a, b)) = raw.split_once('.') {
            // "14.30" only after a word that says a time follows: "alle 14.30", "ore 9.15".
            let led = i > 0 && self.is(i - 1, lex::time_lead(self.lang));
            if !led || a.len() > 2 || b.len() != 2 || b.contains('.') {
                return None;
            }
            (a.parse::<u8>().ok()?, b.parse::<u8>().ok()?, i + 1, true)
        } else if raw.len() <= 2 && raw.bytes().all(|b| b.is_ascii_digit()) {
            let h = raw.parse::<u8>().ok()?;
            if t.is_mark(i + 1, &[":"]) && t.glued(i + 1) && t.glued(i + 2) && t.raw(i + 2).len() == 2 {
                (h, t.int(i + 2, 2).and_then(|m| u8::try_from(m).ok())?, i + 3, true)
            } else if hour_word {
                // "14 h 30", "14h30", "14 Uhr": minutes after the hour's word, if any.
                match t.int(i + 2, 2).filter(|_| t.raw(i + 2).len() == 2) {
                    Some(m) => (h, u8::try_from(m).ok()?, i + 3, true),
                    None => (h, 0, i + 2, true),
                }
            } else {
                (h, 0, i + 1, false)
            }
        } else {
            return None;
        };
        // "a.m.", "p.m.", "am", "pm"
        let meridiem = if self.is(j, &["am", "pm"]) {
            j += 1;
            Some(self.w(j - 1) == "pm")
        } else if self.is(j, &["a", "p"]) && t.is_mark(j + 1, &["."]) && self.is(j + 2, &["m"]) {
            let pm = self.w(j) == "p";
            j += 3;
            if t.is_mark(j, &["."]) && t.glued(j) {
                j += 1;
            }
            Some(pm)
        } else {
            None
        };
        if self.is(j, self.c().time_suffixes) {
            j += 1;
        }
        // "de la mañana", "di sera", "in the evening", "du soir"
        let afternoon = self.c().day_part_leads.iter().find_map(|lead| {
            let k = self.phrase(j, lead)?;
            let pm = self.t.is_word(k).then(|| lang::find(self.c().day_parts, self.w(k))).flatten()?;
            Some((k + 1, pm))
        });
        let afternoon = afternoon.map(|(end, pm)| {
            j = end;
            pm
        });
        if let Some(pm) = meridiem.or(afternoon) {
            if h == 0 || h > 12 {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
        } else if !clock {
            return None;
        }
        if self.is(j, self.c().time_suffixes) {
            j += 1;
        }
        if h > 23 || mi > 59 {
            return None;
        }
        mi = mi.min(59);
        Some((j, (h, mi)))
    }

    /// A date expression starting at token `i`, if any.
    fn date_at(&mut self, i: usize) -> Option<Match> {
        // "circa 2011", "alrededor de 2011", "intorno al 2011"
        if self.t.is_word(i) && lex::approximate(self.lang, self.w(i)) {
            let mut j = i + 1;
            if self.t.is_mark(j, &["."]) {
                j += 1;
            }
            if self.is(j, self.c().approximate_links) {
                j = self.apostrophe(j + 1);
            }
            j = self.articles(j);
            if let Some(m) = self.core(j)
                && matches!(m.value, Value::Point(_) | Value::Range(..))
            {
                return Some(Match { start: i, approximate: true, ..m });
            }
        }
        self.core(i)
    }

    fn core(&mut self, i: usize) -> Option<Match> {
        let t = self.t;
        if i >= t.len() {
            return None;
        }
        if let Some(m) = self.frequency(i) {
            return Some(m);
        }
        // Dates said relative to publication or to the text are not years written: they do not
        // become the context for a later "3 March".
        if let Some(m) = self.relative(i).or_else(|| self.weekday_alone(i)) {
            return Some(Match { relative: true, ..m });
        }
        self.duration(i)
            .or_else(|| self.range(i))
            .or_else(|| self.open_ended(i))
            .or_else(|| self.part_of(i))
            .or_else(|| self.quarter(i))
            .or_else(|| self.point_or_bare_range(i))
    }

    // ---- points -------------------------------------------------------------------------

    /// A date point starting at `i` (its end, exclusive, and the point), completed from the
    /// text's context when it has no year.
    fn point(&self, i: usize) -> Option<(usize, Point)> {
        let (end, p) = self.partial(i)?;
        if p.year.is_none() && p.month.is_none() {
            return None;
        }
        Some((end, p))
    }

    /// Like [`Reader::point`], but a bare day number counts ("5" in "from 5 to 7 May").
    fn partial(&self, i: usize) -> Option<(usize, Point)> {
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

    fn identifier_before(&self, i: usize) -> bool {
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
    fn bare_month(&self, i: usize) -> Option<(usize, Point)> {
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

    /// "the 1990s" (numeric forms are read in [`Reader::numeric`]), "the nineties", "anni ’90",
    /// "anni novanta", "años 90", "los noventa".
    fn decade(&self, i: usize) -> Option<(usize, Point)> {
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
    fn century(&self, i: usize) -> Option<(usize, Point)> {
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
    fn roman_at(&self, i: usize) -> Option<i64> {
        let raw = self.t.raw(i);
        roman(raw).or_else(|| {
            let suffix =
                self.c().ordinal_suffixes.iter().find(|s| s.chars().all(char::is_alphabetic) && raw.ends_with(*s))?;
            roman(&raw[..raw.len() - suffix.len()])
        })
    }

    /// A point, or two joined by a dash or "to" ("2011–2019", "marzo–giugno 2014").
    fn point_or_bare_range(&mut self, i: usize) -> Option<Match> {
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

    // ---- ranges ---------------------------------------------------------------------------

    /// "from 2011 to 2019", "between 2011 and 2019", "dal 2011 al 2019", "tra il 2011 e il
    /// 2019", "de 2011 a 2019", "desde 2011 hasta 2019", "entre 2011 y 2019", "da marzo a
    /// giugno 2014", "from 5 to 7 May 2014".
    fn range(&mut self, i: usize) -> Option<Match> {
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
    fn open_ended(&mut self, i: usize) -> Option<Match> {
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

    /// "early 2019", "all’inizio del 2019", "a principios de 2019", "mid-2019", "a metà del
    /// 2019", "a mediados de 2019", "late 2019", "alla fine del 2019", "a finales de 2019", and
    /// the same of a month or a decade.
    fn part_of(&self, i: usize) -> Option<Match> {
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
            // Without a year in focus or a publication day, a date with no value.
            let Some(year) = self.current_year() else { return found(i, j + 1, Value::Unknown) };
            let (a, b) = part_range(Point::year(year), part)?;
            return found(i, j + 1, Value::Range(Some(a), Some(b)));
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
            None if self.unit(k) == Some(Unit::Year) && !t.is_number(k + 1) => match self.current_year() {
                Some(year) => (k + 1, Point::year(year)),
                // Without a year in focus or a publication day, a date with no value.
                None => return found(i, k + 1, Value::Unknown),
            },
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

    /// A count before a unit ("three", "3"), or a few ("a few", "unos", "qualche", "quelques",
    /// "wenigen"): the count (`None` for a few) and where the unit stands.
    fn amount(&self, i: usize) -> Option<(Option<i64>, usize)> {
        if let Some(unit_at) = self.phrases(i, self.c().few) {
            return Some((None, unit_at));
        }
        self.count(i).map(|n| (Some(n), i + 1))
    }

    /// "the third quarter of 2019", "il terzo trimestre del 2019", "el tercer trimestre de
    /// 2019", "Q3 2019", "3Q 2019"; halves: "the first half of 2019", "il primo semestre 2019".
    fn quarter(&self, i: usize) -> Option<Match> {
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

    /// A year said relative to publication at `i` ("this year", "el año pasado", "l'anno
    /// prossimo"): its end and the year (`None` without a publication day).
    fn relative_year(&self, i: usize) -> Option<(usize, Option<i64>)> {
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

    // ---- relative, durations, frequencies -------------------------------------------------------

    /// A count before a unit: a number or a number word ("tre", "two", "un").
    fn count(&self, i: usize) -> Option<i64> {
        if let Some(n) = self.t.int(i, 3) {
            return Some(n);
        }
        self.t.is_word(i).then(|| lex::cardinal(self.lang, self.w(i))).flatten()
    }

    fn unit(&self, i: usize) -> Option<Unit> {
        self.t.is_word(i).then(|| lex::unit(self.lang, self.w(i))).flatten()
    }

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
    fn relative(&mut self, i: usize) -> Option<Match> {
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

    fn relative_named(&self, i: usize) -> Option<Match> {
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
    fn weekday_alone(&self, i: usize) -> Option<Match> {
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

    /// "for three years", "per quasi un decennio", "por casi diez años", "durante dos meses".
    fn duration(&self, i: usize) -> Option<Match> {
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
    fn frequency(&self, i: usize) -> Option<Match> {
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

/// A decade by its tens: 20 is the 1920s, 10 the 2010s.
fn decade_of(tens: i64) -> Point {
    Point {
        year: Some(if (0..30).contains(&tens) && tens != 20 { 2000 + tens } else { 1900 + tens }),
        x: 1,
        ..Point::default()
    }
}

/// A plain match of tokens `start..end`; in `Option` for the rules' `?` chains.
#[allow(clippy::unnecessary_wraps)]
fn found(start: usize, end: usize, value: Value) -> Option<Match> {
    Some(Match { start, end, value, approximate: false, relative: false })
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

/// The (year, month) a season of `year` is over by: winter runs into the next year.
fn season_end(year: i64, season: u8) -> (i64, u8) {
    match season {
        21 => (year, 6),
        22 => (year, 9),
        23 => (year, 12),
        _ => (year + 1, 3),
    }
}

fn shift_day(p: Published, days: i64) -> Point {
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
fn shift_from(from: Point, n: i64, unit: Unit) -> Value {
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
