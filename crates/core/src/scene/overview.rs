//! The overview strip as shapes: the whole timeline's counts as bars, search matches ticked
//! along its top, and the view as a window on it, for the window and exported images alike.

use emath::{Rect, pos2};

use super::theme::faded;
use super::{Palette, Scene, Shape, Stroke};
use crate::layout::axis::{AxisMapping, TimeView};
use crate::layout::overview::{Overview, window_x};
use crate::layout::ticks::ticks;

/// Room at the strip's top for match ticks, and at its bottom below the bars.
const TICK_ROOM: f32 = 4.0;
const LABEL_SIZE: f32 = 10.0;

/// The mapping of the whole timeline across `rect`.
pub fn strip_mapping(overview: &Overview, rect: Rect) -> AxisMapping {
    AxisMapping::new(overview.whole, f64::from(rect.left()), f64::from(rect.width()))
}

/// Draws `overview` in `rect` with `view` as its window.
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)] // columns and points
pub fn overview(scene: &mut Scene, rect: Rect, overview: &Overview, view: TimeView, palette: &Palette) {
    scene.rect(rect, 0.0, palette.axis_band);
    scene.line(rect.left_top(), rect.right_top(), 1.0, palette.grid_major);
    let strip = strip_mapping(overview, rect);
    // Labels of the whole's years (or months…) in a row of their own, the bars under them.
    let labels_top = rect.top() + TICK_ROOM + 1.0;
    let bars = Rect::from_min_max(pos2(rect.left(), labels_top + LABEL_SIZE * 1.3), rect.max);
    for tick in ticks(&strip) {
        let Some(label) = tick.label else { continue };
        let x = tick.x as f32;
        scene.line(pos2(x, labels_top), pos2(x, bars.bottom()), 1.0, palette.grid_minor);
        scene.text(pos2(x + 3.0, labels_top), label, LABEL_SIZE, false, palette.text_muted);
    }

    // Columns of equal height and shade drawn as one bar: a strip is a few dozen shapes, not
    // thousands.
    let column_width = rect.width() / overview.columns().max(1) as f32;
    let full = bars.height();
    let look = |c: usize| {
        let h = (overview.height(c, full) * 2.0).round() / 2.0;
        let shade = (overview.density(c) * 8.0).round() / 8.0;
        (h, shade)
    };
    // Each column's look is worked out once: the one that ends a run begins the next.
    let mut c = 0;
    let mut run = (overview.columns() > 0).then(|| look(0));
    while let Some((h, shade)) = run {
        let mut end = c + 1;
        run = None;
        while end < overview.columns() {
            let next = look(end);
            if next != (h, shade) {
                run = Some(next);
                break;
            }
            end += 1;
        }
        if h > 0.0 {
            let x0 = rect.left() + c as f32 * column_width;
            let x1 = rect.left() + end as f32 * column_width;
            let fill = faded(palette.cluster, 0.45 + 0.55 * shade);
            scene.rect(Rect::from_min_max(pos2(x0, bars.bottom() - h), pos2(x1, bars.bottom())), 0.0, fill);
        }
        c = end;
    }

    // Search matches: a tick per column holding one, runs merged.
    let mut i = 0;
    while i < overview.matches.len() {
        let mut j = i + 1;
        while j < overview.matches.len() && overview.matches[j] == overview.matches[j - 1] + 1 {
            j += 1;
        }
        let x0 = rect.left() + overview.matches[i] as f32 * column_width;
        let x1 = (rect.left() + (overview.matches[j - 1] + 1) as f32 * column_width).max(x0 + 2.0);
        let tick = Rect::from_min_max(pos2(x0, rect.top() + 1.0), pos2(x1, rect.top() + 1.0 + TICK_ROOM));
        scene.rect(tick, 0.0, palette.match_mark);
        i = j;
    }

    // The view: what lies outside it dimmed, the window outlined.
    let (a, b) = window_x(&strip, view);
    let a = (a as f32).clamp(rect.left(), rect.right());
    let b = (b as f32).clamp(rect.left(), rect.right());
    let dim = faded(palette.background, 0.55);
    if a > rect.left() {
        scene.rect(Rect::from_min_max(pos2(rect.left(), rect.top() + 1.0), pos2(a, rect.bottom())), 0.0, dim);
    }
    if b < rect.right() {
        scene.rect(Rect::from_min_max(pos2(b, rect.top() + 1.0), pos2(rect.right(), rect.bottom())), 0.0, dim);
    }
    let window = Rect::from_min_max(pos2(a, rect.top() + 1.0), pos2(b.max(a + 1.0), rect.bottom() - 1.0));
    scene.shapes.push(Shape::Rect {
        rect: window,
        radius: 2.0,
        fill: faded(palette.event, 0.10),
        stroke: Some(Stroke { width: 1.5, color: palette.event }),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Theme;

    #[test]
    fn equal_columns_share_one_bar_and_the_window_sits_on_the_view() {
        let o = Overview {
            whole: TimeView { min: 0.0, span: 100.0 },
            counts: [vec![0; 10], vec![5; 40], vec![0; 10], vec![1; 40]].concat(),
            max: 5,
            least: 1,
            matches: vec![12, 13, 14, 70],
        };
        let mut scene = Scene::default();
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 34.0));
        let palette = Theme::Light.palette();
        overview(&mut scene, rect, &o, TimeView { min: 20.0, span: 10.0 }, &palette);
        let bar_fills = [faded(palette.cluster, 1.0), faded(palette.cluster, 0.45 + 0.55 * 0.25)];
        let bars: Vec<Rect> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Rect { rect, fill, .. } if bar_fills.contains(fill) => Some(*rect),
                _ => None,
            })
            .collect();
        assert_eq!(bars.len(), 2, "{bars:?}");
        assert!((bars[0].left() - 10.0).abs() < 1e-4 && (bars[0].right() - 50.0).abs() < 1e-4);
        assert!(bars[0].height() > bars[1].height());
        let ticks =
            scene.shapes.iter().filter(|s| matches!(s, Shape::Rect { fill, .. } if *fill == palette.match_mark));
        assert_eq!(ticks.count(), 2);
        let window = scene.shapes.iter().find_map(|s| match s {
            Shape::Rect { rect, stroke: Some(_), .. } => Some(*rect),
            _ => None,
        });
        let window = window.expect("the view's window");
        assert!((window.left() - 20.0).abs() < 1e-4 && (window.right() - 30.0).abs() < 1e-4);
    }
}
