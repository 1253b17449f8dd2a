//! The SVG painter: writes a scene as SVG, keeping text as text (selectable and searchable).

use std::fmt::Write as _;

use ecolor::Color32;

use super::super::scene::{Scene, Shape, Stroke};
use crate::fonts::FAMILY;
use crate::layout::text::TextMeasure;

/// `#rrggbb` and an opacity from egui's premultiplied colour.
fn paint(color: Color32) -> (String, f32) {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    (format!("#{r:02x}{g:02x}{b:02x}"), f32::from(a) / 255.0)
}

fn fill_attrs(out: &mut String, color: Color32) {
    if color.a() == 0 {
        out.push_str(r#" fill="none""#);
        return;
    }
    let (hex, opacity) = paint(color);
    let _ = write!(out, r#" fill="{hex}""#);
    if opacity < 0.999 {
        let _ = write!(out, r#" fill-opacity="{opacity:.3}""#);
    }
}

fn stroke_attrs(out: &mut String, stroke: Option<Stroke>) {
    if let Some(s) = stroke {
        let (hex, opacity) = paint(s.color);
        let _ = write!(out, r#" stroke="{hex}" stroke-width="{}""#, num(s.width));
        if opacity < 0.999 {
            let _ = write!(out, r#" stroke-opacity="{opacity:.3}""#);
        }
    }
}

/// A coordinate with at most one decimal: enough at any scale, and it keeps files small.
fn num(v: f32) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 { format!("{r:.0}") } else { format!("{r:.1}") }
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 forbids most control characters, even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The scene as an SVG document of `scene.size` user units.
pub fn to_svg(scene: &Scene) -> String {
    let (w, h) = (num(scene.size.x), num(scene.size.y));
    let mut out = String::with_capacity(256 + scene.shapes.len() * 90);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FAMILY}">"#
    );
    let _ = write!(out, r#"<rect width="{w}" height="{h}""#);
    fill_attrs(&mut out, scene.background);
    out.push_str("/>\n");
    let measure = TextMeasure::get();
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { rect, radius, fill, stroke } => {
                let _ = write!(
                    out,
                    r#"<rect x="{}" y="{}" width="{}" height="{}""#,
                    num(rect.left()),
                    num(rect.top()),
                    num(rect.width()),
                    num(rect.height())
                );
                if *radius > 0.0 {
                    let _ = write!(out, r#" rx="{}""#, num(*radius));
                }
                fill_attrs(&mut out, *fill);
                stroke_attrs(&mut out, *stroke);
                out.push_str("/>\n");
            }
            Shape::Line { from, to, stroke } => {
                let _ = write!(
                    out,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}""#,
                    num(from.x),
                    num(from.y),
                    num(to.x),
                    num(to.y)
                );
                stroke_attrs(&mut out, Some(*stroke));
                out.push_str("/>\n");
            }
            Shape::Polygon { points, fill, stroke } => {
                out.push_str(r#"<polygon points=""#);
                for (i, p) in points.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    let _ = write!(out, "{},{}", num(p.x), num(p.y));
                }
                out.push('"');
                fill_attrs(&mut out, *fill);
                stroke_attrs(&mut out, *stroke);
                out.push_str("/>\n");
            }
            Shape::Text(t) => {
                let baseline = t.pos.y + measure.ascent(t.size);
                let _ = write!(out, r#"<text x="{}" y="{}" font-size="{}""#, num(t.pos.x), num(baseline), num(t.size));
                if t.bold {
                    out.push_str(r#" font-weight="bold""#);
                }
                fill_attrs(&mut out, t.color);
                let _ = writeln!(out, ">{}</text>", escape(&t.text));
            }
        }
    }
    out.push_str("</svg>\n");
    out
}
