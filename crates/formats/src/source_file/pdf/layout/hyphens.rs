//! The hyphens at a line's end: a word split there joined again, a real hyphen kept, as the
//! document itself writes the word, else as the languages' word lists do.

use std::collections::HashMap;

use super::super::text::RawPage;
use super::{Line, line_text};

/// Every word of the document's lines, lower case, with how often it stands written whole
/// (not split at a line's end): what decides whether a hyphen at a line's end is real.
pub(super) fn vocabulary(lines: &[Line], pages: &[RawPage]) -> HashMap<String, u32> {
    let mut words: HashMap<String, u32> = HashMap::new();
    for l in lines {
        let text = line_text(l, pages);
        let mut it = text.split_whitespace().peekable();
        while let Some(w) = it.next() {
            if it.peek().is_none() && w.ends_with('-') {
                continue;
            }
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if !w.is_empty() {
                *words.entry(w.to_lowercase()).or_default() += 1;
            }
        }
    }
    words
}

/// Whether the hyphen ending `text` (the paragraph so far) splits one word whose rest
/// begins `next`: a real hyphen stays ("out-of-state", "10,000-square-foot", "Anglo-Saxon").
/// `vocabulary` is the document's words (see [`vocabulary`]).
pub(super) fn hyphen(vocabulary: &HashMap<String, u32>, text: &str, next: &str) -> Hyphen {
    let stem = text.strip_suffix('-').unwrap_or(text);
    let first = stem.rsplit(char::is_whitespace).next().unwrap_or("");
    let first = first.trim_start_matches(|c: char| !c.is_alphanumeric());
    let rest: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    let (Some(end), Some(start)) = (first.chars().next_back(), rest.chars().next()) else { return Hyphen::Real };
    if !end.is_alphabetic() || !start.is_alphabetic() || start.is_uppercase() || first.contains('-') {
        return Hyphen::Real;
    }
    let joined = format!("{first}{rest}").to_lowercase();
    let hyphened = format!("{first}-{rest}").to_lowercase();
    let count = |w: &str| vocabulary.get(w).copied().unwrap_or(0);
    match count(&hyphened).cmp(&count(&joined)) {
        std::cmp::Ordering::Greater => Hyphen::Real,
        std::cmp::Ordering::Less => Hyphen::Syllable,
        std::cmp::Ordering::Equal => {
            let (first, rest) = (first.to_lowercase(), rest.to_lowercase());
            if COMPOUND_FIRST.contains(&first.as_str()) || COMPOUND_SECOND.contains(&rest.as_str()) {
                Hyphen::Real
            } else if is_word(&joined) {
                Hyphen::Syllable
            } else if is_word(&first) && is_word(&rest) && first.chars().count() > 1 {
                // "court-/appointed": two words, and no word written whole.
                Hyphen::Real
            } else {
                Hyphen::Syllable
            }
        }
    }
}

pub(super) enum Hyphen {
    Real,
    Syllable,
}

/// Whether `word` (lower case) is among the most frequent words of English, Spanish or Italian
/// (`assets/words/`, from wordfreq).
fn is_word(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            [
                include_str!("../../../../../../assets/words/en.txt"),
                include_str!("../../../../../../assets/words/es.txt"),
                include_str!("../../../../../../assets/words/it.txt"),
            ]
            .iter()
            .flat_map(|list| list.lines())
            .collect()
        })
        .contains(word)
}

/// First parts that make a compound with a hyphen, when the document does not say otherwise.
const COMPOUND_FIRST: [&str; 14] =
    ["self", "well", "ex", "cross", "so", "non", "third", "half", "one", "two", "three", "court", "long", "short"];
/// Second parts likewise.
const COMPOUND_SECOND: [&str; 12] =
    ["based", "related", "owned", "term", "party", "wide", "like", "free", "known", "ordered", "specific", "level"];
