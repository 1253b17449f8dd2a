//! The built-in timeline: it loads, its key events carry the right dates, and every quote
//! stands in its article.

// Date spans are whole days, exact in f64: comparing them exactly is the point.
#![allow(clippy::float_cmp)]

use std::path::Path;

use citeline::formats::open::{Limits, open};
use citeline::model::date::{day_from_civil, year_start};
use citeline::model::{Document, Progress, Verification};

const SEED: &str = "assets/timelines/netflix-facebook.citeline.json";

fn seed() -> Document {
    open(Path::new(SEED), Limits::default(), &Progress::default()).expect("the seed timeline loads")
}

#[test]
fn every_citation_verifies_exactly() {
    let doc = seed();
    assert!(doc.problems().is_empty(), "{:?}", doc.problems());
    let t = doc.tally();
    assert!(t.citations >= 15, "{t:?}");
    assert_eq!(t.verified, t.citations, "{t:?}");
    for i in 0..doc.events().len() {
        for c in doc.checks(i) {
            assert_eq!(c.status, Verification::Verified);
        }
    }
}

#[test]
fn the_five_key_events_have_the_right_dates() {
    let doc = seed();
    let span = |id: &str| {
        let i = doc.event_index(id).unwrap_or_else(|| panic!("event {id}"));
        doc.span(i).unwrap_or_else(|| panic!("{id} is dated"))
    };
    let s = span("integration-2011");
    assert_eq!((s.start, s.end), (year_start(2011), year_start(2012)));
    let s = span("extended-api");
    assert!(s.open_start && !s.open_end);
    assert_eq!(s.end, year_start(2014));
    let s = span("titan-api");
    assert_eq!((s.start, s.end), (day_from_civil(2013, 8, 1), day_from_civil(2013, 9, 1)));
    let s = span("hastings-board");
    assert_eq!((s.start, s.end), (year_start(2011), year_start(2020)));
    let s = span("ad-spend-2019");
    assert!(s.approximate);
    assert!(s.start >= year_start(2019) && s.end <= day_from_civil(2019, 7, 1));
    let i = doc.event_index("ad-spend-2019").expect("event");
    assert_eq!(doc.date_label(i), "Early 2019");
}

#[test]
fn events_cite_both_articles_where_both_report_them_and_note_the_disagreement() {
    let doc = seed();
    for id in ["extended-api", "special-relationship", "ads-hundreds-of-millions", "titan-api"] {
        let e = &doc.events()[doc.event_index(id).expect("event")];
        let sources: std::collections::BTreeSet<&str> = e.citations.iter().map(|c| &*c.source).collect();
        assert_eq!(sources.len(), 2, "{id} cites both articles");
    }
    let e = &doc.events()[doc.event_index("extended-api").expect("event")];
    let notes: Vec<&str> = e.citations.iter().filter_map(|c| c.note.as_deref()).collect();
    assert!(notes.len() >= 2 && notes.iter().all(|n| n.contains("Netflix") && n.contains("Facebook")), "{notes:?}");
    let undated: Vec<&str> =
        doc.events().iter().enumerate().filter(|(i, _)| doc.span(*i).is_none()).map(|(_, e)| &*e.id).collect();
    assert!(undated.contains(&"meta-denial"), "{undated:?}");
}

#[test]
fn inline_texts_are_the_shipped_articles_byte_for_byte() {
    let doc = seed();
    for (id, file) in [
        ("es-article", "es-netflix-meta-mensajes-privados.txt"),
        ("it-article", "it-netflix-100-milioni-messaggi-facebook.txt"),
    ] {
        let (source, text) = doc.source(id).expect("source");
        let shipped = std::fs::read(Path::new("assets/sources").join(file)).expect("shipped copy");
        assert_eq!(text.as_bytes(), shipped.as_slice(), "{id}");
        assert!(!source.title.is_empty() && !source.publisher.is_empty());
        // The originals beside the repository, where present (a clean clone has them in CI).
        if let Ok(original) = std::fs::read(Path::new("../shared/sources").join(file)) {
            assert_eq!(original, shipped, "{file} was copied byte for byte");
        }
    }
    assert_eq!(doc.source("es-article").expect("es").0.language, "es");
    assert_eq!(doc.source("it-article").expect("it").0.language, "it");
}

#[test]
fn the_compiled_in_seed_is_the_file() {
    assert_eq!(citeline::session::loaded::SEED_JSON, std::fs::read_to_string(SEED).expect("seed"));
}
