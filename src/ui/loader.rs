//! Opening timelines off the UI thread, with progress and cancel, so a large file never freezes
//! the window.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, mpsc};

use crate::loaded::{Loaded, open_blocking};
use crate::model::{Problem, Progress};

/// A load running on a worker thread.
pub struct LoadJob {
    pub path: PathBuf,
    /// A reload of the open file after it changed on disk (keeps view and selection).
    pub reload: bool,
    pub progress: Arc<Progress>,
    receiver: Receiver<Result<Loaded, Vec<Problem>>>,
}

impl LoadJob {
    /// Starts loading `path`; `wake` is called when it is done (to repaint the window).
    pub fn start(path: PathBuf, reload: bool, wake: impl Fn() + Send + 'static) -> Self {
        let progress = Arc::new(Progress::default());
        let (sender, receiver) = mpsc::channel();
        let job_path = path.clone();
        let job_progress = Arc::clone(&progress);
        let spawned = std::thread::Builder::new().name("citeline-load".into()).spawn(move || {
            let result = open_blocking(&job_path, &job_progress);
            // The receiver is gone only if the job was dropped; nothing to tell then.
            let _ = sender.send(result);
            wake();
        });
        if let Err(e) = spawned {
            let (s, r) = mpsc::channel();
            let _ = s.send(Err(vec![Problem::error(
                &path,
                crate::model::Place::File,
                format!("cannot start loading: {e}"),
            )]));
            return Self { path, reload, progress, receiver: r };
        }
        Self { path, reload, progress, receiver }
    }

    /// The result, once the worker is done.
    pub fn poll(&self) -> Option<Result<Loaded, Vec<Problem>>> {
        match self.receiver.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err(vec![Problem::error(&self.path, crate::model::Place::File, "loading stopped unexpectedly")]))
            }
        }
    }
}
