//! File › Export Report…: a dialog for the paper, the citation style, the picture and the file;
//! then the chronology of the events the filter shows is written as a Word or PDF report (from
//! the file name) in a background job, and the status strip says how it goes.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{RichText, Ui};

use super::command::Command;
use super::command::Purpose;
use super::dialog::{dialog_ui, palette_of};
use crate::model::Progress;
use crate::report::{CitationStyle, Paper, ReportOptions, Written};
use crate::session::{Job, Loaded};

/// A report being written: where, and the job writing it (what it wrote, or why not).
struct Running {
    path: PathBuf,
    job: Job<Result<Written, String>>,
}

/// The dialog's choices, kept from one report to the next while the program runs.
pub struct ReportExport {
    pub paper: Paper,
    pub style: CitationStyle,
    pub picture: bool,
    path: String,
    /// A file that exists where the report would go: asked before it is replaced.
    replacing: Option<PathBuf>,
    /// Give the file field the keyboard at the next frame (a name refused by Enter).
    refocus: bool,
    /// Just opened: the file field takes the keyboard, its name selected.
    focus: bool,
    /// The timeline the path was chosen for: another one gets its own proposal.
    proposed_for: PathBuf,
    /// The path last checked and why it cannot take a report: the disk is asked once per path
    /// typed (and again when the dialog opens), not on every frame.
    checked: Option<(PathBuf, Option<String>)>,
    /// The path last proposed for the open timeline: while the field still holds it, it
    /// follows the timeline (another one opened, a file saved under another name).
    proposed: String,
    running: Option<Running>,
}

impl Default for ReportExport {
    fn default() -> Self {
        Self {
            paper: paper_of_locale(&locale()),
            style: CitationStyle::default(),
            picture: true,
            path: String::new(),
            replacing: None,
            refocus: false,
            focus: false,
            proposed_for: PathBuf::new(),
            checked: None,
            proposed: String::new(),
            running: None,
        }
    }
}

/// The locale that decides the paper: `LC_ALL`, else `LC_PAPER`, else `LANG`.
fn locale() -> String {
    ["LC_ALL", "LC_PAPER", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_default()
}

/// US Letter where it is the paper in use (the United States, Canada, Mexico, the Philippines
/// and most of Central and South America's printers, as glibc's locales say), A4 elsewhere.
pub(crate) fn paper_of_locale(locale: &str) -> Paper {
    let region = locale.split(['.', '@']).next().unwrap_or("").rsplit('_').next().unwrap_or("");
    let letter = ["US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "NI", "PA", "PR", "SV", "DO"];
    if locale.contains('_') && letter.contains(&region) { Paper::Letter } else { Paper::A4 }
}

impl ReportExport {
    /// Where a report of the timeline at `doc_path` is proposed to go: beside it, named after
    /// it, as a PDF; an absolute path, so that the chooser starts in its folder.
    pub fn proposed(doc_path: &Path, title: &str) -> PathBuf {
        let cwd = std::env::current_dir().unwrap_or_default();
        let path = super::export_dialog::proposed_path(doc_path, title, &cwd, "pdf");
        if path.is_absolute() { path } else { cwd.join(path) }
    }

    /// Opens the dialog, proposing a file beside the timeline named after it unless the user
    /// chose another for this timeline; the file field takes the keyboard.
    pub fn show(&mut self, doc: &crate::model::Document) {
        let proposed = Self::proposed(doc.path(), &doc.timeline().title).display().to_string();
        if self.path.trim().is_empty() || self.path == self.proposed || self.proposed_for != doc.path() {
            self.path.clone_from(&proposed);
        }
        self.proposed = proposed;
        doc.path().clone_into(&mut self.proposed_for);
        self.checked = None;
        self.focus = true;
    }

    /// Sets where the report goes (a file chosen).
    pub(crate) fn set_path(&mut self, path: &Path) {
        self.path = path.display().to_string();
    }

    /// The dialog, while `open` (set false when it closes): Browse… asks for the file
    /// chooser, Export for the report.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        shown: usize,
        filtered_out: Option<usize>,
        open: &mut bool,
    ) -> Option<Command> {
        if !*open {
            return None;
        }
        let mut command = None;
        let clicked_outside =
            dialog_ui(ctx, "Export Report", |ui| command = self.contents_ui(ui, shown, filtered_out, open));
        if clicked_outside {
            *open = false;
        }
        command
    }

    /// What the report will be: the formats, a filter, a long report, a picture left out.
    fn notes_ui(&self, ui: &mut Ui, shown: usize, filtered_out: Option<usize>) {
        ui.label(RichText::new("A Word document (.docx) or a PDF, as the file name says; Enter exports.").small());
        if let Some(hidden) = filtered_out {
            let hidden = crate::model::date::group_thousands(hidden as u64);
            ui.label(
                RichText::new(format!(
                    "A filter is on: the {hidden} events it hides are left out, and the report says so."
                ))
                .small(),
            );
        }
        if crate::report::size_warning(shown).is_some() {
            let n = crate::model::date::group_thousands(shown as u64);
            let says =
                format!("This report is long: {n} events run to thousands of pages. The Filters menu narrows it.");
            ui.colored_label(palette_of(ui).caution, says);
        }
        if self.picture && shown > crate::report::PICTURE_MAX_EVENTS {
            let most = crate::model::date::group_thousands(crate::report::PICTURE_MAX_EVENTS as u64);
            ui.label(
                RichText::new(format!(
                    "The picture is left out above {most} dated events: too many to read on a page."
                ))
                .small(),
            );
        }
        if shown == 0 {
            ui.colored_label(palette_of(ui).caution, "No event is shown: the report would hold no row.");
        }
    }

    /// The paper, the citation style, the picture and the file; whether Enter was pressed in
    /// the file's field. Browse… leaves its command in `command`.
    fn options_ui(&mut self, ui: &mut Ui, command: &mut Option<Command>) -> bool {
        let mut enter = false;
        egui::Grid::new("report-options").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            ui.label("Paper");
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.paper, Paper::A4, "A4");
                ui.radio_value(&mut self.paper, Paper::Letter, "US Letter");
            });
            ui.end_row();
            ui.label("Sources cited in");
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.style, CitationStyle::Chicago, "Chicago (notes and bibliography)");
                ui.radio_value(&mut self.style, CitationStyle::Apa, "APA");
            });
            ui.end_row();
            ui.label("Picture");
            ui.checkbox(&mut self.picture, "Include the timeline as a picture");
            ui.end_row();
            let file_label = ui.label("Save to");
            ui.horizontal(|ui| {
                let field =
                    ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(360.0)).labelled_by(file_label.id);
                if std::mem::take(&mut self.refocus) {
                    field.request_focus();
                }
                if std::mem::take(&mut self.focus) {
                    super::field::focus_selecting(ui.ctx(), field.id, super::field::file_stem(&self.path));
                }
                if field.changed() {
                    self.replacing = None;
                }
                enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button("Browse…").clicked() {
                    *command = Some(Command::Browse(Purpose::ExportReport, Some(PathBuf::from(self.path.trim()))));
                }
            });
            ui.end_row();
        });
        enter
    }

    fn contents_ui(
        &mut self,
        ui: &mut Ui,
        shown: usize,
        filtered_out: Option<usize>,
        open: &mut bool,
    ) -> Option<Command> {
        let mut command = None;
        let enter = self.options_ui(ui, &mut command);
        self.notes_ui(ui, shown, filtered_out);
        ui.separator();
        let path = PathBuf::from(self.path.trim());
        // Checked again while a problem stands: the folder may be made meanwhile, elsewhere.
        if self.checked.as_ref().is_none_or(|(p, problem)| *p != path || problem.is_some()) {
            self.checked = Some((path.clone(), report_path_problem(&path)));
            if self.checked.as_ref().is_some_and(|(_, problem)| problem.is_some()) {
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(500));
            }
        }
        let problem = self.checked.as_ref().and_then(|(_, problem)| problem.clone());
        if let Some(existing) = self.replacing.clone() {
            let name = existing.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            ui.label(format!("“{name}” already exists. Replace it?"));
            ui.horizontal(|ui| {
                if ui.button("Replace").clicked() {
                    command = Some(Command::ExportReport(existing));
                    self.replacing = None;
                    *open = false;
                }
                if ui.button("Cancel").clicked() {
                    self.replacing = None;
                }
            });
            return command;
        }
        ui.horizontal(|ui| {
            let export = ui.add_enabled(problem.is_none(), egui::Button::new("Export")).clicked();
            if enter && problem.is_some() {
                self.refocus = true;
            }
            if export || (enter && problem.is_none()) {
                let target = if path.extension().is_none() { path.with_extension("pdf") } else { path.clone() };
                if target.exists() {
                    self.replacing = Some(target);
                } else {
                    command = Some(Command::ExportReport(target));
                    *open = false;
                }
            }
            if ui.button("Close").clicked() {
                *open = false;
            }
        });
        if let Some(problem) = problem {
            ui.colored_label(palette_of(ui).caution, problem);
        }
        command
    }

    /// Starts writing the report of `data`'s events that `visible` lets through (all when
    /// `None`) to `path`, with the dialog's choices; a date filter with both ends is the
    /// period the report says it covers. A name without an extension becomes a PDF.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        data: Arc<Loaded>,
        visible: Option<Vec<bool>>,
        selection: Option<String>,
        range: Option<(crate::model::Day, crate::model::Day)>,
        path: PathBuf,
    ) {
        let path = if path.extension().is_none() { path.with_extension("pdf") } else { path };
        let (job_path, waker) = (path.clone(), ctx.clone());
        let options = ReportOptions {
            visible,
            paper: self.paper,
            style: self.style,
            picture: self.picture,
            selection,
            range,
            ..ReportOptions::default()
        };
        let job = Job::spawn(
            "exporting the report",
            move || waker.request_repaint(),
            move |progress| crate::report::write(&data.doc, &data.lanes, &options, &job_path, progress),
        );
        self.running = Some(Running { path, job });
    }

    /// The report being written and its progress, while it is.
    pub fn running(&self) -> Option<(&Path, &Progress)> {
        self.running.as_ref().map(|r| (r.path.as_path(), &**r.job.progress()))
    }

    /// Stops the report being written: the file stays as it was.
    pub fn cancel(&mut self) {
        // Dropping the job cancels it.
        self.running = None;
    }

    /// Once the job is done: where it wrote, and what, or why it could not.
    pub(crate) fn poll(&mut self) -> Option<(PathBuf, Result<Written, String>)> {
        let result = self.running.as_ref()?.job.poll()?;
        let Running { path, .. } = self.running.take()?;
        Some((path, result.map_err(|f| f.0).and_then(|r| r)))
    }
}

/// Why a report cannot go to `path`, in words for the dialog; `None` when it can.
fn report_path_problem(path: &Path) -> Option<String> {
    if path.as_os_str().is_empty() {
        return Some("Name the file to write.".to_owned());
    }
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty())
        && !folder.is_dir()
    {
        return Some(format!("The folder {} does not exist.", folder.display()));
    }
    if path.is_dir() {
        return Some("That is a folder: name the file to write in it.".to_owned());
    }
    match path.extension() {
        None => None,
        Some(e) => crate::report::ReportFormat::from_path(path)
            .err()
            .map(|_| format!("A report is a .pdf or a .docx file, not .{}.", e.to_string_lossy())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_chosen_for_one_timeline_is_not_proposed_for_another() {
        let seed = crate::session::loaded::load_seed().expect("the seed").doc;
        let other_timeline = crate::model::Timeline { title: "Other case".into(), ..Default::default() };
        let other = crate::model::Document::new(
            other_timeline,
            Path::new("/cases/other.citeline.json"),
            &crate::model::Progress::default(),
        )
        .expect("valid");
        let mut dialog = ReportExport::default();
        dialog.show(&seed);
        dialog.set_path(Path::new("/reports/huge.pdf"));
        dialog.show(&seed);
        assert_eq!(dialog.path, "/reports/huge.pdf", "kept for the same timeline");
        dialog.show(&other);
        assert!(dialog.path.ends_with("other.pdf"), "proposed anew for another: {}", dialog.path);
    }

    #[test]
    fn the_paper_follows_the_locale() {
        for (locale, paper) in [
            ("en_US.UTF-8", Paper::Letter),
            ("fr_CA.UTF-8", Paper::Letter),
            ("es_MX", Paper::Letter),
            ("en_GB.UTF-8", Paper::A4),
            ("es_ES.UTF-8", Paper::A4),
            ("it_IT.UTF-8@euro", Paper::A4),
            ("C.UTF-8", Paper::A4),
            ("", Paper::A4),
            ("US", Paper::A4),
        ] {
            assert_eq!(paper_of_locale(locale), paper, "{locale}");
        }
    }

    #[test]
    fn a_report_is_a_pdf_or_a_word_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let at = |name: &str| dir.path().join(name);
        assert_eq!(report_path_problem(&at("case.pdf")), None);
        assert_eq!(report_path_problem(&at("case.DOCX")), None);
        assert_eq!(report_path_problem(&at("case")), None, "a PDF by default");
        assert!(report_path_problem(&at("case.png")).is_some_and(|p| p.contains(".png")));
        assert!(report_path_problem(Path::new("")).is_some());
        let missing = report_path_problem(&at("no/such/folder/case.pdf"));
        assert!(missing.is_some_and(|p| p.contains("does not exist")), "a missing folder is said before the work");
        assert!(report_path_problem(dir.path()).is_some_and(|p| p.contains("folder")));
    }
}
