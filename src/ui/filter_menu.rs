//! The Filters menu: tags, sources, languages, verification status and a date range, each a
//! set of check boxes (any checked value lets an event through).

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use crate::model::filter::{Choices, EventStatus, Filter};
use crate::model::language::language_name;
use crate::model::range::{End, bound};

/// How many values of one kind the menu lists before it scrolls.
const LIST_HEIGHT: f32 = 180.0;

/// The filter being built, with the date range as typed.
#[derive(Default)]
pub struct FilterMenu {
    pub filter: Filter,
    from: String,
    to: String,
    date_error: Option<String>,
}

fn toggle(ui: &mut Ui, set: &mut BTreeSet<String>, value: &str, label: &str) -> bool {
    let mut on = set.contains(value);
    if ui.checkbox(&mut on, label).changed() {
        if on {
            set.insert(value.to_owned());
        } else {
            set.remove(value);
        }
        return true;
    }
    false
}

impl FilterMenu {
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// The menu's contents. Returns true when the filter changed.
    pub fn ui(&mut self, ui: &mut Ui, choices: &Choices) -> bool {
        let mut changed = false;
        ui.set_min_width(260.0);
        if ui.add_enabled(self.filter.is_active(), egui::Button::new("Clear All Filters")).clicked() {
            self.clear();
            changed = true;
        }
        if !choices.tags.is_empty() {
            ui.separator();
            ui.label(RichText::new("Tags").strong());
            egui::ScrollArea::vertical().id_salt("filter-tags").max_height(LIST_HEIGHT).show(ui, |ui| {
                for t in &choices.tags {
                    changed |= toggle(ui, &mut self.filter.tags, t, &format!("#{t}"));
                }
            });
        }
        if !choices.sources.is_empty() {
            ui.separator();
            ui.label(RichText::new("Sources").strong());
            egui::ScrollArea::vertical().id_salt("filter-sources").max_height(LIST_HEIGHT).show(ui, |ui| {
                for (id, title) in &choices.sources {
                    changed |= toggle(ui, &mut self.filter.sources, id, title);
                }
            });
        }
        if !choices.languages.is_empty() {
            ui.separator();
            ui.label(RichText::new("Languages").strong());
            for l in &choices.languages {
                changed |= toggle(ui, &mut self.filter.languages, l, &language_name(l));
            }
        }
        ui.separator();
        ui.label(RichText::new("Verification").strong());
        for status in EventStatus::ALL {
            let mut on = self.filter.statuses.contains(&status);
            if ui.checkbox(&mut on, status.label()).changed() {
                if on {
                    self.filter.statuses.insert(status);
                } else {
                    self.filter.statuses.remove(&status);
                }
                changed = true;
            }
        }
        ui.separator();
        ui.label(RichText::new("Dates").strong());
        changed |= self.dates_ui(ui);
        changed
    }

    fn dates_ui(&mut self, ui: &mut Ui) -> bool {
        let mut edited = false;
        egui::Grid::new("filter-dates").num_columns(2).show(ui, |ui| {
            for (name, text) in [("From", &mut self.from), ("To", &mut self.to)] {
                let label = ui.label(name);
                let r = ui
                    .add(egui::TextEdit::singleline(text).hint_text("e.g. 2013-08").desired_width(140.0))
                    .labelled_by(label.id);
                edited |= r.lost_focus() || (r.changed() && text.is_empty());
                ui.end_row();
            }
        });
        if let Some(e) = &self.date_error {
            ui.colored_label(super::dialog::palette_of(ui).problem, e);
        }
        if !edited {
            return false;
        }
        match (bound(&self.from, End::Start), bound(&self.to, End::End)) {
            (Ok(from), Ok(to)) => {
                self.date_error = None;
                let changed = (from, to) != (self.filter.from, self.filter.to);
                self.filter.from = from;
                self.filter.to = to;
                changed
            }
            (Err(e), _) | (_, Err(e)) => {
                self.date_error = Some(e);
                false
            }
        }
    }
}
