//! EDTF read from text: `2013-08`, `2011/..`, `201X`, `2013-08-14T16:08Z`, `Y-170000002`, each with
//! the reason a date is refused.

use super::{DateError, DatePoint, Edtf, Endpoint, MAX_ABS_YEAR, TimeOfDay, days_in_month};

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
    // A second is no longer a step of the timeline's clock that far from year 0.
    if time.is_some() && year.abs() > MAX_YEAR_WITH_TIME {
        return Err(format!("a time of day needs a year within ±{MAX_YEAR_WITH_TIME}"));
    }
    Ok(DatePoint { year, month, day, unspecified_year_digits, approximate, uncertain, time })
}

/// The farthest year a time of day is read on: beyond it, days counted from 1970 are too large
/// for a second (1/86,400 of a day) to tell two instants apart in an `f64`.
const MAX_YEAR_WITH_TIME: i64 = 1_000_000;

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
