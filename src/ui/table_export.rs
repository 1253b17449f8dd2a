//! File › Export Table…: the chronology of the events the filter shows, written as XLSX or CSV
//! (from the chosen name) in a background job; File › Publish Page…: the same events as one
//! self-contained web page (`crate::publish`), written alike. The status strip says how it went.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::Progress;
use crate::session::{Job, Loaded};

/// What is being written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// The chronology as a table: the job counts its rows.
    Table,
    /// The published page: the job counts its events.
    Page,
}

/// A table or page being written: where, and the job writing it (how many rows or events it
/// wrote, or why not).
struct Running {
    path: PathBuf,
    what: Written,
    job: Job<Result<usize, String>>,
}

#[derive(Default)]
pub struct TableExport {
    running: Option<Running>,
}

impl TableExport {
    /// Where a table of the timeline at `doc_path` is proposed to go: beside it, named after
    /// it, as a workbook; an absolute path, so that the chooser starts in its folder.
    pub fn proposed(doc_path: &Path, title: &str) -> PathBuf {
        let cwd = std::env::current_dir().unwrap_or_default();
        let path = super::export_dialog::proposed_path(doc_path, title, &cwd, "xlsx");
        if path.is_absolute() { path } else { cwd.join(path) }
    }

    /// Starts writing the table of `data`'s events that `visible` lets through (all when
    /// `None`) to `path`. A name without an extension becomes a workbook (`.xlsx`). A CSV
    /// begins with a byte order mark, so that Excel, where most of them are opened, reads
    /// its accents right.
    pub fn start(&mut self, ctx: &egui::Context, data: Arc<Loaded>, visible: Option<Vec<bool>>, path: PathBuf) {
        let path = if path.extension().is_none() { path.with_extension("xlsx") } else { path };
        let job_path = path.clone();
        self.spawn(ctx, path, Written::Table, move |progress| {
            crate::formats::table::write(&data.doc, visible.as_deref(), &job_path, true, progress)
        });
    }

    /// Starts publishing `data`'s events that `visible` lets through as one page at `path`
    /// (`.html` added to a name without an extension), in the colours of the reader's system.
    pub(crate) fn start_page(
        &mut self,
        ctx: &egui::Context,
        data: Arc<Loaded>,
        visible: Option<Vec<bool>>,
        path: PathBuf,
    ) {
        let path = if path.extension().is_none() { path.with_extension("html") } else { path };
        let job_path = path.clone();
        self.spawn(ctx, path, Written::Page, move |_| {
            let options = crate::publish::Options { visible, ..crate::publish::Options::default() };
            crate::publish::write(&data.doc, &options, &job_path).map(|w| w.events)
        });
    }

    fn spawn(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        what: Written,
        work: impl FnOnce(&Progress) -> Result<usize, String> + Send + 'static,
    ) {
        let waker = ctx.clone();
        let name = match what {
            Written::Table => "exporting the table",
            Written::Page => "publishing the page",
        };
        let job = Job::spawn(name, move || waker.request_repaint(), work);
        self.running = Some(Running { path, what, job });
    }

    /// The table or page being written, what it is and its progress, while it is.
    pub fn running(&self) -> Option<(&Path, Written, &Progress)> {
        self.running.as_ref().map(|r| (r.path.as_path(), r.what, &**r.job.progress()))
    }

    /// Stops the table being written: the file stays as it was.
    pub fn cancel(&mut self) {
        // Dropping the job cancels it.
        self.running = None;
    }

    /// Once the job is done: where it wrote what, and how many rows or events, or why it could not.
    pub(crate) fn poll(&mut self) -> Option<(PathBuf, Written, Result<usize, String>)> {
        let result = self.running.as_ref()?.job.poll()?;
        let Running { path, what, .. } = self.running.take()?;
        Some((path, what, result.map_err(|f| f.0).and_then(|r| r)))
    }
}
