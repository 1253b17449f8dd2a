//! Searching the open document: a search running off the UI thread (a million events take a
//! moment), and the results the timeline highlights and the results list shows.

use std::sync::Arc;

use super::job::Job;
use super::loaded::Loaded;
use crate::layout::Visibility;
use crate::model::search::{Query, find, find_sources};
use crate::model::{Day, Progress};

/// What a finished search found.
#[derive(Debug, Default)]
pub struct SearchResults {
    /// Matching events: dated ones by date, then undated ones.
    pub events: Vec<u32>,
    /// One flag per event, for highlighting.
    pub mask: Vec<bool>,
    /// Where dated matches start, sorted, for ticks on the axis.
    pub starts: Vec<Day>,
    /// Sources whose title, publisher or id match (indices into the timeline's sources).
    pub sources: Vec<usize>,
}

/// The search of the open document: what was searched for, the job, and its results.
#[derive(Default)]
pub struct Search {
    /// The text the current results (or the running search) are for.
    searched: String,
    running: Option<Job<Option<SearchResults>>>,
    results: Option<Arc<SearchResults>>,
    /// The result Enter selects next.
    next: usize,
}

impl Search {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    pub fn results(&self) -> Option<&Arc<SearchResults>> {
        self.results.as_ref()
    }

    pub fn clear(&mut self) {
        self.running = None;
        self.searched.clear();
        self.results = None;
        self.next = 0;
    }

    /// Starts a new search when `text` changed, or when `again` (the data or filter changed).
    pub fn update(
        &mut self,
        text: &str,
        data: &Arc<Loaded>,
        visibility: &Arc<Visibility>,
        again: bool,
        wake: impl Fn() + Send + 'static,
    ) {
        if text == self.searched && !again {
            return;
        }
        // Dropping a job cancels it.
        self.running = None;
        text.clone_into(&mut self.searched);
        self.next = 0;
        let Some(query) = Query::new(text) else {
            self.results = None;
            return;
        };
        let (data, visibility) = (Arc::clone(data), Arc::clone(visibility));
        self.running =
            Some(Job::spawn("searching", wake, move |progress| search(&data, &visibility, &query, progress)));
    }

    /// Takes the results of a finished search. A search that failed finds nothing.
    pub fn poll(&mut self) {
        let Some(found) = self.running.as_ref().and_then(Job::poll) else { return };
        self.results = found.ok().flatten().map(Arc::new);
        self.running = None;
    }

    /// The result to select on Enter: each Enter moves to the next, round to the first.
    pub fn take_next(&mut self) -> Option<u32> {
        let events = &self.results.as_ref()?.events;
        if events.is_empty() {
            return None;
        }
        let event = events[self.next % events.len()];
        self.next = (self.next % events.len()) + 1;
        Some(event)
    }
}

fn search(data: &Loaded, visibility: &Visibility, query: &Query, progress: &Progress) -> Option<SearchResults> {
    let order = visibility.chronological(&data.lanes).iter().copied().chain(data.undated.iter().copied());
    let events = find(&data.doc, query, order, &|e| visibility.shown(e), progress)?;
    let mut mask = vec![false; data.doc.events().len()];
    for &e in &events {
        mask[e as usize] = true;
    }
    let starts = events.iter().filter_map(|&e| data.doc.span(e as usize)).map(|s| s.start).collect();
    let sources = find_sources(&data.doc, query);
    Some(SearchResults { events, mask, starts, sources })
}
