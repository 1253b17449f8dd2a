//! Text cut into words, numbers and single marks, each with its byte range, and each word's
//! lower case kept in one shared buffer: reading a megabyte allocates a few buffers, not a
//! string a word.

use std::cell::Cell;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// Digits, with separators inside (`1908-05-13`, `5/3/2014`, `2,013`, `2016/679`).
    Number,
    /// One character of anything else (punctuation, symbols).
    Mark,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Whitespace stands between this token and the one before.
    pub spaced: bool,
    /// A line break that ends a line stands between this token and the one before (see
    /// [`ends_a_line`]).
    pub newline: bool,
    /// Where its lower case is in [`Tokens::lower`].
    lower: Range<u32>,
}

/// A line shorter than this ends where its line break is; a longer one may be a paragraph
/// wrapped by hand ("Nov.⏎25, 2020"), read on across the break.
const WRAPPED: usize = 60;

/// Whether the line break at byte `nl`, after a line that starts at `line_start`, ends a line
/// that no date runs across: one after a short line (a headline, a dateline, a list item) or
/// before a blank line. A line of a paragraph wrapped by hand is read on.
pub(crate) fn ends_a_line(text: &str, line_start: usize, nl: usize) -> bool {
    let next = text[nl + 1..].trim_start_matches([' ', '\t', '\r']);
    next.starts_with('\n') || text[line_start..nl].chars().count() < WRAPPED
}

pub(crate) struct Tokens<'t> {
    pub text: &'t str,
    pub list: Vec<Token>,
    lower: String,
    /// The tokens the accessors see, `from..to`: the rest read as past the end, so that an
    /// expression is read within one line ([`Tokens::see_line_of`]).
    window: Cell<(usize, usize)>,
}

impl<'t> Tokens<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut list = Vec::with_capacity(text.len() / 5);
        let mut lower = String::with_capacity(text.len());
        let bytes = text.as_bytes();
        let mut chars = text.char_indices().peekable();
        let mut spaced = true;
        let mut newline = false;
        let mut line_start = 0;
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                spaced = true;
                if c == '\n' {
                    newline |= ends_a_line(text, line_start, start);
                    line_start = start + 1;
                }
                continue;
            }
            let kind;
            let mut end = start + c.len_utf8();
            if c.is_ascii_digit() {
                kind = Kind::Number;
                // Digits, and a separator when a digit follows it.
                while end < bytes.len() {
                    let b = bytes[end];
                    if b.is_ascii_digit() {
                        end += 1;
                    } else if matches!(b, b'/' | b'-' | b'.' | b',')
                        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
                    {
                        end += 2;
                    } else {
                        break;
                    }
                }
                while chars.peek().is_some_and(|&(i, _)| i < end) {
                    chars.next();
                }
            } else if c.is_alphabetic() {
                kind = Kind::Word;
                // ASCII letters byte by byte; anything else through `char`.
                loop {
                    while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
                        end += 1;
                    }
                    match text[end..].chars().next() {
                        Some(d) if !d.is_ascii() && d.is_alphabetic() => end += d.len_utf8(),
                        _ => break,
                    }
                }
                while chars.peek().is_some_and(|&(i, _)| i < end) {
                    chars.next();
                }
            } else {
                kind = Kind::Mark;
            }
            let from = u32::try_from(lower.len()).unwrap_or(u32::MAX);
            let word = &text[start..end];
            if kind == Kind::Word && !word.is_ascii() {
                for ch in word.chars() {
                    lower.extend(ch.to_lowercase());
                }
            } else if kind == Kind::Word {
                let at = lower.len();
                lower.push_str(word);
                lower[at..].make_ascii_lowercase();
            } else {
                lower.push_str(&text[start..end]);
            }
            let to = u32::try_from(lower.len()).unwrap_or(u32::MAX);
            list.push(Token { kind, start, end, spaced, newline, lower: from..to });
            spaced = false;
            newline = false;
        }
        Self { text, list, lower, window: Cell::new((0, usize::MAX)) }
    }

    /// Token `i` when it is in the window.
    fn get(&self, i: usize) -> Option<&Token> {
        let (from, to) = self.window.get();
        if i < from || i >= to { None } else { self.list.get(i) }
    }

    /// Lets the accessors see only the tokens of token `i`'s line (a line break that ends a line
    /// ends any expression: a headline is not read on into the dateline below it); returns the
    /// index of the first token of the next line.
    pub(crate) fn see_line_of(&self, i: usize) -> usize {
        let (from, to) = self.window.get();
        if from <= i && i < to && to != usize::MAX {
            return to;
        }
        let from =
            (0..=i.min(self.list.len())).rev().find(|&k| self.list.get(k).is_some_and(|t| t.newline)).unwrap_or(0);
        let to = (i + 1..self.list.len()).find(|&k| self.list[k].newline).unwrap_or(self.list.len());
        self.window.set((from, to));
        to
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Token `i`'s lower case ("" past the end).
    pub fn low(&self, i: usize) -> &str {
        self.get(i).map_or("", |t| &self.lower[t.lower.start as usize..t.lower.end as usize])
    }

    /// Token `i` as written.
    pub fn raw(&self, i: usize) -> &str {
        self.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.get(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Number)
    }

    /// Whether token `i` is the mark `c`.
    pub fn is_mark(&self, i: usize, marks: &[&str]) -> bool {
        self.kind(i) == Some(Kind::Mark) && marks.contains(&self.low(i))
    }

    /// Whether token `i` follows the one before without a space.
    pub(crate) fn glued(&self, i: usize) -> bool {
        self.get(i).is_some_and(|t| !t.spaced)
    }

    /// Whether token `i` starts with a capital letter.
    pub(crate) fn capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// A plain number of at most `digits` digits, as a value.
    pub fn int(&self, i: usize, digits: usize) -> Option<i64> {
        let s = self.raw(i);
        (self.is_number(i) && !s.is_empty() && s.len() <= digits && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    }

    pub fn start(&self, i: usize) -> usize {
        self.list.get(i).map_or(self.text.len(), |t| t.start)
    }

    pub fn end(&self, i: usize) -> usize {
        self.list.get(i).map_or(self.text.len(), |t| t.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_inner_separators_and_words_their_accents() {
        let t = Tokens::new("Nell’agosto 2013, il 5/3/2014 e 2,013 utenti; 1908-05-13. Miércoles");
        let words: Vec<&str> = (0..t.len()).map(|i| t.raw(i)).collect();
        assert_eq!(
            words,
            [
                "Nell",
                "’",
                "agosto",
                "2013",
                ",",
                "il",
                "5/3/2014",
                "e",
                "2,013",
                "utenti",
                ";",
                "1908-05-13",
                ".",
                "Miércoles"
            ]
        );
        assert_eq!(t.low(13), "miércoles");
        assert!(t.glued(1) && t.glued(2) && !t.glued(3));
    }
}
