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

/// A citation whose words are being looked for by hand in its source's new version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placing {
    pub event: usize,
    pub citation: usize,
    /// Its words as they were.
    pub quote: String,
}

/// The source being read, and what is selected in it.
#[derive(Default)]
pub struct SourceView {
    /// Find by Hand: the selection is to become this citation's quote.
    pub placing: Option<Placing>,
    /// Where the cursor goes when the text is shown (a byte of it).
    cursor_at: usize,
    /// The id of the source shown.
    pub source: Option<String>,
    selection: Option<Range<usize>>,
    /// Just shown: bring it into view (the panel may be scrolled down to the sources list).
    reveal: bool,
    /// Just shown: its text takes the keyboard, the cursor at its start, so that a passage can
    /// be selected with Shift and the arrow keys.
    focus_text: u8,
    /// The selected event's quote in this text (bytes), marked; scrolled to when `follow`.
    marked: Option<Range<usize>>,
    follow: bool,
    /// The selection was used (made an event, cited): the text field lets go of it.
    let_go: bool,
}

impl SourceView {
    pub fn show(&mut self, source: &str) {
        self.show_at(source, 0);
    }

    /// Shows `source` with the cursor at its byte `near` (clamped), scrolled there.
    pub(crate) fn show_at(&mut self, source: &str, near: usize) {
        if self.source.as_deref() != Some(source) {
            self.placing = None;
        }
        self.cursor_at = near;
        self.source = Some(source.to_owned());
        self.selection = None;
        self.reveal = true;
        // Asked again for a few frames: a dialog closing this frame still holds the keyboard.
        self.focus_text = 4;
    }

    /// Marks the selected event's quote in the text shown (`None`: it quotes none of it); a
    /// new selection (`scroll`) brings it to the middle of the view, the keyboard left where it
    /// is.
    pub(crate) fn mark(&mut self, quote: Option<Range<usize>>, scroll: bool) {
        self.follow = scroll && quote.is_some();
        self.marked = quote;
    }

    /// The passage selected has been made an event or cited: it is let go, so that the same
    /// passage is not made an event twice by a selection no longer to be seen.
    pub(crate) fn let_go(&mut self) {
        self.selection = None;
        self.let_go = true;
    }

    /// The passage selected in the source shown, if any: (source id, byte range).
    pub(crate) fn selected_passage(&self) -> Option<(String, Range<usize>)> {
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
        self.details_ui(ui, source, palette);
        commands.extend(super::source_editor::source_editor_ui(ui, doc, &id, palette));
        let picked = self.selection.clone().filter(|r| !r.is_empty());
        if let Some(placing) = self.placing.clone() {
            self.placing_ui(ui, &id, &placing, picked.clone(), palette, &mut commands);
        }
        self.actions_ui(ui, &id, picked.as_ref(), event, &mut commands);
        if text.is_empty() {
            ui.label(RichText::new("This source has no text to quote.").color(palette.text_muted));
            return commands;
        }
        ui.label(RichText::new("Select a passage in the text:").small().color(palette.text_muted));
        self.text_ui(ui, &id, text, palette);
        commands
    }

    /// The source's title, who published it and when, its address, and how its scan was read.
    fn details_ui(&mut self, ui: &mut Ui, source: &crate::model::Source, palette: &Palette) {
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
    }

    /// What to make of the passage `picked` in source `id`: a new event, or a citation of `event`.
    fn actions_ui(
        &mut self,
        ui: &mut Ui,
        id: &str,
        picked: Option<&Range<usize>>,
        event: Option<u32>,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal(|ui| {
            let make = ui.add_enabled(picked.is_some(), egui::Button::new("New Event from Selection"));
            if make.clicked()
                && let Some(range) = picked.cloned()
            {
                commands.push(Command::EventFromPassage { source: id.to_owned(), range });
            }
            let cite = ui
                .add_enabled(picked.is_some() && event.is_some(), egui::Button::new("Cite Selection"))
                .on_disabled_hover_text("Select a passage, and the event it supports");
            if cite.clicked()
                && let (Some(range), Some(event)) = (picked.cloned(), event)
            {
                commands.push(Command::CitePassage { source: id.to_owned(), range, event });
            }
            if ui.button("Close").clicked() {
                self.source = None;
            }
        });
    }

    /// The source's text to select in, filling what is left of the source's part of the panel:
    /// a drag takes whole words, three clicks a sentence.
    fn text_ui(&mut self, ui: &mut Ui, id: &str, text: &str, palette: &Palette) {
        let height = (ui.available_height() - 8.0).max(SOURCE_TEXT_MIN_HEIGHT);
        egui::ScrollArea::vertical()
            .id_salt(("source-scroll", id))
            .max_height(height)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // A symbol font's bullets drawn as bullets: the same chars, at the same places.
                let plain = crate::model::fold::plain_symbols(text);
                let mut shown: &str = &plain;
                let tid = text_id(id);
                if ui.memory(|m| m.has_focus(tid)) {
                    self.focus_text = 0;
                }
                if std::mem::take(&mut self.let_go)
                    && let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), tid)
                {
                    state.cursor.set_char_range(None);
                    state.store(ui.ctx(), tid);
                }
                if self.focus_text > 0 {
                    self.focus_text -= 1;
                    ui.ctx().request_repaint();
                    let at = char_at(&plain, plain.floor_char_boundary(self.cursor_at.min(plain.len())));
                    super::field::focus_selecting(ui.ctx(), tid, at..at);
                }
                let output =
                    egui::TextEdit::multiline(&mut shown).id(text_id(id)).desired_width(f32::INFINITY).show(ui);
                self.marks_ui(ui, &output, text, tid, palette);
                let response = &output.response.response;
                if response.dragged() {
                    scroll_at_edges(ui);
                }
                let mut chars = output.cursor_range.map(|r| {
                    let r = r.as_sorted_char_range();
                    r.start.0..r.end.0
                });
                // A selection made by the pointer takes whole words; three clicks, a sentence.
                let snapped = match chars.clone() {
                    Some(c) if response.triple_clicked() => Some(sentence_at(text, byte_at(text, c.start))),
                    Some(c) if response.drag_stopped() && !c.is_empty() => {
                        Some(whole_words(text, byte_at(text, c.start)..byte_at(text, c.end)))
                    }
                    _ => None,
                };
                if let Some(bytes) = snapped {
                    let c = char_at(text, bytes.start)..char_at(text, bytes.end);
                    super::field::focus_selecting(ui.ctx(), tid, c.clone());
                    chars = Some(c);
                }
                if let Some(chars) = chars {
                    let selection = passage(text, chars);
                    if selection != self.selection {
                        // The buttons above the text were drawn for the old selection.
                        ui.ctx().request_repaint();
                        self.selection = selection;
                    }
                }
            });
    }

    /// Drawn over the text: the selection it keeps without the keyboard (the field draws its
    /// selection only while it has the keyboard, and what New Event from Selection and Cite
    /// Selection take is to be seen), and the selected event's quote, scrolled to when asked.
    fn marks_ui(&mut self, ui: &Ui, output: &egui::text_edit::TextEditOutput, text: &str, tid: Id, palette: &Palette) {
        let offset = output.galley_pos.to_vec2();
        if let Some(selected) = self.selection.clone().filter(|_| !ui.memory(|m| m.has_focus(tid))) {
            let color = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
            for row in quote_rows(&output.galley, text, selected, offset) {
                ui.painter().rect_filled(row, 2.0, color);
            }
        }
        let Some(quote) = self.marked.clone() else { return };
        let rows = quote_rows(&output.galley, text, quote, offset);
        let color = palette.highlight.gamma_multiply(0.55);
        for row in &rows {
            ui.painter().rect_filled(*row, 2.0, color);
        }
        if let Some(all) = rows.iter().copied().reduce(egui::Rect::union) {
            if std::mem::take(&mut self.follow) {
                ui.scroll_to_rect(all, Some(egui::Align::Center));
            }
            // Told to screen readers too, where it stands.
            let mark = ui.interact(all, tid.with("marked"), egui::Sense::hover());
            mark.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::Mark, true, "Quoted by the selected event")
            });
        }
    }
}

/// Where the bytes `quote` of `text` stand in its laid-out `galley` (of the same chars): one
/// rectangle a row, moved by `offset` to where the galley is drawn.
fn quote_rows(galley: &egui::Galley, text: &str, quote: Range<usize>, offset: egui::Vec2) -> Vec<egui::Rect> {
    let cursor = |b: usize| egui::text::CCursor::new(char_at(text, text.floor_char_boundary(b.min(text.len()))));
    let (a, b) = (galley.pos_from_cursor(cursor(quote.start)), galley.pos_from_cursor(cursor(quote.end)));
    galley
        .rows
        .iter()
        .map(egui::epaint::text::PlacedRow::rect)
        .filter(|r| r.bottom() > a.top() && r.top() < b.bottom())
        .map(|r| {
            let left = if r.top() <= a.center().y && a.center().y < r.bottom() { a.left() } else { r.left() };
            let right = if r.top() <= b.center().y && b.center().y < r.bottom() { b.left() } else { r.right() };
            egui::Rect::from_x_y_ranges(left..=right.max(left), r.y_range()).translate(offset)
        })
        .collect()
}

/// How near the edge of the text's view a drag starts scrolling it, in points.
const SCROLL_EDGE: f32 = 24.0;

impl SourceView {
    /// Find by Hand: what is looked for, and the button that makes the selection its quote.
    fn placing_ui(
        &mut self,
        ui: &mut Ui,
        id: &str,
        placing: &Placing,
        picked: Option<Range<usize>>,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new("Find by hand: select the words that now say").color(palette.caution));
            ui.add(egui::Label::new(RichText::new(format!("“{}”", placing.quote)).italics()).wrap());
            ui.horizontal(|ui| {
                let use_it = ui
                    .add_enabled(picked.is_some(), egui::Button::new("Use Selection as the Quote"))
                    .on_disabled_hover_text("Select the quote’s words in the text below");
                if use_it.clicked()
                    && let Some(range) = picked
                {
                    commands.push(Command::PlaceCitation {
                        source: id.to_owned(),
                        event: placing.event,
                        citation: placing.citation,
                        range,
                    });
                }
                if ui.button("Stop Finding").clicked() {
                    self.placing = None;
                }
            });
        });
    }
}

/// While a selection is dragged near or past the top or bottom of the text's view, the view
/// scrolls that way, the faster the further out the pointer is.
fn scroll_at_edges(ui: &Ui) {
    let Some(pointer) = ui.input(|i| i.pointer.interact_pos()) else { return };
    let view = ui.clip_rect();
    let out = if pointer.y < view.top() + SCROLL_EDGE {
        pointer.y - (view.top() + SCROLL_EDGE)
    } else if pointer.y > view.bottom() - SCROLL_EDGE {
        pointer.y - (view.bottom() - SCROLL_EDGE)
    } else {
        return;
    };
    let dt = ui.input(|i| i.stable_dt).clamp(0.001, 0.1);
    // Positive deltas move the content down: the view up.
    ui.scroll_with_delta(egui::vec2(0.0, -out.clamp(-200.0, 200.0) * 12.0 * dt));
    ui.ctx().request_repaint();
}

/// The byte offset of char `c` of `text` (its length past the end).
fn byte_at(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
}

/// The char index of byte `b` of `text`.
fn char_at(text: &str, b: usize) -> usize {
    text[..text.floor_char_boundary(b)].chars().count()
}

/// Whether `c` belongs to a word: letters, digits and the apostrophes and hyphens inside one.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '‑')
}

/// `range` (bytes of `text`) widened to whole words: a selection that begins or ends inside
/// a word takes all of it.
pub(crate) fn whole_words(text: &str, range: Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (text.floor_char_boundary(range.start), text.floor_char_boundary(range.end));
    let next = |at: usize| text[at..].chars().next();
    let before = |at: usize| text[..at].chars().next_back();
    while let Some(c) = before(start).filter(|&c| in_word(c) && next(start).is_some_and(in_word)) {
        start -= c.len_utf8();
    }
    while let Some(c) = next(end).filter(|&c| in_word(c) && before(end).is_some_and(in_word)) {
        end += c.len_utf8();
    }
    start..end.max(start)
}

/// The sentence of `text` holding byte `at`, read in a window around it (a long source is not
/// cut into sentences for one click); the line, where no sentence holds it.
pub(crate) fn sentence_at(text: &str, at: usize) -> Range<usize> {
    let at = text.floor_char_boundary(at.min(text.len()));
    let from = text.floor_char_boundary(at.saturating_sub(2000));
    let to = text.floor_char_boundary((at + 2000).min(text.len()));
    let found = crate::model::dates::sentences(&text[from..to])
        .into_iter()
        .find(|s| from + s.start <= at && at < from + s.end.max(s.start + 1));
    found.map_or_else(
        || {
            let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
            let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
            start..end
        },
        |s| from + s.start..from + s.end,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pointers_selection_takes_whole_words_and_three_clicks_a_sentence() {
        let text = "Nell’agosto 2013, Facebook ha fornito a Netflix l’accesso. Poi Netflix ha pagato.\nAltro";
        let at = |w: &str| text.find(w).expect("in the text");
        // From inside "Facebook" to inside "fornito".
        let r = whole_words(text, at("book")..at("nito"));
        assert_eq!(&text[r], "Facebook ha fornito");
        let r = whole_words(text, at("agosto") + 2..at("agosto") + 4);
        assert_eq!(&text[r], "Nell’agosto", "an apostrophe is inside a word");
        let r = whole_words(text, at(", Face")..at(" ha fornito"));
        assert_eq!(&text[r], ", Facebook", "a selection on a word's edge stays there");
        let s = sentence_at(text, at("pagato"));
        assert_eq!(text[s].trim(), "Poi Netflix ha pagato.");
        let s = sentence_at(text, at("Facebook"));
        assert!(
            text[s].starts_with("Nell’agosto 2013")
                && text[sentence_at(text, at("Facebook"))].trim_end().ends_with("l’accesso.")
        );
        assert_eq!(&text[sentence_at(text, at("Altro"))], "Altro");
        assert_eq!(
            (byte_at(text, char_at(text, at("Poi"))), char_at(text, text.len())),
            (at("Poi"), text.chars().count())
        );
    }

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
