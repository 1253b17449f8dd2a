//! File › Export Image…: options, a save dialog, and the export running in the background.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use egui::{RichText, Ui};

use crate::export::{ExportOptions, Extent, export_to_file};
use crate::layout::Visibility;
use crate::layout::axis::TimeView;
use crate::loaded::Loaded;
use crate::scene::Theme;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum What {
    Whole,
    CurrentView,
}

/// An export under way: where it writes, the worker's answer, and when it started.
type RunningExport = (PathBuf, Receiver<Result<(), String>>, f64);

pub struct ExportDialog {
    pub open: bool,
    what: What,
    width: u32,
    scale: f32,
    theme: Theme,
    footnotes: bool,
    path: String,
    running: Option<RunningExport>,
    /// The outcome of the last export, shown until the next.
    pub message: Option<Result<String, String>>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        let dir = std::env::current_dir().unwrap_or_default();
        Self {
            open: false,
            what: What::Whole,
            width: crate::export::DEFAULT_WIDTH,
            scale: 1.0,
            theme: Theme::Light,
            footnotes: false,
            path: dir.join("timeline.png").display().to_string(),
            running: None,
            message: None,
        }
    }
}

impl ExportDialog {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// `visible` is the window's filter: events it hides are left out of the image too.
    pub fn ui(&mut self, ctx: &egui::Context, data: Option<&Arc<Loaded>>, view: TimeView, visible: &Visibility) {
        self.poll(ctx);
        if !self.open {
            return;
        }
        let mut open = self.open;
        egui::Window::new("Export Image").open(&mut open).resizable(false).collapsible(false).show(ctx, |ui| {
            self.options_ui(ui, data, view, visible);
        });
        self.open = open && self.open;
    }

    fn options_ui(&mut self, ui: &mut Ui, data: Option<&Arc<Loaded>>, view: TimeView, visible: &Visibility) {
        egui::Grid::new("export-options").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            ui.label("Show");
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.what, What::Whole, "Whole timeline");
                ui.radio_value(&mut self.what, What::CurrentView, "Current view");
            });
            ui.end_row();
            let width_label = ui.label("Width (px)");
            ui.add(egui::DragValue::new(&mut self.width).range(200..=16_384).speed(10)).labelled_by(width_label.id);
            ui.end_row();
            ui.label("Scale");
            ui.horizontal(|ui| {
                for s in [1.0, 2.0, 3.0] {
                    ui.radio_value(&mut self.scale, s, format!("{s}×"));
                }
            });
            ui.end_row();
            ui.label("Theme");
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.theme, Theme::Light, "Light (print)");
                ui.radio_value(&mut self.theme, Theme::Dark, "Dark");
            });
            ui.end_row();
            ui.label("Footnotes");
            ui.checkbox(&mut self.footnotes, "List every citation under the timeline");
            ui.end_row();
            let file_label = ui.label("Save to");
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(280.0)).labelled_by(file_label.id);
                if ui.button("Browse…").clicked()
                    && let Some(p) = rfd::FileDialog::new()
                        .add_filter("PNG image", &["png"])
                        .add_filter("SVG image", &["svg"])
                        .set_file_name("timeline.png")
                        .save_file()
                {
                    self.path = p.display().to_string();
                }
            });
            ui.end_row();
        });
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let pixels = (self.width as f32 * self.scale).round() as u32;
        ui.label(
            RichText::new(format!("The image will be {pixels} pixels wide; PNG or SVG follows the file name.")).small(),
        );
        if visible.is_filtered() {
            let hidden = visible.hidden();
            ui.label(RichText::new(format!("A filter is on: the {hidden} events it hides are left out.")).small());
        }
        ui.separator();
        ui.horizontal(|ui| {
            let busy = self.running.is_some();
            if busy {
                ui.spinner();
                ui.label("Exporting…");
            } else if ui.add_enabled(data.is_some(), egui::Button::new("Export")).clicked()
                && let Some(data) = data
            {
                self.start(ui.ctx(), Arc::clone(data), view, visible.mask().map(<[bool]>::to_vec));
            }
        });
        if let Some(msg) = &self.message {
            match msg {
                Ok(m) => ui.label(RichText::new(m).color(egui::Color32::from_rgb(0x1a, 0x7f, 0x37))),
                Err(m) => ui.colored_label(ui.visuals().error_fg_color, m),
            };
        }
    }

    fn start(&mut self, ctx: &egui::Context, data: Arc<Loaded>, view: TimeView, visible: Option<Vec<bool>>) {
        let path = PathBuf::from(self.path.trim());
        let options = ExportOptions {
            width: self.width,
            scale: self.scale,
            extent: if self.what == What::Whole { Extent::Whole } else { Extent::View(view) },
            theme: self.theme,
            footnotes: self.footnotes,
            visible,
        };
        let (tx, rx) = mpsc::channel();
        let ctx2 = ctx.clone();
        let job_path = path.clone();
        let spawned = std::thread::Builder::new().name("citeline-export".into()).spawn(move || {
            let _ = tx.send(export_to_file(&data.doc, &data.lanes, &options, &job_path));
            ctx2.request_repaint();
        });
        match spawned {
            Ok(_) => {
                self.message = None;
                self.running = Some((path, rx, ctx.input(|i| i.time)));
            }
            Err(e) => self.message = Some(Err(format!("cannot start the export: {e}"))),
        }
    }

    fn poll(&mut self, ctx: &egui::Context) {
        let Some((path, rx, started)) = &self.running else { return };
        match rx.try_recv() {
            Ok(result) => {
                let seconds = ctx.input(|i| i.time) - started;
                self.message = Some(result.map(|()| format!("Saved {} ({seconds:.1} s)", path.display())));
                self.running = None;
            }
            Err(mpsc::TryRecvError::Empty) => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
            Err(mpsc::TryRecvError::Disconnected) => {
                self.message = Some(Err("the export stopped unexpectedly".into()));
                self.running = None;
            }
        }
    }
}
