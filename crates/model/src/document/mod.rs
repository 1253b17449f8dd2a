//! A validated timeline with what was derived from it: source texts, date spans and citation
//! checks. It changes only through [`super::edit::Edit`], whose primitives below validate the
//! change first and update what is derived locally, so the document never holds an invalid
//! state and the derived data never disagrees with the timeline.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod ids;
mod primitives;

use super::date::{Edtf, Span};
use super::elsewhere::{self, Elsewhere, HINT_BUDGET, Hint, line_column};
use super::problem::{Place, Problem};
use super::progress::{Progress, Stage};
use super::sources::{NoFiles, SourceFiles, sha256_hex};
use super::timeline::{Event, Source, Timeline};
use super::validate::{check_event_lengths, duplicate_event_ids, era_spans, group_names, index_sources, load_texts};
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

/// What checking one event found.
struct EventCheck {
    span: Option<Span>,
    checks: Vec<CitationCheck>,
    warnings: Vec<Problem>,
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
            return Err(errors);
        }
        doc.groups = group_names(&events);
        doc.ids = ids::IdIndex::of(events.iter().map(|e| e.id.as_str()));
        doc.timeline.events = events;
        Ok(doc)
    }

    /// Checks every event in order, filling spans, checks and warnings.
    fn check_all(
        &mut self,
        events: &[Event],
        progress: &Progress,
        errors: &mut Vec<Problem>,
    ) -> Result<(), Vec<Problem>> {
        progress.start(Stage::Checking, events.len() as u64);
        self.spans.reserve(events.len());
        self.checks.reserve(events.len());
        self.check_start.reserve(events.len());
        // Large chronologies cite the same sentence many times; verify each one once. The memo is
        // bounded so that a million distinct quotes do not double the memory.
        let mut memo: HashMap<(usize, &str), CitationCheck> = HashMap::new();
        let mut budget = HINT_BUDGET;
        for (n, e) in events.iter().enumerate() {
            if n % 4096 == 0 {
                if progress.is_cancelled() {
                    return Err(vec![Problem::error(&self.path, Place::File, "opening was cancelled")]);
                }
                progress.advance(4096);
            }
            let found = self.check_event(e, errors, Some(&mut memo), &mut budget);
            self.spans.push(found.span);
            self.checks.extend(found.checks);
            self.check_start.push(u32::try_from(self.checks.len()).unwrap_or(u32::MAX));
            self.problems.extend(found.warnings);
        }
        Ok(())
    }

    /// Validates one event against the sources; errors go to `errors`. A quote not found is
    /// looked for elsewhere while `budget` (bytes to search) lasts.
    fn check_event<'e>(
        &self,
        e: &'e Event,
        errors: &mut Vec<Problem>,
        mut memo: Option<&mut HashMap<(usize, &'e str), CitationCheck>>,
        budget: &mut usize,
    ) -> EventCheck {
        let path = &self.path;
        if e.id.trim().is_empty() {
            errors.push(Problem::in_event(path, &e.id, "id", "the event id is empty"));
        }
        if e.title.trim().is_empty() {
            errors.push(Problem::in_event(path, &e.id, "title", "the title is empty"));
        }
        check_event_lengths(e, path, errors);
        let span = match e.when.as_deref().map(Edtf::parse) {
            None => None,
            Some(Ok(d)) => Some(d.span()),
            Some(Err(err)) => {
                errors.push(Problem::in_event(path, &e.id, "when", err.to_string()));
                None
            }
        };
        let mut checks = Vec::with_capacity(e.citations.len());
        let mut warnings = Vec::new();
        for (ci, c) in e.citations.iter().enumerate() {
            let field = format!("citations[{ci}]");
            let Some(&si) = self.source_ids.get(&*c.source) else {
                errors.push(Problem::in_event(
                    path,
                    &e.id,
                    &format!("{field}.source"),
                    format!("no source has the id \"{}\"", c.source),
                ));
                checks.push(CitationCheck::NOT_FOUND);
                continue;
            };
            let source = &self.timeline.sources[si];
            if source.text.is_none() && source.file.is_none() {
                checks.push(CitationCheck::UNCHECKED);
                continue;
            }
            let known = memo.as_deref().and_then(|m| m.get(&(si, &*c.quote)).cloned());
            let check = known.unwrap_or_else(|| {
                let check = locate(&self.texts[si], &self.folded[si], &c.quote);
                if let Some(m) = memo.as_deref_mut().filter(|m| m.len() < MEMO_LIMIT) {
                    m.insert((si, &*c.quote), check.clone());
                }
                check
            });
            if check.status == Verification::NotFound {
                let msg = if c.quote.trim().is_empty() {
                    "the quote is empty".to_owned()
                } else {
                    let hint =
                        self.elsewhere(si, &c.quote, budget).map(|h| format!("; {}", h.said)).unwrap_or_default();
                    format!("the quote is not found in source \"{}\"{hint}", c.source)
                };
                warnings.push(Problem::in_event(path, &e.id, &format!("{field}.quote"), msg));
            }
            checks.push(check);
        }
        EventCheck { span, checks, warnings }
    }

    /// One warning per source without text.
    fn source_warnings(&self) -> Vec<Problem> {
        let mut warnings = Vec::new();
        let base = self.path.parent().unwrap_or_else(|| Path::new("."));
        for (s, text) in self.timeline.sources.iter().zip(&self.texts) {
            let warn = |field: &str, msg: String| {
                Problem::warning(&self.path, Place::Source { id: s.id.to_string(), field: field.into() }, msg)
            };
            if s.text.is_none() && s.file.is_none() {
                warnings.push(warn(
                    "text",
                    "the source has no text (neither `text` nor `file`): quotes citing it cannot be checked".into(),
                ));
            }
            // Drift: the text or the original changed since the source was added.
            if let Some(want) = &s.text_sha256
                && (s.text.is_some() || s.file.is_some())
                && sha256_hex(text.as_bytes()) != *want
            {
                warnings.push(warn(
                    "text_sha256",
                    "the text changed since the source was added: quotes that no longer stand in it are flagged".into(),
                ));
            }
            if let Some(original) = &s.original {
                match self.files.read(base, &original.file) {
                    Ok(bytes) if sha256_hex(&bytes) != original.sha256 => warnings.push(warn(
                        "original",
                        format!("the {} {} changed since it was added", original.kind.name(), original.file),
                    )),
                    Ok(_) => {}
                    Err(msg) => warnings.push(warn("original", msg)),
                }
            }
            if !s.lines.is_empty() && numbered_lines(&s.lines, text.len()).is_none() {
                warnings.push(warn(
                    "lines",
                    "the numbered lines do not fit the text (LINE:OFFSET pairs, offsets rising within it): \
                     quotes are cited by page alone"
                        .into(),
                ));
            }
            if !s.pages.is_empty() && !pages_fit(&s.pages, text.len()) {
                warnings.push(warn(
                    "pages",
                    "the page offsets do not fit the text (they must rise from 0 within it): pages are not shown"
                        .into(),
                ));
            }
        }
        warnings
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

    /// Where the words of citation `citation` of event `event` stand, when not where it says:
    /// "its words stand at line 3, column 1 with other case…" or "the same words stand in
    /// source "b" at line 12, column 4, p. 2"; with their bytes when in its own source.
    pub fn found_elsewhere(&self, event: usize, citation: usize) -> Option<Hint> {
        let cited = self.timeline.events.get(event)?.citations.get(citation)?;
        let &si = self.source_ids.get(&*cited.source)?;
        self.elsewhere(si, &cited.quote, &mut { HINT_BUDGET })
    }

    /// Where a quote not found in source `si` stands, as [`Document::found_elsewhere`] says.
    fn elsewhere(&self, si: usize, quote: &str, budget: &mut usize) -> Option<Hint> {
        let place = |i: usize, r: &std::ops::Range<usize>| {
            let (line, column) = line_column(&self.texts[i], r.start);
            let page = source_pin_cite(&self.timeline.sources[i], self.texts[i].len(), r.clone());
            let page = page.map(|p| format!(", {p}")).unwrap_or_default();
            format!("line {line}, column {column}{page}")
        };
        Some(match elsewhere::find(&self.texts, &self.folded, si, quote, budget)? {
            Elsewhere::Loosely(r) => {
                let words: String = self.texts[si][r.clone()].chars().take(120).collect();
                let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
                let said = format!(
                    "its words stand at {} with other case, punctuation or hyphenation: “{words}”",
                    place(si, &r)
                );
                Hint { said, at: Some(r) }
            }
            Elsewhere::InSource(i, r) => {
                let said =
                    format!("the same words stand in source \"{}\" at {}", self.timeline.sources[i].id, place(i, &r));
                Hint { said, at: None }
            }
        })
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

/// `p. 17` or `pp. 17–18` for the bytes `range` of a text whose pages begin at `pages`.
pub fn pin_cite(pages: &[u32], range: std::ops::Range<usize>) -> Option<String> {
    if pages.is_empty() {
        return None;
    }
    let page = |at: usize| pages.partition_point(|&p| p as usize <= at).max(1);
    let (first, last) = (page(range.start), page(range.end.saturating_sub(1).max(range.start)));
    Some(if first == last { format!("p. {first}") } else { format!("pp. {first}–{last}") })
}

/// Where the bytes `range` of `source`'s text (`len` bytes long) stand in its original: by
/// page and line where its lines are numbered (`3:12–15`, `3:27–4:2`), else by page (`p. 17`).
pub fn source_pin_cite(source: &super::Source, len: usize, range: std::ops::Range<usize>) -> Option<String> {
    if let Some(lines) = numbered_lines(&source.lines, len)
        && let Some(cite) = line_cite(&lines, range.clone())
    {
        return Some(cite);
    }
    if !pages_fit(&source.pages, len) {
        return None;
    }
    let (first, last) = (page_at(source, range.start), page_at(source, range.end.saturating_sub(1).max(range.start)));
    Some(if first == last { format!("p. {first}") } else { format!("pp. {first}–{last}") })
}

/// The page (from 1) byte `at` of `source`'s text was printed on: a moved stretch's page, else
/// the page its offsets give.
pub fn page_at(source: &super::Source, at: usize) -> usize {
    let i = source.moved.partition_point(|m| m[1] as usize <= at);
    match source.moved.get(i) {
        Some(&[start, _, page]) if start as usize <= at && page > 0 => page as usize,
        _ => source.pages.partition_point(|&p| p as usize <= at).max(1),
    }
}

/// A numbered line: where it begins in the text, its page (from 1) and its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberedLine {
    pub at: u32,
    pub page: u32,
    pub line: u32,
}

/// A source's numbered lines, read from their pages' strings (`p45` first gives the page's
/// own number, as a transcript prints it); `None` when they do not parse or do not rise within
/// a text `len` bytes long.
pub fn numbered_lines(pages: &[String], len: usize) -> Option<Vec<NumberedLine>> {
    let mut lines = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let mut number = u32::try_from(p + 1).ok()?;
        for pair in page.split_whitespace() {
            if let Some(printed) = pair.strip_prefix('p') {
                number = printed.parse().ok()?;
                continue;
            }
            let (line, at) = pair.split_once(':')?;
            let (line, at) = (line.parse().ok()?, at.parse().ok()?);
            lines.push(NumberedLine { at, page: number, line });
        }
    }
    let rising = lines.windows(2).all(|w| w[0].at < w[1].at);
    (rising && lines.last().is_none_or(|l| l.at as usize <= len)).then_some(lines)
}

/// `3:12`, `3:12–15` or `3:27–4:2` for the bytes `range`, by the numbered lines they stand on;
/// `None` when the range begins before the first.
pub fn line_cite(lines: &[NumberedLine], range: std::ops::Range<usize>) -> Option<String> {
    let on = |at: usize| lines.partition_point(|l| l.at as usize <= at).checked_sub(1).map(|i| lines[i]);
    let first = on(range.start)?;
    let last = on(range.end.saturating_sub(1).max(range.start))?;
    Some(match (first, last) {
        (a, b) if a == b => format!("{}:{}", a.page, a.line),
        (a, b) if a.page == b.page => format!("{}:{}–{}", a.page, a.line, b.line),
        (a, b) => format!("{}:{}–{}:{}", a.page, a.line, b.page, b.line),
    })
}

/// Whether page offsets rise from 0 and stay within a text `len` bytes long.
fn pages_fit(pages: &[u32], len: usize) -> bool {
    pages.first() == Some(&0)
        && pages.windows(2).all(|w| w[0] < w[1])
        && pages.last().is_some_and(|&p| p as usize <= len)
}

#[cfg(test)]
mod pin_cite_tests {
    use super::*;

    #[test]
    fn a_quote_on_numbered_lines_is_cited_by_page_and_line() {
        // Page 3's lines 12 to 28 begin every 10 bytes from 0, page 4's lines 1 to 3 after them.
        let page3: Vec<String> = (12..=28).map(|n| format!("{n}:{}", (n - 12) * 10)).collect();
        let page4 = "1:170 2:180 3:190".to_owned();
        let pages = vec![String::new(), String::new(), page3.join(" "), page4];
        let lines = numbered_lines(&pages, 200).expect("fits");
        assert_eq!(line_cite(&lines, 0..5).as_deref(), Some("3:12"));
        assert_eq!(line_cite(&lines, 5..35).as_deref(), Some("3:12–15"));
        assert_eq!(line_cite(&lines, 165..185).as_deref(), Some("3:28–4:2"));
        assert_eq!(numbered_lines(&["1:5 2:3".to_owned()], 10), None, "offsets must rise");
        assert_eq!(numbered_lines(&["1:5 2:x".to_owned()], 10), None, "and read");
        assert_eq!(numbered_lines(&["1:50".to_owned()], 10), None, "within the text");
        // A transcript's own page numbers.
        let printed = numbered_lines(&["p45 1:0 2:10".to_owned(), "p46 1:20".to_owned()], 30).expect("fits");
        assert_eq!(line_cite(&printed, 5..25).as_deref(), Some("45:1–46:1"));
    }

    #[test]
    fn a_quote_is_cited_by_the_page_or_pages_it_stands_on() {
        // Pages begin at bytes 0, 100 and 250.
        let pages = [0, 100, 250];
        assert_eq!(pin_cite(&pages, 10..20).as_deref(), Some("p. 1"));
        assert_eq!(pin_cite(&pages, 100..120).as_deref(), Some("p. 2"), "a page's first byte is on it");
        assert_eq!(pin_cite(&pages, 90..100).as_deref(), Some("p. 1"), "ending just before page 2");
        assert_eq!(pin_cite(&pages, 90..101).as_deref(), Some("pp. 1–2"));
        assert_eq!(pin_cite(&pages, 50..300).as_deref(), Some("pp. 1–3"));
        assert_eq!(pin_cite(&[], 0..5), None, "a source without pages");
        assert!(
            pages_fit(&pages, 250) && !pages_fit(&pages, 249) && !pages_fit(&[5, 10], 20) && !pages_fit(&[0, 9, 9], 20)
        );
    }
}
