//! Live reload: notices when the open file changes on disk.
//!
//! The folder is watched rather than the file, because editors often save by writing a new file
//! and renaming it over the old one, which a watch on the old file would miss.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use notify::{EventKind, RecursiveMode, Watcher};

pub(crate) struct FileWatcher {
    // Dropping the watcher stops it.
    _watcher: notify::RecommendedWatcher,
    changed: Arc<AtomicBool>,
}

impl FileWatcher {
    /// Watches `path`; `wake` is called (from another thread) when it changes.
    pub fn new(path: &Path, wake: impl Fn() + Send + 'static) -> notify::Result<Self> {
        let target = path.canonicalize()?;
        let name = target.file_name().map(std::ffi::OsStr::to_owned).unwrap_or_default();
        let folder = target.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let changed = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&changed);
        let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
            let Ok(event) = result else { return };
            let touches_file = event.paths.iter().any(|p| p.file_name() == Some(name.as_os_str()));
            if touches_file && matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_)) {
                flag.store(true, Ordering::Relaxed);
                wake();
            }
        })?;
        watcher.watch(&folder, RecursiveMode::NonRecursive)?;
        Ok(Self { _watcher: watcher, changed })
    }

    /// Whether the file changed since the last call.
    pub(crate) fn take_change(&self) -> bool {
        self.changed.swap(false, Ordering::Relaxed)
    }
}
