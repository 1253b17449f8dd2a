//! The open document and everything derived from it: lanes and orders, the filter's
//! visibility, search results, the undo history; opening, live reload and saving, each as a
//! background [`Job`]. No egui: the window asks and draws, the session decides.

mod derived;
pub mod drift;
pub mod history;
mod io;
pub mod job;
pub mod journal;
pub mod loaded;
mod overview;
pub mod proposals;
pub mod report;
pub mod review;
pub mod search;
pub mod sources;
pub mod watcher;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use job::{Job, JobFailed};
pub use loaded::Loaded;
pub use report::Report;

use self::derived::Derived;
use self::history::History;
use self::journal::Journal;
use self::loaded::{LayoutInput, load_seed, open_file};
use self::search::Search;
use self::watcher::FileWatcher;
use crate::formats::Format;
use crate::layout::Visibility;
use crate::layout::lanes::Lanes;
use crate::model::edit::{Applied, Edit, Moved};
use crate::model::filter::{Choices, Filter};
use crate::model::{Problem, Progress};

/// Above this many events, laying out again after an edit runs in the background; below it, at
/// once (a few milliseconds).
const SYNC_LAYOUT_EVENTS: usize = 100_000;

/// What happened since the window last asked, for it to update its own state.
#[derive(Debug)]
pub enum Notice {
    /// Another document is open: the view and the selection start afresh. `same_file` when it
    /// is the file that was open (the filter and search stay).
    Opened { same_file: bool },
    /// The open file was read again; `previous` is the version it replaces (to find the
    /// selected event again by its id).
    Reloaded { previous: Arc<Loaded> },
    /// Something to tell the user.
    Report(Report),
    /// A save to `path` finished: what was written, or why not.
    Saved { outcome: Result<String, String>, path: PathBuf },
    /// The open file changed on disk while there are unsaved edits: neither side was dropped.
    ChangedOnDisk,
}

struct Loading {
    job: Job<Result<(Loaded, Format), Vec<Problem>>>,
    path: PathBuf,
    reload: bool,
}

struct Saving {
    job: Job<Result<Option<String>, String>>,
    path: PathBuf,
    format: Format,
    /// The history state that was written.
    state: u64,
}

/// A layout of the document at `revision`, being made in the background.
struct Relayout {
    job: Job<(Lanes, Vec<u32>)>,
    revision: u64,
}

pub struct Session {
    data: Arc<Loaded>,
    /// Where the document came from (`None`: the built-in timeline), and in what format.
    path: Option<PathBuf>,
    format: Format,
    /// Goes up with every change of the document, so that views know when to rebuild.
    revision: u64,
    /// The revision of the last edit that moved events (the lanes must follow it).
    moved_at: u64,
    history: History,
    /// The history state last saved (or opened).
    saved_state: u64,
    /// The filter, its choices and what it shows, the search, the proposals, the overview.
    derived: Derived,
    loading: Option<Loading>,
    saving: Option<Saving>,
    /// A source document being read (a PDF, whose scanned pages may take OCR a while).
    adding: Option<sources::Adding>,
    relayout: Option<Relayout>,
    watcher: Option<FileWatcher>,
    /// When to reload after a change on disk.
    reload_at: Option<f64>,
    /// How many changes on disk were told apart as our own saves (and not reloaded).
    own_saves_seen: u32,
    /// The open file as this session last wrote it (modified time and length).
    written: Option<(std::time::SystemTime, u64)>,
    notices: Vec<Notice>,
    /// Where every edit is written as it is made, so that a crash loses no work.
    journal: Option<Journal>,
    /// Called from a worker thread when its work is done, so that the window draws it.
    waker: Waker,
    /// Up to this many events, an edit lays everything out again at once (the best packing, a
    /// few milliseconds); above, only what it moved.
    sync_layout_limit: usize,
    /// The event the last undo or redo left changed, to bring into view.
    stepped_event: Option<usize>,
}

/// Wakes whoever shows the session (the window asks for a frame).
pub(crate) type Waker = Arc<dyn Fn() + Send + Sync>;

impl Session {
    /// A session on the built-in timeline.
    pub fn seed() -> Self {
        let (data, failed) = match load_seed() {
            Ok(data) => (data, None),
            // The seed is compiled in and tested; should it ever fail, open empty and say why.
            Err(problems) => {
                let empty = crate::model::Timeline { title: "citeline".into(), ..Default::default() };
                let beside = crate::formats::source_folder::beside();
                let doc = crate::model::Document::with_files(
                    empty,
                    Path::new(loaded::SEED_NAME),
                    beside,
                    &Progress::default(),
                )
                .unwrap_or_else(|_| unreachable!("an empty timeline is valid"));
                let report = Report::from_problems("The built-in timeline failed to load".into(), &problems, true);
                (Loaded::new(doc, &Progress::default()), Some(report))
            }
        };
        let mut session = Self::with(data, None);
        session.notices.push(Notice::Opened { same_file: false });
        session.notices.extend(failed.map(Notice::Report));
        session
    }

    /// A session on a document already laid out, as if opened from `path`.
    pub fn from_loaded(data: Loaded, path: Option<PathBuf>) -> Self {
        Self::with(data, path)
    }

    fn with(data: Loaded, path: Option<PathBuf>) -> Self {
        let format = Format::Citeline;
        Self {
            derived: Derived::of(&data),
            data: Arc::new(data),
            path,
            format,
            revision: 0,
            moved_at: 0,
            history: History::default(),
            saved_state: 0,
            loading: None,
            saving: None,
            adding: None,
            relayout: None,
            watcher: None,
            reload_at: None,
            own_saves_seen: 0,
            written: None,
            notices: Vec::new(),
            journal: None,
            waker: Arc::new(|| {}),
            sync_layout_limit: SYNC_LAYOUT_EVENTS,
            stepped_event: None,
        }
    }

    /// Opens `path` on this thread (command line and tests).
    pub fn open_blocking(path: &Path) -> Result<Self, Vec<Problem>> {
        let (data, format) = open_file(path, &Progress::default())?;
        Ok(Self { format, ..Self::with(data, Some(path.to_owned())) })
    }

    /// Sets what to call, from any thread, when background work is done.
    pub fn set_waker(&mut self, waker: Waker) {
        self.waker = waker;
    }

    fn wake(&self) -> impl Fn() + Send + 'static {
        let waker = Arc::clone(&self.waker);
        move || waker()
    }

    pub fn data(&self) -> &Arc<Loaded> {
        &self.data
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The format the open file is in.
    pub fn format(&self) -> Format {
        self.format
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether there are changes not saved to the open file.
    pub fn is_dirty(&self) -> bool {
        self.history.state() != self.saved_state
    }

    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// The file being opened and its progress.
    pub fn loading(&self) -> Option<(&Path, &Progress)> {
        self.loading.as_ref().map(|l| (l.path.as_path(), &**l.job.progress()))
    }

    pub fn cancel_loading(&self) {
        if let Some(l) = &self.loading {
            l.job.cancel();
        }
    }

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
    fn journal_restart(&mut self) {
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

    fn poll_relayout(&mut self) {
        let Some(result) = self.relayout.as_ref().and_then(|r| r.job.poll()) else { return };
        let Some(Relayout { revision, .. }) = self.relayout.take() else { return };
        match result {
            Ok(layout) if revision >= self.moved_at => self.install_layout(layout),
            // Events moved since, or the job failed: lay out what the document is now.
            _ => self.lay_out(),
        }
    }

    pub fn filter(&self) -> &Filter {
        &self.derived.filter
    }

    /// What the filter menu offers for the open document.
    pub fn choices(&self) -> &Choices {
        &self.derived.choices
    }

    pub fn visibility(&self) -> &Arc<Visibility> {
        &self.derived.visibility
    }

    /// Shows only what `filter` lets through.
    pub fn set_filter(&mut self, filter: Filter) {
        self.derived.set_filter(&self.data, filter);
    }

    /// Searches for `text` (again if the document or the filter changed since).
    pub fn search(&mut self, text: &str) {
        let again = std::mem::take(&mut self.derived.search_again);
        let wake = self.wake();
        let derived = &mut self.derived;
        derived.search.update(text, &self.data, &derived.visibility, again, wake);
    }

    pub fn search_state(&self) -> &Search {
        &self.derived.search
    }

    pub fn search_state_mut(&mut self) -> &mut Search {
        &mut self.derived.search
    }

    /// The window title's name for the open file.
    pub fn file_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| loaded::SEED_NAME.to_owned(), |n| n.to_string_lossy().into_owned())
    }
}

#[cfg(test)]
mod tests;
