//! Opening, live reload and saving: each a background job whose outcome comes back as a
//! [`Notice`] on the next poll.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

use super::loaded::open_file;
use super::watcher::FileWatcher;
use super::{Job, Loaded, Loading, Notice, Report, Saving, Session};
use crate::formats::{Format, save_as};
use crate::model::Problem;
use crate::model::filter::Filter;

/// Changes on disk come in bursts while a file is written: reload once they settle.
const SETTLE_SECONDS: f64 = 0.25;

impl Session {
    /// Starts opening `path` in the background; the current document stays until it succeeds.
    pub fn open(&mut self, path: PathBuf) {
        self.start_loading(path, false);
    }

    fn start_loading(&mut self, path: PathBuf, reload: bool) {
        let job_path = path.clone();
        let job = Job::spawn("loading", self.wake(), move |progress| open_file(&job_path, progress));
        self.loading = Some(Loading { job, path, reload });
    }

    /// Replaces the document with the built-in timeline.
    pub fn open_seed(&mut self) {
        let mut notices = std::mem::take(&mut self.notices);
        let (waker, journal) = (Arc::clone(&self.waker), self.journal.take());
        *self = Self::seed();
        notices.append(&mut self.notices);
        self.notices = notices;
        self.waker = waker;
        self.journal = journal;
        self.journal_restart();
    }

    /// Watches the open file so that changes on disk show without reopening it.
    pub fn watch(&mut self) {
        let wake = self.wake();
        self.watcher = self.path.as_ref().and_then(|p| FileWatcher::new(p, wake).ok());
    }

    /// Takes finished work and changes on disk into account; `now` is the frame clock. Returns
    /// the seconds until it wants to be asked again, if it waits for something.
    pub fn poll(&mut self, now: f64) -> Option<f64> {
        self.poll_loading();
        self.poll_saving();
        self.poll_relayout();
        self.derived.search.poll();
        if self.watcher.as_ref().is_some_and(FileWatcher::take_change) {
            self.reload_at = Some(now + SETTLE_SECONDS);
        }
        let at = self.reload_at?;
        if now < at || self.loading.is_some() {
            return Some((at - now).max(0.01));
        }
        self.reload_at = None;
        let path = self.path.clone()?;
        let on_disk = file_stamp(&path);
        if on_disk.is_some() && on_disk == self.written {
            // The change is our own save.
            self.own_saves_seen += 1;
            return None;
        }
        if self.is_dirty() {
            // Reloading would drop the user's edits, and keeping them would hide the other
            // side's: ask.
            self.notices.push(Notice::ChangedOnDisk);
        } else {
            self.start_loading(path, true);
        }
        None
    }

    /// Reads the open file again, dropping unsaved edits (the user chose the file on disk).
    pub fn reload(&mut self) {
        if let Some(path) = self.path.clone() {
            self.start_loading(path, true);
        }
    }

    /// How many changes on disk the watcher reported that were our own saves, left alone (what
    /// the tests see of the watcher working).
    #[cfg(test)]
    pub(crate) fn own_saves_seen(&self) -> u32 {
        self.own_saves_seen
    }

    /// What happened since the last call.
    pub fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
    }

    fn poll_loading(&mut self) {
        let Some(result) = self.loading.as_ref().and_then(|l| l.job.poll()) else { return };
        let Some(Loading { path, reload, .. }) = self.loading.take() else { return };
        let result =
            result.unwrap_or_else(|failed| Err(vec![Problem::error(&path, crate::model::Place::File, failed.0)]));
        match (result, reload) {
            (Ok((data, format)), true) => {
                let previous = Arc::clone(&self.data);
                self.install(data, format, Some(path), true);
                self.notices.push(Notice::Reloaded { previous });
            }
            (Ok((data, format)), false) => {
                let same_file = self.path.as_deref() == Some(path.as_path());
                self.install(data, format, Some(path), same_file);
                self.notices.push(Notice::Opened { same_file });
                self.watch();
            }
            (Err(problems), true) => self.notices.push(Notice::Report(Report::reload_failed(&path, &problems))),
            (Err(problems), false) => self.notices.push(Notice::Report(Report::open_failed(&path, &problems, true))),
        }
    }

    /// Puts a newly read document in place. Reading the same file again keeps the filter and
    /// search; another file starts without them.
    fn install(&mut self, data: Loaded, format: Format, path: Option<PathBuf>, same_file: bool) {
        let watcher = self.watcher.take().filter(|_| same_file);
        let filter = if same_file { std::mem::take(&mut self.derived.filter) } else { Filter::default() };
        let mut notices = std::mem::take(&mut self.notices);
        let (waker, journal) = (Arc::clone(&self.waker), self.journal.take());
        *self = Self { format, watcher, journal, waker, ..Self::with(data, path) };
        notices.append(&mut self.notices);
        self.notices = notices;
        self.set_filter(filter);
        self.journal_restart();
    }

    fn poll_saving(&mut self) {
        let Some(result) = self.saving.as_ref().and_then(|s| s.job.poll()) else { return };
        let Some(Saving { path, format, state, .. }) = self.saving.take() else { return };
        match result.map_err(|f| f.0).and_then(|r| r) {
            Ok(warning) => {
                let mut message = format!("Saved {} ({})", path.display(), format.name());
                if let Some(w) = warning {
                    let _ = write!(message, ". {w}");
                }
                // A citeline file holds everything: the saved file is the open one now. Another
                // format written over the open file also saves it.
                let saves_the_document = format == Format::Citeline || self.path.as_deref() == Some(path.as_path());
                if format == Format::Citeline {
                    let moved = self.path.as_deref() != Some(path.as_path());
                    self.path = Some(path.clone());
                    self.format = format;
                    if moved {
                        // Read it back, so that its sources resolve beside it, and watch it.
                        self.start_loading(path.clone(), true);
                        self.watch();
                    }
                }
                if saves_the_document {
                    self.saved_state = state;
                    if !self.is_dirty() {
                        self.journal_restart();
                    }
                }
                self.written = file_stamp(&path);
                self.notices.push(Notice::Saved { outcome: Ok(message), path });
            }
            Err(e) => self.notices.push(Notice::Saved { outcome: Err(e), path }),
        }
    }

    /// Saves to the open file, in the format it came in (Ctrl+S). False when there is no file
    /// (the built-in timeline) or its format cannot hold everything: then ask where (Save As).
    pub fn save(&mut self) -> bool {
        match self.path.clone() {
            Some(path) if self.format.is_lossless() => {
                self.save_as(path, self.format);
                true
            }
            _ => false,
        }
    }

    /// Starts writing the document to `path` in `format`, atomically, in the background.
    pub fn save_as(&mut self, path: PathBuf, format: Format) {
        let data = Arc::clone(&self.data);
        let job_path = path.clone();
        let job = Job::spawn("saving", self.wake(), move |progress| save_as(&data.doc, &job_path, format, progress));
        self.saving = Some(Saving { job, path, format, state: self.history.state() });
    }

    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// The file being saved and its progress.
    pub fn saving(&self) -> Option<(&std::path::Path, &crate::model::Progress)> {
        self.saving.as_ref().map(|s| (s.path.as_path(), &**s.job.progress()))
    }

    /// Stops the save under way; the file on disk stays as it was.
    pub fn cancel_saving(&self) {
        if let Some(s) = &self.saving {
            s.job.cancel();
        }
    }
}

/// When a file was last written, and its length: enough to tell our own save from another's.
pub(super) fn file_stamp(path: &std::path::Path) -> Option<(std::time::SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}
