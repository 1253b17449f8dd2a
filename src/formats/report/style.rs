//! A source as a reference in a citation style: Chicago (notes and bibliography, its
//! bibliography entry) by default, or APA. Written here rather than through a CSL processor:
//! a timeline's sources are web pages, articles and filed documents with a title, a byline, a
//! publisher, a date and a URL, which these two patterns cover.

use std::fmt::Write as _;

use crate::model::{Edtf, Source};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CitationStyle {
    /// The Chicago Manual of Style, notes and bibliography: its bibliography entry.
    #[default]
    Chicago,
    /// APA, 7th edition: its reference list entry.
    Apa,
}

impl CitationStyle {
    pub fn parse(name: &str) -> Result<Self, String> {
        match name.to_ascii_lowercase().as_str() {
            "chicago" | "chicago-notes-bibliography" => Ok(Self::Chicago),
            "apa" => Ok(Self::Apa),
            _ => Err(format!("unknown citation style \"{name}\": chicago or apa")),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Chicago => "Chicago (notes and bibliography)",
            Self::Apa => "APA",
        }
    }

    /// `source` as a reference in this style, in one line.
    pub fn format(self, source: &Source) -> String {
        let title = if source.title.trim().is_empty() { source.id.to_string() } else { source.title.trim().to_owned() };
        let author = source.author.as_deref().map(str::trim).filter(|a| !a.is_empty());
        let publisher = Some(source.publisher.trim()).filter(|p| !p.is_empty());
        let published = source.published.as_deref().and_then(|p| Edtf::parse(p).ok());
        let url = source.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
        let language = language_name(&source.language);
        let mut out = String::new();
        match self {
            Self::Chicago => {
                if let Some(a) = author {
                    out.push_str(&end_with_period(a));
                    out.push(' ');
                }
                out.push('“');
                out.push_str(&end_with_period(&title));
                out.push('”');
                let mut tail: Vec<String> = Vec::new();
                if let Some(p) = publisher {
                    tail.push(p.to_owned());
                }
                if let Some(d) = &published {
                    tail.push(d.to_string());
                }
                if !tail.is_empty() {
                    out.push(' ');
                    out.push_str(&tail.join(", "));
                    out.push('.');
                }
                if let Some(l) = language {
                    let _ = write!(out, " In {l}.");
                }
                if let Some(u) = url {
                    out.push(' ');
                    out.push_str(&end_with_period(u));
                }
            }
            Self::Apa => {
                if let Some(a) = author {
                    out.push_str(&end_with_period(a));
                    out.push(' ');
                }
                if let Some(d) = &published {
                    let _ = write!(out, "({d}). ");
                } else {
                    out.push_str("(n.d.). ");
                }
                out.push_str(&end_with_period(&title));
                if let Some(l) = language {
                    let _ = write!(out, " [In {l}].");
                }
                if let Some(p) = publisher {
                    out.push(' ');
                    out.push_str(&end_with_period(p));
                }
                if let Some(u) = url {
                    out.push(' ');
                    out.push_str(u);
                }
            }
        }
        out
    }
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
    fn chicago_and_apa_say_author_title_publisher_date_language_and_url() {
        let s = source();
        let date = Edtf::parse("2018-12-19").expect("date").to_string();
        let chicago = CitationStyle::Chicago.format(&s);
        assert_eq!(
            chicago,
            format!("Ana Pérez. “Facebook Gave Netflix Access.” El País, {date}. In Spanish. https://example.com/a.")
        );
        let apa = CitationStyle::Apa.format(&s);
        assert_eq!(
            apa,
            format!("Ana Pérez. ({date}). Facebook Gave Netflix Access. [In Spanish]. El País. https://example.com/a")
        );
        let bare = Source { id: "x".into(), ..Source::default() };
        assert_eq!(CitationStyle::Chicago.format(&bare), "“x.”");
        assert_eq!(CitationStyle::Apa.format(&bare), "(n.d.). x.");
        assert_eq!(CitationStyle::parse("APA"), Ok(CitationStyle::Apa));
        assert!(CitationStyle::parse("mla").expect_err("unknown").contains("chicago or apa"));
    }
}
