//! Each citation's footnote in the report's citation style, its pin cite included: every
//! source's notes rendered once by the CSL processor as templates (first or later note; no
//! page, a page, a range), a placeholder standing for the page, which each citation's pin cite
//! then fills.

use hayagriva::citationberg::Style;
use hayagriva::citationberg::taxonomy::Locator;
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, LocatorPayload, SpecificLocator,
};

use super::style::{CitationStyle, bundled_locales, end_with_period, library};
use super::styled::{Styled, chars_of, tidy_chars};
use crate::model::Source;

impl CitationStyle {
    /// The footnote of each of `cites` (a source's index in `sources`, its pin cite as the
    /// report writes it: `p. 4`, `pp. 4–5`, `3:12–15`, or empty), in their order, as this style
    /// cites in a note: the first note of a source is whole and the later ones short.
    ///
    /// The processor renders each source's notes once as templates (first or later; no page,
    /// one page or a range), the page standing in as a placeholder the pin cite then takes:
    /// a chronology of 10,000 citations is a few dozen renderings, not 10,000. Styles that
    /// would say "Ibid." say the short form instead.
    pub fn notes(self, sources: &[&Source], cites: &[(usize, &str)]) -> Vec<Styled> {
        let plain = |(i, pin): &(usize, &str)| Styled::plain(fallback_note(sources.get(*i).copied(), pin));
        let Style::Independent(style) = self.archived().get() else {
            return cites.iter().map(plain).collect();
        };
        // Which template each cite takes: (source, first note of it, kind of pin).
        let mut seen = vec![false; sources.len()];
        let mut wanted: Vec<(usize, bool, Pin)> = Vec::new();
        let keys: Vec<Option<(usize, bool, Pin)>> = cites
            .iter()
            .map(|&(i, pin)| {
                let first = !std::mem::replace(seen.get_mut(i)?, true);
                let key = (i, first, Pin::of(pin));
                if !wanted.contains(&key) {
                    wanted.push(key);
                }
                Some(key)
            })
            .collect();
        // The first notes before the later ones, in the order the sources are first cited (as a
        // numeric style numbers them); a stranger's note before each later one, so that no note
        // follows one of its own source (which a style may shorten to "Ibid.").
        wanted.sort_by_key(|&(_, first, _)| !first);
        let library = library(sources);
        let entries: Vec<&hayagriva::Entry> = library.iter().collect();
        let stranger = hayagriva::io::from_yaml_str("stranger: {type: Misc, title: Stranger}").unwrap_or_default();
        let locales = bundled_locales();
        let mut driver = BibliographyDriver::new();
        let mut asked = Vec::with_capacity(wanted.len());
        let mut number = 0;
        for &(i, first, pin) in &wanted {
            let Some(entry) = entries.get(i) else { continue };
            if !first && let Some(other) = stranger.iter().next() {
                number += 1;
                let item = CitationItem::with_entry(other);
                driver.citation(CitationRequest::new(vec![item], &style, None, locales, Some(number)));
            }
            let locator = pin.placeholder().map(|p| SpecificLocator(Locator::Page, LocatorPayload::Str(p)));
            number += 1;
            let item = CitationItem::with_locator(*entry, locator);
            driver.citation(CitationRequest::new(vec![item], &style, None, locales, Some(number)));
            asked.push((number, (i, first, pin)));
        }
        let rendered = driver.finish(BibliographyRequest { style: &style, locale: None, locale_files: locales });
        let mut templates = std::collections::HashMap::new();
        for (k, citation) in rendered.citations.iter().enumerate() {
            if let Some((_, key)) = asked.iter().find(|(n, _)| *n == k + 1) {
                templates.insert(*key, chars_of(&citation.citation));
            }
        }
        cites
            .iter()
            .zip(keys)
            .map(|(cite, key)| {
                let template =
                    key.and_then(|k| templates.get(&k)).filter(|t| t.iter().any(|(c, _)| !c.is_whitespace()));
                match template {
                    Some(t) => {
                        let chars = unwrap_parentheses(tidy_chars(fill_in(t, page_locator(cite.1))));
                        Styled::from_chars(&end_note(chars))
                    }
                    None => plain(cite),
                }
            })
            .collect()
    }
}

/// What a pin cite is, for the note templates: none, one page, or a range of pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Pin {
    None,
    One,
    Range,
}

/// A stand-in for a page in a template, from Unicode's private use area.
const PAGE: char = '\u{E000}';
/// A stand-in for a range of pages: numbers, so that the style labels them as pages ("pp."),
/// unlike any page a source has.
const RANGE: &str = "77771–77772";

impl Pin {
    fn of(pin: &str) -> Self {
        match page_locator(pin) {
            None => Self::None,
            Some(p) if p.contains(['–', '-', ',', '&']) => Self::Range,
            Some(_) => Self::One,
        }
    }

    /// The locator a template is rendered with.
    fn placeholder(self) -> Option<&'static str> {
        match self {
            Self::None => None,
            Self::One => Some("\u{E000}"),
            Self::Range => Some(RANGE),
        }
    }
}

/// A template with its page stand-in replaced by `page`. A range's stand-in may come back
/// abbreviated ("77771–2"): its second number is read to its last digit.
fn fill_in(template: &[(char, bool)], page: Option<&str>) -> Vec<(char, bool)> {
    let chars: Vec<char> = template.iter().map(|&(c, _)| c).collect();
    let first: Vec<char> = RANGE.chars().take_while(char::is_ascii_digit).collect();
    let span = chars.iter().position(|&c| c == PAGE).map(|at| (at, at + 1)).or_else(|| {
        let at = chars.windows(first.len()).position(|w| w == first.as_slice())?;
        let mut end = at + first.len();
        if chars.get(end).is_some_and(|c| matches!(c, '-' | '–' | '—')) {
            let digits = chars[end + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits > 0 {
                end += 1 + digits;
            }
        }
        Some((at, end))
    });
    let Some((from, to)) = span else { return template.to_vec() };
    let italic = template[from].1;
    let mut out = template[..from].to_vec();
    out.extend(page.unwrap_or_default().chars().map(|c| (c, italic)));
    out.extend_from_slice(&template[to..]);
    out
}

/// An author-date style's citation is in parentheses in running text; alone in a note, it
/// stands without them: "(Pérez 2018, 4)" is "Pérez 2018, 4".
fn unwrap_parentheses(chars: Vec<(char, bool)>) -> Vec<(char, bool)> {
    let n = chars.len();
    let end = if chars.last().is_some_and(|&(c, _)| c == '.') { n.saturating_sub(1) } else { n };
    if n < 2 || chars[0].0 != '(' || chars.get(end.wrapping_sub(1)).is_none_or(|&(c, _)| c != ')') {
        return chars;
    }
    // Only when the first parenthesis closes at the end.
    let mut depth = 0_i32;
    for (k, &(c, _)) in chars[..end].iter().enumerate() {
        depth += match c {
            '(' => 1,
            ')' => -1,
            _ => 0,
        };
        if depth == 0 && k + 1 < end {
            return chars;
        }
    }
    chars[1..end - 1].to_vec()
}

/// The pages of a pin cite as a locator takes them: `p. 4` is `4`, `pp. 4–5` is `4–5`, and a
/// page and lines (`3:12–15`) stay whole.
fn page_locator(pin: &str) -> Option<&str> {
    let pin = pin.trim();
    let bare = pin.strip_prefix("pp. ").or_else(|| pin.strip_prefix("p. ")).unwrap_or(pin).trim();
    (!bare.is_empty()).then_some(bare)
}

/// A note without the processor: the source's title, and its pin cite.
fn fallback_note(source: Option<&Source>, pin: &str) -> String {
    let title = source.map(|s| if s.title.trim().is_empty() { s.id.to_string() } else { s.title.trim().to_owned() });
    let mut note = title.unwrap_or_default();
    if !pin.trim().is_empty() {
        note.push_str(", ");
        note.push_str(pin.trim());
    }
    end_with_period(&note)
}

/// A note ends with a period, inside a closing quotation mark as American style has it.
fn end_note(mut chars: Vec<(char, bool)>) -> Vec<(char, bool)> {
    let n = chars.len();
    if n >= 2 && chars[n - 2].0 == '”' && chars[n - 1].0 == '.' {
        chars.pop();
    }
    let n = chars.len();
    let ends_in_stop = |c: Option<&(char, bool)>| c.is_some_and(|&(c, _)| matches!(c, '.' | '?' | '!'));
    match chars.last() {
        Some(&('”', italic)) if !ends_in_stop(chars.get(n.wrapping_sub(2))) => chars.insert(n - 1, ('.', italic)),
        Some(&('”', _)) => {}
        last if !ends_in_stop(last) => chars.push(('.', false)),
        _ => {}
    }
    chars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_cites_fill_the_templates_and_notes_end_as_american_style_has_it() {
        assert_eq!(page_locator("pp. 4–5"), Some("4–5"));
        assert_eq!(page_locator("3:12–15"), Some("3:12–15"));
        assert_eq!(page_locator(" "), None);
        assert_eq!((Pin::of("p. 4"), Pin::of("pp. 4–5"), Pin::of("")), (Pin::One, Pin::Range, Pin::None));
        let chars = |s: &str| s.chars().map(|c| (c, false)).collect::<Vec<_>>();
        let text = |c: &[(char, bool)]| Styled::from_chars(c).text;
        assert_eq!(text(&fill_in(&chars("X, pp. 77771–77772."), Some("4–5"))), "X, pp. 4–5.");
        assert_eq!(text(&fill_in(&chars("X, 77771–2."), Some("4–5"))), "X, 4–5.", "an abbreviated range");
        assert_eq!(text(&fill_in(&chars("X, p. \u{E000}."), Some("4"))), "X, p. 4.");
        assert_eq!(text(&unwrap_parentheses(chars("(Pérez, 2018, p. 4)."))), "Pérez, 2018, p. 4");
        assert_eq!(text(&unwrap_parentheses(chars("(a) and (b)"))), "(a) and (b)");
        let complaint = Source { id: "b".into(), title: "Complaint".to_owned(), ..Source::default() };
        assert_eq!(fallback_note(Some(&complaint), "p. 2"), "Complaint, p. 2.");
        let note = |s: &str| Styled::from_chars(&end_note(s.chars().map(|c| (c, false)).collect())).text;
        assert_eq!(note("“Netflix ha pagato”"), "“Netflix ha pagato.”");
        assert_eq!(note("“¿Pagaba?”"), "“¿Pagaba?”");
        assert_eq!(note("“¿Pagaba?”."), "“¿Pagaba?”");
        assert_eq!(note("“Pagaba”."), "“Pagaba.”");
        assert_eq!(note("Complaint, 4"), "Complaint, 4.");
        let tidy = |s: &str| Styled::from_chars(&tidy_chars(s.chars().map(|c| (c, false)).collect())).text;
        assert_eq!(tidy("“¿Pagaba?,” El País"), "“¿Pagaba?” El País");
    }
}
