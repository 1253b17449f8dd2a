//! The file commands: opening, saving, quitting, and the questions before work could be lost
//! (unsaved changes, a crash's edits, a file changed on disk).

use super::{CitelineApp, Modal};
use crate::model::edit::Edit;
use crate::ui::command::{Command, ConflictAnswer, Purpose, UnsavedAnswer};

impl CitelineApp {
    /// Applies one of the file commands.
    pub(super) fn apply_file(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Open(path) => {
                self.restore_view = None;
                self.session.open(path);
            }
            Command::OpenDialog => {
                let start = self.session.path().map(std::path::Path::to_owned);
                self.apply(Command::Browse(Purpose::Open, start), ctx);
            }
            choosing @ (Command::Browse(..) | Command::FileChosen(..)) => self.apply_file_choice(choosing, ctx),
            Command::OpenSample => {
                self.session.open_seed();
                self.take_notices();
            }
            Command::ShowSaveAs => {
                self.save.show(self.session.path());
                self.show_modal(Modal::SaveAs);
            }
            Command::Save => {
                // A timeline without a file, or in a format that would lose something: where to?
                let saved = self.session.save();
                if !saved {
                    self.apply(Command::ShowSaveAs, ctx);
                }
            }
            Command::SaveAs(path, format) => self.session.save_as(path, format),
            Command::Quit => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::Unsaved(answer) => self.answer_unsaved(answer, ctx),
            Command::Recover(restore) => self.recover(restore),
            Command::Conflict(answer) => {
                self.close_modal(|m| matches!(m, Modal::Conflict));
                match answer {
                    ConflictAnswer::KeepMine => {}
                    ConflictAnswer::LoadTheirs => self.session.reload(),
                    ConflictAnswer::SaveMineAs => self.apply(Command::ShowSaveAs, ctx),
                }
            }
            Command::CancelLoading => self.session.cancel_loading(),
            Command::CancelSaving => self.session.cancel_saving(),
            // Not a file command: `apply` sends none here.
            _ => {}
        }
    }

    /// Restores the edits a crash left unsaved (opening their document first), or forgets them.
    fn recover(&mut self, restore: bool) {
        if !matches!(self.modal, Some(Modal::Recovery(_))) {
            return;
        }
        let Some(Modal::Recovery(recovery)) = self.modal.take() else { return };
        let journal = self.store.journal_path();
        if !restore {
            if let Some(j) = &journal {
                crate::session::journal::Journal::discard(j);
                self.session.keep_journal(j);
            }
            return;
        }
        if let Some(file) = recovery.file {
            self.replay = Some((file.clone(), recovery.edits));
            self.restore_view = None;
            self.session.open(file);
        } else {
            self.session.open_seed();
            self.take_notices();
            self.restore(recovery.edits);
        }
    }

    /// Applies restored edits to the document just opened, journaling them again.
    pub(super) fn restore(&mut self, edits: Vec<Edit>) {
        if let Some(j) = self.store.journal_path() {
            self.session.keep_journal(&j);
        }
        let total = edits.len();
        let failed = edits.into_iter().filter(|e| self.session.apply(e.clone()).is_err()).count();
        if failed > 0 {
            self.report = Some(crate::session::Report::failed(format!(
                "{failed} of {total} unsaved changes could not be restored: the file changed since."
            )));
        }
    }

    /// Asking for a file (the system's dialog, else citeline's chooser), and where the chosen
    /// one goes.
    fn apply_file_choice(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Browse(purpose, start) => {
                if let Some(path) = self.chooser.ask(purpose, start.as_deref()) {
                    self.apply(Command::FileChosen(purpose, path), ctx);
                }
            }
            Command::FileChosen(purpose, path) => match purpose {
                Purpose::Open => self.apply(Command::Open(path), ctx),
                Purpose::SaveAs => self.save.path = path.display().to_string(),
                Purpose::Export => self.export.set_path(&path),
                Purpose::ExportTable => self.apply(Command::ExportTable(path), ctx),
                Purpose::Publish => self.apply(Command::Publish(path), ctx),
                Purpose::ExportReport => self.report_export.set_path(&path),
                Purpose::AddSource => self.sources.path = path.display().to_string(),
                Purpose::NewTimeline => self.new_timeline.path = path.display().to_string(),
            },
            _ => {}
        }
    }

    /// Goes on with the action that waited for an answer about unsaved changes.
    fn answer_unsaved(&mut self, answer: UnsavedAnswer, ctx: &egui::Context) {
        match answer {
            // The action goes on once the save is done (see the Saved notice).
            UnsavedAnswer::Save => {
                self.after_save = self.take_unsaved();
                self.apply(Command::Save, ctx);
            }
            UnsavedAnswer::Discard => {
                if let Some(action) = self.take_unsaved() {
                    let quitting = action == Command::Quit;
                    self.close_confirmed = true;
                    self.apply(action, ctx);
                    self.close_confirmed = quitting;
                }
            }
            UnsavedAnswer::Cancel => {
                self.take_unsaved();
            }
        }
    }

    /// The command that waited for the answer about unsaved changes, the question closed.
    fn take_unsaved(&mut self) -> Option<Command> {
        if !matches!(self.modal, Some(Modal::Unsaved(_))) {
            return None;
        }
        match self.modal.take() {
            Some(Modal::Unsaved(command)) => Some(*command),
            _ => None,
        }
    }
}
