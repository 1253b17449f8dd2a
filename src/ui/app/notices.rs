//! What the session says happened (opened, saved, reloaded, refused) and finished exports,
//! told to the user in the status strip or a report.

use crate::session::{Notice, Report};
use crate::ui::table_export::Written;
use crate::ui::toolbar::SearchField;

use super::{CitelineApp, Modal};

impl CitelineApp {
    /// Takes in what the session says happened, and an export that finished.
    pub(super) fn take_notices(&mut self) {
        self.take_notices_with(None);
    }

    /// The same, `refused` being what a field shown holds and did not take (said with Saved).
    pub(super) fn take_notices_with(&mut self, refused: Option<&str>) {
        self.take_finished_exports();
        for notice in self.session.take_notices() {
            match notice {
                Notice::Opened { same_file } => {
                    self.opened(same_file);
                    self.replay_recovered();
                }
                Notice::Reloaded { previous } => {
                    self.changed.opened();
                    let id = self.selected.and_then(|e| previous.doc.events().get(e as usize)).map(|ev| ev.id.clone());
                    self.selected = id
                        .and_then(|id| self.session.data().doc.event_index(&id))
                        .and_then(|i| u32::try_from(i).ok())
                        .filter(|&e| self.session.visibility().shown(e));
                }
                Notice::Report(report) => self.report = Some(report),
                Notice::ChangedOnDisk => self.show_modal(Modal::Conflict),
                Notice::Saved { outcome, path } => {
                    let saved = outcome.is_ok();
                    if saved {
                        let name = crate::ui::status::file_name(&path);
                        match refused {
                            // The field's text is not in what was saved: said, not hidden.
                            Some(refused) => self.flash(format!("Saved {name}, but a field’s {refused}")),
                            None => self.flash(format!("Saved {name}")),
                        }
                    }
                    self.save.message = Some(outcome);
                    if let Some(action) = self.after_save.take().filter(|_| saved && !self.session.is_dirty()) {
                        self.close_modal(|m| matches!(m, Modal::SaveAs));
                        self.commands.push(action);
                    }
                }
            }
        }
    }

    /// An image, a table, a page or a report that finished writing, told.
    fn take_finished_exports(&mut self) {
        if let Some(path) = self.export.take_finished() {
            self.flash(format!("Exported {}", crate::ui::status::file_name(&path)));
        }
        match self.table_export.poll() {
            Some((path, what, Ok(n))) => {
                let s = if n == 1 { "" } else { "s" };
                let name = crate::ui::status::file_name(&path);
                self.flash(match what {
                    Written::Table => format!("Exported {n} row{s} to {name}"),
                    Written::Page => format!("Published {n} event{s} to {name}"),
                });
            }
            Some((path, what, Err(why))) => {
                let what = match what {
                    Written::Table => "The table was not exported",
                    Written::Page => "The page was not published",
                };
                self.report = Some(Report::failed(format!("{what} to {}: {why}", path.display())));
            }
            None => {}
        }
        match self.report_export.poll() {
            Some((path, Ok(written))) => {
                let s = if written.events == 1 { "" } else { "s" };
                self.flash(format!(
                    "Exported a report of {} event{s} to {}",
                    crate::model::date::group_thousands(written.events as u64),
                    crate::ui::status::file_name(&path)
                ));
            }
            Some((path, Err(why))) => {
                let name = crate::ui::status::file_name(&path);
                self.report = Some(Report::failed(format!("The report was not exported to {name}: {why}")));
            }
            None => {}
        }
    }

    /// After a crash's file opened again: the edits recovered from its journal, applied. If
    /// another file opened (the crash's one failed to), its edits are not this one's: the
    /// journal still holds them, and they are offered again.
    fn replay_recovered(&mut self) {
        let Some((file, edits)) = self.replay.take() else { return };
        let same = |a: &std::path::Path, b: &std::path::Path| {
            std::fs::canonicalize(a).ok().zip(std::fs::canonicalize(b).ok()).is_some_and(|(a, b)| a == b)
        };
        if self.session.path().is_some_and(|p| same(p, &file)) {
            self.restore(edits);
        } else if let Some(recovery) =
            self.store.journal_path().and_then(|j| crate::session::journal::Journal::recover(&j))
        {
            // Another file opened (the crash's one failed to): its edits are
            // not this one's. The journal still holds them: offered again.
            self.show_modal(Modal::Recovery(recovery));
        }
    }

    /// Another document is open: the view fits it (or comes back as it was), nothing is
    /// selected, and it is remembered.
    pub(super) fn opened(&mut self, same_file: bool) {
        if !same_file {
            self.filters.clear();
            self.search = SearchField::default();
            self.session.search_state_mut().clear();
        }
        self.report = crate::session::Report::opened_with(self.session.data().doc.problems());
        // Its sources are looked at: the review opens by itself if some changed.
        self.changed.opened();
        self.view.reset(self.session.data());
        if let Some(v) = self.restore_view.take() {
            self.view.view = v;
        }
        self.selected = None;
        self.settings.remember_file(self.session.path());
    }
}
