//! Moving a date in time as dragging it on the timeline does: by whole units of what it says, so
//! that a month stays a month ("2013-08" dragged a few weeks later is "2013-09", never a day), an
//! interval keeps its length, and qualifiers (`~`, `?`, `%`, `201X`) stay as written.

use std::fmt::Write as _;

use super::date::{DatePoint, Day, Edtf, Endpoint, MAX_ABS_YEAR, Precision, days_in_month};

/// Which part of a date a drag holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The whole date: both ends of an interval move together.
    Whole,
    /// Only an interval's start.
    Start,
    /// Only an interval's end.
    End,
}

/// One step of a date: how far the smallest move it can make goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Month,
    /// Three months: a season moves to the next season.
    Season,
    /// `10^n` years (`n` > 0 for a year with unspecified digits: `201X` moves by decades).
    Years(u32),
}

impl Unit {
    fn of(p: &DatePoint) -> Self {
        if p.unspecified_year_digits > 0 {
            return Self::Years(u32::from(p.unspecified_year_digits));
        }
        match p.precision() {
            Precision::Day => Self::Day,
            Precision::Month => Self::Month,
            Precision::Season => Self::Season,
            Precision::Year => Self::Years(0),
        }
    }

    /// Its average length in days, to turn a drag's distance into a number of steps.
    fn days(self) -> f64 {
        match self {
            Self::Day => 1.0,
            Self::Month => 365.2425 / 12.0,
            Self::Season => 365.2425 / 4.0,
            Self::Years(n) => 365.2425 * 10_f64.powi(i32::try_from(n).unwrap_or(0)),
        }
    }

    /// The coarser of two units: the one both ends of an interval can move by.
    fn coarser(self, other: Self) -> Self {
        if other.days() > self.days() { other } else { self }
    }
}

/// `when` (EDTF) moved by the whole number of its steps nearest to `days`, for the part of it
/// dragged. `None` when it does not parse, the part is not there (the end of a single date), the
/// result would end before it starts, or it leaves the years EDTF can write.
pub fn shift(when: &str, days: Day, part: Part) -> Option<String> {
    let edtf = Edtf::parse(when).ok()?;
    let moved = match (edtf, part) {
        (Edtf::Single(p), Part::Whole) => Edtf::Single(move_point(&p, steps(days, Unit::of(&p))?, Unit::of(&p))?),
        (Edtf::Interval(a, b), Part::Whole) => {
            let unit = [a, b]
                .iter()
                .filter_map(|e| if let Endpoint::Date(p) = e { Some(Unit::of(p)) } else { None })
                .reduce(Unit::coarser)?;
            let n = steps(days, unit)?;
            Edtf::Interval(move_end(a, n, unit)?, move_end(b, n, unit)?)
        }
        (Edtf::Interval(Endpoint::Date(p), b), Part::Start) => {
            let unit = Unit::of(&p);
            Edtf::Interval(Endpoint::Date(move_point(&p, steps(days, unit)?, unit)?), b)
        }
        (Edtf::Interval(a, Endpoint::Date(p)), Part::End) => {
            let unit = Unit::of(&p);
            Edtf::Interval(a, Endpoint::Date(move_point(&p, steps(days, unit)?, unit)?))
        }
        (Edtf::Single(_) | Edtf::Interval(..), _) => return None,
    };
    let text = write(&moved);
    // The parser is the judge: an end dragged before the start is refused there.
    Edtf::parse(&text).ok().map(|_| text)
}

/// The whole number of `unit`s nearest to `days`.
fn steps(days: Day, unit: Unit) -> Option<i64> {
    let n = (days / unit.days()).round();
    #[allow(clippy::cast_possible_truncation)] // bounded just above
    (n.is_finite() && n.abs() < 1e12).then_some(n as i64)
}

fn move_end(e: Endpoint, n: i64, unit: Unit) -> Option<Endpoint> {
    match e {
        Endpoint::Date(p) => move_point(&p, n, unit).map(Endpoint::Date),
        other => Some(other),
    }
}

/// `p` moved by `n` of `unit`, keeping what it says: its precision, qualifiers and time of day.
/// A day that the new month lacks becomes the month's last (31 January + 1 month = 28 or 29
/// February).
fn move_point(p: &DatePoint, n: i64, unit: Unit) -> Option<DatePoint> {
    let months = match unit {
        Unit::Day => {
            let (Some(m), Some(d)) = (p.month, p.day) else { return None };
            let day = super::date::day_from_civil(p.year, m, d) + f64::from(i32::try_from(n).ok()?);
            #[allow(clippy::cast_possible_truncation)] // a whole day number
            let (year, month, day) = super::date::civil_from_day(day as i64);
            return in_range(DatePoint { year, month: Some(month), day: Some(day), ..*p });
        }
        Unit::Month => n,
        Unit::Season => n.checked_mul(3)?,
        Unit::Years(k) => {
            let year = p.year.checked_add(n.checked_mul(10_i64.checked_pow(k)?)?)?;
            return in_range(clamp_day(DatePoint { year, ..*p }));
        }
    };
    let moved = match p.month {
        // A season steps through 21–24, carrying into the year.
        Some(m @ 21..=24) => {
            let seasons = months / 3;
            let index = p.year.checked_mul(4)?.checked_add(i64::from(m - 21))?.checked_add(seasons)?;
            let month = u8::try_from(index.rem_euclid(4)).ok()? + 21;
            DatePoint { year: index.div_euclid(4), month: Some(month), ..*p }
        }
        Some(m) => {
            let index = p.year.checked_mul(12)?.checked_add(i64::from(m) - 1)?.checked_add(months)?;
            let month = u8::try_from(index.rem_euclid(12)).ok()? + 1;
            clamp_day(DatePoint { year: index.div_euclid(12), month: Some(month), ..*p })
        }
        // A year moved by months: only whole years keep it a year.
        None => DatePoint { year: p.year.checked_add(months / 12)?, ..*p },
    };
    in_range(moved)
}

fn clamp_day(p: DatePoint) -> DatePoint {
    match (p.month, p.day) {
        (Some(m @ 1..=12), Some(d)) => DatePoint { day: Some(d.min(days_in_month(p.year, m))), ..p },
        _ => p,
    }
}

fn in_range(p: DatePoint) -> Option<DatePoint> {
    (p.year.abs() <= MAX_ABS_YEAR).then_some(p)
}

/// `edtf` written as EDTF, in the form the parser reads back to the same value.
pub fn write(edtf: &Edtf) -> String {
    match edtf {
        Edtf::Single(p) => write_point(p),
        Edtf::Interval(a, b) => format!("{}/{}", write_end(a), write_end(b)),
    }
}

fn write_end(e: &Endpoint) -> String {
    match e {
        Endpoint::Date(p) => write_point(p),
        Endpoint::Open => "..".to_owned(),
        Endpoint::Unknown => String::new(),
    }
}

fn write_point(p: &DatePoint) -> String {
    let mut s = if p.year.abs() > 9999 {
        format!("Y{}", p.year)
    } else {
        let digits = format!("{:04}", p.year.abs());
        let x = usize::from(p.unspecified_year_digits).min(4);
        let sign = if p.year < 0 { "-" } else { "" };
        format!("{sign}{}{}", &digits[..4 - x], "X".repeat(x))
    };
    if let Some(m) = p.month {
        let _ = write!(s, "-{m:02}");
        if let Some(d) = p.day {
            let _ = write!(s, "-{d:02}");
            if let Some(t) = p.time {
                let (h, m, sec) = (t.seconds / 3600, t.seconds / 60 % 60, t.seconds % 60);
                let _ = write!(s, "T{h:02}:{m:02}");
                if t.with_seconds {
                    let _ = write!(s, ":{sec:02}");
                }
            }
        }
    }
    s.push_str(match (p.approximate, p.uncertain) {
        (true, true) => "%",
        (true, false) => "~",
        (false, true) => "?",
        (false, false) => "",
    });
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn moved(when: &str, days: f64, part: Part) -> Option<String> {
        shift(when, days, part)
    }

    #[test]
    fn each_precision_moves_by_its_own_steps() {
        assert_eq!(moved("2013-08", 20.0, Part::Whole).as_deref(), Some("2013-09"), "a month by months");
        assert_eq!(moved("2013-08", 10.0, Part::Whole).as_deref(), Some("2013-08"), "less than half a month: stays");
        assert_eq!(moved("2013-08", -70.0, Part::Whole).as_deref(), Some("2013-06"));
        assert_eq!(moved("2013-11", 62.0, Part::Whole).as_deref(), Some("2014-01"), "across a year");
        assert_eq!(moved("2013", 200.0, Part::Whole).as_deref(), Some("2014"), "a year by years");
        assert_eq!(moved("2013-08-05", 3.4, Part::Whole).as_deref(), Some("2013-08-08"));
        assert_eq!(moved("2013-01-31", 30.0, Part::Whole).as_deref(), Some("2013-03-02"), "a day by days");
        assert_eq!(moved("2014-23", 95.0, Part::Whole).as_deref(), Some("2014-24"), "summer to autumn");
        assert_eq!(moved("2014-24", 95.0, Part::Whole).as_deref(), Some("2015-21"), "autumn to next year's spring");
        assert_eq!(moved("201X", 4000.0, Part::Whole).as_deref(), Some("202X"), "a decade by decades");
        assert_eq!(moved("2013-08-05T14:30", 1.0, Part::Whole).as_deref(), Some("2013-08-06T14:30"));
    }

    #[test]
    fn qualifiers_and_open_ends_stay() {
        assert_eq!(moved("2013-08~", 31.0, Part::Whole).as_deref(), Some("2013-09~"));
        assert_eq!(moved("2013?", 366.0, Part::Whole).as_deref(), Some("2014?"));
        assert_eq!(moved("2013-08-05%", -1.0, Part::Whole).as_deref(), Some("2013-08-04%"));
        assert_eq!(moved("2011/..", 366.0, Part::Whole).as_deref(), Some("2012/.."));
        assert_eq!(moved("/2013", 366.0, Part::Whole).as_deref(), Some("/2014"));
    }

    #[test]
    fn intervals_keep_their_length_and_ends_move_alone() {
        assert_eq!(moved("2011/2019", 400.0, Part::Whole).as_deref(), Some("2012/2020"));
        assert_eq!(moved("2014-03/2014-06", 31.0, Part::Whole).as_deref(), Some("2014-04/2014-07"));
        // Mixed precision moves by the coarser step, so that each end can say it.
        assert_eq!(moved("2013-08-05/2014", 100.0, Part::Whole).as_deref(), Some("2013-08-05/2014"));
        assert_eq!(moved("2013-08-05/2014", 300.0, Part::Whole).as_deref(), Some("2014-08-05/2015"));
        assert_eq!(moved("2011/2019", 366.0 * 2.0, Part::End).as_deref(), Some("2011/2021"));
        assert_eq!(moved("2011/2019", 366.0, Part::Start).as_deref(), Some("2012/2019"));
        assert_eq!(moved("2011/2019", -366.0 * 9.0, Part::End), None, "an end before its start is refused");
        assert_eq!(moved("2013", 10.0, Part::End), None, "a single date has no end to drag");
    }

    /// A valid EDTF date of any precision, with qualifiers.
    fn point() -> impl Strategy<Value = String> {
        let year = -3000_i64..3000;
        (year, 0_u8..5, 1_u8..=12, 1_u8..=28, 21_u8..=24, 0_u8..4).prop_map(|(y, kind, m, d, season, q)| {
            let y = if y == 0 { 1 } else { y };
            let sign = if y < 0 { "-" } else { "" };
            let base = match kind {
                0 => format!("{sign}{:04}", y.abs()),
                1 => format!("{sign}{:04}-{m:02}", y.abs()),
                2 => format!("{sign}{:04}-{m:02}-{d:02}", y.abs()),
                3 => format!("{sign}{:04}-{season}", y.abs()),
                _ => format!("{}X", &format!("{:04}", y.abs())[..3]),
            };
            base + ["", "~", "?", "%"][usize::from(q)]
        })
    }

    fn precision_and_qualifiers(e: &Endpoint) -> Option<(Precision, u8, bool, bool)> {
        match e {
            Endpoint::Date(p) => Some((p.precision(), p.unspecified_year_digits, p.approximate, p.uncertain)),
            _ => None,
        }
    }

    proptest! {
        #[test]
        fn a_drag_keeps_precision_qualifiers_and_length(a in point(), b in point(), days in -4000.0_f64..4000.0, single in any::<bool>()) {
            let when = if single { a.clone() } else { format!("{a}/{b}") };
            prop_assume!(Edtf::parse(&when).is_ok());
            let Some(after) = shift(&when, days, Part::Whole) else {
                // Only a move past the years EDTF can write is refused.
                return Ok(());
            };
            let (before, now) = (Edtf::parse(&when).expect("valid"), Edtf::parse(&after).expect("a drag writes valid EDTF"));
            let ends = |e: &Edtf| match *e {
                Edtf::Single(p) => (Endpoint::Date(p), Endpoint::Open),
                Edtf::Interval(a, b) => (a, b),
            };
            let (b0, b1) = ends(&before);
            let (n0, n1) = ends(&now);
            prop_assert_eq!(precision_and_qualifiers(&b0), precision_and_qualifiers(&n0), "{} → {}", when, after);
            prop_assert_eq!(precision_and_qualifiers(&b1), precision_and_qualifiers(&n1), "{} → {}", when, after);
            // Both ends moved by the same whole number of steps: the length in steps is kept,
            // so the span's length changes by less than one step's uneven days.
            let (sb, sn) = (before.span(), now.span());
            let drift = ((sn.end - sn.start) - (sb.end - sb.start)).abs();
            prop_assert!(drift <= 6.0, "{} → {}: length changed by {} days", when, after, drift);
            // And it moved toward the pointer: never the other way.
            prop_assert!((sn.start - sb.start) * days >= 0.0, "{} → {} for {} days", when, after, days);
        }

        #[test]
        fn moving_back_undoes_a_move_of_days_up_to_28(a in point(), n in -500_i64..500) {
            prop_assume!(!a.contains('X'));
            let Ok(Edtf::Single(p)) = Edtf::parse(&a) else { return Ok(()) };
            let unit = Unit::of(&p);
            #[allow(clippy::cast_precision_loss)]
            let there = shift(&a, n as f64 * unit.days(), Part::Whole).expect("in range");
            #[allow(clippy::cast_precision_loss)]
            let back = shift(&there, -(n as f64) * unit.days(), Part::Whole).expect("in range");
            prop_assert_eq!(back, a);
        }
    }
}
