//! The egui painter: hands a scene's shapes to egui, and nothing else.

use egui::epaint::{RectShape, StrokeKind};
use egui::{Align2, FontFamily, FontId, Painter};

use crate::scene::{Scene, Shape};

pub const BOLD_FAMILY: &str = "bold";

pub fn font_id(size: f32, bold: bool) -> FontId {
    if bold { FontId::new(size, FontFamily::Name(BOLD_FAMILY.into())) } else { FontId::proportional(size) }
}

pub fn paint_scene(painter: &Painter, scene: &Scene) {
    let to_stroke = |s: crate::scene::Stroke| egui::Stroke::new(s.width, s.color);
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { rect, radius, fill, stroke } => {
                let stroke = stroke.map_or(egui::Stroke::NONE, to_stroke);
                painter.add(RectShape::new(*rect, *radius, *fill, stroke, StrokeKind::Middle));
            }
            Shape::Line { from, to, stroke } => {
                painter.line_segment([*from, *to], to_stroke(*stroke));
            }
            Shape::Polygon { points, fill, stroke } => {
                painter.add(egui::Shape::convex_polygon(
                    points.clone(),
                    *fill,
                    stroke.map_or(egui::Stroke::NONE, to_stroke),
                ));
            }
            Shape::Text(t) => {
                painter.text(t.pos, Align2::LEFT_TOP, &t.text, font_id(t.size, t.bold), t.color);
            }
        }
    }
}
