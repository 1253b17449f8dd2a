//! Typed edits: the only way a document changes. Applying one validates it, changes the
//! document, and returns its inverse, which undoes it exactly; the undo history keeps inverses,
//! never copies of a million events.

use super::document::Document;
use super::problem::Problem;
use super::timeline::{Citation, Era, Event, Rejected, Source};

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Edit {
    AddEvent {
        index: usize,
        event: Event,
    },
    RemoveEvent {
        index: usize,
    },
    UpdateEvent {
        index: usize,
        event: Event,
    },
    AddCitation {
        event: usize,
        index: usize,
        citation: Citation,
    },
    RemoveCitation {
        event: usize,
        index: usize,
    },
    UpdateCitation {
        event: usize,
        index: usize,
        citation: Citation,
    },
    AddSource {
        index: usize,
        source: Source,
    },
    RemoveSource {
        index: usize,
    },
    UpdateSource {
        index: usize,
        source: Source,
    },
    AddEra {
        index: usize,
        era: Era,
    },
    RemoveEra {
        index: usize,
    },
    UpdateEra {
        index: usize,
        era: Era,
    },
    SetTitle(String),
    SetDescription(Option<String>),
    /// Remembers a rejected date proposal, so that it is not proposed again.
    AddRejected {
        index: usize,
        rejected: Rejected,
    },
    RemoveRejected {
        index: usize,
    },
    /// Several edits as one step (applied in order, undone in reverse).
    Batch(Vec<Edit>),
}

/// What applying an edit did, for whoever keeps derived data.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// The edit that undoes this one.
    pub inverse: Edit,
    /// Which events changed where they stand on the timeline, so that lanes and orders can be
    /// brought up to date for just those.
    pub moved: Moved,
    /// The event added or replaced, by its index once applied (its tags may be new).
    pub event: Option<usize>,
    /// The sources may have changed (added, removed, edited, or a batch).
    pub sources: bool,
    /// The document's groups are not those it had before.
    pub regrouped: bool,
}

/// What an edit did to the events' places on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moved {
    /// No date, group or position changed (a retitle, a citation, a source).
    Nothing,
    /// The event at this index changed its date or group.
    Event(usize),
    /// An event was inserted at this index; those after it moved up one.
    Added(usize),
    /// The event at this index was removed; those after it moved down one.
    Removed(usize),
    /// Anything may have changed (a batch): lay everything out again.
    All,
}

impl Edit {
    /// The event this edit leaves standing that a person would want to see after it (the one
    /// added, changed or whose citations changed; the last such in a batch), by its index once
    /// applied. None when it only removes events or touches no event.
    pub fn event_in_sight(&self) -> Option<usize> {
        match self {
            Self::AddEvent { index, .. } | Self::UpdateEvent { index, .. } => Some(*index),
            Self::AddCitation { event, .. }
            | Self::RemoveCitation { event, .. }
            | Self::UpdateCitation { event, .. } => Some(*event),
            Self::Batch(edits) => {
                // A later removal shifts the indices of the events after it.
                let mut sight: Option<usize> = None;
                for e in edits {
                    match e {
                        Self::RemoveEvent { index } => {
                            sight = sight.and_then(|s| match s.cmp(index) {
                                std::cmp::Ordering::Less => Some(s),
                                std::cmp::Ordering::Equal => None,
                                std::cmp::Ordering::Greater => Some(s - 1),
                            });
                        }
                        other => sight = other.event_in_sight().or(sight),
                    }
                }
                sight
            }
            _ => None,
        }
    }

    /// Applies the edit to `doc`. On error nothing has changed.
    pub fn apply(self, doc: &mut Document) -> Result<Applied, Vec<Problem>> {
        let moved = self.moved(doc);
        let event = match &self {
            Self::AddEvent { index, .. } | Self::UpdateEvent { index, .. } => Some(*index),
            _ => None,
        };
        let sources = matches!(
            self,
            Self::AddSource { .. } | Self::RemoveSource { .. } | Self::UpdateSource { .. } | Self::Batch(_)
        );
        // Only a change of events (or a batch) can change the groups.
        let groups_before = matches!(
            self,
            Self::AddEvent { .. } | Self::RemoveEvent { .. } | Self::UpdateEvent { .. } | Self::Batch(_)
        )
        .then(|| doc.groups().to_vec());
        let inverse = match self {
            Self::AddEvent { index, event } => {
                doc.insert_event(index, event)?;
                Self::RemoveEvent { index }
            }
            Self::RemoveEvent { index } => Self::AddEvent { index, event: doc.remove_event(index)? },
            Self::UpdateEvent { index, event } => Self::UpdateEvent { index, event: doc.replace_event(index, event)? },
            Self::AddCitation { event, index, citation } => {
                let mut e = event_at(doc, event)?;
                let mut list = e.citations.into_vec();
                check_index(doc, index, list.len() + 1, "citation")?;
                list.insert(index, citation);
                e.citations = list.into_boxed_slice();
                Self::UpdateEvent { index: event, event: doc.replace_event(event, e)? }
            }
            Self::RemoveCitation { event, index } => {
                let mut e = event_at(doc, event)?;
                let mut list = e.citations.into_vec();
                check_index(doc, index, list.len(), "citation")?;
                list.remove(index);
                e.citations = list.into_boxed_slice();
                Self::UpdateEvent { index: event, event: doc.replace_event(event, e)? }
            }
            Self::UpdateCitation { event, index, citation } => {
                let mut e = event_at(doc, event)?;
                let mut list = e.citations.into_vec();
                check_index(doc, index, list.len(), "citation")?;
                list[index] = citation;
                e.citations = list.into_boxed_slice();
                Self::UpdateEvent { index: event, event: doc.replace_event(event, e)? }
            }
            Self::AddSource { index, source } => {
                doc.insert_source(index, source)?;
                Self::RemoveSource { index }
            }
            Self::RemoveSource { index } => Self::AddSource { index, source: doc.remove_source(index)? },
            Self::UpdateSource { index, source } => {
                Self::UpdateSource { index, source: doc.replace_source(index, source)? }
            }
            Self::AddEra { index, era } => {
                doc.insert_era(index, era)?;
                Self::RemoveEra { index }
            }
            Self::RemoveEra { index } => Self::AddEra { index, era: doc.remove_era(index)? },
            Self::UpdateEra { index, era } => Self::UpdateEra { index, era: doc.replace_era(index, era)? },
            Self::AddRejected { index, rejected } => {
                doc.insert_rejected(index, rejected)?;
                Self::RemoveRejected { index }
            }
            Self::RemoveRejected { index } => Self::AddRejected { index, rejected: doc.remove_rejected(index)? },
            Self::SetTitle(t) => Self::SetTitle(doc.set_title(t)?),
            Self::SetDescription(d) => Self::SetDescription(doc.set_description(d)?),
            Self::Batch(edits) => Self::Batch(apply_batch(edits, doc)?),
        };
        let regrouped = groups_before.is_some_and(|before| before != doc.groups());
        Ok(Applied { inverse, moved, event, sources, regrouped })
    }

    /// Which events the edit moves on the timeline (or adds or removes).
    fn moved(&self, doc: &Document) -> Moved {
        match self {
            Self::AddEvent { index, .. } => Moved::Added(*index),
            Self::RemoveEvent { index } => Moved::Removed(*index),
            Self::Batch(_) => Moved::All,
            // A new title only changes the room its label wants, which lanes need not follow.
            Self::UpdateEvent { index, event } => match doc.events().get(*index) {
                Some(old) if old.when == event.when && old.group() == event.group() => Moved::Nothing,
                _ => Moved::Event(*index),
            },
            _ => Moved::Nothing,
        }
    }

    /// What the edit does, in a few words, for the Edit menu ("Undo Retitle ‘Titan API’").
    /// Whether applying this edit to `doc` would leave it as it is (typing that ended where
    /// it began: an undo step with nothing to undo).
    pub fn changes_nothing(&self, doc: &Document) -> bool {
        let t = doc.timeline();
        match self {
            Self::UpdateEvent { index, event } => t.events.get(*index) == Some(event),
            Self::UpdateCitation { event, index, citation } => {
                t.events.get(*event).and_then(|e| e.citations.get(*index)) == Some(citation)
            }
            Self::UpdateSource { index, source } => t.sources.get(*index) == Some(source),
            Self::UpdateEra { index, era } => t.eras.get(*index) == Some(era),
            Self::SetTitle(title) => &t.title == title,
            Self::SetDescription(description) => &t.description == description,
            _ => false,
        }
    }

    pub fn describe(&self, doc: &Document) -> String {
        let title =
            |i: usize| doc.events().get(i).map_or_else(|| " an event".to_owned(), |e| format!(" ‘{}’", e.title));
        match self {
            Self::AddEvent { event, .. } => format!("Add ‘{}’", event.title),
            Self::RemoveEvent { index } => format!("Delete{}", title(*index)),
            Self::UpdateEvent { index, event } => {
                let old = doc.events().get(*index);
                let verb = match old {
                    // A date given or taken away is not a move in time.
                    Some(o) if o.when.is_none() && event.when.is_some() => "Date",
                    Some(o) if o.when.is_some() && event.when.is_none() => "Undate",
                    Some(o) if o.when != event.when => "Move",
                    Some(o) if o.title != event.title => "Retitle",
                    _ => "Edit",
                };
                format!("{verb}{}", title(*index))
            }
            Self::AddCitation { event, .. } => format!("Cite in{}", title(*event)),
            Self::RemoveCitation { event, .. } => format!("Remove Citation from{}", title(*event)),
            Self::UpdateCitation { event, .. } => format!("Edit Citation of{}", title(*event)),
            Self::AddSource { source, .. } => format!("Add Source ‘{}’", source.title),
            Self::RemoveSource { .. } => "Delete Source".to_owned(),
            Self::UpdateSource { source, .. } => format!("Edit Source ‘{}’", source.title),
            Self::AddEra { era, .. } => format!("Add Era ‘{}’", era.title),
            Self::RemoveEra { .. } => "Delete Era".to_owned(),
            Self::UpdateEra { era, .. } => format!("Edit Era ‘{}’", era.title),
            Self::AddRejected { .. } => "Reject Proposed Date".to_owned(),
            Self::RemoveRejected { .. } => "Propose Date Again".to_owned(),
            Self::SetTitle(_) => "Retitle Timeline".to_owned(),
            Self::SetDescription(_) => "Edit Description".to_owned(),
            Self::Batch(edits) => match edits.as_slice() {
                [Self::RemoveCitation { event: a, .. }, Self::AddCitation { event: b, .. }] if a == b => {
                    format!("Reorder Citations of{}", title(*a))
                }
                [_, _, ..] if edits.iter().all(|e| matches!(e, Self::AddEvent { .. })) => {
                    format!("Add {} Events", edits.len())
                }
                [_, _, ..] if edits.iter().all(|e| matches!(e, Self::AddRejected { .. })) => {
                    format!("Reject {} Proposed Dates", edits.len())
                }
                // The Changed sources review: citations taken into a source's new version.
                [_, ..]
                    if edits.iter().all(|e| matches!(e, Self::UpdateCitation { .. } | Self::UpdateSource { .. })) =>
                {
                    let cited: Vec<usize> = edits
                        .iter()
                        .filter_map(|e| if let Self::UpdateCitation { event, .. } = e { Some(*event) } else { None })
                        .collect();
                    match cited.as_slice() {
                        [] => "Take the New Text of a Source".to_owned(),
                        [event] => format!("Re-anchor the Quote of{}", title(*event)),
                        more => format!("Re-anchor {} Quotes", more.len()),
                    }
                }
                _ => edits.first().map_or_else(|| "Edit".to_owned(), |e| e.describe(doc)),
            },
        }
    }
}

/// Applies `edits` in order; if one fails, those already applied are undone.
fn apply_batch(edits: Vec<Edit>, doc: &mut Document) -> Result<Vec<Edit>, Vec<Problem>> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(doc) {
            Ok(applied) => inverses.push(applied.inverse),
            Err(problems) => {
                for inverse in inverses.into_iter().rev() {
                    // Inverses of edits just applied apply cleanly.
                    let _ = inverse.apply(doc);
                }
                return Err(problems);
            }
        }
    }
    inverses.reverse();
    Ok(inverses)
}

/// `n` event ids no event of `doc` has, nor each other: `base-1`, `base-2`… the smallest free
/// numbers. Only the numbers already used after `base-` are gathered: at a million events,
/// hashing every id would cost the UI thread tens of milliseconds per new event.
pub fn unique_event_ids(doc: &Document, base: &str, n: usize) -> Vec<String> {
    let prefix = format!("{base}-");
    let taken: std::collections::HashSet<usize> = doc
        .events()
        .iter()
        .filter_map(|e| e.id.strip_prefix(prefix.as_str()))
        .filter(|n| !n.starts_with('0'))
        .filter_map(|n| n.parse().ok())
        .collect();
    (1..).filter(|k| !taken.contains(k)).take(n).map(|k| format!("{prefix}{k}")).collect()
}

/// An event id no event of `doc` has: `base-1`, `base-2`…
pub fn unique_event_id(doc: &Document, base: &str) -> String {
    unique_event_ids(doc, base, 1).pop().unwrap_or_default()
}

fn event_at(doc: &Document, index: usize) -> Result<Event, Vec<Problem>> {
    doc.events().get(index).cloned().ok_or_else(|| {
        vec![Problem::error(doc.path(), super::Place::File, format!("there is no event number {}", index + 1))]
    })
}

fn check_index(doc: &Document, index: usize, len: usize, what: &str) -> Result<(), Vec<Problem>> {
    if index < len {
        Ok(())
    } else {
        Err(vec![Problem::error(doc.path(), super::Place::File, format!("there is no {what} number {}", index + 1))])
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::{EventExtra, seed_document};

    #[test]
    fn a_new_id_takes_the_first_free_number() {
        let mut doc = seed_document();
        assert_eq!(unique_event_id(&doc, "event"), "event-1");
        for id in ["event-1", "event-2", "event-4", "event-05", "event-x"] {
            let n = doc.events().len();
            Edit::AddEvent { index: n, event: event(id, None) }.apply(&mut doc).expect("valid");
        }
        assert_eq!(unique_event_id(&doc, "event"), "event-3", "the gap; event-05 is not event-5");
        let n = doc.events().len();
        Edit::AddEvent { index: n, event: event("event-3", None) }.apply(&mut doc).expect("valid");
        assert_eq!(unique_event_id(&doc, "event"), "event-5");
    }

    #[test]
    fn an_edit_of_the_date_says_whether_it_dates_moves_or_undates() {
        let mut doc = seed_document();
        let n = doc.events().len();
        Edit::AddEvent { index: n, event: event("x", None) }.apply(&mut doc).expect("valid");
        let added = doc.events()[n].clone();
        let with = |when: Option<&str>| Event { when: when.map(Into::into), ..added.clone() };
        let said = |doc: &Document, e: Event| Edit::UpdateEvent { index: n, event: e }.describe(doc);
        let title = added.title.clone();
        assert_eq!(said(&doc, with(Some("2013"))), format!("Date ‘{title}’"));
        Edit::UpdateEvent { index: n, event: with(Some("2013")) }.apply(&mut doc).expect("valid");
        assert_eq!(said(&doc, with(Some("2014"))), format!("Move ‘{title}’"));
        assert_eq!(said(&doc, with(None)), format!("Undate ‘{title}’"));
    }

    #[test]
    fn applying_says_what_changed_for_the_derived_data() {
        let mut doc = seed_document();
        let n = doc.events().len();
        let added = Edit::AddEvent { index: n, event: event("new", Some("2014")) }.apply(&mut doc).expect("valid");
        assert_eq!(
            (added.moved, added.event, added.sources, added.regrouped),
            (Moved::Added(n), Some(n), false, false)
        );
        let grouped =
            Event { extra: EventExtra::boxed(Some("A new group".into()), None), ..event("new", Some("2014")) };
        let regrouped = Edit::UpdateEvent { index: n, event: grouped }.apply(&mut doc).expect("valid");
        assert!(regrouped.regrouped && regrouped.event == Some(n), "{regrouped:?}");
        let retitled = Edit::SetTitle("Another".into()).apply(&mut doc).expect("valid");
        assert_eq!(
            (retitled.moved, retitled.event, retitled.sources, retitled.regrouped),
            (Moved::Nothing, None, false, false)
        );
        let index = doc.timeline().sources.len() - 1;
        let source = doc.timeline().sources[index].clone();
        let sourced = Edit::UpdateSource { index, source }.apply(&mut doc).expect("valid");
        assert!(sourced.sources && !sourced.regrouped);
    }

    fn event(id: &str, when: Option<&str>) -> Event {
        Event { id: id.into(), title: format!("Event {id}").into(), when: when.map(Into::into), ..Event::default() }
    }

    /// An edit chosen by `pick`, valid or not, over what `doc` holds now.
    fn edit_from(doc: &Document, pick: (u8, usize, usize, u16)) -> Edit {
        let (kind, a, b, n) = pick;
        let events = doc.events().len().max(1);
        let sources = doc.timeline().sources.len().max(1);
        let source = doc.timeline().sources.get(b % sources).map_or("x".into(), |s| s.id.to_string());
        let text = doc.source(&source).map_or("", |(_, t)| t);
        let quote: String = text.chars().skip(n as usize % 40).take(12 + b % 20).collect();
        let citation =
            Citation { source: source.as_str().into(), quote: quote.into(), note: None, ..Citation::default() };
        match kind % 12 {
            0 => Edit::AddEvent { index: a % (events + 1), event: event(&format!("new-{n}"), Some("2013-08")) },
            1 => Edit::RemoveEvent { index: a % events },
            2 => {
                let mut e = doc.events().get(a % events).cloned().unwrap_or_default();
                e.when = Some(format!("{}", 1990 + n % 40).into());
                Edit::UpdateEvent { index: a % events, event: e }
            }
            3 => {
                let mut e = doc.events().get(a % events).cloned().unwrap_or_default();
                e.title = format!("Retitled {n}").into();
                Edit::UpdateEvent { index: a % events, event: e }
            }
            4 => Edit::AddCitation { event: a % events, index: 0, citation },
            5 => Edit::RemoveCitation { event: a % events, index: b % 3 },
            6 => Edit::UpdateCitation { event: a % events, index: 0, citation },
            7 => Edit::AddEra { index: 0, era: Era { title: format!("Era {n}"), when: "2011/2014".into() } },
            8 => Edit::RemoveEra { index: a % 3 },
            9 => Edit::SetTitle(format!("Title {n}")),
            10 => Edit::SetDescription((n % 2 == 0).then(|| format!("About {n}"))),
            _ => {
                let mut s = doc.timeline().sources.get(b % sources).cloned().unwrap_or_default();
                s.publisher = format!("Publisher {n}");
                Edit::UpdateSource { index: b % sources, source: s }
            }
        }
    }

    fn same(a: &Document, b: &Document) {
        assert_eq!(a.timeline(), b.timeline());
        assert_eq!(a.tally(), b.tally());
        assert_eq!(a.spans(), b.spans());
        assert_eq!(a.groups(), b.groups());
        let mut pa = a.problems().to_vec();
        let mut pb = b.problems().to_vec();
        pa.sort_by_key(ToString::to_string);
        pb.sort_by_key(ToString::to_string);
        assert_eq!(pa, pb);
        for i in 0..a.events().len() {
            assert_eq!(a.checks(i), b.checks(i), "checks of event {i}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn undo_all_gives_back_the_original_and_redo_all_the_edited(
            picks in proptest::collection::vec((0_u8..12, 0_usize..64, 0_usize..64, 0_u16..1000), 1..24)
        ) {
            let original = seed_document();
            let mut doc = original.clone();
            let mut undo = Vec::new();
            let mut applied = Vec::new();
            for pick in picks {
                let edit = edit_from(&doc, pick);
                let before = doc.timeline().clone();
                if let Ok(a) = edit.clone().apply(&mut doc) {
                    undo.push(a.inverse);
                    applied.push(edit);
                } else {
                    prop_assert_eq!(doc.timeline(), &before, "a refused edit changes nothing");
                }
            }
            let edited = doc.clone();
            for inverse in undo.into_iter().rev() {
                inverse.apply(&mut doc).expect("an inverse applies");
            }
            same(&doc, &original);
            // What derived data would be after opening the file again.
            let reopened = Document::new(doc.timeline().clone(), doc.path(), &crate::Progress::default())
                .expect("still valid");
            same(&doc, &reopened);
            for edit in applied {
                edit.apply(&mut doc).expect("redo applies");
            }
            same(&doc, &edited);
            let reopened = Document::new(edited.timeline().clone(), edited.path(), &crate::Progress::default())
                .expect("every state is valid");
            same(&edited, &reopened);
        }
    }

    #[test]
    fn invalid_values_are_refused_and_say_why() {
        let mut doc = seed_document();
        let first = doc.events()[0].clone();
        let second_id = doc.events()[1].id.clone();
        let cases: Vec<(Event, &str)> = vec![
            (Event { when: Some("2013-13".into()), ..first.clone() }, "when"),
            (Event { title: "  ".into(), ..first.clone() }, "title is empty"),
            (Event { id: second_id, ..first.clone() }, "same id"),
            (Event { when: Some("2019/2011".into()), ..first.clone() }, "when"),
        ];
        for (event, says) in cases {
            let problems = Edit::UpdateEvent { index: 0, event }.apply(&mut doc).expect_err("refused");
            let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
            assert!(text.iter().any(|t| t.contains(says)), "{text:?} should say {says}");
        }
        assert_eq!(doc.events()[0], first, "nothing changed");
        let cited = doc.events()[0].citations[0].source.clone();
        let index = doc.timeline().sources.iter().position(|s| *s.id == *cited).expect("source");
        let refused = Edit::RemoveSource { index }.apply(&mut doc).expect_err("cited");
        assert!(refused[0].to_string().contains(&*first.id), "{}", refused[0]);
    }

    #[test]
    fn an_edited_quote_is_verified_at_once() {
        let mut doc = seed_document();
        let mut e = doc.events()[0].clone();
        let source = e.citations[0].source.clone();
        let text = doc.source(&source).expect("source").1.to_owned();
        let quote: String = text.chars().skip(3).take(30).collect();
        e.citations =
            vec![Citation { source, quote: "not in any source at all".into(), note: None, ..Citation::default() }]
                .into();
        Edit::UpdateEvent { index: 0, event: e.clone() }.apply(&mut doc).expect("applies");
        assert_eq!(doc.checks(0)[0].status, crate::Verification::NotFound);
        assert!(doc.problems().iter().any(|p| p.to_string().contains("not found")));
        Edit::UpdateCitation {
            event: 0,
            index: 0,
            citation: Citation { quote: quote.into(), ..e.citations[0].clone() },
        }
        .apply(&mut doc)
        .expect("applies");
        assert_eq!(doc.checks(0)[0].status, crate::Verification::Verified);
        assert!(!doc.problems().iter().any(|p| p.to_string().contains(&*e.id)));
    }
}
