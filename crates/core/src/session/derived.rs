//! What the session derives from the document beyond its layout (which `Loaded` holds with
//! it): the filter and the events it lets through, the filter menu's choices, the search, the
//! date proposals and the overview strip. Rebuilt when the document or its lanes are new,
//! patched from what an edit says it did (`Applied`) otherwise.

use std::sync::Arc;

use super::loaded::Loaded;
use super::overview::OverviewMemo;
use super::proposals::Proposals;
use super::search::Search;
use crate::layout::Visibility;
use crate::model::edit::Applied;
use crate::model::filter::{Choices, Filter};

pub(super) struct Derived {
    pub filter: Filter,
    /// What the filter menu offers.
    pub choices: Choices,
    /// The events the filter lets through.
    pub visibility: Arc<Visibility>,
    pub search: Search,
    /// The search must run again (the document or the filter changed).
    pub search_again: bool,
    pub proposals: Proposals,
    pub overview: OverviewMemo,
}

impl Derived {
    /// What `data` gives, with no filter.
    pub fn of(data: &Loaded) -> Self {
        Self {
            filter: Filter::default(),
            choices: Choices::of(&data.doc),
            visibility: Arc::new(Visibility::all()),
            search: Search::default(),
            search_again: false,
            proposals: Proposals::default(),
            overview: OverviewMemo::default(),
        }
    }

    /// Everything again from `data`, the filter kept: new lanes.
    pub(crate) fn rebuild(&mut self, data: &Loaded) {
        self.choices = Choices::of(&data.doc);
        self.refresh_filter(data);
    }

    /// After an edit that left the lanes in place (or moved them there): the choices learn the
    /// event's tags and the sources, the filter is worked out again.
    pub(crate) fn patch(&mut self, data: &Loaded, applied: &Applied) {
        let doc = &data.doc;
        if let Some(event) = applied.event.and_then(|i| doc.events().get(i)) {
            self.choices.add_tags_of(event);
        }
        if applied.sources {
            self.choices.refresh_sources(doc);
        }
        self.refresh_filter(data);
    }

    /// Shows only what `filter` lets through.
    pub fn set_filter(&mut self, data: &Loaded, filter: Filter) {
        self.filter = filter;
        self.refresh_filter(data);
    }

    fn refresh_filter(&mut self, data: &Loaded) {
        self.visibility = Arc::new(if self.filter.is_active() {
            Visibility::new(self.filter.mask(&data.doc), &data.lanes)
        } else {
            Visibility::all()
        });
        self.search_again = true;
    }
}
