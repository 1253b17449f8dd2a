//! An event's fields as people type them: what each text means for the event, and why a text
//! cannot stand (the editor shows the reason under the field, and commits nothing).

use std::ops::Range;

use super::dates::{self, Kind, Lang, Published};
use super::propose::{language_of, published_day};
use super::title::short_title;
use super::{Edtf, Event, EventExtra, Source};

/// A field of an event that is typed as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    When,
    DisplayDate,
    Summary,
    Tags,
    Group,
}

impl Field {
    pub const ALL: [Self; 6] = [Self::Title, Self::When, Self::DisplayDate, Self::Summary, Self::Tags, Self::Group];
}

/// Sets `field` of `event` from its typed `text`; the reason when the text cannot stand.
pub fn apply_field(event: &mut Event, field: Field, text: &str) -> Option<String> {
    match field {
        Field::Title => {
            if text.trim().is_empty() {
                return Some("An event needs a title.".to_owned());
            }
            event.title = text.trim().into();
        }
        Field::When => {
            let when: Option<&str> = optional(text);
            if let Some(Err(e)) = when.map(Edtf::parse) {
                return Some(format!("Not a date citeline reads: {e}"));
            }
            event.when = when.map(Into::into);
        }
        Field::DisplayDate => event.display_date = optional(text),
        Field::Summary => event.summary = optional(text),
        Field::Tags => event.tags = split_tags(text).into_iter().map(Into::into).collect(),
        Field::Group => {
            let media = event.media().cloned();
            event.extra = EventExtra::boxed(optional(text), media);
        }
    }
    None
}

/// A title made of a text's first eight words (an event made from a passage, a TimelineJS slide
/// without a headline).
pub fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    words.join(" ")
}

/// A new event made from a passage of a source ([`from_passage`]), and the words its date was
/// read from, for saying so under the date ("from “nell’agosto 2013”").
#[derive(Clone, Debug, PartialEq)]
pub struct FromPassage {
    pub event: Event,
    /// The date expression as it stands in the source's text, when a date was read.
    pub read_from: Option<String>,
}

/// How far around a passage the date reader looks for its sentence, in bytes each way (a
/// paragraph, or this much of a text without line breaks).
const AROUND: usize = 4096;

/// A new event citing the passage `range` of `source`'s `text`: dated by the first date read in
/// the passage, else in its sentence (in the source's language, "yesterday" from its publication
/// day), and titled by [`short_title`] (the date left out when it opens the passage). `None` when
/// `range` is not a passage of `text`.
pub fn from_passage(id: String, source: &Source, text: &str, range: Range<usize>) -> Option<FromPassage> {
    let quote = text.get(range.clone())?;
    let found = language_of(&source.language, text)
        .and_then(|lang| date_of_passage(text, range.clone(), lang, published_day(source.published.as_deref())));
    // The date's words within the passage, relative to it, for leaving them out of the title.
    let within = found
        .as_ref()
        .map(|(_, at)| at.start.saturating_sub(range.start)..at.end.min(range.end).saturating_sub(range.start));
    let citation = super::Citation {
        source: source.id.as_ref().into(),
        quote: quote.into(),
        note: None,
        anchor: Some(Box::new(super::anchor::anchor_in(source, text, range.clone()))),
        history: Box::default(),
    };
    let within = within.filter(|w| w.start < w.end);
    // A date in a clause of its own after a colon titles that clause, as its proposal is.
    let title = match within.clone().and_then(|w| crate::propose::title::clause_after_colon(quote, &w)) {
        Some(at) => short_title(&quote[at..], within.map(|w| w.start - at..w.end - at)),
        None => short_title(quote, within),
    };
    let event = Event {
        id: id.into(),
        title: title.into(),
        when: found.as_ref().map(|(when, _)| when.as_str().into()),
        citations: vec![citation].into(),
        ..Event::default()
    };
    Some(FromPassage { event, read_from: found.map(|(_, at)| text[at].to_owned()) })
}

/// The first date (its EDTF value and where its words stand in `text`) read in the passage
/// `range`, else in a sentence the passage is part of. The reader reads the passage's paragraph
/// (at most [`AROUND`] bytes each way), so a date without a year takes it from earlier in the
/// paragraph, else from the publication day.
pub(crate) fn date_of_passage(
    text: &str,
    range: Range<usize>,
    lang: Lang,
    published: Option<Published>,
) -> Option<(String, Range<usize>)> {
    text.get(range.clone())?;
    let from = text.floor_char_boundary(range.start.saturating_sub(AROUND));
    let from = text[from..range.start].rfind('\n').map_or(from, |n| from + n + 1);
    let to = text.ceil_char_boundary(range.end.saturating_add(AROUND).min(text.len()));
    let to = text[range.end..to].find('\n').map_or(to, |n| range.end + n);
    // A year in a case citation or a statute's number says nothing that happened.
    let cited = super::legal::citations(&text[from..to]);
    let dated: Vec<(String, Range<usize>, Range<usize>)> = dates::read(&text[from..to], lang, published)
        .into_iter()
        .filter(|f| f.kind == Kind::Date && super::legal::within(&cited, &(f.start..f.end)).is_none())
        .filter_map(|f| Some((f.when?, from + f.start..from + f.end, from + f.sentence.start..from + f.sentence.end)))
        .collect();
    let overlaps = |a: &Range<usize>| a.start < range.end && range.start < a.end;
    let (when, at, _) = dated
        .iter()
        .find(|(_, at, _)| overlaps(at))
        .or_else(|| dated.iter().find(|(_, _, sentence)| overlaps(sentence)))?;
    Some((when.clone(), at.clone()))
}

/// The trimmed text, or nothing for blank text.
fn optional<'a, T: From<&'a str>>(text: &'a str) -> Option<T> {
    let t = text.trim();
    (!t.is_empty()).then(|| T::from(t))
}

/// `a, b,, a` → `a`, `b`: trimmed, without blanks or repeats.
pub fn split_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for t in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|k| k == t) {
            tags.push(t.to_owned());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed's source `id` and its text.
    fn seed_source(doc: &crate::Document, id: &str) -> (Source, String) {
        let (source, text) = doc.source(id).expect("a source of the seed");
        (source.clone(), text.to_owned())
    }

    /// The passage `quote` of `text`, as a byte range.
    fn range_of(text: &str, quote: &str) -> Range<usize> {
        let at = text.find(quote).expect("the passage is in the text");
        at..at + quote.len()
    }

    #[test]
    fn a_passage_is_dated_by_its_own_date_and_titled_without_it() {
        let doc = crate::seed_document();
        let (it, text) = seed_source(&doc, "it-article");
        let quote = "Nell’agosto 2013, Facebook ha fornito a Netflix l’accesso al cosiddetto “Titan API”";
        let made = from_passage("e1".into(), &it, &text, range_of(&text, quote)).expect("a passage");
        assert_eq!(made.event.when.as_deref(), Some("2013-08"));
        assert_eq!(made.read_from.as_deref(), Some("agosto 2013"));
        assert_eq!(&*made.event.title, "Facebook ha fornito a Netflix l’accesso al cosiddetto “Titan API”");
        assert_eq!((&*made.event.id, &*made.event.citations[0].source), ("e1", "it-article"));
        assert_eq!(&*made.event.citations[0].quote, quote, "the passage as it stands");
    }

    #[test]
    fn a_passage_is_never_dated_by_a_citations_year_or_a_statutes_number() {
        let text = "Plaintiff sued under 42 U.S.C. §§ 2000cc to 2000cc-5, and 42 U.S.C. § 1983. \
                    See Ware v. Jones, 878 F.3d 109, 112 (5th Cir. 2017). \
                    The warden denied the grievance on August 9, 2016, citing Smith v. Owens (2015).";
        let source = Source { id: "op".into(), language: "en".into(), ..Source::default() };
        for (quote, when) in [
            ("Plaintiff sued under 42 U.S.C. §§ 2000cc to 2000cc-5, and 42 U.S.C. § 1983.", None),
            ("See Ware v. Jones, 878 F.3d 109, 112 (5th Cir. 2017).", None),
            ("citing Smith v. Owens (2015)", Some("2016-08-09")),
        ] {
            let made = from_passage("e".into(), &source, text, range_of(text, quote)).expect("a passage");
            assert_eq!(made.event.when.as_deref(), when, "{quote}: read from {:?}", made.read_from);
        }
    }

    #[test]
    fn a_passage_without_a_date_takes_its_sentences() {
        let doc = crate::seed_document();
        let (it, text) = seed_source(&doc, "it-article");
        let quote =
            "il CEO di allora di Netflix, Hastings, è stato membro del consiglio di amministrazione di Facebook";
        let made = from_passage("e".into(), &it, &text, range_of(&text, quote)).expect("a passage");
        assert_eq!(made.event.when.as_deref(), Some("2011/2019"), "from the sentence");
        assert_eq!(made.read_from.as_deref(), Some("dal 2011 al 2019"));
        assert_eq!(&*made.event.title, "Il CEO di allora di Netflix, Hastings, è stato membro");

        // The Spanish article says how long, never when: undated.
        let (es, text) = seed_source(&doc, "es-article");
        let quote = "Netflix gastó cientos de millones de dólares en anuncios de Facebook";
        let made = from_passage("e".into(), &es, &text, range_of(&text, quote)).expect("a passage");
        assert_eq!((made.event.when, made.read_from), (None, None));
        assert_eq!(&*made.event.title, "Netflix gastó cientos de millones de dólares en anuncios");
    }

    #[test]
    fn a_relative_date_is_read_from_the_publication_day_in_the_language_of_the_text() {
        let text =
            "The hearing was long.\nYesterday a Meta spokesperson denied every accusation, and the judge listened.";
        let mut source = Source { id: "en".into(), language: "en".into(), ..Source::default() };
        let quote = "a Meta spokesperson denied every accusation";
        // Without a publication day "yesterday" has no value.
        let made = from_passage("e".into(), &source, text, range_of(text, quote)).expect("a passage");
        assert_eq!((made.event.when.as_deref(), made.read_from.as_deref()), (None, None));
        source.published = Some("2024-05-15".into());
        let made = from_passage("e".into(), &source, text, range_of(text, quote)).expect("a passage");
        assert_eq!((made.event.when.as_deref(), made.read_from.as_deref()), (Some("2024-05-14"), Some("Yesterday")));
        assert_eq!(&*made.event.title, "A Meta spokesperson denied every accusation");
        // Not a passage of the text.
        assert_eq!(from_passage("e".into(), &source, text, 3..500), None);
        assert_eq!(from_passage("e".into(), &source, "é", 0..1), None);
    }

    #[test]
    fn a_proposed_sentence_made_an_event_is_the_proposal() {
        // The seed without its events proposes every dated sentence; selecting one of those
        // sentences makes the same event as accepting its proposal.
        let seed = crate::seed_document();
        let timeline = crate::Timeline { events: Vec::new(), ..seed.timeline().clone() };
        let doc = crate::Document::new(timeline, seed.path(), &crate::Progress::default()).expect("valid");
        let proposals = crate::propose::proposals(&doc, None);
        assert!(!proposals.is_empty());
        for p in proposals {
            let (source, text) = seed_source(&doc, &p.source);
            let made = from_passage("p".into(), &source, &text, p.sentence.clone()).expect("a passage");
            assert_eq!(made.event, p.event("p".into()), "{}", p.quote);
            assert_eq!(made.read_from.as_deref(), Some(&text[p.expression.clone()]));
        }
    }

    #[test]
    fn fields_set_the_event_or_say_why_not() {
        let mut e = Event { id: "a".into(), title: "A".into(), ..Event::default() };
        assert_eq!(apply_field(&mut e, Field::When, " 2013-08 "), None);
        assert_eq!(e.when.as_deref(), Some("2013-08"));
        assert!(apply_field(&mut e, Field::When, "2013-13").is_some_and(|w| w.contains("month")));
        assert_eq!(e.when.as_deref(), Some("2013-08"), "a refused date leaves the event as it was");
        assert_eq!(apply_field(&mut e, Field::When, ""), None);
        assert_eq!(e.when, None, "an empty date makes the event undated");
        assert!(apply_field(&mut e, Field::Title, "  ").is_some());
        assert_eq!(apply_field(&mut e, Field::Tags, "api, ads,, api"), None);
        assert_eq!(&*e.tags, [Box::from("api"), Box::from("ads")]);
        assert_eq!(apply_field(&mut e, Field::Group, "Partnership"), None);
        assert_eq!(e.group(), Some("Partnership"));
        assert_eq!(apply_field(&mut e, Field::Group, ""), None);
        assert_eq!(e.extra, None);
    }
}
