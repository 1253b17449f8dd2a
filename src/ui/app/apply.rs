//! Applying the commands that panels, menus and dialogs returned during the frame.

use std::sync::Arc;

use super::CitelineApp;
use crate::ui::command::Command;

impl CitelineApp {
    /// Applies the commands gathered during the frame.
    pub(super) fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            self.apply(command, ctx);
        }
    }

    fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::Open(path) => {
                self.restore_view = None;
                self.session.open(path);
            }
            Command::OpenDialog => {
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter("Timelines (citeline, TimelineJS JSON or CSV)", &["json", "csv"])
                    .add_filter("All files", &["*"])
                    .pick_file()
                {
                    self.apply(Command::Open(path), ctx);
                }
            }
            Command::OpenSample => {
                self.session.open_seed();
                self.take_notices();
            }
            Command::ShowSaveAs => self.save.show(self.session.path()),
            Command::ShowExport => self.export.open = true,
            Command::ShowShortcuts => self.show_shortcuts = true,
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::SaveAs(path, format) => self.session.save_as(path, format),
            Command::Select(e) => self.select(e),
            Command::SelectResult(e) => self.select_result(e),
            Command::SelectNext => self.step_selection(true),
            Command::SelectPrevious => self.step_selection(false),
            Command::FitAll => self.view.fit_all(self.session.data()),
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
            Command::ClearSearch => {
                self.search.text.clear();
                self.session.search_state_mut().clear();
            }
            Command::NextResult => self.select_when_done = true,
            Command::CancelLoading => self.session.cancel_loading(),
            Command::DismissReport => self.report = None,
        }
    }

    pub fn select(&mut self, event: Option<u32>) {
        self.selected = event;
        self.search.scroll_to_selected = true;
        if let Some(e) = event {
            let data = Arc::clone(self.session.data());
            self.view.reveal(&data, e, self.timeline_width);
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
