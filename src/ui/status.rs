//! The status strip: a file loading or saving (with progress and Cancel), and problems to report.

use egui::{RichText, Ui};

use super::command::Command;
use crate::model::Progress;
use crate::session::Report;

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
    if let Some(report) = report {
        let color = if report.is_error { ui.visuals().error_fg_color } else { ui.visuals().warn_fg_color };
        ui.horizontal(|ui| {
            ui.label(RichText::new(if report.is_error { "⚠" } else { "ℹ" }).color(color).strong());
            ui.label(RichText::new(&report.headline).color(color).strong());
            if ui.button("Dismiss").clicked() {
                commands.push(Command::DismissReport);
            }
        });
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
    commands
}
