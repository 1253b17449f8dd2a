//! File › Export Image…: options, a file name, and the export running as a background job.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{RichText, Ui};

use super::command::Command;
use super::command::Purpose;
use super::dialog::{dialog_ui, outcome_ui, palette_of};
use crate::layout::Visibility;
use crate::layout::axis::TimeView;
use crate::scene::Theme;
use crate::scene::compose::{DEFAULT_WIDTH, Extent, ImageOptions, image};
use crate::session::{Job, Loaded};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum What {
    Whole,
    CurrentView,
}

/// An export under way: where it writes, the job, and when it started.
struct Running {
    path: PathBuf,
    job: Job<Result<(), String>>,
    started: f64,
}

pub struct ExportDialog {
    what: What,
    width: u32,
    scale: f32,
    theme: Theme,
    footnotes: bool,
    overview: bool,
    path: String,
    /// The path last proposed for the open timeline: while the field still holds it, it
    /// follows the timeline (another one opened, a file saved under another name).
    proposed: String,
    running: Option<Running>,
    /// The outcome of the last export, shown until the next.
    pub message: Option<Result<String, String>>,
    /// An export that finished well, for the status strip to say so: the file written.
    finished: Option<PathBuf>,
    /// Just opened: the file field takes the keyboard, its name selected.
    focus: bool,
    /// Enter was pressed in the file's field: export.
    entered: bool,
}

impl Default for ExportDialog {
    fn default() -> Self {
        let dir = std::env::current_dir().unwrap_or_default();
        let path = dir.join("timeline.png").display().to_string();
        Self {
            what: What::Whole,
            width: DEFAULT_WIDTH,
            scale: 1.0,
            theme: Theme::Light,
            footnotes: false,
            overview: false,
            proposed: path.clone(),
            path,
            running: None,
            message: None,
            finished: None,
            focus: false,
            entered: false,
        }
    }
}

/// What the dialog exports from: the document, the view, and what the filter hides.
pub struct ExportSource<'a> {
    pub data: &'a Arc<Loaded>,
    pub view: TimeView,
    pub visible: &'a Visibility,
}

impl ExportDialog {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// The file an export just wrote, once.
    pub(crate) fn take_finished(&mut self) -> Option<PathBuf> {
        self.finished.take()
    }

    /// The dialog, while `open` (set false when it closes); asks for a file chooser when
    /// Browse… is clicked. An export under way is followed whether the dialog is open or not.
    pub fn ui(&mut self, ctx: &egui::Context, source: &ExportSource, open: &mut bool) -> Option<Command> {
        self.poll(ctx);
        if !*open {
            return None;
        }
        self.propose(&source.data.doc);
        let mut browse = false;
        let clicked_outside = dialog_ui(ctx, "Export Image", |ui| browse = self.contents_ui(ui, source, open));
        if clicked_outside && self.running.is_none() {
            *open = false;
        }
        browse.then(|| Command::Browse(Purpose::Export, Some(PathBuf::from(self.path.trim()))))
    }

    /// Proposes the open timeline's own name for the image, unless the user chose another.
    fn propose(&mut self, doc: &crate::model::Document) {
        if self.path != self.proposed {
            return;
        }
        let cwd = std::env::current_dir().unwrap_or_default();
        let title = &doc.timeline().title;
        let proposed = proposed_path(doc.path(), title, &cwd, "png").display().to_string();
        if proposed != self.proposed {
            self.path.clone_from(&proposed);
            self.proposed = proposed;
        }
    }

    /// Opens the dialog: the file field takes the keyboard.
    pub fn show(&mut self) {
        self.focus = true;
    }

    /// Sets where the image goes (a file chosen).
    pub(crate) fn set_path(&mut self, path: &std::path::Path) {
        self.path = path.display().to_string();
    }

    fn contents_ui(&mut self, ui: &mut Ui, source: &ExportSource, open: &mut bool) -> bool {
        let browse = self.options_ui(ui);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let pixels = (self.width as f32 * self.scale).round() as u32;
        ui.label(
            RichText::new(format!(
                "The image will be {pixels} pixels wide; PNG, SVG or a vector PDF follows the file name."
            ))
            .small(),
        );
        if source.visible.is_filtered() {
            let hidden = source.visible.hidden();
            ui.label(RichText::new(format!("A filter is on: the {hidden} events it hides are left out.")).small());
        }
        ui.separator();
        ui.horizontal(|ui| {
            if self.running.is_some() {
                ui.spinner();
                ui.label("Exporting…");
            } else if ui.button("Export").clicked() || std::mem::take(&mut self.entered) {
                self.start(ui.ctx(), source);
            }
            if ui.button("Close").clicked() {
                *open = false;
            }
        });
        outcome_ui(ui, self.message.as_ref(), &palette_of(ui));
        browse
    }

    /// The options; true when Browse… was clicked.
    fn options_ui(&mut self, ui: &mut Ui) -> bool {
        let mut browse = false;
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
            ui.label("Overview");
            ui.checkbox(&mut self.overview, "Show the whole timeline under it, this part marked");
            ui.end_row();
            let file_label = ui.label("Save to");
            ui.horizontal(|ui| {
                let field =
                    ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(280.0)).labelled_by(file_label.id);
                if std::mem::take(&mut self.focus) {
                    super::field::focus_selecting(ui.ctx(), field.id, super::field::file_stem(&self.path));
                }
                // Enter in the file's field exports, as the Export button does.
                self.entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                browse = ui.button("Browse…").clicked();
            });
            ui.end_row();
        });
        browse
    }

    fn start(&mut self, ctx: &egui::Context, source: &ExportSource) {
        let path = PathBuf::from(self.path.trim());
        let options = ImageOptions {
            width: self.width,
            scale: self.scale,
            extent: if self.what == What::Whole { Extent::Whole } else { Extent::View(source.view) },
            theme: self.theme,
            footnotes: self.footnotes,
            numbers_only: false,
            overview: self.overview,
            visible: source.visible.mask().map(<[bool]>::to_vec),
            heading: true,
        };
        let (data, job_path, waker) = (Arc::clone(source.data), path.clone(), ctx.clone());
        let job = Job::spawn(
            "exporting",
            move || waker.request_repaint(),
            move |_| {
                options.check()?;
                crate::export::write(&image(&data.doc, &data.lanes, &options), options.scale, &job_path)
            },
        );
        self.message = None;
        self.running = Some(Running { path, job, started: ctx.input(|i| i.time) });
    }

    fn poll(&mut self, ctx: &egui::Context) {
        let Some(result) = self.running.as_ref().and_then(|r| r.job.poll()) else {
            if self.running.is_some() {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            return;
        };
        let Some(Running { path, started, .. }) = self.running.take() else { return };
        let seconds = ctx.input(|i| i.time) - started;
        let outcome = result.map_err(|f| f.0).and_then(|r| r);
        if outcome.is_ok() {
            self.finished = Some(path.clone());
            // The app takes it in at the next frame: have one.
            ctx.request_repaint();
        }
        self.message = Some(outcome.map(|()| format!("Saved {} ({seconds:.1} s)", path.display())));
    }
}

/// Where an image of a timeline is proposed to go: beside its file and named after it
/// (`case.png` for `case.citeline.json`); the built-in timeline, which has no file, by its
/// title slugified (else `timeline.png`) in `cwd`. A table goes there too, with `extension`
/// `xlsx`.
pub(crate) fn proposed_path(doc_path: &Path, title: &str, cwd: &Path, extension: &str) -> PathBuf {
    if doc_path == Path::new(crate::session::loaded::SEED_NAME) {
        let has_words = crate::model::search::fold(title).chars().any(|c| c.is_ascii_alphanumeric());
        let stem = if has_words {
            crate::session::sources::slug(title).trim_end_matches('-').to_owned()
        } else {
            "timeline".to_owned()
        };
        return cwd.join(format!("{stem}.{extension}"));
    }
    let name = doc_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // `case.citeline.json`, `case.json`, `case.csv`: `case`.
    let mut stem = name.as_str();
    for suffix in [".json", ".csv", ".citeline"] {
        if stem.to_ascii_lowercase().ends_with(suffix) {
            stem = &stem[..stem.len() - suffix.len()];
        }
    }
    let stem = if stem.trim().is_empty() { "timeline" } else { stem };
    doc_path.parent().unwrap_or(cwd).join(format!("{stem}.{extension}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_is_named_after_its_timeline() {
        let cwd = Path::new("/home/me");
        assert_eq!(
            proposed_path(Path::new("/cases/case.citeline.json"), "Anything", cwd, "png"),
            Path::new("/cases/case.png")
        );
        assert_eq!(proposed_path(Path::new("/cases/Case.Citeline.JSON"), "", cwd, "png"), Path::new("/cases/Case.png"));
        assert_eq!(proposed_path(Path::new("/cases/nyt.json"), "", cwd, "png"), Path::new("/cases/nyt.png"));
        assert_eq!(proposed_path(Path::new("/cases/sheet.csv"), "", cwd, "png"), Path::new("/cases/sheet.png"));
        assert_eq!(proposed_path(Path::new("/cases/.json"), "", cwd, "png"), Path::new("/cases/timeline.png"));
        let seed = Path::new(crate::session::loaded::SEED_NAME);
        assert_eq!(
            proposed_path(seed, "Netflix y los mensajes de Facebook", cwd, "png"),
            cwd.join("netflix-y-los-mensajes-de-facebook.png")
        );
        assert_eq!(proposed_path(seed, " — ", cwd, "png"), cwd.join("timeline.png"));
        let table = proposed_path(Path::new("/cases/case.citeline.json"), "", cwd, "xlsx");
        assert_eq!(table, Path::new("/cases/case.xlsx"), "a table goes beside it too");
    }
}
