//! EDTF dates (ISO 8601-2 / Library of Congress Extended Date/Time Format), the subset a
//! chronology needs: levels 0 and 1 plus open and unknown interval ends.
//!
//! Every date covers a span of days at its precision (`2013-08` is all of August 2013). Time is
//! kept as `f64` days since 1970-01-01 in the proleptic Gregorian calendar with astronomical year
//! numbering (year 0 is 1 BCE), so years far outside chrono's range still place on an axis.
//!
//! Here the types and their spans; `parse` reads EDTF, `calendar` turns civil dates into days and
//! back, `display` says a date in words.

mod calendar;
mod display;
mod parse;

use std::fmt;

pub use self::calendar::{civil_from_day, day_from_civil, days_in_month, month_holding, year_start};
pub use self::display::{MONTH_NAMES, format_year, group_thousands};

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
        // A day is still a day ten billion years on, but a second is not: a time there is refused.
        let (start, end) = span("Y10000206124-07-29");
        assert!((end - start - 1.0).abs() < 1e-9, "{start}..{end}");
        let far = Edtf::parse("Y10000206124-07-29T00:00:00").expect_err("no second to tell");
        assert!(far.message.contains("a time of day needs a year within"), "{}", far.message);
        assert!(Edtf::parse("Y100000-07-29T12:30:15").is_ok_and(|d| d.span().end > d.span().start));
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
        fn spans_are_ordered(
            s in "([0-9]{4}|-[0-9]{3}[1-9])(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8])(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?Z?)?)?|-2[1-4])?[~?%]?|Y-?[1-9][0-9]{4,9}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?|-2[1-4])?[~?%]?"
        ) {
            // Every string drawn here is a valid date: a refusal is a failure, not a pass.
            let d = Edtf::parse(&s).map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{s}: {e}")))?;
            let sp = d.span();
            proptest::prop_assert!(sp.end > sp.start);
        }
    }
}
