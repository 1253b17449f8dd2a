//! Proposed events: for each sentence of a source that holds a date and that no event cites
//! yet, an event dated by it, titled from the sentence, citing the whole sentence (which
//! verifies, being the source's own words).

pub(crate) mod title;

use std::ops::Range;

use super::date::{Edtf, Endpoint};
use super::dates::{self, Found, Kind, Lang, Published};
use super::document::Document;
use super::timeline::{Citation, Event, Rejected, Source};

#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub source: String,
    /// The sentence, in byte offsets into the source's text, and its words (the quote).
    pub sentence: Range<usize>,
    pub quote: String,
    /// The date expression the value comes from, in byte offsets into the source's text.
    pub expression: Range<usize>,
    /// The EDTF date; `None` for a sentence that refers to a time without a value ("recently",
    /// "yesterday" in a source with no publication day): accepting it makes an undated event.
    pub when: Option<String>,
    /// The days `when` covers, for drawing it (start, end).
    pub span: Option<(super::Day, super::Day)>,
    pub title: String,
    /// Where the sentence is in the original ("p. 4", "pp. 4–5", "3:12–15"), when it has pages.
    pub pin: Option<String>,
    /// The other dates of the same sentence (each proposed on its own), when it holds several.
    pub siblings: usize,
    /// The sentence's anchor in the text, for the citation accepting it makes.
    pub anchor: Option<Box<super::anchor::Anchor>>,
}

impl Proposal {
    /// The event accepting it makes.
    pub fn event(&self, id: String) -> Event {
        Event {
            id: id.into(),
            title: self.title.as_str().into(),
            when: self.when.as_deref().map(Into::into),
            citations: vec![Citation {
                source: self.source.as_str().into(),
                quote: self.quote.as_str().into(),
                note: None,
                anchor: self.anchor.clone(),
                ..Citation::default()
            }]
            .into(),
            ..Event::default()
        }
    }

    /// What rejecting it remembers: the sentence, and the date when the sentence holds others.
    pub fn rejected(&self) -> Rejected {
        Rejected {
            source: self.source.as_str().into(),
            sentence: self.quote.as_str().into(),
            when: self.when.as_deref().filter(|_| self.siblings > 0).map(Into::into),
        }
    }

    /// Whether its date is a year alone ("2019"), the kind that a citation or a table leaves
    /// most often.
    pub fn is_bare_year(&self) -> bool {
        self.when.as_ref().is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    }
}

/// The source's language as the reader knows it: the one recorded, else the one its text is in.
pub(crate) fn language_of(recorded: &str, text: &str) -> Option<Lang> {
    Lang::from_code(recorded).or_else(|| Lang::detect(text))
}

/// A publication date with a day, for resolving "yesterday".
pub(crate) fn published_day(published: Option<&str>) -> Option<Published> {
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
    /// Its language is none that dates are read in (Spanish, Italian, English, French, German).
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
            Self::LanguageNotRead => {
                "not in a language whose dates are read (Spanish, Italian, English, French, German)".to_owned()
            }
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
    source: Source,
    lang: Option<Lang>,
    published: Option<Published>,
    /// Where events quote the text, each with the event's date.
    cited: Vec<(Range<usize>, Option<String>)>,
    /// Rejected sentences, each with the date rejected (`None`: all of them).
    rejected: Vec<(String, Option<String>)>,
}

/// Why a sentence is not proposed.
enum Taken {
    Cited,
    Rejected,
}

/// A sentence written alike (digits aside) in this many places is a page's furniture (a
/// banner, a running head), not a fact.
pub(crate) const REPEATED: usize = 3;

impl SourceToRead {
    /// Source `id` of `doc`; `None` when there is no such source.
    pub fn of(doc: &Document, id: &str) -> Option<Self> {
        let (s, text) = doc.source(id)?;
        Some(Self {
            id: id.to_owned(),
            text: text.to_owned(),
            source: Source { text: None, ..s.clone() },
            lang: language_of(&s.language, text),
            published: published_day(s.published.as_deref()),
            cited: cited_ranges(doc, id),
            rejected: doc
                .timeline()
                .rejected
                .iter()
                .filter(|r| *r.source == *id)
                .map(|r| (r.sentence.to_string(), r.when.as_deref().map(str::to_owned)))
                .collect(),
        })
    }

    /// Why the source has no proposal; `None` when it has some.
    pub fn why_none(&self) -> Option<NoProposal> {
        let (proposals, why) = self.read();
        if proposals.is_empty() { Some(why) } else { None }
    }

    /// Its proposals: each distinct date of a sentence that no event cites for it, not
    /// rejected, not inside a legal citation nor a sentence repeated as page furniture; and why
    /// there would be none.
    fn read(&self) -> (Vec<Proposal>, NoProposal) {
        let text = self.text.as_str();
        if text.trim().is_empty() {
            return (Vec::new(), NoProposal::NoText);
        }
        let Some(lang) = self.lang else { return (Vec::new(), NoProposal::LanguageNotRead) };
        let citations = super::legal::citations(text);
        // Dates with a value, and those without one (a vague "recently", a "yesterday" with no
        // publication day): a sentence that holds only the latter is proposed undated.
        let dated: Vec<Found> = dates::read(text, lang, self.published)
            .into_iter()
            .filter(|f| f.kind == Kind::Date)
            .filter(|f| super::legal::within(&citations, &(f.start..f.end)).is_none())
            .collect();
        let repeated = repeated_sentences(text, &dated);
        let (mut out, mut cited, mut rejected) = (Vec::new(), 0, 0);
        for group in dated.chunk_by(|a, b| a.sentence == b.sentence) {
            let sentence = group[0].sentence.clone();
            if repeated.contains(&sentence.start) {
                continue;
            }
            let quote = &text[sentence.clone()];
            if group.iter().all(|f| f.when.is_none()) {
                match self.undated(text, &sentence, group) {
                    Ok(p) => out.push(p),
                    Err(Taken::Cited) => cited += 1,
                    Err(Taken::Rejected) => rejected += 1,
                }
                continue;
            }
            let group: Vec<Found> = group.iter().filter(|f| f.when.is_some()).cloned().collect();
            let group = group.as_slice();
            // One proposal a distinct date, in the order written.
            let mut distinct: Vec<&Found> = Vec::new();
            for f in group {
                if !distinct.iter().any(|d| d.when == f.when) {
                    distinct.push(f);
                }
            }
            let whens: Vec<&str> = distinct.iter().filter_map(|f| f.when.as_deref()).collect();
            let taken = self.taken(&sentence, &whens);
            let pin = super::document::source_pin_cite(&self.source, text.len(), sentence.clone());
            for (found, taken) in distinct.iter().zip(taken) {
                let when = found.when.clone().unwrap_or_default();
                if taken {
                    cited += 1;
                    continue;
                }
                if self.rejected.iter().any(|(r, w)| r == quote && w.as_ref().is_none_or(|w| *w == when)) {
                    rejected += 1;
                    continue;
                }
                let Ok(date) = Edtf::parse(&when) else { continue };
                out.push(Proposal {
                    source: self.id.clone(),
                    quote: quote.to_owned(),
                    sentence: sentence.clone(),
                    expression: found.start..found.end,
                    title: title::title_from(text, &sentence, &(found.start..found.end), group),
                    span: Some((date.span().start, date.span().end)),
                    when: Some(when),
                    pin: pin.clone(),
                    siblings: whens.len() - 1,
                    anchor: Some(Box::new(super::anchor::anchor_in(&self.source, text, sentence.clone()))),
                });
            }
        }
        let why =
            if cited + rejected == 0 { NoProposal::NoDatedSentences } else { NoProposal::AllTaken { cited, rejected } };
        (out, why)
    }

    /// The undated proposal of a sentence whose dates (`group`) have no value, unless an event
    /// cites the sentence or it was rejected.
    fn undated(&self, text: &str, sentence: &Range<usize>, group: &[Found]) -> Result<Proposal, Taken> {
        if self.cited.iter().any(|(c, _)| c.start < sentence.end && sentence.start < c.end) {
            return Err(Taken::Cited);
        }
        let quote = &text[sentence.clone()];
        if self.rejected.iter().any(|(r, _)| r == quote) {
            return Err(Taken::Rejected);
        }
        let first = &group[0];
        Ok(Proposal {
            source: self.id.clone(),
            quote: quote.to_owned(),
            sentence: sentence.clone(),
            expression: first.start..first.end,
            title: title::title_from(text, sentence, &(first.start..first.end), group),
            span: None,
            when: None,
            pin: super::document::source_pin_cite(&self.source, text.len(), sentence.clone()),
            siblings: 0,
            anchor: Some(Box::new(super::anchor::anchor_in(&self.source, text, sentence.clone()))),
        })
    }

    /// Which of a sentence's dates `whens` events citing it already hold: an event dated as
    /// one holds that one; an event dated otherwise (its date edited since) holds the first
    /// date no other event holds.
    fn taken(&self, sentence: &Range<usize>, whens: &[&str]) -> Vec<bool> {
        let mut taken = vec![false; whens.len()];
        let citing: Vec<Option<&str>> = self
            .cited
            .iter()
            .filter(|(c, _)| c.start < sentence.end && sentence.start < c.end)
            .map(|(_, w)| w.as_deref())
            .collect();
        let mut others = 0;
        for w in &citing {
            match whens.iter().position(|d| Some(*d) == *w) {
                Some(i) => taken[i] = true,
                None => others += 1,
            }
        }
        for t in taken.iter_mut().filter(|t| !**t).take(others) {
            *t = true;
        }
        taken
    }
}

/// The starts of the dated sentences written alike, digits aside, [`REPEATED`] times or more.
fn repeated_sentences(text: &str, dated: &[Found]) -> std::collections::HashSet<usize> {
    let mut by_words: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    let mut last = None;
    for f in dated {
        if last == Some(f.sentence.start) {
            continue;
        }
        last = Some(f.sentence.start);
        let key: String = text[f.sentence.clone()]
            .split_whitespace()
            .map(|w| w.chars().filter(|c| !c.is_ascii_digit()).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ");
        by_words.entry(key).or_default().push(f.sentence.start);
    }
    by_words.into_values().filter(|starts| starts.len() >= REPEATED).flatten().collect()
}

/// Where `source`'s text is quoted by some event, with the event's date.
fn cited_ranges(doc: &Document, source: &str) -> Vec<(Range<usize>, Option<String>)> {
    let mut out = Vec::new();
    for (i, e) in doc.events().iter().enumerate() {
        for (c, check) in e.citations.iter().zip(doc.checks(i)) {
            if c.source == source
                && let Some(span) = check.span()
            {
                out.push((span, e.when.as_deref().map(str::to_owned)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::Verification;

    /// The seed without its events: every dated sentence is uncited.
    fn uncited() -> Document {
        let seed = crate::seed_document();
        let timeline = crate::Timeline { events: Vec::new(), ..seed.timeline().clone() };
        Document::new(timeline, seed.path(), &crate::Progress::default()).expect("valid")
    }

    #[test]
    fn each_uncited_dated_sentence_is_proposed_with_a_quote_that_verifies() {
        let doc = uncited();
        let proposals = proposals(&doc, None);
        let whens: Vec<&str> = proposals.iter().map(|p| p.when.as_deref().unwrap_or("undated")).collect();
        assert_eq!(
            whens,
            ["2011", "../2013", "2013-08", "2011/2019", "../2019-04"],
            "the Italian article's dates, in order"
        );
        for p in &proposals {
            let (_, text) = doc.source(&p.source).expect("source");
            assert_eq!(&text[p.sentence.clone()], p.quote);
            assert!(p.sentence.start <= p.expression.start && p.expression.end <= p.sentence.end);
            assert!(p.when.as_deref().is_none_or(|w| Edtf::parse(w).is_ok()), "{:?}", p.when);
            // Accepting it makes a valid event whose citation verifies.
            let mut edited = doc.timeline().clone();
            edited.events.push(p.event("accepted".into()));
            let accepted = Document::new(edited, doc.path(), &crate::Progress::default()).expect("valid");
            let n = accepted.events().len() - 1;
            assert_eq!(accepted.checks(n)[0].status, Verification::Verified, "{}", p.quote);
        }
        // Once an event cites a sentence, it is not proposed.
        let seed = crate::seed_document();
        assert!(!super::proposals(&seed, None).iter().any(|p| p.quote.contains("Nell’agosto 2013")));
        assert!(super::proposals(&doc, Some("es-article")).is_empty(), "the Spanish article has durations only");
    }

    #[test]
    fn rejected_sentences_are_not_proposed_again() {
        let doc = uncited();
        let first = proposals(&doc, None).into_iter().next().expect("a proposal");
        let mut timeline = doc.timeline().clone();
        timeline.rejected.push(crate::Rejected {
            source: first.source.as_str().into(),
            sentence: first.quote.as_str().into(),
            when: None,
        });
        let doc = Document::new(timeline, doc.path(), &crate::Progress::default()).expect("valid");
        assert!(!proposals(&doc, None).iter().any(|p| p.quote == first.quote));
    }

    #[test]
    fn titles_end_before_a_date_told_later() {
        for (text, title) in [
            (
                "The Court entered a scheduling order on January 31, 2020, retroactive to January 27, 2020.",
                "The Court entered a scheduling order",
            ),
            (
                "On July 25, 2016, Plaintiff filed a grievance with the warden.",
                "Plaintiff filed a grievance with the warden",
            ),
            ("Netflix firmó el acuerdo el 3 de julio de 2013 en Madrid.", "Netflix firmó el acuerdo"),
            ("He left in 2019.", "He left in 2019"),
            (
                "Plaintiff was transferred to the prison on March 3, 2017, where officers shaved his beard on March 15, 2017.",
                "Plaintiff was transferred to the prison",
            ),
            ("2 The memorandum is dated January 31, 2020, and is part of the record.", "The memorandum is dated"),
            // The date in a clause of its own after a colon: that clause is the fact.
            (
                "Il rapporto aggiunge: “Non è un grande mistero come si sia sviluppata questa collaborazione: dal 2011 al 2019, il CEO di allora di Netflix, Hastings, è stato membro del consiglio”.",
                "Il CEO di allora di Netflix, Hastings, è stato membro",
            ),
            // A colon in a time of day opens no clause.
            ("The court met at 10:15 on March 3, 2017 and heard the motion.", "The court met"),
        ] {
            let doc = crate::dates::read(text, Lang::detect(text).unwrap_or(Lang::En), None);
            let dated: Vec<Found> = doc.into_iter().filter(|f| f.when.is_some()).collect();
            assert!(!dated.is_empty(), "{text}");
            let first = &dated[0];
            assert_eq!(title::title_from(text, &(0..text.len()), &(first.start..first.end), &dated), title, "{text}");
        }
    }

    #[test]
    fn a_later_date_is_titled_by_its_own_clause() {
        for (text, title) in [
            (
                "Plaintiff was transferred to the prison on March 3, 2017, where officers shaved his beard on March 15, 2017.",
                "Officers shaved his beard",
            ),
            (
                "Defendants answered the complaint on June 19, 2020, and produced the memoranda on July 2, 2020.",
                "Defendants produced the memoranda",
            ),
            (
                "On January 31, 2020, the Department issued a memorandum exempting beards, retroactive to January 27, 2020.",
                "The Department issued a memorandum exempting beards (retroactive to this date)",
            ),
            (
                "The order was signed on May 4, 2020, effective June 1, 2020.",
                "The order was signed (effective this date)",
            ),
        ] {
            let dated: Vec<Found> =
                crate::dates::read(text, Lang::En, None).into_iter().filter(|f| f.when.is_some()).collect();
            assert_eq!(dated.len(), 2, "{text}");
            let second = &dated[1];
            assert_eq!(title::title_from(text, &(0..text.len()), &(second.start..second.end), &dated), title, "{text}");
        }
    }

    #[test]
    fn titles_leave_out_an_opening_date() {
        let text = "Nell’agosto 2013, Facebook ha fornito a Netflix l’accesso al cosiddetto Titan API e altro ancora.";
        let at = text.find("agosto").expect("found");
        assert_eq!(
            title::title_from(text, &(0..text.len()), &(at..at + "agosto 2013".len()), &[]),
            "Facebook ha fornito a Netflix l’accesso al cosiddetto Titan API"
        );
    }

    #[test]
    fn german_titles_leave_a_date_out_of_the_clause_and_keep_its_end() {
        for (text, title) in [
            // The shapes of the issue.
            ("Die Firma wurde 1887 gegründet.", "Die Firma wurde gegründet"),
            ("Am 3. März 2017 legte der Anwalt Berufung ein.", "Der Anwalt legte Berufung ein"),
            ("Am 12. Mai 2019 hat der Richter den Antrag abgelehnt.", "Der Richter hat den Antrag abgelehnt"),
            (
                "Im Jahr 2013 erhielt Netflix Zugang zu der Schnittstelle.",
                "Netflix erhielt Zugang zu der Schnittstelle",
            ),
            ("Seit 2011 arbeiteten Netflix und Facebook zusammen.", "Netflix und Facebook arbeiteten zusammen"),
            (
                "Laut der Klageschrift hat Facebook im Jahr 2013 Netflix Zugang gewährt.",
                "Facebook hat Netflix Zugang gewährt",
            ),
            // A subordinate clause after a comma still ends the title.
            (
                "Die Firma wurde 1887 gegründet, nachdem sich die Gesellschafter geeinigt hatten.",
                "Die Firma wurde gegründet",
            ),
            // Filings and news.
            (
                "Das Landgericht Berlin hat die Klage am 5. Mai 2020 abgewiesen.",
                "Das Landgericht Berlin hat die Klage abgewiesen",
            ),
            (
                "Die Beklagte hat die Klageschrift am 14. Februar 2022 beim Landgericht eingereicht.",
                "Die Beklagte hat die Klageschrift beim Landgericht eingereicht",
            ),
            (
                "Das Oberlandesgericht hat die Berufung am 3. März 2021 zurückgewiesen, weil sie unbegründet war.",
                "Das Oberlandesgericht hat die Berufung zurückgewiesen",
            ),
            (
                "Der Anwalt, der den Kläger vertrat, legte am 3. März 2017 Berufung ein.",
                "Der Anwalt, der den Kläger vertrat, legte Berufung ein",
            ),
            (
                "Die Klage wurde am 3. März 2017 eingereicht und am 5. Mai 2018 abgewiesen.",
                "Die Klage wurde eingereicht",
            ),
            (
                "Laut der Klageschrift unterzeichnete Facebook am 3. März 2019 einen Vertrag.",
                "Facebook unterzeichnete einen Vertrag",
            ),
            (
                "Am 4. Juni 2021 reichte die Verbraucherzentrale Klage gegen den Konzern ein.",
                "Die Verbraucherzentrale reichte Klage gegen den Konzern ein",
            ),
            ("Am 5. Mai 2020 wies das Landgericht die Klage ab.", "Das Landgericht wies die Klage ab"),
            ("Netflix verklagte 2019 Facebook.", "Netflix verklagte Facebook"),
            // No sure subject: the verb stays first, but the clause keeps its end.
            ("Im Juli 2019 sagte Mark Zuckerberg vor dem Kongress aus.", "Sagte Mark Zuckerberg vor dem Kongress aus"),
            // As before: a date after a comma and a word or two, a date with too little around it.
            ("Die Klage wurde eingereicht, rückwirkend zum 1. Januar 2020.", "Die Klage wurde eingereicht"),
            ("Er starb 2019.", "Er starb 2019"),
            // A date that ends its clause before "und", or opens the next one after it.
            ("Der Dienst startete 2007 und wurde 2011 neu aufgelegt.", "Der Dienst startete"),
            ("Im Jahr 2009 ging die Bank pleite, und im Oktober wurden ihre Anlagen verkauft.", "Die Bank ging pleite"),
            // The words leading into it leave with it; a date that is a noun stays.
            ("Der Brief ist auf den 1. Juli 2019 datiert.", "Der Brief ist datiert"),
            (
                "Im Jahr 2001 veränderte der 11. September die amerikanische Politik.",
                "Veränderte der 11. September die amerikanische Politik",
            ),
        ] {
            let dated: Vec<Found> =
                crate::dates::read(text, Lang::De, None).into_iter().filter(|f| f.when.is_some()).collect();
            let first = dated.first().unwrap_or_else(|| panic!("no date in {text}"));
            assert_eq!(title::title_from(text, &(0..text.len()), &(first.start..first.end), &dated), title, "{text}");
        }
    }

    #[test]
    fn a_source_without_proposals_says_why() {
        let seed = crate::seed_document();
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
        timeline.rejected.push(crate::Rejected {
            source: all[0].source.as_str().into(),
            sentence: all[0].quote.as_str().into(),
            when: None,
        });
        let taken = Document::new(timeline.clone(), doc.path(), &crate::Progress::default()).expect("valid");
        let expected = NoProposal::AllTaken { cited: all.len() - 1, rejected: 1 };
        assert_eq!(why(&taken, "it-article"), Some(expected));
        assert!(expected.words().contains("cited") && expected.words().contains("rejected"));
        timeline.rejected.clear();
        timeline.events.push(all[0].event("cited-0".into()));
        let cited = Document::new(timeline, doc.path(), &crate::Progress::default()).expect("valid");
        assert_eq!(why(&cited, "it-article"), Some(NoProposal::AllTaken { cited: all.len(), rejected: 0 }));
        assert_eq!(NoProposal::AllTaken { cited: 3, rejected: 0 }.words(), "every dated sentence is already cited");
    }

    /// A timeline of one English source with `text` and `pages` (where each page begins).
    fn filing(text: &str, pages: Vec<u32>) -> Document {
        let source = crate::Source {
            id: "opinion".into(),
            title: "Opinion".into(),
            language: "en".into(),
            text: Some(text.to_owned()),
            pages,
            ..Default::default()
        };
        let timeline = crate::Timeline { sources: vec![source], ..Default::default() };
        Document::new(timeline, std::path::Path::new("t.citeline.json"), &crate::Progress::default()).expect("valid")
    }

    fn whens(doc: &Document) -> Vec<String> {
        proposals(doc, None).into_iter().map(|p| p.when.unwrap_or_else(|| "undated".to_owned())).collect()
    }

    #[test]
    fn dates_of_citations_banners_and_statutes_are_not_proposed() {
        let banner = "Case: 20-1507 Document: 00117682829 Page: {} Date Filed: 12/22/2020 Entry ID: 6390361";
        let mut text = String::new();
        let mut pages = Vec::new();
        for page in 1..=4 {
            pages.push(u32::try_from(text.len()).expect("small"));
            text.push_str(&banner.replace("{}", &page.to_string()));
            text.push_str("\n\n");
            text.push_str(match page {
                1 => "On July 25, 2016, Plaintiff filed a grievance. See Batson v. Kentucky, 476 U.S. 79, 86 (1986).",
                2 => "The claim arises under 42 U.S.C. §§ 2000cc to 2000cc-5. Vaca v. State, 314 S.W.3d 331 (Mo. banc 2010).",
                3 => "Plaintiff was moved on March 3, 2017. Roe, 2020 WL 6948354, at *3 (U.S. Nov. 25, 2020).",
                _ => "The Court ruled on January 31, 2020, retroactive to January 27. See Case No. 1:20-cv-03590.",
            });
            text.push_str("\n\n");
        }
        let doc = filing(&text, pages);
        assert_eq!(whens(&doc), ["2016-07-25", "2017-03-03", "2020-01-31", "2020-01-27"]);
        let found = proposals(&doc, None);
        assert_eq!(found[1].pin.as_deref(), Some("p. 3"));
        // Two dates of one sentence: each proposed, quoting the whole sentence.
        assert_eq!(found[2].quote, found[3].quote);
        assert_eq!((found[2].siblings, found[3].siblings), (1, 1));
        assert_eq!(found[2].title, "The Court ruled");

        // Rejecting one of them leaves the other; accepting the other takes it.
        let mut timeline = doc.timeline().clone();
        timeline.rejected.push(found[3].rejected());
        timeline.events.push(found[2].event("e".into()));
        let doc = Document::new(timeline, doc.path(), &crate::Progress::default()).expect("valid");
        assert_eq!(whens(&doc), ["2016-07-25", "2017-03-03"]);
    }

    #[test]
    fn an_event_whose_date_was_edited_still_takes_its_sentences_date() {
        let text = "The Court ruled on January 31, 2020, retroactive to January 27.";
        let doc = filing(text, Vec::new());
        let mut timeline = doc.timeline().clone();
        let mut event = proposals(&doc, None)[0].event("e".into());
        event.when = Some("2020-02".into());
        timeline.events.push(event);
        let doc = Document::new(timeline, doc.path(), &crate::Progress::default()).expect("valid");
        assert_eq!(whens(&doc), ["2020-01-27"], "one date of two taken by the event");
    }

    #[test]
    fn a_sentence_whose_time_has_no_date_is_proposed_undated_and_accepted_as_an_undated_event() {
        let text = "The judge recently denied the motion. On March 3, 2017, Plaintiff appealed. \
                    Currently the case is stayed, as it was in 2019. The clerk wrote back yesterday.\n\n\
                    Since the beginning of the year the stock has fallen.";
        let doc = filing(text, Vec::new());
        // No publication day: "yesterday" has no value either. A sentence with a date as well
        // ("as it was in 2019") is proposed by its date alone. "The beginning of the year", in a
        // paragraph with no year in focus and no publication day, is undated, not left out.
        assert_eq!(whens(&doc), ["undated", "2017-03-03", "2019", "undated", "undated"]);
        let found = proposals(&doc, None);
        let vague = &found[0];
        assert_eq!(
            (vague.quote.as_str(), &text[vague.expression.clone()]),
            ("The judge recently denied the motion.", "recently")
        );
        assert_eq!((vague.span, vague.siblings), (None, 0));
        assert!(!vague.is_bare_year());

        // Accepting it makes an undated event whose citation verifies; the sentence is then taken.
        let mut timeline = doc.timeline().clone();
        timeline.events.push(vague.event("e".into()));
        let accepted = Document::new(timeline.clone(), doc.path(), &crate::Progress::default()).expect("valid");
        assert_eq!(accepted.events()[0].when, None);
        assert_eq!(accepted.checks(0)[0].status, Verification::Verified);
        assert_eq!(whens(&accepted), ["2017-03-03", "2019", "undated", "undated"]);

        // Rejecting the last one leaves it out for good, and counts it as rejected.
        timeline.rejected.push(found[3].rejected());
        let decided = Document::new(timeline, doc.path(), &crate::Progress::default()).expect("valid");
        assert_eq!(whens(&decided), ["2017-03-03", "2019", "undated"]);
    }
}
