//! The side panels, the results list and the timeline, laid out each frame.

use std::sync::Arc;

use crate::layout::visibility::Visibility;
use crate::model::propose::Proposal;
use crate::scene::Palette;
use crate::session::Loaded;
use crate::session::search::SearchResults;
use crate::ui::citation_panel::PanelContext;
use crate::ui::command::Command;
use crate::ui::dialog::palette_of;
use crate::ui::proposals_panel::proposals_ui;
use crate::ui::results::results_ui;
use crate::ui::timeline_view::{TimelineCommand, TimelineFrame, timeline_ui};

use super::CitelineApp;

/// The narrowest a left panel gets when several share a small window.
const MIN_PANEL: f32 = 160.0;

impl CitelineApp {
    /// The side panels and the timeline; `typing` says a field had the keyboard as the frame
    /// began (a field that Enter just left must not have the timeline take that Enter too).
    pub(super) fn panels_ui(&mut self, ui: &mut egui::Ui, typing: bool) {
        let data = Arc::clone(self.session.data());
        let visibility = Arc::clone(self.session.visibility());
        let palette = palette_of(ui);
        let cx = PanelContext {
            visibility: &visibility,
            selected: self.selected,
            revision: self.session.revision(),
            tags: &self.session.choices().tags,
            palette,
        };
        // No panel takes more than its share of the window, however wide it was dragged or
        // what it holds: the timeline keeps 30% of the width with every panel open.
        let share = |room: f32, share: f32, min: f32| (room * share).max(min);
        let panel = egui::Panel::right("citations")
            .resizable(true)
            .default_size(420.0)
            .min_size(260.0)
            .max_size(share(ui.available_width(), 0.4, 260.0))
            .show(ui, |ui| self.panel.ui(ui, &data, &cx));
        self.commands.extend(panel.inner);
        let matches = self.session.search_state().results().cloned().filter(|_| self.search.is_active());
        let proposals = if self.show_proposals { Some(self.session.proposals()) } else { None };
        self.left_panels_ui(ui, &data, matches.as_deref(), proposals.as_ref(), palette);
        self.timeline_panel_ui(ui, &data, &visibility, matches.as_deref(), proposals.flatten().as_deref(), typing);
    }

    /// The panels on the left, each when it is open: search results, changed sources, proposals.
    fn left_panels_ui(
        &mut self,
        ui: &mut egui::Ui,
        data: &Loaded,
        matches: Option<&SearchResults>,
        proposals: Option<&Option<Arc<Vec<Proposal>>>>,
        palette: Palette,
    ) {
        // What the right panel left: the left ones open share at most half of it.
        let open = [self.search.is_active(), self.changed.open, proposals.is_some()].into_iter().filter(|&o| o).count();
        let room = ui.available_width() * 0.5 / open.max(1) as f32;
        // (min, max) of a panel that would be `min` to `most` wide in a window with room.
        let fit = |min: f32, most: f32| {
            let max = most.min(room).max(MIN_PANEL);
            (min.min(max), max)
        };
        if self.search.is_active() {
            let scroll = std::mem::take(&mut self.search.scroll_to_selected);
            let commands = egui::Panel::left("results")
                .resizable(true)
                .default_size(300.0)
                .min_size(fit(200.0, 480.0).0)
                .max_size(fit(200.0, 480.0).1)
                .show(ui, |ui| results_ui(ui, data, matches, self.selected, scroll))
                .inner;
            self.commands.extend(commands);
        }
        if self.changed.open {
            let revision = self.session.revision();
            let commands = egui::Panel::left("changed-sources")
                .resizable(true)
                .default_size(400.0)
                .min_size(fit(260.0, 640.0).0)
                .max_size(fit(260.0, 640.0).1)
                .show(ui, |ui| self.changed.ui(ui, data, revision, &palette))
                .inner;
            self.commands.extend(commands);
        }
        if let Some(list) = proposals {
            let commands = egui::Panel::left("proposals")
                .resizable(true)
                .default_size(360.0)
                .min_size(fit(240.0, 520.0).0)
                .max_size(fit(240.0, 520.0).1)
                .show(ui, |ui| {
                    proposals_ui(ui, data, list.as_deref().map(Vec::as_slice), &palette, &mut self.proposals_list)
                })
                .inner;
            self.commands.extend(commands);
        }
    }

    /// The timeline in what is left of the window, with the proposed dates and the date being
    /// typed as ghosts; what it asks for becomes commands.
    fn timeline_panel_ui(
        &mut self,
        ui: &mut egui::Ui,
        data: &Loaded,
        visibility: &Visibility,
        matches: Option<&SearchResults>,
        proposals: Option<&Vec<Proposal>>,
        typing: bool,
    ) {
        let palette = palette_of(ui);
        // Proposed dates, and the date being typed for the selected event, stand as ghosts.
        let mut ghosts: Option<Vec<(crate::model::Day, crate::model::Day)>> =
            proposals.map(|list| list.iter().filter_map(|p| p.span).collect());
        if let Some(span) = self.panel.editor.preview {
            ghosts.get_or_insert_with(Vec::new).push(span);
        }
        let session = &self.session;
        let overview = |columns: usize| session.overview(columns);
        let frame = TimelineFrame {
            ghosts: ghosts.as_deref(),
            overview: &overview,
            data,
            visibility,
            matches,
            selected: self.selected,
            palette,
            keyboard: !self.any_dialog_open()
                && (!typing && !ui.ctx().egui_wants_keyboard_input() || self.view.event_has_keyboard(ui.ctx())),
        };
        let timeline = egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            self.timeline_width = ui.available_width();
            timeline_ui(ui, &frame, &mut self.view)
        });
        let events = data.doc.events();
        self.commands.extend(timeline.inner.into_iter().flat_map(|c| match c {
            TimelineCommand::Select(e) => vec![Command::Select(e)],
            // The moved event is selected, so that the panel shows its new date.
            TimelineCommand::Move(e, when) => events.get(e as usize).map_or_else(Vec::new, |old| {
                let event = crate::model::Event { when: Some(when.into()), ..old.clone() };
                let edit = crate::model::edit::Edit::UpdateEvent { index: e as usize, event };
                vec![Command::Edit(edit, None), Command::Select(Some(e))]
            }),
            TimelineCommand::SelectNext => vec![Command::SelectNext],
            TimelineCommand::SelectPrevious => vec![Command::SelectPrevious],
        }));
    }
}
