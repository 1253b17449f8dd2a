//! After a crash: "citeline closed without saving N changes to FILE:", what they are (one line
//! a change, a field's typing as one), "Restore them?"

use egui::RichText;

use super::command::Command;
use super::dialog::dialog_ui;
use crate::session::journal::{MAX_SUMMARY_LINES, Recovery};

pub(crate) fn recovery_ui(ctx: &egui::Context, recovery: &Recovery) -> Option<Command> {
    let file = recovery.file.as_ref().map_or_else(
        || "the built-in timeline".to_owned(),
        |f| f.file_name().map_or_else(|| f.display().to_string(), |n| n.to_string_lossy().into_owned()),
    );
    let n = recovery.changes().len();
    let mut answer = None;
    dialog_ui(ctx, "Restore Unsaved Changes", |ui| {
        ui.label(format!("citeline closed without saving {n} change{} to {file}:", if n == 1 { "" } else { "s" }));
        ui.add_space(4.0);
        ui.indent("recovered-changes", |ui| {
            for line in recovery.summary(MAX_SUMMARY_LINES) {
                ui.label(RichText::new(line));
            }
        });
        ui.add_space(4.0);
        ui.label("Restore them?");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                answer = Some(Command::Recover(true));
            }
            if ui.button("Discard Them").clicked() {
                answer = Some(Command::Recover(false));
            }
        });
    });
    answer
}
