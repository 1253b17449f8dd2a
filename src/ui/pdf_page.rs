//! A PDF source shown beside its citation as the page a reader would hold: drawn off the UI
//! thread at the panel's width, opened at the quote's page with the quote's words marked, and a
//! switch to the text the timeline keeps.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use egui::{Color32, ColorImage, RichText, Role, Sense, StrokeKind, TextureHandle, TextureOptions, Ui, WidgetInfo};

use crate::formats::source_file::{PageImage, QuoteOnPage, render_pdf_page};
use crate::formats::source_folder::read_source_bytes;
use crate::model::Source;
use crate::scene::Palette;
use crate::session::Job;

/// Pages are drawn at widths rounded up to this many pixels, so a panel being resized does not
/// draw the page again at every pixel.
const WIDTH_STEP: u32 = 128;
/// How tall the page is shown before it scrolls.
const PAGE_HEIGHT: f32 = 460.0;
/// How wide the page can be shown, as parts of the panel's width: a page fitted to a side panel
/// is an overview; reading its small print takes more.
const ZOOMS: [f32; 5] = [1.0, 1.5, 2.0, 3.0, 4.0];

/// How a PDF source is shown: the user's choice holds for every citation until changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum PdfMode {
    #[default]
    Page,
    Text,
}

/// One citation's page view.
#[derive(Default)]
struct PageView {
    /// The page shown, from 0; set to the quote's page when the view opens.
    page: usize,
    /// How many pages the PDF has, once one is drawn.
    pages: usize,
    /// The index of the zoom in `ZOOMS`.
    zoom: usize,
    job: Option<(Key, Job<Result<PageImage, String>>)>,
    shown: Option<Shown>,
    error: Option<String>,
}

/// What a drawing was asked for: a page at a width in pixels.
type Key = (usize, u32);

struct Shown {
    key: Key,
    texture: TextureHandle,
    marks: Vec<[f32; 4]>,
    placed: Option<bool>,
    /// The first mark is to be scrolled into view.
    reveal: bool,
}

/// The page views of the selected event's citations.
#[derive(Default)]
pub(crate) struct PdfPages {
    pub mode: PdfMode,
    views: HashMap<(u32, usize), PageView>,
    /// How tall the page's box may be (the panel gives a share of its height); 0: the default.
    pub height: f32,
}

/// A citation's source, where its kept text and the quote stand.
pub struct Cited<'a> {
    pub source: &'a Source,
    pub text: &'a str,
    /// The quote's bytes in `text`, when it stands there.
    pub span: Option<Range<usize>>,
    /// The timeline's folder, which `source.original.file` is relative to.
    pub base: PathBuf,
    /// The citation's words as quoted.
    pub quote: &'a str,
}

/// The page `at` (a byte of the text) was printed on, from 0: a moved footnote's own page.
fn page_of(source: &crate::model::Source, at: usize) -> usize {
    crate::model::document::page_at(source, at).saturating_sub(1)
}

/// Page `page`'s text as kept, where the quote stands in it when it is on that page, and the
/// quote. A quote in a stretch printed on `page` but kept further on (a footnote moved to the
/// next paragraph break) is given with that stretch.
fn quote_on(cited: &Cited, page: usize) -> Option<(String, Range<usize>, String)> {
    let span = cited.span.clone()?;
    for &[a, b, p] in &cited.source.moved {
        let (a, b) = (a as usize, b as usize);
        if p as usize == page + 1 && a <= span.start && span.start < b {
            let stretch = cited.text.get(a..b)?;
            let to = span.end.min(b) - a;
            return Some((stretch.to_owned(), span.start - a..to, cited.quote.to_owned()));
        }
    }
    let pages = &cited.source.pages;
    let start = *pages.get(page)? as usize;
    let end = pages.get(page + 1).map_or(cited.text.len(), |&p| p as usize);
    let whole = cited.text.get(start..end)?;
    // A page that ends a paragraph is kept apart from the next by a blank line of neither.
    let page_text = whole.trim_end_matches('\n');
    let from = span.start.clamp(start, start + page_text.len()) - start;
    let to = span.end.clamp(start, start + page_text.len()) - start;
    (from < to).then(|| (page_text.to_owned(), from..to, cited.quote.to_owned()))
}

impl PdfPages {
    /// The selection changed: its citations' views start again at their quotes' pages.
    pub fn clear(&mut self) {
        self.views.clear();
    }

    /// Page or Text, chosen above a PDF source's view; whether the choice changed.
    pub(crate) fn mode_ui(&mut self, ui: &mut Ui) -> bool {
        let before = self.mode;
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.mode, PdfMode::Page, "Page view")
                .on_hover_text("The PDF's page, the quote marked on it");
            ui.selectable_value(&mut self.mode, PdfMode::Text, "Text view")
                .on_hover_text("The text read from the PDF, to select passages in");
        });
        self.mode != before
    }

    /// Citation `ci` of event `event` shown on its PDF page; `false` when the page cannot be
    /// shown (the text is shown instead).
    pub(crate) fn page_ui(&mut self, ui: &mut Ui, (event, ci): (u32, usize), cited: &Cited, palette: &Palette) -> bool {
        let Some(original) = &cited.source.original else { return false };
        let view = self.views.entry((event, ci)).or_insert_with(|| PageView {
            page: cited.span.as_ref().map_or(0, |s| page_of(cited.source, s.start)),
            ..PageView::default()
        });
        if let Some(error) = &view.error {
            ui.label(RichText::new(format!("The page cannot be shown: {error}. Its text:")).color(palette.problem));
            return false;
        }
        navigation_ui(ui, view);
        let width = ui.available_width() * ZOOMS[view.zoom];
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a panel's width in pixels
        let pixels = ((width * ui.pixels_per_point()).ceil() as u32).div_ceil(WIDTH_STEP) * WIDTH_STEP;
        let key = (view.page, pixels.max(WIDTH_STEP));
        view.poll(ui);
        let wanted = view.shown.as_ref().is_none_or(|s| s.key != key);
        if wanted && view.job.as_ref().is_none_or(|(k, _)| *k != key) {
            let path = original.file.clone();
            let base = cited.base.clone();
            let quote = quote_on(cited, key.0);
            let ctx = ui.ctx().clone();
            let job = Job::spawn(
                "drawing a page",
                move || ctx.request_repaint(),
                move |_| {
                    let bytes = Arc::new(read_source_bytes(&base, &path)?);
                    let quote = quote.as_ref().map(|(page_text, range, quote)| QuoteOnPage {
                        page_text,
                        range: range.clone(),
                        quote,
                    });
                    render_pdf_page(&bytes, key.0, key.1, quote.as_ref())
                },
            );
            view.job = Some((key, job));
        }
        match &mut view.shown {
            Some(shown) => {
                let height = if self.height > 0.0 { self.height.max(PAGE_HEIGHT * 0.5) } else { PAGE_HEIGHT };
                shown_ui(ui, shown, width, height, palette);
            }
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Drawing page {}…", view.page + 1));
                });
            }
        }
        true
    }
}

impl PageView {
    /// Takes a finished drawing.
    fn poll(&mut self, ui: &Ui) {
        let Some((key, job)) = &self.job else { return };
        let Some(result) = job.poll() else { return };
        let key = *key;
        self.job = None;
        match result.map_err(|e| e.0).and_then(|r| r) {
            Ok(image) => {
                self.pages = image.pages;
                let size = [image.width as usize, image.height as usize];
                let pixels = ColorImage::from_rgba_premultiplied(size, &image.rgba);
                let texture = ui.ctx().load_texture(format!("pdf-page-{key:?}"), pixels, TextureOptions::LINEAR);
                let reveal = self.shown.as_ref().is_none_or(|s| s.key != key);
                self.shown = Some(Shown { key, texture, marks: image.marks, placed: image.placed, reveal });
            }
            Err(e) => self.error = Some(e),
        }
    }
}

/// "◀ Page 2 of 3 ▶".
fn navigation_ui(ui: &mut Ui, view: &mut PageView) {
    ui.horizontal(|ui| {
        let last = view.pages.saturating_sub(1);
        if ui.add_enabled(view.page > 0, egui::Button::new("◀")).on_hover_text("Previous page").clicked() {
            view.page -= 1;
        }
        let of = if view.pages > 0 { format!(" of {}", view.pages) } else { String::new() };
        ui.label(format!("Page {}{of}", view.page + 1));
        if ui.add_enabled(view.page < last, egui::Button::new("▶")).on_hover_text("Next page").clicked() {
            view.page += 1;
        }
        ui.separator();
        if ui.add_enabled(view.zoom > 0, egui::Button::new("−")).on_hover_text("Zoom out").clicked() {
            view.zoom -= 1;
        }
        ui.label(format!("{:.0}%", ZOOMS[view.zoom] * 100.0)).on_hover_text("Of the panel's width");
        if ui.add_enabled(view.zoom + 1 < ZOOMS.len(), egui::Button::new("+")).on_hover_text("Zoom in").clicked() {
            view.zoom += 1;
        }
    });
}

/// The drawn page fitted to `width`, the quote's words marked over it.
fn shown_ui(ui: &mut Ui, shown: &mut Shown, width: f32, height: f32, palette: &Palette) {
    if shown.placed == Some(false) {
        ui.label(
            RichText::new(
                "The quote's words are not on this page as the PDF reads now: the text view shows where it stood.",
            )
            .color(palette.caution),
        );
    }
    let [w, h] = shown.texture.size().map(|v| v as f32);
    let scale = width / w.max(1.0);
    let size = egui::vec2(width, h * scale);
    let page = shown.key.0 + 1;
    let mut area = egui::ScrollArea::both().id_salt("pdf-page").max_height(height);
    // A new drawing opens on the quote: its first line's start at the left, a third down.
    if let Some(m) = shown.marks.first()
        && std::mem::take(&mut shown.reveal)
    {
        area = area
            .horizontal_scroll_offset((m[0] * scale - 24.0).max(0.0))
            .vertical_scroll_offset((m[1] * scale - height / 3.0).max(0.0));
    }
    area.show(ui, |ui| {
        let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
        let marked = if shown.marks.is_empty() { "" } else { ", the quote marked" };
        response.widget_info(|| WidgetInfo::labeled(Role::Image, true, format!("Page {page} of the PDF{marked}")));
        let whole = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
        ui.painter().image(shown.texture.id(), rect, whole, Color32::WHITE);
        let fill = palette.highlight.gamma_multiply(0.45);
        let stroke = egui::Stroke::new(1.0, palette.highlight);
        for m in &shown.marks {
            let r = egui::Rect::from_min_max(
                rect.min + egui::vec2(m[0], m[1]) * scale,
                rect.min + egui::vec2(m[2], m[3]) * scale,
            )
            .expand(1.0);
            ui.painter().rect(r, 2.0, fill, stroke, StrokeKind::Outside);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_belongs_to_the_page_it_starts_on_and_is_cut_at_page_ends() {
        let text = "one\n\ntwo three\n\nfour";
        let source = Source { pages: vec![0, 5, 16], ..Source::default() };
        assert_eq!(page_of(&source, 0), 0);
        assert_eq!(page_of(&source, 4), 0);
        assert_eq!(page_of(&source, 9), 1);
        assert_eq!(page_of(&source, 16), 2);
        let cited = |span| Cited { source: &source, text, span: Some(span), base: PathBuf::new(), quote: "q" };
        let on = |page_text: &str, range| Some((page_text.to_owned(), range, "q".to_owned()));
        assert_eq!(quote_on(&cited(9..14), 1), on("two three", 4..9));
        // Across pages 2 and 3: each page marks its part.
        let across = cited(9..20);
        assert_eq!(quote_on(&across, 1), on("two three", 4..9));
        assert_eq!(quote_on(&across, 2), on("four", 0..4));
        assert_eq!(quote_on(&across, 0), None, "nothing of it on page 1");
        // "three" printed on page 1 (a footnote kept in page 2's stretch): page 1 marks it.
        let moved = Source { moved: vec![[9, 14, 1]], ..source.clone() };
        let footnote = Cited { source: &moved, text, span: Some(10..14), base: PathBuf::new(), quote: "q" };
        assert_eq!(page_of(&moved, 10), 0);
        assert_eq!(quote_on(&footnote, 0), on("three", 1..5));
    }
}
