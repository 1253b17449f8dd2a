//! The recovery journal: every edit is appended and flushed as it is made, so that unsaved work
//! survives a crash or a kill; the next start offers to apply the edits again. Saving (or
//! opening another document) starts the journal afresh.
//!
//! One JSON object a line: first which document (`{"citeline_journal": 1, "file": …}`, `null`
//! for the built-in timeline), then one `{"edit": …}` per change, undo and redo included, in
//! the order they were made.

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::edit::Edit;

#[derive(Serialize, Deserialize)]
struct Header {
    citeline_journal: u32,
    file: Option<PathBuf>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    edit: Edit,
}

/// A journal being written.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
}

/// What a journal left by a run that did not save: which document, and the edits to apply to
/// it as saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovery {
    pub file: Option<PathBuf>,
    pub edits: Vec<Edit>,
}

impl Journal {
    /// Starts (or starts again) the journal at `path` for the document saved at `document`.
    pub fn start(path: &Path, document: Option<&Path>) -> std::io::Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut file = File::create(path)?;
        let header = Header { citeline_journal: 1, file: document.map(Path::to_owned) };
        serde_json::to_writer(&mut file, &header)?;
        file.write_all(b"\n")?;
        file.flush()?;
        Ok(Self { path: path.to_owned(), file })
    }

    /// Appends one edit and hands it to the operating system at once: a killed process loses
    /// nothing it wrote.
    pub fn append(&mut self, edit: &Edit) -> std::io::Result<()> {
        let mut line = serde_json::to_vec(&Entry { edit: edit.clone() })?;
        line.push(b'\n');
        self.file.write_all(&line)?;
        self.file.flush()
    }

    /// Starts afresh for `document` (after a save or on opening another file).
    pub fn restart(&mut self, document: Option<&Path>) -> std::io::Result<()> {
        *self = Self::start(&self.path, document)?;
        Ok(())
    }

    /// What the journal at `path` holds, if it holds any edit. A line cut short by the crash,
    /// and anything after it, is left out.
    pub fn recover(path: &Path) -> Option<Recovery> {
        let mut lines = BufReader::new(File::open(path).ok()?).lines();
        let header: Header = serde_json::from_str(&lines.next()?.ok()?).ok()?;
        let edits: Vec<Edit> =
            lines.map_while(Result::ok).map_while(|l| serde_json::from_str::<Entry>(&l).ok()).map(|e| e.edit).collect();
        (!edits.is_empty()).then_some(Recovery { file: header.file, edits })
    }

    /// Forgets the journal at `path` (the user chose not to restore it).
    pub fn discard(path: &Path) {
        // Gone already is as good as removed.
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Event;

    #[test]
    fn edits_written_before_a_crash_are_recovered_and_a_torn_line_is_dropped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("journal.jsonl");
        let doc = Path::new("/cases/a.citeline.json");
        let edits = vec![
            Edit::SetTitle("Renamed".into()),
            Edit::AddEvent { index: 0, event: Event { id: "x".into(), title: "X".into(), ..Event::default() } },
        ];
        let mut journal = Journal::start(&path, Some(doc)).expect("start");
        assert_eq!(Journal::recover(&path), None, "nothing to recover before an edit");
        for e in &edits {
            journal.append(e).expect("append");
        }
        // The process dies here: nothing is closed or dropped in order.
        std::mem::forget(journal);
        let mut torn = std::fs::OpenOptions::new().append(true).open(&path).expect("open");
        torn.write_all(b"{\"edit\": {\"SetTi").expect("torn write");
        let recovered = Journal::recover(&path).expect("edits to recover");
        assert_eq!(recovered, Recovery { file: Some(doc.to_owned()), edits });
        let mut journal = Journal::start(&path, Some(doc)).expect("start again");
        journal.restart(None).expect("restart");
        assert_eq!(Journal::recover(&path), None, "a save starts afresh");
        Journal::discard(&path);
        assert!(!path.exists());
    }
}
