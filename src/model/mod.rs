//! The timeline document: events, dates, sources and citations; loading, validation and
//! citation verification. Pure Rust and serde: nothing here knows about egui.

pub mod date;
pub mod document;
pub mod filter;
pub mod formats;
pub mod generate;
pub mod load;
pub mod problem;
pub mod progress;
pub mod save;
pub mod search;
pub mod sources;
pub mod timeline;
pub mod verify;

pub use date::{Day, Edtf, Span};
pub use document::{Document, Tally};
pub use problem::{Place, Problem, Severity};
pub use progress::Progress;
pub use timeline::{Citation, Era, Event, EventExtra, Media, Source, Timeline};
pub use verify::Verification;
