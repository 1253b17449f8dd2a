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
    "dott", "ing", "avv", "on", "lic", "ud", "uds", "núm", "pág", "pag", "cap", "fig", "vol", "ed", "eds", "cf", "ca",
    "approx", "dept", "gov", "sen", "rep", "u.s", "e.g", "i.e", "es", "ej",
    // Legal citations: reporters, courts, codes ("Pub. L.", "134 Stat. 281", "(5th Cir. 2017)",
    // "42 U.S.C. §", "F. Supp. 3d", "Id. at 4", "et al.", "tit. 28").
    "pub", "stat", "cir", "dist", "supp", "app", "ct", "fed", "reg", "regs", "sec", "sess", "cong", "u.s.c", "c.f.r",
    "u.s.c.a", "id", "ibid", "al", "tit", "tít", "cal", "ill", "tex", "fla", "mass", "n.y", "d.c", "bankr", "admin",
    "amend", "const", "civ", "crim", "misc", "ch", "cl", "subd", "para", "paras", "cfr", "segg", "ss", "c.p.c", "c.p",
    "c.c", "cass", "trib", "ord", "sent", "l.e.c", "stj", "rec",
];

pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Only the bytes that can end a sentence are looked at closely: `.`, `!`, `?`, a line
    // break, and the first byte of `…` (E2 80 A6).
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            push(text, start, i, &mut out);
            start = i + 1;
            i += 1;
            continue;
        }
        let stop_len = match b {
            b'.' | b'!' | b'?' => 1,
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA6) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        let end = i + stop_len;
        if let Some(k) = sentence_end(text, i, end) {
            push(text, start, k, &mut out);
            start = k;
            i = k;
        } else {
            i = end;
        }
    }
    push(text, start, text.len(), &mut out);
    out
}

/// Where the sentence ends when the stop at `i..end` ends it: after closing quotes and brackets.
fn sentence_end(text: &str, i: usize, end: usize) -> Option<usize> {
    let mut k = end;
    while let Some(ch) = text[k..].chars().next().filter(|ch| matches!(ch, '"' | '”' | '’' | '»' | ')' | '\'')) {
        k += ch.len_utf8();
    }
    let spaced = text[k..].chars().next().is_some_and(char::is_whitespace);
    if !spaced {
        return None;
    }
    let next = text[k..].trim_start_matches([' ', '\t']).chars().next();
    let opens = next.is_none_or(|n| {
        n.is_uppercase()
            || n.is_ascii_digit()
            || matches!(n, '"' | '“' | '«' | '¿' | '¡' | '(' | '‘' | '\'' | '\n' | '\r' | '—' | '–' | '-')
    });
    if !opens {
        return None;
    }
    if text.as_bytes()[i] == b'.' {
        let word_start = text[..i]
            .rfind(|ch: char| !(ch.is_alphanumeric() || ch == '.'))
            .map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8));
        let word = &text[word_start..i];
        let abbreviation = word.chars().count() == 1 && word.chars().all(char::is_alphabetic)
            || (word.len() <= 6 && ABBREVIATIONS.contains(&word.to_lowercase().as_str()));
        // "am 3. Mai", "im 19. Jahrhundert": a day or an ordinal written with a period.
        let ordinal = !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) && {
            let next_word: String = text[k..].trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
            super::lang::follows_an_ordinal_period(&next_word.to_lowercase())
        };
        if abbreviation || ordinal {
            return None;
        }
    }
    Some(k)
}

/// `a..b` trimmed of white space, when anything is left.
fn push(text: &str, a: usize, b: usize, out: &mut Vec<Range<usize>>) {
    let s = &text[a..b];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(a + lead..b - trail);
    }
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
            cut(
                "Nell’agosto 2013, Facebook ha fornito l’accesso. Il Sig. Rossi arrivò il 3 marzo.\nTitolo\n\n“Poi disse.” E basta"
            ),
            [
                "Nell’agosto 2013, Facebook ha fornito l’accesso.",
                "Il Sig. Rossi arrivò il 3 marzo.",
                "Titolo",
                "“Poi disse.”",
                "E basta"
            ]
        );
        assert_eq!(
            cut(
                "Congress amended the statute by Pub. L. No. 116-136, 134 Stat. 281 (2020). See Ware v. Jones, 878 F.3d 109 (5th Cir. 2017); Smith, 42 U.S.C. § 1983. Id. at 4. Then it ended."
            ),
            [
                "Congress amended the statute by Pub. L. No. 116-136, 134 Stat. 281 (2020).",
                "See Ware v. Jones, 878 F.3d 109 (5th Cir. 2017); Smith, 42 U.S.C. § 1983.",
                "Id. at 4.",
                "Then it ended."
            ]
        );
        assert_eq!(
            cut("Case No. 2019-1234 was filed. It was 3.5 times larger."),
            ["Case No. 2019-1234 was filed.", "It was 3.5 times larger."]
        );
        assert_eq!(cut("Lo dijo J. Pérez. ¿Y luego? Sí… Claro"), ["Lo dijo J. Pérez.", "¿Y luego?", "Sí…", "Claro"]);
        assert_eq!(
            cut("Am 3. Mai 2024 kam er. Im 19. Jahrhundert nicht. Es waren 12. Danach ging er."),
            ["Am 3. Mai 2024 kam er.", "Im 19. Jahrhundert nicht.", "Es waren 12.", "Danach ging er."]
        );
    }
}
