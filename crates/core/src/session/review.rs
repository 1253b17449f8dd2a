//! What the Changed sources review lists: each source whose text is no longer the one its
//! hash recorded, with its citations re-anchored in the new text, and each source whose
//! original (a PDF, a web page…) changed on disk since its text was read from it.

use std::ops::Range;
use std::path::Path;

use super::Session;
use super::drift::original_changed;
use crate::formats::source_file::{ReadOptions, SourceText, read_source_bytes_with};
use crate::formats::source_folder::read_source_bytes;
use crate::model::Document;
use crate::model::anchor::review::{context_changed, in_context, waits, word_diff};
use crate::model::anchor::{Found, Outcome, anchor_of, places, reanchor_source, text_changed};
use crate::model::sources::sha256_hex;

/// One changed source.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceReview {
    pub id: String,
    pub title: String,
    /// Its text changed: its citations re-anchored in the new text (empty otherwise).
    pub found: Vec<Found>,
    pub text_changed: bool,
    /// The SHA-256 of its text as it is now.
    pub hash: String,
    /// "the PDF sources/a.pdf" when its original changed since its text was read from it.
    pub original: Option<String>,
    /// For each of `found`: how many places of the new text hold its quote's words (up to 9),
    /// so that an orphan standing in several places says so.
    pub places: Vec<usize>,
    /// For each of `found`: its words as the list shows them.
    pub words: Vec<Words>,
}

/// A citation's words before and now as the review shows them, with what differs marked:
/// worked out with the review, not on every frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    /// The same words moved into another sentence: `before` and `now` are the words around
    /// them ([`in_context`]).
    pub context_changed: bool,
    pub before: String,
    /// Empty for an orphan.
    pub now: String,
    /// The byte ranges of `before` and of `now` that differ.
    pub gone: Vec<Range<usize>>,
    pub came: Vec<Range<usize>>,
}

impl Words {
    fn of(doc: &Document, f: &Found, text: &str) -> Self {
        let Some(c) = doc.events().get(f.event).and_then(|e| e.citations.get(f.citation)) else {
            return Self::default();
        };
        let new_words = f.result.range.clone().and_then(|r| text.get(r)).unwrap_or("");
        let context_changed = f.result.outcome == Outcome::Moved && context_changed(doc, f, text);
        let (before, now) = match (context_changed, c.anchor.as_deref(), f.result.range.clone()) {
            (true, Some(old), Some(range)) => {
                let new = anchor_of(text, range);
                (in_context(&old.prefix, &c.quote, &old.suffix), in_context(&new.prefix, &c.quote, &new.suffix))
            }
            _ => (c.quote.to_string(), new_words.to_owned()),
        };
        let (gone, came) = if context_changed || f.result.outcome == Outcome::Changed {
            word_diff(&before, &now)
        } else {
            (Vec::new(), Vec::new())
        };
        Self { context_changed, before, now, gone, came }
    }
}

impl SourceReview {
    /// How many citations came out each way: kept, moved, changed, orphan.
    pub fn counts(&self) -> [usize; 4] {
        Outcome::ALL.map(|o| self.found.iter().filter(|f| f.result.outcome == o).count())
    }

    /// The indices in `found` of the citations that wait for an answer.
    pub fn waiting(&self, doc: &Document) -> Vec<usize> {
        (0..self.found.len()).filter(|&i| waits(doc, &self.found[i], &self.hash)).collect()
    }
}

/// Every changed source of `doc`, in the timeline's order. Reads each original from disk to
/// hash it: run it off the UI thread.
pub fn review(doc: &Document) -> Vec<SourceReview> {
    let mut out = Vec::new();
    for (i, s) in doc.timeline().sources.iter().enumerate() {
        let text = text_changed(doc, i);
        let original = original_changed(doc, s);
        if !text && original.is_none() {
            continue;
        }
        let found = if text { reanchor_source(doc, &s.id) } else { Vec::new() };
        let places = found
            .iter()
            .map(|f| {
                let quote = doc.events().get(f.event).and_then(|e| e.citations.get(f.citation)).map(|c| &*c.quote);
                match (f.result.outcome, quote, doc.source_folded(&s.id)) {
                    (Outcome::Orphan, Some(q), Some(folded)) => places(folded, q, 9),
                    _ => usize::from(f.result.range.is_some()),
                }
            })
            .collect();
        let new_text = doc.source(&s.id).map_or("", |(_, t)| t);
        let words = found.iter().map(|f| Words::of(doc, f, new_text)).collect();
        out.push(SourceReview {
            id: s.id.to_string(),
            title: s.title.clone(),
            found,
            places,
            words,
            text_changed: text,
            hash: doc.source(&s.id).map(|(_, t)| sha256_hex(t.as_bytes())).unwrap_or_default(),
            original,
        });
    }
    out
}

impl Session {
    /// Reads the changed original of source `id` again in the background and, once read, takes
    /// its text as the source's new version ([`Session::replace_source_text`]); the review then
    /// lists its citations. [`Session::poll_adding_source`] says how it went.
    pub fn read_new_version(&mut self, id: &str) -> Result<(), String> {
        let doc = &self.data().doc;
        let Some((source, _)) = doc.source(id) else { return Err(format!("there is no source \"{id}\"")) };
        let Some(original) = source.original.clone() else {
            return Err(format!("the source \"{}\" was not read from a document", source.title));
        };
        let base = doc.path().parent().unwrap_or_else(|| Path::new(".")).to_owned();
        let language = source.language.clone();
        let path = base.join(&original.file);
        let job = super::Job::spawn("reading a source", self.wake(), move |progress| {
            // Only a file inside the timeline's folder, as every source file is read.
            let bytes = read_source_bytes(&base, &original.file)?;
            let options = ReadOptions { language: Some(&language), progress: Some(progress) };
            read_source_bytes_with(bytes, Some(original.kind.extension()), options)
        });
        self.adding = Some(super::sources::Adding::replacing(path, id.to_owned(), job));
        Ok(())
    }
}

/// The new version of source `id`'s original, read from its file (for the command line):
/// `None` when it has no original or that did not change.
pub fn read_changed_original(doc: &Document, id: &str) -> Option<Result<SourceText, String>> {
    let (source, _) = doc.source(id)?;
    original_changed(doc, source)?;
    let original = source.original.as_ref()?;
    let base = doc.path().parent().unwrap_or_else(|| Path::new("."));
    let options = ReadOptions { language: Some(&source.language), progress: None };
    Some(
        read_source_bytes(base, &original.file)
            .and_then(|bytes| read_source_bytes_with(bytes, Some(original.kind.extension()), options)),
    )
}
