//! The recovery journal: every edit is appended and flushed as it is made, so that unsaved work
//! survives a crash or a kill; the next start offers to apply the edits again. Saving (or
//! opening another document) starts the journal afresh.
//!
//! One JSON object a line: first which document (`{"citeline_journal": 1, "file": …}`, `null`
//! for the built-in timeline), then one `{"edit": …}` per change, undo and redo included, in
//! the order they were made. Each edit also carries what the Edit menu called it (`label`)
//! and, when it was typed into a field, that field (`key`): the prompt after a crash lists them,
//! a field's typing as one line. Journals written before these were kept read without them.

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<String>,
}

/// What an edit was, for the prompt: the Edit menu's words for it and the field it was typed
/// in (either missing from an older journal).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Described {
    pub label: Option<String>,
    pub key: Option<String>,
}

/// How many lines the prompt lists before "…and N more".
pub const MAX_SUMMARY_LINES: usize = 12;

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
    /// What each of `edits` was, in the same order.
    pub described: Vec<Described>,
}

impl Recovery {
    /// The edits as the prompt lists them: one line each in the Edit menu's words, a run of
    /// edits typed into the same field as one line, at most `max` lines then "…and N more".
    pub fn summary(&self, max: usize) -> Vec<String> {
        let mut lines = self.changes();
        if lines.len() > max {
            let more = lines.len() - max;
            lines.truncate(max);
            lines.push(format!("…and {more} more"));
        }
        lines
    }

    /// The changes as the user made them: one an edit, a run of edits typed into the same
    /// field one, each in the Edit menu's words; a step undone goes with its undo.
    pub fn changes(&self) -> Vec<String> {
        // An older journal has no labels: its edits are named without their document.
        let nothing = crate::model::Document::new(
            crate::model::Timeline::default(),
            Path::new(""),
            &crate::model::Progress::default(),
        );
        let unlabelled = |edit: &Edit| nothing.as_ref().map_or_else(|_| "Edit".to_owned(), |doc| edit.describe(doc));
        let mut lines: Vec<String> = Vec::new();
        let mut last_key: Option<&str> = None;
        for (i, edit) in self.edits.iter().enumerate() {
            let described = self.described.get(i);
            let key = described.and_then(|d| d.key.as_deref());
            if key.is_some() && key == last_key {
                continue;
            }
            last_key = key;
            let line = described.and_then(|d| d.label.clone()).unwrap_or_else(|| unlabelled(edit));
            // A step and its undo cancel out; a redo is the step again.
            if let Some(undone) = line.strip_prefix("Undo ")
                && lines.last().is_some_and(|l| l == undone)
            {
                lines.pop();
            } else if let Some(redone) = line.strip_prefix("Redo ") {
                lines.push(redone.to_owned());
            } else {
                lines.push(line);
            }
        }
        lines
    }
}

impl Journal {
    /// Starts (or starts again) the journal at `path` for the document saved at `document`.
    pub fn start(path: &Path, document: Option<&Path>) -> std::io::Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut file = File::create(path)?;
        // Absolute: the program may start again from another folder.
        let document = document.map(|d| std::path::absolute(d).unwrap_or_else(|_| d.to_owned()));
        let header = Header { citeline_journal: 1, file: document };
        serde_json::to_writer(&mut file, &header)?;
        file.write_all(b"\n")?;
        file.flush()?;
        Ok(Self { path: path.to_owned(), file })
    }

    /// Appends one edit, what the Edit menu calls it and the field it was typed in, and hands
    /// it to the operating system at once: a killed process loses nothing it wrote.
    pub fn append(&mut self, edit: &Edit, described: Described) -> std::io::Result<()> {
        let Described { label, key } = described;
        let mut line = serde_json::to_vec(&Entry { edit: edit.clone(), label, key })?;
        line.push(b'\n');
        self.file.write_all(&line)?;
        self.file.flush()
    }

    /// Starts afresh for `document` (after a save or on opening another file).
    pub(crate) fn restart(&mut self, document: Option<&Path>) -> std::io::Result<()> {
        *self = Self::start(&self.path, document)?;
        Ok(())
    }

    /// What the journal at `path` holds, if it holds any edit. A line cut short by the crash,
    /// and anything after it, is left out.
    pub fn recover(path: &Path) -> Option<Recovery> {
        let mut lines = BufReader::new(File::open(path).ok()?).lines();
        let header: Header = serde_json::from_str(&lines.next()?.ok()?).ok()?;
        let (edits, described): (Vec<Edit>, Vec<Described>) = lines
            .map_while(Result::ok)
            .map_while(|l| serde_json::from_str::<Entry>(&l).ok())
            .map(|e| (e.edit, Described { label: e.label, key: e.key }))
            .unzip();
        let recovery = Recovery { file: header.file, edits, described };
        // Edits all undone again leave nothing to restore.
        (!recovery.changes().is_empty()).then_some(recovery)
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
    fn a_step_undone_is_not_a_change_to_restore() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("journal.jsonl");
        let mut journal = Journal::start(&path, Some(Path::new("/cases/a.citeline.json"))).expect("start");
        let add = |id: &str| Edit::AddEvent {
            index: 0,
            event: Event { id: id.into(), title: id.into(), ..Event::default() },
        };
        let said = |label: &str| Described { label: Some(label.to_owned()), key: None };
        for (edit, label) in [(add("x"), "Add ‘x’"), (Edit::RemoveEvent { index: 0 }, "Undo Add ‘x’")] {
            journal.append(&edit, said(label)).expect("append");
        }
        assert_eq!(Journal::recover(&path), None, "an edit and its undo leave nothing to restore");
        let steps = [
            (add("y"), "Add ‘y’"),
            (Edit::RemoveEvent { index: 0 }, "Undo Add ‘y’"),
            (add("y"), "Redo Add ‘y’"),
            (Edit::SetTitle("T".into()), "Rename the timeline"),
        ];
        for (edit, label) in steps {
            journal.append(&edit, said(label)).expect("append");
        }
        let recovered = Journal::recover(&path).expect("changes to restore");
        assert_eq!(recovered.changes(), ["Add ‘y’", "Rename the timeline"]);
        assert_eq!(recovered.edits.len(), 6, "every edit is replayed");
    }

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
            journal.append(e, Described::default()).expect("append");
        }
        // The process dies here: nothing is closed or dropped in order.
        std::mem::forget(journal);
        let mut torn = std::fs::OpenOptions::new().append(true).open(&path).expect("open");
        torn.write_all(b"{\"edit\": {\"SetTi").expect("torn write");
        let recovered = Journal::recover(&path).expect("edits to recover");
        let described = vec![Described::default(); edits.len()];
        assert_eq!(recovered, Recovery { file: Some(doc.to_owned()), edits, described });
        let mut journal = Journal::start(&path, Some(doc)).expect("start again");
        journal.restart(None).expect("restart");
        assert_eq!(Journal::recover(&path), None, "a save starts afresh");
        // A document opened by a relative path is remembered by its absolute one: the program
        // may start again from another folder.
        let mut journal = Journal::start(&path, Some(Path::new("cases/b.citeline.json"))).expect("start");
        journal.append(&Edit::SetTitle("B".into()), Described::default()).expect("append");
        let file = Journal::recover(&path).and_then(|r| r.file).expect("a file");
        assert!(file.is_absolute() && file.ends_with("cases/b.citeline.json"), "{}", file.display());
        Journal::discard(&path);
        assert!(!path.exists());
    }

    fn typed(label: &str, key: Option<&str>) -> (Edit, Described) {
        let described = Described { label: Some(label.to_owned()), key: key.map(str::to_owned) };
        (Edit::SetDescription(Some(label.to_owned())), described)
    }

    fn recovery_of(entries: Vec<(Edit, Described)>) -> Recovery {
        let (edits, described) = entries.into_iter().unzip();
        Recovery { file: None, edits, described }
    }

    #[test]
    fn the_summary_lists_a_field_typed_into_as_one_line() {
        let recovery = recovery_of(vec![
            typed("Retitle ‘Titan API’", Some("event:titan:title")),
            typed("Retitle ‘Titan AP’", Some("event:titan:title")),
            typed("Retitle ‘Titan A’", Some("event:titan:title")),
            typed("Move ‘Titan API’", None),
            typed("Move ‘Titan API’", None),
            typed("Edit ‘Titan API’", Some("event:titan:summary")),
            typed("Edit ‘Titan API’", Some("event:titan:summary")),
            typed("Retitle ‘Titan’", Some("event:titan:title")),
        ]);
        assert_eq!(
            recovery.summary(MAX_SUMMARY_LINES),
            ["Retitle ‘Titan API’", "Move ‘Titan API’", "Move ‘Titan API’", "Edit ‘Titan API’", "Retitle ‘Titan’"],
            "edits without a field are each a line; a field's run of typing is one, named as it began"
        );
    }

    #[test]
    fn the_summary_is_capped_and_says_how_many_more() {
        let recovery = recovery_of((0..20).map(|i| typed(&format!("Edit {i}"), Some(&format!("k{i}")))).collect());
        let lines = recovery.summary(12);
        assert_eq!(lines.len(), 13);
        assert_eq!(lines[11], "Edit 11");
        assert_eq!(lines[12], "…and 8 more");
        assert_eq!(recovery.summary(20).len(), 20, "no line of more when all fit");
    }

    #[test]
    fn a_journal_written_before_labels_and_keys_reads_and_is_summarised_by_kind() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("journal.jsonl");
        let old = "{\"citeline_journal\":1,\"file\":null}\n{\"edit\":{\"SetTitle\":\"Renamed\"}}\n";
        std::fs::write(&path, old).expect("write");
        let recovery = Journal::recover(&path).expect("an old journal reads");
        assert_eq!(recovery.edits, [Edit::SetTitle("Renamed".into())]);
        assert_eq!(recovery.described, [Described::default()]);
        assert_eq!(recovery.summary(MAX_SUMMARY_LINES), ["Retitle Timeline"]);

        // A new entry keeps its label and key, and writes neither when there is none.
        let mut journal = Journal::start(&path, None).expect("start");
        let (edit, described) = typed("Retitle ‘A’", Some("event:a:title"));
        journal.append(&edit, described.clone()).expect("append");
        journal.append(&edit, Described::default()).expect("append");
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(text.lines().last().map(|l| l.contains("label") || l.contains("key")), Some(false));
        assert_eq!(Journal::recover(&path).expect("edits").described, [described, Described::default()]);
    }
}
