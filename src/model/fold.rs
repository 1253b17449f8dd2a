//! The one table of characters that stand for a plainer one, shared by search and citation
//! verification, so that a quote found by one is found by the other.

/// The plain form of a typographic character: curly, low and reversed quotes, primes and
/// accents used as apostrophes become `'` or `"`; anything else is itself.
pub fn plain_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
        _ => c,
    }
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
}
