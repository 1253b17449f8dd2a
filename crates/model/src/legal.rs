//! Legal citations in a text: the places where a year or a date belongs to a citation (a case,
//! a statute, a regulation, a docket number, a court's filing banner) and says nothing that
//! happened. The proposals leave the dates inside them out.
//!
//! What is recognised, each by one pattern below (README, "Dates read from the sources"):
//!
//! - **Case citations**: a reporter cite, volume, reporter, page, pin pages and the court's
//!   parenthetical ("450 U.S. 79, 86 (1981)", "314 S.W.3d 331, 334 (Mo. banc 2010)", "2020 WL
//!   6948354, at *3 (U.S. Nov. 25, 2020)"); a parenthetical of court abbreviations and a year
//!   alone ("(1st Cir. 2020)", "(S.D.N.Y. 2019)"); a year in parentheses after a case name
//!   ("Smith v. Jones (1981)").
//! - **Statutes and regulations**: what follows a section sign ("42 U.S.C. §§ 2000cc–2000cc-5");
//!   code titles ("28 C.F.R. 115"), public laws ("Pub. L. No. 116-136"), session laws ("134 Stat.
//!   281"), an Act's year ("the Civil Rights Act of 1964", "Competition Act 1998"), European acts
//!   ("Regulation (EU) 2016/679", "Directive 2009/24/EC", "Case C-131/12"), Italian and Spanish
//!   laws with their number and date ("legge 10 ottobre 1990, n. 287", "d.lgs. 196/2003", "Ley
//!   15/2007, de 3 de julio").
//! - **Docket and case numbers**: "No. 20-1507", "Case No. 1:20-cv-03590", "ECF No. 45".
//! - **Filing banners** stamped on each page by a court's electronic filing: "Case: 20-1507
//!   Document: 00117682829 Page: 1 Date Filed: 12/22/2020 Entry ID: 6390361", "Case
//!   1:20-cv-03590-JEB Document 1 Filed 12/09/20 Page 1 of 53".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// What a citation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CitationKind {
    Case,
    Statute,
    Docket,
    Banner,
}

impl CitationKind {
    pub fn name(self) -> &'static str {
        match self {
            Self::Case => "case citation",
            Self::Statute => "statute or regulation",
            Self::Docket => "docket number",
            Self::Banner => "filing banner",
        }
    }
}

/// A reporter's abbreviation: words with a period or known bare reporters, maybe a series
/// ("2d", "3d", "4th"). "U.S.", "S. Ct.", "L. Ed. 2d", "F.3d", "F. Supp. 3d", "S.W.3d", "WL".
const REPORTER: &str = r"(?:(?:[A-Z][A-Za-z']{0,7}\.\s?(?:\d?(?:d|st|nd|rd|th)(?-u:\b)\.?\s?)?){1,4}|(?:WL|LEXIS|U\.S\. Dist\. LEXIS|F\. App'x|Fed\. Appx\.)\s?)";

/// A parenthetical of court abbreviations, a date or a year, ending in the year: "(1st Cir.
/// 2020)", "(Mo. banc 2010)", "(U.S. Nov. 25, 2020)", "(2009)".
const COURT_YEAR: &str =
    r"\((?:(?:[A-Z][A-Za-z.']*\.|[A-Z]{1,5}|\d{1,2}(?:st|nd|rd|th|d)|banc|en|\d{1,2},)\s?)*(?:1[6-9]|20)\d\d\)";

/// The same with at least one court word before the year: alone in a sentence, a bare "(2009)"
/// may be a film's or a book's year.
const COURT_AND_YEAR: &str =
    r"\((?:(?:[A-Z][A-Za-z.']*\.|[A-Z]{1,5}|\d{1,2}(?:st|nd|rd|th|d)|banc|en|\d{1,2},)\s?)+(?:1[6-9]|20)\d\d\)";

// Word boundaries are ASCII (`(?-u:\b)`): a Unicode one keeps the regex engine off its DFA on
// any text with an accent, and the patterns spent most of `citeline dates`' time there (60%
// on Italian prose); citations are written in ASCII around their edges.
static PATTERNS: LazyLock<Vec<(CitationKind, Regex)>> = LazyLock::new(|| {
    let case = format!(
        r"(?-u:\b)\d{{1,4}}\s{REPORTER}\s?\d{{1,7}}(?:,\s?(?:at\s)?\*?\d+(?:[-–]\d+)?(?:\s?n\.\s?\d+)?)*(?:\s?{COURT_YEAR})?"
    );
    let patterns: [(CitationKind, &str); 14] = [
        (
            CitationKind::Banner,
            r"(?-u:\b)Case:?\s+[\w:.\-]+\s+(?:Document|Doc\.|Dkt\.?)\s*:?\s*[\w\-]+(?:\s+(?:Filed|Date Filed|Entered|Page|PageID|Entry ID|of)\s*#?\s*:?\s*[\d/.\-]+)*",
        ),
        (CitationKind::Case, &case),
        (CitationKind::Case, COURT_AND_YEAR),
        (CitationKind::Case, r"(?-u:\b)v\.\s[^()\n]{1,80}?\((?:1[6-9]|20)\d\d\)"),
        (
            CitationKind::Statute,
            r"§§?\s?\d[\w.\-–()]*(?:(?:\s?(?:,|and|&|to|through|–|-)\s?|\s)\d[\w.\-–()]*)*(?:\s?et seq\.?)?(?:\s?\((?:[A-Z][A-Za-z.]*\s)?(?:1[6-9]|20)\d\d\))?",
        ),
        (
            CitationKind::Statute,
            r"(?-u:\b)\d{1,3}\s(?:U\.\s?S\.\s?C\.|C\.\s?F\.\s?R\.|Stat\.|U\.S\.C\.A\.)\s?(?:§§?\s?)?[\d\w.\-–()]*",
        ),
        (CitationKind::Statute, r"(?-u:\b)Pub\.\s?L\.\s?(?:No\.\s?)?\d+[-–]\d+"),
        (CitationKind::Statute, r"(?-u:\b)Act,?\s(?:of\s)?(?:1[6-9]|20)\d\d(?-u:\b)"),
        (
            CitationKind::Statute,
            r"(?-u:\b)(?:Reg(?:ulation|\.)?|Directive|Decision|Regolamento|Direttiva|Reglamento|Directiva)\s?(?:\((?:EU|EC|EEC|UE|CE|CEE)\)\s?)?(?:No\.?\s?|n\.\s?)?\d+/\d+(?:/(?:EU|EC|EEC|UE|CE|CEE))?",
        ),
        (
            CitationKind::Statute,
            r"(?-u:\b)(?:Case|Cases|causa|cause|asunto)\s[CTF]-\d+/\d+(?:\s?P)?(?-u:\b)|(?-u:\b)[CT]-\d+/\d\d(?-u:\b)",
        ),
        (
            CitationKind::Statute,
            r"(?i:(?-u:\b)(?:legge|l\.|d\.\s?lgs\.|d\.\s?l\.|d\.\s?p\.\s?r\.|decreto(?:\slegislativo|\slegge|-legge)?|ley(?:\sorgánica)?|real\sdecreto(?:-ley|\slegislativo)?|rd|decreto-ley|orden))\s(?:\d{1,2}\s\w+\s\d{4},?\s)?(?:n\.\s?|núm\.\s?)?\d+(?:/\d{2,4})?(?:,\s?(?:del?\s)?\d{1,2}\s(?:de\s)?\w+(?:\s(?:de\s)?\d{4})?)?",
        ),
        (
            CitationKind::Docket,
            r"(?-u:\b)(?:Case|Docket|Dkt|ECF|Civil Action|Civ\.\sA\.|Appeal|Cause|Misc\.)\.?(?:\s?Nos?\.)?:?\s?\d[\w:\-–]*(?:\s?\([A-Z]{2,5}\))?",
        ),
        (CitationKind::Docket, r"(?-u:\b)Nos?\.\s?\d[\d:\-–]*[\w\-–]*(?:\s?\([A-Z]{2,5}\))?"),
        (CitationKind::Docket, r"(?-u:\b)\d:\d\d-(?:cv|cr|mc|md|bk|ap)-\d+(?:-[A-Z]+)*"),
    ];
    patterns
        .into_iter()
        .filter_map(|(kind, p)| match Regex::new(p) {
            Ok(re) => Some((kind, re)),
            // A pattern is the program's own: a test compiles each.
            Err(_) => None,
        })
        .collect()
});

/// Every legal citation in `text`, as byte ranges with their kind, in order; overlapping
/// matches are merged into the first one's kind.
pub fn citations(text: &str) -> Vec<(Range<usize>, CitationKind)> {
    let mut found: Vec<(Range<usize>, CitationKind)> = Vec::new();
    for (kind, re) in PATTERNS.iter() {
        found.extend(re.find_iter(text).map(|m| (m.range(), *kind)));
    }
    found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<(Range<usize>, CitationKind)> = Vec::with_capacity(found.len());
    for (r, kind) in found {
        match merged.last_mut() {
            Some((last, _)) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push((r, kind)),
        }
    }
    merged
}

/// The citation holding `span`, if any, in `citations` (as [`citations`] gives them).
pub fn within(citations: &[(Range<usize>, CitationKind)], span: &Range<usize>) -> Option<CitationKind> {
    let at = citations.partition_point(|(r, _)| r.end <= span.start);
    citations.get(at).filter(|(r, _)| r.start < span.end && span.start < r.end).map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_of(text: &str) -> Vec<(&str, CitationKind)> {
        citations(text).into_iter().map(|(r, k)| (&text[r], k)).collect()
    }

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(PATTERNS.len(), 14);
    }

    #[test]
    fn case_citations_hold_their_years() {
        for (text, cite) in [
            ("See Batson v. Kentucky, 450 U.S. 79, 86 (1981).", "450 U.S. 79, 86 (1981)"),
            ("Vaca v. State, 314 S.W.3d 331, 334 (Mo. banc 2010).", "314 S.W.3d 331, 334 (Mo. banc 2010)"),
            ("Roe, 2020 WL 6948354, at *3 (U.S. Nov. 25, 2020).", "2020 WL 6948354, at *3 (U.S. Nov. 25, 2020)"),
            ("Doe v. Roe, 978 F.3d 1, 5 (1st Cir. 2020)", "978 F.3d 1, 5 (1st Cir. 2020)"),
            ("Id., 141 S. Ct. 63, 67 (2020) (per curiam)", "141 S. Ct. 63, 67 (2020)"),
            ("Smith, 410 F. Supp. 3d 120, 125 (S.D.N.Y. 2019)", "410 F. Supp. 3d 120, 125 (S.D.N.Y. 2019)"),
        ] {
            let found = kinds_of(text);
            assert!(found.iter().any(|(s, k)| s.contains(cite) && *k == CitationKind::Case), "{text}: {found:?}");
        }
        assert_eq!(kinds_of("as the court held (9th Cir. 2004)")[0].0, "(9th Cir. 2004)");
    }

    #[test]
    fn statutes_dockets_and_banners() {
        let text = "under 42 U.S.C. §§ 2000cc to 2000cc-5 and Pub. L. No. 116-136 and Regulation (EU) 2016/679 \
                    in Case No. 1:20-cv-03590 (JEB), ECF No. 45; Case: 20-1507 Document: 00117682829 Page: 1 \
                    Date Filed: 12/22/2020 Entry ID: 6390361";
        let found = kinds_of(text);
        for part in ["2000cc to 2000cc-5", "116-136", "2016/679", "1:20-cv-03590", "45", "Date Filed: 12/22/2020"] {
            assert!(found.iter().any(|(s, _)| s.contains(part)), "{part}: {found:?}");
        }
        assert!(found.iter().any(|(s, k)| s.ends_with("6390361") && *k == CitationKind::Banner), "{found:?}");
        let district = "Case 1:20-cv-03590-JEB Document 1 Filed 12/09/20 Page 1 of 53";
        assert_eq!(kinds_of(district), [(district, CitationKind::Banner)]);
        let laws = "la legge 10 ottobre 1990, n. 287 e il d.lgs. 196/2003; la Ley 15/2007, de 3 de julio";
        let found = kinds_of(laws);
        for part in ["10 ottobre 1990, n. 287", "196/2003", "15/2007, de 3 de julio"] {
            assert!(found.iter().any(|(s, _)| s.contains(part)), "{part}: {found:?}");
        }
        assert!(kinds_of("the Civil Rights Act of 1964").iter().any(|(s, _)| s.contains("1964")));
        // A code's edition year after its section.
        assert!(kinds_of("Cal. Code Regs. tit. 15, § 3062 (2019).").iter().any(|(s, _)| s.contains("(2019)")));
    }

    #[test]
    fn dates_that_are_facts_are_no_citation() {
        for text in [
            "On July 25, 2016, Plaintiff filed a grievance.",
            "Nell’agosto 2013, Facebook ha fornito a Netflix l’accesso.",
            "Netflix (founded in 1997) grew, as did Avatar (2009).",
            "In 2013 Facebook gave 3 companies access.",
            "The meeting took place on 5/3/2014 (a Monday).",
            "Revenue rose 12% in the third quarter (Q3 2019).",
            "No more than 2019 users signed up. El 3 de julio de 2007 se aprobó.",
        ] {
            assert_eq!(kinds_of(text), [], "{text}");
        }
    }
}
