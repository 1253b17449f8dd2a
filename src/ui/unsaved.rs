//! Questions asked before unsaved edits could be lost: "save your changes first?" (quit, open,
//! close the window), and "the file changed on disk: whose version?".

use super::command::{Command, ConflictAnswer, UnsavedAnswer};
use super::dialog::dialog_ui;

/// The question, naming the file and what is about to happen; the answer, once given.
pub(crate) fn unsaved_ui(ctx: &egui::Context, file: &str, action: &str) -> Option<Command> {
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

/// "FILE changed on disk while you have unsaved changes": keep mine, load theirs, or save mine
/// elsewhere; nothing is dropped until the user says.
pub(crate) fn conflict_ui(ctx: &egui::Context, file: &str) -> Option<Command> {
    let mut answer = None;
    dialog_ui(ctx, "Changed on Disk", |ui| {
        ui.label(format!(
            "{file} changed on disk while you have unsaved changes. Keep yours (saving will write over \
             the other version), load the version on disk (yours are dropped), or save yours as another file?"
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Keep Mine").clicked() {
                answer = Some(ConflictAnswer::KeepMine);
            }
            if ui.button("Load Theirs").clicked() {
                answer = Some(ConflictAnswer::LoadTheirs);
            }
            if ui.button("Save Mine As…").clicked() {
                answer = Some(ConflictAnswer::SaveMineAs);
            }
        });
    });
    answer.map(Command::Conflict)
}
