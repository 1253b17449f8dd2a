//! The timeline's own fields in the side panel: its title and description, and its eras (named
//! periods drawn behind the events), each with a title and an interval that is committed once
//! it reads as one.

use egui::{RichText, Ui};

use super::command::Command;
use super::field::{TextField, Typed};
use crate::model::edit::Edit;
use crate::model::{Document, Edtf, Era};
use crate::scene::Palette;

/// The timeline's fields (their drafts live with the fields: [`super::field`]).
pub(crate) fn timeline_editor_ui(ui: &mut Ui, doc: &Document, palette: &Palette) -> Vec<Command> {
    let mut commands = Vec::new();
    let t = doc.timeline();
    let title_needed = |text: &str| text.trim().is_empty().then(|| "A timeline needs a title.".to_owned());
    egui::CollapsingHeader::new("Timeline Details").id_salt("timeline-details").show(ui, |ui| {
        egui::Grid::new("timeline-fields").num_columns(2).show(ui, |ui| {
            let label = ui.label("Timeline title");
            let typed =
                TextField::singleline("timeline-title", &t.title).labelled_by(label.id).check(&title_needed).show(ui);
            if let Some(text) = typed.commit.clone().filter(|text| text.trim() != t.title) {
                commands.push(Command::Edit(Edit::SetTitle(text.trim().to_owned()), Some("timeline:title".into())));
            }
            problem_note(ui, &typed, palette);
            seal_on_leave(&typed, &mut commands);
            ui.end_row();
            let label = ui.label("Description");
            let value = t.description.clone().unwrap_or_default();
            let typed = TextField::multiline("timeline-description", &value, 2).labelled_by(label.id).show(ui);
            if let Some(text) = typed.commit.clone() {
                let description = (!text.trim().is_empty()).then(|| text.trim().to_owned());
                if description != t.description {
                    commands
                        .push(Command::Edit(Edit::SetDescription(description), Some("timeline:description".into())));
                }
            }
            seal_on_leave(&typed, &mut commands);
            ui.end_row();
        });
        ui.label(RichText::new(format!("Eras ({})", t.eras.len())).strong());
        for (i, era) in t.eras.iter().enumerate() {
            commands.extend(era_ui(ui, i, era, palette));
        }
        if ui.button("Add Era").clicked() {
            let era = Era { title: "New era".into(), when: default_era(doc) };
            commands.push(Command::Edit(Edit::AddEra { index: t.eras.len(), era }, None));
        }
    });
    commands
}

fn era_ui(ui: &mut Ui, i: usize, era: &Era, palette: &Palette) -> Vec<Command> {
    let mut commands = Vec::new();
    let title_needed = |text: &str| text.trim().is_empty().then(|| "An era needs a title.".to_owned());
    let interval_problem = |text: &str| era_interval_problem(text.trim());
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::Grid::new(("era-fields", i)).num_columns(2).show(ui, |ui| {
            let label = ui.label("Era title");
            ui.vertical(|ui| {
                let typed = TextField::singleline(("era-title", i), &era.title)
                    .labelled_by(label.id)
                    .check(&title_needed)
                    .show(ui);
                if let Some(text) = typed.commit.clone().filter(|text| text.trim() != era.title) {
                    let changed = Era { title: text.trim().to_owned(), ..era.clone() };
                    commands.push(Command::Edit(
                        Edit::UpdateEra { index: i, era: changed },
                        Some(format!("era:{i}:title")),
                    ));
                }
                problem_note(ui, &typed, palette);
                seal_on_leave(&typed, &mut commands);
            });
            ui.end_row();
            let label = ui.label("Era dates");
            ui.vertical(|ui| {
                let typed = TextField::singleline(("era-when", i), &era.when)
                    .hint("e.g. 2011/2019")
                    .labelled_by(label.id)
                    .check(&interval_problem)
                    .show(ui);
                let why = era_interval_problem(typed.text.trim());
                let note = why
                    .clone()
                    .unwrap_or_else(|| Edtf::parse(typed.text.trim()).map(|d| d.to_string()).unwrap_or_default());
                ui.label(RichText::new(note).small().color(if why.is_some() {
                    palette.problem
                } else {
                    palette.text_muted
                }));
                if let Some(text) = typed.commit.clone().filter(|text| text.trim() != era.when) {
                    let changed = Era { when: text.trim().to_owned(), ..era.clone() };
                    commands
                        .push(Command::Edit(Edit::UpdateEra { index: i, era: changed }, Some(format!("era:{i}:when"))));
                }
                seal_on_leave(&typed, &mut commands);
            });
            ui.end_row();
        });
        if ui.button("Remove Era").clicked() {
            commands.push(Command::Edit(Edit::RemoveEra { index: i }, None));
        }
    });
    commands
}

/// Why the text as typed was not taken, under its field.
fn problem_note(ui: &mut Ui, typed: &Typed, palette: &Palette) {
    if let Some(why) = &typed.problem {
        ui.label(RichText::new(why).small().color(palette.problem));
    }
}

fn seal_on_leave(typed: &Typed, commands: &mut Vec<Command>) {
    if typed.left {
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
