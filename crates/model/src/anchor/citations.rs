//! A document's citations re-anchored in their sources' texts: which changed, the edits that take
//! the outcomes and record a source's new hash, and the anchors an older file gains on save.

use super::{Outcome, Reanchored, anchor_in, reanchor, review};
use crate::document::Document;
use crate::edit::Edit;
use crate::sources::sha256_hex;
use crate::timeline::{Citation, Source};
use crate::verify::FoldedText;

/// One citation of a source re-anchored in the source's text as the document has it now.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The event's index, and the citation's in it.
    pub event: usize,
    pub citation: usize,
    pub result: Reanchored,
}

/// Whether the text of source `index` is no longer the one its hash recorded.
pub fn text_changed(doc: &Document, index: usize) -> bool {
    let Some(s) = doc.timeline().sources.get(index) else { return false };
    let Some((_, text)) = doc.source(&s.id) else { return false };
    s.text_sha256.as_deref().is_some_and(|want| sha256_hex(text.as_bytes()) != want)
}

/// Every citation of source `id`, re-anchored in its text.
pub fn reanchor_source(doc: &Document, id: &str) -> Vec<Found> {
    match (doc.source_folded(id), doc.source(id)) {
        (Some(folded), _) => reanchor_in(doc, id, folded),
        (None, Some((_, text))) => reanchor_in(doc, id, &FoldedText::new(text)),
        (None, None) => Vec::new(),
    }
}

/// Every citation of source `id`, re-anchored in `folded`, a text of that source (its new
/// version read from a changed original, before it is taken).
pub fn reanchor_in(doc: &Document, id: &str, folded: &FoldedText) -> Vec<Found> {
    let mut found = Vec::new();
    for (ei, e) in doc.events().iter().enumerate() {
        for (ci, c) in e.citations.iter().enumerate().filter(|(_, c)| &*c.source == id) {
            let result = reanchor(c.anchor.as_deref(), &c.quote, folded);
            found.push(Found { event: ei, citation: ci, result });
        }
    }
    found
}

/// The timeline as it is to be saved, when some of its citations have no anchor yet (files
/// made before anchors were kept): each such quote gains one where it stands once in its
/// source's text, if that text is still the one its hash recorded. A quote standing several
/// times gets none, since nothing says which place was meant. `None` when nothing is added.
pub fn with_anchors(doc: &Document) -> Option<crate::Timeline> {
    if doc.events().iter().all(|e| e.citations.iter().all(|c| c.anchor.is_some())) {
        // Nothing to add: no source's text is hashed on this save.
        return None;
    }
    let mut timeline: Option<crate::Timeline> = None;
    let unchanged: Vec<bool> = (0..doc.timeline().sources.len()).map(|i| !text_changed(doc, i)).collect();
    for (ei, e) in doc.events().iter().enumerate() {
        for (ci, c) in e.citations.iter().enumerate() {
            if c.anchor.is_some() {
                continue;
            }
            let Some(si) = doc.timeline().sources.iter().position(|s| *s.id == *c.source) else { continue };
            let (Some(true), Some((source, text)), Some(folded)) =
                (unchanged.get(si), doc.source(&c.source), doc.source_folded(&c.source))
            else {
                continue;
            };
            let found = reanchor(None, &c.quote, folded);
            let Some(range) = found.range.filter(|_| found.outcome == Outcome::Kept) else { continue };
            let t = timeline.get_or_insert_with(|| doc.timeline().clone());
            t.events[ei].citations[ci].anchor = Some(Box::new(anchor_in(source, text, range)));
        }
    }
    timeline
}

/// Which outcomes to take.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accept {
    pub moved: bool,
    pub changed: bool,
}

/// The edits that take the outcomes `accept` allows (a kept quote always takes its new
/// context), recording the source's new hash when nothing of it is left pending; with how many
/// citations are left pending (orphans, and what was not accepted, but not the old quotes the
/// user kept in this text knowing they are not there).
pub fn accept_edits(doc: &Document, id: &str, found: &[Found], accept: Accept) -> (Vec<Edit>, usize) {
    let Some((source, text)) = doc.source(id) else { return (Vec::new(), 0) };
    let hash = sha256_hex(text.as_bytes());
    let mut edits = Vec::new();
    let mut pending = 0;
    for f in found {
        let Some(c) = doc.events().get(f.event).and_then(|e| e.citations.get(f.citation)) else { continue };
        if f.result.outcome != Outcome::Kept && review::settled(c, &hash) {
            // Kept as it was, not found, in this very text: answered already.
            continue;
        }
        let take = match f.result.outcome {
            Outcome::Kept => true,
            Outcome::Moved => accept.moved,
            Outcome::Changed => accept.changed,
            Outcome::Orphan => false,
        };
        let Some(range) = f.result.range.clone().filter(|_| take) else {
            pending += 1;
            continue;
        };
        let anchor = anchor_in(source, text, range.clone());
        let mut citation = Citation { anchor: Some(Box::new(anchor)), ..c.clone() };
        if f.result.outcome == Outcome::Changed {
            let mut history = citation.history.into_vec();
            history.push(citation.quote.clone());
            citation.history = history.into_boxed_slice();
            citation.quote = text[range].into();
        }
        if citation != *c {
            edits.push(Edit::UpdateCitation { event: f.event, index: f.citation, citation });
        }
    }
    if pending == 0
        && source.text_sha256.as_deref() != Some(hash.as_str())
        && let Some(index) = doc.timeline().sources.iter().position(|s| &*s.id == id)
    {
        edits.push(Edit::UpdateSource { index, source: Source { text_sha256: Some(hash), ..source.clone() } });
    }
    (edits, pending)
}
