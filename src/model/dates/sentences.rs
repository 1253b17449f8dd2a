//! Sentences, as byte ranges: a proposal quotes one whole, so its edges must be where a reader
//! puts them. A line break ends a sentence (sources keep a paragraph a line); so does `.`, `!`,
//! `?` or `…` before a space and a capital, a digit or an opening mark, except after a known
//! abbreviation or an initial.

use std::ops::Range;

/// Words after which a period does not end a sentence (lower case, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "sra", "srta", "st", "jr", "no", "nos", "nº", "n", "art", "arts", "p", "pp",
    "vs", "v", "etc", "ecc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "ene", "abr", "ago", "dic", "gen", "mag", "giu", "lug", "set", "ott", "sig", "sigg",
    "dott", "ing", "avv", "on", "gen", "lic", "ud", "uds", "núm", "pág", "pag", "cap", "fig", "vol", "ed", "eds", "cf",
    "ca", "approx", "dept", "gov", "sen", "rep", "u.s", "e.g", "i.e", "es", "ej",
];

pub fn sentences(text: &str) -> Vec<Range<usize>> {

    let mut out = Vec::new();
    let mut start = 0;
    let push = |a: usize, b: usize, out: &mut Vec<Range<usize>>| {
        let s = &text[a..b];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead + trail < s.len() {
            out.push(a + lead..b - trail);
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let ends = match c {
            '\n' => true,
            '.' | '!' | '?' | '…' => {
                // Closing quotes and brackets go with the sentence they close.
                let mut k = end;
                while let Some(ch) = text[k..].chars().next().filter(|ch| matches!(ch, '"' | '”' | '’' | '»' | ')' | '\'')) {
                    k += ch.len_utf8();
                }
                let spaced = text[k..].chars().next().is_some_and(char::is_whitespace);
                let next = text[k..].trim_start_matches([' ', '\t']).chars().next();
                let opens = next.is_none_or(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '«' | '¿' | '¡' | '(' | '‘' | '\'' | '\n' | '\r' | '—' | '–' | '-'));
                let abbreviation = c == '.' && {
                    let word_start = text[..i].rfind(|ch: char| !(ch.is_alphanumeric() || ch == '.')).map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8));
                    let word = text[word_start..i].to_lowercase();
                    ABBREVIATIONS.contains(&word.as_str()) || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
                };
                if spaced && opens && !abbreviation {
                    while chars.peek().is_some_and(|&(p, _)| p < k) {
                        chars.next();
                    }
                    push(start, k, &mut out);
                    start = k;
                }
                false
            }
            _ => false,
        };
        if ends {
            push(start, i, &mut out);
            start = end;
        }
    }
    push(start, text.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentences_end_at_stops_and_lines_but_not_abbreviations() {
        assert_eq!(
            cut("Nell’agosto 2013, Facebook ha fornito l’accesso. Il Sig. Rossi arrivò il 3 marzo.\nTitolo\n\n“Poi disse.” E basta"),
            ["Nell’agosto 2013, Facebook ha fornito l’accesso.", "Il Sig. Rossi arrivò il 3 marzo.", "Titolo", "“Poi disse.”", "E basta"]
        );
        assert_eq!(cut("Case No. 2019-1234 was filed. It was 3.5 times larger."), ["Case No. 2019-1234 was filed.", "It was 3.5 times larger."]);
        assert_eq!(cut("Lo dijo J. Pérez. ¿Y luego?"), ["Lo dijo J. Pérez.", "¿Y luego?"]);
    }
}
