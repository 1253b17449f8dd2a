//! A citation's anchor, and finding it again in a new version of its source.
//!
//! An anchor keeps what is known of the quote's place in the version it was made on: the words
//! just before and after it (the W3C `TextQuoteSelector`'s prefix and suffix) and its bytes
//! (`TextPositionSelector`), with its page for a PDF. When the source's text changes, the quote
//! is looked for in three stages, all on text folded as [`super::verify`] folds it:
//!
//! 1. the exact quote near where it stood, with the same words around it;
//! 2. the exact quote anywhere, the words around each place deciding between several;
//! 3. a fuzzy match: places suggested by pieces of the quote and of its context found exactly,
//!    each scored by an edit distance computed there and nowhere else.
//!
//! A wrong anchor puts words in a source's mouth, so it is worse than none: the same words are
//! moved silently only when the context says this is their place ([`SURE_CONTEXT`]) and no
//! other place is nearly as good ([`MARGIN`]); reworded words are proposed, never taken.
//!
//! The third stage is in `fuzzy`; a document's citations re-anchored, the edits that take the
//! outcomes and the anchors an older file gains on save, in `citations`.

mod citations;
mod fuzzy;
pub mod review;

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use self::citations::{Accept, Found, accept_edits, reanchor_in, reanchor_source, text_changed, with_anchors};
use self::fuzzy::fuzzy;
use super::timeline::Source;
use super::verify::{FoldedText, fold_quote, fold_str};

/// How many characters of context an anchor keeps on each side.
pub(crate) const CONTEXT_CHARS: usize = 32;
/// A side's context must be at least this similar (1 − edit distance ÷ length) for the same
/// words to be taken as standing in their place.
pub(crate) const SURE_CONTEXT: f32 = 0.8;
/// Between several places of the same words, the best context must beat the next by this.
pub const MARGIN: f32 = 0.25;
/// A reworded quote is proposed only when at most this share of its characters changed…
pub(crate) const MAX_ERRORS: f32 = 0.25;
/// …and the words around it agree at least this much (the mean of both sides).
pub(crate) const CHANGED_CONTEXT: f32 = 0.5;
/// Quotes shorter than this (folded bytes) are never matched fuzzily: a few letters stand
/// anywhere ("Linus" in "machines").
pub(crate) const MIN_FUZZY: usize = 12;
/// How far around its old place the quote is looked for first, in bytes.
const NEAR: usize = 4096;
/// How far around its old place reworded words are looked for, in bytes.
pub(crate) const FUZZY_NEAR: usize = 64 << 10;

/// Where a quote stood. Offsets are bytes of the source's text.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub prefix: Box<str>,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub suffix: Box<str>,
    pub start: u32,
    pub end: u32,
    /// The page it begins on, from 1, for a source with pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The SHA-256 of a new version of the source's text in which the user chose to keep this
    /// quote, knowing that it is not there ("Keep Old Quote"): settled for that version, and
    /// looked for again in any later one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_found_in: Option<Box<str>>,
}

impl Anchor {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The anchor of the bytes `range` of `text` (clamped to the text's characters).
pub fn anchor_of(text: &str, range: Range<usize>) -> Anchor {
    let end = text.floor_char_boundary(range.end.min(text.len()));
    let start = text.floor_char_boundary(range.start.min(end));
    let before = &text[..start];
    let from = before.char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(i, _)| i);
    let after = &text[end..];
    let to = after.char_indices().nth(CONTEXT_CHARS).map_or(after.len(), |(i, _)| i);
    let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    Anchor {
        prefix: before[from..].into(),
        suffix: after[..to].into(),
        start: clamp(start),
        end: clamp(end),
        page: None,
        not_found_in: None,
    }
}

/// The anchor of the bytes `range` of `text`, the text of `source`, with the page it begins
/// on when the source has pages.
pub fn anchor_in(source: &Source, text: &str, range: Range<usize>) -> Anchor {
    let mut anchor = anchor_of(text, range.clone());
    anchor.page = pin_page(source, &range);
    anchor
}

/// What became of a quote in a new version of its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// The same words in the same place.
    Kept,
    /// The same words, their context says where: elsewhere.
    Moved,
    /// Other words stand where the quote did: proposed, taken only when the user accepts.
    Changed,
    /// No place is good enough, or several are and nothing tells them apart.
    Orphan,
}

impl Outcome {
    pub const ALL: [Self; 4] = [Self::Kept, Self::Moved, Self::Changed, Self::Orphan];

    pub fn name(self) -> &'static str {
        match self {
            Self::Kept => "kept",
            Self::Moved => "moved",
            Self::Changed => "changed",
            Self::Orphan => "orphan",
        }
    }
}

/// A quote re-anchored: its outcome, how sure (0–1), and its bytes in the new text (none for
/// an orphan).
#[derive(Clone, Debug, PartialEq)]
pub struct Reanchored {
    pub outcome: Outcome,
    pub score: f32,
    pub range: Option<Range<usize>>,
}

impl Reanchored {
    const ORPHAN: Self = Self { outcome: Outcome::Orphan, score: 0.0, range: None };
}

/// One place the quote might stand, in folded bytes, with its scores.
#[derive(Clone, Debug)]
struct Candidate {
    folded: Range<usize>,
    /// Context similarity before and after.
    before: f32,
    after: f32,
    /// 1 at the old place, falling with the distance from it.
    near: f32,
}

impl Candidate {
    fn context(&self) -> f32 {
        f32::midpoint(self.before, self.after)
    }

    fn sure(&self) -> bool {
        self.before.max(self.after) >= SURE_CONTEXT
    }

    fn score(&self) -> f32 {
        0.8 * self.context() + 0.2 * self.near
    }
}

/// The folded forms of what an anchor knows, computed once per citation.
struct Sought {
    quote: String,
    prefix: String,
    suffix: String,
    /// Whether the context was cut short by the text's start or end.
    prefix_short: bool,
    suffix_short: bool,
    /// The old place, as a folded offset of the new text.
    old: Option<usize>,
}

/// Finds `quote` (anchored by `anchor`, when it has one) in `text`, a new version of its source
/// folded as `folded`. Without an anchor there is no context: the quote is kept where it stands
/// once, and an orphan where it stands several times or not at all.
pub fn reanchor(anchor: Option<&Anchor>, quote: &str, folded: &FoldedText) -> Reanchored {
    let q = fold_quote(quote);
    if q.is_empty() {
        return Reanchored::ORPHAN;
    }
    let hay = folded.as_str();
    let sought = Sought {
        prefix: anchor.map(|a| fold_str(&a.prefix)).unwrap_or_default(),
        suffix: anchor.map(|a| fold_str(&a.suffix)).unwrap_or_default(),
        old: anchor.map(|a| folded.folded_offset(a.start as usize)),
        prefix_short: anchor.is_some_and(|a| a.prefix.chars().count() < CONTEXT_CHARS),
        suffix_short: anchor.is_some_and(|a| a.suffix.chars().count() < CONTEXT_CHARS),
        quote: q,
    };
    let Some(anchor) = anchor else {
        let mut places = exact(hay, &sought.quote, 0..hay.len(), 2).into_iter();
        return match (places.next(), places.next()) {
            (Some(r), None) => folded.original_range(r).map_or(Reanchored::ORPHAN, |r| Reanchored {
                outcome: Outcome::Kept,
                score: 1.0,
                range: Some(r),
            }),
            _ => Reanchored::ORPHAN,
        };
    };
    let old = sought.old.unwrap_or(0);
    // 1. Near the old place, with the very same context: nothing else can be better.
    let near = old.saturating_sub(NEAR)..(old + sought.quote.len() + NEAR).min(hay.len());
    // Several such places (a paragraph repeated whole) cannot be told apart, unless one is
    // the old place itself.
    let perfect: Vec<Candidate> = exact(hay, &sought.quote, near, 16)
        .into_iter()
        .map(|r| candidate(hay, &sought, r))
        .filter(|c| c.before >= 1.0 && c.after >= 1.0)
        .collect();
    let at_old = perfect
        .iter()
        .find(|c| folded.original_range(c.folded.clone()).is_some_and(|r| r.start == anchor.start as usize));
    match (at_old, perfect.as_slice()) {
        (Some(c), _) | (None, [c]) => return same_words(folded, anchor, c),
        (None, []) => {}
        (None, [_, _, ..]) => return Reanchored::ORPHAN,
    }
    // 2. Anywhere, context deciding.
    let mut places: Vec<Candidate> =
        exact(hay, &sought.quote, 0..hay.len(), 256).into_iter().map(|r| candidate(hay, &sought, r)).collect();
    places.sort_by(|a, b| b.score().total_cmp(&a.score()));
    if let Some(first) = places.first() {
        let clear = places.get(1).is_none_or(|second| first.context() - second.context() >= MARGIN);
        if first.sure() && clear {
            // The same words elsewhere, but other words where they stood with a context as
            // good (a sentence said twice, reworded here): not a move.
            let rival = fuzzy(hay, &sought, Some(&first.folded)).filter(|(c, _)| c.context() >= first.context() - 0.1);
            match rival {
                None => return same_words(folded, anchor, first),
                Some((c, _)) if c.context() <= first.context() + 0.1 => return Reanchored::ORPHAN,
                Some(_) => {}
            }
        }
    }
    // 3. Fuzzy: other words where the quote stood.
    let Some((c, errors)) = fuzzy(hay, &sought, None) else { return Reanchored::ORPHAN };
    if places.iter().any(|p| p.folded.start < c.folded.end && c.folded.start < p.folded.end) {
        // The same words as an undecided exact place: still undecided.
        return Reanchored::ORPHAN;
    }
    let similarity = 1.0 - errors as f32 / sought.quote.len() as f32;
    if similarity < 1.0 - MAX_ERRORS || c.context() < CHANGED_CONTEXT || !c.sure() {
        return Reanchored::ORPHAN;
    }
    let score = 0.6 * similarity + 0.3 * c.context() + 0.1 * c.near;
    folded.original_range(c.folded).map_or(Reanchored::ORPHAN, |r| Reanchored {
        outcome: Outcome::Changed,
        score,
        range: Some(r),
    })
}

fn same_words(folded: &FoldedText, anchor: &Anchor, c: &Candidate) -> Reanchored {
    let Some(range) = folded.original_range(c.folded.clone()) else { return Reanchored::ORPHAN };
    let outcome = if range.start == anchor.start as usize { Outcome::Kept } else { Outcome::Moved };
    Reanchored { outcome, score: c.score(), range: Some(range) }
}

/// How many places of `folded` hold `quote` exactly (as folded), counting up to `most`.
pub fn places(folded: &FoldedText, quote: &str, most: usize) -> usize {
    let q = fold_quote(quote);
    if q.is_empty() {
        return 0;
    }
    exact(folded.as_str(), &q, 0..folded.as_str().len(), most).len()
}

/// Up to `most` places of `needle` in `hay[within]`, whole characters only.
fn exact(hay: &str, needle: &str, within: Range<usize>, most: usize) -> Vec<Range<usize>> {
    let start = hay.floor_char_boundary(within.start);
    let end = hay.ceil_char_boundary(within.end);
    // Overlapping places too: "..." stands at 0 and 1 of "....". memchr's SIMD search: a
    // quote looked for through a megabyte must cost a fraction of a millisecond.
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut found = Vec::new();
    let mut from = start;
    while found.len() < most
        && let Some(i) = finder.find(&hay.as_bytes()[from..end])
    {
        found.push(from + i..from + i + needle.len());
        from += i + hay[from + i..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

fn candidate(hay: &str, s: &Sought, r: Range<usize>) -> Candidate {
    let before_from = hay.floor_char_boundary(r.start.saturating_sub(s.prefix.len()));
    let after_to = hay.ceil_char_boundary((r.end + s.suffix.len()).min(hay.len()));
    let mut before = side(&s.prefix, &hay[before_from..r.start], r.start == 0);
    let mut after = side(&s.suffix, &hay[r.end..after_to], r.end == hay.len());
    // A context cut short by the text's edge says the quote stood that near the edge: the same
    // words further in are not the same context.
    if s.prefix_short && before_from > 0 {
        before *= 0.5;
    }
    if s.suffix_short && after_to < hay.len() {
        after *= 0.5;
    }
    let distance = s.old.map_or(0, |o| o.abs_diff(r.start));
    let near = 1.0 / (1.0 + distance as f32 / NEAR as f32);
    Candidate { folded: r, before, after, near }
}

/// How alike a side's context is: 1 − edit distance ÷ the longer length. An empty context
/// (the quote began or ended the text) is alike only at the text's edge.
fn side(want: &str, got: &str, at_edge: bool) -> f32 {
    if want.is_empty() {
        return if at_edge { 1.0 } else { 0.0 };
    }
    let longest = want.len().max(got.len());
    1.0 - levenshtein(want.as_bytes(), got.as_bytes()) as f32 / longest as f32
}

fn levenshtein(a: &[u8], b: &[u8]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(x != y));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The page, from 1, where `range` of a source's text begins, when it has pages.
fn pin_page(source: &Source, range: &Range<usize>) -> Option<u32> {
    if source.pages.is_empty() {
        return None;
    }
    let at = u32::try_from(range.start).unwrap_or(u32::MAX);
    u32::try_from(source.pages.partition_point(|&p| p <= at)).ok().filter(|&p| p > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::sources::sha256_hex;
    use crate::timeline::Citation;

    fn again(old: &str, quote: &str, new: &str) -> (Reanchored, String) {
        let start = old.find(quote).expect("quoted");
        let anchor = anchor_of(old, start..start + quote.len());
        let r = reanchor(Some(&anchor), quote, &FoldedText::new(new));
        let words = r.range.clone().map(|r| new[r].to_owned()).unwrap_or_default();
        (r, words)
    }

    const OLD: &str = "The board met on Monday. In August 2013, Facebook gave Netflix access to the private \
        Titan API. Netflix paid nothing for it. The board met again in May.";

    #[test]
    fn an_anchor_keeps_the_words_around_the_quote() {
        let a = anchor_of("abc quote def", 4..9);
        assert_eq!((&*a.prefix, &*a.suffix, a.start, a.end), ("abc ", " def", 4, 9));
        let long = "x".repeat(40) + "Q" + &"y".repeat(40);
        let a = anchor_of(&long, 40..41);
        assert_eq!((a.prefix.chars().count(), a.suffix.chars().count()), (CONTEXT_CHARS, CONTEXT_CHARS));
    }

    #[test]
    fn the_same_text_keeps_every_quote() {
        let (r, words) = again(OLD, "Facebook gave Netflix access", OLD);
        assert_eq!((r.outcome, words.as_str()), (Outcome::Kept, "Facebook gave Netflix access"));
    }

    #[test]
    fn a_typo_fixed_before_the_quote_moves_it() {
        let new = OLD.replace("Monday", "Mondays").replace("private \n", "private ");
        let (r, words) = again(OLD, "Facebook gave Netflix access", &new);
        assert_eq!((r.outcome, words.as_str()), (Outcome::Moved, "Facebook gave Netflix access"));
        let reflowed = OLD.replace("the private ", "the private\n   ");
        let (r, words) = again(OLD, "access to the private Titan API", &reflowed);
        assert_eq!((r.outcome, words.as_str()), (Outcome::Kept, "access to the private\n   Titan API"));
    }

    #[test]
    fn a_repeated_sentence_goes_by_its_context_or_nowhere() {
        let old = "First part. The board met again. Second part, long enough. Third part here.";
        let new = "The board met again. First part. The board met again. Second part, long enough. Third.";
        let (r, _) = again(old, "The board met again.", new);
        assert_eq!((r.outcome, r.range.map(|r| r.start)), (Outcome::Moved, Some(33)), "the second, by its context");
        // The cited one deleted, the other left: not the same place.
        let old = "Alpha beta gamma delta. The board met again. Epsilon zeta eta. Lorem ipsum dolor \
            sit amet, consectetur. The board met again. Sed do eiusmod tempor.";
        let cited = old.rfind("The board met again.").expect("twice");
        let anchor = anchor_of(old, cited..cited + 20);
        let new = "Alpha beta gamma delta. The board met again. Epsilon zeta eta. Sed do eiusmod tempor.";
        let r = reanchor(Some(&anchor), "The board met again.", &FoldedText::new(new));
        assert_eq!(r.outcome, Outcome::Orphan, "{r:?}");
    }

    #[test]
    fn reworded_words_are_proposed_and_a_deleted_quote_is_an_orphan() {
        let new = OLD.replace("Netflix paid nothing for it.", "Netflix paid almost nothing for it.");
        let (r, words) = again(OLD, "Netflix paid nothing for it.", &new);
        assert_eq!((r.outcome, words.as_str()), (Outcome::Changed, "Netflix paid almost nothing for it."));
        let new = OLD.replace(" Netflix paid nothing for it.", "");
        let (r, _) = again(OLD, "Netflix paid nothing for it.", &new);
        assert_eq!(r.outcome, Outcome::Orphan, "{r:?}");
    }

    #[test]
    fn reworded_words_are_taken_on_whole_words_within_their_sentence() {
        let old = "The press office said the contract was signed in Rome on 3 March 2019 by both parties. \
                   Later the minister left for Paris and nothing more was said.";
        let quote = "the contract was signed in Rome on 3 March 2019 by both parties";
        for (from, to, want) in [
            ("parties", "participants", "the contract was signed in Rome on 3 March 2019 by both participants"),
            ("by both parties", "by all", "the contract was signed in Rome on 3 March 2019 by all"),
            ("said the contract", "said a contract", "a contract was signed in Rome on 3 March 2019 by both parties"),
        ] {
            let new = old.replace(from, to);
            let (r, words) = again(old, quote, &new);
            assert_eq!((r.outcome, words.as_str()), (Outcome::Changed, want), "{from} → {to}");
        }
    }

    #[test]
    fn a_short_quote_is_never_matched_fuzzily() {
        let old = "He said that Linus wrote it. Then many other things followed.";
        let new = "He said that the machines wrote it. Then many other things followed.";
        let (r, _) = again(old, "Linus", new);
        assert_eq!(r.outcome, Outcome::Orphan);
    }

    #[test]
    fn without_an_anchor_a_quote_standing_once_is_kept() {
        let f = FoldedText::new(OLD);
        assert_eq!(reanchor(None, "Titan API", &f).outcome, Outcome::Kept);
        assert_eq!(reanchor(None, "The board met", &f).outcome, Outcome::Orphan, "twice");
    }

    #[test]
    fn older_citations_gain_an_anchor_on_save_where_their_quote_stands_once() {
        use crate::timeline::{Event, Timeline};
        let text = "Alpha said yes. Beta said no. Alpha said yes. Gamma said maybe.";
        let citation = |q: &str| Citation { source: "s".into(), quote: q.into(), ..Citation::default() };
        let timeline = |hash: &str| Timeline {
            title: "T".to_owned(),
            sources: vec![Source {
                id: "s".into(),
                title: "S".to_owned(),
                language: "en".to_owned(),
                text: Some(text.to_owned()),
                text_sha256: Some(hash.to_owned()),
                pages: vec![0, 30],
                ..Source::default()
            }],
            events: vec![Event {
                id: "e".into(),
                title: "E".into(),
                citations: vec![citation("Gamma said maybe."), citation("Alpha said yes.")].into(),
                ..Event::default()
            }],
            ..Timeline::default()
        };
        let open = |t| Document::new(t, std::path::Path::new("t.citeline.json"), &crate::Progress::default());
        let doc = open(timeline(&sha256_hex(text.as_bytes()))).expect("valid");
        let saved = with_anchors(&doc).expect("anchors added");
        let cs = &saved.events[0].citations;
        let a = cs[0].anchor.as_deref().expect("a quote standing once is anchored");
        let start = text.find("Gamma").expect("there");
        assert_eq!((a.start as usize, a.page), (start, Some(2)), "its place and page");
        assert!(text[..start].ends_with(&*a.prefix) && a.prefix.chars().count() == CONTEXT_CHARS);
        assert!(cs[1].anchor.is_none(), "a quote standing twice: nothing says which");
        assert!(doc.events()[0].citations[0].anchor.is_none(), "the open document is not changed");
        let changed = open(timeline(&sha256_hex(b"an older text"))).expect("valid");
        assert!(with_anchors(&changed).is_none(), "a changed text waits for its review");
    }

    proptest::proptest! {
        #[test]
        fn an_unchanged_text_keeps_every_quote_or_says_orphan(text in "[a-z .]{20,120}", a in 0usize..100, len in 3usize..30) {
            let a = a % (text.len() - 2);
            let b = (a + len).min(text.len());
            let quote = &text[a..b];
            proptest::prop_assume!(!quote.trim().is_empty() && quote.trim() == quote);
            let anchor = anchor_of(&text, a..b);
            let r = reanchor(Some(&anchor), quote, &FoldedText::new(&text));
            if let Some(range) = r.range.clone() {
                proptest::prop_assert_eq!(&text[range], quote);
            }
            proptest::prop_assert!(matches!(r.outcome, Outcome::Kept | Outcome::Orphan), "{:?}", r);
        }
    }
}
