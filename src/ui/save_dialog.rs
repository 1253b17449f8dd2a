//! File › Save As…: the timeline written as citeline JSON, TimelineJS JSON or the TimelineJS
//! spreadsheet (CSV). The session writes it, off the UI thread and atomically.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::command::Command;
use super::command::Purpose;
use super::dialog::{dialog_ui, outcome_ui, palette_of};
use crate::formats::Format;

#[derive(Default)]
pub struct SaveDialog {
    pub path: String,
    /// `None` follows the file name.
    format: Option<Format>,
    /// The outcome of the last save, shown until the next.
    pub message: Option<Result<String, String>>,
    /// Just opened: the file field takes the keyboard, its name selected.
    focus: bool,
    /// Enter was pressed in the file's field this frame: it saves, as the Save button does.
    entered: bool,
}

impl SaveDialog {
    /// Opens the dialog with a name beside the open file.
    pub fn show(&mut self, current: Option<&Path>) {
        self.focus = true;
        // The last outcome belongs to the last time the dialog was open (or to a plain Save):
        // shown on opening, it would read as if opening had saved.
        self.message = None;
        if self.path.is_empty() {
            // An absolute folder, so that the field says where the file will go.
            let cwd = std::env::current_dir().unwrap_or_default();
            let dir = current.and_then(Path::parent).map_or_else(|| cwd.clone(), |d| cwd.join(d));
            let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
            let stem = current.and_then(|p| p.file_name()).map_or_else(
                || "timeline".to_owned(),
                |n| n.to_string_lossy().split('.').next().unwrap_or("timeline").to_owned(),
            );
            self.path = dir.join(format!("{stem}.citeline.json")).display().to_string();
        }
    }

    fn format(&self) -> Option<Format> {
        self.format.or_else(|| Format::from_name(Path::new(self.path.trim())))
    }

    /// The dialog, while `open` (set false when it closes); `saving` is the progress of a
    /// save under way.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        saving: Option<&crate::model::Progress>,
        open: &mut bool,
    ) -> Option<Command> {
        if !*open {
            return None;
        }
        let mut command = None;
        let clicked_outside = dialog_ui(ctx, "Save As", |ui| {
            if self.fields_ui(ui) {
                command = Some(Command::Browse(Purpose::SaveAs, Some(PathBuf::from(self.path.trim()))));
            }
            ui.label(RichText::new(note(self.format())).small());
            ui.separator();
            ui.horizontal(|ui| {
                if let Some(progress) = saving {
                    ui.label(format!("{}…", progress.stage().label()));
                    ui.add(egui::ProgressBar::new(progress.fraction()).desired_width(160.0).show_percentage());
                } else if (ui.add_enabled(self.format().is_some(), egui::Button::new("Save")).clicked()
                    || std::mem::take(&mut self.entered))
                    && let Some(format) = self.format()
                {
                    self.message = None;
                    command = Some(Command::SaveAs(PathBuf::from(self.path.trim()), format));
                }
                if ui.button("Close").clicked() {
                    *open = false;
                }
            });
            outcome_ui(ui, self.message.as_ref(), &palette_of(ui));
        });
        if clicked_outside && saving.is_none() {
            *open = false;
        }
        command
    }

    /// The fields; true when Browse… was clicked.
    fn fields_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let mut browse = false;
        egui::Grid::new("save-options").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            let label = ui.label("Save to");
            ui.horizontal(|ui| {
                let field =
                    ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(300.0)).labelled_by(label.id);
                if std::mem::take(&mut self.focus) {
                    super::field::focus_selecting(ui.ctx(), field.id, super::field::file_stem(&self.path));
                }
                self.entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                browse = ui.button("Browse…").clicked();
            });
            ui.end_row();
            ui.label("Format");
            ui.vertical(|ui| {
                ui.radio_value(&mut self.format, None, "From the file name");
                for f in Format::ALL {
                    ui.radio_value(&mut self.format, Some(f), f.name());
                }
            });
            ui.end_row();
        });
        browse
    }
}

/// What the chosen format keeps.
fn note(format: Option<Format>) -> &'static str {
    match format {
        Some(Format::Citeline) => "Everything is kept.",
        Some(Format::TimelineJs) => {
            "Citations travel in each event's text; sources and exact dates ride along. Undated events are left out."
        }
        Some(Format::TimelineJsCsv) => {
            "Citations travel in each event's text; source texts and tags are not kept. Undated events are left out."
        }
        Some(Format::WebAnnotations) => {
            "Each citation as an annotation of its source, with its event; source texts and events without a citation are not kept."
        }
        None => "Name the file *.citeline.json, *.json or *.csv, or pick a format.",
    }
}
