//! Narrowing a timeline to the events a question is about: by tag, source, language,
//! verification status and date range. Within one kind, any chosen value lets an event through
//! (tag A or tag B); across kinds, all must (tag A and source S).

use std::collections::BTreeSet;

use super::{Day, Document, Verification};

/// How well an event's citations stand, as one value: its weakest citation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventStatus {
    Verified,
    Normalized,
    /// A quote whose source text is not in the timeline.
    Unchecked,
    NotFound,
    /// No citation at all.
    Uncited,
}

impl EventStatus {
    pub const ALL: [Self; 5] = [Self::Verified, Self::Normalized, Self::Unchecked, Self::NotFound, Self::Uncited];

    pub fn of(doc: &Document, event: usize) -> Self {
        let checks = doc.checks(event);
        if checks.is_empty() {
            return Self::Uncited;
        }
        checks.iter().fold(Self::Verified, |worst, c| {
            worst.max(match c.status {
                Verification::Verified => Self::Verified,
                Verification::Normalized => Self::Normalized,
                Verification::NotFound => Self::NotFound,
                Verification::Unchecked => Self::Unchecked,
            })
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Verified => "All quotes verified",
            Self::Normalized => "Matched after normalisation",
            Self::NotFound => "A quote not found",
            Self::Unchecked => "A quote not checked (no source text)",
            Self::Uncited => "No citation",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub tags: BTreeSet<String>,
    /// Source ids.
    pub sources: BTreeSet<String>,
    /// Language tags of cited sources.
    pub languages: BTreeSet<String>,
    pub statuses: BTreeSet<EventStatus>,
    /// Events that overlap `[from, to)`; an open end does not limit. Undated events are left
    /// out once either end is set.
    pub from: Option<Day>,
    pub to: Option<Day>,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }

    pub fn matches(&self, doc: &Document, i: usize) -> bool {
        let Some(e) = doc.events().get(i) else { return false };
        if !self.tags.is_empty() && !e.tags.iter().any(|t| self.tags.contains(&**t)) {
            return false;
        }
        if !self.sources.is_empty() && !e.citations.iter().any(|c| self.sources.contains(c.source.as_str())) {
            return false;
        }
        if !self.languages.is_empty()
            && !e
                .citations
                .iter()
                .any(|c| doc.source(&c.source).is_some_and(|(s, _)| self.languages.contains(&s.language)))
        {
            return false;
        }
        if !self.statuses.is_empty() && !self.statuses.contains(&EventStatus::of(doc, i)) {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(span) = doc.span(i) else { return false };
            return self.span_matches(span);
        }
        true
    }

    /// Whether a span overlaps `[from, to)`. Spans end before their end day too: a 2013 event
    /// ends where 2014 begins, and is not in 2014.
    fn span_matches(&self, span: super::Span) -> bool {
        !(self.from.is_some_and(|f| span.end <= f) || self.to.is_some_and(|t| span.start >= t))
    }

    /// Which events pass, one flag per event.
    pub fn mask(&self, doc: &Document) -> Vec<bool> {
        (0..doc.events().len()).map(|i| self.matches(doc, i)).collect()
    }

    /// What the filter keeps, in a few words ("tag api, source “El País”"): sources by their
    /// titles in `doc`, cut short.
    pub fn describe(&self, doc: &Document) -> String {
        let mut parts = Vec::new();
        let list = |set: &BTreeSet<String>| set.iter().map(String::as_str).collect::<Vec<_>>().join(" or ");
        if !self.tags.is_empty() {
            parts.push(format!("tag {}", list(&self.tags)));
        }
        if !self.sources.is_empty() {
            let title = |id: &String| match doc.source(id) {
                Some((s, _)) if !s.title.trim().is_empty() => {
                    let cut: String = s.title.trim().chars().take(40).collect();
                    if cut.len() < s.title.trim().len() { format!("“{cut}…”") } else { format!("“{cut}”") }
                }
                _ => id.clone(),
            };
            parts.push(format!("source {}", self.sources.iter().map(title).collect::<Vec<_>>().join(" or ")));
        }
        if !self.languages.is_empty() {
            parts.push(format!("language {}", list(&self.languages)));
        }
        if !self.statuses.is_empty() {
            let s: Vec<&str> = self.statuses.iter().map(|s| s.label()).collect();
            parts.push(s.join(" or ").to_lowercase());
        }
        if self.from.is_some() || self.to.is_some() {
            parts.push("date range".to_owned());
        }
        parts.join(", ")
    }
}

/// Every tag, source id and language used by the document's events, sorted: what a filter can
/// offer.
#[derive(Clone, Debug, Default)]
pub struct Choices {
    pub tags: Vec<String>,
    pub sources: Vec<(String, String)>,
    pub languages: Vec<String>,
}

impl Choices {
    pub fn of(doc: &Document) -> Self {
        let mut tags = BTreeSet::new();
        for e in doc.events() {
            for t in &e.tags {
                // A million events share a few hundred tags: look before allocating.
                if !tags.contains(&**t) {
                    tags.insert(t.to_string());
                }
            }
        }
        let mut choices = Self { tags: tags.into_iter().collect(), ..Self::default() };
        choices.refresh_sources(doc);
        choices
    }

    /// Adds the tags of one new or edited event, without a walk over all the others (a tag whose
    /// last event went stays offered until the next full refresh, and filters to nothing).
    pub fn add_tags_of(&mut self, event: &super::Event) {
        for t in &event.tags {
            if let Err(at) = self.tags.binary_search_by(|have| have.as_str().cmp(t)) {
                self.tags.insert(at, t.to_string());
            }
        }
    }

    /// Sources and languages again, after a source changed: there are only a few.
    pub fn refresh_sources(&mut self, doc: &Document) {
        self.sources = doc.timeline().sources.iter().map(|s| (s.id.to_string(), s.title.clone())).collect();
        let languages: BTreeSet<String> =
            doc.timeline().sources.iter().map(|s| s.language.clone()).filter(|l| !l.is_empty()).collect();
        self.languages = languages.into_iter().collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Edtf;

    fn seed() -> Document {
        crate::seed_document()
    }

    fn count(doc: &Document, f: &Filter) -> usize {
        f.mask(doc).iter().filter(|&&b| b).count()
    }

    #[test]
    fn each_kind_narrows_and_kinds_combine() {
        let doc = seed();
        let n = doc.events().len();
        let none = Filter::default();
        assert!(!none.is_active());
        assert_eq!(count(&doc, &none), n);

        let api = Filter { tags: ["api".to_owned()].into(), ..Filter::default() };
        let with_api = (0..n).filter(|&i| doc.events()[i].tags.iter().any(|t| &**t == "api")).count();
        assert!(with_api > 0 && with_api < n);
        assert_eq!(count(&doc, &api), with_api);

        let choices = Choices::of(&doc);
        assert!(choices.tags.contains(&"advertising".to_owned()));
        assert_eq!(choices.languages, ["es", "it"]);
        let spanish = Filter { languages: ["es".to_owned()].into(), ..Filter::default() };
        let italian = Filter { languages: ["it".to_owned()].into(), ..Filter::default() };
        let both = Filter { languages: ["es".to_owned(), "it".to_owned()].into(), ..Filter::default() };
        assert!(count(&doc, &both) >= count(&doc, &spanish).max(count(&doc, &italian)));
        assert!(count(&doc, &spanish) < n);
        let by_source = Filter { sources: [choices.sources[0].0.clone()].into(), ..Filter::default() };
        assert!(count(&doc, &by_source) > 0);

        let api_and_spanish = Filter { languages: spanish.languages.clone(), ..api.clone() };
        assert!(count(&doc, &api_and_spanish) <= count(&doc, &api).min(count(&doc, &spanish)));
        let said = api_and_spanish.describe(&doc);
        assert!(said.contains("tag api") && said.contains("language es"), "{said}");
        let (source, _) = doc.source(&choices.sources[0].0).expect("a source");
        let said = by_source.describe(&doc);
        assert!(said.contains(&source.title.chars().take(20).collect::<String>()), "{said}");
        assert!(!said.contains(&*source.id) || source.title.contains(&*source.id), "{said}");
    }

    #[test]
    fn statuses_and_dates() {
        let doc = seed();
        let verified = Filter { statuses: [EventStatus::Verified].into(), ..Filter::default() };
        let uncited = Filter { statuses: [EventStatus::Uncited].into(), ..Filter::default() };
        assert_eq!(count(&doc, &verified) + count(&doc, &uncited), doc.events().len(), "the seed verifies fully");

        let y2013 = Edtf::parse("2013").expect("date").span();
        let in_2013 = Filter { from: Some(y2013.start), to: Some(y2013.end), ..Filter::default() };
        let expected = (0..doc.events().len())
            .filter(|&i| doc.span(i).is_some_and(|s| s.end > y2013.start && s.start < y2013.end))
            .count();
        assert!(expected > 0);
        assert_eq!(count(&doc, &in_2013), expected);

        // The years either side touch 2013 at an end, and are not in it.
        let (y2012, y2014) = (Edtf::parse("2012").expect("date").span(), Edtf::parse("2014").expect("date").span());
        assert!(!in_2013.span_matches(y2012) && !in_2013.span_matches(y2014));
        assert!(in_2013.span_matches(Edtf::parse("2012/2014").expect("date").span()));
        assert!(in_2013.span_matches(Edtf::parse("2013-12-31").expect("date").span()));
    }
}
