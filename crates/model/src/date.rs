//! EDTF dates (ISO 8601-2 / Library of Congress Extended Date/Time Format), the subset a
//! chronology needs: levels 0 and 1 plus open and unknown interval ends.
//!
//! Every date covers a span of days at its precision (`2013-08` is all of August 2013). Time is
//! kept as `f64` days since 1970-01-01 in the proleptic Gregorian calendar with astronomical year
//! numbering (year 0 is 1 BCE), so years far outside chrono's range still place on an axis.

use std::fmt;

/// Days since 1970-01-01, fractional. The one time unit shared by model and layout.
pub type Day = f64;

/// Years beyond this are refused: f64 days stay exact to well under a day up to here, and no
/// chronology needs more (the age of the universe is 1.38e10 years).
pub const MAX_ABS_YEAR: i64 = 100_000_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    Year,
    Season,
    Month,
    Day,
}

/// One calendar date at some precision, with EDTF's qualifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DatePoint {
    pub year: i64,
    /// 1–12, or 21–24 for spring, summer, autumn, winter.
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// How many trailing year digits were `X` (`201X` → 1, `19XX` → 2).
    pub unspecified_year_digits: u8,
    pub approximate: bool,
    pub uncertain: bool,
    /// Time of day (EDTF level 0 `THH:MM[:SS]`, UTC), only with a day.
    pub time: Option<TimeOfDay>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeOfDay {
    /// Seconds since midnight.
    pub seconds: u32,
    /// Whether seconds were given (the span is a second rather than a minute).
    pub with_seconds: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    Date(DatePoint),
    /// `..`: the interval runs on without bound ("by 2013", "from 2011").
    Open,
    /// An empty end: a bound exists but is not known.
    Unknown,
}

/// A parsed `when`: a single date, or an interval of two endpoints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edtf {
    Single(DatePoint),
    Interval(Endpoint, Endpoint),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub input: String,
    pub message: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid date \"{}\": {}", self.input, self.message)
    }
}

impl std::error::Error for DateError {}

/// The span a date covers, ready for an axis, with how to draw its ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    pub start: Day,
    /// Exclusive.
    pub end: Day,
    pub open_start: bool,
    pub open_end: bool,
    pub approximate: bool,
    pub uncertain: bool,
    /// A single day (drawn as a marker rather than a bar).
    pub is_day: bool,
}

impl Span {
    /// A plain span of `len` days from `start`: no qualifiers, no open ends (tests and
    /// benchmarks build thousands).
    pub fn plain(start: Day, len: f64) -> Self {
        Self {
            start,
            end: start + len,
            open_start: false,
            open_end: false,
            approximate: false,
            uncertain: false,
            is_day: false,
        }
    }
}

impl Edtf {
    pub fn parse(input: &str) -> Result<Self, DateError> {
        let err = |message: &str| DateError { input: input.chars().take(80).collect(), message: message.to_owned() };
        let s = input.trim();
        if s.is_empty() {
            return Err(err("the date is empty"));
        }
        if s.len() > 64 {
            return Err(err("the date is too long to be EDTF"));
        }
        if let Some((a, b)) = s.split_once('/') {
            let start = parse_endpoint(a).map_err(|m| err(&m))?;
            let end = parse_endpoint(b).map_err(|m| err(&m))?;
            if !matches!(start, Endpoint::Date(_)) && !matches!(end, Endpoint::Date(_)) {
                return Err(err("an interval needs at least one known end"));
            }
            if let (Endpoint::Date(a), Endpoint::Date(b)) = (start, end)
                && b.span().1 <= a.span().0
            {
                return Err(err("the interval ends before it starts"));
            }
            Ok(Self::Interval(start, end))
        } else {
            parse_point(s).map(Self::Single).map_err(|m| err(&m))
        }
    }

    pub fn span(&self) -> Span {
        match *self {
            Self::Single(p) => {
                let (start, end) = p.span();
                Span {
                    start,
                    end,
                    open_start: false,
                    open_end: false,
                    approximate: p.approximate,
                    uncertain: p.uncertain,
                    is_day: p.day.is_some(),
                }
            }
            Self::Interval(a, b) => {
                let pa = point_of(a);
                let pb = point_of(b);
                // An open or unknown end takes the known end's own span, so "by 2013" is drawn
                // over 2013 with an arrow reaching back.
                let (start, end) = match (pa, pb) {
                    (Some(a), Some(b)) => (a.span().0, b.span().1),
                    (Some(a), None) => a.span(),
                    (None, Some(b)) => b.span(),
                    (None, None) => (0.0, 1.0),
                };
                let any = |f: fn(&DatePoint) -> bool| pa.is_some_and(|p| f(&p)) || pb.is_some_and(|p| f(&p));
                Span {
                    start,
                    end,
                    open_start: pa.is_none(),
                    open_end: pb.is_none(),
                    approximate: any(|p| p.approximate),
                    uncertain: any(|p| p.uncertain),
                    is_day: false,
                }
            }
        }
    }
}

fn point_of(e: Endpoint) -> Option<DatePoint> {
    match e {
        Endpoint::Date(p) => Some(p),
        Endpoint::Open | Endpoint::Unknown => None,
    }
}

fn parse_endpoint(s: &str) -> Result<Endpoint, String> {
    match s {
        ".." => Ok(Endpoint::Open),
        "" => Ok(Endpoint::Unknown),
        _ => parse_point(s).map(Endpoint::Date),
    }
}

fn parse_point(s: &str) -> Result<DatePoint, String> {
    let (body, approximate, uncertain) = match s.as_bytes().last() {
        Some(b'~') => (&s[..s.len() - 1], true, false),
        Some(b'?') => (&s[..s.len() - 1], false, true),
        Some(b'%') => (&s[..s.len() - 1], true, true),
        _ => (s, false, false),
    };
    let (body, time) = match body.split_once('T') {
        Some((date, time)) => (date, Some(parse_time(time)?)),
        None => (body, None),
    };
    let (year, unspecified_year_digits, rest) = parse_year(body)?;
    let mut parts = rest.split('-');
    // `rest` starts with '-' when a month follows, so the first split part is empty.
    let lead = parts.next().unwrap_or_default();
    if !lead.is_empty() {
        return Err(format!("unexpected \"{lead}\" after the year"));
    }
    let month_part = parts.next();
    let month = month_part.map(parse_month).transpose()?.flatten();
    let day = parts.next().map(|d| parse_day(d, year, month)).transpose()?.flatten();
    if let Some(extra) = parts.next() {
        return Err(format!("unexpected \"-{extra}\" after the day"));
    }
    if unspecified_year_digits > 0 && month_part.is_some() {
        return Err("a month cannot follow a year with unspecified digits".into());
    }
    if time.is_some() && day.is_none() {
        return Err("a time of day needs a full date (YYYY-MM-DDTHH:MM)".into());
    }
    Ok(DatePoint { year, month, day, unspecified_year_digits, approximate, uncertain, time })
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.sss`, with an optional `Z` (times are UTC).
fn parse_time(s: &str) -> Result<TimeOfDay, String> {
    let bad = || format!("the time \"{s}\" must be HH:MM or HH:MM:SS (UTC)");
    let t = s.strip_suffix('Z').unwrap_or(s);
    let mut parts = t.split(':');
    let hour = parts.next().and_then(two_digits).filter(|&h| h < 24).ok_or_else(bad)?;
    let minute = parts.next().and_then(two_digits).filter(|&m| m < 60).ok_or_else(bad)?;
    let second = match parts.next() {
        Some(sec) => {
            // Fractions of a second are accepted and dropped: no chronology needs them.
            let whole = sec.split_once('.').map_or(sec, |(w, frac)| {
                if frac.bytes().all(|b| b.is_ascii_digit()) && !frac.is_empty() { w } else { "" }
            });
            Some(two_digits(whole).filter(|&v| v < 60).ok_or_else(bad)?)
        }
        None => None,
    };
    if parts.next().is_some() {
        return Err(bad());
    }
    let seconds = u32::from(hour) * 3600 + u32::from(minute) * 60 + u32::from(second.unwrap_or(0));
    Ok(TimeOfDay { seconds, with_seconds: second.is_some() })
}

/// Returns the year, how many of its trailing digits were `X`, and what follows it.
fn parse_year(s: &str) -> Result<(i64, u8, &str), String> {
    let (negative, digits_start) = match s.as_bytes().first() {
        Some(b'-') => (true, 1),
        Some(b'Y') => {
            // Level 1 long year: Y170000002 or Y-170000002.
            let rest = &s[1..];
            let (neg, rest) = rest.strip_prefix('-').map_or((false, rest), |r| (true, r));
            let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            if end == 0 {
                return Err("\"Y\" must be followed by the year's digits".into());
            }
            let year = digits_to_year(&rest[..end], neg)?;
            return Ok((year, 0, &rest[end..]));
        }
        _ => (false, 0),
    };
    let body = &s[digits_start..];
    let end = body.find(|c: char| !(c.is_ascii_digit() || c == 'X')).unwrap_or(body.len());
    let digits = &body[..end];
    if digits.len() != 4 {
        return Err(if digits.is_empty() {
            "expected a four-digit year such as 2013".into()
        } else {
            format!("the year \"{digits}\" must have four digits (use Y{digits} for longer years)")
        });
    }
    let x_count = digits.bytes().rev().take_while(|&b| b == b'X').count();
    if digits[..4 - x_count].contains('X') {
        return Err("only the last digits of a year may be X".into());
    }
    let filled: String = digits.chars().map(|c| if c == 'X' { '0' } else { c }).collect();
    let year = digits_to_year(&filled, negative)?;
    if negative && year == 0 {
        return Err("-0000 is not a year".into());
    }
    Ok((year, u8::try_from(x_count).unwrap_or(4), &body[end..]))
}

fn digits_to_year(digits: &str, negative: bool) -> Result<i64, String> {
    let value: i64 = digits.parse().map_err(|_| format!("the year \"{digits}\" is out of range"))?;
    if value > MAX_ABS_YEAR {
        return Err(format!("the year {digits} is beyond ±{MAX_ABS_YEAR}"));
    }
    Ok(if negative { -value } else { value })
}

fn parse_month(s: &str) -> Result<Option<u8>, String> {
    if s == "XX" {
        return Ok(None);
    }
    let m: u8 = two_digits(s).ok_or_else(|| format!("the month \"{s}\" must be two digits"))?;
    match m {
        1..=12 | 21..=24 => Ok(Some(m)),
        _ => Err(format!("the month {s} does not exist (01–12, or 21–24 for seasons)")),
    }
}

/// `month` is `None` when it is absent or unspecified (`XX`).
fn parse_day(s: &str, year: i64, month: Option<u8>) -> Result<Option<u8>, String> {
    let month = match month {
        Some(m) if m <= 12 => m,
        Some(_) => return Err("a season cannot have a day".into()),
        None => {
            return if s == "XX" { Ok(None) } else { Err("a day needs a known month".into()) };
        }
    };
    if s == "XX" {
        return Ok(None);
    }
    let d: u8 = two_digits(s).ok_or_else(|| format!("the day \"{s}\" must be two digits"))?;
    let last = days_in_month(year, month);
    if d == 0 || d > last {
        return Err(format!("day {d} does not exist in {year}-{month:02} (it has {last} days)"));
    }
    Ok(Some(d))
}

fn two_digits(s: &str) -> Option<u8> {
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) { s.parse().ok() } else { None }
}

pub(crate) fn is_leap_year(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

pub fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given civil date (Howard Hinnant's algorithm, widened to i64).
#[allow(clippy::cast_precision_loss)] // |days| < 2^53 for every year we accept
pub fn day_from_civil(year: i64, month: u8, day: u8) -> Day {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) as Day
}

/// The civil date of a whole day number (inverse of [`day_from_civil`]).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // month and day are 1–31 by construction
pub fn civil_from_day(day: i64) -> (i64, u8, u8) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The EDTF month holding `day` ("2013-08", "-0044-03"), as a new event at that point of the
/// axis is dated; beyond four-digit years, the year alone in EDTF's long form ("Y-170000").
#[allow(clippy::cast_possible_truncation)] // a day on the axis is well within i64
pub fn month_holding(day: Day) -> String {
    let (y, m, _) = civil_from_day(day.floor() as i64);
    match y {
        0..=9999 => format!("{y:04}-{m:02}"),
        -9999..=-1 => format!("-{:04}-{m:02}", -y),
        _ => format!("Y{y}"),
    }
}

pub fn year_start(year: i64) -> Day {
    day_from_civil(year, 1, 1)
}

impl DatePoint {
    /// `[start, end)` in days.
    pub fn span(&self) -> (Day, Day) {
        if self.unspecified_year_digits > 0 {
            let width = 10_i64.pow(u32::from(self.unspecified_year_digits));
            return (year_start(self.year), year_start(self.year + width));
        }
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                let s = day_from_civil(self.year, m, d);
                match self.time {
                    Some(t) => {
                        let at = s + f64::from(t.seconds) / 86_400.0;
                        (at, at + if t.with_seconds { 1.0 } else { 60.0 } / 86_400.0)
                    }
                    None => (s, s + 1.0),
                }
            }
            (Some(m @ 21..=24), None) => {
                // Northern-hemisphere meteorological seasons; winter runs into the next year.
                let first = 3 * (m - 21) + 3;
                let s = day_from_civil(self.year, first, 1);
                let (ey, em) = if first + 3 > 12 { (self.year + 1, first + 3 - 12) } else { (self.year, first + 3) };
                (s, day_from_civil(ey, em, 1))
            }
            (Some(m), None) => {
                let s = day_from_civil(self.year, m, 1);
                let e = if m == 12 { year_start(self.year + 1) } else { day_from_civil(self.year, m + 1, 1) };
                (s, e)
            }
            (None, _) => (year_start(self.year), year_start(self.year + 1)),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(21..=24), None) => Precision::Season,
            (Some(_), None) => Precision::Month,
            (None, _) => Precision::Year,
        }
    }
}

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A year as a reader expects it: `2013`, `501 BCE` (astronomical year −500), `13.8 billion BCE`.
pub fn format_year(year: i64) -> String {
    if year > 0 {
        if year >= 100_000 { format!("{} CE", group_thousands(year.unsigned_abs())) } else { year.to_string() }
    } else {
        let bce = 1 - year;
        if bce >= 1_000_000_000 {
            #[allow(clippy::cast_precision_loss)] // display only
            let billions = bce as f64 / 1e9;
            format!("{billions:.1} billion BCE")
        } else if bce >= 1_000_000 {
            #[allow(clippy::cast_precision_loss)] // display only
            let millions = bce as f64 / 1e6;
            format!("{millions:.1} million BCE")
        } else if bce >= 10_000 {
            format!("{} BCE", group_thousands(bce.unsigned_abs()))
        } else {
            format!("{bce} BCE")
        }
    }
}

/// `1234567` as `1,234,567`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for DatePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("about ")?;
        }
        if self.unspecified_year_digits > 0 {
            write!(f, "the {}s", format_year(self.year))?;
        } else {
            match (self.month, self.day) {
                (Some(m @ 1..=12), Some(d)) => {
                    write!(f, "{d} {} {}", MONTH_NAMES[usize::from(m - 1)], format_year(self.year))?;
                    if let Some(t) = self.time {
                        let (hours, minutes, secs) = (t.seconds / 3600, t.seconds / 60 % 60, t.seconds % 60);
                        if t.with_seconds {
                            write!(f, ", {hours:02}:{minutes:02}:{secs:02}")?;
                        } else {
                            write!(f, ", {hours:02}:{minutes:02}")?;
                        }
                    }
                }
                (Some(m @ 1..=12), None) => {
                    write!(f, "{} {}", MONTH_NAMES[usize::from(m - 1)], format_year(self.year))?;
                }
                (Some(m), _) => {
                    let season = ["spring", "summer", "autumn", "winter"][usize::from((m - 21).min(3))];
                    write!(f, "{season} {}", format_year(self.year))?;
                }
                (None, _) => f.write_str(&format_year(self.year))?,
            }
        }
        if self.uncertain {
            f.write_str(" (uncertain)")?;
        }
        Ok(())
    }
}

impl fmt::Display for Edtf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Single(p) => write!(f, "{p}"),
            Self::Interval(Endpoint::Date(a), Endpoint::Date(b)) => write!(f, "{a} – {b}"),
            Self::Interval(Endpoint::Date(a), Endpoint::Open) => write!(f, "from {a} on"),
            Self::Interval(Endpoint::Date(a), Endpoint::Unknown) => write!(f, "from {a} (end unknown)"),
            Self::Interval(Endpoint::Open, Endpoint::Date(b)) => write!(f, "by {b}"),
            Self::Interval(Endpoint::Unknown, Endpoint::Date(b)) => write!(f, "until {b} (start unknown)"),
            Self::Interval(..) => f.write_str("unknown"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(s: &str) -> (Day, Day) {
        let sp = Edtf::parse(s).expect(s).span();
        (sp.start, sp.end)
    }

    #[test]
    fn civil_round_trip_known_days() {
        assert!((day_from_civil(1970, 1, 1) - 0.0).abs() < f64::EPSILON);
        assert!((day_from_civil(2000, 3, 1) - 11_017.0).abs() < f64::EPSILON);
        assert_eq!(civil_from_day(11_017), (2000, 3, 1));
        assert_eq!(civil_from_day(-1), (1969, 12, 31));
    }

    #[test]
    fn times_of_day_place_within_their_day() {
        let day = day_from_civil(2013, 8, 5);
        let (a, b) = span("2013-08-05T14:30");
        assert!((a - (day + 14.5 / 24.0)).abs() < 1e-9 && (b - a - 60.0 / 86_400.0).abs() < 1e-9);
        let (a, b) = span("2013-08-05T14:30:15Z");
        assert!((a - (day + (14.5 * 3600.0 + 15.0) / 86_400.0)).abs() < 1e-9 && (b - a - 1.0 / 86_400.0).abs() < 1e-9);
        assert_eq!(Edtf::parse("2013-08-05T14:30:15.250Z").expect("ms").to_string(), "5 August 2013, 14:30:15");
        assert_eq!(Edtf::parse("2013-08-05T09:05").expect("time").to_string(), "5 August 2013, 09:05");
        for bad in ["2013-08T10:00", "2013-08-05T24:00", "2013-08-05T10", "2013-08-05T10:60", "2013-08-05T10:00+02:00"]
        {
            assert!(Edtf::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn level0_examples_from_the_specification() {
        // Examples from the Library of Congress EDTF specification, level 0.
        assert_eq!(span("1985-04-12"), (day_from_civil(1985, 4, 12), day_from_civil(1985, 4, 13)));
        assert_eq!(span("1985-04"), (day_from_civil(1985, 4, 1), day_from_civil(1985, 5, 1)));
        assert_eq!(span("1985"), (year_start(1985), year_start(1986)));
        assert_eq!(span("1964/2008"), (year_start(1964), year_start(2009)));
        assert_eq!(span("2004-06/2006-08"), (day_from_civil(2004, 6, 1), day_from_civil(2006, 9, 1)));
        assert_eq!(span("2004-02-01/2005-02-08"), (day_from_civil(2004, 2, 1), day_from_civil(2005, 2, 9)));
        assert_eq!(span("2004-02-01/2005-02"), (day_from_civil(2004, 2, 1), day_from_civil(2005, 3, 1)));
        assert_eq!(span("2005/2006-02"), (year_start(2005), day_from_civil(2006, 3, 1)));
    }

    #[test]
    fn level1_examples_from_the_specification() {
        let q = |s: &str| Edtf::parse(s).expect(s).span();
        assert!(q("1984?").uncertain && !q("1984?").approximate);
        assert!(q("2004-06~").approximate);
        assert!(q("2004-06-11%").approximate && q("2004-06-11%").uncertain);
        assert_eq!(span("Y170000002"), (year_start(170_000_002), year_start(170_000_003)));
        assert_eq!(span("Y-170000002"), (year_start(-170_000_002), year_start(-170_000_001)));
        assert_eq!(span("2001-21"), (day_from_civil(2001, 3, 1), day_from_civil(2001, 6, 1)));
        assert_eq!(span("2001-24"), (day_from_civil(2001, 12, 1), day_from_civil(2002, 3, 1)));
        assert_eq!(span("201X"), (year_start(2010), year_start(2020)));
        assert_eq!(span("20XX"), (year_start(2000), year_start(2100)));
        assert_eq!(span("2004-XX"), (year_start(2004), year_start(2005)));
        assert_eq!(span("1985-04-XX"), (day_from_civil(1985, 4, 1), day_from_civil(1985, 5, 1)));
        let open = q("../1985-04-12");
        assert!(open.open_start && !open.open_end);
        assert_eq!((open.start, open.end), (day_from_civil(1985, 4, 12), day_from_civil(1985, 4, 13)));
        let open = q("1985-04-12/..");
        assert!(open.open_end && !open.open_start);
        let unknown = q("/2006");
        assert!(unknown.open_start);
        assert_eq!(span("-1985"), (year_start(-1985), year_start(-1984)));
    }

    #[test]
    fn citeline_forms() {
        assert_eq!(span("2011"), (year_start(2011), year_start(2012)));
        assert_eq!(span("2013-08"), (day_from_civil(2013, 8, 1), day_from_civil(2013, 9, 1)));
        assert_eq!(span("2013-08-15"), (day_from_civil(2013, 8, 15), day_from_civil(2013, 8, 16)));
        assert_eq!(span("2011/2019"), (year_start(2011), year_start(2020)));
        assert_eq!(span("2013-08/2014-02"), (day_from_civil(2013, 8, 1), day_from_civil(2014, 3, 1)));
        assert_eq!(span("../2013"), (year_start(2013), year_start(2014)));
        assert_eq!(span("2011/.."), (year_start(2011), year_start(2012)));
        assert!(Edtf::parse("2019~").expect("approx").span().approximate);
        assert!(Edtf::parse("2013?").expect("uncertain").span().uncertain);
        assert_eq!(span("-0500"), (year_start(-500), year_start(-499)));
        assert!(Edtf::parse("2013-08-15").expect("day").span().is_day);
    }

    #[test]
    fn errors_say_what_is_wrong() {
        for (input, needle) in [
            ("", "empty"),
            ("13", "four digits"),
            ("2013-13", "does not exist"),
            ("2013-02-30", "does not exist"),
            ("2013-2", "two digits"),
            ("2019/2011", "ends before it starts"),
            ("../..", "known end"),
            ("2013-08-15-01", "after the day"),
            ("20X3", "last digits"),
            ("abcd", "four-digit"),
            ("-0000", "not a year"),
            ("Y999999999999999", "beyond"),
            ("2013-21-01", "season"),
            ("2013x", "unexpected"),
        ] {
            let e = Edtf::parse(input).expect_err(input);
            assert!(e.message.contains(needle), "{input}: {}", e.message);
        }
    }

    #[test]
    fn leap_days() {
        assert!(Edtf::parse("2012-02-29").is_ok());
        assert!(Edtf::parse("1900-02-29").is_err());
        assert!(Edtf::parse("2000-02-29").is_ok());
    }

    #[test]
    fn display_reads_naturally() {
        let show = |s: &str| Edtf::parse(s).expect(s).to_string();
        assert_eq!(show("2013-08"), "August 2013");
        assert_eq!(show("2013-08-15"), "15 August 2013");
        assert_eq!(show("2011/2019"), "2011 – 2019");
        assert_eq!(show("../2013"), "by 2013");
        assert_eq!(show("2019~"), "about 2019");
        assert_eq!(show("-0500"), "501 BCE");
        assert_eq!(format_year(-13_800_000_000), "13.8 billion BCE");
    }

    proptest::proptest! {
        #[test]
        fn the_month_holding_a_day_is_a_date_that_spans_it(day in -4.0e10_f64..4.0e10) {
            let text = month_holding(day);
            let span = Edtf::parse(&text).map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{text}: {e}")))?.span();
            proptest::prop_assert!(span.start <= day.floor() && day.floor() < span.end, "{} spans {}..{}, not {}", text, span.start, span.end, day);
        }

        #[test]
        fn civil_round_trips(day in -1_000_000_000_i64..1_000_000_000) {
            let (y, m, d) = civil_from_day(day);
            #[allow(clippy::cast_precision_loss)]
            let back = day as f64;
            proptest::prop_assert!((day_from_civil(y, m, d) - back).abs() < 0.5);
        }

        #[test]
        fn every_valid_day_parses_to_a_one_day_span(y in -9999_i64..=9999, m in 1_u8..=12, d in 1_u8..=31) {
            let text = if y < 0 { format!("-{:04}-{m:02}-{d:02}", -y) } else { format!("{y:04}-{m:02}-{d:02}") };
            let parsed = Edtf::parse(&text);
            if y == 0 && text.starts_with('-') { return Ok(()); }
            if d <= days_in_month(y, m) {
                let sp = parsed.expect("valid day").span();
                proptest::prop_assert!((sp.end - sp.start - 1.0).abs() < f64::EPSILON);
                proptest::prop_assert!((sp.start - day_from_civil(y, m, d)).abs() < f64::EPSILON);
            } else {
                proptest::prop_assert!(parsed.is_err());
            }
        }

        #[test]
        fn parser_never_panics(s in "\\PC{0,24}") {
            let _ = Edtf::parse(&s);
        }

        #[test]
        fn spans_are_ordered(s in "(-?[0-9]{4}|Y-?[1-9][0-9]{4,8})(-(0[1-9]|1[0-2]|2[1-4]))?[~?%]?") {
            // Every string drawn here is a valid date: a refusal is a failure, not a pass.
            let d = Edtf::parse(&s).map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{s}: {e}")))?;
            let sp = d.span();
            proptest::prop_assert!(sp.end > sp.start);
        }
    }
}
