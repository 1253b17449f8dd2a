//! What a published page holds: the events the filter shows, in date order, with their lanes,
//! and each citation's quote, pin cite, verification and the paragraph it stands in. The page's
//! script reads this as JSON and nothing else.
//!
//! A leaked draft should not publish whole documents: by default a source is represented only
//! by the paragraphs its shown citations quote ([`context`]); its whole text goes in only when
//! asked for (`full_sources`).

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::layout::lanes;
use crate::model::{Document, Span, Verification};

/// A quote's context: at most this many bytes of its paragraph on each side, cut at a word (a
/// paragraph of news prose is whole at this length; a page of 10,000 citations stays near 7 MB).
pub(crate) const CONTEXT_BYTES: usize = 280;

#[derive(Debug, Serialize)]
pub struct Page {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The timeline's language (BCP 47), told from its titles; empty when unknown.
    pub lang: String,
    pub groups: Vec<String>,
    /// The lanes from top to bottom: each a group's (`g`) lane, or its header row (`h`).
    pub rows: Vec<RowOut>,
    pub eras: Vec<EraOut>,
    pub sources: Vec<SourceOut>,
    /// Dated events by start (the longer first when two start together), then undated ones in
    /// the file's order.
    pub events: Vec<EventOut>,
}

#[derive(Debug, Serialize)]
pub struct RowOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub g: Option<u32>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub h: bool,
}

#[derive(Debug, Serialize)]
pub struct EraOut {
    pub title: String,
    pub s: f64,
    pub e: f64,
}

#[derive(Debug, Serialize)]
pub struct SourceOut {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// Only an `http:` or `https:` address: a page never links anything else from its data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The whole text, with `full_sources` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct EventOut {
    pub id: String,
    pub title: String,
    /// The date in words ("August 2013"), or "undated".
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Start and end (exclusive) in days from 1970-01-01; absent for an undated event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub e: Option<f64>,
    /// What the date's mark says: `d` a single day, `a` approximate, `u` uncertain, `<` an
    /// open start, `>` an open end.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub k: String,
    /// The lane (index into `rows`); absent for an undated event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lane: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<CiteOut>,
}

#[derive(Debug, Serialize)]
pub struct CiteOut {
    /// Index into `sources`.
    pub src: usize,
    pub quote: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pin: Option<String>,
    /// `verified`, `normalized`, `not-found` or `unchecked`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The quote in its paragraph: the words before it, the source's own words quoted, and
    /// the words after it (with "…" where the paragraph was cut). Absent when the quote was
    /// not found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ctx: Option<[String; 3]>,
    /// Where the quote stands in the source's `text`, in UTF-16 code units (as JavaScript
    /// counts), with `full_sources` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<[usize; 2]>,
}

/// The status as the page's script and styles name it.
pub(crate) fn status_code(status: Verification) -> &'static str {
    match status {
        Verification::Verified => "verified",
        Verification::Normalized => "normalized",
        Verification::NotFound => "not-found",
        Verification::Unchecked => "unchecked",
    }
}

/// The page's data for the events `visible` lets through (all when `None`).
pub fn page(doc: &Document, title: &str, visible: Option<&[bool]>, full_sources: bool) -> Page {
    let shown = |i: usize| visible.is_none_or(|v| v.get(i).copied().unwrap_or(false));
    let spans: Vec<Option<Span>> =
        doc.spans().iter().enumerate().map(|(i, s)| if shown(i) { *s } else { None }).collect();
    let events = doc.events();
    // Groups are numbered among the events shown, so a filtered page has no empty bands.
    let mut groups: Vec<String> = Vec::new();
    let mut group_index: HashMap<&str, u32> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if let Some(g) = e.group()
            && shown(i)
            && !group_index.contains_key(g)
        {
            group_index.insert(g, u32::try_from(groups.len()).unwrap_or(u32::MAX));
            groups.push(g.to_owned());
        }
    }
    let laid = lanes::assign_grouped(&spans, &|i| events[i].title.chars().count(), &|i| {
        events[i].group().and_then(|g| group_index.get(g).copied())
    });
    let rows =
        laid.lanes.iter().map(|l| RowOut { g: l.group.filter(|&g| g != lanes::NO_GROUP), h: l.is_header }).collect();
    let extent = laid.extent;
    let eras = doc
        .eras()
        .filter(|(_, s)| extent.is_none_or(|(a, b)| s.end > a && s.start < b))
        .map(|(era, s)| EraOut { title: era.title.clone(), s: s.start, e: s.end })
        .collect();

    let mut sources = Sources { doc, full: full_sources, index: HashMap::new(), out: Vec::new() };
    let undated = (0..events.len()).filter(|&i| shown(i) && spans[i].is_none());
    let order = laid.chronological.iter().map(|&i| i as usize).chain(undated);
    let events_out = order.map(|i| event_out(doc, i, spans[i], laid.lane_of[i], &mut sources)).collect();

    Page {
        title: title.to_owned(),
        description: doc.timeline().description.clone().filter(|d| !d.trim().is_empty()),
        lang: crate::model::language::timeline_language(doc.timeline()).unwrap_or_default().to_owned(),
        groups,
        rows,
        eras,
        sources: sources.out,
        events: events_out,
    }
}

/// The sources the page cites, each once, in the order first cited.
struct Sources<'a> {
    doc: &'a Document,
    full: bool,
    index: HashMap<&'a str, usize>,
    out: Vec<SourceOut>,
}

impl<'a> Sources<'a> {
    fn index_of(&mut self, id: &'a str) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let (title, publisher, language, url, published, text) = match self.doc.source(id) {
            Some((s, text)) => (
                s.title.trim().to_owned(),
                s.publisher.clone(),
                s.language.clone(),
                s.url.as_deref().filter(|u| crate::formats::is_web_address(u)).map(str::to_owned),
                s.published.clone(),
                (self.full && !text.is_empty()).then(|| text.to_owned()),
            ),
            None => Default::default(),
        };
        let title = if title.is_empty() { id.to_owned() } else { title };
        self.out.push(SourceOut { id: id.to_owned(), title, publisher, language, url, published, text });
        self.index.insert(id, self.out.len() - 1);
        self.out.len() - 1
    }
}

fn event_out<'a>(doc: &'a Document, i: usize, span: Option<Span>, lane: u32, sources: &mut Sources<'a>) -> EventOut {
    let e = &doc.events()[i];
    let mut k = String::new();
    if let Some(s) = span {
        for (on, c) in
            [(s.is_day, 'd'), (s.approximate, 'a'), (s.uncertain, 'u'), (s.open_start, '<'), (s.open_end, '>')]
        {
            if on {
                k.push(c);
            }
        }
    }
    let checks = doc.checks(i);
    let cites = e
        .citations
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let src = sources.index_of(&c.source);
            let status = checks.get(ci).map_or(Verification::Unchecked, |check| check.status);
            let range = checks.get(ci).and_then(crate::model::verify::CitationCheck::span);
            let text = doc.source(&c.source).map(|(_, t)| t).unwrap_or_default();
            let ctx = range.clone().filter(|r| text.get(r.clone()).is_some()).map(|r| context(text, r));
            let at = range
                .filter(|r| sources.full && text.get(r.clone()).is_some())
                .map(|r| [utf16_len(&text[..r.start]), utf16_len(&text[..r.end])]);
            CiteOut {
                src,
                quote: c.quote.to_string(),
                pin: doc.pin_cite(i, ci),
                status: status_code(status),
                note: c.note.as_deref().map(str::to_owned),
                ctx,
                at,
            }
        })
        .collect();
    EventOut {
        id: e.id.to_string(),
        title: e.title.to_string(),
        date: doc.date_label(i),
        when: e.when.as_deref().map(str::to_owned),
        s: span.map(|s| s.start),
        e: span.map(|s| s.end),
        k,
        lane: span.and(Some(lane)).filter(|&l| l != u32::MAX),
        group: e.group().map(str::to_owned),
        tags: e.tags.iter().map(ToString::to_string).collect(),
        summary: e.summary.as_deref().map(str::to_owned).filter(|s| !s.trim().is_empty()),
        cites,
    }
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// The paragraph around the bytes `range` of `text` (a line of the text: citeline keeps a
/// paragraph a line), as the words before, the quoted words and the words after; a long
/// paragraph is cut [`CONTEXT_BYTES`] either side of the quote at a word, with "…".
pub fn context(text: &str, range: Range<usize>) -> [String; 3] {
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[range.end..].find('\n').map_or(text.len(), |i| range.end + i);
    let mut before = &text[start..range.start];
    let mut after = &text[range.end..end];
    let mut lead = "";
    let mut tail = "";
    if before.len() > CONTEXT_BYTES {
        let from = before.ceil_char_boundary(before.len() - CONTEXT_BYTES);
        let cut = &before[from..];
        before = cut.find(char::is_whitespace).map_or(cut, |i| cut[i..].trim_start());
        lead = "…";
    }
    if after.len() > CONTEXT_BYTES {
        let cut = &after[..after.floor_char_boundary(CONTEXT_BYTES)];
        after = cut.rfind(char::is_whitespace).map_or(cut, |i| cut[..i].trim_end());
        tail = "…";
    }
    [format!("{lead}{before}"), text[range].to_owned(), format!("{after}{tail}")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_the_quotes_line() {
        let text = "Title\n\nFirst paragraph. The quote stands here, and more.\nNext paragraph.";
        let at = text.find("The quote").unwrap_or_default();
        let c = context(text, at..at + "The quote stands here".len());
        assert_eq!(c, ["First paragraph. ".to_owned(), "The quote stands here".to_owned(), ", and more.".to_owned()]);
    }

    #[test]
    fn a_long_paragraph_is_cut_at_words_on_both_sides() {
        let words = "palabra ñandú ".repeat(200);
        let text = format!("{words}QUOTE{words}");
        let at = words.len();
        let [before, quote, after] = context(&text, at..at + 5);
        assert_eq!(quote, "QUOTE");
        assert!(before.starts_with('…') && before.len() <= CONTEXT_BYTES + 4, "{before}");
        assert!(before[3..].starts_with("palabra") || before[3..].starts_with("ñandú"), "{before}");
        assert!(after.ends_with('…') && after.len() <= CONTEXT_BYTES + 4, "{after}");
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert!(crate::formats::is_web_address("https://example.org/a"));
        assert!(crate::formats::is_web_address("HTTP://example.org"));
        assert!(!crate::formats::is_web_address("javascript:alert(1)"));
        assert!(!crate::formats::is_web_address(" data:text/html,<script>"));
        assert!(!crate::formats::is_web_address("https://exa\nmple.org"));
    }
}
