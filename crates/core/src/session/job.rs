//! Work off the UI thread: one kind of background job for loading, laying out, searching,
//! saving and exporting, with progress, cancel, a result, and one way of failing.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::model::Progress;

/// Why a job gave no result: it could not start, it panicked (a bug), or it vanished.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobFailed(pub String);

impl std::fmt::Display for JobFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A job running on its own thread.
pub struct Job<T> {
    what: &'static str,
    progress: Arc<Progress>,
    receiver: Receiver<Result<T, JobFailed>>,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a new thread named after `what` ("loading", "saving"…). `wake` is called
    /// from that thread when the result is ready (the window repaints).
    pub fn spawn(
        what: &'static str,
        wake: impl Fn() + Send + 'static,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
    ) -> Self {
        let progress = Arc::new(Progress::default());
        let (sender, receiver) = mpsc::channel();
        let job_progress = Arc::clone(&progress);
        let failure = sender.clone();
        let spawned = std::thread::Builder::new().name(format!("citeline-{what}")).spawn(move || {
            let result = std::panic::catch_unwind(AssertUnwindSafe(|| work(&job_progress)))
                .map_err(|_| JobFailed(format!("{what} stopped on an internal error (a bug): please report it")));
            // The receiver is gone only if the job was dropped; nobody waits then.
            let _ = sender.send(result);
            wake();
        });
        if let Err(e) = spawned {
            let _ = failure.send(Err(JobFailed(format!("cannot start {what}: {e}"))));
        }
        Self { what, progress, receiver }
    }

    /// The result, once the job is done; `None` while it runs.
    pub fn poll(&self) -> Option<Result<T, JobFailed>> {
        match self.receiver.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(JobFailed(format!("{} stopped unexpectedly", self.what)))),
        }
    }

    /// Waits for the result (command line and tests).
    pub fn wait(self) -> Result<T, JobFailed> {
        self.receiver.recv().unwrap_or_else(|_| Err(JobFailed(format!("{} stopped unexpectedly", self.what))))
    }

    pub fn progress(&self) -> &Arc<Progress> {
        &self.progress
    }

    /// Asks the work to stop; it ends at its next check and its result says so.
    pub fn cancel(&self) {
        self.progress.cancel();
    }
}

impl<T> Drop for Job<T> {
    /// A job nobody waits for stops as soon as it looks.
    fn drop(&mut self) {
        self.progress.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_a_panic_and_a_cancel_each_come_back() {
        assert_eq!(Job::spawn("adding", || {}, |_| 2 + 2).wait(), Ok(4));
        let failed = Job::<u8>::spawn("exploding", || {}, |_| panic!("boom")).wait().expect_err("a panic is an error");
        assert!(failed.0.contains("exploding") && failed.0.contains("bug"), "{failed}");
        let job = Job::spawn(
            "waiting",
            || {},
            |p: &Progress| {
                while !p.is_cancelled() {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                "stopped"
            },
        );
        assert_eq!(job.poll(), None);
        job.cancel();
        assert_eq!(job.wait(), Ok("stopped"));
    }
}
