//! Proposed events: for each sentence of a source that holds a date and that no event cites
//! yet, an event dated by it, titled from the sentence, citing the whole sentence (which
//! verifies, being the source's own words).

use std::ops::Range;

use super::date::{Edtf, Endpoint};
use super::dates::{self, Kind, Lang, Published};
use super::document::Document;
use super::timeline::{Citation, Event};

#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub source: String,
    /// The sentence, in byte offsets into the source's text, and its words (the quote).
    pub sentence: Range<usize>,
    pub quote: String,
    /// The date expression the value comes from, in byte offsets into the source's text.
    pub expression: Range<usize>,
    pub when: String,
    /// The days `when` covers, for drawing it (start, end).
    pub span: (super::Day, super::Day),
    pub title: String,
}

impl Proposal {
    /// The event accepting it makes.
    pub fn event(&self, id: String) -> Event {
        Event {
            id: id.into(),
            title: self.title.as_str().into(),
            when: Some(self.when.as_str().into()),
            citations: vec![Citation {
                source: self.source.as_str().into(),
                quote: self.quote.as_str().into(),
                note: None,
            }]
            .into(),
            ..Event::default()
        }
    }
}

/// The source's language as the reader knows it: the one recorded, else the one its text is in.
pub fn language_of(recorded: &str, text: &str) -> Option<Lang> {
    Lang::from_code(recorded).or_else(|| Lang::detect(text))
}

/// A publication date with a day, for resolving "yesterday".
pub fn published_day(published: Option<&str>) -> Option<Published> {
    match Edtf::parse(published?).ok()? {
        Edtf::Single(p) | Edtf::Interval(Endpoint::Date(p), _) => Some((p.year, p.month?, p.day?)),
        Edtf::Interval(..) => None,
    }
}

/// Proposals from every source of `doc` (or only `source`), in source order then text order.
pub fn proposals(doc: &Document, source: Option<&str>) -> Vec<Proposal> {
    let mut out = Vec::new();
    for s in &doc.timeline().sources {
        if source.is_some_and(|only| only != &*s.id) {
            continue;
        }
        if let Some(reading) = SourceToRead::of(doc, &s.id) {
            out.extend(reading.read().0);
        }
    }
    out
}

/// Why a source has no proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoProposal {
    /// The timeline does not hold its text.
    NoText,
    /// Its language is none that dates are read in (Spanish, Italian, English).
    LanguageNotRead,
    /// No sentence of it holds a date.
    NoDatedSentences,
    /// Each sentence that holds a date is cited by an event (`cited`) or was rejected.
    AllTaken { cited: usize, rejected: usize },
}

impl NoProposal {
    /// In a few words, for the Proposed Dates list.
    pub fn words(self) -> String {
        match self {
            Self::NoText => "no text: the timeline does not hold it".to_owned(),
            Self::LanguageNotRead => "not in a language whose dates are read (Spanish, Italian, English)".to_owned(),
            Self::NoDatedSentences => "no dated sentences".to_owned(),
            Self::AllTaken { rejected: 0, .. } => "every dated sentence is already cited".to_owned(),
            Self::AllTaken { cited: 0, rejected } => {
                format!("every dated sentence was rejected ({rejected})")
            }
            Self::AllTaken { cited, rejected } => {
                format!("every dated sentence is already cited ({cited}) or was rejected ({rejected})")
            }
        }
    }
}

/// What reading a source for proposals needs, taken out of the document so that it can be read
/// on another thread.
#[derive(Clone, Debug)]
pub struct SourceToRead {
    pub id: String,
    text: String,
    lang: Option<Lang>,
    published: Option<Published>,
    cited: Vec<Range<usize>>,
    rejected: Vec<String>,
}

impl SourceToRead {
    /// Source `id` of `doc`; `None` when there is no such source.
    pub fn of(doc: &Document, id: &str) -> Option<Self> {
        let (s, text) = doc.source(id)?;
        Some(Self {
            id: id.to_owned(),
            text: text.to_owned(),
            lang: language_of(&s.language, text),
            published: published_day(s.published.as_deref()),
            cited: cited_ranges(doc, id),
            rejected: doc
                .timeline()
                .rejected
                .iter()
                .filter(|r| *r.source == *id)
                .map(|r| r.sentence.to_string())
                .collect(),
        })
    }

    /// Why the source has no proposal; `None` when it has some.
    pub fn why_none(&self) -> Option<NoProposal> {
        let (proposals, why) = self.read();
        if proposals.is_empty() { Some(why) } else { None }
    }

    /// Its proposals, one a dated sentence no event cites and not rejected (its first date);
    /// and why there would be none.
    fn read(&self) -> (Vec<Proposal>, NoProposal) {
        let text = self.text.as_str();
        if text.trim().is_empty() {
            return (Vec::new(), NoProposal::NoText);
        }
        let Some(lang) = self.lang else { return (Vec::new(), NoProposal::LanguageNotRead) };
        let (mut out, mut cited, mut rejected) = (Vec::new(), 0, 0);
        let mut last_sentence = None;
        for found in dates::read(text, lang, self.published) {
            let (Kind::Date, Some(when)) = (found.kind, found.when) else { continue };
            let sentence = found.sentence.clone();
            // One proposal a sentence: its first date.
            if last_sentence == Some(sentence.start) {
                continue;
            }
            last_sentence = Some(sentence.start);
            let quote = &text[sentence.clone()];
            if self.cited.iter().any(|c| c.start < sentence.end && sentence.start < c.end) {
                cited += 1;
                continue;
            }
            if self.rejected.iter().any(|r| r == quote) {
                rejected += 1;
                continue;
            }
            let title = title_from(text, &sentence, &(found.start..found.end));
            let Ok(date) = Edtf::parse(&when) else { continue };
            let span = (date.span().start, date.span().end);
            out.push(Proposal {
                source: self.id.clone(),
                quote: quote.to_owned(),
                sentence,
                expression: found.start..found.end,
                when,
                span,
                title,
            });
        }
        let why =
            if cited + rejected == 0 { NoProposal::NoDatedSentences } else { NoProposal::AllTaken { cited, rejected } };
        (out, why)
    }
}

/// Where `source`'s text is quoted by some event.
fn cited_ranges(doc: &Document, source: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (i, e) in doc.events().iter().enumerate() {
        for (c, check) in e.citations.iter().zip(doc.checks(i)) {
            if c.source == source
                && let Some(span) = check.span()
            {
                out.push(span);
            }
        }
    }
    out
}

/// A short title for the sentence: [`short_title`](super::title::short_title), as a passage made
/// an event gets, the date that opens it left out ("Il documento aggiunge inoltre: ‘Nell’agosto
/// 2013, Facebook ha fornito…" is titled "Facebook ha fornito a Netflix l’accesso al cosiddetto
/// “Titan API”").
fn title_from(text: &str, sentence: &Range<usize>, expression: &Range<usize>) -> String {
    let within = expression.start.saturating_sub(sentence.start)
        ..expression.end.min(sentence.end).saturating_sub(sentence.start);
    super::title::short_title(&text[sentence.clone()], Some(within).filter(|w| w.start < w.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::verify::Verification;

    /// The seed without its events: every dated sentence is uncited.
    fn uncited() -> Document {
        let seed = crate::model::seed_document();
        let timeline = crate::model::Timeline { events: Vec::new(), ..seed.timeline().clone() };
        Document::new(timeline, seed.path(), &crate::model::Progress::default()).expect("valid")
    }

    #[test]
    fn each_uncited_dated_sentence_is_proposed_with_a_quote_that_verifies() {
        let doc = uncited();
        let proposals = proposals(&doc, None);
        let whens: Vec<&str> = proposals.iter().map(|p| p.when.as_str()).collect();
        assert_eq!(
            whens,
            ["2011", "../2013", "2013-08", "2011/2019", "../2019-04"],
            "the Italian article's dates, in order"
        );
        for p in &proposals {
            let (_, text) = doc.source(&p.source).expect("source");
            assert_eq!(&text[p.sentence.clone()], p.quote);
            assert!(p.sentence.start <= p.expression.start && p.expression.end <= p.sentence.end);
            assert!(Edtf::parse(&p.when).is_ok(), "{}", p.when);
            // Accepting it makes a valid event whose citation verifies.
            let mut edited = doc.timeline().clone();
            edited.events.push(p.event("accepted".into()));
            let accepted = Document::new(edited, doc.path(), &crate::model::Progress::default()).expect("valid");
            let n = accepted.events().len() - 1;
            assert_eq!(accepted.checks(n)[0].status, Verification::Verified, "{}", p.quote);
        }
        // Once an event cites a sentence, it is not proposed.
        let seed = crate::model::seed_document();
        assert!(!super::proposals(&seed, None).iter().any(|p| p.quote.contains("Nell’agosto 2013")));
        assert!(super::proposals(&doc, Some("es-article")).is_empty(), "the Spanish article has durations only");
    }

    #[test]
    fn rejected_sentences_are_not_proposed_again() {
        let doc = uncited();
        let first = proposals(&doc, None).into_iter().next().expect("a proposal");
        let mut timeline = doc.timeline().clone();
        timeline.rejected.push(crate::model::Rejected {
            source: first.source.as_str().into(),
            sentence: first.quote.as_str().into(),
        });
        let doc = Document::new(timeline, doc.path(), &crate::model::Progress::default()).expect("valid");
        assert!(!proposals(&doc, None).iter().any(|p| p.quote == first.quote));
    }

    #[test]
    fn titles_leave_out_an_opening_date() {
        let text = "Nell’agosto 2013, Facebook ha fornito a Netflix l’accesso al cosiddetto Titan API e altro ancora.";
        let at = text.find("agosto").expect("found");
        assert_eq!(
            title_from(text, &(0..text.len()), &(at..at + "agosto 2013".len())),
            "Facebook ha fornito a Netflix l’accesso al cosiddetto Titan API"
        );
    }

    #[test]
    fn a_source_without_proposals_says_why() {
        let seed = crate::model::seed_document();
        let why = |doc: &Document, id: &str| SourceToRead::of(doc, id).expect("the source").why_none();
        // The Spanish article speaks of durations only; the Italian one has dates, all cited
        // but one sentence in the seed.
        assert_eq!(why(&seed, "es-article"), Some(NoProposal::NoDatedSentences));
        let doc = uncited();
        assert_eq!(why(&doc, "it-article"), None, "uncited, it has proposals");
        assert!(SourceToRead::of(&doc, "nothing").is_none());

        // Every dated sentence cited: as many as there were proposals.
        let all = proposals(&doc, Some("it-article"));
        let mut timeline = doc.timeline().clone();
        for (i, p) in all.iter().enumerate().skip(1) {
            timeline.events.push(p.event(format!("cited-{i}")));
        }
        // And the first rejected.
        timeline.rejected.push(crate::model::Rejected {
            source: all[0].source.as_str().into(),
            sentence: all[0].quote.as_str().into(),
        });
        let taken = Document::new(timeline.clone(), doc.path(), &crate::model::Progress::default()).expect("valid");
        let expected = NoProposal::AllTaken { cited: all.len() - 1, rejected: 1 };
        assert_eq!(why(&taken, "it-article"), Some(expected));
        assert!(expected.words().contains("cited") && expected.words().contains("rejected"));
        timeline.rejected.clear();
        timeline.events.push(all[0].event("cited-0".into()));
        let cited = Document::new(timeline, doc.path(), &crate::model::Progress::default()).expect("valid");
        assert_eq!(why(&cited, "it-article"), Some(NoProposal::AllTaken { cited: all.len(), rejected: 0 }));
        assert_eq!(NoProposal::AllTaken { cited: 3, rejected: 0 }.words(), "every dated sentence is already cited");
    }
}
