//! Building the timeline's scene for one view: axis, grid, lanes of bars and markers, labels.
//!
//! Work per frame is bounded by the screen, not by the data: each lane finds its first visible
//! event by binary search, and events narrower than a few points are merged into cluster marks
//! by jumping (again by binary search) to the first event past the mark. A lane thus costs at
//! most about `width / NARROW` steps whatever it holds.

use ecolor::Color32;
use emath::{Rect, pos2};

use super::lane::{LaneBuilder, first_at_or_after};
use super::theme::Palette;
use super::{Scene, Shape};
use crate::layout::axis::AxisMapping;
use crate::layout::lanes::Lanes;
use crate::layout::rows::{AXIS_HEIGHT, ERA_STRIP, LANE_HEIGHT, LANES_TOP_GAP, head_height, lane_rows, lanes_height};
use crate::layout::text::TextMeasure;
use crate::layout::ticks::{TICK_FONT_SIZE, ticks};
use crate::layout::visibility::Visibility;
use crate::model::{Day, Document};

pub(crate) const LABEL_SIZE: f32 = 13.0;
/// Where in its lane row an event's bar stands (the label is above it).
pub const BAR_TOP: f32 = 19.0;
pub const BAR_HEIGHT: f32 = 10.0;
/// Events narrower than this (in points) may merge with their neighbours.
pub(crate) const NARROW: f64 = 8.0;
pub(super) const LABEL_GAP: f32 = 6.0;
pub(super) const GROUP_LABEL_SIZE: f32 = 14.0;
/// Narrower room than this gets no label.
pub(super) const MIN_LABEL_WIDTH: f32 = 24.0;

#[derive(Clone, Copy, Debug)]
pub struct SceneOptions<'a> {
    pub palette: Palette,
    /// Where the axis and lanes go.
    pub canvas: Rect,
    /// Vertical scroll of the lanes, in points.
    pub scroll_y: f32,
    pub selected: Option<u32>,
    pub hovered: Option<u32>,
    /// Leave out lanes with nothing in view (exports), instead of keeping every lane in place
    /// (the window, where lanes must not jump while panning).
    pub compact_lanes: bool,
    /// How far (points) shapes may reach past the canvas's left and right edges. The window
    /// clips, so it draws a little past them and no cut end shows; an image stops at the canvas.
    /// Either way huge off-screen coordinates never reach a painter.
    pub overdraw: f32,
    /// Footnote number of each event (0: none).
    pub numbers: Option<&'a [u32]>,
    /// Events to show; `None` shows all.
    pub visible: Option<&'a Visibility>,
    /// Events to mark as search matches, one flag per event.
    pub highlight: Option<&'a [bool]>,
    /// Where search matches start, sorted: ticked on the axis, so that matches merged into
    /// clusters or out of view still show where they are.
    pub match_starts: Option<&'a [Day]>,
    /// Proposed dates (start, end) shown as ghost marks along the axis while the Proposals list
    /// is open.
    pub ghosts: Option<&'a [(Day, Day)]>,
}

impl SceneOptions<'_> {
    /// Options as the window draws: every lane in place, a little overdraw, nothing selected.
    pub fn window(palette: Palette, canvas: Rect) -> Self {
        Self {
            palette,
            canvas,
            scroll_y: 0.0,
            selected: None,
            hovered: None,
            compact_lanes: false,
            overdraw: 40.0,
            numbers: None,
            visible: None,
            highlight: None,
            match_starts: None,
            ghosts: None,
        }
    }
}

/// Adds the timeline (axis, grid, lanes) to `scene`. Returns the height of the content.
pub fn build_timeline(
    doc: &Document,
    lanes: &Lanes,
    mapping: &AxisMapping,
    opts: &SceneOptions,
    scene: &mut Scene,
) -> f32 {
    let canvas = opts.canvas;
    let pal = opts.palette;
    let rows = lane_rows(lanes, mapping, opts.compact_lanes, opts.visible);
    let head = head_height(doc);
    let lanes_top = canvas.top() + head + LANES_TOP_GAP - opts.scroll_y;
    let tick_list = ticks(mapping);

    // Eras and grid behind everything.
    let eras = era_bands(doc, mapping, opts);
    for (i, (rect, _)) in eras.iter().enumerate() {
        let band = Rect::from_min_max(pos2(rect.left(), canvas.top() + head), pos2(rect.right(), canvas.bottom()));
        scene.rect(band, 0.0, pal.era[i % 2]);
    }
    for t in &tick_list {
        #[allow(clippy::cast_possible_truncation)] // on-screen x
        let x = t.x as f32;
        let color = if t.label.is_some() { pal.grid_major } else { pal.grid_minor };
        scene.line(pos2(x, canvas.top() + AXIS_HEIGHT), pos2(x, canvas.bottom()), 1.0, color);
    }

    // A dense frame makes about one mark per NARROW points a lane: size the lists once.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small positive counts
    let (marks_per_lane, visible_rows) = (
        (f64::from(canvas.width()) / NARROW) as usize + 2,
        ((canvas.height() / LANE_HEIGHT).max(0.0) as usize + 1).min(rows.len()),
    );
    scene.clusters.reserve(visible_rows * marks_per_lane);
    scene.shapes.reserve(visible_rows * 8);
    // Lanes on screen, with their tops.
    #[allow(clippy::cast_precision_loss)] // lane counts are small
    let on_screen: Vec<(usize, f32)> = rows
        .iter()
        .enumerate()
        .map(|(row, &lane)| (lane, lanes_top + row as f32 * LANE_HEIGHT))
        .filter(|&(_, y)| y + LANE_HEIGHT >= canvas.top() + head && y <= canvas.bottom())
        .collect();
    let lanes_from = scene.shapes.len();
    add_lanes(doc, lanes, mapping, opts, &on_screen, scene);
    let mut lane_builder = LaneBuilder { doc, mapping, opts, scene, last_label_end: f32::NEG_INFINITY };
    lane_builder.shade_clusters(lanes_from);
    if let Some(selected) = opts.selected {
        lane_builder.selected_on_top(selected, lanes, &rows, lanes_top);
    }

    // The axis band goes over lanes scrolled beneath it.
    let band = Rect::from_min_max(canvas.min, pos2(canvas.right(), canvas.top() + AXIS_HEIGHT));
    scene.rect(band, 0.0, pal.axis_band);
    scene.line(pos2(canvas.left(), band.bottom()), pos2(canvas.right(), band.bottom()), 1.0, pal.grid_major);
    for t in &tick_list {
        #[allow(clippy::cast_possible_truncation)] // on-screen x
        let x = t.x as f32;
        let len = if t.label.is_some() { 8.0 } else { 4.0 };
        scene.line(pos2(x, band.bottom() - len), pos2(x, band.bottom()), 1.0, pal.text_muted);
        if let Some(label) = &t.label {
            scene.text(pos2(x + 3.0, band.top() + 5.0), label.clone(), TICK_FONT_SIZE, false, pal.text_muted);
        }
    }
    if let Some(starts) = opts.match_starts {
        match_ticks(scene, starts, mapping, band, pal.match_mark);
    }
    if let Some(ghosts) = opts.ghosts {
        ghost_marks(scene, ghosts, mapping, band, opts);
    }
    if head > AXIS_HEIGHT {
        era_strip(scene, &eras, opts, band.bottom());
    }
    head + lanes_height(rows.len())
}

/// Adds the lanes in `on_screen` (lane index, top) to `scene`, in that order.
fn add_lanes(
    doc: &Document,
    lanes: &Lanes,
    mapping: &AxisMapping,
    opts: &SceneOptions,
    on_screen: &[(usize, f32)],
    scene: &mut Scene,
) {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a small positive count
    let marks_per_lane = (f64::from(opts.canvas.width()) / NARROW) as usize + 2;
    scene.clusters.reserve(on_screen.len() * marks_per_lane);
    let mut builder = LaneBuilder { doc, mapping, opts, scene, last_label_end: f32::NEG_INFINITY };
    for &(lane_index, y) in on_screen {
        let lane = &lanes.lanes[lane_index];
        if lane.is_header {
            builder.group_header(lane.group, y);
        } else {
            builder.lane(lane, u32::try_from(lane_index).unwrap_or(u32::MAX), y);
        }
    }
}

/// Eras in view: each one's band, cut to the drawable width, and its title.
fn era_bands<'d>(doc: &'d Document, mapping: &AxisMapping, opts: &SceneOptions) -> Vec<(Rect, &'d str)> {
    let (lo, hi) = (f64::from(opts.canvas.left() - opts.overdraw), f64::from(opts.canvas.right() + opts.overdraw));
    doc.eras()
        .filter_map(|(era, span)| {
            let (x0, x1) = (mapping.x_from_time(span.start).max(lo), mapping.x_from_time(span.end).min(hi));
            #[allow(clippy::cast_possible_truncation)] // clamped near the screen
            (x1 > x0).then(|| (Rect::from_x_y_ranges(x0 as f32..=x1 as f32, 0.0..=0.0), era.title.as_str()))
        })
        .collect()
}

/// The strip under the axis naming each era in view, over lanes scrolled beneath it.
fn era_strip(scene: &mut Scene, eras: &[(Rect, &str)], opts: &SceneOptions, top: f32) {
    let pal = opts.palette;
    let canvas = opts.canvas;
    let strip = Rect::from_min_max(pos2(canvas.left(), top), pos2(canvas.right(), top + ERA_STRIP));
    scene.rect(strip, 0.0, pal.background);
    let measure = TextMeasure::get();
    for (i, (rect, title)) in eras.iter().enumerate() {
        let band = Rect::from_min_max(pos2(rect.left(), strip.top()), pos2(rect.right(), strip.bottom()));
        scene.rect(band, 0.0, pal.era[i % 2]);
        scene.line(pos2(band.left(), band.top()), pos2(band.left(), band.bottom()), 1.0, pal.grid_major);
        let x = band.left().max(canvas.left()) + 4.0;
        let room = band.right().min(canvas.right()) - x - 4.0;
        if let Some(text) = measure.fit(title, ERA_LABEL_SIZE, true, room) {
            scene.text(pos2(x, band.top() + 3.0), text.into_owned(), ERA_LABEL_SIZE, true, pal.text_muted);
        }
    }
    scene.line(strip.left_bottom(), strip.right_bottom(), 1.0, pal.grid_major);
}

const ERA_LABEL_SIZE: f32 = 11.0;

/// Hollow bars along the bottom of the axis band, one per proposed date in view.
#[allow(clippy::cast_possible_truncation)] // x clamped to the canvas before narrowing
fn ghost_marks(scene: &mut Scene, ghosts: &[(Day, Day)], mapping: &AxisMapping, band: Rect, opts: &SceneOptions) {
    let (lo, hi) = (f64::from(opts.canvas.left() - 2.0), f64::from(opts.canvas.right() + 2.0));
    let color = opts.palette.event;
    for &(start, end) in ghosts {
        let (x0, x1) = (mapping.x_from_time(start).max(lo), mapping.x_from_time(end).min(hi));
        if x1 < lo || x0 > hi {
            continue;
        }
        #[allow(clippy::cast_possible_truncation)] // clamped to the canvas
        let (x0, x1) = (x0 as f32, (x1 as f32).max(x0 as f32 + 4.0));
        let rect = Rect::from_min_max(pos2(x0, band.bottom() - 14.0), pos2(x1, band.bottom() - 9.0));
        scene.shapes.push(Shape::Rect {
            rect,
            radius: 2.0,
            fill: color.gamma_multiply(0.25),
            stroke: Some(emath_stroke(color.gamma_multiply(0.8))),
        });
    }
}

fn emath_stroke(color: Color32) -> super::Stroke {
    super::Stroke { width: 1.0, color }
}

/// A short tick at the bottom of the axis band for each point holding a search match: the
/// matches' places at a glance, at any zoom, in O(width × log n).
#[allow(clippy::cast_possible_truncation)] // on-screen x
fn match_ticks(scene: &mut Scene, starts: &[Day], mapping: &AxisMapping, band: Rect, color: Color32) {
    let per_point = 1.0 / mapping.points_per_day();
    let mut i = starts.partition_point(|&t| t < mapping.view.min);
    while let Some(&t) = starts.get(i) {
        if t > mapping.view.max() {
            break;
        }
        let x = mapping.x_from_time(t) as f32;
        let r = Rect::from_min_max(pos2(x - 1.0, band.bottom() - 7.0), pos2(x + 1.0, band.bottom() - 1.0));
        scene.rect(r, 0.0, color);
        // Skip the rest of this tick's width (2 points).
        i = first_at_or_after(starts, i + 1, t + 2.0 * per_point);
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;

    use super::*;
    use crate::layout::axis::TimeView;
    use crate::model::{Progress, generate};
    use crate::scene::lane::{SHADES, shade_thresholds};
    use crate::scene::{Target, Theme};

    /// A document and its lanes.
    struct Loaded {
        doc: Document,
        lanes: Lanes,
    }

    fn synthetic(n: usize, seed: u64) -> Loaded {
        let doc = Document::new(generate::timeline(n, seed), Path::new("t.citeline.json"), &Progress::default())
            .expect("valid");
        let lanes = crate::layout::lanes::assign(doc.spans(), &|i| doc.events()[i].title.chars().count());
        Loaded { doc, lanes }
    }

    fn build(data: &Loaded, view: TimeView, mask: Option<&[bool]>) -> (Scene, AxisMapping, Rect) {
        let visibility = mask.map(|m| Visibility::new(m.to_vec(), &data.lanes));
        let visible = visibility.as_ref();
        #[allow(clippy::cast_precision_loss)]
        let height = AXIS_HEIGHT + lanes_height(data.lanes.lanes.len()) + 10.0;
        let canvas = Rect::from_min_max(pos2(50.0, 0.0), pos2(1250.0, height));
        let mapping = AxisMapping::new(view, 50.0, 1200.0);
        let options = SceneOptions { visible, ..SceneOptions::window(Theme::Light.palette(), canvas) };
        let mut scene = Scene::default();
        build_timeline(&data.doc, &data.lanes, &mapping, &options, &mut scene);
        (scene, mapping, canvas)
    }

    /// Events a brute-force pass finds in the drawable time range.
    fn brute_force(data: &Loaded, mapping: &AxisMapping, canvas: Rect, visible: Option<&[bool]>) -> usize {
        let t_lo = mapping.time_from_x(f64::from(canvas.left() - 40.0));
        let t_hi = mapping.time_from_x(f64::from(canvas.right() + 40.0));
        (0..data.doc.events().len())
            .filter(|&i| visible.is_none_or(|v| v[i]))
            .filter(|&i| data.doc.span(i).is_some_and(|s| s.end >= t_lo && s.start <= t_hi))
            .count()
    }

    fn accounted(scene: &Scene) -> usize {
        let mut shown: Vec<u32> = scene.shown_events.iter().map(|s| s.0).collect();
        let individually = shown.len();
        shown.sort_unstable();
        shown.dedup();
        assert_eq!(shown.len(), individually, "an event was drawn twice");
        // A cluster's mark and its label share one target: count each target once.
        let mut clusters: Vec<Target> = Vec::new();
        for h in scene.hits.iter().chain(&scene.clusters) {
            if matches!(h.target, Target::Cluster { .. }) && !clusters.contains(&h.target) {
                clusters.push(h.target);
            }
        }
        let merged: u64 = clusters
            .iter()
            .map(|t| match t {
                Target::Cluster { count, .. } => u64::from(*count),
                Target::Event(_) => 0,
            })
            .sum();
        assert_eq!(merged, scene.merged_events);
        individually + usize::try_from(scene.merged_events).expect("count")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn every_count_label_stands_beside_a_drawn_mark(center in 0.0_f64..1.0, zoom in 0_u32..14, seed in 1_u64..4) {
            let data = synthetic(20_000, seed);
            let (a, b) = data.lanes.extent.expect("dated");
            // From the whole extent down to a few days, anywhere in it.
            let span = ((b - a) * 0.5_f64.powi(i32::try_from(zoom).expect("small") * 2)).max(2.0);
            let view = TimeView { min: a + (b - a) * center - span / 2.0, span };
            let (scene, _, _) = build(&data, view, None);
            for shape in &scene.shapes {
                let Shape::Text(t) = shape else { continue };
                if !(t.text.ends_with(" event") || t.text.ends_with(" events")) || !t.text.starts_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                // The label sits above its row's bar: a mark of that row starts at or just before it.
                let beside = scene.clusters.iter().any(|c| {
                    c.rect.width() >= 1.0
                        && c.rect.top() > t.pos.y
                        && c.rect.top() - t.pos.y < LANE_HEIGHT
                        && c.rect.left() <= t.pos.x + 2.0
                        && c.rect.right() >= t.pos.x - 2.0
                });
                prop_assert!(beside, "{:?} at {:?} has no mark under it (view {:?})", t.text, t.pos, view);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn culled_merged_scene_accounts_for_exactly_the_events_in_view(
            seed in 0_u64..1000, n in 50_usize..4000, left in -0.2_f64..1.0, log_span in 0.5_f64..5.5, filter in 0_u32..3
        ) {
            let data = synthetic(n, seed);
            let (a, b) = data.lanes.extent.expect("dated");
            let span = 10f64.powf(log_span);
            let view = TimeView { min: a + left * (b - a), span };
            let visible: Option<Vec<bool>> = (filter == 0).then(|| (0..n).map(|i| i % 3 != 0).collect());
            let (scene, mapping, canvas) = build(&data, view, visible.as_deref());
            prop_assert_eq!(accounted(&scene), brute_force(&data, &mapping, canvas, visible.as_deref()));
        }
    }

    proptest! {
        #[test]
        fn shade_thresholds_agree_with_the_logarithm(max in 2_u64..2_000_000, frac in 0.0_f64..=1.0) {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
            let count = ((max as f64).powf(frac).round() as u64).clamp(1, max);
            let exact = (count as f64).ln() / (max as f64).ln() * f64::from(SHADES);
            // Exactly between two levels, rounding may go either way.
            prop_assume!((exact - exact.floor() - 0.5).abs() > 1e-9);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped to 0..=SHADES
            let by_log = exact.round().clamp(0.0, f64::from(SHADES)) as usize;
            let by_threshold = shade_thresholds(max).iter().take_while(|&&t| count >= t).count();
            prop_assert_eq!(by_threshold, by_log, "count {} of max {}", count, max);
        }

        #[test]
        fn galloping_search_agrees_with_binary_search(mut v in proptest::collection::vec(-1e3_f64..1e3, 0..200), from in 0_usize..210, t in -1.1e3_f64..1.1e3) {
            v.sort_by(f64::total_cmp);
            let from = from.min(v.len());
            prop_assert_eq!(first_at_or_after(&v, from, t), from + v[from..].partition_point(|&x| x < t));
        }
    }

    #[test]
    fn a_frame_hands_egui_only_what_is_near_the_screen() {
        let data = synthetic(20_000, 3);
        let (a, b) = data.lanes.extent.expect("dated");
        let (scene, _, canvas) = build(&data, TimeView::fit(a, b, 0.05), None);
        // Bounded by the screen: a few shapes per mark, at most one mark per NARROW points a lane.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a small positive count
        let per_lane = (f64::from(canvas.width()) / NARROW) as usize + 2;
        assert!(scene.shapes.len() < data.lanes.lanes.len() * per_lane * 4 + 500, "{}", scene.shapes.len());
        for shape in &scene.shapes {
            let xs: Vec<f32> = match shape {
                Shape::Rect { rect, .. } => vec![rect.left(), rect.right()],
                Shape::Line { from, to, .. } => vec![from.x, to.x],
                Shape::Polygon { points, .. } => points.iter().map(|p| p.x).collect(),
                Shape::Text(t) => vec![t.pos.x],
            };
            for x in xs {
                prop_assert_ok(x >= canvas.left() - 60.0 && x <= canvas.right() + 60.0, x);
            }
        }
    }

    #[test]
    fn the_selected_event_shows_even_where_its_neighbours_merge() {
        let data = synthetic(20_000, 9);
        let (a, b) = data.lanes.extent.expect("dated");
        let view = TimeView::fit(a, b, 0.05);
        let (scene, _, _) = build(&data, view, None);
        let lanes_on_screen = scene.shown_events.len();
        assert!(scene.merged_events > 0);
        // An event of the first lane (on screen whatever the height) that was merged.
        let lane = &data.lanes.lanes[0];
        let merged = lane
            .events
            .iter()
            .copied()
            .find(|e| !scene.shown_events.iter().any(|s| s.0 == *e))
            .expect("a merged event in lane 0");
        let height = AXIS_HEIGHT + lanes_height(data.lanes.lanes.len()) + 10.0;
        let canvas = Rect::from_min_max(pos2(50.0, 0.0), pos2(1250.0, height));
        let mapping = AxisMapping::new(view, 50.0, 1200.0);
        let options = SceneOptions { selected: Some(merged), ..SceneOptions::window(Theme::Light.palette(), canvas) };
        let mut selected_scene = Scene::default();
        build_timeline(&data.doc, &data.lanes, &mapping, &options, &mut selected_scene);
        assert!(selected_scene.shown_events.iter().any(|s| s.0 == merged), "the selection is drawn");
        assert_eq!(selected_scene.shown_events.len(), lanes_on_screen + 1, "and nothing else changes");
    }

    fn prop_assert_ok(ok: bool, x: f32) {
        assert!(ok, "a shape reaches x = {x}, far off the canvas");
    }
}
