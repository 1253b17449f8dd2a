//! Editing the selected event in the side panel: title, date (checked as it is typed, and said
//! in plain words), display date, summary, tags (completed from the timeline's), group, and
//! Delete. Each field's typing is one undo step; a value that would make the document invalid
//! is not committed, and the field says why.

use egui::{RichText, Ui};

use super::command::Command;
use super::field::{TextField, Typed};
use crate::model::edit::Edit;
pub use crate::model::fields::Field;
use crate::model::fields::{apply_field, split_tags};
use crate::model::{Document, Edtf, Event};
use crate::scene::Palette;

/// The field an edit's undo key names (`event:ID:Field`).
pub(crate) fn field_of_key(key: &str) -> Option<Field> {
    let name = key.rsplit(':').next()?;
    Field::ALL.into_iter().find(|f| format!("{f:?}") == name)
}

/// The editor's state between frames; the fields' drafts live with the fields
/// ([`super::field`]).
#[derive(Default)]
pub struct EventEditor {
    /// Why the session refused the last value committed from a field, for the event (by id).
    error: Option<(Box<str>, Field, String)>,
    /// Put the keyboard focus in this field on the next frame.
    pub focus: Option<Field>,
    /// Unfold the editor on the next frame, leaving the keyboard where it is (an accepted
    /// proposal: its fields shown, the Proposals list still taking A and R).
    pub unfold: bool,
    /// The date being typed, while it reads and is not committed: a ghost on the timeline.
    pub preview: Option<(crate::model::Day, crate::model::Day)>,
    /// The words of its source an event made from a passage was dated by (event id, the date
    /// read, the words), said under the date while it is the one read.
    pub read_from: Option<(Box<str>, String, String)>,
}

/// The text a field shows for `event`.
pub(crate) fn field_value(event: &Event, field: Field) -> String {
    match field {
        Field::Title => event.title.to_string(),
        Field::When => event.when.as_deref().unwrap_or_default().to_owned(),
        Field::DisplayDate => event.display_date.as_deref().unwrap_or_default().to_owned(),
        Field::Summary => event.summary.as_deref().unwrap_or_default().to_owned(),
        Field::Tags => event.tags.iter().map(|t| &**t).collect::<Vec<_>>().join(", "),
        Field::Group => event.group().unwrap_or_default().to_owned(),
    }
}

impl EventEditor {
    /// The session refused what a field asked for: say why there.
    pub fn refused(&mut self, event: &str, field: Field, why: String) {
        self.error = Some((event.into(), field, why));
    }

    /// The editor for event `index` of `doc` (at `revision`); `tags` are the timeline's.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        (index, _revision): (u32, u64),
        tags: &[String],
        palette: &Palette,
    ) -> Vec<Command> {
        let Some(event) = doc.events().get(index as usize) else { return Vec::new() };
        if self.error.as_ref().is_some_and(|(id, ..)| **id != *event.id) {
            self.error = None;
        }
        self.preview = None;
        let mut commands = Vec::new();
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
                    let value = field_value(event, field);
                    let check = |text: &str| apply_field(&mut event.clone(), field, text);
                    let salt = ("event", &*event.id, field as u8);
                    let edit = if field == Field::Summary {
                        TextField::multiline(salt, &value, 2)
                    } else {
                        TextField::singleline(salt, &value)
                    };
                    let edit = edit.hint(hint).labelled_by(label.id).check(&check);
                    // A grid's first frame only sizes it (disabled): the focus waits for the next.
                    if self.focus == Some(field) && (!ui.is_enabled() || ui.is_sizing_pass()) {
                        ui.ctx().request_repaint();
                    } else if self.focus == Some(field) {
                        // Ready for typing over: the whole value selected.
                        super::field::focus_selecting(ui.ctx(), edit.id(), 0..value.chars().count());
                        self.focus = None;
                    }
                    let typed = edit.show(ui);
                    if let Some(text) = &typed.commit {
                        commands.extend(Self::commit(event, index, field, text));
                    }
                    if typed.left {
                        commands.push(Command::SealHistory);
                    }
                    if field == Field::When
                        && let Some(draft) = &typed.draft
                        && let Ok(date) = Edtf::parse(draft.trim())
                    {
                        let span = date.span();
                        self.preview = Some((span.start, span.end));
                    }
                    commands.extend(self.field_note_ui(ui, event, index, field, &typed, tags, palette));
                });
                ui.end_row();
            }
        });
        ui.horizontal(|ui| {
            if ui.button("Delete Event").on_hover_text("Delete key").clicked() {
                commands.push(Command::DeleteEvent(index));
            }
        });
        commands
    }

    /// Under a field: why its value was refused; the date in plain words; tags to complete.
    #[allow(clippy::too_many_arguments)] // one field's whole context, passed once
    fn field_note_ui(
        &self,
        ui: &mut Ui,
        event: &Event,
        index: u32,
        field: Field,
        typed: &Typed,
        tags: &[String],
        palette: &Palette,
    ) -> Option<Command> {
        let refused = self.error.as_ref().filter(|(_, f, _)| *f == field).map(|(_, _, why)| why);
        if let Some(why) = typed.problem.as_ref().or(refused) {
            ui.label(RichText::new(why).color(palette.problem).small());
            return None;
        }
        let text = &typed.text;
        match field {
            Field::When => {
                let mut words = match Edtf::parse(text.trim()) {
                    _ if text.trim().is_empty() => "Undated".to_owned(),
                    Ok(d) => d.to_string(),
                    Err(_) => String::new(),
                };
                // Dated by the reader: say from which words, while the date is the one read.
                if let Some((id, when, read)) = &self.read_from
                    && **id == *event.id
                    && event.when.as_deref() == Some(when.as_str())
                    && typed.draft.is_none()
                {
                    words = format!("{words}, read from “{read}”");
                }
                ui.label(RichText::new(words).color(palette.text_muted).small());
                None
            }
            Field::Tags => {
                let typed: Vec<String> = split_tags(text);
                let fragment =
                    if text.trim_end().ends_with(',') { "" } else { typed.last().map_or("", String::as_str) };
                let offers: Vec<&String> = tags
                    .iter()
                    .filter(|t| !typed.contains(t) && t.starts_with(fragment) && fragment != t.as_str())
                    .take(6)
                    .collect();
                if offers.is_empty() || fragment.is_empty() {
                    return None;
                }
                let mut chosen = None;
                ui.horizontal_wrapped(|ui| {
                    for t in offers {
                        if ui.small_button(format!("#{t}")).clicked() {
                            let mut kept = typed.clone();
                            kept.pop();
                            kept.push(t.clone());
                            chosen = Some(kept.join(", "));
                        }
                    }
                });
                chosen.and_then(|text| Self::commit(event, index, Field::Tags, &text))
            }
            _ => None,
        }
    }

    /// The edit that `field`'s committed text asks for: none when it changes nothing (or when
    /// it cannot stand: the field keeps it, with the reason).
    fn commit(event: &Event, index: u32, field: Field, text: &str) -> Option<Command> {
        let mut changed = event.clone();
        if apply_field(&mut changed, field, text).is_some() || changed == *event {
            return None;
        }
        let key = format!("event:{}:{field:?}", event.id);
        Some(Command::Edit(Edit::UpdateEvent { index: index as usize, event: changed }, Some(key)))
    }
}
