//! The timeline's own fields in the side panel: its title and description, and its eras (named
//! periods drawn behind the events), each with a title and an interval that is committed once
//! it reads as one.

use egui::{RichText, Ui};

use super::command::Command;
use crate::model::edit::Edit;
use crate::model::{Document, Edtf, Era};
use crate::scene::Palette;

/// Era intervals as typed (they may not be intervals yet), by era, for the revision they were
/// read at.
#[derive(Default)]
pub struct TimelineEditor {
    read_at: Option<u64>,
    era_when: Vec<String>,
}

impl TimelineEditor {
    pub fn ui(&mut self, ui: &mut Ui, doc: &Document, revision: u64, palette: &Palette) -> Vec<Command> {
        let mut commands = Vec::new();
        let t = doc.timeline();
        if self.read_at != Some(revision) || self.era_when.len() != t.eras.len() {
            self.era_when = t.eras.iter().map(|e| e.when.clone()).collect();
            self.read_at = Some(revision);
        }
        egui::CollapsingHeader::new("Timeline Details").id_salt("timeline-details").show(ui, |ui| {
            egui::Grid::new("timeline-fields").num_columns(2).show(ui, |ui| {
                let label = ui.label("Timeline title");
                let mut title = t.title.clone();
                let r =
                    ui.add(egui::TextEdit::singleline(&mut title).desired_width(f32::INFINITY)).labelled_by(label.id);
                if r.changed() {
                    commands.push(Command::Edit(Edit::SetTitle(title), Some("timeline:title".into())));
                }
                seal_on_leave(&r, &mut commands);
                ui.end_row();
                let label = ui.label("Description");
                let mut text = t.description.clone().unwrap_or_default();
                let r = ui
                    .add(egui::TextEdit::multiline(&mut text).desired_rows(2).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                if r.changed() {
                    let description = (!text.trim().is_empty()).then_some(text);
                    commands
                        .push(Command::Edit(Edit::SetDescription(description), Some("timeline:description".into())));
                }
                seal_on_leave(&r, &mut commands);
                ui.end_row();
            });
            ui.label(RichText::new(format!("Eras ({})", t.eras.len())).strong());
            for (i, era) in t.eras.iter().enumerate() {
                commands.extend(self.era_ui(ui, i, era, palette));
            }
            if ui.button("Add Era").clicked() {
                let era = Era { title: "New era".into(), when: default_era(doc) };
                commands.push(Command::Edit(Edit::AddEra { index: t.eras.len(), era }, None));
            }
        });
        commands
    }

    fn era_ui(&mut self, ui: &mut Ui, i: usize, era: &Era, palette: &Palette) -> Vec<Command> {
        let mut commands = Vec::new();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::Grid::new(("era-fields", i)).num_columns(2).show(ui, |ui| {
                let label = ui.label("Era title");
                let mut title = era.title.clone();
                let r =
                    ui.add(egui::TextEdit::singleline(&mut title).desired_width(f32::INFINITY)).labelled_by(label.id);
                if r.changed() && !title.trim().is_empty() {
                    let changed = Era { title, ..era.clone() };
                    commands.push(Command::Edit(
                        Edit::UpdateEra { index: i, era: changed },
                        Some(format!("era:{i}:title")),
                    ));
                }
                seal_on_leave(&r, &mut commands);
                ui.end_row();
                let label = ui.label("Era dates");
                ui.vertical(|ui| {
                    let Some(draft) = self.era_when.get_mut(i) else { return };
                    let r = ui
                        .add(egui::TextEdit::singleline(draft).hint_text("e.g. 2011/2019").desired_width(f32::INFINITY))
                        .labelled_by(label.id);
                    let why = era_interval_problem(draft.trim());
                    let note = why
                        .clone()
                        .unwrap_or_else(|| Edtf::parse(draft.trim()).map(|d| d.to_string()).unwrap_or_default());
                    ui.label(RichText::new(note).small().color(if why.is_some() {
                        palette.problem
                    } else {
                        palette.text_muted
                    }));
                    if r.changed() && why.is_none() {
                        let changed = Era { when: draft.trim().to_owned(), ..era.clone() };
                        commands.push(Command::Edit(
                            Edit::UpdateEra { index: i, era: changed },
                            Some(format!("era:{i}:when")),
                        ));
                    }
                    seal_on_leave(&r, &mut commands);
                });
                ui.end_row();
            });
            if ui.button("Remove Era").clicked() {
                commands.push(Command::Edit(Edit::RemoveEra { index: i }, None));
            }
        });
        commands
    }
}

fn seal_on_leave(r: &egui::Response, commands: &mut Vec<Command>) {
    if r.lost_focus() {
        commands.push(Command::SealHistory);
    }
}

/// Why `text` cannot be an era's dates: an era needs an interval with both ends known.
fn era_interval_problem(text: &str) -> Option<String> {
    match Edtf::parse(text) {
        Err(e) => Some(format!("Not a date citeline reads: {e}")),
        Ok(d) if d.span().open_start || d.span().open_end => Some("An era needs two known ends.".to_owned()),
        Ok(_) => None,
    }
}

/// A new era's dates: the years the timeline spans, or this year when nothing is dated.
fn default_era(doc: &Document) -> String {
    let years = doc.spans().iter().flatten().fold(None, |acc: Option<(f64, f64)>, s| {
        Some(acc.map_or((s.start, s.end), |(a, b)| (a.min(s.start), b.max(s.end))))
    });
    match years {
        Some((a, b)) => {
            #[allow(clippy::cast_possible_truncation)] // days on the axis fit i64
            let year =
                |d: f64| crate::formats::tjs_date::edtf_year(crate::model::date::civil_from_day(d.floor() as i64).0);
            format!("{}/{}", year(a), year(b - 1.0))
        }
        None => "2024".to_owned(),
    }
}
