//! The open document and everything derived from it: lanes and orders, the filter's
//! visibility, search results, the undo history; opening, live reload and saving, each as a
//! background [`Job`]. No egui: the window asks and draws, the session decides.

pub mod history;
pub mod job;
pub mod loaded;
pub mod report;
pub mod search;
pub mod watcher;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use job::{Job, JobFailed};
pub use loaded::Loaded;
pub use report::Report;

use self::history::History;
use self::loaded::{LayoutInput, load_seed, open_blocking};
use self::search::Search;
use self::watcher::FileWatcher;
use crate::formats::{Format, save_as};
use crate::layout::Visibility;
use crate::layout::lanes::Lanes;
use crate::model::edit::Edit;
use crate::model::filter::{Choices, Filter};
use crate::model::{Problem, Progress};

/// Above this many events, laying out again after an edit runs in the background; below it, at
/// once (a few milliseconds).
const SYNC_LAYOUT_EVENTS: usize = 100_000;
/// Changes on disk come in bursts while a file is written: reload once they settle.
const SETTLE_SECONDS: f64 = 0.25;

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
    /// A save finished: what was written, or why not.
    Saved(Result<String, String>),
}

struct Loading {
    job: Job<Result<Loaded, Vec<Problem>>>,
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
    history: History,
    /// The history state last saved (or opened).
    saved_state: u64,
    filter: Filter,
    choices: Choices,
    visibility: Arc<Visibility>,
    search: Search,
    /// The search must run again (the document or the filter changed).
    search_again: bool,
    loading: Option<Loading>,
    saving: Option<Saving>,
    relayout: Option<Relayout>,
    watcher: Option<FileWatcher>,
    /// When to reload after a change on disk.
    reload_at: Option<f64>,
    notices: Vec<Notice>,
    /// Called from a worker thread when its work is done, so that the window draws it.
    waker: Waker,
}

/// Wakes whoever shows the session (the window asks for a frame).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

impl Session {
    /// A session on the built-in timeline.
    pub fn seed() -> Self {
        let (data, failed) = match load_seed() {
            Ok(data) => (data, None),
            // The seed is compiled in and tested; should it ever fail, open empty and say why.
            Err(problems) => {
                let empty = crate::model::Timeline { title: "citeline".into(), ..Default::default() };
                let doc = crate::model::Document::new(empty, Path::new(loaded::SEED_NAME), &Progress::default())
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

    fn with(data: Loaded, path: Option<PathBuf>) -> Self {
        let format = Format::Citeline;
        Self {
            choices: Choices::of(&data.doc),
            data: Arc::new(data),
            path,
            format,
            revision: 0,
            history: History::default(),
            saved_state: 0,
            filter: Filter::default(),
            visibility: Arc::new(Visibility::all()),
            search: Search::default(),
            search_again: false,
            loading: None,
            saving: None,
            relayout: None,
            watcher: None,
            reload_at: None,
            notices: Vec::new(),
            waker: Arc::new(|| {}),
        }
    }

    /// Opens `path` on this thread (command line and tests).
    pub fn open_blocking(path: &Path) -> Result<Self, Vec<Problem>> {
        let data = open_blocking(path, &Progress::default())?;
        let mut session = Self::with(data, Some(path.to_owned()));
        session.format = format_of(path);
        Ok(session)
    }

    /// Sets what to call, from any thread, when background work is done.
    pub fn set_waker(&mut self, waker: Waker) {
        self.waker = waker;
    }

    fn wake(&self) -> impl Fn() + Send + 'static {
        let waker = Arc::clone(&self.waker);
        move || waker()
    }

    /// Starts opening `path` in the background; the current document stays until it succeeds.
    pub fn open(&mut self, path: PathBuf) {
        self.start_loading(path, false);
    }

    fn start_loading(&mut self, path: PathBuf, reload: bool) {
        let job_path = path.clone();
        let job = Job::spawn("loading", self.wake(), move |progress| open_blocking(&job_path, progress));
        self.loading = Some(Loading { job, path, reload });
    }

    /// Replaces the document with the built-in timeline.
    pub fn open_seed(&mut self) {
        let mut notices = std::mem::take(&mut self.notices);
        let waker = Arc::clone(&self.waker);
        *self = Self::seed();
        notices.append(&mut self.notices);
        self.notices = notices;
        self.waker = waker;
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
        self.search.poll();
        if self.watcher.as_ref().is_some_and(FileWatcher::take_change) {
            self.reload_at = Some(now + SETTLE_SECONDS);
        }
        let at = self.reload_at?;
        if now < at || self.loading.is_some() {
            return Some((at - now).max(0.01));
        }
        self.reload_at = None;
        if let Some(path) = self.path.clone() {
            self.start_loading(path, true);
        }
        None
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
            (Ok(data), true) => {
                let previous = Arc::clone(&self.data);
                self.install(data, Some(path), true);
                self.notices.push(Notice::Reloaded { previous });
            }
            (Ok(data), false) => {
                let same_file = self.path.as_deref() == Some(path.as_path());
                self.install(data, Some(path), same_file);
                self.notices.push(Notice::Opened { same_file });
                self.watch();
            }
            (Err(problems), true) => self.notices.push(Notice::Report(Report::reload_failed(&path, &problems))),
            (Err(problems), false) => self.notices.push(Notice::Report(Report::open_failed(&path, &problems, true))),
        }
    }

    /// Puts a newly read document in place. Reading the same file again keeps the filter and
    /// search; another file starts without them.
    fn install(&mut self, data: Loaded, path: Option<PathBuf>, same_file: bool) {
        let watcher = self.watcher.take().filter(|_| same_file);
        let filter = if same_file { std::mem::take(&mut self.filter) } else { Filter::default() };
        let mut notices = std::mem::take(&mut self.notices);
        let waker = Arc::clone(&self.waker);
        let format = path.as_deref().map_or(Format::Citeline, format_of);
        *self = Self { format, watcher, waker, ..Self::with(data, path) };
        notices.append(&mut self.notices);
        self.notices = notices;
        self.set_filter(filter);
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
                if format == Format::Citeline {
                    // The saved file is the open one now: sources resolve beside it.
                    let moved = self.path.as_deref() != Some(path.as_path());
                    self.path = Some(path.clone());
                    self.format = format;
                    self.saved_state = state;
                    if moved {
                        // Read it back, so that its sources resolve beside it, and watch it.
                        self.start_loading(path.clone(), true);
                        self.watch();
                    }
                } else if self.path.as_deref() == Some(path.as_path()) {
                    self.saved_state = state;
                }
                self.notices.push(Notice::Saved(Ok(message)));
            }
            Err(e) => self.notices.push(Notice::Saved(Err(e))),
        }
    }

    /// Starts writing the document to `path` in `format`, atomically, in the background.
    pub fn save_as(&mut self, path: PathBuf, format: Format) {
        let data = Arc::clone(&self.data);
        let job_path = path.clone();
        let job = Job::spawn("saving", self.wake(), move |_| save_as(&data.doc, &job_path, format));
        self.saving = Some(Saving { job, path, format, state: self.history.state() });
    }

    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
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
        let data = Arc::make_mut(&mut self.data);
        let applied = edit.apply(&mut data.doc)?;
        self.history.record(label, applied.inverse, key);
        self.changed(applied.relayout);
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

    fn step(&mut self, back: bool) -> bool {
        let taken = if back { self.history.take_undo() } else { self.history.take_redo() };
        let Some(step) = taken else { return false };
        let data = Arc::make_mut(&mut self.data);
        let Ok(applied) = step.edit.clone().apply(&mut data.doc) else {
            // An inverse applies to the state it was made in; should one not, keep the history.
            if back {
                self.history.restore_undo(step)
            } else {
                self.history.restore_redo(step)
            }
            return false;
        };
        if back {
            self.history.undone(step, applied.inverse);
        } else {
            self.history.redone(step, applied.inverse);
        }
        self.changed(applied.relayout);
        true
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo_label()
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.history.redo_label()
    }

    /// Brings derived data up to date after the document changed.
    fn changed(&mut self, relayout: bool) {
        self.revision += 1;
        self.search_again = true;
        if !relayout {
            self.refresh_filter();
            return;
        }
        let input = LayoutInput::of(&self.data.doc);
        if self.data.doc.events().len() <= SYNC_LAYOUT_EVENTS {
            self.install_layout(input.lay_out());
        } else {
            // The lanes shown meanwhile are the last ones; the next frame after the job has
            // the new ones.
            let job = Job::spawn("laying out", self.wake(), move |_| input.lay_out());
            self.relayout = Some(Relayout { job, revision: self.revision });
        }
    }

    fn install_layout(&mut self, (lanes, undated): (Lanes, Vec<u32>)) {
        let data = Arc::make_mut(&mut self.data);
        data.lanes = lanes;
        data.undated = undated;
        self.choices = Choices::of(&self.data.doc);
        self.refresh_filter();
    }

    fn poll_relayout(&mut self) {
        let Some(result) = self.relayout.as_ref().and_then(|r| r.job.poll()) else { return };
        let Some(Relayout { revision, .. }) = self.relayout.take() else { return };
        match result {
            Ok(layout) if revision == self.revision => self.install_layout(layout),
            // An older layout, or a failed one: lay out what the document is now.
            _ => self.changed(true),
        }
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// What the filter menu offers for the open document.
    pub fn choices(&self) -> &Choices {
        &self.choices
    }

    pub fn visibility(&self) -> &Arc<Visibility> {
        &self.visibility
    }

    /// Shows only what `filter` lets through.
    pub fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        self.refresh_filter();
    }

    fn refresh_filter(&mut self) {
        let data = &self.data;
        self.visibility = Arc::new(if self.filter.is_active() {
            Visibility::new(self.filter.mask(&data.doc), &data.lanes)
        } else {
            Visibility::all()
        });
        self.search_again = true;
    }

    /// Searches for `text` (again if the document or the filter changed since).
    pub fn search(&mut self, text: &str) {
        let again = std::mem::take(&mut self.search_again);
        let wake = self.wake();
        self.search.update(text, &self.data, &self.visibility, again, wake);
    }

    pub fn search_state(&self) -> &Search {
        &self.search
    }

    pub fn search_state_mut(&mut self) -> &mut Search {
        &mut self.search
    }

    /// The window title's name for the open file.
    pub fn file_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| loaded::SEED_NAME.to_owned(), |n| n.to_string_lossy().into_owned())
    }
}

/// The format a file is in, told by its content; one that cannot be read counts as citeline's.
fn format_of(path: &Path) -> Format {
    use std::io::Read as _;
    let mut head = Vec::new();
    let read =
        std::fs::File::open(path).and_then(|f| f.take(crate::formats::DETECT_BYTES as u64).read_to_end(&mut head));
    if read.is_ok() { Format::detect(&head) } else { Format::Citeline }
}

#[cfg(test)]
mod tests;
