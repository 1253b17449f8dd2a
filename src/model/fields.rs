//! An event's fields as people type them: what each text means for the event, and why a text
//! cannot stand (the editor shows the reason under the field, and commits nothing).

use super::{Edtf, Event, EventExtra};

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

/// A new event citing `quote` of source `source`, titled by the quote's first words, undated
/// until the user gives it a date.
pub fn event_from_passage(id: String, source: &str, quote: &str) -> Event {
    let title = first_words(quote).trim_end_matches([',', ';', ':', '.', '…', '“', '"', '«']).to_owned();
    let citation = super::Citation { source: source.into(), quote: quote.into(), note: None };
    Event { id: id.into(), title: title.into(), citations: vec![citation].into(), ..Event::default() }
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
