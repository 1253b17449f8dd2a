//! The search field's state: the query, a search running off the UI thread (a million events
//! take a moment), and the results the timeline highlights and the results list shows.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::layout::Visibility;
use crate::loaded::Loaded;
use crate::model::Day;
use crate::model::search::{Query, find};

/// What a finished search found.
#[derive(Debug, Default)]
pub struct SearchResults {
    /// Matching events: dated ones by date, then undated ones.
    pub events: Vec<u32>,
    /// One flag per event, for highlighting.
    pub mask: Vec<bool>,
    /// Where dated matches start, sorted, for ticks on the axis.
    pub starts: Vec<Day>,
}

struct Running {
    cancel: Arc<AtomicBool>,
    receiver: Receiver<Option<SearchResults>>,
}

#[derive(Default)]
pub struct Search {
    /// What the field holds.
    pub text: String,
    /// The text the current results (or the running search) are for.
    searched: String,
    running: Option<Running>,
    pub results: Option<Arc<SearchResults>>,
    /// The result Enter selects next.
    next: usize,
    /// Set to put the keyboard focus in the field on the next frame (Ctrl+F).
    pub focus_requested: bool,
    /// Enter was pressed: select the next result once the search is done.
    pub select_when_done: bool,
    /// The selection changed: scroll the results list to it.
    pub scroll_to_selected: bool,
}

impl Search {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty()
    }

    pub fn clear(&mut self) {
        self.cancel();
        self.text.clear();
        self.searched.clear();
        self.results = None;
        self.next = 0;
    }

    fn cancel(&mut self) {
        if let Some(r) = self.running.take() {
            r.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Starts a new search when the text changed, or when `again` (the data or filter changed).
    pub fn update(
        &mut self,
        data: &Arc<Loaded>,
        visibility: &Arc<Visibility>,
        again: bool,
        wake: impl Fn() + Send + 'static,
    ) {
        if self.text == self.searched && !again {
            return;
        }
        self.cancel();
        self.searched.clone_from(&self.text);
        self.next = 0;
        let Some(query) = Query::new(&self.text) else {
            self.results = None;
            return;
        };
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, receiver) = mpsc::channel();
        let (data, visibility, flag) = (Arc::clone(data), Arc::clone(visibility), Arc::clone(&cancel));
        let spawned = std::thread::Builder::new().name("citeline-search".into()).spawn(move || {
            let _ = sender.send(search(&data, &visibility, &query, &flag));
            wake();
        });
        if spawned.is_ok() {
            self.running = Some(Running { cancel, receiver });
        }
    }

    /// Takes the results of a finished search.
    pub fn poll(&mut self) {
        let Some(r) = &self.running else { return };
        match r.receiver.try_recv() {
            Ok(found) => {
                self.results = found.map(Arc::new);
                self.running = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => self.running = None,
        }
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

fn search(data: &Loaded, visibility: &Visibility, query: &Query, cancel: &AtomicBool) -> Option<SearchResults> {
    let order = visibility.chronological(&data.lanes).iter().copied().chain(data.undated.iter().copied());
    let events = find(&data.doc, query, order, &|e| visibility.shown(e), cancel)?;
    let mut mask = vec![false; data.doc.events().len()];
    for &e in &events {
        mask[e as usize] = true;
    }
    let starts = events.iter().filter_map(|&e| data.doc.span(e as usize)).map(|s| s.start).collect();
    Some(SearchResults { events, mask, starts })
}
