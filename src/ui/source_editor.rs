//! Editing a source's fields in the side panel, and deleting it: a source that events still
//! cite goes only after a confirmation that lists them, with their citations of it, as one
//! undoable step.

use egui::{RichText, Ui};

use super::command::Command;
use super::dialog::dialog_ui;
use super::field::TextField;
use crate::model::edit::Edit;
use crate::model::{Document, Edtf, Source};
use crate::scene::Palette;

/// Sets one field of a source from its text as typed (trimmed here).
type SetField = fn(&mut Source, &str);

/// Why `text` cannot be a publication date.
fn published_problem(text: &str) -> Option<String> {
    let typed = text.trim();
    (!typed.is_empty()).then(|| Edtf::parse(typed).err().map(|e| format!("Not a date citeline reads: {e}"))).flatten()
}

/// The fields of source `id`, folded under "Edit Source" (their drafts live with the fields:
/// [`super::field`]).
pub(crate) fn source_editor_ui(ui: &mut Ui, doc: &Document, id: &str, palette: &Palette) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(index) = doc.timeline().sources.iter().position(|s| &*s.id == id) else { return commands };
    let source = &doc.timeline().sources[index];
    let optional = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_owned());
    egui::CollapsingHeader::new("Edit Source").id_salt(("edit-source", id)).show(ui, |ui| {
        egui::Grid::new(("source-fields", id)).num_columns(2).show(ui, |ui| {
            let fields: [(&str, &str, SetField); 5] = [
                ("Source title", &source.title, |s, v| v.trim().clone_into(&mut s.title)),
                ("Publisher", &source.publisher, |s, v| v.trim().clone_into(&mut s.publisher)),
                ("Author", source.author.as_deref().unwrap_or_default(), |s, v| {
                    s.author = (!v.trim().is_empty()).then(|| v.trim().to_owned());
                }),
                ("Language", &source.language, |s, v| v.trim().clone_into(&mut s.language)),
                ("Address (URL)", source.url.as_deref().unwrap_or_default(), |s, v| {
                    s.url = (!v.trim().is_empty()).then(|| v.trim().to_owned());
                }),
            ];
            for (name, value, set) in fields {
                let label = ui.label(name);
                let typed = TextField::singleline(("source", id, name), value).labelled_by(label.id).show(ui);
                if let Some(text) = typed.commit {
                    let mut changed = source.clone();
                    set(&mut changed, &text);
                    if changed != *source {
                        let key = Some(format!("source:{id}:{name}"));
                        commands.push(Command::Edit(Edit::UpdateSource { index, source: changed }, key));
                    }
                }
                if typed.left {
                    commands.push(Command::SealHistory);
                }
                ui.end_row();
            }
            let label = ui.label("Published");
            ui.vertical(|ui| {
                let typed =
                    TextField::singleline(("source", id, "published"), source.published.as_deref().unwrap_or_default())
                        .hint("EDTF, e.g. 2024-04-12")
                        .labelled_by(label.id)
                        .check(&published_problem)
                        .show(ui);
                let note = match (published_problem(&typed.text), typed.text.trim().is_empty()) {
                    (Some(why), _) => RichText::new(why).color(palette.problem),
                    (None, true) => RichText::new("Not given").color(palette.text_muted),
                    (None, false) => {
                        RichText::new(Edtf::parse(typed.text.trim()).map(|d| d.to_string()).unwrap_or_default())
                            .color(palette.text_muted)
                    }
                };
                ui.label(note.small());
                if let Some(text) = typed.commit {
                    let published = optional(&text);
                    if published != source.published {
                        let changed = Source { published, ..source.clone() };
                        commands.push(Command::Edit(
                            Edit::UpdateSource { index, source: changed },
                            Some(format!("source:{id}:published")),
                        ));
                    }
                }
                if typed.left {
                    commands.push(Command::SealHistory);
                }
            });
            ui.end_row();
        });
        if ui.button("Delete Source").clicked() {
            commands.push(Command::AskDeleteSource(id.to_owned()));
        }
    });
    commands
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
pub(crate) fn delete_source(doc: &Document, id: &str) -> Option<Edit> {
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
pub(crate) fn confirm_delete_ui(ctx: &egui::Context, doc: &Document, id: &str) -> Option<Command> {
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
