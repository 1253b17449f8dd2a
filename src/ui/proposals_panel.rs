//! The Proposals list: the dates citeline read in the sources, one per sentence no event cites
//! yet, each with its sentence (the date highlighted) and its proposed date; Accept makes the
//! event, Reject hides it for good (remembered in the file), Accept All takes a source's. A
//! source with none says why (no dated sentences, every one cited or rejected…).

use std::sync::{Arc, Mutex};

use egui::{RichText, Ui};

use super::command::Command;
use crate::model::date::Edtf;
use crate::model::propose::{NoProposal, Proposal, SourceToRead};
use crate::scene::Palette;
use crate::session::{Job, Loaded};

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
        let none = if data.doc.timeline().sources.is_empty() {
            "No dates to propose: the timeline has no sources yet (File › Add Source…)."
        } else {
            "No dates to propose. Sources in Spanish, Italian and English are read."
        };
        ui.label(none);
    }
    let why_none = why_none(ui, data, proposals);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let mut without = Vec::new();
        for source in &data.doc.timeline().sources {
            let mine: Vec<&Proposal> = proposals.iter().filter(|p| p.source == *source.id).collect();
            // A long title would widen the panel past the window: the source view has it whole.
            let title: String = if source.title.chars().count() > 40 {
                source.title.chars().take(39).collect::<String>() + "…"
            } else {
                source.title.clone()
            };
            if mine.is_empty() {
                without.push((title, &*source.id));
                continue;
            }
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
        if !without.is_empty() {
            ui.separator();
            ui.label(RichText::new("Sources without proposals").strong());
            for (title, id) in without {
                let why = why_none.as_ref().map_or_else(
                    || "reading…".to_owned(),
                    |list| list.iter().find(|(s, _)| s == id).map_or_else(String::new, |(_, w)| w.words()),
                );
                ui.label(format!("{title}: {why}"));
            }
        }
    });
    commands
}

/// Why each source without a proposal has none, read for one list of proposals.
type WhyNone = Vec<(String, NoProposal)>;

/// The reading of [`WhyNone`] for one list (told apart by where it stands, its length and the
/// document's counts), under way or done.
struct Reasons {
    key: [usize; 5],
    job: Option<Job<WhyNone>>,
    read: Option<Arc<WhyNone>>,
}

/// Why each source of `data` without a proposal in `proposals` has none: read in the background
/// (a large source takes a moment), `None` until read.
fn why_none(ui: &Ui, data: &Loaded, proposals: &[Proposal]) -> Option<Arc<WhyNone>> {
    let timeline = data.doc.timeline();
    let key = [
        proposals.as_ptr() as usize,
        proposals.len(),
        timeline.events.len(),
        timeline.rejected.len(),
        timeline.sources.len(),
    ];
    let id = egui::Id::unique("proposals-why-none");
    let cell: Arc<Mutex<Option<Reasons>>> = ui.data_mut(|d| Arc::clone(d.get_temp_mut_or_default(id)));
    let mut reasons = cell.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if reasons.as_ref().is_none_or(|r| r.key != key) {
        let sources: Vec<SourceToRead> = timeline
            .sources
            .iter()
            .filter(|s| !proposals.iter().any(|p| p.source == *s.id))
            .filter_map(|s| SourceToRead::of(&data.doc, &s.id))
            .collect();
        let ctx = ui.ctx().clone();
        let job = Job::spawn(
            "why-no-proposals",
            move || ctx.request_repaint(),
            move |_| sources.iter().filter_map(|s| s.why_none().map(|w| (s.id.clone(), w))).collect(),
        );
        *reasons = Some(Reasons { key, job: Some(job), read: None });
    }
    let r = reasons.as_mut()?;
    if let Some(result) = r.job.as_ref().and_then(Job::poll) {
        r.job = None;
        // A reading that failed (a bug) says nothing rather than something wrong.
        r.read = Some(Arc::new(result.unwrap_or_default()));
    }
    r.read.clone()
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
