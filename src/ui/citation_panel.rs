//! The side panel: the selected event, its citations with verification badges, and each
//! source's full text with the quote highlighted and scrolled into view.

use egui::text::CCursor;
use egui::{FontId, RichText, ScrollArea, Ui};

use super::command::Command;
use super::event_editor::EventEditor;
use super::paint::font_id;
use std::collections::HashMap;
use std::ops::Range;

use super::pdf_page::{Cited, PdfMode, PdfPages};
use super::source_view::SourceView;
use crate::layout::Visibility;
use crate::model::elsewhere::Hint;
use crate::model::language::language_name;
use crate::model::verify::CitationCheck;
use crate::model::{OriginalKind, Verification};
use crate::scene::Palette;
use crate::session::Loaded;

/// The share of the panel's height a source's text or a PDF page may take under a citation.
const SOURCE_SHARE: f32 = 0.55;

/// Panel state kept between frames.
#[derive(Default)]
pub struct CitationPanel {
    /// The selection whose source texts were last scrolled to their quotes.
    scrolled_for: Option<u32>,
    pub editor: EventEditor,
    pub source_view: SourceView,
    views: Views,
}

/// What the selected event's citations show beyond the document, kept between frames.
#[derive(Default)]
struct Views {
    /// PDF sources drawn as pages beside their citations.
    pdf: PdfPages,
    /// Where the words of a quote not found stand instead, per citation, for `revision`.
    hints: HashMap<(u32, usize), Option<Hint>>,
    revision: u64,
    /// How tall a source's text (or its page) may be under a citation: a share of the panel.
    text_height: f32,
    /// The source shown in the panel's lower part, where its citations' quotes are marked.
    beside: Option<String>,
}

/// What the panel shows besides the document.
pub struct PanelContext<'a> {
    pub visibility: &'a Visibility,
    pub selected: Option<u32>,
    /// The document's revision, so that the editor reads an event again after a change.
    pub revision: u64,
    /// The timeline's tags, to complete from.
    pub tags: &'a [String],
    pub palette: Palette,
}

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

impl CitationPanel {
    /// The panel; the filter (`cx.visibility`) leaves out of the undated list what it hides.
    pub fn ui(&mut self, ui: &mut Ui, data: &Loaded, cx: &PanelContext) -> Vec<Command> {
        let (selected, palette) = (cx.selected, &cx.palette);
        let mut commands = Vec::new();
        let scroll_now = self.scrolled_for != selected;
        self.scrolled_for = selected;
        if scroll_now || self.views.revision != cx.revision {
            if scroll_now {
                self.views.pdf.clear();
            }
            self.views.hints.clear();
            self.views.revision = cx.revision;
        }
        let full = ui.available_height();
        self.views.text_height = (full * SOURCE_SHARE).clamp(160.0, 900.0);
        self.views.pdf.height = self.views.text_height;
        self.views.beside.clone_from(&self.source_view.source);
        if let Some(shown) = self.source_view.source.as_deref() {
            // The selected event's quote in the source shown is marked there, and on a new
            // selection scrolled to (an accepted proposal, a new event from a passage).
            let quote = selected.and_then(|e| {
                let event = data.doc.events().get(e as usize)?;
                let ci = event.citations.iter().position(|c| *c.source == *shown)?;
                data.doc.checks(e as usize).get(ci)?.span()
            });
            self.source_view.mark(quote, scroll_now);
        }
        if self.source_view.source.is_some() {
            // The source being cited from shares the panel's height with the event: a split
            // the user drags, the source's text filling its part.
            let pane = egui::Panel::bottom("source-pane")
                .resizable(true)
                .default_size(full * 0.5)
                .min_size(140.0)
                .max_size((full - 120.0).max(140.0))
                .show(ui, |ui| {
                    // A panel is as tall as what it holds: the pane holds its whole height, or
                    // it would shrink by the text's margin on every frame that scrolls.
                    ui.set_min_height(ui.available_height());
                    self.source_view.ui(ui, &data.doc, selected, palette)
                });
            commands.extend(pane.inner);
        }
        ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            if let Some(index) = selected.filter(|&e| (e as usize) < data.doc.events().len()) {
                event_header_ui(ui, data, index, palette);
                commands.extend(self.editor_ui(ui, data, index, cx));
                commands.extend(event_ui(ui, data, index, palette, scroll_now, &mut self.views));
            } else if self.source_view.source.is_none() {
                nothing_selected_ui(ui, data);
            }
            let undated = cx.visibility.undated(&data.undated);
            if !undated.is_empty() {
                ui.separator();
                egui::CollapsingHeader::new(format!("Undated ({})", undated.len())).default_open(true).show(ui, |ui| {
                    for &index in undated.iter().take(500) {
                        // While a large document is laid out again, the list may be a step behind.
                        let Some(e) = data.doc.events().get(index as usize) else { continue };
                        if ui.selectable_label(selected == Some(index), &*e.title).clicked() {
                            commands.push(Command::Select(Some(index)));
                        }
                    }
                    if undated.len() > 500 {
                        ui.label(format!("…and {} more", undated.len() - 500));
                    }
                });
            }
            ui.separator();
            commands.extend(sources_ui(ui, data));
            commands.extend(super::timeline_editor::timeline_editor_ui(ui, &data.doc, palette));
        });
        commands
    }

    /// The editor, folded away until asked for (or a new event wants its fields).
    fn editor_ui(&mut self, ui: &mut Ui, data: &Loaded, index: u32, cx: &PanelContext) -> Vec<Command> {
        let mut commands = Vec::new();
        egui::CollapsingHeader::new(RichText::new("Edit Event").strong())
            .id_salt("event-editor")
            .open((self.editor.focus.is_some() || std::mem::take(&mut self.editor.unfold)).then_some(true))
            .show(ui, |ui| commands = self.editor.ui(ui, &data.doc, (index, cx.revision), cx.tags, &cx.palette));
        commands
    }
}

/// What the panel says with no event selected: how to pick one, or, on a timeline without
/// events, how to make the first from a source's passage.
fn nothing_selected_ui(ui: &mut Ui, data: &Loaded) {
    if !data.doc.events().is_empty() {
        ui.label(RichText::new("Select an event").font(font_id(18.0, true)));
        ui.label("Click an event on the timeline, or press → to step through them in order. Its citations and sources show here.");
        return;
    }
    ui.label(RichText::new("No events yet").font(font_id(18.0, true)));
    let key = |s| ui.ctx().format_shortcut(s);
    let (add, new) = (key(&super::shortcuts::ADD_SOURCE), key(&super::shortcuts::NEW_EVENT));
    ui.label(if data.doc.timeline().sources.is_empty() {
        format!(
            "Add a source below ({add}): a PDF, Word document, web page, e-mail or text. Then select a passage of it \
             and make an event that cites it ({new})."
        )
    } else {
        format!("Click a source below to show its text, select a passage, and make an event that cites it ({new}).")
    });
}

/// The timeline's sources: a click shows one's text (to select passages in), and more can be
/// added.
fn sources_ui(ui: &mut Ui, data: &Loaded) -> Vec<Command> {
    let mut commands = Vec::new();
    let sources = &data.doc.timeline().sources;
    egui::CollapsingHeader::new(format!("Sources ({})", sources.len())).default_open(true).show(ui, |ui| {
        for s in sources {
            let title = if s.title.trim().is_empty() { &*s.id } else { s.title.as_str() };
            if ui.selectable_label(false, title).on_hover_text("Show its text, to cite a passage").clicked() {
                commands.push(Command::ShowSource(s.id.to_string()));
            }
        }
        if ui.button("Add Source…").clicked() {
            commands.push(Command::ShowAddSource(None));
        }
    });
    commands
}

/// The selected event's title and date.
fn event_header_ui(ui: &mut Ui, data: &Loaded, index: u32, palette: &Palette) {
    let Some(event) = data.doc.events().get(index as usize) else { return };
    ui.add(
        egui::Label::new(
            RichText::new(&*event.title).font(font_id(18.0, true)).color(ui.visuals().strong_text_color()),
        )
        .wrap(),
    );
    ui.label(RichText::new(data.doc.date_label(index as usize)).color(palette.text_muted).size(14.0));
}

/// The selected event's summary, tags, then each citation with its source (and its editor).
fn event_ui(
    ui: &mut Ui,
    data: &Loaded,
    index: u32,
    palette: &Palette,
    scroll_now: bool,
    views: &mut Views,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(event) = data.doc.events().get(index as usize) else { return commands };
    fields_ui(ui, event, palette);
    ui.separator();
    ui.label(RichText::new(format!("Citations ({})", event.citations.len())).strong());
    let checks = data.doc.checks(index as usize);
    for (ci, c) in event.citations.iter().enumerate() {
        let check = checks.get(ci).cloned().unwrap_or(CitationCheck::NOT_FOUND);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(format!("“{}”", c.quote)).italics().size(14.0)).wrap());
            if let Some(note) = &c.note {
                ui.add(egui::Label::new(RichText::new(format!("Note: {note}")).color(palette.text_muted)).wrap());
            }
            match data.doc.source(&c.source) {
                Some((source, text)) => {
                    let cx = Cx { data, index, palette, scroll_now };
                    source_ui(ui, &cx, ci, (source, text), &check, &c.quote, views);
                }
                None => {
                    ui.colored_label(palette.problem, format!("Unknown source \"{}\"", c.source));
                }
            }
            commands.extend(super::citation_editor::citation_editor_ui(ui, event, index, ci));
        });
    }
    if event.citations.is_empty() {
        ui.colored_label(palette.problem, "This event cites no source.");
    }
    commands
}

/// The selected event's summary, tags, media and group, those it has.
fn fields_ui(ui: &mut Ui, event: &crate::model::Event, palette: &Palette) {
    if let Some(s) = &event.summary {
        ui.add_space(4.0);
        ui.add(egui::Label::new(&**s).wrap());
    }
    if !event.tags.is_empty() {
        ui.horizontal_wrapped(|ui| {
            for t in &event.tags {
                ui.label(RichText::new(format!("#{t}")).small().color(palette.text_muted));
            }
        });
    }
    if let Some(m) = event.media() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Media:").color(palette.text_muted));
            let text = m.caption.clone().unwrap_or_else(|| m.url.clone());
            ui.hyperlink_to(text, &m.url);
            if let Some(credit) = &m.credit {
                ui.label(RichText::new(format!("({credit})")).color(palette.text_muted));
            }
        });
    }
    if let Some(g) = event.group() {
        ui.label(RichText::new(format!("Group: {g}")).color(palette.text_muted));
    }
}

/// What a citation's source is drawn with: the document, the event, the palette, and whether
/// the text scrolls to the quote this frame.
struct Cx<'a> {
    data: &'a Loaded,
    index: u32,
    palette: &'a Palette,
    scroll_now: bool,
}

/// Citation `ci`'s source: its title with the pin cite, where it came from, its verification
/// (and where a quote not found stands instead), and its text or drawn page with the quote
/// highlighted.
fn source_ui(
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
    let job = super::text::highlighted(
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
