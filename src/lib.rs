//! citeline: a timeline where every event cites the exact sentence of its source.
//!
//! Data flows one way: [`model`] → [`layout`] → [`scene`] → painters ([`export`] for SVG and
//! PNG, [`ui`] for the window).

pub mod app;
pub mod atomic_write;
pub mod cli;
pub mod export;
pub mod fonts;
pub mod fuzzing;
pub mod layout;
pub mod loaded;
pub mod model;
pub mod scene;
pub mod settings;
pub mod ui;

pub use app::CitelineApp;
