//! File › New Timeline…: where the new timeline goes; it is made with a `sources/` folder
//! beside it, and opened.

use std::path::PathBuf;

use super::command::Command;
use super::dialog::{actions_ui, dialog_ui};
use super::file_chooser::Purpose;

#[derive(Default)]
pub struct NewDialog {
    pub open: bool,
    pub path: String,
    pub message: Option<Result<String, String>>,
    /// Just shown: the path field takes the keyboard.
    focus: bool,
}

impl NewDialog {
    pub fn show(&mut self) {
        let dir = std::env::current_dir().unwrap_or_default();
        *self = Self {
            open: true,
            path: dir.join("timeline.citeline.json").display().to_string(),
            message: None,
            focus: true,
        };
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Command> {
        if !self.open {
            return None;
        }
        let mut command = None;
        let clicked_outside = dialog_ui(ctx, "New Timeline", |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("Save to");
                let r = ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(340.0)).labelled_by(label.id);
                if std::mem::take(&mut self.focus) {
                    r.request_focus();
                }
                // Enter in the field creates, as the Create button does.
                if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    command = Some(Command::NewTimeline(PathBuf::from(self.path.trim())));
                }
                if ui.button("Browse…").clicked() {
                    command = Some(Command::Browse(Purpose::NewTimeline, Some(PathBuf::from(self.path.trim()))));
                }
            });
            ui.label(egui::RichText::new("A sources folder is made beside it for the documents you add.").small());
            ui.separator();
            if actions_ui(ui, "Create", true, &mut self.open, self.message.as_ref()) {
                command = Some(Command::NewTimeline(PathBuf::from(self.path.trim())));
            }
        });
        if clicked_outside {
            self.open = false;
        }
        command
    }
}
