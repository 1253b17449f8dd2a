//! Where a quote's words stand when they are not where the citation says: in its own source
//! with other case, punctuation or hyphenation (a text read again, a quote typed by hand), or
//! in another source of the timeline. Drift is then a pointer, not only a red mark.

use std::ops::Range;
use std::sync::Arc;

use unicode_normalization::char::decompose_canonical;

use super::verify::{FoldedText, locate};

/// How many bytes of source text may be searched for hints while a timeline is checked: a
/// hostile file of a million missing quotes must not take minutes to open.
pub(crate) const HINT_BUDGET: usize = 64 << 20;

/// Where a quote that does not verify stands instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// In its own source, once case, punctuation, accents and hyphenation are set aside.
    Loosely(Range<usize>),
    /// In another source (its index), as written or after normalisation.
    InSource(usize, Range<usize>),
}

/// A quote's words found elsewhere, said in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    /// "its words stand at line 3, column 1…", "the same words stand in source …".
    pub said: String,
    /// Their bytes in the quote's own source, when they stand there.
    pub at: Option<Range<usize>>,
}

/// Looks for `quote`, not found in source `own`, in the sources `texts` (with their folded
/// forms); spends from `budget` the bytes searched and gives up when it runs out.
pub fn find(
    texts: &[Arc<str>],
    folded: &[Arc<FoldedText>],
    own: usize,
    quote: &str,
    budget: &mut usize,
) -> Option<Elsewhere> {
    let words = loose(quote);
    // One or two words stand somewhere in any long text: no hint is better than a chance one.
    if words.text.split(' ').count() < 3 {
        return None;
    }
    let mut spend = |n: usize| {
        let ok = *budget >= n;
        *budget = budget.saturating_sub(n);
        ok
    };
    if let Some(text) = texts.get(own)
        && spend(text.len())
        && let Some(range) = find_loosely(text, &words.text)
    {
        return Some(Elsewhere::Loosely(range));
    }
    for (i, (text, folded)) in texts.iter().zip(folded).enumerate() {
        if i == own || !spend(text.len()) {
            continue;
        }
        if let Some(span) = locate(text, folded, quote).span() {
            return Some(Elsewhere::InSource(i, span));
        }
    }
    None
}

/// Words only: lower-case letters and digits without accents, one space between words; a word
/// broken by a hyphen at a line's end is one word. With each byte's origin in the text.
struct Loose {
    text: String,
    origin: Vec<Range<usize>>,
}

fn loose(text: &str) -> Loose {
    let mut out = Loose { text: String::with_capacity(text.len()), origin: Vec::with_capacity(text.len()) };
    let mut gap = false;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let range = at..at + c.len_utf8();
        if c == '-' || c == '\u{AD}' {
            // "arrange-\nment" is "arrangement"; "New-York" is two words.
            let rest = &text[range.end..];
            let spaces = rest.len() - rest.trim_start().len();
            if rest[..spaces].contains('\n') {
                while chars.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
                    chars.next();
                }
                continue;
            }
        }
        if !c.is_alphanumeric() {
            gap = !out.text.is_empty();
            continue;
        }
        if gap {
            out.text.push(' ');
            out.origin.push(range.clone());
            gap = false;
        }
        decompose_canonical(c, |d| {
            if d.is_alphanumeric() {
                for l in d.to_lowercase() {
                    out.text.push(l);
                    out.origin.extend(std::iter::repeat_n(range.clone(), l.len_utf8()));
                }
            }
        });
    }
    out
}

/// `words` (already loose) in `text`, as a byte range of `text` from the first word's first
/// letter to the last word's last.
fn find_loosely(text: &str, words: &str) -> Option<Range<usize>> {
    let hay = loose(text);
    let mut from = 0;
    while let Some(i) = hay.text[from..].find(words) {
        let (start, end) = (from + i, from + i + words.len());
        // Whole words: "cat" is not in "concatenate".
        let whole = (start == 0 || hay.text.as_bytes()[start - 1] == b' ')
            && (end == hay.text.len() || hay.text.as_bytes()[end] == b' ');
        if whole {
            return Some(hay.origin[start].start..hay.origin[end - 1].end);
        }
        from = start + hay.text[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Line and column (from 1, in characters) of byte `at` of `text`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary(at)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(texts: &[&str], own: usize, quote: &str) -> Option<Elsewhere> {
        let texts: Vec<Arc<str>> = texts.iter().map(|&t| Arc::from(t)).collect();
        let folded: Vec<_> = texts.iter().map(|t| Arc::new(FoldedText::new(t))).collect();
        find(&texts, &folded, own, quote, &mut HINT_BUDGET.clone())
    }

    #[test]
    fn the_same_words_with_other_case_punctuation_or_hyphenation_are_found_in_the_source() {
        let text = "Intro.\nIn August 2013, Facebook gave NETFLIX access to the private Titan arrange-\n  ment.";
        let Some(Elsewhere::Loosely(r)) = search(&[text], 0, "Facebook gave Netflix access") else { panic!() };
        assert_eq!(&text[r], "Facebook gave NETFLIX access");
        let Some(Elsewhere::Loosely(r)) = search(&[text], 0, "the private Titan arrangement") else { panic!() };
        assert_eq!(&text[r], "the private Titan arrange-\n  ment");
        let Some(Elsewhere::Loosely(r)) = search(&[text], 0, "In August, 2013 Facebook") else { panic!() };
        assert_eq!(line_column(text, r.start), (2, 1));
        assert_eq!(search(&[text], 0, "Facebook gave Netflix entry"), None);
        assert_eq!(search(&[text], 0, "gave Netflix"), None, "two words are too few to point anywhere");
        assert_eq!(search(&[text], 0, "acebook gave Netflix"), None, "whole words only");
        let accents = "Según informó el medio, Netflix pagó";
        assert!(matches!(search(&[accents], 0, "segun informo el medio"), Some(Elsewhere::Loosely(_))));
    }

    #[test]
    fn a_quote_of_another_source_is_found_there() {
        let texts = ["The first article.", "Another: Netflix paid for the data of users."];
        let Some(Elsewhere::InSource(1, r)) = search(&texts, 0, "Netflix paid for the data") else { panic!() };
        assert_eq!(&texts[1][r], "Netflix paid for the data");
    }

    #[test]
    fn the_search_stops_when_its_budget_is_spent() {
        let texts: Vec<Arc<str>> = vec![Arc::from("a b c d e"), Arc::from("x".repeat(100) + " the words are here")];
        let folded: Vec<_> = texts.iter().map(|t| Arc::new(FoldedText::new(t))).collect();
        let mut budget = 50;
        assert_eq!(find(&texts, &folded, 0, "the words are here", &mut budget), None);
        let mut budget = 500;
        assert!(find(&texts, &folded, 0, "the words are here", &mut budget).is_some());
        assert_eq!(budget, 500 - texts[0].len() - texts[1].len());
    }
}
