//! The timeline document: events, dates, sources and citations; validation, citation
//! verification, and the typed edits that are the only way a document changes. Pure Rust and serde: nothing here knows about egui.

pub mod anchor;
pub mod date;
pub mod dates;
pub mod document;
pub mod edit;
pub mod elsewhere;
pub mod fields;
pub mod filter;
pub mod fold;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod generate;
pub mod language;
pub mod legal;
pub mod problem;
pub mod progress;
pub mod propose;
pub mod range;
pub mod search;
pub mod shift;
pub mod sources;
pub mod timeline;
pub mod title;
mod validate;
pub mod verify;

pub use date::{Day, Edtf, Span};
pub use document::{Document, Tally};
pub use problem::{Place, Problem, Severity};
pub use progress::Progress;
pub use timeline::{Citation, Era, Event, EventExtra, Media, Ocr, Original, OriginalKind, Rejected, Source, Timeline};
pub use verify::Verification;

/// The built-in timeline, parsed for model tests without going through `formats`.
#[cfg(test)]
pub(crate) fn seed_document() -> Document {
    let text = include_str!("../../../assets/timelines/netflix-facebook.citeline.json");
    let timeline: Timeline = serde_json::from_str(text).expect("the seed parses");
    Document::new(timeline, std::path::Path::new("seed.citeline.json"), &Progress::default())
        .expect("the seed is valid")
}
