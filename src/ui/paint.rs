//! The egui painter: hands a scene's shapes to egui, and nothing else.
//!
//! Plain rectangles (square corners, no outline: most of a dense frame) that follow one another
//! go to egui as one mesh, with the same one-pixel feathered edge egui's tessellator would give
//! each: a frame of a million events is thousands of marks, and one mesh skips their one-by-one
//! tessellation.

use egui::epaint::{Mesh, RectShape, StrokeKind, Vertex, WHITE_UV};
use egui::{Align2, Color32, FontFamily, FontId, Painter, Rect, pos2};

use crate::scene::{Scene, Shape};

pub(crate) const BOLD_FAMILY: &str = "bold";

pub fn font_id(size: f32, bold: bool) -> FontId {
    if bold { FontId::new(size, FontFamily::Name(BOLD_FAMILY.into())) } else { FontId::proportional(size) }
}

pub fn paint_scene(painter: &Painter, scene: &Scene) {
    let to_stroke = |s: crate::scene::Stroke| egui::Stroke::new(s.width, s.color);
    let feather = 1.0 / painter.pixels_per_point();
    let mut batch = Mesh::default();
    let flush = |batch: &mut Mesh| {
        if !batch.is_empty() {
            painter.add(egui::Shape::mesh(std::mem::take(batch)));
        }
    };
    let plain = |s: &Shape| matches!(s, Shape::Rect { radius, stroke: None, .. } if *radius <= 0.0);
    for (i, shape) in scene.shapes.iter().enumerate() {
        match shape {
            Shape::Rect { rect, fill, .. } if plain(shape) => {
                if batch.is_empty() {
                    // Room for the whole run at once: growing a mesh of thousands copies it.
                    let run = scene.shapes[i..].iter().take_while(|s| plain(s)).count();
                    batch.reserve_triangles(run * 10);
                    batch.reserve_vertices(run * 8);
                }
                feathered_rect(&mut batch, *rect, *fill, feather);
            }
            Shape::Rect { rect, radius, fill, stroke } => {
                flush(&mut batch);
                let stroke = stroke.map_or(egui::Stroke::NONE, to_stroke);
                painter.add(RectShape::new(*rect, *radius, *fill, stroke, StrokeKind::Middle));
            }
            Shape::Line { from, to, stroke } => {
                flush(&mut batch);
                painter.line_segment([*from, *to], to_stroke(*stroke));
            }
            Shape::Polygon { points, fill, stroke } => {
                flush(&mut batch);
                painter.add(egui::Shape::convex_polygon(
                    points.clone(),
                    *fill,
                    stroke.map_or(egui::Stroke::NONE, to_stroke),
                ));
            }
            Shape::Text(t) => {
                flush(&mut batch);
                painter.text(t.pos, Align2::LEFT_TOP, &t.text, font_id(t.size, t.bold), t.color);
            }
        }
    }
    flush(&mut batch);
}

/// `rect` filled with `color`, its edge fading out over `feather` points as egui's anti-aliasing
/// does: an inner rectangle half a feather in, an outer one half a feather out and transparent.
fn feathered_rect(mesh: &mut Mesh, rect: Rect, color: Color32, feather: f32) {
    if color == Color32::TRANSPARENT || !rect.is_finite() || rect.width() < 0.0 || rect.height() < 0.0 {
        return;
    }
    let half = feather / 2.0;
    // A mark thinner than the feather keeps its centre line and its weight in a fainter colour.
    let (w, h) = (rect.width(), rect.height());
    let alpha = (w / feather).min(1.0) * (h / feather).min(1.0);
    let color = if alpha < 1.0 { color.gamma_multiply(alpha) } else { color };
    let c = rect.center();
    let inner = Rect::from_center_size(c, egui::vec2((w - feather).max(0.0), (h - feather).max(0.0)));
    let outer = Rect::from_center_size(c, egui::vec2(w.max(feather) + feather, h.max(feather) + feather));
    debug_assert!(half > 0.0);
    let base = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    let corners = |r: Rect| [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom()];
    for p in corners(inner) {
        mesh.vertices.push(Vertex { pos: pos2(p.x, p.y), uv: WHITE_UV, color });
    }
    for p in corners(outer) {
        mesh.vertices.push(Vertex { pos: pos2(p.x, p.y), uv: WHITE_UV, color: Color32::TRANSPARENT });
    }
    mesh.indices.extend_from_slice(&[base, base + 1, base + 2, base, base + 2, base + 3]);
    for k in 0..4 {
        let (i0, i1) = (base + k, base + (k + 1) % 4);
        let (o0, o1) = (i0 + 4, i1 + 4);
        mesh.indices.extend_from_slice(&[i0, o0, o1, i0, o1, i1]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feathered_rect_covers_its_area_and_fades_out_over_one_pixel() {
        let mut mesh = Mesh::default();
        let rect = Rect::from_min_max(pos2(10.0, 20.0), pos2(30.0, 28.0));
        feathered_rect(&mut mesh, rect, Color32::RED, 1.0);
        assert_eq!(mesh.vertices.len(), 8);
        assert_eq!(mesh.indices.len(), 30);
        let solid: Vec<_> = mesh.vertices.iter().filter(|v| v.color == Color32::RED).collect();
        let (x0, x1) = (
            solid.iter().map(|v| v.pos.x).fold(f32::MAX, f32::min),
            solid.iter().map(|v| v.pos.x).fold(f32::MIN, f32::max),
        );
        assert!((x0 - 10.5).abs() < 1e-5 && (x1 - 29.5).abs() < 1e-5, "{x0}..{x1}");
        let clear = mesh.vertices.iter().filter(|v| v.color == Color32::TRANSPARENT);
        let x = clear.map(|v| v.pos.x).fold(f32::MAX, f32::min);
        assert!((x - 9.5).abs() < 1e-5);
        assert!(mesh.is_valid());
        // A hairline keeps its place, fainter.
        let mut thin = Mesh::default();
        feathered_rect(&mut thin, Rect::from_min_max(pos2(5.0, 0.0), pos2(5.4, 10.0)), Color32::RED, 1.0);
        assert!(thin.vertices[0].color.a() < 255 && thin.vertices[0].color.a() > 0);
        assert!((thin.vertices[0].pos.x - 5.2).abs() < 1e-5);
    }
}
