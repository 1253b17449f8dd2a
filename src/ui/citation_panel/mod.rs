//! The side panel: the selected event, its citations with verification badges, and each
//! source's full text with the quote highlighted and scrolled into view.

use egui::{RichText, ScrollArea, Ui};

use super::command::Command;
use super::event_editor::EventEditor;
use super::paint::font_id;
use std::collections::HashMap;

use super::pdf_page::PdfPages;
use super::source_view::SourceView;
use crate::layout::Visibility;
use crate::model::elsewhere::Hint;
use crate::model::verify::CitationCheck;
use crate::scene::Palette;
use crate::session::Loaded;

mod cited;

use cited::{Cx, source_ui};

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
