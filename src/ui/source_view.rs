//! A source's full text in the side panel, where the user selects a passage and makes it a new
//! event (New Event from Selection) or one more citation of the selected event (Cite
//! Selection).

use std::ops::Range;

use egui::{Id, RichText, Ui};

use super::command::Command;
use crate::model::Document;
use crate::model::language::language_name;
use crate::scene::Palette;

/// How tall the source's text is shown: room for the event made from it below.
const SOURCE_TEXT_MIN_HEIGHT: f32 = 80.0;

/// The id of a source's text field: the same every frame, so its selection is kept.
pub fn text_id(source: &str) -> Id {
    Id::unique(("source-text", source))
}

/// The selected passage of `text` (char indices from the text field) as a byte range, trimmed
/// of white space at both ends; `None` when nothing but white space is selected.
pub fn passage(text: &str, chars: Range<usize>) -> Option<Range<usize>> {
    let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
    let (a, b) = (byte(chars.start), byte(chars.end));
    let selected = text.get(a..b)?;
    let start = a + (selected.len() - selected.trim_start().len());
    let end = b - (selected.len() - selected.trim_end().len());
    (start < end).then_some(start..end)
}

/// The source being read, and what is selected in it.
#[derive(Default)]
pub struct SourceView {
    /// The id of the source shown.
    pub source: Option<String>,
    selection: Option<Range<usize>>,
    /// Just shown: bring it into view (the panel may be scrolled down to the sources list).
    reveal: bool,
    /// Just shown: its text takes the keyboard, the cursor at its start, so that a passage can
    /// be selected with Shift and the arrow keys.
    focus_text: u8,
    editor: super::source_editor::SourceEditor,
}

impl SourceView {
    pub fn show(&mut self, source: &str) {
        self.source = Some(source.to_owned());
        self.selection = None;
        self.reveal = true;
        // Asked again for a few frames: a dialog closing this frame still holds the keyboard.
        self.focus_text = 4;
    }

    /// The passage selected in the source shown, if any: (source id, byte range).
    pub fn selected_passage(&self) -> Option<(String, Range<usize>)> {
        let source = self.source.clone()?;
        self.selection.clone().filter(|r| !r.is_empty()).map(|r| (source, r))
    }

    /// The source's details, its text to select in, and what to make of the selection.
    /// `event` is the selected event, if any (Cite Selection adds to it).
    pub fn ui(&mut self, ui: &mut Ui, doc: &Document, event: Option<u32>, palette: &Palette) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(id) = self.source.clone() else { return commands };
        let Some((source, text)) = doc.source(&id) else {
            self.source = None;
            return commands;
        };
        // The title wraps: a long one must not widen the panel.
        let title = ui.add(egui::Label::new(RichText::new(&source.title).strong().size(16.0)).wrap());
        if std::mem::take(&mut self.reveal) {
            title.scroll_to_me(Some(egui::Align::Min));
        }
        let mut who = vec![source.publisher.clone(), language_name(&source.language)];
        who.extend(source.published.as_ref().map(|p| format!("published {p}")));
        who.retain(|w| !w.is_empty());
        ui.label(RichText::new(who.join(" · ")).color(palette.text_muted));
        if let Some(url) = &source.url {
            ui.hyperlink_to(url.as_str(), url.as_str());
        }
        if let Some(ocr) = &source.ocr {
            ui.add(egui::Label::new(RichText::new(ocr.describe()).color(palette.caution)).wrap());
        }
        commands.extend(self.editor.ui(ui, doc, &id, palette));
        let picked = self.selection.clone().filter(|r| !r.is_empty());
        ui.horizontal(|ui| {
            let make = ui.add_enabled(picked.is_some(), egui::Button::new("New Event from Selection"));
            if make.clicked()
                && let Some(range) = picked.clone()
            {
                commands.push(Command::EventFromPassage { source: id.clone(), range });
            }
            let cite = ui
                .add_enabled(picked.is_some() && event.is_some(), egui::Button::new("Cite Selection"))
                .on_disabled_hover_text("Select a passage, and the event it supports");
            if cite.clicked()
                && let (Some(range), Some(event)) = (picked.clone(), event)
            {
                commands.push(Command::CitePassage { source: id.clone(), range, event });
            }
            if ui.button("Close").clicked() {
                self.source = None;
            }
        });
        if text.is_empty() {
            ui.label(RichText::new("This source has no text to quote.").color(palette.text_muted));
            return commands;
        }
        ui.label(RichText::new("Select a passage in the text:").small().color(palette.text_muted));
        // The text fills what is left of the source's part of the panel.
        let height = (ui.available_height() - 8.0).max(SOURCE_TEXT_MIN_HEIGHT);
        egui::ScrollArea::vertical()
            .id_salt(("source-scroll", &id))
            .max_height(height)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut shown: &str = text;
                let tid = text_id(&id);
                if ui.memory(|m| m.has_focus(tid)) {
                    self.focus_text = 0;
                }
                if self.focus_text > 0 {
                    self.focus_text -= 1;
                    ui.ctx().request_repaint();
                    super::field::focus_selecting(ui.ctx(), tid, 0..0);
                }
                let output =
                    egui::TextEdit::multiline(&mut shown).id(text_id(&id)).desired_width(f32::INFINITY).show(ui);
                if let Some(range) = output.cursor_range {
                    let chars = range.as_sorted_char_range();
                    self.selection = passage(text, chars.start.0..chars.end.0);
                }
            });
        commands
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_becomes_a_trimmed_byte_range_of_the_text() {
        let text = "Nell’agosto 2013,  Facebook ha fornito…";
        let r = passage(text, 0..16).expect("a passage");
        assert_eq!(&text[r], "Nell’agosto 2013");
        let r = passage(text, 16..30).expect("a passage");
        assert_eq!(&text[r], ",  Facebook ha".trim());
        assert_eq!(passage(text, 17..19), None, "white space alone is no passage");
        assert_eq!(passage(text, 5..5), None);
        assert_eq!(passage(text, 30..400).map(|r| &text[r]), Some("fornito…"));
    }
}
