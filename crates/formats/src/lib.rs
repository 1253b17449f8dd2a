//! The file formats citeline reads and writes: its own JSON, TimelineJS3 JSON, and the
//! TimelineJS spreadsheet template as CSV, each one [`Codec`]; the HTML inside TimelineJS text
//! (`html`). A file's format is told by its content, not its name, here and nowhere else.
//! `table` writes the chronology for a spreadsheet (CSV or XLSX), a file citeline never reads.
//!
//! `formats` depends on `model`, never the other way round: it is a crate of its own
//! (`citeline-formats`), so that it cannot import a layer above it. It also holds
//! `atomic_write`, which every writer of files uses.

/// The model, named as the rest of citeline names it (`crate::model::…`).
use citeline_model as model;

pub mod annotations;
pub mod atomic_write;
pub mod bibliography;
pub mod citeline;
pub mod html;
mod keep;
pub mod open;
pub mod source_file;
pub mod source_folder;
pub mod table;
mod timelinejs;
mod tjs_csv;
pub mod tjs_date;

use std::path::Path;

use crate::model::progress::{CANCELLED, Stage};
use crate::model::{Document, Problem, Progress, Timeline};

/// One timeline file format: a reader and a writer.
pub(crate) trait Codec: Sync {
    /// Reads a whole file's bytes; every problem is returned, not only the first.
    fn read(&self, bytes: &[u8], path: &Path) -> Result<Timeline, Vec<Problem>>;
    /// Writes the document in this format.
    fn write(&self, doc: &Document) -> String;
}

/// How much of a file is looked at to tell its format.
pub(crate) const DETECT_BYTES: usize = 64 * 1024;

/// Parses a file's bytes in whichever format they are.
pub fn read_any(bytes: &[u8], path: &Path) -> Result<Timeline, Vec<Problem>> {
    Format::detect(&bytes[..bytes.len().min(DETECT_BYTES)]).codec().read(bytes, path)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Citeline,
    TimelineJs,
    TimelineJsCsv,
    /// Citations as W3C Web Annotations (JSON-LD): `annotations.rs`.
    WebAnnotations,
}

impl Format {
    pub const ALL: [Self; 4] = [Self::Citeline, Self::TimelineJs, Self::TimelineJsCsv, Self::WebAnnotations];

    pub(crate) fn codec(self) -> &'static dyn Codec {
        match self {
            Self::Citeline => &citeline::CitelineJson,
            Self::TimelineJs => &timelinejs::TimelineJsJson,
            Self::TimelineJsCsv => &tjs_csv::TimelineJsCsv,
            Self::WebAnnotations => &annotations::WebAnnotations,
        }
    }

    /// Whether the format holds everything a citeline document does (so saving in it loses
    /// nothing).
    pub fn is_lossless(self) -> bool {
        self == Self::Citeline
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Citeline => "citeline JSON",
            Self::TimelineJs => "TimelineJS JSON",
            Self::TimelineJsCsv => "TimelineJS spreadsheet (CSV)",
            Self::WebAnnotations => "W3C Web Annotations (JSON-LD)",
        }
    }

    #[allow(clippy::case_sensitive_file_extension_comparisons)] // the name is lower-cased first
    /// The format a file name asks for: `*.citeline.json` citeline, `*.csv` the TimelineJS
    /// template, `*.jsonld` Web Annotations, any other `*.json` TimelineJS3 JSON.
    pub fn from_name(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        if name.ends_with(".jsonld") {
            Some(Self::WebAnnotations)
        } else if name.ends_with(".citeline.json") {
            Some(Self::Citeline)
        } else if name.ends_with(".csv") {
            Some(Self::TimelineJsCsv)
        } else if name.ends_with(".json") {
            Some(Self::TimelineJs)
        } else {
            None
        }
    }

    /// The format of a file from its first bytes.
    pub fn detect(head: &[u8]) -> Self {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
        if head.get(start) == Some(&b'{') || head.get(start) == Some(&b'[') {
            // Keys only TimelineJS uses; a citeline file has no such key, and a value holding
            // these words is quoted inside its string.
            let text = String::from_utf8_lossy(head);
            if annotations::looks_like(&text) {
                return Self::WebAnnotations;
            }
            if ["\"start_date\"", "\"headline\"", "\"unique_id\""].iter().any(|k| text.contains(k)) {
                return Self::TimelineJs;
            }
            return Self::Citeline;
        }
        let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
        if tjs_csv::looks_like_header(&String::from_utf8_lossy(first_line)) {
            return Self::TimelineJsCsv;
        }
        Self::Citeline
    }
}

/// The document written in `format`, and a warning for what the format cannot hold.
pub fn write(doc: &Document, format: Format) -> (String, Option<String>) {
    let undated = timelinejs::undated_ids(doc);
    let tjs = matches!(format, Format::TimelineJs | Format::TimelineJsCsv);
    let left_out = (tjs && !undated.is_empty()).then(|| {
        let shown: Vec<&str> = undated.iter().take(5).map(String::as_str).collect();
        format!(
            "{} undated event{} left out, as TimelineJS needs a date: {}{}",
            undated.len(),
            if undated.len() == 1 { "" } else { "s" },
            shown.join(", "),
            if undated.len() > 5 { ", …" } else { "" }
        )
    });
    (format.codec().write(doc), left_out)
}

/// Writes the document to `path` in `format`, atomically. A citeline file written to another
/// folder gets its source texts inline, since their `file` paths are relative to the old one.
/// Returns a warning for what the format cannot hold.
/// `progress` follows the events written, then the bytes put on disk; cancelling it stops the
/// save and leaves the file as it was.
pub fn save_as(doc: &Document, path: &Path, format: Format, progress: &Progress) -> Result<Option<String>, String> {
    let folder = |p: &Path| {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::canonicalize(parent).ok()
    };
    let moved = folder(path) != folder(doc.path());
    let needs_inline = format == Format::Citeline && moved && doc.timeline().sources.iter().any(|s| s.file.is_some());
    // Citations made before anchors were kept gain theirs (a citeline file holds them).
    let anchored = if format == Format::Citeline { crate::model::anchor::with_anchors(doc) } else { None };
    let timeline = anchored.as_ref().unwrap_or(doc.timeline());
    let (text, warning) = if format == Format::Citeline && !needs_inline {
        // Writing over the document's own file: events that did not change keep their bytes.
        let own = !moved && path.file_name() == doc.path().file_name();
        let original = if own { std::fs::read(path).unwrap_or_default() } else { Vec::new() };
        (keep::to_json_keeping(timeline, &original, progress), None)
    } else if needs_inline {
        progress.start(Stage::Saving, 1);
        let mut timeline = timeline.clone();
        for s in &mut timeline.sources {
            if s.file.take().is_some() {
                s.text = doc.source(&s.id).map(|(_, text)| text.to_owned());
            }
        }
        (citeline::to_json(&timeline), None)
    } else {
        progress.start(Stage::Saving, 1);
        write(doc, format)
    };
    if progress.is_cancelled() {
        return Err(CANCELLED_SAVE.to_owned());
    }
    write_with_progress(path, text.as_bytes(), progress).map_err(|e| {
        if e.to_string() == CANCELLED {
            CANCELLED_SAVE.to_owned()
        } else {
            format!("cannot write \"{}\": {e}", path.display())
        }
    })?;
    Ok(warning)
}

/// Whether `url` is an address a page or an annotation may link to: `http:` or `https:` only, so a
/// `javascript:` or `data:` address in a source's data never becomes a link.
pub fn is_web_address(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    (u.starts_with("https://") || u.starts_with("http://")) && !url.chars().any(char::is_control)
}

/// What a cancelled save says: the file on disk is the one that was there.
pub(crate) const CANCELLED_SAVE: &str = "saving was cancelled; the file on disk is unchanged";

/// Writes `bytes` atomically, a megabyte at a time so that the progress moves and a cancel
/// stops it (the temporary file is then removed).
pub fn write_with_progress(path: &Path, bytes: &[u8], progress: &Progress) -> std::io::Result<()> {
    use std::io::Write;
    const CHUNK: usize = 1 << 20;
    progress.start(Stage::Writing, bytes.len() as u64);
    crate::atomic_write::write_atomically_with(path, |file| {
        for chunk in bytes.chunks(CHUNK) {
            if progress.is_cancelled() {
                return Err(std::io::Error::other(CANCELLED));
            }
            file.write_all(chunk)?;
            progress.advance(chunk.len() as u64);
        }
        Ok(())
    })
}

/// Creates an empty citeline timeline at `path` and the `sources/` folder beside it; refuses to
/// write over a file. The title defaults to the file's name.
pub fn new_timeline(path: &Path, title: Option<&str>) -> Result<(), String> {
    if path.exists() {
        return Err(format!("{} already exists: citeline new makes a new timeline", path.display()));
    }
    let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let stem = name.strip_suffix(".citeline.json").or_else(|| name.strip_suffix(".json")).unwrap_or(&name);
    let title = title.map_or_else(|| stem.replace(['-', '_'], " "), str::to_owned);
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder.join("sources"))
        .map_err(|e| format!("cannot make {}: {e}", folder.join("sources").display()))?;
    let timeline = Timeline { title, ..Timeline::default() };
    crate::atomic_write::write_atomically(path, citeline::to_json(&timeline).as_bytes())
        .map_err(|e| format!("cannot write \"{}\": {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_reports_its_progress_and_a_cancelled_one_leaves_the_file_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.citeline.json");
        let doc =
            Document::new(crate::model::generate::timeline(10_000, 1), &path, &Progress::default()).expect("valid");
        let progress = Progress::default();
        save_as(&doc, &path, Format::Citeline, &progress).expect("saved");
        assert_eq!(progress.stage(), Stage::Writing, "the last stage puts the bytes on disk");
        assert!((progress.fraction() - 1.0).abs() < f32::EPSILON, "and finished: {}", progress.fraction());
        let written = std::fs::read(&path).expect("read");

        let cancelled = Progress::default();
        cancelled.cancel();
        let mut edited = doc.timeline().clone();
        edited.title = "Never written".into();
        let edited = Document::new(edited, &path, &Progress::default()).expect("valid");
        assert_eq!(save_as(&edited, &path, Format::Citeline, &cancelled), Err(CANCELLED_SAVE.to_owned()));
        assert_eq!(std::fs::read(&path).expect("read"), written, "the file as it was");
        assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1, "no temporary file left");
    }

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(Format::detect(b"  {\"title\": \"x\", \"events\": []}"), Format::Citeline);
        assert_eq!(
            Format::detect(b"{\"title\": {\"text\": {\"headline\": \"x\"}}, \"events\": []}"),
            Format::TimelineJs
        );
        assert_eq!(Format::detect(b"\xEF\xBB\xBF{\"events\": [{\"start_date\": {\"year\": 1}}]}"), Format::TimelineJs);
        assert_eq!(
            Format::detect(b"Year,Month,Day,Time,End Year,Headline,Text\n2013,8,,,,A,B\n"),
            Format::TimelineJsCsv
        );
        assert_eq!(Format::detect(b"\"Year\",\"Headline\"\n"), Format::TimelineJsCsv);
        assert_eq!(Format::detect(b"hello"), Format::Citeline);
        assert_eq!(Format::from_name(Path::new("a.citeline.json")), Some(Format::Citeline));
        assert_eq!(Format::from_name(Path::new("a.JSON")), Some(Format::TimelineJs));
        assert_eq!(Format::from_name(Path::new("a.csv")), Some(Format::TimelineJsCsv));
        assert_eq!(Format::from_name(Path::new("a.txt")), None);
    }
}
