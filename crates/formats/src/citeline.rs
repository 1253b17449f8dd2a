//! citeline's own JSON (`*.citeline.json`): read with line:column errors, written with keys in
//! a stable order.

use std::path::Path;

use super::Codec;
use crate::model::progress::CANCELLED;
use crate::model::{Document, Place, Problem, Timeline};

/// The citeline JSON codec.
pub(crate) struct CitelineJson;

impl Codec for CitelineJson {
    fn read(&self, bytes: &[u8], path: &Path) -> Result<Timeline, Vec<Problem>> {
        parse_json(bytes, path).map_err(|p| vec![p])
    }

    fn write(&self, doc: &Document) -> String {
        to_json(doc.timeline())
    }
}

pub(crate) fn to_json(timeline: &Timeline) -> String {
    // Serialising plain owned data to a String cannot fail.
    serde_json::to_string_pretty(timeline).unwrap_or_default() + "\n"
}

/// A JSON list is no timeline: serde would read one as the fields of a timeline in order and
/// say something obscure ("invalid type: map, expected a string"). `head` is the file's start.
pub(crate) fn refuse_list(head: &[u8], path: &Path) -> Result<(), Problem> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        return Err(Problem::error(
            path,
            Place::File,
            "the file holds a JSON list, not a timeline (a citeline or TimelineJS file is a JSON object)",
        ));
    }
    Ok(())
}

pub fn parse_json(bytes: &[u8], path: &Path) -> Result<Timeline, Problem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::error(path, Place::File, "the file is empty"));
    }
    refuse_list(bytes, path)?;
    serde_json::from_slice(bytes).map_err(|e| json_problem(&e, path))
}

pub(crate) fn json_problem(e: &serde_json::Error, path: &Path) -> Problem {
    if e.is_io() {
        let msg = if e.to_string().contains(CANCELLED) {
            "opening was cancelled".to_owned()
        } else {
            format!("cannot read the file: {e}")
        };
        return Problem::error(path, Place::File, msg);
    }
    // serde_json appends " at line L column C"; the place says that already.
    let text = e.to_string();
    let message = text.rsplit_once(" at line ").map_or(text.as_str(), |(m, _)| m);
    let message = if message.contains("invalid unicode") || message.contains("control character") {
        format!("{message} (is this a text file?)")
    } else if e.is_syntax() && e.line() == 1 && e.column() <= 2 {
        format!("this is not a JSON timeline file ({message})")
    } else {
        message.to_owned()
    };
    Problem::error(path, Place::Position { line: e.line(), column: e.column() }, message)
}

/// Writes a generated timeline of `events` events (`model::generate`) to `path`, atomically and
/// streaming: `citeline generate`, the tests and the benchmarks.
pub fn write_generated(path: &std::path::Path, events: usize, seed: u64) -> std::io::Result<()> {
    crate::atomic_write::write_atomically_with(path, |file| crate::model::generate::write_json(file, events, seed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::progress::Progress;
    use crate::open::{Limits, open};

    #[test]
    fn saving_and_reopening_keeps_the_timeline_and_its_ids() {
        let seed =
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/timelines/netflix-facebook.citeline.json"));
        let doc = open(seed, Limits::default(), &Progress::default()).expect("seed");
        let dir = tempfile::tempdir().expect("tempdir");
        let copy = dir.path().join("copy.citeline.json");
        crate::atomic_write::write_atomically(&copy, to_json(doc.timeline()).as_bytes()).expect("save");
        let again = open(&copy, Limits::default(), &Progress::default()).expect("reopens");
        assert_eq!(again.timeline(), doc.timeline());
        assert_eq!(again.tally(), doc.tally());
    }
}
