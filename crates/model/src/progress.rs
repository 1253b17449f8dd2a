//! Progress of long work (loading, verifying, laying out), shared between a worker thread and
//! whoever shows it, with a way to cancel.

use std::io::Read;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Checking,
    LayingOut,
    /// Turning events into the file's text.
    Saving,
    /// Putting that text on disk.
    Writing,
    /// Reading the text of a document's scanned pages from their pictures (OCR).
    Recognising,
    /// Laying out a report (its table, its picture) before it is written.
    Exporting,
}

#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
    cancelled: AtomicBool,
}

impl Stage {
    /// What the stage is doing, as a status line starts ("Reading case.citeline.json…").
    pub fn label(self) -> &'static str {
        match self {
            Self::Reading => "Reading",
            Self::Checking => "Checking citations in",
            Self::LayingOut => "Laying out",
            Self::Saving => "Saving",
            Self::Writing => "Writing",
            Self::Recognising => "Reading the scanned pages of",
            Self::Exporting => "Exporting the report to",
        }
    }
}

impl Progress {
    pub fn start(&self, stage: Stage, total: u64) {
        self.stage.store(stage as u8, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    pub fn advance(&self, n: u64) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }

    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            1 => Stage::Checking,
            2 => Stage::LayingOut,
            3 => Stage::Saving,
            4 => Stage::Writing,
            5 => Stage::Recognising,
            6 => Stage::Exporting,
            _ => Stage::Reading,
        }
    }

    /// Fraction of the current stage done, 0–1.
    #[allow(clippy::cast_possible_truncation)] // a progress bar needs no more precision
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.done.load(Ordering::Relaxed) as f64 / total as f64).clamp(0.0, 1.0) as f32
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// The message of the I/O error a cancelled read ends with. Not `Interrupted`: std retries those.
pub const CANCELLED: &str = "cancelled";

/// Counts bytes read into a [`Progress`], and stops the reader when the work is cancelled.
pub struct ProgressReader<'a, R> {
    pub inner: R,
    pub progress: &'a Progress,
}

impl<R: Read> Read for ProgressReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.progress.is_cancelled() {
            return Err(std::io::Error::other(CANCELLED));
        }
        let n = self.inner.read(buf)?;
        self.progress.advance(n as u64);
        Ok(n)
    }
}
