//! Editing a source's fields in the side panel, and deleting it: a source that events still
//! cite goes only after a confirmation that lists them, with their citations of it, as one
//! undoable step.

use egui::{RichText, Ui};

use super::command::Command;
use super::dialog::dialog_ui;
use crate::model::edit::Edit;
use crate::model::{Document, Edtf, Source};
use crate::scene::Palette;

/// Sets one field of a source from its text.
type SetField = fn(&mut Source, String);

/// The publication date as typed: it may not be a date yet while it is being typed.
#[derive(Default)]
pub struct SourceEditor {
    /// The source and the date as typed for it.
    published: Option<(String, String)>,
}

impl SourceEditor {
    /// The fields of source `id`, folded under "Edit Source".
    pub fn ui(&mut self, ui: &mut Ui, doc: &Document, id: &str, palette: &Palette) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(index) = doc.timeline().sources.iter().position(|s| &*s.id == id) else { return commands };
        let source = &doc.timeline().sources[index];
        if self.published.as_ref().is_none_or(|(s, _)| s != id) {
            self.published = Some((id.to_owned(), source.published.clone().unwrap_or_default()));
        }
        egui::CollapsingHeader::new("Edit Source").id_salt(("edit-source", id)).show(ui, |ui| {
            egui::Grid::new(("source-fields", id)).num_columns(2).show(ui, |ui| {
                let fields: [(&str, &str, SetField); 5] = [
                    ("Source title", &source.title, |s, v| s.title = v),
                    ("Publisher", &source.publisher, |s, v| s.publisher = v),
                    ("Author", source.author.as_deref().unwrap_or_default(), |s, v| {
                        s.author = (!v.trim().is_empty()).then_some(v);
                    }),
                    ("Language", &source.language, |s, v| s.language = v),
                    ("Address (URL)", source.url.as_deref().unwrap_or_default(), |s, v| {
                        s.url = (!v.trim().is_empty()).then_some(v);
                    }),
                ];
                for (name, value, set) in fields {
                    let label = ui.label(name);
                    let mut text = value.to_owned();
                    let r = ui
                        .add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
                        .labelled_by(label.id);
                    if r.changed() {
                        let mut changed = source.clone();
                        set(&mut changed, text);
                        let key = Some(format!("source:{id}:{name}"));
                        commands.push(Command::Edit(Edit::UpdateSource { index, source: changed }, key));
                    }
                    if r.lost_focus() {
                        commands.push(Command::SealHistory);
                    }
                    ui.end_row();
                }
                commands.extend(self.published_ui(ui, source, index, palette));
                ui.end_row();
            });
            if ui.button("Delete Source").clicked() {
                commands.push(Command::AskDeleteSource(id.to_owned()));
            }
        });
        commands
    }

    /// The publication date, committed only once it is a date (or empty).
    fn published_ui(&mut self, ui: &mut Ui, source: &Source, index: usize, palette: &Palette) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some((id, draft)) = self.published.as_mut() else { return commands };
        let label = ui.label("Published");
        ui.vertical(|ui| {
            let r = ui
                .add(egui::TextEdit::singleline(draft).hint_text("EDTF, e.g. 2024-04-12").desired_width(f32::INFINITY))
                .labelled_by(label.id);
            let typed = draft.trim();
            let parsed = (!typed.is_empty()).then(|| Edtf::parse(typed));
            match &parsed {
                Some(Err(e)) => {
                    ui.label(RichText::new(format!("Not a date citeline reads: {e}")).small().color(palette.problem))
                }
                Some(Ok(d)) => ui.label(RichText::new(d.to_string()).small().color(palette.text_muted)),
                None => ui.label(RichText::new("Not given").small().color(palette.text_muted)),
            };
            if r.changed() && !matches!(parsed, Some(Err(_))) {
                let published = (!typed.is_empty()).then(|| typed.to_owned());
                let changed = Source { published, ..source.clone() };
                commands.push(Command::Edit(
                    Edit::UpdateSource { index, source: changed },
                    Some(format!("source:{id}:published")),
                ));
            }
            if r.lost_focus() {
                commands.push(Command::SealHistory);
            }
        });
        commands
    }
}

/// The events that cite source `id`, by index.
pub fn citing(doc: &Document, id: &str) -> Vec<usize> {
    doc.events()
        .iter()
        .enumerate()
        .filter(|(_, e)| e.citations.iter().any(|c| *c.source == *id))
        .map(|(i, _)| i)
        .collect()
}

/// Deleting source `id` as one edit: first its citations (from the last, so indices hold),
/// then the source.
pub fn delete_source(doc: &Document, id: &str) -> Option<Edit> {
    let index = doc.timeline().sources.iter().position(|s| &*s.id == id)?;
    let mut edits = Vec::new();
    for e in citing(doc, id) {
        let event = &doc.events()[e];
        for ci in (0..event.citations.len()).rev().filter(|&ci| *event.citations[ci].source == *id) {
            edits.push(Edit::RemoveCitation { event: e, index: ci });
        }
    }
    edits.push(Edit::RemoveSource { index });
    Some(if edits.len() == 1 { edits.remove(0) } else { Edit::Batch(edits) })
}

/// "Delete ‘Source’? These events cite it: …" with what will go.
pub fn confirm_delete_ui(ctx: &egui::Context, doc: &Document, id: &str) -> Option<Command> {
    let title = doc.source(id).map_or(id, |(s, _)| s.title.as_str());
    let events = citing(doc, id);
    let mut answer = None;
    let outside = dialog_ui(ctx, "Delete Source", |ui| {
        ui.label(format!(
            "Delete ‘{title}’? {} event{} cite it:",
            events.len(),
            if events.len() == 1 { "" } else { "s" }
        ));
        egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
            for &e in events.iter().take(200) {
                ui.label(format!("• {}", doc.events()[e].title));
            }
            if events.len() > 200 {
                ui.label(format!("…and {} more", events.len() - 200));
            }
        });
        ui.label("Their citations of it are removed with it. Undo brings everything back.");
        ui.horizontal(|ui| {
            if ui.button("Delete Source and Its Citations").clicked() {
                answer = Some(Command::DeleteSource(id.to_owned()));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Command::CancelDeleteSource);
            }
        });
    });
    if outside { Some(Command::CancelDeleteSource) } else { answer }
}
