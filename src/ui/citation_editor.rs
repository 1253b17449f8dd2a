//! Editing one citation of the selected event: its quote (checked against the source as it is
//! typed: the badge above follows), its note, its place among the event's citations, and
//! removing it.

use egui::Ui;

use super::command::Command;
use super::field::TextField;
use crate::model::edit::Edit;
use crate::model::{Citation, Event};

/// The fields and buttons of citation `ci` of event `index`, folded under "Edit Citation N".
pub(crate) fn citation_editor_ui(ui: &mut Ui, event: &Event, index: u32, ci: usize) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(citation) = event.citations.get(ci) else { return commands };
    let (e, count) = (index as usize, event.citations.len());
    egui::CollapsingHeader::new(format!("Edit Citation {}", ci + 1)).id_salt(("edit-citation", index, ci)).show(
        ui,
        |ui| {
            let key = |field: &str| Some(format!("citation:{}:{ci}:{field}", event.id));
            egui::Grid::new(("citation-fields", index, ci)).num_columns(2).show(ui, |ui| {
                let label = ui.label("Quote");
                let quote_needed = |t: &str| t.trim().is_empty().then(|| "A citation needs a quote.".to_owned());
                let typed = TextField::multiline(("quote", &*event.id, ci), &citation.quote, 2)
                    .labelled_by(label.id)
                    .check(&quote_needed)
                    .show(ui);
                if let Some(text) = typed.commit.filter(|t| t.trim() != &*citation.quote) {
                    let c = Citation { quote: text.trim().into(), anchor: None, ..citation.clone() };
                    commands
                        .push(Command::Edit(Edit::UpdateCitation { event: e, index: ci, citation: c }, key("quote")));
                }
                if let Some(why) = &typed.problem {
                    ui.end_row();
                    ui.label("");
                    ui.label(egui::RichText::new(why).small().color(super::dialog::palette_of(ui).problem));
                }
                if typed.left {
                    commands.push(Command::SealHistory);
                }
                ui.end_row();
                let label = ui.label("Note");
                let typed =
                    TextField::singleline(("note", &*event.id, ci), citation.note.as_deref().unwrap_or_default())
                        .labelled_by(label.id)
                        .show(ui);
                if let Some(text) = typed.commit {
                    let note: Option<Box<str>> = (!text.trim().is_empty()).then(|| text.trim().into());
                    if note != citation.note {
                        let c = Citation { note, ..citation.clone() };
                        commands.push(Command::Edit(
                            Edit::UpdateCitation { event: e, index: ci, citation: c },
                            key("note"),
                        ));
                    }
                }
                if typed.left {
                    commands.push(Command::SealHistory);
                }
                ui.end_row();
            });
            ui.horizontal(|ui| {
                let moved = |to: usize| {
                    Edit::Batch(vec![
                        Edit::RemoveCitation { event: e, index: ci },
                        Edit::AddCitation { event: e, index: to, citation: citation.clone() },
                    ])
                };
                if ui.add_enabled(ci > 0, egui::Button::new("Move Up")).clicked() {
                    commands.push(Command::Edit(moved(ci - 1), None));
                }
                if ui.add_enabled(ci + 1 < count, egui::Button::new("Move Down")).clicked() {
                    commands.push(Command::Edit(moved(ci + 1), None));
                }
                if ui.button("Remove Citation").clicked() {
                    commands.push(Command::Edit(Edit::RemoveCitation { event: e, index: ci }, None));
                }
            });
        },
    );
    commands
}
