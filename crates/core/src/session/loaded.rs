//! A document with what is derived from its positions: lanes and orders, and the undated list.
//! What a frame, an export and a benchmark share.

use std::path::Path;

use crate::formats::Format;
use crate::formats::open::{self, Limits};
use crate::layout::lanes::{self, Lanes, Placing};
use crate::model::edit::Moved;
use crate::model::progress::Stage;
use crate::model::{Document, Problem, Progress};

/// A document with its lanes: everything a frame needs.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub doc: Document,
    pub lanes: Lanes,
    /// Events without a date, in file order: the side panel lists them.
    pub undated: Vec<u32>,
}

/// What laying out needs of a document, copied so that it can be done on another thread while
/// the document is edited.
pub(crate) struct LayoutInput {
    spans: Vec<Option<crate::model::Span>>,
    title_chars: Vec<u32>,
    groups: Vec<Option<u32>>,
}

impl LayoutInput {
    pub fn of(doc: &Document) -> Self {
        let group_index: std::collections::HashMap<&str, u32> =
            doc.groups().iter().enumerate().map(|(i, g)| (&**g, u32::try_from(i).unwrap_or(u32::MAX))).collect();
        Self {
            spans: doc.spans().to_vec(),
            title_chars: doc
                .events()
                .iter()
                .map(|e| u32::try_from(e.title.chars().count()).unwrap_or(u32::MAX))
                .collect(),
            groups: doc.events().iter().map(|e| e.group().and_then(|g| group_index.get(g).copied())).collect(),
        }
    }

    /// Lanes and the undated list.
    pub(crate) fn lay_out(&self) -> (Lanes, Vec<u32>) {
        lay_out(&self.spans, &|i| self.title_chars[i] as usize, &|i| self.groups[i])
    }
}

fn lay_out(
    spans: &[Option<crate::model::Span>],
    title_chars: &dyn Fn(usize) -> usize,
    group_of: &dyn Fn(usize) -> Option<u32>,
) -> (Lanes, Vec<u32>) {
    let lanes = lanes::assign_grouped(spans, title_chars, group_of);
    let undated = (0..spans.len()).filter(|&i| spans[i].is_none()).filter_map(|i| u32::try_from(i).ok()).collect();
    (lanes, undated)
}

impl Loaded {
    pub fn new(doc: Document, progress: &Progress) -> Self {
        progress.start(Stage::LayingOut, 1);
        let events = doc.events();
        let group_index: std::collections::HashMap<&str, u32> =
            doc.groups().iter().enumerate().map(|(i, g)| (&**g, u32::try_from(i).unwrap_or(u32::MAX))).collect();
        // Straight from the document: opening a million events copies nothing.
        let (lanes, undated) = lay_out(doc.spans(), &|i| events[i].title.chars().count(), &|i| {
            events[i].group().and_then(|g| group_index.get(g).copied())
        });
        progress.advance(1);
        Self { doc, lanes, undated }
    }

    /// Brings the lanes and the undated list up to date after an edit that moved what `moved`
    /// says, in time for the next frame even at a million events. False when only laying
    /// everything out again will do (a batch, a group that has no band yet); the lanes are then
    /// consistent but may miss the moved event.
    pub fn follow(&mut self, moved: Moved) -> bool {
        let index = match moved {
            Moved::Nothing => return true,
            Moved::All => return false,
            Moved::Event(i) | Moved::Added(i) | Moved::Removed(i) => i,
        };
        let Ok(i) = u32::try_from(index) else { return false };
        let undated_at = self.undated.partition_point(|&u| u < i);
        match moved {
            Moved::Added(_) => {
                self.lanes.insert_slot(i);
                self.undated[undated_at..].iter_mut().for_each(|u| *u += 1);
            }
            Moved::Removed(_) => {
                self.lanes.remove_slot(i);
                if self.undated.get(undated_at) == Some(&i) {
                    self.undated.remove(undated_at);
                }
                self.undated[undated_at..].iter_mut().for_each(|u| *u -= 1);
                return true;
            }
            _ => {
                self.lanes.take_out(i);
                if self.undated.get(undated_at) == Some(&i) {
                    self.undated.remove(undated_at);
                }
            }
        }
        let doc = &self.doc;
        let Some(event) = doc.events().get(index) else { return false };
        if doc.spans()[index].is_none() {
            self.undated.insert(undated_at, i);
            return true;
        }
        let group = match event.group() {
            Some(g) => match doc.groups().iter().position(|have| **have == *g) {
                Some(k) => u32::try_from(k).ok(),
                None => return false,
            },
            None => None,
        };
        let title_chars = |e: usize| doc.events()[e].title.chars().count();
        self.lanes.place(i, group, &Placing { spans: doc.spans(), title_chars: &title_chars })
    }

    /// "title, date", as screen readers announce an event.
    pub fn accessible_label(&self, event: u32) -> String {
        let title = self.doc.events().get(event as usize).map(|e| &*e.title).unwrap_or_default();
        format!("{title}, {}", self.doc.date_label(event as usize))
    }
}

/// The built-in timeline, compiled in so the app opens it wherever it runs.
pub const SEED_JSON: &str = include_str!("../../../../assets/timelines/netflix-facebook.citeline.json");
pub const SEED_NAME: &str = "netflix-facebook.citeline.json (built in)";

pub fn load_seed() -> Result<Loaded, Vec<Problem>> {
    let doc = open::from_str(SEED_JSON, Path::new(SEED_NAME))?;
    Ok(Loaded::new(doc, &Progress::default()))
}

pub fn open_blocking(path: &Path, progress: &Progress) -> Result<Loaded, Vec<Problem>> {
    open_file(path, progress).map(|(data, _)| data)
}

/// Opens and lays out the file at `path`, with the format it is in.
pub(crate) fn open_file(path: &Path, progress: &Progress) -> Result<(Loaded, Format), Vec<Problem>> {
    let (mut doc, format) = open::open_detected(path, Limits::from_env(), progress)?;
    let drift = super::drift::original_drift(&doc);
    doc.add_warnings(drift);
    Ok((Loaded::new(doc, progress), format))
}
