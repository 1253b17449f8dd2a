//! A source as a reference in a citation style, formatted by a CSL processor (`hayagriva`, with
//! the styles it bundles from the Citation Style Language repository): Chicago (notes and
//! bibliography, its bibliography entry) by default, APA, or any bundled style by name.

use std::sync::OnceLock;

use hayagriva::archive::{ArchivedStyle, locales};
use hayagriva::citationberg::taxonomy::Locator;
use hayagriva::citationberg::{Locale, Style};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, LocatorPayload, SpecificLocator,
};

use crate::model::{Edtf, OriginalKind, Source};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CitationStyle {
    /// The Chicago Manual of Style, notes and bibliography: its bibliography entry.
    #[default]
    Chicago,
    /// APA, 7th edition: its reference list entry.
    Apa,
    /// Another style hayagriva bundles (`ieee`, `modern-language-association`, …).
    Other(ArchivedStyle),
}

impl CitationStyle {
    /// A style by the name `--style` takes: `chicago`, `apa`, or a bundled style's name.
    pub fn parse(name: &str) -> Result<Self, String> {
        let lower = name.trim().to_ascii_lowercase();
        if lower == "chicago" || lower == "chicago-notes-bibliography" {
            return Ok(Self::Chicago);
        }
        match ArchivedStyle::by_name(&lower) {
            Some(ArchivedStyle::ChicagoNotes) => Ok(Self::Chicago),
            Some(ArchivedStyle::AmericanPsychologicalAssociation) => Ok(Self::Apa),
            Some(style) => Ok(Self::Other(style)),
            None => {
                let mut names: Vec<&str> =
                    ArchivedStyle::all().iter().filter_map(|s| s.names().first().copied()).collect();
                names.sort_unstable();
                Err(format!("unknown citation style \"{name}\": chicago, apa, or a style's name: {}", names.join(", ")))
            }
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Chicago => "Chicago (notes and bibliography)",
            Self::Apa => "APA",
            Self::Other(style) => style.display_name(),
        }
    }

    fn archived(self) -> ArchivedStyle {
        match self {
            Self::Chicago => ArchivedStyle::ChicagoNotes,
            Self::Apa => ArchivedStyle::AmericanPsychologicalAssociation,
            Self::Other(style) => style,
        }
    }

    /// `source` as a reference in this style, in one line.
    pub fn format(self, source: &Source) -> String {
        self.format_all(&[source]).pop().unwrap_or_default().text
    }

    /// Each of `sources` as a reference in this style, in their order: one style and one
    /// processor for them all.
    pub fn format_all(self, sources: &[&Source]) -> Vec<Styled> {
        let library = library(sources);
        let Style::Independent(style) = self.archived().get() else {
            return sources.iter().map(|s| Styled::plain(fallback(s))).collect();
        };
        let locales = bundled_locales();
        let mut driver = BibliographyDriver::new();
        for entry in library.iter() {
            driver.citation(CitationRequest::from_items(vec![CitationItem::with_entry(entry)], &style, locales));
        }
        let rendered = driver.finish(BibliographyRequest { style: &style, locale: None, locale_files: locales });
        let mut by_key = std::collections::HashMap::new();
        if let Some(bibliography) = rendered.bibliography {
            for item in bibliography.items {
                by_key.insert(item.key, chars_of(&item.content));
            }
        } else {
            // A style with citations only (no bibliography): the citation is the reference.
            for (citation, entry) in rendered.citations.into_iter().zip(library.iter()) {
                by_key.insert(entry.key().to_owned(), chars_of(&citation.citation));
            }
        }
        sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let chars = by_key
                    .remove(&key(i))
                    .filter(|t| t.iter().any(|(c, _)| !c.is_whitespace()))
                    .unwrap_or_else(|| fallback(s).chars().map(|c| (c, false)).collect());
                let mut chars = tidy_chars(chars);
                if let Some(language) = language_name(&s.language) {
                    chars.extend(format!(" In {language}.").chars().map(|c| (c, false)));
                }
                Styled::from_chars(&chars)
            })
            .collect()
    }
}

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
        // The first notes before the later ones; a stranger's note between any two, so that no
        // note follows one of its own source (which a style may shorten to "Ibid.").
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
            if let Some(other) = stranger.iter().next() {
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
                    Some(t) => Styled::from_chars(&end_note(tidy_chars(fill_in(t, page_locator(cite.1))))),
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

/// Stand-ins for a page in a template, from Unicode's private use area.
const PAGE_FROM: char = '\u{E000}';
const PAGE_TO: char = '\u{E001}';

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
            Self::Range => Some("\u{E000}–\u{E001}"),
        }
    }
}

/// A template with its page stand-ins replaced by `page`.
fn fill_in(template: &[(char, bool)], page: Option<&str>) -> Vec<(char, bool)> {
    let Some(from) = template.iter().position(|&(c, _)| c == PAGE_FROM) else { return template.to_vec() };
    let to = template.iter().position(|&(c, _)| c == PAGE_TO).filter(|&t| t > from).unwrap_or(from);
    let italic = template[from].1;
    let mut out = template[..from].to_vec();
    out.extend(page.unwrap_or_default().chars().map(|c| (c, italic)));
    out.extend_from_slice(&template[to + 1..]);
    out
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

/// hayagriva's locales, read once.
fn bundled_locales() -> &'static [Locale] {
    static LOCALES: OnceLock<Vec<Locale>> = OnceLock::new();
    LOCALES.get_or_init(locales)
}

fn key(i: usize) -> String {
    format!("s{i}")
}

/// The sources as a hayagriva library keyed by their position: a news or web page with its
/// publisher as the periodical, a filed document (PDF or Word, no URL) as a report by its
/// publisher, anything else as a web page or a document.
fn library(sources: &[&Source]) -> hayagriva::Library {
    let mut entries = serde_json::Map::new();
    for (i, s) in sources.iter().enumerate() {
        let title = if s.title.trim().is_empty() { s.id.to_string() } else { s.title.trim().to_owned() };
        let publisher = Some(s.publisher.trim()).filter(|p| !p.is_empty());
        let url = s.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
        let filed = matches!(s.original.as_ref().map(|o| o.kind), Some(OriginalKind::Pdf | OriginalKind::Docx));
        let mut entry = serde_json::Map::new();
        let kind = match (publisher, url, filed) {
            (Some(_), Some(_), _) => "Article",
            (_, None, true) => "Report",
            (_, Some(_), _) => "Web",
            _ => "Misc",
        };
        entry.insert("type".into(), kind.into());
        entry.insert("title".into(), title.into());
        let authors = authors(s.author.as_deref().unwrap_or(""));
        if !authors.is_empty() {
            entry.insert("author".into(), authors.into());
        }
        if let Some(date) = s.published.as_deref().and_then(csl_date) {
            entry.insert("date".into(), date.into());
        }
        if let Some(u) = url {
            entry.insert("url".into(), u.into());
        }
        if let Some(l) = Some(s.language.trim()).filter(|l| !l.is_empty()) {
            entry.insert("language".into(), l.into());
        }
        if let Some(p) = publisher {
            if kind == "Article" {
                entry.insert("parent".into(), serde_json::json!({ "type": "Newspaper", "title": p }));
            } else {
                entry.insert("publisher".into(), p.into());
            }
        }
        entries.insert(key(i), serde_json::Value::Object(entry));
    }
    // YAML is a superset of JSON: hayagriva reads the entries as its own YAML format.
    hayagriva::io::from_yaml_str(&serde_json::Value::Object(entries).to_string()).unwrap_or_default()
}

/// A byline as hayagriva's names ("Family, Given"): "Ana Pérez and Luis Gil" is two people;
/// "Pérez, Ana" is kept; a one-word byline (an agency, a newsroom) is a family name.
fn authors(byline: &str) -> Vec<String> {
    byline
        .split(" and ")
        .flat_map(|part| part.split(';'))
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| {
            if a.contains(',') {
                return a.to_owned();
            }
            match a.rsplit_once(' ') {
                Some((given, family)) => format!("{family}, {given}"),
                None => a.to_owned(),
            }
        })
        .collect()
}

/// A day, month or year the CSL processor takes (`2024-05-15`, `2024-05`, `2024`); a date with
/// qualifiers or a range gives its start.
fn csl_date(published: &str) -> Option<String> {
    Edtf::parse(published).ok()?;
    let plain = published.trim().trim_end_matches(['~', '?', '%']);
    let head = plain.split(['/', 'T']).next().unwrap_or(plain);
    let ok = !head.is_empty() && head.split('-').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    ok.then(|| head.to_owned())
}

/// Text with the parts a citation style sets in italics (a periodical's or a report's
/// title), as byte ranges of the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Styled {
    pub text: String,
    pub italic: Vec<std::ops::Range<usize>>,
}

impl Styled {
    pub fn plain(text: String) -> Self {
        Self { text, italic: Vec::new() }
    }

    fn from_chars(chars: &[(char, bool)]) -> Self {
        let mut out = Self::default();
        for &(c, italic) in chars {
            let at = out.text.len();
            out.text.push(c);
            if italic {
                match out.italic.last_mut() {
                    Some(r) if r.end == at => r.end = out.text.len(),
                    _ => out.italic.push(at..out.text.len()),
                }
            }
        }
        out
    }

    /// The text cut into runs, each with whether it is in italics.
    pub fn runs(&self) -> Vec<(&str, bool)> {
        runs(&self.text, &self.italic)
    }
}

/// `text` cut into runs, each with whether it is in `italic` (byte ranges of it).
pub fn runs<'a>(text: &'a str, italic: &[std::ops::Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in italic {
        let (start, end) = (r.start.clamp(at, text.len()), r.end.min(text.len()));
        if start > at {
            out.extend(text.get(at..start).map(|t| (t, false)));
        }
        if end > start {
            out.extend(text.get(start..end).map(|t| (t, true)));
        }
        at = at.max(end);
    }
    if at < text.len() {
        out.extend(text.get(at..).map(|t| (t, false)));
    }
    out
}

/// The characters of a processor's output, each with whether it is in italics.
fn chars_of(children: &hayagriva::ElemChildren) -> Vec<(char, bool)> {
    fn walk(children: &hayagriva::ElemChildren, out: &mut Vec<(char, bool)>) {
        for child in &children.0 {
            let text = match child {
                hayagriva::ElemChild::Text(t) | hayagriva::ElemChild::Link { text: t, .. } => t,
                hayagriva::ElemChild::Elem(e) => {
                    walk(&e.children, out);
                    continue;
                }
                hayagriva::ElemChild::Markup(m) => {
                    out.extend(m.chars().map(|c| (c, false)));
                    continue;
                }
                hayagriva::ElemChild::Transparent { .. } => continue,
            };
            let italic = t_style(text) == hayagriva::citationberg::FontStyle::Italic;
            out.extend(text.text.chars().map(|c| (c, italic)));
        }
    }
    fn t_style(t: &hayagriva::Formatted) -> hayagriva::citationberg::FontStyle {
        t.formatting.font_style
    }
    let mut out = Vec::new();
    walk(children, &mut out);
    out
}

/// CSL's punctuation after a title that ends in its own: "usuarios?.”" is "usuarios?”";
/// which characters are in italics is kept.
fn tidy_chars(mut chars: Vec<(char, bool)>) -> Vec<(char, bool)> {
    // Title case leaves a case name's "v." capitalised ("Smith V. Acme").
    for (from, to) in [
        ("?.”", "?”"),
        ("!.”", "!”"),
        ("?,”", "?”"),
        ("!,”", "!”"),
        ("?.", "?"),
        ("!.", "!"),
        ("..", "."),
        (" V. ", " v. "),
    ] {
        replace_chars(&mut chars, from, to);
    }
    let start = chars.iter().position(|(c, _)| !c.is_whitespace()).unwrap_or(chars.len());
    let end = chars.iter().rposition(|(c, _)| !c.is_whitespace()).map_or(start, |e| e + 1);
    chars.truncate(end);
    chars.drain(..start);
    chars
}

/// Replaces each `from` in `chars` by `to`, which takes the style of `from`'s first character.
fn replace_chars(chars: &mut Vec<(char, bool)>, from: &str, to: &str) {
    let from: Vec<char> = from.chars().collect();
    let mut i = 0;
    while i + from.len() <= chars.len() {
        if chars[i..i + from.len()].iter().map(|&(c, _)| c).eq(from.iter().copied()) {
            let italic = chars[i].1;
            let replacement: Vec<(char, bool)> = to.chars().map(|c| (c, italic)).collect();
            let n = replacement.len();
            chars.splice(i..i + from.len(), replacement);
            i += n;
        } else {
            i += 1;
        }
    }
}

/// When the processor gives nothing: the title and the publisher.
fn fallback(s: &Source) -> String {
    let title = if s.title.trim().is_empty() { s.id.to_string() } else { s.title.trim().to_owned() };
    if s.publisher.trim().is_empty() {
        end_with_period(&title)
    } else {
        format!("{} {}", end_with_period(&title), end_with_period(s.publisher.trim()))
    }
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

fn end_with_period(s: &str) -> String {
    if s.ends_with(['.', '?', '!']) { s.to_owned() } else { format!("{s}.") }
}

/// The language of a BCP 47 tag in English words, for the languages citeline reads and their
/// neighbours; `None` for English and for no tag.
pub fn language_name(tag: &str) -> Option<String> {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase();
    let name = match primary.as_str() {
        "" | "en" => return None,
        "es" => "Spanish",
        "it" => "Italian",
        "fr" => "French",
        "de" => "German",
        "pt" => "Portuguese",
        "ca" => "Catalan",
        "nl" => "Dutch",
        _ => return Some(tag.to_owned()),
    };
    Some(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> Source {
        Source {
            id: "nyt".into(),
            title: "Facebook Gave Netflix Access".to_owned(),
            publisher: "El País".to_owned(),
            author: Some("Ana Pérez".to_owned()),
            language: "es".to_owned(),
            url: Some("https://example.com/a".to_owned()),
            published: Some("2018-12-19".to_owned()),
            ..Source::default()
        }
    }

    #[test]
    fn chicago_and_apa_from_the_csl_styles_say_author_title_publisher_date_language_and_url() {
        let s = source();
        let chicago = CitationStyle::Chicago.format(&s);
        assert_eq!(
            chicago,
            "Pérez, Ana. “Facebook Gave Netflix Access.” El País, December 19, 2018. https://example.com/a. In Spanish."
        );
        let apa = CitationStyle::Apa.format(&s);
        assert_eq!(
            apa,
            "Pérez, A. (2018, December 19). Facebook Gave Netflix Access. El País. https://example.com/a In Spanish."
        );
        let bare = Source { id: "x".into(), ..Source::default() };
        assert!(CitationStyle::Chicago.format(&bare).contains('x'));
        assert!(CitationStyle::Apa.format(&bare).contains("n.d."), "APA says there is no date");
        assert_eq!(CitationStyle::parse("APA"), Ok(CitationStyle::Apa));
        assert_eq!(CitationStyle::parse("chicago-notes"), Ok(CitationStyle::Chicago));
        let ieee = CitationStyle::parse("ieee").expect("a bundled style");
        assert!(ieee.format(&s).contains("Facebook Gave Netflix Access"), "{}", ieee.format(&s));
        assert!(CitationStyle::parse("nonesuch").expect_err("unknown").contains("chicago, apa"));
    }

    #[test]
    fn a_title_ending_in_a_question_mark_takes_no_period_and_bylines_become_names() {
        let s = Source { title: "¿Netflix pagaba a Meta?".to_owned(), ..source() };
        let chicago = CitationStyle::Chicago.format(&s);
        assert!(chicago.contains("“¿Netflix pagaba a Meta?”"), "{chicago}");
        let case = Source { title: "Complaint, Smith v. Acme Corp.".to_owned(), language: "en".to_owned(), ..source() };
        let chicago = CitationStyle::Chicago.format(&case);
        assert!(chicago.contains("Smith v. Acme"), "a case name keeps its lower-case v.: {chicago}");
        assert_eq!(authors("Ana Pérez and Luis Gil"), ["Pérez, Ana", "Gil, Luis"]);
        assert_eq!(authors("Pérez, Ana"), ["Pérez, Ana"]);
        assert_eq!(authors("Reuters"), ["Reuters"]);
        assert_eq!(csl_date("2018-12"), Some("2018-12".to_owned()));
        assert_eq!(csl_date("2018-12-19~"), Some("2018-12-19".to_owned()));
        assert_eq!(csl_date("2018/2019"), Some("2018".to_owned()));
        assert_eq!(csl_date("199X"), None);
    }

    #[test]
    fn chicago_notes_are_whole_the_first_time_then_short_with_the_pin_cite() {
        let s = source();
        let other = Source { id: "b".into(), title: "Complaint".to_owned(), author: None, url: None, ..source() };
        let styled = CitationStyle::Chicago.notes(&[&s, &other], &[(0, "p. 4"), (1, ""), (0, "pp. 6–7")]);
        let notes: Vec<&str> = styled.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(styled[0].runs().iter().filter(|(_, i)| *i).map(|(t, _)| *t).collect::<Vec<_>>(), ["El País"]);
        assert_eq!(notes.len(), 3);
        assert!(notes[0].starts_with("Ana Pérez, “Facebook Gave Netflix Access,” El País"), "{}", notes[0]);
        assert!(notes[0].contains(", 4"), "the first note ends on its page: {}", notes[0]);
        assert!(notes[1].contains("Complaint"), "{}", notes[1]);
        assert!(notes[2].starts_with("Pérez, “Facebook Gave Netflix Access,”"), "a later note is short: {}", notes[2]);
        assert!(notes[2].contains("6–7"), "{}", notes[2]);
        assert!(!notes[2].contains("December"), "a later note is short: {}", notes[2]);
        let apa = CitationStyle::Apa.notes(&[&s], &[(0, "p. 4")]);
        let apa = &apa[0].text;
        assert!(apa.contains("Pérez") && apa.contains("2018") && apa.contains('4'), "{apa}");
        assert_eq!(page_locator("pp. 4–5"), Some("4–5"));
        assert_eq!(page_locator("3:12–15"), Some("3:12–15"));
        assert_eq!(page_locator(" "), None);
        assert_eq!((Pin::of("p. 4"), Pin::of("pp. 4–5"), Pin::of("")), (Pin::One, Pin::Range, Pin::None));
        let template: Vec<(char, bool)> = "X, \u{E000}–\u{E001}.".chars().map(|c| (c, false)).collect();
        assert_eq!(Styled::from_chars(&fill_in(&template, Some("4–5"))).text, "X, 4–5.");
        assert_eq!(fallback_note(Some(&other), "p. 2"), "Complaint, p. 2.");
        let note = |s: &str| Styled::from_chars(&end_note(s.chars().map(|c| (c, false)).collect())).text;
        assert_eq!(note("“Netflix ha pagato”"), "“Netflix ha pagato.”");
        assert_eq!(note("“¿Pagaba?”"), "“¿Pagaba?”");
        assert_eq!(note("“¿Pagaba?”."), "“¿Pagaba?”");
        assert_eq!(note("“Pagaba”."), "“Pagaba.”");
        assert_eq!(note("Complaint, 4"), "Complaint, 4.");
        let tidy = |s: &str| Styled::from_chars(&tidy_chars(s.chars().map(|c| (c, false)).collect())).text;
        assert_eq!(tidy("“¿Pagaba?,” El País"), "“¿Pagaba?” El País");
    }

    #[test]
    fn the_style_sets_a_periodical_in_italics_and_runs_cover_the_text() {
        let chicago = &CitationStyle::Chicago.format_all(&[&source()])[0];
        let italic: Vec<&str> = chicago.runs().into_iter().filter(|(_, i)| *i).map(|(t, _)| t).collect();
        assert_eq!(italic, ["El País"], "{chicago:?}");
        assert_eq!(chicago.runs().iter().map(|(t, _)| *t).collect::<String>(), chicago.text);
        let mut chars: Vec<(char, bool)> = "Título?.” x".chars().map(|c| (c, c == 'T')).collect();
        replace_chars(&mut chars, "?.”", "?”");
        let styled = Styled::from_chars(&chars);
        assert_eq!((styled.text.as_str(), styled.runs()[0]), ("Título?” x", ("T", true)));
    }

    #[test]
    fn many_sources_keep_their_order() {
        let a = Source { id: "a".into(), title: "Zebra".to_owned(), ..Source::default() };
        let b = Source { id: "b".into(), title: "Aardvark".to_owned(), ..Source::default() };
        let all = CitationStyle::Chicago.format_all(&[&a, &b]);
        assert!(all[0].text.contains("Zebra") && all[1].text.contains("Aardvark"), "{all:?}");
    }
}
