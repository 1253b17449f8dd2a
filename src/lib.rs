//! citeline: a timeline where every event cites the exact sentence of its source.
//!
//! Data flows one way: [`model`] → [`layout`] → [`scene`] → painters ([`export`] for SVG, PNG
//! and PDF, [`ui`] for the window), with [`session`] between the document and the window, and
//! [`formats`] reading and writing files. The layers are crates of one workspace, so that an
//! import against the flow does not compile: `citeline-model` (`crates/model`),
//! `citeline-formats` (`crates/formats`), `citeline-core` (`crates/core`: layout, scene,
//! export, report, publish, session) and this one, the window ([`ui`]) and the command line
//! ([`cli`]). It re-exports the others under the names the code has always used.
//! `docs/ARCHITECTURE.md` says where each thing lives.

/// The shipped fonts, for the window and the files alike.
use citeline_core::fonts;
/// Files written whole or not at all (in `citeline-formats`, which every writer uses).
use citeline_formats::atomic_write;
pub mod cli;
/// The file formats: the `citeline-formats` crate (`crates/formats`), which knows only the model.
pub use citeline_formats as formats;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
/// The document, its dates and its edits: the `citeline-model` crate (`crates/model`), which
/// knows no other layer.
pub use citeline_model as model;
pub mod settings;
pub mod ui;

/// The layers between the files and the window: the `citeline-core` crate (`crates/core`).
pub use citeline_core::{export, layout, publish, report, scene, session};

pub use ui::app::{CitelineApp, Modal};
