//! Why each source without a proposal has none (no dated sentences, every one cited or
//! rejected…), read in the background for the list shown.

use std::sync::{Arc, Mutex};

use egui::Ui;

use crate::model::propose::{NoProposal, Proposal, SourceToRead};
use crate::session::{Job, Loaded};

/// Why each source without a proposal has none, read for one list of proposals.
type WhyNone = Vec<(String, NoProposal)>;

/// The reading of [`WhyNone`] for one list (told apart by where it stands, its length and the
/// document's counts), under way or done.
struct Reasons {
    key: [usize; 5],
    job: Option<Job<WhyNone>>,
    read: Option<Arc<WhyNone>>,
}

/// Why each source of `data` without a proposal in `proposals` has none: read in the background
/// (a large source takes a moment), `None` until read.
pub(super) fn why_none(ui: &Ui, data: &Loaded, proposals: &[Proposal]) -> Option<Arc<WhyNone>> {
    let timeline = data.doc.timeline();
    let key = [
        proposals.as_ptr() as usize,
        proposals.len(),
        timeline.events.len(),
        timeline.rejected.len(),
        timeline.sources.len(),
    ];
    let id = egui::Id::unique("proposals-why-none");
    let cell: Arc<Mutex<Option<Reasons>>> = ui.data_mut(|d| Arc::clone(d.get_temp_mut_or_default(id)));
    let mut reasons = cell.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if reasons.as_ref().is_none_or(|r| r.key != key) {
        let sources: Vec<SourceToRead> = timeline
            .sources
            .iter()
            .filter(|s| !proposals.iter().any(|p| p.source == *s.id))
            .filter_map(|s| SourceToRead::of(&data.doc, &s.id))
            .collect();
        let ctx = ui.ctx().clone();
        let job = Job::spawn(
            "why-no-proposals",
            move || ctx.request_repaint(),
            move |_| sources.iter().filter_map(|s| s.why_none().map(|w| (s.id.clone(), w))).collect(),
        );
        *reasons = Some(Reasons { key, job: Some(job), read: None });
    }
    let r = reasons.as_mut()?;
    if let Some(result) = r.job.as_ref().and_then(Job::poll) {
        r.job = None;
        // A reading that failed (a bug) says nothing rather than something wrong.
        r.read = Some(Arc::new(result.unwrap_or_default()));
    }
    r.read.clone()
}
