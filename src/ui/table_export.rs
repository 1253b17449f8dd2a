//! File › Export Table…: the chronology of the events the filter shows, written as XLSX or CSV
//! (from the chosen name) in a background job; the status strip says how it went.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::Progress;
use crate::session::{Job, Loaded};

/// A table being written: where, and the job writing it (the rows it wrote, or why not).
struct Running {
    path: PathBuf,
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
        let (job_path, waker) = (path.clone(), ctx.clone());
        let job = Job::spawn(
            "exporting the table",
            move || waker.request_repaint(),
            move |progress| crate::formats::table::write(&data.doc, visible.as_deref(), &job_path, true, progress),
        );
        self.running = Some(Running { path, job });
    }

    /// The table being written and its progress, while it is.
    pub fn running(&self) -> Option<(&Path, &Progress)> {
        self.running.as_ref().map(|r| (r.path.as_path(), &**r.job.progress()))
    }

    /// Stops the table being written: the file stays as it was.
    pub fn cancel(&mut self) {
        // Dropping the job cancels it.
        self.running = None;
    }

    /// Once the job is done: where it wrote, and how many rows, or why it could not.
    pub fn poll(&mut self) -> Option<(PathBuf, Result<usize, String>)> {
        let result = self.running.as_ref()?.job.poll()?;
        let Running { path, .. } = self.running.take()?;
        Some((path, result.map_err(|f| f.0).and_then(|r| r)))
    }
}
