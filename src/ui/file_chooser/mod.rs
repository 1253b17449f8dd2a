//! Choosing a file: the system's dialog when it opens, else citeline's own chooser (a path field
//! that completes names, and the folder's folders and wanted files), so that Open, Save As,
//! Export and Add Source always work, even on a Linux desktop without an XDG desktop portal.

mod listing;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Key, RichText};

use super::command::{Command, Purpose};
use super::dialog::{dialog_ui, palette_of};
pub use listing::{Entry, completions, expand_home, list, split};

impl Purpose {
    pub fn title(self) -> &'static str {
        match self {
            Self::Open => "Open Timeline",
            Self::SaveAs => "Save Timeline As",
            Self::Export => "Export Image To",
            Self::ExportTable => "Export Table To",
            Self::Publish => "Publish Page To",
            Self::ExportReport => "Export Report To",
            Self::AddSource => "Add Source From",
            Self::NewTimeline => "New Timeline In",
        }
    }

    /// Whether the file is written (it may not exist yet) rather than read.
    pub fn writes(self) -> bool {
        matches!(
            self,
            Self::SaveAs | Self::Export | Self::ExportTable | Self::Publish | Self::ExportReport | Self::NewTimeline
        )
    }

    /// The files listed, by extension.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Open | Self::SaveAs => &["json", "csv"],
            Self::Export => &["png", "svg", "pdf"],
            Self::ExportTable => &["xlsx", "csv"],
            Self::Publish => &["html"],
            Self::ExportReport => &["pdf", "docx"],
            Self::AddSource => &crate::formats::source_file::EXTENSIONS,
            Self::NewTimeline => &["json"],
        }
    }

    fn what(self) -> &'static str {
        match self {
            Self::Open | Self::SaveAs | Self::NewTimeline => "Timelines (citeline, TimelineJS JSON or CSV)",
            Self::Export => "Images (PNG, SVG, PDF)",
            Self::ExportTable => "Tables (Excel XLSX, CSV)",
            Self::Publish => "Web pages (HTML)",
            Self::ExportReport => "Reports (PDF, Word)",
            Self::AddSource => "Documents (text, PDF, e-mail, Word)",
        }
    }

    /// The system's dialog for this purpose; `None` when it was cancelled or could not open.
    fn native(self, folder: Option<&Path>, name: Option<&str>) -> Option<PathBuf> {
        let mut dialog =
            rfd::FileDialog::new().add_filter(self.what(), self.extensions()).add_filter("All files", &["*"]);
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        if let Some(name) = name {
            dialog = dialog.set_file_name(name);
        }
        if self.writes() { dialog.save_file() } else { dialog.pick_file() }
    }
}

/// A system dialog that answers sooner than this never showed: no one closes one that fast.
const NATIVE_SHOWN_FOR: Duration = Duration::from_millis(250);

/// The chooser and what it remembers: whether the system's dialog works, and the folder it
/// was last in.
pub struct FileChooser {
    pub open: bool,
    purpose: Purpose,
    /// The path being typed.
    pub path: String,
    /// Where relative paths start.
    base: PathBuf,
    /// Whether to try the system's dialog first; cleared once it fails to open.
    pub native: bool,
    /// Why the system's dialog is not used (said once, in the chooser).
    notice: Option<String>,
    /// The folder listed, and its entries or why they cannot be read.
    listed: Option<(PathBuf, Result<Vec<Entry>, String>)>,
    problem: Option<String>,
    /// Just shown: the path field takes the keyboard, the cursor at its end.
    focus: bool,
}

impl Default for FileChooser {
    fn default() -> Self {
        Self {
            open: false,
            purpose: Purpose::Open,
            path: String::new(),
            base: std::env::current_dir().unwrap_or_default(),
            // `CITELINE_FILE_DIALOG=builtin` always uses citeline's own.
            native: std::env::var("CITELINE_FILE_DIALOG").map_or(true, |v| v != "builtin"),
            notice: None,
            focus: false,
            listed: None,
            problem: None,
        }
    }
}

impl FileChooser {
    /// Asks for a file for `purpose`, starting at `start` (a file or a folder). The system's
    /// dialog answers at once (the path, or `None` when cancelled); else citeline's chooser
    /// opens and answers later with [`Command::FileChosen`].
    pub(crate) fn ask(&mut self, purpose: Purpose, start: Option<&Path>) -> Option<PathBuf> {
        self.ask_with(purpose, start, Purpose::native)
    }

    /// [`Self::ask`] with `native` as the system's dialog.
    pub(crate) fn ask_with(
        &mut self,
        purpose: Purpose,
        start: Option<&Path>,
        native: impl FnOnce(Purpose, Option<&Path>, Option<&str>) -> Option<PathBuf>,
    ) -> Option<PathBuf> {
        let (folder, name) = match start {
            Some(p) if p.is_dir() => (Some(p.to_owned()), None),
            Some(p) => (p.parent().map(Path::to_owned), p.file_name().map(|n| n.to_string_lossy().into_owned())),
            None => (None, None),
        };
        if self.native {
            let asked = Instant::now();
            if let Some(path) = native(purpose, folder.as_deref(), name.as_deref()) {
                return Some(path);
            }
            if asked.elapsed() >= NATIVE_SHOWN_FOR {
                return None;
            }
            self.native = false;
            self.notice = Some(
                "The system's file dialog did not open (on Linux it needs an XDG desktop portal or zenity), \
                 so citeline's own chooser is used."
                    .into(),
            );
        }
        self.show(purpose, folder.as_deref(), name.as_deref());
        None
    }

    /// Opens citeline's chooser for `purpose` in `folder` (else the last one), `name` typed.
    pub fn show(&mut self, purpose: Purpose, folder: Option<&Path>, name: Option<&str>) {
        if let Some(folder) = folder.filter(|f| !f.as_os_str().is_empty()) {
            folder.clone_into(&mut self.base);
        }
        self.purpose = purpose;
        let mut path = self.base.display().to_string();
        if !path.ends_with(std::path::MAIN_SEPARATOR) {
            path.push(std::path::MAIN_SEPARATOR);
        }
        path.push_str(name.unwrap_or_default());
        self.path = path;
        self.problem = None;
        // Read the folder afresh: files may have come or gone since.
        self.listed = None;
        self.open = true;
        self.focus = true;
    }

    /// The folder being typed in, listed (read again only when it changes).
    fn entries(&mut self) -> (PathBuf, String, &Result<Vec<Entry>, String>) {
        let (folder, start) = split(&self.path, &self.base);
        if self.listed.as_ref().is_none_or(|(f, _)| *f != folder) {
            let read = list(&folder, self.purpose.extensions()).map_err(|e| format!("{}: {e}", folder.display()));
            self.listed = Some((folder.clone(), read));
        }
        let listed = &self.listed.as_ref().unwrap_or_else(|| unreachable!("listed above")).1;
        (folder, start, listed)
    }

    /// What the typed path is, or why it will not do.
    fn chosen(&self) -> Result<PathBuf, String> {
        let typed = self.path.trim();
        if typed.is_empty() {
            return Err("Type a file name.".into());
        }
        let path = {
            let p = expand_home(typed);
            if p.is_absolute() { p } else { self.base.join(p) }
        };
        if path.is_dir() {
            return Err(format!("{} is a folder: choose a file in it.", path.display()));
        }
        if self.purpose.writes() {
            let folder = path.parent().filter(|f| !f.as_os_str().is_empty()).unwrap_or(Path::new("."));
            if !folder.is_dir() {
                return Err(format!("There is no folder {}.", folder.display()));
            }
        } else if !path.is_file() {
            return Err(format!("There is no file {}.", path.display()));
        }
        Ok(path)
    }

    /// Draws the chooser; returns the chosen file once it is confirmed.
    /// The completions of the name being typed: folders (with their slash) and wanted files.
    fn suggestions(&mut self) -> Vec<egui::Suggestion> {
        match self.entries() {
            (_, start, Ok(entries)) => completions(entries, &start)
                .filter(|e| !start.is_empty() || e.is_dir)
                // The name typed in full has nothing to complete: no popup over the dialog.
                .filter(|e| e.is_dir || e.name != start)
                .take(50)
                .map(|e| egui::Suggestion::new(if e.is_dir { format!("{}/", e.name) } else { e.name.clone() }))
                .collect(),
            (_, _, Err(_)) => Vec::new(),
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Command> {
        if !self.open {
            return None;
        }
        let mut command = None;
        let purpose = self.purpose;
        let clicked_outside = dialog_ui(ctx, purpose.title(), |ui| {
            let palette = palette_of(ui);
            if let Some(notice) = &self.notice {
                ui.label(RichText::new(notice).small().color(palette.text_muted));
            }
            let mut confirm = false;
            let suggestions = self.suggestions();
            let typed = self.path.clone();
            ui.horizontal(|ui| {
                let label = ui.label("File");
                let edit = egui::TextEdit::singleline(&mut self.path)
                    .hint_text("Type a path; Tab completes")
                    .desired_width(360.0);
                let id = ui.make_persistent_id("chooser-path");
                // Before the completions take it.
                let enter = ui.input(|i| i.key_pressed(Key::Enter));
                let out = egui::CompletionPopup::new(id)
                    .word_boundary(|c| c == '/' || c == std::path::MAIN_SEPARATOR)
                    .show(ui, edit, |_| suggestions.clone());
                let field = out.text_edit.response.response.clone().labelled_by(label.id);
                if std::mem::take(&mut self.focus) {
                    let end = self.path.chars().count();
                    super::field::focus_selecting(ui.ctx(), field.id, end..end);
                }
                if field.changed() {
                    self.problem = None;
                }
                // Enter opens what is typed, also when the completion offered is what is typed.
                let same = out.accepted.is_some() && self.path == typed;
                if enter && (out.accepted.is_none() && field.lost_focus() || same) {
                    confirm = true;
                }
                if ui.button("↑ Up").on_hover_text("The folder above").clicked() {
                    let (folder, _) = split(&self.path, &self.base);
                    if let Some(up) = folder.parent() {
                        self.path = format!("{}/", up.display().to_string().trim_end_matches('/'));
                    }
                }
            });
            confirm |= self.listing_ui(ui);
            ui.separator();
            ui.horizontal(|ui| {
                let action = if purpose.writes() { "Choose" } else { "Open" };
                confirm |= ui.button(action).clicked();
                if ui.button("Cancel").clicked() {
                    self.open = false;
                }
            });
            if let Some(problem) = &self.problem {
                ui.colored_label(palette.problem, problem);
            }
            if confirm {
                match self.chosen() {
                    Ok(path) => {
                        self.base = path.parent().map_or_else(|| self.base.clone(), Path::to_owned);
                        self.open = false;
                        command = Some(Command::FileChosen(purpose, path));
                    }
                    Err(why) => self.problem = Some(why),
                }
            }
        });
        if clicked_outside {
            self.open = false;
        }
        command
    }

    /// The folder's folders and wanted files: a click takes one, a double click on a file
    /// chooses it. True when a file was double-clicked.
    fn listing_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let (folder, start, listed) = self.entries();
        let mut take = None;
        let mut chosen = false;
        ui.label(RichText::new(folder.display().to_string()).small());
        egui::ScrollArea::vertical().id_salt("chooser-listing").max_height(220.0).auto_shrink([false, true]).show(
            ui,
            |ui| match listed {
                Ok(entries) if entries.is_empty() => {
                    ui.weak("Nothing here to choose.");
                }
                Ok(entries) => {
                    for e in entries {
                        let text = if e.is_dir { format!("{}/", e.name) } else { e.name.clone() };
                        let matched = !start.is_empty() && e.name.to_lowercase().starts_with(&start.to_lowercase());
                        let r = ui.selectable_label(matched || e.name == start, text);
                        if r.clicked() {
                            take = Some(e.clone());
                        }
                        if r.double_clicked() && !e.is_dir {
                            chosen = true;
                        }
                    }
                }
                Err(why) => {
                    ui.colored_label(palette_of(ui).problem, why);
                }
            },
        );
        if let Some(e) = take {
            let mut path = folder.join(&e.name).display().to_string();
            if e.is_dir {
                path.push('/');
            }
            self.path = path;
            self.problem = None;
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_system_dialog_that_answers_at_once_never_opened_and_citelines_own_takes_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut chooser = FileChooser { native: true, ..FileChooser::default() };
        // Cancelled by a person: nothing opens, the system's dialog stays in use.
        let slow = |_: Purpose, _: Option<&Path>, _: Option<&str>| {
            std::thread::sleep(NATIVE_SHOWN_FOR + Duration::from_millis(20));
            None
        };
        assert_eq!(chooser.ask_with(Purpose::Open, Some(dir.path()), slow), None);
        assert!(chooser.native && !chooser.open);
        // Chosen: the path comes back at once.
        let file = dir.path().join("a.json");
        let picked = chooser.ask_with(Purpose::Open, None, |_, _, _| Some(file.clone()));
        assert_eq!(picked.as_deref(), Some(file.as_path()));
        // No dialog at all: citeline's chooser opens where asked, says why, and is used from then on.
        let start = dir.path().join("timeline.png");
        assert_eq!(chooser.ask_with(Purpose::Export, Some(&start), |_, _, _| None), None);
        assert!(chooser.open && !chooser.native && chooser.notice.is_some());
        assert_eq!(PathBuf::from(&chooser.path), start, "starts with the file the dialog had");
        chooser.open = false;
        let unused = |_: Purpose, _: Option<&Path>, _: Option<&str>| -> Option<PathBuf> { panic!("not asked again") };
        assert_eq!(chooser.ask_with(Purpose::AddSource, Some(dir.path()), unused), None);
        assert!(chooser.open);
    }

    #[test]
    fn a_choice_is_checked_before_it_is_taken() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("case.citeline.json"), "{}").expect("write");
        let mut chooser = FileChooser { native: false, ..FileChooser::default() };
        chooser.show(Purpose::Open, Some(dir.path()), Some("missing.json"));
        assert!(chooser.chosen().is_err_and(|e| e.contains("no file")));
        chooser.path = "case.citeline.json".into();
        assert_eq!(chooser.chosen(), Ok(dir.path().join("case.citeline.json")), "relative to the folder shown");
        chooser.path = dir.path().display().to_string();
        assert!(chooser.chosen().is_err_and(|e| e.contains("is a folder")));
        chooser.show(Purpose::SaveAs, Some(dir.path()), Some("new.citeline.json"));
        assert!(chooser.chosen().is_ok(), "a new file in a folder that exists");
        chooser.path = dir.path().join("nowhere/new.json").display().to_string();
        assert!(chooser.chosen().is_err_and(|e| e.contains("no folder")));
    }
}
