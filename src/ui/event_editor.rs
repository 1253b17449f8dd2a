//! Editing the selected event in the side panel: title, date (checked as it is typed, and said
//! in plain words), display date, summary, tags (completed from the timeline's), group, and
//! Delete. Each field's typing is one undo step; a value that would make the document invalid
//! is not committed, and the field says why.

use egui::{RichText, Ui};

use super::command::Command;
use crate::model::edit::Edit;
pub use crate::model::fields::Field;
use crate::model::fields::{apply_field, split_tags};
use crate::model::{Document, Edtf, Event};
use crate::scene::Palette;

/// The field an edit's undo key names (`event:ID:Field`).
pub fn field_of_key(key: &str) -> Option<Field> {
    let name = key.rsplit(':').next()?;
    Field::ALL.into_iter().find(|f| format!("{f:?}") == name)
}

/// The fields as typed, for the event they were read from.
#[derive(Default)]
pub struct EventEditor {
    /// The event and the document revision the drafts were read at.
    read_at: Option<(u32, u64)>,
    title: String,
    when: String,
    display_date: String,
    summary: String,
    tags: String,
    group: String,
    /// Why the last value typed in a field was not taken.
    error: Option<(Field, String)>,
    /// Put the keyboard focus in this field on the next frame.
    pub focus: Option<Field>,
}

impl EventEditor {
    /// The session refused what a field asked for: say why there.
    pub fn refused(&mut self, field: Field, why: String) {
        self.error = Some((field, why));
    }

    fn read(&mut self, event: &Event, at: (u32, u64)) {
        let keep_error = self.read_at.is_some_and(|(e, _)| e == at.0);
        self.read_at = Some(at);
        let field_in_error = self.error.as_ref().map(|(f, _)| *f).filter(|_| keep_error);
        let set = |field: Field, draft: &mut String, value: &str| {
            // A refused value stays as typed, with its reason, until it is fixed.
            if field_in_error != Some(field) {
                value.clone_into(draft);
            }
        };
        set(Field::Title, &mut self.title, &event.title);
        set(Field::When, &mut self.when, event.when.as_deref().unwrap_or_default());
        set(Field::DisplayDate, &mut self.display_date, event.display_date.as_deref().unwrap_or_default());
        set(Field::Summary, &mut self.summary, event.summary.as_deref().unwrap_or_default());
        let tags: Vec<&str> = event.tags.iter().map(|t| &**t).collect();
        set(Field::Tags, &mut self.tags, &tags.join(", "));
        set(Field::Group, &mut self.group, event.group().unwrap_or_default());
        if !keep_error {
            self.error = None;
        }
    }

    /// The editor for event `index` of `doc` (at `revision`); `tags` are the timeline's.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        (index, revision): (u32, u64),
        tags: &[String],
        palette: &Palette,
    ) -> Vec<Command> {
        let Some(event) = doc.events().get(index as usize) else { return Vec::new() };
        if self.read_at != Some((index, revision)) {
            self.read(event, (index, revision));
        }
        let mut commands = Vec::new();
        let mut changed = None;
        egui::Grid::new(("event-editor", index)).num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
            for (field, name, hint) in [
                (Field::Title, "Title", "What happened"),
                (Field::When, "Date (EDTF)", "e.g. 2013-08, 2011/2019, 2019~"),
                (Field::DisplayDate, "Display date", "Shown instead of the date"),
                (Field::Summary, "Summary", ""),
                (Field::Tags, "Tags", "Comma-separated"),
                (Field::Group, "Group", "A swim lane"),
            ] {
                let label = ui.label(name);
                ui.vertical(|ui| {
                    let text = self.draft(field);
                    let edit = if field == Field::Summary {
                        egui::TextEdit::multiline(text).desired_rows(2)
                    } else {
                        egui::TextEdit::singleline(text)
                    };
                    let r = ui.add(edit.hint_text(hint).desired_width(f32::INFINITY)).labelled_by(label.id);
                    if self.focus == Some(field) {
                        r.request_focus();
                        self.focus = None;
                    }
                    if r.changed() {
                        changed = Some(field);
                    }
                    if r.lost_focus() {
                        commands.push(Command::SealHistory);
                    }
                    self.field_note_ui(ui, field, tags, palette, &mut changed);
                });
                ui.end_row();
            }
        });
        if let Some(field) = changed {
            commands.extend(self.commit(field, doc, index));
        }
        ui.horizontal(|ui| {
            if ui.button("Delete Event").on_hover_text("Delete key").clicked() {
                commands.push(Command::DeleteEvent(index));
            }
        });
        commands
    }

    fn draft(&mut self, field: Field) -> &mut String {
        match field {
            Field::Title => &mut self.title,
            Field::When => &mut self.when,
            Field::DisplayDate => &mut self.display_date,
            Field::Summary => &mut self.summary,
            Field::Tags => &mut self.tags,
            Field::Group => &mut self.group,
        }
    }

    /// Under a field: why its value was refused; the date in plain words; tags to complete.
    fn field_note_ui(
        &mut self,
        ui: &mut Ui,
        field: Field,
        tags: &[String],
        palette: &Palette,
        changed: &mut Option<Field>,
    ) {
        if let Some((f, why)) = &self.error
            && *f == field
        {
            ui.label(RichText::new(why).color(palette.problem).small());
            return;
        }
        match field {
            Field::When => {
                let words = match Edtf::parse(self.when.trim()) {
                    _ if self.when.trim().is_empty() => "Undated".to_owned(),
                    Ok(d) => d.to_string(),
                    Err(_) => String::new(),
                };
                ui.label(RichText::new(words).color(palette.text_muted).small());
            }
            Field::Tags => {
                let typed: Vec<String> = split_tags(&self.tags);
                let fragment =
                    if self.tags.trim_end().ends_with(',') { "" } else { typed.last().map_or("", String::as_str) };
                let offers: Vec<&String> = tags
                    .iter()
                    .filter(|t| !typed.contains(t) && t.starts_with(fragment) && fragment != t.as_str())
                    .take(6)
                    .collect();
                if offers.is_empty() || fragment.is_empty() {
                    return;
                }
                ui.horizontal_wrapped(|ui| {
                    for t in offers {
                        if ui.small_button(format!("#{t}")).clicked() {
                            let mut kept = typed.clone();
                            kept.pop();
                            kept.push(t.clone());
                            self.tags = kept.join(", ");
                            *changed = Some(Field::Tags);
                        }
                    }
                });
            }
            _ => {}
        }
    }

    /// The edit that `field`'s draft asks for, or why it cannot be made.
    fn commit(&mut self, field: Field, doc: &Document, index: u32) -> Option<Command> {
        let mut event = doc.events().get(index as usize)?.clone();
        let why = apply_field(&mut event, field, self.draft(field));
        self.error = why.map(|w| (field, w));
        if self.error.is_some() {
            return None;
        }
        let key = format!("event:{}:{field:?}", event.id);
        Some(Command::Edit(Edit::UpdateEvent { index: index as usize, event }, Some(key)))
    }
}
