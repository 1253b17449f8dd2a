//! The answers of the Changed sources review, each one undoable edit: the words found accepted
//! (a quote that moved, or reworded words taken as the new quote), the old quote kept though
//! its words are no longer in the source ("Keep Old Quote"), or its words chosen by hand in the
//! new text. The answer that leaves none of a source's citations waiting also records the
//! source's new text as its own, so that it no longer counts as changed.

use std::ops::Range;

use super::{Accept, Found, Outcome, accept_edits, anchor_in};
use crate::document::Document;
use crate::edit::Edit;
use crate::sources::sha256_hex;
use crate::timeline::{Citation, Source};

/// What the user answered for one citation of a changed source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The words found: the quote's new place, and for reworded words the new words.
    Accept,
    /// The quote as it was, not found in this version of the source.
    KeepOld,
    /// These bytes of the new text, chosen by hand.
    Place(Range<usize>),
}

/// Whether citation `c` was kept as it was, not found, in the text whose hash is `hash`.
pub fn settled(c: &Citation, hash: &str) -> bool {
    c.anchor.as_ref().and_then(|a| a.not_found_in.as_deref()) == Some(hash)
}

/// Whether the citation `found` re-anchored still waits for an answer in the text whose hash is
/// `hash`: it did not stay in its place, and was not kept as it was.
pub fn waits(doc: &Document, found: &Found, hash: &str) -> bool {
    let settled =
        doc.events().get(found.event).and_then(|e| e.citations.get(found.citation)).is_some_and(|c| settled(c, hash));
    found.result.outcome != Outcome::Kept && !settled
}

/// The edit that answers `answer` for `found[at]`, a citation of source `id` re-anchored in its
/// text as the document has it; when it leaves no other citation of the source waiting, the
/// same edit refreshes the anchors of those kept in place and records the new text's hash.
/// `None` when the answer cannot be taken (nothing found to accept, a place outside the text).
pub fn answer_edit(doc: &Document, id: &str, found: &[Found], at: usize, answer: &Answer) -> Option<Edit> {
    let (source, text) = doc.source(id)?;
    let f = found.get(at)?;
    let c = doc.events().get(f.event)?.citations.get(f.citation)?;
    let citation = match answer {
        Answer::Accept => {
            let range = f.result.range.clone()?;
            placed(c, source, text, range, f.result.outcome == Outcome::Changed)?
        }
        Answer::Place(range) => placed(c, source, text, range.clone(), true)?,
        Answer::KeepOld => {
            let mut anchor = c.anchor.as_deref().cloned().unwrap_or_default();
            anchor.not_found_in = Some(sha256_hex(text.as_bytes()).into());
            Citation { anchor: Some(Box::new(anchor)), ..c.clone() }
        }
    };
    let mut edits = vec![Edit::UpdateCitation { event: f.event, index: f.citation, citation }];
    let others: Vec<Found> = found.iter().enumerate().filter(|&(i, _)| i != at).map(|(_, f)| f.clone()).collect();
    let (rest, waiting) = accept_edits(doc, id, &others, Accept::default());
    if waiting == 0 {
        edits.extend(rest);
    }
    Some(one(edits))
}

/// The edit that accepts every citation of source `id` that stayed in its place or moved with
/// the same words and the same words around them (Accept All); a quote whose neighbouring
/// words changed ("said" become "denied that") is left for the user to look at. `None` when
/// there is nothing to accept.
pub fn accept_all_edit(doc: &Document, id: &str, found: &[Found]) -> Option<Edit> {
    let text = doc.source(id).map_or("", |(_, t)| t);
    let found: Vec<Found> = found
        .iter()
        .map(|f| {
            let mut f = f.clone();
            if f.result.outcome == Outcome::Moved && context_changed(doc, &f, text) {
                // Not taken by Accept All: it waits, as reworded words do.
                f.result.outcome = Outcome::Changed;
            }
            f
        })
        .collect();
    let (edits, _) = accept_edits(doc, id, &found, Accept { moved: true, changed: false });
    (!edits.is_empty()).then(|| one(edits))
}

/// How many words next to a quote on each side are compared for [`context_changed`].
const NEIGHBOURS: usize = 3;

/// Whether the words right before or after the quote (three on each side) are not the ones
/// that stood beside it in the old version: the same words moved into another sentence.
pub fn context_changed(doc: &Document, f: &Found, text: &str) -> bool {
    let Some(c) = doc.events().get(f.event).and_then(|e| e.citations.get(f.citation)) else { return false };
    let (Some(old), Some(range)) = (c.anchor.as_deref(), f.result.range.clone()) else { return false };
    let new = super::anchor_of(text, range);
    // Only the quote's own sentence counts: a sentence before or after it may change freely.
    let last = |s: &str| -> Vec<String> {
        let own = s.rfind(['.', '!', '?', '\n']).map_or(s, |i| &s[i + 1..]);
        let w: Vec<String> = own.split_whitespace().map(crate::verify::fold_str).collect();
        w[w.len().saturating_sub(NEIGHBOURS)..].to_vec()
    };
    let first = |s: &str| -> Vec<String> {
        let own = s.find(['.', '!', '?', '\n']).map_or(s, |i| &s[..i]);
        own.split_whitespace().take(NEIGHBOURS).map(crate::verify::fold_str).collect()
    };
    // A side cut short by the text's edge in either version says nothing.
    let side = |a: Vec<String>, b: Vec<String>| a.len() == b.len() && a != b;
    side(last(&old.prefix), last(&new.prefix)) || side(first(&old.suffix), first(&new.suffix))
}

/// The words beside a quote, old or new, as a short line: up to six words before it, the
/// quote (cut to 90 characters), up to six after.
pub fn in_context(prefix: &str, quote: &str, suffix: &str) -> String {
    let before: Vec<&str> = prefix.split_whitespace().collect();
    let before = before[before.len().saturating_sub(6)..].join(" ");
    let after = suffix.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    let quote: String =
        if quote.chars().count() > 90 { quote.chars().take(89).chain(['…']).collect() } else { quote.to_owned() };
    format!("…{before} [{quote}] {after}…")
}

/// `c` quoting the bytes `range` of `text` (trimmed), anchored there; with `reword`, its
/// earlier words kept in its history when they differ.
fn placed(c: &Citation, source: &Source, text: &str, range: Range<usize>, reword: bool) -> Option<Citation> {
    let words = text.get(range.clone())?;
    let start = range.start + (words.len() - words.trim_start().len());
    let end = range.end - (words.len() - words.trim_end().len());
    if start >= end {
        return None;
    }
    let mut citation = Citation { anchor: Some(Box::new(anchor_in(source, text, start..end))), ..c.clone() };
    let new = &text[start..end];
    if reword && *c.quote != *new {
        let mut history = std::mem::take(&mut citation.history).into_vec();
        history.push(c.quote.clone());
        citation.history = history.into_boxed_slice();
        citation.quote = new.into();
    }
    Some(citation)
}

/// The answer's edits as one undo step, named for what it does ("Re-anchor the Quote of …").
fn one(edits: Vec<Edit>) -> Edit {
    Edit::Batch(edits)
}

/// Which words of `old` and of `new` differ (by byte range of each), for showing a reworded
/// quote beside its new words: the words outside their longest common run of words. Long
/// quotes (over 400 words on a side) are marked whole where they differ at all.
pub fn word_diff(old: &str, new: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let before = words(old);
    let after = words(new);
    let word = |s: &str, r: &Range<usize>| crate::verify::fold_str(&s[r.clone()]);
    let folded_before: Vec<String> = before.iter().map(|r| word(old, r)).collect();
    let folded_after: Vec<String> = after.iter().map(|r| word(new, r)).collect();
    if before.len() > 400 || after.len() > 400 {
        return if folded_before == folded_after { (Vec::new(), Vec::new()) } else { (before, after) };
    }
    // The longest common subsequence of words, by dynamic programming from the end.
    let (rows, cols) = (before.len(), after.len());
    let mut common = vec![0u16; (rows + 1) * (cols + 1)];
    let cell = |i: usize, j: usize| i * (cols + 1) + j;
    for i in (0..rows).rev() {
        for j in (0..cols).rev() {
            common[cell(i, j)] = if folded_before[i] == folded_after[j] {
                common[cell(i + 1, j + 1)] + 1
            } else {
                common[cell(i + 1, j)].max(common[cell(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut gone, mut came) = (Vec::new(), Vec::new());
    while i < rows && j < cols {
        if folded_before[i] == folded_after[j] {
            (i, j) = (i + 1, j + 1);
        } else if common[cell(i + 1, j)] >= common[cell(i, j + 1)] {
            gone.push(before[i].clone());
            i += 1;
        } else {
            came.push(after[j].clone());
            j += 1;
        }
    }
    gone.extend(before[i..].iter().cloned());
    came.extend(after[j..].iter().cloned());
    (gone, came)
}

/// The byte ranges of the words of `s` (runs without white space).
fn words(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in s.char_indices() {
        match (ch.is_whitespace(), start) {
            (true, Some(a)) => {
                out.push(a..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push(a..s.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::reanchor_source;
    use crate::timeline::{Event, Timeline};

    const OLD: &str = "The board met on Monday. In August 2013, Facebook gave Netflix access to the private \
        Titan API. Netflix paid nothing for it. The board met again in May.";

    /// A document of one source whose text is `new`, its hash recorded for `old`, with one event
    /// citing each of `quotes` as anchored in `old`.
    fn changed(old: &str, new: &str, quotes: &[&str]) -> Document {
        let citations: Vec<Citation> = quotes
            .iter()
            .map(|q| {
                let at = old.find(q).expect("quoted");
                Citation {
                    source: "s".into(),
                    quote: (*q).into(),
                    anchor: Some(Box::new(super::super::anchor_of(old, at..at + q.len()))),
                    ..Citation::default()
                }
            })
            .collect();
        let events = citations
            .into_iter()
            .enumerate()
            .map(|(i, c)| Event {
                id: format!("e{i}").into(),
                title: format!("Event {i}").into(),
                when: Some("2013-08".into()),
                citations: vec![c].into(),
                ..Event::default()
            })
            .collect();
        let timeline = Timeline {
            title: "T".to_owned(),
            sources: vec![Source {
                id: "s".into(),
                title: "S".to_owned(),
                language: "en".into(),
                text: Some(new.into()),
                text_sha256: Some(sha256_hex(old.as_bytes())),
                ..Source::default()
            }],
            events,
            ..Timeline::default()
        };
        Document::new(timeline, std::path::Path::new("t.citeline.json"), &crate::Progress::default()).expect("valid")
    }

    fn apply(doc: &mut Document, edit: Edit) {
        edit.apply(doc).expect("applies");
    }

    #[test]
    fn accepting_reworded_words_keeps_the_old_ones_in_history_and_settles_the_source() {
        let new = OLD.replace("Netflix paid nothing for it.", "Netflix paid almost nothing for it.");
        let mut doc = changed(OLD, &new, &["Netflix paid nothing for it."]);
        let found = reanchor_source(&doc, "s");
        assert_eq!(found[0].result.outcome, Outcome::Changed);
        let edit = answer_edit(&doc, "s", &found, 0, &Answer::Accept).expect("an edit");
        apply(&mut doc, edit);
        let c = &doc.events()[0].citations[0];
        assert_eq!(&*c.quote, "Netflix paid almost nothing for it.");
        assert_eq!(c.history.iter().map(|h| &**h).collect::<Vec<_>>(), ["Netflix paid nothing for it."]);
        assert!(!super::super::text_changed(&doc, 0), "the only answer left nothing waiting: the new text is taken");
        assert_eq!(reanchor_source(&doc, "s")[0].result.outcome, Outcome::Kept);
    }

    #[test]
    fn the_source_is_settled_only_by_the_last_answer() {
        let new = OLD.replace("Netflix paid nothing for it.", "Netflix paid little.").replace("Monday", "Tuesday.");
        let quotes = ["Netflix paid nothing for it.", "Facebook gave Netflix access", "The board met again in May."];
        let mut doc = changed(OLD, &new, &quotes);
        let found = reanchor_source(&doc, "s");
        let hash = sha256_hex(new.as_bytes());
        let waiting = found.iter().filter(|f| waits(&doc, f, &hash)).count();
        assert!(waiting >= 2, "{found:?}");
        // Accept All takes the moved ones; the reworded one still waits.
        let edit = accept_all_edit(&doc, "s", &found).expect("some moved");
        apply(&mut doc, edit);
        assert!(super::super::text_changed(&doc, 0));
        let found = reanchor_source(&doc, "s");
        let left: Vec<usize> = (0..found.len()).filter(|&i| waits(&doc, &found[i], &hash)).collect();
        assert_eq!(left.len(), 1, "{found:?}");
        let edit = answer_edit(&doc, "s", &found, left[0], &Answer::KeepOld).expect("an edit");
        apply(&mut doc, edit);
        let c = &doc.events()[0].citations[0];
        assert_eq!(&*c.quote, "Netflix paid nothing for it.", "the old quote is kept");
        assert!(settled(c, &hash));
        assert!(!super::super::text_changed(&doc, 0));
        assert_eq!(doc.tally().not_found, 1, "a kept old quote is not found in the new text");
    }

    #[test]
    fn a_quote_placed_by_hand_takes_the_chosen_words_trimmed() {
        let new = OLD.replace(" Netflix paid nothing for it.", "");
        let mut doc = changed(OLD, &new, &["Netflix paid nothing for it."]);
        let found = reanchor_source(&doc, "s");
        assert_eq!(found[0].result.outcome, Outcome::Orphan);
        assert_eq!(answer_edit(&doc, "s", &found, 0, &Answer::Accept), None, "an orphan has nothing to accept");
        let at = new.find("The board met again").expect("there");
        let edit = answer_edit(&doc, "s", &found, 0, &Answer::Place(at - 1..at + 19)).expect("an edit");
        apply(&mut doc, edit);
        let c = &doc.events()[0].citations[0];
        assert_eq!(&*c.quote, "The board met again");
        assert_eq!(c.anchor.as_ref().map(|a| a.start as usize), Some(at));
        assert_eq!(doc.tally().verified, 1);
        assert!(answer_edit(&doc, "s", &found, 0, &Answer::Place(at..at)).is_none(), "nothing chosen");
    }

    #[test]
    fn every_answer_is_undone_in_one_step() {
        let new = OLD.replace("Netflix paid nothing for it.", "Netflix paid almost nothing for it.");
        let mut doc = changed(OLD, &new, &["Netflix paid nothing for it."]);
        let before = doc.timeline().clone();
        let found = reanchor_source(&doc, "s");
        let edit = answer_edit(&doc, "s", &found, 0, &Answer::Accept).expect("an edit");
        let applied = edit.apply(&mut doc).expect("applies");
        assert_ne!(doc.timeline(), &before);
        applied.inverse.apply(&mut doc).expect("undoes");
        assert_eq!(doc.timeline(), &before);
    }

    #[test]
    fn same_words_in_another_sentence_are_left_out_of_accept_all() {
        let old = "Intro words here. The minister said the contract was signed in Rome. Other news.";
        let new =
            "A new first line. Intro words here. The minister denied that the contract was signed in Rome. Other news.";
        let quote = "the contract was signed in Rome";
        let doc = changed(old, new, &[quote]);
        let found = reanchor_source(&doc, "s");
        assert_eq!(found[0].result.outcome, Outcome::Moved, "{found:?}");
        assert!(context_changed(&doc, &found[0], new));
        assert_eq!(accept_all_edit(&doc, "s", &found), None, "left for the user");
        // A sentence before the quote's own may change: the quote is taken.
        let other = old.replace("Intro words here.", "Other words entirely.");
        let doc = changed(old, &other, &[quote]);
        let found = reanchor_source(&doc, "s");
        assert!(!context_changed(&doc, &found[0], &other));
    }

    #[test]
    fn a_diff_marks_the_words_that_changed_on_each_side() {
        let old = "Netflix paid nothing for it.";
        let new = "Netflix paid almost nothing for that.";
        let (gone, came) = word_diff(old, new);
        let at = |s: &str, r: &[Range<usize>]| r.iter().map(|r| s[r.clone()].to_owned()).collect::<Vec<_>>();
        assert_eq!(at(old, &gone), ["it."]);
        assert_eq!(at(new, &came), ["almost", "that."]);
        assert_eq!(word_diff("Same  words", "Same words"), (Vec::new(), Vec::new()), "spacing aside");
        assert_eq!(word_diff("Same words", "same words").1, vec![0..4], "a capital is a change");
    }
}
