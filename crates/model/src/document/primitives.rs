//! The changes edits are made of. Each validates first and changes nothing on error, then
//! updates what is derived (spans, citation checks, warnings, groups) for what it touched only.

use std::collections::HashMap;
use std::sync::Arc;

use super::Document;
use super::check::EventCheck;
use crate::date::Span;
use crate::problem::{Place, Problem};
use crate::timeline::{Era, Event, Source};
use crate::validate::{MAX_TEXT_BYTES, MAX_TITLE_BYTES, check_source, era_span, group_names, load_text, too_long};
use crate::verify::{CitationCheck, FoldedText};

/// Which other events an event's id must differ from.
#[derive(Clone, Copy)]
enum IdCheck {
    /// The id did not change.
    Skip,
    All,
    AllBut(usize),
}

/// The primitives edits are made of. Each validates first and changes nothing on error.
impl Document {
    /// Puts `event` at `index` in place of the event there, returning the old one.
    pub(crate) fn replace_event(&mut self, index: usize, event: Event) -> Result<Event, Vec<Problem>> {
        let old_id = self.timeline.events.get(index).map(|e| e.id.clone()).ok_or_else(|| vec![self.no_event(index)])?;
        let found = self.checked(&event, if old_id == event.id { IdCheck::Skip } else { IdCheck::AllBut(index) })?;
        self.drop_warnings_of(&old_id);
        self.problems.extend(found.warnings);
        self.spans[index] = found.span;
        self.splice_checks(index, found.checks);
        if old_id != event.id {
            self.ids.remove(&old_id);
            self.ids.add(&event.id);
        }
        let regroup = self.timeline.events[index].group() != event.group();
        let old = std::mem::replace(&mut self.timeline.events[index], event);
        if regroup {
            self.groups = group_names(&self.timeline.events);
        }
        Ok(old)
    }

    /// Inserts `event` before `index` (at the end when `index` is the length).
    pub(crate) fn insert_event(&mut self, index: usize, event: Event) -> Result<(), Vec<Problem>> {
        if index > self.timeline.events.len() {
            return Err(vec![self.no_event(index)]);
        }
        let found = self.checked(&event, IdCheck::All)?;
        self.problems.extend(found.warnings);
        self.spans.insert(index, found.span);
        let at = self.check_start[index];
        self.check_start.insert(index, at);
        self.splice_checks(index, found.checks);
        let group = event.group().is_some();
        self.ids.add(&event.id);
        self.timeline.events.insert(index, event);
        if group {
            self.groups = group_names(&self.timeline.events);
        }
        Ok(())
    }

    /// Remembers a rejected proposal at `index`.
    pub(crate) fn insert_rejected(
        &mut self,
        index: usize,
        rejected: super::super::Rejected,
    ) -> Result<(), Vec<Problem>> {
        if index > self.timeline.rejected.len() {
            return Err(vec![Problem::error(
                &self.path,
                super::super::Place::File,
                format!("there is no rejected proposal number {}", index + 1),
            )]);
        }
        self.timeline.rejected.insert(index, rejected);
        Ok(())
    }

    pub(crate) fn remove_rejected(&mut self, index: usize) -> Result<super::super::Rejected, Vec<Problem>> {
        if index >= self.timeline.rejected.len() {
            return Err(vec![Problem::error(
                &self.path,
                super::super::Place::File,
                format!("there is no rejected proposal number {}", index + 1),
            )]);
        }
        Ok(self.timeline.rejected.remove(index))
    }

    /// Removes the event at `index` and returns it.
    pub(crate) fn remove_event(&mut self, index: usize) -> Result<Event, Vec<Problem>> {
        if index >= self.timeline.events.len() {
            return Err(vec![self.no_event(index)]);
        }
        self.splice_checks(index, Vec::new());
        self.check_start.remove(index);
        self.spans.remove(index);
        let event = self.timeline.events.remove(index);
        self.ids.remove(&event.id);
        self.drop_warnings_of(&event.id);
        if event.group().is_some() {
            self.groups = group_names(&self.timeline.events);
        }
        Ok(event)
    }

    /// Puts `source` at `index`, returning the old one; the citations of that source are checked
    /// again when its text changed. A source's id cannot change while events cite it.
    pub(crate) fn replace_source(&mut self, index: usize, source: Source) -> Result<Source, Vec<Problem>> {
        let old = self.timeline.sources.get(index).ok_or_else(|| vec![self.no_source(index)])?;
        if old.id != source.id {
            self.refuse_if_cited(&old.id, "change the id of")?;
        }
        let mut errors = Vec::new();
        check_source(&source, &self.path, &mut errors);
        self.refuse_duplicate_source(&source.id, Some(index), &mut errors);
        let text = load_text(&source, &self.path, &*self.files).map_err(|p| vec![p])?;
        if !errors.is_empty() {
            return Err(errors);
        }
        // The same file may hold a new text (a source replaced by its new version).
        let text_changed = (old.text.as_ref(), old.file.as_ref()) != (source.text.as_ref(), source.file.as_ref())
            || self.texts.get(index).is_none_or(|t| **t != *text);
        self.source_ids.remove(&old.id);
        self.source_ids.insert(source.id.clone(), index);
        if text_changed {
            self.folded[index] = Arc::new(FoldedText::new(&text));
            self.texts[index] = text;
        }
        let old = std::mem::replace(&mut self.timeline.sources[index], source);
        self.after_source_change(text_changed.then_some(index));
        Ok(old)
    }

    pub(crate) fn insert_source(&mut self, index: usize, source: Source) -> Result<(), Vec<Problem>> {
        if index > self.timeline.sources.len() {
            return Err(vec![self.no_source(index)]);
        }
        let mut errors = Vec::new();
        check_source(&source, &self.path, &mut errors);
        self.refuse_duplicate_source(&source.id, None, &mut errors);
        let text = load_text(&source, &self.path, &*self.files).map_err(|p| vec![p])?;
        if !errors.is_empty() {
            return Err(errors);
        }
        self.folded.insert(index, Arc::new(FoldedText::new(&text)));
        self.texts.insert(index, text);
        self.timeline.sources.insert(index, source);
        self.reindex_sources();
        self.after_source_change(None);
        Ok(())
    }

    /// Removes a source no event cites.
    pub(crate) fn remove_source(&mut self, index: usize) -> Result<Source, Vec<Problem>> {
        let id = self.timeline.sources.get(index).map(|s| s.id.clone()).ok_or_else(|| vec![self.no_source(index)])?;
        self.refuse_if_cited(&id, "remove")?;
        self.folded.remove(index);
        self.texts.remove(index);
        let source = self.timeline.sources.remove(index);
        self.reindex_sources();
        self.after_source_change(None);
        Ok(source)
    }

    pub(crate) fn replace_era(&mut self, index: usize, era: Era) -> Result<Era, Vec<Problem>> {
        if index >= self.timeline.eras.len() {
            return Err(vec![self.no_era(index)]);
        }
        let span = self.checked_era(index, &era)?;
        self.era_spans[index] = span;
        Ok(std::mem::replace(&mut self.timeline.eras[index], era))
    }

    pub(crate) fn insert_era(&mut self, index: usize, era: Era) -> Result<(), Vec<Problem>> {
        if index > self.timeline.eras.len() {
            return Err(vec![self.no_era(index)]);
        }
        let span = self.checked_era(index, &era)?;
        self.era_spans.insert(index, span);
        self.timeline.eras.insert(index, era);
        Ok(())
    }

    pub(crate) fn remove_era(&mut self, index: usize) -> Result<Era, Vec<Problem>> {
        if index >= self.timeline.eras.len() {
            return Err(vec![self.no_era(index)]);
        }
        self.era_spans.remove(index);
        Ok(self.timeline.eras.remove(index))
    }

    pub(crate) fn set_title(&mut self, title: String) -> Result<String, Vec<Problem>> {
        if let Some(msg) = too_long(&title, MAX_TITLE_BYTES) {
            return Err(vec![Problem::error(&self.path, Place::File, format!("the title is {msg}"))]);
        }
        Ok(std::mem::replace(&mut self.timeline.title, title))
    }

    pub(crate) fn set_description(&mut self, description: Option<String>) -> Result<Option<String>, Vec<Problem>> {
        if let Some(msg) = description.as_deref().and_then(|d| too_long(d, MAX_TEXT_BYTES)) {
            return Err(vec![Problem::error(&self.path, Place::File, format!("the description is {msg}"))]);
        }
        Ok(std::mem::replace(&mut self.timeline.description, description))
    }

    /// `event` checked as it would stand in the document, its id against the other events'
    /// as `ids` says.
    fn checked(&self, event: &Event, ids: IdCheck) -> Result<EventCheck, Vec<Problem>> {
        let mut errors = Vec::new();
        let found = self.check_event(event, &mut errors, None, &mut { crate::elsewhere::HINT_BUDGET });
        let except = match ids {
            IdCheck::Skip => None,
            IdCheck::All => Some(usize::MAX),
            IdCheck::AllBut(i) => Some(i),
        };
        if let Some(except) = except.filter(|_| self.ids.may_hold(&event.id)) {
            let taken = self.timeline.events.iter().enumerate().any(|(i, e)| i != except && e.id == event.id);
            if taken {
                errors.push(Problem::in_event(&self.path, &event.id, "id", "another event has the same id"));
            }
        }
        if errors.is_empty() { Ok(found) } else { Err(errors) }
    }

    fn checked_era(&self, index: usize, era: &Era) -> Result<Span, Vec<Problem>> {
        let mut errors = Vec::new();
        let span = era_span(index, era, &self.path, &mut errors);
        if errors.is_empty() { Ok(span) } else { Err(errors) }
    }

    /// Replaces event `index`'s checks with `checks`, moving the later events' offsets.
    fn splice_checks(&mut self, index: usize, checks: Vec<CitationCheck>) {
        let (a, b) = (self.check_start[index] as usize, self.check_start[index + 1] as usize);
        let added = checks.len();
        self.checks.splice(a..b, checks);
        if added != b - a {
            #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)] // citations fit u32
            let delta = added as i64 - (b - a) as i64;
            for start in &mut self.check_start[index + 1..] {
                *start = u32::try_from(i64::from(*start) + delta).unwrap_or(u32::MAX);
            }
        }
    }

    /// Forgets the warnings about the event with `id` (before it changes or goes).
    fn drop_warnings_of(&mut self, id: &str) {
        let clipped = crate::problem::clip(id);
        self.problems.retain(|p| !matches!(&p.place, Place::Event { id, .. } if *id == clipped));
    }

    fn reindex_sources(&mut self) {
        self.source_ids =
            self.timeline.sources.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect::<HashMap<_, _>>();
    }

    /// After the sources changed: warnings about sources again, and the citations of source
    /// `rechecked` verified again.
    fn after_source_change(&mut self, rechecked: Option<usize>) {
        self.problems.retain(|p| !matches!(p.place, Place::Source { .. }));
        self.problems.splice(0..0, self.source_warnings());
        let Some(si) = rechecked else { return };
        let id = self.timeline.sources[si].id.clone();
        for i in 0..self.timeline.events.len() {
            if self.timeline.events[i].citations.iter().any(|c| *c.source == *id) {
                let found = self.check_event(&self.timeline.events[i], &mut Vec::new(), None, &mut {
                    crate::elsewhere::HINT_BUDGET
                });
                let event_id = self.timeline.events[i].id.clone();
                self.drop_warnings_of(&event_id);
                self.problems.extend(found.warnings);
                self.splice_checks(i, found.checks);
            }
        }
    }

    fn refuse_if_cited(&self, id: &str, what: &str) -> Result<(), Vec<Problem>> {
        let citing: Vec<&str> = self
            .timeline
            .events
            .iter()
            .filter(|e| e.citations.iter().any(|c| *c.source == *id))
            .map(|e| e.id.as_str())
            .collect();
        if citing.is_empty() {
            return Ok(());
        }
        let shown: Vec<&str> = citing.iter().take(5).copied().collect();
        let more = if citing.len() > 5 { ", …" } else { "" };
        Err(vec![Problem::in_source(
            &self.path,
            id,
            "id",
            format!("cannot {what} a source that {} event(s) cite: {}{more}", citing.len(), shown.join(", ")),
        )])
    }

    fn refuse_duplicate_source(&self, id: &str, except: Option<usize>, errors: &mut Vec<Problem>) {
        if self.timeline.sources.iter().enumerate().any(|(i, s)| Some(i) != except && &*s.id == id) {
            errors.push(Problem::in_source(&self.path, id, "id", "another source has the same id"));
        }
    }

    fn no_event(&self, index: usize) -> Problem {
        Problem::error(&self.path, Place::File, format!("there is no event number {}", index + 1))
    }

    fn no_source(&self, index: usize) -> Problem {
        Problem::error(&self.path, Place::File, format!("there is no source number {}", index + 1))
    }

    fn no_era(&self, index: usize) -> Problem {
        Problem::error(&self.path, Place::Era { index: index + 1, field: String::new() }, "there is no such era")
    }
}
