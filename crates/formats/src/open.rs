//! Opening a timeline file from disk: size checks, format detection, streaming for citeline
//! files (a million events are never held twice), then validation into a [`Document`].

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use super::citeline::json_problem;
use super::{DETECT_BYTES, Format};
use crate::model::progress::{Progress, ProgressReader, Stage};
use crate::model::{Document, Place, Problem, Timeline};

/// Timeline files larger than this are refused before anything is read.
pub(crate) const DEFAULT_MAX_FILE_BYTES: u64 = 1024 * 1024 * 1024;

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
pub(crate) const MAX_FILE_ENV: &str = "CITELINE_MAX_FILE_MIB";

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
    open_detected(path, limits, progress).map(|(doc, _)| doc)
}

/// Like [`open`], also saying which format the file is in (told once, from its content).
pub fn open_detected(path: &Path, limits: Limits, progress: &Progress) -> Result<(Document, Format), Vec<Problem>> {
    let (timeline, format) = read_timeline(path, limits, progress)?;
    Ok((Document::with_files(timeline, path, super::source_folder::beside(), progress)?, format))
}

/// Parses `text` as a timeline whose file would be `path` (sources resolve beside it).
pub fn from_str(text: &str, path: &Path) -> Result<Document, Vec<Problem>> {
    let timeline = super::read_any(text.as_bytes(), path)?;
    Document::with_files(timeline, path, super::source_folder::beside(), &Progress::default())
}

pub(crate) fn read_timeline(
    path: &Path,
    limits: Limits,
    progress: &Progress,
) -> Result<(Timeline, Format), Vec<Problem>> {
    read_citeline_or(path, limits, progress, |format, bytes| format.codec().read(bytes, path))
}

/// Streams a citeline file (a million events are never held twice); reads any other format
/// whole and hands it to `other`.
fn read_citeline_or(
    path: &Path,
    limits: Limits,
    progress: &Progress,
    other: impl FnOnce(Format, &[u8]) -> Result<Timeline, Vec<Problem>>,
) -> Result<(Timeline, Format), Vec<Problem>> {
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
            crate::model::date::group_thousands(meta.len()),
            crate::model::date::group_thousands(limits.max_file_bytes)
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
        return other(format, &bytes).map(|t| (t, format));
    }
    super::citeline::refuse_list(&head, path).map_err(|p| vec![p])?;
    file.seek(SeekFrom::Start(0)).map_err(|e| file_problem(format!("cannot read the file: {e}")))?;
    progress.start(Stage::Reading, meta.len());
    // Streaming from the file keeps a million-event timeline from being held twice in memory.
    let reader = BufReader::with_capacity(1 << 20, ProgressReader { inner: file, progress });
    let mut de = serde_json::Deserializer::from_reader(reader);
    let timeline = serde::Deserialize::deserialize(&mut de).and_then(|t| de.end().map(|()| t));
    timeline.map(|t| (t, format)).map_err(|e| vec![json_problem(&e, path)])
}
