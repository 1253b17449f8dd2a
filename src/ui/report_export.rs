//! File › Export Report…: the chronology of the events the filter shows, written as a Word or
//! PDF report (from the chosen name) in a background job; the status strip says how it went.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::formats::report::{ReportOptions, Written};
use crate::model::Progress;
use crate::session::{Job, Loaded};

/// A report being written: where, and the job writing it (what it wrote, or why not).
struct Running {
    path: PathBuf,
    job: Job<Result<Written, String>>,
}

#[derive(Default)]
pub struct ReportExport {
    running: Option<Running>,
}

impl ReportExport {
    /// Where a report of the timeline at `doc_path` is proposed to go: beside it, named after
    /// it, as a PDF; an absolute path, so that the chooser starts in its folder.
    pub fn proposed(doc_path: &Path, title: &str) -> PathBuf {
        let cwd = std::env::current_dir().unwrap_or_default();
        let path = super::export_dialog::proposed_path(doc_path, title, &cwd, "pdf");
        if path.is_absolute() { path } else { cwd.join(path) }
    }

    /// Starts writing the report of `data`'s events that `visible` lets through (all when
    /// `None`) to `path`. A name without an extension becomes a PDF.
    pub fn start(&mut self, ctx: &egui::Context, data: Arc<Loaded>, visible: Option<Vec<bool>>, path: PathBuf) {
        let path = if path.extension().is_none() { path.with_extension("pdf") } else { path };
        let (job_path, waker) = (path.clone(), ctx.clone());
        let options = ReportOptions { visible, ..ReportOptions::default() };
        let job = Job::spawn(
            "exporting the report",
            move || waker.request_repaint(),
            move |progress| crate::formats::report::write(&data.doc, &data.lanes, &options, &job_path, progress),
        );
        self.running = Some(Running { path, job });
    }

    /// The report being written and its progress, while it is.
    pub fn running(&self) -> Option<(&Path, &Progress)> {
        self.running.as_ref().map(|r| (r.path.as_path(), &**r.job.progress()))
    }

    /// Stops the report being written: the file stays as it was.
    pub fn cancel(&mut self) {
        // Dropping the job cancels it.
        self.running = None;
    }

    /// Once the job is done: where it wrote, and what, or why it could not.
    pub fn poll(&mut self) -> Option<(PathBuf, Result<Written, String>)> {
        let result = self.running.as_ref()?.job.poll()?;
        let Running { path, .. } = self.running.take()?;
        Some((path, result.map_err(|f| f.0).and_then(|r| r)))
    }
}
