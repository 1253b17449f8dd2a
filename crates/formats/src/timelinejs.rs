//! TimelineJS3 JSON (Knight Lab), read as published rather than only as documented: numbers
//! or strings for date parts, HTML text, unknown fields ignored; and written so that TimelineJS
//! shows it and citeline reads it back whole.
//!
//! Citations travel in each event's text as `<blockquote data-citeline-source=…>`, which
//! TimelineJS shows as a quotation. What TimelineJS has no field for (the EDTF date with its
//! qualifiers, tags, the sources with their texts) rides along in `citeline_*` fields, which
//! TimelineJS ignores.

mod write;

use std::path::Path;

use compact_str::CompactString;
use serde_json::{Map, Value};

use super::html;
use super::tjs_date::TjsDate;
use crate::model::problem::{Place, Problem};
use crate::model::timeline::{Era, Event, EventExtra, Media, Source, Timeline};
use crate::model::{Document, Edtf};

pub use write::write;
pub(crate) use write::{event_html, undated_ids};

/// Where a problem is: an event (by `unique_id` or position) or an era, and the field.
fn event_place(label: &str, field: &str) -> Place {
    Place::Event { id: label.to_owned(), field: field.to_owned() }
}

/// The TimelineJS3 JSON codec.
pub(crate) struct TimelineJsJson;

impl super::Codec for TimelineJsJson {
    fn read(&self, bytes: &[u8], path: &Path) -> Result<Timeline, Vec<Problem>> {
        read(bytes, path)
    }

    fn write(&self, doc: &Document) -> String {
        write(doc)
    }
}

/// Reads TimelineJS3 JSON. Every problem is collected, not only the first.
pub fn read(bytes: &[u8], path: &Path) -> Result<Timeline, Vec<Problem>> {
    let root: Value = serde_json::from_slice(bytes).map_err(|e| vec![super::citeline::json_problem(&e, path)])?;
    let Some(root) = root.as_object() else {
        return Err(vec![Problem::error(path, Place::File, "a TimelineJS file is a JSON object")]);
    };
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut timeline = Timeline::default();
    let mut cited_sources: Vec<html::FoundCitation> = Vec::new();

    if let Some(title) = root.get("title") {
        let (headline, text) = slide_text(title);
        timeline.title = headline.unwrap_or_default();
        timeline.description = text.filter(|t| !t.is_empty());
    }
    if timeline.title.trim().is_empty() {
        timeline.title =
            path.file_stem().map_or_else(|| "TimelineJS timeline".to_owned(), |s| s.to_string_lossy().into_owned());
    }
    match root.get("events") {
        Some(Value::Array(events)) => {
            let mut ids = std::collections::HashSet::new();
            for (n, e) in events.iter().enumerate() {
                if let Some(mut event) = read_event(e, n, path, &mut problems, &mut warnings, &mut cited_sources) {
                    distinct_id(&mut event, &mut ids, path, &mut warnings);
                    timeline.events.push(event);
                }
            }
        }
        Some(_) => problems.push(Problem::error(path, Place::File, "`events` must be a list")),
        None => {
            problems.push(Problem::error(path, Place::File, "there is no `events` list: is this a TimelineJS file?"));
        }
    }
    if let Some(Value::Array(eras)) = root.get("eras") {
        for (n, e) in eras.iter().enumerate() {
            let place = |field: &str| Place::Era { index: n + 1, field: field.to_owned() };
            let start = date_field(e.get("start_date"), "start_date", &place, path, &mut problems, true);
            let end = date_field(e.get("end_date"), "end_date", &place, path, &mut problems, true);
            let (title, _) = slide_text(e);
            if let (Some(a), Some(b)) = (start, end) {
                timeline.eras.push(Era { title: title.unwrap_or_default(), when: format!("{a}/{b}") });
            }
        }
    }
    timeline.sources = match root.get("citeline_sources") {
        Some(v) => serde_json::from_value(v.clone())
            .map_err(|e| {
                problems.push(Problem::error(path, Place::File, format!("`citeline_sources`: {e}")));
            })
            .unwrap_or_default(),
        None => Vec::new(),
    };
    add_cited_sources(&mut timeline.sources, &cited_sources);
    timeline.read_warnings = warnings;
    if problems.is_empty() { Ok(timeline) } else { Err(problems) }
}

/// Gives `event` an id no earlier event has: TimelineJS renames a repeated `unique_id` and
/// shows both slides, so citeline opens such a file too, and says so.
fn distinct_id(
    event: &mut Event,
    ids: &mut std::collections::HashSet<CompactString>,
    path: &Path,
    warnings: &mut Vec<Problem>,
) {
    if ids.insert(event.id.clone()) {
        return;
    }
    let base = event.id.clone();
    let mut k = 2;
    while ids.contains(&CompactString::from(format!("{base}-{k}"))) {
        k += 1;
    }
    event.id = CompactString::from(format!("{base}-{k}"));
    ids.insert(event.id.clone());
    warnings.push(Problem::warning(
        path,
        event_place(&base, "unique_id"),
        format!("another slide has this unique_id: this one, \"{}\", is read as \"{}\"", event.title, event.id),
    ));
}

/// Sources that citations name but the file does not hold: recreated from what the citation
/// says of them, without text (their quotes stay unchecked).
pub(crate) fn add_cited_sources(sources: &mut Vec<Source>, cited: &[html::FoundCitation]) {
    for c in cited {
        if c.source.is_empty() || sources.iter().any(|s| *s.id == *c.source) {
            continue;
        }
        sources.push(Source {
            id: c.source.as_str().into(),
            title: c.source_title.clone().unwrap_or_else(|| c.source.clone()),
            url: c.source_url.clone(),
            ..Source::default()
        });
    }
}

/// `text.headline` and `text.text` of a slide, as plain text.
fn slide_text(slide: &Value) -> (Option<String>, Option<String>) {
    let text = slide.get("text");
    let field = |k: &str| text.and_then(|t| t.get(k)).and_then(Value::as_str).map(|h| html::to_text(h).0);
    (field("headline"), field("text"))
}

fn read_event(
    e: &Value,
    n: usize,
    path: &Path,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
    cited: &mut Vec<html::FoundCitation>,
) -> Option<Event> {
    let unique_id = e.get("unique_id").and_then(as_text).filter(|s| !s.trim().is_empty());
    let label = unique_id.clone().unwrap_or_else(|| format!("#{}", n + 1));
    let place = |field: &str| event_place(&label, field);
    if !e.is_object() {
        problems.push(Problem::error(path, place("events"), "an event must be an object"));
        return None;
    }
    // TimelineJS leaves a slide without a start date out and shows the rest; citeline keeps it,
    // undated (see the warning below).
    let undated = e.get("start_date").is_none();
    let when = event_when(e, &place, path, problems, undated);
    if when.is_none() && !undated {
        return None;
    }
    let (headline, body_html) = (
        e.get("text").and_then(|t| t.get("headline")).and_then(Value::as_str),
        e.get("text").and_then(|t| t.get("text")).and_then(Value::as_str),
    );
    let mut title = headline.map(|h| html::to_text(h).0).unwrap_or_default();
    let (summary, citations) = body_html.map(html::to_text).unwrap_or_default();
    let media = e.get("media").and_then(media);
    if title.trim().is_empty() && summary.trim().is_empty() {
        // A slide that is only a tweet or a video: TimelineJS shows it, so citeline opens it,
        // titled by what the media says of itself.
        let Some(m) = &media else {
            problems.push(Problem::error(
                path,
                place("text.headline"),
                "the event has neither headline, text nor media",
            ));
            return None;
        };
        title = media_title(m);
        warnings.push(media_warning(path, place("text.headline"), m, &title));
    }
    let display_date = display_date(e);
    let tags: Box<[Box<str>]> = match e.get("citeline_tags") {
        Some(Value::Array(t)) => t.iter().filter_map(Value::as_str).map(Box::from).collect(),
        _ => Box::new([]),
    };
    let event = Event {
        id: CompactString::from(unique_id.unwrap_or_else(|| format!("event-{}", n + 1))),
        // TimelineJS allows an event with text only; citeline needs a title.
        title: if title.trim().is_empty() { crate::model::fields::first_words(&summary) } else { title }.into(),
        when: when.map(CompactString::from),
        display_date,
        summary: (!summary.is_empty()).then(|| summary.into_boxed_str()),
        tags,
        citations: citations.iter().map(html::FoundCitation::citation).collect(),
        extra: EventExtra::boxed(
            e.get("group").and_then(as_text).filter(|g| !g.trim().is_empty()).map(String::into_boxed_str),
            media,
        ),
    };
    if undated {
        warnings.push(Problem::warning(
            path,
            place("start_date"),
            format!("\"{}\" has no start date: TimelineJS leaves it out; citeline keeps it undated", event.title),
        ));
    }
    cited.extend(citations);
    Some(event)
}

/// An event's date as EDTF from its start and end dates (the start required unless the event
/// is `undated`), or the exact date a citeline export keeps.
fn event_when(
    e: &Value,
    place: &dyn Fn(&str) -> Place,
    path: &Path,
    problems: &mut Vec<Problem>,
    undated: bool,
) -> Option<String> {
    let start = date_field(e.get("start_date"), "start_date", place, path, problems, !undated);
    let end = date_field(e.get("end_date"), "end_date", place, path, problems, false);
    let mut when = match (start, end) {
        (Some(a), Some(b)) if a != b => Some(format!("{a}/{b}")),
        (Some(a), _) => Some(a),
        (None, _) => None,
    };
    // A citeline export keeps the exact EDTF date, qualifiers and all.
    if let Some(w) = e.get("citeline_when").and_then(Value::as_str).filter(|w| Edtf::parse(w).is_ok()) {
        when = Some(w.to_owned());
    }
    when
}

/// A slide's `media` object, when it names a URL; its caption, credit and thumbnail as plain
/// text.
fn media(m: &Value) -> Option<Media> {
    let url = m.get("url").and_then(Value::as_str).filter(|u| !u.trim().is_empty())?;
    let text = |k: &str| m.get(k).and_then(Value::as_str).map(|v| html::to_text(v).0).filter(|v| !v.trim().is_empty());
    Some(Media { url: url.to_owned(), caption: text("caption"), credit: text("credit"), thumbnail: text("thumbnail") })
}

/// The date a slide shows instead of its own: the event's `display_date`, else its start
/// date's, as plain text.
fn display_date(e: &Value) -> Option<Box<str>> {
    e.get("display_date")
        .or_else(|| e.get("start_date").and_then(|d| d.get("display_date")))
        .and_then(Value::as_str)
        .filter(|d| !d.trim().is_empty())
        .map(|d| html::to_text(d).0.into_boxed_str())
}

/// The title of a slide that is only media: its caption, else its credit, else "Untitled (media)".
pub(crate) fn media_title(m: &Media) -> String {
    let said = m.caption.as_deref().or(m.credit.as_deref()).filter(|t| !t.trim().is_empty());
    said.map_or_else(|| "Untitled (media)".to_owned(), crate::model::fields::first_words)
}

/// What the reader says of a slide it titled from its media.
pub(crate) fn media_warning(path: &Path, place: Place, m: &Media, title: &str) -> Problem {
    Problem::warning(path, place, format!("the slide has only media ({}): titled \"{title}\"", m.url))
}

/// A string, or a number written as one (TimelineJS files have both).
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A whole number from a number or a numeric string; `Ok(None)` when absent or empty.
fn part(d: &Map<String, Value>, key: &str) -> Result<Option<i64>, String> {
    let Some(v) = d.get(key) else { return Ok(None) };
    let parsed = match v {
        Value::Null => return Ok(None),
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 1e15).map(|f| {
                #[allow(clippy::cast_possible_truncation)] // checked whole and small above
                let i = f as i64;
                i
            })
        }),
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s.trim().trim_start_matches('+').parse::<i64>().ok(),
        _ => None,
    };
    parsed.map(Some).ok_or_else(|| format!("`{key}` must be a whole number, not {v}"))
}

/// Reads a TimelineJS date object as EDTF, reporting problems under `field`.
fn date_field(
    v: Option<&Value>,
    field: &str,
    place: &dyn Fn(&str) -> Place,
    path: &Path,
    problems: &mut Vec<Problem>,
    required: bool,
) -> Option<String> {
    let Some(d) = v.and_then(Value::as_object) else {
        if required {
            let msg = if v.is_some() { "must be an object such as {\"year\": 2013}" } else { "is missing" };
            problems.push(Problem::error(path, place(field), format!("the date {msg}")));
        }
        return None;
    };
    let mut bad = false;
    let mut get = |key: &str| match part(d, key) {
        Ok(v) => v,
        Err(msg) => {
            problems.push(Problem::error(path, place(&format!("{field}.{key}")), msg));
            bad = true;
            None
        }
    };
    let year = get("year");
    let small = |v: Option<i64>| v.and_then(|x| u8::try_from(x).ok().or(Some(u8::MAX)));
    let date = TjsDate {
        year: year.unwrap_or(0),
        month: small(get("month")),
        day: small(get("day")),
        hour: small(get("hour")),
        minute: small(get("minute")),
        second: small(get("second")),
    };
    let _ = get("millisecond");
    if bad {
        return None;
    }
    if year.is_none() {
        problems.push(Problem::error(path, place(&format!("{field}.year")), "the year is missing"));
        return None;
    }
    match date.to_edtf() {
        Ok(s) => Some(s),
        Err((part, msg)) => {
            problems.push(Problem::error(path, place(&format!("{field}.{part}")), msg));
            None
        }
    }
}
