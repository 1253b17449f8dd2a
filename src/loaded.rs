//! A document with its lanes, ready to draw: what the window, `export` and benchmarks share.

use std::path::Path;

use crate::layout::lanes::{self, Lanes};
use crate::model::load::{self, Limits};
use crate::model::progress::Stage;
use crate::model::{Document, Problem, Progress};

/// A document with its lanes: everything a frame needs.
#[derive(Debug)]
pub struct Loaded {
    pub doc: Document,
    pub lanes: Lanes,
    /// Events without a date, in file order: the side panel lists them.
    pub undated: Vec<u32>,
}

impl Loaded {
    pub fn new(doc: Document, progress: &Progress) -> Self {
        progress.start(Stage::LayingOut, 1);
        let events = doc.events();
        let group_index: std::collections::HashMap<&str, u32> =
            doc.groups().iter().enumerate().map(|(i, g)| (&**g, u32::try_from(i).unwrap_or(u32::MAX))).collect();
        let lanes = lanes::assign_grouped(doc.spans(), &|i| events[i].title.chars().count(), &|i| {
            events[i].group().and_then(|g| group_index.get(g).copied())
        });
        let undated =
            (0..doc.events().len()).filter(|&i| doc.span(i).is_none()).filter_map(|i| u32::try_from(i).ok()).collect();
        progress.advance(1);
        Self { doc, lanes, undated }
    }

    /// "title, date", as screen readers announce an event.
    pub fn accessible_label(&self, event: u32) -> String {
        let title = self.doc.events().get(event as usize).map(|e| &*e.title).unwrap_or_default();
        format!("{title}, {}", self.doc.date_label(event as usize))
    }
}

/// The built-in timeline, compiled in so the app opens it wherever it runs.
pub const SEED_JSON: &str = include_str!("../assets/timelines/netflix-facebook.citeline.json");
pub const SEED_NAME: &str = "netflix-facebook.citeline.json (built in)";

pub fn load_seed() -> Result<Loaded, Vec<Problem>> {
    let doc = load::from_str(SEED_JSON, Path::new(SEED_NAME))?;
    Ok(Loaded::new(doc, &Progress::default()))
}

pub fn open_blocking(path: &Path, progress: &Progress) -> Result<Loaded, Vec<Problem>> {
    let doc = load::open(path, Limits::from_env(), progress)?;
    Ok(Loaded::new(doc, progress))
}
