//! "Save your changes first?": asked before an action would drop unsaved edits (quit, open,
//! close the window).

use super::command::{Command, UnsavedAnswer};
use super::dialog::dialog_ui;

/// The question, naming the file and what is about to happen; the answer, once given.
pub fn unsaved_ui(ctx: &egui::Context, file: &str, action: &str) -> Option<Command> {
    let mut answer = None;
    let clicked_outside = dialog_ui(ctx, "Unsaved Changes", |ui| {
        ui.label(format!("{file} has changes that are not saved. Save them before you {action}?"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(UnsavedAnswer::Save);
            }
            if ui.button("Don't Save").clicked() {
                answer = Some(UnsavedAnswer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(UnsavedAnswer::Cancel);
            }
        });
    });
    if clicked_outside {
        answer = Some(UnsavedAnswer::Cancel);
    }
    answer.map(Command::Unsaved)
}
