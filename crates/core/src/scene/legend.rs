//! The legend of date styles, drawn under the timeline in the window and in exports.

use emath::{Pos2, Rect, pos2, vec2};

use super::Scene;
use super::marks::{self, DateStyle};
use super::theme::Palette;
use crate::layout::text::TextMeasure;

pub(crate) const LEGEND_SIZE: f32 = 12.0;
pub(crate) const LEGEND_ROW: f32 = 22.0;
const SAMPLE: f32 = 30.0;

/// What each sample shows.
const ENTRIES: [(&str, Sample); 6] = [
    ("single day", Sample::Day),
    (
        "month, year or interval",
        Sample::Bar(DateStyle { approximate: false, uncertain: false, open_start: false, open_end: false }),
    ),
    (
        "approximate (~)",
        Sample::Bar(DateStyle { approximate: true, uncertain: false, open_start: false, open_end: false }),
    ),
    (
        "uncertain (?)",
        Sample::Bar(DateStyle { approximate: false, uncertain: true, open_start: false, open_end: false }),
    ),
    (
        "open end (..)",
        Sample::Bar(DateStyle { approximate: false, uncertain: false, open_start: false, open_end: true }),
    ),
    ("merged events", Sample::Cluster),
];

#[derive(Clone, Copy)]
enum Sample {
    Day,
    Bar(DateStyle),
    Cluster,
}

/// Height the legend takes at `width`.
pub(crate) fn legend_height(width: f32) -> f32 {
    let mut rows = 1.0;
    let mut x = 0.0;
    for (text, _) in ENTRIES {
        let w = entry_width(text);
        if x > 0.0 && x + w > width {
            rows += 1.0;
            x = 0.0;
        }
        x += w;
    }
    rows * LEGEND_ROW
}

fn entry_width(text: &str) -> f32 {
    SAMPLE + 18.0 + 6.0 + TextMeasure::get().width(text, LEGEND_SIZE, false) + 18.0
}

/// Draws the legend with its top-left at `pos`, wrapping at `width`.
pub fn legend(scene: &mut Scene, pos: Pos2, width: f32, palette: &Palette) {
    let mut x = pos.x;
    let mut y = pos.y;
    for (text, sample) in ENTRIES {
        let w = entry_width(text);
        if x > pos.x && x + w > pos.x + width {
            x = pos.x;
            y += LEGEND_ROW;
        }
        let cy = y + LEGEND_ROW / 2.0;
        let sample_rect = Rect::from_min_size(pos2(x, cy - 4.0), vec2(SAMPLE, 8.0));
        match sample {
            Sample::Day => {
                marks::day_marker(scene, pos2(x + SAMPLE / 2.0, cy), palette.event, DateStyle::default(), None);
            }
            Sample::Bar(style) => marks::bar(scene, sample_rect, palette.event, style, (false, false), None),
            Sample::Cluster => marks::cluster(
                scene,
                Rect::from_min_size(pos2(x + 11.0, cy - 5.0), vec2(8.0, 10.0)),
                0.6,
                palette.cluster,
            ),
        }
        let text_top = cy - TextMeasure::get().line_height(LEGEND_SIZE) / 2.0;
        scene.text(pos2(x + SAMPLE + 18.0, text_top), text, LEGEND_SIZE, false, palette.text_muted);
        x += w;
    }
}
