//! The one table of characters that stand for a plainer one, shared by search and citation
//! verification, so that a quote found by one is found by the other.

/// The plain form of a typographic character: curly, low and reversed quotes, primes and
/// accents used as apostrophes become `'` or `"`; anything else is itself.
pub(crate) fn plain_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
        _ => symbol_glyph(c).unwrap_or(c),
    }
}

/// The plain character a symbol font's private-use code stands for: Word and the PDFs it
/// writes put Symbol's and Wingdings' glyphs at U+F020–U+F0FF (a list's bullet is U+F0B7),
/// which no ordinary font draws. Every plain character here is, like the private-use one,
/// three bytes in UTF-8, so a text mapped keeps its offsets.
pub fn symbol_glyph(c: char) -> Option<char> {
    Some(match c {
        '\u{F0B7}' | '\u{F095}' => '•',
        '\u{F06C}' | '\u{F09F}' => '●',
        '\u{F0A7}' => '▪',
        '\u{F06E}' => '■',
        '\u{F06F}' => '□',
        '\u{F0A8}' => '◻',
        '\u{F071}' => '❑',
        '\u{F075}' => '◆',
        '\u{F076}' => '❖',
        '\u{F0D8}' => '➢',
        '\u{F0E0}' | '\u{F0AE}' | '\u{F0E8}' => '→',
        '\u{F0AC}' => '←',
        '\u{F0AD}' => '↑',
        '\u{F0AF}' => '↓',
        '\u{F0FC}' => '✓',
        '\u{F0FB}' => '✗',
        '\u{F02D}' => '−',
        '\u{F0BE}' => '―',
        '\u{F0B3}' => '≥',
        '\u{F0A3}' => '≤',
        '\u{F0B9}' => '≠',
        '\u{F0BB}' => '≈',
        '\u{F0D7}' => '⋅',
        '\u{F0A5}' => '∞',
        _ => return None,
    })
}

/// `text` with every symbol font's private-use code as its plain character
/// ([`symbol_glyph`]), at the same offsets; borrowed when there is none.
pub fn plain_symbols(text: &str) -> std::borrow::Cow<'_, str> {
    // The private-use codes begin with the byte 0xEF (U+F000–U+FFFF): most texts have none.
    if !text.as_bytes().contains(&0xEF) || !text.chars().any(|c| symbol_glyph(c).is_some()) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().map(|c| symbol_glyph(c).unwrap_or(c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quote_and_prime_folds_to_a_plain_one() {
        for c in "‘’‚‛′`´".chars() {
            assert_eq!(plain_punctuation(c), '\'', "{c}");
        }
        for c in "“”„‟″«»".chars() {
            assert_eq!(plain_punctuation(c), '"', "{c}");
        }
        assert_eq!(plain_punctuation('a'), 'a');
    }

    #[test]
    fn a_symbol_fonts_private_codes_become_plain_characters_at_the_same_offsets() {
        let text = "\u{F0B7} first\n\u{F0A7} second \u{F0FC} \u{F0B3} 5 \u{E123}";
        let plain = plain_symbols(text);
        assert_eq!(plain, "• first\n▪ second ✓ ≥ 5 \u{E123}", "an unknown private code stays");
        assert_eq!(plain.len(), text.len());
        for c in ('\u{F000}'..='\u{F0FF}').filter_map(symbol_glyph) {
            assert_eq!(c.len_utf8(), 3, "{c}");
        }
        assert!(matches!(plain_symbols("plain • text"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(plain_punctuation('\u{F0B7}'), '•', "a quote with either verifies");
    }
}
