//! Checking a timeline's events as it opens and as edits come: each event's fields, date and
//! citations (verified once per quote and source), the warnings of its sources, and where a quote
//! not found stands instead.

use std::collections::HashMap;
use std::path::Path;

use super::pages::{numbered_lines, pages_fit};
use super::{Document, source_pin_cite};
use crate::date::{Edtf, Span};
use crate::elsewhere::{self, Elsewhere, HINT_BUDGET, Hint, line_column};
use crate::problem::{Place, Problem};
use crate::progress::{Progress, Stage};
use crate::sources::sha256_hex;
use crate::timeline::Event;
use crate::validate::check_event_lengths;
use crate::verify::{CitationCheck, Verification, locate};

/// How many verified citations are remembered while checking, to skip repeats.
const MEMO_LIMIT: usize = 1 << 16;

/// What checking one event found.
pub(super) struct EventCheck {
    pub(super) span: Option<Span>,
    pub(super) checks: Vec<CitationCheck>,
    pub(super) warnings: Vec<Problem>,
}

impl Document {
    /// Checks every event in order, filling spans, checks and warnings.
    pub(super) fn check_all(
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
    pub(super) fn check_event<'e>(
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
    pub(super) fn source_warnings(&self) -> Vec<Problem> {
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
}
