//! The date reader: finds the dates written in Spanish, Italian, English, French and German text, each with its
//! byte span, the span of its sentence and an EDTF value, by the conventions users are told
//! (README, "Dates read from the sources"). Rules written for this project, over a token list,
//! in one pass with a bounded look-ahead: linear in the text, no backtracking.

mod lang;
mod lexicon;
mod rules;
mod sentences;
mod tokens;

use std::fmt::Write as _;
use std::ops::Range;

pub use sentences::sentences;

use self::rules::{Point, Reader, Value};
use self::tokens::Tokens;
use super::date::Edtf;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Es,
    It,
    En,
    Fr,
    De,
}

impl Lang {
    /// In the order of the variants.
    pub const ALL: [Self; 5] = [Self::Es, Self::It, Self::En, Self::Fr, Self::De];

    /// From a language code (`es`, `it-IT`, `en_GB`).
    pub(crate) fn from_code(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        match code.get(..2)? {
            "es" => Some(Self::Es),
            "it" => Some(Self::It),
            "en" => Some(Self::En),
            "fr" => Some(Self::Fr),
            "de" => Some(Self::De),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Es => "es",
            Self::It => "it",
            Self::En => "en",
            Self::Fr => "fr",
            Self::De => "de",
        }
    }

    /// The text's language when it is one the reader knows.
    pub fn detect(text: &str) -> Option<Self> {
        super::language::detect_language(text).and_then(Self::from_code)
    }
}

/// A publication day, for "yesterday" and "last year": (year, month, day).
pub type Published = (i64, u8, u8);

/// What an expression is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Date,
    /// "for three years": a length of time, no date.
    Duration,
    /// "every two weeks": a repetition, no date.
    Frequency,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::Duration => "duration",
            Self::Frequency => "frequency",
        }
    }
}

/// One expression found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Byte offsets into the text, `end` exclusive.
    pub start: usize,
    pub end: usize,
    /// The EDTF value; `None` for durations, frequencies, and dates that cannot be told (a
    /// "yesterday" without a publication date).
    pub when: Option<String>,
    pub kind: Kind,
    /// A word that names no exact date ("now", "recently", "actualmente"): never a value.
    pub vague: bool,
    /// The sentence holding it, in byte offsets.
    pub sentence: Range<usize>,
}

/// Every date expression in `text`, in order.
pub fn read(text: &str, lang: Lang, published: Option<Published>) -> Vec<Found> {
    let mut found = Vec::new();
    read_each(text, lang, published, |f| found.push(f));
    found
}

/// Bytes read at a time by [`read_each`], up to the next line break.
const PIECE: usize = 1 << 18;

/// Every date expression in `text`, in order, handed to `each` as soon as it is read. The text is
/// read a piece at a time, each cut at a line break after [`PIECE`] bytes, so that its tokens
/// and sentences take memory for a piece, not for the whole text: a sentence ends at a line
/// break and no expression runs across one that ends a line ([`tokens::ends_a_line`]), so the
/// cut changes nothing but the memory.
pub fn read_each(text: &str, lang: Lang, published: Option<Published>, mut each: impl FnMut(Found)) {
    let mut last = None;
    let mut base = 0;
    while base < text.len() {
        let cut = piece_end(text, base);
        last = read_piece(&text[base..cut], base, lang, published, false, last, &mut each);
        base = cut;
    }
}

/// Where the piece that begins at `base` ends: after the first line break at least [`PIECE`]
/// bytes on that ends a line (a wrapped paragraph is not cut), or at the end of the text.
fn piece_end(text: &str, base: usize) -> usize {
    let bytes = text.as_bytes();
    if bytes.len() - base <= PIECE {
        return bytes.len();
    }
    let mut line_start = base;
    for (k, &b) in bytes.iter().enumerate().skip(base + PIECE) {
        if b == b'\n' {
            if line_start > base + PIECE && tokens::ends_a_line(text, line_start, k) {
                return k + 1;
            }
            line_start = k + 1;
        }
    }
    bytes.len()
}

#[cfg(test)]
fn read_with(text: &str, lang: Lang, published: Option<Published>, every_token: bool) -> Vec<Found> {
    let mut found = Vec::new();
    read_piece(text, 0, lang, published, every_token, None, &mut |f| found.push(f));
    found
}

/// The expressions of `text`, a piece of a longer text that begins at byte `base` of it, with
/// offsets into the longer text; `last` is the latest date with a year before the piece, and the
/// latest after it is returned.
fn read_piece(
    text: &str,
    base: usize,
    lang: Lang,
    published: Option<Published>,
    every_token: bool,
    last: Option<Point>,
    each: &mut impl FnMut(Found),
) -> Option<Point> {
    let tokens = Tokens::new(text);
    let sentences = sentences(text);
    // A year in a case citation ("(Mo. banc 2010)") is no date the text goes on from.
    let citations = super::legal::citations(text);
    let mut reader = Reader::new(&tokens, lang, published);
    reader.every_token = every_token;
    reader.last = last;
    // The year in focus: that of the latest date with a year written earlier in the paragraph
    // (a line), for the days and months written without one.
    let mut focus: Option<i64> = None;
    let mut paragraph_end = 0;
    let mut i = 0;
    while i < tokens.len() {
        if i >= paragraph_end {
            paragraph_end = tokens.see_line_of(i);
            focus = None;
        }
        reader.focus = focus;
        let Some(m) = reader.at(i) else {
            i += 1;
            continue;
        };
        let (start, end) = (tokens.start(m.start), tokens.end(m.end - 1));
        let at = sentences.partition_point(|s| s.end <= start);
        let sentence = sentences.get(at).filter(|s| s.start <= start && end <= s.end).cloned().unwrap_or(start..end);
        let year = |p: Option<Point>| {
            let p = p?;
            if p.year.is_some() {
                return Some(p);
            }
            let y = match (focus, published) {
                (Some(y), _) => y,
                (None, Some(pb)) => {
                    let from = tokens.list.partition_point(|t| t.start < sentence.start);
                    let to = tokens.list.partition_point(|t| t.end <= sentence.end);
                    let tense = lexicon::tense(lang, (from..to.max(from)).map(|k| tokens.low(k)));
                    year_near_publication(&p, pb, tense)
                }
                (None, None) => reader.last.and_then(|p| p.year)?,
            };
            Some(Point { year: Some(y), ..p })
        };
        let (when, kind, latest) = match m.value {
            Value::Point(p) => {
                let p = year(Some(p));
                (p.and_then(|p| write_point(&p, m.approximate)), Kind::Date, p)
            }
            Value::Range(a, b) => {
                // Both ends without a year take the year of the end ("between April and June").
                let (a, b) = match (a, b) {
                    (Some(a), Some(b)) if a.year.is_none() && b.year.is_none() => {
                        let b = year(Some(b));
                        // "from November to February": the start in the year before.
                        let back = i64::from(a.month > b.and_then(|b| b.month));
                        let a = b.map(|b| Point { year: b.year.map(|y| y - back), ..a });
                        (a, b)
                    }
                    _ => (year(a), year(b)),
                };
                let when = write_range(a, b, m.approximate);
                (when, Kind::Date, b.or(a))
            }
            Value::Unknown | Value::Vague => (None, Kind::Date, None),
            Value::Duration => (None, Kind::Duration, None),
            Value::Frequency => (None, Kind::Frequency, None),
        };
        let open_ended = matches!(m.value, Value::Range(_, None) | Value::Range(None, _));
        // A value the EDTF reader refuses is no value (a day that does not exist).
        let when = when.filter(|w| Edtf::parse(w).is_ok());
        let cited = super::legal::within(&citations, &(start..end)).is_some();
        if when.is_some() && !m.relative && !cited && latest.is_some_and(|p| p.year.is_some() && p.x == 0) {
            reader.last = latest;
            // "since 1945" reaches to now: its year is not the one a paragraph goes on in.
            if !open_ended {
                focus = latest.and_then(|p| p.year);
            }
        }
        each(Found {
            start: base + start,
            end: base + end,
            when,
            kind,
            vague: matches!(m.value, Value::Vague),
            sentence: base + sentence.start..base + sentence.end,
        });
        i = m.end.max(i + 1);
    }
    reader.last
}

/// The year of a day or month written without one, read against the publication day by the
/// tense of its clause (`Some(true)` future, `Some(false)` past): in the past, the latest such
/// day on or before publication ("in August", told in March 2013, is August 2012); in the
/// future, the next one on or after it; in neither, the publication's year.
fn year_near_publication(p: &Point, published: Published, tense: Option<bool>) -> i64 {
    let (y, pm, pd) = published;
    let Some(m) = p.month else { return y };
    match tense {
        Some(true) if (m, p.day.unwrap_or(31)) < (pm, pd) => y + 1,
        Some(false) if (m, p.day.unwrap_or(1)) > (pm, pd) => y - 1,
        _ => y,
    }
}

fn write_point(p: &Point, approximate: bool) -> Option<String> {
    let y = p.year?;
    if !(0..=9999).contains(&y) {
        return None;
    }
    let mut s = match p.x {
        0 => format!("{y:04}"),
        1 => format!("{:03}X", y / 10),
        _ => format!("{:02}XX", y / 100),
    };
    if p.x == 0 {
        if let Some(season) = p.season {
            let _ = write!(s, "-{season}");
        } else if let Some(m) = p.month {
            let _ = write!(s, "-{m:02}");
            if let Some(d) = p.day {
                let _ = write!(s, "-{d:02}");
                if let Some((h, m)) = p.time {
                    let _ = write!(s, "T{h:02}:{m:02}");
                }
            }
        }
    }
    if approximate {
        s.push('~');
    }
    Some(s)
}

fn write_range(a: Option<Point>, b: Option<Point>, approximate: bool) -> Option<String> {
    let end = |p: Option<Point>| match p {
        Some(p) => write_point(&p, approximate),
        None => Some("..".to_owned()),
    };
    if a.is_none() && b.is_none() {
        return None;
    }
    Some(format!("{}/{}", end(a)?, end(b)?))
}

#[cfg(test)]
mod tests;
