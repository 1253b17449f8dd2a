//! Adding a source to the open timeline: its text is kept as UTF-8 under the `sources/` folder
//! beside the timeline file, and one undoable edit adds the source that points at it.

use std::path::{Path, PathBuf};

use super::{Job, Session};
use crate::atomic_write::write_atomically;
use crate::formats::source_file::{ReadOptions, SourceText, read_source_file_with};
use crate::model::edit::Edit;
use crate::model::language::detect_language;
use crate::model::sources::sha256_hex;
use crate::model::{Document, Edtf, Original, OriginalKind, Progress, Source};

/// What the user says about a source; what is not given is worked out (the id from the title,
/// the language from the text).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceDetails {
    pub id: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// The id of the source this document is a new version of: its text is replaced, its
    /// citations re-anchored in the review (`add-source --replace`).
    pub replaces: Option<String>,
}

/// The folder beside a timeline file where source texts are kept.
pub(crate) fn sources_folder(timeline: &Path) -> PathBuf {
    timeline.parent().unwrap_or_else(|| Path::new(".")).join("sources")
}

/// A source document being read in the background, to be added once it is (or to replace the
/// text of the source it is a new version of).
pub struct Adding {
    path: PathBuf,
    details: SourceDetails,
    replaces: Option<String>,
    job: Job<Result<SourceText, String>>,
}

impl Adding {
    /// `path` being read by `job` as the new version of source `id`.
    pub(super) fn replacing(path: PathBuf, id: String, job: Job<Result<SourceText, String>>) -> Self {
        Self { path, details: SourceDetails::default(), replaces: Some(id), job }
    }
}

impl Session {
    /// Reads the document at `path` in the background (a long PDF, scanned pages read by OCR in
    /// the language `details` gives), then adds it: [`Session::poll_adding_source`] says how it
    /// went. A document already being read is let go.
    pub fn add_source_in_background(&mut self, path: PathBuf, details: SourceDetails) {
        let replaces = details.replaces.clone();
        let (job_path, language) = (path.clone(), details.language.clone());
        let job = Job::spawn("reading a source", self.wake(), move |progress| {
            read_source_file_with(&job_path, ReadOptions { language: language.as_deref(), progress: Some(progress) })
        });
        self.adding = Some(Adding { path, details, replaces, job });
    }

    /// The document being read for adding, and how far along it is.
    pub fn adding_source(&self) -> Option<(&Path, &Progress)> {
        self.adding.as_ref().map(|a| (a.path.as_path(), a.job.progress().as_ref()))
    }

    /// Stops reading the document being added; nothing is added.
    pub fn cancel_adding_source(&mut self) {
        self.adding = None;
    }

    /// Once the document being read is read: added, or its new version taken (the source's
    /// id), or why not.
    pub fn poll_adding_source(&mut self) -> Option<Result<String, String>> {
        let result = self.adding.as_ref()?.job.poll()?;
        let adding = self.adding.take()?;
        let name = adding.path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        Some(match result {
            Ok(Ok(text)) => match adding.replaces {
                Some(id) => self.replace_source_text(&id, &text).map(|()| id),
                None => self.add_source(&text, &name, adding.details),
            },
            Ok(Err(e)) => Err(e),
            Err(failed) => Err(failed.0),
        })
    }

    /// Adds `source` (named `name`, as the file it came from) to the open timeline; returns the
    /// new source's id. Nothing is added when anything fails.
    pub fn add_source(&mut self, source: &SourceText, name: &str, details: SourceDetails) -> Result<String, String> {
        let Some(timeline) = self.path().map(Path::to_owned) else {
            return Err("save the timeline first: its sources are kept in a folder beside it".to_owned());
        };
        let doc = &self.data().doc;
        let new = new_source(doc, source, name, details)?;
        let folder = sources_folder(&timeline);
        std::fs::create_dir_all(&folder).map_err(|e| format!("cannot make {}: {e}", folder.display()))?;
        let kind = source.original.as_ref().map(|(k, _)| *k);
        let stem = free_stem(&folder, &new.id, kind.map(OriginalKind::extension));
        let written = folder.join(format!("{stem}.txt"));
        write_atomically(&written, source.text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", written.display()))?;
        let mut kept = vec![written.clone()];
        let original = match &source.original {
            Some((kind, bytes)) => {
                let name = format!("{stem}.{}", kind.extension());
                let path = folder.join(&name);
                if let Err(e) = write_atomically(&path, bytes) {
                    let _ = std::fs::remove_file(&written);
                    return Err(format!("cannot write {}: {e}", path.display()));
                }
                kept.push(path);
                Some(Original { file: format!("sources/{name}"), kind: *kind, sha256: sha256_hex(bytes) })
            }
            None => None,
        };
        let source = Source {
            file: Some(format!("sources/{stem}.txt")),
            text_sha256: Some(sha256_hex(source.text.as_bytes())),
            original,
            pages: source.pages.clone(),
            lines: source.lines.clone(),
            moved: source.moved.clone(),
            ocr: source.ocr.clone().map(Box::new),
            ..new
        };
        let id = source.id.to_string();
        let index = self.data().doc.timeline().sources.len();
        if let Err(problems) = self.apply(Edit::AddSource { index, source }) {
            // Nothing half added: the files go with the refused source.
            for path in kept {
                let _ = std::fs::remove_file(path);
            }
            return Err(problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "));
        }
        Ok(id)
    }
}

impl Session {
    /// Replaces the text (and original) of source `id` by `new`, its new version: the id, the
    /// citations and the recorded text hash stay, so that the change is pending until its
    /// citations are re-anchored and accepted ([`crate::model::anchor::accept_edits`]). The new
    /// version is written beside the old one (`sources/ID-2.txt`), never over it, so that Undo
    /// brings the old text back.
    pub fn replace_source_text(&mut self, id: &str, new: &SourceText) -> Result<(), String> {
        let Some(timeline) = self.path().map(Path::to_owned) else {
            return Err("save the timeline first: its sources are kept in a folder beside it".to_owned());
        };
        let doc = &self.data().doc;
        let Some(index) = doc.timeline().sources.iter().position(|s| &*s.id == id) else {
            return Err(format!("--replace {id}: there is no source with this id"));
        };
        let old = doc.timeline().sources[index].clone();
        let base = timeline.parent().unwrap_or_else(|| Path::new("."));
        let mut source = Source {
            pages: new.pages.clone(),
            lines: new.lines.clone(),
            moved: new.moved.clone(),
            ocr: new.ocr.clone().map(Box::new),
            original: None,
            ..old.clone()
        };
        if source.text_sha256.is_none() {
            // A source added before hashes were kept: its old text is what the file had.
            source.text_sha256 = doc.source(id).map(|(_, t)| sha256_hex(t.as_bytes()));
        }
        let folder = sources_folder(&timeline);
        std::fs::create_dir_all(&folder).map_err(|e| format!("cannot make {}: {e}", folder.display()))?;
        // The original read again where it lies (a changed file) stays that file.
        let same_original = |o: &Original, bytes: &[u8]| {
            crate::formats::source_folder::read_source_bytes(base, &o.file).is_ok_and(|on_disk| on_disk == bytes)
        };
        let new_original = new
            .original
            .as_ref()
            .filter(|(kind, bytes)| old.original.as_ref().is_none_or(|o| o.kind != *kind || !same_original(o, bytes)));
        let stem = free_stem(&folder, id, new_original.map(|(kind, _)| kind.extension()));
        let mut written = Vec::new();
        let mut write = |name: String, bytes: &[u8]| {
            let path = folder.join(&name);
            write_atomically(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            written.push(path);
            Ok::<_, String>(format!("sources/{name}"))
        };
        let kept = (|| {
            if old.file.is_some() || old.text.is_none() {
                source.file = Some(write(format!("{stem}.txt"), new.text.as_bytes())?);
                source.text = None;
            } else {
                source.text = Some(new.text.clone());
            }
            if let Some((kind, bytes)) = &new.original {
                let file = match (new_original, &old.original) {
                    (None, Some(o)) => o.file.clone(),
                    _ => write(format!("{stem}.{}", kind.extension()), bytes)?,
                };
                source.original = Some(Original { file, kind: *kind, sha256: sha256_hex(bytes) });
            }
            Ok::<_, String>(())
        })();
        let result = kept.and_then(|()| {
            self.apply(Edit::UpdateSource { index, source })
                .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
        });
        if result.is_err() {
            // Nothing half replaced: the new files go with the refused version.
            for path in written {
                let _ = std::fs::remove_file(path);
            }
        }
        result
    }
}

/// The source as it will stand in the timeline (its `file` still to be set).
fn new_source(doc: &Document, source: &SourceText, name: &str, d: SourceDetails) -> Result<Source, String> {
    let stem = Path::new(name).file_stem().map_or_else(|| "source".to_owned(), |s| s.to_string_lossy().into_owned());
    let title = d.title.filter(|t| !t.trim().is_empty()).or_else(|| source.title.clone()).unwrap_or(stem.clone());
    let taken = |id: &str| doc.timeline().sources.iter().any(|s| &*s.id == id);
    let id = match d.id.filter(|i| !i.trim().is_empty()) {
        Some(id) if taken(&id) => return Err(format!("a source with the id \"{id}\" is already in the timeline")),
        Some(id) => id,
        None => {
            let base = slug(&stem);
            (1..=doc.timeline().sources.len() + 1)
                .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
                .find(|id| !taken(id))
                .unwrap_or(base)
        }
    };
    let published = d.published.filter(|p| !p.trim().is_empty()).or_else(|| source.published.clone());
    if let Some(p) = &published
        && let Err(e) = Edtf::parse(p)
    {
        return Err(format!("the published date \"{p}\" is not EDTF: {e}"));
    }
    let language = d
        .language
        .filter(|l| !l.trim().is_empty())
        .or_else(|| source.language.clone())
        .or_else(|| detect_language(&source.text).map(str::to_owned));
    Ok(Source {
        id: id.into(),
        title,
        publisher: d
            .publisher
            .filter(|p| !p.trim().is_empty())
            .or_else(|| source.publisher.clone())
            .unwrap_or_default(),
        language: language.unwrap_or_default(),
        url: d.url.filter(|u| !u.trim().is_empty()).or_else(|| source.url.clone()),
        author: source.author.clone(),
        published,
        ..Source::default()
    })
}

/// An id made of a name: lower-case letters, digits and single dashes.
pub fn slug(name: &str) -> String {
    let folded = crate::model::search::fold(name);
    let mut id = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').chars().take(48).collect::<String>();
    if id.is_empty() { "source".to_owned() } else { id }
}

/// A name for a source's files in `folder`: `ID`, or `ID-2`… where `ID.txt` (and the
/// original's `ID.EXT`) are taken.
fn free_stem(folder: &Path, id: &str, original: Option<&str>) -> String {
    let free = |stem: &String| {
        !folder.join(format!("{stem}.txt")).exists()
            && original.is_none_or(|ext| !folder.join(format!("{stem}.{ext}")).exists())
    };
    (1..)
        .take(10_000)
        .map(|n| if n == 1 { id.to_owned() } else { format!("{id}-{n}") })
        .find(free)
        .unwrap_or_else(|| format!("{id}-{}", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::source_file::source_text;

    #[test]
    fn a_source_is_stored_beside_the_timeline_detected_and_undone_as_one_step() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("case.citeline.json");
        std::fs::write(&path, "{\"title\": \"Case\"}").expect("write");
        let mut session = Session::open_blocking(&path).expect("opens");
        let text = source_text("Netflix e Facebook\n\nSecondo il documento, nel 2011 la piattaforma ha annunciato un'integrazione con Facebook.".into()).expect("text");
        let id = session.add_source(&text, "Articolo Forbes.txt", SourceDetails::default()).expect("added");
        assert_eq!(id, "articolo-forbes");
        let (source, stored) = session.data().doc.source(&id).expect("in the timeline");
        assert_eq!((source.language.as_str(), source.title.as_str()), ("it", "Netflix e Facebook"));
        assert_eq!(source.file.as_deref(), Some("sources/articolo-forbes.txt"));
        assert_eq!(stored, text.text);
        assert_eq!(std::fs::read_to_string(dir.path().join("sources/articolo-forbes.txt")).expect("kept"), text.text);
        let again = session.add_source(&text, "Articolo Forbes.txt", SourceDetails::default()).expect("added");
        assert_eq!(again, "articolo-forbes-2");
        let taken = SourceDetails { id: Some(id.clone()), ..SourceDetails::default() };
        assert!(session.add_source(&text, "x.txt", taken).expect_err("duplicate").contains("already"));
        let bad_date = SourceDetails { published: Some("2013-13".into()), ..SourceDetails::default() };
        assert!(session.add_source(&text, "x.txt", bad_date).expect_err("bad date").contains("EDTF"));
        assert!(session.undo());
        assert!(session.data().doc.source("articolo-forbes-2").is_none(), "one undo takes the source away");
    }

    #[test]
    fn a_new_version_is_written_beside_the_old_one_and_undo_brings_the_old_text_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("case.citeline.json");
        std::fs::write(&path, "{\"title\": \"Case\"}").expect("write");
        let mut session = Session::open_blocking(&path).expect("opens");
        let old = source_text("The board met on Monday and agreed.".into()).expect("text");
        let id = session.add_source(&old, "minutes.txt", SourceDetails::default()).expect("added");
        let new = source_text("The board met on Tuesday and agreed.".into()).expect("text");
        session.replace_source_text(&id, &new).expect("replaced");
        let (source, text) = session.data().doc.source(&id).expect("kept");
        assert_eq!(text, new.text);
        assert_eq!(source.file.as_deref(), Some("sources/minutes-2.txt"), "beside the old file, not over it");
        assert_eq!(
            source.text_sha256.as_deref(),
            Some(sha256_hex(old.text.as_bytes()).as_str()),
            "the old hash stays until the review takes the new text"
        );
        assert_eq!(std::fs::read_to_string(dir.path().join("sources/minutes.txt")).expect("old"), old.text);
        assert!(session.undo());
        assert_eq!(session.data().doc.source(&id).expect("kept").1, old.text, "undo: the old text again");
        assert!(session.redo());
        assert_eq!(session.data().doc.source(&id).expect("kept").1, new.text);
        assert!(session.replace_source_text("nope", &new).expect_err("no such source").contains("no source"));
    }

    #[test]
    fn the_built_in_timeline_has_no_folder_for_sources() {
        let mut session = Session::seed();
        let text = source_text("Some text.".into()).expect("text");
        assert!(session.add_source(&text, "a.txt", SourceDetails::default()).expect_err("no folder").contains("save"));
    }
}
