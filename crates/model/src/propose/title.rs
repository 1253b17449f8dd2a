//! The title a proposal's event gets: a short clause of its sentence saying what happened, not
//! the sentence's opening.
//!
//! [`short_title`](crate::title::short_title) makes it, as a passage made an event gets
//! one, from the part of the sentence that tells the date's fact:
//!
//! 1. For a date after another in its sentence, the clause holding it when a clause begins
//!    between the two (", where", ", and", "; "…): "…on March 3, 2017, where officers shaved his
//!    beard on March 15, 2017" is "Officers shaved his beard" for 15 March; a clause opening
//!    "and" and a verb takes the sentence's subject ("Defendants answered …, and produced the
//!    memoranda on July 2" is "Defendants produced the memoranda").
//!    A later date led into by a few words after a comma, with no clause of its own, is titled
//!    by the sentence's fact and those words: "…on January 31, 2020, retroactive to January
//!    27, 2020" is "The Department issued a memorandum (retroactive to this date)" for 27
//!    January.
//! 2. What opens it without saying what happened is left out (an attribution, a connective, the
//!    date that opens it: "Nell’agosto 2013, Facebook ha fornito…", "On January 31, 2020, the
//!    Department issued…"), and a footnote's number.
//! 3. It ends before a date told later, with the word leading into it ("The Court entered a
//!    scheduling order on January 31, 2020, …" is "The Court entered a scheduling order"): the
//!    event's date says it.
//! 4. But German ends its clause with the verb's other half ("Die Firma wurde 1887 gegründet"):
//!    there the date and the words leading into it are left out of the clause, which goes on to
//!    its end (a comma, where a subordinate clause begins, `;`, `:`, the next date), so the title is
//!    "Die Firma wurde gegründet"; a date that opens or ends its clause, or follows a comma and a
//!    subordinate clause's first word, ends the title as in rule 3.

use std::ops::Range;

use crate::dates::Found;
use crate::title::{DANGLING, DATE_LEADS, MIN_CLAUSE_WORDS, is_german, short_title, title_leaving_out, title_start};

/// What opens a new clause between two dates of a sentence, with whether the clause shares the
/// sentence's subject (it opens with a conjunction and a verb).
const CLAUSES: &[(&str, bool)] = &[
    (", where ", false),
    (", when ", false),
    (", while ", false),
    (", after which ", false),
    ("; ", false),
    (", and then ", true),
    (", and ", true),
    (" and then ", true),
    (", donde ", false),
    (", cuando ", false),
    (", y ", true),
    (", dove ", false),
    (", quando ", false),
    (", e ", true),
    (", ed ", true),
];

/// German words that open a subordinate clause: a date after a comma and one of them stands in
/// that clause, not in the title's.
#[rustfmt::skip]
const SUBORDINATE: &[&str] = &[
    "dass", "nachdem", "weil", "als", "wenn", "ob", "obwohl", "da", "bevor", "während", "sobald", "seit", "seitdem",
    "bis", "damit", "falls", "wo", "wie", "um", "der", "die", "das", "dem", "den", "deren", "dessen", "welche",
    "welcher", "welches", "welchen",
];

/// German prepositions that lead into a date besides [`DATE_LEADS`] ("auf den 1. Juli").
const PREPOSITIONS: &[&str] = &["auf", "für", "gegen", "über", "unter", "an", "in", "zu", "zur", "vor", "nach", "beim"];

/// German words that join a clause to the next; a title ending before the next date does not
/// end on one.
const GERMAN_JOINS: &[&str] = &["und", "oder", "sowie", "aber", "sondern"];

/// Words that open a subject without being it.
const ARTICLES: &[&str] = &["the", "a", "an", "el", "la", "los", "las", "il", "lo", "i", "gli", "le"];

/// The title for the date at `expression` of the sentence at `sentence`, whose dates are `dates`.
pub(crate) fn title_from(text: &str, sentence: &Range<usize>, expression: &Range<usize>, dates: &[Found]) -> String {
    if let Some(title) = clause_title(text, sentence, expression, dates) {
        return title;
    }
    if let Some(title) = after_colon_title(text, sentence, expression, dates) {
        return title;
    }
    if let Some(title) = modifier_title(text, sentence, expression, dates) {
        return title;
    }
    title_of(text, sentence, expression, dates)
}

/// Rule 1b: a later date led into by a few words after a comma and no clause of its own
/// ("…issued a memorandum on January 31, 2020, retroactive to January 27, 2020") did not see
/// the sentence's fact happen: it is titled by that fact and what the date is to it ("The
/// Department issued a memorandum (retroactive to this date)"), never as the fact itself.
fn modifier_title(text: &str, sentence: &Range<usize>, expression: &Range<usize>, dates: &[Found]) -> Option<String> {
    let before = dates.iter().filter(|d| d.end <= expression.start).map(|d| d.end).max()?;
    let between = text.get(before..expression.start)?;
    let (_, lead) = between.rsplit_once(',')?;
    let mut words: Vec<&str> = lead.split_whitespace().collect();
    if words.is_empty() {
        // The reader took the lead words in with the date ("effective June 1, 2020" is an
        // interval from then): they are the date's own opening words in lower case.
        let expressed = text.get(expression.clone())?;
        words = expressed.split_whitespace().take_while(|w| w.starts_with(char::is_lowercase)).collect();
    }
    if words.is_empty() || words.len() > 3 || words.iter().any(|w| w.ends_with(['.', ';', ':'])) {
        return None;
    }
    let first = dates.iter().find(|d| d.start >= sentence.start)?;
    let fact = title_of(text, sentence, &(first.start..first.end), dates);
    Some(format!("{fact} ({} this date)", words.join(" ")))
}

/// Rule 1a: the sentence's first date in a clause of its own after a colon or a semicolon
/// ("Non è un grande mistero…: dal 2011 al 2019, il CEO di allora di Netflix, Hastings, è stato
/// membro…") is titled by that clause, the fact it dates, not by what leads up to it.
fn after_colon_title(
    text: &str,
    sentence: &Range<usize>,
    expression: &Range<usize>,
    dates: &[Found],
) -> Option<String> {
    if dates.iter().any(|d| d.start >= sentence.start && d.end <= expression.start) {
        return None;
    }
    let whole = text.get(sentence.clone())?;
    let at = clause_after_colon(whole, &(expression.start - sentence.start..expression.end - sentence.start))?;
    let start = sentence.start + at;
    let later: Vec<Found> = dates.iter().filter(|d| d.start >= start).cloned().collect();
    Some(title_of(text, &(start..sentence.end), expression, &later))
}

/// Where the clause of the date at `date` in `sentence` begins, when a colon or a semicolon
/// stands before it and the clause says a few words more than its date; `None` otherwise.
pub(crate) fn clause_after_colon(sentence: &str, date: &Range<usize>) -> Option<usize> {
    // A colon between words, not one inside a time of day ("10:15").
    let head = sentence.get(..date.start)?;
    let at = [": ", "; "].iter().filter_map(|sep| head.rfind(sep)).max()? + 1;
    let after = sentence.get(date.end..)?;
    let words = after.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    (words >= MIN_CLAUSE_WORDS).then_some(at)
}

/// Rule 1: the clause of a later date, when one begins after the date before it.
fn clause_title(text: &str, sentence: &Range<usize>, expression: &Range<usize>, dates: &[Found]) -> Option<String> {
    let before = dates.iter().filter(|d| d.end <= expression.start).map(|d| d.end).max()?;
    let between = text.get(before..expression.start)?;
    let (at, sep, shares) = CLAUSES
        .iter()
        .filter_map(|&(sep, shares)| between.rfind(sep).map(|at| (at, sep, shares)))
        .max_by_key(|c| c.0)?;
    let start = before + at + sep.len();
    let clause = start..sentence.end;
    let later: Vec<Found> = dates.iter().filter(|d| d.start >= start).cloned().collect();
    let title = title_of(text, &clause, expression, &later);
    if !shares {
        return Some(title);
    }
    // "and produced the memoranda": the sentence's subject before the verb.
    let whole = title_of(text, sentence, &(dates[0].start..dates[0].end), dates);
    let subject: Vec<&str> = whole
        .split_whitespace()
        .take_while(|w| w.starts_with(char::is_uppercase) || ARTICLES.contains(&w.to_lowercase().as_str()))
        .collect();
    let first_of_clause = text[clause.clone()].split_whitespace().next().unwrap_or_default();
    if subject.is_empty() || subject.len() > 4 || first_of_clause.starts_with(char::is_uppercase) {
        return Some(title);
    }
    let mut rest = title.chars();
    let lowered: String = rest.next().map(|c| c.to_lowercase().chain(rest).collect()).unwrap_or_default();
    Some(format!("{} {lowered}", subject.join(" ")))
}

/// Rules 2 and 3 over `sentence`.
fn title_of(text: &str, sentence: &Range<usize>, expression: &Range<usize>, dates: &[Found]) -> String {
    let whole = &text[sentence.clone()];
    // A footnote's number before its first word.
    let numbered = whole.split_once(' ').filter(|(n, rest)| {
        n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(char::is_uppercase)
    });
    let skip = numbered.map_or(0, |(n, _)| n.len() + 1);
    let whole = &whole[skip..];
    let shift = |r: &Range<usize>| {
        r.start.saturating_sub(sentence.start + skip)..r.end.min(sentence.end).saturating_sub(sentence.start + skip)
    };
    // The date opening the sentence is left out whichever date is proposed.
    let opening = dates
        .iter()
        .find(|d| d.start >= sentence.start + skip)
        .map_or_else(|| shift(expression), |d| shift(&(d.start..d.end)));
    let begins = title_start(whole, Some(opening.clone()));
    let within_whole: Vec<Range<usize>> = dates
        .iter()
        .filter(|d| d.start >= sentence.start + skip && d.end <= sentence.end)
        .map(|d| shift(&(d.start..d.end)))
        .collect();
    if let Some(title) = german_title(whole, begins, &opening, &within_whole) {
        return title;
    }
    let cut = dates
        .iter()
        .filter_map(|d| {
            let at = d.start.checked_sub(sentence.start + skip)?;
            let from = begins.min(at);
            let mut words = word_starts(whole.get(from..at)?);
            if words.last().is_some_and(|&(_, w)| lead_word(w)) {
                words.pop();
            }
            let end = words.last().map_or(from, |&(s, w)| from + s + w.len());
            (words.len() >= MIN_CLAUSE_WORDS).then_some(end)
        })
        .min()
        .unwrap_or(whole.len());
    let mut kept = whole[..cut].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '—' | '–'));
    // Nor does it end on "to", "the" or "of".
    while let Some((head, last)) = kept.rsplit_once(' ') {
        let w = last.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if !(DANGLING.contains(&w.as_str()) || lead_word(last)) || head.split_whitespace().count() < MIN_CLAUSE_WORDS {
            break;
        }
        kept = head.trim_end_matches([',', ' ']);
    }
    // "…, retroactive to January 27": a word or two leading into the cut date leave with it.
    if cut < whole.len()
        && let Some((head, tail)) = kept.rsplit_once(',')
        && tail.split_whitespace().count() <= 2
        && head.split_whitespace().count() >= MIN_CLAUSE_WORDS
    {
        kept = head;
    }
    let within = Some(opening).filter(|w| w.start < w.end && w.end <= kept.len());
    short_title(kept, within)
}

/// Rule 4: the German title of `whole` (its title beginning at `begins`, its dates at `dates`, the
/// first at `opening`), with the first date inside the title's clause left out and the clause kept
/// to its end; or with nothing cut, when no date stands inside it but its last word would be
/// dropped ("legte … ein"). `None` when the rule does not apply, or the sentence is not German.
fn german_title(whole: &str, begins: usize, opening: &Range<usize>, dates: &[Range<usize>]) -> Option<String> {
    let mut inner: Vec<&Range<usize>> = dates.iter().filter(|d| d.start >= begins).collect();
    inner.sort_by_key(|d| d.start);
    let (end, leave_out) = match inner.first() {
        None => {
            let last = whole.split_whitespace().last()?;
            let w = last.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            if !(DANGLING.contains(&w.as_str()) || lead_word(last)) {
                return None;
            }
            (whole.len(), None)
        }
        Some(date) => {
            // "veränderte der 11. September": a date that is a noun stays.
            let from = leads_from(whole, begins, date.start)?;
            let before = whole.get(begins..from)?;
            // The date opens its clause, or stands in one after a comma ("…, nachdem", "…, und")
            // or "und".
            let part = before.rsplit_once(',').map_or(before, |(_, part)| part);
            let opener = part.split_whitespace().next()?.to_lowercase();
            let last = before.split_whitespace().last()?.to_lowercase();
            let subordinate = before.contains(',') && SUBORDINATE.contains(&opener.as_str());
            if subordinate || GERMAN_JOINS.contains(&opener.as_str()) || GERMAN_JOINS.contains(&last.as_str()) {
                return None;
            }
            let next = inner
                .iter()
                .find(|n| n.start >= date.end)
                .map(|n| leads_from(whole, date.end, n.start).unwrap_or(n.start));
            let end = clause_end(whole, date.end, next.unwrap_or(whole.len()));
            let counted = |s: &str| s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
            let after = &whole[date.end..end];
            // Nothing after it in its clause, or "und": the date ends the clause, and rule 3 cuts
            // there.
            let joins =
                after.split_whitespace().next().is_some_and(|w| GERMAN_JOINS.contains(&w.to_lowercase().as_str()));
            if joins || counted(after) == 0 || counted(before) + counted(after) < MIN_CLAUSE_WORDS {
                return None;
            }
            (end, Some(from..date.end))
        }
    };
    if !is_german(whole) {
        return None;
    }
    let mut kept = whole[..end].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '—' | '–'));
    // "… eingereicht und am 5. Mai abgewiesen": not on "und".
    while end < whole.len()
        && let Some((head, last)) = kept.rsplit_once(' ')
        && GERMAN_JOINS.contains(&last.to_lowercase().as_str())
    {
        kept = head.trim_end();
    }
    let within = Some(opening.clone()).filter(|w| w.start < w.end && w.end <= kept.len());
    Some(title_leaving_out(kept, within, leave_out.as_ref()))
}

/// Where the words leading into the date at `at` begin, not before `from`: a preposition, maybe
/// with an article ("am", "im", "seit dem", "auf den", "bis zum"). `None` when an article alone
/// leads into it: the date is a noun ("der 11. September").
fn leads_from(text: &str, from: usize, at: usize) -> Option<usize> {
    let preposition = |w: &str| lead_word(w) || PREPOSITIONS.contains(&w.to_lowercase().as_str());
    let words = word_starts(&text[from..at]);
    let mut back = words.iter().rev();
    let Some(&(s, w)) = back.next() else { return Some(at) };
    let article = ["der", "die", "das", "den", "dem", "des"].contains(&w.to_lowercase().as_str());
    match back.next() {
        _ if !article && !preposition(w) => Some(at),
        Some(&(s2, w2)) if preposition(w2) => Some(from + s2),
        _ if article => None,
        _ => Some(from + s),
    }
}

/// The end of the clause going on at `from`: after the first word ending with a comma, `;` or `:`,
/// else `limit`.
fn clause_end(text: &str, from: usize, limit: usize) -> usize {
    word_starts(&text[from..limit])
        .into_iter()
        .find(|(_, w)| w.trim_end_matches(['”', '»', '’', '"', ')']).ends_with([',', ';', ':']))
        .map_or(limit, |(s, w)| from + s + w.len())
}

/// The words of `text` with where each begins.
fn word_starts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// A word that leads into a date: "on", "in", "el", "il", "nel", "desde".
fn lead_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'').to_lowercase();
    DATE_LEADS.contains(&w.as_str()) || ["el", "il", "lo", "la", "del", "al", "the"].contains(&w.as_str())
}
