//! Citation verification: finding each quote in its source's text.
//!
//! A quote matches exactly, or after both sides are folded the same way: runs of white space
//! (no-break spaces included) become one space, typographic quotes and apostrophes become ASCII
//! ones, and characters are canonically decomposed so that NFC and NFD spellings agree. The match
//! is mapped back to a byte range of the original text, so the window can highlight it.

use std::ops::Range;

use unicode_normalization::char::decompose_canonical;

use super::fold::plain_punctuation;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verification {
    /// The quote stands in the source letter for letter.
    Verified,
    /// The quote stands in the source once white space, quotes and Unicode form are normalised.
    Normalized,
    NotFound,
    /// The source's text is not in the timeline (imported from a format without it): the
    /// quote could not be looked for.
    Unchecked,
}

impl Verification {
    pub fn label(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::Normalized => "matched after normalisation",
            Self::NotFound => "not found",
            Self::Unchecked => "not checked (no source text)",
        }
    }
}

/// The outcome of verifying one citation. Twelve bytes: a million-citation timeline keeps a
/// million of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitationCheck {
    pub status: Verification,
    start: u32,
    end: u32,
}

impl CitationCheck {
    pub const NOT_FOUND: Self = Self { status: Verification::NotFound, start: 0, end: 0 };
    pub(crate) const UNCHECKED: Self = Self { status: Verification::Unchecked, start: 0, end: 0 };

    /// Source texts are limited far below 4 GiB (`sources::MAX_SOURCE_BYTES`).
    pub fn new(status: Verification, span: &Range<usize>) -> Self {
        let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Self { status, start: clamp(span.start), end: clamp(span.end) }
    }

    /// Byte range of the match in the source text.
    pub fn span(&self) -> Option<Range<usize>> {
        matches!(self.status, Verification::Verified | Verification::Normalized)
            .then_some(self.start as usize..self.end as usize)
    }
}

/// A source text folded for matching, with the way back to the original's byte offsets.
#[derive(Debug, Default)]
pub struct FoldedText {
    folded: String,
    /// For each byte of `folded`: the original byte range of the character that produced it.
    origin: Vec<(u32, u32)>,
}

/// Calls `push(folded_char, original_range)` for the folded form of `text`.
fn fold(text: &str, mut push: impl FnMut(char, Range<usize>)) {
    let mut in_space = false;
    for (start, c) in text.char_indices() {
        let range = start..start + c.len_utf8();
        if c.is_whitespace() {
            if !in_space {
                push(' ', range);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        decompose_canonical(c, |d| push(plain_punctuation(d), range.clone()));
    }
}

impl FoldedText {
    pub fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        fold(text, |c, range| {
            folded.push(c);
            // Source texts are limited far below 4 GiB, so offsets fit u32.
            let r = (u32::try_from(range.start).unwrap_or(u32::MAX), u32::try_from(range.end).unwrap_or(u32::MAX));
            origin.extend(std::iter::repeat_n(r, c.len_utf8()));
        });
        Self { folded, origin }
    }
}

impl FoldedText {
    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// The original byte range of the folded bytes `range` (which must not be empty), widened
    /// to whole characters of the original.
    pub(crate) fn original_range(&self, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
        let first = self.origin.get(range.start)?;
        let last = self.origin.get(range.end.checked_sub(1)?)?;
        Some(first.0 as usize..last.1 as usize)
    }

    /// The folded offset of original byte `at`: the first folded byte of the character there or
    /// after it (the folded length past the end).
    pub(crate) fn folded_offset(&self, at: usize) -> usize {
        let at = u32::try_from(at).unwrap_or(u32::MAX);
        self.origin.partition_point(|&(start, _)| start < at)
    }
}

/// `text` folded as quotes and sources are, without trimming its ends.
pub(crate) fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold(text, |c, _| out.push(c));
    out
}

pub fn fold_quote(quote: &str) -> String {
    let mut out = String::with_capacity(quote.len());
    fold(quote, |c, _| out.push(c));
    out.trim().to_owned()
}

/// Finds `quote` in `text` (whose folded form is `folded`).
pub fn locate(text: &str, folded: &FoldedText, quote: &str) -> CitationCheck {
    if quote.trim().is_empty() {
        return CitationCheck::NOT_FOUND;
    }
    if let Some(start) = text.find(quote) {
        return CitationCheck::new(Verification::Verified, &(start..start + quote.len()));
    }
    let needle = fold_quote(quote);
    // A match must cover whole characters of the original: "gasto" must not match the first
    // part of a decomposed "gastó".
    for (start, _) in folded.folded.match_indices(&needle) {
        let end = start + needle.len();
        let (Some(first), Some(last)) = (folded.origin.get(start), folded.origin.get(end - 1)) else { continue };
        let starts_whole = start == 0 || folded.origin.get(start - 1) != Some(first);
        let ends_whole = folded.origin.get(end) != Some(last);
        if starts_whole && ends_whole {
            return CitationCheck::new(Verification::Normalized, &(first.0 as usize..last.1 as usize));
        }
    }
    CitationCheck::NOT_FOUND
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, quote: &str) -> CitationCheck {
        locate(text, &FoldedText::new(text), quote)
    }

    #[test]
    fn exact_match_is_verified_with_its_span() {
        let text = "Uno. Netflix pagó cientos de millones. Dos.";
        let c = check(text, "Netflix pagó cientos de millones.");
        assert_eq!(c.status, Verification::Verified);
        assert_eq!(&text[c.span().expect("span")], "Netflix pagó cientos de millones.");
    }

    #[test]
    fn typographic_apostrophes_and_spaces_match_after_normalisation() {
        let text =
            "Secondo il documento, nel 2011 la piattaforma ha annunciato un\u{2019}integrazione\u{00A0} con  Facebook.";
        let c = check(text, "ha annunciato un'integrazione con Facebook");
        assert_eq!(c.status, Verification::Normalized);
        assert_eq!(&text[c.span().expect("span")], "ha annunciato un\u{2019}integrazione\u{00A0} con  Facebook");
    }

    #[test]
    fn unicode_forms_match_after_normalisation() {
        let nfc = "Según informa el medio";
        let nfd = "Segu\u{0301}n informa";
        let c = check(nfc, nfd);
        assert_eq!(c.status, Verification::Normalized);
        assert_eq!(&nfc[c.span().expect("span")], "Según informa");
        let c = check(nfd, "Según");
        assert_eq!(c.status, Verification::Normalized);
        assert_eq!(&nfd[c.span().expect("span")], "Segu\u{0301}n");
    }

    #[test]
    fn curly_double_quotes_match_straight_ones() {
        let text = "accesso al cosiddetto \u{201C}Titan API\u{201D}, un\u{2019}API privata";
        assert_eq!(check(text, "cosiddetto \"Titan API\", un'API").status, Verification::Normalized);
    }

    #[test]
    fn missing_or_altered_quote_is_not_found() {
        let text = "Netflix gastó cientos de millones de dólares.";
        assert_eq!(check(text, "Netflix gastó miles de millones").status, Verification::NotFound);
        assert_eq!(check(text, "   ").status, Verification::NotFound);
        // Case and accents are not normalised: a quote must keep the source's words.
        assert_eq!(check(text, "netflix gastó").status, Verification::NotFound);
        assert_eq!(check(text, "Netflix gasto").status, Verification::NotFound);
    }

    proptest::proptest! {
        #[test]
        fn any_substring_of_the_text_is_verified(text in "\\PC{1,60}", a in 0usize..60, len in 1usize..30) {
            let chars: Vec<char> = text.chars().collect();
            let a = a % chars.len();
            let b = (a + len).min(chars.len());
            let quote: String = chars[a..b].iter().collect();
            proptest::prop_assume!(!quote.trim().is_empty());
            let c = check(&text, &quote);
            proptest::prop_assert_eq!(c.status, Verification::Verified);
        }

        #[test]
        fn normalised_spans_are_char_boundaries(text in "[a-z \u{a0}\u{2019}'é]{1,40}", quote in "[a-z '’]{1,8}") {
            let c = check(&text, &quote);
            if let Some(span) = c.span() {
                proptest::prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                proptest::prop_assert!(span.start < span.end);
            }
        }
    }
}
