//! A citation's source under it: its title with the pin cite, where it came from, its
//! verification badge (and where a quote not found stands instead), and its text or drawn page
//! with the quote highlighted and scrolled into view.

use std::ops::Range;

use egui::text::CCursor;
use egui::{FontId, RichText, ScrollArea, Ui};

use super::Views;
use crate::model::language::language_name;
use crate::model::verify::CitationCheck;
use crate::model::{OriginalKind, Verification};
use crate::scene::Palette;
use crate::session::Loaded;
use crate::ui::pdf_page::{Cited, PdfMode};

fn badge(ui: &mut Ui, status: Verification, palette: &Palette) {
    let (text, color) = match status {
        Verification::Verified => ("✔ verified: the quote stands in the source", palette.success),
        Verification::Normalized => {
            ("≈ matched after normalising spaces, quotes and accents' encoding", palette.caution)
        }
        Verification::NotFound => ("✖ NOT FOUND: the quote is not in the source text", palette.problem),
        Verification::Unchecked => ("? not checked: the timeline does not hold this source's text", palette.text_muted),
    };
    ui.label(RichText::new(text).color(color).strong());
}

/// What a citation's source is drawn with: the document, the event, the palette, and whether
/// the text scrolls to the quote this frame.
pub(super) struct Cx<'a> {
    pub(super) data: &'a Loaded,
    pub(super) index: u32,
    pub(super) palette: &'a Palette,
    pub(super) scroll_now: bool,
}

/// Citation `ci`'s source: its title with the pin cite, where it came from, its verification
/// (and where a quote not found stands instead), and its text or drawn page with the quote
/// highlighted.
pub(super) fn source_ui(
    ui: &mut Ui,
    cx: &Cx,
    ci: usize,
    (source, text): (&crate::model::Source, &str),
    check: &CitationCheck,
    quote: &str,
    views: &mut Views,
) {
    let Cx { data, index, palette, scroll_now } = *cx;
    // "Complaint, p. 17": where the quote stands in the original.
    let title = match data.doc.pin_cite(index as usize, ci) {
        Some(pages) => format!("{}, {pages}", source.title),
        None => source.title.clone(),
    };
    ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
    if let Some(original) = &source.original {
        ui.label(
            RichText::new(format!("From the {} {}", original.kind.name(), original.file))
                .small()
                .color(palette.text_muted),
        );
    }
    ui.add(egui::Label::new(RichText::new(who(source)).color(palette.text_muted)).wrap());
    if let Some(url) = &source.url {
        ui.hyperlink_to(url.as_str(), url.as_str());
    }
    if let Some(ocr) = &source.ocr {
        ui.add(egui::Label::new(RichText::new(ocr.describe()).color(palette.caution)).wrap());
    }
    badge(ui, check.status, palette);
    // A quote not found: where its words stand instead is said, and shown.
    let mut span = check.span();
    if check.status == Verification::NotFound {
        let hint = views.hints.entry((index, ci));
        let hint = hint.or_insert_with(|| data.doc.found_elsewhere(index as usize, ci)).as_ref();
        hint_ui(ui, hint.map(|h| h.said.as_str()), palette);
        span = hint.and_then(|h| h.at.clone());
    }
    let is_pdf = source.original.as_ref().is_some_and(|o| o.kind == OriginalKind::Pdf);
    // The first citation of the source open below is the one marked there.
    let first_of_source =
        data.doc.events().get(index as usize).and_then(|e| e.citations.iter().position(|c| *c.source == *source.id));
    if !is_pdf && span.is_some() && views.beside.as_deref() == Some(&*source.id) && first_of_source == Some(ci) {
        // Its text is open below, the quote marked there: not a second, smaller copy here.
        ui.label(RichText::new("Marked in the source below.").small().color(palette.text_muted));
        return;
    }
    let pdf = &mut views.pdf;
    let heading = if is_pdf { "Source" } else { "Source text" };
    egui::CollapsingHeader::new(heading).id_salt((index, ci)).default_open(true).show(ui, |ui| {
        let mut scroll = scroll_now;
        if is_pdf {
            scroll |= pdf.mode_ui(ui);
            let base = data.doc.path().parent().map(std::path::Path::to_path_buf).unwrap_or_default();
            let cited = Cited { source, text, span: span.clone(), base, quote };
            if pdf.mode == PdfMode::Page && pdf.page_ui(ui, (index, ci), &cited, palette) {
                return;
            }
        }
        let height = views.text_height;
        source_text_ui(ui, text, span.clone(), palette, scroll, (index, ci), height);
    });
}

/// "Author · Publisher · Language · published …".
fn who(source: &crate::model::Source) -> String {
    let mut who = Vec::new();
    who.extend(source.author.clone());
    if !source.publisher.is_empty() {
        who.push(source.publisher.clone());
    }
    if !source.language.is_empty() {
        who.push(language_name(&source.language));
    }
    who.extend(source.published.as_ref().map(|p| format!("published {p}")));
    who.join(" · ")
}

/// Where a quote not found stands instead, as a sentence.
fn hint_ui(ui: &mut Ui, hint: Option<&str>, palette: &Palette) {
    let Some(hint) = hint else { return };
    let mut first = hint.chars();
    let hint: String = first.next().map(|c| c.to_uppercase().chain(first).collect()).unwrap_or_default();
    ui.add(egui::Label::new(RichText::new(hint).color(palette.caution)).wrap());
}

/// The source's full text in a scroll box, the quote highlighted and, on a new selection,
/// scrolled to the middle.
fn source_text_ui(
    ui: &mut Ui,
    text: &str,
    span: Option<Range<usize>>,
    palette: &Palette,
    scroll_now: bool,
    id: (u32, usize),
    height: f32,
) {
    let span = span.filter(|s| s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    let job = crate::ui::text::highlighted(
        ui,
        FontId::proportional(13.0),
        palette,
        ui.available_width() - 16.0,
        text,
        span.clone(),
    );
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let mut area = ScrollArea::vertical().id_salt(("source-text", id)).max_height(height).auto_shrink([false, true]);
    if scroll_now && let Some(s) = &span {
        let char_index = text[..s.start].chars().count();
        let y = galley.pos_from_cursor(CCursor::new(char_index)).top();
        area = area.vertical_scroll_offset((y - height / 3.0).max(0.0));
    }
    area.show(ui, |ui| {
        ui.add(egui::Label::new(galley).selectable(true));
    });
}
