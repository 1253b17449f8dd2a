//! Date proposals for the open document, read in the background: a large source takes a
//! moment, and the window keeps drawing meanwhile.

use std::sync::Arc;

use super::{Job, Session};
use crate::model::propose::{Proposal, proposals};

/// The last proposals read, and a reading under way, each for a revision of the document.
#[derive(Default)]
pub struct Proposals {
    running: Option<(u64, Job<Vec<Proposal>>)>,
    read: Option<(u64, Arc<Vec<Proposal>>)>,
}

impl Session {
    /// The proposals for the document as it is; while they are read again after an edit, the
    /// last ones (`None` before the first reading ends). Starts a reading when needed.
    pub fn proposals(&mut self) -> Option<Arc<Vec<Proposal>>> {
        let revision = self.revision;
        let state = &mut self.derived.proposals;
        if let Some((r, job)) = &state.running
            && let Some(result) = job.poll()
        {
            let r = *r;
            state.running = None;
            // A failed reading (a bug) leaves the last list; the next call tries again.
            if let Ok(list) = result {
                state.read = Some((r, Arc::new(list)));
            }
        }
        let fresh = state.read.as_ref().is_some_and(|(r, _)| *r == revision);
        let reading = state.running.as_ref().is_some_and(|(r, _)| *r == revision);
        if !fresh && !reading {
            let data = Arc::clone(&self.data);
            let wake = {
                let waker = Arc::clone(&self.waker);
                move || waker()
            };
            let job = Job::spawn("proposing", wake, move |_| proposals(&data.doc, None));
            self.derived.proposals.running = Some((revision, job));
        }
        self.derived.proposals.read.as_ref().map(|(_, list)| Arc::clone(list))
    }

    /// Whether proposals are being read.
    pub fn is_proposing(&self) -> bool {
        self.derived.proposals.running.is_some()
    }
}
