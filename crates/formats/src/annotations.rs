//! Citations as W3C Web Annotations (JSON-LD), so that they can be exchanged with tools that
//! annotate the web (Hypothesis and the like).
//!
//! Each citation is one `Annotation` whose target is its source (the source's web address, or a
//! `urn:citeline:source:` name for one without), with a `TextQuoteSelector` (the exact words,
//! with the 32 characters before and after them), a `TextPositionSelector` (in characters, as
//! the model counts them) and, for a PDF, a `FragmentSelector` naming the page (RFC 3778). The
//! body says what the citation supports: the event's title (`describing`), its note
//! (`commenting`) and its tags (`tagging`). All of them are gathered in one
//! `AnnotationCollection`, named after the timeline.
//!
//! The event and the source ride along in a `citeline` member that JSON-LD processors ignore,
//! so that citeline → annotations → citeline keeps each event's date, summary and group and
//! each source's title and publisher. Annotations written by another tool become one event
//! each, undated; source texts are never in the file, so their quotes read back *not checked*.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use compact_str::CompactString;
use serde_json::{Value, json};

use super::Codec;
use crate::model::anchor::{Anchor, anchor_of};
use crate::model::timeline::EventFields;
use crate::model::{Citation, Document, OriginalKind, Place, Problem, Source, Timeline};

pub(crate) const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The scheme of a source's name when it has no web address.
const SOURCE_URN: &str = "urn:citeline:source:";

pub struct WebAnnotations;

impl Codec for WebAnnotations {
    fn read(&self, bytes: &[u8], path: &Path) -> Result<Timeline, Vec<Problem>> {
        read(bytes, path)
    }

    fn write(&self, doc: &Document) -> String {
        to_text(&collection(doc, None))
    }
}

/// A collection as the file holds it.
pub fn to_text(collection: &Value) -> String {
    let mut text = serde_json::to_string_pretty(collection).unwrap_or_default();
    text.push('\n');
    text
}

/// Whether a file's first bytes look like Web Annotations.
pub(crate) fn looks_like(head: &str) -> bool {
    head.contains("\"@context\"") && (head.contains("anno.jsonld") || head.contains("TextQuoteSelector"))
}

/// The citations of the events `visible` lets through (all when `None`), as one collection.
pub fn collection(doc: &Document, visible: Option<&[bool]>) -> Value {
    let mut items = Vec::new();
    for (i, e) in doc.events().iter().enumerate() {
        if visible.is_some_and(|v| !v.get(i).copied().unwrap_or(false)) {
            continue;
        }
        for (ci, c) in e.citations.iter().enumerate() {
            items.push(annotation(doc, i, ci, c));
        }
    }
    json!({
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": doc.timeline().title,
        "total": items.len(),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": items },
    })
}

/// `text` with every byte but the unreserved ones percent-encoded, for a name inside a URN.
fn percent_encoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The IRI a source is annotated by: its web address, else a name of its own.
fn source_iri(source: &Source) -> String {
    match source.url.as_deref() {
        Some(u) if super::is_web_address(u) => u.trim().to_owned(),
        _ => format!("{SOURCE_URN}{}", percent_encoded(&source.id)),
    }
}

fn annotation(doc: &Document, event: usize, ci: usize, c: &Citation) -> Value {
    let e = &doc.events()[event];
    let mut quote = json!({ "type": "TextQuoteSelector", "exact": c.quote });
    let mut selectors = Vec::new();
    let source = doc.source(&c.source);
    let range = doc.checks(event).get(ci).and_then(crate::model::verify::CitationCheck::span);
    let mut bytes = None;
    if let (Some((s, text)), Some(r)) = (source, range.clone())
        && text.get(r.clone()).is_some()
    {
        let anchor = anchor_of(text, r.clone());
        quote["prefix"] = json!(anchor.prefix);
        quote["suffix"] = json!(anchor.suffix);
        let start = text[..r.start].chars().count();
        let end = start + text[r.clone()].chars().count();
        selectors.push(json!({ "type": "TextPositionSelector", "start": start, "end": end }));
        if s.original.as_ref().is_some_and(|o| o.kind == OriginalKind::Pdf) && !s.pages.is_empty() {
            let page = crate::model::document::page_at(s, r.start);
            selectors.push(json!({
                "type": "FragmentSelector",
                "conformsTo": "http://tools.ietf.org/rfc/rfc3778",
                "value": format!("page={page}"),
            }));
        }
        bytes = Some([r.start, r.end]);
    } else if let Some(a) = &c.anchor {
        quote["prefix"] = json!(a.prefix);
        quote["suffix"] = json!(a.suffix);
    }
    selectors.insert(0, quote);
    let mut body =
        vec![json!({ "type": "TextualBody", "purpose": "describing", "value": e.title, "format": "text/plain" })];
    if let Some(note) = &c.note {
        body.push(json!({ "type": "TextualBody", "purpose": "commenting", "value": note, "format": "text/plain" }));
    }
    for tag in &e.tags {
        body.push(json!({ "type": "TextualBody", "purpose": "tagging", "value": tag }));
    }
    let source_meta = source.map(|(s, _)| {
        let mut s = s.clone();
        s.text = None;
        s.file = None;
        s.text_sha256 = None;
        s.original = None;
        s.pages = Vec::new();
        s.lines = Vec::new();
        s.moved = Vec::new();
        s.ocr = None;
        s
    });
    let mut fields = EventFields::from(e.clone());
    fields.citations = Box::default();
    let mut extension = json!({ "event": fields, "citation": ci });
    if let Some(s) = source_meta {
        extension["source"] = serde_json::to_value(s).unwrap_or_default();
    }
    if let Some(b) = bytes {
        extension["bytes"] = json!(b);
    }
    let target_source =
        source.map_or_else(|| format!("{SOURCE_URN}{}", percent_encoded(&c.source)), |(s, _)| source_iri(s));
    json!({
        "id": format!("urn:citeline:event:{}:citation:{ci}", percent_encoded(&e.id)),
        "type": "Annotation",
        "motivation": "describing",
        "body": body,
        "target": { "source": target_source, "selector": selectors },
        "citeline": extension,
    })
}

/// One value or an array of them, as JSON-LD allows for most members.
fn each(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        Value::Null => Vec::new(),
        v => vec![v],
    }
}

/// The annotations of a collection, a page, an array or one annotation.
fn annotations_of(root: &Value) -> Vec<&Value> {
    if let Value::Array(a) = root {
        return a.iter().flat_map(annotations_of).collect();
    }
    let kind = root["type"].as_str().unwrap_or_default();
    match kind {
        "AnnotationCollection" => annotations_of(&root["first"]),
        "AnnotationPage" => each(&root["items"]),
        _ if root.get("items").is_some() => each(&root["items"]),
        _ => vec![root],
    }
}

fn read(bytes: &[u8], path: &Path) -> Result<Timeline, Vec<Problem>> {
    let root: Value = serde_json::from_slice(bytes).map_err(|e| {
        vec![Problem::error(path, Place::Position { line: e.line(), column: e.column() }, e.to_string())]
    })?;
    let title = root["label"]
        .as_str()
        .map_or_else(|| path.file_stem().map_or_else(String::new, |n| n.to_string_lossy().into_owned()), str::to_owned);
    let mut reader = Reader { timeline: Timeline { title, ..Timeline::default() }, ..Reader::default() };
    let mut problems = Vec::new();
    for (n, a) in annotations_of(&root).into_iter().enumerate() {
        if let Err(why) = reader.add(a, n + 1) {
            problems.push(Problem::warning(path, Place::Row { row: n + 1, field: "target".into() }, why));
        }
    }
    let Reader { mut timeline, events, .. } = reader;
    timeline.events = events.into_iter().map(Into::into).collect();
    timeline.read_warnings = problems;
    Ok(timeline)
}

/// A timeline gathered from annotations: sources by IRI, events by citeline's id.
#[derive(Default)]
struct Reader {
    timeline: Timeline,
    sources: HashMap<String, usize>,
    event_index: HashMap<String, usize>,
    events: Vec<EventFields>,
}

impl Reader {
    /// Adds annotation number `row` (from 1) as a citation, or says why it is left out.
    fn add(&mut self, a: &Value, row: usize) -> Result<(), &'static str> {
        let target = each(&a["target"]).into_iter().next().unwrap_or(&Value::Null);
        let (iri, selectors) = match target {
            Value::String(s) => (s.as_str(), Vec::new()),
            t => (t["source"].as_str().unwrap_or_default(), each(&t["selector"])),
        };
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .ok_or("no TextQuoteSelector: the annotation quotes nothing and is left out")?;
        let exact = quote["exact"].as_str().unwrap_or_default();
        if exact.trim().is_empty() || iri.is_empty() {
            return Err("no quote or no source: the annotation is left out");
        }
        let ext = &a["citeline"];
        let si = self.source(iri, &ext["source"]);
        let bodies = each(&a["body"]);
        let body_of = |purpose: &'static str| {
            bodies.iter().filter(move |b| b["purpose"] == purpose).filter_map(|b| b["value"].as_str())
        };
        let anchor = match (quote["prefix"].as_str(), quote["suffix"].as_str(), ext["bytes"].as_array()) {
            (prefix, suffix, Some(b)) if b.len() == 2 => Some(Box::new(Anchor {
                prefix: prefix.unwrap_or_default().into(),
                suffix: suffix.unwrap_or_default().into(),
                start: b[0].as_u64().and_then(|v| u32::try_from(v).ok()).unwrap_or(0),
                end: b[1].as_u64().and_then(|v| u32::try_from(v).ok()).unwrap_or(0),
                page: None,
                not_found_in: None,
            })),
            _ => None,
        };
        let citation = Citation {
            source: CompactString::from(&*self.timeline.sources[si].id),
            quote: exact.into(),
            note: body_of("commenting").next().map(Into::into),
            anchor,
            history: Box::default(),
        };
        // The event: citeline's own, gathered by id, else one per annotation.
        let ext_event: Option<EventFields> = serde_json::from_value(ext["event"].clone()).ok();
        let key = ext_event.as_ref().map_or_else(|| format!("annotation-{row}"), |e| e.id.to_string());
        let ei = if let Some(&i) = self.event_index.get(&key) {
            i
        } else {
            let mut e = ext_event.unwrap_or_default();
            if e.id.is_empty() {
                e.id = key.clone().into();
            }
            if e.title.is_empty() {
                let title = body_of("describing")
                    .next()
                    .map_or_else(|| crate::model::title::short_title(exact, None), str::to_owned);
                e.title = title.into();
            }
            if e.tags.is_empty() {
                e.tags = body_of("tagging").map(Into::into).collect();
            }
            e.citations = Box::default();
            self.events.push(e);
            self.event_index.insert(key, self.events.len() - 1);
            self.events.len() - 1
        };
        let mut cites = std::mem::take(&mut self.events[ei].citations).into_vec();
        cites.push(citation);
        self.events[ei].citations = cites.into_boxed_slice();
        Ok(())
    }

    /// The source annotated as `iri`, once per IRI; `meta` is what citeline wrote of it.
    fn source(&mut self, iri: &str, meta: &Value) -> usize {
        if let Some(&i) = self.sources.get(iri) {
            return i;
        }
        let mut s: Source = serde_json::from_value(meta.clone()).unwrap_or_default();
        if s.id.is_empty() {
            let id =
                iri.strip_prefix(SOURCE_URN).map_or_else(|| source_id_from(iri, self.sources.len()), percent_decoded);
            s.id = id.into();
        }
        if s.title.is_empty() {
            iri.clone_into(&mut s.title);
        }
        if s.url.is_none() && super::is_web_address(iri) {
            s.url = Some(iri.to_owned());
        }
        self.timeline.sources.push(s);
        self.sources.insert(iri.to_owned(), self.timeline.sources.len() - 1);
        self.timeline.sources.len() - 1
    }
}

/// A source id from an IRI: its last path segment's letters and digits, else `source-N`.
fn source_id_from(iri: &str, n: usize) -> String {
    let last = iri.trim_end_matches('/').rsplit(['/', ':', '#', '?']).next().unwrap_or_default();
    let id: String = last.chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '-' }).collect();
    let id = id.trim_matches('-');
    if id.is_empty() { format!("source-{}", n + 1) } else { format!("{id}-{}", n + 1) }
}
