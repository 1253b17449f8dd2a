//! The rules: at each token, the longest date expression that starts there, tried in a fixed
//! order with a bounded look-ahead, so reading is linear in the text.
//!
//! Here the reader, its helpers over the tokens and the order the rules are tried in; the rules
//! themselves by what they read: `points` (a date written in full or in part), `time` (a time
//! of day), `decades` (decades and centuries), `ranges` (two ends, or one open), `parts` (parts
//! of periods, quarters and halves), `relative` and `named` (dates said relative to publication
//! or to the text), `durations` (lengths of time and repetitions, no dates).
// Token positions are `i`, `j`, `k` and the token list `t`, as in any hand-written scanner.
#![allow(clippy::many_single_char_names)]

mod decades;
mod durations;
mod named;
mod parts;
mod points;
mod ranges;
mod relative;
mod time;

use super::lang::{self, Conventions, Phrase, Phrases};
use super::lexicon as lex;
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
}

/// A plain match of tokens `start..end`; in `Option` for the rules' `?` chains.
#[allow(clippy::unnecessary_wraps)]
fn found(start: usize, end: usize, value: Value) -> Option<Match> {
    Some(Match { start, end, value, approximate: false, relative: false })
}
