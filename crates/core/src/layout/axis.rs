//! The time axis: which span of time the view shows, and the mapping between time and screen x.
//!
//! As in rerun's time panel, the saved view is tiny ([`TimeView`]) and the mapping
//! ([`AxisMapping`]) is rebuilt each frame from the view and the screen range. Pan and zoom return
//! a new view instead of mutating. Screen x is `f64`: zoomed in to days on a centuries-long
//! timeline, off-screen positions lie far outside what `f32` holds precisely.

use serde::{Deserialize, Serialize};

use crate::model::Day;
use crate::model::date::MAX_ABS_YEAR;

/// The narrowest view: six hours across the screen.
pub(crate) const MIN_SPAN_DAYS: f64 = 0.25;
/// The widest view: a little over the range of years a date may have.
#[allow(clippy::cast_precision_loss)] // MAX_ABS_YEAR is exactly representable
pub(crate) const MAX_SPAN_DAYS: f64 = MAX_ABS_YEAR as f64 * 365.2425 * 2.5;

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeView {
    /// Time at the left edge.
    pub min: Day,
    /// Time spanned by the whole width.
    pub span: f64,
}

impl Default for TimeView {
    fn default() -> Self {
        // 2000–2025: a sensible view before anything is loaded.
        Self { min: 10_957.0, span: 9_131.0 }
    }
}

impl TimeView {
    /// A valid view: finite, and a span within the limits.
    #[must_use]
    pub fn sanitized(self) -> Self {
        let span =
            if self.span.is_finite() { self.span.clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS) } else { Self::default().span };
        let min =
            if self.min.is_finite() { self.min.clamp(-MAX_SPAN_DAYS, MAX_SPAN_DAYS) } else { Self::default().min };
        Self { min, span }
    }

    /// A view showing `[start, end)` with a margin of `margin` (a fraction of the span) each side.
    pub fn fit(start: Day, end: Day, margin: f64) -> Self {
        if !(start.is_finite() && end.is_finite()) || end < start {
            return Self::default();
        }
        // A single day fitted alone would fill the screen; show a month around it instead.
        let span = (end - start).max(30.0);
        let center = start.midpoint(end);
        let span = span * (1.0 + 2.0 * margin);
        Self { min: center - span / 2.0, span }.sanitized()
    }

    pub fn max(&self) -> Day {
        self.min + self.span
    }

    pub fn center(&self) -> Day {
        self.min + self.span / 2.0
    }

    /// Linear interpolation between two views, for animated moves.
    #[must_use]
    pub fn lerp(&self, to: &Self, t: f64) -> Self {
        // Interpolating the span geometrically keeps a zoom-in from racing at the start.
        let span = (self.span.ln() + (to.span.ln() - self.span.ln()) * t).exp();
        let center = self.center() + (to.center() - self.center()) * t;
        Self { min: center - span / 2.0, span }.sanitized()
    }
}

/// Maps time to screen x and back for one frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AxisMapping {
    pub view: TimeView,
    /// Screen x of the view's left edge.
    pub left: f64,
    /// Width in points; never zero.
    pub width: f64,
}

impl AxisMapping {
    pub fn new(view: TimeView, left: f64, width: f64) -> Self {
        let width = if width.is_finite() && width >= 1.0 { width } else { 1.0 };
        Self { view: view.sanitized(), left, width }
    }

    pub fn x_from_time(&self, t: Day) -> f64 {
        self.left + (t - self.view.min) / self.view.span * self.width
    }

    pub(crate) fn time_from_x(&self, x: f64) -> Day {
        self.view.min + (x - self.left) / self.width * self.view.span
    }

    pub fn points_per_day(&self) -> f64 {
        self.width / self.view.span
    }

    pub fn right(&self) -> f64 {
        self.left + self.width
    }

    /// The view moved by `dx` points (positive: content moves right, showing earlier times).
    pub fn pan(&self, dx: f64) -> TimeView {
        if !dx.is_finite() {
            return self.view;
        }
        TimeView { min: self.view.min - dx / self.points_per_day(), span: self.view.span }.sanitized()
    }

    /// The view zoomed by `factor` (> 1 zooms in) keeping the time under screen `x` fixed.
    pub fn zoom_at(&self, x: f64, factor: f64) -> TimeView {
        if !(factor.is_finite() && factor > 0.0 && x.is_finite()) {
            return self.view;
        }
        let t = self.time_from_x(x);
        let span = (self.view.span / factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let min = t - (x - self.left) / self.width * span;
        TimeView { min, span }.sanitized()
    }

    /// The view scrolled just enough to show `[start, end)` with `margin` points to spare,
    /// zooming out only if the span is wider than the screen.
    pub fn reveal(&self, start: Day, end: Day, margin: f64) -> TimeView {
        let ppd = self.points_per_day();
        let needed = (end - start) * ppd + 2.0 * margin;
        if needed > self.width {
            return TimeView::fit(start, end, 0.1);
        }
        let x0 = self.x_from_time(start) - margin;
        let x1 = self.x_from_time(end) + margin;
        if x0 < self.left {
            self.pan(self.left - x0)
        } else if x1 > self.right() {
            self.pan(self.right() - x1)
        } else {
            self.view
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn invalid_views_are_cleaned_up() {
        let v = TimeView { min: f64::NAN, span: 0.0 }.sanitized();
        assert!(v.min.is_finite() && v.span >= MIN_SPAN_DAYS);
        let m = AxisMapping::new(TimeView::default(), 0.0, 0.0);
        assert!(m.width >= 1.0);
        assert_eq!(m.zoom_at(10.0, f64::INFINITY), m.view);
    }

    #[test]
    fn reveal_pans_only_as_needed() {
        let m = AxisMapping::new(TimeView { min: 0.0, span: 100.0 }, 0.0, 1000.0);
        assert_eq!(m.reveal(10.0, 20.0, 5.0), m.view);
        let v = m.reveal(150.0, 151.0, 10.0);
        assert!((v.span - 100.0).abs() < 1e-9);
        let after = AxisMapping::new(v, 0.0, 1000.0);
        assert!(after.x_from_time(151.0) <= 1000.0 && after.x_from_time(150.0) >= 0.0);
    }

    proptest! {
        #[test]
        fn time_x_round_trip_within_half_a_pixel(
            min in -1e8_f64..1e8, span in MIN_SPAN_DAYS..1e12, width in 100.0_f64..8000.0, px in 0.0_f64..1.0
        ) {
            // ±270,000 years at any zoom down to six hours; deeper time is checked below.
            let m = AxisMapping::new(TimeView { min, span }, 37.0, width);
            let x = 37.0 + px * width;
            let back = m.x_from_time(m.time_from_x(x));
            prop_assert!((back - x).abs() < 0.5, "{x} -> {back}");
        }

        #[test]
        fn deep_time_round_trips_at_a_year_per_pixel(min in -5e12_f64..5e12, width in 100.0_f64..8000.0, px in 0.0_f64..1.0) {
            let m = AxisMapping::new(TimeView { min, span: width * 365.0 }, 0.0, width);
            let x = px * width;
            prop_assert!((m.x_from_time(m.time_from_x(x)) - x).abs() < 0.5);
        }

        #[test]
        fn zoom_keeps_the_time_under_the_cursor(
            min in -1e9_f64..1e9, span in 1.0_f64..1e9, px in 0.0_f64..1.0, factor in 0.1_f64..10.0
        ) {
            let m = AxisMapping::new(TimeView { min, span }, 0.0, 1500.0);
            let x = px * 1500.0;
            let t = m.time_from_x(x);
            let zoomed = AxisMapping::new(m.zoom_at(x, factor), 0.0, 1500.0);
            prop_assert!((zoomed.x_from_time(t) - x).abs() < 0.5);
        }

        #[test]
        fn pan_moves_content_by_dx(min in -1e9_f64..1e9, span in 1.0_f64..1e9, dx in -3000.0_f64..3000.0) {
            let m = AxisMapping::new(TimeView { min, span }, 0.0, 1200.0);
            let t = m.time_from_x(600.0);
            let panned = AxisMapping::new(m.pan(dx), 0.0, 1200.0);
            prop_assert!((panned.x_from_time(t) - (600.0 + dx)).abs() < 0.5);
        }
    }
}
