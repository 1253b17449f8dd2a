//! The open document and everything derived from it: lanes and orders, the filter's
//! visibility, search results, the undo history; opening, live reload and saving, each as a
//! background [`Job`]. No egui: the window asks and draws, the session decides.

mod derived;
pub mod drift;
mod editing;
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
use self::loaded::{load_seed, open_file};
use self::search::Search;
use self::watcher::FileWatcher;
use crate::formats::Format;
use crate::layout::Visibility;
use crate::layout::lanes::Lanes;
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
