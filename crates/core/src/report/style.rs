//! A source as a reference in a citation style, formatted by a CSL processor (`hayagriva`, with
//! the styles it bundles from the Citation Style Language repository): Chicago (notes and
//! bibliography, its bibliography entry) by default, APA, or any bundled style by name.

use std::sync::OnceLock;

use hayagriva::archive::{ArchivedStyle, locales};
use hayagriva::citationberg::{Locale, Style};
use hayagriva::{BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest};

use super::styled::{Styled, chars_of, tidy_chars};
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

    pub(super) fn archived(self) -> ArchivedStyle {
        match self {
            Self::Chicago => ArchivedStyle::ChicagoNotes,
            Self::Apa => ArchivedStyle::AmericanPsychologicalAssociation,
            Self::Other(style) => style,
        }
    }

    /// `source` as a reference in this style, in one line.
    pub fn format(self, source: &Source) -> String {
        self.format_all(&[source]).pop().map(|(_, r)| r.text).unwrap_or_default()
    }

    /// Each of `sources` (in the order they are first cited) as a reference in this style, in
    /// their order, with its place in the style's list of references (alphabetical in Chicago
    /// and APA, by first citation in a numeric style such as IEEE, whose label, "[1]", leads
    /// the reference): one style and one processor for them all.
    pub(crate) fn format_all(self, sources: &[&Source]) -> Vec<(usize, Styled)> {
        let library = library(sources);
        let Style::Independent(style) = self.archived().get() else {
            return sources.iter().map(|s| Styled::plain(fallback(s))).enumerate().collect();
        };
        let locales = bundled_locales();
        let mut driver = BibliographyDriver::new();
        for entry in library.iter() {
            driver.citation(CitationRequest::from_items(vec![CitationItem::with_entry(entry)], &style, locales));
        }
        let rendered = driver.finish(BibliographyRequest { style: &style, locale: None, locale_files: locales });
        let mut by_key = std::collections::HashMap::new();
        if let Some(bibliography) = rendered.bibliography {
            for (place, item) in bibliography.items.into_iter().enumerate() {
                let mut chars = Vec::new();
                if let Some(label) = item.first_field {
                    chars = chars_of(&hayagriva::ElemChildren(vec![label]));
                    chars.push((' ', false));
                }
                chars.extend(chars_of(&item.content));
                by_key.insert(item.key, (place, chars));
            }
        } else {
            // A style with citations only (no bibliography): the citation is the reference.
            for (place, (citation, entry)) in rendered.citations.into_iter().zip(library.iter()).enumerate() {
                by_key.insert(entry.key().to_owned(), (place, chars_of(&citation.citation)));
            }
        }
        sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let plain = || fallback(s).chars().map(|c| (c, false)).collect();
                let (place, chars) = match by_key.remove(&key(i)) {
                    Some((place, t)) if t.iter().any(|(c, _)| !c.is_whitespace()) => (place, t),
                    Some((place, _)) => (place, plain()),
                    None => (sources.len() + i, plain()),
                };
                let mut chars = tidy_chars(chars);
                if let Some(language) = language_name(&s.language) {
                    chars.extend(format!(" In {language}.").chars().map(|c| (c, false)));
                }
                (place, Styled::from_chars(&chars))
            })
            .collect()
    }
}

/// hayagriva's locales, read once.
pub(super) fn bundled_locales() -> &'static [Locale] {
    static LOCALES: OnceLock<Vec<Locale>> = OnceLock::new();
    LOCALES.get_or_init(locales)
}

fn key(i: usize) -> String {
    format!("s{i}")
}

/// The sources as a hayagriva library keyed by their position: a news or web page with its
/// publisher as the periodical, a filed document (PDF or Word, no URL) as a report by its
/// publisher, anything else as a web page or a document.
pub(super) fn library(sources: &[&Source]) -> hayagriva::Library {
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
        entry.insert(
            "title".into(),
            match short_title(&title) {
                Some(short) => serde_json::json!({ "value": title, "short": short }),
                None => title.into(),
            },
        );
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

/// Words that lead to the next one: a short title does not end on one.
const LEADING: [&str; 24] = [
    "a", "al", "and", "by", "con", "da", "de", "del", "di", "e", "el", "en", "for", "il", "in", "la", "of", "on",
    "per", "por", "the", "to", "with", "y",
];

/// A long title's short form, as a later note cites it (Chicago: up to four words, an
/// opening article left out): its first words, up to a clause's end.
fn short_title(title: &str) -> Option<String> {
    const WORDS: usize = 4;
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.len() <= WORDS + 1 {
        return None;
    }
    let skip = usize::from(matches!(
        words[0].to_lowercase().as_str(),
        "the" | "a" | "an" | "el" | "la" | "los" | "las" | "il" | "lo" | "gli" | "le"
    ));
    let mut short: Vec<&str> = Vec::new();
    for w in &words[skip..] {
        short.push(w);
        if short.len() == WORDS || w.ends_with([',', ':', ';']) {
            break;
        }
    }
    // Not ending on a word that leads to the next ("of", "de", "di"), nor on a figure cut
    // from its unit ("Netflix ha pagato 100" would read as a wrong sum).
    let dangles = |w: &str| LEADING.contains(&w.to_lowercase().as_str()) || w.chars().any(|c| c.is_ascii_digit());
    while short.len() > 1 && short.last().is_some_and(|w| dangles(w)) {
        short.pop();
    }
    let mut text = short.join(" ");
    text = text.trim_end_matches([',', ':', ';', '.']).to_owned();
    // An opening mark left without its closing one ("¿Netflix pagaba cientos de").
    for (open, close) in [('¿', '?'), ('¡', '!')] {
        if text.starts_with(open) && !text.contains(close) {
            text.push(close);
        }
    }
    Some(text)
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

/// When the processor gives nothing: the title and the publisher.
fn fallback(s: &Source) -> String {
    let title = if s.title.trim().is_empty() { s.id.to_string() } else { s.title.trim().to_owned() };
    if s.publisher.trim().is_empty() {
        end_with_period(&title)
    } else {
        format!("{} {}", end_with_period(&title), end_with_period(s.publisher.trim()))
    }
}

pub(super) fn end_with_period(s: &str) -> String {
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
        assert_eq!(short_title("Facebook Gave Netflix Access").as_deref(), None, "short enough");
        assert_eq!(
            short_title("¿Netflix pagaba cientos de millones a Meta por mensajes privados de usuarios?").as_deref(),
            Some("¿Netflix pagaba cientos?")
        );
        assert_eq!(short_title("The Complaint, as filed in the court below").as_deref(), Some("Complaint"));
        assert_eq!(
            short_title("Netflix ha pagato 100 milioni di dollari per accedere ai messaggi privati di Facebook")
                .as_deref(),
            Some("Netflix ha pagato"),
            "a figure is not cut from its unit"
        );
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
    }

    #[test]
    fn the_style_sets_a_periodical_in_italics_and_runs_cover_the_text() {
        let chicago = &CitationStyle::Chicago.format_all(&[&source()])[0].1;
        let italic: Vec<&str> = chicago.runs().into_iter().filter(|(_, i)| *i).map(|(t, _)| t).collect();
        assert_eq!(italic, ["El País"], "{chicago:?}");
        assert_eq!(chicago.runs().iter().map(|(t, _)| *t).collect::<String>(), chicago.text);
    }

    #[test]
    fn many_sources_keep_their_order() {
        let a = Source { id: "a".into(), title: "Zebra".to_owned(), ..Source::default() };
        let b = Source { id: "b".into(), title: "Aardvark".to_owned(), ..Source::default() };
        let all = CitationStyle::Chicago.format_all(&[&a, &b]);
        assert!(all[0].1.text.contains("Zebra") && all[1].1.text.contains("Aardvark"), "{all:?}");
        assert_eq!((all[0].0, all[1].0), (1, 0), "Chicago lists them alphabetically");
        let ieee = CitationStyle::parse("ieee").expect("bundled").format_all(&[&a, &b]);
        assert_eq!((ieee[0].0, ieee[1].0), (0, 1), "IEEE lists them as first cited");
        assert!(ieee[0].1.text.starts_with("[1] ") && ieee[1].1.text.starts_with("[2] "), "{ieee:?}");
    }
}
