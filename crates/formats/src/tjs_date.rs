//! TimelineJS dates (year, month, day, hour, minute, second, millisecond) to and from EDTF.

use crate::model::date::{DatePoint, Edtf, Endpoint, MAX_ABS_YEAR, days_in_month};
use std::fmt::Write as _;

/// A TimelineJS date, as read from a JSON object or a spreadsheet row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct TjsDate {
    pub year: i64,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub hour: Option<u8>,
    pub minute: Option<u8>,
    pub second: Option<u8>,
}

/// A year as EDTF writes it: four digits with a sign, or `Y` and the digits beyond that.
pub fn edtf_year(year: i64) -> String {
    if (-9999..=9999).contains(&year) {
        if year < 0 { format!("-{:04}", -year) } else { format!("{year:04}") }
    } else {
        format!("Y{year}")
    }
}

impl TjsDate {
    /// Checks the parts and writes the date as EDTF. Errors name the part (`month`, `day`…).
    pub(crate) fn to_edtf(self) -> Result<String, (&'static str, String)> {
        if self.year.abs() > MAX_ABS_YEAR {
            return Err(("year", format!("the year {} is beyond ±{MAX_ABS_YEAR}", self.year)));
        }
        let mut s = edtf_year(self.year);
        // EDTF's long years have no months; TimelineJS's deep past has none either.
        if !(-9999..=9999).contains(&self.year) {
            return Ok(s);
        }
        let Some(month) = self.month else { return Ok(s) };
        if !(1..=12).contains(&month) {
            return Err(("month", format!("the month {month} does not exist (1–12)")));
        }
        let _ = write!(s, "-{month:02}");
        let Some(day) = self.day else { return Ok(s) };
        let last = days_in_month(self.year, month);
        if day == 0 || day > last {
            return Err(("day", format!("day {day} does not exist in {}-{month:02} (it has {last} days)", self.year)));
        }
        let _ = write!(s, "-{day:02}");
        let Some(hour) = self.hour else { return Ok(s) };
        if hour > 23 {
            return Err(("hour", format!("the hour {hour} does not exist (0–23)")));
        }
        let minute = self.minute.unwrap_or(0);
        if minute > 59 {
            return Err(("minute", format!("the minute {minute} does not exist (0–59)")));
        }
        let _ = write!(s, "T{hour:02}:{minute:02}");
        if let Some(second) = self.second {
            if second > 59 {
                return Err(("second", format!("the second {second} does not exist (0–59)")));
            }
            let _ = write!(s, ":{second:02}");
        }
        Ok(s)
    }

    fn from_point(p: DatePoint) -> Self {
        let (h, m, s) = p.time.map_or((None, None, None), |t| {
            let secs = t.seconds;
            #[allow(clippy::cast_possible_truncation)] // parts of a day fit in u8
            (Some((secs / 3600) as u8), Some((secs / 60 % 60) as u8), t.with_seconds.then_some((secs % 60) as u8))
        });
        Self {
            year: p.year,
            // A season starts at its first month (spring: March).
            month: p.month.map(|m| if m > 12 { 3 * (m - 21) + 3 } else { m }),
            day: p.day,
            hour: h,
            minute: m,
            second: s,
        }
    }
}

/// A citeline date as TimelineJS start and end dates, plus the words to display when the
/// TimelineJS dates lose something (approximate, uncertain, open or unspecified).
pub(crate) struct TjsSpan {
    pub start: TjsDate,
    pub end: Option<TjsDate>,
    /// Set when TimelineJS dates alone would say more or less than the EDTF date.
    pub display: Option<String>,
}

pub(crate) fn from_edtf(when: &str) -> Option<TjsSpan> {
    let d = Edtf::parse(when).ok()?;
    let lossy = |p: &DatePoint| {
        p.approximate || p.uncertain || p.unspecified_year_digits > 0 || p.month.is_some_and(|m| m > 12)
    };
    Some(match d {
        Edtf::Single(p) => {
            let end = (p.unspecified_year_digits > 0).then(|| TjsDate {
                year: p.year + 10_i64.pow(u32::from(p.unspecified_year_digits)) - 1,
                ..TjsDate::default()
            });
            TjsSpan { start: TjsDate::from_point(p), end, display: lossy(&p).then(|| d.to_string()) }
        }
        Edtf::Interval(a, b) => {
            let (pa, pb) = (point(a), point(b));
            let lossy = pa.is_none() || pb.is_none() || pa.is_some_and(|p| lossy(&p)) || pb.is_some_and(|p| lossy(&p));
            let (start, end) = match (pa, pb) {
                (Some(a), Some(b)) => (TjsDate::from_point(a), Some(TjsDate::from_point(b))),
                (Some(a), None) => (TjsDate::from_point(a), None),
                (None, Some(b)) => (TjsDate::from_point(b), None),
                (None, None) => return None,
            };
            TjsSpan { start, end, display: lossy.then(|| d.to_string()) }
        }
    })
}

fn point(e: Endpoint) -> Option<DatePoint> {
    match e {
        Endpoint::Date(p) => Some(p),
        Endpoint::Open | Endpoint::Unknown => None,
    }
}

// The TimelineJS spreadsheet template's dates and times, as its CSV holds them.

/// Year, month, day, hour, minute, second of a date.
pub(super) type Parts = [Option<i64>; 6];

/// A date cell of the first template, as TimelineJS reads it: `2014`, `-44`, `2014-01-02`,
/// `2014-01-02T10:30:00` (or with a space), `1/2/2014` (month first) or `1/2014`, each may be
/// followed by a time `10:30[:15]`.
pub(super) fn parse_v1_date(text: &str) -> Result<Parts, String> {
    let bad = || format!("\"{text}\" is not a date TimelineJS reads (2014, 2014-01-02, 1/2/2014, 1/2014)");
    let int = |s: &str| s.trim().trim_start_matches('+').parse::<i64>().map_err(|_| bad());
    let (date, time) = match text.trim().split_once(['T', ' ']) {
        Some((d, t)) => (d.trim(), Some(t.trim())),
        None => (text.trim(), None),
    };
    let mut parts: Parts = [None; 6];
    if date.contains('/') {
        let cells: Vec<&str> = date.split('/').collect();
        match cells.as_slice() {
            [m, d, y] => parts[..3].copy_from_slice(&[Some(int(y)?), Some(int(m)?), Some(int(d)?)]),
            [m, y] => parts[..2].copy_from_slice(&[Some(int(y)?), Some(int(m)?)]),
            _ => return Err(bad()),
        }
    } else {
        // A leading minus is the year's sign, not a separator.
        let (sign, rest) = date.strip_prefix('-').map_or((1, date), |r| (-1, r));
        let mut cells = rest.split('-');
        parts[0] = Some(sign * int(cells.next().unwrap_or_default())?);
        for (k, cell) in cells.enumerate() {
            if k >= 2 {
                return Err(bad());
            }
            parts[k + 1] = Some(int(cell)?);
        }
    }
    if let Some(time) = time.filter(|t| !t.is_empty()) {
        let time = time.trim_end_matches(['Z', 'z']);
        let (h, m, s) = parse_time(time).map_err(|_| bad())?.ok_or_else(bad)?;
        parts[3] = Some(i64::from(h));
        parts[4] = m.map(i64::from);
        parts[5] = s.map(i64::from);
    }
    Ok(parts)
}

/// Hour, and minute and second when written.
pub(super) type Clock = (u8, Option<u8>, Option<u8>);

/// A spreadsheet time, in the forms TimelineJS reads: `14:30`, `14:30:15`, `14.30`, `1430`,
/// `14`, `2:30 PM`, `2 p.m.`; milliseconds after the seconds are dropped. Hour, then minute
/// and second when written.
pub(super) fn parse_time(text: &str) -> Result<Option<Clock>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let bad = || format!("the time \"{text}\" is not like 14:30, 14:30:15 or 2:30 PM");
    let lower = text.to_ascii_lowercase().replace('.', " ").trim().to_owned();
    let (clock, pm) = if let Some(c) = lower.strip_suffix("p m").or_else(|| lower.strip_suffix("pm")) {
        (c.trim().to_owned(), Some(true))
    } else if let Some(c) = lower.strip_suffix("a m").or_else(|| lower.strip_suffix("am")) {
        (c.trim().to_owned(), Some(false))
    } else {
        // Only a clock: dots were separators (`14.30`).
        (text.replace('.', ":"), None)
    };
    let clock = if pm.is_some() { clock.replace(' ', ":") } else { clock };
    let parts: Vec<String> = if clock.len() >= 3 && clock.len() <= 4 && clock.chars().all(|c| c.is_ascii_digit()) {
        // `1430`: the last two digits are the minutes.
        let (h, m) = clock.split_at(clock.len() - 2);
        vec![h.to_owned(), m.to_owned()]
    } else {
        clock.split(':').map(str::to_owned).collect()
    };
    if parts.is_empty() || parts.len() > 4 {
        return Err(bad());
    }
    let num = |s: &str| s.trim().parse::<u8>().map_err(|_| bad());
    let mut hour = num(&parts[0])?;
    let minute = parts.get(1).map(|s| num(s)).transpose()?;
    let second = parts.get(2).map(|s| num(s)).transpose()?;
    match pm {
        Some(_) if hour == 0 || hour > 12 => return Err(bad()),
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    if hour > 23 || minute.is_some_and(|m| m > 59) || second.is_some_and(|s| s > 59) {
        return Err(bad());
    }
    Ok(Some((hour, minute, second)))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn deep_past_and_bce_years() {
        let big_bang = TjsDate { year: -13_800_000_000, ..TjsDate::default() };
        assert_eq!(big_bang.to_edtf().expect("valid"), "Y-13800000000");
        assert_eq!(
            TjsDate { year: -44, month: Some(3), day: Some(15), ..TjsDate::default() }.to_edtf().expect("valid"),
            "-0044-03-15"
        );
        let timed =
            TjsDate { year: 2013, month: Some(8), day: Some(5), hour: Some(9), minute: Some(5), ..TjsDate::default() };
        assert_eq!(timed.to_edtf().expect("valid"), "2013-08-05T09:05");
        assert_eq!(
            TjsDate { year: 2013, month: Some(2), day: Some(30), ..TjsDate::default() }.to_edtf().map_err(|e| e.0),
            Err("day")
        );
        assert_eq!(
            TjsDate { year: 2013, month: Some(13), ..TjsDate::default() }.to_edtf().map_err(|e| e.0),
            Err("month")
        );
        for y in [-13_800_000_000_i64, -65_000_000, -44, 0, 1969, 12_000] {
            let edtf = TjsDate { year: y, ..TjsDate::default() }.to_edtf().expect("valid");
            let span = Edtf::parse(&edtf).expect("parses").span();
            assert!((span.start - crate::model::date::year_start(y)).abs() < 1.0, "{y}");
        }
    }

    proptest! {
        #[test]
        fn a_tjs_date_survives_edtf_and_back(year in -9999_i64..9999, month in 1_u8..=12, day in 1_u8..=28, hour in proptest::option::of(0_u8..24), minute in 0_u8..60) {
            let d = TjsDate { year, month: Some(month), day: Some(day), hour, minute: hour.map(|_| minute), second: None };
            let edtf = d.to_edtf().expect("valid");
            let back = from_edtf(&edtf).expect("parses");
            prop_assert_eq!(back.start, d);
            prop_assert!(back.end.is_none() && back.display.is_none());
        }
    }
}
