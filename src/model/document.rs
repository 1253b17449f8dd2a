//! A validated timeline with what was derived from it: source texts, date spans and citation
//! checks. Every change goes through [`Document::edit`], which validates again, so the derived
//! data can never disagree with the timeline.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::date::{Edtf, Span};
use super::problem::Problem;
use super::progress::{Progress, Stage};
use super::sources::read_source_text;
use super::timeline::{Event, Source, Timeline};
use super::verify::{CitationCheck, FoldedText, Verification, locate};

/// How many verified citations are remembered while checking, to skip repeats.
const MEMO_LIMIT: usize = 1 << 16;

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

#[derive(Debug)]
pub struct Document {
    /// The file it came from; problems name it.
    path: PathBuf,
    timeline: Timeline,
    texts: Vec<Arc<str>>,
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
    revision: u64,
}

impl Document {
    /// Validates `timeline`, reading source files relative to `path`'s folder. Errors that make
    /// the timeline unusable come back as `Err`, every one of them, not only the first.
    pub fn new(timeline: Timeline, path: &Path, progress: &Progress) -> Result<Self, Vec<Problem>> {
        let texts = load_texts(&timeline.sources, path)?;
        Self::with_texts(timeline, path, texts, progress)
    }

    fn with_texts(
        timeline: Timeline,
        path: &Path,
        texts: Vec<Arc<str>>,
        progress: &Progress,
    ) -> Result<Self, Vec<Problem>> {
        let mut errors = Vec::new();
        let source_ids = index_sources(&timeline.sources, path, &mut errors);
        let has_text: Vec<bool> = timeline.sources.iter().map(|s| s.text.is_some() || s.file.is_some()).collect();
        let mut problems = Vec::new();
        for s in timeline.sources.iter().filter(|s| s.text.is_none() && s.file.is_none()) {
            problems.push(Problem::warning(
                path,
                super::problem::Place::Source { id: s.id.to_string(), field: "text".into() },
                "the source has no text (neither `text` nor `file`): quotes citing it cannot be checked",
            ));
        }
        let era_spans = era_spans(&timeline.eras, path, &mut errors);

        progress.start(Stage::Checking, timeline.events.len() as u64);
        let folded: Vec<FoldedText> = texts.iter().map(|t| FoldedText::new(t)).collect();
        // Large chronologies cite the same sentence many times; verify each one once. The memo is
        // bounded so that a million distinct quotes do not double the memory.
        let mut memo: HashMap<(usize, &str), CitationCheck> = HashMap::new();
        let mut spans = Vec::with_capacity(timeline.events.len());
        let mut checks = Vec::with_capacity(timeline.events.len());
        let mut check_start = Vec::with_capacity(timeline.events.len() + 1);
        for (n, e) in timeline.events.iter().enumerate() {
            if n % 4096 == 0 {
                if progress.is_cancelled() {
                    return Err(vec![Problem::error(path, super::problem::Place::File, "opening was cancelled")]);
                }
                progress.advance(4096);
            }
            check_start.push(u32::try_from(checks.len()).unwrap_or(u32::MAX));
            if e.id.trim().is_empty() {
                errors.push(Problem::in_event(path, &e.id, "id", "the event id is empty"));
            }
            if e.title.trim().is_empty() {
                errors.push(Problem::in_event(path, &e.id, "title", "the title is empty"));
            }
            check_event_lengths(e, path, &mut errors);
            spans.push(match e.when.as_deref().map(Edtf::parse) {
                None => None,
                Some(Ok(d)) => Some(d.span()),
                Some(Err(err)) => {
                    errors.push(Problem::in_event(path, &e.id, "when", err.to_string()));
                    None
                }
            });
            for (ci, c) in e.citations.iter().enumerate() {
                let field = format!("citations[{ci}]");
                let Some(&si) = source_ids.get(&*c.source) else {
                    errors.push(Problem::in_event(
                        path,
                        &e.id,
                        &format!("{field}.source"),
                        format!("no source has the id \"{}\"", c.source),
                    ));
                    checks.push(CitationCheck::NOT_FOUND);
                    continue;
                };
                if !has_text[si] {
                    checks.push(CitationCheck::UNCHECKED);
                    continue;
                }
                let check = if let Some(known) = memo.get(&(si, &*c.quote)) {
                    known.clone()
                } else {
                    let check = locate(&texts[si], &folded[si], &c.quote);
                    if memo.len() < MEMO_LIMIT {
                        memo.insert((si, &c.quote), check.clone());
                    }
                    check
                };
                if check.status == Verification::NotFound {
                    let msg = if c.quote.trim().is_empty() {
                        "the quote is empty".to_owned()
                    } else {
                        format!("the quote is not found in source \"{}\"", c.source)
                    };
                    problems.push(Problem::in_event(path, &e.id, &format!("{field}.quote"), msg));
                }
                checks.push(check);
            }
        }
        check_start.push(u32::try_from(checks.len()).unwrap_or(u32::MAX));
        duplicate_event_ids(&timeline.events, path, &mut errors);
        let groups = group_names(&timeline.events);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            path: path.to_owned(),
            timeline,
            texts,
            source_ids,
            spans,
            checks,
            check_start,
            problems,
            era_spans,
            groups,
            revision: 0,
        })
    }

    /// The one way to change a document: `change` edits a copy of the timeline, which replaces
    /// this one only if it validates. Source texts already read are kept unless their source's
    /// `file` or `text` changed.
    pub fn edit(&mut self, change: impl FnOnce(&mut Timeline)) -> Result<(), Vec<Problem>> {
        let mut next = self.timeline.clone();
        change(&mut next);
        let texts = if next.sources == self.timeline.sources {
            self.texts.clone()
        } else {
            load_texts(&next.sources, &self.path)?
        };
        let mut doc = Self::with_texts(next, &self.path, texts, &Progress::default())?;
        doc.revision = self.revision + 1;
        *self = doc;
        Ok(())
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

    /// Increases with every successful edit, so views can tell when to rebuild.
    pub fn revision(&self) -> u64 {
        self.revision
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

/// Group names in order of first use. A million events share a few groups: look before
/// allocating.
fn group_names(events: &[Event]) -> Vec<Box<str>> {
    let mut seen = std::collections::HashSet::new();
    let mut names = Vec::new();
    for g in events.iter().filter_map(Event::group) {
        if !seen.contains(g) {
            seen.insert(g);
            names.push(Box::from(g));
        }
    }
    names
}

/// Each era's span; an era needs a title and an interval with two known ends.
fn era_spans(eras: &[super::Era], path: &Path, errors: &mut Vec<Problem>) -> Vec<Span> {
    let place = |i: usize, field: &str| super::problem::Place::Era { index: i + 1, field: field.to_owned() };
    eras.iter()
        .enumerate()
        .map(|(i, era)| {
            if era.title.trim().is_empty() {
                errors.push(Problem::error(path, place(i, "title"), "the era has no title"));
            }
            if let Some(msg) = too_long(&era.title, MAX_TITLE_BYTES) {
                errors.push(Problem::error(path, place(i, "title"), msg));
            }
            match Edtf::parse(&era.when) {
                Ok(d) => {
                    let s = d.span();
                    if s.open_start || s.open_end {
                        errors.push(Problem::error(path, place(i, "when"), "an era needs two known ends"));
                    }
                    s
                }
                Err(e) => {
                    errors.push(Problem::error(path, place(i, "when"), e.to_string()));
                    Edtf::parse("1970").map_or(
                        Span {
                            start: 0.0,
                            end: 1.0,
                            open_start: false,
                            open_end: false,
                            approximate: false,
                            uncertain: false,
                            is_day: false,
                        },
                        |d| d.span(),
                    )
                }
            }
        })
        .collect()
}

/// Source ids to indices, after checking each source's fields.
fn index_sources(sources: &[Source], path: &Path, errors: &mut Vec<Problem>) -> HashMap<Box<str>, usize> {
    let mut source_ids = HashMap::with_capacity(sources.len());
    for (i, s) in sources.iter().enumerate() {
        for (field, value, limit) in [
            ("id", Some(&*s.id), MAX_ID_BYTES),
            ("title", Some(s.title.as_str()), MAX_TITLE_BYTES),
            ("publisher", Some(s.publisher.as_str()), MAX_TITLE_BYTES),
            ("language", Some(s.language.as_str()), MAX_ID_BYTES),
            ("url", s.url.as_deref(), MAX_TITLE_BYTES),
        ] {
            if let Some(msg) = value.and_then(|v| too_long(v, limit)) {
                errors.push(Problem::in_source(path, &s.id, field, msg));
            }
        }
        if s.id.trim().is_empty() {
            errors.push(Problem::in_source(path, &s.id, "id", "the source id is empty"));
        } else if source_ids.insert(s.id.clone(), i).is_some() {
            errors.push(Problem::in_source(path, &s.id, "id", "another source has the same id"));
        }
        if let Some(p) = &s.published
            && let Err(e) = Edtf::parse(p)
        {
            errors.push(Problem::in_source(path, &s.id, "published", e.to_string()));
        }
    }
    source_ids
}

/// Longest id (event or source) accepted, in bytes.
pub const MAX_ID_BYTES: usize = 256;
/// Longest title, publisher or URL accepted, in bytes.
pub const MAX_TITLE_BYTES: usize = 4 * 1024;
/// Longest summary, quote or note accepted, in bytes.
pub const MAX_TEXT_BYTES: usize = 256 * 1024;

/// A message when `value` is longer than `limit` bytes. Such strings come from broken exports
/// or hostile files, and would make every label and search slow.
fn too_long(value: &str, limit: usize) -> Option<String> {
    (value.len() > limit).then(|| {
        format!(
            "{} bytes long; the limit is {}",
            super::date::group_thousands(value.len() as u64),
            super::date::group_thousands(limit as u64)
        )
    })
}

fn check_event_lengths(e: &Event, path: &Path, errors: &mut Vec<Problem>) {
    let mut check = |field: String, value: &str, limit: usize| {
        if let Some(msg) = too_long(value, limit) {
            errors.push(Problem::in_event(path, &e.id, &field, msg));
        }
    };
    check("id".into(), &e.id, MAX_ID_BYTES);
    check("title".into(), &e.title, MAX_TITLE_BYTES);
    check("display_date".into(), e.display_date.as_deref().unwrap_or_default(), MAX_TITLE_BYTES);
    check("group".into(), e.group().unwrap_or_default(), MAX_TITLE_BYTES);
    if let Some(m) = e.media() {
        for (field, value) in
            [("media.url", Some(&m.url)), ("media.caption", m.caption.as_ref()), ("media.credit", m.credit.as_ref())]
        {
            check(field.into(), value.map_or("", String::as_str), MAX_TEXT_BYTES);
        }
    }
    check("summary".into(), e.summary.as_deref().unwrap_or_default(), MAX_TEXT_BYTES);
    for (i, t) in e.tags.iter().enumerate() {
        check(format!("tags[{i}]"), t, MAX_ID_BYTES);
    }
    for (i, c) in e.citations.iter().enumerate() {
        check(format!("citations[{i}].quote"), &c.quote, MAX_TEXT_BYTES);
        check(format!("citations[{i}].note"), c.note.as_deref().unwrap_or_default(), MAX_TEXT_BYTES);
    }
}

/// Reports ids used by more than one event. Sorting indices costs 4 bytes an event, where a hash
/// set of ids would cost ten times that on a million events.
fn duplicate_event_ids(events: &[Event], path: &Path, errors: &mut Vec<Problem>) {
    let mut order: Vec<u32> = (0..events.len()).filter_map(|i| u32::try_from(i).ok()).collect();
    order.sort_unstable_by(|&a, &b| events[a as usize].id.cmp(&events[b as usize].id));
    for pair in order.windows(2) {
        let (a, b) = (&events[pair[0] as usize], &events[pair[1] as usize]);
        if a.id == b.id && !a.id.trim().is_empty() {
            errors.push(Problem::in_event(path, &b.id, "id", "another event has the same id"));
        }
    }
}

/// Reads every source's text, collecting every problem.
fn load_texts(sources: &[Source], path: &Path) -> Result<Vec<Arc<str>>, Vec<Problem>> {
    let base = path.parent().unwrap_or_else(|| Path::new("."));
    let mut errors = Vec::new();
    let mut texts = Vec::with_capacity(sources.len());
    for s in sources {
        match (&s.text, &s.file) {
            (Some(t), None) => texts.push(Arc::from(t.as_str())),
            (None, Some(f)) => match read_source_text(base, f) {
                Ok(t) => texts.push(Arc::from(t)),
                Err(msg) => {
                    errors.push(Problem::in_source(path, &s.id, "file", msg));
                    texts.push(Arc::from(""));
                }
            },
            (Some(_), Some(_)) => {
                errors.push(Problem::in_source(path, &s.id, "text", "give the text inline or in a file, not both"));
                texts.push(Arc::from(""));
            }
            // Cited by id only (imported from TimelineJS CSV, say): its quotes stay unchecked.
            (None, None) => texts.push(Arc::from("")),
        }
    }
    if errors.is_empty() { Ok(texts) } else { Err(errors) }
}
