//! citeline's core, between the files and the window: [`layout`] (time to space), [`scene`]
//! (what a frame or an image shows, one composer for both), the painters for files
//! ([`export`]: SVG, PNG, PDF), the writers that draw ([`report`], [`publish`]), and the
//! [`session`] (the open document, what is derived from it, undo, background jobs). It knows
//! neither the window nor the command line: those are the `citeline` crate.

/// The file formats (`citeline-formats`), named as the rest of citeline names them.
use citeline_formats as formats;
/// Files written whole or not at all.
use citeline_formats::atomic_write;
/// The document (`citeline-model`), named as the rest of citeline names it.
use citeline_model as model;

pub mod export;
pub mod fonts;
pub mod layout;
pub mod publish;
pub mod report;
pub mod scene;
pub mod session;
