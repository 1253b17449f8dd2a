//! The view and the selection: which event is selected and stepping through them, the time
//! shown, the theme, the filter and the search.

use crate::ui::command::Command;
use std::sync::Arc;

use super::{CitelineApp, Modal};

impl CitelineApp {
    /// Applies one of the commands that change what is shown or selected, not the document.
    pub(super) fn apply_view(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Select(e) => self.select(e),
            Command::SelectResult(e) => self.select_result(e),
            Command::SelectNext => self.step_selection(true),
            Command::SelectPrevious => self.step_selection(false),
            Command::FitAll => self.view.fit_all(self.session.data(), self.session.visibility()),
            Command::ToggleProposals => {
                self.show_proposals = !self.show_proposals;
                // Opened, the list takes the keys (↑ ↓ A R) from whatever field had them.
                if self.show_proposals
                    && let Some(field) = ctx.memory(egui::Memory::focused)
                {
                    ctx.memory_mut(|m| m.surrender_focus(field));
                }
            }
            Command::ShowGoto => {
                self.goto.show();
                self.show_modal(Modal::GoTo);
            }
            Command::GoTo(view) => self.view.animate_to(view),
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                self.apply_theme(ctx);
            }
            Command::SetFilter(filter) => {
                self.session.set_filter(filter);
                if self.selected.is_some_and(|e| !self.session.visibility().shown(e)) {
                    self.selected = None;
                }
            }
            Command::FocusSearch => self.search.focus_requested = true,
            Command::FocusEvents if !self.any_dialog_open() => self.view.focus_events(),
            Command::ClearSearch => {
                self.search.text.clear();
                self.session.search_state_mut().clear();
            }
            Command::NextResult => self.select_when_done = true,
            Command::ShowShortcuts => self.show_modal(Modal::Shortcuts),
            Command::DismissReport => self.report = None,
            // `apply` sends only the commands above here.
            _ => {}
        }
    }

    pub fn select(&mut self, event: Option<u32>) {
        self.selected = event;
        self.search.scroll_to_selected = true;
        if let Some(e) = event {
            let data = Arc::clone(self.session.data());
            self.view.reveal(&data, e, self.timeline_width);
            if !self.session.visibility().shown(e) {
                // A new event the filter hides: said, or it seems not to have been made.
                let filter = self.session.filter().describe(&data.doc);
                self.flash(format!("The selected event is hidden by the filter ({filter}): Clear Filters to see it"));
            }
        }
    }

    /// Selects a search result and centres the view on it.
    pub(super) fn select_result(&mut self, event: u32) {
        self.selected = Some(event);
        self.search.scroll_to_selected = true;
        let data = Arc::clone(self.session.data());
        self.view.center_on(&data, event);
    }

    fn step_selection(&mut self, forward: bool) {
        let data = Arc::clone(self.session.data());
        let order = self.session.visibility().chronological(&data.lanes);
        if order.is_empty() {
            return;
        }
        let position = self.selected.and_then(|s| order.iter().position(|&e| e == s));
        let next = match (position, forward) {
            (None, true) => 0,
            (None, false) => order.len() - 1,
            (Some(p), true) => (p + 1).min(order.len() - 1),
            (Some(p), false) => p.saturating_sub(1),
        };
        let event = order[next];
        self.select(Some(event));
    }
}
