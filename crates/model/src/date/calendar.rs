//! The proleptic Gregorian calendar: leap years, month lengths, and civil dates to day numbers
//! and back.

use super::Day;

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
