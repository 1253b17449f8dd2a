//! A validated timeline with what was derived from it: source texts, date spans and citation
//! checks. It changes only through [`super::edit::Edit`], whose primitives below validate the
//! change first and update what is derived locally, so the document never holds an invalid
//! state and the derived data never disagrees with the timeline.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod check;
mod ids;
mod pages;
mod primitives;

pub use self::pages::{NumberedLine, line_cite, numbered_lines, page_at, pin_cite, source_pin_cite};
use super::date::{Edtf, Span};
use super::problem::Problem;
use super::progress::Progress;
use super::sources::{NoFiles, SourceFiles};
use super::timeline::{Event, Source, Timeline};
use super::validate::{duplicate_event_ids, era_spans, group_names, index_sources, load_texts};
use super::verify::{CitationCheck, FoldedText, Verification};

/// Counts for a summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub events: usize,
    pub dated: usize,
    pub sources: usize,
    pub citations: usize,
    pub verified: usize,
    pub normalized: usize,
    pub not_found: usize,
    pub unchecked: usize,
}

#[derive(Clone, Debug)]
pub struct Document {
    /// The file it came from; problems name it.
    path: PathBuf,
    timeline: Timeline,
    texts: Vec<Arc<str>>,
    /// Each source's text folded for matching, kept so that an edited quote verifies at once.
    folded: Vec<Arc<FoldedText>>,
    source_ids: HashMap<Box<str>, usize>,
    spans: Vec<Option<Span>>,
    /// Citation checks of all events, flattened; event `i`'s are `checks[check_start[i]..check_start[i + 1]]`.
    checks: Vec<CitationCheck>,
    check_start: Vec<u32>,
    /// Problems that do not stop the timeline from opening (quotes not found, sources
    /// without text).
    problems: Vec<Problem>,
    /// Each era's span, in the order of `timeline.eras`.
    era_spans: Vec<Span>,
    /// Group names in order of first use; events without a group are in none.
    groups: Vec<Box<str>>,
    ids: ids::IdIndex,
    /// Where its source files are read from (a new source added, an original checked).
    files: Arc<dyn SourceFiles>,
}

impl Document {
    /// Validates `timeline`, reading source files relative to `path`'s folder. Errors that make
    /// the timeline unusable come back as `Err`, every one of them, not only the first.
    pub fn new(timeline: Timeline, path: &Path, progress: &Progress) -> Result<Self, Vec<Problem>> {
        Self::with_files(timeline, path, Arc::new(NoFiles), progress)
    }

    /// A document whose sources may name files, read through `files` (beside the timeline:
    /// `formats::source_folder::beside()`).
    pub fn with_files(
        mut timeline: Timeline,
        path: &Path,
        files: Arc<dyn SourceFiles>,
        progress: &Progress,
    ) -> Result<Self, Vec<Problem>> {
        let events = std::mem::take(&mut timeline.events);
        let texts = load_texts(&timeline.sources, path, &*files)?;
        let mut errors = Vec::new();
        let source_ids = index_sources(&timeline.sources, path, &mut errors);
        let era_spans = era_spans(&timeline.eras, path, &mut errors);
        let folded = texts.iter().map(|t| Arc::new(FoldedText::new(t))).collect();
        let mut doc = Self {
            path: path.to_owned(),
            timeline,
            texts,
            folded,
            source_ids,
            spans: Vec::new(),
            checks: Vec::new(),
            check_start: vec![0],
            problems: Vec::new(),
            era_spans,
            groups: Vec::new(),
            ids: ids::IdIndex::default(),
            files,
        };
        doc.problems = std::mem::take(&mut doc.timeline.read_warnings);
        doc.problems.extend(doc.source_warnings());
        doc.check_all(&events, progress, &mut errors)?;
        duplicate_event_ids(&events, path, &mut errors);
        if !errors.is_empty() {
            // With them, what else was found (a quote not in its source, a warning): every
            // problem is told at once, not one more after each fix.
            errors.append(&mut doc.problems);
            return Err(errors);
        }
        doc.groups = group_names(&events);
        doc.ids = ids::IdIndex::of(events.iter().map(|e| e.id.as_str()));
        doc.timeline.events = events;
        Ok(doc)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    pub fn events(&self) -> &[Event] {
        &self.timeline.events
    }

    pub fn span(&self, event: usize) -> Option<Span> {
        self.spans.get(event).copied().flatten()
    }

    pub fn spans(&self) -> &[Option<Span>] {
        &self.spans
    }

    pub fn checks(&self, event: usize) -> &[CitationCheck] {
        let (Some(&a), Some(&b)) = (self.check_start.get(event), self.check_start.get(event + 1)) else {
            return &[];
        };
        self.checks.get(a as usize..b as usize).unwrap_or_default()
    }

    /// Where citation `citation` of `event` stands in its source's original: `p. 17` or
    /// `pp. 17–18`, worked out from where the quote was found and where the pages begin;
    /// `None` for a source without pages or a quote not found.
    pub fn pin_cite(&self, event: usize, citation: usize) -> Option<String> {
        let range = self.checks(event).get(citation)?.span()?;
        let cited = self.timeline.events.get(event)?.citations.get(citation)?;
        let (source, text) = self.source(&cited.source)?;
        source_pin_cite(source, text.len(), range)
    }

    /// Source `id`'s text folded for matching.
    pub fn source_folded(&self, id: &str) -> Option<&FoldedText> {
        let &i = self.source_ids.get(id)?;
        self.folded.get(i).map(|f| &**f)
    }

    pub fn source(&self, id: &str) -> Option<(&Source, &str)> {
        let &i = self.source_ids.get(id)?;
        Some((self.timeline.sources.get(i)?, self.texts.get(i)?))
    }

    /// Eras with their spans.
    pub fn eras(&self) -> impl Iterator<Item = (&super::Era, Span)> {
        self.timeline.eras.iter().zip(self.era_spans.iter().copied())
    }

    /// Group names in order of first use.
    pub fn groups(&self) -> &[Box<str>] {
        &self.groups
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Warnings found beyond the model's reach (a changed original read again), kept with the
    /// document's own.
    pub fn add_warnings(&mut self, warnings: Vec<Problem>) {
        self.problems.extend(warnings.into_iter().filter(|w| !w.is_error()));
    }

    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.timeline.events.iter().position(|e| &*e.id == id)
    }

    /// The date as a reader sees it: the `display_date`, else the parsed date in words.
    pub fn date_label(&self, event: usize) -> String {
        let Some(e) = self.timeline.events.get(event) else { return String::new() };
        if let Some(d) = &e.display_date {
            return d.to_string();
        }
        match e.when.as_deref().map(Edtf::parse) {
            Some(Ok(d)) => d.to_string(),
            _ => "undated".to_owned(),
        }
    }

    pub fn tally(&self) -> Tally {
        let mut t = Tally {
            events: self.timeline.events.len(),
            dated: self.spans.iter().filter(|s| s.is_some()).count(),
            sources: self.timeline.sources.len(),
            citations: self.checks.len(),
            ..Tally::default()
        };
        for c in &self.checks {
            match c.status {
                Verification::Verified => t.verified += 1,
                Verification::Normalized => t.normalized += 1,
                Verification::NotFound => t.not_found += 1,
                Verification::Unchecked => t.unchecked += 1,
            }
        }
        t
    }
}
