//! The PDF painter: a scene drawn with krilla as vector shapes and real text (selectable,
//! searchable, copied as it reads), in the shipped fonts, embedded and subset. The image
//! export's PDF page, and the report's timeline picture (`report::pdf`).

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, Stroke as KrillaStroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};

use crate::fonts;
use crate::layout::text::TextMeasure;
use crate::scene::{Scene, Shape, Stroke};

/// The shipped fonts as krilla embeds them: `Noto Sans` regular and bold, and `DejaVu Sans` for
/// the symbols Noto lacks.
#[derive(Clone)]
pub struct PdfFonts {
    regular: Font,
    bold: Font,
    symbols: Font,
}

impl PdfFonts {
    /// The fonts, or why they cannot be read (they are compiled in: only a broken build fails).
    pub fn new() -> Result<Self, String> {
        let load = |bytes: &'static [u8]| {
            Font::new(bytes.into(), 0).ok_or_else(|| "the shipped font cannot be read for the PDF".to_owned())
        };
        Ok(Self { regular: load(fonts::REGULAR)?, bold: load(fonts::BOLD)?, symbols: load(fonts::SYMBOLS)? })
    }
}

/// A shipped font's character map and advances at 1 point, read once.
struct Metrics {
    charmap: skrifa::charmap::Charmap<'static>,
    advances: skrifa::metrics::GlyphMetrics<'static>,
}

impl Metrics {
    fn of(bytes: &'static [u8]) -> Option<Self> {
        let font = skrifa::FontRef::new(bytes).ok()?;
        Some(Self { charmap: font.charmap(), advances: font.glyph_metrics(Size::new(1.0), LocationRef::default()) })
    }

    fn get(bytes: &'static [u8]) -> Option<&'static Self> {
        use std::sync::OnceLock;
        static REGULAR: OnceLock<Option<Metrics>> = OnceLock::new();
        static BOLD: OnceLock<Option<Metrics>> = OnceLock::new();
        static SYMBOLS: OnceLock<Option<Metrics>> = OnceLock::new();
        let cell = if std::ptr::eq(bytes, fonts::BOLD) {
            &BOLD
        } else if std::ptr::eq(bytes, fonts::SYMBOLS) {
            &SYMBOLS
        } else {
            &REGULAR
        };
        cell.get_or_init(|| Self::of(bytes)).as_ref()
    }
}

/// Which shipped font draws a character: `Noto Sans` when it has it, else `DejaVu Sans`.
fn in_noto(c: char) -> bool {
    c.is_ascii() || c.is_whitespace() || Metrics::get(fonts::REGULAR).is_none_or(|m| m.charmap.map(c).is_some())
}

/// How wide `text` is in the font of `bytes` at `size` points.
fn advance(bytes: &'static [u8], text: &str, size: f32) -> f32 {
    let Some(m) = Metrics::get(bytes) else { return TextMeasure::get().width(text, size, false) };
    text.chars().map(|c| m.charmap.map(c).and_then(|g| m.advances.advance_width(g)).unwrap_or(0.55)).sum::<f32>() * size
}

/// A colour as krilla paints it, with its opacity.
fn paint(color: ecolor::Color32) -> (rgb::Color, NormalizedF32) {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    (rgb::Color::new(r, g, b), NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE))
}

fn fill_of(color: ecolor::Color32) -> Option<Fill> {
    if color.a() == 0 {
        return None;
    }
    let (c, opacity) = paint(color);
    Some(Fill { paint: c.into(), opacity, rule: FillRule::NonZero })
}

fn stroke_of(stroke: Option<Stroke>) -> Option<KrillaStroke> {
    let s = stroke?;
    if s.color.a() == 0 || s.width <= 0.0 {
        return None;
    }
    let (c, opacity) = paint(s.color);
    Some(KrillaStroke { paint: c.into(), width: s.width, opacity, line_cap: LineCap::Butt, ..KrillaStroke::default() })
}

/// Draws one line of text with its top-left corner at `(x, top)`: runs of characters Noto Sans
/// lacks are drawn in `DejaVu Sans`. Returns its width.
#[allow(clippy::too_many_arguments)] // a line of text is this many things
pub(crate) fn draw_text(
    surface: &mut Surface,
    fonts: &PdfFonts,
    x: f32,
    top: f32,
    text: &str,
    size: f32,
    bold: bool,
    color: ecolor::Color32,
) -> f32 {
    let baseline = top + TextMeasure::get().ascent(size);
    surface.set_stroke(None);
    surface.set_fill(fill_of(color).or(Some(Fill::default())));
    let mut at = x;
    let mut rest = text;
    while !rest.is_empty() {
        let noto = rest.chars().next().is_some_and(in_noto);
        let end = rest.char_indices().find(|&(_, c)| in_noto(c) != noto).map_or(rest.len(), |(i, _)| i);
        let (run, tail) = rest.split_at(end);
        let (font, bytes) = match (noto, bold) {
            (true, true) => (&fonts.bold, fonts::BOLD),
            (true, false) => (&fonts.regular, fonts::REGULAR),
            (false, _) => (&fonts.symbols, fonts::SYMBOLS),
        };
        surface.draw_text(Point::from_xy(at, baseline), font.clone(), size, run, false, TextDirection::Auto);
        at += advance(bytes, run, size);
        rest = tail;
    }
    at - x
}

/// A rectangle's outline, its corners rounded by `radius`.
fn rect_path(r: emath::Rect, radius: f32) -> Option<krilla::geom::Path> {
    let mut pb = PathBuilder::new();
    let radius = radius.min(r.width() / 2.0).min(r.height() / 2.0).max(0.0);
    if radius <= 0.0 {
        pb.push_rect(Rect::from_xywh(r.left(), r.top(), r.width().max(0.01), r.height().max(0.01))?);
    } else {
        // A quarter circle as one cubic curve.
        let bend = radius * 0.552_284_8;
        let (left, top, right, bottom) = (r.left(), r.top(), r.right(), r.bottom());
        pb.move_to(left + radius, top);
        pb.line_to(right - radius, top);
        pb.cubic_to(right - radius + bend, top, right, top + radius - bend, right, top + radius);
        pb.line_to(right, bottom - radius);
        pb.cubic_to(right, bottom - radius + bend, right - radius + bend, bottom, right - radius, bottom);
        pb.line_to(left + radius, bottom);
        pb.cubic_to(left + radius - bend, bottom, left, bottom - radius + bend, left, bottom - radius);
        pb.line_to(left, top + radius);
        pb.cubic_to(left, top + radius - bend, left + radius - bend, top, left + radius, top);
        pb.close();
    }
    pb.finish()
}

/// Paints `scene` on `surface`, its top-left corner at `(x, y)`, `scale` points to a pixel.
pub fn paint_scene(surface: &mut Surface, fonts: &PdfFonts, scene: &Scene, x: f32, y: f32, scale: f32) {
    surface.push_transform(&Transform::from_row(scale, 0.0, 0.0, scale, x, y));
    let whole = emath::Rect::from_min_size(emath::Pos2::ZERO, scene.size);
    if let (Some(fill), Some(path)) = (fill_of(scene.background), rect_path(whole, 0.0)) {
        surface.set_stroke(None);
        surface.set_fill(Some(fill));
        surface.draw_path(&path);
    }
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { rect, radius, fill, stroke } => {
                let Some(path) = rect_path(*rect, *radius) else { continue };
                surface.set_fill(fill_of(*fill));
                surface.set_stroke(stroke_of(*stroke));
                surface.draw_path(&path);
            }
            Shape::Line { from, to, stroke } => {
                let mut pb = PathBuilder::new();
                pb.move_to(from.x, from.y);
                pb.line_to(to.x, to.y);
                let Some(path) = pb.finish() else { continue };
                surface.set_fill(None);
                surface.set_stroke(stroke_of(Some(*stroke)));
                surface.draw_path(&path);
            }
            Shape::Polygon { points, fill, stroke } => {
                let mut pb = PathBuilder::new();
                for (i, p) in points.iter().enumerate() {
                    if i == 0 {
                        pb.move_to(p.x, p.y);
                    } else {
                        pb.line_to(p.x, p.y);
                    }
                }
                pb.close();
                let Some(path) = pb.finish() else { continue };
                surface.set_fill(fill_of(*fill));
                surface.set_stroke(stroke_of(*stroke));
                surface.draw_path(&path);
            }
            Shape::Text(t) => {
                if !t.text.trim().is_empty() {
                    draw_text(surface, fonts, t.pos.x, t.pos.y, &t.text, t.size, t.bold, t.color);
                }
            }
        }
    }
    surface.set_stroke(None);
    surface.pop();
}

/// The scene as a PDF of one page its size (a pixel a point), titled `title`.
pub(crate) fn to_pdf(scene: &Scene, title: &str) -> Result<Vec<u8>, String> {
    let fonts = PdfFonts::new()?;
    let (w, h) = (scene.size.x.max(1.0), scene.size.y.max(1.0));
    if w > 14_400.0 || h > 14_400.0 {
        return Err(format!(
            "an image of {w:.0}×{h:.0} points is larger than a PDF page can be (14,400 points a side)"
        ));
    }
    let mut document = krilla::Document::new();
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title.to_owned())
            .creator(format!("citeline {}", env!("CARGO_PKG_VERSION"))),
    );
    let settings = krilla::page::PageSettings::from_wh(w, h).ok_or("the image has no size")?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    paint_scene(&mut surface, &fonts, scene, 0.0, 0.0, 1.0);
    surface.finish();
    page.finish();
    document.finish().map_err(|e| format!("cannot make the PDF: {e:?}"))
}
