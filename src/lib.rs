//! citeline: a timeline where every event cites the exact sentence of its source.
//!
//! Data flows one way: [`model`] → [`layout`] → [`scene`] → painters ([`export`] for SVG and
//! PNG, [`ui`] for the window), with [`session`] between the document and the window, and
//! [`formats`] reading and writing files. `docs/ARCHITECTURE.md` says where each thing lives.

/// Files written whole or not at all (in `citeline-formats`, which every writer uses).
use citeline_formats::atomic_write;
pub mod cli;
pub mod export;
mod fonts;
/// The file formats: the `citeline-formats` crate (`crates/formats`), which knows only the model.
pub use citeline_formats as formats;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod layout;
/// The document, its dates and its edits: the `citeline-model` crate (`crates/model`), which
/// knows no other layer.
pub use citeline_model as model;
pub mod publish;
pub mod report;
pub mod scene;
pub mod session;
pub mod settings;
pub mod ui;

pub use ui::app::{CitelineApp, Modal};

/// The built-in timeline, parsed without going through `formats`, for unit tests.
#[cfg(test)]
pub(crate) fn seed_document() -> model::Document {
    let text = include_str!("../assets/timelines/netflix-facebook.citeline.json");
    let timeline: model::Timeline = serde_json::from_str(text).expect("the seed parses");
    model::Document::new(timeline, std::path::Path::new("seed.citeline.json"), &model::Progress::default())
        .expect("the seed is valid")
}
