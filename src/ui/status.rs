//! The status strip: a file loading or saving (with progress and Cancel), problems to report,
//! and for a few seconds what was just done ("Saved case.citeline.json").

use egui::{RichText, Ui};

use super::command::Command;
use crate::model::Progress;
use crate::session::Report;
use crate::session::report::{FLASH_SECONDS, Flash};

/// Long work on a file: what it is, how far along, and the command that cancels it.
pub struct Work<'a> {
    pub path: &'a std::path::Path,
    pub progress: &'a Progress,
    pub cancel: Command,
}

/// The strip: each piece of `work` under way, then the report.
pub fn status_ui(ui: &mut Ui, work: Vec<Work>, report: Option<&Report>) -> Vec<Command> {
    let mut commands = Vec::new();
    for Work { path, progress, cancel } in work {
        ui.horizontal(|ui| {
            ui.label(format!("{} {}…", progress.stage().label(), path.display()));
            ui.add(egui::ProgressBar::new(progress.fraction()).desired_width(240.0).show_percentage());
            if ui.button("Cancel").clicked() {
                commands.push(cancel);
            }
        });
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
    }
    if let Some(flash) = report.and_then(|r| r.flash.as_ref())
        && !flash_ui(ui, flash)
        && report.is_some_and(Report::is_flash_only)
    {
        // The flash was all there was to say.
        commands.push(Command::DismissReport);
    }
    if let Some(report) = report.filter(|r| !r.is_flash_only()) {
        let palette = super::dialog::palette_of(ui);
        let color = if report.is_error { palette.problem } else { palette.caution };
        ui.horizontal(|ui| {
            ui.label(RichText::new(if report.is_error { "⚠" } else { "ℹ" }).color(color).strong());
            ui.label(RichText::new(&report.headline).color(color).strong());
            if ui.button("Dismiss").clicked() {
                commands.push(Command::DismissReport);
            }
        });
        // A headline that says it all has no details to open.
        if !report.lines.is_empty() {
            egui::CollapsingHeader::new(format!("Details ({})", report.lines.len()))
                .id_salt("report-details")
                .default_open(report.is_error)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().max_height(120.0).show(ui, |ui| {
                        for line in &report.lines {
                            ui.add(egui::Label::new(RichText::new(line).monospace().size(12.0)).wrap());
                        }
                    });
                });
        }
    }
    commands
}

/// The flash, while it lasts (from the frame it is first shown); false once it is over. A
/// repaint is asked for when it ends, so that it goes without the user doing anything.
fn flash_ui(ui: &mut Ui, flash: &Flash) -> bool {
    let now = ui.input(|i| i.time);
    let id = egui::Id::unique(("status-flash", flash.serial()));
    let since = ui.data_mut(|d| *d.get_temp_mut_or_insert_with(id, || now));
    let left = FLASH_SECONDS - (now - since);
    if left <= 0.0 {
        // Over for good: shown again, it would start again.
        ui.data_mut(|d| d.insert_temp(id, f64::NEG_INFINITY));
        return false;
    }
    ui.ctx().request_repaint_after(std::time::Duration::from_secs_f64(left));
    let color = super::dialog::palette_of(ui).success;
    ui.horizontal(|ui| {
        ui.label(RichText::new("✔").color(color).strong());
        ui.label(RichText::new(&flash.text).color(color));
    });
    true
}

/// The name of the file at `path`, as the strip says it.
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
