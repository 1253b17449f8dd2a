//! Reworded words found again: places suggested by pieces of the quote and of its context found
//! exactly, each scored by an edit distance computed there, and the words found made whole.

use std::ops::Range;

use super::{Candidate, FUZZY_NEAR, MIN_FUZZY, Sought, candidate};

/// The bytes of each piece of the quote or of its context looked for exactly.
const PIECE: usize = 12;

/// The best fuzzy place of the quote: places suggested by pieces of the quote and of its
/// context found exactly, each scored by a local edit distance, none overlapping `avoid`. With
/// its number of errors.
pub(super) fn fuzzy(hay: &str, s: &Sought, avoid: Option<&Range<usize>>) -> Option<(Candidate, usize)> {
    let len = s.quote.len();
    if len < MIN_FUZZY {
        return None;
    }
    // MAX_ERRORS of the quote's bytes.
    let errors = len / 4;
    let bytes = s.quote.as_bytes();
    let starts = suggested_starts(hay, s);
    // One window per cluster of suggested starts, the most suggested first: (start, votes).
    let mut clusters: Vec<(usize, usize)> = Vec::new();
    for &at in &starts {
        match clusters.last_mut() {
            Some((first, votes)) if at - *first <= errors + PIECE => *votes += 1,
            _ => clusters.push((at, 1)),
        }
    }
    clusters.sort_by_key(|&(_, votes)| std::cmp::Reverse(votes));
    let mut best: Option<(Candidate, usize)> = None;
    for &(start, _) in clusters.iter().take(6) {
        let from = hay.floor_char_boundary(start.saturating_sub(errors + PIECE));
        let to = hay.ceil_char_boundary((start + len + 2 * errors + PIECE).min(hay.len()));
        if from >= to {
            continue;
        }
        let Some((found, distance)) = local_match(bytes, &hay.as_bytes()[from..to]) else { continue };
        if distance > errors {
            continue;
        }
        let found = hay.floor_char_boundary(from + found.start)..hay.ceil_char_boundary(from + found.end);
        let found = whole_words(hay, found, &s.quote);
        if found.is_empty() || avoid.is_some_and(|a| a.start < found.end && found.start < a.end) {
            continue;
        }
        let place = candidate(hay, s, found);
        let score = |c: &Candidate, errors: usize| c.context() - errors as f32 / len as f32;
        if best.as_ref().is_none_or(|(b, e)| score(&place, distance) > score(b, *e)) {
            best = Some((place, distance));
        }
    }
    best
}

/// Where the pieces of the quote, and those of its context next to it, found exactly around the
/// quote's old place say it begins, with the old place itself; in order.
fn suggested_starts(hay: &str, s: &Sought) -> Vec<usize> {
    let len = s.quote.len();
    // Where each found piece says the quote begins.
    let mut starts: Vec<usize> = Vec::new();
    // Other words are looked for around where the quote stood, not through all of a long text.
    let old = s.old.unwrap_or(0);
    let window = hay.floor_char_boundary(old.saturating_sub(FUZZY_NEAR))
        ..hay.ceil_char_boundary((old + len + FUZZY_NEAR).min(hay.len()));
    let pieces = (len / PIECE).clamp(1, 16);
    let stride = (len - PIECE.min(len)) / pieces;
    let bytes = s.quote.as_bytes();
    // A piece found at `i` says the quote begins at `i + add - sub`.
    let mut seed = |piece: &[u8], add: usize, sub: usize| {
        let Ok(piece) = std::str::from_utf8(piece) else { return };
        if piece.trim().len() < 6 {
            return;
        }
        for i in memchr::memmem::find_iter(&hay.as_bytes()[window.clone()], piece.as_bytes()).take(8) {
            if let Some(start) = (window.start + i + add).checked_sub(sub) {
                starts.push(start);
            }
        }
    };
    for nth in 0..=pieces {
        let at = (nth * stride).min(len.saturating_sub(PIECE));
        let end = (at + PIECE).min(len);
        if s.quote.is_char_boundary(at) && s.quote.is_char_boundary(end) {
            seed(&bytes[at..end], 0, at);
        }
    }
    // The context's pieces next to the quote point at it too.
    let before = s.prefix.as_bytes();
    if before.len() >= PIECE && s.prefix.is_char_boundary(before.len() - PIECE) {
        seed(&before[before.len() - PIECE..], PIECE, 0);
    }
    if s.suffix.len() >= PIECE && s.suffix.is_char_boundary(PIECE) {
        seed(&s.suffix.as_bytes()[..PIECE], 0, len);
    }
    if let Some(old) = s.old {
        starts.push(old);
    }
    starts.sort_unstable();
    starts
}

/// The substring of `window` closest to `pattern` by edit distance (Sellers: free start and
/// end in the window), as a byte range of the window with its distance. Ties: the longest.
fn local_match(pattern: &[u8], window: &[u8]) -> Option<(Range<usize>, usize)> {
    let n = window.len();
    // For each end position j: the distance, and where the match began.
    let mut cost: Vec<u32> = vec![0; n + 1];
    let mut from: Vec<u32> = (0..=u32::try_from(n).unwrap_or(u32::MAX)).collect();
    for (i, &p) in (1u32..).zip(pattern) {
        let (mut diag_cost, mut diag_from) = (cost[0], from[0]);
        cost[0] = i;
        from[0] = 0;
        for j in 1..=n {
            let (up_cost, up_from) = (cost[j], from[j]);
            let sub = diag_cost + u32::from(p != window[j - 1]);
            let (mut c, mut f) = (sub, diag_from);
            if up_cost + 1 < c {
                (c, f) = (up_cost + 1, up_from);
            }
            if cost[j - 1] + 1 < c {
                (c, f) = (cost[j - 1] + 1, from[j - 1]);
            }
            (diag_cost, diag_from) = (up_cost, up_from);
            cost[j] = c;
            from[j] = f;
        }
    }
    let (end, d) = (1..=n).map(|j| (j, cost[j])).min_by_key(|&(j, c)| (c, std::cmp::Reverse(j)))?;
    Some((from[end] as usize..end, d as usize))
}

/// Reworded words found fuzzily, made a quote a person would take: a word cut by the match's
/// start or end is taken whole when most of it is inside, and left out when most of it is
/// outside ("by both partici" → "by both participants", "d a contract" → "a contract"); and
/// the words stop at a sentence's end that the quote does not have ("by all. Later" → "by
/// all"), keeping its full stop only when the quote ended with one.
fn whole_words(hay: &str, r: Range<usize>, quote: &str) -> Range<usize> {
    let word = |c: char| c.is_alphanumeric();
    let (mut start, mut end) = (r.start, r.end);
    // The word that the byte offset `at` cuts, if it cuts one: its start and end.
    let cut = |at: usize| -> Option<(usize, usize)> {
        let before = hay[..at].chars().next_back().is_some_and(word);
        let after = hay[at..].chars().next().is_some_and(word);
        (before && after).then(|| {
            let from = hay[..at].char_indices().rev().find(|&(_, c)| !word(c)).map_or(0, |(i, c)| i + c.len_utf8());
            let to = hay[at..].char_indices().find(|&(_, c)| !word(c)).map_or(hay.len(), |(i, _)| at + i);
            (from, to)
        })
    };
    if let Some((from, to)) = cut(start) {
        start = if to - start >= start - from { from } else { to };
    }
    if let Some((from, to)) = cut(end) {
        end = if end - from >= to - end { to } else { from };
    }
    if !has_sentence_end(quote)
        && let Some(stop) = has_sentence_end(&hay[start..end.max(start)]).then(|| sentence_end(&hay[start..end]))
        && let Some(stop) = stop
    {
        let keep = usize::from(quote.trim_end().ends_with(['.', '!', '?']));
        end = start + stop + keep;
    }
    let words = &hay[start..end.max(start)];
    let lead = words.len() - words.trim_start().len();
    let kept = words.trim().len();
    if kept == 0 { r } else { start + lead..start + lead + kept }
}

/// Where the first sentence of `s` ends: the offset of its `.`, `!` or `?` followed by a space
/// and a capital.
fn sentence_end(s: &str) -> Option<usize> {
    s.char_indices().find_map(|(i, c)| {
        let mut rest = s[i + c.len_utf8()..].chars();
        (matches!(c, '.' | '!' | '?') && rest.next() == Some(' ') && rest.next().is_some_and(char::is_uppercase))
            .then_some(i)
    })
}

fn has_sentence_end(s: &str) -> bool {
    sentence_end(s).is_some()
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_match_finds_the_closest_substring() {
        let (r, d) = local_match(b"gave Netflix access", b"xx gave NetFlix accesss yy").expect("match");
        assert_eq!(d, 1);
        assert_eq!(&"xx gave NetFlix accesss yy"[r], "gave NetFlix access");
    }
}
