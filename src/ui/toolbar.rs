//! The toolbar: the search field, the Filters menu, and what the filter is hiding.

use egui::{Key, RichText, Ui};

use super::command::Command;
use super::filter_menu::FilterMenu;
use super::shortcuts;
use crate::model::date::group_thousands;
use crate::session::Session;

/// The search field's own state; the session holds the search itself.
#[derive(Default)]
pub struct SearchField {
    pub text: String,
    /// Put the keyboard focus in the field on the next frame (Ctrl+F).
    pub focus_requested: bool,
    /// The selection changed: scroll the results list to it.
    pub scroll_to_selected: bool,
}

impl SearchField {
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty()
    }
}

pub(crate) fn toolbar_ui(
    ui: &mut Ui,
    field: &mut SearchField,
    filters: &mut FilterMenu,
    session: &Session,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        search_ui(ui, field, session, &mut commands);
        ui.separator();
        let filter_on = session.filter().is_active();
        let menu_title = if filter_on { "Filters (on)" } else { "Filters" };
        let mut changed = false;
        // Several boxes are checked in a row: a click inside keeps the menu open.
        let stay_open =
            egui::containers::menu::MenuConfig::new().close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
        egui::containers::menu::MenuButton::new(menu_title)
            .config(stay_open)
            .ui(ui, |ui| changed = filters.ui(ui, session.choices()));
        if filter_on {
            let total = session.data().doc.events().len();
            let shown = total - session.visibility().hidden();
            let text = format!(
                "Filter on: {} of {} events shown ({})",
                group_thousands(shown as u64),
                group_thousands(total as u64),
                session.filter().describe(&session.data().doc)
            );
            ui.label(RichText::new(text).color(super::dialog::palette_of(ui).caution).strong());
            if ui.button("Clear Filters").clicked() {
                filters.clear();
                changed = true;
            }
        }
        if changed {
            commands.push(Command::SetFilter(filters.filter.clone()));
        }
    });
    commands
}

fn search_ui(ui: &mut Ui, field: &mut SearchField, session: &Session, commands: &mut Vec<Command>) {
    let label = ui.label("Search");
    let hint = format!("Titles, tags, quotes… ({})", ui.ctx().format_shortcut(&shortcuts::FIND));
    let edit =
        ui.add(egui::TextEdit::singleline(&mut field.text).hint_text(hint).desired_width(260.0)).labelled_by(label.id);
    if std::mem::take(&mut field.focus_requested) {
        edit.request_focus();
    }
    if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        // Enter selects the next result (the first once the search is done), and the field
        // keeps the focus so that Enter again steps on.
        commands.push(Command::NextResult);
        edit.request_focus();
    }
    if !field.is_active() {
        return;
    }
    let search = session.search_state();
    if search.is_running() {
        ui.spinner();
        ui.label("Searching…");
    } else if let Some(r) = search.results() {
        let text = match r.events.len() {
            0 => "No match".to_owned(),
            1 => "1 match".to_owned(),
            n => format!("{} matches", group_thousands(n as u64)),
        };
        ui.label(text);
    }
    if ui.button("Clear Search").on_hover_text("Esc").clicked() {
        commands.push(Command::ClearSearch);
    }
}
