//! The overview strip's counts for the open document, worked out once per document, filter,
//! search and width rather than every frame.

use std::sync::{Arc, Mutex, PoisonError};

use super::Session;
use super::search::SearchResults;
use crate::layout::Visibility;
use crate::layout::overview::Overview;

/// The last overview made, and what it was made from.
#[derive(Default)]
pub(super) struct OverviewMemo(Mutex<Option<Made>>);

struct Made {
    revision: u64,
    /// Held, so that a new filter or search is never mistaken for this one at the same address.
    visibility: Arc<Visibility>,
    matches: Option<Arc<SearchResults>>,
    columns: usize,
    overview: Option<Arc<Overview>>,
}

impl Session {
    /// The overview `columns` wide of what the filter shows, with search matches ticked; `None`
    /// when nothing is dated.
    pub fn overview(&self, columns: usize) -> Option<Arc<Overview>> {
        let matches = self.derived.search.results().cloned();
        let mut memo = self.derived.overview.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(made) = memo.as_ref()
            && made.revision == self.revision
            && Arc::ptr_eq(&made.visibility, &self.derived.visibility)
            && match (&made.matches, &matches) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
            && made.columns == columns
        {
            return made.overview.clone();
        }
        let data = &self.data;
        let visibility = self.derived.visibility.is_filtered().then_some(&*self.derived.visibility);
        let starts = matches.as_ref().map(|m| m.starts.as_slice());
        let overview = Overview::new(&data.lanes, data.doc.spans(), visibility, starts, columns).map(Arc::new);
        *memo = Some(Made {
            revision: self.revision,
            visibility: Arc::clone(&self.derived.visibility),
            matches,
            columns,
            overview: overview.clone(),
        });
        overview
    }
}
