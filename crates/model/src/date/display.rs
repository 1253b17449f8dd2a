//! Dates in words, as a reader sees them: month names, years with their era and thousands,
//! `Display` for a date and an interval.

use std::fmt;

use super::{DatePoint, Edtf, Endpoint};

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
