//! The overview strip's arithmetic: how many shown events each pixel column of the whole
//! timeline holds, where search matches are, and how pointer moves on the strip become views.
//!
//! Counts come from the orders the lanes (or a filter) already keep, by start and by end: the
//! events in a column `[t0, t1)` are those starting before `t1` less those ending by `t0`. Two
//! searches per column, each resumed from the previous column's answer, so a strip costs a few
//! thousand steps whatever the number of events, and is worked out only when the document, the
//! filter, the search or the width changes (see `session::overview`).

use super::axis::{AxisMapping, MIN_SPAN_DAYS, TimeView};
use super::lanes::Lanes;
use super::visibility::Visibility;
use crate::model::{Day, Span};

/// The strip's height in the window and in exported images.
pub(crate) const OVERVIEW_HEIGHT: f32 = 42.0;
/// Narrower than this, the view's window on the strip is drawn (and grabbed) this wide.
pub(crate) const MIN_WINDOW_WIDTH: f64 = 8.0;
/// How near the window's edges (points) a drag resizes instead of moving it.
const EDGE_GRIP: f64 = 5.0;

/// The whole timeline in columns, counted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    /// The time the strip spans, edge to edge.
    pub whole: TimeView,
    /// Shown events overlapping each column.
    pub counts: Vec<u32>,
    pub max: u32,
    /// The fewest events a column that has any holds.
    pub least: u32,
    /// Columns holding the start of a search match, ascending, each once.
    pub matches: Vec<u32>,
}

/// The time across the strip for a timeline whose events run over `extent`.
pub fn whole_view(extent: (Day, Day)) -> TimeView {
    TimeView::fit(extent.0, extent.1, 0.01)
}

impl Overview {
    /// The overview `columns` wide of the events `visibility` shows (all when `None`), with the
    /// columns of `match_starts` (sorted) ticked; `None` when nothing is dated.
    pub fn new(
        lanes: &Lanes,
        spans: &[Option<Span>],
        visibility: Option<&Visibility>,
        match_starts: Option<&[Day]>,
        columns: usize,
    ) -> Option<Self> {
        let extent = lanes.extent?;
        let columns = columns.max(1);
        let whole = whole_view(extent);
        let span = |e: u32| spans.get(e as usize).copied().flatten();
        let (by_start, by_end) = match visibility {
            Some(v) => (v.chronological(lanes), v.by_end(lanes)),
            None => (lanes.chronological.as_slice(), lanes.by_end.as_slice()),
        };
        let mut counts = Vec::with_capacity(columns);
        let (mut started, mut ended) = (0, 0);
        for c in 0..columns {
            let (t0, t1) = column_bounds(&whole, columns, c);
            started = advance(by_start, started, |e| span(e).is_some_and(|s| s.start < t1));
            ended = advance(by_end, ended, |e| span(e).is_some_and(|s| s.end <= t0));
            counts.push(u32::try_from(started.saturating_sub(ended)).unwrap_or(u32::MAX));
        }
        let max = counts.iter().copied().max().unwrap_or(0);
        let least = counts.iter().copied().filter(|&n| n > 0).min().unwrap_or(0);
        let mut matches: Vec<u32> = match_starts
            .unwrap_or_default()
            .iter()
            .filter_map(|&t| column_of(&whole, columns, t))
            .filter_map(|c| u32::try_from(c).ok())
            .collect();
        matches.dedup();
        Some(Self { whole, counts, max, least, matches })
    }

    pub fn columns(&self) -> usize {
        self.counts.len()
    }

    /// The time range `[t0, t1)` of column `c`.
    pub fn column_bounds(&self, c: usize) -> (Day, Day) {
        column_bounds(&self.whole, self.columns(), c)
    }

    /// How much of `full` height column `c`'s bar takes: log-scaled from the emptiest column
    /// that has events to the fullest, so that one event and ten thousand both read, and a
    /// crowd stands out from a timeline that is busy everywhere; any event at all gets a sliver.
    pub fn height(&self, c: usize, full: f32) -> f32 {
        let n = self.counts.get(c).copied().unwrap_or(0);
        if n == 0 {
            return 0.0;
        }
        let floor = 2.0_f32.min(full);
        // The emptiest column stands a little above the sliver: the log of its count is zero
        // when it holds one event.
        let low = f64::from(self.least.max(1)).ln() - 2.0_f64.ln();
        let range = f64::from(self.max.max(1)).ln() - low;
        if range <= 0.0 {
            return full;
        }
        #[allow(clippy::cast_possible_truncation)] // a fraction of a few dozen points
        let t = ((f64::from(n).ln() - low) / range).clamp(0.0, 1.0) as f32;
        floor + (full - floor) * t
    }

    /// How full column `c` is, linearly (0–1): bars darken with it, so that peaks read at a
    /// glance where heights are log-scaled.
    pub fn density(&self, c: usize) -> f32 {
        let n = self.counts.get(c).copied().unwrap_or(0);
        #[allow(clippy::cast_possible_truncation)]
        let d = (f64::from(n) / f64::from(self.max.max(1))) as f32;
        d
    }
}

#[allow(clippy::cast_precision_loss)] // columns are a few thousand
fn column_bounds(whole: &TimeView, columns: usize, c: usize) -> (Day, Day) {
    let step = whole.span / columns as f64;
    (whole.min + c as f64 * step, whole.min + (c + 1) as f64 * step)
}

#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn column_of(whole: &TimeView, columns: usize, t: Day) -> Option<usize> {
    let c = ((t - whole.min) / whole.span * columns as f64).floor();
    (c.is_finite() && c >= 0.0 && c < columns as f64).then_some(c as usize)
}

/// The first position at or after `from` where `before` stops holding (it holds on a prefix of
/// `order`): galloping, so that a column that adds few events costs few steps.
fn advance(order: &[u32], from: usize, before: impl Fn(u32) -> bool) -> usize {
    let mut step = 1;
    let mut lo = from;
    while lo + step <= order.len() && before(order[lo + step - 1]) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(order.len());
    lo + order[lo..hi].partition_point(|&e| before(e))
}

/// What a press on the strip takes hold of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grip {
    /// The view's window: dragging pans.
    Window,
    /// The window's left or right edge: dragging zooms, the other edge staying put.
    Start,
    End,
    /// Elsewhere: a click goes there.
    Outside,
}

/// The view's window on the strip, as screen x `[left, right]`: at least
/// [`MIN_WINDOW_WIDTH`] wide around its centre, so that a view of a day on a century stays
/// visible and can be grabbed.
pub fn window_x(strip: &AxisMapping, view: TimeView) -> (f64, f64) {
    let (a, b) = (strip.x_from_time(view.min), strip.x_from_time(view.max()));
    if b - a >= MIN_WINDOW_WIDTH {
        return (a, b);
    }
    let mid = a.midpoint(b);
    (mid - MIN_WINDOW_WIDTH / 2.0, mid + MIN_WINDOW_WIDTH / 2.0)
}

/// What a press at `x` takes hold of.
pub fn grip_at(strip: &AxisMapping, view: TimeView, x: f64) -> Grip {
    let (a, b) = window_x(strip, view);
    // A narrow window is all middle: there is no room to tell its edges from it.
    let edges = b - a > 3.0 * EDGE_GRIP;
    if edges && (x - a).abs() <= EDGE_GRIP {
        Grip::Start
    } else if edges && (x - b).abs() <= EDGE_GRIP {
        Grip::End
    } else if (a - EDGE_GRIP..=b + EDGE_GRIP).contains(&x) {
        Grip::Window
    } else {
        Grip::Outside
    }
}

/// The view after the pointer that took `grip` of `start` moved `dx` points along the strip.
pub fn dragged(strip: &AxisMapping, start: TimeView, grip: Grip, dx: f64) -> TimeView {
    if !dx.is_finite() {
        return start;
    }
    let days = dx / strip.points_per_day();
    match grip {
        Grip::Window => TimeView { min: start.min + days, span: start.span }.sanitized(),
        Grip::Start => {
            let min = (start.min + days).min(start.max() - MIN_SPAN_DAYS);
            TimeView { min, span: start.max() - min }.sanitized()
        }
        Grip::End => {
            let max = (start.max() + days).max(start.min + MIN_SPAN_DAYS);
            TimeView { min: start.min, span: max - start.min }.sanitized()
        }
        Grip::Outside => start,
    }
}

/// The view centred on the time under `x`, as wide as `view`: where a click on the strip goes.
pub fn centred_at(strip: &AxisMapping, view: TimeView, x: f64) -> TimeView {
    TimeView { min: strip.time_from_x(x) - view.span / 2.0, span: view.span }.sanitized()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::layout::lanes::assign;

    fn span(start: f64, len: f64) -> Span {
        Span::plain(start, len)
    }

    proptest! {
        #[test]
        fn counts_equal_a_brute_force_count_per_column(
            items in proptest::collection::vec((0.0_f64..1000.0, 0.0_f64..80.0, any::<bool>(), 0_u8..10), 1..400),
            columns in 1_usize..300, filtered in any::<bool>(),
            matches in proptest::collection::vec(-50.0_f64..1100.0, 0..20),
        ) {
            // Two events fix the extent, so that some can start or end exactly on a column's
            // edge; some share a start or last no time at all, some are undated.
            let whole = whole_view((0.0, 1000.0));
            let edge = |x: f64| {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let c = (x / 1000.0 * columns as f64) as usize;
                column_bounds(&whole, columns, c).0.max(0.0)
            };
            let spans: Vec<Option<Span>> = [Some(span(0.0, 1.0)), Some(span(999.0, 1.0))]
                .into_iter()
                .chain(items.iter().map(|&(s, l, _, kind)| match kind {
                    0 => None,
                    1 => Some(span(s.floor(), 0.0)),
                    2 => Some(span(s.floor(), 1.0)),
                    3 => Some(span(edge(s), edge((s + l).min(999.0)) - edge(s))),
                    4 => Some(span(edge(s), l)),
                    5 => Some(span(s, (edge(s + l) - s).max(0.0))),
                    _ => Some(span(s, l)),
                }))
                .collect();
            let mask: Vec<bool> = [true, false].into_iter().chain(items.iter().map(|i| i.2)).collect();
            let lanes = assign(&spans, &|_| 3);
            let vis = filtered.then(|| Visibility::new(mask.clone(), &lanes));
            let mut starts = matches.clone();
            starts.sort_by(f64::total_cmp);
            let Some(o) = Overview::new(&lanes, &spans, vis.as_ref(), Some(&starts), columns) else {
                prop_assert!(spans.iter().all(Option::is_none));
                return Ok(());
            };
            prop_assert_eq!(o.columns(), columns);
            for c in 0..columns {
                let (t0, t1) = o.column_bounds(c);
                let brute = spans
                    .iter()
                    .enumerate()
                    .filter(|&(i, s)| (!filtered || mask[i]) && s.is_some_and(|s| s.start < t1 && s.end > t0))
                    .count();
                prop_assert_eq!(o.counts[c] as usize, brute, "column {} [{}, {})", c, t0, t1);
            }
            prop_assert_eq!(o.max, o.counts.iter().copied().max().unwrap_or(0));
            // Every match inside the strip is ticked in its column (or, on a rounding at a
            // column's very edge, its neighbour's), and every tick has a match.
            for &t in starts.iter().filter(|&&t| t >= o.whole.min && t < o.whole.max()) {
                let brute = (0..columns).find(|&c| {
                    let (t0, t1) = o.column_bounds(c);
                    t >= t0 && t < t1
                });
                if let Some(c) = brute {
                    prop_assert!(o.matches.iter().any(|&m| (m as usize).abs_diff(c) <= 1), "{} in column {}", t, c);
                }
            }
            for m in &o.matches {
                let (t0, t1) = o.column_bounds(*m as usize);
                let step = t1 - t0;
                prop_assert!(starts.iter().any(|&t| t >= t0 - step && t < t1 + step));
            }
            prop_assert!(o.matches.windows(2).all(|w| w[0] < w[1]));
        }

        #[test]
        fn dragging_the_window_pans_and_its_edges_zoom(
            min in 0.0_f64..900.0, span in 1.0_f64..100.0, dx in -300.0_f64..300.0,
        ) {
            let strip = AxisMapping::new(TimeView { min: 0.0, span: 1000.0 }, 10.0, 500.0);
            let view = TimeView { min, span };
            let moved = dragged(&strip, view, Grip::Window, dx);
            prop_assert!((moved.span - span).abs() < 1e-9);
            prop_assert!((moved.min - (min + dx * 2.0)).abs() < 1e-6);
            let start = dragged(&strip, view, Grip::Start, dx);
            prop_assert!((start.max() - view.max()).abs() < 1e-6);
            prop_assert!(start.span >= MIN_SPAN_DAYS);
            let end = dragged(&strip, view, Grip::End, dx);
            prop_assert!((end.min - view.min).abs() < 1e-9);
            prop_assert!(end.span >= MIN_SPAN_DAYS);
        }
    }

    #[test]
    fn a_press_takes_the_window_its_edges_or_goes_there() {
        let strip = AxisMapping::new(TimeView { min: 0.0, span: 1000.0 }, 0.0, 1000.0);
        let view = TimeView { min: 200.0, span: 100.0 };
        assert_eq!(grip_at(&strip, view, 250.0), Grip::Window);
        assert_eq!(grip_at(&strip, view, 202.0), Grip::Start);
        assert_eq!(grip_at(&strip, view, 299.0), Grip::End);
        assert_eq!(grip_at(&strip, view, 600.0), Grip::Outside);
        let centred = centred_at(&strip, view, 600.0);
        assert!((centred.center() - 600.0).abs() < 1e-9 && (centred.span - 100.0).abs() < 1e-9);
        // A view of an hour on a thousand days is still a window to take hold of.
        let tiny = TimeView { min: 500.0, span: 0.25 };
        let (a, b) = window_x(&strip, tiny);
        assert!((b - a - MIN_WINDOW_WIDTH).abs() < 1e-9);
        assert_eq!(grip_at(&strip, tiny, 503.0), Grip::Window);
    }

    #[test]
    fn one_event_and_ten_thousand_both_read() {
        let o = Overview {
            whole: TimeView::default(),
            counts: vec![0, 1, 10, 10_000],
            max: 10_000,
            least: 1,
            matches: vec![],
        };
        assert!(o.height(0, 30.0).abs() < f32::EPSILON);
        assert!(o.height(1, 30.0) >= 2.0);
        assert!(o.height(2, 30.0) > o.height(1, 30.0) && o.height(2, 30.0) < o.height(3, 30.0));
        assert!((o.height(3, 30.0) - 30.0).abs() < 1e-4);
        // Busy everywhere, crowded in one place: the crowd stands out.
        let busy = Overview { counts: vec![200, 250, 8_000], max: 8_000, least: 200, ..o };
        assert!(busy.height(0, 30.0) < 0.4 * busy.height(2, 30.0));
        assert!(busy.density(2) > 10.0 * busy.density(0));
    }
}
