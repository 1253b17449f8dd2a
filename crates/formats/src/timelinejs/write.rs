//! TimelineJS3 JSON written: each dated event a slide, its citations as marked quotations in
//! its text, what TimelineJS has no field for in `citeline_*` fields.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use crate::html;
use crate::model::Document;
use crate::tjs_date::{TjsDate, from_edtf};

fn date_json(d: TjsDate) -> Value {
    let mut m = Map::new();
    m.insert("year".into(), json!(d.year));
    for (k, v) in [("month", d.month), ("day", d.day), ("hour", d.hour), ("minute", d.minute), ("second", d.second)] {
        if let Some(v) = v {
            m.insert(k.into(), json!(v));
        }
    }
    Value::Object(m)
}

/// An event's text for TimelineJS: the summary, then each citation as a quotation with its
/// source, marked so that citeline can read it back.
pub(crate) fn event_html(doc: &Document, index: usize) -> String {
    let Some(e) = doc.events().get(index) else { return String::new() };
    let mut out = e.summary.as_deref().map(html::from_text).unwrap_or_default();
    for (ci, c) in e.citations.iter().enumerate() {
        let source = doc.source(&c.source).map(|(s, _)| s);
        let title = source.map_or(c.source.as_str(), |s| s.title.as_str());
        let url = source.and_then(|s| s.url.as_deref());
        let _ = write!(
            out,
            "<blockquote data-citeline-source=\"{}\" data-citeline-title=\"{}\"",
            html::escape(&c.source),
            html::escape(title)
        );
        if let Some(u) = url {
            let _ = write!(out, " data-citeline-url=\"{}\"", html::escape(u));
        }
        if let Some(n) = &c.note {
            let _ = write!(out, " data-citeline-note=\"{}\"", html::escape(n));
        }
        let _ = write!(out, ">{}</blockquote>", html::escape(&c.quote));
        let cite = match url {
            Some(u) => format!("<a href=\"{}\">{}</a>", html::escape(u), html::escape(title)),
            None => html::escape(title),
        };
        // The page goes after the link, outside the title the reader takes back.
        let pages = doc.pin_cite(index, ci).map(|p| format!(", {p}")).unwrap_or_default();
        let _ = write!(out, "<p class=\"citeline-cite\">— {cite}{}</p>", html::escape(&pages));
    }
    out
}

/// Events TimelineJS cannot show (it needs a date), by id.
pub(crate) fn undated_ids(doc: &Document) -> Vec<String> {
    doc.events().iter().enumerate().filter(|(i, _)| doc.span(*i).is_none()).map(|(_, e)| e.id.to_string()).collect()
}

/// The timeline as TimelineJS3 JSON. Undated events are left out (TimelineJS needs a date):
/// [`undated_ids`] says which.
pub fn write(doc: &Document) -> String {
    let t = doc.timeline();
    let mut events = Vec::new();
    for (i, e) in t.events.iter().enumerate() {
        let Some(span) = e.when.as_deref().filter(|_| doc.span(i).is_some()).and_then(from_edtf) else { continue };
        let mut ev = Map::new();
        ev.insert("unique_id".into(), json!(e.id.as_str()));
        ev.insert("start_date".into(), date_json(span.start));
        if let Some(end) = span.end {
            ev.insert("end_date".into(), date_json(end));
        }
        if let Some(d) = e.display_date.as_deref().map(str::to_owned).or(span.display) {
            ev.insert("display_date".into(), json!(d));
        }
        ev.insert("text".into(), json!({ "headline": html::escape(&e.title), "text": event_html(doc, i) }));
        if let Some(g) = e.group() {
            ev.insert("group".into(), json!(g));
        }
        if let Some(m) = e.media() {
            ev.insert("media".into(), serde_json::to_value(m).unwrap_or(Value::Null));
        }
        ev.insert("citeline_when".into(), json!(e.when.as_deref()));
        if !e.tags.is_empty() {
            ev.insert("citeline_tags".into(), json!(e.tags));
        }
        events.push(Value::Object(ev));
    }
    let eras: Vec<Value> = t
        .eras
        .iter()
        .filter_map(|era| {
            let span = from_edtf(&era.when)?;
            Some(json!({
                "start_date": date_json(span.start),
                "end_date": date_json(span.end.unwrap_or(span.start)),
                "text": { "headline": html::escape(&era.title) },
            }))
        })
        .collect();
    let mut root = Map::new();
    let mut title_text = Map::new();
    title_text.insert("headline".into(), json!(html::escape(&t.title)));
    if let Some(d) = &t.description {
        title_text.insert("text".into(), json!(html::from_text(d)));
    }
    root.insert("title".into(), json!({ "text": title_text }));
    root.insert("events".into(), Value::Array(events));
    if !eras.is_empty() {
        root.insert("eras".into(), Value::Array(eras));
    }
    root.insert("citeline_sources".into(), serde_json::to_value(&t.sources).unwrap_or(Value::Null));
    serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default() + "\n"
}
