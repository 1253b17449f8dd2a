//! The Proposals list: the dates citeline read in the sources, one per sentence no event cites
//! yet, each with its sentence (the date highlighted) and its proposed date; Accept makes the
//! event, Reject hides it for good (remembered in the file), Accept All takes a source's.

use egui::{RichText, Ui};

use super::command::Command;
use crate::model::date::Edtf;
use crate::model::propose::Proposal;
use crate::scene::Palette;
use crate::session::Loaded;

/// The list; `proposals` is `None` while the sources are first read.
pub fn proposals_ui(ui: &mut Ui, data: &Loaded, proposals: Option<&[Proposal]>, palette: &Palette) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let count = proposals.map_or_else(String::new, |p| format!(" ({})", p.len()));
        ui.label(RichText::new(format!("Proposed Dates{count}")).strong());
        if ui.button("Close").clicked() {
            commands.push(Command::ToggleProposals);
        }
    });
    let Some(proposals) = proposals else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Reading the dates in the sources…");
        });
        return commands;
    };
    if proposals.is_empty() {
        ui.label(
            "No dates to propose: every sentence of the sources that holds a date is cited by an event, or was \
             rejected. Sources in Spanish, Italian and English are read.",
        );
        return commands;
    }
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for source in &data.doc.timeline().sources {
            let mine: Vec<&Proposal> = proposals.iter().filter(|p| p.source == *source.id).collect();
            if mine.is_empty() {
                continue;
            }
            // A long title would widen the panel past the window: the source view has it whole.
            let title: String = if source.title.chars().count() > 40 {
                source.title.chars().take(39).collect::<String>() + "…"
            } else {
                source.title.clone()
            };
            egui::CollapsingHeader::new(format!("{title} ({})", mine.len()))
                .id_salt(("proposals", &*source.id))
                .default_open(true)
                .show(ui, |ui| {
                    if ui
                        .button(format!("Accept All ({})", mine.len()))
                        .on_hover_text("One undo step takes them all back")
                        .clicked()
                    {
                        commands.push(Command::AcceptProposals(mine.iter().map(|p| (*p).clone()).collect()));
                    }
                    for p in mine {
                        proposal_ui(ui, data, p, palette, &mut commands);
                    }
                });
        }
    });
    commands
}

fn proposal_ui(ui: &mut Ui, data: &Loaded, p: &Proposal, palette: &Palette, commands: &mut Vec<Command>) {
    ui.separator();
    let words = Edtf::parse(&p.when).map_or_else(|_| p.when.clone(), |d| d.to_string());
    ui.label(RichText::new(format!("{words}  ·  {}", p.when)).strong());
    if let Some((_, text)) = data.doc.source(&p.source) {
        ui.label(sentence_job(ui, text, p, palette));
    }
    ui.horizontal(|ui| {
        if ui.button("Accept").on_hover_text(format!("New event: {}", p.title)).clicked() {
            commands.push(Command::AcceptProposals(vec![p.clone()]));
        }
        if ui.button("Reject").on_hover_text("Not proposed again (remembered in the timeline file)").clicked() {
            commands.push(Command::RejectProposal(p.clone()));
        }
    });
}

/// The sentence, its date expression highlighted.
fn sentence_job(ui: &Ui, text: &str, p: &Proposal, palette: &Palette) -> egui::text::LayoutJob {
    let sentence = text.get(p.sentence.clone()).unwrap_or_default();
    let (s, e) = (p.expression.start.max(p.sentence.start), p.expression.end.min(p.sentence.end));
    let marked = s.checked_sub(p.sentence.start).zip(e.checked_sub(p.sentence.start)).map(|(a, b)| a..b);
    let font = egui::TextStyle::Body.resolve(ui.style());
    super::citation_panel::highlighted(ui, font, palette, ui.available_width(), sentence, marked)
}
