//! One lane of the timeline's scene: its events as bars and markers, those too narrow to
//! tell apart merged into shaded cluster marks by jumping (by binary search) to the first event
//! past the mark, and their labels, each bounded by the next mark.

use emath::{Rect, pos2};

use super::build::{BAR_HEIGHT, BAR_TOP, GROUP_LABEL_SIZE, LABEL_GAP, MIN_LABEL_WIDTH, NARROW, SceneOptions};
use super::label::{LabelText, PendingLabel};
use super::marks::{self, DateStyle, MARKER_SIZE};
use super::{Hit, Scene, Shape, Target};
use crate::layout::axis::AxisMapping;
use crate::layout::lanes::{Lane, Lanes};
use crate::layout::rows::{LANE_HEIGHT, head_height};
use crate::layout::text::TextMeasure;
use crate::model::{Day, Document};

/// Events of a lane merged into one mark: their indices in the lane, the mark's left end, the
/// end of the time it gathers, where the next mark starts, and the lane's top.
struct Bucket {
    events: std::ops::Range<usize>,
    x0: f64,
    end: Day,
    next_x: f64,
    y: f32,
}

pub(super) struct LaneBuilder<'a, 'b> {
    pub(super) doc: &'a Document,
    pub(super) mapping: &'a AxisMapping,
    pub(super) opts: &'a SceneOptions<'b>,
    pub(super) scene: &'a mut Scene,
    /// Right end of the last label placed in the current lane.
    pub(super) last_label_end: f32,
}

impl LaneBuilder<'_, '_> {
    #[allow(clippy::cast_possible_truncation)] // x positions are clamped near the screen before narrowing
    pub(super) fn lane(&mut self, lane: &Lane, lane_index: u32, y: f32) {
        let m = self.mapping;
        let canvas = self.opts.canvas;
        let (lo, hi) = self.x_limits();
        let clamp_x = |x: f64| x.clamp(lo, hi) as f32;
        // Shapes may reach `lo..hi`, so that is the time range in view.
        let (t_lo, t_hi) = (m.time_from_x(lo), m.time_from_x(hi));
        // The mapping, multiplied out once: this loop runs for every mark of a dense frame.
        let (t0, x_left, ppd) = (m.view.min, m.left, m.points_per_day());
        let x_of = |t: f64| x_left + (t - t0) * ppd;
        let narrow_days = NARROW / ppd;
        let range = lane.visible_range(t_lo, t_hi);
        self.last_label_end = f32::NEG_INFINITY;
        let mut pending: Option<PendingLabel> = None;
        let mut i = range.start;
        while i < range.end {
            // A long interval earlier in the lane may have let events that end before the view
            // into the range (in over-full lanes, where events overlap). Only events starting
            // before the view can: the others skip a load, as this loop is memory-bound.
            if (lane.starts[i] < t_lo && lane.ends[i] < t_lo)
                || self.opts.visible.is_some_and(|v| !v.shown(lane.events[i]))
            {
                i += 1;
                continue;
            }
            let event = lane.events[i];
            let x0 = x_of(lane.starts[i]);
            let x1 = x_of(lane.ends[i]);
            // In an over-full lane a wide event stands alone only if nothing starts under it.
            let alone = || !lane.overlapping || lane.starts.get(i + 1).is_none_or(|&s| s >= lane.ends[i]);
            let (visual_left, next) = if x1 - x0 >= NARROW && alone() {
                self.event_mark(event, x0, x1, y);
                (x0, i + 1)
            } else {
                // Everything starting within NARROW points merges into one mark.
                let bucket_end = lane.starts[i] + narrow_days;
                let mut j = lane.first_start_at_or_after(i + 1, range.end, bucket_end);
                // In a lane without overlaps, only the bucket's last event can be wide, and it is
                // drawn on its own. In an over-full lane everything starting here merges, so that
                // dense data reads as density rather than as a pile of overlapping bars.
                if !lane.overlapping && j - i > 1 && (lane.ends[j - 1] - lane.starts[j - 1]) * ppd >= NARROW {
                    j -= 1;
                }
                if j - i == 1 {
                    self.event_mark(event, x0, x1, y);
                    (x0 - f64::from(MARKER_SIZE) / 2.0, j)
                } else {
                    let next_x = if j < range.end { x_of(lane.starts[j]) } else { f64::INFINITY };
                    let bucket = Bucket { events: i..j, x0, end: bucket_end, next_x, y };
                    self.cluster_mark(lane, lane_index, bucket, &mut pending);
                    i = j;
                    continue;
                }
            };
            let label_x = clamp_x(visual_left).max(canvas.left() + 2.0);
            self.finish_label(&mut pending, clamp_x(visual_left));
            let selected = self.opts.selected == Some(event);
            let number = self.opts.numbers.and_then(|n| n.get(event as usize)).copied().unwrap_or(0);
            pending = Some(PendingLabel {
                x: label_x,
                y,
                text: LabelText::Event { event, number },
                bold: selected || self.opts.hovered == Some(event),
                color: if selected { self.opts.palette.selected } else { self.opts.palette.text },
                target: Target::Event(event),
            });
            i = next;
        }
        self.finish_label(&mut pending, canvas.right() + LABEL_GAP);
    }

    /// Events merged into one mark (`bucket`): the mark, clickable, and its count as the pending
    /// label when there is room for it before the next mark. Events hidden by the filter or
    /// ended before the view leave the mark out when none is left.
    #[allow(clippy::cast_possible_truncation)] // x positions are clamped near the screen before narrowing
    fn cluster_mark(&mut self, lane: &Lane, lane_index: u32, bucket: Bucket, pending: &mut Option<PendingLabel>) {
        let (lo, hi) = self.x_limits();
        let clamp_x = |x: f64| x.clamp(lo, hi) as f32;
        let m = self.mapping;
        let t_lo = m.time_from_x(lo);
        let Bucket { events, x0, end, next_x, y } = bucket;
        let first = events.start;
        let (count, reach) = self.cluster(lane, lane_index, events, x0 < lo, t_lo);
        let count = count as u64;
        if count == 0 {
            return;
        }
        let left = clamp_x(x0);
        let right = clamp_x((x0 + NARROW - 1.0).max(m.x_from_time(reach)));
        let rect = Rect::from_min_max(
            pos2(left, y + BAR_TOP - 1.0),
            pos2(right.max(left + 3.0), y + BAR_TOP + BAR_HEIGHT + 1.0),
        );
        self.scene.merged_events += count;
        let target = Target::Cluster {
            start: lane.starts[first],
            end,
            count: u32::try_from(count).unwrap_or(u32::MAX),
            lane: lane_index,
        };
        self.scene.clusters.push(Hit { rect, target });
        if pending.is_some() {
            self.finish_label(pending, left);
        }
        // Most marks of a dense frame sit too close to the next for any label.
        let canvas = self.opts.canvas;
        let label_x = left.max(canvas.left() + 2.0);
        let room = next_x - f64::from(label_x);
        // A mark left of the canvas (in the overdraw) is not seen: its count would stand alone.
        *pending = (room >= f64::from(MIN_LABEL_WIDTH + LABEL_GAP) && rect.right() > canvas.left() + 1.0).then_some(
            PendingLabel {
                x: label_x,
                y,
                text: LabelText::Count(count),
                bold: false,
                color: self.opts.palette.text_muted,
                target,
            },
        );
    }

    /// The selected event merged into a cluster would not show: draw it over the cluster, so
    /// that a search result or a step with → always shows where it is.
    #[allow(clippy::cast_precision_loss)] // lane counts are small
    pub(super) fn selected_on_top(&mut self, event: u32, lanes: &Lanes, rows: &[usize], lanes_top: f32) {
        if self.scene.shown_events.iter().any(|&(e, _)| e == event) || !self.opts.visible.is_none_or(|v| v.shown(event))
        {
            return;
        }
        let (Some(span), Some(&lane)) = (self.doc.span(event as usize), lanes.lane_of.get(event as usize)) else {
            return;
        };
        let Some(row) = rows.iter().position(|&r| r == lane as usize) else { return };
        let (lo, hi) = self.x_limits();
        let (x0, x1) = (self.mapping.x_from_time(span.start), self.mapping.x_from_time(span.end));
        let y = lanes_top + row as f32 * LANE_HEIGHT;
        let canvas = self.opts.canvas;
        if x1 < lo || x0 > hi || y + LANE_HEIGHT < canvas.top() + head_height(self.doc) || y > canvas.bottom() {
            return;
        }
        self.event_mark(event, x0, x1, y);
    }

    /// A group's header row: its name over a rule across the canvas.
    pub(super) fn group_header(&mut self, group: Option<u32>, y: f32) {
        let pal = self.opts.palette;
        let canvas = self.opts.canvas;
        let name = match group {
            Some(crate::layout::lanes::NO_GROUP) | None => "Other events",
            Some(g) => self.doc.groups().get(g as usize).map_or("", |n| &**n),
        };
        let line_y = y + LANE_HEIGHT - 6.0;
        self.scene.line(pos2(canvas.left(), line_y), pos2(canvas.right(), line_y), 1.0, pal.grid_major);
        let measure = TextMeasure::get();
        if let Some(text) = measure.fit(name, GROUP_LABEL_SIZE, true, canvas.width() - 16.0) {
            let pos = pos2(canvas.left() + 8.0, line_y - GROUP_LABEL_SIZE * 1.4);
            let width = measure.width(&text, GROUP_LABEL_SIZE, true);
            let rect = Rect::from_min_size(pos, emath::vec2(width, GROUP_LABEL_SIZE * 1.4));
            self.scene.group_headers.push((name.to_owned(), rect));
            self.scene.text(pos, text.into_owned(), GROUP_LABEL_SIZE, true, pal.text);
        }
    }

    /// The x range shapes may reach.
    pub(super) fn x_limits(&self) -> (f64, f64) {
        let c = self.opts.canvas;
        (f64::from(c.left() - self.opts.overdraw), f64::from(c.right() + self.opts.overdraw))
    }

    /// Darkens cluster marks by how many events they hold, on a log scale up to the fullest one
    /// in view, so that where events bunch up shows at a glance.
    ///
    /// Shades come in a few steps, and neighbouring marks of one shade in a lane become one
    /// rectangle: a dense frame hands the painters far fewer shapes.
    /// Draws the merged marks, beneath the lanes' own bars and labels (drawn from shape
    /// `under` on): in an over-full lane a named bar stays readable over the crowd it crosses.
    pub(super) fn shade_clusters(&mut self, under: usize) {
        let count_of = |h: &Hit| match h.target {
            Target::Cluster { count, .. } => u64::from(count),
            Target::Event(_) => 1,
        };
        let max = self.scene.clusters.iter().map(count_of).max().unwrap_or(1).max(2);
        let thresholds = shade_thresholds(max);
        #[allow(clippy::cast_possible_truncation)] // at most SHADES
        let shade = |count: u64| thresholds.iter().take_while(|&&t| count >= t).count() as u8;
        let mut run: Option<(Rect, u8)> = None;
        let mut runs = Vec::new();
        for hit in &self.scene.clusters {
            let (rect, level) = (hit.rect, shade(count_of(hit)));
            match &mut run {
                Some((r, l)) if *l == level && (r.top() - rect.top()).abs() < 0.5 && rect.left() <= r.right() + 1.5 => {
                    r.max.x = r.max.x.max(rect.right());
                }
                _ => {
                    runs.extend(run.take());
                    run = Some((rect, level));
                }
            }
        }
        runs.extend(run);
        let added = runs.len();
        for (r, l) in runs {
            marks::cluster(self.scene, r, f32::from(l) / f32::from(SHADES), self.opts.palette.cluster);
        }
        let shapes = &mut self.scene.shapes;
        let under = under.min(shapes.len());
        let moved = added.min(shapes.len() - under);
        shapes[under..].rotate_right(moved);
    }

    /// Draws one event's bar or marker and records where it can be clicked.
    #[allow(clippy::cast_possible_truncation)] // x positions are clamped near the screen before narrowing
    pub(super) fn event_mark(&mut self, event: u32, x0: f64, x1: f64, y: f32) {
        let (lo, hi) = self.x_limits();
        let Some(span) = self.doc.span(event as usize) else { return };
        let pal = self.opts.palette;
        let selected = self.opts.selected == Some(event);
        let color = if selected { pal.selected } else { pal.event };
        let style = DateStyle {
            approximate: span.approximate,
            uncertain: span.uncertain,
            open_start: span.open_start,
            open_end: span.open_end,
        };
        let outline = selected.then_some(pal.selected);
        let highlighted = self.opts.highlight.is_some_and(|h| h.get(event as usize).copied().unwrap_or(false));
        let halo_at = self.scene.shapes.len();
        let rect = if span.is_day && x1 - x0 < f64::from(MARKER_SIZE) {
            let cx = x0.midpoint(x1).clamp(lo, hi) as f32;
            let center = pos2(cx, y + BAR_TOP + BAR_HEIGHT / 2.0);
            marks::day_marker(self.scene, center, color, style, outline);
            Rect::from_center_size(center, emath::vec2(MARKER_SIZE, MARKER_SIZE))
        } else {
            let a = x0.max(lo);
            // Short spans stay visible as thin bars.
            let b = x1.min(hi).max(a + 3.0);
            let rect = Rect::from_min_max(pos2(a as f32, y + BAR_TOP), pos2(b as f32, y + BAR_TOP + BAR_HEIGHT));
            marks::bar(self.scene, rect, color, style, (x0 < lo, x1 > hi), outline);
            rect
        };
        if highlighted {
            let halo = Shape::Rect { rect: rect.expand(3.0), radius: 4.0, fill: pal.highlight, stroke: None };
            self.scene.shapes.insert(halo_at, halo);
        }
        let hit_rect = Rect::from_min_max(
            pos2(rect.left() - 3.0, y),
            pos2(rect.right().max(rect.left() + 12.0) + 3.0, y + LANE_HEIGHT - 4.0),
        );
        self.scene.hits.push(Hit { rect: hit_rect, target: Target::Event(event) });
        self.scene.shown_events.push((event, hit_rect));
    }

    /// Places the pending label, cut to end before `limit_x`. A label that runs into the right
    /// edge of the canvas moves left, into the free room before its mark, rather than being cut.
    /// How many shown events positions `range` of `lane` merge, and how far they reach (only
    /// worked out for a mark at the left edge, `at_left_edge`, which may hold long intervals
    /// that began before the view; elsewhere `-∞`). A mark at the left edge may also hold
    /// events that end before the view: it counts those it really shows. That is one mark per
    /// lane; the others count in O(1).
    pub(super) fn cluster(
        &self,
        lane: &Lane,
        lane_index: u32,
        range: std::ops::Range<usize>,
        at_left_edge: bool,
        t_lo: Day,
    ) -> (usize, Day) {
        let shown = |e: u32| self.opts.visible.is_none_or(|v| v.shown(e));
        if at_left_edge {
            range
                .filter(|&k| shown(lane.events[k]) && lane.ends[k] >= t_lo)
                .fold((0, f64::NEG_INFINITY), |(n, r), k| (n + 1, r.max(lane.ends[k])))
        } else {
            (self.opts.visible.map_or(range.len(), |v| v.count_in_lane(lane_index as usize, range)), f64::NEG_INFINITY)
        }
    }
}

pub(super) const SHADES: u8 = 6;

/// Shade level k of a cluster of `count` events is round(SHADES × ln count / ln max): level k
/// starts at max^((k − 0.5) / SHADES). Computed once per frame, so that a dense frame's
/// thousands of marks take a few comparisons each instead of a logarithm.
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub(super) fn shade_thresholds(max: u64) -> [u64; SHADES as usize] {
    std::array::from_fn(|k| {
        let k = k as f64 + 1.0;
        (max as f64).powf((k - 0.5) / f64::from(SHADES)).ceil() as u64
    })
}

/// The first index from `from` on whose value is at least `t`, in sorted `values`. Gallops out
/// from `from` before a binary search, so a mark holding a few events costs a few steps
/// whatever the lane's length.
pub(super) fn first_at_or_after(values: &[f64], from: usize, t: f64) -> usize {
    let mut lo = from;
    let mut step = 1;
    while lo + step <= values.len() && values[lo + step - 1] < t {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(values.len());
    lo + values[lo..hi].partition_point(|&v| v < t)
}
