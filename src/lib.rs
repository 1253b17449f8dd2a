//! citeline: a timeline where every event cites the exact sentence of its source.
//!
//! Data flows one way: [`model`] → [`layout`] → [`scene`] → painters ([`export`] for SVG and
//! PNG, [`ui`] for the window), with [`session`] between the document and the window, and
//! [`formats`] reading and writing files. `docs/ARCHITECTURE.md` says where each thing lives.

mod atomic_write;
pub mod cli;
pub mod export;
mod fonts;
pub mod formats;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod layout;
pub mod model;
pub mod publish;
pub mod scene;
pub mod session;
pub mod settings;
pub mod ui;

pub use ui::app::{CitelineApp, Modal};
