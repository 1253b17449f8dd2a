//! Opening a timeline file: size checks, JSON with line:column errors, then validation.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use super::document::Document;
use super::formats::{self, Format};
use super::problem::{Place, Problem};
use super::progress::{CANCELLED, Progress, ProgressReader, Stage};
use super::timeline::Timeline;

/// Timeline files larger than this are refused before anything is read.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 1024 * 1024 * 1024;

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_file_bytes: DEFAULT_MAX_FILE_BYTES }
    }
}

/// The environment variable that sets the file size limit, in MiB.
pub const MAX_FILE_ENV: &str = "CITELINE_MAX_FILE_MIB";

impl Limits {
    /// The default limits, with the file size limit from `CITELINE_MAX_FILE_MIB` when it is set
    /// to a number.
    pub fn from_env() -> Self {
        let mib = std::env::var(MAX_FILE_ENV).ok().and_then(|v| v.trim().parse::<u64>().ok());
        mib.map_or_else(Self::default, |m| Self { max_file_bytes: m.saturating_mul(1024 * 1024) })
    }
}

/// Opens and validates the timeline at `path`, in any format citeline reads (told by its
/// content). On failure, every problem found is returned.
pub fn open(path: &Path, limits: Limits, progress: &Progress) -> Result<Document, Vec<Problem>> {
    let timeline = read_timeline(path, limits, progress)?;
    Document::new(timeline, path, progress)
}

/// Parses `text` as a timeline whose file would be `path` (sources resolve beside it).
pub fn from_str(text: &str, path: &Path) -> Result<Document, Vec<Problem>> {
    let timeline = parse_any(text.as_bytes(), path)?;
    Document::new(timeline, path, &Progress::default())
}

/// Parses a file's bytes in whichever format they are.
pub fn parse_any(bytes: &[u8], path: &Path) -> Result<Timeline, Vec<Problem>> {
    parse_as(Format::detect(&bytes[..bytes.len().min(DETECT_BYTES)]), bytes, path)
}

fn parse_as(format: Format, bytes: &[u8], path: &Path) -> Result<Timeline, Vec<Problem>> {
    match format {
        Format::Citeline => parse_json(bytes, path).map_err(|p| vec![p]),
        Format::TimelineJs => formats::timelinejs::read(bytes, path),
        Format::TimelineJsCsv => formats::tjs_csv::read(bytes, path),
    }
}

/// How much of a file is looked at to tell its format.
const DETECT_BYTES: usize = 64 * 1024;

pub fn read_timeline(path: &Path, limits: Limits, progress: &Progress) -> Result<Timeline, Vec<Problem>> {
    read_citeline_or(path, limits, progress, |format, bytes| parse_as(format, bytes, path))
}

/// Streams a citeline file (a million events are never held twice); reads any other format
/// whole and hands it to `other`.
fn read_citeline_or(
    path: &Path,
    limits: Limits,
    progress: &Progress,
    other: impl FnOnce(Format, &[u8]) -> Result<Timeline, Vec<Problem>>,
) -> Result<Timeline, Vec<Problem>> {
    let file_problem = |msg: String| vec![Problem::error(path, Place::File, msg)];
    let meta = std::fs::metadata(path).map_err(|e| {
        file_problem(match e.kind() {
            std::io::ErrorKind::NotFound => "the file does not exist".to_owned(),
            _ => format!("cannot open the file: {e}"),
        })
    })?;
    if meta.is_dir() {
        return Err(file_problem("this is a folder, not a timeline file".into()));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(file_problem(format!(
            "the file is {} bytes; the limit is {} bytes (set {MAX_FILE_ENV} to change it)",
            super::date::group_thousands(meta.len()),
            super::date::group_thousands(limits.max_file_bytes)
        )));
    }
    if meta.len() == 0 {
        return Err(file_problem("the file is empty".into()));
    }
    let mut file = File::open(path).map_err(|e| file_problem(format!("cannot open the file: {e}")))?;
    let mut head = Vec::with_capacity(DETECT_BYTES);
    (&mut file)
        .take(DETECT_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|e| file_problem(format!("cannot read the file: {e}")))?;
    let format = Format::detect(&head);
    if format != Format::Citeline {
        progress.start(Stage::Reading, meta.len());
        let mut bytes = head;
        file.read_to_end(&mut bytes).map_err(|e| file_problem(format!("cannot read the file: {e}")))?;
        progress.advance(meta.len());
        return other(format, &bytes);
    }
    file.seek(SeekFrom::Start(0)).map_err(|e| file_problem(format!("cannot read the file: {e}")))?;
    progress.start(Stage::Reading, meta.len());
    // Streaming from the file keeps a million-event timeline from being held twice in memory.
    let reader = BufReader::with_capacity(1 << 20, ProgressReader { inner: file, progress });
    let mut de = serde_json::Deserializer::from_reader(reader);
    let timeline = serde::Deserialize::deserialize(&mut de).and_then(|t| de.end().map(|()| t));
    timeline.map_err(|e| vec![json_problem(&e, path)])
}

pub fn parse_json(bytes: &[u8], path: &Path) -> Result<Timeline, Problem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::error(path, Place::File, "the file is empty"));
    }
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
