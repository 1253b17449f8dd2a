//! One page of a kept PDF drawn (hayro) at a given width, with the boxes of a quote's words on
//! it: the side panel shows a PDF source as the page a reader would hold.

use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_interpret::util::TransformExt;
use hayro::hayro_syntax::{LoadPdfError, Pdf};
use hayro::kurbo::{Affine, Point, Rect};
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};

use super::layout::Laid;
use super::text::RawPage;

/// The widest page drawn, in pixels: wider gains nothing on a screen and costs memory.
const MAX_WIDTH: u32 = 4096;

/// A quote to mark on the page: the page's text as the timeline keeps it, and the quote's bytes
/// in it.
#[derive(Clone, Debug)]
pub struct QuoteOnPage<'a> {
    pub page_text: &'a str,
    pub range: Range<usize>,
    /// The citation's words as quoted, looked for on the page when the kept text drifted from
    /// the PDF: the PDF is the authority.
    pub quote: &'a str,
}

/// A drawn page, as premultiplied RGBA rows, and where the quote stands on it.
#[derive(Clone, Debug, Default)]
pub struct PageImage {
    /// The page drawn, from 0, and how many the PDF has.
    pub page: usize,
    pub pages: usize,
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
    /// The quote's words as rectangles in pixels, `[x0, y0, x1, y1]`, one per line or so.
    pub marks: Vec<[f32; 4]>,
    /// Whether the quote was found on the page (`None` when none was asked for).
    pub placed: Option<bool>,
}

/// Draws page `page` (from 0) of the PDF `bytes` `width` pixels wide, with `quote` marked.
pub fn render_page(
    bytes: &Arc<Vec<u8>>,
    page: usize,
    width: u32,
    quote: Option<&QuoteOnPage>,
) -> Result<PageImage, String> {
    // A damaged file may panic a reader instead of failing: the file's fault, said as such.
    catch_unwind(AssertUnwindSafe(|| render(bytes, page, width, quote)))
        .unwrap_or_else(|_| Err("the PDF is damaged: this page could not be drawn".to_owned()))
}

fn render(bytes: &Arc<Vec<u8>>, page: usize, width: u32, quote: Option<&QuoteOnPage>) -> Result<PageImage, String> {
    let pdf = Pdf::new(Arc::clone(bytes)).map_err(|e| match e {
        LoadPdfError::Decryption(_) => "the PDF is encrypted: its pages cannot be drawn".to_owned(),
        LoadPdfError::Invalid => "the PDF cannot be read: its pages cannot be drawn".to_owned(),
    })?;
    let pages = pdf.pages();
    let Some(p) = pages.get(page) else {
        return Err(format!("the PDF has {} pages: there is no page {}", pages.len(), page + 1));
    };
    let (w, h) = p.render_dimensions();
    let width = width.clamp(1, MAX_WIDTH);
    let scale = width as f32 / w.max(1.0);
    // Pages stranger than 1:16 are drawn no taller than that, not tens of thousands of pixels.
    let scale = scale.min((MAX_WIDTH * 4) as f32 / h.max(1.0));
    let white = PixmapSettings { x_scale: scale, y_scale: scale, bg_color: WHITE };
    let pixmap =
        hayro::render(p, &RenderCache::new(), &InterpreterSettings::default(), &RenderSettings::default(), &white);
    let to_pixels = Affine::scale(f64::from(scale)) * p.initial_transform(true).to_kurbo();
    let (marks, placed) = match quote {
        Some(q) => match quote_marks(bytes, page, q, to_pixels) {
            Some(marks) => (marks, Some(true)),
            None => (Vec::new(), Some(false)),
        },
        None => (Vec::new(), None),
    };
    Ok(PageImage {
        page,
        pages: pages.len(),
        width: u32::from(pixmap.width()),
        height: u32::from(pixmap.height()),
        rgba: pixmap.data_as_u8_slice().to_vec(),
        marks,
        placed,
    })
}

/// The quote's glyph boxes in pixels, merged along lines; `None` when the quote is not on the
/// page as it reads now.
fn quote_marks(bytes: &[u8], page: usize, quote: &QuoteOnPage, to_pixels: Affine) -> Option<Vec<[f32; 4]>> {
    let pdf = super::laid_cached(bytes)?;
    if let Some(marks) = marks(pdf.raw.get(page)?, &pdf.laid, page, quote, to_pixels) {
        return Some(marks);
    }
    // A scanned page: its words as OCR reads them, laid out alone.
    let scanned = super::scan_read_cached(bytes, page)?;
    let laid = super::layout::lay_out(std::slice::from_ref(&*scanned));
    marks(&scanned, &laid, 0, quote, to_pixels)
}

/// The quote's glyph boxes on `raw` (page `page` of `laid`), merged along lines.
fn marks(raw: &RawPage, laid: &Laid, page: usize, quote: &QuoteOnPage, to_pixels: Affine) -> Option<Vec<[f32; 4]>> {
    let (start, text) = laid.page_text(page)?;
    // On the page's stretch of the text, else anywhere in it (a footnote printed on this page
    // but kept after the next page's start): only this page's glyphs are marked.
    let range = match place(text, quote) {
        Some(r) => start + r.start..start + r.end,
        None => place(&laid.text, quote)?,
    };
    let mut marks: Vec<Rect> = Vec::new();
    let mut last = None;
    for origin in laid.origin.get(range)? {
        // A line moved here from another page (furniture, a footnote) is marked on its own.
        if origin.page as usize != page {
            continue;
        }
        let Some(glyph) = raw.glyph_at(origin.at) else { continue };
        if last == Some(glyph.bytes.start) {
            continue;
        }
        last = Some(glyph.bytes.start);
        let corners = glyph.corners.map(|(x, y)| to_pixels * Point::new(x, y));
        let bbox = corners.iter().skip(1).fold(Rect::from_points(corners[0], corners[0]), |r, &c| r.union_pt(c));
        match marks.last_mut() {
            Some(line) if same_line(*line, bbox) => *line = line.union(bbox),
            _ => marks.push(bbox),
        }
    }
    #[allow(clippy::cast_possible_truncation)] // pixels on a page at most MAX_WIDTH wide
    let marks = marks.into_iter().map(|r| [r.x0 as f32, r.y0 as f32, r.x1 as f32, r.y1 as f32]).collect();
    Some(marks)
}

/// Where the quote stands in the page's text as read now: where the timeline says when the page
/// reads the same, else the same words nearest that place.
fn place(text: &str, quote: &QuoteOnPage) -> Option<Range<usize>> {
    let words = quote.page_text.get(quote.range.clone())?;
    if words.trim().is_empty() {
        return None;
    }
    if text == quote.page_text {
        return Some(quote.range.clone());
    }
    let nearest = text.match_indices(words).map(|(i, _)| i).min_by_key(|&i| i.abs_diff(quote.range.start));
    match nearest {
        Some(start) => Some(start..start + words.len()),
        None => crate::model::verify::locate(text, &crate::model::verify::FoldedText::new(text), quote.quote).span(),
    }
}

/// Whether a glyph continues a line's mark: it overlaps the line's height by half and starts
/// no further than a few letters after it.
fn same_line(line: Rect, glyph: Rect) -> bool {
    let overlap = line.y1.min(glyph.y1) - line.y0.max(glyph.y0);
    let height = line.height().min(glyph.height());
    overlap > height / 2.0 && glyph.x0 > line.x0 - 1.0 && glyph.x0 < line.x1 + 3.0 * height
}
