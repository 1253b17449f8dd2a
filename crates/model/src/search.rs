//! Finding events by words: titles, summaries, tags, quotes and the titles of the sources they
//! cite, ignoring case and accents, so that "telefono" finds "teléfono" and "titan" finds
//! "Titan"; and sources by their titles, publishers and ids.

use std::collections::HashMap;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::Document;
use super::fold::plain_punctuation;

/// Appends the searchable form of `text` to `out`: lower case, accents dropped, typographic
/// quotes made plain, runs of white space one space.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    // Most text is ASCII: skip decomposition for it.
    if text.is_ascii() {
        let mut in_space = false;
        for b in text.bytes() {
            if b.is_ascii_whitespace() {
                if !in_space {
                    out.push(' ');
                }
                in_space = true;
            } else {
                out.push(plain_punctuation(char::from(b.to_ascii_lowercase())));
                in_space = false;
            }
        }
        return;
    }
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        if c == 'ß' {
            out.push_str("ss");
            continue;
        }
        let c = plain_punctuation(c);
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        });
    }
}

pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// A query, folded once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// Every word must appear (in any field), in any order.
    words: Vec<String>,
}

impl Query {
    /// `None` for a query with no words.
    pub fn new(text: &str) -> Option<Self> {
        let words: Vec<String> = fold(text).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect();
        (!words.is_empty()).then_some(Self { words })
    }

    /// Whether every word is in one of event `i`'s searchable fields, its cited sources' titles
    /// among them (folded once in `sources`). `buffer` is reused between calls, so that
    /// searching a million events allocates nothing per event.
    pub fn matches(&self, doc: &Document, sources: &SourceTitles, i: usize, buffer: &mut String) -> bool {
        let Some(e) = doc.events().get(i) else { return false };
        buffer.clear();
        fold_into(&e.title, buffer);
        for text in e.summary.as_deref().into_iter().chain(e.tags.iter().map(|t| &**t)) {
            buffer.push('\n');
            fold_into(text, buffer);
        }
        for c in &e.citations {
            buffer.push('\n');
            fold_into(&c.quote, buffer);
        }
        for (n, c) in e.citations.iter().enumerate() {
            // An event citing one source many times needs its title once.
            let again = e.citations[..n].iter().any(|b| b.source == c.source);
            if let Some(title) = sources.0.get(&*c.source).filter(|_| !again) {
                buffer.push('\n');
                buffer.push_str(title);
            }
        }
        self.words.iter().all(|w| buffer.contains(w.as_str()))
    }

    /// Whether every word is in source `source`'s title, publisher or id.
    pub(crate) fn matches_source(&self, source: &super::Source) -> bool {
        let mut text = fold(&source.title);
        for other in [&*source.publisher, &*source.id] {
            text.push('\n');
            fold_into(other, &mut text);
        }
        self.words.iter().all(|w| text.contains(w.as_str()))
    }
}

/// Each source's title, folded for searching, by the source's id.
pub struct SourceTitles(HashMap<Box<str>, String>);

impl SourceTitles {
    pub fn of(doc: &Document) -> Self {
        Self(doc.timeline().sources.iter().map(|s| (s.id.clone(), fold(&s.title))).collect())
    }
}

/// The sources (indices into the timeline's) whose title, publisher or id hold every word.
pub fn find_sources(doc: &Document, query: &Query) -> Vec<usize> {
    let sources = &doc.timeline().sources;
    (0..sources.len()).filter(|&i| query.matches_source(&sources[i])).collect()
}

/// Events matching `query`, in the order of `order` (chronological, say), skipping those `shown`
/// leaves out. Returns `None` if `progress` is cancelled before the end.
pub fn find(
    doc: &Document,
    query: &Query,
    order: impl Iterator<Item = u32>,
    shown: &dyn Fn(u32) -> bool,
    progress: &super::Progress,
) -> Option<Vec<u32>> {
    let mut buffer = String::new();
    let mut found = Vec::new();
    let sources = SourceTitles::of(doc);
    for (n, e) in order.enumerate() {
        if n % 4096 == 0 && progress.is_cancelled() {
            return None;
        }
        if shown(e) && query.matches(doc, &sources, e as usize, &mut buffer) {
            found.push(e);
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn seed() -> Document {
        crate::seed_document()
    }

    fn titles(doc: &Document, text: &str) -> Vec<String> {
        let q = Query::new(text).expect("words");
        let all = 0..u32::try_from(doc.events().len()).expect("small");
        find(doc, &q, all, &|_| true, &crate::Progress::default())
            .expect("not cancelled")
            .into_iter()
            .map(|e| doc.events()[e as usize].title.to_string())
            .collect()
    }

    #[test]
    fn case_and_accents_are_ignored() {
        assert_eq!(fold("Teléfono TITÁN  “API”"), "telefono titan \"api\"");
        assert_eq!(fold("Straße"), "strasse");
        // Search folds quotes and primes as verification does: one table for both.
        assert_eq!(fold("‚a‛ ‟b″ 5′ `c´"), "'a' \"b\" 5' 'c'");
        assert_eq!(fold("`x`"), "'x'", "the ASCII path folds too");
        let doc = seed();
        assert!(titles(&doc, "titan").iter().any(|t| t.contains("Titan API")));
        // "mensajes" is only in a Spanish quote; "compartió" written without its accent.
        assert!(!titles(&doc, "compartio mensajes").is_empty());
        assert!(titles(&doc, "zzzz-nothing").is_empty());
    }

    #[test]
    fn tags_and_every_word_count() {
        let doc = seed();
        let governance = titles(&doc, "governance");
        assert_eq!(governance.len(), 1, "{governance:?}");
        let both = titles(&doc, "titan netflix");
        assert!(both.len() <= titles(&doc, "netflix").len());
        assert!(titles(&doc, "titan governance").is_empty(), "all words must match");
    }

    #[test]
    fn events_are_found_by_their_sources_titles_and_sources_by_theirs() {
        let seed = seed();
        let mut timeline = seed.timeline().clone();
        let id = timeline.events.iter().find_map(|e| e.citations.first()).expect("a citation").source.clone();
        let source = timeline.sources.iter_mut().find(|s| *s.id == *id).expect("its source");
        source.title = "The Zörblax Gazette".into();
        let doc = Document::new(timeline, seed.path(), &crate::Progress::default()).expect("valid");
        let sources = &doc.timeline().sources;
        let word = "zorblax".to_owned();
        let found = titles(&doc, &word);
        let citing = doc.events().iter().filter(|e| e.citations.iter().any(|c| *c.source == *id)).count();
        assert_eq!(found.len(), citing, "{word}: {found:?}");
        let q = Query::new(&word).expect("words");
        let hits = find_sources(&doc, &q);
        assert_eq!(hits.iter().map(|&i| &*sources[i].id).collect::<Vec<_>>(), [&*id], "{word}");
        assert!(titles(&seed, &word).is_empty(), "the word is the new title's alone");
        assert!(find_sources(&doc, &Query::new("zzzz-nothing").expect("words")).is_empty());
    }

    #[test]
    fn a_raised_cancel_stops_the_search() {
        let doc = seed();
        let q = Query::new("netflix").expect("words");
        let cancelled = crate::Progress::default();
        cancelled.cancel();
        assert_eq!(find(&doc, &q, 0..9, &|_| true, &cancelled), None);
        assert!(Query::new("   ").is_none());
    }

    proptest! {
        #[test]
        fn a_word_finds_its_accented_capitalised_spellings(word in "[a-z]{1,12}", before in "[a-z ]{0,8}") {
            let accented: String = word
                .chars()
                .map(|c| match c { 'a' => 'Á', 'e' => 'è', 'i' => 'Î', 'o' => 'ö', 'u' => 'Ú', 'c' => 'Ç', 'n' => 'Ñ', _ => c.to_ascii_uppercase() })
                .collect();
            let text = format!("{before} {accented}");
            prop_assert!(fold(&text).contains(word.as_str()), "{text:?}");
            // Decomposed (NFD) spelling too.
            let nfd: String = unicode_normalization::UnicodeNormalization::nfd(text.as_str()).collect();
            prop_assert!(fold(&nfd).contains(word.as_str()));
        }
    }
}
