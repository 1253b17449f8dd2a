//! Calendar-aware ticks: hours, days, months, quarters, years, decades… up to billions of years.
//!
//! As in `egui_plot` and rerun, the step grows through a table until labels have room; the step
//! below it gives unlabelled minor ticks when they are far enough apart. A last pass drops any
//! label that would touch its neighbour, so labels never overlap whatever the zoom.

use super::axis::AxisMapping;
use super::text::TextMeasure;
use crate::model::date::{MONTH_NAMES, civil_from_day, day_from_civil, format_year, year_start};

pub(crate) const TICK_FONT_SIZE: f32 = 12.0;
const LABEL_GAP: f64 = 14.0;
const MIN_MINOR_SPACING: f64 = 7.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    Hours(u8),
    Days(u8),
    Months(u8),
    Years(i64),
}

impl Step {
    /// Average length in days, for choosing a step.
    #[allow(clippy::cast_precision_loss)] // step sizes are far below 2^53
    pub(crate) fn approx_days(self) -> f64 {
        match self {
            Self::Hours(h) => f64::from(h) / 24.0,
            Self::Days(d) => f64::from(d),
            Self::Months(m) => f64::from(m) * 30.436_875,
            Self::Years(y) => y as f64 * 365.2425,
        }
    }

    fn next(self) -> Option<Self> {
        Some(match self {
            Self::Hours(1) => Self::Hours(3),
            Self::Hours(3) => Self::Hours(6),
            Self::Hours(6) => Self::Hours(12),
            Self::Hours(_) => Self::Days(1),
            Self::Days(1) => Self::Days(2),
            Self::Days(2) => Self::Days(5),
            Self::Days(5) => Self::Days(10),
            Self::Days(_) => Self::Months(1),
            Self::Months(1) => Self::Months(3),
            Self::Months(3) => Self::Months(6),
            Self::Months(_) => Self::Years(1),
            Self::Years(y) if y >= 100_000_000_000 => return None,
            // 1, 2, 5, 10, 20, 50, …
            Self::Years(y) => {
                let mut magnitude = 1;
                while magnitude * 10 <= y {
                    magnitude *= 10;
                }
                match y / magnitude {
                    1 => Self::Years(2 * magnitude),
                    2 => Self::Years(5 * magnitude),
                    _ => Self::Years(10 * magnitude),
                }
            }
        })
    }

    /// A label as wide as the widest this step makes, for spacing.
    fn widest_label(self, mapping: &AxisMapping) -> String {
        match self {
            Self::Hours(_) => "28 Sep 00:00".to_owned(),
            Self::Days(_) => "28 Sep".to_owned(),
            Self::Months(_) => "Sep 2000".to_owned(),
            Self::Years(_) => {
                let a = format_year(year_of(mapping.view.min));
                let b = format_year(year_of(mapping.view.max()));
                if a.len() > b.len() { a } else { b }
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub time: f64,
    pub x: f64,
    /// Major ticks carry a label.
    pub label: Option<String>,
}

#[allow(clippy::cast_possible_truncation)] // days on the axis are far below i64's range
fn whole_day(t: f64) -> i64 {
    t.floor() as i64
}

fn year_of(t: f64) -> i64 {
    civil_from_day(whole_day(t)).0
}

/// The labelled step and the minor step for a mapping.
pub(crate) fn choose_steps(mapping: &AxisMapping) -> (Step, Option<Step>) {
    let measure = TextMeasure::get();
    let ppd = mapping.points_per_day();
    let mut prev: Option<Step> = None;
    let mut step = Step::Hours(1);
    loop {
        let spacing = step.approx_days() * ppd;
        let needed = f64::from(measure.width(&step.widest_label(mapping), TICK_FONT_SIZE, false)) + LABEL_GAP;
        if spacing >= needed {
            break;
        }
        match step.next() {
            Some(next) => {
                prev = Some(step);
                step = next;
            }
            None => break,
        }
    }
    let minor = prev.filter(|p| p.approx_days() * ppd >= MIN_MINOR_SPACING);
    (step, minor)
}

/// Times of the step's boundaries within `[from, to]`, at most `limit` of them.
fn boundaries(step: Step, from: f64, to: f64, limit: usize) -> Vec<f64> {
    let mut out = Vec::new();
    match step {
        Step::Years(k) => {
            let mut y = year_of(from).div_euclid(k) * k;
            while out.len() < limit {
                let t = year_start(y);
                if t > to {
                    break;
                }
                if t >= from {
                    out.push(t);
                }
                y += k;
            }
        }
        Step::Months(k) => {
            let (y, m, _) = civil_from_day(whole_day(from));
            let k = i64::from(k);
            let mut index = (y * 12 + i64::from(m) - 1).div_euclid(k) * k;
            while out.len() < limit {
                let year = index.div_euclid(12);
                let month = u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
                let t = day_from_civil(year, month, 1);
                if t > to {
                    break;
                }
                if t >= from {
                    out.push(t);
                }
                index += k;
            }
        }
        Step::Days(k) => {
            let mut d = whole_day(from);
            while out.len() < limit {
                #[allow(clippy::cast_precision_loss)] // whole days on the axis are exact in f64
                let t = d as f64;
                if t > to {
                    break;
                }
                let (_, _, dom) = civil_from_day(d);
                // Days of the month 1, 1+k, 1+2k…, stopping short of the month's end so the
                // last one does not crowd the next month's first.
                let on_step = (dom - 1) % k == 0 && (k == 1 || dom + k / 2 <= 29);
                if t >= from && on_step {
                    out.push(t);
                }
                d += 1;
            }
        }
        Step::Hours(k) => {
            let per_day = 24 / i64::from(k);
            let mut n = whole_day(from) * per_day;
            while out.len() < limit {
                #[allow(clippy::cast_precision_loss)] // tick indices are small
                let t = n as f64 / per_day as f64;
                if t > to {
                    break;
                }
                if t >= from {
                    out.push(t);
                }
                n += 1;
            }
        }
    }
    out
}

fn label(step: Step, t: f64) -> String {
    let day = whole_day(t);
    let (y, m, d) = civil_from_day(day);
    let month = &MONTH_NAMES[usize::from(m - 1)][..3];
    match step {
        Step::Years(_) => format_year(y),
        Step::Months(_) if m == 1 => format_year(y),
        Step::Months(_) => format!("{month} {}", format_year(y)),
        Step::Days(_) if d == 1 => format!("{month} {}", format_year(y)),
        Step::Days(_) => format!("{d} {month}"),
        Step::Hours(_) => {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
            let hour = ((t - day as f64) * 24.0).round() as u32;
            if hour == 0 { format!("{d} {month}") } else { format!("{hour:02}:00") }
        }
    }
}

/// A time as a short date, `5 Aug 2013`.
pub fn date_label(t: f64) -> String {
    let (y, m, d) = civil_from_day(whole_day(t));
    format!("{d} {} {}", &MONTH_NAMES[usize::from(m - 1)][..3], format_year(y))
}

/// A period `[from, to)` at the precision its length calls for: `2011 – 2019`,
/// `Aug 2013 – Feb 2014`, or `5 Aug 2013 – 9 Aug 2013`.
pub fn period_label(from: f64, to: f64) -> String {
    // `to` is exclusive: the period's last moment is just before it.
    let last = to - 1e-6;
    let (ya, ma, da) = civil_from_day(whole_day(from));
    let (yb, mb, _) = civil_from_day(whole_day(last));
    let whole_days = from.fract() == 0.0 && to.fract() == 0.0;
    let (_, mt, dt) = civil_from_day(whole_day(to));
    // Whole years ("2013", "2011 – 2019") and whole months ("March 2013") say no more.
    let whole_years = whole_days && (ma, da, mt, dt) == (1, 1, 1, 1);
    let whole_months = whole_days && da == 1 && dt == 1;
    if whole_years && ya == yb {
        format_year(ya)
    } else if whole_months && (ya, ma) == (yb, mb) && to - from < 32.0 {
        format!("{} {}", MONTH_NAMES[usize::from(ma - 1)], format_year(ya))
    } else if to - from > 3.0 * 365.0 || whole_years {
        if ya == yb { format_year(ya) } else { format!("{} – {}", format_year(ya), format_year(yb)) }
    } else if to - from > 60.0 {
        let month = |m: u8| &MONTH_NAMES[usize::from(m - 1)][..3];
        format!("{} {} – {} {}", month(ma), format_year(ya), month(mb), format_year(yb))
    } else {
        format!("{} – {}", date_label(from), date_label(last))
    }
}

/// The ticks of a mapping, left to right. Labels never overlap one another.
pub fn ticks(mapping: &AxisMapping) -> Vec<Tick> {
    let (major, minor) = choose_steps(mapping);
    let from = mapping.view.min;
    let to = mapping.view.max();
    // Enough for any screen; a bound keeps a degenerate view from looping long.
    let limit = 2_000;
    let measure = TextMeasure::get();
    let mut out: Vec<Tick> = Vec::new();
    let majors = boundaries(major, from, to, limit);
    let mut last_label_end = f64::NEG_INFINITY;
    for &t in &majors {
        let x = mapping.x_from_time(t);
        let text = label(major, t);
        let w = f64::from(measure.width(&text, TICK_FONT_SIZE, false));
        // Labels start just right of their tick.
        let label = (x + 3.0 >= last_label_end + LABEL_GAP / 2.0 && x + 3.0 + w <= mapping.right() + 0.5).then(|| {
            last_label_end = x + 3.0 + w;
            text
        });
        out.push(Tick { time: t, x, label });
    }
    if let Some(minor) = minor {
        for t in boundaries(minor, from, to, limit) {
            if !majors.iter().any(|&m| (m - t).abs() < 1e-9) {
                out.push(Tick { time: t, x: mapping.x_from_time(t), label: None });
            }
        }
        out.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::axis::TimeView;
    use proptest::prelude::*;

    fn labels(view: TimeView, width: f64) -> Vec<String> {
        ticks(&AxisMapping::new(view, 0.0, width)).into_iter().filter_map(|t| t.label).collect()
    }

    #[test]
    fn steps_follow_the_zoom() {
        let y2010 = year_start(2010);
        let decade = labels(TimeView { min: y2010, span: 3653.0 }, 1200.0);
        assert!(decade.contains(&"2013".to_owned()), "{decade:?}");
        let months = labels(TimeView { min: day_from_civil(2013, 1, 1), span: 365.0 }, 1200.0);
        assert!(months.contains(&"Aug 2013".to_owned()), "{months:?}");
        let days = labels(TimeView { min: day_from_civil(2013, 8, 1), span: 20.0 }, 1200.0);
        assert!(days.contains(&"15 Aug".to_owned()), "{days:?}");
        let hours = labels(TimeView { min: day_from_civil(2013, 8, 15), span: 0.5 }, 1200.0);
        assert!(hours.contains(&"06:00".to_owned()), "{hours:?}");
        let millennia = labels(TimeView { min: year_start(-3000), span: 365.0 * 6000.0 }, 1200.0);
        assert!(millennia.contains(&"1 BCE".to_owned()) || millennia.contains(&"1001 BCE".to_owned()), "{millennia:?}");
        let cosmos = labels(TimeView { min: year_start(-14_000_000_000), span: 365.2425 * 1.5e10 }, 1200.0);
        assert!(cosmos.iter().any(|l| l.contains("billion BCE")), "{cosmos:?}");
    }

    #[test]
    fn periods_read_at_their_precision() {
        assert_eq!(period_label(year_start(2011), year_start(2020)), "2011 – 2019");
        assert_eq!(period_label(year_start(2013), year_start(2014)), "2013", "a whole year");
        assert_eq!(period_label(year_start(2013), year_start(2015)), "2013 – 2014", "whole years");
        assert_eq!(period_label(day_from_civil(2013, 3, 1), day_from_civil(2013, 4, 1)), "March 2013");
        assert_eq!(period_label(day_from_civil(2013, 8, 1), day_from_civil(2014, 3, 1)), "Aug 2013 – Feb 2014");
        assert_eq!(period_label(day_from_civil(2013, 8, 5), day_from_civil(2013, 8, 10)), "5 Aug 2013 – 9 Aug 2013");
    }

    proptest! {
        #[test]
        fn tick_labels_never_overlap(min in -1e7_f64..1e7, log_span in -1.3_f64..10.0, width in 200.0_f64..4000.0) {
            let view = TimeView { min, span: 10f64.powf(log_span) };
            let mapping = AxisMapping::new(view, 0.0, width);
            let measure = TextMeasure::get();
            let mut last_end = f64::NEG_INFINITY;
            let mut count = 0;
            for t in ticks(&mapping) {
                prop_assert!(t.x >= -0.5 && t.x <= width + 0.5);
                if let Some(l) = t.label {
                    let start = t.x + 3.0;
                    prop_assert!(start > last_end, "{l} at {start} overlaps the label ending at {last_end}");
                    last_end = start + f64::from(measure.width(&l, TICK_FONT_SIZE, false));
                    count += 1;
                }
            }
            prop_assert!(count >= 1 || width < 400.0, "no labelled tick");
        }
    }
}
