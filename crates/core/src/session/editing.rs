//! Edits applied to the open document: one undoable step each (or merged with the last, as
//! typing is), undo and redo, the recovery journal they are written to, and what is derived from
//! the document brought up to date, the lanes laid out again at once or in the background.

use std::path::Path;
use std::sync::Arc;

use super::journal::{self, Journal};
use super::loaded::LayoutInput;
use super::{Job, Notice, Relayout, Report, Session};
use crate::layout::lanes::Lanes;
use crate::model::Problem;
use crate::model::edit::{Applied, Edit, Moved};

impl Session {
    /// Applies `edit` as one undoable step. On error the document is unchanged and the
    /// problems say why.
    pub fn apply(&mut self, edit: Edit) -> Result<(), Vec<Problem>> {
        self.apply_merging(edit, None)
    }

    /// Like [`Session::apply`]; steps with the same `key` in a row undo as one (typing into
    /// one field).
    pub fn apply_merging(&mut self, edit: Edit, key: Option<String>) -> Result<(), Vec<Problem>> {
        let label = edit.describe(&self.data.doc);
        let journaled = self
            .journal
            .is_some()
            .then(|| (edit.clone(), journal::Described { label: Some(label.clone()), key: key.clone() }));
        let data = Arc::make_mut(&mut self.data);
        let mut applied = edit.apply(&mut data.doc)?;
        let merging = key.is_some();
        self.history.record(label, std::mem::replace(&mut applied.inverse, Edit::Batch(Vec::new())), key);
        if merging {
            self.history.forget_last_if(|back| back.changes_nothing(&data.doc));
        }
        self.journal_append(journaled);
        self.changed(&applied);
        Ok(())
    }

    /// Ends the merging of steps (the user left a field).
    pub fn seal_history(&mut self) {
        self.history.seal();
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    /// The event the last undo or redo left changed (to bring into view), by index.
    pub fn stepped_event(&self) -> Option<usize> {
        self.stepped_event
    }

    fn step(&mut self, back: bool) -> bool {
        let taken = if back { self.history.take_undo() } else { self.history.take_redo() };
        let Some(step) = taken else { return false };
        self.stepped_event = step.edit.event_in_sight();
        let journaled = self.journal.is_some().then(|| {
            let label = format!("{} {}", if back { "Undo" } else { "Redo" }, step.label);
            (step.edit.clone(), journal::Described { label: Some(label), key: None })
        });
        let data = Arc::make_mut(&mut self.data);
        let Ok(mut applied) = step.edit.clone().apply(&mut data.doc) else {
            // An inverse applies to the state it was made in; should one not, keep the history.
            if back {
                self.history.restore_undo(step);
            } else {
                self.history.restore_redo(step);
            }
            return false;
        };
        self.journal_append(journaled);
        let inverse = std::mem::replace(&mut applied.inverse, Edit::Batch(Vec::new()));
        if back {
            self.history.undone(step, inverse);
        } else {
            self.history.redone(step, inverse);
        }
        self.changed(&applied);
        true
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo_label()
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.history.redo_label()
    }

    /// Keeps the recovery journal at `path` from now on, for the document as it is.
    pub fn keep_journal(&mut self, path: &Path) {
        match Journal::start(path, self.path.as_deref()) {
            Ok(j) => self.journal = Some(j),
            Err(e) => self.journal_failed(&e),
        }
    }

    fn journal_append(&mut self, entry: Option<(Edit, journal::Described)>) {
        let (Some(journal), Some((edit, described))) = (self.journal.as_mut(), entry) else { return };
        if let Err(e) = journal.append(&edit, described) {
            self.journal_failed(&e);
        }
    }

    /// Starts the journal afresh: the document as it is now is saved (or newly opened).
    pub(super) fn journal_restart(&mut self) {
        let path = self.path.clone();
        if let Some(Err(e)) = self.journal.as_mut().map(|j| j.restart(path.as_deref())) {
            self.journal_failed(&e);
        }
    }

    fn journal_failed(&mut self, e: &std::io::Error) {
        self.journal = None;
        let headline = format!("Unsaved changes cannot be kept for recovery after a crash ({e}): save often.");
        self.notices.push(Notice::Report(Report::failed(headline)));
    }

    /// Brings derived data up to date after the document changed, from what the edit says it
    /// did (its inverse is taken by then).
    fn changed(&mut self, applied: &Applied) {
        self.revision += 1;
        self.derived.search_again = true;
        let moved = applied.moved;
        if moved != Moved::Nothing {
            self.moved_at = self.revision;
            let whole = self.data.doc.events().len() <= self.sync_layout_limit
                || applied.regrouped
                // Lanes a job is replacing are not the document's to follow.
                || self.relayout.is_some()
                || !Arc::make_mut(&mut self.data).follow(moved);
            if whole {
                self.lay_out();
                return;
            }
        }
        self.derived.patch(&self.data, applied);
    }

    /// Lays the document out again: at once when it is small, else in the background.
    fn lay_out(&mut self) {
        if self.data.doc.events().len() <= self.sync_layout_limit {
            self.install_layout(LayoutInput::of(&self.data.doc).lay_out());
        } else if self.relayout.is_none() {
            // The lanes shown meanwhile are the last ones; the frame after the job has the new
            // ones. While one runs, edits wait for it rather than start more (see poll).
            let input = LayoutInput::of(&self.data.doc);
            let job = Job::spawn("laying out", self.wake(), move |_| input.lay_out());
            self.relayout = Some(Relayout { job, revision: self.revision });
        }
    }

    fn install_layout(&mut self, (lanes, undated): (Lanes, Vec<u32>)) {
        let data = Arc::make_mut(&mut self.data);
        data.lanes = lanes;
        data.undated = undated;
        self.derived.rebuild(&self.data);
    }

    pub(super) fn poll_relayout(&mut self) {
        let Some(result) = self.relayout.as_ref().and_then(|r| r.job.poll()) else { return };
        let Some(Relayout { revision, .. }) = self.relayout.take() else { return };
        match result {
            Ok(layout) if revision >= self.moved_at => self.install_layout(layout),
            // Events moved since, or the job failed: lay out what the document is now.
            _ => self.lay_out(),
        }
    }
}
