//! The Changed sources review: when a source's text is no longer the one its quotes were
//! checked against (a corrected article, an amended complaint, a PDF read again), each of its
//! citations re-anchored in the new text, the old words beside the new with what differs
//! marked. Accept takes the new place (or the reworded words), Keep Old Quote keeps the words
//! as they were though the new version no longer has them, Find by Hand lets the user select
//! them in the new text; Accept All takes those that stayed or moved with the same words. Each
//! answer is one undoable edit; a source leaves the list once none of its citations waits.
//! A source whose original document changed on disk is listed too, with Read New Version.
//!
//! The review is worked out in a background job (it hashes and reads originals), again after
//! every edit while the list is shown, and once after a timeline opens: the list then opens by
//! itself when something changed.

use std::sync::Arc;

use egui::{Color32, RichText, Ui};

use super::command::Command;
use crate::model::anchor::Outcome;
use crate::model::anchor::review::{Answer, accept_all_edit, answer_edit};
use crate::scene::Palette;
use crate::session::review::{SourceReview, Words, review};
use crate::session::{Job, Loaded, Session};

/// How many waiting citations of a source are listed at once.
const MOST_ROWS: usize = 200;

/// The review's state: shown or not, and the findings for a revision of the document.
#[derive(Default)]
pub struct ChangedSources {
    pub open: bool,
    /// A timeline just opened: look at its sources, and open the list if some changed.
    on_open: bool,
    job: Option<(u64, Job<Vec<SourceReview>>)>,
    review: Option<(u64, Arc<Vec<SourceReview>>)>,
}

impl ChangedSources {
    /// Another document (or a new version of the open one) is shown: what was found is
    /// forgotten, and its sources are looked at.
    pub fn opened(&mut self) {
        *self = Self { on_open: true, ..Self::default() };
    }

    pub(crate) fn toggle(&mut self) {
        self.open = !self.open;
    }

    /// Collects a finished review and starts one for the document as it is now, when the list
    /// is shown (or a timeline just opened) and none is running for it. Called every frame.
    pub(crate) fn poll(&mut self, session: &Session, ctx: &egui::Context) {
        let revision = session.revision();
        if let Some((r, job)) = &self.job
            && let Some(result) = job.poll()
        {
            let r = *r;
            self.job = None;
            // A review that failed (a bug) lists nothing rather than stop the window.
            let list = result.unwrap_or_default();
            if std::mem::take(&mut self.on_open) && !list.is_empty() {
                self.open = true;
            }
            self.review = Some((r, Arc::new(list)));
        }
        let wanted = self.open || self.on_open;
        let current = |r: &u64| *r == revision;
        let fresh =
            self.review.as_ref().is_some_and(|(r, _)| current(r)) || self.job.as_ref().is_some_and(|(r, _)| current(r));
        if wanted && !fresh && !session.is_loading() {
            let data = Arc::clone(session.data());
            let waker = ctx.clone();
            let job =
                Job::spawn("reviewing changed sources", move || waker.request_repaint(), move |_| review(&data.doc));
            self.job = Some((revision, job));
        }
    }

    /// How many sources the last review found changed.
    pub fn count(&self) -> usize {
        self.review.as_ref().map_or(0, |(_, r)| r.len())
    }

    /// The findings of the last review, if it was made for `revision`.
    pub fn current(&self, revision: u64) -> Option<&[SourceReview]> {
        self.review.as_ref().filter(|(r, _)| *r == revision).map(|(_, list)| list.as_slice())
    }

    /// The list, with its answers as commands.
    pub fn ui(&self, ui: &mut Ui, data: &Loaded, revision: u64, palette: &Palette) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.horizontal_wrapped(|ui| {
            let count = self.review.as_ref().map_or_else(String::new, |(_, r)| format!(" ({})", r.len()));
            ui.label(RichText::new(format!("Changed Sources{count}")).strong());
            if ui.button("Close").clicked() {
                commands.push(Command::ToggleChangedSources);
            }
        });
        let Some((made_for, list)) = &self.review else {
            ui.horizontal_wrapped(|ui| {
                ui.spinner();
                ui.label("Looking for the quotes in the sources’ new versions…");
            });
            return commands;
        };
        if list.is_empty() {
            ui.label("No source changed since its quotes were checked.");
            return commands;
        }
        let stale = *made_for != revision;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            // Findings for an older revision are shown, but cannot be answered, until the new
            // ones come (a moment after each answer).
            ui.add_enabled_ui(!stale, |ui| {
                // Clear of the scroll bar.
                ui.set_max_width(ui.available_width() - 12.0);
                for source in list.iter() {
                    source_ui(ui, data, source, palette, &mut commands);
                }
            });
        });
        commands
    }
}

/// One changed source: what changed, its counts, Accept All, and a row per citation waiting.
fn source_ui(ui: &mut Ui, data: &Loaded, source: &SourceReview, palette: &Palette, commands: &mut Vec<Command>) {
    let doc = &data.doc;
    let waiting = source.waiting(doc);
    let title = super::text::fitted_heading(&source.title, ui.available_width(), 60.0, 60);
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("changed-source", &source.id))
        .default_open(true)
        .show(ui, |ui| {
            if let Some(original) = &source.original {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("{} changed since the text was read from it.", capitalised(original)))
                            .color(palette.caution),
                    )
                    .wrap(),
                );
                if ui
                    .button("Read New Version")
                    .on_hover_text("Reads the changed document again and re-anchors its quotes in the new text")
                    .clicked()
                {
                    commands.push(Command::ReadNewVersion(source.id.clone()));
                }
            }
            if !source.text_changed {
                return;
            }
            let n = source.found.len();
            let wait = |o: Outcome| waiting.iter().filter(|&&i| source.found[i].result.outcome == o).count();
            let (moved, changed, orphan) = (wait(Outcome::Moved), wait(Outcome::Changed), wait(Outcome::Orphan));
            ui.add(
                egui::Label::new(format!(
                    "Its text changed. {n} citation{}: {} in place or answered; waiting: {moved} moved, {changed} reworded, {orphan} not found.",
                    if n == 1 { "" } else { "s" },
                    n - waiting.len()
                ))
                .wrap(),
            );
            let label = if waiting.is_empty() { "Take the New Text" } else { "Accept All in Place or Moved" };
            let button = ui
                .add_enabled(moved > 0 || waiting.is_empty(), egui::Button::new(label).wrap())
                .on_hover_text(
                    "Takes the new places of the quotes whose words, and the words beside them, are the same; one undo step",
                );
            // Worked out on a click only: it hashes the source's text.
            if button.clicked()
                && let Some(edit) = accept_all_edit(doc, &source.id, &source.found)
            {
                commands.push(Command::Edit(edit, None));
            }
            if waiting.is_empty() {
                ui.label(RichText::new("Every quote stands in the new text as it was.").color(palette.success));
            }
            for &at in waiting.iter().take(MOST_ROWS) {
                ui.separator();
                row_ui(ui, data, source, at, palette, commands);
            }
            if waiting.len() > MOST_ROWS {
                ui.separator();
                ui.label(format!(
                    "{} more wait; they are listed as these are answered.",
                    waiting.len() - MOST_ROWS
                ));
            }
        });
}

/// A citation waiting for an answer: its event, what became of it, the old words beside the
/// new, and the answers.
fn row_ui(
    ui: &mut Ui,
    data: &Loaded,
    source: &SourceReview,
    at: usize,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    let doc = &data.doc;
    let f = &source.found[at];
    let Some(event) = doc.events().get(f.event) else { return };
    let Some(citation) = event.citations.get(f.citation) else { return };
    let default = Words::default();
    let words = source.words.get(at).unwrap_or(&default);
    let context_changed = words.context_changed;
    let places = source.places.get(at).copied().unwrap_or(0);
    let (text, badge) = match f.result.outcome {
        Outcome::Kept => ("in place", palette.success),
        Outcome::Moved if context_changed => ("moved; the words beside it changed", palette.caution),
        Outcome::Moved => ("moved", palette.success),
        Outcome::Changed => ("reworded", palette.caution),
        Outcome::Orphan if places > 1 => ("in several places", palette.caution),
        Outcome::Orphan => ("not found", palette.problem),
    };
    ui.horizontal_wrapped(|ui| {
        let title = ui.link(RichText::new(&*event.title).strong()).on_hover_text("Select the event");
        if title.clicked()
            && let Ok(e) = u32::try_from(f.event)
        {
            commands.push(Command::Select(Some(e)));
        }
        ui.label(RichText::new(text).color(badge).strong());
        if f.result.outcome != Outcome::Orphan {
            ui.label(RichText::new(format!("score {:.2}", f.result.score)).weak().small());
        }
    });
    words_ui(ui, f, words, places, palette);
    ui.horizontal_wrapped(|ui| {
        let hint = match f.result.outcome {
            Outcome::Changed => "Takes the new words as the quote; the old ones are kept in its history",
            _ => "Takes the quote’s new place",
        };
        let button = ui.add_enabled(f.result.range.is_some(), egui::Button::new("Accept")).on_hover_text(hint);
        if button.clicked()
            && let Some(edit) = answer_edit(doc, &source.id, &source.found, at, &Answer::Accept)
        {
            commands.push(Command::Edit(edit, None));
        }
        let keep = ui
            .button("Keep Old Quote")
            .on_hover_text("Keeps the words as they were, marked as not found in this version");
        if keep.clicked()
            && let Some(edit) = answer_edit(doc, &source.id, &source.found, at, &Answer::KeepOld)
        {
            commands.push(Command::Edit(edit, None));
        }
        if ui.button("Find by Hand").on_hover_text("Select the quote’s words in the new text").clicked() {
            // The new text opens near where the quote stood.
            let near = citation.anchor.as_ref().map_or(0, |a| a.start as usize);
            commands.push(Command::FindByHand {
                source: source.id.clone(),
                event: f.event,
                citation: f.citation,
                near,
            });
        }
    });
}

/// A waiting citation's words before and now, what differs marked (worked out with the
/// review); for the same words moved into another sentence, the words beside them.
fn words_ui(ui: &mut Ui, f: &crate::model::anchor::Found, words: &Words, places: usize, palette: &Palette) {
    if words.context_changed {
        ui.label(RichText::new("Before").small().weak());
        ui.add(egui::Label::new(marked(ui, &words.before, &words.gone, palette.problem, true)).wrap());
        ui.label(RichText::new("Now").small().weak());
        ui.add(egui::Label::new(marked(ui, &words.now, &words.came, palette.success, false)).wrap());
        return;
    }
    if f.result.outcome == Outcome::Moved {
        // The same words: one line of them is enough.
        ui.add(egui::Label::new(RichText::new(format!("“{}”", super::text::short(&words.before, 160))).weak()).wrap());
        return;
    }
    // Side by side: the words as they were, and as they now stand; ragged, not justified.
    ui.columns(2, |columns| {
        let left = egui::Layout::top_down(egui::Align::Min);
        columns[0].with_layout(left, |ui| {
            ui.label(RichText::new("Before").small().weak());
            let before = marked(ui, &words.before, &words.gone, palette.problem, true);
            ui.add(egui::Label::new(before).wrap());
        });
        columns[1].with_layout(left, |ui| {
            // Clear of the list's scroll bar.
            ui.set_max_width(ui.available_width() - 10.0);
            ui.label(RichText::new("Now").small().weak());
            if f.result.range.is_some() {
                let now = marked(ui, &words.now, &words.came, palette.success, false);
                ui.add(egui::Label::new(now).wrap());
            } else if places > 1 {
                let several = if places > 8 { "many".to_owned() } else { places.to_string() };
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "The same words stand in {several} places; nothing tells which was meant: choose one with Find by Hand."
                        ))
                        .italics()
                        .color(palette.caution),
                    )
                    .wrap(),
                );
            } else {
                ui.label(RichText::new("Not found in the new version.").italics().color(palette.problem));
            }
        });
    });
}

/// `text` with the byte ranges `marks` coloured (and struck through for words gone).
fn marked(
    ui: &Ui,
    text: &str,
    marks: &[std::ops::Range<usize>],
    color: Color32,
    strike: bool,
) -> egui::text::LayoutJob {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let plain = egui::TextFormat { font_id: body.clone(), color: ui.visuals().text_color(), ..Default::default() };
    let mark = egui::TextFormat {
        font_id: body,
        color,
        underline: if strike { egui::Stroke::NONE } else { egui::Stroke::new(1.0, color) },
        strikethrough: if strike { egui::Stroke::new(1.0, color) } else { egui::Stroke::NONE },
        ..Default::default()
    };
    let mut job = egui::text::LayoutJob::default();
    let mut at = 0;
    for r in marks {
        if r.start < at || r.end > text.len() {
            continue;
        }
        job.append(&text[at..r.start], 0.0, plain.clone());
        job.append(&text[r.clone()], 0.0, mark.clone());
        at = r.end;
    }
    job.append(&text[at..], 0.0, plain);
    job
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
