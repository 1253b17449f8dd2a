//! File › Save As…: the timeline written as citeline JSON, TimelineJS JSON or the TimelineJS
//! spreadsheet (CSV), off the UI thread, atomically.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use egui::RichText;

use crate::loaded::Loaded;
use crate::model::formats::{Format, save_as};

/// A save under way: where it writes, in what format, and the worker's answer.
type RunningSave = (PathBuf, Format, Receiver<Result<Option<String>, String>>);

#[derive(Default)]
pub struct SaveDialog {
    pub open: bool,
    pub path: String,
    /// `None` follows the file name.
    format: Option<Format>,
    running: Option<RunningSave>,
    /// The outcome of the last save, shown until the next.
    pub message: Option<Result<String, String>>,
    /// A citeline file just written, for the window to treat as the open file.
    pub saved_citeline: Option<PathBuf>,
}

impl SaveDialog {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Opens the dialog with a name beside the open file.
    pub fn show(&mut self, current: Option<&Path>) {
        self.open = true;
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

    pub fn ui(&mut self, ctx: &egui::Context, data: Option<&Arc<Loaded>>) {
        self.poll(ctx);
        if !self.open {
            return;
        }
        let mut open = self.open;
        egui::Window::new("Save As").open(&mut open).resizable(false).collapsible(false).show(ctx, |ui| {
            egui::Grid::new("save-options").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
                let label = ui.label("Save to");
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(300.0)).labelled_by(label.id);
                    if ui.button("Browse…").clicked()
                        && let Some(p) = rfd::FileDialog::new()
                            .add_filter("citeline timeline", &["citeline.json"])
                            .add_filter("TimelineJS JSON", &["json"])
                            .add_filter("TimelineJS spreadsheet", &["csv"])
                            .save_file()
                    {
                        self.path = p.display().to_string();
                    }
                });
                ui.end_row();
                ui.label("Format");
                ui.vertical(|ui| {
                    ui.radio_value(&mut self.format, None, "From the file name");
                    for f in [Format::Citeline, Format::TimelineJs, Format::TimelineJsCsv] {
                        ui.radio_value(&mut self.format, Some(f), f.name());
                    }
                });
                ui.end_row();
            });
            let note = match self.format() {
                Some(Format::Citeline) => "Everything is kept.".to_owned(),
                Some(Format::TimelineJs) => {
                    "Citations travel in each event's text; sources and exact dates ride along. Undated events are left out.".to_owned()
                }
                Some(Format::TimelineJsCsv) => {
                    "Citations travel in each event's text; source texts and tags are not kept. Undated events are left out.".to_owned()
                }
                None => "Name the file *.citeline.json, *.json or *.csv, or pick a format.".to_owned(),
            };
            ui.label(RichText::new(note).small());
            ui.separator();
            ui.horizontal(|ui| {
                if self.running.is_some() {
                    ui.spinner();
                    ui.label("Saving…");
                } else if ui.add_enabled(data.is_some() && self.format().is_some(), egui::Button::new("Save")).clicked()
                    && let (Some(data), Some(format)) = (data, self.format())
                {
                    self.start(ctx, Arc::clone(data), format);
                }
            });
            if let Some(msg) = &self.message {
                match msg {
                    Ok(m) => ui.label(RichText::new(m).color(egui::Color32::from_rgb(0x1a, 0x7f, 0x37))),
                    Err(m) => ui.colored_label(ui.visuals().error_fg_color, m),
                };
            }
        });
        self.open = open && self.open;
    }

    fn start(&mut self, ctx: &egui::Context, data: Arc<Loaded>, format: Format) {
        let path = PathBuf::from(self.path.trim());
        let (tx, rx) = mpsc::channel();
        let (waker, job_path) = (ctx.clone(), path.clone());
        let spawned = std::thread::Builder::new().name("citeline-save".into()).spawn(move || {
            let _ = tx.send(save_as(&data.doc, &job_path, format));
            waker.request_repaint();
        });
        match spawned {
            Ok(_) => {
                self.message = None;
                self.running = Some((path, format, rx));
            }
            Err(e) => self.message = Some(Err(format!("cannot start saving: {e}"))),
        }
    }

    fn poll(&mut self, ctx: &egui::Context) {
        let Some((path, format, rx)) = &self.running else { return };
        match rx.try_recv() {
            Ok(Ok(warning)) => {
                let mut m = format!("Saved {} ({})", path.display(), format.name());
                if let Some(w) = warning {
                    let _ = write!(m, ". {w}");
                }
                if *format == Format::Citeline {
                    self.saved_citeline = Some(path.clone());
                }
                self.message = Some(Ok(m));
                self.running = None;
            }
            Ok(Err(e)) => {
                self.message = Some(Err(e));
                self.running = None;
            }
            Err(mpsc::TryRecvError::Empty) => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
            Err(mpsc::TryRecvError::Disconnected) => {
                self.message = Some(Err("saving stopped unexpectedly".into()));
                self.running = None;
            }
        }
    }
}
