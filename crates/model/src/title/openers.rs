//! What opens a sentence without saying what happened, left out of its title: connectives,
//! attributions, a document that says something, and an opening date.

use std::ops::Range;

use super::words::{GOES_ON, THAT};
use super::{
    ATTRIBUTION_WORDS, ATTRIBUTIONS, CLOSING, CONNECTIVES, DANGLING, DATE_LEAD_WORDS, DATE_LEADS, DOCUMENTS, OPENING,
    SAYS, core, ends_with,
};

/// Whether the words at `at` are `phrase`'s, the last one maybe followed by punctuation; the
/// number of words when they are.
fn phrase_at(text: &str, words: &[Range<usize>], at: usize, phrase: &str) -> Option<usize> {
    let parts: Vec<&str> = phrase.split(' ').collect();
    let candidates = words.get(at..at + parts.len())?;
    let inner_ok = candidates[..parts.len() - 1].iter().all(|w| !text[w.clone()].ends_with(CLOSING));
    let same = candidates.iter().zip(&parts).all(|(w, p)| core(&text[w.clone()]) == *p);
    (same && inner_ok).then_some(parts.len())
}

/// The index of the first word the title keeps: past connectives, attributions, a document
/// that says, and an opening date, while enough words are left; with the index of the first word
/// of the last opener left out (0 when none is).
pub(super) fn skip_openers(text: &str, words: &[Range<usize>], date: Option<Range<usize>>) -> (usize, usize) {
    let (mut at, mut last) = (0, 0);
    let mut date = date;
    loop {
        let left = words.len() - at;
        let next = connective(text, words, at)
            .or_else(|| attribution(text, words, at))
            .or_else(|| document_says(text, words, at))
            .filter(|&n| left - n >= 2)
            .or_else(|| {
                let n = opening_date(text, words, at, date.as_ref()?)?;
                date = None;
                (left - n >= 3).then_some(n)
            });
        match next {
            Some(n) if n > 0 => (last, at) = (at, at + n),
            _ => return (at, last),
        }
    }
}

/// "Inoltre, …": how many words the connective at `at` takes.
fn connective(text: &str, words: &[Range<usize>], at: usize) -> Option<usize> {
    CONNECTIVES.iter().find_map(|&(phrase, bare)| {
        let n = phrase_at(text, words, at, phrase)?;
        let last = &text[words[at + n - 1].clone()];
        let plain = last.trim_start_matches(OPENING).trim_end_matches(CLOSING).len() == last.len();
        (ends_with(last, ',') || (bare && plain)).then_some(n)
    })
}

/// "Según la demanda, …": how many words the attribution at `at` takes, to its comma.
fn attribution(text: &str, words: &[Range<usize>], at: usize) -> Option<usize> {
    ATTRIBUTIONS.iter().find_map(|&phrase| {
        let n = phrase_at(text, words, at, phrase)?;
        let within = (at + n..words.len()).take(ATTRIBUTION_WORDS);
        let end = within.clone().find(|&i| text[words[i].clone()].ends_with(CLOSING));
        if let Some(end) = end {
            let last = &text[words[end].clone()];
            let quoted = words[at + n..=end].iter().any(|w| text[w.clone()].starts_with(['“', '«', '‘', '"']));
            if ends_with(last, ',') && !quoted && !DANGLING.contains(&core(last).as_str()) {
                return Some(end + 1 - at);
            }
        }
        // German sets no comma after it: "Laut der Klageschrift unterzeichnete …" ends at the
        // document it names.
        let named = within.take(3).take_while(|&i| end.is_none_or(|e| i <= e));
        let named = named.into_iter().find(|&i| DOCUMENTS.contains(&core(&text[words[i].clone()]).as_str()))?;
        Some(named + 1 - at)
    })
}

/// "Il documento aggiunge inoltre: …", "El informe especifica que …", "As the complaint
/// alleges, …": how many words the lead takes, when it names a document and a verb of saying.
fn document_says(text: &str, words: &[Range<usize>], at: usize) -> Option<usize> {
    let (mut document, mut says) = (false, false);
    for i in (at..words.len()).take(7) {
        let word = &text[words[i].clone()];
        let c = core(word);
        if document && says && THAT.contains(&c.as_str()) {
            return Some(i + 1 - at);
        }
        document |= DOCUMENTS.contains(&c.as_str());
        says |= SAYS.contains(&c.as_str());
        if ends_with(word, ':') || ends_with(word, ',') {
            // "Der Bericht erklärt, dass …": the "that" after the comma goes with it.
            let that = words.get(i + 1).is_some_and(|w| THAT.contains(&core(&text[w.clone()]).as_str()));
            return (document && says).then_some(i + 1 + usize::from(that) - at);
        }
        if word.ends_with(CLOSING) {
            return None;
        }
    }
    None
}

/// "Nell’agosto 2013, …", "In 2011 …": how many words the date at `date` and its lead take,
/// when it opens the words at `at` and ends with its word.
fn opening_date(text: &str, words: &[Range<usize>], at: usize, date: &Range<usize>) -> Option<usize> {
    let start = words.get(at)?.start;
    if date.start < start {
        return None;
    }
    let lead: Vec<&str> = text[start..date.start].split_whitespace().collect();
    let leads_in = |w: &&str| {
        let c = core(w);
        c.is_empty() || w.ends_with(['’', '\'']) || DATE_LEADS.contains(&c.as_str()) || DANGLING.contains(&c.as_str())
    };
    if lead.len() > DATE_LEAD_WORDS || !lead.iter().all(leads_in) {
        return None;
    }
    let last = words[at..].iter().position(|w| w.end >= date.end)?;
    let after = &text[date.end..words[at + last].end];
    if after.chars().any(char::is_alphanumeric) {
        return None;
    }
    // "The summer of 2014 was decisive": a date that is the subject stays.
    let opening = lead.first().copied().or_else(|| text[date.clone()].split_whitespace().next());
    let subject = opening.is_some_and(|w| core(w) == "the") && !after.contains(',');
    // "In 2020 and 2021 revenue grew": a date that goes on stays.
    let goes_on = words.get(at + last + 1).is_some_and(|w| GOES_ON.contains(&core(&text[w.clone()]).as_str()));
    (!subject && !goes_on).then_some(last + 1)
}
