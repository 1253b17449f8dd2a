//! The rules a timeline must keep to open, and that every edit keeps: field lengths, ids, dates
//! and the source texts behind citations.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::date::{Edtf, Span};
use super::problem::Problem;
use super::sources::SourceFiles;
use super::timeline::{Event, Source};

/// Group names in order of first use. A million events share a few groups: look before
/// allocating.
pub(crate) fn group_names(events: &[Event]) -> Vec<Box<str>> {
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
pub(crate) fn era_spans(eras: &[super::Era], path: &Path, errors: &mut Vec<Problem>) -> Vec<Span> {
    eras.iter().enumerate().map(|(i, era)| era_span(i, era, path, errors)).collect()
}

/// The span of era number `i` (from 0), with what is wrong with it added to `errors`.
pub(crate) fn era_span(i: usize, era: &super::Era, path: &Path, errors: &mut Vec<Problem>) -> Span {
    let place = |field: &str| super::problem::Place::Era { index: i + 1, field: field.to_owned() };
    if era.title.trim().is_empty() {
        errors.push(Problem::error(path, place("title"), "the era has no title"));
    }
    if let Some(msg) = too_long(&era.title, MAX_TITLE_BYTES) {
        errors.push(Problem::error(path, place("title"), msg));
    }
    match Edtf::parse(&era.when) {
        Ok(d) => {
            let s = d.span();
            if s.open_start || s.open_end {
                errors.push(Problem::error(path, place("when"), "an era needs two known ends"));
            }
            s
        }
        Err(e) => {
            errors.push(Problem::error(path, place("when"), e.to_string()));
            Span {
                start: 0.0,
                end: 1.0,
                open_start: false,
                open_end: false,
                approximate: false,
                uncertain: false,
                is_day: false,
            }
        }
    }
}

/// Source ids to indices, after checking each source's fields.
pub(crate) fn index_sources(sources: &[Source], path: &Path, errors: &mut Vec<Problem>) -> HashMap<Box<str>, usize> {
    let mut source_ids = HashMap::with_capacity(sources.len());
    for (i, s) in sources.iter().enumerate() {
        check_source(s, path, errors);
        if !s.id.trim().is_empty() && source_ids.insert(s.id.clone(), i).is_some() {
            errors.push(Problem::in_source(path, &s.id, "id", "another source has the same id"));
        }
    }
    source_ids
}

/// A source's own fields: lengths, a non-empty id, a valid publication date, text in one place.
pub(crate) fn check_source(s: &Source, path: &Path, errors: &mut Vec<Problem>) {
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
    }
    if let Some(p) = &s.published
        && let Err(e) = Edtf::parse(p)
    {
        errors.push(Problem::in_source(path, &s.id, "published", e.to_string()));
    }
}

/// Longest id (event or source) accepted, in bytes.
pub(crate) const MAX_ID_BYTES: usize = 256;
/// Longest title, publisher or URL accepted, in bytes.
pub(crate) const MAX_TITLE_BYTES: usize = 4 * 1024;
/// Longest summary, quote or note accepted, in bytes.
pub(crate) const MAX_TEXT_BYTES: usize = 256 * 1024;

/// A message when `value` is longer than `limit` bytes. Such strings come from broken exports
/// or hostile files, and would make every label and search slow.
pub(crate) fn too_long(value: &str, limit: usize) -> Option<String> {
    (value.len() > limit).then(|| {
        format!(
            "{} bytes long; the limit is {}",
            super::date::group_thousands(value.len() as u64),
            super::date::group_thousands(limit as u64)
        )
    })
}

pub(crate) fn check_event_lengths(e: &Event, path: &Path, errors: &mut Vec<Problem>) {
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
pub(crate) fn duplicate_event_ids(events: &[Event], path: &Path, errors: &mut Vec<Problem>) {
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
pub(crate) fn load_texts(
    sources: &[Source],
    path: &Path,
    files: &dyn SourceFiles,
) -> Result<Vec<Arc<str>>, Vec<Problem>> {
    let mut errors = Vec::new();
    let texts = sources
        .iter()
        .map(|s| {
            load_text(s, path, files).unwrap_or_else(|p| {
                errors.push(p);
                Arc::from("")
            })
        })
        .collect();
    if errors.is_empty() { Ok(texts) } else { Err(errors) }
}

/// A source's text, inline or read from its file beside the timeline at `path`.
pub(crate) fn load_text(s: &Source, path: &Path, files: &dyn SourceFiles) -> Result<Arc<str>, Problem> {
    let base = path.parent().unwrap_or_else(|| Path::new("."));
    match (&s.text, &s.file) {
        (Some(t), None) => Ok(Arc::from(t.as_str())),
        (None, Some(f)) => {
            files.read_text(base, f).map(Arc::from).map_err(|msg| Problem::in_source(path, &s.id, "file", msg))
        }
        (Some(_), Some(_)) => {
            Err(Problem::in_source(path, &s.id, "text", "give the text inline or in a file, not both"))
        }
        // Cited by id only (imported from TimelineJS CSV, say): its quotes stay unchecked.
        (None, None) => Ok(Arc::from("")),
    }
}
