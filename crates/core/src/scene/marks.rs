//! The marks of one event or cluster: bars, day markers, date-style cues (faded ends for
//! approximate dates, hatching for uncertain ones, arrows for open ends), cluster marks.

use ecolor::Color32;
use emath::{Pos2, Rect, pos2};

use super::theme::faded;
use super::{Scene, Shape, Stroke};

pub(crate) const MARKER_SIZE: f32 = 11.0;
const ARROW: f32 = 12.0;
const HATCH_SPACING: f32 = 5.0;
const FADE_STEPS: usize = 4;

/// How a date looks: the qualifiers that change a mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateStyle {
    pub approximate: bool,
    pub uncertain: bool,
    pub open_start: bool,
    pub open_end: bool,
}

/// The corner radius of a mark over `rect`: rounded when wide enough for it to show; a mark a
/// few pixels wide is a plain rectangle (a dense frame has thousands, and round corners cost
/// a dozen vertices each for nothing one can see).
pub(crate) fn corner_radius(rect: Rect) -> f32 {
    if rect.width() >= 16.0 { 2.0 } else { 0.0 }
}

/// A bar over `rect`. `clipped_left`/`clipped_right` say the span goes on past the screen, so its
/// ends are not drawn there.
pub fn bar(
    scene: &mut Scene,
    rect: Rect,
    color: Color32,
    style: DateStyle,
    clipped: (bool, bool),
    selected: Option<Color32>,
) {
    let fill = if style.uncertain { faded(color, 0.35) } else { color };
    let fade = if style.approximate { (rect.width() * 0.22).min(28.0) } else { 0.0 };
    let (left_fade, right_fade) = (if clipped.0 { 0.0 } else { fade }, if clipped.1 { 0.0 } else { fade });
    let core =
        Rect::from_min_max(pos2(rect.left() + left_fade, rect.top()), pos2(rect.right() - right_fade, rect.bottom()));
    scene.rect(core, if fade > 0.0 { 0.0 } else { corner_radius(core) }, fill);
    // Approximate ends fade out in steps: plain rectangles keep SVG and PNG simple and alike.
    for (side, width) in [(-1.0_f32, left_fade), (1.0, right_fade)] {
        if width <= 0.0 {
            continue;
        }
        let step = width / FADE_STEPS as f32;
        for k in 0..FADE_STEPS {
            let alpha = 1.0 - (k as f32 + 1.0) / (FADE_STEPS as f32 + 1.0);
            let (a, b) = if side < 0.0 {
                (core.left() - step * (k as f32 + 1.0), core.left() - step * k as f32)
            } else {
                (core.right() + step * k as f32, core.right() + step * (k as f32 + 1.0))
            };
            scene.rect(Rect::from_min_max(pos2(a, rect.top()), pos2(b, rect.bottom())), 0.0, faded(fill, alpha));
        }
    }
    if style.uncertain {
        hatch(scene, rect, color);
    }
    let cy = rect.center().y;
    let arrow_color = if style.uncertain { color } else { fill };
    if style.open_start && !clipped.0 {
        arrow(scene, pos2(rect.left(), cy), -1.0, rect.height(), arrow_color);
    }
    if style.open_end && !clipped.1 {
        arrow(scene, pos2(rect.right(), cy), 1.0, rect.height(), arrow_color);
    }
    if let Some(sel) = selected {
        let outline = rect.expand(2.5);
        scene.shapes.push(Shape::Rect {
            rect: outline,
            radius: 3.0,
            fill: Color32::TRANSPARENT,
            stroke: Some(Stroke { width: 2.0, color: sel }),
        });
    }
}

/// Diagonal lines across `rect`, clipped to it.
fn hatch(scene: &mut Scene, rect: Rect, color: Color32) {
    let h = rect.height();
    let mut x = rect.left() - h;
    let stroke = Stroke { width: 1.0, color };
    while x < rect.right() {
        // The segment from (x, bottom) to (x + h, top), clipped to [left, right].
        let (mut x0, mut y0, mut x1, mut y1) = (x, rect.bottom(), x + h, rect.top());
        if x0 < rect.left() {
            y0 -= rect.left() - x0;
            x0 = rect.left();
        }
        if x1 > rect.right() {
            y1 += x1 - rect.right();
            x1 = rect.right();
        }
        if x1 > x0 {
            scene.shapes.push(Shape::Line { from: pos2(x0, y0), to: pos2(x1, y1), stroke });
        }
        x += HATCH_SPACING;
    }
}

/// An arrow head pointing `dir` (-1 left, 1 right) from `tip_base`, for an open end.
pub fn arrow(scene: &mut Scene, base: Pos2, dir: f32, height: f32, color: Color32) {
    let half = (height / 2.0 + 3.0).max(5.0);
    let tip = pos2(base.x + dir * ARROW, base.y);
    scene.shapes.push(Shape::Polygon {
        points: vec![pos2(base.x, base.y - half), tip, pos2(base.x, base.y + half)],
        fill: color,
        stroke: None,
    });
}

/// A diamond for a single day.
pub(crate) fn day_marker(scene: &mut Scene, center: Pos2, color: Color32, style: DateStyle, selected: Option<Color32>) {
    let r = MARKER_SIZE / 2.0;
    let points = vec![
        pos2(center.x, center.y - r),
        pos2(center.x + r, center.y),
        pos2(center.x, center.y + r),
        pos2(center.x - r, center.y),
    ];
    let fill = match (style.uncertain, style.approximate) {
        (true, _) => Color32::TRANSPARENT,
        (false, true) => faded(color, 0.55),
        (false, false) => color,
    };
    let stroke = style.uncertain.then_some(Stroke { width: 1.5, color });
    scene.shapes.push(Shape::Polygon { points, fill, stroke });
    if let Some(sel) = selected {
        let rect = Rect::from_center_size(center, emath::vec2(MARKER_SIZE + 6.0, MARKER_SIZE + 6.0));
        scene.shapes.push(Shape::Rect {
            rect,
            radius: 3.0,
            fill: Color32::TRANSPARENT,
            stroke: Some(Stroke { width: 2.0, color: sel }),
        });
    }
}

/// A mark standing for merged events over `rect`; `density` (0–1) says how full it is compared
/// with the fullest mark in view, and darkens it.
pub fn cluster(scene: &mut Scene, rect: Rect, density: f32, color: Color32) {
    scene.shapes.push(Shape::Rect {
        rect,
        radius: corner_radius(rect),
        fill: faded(color, 0.3 + 0.7 * density.clamp(0.0, 1.0)),
        stroke: None,
    });
}
