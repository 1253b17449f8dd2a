//! New versions of real texts, made with a fixed seed, with where each quote of the old version
//! truly stands in the new one: for measuring re-anchoring (`tests/check_cli.rs`) and timing it
//! (`benches/reanchor.rs`).
//!
//! Quotes are marked in the old text by private-use characters (an opening one per quote, a
//! shared closing one), the text is edited as a new version would be, and the marks then say
//! where each quote went, or that it was deleted.

use std::ops::Range;

/// The shipped articles.
pub const TEXTS: [&str; 2] = [
    include_str!("../../assets/sources/es-netflix-meta-mensajes-privados.txt"),
    include_str!("../../assets/sources/it-netflix-100-milioni-messaggi-facebook.txt"),
];

/// Where a quote of the old text stands in the new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Truth {
    /// The same words (once folded) at these bytes.
    Same(Range<usize>),
    /// Other words at these bytes (a typo inside the quote, a word changed).
    Reworded(Range<usize>),
    Deleted,
}

#[derive(Clone, Debug)]
pub struct Cited {
    pub quote: String,
    pub old: Range<usize>,
    pub truth: Truth,
}

#[derive(Clone, Debug)]
pub struct Trial {
    pub old: String,
    pub new: String,
    pub quotes: Vec<Cited>,
}

/// xorshift64*: the same numbers for the same seed, everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { usize::try_from(self.next() % n as u64).unwrap_or(0) }
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const CLOSE: char = '\u{E001}';

fn open(id: usize) -> char {
    char::from_u32(0xF0000 + u32::try_from(id).expect("few quotes")).expect("a private-use character")
}

fn is_mark(c: char) -> bool {
    c == CLOSE || ('\u{F0000}'..='\u{FFFFD}').contains(&c)
}

/// `marked` without its marks, with each quote's range.
fn unmark(marked: &str, quotes: usize) -> (String, Vec<Option<Range<usize>>>) {
    let mut text = String::with_capacity(marked.len());
    let mut ranges = vec![None; quotes];
    let mut current: Option<(usize, usize)> = None;
    for c in marked.chars() {
        if c == CLOSE {
            if let Some((id, start)) = current.take() {
                ranges[id] = Some(start..text.len());
            }
        } else if is_mark(c) {
            current = Some((c as usize - 0xF0000, text.len()));
        } else {
            text.push(c);
        }
    }
    (text, ranges)
}

/// Sentences of `text` as byte ranges (ending at ". ", "? ", "! " or a line break).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end = match b {
            b'.' | b'?' | b'!' if bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace) => i + 1,
            b'\n' => i,
            _ => continue,
        };
        let s = &text[start..end];
        let trimmed = s.trim_start();
        let from = start + (s.len() - trimmed.len());
        if trimmed.trim_end().len() >= 20 {
            out.push(from..from + trimmed.trim_end().len());
        }
        start = end;
    }
    out
}

/// What was done to a quote on purpose, besides the edits around it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    Left,
    Reworded,
    Deleted,
    Repeated,
}

/// One trial: an old text (one or both articles), `quotes` sentences or clauses of it quoted,
/// and a new version made by typo fixes, inserted and deleted paragraphs, reflowed lines,
/// changed punctuation and quote marks, and some quotes reworded, deleted or repeated.
#[allow(clippy::too_many_lines)] // one trial, step by step
pub fn trial(seed: u64, quotes: usize) -> Trial {
    let mut rng = Rng::new(seed);
    let base = match rng.below(3) {
        0 => TEXTS[0].to_owned(),
        1 => TEXTS[1].to_owned(),
        _ => format!("{}\n\n{}", TEXTS[0], TEXTS[1]),
    };
    let other = TEXTS[rng.below(2)];
    // Quotes: sentences, or a clause of one, none overlapping.
    let mut candidates = sentences(&base);
    let mut chosen: Vec<Range<usize>> = Vec::new();
    while chosen.len() < quotes && !candidates.is_empty() {
        let mut r = candidates.swap_remove(rng.below(candidates.len()));
        if rng.chance(40) {
            // A clause: from a word's start to another's end.
            let s = &base[r.clone()];
            let spaces: Vec<usize> = s.match_indices(' ').map(|(i, _)| i).collect();
            if spaces.len() > 8 {
                // At least three words.
                let i = rng.below(spaces.len() / 2);
                let j = (spaces.len() / 2 + rng.below(spaces.len() / 2)).max(i + 3).min(spaces.len() - 1);
                r = r.start + spaces[i] + 1..r.start + spaces[j];
            }
        }
        chosen.push(r);
    }
    chosen.sort_by_key(|r| r.start);
    let mut marked = String::with_capacity(base.len() + 64);
    let mut at = 0;
    for (id, r) in chosen.iter().enumerate() {
        marked.push_str(&base[at..r.start]);
        marked.push(open(id));
        marked.push_str(&base[r.clone()]);
        marked.push(CLOSE);
        at = r.end;
    }
    marked.push_str(&base[at..]);
    let (old, old_ranges) = unmark(&marked, chosen.len());
    let fates: Vec<Fate> = (0..chosen.len())
        .map(|_| match rng.below(100) {
            0..8 => Fate::Reworded,
            8..14 => Fate::Deleted,
            14..24 => Fate::Repeated,
            _ => Fate::Left,
        })
        .collect();
    let mut text = marked;
    // Quotes reworded, deleted, repeated elsewhere.
    for (id, fate) in fates.iter().enumerate() {
        let Some(start) = text.find(open(id)) else { continue };
        let inner = start + open(id).len_utf8();
        let Some(len) = text[inner..].find(CLOSE) else { continue };
        let words = text[inner..inner + len].to_owned();
        match fate {
            Fate::Reworded => {
                let reworded = reword(&words, &mut rng);
                text.replace_range(inner..inner + len, &reworded);
            }
            Fate::Deleted => text.replace_range(start..inner + len + CLOSE.len_utf8(), ""),
            Fate::Repeated => {
                let at = paragraph_breaks(&text);
                let p = at[rng.below(at.len())];
                text.insert_str(p, &format!("\n\nAs said: {words} And so on.\n"));
            }
            Fate::Left => {}
        }
    }
    // Edits around the quotes.
    for _ in 0..=rng.below(6) {
        match rng.below(6) {
            0 => typo_fix(&mut text, &mut rng),
            1 => {
                // Never a paragraph holding a quote: a copy of it would be the quote moved.
                let paragraphs: Vec<&str> = other
                    .split("\n\n")
                    .filter(|p| p.len() > 40 && !chosen.iter().any(|r| p.contains(&base[r.clone()])))
                    .collect();
                if paragraphs.is_empty() {
                    continue;
                }
                let inserted = paragraphs[rng.below(paragraphs.len())].to_owned();
                let at = paragraph_breaks(&text);
                let p = at[rng.below(at.len())];
                text.insert_str(p, &format!("\n\n{inserted}"));
            }
            2 => delete_paragraph(&mut text, &mut rng),
            3 => reflow(&mut text, &mut rng),
            4 => {
                text = text.replace(" \"", " \u{201C}").replace("\" ", "\u{201D} ").replace('\'', "\u{2019}");
            }
            _ => punctuation(&mut text, &mut rng),
        }
    }
    let (new, new_ranges) = unmark(&text, chosen.len());
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace(['\u{2019}'], "'")
            .replace(['\u{201C}', '\u{201D}'], "\"")
    };
    let quotes = chosen
        .iter()
        .enumerate()
        .map(|(id, _)| {
            let old_range = old_ranges[id].clone().expect("marked");
            let quote = old[old_range.clone()].to_owned();
            let truth = match &new_ranges[id] {
                None => Truth::Deleted,
                Some(r) if r.is_empty() => Truth::Deleted,
                Some(r) if fold(&new[r.clone()]) == fold(&quote) => Truth::Same(r.clone()),
                Some(r) => Truth::Reworded(r.clone()),
            };
            Cited { quote, old: old_range, truth }
        })
        .collect();
    Trial { old, new, quotes }
}

/// Byte offsets of the text's paragraph breaks (and its end), never inside a quote.
fn paragraph_breaks(text: &str) -> Vec<usize> {
    let mut at: Vec<usize> = text.match_indices("\n\n").map(|(i, _)| i).filter(|&i| !inside_quote(text, i)).collect();
    at.push(text.len());
    at
}

/// Whether byte `at` of a marked text is inside a quote's marks.
fn inside_quote(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let opened = before.rfind(|c: char| is_mark(c) && c != CLOSE);
    let closed = before.rfind(CLOSE);
    matches!((opened, closed), (Some(o), c) if c.is_none_or(|c| c < o))
}

/// A word inserted inside the quote, or one of its inner words changed.
fn reword(words: &str, rng: &mut Rng) -> String {
    let mut list: Vec<String> = words.split(' ').map(str::to_owned).collect();
    if list.len() < 3 {
        return format!("{words} nuovo");
    }
    let i = 1 + rng.below(list.len() - 2);
    if rng.chance(50) {
        list.insert(i, ["nuovo", "also", "muy", "dunque"][rng.below(4)].to_owned());
    } else {
        list[i] = format!("{}{}", list[i], ["ísimo", "s", "x"][rng.below(3)]);
    }
    list.join(" ")
}

/// Two letters of a word swapped back: a typo fixed (anywhere, inside a quote too).
fn typo_fix(text: &mut String, rng: &mut Rng) {
    let words: Vec<(usize, &str)> = text
        .split_inclusive(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len();
            Some((start, w))
        })
        .filter(|(_, w)| w.len() > 6 && w.bytes().all(|b| b.is_ascii_alphabetic() || b == b' '))
        .collect();
    if words.is_empty() {
        return;
    }
    let (start, w) = words[rng.below(words.len())];
    let i = 1 + rng.below(w.trim_end().len() - 2);
    let mut bytes = w.as_bytes().to_vec();
    bytes.swap(i, i + 1);
    let fixed = String::from_utf8(bytes).expect("ASCII");
    text.replace_range(start..start + w.len(), &fixed);
}

fn delete_paragraph(text: &mut String, rng: &mut Rng) {
    let at = paragraph_breaks(text);
    if at.len() < 3 {
        return;
    }
    let i = rng.below(at.len() - 2);
    let (a, b) = (at[i], at[i + 1]);
    // A paragraph holding a quote's mark is deleted whole with its quote (both marks inside).
    let part = &text[a..b];
    if part.chars().filter(|&c| c == CLOSE).count() != part.chars().filter(|&c| is_mark(c) && c != CLOSE).count() {
        return;
    }
    text.replace_range(a..b, "");
}

/// Some spaces of a paragraph become line breaks with an indent, as a reflowed text has them.
fn reflow(text: &mut String, rng: &mut Rng) {
    let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
    let mut chosen: Vec<usize> = (0..spaces.len() / 8).map(|_| spaces[rng.below(spaces.len())]).collect();
    chosen.sort_unstable();
    chosen.dedup();
    for &i in chosen.iter().rev() {
        text.replace_range(i..=i, "\n  ");
    }
}

/// A comma becomes a semicolon, outside the quotes.
fn punctuation(text: &mut String, rng: &mut Rng) {
    let commas: Vec<usize> = text.match_indices(", ").map(|(i, _)| i).filter(|&i| !inside_quote(text, i)).collect();
    for _ in 0..3 {
        if let Some(&i) = commas.get(rng.below(commas.len().max(1))) {
            text.replace_range(i..=i, ";");
        }
    }
}
